"""The window's wiring of the preview dock and the target editors' markup help (View › Preview,
Edit › Insert Next Markup, View › Show Whitespace). Part of the main window, split out of
main_window.py; the preview pane never imports the window's other parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reviewer.gui.markup_keys import MarkupAssist
from reviewer.gui.preview_pane import PreviewPane

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


class PreviewFeatures(QObject):
    """The preview dock and the markup actions' handlers ("aids.insert_next_markup"). Built
    after the window's parts and before its actions, which find the dock by name."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.pane = PreviewPane(w.settings, w)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.pane)
        w.add_segment_view(self.pane)
        w.checks.first_paint.connect(self.pane.on_first_paint)  # the table paints first
        self.pane.segment_clicked.connect(w.nav.goto_source_row)
        self.assist = MarkupAssist(w.detail.target, self)

    # -- action handlers (preview_actions) -----------------------------------------------------
    def insert_next_markup(self) -> None:
        self.assist.insert_next_markup()

    def show_whitespace(self, on: bool) -> None:
        self.assist.show_whitespace(on)
