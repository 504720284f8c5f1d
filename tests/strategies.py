"""Shared corpus access, hypothesis strategies and Document invariants for the core tests."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from reviewer.core.errors import FormatError, TargetRejected
from reviewer.core.format import (
    MAX_SEGMENT_CHARS,
    Document,
    FrontMatter,
    Pair,
    ParseWarning,
    RawChunk,
    check_target,
    parse,
)
from reviewer.core.format.diagnostics import _follows_corrupt_opener
from reviewer.core.format.front_matter import read_front_matter
from reviewer.core.format.scan import pairs_fast, pairs_stepwise
from reviewer.core.format.syntax import CORRUPT_LOOKUP, CORRUPT_OPENER_RE, ORPHAN_LOOKUP

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
SOURCES_MD = CORPUS / "SOURCES.md"

OPENER = '<span data-ttu-id="{id}">'
DELIM = '</span><span class="sxs-lookup"><span data-stu-id="{id}">'
CLOSER = "</span></span>"


def event(name: str) -> None:
    """Count ``name`` in Hypothesis statistics; a no-op when called from a plain test."""
    if currently_in_test_context():
        hypothesis_event(name)


def fuzz_examples(default: int) -> int:
    """``max_examples`` for a property: REVIEWER_FUZZ_EXAMPLES scales it up for `make fuzz`."""
    raw = os.environ.get("REVIEWER_FUZZ_EXAMPLES", "").strip()
    return max(default, int(raw)) if raw else default


# -- corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One row of the "Files" table in SOURCES.md."""

    name: str
    size: int
    pairs: int
    blob: str
    why: str


_ROW_RE = re.compile(r"^\| `([^`]+\.md)` \|")


@cache
def source_rows() -> tuple[SourceRow, ...]:
    rows = []
    for line in SOURCES_MD.read_text(encoding="utf-8").splitlines():
        if not _ROW_RE.match(line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        name, size, pairs, blob = cells[0].strip("`"), cells[3], cells[4], cells[5].strip("`")
        rows.append(SourceRow(name, int(size), int(pairs), blob, cells[6]))
    return tuple(rows)


@cache
def article_names() -> tuple[str, ...]:
    """Corpus articles in a stable order (SOURCES.md documents them and is not one)."""
    return tuple(sorted(row.name for row in source_rows()))


@cache
def corpus_bytes(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


@cache
def articles_with_pairs() -> tuple[str, ...]:
    return tuple(row.name for row in source_rows() if row.pairs > 0)


@cache
def markup_offsets(name: str) -> tuple[int, ...]:
    """Byte offsets where markup starts: mutations there reach the parser's hard cases."""
    data = corpus_bytes(name)
    found = {m.start() for m in re.finditer(rb'<span|</span>|"|&quot;|\n---|<br', data)}
    return tuple(sorted(found)) or (0,)


# -- edited targets ------------------------------------------------------------------------------

# Fragments a translator might type, plus near misses of the pair markup.
_PIECES = (
    "<",
    ">",
    "&",
    "\\",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    '"',
    "'",
    "|",
    "**",
    "```",
    "---\n",
    "😀",
    "👩‍💻",
    "🇳🇱",
    "שלום",
    "مرحبا",
    "\u200f",
    "\u200e",
    "\u202f",
    "\u00a0",
    "\ufeff",
    "&quot;",
    "&amp;",
    "&lt;",
    "<span>",
    "</span>",
    "</span></span>",
    '<span id="x" />',
    "<br/>",
    "[link](https://example.com)",
    "\\>",
    "\\*",
    "<value>",
    '<span class="sxs-lookup"><span data-stu-id="abcde-101">',
    '<span data-stu-id="abcde-102">',
    "<span data-ttu-id=&quot;abcde-103&quot;>",
    "</span><span class=",
    "<span data-ttu-id",
    "Ga naar **Instellingen**.",
)


def accepted(text: str) -> bool:
    """True when check_target lets ``text`` become a target.

    NUL is left out too: check_target accepts it, but the saved file then fails to parse
    (a known bug, see test_format.test_nul_in_target_is_rejected_up_front).
    """
    if "\x00" in text:
        return False
    try:
        check_target("x", text)
    except TargetRejected:
        return False
    return True


edit_texts: st.SearchStrategy[str] = st.one_of(
    st.text(min_size=1, max_size=80),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), min_size=1, max_size=12).map(
        "".join
    ),
).filter(accepted)


# -- mutated bytes -------------------------------------------------------------------------------

# Whole markup tokens, for structure-aware mutations. An impossible YAML date
# ("ms.date: 2021-13-01") is left out: it crashes parse() every time, a known bug covered by
# test_format.test_front_matter_value_errors_become_warnings.
MARKUP_TOKENS = (
    b'<span data-ttu-id="abcde-101">',
    b'<span data-ttu-id="">',
    b'<span data-ttu-id="',
    b'</span><span class="sxs-lookup"><span data-stu-id="abcde-101">',
    b'<span class="sxs-lookup"><span data-stu-id="',
    b"</span>",
    b"</span></span>",
    b"<span>",
    b'<span id="a" class="anchor">',
    b"<span />",
    b"&quot;",
    b'">',
    b"\n---\n",
    b"---\n",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    "é😀".encode(),
    b"title: [",
    b"- ",
    b"|",
    b"```",
)


@st.composite
def mutated_corpus_bytes(draw: st.DrawFn, max_mutations: int = 6, tokens: bool = False) -> bytes:
    """A corpus article after flips, insertions, deletions and splices (optionally of markup)."""
    name = draw(st.sampled_from(article_names()))
    data = bytearray(corpus_bytes(name))
    kinds = ["flip", "insert", "delete", "splice", "duplicate"]
    if tokens:
        kinds.append("token")
    for _ in range(draw(st.integers(1, max_mutations))):
        if draw(st.booleans()):
            pos = draw(st.integers(0, len(data)))
        else:
            offsets = markup_offsets(name)
            pos = min(len(data), offsets[draw(st.integers(0, len(offsets) - 1))])
        kind = draw(st.sampled_from(kinds))
        if kind == "flip" and pos < len(data):
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        elif kind == "splice":
            other = corpus_bytes(draw(st.sampled_from(article_names())))
            a = draw(st.integers(0, len(other)))
            b = min(len(other), a + draw(st.integers(0, 400)))
            cut = draw(st.integers(0, 400))
            data[pos : pos + cut] = other[a:b]
        elif kind == "duplicate":
            size = draw(st.integers(1, 300))
            data[pos:pos] = data[pos : pos + size]
        elif kind == "token":
            data[pos:pos] = draw(st.sampled_from(MARKUP_TOKENS))
    return bytes(data)


_text_bytes = st.text(max_size=8).map(str.encode)

any_bytes: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(str.encode),
    st.lists(st.sampled_from(MARKUP_TOKENS) | st.binary(max_size=6), max_size=40).map(b"".join),
    st.lists(st.sampled_from(MARKUP_TOKENS) | _text_bytes, max_size=60).map(b"".join),
)


def parse_or_format_error(data: bytes) -> Document | None:
    """Parse ``data``: a consistent, round-tripping Document, or None after a FormatError.

    Any other exception propagates and fails the calling property.
    """
    try:
        doc = parse(data, "fuzz.md")
    except FormatError as exc:
        event("FormatError")
        assert exc.path == "fuzz.md"
        assert exc.line is not None and exc.line >= 1
        assert exc.column is not None and exc.column >= 1
        assert str(exc).startswith(f"fuzz.md:{exc.line}:{exc.column}: ")
        return None
    event("Document with pairs" if doc.pairs else "Document without pairs")
    event(f"warnings: {sorted({w.code for w in doc.warnings})}")
    assert doc.serialize() == data
    assert_document_consistent(doc)
    assert_fast_path_matches_stepwise(doc.text)
    assert_warnings_match_reference(doc)
    return doc


# -- invariants ----------------------------------------------------------------------------------


def pair_markup(p: Pair) -> str:
    """The exact text FORMAT.md section 3 says a pair occupies in the loaded (saved) text."""
    return OPENER.format(id=p.id) + p.saved_target + DELIM.format(id=p.id) + p.source + CLOSER


def assert_document_consistent(doc: Document, check_warnings: bool = True) -> None:
    """Every pair sits where its offsets say, in order, and the chunks rebuild the text.

    Pass ``check_warnings=False`` after mark_saved: it does not move warning lines (a known
    bug, see test_format.test_mark_saved_moves_warning_lines).
    """
    text = doc.text
    pos = 0
    for i, p in enumerate(doc.pairs):
        assert p.index == i
        assert pos <= p.start < p.target_start <= p.target_end < p.source_start <= p.end
        assert text[p.start : p.end] == pair_markup(p)
        assert text[p.target_start : p.target_end] == p.saved_target
        assert text[p.source_start : p.end - len(CLOSER)] == p.source
        assert (p.line, p.column) == doc.line_column(p.start)
        pos = p.end
    rebuilt = "".join(c.text if isinstance(c, RawChunk) else pair_markup(c) for c in doc.chunks)
    assert rebuilt == text
    last_line = text.count("\n") + 1
    for w in doc.warnings if check_warnings else ():
        assert 1 <= w.line <= last_line and w.column >= 1, w


def pair_fields(pairs: list[Pair]) -> list[tuple[object, ...]]:
    return [
        (
            p.id, p.target, p.source, p.index, p.line, p.column, p.start, p.target_start,
            p.target_end, p.source_start, p.end, p.in_front_matter, p.saved_target,
        )
        for p in pairs
    ]  # fmt: skip


def assert_fast_path_matches_stepwise(text: str) -> None:
    """The one-regex pair scan finds exactly what FORMAT.md section 4 step by step finds."""
    fm = read_front_matter(text)
    fm_end = fm.end if fm else 0
    step_pairs, step_unpaired, step_unclosed, step_oversized = pairs_stepwise(text, fm_end)
    fast = pairs_fast(text, fm_end)
    if fast is None:  # the documented hand-over to the stepwise scan
        event("fast path handed over")
        return
    fast_pairs, fast_unpaired, fast_unclosed, fast_oversized = fast
    assert pair_fields(fast_pairs) == pair_fields(step_pairs)
    assert fast_unpaired == step_unpaired
    assert fast_unclosed == step_unclosed
    assert fast_oversized == step_oversized


def reference_warnings(
    text: str,
    pairs: list[Pair],
    fm: FrontMatter | None,
    unpaired: list[int],
    unclosed: list[tuple[int, int]],
    oversized: list[tuple[int, int, int]],
) -> list[ParseWarning]:
    """The warnings as the first, unoptimised parser computed them: collect_warnings' oracle."""
    warnings: list[ParseWarning] = []

    def locate(offset: int) -> tuple[int, int]:
        return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)

    if fm is not None and fm.error:
        line_offset = 0
        for _ in range(fm.error_line - 1):
            line_offset = text.index("\n", line_offset) + 1
        msg = fm.error + "; kept verbatim."
        warnings.append(ParseWarning("front-matter", fm.error_line, 1, msg, line_offset))
    if "&quot;" in text:
        for m in CORRUPT_OPENER_RE.finditer(text):
            msg = "segment markup corrupted by &quot; entities: kept as raw text, not editable."
            warnings.append(ParseWarning("corrupt-markup", *locate(m.start()), msg, m.start()))
    claimed = {delim + len("</span>") for _, delim in unclosed}
    claimed |= {delim + len("</span>") for _, delim, _ in oversized}
    for needle in (ORPHAN_LOOKUP, CORRUPT_LOOKUP):
        offset = text.find(needle)
        while offset != -1:
            inside = any(p.start <= offset < p.end for p in pairs)
            inside = inside or any(start <= offset < end for start, _, end in oversized)
            if not inside and offset not in claimed and not _follows_corrupt_opener(text, offset):
                msg = (
                    "an English source with no target opener before it: kept as raw "
                    "text, not editable."
                )
                warnings.append(ParseWarning("orphan-source", *locate(offset), msg, offset))
            offset = text.find(needle, offset + 1)
    for offset in unpaired:
        msg = (
            "a target opener with no matching sxs-lookup source of the same id: kept as raw "
            "text, not editable."
        )
        warnings.append(ParseWarning("missing-source", *locate(offset), msg, offset))
    for offset, _ in unclosed:
        msg = (
            "a segment whose English source has no closing </span></span>: kept as raw "
            "text, not editable."
        )
        warnings.append(ParseWarning("unclosed-pair", *locate(offset), msg, offset))
    for offset, _, end in oversized:
        msg = (
            f"a segment of {end - offset:,} characters; a target or source may hold at most "
            f"{MAX_SEGMENT_CHARS:,} (real ones stay under 2,000): kept as raw text, not "
            "editable."
        )
        warnings.append(ParseWarning("segment-too-large", *locate(offset), msg, offset))
    seen: dict[str, Pair] = {}
    for p in pairs:
        if p.id in seen:
            msg = (
                f"id {p.id} already used on line {seen[p.id].line}; both segments can be "
                "edited, and their review data is told apart by their order."
            )
            warnings.append(ParseWarning("duplicate-id", p.line, p.column, msg, p.start))
        else:
            seen[p.id] = p
    warnings.sort(key=lambda w: w.offset)
    return warnings


def assert_warnings_match_reference(doc: Document) -> None:
    fm_end = doc.front_matter.end if doc.front_matter else 0
    _, unpaired, unclosed, oversized = pairs_stepwise(doc.text, fm_end)
    expected = reference_warnings(
        doc.text, doc.pairs, doc.front_matter, unpaired, unclosed, oversized
    )
    assert doc.warnings == expected


def expected_splice(data: bytes, edits: dict[str, str]) -> bytes:
    """``data`` with each pair's target replaced, found by the byte grammar, not parser offsets."""
    out = data
    for pair_id, new_target in edits.items():
        opener = OPENER.format(id=pair_id).encode()
        delim = DELIM.format(id=pair_id).encode()
        assert out.count(opener) == 1, f"{pair_id} is not unique"
        begin = out.index(opener) + len(opener)
        end = out.index(delim, begin)
        out = out[:begin] + new_target.encode("utf-8") + out[end:]
    return out
