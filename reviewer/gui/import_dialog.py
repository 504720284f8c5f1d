"""File › Import: the preview of an import plan (every change and every rejected unit)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.importing import EXTENSIONS, Change, ImportPlan, Reason, Rejected
from reviewer.core.markup.diff import DELETE, INSERT, token_diff
from reviewer.gui import theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.markup import esc

_C = "ImportPreview"
REASONS = {
    Reason.ID_CHANGED: QT_TRANSLATE_NOOP("ImportPreview", "id not in the article"),
    Reason.SOURCE_CHANGED: QT_TRANSLATE_NOOP("ImportPreview", "source changed"),
    Reason.INVALID_TARGET: QT_TRANSLATE_NOOP("ImportPreview", "target refused"),
    Reason.CODES_LOST: QT_TRANSLATE_NOOP("ImportPreview", "markup codes lost"),
    Reason.CODES_CHANGED: QT_TRANSLATE_NOOP("ImportPreview", "markup codes changed"),
    Reason.FRONT_MATTER: QT_TRANSLATE_NOOP("ImportPreview", "front matter"),
    Reason.CONFLICT: QT_TRANSLATE_NOOP("ImportPreview", "conflicting corrections"),
    Reason.UNREADABLE: QT_TRANSLATE_NOOP("ImportPreview", "unreadable unit"),
}
_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _runs_html(old: str, new: str, side: str) -> str:
    """One side of a diff: the old text with what goes struck out, or the new text with what
    comes highlighted; line breaks show as ↵."""
    removed = (
        f"background-color:{theme.DIFF_REMOVED_BG};color:{theme.DIFF_REMOVED_FG};"
        "text-decoration:line-through;"
    )
    added = f"background-color:{theme.DIFF_ADDED_BG};color:{theme.DIFF_ADDED_FG};"
    skip, mark, style = (INSERT, DELETE, removed) if side == "old" else (DELETE, INSERT, added)
    out: list[str] = []
    for run in token_diff(old, new):
        if run.op == skip:
            continue
        text = esc(run.text).replace("\n", "↵<br>")
        out.append(f'<span style="{style}">{text}</span>' if run.op == mark else text)
    return "".join(out)


def change_html(change: Change, file_name: str) -> str:
    head = QCoreApplication.translate(
        "ImportPreview", "Segment {n} · {id} · {file} line {line}"
    ).format(n=change.row + 1, id=change.id, file=file_name, line=change.line)
    before = QCoreApplication.translate("ImportPreview", "Before")
    after = QCoreApplication.translate("ImportPreview", "After")
    parts = [
        f"<p style='{theme.HEADING_STYLE}'>{esc(head)}</p>",
        f"<p><b>{esc(before)}</b><br>{_runs_html(change.before, change.after, 'old')}</p>",
        f"<p><b>{esc(after)}</b><br>{_runs_html(change.before, change.after, 'new')}</p>",
    ]
    for w in change.warnings:
        parts.append(f"<p>{theme.colored(esc('⚠ ' + w.message), theme.WARN)}</p>")
    return "".join(parts)


def rejected_html(rejected: Rejected, file_name: str) -> str:
    head = QCoreApplication.translate("ImportPreview", "{id} · {file} line {line}").format(
        id=rejected.id or QCoreApplication.translate("ImportPreview", "(no id)"),
        file=file_name,
        line=rejected.line,
    )
    left_out = QCoreApplication.translate(
        "ImportPreview", "This unit is left out; the segment stays as it is."
    )
    return (
        f"<p style='{theme.HEADING_STYLE}'>{esc(head)}</p>"
        f"<p>{theme.colored(esc(_t(REASONS[rejected.reason])), theme.BAD, bold=True)}: "
        f"{esc(rejected.message)}</p>"
        f"<p>{theme.muted(esc(left_out))}</p>"
    )


class ImportPreview(QDialog):
    """What an import would do, before anything changes: tick the changes to take."""

    def __init__(self, parent: QWidget | None, plan: ImportPlan, article: str) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.plan = plan
        self.file_name = os.path.basename(plan.path)
        self.setWindowTitle(self.tr("Import from {file}").format(file=self.file_name))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("<b>{file}</b> ({kind}) into <b>{article}</b>").format(
                file=esc(self.file_name), kind=esc(plan.kind), article=esc(article)
            ),
            self,
        )
        heading.setToolTip(plan.path)
        layout.addWidget(heading)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setText(
            self.tr(
                "{changes} to change · {unchanged} already the same · {rejected} rejected · "
                "{untranslated} without a target"
            ).format(
                changes=len(plan.changes),
                unchanged=plan.unchanged,
                rejected=len(plan.rejected),
                untranslated=plan.untranslated,
            )
        )
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("importTabs")
        self.change_list = self._tree(
            "importChanges",
            [
                self.tr("#"),
                self.tr("ID"),
                self.tr("Line"),
                self.tr("New target"),
                self.tr("Warnings"),
            ],
        )
        self._items: list[QTreeWidgetItem] = []  # the changes, in article order
        for change in sorted(plan.changes, key=lambda c: c.row):
            item = QTreeWidgetItem(
                [
                    str(change.row + 1),
                    change.id,
                    str(change.line),
                    change.after.replace("\n", " ↵ "),
                    "; ".join(w.message for w in change.warnings),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, _ROLE, change)
            item.setToolTip(3, change.after)
            if change.warnings:
                item.setForeground(4, QBrush(QColor(theme.WARN)))
            self.change_list.addTopLevelItem(item)
            self._items.append(item)
        self.rejected_list = self._tree(
            "importRejected", [self.tr("ID"), self.tr("Line"), self.tr("Reason"), self.tr("Why")]
        )
        for rej in sorted(plan.rejected, key=lambda r: r.line):
            item = QTreeWidgetItem(
                [rej.id or self.tr("(no id)"), str(rej.line), _t(REASONS[rej.reason]), rej.message]
            )
            item.setData(0, _ROLE, rej)
            item.setToolTip(3, rej.message)
            item.setForeground(2, QBrush(QColor(theme.BAD)))
            self.rejected_list.addTopLevelItem(item)
        self.tabs.addTab(self.change_list, self.tr("Changes ({n})").format(n=len(plan.changes)))
        self.tabs.addTab(self.rejected_list, self.tr("Rejected ({n})").format(n=len(plan.rejected)))
        self.detail = QTextBrowser(splitter)
        self.detail.setObjectName("importDetail")
        self.detail.setStyleSheet(theme.READONLY_STYLE)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setSizes([360, 220])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.tick_all = QPushButton(self.tr("Tick &All"), self)
        self.tick_none = QPushButton(self.tr("Tick &None"), self)
        for button in (self.tick_all, self.tick_none):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(bool(plan.changes))
        self.tick_all.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        self.tick_none.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not plan.changes:
            cancel.setText(self.tr("Close"))
        self.change_list.itemChanged.connect(lambda *_: self._count())
        for tree in (self.change_list, self.rejected_list):
            tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.tabs.currentChanged.connect(lambda _i: self._show(self._current_tree().currentItem()))
        start = self.change_list if plan.changes else self.rejected_list
        self.tabs.setCurrentWidget(start)
        first = start.topLevelItem(0)
        if first is not None:
            start.setCurrentItem(first)
        start.setFocus()
        self._count()

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels(headers)
        header = tree.header()
        header.setStretchLastSection(False)
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 2, QHeaderView.ResizeMode.Stretch)
        return tree

    def _current_tree(self) -> QTreeWidget:
        changes = self.tabs.currentWidget() is self.change_list
        return self.change_list if changes else self.rejected_list

    def _show(self, item: QTreeWidgetItem | None) -> None:
        value = item.data(0, _ROLE) if item is not None else None
        if isinstance(value, Change):
            self.detail.setHtml(change_html(value, self.file_name))
        elif isinstance(value, Rejected):
            self.detail.setHtml(rejected_html(value, self.file_name))
        else:
            self.detail.clear()

    def _tick(self, state: Qt.CheckState) -> None:
        for item in self._items:
            item.setCheckState(0, state)

    def _count(self) -> None:
        n = len(self.chosen_rows())
        if not self.plan.changes:
            text = self.tr("Nothing to import")
        elif n == 1:
            text = self.tr("&Import 1 target")
        else:
            text = self.tr("&Import {n} targets").format(n=n)
        self.import_button.setText(text)
        self.import_button.setEnabled(n > 0)

    def chosen_rows(self) -> list[int]:
        """Rows of the changes left ticked."""
        return [
            item.data(0, _ROLE).row
            for item in self._items
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def chosen_plan(self) -> ImportPlan:
        return self.plan.only(set(self.chosen_rows()))


def preview_import(parent: QWidget | None, plan: ImportPlan, article: str) -> ImportPlan | None:
    """Show the plan; the plan with the ticked changes, or None when cancelled."""
    dialog = ImportPreview(parent, plan, article)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_plan()


def ask_import_path(parent: QWidget | None, start: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportPreview", "Import targets"),
        start,
        QCoreApplication.translate(
            "ImportPreview",
            "XLIFF files and issue sheets ({patterns});;XLIFF (*.xlf *.xliff);;"
            "Excel workbook (*.xlsx);;CSV (*.csv);;All files (*)",
        ).format(patterns=patterns),
    )
    return path
