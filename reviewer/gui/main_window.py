"""The main window: segment table, detail pane, issues dock, filters, files and review actions."""

from __future__ import annotations

import contextlib
import dataclasses
import getpass
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewer.core import scoring
from reviewer.core.edits import AddIssue, DismissCheck, Edit, RemoveIssue, SetState, UpdateIssue
from reviewer.core.errors import ReviewerError
from reviewer.core.journal import Journal
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import State
from reviewer.core.store import SidecarError
from reviewer.core.workspace import (
    ExternalChangeError,
    SidecarChangedError,
    Workspace,
    open_article,
)
from reviewer.gui import background, dialogs, recovery, resources
from reviewer.gui.commands import EditCommand
from reviewer.gui.delegates import SegmentDelegate, SegmentEditor
from reviewer.gui.detail import DetailPane
from reviewer.gui.filter_bar import FilterBar
from reviewer.gui.issues_dock import IssuesDock, collect
from reviewer.gui.model import (
    COL_ID,
    COL_ISSUES,
    COL_NUM,
    COL_SOURCE,
    COL_STATE,
    COL_TARGET,
    SEVERITY_COLORS,
    STATE_COLORS,
    SegmentModel,
    warning_text,
)
from reviewer.gui.proxy import SegmentFilterProxy
from reviewer.gui.watcher import ExternalChangeWatcher

ORGANIZATION = "reviewer"
APPLICATION = "reviewer"
MAX_RECENT = 10
DEFAULT_WIDTHS = {COL_NUM: 44, COL_ID: 84, COL_STATE: 104, COL_ISSUES: 112}


def app_settings() -> QSettings:
    """INI settings, so tests can point them at a temporary folder with QSettings.setPath."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class _ChecksDone(QObject):
    done = Signal(object, object)  # session, words


class _FirstPaint(QObject):
    """Notices the first paint of the table's viewport after a file is loaded."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.painted.emit)
        return False


class MainWindow(QMainWindow):
    """A reviewer's workbench; everything a user does becomes an undoable core edit."""

    file_loaded = Signal(str)
    checks_finished = Signal()
    first_paint = Signal()

    def __init__(self, settings: QSettings | None = None, config: Any = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else app_settings()
        self.config = config
        self.workspace: Workspace | None = None
        self.model: SegmentModel | None = None
        self._words: int | None = None
        self._checks_thread: threading.Thread | None = None
        self._edited_during_checks = False
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        self._toolbar_actions: list[QAction] = []
        self.proxy = SegmentFilterProxy(self)
        self._checks_signal = _ChecksDone()
        self._checks_signal.done.connect(self._on_checks_done)
        self._paint_watch = _FirstPaint()
        self._paint_watch.painted.connect(self._on_first_paint)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(150)
        self._status_timer.timeout.connect(self.update_status)
        self._dock_timer = QTimer(self)
        self._dock_timer.setSingleShot(True)
        self._dock_timer.setInterval(200)
        self._dock_timer.timeout.connect(self.refresh_issues_dock)

        self.autosave: recovery.AutosaveDriver | None = None
        self.watcher = ExternalChangeWatcher(self)
        self.watcher.changed.connect(self._on_external_change)
        self.watcher.removed.connect(self._on_file_removed)

        icon = resources.app_icon()
        self.setWindowIcon(icon)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if app.windowIcon().isNull():
                app.setWindowIcon(icon)
            resources.install_qt_translations(app)
        self._build_ui()
        self._build_actions()
        self._restore_settings()
        self.stack.indexChanged.connect(self._on_stack_index)
        self.setAcceptDrops(True)
        self._update_title()
        self._update_enabled()

    # -- construction --------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.resize(1400, 900)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 0)
        outer.setSpacing(2)

        self.front_matter = QLabel(central)
        self.front_matter.setObjectName("frontMatter")
        self.front_matter.setTextFormat(Qt.TextFormat.RichText)
        self.front_matter.setWordWrap(True)
        self.front_matter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.front_matter.setStyleSheet(
            "QLabel#frontMatter { background:#eceff1; border-radius:4px; padding:4px 8px; }"
        )
        outer.addWidget(self.front_matter)
        self.filter_bar = FilterBar(central)
        outer.addWidget(self.filter_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        left = QWidget(self.splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(2)

        self.pages = QStackedWidget(left)
        self.table = QTableView(self.pages)
        self.table.setObjectName("segmentTable")
        self.table.setModel(self.proxy)
        self.delegate = SegmentDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        # Tab moves on to the target editor, as in Qt Linguist; arrows move between cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setStyleSheet(
            "QTableView { gridline-color:#e0e0e0; alternate-background-color:#f7f9fb; }"
            "QTableView::item:selected { background:#cfe3fa; color:black; }"
        )
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 3 + 8)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setMinimumSectionSize(36)
        self.table.viewport().installEventFilter(self._paint_watch)
        self.pages.addWidget(self.table)
        self.empty = QLabel(self.pages)
        self.empty.setObjectName("emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("QLabel { color:#546e7a; font-size:15px; padding:40px; }")
        self.pages.addWidget(self.empty)
        lv.addWidget(self.pages, 1)

        self.detail = DetailPane(self.splitter)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([940, 460])
        self._splitter_chosen = False  # until the user drags it, it keeps a 2:1 split
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.filter_bar.count, self.table)
        QWidget.setTabOrder(self.table, self.detail.target)
        QWidget.setTabOrder(self.detail.target, self.detail.issues)

        self.issues_dock = IssuesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.issues_dock)
        self.resizeDocks([self.issues_dock], [190], Qt.Orientation.Vertical)

        sb = self.statusBar()
        sb.setObjectName("statusBar")
        self.state_label = QLabel()
        self.state_label.setObjectName("stateCounts")
        self.issue_label = QLabel()
        self.issue_label.setObjectName("issueCounts")
        self.score_label = QLabel()
        self.score_label.setObjectName("mqmScore")
        for w in (self.state_label, self.issue_label, self.score_label):
            w.setTextFormat(Qt.TextFormat.RichText)
            # On a narrow window the counts may clip; they must not force the window wider.
            w.setMinimumWidth(40)
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            sb.addPermanentWidget(w)

        self.filter_bar.changed.connect(self.apply_filter)
        self.filter_bar.focused.connect(self.proxy.prepare_text_search)
        self.filter_bar.leave.connect(self.table.setFocus)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.issues_dock.follow_requested.connect(self.goto_source_row)
        self.issues_dock.jump_requested.connect(self._jump_from_dock)
        self.detail.flag_requested.connect(self.flag_issue)
        self.detail.edit_issue_requested.connect(self.edit_issue)
        self.detail.resolve_issue_requested.connect(self.toggle_resolved)
        self.detail.delete_issue_requested.connect(self.delete_issue)
        self.detail.dismiss_requested.connect(self.dismiss_check)
        self.show_empty("Open an article (Ctrl+O) or drop a .md file here to start reviewing.")

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcuts: tuple[QKeySequence | str, ...] = (),
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcuts else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        A = self._action
        SK = QKeySequence.StandardKey
        self.action_open = A(
            "actionOpen", "&Open…", self.open_dialog, (SK.Open,), "Open an article"
        )
        self.action_save = A(
            "actionSave", "&Save", self.save, (SK.Save,), "Save article and review"
        )
        self.action_save_as = A("actionSaveAs", "Save &As…", self.save_as, ("Ctrl+Shift+S",))
        self.action_reload = A("actionReload", "&Reload from Disk", self.reload)
        self.action_export = A(
            "actionExportIssues", "&Export Issues…", self.export_issues, (), "Export issues"
        )
        self.action_start_fresh = A(
            "actionStartFresh",
            "Start &Fresh Review Data…",
            self.start_fresh,
            (),
            "Move the unreadable review data aside so the review can be saved",
        )
        self.action_name = A("actionReviewerName", "Reviewer &Name…", self.ask_reviewer_name)
        self.action_quit = A("actionQuit", "&Quit", self.close, (SK.Quit,))

        self.action_undo = self.stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts([QKeySequence(SK.Undo)])
        self.action_redo = self.stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)
        # The toolbar keeps short, fixed labels (the buttons after them no longer jump about
        # as the step's name changes); the menu and the tooltip name the step.
        self.action_undo.setIconText("Undo")
        self.action_redo.setIconText("Redo")
        # Connected after the stack's own slot: the step is already undone or redone here.
        self.action_undo.triggered.connect(lambda _c=False: self._show_undone(undo=True))
        self.action_redo.triggered.connect(lambda _c=False: self._show_undone(undo=False))
        self.action_copy_source = A(
            "actionCopySource",
            "&Copy Source to Target",
            self.copy_source,
            ("Ctrl+B",),
            "Copy the source into the target",
        )
        self.action_find = A("actionFind", "&Find / Filter", self.focus_filter, (SK.Find,))
        self.action_clear_filter = A(
            "actionClearFilter",
            "C&lear Filter",
            self.filter_bar.clear,
            ("Ctrl+Shift+L",),
            "Show every segment again",
        )

        self.action_approve_next = A(
            "actionApproveNext",
            "&Approve and Next",
            self.approve_and_next,
            ("Ctrl+Return", "Ctrl+Enter"),
            "Approve this segment and go to the next unfinished one",
        )
        self.action_approve = A("actionApprove", "Approve", self.approve_current, ("Alt+Return",))
        self.action_reviewed = A(
            "actionMarkReviewed", "Mark &Reviewed", lambda: self.set_state(State.REVIEWED)
        )
        self.action_needs_work = A(
            "actionNeedsWork",
            "Mark Needs &Work",
            lambda: self.set_state(State.NEEDS_WORK),
            ("Ctrl+Shift+N",),
            "Mark the segment as needing work",
        )
        self.action_unreviewed = A(
            "actionMarkUnreviewed", "Reset to &Unreviewed", lambda: self.set_state(State.UNREVIEWED)
        )
        self.action_next_unfinished = A(
            "actionNextUnfinished",
            "Next &Unfinished",
            lambda: self.next_unfinished(True),
            ("Ctrl+J",),
            "Next segment not yet reviewed or approved",
        )
        self.action_prev_unfinished = A(
            "actionPrevUnfinished",
            "Previous Unfinished",
            lambda: self.next_unfinished(False),
            ("Ctrl+K",),
        )
        self.action_next_issue = A(
            "actionNextIssue",
            "Next &Issue",
            lambda: self.next_issue(True),
            ("F3", "Ctrl+Shift+J"),
            "Next segment with an issue or check result",
        )
        self.action_prev_issue = A(
            "actionPrevIssue",
            "Previous Issue",
            lambda: self.next_issue(False),
            ("Shift+F3", "Ctrl+Shift+K"),
        )
        self.action_flag = A(
            "actionFlagIssue",
            "&Flag Issue…",
            self.flag_issue,
            ("Ctrl+Shift+F",),
            "Flag an MQM issue on this segment",
        )
        self.action_dismiss = A(
            "actionDismissCheck",
            "&Dismiss Check",
            self._dismiss_selected,
            ("Ctrl+Shift+D",),
            "Dismiss the selected check result as a false positive",
        )
        self.action_approve_selection = A(
            "actionApproveSelection",
            "Approve &Selection…",
            self.approve_selection,
            ("Ctrl+Shift+A",),
            "Approve every selected segment",
        )
        self.action_approve_filtered = A(
            "actionApproveFiltered",
            "Approve All &Shown…",
            self.approve_filtered,
            (),
            "Approve every segment the filter shows",
        )
        self.action_approve_clean = A(
            "actionApproveClean",
            "Approve All &Clean…",
            self.approve_clean,
            (),
            "Approve shown segments with no open issue and no error-level check",
        )
        self.action_issues_dock = self.issues_dock.toggleViewAction()
        self.action_issues_dock.setObjectName("actionIssuesDock")
        self.action_issues_dock.setText("&Issues Dock")
        self.action_issues_dock.setShortcut(QKeySequence("F8"))
        self.action_issues_dock.setStatusTip("Show or hide every issue and check result")
        self.addAction(self.action_issues_dock)
        self.action_shortcuts = A(
            "actionShortcuts",
            "&Keyboard Shortcuts",
            self.show_shortcuts,
            (SK.HelpContents,),
            "Every keyboard shortcut",
        )
        self.action_about = A("actionAbout", "&About Reviewer", self.show_about)

        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        file_menu.addAction(self.action_open)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("menuRecent")
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for a in (self.action_save, self.action_save_as, self.action_reload):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.action_export)
        file_menu.addAction(self.action_start_fresh)
        file_menu.addAction(self.action_name)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = mb.addMenu("&Edit")
        for a in (self.action_undo, self.action_redo):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        for a in (self.action_copy_source, self.action_find, self.action_clear_filter):
            edit_menu.addAction(a)
        review = mb.addMenu("&Review")
        for a in (
            self.action_approve_next,
            self.action_approve,
            self.action_reviewed,
            self.action_needs_work,
            self.action_unreviewed,
        ):
            review.addAction(a)
        review.addSeparator()
        for a in (
            self.action_next_unfinished,
            self.action_prev_unfinished,
            self.action_next_issue,
            self.action_prev_issue,
        ):
            review.addAction(a)
        review.addSeparator()
        review.addAction(self.action_flag)
        review.addAction(self.action_dismiss)
        review.addSeparator()
        batch = review.addMenu("&Batch Approval")
        for a in (
            self.action_approve_selection,
            self.action_approve_filtered,
            self.action_approve_clean,
        ):
            batch.addAction(a)
        view = mb.addMenu("&View")
        view.addAction(self.action_issues_dock)
        help_menu = mb.addMenu("&Help")
        help_menu.addAction(self.action_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.action_about)

        tb = QToolBar("Main", self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.setMovable(False)
        for a in (
            self.action_open,
            self.action_save,
            None,
            self.action_undo,
            self.action_redo,
            None,
            self.action_approve_next,
            self.action_needs_work,
            self.action_flag,
            self.action_next_unfinished,
            self.action_next_issue,
            None,
            self.action_approve_selection,
            self.action_approve_clean,
            None,
            self.action_export,
        ):
            if a is None:
                tb.addSeparator()
            else:
                tb.addAction(a)
                self._toolbar_actions.append(a)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self._update_tooltips()
        # Undo and Redo name the step they undo; their tooltips follow.
        self.stack.undoTextChanged.connect(self._update_tooltips)
        self.stack.redoTextChanged.connect(self._update_tooltips)
        self._rebuild_recent()

    def _show_undone(self, undo: bool) -> None:
        """Show the segment an undo or redo changed: it may be far off screen."""
        command = self.stack.command(self.stack.index() if undo else self.stack.index() - 1)
        if not isinstance(command, EditCommand) or self.model is None:
            return
        rows = command.edit.rows
        verb = "Undone" if undo else "Redone"
        self.statusBar().showMessage(f"{verb}: {command.text()}", 5000)
        if len(rows) != 1 or rows[0] == self.current_row():
            return
        index = self.proxy.mapFromSource(self.model.index(rows[0], COL_TARGET))
        if index.isValid():  # never clear the user's filter just to show it
            self._show_index(index)
        else:
            self.statusBar().showMessage(
                f"{verb}: {command.text()} on #{rows[0] + 1} (hidden by the filter)", 5000
            )

    def _update_tooltips(self, *_: object) -> None:
        """Toolbar tooltips say what a button does and its key, so the keys are learnt."""
        for action in self._toolbar_actions:
            what = action.statusTip() or action.text().replace("&", "").rstrip("…")
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            action.setToolTip(f"{what} ({keys})" if keys else what)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) for every action with a key, menu order, for the shortcuts help."""
        rows: list[tuple[str, str]] = []
        seen: set[int] = set()

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(action.menu())  # type: ignore[arg-type]
                    continue
                if id(action) in seen or not action.shortcuts():
                    continue
                seen.add(id(action))
                text = action.text().replace("&", "").rstrip("…")
                if action is self.action_undo:
                    text = "Undo"
                elif action is self.action_redo:
                    text = "Redo"
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                rows.append((text, keys))

        for top in self.menuBar().actions():
            if top.menu() is not None:
                walk(top.menu())  # type: ignore[arg-type]
        rows.append(("Edit the current target in the table", "F2"))
        rows.append(
            ("In the table editor: commit / line break / cancel", "Return / Shift+Return / Esc")
        )
        rows.append(("Move between the table and the target editor", "Tab / Shift+Tab"))
        return rows

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, self.shortcut_rows())

    def show_about(self) -> None:
        dialogs.show_about(self)

    # -- settings ---------------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        name = self.settings.value("reviewer/name", "")
        if isinstance(name, str) and name:
            return name
        configured = getattr(self.config, "reviewer", "") if self.config is not None else ""
        if configured:
            return str(configured)
        try:
            return getpass.getuser()
        except Exception:
            return ""

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
            self._splitter_chosen = True
        self._apply_column_widths()

    def _apply_column_widths(self) -> None:
        hh = self.table.horizontalHeader()
        if hh.count() < 6:
            return
        saved = self.settings.value("table/columns")
        widths = dict(DEFAULT_WIDTHS)
        if isinstance(saved, list) and len(saved) == 6:
            for col in DEFAULT_WIDTHS:
                with contextlib.suppress(TypeError, ValueError):
                    widths[col] = max(36, int(saved[col]))
        for col, width in widths.items():
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        hh.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        hh = self.table.horizontalHeader()
        if hh.count() == 6:
            s.setValue("table/columns", [str(hh.sectionSize(c)) for c in range(6)])
        s.sync()

    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if v]

    def _remember(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self.settings.setValue("files/recent", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for k, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{k % 10} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def ask_reviewer_name(self) -> None:
        name = dialogs.ask_text(
            self, "Reviewer name", "Your name, stored with every change:", self.reviewer
        )
        if name is not None and name.strip():
            self.settings.setValue("reviewer/name", name.strip())
            if self.workspace is not None:
                self.workspace.session.user = name.strip()
            self.statusBar().showMessage(f"Reviewer: {name.strip()}", 4000)

    # -- files ------------------------------------------------------------------------------
    @property
    def session(self) -> Any:  # ReviewSession | None; Any keeps call sites terse
        return self.workspace.session if self.workspace is not None else None

    def open_dialog(self) -> None:
        start = os.path.dirname(self.recent_files()[0]) if self.recent_files() else os.getcwd()
        path = dialogs.ask_open_path(self, start)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        self.statusBar().showMessage(f"Opening {os.path.basename(path)}…")
        self.statusBar().repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                workspace = open_article(path, user=self.reviewer, config=self.config)
            except SidecarError as exc:
                QGuiApplication.restoreOverrideCursor()
                if not dialogs.confirm(
                    self,
                    "Review data unreadable",
                    f"{exc}\n\nOpen the article without its review data?",
                    "Open without",
                ):
                    return False
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                workspace = open_article(
                    path, user=self.reviewer, config=self.config, ignore_sidecar=True
                )
        except ReviewerError as exc:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(self, "Cannot open the article", str(exc))
            return False
        except Exception as exc:
            # A bug below (e.g. a YAML library error the sidecar loader does not wrap) must
            # still end in a dialog, not a stuck wait cursor and a traceback on the terminal.
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(
                self,
                "Cannot open the article",
                f"{path} could not be opened ({type(exc).__name__}: {exc}). Nothing was changed "
                "on disk. If the problem is in its review data "
                f"({os.path.basename(path)}.review.yaml: a hand edit or a merge conflict?), move "
                "that file aside and open the article again; please report this as a bug.",
            )
            return False
        QGuiApplication.restoreOverrideCursor()
        self._stop_autosave(discard=False)
        self.set_workspace(workspace)
        self._remember(path)
        self._warn_about_problems(workspace)
        self._offer_recovery(workspace)
        self.autosave = recovery.AutosaveDriver.for_workspace(workspace, parent=self)
        self.autosave.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        return True

    def _warn_about_problems(self, workspace: Workspace) -> None:
        """Parse warnings mean parts of the file are not segments: say so once, on open."""
        warnings = workspace.session.doc.warnings
        if not warnings:
            return
        n = len(warnings)
        lines = [f"line {w.line}, column {w.column}: {w.message}" for w in warnings[:5]]
        if n > 5:
            lines.append(f"… and {n - 5} more (see the Issues dock).")
        dialogs.show_warning(
            self,
            "Problems in the article",
            f"{workspace.path} has {n} problem{'s' if n != 1 else ''}:\n\n"
            + "\n".join(lines)
            + "\n\nText kept as raw text stays exactly as it is and cannot be edited here; every "
            "segment, including one with a repeated id, can be reviewed and saved as usual. To "
            "fix them, correct the file in a text editor (the Issues dock lists each problem "
            "with its line), then reload it.",
        )

    def _offer_recovery(self, workspace: Workspace) -> None:
        """Unsaved work from a crashed session: offer it; a restore is one undo step."""
        result = recovery.restore_on_open(
            self, workspace.session, Journal(workspace.path), workspace.disk_digest
        )
        if result is None:
            return
        if result.edit is not None:
            self.stack.push(EditCommand(workspace.session, result.edit, applied=True))
        if result.messages:
            self.statusBar().showMessage(" ".join(result.messages), 10000)
        self._update_modified()

    def _stop_autosave(self, discard: bool) -> None:
        if self.autosave is None:
            return
        if discard:
            self.autosave.discard()
        else:
            self.autosave.stop()
        self.autosave = None

    def set_workspace(self, workspace: Workspace) -> None:
        if self.model is not None:
            self.model.detach()
        self.stack.clear()
        self.workspace = workspace
        self._words = None
        session = workspace.session
        model = SegmentModel(session, self.stack, self)
        model.target_rejected.connect(self._on_target_rejected)
        model.target_warnings.connect(self._on_target_warnings)
        model.dataChanged.connect(self._schedule_refresh)
        model.targets_changed.connect(self._note_edit)
        self.proxy.setSourceModel(model)
        old = self.model
        self.model = model
        if old is not None:
            old.deleteLater()
        self.filter_bar.clear()
        self._apply_column_widths()
        self.detail.set_model(model)
        self._show_front_matter()
        if len(session.doc.pairs) == 0:
            self.detail.setVisible(False)
            self.show_empty(
                f"<b>Nothing to review.</b><br><br>{os.path.basename(workspace.path)} has no "
                "segment pairs: it holds no English source beside a Dutch target."
                + ("<br>See the issues dock for parse warnings." if session.doc.warnings else "")
            )
        else:
            self.pages.setCurrentWidget(self.table)
            self.detail.setVisible(True)
            self._paint_watch.armed = True
            # A table squeezed to nothing never paints: start the checks anyway.
            QTimer.singleShot(1500, self._paint_fallback)
            self._select_start_row()
        self.statusBar().clearMessage()
        if workspace.load_messages:
            self.statusBar().showMessage(" ".join(workspace.load_messages), 10000)
        self.stack.setClean()
        self._update_modified()
        self._update_title()
        self._update_enabled()
        self.refresh_issues_dock()
        self.update_status()
        if len(session.doc.pairs) == 0:
            QTimer.singleShot(0, self._on_first_paint)
        self.watcher.watch(workspace.path, workspace.disk_digest)
        self.file_loaded.emit(workspace.path)

    def _select_start_row(self) -> None:
        """Open on the first unfinished segment (else the first), shown and focused."""
        assert self.session is not None and self.model is not None
        reviews = self.session.reviews
        # Records not made yet are fresh and unreviewed: the scan stops at the first of them.
        row = next((r for r in range(len(reviews)) if not reviews[r].state.is_finished), 0)
        index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET))
        if not index.isValid():
            index = self.proxy.index(0, COL_TARGET)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        # The filter reset may already have made this row current, so no signal fires.
        self.detail.show_row(self.model, self.proxy.mapToSource(index).row())
        self.table.setFocus()

    def show_empty(self, html: str) -> None:
        self.empty.setText(html)
        self.pages.setCurrentWidget(self.empty)

    def _show_front_matter(self) -> None:
        doc = self.session.doc
        fm = doc.front_matter
        if fm is None:
            self.front_matter.setText("<i>No front matter</i>")
            return
        items = dict(fm.display_items())
        title = _esc(items.pop("title", ""))
        description = _esc(items.pop("description", ""))
        meta = " · ".join(
            f"<span style='color:#607d8b'>{_esc(k)}:</span> {_esc(v)}" for k, v in items.items()
        )
        text = f"<b>{title or '(no title)'}</b>"
        if description:
            text += f" — {description}"
        if meta:
            text += f"<br><span style='font-size:small'>{meta}</span>"
        if fm.error:
            text += f"<br><span style='color:#c62828'>{_esc(fm.error)} (kept verbatim)</span>"
        self.front_matter.setToolTip("Front matter (read-only)")
        self.front_matter.setText(text)

    def _update_title(self) -> None:
        name = os.path.basename(self.workspace.path) if self.workspace is not None else "No file"
        self.setWindowTitle(f"{name}[*] — Reviewer")

    def _update_enabled(self) -> None:
        has = self.workspace is not None and len(self.session.doc.pairs) > 0
        for a in (
            self.action_copy_source,
            self.action_approve_next,
            self.action_approve,
            self.action_reviewed,
            self.action_needs_work,
            self.action_unreviewed,
            self.action_next_unfinished,
            self.action_prev_unfinished,
            self.action_next_issue,
            self.action_prev_issue,
            self.action_flag,
            self.action_dismiss,
            self.action_approve_selection,
            self.action_approve_filtered,
            self.action_approve_clean,
            self.action_find,
            self.action_clear_filter,
        ):
            a.setEnabled(has)
        # Nothing to filter: a focused, empty filter field would only invite typing.
        self.filter_bar.setEnabled(has)
        loaded = self.workspace is not None
        for a in (self.action_save_as, self.action_reload, self.action_export):
            a.setEnabled(loaded)
        self.action_start_fresh.setEnabled(loaded and bool(self.workspace.sidecar_blocked))
        self._update_modified()

    def _on_stack_index(self, _index: int) -> None:
        self._update_modified()
        self._schedule_refresh()

    def is_dirty(self) -> bool:
        return self.workspace is not None and self.workspace.is_dirty

    def _update_modified(self) -> None:
        dirty = self.is_dirty()
        self.setWindowModified(dirty)
        # A Save that would write nothing new only makes the reviewer wonder what it saved.
        self.action_save.setEnabled(dirty)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded or unchanged)."""
        if not self.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self, os.path.basename(self.workspace.path))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._stop_autosave(discard=True)
            return True
        return False

    def save(self) -> bool:
        if self.workspace is None:
            return False
        self.commit_editor()
        try:
            with self._busy(f"Saving {os.path.basename(self.workspace.path)}…"):
                self.workspace.save()
        except ExternalChangeError as exc:
            # A sidecar rewritten by someone else (git pull) gets the same three choices.
            changed = exc.path if isinstance(exc, SidecarChangedError) else self.workspace.path
            choice = dialogs.ask_external_change(self, os.path.basename(changed))
            if choice == "reload":
                self._reload_now()
                return False
            if choice == "save-as":
                return self.save_as()
            if choice != "overwrite":
                return False
            try:
                self.workspace.save(force=True)
            except ReviewerError as exc:
                dialogs.show_error(self, "Save failed", str(exc))
                return False
        except ReviewerError as exc:
            text = str(exc)
            if "Nothing was changed on disk" not in text:
                text += "\n\nNothing was changed on disk."
            dialogs.show_error(self, "Save failed", text)
            return False
        self._after_save()
        return True

    @contextlib.contextmanager
    def _busy(self, message: str) -> Iterator[None]:
        """Wait cursor and a painted status message around a blocking core call."""
        self.statusBar().showMessage(message)
        self.statusBar().repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()

    def save_as(self) -> bool:
        if self.workspace is None:
            return False
        self.commit_editor()
        path, _ = dialogs.ask_save_path(
            self, "Save article as", self.workspace.path, "Markdown articles (*.md)"
        )
        if not path:
            return False
        try:
            self.workspace.save_as(path)
        except ReviewerError as exc:
            dialogs.show_error(self, "Save failed", str(exc))
            return False
        self._remember(path)
        self._after_save()
        return True

    def _after_save(self) -> None:
        assert self.workspace is not None
        if self.autosave is not None:
            self.autosave.mark_saved(self.workspace.path, self.workspace.disk_digest)
        self.watcher.watch(self.workspace.path, self.workspace.disk_digest)
        self.stack.setClean()
        self._update_modified()
        self.action_start_fresh.setEnabled(self.workspace.sidecar_blocked)
        self._update_title()
        self.statusBar().showMessage(
            f"Saved {os.path.basename(self.workspace.path)} and its review", 5000
        )

    def reload(self) -> None:
        if self.workspace is None:
            return
        if self.is_dirty() and not dialogs.confirm(
            self,
            "Reload from disk",
            f"Reload {os.path.basename(self.workspace.path)} from disk? Your unsaved changes "
            "to it are lost.",
            "Discard and Reload",
            default_ok=False,
        ):
            return
        self._reload_now()

    def _reload_now(self) -> bool:
        try:
            self.workspace.reload()
        except ReviewerError as exc:
            dialogs.show_error(self, "Reload failed", str(exc))
            return False
        row = self.current_row()
        self.set_workspace(self.workspace)
        if self.autosave is not None:
            self.autosave.rebase(self.workspace.disk_digest)
        if row >= 0 and row < len(self.session.doc.pairs):
            self.goto_source_row(row)
        return True

    def _on_external_change(self, path: str) -> None:
        ws = self.workspace
        if ws is None or os.path.abspath(path) != os.path.abspath(ws.path):
            return
        name = os.path.basename(ws.path)
        if not self.is_dirty():
            # Nothing of ours to lose: follow the file, as editors do.
            if self._reload_now():
                self.statusBar().showMessage(f"{name} changed on disk and was reloaded", 8000)
            return
        choice = dialogs.ask_external_change(self, name)
        if choice == "reload":
            self._reload_now()
        elif choice == "overwrite":
            try:
                ws.save(force=True)
            except ReviewerError as exc:
                dialogs.show_error(self, "Save failed", str(exc))
                return
            self._after_save()
        elif choice == "save-as":
            self.save_as()

    def _on_file_removed(self, path: str) -> None:
        self.statusBar().showMessage(
            f"{os.path.basename(path)} was deleted or moved on disk; "
            + (
                "Save writes it again and Save As picks a new place."
                if os.path.isdir(os.path.dirname(os.path.abspath(path)))
                else "its folder is gone too, so use Save As to save it elsewhere."
            ),
            15000,
        )

    def start_fresh(self) -> None:
        if self.workspace is None or not self.workspace.sidecar_blocked:
            return
        if not dialogs.confirm(
            self,
            "Start fresh review data",
            f"Move {self.workspace.sidecar_path} aside (it is kept, not deleted) so this "
            "review can be saved?",
            "Move aside",
        ):
            return
        moved = self.workspace.start_fresh()
        self.action_start_fresh.setEnabled(False)
        self.statusBar().showMessage(f"Old review data moved to {moved}" if moved else "", 6000)

    def export_issues(self) -> None:
        if self.workspace is None:
            return
        from reviewer.core import exporters

        base = os.path.splitext(self.workspace.path)[0] + "-issues"
        path, chosen = dialogs.ask_save_path(
            self,
            "Export issues",
            base + ".csv",
            "CSV (*.csv);;Excel workbook (*.xlsx);;HTML report (*.html);;JSON (*.json)",
        )
        if not path:
            return
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        if ext not in ("csv", "xlsx", "html", "json"):
            ext = chosen.split("*.")[-1].rstrip(")") if "*." in chosen else "csv"
            path += "." + ext
        try:
            threshold = getattr(self.config, "mqm_threshold", None)
            if threshold is None:
                count = exporters.export([self.session], path)
            else:
                count = exporters.export([self.session], path, threshold)
        except OSError as exc:
            # The raw error names a temporary file the user never chose.
            reason = exc.strerror or str(exc)
            dialogs.show_error(
                self,
                "Export failed",
                f"Could not write {path}: {reason}.\n\nNothing was exported. Choose a folder "
                "you can write to and export again.",
            )
            return
        except (ReviewerError, ValueError) as exc:
            dialogs.show_error(self, "Export failed", str(exc))
            return
        self.statusBar().showMessage(f"Exported {count} rows to {path}", 6000)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._splitter_chosen = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._splitter_chosen:
            # The splitter is not laid out yet on the first resize: size from the window.
            width = max(event.size().width() - 8, 400)
            detail = min(max(int(width * 0.34), 360), 520)
            self.splitter.setSizes([width - detail, detail])

    # -- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_path(urls[0].toLocalFile())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        # Saved or discarded: nothing is left to recover.
        self._stop_autosave(discard=not self.is_dirty())
        self.watcher.unwatch()
        self.save_settings()
        event.accept()

    # -- checks -------------------------------------------------------------------------------
    def _paint_fallback(self) -> None:
        if self._paint_watch.armed:
            self._paint_watch.armed = False
            self._on_first_paint()

    def _on_first_paint(self) -> None:
        self.first_paint.emit()
        self.start_checks()

    def start_checks(self) -> None:
        """Run the checks on a worker thread; the session adopts them on the GUI thread."""
        session = self.session
        if session is None or session.checks_ready:
            return
        if self._checks_thread is not None and self._checks_thread.is_alive():
            return
        self._edited_during_checks = False
        doc = session.doc
        signal = self._checks_signal
        self._checks_thread = background.start(
            doc,
            session.check_config,
            self._words is None,
            lambda result: signal.done.emit(doc, result),
        )

    def wait_for_checks(self) -> None:
        """Block until the checks are in (for batch decisions that depend on them)."""
        if self.session is None or self.session.checks_ready:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for _ in range(3):
                if self._checks_thread is not None:
                    self._checks_thread.join()
                QApplication.processEvents()
                if self.session.checks_ready:
                    return
                self.start_checks()
            self.session.run_checks()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _on_checks_done(self, doc: object, result: object) -> None:
        session = self.session
        if session is None or doc is not session.doc or self.model is None:
            return  # a file opened or reloaded since: its own run is on the way
        assert isinstance(result, tuple)
        findings, words = result
        if isinstance(words, int):
            self._words = words
        if findings is None:
            self.statusBar().showMessage("The automatic checks failed; see the terminal.", 8000)
            return
        if self._edited_during_checks:
            # Some targets changed while the checks read them: check the current text again.
            self.start_checks()
            return
        session.assign_findings(findings)
        self.model.notify_checks_ready()
        self.detail.refresh()
        self.refresh_issues_dock()
        self.update_status()
        self.checks_finished.emit()

    def _note_edit(self, first: int, last: int) -> None:
        if self.session is not None and not self.session.checks_ready:
            self._edited_during_checks = True

    # -- status and refresh ------------------------------------------------------------------
    def _schedule_refresh(self, *_: object) -> None:
        self._status_timer.start()
        if self.issues_dock.isVisible():
            self._dock_timer.start()

    def refresh_issues_dock(self) -> None:
        if self.session is None:
            self.issues_dock.set_entries([])
            return
        entries = collect(self.session, self.session.doc.warnings)
        self.issues_dock.set_entries(entries, self.session.checks_ready)

    def update_status(self) -> None:
        session = self.session
        if session is None or self.model is None:
            for w in (self.state_label, self.issue_label, self.score_label):
                w.setText("")
            self.filter_bar.populate_checks({})
            return
        # An edit can add or clear a check's last result: the filter lists what is there now.
        self.filter_bar.populate_checks(self.model.check_counts() if session.checks_ready else {})
        counts = session.state_counts()  # looks only at records that exist
        # Zero counts are left out (the tooltip has them all): five states and four severities
        # at zero filled the status bar and clipped every message shown beside them.
        parts = [
            f"<span style='color:{STATE_COLORS[state]}'>●</span> {state.label} <b>{n:,}</b>"
            for state, n in counts.items()
            if n
        ]
        self.state_label.setText((" &nbsp;".join(parts) or "No segments") + " &nbsp;|")
        self.state_label.setToolTip(
            "Segments by state: " + ", ".join(f"{s.label} {n:,}" for s, n in counts.items())
        )
        by_sev = dict.fromkeys(Severity, 0)
        for review in session.records_with_issues():
            for issue in review.issues:
                if issue.is_open:
                    by_sev[issue.severity] += 1
        order = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL)
        sev_parts = [
            f"<span style='color:{SEVERITY_COLORS[s]}'>{s.label} <b>{by_sev[s]:,}</b></span>"
            for s in order
            if by_sev[s]
        ]
        self.issue_label.setText(
            ("Open issues: " + " ".join(sev_parts) if sev_parts else "No open issues") + " &nbsp;|"
        )
        self.issue_label.setToolTip(
            "Open issues by severity: " + ", ".join(f"{s.label} {by_sev[s]:,}" for s in order)
        )
        self.score_label.setText(self._score_text())
        self._update_count()

    def _update_count(self) -> None:
        if self.model is not None:
            shown = self.proxy.rowCount()
            total = self.model.rowCount()
            self.filter_bar.count.setText(
                f"{shown:,} of {total:,} shown" if shown != total else f"{total:,} segments"
            )

    def _score_text(self) -> str:
        if self._words is None:
            return "MQM: <i>counting…</i>"
        if self._words == 0:
            # A score over no words is meaningless: "100.0 PASS (0 words)" would claim a pass.
            return "<span style='color:#757575'>MQM: no words to score</span>"
        threshold = getattr(self.config, "mqm_threshold", scoring.DEFAULT_THRESHOLD)
        # The cached word count: sources never change in a session, counting them again would.
        score = scoring.mqm_score(self.session, threshold, self._words)
        color = "#2e7d32" if score.passed else "#c62828"
        return (
            f"MQM <b>{score.score:.1f}</b> "
            f"<span style='color:{color};font-weight:600'>{score.verdict.upper()}</span> "
            f"<span style='color:#757575'>(≥ {threshold:g}, {score.words:,} words)</span>"
        )

    # -- navigation -----------------------------------------------------------------------------
    def current_row(self) -> int:
        """The current segment as a source row, or -1."""
        index = self.table.currentIndex()
        if not index.isValid():
            return -1
        return self.proxy.mapToSource(index).row()

    def selected_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        if not rows:
            current = self.current_row()
            return [current] if current >= 0 else []
        return sorted(rows)

    def goto_source_row(self, row: int) -> None:
        if self.model is None or not 0 <= row < self.model.rowCount():
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET))
        if not index.isValid():
            self.statusBar().showMessage(
                f"Segment #{row + 1} was hidden by the filter: filter cleared", 5000
            )
            self.filter_bar.clear()
            index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET))
        self._show_index(index)

    def _show_index(self, index: QModelIndex) -> None:
        """Make a proxy index current; a far one is scrolled to the middle, with its context.

        Asked before setCurrentIndex, whose auto-scroll would leave it at the bottom edge.
        """
        visible = self.table.viewport().rect().contains(self.table.visualRect(index))
        self.table.setCurrentIndex(index)
        if not visible:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _jump_from_dock(self, row: int) -> None:
        self.goto_source_row(row)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _goto_proxy_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, COL_TARGET)
        self._show_index(index)

    def _find(self, predicate: Callable[[int], bool], forward: bool, wrap: bool = True) -> int:
        """The next shown proxy row after the current one whose source row matches, or -1."""
        rows = self.proxy.accepted_source_rows()
        if not rows:
            return -1
        current = self.table.currentIndex().row()
        n = len(rows)
        order: list[int] | range
        if forward:
            order = range(current + 1, n) if current >= 0 else range(n)
            if wrap:
                order = list(order) + list(range(0, max(current + 1, 0)))
        else:
            start = current - 1 if current >= 0 else n - 1
            order = range(start, -1, -1)
            if wrap:
                order = list(order) + list(range(n - 1, start, -1))
        for k in order:
            if predicate(rows[k]):
                return k
        return -1

    def next_unfinished(self, forward: bool = True) -> None:
        if self.session is None:
            return
        reviews = self.session.reviews
        k = self._find(lambda r: not reviews[r].state.is_finished, forward)
        if k < 0:
            self.statusBar().showMessage("No unfinished segment left in view", 4000)
            return
        self._goto_proxy_row(k)

    def next_issue(self, forward: bool = True) -> None:
        if self.model is None:
            return
        model = self.model

        def has(r: int) -> bool:
            issues, findings = model.row_issues(r)
            return bool(issues or findings)

        k = self._find(has, forward)
        if k < 0:
            self.statusBar().showMessage("No segment with issues in view", 4000)
            return
        self._goto_proxy_row(k)

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    def apply_filter(self) -> None:
        if self.model is None:
            return
        row = self.current_row()
        spec = self.filter_bar.spec()
        ok = self.proxy.set_filter(spec)
        self.filter_bar.set_error("" if ok else self.proxy.error)
        if not ok:
            self.statusBar().showMessage(self.proxy.error, 5000)
            return
        if self.statusBar().currentMessage().startswith("Invalid regular expression"):
            self.statusBar().clearMessage()
        self.delegate.set_highlight(spec.text, spec.regex, spec.case_sensitive)
        self.table.viewport().update()
        index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET)) if row >= 0 else None
        if index is None or not index.isValid():
            # The current segment is hidden now: move to the first one shown, or to none.
            index = self.proxy.index(0, COL_TARGET)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        else:
            self.detail.show_row(self.model, -1)
            self.detail.header.setText(
                "<b>No segment matches the filter.</b> Change it, or clear it with "
                "Edit › Clear Filter (Ctrl+Shift+L)."
            )
        self._update_count()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.mapToSource(current).row() if current.isValid() else -1
        if row != self.detail.row:
            self.detail.show_row(self.model, row)

    # -- editing -------------------------------------------------------------------------------
    def push(self, edit: Edit) -> None:
        self.stack.push(EditCommand(self.session, edit))

    def commit_editor(self) -> None:
        """Commit an open inline editor, so actions see what the user typed."""
        editor = self.delegate.current_editor()
        if isinstance(editor, SegmentEditor):
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, SegmentDelegate.EndEditHint.NoHint)

    def copy_source(self) -> None:
        row = self.current_row()
        if row < 0 or self.model is None:
            return
        editor = self.delegate.current_editor()
        source = self.session.doc.pairs[row].source
        if isinstance(editor, SegmentEditor):
            editor.setPlainText(source)
            return
        # Its own undo step: it must not fold into the typing before it.
        self.model.set_target(row, source, mergeable=False)

    def set_state(self, state: State, rows: list[int] | None = None) -> bool:
        self.commit_editor()
        if self.session is None:
            return False
        rows = (
            rows if rows is not None else ([self.current_row()] if self.current_row() >= 0 else [])
        )
        todo = tuple(r for r in rows if self.session.reviews[r].state is not state)
        if not todo:
            return False
        self.push(SetState(row_list=todo, state=state, author=self.reviewer))
        return True

    def approve_current(self) -> None:
        self.set_state(State.APPROVED)

    def approve_and_next(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.set_state(State.APPROVED)
        reviews = self.session.reviews
        k = self._find(lambda r: not reviews[r].state.is_finished, True)
        if k < 0:
            self.statusBar().showMessage(
                "Approved. Every segment in view is now reviewed or approved.", 6000
            )
        else:
            self._goto_proxy_row(k)
        # The next thing to do is to read and fix the next target: type straight into it.
        self.detail.target.setFocus()
        self.detail.move_cursor_end()

    def _batch(self, rows: list[int], what: str, hidden_note: str = "") -> bool:
        if self.session is None:
            return False
        edit = self.session.approval(rows)
        if edit is None:
            n = len(rows)
            dialogs.show_info(
                self,
                "Batch approval",
                f"Nothing to approve: the {n:,} segment{'s' if n != 1 else ''} "
                f"({what}) {'are' if n != 1 else 'is'} already approved.",
            )
            return False
        n = len(edit.row_list)
        already = len(rows) - n
        text = f"Approve {n:,} segment{'s' if n != 1 else ''} ({what})?"
        if already:
            text += f"\n{already:,} already approved will not change."
        if hidden_note:
            text += f"\n{hidden_note}"
        text += "\n\nThis is one step you can undo with Ctrl+Z."
        if not dialogs.confirm(self, "Batch approval", text, f"Approve {n:,}"):
            return False
        edit.author = self.reviewer
        self.push(edit)
        self.statusBar().showMessage(f"Approved {n:,} segments", 5000)
        return True

    def _hidden_note(self) -> str:
        hidden = (self.model.rowCount() if self.model else 0) - self.proxy.rowCount()
        return f"{hidden:,} segments hidden by the filter are not touched." if hidden else ""

    def approve_selection(self) -> bool:
        self.commit_editor()
        rows = self.selected_rows()
        return self._batch(rows, "the selection") if rows else False

    def approve_filtered(self) -> bool:
        self.commit_editor()
        rows = self.proxy.accepted_source_rows()
        return self._batch(rows, "every segment shown", self._hidden_note()) if rows else False

    def approve_clean(self) -> bool:
        self.commit_editor()
        if self.session is None:
            return False
        self.wait_for_checks()
        shown = self.proxy.accepted_source_rows()
        rows = self.session.clean_rows(shown)
        reviews = self.session.reviews
        clean = set(rows)
        # The lead must see what the gate kept back, not only what it lets through.
        held = sum(1 for r in shown if r not in clean and reviews[r].state is not State.APPROVED)
        held_note = (
            f"{held:,} shown segment{'s' if held != 1 else ''} with an open issue or an "
            "error-level check stay as they are."
            if held
            else ""
        )
        if not rows:
            dialogs.show_info(
                self,
                "Approve all clean",
                "No clean segment is left to approve in view." + (f"\n{held_note}" if held else ""),
            )
            return False
        note = "\n".join(t for t in (held_note, self._hidden_note()) if t)
        return self._batch(rows, "shown, with no open issue and no error-level check", note)

    # -- issues ---------------------------------------------------------------------------------
    def flag_issue(self) -> bool:
        row = self.current_row()
        if row < 0 or self.session is None:
            return False
        self.commit_editor()
        finding = self.detail.selected_finding()
        prefill = None
        if finding is not None:
            prefill = dialogs.IssueInput(
                finding.category, finding.mqm_severity, finding.message, check_code=finding.code
            )
        pair = self.session.doc.pairs[row]
        value = dialogs.ask_issue(self, prefill, f"Flag issue on #{row + 1} ({pair.id})")
        if value is None:
            return False
        issue = Issue(
            value.category,
            value.severity,
            value.comment,
            status=value.status,
            check_code=value.check_code,
        )
        self.push(AddIssue(row=row, issue=issue, author=self.reviewer))
        return True

    def _current_issue(self, uid: str) -> tuple[int, Issue] | None:
        """The current row and its issue ``uid``, or None when either is gone."""
        row = self.current_row()
        if row < 0:
            return None
        try:
            return row, self.session.reviews[row].issue(uid)
        except KeyError:
            return None

    def edit_issue(self, uid: str) -> None:
        found = self._current_issue(uid)
        if found is None:
            return
        row, issue = found
        prefill = dialogs.IssueInput(
            issue.category, issue.severity, issue.comment, issue.status, issue.check_code
        )
        value = dialogs.ask_issue(self, prefill, f"Edit issue on #{row + 1}")
        if value is None:
            return
        updated = dataclasses.replace(
            issue,
            category=value.category,
            severity=value.severity,
            comment=value.comment,
            status=value.status,
        )
        self.push(UpdateIssue(row=row, uid=uid, updated=updated, author=self.reviewer))

    def toggle_resolved(self, uid: str) -> None:
        found = self._current_issue(uid)
        if found is None:
            return
        row, issue = found
        status = IssueStatus.RESOLVED if issue.is_open else IssueStatus.OPEN
        updated = dataclasses.replace(issue, status=status)
        self.push(UpdateIssue(row=row, uid=uid, updated=updated, author=self.reviewer))

    def delete_issue(self, uid: str) -> None:
        row = self.current_row()
        if row >= 0:
            self.push(RemoveIssue(row=row, uid=uid, author=self.reviewer))

    def dismiss_check(self, code: str) -> None:
        row = self.current_row()
        if row >= 0:
            self.push(DismissCheck(row=row, code=code, author=self.reviewer))

    def _dismiss_selected(self) -> None:
        finding = self.detail.selected_finding()
        if finding is None:
            self.statusBar().showMessage("Select a check result in the detail pane first", 4000)
            return
        self.dismiss_check(finding.code)

    def _on_target_rejected(self, message: str) -> None:
        self.statusBar().showMessage(f"Not applied: {message}", 8000)
        if not self.detail.target.hasFocus():
            dialogs.show_error(self, "Target refused", message)

    def _on_target_warnings(self, warnings: list) -> None:  # type: ignore[type-arg]
        if warnings:
            self.statusBar().showMessage("Warning: " + warning_text(warnings), 8000)
        elif self.statusBar().currentMessage().startswith("Warning: "):
            # Typing went on past the warning (a trailing space mid-word): it no longer holds.
            self.statusBar().clearMessage()


def _esc(text: str) -> str:
    import html

    return html.escape(str(text), quote=False)
