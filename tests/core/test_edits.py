"""Every edit type on a real article: apply then revert restores the session exactly."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from reviewer.core.edits import (
    AddIssue,
    Composite,
    DismissCheck,
    Edit,
    RemoveIssue,
    SetState,
    SetTarget,
    UpdateIssue,
)
from reviewer.core.errors import TargetRejected
from reviewer.core.fileio import load_document
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import SegmentReview, State
from reviewer.core.session import ReviewSession

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def session() -> ReviewSession:
    doc = load_document(CORPUS / "change-nameservers.md")
    s = ReviewSession(doc, user="ann")
    # Some review history, so revert must restore more than defaults.
    s.reviews[2].issues.append(
        Issue("accuracy/omission", Severity.MAJOR, "x", "bob", "2026-01-01T00:00:00+00:00")
    )
    s.reviews[2].dismissed.add("numbers")
    s.reviews[2].state = State.NEEDS_WORK
    s.reviews[2].changed_by = "bob"
    return s


def snapshot(s: ReviewSession) -> tuple[list[str], bytes, list[SegmentReview]]:
    return [p.target for p in s.doc.pairs], s.doc.serialize(), copy.deepcopy(s.reviews)


def edits(s: ReviewSession) -> list[Edit]:
    uid = s.reviews[2].issues[0].uid
    return [
        SetTarget(row=1, new_target=s.doc.pairs[1].target + " Echt."),
        SetState(row_list=(0, 2, 4), state=State.APPROVED),
        SetState(row_list=(2,), state=State.UNREVIEWED),
        AddIssue(row=3, issue=Issue("style/awkward-style", Severity.MINOR, "clumsy")),
        UpdateIssue(
            row=2,
            uid=uid,
            updated=Issue(
                "accuracy/omission", Severity.CRITICAL, "worse", status=IssueStatus.RESOLVED
            ),
        ),
        RemoveIssue(row=2, uid=uid),
        DismissCheck(row=2, code="numbers", dismiss=False),
        DismissCheck(row=5, code="bold"),
        Composite(
            edits=[
                SetTarget(row=0, new_target="Nieuwe titel"),
                SetState(row_list=(0,), state=State.REVIEWED),
                AddIssue(row=0, issue=Issue("terminology/wrong-term", Severity.MAJOR)),
            ],
            label="Fix and review",
        ),
    ]


@pytest.mark.parametrize("k", range(9))
def test_apply_then_revert_restores_exactly(k: int) -> None:
    s = session()
    before = snapshot(s)
    edit = edits(s)[k]
    revision = s.revision
    s.apply(edit)
    assert snapshot(s) != before, "the edit changed nothing"
    assert s.revision == revision + 1
    s.revert(edit)
    assert snapshot(s) == before
    assert s.revision == revision + 2
    # Redo after undo gives the same result as the first apply.
    s.apply(edit)
    after = snapshot(s)
    s.revert(edit)
    s.apply(edit)
    assert snapshot(s) == after


def test_all_edits_in_sequence_undo_in_reverse_order() -> None:
    s = session()
    before = snapshot(s)
    done = []
    for edit in edits(s):
        s.apply(edit)
        done.append(edit)
    for edit in reversed(done):
        s.revert(edit)
    assert snapshot(s) == before


def test_set_target_marks_edited_and_keeps_original_mt() -> None:
    s = session()
    original = s.doc.pairs[1].target
    s.apply(SetTarget(row=1, new_target="Opmerking: dit duurt soms 48 uur."))
    assert s.reviews[1].state is State.EDITED
    assert s.reviews[1].changed_by == "ann"
    assert s.reviews[1].original_target == original
    assert s.doc.pairs[1].is_modified


def test_refused_target_changes_nothing_in_a_composite() -> None:
    s = session()
    before = snapshot(s)
    bad = Composite(
        edits=[
            SetState(row_list=(0,), state=State.APPROVED),
            SetTarget(row=1, new_target='a <span data-ttu-id="x">'),
        ]
    )
    with pytest.raises(TargetRejected):
        s.apply(bad)
    assert snapshot(s) == before


def test_approval_clears_source_changed_flag() -> None:
    s = session()
    s.reviews[3].source_changed = True
    s.reviews[3].source = "old source"
    before = snapshot(s)
    edit = SetState(row_list=(3,), state=State.APPROVED)
    s.apply(edit)
    assert not s.reviews[3].source_changed
    assert s.reviews[3].source == s.doc.pairs[3].source
    s.revert(edit)
    assert s.reviews[3].source_changed
    assert s.reviews[3].source == "old source"
    assert snapshot(s) == before
