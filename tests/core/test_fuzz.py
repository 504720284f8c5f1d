"""Mutation campaign for `make fuzz`: markup-aware corruptions, then edits of what still parses."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import (
    MARKUP_TOKENS,
    assert_document_consistent,
    edit_texts,
    fuzz_examples,
    mutated_corpus_bytes,
    parse_or_format_error,
)

# Small by default so the normal suite stays quick; `make fuzz` sets REVIEWER_FUZZ_EXAMPLES.
CAMPAIGN = settings(
    max_examples=fuzz_examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

token_soup = st.lists(
    st.sampled_from(MARKUP_TOKENS) | st.text(max_size=10).map(str.encode), max_size=80
).map(b"".join)


@CAMPAIGN
@given(mutated_corpus_bytes(max_mutations=20, tokens=True))
def test_heavily_mutated_articles_parse_or_raise_format_error(data: bytes) -> None:
    parse_or_format_error(data)


@CAMPAIGN
@given(token_soup)
def test_markup_token_soup_parses_or_raises_format_error(data: bytes) -> None:
    parse_or_format_error(data)


@CAMPAIGN
@given(mutated_corpus_bytes(max_mutations=10, tokens=True), st.data())
def test_edits_of_mutated_articles_splice_and_reparse(data: bytes, draw: st.DataObject) -> None:
    doc = parse_or_format_error(data)
    if doc is None or not doc.pairs:
        return
    p = doc.pairs[draw.draw(st.integers(0, len(doc.pairs) - 1), label="pair")]
    new = draw.draw(edit_texts, label="target")
    doc.set_target(p, new)
    out = doc.serialize()
    text = data.decode("utf-8")
    assert out == (text[: p.target_start] + new + text[p.target_end :]).encode("utf-8")
    doc.mark_saved(out)
    assert_document_consistent(doc, check_warnings=False)
    again = parse_or_format_error(out)
    assert again is not None
    match = [q for q in again.pairs if q.start == p.start]
    assert len(match) == 1 and match[0].id == p.id
    assert (match[0].target, match[0].source) == (new, p.source)
