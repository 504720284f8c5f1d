"""The segment table view: one current row, selected on purpose only, grown to show its text."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reviewer.gui import theme, viewports
from reviewer.gui.delegates import SegmentDelegate
from reviewer.gui.model import COL_SOURCE, COL_TARGET
from reviewer.gui.proxy import SegmentFilterProxy

_ROW_ONLY = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class SegmentTable(QTableView):
    """Moving about never extends the selection, whatever modifier is held (Ctrl+Return,
    Ctrl+J): only Shift+arrows and Ctrl/Shift+click select more than the current row."""

    def __init__(self, proxy: SegmentFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentTable")
        self._viewport = viewports.viewport(self)  # kept: viewport() returns this wrapper
        self.proxy = proxy
        self.setModel(proxy)
        self.delegate = SegmentDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 is the window's "Edit Target" action, so it works from any column.
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.setWordWrap(False)
        # Tab moves on to the target editor, as in Qt Linguist; arrows move between cells.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(theme.TABLE_STYLE)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setMinimumSectionSize(36)
        self._grown = -1  # the proxy row made taller, or -1
        # Columns settle, rows change and edits land in bursts: grow once they have.
        self._grow_soon = QTimer(self)
        self._grow_soon.setSingleShot(True)
        self._grow_soon.setInterval(0)
        self._grow_soon.timeout.connect(self.grow_current)
        hh.sectionResized.connect(self._grow_soon.start)
        self.selectionModel().currentRowChanged.connect(self._grow_soon.start)
        proxy.layoutAboutToBeChanged.connect(self._shrink)
        proxy.modelAboutToBeReset.connect(self._shrink)
        proxy.layoutChanged.connect(self._grow_soon.start)
        proxy.modelReset.connect(self._grow_soon.start)
        proxy.dataChanged.connect(self._on_data_changed)

    # -- where the user is ------------------------------------------------------------------
    def current_source_row(self) -> int:
        index = self.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else -1

    def selected_source_rows(self) -> list[int]:
        """The selected segments in order, or the current one when none is selected."""
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        if not rows:
            current = self.current_source_row()
            return [current] if current >= 0 else []
        return sorted(rows)

    def proxy_index(self, source_row: int, column: int = COL_TARGET) -> QModelIndex:
        model = self.proxy.segment_model()
        if not 0 <= source_row < model.rowCount():
            return QModelIndex()
        return self.proxy.mapFromSource(model.index(source_row, column))

    def is_on_screen(self, source_row: int) -> bool:
        """The row is shown by the filter and at least partly inside the viewport."""
        index = self.proxy_index(source_row)
        return index.isValid() and self.viewport().rect().intersects(self.visualRect(index))

    # -- moving -------------------------------------------------------------------------------
    def show_index(self, index: QModelIndex) -> None:
        """Make ``index`` current and the only selected row; a far one is centred."""
        if not index.isValid():
            return
        # Scroll ranges follow a filter change lazily: bring them up to date before asking.
        self.updateGeometries()
        visible = self.viewport().rect().contains(self.visualRect(index))
        self.selectionModel().setCurrentIndex(index, _ROW_ONLY)
        if not visible:
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def edit_target(self) -> bool:
        """Open the inline editor on the current row's target, whichever column is current."""
        current = self.currentIndex()
        if not current.isValid():
            return False
        index = self.proxy.index(current.row(), COL_TARGET)
        if current.column() != COL_TARGET:
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.edit(index)
        return self.delegate.current_editor() is not None

    def commit_editor(self) -> None:
        """Commit an open inline editor, so an action sees what the user typed."""
        self.delegate.commit_open_editor()

    # -- the current row grows to show all its text ---------------------------------------------
    def grow_current(self) -> None:
        current = self.currentIndex()
        row = current.row() if current.isValid() else -1
        if row != self._grown:
            self._shrink()
        if row < 0:
            return
        vh = self.verticalHeader()
        # The width the cell paints at (the grid line takes a pixel), so the text is measured
        # as it wraps there and its layout is the one the paint reuses.
        grid = 1 if self.showGrid() else 0
        widths = {c: self.columnWidth(c) - grid for c in (COL_SOURCE, COL_TARGET)}
        texts = {c: self.proxy.index(row, c).data() or "" for c in widths}
        needed = max(self.delegate.text_height(texts[c], widths[c], self.font()) for c in widths)
        # All of it, but never so tall that the rows around it leave the screen.
        limit = max(vh.defaultSectionSize(), int(self.viewport().height() * 0.6))
        height = min(max(vh.defaultSectionSize(), needed), limit)
        if vh.sectionSize(row) != height:
            vh.resizeSection(row, height)
            # Grown past the bottom edge: bring the rest of it (and so the next row) into view.
            if self.visualRect(current).bottom() > self.viewport().height():
                self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
        self._grown = row

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._grow_soon.start()  # its limit follows the height of the view

    def _shrink(self) -> None:
        vh = self.verticalHeader()
        if 0 <= self._grown < vh.count() and vh.sectionSize(self._grown) != vh.defaultSectionSize():
            vh.resizeSection(self._grown, vh.defaultSectionSize())
        self._grown = -1

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        current = self.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self._grow_soon.start()
