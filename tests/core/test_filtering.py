"""Filter semantics without a window: text, regex, state, issues, check, edited; narrowing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.core.edits import SetState, SetTarget
from reviewer.core.fileio import load_document
from reviewer.core.filtering import FilterSpec, SegmentFilter
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def session(name: str = "permissions-in-the-security-and-compliance-center.md") -> ReviewSession:
    return ReviewSession(load_document(CORPUS / name), user="ann")


def test_an_empty_spec_shows_everything() -> None:
    assert SegmentFilter(session()).rows(FilterSpec()) is None


def test_text_matches_source_or_target_case_insensitively_unless_asked() -> None:
    s = session()
    f = SegmentFilter(s)
    sources, targets = s.doc.pairs.sources(), s.doc.pairs.targets()
    rows = f.rows(FilterSpec(text="ROL"))
    assert rows == [
        r for r in range(len(s)) if "rol" in sources[r].lower() or "rol" in targets[r].lower()
    ]
    only_target = f.rows(FilterSpec(text="rol", in_source=False))
    assert only_target == [r for r in range(len(s)) if "rol" in targets[r].lower()]
    exact = f.rows(FilterSpec(text="Rol", case_sensitive=True))
    assert exact == [r for r in range(len(s)) if "Rol" in sources[r] or "Rol" in targets[r]]


def test_typing_forward_narrows_to_the_same_rows_as_a_fresh_search() -> None:
    s = session()
    f = SegmentFilter(s)
    for text in ("r", "ro", "rol", "rolg", "ro", "R", "rol"):
        assert f.rows(FilterSpec(text=text)) == SegmentFilter(s).rows(FilterSpec(text=text)), text


def test_an_edit_is_found_by_the_next_search() -> None:
    s = session()
    f = SegmentFilter(s)
    f.prepare_text_search()
    assert f.rows(FilterSpec(text="zzuniek")) == []
    s.apply(SetTarget(row=4, new_target="Een zzuniek woord."))
    f.targets_changed((4,))
    assert f.rows(FilterSpec(text="zzuniek")) == [4]
    assert f.rows(FilterSpec(edited_only=True)) == [4]


def test_regex_state_issue_severity_and_check() -> None:
    s = session()
    s.run_checks()
    f = SegmentFilter(s)
    with pytest.raises(re.error):
        f.rows(FilterSpec(text="([", regex=True))
    pattern = re.compile(r"^\*\*\w", re.IGNORECASE)
    sources, targets = s.doc.pairs.sources(), s.doc.pairs.targets()
    expected = [
        r for r in range(len(s)) if pattern.search(sources[r]) or pattern.search(targets[r])
    ]
    assert expected and f.rows(FilterSpec(text=r"^\*\*\w", regex=True)) == expected
    s.apply(SetState(row_list=(2, 3), state=State.NEEDS_WORK))
    assert f.rows(FilterSpec(states={State.NEEDS_WORK})) == [2, 3]
    s.reviews[5].issues.append(Issue("accuracy/omission", Severity.CRITICAL))
    assert f.rows(FilterSpec(severity=Severity.CRITICAL)) == [5]
    with_checks = [r for r in range(len(s)) if s.findings(r)]
    assert f.rows(FilterSpec(has_issues=True)) == sorted(set(with_checks) | {5})
    code = s.findings(with_checks[0])[0].code
    assert f.rows(FilterSpec(check_code=code)) == [
        r for r in with_checks if any(x.code == code for x in s.findings(r))
    ]


def test_repetitions_show_repeated_sources_grouped_where_each_first_occurs() -> None:
    s = session("advanced-hunting-deviceevents-table.md")
    sources = [src.strip() for src in s.doc.pairs.sources()]
    rows = SegmentFilter(s).rows(FilterSpec(repetitions=True))
    assert rows is not None and rows
    assert sorted(rows) == [r for r in range(len(s)) if sources.count(sources[r]) > 1]
    # Each source's occurrences together, groups in order of first occurrence.
    firsts = [sources.index(sources[r]) for r in rows]
    assert firsts == sorted(firsts)
    assert all(rows[k] < rows[k + 1] for k in range(len(rows) - 1) if firsts[k] == firsts[k + 1])
    # With another filter: only the repeated among what it shows.
    unreviewed = SegmentFilter(s).rows(FilterSpec(repetitions=True, states={State.UNREVIEWED}))
    assert unreviewed == rows
    assert SegmentFilter(s).rows(FilterSpec(repetitions=True, states={State.APPROVED})) == []
