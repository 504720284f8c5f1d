"""Helpers for the project window tests: a real project copied out of tests/data, opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.core.format import parse
from reviewer.gui.main_window import MainWindow
from tests.core.project_data import TOKEN_ERROR, TOKEN_FILES, TOKEN_HITS, make_project, snapshot

__all__ = [
    "TOKEN_ERROR",
    "TOKEN_FILES",
    "TOKEN_HITS",
    "assert_only_targets_changed",
    "idle",
    "make_project",
    "open_project",
    "press",
    "snapshot",
    "when_modal",
]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def idle(qtbot, window: MainWindow, timeout: int = 30000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the project thread has nothing left to do and its news is in."""
    qtbot.waitUntil(lambda: not window.project.part.jobs.busy, timeout=timeout)
    qtbot.wait(5)


def open_project(qtbot, window: MainWindow, root: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.project.open_path(str(root))
    idle(qtbot, window)
    assert window.project.part.project is not None
    assert window.project.search.concordance is not None


def press(widget: QWidget, key: Qt.Key, mods: Qt.KeyboardModifier = CTRL) -> None:
    QTest.keyClick(widget, key, mods)


def when_modal(answer: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog once it is up (it blocks the test until then)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        answer(dialog)

    QTimer.singleShot(20, poll)


def assert_only_targets_changed(before: bytes, after: bytes, name: str) -> None:
    """Same pairs, ids and sources, and every byte outside the targets identical."""
    old, new = parse(before, name), parse(after, name)
    assert old.pairs.ids() == new.pairs.ids() and old.pairs.sources() == new.pairs.sources()
    pieces: list[list[str]] = [[], []]
    for doc, out in ((old, pieces[0]), (new, pieces[1])):
        pos = 0
        for p in doc.pairs:
            out.append(doc.text[pos : p.target_start])
            pos = p.target_end
        out.append(doc.text[pos:])
    assert pieces[0] == pieces[1], name
