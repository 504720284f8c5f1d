"""Every question and message box the window asks, as module functions tests can replace."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget


def confirm(
    parent: QWidget | None, title: str, text: str, ok_label: str = "", default_ok: bool = True
) -> bool:
    """OK/Cancel; ``default_ok=False`` when OK loses work, so a stray Return cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    if ok_label:
        ok = box.addButton(ok_label, QMessageBox.ButtonRole.AcceptRole)
    else:
        ok = box.addButton(QMessageBox.StandardButton.Ok)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok if default_ok else cancel)
    box.exec()
    return box.clickedButton() is ok


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("dialogs", "Unsaved changes"),
        QCoreApplication.translate(
            "dialogs", "{name} has unsaved changes. Save them first?"
        ).format(name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_external_change(parent: QWidget | None, name: str) -> str:
    """'reload', 'overwrite', 'save-as' or 'cancel' when the file changed on disk."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("dialogs", "File changed on disk"),
        QCoreApplication.translate(
            "dialogs",
            "{name} was changed, moved or deleted by another program since it was opened.",
        ).format(name=name),
        parent=parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "dialogs",
            "Reload takes the version on disk: your unsaved target edits are re-applied where "
            "that segment did not change, the others are dropped and named. Overwrite saves "
            "your version over it (and writes it again if it was deleted). Save As keeps both.",
        )
    )
    reload_btn = box.addButton(
        QCoreApplication.translate("dialogs", "&Reload"), QMessageBox.ButtonRole.DestructiveRole
    )
    overwrite = box.addButton(
        QCoreApplication.translate("dialogs", "&Overwrite"), QMessageBox.ButtonRole.AcceptRole
    )
    save_as = box.addButton(
        QCoreApplication.translate("dialogs", "Save &As…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_btn:
        return "reload"
    if clicked is overwrite:
        return "overwrite"
    if clicked is save_as:
        return "save-as"
    return "cancel"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """A plain answer to what the user asked for (nothing to do): OK only, no Cancel."""
    QMessageBox.information(parent, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A warning that does not block: the file is open and usable behind it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def ask_save_path(parent: QWidget | None, title: str, start: str, filters: str) -> tuple[str, str]:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(parent, title, start, filters)


def ask_open_path(parent: QWidget | None, start: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Open article"),
        start,
        QCoreApplication.translate("dialogs", "Markdown articles (*.md);;All files (*)"),
    )
    return path


def ask_text(parent: QWidget | None, title: str, label: str, text: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None
