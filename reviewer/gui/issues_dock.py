"""The issues dock (F8): every issue, check result and parse warning in the file."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding, Level
from reviewer.core.format import ParseWarning
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.model import AnyIndex, HeaderedTableModel, flagged_note


@dataclass(frozen=True, slots=True)
class Entry:
    row: int  # -1 for parse warnings: they sit outside every pair and are not editable
    where: str
    kind: str  # "issue", "check", "parse"
    severity: str
    color: str
    title: str
    message: str
    flagged: bool = False  # a check result already raised as an issue: handled, shown greyed


HEADERS = (
    QT_TRANSLATE_NOOP("IssuesModel", "#"),
    QT_TRANSLATE_NOOP("IssuesModel", "Where"),
    QT_TRANSLATE_NOOP("IssuesModel", "Kind"),
    QT_TRANSLATE_NOOP("IssuesModel", "Severity"),
    QT_TRANSLATE_NOOP("IssuesModel", "What"),
    QT_TRANSLATE_NOOP("IssuesModel", "Detail"),
)


# What a parse warning means for editing, by its code; the rest are outside every segment.
_PARSE_NOTES = {
    "duplicate-id": QT_TRANSLATE_NOOP(
        "IssuesModel",
        "Both segments with this id are rows of the table and can be edited; their review data "
        "is told apart by their order in the file.",
    ),
    "front-matter": QT_TRANSLATE_NOOP(
        "IssuesModel", "The front matter is kept exactly as it is; fix it in a text editor."
    ),
}
_OUTSIDE = QT_TRANSLATE_NOOP(
    "IssuesModel", "This text is outside every segment and cannot be edited here."
)


def _parse_note(entry: Entry) -> str:
    return _PARSE_NOTES.get(entry.title, _OUTSIDE)


class IssuesModel(HeaderedTableModel):
    headers = HEADERS
    context = "IssuesModel"

    def __init__(self) -> None:
        super().__init__()
        self.entries: Sequence[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(e.row + 1) if e.row >= 0 else "—",
                e.where,
                labels.kind(e.kind),
                self.tr("{level} · flagged").format(level=e.severity) if e.flagged else e.severity,
                e.title,
                e.message.replace("\n", " "),
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.flagged:
                return QBrush(QColor(theme.FLAGGED_COLOR))
            if col == 3:
                return QBrush(QColor(e.color))
            if e.kind == "parse":
                return QBrush(QColor(theme.PARSE_WARNING))
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.kind == "parse":
                return f"{e.message}\n{QCoreApplication.translate('IssuesModel', _parse_note(e))}"
            if e.flagged:
                return f"{e.message}\n{flagged_note()}"
            return e.message
        if role == Qt.ItemDataRole.UserRole:
            return e.row
        return None


class Entries(Sequence[Entry]):
    """Every entry of an article, in order: parse warnings, then per row its open issues and
    its check results. A check result's Entry is made when a row of the list first asks for
    it (the dock shows a handful; a large article has thousands); the counts are exact."""

    def __init__(
        self,
        warnings: list[Entry],
        rows: list[tuple[int, str, list[Entry], list[Finding], frozenset[str]]],
    ) -> None:
        self._rows = rows  # (row, id, issue entries, check results, codes flagged as issues)
        self._starts: list[int] = []  # position of each row's first entry
        at = len(warnings)
        self.issues = self.checks = self.flagged = 0
        for _row, _id, issues, found, flagged in rows:
            self._starts.append(at)
            at += len(issues) + len(found)
            self.issues += len(issues)
            self.checks += len(found)
            if flagged:
                self.flagged += sum(1 for f in found if f.code in flagged)
        self.parse = len(warnings)
        self._made: dict[int, Entry] = dict(enumerate(warnings))
        self._length = at

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> Entry: ...
    @overload
    def __getitem__(self, k: slice) -> list[Entry]: ...
    def __getitem__(self, k: int | slice) -> Entry | list[Entry]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(self._length))]
        if k < 0:
            k += self._length
        if not 0 <= k < self._length:
            raise IndexError(k)
        made = self._made.get(k)
        if made is None:
            made = self._make(k)
            self._made[k] = made
        return made

    def _make(self, k: int) -> Entry:
        n = bisect.bisect_right(self._starts, k) - 1
        row, pair_id, issues, found, flagged = self._rows[n]
        offset = k - self._starts[n]
        if offset < len(issues):
            return issues[offset]
        f = found[offset - len(issues)]
        return Entry(
            row,
            pair_id,
            "check",
            labels.level(f.level),
            theme.LEVEL_COLORS[f.level],
            labels.check_title(f.title),
            f.message,
            f.code in flagged,
        )


def collect(session: ReviewSession, warnings: list[ParseWarning]) -> Entries:
    parse = [
        Entry(
            -1,
            QCoreApplication.translate("IssuesModel", "line {line}:{column}").format(
                line=w.line, column=w.column
            ),
            "parse",
            labels.level(Level.WARNING),
            theme.PARSE_WARNING,
            w.code,
            w.message,
        )
        for w in warnings
    ]
    ids = session.doc.pairs.ids()  # strings only: no pair is built for the list
    ready = session.checks_ready
    rows: list[tuple[int, str, list[Entry], list[Finding], frozenset[str]]] = []
    # Rows with no record and no finding have nothing to list: their records stay unmade.
    for row in session.rows_to_report():
        review = session.reviews.peek(row)
        issues: list[Entry] = []
        flagged: frozenset[str] = frozenset()
        if review is not None and review.issues:
            issues = [
                Entry(
                    row,
                    ids[row],
                    "issue",
                    labels.severity(issue.severity),
                    theme.SEVERITY_COLORS[issue.severity],
                    labels.category_label(issue.category),
                    issue.comment,
                )
                for issue in review.issues
                if issue.is_open
            ]
            flagged = frozenset(session.flagged_codes(row))
        found = session.findings(row) if ready else []
        if issues or found:
            rows.append((row, ids[row], issues, found, flagged))
    return Entries(parse, rows)


class IssuesDock(QDockWidget):
    """Lists everything to look at; the table follows the current entry, Return jumps to it."""

    follow_requested = Signal(int)  # source row: show it, keyboard focus stays in the dock
    jump_requested = Signal(int)  # source row: show it and move focus to the segments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issues and checks"))
        self.setObjectName("issuesDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        bar = QHBoxLayout()
        self.kind = QComboBox(body)
        self.kind.setObjectName("issuesKindFilter")
        for label, value in (
            (self.tr("Everything"), ""),
            (self.tr("Issues"), "issue"),
            (self.tr("Check results"), "check"),
            (self.tr("Parse warnings"), "parse"),
        ):
            self.kind.addItem(label, value)
        self.summary = QLabel(body)
        self.summary.setObjectName("issuesSummary")
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.kind)
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        self.model = IssuesModel()
        self.view = QTableView(body)
        self.view.setObjectName("issuesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Kinds and "warning · flagged" whole, in the window's language.
        fm = self.view.fontMetrics()
        flagged = QCoreApplication.translate("IssuesModel", "{level} · flagged")
        kind = max(fm.horizontalAdvance(labels.kind(k)) for k in ("issue", "check", "parse"))
        level = fm.horizontalAdvance(flagged.format(level=labels.level(Level.WARNING)))
        for col, width in enumerate((50, 90, max(55, kind + 14), max(120, level + 14), 270)):
            self.view.setColumnWidth(col, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        self.setWidget(body)
        self._all: Sequence[Entry] = []
        self.kind.currentIndexChanged.connect(self._apply_kind)
        # Arrow keys and clicks walk the list while the table follows; activation (Return or a
        # double-click) is the "take me there" gesture that hands focus to the segments.
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)

    def set_entries(self, entries: Entries | list[Entry], checks_ready: bool = True) -> None:
        self._all = entries
        self._apply_kind()
        if isinstance(entries, Entries):
            issues, checks, flagged = entries.issues, entries.checks, entries.flagged
            parse = entries.parse
        else:
            issues = sum(1 for e in entries if e.kind == "issue")
            checks = sum(1 for e in entries if e.kind == "check")
            flagged = sum(1 for e in entries if e.flagged)
            parse = sum(1 for e in entries if e.kind == "parse")
        open_issues = (
            self.tr("1 open issue") if issues == 1 else self.tr("{n} open issues")
        ).format(n=f"{issues:,}")
        results = (
            self.tr("1 check result") if checks == 1 else self.tr("{n} check results")
        ).format(n=f"{checks:,}")
        text = f"{open_issues} · {results}"
        if flagged:
            text += " " + self.tr("({n} flagged)").format(n=f"{flagged:,}")
        if not checks_ready:
            text = f"{open_issues} · " + self.tr("checks running…")
        if parse:
            warnings = (
                self.tr("1 parse warning (not editable)")
                if parse == 1
                else self.tr("{n} parse warnings (not editable)")
            ).format(n=f"{parse:,}")
            text += f" · <span style='color:{theme.PARSE_WARNING}'>{warnings}</span>"
        self.summary.setText(text)

    def _apply_kind(self) -> None:
        kind = self.kind.currentData()
        # Everything: the list as it is (its entries are made as they are shown).
        self.model.set_entries([e for e in self._all if e.kind == kind] if kind else self._all)

    def _source_row(self, index: QModelIndex) -> int:
        row = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        return row if isinstance(row, int) else -1

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._source_row(current)
        if row >= 0:
            self.follow_requested.emit(row)

    def _activated(self, index: QModelIndex) -> None:
        row = self._source_row(index)
        if row >= 0:
            self.jump_requested.emit(row)
