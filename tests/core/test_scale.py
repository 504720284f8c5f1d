"""Inputs built to be slow: every path stays linear, or the input is refused with a warning.

Each case once took minutes (100,000 openers without a source: 200 s; a 48 MB single line: two
minutes to check or save; 100,000 nested spans: 33 s and 4 GB in the window; two check
patterns: seconds on one 40,000-character target). At these sizes a quadratic path would make
the suite hang for minutes; bench/bench_hostile.py measures the growth and prints the ratios.
"""

from __future__ import annotations

import re

import pytest

from reviewer.cli import main as cli_main
from reviewer.core.checks import analysis, check_pair, run_checks, text
from reviewer.core.format import MAX_SEGMENT_CHARS, Pair, parse
from reviewer.core.session import ReviewSession
from tests.corpus import CORPUS
from tests.strategies import assert_fast_path_matches_stepwise

HEAD = "---\ntitle: x\n---\n"


def pair(n: int, target: str = "", source: str = "") -> str:
    return (
        f'<span data-ttu-id="abcde-{n}">{target or f"Doel {n}"}</span><span class="sxs-lookup">'
        f'<span data-stu-id="abcde-{n}">{source or f"Source {n}"}</span></span>'
    )


def test_100k_target_openers_without_a_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    body = "\n".join(f'<span data-ttu-id="abcde-{n}">doel {n}' for n in range(100_000))
    data = (HEAD + body + "\n" + pair(200_000) + "\n").encode()
    doc = parse(data, "openers.md")
    assert doc.serialize() == data
    assert [p.id for p in doc.pairs] == ["abcde-200000"]
    missing = [w for w in doc.warnings if w.code == "missing-source"]
    assert len(missing) == 100_000
    assert (missing[0].line, missing[-1].line) == (4, 100_003)  # located, line by line
    session = ReviewSession(doc)
    session.run_checks()  # checks walk the one pair
    path = tmp_path / "openers.md"
    path.write_bytes(data)
    assert cli_main(["verify", str(path)]) == 0
    assert cli_main(["check", str(path), "--fail-on", "error"]) in (0, 1)


def test_a_single_line_of_8_mb() -> None:
    body = " ".join(pair(n) for n in range(101, 61_000))
    data = (HEAD + body + "\n").encode()
    assert len(data) > 8_000_000 and data.count(b"\n") == 4
    doc = parse(data, "line.md")
    assert len(doc.pairs) == 60_899
    last = doc.pairs[-1]  # built last, with every pair before it on the same line
    assert (last.line, last.column) == (4, last.start - doc.text.rfind("\n", 0, last.start))
    assert [p.column for p in doc.pairs[:3]] == [1, len(pair(101)) + 2, 2 * len(pair(101)) + 3]
    assert run_checks([doc]) == []  # clean pairs: no finding, in linear time
    doc.set_target(doc.pairs[30_000], "Nieuw doel")
    saved = doc.serialize()
    doc.mark_saved(saved)  # what a save does after writing: every pair shifts on that line
    assert doc.pairs[-1].column == last.column - len("Doel 30101") + len("Nieuw doel")


@pytest.mark.parametrize("where", ["target", "source", "both"])
def test_100k_nested_spans_make_no_segment(where: str) -> None:
    nested = "<span>" * 100_000 + "x" + "</span>" * 100_000
    t = nested if where in ("target", "both") else "Doel"
    s = nested if where in ("source", "both") else "Source"
    data = (HEAD + pair(101) + "\n" + pair(102, t, s) + "\n" + pair(103) + "\n").encode()
    doc = parse(data, "nested.md")
    assert doc.serialize() == data
    assert [p.id for p in doc.pairs] == ["abcde-101", "abcde-103"]  # the neighbours stay
    (warning,) = doc.warnings
    assert warning.code == "segment-too-large" and warning.line == 5
    assert f"{MAX_SEGMENT_CHARS:,}" in warning.message and "not editable" in warning.message
    assert_fast_path_matches_stepwise(doc.text)


def test_nested_pairs_inside_a_huge_one() -> None:
    head = "".join(f'<span data-ttu-id="abcde-{n}">t ' for n in range(101, 50_101))
    tail = "".join(
        f'</span><span class="sxs-lookup"><span data-stu-id="abcde-{n}">s</span></span>'
        for n in range(50_100, 100, -1)
    )
    data = (HEAD + head + tail + "\n").encode()
    doc = parse(data, "nested-pairs.md")
    assert doc.serialize() == data and len(doc.pairs) == 0
    assert [w.code for w in doc.warnings] == ["segment-too-large"]  # one, for all of it


def test_a_segment_at_the_limit_is_still_a_segment() -> None:
    at_limit = "a" * MAX_SEGMENT_CHARS
    data = (HEAD + pair(101, at_limit) + " " + pair(102, at_limit + "a") + "\n").encode()
    doc = parse(data, "limit.md")
    assert [p.id for p in doc.pairs] == ["abcde-101"]
    assert [w.code for w in doc.warnings] == ["segment-too-large"]
    assert_fast_path_matches_stepwise(doc.text)


@pytest.mark.parametrize(
    "target",
    ["<a" + " " * 40_000, " " * 40_000 + ".x", "<a" + " " * 40_000 + "x>", "<b " * 13_000],
    ids=["a-then-spaces", "spaces-then-dot-x", "a-spaces-x", "many-tags"],
)
def test_the_two_slow_check_patterns_on_a_40k_target(target: str) -> None:
    p = Pair("abcde-101", target, "Source text.", 0, 1, 1, 0, 0, 0, 0, 0)
    check_pair(p, "x.md")  # seconds before; a quadratic pattern would take minutes here


# The two patterns as they were: the rewrites must find exactly the same things.
_OLD_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s[^<>]*?)?)\s*(/?)>")
_OLD_SPACE_PUNCT_RE = re.compile(r"[ \u00a0]+([.,:;!?])(?=\s|$|[*_)\]\"'’”]|[" + text.MASKS + r"])")
EDGE_CASES = [
    '<img src="a"/>',
    "<img src=x / >",
    "<br />",
    "<br/>",
    "<a/ >",
    '<a  href="x"  >link</a>',
    "<b >x</b >",
    '<a\n href="y">',
    "x . y ,z  ! ?",
    "\u00a0. \u00a0\u00a0, a :",
]


def _tags(regex: re.Pattern[str], s: str, old: bool) -> list[object]:
    out: list[object] = []
    for m in regex.finditer(s):
        if old:
            attrs, slash = m.group(3), m.group(4)
        else:
            slash = "/" if m.group(3).endswith("/") else ""
            attrs = m.group(3).removesuffix("/")
        href = analysis._HREF_RE.search(attrs)
        out.append((m.span(), m.group(1), m.group(2), href.groups() if href else None, slash))
    return out


def test_the_rewritten_patterns_find_what_the_old_ones_found() -> None:
    strings = list(EDGE_CASES)
    for path in sorted(CORPUS.glob("*.md")):
        doc = parse(path.read_bytes(), str(path))
        strings += [s for p in doc.pairs for s in (p.target, p.source)]
    assert len(strings) > 4000
    for s in strings:
        assert _tags(analysis._TAG_RE, s, False) == _tags(_OLD_TAG_RE, s, True), s
        for t in (s, analysis.analyse(s).masked):
            assert text._SPACE_PUNCT_RE.findall(t) == _OLD_SPACE_PUNCT_RE.findall(t), t
