"""The segment table model: a lazy QAbstractTableModel that reads the session on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QUndoStack

from reviewer.core.checks import Finding, Level
from reviewer.core.checks import base as checks_base
from reviewer.core.edits import Composite, Edit, SetTarget
from reviewer.core.errors import TargetRejected
from reviewer.core.format import EditWarning, check_target
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.gui.commands import push

COL_NUM, COL_ID, COL_SOURCE, COL_TARGET, COL_STATE, COL_ISSUES = range(6)
HEADERS = ("#", "ID", "Source (EN)", "Target (NL)", "State", "Issues")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
ISSUES_ROLE = Qt.ItemDataRole.UserRole + 3  # (open issues, findings) of the row
WORST_ROLE = Qt.ItemDataRole.UserRole + 4  # worst Severity among open issues and findings, or None

STATE_COLORS: dict[State, str] = {
    State.UNREVIEWED: "#9e9e9e",
    State.EDITED: "#1e88e5",
    State.NEEDS_WORK: "#f57c00",
    State.REVIEWED: "#00897b",
    State.APPROVED: "#2e7d32",
}
SEVERITY_COLORS: dict[Severity, str] = {
    Severity.NEUTRAL: "#757575",
    Severity.MINOR: "#f9a825",
    Severity.MAJOR: "#ef6c00",
    Severity.CRITICAL: "#c62828",
}
LEVEL_COLORS: dict[Level, str] = {
    Level.ERROR: "#c62828",
    Level.WARNING: "#ef6c00",
    Level.INFO: "#1e88e5",
}
# A check result raised as an issue stays listed but greyed, as QA warnings acted on do in
# memoQ and Trados: the issue carries it into the score and the export, the marker shows why.
FLAGGED_COLOR = "#9e9e9e"
FLAGGED_NOTE = "Flagged as an issue: handled. The issue counts in the score and the export."
_SEVERITY_ORDER = {s: k for k, s in enumerate(Severity)}

AnyIndex = QModelIndex | QPersistentModelIndex


def dot_icon(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pix)


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are a fixed tuple of header titles."""

    headers: tuple[str, ...] = ()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class SegmentModel(HeaderedTableModel):
    """One row per pair; nothing per row is built up front, every cell is read on demand."""

    headers = HEADERS

    target_rejected = Signal(str)
    target_warnings = Signal(list)  # list[EditWarning]
    targets_changed = Signal(int, int)  # first, last source row whose target an edit touched

    def __init__(
        self, session: ReviewSession, stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = stack
        self._pairs = session.doc.pairs
        self._reviews = session.reviews
        self._opened_targets: dict[int, str] = {}  # rows edited this session -> target at open
        self._state_icons = {s: dot_icon(c) for s, c in STATE_COLORS.items()}
        self._listener: Callable[[Edit, bool], None] = self._on_edit
        session.listeners.append(self._listener)

    def detach(self) -> None:
        if self._listener in self.session.listeners:
            self.session.listeners.remove(self._listener)

    # -- Qt overrides --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TARGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._pairs):
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            if col == COL_TARGET:
                return self._pairs[row].target
            if col == COL_SOURCE:
                return self._pairs[row].source
            if col == COL_NUM:
                return str(row + 1)
            if col == COL_ID:
                return self._pairs[row].id
            if col == COL_STATE:
                return self._reviews[row].state.label
            if col == COL_ISSUES:
                return self.issue_summary(row)
            return None
        if role == ROW_ROLE:
            return row
        if role == STATE_ROLE:
            return self._reviews[row].state
        if role == ISSUES_ROLE:
            return self.row_issues(row)
        if role == WORST_ROLE:
            return self.worst(row)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE:
            return self._state_icons[self._reviews[row].state]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Everything top-aligned, so a row reads along the first line of its text.
            horizontal = (
                Qt.AlignmentFlag.AlignRight if col == COL_NUM else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_NUM, COL_ID):
            return QBrush(QColor("#757575"))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_TARGET:
            return False
        if role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        return self.set_target(index.row(), value)

    # -- operations ------------------------------------------------------------------
    def set_target(self, row: int, text: str, mergeable: bool = True) -> bool:
        """Push a target edit through the undo stack, or report why the core refuses it."""
        pair = self._pairs[row]
        if text == pair.target:
            return True
        try:
            warnings = check_target(pair.saved_target, text)
        except TargetRejected as exc:
            self.target_rejected.emit(str(exc))
            return False
        self._opened_targets.setdefault(row, pair.target)
        edit = SetTarget(row=row, new_target=text, author=self.session.user)
        push(self.stack, self.session, edit, mergeable)
        self.target_warnings.emit(list(warnings))
        return True

    def edited_rows(self) -> set[int]:
        """Rows whose target differs from what it was when the file was opened."""
        return {r for r, t in self._opened_targets.items() if self._pairs[r].target != t}

    def row_issues(self, row: int) -> tuple[list[Issue], list[Finding]]:
        review = self._reviews[row]
        findings = self.session.findings(row) if self.session.checks_ready else []
        return review.open_issues, findings

    def check_counts(self) -> dict[str, tuple[str, int]]:
        """Check code -> (title, segments) for the checks the filter can find in this file."""
        out: dict[str, tuple[str, int]] = {}
        for row in self.session.rows_to_report():
            issues, findings = self.row_issues(row)
            titles = {f.code: f.title for f in findings}
            for i in issues:
                if i.check_code:
                    known = checks_base.REGISTRY.get(i.check_code)
                    titles.setdefault(i.check_code, known.title if known else i.check_code)
            for code, title in titles.items():
                seen = out.get(code)
                out[code] = (seen[0] if seen else title, (seen[1] if seen else 0) + 1)
        return out

    def worst(self, row: int) -> Severity | None:
        issues, findings = self.row_issues(row)
        severities = [i.severity for i in issues] + [f.mqm_severity for f in findings]
        if not severities:
            return None
        return max(severities, key=_SEVERITY_ORDER.__getitem__)

    def issue_summary(self, row: int) -> str:
        issues, findings = self.row_issues(row)
        parts = []
        if issues:
            parts.append(f"{len(issues)} issue" + ("s" if len(issues) > 1 else ""))
        if findings:
            parts.append(f"{len(findings)} check" + ("s" if len(findings) > 1 else ""))
        return ", ".join(parts)

    def _tooltip(self, row: int, col: int) -> str | None:
        if col == COL_ISSUES:
            issues, findings = self.row_issues(row)
            lines = [f"{i.severity.label}: {i.category} {i.comment}".strip() for i in issues]
            lines += [f"{f.level.value}: {f.title} — {f.message}" for f in findings]
            return "\n".join(lines) or None
        if col == COL_STATE:
            review = self._reviews[row]
            if review.changed_by:
                return f"{review.state.label} by {review.changed_by} at {review.changed_at}"
        if col == COL_ID:
            return f"line {self._pairs[row].line}"
        return None

    def notify_checks_ready(self) -> None:
        if self._pairs:
            self.dataChanged.emit(
                self.index(0, COL_ISSUES), self.index(len(self._pairs) - 1, COL_ISSUES)
            )

    def _on_edit(self, edit: Edit, reverted: bool) -> None:
        rows = edit.rows
        if not rows:
            return
        first, last = min(rows), max(rows)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        if _touches_target(edit):
            self.targets_changed.emit(first, last)


def _touches_target(edit: Edit) -> bool:
    if isinstance(edit, SetTarget):
        return True
    if isinstance(edit, Composite):
        return any(_touches_target(e) for e in edit.edits)
    return False


def warning_text(warnings: list[EditWarning]) -> str:
    return " ".join(w.message for w in warnings)
