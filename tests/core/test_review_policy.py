"""Review rules without a window: batch approval plans, issue counts, where to go next."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core import review_policy as policy
from reviewer.core.edits import SetState, SetTarget
from reviewer.core.errors import ReviewerError, TargetRejected
from reviewer.core.fileio import load_document
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def session(name: str = "canceling-your-office-365-subscription.md") -> ReviewSession:
    return ReviewSession(load_document(CORPUS / name), user="ann")


def test_batch_approval_leaves_approved_rows_alone() -> None:
    s = session()
    s.apply(SetState(row_list=(1,), state=State.APPROVED))
    plan = policy.plan_approval(s, [0, 1, 2], author="lead")
    assert plan.asked == 3 and plan.already == 1 and plan.count == 2
    assert plan.edit is not None and plan.edit.row_list == (0, 2) and plan.edit.author == "lead"
    s.apply(plan.edit)
    assert policy.plan_approval(s, [0, 1, 2]).edit is None


def test_clean_approval_holds_back_open_issues_and_error_checks() -> None:
    s = session()
    s.run_checks()
    s.reviews[0].issues.append(Issue("accuracy/omission", Severity.MINOR))
    resolved = Issue("style/awkward-style", Severity.MINOR, status=IssueStatus.RESOLVED)
    s.reviews[1].issues.append(resolved)
    shown = list(range(len(s)))
    plan = policy.plan_clean_approval(s, shown)
    errors = {r for r in shown if any(f.level.value == "error" for f in s.findings(r))}
    held = {0} | errors
    assert plan.edit is not None
    assert set(plan.edit.row_list) == set(shown) - held  # a resolved issue holds nothing back
    assert plan.held_back == len(held)


def test_open_issue_counts_and_row_issues() -> None:
    s = session()
    s.reviews[3].issues += [
        Issue("accuracy/omission", Severity.MAJOR),
        Issue("accuracy/omission", Severity.MAJOR, status=IssueStatus.RESOLVED),
        Issue("fluency/spelling", Severity.CRITICAL),
    ]
    counts = policy.open_issue_counts(s)
    assert counts[Severity.MAJOR] == 1 and counts[Severity.CRITICAL] == 1
    assert counts[Severity.MINOR] == 0
    assert policy.worst_severity(s, 3) is Severity.CRITICAL
    assert policy.row_issues(s, 3)[1] == []  # no check results before the checks ran
    assert policy.worst_severity(s, 4) is None


def test_check_counts_include_a_check_raised_as_an_issue() -> None:
    s = session("legacy-ediscovery-retirement.md")
    s.run_checks()
    counts = policy.check_counts(s)
    assert counts
    code, (title, n) = next(iter(counts.items()))
    row = next(r for r in range(len(s)) if any(f.code == code for f in s.findings(r)))
    s.reviews[row].issues.append(Issue("accuracy/omission", Severity.MINOR, check_code=code))
    s.reviews[row].dismissed.add(code)  # the result is gone; the issue still names it
    assert policy.check_counts(s)[code] == (title, n)


@pytest.mark.parametrize(
    ("current", "forward", "wrap", "expected"),
    [
        (-1, True, True, 1),
        (1, True, True, 3),
        (3, True, True, 1),
        (3, True, False, -1),
        (3, False, True, 1),
        (1, False, True, 3),
        (1, False, False, -1),
        (-1, False, True, 3),
    ],
)
def test_find_next_walks_the_shown_rows(
    current: int, forward: bool, wrap: bool, expected: int
) -> None:
    rows = [10, 11, 12, 13, 14]
    wanted = {11, 13}
    assert policy.find_next(rows, current, wanted.__contains__, forward, wrap) == expected
    assert policy.find_next([], -1, wanted.__contains__) == -1


def test_a_segment_is_found_by_number_or_id() -> None:
    s = session()
    ids = s.doc.pairs.ids()
    assert policy.resolve_segment(s, "3") == 2
    assert policy.resolve_segment(s, " #3 ") == 2
    assert policy.resolve_segment(s, ids[4]) == 4
    assert policy.resolve_segment(s, ids[4].upper()) == 4
    assert policy.resolve_segment(s, "0") is None
    assert policy.resolve_segment(s, str(len(ids) + 1)) is None
    assert policy.resolve_segment(s, "kat") is None
    assert policy.resolve_segment(s, "") is None


def test_first_unfinished_is_where_a_review_resumes() -> None:
    s = session()
    assert policy.first_unfinished(s) == 0
    s.apply(SetState(row_list=(0, 1), state=State.APPROVED))
    s.apply(SetState(row_list=(2,), state=State.REVIEWED))
    assert policy.first_unfinished(s) == 3
    s.apply(SetState(row_list=tuple(range(len(s))), state=State.APPROVED))
    assert policy.first_unfinished(s) == 0


def test_an_edit_is_validated_once_before_it_changes_anything() -> None:
    s = session()
    before = s.doc.pairs[1].target
    refused = SetTarget(row=1, new_target="   ")
    with pytest.raises(TargetRejected):
        refused.validate(s)
    with pytest.raises(TargetRejected):
        s.apply(refused)
    assert s.doc.pairs[1].target == before and s.revision == 0
    with pytest.raises(ReviewerError):
        s.apply(SetState(row_list=(999,), state=State.APPROVED))
    ok = SetTarget(row=1, new_target=before + " Echt.")
    assert ok.validate(s) == [] and ok.validated
    s.apply(ok)
    assert s.doc.pairs[1].target == before + " Echt."


def test_edited_rows_follow_edits_undo_and_reload() -> None:
    s = session()
    edit = SetTarget(row=2, new_target=s.doc.pairs[2].target + " x")
    s.apply(edit)
    assert s.edited_rows() == {2}
    s.revert(edit)
    assert s.edited_rows() == set()
    s.apply(edit)
    s.reset(s.doc, list(s.reviews))
    assert s.edited_rows() == set()
