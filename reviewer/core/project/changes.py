"""Planned target changes across articles, applied as one edit per article and undone as one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reviewer.core.edits import Composite, Edit, SetTarget
from reviewer.core.errors import ReviewerError, TargetRejected
from reviewer.core.format import check_target
from reviewer.core.project.parallel import CancelToken, ProgressFn
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace

if TYPE_CHECKING:  # the index imports nothing from here, but keep the graph one-way
    from reviewer.core.project.index import Project


@dataclass(frozen=True, slots=True)
class Change:
    """One target to change: where, what it is now, what it becomes, and whether it may."""

    rel: str
    row: int
    pair_id: str
    source: str
    before: str
    after: str
    spans: tuple[tuple[int, int], ...] = ()  # what changes in ``before`` (for a preview)
    warnings: tuple[str, ...] = ()  # allowed but risky (line breaks, tags, edge spaces)
    refused: str = ""  # would break the article: never applied

    @property
    def number(self) -> int:
        return self.row + 1

    @property
    def applicable(self) -> bool:
        return not self.refused


def validated(change: Change) -> Change:
    """``change`` with its refusal or warnings filled in by the core's target rules."""
    try:
        warnings = check_target(change.before, change.after)
    except TargetRejected as exc:
        return replace(change, refused=str(exc))
    return replace(change, warnings=tuple(w.message for w in warnings))


@dataclass(slots=True)
class ChangeSet:
    """Changes planned over a project or an article, for a preview and then for applying."""

    label: str  # what the Undo menu and the CLI call it: "Replace 'a' with 'b'"
    changes: list[Change] = field(default_factory=list)

    def applicable(self, allow_warnings: bool = False) -> list[Change]:
        return [c for c in self.changes if c.applicable and (allow_warnings or not c.warnings)]

    @property
    def refused(self) -> list[Change]:
        return [c for c in self.changes if c.refused]

    @property
    def warned(self) -> list[Change]:
        return [c for c in self.changes if c.applicable and c.warnings]

    def articles(self) -> list[str]:
        return list(dict.fromkeys(c.rel for c in self.changes))

    def by_article(self, changes: Iterable[Change] | None = None) -> dict[str, list[Change]]:
        out: dict[str, list[Change]] = {}
        for c in self.changes if changes is None else changes:
            out.setdefault(c.rel, []).append(c)
        return out


def session_edit(
    session: ReviewSession, changes: Sequence[Change], label: str, author: str = ""
) -> tuple[Composite | None, list[Change]]:
    """One edit setting the targets of ``changes`` in an open article (the window pushes it
    as one undo step), and the changes left out because the target is no longer ``before``."""
    edits: list[Edit] = []
    stale: list[Change] = []
    targets = session.doc.pairs.targets()
    for c in changes:
        if not c.applicable:
            continue
        if c.row >= len(targets) or targets[c.row] != c.before:
            stale.append(c)
            continue
        edits.append(SetTarget(row=c.row, new_target=c.after, author=author or session.user))
    if not edits:
        return None, stale
    return Composite(edits=edits, label=label, author=author or session.user), stale


# -- applying to files --------------------------------------------------------------------


@dataclass(slots=True)
class ArticleResult:
    rel: str
    applied: int = 0
    stale: list[Change] = field(default_factory=list)  # the article changed since the plan
    error: str = ""  # could not open or save: nothing changed in this article
    exception: ReviewerError | None = None  # the error itself, for a caller's own wording
    notes: list[str] = field(default_factory=list)  # what the save could not keep (an owner)
    workspace: Workspace | None = None
    edit: Edit | None = None


@dataclass(slots=True)
class ProjectEdit:
    """Changes written to many articles, undoable as one step (``revert``).

    Each article got one edit, applied in its own session and saved. ``revert`` undoes them
    all and saves again; an article changed on disk since is left alone and reported.
    """

    label: str
    results: list[ArticleResult] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(r.applied for r in self.results)

    @property
    def articles(self) -> list[str]:
        return [r.rel for r in self.results if r.applied]

    @property
    def errors(self) -> list[ArticleResult]:
        return [r for r in self.results if r.error]

    @property
    def stale(self) -> list[Change]:
        return [c for r in self.results for c in r.stale]

    def revert(self, project: Project | None = None) -> list[str]:
        """Undo every article's edit and save; returns messages for articles left alone."""
        problems: list[str] = []
        for r in self.results:
            if r.workspace is None or r.edit is None:
                continue
            try:
                r.workspace.session.revert(r.edit)
                r.workspace.save()
            except ReviewerError as exc:
                problems.append(str(exc))
        if project is not None:
            project.refresh(self.articles)
        return problems


EditMaker = Callable[[Workspace], tuple[Edit | None, list[Change]]]


def write_edits(
    project: Project,
    label: str,
    makers: dict[str, EditMaker],
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    user: str = "",
    keep_for_undo: bool = True,
) -> ProjectEdit:
    """Open each article, make its edit, apply it and save (unless ``dry_run``); then refresh
    the project. An article that cannot be opened or saved is reported and left unchanged.
    With ``keep_for_undo`` the result holds each article's workspace and edit for ``revert``
    (the window's one undo step); the command line lets them go."""
    result = ProjectEdit(label)
    total = len(makers)
    try:
        for k, (rel, make) in enumerate(makers.items()):
            if cancel is not None:
                cancel.check()
            if progress is not None:
                progress(k, total, label)
            item = ArticleResult(rel)
            result.results.append(item)
            try:
                ws = project.open_workspace(rel, user)
                edit, stale = make(ws)
                item.stale = stale
                if edit is None:
                    continue
                item.applied = len(edit.rows)
                if dry_run:
                    continue
                ws.session.apply(edit)
                ws.save()
                item.notes = list(ws.save_notes)
                if keep_for_undo:
                    item.workspace, item.edit = ws, edit
            except ReviewerError as exc:
                item.error, item.exception = str(exc), exc
                item.applied = 0
        if progress is not None:
            progress(total, total, label)
    finally:
        if not dry_run:
            project.refresh(result.articles)
    return result
