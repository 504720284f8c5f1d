"""Project commands of the command line: stats, approve, search, replace and consistency."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from reviewer.cli import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    Progress,
    _config,
    _configure_language,
    _split_ids,
    _user,
    print_save_notes,
    write_advice,
)
from reviewer.core.project import (
    ApprovalCriteria,
    ArticleRow,
    ChangeSet,
    Project,
    ProjectEdit,
    ProjectTotals,
    Query,
    Replacement,
    Side,
    apply_approval,
    apply_changes,
    open_paths,
    plan_approval,
    plan_replace,
    project_consistency,
)
from reviewer.core.project.changes import ArticleResult
from reviewer.core.project.concordance import clip
from reviewer.core.project.listing import COLUMN_KEYS, sorted_indexes
from reviewer.core.segments import State
from reviewer.core.workspace import SaveError


class _Counter:
    """The CLI's one-line progress counter, fed by the core's progress callback."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.line: Progress | None = None

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.line is None or self.line.total != total:
            self.clear()
            self.line = Progress(self.verb, total)
        self.line.step(done)

    def clear(self) -> None:
        if self.line is not None:
            self.line.clear()


def _project(args: argparse.Namespace, verb: str) -> tuple[Project, int]:
    """The project over the paths named, and how many articles (or review files) could not be
    read; each of those is reported on stderr with the file and what to do."""
    counter = _Counter(verb)
    project = open_paths(args.paths, _config(args), use_cache=not args.no_cache, progress=counter)
    counter.clear()
    project.rows()  # reads each article's project file (.reviewer.yaml), if any
    for problem in project.problems + project.configs.problems:
        print(f"reviewer: {problem}", file=sys.stderr)
    problems = len(project.problems) + len(project.configs.problems)
    for record in project.records:
        if record.error or record.sidecar_error:
            print(f"reviewer: {record.error or record.sidecar_error}", file=sys.stderr)
            problems += 1
    return project, problems


def _shown(paths: Sequence[str], project: Project) -> dict[str, str]:
    """Each article's name as the user would type it: the file named, or the folder named
    joined with the path below it (what ``check`` prints, so the two read alike)."""
    names: dict[str, str] = {}
    for p in paths:
        if os.path.isdir(p):
            base = os.path.abspath(p)
            for rel in project.rels:
                absolute = project.path_of(rel)
                if absolute.startswith(base + os.sep):
                    names.setdefault(rel, os.path.join(p, os.path.relpath(absolute, base)))
        else:
            names.setdefault(project.rel_of(p), p)
    return names


def _checks(project: Project, rels: Sequence[str] | None = None) -> None:
    _configure_language(project.config, project.config.check_config())
    counter = _Counter("checking")
    project.run_checks(counter, rels=rels)
    counter.clear()


# -- stats -------------------------------------------------------------------------------


def cmd_stats(args: argparse.Namespace) -> int:
    project, problems = _project(args, "reading")
    if args.checks:
        _checks(project)
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


# -- approve -----------------------------------------------------------------------------


def _states(raw: Sequence[str] | None) -> frozenset[State]:
    out: set[State] = set()
    for value in _split_ids(raw):
        try:
            out.add(State(value))
        except ValueError:
            known = ", ".join(s.value for s in State)
            raise argparse.ArgumentTypeError(f"unknown state {value!r} (known: {known})") from None
    return frozenset(out)


def cmd_approve(args: argparse.Namespace) -> int:
    ids = frozenset(_split_ids(args.ids))
    try:
        states = _states(args.state)
    except argparse.ArgumentTypeError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    codes = frozenset(_split_ids(args.check))
    if not (ids or args.clean or states or codes):
        print("reviewer: approve needs --ids, --clean, --state or --check.", file=sys.stderr)
        return EXIT_INPUT
    criteria = ApprovalCriteria(args.clean, args.hold_warnings, states, codes, ids)
    project, problems = _project(args, "reading")
    if criteria.needs_checks:
        _configure_language(project.config, project.config.check_config())
    readable = [r.rel for r in project.records if not r.error and not r.sidecar_error]
    plan = plan_approval(project, readable, criteria, _Counter("checking"))
    verb = "would approve" if args.dry_run else "approved"
    config = _config(args)
    result = apply_approval(
        project, plan, user=_user(args, config), dry_run=args.dry_run, keep_for_undo=False
    )
    done = {r.rel: r for r in result.results}
    names = _shown(args.paths, project)
    for article in plan.articles:
        name = names.get(article.rel, article.rel)
        item = done.get(article.rel)
        if item is not None and item.error:
            print(f"reviewer: {_failure(item, name, 'approvals')}", file=sys.stderr)
            problems += 1
            continue
        count = item.applied if item is not None else 0
        note = f" ({len(article.held)} held back for warnings)" if article.held else ""
        print(f"{name}: {verb} {count} segments{note}")
        if item is not None:
            print_save_notes(item.notes)
    failed = sum(1 for r in result.results if r.error)
    print(f"{verb} {result.applied} segments in {len(plan.articles) - failed} files")
    if plan.warned:
        verb_s = "carries a check warning" if plan.warned == 1 else "carry check warnings"
        print(
            f"{plan.warned} of them still {verb_s}"
            + ("" if args.hold_warnings else "; --hold-warnings leaves those out")
        )
    if plan.held:
        print(f"{plan.held} clean segments held back for their warnings")
    if plan.missing_ids:
        print(f"reviewer: id not found in any file: {', '.join(plan.missing_ids)}", file=sys.stderr)
    return EXIT_INPUT if problems or plan.missing_ids else EXIT_OK


# -- search and replace ----------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    project, problems = _project(args, "reading")
    query = Query(args.find, args.regex, args.match_case, args.whole_word, Side(args.side))
    result = project.concordance().search(query, limit=args.limit)
    names = _shown(args.paths, project)
    if args.format == "json":
        hits = [
            {
                "path": h.rel,
                "segment": h.number,
                "id": h.pair_id,
                "state": h.state.value,
                "source": h.source,
                "target": h.target,
                "source_spans": h.source_spans,
                "target_spans": h.target_spans,
            }
            for h in result.hits
        ]
        print(
            json.dumps({"hits": hits, "truncated": result.truncated}, ensure_ascii=False, indent=1)
        )
    else:
        for h in result.hits:
            print(f"{names.get(h.rel, h.rel)} #{h.number} {h.pair_id} [{h.state.value}]")
            if query.side is not Side.TARGET:
                print(f"  en: {_marked(h.source, h.source_spans)}")
            if query.side is not Side.SOURCE:
                print(f"  nl: {_marked(h.target, h.target_spans)}")
        more = " (limit reached: --limit shows more)" if result.truncated else ""
        print(f"{len(result.hits)} segments in {result.articles} files{more}")
    if problems:
        return EXIT_INPUT
    return EXIT_OK if result.hits else EXIT_FINDINGS


def _marked(text: str, spans: Sequence[tuple[int, int]], width: int = 160) -> str:
    """``text`` with each match in »«, cut to a window around the first one."""
    excerpt, offset = clip(text, spans, width)
    out = []
    pos = 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < pos or end > len(excerpt):
            continue
        out.append(excerpt[pos:start] + "»" + excerpt[start:end] + "«")
        pos = end
    out.append(excerpt[pos:])
    return "".join(out)


def cmd_replace(args: argparse.Namespace) -> int:
    replacement = Replacement(
        args.find, args.replace, args.regex, not args.ignore_case, args.whole_word
    )
    project, problems = _project(args, "reading")
    plan = plan_replace(project, replacement)
    names = _shown(args.paths, project)
    _print_plan(plan, args.allow_warnings, names)
    config = _config(args)
    result = apply_changes(
        project,
        plan,
        user=_user(args, config),
        allow_warnings=args.allow_warnings,
        dry_run=args.dry_run,
        keep_for_undo=False,
    )
    problems += _report(result, "would replace" if args.dry_run else "replaced", "targets", names)
    held = len(plan.warned) if not args.allow_warnings else 0
    if plan.refused or held:
        print(
            f"{len(plan.refused)} refused (would break the article), {held} held back for "
            "warnings" + ("; --allow-warnings applies those" if held else "")
        )
    if problems:
        return EXIT_INPUT
    return EXIT_FINDINGS if plan.refused or held else EXIT_OK


def _print_plan(plan: ChangeSet, allow_warnings: bool, names: dict[str, str]) -> None:
    for c in plan.changes:
        status = ""
        if c.refused:
            status = f"  REFUSED: {c.refused}"
        elif c.warnings and not allow_warnings:
            status = f"  HELD BACK: {'; '.join(c.warnings)}"
        elif c.warnings:
            status = f"  warning: {'; '.join(c.warnings)}"
        print(f"{names.get(c.rel, c.rel)} #{c.number} {c.pair_id}{status}")
        print(f"  - {_marked(c.before, c.spans)}")
        print(f"  + {c.after.replace(chr(10), ' ')}")


def _report(result: ProjectEdit, verb: str, noun: str, names: dict[str, str]) -> int:
    problems = 0
    for item in result.results:
        name = names.get(item.rel, item.rel)
        if item.error:
            print(f"reviewer: {_failure(item, name, noun)}", file=sys.stderr)
            problems += 1
        for c in item.stale:
            print(f"{name} #{c.number} {c.pair_id}: skipped, the target changed since it was read")
        print_save_notes(item.notes)
    files = sum(1 for r in result.results if r.applied)
    print(f"{verb} {result.applied} {noun} in {files} files")
    return problems


def _failure(item: ArticleResult, name: str, what: str) -> str:
    """Why an article was left unchanged, with advice worded for the command line."""
    exc = item.exception
    if isinstance(exc, SaveError) and exc.cause is not None:
        return f"{name}: {what} not saved. {write_advice(exc.path, exc.cause)}"
    return item.error


# -- consistency -------------------------------------------------------------------------


def cmd_consistency(args: argparse.Namespace) -> int:
    project, problems = _project(args, "reading")
    groups = project_consistency(project)
    if args.format == "json":
        data = [
            {
                "source": g.source,
                "variants": [
                    {
                        "target": v.target,
                        "count": len(v.places),
                        "places": [{"path": rel, "segment": row + 1} for rel, row in v.places],
                    }
                    for v in g.variants
                ],
                "flagged": [
                    {"path": rel, "segment": row + 1, "message": m} for rel, row, m in g.flagged
                ],
            }
            for g in groups
        ]
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for g in groups:
            print(f"{clip(g.source, ())[0]}  ({g.articles} files)")
            for v in g.variants:
                where = ", ".join(f"{rel} #{row + 1}" for rel, row in v.places[:3])
                more = f", … {len(v.places) - 3} more" if len(v.places) > 3 else ""
                print(f"  {len(v.places):>4}×  {clip(v.target, ())[0]}  ({where}{more})")
        print(f"{len(groups)} sources translated differently across files")
    if problems:
        return EXIT_INPUT
    return EXIT_FINDINGS if groups else EXIT_OK


# -- parser ------------------------------------------------------------------------------


def _no_cache(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="read every article again instead of using the project index cache",
    )


def _find_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--find", required=True, metavar="TEXT", help="text (or regex) to look for")
    p.add_argument("--regex", action="store_true", help="TEXT is a Python regular expression")
    p.add_argument("--whole-word", action="store_true", help="only whole words")


def add_commands(add: Any) -> None:
    """Register the project commands; ``add(name, help)`` makes a subparser with PATH..."""
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
    _no_cache(stats)
    stats.set_defaults(func=cmd_stats)

    approve = add("approve", "approve segments in the review data (the article is not changed)")
    # One comma-separated value per --ids (repeatable): nargs="+" would swallow the PATHs.
    approve.add_argument(
        "--ids",
        action="append",
        metavar="ID[,ID...]",
        help="segment ids to approve, comma-separated; may be repeated",
    )
    approve.add_argument(
        "--clean",
        action="store_true",
        help="only segments with no open issue and no undismissed error-level finding",
    )
    approve.add_argument(
        "--hold-warnings",
        action="store_true",
        help="leave out segments that carry a warning-level finding",
    )
    approve.add_argument(
        "--state",
        action="append",
        metavar="STATE[,STATE...]",
        help="only segments in these states (unreviewed, edited, needs-work, reviewed)",
    )
    approve.add_argument(
        "--check",
        action="append",
        metavar="CODE[,CODE...]",
        help="only segments with a finding of these checks",
    )
    approve.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    _no_cache(approve)
    approve.set_defaults(func=cmd_approve)

    search = add("search", "concordance: segments whose source or target holds a text or regex")
    _find_options(search)
    search.add_argument("--in", dest="side", choices=("source", "target", "both"), default="both")
    search.add_argument("--match-case", action="store_true", help="case matters")
    search.add_argument("--limit", type=int, default=200, help="segments shown at most (200)")
    search.add_argument("--format", choices=("text", "json"), default="text")
    _no_cache(search)
    search.set_defaults(func=cmd_search)

    replace = add("replace", "find and replace in targets; only targets change, byte for byte")
    _find_options(replace)
    replace.add_argument(
        "--replace",
        required=True,
        metavar="TEXT",
        help="replacement; with --regex it may use \\1 or \\g<name>",
    )
    replace.add_argument("-i", "--ignore-case", action="store_true", help="case does not matter")
    replace.add_argument(
        "--allow-warnings",
        action="store_true",
        help="also apply changes that alter line breaks, tags or edge spaces",
    )
    replace.add_argument("--dry-run", action="store_true", help="show every change, write nothing")
    _no_cache(replace)
    replace.set_defaults(func=cmd_replace)

    cons = add("consistency", "sources translated differently in different articles")
    cons.add_argument("--format", choices=("text", "json"), default="text")
    _no_cache(cons)
    cons.set_defaults(func=cmd_consistency)


__all__ = ["add_commands", "cmd_approve", "cmd_replace", "cmd_search", "cmd_stats"]
