"""The parts made when first wanted appear and work when asked: each hidden dock through its
action or key, the project tab when a project opens, a dock the saved state shows at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from reviewer.gui import dialogs
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load
from tests.gui.project_helpers import CTRL, SHIFT, make_project, open_project

LAZY = {
    "actionGlossary": "glossaryEditor",
    "actionPreview": "previewPane",
    "actionSearchDock": "searchDock",
    "actionConcordanceDock": "concordanceDock",
}


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def windows(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []
    yield made
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    for win in made:
        if win.isVisible():
            win.close()
        win.deleteLater()
    qtbot.wait(1)


def _window(windows: list[MainWindow], settings: QSettings, show: bool = True) -> MainWindow:
    win = MainWindow(settings=settings)
    win.resize(1400, 900)
    windows.append(win)
    if show:
        win.show()
    return win


def test_each_hidden_dock_is_made_and_shown_by_its_action(
    qtbot, windows, tmp_path: Path, article: Path
) -> None:  # type: ignore[no-untyped-def]
    win = _window(windows, _settings(tmp_path))
    load(qtbot, win, article)
    for action_name, name in LAZY.items():
        action = win.registry[action_name]
        assert win.docks.made(name) is None and not action.isChecked()
        action.trigger()
        dock = win.docks.made(name)
        assert isinstance(dock, QDockWidget) and dock.objectName() == name
        qtbot.waitUntil(dock.isVisible)
        assert action.isChecked() and win.findChild(QDockWidget, name) is dock
        action.trigger()
        assert dock.isHidden() and not action.isChecked()
    # The preview, made after the table painted, renders the open article when shown again.
    win.registry["actionPreview"].trigger()
    qtbot.waitUntil(lambda: win.aids.pane.pages.views["target"] is not None, timeout=20000)


def test_a_dock_key_works_from_the_first_event(qtbot, windows, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(windows, _settings(tmp_path))
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win)
    QTest.keyClick(win.table, Qt.Key.Key_G, CTRL | SHIFT)  # View › Glossary
    glossary = win.docks.made("glossaryEditor")
    assert glossary is not None
    qtbot.waitUntil(glossary.isVisible)
    # Beside the issues, as a tab, where it always went.
    assert win.issues_dock in win.tabifiedDockWidgets(glossary)
    QTest.keyClick(win.table, Qt.Key.Key_F6)
    preview = win.docks.made("previewPane")
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert win.dockWidgetArea(preview) == Qt.DockWidgetArea.RightDockWidgetArea


def test_opening_a_project_makes_the_project_tab_and_its_docks(
    qtbot, windows, tmp_path: Path, article: Path
) -> None:  # type: ignore[no-untyped-def]
    win = _window(windows, _settings(tmp_path))
    load(qtbot, win, article)
    features = win.project
    assert features._part is None and features.tabs.count() == 1
    win.registry["actionProjectView"].trigger()  # no project: nothing to show, nothing made
    assert features._part is None
    assert win.registry["actionReplace"].isEnabled()  # the article's replace needs no project
    open_project(qtbot, win, make_project(tmp_path / "project"))
    assert features.tabs.count() == 2 and features.tabs.currentWidget() is features.view
    assert features.view.isVisible() and features.search.isVisible()
    assert features.matches.isVisible()
    assert win.registry["actionNextArticle"].isEnabled()
    win.registry["actionProjectView"].trigger()
    assert features.tabs.currentIndex() == 0


def test_a_dock_the_saved_state_shows_is_made_before_it_is_restored(
    qtbot, windows, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(tmp_path)
    first = _window(windows, settings)
    qtbot.waitExposed(first)
    first.registry["actionPreview"].trigger()
    first.registry["actionGlossary"].trigger()
    qtbot.waitUntil(first.aids.pane.isVisible)
    first.registry["actionSearchDock"].trigger()
    first.registry["actionSearchDock"].trigger()  # shown, then hidden again: in the state
    preview_at = first.aids.pane.geometry()
    first.save_settings()
    assert set(str(settings.value("window/docks")).split(",")) == {
        "issuesDock",
        "glossaryEditor",
        "previewPane",
    }
    second = _window(windows, settings, show=False)
    made = {name for name in LAZY.values() if second.docks.made(name) is not None}
    assert made == {"glossaryEditor", "previewPane"}  # before the first paint
    second.show()
    qtbot.waitExposed(second)
    assert second.aids.pane.isVisible() and second.aids.pane.geometry() == preview_at
    assert not second.language.glossary.isHidden()
    assert second.docks.made("searchDock") is None
    # A dock the state keeps hidden takes its saved place when it is shown.
    second.registry["actionSearchDock"].trigger()
    search = second.docks.made("searchDock")
    assert search is not None and second.issues_dock in second.tabifiedDockWidgets(search)


def test_a_state_saved_without_the_dock_list_makes_every_dock(
    qtbot, windows, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(tmp_path)
    first = _window(windows, settings)
    first.registry["actionPreview"].trigger()
    first.save_settings()
    settings.remove("window/docks")
    second = _window(windows, settings)
    assert all(second.docks.made(name) is not None for name in LAZY.values())
    qtbot.waitUntil(second.aids.pane.isVisible)
