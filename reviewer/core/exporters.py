"""Issue exports (CSV, XLSX, HTML, JSON): manual issues and live check findings in one table."""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from reviewer.core.fileio import atomic_write
from reviewer.core.mqm import category
from reviewer.core.scoring import DEFAULT_THRESHOLD, MqmScore, mqm_score, total_score
from reviewer.core.session import ReviewSession

FORMATS = ("csv", "xlsx", "html", "json")

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (field, header, XLSX column width in characters)
    ("file", "File", 28),
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

    file: str
    id: str
    line: int
    source: str
    target: str
    original_mt: str
    state: str
    kind: str  # "Issue", or "Check error" / "Check warning" / "Check info" for a finding
    category: str  # the MQM category label, e.g. "Accuracy › Omission"
    category_key: str
    severity: str
    status: str
    comment: str
    author: str
    check_code: str
    created: str

    corrected_target: str = ""

    def cells(self) -> list[str | int]:
        return [getattr(self, name) for name, _, _ in COLUMNS]


def collect_rows(sessions: Sequence[ReviewSession]) -> list[ExportRow]:
    """Every manual issue and every undismissed finding, in document order per file.

    A finding a reviewer already raised as an issue (same check code on the segment) is listed
    once, as the issue.
    """
    rows: list[ExportRow] = []
    for session in sessions:
        name = session.doc.path or ""
        for row, (pair, review) in enumerate(zip(session.doc.pairs, session.reviews, strict=True)):
            base = ExportRow(
                name, pair.id, pair.line, pair.source, pair.target, review.original_target,
                review.state.label, "", "", "", "", "", "", "", "", "",
            )  # fmt: skip
            raised = session.flagged_codes(row)
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
            for f in session.findings(row):
                if f.code in raised:
                    continue
                rows.append(
                    replace(
                        base,
                        kind=f"Check {f.level.value}",
                        category=category(f.category).label,
                        category_key=f.category,
                        severity=f.mqm_severity.label,
                        status="Open",
                        comment=f"{f.title}: {f.message}" if f.title else f.message,
                        author="",
                        check_code=f.code,
                        created="",
                    )
                )
    return rows


def scores(
    sessions: Sequence[ReviewSession], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[MqmScore], MqmScore]:
    per_file = [mqm_score(s, threshold) for s in sessions]
    return per_file, total_score(per_file, threshold)


def neutralize(value: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows the text instead of running a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


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


def to_xlsx(rows: Sequence[ExportRow], file_scores: Sequence[MqmScore], total: MqmScore) -> bytes:
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
    headers = (
        "File", "Words", "Penalty", "Minor", "Major", "Critical", "Neutral",
        "Score", "Per 1,000 words", "Threshold", "Result",
    )  # fmt: skip
    widths = (40, 9, 9, 8, 8, 8, 8, 9, 14, 10, 26)
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = _put(summary, 1, col, header)
        cell.font = bold
        cell.fill = head_fill
        summary.column_dimensions[get_column_letter(col)].width = width
    all_scores = [*file_scores, total]
    for r, s in enumerate(all_scores, start=2):
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
        for col, item in enumerate(values, start=1):
            cell = _put(summary, r, col, item)
            if s.path is None:
                cell.font = bold
    summary.freeze_panes = "A2"
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
) -> bytes:
    """One standalone page; every piece of content is escaped, so markup in a target is text."""
    text_fields = {"source", "target", "original_mt", "comment"}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        "<h2>MQM scorecards</h2>",
        '<div class="scorecards">',
        *[_scorecard(s) for s in file_scores],
        _scorecard(total),
        "</div>",
        f"<h2>Issues and check findings ({len(rows)})</h2>",
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


def to_json(rows: Sequence[ExportRow], file_scores: Sequence[MqmScore], total: MqmScore) -> bytes:
    data = {
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
) -> bytes:
    if rows is None:
        rows = collect_rows(sessions)
    if fmt == "csv":
        return to_csv(rows)
    file_scores, total = scores(sessions, threshold)
    if fmt == "xlsx":
        return to_xlsx(rows, file_scores, total)
    if fmt == "html":
        return to_html(rows, file_scores, total)
    if fmt == "json":
        return to_json(rows, file_scores, total)
    raise ValueError(f"unknown export format {fmt!r}")


def export(
    sessions: Sequence[ReviewSession],
    path: str,
    threshold: float = DEFAULT_THRESHOLD,
    fmt: str | None = None,
) -> int:
    """Write the export (``fmt``, else chosen by the file's extension) atomically; returns the
    row count."""
    if fmt is None:
        fmt = export_format(path)
    rows = collect_rows(sessions)
    atomic_write(path, render(sessions, fmt, threshold, rows))
    return len(rows)
