"""Shared paths and helpers for the window tests."""

from __future__ import annotations

from pathlib import Path

from tests.corpus import CORPUS, ROOT, SAMPLE, copy_corpus

__all__ = ["CORPUS", "ROOT", "SAMPLE", "copy_corpus", "load"]


def load(qtbot, win, path: Path, checks: bool = True) -> None:  # type: ignore[no-untyped-def]
    assert win.open_path(str(path))
    if checks:
        qtbot.waitUntil(lambda: win.session.checks_ready and win._words is not None, timeout=10000)
        qtbot.wait(1)
