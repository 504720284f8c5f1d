"""Carrying a fix to repeated segments in the real window: the offer under the target editor
with its count and key, the automatic option, the repetitions filter, and the same fix in other
articles of the project, previewed and undone as one step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.core.project import ChangeSet
from reviewer.core.project.repetitions import repetition_groups
from reviewer.core.segments import State
from reviewer.gui import change_preview
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load
from tests.gui.project_helpers import CTRL, SHIFT, idle, make_project, open_project, press, snapshot

REL = "docs/repeated.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The project, plus an article repeating one real pair of change-nameservers.md three
    times (ids made unique), the last one approved in its review data."""
    root = make_project(tmp_path)
    text = (root / "docs" / "change-nameservers.md").read_text(encoding="utf-8")
    pair = re.search(
        r'<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup">'
        r'<span data-stu-id="\1">(.*?)</span></span>',
        text,
    )
    assert pair is not None
    pid, target, source = pair.groups()
    lines = [
        f'<span data-ttu-id="{pid}-{k}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pid}-{k}">{source}</span></span>\n'
        for k in range(3)
    ]
    (root / REL).write_text("# Herhaald\n\n" + "\n".join(lines), encoding="utf-8")
    return root


def _type_fix(qtbot, window: MainWindow, row: int) -> str:  # type: ignore[no-untyped-def]
    window.goto_source_row(row)
    editor = window.detail.target
    editor.setFocus()
    editor.move_cursor_end()
    QTest.keyClicks(editor, " (opgelost)")
    qtbot.waitUntil(lambda: window.session.doc.pairs[row].target.endswith(" (opgelost)"))
    return window.session.doc.pairs[row].target


def test_the_offer_counts_and_ctrl_shift_r_applies_it_as_one_step(
    qtbot, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, root / REL, checks=False)
    window.goto_source_row(2)
    window.review.approve_current()
    bar = window.project.propagation
    assert not bar.isVisible()
    fixed = _type_fix(qtbot, window, 0)
    qtbot.waitUntil(bar.isVisible)
    assert bar.here == [1]  # the approved repetition is left alone
    assert "1 other segment" in bar.text.text()
    steps = window.stack.count()
    press(window.detail.target, Qt.Key.Key_R, CTRL | SHIFT)
    pairs = window.session.doc.pairs
    assert pairs[1].target == fixed and pairs[2].target != fixed
    assert window.stack.count() == steps + 1
    assert window.session.reviews[1].state is State.EDITED
    window.undo()
    assert pairs[1].target != fixed and pairs[0].target == fixed  # the fix itself stays


def test_automatic_propagation_when_leaving_the_segment(
    qtbot, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, root / REL, checks=False)
    auto = window.findChild(type(window.registry["actionSave"]), "actionAutoPropagate")
    assert auto is not None and not auto.isChecked()
    auto.trigger()
    assert window.project.propagation.automatic
    fixed = _type_fix(qtbot, window, 0)
    press(window.detail.target, Qt.Key.Key_Down, CTRL)  # next segment
    qtbot.waitUntil(lambda: window.session.doc.pairs[1].target == fixed)
    assert window.session.doc.pairs[2].target == fixed
    assert "automatically" in window.statusBar().currentMessage()


def test_the_repetitions_filter_groups_them(qtbot, window: MainWindow, root: Path) -> None:  # type: ignore[no-untyped-def]
    path = root / "docs" / "advanced-hunting-deviceevents-table.md"
    load(qtbot, window, path, checks=False)
    groups = repetition_groups(window.session.doc.pairs.sources())
    assert len(groups) >= 4 and len(set(groups.values())) >= 2
    state = window.filter_bar.state
    state.setCurrentIndex(state.findData("repetitions"))
    shown = [window.proxy.mapToSource(window.proxy.index(k, 0)).row()
             for k in range(window.proxy.rowCount())]  # fmt: skip
    assert sorted(shown) == sorted(groups)
    assert [groups[r] for r in shown] == sorted(groups[r] for r in shown)  # grouped
    assert window.nav.shown_rows() == shown  # moving follows what is shown
    state.setCurrentIndex(0)
    assert window.proxy.rowCount() == len(window.session.doc.pairs)
    first = [window.proxy.mapToSource(window.proxy.index(k, 0)).row() for k in range(5)]
    assert first == [0, 1, 2, 3, 4]


def test_the_same_fix_in_other_articles_previewed_and_undone(
    qtbot, window: MainWindow, root: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    before = snapshot(root)
    assert window.project.part.open_rel(REL, 0)
    bar = window.project.propagation
    fixed = _type_fix(qtbot, window, 0)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.elsewhere == 1)
    asked: list[ChangeSet] = []

    def accept(parent, plan: ChangeSet, intro: str) -> ChangeSet:  # type: ignore[no-untyped-def]
        asked.append(plan)
        return plan

    monkeypatch.setattr(change_preview, "ask_changes", accept)
    qtbot.mouseClick(bar.other_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert [c.rel for c in asked[0].changes] == ["docs/change-nameservers.md"]
    after = snapshot(root)
    assert {n for n in before if before[n] != after[n]} == {"docs/change-nameservers.md"}
    assert fixed in after["docs/change-nameservers.md"].decode("utf-8")
    window.project.undo_in_articles()
    idle(qtbot, window)
    assert snapshot(root) == before
