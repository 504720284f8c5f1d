"""Segment review states and the per-segment review record."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from reviewer.core.mqm import Issue


class State(enum.Enum):
    """Where a segment stands in review; unreviewed is where every segment starts."""

    UNREVIEWED = "unreviewed"
    EDITED = "edited"
    NEEDS_WORK = "needs-work"
    REVIEWED = "reviewed"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_finished(self) -> bool:
        """Finished segments are skipped by "next unfinished"."""
        return self in (State.REVIEWED, State.APPROVED)


_LABELS = {
    State.UNREVIEWED: "Unreviewed",
    State.EDITED: "Edited",
    State.NEEDS_WORK: "Needs work",
    State.REVIEWED: "Reviewed",
    State.APPROVED: "Approved",
}


@dataclass(slots=True)
class SegmentReview:
    """Everything the review knows about one segment beyond the article's own bytes."""

    pair_id: str
    source: str  # the source when reviewed: a changed source voids the review
    original_target: str  # the target as first opened: the raw MT, for diffs and edit distance
    state: State = State.UNREVIEWED
    issues: list[Issue] = field(default_factory=list)
    dismissed: set[str] = field(default_factory=set)  # check codes judged false positives
    changed_by: str = ""
    changed_at: str = ""  # ISO 8601, UTC
    source_changed: bool = False  # matched by id but its source changed since the last review

    @property
    def open_issues(self) -> list[Issue]:
        return [i for i in self.issues if i.is_open]

    def issue(self, uid: str) -> Issue:
        for candidate in self.issues:
            if candidate.uid == uid:
                return candidate
        raise KeyError(uid)
