"""Shared paths and helpers for the window tests."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
SAMPLE = "canceling-your-office-365-subscription.md"


def copy_corpus(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(CORPUS / name, target)
    target.chmod(0o644)
    return target


def load(qtbot, win, path: Path, checks: bool = True) -> None:  # type: ignore[no-untyped-def]
    assert win.open_path(str(path))
    if checks:
        qtbot.waitUntil(lambda: win.session.checks_ready and win._words is not None, timeout=10000)
        qtbot.wait(1)
