"""Issue exports (CSV, XLSX, HTML, JSON): the format by file ending, rendered and written."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from reviewer.core.export_csv import to_csv
from reviewer.core.export_header import report_header
from reviewer.core.export_html import to_html
from reviewer.core.export_json import to_json
from reviewer.core.export_rows import ExportRow, collect_rows, relative_name, scores
from reviewer.core.export_xlsx import to_xlsx
from reviewer.core.fileio import atomic_write
from reviewer.core.scoring import DEFAULT_THRESHOLD
from reviewer.core.session import ReviewSession

FORMATS = ("csv", "xlsx", "html", "json")


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
