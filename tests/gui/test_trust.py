"""The window does only what the user asked: selection, undo, filter, F2, small screens, reload.

Each test reproduces a defect a user met; keys are real key events, as a user types them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar, QToolButton, QTreeWidget

from reviewer.core.segments import State
from reviewer.gui import dialogs
from reviewer.gui.main_window import MainWindow
from reviewer.gui.model import COL_SOURCE, COL_TARGET
from reviewer.gui.visible_text import CR_MARK, LS_MARK, PS_MARK
from tests.gui.gui_helpers import copy_corpus, load, synthetic_article

# The real question, before the autouse fixture swaps it for one that fails the test.
_REAL_ASK_EXTERNAL_CHANGE = dialogs.ask_external_change
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def action(win: MainWindow, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def key(
    win: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the keyboard focus is, as a user's would land."""
    widget = QApplication.focusWidget() or win
    QTest.keyClick(widget, k, mods)


def focus(qtbot, win: MainWindow, widget) -> None:  # type: ignore[no-untyped-def]
    win.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def selected_source_rows(win: MainWindow) -> list[int]:
    rows = win.table.selectionModel().selectedRows()
    return sorted(win.proxy.mapToSource(i).row() for i in rows)


def click_row(win: MainWindow, source_row: int, column: int = COL_TARGET) -> None:
    index = win.proxy.mapFromSource(win.model.index(source_row, column))
    win.table.scrollTo(index)
    QTest.mouseClick(
        win.table.viewport(), Qt.MouseButton.LeftButton, pos=win.table.visualRect(index).center()
    )


# -- 1. the selection grows -----------------------------------------------------------------------
def test_approve_and_next_with_ctrl_held_never_grows_the_selection(qtbot, window, article) -> None:
    load(qtbot, window, article)
    focus(qtbot, window, window.table)
    click_row(window, 0)
    for _ in range(5):
        key(window, Qt.Key.Key_Return, CTRL)
    assert [window.session.reviews[r].state for r in range(5)] == [State.APPROVED] * 5
    assert window.current_row() == 5
    assert selected_source_rows(window) == [5]  # not rows 0-5


def test_next_unfinished_and_the_jump_after_undo_select_only_the_current_row(
    qtbot, window, article
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    focus(qtbot, window, window.table)
    click_row(window, 0)
    for _ in range(3):
        key(window, Qt.Key.Key_J, CTRL)
    assert window.current_row() == 3
    assert selected_source_rows(window) == [3]
    window.session.reviews  # noqa: B018 - records exist for the state change below
    key(window, Qt.Key.Key_Return, CTRL)  # approve 3, on to 4
    focus(qtbot, window, window.table)
    key(window, Qt.Key.Key_Up, CTRL)  # back to 3 without approving
    key(window, Qt.Key.Key_Up, CTRL)
    key(window, Qt.Key.Key_Z, CTRL)  # the approval of 3 is undone; 3 is on screen
    assert window.session.reviews[3].state is State.UNREVIEWED
    assert window.current_row() == 3
    assert selected_source_rows(window) == [3]


# -- 2. undo reaches another segment --------------------------------------------------------------
def test_ctrl_z_in_the_editor_undoes_its_own_typing_first(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    session = window.session
    window.goto_source_row(4)
    edited = session.doc.pairs[4].target
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(window.detail.target, " Echt")
    assert session.doc.pairs[4].target == edited + " Echt"
    window.goto_source_row(5)
    before = session.doc.pairs[5].target
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_A, CTRL)
    key(window, Qt.Key.Key_Delete)
    assert "Not applied" in window.detail.message.text()
    key(window, Qt.Key.Key_Z, CTRL)
    # The editor's own typing went first: segment 5 shows its text again; 4 is untouched.
    assert window.current_row() == 5
    assert window.detail.target.toPlainText() == before
    assert session.doc.pairs[4].target == edited + " Echt"
    assert session.doc.pairs[5].target == before


def test_undo_of_a_segment_out_of_sight_shows_it_before_changing_it(
    qtbot, window, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = synthetic_article(tmp_path, 200)
    load(qtbot, window, path, checks=False)
    session = window.session
    window.goto_source_row(2)
    original = session.doc.pairs[2].target
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(window.detail.target, " Klaar")
    edited = session.doc.pairs[2].target
    assert edited == original + " Klaar"
    window.goto_source_row(150)
    focus(qtbot, window, window.table)
    key(window, Qt.Key.Key_Z, CTRL)
    # First press: segment 3 is brought into view, nothing is undone yet.
    assert window.current_row() == 2
    assert session.doc.pairs[2].target == edited
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    key(window, Qt.Key.Key_Z, CTRL)  # the second press changes it, in view
    assert session.doc.pairs[2].target == original
    assert window.current_row() == 2


# -- 3. typing undoes a word at a time ------------------------------------------------------------
def test_typing_undoes_word_by_word_within_the_segment(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    session = window.session
    window.goto_source_row(3)
    start = session.doc.pairs[3].target
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(window.detail.target, " een twee drie")
    assert session.doc.pairs[3].target == start + " een twee drie"
    key(window, Qt.Key.Key_Z, CTRL)
    assert session.doc.pairs[3].target == start + " een twee "
    key(window, Qt.Key.Key_Z, CTRL)
    assert session.doc.pairs[3].target == start + " een "
    key(window, Qt.Key.Key_Z, CTRL)
    assert session.doc.pairs[3].target == start
    assert window.detail.target.toPlainText() == start
    assert window.current_row() == 3


def test_a_pause_ends_an_undo_step(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    session = window.session
    window.goto_source_row(3)
    start = session.doc.pairs[3].target
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(window.detail.target, " abc")
    qtbot.wait(1300)  # a pause, longer than the typing-step pause
    QTest.keyClicks(window.detail.target, "def")
    key(window, Qt.Key.Key_Z, CTRL)
    assert session.doc.pairs[3].target == start + " abc"


# -- 4. clearing the filter keeps your place ------------------------------------------------------
def test_clearing_the_filter_keeps_the_current_row_current_and_visible(
    qtbot, window, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = synthetic_article(tmp_path, 3000)
    load(qtbot, window, path, checks=False)
    session = window.session
    sources = session.doc.pairs.sources()
    # A source that occurs once, far down the article.
    hit = next(r for r in range(2800, 2000, -1) if sources.count(sources[r]) == 1)
    window.filter_bar.text.setText(sources[hit])
    window.filter_bar.apply_now()
    assert window.proxy.accepted_source_rows() == [hit]
    focus(qtbot, window, window.table)
    click_row(window, hit)
    key(window, Qt.Key.Key_L, CTRL | SHIFT)
    assert window.proxy.rowCount() == len(sources)
    assert window.current_row() == hit
    assert window.detail.row == hit
    qtbot.wait(10)
    index = window.table.currentIndex()
    assert window.table.viewport().rect().intersects(window.table.visualRect(index))


# -- 5. F2 edits the target from any column -------------------------------------------------------
def test_f2_edits_the_current_rows_target_from_any_column(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    focus(qtbot, window, window.table)
    click_row(window, 2, COL_SOURCE)
    assert window.table.currentIndex().column() == COL_SOURCE
    key(window, Qt.Key.Key_F2)
    editor = window.delegate.current_editor()
    assert editor is not None
    assert editor.toPlainText() == window.session.doc.pairs[2].target
    QTest.keyClick(editor, Qt.Key.Key_Escape)


# -- 6. small screens -----------------------------------------------------------------------------
def _visible_rows(tree: QTreeWidget) -> int:
    if tree.topLevelItemCount() == 0:
        return 0
    height = tree.visualItemRect(tree.topLevelItem(0)).height()
    return tree.viewport().height() // max(height, 1)


@pytest.mark.parametrize(("size", "rows"), [((1280, 720), 3), ((1024, 600), 2)])
def test_every_part_stays_usable_on_a_small_screen(qtbot, window, tmp_path, size, rows) -> None:
    path = copy_corpus(tmp_path, "legacy-ediscovery-retirement.md")
    window.resize(*size)
    load(qtbot, window, path)
    qtbot.wait(50)
    assert (window.width(), window.height()) == size  # nothing forces the window wider or taller
    window.nav.next_issue(True)
    qtbot.wait(20)
    issues = window.detail.issues
    assert issues.topLevelItemCount() >= 1
    assert _visible_rows(issues) >= rows
    # No part of the detail pane overlaps another.
    below = window.detail.issue_text.mapTo(window.detail, QPoint(0, 0)).y()
    assert issues.mapTo(window.detail, QPoint(0, issues.height())).y() <= below
    for editor in (window.detail.source, window.detail.target):
        assert editor.viewport().height() >= 2 * editor.fontMetrics().lineSpacing()
    assert (
        window.table.viewport().height() >= 2 * window.table.verticalHeader().defaultSectionSize()
    )
    toolbar = window.findChild(QToolBar, "mainToolbar")
    shown = toolbar.rect()
    hidden = [
        a
        for a in toolbar.actions()
        if not a.isSeparator()
        and (
            toolbar.widgetForAction(a) is None
            or not toolbar.widgetForAction(a).isVisible()
            or not shown.contains(toolbar.widgetForAction(a).geometry())
        )
    ]
    if hidden:  # what does not fit is one click away, in the overflow menu
        overflow = [b for b in toolbar.findChildren(QToolButton) if b.isVisible()]
        assert any(b.objectName() == "qt_toolbar_ext_button" for b in overflow)


# -- 7. the reload dialog says what reload does ---------------------------------------------------
def test_reload_dialog_says_unsaved_edits_are_reapplied_and_they_are(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    session = window.session
    window.goto_source_row(2)
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(window.detail.target, " (mijn)")
    mine = session.doc.pairs[2].target
    asked: list[tuple[str, str]] = []

    def confirm(parent, title, text, ok_label="OK", default_ok=True):
        asked.append((text, ok_label))
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    action(window, "actionReload").trigger()
    text, ok_label = asked[0]
    assert "lost" not in text and "Discard" not in ok_label
    assert "re-applied" in text
    assert window.session.doc.pairs[2].target == mine  # what the words promised


def test_external_change_dialog_says_unsaved_edits_are_reapplied(qtbot, monkeypatch) -> None:
    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text() + "\n" + box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    _REAL_ASK_EXTERNAL_CHANGE(None, "a.md")
    assert "lost" not in texts[0] and "re-applied" in texts[0]


# -- issue 15 defect 3: the editors keep characters the user did not touch ------------------------
SPECIAL = "Het\u00a0spijt ons,\u2028echt\u2029waar,\r\nmaar\rals je wilt:"


def _special_article(tmp_path: Path, crlf: bool) -> tuple[Path, bytes]:
    path = copy_corpus(tmp_path, "canceling-your-office-365-subscription.md")
    data = path.read_bytes()
    old = "Het spijt ons dat je gaat, maar als je je abonnement wilt opzeggen, zijn hier je opties:"
    data = data.replace(old.encode(), SPECIAL.encode(), 1)
    if crlf:
        data = data.replace(b"\r\n", b"\x00").replace(b"\n", b"\r\n").replace(b"\x00", b"\r\n")
    path.write_bytes(data)
    return path, data


@pytest.mark.parametrize("crlf", [False, True], ids=["lf-file", "crlf-file"])
def test_typing_in_the_detail_editor_changes_only_the_typed_character(
    qtbot, window, tmp_path, crlf
) -> None:  # type: ignore[no-untyped-def]
    path, original = _special_article(tmp_path, crlf)
    load(qtbot, window, path, checks=False)
    row = next(r for r, p in enumerate(window.session.doc.pairs) if p.target == SPECIAL)
    window.goto_source_row(row)
    focus(qtbot, window, window.detail.target)
    key(window, Qt.Key.Key_End, CTRL)
    key(window, Qt.Key.Key_Exclam)
    key(window, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    assert path.read_bytes() == original.replace(SPECIAL.encode(), (SPECIAL + "!").encode(), 1)


@pytest.mark.parametrize("crlf", [False, True], ids=["lf-file", "crlf-file"])
def test_typing_in_the_table_editor_changes_only_the_typed_character(
    qtbot, window, tmp_path, crlf
) -> None:  # type: ignore[no-untyped-def]
    path, original = _special_article(tmp_path, crlf)
    load(qtbot, window, path, checks=False)
    row = next(r for r, p in enumerate(window.session.doc.pairs) if p.target == SPECIAL)
    window.goto_source_row(row)
    focus(qtbot, window, window.table)
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, COL_TARGET)))
    key(window, Qt.Key.Key_F2)
    editor = window.delegate.current_editor()
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_Home, CTRL)
    QTest.keyClick(editor, Qt.Key.Key_Greater)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.doc.pairs[row].target == ">" + SPECIAL
    key(window, Qt.Key.Key_S, CTRL)
    assert path.read_bytes() == original.replace(SPECIAL.encode(), (">" + SPECIAL).encode(), 1)


def test_the_editor_shows_the_special_characters(qtbot, window, tmp_path) -> None:
    path, _ = _special_article(tmp_path, crlf=False)
    load(qtbot, window, path, checks=False)
    row = next(r for r, p in enumerate(window.session.doc.pairs) if p.target == SPECIAL)
    window.goto_source_row(row)
    shown = window.detail.target.document().toRawText()
    # A carriage return, a line and a paragraph separator each show as a visible mark, in the
    # window's own font (not an empty box).
    metrics = window.detail.target.fontMetrics()
    for mark in (CR_MARK, LS_MARK, PS_MARK):
        assert mark in shown, mark
        assert metrics.inFontUcs4(ord(mark)), mark
    assert "\u00a0" in shown  # the no-break space stays one, marked by the highlighter
