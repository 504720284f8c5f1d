"""The application icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.resources import resource_path

ICON_PATH = resource_path("icons", "reviewer.svg")


def app_icon() -> QIcon:
    """The reviewer icon (an empty icon when the resources folder is not installed)."""
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


def dress(window: QWidget) -> None:
    """Give a main window the icon, and the application too (its translations are installed
    before the window is built: gui/language.py)."""
    icon = app_icon()
    window.setWindowIcon(icon)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(icon)
