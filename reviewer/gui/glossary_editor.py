"""The glossary editor: a dock to view, filter, add, edit and remove a glossary file's terms."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks.glossary import (
    Glossary,
    GlossaryError,
    Term,
    load_glossary,
    save_glossary,
)
from reviewer.gui import theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.line_edits import clear_button_when_typed

if TYPE_CHECKING:
    from reviewer.gui.term_dialog import TermInput

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = (
    (QT_TRANSLATE_NOOP("GlossaryModel", "English"), "english"),
    (QT_TRANSLATE_NOOP("GlossaryModel", "Dutch (required)"), "dutch"),
    (QT_TRANSLATE_NOOP("GlossaryModel", "Also accepted"), "admitted"),
    (QT_TRANSLATE_NOOP("GlossaryModel", "Forbidden variants"), "forbidden"),
    (QT_TRANSLATE_NOOP("GlossaryModel", "Note"), "note"),
)
MAX_COLUMN = 280  # a long term or note does not push the other columns out of sight


def _as_input(term: Term, english: str = "") -> TermInput:
    """A term as the dialog edits it (``english``: with that English text instead)."""
    from reviewer.gui.term_dialog import TermInput

    return TermInput(
        english or term.english, term.dutch, list(term.forbidden), term.note, list(term.admitted)
    )


class GlossaryModel(QAbstractTableModel):
    """The terms of one glossary; an edited cell changes the term (and the file is saved)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glossary = Glossary()

    def set_glossary(self, glossary: Glossary) -> None:
        self.beginResetModel()
        self.glossary = glossary
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.glossary.terms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def _text(self, row: int, column: int) -> str:
        term = self.glossary.terms[row]
        key = COLUMNS[column][1]
        if key in ("forbidden", "admitted"):
            return " | ".join(getattr(term, key))
        return str(getattr(term, key))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and self.glossary.terms[index.row()].keep_english:
            return self.tr("A do-not-translate name: the Dutch text is the English one")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, key = index.row(), COLUMNS[index.column()][1]
        term = self.glossary.terms[row]
        text = str(value).strip()
        if key in ("english", "dutch") and not text:
            return False  # a term needs both; the old text stays
        if key == "english":
            if text != term.english:
                self.put(row, _as_input(term, english=text))
            return True
        # The glossary finds terms by their English text only: the rest changes in place.
        if key in ("forbidden", "admitted"):
            from reviewer.gui.term_dialog import split_variants

            setattr(term, key, split_variants(text))
        else:
            setattr(term, key, text)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def put(self, row: int, value: TermInput) -> int:
        """Replace the term at ``row`` (-1: add one); returns the row it is at now."""
        glossary = self.glossary
        self.beginResetModel()
        if row >= 0:
            glossary.remove(glossary.terms[row].english)
        same = value.english.lower()
        existing = next((k for k, t in enumerate(glossary.terms) if t.english.lower() == same), -1)
        term = glossary.add(value.english, value.dutch, value.forbidden, value.note, value.admitted)
        # Glossary.add appends: the term goes back to the edited (or replaced) term's place.
        terms = glossary.terms
        terms.remove(term)
        at = row if row >= 0 else existing if existing >= 0 else len(terms)
        terms.insert(min(at, len(terms)), term)
        self.endResetModel()
        self.edited.emit()
        return terms.index(term)

    def remove_rows(self, rows: list[int]) -> None:
        names = [self.glossary.terms[r].english for r in rows]
        self.beginResetModel()
        for name in names:
            self.glossary.remove(name)
        self.endResetModel()
        self.edited.emit()


class GlossaryDock(QDockWidget):
    """Edits one glossary file at a time (CSV or TBX, by its extension); every change is
    written at once, atomically, and announced with ``changed`` so the term checks run again."""

    changed = Signal(str)  # the file written
    message = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Glossary"), parent)
        self.setObjectName("glossaryEditor")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        top = QHBoxLayout()
        self.files = QComboBox(body)
        self.files.setObjectName("glossaryFile")
        self.files.setToolTip(self.tr("The glossary file to edit (set the list in Check Settings)"))
        top.addWidget(self.files, 2)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("glossaryFilter")
        self.filter.setPlaceholderText(self.tr("Filter terms…"))
        clear_button_when_typed(self.filter)
        top.addWidget(self.filter, 2)
        self.add_button = QPushButton(self.tr("&Add…"), body)
        self.add_button.setObjectName("glossaryAdd")
        self.remove_button = QPushButton(self.tr("&Remove"), body)
        self.remove_button.setObjectName("glossaryRemove")
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout.addLayout(top)
        self.model = GlossaryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView(body)
        self.view.setObjectName("glossaryTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        # Compact rows: the dock shares the window's bottom with the issues, a few rows high.
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.status = QLabel(body)
        self.status.setObjectName("glossaryStatus")
        self.status.setStyleSheet(theme.HINT_STYLE)
        layout.addWidget(self.status)
        self.setWidget(body)
        self.path = ""
        self._fit_pending: bool | None = None  # a fit asked for while hidden: its grow_only
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.files.activated.connect(lambda _i: self.open(self.files.currentData()))
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.model.edited.connect(self._save)
        self.model.modelReset.connect(lambda: self._fit_columns(grow_only=True))

    # -- which file ---------------------------------------------------------------------------
    def set_files(self, paths: list[str], new_path: str) -> None:
        """The glossaries the settings name; ``new_path`` is where a first one is created."""
        choices = paths or [new_path]
        self.files.clear()
        for path in choices:
            self.files.addItem(os.path.basename(path), path)
            self.files.setItemData(self.files.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        keep = self.path if self.path in choices else choices[0]
        self.files.setCurrentIndex(choices.index(keep))
        self.open(keep)

    def open(self, path: str) -> None:
        self.path = path
        glossary = Glossary(path=path)
        problem = ""
        if os.path.exists(path):
            try:
                glossary = load_glossary(path)
            except GlossaryError as exc:
                problem = str(exc)
        self.model.set_glossary(glossary)
        self._fit_columns()
        editable = not problem
        for w in (self.add_button, self.remove_button, self.view):
            w.setEnabled(editable)
        if problem:
            self.status.setText(problem)
        elif os.path.exists(path):
            self.status.setText(
                self.tr("{n} terms in {path}; changes are saved as you make them").format(
                    n=len(glossary.terms), path=path
                )
            )
        else:
            self.status.setText(
                self.tr("{path} does not exist yet: it is created with the first term").format(
                    path=path
                )
            )

    def _fit_columns(self, grow_only: bool = False) -> None:
        """Every header readable, every column as wide as its text up to MAX_COLUMN; the
        note takes the rest. ``grow_only`` (a term added or edited) never narrows a column
        the user has widened."""
        if not self.isVisible():
            # Measuring every cell takes ~70 ms for 500 terms, and the window sets the files
            # while it starts with the dock hidden: a hidden dock measures when it is shown.
            pending = self._fit_pending
            self._fit_pending = grow_only and (pending is None or pending)
            return
        self._fit_pending = None
        view, header = self.view, self.view.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            width = min(wanted + 8, MAX_COLUMN)
            if not grow_only or width > header.sectionSize(column):
                header.resizeSection(column, width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending is not None:
            self._fit_columns(self._fit_pending)  # before the dock's first paint

    def editable(self) -> bool:
        return bool(self.path) and self.add_button.isEnabled()

    # -- changes ------------------------------------------------------------------------------
    def ask_add(self, prefill: TermInput | None = None) -> bool:
        """The small term dialog, prefilled (from a selection); adds the term it returns."""
        from reviewer.gui import term_dialog

        if not self.editable():
            self.message.emit(
                self.tr("No glossary to add to: {why}").format(why=self.status.text()), 8000
            )
            return False
        value = term_dialog.ask_term(
            self, prefill or term_dialog.TermInput("", ""), os.path.basename(self.path)
        )
        if value is None:
            return False
        row = self.model.put(-1, value)
        self._select(row)
        return True

    def edit_selected(self) -> None:
        from reviewer.gui import term_dialog

        rows = self.selected_rows()
        if len(rows) != 1:
            return
        term = self.model.glossary.terms[rows[0]]
        value = term_dialog.ask_term(self, _as_input(term), os.path.basename(self.path))
        if value is not None:
            self._select(self.model.put(rows[0], value))

    def selected_rows(self) -> list[int]:
        return sorted(
            {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        )

    def remove_selected(self) -> None:
        from reviewer.gui import dialogs

        rows = self.selected_rows()
        if not rows:
            return
        names = ", ".join(self.model.glossary.terms[r].english for r in rows[:5])
        if len(rows) > 5:
            names += ", …"
        if dialogs.confirm(
            self,
            self.tr("Remove terms"),
            self.tr("Remove {n} term(s) from {file}: {names}?").format(
                n=len(rows), file=os.path.basename(self.path), names=names
            ),
            self.tr("Remove"),
        ):
            self.model.remove_rows(rows)

    def _select(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _save(self) -> None:
        try:
            written = save_glossary(self.model.glossary, self.path)
        except (OSError, ValueError) as exc:
            self.status.setText(self.tr("Not saved: {error}").format(error=exc))
            self.message.emit(self.tr("Glossary not saved: {error}").format(error=exc), 0)
            return
        self.status.setText(
            self.tr("{n} terms in {path}; saved").format(
                n=len(self.model.glossary.terms), path=written
            )
        )
        self.changed.emit(written)
