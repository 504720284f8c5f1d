"""The filter and search fields get their clear button with their first text, by typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.gui.main_window import MainWindow


def test_the_filter_field_shows_its_clear_button_once_typed_in(
    qtbot, window: MainWindow, article: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(str(article))
    field = window.filter_bar.text
    assert not field.isClearButtonEnabled()  # empty: no button shows, none is made yet
    field.setFocus()
    QTest.keyClicks(field, "abo")
    assert field.isClearButtonEnabled()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "" and field.isClearButtonEnabled()
    for other in (window.project.search.text, window.language.glossary.filter):
        assert not other.isClearButtonEnabled()
        other.setText("x")
        assert other.isClearButtonEnabled()
