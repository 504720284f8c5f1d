"""A 200-segment article reviewed from the keyboard alone, in the real window, real dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from reviewer.core.segments import State
from reviewer.gui import dialogs
from reviewer.gui.issue_dialog import FlagIssueDialog
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import synthetic_article

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def press(k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    """One key where the keyboard focus is, as the user presses it."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    QTest.keyClick(widget, k, mods)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClicks(widget, text)


def when_modal(answer: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog with keys, once it is up (it blocks the test until then)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        answer(dialog)

    QTimer.singleShot(20, poll)


def back_from_dialog(qtbot, window: MainWindow, expected: QWidget) -> None:
    """The window manager gives the window back its activation when a dialog closes; the
    offscreen platform has none, so do what it would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is expected)


def test_review_a_200_segment_article_from_the_keyboard_alone(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = synthetic_article(tmp_path, 200)
    original = path.read_bytes()
    # The file dialog is the platform's; its answer is what the user would type into it.
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, start: str(path))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: window.session is not None and window.session.checks_ready)
    session = window.session
    assert len(session.doc.pairs) == 200
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    assert window.current_row() == 0

    # Move: next and previous segment, without approving anything.
    for _ in range(3):
        press(Qt.Key.Key_Down, CTRL)
    press(Qt.Key.Key_Up, CTRL)
    assert window.current_row() == 2
    assert all(session.reviews[r].state is State.UNREVIEWED for r in range(4))

    # Edit: Tab into the target, type two words, undo the last word only.
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.detail.target)
    before = session.doc.pairs[2].target
    press(Qt.Key.Key_End, CTRL)
    type_text(" Nagekeken vandaag")
    assert session.doc.pairs[2].target == before + " Nagekeken vandaag"
    press(Qt.Key.Key_Z, CTRL)
    assert session.doc.pairs[2].target == before + " Nagekeken "
    press(Qt.Key.Key_Backspace)
    assert session.doc.pairs[2].target == before + " Nagekeken"

    # Approve and go on: the next unfinished segment, typing straight into its target.
    press(Qt.Key.Key_Return, CTRL)
    assert session.reviews[2].state is State.APPROVED
    assert window.current_row() == 3
    assert QApplication.focusWidget() is window.detail.target

    # Flag: the real issue dialog, answered with keys.
    def flag(dialog: QWidget) -> None:
        assert isinstance(dialog, FlagIssueDialog)
        QTest.keyClicks(dialog.search, "omiss")
        QTest.keyClick(dialog.search, Qt.Key.Key_Return)  # pick it, on to the comment
        QTest.keyClicks(dialog.comment, "bijzin ontbreekt")
        QTest.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    when_modal(flag)
    press(Qt.Key.Key_F, CTRL | SHIFT)
    issues = session.reviews[3].issues
    assert [(i.category, i.comment) for i in issues] == [("accuracy/omission", "bijzin ontbreekt")]
    # Back from the dialog, the keys go where they were: the target editor.
    back_from_dialog(qtbot, window, window.detail.target)

    # Go to a segment by number, then mark it as needing work and move on.
    def go_to(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        QTest.keyClicks(QApplication.focusWidget(), "150")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_modal(go_to)
    press(Qt.Key.Key_G, CTRL)
    assert window.current_row() == 149
    back_from_dialog(qtbot, window, window.table)  # the go-to sends the keys to the table
    press(Qt.Key.Key_N, CTRL | SHIFT)
    assert session.reviews[149].state is State.NEEDS_WORK
    press(Qt.Key.Key_J, CTRL)
    assert window.current_row() == 150
    assert window.table.selectionModel().selectedRows() == [
        window.table.currentIndex().siblingAtColumn(0)
    ]

    # Save: only the edited target changed in the article; the review holds the rest.
    press(Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    saved = path.read_bytes()
    old, new = before.encode(), (before + " Nagekeken").encode()
    assert saved == original.replace(old, new, 1) and saved.count(new) == 1
    sidecar = yaml.safe_load(Path(str(path) + ".review.yaml").read_text(encoding="utf-8"))
    text = repr(sidecar)
    assert "bijzin ontbreekt" in text and "approved" in text and "needs-work" in text
