"""The project list's filter controls: text, type, progress, result, issues, checks, check code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from reviewer.core.project import ArticleRow, ProjectFilter
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.line_edits import clear_button_when_typed

_FILTERS = (  # (objectName, ProjectFilter field, [(label, value)])
    (
        "projectFilterProgress",
        "progress",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any progress"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Not started"), "not-started"),
            (QT_TRANSLATE_NOOP("ProjectView", "In progress"), "in-progress"),
            (QT_TRANSLATE_NOOP("ProjectView", "Unfinished"), "unfinished"),
            (QT_TRANSLATE_NOOP("ProjectView", "Complete"), "complete"),
        ),
    ),
    (
        "projectFilterResult",
        "result",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Pass or fail"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Pass"), "pass"),
            (QT_TRANSLATE_NOOP("ProjectView", "Fail"), "fail"),
        ),
    ),
    (
        "projectFilterIssues",
        "issues",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any issues"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Open issues"), "open"),
            (QT_TRANSLATE_NOOP("ProjectView", "No open issue"), "none"),
        ),
    ),
    (
        "projectFilterChecks",
        "checks",
        (
            (QT_TRANSLATE_NOOP("ProjectView", "Any checks"), "any"),
            (QT_TRANSLATE_NOOP("ProjectView", "Check errors"), "errors"),
            (QT_TRANSLATE_NOOP("ProjectView", "Errors or warnings"), "warnings"),
            (QT_TRANSLATE_NOOP("ProjectView", "No check error"), "clean"),
            (QT_TRANSLATE_NOOP("ProjectView", "Not checked yet"), "unchecked"),
        ),
    ),
)


class ProjectFilters(QObject):
    """The controls, made on ``parent`` and added to ``bar``; ``spec()`` is what they ask."""

    def __init__(self, parent: QWidget, bar: QHBoxLayout) -> None:
        super().__init__(parent)
        self.text = QLineEdit(parent)
        self.text.setObjectName("projectFilterText")
        self.text.setPlaceholderText(
            QCoreApplication.translate("ProjectView", "Filter by path or title…")
        )
        clear_button_when_typed(self.text)
        bar.addWidget(self.text, 2)
        self.type = QComboBox(parent)
        self.type.setObjectName("projectFilterType")
        bar.addWidget(self.type)
        self.combos: dict[str, QComboBox] = {}
        for name, field, items in _FILTERS:
            combo = QComboBox(parent)
            combo.setObjectName(name)
            for label, value in items:
                combo.addItem(QCoreApplication.translate("ProjectView", label), value)
            self.combos[field] = combo
            bar.addWidget(combo)
        self.check = QComboBox(parent)
        self.check.setObjectName("projectFilterCheck")
        self.check.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.check.setMinimumContentsLength(14)
        bar.addWidget(self.check)

    def choices(self) -> tuple[QComboBox, ...]:
        """Every combo box (the text is the other control)."""
        return (self.type, self.check, *self.combos.values())

    def fill_choices(self, rows: list[ArticleRow]) -> None:
        """The types and check codes the articles have, each with its count; the choice kept."""
        types = sorted({r.translation_type for r in rows if r.translation_type}, key=str.upper)
        codes: dict[str, int] = {}
        for r in rows:
            for code in r.check_codes:
                codes[code] = codes.get(code, 0) + 1
        for combo, first, items in (
            (
                self.type,
                QCoreApplication.translate("ProjectView", "Any type"),
                [(t, t) for t in types],
            ),
            (
                self.check,
                QCoreApplication.translate("ProjectView", "Any check"),
                [(f"{c} ({n:,})", c) for c, n in sorted(codes.items())],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def spec(self) -> ProjectFilter:
        kind = self.type.currentData()
        return ProjectFilter(
            text=self.text.text().strip(),
            types={kind} if kind else set(),
            check_code=self.check.currentData() or "",
            **{field: combo.currentData() for field, combo in self.combos.items()},
        )
