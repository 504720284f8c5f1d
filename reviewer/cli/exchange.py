"""The export and import commands: issue reports and exchange files out, targets back in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewer.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    Add,
    check_workspaces,
    config_from,
    open_all,
    print_save_notes,
    project_root,
    user_from,
    write_advice,
)
from reviewer.core.export_formats import BY_KEY, ExportRequest, describe, write_export
from reviewer.core.exporters import FORMATS, export_format
from reviewer.core.importing import ImportPlan, plan_import
from reviewer.core.workspace import Workspace, open_article

EXCHANGE_FORMATS = ("xliff", "xliff2", "tmx")
_BY_EXTENSION = {".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx"}


def _export_kind(args: argparse.Namespace) -> str:
    """The format asked for, else the one the output's extension names; ValueError if none."""
    if args.format:
        return str(args.format)
    ext = os.path.splitext(args.output)[1].lower()
    return _BY_EXTENSION.get(ext) or export_format(args.output)


def _common_root(workspaces: Sequence[Workspace]) -> str | None:
    """The folder every article sits in, so exchange files name them relative to it."""
    if len(workspaces) < 2:
        return None
    return os.path.commonpath([os.path.dirname(os.path.abspath(ws.path)) for ws in workspaces])


def cmd_export(args: argparse.Namespace) -> int:
    try:
        kind = _export_kind(args)
    except ValueError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if kind not in EXCHANGE_FORMATS and (args.raw or args.all):
        print("reviewer: --raw and --all apply to xliff, xliff2 and tmx only.", file=sys.stderr)
        return EXIT_INPUT
    if args.all and kind != "tmx":
        print("reviewer: --all applies to tmx only.", file=sys.stderr)
        return EXIT_INPUT
    if args.rendered and kind != "html":
        print("reviewer: --rendered needs the html format (--format html).", file=sys.stderr)
        return EXIT_INPUT
    config = config_from(args)
    workspaces, failed = open_all(args, config, "reading")
    sessions = [ws.session for ws in workspaces]
    request = ExportRequest(
        args.output,
        "rendered" if args.rendered else kind,
        include_checks=args.include_checks,
        raw=args.raw,
        every_pair=args.all,
    )
    if request.include_checks and BY_KEY[request.format].checks:
        check_workspaces(workspaces, config)
    try:
        count = write_export(
            sessions,
            request,
            threshold=config.mqm_threshold,
            root=project_root(args.paths),
            exchange_root=_common_root(workspaces),
            reviewer=user_from(args, config),
        )
    except OSError as exc:
        print(f"reviewer: {write_advice(args.output, exc)}", file=sys.stderr)
        return EXIT_INPUT
    what = describe(count, request)
    print(f"wrote {what} from {len(workspaces)} files to {args.output}")
    return EXIT_INPUT if failed else EXIT_OK


def _show_text(label: str, text: str) -> None:
    lines = text.split("\n")
    print(f"    {label} {lines[0]}")
    for more in lines[1:]:
        print(f"      {more}")


def _print_plan(plan: ImportPlan, verbose: bool) -> None:
    name = os.path.basename(plan.path)
    for c in plan.changes:
        print(f"  change {c.id} ({name} line {c.line})")
        if verbose:
            _show_text("-", c.before)
            _show_text("+", c.after)
        for w in c.warnings:
            print(f"    warning [{w.code}] {w.message}")
    for r in plan.rejected:
        print(
            f"  rejected {r.id or '(no id)'} ({name} line {r.line}): {r.reason.label}: {r.message}"
        )


def cmd_import(args: argparse.Namespace) -> int:
    config = config_from(args)
    user = user_from(args, config)
    ws = open_article(args.article, user=user, config=config)
    plan = plan_import(ws.session, args.file, author=user)
    verb = "would import" if args.dry_run else "imported"
    print(f"{args.file} ({plan.kind}) into {ws.path}:")
    _print_plan(plan, args.verbose or args.dry_run)
    print(plan.summary())
    edit = plan.edit()
    if edit is not None and not args.dry_run:
        ws.session.apply(edit)
        ws.save()
        print_save_notes(ws.save_notes)
    n = len(plan.changes)
    print(f"{verb} {n} target{'' if n == 1 else 's'} into {ws.path}")
    return EXIT_FINDINGS if plan.rejected else EXIT_OK


def add_commands(add: Add) -> None:
    """Register export and import."""
    exp = add(
        "export",
        "export the issues (csv, xlsx, html, json; check results with --include-checks), or "
        "the segments as XLIFF or TMX",
    )
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="output file; without --format its extension picks the format "
        f"({', '.join(FORMATS)}, xlf, tmx)",
    )
    exp.add_argument(
        "--format",
        choices=(*FORMATS, *EXCHANGE_FORMATS),
        help="xliff: XLIFF 1.2; xliff2: XLIFF 2.1; tmx: TMX 1.4b memory of approved pairs",
    )
    exp.add_argument(
        "--raw",
        action="store_true",
        help="xliff, xliff2, tmx: markup as plain text instead of protected inline codes",
    )
    exp.add_argument(
        "--all", action="store_true", help="tmx: every pair, not only the approved ones"
    )
    exp.add_argument(
        "--include-checks",
        action="store_true",
        help="csv, xlsx, html, json: also list the automatic check results (no MQM severity)",
    )
    exp.add_argument(
        "--rendered",
        action="store_true",
        help="html only: each article rendered as readers see it, its issues beside it",
    )
    exp.set_defaults(func=cmd_export)

    imp = add(
        "import",
        "take targets from an XLIFF file or a corrected issue sheet into an article",
        "Set the targets an XLIFF file (1.2 or 2.x) or an exported issue sheet (.xlsx, .csv: "
        "its 'Corrected target' column) offers, where the unit's id and source still match the "
        "article. Every other unit is reported and left alone.",
        paths=False,
    )
    imp.add_argument("article", metavar="ARTICLE", help="the article to change (.md)")
    imp.add_argument("file", metavar="FILE", help="the .xlf/.xliff, .xlsx or .csv to import")
    imp.add_argument(
        "--dry-run", action="store_true", help="show each change before and after, write nothing"
    )
    imp.add_argument("-v", "--verbose", action="store_true", help="show each change in full")
    imp.set_defaults(func=cmd_import)
