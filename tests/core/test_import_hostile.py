"""Hostile import files: exit 2, a message naming the file, and nothing written."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.cli import EXIT_INPUT, main
from reviewer.core.exporters import render
from reviewer.core.importing import MAX_IMPORT_BYTES
from reviewer.core.workspace import open_article
from reviewer.core.xliff import export_xliff
from tests.corpus import copy_corpus

HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'
NS = b'xmlns="urn:oasis:names:tc:xliff:document:1.2"'


pytestmark = pytest.mark.usefixtures("no_user_config")


def exported(tmp_path: Path, name: str = "change-nameservers.md") -> bytes:
    folder = tmp_path / "src"  # the import goes into another copy, beside it
    folder.mkdir(exist_ok=True)
    source = copy_corpus(folder, name)
    out = tmp_path / "export.xlf"
    export_xliff([open_article(str(source)).session], str(out))
    return out.read_bytes()


def billion_laughs(_: Path) -> bytes:
    lol = b'<!ENTITY a "lollollollollollollollollollol">'
    for k in range(1, 10):
        prev = b"a" if k == 1 else b"e%d" % (k - 1)
        lol += b'<!ENTITY e%d "%s">' % (k, (b"&" + prev + b";") * 10)
    return HEAD + b"<!DOCTYPE xliff [" + lol + b"]><xliff " + NS + b' version="1.2">&e9;</xliff>'


def one_unit(target: bytes, prolog: bytes = b"") -> bytes:
    """A small XLIFF 1.2 file for change-nameservers.md whose one target is ``target``."""
    return (
        HEAD
        + prolog
        + b"<xliff "
        + NS
        + b' version="1.2"><file original="change-nameservers.md" source-language="en"'
        + b' datatype="x-markdown"><body><trans-unit id="da2f2-102"><source>s</source><target>'
        + target
        + b"</target></trans-unit></body></file></xliff>"
    )


def xxe(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42")
    return one_unit(b"&x;", f'<!DOCTYPE xliff [<!ENTITY x SYSTEM "file://{secret}">]>'.encode())


def another_article(tmp_path: Path) -> bytes:
    return exported(tmp_path, "what-is-a-domain.md")


def same_name_other_ids(tmp_path: Path) -> bytes:
    data = exported(tmp_path)
    return data.replace(b'id="da2f2-', b'id="0ff1c-')


def duplicate_ids(tmp_path: Path) -> bytes:
    data = exported(tmp_path)
    start = data.index(b"<trans-unit")
    end = data.index(b"</trans-unit>") + len(b"</trans-unit>")
    return data[:end] + data[start:end] + data[end:]


def malformed(tmp_path: Path) -> bytes:
    return exported(tmp_path)[:-200]


def deep(_: Path) -> bytes:
    return one_unit(b"<mrk mtype='x-a'>" * 400 + b"x" + b"</mrk>" * 400)


def huge_text_node(_: Path) -> bytes:
    return HEAD + b"<xliff " + NS + b' version="1.2">' + b"a" * 12_000_000 + b"</xliff>"


def not_xliff(_: Path) -> bytes:
    return HEAD + b'<tmx version="1.4"><header/><body/></tmx>'


def empty(_: Path) -> bytes:
    return b""


def binary(_: Path) -> bytes:
    return bytes(range(256)) * 8


def sheet(tmp_path: Path) -> bytes:
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    return render([open_article(str(copy_corpus(folder, "change-nameservers.md"))).session], "xlsx")


def zip_from_the_future(tmp_path: Path) -> bytes:
    """A central directory entry asking for a zip version Python cannot unpack."""
    data = bytearray(sheet(tmp_path))
    at = data.index(b"PK\x01\x02")
    data[at + 6 : at + 8] = (84).to_bytes(2, "little")
    return bytes(data)


def broken_worksheet(tmp_path: Path) -> bytes:
    """A workbook whose Issues sheet breaks after its header row: a read-only workbook parses
    its rows only while they are read, so the error comes late (an XML ParseError)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(sheet(tmp_path))) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                cut = data.index(b"</row>") + len(b"</row>")
                data = data[:cut] + b"<row r='2'><c r='A2' t='inlineStr'><is><t>x</q>" + data[cut:]
            dst.writestr(info, data)
    return out.getvalue()


CASES: dict[str, tuple[str, Callable[[Path], bytes], str]] = {
    "malformed": (".xlf", malformed, "not well-formed XML"),
    "billion-laughs": (".xlf", billion_laughs, "document type declaration"),
    "xxe": (".xlf", xxe, "document type declaration"),
    "another-article": (".xlf", another_article, "holds no units for change-nameservers.md"),
    "same-name-other-ids": (".xlf", same_name_other_ids, "made for another article"),
    "duplicate-ids": (".xlf", duplicate_ids, "twice"),
    "deep-nesting": (".xlf", deep, "not well-formed XML"),
    "huge-text-node": (".xlf", huge_text_node, "not well-formed XML"),
    "not-xliff": (".xlf", not_xliff, "not an XLIFF"),
    "empty": (".xlf", empty, "not well-formed XML"),
    "binary-csv": (".csv", binary, "not UTF-8"),
    "binary-xlsx": (".xlsx", binary, "not an Excel workbook"),
    "zip-version": (".xlsx", zip_from_the_future, "could not be read as a workbook"),
    "broken-worksheet": (".xlsx", broken_worksheet, "could not be read as a workbook"),
    "unknown-kind": (".dat", binary, "not an XLIFF file, an .xlsx workbook or a .csv sheet"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_exits_2_names_the_file_and_writes_nothing(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ext, make, expected = CASES[case]
    bad = tmp_path / f"hostile{ext}"
    bad.write_bytes(make(tmp_path))
    article = copy_corpus(tmp_path)
    before = article.read_bytes()
    capsys.readouterr()
    assert main(["--user", "ann", "import", str(article), str(bad)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert str(bad) in err and expected in err
    assert "Traceback" not in err and "TOP-SECRET" not in err
    assert article.read_bytes() == before
    assert not Path(str(article) + ".review.yaml").exists()
    assert sorted(p.name for p in article.parent.iterdir() if p.name.startswith(".")) == []


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.xlf"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_IMPORT_BYTES + 1)
    article = copy_corpus(tmp_path)
    before = article.read_bytes()
    assert main(["import", str(article), str(big)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert str(big) in err and "the limit is" in err
    assert article.read_bytes() == before
    os.unlink(big)
