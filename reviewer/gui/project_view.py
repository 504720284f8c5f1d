"""The project view: every article of a folder with its progress, totals on top, sort, filter."""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Level
from reviewer.core.project import ArticleRow, ProjectFilter, ProjectTotals
from reviewer.core.segments import State
from reviewer.gui import theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.line_edits import clear_button_when_typed
from reviewer.gui.markup import esc
from reviewer.gui.project_model import (
    COL,
    ProgressDelegate,
    ProjectModel,
    ProjectProxy,
    issues_text,
)

_FILTERS = (  # (objectName, ProjectFilter field, [(label, value)])
    (
        "projectFilterProgress",
        "progress",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any progress"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Not started"), "not-started"),
            (QT_TRANSLATE_NOOP("ProjectView", "In progress"), "in-progress"),
            (QT_TRANSLATE_NOOP("ProjectView", "Unfinished"), "unfinished"),
            (QT_TRANSLATE_NOOP("ProjectView", "Complete"), "complete"),
        ),
    ),
    (
        "projectFilterResult",
        "result",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Pass or fail"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Pass"), "pass"),
            (QT_TRANSLATE_NOOP("ProjectView", "Fail"), "fail"),
        ),
    ),
    (
        "projectFilterIssues",
        "issues",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any issues"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Open issues"), "open"),
            (QT_TRANSLATE_NOOP("ProjectView", "No open issue"), "none"),
        ),
    ),
    (
        "projectFilterChecks",
        "checks",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any checks"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Check errors"), "errors"),
            (QT_TRANSLATE_NOOP("ProjectView", "Errors or warnings"), "warnings"),
            (QT_TRANSLATE_NOOP("ProjectView", "No check error"), "clean"),
            (QT_TRANSLATE_NOOP("ProjectView", "Not checked yet"), "unchecked"),
        ),
    ),
)
_WIDE = {"path": 220, "title": 230, "issues": 110, "last-reviewed": 112, "progress": 92}
# Shown at the right end at first (the list fits a 1400-pixel window without them); the
# columns can be moved and hidden, and the layout is kept.
_AT_END = ("words", "type", "last-reviewed", "reviewer")


class _ElideRight(QStyledItemDelegate):
    """Titles lose their end, paths (the view's default) their start."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


class ProjectView(QWidget):
    """Shows a project's articles; emits ``open_requested`` for the one to review."""

    open_requested = Signal(str)  # relative path of the article
    cancel_requested = Signal()
    undo_requested = Signal()  # take back the last change written to the articles

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectView")
        self.settings = settings
        self.root = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)

        self.heading = QLabel(self)
        self.heading.setObjectName("projectHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.totals = QLabel(self)
        self.totals.setObjectName("projectTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.total_bar = QProgressBar(self)
        self.total_bar.setObjectName("projectTotalBar")
        self.total_bar.setRange(0, 1000)
        self.total_bar.setFixedHeight(14)
        self.total_bar.setTextVisible(False)
        self.total_bar.setStyleSheet(theme.PROGRESS_BAR_STYLE)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addWidget(self.total_bar)

        self.busy = QWidget(self)
        self.busy.setObjectName("projectBusy")
        strip = QHBoxLayout(self.busy)
        strip.setContentsMargins(0, 0, 0, 0)
        self.busy_text = QLabel(self.busy)
        self.busy_text.setObjectName("projectBusyText")
        self.busy_bar = QProgressBar(self.busy)
        self.busy_bar.setObjectName("projectBusyBar")
        self.busy_bar.setMaximumWidth(320)
        self.cancel = QPushButton(self.tr("Cancel"), self.busy)
        self.cancel.setObjectName("projectCancel")
        self.cancel.clicked.connect(self.cancel_requested)
        strip.addWidget(self.busy_text, 1)
        strip.addWidget(self.busy_bar)
        strip.addWidget(self.cancel)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)

        self.result = QWidget(self)
        self.result.setObjectName("projectResult")
        strip = QHBoxLayout(self.result)
        strip.setContentsMargins(0, 0, 0, 0)
        self.result_text = QLabel(self.result)
        self.result_text.setObjectName("projectResultText")
        self.result_text.setWordWrap(True)
        self.undo = QPushButton(self.result)
        self.undo.setObjectName("projectUndo")
        self.undo.clicked.connect(self.undo_requested)
        close = QToolButton(self.result)
        close.setText("×")
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide_result)
        strip.addWidget(self.result_text, 1)
        strip.addWidget(self.undo)
        strip.addWidget(close)
        self.result.setVisible(False)
        layout.addWidget(self.result)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.text = QLineEdit(self)
        self.text.setObjectName("projectFilterText")
        self.text.setPlaceholderText(self.tr("Filter by path or title…"))
        clear_button_when_typed(self.text)
        bar.addWidget(self.text, 2)
        self.type = QComboBox(self)
        self.type.setObjectName("projectFilterType")
        bar.addWidget(self.type)
        self.combos: dict[str, QComboBox] = {}
        for name, field, items in _FILTERS:
            combo = QComboBox(self)
            combo.setObjectName(name)
            for label, value in items:
                combo.addItem(QCoreApplication.translate("ProjectView", label), value)
            self.combos[field] = combo
            bar.addWidget(combo)
        self.check = QComboBox(self)
        self.check.setObjectName("projectFilterCheck")
        self.check.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.check.setMinimumContentsLength(14)
        bar.addWidget(self.check)
        self.count = QLabel(self)
        self.count.setObjectName("projectCount")
        bar.addWidget(self.count)
        self.buttons = QHBoxLayout()
        bar.addLayout(self.buttons)
        layout.addLayout(bar)

        self.model = ProjectModel(self)
        self.proxy = ProjectProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("projectTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # A path keeps its end (folder and file), a title its start (_ElideRight).
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)
        self.table.setStyleSheet(theme.TABLE_STYLE)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setItemDelegateForColumn(COL["progress"], ProgressDelegate(self.table))
        self.table.setItemDelegateForColumn(COL["title"], _ElideRight(self.table))
        self.table.activated.connect(self._activated)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(self.tr("Click to sort; right-click to choose the columns"))
        layout.addWidget(self.table, 1)
        self._size_columns()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.type, self.check, *self.combos.values()):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.set_rows([], None)

    # -- layout -------------------------------------------------------------------------
    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        digits = metrics.horizontalAdvance("99,999")
        for key, col in COL.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = _WIDE.get(key, max(metrics.horizontalAdvance(title) + 16, digits + 16))
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for key in _AT_END:
            header.moveSection(header.visualIndex(COL[key]), header.count() - 1)
        saved = self.settings.value("project/header")
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            header.restoreState(saved)
        for signal in (header.sectionMoved, header.sectionResized):
            signal.connect(lambda *_: self._save_header())

    def _save_header(self) -> None:
        self.settings.setValue("project/header", self.table.horizontalHeader().saveState())

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for key, col in COL.items():
            action = QAction(str(self.model.headerData(col, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.setEnabled(key != "path")
            action.toggled.connect(lambda on, c=col: self._show_column(c, on))
            menu.addAction(action)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _show_column(self, col: int, shown: bool) -> None:
        self.table.setColumnHidden(col, not shown)
        self._save_header()

    def add_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.addWidget(button)
        return button

    # -- content ------------------------------------------------------------------------
    def set_root(self, root: str) -> None:
        self.root = root
        name = os.path.basename(root.rstrip(os.sep)) or root
        self.heading.setText(
            f"<span style='font-size:15px;font-weight:600'>{esc(name)}</span> "
            f"{theme.muted(esc(root))}"
        )

    def set_rows(self, rows: list[ArticleRow], totals: ProjectTotals | None) -> None:
        keep = self.current_rel()
        self.model.set_rows(rows)
        self._fill_choices(rows)
        self.show_totals(totals)
        if keep and self.current_rel() != keep:
            self.select_rel(keep, scroll=False)
        self._update_count()

    def _fill_choices(self, rows: list[ArticleRow]) -> None:
        types = sorted({r.translation_type for r in rows if r.translation_type}, key=str.upper)
        codes: dict[str, int] = {}
        for r in rows:
            for code in r.check_codes:
                codes[code] = codes.get(code, 0) + 1
        for combo, first, items in (
            (self.type, self.tr("Any type"), [(t, t) for t in types]),
            (
                self.check,
                self.tr("Any check"),
                [(f"{c} ({n:,})", c) for c, n in sorted(codes.items())],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def show_totals(self, t: ProjectTotals | None) -> None:
        if t is None or not t.files:
            self.totals.setText(theme.muted(self.tr("No article read yet.")))
            self.total_bar.setValue(0)
            return
        approved = t.count(State.APPROVED)
        parts = [
            self.tr("<b>{n} articles</b>").format(n=f"{t.files:,}"),
            self.tr("{n} segments").format(n=f"{t.pairs:,}"),
            self.tr("{n} words").format(n=f"{t.words:,}"),
            theme.colored(
                self.tr("{n} approved ({p:.1f}%)").format(
                    n=f"{approved:,}", p=t.approved_ratio * 100
                ),
                theme.GOOD,
                bold=True,
            ),
            self.tr("{n} reviewed").format(n=f"{t.count(State.REVIEWED):,}"),
            self.tr("{n} needs work").format(n=f"{t.count(State.NEEDS_WORK):,}"),
            self.tr("{n} edited").format(n=f"{t.count(State.EDITED):,}"),
        ]
        open_issues = sum(t.open_issues)
        if open_issues:
            parts.append(self.tr("open issues: {text}").format(text=issues_text(t.open_issues)))
        else:
            parts.append(self.tr("no open issue"))
        if t.checked:
            checks = self.tr("checks: {e} errors, {w} warnings").format(
                e=f"{t.level(Level.ERROR):,}", w=f"{t.level(Level.WARNING):,}"
            )
            readable = t.files - t.unreadable
            if t.checked < readable:
                checks += " " + self.tr("({n} of {m} articles checked)").format(
                    n=f"{t.checked:,}", m=f"{readable:,}"
                )
            parts.append(checks)
        else:
            parts.append(theme.muted(self.tr("checks not run yet")))
        verdict = theme.colored(
            self.tr("MQM {score:.1f}").format(score=t.score.score),
            theme.GOOD if t.score.passed else theme.BAD,
            bold=True,
        )
        parts.append(verdict + " " + self.tr("({p} pass, {f} fail)").format(p=t.passed, f=t.failed))
        if t.unreadable:
            parts.append(theme.colored(self.tr("{n} unreadable").format(n=t.unreadable), theme.BAD))
        self.totals.setText(" · ".join(parts))
        self.total_bar.setValue(round(t.approved_ratio * 1000))
        self.total_bar.setToolTip(
            self.tr("{p:.1f}% of the project's segments approved").format(p=t.approved_ratio * 100)
        )

    def show_progress(self, what: str, done: int, total: int, cancellable: bool) -> None:
        self.busy.setVisible(True)
        if total > 0:
            self.busy_text.setText(
                self.tr("{what}: {done} of {total}…").format(
                    what=what, done=f"{done:,}", total=f"{total:,}"
                )
            )
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)
        else:
            self.busy_text.setText(f"{what}…")
            self.busy_bar.setRange(0, 0)
        self.cancel.setEnabled(cancellable)

    def hide_progress(self) -> None:
        self.busy.setVisible(False)

    def show_result(self, text: str, undo_label: str) -> None:
        """What the last change across the articles did, with its undo when there is one."""
        self.result_text.setText(text)
        self.undo.setText(self.tr("Undo: {label}").format(label=undo_label))
        self.undo.setVisible(bool(undo_label))
        self.result.setVisible(True)

    def hide_result(self) -> None:
        self.result.setVisible(False)

    # -- filter -------------------------------------------------------------------------
    def spec(self) -> ProjectFilter:
        kind = self.type.currentData()
        return ProjectFilter(
            text=self.text.text().strip(),
            types={kind} if kind else set(),
            check_code=self.check.currentData() or "",
            **{field: combo.currentData() for field, combo in self.combos.items()},
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        keep = self.current_rel()
        self.proxy.set_filter(self.spec())
        if keep:
            self.select_rel(keep, scroll=True)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("{total} articles").format(total=f"{total:,}")
            if shown == total
            else self.tr("{shown} of {total} shown").format(shown=f"{shown:,}", total=f"{total:,}")
        )

    # -- where the user is ----------------------------------------------------------------
    def current_rel(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.model.row_at(self.proxy.mapToSource(index).row()).rel

    def select_rel(self, rel: str, scroll: bool = True) -> bool:
        k = self.model.find(rel)
        if k < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(k, COL["path"]))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        if scroll:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def selected_rels(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(k).rel for k in sorted(rows)]

    def shown_rels(self) -> list[str]:
        return self.proxy.rels()

    def neighbour(self, rel: str, step: int) -> str:
        """The article ``step`` rows from ``rel`` in the order shown; "" past either end. An
        article the filter hides counts from the first (or last) row."""
        shown = self.shown_rels()
        if not shown:
            return ""
        start = 0 if step > 0 else len(shown) - 1
        k = shown.index(rel) + step if rel in shown else start
        return shown[k] if 0 <= k < len(shown) else ""

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row_at(self.proxy.mapToSource(index).row()).rel)
