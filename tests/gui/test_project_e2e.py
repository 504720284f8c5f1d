"""A lead's afternoon, end to end in the real window on copies of real articles: open the folder,
see every article's progress, find a recurring mistranslation, fix it once across the files,
approve the clean segments of ten articles; the bytes show that only targets changed."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.core.format import parse
from reviewer.core.segments import State
from reviewer.core.store import SUFFIX
from reviewer.gui.main_window import MainWindow
from reviewer.gui.project_dialogs import ApprovalDialog
from reviewer.gui.project_model import COL
from reviewer.gui.search_dock import COL_TARGET
from tests.gui.project_helpers import (
    CTRL,
    SHIFT,
    TOKEN_ERROR,
    TOKEN_FILES,
    TOKEN_HITS,
    assert_only_targets_changed,
    idle,
    make_project,
    open_project,
    press,
    snapshot,
    when_modal,
)

FIX = "toegangstoken"


def _approved_in_sidecar(path: Path) -> int:
    side = path.with_name(path.name + SUFFIX)
    if not side.exists():
        return 0
    data = yaml.safe_load(side.read_text(encoding="utf-8"))
    return sum(1 for s in data.get("segments", []) if s.get("state") == State.APPROVED.value)


def test_a_lead_opens_finds_fixes_once_and_approves_ten_articles(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path)
    before = snapshot(root)
    # 1. The folder opens as a project (what `python main.py DIR` does): one row per article,
    # its progress, totals on top; the checks fill in afterwards.
    open_project(qtbot, window, root)
    view, search = window.project.view, window.project.search
    assert window.project.tabs.currentWidget() is view
    assert view.model.rowCount() == len(before) == 15
    for k in range(view.model.rowCount()):
        row = view.model.row_at(k)
        assert row.findings is not None  # checked
        assert view.model.index(k, COL["progress"]).data() == "0%"
        assert view.model.index(k, COL["segments"]).data() == f"{row.pairs:,}"
    assert "15 articles" in view.totals.text()

    # 2. Finds the recurring mistranslation everywhere (Ctrl+Shift+C, typed as a user types).
    press(window, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search.text)
    QTest.keyClicks(search.text, TOKEN_ERROR)
    qtbot.waitUntil(lambda: search.model.rowCount() == TOKEN_HITS)
    hits = search.model.hits
    assert len({h.rel for h in hits}) == TOKEN_FILES
    # A click on a hit opens that article at that segment.
    hit = hits[2]
    rect = search.view.visualRect(search.model.index(2, COL_TARGET))
    qtbot.mouseClick(search.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.session is not None)
    assert Path(window.session.doc.path) == root / hit.rel
    assert window.current_row() == hit.row
    assert TOKEN_ERROR in window.session.doc.pairs[hit.row].target

    # 3. Fixes it once across the files (Ctrl+H): every change previewed, then applied.
    press(window, Qt.Key.Key_H)
    assert window.project.replacer is not None
    dialog = window.project.replacer.dialog
    assert dialog is not None and dialog.isVisible()
    QTest.keyClicks(dialog.find_text, TOKEN_ERROR)
    QTest.keyClicks(dialog.replace_text, FIX)
    dialog.in_project.setChecked(True)
    qtbot.mouseClick(dialog.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert len(dialog.model.changes) == TOKEN_HITS
    assert len(dialog.model.chosen()) == TOKEN_HITS
    in_open = sum(1 for c in dialog.model.changes if c.rel == hit.rel)
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert window.stack.count() == 1  # the open article's share: one undo step
    assert TOKEN_ERROR not in "".join(window.session.doc.pairs.targets())
    assert "Undo" in view.undo.text() and dialog.undo.isVisible()
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_S)  # saves the open article
    qtbot.waitUntil(lambda: not window.workspace.is_dirty)
    idle(qtbot, window)
    assert in_open >= 1

    # 4. Approves the clean segments of ten articles from the project view.
    press(window, Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier)
    assert window.project.tabs.currentWidget() is view
    ten = view.shown_rels()[:10]
    first = view.proxy.index(0, 0)
    last = view.proxy.index(9, view.proxy.columnCount() - 1)
    view.table.selectionModel().select(
        QItemSelection(first, last),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert view.selected_rels() == sorted(ten, key=view.model.find)
    seen: dict[str, object] = {}

    def approve(widget: QWidget) -> None:
        assert isinstance(widget, ApprovalDialog)
        assert widget.in_selected.isChecked() and widget.hold.isChecked()
        seen["counts"] = widget.counts()
        seen["warned_text"] = widget.warned.text()
        # An article whose every clean segment carries a warning has nothing to approve while
        # warnings are held back.
        seen["open"] = {a.rel for a in widget.plan.articles if len(a.rows) > len(a.warned)}
        widget.ok.click()

    when_modal(approve)
    window.registry["actionApproveArticles"].trigger()
    idle(qtbot, window)
    segments, articles, warned = seen["counts"]  # type: ignore[misc]
    approvable = [rel for rel in ten if rel in seen["open"]]  # type: ignore[operator]
    assert segments > 0 and articles == len(approvable) >= 9 and warned > 0
    assert f"{warned:,}" in str(seen["warned_text"])  # said before approving
    if window.workspace.is_dirty:  # the open article was among them: approved in the window
        press(window, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not window.workspace.is_dirty)
        idle(qtbot, window)
    approved = {rel: _approved_in_sidecar(root / rel) for rel in ten}
    assert all(approved[rel] > 0 for rel in approvable)
    assert sum(approved.values()) == segments
    for rel in ten:
        k = view.model.find(rel)
        assert view.model.row_at(k).approved == approved[rel]  # the list follows
    assert view.model.index(view.model.find(ten[0]), COL["progress"]).data() != "0%"

    # 5. The bytes: only targets changed, only in the articles that held the mistake.
    after = snapshot(root)
    assert set(after) == set(before)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {h.rel for h in hits}
    for name in before:
        assert_only_targets_changed(before[name], after[name], name)
        targets = parse(after[name], name).pairs.targets()
        assert not any(TOKEN_ERROR in t for t in targets)
