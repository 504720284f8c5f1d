"""The issue rows every export shares: one per manual issue or check finding, and the scores."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reviewer.core.mqm import category
from reviewer.core.scoring import DEFAULT_THRESHOLD, MqmScore, mqm_score, total_score
from reviewer.core.session import ReviewSession

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
