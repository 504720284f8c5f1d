"""The JSON report: the header, per-file scores and the rows, as plain data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from reviewer.core.export_header import ReportHeader
from reviewer.core.export_rows import ExportRow
from reviewer.core.scoring import MqmScore


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
