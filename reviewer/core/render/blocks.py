"""Top-level blocks, units of re-rendering, and long tables cut into display blocks."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from reviewer.core.render.markdown import MD
from reviewer.core.render.marks import MARKERS_RE, Composed, Parts

# Body rows (and segments) per display block of a long table: a row edit re-renders this
# much at most.
TABLE_CHUNK = 40
TABLE_CHUNK_SEGMENTS = 60

Block = tuple[str, int, int, int]  # (token type, first token, first line, end line)


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
                text = MARKERS_RE.sub("", tok.content)
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
