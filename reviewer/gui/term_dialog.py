"""The small dialog that adds or edits one glossary term (prefilled from a selection)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui import theme
from reviewer.gui.markup import esc


@dataclass(slots=True)
class TermInput:
    """A term as the dialog returns it."""

    english: str
    dutch: str
    forbidden: list[str] = field(default_factory=list)
    note: str = ""
    admitted: list[str] = field(default_factory=list)  # also acceptable renderings


def split_variants(text: str) -> list[str]:
    """Forbidden variants typed with |, ; or , between them."""
    return [v.strip() for v in text.replace(",", "|").replace(";", "|").split("|") if v.strip()]


def _one_line(text: str) -> str:
    """A selection as a term: its line breaks and runs of spaces become single spaces."""
    return " ".join(text.replace("\u2029", " ").replace("\u2028", " ").split())


class TermDialog(QDialog):
    """English term, required Dutch term, variants also accepted, forbidden variants and a
    note; or a name to keep."""

    def __init__(self, parent: QWidget | None, prefill: TermInput, file_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("termDialog")
        self.setWindowTitle(self.tr("Glossary term"))
        self.resize(520, 0)
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Saved in <b>{file}</b>").format(file=esc(file_name)), self)
        where.setStyleSheet(theme.HINT_STYLE)
        layout.addWidget(where)
        form = QFormLayout()
        self.english = QLineEdit(_one_line(prefill.english), self)
        self.english.setObjectName("termEnglish")
        form.addRow(self.tr("&English term:"), self.english)
        self.keep = QCheckBox(self.tr("Do &not translate (a product or feature name)"), self)
        self.keep.setObjectName("termKeep")
        form.addRow("", self.keep)
        self.dutch = QLineEdit(_one_line(prefill.dutch), self)
        self.dutch.setObjectName("termDutch")
        form.addRow(self.tr("&Dutch term:"), self.dutch)
        self.admitted = QLineEdit(" | ".join(prefill.admitted), self)
        self.admitted.setObjectName("termAdmitted")
        self.admitted.setPlaceholderText(
            self.tr("other renderings that are also correct, | between")
        )
        form.addRow(self.tr("&Also accepted:"), self.admitted)
        self.forbidden = QLineEdit(" | ".join(prefill.forbidden), self)
        self.forbidden.setObjectName("termForbidden")
        self.forbidden.setPlaceholderText(self.tr("variants a translation must not use, | between"))
        form.addRow(self.tr("&Forbidden:"), self.forbidden)
        self.note = QLineEdit(prefill.note, self)
        self.note.setObjectName("termNote")
        form.addRow(self.tr("N&ote:"), self.note)
        layout.addLayout(form)
        hint = QLabel(self.tr("Ctrl+Return or Return: OK · Esc: cancel"), self)
        hint.setStyleSheet(theme.HINT_STYLE)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if prefill.dutch and prefill.dutch == prefill.english:
            self.keep.setChecked(True)
        self.keep.toggled.connect(self._update)
        self.english.textChanged.connect(self._update)
        self.dutch.textChanged.connect(self._update)
        self._update()
        # Start where the typing is: the Dutch term when the English one came from a selection.
        (self.dutch if self.english.text() and not self.dutch.text() else self.english).setFocus()

    def _update(self) -> None:
        keep = self.keep.isChecked()
        if keep:
            self.dutch.setText(self.english.text())
        self.dutch.setReadOnly(keep)
        self.admitted.setEnabled(not keep)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.value() is not None)

    def value(self) -> TermInput | None:
        english = _one_line(self.english.text())
        dutch = english if self.keep.isChecked() else _one_line(self.dutch.text())
        if not english or not dutch:
            return None
        forbidden = split_variants(self.forbidden.text())
        admitted = [] if self.keep.isChecked() else split_variants(self.admitted.text())
        return TermInput(english, dutch, forbidden, self.note.text().strip(), admitted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.value() is not None:
            super().accept()


def ask_term(parent: QWidget | None, prefill: TermInput, file_name: str) -> TermInput | None:
    """Show the term dialog; None when cancelled. Tests replace this function."""
    dialog = TermDialog(parent, prefill, file_name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()
