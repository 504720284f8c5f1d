"""Replace, propagation, batch approval, consistency and memory over a real project."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.checks import Level
from reviewer.core.edits import Composite, SetTarget
from reviewer.core.format import parse
from reviewer.core.mqm import Issue, Severity
from reviewer.core.project import (
    ApprovalCriteria,
    Replacement,
    SearchError,
    TranslationMemory,
    apply_approval,
    apply_changes,
    open_project,
    plan_approval,
    plan_in_session,
    plan_propagation,
    plan_replace,
    project_consistency,
    project_repetitions,
    propagation_edit,
    repetition_groups,
    session_approval,
)
from reviewer.core.segments import State
from reviewer.core.sidecar_read import read_sidecar
from reviewer.core.workspace import open_article
from tests.core.project_data import TOKEN_ERROR, TOKEN_FILES, TOKEN_HITS, make_project, snapshot


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def assert_only_targets_changed(before: bytes, after: bytes, name: str) -> None:
    """Same pairs, same ids and sources, and every byte outside the targets identical."""
    old, new = parse(before, name), parse(after, name)
    assert old.pairs.ids() == new.pairs.ids() and old.pairs.sources() == new.pairs.sources()
    pieces_old, pieces_new = [], []
    for doc, pieces in ((old, pieces_old), (new, pieces_new)):
        pos = 0
        for p in doc.pairs:
            pieces.append(doc.text[pos : p.target_start])
            pos = p.target_end
        pieces.append(doc.text[pos:])
    assert pieces_old == pieces_new


def test_replace_across_the_project_changes_only_targets(root: Path) -> None:
    before = snapshot(root)
    project = open_project(str(root))
    r = Replacement(r"toegangs token(s?)", r"toegangstoken\1", regex=True)
    plan = plan_replace(project, r)
    assert sum(len(c.spans) for c in plan.changes) == TOKEN_HITS
    assert len(plan.changes) == len(project.concordance().search(r.query()).hits)
    assert len(plan.articles()) == TOKEN_FILES
    for c in plan.changes:
        assert TOKEN_ERROR in c.before and TOKEN_ERROR not in c.after
        assert c.after == re.sub(r"toegangs token(s?)", r"toegangstoken\1", c.before)
        assert c.spans and c.before[c.spans[0][0] : c.spans[0][1]].startswith(TOKEN_ERROR)
        assert not c.refused and not c.warnings
    result = apply_changes(project, plan, user="lead")
    assert result.applied == len(plan.changes) and result.articles == plan.articles()
    after = snapshot(root)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == set(plan.articles())
    for name in changed:
        assert_only_targets_changed(before[name], after[name], name)
    # The review data records each edit: state edited, by whom, and the original MT.
    for rel, changes in plan.by_article().items():
        ws = open_article(str(root / rel))
        for c in changes:
            review = ws.session.reviews[c.row]
            assert review.state is State.EDITED and review.changed_by == "lead"
            assert review.original_target == c.before and ws.doc.pairs[c.row].target == c.after
    # The index follows: the error is gone from every segment.
    assert project.concordance().search(r.query()).hits == []
    # One undo step for the whole project puts every byte back.
    assert result.revert(project) == []
    restored = snapshot(root)
    assert all(restored[name] == before[name] for name in before)
    assert len(project.concordance().search(r.query()).hits) == len(plan.changes)


def test_replace_refuses_what_would_break_the_article(root: Path) -> None:
    project = open_project(str(root))
    bad = Replacement(TOKEN_ERROR, '</span><span class="sxs-lookup">')
    plan = plan_replace(project, bad)
    assert plan.changes and len(plan.refused) == len(plan.changes)
    assert "cannot contain" in plan.refused[0].refused
    before = snapshot(root)
    result = apply_changes(project, plan)
    assert result.applied == 0 and snapshot(root) == before
    risky = plan_replace(project, Replacement(TOKEN_ERROR, "toegangs\ntoken"))
    assert risky.warned and risky.applicable() == []
    assert len(risky.applicable(allow_warnings=True)) == len(risky.changes)
    with pytest.raises(SearchError, match="group"):
        plan_replace(project, Replacement("(toegangs) token", r"\2", regex=True))
    with pytest.raises(SearchError, match="Nothing to find"):
        plan_replace(project, Replacement("", "x"))


def test_replace_skips_segments_changed_since_the_plan(root: Path) -> None:
    project = open_project(str(root))
    plan = plan_replace(project, Replacement(TOKEN_ERROR, "toegangstoken"))
    first = plan.changes[0]
    ws = open_article(str(root / first.rel))
    ws.session.apply(SetTarget(row=first.row, new_target="iets anders"))
    ws.save()
    result = apply_changes(project, plan)
    assert [(c.rel, c.row) for c in result.stale] == [(first.rel, first.row)]
    assert result.applied == len(plan.changes) - 1
    assert open_article(str(root / first.rel)).doc.pairs[first.row].target == "iets anders"


def test_replace_in_an_open_article_is_one_undo_step(root: Path) -> None:
    rel = "microsoft-365/enterprise/session-timeouts.md"
    ws = open_article(str(root / rel), user="ann")
    plan = plan_in_session(ws.session, Replacement(TOKEN_ERROR, "toegangstoken"), rel)
    assert len(plan.changes) == 2
    from reviewer.core.project import session_edit

    edit, stale = session_edit(ws.session, plan.applicable(), plan.label)
    assert isinstance(edit, Composite) and stale == [] and len(edit.rows) == 2
    before = ws.doc.pairs.targets()
    ws.session.apply(edit)
    assert all("toegangstoken" in ws.doc.pairs.target_at(c.row) for c in plan.changes)
    ws.session.revert(edit)
    assert ws.doc.pairs.targets() == before
    assert {ws.session.reviews[c.row].state for c in plan.changes} == {State.UNREVIEWED}


def test_propagation_in_the_article_and_the_project(root: Path) -> None:
    rel = "docs/configure.md"
    # An article repeating one source three times, one of them approved.
    src = (root / "docs" / "change-nameservers.md").read_bytes().decode()
    pair = re.search(r'<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup">'
                     r'<span data-stu-id="\1">(.*?)</span></span>', src)  # fmt: skip
    assert pair is not None
    pid, target, source = pair.groups()
    lines = [
        f'<span data-ttu-id="{pid}-{k}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pid}-{k}">{source}</span></span>\n'
        for k in range(3)
    ]
    (root / rel).write_text("# t\n\n" + "\n".join(lines), encoding="utf-8")
    ws = open_article(str(root / rel), user="ann")
    assert repetition_groups(ws.doc.pairs.sources()) == {0: 0, 1: 0, 2: 0}
    ws.session.approve([2])
    ws.session.apply(SetTarget(row=0, new_target=target + " (fixed)"))
    edit = propagation_edit(ws.session, 0, target)
    assert edit is not None and edit.rows == (1,)  # the approved one is left alone
    ws.session.apply(edit)
    assert ws.doc.pairs.target_at(1) == target + " (fixed)"
    assert ws.doc.pairs.target_at(2) == target
    ws.session.revert(edit)
    assert ws.doc.pairs.target_at(1) == target
    # Across the project: the other article holding the same source with the same target.
    project = open_project(str(root))
    plan = plan_propagation(
        project, source, target, target + " (fixed)", exclude=[(rel, k) for k in range(3)]
    )
    assert {c.rel for c in plan.changes} == {"docs/change-nameservers.md"}
    reps = project_repetitions(project, across_articles=True)
    assert any(r.source == source.strip() and r.articles == 2 for r in reps)


def test_batch_approval_counts_and_holds_warnings(root: Path) -> None:
    project = open_project(str(root))
    rels = project.rels[:10]
    rel0 = rels[0]
    ws = project.open_workspace(rel0, "ann")
    ws.session.reviews[0].issues.append(Issue("accuracy/omission", Severity.MINOR))
    ws.save()
    project.refresh([rel0])
    plan = plan_approval(project, rels, ApprovalCriteria(clean=True))
    held = plan_approval(project, rels, ApprovalCriteria(clean=True, hold_warnings=True))
    assert plan.warned > 0 and held.held == plan.warned
    assert held.segments == plan.segments - plan.warned
    for article in plan.articles:
        findings = project.findings(article.rel)
        errors = {f.row for f in findings if f.level is Level.ERROR}
        warned = {f.row for f in findings if f.level is Level.WARNING} - errors
        assert not errors & set(article.rows)
        assert set(article.warned) == warned & set(article.rows)
    assert 0 not in plan.articles[0].rows  # the open issue keeps it out
    before = snapshot(project_root := root)
    result = apply_approval(project, held, user="lead")
    assert result.applied == held.segments
    assert snapshot(project_root) == before  # articles untouched: only review data written
    for article in held.articles:
        row = project.row(article.rel)
        assert row.count(State.APPROVED) == len(article.rows)
        side = read_sidecar(str(root / (article.rel + ".review.yaml")))
        if article.rows:
            assert side is not None
            approved = [r.review for r in side.records if r.review.state is State.APPROVED]
            assert len(approved) == len(article.rows)
            assert {r.changed_by for r in approved} == {"lead"}
    # The same choice from an open session, and nothing left to approve the second time.
    ws = project.open_workspace(rels[1])
    ws.session.run_checks()
    assert session_approval(ws.session, ApprovalCriteria(clean=True, hold_warnings=True)).rows == []
    again = plan_approval(project, rels, ApprovalCriteria(clean=True, hold_warnings=True))
    assert again.segments == 0
    assert result.revert(project) == []
    assert project.totals().count(State.APPROVED) == 0


def test_approval_filters(root: Path) -> None:
    project = open_project(str(root))
    project.run_checks()
    rel = "docs/change-nameservers.md"
    ws = project.open_workspace(rel, "ann")
    ws.session.apply(SetTarget(row=4, new_target=ws.doc.pairs.target_at(4) + " "))
    ws.save()
    project.refresh([rel])
    edited = plan_approval(project, [rel], ApprovalCriteria(states=frozenset({State.EDITED})))
    assert edited.articles[0].rows == [4]
    ids = plan_approval(project, project.rels, ApprovalCriteria(ids=frozenset({"da2f2-102", "no"})))
    assert ids.segments == 1 and ids.missing_ids == ["no"]
    code = next(f.code for r in project.rels for f in project.findings(r))
    by_code = plan_approval(project, project.rels, ApprovalCriteria(check_codes=frozenset({code})))
    assert by_code.segments == len(
        {(r, f.row) for r in project.rels for f in project.findings(r) if f.code == code}
    )


def test_consistency_across_articles_uses_the_check(root: Path) -> None:
    from reviewer.core.checks import REGISTRY, CheckConfig

    project = open_project(str(root))
    # A reviewer-fixable difference across files: only the capitals differ.
    rel = "docs/apps-health.md"
    ws = project.open_workspace(rel, "ann")
    row = ws.doc.pairs.sources().index("Related content")
    ws.session.apply(SetTarget(row=row, new_target="Verwante Inhoud"))
    ws.save()
    project.refresh([rel])
    groups = project_consistency(project)
    by_source = {g.source: g for g in groups}
    group = by_source["Related content"]
    assert group.articles == 4 and group.variants[0].target == "Verwante inhoud"
    assert [(r, k) for r, k, _ in group.flagged] == [(rel, row)]
    assert "capitals" in group.flagged[0][2]
    # Exactly what the registered check flags over every article together and not within
    # one article: its rules, called, not copied.
    check = REGISTRY["inconsistent-target"].document_fn
    assert check is not None
    docs = [open_article(project.path_of(r)).doc for r in project.rels]
    together = {(d.path, p.id) for d, p, _ in check(docs)}
    alone = {(d.path, p.id) for doc in docs for d, p, _ in check([doc])}
    expected = {(project.rel_of(path), pid) for path, pid in together - alone}
    found = {(r, project.record(r).ids[k]) for g in groups for r, k, _ in g.flagged}
    assert found == expected
    assert project_consistency(project, CheckConfig(disabled={"inconsistent-target"})) == []


def test_memory_ranks_same_and_similar_sources(root: Path) -> None:
    project = open_project(str(root))
    rel = "docs/collect-diagnostic-data.md"
    record = project.record(rel)
    row = next(k for k, s in enumerate(record.sources) if s == "Microsoft Defender for Endpoint")
    other = "docs/deploy-manage-report-microsoft-defender-antivirus.md"
    ws = project.open_workspace(other, "lead")
    other_row = next(
        k for k, s in enumerate(ws.doc.pairs.sources()) if s == "Microsoft Defender for Endpoint"
    )
    ws.session.approve([other_row])
    ws.save()
    project.refresh([other])
    memory = TranslationMemory(project)
    matches = memory.lookup(record.sources[row], exclude=[(rel, row)])
    assert matches[0].score == 100.0 and matches[0].exact
    assert matches[0].state is State.APPROVED and matches[0].rel == other
    assert all(a.score >= b.score for a, b in itertools.pairwise(matches))
    assert any(not m.exact and m.score >= 70 for m in matches)
    assert (rel, row) not in {(m.rel, m.row) for m in matches}
    approved = memory.lookup(record.sources[row], states=[State.APPROVED])
    assert {m.state for m in approved} == {State.APPROVED}


_ARTICLE = Path(__file__).resolve().parents[1] / "data" / "corpus" / "what-is-a-domain.md"


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["de", "een", " ", "domein", "e", ".", "(", "<", "&", "\n"]),
    st.lists(
        st.sampled_from(
            ["x", "y", " ", "<", ">", "/", "&", '"', "\n", "</span>", "<span data-ttu-id="]
        ),
        max_size=4,
    ).map("".join),
    st.booleans(),
)
def test_property_replace_changes_only_targets(find: str, replace: str, match_case: bool) -> None:
    """Any replacement, hostile ones included: what is applied changes targets only, and the
    article parses back to the same pairs; what would break it is refused, never applied."""
    from reviewer.core.project import session_edit

    data = _ARTICLE.read_bytes()
    doc = parse(data, str(_ARTICLE))
    from reviewer.core.session import ReviewSession

    session = ReviewSession(doc)
    plan = plan_in_session(session, Replacement(find, replace, match_case=match_case))
    edit, stale = session_edit(session, plan.applicable(allow_warnings=True), plan.label)
    assert stale == []
    if edit is None:
        return
    session.apply(edit)
    after = doc.serialize()
    assert_only_targets_changed(data, after, "a.md")
    again = parse(after, "a.md")
    assert again.pairs.targets() == doc.pairs.targets()
    refused = {c.row for c in plan.refused}
    assert all(again.pairs.target_at(r) == parse(data, "a.md").pairs.target_at(r) for r in refused)
