"""The project list: one row per article (a table model), its sort and filter proxy, and the
delegate that paints the approved share as a bar."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reviewer.core.mqm import Severity
from reviewer.core.project import ArticleRow, ProjectFilter, sort_key
from reviewer.core.project.listing import COLUMN_KEYS
from reviewer.core.project.records import SEVERITIES, STATES
from reviewer.gui import labels, theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.model import AnyIndex, HeaderedTableModel

# The core's columns (listing.COLUMNS), in its order, with headers for the translator.
HEADERS: dict[str, str] = {
    "path": QT_TRANSLATE_NOOP("ProjectModel", "Path"),
    "title": QT_TRANSLATE_NOOP("ProjectModel", "Title"),
    "type": QT_TRANSLATE_NOOP("ProjectModel", "Type"),
    "segments": QT_TRANSLATE_NOOP("ProjectModel", "Segments"),
    "words": QT_TRANSLATE_NOOP("ProjectModel", "Words"),
    "unreviewed": QT_TRANSLATE_NOOP("ProjectModel", "Unreviewed"),
    "edited": QT_TRANSLATE_NOOP("ProjectModel", "Edited"),
    "needs-work": QT_TRANSLATE_NOOP("ProjectModel", "Needs work"),
    "reviewed": QT_TRANSLATE_NOOP("ProjectModel", "Reviewed"),
    "approved": QT_TRANSLATE_NOOP("ProjectModel", "Approved"),
    "progress": QT_TRANSLATE_NOOP("ProjectModel", "Approved %"),
    "issues": QT_TRANSLATE_NOOP("ProjectModel", "Open issues"),
    "errors": QT_TRANSLATE_NOOP("ProjectModel", "Errors"),
    "warnings": QT_TRANSLATE_NOOP("ProjectModel", "Warnings"),
    "score": QT_TRANSLATE_NOOP("ProjectModel", "MQM"),
    "result": QT_TRANSLATE_NOOP("ProjectModel", "Result"),
    "last-reviewed": QT_TRANSLATE_NOOP("ProjectModel", "Last reviewed"),
    "reviewer": QT_TRANSLATE_NOOP("ProjectModel", "By"),
}
assert tuple(HEADERS) == COLUMN_KEYS, "the project view shows every column of the core"
KEYS = COLUMN_KEYS
COL = {key: k for k, key in enumerate(KEYS)}
_STATE_COLS = {COL[s.value]: k for k, s in enumerate(STATES)}
_NUMERIC = {"segments", "words", "progress", "issues", "errors", "warnings", "score"} | {
    s.value for s in STATES
}
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the ArticleRow
_SEVERITY_SHORT = {
    Severity.NEUTRAL: QT_TRANSLATE_NOOP("ProjectModel", "neutral"),
    Severity.MINOR: QT_TRANSLATE_NOOP("ProjectModel", "minor"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("ProjectModel", "major"),
    Severity.CRITICAL: QT_TRANSLATE_NOOP("ProjectModel", "critical"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ProjectModel", text)


def local_time(iso: str) -> str:
    """An ISO 8601 UTC stamp as the user's local date and time, to the minute."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def issues_text(open_issues: tuple[int, ...]) -> str:
    """Open issues per severity, worst first: "3 (1 critical, 2 minor)", or "2 major"."""
    parts = [
        (n, _t(_SEVERITY_SHORT[sev]))
        for sev, n in reversed(list(zip(SEVERITIES, open_issues, strict=True)))
        if n
    ]
    if not parts:
        return ""
    if len(parts) == 1:
        return f"{parts[0][0]} {parts[0][1]}"
    return f"{sum(open_issues)} ({', '.join(f'{n} {label}' for n, label in parts)})"


def _worst(row: ArticleRow) -> Severity | None:
    for sev, n in reversed(list(zip(SEVERITIES, row.open_issues, strict=True))):
        if n:
            return sev
    return None


class ProjectModel(HeaderedTableModel):
    """One row per article of the project, from the core's ``ArticleRow`` snapshots. A new
    snapshot repaints only the rows that changed, so selection and scrolling stay."""

    headers = tuple(HEADERS.values())
    context = "ProjectModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleRow] = []
        self._keys: dict[str, list[Any]] = {}  # column key -> sort value per row (lazy)

    def set_rows(self, rows: list[ArticleRow]) -> None:
        old = self.rows
        if [r.rel for r in old] != [r.rel for r in rows]:
            self.beginResetModel()
            self.rows = list(rows)
            self._keys = {}
            self.endResetModel()
            return
        changed = [k for k, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
        self.rows = list(rows)
        if not changed:
            return
        self._keys = {}
        last = len(KEYS) - 1
        # One signal per run of changed rows: a check batch changes hundreds at once.
        start = prev = changed[0]
        for k in [*changed[1:], -1]:
            if k != prev + 1:
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last))
                start = k
            prev = k

    def row_at(self, k: int) -> ArticleRow:
        return self.rows[k]

    def find(self, rel: str) -> int:
        for k, row in enumerate(self.rows):
            if row.rel == rel:
                return k
        return -1

    def sort_value(self, k: int, key: str) -> Any:
        values = self._keys.get(key)
        if values is None:
            values = self._keys[key] = [sort_key(r, key) for r in self.rows]
        return values[k]

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key, index.column())
        if role == ARTICLE_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if key in _NUMERIC else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._color(row, key)
            return QBrush(QColor(color)) if color else None
        return None

    def _display(self, row: ArticleRow, key: str, col: int) -> str:
        if key == "path":
            return row.rel
        if row.error:
            return self.tr("unreadable") if key == "result" else ""
        if key == "title":
            return row.title
        if key == "type":
            return row.translation_type
        if key == "segments":
            return f"{row.pairs:,}"
        if key == "words":
            return f"{row.words:,}"
        if col in _STATE_COLS:
            return f"{row.states[_STATE_COLS[col]]:,}"
        if key == "progress":
            return f"{row.approved_ratio * 100:.0f}%"
        if key == "issues":
            return issues_text(row.open_issues)
        if key in ("errors", "warnings"):
            value = row.errors if key == "errors" else row.warnings
            return "…" if value is None else f"{value:,}"
        if key == "score":
            return f"{row.score.score:.1f}"
        if key == "result":
            return self.tr("Pass") if row.passed else self.tr("Fail")
        if key == "last-reviewed":
            return local_time(row.last_at)
        if key == "reviewer":
            return row.last_by
        return ""

    def _color(self, row: ArticleRow, key: str) -> str:
        if row.error:
            return theme.BAD
        if key == "result":
            return theme.GOOD if row.passed else theme.BAD
        if key == "issues":
            worst = _worst(row)
            return theme.SEVERITY_COLORS[worst] if worst is not None else ""
        if key == "errors" and row.errors:
            return theme.BAD
        if key == "warnings" and row.warnings:
            return theme.WARN
        if key in ("errors", "warnings") and row.findings is None:
            return theme.SUBTLE
        if key in _NUMERIC and key != "progress" and self._display(row, key, COL[key]) in ("0", ""):
            return theme.SUBTLE
        return ""

    def _tooltip(self, row: ArticleRow, key: str) -> str | None:
        if row.error:
            return row.error
        if key == "path" and row.sidecar_error:
            return self.tr("Review data unreadable, shown as unreviewed: {error}").format(
                error=row.sidecar_error
            )
        if key in ("path", "title"):
            return f"{row.rel}\n{row.title}" if row.title else row.rel
        if key == "progress":
            return QCoreApplication.translate(
                "ProjectModel",
                "{approved:,} of {n:,} segments approved; {done:.0f}% reviewed or approved",
            ).format(approved=row.approved, n=row.pairs, done=row.finished_ratio * 100)
        if key == "issues" and row.open_issue_count:
            return ", ".join(
                f"{n} {_t(_SEVERITY_SHORT[sev])}"
                for sev, n in zip(SEVERITIES, row.open_issues, strict=True)
                if n
            )
        if key in ("errors", "warnings") and row.findings is None:
            return self.tr("Checks not run yet on this article; they fill in in the background.")
        if key == "score":
            return self.tr("MQM score {score:.1f} (pass mark {threshold:g}); {verdict}").format(
                score=row.score.score,
                threshold=row.score.threshold,
                verdict=labels.verdict(row.verdict),
            )
        return None


class ProjectProxy(QSortFilterProxyModel):
    """Sorts by the core's sort key of a column and filters with a ``ProjectFilter``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = ProjectFilter()
        self.setDynamicSortFilter(True)

    def project_model(self) -> ProjectModel:
        model = self.sourceModel()
        assert isinstance(model, ProjectModel)
        return model

    def set_filter(self, spec: ProjectFilter) -> None:
        self.beginFilterChange()
        self.spec = spec
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self.spec.matches(self.project_model().row_at(source_row))

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.project_model()
        key = KEYS[left.column()]
        value: bool = model.sort_value(left.row(), key) < model.sort_value(right.row(), key)
        return value

    def rels(self) -> list[str]:
        """The articles shown, in the order shown."""
        model = self.project_model()
        return [
            model.row_at(self.mapToSource(self.index(k, 0)).row()).rel
            for k in range(self.rowCount())
        ]


class ProgressDelegate(QStyledItemDelegate):
    """The "Approved %" cell as a bar: approved, then reviewed in a lighter shade."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = index.data(ARTICLE_ROLE)
        if not isinstance(row, ArticleRow) or row.error:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = QRectF(opt.rect.adjusted(3, 4, -3, -4))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.PROGRESS_TRACK))
        painter.drawRoundedRect(rect, 3, 3)
        approved = row.approved_ratio
        finished = row.finished_ratio
        if finished > approved:
            done = QRectF(rect)
            done.setWidth(rect.width() * finished)
            painter.setBrush(QColor(theme.PROGRESS_REVIEWED))
            painter.drawRoundedRect(done, 3, 3)
        if approved > 0:
            bar = QRectF(rect)
            bar.setWidth(rect.width() * approved)
            painter.setBrush(QColor(theme.PROGRESS_APPROVED))
            painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(QColor(theme.PROGRESS_TEXT))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"{approved * 100:.0f}%")
        painter.restore()
