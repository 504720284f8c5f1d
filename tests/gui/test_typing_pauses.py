"""Typing in the detail pane: undo steps follow the user's pauses, not the event loop's."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from reviewer.core.typing_steps import PAUSE
from tests.gui.gui_helpers import load


def _type_at_row(qtbot, window, article) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    window.goto_source_row(2)
    target = window.detail.target
    target.setFocus()
    target.moveCursor(target.textCursor().MoveOperation.End)
    return window.session.doc.pairs[2].target, target


def test_a_late_event_loop_does_not_split_one_burst_of_typing(qtbot, window, article) -> None:
    old, target = _type_at_row(qtbot, window, article)
    late: list[int] = []

    def busy(_event: object) -> None:
        # The first key keeps the loop busy longer than a pause: the keys after it, pressed
        # together (their events say so), are handled late.
        if not late:
            late.append(1)
            time.sleep(PAUSE + 0.2)

    window.gateway.applied.connect(busy)
    qtbot.keyClicks(target, " Echt.")
    assert late and window.session.doc.pairs[2].target == old + " Echt."
    assert window.stack.count() == 1


def _key(target, text: str, timestamp_ms: int) -> None:  # type: ignore[no-untyped-def]
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(timestamp_ms)
        QCoreApplication.sendEvent(target, event)


def test_a_pause_between_keys_ends_an_undo_step(qtbot, window, article) -> None:
    old, target = _type_at_row(qtbot, window, article)
    start = 5_000_000
    pause_ms = int(PAUSE * 1000) + 500
    for text, at in (("a", start), ("b", start + 100), ("c", start + 100 + pause_ms)):
        _key(target, text, at)
    assert window.session.doc.pairs[2].target == old + "abc"
    assert window.stack.count() == 2  # "ab", then "c" after the pause
    window.stack.undo()
    assert window.session.doc.pairs[2].target == old + "ab"
