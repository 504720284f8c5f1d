"""Language check APIs: glossary files, the user dictionary, spelling spans and status."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.checks import lexicon, spelling, terms, word_list
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
    word_list.add_user_word("xqzvrtlk")
    assert "xqzvrtlk" in words.read_text()
    assert spelling.misspelled_spans("Open de xqzvrtlk!") == []
    with pytest.raises(ValueError):
        word_list.add_user_word("two words")


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
    assert not status.available and "nl_NL" in status.message
    assert list(spelling.check_spelling("A license.", "Een licnetie.")) == []
    # compounds need no dictionary
    assert spelling.misspellings("Een toegangs token.")[0].replacement == "toegangstoken"


_DICTIONARY_PROBE = """
import os, shutil, sys
from pathlib import Path
from reviewer.core.checks import lexicon
copy = Path(sys.argv[1])
if copy.name:
    shutil.copytree(lexicon.shipped_dictionary_folder(), copy)
    dic = copy / "hunspell" / "nl_NL.dic"
    lines = dic.read_text(encoding="utf-8").splitlines()
    lines[0] = str(int(lines[0]) + 1)
    dic.write_text("\\n".join([*lines, "reviewerproefwoord"]) + "\\n", encoding="utf-8")
    lexicon.shipped_dictionary_folder = lambda: copy
status = lexicon.spelling_status()
d = lexicon.dictionary()
known = d is not None and d.check("reviewerproefwoord")
print(status.available, os.environ.get("ENCHANT_CONFIG_DIR"), known)
"""


def test_enchant_reads_the_shipped_dictionary(tmp_path: Path) -> None:
    """The nl_NL dictionary inside the package is the one enchant loads (a word only a copy of
    it holds is known), so spelling needs no system dictionary package."""
    import os
    import subprocess
    import sys

    pytest.importorskip("enchant")
    env = {k: v for k, v in os.environ.items() if k != "ENCHANT_CONFIG_DIR"}

    def probe(copy: str) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", _DICTIONARY_PROBE, copy],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return run.stdout.split()

    shipped = str(lexicon.shipped_dictionary_folder())
    assert probe("") == ["True", shipped, "False"]
    copy = tmp_path / "enchant"
    assert probe(str(copy)) == ["True", str(copy), "True"]


def test_suggestions_come_on_request() -> None:
    """The finding names the word; suggestions (slow in Hunspell) are asked by the editor."""
    if not lexicon.spelling_status().available:
        pytest.skip(lexicon.spelling_status().message)
    assert list(spelling.check_spelling("A license.", "Een licnetie.")) == [
        "unknown word 'licnetie'"
    ]
    assert "licentie" in spelling.suggestions("licnetie")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("We use Teams for meetings.", "We gebruiken Teams voor vergaderingen."),
        ("Manage Antivirus settings.", "Antivirus beheren."),
        ("Call the API.", "API bellen."),
        ("How does Microsoft ensure that", "Hoe zorgt Microsoft ervoor dat"),
        ("Schema of Azure Event Hub events", "Schema van Azure Event Hub-gebeurtenissen"),
    ],
)
def test_compound_hyphen_leaves_verbs_pronouns_and_names_alone(source: str, target: str) -> None:
    assert list(spelling.check_compound_hyphen(source, target)) == []


def test_compound_hyphen_still_reports_a_name_and_a_noun() -> None:
    assert list(
        spelling.check_compound_hyphen(
            "Sign in to the Microsoft 365 admin center.",
            "Meld u aan bij het Microsoft 365 beheercentrum.",
        )
    ) == ["missing hyphen in 'Microsoft 365 beheercentrum': write 'Microsoft 365-beheercentrum'"]


@pytest.mark.parametrize(
    ("source", "target", "found"),
    [
        ("Use Skype for Business (Online).", "Gebruik Skype voor Bedrijven (Online).", False),
        ("Microsoft Defender for Endpoint", "Microsoft Defender voor Endpoint", False),
        ("Microsoft Defender for Endpoint", "Microsoft Defender voor Eindpunt", True),
        ("Turn on Safe Links.", "Schakel Safe koppelingen in.", True),
    ],
)
def test_dnt_accepts_microsofts_dutch_brand_forms(source: str, target: str, found: bool) -> None:
    assert bool(list(terms.check_dnt(source, target))) is found


@pytest.mark.parametrize(
    "target",
    [
        "Implementeer verbeteracties.",  # another linking form, plural
        "Open de **Beheercentra**.",  # Latin plural
        "In groepschatberichten.",  # inside a compound
        "De standaardinstelling is 14 dagen.",
    ],
)
def test_glossary_term_accepts_inflected_and_compound_forms(tmp_path: Path, target: str) -> None:
    (tmp_path / "g.csv").write_text(
        "english,dutch\nimprovement actions,verbeteringsactie\nadmin centers,beheercentrum\n"
        "chat messages,chatberichten\ndefault setting,standaardinstelling\n"
    )
    lexicon.configure(
        lexicon.LanguageSettings(glossaries=[str(tmp_path / "g.csv")], shipped_terms=False)
    )
    source = {
        "Implementeer verbeteracties.": "Implement improvement actions.",
        "Open de **Beheercentra**.": "Open the **Admin centers**.",
        "In groepschatberichten.": "In group chat messages.",
        "De standaardinstelling is 14 dagen.": "The default setting is 14 days.",
    }[target]
    assert list(terms.check_glossary_term(source, target)) == []
    assert list(terms.check_glossary_term(source, "Iets anders.")) != []


def test_one_problem_one_finding() -> None:
    """CSV → CVS is an acronym finding only; a long English run one untranslated finding."""
    from reviewer.core.checks import check_pair
    from reviewer.core.format import parse

    doc = parse(
        b"---\ntitle: x\n---\n"
        b"<!-- sxs-lookup -->\n"
        b'<span data-ttu-id="1f4c8-101">Export the CSV file.</span>'
        b'<span class="sxs-lookup"><span data-stu-id="1f4c8-101">'
        b"Exporteer het CVS-bestand.</span></span>\n",
        "a.md",
    )
    assert len(doc.pairs) == 1
    codes = [f.code for f in check_pair(doc.pairs[0])]
    assert "acronym" in codes and "forbidden-term" not in codes


def test_a_first_word_or_term_creates_the_settings_folder(tmp_path: Path) -> None:
    """On a first start the config folder does not exist yet; the first word added to the
    dictionary, or the first glossary term, creates it instead of failing."""
    folder = tmp_path / "config" / "reviewer"
    assert word_list.add_user_word("xqzvrtlk", str(folder / "dictionary.txt")).endswith(".txt")
    assert "xqzvrtlk" in (folder / "dictionary.txt").read_text(encoding="utf-8")
    g = Glossary()
    g.add("Search Center", "zoekcentrum")
    written = save_glossary(g, tmp_path / "elsewhere" / "glossary.csv")
    assert [t.dutch for t in load_glossary(written).terms] == ["zoekcentrum"]
