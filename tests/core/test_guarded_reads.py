"""Every file the project reads is checked first: a regular file, under a size cap.

A FIFO would block a reader forever and a link to /dev/zero would fill memory; a folder or an
absurdly large file is no article, review file, journal or config either. Each is refused
before a byte is read, with a message that names the file.
"""

from __future__ import annotations

import ast
import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer.core.config import MAX_CONFIG_BYTES, ConfigError, load_config
from reviewer.core.errors import FormatError
from reviewer.core.fileio import read_guarded
from reviewer.core.journal import Journal, pending_journals
from reviewer.core.journal_entry import MAX_JOURNAL_BYTES, JournalError
from reviewer.core.journal_files import journal_path
from reviewer.core.store import MAX_SIDECAR_BYTES, SidecarError
from reviewer.core.workspace import open_article
from tests.corpus import ROOT, copy_corpus


@contextlib.contextmanager
def no_hang(seconds: int = 10) -> Iterator[None]:
    """Fail instead of blocking the suite when a read would hang (a FIFO)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("the read blocked: the file was not checked first")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def fifo(path: Path, limit: int) -> str:
    os.mkfifo(path)
    return "named pipe"


def dev_zero(path: Path, limit: int) -> str:
    path.symlink_to("/dev/zero")
    return "a device"


def folder(path: Path, limit: int) -> str:
    path.mkdir()
    return "is a folder"


def oversize(path: Path, limit: int) -> str:
    with open(path, "wb") as fh:
        fh.truncate(limit + 1)  # sparse: nothing is really written
    return "the limit is"


KINDS: list[Callable[[Path, int], str]] = [fifo, dev_zero, folder, oversize]
needs_posix = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX files"
)


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_the_article(tmp_path: Path, make: Callable[[Path, int], str]) -> None:
    path = tmp_path / "article.md"
    expected = make(path, 50 * 1024 * 1024)
    with no_hang(), pytest.raises(FormatError) as info:
        open_article(str(path))
    assert str(info.value).startswith(str(path)) and expected in str(info.value)


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_the_review_file(tmp_path: Path, make: Callable[[Path, int], str]) -> None:
    path = copy_corpus(tmp_path)
    side = Path(str(path) + ".review.yaml")
    expected = make(side, MAX_SIDECAR_BYTES)
    with no_hang(), pytest.raises(SidecarError) as info:
        open_article(str(path))
    assert str(side) in str(info.value) and expected in str(info.value)
    # Opened without its review data, the article can be reviewed; the odd file is left alone.
    with no_hang():
        ws = open_article(str(path), ignore_sidecar=True)
        assert ws.sidecar_blocked
        assert not ws.changed_on_disk()


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_a_journal(tmp_path: Path, data: Path, make: Callable[[Path, int], str]) -> None:
    path = copy_corpus(tmp_path)
    left = journal_path(path)  # as an earlier crashed session would have left it
    left.parent.mkdir(parents=True)
    expected = make(left, MAX_JOURNAL_BYTES)

    def offered() -> str:
        try:
            Journal(path).read()
        except JournalError as exc:
            return str(exc)
        return "nothing"

    with no_hang():
        message = offered()
    assert str(left) in message and expected in message
    errors: list[JournalError] = []
    with no_hang():
        assert pending_journals(errors=errors) == []
    assert len(errors) == 1


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_the_config(tmp_path: Path, make: Callable[[Path, int], str]) -> None:
    path = tmp_path / "config.yaml"
    expected = make(path, MAX_CONFIG_BYTES)
    with no_hang(), pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert str(path) in str(info.value) and expected in str(info.value)


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("ext", [".xlf", ".xlsx", ".csv"])
def test_an_import_file(tmp_path: Path, make: Callable[[Path, int], str], ext: str) -> None:
    """A file to import is spoken of as an exchange file, never as "an article" or a .md."""
    from reviewer.core.importing import MAX_IMPORT_BYTES, plan_import

    session = open_article(str(copy_corpus(tmp_path))).session
    path = tmp_path / f"fixes{ext}"
    expected = make(path, MAX_IMPORT_BYTES)
    with no_hang(), pytest.raises(FormatError) as info:
        plan_import(session, str(path))
    text = str(info.value)
    assert text.startswith(str(path)) and expected in text, text
    assert "Nothing was imported." in text
    assert "article" not in text and ".md" not in text, text
    assert not session.doc.is_modified


def test_a_file_that_grows_past_the_cap_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked again while reading (a file may grow, /proc files show 0)."""
    import reviewer.core.fileio as fileio

    path = tmp_path / "grows.md"
    path.write_bytes(b"x" * 10)
    small = path.stat()
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(fileio.Path, "stat", lambda self: small)  # it was small when checked
    with pytest.raises(FormatError, match="the limit is"):
        read_guarded(path, 4096)


# -- nothing reads around the guard ----------------------------------------------------------
_READERS = {"open", "read_bytes", "read_text"}


def _shipped_only(tree: ast.AST) -> set[int]:
    """Lines inside functions that read the package's own data (resource_path): trusted."""
    lines: set[int] = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        names = [
            getattr(n.func, "id", getattr(n.func, "attr", ""))
            for n in ast.walk(fn)
            if isinstance(n, ast.Call)
        ]
        if "resource_path" in names:
            lines.update(range(fn.lineno, (fn.end_lineno or fn.lineno) + 1))
    return lines


def unguarded_reads(source: str) -> list[int]:
    """Lines of calls that read a file without the guard: open() for reading, Path reads."""
    found = []
    tree = ast.parse(source)
    shipped = _shipped_only(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.lineno in shipped:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in _READERS:
            continue
        if name != "open" and not isinstance(func, ast.Attribute):
            continue  # fileio.read_bytes imported by name: the guarded reader itself
        owner = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in ("os", "fileio"):
            continue  # os.open: file descriptors for locks, never a content read
        if name == "open":
            mode = node.args[1] if len(node.args) > 1 else None
            for kw in node.keywords:
                if kw.arg == "mode":
                    mode = kw.value
            text = mode.value if isinstance(mode, ast.Constant) else "r"
            if isinstance(text, str) and any(c in text for c in "wax+"):
                continue  # writing
        found.append(node.lineno)
    return found


def test_the_scan_catches_a_plain_read() -> None:
    code = "from pathlib import Path\nopen('x')\nPath('y').read_bytes()\nopen('z', 'wb')\n"
    assert unguarded_reads(code) == [2, 3]
    shipped = "def f():\n    p = resource_path('a')\n    return gzip.open(p).read()\n"
    assert unguarded_reads(shipped) == []


def test_every_read_in_the_core_and_cli_goes_through_the_guard() -> None:
    """Import modules and user term lists are held to it too: fileio.read_guarded is the one
    way (the package's own shipped data, found through resource_path, is trusted)."""
    offenders = []
    files = [
        *sorted((ROOT / "reviewer" / "core").rglob("*.py")),
        *sorted((ROOT / "reviewer" / "cli").glob("*.py")),
    ]
    for path in files:
        if path.name == "fileio.py":
            continue
        for line in unguarded_reads(path.read_text("utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}:{line}")
    assert offenders == []


@needs_posix
@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_user_term_lists(tmp_path: Path, make: Callable[[Path, int], str]) -> None:
    """A glossary and a do-not-translate list the user points at are checked the same way."""
    from reviewer.core.checks.glossary import (
        MAX_LIST_BYTES,
        GlossaryError,
        load_glossary,
        load_names,
    )

    for name, load in (("terms.csv", load_glossary), ("names.txt", load_names)):
        path = tmp_path / name
        expected = make(path, MAX_LIST_BYTES)
        with no_hang(), pytest.raises(GlossaryError) as info:
            load(path)
        assert str(path) in str(info.value) and expected in str(info.value)
