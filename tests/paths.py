"""Awkward places for articles: non-ASCII and spaced names, long paths, a read-only share."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.corpus import SAMPLE, copy_corpus

# A Dutch reviewer's folders: accents, the ĳ ligature, an en dash, spaces inside and around words.
NON_ASCII = ("Vertalingen", "Één één", "ĳsberg – büro")
SPACES = ("My Documents", "review batch 3", "Office 365 (nl-NL)")
# More than Windows' classic 260-character MAX_PATH below any temporary folder.
LONG = tuple(f"map-{n:02d}-" + "x" * 14 for n in range(14))
KINDS = {"non-ascii": NON_ASCII, "spaces": SPACES, "long": LONG}
FILE_NAME = "artikel café – ü.md"


def windows_without_long_paths() -> bool:
    """True on Windows when paths past 260 characters are off (LongPathsEnabled is not 1)."""
    if sys.platform != "win32":
        return False
    import winreg

    try:
        key = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\FileSystem"
        )
        return int(winreg.QueryValueEx(key, "LongPathsEnabled")[0]) != 1
    except OSError:
        return True


def awkward_article(base: Path, kind: str) -> Path:
    """A copy of the sample article, under its awkward name, in an awkward folder."""
    if kind == "long" and windows_without_long_paths():
        pytest.skip("Windows long paths are off: the README says how to turn them on")
    folder = base.joinpath(*KINDS[kind])
    folder.mkdir(parents=True)
    return copy_corpus(folder, SAMPLE).rename(folder / FILE_NAME)


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes: proof that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@contextlib.contextmanager
def read_only_mount(folder: Path) -> Iterator[None]:
    """``folder`` bind-mounted read-only onto itself, as a read-only network share behaves.

    Needs Linux and root (CI runs as root); elsewhere the test is skipped, and the forced
    variant of the same test still runs.
    """
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a read-only bind mount needs Linux and root")
    target = str(folder)
    if subprocess.run(["mount", "--bind", target, target], capture_output=True).returncode:
        pytest.skip("mount --bind is not allowed here")
    try:
        remount = subprocess.run(
            ["mount", "-o", "remount,bind,ro", target], capture_output=True, text=True
        )
        if remount.returncode:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        try:
            (folder / ".probe").write_bytes(b"")
        except OSError as exc:
            assert exc.errno == errno.EROFS
        else:
            pytest.skip("the read-only mount still accepts writes")
        yield
    finally:
        subprocess.run(["umount", target], capture_output=True)


def refuse_writes(monkeypatch: pytest.MonkeyPatch, share: Path) -> None:
    """Atomic writes into ``share`` fail at their first step, as on a read-only file system."""
    import reviewer.core.fileio as fileio

    real = fileio.tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        folder = Path(str(kwargs.get("dir", ""))).resolve()
        if folder == share.resolve() or share.resolve() in folder.parents:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(fileio.tempfile, "mkstemp", mkstemp)
