"""Helpers for the spelling, term and settings window tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from reviewer.core.checks import lexicon
from reviewer.core.config import load_config
from reviewer.gui import check_data
from reviewer.gui.main_window import MainWindow
from reviewer.gui.text_editor import SegmentTextEdit
from tests.gui.gui_helpers import load


@pytest.fixture
def user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private user config file (REVIEWER_CONFIG) in a folder that does not exist yet, as on
    a first start; the language settings in use before the test are put back after it."""
    path = tmp_path / "user-config" / "config.yaml"
    monkeypatch.setenv("REVIEWER_CONFIG", str(path))
    before = lexicon.settings()
    yield path
    check_data.configure(before)


ROW = 3  # "Trial subscriptions expire …" / "Proefabonnementen verlopen …" of the sample article


def open_with(qtbot, win: MainWindow, article: Path, config: Path | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    """Open ``article`` (with the user config file ``config``, read as at start-up) and wait
    for its checks and the language data; the current segment is ROW."""
    if config is not None:
        win.config = load_config(str(config))
        win.files.config = win.config
    load(qtbot, win, article)
    wait_for_language(qtbot, win)
    if len(win.session.doc.pairs) > ROW:  # type: ignore[union-attr]
        win.goto_source_row(ROW)
        qtbot.wait(20)
    return win


def wait_for_language(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            win.session is not None
            and win.session.checks_ready
            and check_data.loaded()
            and check_data.dictionary_loaded()
        ),
        timeout=20000,
    )
    qtbot.wait(20)


def underlined(editor: SegmentTextEdit) -> list[str]:
    """The texts the editor shows with a spell-check underline."""
    out = []
    block = editor.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == r.format.UnderlineStyle.SpellCheckUnderline:
                out.append(block.text()[r.start : r.start + r.length])
        block = block.next()
    return out


def point_at(editor: SegmentTextEdit, offset: int) -> QPoint:
    """A point (viewport coordinates) inside the character at ``offset``."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(offset)
    rect = editor.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def right_click(widget: QWidget, pos: QPoint) -> QMenu:
    """A right-click as Qt delivers it on Linux: the button press, then the context menu event
    at the same place (the offscreen platform places a synthesized one unreliably); returns
    the menu that pops up."""
    QTest.mousePress(widget, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos), Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)
    deadline = time.monotonic() + 20  # a guard only: under load a menu may take seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            return menu
    raise AssertionError("no menu popped up")


def click_action(menu: QMenu, name: str, text: str | None = None) -> None:
    """Choose the menu entry with this objectName (and text) with the arrow keys and Return."""
    wanted = [
        a for a in menu.actions() if a.objectName() == name and (text is None or a.text() == text)
    ]
    assert wanted, f"no {name} {text!r} in {[a.text() for a in menu.actions()]}"
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is wanted[0]:
            QTest.keyClick(menu, Qt.Key.Key_Return)
            return
        QTest.keyClick(menu, Qt.Key.Key_Down)
    raise AssertionError(f"the arrow keys never reached {wanted[0].text()!r}")


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def close(qtbot, menu: QMenu) -> None:  # type: ignore[no-untyped-def]
    """Esc closes the menu, as a user leaves it."""
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
