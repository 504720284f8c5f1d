"""The words of the user's spelling dictionary: see them, filter them, add and remove them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import word_list
from reviewer.gui import theme

_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class UserWordsEditor(QWidget):
    """The list of the user's dictionary file; every add or remove writes the file at once and
    emits ``changed`` (the window then underlines and checks again), as Poedit and LibreOffice
    edit their user dictionaries outside the settings' OK/Cancel."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userWords")
        self.path = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("userWordsFilter")
        self.filter.setPlaceholderText(self.tr("Filter words…"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setObjectName("userWordsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(self.tr("Delete: remove the selected words from your dictionary"))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()  # typed below the list, as Poedit and LibreOffice place it
        self.word = QLineEdit(self)
        self.word.setObjectName("userWordsNew")
        self.word.setPlaceholderText(self.tr("New word"))
        row.addWidget(self.word, 1)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("userWordsAdd")
        self.add_button.setAutoDefault(False)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remo&ve Selected"), self)
        self.remove_button.setObjectName("userWordsRemove")
        self.remove_button.setAutoDefault(False)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel(self)
        self.note.setObjectName("userWordsNote")
        self.note.setStyleSheet(theme.HINT_STYLE)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)

        self.filter.textChanged.connect(self._filter)
        self.word.textChanged.connect(self._enable)
        self.list.itemSelectionChanged.connect(self._enable)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.filter, self.word, self.list):
            widget.installEventFilter(self)
        self._enable()

    # -- showing -------------------------------------------------------------------------------
    def set_path(self, path: str) -> None:
        """Show the words of this dictionary file (it need not exist yet)."""
        self.path = path
        self._show(word_list.user_word_list(path) if path else [])
        self._say(self._where())
        self._enable()

    def words(self) -> list[str]:
        return [self.list.item(k).text() for k in range(self.list.count())]

    def shown_words(self) -> list[str]:
        """The words the filter lets through."""
        return [w for k, w in enumerate(self.words()) if not self.list.item(k).isHidden()]

    def _show(self, words: list[str], select: str = "", row: int = -1) -> None:
        self.list.clear()
        self.list.addItems(words)
        self._filter(self.filter.text())
        if select in words:
            row = words.index(select)
        if words and row >= 0:
            self.list.setCurrentRow(min(row, len(words) - 1))
            self.list.scrollToItem(self.list.currentItem())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for k in range(self.list.count()):
            item = self.list.item(k)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _where(self) -> str:
        if not self.path:
            return self.tr("No dictionary file is set.")
        n = self.list.count()
        text = self.tr("1 word in {path}") if n == 1 else self.tr("{n} words in {path}")
        return text.format(n=f"{n:,}", path=self.path)

    def _say(self, text: str) -> None:
        self.note.setText(text)

    def _enable(self) -> None:
        self.add_button.setEnabled(bool(self.path and self.word.text().strip()))
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.word.setEnabled(bool(self.path))

    # -- changes -------------------------------------------------------------------------------
    def add_typed(self) -> bool:
        """Add the word typed in the New word field."""
        word = self.word.text().strip()
        if not word or not self.path:
            return False
        if any(c.isspace() for c in word) or word.startswith("#"):
            self._say(self.tr("Type one word, without spaces and not starting with #."))
            return False
        needle = self.filter.text().strip().casefold()
        if needle and needle not in word.casefold():
            self.filter.clear()  # the word is to be seen, not hidden by an old filter
        if word in self.words():
            self._show(self.words(), select=word)
            self._say(self.tr("“{word}” is in your dictionary already.").format(word=word))
            return False
        if not self._write([*self.words(), word]):
            return False
        self.word.clear()
        self._show(sorted({*self.words(), word}), select=word)
        self._say(self.tr("Added “{word}”. {where}").format(word=word, where=self._where()))
        self.changed.emit()
        return True

    def remove_selected(self) -> bool:
        """Take the selected words (those the filter shows) out of the dictionary."""
        rows = sorted(self.list.row(i) for i in self.list.selectedItems() if not i.isHidden())
        if not rows:
            return False
        words = self.words()
        gone = {words[r] for r in rows}
        kept = [w for w in words if w not in gone]
        if not self._write(kept):
            return False
        self._show(kept, row=rows[0])
        self.list.setFocus()
        removed = ", ".join(sorted(gone)) if len(gone) <= 3 else str(len(gone))
        self._say(self.tr("Removed {words}. {where}").format(words=removed, where=self._where()))
        self.changed.emit()
        return True

    def _write(self, words: list[str]) -> bool:
        try:
            word_list.set_user_words(words, self.path)
        except (ValueError, OSError) as exc:
            self._say(self.tr("Your dictionary was not changed: {error}").format(error=exc))
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Return in the fields must not press the dialog's OK; Delete removes from the list.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.word and key in _RETURN:
            self.add_typed()
            return True
        if watched is self.filter and key in _RETURN:
            self.list.setFocus()
            if self.list.currentItem() is None or self.list.currentItem().isHidden():
                shown = [k for k in range(self.list.count()) if not self.list.item(k).isHidden()]
                if shown:
                    self.list.setCurrentRow(shown[0])
            return True
        if watched is self.list and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return True
        return False
