"""The command line: verify, check, export, approve and stats over the same core as the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import read_bytes
from reviewer.core.format import parse

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def iter_articles(paths: Iterable[str]) -> list[str]:
    """Files named, plus every ``*.md`` below each folder named, in a stable order."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(
                str(f) for f in sorted(p.rglob("*.md")) if f.is_file()
            )
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Review machine-translated sxs-lookup Markdown articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser(
        "verify", help="check that every article round-trips byte for byte"
    )
    verify.add_argument("paths", nargs="+", help="files or folders (every *.md below)")
    verify.add_argument("-v", "--verbose", action="store_true", help="print parse warnings")
    verify.set_defaults(func=cmd_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except ReviewerError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
