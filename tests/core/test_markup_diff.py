"""The word-and-token diff against the original MT."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.format import parse
from reviewer.core.markup.diff import DELETE, EQUAL, INSERT, DiffRun, changed_ranges, token_diff
from tests.strategies import articles_with_pairs, corpus_bytes, fuzz_examples


def old_and_new(runs: list[DiffRun]) -> tuple[str, str]:
    old = "".join(r.text for r in runs if r.op in (EQUAL, DELETE))
    new = "".join(r.text for r in runs if r.op in (EQUAL, INSERT))
    return old, new


def test_one_changed_word_inside_a_link_marks_only_that_word() -> None:
    old = "Zie [de beheer centrum pagina](https://admin.microsoft.com/x) voor meer."
    new = "Zie [de beheercentrum pagina](https://admin.microsoft.com/x) voor meer."
    runs = token_diff(old, new)
    assert [r for r in runs if r.op != EQUAL] == [
        DiffRun(DELETE, "beheer centrum"),
        DiffRun(INSERT, "beheercentrum"),
    ]
    assert old_and_new(runs) == (old, new)


def test_markup_tokens_change_whole() -> None:
    runs = token_diff("Klik op **Opslaan**.", "Klik op Opslaan.")
    assert [r for r in runs if r.op != EQUAL] == [DiffRun(DELETE, "**"), DiffRun(DELETE, "**")]
    runs = token_diff("[a](https://x/1)", "[a](https://x/2)")
    assert DiffRun(DELETE, "](https://x/1)") in runs and DiffRun(INSERT, "](https://x/2)") in runs


def test_a_kept_space_does_not_split_a_change() -> None:
    runs = token_diff("Ga naar de grote pagina", "Ga naar het kleine pagina")
    assert [r for r in runs if r.op != EQUAL] == [
        DiffRun(DELETE, "de grote"),
        DiffRun(INSERT, "het kleine"),
    ]
    assert changed_ranges("Ga naar de grote pagina", "Ga naar het kleine pagina") == [(8, 18)]


def test_diff_rebuilds_both_sides_on_corpus_pairs() -> None:
    for name in articles_with_pairs()[:12]:
        doc = parse(corpus_bytes(name), name)
        for source, target in zip(doc.pairs.sources(), doc.pairs.targets(), strict=True):
            assert old_and_new(token_diff(source, target)) == (source, target)


@settings(max_examples=fuzz_examples(200))
@given(st.text(max_size=40), st.text(max_size=40))
def test_diff_rebuilds_both_sides(old: str, new: str) -> None:
    runs = token_diff(old, new)
    assert old_and_new(runs) == (old, new)
    assert all(r.text for r in runs)
