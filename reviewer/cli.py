"""The command line: verify, check, export, import and the project commands, over the window's
core (the project commands are in cli_project)."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import fnmatch
import getpass
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from reviewer import __version__
from reviewer.core.checks import REGISTRY, CheckConfig, Finding, Level, run_checks
from reviewer.core.config import Config, config_for_article, find_project_config, load_config
from reviewer.core.errors import ReviewerError
from reviewer.core.export_formats import BY_KEY, ExportRequest, describe, write_export
from reviewer.core.exporters import FORMATS, export_format
from reviewer.core.fileio import read_bytes
from reviewer.core.format import parse
from reviewer.core.importing import ImportPlan, plan_import
from reviewer.core.project.discovery import common_root
from reviewer.core.workspace import Workspace, open_article

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2

# What to do when a file cannot be written, worded for the command line (no Save As here).
_WRITE_ADVICE = {
    errno.EROFS: "The disk or share is read-only: copy the files to a folder you can write to "
    "and run the command there.",
    errno.EACCES: "You may not write to that folder: ask for write access, or copy the files "
    "to a folder of yours.",
    errno.ENOSPC: "The disk is full: free some space and run the command again.",
    errno.EDQUOT: "Your disk quota is used up: free some space and run the command again.",
    errno.ENOENT: "The folder does not exist: check the path.",
    errno.ENAMETOOLONG: "The name is too long for this disk: rename the article (its review "
    "file adds 12 characters) or move it to a shorter path.",
}
_WRITE_ADVICE[errno.EPERM] = _WRITE_ADVICE[errno.EACCES]
WINDOWS_MAX_PATH = 260


def write_advice(path: str, exc: OSError) -> str:
    """Why ``path`` could not be written and what to do, in one line."""
    reason = exc.strerror or str(exc)
    if sys.platform == "win32" and len(os.path.abspath(path)) >= WINDOWS_MAX_PATH:
        advice = (
            "Windows limits paths to 260 characters unless long paths are enabled: enable "
            "them (see the README) or move the folder to a shorter path."
        )
    else:
        advice = _WRITE_ADVICE.get(exc.errno or 0, "Nothing was written; run the command again.")
    return f"{path}: cannot write it: {reason}. {advice}"


def print_save_notes(notes: Iterable[str]) -> None:
    """What a save could not keep (an owner, a hard link): the user must hear of it."""
    for note in notes:
        print(f"reviewer: note: {note}", file=sys.stderr)


def iter_articles(paths: Iterable[str], problems: list[str] | None = None) -> list[str]:
    """Files named, plus every ``*.md`` below each folder named, in a stable order.

    A folder below that cannot be listed (no permission, a path too long for the system) is
    skipped, and a message naming it goes to ``problems``.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            is_dir = p.is_dir()
        except OSError:  # a name too long for the system: reading it reports that clearly
            is_dir = False
        if is_dir:
            found.extend(str(f) for f in _articles_below(p, problems))
        else:
            found.append(raw)
    return found


def _articles_below(folder: Path, problems: list[str] | None) -> list[Path]:
    def unlisted(exc: OSError) -> None:
        if problems is not None:
            where = exc.filename or folder
            problems.append(f"{where}: folder skipped, it cannot be listed: {exc.strerror}.")

    # os.walk, unlike Path.rglob, goes on past a folder it cannot list. Links to folders are
    # not followed (as rglob), so a link loop cannot recurse forever.
    found = [
        Path(top, name)
        for top, _dirs, names in os.walk(folder, onerror=unlisted)
        for name in names
        if fnmatch.fnmatch(name, "*.md")
    ]
    return sorted(f for f in found if f.is_file())


def cmd_verify(args: argparse.Namespace) -> int:
    problems: list[str] = []
    files = iter_articles(args.paths, problems)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    total_pairs = total_warnings = failures = 0
    unreadable = len(problems)
    for name in files:
        try:
            data = read_bytes(name)
            doc = parse(data, name)
        except ReviewerError as exc:
            print(f"FAIL {exc}", file=sys.stderr)
            unreadable += 1
            continue
        total_pairs += len(doc.pairs)
        total_warnings += len(doc.warnings)
        if args.verbose:
            for w in doc.warnings:
                print(f"{name}:{w.line}:{w.column}: warning [{w.code}] {w.message}")
        out = doc.serialize()
        if out != data:
            failures += 1
            print(f"FAIL {name}: {_first_difference(data, out)}")
    print(
        f"{len(files)} files, {total_pairs} pairs, {total_warnings} warnings, "
        f"{failures + unreadable} failures"
    )
    if unreadable:
        return EXIT_INPUT
    return EXIT_OK if failures == 0 else EXIT_FINDINGS


def _first_difference(a: bytes, b: bytes) -> str:
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    line = a.count(b"\n", 0, i) + 1
    return (
        f"would not round-trip: first difference at byte {i} (line {line}); "
        f"{len(a)} bytes in, {len(b)} bytes out"
    )


# -- shared plumbing ---------------------------------------------------------------------


class Progress:
    """A one-line ``\\r`` counter on stderr for long runs; silent when stderr is no terminal."""

    def __init__(self, verb: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.verb = verb
        self.total = total
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total > 1 and callable(isatty) and bool(isatty())
        self._width = 0

    def step(self, done: int) -> None:
        if self.enabled:
            text = f"\r{self.verb} {done}/{self.total} files"
            self._width = max(self._width, len(text))
            self.stream.write(text)
            self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def _user(args: argparse.Namespace, config: Config) -> str:
    if args.user:
        return str(args.user)
    if config.reviewer:
        return config.reviewer
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def _unique(files: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in files:
        key = os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _article_config(
    name: str, config: Config, args: argparse.Namespace, cache: dict[str | None, Config]
) -> Config:
    """The user config with the article's project file (.reviewer.yaml) merged over it, and the
    --profile of the command line over both."""
    project = find_project_config(name)
    if project not in cache:
        merged = config_for_article(name, config)
        profile = getattr(args, "profile", None)
        if profile:
            merged = dataclasses.replace(merged, profile=profile)
        merged.check_config()  # an unknown profile is reported here, naming the files
        cache[project] = merged
    return cache[project]


def _open_all(args: argparse.Namespace, config: Config, verb: str) -> tuple[list[Workspace], int]:
    """Open every article named; unreadable ones are reported on stderr and counted."""
    problems: list[str] = []
    files = _unique(iter_articles(args.paths, problems))
    for problem in problems:
        print(f"reviewer: {problem}", file=sys.stderr)
    user = _user(args, config)
    progress = Progress(verb, len(files))
    opened: list[Workspace] = []
    failed = len(problems)
    configs: dict[str | None, Config] = {}
    for k, name in enumerate(files, start=1):
        progress.step(k)
        try:
            article_config = _article_config(name, config, args, configs)
            opened.append(open_article(name, user=user, config=article_config))
        except ReviewerError as exc:
            progress.clear()
            print(f"reviewer: {exc}", file=sys.stderr)
            failed += 1
    progress.clear()
    return opened, failed


def _run_checks(workspaces: Sequence[Workspace], config: Config) -> None:
    """One run over all articles that share check settings, so the consistency checks compare
    across files; articles of projects with other settings run as their own group."""
    groups: dict[object, list[Workspace]] = {}
    for ws in workspaces:
        project = find_project_config(ws.path)
        groups.setdefault((ws.session.check_config.key(), project), []).append(ws)
    for members in groups.values():
        checks = members[0].session.check_config
        _configure_language(config_for_article(members[0].path, config), checks)
        findings = run_checks([ws.session.doc for ws in members], checks)
        for ws in members:
            ws.session.assign_findings(findings)


def _configure_language(config: Config, checks: CheckConfig) -> None:
    """Point the spelling and terminology checks at the user's (and project's) files; say once
    on stderr when spelling is off or a glossary cannot be read."""
    from reviewer.core.checks import lexicon, terms

    lexicon.configure(config.language_settings())
    wanted = {c.code for c in REGISTRY.values() if checks.enabled(c)}
    status = lexicon.spelling_status()
    if not status.available and "spelling" in wanted:
        print(f"reviewer: {status.message}", file=sys.stderr)
    for problem in terms.load_problems():
        print(f"reviewer: {problem}", file=sys.stderr)


def _column(ws: Workspace, f: Finding) -> int:
    try:
        return ws.session.doc.pairs[ws.session.row_of(f.pair_id)].column
    except KeyError:
        return 1


# -- check -------------------------------------------------------------------------------

_FAIL_LEVELS = {
    "error": {Level.ERROR},
    "warning": {Level.ERROR, Level.WARNING},
    "never": set(),
}
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def cmd_check(args: argparse.Namespace) -> int:
    config = _config(args)
    if args.list_checks:
        return _list_checks(args, config)
    if not args.paths:
        print(
            "reviewer: check: name at least one article or folder (or use --list-checks).",
            file=sys.stderr,
        )
        return EXIT_INPUT
    _warn_unknown_codes(config)
    workspaces, failed = _open_all(args, config, "checking")
    _run_checks(workspaces, config)
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
    merged = _article_config(where, config, args, {})
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


# -- export ------------------------------------------------------------------------------


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
    config = _config(args)
    workspaces, failed = _open_all(args, config, "reading")
    sessions = [ws.session for ws in workspaces]
    request = ExportRequest(
        args.output,
        "rendered" if args.rendered else kind,
        include_checks=args.include_checks,
        raw=args.raw,
        every_pair=args.all,
    )
    if request.include_checks and BY_KEY[request.format].checks:
        _run_checks(workspaces, config)
    try:
        count = write_export(
            sessions,
            request,
            threshold=config.mqm_threshold,
            root=_project_root(args.paths),
            exchange_root=_common_root(workspaces),
            reviewer=_user(args, config),
        )
    except OSError as exc:
        print(f"reviewer: {write_advice(args.output, exc)}", file=sys.stderr)
        return EXIT_INPUT
    what = describe(count, request)
    print(f"wrote {what} from {len(workspaces)} files to {args.output}")
    return EXIT_INPUT if failed else EXIT_OK


# -- import ------------------------------------------------------------------------------


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
    config = _config(args)
    user = _user(args, config)
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


def _project_root(paths: Sequence[str]) -> str:
    """The folder report paths are relative to: the folder named, or the common folder."""
    if len(paths) == 1 and os.path.isdir(paths[0]):
        return os.path.abspath(paths[0])
    return common_root(paths)


# -- shared by the project commands -------------------------------------------------------


def _split_ids(raw: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for item in raw or ():
        out.extend(part.strip() for part in item.split(",") if part.strip())
    return out


# -- parser ------------------------------------------------------------------------------

EPILOG = """\
exit codes:
  0  success: nothing at or above --fail-on was found
  1  check: findings at or above --fail-on; verify: an article would not round-trip;
     import: some units were rejected (the others were imported); search: nothing found;
     replace: a change was refused or held back; consistency: sources translated differently
  2  unreadable input (an article, its .review.yaml sidecar, the config file or a file to
     import) or a usage error; the message on stderr names the file

config: --config FILE, else $REVIEWER_CONFIG, else config.yaml in the user config folder.
See docs/CLI.md for every command with examples.
"""


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--config", metavar="FILE", default=default, help="config file to use (YAML)"
    )
    parser.add_argument(
        "--user", metavar="NAME", default=default, help="reviewer name recorded on changes"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Review machine-translated sxs-lookup Markdown articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    _global_options(parser, suppress=False)
    # The global options are accepted after the command too (reviewer check --user ann ...).
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, help_text: str, description: str = "", paths: bool | str = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=description or help_text,
            parents=[common],
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if paths:
            nargs = "+" if paths is True else paths
            p.add_argument(
                "paths", nargs=nargs, metavar="PATH", help="files or folders (every *.md)"
            )
        return p

    verify = add("verify", "check that every article round-trips byte for byte")
    verify.add_argument("-v", "--verbose", action="store_true", help="print parse warnings")
    verify.set_defaults(func=cmd_verify)

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

    # stats, approve, search, replace, consistency: the project commands.
    from reviewer.cli_project import add_commands

    add_commands(add)

    desktop = sub.add_parser(
        "install-desktop",
        help="Linux: add reviewer to the applications menu and to Open With for .md files",
        description="Install the desktop entry and icon for the current user "
        "($XDG_DATA_HOME/applications, icons/hicolor), pointing at this reviewer-gui.",
    )
    desktop.add_argument("--remove", action="store_true", help="remove them again")
    desktop.set_defaults(func=cmd_install_desktop)
    return parser


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from reviewer import desktop

    if args.remove:
        removed = desktop.remove()
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print("no desktop entry was installed")
        return EXIT_OK
    done = desktop.install()
    print(f"wrote {done.entry}\nwrote {done.icon}\nReviewer now starts {done.command}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help and --version exit 0
        return int(exc.code or 0)
    try:
        result: int = args.func(args)
    except ReviewerError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `reviewer check . | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return result


if __name__ == "__main__":
    sys.exit(main())
