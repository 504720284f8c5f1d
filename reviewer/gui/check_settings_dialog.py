"""The check settings page: every check on or off and at its level, the profile, the scope."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.check_settings import CheckRow, CheckSettings
from reviewer.core.checks import Level
from reviewer.core.config import ConfigError
from reviewer.core.mqm import category
from reviewer.core.profiles import BUILTIN_PROFILES, ProfileError
from reviewer.gui import dialogs, labels, theme
from reviewer.gui.language_files import LanguageFilesPage

COL_ON, COL_CODE, COL_TITLE, COL_CATEGORY, COL_LEVEL, COL_ORIGIN = range(6)
LEVELS = (Level.ERROR, Level.WARNING, Level.INFO)

# Makes the settings for a scope: False = the user's config, True = the article's project file.
Loader = Callable[[bool], CheckSettings]


class CheckSettingsDialog(QDialog):
    """Edits one config file's check settings through CheckSettings; the table shows what is
    in force (project over user). Apply writes the file and emits ``applied``."""

    applied = Signal(str)  # the file written

    def __init__(
        self, parent: QWidget | None, load: Loader, has_project: bool, spelling_note: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkSettingsDialog")
        self.setWindowTitle(self.tr("Check Settings"))
        self._fit(parent)
        self._load = load
        self.settings = load(False)
        layout = QVBoxLayout(self)

        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Settings of:"), self))
        self.scope_user = QRadioButton(self.tr("&My settings"), self)
        self.scope_user.setObjectName("scopeUser")
        self.scope_project = QRadioButton(self.tr("This &project (.reviewer.yaml)"), self)
        self.scope_project.setObjectName("scopeProject")
        self.scope_project.setEnabled(has_project)
        if not has_project:
            self.scope_project.setToolTip(self.tr("Open an article to set its project's checks"))
        self._scopes = QButtonGroup(self)
        for button in (self.scope_user, self.scope_project):
            self._scopes.addButton(button)
            scope.addWidget(button)
        self.scope_user.setChecked(True)
        scope.addStretch(1)
        layout.addLayout(scope)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("settingsPath")
        self.path_label.setStyleSheet(theme.HINT_STYLE)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.path_label)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        checks_page = QWidget(self)
        page = QVBoxLayout(checks_page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("P&rofile:"), self))
        self.profile = QComboBox(self)
        self.profile.setObjectName("profileCombo")
        top.addWidget(self.profile)
        self.profile_note = QLabel(self)
        self.profile_note.setStyleSheet(theme.HINT_STYLE)
        top.addWidget(self.profile_note, 1)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("checkFilter")
        self.filter.setPlaceholderText(self.tr("Filter checks…"))
        self.filter.setClearButtonEnabled(True)
        top.addWidget(self.filter)
        page.addLayout(top)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("checkTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("On"), self.tr("Code"), self.tr("Check"), self.tr("Category"),
             self.tr("Level"), self.tr("Set by")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        page.addWidget(self.table, 1)
        row_buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Re&set Selected"), self)
        self.reset_button.setObjectName("resetChecks")
        self.reset_button.setToolTip(
            self.tr("Drop this file's setting for the selected checks: the profile decides")
        )
        row_buttons.addWidget(self.reset_button)
        row_buttons.addStretch(1)
        hint = QLabel(self.tr("Space: turn the selected check on or off"), self)
        hint.setStyleSheet(theme.HINT_STYLE)
        row_buttons.addWidget(hint)
        page.addLayout(row_buttons)
        self.tabs.addTab(checks_page, self.tr("&Checks"))
        self.files = LanguageFilesPage(self, spelling_note)
        self.tabs.addTab(self.files, self.tr("Spelling and &Terms"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setObjectName("applyChecks")
        apply.clicked.connect(self.apply)

        self._rows: list[CheckRow] = []
        self._scopes.buttonToggled.connect(self._on_scope)
        self.profile.activated.connect(self._on_profile)
        self.filter.textChanged.connect(self._filter)
        self.table.itemChanged.connect(self._on_item)
        self.table.installEventFilter(self)
        self.reset_button.clicked.connect(self.reset_selected)
        self.files.changed.connect(self._files_changed)
        self._show_settings()
        self.table.setFocus()

    def _fit(self, parent: QWidget | None) -> None:
        """900×640, but never larger than the window it belongs to (or, without one, the
        screen): on a 1024×600 laptop the buttons stay in sight."""
        size = QSize(900, 640)
        screen = (parent or self).screen()
        if parent is not None and parent.isVisible():
            bound = parent.window().size()
        elif screen is not None:
            bound = screen.availableGeometry().size()
        else:
            bound = size
        self.resize(size.boundedTo(QSize(bound.width() - 24, bound.height() - 24)))

    # -- showing ------------------------------------------------------------------------------
    def _show_settings(self) -> None:
        s = self.settings
        self.path_label.setText(self.tr("Editing {path}").format(path=s.path))
        with QSignalBlocker(self.profile):
            self.profile.clear()
            for name in s.profile_names():
                self.profile.addItem(name, name)
            self.profile.setCurrentIndex(max(0, self.profile.findData(s.profile)))
        self._profile_note()
        self.files.show_config(s.layer)
        self.refresh_rows()

    def _profile_note(self) -> None:
        name = self.settings.profile
        builtin = BUILTIN_PROFILES.get(name)
        spec = self.settings.effective().profiles.get(name)
        self.profile_note.setText(
            builtin.description if builtin else (spec.description if spec else "")
        )

    def refresh_rows(self) -> None:
        """Show what is in force now, keeping the selection and the scroll position."""
        current = self.table.currentRow()
        scroll = self.table.verticalScrollBar().value()
        self._rows = self.settings.rows()
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self._rows))
            for r, row in enumerate(self._rows):
                self._fill(r, row)
        self._filter(self.filter.text())
        if current >= 0:
            self.table.setCurrentCell(current, COL_CODE)
        self.table.verticalScrollBar().setValue(scroll)

    def _fill(self, r: int, row: CheckRow) -> None:
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
        on.setCheckState(Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked)
        on.setData(Qt.ItemDataRole.UserRole, row.code)
        self.table.setItem(r, COL_ON, on)
        cells = (
            (COL_CODE, row.code),
            (COL_TITLE, labels.check_title(row.title)),
            (COL_CATEGORY, labels.mqm_name(category(row.category).name)),
            (COL_ORIGIN, self._origin_text(row.origin)),
        )
        for col, text in cells:
            item = QTableWidgetItem(text)
            item.setToolTip(row.description or row.title)
            if not row.enabled:
                item.setForeground(self.palette().placeholderText())
            self.table.setItem(r, col, item)
        combo = self.table.cellWidget(r, COL_LEVEL)
        if not isinstance(combo, QComboBox):
            combo = QComboBox(self.table)
            combo.setObjectName(f"level-{row.code}")
            for level in LEVELS:
                combo.addItem(self._level_text(level), level)
            combo.activated.connect(lambda _i, c=combo: self._on_level(c))
            self.table.setCellWidget(r, COL_LEVEL, combo)
        combo.setProperty("code", row.code)
        with QSignalBlocker(combo):
            combo.setCurrentIndex(LEVELS.index(row.level))
        default = self.tr("its own level: {level}").format(
            level=self._level_text(row.default_level)
        )
        combo.setToolTip(default)

    def _level_text(self, level: Level) -> str:
        return labels.level(level)

    def _origin_text(self, origin: str) -> str:
        return {
            "profile": self.tr("profile"),
            "user": self.tr("my settings"),
            "project": self.tr("project"),
        }.get(origin, origin)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for r, row in enumerate(self._rows):
            title = labels.check_title(row.title)
            hay = f"{row.code} {row.title} {title} {row.category}".lower()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    # -- changes ------------------------------------------------------------------------------
    def row_of(self, code: str) -> int:
        return next(r for r, row in enumerate(self._rows) if row.code == code)

    def set_enabled(self, code: str, on: bool) -> None:
        self.settings.set_enabled(code, on)
        self.refresh_rows()

    def set_level(self, code: str, level: Level) -> None:
        self.settings.set_level(code, level)
        self.refresh_rows()

    def _on_item(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_ON:
            code = str(item.data(Qt.ItemDataRole.UserRole))
            self.set_enabled(code, item.checkState() == Qt.CheckState.Checked)

    def _on_level(self, combo: QComboBox) -> None:
        level = combo.currentData()
        if isinstance(level, Level):
            self.set_level(str(combo.property("code")), level)

    def _on_profile(self, _index: int) -> None:
        name = str(self.profile.currentData())
        try:
            self.settings.set_profile(name)
        except ProfileError as exc:
            dialogs.show_error(self, self.tr("Profile"), str(exc))
        self._profile_note()
        self.refresh_rows()

    def reset_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        for r in rows:
            self.settings.reset(self._rows[r].code)
        self.refresh_rows()

    def _files_changed(self) -> None:
        self.files.store(self.settings.layer)
        self.settings.dirty = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Space turns the current check on or off from any column, not only the checkbox's.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.table.currentRow() >= 0
        ):
            row = self._rows[self.table.currentRow()]
            self.set_enabled(row.code, not row.enabled)
            return True
        return False

    def _on_scope(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        project = button is self.scope_project
        if project == self.settings.edit_project:
            return
        if self.settings.dirty and not dialogs.confirm(
            self,
            self.tr("Unsaved check settings"),
            self.tr("Discard the changes to {path}?").format(path=self.settings.path),
            self.tr("Discard"),
        ):
            with QSignalBlocker(self._scopes):
                (self.scope_user if project else self.scope_project).setChecked(True)
            return
        try:
            self.settings = self._load(project)
        except ConfigError as exc:
            dialogs.show_error(self, self.tr("Check settings"), str(exc))
            return
        self._show_settings()

    def apply(self) -> bool:
        if not self.settings.dirty:
            return True
        try:
            written = self.settings.save()
        except (OSError, ConfigError) as exc:
            dialogs.show_error(self, self.tr("Check settings not saved"), str(exc))
            return False
        self.path_label.setText(self.tr("Saved {path}").format(path=written))
        self.applied.emit(written)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
