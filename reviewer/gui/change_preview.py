"""A preview of planned target changes: every change with its before and after marked, a box
to leave it out, and why a refused one cannot be made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.markup.diff import token_diff
from reviewer.core.project import Change, ChangeSet
from reviewer.gui import theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.markup import esc
from reviewer.gui.model import AnyIndex, HeaderedTableModel
from reviewer.gui.rich_delegate import HTML_ROLE, RichTextDelegate

COL_USE, COL_FILE, COL_NUM, COL_BEFORE, COL_AFTER, COL_NOTE = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ChangesModel", "Apply"),
    QT_TRANSLATE_NOOP("ChangesModel", "Article"),
    QT_TRANSLATE_NOOP("ChangesModel", "#"),
    QT_TRANSLATE_NOOP("ChangesModel", "Before"),
    QT_TRANSLATE_NOOP("ChangesModel", "After"),
    QT_TRANSLATE_NOOP("ChangesModel", "Note"),
)
CONTEXT = 70  # characters shown before the first change of a long target
WIDTH = 260  # characters shown of a long target


def before_after_html(before: str, after: str) -> tuple[str, str]:
    """The two texts as rich text, what goes struck through in red, what comes in green; a
    long text is cut to a window around its first change."""
    runs = token_diff(before, after)
    first = 0
    for op, text in runs:
        if op != "equal":
            break
        first += len(text)
    lo = max(0, first - CONTEXT)
    removed = (
        f"background-color:{theme.DIFF_REMOVED_BG};color:{theme.DIFF_REMOVED_FG};"
        "text-decoration:line-through;"
    )
    added = f"background-color:{theme.DIFF_ADDED_BG};color:{theme.DIFF_ADDED_FG};"
    sides: list[str] = []
    for keep, style in (("delete", removed), ("insert", added)):
        out: list[str] = ["…"] if lo else []
        pos = 0
        for op, text in runs:
            if op not in ("equal", keep):
                continue
            start, end = pos, pos + len(text)
            pos = end
            a, b = max(start, lo), min(end, lo + WIDTH)
            if a >= b:
                continue
            piece = esc(text[a - start : b - start]).replace("\n", "↵<br>")
            out.append(piece if op == "equal" else f"<span style='{style}'>{piece}</span>")
        if pos > lo + WIDTH:
            out.append("…")
        sides.append("".join(out))
    return sides[0], sides[1]


class ChangesModel(HeaderedTableModel):
    """The changes of a plan; refused ones cannot be ticked, risky ones start unticked."""

    headers = HEADERS
    context = "ChangesModel"
    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Change] = []
        self.ticked: list[bool] = []
        self._html: dict[int, tuple[str, str]] = {}

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.ticked = [c.applicable and not c.warnings for c in self.changes]
        self._html = {}
        self.endResetModel()
        self.ticks_changed.emit()

    def chosen(self) -> list[Change]:
        return [c for c, on in zip(self.changes, self.ticked, strict=True) if on and c.applicable]

    def set_all(self, on: bool) -> None:
        self.ticked = [on and c.applicable for c in self.changes]
        if self.changes:
            self.dataChanged.emit(
                self.index(0, COL_USE), self.index(len(self.changes) - 1, COL_USE)
            )
        self.ticks_changed.emit()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_USE and self.changes[index.row()].applicable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        k, col = index.row(), index.column()
        c = self.changes[k]
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_USE:
            return Qt.CheckState.Checked if self.ticked[k] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "",
                c.rel,
                str(c.number),
                c.before,
                c.after,
                self._note(c),
            )[col]
        if role == HTML_ROLE and col in (COL_BEFORE, COL_AFTER):
            if k not in self._html:
                self._html[k] = before_after_html(c.before, c.after)
            return self._html[k][col - COL_BEFORE]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_BEFORE:
                return c.before
            if col == COL_AFTER:
                return c.after
            if col == COL_NOTE:
                return self._note(c) or None
            if col == COL_FILE:
                return f"{c.rel} · {c.pair_id}" if c.rel else c.pair_id
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_NOTE:
            return QBrush(QColor(theme.BAD if c.refused else theme.WARN))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if col == COL_NUM else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        return None

    @staticmethod
    def _note(c: Change) -> str:
        if c.refused:
            return QCoreApplication.translate("ChangesModel", "Refused: {reason}").format(
                reason=c.refused
            )
        if c.warnings:
            return QCoreApplication.translate(
                "ChangesModel", "Tick to apply anyway: {warnings}"
            ).format(warnings=" ".join(c.warnings))
        return ""

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_USE:
            return False
        k = index.row()
        if not self.changes[k].applicable:
            return False
        self.ticked[k] = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.dataChanged.emit(index, index)
        self.ticks_changed.emit()
        return True


def changes_table(model: ChangesModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("changesTable")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setStyleSheet(theme.TABLE_STYLE)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    delegate = RichTextDelegate(view, wrap=True)
    view.setItemDelegateForColumn(COL_BEFORE, delegate)
    view.setItemDelegateForColumn(COL_AFTER, delegate)
    header = view.horizontalHeader()
    for col, width in ((COL_USE, 52), (COL_FILE, 200), (COL_NUM, 44), (COL_NOTE, 160)):
        header.resizeSection(col, width)
    header.setSectionResizeMode(COL_BEFORE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COL_AFTER, QHeaderView.ResizeMode.Stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return view


def summary_text(plan: ChangeSet, chosen: int) -> str:
    n = len(plan.changes)
    text = QCoreApplication.translate("ChangesModel", "{n} changes in {m} articles").format(
        n=f"{n:,}", m=f"{len(plan.articles()):,}"
    )
    if plan.refused:
        text += " · " + QCoreApplication.translate("ChangesModel", "{n} refused").format(
            n=f"{len(plan.refused):,}"
        )
    if plan.warned:
        text += " · " + QCoreApplication.translate("ChangesModel", "{n} with warnings").format(
            n=f"{len(plan.warned):,}"
        )
    return (
        text
        + " · "
        + QCoreApplication.translate("ChangesModel", "{n} ticked").format(n=f"{chosen:,}")
    )


class ChangesDialog(QDialog):
    """Preview of a plan for other articles (the same fix for a repeated source): tick what to
    change, then Apply; the change is undone as one step from the project view."""

    def __init__(self, parent: QWidget | None, plan: ChangeSet, intro: str) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(plan.label)
        self.plan = plan
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.model = ChangesModel(self)
        self.table = changes_table(self.model, self)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("changesSummary")
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = QPushButton(self)
        self.ok.setObjectName("changesApply")
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.ticks_changed.connect(self._update)
        self.model.set_changes(plan.changes)
        self.resize(1000, 520)

    def _update(self) -> None:
        n = len(self.model.chosen())
        self.summary.setText(summary_text(self.plan, n))
        self.ok.setText(self.tr("Apply {n}").format(n=f"{n:,}"))
        self.ok.setEnabled(n > 0)

    def chosen(self) -> ChangeSet:
        return ChangeSet(self.plan.label, self.model.chosen())


def ask_changes(parent: QWidget | None, plan: ChangeSet, intro: str) -> ChangeSet | None:
    """The ticked changes of ``plan``, or None when cancelled (tests replace this)."""
    dialog = ChangesDialog(parent, plan, intro)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()
