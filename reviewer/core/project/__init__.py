"""Many articles at once: the project index, search, replace, propagation and batch approval.

Qt-free: the window's project view, search dock and dialogs are thin layers over these."""

from __future__ import annotations

from reviewer.core.project.approval import (
    ApprovalCriteria,
    ApprovalPlan,
    ArticleApproval,
    apply_approval,
    plan_approval,
    session_approval,
)
from reviewer.core.project.changes import Change, ChangeSet, ProjectEdit, session_edit
from reviewer.core.project.concordance import (
    Concordance,
    Hit,
    Query,
    SearchError,
    SearchResult,
    Side,
)
from reviewer.core.project.index import Changes, Project, open_paths, open_project
from reviewer.core.project.listing import (
    COLUMNS,
    ArticleRow,
    ProjectFilter,
    ProjectTotals,
    filter_indexes,
    sort_key,
    sorted_indexes,
)
from reviewer.core.project.memory import (
    InconsistentSource,
    MemoryMatch,
    TranslationMemory,
    project_consistency,
    translation_memory,
)
from reviewer.core.project.parallel import Cancelled, CancelToken, ProgressFn
from reviewer.core.project.repetitions import (
    RepeatedSource,
    plan_propagation,
    project_repetitions,
    propagation_edit,
    repetition_groups,
)
from reviewer.core.project.replace import (
    Replacement,
    apply_changes,
    plan_in_session,
    plan_replace,
)

__all__ = [
    "COLUMNS",
    "ApprovalCriteria",
    "ApprovalPlan",
    "ArticleApproval",
    "ArticleRow",
    "CancelToken",
    "Cancelled",
    "Change",
    "ChangeSet",
    "Changes",
    "Concordance",
    "Hit",
    "InconsistentSource",
    "MemoryMatch",
    "ProgressFn",
    "Project",
    "ProjectEdit",
    "ProjectFilter",
    "ProjectTotals",
    "Query",
    "RepeatedSource",
    "Replacement",
    "SearchError",
    "SearchResult",
    "Side",
    "TranslationMemory",
    "apply_approval",
    "apply_changes",
    "filter_indexes",
    "open_paths",
    "open_project",
    "plan_approval",
    "plan_in_session",
    "plan_propagation",
    "plan_replace",
    "project_consistency",
    "project_repetitions",
    "propagation_edit",
    "repetition_groups",
    "session_approval",
    "session_edit",
    "sort_key",
    "sorted_indexes",
    "translation_memory",
]
