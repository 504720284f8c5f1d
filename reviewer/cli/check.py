"""The check command: findings as text, JSON or SARIF, and the list of checks and profiles."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reviewer import __version__
from reviewer.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    Add,
    check_workspaces,
    config_from,
    merged_config,
    open_all,
)
from reviewer.core.checks import REGISTRY, Finding, Level
from reviewer.core.config import Config
from reviewer.core.workspace import Workspace

_FAIL_LEVELS = {
    "error": {Level.ERROR},
    "warning": {Level.ERROR, Level.WARNING},
    "never": set(),
}
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def _column(ws: Workspace, f: Finding) -> int:
    try:
        return ws.session.doc.pairs[ws.session.row_of(f.pair_id)].column
    except KeyError:
        return 1


def cmd_check(args: argparse.Namespace) -> int:
    config = config_from(args)
    if args.list_checks:
        return _list_checks(args, config)
    if not args.paths:
        print(
            "reviewer: check: name at least one article or folder (or use --list-checks).",
            file=sys.stderr,
        )
        return EXIT_INPUT
    _warn_unknown_codes(config)
    workspaces, failed = open_all(args, config, "checking")
    check_workspaces(workspaces, config)
    found = [(ws, f) for ws in workspaces for f in ws.session.all_findings()]
    if args.format == "json":
        print(json.dumps(_check_json(workspaces, found), ensure_ascii=False, indent=1))
    elif args.format == "sarif":
        print(json.dumps(sarif_log(found), ensure_ascii=False, indent=1))
    else:
        for ws, f in found:
            print(
                f"{f.path}:{f.line}:{_column(ws, f)}: {f.level.value} [{f.code}] "
                f"{f.pair_id}: {f.title}: {f.message}"
            )
        counts = {level: sum(1 for _, f in found if f.level is level) for level in Level}
        print(
            f"{len(workspaces)} files, {counts[Level.ERROR]} errors, "
            f"{counts[Level.WARNING]} warnings, {counts[Level.INFO]} notes"
            + (f", {failed} unreadable" if failed else "")
        )
    if failed:
        return EXIT_INPUT
    failing = _FAIL_LEVELS[args.fail_on]
    return EXIT_FINDINGS if any(f.level in failing for _, f in found) else EXIT_OK


def _warn_unknown_codes(config: Config) -> None:
    from reviewer.core.profiles import unknown_codes

    for code in unknown_codes(config):
        print(
            f"reviewer: {config.path}: no check {code!r}; the setting is ignored.", file=sys.stderr
        )


def _list_checks(args: argparse.Namespace, config: Config) -> int:
    """Every check with the setting in force for the first PATH's project (or the user's)."""
    from reviewer.core import profiles

    where = args.paths[0] if args.paths else os.path.join(os.getcwd(), "article.md")
    if args.paths and Path(where).is_dir():
        where = os.path.join(where, "article.md")
    merged = merged_config(where, config, args, {})
    values = profiles.settings(merged)
    rows = [
        {
            "code": code,
            "enabled": values[code] != "off",
            "level": check.level.value if values[code] == "off" else values[code],
            "default_level": check.level.value,
            "category": check.category,
            "title": check.title,
        }
        for code, check in REGISTRY.items()
    ]
    profile = profiles.active_profile(merged)
    if args.format == "json":
        print(
            json.dumps(
                {"profile": profile, "profiles": profiles.profile_names(merged), "checks": rows},
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    files = [p for p in (merged.path, merged.project_path) if p]
    print(f"profile {profile} (from {', '.join(files) if files else 'built-in defaults'})")
    for r in rows:
        state = r["level"] if r["enabled"] else "off"
        print(f"  {r['code']:28} {state:8} {r['category']:42} {r['title']}")
    print(f"profiles: {', '.join(profiles.profile_names(merged))}")
    return EXIT_OK


def _check_json(
    workspaces: Sequence[Workspace], found: Sequence[tuple[Workspace, Finding]]
) -> dict[str, Any]:
    return {
        "files": len(workspaces),
        "counts": {level.value: sum(1 for _, f in found if f.level is level) for level in Level},
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": _column(ws, f),
                "id": f.pair_id,
                "code": f.code,
                "level": f.level.value,
                "category": f.category,
                "title": f.title,
                "message": f.message,
            }
            for ws, f in found
        ],
    }


def _artifact_uri(path: str | None) -> str:
    if not path:
        return ""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.resolve().as_uri()


def sarif_log(found: Sequence[tuple[Workspace, Finding]]) -> dict[str, Any]:
    """A SARIF 2.1.0 log: one run, the check registry as rules, one result per finding."""
    codes = list(REGISTRY)
    index = {code: k for k, code in enumerate(codes)}
    rules = []
    for code in codes:
        check = REGISTRY[code]
        rule: dict[str, Any] = {
            "id": code,
            "name": check.title,
            "shortDescription": {"text": check.title},
            "defaultConfiguration": {"level": _SARIF_LEVEL[check.level]},
            "properties": {"mqmCategory": check.category},
        }
        if check.description:
            rule["fullDescription"] = {"text": check.description}
        rules.append(rule)
    results = []
    for ws, f in found:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.level],
            "message": {"text": f"{f.title}: {f.message}" if f.title else f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _artifact_uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": _column(ws, f)},
                    }
                }
            ],
            "properties": {"segmentId": f.pair_id, "mqmCategory": f.category},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reviewer",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def add_commands(add: Add) -> None:
    """Register check."""
    check = add("check", "run the automatic checks; dismissed findings are left out", paths="*")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--profile",
        metavar="NAME",
        help="check profile to run (default: 'profile:' of the project or user config, "
        "else 'default'); see --list-checks",
    )
    check.add_argument(
        "--list-checks",
        action="store_true",
        help="list every check with its level in the profile in force (for the first PATH's "
        "project, else the current folder's) and the profiles known; run nothing",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding of this level or worse remains (default: error)",
    )
    check.set_defaults(func=cmd_check)
