"""The window's actions as data: one row each. Menus, toolbar, enablement and the shortcut list
are generated from it (actions.py). To add an action, add a row and the method it names."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from reviewer.gui.i18n import QT_TRANSLATE_NOOP

SK = QKeySequence.StandardKey

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str  # objectName: scripts and tests find the action by it
    text: str  # menu text, untranslated (QT_TRANSLATE_NOOP "Actions")
    handler: str  # "part.method" on the window ("files.save"), or "window.method"
    menu: str  # menu path: "File", "Review/Batch Approval"
    keys: tuple[Key, ...] = ()
    tip: str = ""  # status tip and tooltip, untranslated
    group: str = "always"  # enabled when the window says this group is: see Actions.enable
    separator: bool = False  # a separator before it in its menu
    in_editors: bool = False  # its keys reach the window even from a target editor
    label: str = ""  # short toolbar label (the menu text when empty)
    dock: str = ""  # objectName of the dock whose show/hide action this row describes
    checkable: bool = False  # an on/off setting: the handler gets the new state
    after: str = ""  # put it after this action of its menu (rows kept in another module)


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
    # Review
    ActionSpec(
        "actionApproveNext",
        QT_TRANSLATE_NOOP("Actions", "&Approve and Next"),
        "review.approve_and_next",
        "Review",
        keys=("Ctrl+Return", "Ctrl+Enter"),
        tip=QT_TRANSLATE_NOOP("Actions", "Approve this segment and go to the next unfinished one"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionApprove",
        QT_TRANSLATE_NOOP("Actions", "Approve"),
        "review.approve_current",
        "Review",
        keys=("Alt+Return",),
        tip=QT_TRANSLATE_NOOP("Actions", "Approve this segment and stay"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionMarkReviewed",
        QT_TRANSLATE_NOOP("Actions", "Mark &Reviewed"),
        "review.mark_reviewed",
        "Review",
        tip=QT_TRANSLATE_NOOP("Actions", "Mark the segment as reviewed"),
        group="segments",
    ),
    ActionSpec(
        "actionNeedsWork",
        QT_TRANSLATE_NOOP("Actions", "Mark Needs &Work"),
        "review.mark_needs_work",
        "Review",
        keys=("Ctrl+Shift+N",),
        tip=QT_TRANSLATE_NOOP("Actions", "Mark the segment as needing work"),
        group="segments",
        in_editors=True,
        label=QT_TRANSLATE_NOOP("Actions", "Needs Work"),
    ),
    ActionSpec(
        "actionMarkUnreviewed",
        QT_TRANSLATE_NOOP("Actions", "Reset to &Unreviewed"),
        "review.mark_unreviewed",
        "Review",
        tip=QT_TRANSLATE_NOOP("Actions", "Reset the segment to unreviewed"),
        group="segments",
    ),
    ActionSpec(
        "actionFlagIssue",
        QT_TRANSLATE_NOOP("Actions", "&Flag Issue…"),
        "review.flag_issue",
        "Review",
        keys=("Ctrl+Shift+F",),
        tip=QT_TRANSLATE_NOOP("Actions", "Flag an MQM issue on this segment"),
        group="segments",
        separator=True,
        in_editors=True,
    ),
    ActionSpec(
        "actionDismissCheck",
        QT_TRANSLATE_NOOP("Actions", "&Dismiss Check"),
        "review.dismiss_selected",
        "Review",
        keys=("Ctrl+Shift+D",),
        tip=QT_TRANSLATE_NOOP("Actions", "Dismiss the selected check result as a false positive"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionApproveSelection",
        QT_TRANSLATE_NOOP("Actions", "Approve &Selection…"),
        "review.approve_selection",
        "Review/&Batch Approval",
        keys=("Ctrl+Shift+A",),
        tip=QT_TRANSLATE_NOOP("Actions", "Approve every selected segment"),
        group="segments",
    ),
    ActionSpec(
        "actionApproveFiltered",
        QT_TRANSLATE_NOOP("Actions", "Approve All S&hown…"),
        "review.approve_filtered",
        "Review/&Batch Approval",
        tip=QT_TRANSLATE_NOOP("Actions", "Approve every segment the filter shows"),
        group="segments",
    ),
    ActionSpec(
        "actionApproveClean",
        QT_TRANSLATE_NOOP("Actions", "Approve All &Clean…"),
        "review.approve_clean",
        "Review/&Batch Approval",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Approve shown segments with no open issue and no error-level check"
        ),
        group="segments",
    ),
    ActionSpec(
        "actionAddTerm",
        QT_TRANSLATE_NOOP("Actions", "Add &Term to Glossary…"),
        "language.add_term",
        "Review",
        keys=("Ctrl+Shift+T",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Add the selected source text (and target text) to your glossary"
        ),
        separator=True,
        in_editors=True,
    ),
    ActionSpec(
        "actionCheckSettings",
        QT_TRANSLATE_NOOP("Actions", "Check &Settings…"),
        "language.check_settings",
        "Review",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Turn checks on or off, set their levels, dictionary and glossaries"
        ),
    ),
    # Go
    ActionSpec(
        "actionNextSegment",
        QT_TRANSLATE_NOOP("Actions", "&Next Segment"),
        "nav.step",
        "Go",
        keys=("Ctrl+Down",),
        tip=QT_TRANSLATE_NOOP("Actions", "Next segment, whatever its state"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionPrevSegment",
        QT_TRANSLATE_NOOP("Actions", "&Previous Segment"),
        "nav.step_back",
        "Go",
        keys=("Ctrl+Up",),
        tip=QT_TRANSLATE_NOOP("Actions", "Previous segment, whatever its state"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionNextUnfinished",
        QT_TRANSLATE_NOOP("Actions", "Next &Unfinished"),
        "nav.next_unfinished",
        "Go",
        keys=("Ctrl+J",),
        tip=QT_TRANSLATE_NOOP("Actions", "Next segment not yet reviewed or approved"),
        group="segments",
        separator=True,
        in_editors=True,
        label=QT_TRANSLATE_NOOP("Actions", "Next Unfinished"),
    ),
    ActionSpec(
        "actionPrevUnfinished",
        QT_TRANSLATE_NOOP("Actions", "Previous Unfinished"),
        "nav.previous_unfinished",
        "Go",
        keys=("Ctrl+K",),
        tip=QT_TRANSLATE_NOOP("Actions", "Previous segment not yet reviewed or approved"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionNextIssue",
        QT_TRANSLATE_NOOP("Actions", "Next &Issue"),
        "nav.next_issue",
        "Go",
        keys=("F3", "Ctrl+Shift+J"),
        tip=QT_TRANSLATE_NOOP("Actions", "Next segment with an issue or check result"),
        group="segments",
        in_editors=True,
        label=QT_TRANSLATE_NOOP("Actions", "Next Issue"),
    ),
    ActionSpec(
        "actionPrevIssue",
        QT_TRANSLATE_NOOP("Actions", "Previous Issue"),
        "nav.previous_issue",
        "Go",
        keys=("Shift+F3", "Ctrl+Shift+K"),
        tip=QT_TRANSLATE_NOOP("Actions", "Previous segment with an issue or check result"),
        group="segments",
        in_editors=True,
    ),
    ActionSpec(
        "actionGoTo",
        QT_TRANSLATE_NOOP("Actions", "&Go to Segment…"),
        "nav.ask_goto",
        "Go",
        keys=("Ctrl+G",),
        tip=QT_TRANSLATE_NOOP("Actions", "Go to a segment by its number or id"),
        group="segments",
        separator=True,
        in_editors=True,
    ),
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
