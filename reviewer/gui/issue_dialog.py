"""The flag-issue dialog: MQM category, severity, status and comment for one segment."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.mqm import CATEGORIES, DIMENSIONS, IssueStatus, Severity, category
from reviewer.gui import labels, theme
from reviewer.gui.markup import esc as _esc


@dataclass(slots=True)
class IssueInput:
    """What the flag-issue dialog returns."""

    category: str
    severity: Severity
    comment: str
    status: IssueStatus = IssueStatus.OPEN
    check_code: str = ""


class FlagIssueDialog(QDialog):
    """MQM category tree, severity and comment: type to filter, arrows to pick, Ctrl+Return."""

    def __init__(
        self, parent: QWidget | None, prefill: IssueInput | None = None, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flagIssueDialog")
        self.setWindowTitle(title or self.tr("Flag issue"))
        self.resize(560, 600)
        self._check_code = prefill.check_code if prefill else ""
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{_esc(title or self.tr('Flag issue'))}</b>", self)
        layout.addWidget(heading)
        if self._check_code:
            source = QLabel(
                self.tr(
                    "Prefilled from the check <code>{code}</code>: adjust the category, "
                    "severity and comment as needed."
                ).format(code=_esc(self._check_code)),
                self,
            )
            source.setWordWrap(True)
            source.setStyleSheet(f"color:{theme.HEADING};")
            layout.addWidget(source)

        self.search = QLineEdit(self)
        self.search.setObjectName("categorySearch")
        self.search.setPlaceholderText(self.tr("Type to filter categories (e.g. omission, punct)…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("categoryTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self._items: dict[str, QTreeWidgetItem] = {}
        for dimension, names in DIMENSIONS.items():
            parent_item = QTreeWidgetItem(self.tree, [labels.mqm_name(dimension)])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for name in names:
                key = next(
                    k for k, c in CATEGORIES.items() if c.dimension == dimension and c.name == name
                )
                child = QTreeWidgetItem(parent_item, [labels.mqm_name(name)])
                child.setData(0, Qt.ItemDataRole.UserRole, key)
                child.setToolTip(0, key)
                self._items[key] = child
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)

        form = QFormLayout()
        self.severity = QComboBox(self)
        self.severity.setObjectName("severityCombo")
        for sev in (Severity.MINOR, Severity.MAJOR, Severity.CRITICAL, Severity.NEUTRAL):
            self.severity.addItem(
                self.tr("{severity} (weight {weight})").format(
                    severity=labels.severity(sev), weight=sev.weight
                ),
                sev,
            )
        form.addRow(self.tr("&Severity:"), self.severity)
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        for st in IssueStatus:
            self.status.addItem(labels.status(st), st)
        form.addRow(self.tr("S&tatus:"), self.status)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("commentEdit")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What is wrong, and the fix you suggest"))
        self.comment.setFixedHeight(90)
        form.addRow(self.tr("&Comment:"), self.comment)
        layout.addLayout(form)

        self.hint = QLabel(self.tr("Ctrl+Return: OK · Esc: cancel"), self)
        self.hint.setStyleSheet(theme.HINT_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            # Return moves between fields; Ctrl+Return (or the button itself) accepts.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.tree.currentItemChanged.connect(self._update_ok)

        if prefill is not None:
            self.set_value(prefill)
        else:
            self.select_category("accuracy/mistranslation")
        self.search.setFocus()
        self._update_ok()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Before the first show the tree has no size, so the earlier scroll left the category
        # at the top edge with its dimension (the half of its name that matters) out of view.
        item = self.tree.currentItem()
        if item is not None:
            parent = item.parent()
            if parent is not None:
                self.tree.scrollToItem(parent, QAbstractItemView.ScrollHint.PositionAtTop)
            self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def set_value(self, value: IssueInput) -> None:
        self.select_category(value.category)
        k = self.severity.findData(value.severity)
        if k >= 0:
            self.severity.setCurrentIndex(k)
        k = self.status.findData(value.status)
        if k >= 0:
            self.status.setCurrentIndex(k)
        self.comment.setPlainText(value.comment)

    def select_category(self, key: str) -> None:
        item = self._items.get(key) or self._items.get(category(key).key)
        if item is None:
            item = self._items["custom/other"]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QTreeWidget.ScrollHint.PositionAtCenter)

    def value(self) -> IssueInput | None:
        item = self.tree.currentItem()
        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not key:
            return None
        return IssueInput(
            key,
            self.severity.currentData(),
            self.comment.toPlainText().strip(),
            self.status.currentData(),
            self._check_code,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus in (
            self.search,
            self.tree,
        ):
            self._first_match()
            return
        if focus is self.search and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.tree.setFocus()
            self.tree.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.value() is None:
            return
        super().accept()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first: QTreeWidgetItem | None = None
        for k in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(k)
            if top is None:
                continue
            top_match = needle in top.text(0).lower()
            any_child = False
            for j in range(top.childCount()):
                child = top.child(j)
                if child is None:
                    continue
                # The English key matches too: reviewers know the MQM names in English.
                key = str(child.data(0, Qt.ItemDataRole.UserRole))
                match = not needle or top_match or needle in f"{child.text(0).lower()} {key}"
                child.setHidden(not match)
                if match:
                    any_child = True
                    if first is None and needle:
                        first = child
            top.setHidden(not any_child)
        current = self.tree.currentItem()
        if first is not None and (current is None or current.isHidden() or current.childCount()):
            self.tree.setCurrentItem(first)

    def _first_match(self) -> None:
        item = self.tree.currentItem()
        if item is not None and not item.isHidden() and item.data(0, Qt.ItemDataRole.UserRole):
            self.comment.setFocus()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.value() is not None)


# The window asks through this function, so tests replace it with an answer.
def ask_issue(
    parent: QWidget | None, prefill: IssueInput | None, title: str = ""
) -> IssueInput | None:
    dialog = FlagIssueDialog(parent, prefill, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()
