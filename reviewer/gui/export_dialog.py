"""File › Export: pick a format (issue list, report, XLIFF, TMX), its options and the file."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.export_formats import BY_KEY, ExportRequest
from reviewer.gui import dialogs, theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP

_C = "ExportDialog"
# (key, label, what it is for), in the order shown, under two headings.
ISSUE_LISTS = (
    (
        "csv",
        QT_TRANSLATE_NOOP("ExportDialog", "Issue list, CSV"),
        QT_TRANSLATE_NOOP("ExportDialog", "any spreadsheet"),
    ),
    (
        "xlsx",
        QT_TRANSLATE_NOOP("ExportDialog", "Issue list, Excel workbook"),
        QT_TRANSLATE_NOOP(
            "ExportDialog", "with a summary sheet; reviewers type fixes in “Corrected target”"
        ),
    ),
    (
        "html",
        QT_TRANSLATE_NOOP("ExportDialog", "HTML report"),
        QT_TRANSLATE_NOOP("ExportDialog", "the MQM scorecard and the issue table, one page"),
    ),
    (
        "rendered",
        QT_TRANSLATE_NOOP("ExportDialog", "Rendered HTML report"),
        QT_TRANSLATE_NOOP(
            "ExportDialog", "the article as readers see it, a note beside each issue"
        ),
    ),
    (
        "json",
        QT_TRANSLATE_NOOP("ExportDialog", "JSON report"),
        QT_TRANSLATE_NOOP("ExportDialog", "for scripts"),
    ),
)
EXCHANGE = (
    (
        "xliff",
        QT_TRANSLATE_NOOP("ExportDialog", "XLIFF 1.2"),
        QT_TRANSLATE_NOOP("ExportDialog", "Trados, memoQ, OmegaT, Lokalize, Poedit"),
    ),
    (
        "xliff2",
        QT_TRANSLATE_NOOP("ExportDialog", "XLIFF 2.1"),
        QT_TRANSLATE_NOOP("ExportDialog", "tools that read 2.x"),
    ),
    (
        "tmx",
        QT_TRANSLATE_NOOP("ExportDialog", "TMX 1.4b translation memory"),
        QT_TRANSLATE_NOOP("ExportDialog", "the approved pairs, for a memory"),
    ),
)
# The file name a format suggests, after the article's own name.
SUFFIXES = {
    "csv": "-issues.csv",
    "xlsx": "-issues.xlsx",
    "html": "-issues.html",
    "rendered": "-report.html",
    "json": "-issues.json",
    "xliff": ".xlf",
    "xliff2": ".xliff2.xlf",
    "tmx": ".tmx",
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def suggested_path(article: str, key: str, folder: str = "") -> str:
    stem = os.path.splitext(os.path.basename(article))[0]
    return os.path.join(folder or os.path.dirname(article), stem + SUFFIXES[key])


class ExportDialog(QDialog):
    """One place for every export; each option is enabled only where its format takes it."""

    def __init__(
        self, parent: QWidget | None, article: str, last: ExportRequest | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(640)
        self.article = article
        self._folder = os.path.dirname(last.path) if last else os.path.dirname(article)
        self._typed = False  # the user typed a name: a new format changes only its extension
        self._confirmed = ""  # a file the file dialog already asked about replacing
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Export <b>{name}</b> as:").format(name=os.path.basename(article)))
        )
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for title, rows in (
            (self.tr("Issue list and reports"), ISSUE_LISTS),
            (self.tr("For translation tools"), EXCHANGE),
        ):
            box = QGroupBox(title, self)
            grid = QGridLayout(box)
            grid.setColumnStretch(1, 1)
            for k, (key, text, what) in enumerate(rows):
                radio = QRadioButton(_t(text), box)
                radio.setObjectName(f"exportFormat_{key}")
                radio.setToolTip(_t(what))
                note = QLabel(_t(what), box)
                note.setStyleSheet(theme.HINT_STYLE)
                grid.addWidget(radio, k, 0)
                grid.addWidget(note, k, 1)
                self.group.addButton(radio)
                self.radios[key] = radio
            layout.addWidget(box)

        options = QGroupBox(self.tr("Options"), self)
        inner = QVBoxLayout(options)
        self.include_checks = QCheckBox(self.tr("Include the automatic &check results"), options)
        self.include_checks.setObjectName("exportIncludeChecks")
        self.include_checks.setToolTip(
            self.tr(
                "One row per undismissed check result, beside the issues; they carry no "
                "severity and do not count in the MQM score."
            )
        )
        self.raw = QCheckBox(self.tr("Markup as plain &text, not protected tags"), options)
        self.raw.setObjectName("exportRaw")
        self.raw.setToolTip(
            self.tr("Protected tags keep a translation tool from breaking links and formatting.")
        )
        self.every_pair = QCheckBox(self.tr("Every &pair, not only the approved ones"), options)
        self.every_pair.setObjectName("exportEveryPair")
        for option in (self.include_checks, self.raw, self.every_pair):
            inner.addWidget(option)
        layout.addWidget(options)

        row = QHBoxLayout()
        label = QLabel(self.tr("&File:"), self)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.textEdited.connect(self._on_typed)
        label.setBuddy(self.path)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.browse)
        row.addWidget(browse)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("exportButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        key = last.format if last is not None and last.format in BY_KEY else "csv"
        if last is not None:
            self.include_checks.setChecked(last.include_checks)
            self.raw.setChecked(last.raw)
            self.every_pair.setChecked(last.every_pair)
        self.radios[key].setChecked(True)
        self.path.setText(suggested_path(article, key, self._folder))
        self.group.buttonToggled.connect(lambda *_: self._format_changed())
        self._enable()

    def format(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def set_format(self, key: str) -> None:
        self.radios[key].setChecked(True)

    def _on_typed(self, _text: str) -> None:
        self._typed = True
        self._enable()

    def _format_changed(self) -> None:
        key = self.format()
        current = self.path.text().strip()
        if not self._typed or not current:
            folder = os.path.dirname(current) if current else self._folder
            self.path.setText(suggested_path(self.article, key, folder))
        else:
            self.path.setText(os.path.splitext(current)[0] + BY_KEY[key].extension)
        self._enable()

    def _enable(self) -> None:
        fmt = BY_KEY[self.format()]
        self.include_checks.setEnabled(fmt.checks)
        self.raw.setEnabled(fmt.codes)
        self.every_pair.setEnabled(fmt.every_pair)
        self.ok.setEnabled(bool(self.path.text().strip()))

    def browse(self) -> None:
        fmt = BY_KEY[self.format()]
        pattern = f"*{fmt.extension}"
        path, _ = dialogs.ask_save_path(
            self,
            self.tr("Export to"),
            self.path.text(),
            self.tr("{format} ({pattern});;All files (*)").format(
                format=self.radios[fmt.key].text(), pattern=pattern
            ),
        )
        if path:
            if not os.path.splitext(path)[1]:
                path += fmt.extension
            self.path.setText(path)
            self._typed = True
            self._confirmed = path
            self._enable()

    def accept(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        if (
            os.path.exists(path)
            and self._confirmed != path
            and not dialogs.confirm(
                self,
                self.tr("Replace the file?"),
                self.tr("{path} already exists. Replace it?").format(path=path),
                self.tr("Replace"),
                default_ok=False,
            )
        ):
            return
        super().accept()

    def value(self) -> ExportRequest:
        return ExportRequest(
            os.path.abspath(os.path.expanduser(self.path.text().strip())),
            self.format(),
            include_checks=self.include_checks.isChecked(),
            raw=self.raw.isChecked(),
            every_pair=self.every_pair.isChecked(),
        )


def ask_export(
    parent: QWidget | None, article: str, last: ExportRequest | None = None
) -> ExportRequest | None:
    """The export the user chose, or None when cancelled."""
    dialog = ExportDialog(parent, article, last)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()
