"""Segment review states and the per-segment review record."""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from reviewer.core.format import PairList
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


class ReviewList(MutableSequence[SegmentReview]):
    """One review record per pair, each made on first access: a fresh, unreviewed one.

    A 50,000-pair article then opens without 50,000 records; the sidecar's records are given
    up front. Behaves as a list of SegmentReview (indexing, iteration, ``==`` with a list);
    ``made`` lists only the records that exist, which is all that can carry review data.
    """

    __slots__ = ("_items", "_lock", "_pairs")

    def __init__(
        self,
        pairs: PairList,
        given: list[SegmentReview | None] | dict[int, SegmentReview] | None = None,
    ) -> None:
        self._pairs = pairs
        items: list[SegmentReview | None]
        if isinstance(given, list):
            items = given
        else:
            items = [None] * len(pairs)
            for k, review in (given or {}).items():
                items[k] = review
        if len(items) != len(pairs):
            raise ValueError("one review record per pair is required")
        self._items = items
        self._lock = threading.Lock()

    # Copies and pickles (tests deep-copy sessions) carry everything but the lock.
    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "_lock"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._lock = threading.Lock()

    @classmethod
    def of(cls, reviews: Sequence[SegmentReview], pairs: PairList) -> ReviewList:
        """``reviews`` as a ReviewList (as it is when it already is one for ``pairs``)."""
        if isinstance(reviews, ReviewList) and reviews._pairs is pairs:
            return reviews
        return cls(pairs, reviews if isinstance(reviews, list) else list(reviews))

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> SegmentReview: ...

    @overload
    def __getitem__(self, index: slice) -> list[SegmentReview]: ...

    def __getitem__(self, index: int | slice) -> SegmentReview | list[SegmentReview]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self._items)))]
        review = self._items[index]
        if review is not None:
            return review
        return self._make(index if index >= 0 else index + len(self._items))

    @overload
    def __setitem__(self, index: int, value: SegmentReview) -> None: ...

    @overload
    def __setitem__(self, index: slice, value: Iterable[SegmentReview]) -> None: ...

    def __setitem__(self, index: int | slice, value: Any) -> None:
        if isinstance(index, slice):
            raise TypeError("a ReviewList has one record per pair: assign records one by one")
        self._items[index] = value

    def __delitem__(self, index: int | slice) -> None:
        raise TypeError("a ReviewList has one record per pair: records cannot be removed")

    def insert(self, index: int, value: SegmentReview) -> None:
        raise TypeError("a ReviewList has one record per pair: records cannot be added")

    def __iter__(self) -> Iterator[SegmentReview]:
        return (self[k] for k in range(len(self._items)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ReviewList | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ReviewList of {len(self)} records, {len(self.made())} made>"

    def made(self) -> list[tuple[int, SegmentReview]]:
        """(row, record) of every record that exists; the others are fresh and unreviewed."""
        return [(k, r) for k, r in enumerate(self._items) if r is not None]

    def peek(self, row: int) -> SegmentReview | None:
        """The record of ``row`` if it exists, without making one (a fresh row has none)."""
        return self._items[row]

    def made_records(self) -> list[SegmentReview]:
        """The records that exist, in row order (quicker than ``made`` when rows do not matter)."""
        return [r for r in self._items if r is not None]

    def _make(self, k: int) -> SegmentReview:
        with self._lock:  # one record per row even when a worker thread asks at the same time
            review = self._items[k]
            if review is None:
                pairs = self._pairs
                # The target as opened: what is on disk (a built pair may hold an edit).
                pair = pairs[k] if pairs.is_built(k) else None
                original = pair.saved_target if pair is not None else pairs.target_at(k)
                review = SegmentReview(pairs.ids()[k], pairs.source_at(k), original)
                self._items[k] = review
            return review
