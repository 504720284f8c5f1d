"""The project index: rows from real articles, the cache, refresh, checks over the cores."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reviewer.core.checks import Level
from reviewer.core.config import Config
from reviewer.core.mqm import Issue, Severity
from reviewer.core.project import (
    COLUMNS,
    Cancelled,
    CancelToken,
    ProjectFilter,
    cache,
    checking,
    filter_indexes,
    index,
    indexing,
    open_project,
    parallel,
    sorted_indexes,
    worker,
)
from reviewer.core.scoring import document_words
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.core.project_data import EXTRA, make_project


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


class Counting:
    """Counts the articles read from disk (summarize calls, in workers or in the index)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = worker.summarize

        def counted(found, config):  # type: ignore[no-untyped-def]
            self.calls.append(found.rel)
            return real(found, config)

        monkeypatch.setattr(worker, "summarize", counted)
        monkeypatch.setattr(index, "summarize", counted)


def test_rows_describe_the_real_articles(root: Path) -> None:
    project = open_project(str(root))
    rels = project.rels
    assert len(rels) == 6 + len(EXTRA)
    assert "microsoft-365/security/defender-endpoint/apis-intro.md" in rels
    assert all("\\" not in r and not r.startswith("/") for r in rels)
    assert rels == sorted(rels, key=lambda r: (r.casefold(), r))
    for row in project.rows():
        ws = open_article(project.path_of(row.rel))
        doc = ws.session.doc
        assert row.pairs == len(doc.pairs)
        assert row.words == document_words(ws.session)
        assert row.states == (row.pairs, 0, 0, 0, 0)
        assert row.translation_type in ("MT", "HT")
        assert row.title and row.title == " ".join(str(doc.front_matter.data["title"]).split())
        assert row.findings is None and not row.error
        assert row.passed and row.score.score == 100.0
    totals = project.totals()
    assert totals.files == len(rels) and totals.pairs == sum(r.pairs for r in project.rows())
    assert totals.checked == 0 and totals.passed == len(rels)


def test_cache_makes_the_second_open_read_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sorted(p.name for p in root.rglob("*"))
    count = Counting(monkeypatch)
    first = open_project(str(root))
    assert len(count.calls) == len(first)
    assert cache.cache_file(str(root)).is_file()
    assert sorted(p.name for p in root.rglob("*")) == before  # nothing written beside them
    count.calls.clear()
    second = open_project(str(root))
    assert count.calls == []
    assert [r.rel for r in second.rows()] == [r.rel for r in first.rows()]
    assert second.record(first.rels[0]).sources == first.record(first.rels[0]).sources
    # A new modification time with the same bytes (a checkout) is recognised by the digest.
    path = root / first.rels[0]
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    open_project(str(root))
    assert count.calls == []
    # Changed bytes are read again, and only those.
    edited = root / first.rels[1]
    edited.write_bytes(edited.read_bytes().replace(b"</span>", b"</span> ", 1))
    third = open_project(str(root))
    assert count.calls == [first.rels[1]]
    assert third.record(first.rels[1]).digest != first.record(first.rels[1]).digest


def test_damaged_or_foreign_cache_is_ignored(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = open_project(str(root))
    path = cache.cache_file(str(root))
    data = path.read_bytes()
    count = Counting(monkeypatch)
    # The list's part of the cache is read at open, the segments' text on first use: damage
    # in either part only means reading the articles again.
    for broken in (data[: len(data) // 2], b"garbage", data.replace(b'"record"', b'"recorx"', 1)):
        path.write_bytes(broken)
        again = open_project(str(root))
        assert [r.rel for r in again.rows()] == project.rels
        assert [r.sources for r in again.records] == [r.sources for r in project.records]
    assert len(count.calls) == 3 * len(project)
    count.calls.clear()
    assert [r.sources for r in open_project(str(root)).records] == [
        r.sources for r in project.records
    ]
    assert count.calls == []  # the cache was written whole again


def test_unreadable_article_and_bad_sidecar_are_rows_not_failures(root: Path) -> None:
    (root / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    side = root / "docs" / "change-nameservers.md.review.yaml"
    side.write_text("schema: 1\nsegments: [\n")
    project = open_project(str(root))
    bad = project.row("latin1.md")
    assert bad.error and "latin1.md" in bad.error and "UTF-8" in bad.error
    assert bad.verdict == "unreadable" and not bad.passed
    fine = project.row("docs/change-nameservers.md")
    assert fine.sidecar_error and str(side) in fine.sidecar_error and fine.pairs == 9
    assert side.read_text() == "schema: 1\nsegments: [\n"
    assert project.totals().unreadable == 1
    assert project.concordance().pairs == project.totals().pairs


def test_refresh_follows_saves_and_the_disk(root: Path) -> None:
    project = open_project(str(root))
    project.run_checks()
    rel = "docs/change-nameservers.md"
    findings = project.record(rel).findings
    ws = project.open_workspace(rel, "ann")
    ws.session.approve([0, 1, 2])
    ws.session.reviews[3].issues.append(Issue("accuracy/mistranslation", Severity.CRITICAL))
    ws.save()
    changes = project.refresh([rel])
    assert changes.changed == [rel]
    row = project.row(rel)
    assert row.count(State.APPROVED) == 3 and row.open_issues[3] == 1
    assert row.verdict == "fail (open critical issue)" and row.last_by == "ann"
    # Only the review data changed: the findings were kept, not recomputed.
    assert project.record(rel).findings is findings
    # Deleted and added files.
    (root / rel).unlink()
    new = root / "docs" / "new.md"
    new.write_bytes((root / "docs" / "what-is-a-domain.md").read_bytes())
    changes = project.rescan()
    assert changes.removed == [rel] and changes.added == ["docs/new.md"]
    assert "docs/new.md" in project.rels and rel not in project.rels
    assert project.refresh(["docs/new.md"]).all == []  # nothing changed since


def test_checks_match_the_article_level_run(root: Path) -> None:
    project = open_project(str(root))
    assert len(project.unchecked()) == len(project)
    seen: list[tuple[int, int]] = []
    checked = project.run_checks(lambda done, total, what: seen.append((done, total)))
    assert checked == len(project) and project.unchecked() == []
    assert seen[-1] == (len(project), len(project)) and seen == sorted(seen)
    for rel in project.rels:
        ws = open_article(project.path_of(rel))
        ws.session.run_checks()
        expected = sorted((ws.session.row_of(f.pair_id), f.code) for f in ws.session.all_findings())
        assert sorted((f.row, f.code) for f in project.findings(rel)) == expected
    # Findings come back from the cache, and a dismissal hides them without re-checking.
    again = open_project(str(root))
    assert again.unchecked() == []
    rel, finding = next((r, f) for r in again.rels for f in again.findings(r))
    ws = again.open_workspace(rel)
    ws.session.reviews[finding.row].dismissed.add(finding.code)
    ws.save()
    again.refresh([rel], check=False)
    assert (finding.row, finding.code) not in {(f.row, f.code) for f in again.findings(rel)}
    assert again.unchecked() == []


def test_parallel_workers_give_the_same_index(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = open_project(str(root), use_cache=False)
    serial.run_checks()
    monkeypatch.setattr(indexing, "PARALLEL_INDEX_FROM", 1)
    monkeypatch.setattr(checking, "PARALLEL_CHECKS_FROM", 1)
    monkeypatch.setattr(indexing, "INDEX_CHUNK", 2)
    monkeypatch.setattr(checking, "CHECKS_CHUNK", 2)
    spread = open_project(str(root), use_cache=False)
    spread.run_checks()
    assert [r.to_plain() for r in spread.records] == [r.to_plain() for r in serial.records]
    assert [r.texts_plain() for r in spread.records] == [r.texts_plain() for r in serial.records]


def test_cancel_keeps_what_was_done(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "CHECKS_CHUNK", 2)
    project = open_project(str(root))
    token = CancelToken()

    def stop_after_first(done: int, total: int, what: str) -> None:
        if done:
            token.cancel()

    with pytest.raises(Cancelled):
        project.run_checks(stop_after_first, token)
    left = project.unchecked()
    assert 0 < len(left) < len(project)
    # The next open starts from what was checked.
    assert open_project(str(root)).unchecked() == left
    monkeypatch.setattr(indexing, "INDEX_CHUNK", 2)
    count = Counting(monkeypatch)
    token = CancelToken()
    with pytest.raises(Cancelled):
        open_project(str(root), use_cache=False, progress=stop_after_first, cancel=token)
    assert len(count.calls) == 2


def test_start_method_avoids_fork_with_threads() -> None:
    method = parallel.start_method()
    assert method in ("fork", "forkserver", "spawn")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        thread.join()


def test_sort_and_filter(root: Path) -> None:
    project = open_project(str(root))
    project.run_checks()
    ws = project.open_workspace("docs/what-is-a-domain.md", "kim")
    ws.session.approve(range(len(ws.session)))
    ws.save()
    ws = project.open_workspace("docs/apps-health.md", "kim")
    ws.session.approve([0])
    ws.session.reviews[1].issues.append(Issue("accuracy/omission", Severity.MAJOR))
    ws.save()
    project.refresh(["docs/what-is-a-domain.md", "docs/apps-health.md"])
    rows = project.rows()
    for col in COLUMNS:
        order = sorted_indexes(rows, col.key)
        assert sorted(order) == list(range(len(rows)))
        assert sorted_indexes(rows, col.key, descending=True) == order[::-1]
    top = rows[sorted_indexes(rows, "progress", descending=True)[0]]
    assert top.rel == "docs/what-is-a-domain.md" and top.approved_ratio == 1.0
    worst = rows[sorted_indexes(rows, "issues", descending=True)[0]]
    assert worst.rel == "docs/apps-health.md"

    def names(spec: ProjectFilter) -> list[str]:
        return [rows[k].rel for k in filter_indexes(rows, spec)]

    assert names(ProjectFilter(progress="complete")) == ["docs/what-is-a-domain.md"]
    assert names(ProjectFilter(progress="in-progress")) == ["docs/apps-health.md"]
    assert len(names(ProjectFilter(progress="not-started"))) == len(rows) - 2
    assert names(ProjectFilter(issues="open")) == ["docs/apps-health.md"]
    assert names(ProjectFilter(text="DEFENDER-ENDPOINT")) == [
        "microsoft-365/security/defender-endpoint/apis-intro.md",
        "microsoft-365/security/defender-endpoint/troubleshoot-siem.md",
    ]
    errors = names(ProjectFilter(checks="errors"))
    assert errors and all(project.row(r).errors for r in errors)
    code = next(f.code for f in project.findings(errors[0]) if f.level is Level.ERROR)
    assert errors[0] in names(ProjectFilter(check_code=code))
    assert set(names(ProjectFilter(checks="clean"))) == set(project.rels) - set(errors)
    with pytest.raises(ValueError, match="progress"):
        ProjectFilter(progress="halfway")
    totals = project.totals()
    assert (
        totals.count(State.APPROVED)
        == rows[project.rels.index("docs/what-is-a-domain.md")].pairs + 1
    )
    assert totals.open_issues[2] == 1 and totals.checked == len(rows)


def test_threshold_comes_from_the_config(root: Path) -> None:
    project = open_project(str(root), Config(mqm_threshold=99.0))
    assert {r.score.threshold for r in project.rows()} == {99.0}


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_started_fresh_give_the_same_index(
    root: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    """The start methods of macOS and Windows (spawn) and of a window on Linux (fork server):
    the workers import everything anew and still index and check the same."""
    serial = open_project(str(root), use_cache=False)
    serial.run_checks()
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    monkeypatch.setattr(indexing, "PARALLEL_INDEX_FROM", 1)
    monkeypatch.setattr(checking, "PARALLEL_CHECKS_FROM", 1)
    monkeypatch.setattr(indexing, "INDEX_CHUNK", 8)
    monkeypatch.setattr(checking, "CHECKS_CHUNK", 8)
    fresh = open_project(str(root), use_cache=False)
    fresh.run_checks()
    assert [r.to_plain() for r in fresh.records] == [r.to_plain() for r in serial.records]


def test_missing_file_named_is_a_row_with_its_error(root: Path) -> None:
    from reviewer.core.project import open_paths

    project = open_paths([str(root / "docs" / "apps-health.md"), str(root / "docs" / "gone.md")])
    assert project.rels == ["apps-health.md", "gone.md"]
    assert "no such file" in project.row("gone.md").error
