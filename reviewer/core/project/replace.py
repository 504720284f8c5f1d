"""Find and replace in targets, in one article or across a project: plan, preview, apply."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.edits import Edit
from reviewer.core.project.changes import (
    Change,
    ChangeSet,
    EditMaker,
    ProjectEdit,
    session_edit,
    validated,
    write_edits,
)
from reviewer.core.project.concordance import Query, SearchError, Side
from reviewer.core.project.parallel import CancelToken, ProgressFn
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace

if TYPE_CHECKING:
    from reviewer.core.project.index import Project


@dataclass(frozen=True, slots=True)
class Replacement:
    """What to replace: plain text (or a regex whose replacement may use ``\\1``, ``\\g<name>``)
    in targets only. Case matters unless ``match_case`` is off."""

    find: str
    replace: str
    regex: bool = False
    match_case: bool = True
    whole_word: bool = False

    def query(self) -> Query:
        return Query(self.find, self.regex, self.match_case, self.whole_word, Side.TARGET)

    @property
    def label(self) -> str:
        return f"Replace {_short(self.find)!r} with {_short(self.replace)!r}"

    def apply(self, text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """``text`` with every match replaced, and the spans replaced (in ``text``).

        Raises SearchError for a pattern that does not compile or a replacement that names a
        group the pattern does not have."""
        pattern = self.query().pattern()
        spans: list[tuple[int, int]] = []
        literal = self.replace

        def replacement(m: re.Match[str]) -> str:
            spans.append(m.span())
            if not self.regex:
                return literal  # taken as written: no backslash processing
            try:
                return m.expand(literal)
            except (re.error, IndexError) as exc:
                raise SearchError(f"Invalid replacement {literal!r}: {exc}.") from None

        return pattern.sub(replacement, text), tuple(spans)


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plan(replacement: Replacement, found: Iterable[tuple[str, int, str, str, str]]) -> ChangeSet:
    """The changes for (rel, row, id, source, target) candidates; unchanged ones left out."""
    if not replacement.find:
        raise SearchError("Nothing to find: type the text to replace.")
    plan = ChangeSet(replacement.label)
    for rel, row, pair_id, source, before in found:
        after, spans = replacement.apply(before)
        if after != before:
            plan.changes.append(validated(Change(rel, row, pair_id, source, before, after, spans)))
    return plan


def plan_replace(
    project: Project, replacement: Replacement, rels: Iterable[str] | None = None
) -> ChangeSet:
    """Every target change the replacement makes in the project (or in ``rels``), from the
    index: what the files on disk hold now. Changes that would break an article are listed
    as refused; risky ones carry warnings."""
    if not replacement.find:
        return _plan(replacement, ())
    hits = project.concordance().search(replacement.query(), limit=sys.maxsize, rels=rels).hits
    return _plan(replacement, ((h.rel, h.row, h.pair_id, h.source, h.target) for h in hits))


def plan_in_session(
    session: ReviewSession,
    replacement: Replacement,
    rel: str = "",
    rows: Iterable[int] | None = None,
) -> ChangeSet:
    """The same for one open article as it is in memory (unsaved edits included)."""
    if not replacement.find:
        return _plan(replacement, ())
    pattern = replacement.query().pattern()
    pairs = session.doc.pairs
    targets, ids = pairs.targets(), pairs.ids()
    candidates = (
        (rel, row, ids[row], pairs.source_at(row), targets[row])
        for row in (range(len(targets)) if rows is None else rows)
        if pattern.search(targets[row]) is not None
    )
    return _plan(replacement, candidates)


def apply_changes(
    project: Project,
    plan: ChangeSet,
    *,
    user: str = "",
    allow_warnings: bool = False,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    keep_for_undo: bool = True,
) -> ProjectEdit:
    """Write the plan's applicable changes: one edit per article (a Composite of SetTarget),
    saved; segments whose target changed since the plan are skipped and reported."""
    makers: dict[str, EditMaker] = {}
    for rel, changes in plan.by_article(plan.applicable(allow_warnings)).items():
        makers[rel] = _maker(changes, plan.label, user)
    return write_edits(
        project,
        plan.label,
        makers,
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
        user=user,
        keep_for_undo=keep_for_undo,
    )


def _maker(changes: list[Change], label: str, user: str) -> EditMaker:
    def make(ws: Workspace) -> tuple[Edit | None, list[Change]]:
        return session_edit(ws.session, changes, label, user)

    return make
