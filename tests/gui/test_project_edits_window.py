"""Find and replace (in the article and across the project), refusals in the preview, the
project-wide undo, batch approval with and without warned segments, and the issue export's
check results option, in the real window on copies of real articles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from reviewer.core.export_formats import ExportRequest
from reviewer.core.segments import State
from reviewer.gui import export_dialog
from reviewer.gui.change_preview import COL_USE, ChangesModel
from reviewer.gui.main_window import MainWindow
from reviewer.gui.project_dialogs import ApprovalDialog
from reviewer.gui.replace_dialog import ReplaceDialog
from tests.gui.project_helpers import (
    TOKEN_ERROR,
    TOKEN_HITS,
    assert_only_targets_changed,
    idle,
    make_project,
    open_project,
    press,
    snapshot,
    when_modal,
)

ARTICLE = "microsoft-365/enterprise/session-timeouts.md"  # two of the recurring mistakes


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def _replace(qtbot, window: MainWindow, find: str, to: str, project: bool) -> ReplaceDialog:  # type: ignore[no-untyped-def]
    press(window.table, Qt.Key.Key_H)
    assert window.project.replacer is not None
    dialog = window.project.replacer.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.find_text.setText(find)
    dialog.replace_text.setText(to)
    (dialog.in_project if project else dialog.in_article).setChecked(True)
    dialog.preview.click()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    return dialog


def test_replace_in_the_open_article_is_one_undo_step(
    qtbot, qtmodeltester, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    before = snapshot(root)
    assert window.project.part.open_rel(ARTICLE)
    dialog = _replace(qtbot, window, TOKEN_ERROR, "toegangstoken", project=False)
    qtmodeltester.check(dialog.model)
    assert [c.rel for c in dialog.model.changes] == [ARTICLE, ARTICLE]
    assert "toegangstoken" in dialog.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    # Leave the second one out.
    dialog.model.setData(dialog.model.index(1, COL_USE), Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)  # fmt: skip
    assert dialog.apply.text().replace("&", "") == "Replace 1"
    dialog.apply.click()
    rows = [c.row for c in dialog.model.changes] or None
    assert rows is None  # the preview is cleared once applied
    targets = window.session.doc.pairs.targets()
    assert sum(TOKEN_ERROR in t for t in targets) == 1
    assert window.stack.count() == 1 and "1 in the open article" in dialog.outcome.text()
    window.undo()  # the first press brings the changed segment into view
    window.undo()
    assert sum(TOKEN_ERROR in t for t in window.session.doc.pairs.targets()) == 2
    assert snapshot(root) == before  # nothing was written


def test_refused_and_risky_changes_are_explained_and_left_out(
    qtbot, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    assert window.project.part.open_rel(ARTICLE)
    # Emptying a target would break the file: refused, cannot be ticked.
    dialog = _replace(qtbot, window, r"^.*$", "", project=False)
    dialog.regex.setChecked(True)
    dialog.preview.click()
    qtbot.waitUntil(lambda: bool(dialog.model.changes))
    model: ChangesModel = dialog.model
    assert all(c.refused for c in model.changes)
    assert not model.flags(model.index(0, COL_USE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, 5).data().startswith("Refused: A target cannot be empty")
    assert not dialog.apply.isEnabled()
    # A new tag is allowed but risky: unticked until the user ticks it.
    dialog.regex.setChecked(False)
    dialog.find_text.setText(TOKEN_ERROR)
    dialog.replace_text.setText("<span>toegangstoken</span>")
    dialog.preview.click()
    qtbot.waitUntil(lambda: bool(dialog.model.changes))
    assert all(c.warnings and not c.refused for c in model.changes)
    assert model.chosen() == [] and "Tick to apply anyway" in model.index(0, 5).data()
    dialog.tick_all.click()
    assert len(model.chosen()) == 2
    dialog.close()


def test_replace_across_the_project_and_its_undo(qtbot, window: MainWindow, root: Path) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    before = snapshot(root)
    dialog = _replace(qtbot, window, TOKEN_ERROR, "toegangstoken", project=True)
    assert len(dialog.model.changes) == TOKEN_HITS
    dialog.apply.click()
    idle(qtbot, window)
    after = snapshot(root)
    changed = {name for name in before if before[name] != after[name]}
    assert len(changed) == 5
    for name in changed:
        assert_only_targets_changed(before[name], after[name], name)
        assert Path(root / (name + ".review.yaml")).exists()  # the edit is recorded
    view = window.project.view
    assert view.result.isVisible() and view.undo.isVisible()
    assert all(view.model.row_at(view.model.find(n)).edited >= 1 for n in changed)
    assert window.registry["actionUndoInArticles"].isEnabled()
    qtbot.mouseClick(dialog.undo, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert snapshot(root) == before
    assert "Undone" in dialog.outcome.text()
    assert not window.registry["actionUndoInArticles"].isEnabled()


@pytest.mark.parametrize("hold", [True, False])
def test_batch_approval_says_what_carries_warnings_and_can_hold_it_back(
    qtbot, window: MainWindow, root: Path, hold: bool
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    assert window.project.part.open_rel(ARTICLE)  # the open article is among the shown ones
    window.project.toggle_view()
    view = window.project.view
    view.filters.combos["progress"].setCurrentIndex(
        view.filters.combos["progress"].findData("not-started")
    )
    shown = view.shown_rels()
    assert ARTICLE in shown
    seen: dict[str, tuple[int, int, int]] = {}

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, ApprovalDialog)
        assert widget.in_shown.isChecked()
        widget.hold.setChecked(hold)
        seen["counts"] = widget.counts()
        widget.ok.click()

    when_modal(answer)
    window.registry["actionApproveArticles"].trigger()
    idle(qtbot, window)
    segments, _articles, warned = seen["counts"]
    assert warned > 0
    approved_here = window.session.state_counts()[State.APPROVED]
    assert approved_here > 0 and window.stack.count() == 1  # the open article: one undo step
    on_disk = sum(view.model.row_at(view.model.find(r)).approved for r in shown if r != ARTICLE)
    assert on_disk + approved_here == segments
    window.undo()
    window.undo()
    assert window.session.state_counts()[State.APPROVED] == 0


def test_issue_export_lists_issues_unless_check_results_are_asked_for(
    qtbot, window: MainWindow, root: Path, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.gui_helpers import load

    load(qtbot, window, root / ARTICLE)
    out = tmp_path / "out.csv"
    asked = [ExportRequest(str(out), "csv"), ExportRequest(str(out), "csv", include_checks=True)]
    monkeypatch.setattr(export_dialog, "ask_export", lambda *a: asked.pop(0))
    window.registry["actionExport"].trigger()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1  # the header alone: no issue was flagged
    window.registry["actionExport"].trigger()  # "Include the automatic check results" ticked
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    kinds = {r[header.index("Type")] for r in rows[1:]}
    assert len(rows) > 1 and kinds <= {"Check error", "Check warning", "Check info"}
    assert {r[header.index("Severity")] for r in rows[1:]} == {""}
    QTest.qWait(1)
