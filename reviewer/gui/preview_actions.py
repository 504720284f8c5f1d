"""The actions of the preview and the markup help, as rows of the action table
(action_table.py), each placed after an action of its menu."""

from __future__ import annotations

from reviewer.gui.action_spec import ActionSpec
from reviewer.gui.i18n import QT_TRANSLATE_NOOP

PREVIEW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "actionInsertNextMarkup",
        QT_TRANSLATE_NOOP("Actions", "Insert Next &Markup"),
        "aids.insert_next_markup",
        "Edit",
        # Trados's QuickPlace key; memoQ's F9 switches between the project and the article.
        keys=("Ctrl+Alt+Down", "Ctrl+Shift+M"),
        tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Insert the source's next missing markup (bold, link, code, tag) at the cursor "
            "or around the selection",
        ),
        group="segments",
        in_editors=True,
        after="actionCopySource",
    ),
    ActionSpec(
        "actionPreview",
        QT_TRANSLATE_NOOP("Actions", "&Preview"),
        "",
        "View",
        keys=("F6",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show or hide the article as its readers will see it"),
        in_editors=True,
        dock="previewPane",
        after="actionIssuesDock",
    ),
    ActionSpec(
        "actionShowWhitespace",
        QT_TRANSLATE_NOOP("Actions", "Show &Whitespace"),
        "aids.show_whitespace",
        "View",
        keys=("Ctrl+Shift+8",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Show spaces, no-break spaces and tabs in the target editors as symbols"
        ),
        in_editors=True,
        checkable=True,
        after="actionPreview",
    ),
)
