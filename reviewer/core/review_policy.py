"""Review rules the window shows and acts on: batch approval, issue counts, where to go next."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reviewer.core.checks import Finding
from reviewer.core.checks import base as checks_base
from reviewer.core.edits import SetState
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

_SEVERITY_ORDER = {s: k for k, s in enumerate(Severity)}


# -- issues ------------------------------------------------------------------------------------
def row_issues(session: ReviewSession, row: int) -> tuple[list[Issue], list[Finding]]:
    """Open issues and undismissed check results of a row (while the checks run: those of a
    row already checked, see ReviewSession.findings_so_far)."""
    review = session.reviews.peek(row)  # no record: no issue (and none is made)
    return (review.open_issues if review is not None else []), session.findings_so_far(row)


def has_anything(session: ReviewSession, row: int) -> bool:
    issues, findings = row_issues(session, row)
    return bool(issues or findings)


def worst_severity(session: ReviewSession, row: int) -> Severity | None:
    issues, findings = row_issues(session, row)
    severities = [i.severity for i in issues] + [f.mqm_severity for f in findings]
    return max(severities, key=_SEVERITY_ORDER.__getitem__) if severities else None


def open_issue_counts(session: ReviewSession) -> dict[Severity, int]:
    """Open issues in the article by severity (every severity present, zero or not)."""
    counts = dict.fromkeys(Severity, 0)
    for review in session.records_with_issues():
        for issue in review.issues:
            if issue.is_open:
                counts[issue.severity] += 1
    return counts


def check_counts(session: ReviewSession) -> dict[str, tuple[str, int]]:
    """Check code -> (title, segments with it) for the checks a filter can find in this file.

    A check raised as an issue counts too, so choosing it still finds the flagged segment.
    """
    out: dict[str, tuple[str, int]] = {}
    for row in session.rows_to_report():
        issues, findings = row_issues(session, row)
        titles = {f.code: f.title for f in findings}
        for i in issues:
            if i.check_code:
                known = checks_base.REGISTRY.get(i.check_code)
                titles.setdefault(i.check_code, known.title if known else i.check_code)
        for code, title in titles.items():
            seen = out.get(code)
            out[code] = (seen[0] if seen else title, (seen[1] if seen else 0) + 1)
    return out


# -- batch approval ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ApprovalPlan:
    """What a batch approval would do, for the question put to the lead before it happens."""

    edit: SetState | None  # None: nothing to approve
    asked: int  # segments the batch covers
    already: int  # of those, already approved: they do not change
    held_back: int = 0  # shown but not clean (open issue, error-level check): left as they are

    @property
    def count(self) -> int:
        return len(self.edit.row_list) if self.edit is not None else 0


def plan_approval(session: ReviewSession, rows: Sequence[int], author: str = "") -> ApprovalPlan:
    """Approve ``rows`` in one edit; already approved rows are left alone."""
    edit = session.approval(rows)
    if edit is not None and author:
        edit.author = author
    return ApprovalPlan(edit, len(rows), len(rows) - (len(edit.row_list) if edit else 0))


def plan_clean_approval(
    session: ReviewSession, shown: Sequence[int], author: str = ""
) -> ApprovalPlan:
    """Approve the shown rows with no open issue and no error-level check (checks must be in)."""
    clean = session.clean_rows(shown)
    kept = set(clean)
    reviews = session.reviews
    held = sum(1 for r in shown if r not in kept and reviews[r].state is not State.APPROVED)
    plan = plan_approval(session, clean, author)
    return ApprovalPlan(plan.edit, plan.asked, plan.already, held)


# -- moving about ------------------------------------------------------------------------------
def find_next(
    rows: Sequence[int],
    current: int,
    matches: Callable[[int], bool],
    forward: bool = True,
    wrap: bool = True,
) -> int:
    """The position in ``rows`` (the rows shown) after ``current`` (a position, -1 for none)
    whose row ``matches``, searching on past the end when ``wrap``; -1 when none does."""
    n = len(rows)
    if n == 0:
        return -1
    if forward:
        order = list(range(current + 1, n)) if current >= 0 else list(range(n))
        if wrap:
            order += list(range(0, max(current + 1, 0)))
    else:
        start = current - 1 if current >= 0 else n - 1
        order = list(range(start, -1, -1))
        if wrap:
            order += list(range(n - 1, start, -1))
    return next((k for k in order if matches(rows[k])), -1)


def unfinished(session: ReviewSession) -> Callable[[int], bool]:
    reviews = session.reviews
    return lambda row: not reviews[row].state.is_finished


def first_unfinished(session: ReviewSession) -> int:
    """Where a review resumes: the first segment not reviewed or approved (else the first)."""
    reviews = session.reviews
    # Records not made yet are fresh and unreviewed: the scan stops at the first of them.
    return next((r for r in range(len(reviews)) if not reviews[r].state.is_finished), 0)


_NUMBER = re.compile(r"#?\s*(\d+)")


def resolve_segment(session: ReviewSession, text: str) -> int | None:
    """The row a user means by ``text``: a segment number ("15", "#15") or an id ("1f4c8-103",
    any case); None when nothing matches."""
    wanted = text.strip()
    if not wanted:
        return None
    number = _NUMBER.fullmatch(wanted)
    # A bare number is a segment number, unless the article really has an id spelt so.
    if number is not None and not (wanted.isdigit() and _is_id(session, wanted)):
        value = int(number.group(1))
        return value - 1 if 1 <= value <= len(session.doc.pairs) else None
    try:
        return session.row_of(wanted)
    except KeyError:
        pass
    lowered = wanted.lower()
    for row, pair_id in enumerate(session.doc.pairs.ids()):
        if pair_id.lower() == lowered:
            return row
    return None


def _is_id(session: ReviewSession, text: str) -> bool:
    try:
        session.row_of(text)
    except KeyError:
        return False
    return True
