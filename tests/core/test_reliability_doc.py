"""docs/RELIABILITY.md lists only guarantees a named test proves: every test it names exists."""

from __future__ import annotations

import ast
import re
from functools import cache

from tests.corpus import ROOT

DOC = ROOT / "docs" / "RELIABILITY.md"
# `tests/x.py::test_y[case]`, and `::test_z` for another test of the last file named in the same
# table row or paragraph.
_REF_RE = re.compile(r"`(tests/[\w/]+\.py)?::(test_\w+)(?:\[[^\]`]*\])?`")


@cache
def functions_of(path: str) -> frozenset[str]:
    tree = ast.parse((ROOT / path).read_text("utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    )


def references(text: str) -> list[tuple[int, str, str]]:
    """(line, file, test) for every test the document names."""
    out = []
    current = None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("|"):
            current = None  # a table row or a new paragraph names its own files
        for m in _REF_RE.finditer(line):
            current = m.group(1) or current
            assert current is not None, f"line {n}: {m.group()} names no file before it"
            out.append((n, current, m.group(2)))
    return out


def test_the_scan_reads_both_forms() -> None:
    line = "| x | `tests/core/a.py::test_one[p]`, `::test_two`; `tests/gui/b.py::test_three` |"
    assert references(line) == [
        (1, "tests/core/a.py", "test_one"),
        (1, "tests/core/a.py", "test_two"),
        (1, "tests/gui/b.py", "test_three"),
    ]


def test_every_test_named_in_the_reliability_document_exists() -> None:
    refs = references(DOC.read_text("utf-8"))
    assert len(refs) > 150
    missing = [
        f"line {n}: {path}::{name}"
        for n, path, name in refs
        if not (ROOT / path).is_file() or name not in functions_of(path)
    ]
    assert missing == []


def test_the_document_has_a_limits_section() -> None:
    text = DOC.read_text("utf-8")
    assert "\n## Limits\n" in text
    limits = text.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    for what in ("50 MB", "64 MB", "1 MB", "20,000 characters", "aliases", "nesting"):
        assert what in limits, what
