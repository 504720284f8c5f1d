"""The window's names for the core's states, severities, levels, MQM categories and edits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer.core.checks.base import Level
from reviewer.core.edits import (
    AddIssue,
    Composite,
    DismissCheck,
    Edit,
    RemoveIssue,
    SetState,
    SetTarget,
    UpdateIssue,
)
from reviewer.core.mqm import Category, IssueStatus, Severity, category
from reviewer.core.segments import State
from reviewer.gui.i18n import QT_TRANSLATE_NOOP

# The core's own labels stay English: the CLI, the review files and the exports use them.
_STATES = {
    State.UNREVIEWED: QT_TRANSLATE_NOOP("Labels", "Unreviewed"),
    State.EDITED: QT_TRANSLATE_NOOP("Labels", "Edited"),
    State.NEEDS_WORK: QT_TRANSLATE_NOOP("Labels", "Needs work"),
    State.REVIEWED: QT_TRANSLATE_NOOP("Labels", "Reviewed"),
    State.APPROVED: QT_TRANSLATE_NOOP("Labels", "Approved"),
}
_SEVERITIES = {
    Severity.NEUTRAL: QT_TRANSLATE_NOOP("Labels", "Neutral"),
    Severity.MINOR: QT_TRANSLATE_NOOP("Labels", "Minor"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Labels", "Major"),
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Labels", "Critical"),
}
_STATUSES = {
    IssueStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    IssueStatus.RESOLVED: QT_TRANSLATE_NOOP("Labels", "Resolved"),
    IssueStatus.WONT_FIX: QT_TRANSLATE_NOOP("Labels", "Won't fix"),
}
_LEVELS = {
    Level.ERROR: QT_TRANSLATE_NOOP("Labels", "error"),
    Level.WARNING: QT_TRANSLATE_NOOP("Labels", "warning"),
    Level.INFO: QT_TRANSLATE_NOOP("Labels", "info"),
}
# A count beside a level, as the table's pills and the status bar show it.
_LEVEL_COUNTS = {
    Level.ERROR: (
        QT_TRANSLATE_NOOP("Labels", "{n} error"),
        QT_TRANSLATE_NOOP("Labels", "{n} errors"),
    ),
    Level.WARNING: (
        QT_TRANSLATE_NOOP("Labels", "{n} warning"),
        QT_TRANSLATE_NOOP("Labels", "{n} warnings"),
    ),
    Level.INFO: (QT_TRANSLATE_NOOP("Labels", "{n} info"), QT_TRANSLATE_NOOP("Labels", "{n} info")),
}
_VERDICTS = {
    "pass": QT_TRANSLATE_NOOP("Labels", "pass"),
    "fail": QT_TRANSLATE_NOOP("Labels", "fail"),
    "fail (open critical issue)": QT_TRANSLATE_NOOP("Labels", "fail (open critical issue)"),
    "unreadable": QT_TRANSLATE_NOOP("Labels", "unreadable"),
}
_KINDS = {
    "issue": QT_TRANSLATE_NOOP("Labels", "issue"),
    "check": QT_TRANSLATE_NOOP("Labels", "check"),
    "parse": QT_TRANSLATE_NOOP("Labels", "parse"),
}
# MQM-Core dimensions and error types (reviewer.core.mqm.DIMENSIONS), as the window names them.
MQM_NAMES = {
    "Terminology": QT_TRANSLATE_NOOP("MQM", "Terminology"),
    "Inconsistent with terminology resource": QT_TRANSLATE_NOOP(
        "MQM", "Inconsistent with terminology resource"
    ),
    "Inconsistent use of terminology": QT_TRANSLATE_NOOP("MQM", "Inconsistent use of terminology"),
    "Wrong term": QT_TRANSLATE_NOOP("MQM", "Wrong term"),
    "Accuracy": QT_TRANSLATE_NOOP("MQM", "Accuracy"),
    "Mistranslation": QT_TRANSLATE_NOOP("MQM", "Mistranslation"),
    "Over-translation": QT_TRANSLATE_NOOP("MQM", "Over-translation"),
    "Under-translation": QT_TRANSLATE_NOOP("MQM", "Under-translation"),
    "Addition": QT_TRANSLATE_NOOP("MQM", "Addition"),
    "Omission": QT_TRANSLATE_NOOP("MQM", "Omission"),
    "Do not translate": QT_TRANSLATE_NOOP("MQM", "Do not translate"),
    "Untranslated": QT_TRANSLATE_NOOP("MQM", "Untranslated"),
    "Linguistic conventions": QT_TRANSLATE_NOOP("MQM", "Linguistic conventions"),
    "Grammar": QT_TRANSLATE_NOOP("MQM", "Grammar"),
    "Punctuation": QT_TRANSLATE_NOOP("MQM", "Punctuation"),
    "Spelling": QT_TRANSLATE_NOOP("MQM", "Spelling"),
    "Unintelligible": QT_TRANSLATE_NOOP("MQM", "Unintelligible"),
    "Character encoding": QT_TRANSLATE_NOOP("MQM", "Character encoding"),
    "Textual conventions": QT_TRANSLATE_NOOP("MQM", "Textual conventions"),
    "Style": QT_TRANSLATE_NOOP("MQM", "Style"),
    "Organizational style": QT_TRANSLATE_NOOP("MQM", "Organizational style"),
    "Third-party style": QT_TRANSLATE_NOOP("MQM", "Third-party style"),
    "Inconsistent with external reference": QT_TRANSLATE_NOOP(
        "MQM", "Inconsistent with external reference"
    ),
    "Register": QT_TRANSLATE_NOOP("MQM", "Register"),
    "Awkward style": QT_TRANSLATE_NOOP("MQM", "Awkward style"),
    "Unidiomatic style": QT_TRANSLATE_NOOP("MQM", "Unidiomatic style"),
    "Inconsistent style": QT_TRANSLATE_NOOP("MQM", "Inconsistent style"),
    "Locale conventions": QT_TRANSLATE_NOOP("MQM", "Locale conventions"),
    "Number format": QT_TRANSLATE_NOOP("MQM", "Number format"),
    "Currency format": QT_TRANSLATE_NOOP("MQM", "Currency format"),
    "Measurement format": QT_TRANSLATE_NOOP("MQM", "Measurement format"),
    "Time format": QT_TRANSLATE_NOOP("MQM", "Time format"),
    "Date format": QT_TRANSLATE_NOOP("MQM", "Date format"),
    "Address format": QT_TRANSLATE_NOOP("MQM", "Address format"),
    "Telephone format": QT_TRANSLATE_NOOP("MQM", "Telephone format"),
    "Shortcut key": QT_TRANSLATE_NOOP("MQM", "Shortcut key"),
    "Audience appropriateness": QT_TRANSLATE_NOOP("MQM", "Audience appropriateness"),
    "Culture-specific reference": QT_TRANSLATE_NOOP("MQM", "Culture-specific reference"),
    "Offensive": QT_TRANSLATE_NOOP("MQM", "Offensive"),
    "Design and markup": QT_TRANSLATE_NOOP("MQM", "Design and markup"),
    "Layout": QT_TRANSLATE_NOOP("MQM", "Layout"),
    "Markup tag": QT_TRANSLATE_NOOP("MQM", "Markup tag"),
    "Truncation/text expansion": QT_TRANSLATE_NOOP("MQM", "Truncation/text expansion"),
    "Missing text": QT_TRANSLATE_NOOP("MQM", "Missing text"),
    "Link/cross-reference": QT_TRANSLATE_NOOP("MQM", "Link/cross-reference"),
    "Custom": QT_TRANSLATE_NOOP("MQM", "Custom"),
    "Other": QT_TRANSLATE_NOOP("MQM", "Other"),
}


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def state(value: State) -> str:
    return _t("Labels", _STATES[value])


def severity(value: Severity) -> str:
    return _t("Labels", _SEVERITIES[value])


def status(value: IssueStatus) -> str:
    return _t("Labels", _STATUSES[value])


def level(value: Level) -> str:
    return _t("Labels", _LEVELS[value])


def level_count(value: Level, n: int) -> str:
    """``3 errors``: English and Dutch both use the singular for one only."""
    one, many = _LEVEL_COUNTS[value]
    return _t("Labels", one if n == 1 else many).format(n=f"{n:,}")


def verdict(value: str) -> str:
    """An MQM score's verdict (``MqmScore.verdict``, ``ArticleRow.verdict``)."""
    return _t("Labels", _VERDICTS[value]) if value in _VERDICTS else value


def kind(value: str) -> str:
    """The issues list's kinds: a manual ``issue``, a ``check`` result, a ``parse`` warning."""
    return _t("Labels", _KINDS[value]) if value in _KINDS else value


def check_title(title: str) -> str:
    """A check's title (gui/check_titles.py marks every one); a title not marked shows as is."""
    return QCoreApplication.translate("Checks", title)


def mqm_name(name: str) -> str:
    return _t("MQM", MQM_NAMES[name]) if name in MQM_NAMES else name


def category_label(key: str | Category) -> str:
    """``Accuracy › Omission`` in the window's language; an unknown key shows as itself."""
    cat = key if isinstance(key, Category) else category(key)
    return f"{mqm_name(cat.dimension)} › {mqm_name(cat.name)}"


def edit_description(edit: Edit) -> str:
    """What Undo and Redo name: the core's descriptions are English for the CLI's journal."""
    if isinstance(edit, SetTarget):
        return QCoreApplication.translate("Labels", "Edit target")
    if isinstance(edit, SetState):
        n = len(edit.row_list)
        text = (
            QCoreApplication.translate("Labels", "Mark {n} segment {state}")
            if n == 1
            else QCoreApplication.translate("Labels", "Mark {n} segments {state}")
        )
        return text.format(n=f"{n:,}", state=state(edit.state).lower())
    if isinstance(edit, AddIssue):
        return QCoreApplication.translate("Labels", "Flag issue")
    if isinstance(edit, UpdateIssue):
        return QCoreApplication.translate("Labels", "Edit issue")
    if isinstance(edit, RemoveIssue):
        return QCoreApplication.translate("Labels", "Delete issue")
    if isinstance(edit, DismissCheck):
        return (
            QCoreApplication.translate("Labels", "Dismiss check")
            if edit.dismiss
            else QCoreApplication.translate("Labels", "Restore check")
        )
    if isinstance(edit, Composite) and not edit.label and edit.edits:
        return edit_description(edit.edits[0])
    return edit.description
