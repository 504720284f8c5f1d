"""The user's dictionary on the Spelling and Terms page: a word added by mistake comes out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.core.checks import lexicon, word_list
from reviewer.gui.check_settings_dialog import CheckSettingsDialog
from reviewer.gui.main_window import MainWindow
from tests.gui.language_helpers import (
    ROW,
    click_action,
    open_with,
    point_at,
    right_click,
    underlined,
    user_config,
)

__all__ = ["user_config"]  # a fixture

WORD = "klnatportal"


def _flagged(win: MainWindow) -> bool:
    """The spelling check reports WORD on the current segment."""
    session = win.session
    assert session is not None
    return any(f.code == "spelling" and WORD in f.message for f in session.findings(ROW))


@pytest.fixture
def opened(qtbot, window: MainWindow, article: Path, user_config: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = open_with(qtbot, window, article)
    if not lexicon.spelling_status().available:
        pytest.skip(lexicon.spelling_status().message)
    editor = win.detail.target
    editor.setFocus()
    editor.move_cursor_end()
    QTest.keyClicks(editor, f" De {WORD} is klaar.")
    qtbot.waitUntil(lambda: underlined(editor) == [WORD])
    qtbot.waitUntil(lambda: _flagged(win), timeout=10000)
    return win


def _open_words(qtbot, win: MainWindow) -> CheckSettingsDialog:  # type: ignore[no-untyped-def]
    win.registry["actionCheckSettings"].trigger()
    dialog = win.findChild(QDialog, "checkSettingsDialog")
    assert isinstance(dialog, CheckSettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # as the window system does; the offscreen platform does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentWidget() is dialog.files
    return dialog


def test_a_word_added_from_the_menu_is_removed_on_the_page_with_delete(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index(WORD)))
    click_action(menu, "spellAddWord")
    qtbot.waitUntil(lambda: underlined(editor) == [])
    qtbot.waitUntil(lambda: not _flagged(opened), timeout=10000)

    dialog = _open_words(qtbot, opened)
    words = dialog.files.words
    dictionary = user_config.parent / "dictionary.txt"
    assert words.path == str(dictionary)
    assert WORD in words.words()
    assert "1 word in" in words.note.text()
    # Find it with the filter, Return goes to the list, Delete takes it out.
    QTest.keyClicks(words.filter, "NATPORT")
    assert words.shown_words() == [WORD]
    QTest.keyClick(words.filter, Qt.Key.Key_Return)
    assert words.list.hasFocus() and words.list.currentItem().text() == WORD
    words.list.currentItem().setSelected(True)
    QTest.keyClick(words.list, Qt.Key.Key_Delete)
    assert words.words() == []
    assert word_list.user_word_list(str(dictionary)) == []
    assert dialog.isVisible()  # it took effect without OK
    qtbot.waitUntil(lambda: underlined(editor) == [WORD])
    qtbot.waitUntil(lambda: _flagged(opened), timeout=10000)

    # Typed in the New word field, Return adds it back (and does not close the page).
    words.filter.clear()
    words.word.setFocus()
    QTest.keyClicks(words.word, WORD)
    QTest.keyClick(words.word, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert words.words() == [WORD] and words.word.text() == ""
    assert WORD in dictionary.read_text(encoding="utf-8").split()
    qtbot.waitUntil(lambda: underlined(editor) == [])
    qtbot.waitUntil(lambda: not _flagged(opened), timeout=10000)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert word_list.user_word_list() == [WORD]  # Cancel does not take back the word list


def test_several_words_go_at_once_and_a_bad_word_is_refused(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_words(qtbot, opened)
    words = dialog.files.words
    for word in ("alfaportaal", "betaportaal", WORD):
        words.word.setFocus()
        QTest.keyClicks(words.word, word)
        QTest.keyClick(words.word, Qt.Key.Key_Return)
    assert words.words() == ["alfaportaal", "betaportaal", WORD]
    qtbot.waitUntil(lambda: underlined(opened.detail.target) == [])
    QTest.keyClicks(words.word, "twee woorden")
    QTest.keyClick(words.word, Qt.Key.Key_Return)
    assert "without spaces" in words.note.text()
    assert words.words() == ["alfaportaal", "betaportaal", WORD]
    words.list.setFocus()
    words.list.setCurrentRow(0)
    QTest.keyClick(words.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(words.list.selectedItems()) == 2 and words.remove_button.isEnabled()
    QTest.mouseClick(words.remove_button, Qt.MouseButton.LeftButton)
    assert word_list.user_word_list(words.path) == [WORD]
    assert words.list.currentItem().text() == WORD  # the next word is current
    assert "Removed alfaportaal, betaportaal" in words.note.text()
