"""The HTML report: one standalone, fully escaped page with scorecards and the rows."""

from __future__ import annotations

import html
from collections.abc import Sequence

from reviewer.core.export_header import ReportHeader
from reviewer.core.export_rows import REPORT_COLUMNS, ExportRow
from reviewer.core.scoring import MqmScore

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


def _html_report_header(header: ReportHeader) -> list[str]:
    cells = [f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in header.items()]
    return ['<table class="report">', *cells, "</table>"]
