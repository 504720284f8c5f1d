"""The parts made when first used (import and export, settings and about) answer their menu
entries and keys from the first event; a reopened article's views show its resume row once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from reviewer.core.session import ReviewSession
from reviewer.gui import dialogs
from reviewer.gui.edit_gateway import EditEvent
from reviewer.gui.late_parts import LateParts
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load
from tests.gui.project_helpers import CTRL

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    yield window
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    window.close()
    window.deleteLater()
    qtbot.wait(1)


def _menu_key(qtbot, win: MainWindow, menu: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Alt+<menu's letter>, then the entry's letter: as a user picks it without the mouse."""
    QTest.keyClick(win, getattr(Qt.Key, f"Key_{menu}"), ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    QTest.keyClick(popup, key)


def test_every_late_handler_names_a_method_of_its_part(win: MainWindow) -> None:
    """The handlers are looked up when they run: each one named in the table must exist."""
    assert win.late.made() == []
    named = [s.handler for s in win.registry.specs if s.handler.split(".")[0] in LateParts.NAMES]
    assert {h.split(".")[0] for h in named} == set(LateParts.NAMES)
    for handler in named:
        part, _, method = handler.partition(".")
        assert callable(getattr(getattr(win.late, part), method)), handler


def test_settings_opens_from_its_menu_keys_before_the_part_exists(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert win.late.made() == []
    _menu_key(qtbot, win, "F", Qt.Key.Key_T)  # File › Se&ttings…
    qtbot.waitUntil(lambda: win.findChild(QDialog, "settingsDialog") is not None)
    dialog = win.findChild(QDialog, "settingsDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert win.late.made() == ["preferences"]
    dialog.reject()


def test_import_from_its_menu_keys_and_export_by_action_before_the_parts_exist(
    qtbot: QtBot, win: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.gui import export_dialog, import_dialog

    load(qtbot, win, article)
    assert win.late.made() == [] and win.registry["actionImport"].isEnabled()
    asked: list[str] = []

    def ask_import_path(_parent: object, start: str) -> str:
        asked.append(start)
        return ""  # the user cancels the file dialog

    monkeypatch.setattr(import_dialog, "ask_import_path", ask_import_path)
    _menu_key(qtbot, win, "F", Qt.Key.Key_I)  # File › &Import…
    qtbot.waitUntil(lambda: asked != [])
    assert asked == [str(article.parent)] and win.late.made() == ["exchange"]
    # The part made by the key is the one the window wired: its messages reach the status bar.
    win.late.exchange.message.emit("exported for the test", 5000)
    assert win.statusBar().currentMessage() == "exported for the test"
    exports: list[str] = []

    def ask_export(_parent: object, path: str, _last: object) -> None:
        exports.append(path)  # and the user closes the dialog

    monkeypatch.setattr(export_dialog, "ask_export", ask_export)
    win.registry["actionExport"].trigger()  # the same part: nothing made twice
    assert exports == [str(article)] and win.late.made() == ["exchange"]


class _Spy:
    def __init__(self) -> None:
        self.rows: list[int] = []

    def show_row(self, session: ReviewSession | None, row: int) -> None:
        self.rows.append(row)

    def on_edit(self, event: EditEvent) -> None:
        pass

    def on_checks_done(self) -> None:
        pass


def test_a_reopened_article_shows_where_the_review_resumes_once(
    qtbot: QtBot, win: MainWindow, article: Path
) -> None:
    load(qtbot, win, article)
    for _ in range(3):
        QTest.keyClick(win.table, Qt.Key.Key_Return, CTRL)  # approve and go to the next
    assert win.current_row() == 3
    assert win.save()
    again = MainWindow(settings=win.settings)  # a new start: no row was current before
    spy = _Spy()
    again.add_segment_view(spy)
    again.show()
    assert again.open_path(str(article))
    assert again.current_row() == 3
    # Only the resume row: no pass over the first row on the way.
    assert spy.rows == [-1, 3]
    again.close()
    again.deleteLater()
