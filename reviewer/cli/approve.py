"""The approve command: batch approval in the review data, the articles unchanged."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reviewer.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    Add,
    config_from,
    configure_language,
    print_save_notes,
    split_ids,
    user_from,
)
from reviewer.cli.project import (
    ProgressCounter,
    add_no_cache,
    failure_message,
    project_from,
    shown_names,
)
from reviewer.core.project import ApprovalCriteria, apply_approval, plan_approval
from reviewer.core.segments import State


def _states(raw: Sequence[str] | None) -> frozenset[State]:
    out: set[State] = set()
    for value in split_ids(raw):
        try:
            out.add(State(value))
        except ValueError:
            known = ", ".join(s.value for s in State)
            raise argparse.ArgumentTypeError(f"unknown state {value!r} (known: {known})") from None
    return frozenset(out)


def cmd_approve(args: argparse.Namespace) -> int:
    ids = frozenset(split_ids(args.ids))
    try:
        states = _states(args.state)
    except argparse.ArgumentTypeError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    codes = frozenset(split_ids(args.check))
    if not (ids or args.clean or states or codes):
        print("reviewer: approve needs --ids, --clean, --state or --check.", file=sys.stderr)
        return EXIT_INPUT
    criteria = ApprovalCriteria(args.clean, args.hold_warnings, states, codes, ids)
    project, problems = project_from(args, "reading")
    if criteria.needs_checks:
        configure_language(project.config, project.config.check_config())
    readable = [r.rel for r in project.records if not r.error and not r.sidecar_error]
    plan = plan_approval(project, readable, criteria, ProgressCounter("checking"))
    verb = "would approve" if args.dry_run else "approved"
    config = config_from(args)
    result = apply_approval(
        project, plan, user=user_from(args, config), dry_run=args.dry_run, keep_for_undo=False
    )
    done = {r.rel: r for r in result.results}
    names = shown_names(args.paths, project)
    for article in plan.articles:
        name = names.get(article.rel, article.rel)
        item = done.get(article.rel)
        if item is not None and item.error:
            print(f"reviewer: {failure_message(item, name, 'approvals')}", file=sys.stderr)
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


def add_commands(add: Add) -> None:
    """Register approve."""
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
    add_no_cache(approve)
    approve.set_defaults(func=cmd_approve)
