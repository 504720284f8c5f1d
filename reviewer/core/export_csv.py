"""The CSV export: Excel-friendly UTF-8, formulas neutralized."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reviewer.core.export_rows import COLUMNS, ExportRow, neutralize


def to_csv(rows: Sequence[ExportRow]) -> bytes:
    """UTF-8 with BOM and CRLF rows, which Excel and LibreOffice open with the right encoding."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for r in rows:
        writer.writerow([neutralize(c) if isinstance(c, str) else c for c in r.cells()])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
