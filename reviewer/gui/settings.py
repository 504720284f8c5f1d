"""What the window remembers between runs: name, recent files, geometry, column widths."""

from __future__ import annotations

import contextlib
import getpass
import os

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDockWidget, QHeaderView, QMainWindow, QSplitter, QTableView

from reviewer.core.checks import Level
from reviewer.core.config import Config
from reviewer.core.segments import State
from reviewer.gui import labels
from reviewer.gui.model import COL_ID, COL_ISSUES, COL_NUM, COL_SOURCE, COL_STATE, COL_TARGET

ORGANIZATION = "reviewer"
APPLICATION = "reviewer"
MAX_RECENT = 10
DEFAULT_WIDTHS = {COL_NUM: 40, COL_ID: 80, COL_STATE: 100, COL_ISSUES: 104}


def app_settings() -> QSettings:
    """INI settings, so tests can point them at a temporary folder with QSettings.setPath."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def reviewer_name(settings: QSettings, config: Config | None) -> str:
    """The name stamped on every change: chosen in the window, else configured, else login."""
    name = settings.value("reviewer/name", "")
    if isinstance(name, str) and name:
        return name
    configured = config.reviewer if config is not None else ""
    if configured:
        return str(configured)
    try:
        return getpass.getuser()
    except Exception:
        return ""


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or [] if v] if isinstance(value, list) else []


def remember_file(settings: QSettings, path: str) -> list[str]:
    path = os.path.abspath(path)
    recent = [p for p in recent_files(settings) if p != path]
    recent.insert(0, path)
    settings.setValue("files/recent", recent[:MAX_RECENT])
    return recent[:MAX_RECENT]


def shown_docks(settings: QSettings) -> list[str] | None:
    """The docks the saved window state shows (made before it is restored); None when the
    state was saved without their names, so that it may show any."""
    state = settings.value("window/state")
    if not isinstance(state, QByteArray) or state.isEmpty():
        return []
    names = settings.value("window/docks")
    return None if names is None else [n for n in str(names).split(",") if n]


def restore_window(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> bool:
    """Geometry, docks and the splitter as the user left them; True when the splitter was."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    saved = settings.value("window/splitter")
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        splitter.restoreState(saved)
        return True
    return False


def _fitting_widths(table: QTableView) -> dict[int, int]:
    """The default widths, wider where the window's language names states or results longer."""
    fm = table.fontMetrics()
    state = max(fm.horizontalAdvance(labels.state(s)) for s in State) + 32  # dot and margins
    pill = fm.horizontalAdvance("▲ " + labels.level_count(Level.WARNING, 3)) + 18
    widths = dict(DEFAULT_WIDTHS)
    widths[COL_STATE] = max(widths[COL_STATE], state)
    widths[COL_ISSUES] = max(widths[COL_ISSUES], pill)
    return widths


def apply_column_widths(settings: QSettings, table: QTableView) -> None:
    hh = table.horizontalHeader()
    if hh.count() < 6:
        return
    saved = settings.value("table/columns")
    widths = _fitting_widths(table)
    if isinstance(saved, list) and len(saved) == 6:
        for col in DEFAULT_WIDTHS:
            with contextlib.suppress(TypeError, ValueError):
                widths[col] = max(36, int(saved[col]))
    for col, width in widths.items():
        hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(col, width)
    hh.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
    hh.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)


def save_window(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, table: QTableView
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    shown = [d.objectName() for d in window.findChildren(QDockWidget) if not d.isHidden()]
    settings.setValue("window/docks", ",".join(shown))
    settings.setValue("window/splitter", splitter.saveState())
    hh = table.horizontalHeader()
    if hh.count() == 6:
        settings.setValue("table/columns", [str(hh.sectionSize(c)) for c in range(6)])
    settings.sync()
