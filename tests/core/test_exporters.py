"""Issue exports: CSV with BOM, XLSX layout and summary, escaped HTML, JSON, formula safety."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from reviewer.core.checks import REGISTRY, Check, Level
from reviewer.core.edits import AddIssue, DismissCheck, SetTarget
from reviewer.core.export_rows import COLUMNS, collect_rows, neutralize
from reviewer.core.exporters import export, export_format, render
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import open_article

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
HOSTILE = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)", "\tTab", "\rCR"]
HEADERS = [h for _, h, _ in COLUMNS]


def demo_check(source: str, target: str) -> list[str]:
    return ["demo finding"] if "Microsoft" in source else []


@pytest.fixture
def demo_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known check, so the findings in the export do not depend on the real check set."""
    for code in list(REGISTRY):
        monkeypatch.delitem(REGISTRY, code)
    monkeypatch.setitem(
        REGISTRY,
        "demo",
        Check("demo", Level.ERROR, "accuracy/mistranslation", "Demo", pair_fn=demo_check),
    )


def sessions(tmp_path: Path) -> list[ReviewSession]:
    out = []
    for name in ("change-nameservers.md", "what-is-a-domain.md"):
        target = tmp_path / name
        shutil.copyfile(CORPUS / name, target)
        out.append(open_article(str(target), user="ann").session)
    s = out[0]
    s.apply(SetTarget(row=1, new_target="<script>alert(1)</script>"))
    s.apply(AddIssue(row=1, issue=Issue("accuracy/mistranslation", Severity.CRITICAL, HOSTILE[0])))
    for k, text in enumerate(HOSTILE[1:], start=2):
        s.apply(AddIssue(row=k, issue=Issue("style/awkward-style", Severity.MINOR, text)))
    s.apply(
        AddIssue(row=2, issue=Issue("a/b", Severity.MAJOR, "fixed", status=IssueStatus.RESOLVED))
    )
    return out


def test_rows_merge_issues_and_undismissed_findings(tmp_path: Path, demo_registry: None) -> None:
    ss = sessions(tmp_path)
    rows = collect_rows(ss, include_checks=True)
    issues = [r for r in rows if r.kind == "Issue"]
    checks = [r for r in rows if r.kind.startswith("Check")]
    assert len(issues) == 7
    assert checks and all(r.check_code == "demo" and r.kind == "Check error" for r in checks)
    first = issues[0]
    assert first.file == ss[0].doc.path and first.id == "da2f2-103" and first.line > 1
    assert first.target == "<script>alert(1)</script>"
    assert first.original_mt.startswith("Opmerking") and first.state == "Edited"
    assert first.category == "Accuracy › Mistranslation" and first.severity == "Critical"
    assert first.author == "ann" and first.created and first.status == "Open"
    assert first.segment == ss[0].row_of(first.id) + 1 == 2
    # A finding carries no MQM severity: it is not scored until raised as an issue.
    assert {r.severity for r in checks} == {""} and {r.status for r in checks} == {""}
    # Dismissing the finding removes it from the export.
    row = ss[0].row_of(checks[0].id)
    ss[0].apply(DismissCheck(row=row, code="demo"))
    assert len([r for r in collect_rows(ss, True) if r.kind != "Issue"]) == len(checks) - 1
    # A finding already raised as an issue is listed once, as the issue.
    row2 = ss[0].row_of(checks[1].id)
    ss[0].apply(AddIssue(row=row2, issue=Issue("a/b", Severity.MAJOR, check_code="demo")))
    assert len([r for r in collect_rows(ss, True) if r.kind != "Issue"]) == len(checks) - 2


def test_issues_only_by_default_with_project_paths(tmp_path: Path, demo_registry: None) -> None:
    ss = sessions(tmp_path)
    rows = collect_rows(ss, root=str(tmp_path))
    assert len(rows) == 7 and {r.kind for r in rows} == {"Issue"}
    assert {r.file for r in rows} == {"change-nameservers.md"}
    assert [r.segment for r in rows] == [2, 3, 3, 4, 5, 6, 7]  # document order
    # Outside the project folder a path stays as it is.
    assert collect_rows(ss, root=str(tmp_path / "elsewhere"))[0].file == ss[0].doc.path


def test_csv_has_bom_header_and_neutralised_cells(tmp_path: Path, demo_registry: None) -> None:
    data = render(sessions(tmp_path), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADERS
    comments = [r[HEADERS.index("Comment")] for r in rows[1:]]
    for text in HOSTILE:
        assert "'" + text in comments
    assert "<script>alert(1)</script>" in [r[HEADERS.index("Target")] for r in rows]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for c in r)


def test_neutralize() -> None:
    assert neutralize("=1") == "'=1" and neutralize("a=1") == "a=1" and neutralize("") == ""


def test_xlsx_layout_summary_and_formula_safety(tmp_path: Path, demo_registry: None) -> None:
    ss = sessions(tmp_path)
    out = tmp_path / "report.xlsx"
    count = export(ss, str(out), root=str(tmp_path), reviewer="kim")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Issues", "Summary"]
    ws = wb["Issues"]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.freeze_panes == "A2"
    # 17 columns: "Segment" after the file, "Corrected target" beside the target.
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    assert len(HEADERS) == 17 and HEADERS[:3] == ["File", "Segment", "ID"]
    fix = HEADERS.index("Corrected target") + 1
    assert fix == HEADERS.index("Target") + 2  # typed beside the target it corrects
    assert all(ws.cell(row=r, column=fix).value is None for r in range(2, count + 2))
    assert ws.max_row == count + 1
    source_col = get_column_letter(HEADERS.index("Source") + 1)
    assert ws.column_dimensions[source_col].width == 50
    assert ws[f"{source_col}2"].alignment.wrap_text
    assert ws["A1"].font.b
    comment_col = HEADERS.index("Comment") + 1
    values = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(row=r, column=comment_col)
        values[cell.value] = cell
        assert cell.data_type == "s", cell.value  # never a formula
    for text in HOSTILE:
        if text.startswith("\r"):
            continue  # XML normalises a leading CR; the cell is still a string
        assert text in values and values[text].quotePrefix
    summary = wb["Summary"]
    # The report header on top: project, date, reviewer and totals.
    header = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value
              for r in range(2, 40)}  # fmt: skip
    assert summary["A1"].value == "Review report"
    assert header["Project"] == str(tmp_path) and header["Reviewer"] == "kim"
    assert header["Files"] == 2 and header["Segments"] == len(ss[0]) + len(ss[1])
    assert header["Issues"] == 7 and header["Open critical issues"] == 1
    assert header["Segments edited"] == 1 and header["Result"].startswith("fail")
    assert header["Check results"].startswith("not included")
    top = next(r for r in range(1, 60) if summary.cell(row=r, column=1).value == "File")
    heads = [c.value for c in summary[top]]
    assert heads[:11] == ["File", "Words", "Penalty", "Minor", "Major", "Critical", "Neutral",
                          "Score", "Per 1,000 words", "Threshold", "Result"]  # fmt: skip
    assert heads[11:] == ["Unreviewed", "Edited", "Needs work", "Reviewed", "Approved"]
    assert summary.freeze_panes == f"A{top + 1}"
    assert [summary.cell(row=top + k, column=1).value for k in (1, 2, 3)] == [
        "change-nameservers.md",
        "what-is-a-domain.md",
        "Total (2 files)",
    ]
    first, second, total = (top + 1, top + 2, top + 3)
    # Critical open issue: the first file fails; words and penalty are there.
    assert summary.cell(row=first, column=11).value.startswith("fail")
    assert summary.cell(row=first, column=3).value == 25 + 5 * 1 + 5
    assert summary.cell(row=total, column=2).value == (
        summary.cell(row=first, column=2).value + summary.cell(row=second, column=2).value
    )
    # State counts per file and in total.
    edited = heads.index("Edited") + 1
    unreviewed = heads.index("Unreviewed") + 1
    assert summary.cell(row=first, column=edited).value == 1
    assert summary.cell(row=total, column=unreviewed).value == len(ss[0]) + len(ss[1]) - 1


def test_html_is_standalone_and_escaped(tmp_path: Path, demo_registry: None) -> None:
    page = render(sessions(tmp_path), "html", reviewer="kim").decode()
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script" not in page
    assert '<table class="report">' in page and "<th>Reviewer</th><td>kim</td>" in page
    assert "<h2>Issues (7)</h2>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in page
    assert page.count('class="card"') == 3  # two files and the total
    assert "fail (open critical issue)" in page
    assert "src=" not in page and "http://" not in page.replace("http://x", "")
    assert "Corrected target" not in page  # a report is read, not typed in and imported


def test_json_export(tmp_path: Path, demo_registry: None) -> None:
    ss = sessions(tmp_path)
    data = json.loads(render(ss, "json"))
    assert [f["path"] for f in data["files"]] == [s.doc.path for s in ss]
    assert data["report"]["files"] == 2 and data["report"]["check_results"] is None
    assert data["report"]["states"]["edited"] == 1 and data["report"]["issues"] == 7
    with_checks = json.loads(render(ss, "json", include_checks=True, root=str(tmp_path)))
    assert (
        with_checks["report"]["check_results"]
        == sum(r["kind"] != "Issue" for r in with_checks["rows"])
        > 0
    )
    assert [f["path"] for f in with_checks["files"]] == [
        "change-nameservers.md",
        "what-is-a-domain.md",
    ]
    assert data["total"]["penalty"] == 35 and data["total"]["passed"] is False
    issue = next(r for r in data["rows"] if r["kind"] == "Issue")
    assert issue["target"] == "<script>alert(1)</script>"
    assert set(issue) >= {"file", "id", "line", "source", "original_mt", "check_code"}
    assert "corrected_target" not in issue


def test_export_format_by_extension() -> None:
    assert [export_format(f"a.{e}") for e in ("csv", "XLSX", "htm", "json")] == [
        "csv",
        "xlsx",
        "html",
        "json",
    ]
    with pytest.raises(ValueError, match=r"\.csv, \.xlsx"):
        export_format("a.txt")


def test_real_checks_export_over_corpus(tmp_path: Path) -> None:
    """With the real registry, every row has a file, id and category label."""
    target = tmp_path / "what-is-a-domain.md"
    shutil.copyfile(CORPUS / "what-is-a-domain.md", target)
    s = open_article(str(target)).session
    rows = collect_rows([s], include_checks=True)
    assert rows and all(r.file and r.id and r.category and r.segment for r in rows)
    assert render([s], "xlsx")[:2] == b"PK"
