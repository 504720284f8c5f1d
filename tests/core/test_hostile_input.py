"""Broken and hostile input: a clear message naming the file, no crash, nothing written."""

from __future__ import annotations

import ast
import os
import shutil
import stat
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.cli import main as cli_main
from reviewer.core.errors import FormatError
from reviewer.core.fileio import MAX_ARTICLE_BYTES, atomic_write, load_document, read_bytes
from reviewer.core.format import check_target, parse

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
PAIR = (
    '<span data-ttu-id="a1-{0}">Doel {0}</span><span class="sxs-lookup">'
    '<span data-stu-id="a1-{0}">Source {0}</span></span>'
)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry below ``folder`` with its size and mtime: proof that nothing was written."""
    out: dict[str, tuple[int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            out[os.path.relpath(p, folder)] = (st.st_size, st.st_mtime_ns)
    return out


# -- the file itself ------------------------------------------------------------------------------
def _write(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "article.md"
        path.write_bytes(data)
        return path

    return make


def _huge(folder: Path) -> Path:
    path = folder / "huge.md"
    with open(path, "wb") as fh:
        # Sparse: the size is there, the 50 MB of data is not.
        fh.truncate(MAX_ARTICLE_BYTES)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "folder.md"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "missing.md"


SAMPLE = ("---\ntitle: x\n---\n" + PAIR.format(101) + "\n").encode("utf-8")

# (case, how to make it, fragments the message must hold)
BAD_FILES: list[tuple[str, Callable[[Path], Path], tuple[str, ...]]] = [
    ("not-utf8", _write(b"caf\xe9 au lait\n"), ("is not valid UTF-8", ":1:4:", "Re-save")),
    ("latin1-later-line", _write(b"ok\nna\xefve\n"), ("0xef is not valid UTF-8", ":2:3:")),
    ("utf16-bom", _write(SAMPLE.decode().encode("utf-16")), ("UTF-16", "Save it as UTF-8")),
    ("utf16-no-bom", _write(SAMPLE.decode().encode("utf-16-le")), ("NUL", "UTF-16")),
    ("binary", _write(bytes(range(256)) * 8), ("NUL bytes", "binary")),
    ("png", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ("binary",)),
    ("huge", _huge, ("50 MB", "limit")),
    ("folder", _folder, ("is a folder",)),
    ("missing", _missing, ("no such file",)),
]


@pytest.mark.parametrize(("case", "make", "fragments"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_a_format_error_naming_it(
    tmp_path: Path, case: str, make: Callable[[Path], Path], fragments: tuple[str, ...]
) -> None:
    path = make(tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(FormatError) as info:
        load_document(path)
    message = str(info.value)
    assert info.value.path == str(path)
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message, message
    assert snapshot(tmp_path) == before


# verify reads a folder as "every *.md below it" (a collection, not an error); the core case
# above covers a folder opened as an article.
CLI_BAD_FILES = [c for c in BAD_FILES if c[0] != "folder"]


@pytest.mark.parametrize(
    ("case", "make", "fragments"), CLI_BAD_FILES, ids=[c[0] for c in CLI_BAD_FILES]
)
def test_cli_verify_reports_bad_file_with_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    make: Callable[[Path], Path],
    fragments: tuple[str, ...],
) -> None:
    path = make(tmp_path)
    before = snapshot(tmp_path)
    assert cli_main(["verify", str(path)]) == 2
    out, err = capsys.readouterr()
    assert str(path) in err
    for fragment in fragments:
        assert fragment in err
    assert "Traceback" not in out + err
    assert snapshot(tmp_path) == before


def test_cli_subprocess_reports_every_bad_file_without_traceback(tmp_path: Path) -> None:
    paths = []
    for case, make, _ in CLI_BAD_FILES:
        sub = tmp_path / case
        sub.mkdir()
        paths.append(make(sub))
    good = tmp_path / "good.md"
    good.write_bytes(SAMPLE)
    before = snapshot(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "verify", str(good), *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    for path in paths:
        assert str(path) in proc.stderr
    assert f"{len(paths) + 1} files" in proc.stdout
    assert snapshot(tmp_path) == before


def test_empty_file_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.pairs == []
    assert doc.warnings == []
    assert doc.serialize() == b""
    assert cli_main(["verify", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "1 files, 0 pairs, 0 warnings, 0 failures" in out
    assert err == ""
    assert path.read_bytes() == b""


def test_unreadable_file_message_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The permission-denied path, forced so it runs even as root."""
    import reviewer.core.fileio as fileio

    path = tmp_path / "secret.md"
    path.write_bytes(SAMPLE)

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio, "open", denied, raising=False)
    with pytest.raises(FormatError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: permission denied. Ask for read access to the file."
    assert cli_main(["verify", str(path)]) == 2
    assert f"{path}: permission denied" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "permission denied. Ask for read access"),
        (FileNotFoundError(2, "No such file or directory"), "no such file. Check the path"),
        (OSError(5, "Input/output error"), "cannot be read: Input/output error."),
    ],
)
@pytest.mark.parametrize("step", ["stat", "open"])
def test_read_errors_name_the_file_whichever_step_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str, step: str
) -> None:
    """Checking the file and reading it map OS errors alike (a file can vanish in between)."""
    import reviewer.core.fileio as fileio

    path = tmp_path / "article.md"
    path.write_bytes(SAMPLE)

    def fail(*args: object, **kwargs: object) -> object:
        raise error

    if step == "stat":
        monkeypatch.setattr(fileio.Path, "stat", fail)
    else:
        monkeypatch.setattr(fileio, "open", fail, raising=False)
    with pytest.raises(FormatError) as info:
        read_bytes(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.md"
    path.write_bytes(SAMPLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading (see the forced test)")
        with pytest.raises(FormatError, match="permission denied") as info:
            load_document(path)
        assert str(path) in str(info.value)
        assert cli_main(["verify", str(path)]) == 2
        assert str(path) in capsys.readouterr().err
    finally:
        path.chmod(0o644)


def test_read_only_file_opens_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "ro.md"
    shutil.copyfile(CORPUS / "what-is-a-domain.md", path)
    path.chmod(0o444)
    doc = load_document(path)
    assert doc.pairs
    assert doc.serialize() == read_bytes(path)
    if os.access(path, os.W_OK):
        # Root writes anyway; the atomic writer must still keep the file read-only.
        atomic_write(path, doc.serialize())
        assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_atomic_write_keeps_permissions_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    inode = path.stat().st_ino
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_ino != inode  # replaced, never rewritten in place
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.md"]


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = _huge(tmp_path)
    # Sparse: proves the limit is checked on the size, never by reading 50 MB.
    assert path.stat().st_blocks * 512 < 1_048_576
    with pytest.raises(FormatError, match="limit is 50 MB"):
        read_bytes(path)


# -- its contents ---------------------------------------------------------------------------------
def _codes(text: str) -> list[tuple[str, int, int]]:
    doc = parse(text.encode("utf-8"), "x.md")
    assert doc.serialize() == text.encode("utf-8"), "every input that parses round-trips"
    return [(w.code, w.line, w.column) for w in doc.warnings]


def test_broken_front_matter_is_a_warning_and_kept_verbatim() -> None:
    fm = "---\ntitle: [unclosed\nms.date: 01/01/2020\n---\n"
    text = fm + PAIR.format(101) + "\n"
    doc = parse(text.encode(), "x.md")
    assert doc.front_matter is not None
    assert doc.front_matter.raw == "title: [unclosed\nms.date: 01/01/2020\n"
    assert doc.front_matter.data is None
    (w,) = doc.warnings
    assert w.code == "front-matter"
    assert "not valid YAML at line 3" in w.message
    assert "kept verbatim" in w.message
    assert [p.id for p in doc.pairs] == ["a1-101"]
    assert doc.serialize() == text.encode()


def test_quot_corrupted_fragment_is_located_and_not_editable() -> None:
    bad = (
        "<span data-ttu-id=&quot;a1-102&quot;>Doel</span><span class=&quot;sxs-lookup&quot;>"
        "<span data-stu-id=&quot;a1-102&quot;>Src</span></span>"
    )
    text = PAIR.format(101) + "\nSee: " + bad + "\n"
    assert _codes(text) == [("corrupt-markup", 2, 6)]
    doc = parse(text.encode(), "x.md")
    assert [p.id for p in doc.pairs] == ["a1-101"]  # the corrupt fragment is raw text
    assert "not editable" in doc.warnings[0].message


def test_stray_and_unclosed_spans_are_kept_verbatim() -> None:
    # Real articles carry unbalanced spans inside pairs (18 in the corpus), so this is not a
    # parse warning; the pairs around them are found and the bytes survive.
    inner = PAIR.format(102).replace("Doel 102", 'Doel <span class="x">102')
    text = "</span> stray " + PAIR.format(101) + " <span>unclosed\n" + inner + "\n"
    assert _codes(text) == []
    doc = parse(text.encode(), "x.md")
    assert [p.id for p in doc.pairs] == ["a1-101", "a1-102"]
    assert doc.pairs[1].target == 'Doel <span class="x">102'
    # Editing such a target warns when the span balance changes.
    codes = [w.code for w in check_target(doc.pairs[1].target, "Doel 102")]
    assert "span-balance" in codes


def test_synthetic_duplicate_ids_warn() -> None:
    text = PAIR.format(101) + "\n" + PAIR.format(101) + "\n"
    assert _codes(text) == [("duplicate-id", 2, 1)]
    doc = parse(text.encode(), "x.md")
    assert "already used on line 1" in doc.warnings[0].message


def test_target_id_not_matching_source_id_warns_twice() -> None:
    text = (
        '<span data-ttu-id="a1-101">Doel</span><span class="sxs-lookup">'
        '<span data-stu-id="a1-999">Src</span></span>\n' + PAIR.format(102) + "\n"
    )
    codes = _codes(text)
    assert ("missing-source", 1, 1) in codes
    assert ("orphan-source", 1, 39) in codes
    doc = parse(text.encode(), "x.md")
    assert [p.id for p in doc.pairs] == ["a1-102"]


def test_missing_sxs_lookup_partner_warns() -> None:
    text = '<span data-ttu-id="a1-101">Doel zonder bron</span>\n' + PAIR.format(102) + "\n"
    assert _codes(text) == [("missing-source", 1, 1)]


def test_cli_verify_prints_content_warnings_with_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.md"
    path.write_text(PAIR.format(101) + "\n" + PAIR.format(101) + "\n", "utf-8")
    before = snapshot(tmp_path)
    assert cli_main(["verify", "-v", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert f"{path}:2:1: warning [duplicate-id]" in out
    assert snapshot(tmp_path) == before


# -- security -------------------------------------------------------------------------------------
def test_python_tag_in_front_matter_runs_nothing(tmp_path: Path) -> None:
    marker = Path("/tmp") / f"pwned-{uuid.uuid4().hex}"
    payloads = [
        f'title: !!python/object/apply:os.system ["touch {marker}"]\n',
        f'!!python/object/apply:os.system ["touch {marker}"]\n',
        f'x: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n',
    ]
    try:
        for payload in payloads:
            text = "---\n" + payload + "---\n" + PAIR.format(101) + "\n"
            path = tmp_path / "evil.md"
            path.write_text(text, "utf-8")
            doc = load_document(path)
            assert not marker.exists()
            assert [p.id for p in doc.pairs] == ["a1-101"]
            assert doc.serialize() == text.encode()
            assert doc.front_matter is not None and doc.front_matter.data is None
            assert [w.code for w in doc.warnings] == ["front-matter"]
            assert cli_main(["verify", str(path)]) == 0
            assert not marker.exists()
    finally:
        marker.unlink(missing_ok=True)


def test_xxe_document_reads_no_local_file(tmp_path: Path) -> None:
    from lxml import etree

    from reviewer.core.safe_xml import parse_html, parse_xml, safe_parser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>'
    ).encode()
    # The control: a default-permissive parser would read the file.
    leaky = etree.fromstring(xxe, etree.XMLParser(resolve_entities=True, load_dtd=True))
    assert "TOP-SECRET-42" in etree.tostring(leaky).decode()

    root = parse_xml(xxe)
    assert "TOP-SECRET-42" not in etree.tostring(root).decode()
    parser = safe_parser()
    assert parser.resolvers is not None  # it is a real lxml parser
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b"]><l>&c;</l>"
    )
    assert len(etree.tostring(parse_xml(bomb))) < 200  # entities stay unexpanded
    html = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><p>&x;</p>'.encode()
    assert "TOP-SECRET-42" not in etree.tostring(parse_html(html)).decode()


_PARSE_CALLS = {"fromstring", "XML", "HTML", "parse", "iterparse", "fromstringlist", "XMLID"}


def lxml_offenders(source: str, where: str) -> list[str]:
    """lxml parser uses in ``source`` that bypass the safe factories."""
    tree = ast.parse(source, where)
    lxml_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lxml"):
            lxml_names.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("lxml"):
                    lxml_names.add(a.asname or a.name.split(".")[0])
    if not lxml_names:
        return []

    def rooted(expr: ast.expr) -> bool:
        while isinstance(expr, ast.Attribute):
            expr = expr.value
        return isinstance(expr, ast.Name) and expr.id in lxml_names

    def is_const(node: ast.expr | None, value: bool) -> bool:
        return isinstance(node, ast.Constant) and node.value is value

    offenders: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and rooted(node.func)):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        kw = {k.arg: k.value for k in node.keywords}
        at = f"{where}:{node.lineno}"
        if name in ("XMLParser", "XMLPullParser"):
            if not (
                is_const(kw.get("resolve_entities"), False) and is_const(kw.get("no_network"), True)
            ):
                offenders.append(f"{at}: {name} without resolve_entities=False, no_network=True")
        elif name == "HTMLParser":
            if not is_const(kw.get("no_network"), True):
                offenders.append(f"{at}: HTMLParser without no_network=True")
        elif name in _PARSE_CALLS:
            parser = kw.get("parser") or (node.args[1] if len(node.args) > 1 else None)
            src = ast.unparse(parser) if parser is not None else ""
            if "safe_parser" not in src and "safe_html_parser" not in src:
                offenders.append(f"{at}: {name}() without reviewer.core.safe_xml's parser")
    return offenders


def test_the_lxml_scan_catches_unsafe_parsing() -> None:
    bad = (
        "from lxml import etree\nimport lxml.html\n"
        "etree.fromstring(b'<r/>')\n"
        "etree.XMLParser(load_dtd=True)\n"
        "lxml.html.fromstring('<p/>')\n"
    )
    assert len(lxml_offenders(bad, "bad.py")) == 3
    good = (
        "from lxml import etree\nfrom reviewer.core.safe_xml import safe_parser\n"
        "etree.fromstring(b'<r/>', safe_parser())\n"
        "etree.XMLParser(resolve_entities=False, no_network=True)\n"
        "etree.tostring(etree.Element('r'))\n"
    )
    assert lxml_offenders(good, "good.py") == []


def test_every_lxml_parse_in_reviewer_uses_the_safe_parsers() -> None:
    """Scan reviewer/: lxml parsing happens only through reviewer.core.safe_xml."""
    offenders: list[str] = []
    for path in sorted((ROOT / "reviewer").rglob("*.py")):
        if path.name != "safe_xml.py":
            rel = str(path.relative_to(ROOT))
            offenders += lxml_offenders(path.read_text("utf-8"), rel)
    assert offenders == []
