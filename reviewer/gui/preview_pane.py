"""The preview dock: the article as its readers will see it, beside the grid, following review."""

# How it fits together: the Markdown of the current targets is rendered by ``core.render``
# (ArticlePreview) and shown in a PreviewBrowser. The first rendering runs on a worker once the
# table has painted; an edit replaces only its block after a short pause (preview_pages). The
# current segment and the segments with check results are tinted over the text (preview_marks,
# extra selections), so moving about never changes the document. Side by side, the English
# source follows in a second view (preview_sync).

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent, QStatusTipEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.render.sides import SOURCE, TARGET
from reviewer.core.session import ReviewSession
from reviewer.gui import theme
from reviewer.gui.edit_gateway import EditEvent
from reviewer.gui.preview_browser import PreviewBrowser
from reviewer.gui.preview_doc import PANE_CSS
from reviewer.gui.preview_marks import page_marks, segment_tooltip
from reviewer.gui.preview_pages import PreviewPages
from reviewer.gui.preview_sync import Alignment
from reviewer.gui.timers import single_shot

EDIT_PAUSE_MS = 300  # edits show once typing pauses this long
SIDE_MIN = 330  # narrower than two of these, the source goes above the target, not beside it


class PreviewPane(QDockWidget):
    """The rendered article (View › Preview). A click on a sentence asks for its segment
    (``segment_clicked``); links are explained, and a web link opens only after asking."""

    segment_clicked = Signal(int)  # the row of the segment clicked

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PreviewPane", "Preview"), parent)
        self.setObjectName("previewPane")
        self.settings = settings
        self.session: ReviewSession | None = None
        self.row = -1
        self._painted = False  # the table has shown this article: rendering may start
        self.alignment = Alignment()  # the blocks of the two sides that show the same segments
        self._syncing = False
        self._sized = False
        self.last_update_ms = 0.0  # the last edit's update, for the bench

        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 2)
        layout.setSpacing(1)
        bar = QToolBar(box)
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_side = self._toggle(
            "actionPreviewSideBySide",
            QCoreApplication.translate("PreviewPane", "Source Beside"),
            QCoreApplication.translate(
                "PreviewPane",
                "Show the English source beside the translation (above it while the pane is "
                "narrow), scrolled together",
            ),
            "preview/side_by_side",
            False,
        )
        self.action_tint = self._toggle(
            "actionPreviewTint",
            QCoreApplication.translate("PreviewPane", "Tint Check Results"),
            QCoreApplication.translate(
                "PreviewPane",
                "Tint sentences with check results: red errors, orange warnings, blue notes",
            ),
            "preview/tint",
            True,
        )
        bar.addAction(self.action_side)
        bar.addAction(self.action_tint)
        self.busy = QLabel("")
        self.busy.setObjectName("previewBusy")
        self.busy.setStyleSheet(theme.PREVIEW_BUSY_STYLE)
        bar.addWidget(self.busy)
        layout.addWidget(bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, box)
        self.splitter.setChildrenCollapsible(False)
        self.target = PreviewBrowser("previewTarget", self.splitter)
        self.source = PreviewBrowser("previewSource", self.splitter)
        self.browsers = {TARGET: self.target, SOURCE: self.source}
        for side, browser in self.browsers.items():
            browser.describe = lambda pid: segment_tooltip(self.session, pid)
            browser.document().setDefaultStyleSheet(PANE_CSS)
            browser.segment_clicked.connect(self._on_segment_clicked)
            browser.anchorClicked.connect(self._on_link)
            browser.highlighted.connect(self._on_hover_link)
            browser.scrolled.connect(lambda side=side: self._on_scrolled(side))
        self.source.setVisible(self.action_side.isChecked())
        layout.addWidget(self.splitter, 1)
        self.setWidget(box)

        self._edit_timer = single_shot(self, EDIT_PAUSE_MS, self.flush)
        self._mark_timer = single_shot(self, 30, self.refresh_marks)
        self.pages = PreviewPages(self.browsers, self.busy, self)
        self.pages.adopted.connect(self._on_adopted)
        self.action_side.toggled.connect(self._on_side_by_side)
        self.action_tint.toggled.connect(lambda _on: self.refresh_marks())
        self.visibilityChanged.connect(self._on_visibility)
        self.hide()  # until the user asks for it (View › Preview); the window state may show it
        self._show_placeholder()

    def _toggle(self, name: str, text: str, tip: str, key: str, default: bool) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setChecked(str(self.settings.value(key, default)).lower() == "true")
        action.toggled.connect(lambda on: self.settings.setValue(key, on))
        return action

    # -- SegmentView ------------------------------------------------------------------------
    def show_row(self, session: ReviewSession | None, row: int) -> None:
        if session is not self.session:
            self._reset(session)
        self.row = row
        if self._showing():
            self.refresh_marks()
            self.follow_current()

    def on_edit(self, event: EditEvent) -> None:
        if self.session is None:
            return
        if event.touches_target:
            self.pages.dirty.update(event.rows)
            if self._showing():
                self._edit_timer.start()
        elif self._showing():
            self._mark_timer.start()  # a dismissed check result untints its segment

    def on_checks_done(self) -> None:
        if self._showing():
            self.refresh_marks()

    def on_first_paint(self) -> None:
        """The table has shown the article: now the preview may take its turn."""
        self._painted = True
        self._maybe_render()

    # -- rendering ----------------------------------------------------------------------------
    def _showing(self) -> bool:
        return self.isVisible() and self.session is not None

    def _reset(self, session: ReviewSession | None) -> None:
        self.session = session
        self._painted = False
        self._edit_timer.stop()
        self.pages.reset()
        self.alignment.clear()
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        self.busy.setText("")
        for side, browser in self.browsers.items():
            browser.clear()
            if self.session is None:
                browser.setPlaceholderText(
                    QCoreApplication.translate(
                        "PreviewPane", "Open an article to see it as its readers will."
                    )
                )
            else:
                browser.setPlaceholderText(
                    QCoreApplication.translate("PreviewPane", "Rendering the article…")
                    if side == TARGET
                    else QCoreApplication.translate("PreviewPane", "Rendering the source…")
                )

    def _maybe_render(self) -> None:
        if not self._showing() or not self._painted or self.session is None:
            return
        self.pages.render_missing(
            self.session, [TARGET, SOURCE] if self.action_side.isChecked() else [TARGET]
        )

    def _on_adopted(self, side: str) -> None:
        if side == TARGET and self.pages.dirty:
            self.flush()
        self._realign()
        self.refresh_marks()
        self.follow_current()

    def flush(self) -> None:
        """Show the edits made since the last time: each replaces only its block."""
        view, session = self.pages.views[TARGET], self.session
        if view is None or session is None or not self.pages.dirty:
            return
        if not self.isVisible():
            return  # shown later, all at once
        started = time.perf_counter()
        reshaped = self.pages.replay(session)
        if reshaped is None:
            return  # rendered again instead
        if reshaped:
            self._realign()
        self.refresh_marks()
        self.last_update_ms = (time.perf_counter() - started) * 1000

    # -- side by side ---------------------------------------------------------------------------
    def _on_side_by_side(self, on: bool) -> None:
        self.source.setVisible(on)
        if on:
            self._take_room()
            self._maybe_render()
        self._realign()
        self.refresh_marks()
        self.follow_current()

    def _realign(self) -> None:
        target, source = self.pages.views[TARGET], self.pages.views[SOURCE]
        if target is None or source is None or not self.action_side.isChecked():
            self.alignment.clear()
        else:
            self.alignment.align(target, source)

    def _on_scrolled(self, side: str) -> None:
        self._mark_timer.start()
        other = SOURCE if side == TARGET else TARGET
        lead_view, follow_view = self.pages.views[side], self.pages.views[other]
        follow = self.browsers[other]
        if self._syncing or lead_view is None or follow_view is None or not follow.isVisible():
            return
        self._syncing = True
        try:
            k = 0 if side == TARGET else 1
            self.alignment.follow(self.browsers[side], lead_view, follow, follow_view, k)
        finally:
            self._syncing = False

    # -- marks and the current segment ------------------------------------------------------------
    def current_id(self) -> str:
        session = self.session
        if session is None or not 0 <= self.row < len(session.doc.pairs):
            return ""
        return session.doc.pairs.ids()[self.row]

    def refresh_marks(self) -> None:
        """Tint the current segment, and the shown segments with check results."""
        current = self.current_id()
        for side, browser in self.browsers.items():
            view = self.pages.views[side]
            if view is None or not browser.isVisible():
                continue
            tint = side == TARGET and self.action_tint.isChecked()
            marks = page_marks(self.session, view, browser, current, tint)
            browser.set_marks(marks, theme.PREVIEW_CURRENT_LINE, theme.PREVIEW_CURRENT)

    def follow_current(self) -> None:
        """Keep the current segment in view on both sides."""
        current = self.current_id()
        if not current:
            return
        self._syncing = True
        try:
            for side, browser in self.browsers.items():
                view = self.pages.views[side]
                if view is not None and browser.isVisible():
                    position = view.segment_position(current)
                    if position >= 0:
                        browser.keep_in_view(position)
        finally:
            self._syncing = False

    # -- clicks ---------------------------------------------------------------------------------
    def _on_segment_clicked(self, pid: str) -> None:
        session = self.session
        if session is None:
            return
        try:
            row = session.row_of(pid)
        except KeyError:
            return
        self.segment_clicked.emit(row)

    def _on_link(self, url: QUrl) -> None:
        from reviewer.gui import preview_links

        self._say(preview_links.follow(self, url))

    def _on_hover_link(self, url: QUrl) -> None:
        from reviewer.gui import preview_links

        self._say(preview_links.describe(url.toString()) if not url.isEmpty() else "")

    def _say(self, text: str) -> None:
        """A line in the window's status bar (Qt hands a status tip up to the main window)."""
        QCoreApplication.sendEvent(self, QStatusTipEvent(text))

    # -- visibility -------------------------------------------------------------------------------
    def _on_visibility(self, visible: bool) -> None:
        if not visible:
            return
        self._maybe_render()
        if self.pages.dirty:
            self._edit_timer.start()
        self.refresh_marks()
        self.follow_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._mark_timer.start()
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._take_room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= 2 * SIDE_MIN
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([1, 1])

    def _take_room(self) -> None:
        """A page needs room to read: the target alone a third of the window, side by side
        half of it, unless the dock is about that wide already (a width the user chose is
        restored with the window and kept)."""
        window = self.parentWidget()
        if not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        side = self.action_side.isChecked()
        width = min(max(window.width() // (2 if side else 3), 360), 1000 if side else 720)
        if self.width() < width * 3 // 4:
            window.resizeDocks([self], [width], Qt.Orientation.Horizontal)
