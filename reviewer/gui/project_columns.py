"""The project list's columns: first widths and order, the right-click chooser, kept in settings."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reviewer.gui.project_model import COL, ProjectModel

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


class ProjectColumns(QObject):
    """Sizes the list's columns, lets the user move and hide them, and keeps the layout."""

    def __init__(
        self, owner: QWidget, table: QTableView, model: ProjectModel, settings: QSettings
    ) -> None:
        super().__init__(owner)
        self.owner = owner  # the chooser menu's parent: the view, whose look it takes
        self.table = table
        self.model = model
        self.settings = settings
        table.setItemDelegateForColumn(COL["title"], _ElideRight(table))
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(
            QCoreApplication.translate(
                "ProjectView", "Click to sort; right-click to choose the columns"
            )
        )
        self._size_columns()

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
        menu = QMenu(self.owner)
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
