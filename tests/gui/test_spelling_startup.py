"""A fresh window underlines what the checks found before it loads the spelling tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.gui import check_data
from reviewer.gui.main_window import MainWindow
from tests.gui.language_helpers import (
    close,
    open_with,
    point_at,
    right_click,
    texts,
    underlined,
    user_config,
)

__all__ = ["user_config"]  # a fixture


def test_underlines_and_the_menu_come_before_the_tables_which_load_on_editing(
    qtbot, window: MainWindow, article: Path, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data = article.read_bytes()
    old = b"Proefabonnementen verlopen"
    article.write_bytes(data.replace(old, b"Proefabonnementen licnetie toegangs token verlopen", 1))
    loads: list[object] = []
    monkeypatch.setattr(check_data, "_all_for", None)
    monkeypatch.setattr(check_data, "preload", lambda config=None: loads.append(config))
    open_with(qtbot, window, article)
    editor = window.detail.target
    # The forked check run found them; this process has only the dictionary and the terms.
    qtbot.waitUntil(lambda: underlined(editor) == ["licnetie", "toegangs token"])
    assert not loads and not check_data.all_loaded()
    qtbot.waitUntil(check_data.dictionary_loaded)
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("licnetie")))
    assert "Add “licnetie” to Dictionary" in texts(menu)
    qtbot.waitUntil(lambda: "licentie" in texts(menu), timeout=10000)
    close(qtbot, menu)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: bool(loads))  # editing starts: the rest loads off the GUI thread
