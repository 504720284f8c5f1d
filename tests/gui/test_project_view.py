"""The project view in the real window, on copies of real articles: opening a folder three ways,
sorting and filtering by the core's rules, opening and stepping through articles, following
saves and the disk, and a Cancel that leaves the window usable."""

from __future__ import annotations

import dataclasses
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from reviewer.core.config import Config
from reviewer.core.project import ProjectFilter, filter_indexes, sorted_indexes
from reviewer.core.project import open_project as core_open
from reviewer.core.project.listing import COLUMN_KEYS
from reviewer.core.segments import State
from reviewer.gui import project_part
from reviewer.gui.main_window import MainWindow
from reviewer.gui.project_model import COL, ProjectModel, ProjectProxy
from tests.corpus import CORPUS
from tests.gui.project_helpers import idle, make_project, open_project, press


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def test_models_pass_qtmodeltester_and_sort_and_filter_as_the_core(
    qtmodeltester, root: Path
) -> None:  # type: ignore[no-untyped-def]
    project = core_open(str(root), Config())
    project.run_checks()
    rows = project.rows()
    model = ProjectModel()
    model.set_rows(rows)
    proxy = ProjectProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    for key in COLUMN_KEYS:
        for descending in (False, True):
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            proxy.sort(COL[key], order)
            shown = [model.row_at(proxy.mapToSource(proxy.index(k, 0)).row()).rel
                     for k in range(proxy.rowCount())]  # fmt: skip
            expected = [rows[k].rel for k in sorted_indexes(rows, key, descending)]
            assert shown == expected, key
    for spec in (
        ProjectFilter(text="defender"),
        ProjectFilter(types={"HT"}),
        ProjectFilter(checks="errors"),
        ProjectFilter(checks="clean", progress="not-started"),
        ProjectFilter(result="fail"),
    ):
        proxy.set_filter(spec)
        assert sorted(proxy.rels()) == sorted(rows[k].rel for k in filter_indexes(rows, spec))
    qtmodeltester.check(proxy)
    # A new snapshot with the same articles repaints the rows that changed, keeps the rest.
    changed: list[int] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: changed.extend(range(top.row(), bottom.row() + 1))
    )
    model.set_rows(list(rows))
    assert changed == []
    model.set_rows([*rows[:3], dataclasses.replace(rows[3], last_by="ann"), *rows[4:]])
    assert changed == [3]
    assert model.index(3, COL["reviewer"]).data() == "ann"


def test_open_folder_three_ways_shows_every_article(
    qtbot, window: MainWindow, root: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # File › Open Folder as Project
    monkeypatch.setattr(project_part.QFileDialog, "getExistingDirectory", lambda *a, **k: str(root))
    window.registry["actionOpenFolder"].trigger()
    idle(qtbot, window)
    view = window.project.view
    assert view.model.rowCount() == 15
    assert window.project.tabs.count() == 2 and window.project.tabs.currentWidget() is view
    assert window.registry["actionNextArticle"].isEnabled()
    # Dropping another folder on the window opens that one.
    other = root / "docs"
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(drop)
    idle(qtbot, window)
    assert view.model.rowCount() == 9
    assert window.project.part.project is not None
    assert window.project.part.project.root == str(other)
    # A folder named on the command line (python main.py DIR: app.main calls this).
    assert window.project.open_path(str(root))
    idle(qtbot, window)
    assert view.model.rowCount() == 15
    assert "15 articles" in view.totals.text()


def test_double_click_next_and_previous_keep_the_place(
    qtbot, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    view = window.project.view
    view.table.sortByColumn(COL["words"], Qt.SortOrder.DescendingOrder)
    order = view.shown_rels()
    first = view.proxy.index(0, COL["title"])
    rect = view.table.visualRect(first)
    # A real double click begins with a press (QTest's alone does not).
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.session is not None)
    assert Path(window.session.doc.path) == root / order[0]
    assert window.project.tabs.currentIndex() == 0
    window.goto_source_row(5)
    window.table.setFocus()
    press(window.table, Qt.Key.Key_PageDown)  # Ctrl+PgDown: the next article of the list
    qtbot.waitUntil(lambda: Path(window.session.doc.path) == root / order[1])
    assert view.current_rel() == order[1]
    press(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: Path(window.session.doc.path) == root / order[0])
    assert window.current_row() == 5  # where the user left it
    # From the target editor too, and past the end it says so.
    window.detail.target.setFocus()
    for _ in order[1:]:
        press(window.detail.target, Qt.Key.Key_PageDown)
    assert Path(window.session.doc.path) == root / order[-1]
    assert not window.project.part.next_article()


def test_the_list_follows_saves_and_the_disk(qtbot, window: MainWindow, root: Path) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    view = window.project.view
    rel = "docs/what-is-a-domain.md"
    assert window.project.part.open_rel(rel)
    window.goto_source_row(0)
    window.review.approve_current()
    window.review.set_target(1, window.session.doc.pairs[1].target + " (bijgewerkt)")
    press(window.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: view.model.row_at(view.model.find(rel)).approved == 1)
    row = view.model.row_at(view.model.find(rel))
    assert row.count(State.EDITED) == 1 and row.last_by
    assert view.model.index(view.model.find(rel), COL["reviewer"]).data() == row.last_by
    # Another program adds an article and deletes one: the list follows (watcher or focus).
    shutil.copyfile(CORPUS / "what-is-a-domain.md", root / "docs" / "copy-of-domain.md")
    (root / "docs" / "apps-health.md").unlink()
    # The folder watcher notices (coming back to the window from another program does too).
    qtbot.waitUntil(lambda: view.model.find("docs/copy-of-domain.md") >= 0, timeout=10000)
    assert view.model.find("docs/apps-health.md") < 0
    idle(qtbot, window)
    assert view.model.row_at(view.model.find("docs/copy-of-domain.md")).findings is not None


def test_an_unreadable_article_is_a_row_that_says_why(
    qtbot, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    (root / "docs" / "broken.md").write_bytes(b"\xff\xfe not utf-8 \x00\x01")
    open_project(qtbot, window, root)
    view = window.project.view
    k = view.model.find("docs/broken.md")
    assert k >= 0
    assert view.model.index(k, COL["result"]).data() == "unreadable"
    assert "broken.md" in view.model.index(k, COL["path"]).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 unreadable" in view.totals.text()


def test_opening_shows_progress_and_cancel_stops_it(
    qtbot, window: MainWindow, root: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def slow_open(path, config, progress, cancel):  # type: ignore[no-untyped-def]
        for k in range(10_000):
            progress(k, 10_000, "Reading")
            started.set()
            cancel.check()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(project_part, "open_project", slow_open)
    assert window.project.open_path(str(root))
    qtbot.waitUntil(started.is_set)
    view = window.project.view
    qtbot.waitUntil(lambda: view.busy.isVisible() and view.busy_bar.maximum() == 10_000)
    assert view.cancel.isEnabled()
    qtbot.wait(50)  # the window keeps answering while the project is read
    qtbot.mouseClick(view.cancel, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert not view.busy.isVisible()
    assert window.project.part.project is None
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.registry["actionNextArticle"].isEnabled()
