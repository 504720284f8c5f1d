"""The filter proxy: the core decides which rows a filter shows, Qt is told once."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from reviewer.core.filtering import FilterSpec, SegmentFilter
from reviewer.gui.model import SegmentModel

__all__ = ["FilterSpec", "SegmentFilterProxy"]


class SegmentFilterProxy(QSortFilterProxyModel):
    """Filters by a precomputed accept mask, so a keystroke costs one pass, not 50k callbacks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = FilterSpec()
        self._mask: bytearray | None = None  # None: accept everything
        self._rows: list[int] | None = None
        self._filter: SegmentFilter | None = None
        self._rank: dict[int, int] | None = None  # grouped (repetitions): row -> position
        self.error = ""  # why the last regex was refused, for the filter bar
        self.setDynamicSortFilter(False)

    def segment_model(self) -> SegmentModel:
        model = self.sourceModel()
        assert isinstance(model, SegmentModel)
        return model

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, SegmentModel)
        self._filter = SegmentFilter(model.session)
        self._mask = self._rows = self._rank = None
        self.spec = FilterSpec()
        super().setSourceModel(model)
        if self.sortColumn() != -1:
            self.sort(-1)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        mask = self._mask
        return True if mask is None else bool(mask[source_row])

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        rank = self._rank
        if rank is None:
            return left.row() < right.row()
        return rank.get(left.row(), left.row()) < rank.get(right.row(), right.row())

    # -- filtering -------------------------------------------------------------------
    def set_filter(self, spec: FilterSpec) -> bool:
        """Apply ``spec``; False (and ``error`` set) when its regex does not compile."""
        if self._filter is None:
            return True
        try:
            rows = self._filter.rows(spec)
        except re.error as exc:
            self.error = QCoreApplication.translate(
                "SegmentFilterProxy", "Invalid regular expression: {reason}"
            ).format(reason=exc)
            return False
        self.error = ""
        self.spec = spec
        if rows is None and self._mask is None:
            return True
        mask: bytearray | None = None
        if rows is not None:
            mask = bytearray(self.segment_model().rowCount())
            for r in rows:
                mask[r] = 1
        # Grouped rows (repetitions) show in the core's order; otherwise in the article's
        # (column -1: Qt's own order, no Python call per comparison).
        grouped = spec.repetitions and rows is not None
        if not grouped and self.sortColumn() != -1:
            self._rank = None
            self.sort(-1)
        self._mask, self._rows = mask, rows
        self._rank = {r: k for k, r in enumerate(rows)} if grouped and rows is not None else None
        # invalidate() rebuilds the mapping in one pass; begin/endFilterChange diff old and new
        # and emit a signal per removed range, several times slower on 50k scattered rows.
        self.invalidate()
        if grouped and self.sortColumn() != 0:
            self.sort(0)
        return True

    def accepted_source_rows(self) -> list[int]:
        if self._rows is None:
            return list(range(self.segment_model().rowCount()))
        return list(self._rows)

    def hidden_count(self) -> int:
        return self.segment_model().rowCount() - self.rowCount() if self._rows is not None else 0

    def prepare_text_search(self) -> None:
        if self._filter is not None:
            self._filter.prepare_text_search()

    def targets_changed(self, rows: tuple[int, ...]) -> None:
        if self._filter is not None:
            self._filter.targets_changed(rows)
