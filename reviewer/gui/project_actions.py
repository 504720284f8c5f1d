"""The actions of the project features, as rows of the action table (action_table.py), each
placed after an action of its menu."""

from __future__ import annotations

from reviewer.gui.action_spec import ActionSpec
from reviewer.gui.i18n import QT_TRANSLATE_NOOP

MAX_MATCHES = 9  # translations from the project inserted by key, Ctrl+1 … Ctrl+9

PROJECT_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "actionOpenFolder",
        QT_TRANSLATE_NOOP("Actions", "Open &Folder as Project…"),
        "project.open_folder_dialog",
        "File",
        keys=("Ctrl+Shift+O",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Open a folder of articles: every article's progress, search, replace"
        ),
        after="actionOpen",
    ),
    ActionSpec(
        "actionSearchProject",
        QT_TRANSLATE_NOOP("Actions", "Searc&h in Project…"),
        "project.search_project",
        "Edit",
        keys=("Ctrl+Shift+C",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Concordance: search every source and target of the project"
        ),
        group="project",
        in_editors=True,
        after="actionClearFilter",
    ),
    ActionSpec(
        "actionReplace",
        QT_TRANSLATE_NOOP("Actions", "Find and Re&place…"),
        "project.replace",
        "Edit",
        keys=("Ctrl+H",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Replace in targets, in this article or every article of the project"
        ),
        group="replace",
        in_editors=True,
        after="actionSearchProject",
    ),
    ActionSpec(
        "actionUndoInArticles",
        QT_TRANSLATE_NOOP("Actions", "Undo the Last Change to Other &Articles"),
        "project.undo_in_articles",
        "Edit",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Take back the last replace, fix or approval written to other articles"
        ),
        group="project_undo",
        after="actionReplace",
    ),
    ActionSpec(
        "actionApplyToRepetitions",
        QT_TRANSLATE_NOOP("Actions", "Apply Fix to Re&petitions"),
        "project.apply_to_repetitions",
        "Review",
        keys=("Ctrl+Shift+R",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Give segments with the same source and the old translation this fix"
        ),
        group="segments",
        separator=True,
        in_editors=True,
        after="actionDismissCheck",
    ),
    ActionSpec(
        "actionApproveArticles",
        QT_TRANSLATE_NOOP("Actions", "Approve Clean Segments in &Articles…"),
        "project.approve_articles",
        "Review/&Batch Approval",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Approve the clean segments of the selected or shown articles"
        ),
        group="project",
        after="actionApproveClean",
    ),
    ActionSpec(
        "actionNextArticle",
        QT_TRANSLATE_NOOP("Actions", "Next &Article"),
        "project.next_article",
        "Go",
        keys=("Ctrl+PgDown",),
        tip=QT_TRANSLATE_NOOP("Actions", "Open the next article of the project list"),
        group="project",
        separator=True,
        in_editors=True,
        after="actionGoTo",
    ),
    ActionSpec(
        "actionPrevArticle",
        QT_TRANSLATE_NOOP("Actions", "Previous A&rticle"),
        "project.previous_article",
        "Go",
        keys=("Ctrl+PgUp",),
        tip=QT_TRANSLATE_NOOP("Actions", "Open the previous article of the project list"),
        group="project",
        in_editors=True,
        after="actionNextArticle",
    ),
    ActionSpec(
        "actionProjectView",
        QT_TRANSLATE_NOOP("Actions", "Pro&ject View"),
        "project.toggle_view",
        "Go",
        keys=("F9",),
        tip=QT_TRANSLATE_NOOP("Actions", "Switch between the project's articles and the article"),
        group="project",
        in_editors=True,
        after="actionPrevArticle",
    ),
    ActionSpec(
        "actionSearchDock",
        QT_TRANSLATE_NOOP("Actions", "&Search in Project"),
        "",
        "View",
        tip=QT_TRANSLATE_NOOP("Actions", "Show or hide the search across the project"),
        dock="searchDock",
        after="actionIssuesDock",
    ),
    ActionSpec(
        "actionConcordanceDock",
        QT_TRANSLATE_NOOP("Actions", "&Translations in the Project"),
        "",
        "View",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Show or hide how other articles translate the current source"
        ),
        dock="concordanceDock",
        after="actionSearchDock",
    ),
)
