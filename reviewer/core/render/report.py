"""The HTML report as a page: each article rendered as readers see it, its issues beside it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from reviewer.core.export_rows import ExportRow, collect_rows, scores
from reviewer.core.fileio import atomic_write
from reviewer.core.render.preview import ArticlePreview, render_inline
from reviewer.core.render.style import ERROR, EXPORT_CSS, INFO, WARNING
from reviewer.core.scoring import DEFAULT_THRESHOLD, MqmScore
from reviewer.core.session import ReviewSession

_TINT = {"Critical": ERROR, "Major": ERROR, "Minor": WARNING, "Neutral": INFO}
_RANK = {"Critical": 0, "Major": 1, "Minor": 2, "Neutral": 3}

_REPORT_CSS = """
body { font-family: system-ui, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 78em;
  color: #222; line-height: 1.45; }
h1.report { font-size: 1.5em; margin-bottom: .2em; }
h2.file { font-size: 1.15em; margin-top: 2.2em; border-bottom: 2px solid #dde4ee;
  padding-bottom: .2em; word-break: break-all; }
.summary { border-collapse: collapse; margin: .8em 0 1.2em; }
.summary th, .summary td { border: 1px solid #c8cdd6; padding: .25em .6em; text-align: left; }
.summary th { background: #eef1f6; }
.pass { color: #17612b; font-weight: bold; } .fail { color: #a01818; font-weight: bold; }
.legend span { padding: 0 .4em; margin-right: .6em; border-radius: 3px; }
table.page { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.page > tbody > tr > td { vertical-align: top; padding: .15em .8em; }
td.article { width: 62%; border-right: 1px solid #e2e5ea; }
td.notes { width: 38%; }
tr.has-notes > td.article { background: #fcfcfd; }
.card { border: 1px solid #d6dae2; border-left: 4px solid #9aa5b5; border-radius: 4px;
  padding: .35em .6em; margin: .35em 0 .6em; font-size: .9em; background: #fff; }
.card.sev-critical, .card.sev-major { border-left-color: #c62828; }
.card.sev-minor { border-left-color: #e0a340; }
.card.sev-neutral { border-left-color: #6b8fc7; }
.card-head { color: #555; }
.item { border-top: 1px solid #eceef2; margin-top: .35em; padding-top: .3em; }
.meta { color: #777; font-size: .85em; }
.card-head .num { display: inline-block; min-width: 1.4em; text-align: center; color: #fff;
  background: #5b6b82; border-radius: 3px; margin-right: .3em; }
.card-head .sev { font-weight: bold; color: #333; }
.card-text { margin: .25em 0; white-space: pre-wrap; }
.card-src, .card-mt { color: #444; margin-top: .2em; }
.lbl { font-size: .8em; text-transform: uppercase; letter-spacing: .04em; color: #777;
  margin-right: .4em; }
sup.badge { color: #fff; background: #5b6b82; border-radius: 3px; padding: 0 .25em;
  font-size: .7em; margin-left: .1em; }
.offpage { margin: .5em 0; }
@media print { td.notes { font-size: .85em; } .card { break-inside: avoid; } }
"""


def rendered_report(
    sessions: Sequence[ReviewSession],
    rows: Sequence[ExportRow],
    file_scores: Sequence[MqmScore],
    total: MqmScore,
    title: str = "Review report",
) -> bytes:
    """One standalone page: per article its MQM score, then the article rendered from the
    current targets, block by block, with the issues and findings on its segments beside
    each block. Segments with issues are tinted by their worst severity and numbered."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        # Nothing in the page may load or run anything, whatever the content holds.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title>",
        f"<style>{EXPORT_CSS}{_REPORT_CSS}</style>",
        "</head><body>",
        f'<h1 class="report">{_e(title)}</h1>',
        _summary(file_scores, total),
        '<p class="legend">'
        f'<span class="{ERROR}">critical or major</span>'
        f'<span class="{WARNING}">minor</span>'
        f'<span class="{INFO}">neutral</span></p>',
    ]
    by_file: dict[str, list[ExportRow]] = {}
    for row in rows:
        by_file.setdefault(row.file, []).append(row)
    for n, session in enumerate(sessions):
        name = session.doc.path or ""
        score = file_scores[n] if n < len(file_scores) else None
        out.append(_article(n, session, by_file.get(name, []), score))
    out += ["</body></html>", ""]
    return "\n".join(out).encode("utf-8")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _summary(file_scores: Sequence[MqmScore], total: MqmScore) -> str:
    head = ("File", "Words", "Score", "Result", "Critical", "Major", "Minor", "Neutral")
    out = ['<table class="summary"><tr>', *[f"<th>{h}</th>" for h in head], "</tr>"]
    for n, s in enumerate([*file_scores, total]):
        total_name = f"Total ({s.files} files)"
        name = total_name if s.path is None else f'<a href="#f{n}">{_e(s.path)}</a>'
        verdict = "pass" if s.passed else "fail"
        cells = [
            name,
            str(s.words),
            f"{s.score:.2f}",
            f'<span class="{verdict}">{_e(s.verdict)}</span>',
            *(str(s.counts.get(k, 0)) for k in ("critical", "major", "minor", "neutral")),
        ]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _article(n: int, session: ReviewSession, rows: list[ExportRow], score: MqmScore | None) -> str:
    prefix = f"f{n}-"
    preview = ArticlePreview(session.doc, anchor_prefix=prefix)
    numbers: dict[str, list[int]] = {}
    worst: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        numbers.setdefault(row.id, []).append(number)
        if _RANK.get(row.severity, 9) < _RANK.get(worst.get(row.id, ""), 9):
            worst[row.id] = row.severity
    preview.set_marks({pid: _TINT.get(sev, INFO) for pid, sev in worst.items()})
    preview.set_badges({pid: ",".join(map(str, nums)) for pid, nums in numbers.items()})
    grouped: dict[str, list[tuple[int, ExportRow]]] = {}
    for number, row in enumerate(rows, start=1):
        grouped.setdefault(row.id, []).append((number, row))
    cards = {pid: _note(prefix, found) for pid, found in grouped.items()}
    name = session.doc.path or "(unnamed article)"
    out = [f'<h2 class="file" id="f{n}">{_e(name)}</h2>']
    if score is not None:
        verdict = "pass" if score.passed else "fail"
        out.append(
            f"<p>MQM score <b>{score.score:.2f}</b> "
            f'<span class="{verdict}">{_e(score.verdict)}</span> · {len(rows)} issues and '
            f"findings · {score.words} source words</p>"
        )
    shown: set[str] = set()
    body: list[str] = []
    plain: list[str] = []  # consecutive blocks without issues, kept in one row
    for b, block in enumerate(preview.blocks()):
        notes = [cards[pid] for pid in preview.block_pairs(b) if pid in cards]
        shown.update(preview.block_pairs(b))
        if not notes:
            plain.append(block)
            continue
        if plain:
            body.append(_row("".join(plain), ""))
            plain = []
        body.append(_row(block, "".join(notes), has_notes=True))
    if plain:
        body.append(_row("".join(plain), ""))
    offpage = [card for pid, card in cards.items() if pid not in shown]
    if offpage:
        out.append('<div class="offpage"><p class="lbl">Not on the page (front matter)</p>')
        out.extend(offpage)
        out.append("</div>")
    out.append('<table class="page"><tbody>')
    out.append(preview.title_html() and _row(preview.title_html(), ""))
    out.extend(body)
    out.append("</tbody></table>")
    return "\n".join(out)


def _row(article: str, notes: str, has_notes: bool = False) -> str:
    cls = ' class="has-notes"' if has_notes else ""
    return f'<tr{cls}><td class="article">{article}</td><td class="notes">{notes}</td></tr>'


def _note(prefix: str, found: list[tuple[int, ExportRow]]) -> str:
    """One segment's box beside the page: its id and source once, then each issue."""
    first = found[0][1]
    worst = min((row.severity for _, row in found), key=lambda sev: _RANK.get(sev, 9))
    parts = [
        f'<div class="card sev-{_e(worst.lower())}">',
        f'<div class="card-head"><a href="#{_e(prefix)}seg-{_e(first.id)}">{_e(first.id)}</a>'
        f" · line {first.line} · {_e(first.state)}</div>",
        f'<div class="card-src"><span class="lbl">Source</span>'
        f"{render_inline(first.source, 'en')}</div>",
    ]
    if first.original_mt and first.original_mt != first.target:
        parts.append(
            f'<div class="card-mt"><span class="lbl">Original MT</span>'
            f"{render_inline(first.original_mt, 'nl')}</div>"
        )
    parts.extend(_item(number, row) for number, row in found)
    parts.append("</div>")
    return "".join(parts)


def _item(number: int, row: ExportRow) -> str:
    kind = f"Issue, {row.status.lower()}" if row.kind == "Issue" else row.kind
    head = " · ".join((f'<span class="sev">{_e(row.severity)}</span>', _e(row.category), _e(kind)))
    meta = [x for x in (row.author, row.created[:16].replace("T", " "), row.check_code) if x]
    return (
        f'<div class="item"><div class="card-head"><span class="num">{number}</span>{head}</div>'
        + (f'<div class="card-text">{_e(row.comment)}</div>' if row.comment else "")
        + (f'<div class="meta">{_e(" · ".join(meta))}</div>' if meta else "")
        + "</div>"
    )


def export_rendered(
    sessions: Sequence[ReviewSession],
    path: str,
    threshold: float = DEFAULT_THRESHOLD,
    include_checks: bool = False,
) -> int:
    """Write the rendered HTML report atomically; returns the number of issues (and findings,
    with ``include_checks``)."""
    rows = collect_rows(sessions, include_checks)
    file_scores, total = scores(sessions, threshold)
    atomic_write(path, rendered_report(sessions, rows, file_scores, total))
    return len(rows)
