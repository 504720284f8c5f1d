"""Windows line endings (CRLF), mixed endings and a UTF-8 BOM read exactly like plain LF.

Every corpus article is converted and compared with its LF original: front matter, pairs,
line and column numbers, parse warnings and check findings agree, and the bytes round-trip.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reviewer.core.checks import run_checks
from reviewer.core.edits import SetTarget
from reviewer.core.format import Document, parse
from reviewer.core.workspace import open_article
from tests.corpus import CORPUS

ARTICLES = [p for p in sorted(CORPUS.glob("*.md")) if p.name != "SOURCES.md"]


def crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


def mixed(data: bytes) -> bytes:
    """Some lines CRLF, some LF, as a file edited on two systems ends up."""
    rnd = random.Random(len(data))
    lines = data.split(b"\n")
    ends = [b"\r\n" if rnd.random() < 0.5 else b"\n" for _ in lines[:-1]]
    return b"".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1]


def bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


def view(doc: Document) -> dict[str, object]:
    """Everything a reviewer sees of an article, with line endings taken out of the texts."""
    fm = doc.front_matter
    return {
        "front matter": None
        if fm is None
        else (fm.data, fm.error, fm.error_line, fm.display_items(), fm.fields),
        "pairs": [
            (p.id, p.line, p.column, p.in_front_matter, p.target.replace("\r\n", "\n"))
            for p in doc.pairs
        ],
        "warnings": [(w.code, w.line, w.column, w.message) for w in doc.warnings],
        "findings": [(f.pair_id, f.code, f.level, f.message) for f in run_checks([doc])],
    }


@pytest.mark.parametrize("convert", [crlf, mixed], ids=lambda f: f.__name__)
def test_every_corpus_article_reads_the_same_whatever_its_line_endings(
    convert: object,
) -> None:
    assert callable(convert)
    assert len(ARTICLES) >= 40
    for path in ARTICLES:
        lf = path.read_bytes()
        assert b"\r" not in lf
        other = convert(lf)
        doc = parse(other, path.name)
        assert doc.serialize() == other, path.name
        assert view(doc) == view(parse(lf, path.name)), path.name


def test_crlf_front_matter_is_recognised() -> None:
    doc = parse(b"---\r\ntitle: Opzeggen\r\nms.date: 01/02/2021\r\n---\r\nTekst\r\n", "x.md")
    assert doc.front_matter is not None
    assert doc.front_matter.display_items() == [("title", "Opzeggen"), ("ms.date", "01/02/2021")]
    assert doc.front_matter.fields[0].value == "Opzeggen"  # no stray \r in the shown value
    assert doc.warnings == []


def test_bom_front_matter_is_recognised() -> None:
    doc = parse(b"\xef\xbb\xbf---\ntitle: Opzeggen\n---\nTekst\n", "x.md")
    assert doc.front_matter is not None and doc.front_matter.start == 1
    assert doc.front_matter.display_items() == [("title", "Opzeggen")]


@pytest.mark.parametrize("convert", [bom, lambda d: bom(crlf(d))], ids=["bom", "bom-crlf"])
def test_every_corpus_article_with_a_bom_has_the_same_front_matter_and_pairs(
    convert: object,
) -> None:
    assert callable(convert)
    for path in ARTICLES:
        lf = path.read_bytes()
        other = convert(lf)
        doc, plain = parse(other, path.name), parse(lf, path.name)
        assert doc.serialize() == other
        assert view(doc)["front matter"] == view(plain)["front matter"], path.name
        # The BOM is a character of the first line: columns there are one further right.
        assert [(p.id, p.line, p.in_front_matter) for p in doc.pairs] == [
            (p.id, p.line, p.in_front_matter) for p in plain.pairs
        ]
        assert [(w.code, w.line) for w in doc.warnings] == [
            (w.code, w.line) for w in plain.warnings
        ]


def test_saving_a_crlf_article_changes_only_the_edited_target(tmp_path: Path) -> None:
    original = crlf((CORPUS / "change-nameservers.md").read_bytes())
    path = tmp_path / "article.md"
    path.write_bytes(original)
    ws = open_article(str(path), user="ann")
    old = ws.session.doc.pairs[1].target
    new = old.replace("48 uur", "twee dagen")
    assert new != old
    ws.session.apply(SetTarget(row=1, new_target=new))
    ws.save()
    assert path.read_bytes() == original.replace(old.encode(), new.encode(), 1)
    assert path.read_bytes().count(b"\r\n") == original.count(b"\r\n")
    again = open_article(str(path))
    assert again.session.doc.front_matter is not None
    assert again.session.doc.pairs[1].target == new
