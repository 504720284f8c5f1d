"""The stats command: one line per article and the totals, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

from reviewer.cli.common import EXIT_INPUT, EXIT_OK, Add
from reviewer.cli.project import add_no_cache, check_project, project_from
from reviewer.core.project import ArticleRow, Project, ProjectTotals
from reviewer.core.project.listing import COLUMN_KEYS, sorted_indexes
from reviewer.core.segments import State


def cmd_stats(args: argparse.Namespace) -> int:
    project, problems = project_from(args, "reading")
    if args.checks:
        check_project(project)
    rows = project.rows()
    order = sorted_indexes(rows, args.sort, args.descending) if args.sort else range(len(rows))
    rows = [rows[k] for k in order]
    total = project.totals()
    if args.format == "json":
        data = {
            "project": project.root,
            "files": [_row_json(project, r) for r in rows],
            "total": _total_json(total),
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        sys.stdout.write(_stats_csv(project, rows, total, args.checks))
    else:
        print(f"project {project.root}")
        print(_stats_table(rows, total, args.checks))
    return EXIT_INPUT if problems else EXIT_OK


_STATE_HEADS = {
    State.UNREVIEWED: "unrev",
    State.EDITED: "edited",
    State.NEEDS_WORK: "work",
    State.REVIEWED: "revd",
    State.APPROVED: "appr",
}


def _stats_table(rows: Sequence[ArticleRow], total: ProjectTotals, checks: bool) -> str:
    """One line per article and a TOTAL line, in aligned columns."""
    head = ["path", "segs", "words", *_STATE_HEADS.values(), "appr%", "issues", "crit"]
    if checks:
        head += ["errors", "warns"]
    head += ["score", "result", "last reviewed", "by"]
    lines: list[list[str]] = [head]
    for r in rows:
        if r.error:
            lines.append(
                [r.rel, "-", "-", *["-"] * 5, "-", "-", "-"]
                + (["-", "-"] if checks else [])
                + ["-", "unreadable", "", ""]
            )
            continue
        line = [
            r.rel,
            str(r.pairs),
            str(r.words),
            *(str(n) for n in r.states),
            f"{r.approved_ratio * 100:.0f}%" if r.pairs else "-",
            str(r.open_issue_count),
            str(r.open_issues[3]),
        ]
        if checks:
            line += [
                "-" if r.errors is None else str(r.errors),
                "-" if r.warnings is None else str(r.warnings),
            ]
        line += [f"{r.score.score:.2f}", r.verdict, r.last_at[:16].replace("T", " "), r.last_by]
        lines.append(line)
    t = total
    line = [
        f"TOTAL ({t.files} files)",
        str(t.pairs),
        str(t.words),
        *(str(n) for n in t.states),
        f"{t.approved_ratio * 100:.0f}%",
        str(sum(t.open_issues)),
        str(t.open_issues[3]),
    ]
    if checks:
        line += [str(t.findings[0]), str(t.findings[1])]
    line += [f"{t.score.score:.2f}", f"{t.passed} pass, {t.failed} fail", "", ""]
    lines.append(line)
    for row in lines[1:]:
        row[0] = _elide(row[0], _PATH_WIDTH)
    widths = [max(len(row[k]) for row in lines) for k in range(len(head))]
    numeric = {
        k for k, name in enumerate(head) if name not in ("path", "result", "last reviewed", "by")
    }
    out = []
    for row in lines:
        cells = [
            cell.rjust(widths[k]) if k in numeric else cell.ljust(widths[k])
            for k, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


_PATH_WIDTH = 60


def _elide(path: str, width: int) -> str:
    """A long path cut in its middle folders, keeping the start and the file name."""
    if len(path) <= width:
        return path
    keep = width - 1
    head = keep // 3
    return path[:head] + "…" + path[len(path) - (keep - head) :]


def _row_json(project: Project, r: ArticleRow) -> dict[str, Any]:
    record = project.record(r.rel, texts=False)
    out: dict[str, Any] = {
        "path": r.rel,
        "title": r.title,
        "type": r.translation_type,
        "pairs": r.pairs,
        "words": r.words,
        "states": {s.value: r.count(s) for s in State},
        "approved_ratio": round(r.approved_ratio, 4),
        "issues": {
            "open_by_severity": _by_severity(r.open_issues),
            "by_severity": dict(r.score.counts),
            "by_status": dict(zip(("open", "resolved", "wontfix"), record.by_status, strict=True)),
        },
        "mqm": r.score.as_dict() | {"verdict": r.verdict},
        "post_edit_distance": {
            "segments": r.pairs,
            "edited": record.edited,
            "distance": record.distance,
            "length": record.length,
            "normalized": round(record.distance / record.length, 4) if record.length else 0.0,
        },
        "last_reviewed": r.last_at,
        "reviewed_by": r.last_by,
    }
    if r.findings is not None:
        out["checks"] = dict(zip(("error", "warning", "info"), r.findings, strict=True))
    if r.error:
        out["error"] = r.error
    if r.sidecar_error:
        out["review_data_error"] = r.sidecar_error
    return out


def _by_severity(counts: Sequence[int]) -> dict[str, int]:
    return dict(zip(("neutral", "minor", "major", "critical"), counts, strict=True))


def _total_json(t: ProjectTotals) -> dict[str, Any]:
    return {
        "files": t.files,
        "unreadable": t.unreadable,
        "pairs": t.pairs,
        "words": t.words,
        "states": {s.value: t.count(s) for s in State},
        "approved_ratio": round(t.approved_ratio, 4),
        "issues": {
            "open_by_severity": _by_severity(t.open_issues),
            "by_severity": dict(t.score.counts),
        },
        "mqm": t.score.as_dict() | {"verdict": t.score.verdict},
        "passed": t.passed,
        "failed": t.failed,
        "checked": t.checked,
        "checks": dict(zip(("error", "warning", "info"), t.findings, strict=True)),
    }


def _stats_csv(
    project: Project, rows: Sequence[ArticleRow], total: ProjectTotals, checks: bool
) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    head = [
        "path",
        "title",
        "type",
        "segments",
        "words",
        *(s.value for s in State),
        "approved_pct",
        "open_critical",
        "open_major",
        "open_minor",
        "open_neutral",
        "mqm_score",
        "penalty_per_1000_words",
        "result",
        "last_reviewed",
        "reviewed_by",
    ]
    if checks:
        head += ["check_errors", "check_warnings", "check_notes"]
    writer.writerow(head)
    for r in rows:
        line: list[Any] = [
            r.rel,
            r.title,
            r.translation_type,
            r.pairs,
            r.words,
            *r.states,
            round(r.approved_ratio * 100, 1),
            *reversed(r.open_issues),
            round(r.score.score, 2),
            round(r.score.normed_penalty, 2),
            r.verdict,
            r.last_at,
            r.last_by,
        ]
        if checks:
            line += list(r.findings) if r.findings is not None else ["", "", ""]
        writer.writerow(line)
    t = total
    line = [
        f"TOTAL ({t.files} files)",
        "",
        "",
        t.pairs,
        t.words,
        *t.states,
        round(t.approved_ratio * 100, 1),
        *reversed(t.open_issues),
        round(t.score.score, 2),
        round(t.score.normed_penalty, 2),
        f"{t.passed} pass, {t.failed} fail",
        "",
        "",
    ]
    if checks:
        line += list(t.findings)
    writer.writerow(line)
    return buf.getvalue()


def add_commands(add: Add) -> None:
    """Register stats."""
    stats = add("stats", "one line per article (states, issues, MQM, last review) and totals")
    stats.add_argument("--format", choices=("text", "csv", "json"), default="text")
    stats.add_argument("--checks", action="store_true", help="also count check findings")
    stats.add_argument(
        "--sort",
        choices=COLUMN_KEYS,
        metavar="COLUMN",
        help=f"sort by a column: {', '.join(COLUMN_KEYS)}",
    )
    stats.add_argument("--descending", action="store_true", help="with --sort: largest first")
    add_no_cache(stats)
    stats.set_defaults(func=cmd_stats)
