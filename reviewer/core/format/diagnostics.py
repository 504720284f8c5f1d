"""Parse warnings: what the scan kept as raw text, located by line and column for the user."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.format.front_matter import FrontMatter
from reviewer.core.format.pairs import Pair, PairList
from reviewer.core.format.syntax import (
    CORRUPT_LOOKUP,
    CORRUPT_OPENER_RE,
    MAX_SEGMENT_CHARS,
    ORPHAN_LOOKUP,
)


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something odd but survivable in the input, located for the user."""

    code: str
    line: int
    column: int
    message: str
    offset: int = -1  # in the text, so the position can follow edits above it

    def moved(self, line: int, column: int, offset: int) -> ParseWarning:
        return ParseWarning(self.code, line, column, self.message, offset)


def _nth_line_offset(text: str, line: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


class _Locator:
    """Line and column of offsets in a text: counted directly while few are asked, from a
    table of line starts once many are (100,000 warnings would otherwise count 100,000 times)."""

    _DIRECT = 32

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked = 0
        self.starts: list[int] | None = None

    def __call__(self, offset: int) -> tuple[int, int]:
        self.asked += 1
        if self.starts is None and self.asked <= self._DIRECT:
            text = self.text
            return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        if self.starts is None:
            self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def collect_warnings(
    text: str,
    pairs: Sequence[Pair],
    fm: FrontMatter | None,
    unpaired: list[int],
    unclosed: list[tuple[int, int]],
    oversized: list[tuple[int, int, int]],
) -> list[ParseWarning]:
    warnings: list[ParseWarning] = []
    locate = _Locator(text)

    if fm is not None and fm.error:
        at = _nth_line_offset(text, fm.error_line)
        warnings.append(
            ParseWarning("front-matter", fm.error_line, 1, fm.error + "; kept verbatim.", at)
        )
    has_quot = _contains_quot(text)
    if has_quot:
        for m in CORRUPT_OPENER_RE.finditer(text):
            line, col = locate(m.start())
            warnings.append(
                ParseWarning(
                    "corrupt-markup",
                    line,
                    col,
                    "segment markup corrupted by &quot; entities: kept as raw text, not editable.",
                    m.start(),
                )
            )
    # Every pair holds exactly one ORPHAN_LOOKUP, in its delimiter (pairs do not overlap and
    # the needle cannot overlap itself), so a count equal to the pair count means no orphan.
    # Unclosed and oversized pairs claim theirs too; two unclosed openers can share one.
    delims = {delim for _, delim in unclosed}
    delims.update(delim for _, delim, _ in oversized)
    expected = len(pairs) + len(delims)
    needles = [
        needle
        for needle, suspect in (
            (ORPHAN_LOOKUP, text.count(ORPHAN_LOOKUP) != expected),
            (CORRUPT_LOOKUP, has_quot and CORRUPT_LOOKUP in text),
        )
        if suspect
    ]
    if needles:
        # A sxs-lookup half outside every pair has lost its target opener.
        spans = pairs.spans() if isinstance(pairs, PairList) else [(p.start, p.end) for p in pairs]
        if oversized:  # what lies inside an oversized pair is reported with it
            spans = sorted(spans + [(start, end) for start, _, end in oversized])
        # The sxs-lookup half of an unclosed or oversized pair has its opener; that pair is
        # reported on its own.
        claimed = {delim + len("</span>") for _, delim in unclosed}
        claimed.update(delim + len("</span>") for _, delim, _ in oversized)
        for needle in needles:
            follows_corrupt = _CorruptOpenerScan(text)
            offset = text.find(needle)
            while offset != -1:
                i = bisect_right(spans, (offset, len(text) + 1)) - 1
                inside = i >= 0 and spans[i][0] <= offset < spans[i][1]
                if not inside and offset not in claimed and not follows_corrupt(offset):
                    line, col = locate(offset)
                    warnings.append(
                        ParseWarning(
                            "orphan-source",
                            line,
                            col,
                            "an English source with no target opener before it: kept as raw "
                            "text, not editable.",
                            offset,
                        )
                    )
                offset = text.find(needle, offset + 1)
    for offset in unpaired:
        line, col = locate(offset)
        warnings.append(
            ParseWarning(
                "missing-source",
                line,
                col,
                "a target opener with no matching sxs-lookup source of the same id: kept as raw "
                "text, not editable.",
                offset,
            )
        )
    for offset, _ in unclosed:
        line, col = locate(offset)
        warnings.append(
            ParseWarning(
                "unclosed-pair",
                line,
                col,
                "a segment whose English source has no closing </span></span>: kept as raw "
                "text, not editable.",
                offset,
            )
        )
    for offset, _, end in oversized:
        line, col = locate(offset)
        warnings.append(
            ParseWarning(
                "segment-too-large",
                line,
                col,
                f"a segment of {end - offset:,} characters; a target or source may hold at most "
                f"{MAX_SEGMENT_CHARS:,} (real ones stay under 2,000): kept as raw text, not "
                "editable.",
                offset,
            )
        )
    seen: dict[str, Pair] = {}
    ids = pairs.ids() if isinstance(pairs, PairList) else [p.id for p in pairs]
    for p in pairs if len(set(ids)) != len(ids) else ():
        if p.id in seen:
            warnings.append(
                ParseWarning(
                    "duplicate-id",
                    p.line,
                    p.column,
                    f"id {p.id} already used on line {seen[p.id].line}; both segments can be "
                    "edited, and their review data is told apart by their order.",
                    p.start,
                )
            )
        else:
            seen[p.id] = p
    warnings.sort(key=lambda w: w.offset)
    return warnings


def _contains_quot(text: str) -> bool:
    """``"&quot;" in text``, several times faster on long articles.

    A search for the six-character needle steps a character at a time through common letters;
    the search for "&" alone is a memchr scan, and "&" is rare in articles.
    """
    find = text.find
    amp = find("&")
    while amp != -1:
        if text.startswith("&quot;", amp):
            return True
        amp = find("&", amp + 1)
    return False


class _CorruptOpenerScan:
    """For increasing offsets: does the sxs-lookup half there belong to a fragment already
    reported as corrupted? Looks back only as far as the previous offset asked, so many orphan
    halves in a text without openers cost one pass, not one pass each."""

    _HEAD = "<span data-ttu-id="

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked = 0  # offsets below this were searched already
        self.opener = -1  # the last opener found before ``asked``

    def __call__(self, offset: int) -> bool:
        text = self.text
        if offset >= self.asked:
            # An opener starting before ``asked`` may end after it: look back over its length.
            lo = max(0, self.asked - len(self._HEAD))
            found = text.rfind(self._HEAD, lo, offset)
            if found != -1:
                self.opener = found
            self.asked = offset
            opener = self.opener
        else:
            opener = text.rfind(self._HEAD, 0, offset)
        return opener != -1 and "&quot;>" in text[opener : opener + 80]


def _follows_corrupt_opener(text: str, offset: int) -> bool:
    """True when the sxs-lookup half belongs to a fragment already reported as corrupted."""
    return _CorruptOpenerScan(text)(offset)
