"""The verify command: every article must round-trip byte for byte."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Add, iter_articles
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import read_bytes
from reviewer.core.format import parse


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


def add_commands(add: Add) -> None:
    """Register verify."""
    verify = add("verify", "check that every article round-trips byte for byte")
    verify.add_argument("-v", "--verbose", action="store_true", help="print parse warnings")
    verify.set_defaults(func=cmd_verify)
