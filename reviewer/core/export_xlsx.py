"""The XLSX export: an Issues sheet with a column for fixes, and a Summary sheet of scores."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reviewer.core.export_header import ReportHeader, _sum_states
from reviewer.core.export_rows import _FORMULA_START, COLUMNS, ExportRow
from reviewer.core.scoring import MqmScore
from reviewer.core.segments import State

_XLSX_MAX_CELL = 32767


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


def _xlsx_report_header(sheet: Any, header: ReportHeader, bold: Any) -> int:
    """The header block on top of the Summary sheet; returns the row its table starts on."""
    _put(sheet, 1, 1, "Review report").font = bold
    row = 2
    for label, value in header.items():
        _put(sheet, row, 1, label).font = bold
        _put(sheet, row, 2, value)
        row += 1
    return row + 1  # one empty row, then the table
