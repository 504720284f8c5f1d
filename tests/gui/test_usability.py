"""Usability: focus, keyboard flow, status messages and help, as a user meets them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reviewer.core.segments import State
from tests.gui.gui_helpers import load


def test_open_selects_first_unfinished_with_table_focused(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    assert window.current_row() == 0
    assert window.detail.row == 0
    assert "No segment selected" not in window.detail.header.text()
    assert window.detail.target.toPlainText() == window.session.doc.pairs[0].target
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def test_open_skips_finished_segments(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    window.set_state(State.APPROVED, [0, 1])
    window.save()
    window.open_path(str(article))
    assert window.current_row() == 2
    assert window.detail.row == 2
    assert window.table.currentIndex().column() == 3
