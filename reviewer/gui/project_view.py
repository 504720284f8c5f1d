"""The project view: every article of a folder with its progress, totals on top, sort, filter."""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.project import ArticleRow, ProjectTotals
from reviewer.gui import theme
from reviewer.gui.markup import esc
from reviewer.gui.project_columns import ProjectColumns
from reviewer.gui.project_filters import ProjectFilters
from reviewer.gui.project_model import COL, ProgressDelegate, ProjectModel, ProjectProxy
from reviewer.gui.project_totals import totals_text


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
        self.filters = ProjectFilters(self, bar)
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
        # A path keeps its end (folder and file), a title its start (project_columns).
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)
        self.table.setStyleSheet(theme.TABLE_STYLE)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setItemDelegateForColumn(COL["progress"], ProgressDelegate(self.table))
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.columns = ProjectColumns(self, self.table, self.model, settings)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.filters.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in self.filters.choices():
            combo.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.set_rows([], None)

    # -- buttons ------------------------------------------------------------------------
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
        self.filters.fill_choices(rows)
        self.show_totals(totals)
        if keep and self.current_rel() != keep:
            self.select_rel(keep, scroll=False)
        self._update_count()

    def show_totals(self, t: ProjectTotals | None) -> None:
        if t is None or not t.files:
            self.totals.setText(theme.muted(self.tr("No article read yet.")))
            self.total_bar.setValue(0)
            return
        self.totals.setText(totals_text(t))
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
    def apply_filter(self) -> None:
        self._timer.stop()
        keep = self.current_rel()
        self.proxy.set_filter(self.filters.spec())
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
