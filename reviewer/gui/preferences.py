"""The window's own dialogs: Settings (the interface language) and About."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui import language, theme


class SettingsDialog(QDialog):
    """The interface language: the system's, English or Dutch; it takes effect on restart."""

    def __init__(self, parent: QWidget | None, current: str) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for choice, _ in language.CHOICES:
            self.language.addItem(language.choice_label(choice), choice)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Interface &language:"), self.language)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Messages of the command line (reviewer) stay in English, so scripts that read "
                "them keep working."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(theme.HINT_STYLE)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return str(self.language.currentData())


class Preferences(QObject):
    """Owns the Settings and About actions' handlers (File › Settings…, Help › About)."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.store = settings

    def edit(self) -> SettingsDialog:
        """Show the settings; a new language is saved and named for the next start."""
        dialog = SettingsDialog(self.window, language.chosen(self.store))
        dialog.finished.connect(lambda result: self._apply(dialog, result))
        dialog.open()
        return dialog

    def _apply(self, dialog: SettingsDialog, result: int) -> None:
        from reviewer.gui import dialogs

        if result != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice == language.chosen(self.store):
            return
        self.store.setValue(language.SETTING, choice)
        self.store.sync()
        # Every label, menu and tooltip was translated as it was built: a restart rebuilds them.
        dialogs.show_info(
            self.window,
            self.tr("Interface language"),
            self.tr("The new language is used the next time you start Reviewer."),
        )

    def about(self) -> None:
        from reviewer.gui import help_dialogs

        help_dialogs.show_about(self.window)
