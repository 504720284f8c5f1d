"""The window's wiring of the preview dock and the target editors' markup help (View › Preview,
Edit › Insert Next Markup, View › Show Whitespace). Part of the main window, split out of
main_window.py; the preview pane never imports the window's other parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reviewer.gui.markup_keys import MarkupAssist

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.preview_pane import PreviewPane


class PreviewFeatures(QObject):
    """The preview dock and the markup actions' handlers ("aids.insert_next_markup"). Built
    after the window's parts and before its actions; the dock is made when first shown."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        self._painted: object = None  # the session whose table has painted
        w.checks.first_paint.connect(lambda: setattr(self, "_painted", w.session))
        w.docks.add("previewPane", self._make_pane, self._place)
        self.assist = MarkupAssist(w.detail.target, self)

    @property
    def pane(self) -> PreviewPane:
        from reviewer.gui.preview_pane import PreviewPane

        pane = self.w.docks.get("previewPane")
        assert isinstance(pane, PreviewPane)
        return pane

    def _make_pane(self) -> PreviewPane:
        from reviewer.gui.preview_pane import PreviewPane

        w = self.w
        pane = PreviewPane(w.settings, w)
        w.add_segment_view(pane)
        w.checks.first_paint.connect(pane.on_first_paint)  # the table paints first
        pane.segment_clicked.connect(w.nav.goto_source_row)
        pane.show_row(w.session, w.current_row())
        if w.session is not None and self._painted is w.session:
            pane.on_first_paint()
        return pane

    def _place(self, pane: QDockWidget) -> None:
        self.w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, pane)

    # -- action handlers (preview_actions) -----------------------------------------------------
    def insert_next_markup(self) -> None:
        self.assist.insert_next_markup()

    def show_whitespace(self, on: bool) -> None:
        self.assist.show_whitespace(on)
