"""Paints, resizes, shows and hides of widgets for the start-up timeline (REVIEWER_TRACE_START)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from reviewer import start_trace

_KINDS = {
    QEvent.Type.Paint: "paint",
    QEvent.Type.Resize: "resize",
    QEvent.Type.Show: "show",
    QEvent.Type.Hide: "hide",
}


def widget_name(widget: QWidget) -> str:
    """The widget's objectName, else its class under the nearest named ancestor."""
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        return widget.objectName()
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    own = widget.objectName() or type(widget).__name__
    return f"{parent.objectName()}/{own}" if parent is not None else own


class PaintProbe(QObject):
    """An application-wide event filter: one trace line per paint (with the painted rect in
    window coordinates), resize, show and hide of a widget."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = _KINDS.get(event.type())
        if kind is not None and isinstance(watched, QWidget):
            rect = watched.rect()
            if isinstance(event, QPaintEvent):
                rect = event.rect()
            top_left = watched.mapTo(watched.window(), rect.topLeft())
            area = QRect(top_left, rect.size())
            where = f"{area.x()},{area.y()},{area.width()},{area.height()}"
            start_trace.write(kind, widget_name(watched).replace(" ", "_"), where)
        return False


def install(app: QApplication) -> PaintProbe | None:
    """Watch the whole application when a trace is asked for (else do nothing)."""
    if not start_trace.enabled():
        return None
    probe = PaintProbe(app)
    app.installEventFilter(probe)
    return probe
