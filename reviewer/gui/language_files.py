"""The settings page's second tab: the user dictionary and its words, glossaries, name lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.config import USER_DICTIONARY, Config, default_config_path
from reviewer.gui import theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.user_words import UserWordsEditor

GLOSSARY_FILTER = QT_TRANSLATE_NOOP("LanguageFilesPage", "Glossaries (*.csv *.tbx *.xml)")
LIST_FILTER = QT_TRANSLATE_NOOP("LanguageFilesPage", "Name lists (*.txt)")
ALL_FILES = QT_TRANSLATE_NOOP("LanguageFilesPage", "All files (*)")


def ask_file(parent: QWidget | None, title: str, start: str, filters: str, new: bool) -> str:
    """A file to use (``new``: it may not exist yet); "" when cancelled. Tests replace this."""
    if new:
        path, _ = QFileDialog.getSaveFileName(
            parent, title, start, filters, options=QFileDialog.Option.DontConfirmOverwrite
        )
    else:
        path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def _filters(kind: str) -> str:
    """A file dialog's filter line, translated: the kind of file, then every file."""
    return ";;".join(QCoreApplication.translate("LanguageFilesPage", f) for f in (kind, ALL_FILES))


def _folder(config: Config) -> Path:
    return Path(config.path or default_config_path()).parent


def _relative(path: str, folder: Path) -> str:
    """A file in (or under) the config's folder is written relative to it, as users write it."""
    try:
        return str(Path(path).resolve().relative_to(folder.resolve()))
    except ValueError:
        return path


class _FileList(QWidget):
    """A list of files with Add… (and New…) and Remove."""

    changed = Signal()

    def __init__(self, parent: QWidget, name: str, filters: str, can_create: bool) -> None:
        super().__init__(parent)
        self.folder = Path(".")
        self.filters = filters
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName(name)
        self.list.setMinimumHeight(60)
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add = QPushButton(self.tr("Add…"), self)
        self.add.setObjectName(name + "Add")
        buttons.addWidget(self.add)
        self.add.clicked.connect(lambda: self._ask(new=False))
        if can_create:
            create = QPushButton(self.tr("New…"), self)
            create.setObjectName(name + "New")
            create.clicked.connect(lambda: self._ask(new=True))
            buttons.addWidget(create)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setObjectName(name + "Remove")
        remove.clicked.connect(self.remove_current)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_paths(self, paths: list[str], folder: Path) -> None:
        self.folder = folder
        self.list.clear()
        self.list.addItems(paths)

    def paths(self) -> list[str]:
        return [self.list.item(k).text() for k in range(self.list.count())]

    def add_path(self, path: str) -> None:
        shown = _relative(path, self.folder)
        if shown and shown not in self.paths():
            self.list.addItem(shown)
            self.changed.emit()

    def _ask(self, new: bool) -> None:
        title = self.tr("New file") if new else self.tr("Add a file")
        path = ask_file(self, title, str(self.folder), _filters(self.filters), new)
        if path:
            self.add_path(path)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()


class LanguageFilesPage(QWidget):
    """Edits the language-file keys of one config file; ``changed`` after each edit."""

    changed = Signal()

    def __init__(self, parent: QWidget, spelling_note: str) -> None:
        super().__init__(parent)
        self._loading = False
        outer = QHBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form, 5)
        box = QGroupBox(self.tr("&Words in your dictionary"), self)
        box.setObjectName("userWordsBox")
        box.setMinimumWidth(260)
        self.words = UserWordsEditor(box)
        QVBoxLayout(box).addWidget(self.words)
        outer.addWidget(box, 4)
        note = QLabel(spelling_note, self)
        note.setObjectName("spellingNote")
        note.setWordWrap(True)
        note.setStyleSheet(theme.HINT_STYLE)
        form.addRow(self.tr("Spelling:"), note)
        self.dictionary = QLineEdit(self)
        self.dictionary.setObjectName("userDictionary")
        self.dictionary.setPlaceholderText(USER_DICTIONARY)
        self.dictionary.setToolTip(
            self.tr("Words you add from the editor; relative to the settings file's folder")
        )
        form.addRow(self.tr("Your &dictionary:"), self.dictionary)
        self.glossaries = _FileList(self, "glossaryFiles", GLOSSARY_FILTER, can_create=True)
        form.addRow(self.tr("&Glossaries:"), self.glossaries)
        self.names = _FileList(self, "dntFiles", LIST_FILTER, can_create=False)
        form.addRow(self.tr("Do-not-translate &lists:"), self.names)
        self.shipped = QCheckBox(self.tr("Also use Reviewer's own glossary and names"), self)
        self.shipped.setObjectName("shippedTerms")
        self.shipped.setToolTip(
            self.tr(
                "The glossary and product names shipped with Reviewer, mined from Microsoft Docs"
            )
        )
        form.addRow("", self.shipped)
        for signal in (self.glossaries.changed, self.names.changed, self.shipped.toggled):
            signal.connect(self._changed)
        self.dictionary.textEdited.connect(self._changed)

    def show_config(self, config: Config) -> None:
        self._loading = True
        folder = _folder(config)
        self.dictionary.setText(config.user_dictionary)
        self.glossaries.set_paths(list(config.glossaries), folder)
        self.names.set_paths(list(config.do_not_translate), folder)
        self.shipped.setChecked(config.shipped_terms)
        self._loading = False

    def store(self, config: Config) -> None:
        """Put the page's values into ``config`` (the file being edited)."""
        config.user_dictionary = self.dictionary.text().strip()
        config.glossaries = self.glossaries.paths()
        config.do_not_translate = self.names.paths()
        config.shipped_terms = self.shipped.isChecked()
        config.explicit.update(("user_dictionary", "glossaries", "do_not_translate"))
        if not config.shipped_terms:
            config.explicit.add("shipped_terms")

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()
