"""The glossaries and names read from their snapshot are those read from the files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.checks import lexicon, tables, terms
from reviewer.core.checks.lexicon import LanguageSettings


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[LanguageSettings]:
    before = lexicon.settings()
    glossary = tmp_path / "mine.csv"
    glossary.write_text(
        "english,dutch,forbidden,note,admitted\n"
        "admin center,beheercentrum,beheerder centrum,,\n"
        "Contoso,Contoso,,,\n",
        "utf-8",
    )
    names = tmp_path / "names.txt"
    names.write_text("Fabrikam\n", "utf-8")
    chosen = LanguageSettings(glossaries=[str(glossary)], do_not_translate=[str(names)])
    lexicon.configure(chosen)
    yield chosen
    lexicon.configure(before)


def _read() -> tuple[list[terms._Row], list[terms._Row], list[str]]:
    terms.reset()
    rows = [
        [(t.english, t.dutch, t.forbidden, t.note, t.admitted) for t in g.terms]
        for g in (terms.glossary(), terms.names())
    ]
    return rows[0], rows[1], terms.load_problems()


def _snapshots() -> list[Path]:
    return sorted(tables.folder().glob("terms-*"))


def test_snapshot_reads_as_the_files_do(settings: LanguageSettings, tmp_path: Path) -> None:
    for old in _snapshots():
        old.unlink()
    sources = [*lexicon.settings().glossaries]
    from reviewer.resources import resource_path

    sources.insert(0, str(resource_path(*terms.SHIPPED_GLOSSARY)))
    names = [str(resource_path(*terms.SHIPPED_NAMES)), *settings.do_not_translate]
    from_files = terms._read(sources, names)
    first = _read()  # builds the snapshot
    assert _snapshots()
    second = _read()  # from it
    assert first == second == (from_files[0], from_files[1], from_files[2])
    assert ("Contoso", "Contoso", [], "", []) in first[1]  # a kept-English term is a name
    assert any(row[0] == "Fabrikam" for row in first[1])
    assert first[2] == []

    # A changed glossary is read again, never served from the old snapshot.
    mine = Path(settings.glossaries[0])
    mine.write_text("english,dutch\nadmin center,beheercentrum\nsign in,aanmelden\n", "utf-8")
    changed = _read()
    assert ("sign in", "aanmelden", [], "", []) in changed[0]
    assert not any(row[0] == "Contoso" for row in changed[1])

    # A damaged snapshot is ignored and made again.
    for snapshot in _snapshots():
        snapshot.write_bytes(b"\x00not marshal")
    assert _read() == changed
    assert all(os.path.getsize(p) > 20 for p in _snapshots())


def test_an_unreadable_glossary_is_named_and_nothing_is_kept(
    settings: LanguageSettings, tmp_path: Path
) -> None:
    for old in _snapshots():
        old.unlink()
    lexicon.configure(
        LanguageSettings(
            glossaries=[*settings.glossaries, str(tmp_path / "gone.csv")],
            do_not_translate=settings.do_not_translate,
        )
    )
    _terms, names, problems = _read()
    assert len(problems) == 1 and "gone.csv" in problems[0]
    assert any(row[0] == "Contoso" for row in names)
    assert not _snapshots()  # made again from the files at every read until it is there
