"""Every user action as an edit object with apply and revert, so the window can undo it."""

from __future__ import annotations

import dataclasses
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reviewer.core.errors import ReviewerError
from reviewer.core.format import EditWarning, check_target
from reviewer.core.mqm import Issue
from reviewer.core.segments import SegmentReview, State
from reviewer.core.typing_steps import TypingRun, text_change

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class _Stamp:
    """A segment's state and who set it, captured so revert restores it exactly."""

    state: State
    changed_by: str
    changed_at: str
    # Approving settles a re-translation flag and adopts the current source; undo restores both.
    source_changed: bool = False
    source: str = ""

    @classmethod
    def of(cls, review: SegmentReview) -> _Stamp:
        return cls(
            review.state,
            review.changed_by,
            review.changed_at,
            review.source_changed,
            review.source,
        )

    def restore(self, review: SegmentReview) -> None:
        review.state = self.state
        review.changed_by = self.changed_by
        review.changed_at = self.changed_at
        review.source_changed = self.source_changed
        review.source = self.source


@dataclass(kw_only=True)
class Edit(ABC):
    """One undoable change to a review session, stamped with who made it and when."""

    author: str = ""
    at: str = field(default_factory=now_iso)
    validated: bool = field(default=False, compare=False, repr=False)

    def validate(self, session: ReviewSession) -> list[EditWarning]:
        """Refuse, with a ReviewerError a user can read, what apply could not do; list warnings.

        Called once per edit, before it is applied (``ReviewSession.apply`` calls it for
        callers that did not); ``apply`` then trusts it.
        """
        self._check(session)
        self.validated = True
        return []

    def _check(self, session: ReviewSession) -> None:
        for row in self.rows:
            if not 0 <= row < len(session.doc.pairs):
                raise ReviewerError(f"There is no segment #{row + 1} in this article.")

    @abstractmethod
    def apply(self, session: ReviewSession) -> None: ...

    @abstractmethod
    def revert(self, session: ReviewSession) -> None: ...

    @property
    @abstractmethod
    def rows(self) -> tuple[int, ...]:
        """Indexes of the pairs this edit touches, so views refresh just those."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Short text for an Undo menu entry."""

    def _stamp(self, review: SegmentReview, state: State) -> None:
        review.state = state
        review.changed_by = self.author
        review.changed_at = self.at


def _existing_issue(session: ReviewSession, row: int, uid: str) -> Issue:
    try:
        return session.reviews[row].issue(uid)
    except KeyError:
        raise ReviewerError(
            f"That issue is no longer on segment #{row + 1} (it was undone or deleted)."
        ) from None


@dataclass(kw_only=True)
class SetTarget(Edit):
    """Replace a target; the segment becomes edited."""

    row: int
    new_target: str
    old_target: str = ""
    warnings: list[EditWarning] = field(default_factory=list)
    # When it was typed (time.monotonic): a pause between keys ends an undo step.
    clock: float = field(default_factory=time.monotonic, compare=False, repr=False)
    _before: _Stamp | None = None
    _run: TypingRun | None = field(default=None, compare=False, repr=False)

    def validate(self, session: ReviewSession) -> list[EditWarning]:
        self._check(session)
        pair = session.doc.pairs[self.row]
        # Raises TargetRejected for a target that would break the file.
        self.warnings = check_target(pair.saved_target, self.new_target)
        self.validated = True
        return list(self.warnings)

    def apply(self, session: ReviewSession) -> None:
        pair = session.doc.pairs[self.row]
        review = session.reviews[self.row]
        if self._before is None:
            self.old_target = pair.target
            self._before = _Stamp.of(review)
            self._run = TypingRun.begin(text_change(pair.target, self.new_target), self.clock)
        if not self.validated:
            self.validate(session)  # before any change: a refused target changes nothing
        pair.target = self.new_target
        self._stamp(review, State.EDITED)

    def revert(self, session: ReviewSession) -> None:
        session.doc.pairs[self.row].target = self.old_target
        if self._before is not None:
            self._before.restore(session.reviews[self.row])

    def merge(self, later: SetTarget) -> bool:
        """Fold a later keystroke into this edit when it continues the same word on the same
        segment without a pause (typing_steps); otherwise it becomes its own undo step."""
        if later.row != self.row or self._run is None:
            return False
        if not self._run.extend(text_change(self.new_target, later.new_target), later.clock):
            return False
        self.new_target = later.new_target
        self.warnings = later.warnings
        self.at = later.at
        return True

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.row,)

    @property
    def description(self) -> str:
        return "Edit target"


@dataclass(kw_only=True)
class SetState(Edit):
    """Set the state of one or many segments: a batch approval is one edit, one undo step."""

    row_list: tuple[int, ...]
    state: State
    _before: list[_Stamp] = field(default_factory=list)

    def apply(self, session: ReviewSession) -> None:
        if not self._before:
            self._before = [_Stamp.of(session.reviews[r]) for r in self.row_list]
        for r in self.row_list:
            review = session.reviews[r]
            self._stamp(review, self.state)
            if self.state in (State.REVIEWED, State.APPROVED):
                # A fresh decision on the current source settles a re-translation flag.
                review.source_changed = False
                review.source = session.doc.pairs.source_at(r)  # without building the pair

    def revert(self, session: ReviewSession) -> None:
        for r, before in zip(self.row_list, self._before, strict=True):
            before.restore(session.reviews[r])

    @property
    def rows(self) -> tuple[int, ...]:
        return self.row_list

    @property
    def description(self) -> str:
        n = len(self.row_list)
        noun = "segment" if n == 1 else "segments"
        return f"Mark {n} {noun} {self.state.label.lower()}"


@dataclass(kw_only=True)
class AddIssue(Edit):
    row: int
    issue: Issue

    def apply(self, session: ReviewSession) -> None:
        if not self.issue.author:
            self.issue.author = self.author
        if not self.issue.created:
            self.issue.created = self.at
        session.reviews[self.row].issues.append(self.issue)

    def revert(self, session: ReviewSession) -> None:
        issues = session.reviews[self.row].issues
        issues[:] = [i for i in issues if i.uid != self.issue.uid]

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.row,)

    @property
    def description(self) -> str:
        return "Flag issue"


@dataclass(kw_only=True)
class UpdateIssue(Edit):
    """Change an issue's category, severity, comment or status; its identity stays."""

    row: int
    uid: str
    updated: Issue
    _old: Issue | None = None

    def _check(self, session: ReviewSession) -> None:
        super()._check(session)
        _existing_issue(session, self.row, self.uid)

    def apply(self, session: ReviewSession) -> None:
        issues = session.reviews[self.row].issues
        for k, issue in enumerate(issues):
            if issue.uid == self.uid:
                if self._old is None:
                    self._old = dataclasses.replace(issue)
                issues[k] = dataclasses.replace(self.updated, uid=self.uid)
                return
        raise KeyError(self.uid)

    def revert(self, session: ReviewSession) -> None:
        issues = session.reviews[self.row].issues
        for k, issue in enumerate(issues):
            if issue.uid == self.uid and self._old is not None:
                issues[k] = dataclasses.replace(self._old)
                return

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.row,)

    @property
    def description(self) -> str:
        return "Edit issue"


@dataclass(kw_only=True)
class RemoveIssue(Edit):
    row: int
    uid: str
    _removed: Issue | None = None
    _position: int = 0

    def _check(self, session: ReviewSession) -> None:
        super()._check(session)
        _existing_issue(session, self.row, self.uid)

    def apply(self, session: ReviewSession) -> None:
        issues = session.reviews[self.row].issues
        for k, issue in enumerate(issues):
            if issue.uid == self.uid:
                self._removed, self._position = issue, k
                del issues[k]
                return
        raise KeyError(self.uid)

    def revert(self, session: ReviewSession) -> None:
        if self._removed is not None:
            session.reviews[self.row].issues.insert(self._position, self._removed)

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.row,)

    @property
    def description(self) -> str:
        return "Delete issue"


@dataclass(kw_only=True)
class DismissCheck(Edit):
    """Dismiss (or restore) an automatic check on one segment: a judged false positive."""

    row: int
    code: str
    dismiss: bool = True
    _was: bool = False

    def apply(self, session: ReviewSession) -> None:
        dismissed = session.reviews[self.row].dismissed
        self._was = self.code in dismissed
        if self.dismiss:
            dismissed.add(self.code)
        else:
            dismissed.discard(self.code)

    def revert(self, session: ReviewSession) -> None:
        dismissed = session.reviews[self.row].dismissed
        if self._was:
            dismissed.add(self.code)
        else:
            dismissed.discard(self.code)

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.row,)

    @property
    def description(self) -> str:
        return "Dismiss check" if self.dismiss else "Restore check"


@dataclass(kw_only=True)
class Composite(Edit):
    """Several edits applied as one, reverted in reverse order."""

    edits: list[Edit]
    label: str = ""

    def validate(self, session: ReviewSession) -> list[EditWarning]:
        warnings: list[EditWarning] = []
        for edit in self.edits:
            warnings += edit.validate(session)
        self.validated = True
        return warnings

    def apply(self, session: ReviewSession) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(session)
                done.append(edit)
        except BaseException:
            for edit in reversed(done):
                edit.revert(session)
            raise

    def revert(self, session: ReviewSession) -> None:
        for edit in reversed(self.edits):
            edit.revert(session)

    @property
    def rows(self) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for edit in self.edits:
            seen.update(dict.fromkeys(edit.rows))
        return tuple(seen)

    @property
    def description(self) -> str:
        return self.label or (self.edits[0].description if self.edits else "Change")
