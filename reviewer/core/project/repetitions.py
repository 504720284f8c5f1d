"""Repeated segments: grouping them, and carrying a fix to the other occurrences of a source."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.edits import Composite
from reviewer.core.project.changes import Change, ChangeSet, session_edit, validated
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

if TYPE_CHECKING:
    from reviewer.core.project.index import Project


def source_key(source: str) -> str:
    """What makes two sources "the same" here: equal once edge whitespace is dropped (the
    article-level consistency check groups them the same way)."""
    return source.strip()


# -- within one article ----------------------------------------------------------------------


def repetition_groups(sources: Sequence[str]) -> dict[int, int]:
    """Row -> group number for every row whose source occurs more than once in the list.

    Groups are numbered in order of first occurrence, so sorting rows by (group, row) shows
    each repeated source's occurrences together: the window's "repetitions" filter.
    """
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for row, source in enumerate(sources):
        key = source_key(source)
        if not key:
            continue
        first.setdefault(key, row)
        counts[key] = counts.get(key, 0) + 1
    numbers: dict[str, int] = {}
    out: dict[int, int] = {}
    for row, source in enumerate(sources):
        key = source_key(source)
        if counts.get(key, 0) > 1:
            out[row] = numbers.setdefault(key, len(numbers))
    return out


def propagation_rows(
    sources: Sequence[str], targets: Sequence[str], row: int, old_target: str
) -> list[int]:
    """Other rows with the same source as ``row`` whose target is still ``old_target``: where
    the fix just made to ``row`` applies as it is."""
    key = source_key(sources[row])
    return [
        k
        for k, source in enumerate(sources)
        if k != row and targets[k] == old_target and source_key(source) == key
    ]


def propagation_edit(
    session: ReviewSession, row: int, old_target: str, author: str = ""
) -> Composite | None:
    """One edit giving every exact repetition of ``row`` in this article the target ``row``
    has now, where the repetition still holds ``old_target`` and is not approved (the window
    offers it with a count after an edit, or applies it at once when automatic propagation
    is on). None when there is nothing to change."""
    pairs = session.doc.pairs
    new_target = pairs.target_at(row)
    if new_target == old_target:
        return None
    sources, targets, ids = pairs.sources(), pairs.targets(), pairs.ids()
    changes = [
        validated(Change("", k, ids[k], sources[k], targets[k], new_target))
        for k in propagation_rows(sources, targets, row, old_target)
        if session.reviews[k].state is not State.APPROVED  # an approval is a decision
    ]
    n = len(changes)
    label = f"Apply the same fix to {n} repeated segment{'s' if n != 1 else ''}"
    edit, _ = session_edit(session, changes, label, author)
    return edit


# -- across the project ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Occurrence:
    rel: str
    row: int
    pair_id: str
    target: str
    state: State

    @property
    def number(self) -> int:
        return self.row + 1


@dataclass(frozen=True, slots=True)
class RepeatedSource:
    """A source that occurs more than once in the project, with every occurrence."""

    source: str
    occurrences: tuple[Occurrence, ...]

    @property
    def articles(self) -> int:
        return len({o.rel for o in self.occurrences})

    @property
    def translations(self) -> int:
        return len({o.target.strip() for o in self.occurrences})


def source_index(project: Project) -> dict[str, list[tuple[str, int]]]:
    """Source (stripped) -> every (article, row) holding it, over the project's index (built
    once per revision of the project; do not change it)."""
    return project.memo("source_index", lambda: _source_index(project))


def _source_index(project: Project) -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for record in project.records:
        rel = record.rel
        for row, source in enumerate(record.sources):
            key = source_key(source)
            if key:
                index.setdefault(key, []).append((rel, row))
    return index


def project_repetitions(
    project: Project, min_count: int = 2, across_articles: bool = False
) -> list[RepeatedSource]:
    """Sources occurring at least ``min_count`` times (in different articles only, when
    ``across_articles``), most frequent first."""
    out: list[RepeatedSource] = []
    for key, places in source_index(project).items():
        if len(places) < min_count:
            continue
        if across_articles and len({rel for rel, _ in places}) < 2:
            continue
        out.append(
            RepeatedSource(key, tuple(_occurrence(project, rel, row) for rel, row in places))
        )
    out.sort(key=lambda r: (-len(r.occurrences), r.source))
    return out


def _occurrence(project: Project, rel: str, row: int) -> Occurrence:
    record = project.record(rel)
    return Occurrence(rel, row, record.ids[row], record.targets[row], record.state_of(row))


def plan_propagation(
    project: Project,
    source: str,
    old_target: str,
    new_target: str,
    *,
    exclude: Iterable[tuple[str, int]] = (),
    rels: Iterable[str] | None = None,
    any_target: bool = False,
) -> ChangeSet:
    """The fix ``old_target`` -> ``new_target`` for every other segment of the project with
    the same source whose target is still ``old_target`` (any target but ``new_target`` with
    ``any_target``). Approved segments are left alone: an approval is a decision. ``exclude``
    names the segment just edited (and any in the open article, done in its session)."""
    skip = set(exclude)
    wanted = None if rels is None else set(rels)
    key = source_key(source)
    n_label = "any target" if any_target else "the same target"
    plan = ChangeSet(f"Apply the same fix to segments with this source and {n_label}")
    for record in project.records:
        if wanted is not None and record.rel not in wanted:
            continue
        for row, candidate in enumerate(record.sources):
            if (record.rel, row) in skip or source_key(candidate) != key:
                continue
            target = record.targets[row]
            if target == new_target or (not any_target and target != old_target):
                continue
            if record.state_of(row) is State.APPROVED:
                continue
            change = Change(record.rel, row, record.ids[row], candidate, target, new_target)
            plan.changes.append(validated(change))
    n = len(plan.changes)
    plan.label = f"Apply the same fix to {n} segment{'s' if n != 1 else ''} with this source"
    return plan
