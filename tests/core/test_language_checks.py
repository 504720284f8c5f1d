"""Language check APIs: glossary files, the user dictionary, spelling spans and status."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.checks import lexicon, spelling, terms
from reviewer.core.checks.glossary import Glossary, GlossaryError, load_glossary, save_glossary


@pytest.fixture(autouse=True)
def _restore() -> object:
    yield
    lexicon.configure(lexicon.LanguageSettings())


@pytest.mark.parametrize("suffix", [".csv", ".tbx"])
def test_glossary_round_trip_and_hits(tmp_path: Path, suffix: str) -> None:
    g = Glossary()
    g.add("global administrator", "globale beheerder", ["algemene beheerder"], "role")
    g.add("Safe Links", "Safe Links")
    path = save_glossary(g, tmp_path / f"terms{suffix}")
    back = load_glossary(path)
    assert [(t.english, t.dutch, t.forbidden) for t in back.terms] == [
        ("global administrator", "globale beheerder", ["algemene beheerder"]),
        ("Safe Links", "Safe Links", []),
    ]
    source = "Global administrators can turn on Safe Links."
    hits = back.find(source)
    assert [source[h.start : h.end] for h in hits] == ["Global administrators", "Safe Links"]


def test_user_glossary_drives_the_checks(tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text(
        "english,dutch,forbidden\nlitigation hold,juridische bewaring,procesvoering\n"
    )
    lexicon.configure(
        lexicon.LanguageSettings(glossaries=[str(tmp_path / "g.csv")], shipped_terms=False)
    )
    fn = terms.check_forbidden_term
    assert list(fn("Place it on litigation hold.", "Plaats het in procesvoering.")) == [
        "'procesvoering' is a forbidden variant; use 'juridische bewaring'"
    ]
    assert [h.term.dutch for h in terms.find_terms("A Litigation hold")] == ["juridische bewaring"]


def test_tbx_with_a_dtd_entity_is_not_expanded(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "xxxxxxxxxx">]>'
        b'<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&a;</term></tig>'
        b'</langSet><langSet xml:lang="nl"><tig><term>b</term></tig></langSet></termEntry>'
        b"</body></text></martif>"
    )
    (tmp_path / "x.tbx").write_bytes(bomb)
    assert all("xxxxxxxxxx" not in t.english for t in load_glossary(tmp_path / "x.tbx").terms)


def test_bad_csv_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text("english,dutch\nonly-one-column\n")
    with pytest.raises(GlossaryError, match=r"g\.csv:2"):
        load_glossary(tmp_path / "g.csv")


def test_user_dictionary_adds_a_word(tmp_path: Path) -> None:
    words = tmp_path / "dictionary.txt"
    lexicon.configure(lexicon.LanguageSettings(user_dictionary=str(words)))
    target = "Open de xqzvrtlk."
    if not lexicon.spelling_status().available:
        pytest.skip(lexicon.spelling_status().message)
    assert spelling.misspelled_spans(target) == [(8, 16)]
    lexicon.add_user_word("xqzvrtlk")
    assert "xqzvrtlk" in words.read_text()
    assert spelling.misspelled_spans("Open de xqzvrtlk!") == []
    with pytest.raises(ValueError):
        lexicon.add_user_word("two words")


def test_spelling_skips_code_urls_names_and_identifiers() -> None:
    if not lexicon.spelling_status().available:
        pytest.skip(lexicon.spelling_status().message)
    target = (
        "Voer `Get-Qzxwv -Identity` uit in [PowerShell](https://aka.ms/qzxwv) met compressieNiveau "
        "en Qzxwv Online op 4f2a9c3e."
    )
    assert spelling.misspellings(target, "Run Get-Qzxwv in PowerShell with Qzxwv Online") == []


def test_spelling_status_without_a_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    import enchant  # type: ignore[import-untyped]

    monkeypatch.setattr(enchant, "dict_exists", lambda _language: False)
    lexicon.configure(lexicon.LanguageSettings())
    status = lexicon.spelling_status()
    assert not status.available and "hunspell-nl" in status.message
    assert list(spelling.check_spelling("A license.", "Een licnetie.")) == []
    # compounds need no dictionary
    assert spelling.misspellings("Een toegangs token.")[0].replacement == "toegangstoken"
