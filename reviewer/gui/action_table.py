"""The window's actions as data: one row each. Menus, toolbar, enablement and the shortcut list
are generated from it (actions.py). To add an action, add a row and the method it names."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from reviewer.gui.action_spec import ActionSpec
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.review_actions import REVIEW_ACTIONS

SK = QKeySequence.StandardKey

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "actionOpen",
        QT_TRANSLATE_NOOP("Actions", "&Open…"),
        "files.open_dialog",
        "File",
        keys=(SK.Open,),
        tip=QT_TRANSLATE_NOOP("Actions", "Open an article"),
    ),
    ActionSpec(
        "actionSave",
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        "files.save",
        "File",
        keys=(SK.Save,),
        tip=QT_TRANSLATE_NOOP("Actions", "Save article and review"),
        group="modified",
        separator=True,
        in_editors=True,
    ),
    ActionSpec(
        "actionSaveAs",
        QT_TRANSLATE_NOOP("Actions", "Save &As…"),
        "files.save_as",
        "File",
        keys=("Ctrl+Shift+S",),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the article and its review under a new name"),
        group="file",
    ),
    ActionSpec(
        "actionReload",
        QT_TRANSLATE_NOOP("Actions", "Reloa&d from Disk"),
        "files.reload",
        "File",
        tip=QT_TRANSLATE_NOOP("Actions", "Read the article again; unsaved edits are re-applied"),
        group="file",
    ),
    ActionSpec(
        "actionImport",
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        "exchange.import_dialog",
        "File",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Take targets back from an XLIFF file or a corrected issue sheet"
        ),
        group="segments",
        separator=True,
    ),
    ActionSpec(
        "actionExport",
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        "exchange.export_dialog",
        "File",
        tip=QT_TRANSLATE_NOOP("Actions", "Export the issues, a report, XLIFF or TMX"),
        group="file",
        label=QT_TRANSLATE_NOOP("Actions", "Export"),
    ),
    ActionSpec(
        "actionStartFresh",
        QT_TRANSLATE_NOOP("Actions", "Start Fresh Re&view Data…"),
        "files.start_fresh",
        "File",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Move the unreadable review data aside so the review can be saved"
        ),
        group="sidecar_blocked",
    ),
    ActionSpec(
        "actionReviewerName",
        QT_TRANSLATE_NOOP("Actions", "Reviewer &Name…"),
        "files.ask_reviewer_name",
        "File",
    ),
    ActionSpec(
        "actionSettings",
        QT_TRANSLATE_NOOP("Actions", "Se&ttings…"),
        "preferences.edit",
        "File",
        tip=QT_TRANSLATE_NOOP("Actions", "Choose the interface language"),
    ),
    ActionSpec(
        "actionQuit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "window.close",
        "File",
        keys=(SK.Quit,),
        separator=True,
    ),
    # Edit
    ActionSpec(
        "actionUndo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        "window.undo",
        "Edit",
        keys=(SK.Undo,),
        tip=QT_TRANSLATE_NOOP("Actions", "Undo"),
        group="can_undo",
        in_editors=True,
        label=QT_TRANSLATE_NOOP("Actions", "Undo"),
    ),
    ActionSpec(
        "actionRedo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        "review.redo",
        "Edit",
        keys=("Ctrl+Shift+Z", "Ctrl+Y"),
        tip=QT_TRANSLATE_NOOP("Actions", "Redo"),
        group="can_redo",
        in_editors=True,
        label=QT_TRANSLATE_NOOP("Actions", "Redo"),
    ),
    ActionSpec(
        "actionEditTarget",
        QT_TRANSLATE_NOOP("Actions", "&Edit Target in the Table"),
        "table.edit_target",
        "Edit",
        keys=("F2",),
        tip=QT_TRANSLATE_NOOP("Actions", "Edit the current segment's target in the table"),
        group="segments",
        separator=True,
    ),
    ActionSpec(
        "actionCopySource",
        QT_TRANSLATE_NOOP("Actions", "&Copy Source to Target"),
        "review.copy_source",
        "Edit",
        keys=("Ctrl+B",),
        tip=QT_TRANSLATE_NOOP("Actions", "Copy the source into the target"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionFind",
        QT_TRANSLATE_NOOP("Actions", "&Find / Filter"),
        "filter_bar.focus_text",
        "Edit",
        keys=(SK.Find,),
        tip=QT_TRANSLATE_NOOP("Actions", "Filter the segments by text"),
        group="segments",
        separator=True,
    ),
    ActionSpec(
        "actionClearFilter",
        QT_TRANSLATE_NOOP("Actions", "C&lear Filter"),
        "filter_bar.clear",
        "Edit",
        keys=("Ctrl+Shift+L",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show every segment again"),
        group="segments",
        in_editors=True,
    ),
    *REVIEW_ACTIONS,  # Review and Go: review_actions.py
    # View and Help
    ActionSpec(
        "actionIssuesDock",
        QT_TRANSLATE_NOOP("Actions", "&Issues Dock"),
        "",
        "View",
        keys=("F8",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show or hide every issue and check result"),
        dock="issuesDock",
    ),
    ActionSpec(
        "actionGlossary",
        QT_TRANSLATE_NOOP("Actions", "&Glossary"),
        "",
        "View",
        keys=("Ctrl+Shift+G",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show or hide the glossary editor"),
        dock="glossaryEditor",
    ),
    ActionSpec(
        "actionShortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        "window.show_shortcuts",
        "Help",
        keys=(SK.HelpContents,),
        tip=QT_TRANSLATE_NOOP("Actions", "Every keyboard shortcut"),
    ),
    ActionSpec(
        "actionAbout",
        QT_TRANSLATE_NOOP("Actions", "&About Reviewer"),
        "preferences.about",
        "Help",
        separator=True,
    ),
)
MENUS = (
    QT_TRANSLATE_NOOP("Actions", "&File"),
    QT_TRANSLATE_NOOP("Actions", "&Edit"),
    QT_TRANSLATE_NOOP("Actions", "&Review"),
    QT_TRANSLATE_NOOP("Actions", "&Go"),
    QT_TRANSLATE_NOOP("Actions", "&View"),
    QT_TRANSLATE_NOOP("Actions", "&Help"),
)
# Titles of submenus named in ActionSpec.menu ("Review/&Batch Approval"), marked for lupdate.
SUBMENUS = (QT_TRANSLATE_NOOP("Actions", "&Batch Approval"),)
# The toolbar, left to right (None: a separator). What does not fit goes to its » menu.
TOOLBAR: tuple[str | None, ...] = (
    "actionOpen",
    "actionSave",
    None,
    "actionUndo",
    "actionRedo",
    None,
    "actionApproveNext",
    "actionNeedsWork",
    "actionFlagIssue",
    "actionNextUnfinished",
    "actionNextIssue",
    None,
    "actionApproveSelection",
    "actionApproveClean",
    None,
    "actionExport",
)
# Keys handled by a widget rather than an action, for the shortcut list.
EXTRA_KEYS = (
    (
        QT_TRANSLATE_NOOP("Actions", "In the table editor: commit / line break / cancel"),
        "Return / Shift+Return / Esc",
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "In the table editor: undo / redo its typing"),
        "Ctrl+Z / Ctrl+Shift+Z",
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Move between the table and the target editor"),
        "Tab / Shift+Tab",
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Insert a translation from the project (the list's 1–9)"),
        "Ctrl+1 … Ctrl+9",
    ),
)
