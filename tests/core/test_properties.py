"""Hypothesis properties: edits splice only their targets; any bytes parse or fail cleanly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.format import Document, parse
from tests.strategies import (
    any_bytes,
    articles_with_pairs,
    assert_document_consistent,
    corpus_bytes,
    edit_texts,
    expected_splice,
    fuzz_examples,
    mutated_corpus_bytes,
    parse_or_format_error,
)

BOUNDED = settings(
    max_examples=fuzz_examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def draw_edits(data: st.DataObject, doc: Document) -> dict[str, str]:
    """Apply 1-5 random edits to random pairs of ``doc``; return {id: new target}."""
    indices = data.draw(
        st.lists(st.integers(0, len(doc.pairs) - 1), min_size=1, max_size=5, unique=True),
        label="pairs",
    )
    edits: dict[str, str] = {}
    for i in indices:
        p = doc.pairs[i]
        text = data.draw(edit_texts, label=p.id)
        doc.set_target(p, text)
        edits[p.id] = text
    return edits


def assert_reparsed(out: bytes, name: str, doc: Document, edits: dict[str, str]) -> None:
    """``out`` parses to the same ids and sources, with exactly the edited targets changed."""
    again = parse(out, name)
    assert [(p.id, p.source) for p in again.pairs] == [(p.id, p.source) for p in doc.pairs]
    assert [p.target for p in again.pairs] == [edits.get(p.id, p.saved_target) for p in doc.pairs]
    if not any(doc.pair(pid).in_front_matter for pid in edits):
        assert [w.code for w in again.warnings] == [w.code for w in doc.warnings]
    assert_document_consistent(again)


@BOUNDED
@given(data=st.data(), name=st.sampled_from(articles_with_pairs()))
def test_random_edits_change_only_their_targets(data: st.DataObject, name: str) -> None:
    original = corpus_bytes(name)
    doc = parse(original, name)
    edits = draw_edits(data, doc)
    out = doc.serialize()
    assert out == expected_splice(original, edits)
    assert_reparsed(out, name, doc, edits)

    # A save adopts the output; the next round of edits must splice into it just as exactly.
    doc.mark_saved(out)
    assert not doc.is_modified
    assert_document_consistent(doc, check_warnings=False)
    assert doc.serialize() == out
    more = draw_edits(data, doc)
    out2 = doc.serialize()
    assert out2 == expected_splice(out, more)
    assert_reparsed(out2, name, doc, more)


@BOUNDED
@given(mutated_corpus_bytes())
def test_mutated_corpus_bytes_parse_or_raise_format_error(data: bytes) -> None:
    parse_or_format_error(data)


@BOUNDED
@given(any_bytes)
def test_random_bytes_parse_or_raise_format_error(data: bytes) -> None:
    parse_or_format_error(data)
