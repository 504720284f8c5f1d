"""Search, replace and consistency across the articles of a project."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reviewer.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    Add,
    config_from,
    print_save_notes,
    user_from,
)
from reviewer.cli.project import (
    add_find_options,
    add_no_cache,
    failure_message,
    project_from,
    shown_names,
)
from reviewer.core.project import (
    ChangeSet,
    ProjectEdit,
    Query,
    Replacement,
    Side,
    apply_changes,
    plan_replace,
    project_consistency,
)
from reviewer.core.project.concordance import clip


def cmd_search(args: argparse.Namespace) -> int:
    project, problems = project_from(args, "reading")
    query = Query(args.find, args.regex, args.match_case, args.whole_word, Side(args.side))
    result = project.concordance().search(query, limit=args.limit)
    names = shown_names(args.paths, project)
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
    project, problems = project_from(args, "reading")
    plan = plan_replace(project, replacement)
    names = shown_names(args.paths, project)
    _print_plan(plan, args.allow_warnings, names)
    config = config_from(args)
    result = apply_changes(
        project,
        plan,
        user=user_from(args, config),
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
            print(f"reviewer: {failure_message(item, name, noun)}", file=sys.stderr)
            problems += 1
        for c in item.stale:
            print(f"{name} #{c.number} {c.pair_id}: skipped, the target changed since it was read")
        print_save_notes(item.notes)
    files = sum(1 for r in result.results if r.applied)
    print(f"{verb} {result.applied} {noun} in {files} files")
    return problems


def cmd_consistency(args: argparse.Namespace) -> int:
    project, problems = project_from(args, "reading")
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


def add_commands(add: Add) -> None:
    """Register search, replace and consistency."""
    search = add("search", "concordance: segments whose source or target holds a text or regex")
    add_find_options(search)
    search.add_argument("--in", dest="side", choices=("source", "target", "both"), default="both")
    search.add_argument("--match-case", action="store_true", help="case matters")
    search.add_argument("--limit", type=int, default=200, help="segments shown at most (200)")
    search.add_argument("--format", choices=("text", "json"), default="text")
    add_no_cache(search)
    search.set_defaults(func=cmd_search)

    replace = add("replace", "find and replace in targets; only targets change, byte for byte")
    add_find_options(replace)
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
    add_no_cache(replace)
    replace.set_defaults(func=cmd_replace)

    cons = add("consistency", "sources translated differently in different articles")
    cons.add_argument("--format", choices=("text", "json"), default="text")
    add_no_cache(cons)
    cons.set_defaults(func=cmd_consistency)
