"""Issue exports (CSV, XLSX, HTML, JSON): manual issues, and live check findings when asked."""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from reviewer.core.fileio import atomic_write
from reviewer.core.mqm import category
from reviewer.core.scoring import DEFAULT_THRESHOLD, MqmScore, mqm_score, total_score
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

FORMATS = ("csv", "xlsx", "html", "json")

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (field, header, XLSX column width in characters)
    ("file", "File", 28),
    ("segment", "Segment", 9),
    ("id", "ID", 12),
    ("line", "Line", 7),
    ("source", "Source", 50),
    ("target", "Target", 50),
    # Left empty; a reviewer without the window types a fix here and imports the sheet back.
    ("corrected_target", "Corrected target", 50),
    ("original_mt", "Original MT", 50),
    ("state", "State", 12),
    ("kind", "Type", 8),
    ("category", "Category", 30),
    ("severity", "Severity", 10),
    ("status", "Status", 10),
    ("comment", "Comment", 45),
    ("author", "Author", 14),
    ("check_code", "Check code", 16),
    ("created", "Created", 20),
)

# The HTML and JSON reports are read, not edited and imported: no "Corrected target" there.
REPORT_COLUMNS = tuple(c for c in COLUMNS if c[0] != "corrected_target")

# OWASP "CSV injection": a cell starting with these is run as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MAX_CELL = 32767


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One line of the export: a manual issue or an automatic finding on a segment."""

    file: str  # relative to the project when the export has one
    segment: int  # 1-based number of the segment in its article, as the window shows it
    id: str
    line: int
    source: str
    target: str
    original_mt: str
    state: str
    kind: str  # "Issue", or "Check error" / "Check warning" / "Check info" for a finding
    category: str  # the MQM category label, e.g. "Accuracy › Omission"
    category_key: str
    severity: str  # an issue's MQM severity; "" for a finding, which MQM does not score
    status: str
    comment: str
    author: str
    check_code: str
    created: str

    corrected_target: str = ""

    def cells(self) -> list[str | int]:
        return [getattr(self, name) for name, _, _ in COLUMNS]


def collect_rows(
    sessions: Sequence[ReviewSession], include_checks: bool = False, root: str | None = None
) -> list[ExportRow]:
    """Every manual issue, in document order per file; with ``include_checks`` also every
    undismissed check finding. Paths are relative to ``root`` when given.

    A finding a reviewer already raised as an issue (same check code on the segment) is listed
    once, as the issue. A finding has no MQM severity: it is not an error until a reviewer
    confirms it as an issue, and it does not count in the MQM score.
    """
    rows: list[ExportRow] = []
    for session in sessions:
        name = relative_name(session.doc.path or "", root)
        if include_checks:
            candidates: Sequence[int] = range(len(session))
        else:
            candidates = [k for k, _ in session.reviews.made()]  # issues live on made records
        pairs, reviews = session.doc.pairs, session.reviews
        for row in candidates:
            review = reviews[row]
            if not review.issues and not include_checks:
                continue
            pair = pairs[row]
            base = ExportRow(
                name, row + 1, pair.id, pair.line, pair.source, pair.target,
                review.original_target, review.state.label, "", "", "", "", "", "", "", "", "",
            )  # fmt: skip
            for issue in review.issues:
                rows.append(
                    replace(
                        base,
                        kind="Issue",
                        category=category(issue.category).label,
                        category_key=issue.category,
                        severity=issue.severity.label,
                        status=issue.status.label,
                        comment=issue.comment,
                        author=issue.author,
                        check_code=issue.check_code,
                        created=issue.created,
                    )
                )
            if not include_checks:
                continue
            raised = session.flagged_codes(row)
            for f in session.findings(row):
                if f.code in raised:
                    continue
                rows.append(
                    replace(
                        base,
                        kind=f"Check {f.level.value}",
                        category=category(f.category).label,
                        category_key=f.category,
                        severity="",
                        status="",
                        comment=f"{f.title}: {f.message}" if f.title else f.message,
                        author="",
                        check_code=f.code,
                        created="",
                    )
                )
    return rows


def relative_name(path: str, root: str | None) -> str:
    """``path`` relative to the project folder ``root``, with "/" (as it is when outside it)."""
    if not root or not path:
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return path
    if rel.startswith(".."):
        return path
    return rel.replace(os.sep, "/")


def scores(
    sessions: Sequence[ReviewSession], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[MqmScore], MqmScore]:
    per_file = [mqm_score(s, threshold) for s in sessions]
    return per_file, total_score(per_file, threshold)


def neutralize(value: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows the text instead of running a formula.

    Spreadsheets skip leading spaces, line breaks and no-break spaces before "=", so those
    are looked past too.
    """
    if value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START):
        return "'" + value
    return value


# -- CSV -------------------------------------------------------------------------------


def to_csv(rows: Sequence[ExportRow]) -> bytes:
    """UTF-8 with BOM and CRLF rows, which Excel and LibreOffice open with the right encoding."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for r in rows:
        writer.writerow([neutralize(c) if isinstance(c, str) else c for c in r.cells()])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


# -- XLSX ------------------------------------------------------------------------------


def xlsx_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters are illegal in XML; a real target never holds them, a hostile one might.
    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if len(value) > _XLSX_MAX_CELL:
        value = value[: _XLSX_MAX_CELL - 1] + "…"
    return value


def _put(ws: Any, row: int, col: int, value: str | int | float) -> Any:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        # Always a string cell: openpyxl would otherwise take "=..." for a formula. The quote
        # prefix also stops Excel from re-reading the text as a formula when a user edits it.
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def to_xlsx(
    rows: Sequence[ExportRow],
    file_scores: Sequence[MqmScore],
    total: MqmScore,
    report: ReportHeader | None = None,
    states: Sequence[dict[State, int]] = (),
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Issues"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (_, header, width) in enumerate(COLUMNS, start=1):
        cell = _put(ws, 1, col, header)
        cell.font = bold
        cell.fill = head_fill
        ws.column_dimensions[get_column_letter(col)].width = width
    fix_col = [name for name, _, _ in COLUMNS].index("corrected_target") + 1
    fix_fill = PatternFill("solid", fgColor="FFF6D5")  # the one column meant to be typed in
    ws.cell(row=1, column=fix_col).fill = PatternFill("solid", fgColor="F5E3A3")
    for r, export_row in enumerate(rows, start=2):
        for col, value in enumerate(export_row.cells(), start=1):
            _put(ws, r, col, value).alignment = wrap
        ws.cell(row=r, column=fix_col).fill = fix_fill
    last = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    ws.freeze_panes = "A2"

    summary = wb.create_sheet("Summary")
    top = _xlsx_report_header(summary, report, bold) if report is not None else 1
    headers: tuple[str, ...] = (
        "File", "Words", "Penalty", "Minor", "Major", "Critical", "Neutral",
        "Score", "Per 1,000 words", "Threshold", "Result",
    )  # fmt: skip
    widths: tuple[int, ...] = (40, 9, 9, 8, 8, 8, 8, 9, 14, 10, 26)
    with_states = len(states) == len(file_scores)
    if with_states:
        headers += tuple(state.label for state in State)
        widths += (11,) * len(State)
    for col, (head, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = _put(summary, top, col, head)
        cell.font = bold
        cell.fill = head_fill
        summary.column_dimensions[get_column_letter(col)].width = width
    all_scores = [*file_scores, total]
    all_states = [*states, _sum_states(states)] if with_states else []
    for r, s in enumerate(all_scores, start=top + 1):
        values: list[str | int | float] = [
            s.path or f"Total ({s.files} files)",
            s.words,
            s.penalty,
            s.counts.get("minor", 0),
            s.counts.get("major", 0),
            s.counts.get("critical", 0),
            s.counts.get("neutral", 0),
            round(s.score, 2),
            round(s.normed_penalty, 2),
            s.threshold,
            s.verdict,
        ]
        if with_states:
            values += [all_states[r - top - 1][state] for state in State]
        for col, item in enumerate(values, start=1):
            cell = _put(summary, r, col, item)
            if s.path is None:
                cell.font = bold
    summary.freeze_panes = f"A{top + 1}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- HTML ------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .45em;vertical-align:top;text-align:left}
th{background:#dde4ee}
td.text{white-space:pre-wrap;max-width:30em;word-break:break-word}
.pass{color:#17612b;font-weight:bold}.fail{color:#a01818;font-weight:bold}
.scorecards{display:flex;flex-wrap:wrap;gap:1em}
.card{border:1px solid #bbb;padding:.5em 1em;border-radius:4px}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _scorecard(s: MqmScore) -> str:
    title = s.path or f"Total ({s.files} files)"
    verdict_class = "pass" if s.passed else "fail"
    lines = [
        '<div class="card">',
        f"<h3>{_e(title)}</h3>",
        "<table>",
        f"<tr><th>Score</th><td>{s.score:.2f}</td></tr>",
        f'<tr><th>Result</th><td class="{verdict_class}">{_e(s.verdict)}</td></tr>',
        f"<tr><th>Threshold</th><td>{s.threshold:g}</td></tr>",
        f"<tr><th>Source words</th><td>{s.words}</td></tr>",
        f"<tr><th>Penalty</th><td>{s.penalty}</td></tr>",
        f"<tr><th>Per 1,000 words</th><td>{s.normed_penalty:.1f}</td></tr>",
    ]
    for sev in ("critical", "major", "minor", "neutral"):
        lines.append(f"<tr><th>{_e(sev.capitalize())}</th><td>{s.counts.get(sev, 0)}</td></tr>")
    lines += ["</table>", "</div>"]
    return "\n".join(lines)


def to_html(
    rows: Sequence[ExportRow],
    file_scores: Sequence[MqmScore],
    total: MqmScore,
    title: str = "Review report",
    report: ReportHeader | None = None,
) -> bytes:
    """One standalone page; every piece of content is escaped, so markup in a target is text."""
    text_fields = {"source", "target", "original_mt", "comment"}
    heading = "Issues and check findings" if report is None or report.include_checks else "Issues"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        *(_html_report_header(report) if report is not None else []),
        "<h2>MQM scorecards</h2>",
        '<div class="scorecards">',
        *[_scorecard(s) for s in file_scores],
        _scorecard(total),
        "</div>",
        f"<h2>{heading} ({len(rows)})</h2>",
        "<table><thead><tr>",
        *[f"<th>{_e(header)}</th>" for _, header, _ in REPORT_COLUMNS],
        "</tr></thead><tbody>",
    ]
    for r in rows:
        out.append("<tr>")
        for name, _, _ in REPORT_COLUMNS:
            value = getattr(r, name)
            cls = ' class="text"' if name in text_fields else ""
            out.append(f"<td{cls}>{_e(value)}</td>")
        out.append("</tr>")
    out += ["</tbody></table>", "</body></html>", ""]
    return "\n".join(out).encode("utf-8")


# -- JSON ------------------------------------------------------------------------------


def to_json(
    rows: Sequence[ExportRow],
    file_scores: Sequence[MqmScore],
    total: MqmScore,
    report: ReportHeader | None = None,
) -> bytes:
    data = {
        **({"report": report.as_dict()} if report is not None else {}),
        "files": [s.as_dict() for s in file_scores],
        "total": total.as_dict(),
        "rows": [_without_fix(asdict(r)) for r in rows],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _without_fix(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("corrected_target", None)
    return row


# -- entry point -------------------------------------------------------------------------


def export_format(path: str) -> str:
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    if ext == "htm":
        ext = "html"
    if ext not in FORMATS:
        raise ValueError(
            f"cannot export to {path!r}: use a file ending in .csv, .xlsx, .html or .json"
        )
    return ext


def render(
    sessions: Sequence[ReviewSession],
    fmt: str,
    threshold: float = DEFAULT_THRESHOLD,
    rows: Sequence[ExportRow] | None = None,
    *,
    include_checks: bool = False,
    root: str | None = None,
    reviewer: str = "",
) -> bytes:
    """The export's bytes. ``root``: the project folder paths are given relative to;
    ``reviewer``: who made the report, for its header."""
    if rows is None:
        rows = collect_rows(sessions, include_checks, root)
    if fmt == "csv":
        return to_csv(rows)
    file_scores, total = scores(sessions, threshold)
    file_scores = [replace(s, path=relative_name(s.path or "", root)) for s in file_scores]
    report = report_header(
        sessions, rows, total, root=root, reviewer=reviewer, include_checks=include_checks
    )
    if fmt == "xlsx":
        return to_xlsx(rows, file_scores, total, report, [s.state_counts() for s in sessions])
    if fmt == "html":
        return to_html(rows, file_scores, total, report=report)
    if fmt == "json":
        return to_json(rows, file_scores, total, report)
    raise ValueError(f"unknown export format {fmt!r}")


def export(
    sessions: Sequence[ReviewSession],
    path: str,
    threshold: float = DEFAULT_THRESHOLD,
    fmt: str | None = None,
    *,
    include_checks: bool = False,
    root: str | None = None,
    reviewer: str = "",
) -> int:
    """Write the export (``fmt``, else chosen by the file's extension) atomically; returns the
    row count."""
    if fmt is None:
        fmt = export_format(path)
    rows = collect_rows(sessions, include_checks, root)
    data = render(
        sessions,
        fmt,
        threshold,
        rows,
        include_checks=include_checks,
        root=root,
        reviewer=reviewer,
    )
    atomic_write(path, data)
    return len(rows)


# -- the report header -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """What a project manager reads first: which project, when, by whom, and the totals."""

    project: str
    date: str  # local date and time of the export
    reviewer: str
    files: int
    segments: int
    words: int
    states: dict[State, int]
    issues: int  # issue rows (open, resolved or won't fix)
    open_issues: dict[str, int]  # open issues per severity value
    findings: int  # check finding rows (0 when check results were not asked for)
    include_checks: bool
    total: MqmScore

    def items(self) -> list[tuple[str, str | int | float]]:
        t = self.total
        done = self.states[State.APPROVED]
        return [
            ("Project", self.project),
            ("Date", self.date),
            ("Reviewer", self.reviewer or "-"),
            ("Files", self.files),
            ("Segments", self.segments),
            ("Source words", self.words),
            *((f"Segments {state.label.lower()}", self.states[state]) for state in State),
            ("Approved", f"{done / self.segments:.0%}" if self.segments else "-"),
            ("Issues", self.issues),
            *(
                (f"Open {sev} issues", self.open_issues.get(sev, 0))
                for sev in ("critical", "major", "minor", "neutral")
            ),
            (
                "Check results",
                self.findings if self.include_checks else "not included (--include-checks)",
            ),
            ("MQM score", round(t.score, 2)),
            ("Penalty per 1,000 words", round(t.normed_penalty, 2)),
            ("Threshold", t.threshold),
            ("Result", t.verdict),
        ]

    def as_dict(self) -> dict[str, object]:
        return {
            "project": self.project,
            "date": self.date,
            "reviewer": self.reviewer,
            "files": self.files,
            "segments": self.segments,
            "words": self.words,
            "states": {state.value: n for state, n in self.states.items()},
            "issues": self.issues,
            "open_issues": dict(self.open_issues),
            "check_results": self.findings if self.include_checks else None,
            "mqm": self.total.as_dict() | {"verdict": self.total.verdict},
        }


def report_header(
    sessions: Sequence[ReviewSession],
    rows: Sequence[ExportRow],
    total: MqmScore,
    *,
    root: str | None = None,
    reviewer: str = "",
    include_checks: bool = False,
    when: datetime | None = None,
) -> ReportHeader:
    paths = [os.path.abspath(s.doc.path) for s in sessions if s.doc.path]
    if root:
        project = os.path.abspath(root)
    elif paths:
        project = os.path.commonpath([os.path.dirname(p) for p in paths])
    else:
        project = ""
    open_issues = {sev: 0 for sev in ("critical", "major", "minor", "neutral")}
    for session in sessions:
        for record in session.records_with_issues():
            for issue in record.open_issues:
                open_issues[issue.severity.value] += 1
    stamp = (when or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    return ReportHeader(
        project=project,
        date=stamp,
        reviewer=reviewer,
        files=len(sessions),
        segments=sum(len(s) for s in sessions),
        words=total.words,
        states=_sum_states([s.state_counts() for s in sessions]),
        issues=sum(1 for r in rows if r.kind == "Issue"),
        open_issues=open_issues,
        findings=sum(1 for r in rows if r.kind != "Issue"),
        include_checks=include_checks,
        total=total,
    )


def _sum_states(states: Sequence[dict[State, int]]) -> dict[State, int]:
    return {state: sum(s.get(state, 0) for s in states) for state in State}


def _xlsx_report_header(sheet: Any, header: ReportHeader, bold: Any) -> int:
    """The header block on top of the Summary sheet; returns the row its table starts on."""
    _put(sheet, 1, 1, "Review report").font = bold
    row = 2
    for label, value in header.items():
        _put(sheet, row, 1, label).font = bold
        _put(sheet, row, 2, value)
        row += 1
    return row + 1  # one empty row, then the table


def _html_report_header(header: ReportHeader) -> list[str]:
    cells = [f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in header.items()]
    return ['<table class="report">', *cells, "</table>"]
