"""The window's pane sizes: they follow the window's size until the user drags a splitter."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter


class PaneSizes(QObject):
    """Until the user drags them: the detail pane about a third of the width, the bottom dock
    a fifth of the height. ``chosen`` is True once the user (or saved settings) chose."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, dock: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = splitter
        self.dock = dock
        self.chosen = False
        splitter.splitterMoved.connect(self._on_moved)

    def _on_moved(self, *_: object) -> None:
        self.chosen = True

    def follow(self) -> None:
        """The window was shown or resized: fit once the layout has taken the new size."""
        QTimer.singleShot(0, self.fit)

    def shown(self) -> None:
        """The window is being shown: its layout already has the window's size, so fit now,
        before the first paint, rather than lay the panes out again after it."""
        self.fit()
        layout = self.window.layout()
        if layout is not None:
            layout.activate()

    def fit(self) -> None:
        if self.chosen:
            return
        window = self.window
        width = max(window.width() - 8, 400)
        detail = min(max(int(width * 0.34), 340), 520)
        self.splitter.setSizes([width - detail, detail])
        dock = min(max(int(window.height() * 0.2), 110), 220)
        window.resizeDocks([self.dock], [dock], Qt.Orientation.Vertical)
