"""Spell-checking in the real window: underlines as you type, suggestions, the dictionary."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from reviewer.core.checks import lexicon, spelling
from reviewer.core.checks.lexicon import SpellingStatus
from reviewer.gui import dialogs, spell_suggest
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load
from tests.gui.language_helpers import (
    ROW,
    click_action,
    close,
    open_with,
    point_at,
    right_click,
    texts,
    underlined,
    user_config,
    wait_for_language,
)

__all__ = ["user_config"]  # a fixture

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_at_end(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = win.detail.target
    editor.setFocus()
    editor.move_cursor_end()
    QTest.keyClicks(editor, text)
    qtbot.wait(30)


@pytest.fixture
def opened(qtbot, window: MainWindow, article: Path, user_config: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_with(qtbot, window, article)


def test_a_misspelling_is_underlined_once_the_word_is_typed(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(qtbot, opened, " Een licnetie")
    assert underlined(editor) == []  # the word being typed is left alone
    QTest.keyClick(editor, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: underlined(editor) == ["licnetie"])
    # Typed through the edit gateway: the core holds the text, and its check agrees.
    target = opened.session.doc.pairs[ROW].target  # type: ignore[union-attr]
    assert target.endswith(" Een licnetie ")
    assert [m.text for m in spelling.misspellings(target) if m.kind == "spelling"] == ["licnetie"]


def test_code_names_and_markup_are_never_underlined(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(
        qtbot,
        opened,
        " Voer `Get-Licnetie` uit in Licnetieportaal [de docs](https://x.test/licnetie) nu ",
    )
    qtbot.wait(50)
    assert underlined(editor) == []


def test_a_suggestion_from_the_menu_is_one_undo_step(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(qtbot, opened, " Een licnetie is nodig.")
    text = editor.true_text()
    menu = right_click(editor.viewport(), point_at(editor, text.index("licnetie") + 2))
    assert "Add “licnetie” to Dictionary" in texts(menu)
    assert "Ignore “licnetie”" in texts(menu)
    assert not any(a.objectName() == "edit-undo" for a in menu.actions())
    qtbot.waitUntil(lambda: any(a.text() == "licentie" for a in menu.actions()), timeout=5000)
    click_action(menu, "spellSuggestion", "licentie")
    qtbot.waitUntil(lambda: "Een licentie is nodig." in opened.session.doc.pairs[ROW].target)  # type: ignore[union-attr]
    assert editor.true_text() == text.replace("licnetie", "licentie")
    assert underlined(editor) == []
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the window's undo, from the editor
    qtbot.waitUntil(lambda: opened.session.doc.pairs[ROW].target == text)  # type: ignore[union-attr]
    assert editor.true_text() == text


def test_add_to_dictionary_writes_the_user_dictionary_and_clears_the_finding(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(qtbot, opened, " De klnatportal is klaar.")
    session = opened.session
    assert session is not None
    assert any(f.code == "spelling" and "klnatportal" in f.message for f in session.findings(ROW))
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("klnatportal")))
    click_action(menu, "spellAddWord")
    dictionary = user_config.parent / "dictionary.txt"
    qtbot.waitUntil(dictionary.exists)
    assert "klnatportal" in dictionary.read_text(encoding="utf-8").split()
    qtbot.waitUntil(lambda: "klnatportal" not in underlined(editor))
    # The checks run again in the background with the new word.
    qtbot.waitUntil(
        lambda: (
            not any(
                f.code == "spelling" and "klnatportal" in f.message for f in session.findings(ROW)
            )
        ),
        timeout=10000,
    )
    issues = opened.detail.issue_list
    qtbot.waitUntil(lambda: "klnatportal" not in issues.text.text())


def test_ignore_stops_the_underline_for_the_session(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(qtbot, opened, " Een blaxwerk hier.")
    assert underlined(editor) == ["blaxwerk"]
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("blaxwerk")))
    click_action(menu, "spellIgnore")
    qtbot.waitUntil(lambda: underlined(editor) == [])


def test_the_menu_opens_from_the_keyboard_at_the_cursor(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = opened.detail.target
    _type_at_end(qtbot, opened, " Een licnetie")
    QTest.keyClick(editor, Qt.Key.Key_Left)
    # The menu key: the platform (xcb, Windows) turns it into a keyboard context menu event
    # for the focus widget; the offscreen platform does not, so send what it would.
    QTest.keyClick(editor, Qt.Key.Key_Menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(editor, event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert "Add “licnetie” to Dictionary" in texts(menu)  # type: ignore[arg-type]
    close(qtbot, menu)


def test_suggestions_never_block_typing(
    qtbot, window: MainWindow, article: Path, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow(word: str) -> list[str]:
        release.wait(30)  # the lookup lasts until the test has seen the menu
        return ["licentie"]

    monkeypatch.setattr(spell_suggest, "_own_dictionary_lookup", lambda: slow)
    load(qtbot, window, article)
    wait_for_language(qtbot, window)
    window.goto_source_row(ROW)
    editor = window.detail.target
    _type_at_end(qtbot, window, " Een licnetie nu")
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("licnetie")))
    # The menu is up while the lookup still runs (typing would never wait for it either).
    assert "Looking for suggestions…" in texts(menu)
    release.set()
    qtbot.waitUntil(lambda: "licentie" in texts(menu), timeout=5000)
    assert "Looking for suggestions…" not in texts(menu)
    close(qtbot, menu)


def test_the_table_editor_underlines_too(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    opened.table.setFocus()
    QTest.keyClick(opened.table, Qt.Key.Key_F2)
    editor = opened.delegate.current_editor()
    assert editor is not None
    editor.move_cursor_end()
    QTest.keyClicks(editor, " licnetie ")
    qtbot.waitUntil(lambda: underlined(editor) == ["licnetie"])
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("licnetie")))
    qtbot.waitUntil(lambda: "licentie" in texts(menu), timeout=5000)
    click_action(menu, "spellSuggestion", "licentie")
    assert opened.delegate.current_editor() is editor  # the menu did not close the editor
    assert "licentie" in editor.true_text()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened.session.doc.pairs[ROW].target.endswith(" licentie "))  # type: ignore[union-attr]


def test_without_a_dictionary_spelling_is_off_and_the_window_says_so_once(
    qtbot, window: MainWindow, article: Path, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    message = "Spelling checks are off: the enchant library is missing."
    monkeypatch.setattr(lexicon, "dictionary", lambda: None)
    monkeypatch.setattr(lexicon, "spelling_status", lambda: SpellingStatus(False, message))
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: shown.append(text))
    load(qtbot, window, article)
    wait_for_language(qtbot, window)
    qtbot.waitUntil(lambda: message in shown)
    window.goto_source_row(ROW)
    editor = window.detail.target
    _type_at_end(qtbot, window, " Een licnetie hier en toegangs token nu.")
    assert "licnetie" not in underlined(editor)
    assert "toegangs token" in underlined(editor)  # compounds need no dictionary
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("licnetie")))
    assert "Add “licnetie” to Dictionary" not in texts(menu)
    close(qtbot, menu)
    # Opening the article again (its edits dropped) says nothing more.
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    window.open_path(str(article))
    wait_for_language(qtbot, window)
    qtbot.wait(50)
    assert shown.count(message) == 1
    assert isinstance(editor, QPlainTextEdit)
