"""A repeated id (synthetic files only) never moves review data to the other segment."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.edits import AddIssue, SetState, SetTarget
from reviewer.core.journal import Journal
from reviewer.core.journal_recovery import recover
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.workspace import open_article


def pair(pair_id: str, target: str, source: str) -> str:
    return (
        f'<span data-ttu-id="{pair_id}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pair_id}">{source}</span></span>'
    )


@pytest.mark.parametrize("same_source", [True, False], ids=["same-source", "other-source"])
def test_review_data_stays_on_its_own_segment_after_reopening(
    tmp_path: Path, same_source: bool
) -> None:
    second_source = "Save the file." if same_source else "Close the file."
    text = "\n\n".join(
        [
            pair("abcde-101", "Sla het bestand op.", "Save the file."),
            pair("abcde-102", "Een ander segment.", "Another segment."),
            pair("abcde-101", "Bewaar het bestand.", second_source),
        ]
    )
    path = tmp_path / "dup.md"
    path.write_text(text + "\n", "utf-8")
    ws = open_article(str(path), user="ann")
    assert [w.code for w in ws.doc.warnings] == ["duplicate-id"]
    ws.session.apply(SetState(row_list=(2,), state=State.APPROVED))
    ws.session.apply(AddIssue(row=2, issue=Issue("style/awkward-style", Severity.MINOR, "tweede")))
    ws.session.apply(SetTarget(row=2, new_target="Bewaar dit bestand."))
    ws.save()
    again = open_article(str(path))
    first, third = again.session.reviews[0], again.session.reviews[2]
    assert first.state is State.UNREVIEWED and not first.issues
    assert [i.comment for i in third.issues] == ["tweede"]
    assert third.state is State.EDITED  # the approval was on the text before the edit...
    assert third.original_target == "Bewaar het bestand."
    assert again.load_messages == []
    # ...and once approved again it holds, on the third row only.
    again.session.apply(SetState(row_list=(2,), state=State.APPROVED))
    again.save()
    last = open_article(str(path))
    assert [r.state for r in last.session.reviews] == [
        State.UNREVIEWED,
        State.UNREVIEWED,
        State.APPROVED,
    ]


def test_a_journaled_edit_of_a_repeated_id_comes_back_on_its_own_segment(
    tmp_path: Path, data: Path
) -> None:
    text = "\n\n".join(
        [
            pair("abcde-101", "Sla het bestand op.", "Save the file."),
            pair("abcde-101", "Sla het bestand op.", "Save the file."),
        ]
    )
    path = tmp_path / "dup.md"
    path.write_text(text + "\n", "utf-8")
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetTarget(row=1, new_target="Bewaar het bestand."))
    ws.session.apply(SetState(row_list=(1,), state=State.APPROVED))
    journal = Journal(path)
    journal.write(ws.session, ws.disk_digest)
    journal.release()  # a crash
    fresh = open_article(str(path), user="ann")
    entry = Journal(path).read()
    assert entry is not None
    recover(fresh.session, entry)
    pairs, reviews = fresh.session.doc.pairs, fresh.session.reviews
    assert [p.target for p in pairs] == ["Sla het bestand op.", "Bewaar het bestand."]
    assert [r.state for r in reviews] == [State.UNREVIEWED, State.APPROVED]
