"""Segment markers in the Markdown, top-level blocks, and long tables cut into display blocks."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from reviewer.core.render.markdown import MD

# Segment markers, placed in the Markdown around each segment's text and turned into <span>s
# after rendering. Their outer characters are symbols (So), which CommonMark treats like
# punctuation, so ** and _ beside a segment edge open and close as they do beside a space or
# a bracket. The two middle characters (plane-15 private use) number the segment.
OPEN = "\u2402"
MID = "\u2403"
CLOSE = "\u2404"
_PLANE = 0xF0000
_RESERVED_RE = re.compile("[\u2402-\u2404\U000f0000-\U0010ffff]")
_FINISH_RE = re.compile(
    "<[^<>]*>|\u2402([\U000f0000-\U000fffff])([\U000f0000-\U000fffff])\u2403|\u2404"
)
_MARKERS_RE = re.compile("\u2402[\U000f0000-\U000fffff]{2}\u2403|\u2404")
# Block syntax a segment may begin with at the start of a line: it must stay at the line start.
_LINE_PREFIX_RE = re.compile(
    r"(?:[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+|\|))*"
)
# Body rows (and segments) per display block of a long table: a row edit re-renders this
# much at most.
TABLE_CHUNK = 40
TABLE_CHUNK_SEGMENTS = 60

Block = tuple[str, int, int, int]  # (token type, first token, first line, end line)
Parts = list[str | int]  # raw Markdown and segment indexes


def marker(k: int) -> str:
    return OPEN + chr(_PLANE + (k >> 16)) + chr(_PLANE + (k & 0xFFFF)) + MID


def clean(text: str) -> str:
    """Content never holds our marker characters; one that does shows as U+FFFD."""
    return _RESERVED_RE.sub("\ufffd", text) if _RESERVED_RE.search(text) else text


def marked(k: int, text: str, line_start: bool) -> str:
    """A segment's text with its markers inside the edge spaces and any leading block syntax."""
    text = clean(text)
    end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if start >= end:
        return text
    if line_start or "\n" in text[:start]:
        m = _LINE_PREFIX_RE.match(text, start)
        if m is not None and m.end() < end:
            start = m.end()
    return text[:start] + marker(k) + text[start:end] + CLOSE + text[end:]


def compose(parts: Parts, texts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The Markdown of ``parts`` and each part's (start, end) offsets in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    blank_line = True  # the current line holds nothing but spaces so far
    for part in parts:
        chunk = part if isinstance(part, str) else marked(part, texts[part], blank_line)
        out.append(chunk)
        spans.append((pos, pos + len(chunk)))
        pos += len(chunk)
        if "\n" in chunk:
            blank_line = not chunk.rsplit("\n", 1)[1].strip(" \t")
        elif chunk.strip(" \t"):
            blank_line = False
    return "".join(out), spans


def line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def line_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def pair_lines(parts: Parts, text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The line of each segment of ``parts`` (where its first visible character is)."""
    starts = line_starts(text)
    out: list[int] = []
    for part, (start, end) in zip(parts, spans, strict=True):
        if isinstance(part, int):
            chunk = text[start:end]
            out.append(line_at(starts, start + len(chunk) - len(chunk.lstrip())))
    return out


def top_blocks(tokens: list[Token]) -> list[Block]:
    return [
        (tok.type, i, tok.map[0], tok.map[1])
        for i, tok in enumerate(tokens)
        if tok.level == 0 and tok.nesting >= 0 and tok.map is not None
    ]


def end_of(tokens: list[Token], first: int) -> int:
    """The token index just past the block that opens at ``first``."""
    if tokens[first].nesting == 0:
        return first + 1
    depth = 0
    for j in range(first, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j + 1
    return len(tokens)


@dataclass(slots=True)
class Table:
    """Where a long table's rows lie in its unit, so one row edit re-renders one chunk."""

    start: int  # line of the header row, relative to the unit
    head_lines: int  # header and delimiter rows
    columns: int
    row_lines: list[int]  # relative line of each body row
    bounds: list[int]  # body-row index where each chunk starts, then the row count
    widths: list[int]  # column widths in percent, the same in every chunk


@dataclass(slots=True)
class Chunk:
    """One display block: its rendered HTML (markers still in) and the segments it shows."""

    raw: str
    pairs: list[int]
    serial: int


@dataclass(slots=True)
class Unit:
    """Consecutive top-level blocks that no segment crosses: the unit of re-parsing."""

    parts: Parts
    pairs: list[int] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    table: Table | None = None
    composed: Composed | None = None  # its Markdown, kept while edits can splice into it


@dataclass(slots=True)
class Composed:
    """A unit's Markdown with the offsets of its parts and lines, spliced on small edits."""

    text: str
    spans: list[tuple[int, int]]
    starts: list[int]  # offset of each line

    @classmethod
    def of(cls, parts: Parts, texts: list[str]) -> Composed:
        text, spans = compose(parts, texts)
        return cls(text, spans, line_starts(text))

    def line_of(self, i: int) -> int:
        """The line of part ``i`` (where its first visible character is)."""
        start, end = self.spans[i]
        chunk = self.text[start:end]
        return line_at(self.starts, start + len(chunk) - len(chunk.lstrip()))

    def lines(self, first: int, end: int) -> str:
        """Lines ``first`` … ``end - 1`` with their line breaks."""
        stop = self.starts[end] if end < len(self.starts) else len(self.text)
        return self.text[self.starts[first] : stop]

    def at_line_start(self, i: int) -> bool:
        """Whether part ``i`` begins on a line that holds only spaces before it."""
        start = self.spans[i][0]
        return not self.text[self.starts[line_at(self.starts, start)] : start].strip(" \t")

    def splice(self, i: int, chunk: str) -> None:
        """Put ``chunk`` in place of part ``i``; both hold the same number of line breaks."""
        start, end = self.spans[i]
        delta = len(chunk) - (end - start)
        self.text = self.text[:start] + chunk + self.text[end:]
        self.spans[i] = (start, start + len(chunk))
        if delta:
            self.spans[i + 1 :] = [(a + delta, b + delta) for a, b in self.spans[i + 1 :]]
            first = bisect_right(self.starts, start)
            self.starts[first:] = [x + delta for x in self.starts[first:]]


class Renderer:
    """Turns the tokens of one unit into display chunks; numbers chunks for stable anchors."""

    def __init__(self) -> None:
        self.serial = 0

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    def render_unit(
        self,
        unit: Unit,
        tokens: list[Token],
        blocks: list[Block],
        env: dict[str, Any],
        first_line: int,
        pair_lines: list[int],
        serials: list[int] | None = None,
    ) -> None:
        """Fill ``unit.chunks`` (and ``unit.table``) from ``blocks`` of ``tokens``.

        ``pair_lines`` gives each of ``unit.pairs`` its line relative to the unit; ``serials``
        are reused for the chunks when their number is unchanged, so anchors stay the same.
        """
        unit.table = None
        if len(blocks) == 1 and blocks[0][0] == "table_open":
            table = self._table(unit, tokens, blocks[0], env, first_line, pair_lines, serials)
            if table:
                return
        raw = ""
        if blocks:
            raw = MD.renderer.render(
                tokens[blocks[0][1] : end_of(tokens, blocks[-1][1])], MD.options, env
            )
        serial = serials[0] if serials and len(serials) == 1 else self.next_serial()
        unit.chunks = [Chunk(raw, list(unit.pairs), serial)]

    def _table(
        self,
        unit: Unit,
        tokens: list[Token],
        block: Block,
        env: dict[str, Any],
        first_line: int,
        pair_lines: list[int],
        serials: list[int] | None,
    ) -> bool:
        parts = table_parts(tokens, block[1])
        if parts is None or (
            len(parts.rows) <= TABLE_CHUNK and len(unit.pairs) <= TABLE_CHUNK_SEGMENTS
        ):
            return False
        row_lines = [tokens[a].map[0] - first_line for a, _ in parts.rows]  # type: ignore[index]
        bounds = _chunk_bounds(row_lines, pair_lines)
        if len(bounds) < 3:
            return False
        start = block[2] - first_line
        head_lines = row_lines[0] - start
        table = Table(start, head_lines, parts.columns, row_lines, bounds, parts.widths())
        n = len(bounds) - 1
        reuse = serials if serials and len(serials) == n else None
        chunk_pairs: list[list[int]] = [[] for _ in range(n)]
        for k, line in zip(unit.pairs, pair_lines, strict=True):
            chunk_pairs[table_chunk_of(table, line)].append(k)
        unit.chunks = [
            Chunk(
                parts.render(bounds[c], bounds[c + 1], c == 0, env, table.widths),
                chunk_pairs[c],
                reuse[c] if reuse else self.next_serial(),
            )
            for c in range(n)
        ]
        unit.table = table
        return True


def _chunk_bounds(row_lines: list[int], pair_lines: list[int]) -> list[int]:
    """Where chunks start: at most TABLE_CHUNK rows and, rows allowing, TABLE_CHUNK_SEGMENTS
    segments each, so a wide table's chunk costs about what a narrow one's does."""
    per_row = [0] * len(row_lines)
    for line in pair_lines:
        row = bisect_right(row_lines, line) - 1
        if row >= 0:
            per_row[row] += 1
    bounds = [0]
    rows = segments = 0
    for r, count in enumerate(per_row):
        if rows and (rows >= TABLE_CHUNK or segments + count > TABLE_CHUNK_SEGMENTS):
            bounds.append(r)
            rows = segments = 0
        rows += 1
        segments += count
    bounds.append(len(row_lines))
    return bounds


def table_chunk_of(table: Table, line: int) -> int:
    """The chunk that shows relative ``line`` of a chunked table (the header is in chunk 0)."""
    row = bisect_right(table.row_lines, line) - 1
    if row < 0:
        return 0
    return min(bisect_right(table.bounds, row) - 1, len(table.bounds) - 2)


@dataclass(slots=True)
class TableParts:
    """The tokens of one table, cut so that any run of body rows renders as a table."""

    tokens: list[Token]
    head: tuple[int, int]  # thead_open … thead_close
    body_open: int
    body_close: int
    table_open: int
    table_close: int
    rows: list[tuple[int, int]]  # tr_open … tr_close of each body row
    columns: int

    def render(
        self, first: int, end: int, with_head: bool, env: dict[str, Any], widths: list[int]
    ) -> str:
        """Body rows ``first`` … ``end - 1`` as a table of their own, the header only with
        the first chunk; every chunk gets the same column widths, so they line up."""
        t = self.tokens
        picked = [t[self.table_open]]
        if with_head:
            picked.extend(t[self.head[0] : self.head[1] + 1])
        picked.append(t[self.body_open])
        picked.extend(t[self.rows[first][0] : self.rows[end - 1][1] + 1])
        picked.extend((t[self.body_close], t[self.table_close]))
        rendered: str = MD.renderer.render(picked, MD.options, env)
        return _with_widths(rendered, widths, with_head)

    def widths(self) -> list[int]:
        """Column widths in percent from the longest text of each column (clamped)."""
        longest = [4] * self.columns
        column = 0
        for tok in self.tokens[self.head[0] : self.rows[-1][1] + 1]:
            if tok.type in ("th_open", "td_open"):
                column = min(column, self.columns - 1)
            elif tok.type == "inline" and self.columns:
                text = _MARKERS_RE.sub("", tok.content)
                longest[column] = max(longest[column], min(len(text), 80))
                column += 1
            elif tok.type == "tr_open":
                column = 0
        total = sum(longest)
        return [max(1, round(100 * n / total)) for n in longest]


_FIRST_ROW_RE = re.compile(r"<tr>.*?</tr>", re.S)
_CELL_OPEN_RE = re.compile(r"<(t[hd])(?=[ >])")


def _with_widths(rendered: str, widths: list[int], head: bool) -> str:
    """The table with the cells of its first row given ``widths`` and a full width."""
    m = _FIRST_ROW_RE.search(rendered)
    if m is None:
        return rendered
    it = iter(widths)
    row = _CELL_OPEN_RE.sub(lambda c: f'<{c.group(1)} width="{next(it, 0)}%"', m.group())
    cls = "md-table" if head else "md-table md-table-cont"
    out = rendered[: m.start()] + row + rendered[m.end() :]
    return out.replace('<table class="md-table"', f'<table class="{cls}" width="100%"', 1)


def table_parts(tokens: list[Token], first: int) -> TableParts | None:
    end = end_of(tokens, first)
    head_open = head_close = body_open = body_close = -1
    rows: list[tuple[int, int]] = []
    columns = 0
    row_start = -1
    for i in range(first, end):
        tok = tokens[i]
        if tok.type == "thead_open":
            head_open = i
        elif tok.type == "thead_close":
            head_close = i
        elif tok.type == "tbody_open":
            body_open = i
        elif tok.type == "tbody_close":
            body_close = i
        elif tok.type == "th_open":
            columns += 1
        elif tok.type == "tr_open" and body_open >= 0:
            row_start = i
        elif tok.type == "tr_close" and body_open >= 0 and row_start >= 0:
            rows.append((row_start, i))
            row_start = -1
    if min(head_open, head_close, body_open, body_close) < 0 or not rows:
        return None
    return TableParts(
        tokens, (head_open, head_close), body_open, body_close, first, end - 1, rows, columns
    )


@dataclass(slots=True)
class Look:
    """How segments are dressed when a chunk is finished."""

    ids: list[str]
    marks: dict[int, str] = field(default_factory=dict)  # extra CSS classes per segment
    badges: dict[int, str] = field(default_factory=dict)  # a <sup> after the segment
    prefix: str = ""  # before "seg-ID" and "blk-N", to keep anchors unique in one page


def finish(chunk: Chunk, look: Look) -> str:
    """A chunk's HTML with its markers turned into segment spans, inside its block <div>."""
    raw = chunk.raw
    out: list[str] = [f'<div class="blk" id="{look.prefix}blk-{chunk.serial}">']
    seen: set[int] = set()
    current = -1
    pos = 0
    for m in _FINISH_RE.finditer(raw):
        if m.start() > pos:
            out.append(_wrap(raw[pos : m.start()], current, look, seen))
        pos = m.end()
        token = m.group()
        if token[0] == "<":
            # A marker that ended up in an attribute (an image's alt text) is dropped.
            out.append(_MARKERS_RE.sub("", token) if OPEN in token or CLOSE in token else token)
        elif token == CLOSE:
            out.append(_close(current, look, seen))
            current = -1
        else:
            current = ((ord(m.group(1)) - _PLANE) << 16) | (ord(m.group(2)) - _PLANE)
    if pos < len(raw):
        out.append(_wrap(raw[pos:], current, look, seen))
    if not _TEXT_RE.search(_TAGS_RE.sub("", raw)):
        # QTextDocument puts an anchor on the character after it: a block with none (a rule,
        # an empty unit) gets an invisible one, so every block can be found.
        out.insert(1, _ANCHOR_CHAR)
    out.append("</div>\n")
    return "".join(out)


_TAGS_RE = re.compile(r"<[^<>]*>")
_TEXT_RE = re.compile(r"[^\s\u2402-\u2404\U000f0000-\U000fffff]")
_ANCHOR_CHAR = '<p class="blk-anchor" style="margin:0;font-size:1px">&#8203;</p>'


def _close(k: int, look: Look, seen: set[int]) -> str:
    """What follows a segment's last run: an anchor if nothing showed, then its badge."""
    if k < 0 or k >= len(look.ids):
        return ""
    out = ""
    if k not in seen:
        seen.add(k)
        anchor = html.escape(f"{look.prefix}seg-{look.ids[k]}", quote=True)
        out = f'<a id="{anchor}" name="{anchor}"></a>'
    badge = look.badges.get(k)
    if badge:
        out += f'<sup class="badge">{html.escape(badge, quote=False)}</sup>'
    return out


def _wrap(run: str, k: int, look: Look, seen: set[int]) -> str:
    if k < 0 or k >= len(look.ids) or not run.strip():
        return run
    pid = html.escape(look.ids[k], quote=True)
    extra = look.marks.get(k)
    cls = f"seg {extra}" if extra else "seg"
    anchor = ""
    if k not in seen:
        seen.add(k)
        anchor = f' id="{html.escape(look.prefix, quote=True)}seg-{pid}"'
    return f'<span class="{cls}" title="{pid}"{anchor}>{run}</span>'
