"""The segment table model: a lazy QAbstractTableModel that reads the session on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from reviewer.core import review_policy
from reviewer.core.edits import Edit, SetTarget
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.markup import has_chips

COL_NUM, COL_ID, COL_SOURCE, COL_TARGET, COL_STATE, COL_ISSUES = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("SegmentModel", "#"),
    QT_TRANSLATE_NOOP("SegmentModel", "ID"),
    QT_TRANSLATE_NOOP("SegmentModel", "Source (EN)"),
    QT_TRANSLATE_NOOP("SegmentModel", "Target (NL)"),
    QT_TRANSLATE_NOOP("SegmentModel", "State"),
    QT_TRANSLATE_NOOP("SegmentModel", "Issues"),
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
ISSUES_ROLE = Qt.ItemDataRole.UserRole + 3  # (open issues, findings) of the row
WORST_ROLE = Qt.ItemDataRole.UserRole + 4  # worst Severity among open issues and findings, or None

# The roles data() answers; Qt asks every cell for ~10 (font, colours, check state...) per paint,
# and turning the rest away at once keeps a paint of the table cheap.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        ROW_ROLE,
        STATE_ROLE,
        ISSUES_ROLE,
        WORST_ROLE,
    }
)
# Everything top-aligned, so a row reads along the first line of its text (made once: an
# enum flag combination costs a Python call per cell otherwise).
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS_EDITABLE = _FLAGS | Qt.ItemFlag.ItemIsEditable

FLAGGED_NOTE = QT_TRANSLATE_NOOP(
    "SegmentModel", "Flagged as an issue: handled. The issue counts in the score and the export."
)


def flagged_note() -> str:
    return QCoreApplication.translate("SegmentModel", FLAGGED_NOTE)


AnyIndex = QModelIndex | QPersistentModelIndex
Submit = Callable[[Edit], bool]  # the edit gateway, as the table's own editor reaches it


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

    headers: tuple[str, ...] = ()  # untranslated (QT_TRANSLATE_NOOP in ``context``)
    context = "SegmentModel"

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return QCoreApplication.translate(self.context, self.headers[section])
        return None


class SegmentModel(HeaderedTableModel):
    """One row per pair; nothing per row is built up front, every cell is read on demand.

    Edits from the table's inline editor go to ``submit`` (the edit gateway); the window tells
    the model about every applied edit through ``on_edit``.
    """

    headers = HEADERS

    def __init__(
        self, session: ReviewSession, submit: Submit, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._submit = submit
        self._pairs = session.doc.pairs
        self._reviews = session.reviews
        self._state_icons = {s: dot_icon(c) for s, c in theme.STATE_COLORS.items()}
        self._muted = QBrush(QColor(theme.MUTED))

    # -- Qt overrides --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS_EDITABLE if index.column() == COL_TARGET else _FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._pairs):
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            return self._display(row, col)
        if role == ROW_ROLE:
            return row
        if role == STATE_ROLE:
            return self._reviews[row].state
        if role == ISSUES_ROLE:
            return self.row_issues(row)
        if role == WORST_ROLE:
            return review_policy.worst_severity(self.session, row)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE:
            return self._state_icons[self._reviews[row].state]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_NUMBER if col == COL_NUM else _ALIGN_TEXT
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_NUM, COL_ID):
            return self._muted
        return None

    def _display(self, row: int, col: int) -> str | None:
        if col == COL_TARGET:
            return self._pairs[row].target
        if col == COL_SOURCE:
            return self._pairs[row].source
        if col == COL_NUM:
            return str(row + 1)
        if col == COL_ID:
            return self._pairs[row].id
        if col == COL_STATE:
            return labels.state(self._reviews[row].state)
        if col == COL_ISSUES:
            return self.issue_summary(row)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_TARGET:
            return False
        if role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        return self._submit(SetTarget(row=index.row(), new_target=value))

    # -- reading ---------------------------------------------------------------------
    def row_issues(self, row: int) -> tuple[list[Any], list[Any]]:
        return review_policy.row_issues(self.session, row)

    def issue_summary(self, row: int) -> str:
        issues, findings = self.row_issues(row)
        parts = []
        if issues:
            n = len(issues)
            parts.append(self.tr("1 issue") if n == 1 else self.tr("{n} issues").format(n=n))
        if findings:
            n = len(findings)
            parts.append(self.tr("1 check") if n == 1 else self.tr("{n} checks").format(n=n))
        return ", ".join(parts)

    def _tooltip(self, row: int, col: int) -> str | None:
        if col == COL_ISSUES:
            issues, findings = self.row_issues(row)
            lines = [
                f"{labels.severity(i.severity)}: {labels.category_label(i.category)} "
                f"{i.comment}".strip()
                for i in issues
            ]
            lines += [
                f"{labels.level(f.level)}: {labels.check_title(f.title)} — {f.message}"
                for f in findings
            ]
            return "\n".join(lines) or None
        if col == COL_STATE:
            review = self._reviews[row]
            if review.changed_by:
                return self.tr("{state} by {who} at {when}").format(
                    state=labels.state(review.state), who=review.changed_by, when=review.changed_at
                )
        if col == COL_ID:
            return self.tr("line {line}").format(line=self._pairs[row].line)
        if col in (COL_SOURCE, COL_TARGET):
            text = self._display(row, col) or ""
            return text if has_chips(text) else None  # the chips' full text
        return None

    # -- told by the window ------------------------------------------------------------
    def notify_checks_ready(self, rows: list[int] | None = None) -> None:
        """Check results are in: for every row, or for ``rows`` (those checked first)."""
        first, last = (min(rows), max(rows)) if rows else (0, len(self._pairs) - 1)
        if self._pairs:
            self.dataChanged.emit(self.index(first, COL_ISSUES), self.index(last, COL_ISSUES))

    def on_edit(self, rows: tuple[int, ...]) -> None:
        if rows:
            first, last = min(rows), max(rows)
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
