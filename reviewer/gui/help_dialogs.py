"""The Help menu's windows: the keyboard shortcuts list and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui import theme
from reviewer.gui.markup import esc as _esc


def shortcuts_dialog(parent: QWidget | None, rows: list[tuple[str, str]]) -> QDialog:
    """Help › Keyboard Shortcuts: every key, built from the window's own actions."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "Keyboard shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("dialogs", "Action"),
            QCoreApplication.translate("dialogs", "Keys"),
        ]
    )
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    for r, (what, keys) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(what))
        table.setItem(r, 1, QTableWidgetItem(keys))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 620)
    return dialog


def show_shortcuts(parent: QWidget | None, rows: list[tuple[str, str]]) -> QDialog:
    """Non-modal, so the list can stay open beside the window while learning the keys."""
    dialog = shortcuts_dialog(parent, rows)
    dialog.show()
    return dialog


def about_text() -> str:
    from importlib import metadata

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    try:
        version = metadata.version("reviewer")
    except metadata.PackageNotFoundError:
        version = "development"
    about = QCoreApplication.translate(
        "dialogs",
        "<p>Review Dutch machine translations of Microsoft Docs articles (sxs-lookup Markdown) "
        "beside their English sources: fix targets, flag MQM issues, approve in bulk and export "
        "issue lists.</p><p>Review data is kept beside each article in "
        "<code>article.md.review.yaml</code>.</p>",
    )
    return (
        f"<h3>Reviewer {_esc(version)}</h3>{about}"
        f"<p style='color:{theme.MUTED}'>Qt {_esc(qVersion())} · PySide6 {_esc(pyside_version)}</p>"
    )


def show_about(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        QCoreApplication.translate("dialogs", "About Reviewer"),
        about_text(),
        parent=parent,
    )
    box.setObjectName("aboutBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.open()
    return box
