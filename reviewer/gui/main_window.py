"""The main window: lays out the panes and wires the parts together; it decides nothing itself.

The parts never import each other (docs/ARCHITECTURE.md lists them). Every edit goes through
the EditGateway; its ``applied`` signal tells the views.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core import review_policy, scoring
from reviewer.core.config import Config
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace
from reviewer.gui import resources, theme
from reviewer.gui import settings as prefs
from reviewer.gui.actions import Actions
from reviewer.gui.checks_runner import ChecksRunner
from reviewer.gui.detail import DetailPane
from reviewer.gui.dock_slots import DockSlots
from reviewer.gui.edit_gateway import EditEvent, EditGateway, Origin
from reviewer.gui.file_controller import FileController
from reviewer.gui.filter_bar import FilterBar
from reviewer.gui.front_matter import FrontMatterBar
from reviewer.gui.issues_dock import IssuesDock, collect
from reviewer.gui.language_tools import LanguageTools
from reviewer.gui.late_parts import LateParts
from reviewer.gui.model import COL_TARGET, SegmentModel
from reviewer.gui.navigation import Navigator
from reviewer.gui.preview_setup import PreviewFeatures
from reviewer.gui.project_setup import ProjectFeatures
from reviewer.gui.proxy import SegmentFilterProxy
from reviewer.gui.review_controller import ReviewController
from reviewer.gui.segment_table import SegmentTable
from reviewer.gui.segment_view import SegmentView
from reviewer.gui.settings import APPLICATION, ORGANIZATION, app_settings
from reviewer.gui.status_bar import StatusPanel
from reviewer.gui.timers import single_shot
from reviewer.gui.window_layout import PaneSizes

__all__ = ["APPLICATION", "ORGANIZATION", "MainWindow", "app_settings"]


class MainWindow(QMainWindow):
    """A reviewer's workbench; everything a user does becomes an undoable core edit."""

    file_loaded = Signal(str)
    checks_finished = Signal()
    first_paint = Signal()
    _opening = False  # an article is being shown: its views wait for its stored results

    def __init__(self, settings: QSettings | None = None, config: Config | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else app_settings()
        self.config = config
        self.gateway = EditGateway(self)
        self.stack = self.gateway.stack
        self.proxy = SegmentFilterProxy(self)
        self.model: SegmentModel | None = None
        resources.dress(self)
        self.views: list[SegmentView] = []  # panes that follow the current segment
        self.docks = DockSlots(self)  # hidden docks are made when first shown
        self._views_at: tuple[object, int] = (None, -1)  # the session and row they show
        self._build_panes()
        self.nav = Navigator(self.table, self)
        self.checks = ChecksRunner(self.table.viewport(), self)
        self.status = StatusPanel(self.statusBar())
        self.files = FileController(
            self.gateway, self, self.settings, config, self.reviewer_name, self.nav.current_row
        )
        self.review = ReviewController(
            self.gateway,
            self.nav,
            self,
            self.reviewer_name,
            self.checks.wait,
            self.detail.selected_finding,
        )
        self.language = LanguageTools(self, self)  # spelling, terms, glossary, check settings
        self.late = LateParts(self)  # import and export, settings and about: made when used
        self.project = ProjectFeatures(self)  # the project tab, its docks and its actions
        self.aids = PreviewFeatures(self)  # the preview dock and the editors' markup help
        self.registry = Actions(self, self._resolve, self.docks.action)
        file_menu = self.registry.menus["File"]
        file_menu.insertMenu(self.registry["actionSave"], self.files.recent_menu)
        keys = self.registry.editor_keys()
        self.detail.set_passthrough(keys)
        self.table.delegate.passthrough = keys
        self._status_timer = single_shot(self, 150, self.update_status)
        self._dock_timer = single_shot(self, 200, self.refresh_issues_dock)
        self._wire()
        self.project.wire()
        self.resize(1400, 900)
        self.docks.make_shown(prefs.shown_docks(self.settings))
        self.pane_sizes.chosen = prefs.restore_window(self.settings, self, self.splitter)
        prefs.apply_column_widths(self.settings, self.table)
        self._refresh_frame()

    # -- construction ---------------------------------------------------------------------
    def _build_panes(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 2, 4, 0)
        outer.setSpacing(2)
        self.front_matter = FrontMatterBar(central)
        outer.addWidget(self.front_matter)
        self.filter_bar = FilterBar(central)
        outer.addWidget(self.filter_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.pages = QStackedWidget(self.splitter)
        self.table = SegmentTable(self.proxy, self.pages)
        self.delegate = self.table.delegate
        self.pages.addWidget(self.table)
        self.empty = QLabel(self.pages)
        self.empty.setObjectName("emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(theme.EMPTY_STYLE)
        self.pages.addWidget(self.empty)
        self.detail = DetailPane(self.splitter)
        self.add_segment_view(self.detail)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.filter_bar.count, self.table)
        QWidget.setTabOrder(self.table, self.detail.target)
        QWidget.setTabOrder(self.detail.target, self.detail.issues)
        self.issues_dock = IssuesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.issues_dock)
        self.pane_sizes = PaneSizes(self, self.splitter, self.issues_dock)
        self.show_empty(
            self.tr("Open an article (Ctrl+O) or drop a .md file here to start reviewing.")
        )

    def add_segment_view(self, view: SegmentView) -> None:
        """A pane that follows the current segment and every edit (see segment_view.py)."""
        self.views.append(view)

    def _resolve(self, handler: str) -> Callable[[], object]:
        """An action table handler ("files.save", "window.undo") as a callable."""
        part, _, method = handler.partition(".")
        if part in LateParts.NAMES:
            return self.late.handler(part, method)
        owner = self if part == "window" else getattr(self, part)
        function: Callable[[], object] = getattr(owner, method)
        return function

    def _wire(self) -> None:
        g, files, review, nav, detail = self.gateway, self.files, self.review, self.nav, self.detail
        g.applied.connect(self._on_edit)
        g.rejected.connect(detail.on_rejected)
        g.rejected.connect(self.status.on_rejected)
        g.warned.connect(detail.on_warnings)
        g.warned.connect(self.status.on_warnings)
        self.registry.follow_undo_stack(self.stack)
        self.stack.canUndoChanged.connect(self._refresh_frame)
        self.stack.canRedoChanged.connect(self._refresh_frame)
        files.opened.connect(self._show_workspace)
        files.modified_changed.connect(self._refresh_frame)
        for source in (files, nav, review, self.checks):
            source.message.connect(self.status.show_message)
        for acting in (files.about_to_save, review.about_to_act):
            acting.connect(self.table.commit_editor)  # an open table editor is committed first
        review.edit_target_requested.connect(detail.focus_target_end)
        nav.filter_clear_needed.connect(self.filter_bar.clear)
        nav.nothing_shown.connect(detail.show_no_match)
        self.filter_bar.changed.connect(self.apply_filter)
        self.filter_bar.focused.connect(self.proxy.prepare_text_search)
        self.filter_bar.leave.connect(self.table.setFocus)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.issues_dock.follow_requested.connect(nav.goto_source_row)
        self.issues_dock.jump_requested.connect(nav.jump_to)
        detail.target_edited.connect(review.type_target)
        detail.flag_requested.connect(review.flag_issue)
        detail.edit_issue_requested.connect(review.edit_issue)
        detail.resolve_issue_requested.connect(review.toggle_resolved)
        detail.delete_issue_requested.connect(review.delete_issue)
        detail.dismiss_requested.connect(review.dismiss_check)
        self.checks.first_paint.connect(self.first_paint)
        self.checks.finished.connect(self._on_checks_done)
        self.checks.partial.connect(self._on_checks_done)  # with the rows in view, checked first

    # -- what scripts and tests drive the window by ---------------------------------------------
    @property
    def workspace(self) -> Workspace | None:
        return self.files.workspace

    @property
    def session(self) -> ReviewSession | None:
        return self.files.workspace.session if self.files.workspace is not None else None

    def open_path(self, path: str) -> bool:
        return self.files.open_path(path)

    def save(self) -> bool:
        return self.files.save()

    def current_row(self) -> int:
        return self.nav.current_row()

    def goto_source_row(self, row: int) -> bool:
        return self.nav.goto_source_row(row)

    def reviewer_name(self) -> str:
        return prefs.reviewer_name(self.settings, self.config)

    # -- a workspace opened or reloaded ---------------------------------------------------------
    def _show_workspace(self, workspace: Workspace, row: int) -> None:
        session = workspace.session
        model = SegmentModel(session, lambda edit: self.gateway.submit(edit, Origin.TABLE), self)
        self._show_views(session, -1)  # none keeps the old article; the new rows follow
        self.proxy.setSourceModel(model)
        old, self.model = self.model, model
        if old is not None:
            old.deleteLater()
        has_pairs = len(session.doc.pairs) > 0
        start = row if row >= 0 or not has_pairs else review_policy.first_unfinished(session)
        self.nav.remember(start)  # the filter reset makes it current
        self._opening = True  # its views show it once, after the stored results
        self.filter_bar.clear()
        prefs.apply_column_widths(self.settings, self.table)
        self.front_matter.show_front_matter(session.doc.front_matter)
        self.detail.setVisible(has_pairs)
        if has_pairs:
            self.pages.setCurrentWidget(self.table)
            index = self.table.proxy_index(start, COL_TARGET)
            self.table.show_index(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.setFocus()
        else:
            name = os.path.basename(workspace.path)
            text = self.tr(
                "<b>Nothing to review.</b><br><br>{name} has no segment pairs: it holds no "
                "English source beside a Dutch target."
            ).format(name=name)
            if session.doc.warnings:
                text += "<br>" + self.tr("See the issues dock for parse warnings.")
            self.show_empty(text)
        self._opening = False
        self._refresh_frame()
        if not self.checks.watch(session, paints=has_pairs, workspace=workspace):
            self.refresh_issues_dock()  # else the stored results came in, and refreshed them
            self.update_status()
        self._show_views(session, self.current_row() if has_pairs else -1)
        self.file_loaded.emit(workspace.path)

    def show_empty(self, html: str) -> None:
        self.empty.setText(html)
        self.pages.setCurrentWidget(self.empty)

    # -- edits, told once by the gateway ---------------------------------------------------------
    def _on_edit(self, event: EditEvent) -> None:
        if self.model is not None:
            self.model.on_edit(event.rows)
        for view in self.views:
            view.on_edit(event)
        if event.touches_target:
            self.proxy.targets_changed(event.rows)
            self.checks.note_target_edit()
        self._refresh_frame()
        self._status_timer.start()
        if self.issues_dock.isVisible():
            self._dock_timer.start()

    def undo(self) -> None:
        """Typing the core never accepted goes first, then the undo stack (review.undo)."""
        if self.detail.discard_pending():
            self.status.show_message(self.tr("Undone: typing that was not applied"), 5000)
            return
        self.review.undo()

    def _refresh_frame(self, *_: object) -> None:
        """Title, the unsaved marker and what can be done now: all from the same answers."""
        ws = self.files.workspace
        has = ws is not None and len(ws.session.doc.pairs) > 0
        modified = ws is not None and ws.is_dirty
        name = os.path.basename(ws.path) if ws is not None else self.tr("No file")
        self.setWindowTitle(f"{name}[*] — Reviewer")
        self.setWindowModified(modified)
        self.filter_bar.setEnabled(has)  # nothing to filter: an empty field only invites typing
        self.registry.enable(
            {
                "file": ws is not None,
                "segments": has,
                "modified": modified,
                "sidecar_blocked": ws is not None and ws.sidecar_blocked,
                "can_undo": self.stack.canUndo(),
                "can_redo": self.stack.canRedo(),
            }
        )

    # -- moving about -----------------------------------------------------------------------------
    def apply_filter(self) -> None:
        error = self.nav.apply_filter(self.filter_bar.spec())
        self.filter_bar.set_error(error)
        self.status.filter_error(error)
        self._update_count()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._opening:
            return
        row = self.proxy.mapToSource(current).row() if current.isValid() else -1
        if row >= 0 or self.proxy.rowCount():
            self._show_views(self.session, row)

    def _show_views(self, session: ReviewSession | None, row: int) -> None:
        self._views_at = (session, row)
        for view in self.views:
            view.show_row(session, row)

    # -- status, checks and docks ---------------------------------------------------------------
    def _on_checks_done(self, rows: list[int] | None = None) -> None:
        if self.model is not None:
            self.model.notify_checks_ready(rows)
        if rows is None or self.current_row() in rows:
            for view in self.views:
                view.on_checks_done()
        if rows is None:
            self.refresh_issues_dock()
            self.update_status()
            self.checks_finished.emit()

    def refresh_issues_dock(self) -> None:
        session = self.session
        if session is None:
            self.issues_dock.set_entries([])
            return
        self.issues_dock.set_entries(collect(session, session.doc.warnings), session.checks_ready)

    def update_status(self) -> None:
        session = self.session
        if session is None or self.model is None:
            self.status.clear()
            self.filter_bar.populate_checks({})
            return
        # An edit can add or clear a check's last result: the filter lists what is there now.
        counts = review_policy.check_counts(session) if session.checks_ready else {}
        self.filter_bar.populate_checks(counts)
        threshold = self.config.mqm_threshold if self.config else scoring.DEFAULT_THRESHOLD
        self.status.update(session, self.checks.words, threshold)
        self._update_count()

    def _update_count(self) -> None:
        if self.model is not None:
            self.filter_bar.set_count(self.proxy.rowCount(), self.model.rowCount())

    # -- small dialogs -----------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from reviewer.gui import help_dialogs

        help_dialogs.show_shortcuts(self, self.registry.shortcut_rows())

    # -- the window itself -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.front_matter.relayout()
        self.pane_sizes.follow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.pane_sizes.shown()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.project.drop(event)  # a local file or folder is accepted

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.late.exchange.drop(event):  # an XLIFF file or issue sheet: offer the import
            self.project.drop(event)  # an article opens; a folder opens as a project

    def save_settings(self) -> None:
        prefs.save_window(self.settings, self, self.splitter, self.table)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.close():
            event.ignore()
            return
        self.save_settings()
        self.project.shutdown()
        event.accept()
