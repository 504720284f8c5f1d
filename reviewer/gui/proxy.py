"""Segment filters: the accepted rows are computed in one Python pass, then Qt is told once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from reviewer.core.format import PairList
from reviewer.core.mqm import Severity
from reviewer.core.segments import State
from reviewer.gui.model import SegmentModel


@dataclass(slots=True)
class FilterSpec:
    """Everything the filter bar can ask for; an all-default spec shows every row."""

    text: str = ""
    regex: bool = False
    case_sensitive: bool = False
    in_source: bool = True
    in_target: bool = True
    states: set[State] = field(default_factory=set)  # empty: any state
    has_issues: bool = False  # open issue or undismissed check result
    severity: Severity | None = None  # at least one open issue/finding of this severity
    check_code: str = ""
    edited_only: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.text
            or self.states
            or self.has_issues
            or self.severity is not None
            or self.check_code
            or self.edited_only
        )


class SegmentFilterProxy(QSortFilterProxyModel):
    """Filters by a precomputed accept mask, so a keystroke costs one pass, not 50k callbacks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = FilterSpec()
        self._mask: bytearray | None = None  # None: accept everything
        self._lower_sources: list[str] | None = None
        self._lower_targets: list[str] | None = None
        self.error = ""  # why the last regex was refused, for the filter bar
        # (case_sensitive, in_source, in_target), needle, rows it matched: for narrowing.
        self._last_text: tuple[tuple[bool, bool, bool], str, list[int]] | None = None
        self.setDynamicSortFilter(False)

    def segment_model(self) -> SegmentModel:
        model = self.sourceModel()
        assert isinstance(model, SegmentModel)
        return model

    def setSourceModel(self, model: object) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if isinstance(old, SegmentModel):
            old.targets_changed.disconnect(self._on_targets_changed)
        assert isinstance(model, SegmentModel)
        self._lower_sources = self._lower_targets = None
        self._last_text = None
        self._mask = None
        super().setSourceModel(model)
        model.targets_changed.connect(self._on_targets_changed)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        mask = self._mask
        return True if mask is None else bool(mask[source_row])

    # -- filtering -------------------------------------------------------------------
    def set_filter(self, spec: FilterSpec) -> bool:
        """Apply ``spec``; False (and ``error`` set) when its regex does not compile."""
        try:
            mask = self.compute_mask(spec)
        except re.error as exc:
            self.error = f"Invalid regular expression: {exc}"
            return False
        self.error = ""
        self.spec = spec
        if mask is None and self._mask is None:
            return True
        self._mask = mask
        # invalidate() rebuilds the mapping in one pass; begin/endFilterChange diff old and new
        # and emit a signal per removed range, several times slower on 50k scattered rows.
        self.invalidate()
        return True

    def refilter(self) -> None:
        """Re-evaluate the current spec (after edits changed states or issues)."""
        self.set_filter(self.spec)

    def accepted_source_rows(self) -> list[int]:
        if self._mask is None:
            return list(range(self.segment_model().rowCount()))
        return [r for r, ok in enumerate(self._mask) if ok]

    def compute_mask(self, spec: FilterSpec) -> bytearray | None:
        model = self.segment_model()
        n = model.rowCount()
        if spec.is_empty:
            return None
        candidates: range | list[int] = range(n)
        session = model.session
        reviews = session.reviews
        pairs = session.doc.pairs
        if spec.text:
            candidates = self._text_rows(spec, pairs)
        if spec.states:
            states = spec.states
            candidates = [r for r in candidates if reviews[r].state in states]
        if spec.edited_only:
            edited = model.edited_rows()
            candidates = [r for r in candidates if r in edited]
        if spec.has_issues or spec.severity is not None or spec.check_code:
            candidates = [r for r in candidates if self._issue_match(model, r, spec)]
        mask = bytearray(n)
        for r in candidates:
            mask[r] = 1
        return mask

    def _text_rows(self, spec: FilterSpec, pairs: list) -> list[int]:  # type: ignore[type-arg]
        columns: list[list[str]] = []
        if spec.regex:
            flags = 0 if spec.case_sensitive else re.IGNORECASE
            search = re.compile(spec.text, flags).search
            if spec.in_source:
                columns.append(_sources(pairs))
            if spec.in_target:
                columns.append(_targets(pairs))
            hits: set[int] = set()
            for texts in columns:
                hits.update(r for r, t in enumerate(texts) if search(t))
            return sorted(hits)
        key = (spec.case_sensitive, spec.in_source, spec.in_target)
        if spec.case_sensitive:
            needle = spec.text
            if spec.in_source:
                columns.append(_sources(pairs))
            if spec.in_target:
                columns.append(_targets(pairs))
        else:
            needle = spec.text.lower()
            if spec.in_source:
                if self._lower_sources is None:
                    self._lower_sources = [t.lower() for t in _sources(pairs)]
                columns.append(self._lower_sources)
            if spec.in_target:
                if self._lower_targets is None:
                    self._lower_targets = [t.lower() for t in _targets(pairs)]
                columns.append(self._lower_targets)
        last = self._last_text
        # Typing forward only narrows: search the rows the shorter text matched, not all.
        rows: range | list[int] = range(len(pairs))
        if last is not None and last[0] == key and last[1] in needle:
            rows = last[2]
        found: list[int] = []
        if len(columns) == 1:
            (a,) = columns
            found = [r for r in rows if needle in a[r]]
        elif len(columns) == 2:
            a, b = columns
            found = [r for r in rows if needle in a[r] or needle in b[r]]
        self._last_text = (key, needle, found)
        return found

    def prepare_text_search(self) -> None:
        """Build the lowercase text the filter searches now (on focus), not on the first key."""
        model = self.sourceModel()
        if not isinstance(model, SegmentModel):
            return
        pairs = model.session.doc.pairs
        if self._lower_sources is None:
            self._lower_sources = [t.lower() for t in _sources(pairs)]
        if self._lower_targets is None:
            self._lower_targets = [t.lower() for t in _targets(pairs)]

    @staticmethod
    def _issue_match(model: SegmentModel, row: int, spec: FilterSpec) -> bool:
        issues, findings = model.row_issues(row)
        if not issues and not findings:
            return False
        code = spec.check_code
        if (
            code
            and not any(f.code == code for f in findings)
            and not any(i.check_code == code for i in issues)
        ):
            return False
        if spec.severity is not None:
            severities = {i.severity for i in issues} | {f.mqm_severity for f in findings}
            if spec.severity not in severities:
                return False
        return True

    def _on_targets_changed(self, first: int, last: int) -> None:
        self._last_text = None  # an edited target may now match, or no longer
        # Edited targets invalidate the cached lowercase text of those rows only.
        if self._lower_targets is not None:
            pairs = self.segment_model().session.doc.pairs
            for r in range(first, last + 1):
                if r < len(self._lower_targets):
                    self._lower_targets[r] = pairs[r].target.lower()


def _sources(pairs: Any) -> list[str]:
    """Every source as a string; a PairList gives them without building its pairs."""
    if isinstance(pairs, PairList):
        return pairs.sources()
    return [p.source for p in pairs]


def _targets(pairs: Any) -> list[str]:
    if isinstance(pairs, PairList):
        return pairs.targets()
    return [p.target for p in pairs]
