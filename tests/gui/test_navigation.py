"""Moving about from the keyboard: next/previous segment, go to, and a table that reads well."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from reviewer.core.segments import State
from reviewer.gui import dialogs
from reviewer.gui.action_table import ACTIONS, TOOLBAR
from reviewer.gui.main_window import MainWindow
from reviewer.gui.markup import chip_text, to_html
from reviewer.gui.model import COL_SOURCE, COL_TARGET
from tests.gui.gui_helpers import copy_corpus, load

CTRL = Qt.KeyboardModifier.ControlModifier


def focus(qtbot, win: MainWindow, widget) -> None:  # type: ignore[no-untyped-def]
    win.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.mark.parametrize("where", ["table", "editor"])
def test_ctrl_down_and_up_move_one_segment_without_approving(qtbot, window, article, where) -> None:
    load(qtbot, window, article, checks=False)
    widget = window.table if where == "table" else window.detail.target
    focus(qtbot, window, widget)
    for _ in range(3):
        QTest.keyClick(widget, Qt.Key.Key_Down, CTRL)
    assert window.current_row() == 3
    QTest.keyClick(widget, Qt.Key.Key_Up, CTRL)
    assert window.current_row() == 2
    assert all(r.state is State.UNREVIEWED for r in window.session.reviews)
    assert window.nav.selected_rows() == [2]
    assert QApplication.focusWidget() is widget  # the keys stay where the user is
    assert window.detail.target.toPlainText() == window.session.doc.pairs[2].target
    # At the edge it stops and says so.
    window.goto_source_row(0)
    QTest.keyClick(widget, Qt.Key.Key_Up, CTRL)
    assert window.current_row() == 0
    assert "first segment" in window.statusBar().currentMessage()


def test_ctrl_down_follows_the_filter(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    window.filter_bar.text.setText("abonnement")
    window.filter_bar.apply_now()
    shown = window.proxy.accepted_source_rows()
    window.goto_source_row(shown[0])
    focus(qtbot, window, window.table)
    QTest.keyClick(window.table, Qt.Key.Key_Down, CTRL)
    assert window.current_row() == shown[1]


def test_go_to_a_segment_by_number_or_id(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    answers = iter(["7", window.session.doc.pairs[4].id, "#999", "kat"])
    asked: list[str] = []

    def ask(parent, title, label, text):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_text", ask)
    focus(qtbot, window, window.detail.target)
    go = window.findChild(QAction, "actionGoTo")
    assert go.shortcut().toString() == "Ctrl+G"
    QTest.keyClick(window.detail.target, Qt.Key.Key_G, CTRL)  # from the editor too
    assert window.current_row() == 6
    assert f"1–{len(window.session.doc.pairs)}" in asked[0]
    go.trigger()
    assert window.current_row() == 4
    for _ in range(2):
        go.trigger()
        assert window.current_row() == 4  # nothing found: stay, and say so
        assert window.statusBar().currentMessage().startswith("No segment ")


def test_go_to_a_segment_hidden_by_the_filter_clears_it(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.filter_bar.text.setText("abonnement")
    window.filter_bar.apply_now()
    hidden = next(
        r for r in range(len(window.session)) if r not in window.proxy.accepted_source_rows()
    )
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: str(hidden + 1))
    window.findChild(QAction, "actionGoTo").trigger()
    assert window.current_row() == hidden
    assert window.filter_bar.text.text() == ""
    assert "filter cleared" in window.statusBar().currentMessage()


def test_long_links_and_tags_collapse_to_chips_in_the_table(qtbot, window, tmp_path) -> None:
    path = copy_corpus(tmp_path, "legacy-ediscovery-retirement.md")
    load(qtbot, window, path, checks=False)
    pairs = window.session.doc.pairs
    row = next(r for r in range(len(pairs)) if "](https://" in pairs[r].target)
    target = pairs[row].target
    url = target[target.index("](https://") + 2 : target.index(")", target.index("](https://"))]
    html = to_html(target, chips=True)
    assert url not in html  # the table shows a chip ...
    assert chip_text("url", url).split("/")[0] in html
    tip = window.model.index(row, COL_TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == target  # ... the tooltip the whole text ...
    window.goto_source_row(row)
    assert window.detail.target.toPlainText() == target  # ... and so does the editor
    assert chip_text("tag", '<a href="https://go.microsoft.com/fwlink/p/?linkid=1">') == "<a…>"
    assert chip_text("linkurl", "](/exchange/security-and-compliance/in-place-ediscovery)") == (
        "(…/in-place-ediscovery)"
    )
    short = "Zie [dit](https://a.nl)."
    assert to_html(short, chips=True) == to_html(short)  # short links stay as they are


def test_the_current_row_grows_to_show_all_its_text(qtbot, window, tmp_path) -> None:
    path = copy_corpus(tmp_path, "legacy-ediscovery-retirement.md")
    window.resize(1024, 700)
    load(qtbot, window, path, checks=False)
    table = window.table
    default = table.verticalHeader().defaultSectionSize()
    longest = max(range(40), key=lambda r: len(window.session.doc.pairs[r].source))
    window.goto_source_row(longest)
    qtbot.wait(10)
    index = table.currentIndex()
    grown = table.rowHeight(index.row())
    needed = table.delegate.text_height(
        window.session.doc.pairs[longest].source, table.columnWidth(COL_SOURCE), table.font()
    )
    assert grown > default and grown >= min(needed, int(table.viewport().height() * 0.6))
    assert table.viewport().rect().contains(table.visualRect(index))
    window.goto_source_row(0)
    qtbot.wait(10)
    assert table.rowHeight(index.row()) == default  # the old row shrinks back


def test_every_action_comes_from_the_table_and_has_a_name(qtbot, window) -> None:
    names = {spec.name for spec in ACTIONS}
    found = {
        a.objectName() for a in window.findChildren(QAction) if a.objectName().startswith("action")
    }
    assert names <= found
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert action.objectName(), action.text()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    listed = [a.objectName() for a in toolbar.actions() if not a.isSeparator()]
    assert listed == [n for n in TOOLBAR if n is not None]
    keys = " ".join(k for _what, k in window.registry.shortcut_rows())
    for key in ("Ctrl+G", "Ctrl+Down", "Ctrl+Up", "F2", "Ctrl+J", "F3", "Ctrl+Return"):
        assert key in keys
    # Keys the editor would keep for itself reach the window's actions from it.
    passed = {k.toString() for k in window.detail.target.passthrough}
    assert {"Ctrl+Return", "Ctrl+Down", "Ctrl+Z", "Ctrl+G"} <= passed
    assert QKeySequence("Ctrl+A").toString() not in passed
