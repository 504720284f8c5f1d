"""The user's spelling dictionary as a list: read it, replace it, take words out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.checks import lexicon, spelling, word_list


@pytest.fixture
def words(tmp_path: Path) -> Iterator[Path]:
    """A user dictionary in a folder that does not exist yet, as on a first start."""
    before = lexicon.settings()
    path = tmp_path / "config" / "reviewer" / "dictionary.txt"
    lexicon.configure(lexicon.LanguageSettings(user_dictionary=str(path)))
    yield path
    lexicon.configure(before)


def test_set_user_words_creates_the_folder_and_the_list_reads_back_sorted(words: Path) -> None:
    assert word_list.user_word_list() == []
    assert word_list.set_user_words(["Zorgportaal", "xqzvrtlk", "abcportaal", "xqzvrtlk"]) == str(
        words
    )
    assert word_list.user_word_list() == ["Zorgportaal", "abcportaal", "xqzvrtlk"]
    assert lexicon.user_words() == {"Zorgportaal", "abcportaal", "xqzvrtlk"}
    lines = words.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and lines[1:] == ["Zorgportaal", "abcportaal", "xqzvrtlk"]
    assert not list(words.parent.glob("*.tmp"))  # written through a temp file, renamed


def test_comments_at_the_top_are_kept_and_blank_lines_dropped(words: Path) -> None:
    words.parent.mkdir(parents=True)
    words.write_text("# mine\n# for the Teams articles\n\nbeta\n\nalfa\n", encoding="utf-8")
    assert word_list.user_word_list() == ["alfa", "beta"]
    word_list.remove_user_words(["beta"])
    assert words.read_text(encoding="utf-8") == "# mine\n# for the Teams articles\nalfa\n"


def test_a_removed_word_is_misspelled_again(words: Path) -> None:
    if not lexicon.spelling_status().available:
        pytest.skip(lexicon.spelling_status().message)
    target = "Open de xqzvrtlk nu."
    word_list.add_user_word("xqzvrtlk")
    word_list.add_user_word("qwrtpsdf")
    assert spelling.misspelled_spans(target) == []
    before = lexicon.generation()
    word_list.remove_user_words(["xqzvrtlk"])
    assert lexicon.generation() > before  # the spelling caches are dropped
    assert spelling.misspelled_spans(target) == [(8, 16)]
    assert word_list.user_word_list() == ["qwrtpsdf"]
    findings = list(spelling.check_spelling("Open the portal now.", target))
    assert len(findings) == 1 and "xqzvrtlk" in findings[0]


@pytest.mark.parametrize("bad", ["", "  ", "two words", "#comment", "tab\there"])
def test_a_bad_word_is_refused_and_the_file_left_alone(words: Path, bad: str) -> None:
    word_list.set_user_words(["alfa"])
    before = words.read_bytes()
    with pytest.raises(ValueError):
        word_list.set_user_words(["beta", bad])
    with pytest.raises(ValueError):
        word_list.add_user_word(bad)
    assert words.read_bytes() == before


def test_a_file_that_is_not_utf8_is_never_overwritten(words: Path) -> None:
    words.parent.mkdir(parents=True)
    words.write_bytes("café\nbeta\n".encode("latin-1"))
    with pytest.raises(ValueError, match=r"dictionary\.txt"):
        word_list.set_user_words(["alfa"])
    with pytest.raises(ValueError, match=r"dictionary\.txt"):
        word_list.add_user_word("alfa")
    assert words.read_bytes() == "café\nbeta\n".encode("latin-1")


def test_without_a_configured_dictionary_a_path_is_needed(tmp_path: Path) -> None:
    before = lexicon.settings()
    lexicon.configure(lexicon.LanguageSettings())
    try:
        assert word_list.user_word_list() == []
        with pytest.raises(ValueError, match="no user dictionary"):
            word_list.set_user_words(["alfa"])
        path = str(tmp_path / "elsewhere.txt")
        assert word_list.set_user_words(["alfa"], path) == path
        assert word_list.user_word_list(path) == ["alfa"]
    finally:
        lexicon.configure(before)


WORD = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12).filter(
    lambda w: not any(c.isspace() for c in w) and not w.startswith("#")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, max_size=8))
def test_any_word_list_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, ws: list[str]
) -> None:
    path = str(tmp_path_factory.mktemp("words") / "dictionary.txt")
    word_list.set_user_words(ws, path)
    assert word_list.user_word_list(path) == sorted(set(ws))
