"""A scroll area's viewport, wrapped without PySide's search through every QWidget subclass."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

_NAME = "qt_scrollarea_viewport"  # the objectName QAbstractScrollArea gives its own viewport


def viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, the first time without a ~7 ms detour.

    PySide wraps a C++ object handed out as its exact class (the viewport is a plain QWidget
    returned as a QWidget) by searching every subclass of that class for a closer match, and
    the search creates each class it visits that was not loaded yet (QWizard, QFileDialog,
    QCalendarWidget...). Found among the area's children, handed out as a QObject, the
    viewport's class is read from its name instead. Keep the result: later ``viewport()``
    calls return this wrapper while it lives.
    """
    found = area.findChild(QWidget, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()
