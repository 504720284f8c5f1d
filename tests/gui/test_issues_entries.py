"""The issues list makes its check entries as they are shown: same entries, same counts."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.edits import AddIssue, DismissCheck
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.workspace import open_article
from reviewer.gui import labels, theme
from reviewer.gui.issues_dock import Entries, Entry, IssuesDock, collect
from tests.gui.gui_helpers import CORPUS


def eager(ws_session, warnings) -> list[Entry]:  # type: ignore[no-untyped-def]
    """Every entry built at once, in the list's order (what the dock listed before)."""
    out = [
        Entry(
            -1,
            f"line {w.line}:{w.column}",
            "parse",
            "warning",
            theme.PARSE_WARNING,
            w.code,
            w.message,
        )
        for w in warnings
    ]
    ids = ws_session.doc.pairs.ids()
    for row in ws_session.rows_to_report():
        review = ws_session.reviews.peek(row)
        for issue in review.issues if review is not None else []:
            if issue.is_open:
                out.append(
                    Entry(
                        row,
                        ids[row],
                        "issue",
                        labels.severity(issue.severity),
                        theme.SEVERITY_COLORS[issue.severity],
                        labels.category_label(issue.category),
                        issue.comment,
                    )
                )
        flagged = ws_session.flagged_codes(row)
        for f in ws_session.findings(row):
            out.append(
                Entry(
                    row,
                    ids[row],
                    "check",
                    labels.level(f.level),
                    theme.LEVEL_COLORS[f.level],
                    labels.check_title(f.title),
                    f.message,
                    f.code in flagged,
                )
            )
    return out


def test_lazy_entries_equal_the_eager_list(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = (CORPUS / "Excel-crashing.md").read_text("utf-8")
    # A repeated segment id: a parse warning at the top of the list.
    first = source.index('<span data-ttu-id="')
    end = source.index("\n\n", first)
    path = tmp_path / "article.md"
    path.write_text(source + "\n" + source[first:end] + "\n", "utf-8")
    ws = open_article(str(path), user="ann")
    session = ws.session
    session.run_checks()
    found = [r for r in range(len(session)) if session.findings(r)]
    assert len(found) >= 3 and ws.doc.warnings
    one, two, three = found[:3]
    code = session.findings(one)[0].code
    session.apply(
        AddIssue(row=one, issue=Issue("style/awkward-style", Severity.MINOR, "x", check_code=code))
    )
    session.apply(
        AddIssue(
            row=two,
            issue=Issue("accuracy/omission", Severity.MAJOR, "y", status=IssueStatus.RESOLVED),
        )
    )
    session.apply(DismissCheck(row=three, code=session.findings(three)[0].code))

    entries = collect(session, ws.doc.warnings)
    assert isinstance(entries, Entries)
    expected = eager(session, ws.doc.warnings)
    assert len(entries) == len(expected)
    assert entries[-1] == expected[-1] and entries[1:4] == expected[1:4]
    assert list(entries) == expected
    assert entries.issues == sum(e.kind == "issue" for e in expected) == 1
    assert entries.checks == sum(e.kind == "check" for e in expected)
    assert entries.flagged == sum(e.flagged for e in expected) >= 1
    assert entries.parse == len(ws.doc.warnings)

    dock = IssuesDock()
    qtbot.addWidget(dock)
    dock.set_entries(collect(session, ws.doc.warnings))
    assert dock.model.rowCount() == len(expected)
    summary = dock.summary.text()
    assert summary.startswith("1 open issue · ") and "flagged)" in summary
    assert "parse warning" in summary
    dock.kind.setCurrentIndex(dock.kind.findData("check"))
    assert list(dock.model.entries) == [e for e in expected if e.kind == "check"]
