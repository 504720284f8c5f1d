"""MQM scores, source word counts and post-edit distance on real corpus articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.edits import AddIssue, SetTarget
from reviewer.core.fileio import load_document
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.scoring import (
    DEFAULT_THRESHOLD,
    count_words,
    document_words,
    edit_distance,
    mqm_score,
    strip_markup,
    total_distance,
    total_score,
)
from reviewer.core.session import ReviewSession

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def session(name: str = "change-nameservers.md") -> ReviewSession:
    return ReviewSession(load_document(CORPUS / name), user="ann")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Update your domain nameservers to point to Microsoft", 8),
        ("**File** > **Options** > **Trust Center**", 4),
        ("Security & Compliance Center", 3),
        ("See [Set up SPF](https://docs.microsoft.com/spf.htm) for details.", 6),
        ("![Screenshot of the admin center](../media/a.png)", 5),
        ("Go to <https://admin.microsoft.com> now", 3),
        ("Visit https://aka.ms/x?y=1 or www.example.com today", 3),
        ('<a href="https://x.y/z">Microsoft 365</a> admin center', 4),
        ("Run `Get-Mailbox -Identity <UserPrincipalName>` in PowerShell", 6),
        ("Wait&nbsp;48&nbsp;hours, don't e-mail us", 6),
        ("<span>https:</span> 1.5 GB", 3),
        ("", 0),
        ("   ", 0),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words, strip_markup(text)


def test_document_words_count_sources_only() -> None:
    s = session()
    assert document_words(s) == sum(count_words(p.source) for p in s.doc.pairs) == 92


def test_score_formula_and_npt() -> None:
    s = session()
    s.apply(AddIssue(row=0, issue=Issue("accuracy/omission", Severity.MAJOR)))
    s.apply(AddIssue(row=1, issue=Issue("style/awkward-style", Severity.MINOR)))
    score = mqm_score(s)
    assert score.words == 92
    assert score.penalty == 6
    assert score.score == pytest.approx(100 * (1 - 6 / 92))
    assert score.normed_penalty == pytest.approx(6 / 92 * 1000)
    assert score.counts == {"neutral": 0, "minor": 1, "major": 1, "critical": 0}
    assert score.threshold == DEFAULT_THRESHOLD == 95.0
    assert not score.passed  # 93.48 < 95


def test_pass_fail_threshold() -> None:
    s = session()
    assert mqm_score(s).passed and mqm_score(s).score == 100.0
    s.apply(AddIssue(row=0, issue=Issue("accuracy/omission", Severity.MAJOR)))
    assert mqm_score(s).score == pytest.approx(100 * (1 - 5 / 92))  # 94.57
    assert not mqm_score(s).passed
    assert mqm_score(s, threshold=90).passed


def test_resolved_counts_wontfix_does_not_neutral_is_free() -> None:
    s = session()
    s.apply(AddIssue(row=0, issue=Issue("a/b", Severity.MINOR, status=IssueStatus.RESOLVED)))
    s.apply(AddIssue(row=0, issue=Issue("a/b", Severity.MAJOR, status=IssueStatus.WONT_FIX)))
    s.apply(AddIssue(row=0, issue=Issue("a/b", Severity.NEUTRAL)))
    score = mqm_score(s)
    assert score.penalty == 1
    assert score.counts["major"] == 0 and score.counts["neutral"] == 1


def test_open_critical_fails_whatever_the_score() -> None:
    s = session("permissions-in-the-security-and-compliance-center.md")
    s.apply(AddIssue(row=0, issue=Issue("accuracy/mistranslation", Severity.CRITICAL)))
    score = mqm_score(s, threshold=0)
    assert score.score > 99 and score.open_critical == 1
    assert not score.passed and "critical" in score.verdict
    # Resolved, it still costs 25 points but no longer fails by itself.
    s.reviews[0].issues[0].status = IssueStatus.RESOLVED
    assert mqm_score(s, threshold=0).passed
    assert mqm_score(s).penalty == 25


def test_total_is_one_sample_not_an_average() -> None:
    a, b = session(), session("what-is-a-domain.md")
    a.apply(AddIssue(row=0, issue=Issue("a/b", Severity.MAJOR)))
    sa, sb = mqm_score(a), mqm_score(b)
    total = total_score([sa, sb])
    assert total.words == sa.words + sb.words and total.penalty == 5 and total.files == 2
    assert total.score == pytest.approx(100 * (1 - 5 / (sa.words + sb.words)))
    assert total.path is None


def test_no_words_with_penalty_scores_zero() -> None:
    s = session("README.md")
    for p in s.doc.pairs:
        p.source = "<br/> https://example.com"
    s.reviews[0].issues.append(Issue("a/b", Severity.MINOR))
    assert document_words(s) == 0
    assert mqm_score(s).score == 0.0


def test_post_edit_distance_per_segment_and_file() -> None:
    s = session()
    assert edit_distance(s).normalized == 0.0
    original = s.doc.pairs[1].target
    s.apply(SetTarget(row=1, new_target=original.replace("48 uur", "2 dagen")))
    ped = edit_distance(s)
    seg = ped.per_segment[1]
    assert seg.distance == 7  # "48 uur" -> "2 dagen": 7 Levenshtein edits
    assert seg.length == max(len(original), len(s.doc.pairs[1].target))
    assert seg.normalized == pytest.approx(7 / seg.length)
    assert ped.edited == 1 and ped.segments == 9
    chars = sum(
        max(len(r.original_target), len(p.target))
        for p, r in zip(s.doc.pairs, s.reviews, strict=True)
    )
    assert ped.length == chars
    assert ped.normalized == pytest.approx(7 / chars)
    total = total_distance([ped, edit_distance(session("what-is-a-domain.md"))])
    assert total.distance == 7 and total.edited == 1


def test_levenshtein_counts_a_substitution_once() -> None:
    s = session()
    target = s.doc.pairs[0].target
    s.apply(SetTarget(row=0, new_target="X" + target[1:]))
    assert edit_distance(s).per_segment[0].distance == 1
