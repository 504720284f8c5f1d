"""The command line: verify, check, export, approve and stats over the same core as the window."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from reviewer import __version__
from reviewer.core.checks import REGISTRY, Finding, Level, run_checks
from reviewer.core.config import Config, load_config
from reviewer.core.errors import ReviewerError
from reviewer.core.exporters import FORMATS, collect_rows, export, export_format, render
from reviewer.core.fileio import atomic_write, read_bytes
from reviewer.core.format import parse
from reviewer.core.mqm import IssueStatus, Severity
from reviewer.core.render.report import export_rendered
from reviewer.core.scoring import (
    document_words,
    edit_distance,
    mqm_score,
    total_distance,
    total_score,
)
from reviewer.core.segments import State
from reviewer.core.workspace import Workspace, open_article

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def iter_articles(paths: Iterable[str]) -> list[str]:
    """Files named, plus every ``*.md`` below each folder named, in a stable order."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob("*.md")) if f.is_file())
        else:
            found.append(raw)
    return found


def cmd_verify(args: argparse.Namespace) -> int:
    files = iter_articles(args.paths)
    total_pairs = total_warnings = failures = unreadable = 0
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


def _open_all(args: argparse.Namespace, config: Config, verb: str) -> tuple[list[Workspace], int]:
    """Open every article named; unreadable ones are reported on stderr and counted."""
    files = _unique(iter_articles(args.paths))
    user = _user(args, config)
    progress = Progress(verb, len(files))
    opened: list[Workspace] = []
    failed = 0
    for k, name in enumerate(files, start=1):
        progress.step(k)
        try:
            opened.append(open_article(name, user=user, config=config))
        except ReviewerError as exc:
            progress.clear()
            print(f"reviewer: {exc}", file=sys.stderr)
            failed += 1
    progress.clear()
    return opened, failed


def _run_checks(workspaces: Sequence[Workspace], config: Config) -> None:
    """One run over all articles, so the consistency checks compare across files."""
    docs = [ws.session.doc for ws in workspaces]
    findings = run_checks(docs, config.check_config())
    for ws in workspaces:
        ws.session.assign_findings(findings)


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


def cmd_export(args: argparse.Namespace) -> int:
    try:
        fmt = args.format or export_format(args.output)
    except ValueError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.rendered and fmt != "html":
        print("reviewer: --rendered needs the html format (--format html).", file=sys.stderr)
        return EXIT_INPUT
    config = _config(args)
    workspaces, failed = _open_all(args, config, "reading")
    _run_checks(workspaces, config)
    sessions = [ws.session for ws in workspaces]
    try:
        if args.rendered:
            rows = export_rendered(sessions, args.output, config.mqm_threshold)
        elif args.format:
            found = collect_rows(sessions)
            atomic_write(args.output, render(sessions, fmt, config.mqm_threshold, found))
            rows = len(found)
        else:
            rows = export(sessions, args.output, config.mqm_threshold)
    except OSError as exc:
        print(f"reviewer: could not write {args.output}: {exc.strerror}.", file=sys.stderr)
        return EXIT_INPUT
    print(f"wrote {rows} rows from {len(workspaces)} files to {args.output}")
    return EXIT_INPUT if failed else EXIT_OK


# -- approve -----------------------------------------------------------------------------


def _split_ids(raw: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for item in raw or ():
        out.extend(part.strip() for part in item.split(",") if part.strip())
    return out


def cmd_approve(args: argparse.Namespace) -> int:
    ids = _split_ids(args.ids)
    if not ids and not args.clean:
        print("reviewer: approve needs --ids, --clean or both.", file=sys.stderr)
        return EXIT_INPUT
    config = _config(args)
    workspaces, failed = _open_all(args, config, "approving")
    if args.clean:
        _run_checks(workspaces, config)
    wanted = set(ids)
    seen: set[str] = set()
    total = 0
    verb = "would approve" if args.dry_run else "approved"
    for ws in workspaces:
        session = ws.session
        rows: Iterable[int] = range(len(session))
        if wanted:
            rows = [r for r, p in enumerate(session.doc.pairs) if p.id in wanted]
            seen.update(session.doc.pairs[r].id for r in rows)
        rows = session.clean_rows(rows) if args.clean else list(rows)
        edit = session.approval(rows)
        count = len(edit.rows) if edit is not None else 0
        total += count
        if edit is not None and not args.dry_run:
            session.apply(edit)
            ws.save()  # the article is untouched: only its sidecar is written
        print(f"{ws.path}: {verb} {count} segments")
    missing = [i for i in ids if i not in seen]
    if missing:
        print(f"reviewer: id not found in any file: {', '.join(missing)}", file=sys.stderr)
    print(f"{verb} {total} segments in {len(workspaces)} files")
    return EXIT_INPUT if failed or missing else EXIT_OK


# -- stats -------------------------------------------------------------------------------


def _file_stats(ws: Workspace, threshold: float) -> dict[str, Any]:
    session = ws.session
    states = session.state_counts()
    statuses = dict.fromkeys((s.value for s in IssueStatus), 0)
    for review in session.reviews:
        for issue in review.issues:
            statuses[issue.status.value] += 1
    score = mqm_score(session, threshold)
    ped = edit_distance(session)
    return {
        "path": ws.path,
        "pairs": len(session),
        "words": document_words(session),
        "states": {s.value: states[s] for s in State},
        "issues": {"by_severity": dict(score.counts), "by_status": statuses},
        "mqm": score.as_dict() | {"verdict": score.verdict},
        "post_edit_distance": ped.as_dict(),
        "_score": score,
        "_ped": ped,
    }


def cmd_stats(args: argparse.Namespace) -> int:
    config = _config(args)
    workspaces, failed = _open_all(args, config, "reading")
    per_file = [_file_stats(ws, config.mqm_threshold) for ws in workspaces]
    score = total_score([f.pop("_score") for f in per_file], config.mqm_threshold)
    ped = total_distance([f.pop("_ped") for f in per_file])
    total = {
        "files": len(per_file),
        "pairs": sum(f["pairs"] for f in per_file),
        "words": sum(f["words"] for f in per_file),
        "states": {s.value: sum(f["states"][s.value] for f in per_file) for s in State},
        "issues": {
            "by_severity": dict(score.counts),
            "by_status": {
                s.value: sum(f["issues"]["by_status"][s.value] for f in per_file)
                for s in IssueStatus
            },
        },
        "mqm": score.as_dict() | {"verdict": score.verdict},
        "post_edit_distance": ped.as_dict(),
    }
    if args.format == "json":
        print(json.dumps({"files": per_file, "total": total}, ensure_ascii=False, indent=1))
    else:
        for f in per_file:
            _print_stats(f["path"], f)
        if len(per_file) != 1:
            _print_stats(f"TOTAL ({len(per_file)} files)", total)
    return EXIT_INPUT if failed else EXIT_OK


def _print_stats(title: str, f: dict[str, Any]) -> None:
    states = " · ".join(f"{s.label.lower()} {f['states'][s.value]}" for s in State)
    sev = f["issues"]["by_severity"]
    by_sev = " · ".join(f"{s.value} {sev.get(s.value, 0)}" for s in reversed(Severity))
    st = f["issues"]["by_status"]
    mqm = f["mqm"]
    ped = f["post_edit_distance"]
    print(title)
    print(f"  pairs {f['pairs']}, source words {f['words']}")
    print(f"  states: {states}")
    print(
        f"  issues scored: {by_sev} (open {st['open']}, resolved {st['resolved']}, "
        f"won't fix {st['wontfix']})"
    )
    print(
        f"  MQM score {mqm['score']:.2f}, {mqm['normed_penalty']:.1f} penalty points per "
        f"1,000 words: {mqm['verdict']} (threshold {mqm['threshold']:g})"
    )
    print(
        f"  post-edit distance {ped['normalized'] * 100:.2f}% "
        f"({ped['edited']} of {ped['segments']} segments edited)"
    )


# -- parser ------------------------------------------------------------------------------

EPILOG = """\
exit codes:
  0  success: nothing at or above --fail-on was found
  1  check: findings at or above --fail-on; verify: an article would not round-trip
  2  unreadable input (an article, its .review.yaml sidecar or the config file) or a
     usage error; the message on stderr names the file

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

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (every *.md)")
        return p

    verify = add("verify", "check that every article round-trips byte for byte")
    verify.add_argument("-v", "--verbose", action="store_true", help="print parse warnings")
    verify.set_defaults(func=cmd_verify)

    check = add("check", "run the automatic checks; dismissed findings are left out")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding of this level or worse remains (default: error)",
    )
    check.set_defaults(func=cmd_check)

    exp = add("export", "export manual issues and check findings with MQM scores")
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=f"output file; its extension picks the format ({', '.join(FORMATS)})",
    )
    exp.add_argument("--format", choices=FORMATS, help="the format, whatever the extension")
    exp.add_argument(
        "--rendered",
        action="store_true",
        help="html only: each article rendered as readers see it, its issues beside it",
    )
    exp.set_defaults(func=cmd_export)

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
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    approve.set_defaults(func=cmd_approve)

    stats = add("stats", "counts per state, issues, MQM score and post-edit distance")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(func=cmd_stats)
    return parser


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
