"""Every export the CLI and the window offer, by name: which options apply and how it is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.exporters import export
from reviewer.core.render.report import export_rendered
from reviewer.core.scoring import DEFAULT_THRESHOLD
from reviewer.core.session import ReviewSession
from reviewer.core.tmx import export_tmx
from reviewer.core.xliff import export_xliff


@dataclass(frozen=True, slots=True)
class ExportFormat:
    key: str  # "csv", "xlsx", "html", "rendered", "json", "xliff", "xliff2", "tmx"
    extension: str  # with the dot
    checks: bool = False  # takes "include check results"
    codes: bool = False  # takes "markup as plain text" (raw) instead of protected codes
    every_pair: bool = False  # takes "every pair, not only the approved ones"


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("csv", ".csv", checks=True),
    ExportFormat("xlsx", ".xlsx", checks=True),
    ExportFormat("html", ".html", checks=True),
    ExportFormat("rendered", ".html", checks=True),
    ExportFormat("json", ".json", checks=True),
    ExportFormat("xliff", ".xlf", codes=True),
    ExportFormat("xliff2", ".xlf", codes=True),
    ExportFormat("tmx", ".tmx", codes=True, every_pair=True),
)
BY_KEY = {f.key: f for f in FORMATS}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to write where; options a format does not take are ignored."""

    path: str
    format: str  # a key of BY_KEY
    include_checks: bool = False
    raw: bool = False
    every_pair: bool = False


def write_export(
    sessions: Sequence[ReviewSession],
    request: ExportRequest,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    root: str | None = None,
    exchange_root: str | None = None,
    reviewer: str = "",
) -> int:
    """Write the export atomically and return what it counts: rows of an issue list or
    report, units of an XLIFF file, translation units of a memory.

    ``root``: the project folder an issue list names files relative to; ``exchange_root``:
    the same for the names in XLIFF and TMX files. Check results are taken from the sessions
    as they are: run the checks first. Raises OSError when the file cannot be written.
    """
    fmt = BY_KEY[request.format]
    checks = request.include_checks and fmt.checks
    raw = request.raw and fmt.codes
    if fmt.key in ("xliff", "xliff2"):
        version = "1.2" if fmt.key == "xliff" else "2.1"
        return export_xliff(sessions, request.path, version, raw, exchange_root)
    if fmt.key == "tmx":
        return export_tmx(sessions, request.path, request.every_pair, raw, exchange_root)
    if fmt.key == "rendered":
        return export_rendered(sessions, request.path, threshold, include_checks=checks)
    return export(
        sessions,
        request.path,
        threshold,
        fmt=fmt.key,
        include_checks=checks,
        root=root,
        reviewer=reviewer,
    )


def describe(count: int, request: ExportRequest) -> str:
    """What was written, for the command line: "96 units (XLIFF 1.2)"."""
    if request.format in ("xliff", "xliff2"):
        return f"{count} units (XLIFF {'1.2' if request.format == 'xliff' else '2.1'})"
    if request.format == "tmx":
        pairs = "all" if request.every_pair else "approved"
        return f"{count} translation units ({pairs} pairs, TMX 1.4b)"
    return f"{count} rows"
