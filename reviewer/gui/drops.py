"""Files dropped on the window: an article opens, an XLIFF file or issue sheet is imported."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from reviewer.core.importing import EXTENSIONS


class FileDrops(QObject):
    """What a file dropped on the window means; the window hands it its drag events."""

    open_requested = Signal(str)  # an article (or anything else: opening it says what is wrong)
    import_requested = Signal(str)  # an .xlf, .xliff, .xlsx or .csv: targets to import

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)

    @staticmethod
    def _path(event: QDropEvent) -> str:
        urls = event.mimeData().urls()
        return urls[0].toLocalFile() if urls and urls[0].isLocalFile() else ""

    def enter(self, event: QDragEnterEvent) -> None:
        if self._path(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        path = self._path(event)
        if not path:
            return
        event.acceptProposedAction()
        if os.path.splitext(path)[1].lower() in EXTENSIONS:
            self.import_requested.emit(path)
        else:
            self.open_requested.emit(path)
