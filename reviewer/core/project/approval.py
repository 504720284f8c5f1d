"""Batch approval across articles for a lead: all clean segments, or those a filter selects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.core.checks import Finding, Level, load_builtin_checks
from reviewer.core.checks import base as checks_base
from reviewer.core.edits import Edit
from reviewer.core.project.changes import Change, EditMaker, ProjectEdit, write_edits
from reviewer.core.project.parallel import CancelToken, ProgressFn
from reviewer.core.project.records import ArticleRecord
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace

if TYPE_CHECKING:
    from reviewer.core.project.index import Project


@dataclass(frozen=True, slots=True)
class ApprovalCriteria:
    """Which segments to approve; already approved ones are always left alone.

    ``clean``: no open issue and no error-level check finding (what "approve all clean" has
    always meant). ``hold_warnings``: also hold back segments with a warning-level finding.
    ``states``, ``check_codes``, ``ids``: only segments in one of these states, with a finding
    of one of these checks, or with one of these ids (each empty: no restriction).
    """

    clean: bool = False
    hold_warnings: bool = False
    states: frozenset[State] = frozenset()
    check_codes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    @property
    def needs_checks(self) -> bool:
        return self.clean or self.hold_warnings or bool(self.check_codes)


@dataclass(frozen=True, slots=True)
class _Row:
    state: State
    open_issues: int
    levels: frozenset[Level]
    codes: frozenset[str]
    pair_id: str


def _choose(
    rows: Iterable[tuple[int, _Row]], c: ApprovalCriteria
) -> tuple[list[int], list[int], list[int]]:
    """(to approve, of those the ones with warnings, held back for warnings)."""
    chosen: list[int] = []
    warned: list[int] = []
    held: list[int] = []
    for k, r in rows:
        if r.state is State.APPROVED:
            continue
        if c.states and r.state not in c.states:
            continue
        if c.ids and r.pair_id not in c.ids:
            continue
        if c.check_codes and not (r.codes & c.check_codes):
            continue
        if c.clean and (r.open_issues or Level.ERROR in r.levels):
            continue
        has_warning = Level.WARNING in r.levels
        if has_warning and c.hold_warnings:
            held.append(k)
            continue
        chosen.append(k)
        if has_warning:
            warned.append(k)
    return chosen, warned, held


def _record_rows(record: ArticleRecord) -> Iterable[tuple[int, _Row]]:
    levels: dict[int, set[Level]] = {}
    codes: dict[int, set[str]] = {}
    for f in record.live_findings():
        levels.setdefault(f.row, set()).add(f.level)
        codes.setdefault(f.row, set()).add(f.code)
    for k, pair_id in enumerate(record.ids):
        review = record.reviews.get(k)
        yield (
            k,
            _Row(
                review.state if review is not None else State.UNREVIEWED,
                review.open_issues if review is not None else 0,
                frozenset(levels.get(k, ())),
                frozenset(codes.get(k, ())),
                pair_id,
            ),
        )


def _session_rows(session: ReviewSession) -> Iterable[tuple[int, _Row]]:
    ids = session.doc.pairs.ids()
    made = dict(session.reviews.made())
    reported = set(session.rows_to_report())
    for k, pair_id in enumerate(ids):
        review = made.get(k)
        found = session.findings(k) if k in reported else []
        yield (
            k,
            _Row(
                review.state if review is not None else State.UNREVIEWED,
                len(review.open_issues) if review is not None else 0,
                frozenset(f.level for f in found),
                frozenset(f.code for f in found),
                pair_id,
            ),
        )


@dataclass(slots=True)
class ArticleApproval:
    rel: str
    rows: list[int] = field(default_factory=list)  # to approve
    warned: list[int] = field(default_factory=list)  # of those, the ones carrying warnings
    held: list[int] = field(default_factory=list)  # left out for their warnings


@dataclass(slots=True)
class ApprovalPlan:
    """What a batch approval would do, article by article, before anything is written."""

    criteria: ApprovalCriteria
    articles: list[ArticleApproval] = field(default_factory=list)
    missing_ids: list[str] = field(default_factory=list)  # asked for, found nowhere

    @property
    def segments(self) -> int:
        return sum(len(a.rows) for a in self.articles)

    @property
    def warned(self) -> int:
        """Segments to approve that still carry a warning (the number to say before approving)."""
        return sum(len(a.warned) for a in self.articles)

    @property
    def held(self) -> int:
        return sum(len(a.held) for a in self.articles)


def plan_approval(
    project: Project,
    rels: Iterable[str],
    criteria: ApprovalCriteria,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ApprovalPlan:
    """What approving ``rels`` under ``criteria`` would do, from the index (running the checks
    first on the articles that need them)."""
    chosen = [rel for rel in dict.fromkeys(rels) if not project.record(rel).error]
    if criteria.needs_checks:
        todo = [rel for rel in chosen if not project.has_findings(project.record(rel))]
        if todo:
            project.run_checks(progress, cancel, rels=todo)
    plan = ApprovalPlan(criteria)
    seen: set[str] = set()
    for rel in chosen:
        record = project.record(rel)
        if criteria.ids:
            seen.update(i for i in record.ids if i in criteria.ids)
        rows, warned, held = _choose(_record_rows(record), criteria)
        plan.articles.append(ArticleApproval(rel, rows, warned, held))
    plan.missing_ids = sorted(criteria.ids - seen)
    return plan


def session_findings(record: ArticleRecord, session: ReviewSession) -> list[Finding] | None:
    """The index's findings as the session's own, when the index describes this very version
    of the article (saves running the checks again); None otherwise."""
    if record.findings is None:
        return None
    load_builtin_checks()
    ids = session.doc.pairs.ids()
    path = session.doc.path
    out = []
    for f in record.findings:
        check = checks_base.REGISTRY.get(f.code)
        if check is None or f.row >= len(ids):
            return None
        out.append(Finding(f.code, f.level, check.category, check.title, f.message, path,
                           ids[f.row], f.line))  # fmt: skip
    return out


def session_approval(session: ReviewSession, criteria: ApprovalCriteria) -> ArticleApproval:
    """The same choice for one open article, from its session (the window's own file)."""
    rows, warned, held = _choose(_session_rows(session), criteria)
    return ArticleApproval(session.doc.path or "", rows, warned, held)


def apply_approval(
    project: Project,
    plan: ApprovalPlan,
    *,
    user: str = "",
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    keep_for_undo: bool = True,
) -> ProjectEdit:
    """Approve, one SetState per article, saving only the review data (articles untouched).

    Each article is chosen again from what is on disk when it is written, with the plan's
    criteria, so a file changed since the preview is never approved blindly."""
    criteria = plan.criteria
    makers: dict[str, EditMaker] = {}
    for article in plan.articles:
        if article.rows:
            makers[article.rel] = _maker(project, article.rel, criteria)
    label = f"Approve {plan.segments} segment{'s' if plan.segments != 1 else ''}"
    return write_edits(
        project,
        label,
        makers,
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
        user=user,
        keep_for_undo=keep_for_undo,
    )


def _maker(project: Project, rel: str, criteria: ApprovalCriteria) -> EditMaker:
    def make(ws: Workspace) -> tuple[Edit | None, list[Change]]:
        session = ws.session
        if criteria.needs_checks:
            record = project.record(rel)
            found = session_findings(record, session) if record.digest == ws.disk_digest else None
            if found is not None:
                session.assign_findings(found)
            else:
                session.run_checks()
        return session.approval(session_approval(session, criteria).rows), []

    return make
