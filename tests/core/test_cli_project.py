"""A lead's day on the command line, on real articles (copies): find a recurring error across
files, fix it once, approve the clean segments of ten articles, and follow the progress."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.core.project_data import TOKEN_ERROR, TOKEN_FILES, TOKEN_HITS, make_project, snapshot
from tests.core.test_project_edits import assert_only_targets_changed

pytestmark = pytest.mark.usefixtures("no_user_config")  # never the developer's own config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_find_fix_once_approve_ten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    d = str(root)
    original = snapshot(root)

    # 1. The recurring mistranslation, everywhere.
    code, out, _ = run(capsys, "search", d, "--find", TOKEN_ERROR, "--in", "target")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == f"{TOKEN_HITS} segments in {TOKEN_FILES} files"
    assert out.count(f"»{TOKEN_ERROR}«") + out.count(f"»{TOKEN_ERROR.capitalize()}«") >= 5
    assert "microsoft-365/enterprise/session-timeouts.md #" in out

    # 2. The fix, previewed: every change with its before and after, nothing written.
    fix = ["--find", r"toegangs token(s?)", "--replace", r"toegangstoken\1", "--regex"]
    code, out, _ = run(capsys, "replace", d, *fix, "--dry-run")
    assert code == EXIT_OK and snapshot(root) == original
    assert out.count("\n  - ") == out.count("\n  + ") == TOKEN_HITS
    assert out.splitlines()[-1] == f"would replace {TOKEN_HITS} targets in {TOKEN_FILES} files"

    # 3. Fixed once, across files: only targets changed, byte for byte.
    code, out, _ = run(capsys, "--user", "lead", "replace", d, *fix)
    assert code == EXIT_OK
    assert out.splitlines()[-1] == f"replaced {TOKEN_HITS} targets in {TOKEN_FILES} files"
    fixed = snapshot(root)
    changed = [name for name in original if original[name] != fixed[name]]
    assert len(changed) == TOKEN_FILES
    for name in changed:
        assert_only_targets_changed(original[name], fixed[name], name)
        assert b"toegangstoken" in fixed[name]
    assert run(capsys, "search", d, "--find", TOKEN_ERROR, "--in", "target")[0] == EXIT_FINDINGS
    # The review data records the edits.
    ws = open_article(str(root / changed[0]))
    edited = [r for r in ws.session.reviews.made_records() if r.state is State.EDITED]
    assert edited and {r.changed_by for r in edited} == {"lead"}
    assert all(TOKEN_ERROR in r.original_target.lower() for r in edited)

    # 4. The clean segments of ten articles approved, warnings held back.
    ten = [str(root / name) for name in sorted(fixed)[:10]]
    code, out, _ = run(capsys, "--user", "lead", "approve", "--clean", "--dry-run", *ten)
    assert code == EXIT_OK and snapshot(root) == fixed
    total_line = next(x for x in out.splitlines() if x.startswith("would approve "))
    would = int(total_line.split()[2])
    code, out, _ = run(capsys, "--user", "lead", "approve", "--clean", "--hold-warnings", *ten)
    assert code == EXIT_OK and snapshot(root) == fixed  # review data only
    lines = out.splitlines()
    summary = next(line for line in lines if line.startswith("approved "))
    approved = int(summary.split()[1])
    assert summary.endswith("segments in 10 files") and 0 < approved <= would
    held = next((int(x.split()[0]) for x in lines if "held back for their warnings" in x), 0)
    assert approved + held == would

    # 5. Progress for every article, in the three formats.
    code, out, _ = run(capsys, "stats", d, "--format", "json")
    data = json.loads(out)
    assert code == EXIT_OK and data["total"]["files"] == len(fixed)
    assert data["total"]["states"]["approved"] == approved
    by_path = {f["path"]: f for f in data["files"]}
    assert set(by_path) == set(fixed)
    assert sum(f["states"]["edited"] for f in data["files"]) <= TOKEN_HITS
    code, out, _ = run(capsys, "stats", d, "--format", "csv", "--checks")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:5] == ["path", "title", "type", "segments", "words"]
    assert "check_errors" in table[0] and len(table) == len(fixed) + 2
    assert table[-1][0] == f"TOTAL ({len(fixed)} files)"
    col = table[0].index("approved")
    assert int(table[-1][col]) == approved == sum(int(r[col]) for r in table[1:-1])
    code, out, _ = run(capsys, "stats", d, "--sort", "progress", "--descending")
    assert code == EXIT_OK
    first = out.splitlines()[2].split()[0]
    assert by_path[first]["approved_ratio"] == max(f["approved_ratio"] for f in data["files"])


def test_replace_refuses_and_holds_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    before = snapshot(root)
    code, out, _ = run(
        capsys, "replace", str(root), "--find", TOKEN_ERROR, "--replace", "<span data-ttu-id=x"
    )
    assert code == EXIT_FINDINGS and snapshot(root) == before
    assert "REFUSED" in out and "cannot contain" in out and "replaced 0 targets in 0 files" in out
    code, out, _ = run(
        capsys, "replace", str(root), "--find", TOKEN_ERROR, "--replace", "toegangs\ntoken"
    )
    assert code == EXIT_FINDINGS and snapshot(root) == before and "HELD BACK" in out
    code, _, err = run(capsys, "replace", str(root), "--find", "(", "--replace", "x", "--regex")
    assert code == EXIT_INPUT and "regular expression" in err and "Traceback" not in err


def test_consistency_and_search_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    assert run(capsys, "consistency", str(root))[0] == EXIT_OK  # synonyms only: nothing to fix
    # One article writes "Related content" with other capitals than the three others.
    apps = str(root / "docs" / "apps-health.md")
    run(capsys, "replace", apps, "--find", "Verwante onderwerpen", "--replace", "Verwante Inhoud")
    code, out, _ = run(capsys, "consistency", str(root))
    assert code == EXIT_FINDINGS and "Related content" in out
    assert out.splitlines()[-1].endswith("sources translated differently across files")
    code, out, _ = run(capsys, "consistency", str(root), "--format", "json")
    groups = {g["source"]: g for g in json.loads(out)}
    assert len(groups["Related content"]["variants"]) == 2
    code, out, _ = run(capsys, "search", str(root), "--find", "token", "--format", "json")
    hits = json.loads(out)["hits"]
    assert hits and {"path", "segment", "id", "state", "source", "target"} <= set(hits[0])
    code, out, _ = run(capsys, "search", str(root), "--find", "token", "--limit", "2")
    assert out.splitlines()[-1].endswith("(limit reached: --limit shows more)")


def test_approve_state_and_check_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    run(capsys, "replace", str(root), "--find", TOKEN_ERROR, "--replace", "toegangstoken")
    code, out, _ = run(capsys, "approve", str(root), "--state", "edited", "--dry-run")
    assert code == EXIT_OK and f"would approve {TOKEN_HITS} segments" in out
    code, _, err = run(capsys, "approve", str(root), "--state", "done")
    assert code == EXIT_INPUT and "unknown state 'done'" in err
    code, out, _ = run(capsys, "approve", str(root), "--check", "no-such-check")
    assert code == EXIT_OK and "approved 0 segments" in out


def test_export_is_issues_only_with_project_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.core.edits import AddIssue
    from reviewer.core.mqm import Issue, Severity

    root = make_project(tmp_path)
    rel = "microsoft-365/enterprise/session-timeouts.md"
    ws = open_article(str(root / rel), user="ann")
    for row in (1, 2, 5):
        ws.session.apply(AddIssue(row=row, issue=Issue("terminology/wrong-term", Severity.MINOR)))
    ws.save()
    out_file = tmp_path / "issues.json"
    code, out, _ = run(capsys, "--user", "pm", "export", str(root), "-o", str(out_file))
    assert code == EXIT_OK and out.startswith("wrote 3 rows from ")
    data = json.loads(out_file.read_text())
    assert [(r["file"], r["segment"]) for r in data["rows"]] == [(rel, 2), (rel, 3), (rel, 6)]
    report = data["report"]
    assert report["project"] == str(root) and report["reviewer"] == "pm"
    assert report["issues"] == 3 and report["open_issues"]["minor"] == 3
    assert report["check_results"] is None
    code, out, _ = run(capsys, "export", str(root), "-o", str(out_file), "--include-checks")
    rows = json.loads(out_file.read_text())["rows"]
    checks = [r for r in rows if r["kind"] != "Issue"]
    assert code == EXIT_OK and len(rows) == 3 + len(checks) and checks
    assert {r["severity"] for r in checks} == {""}
