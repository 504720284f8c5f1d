"""An article rendered as a reader sees it, block by block, updated one block per edit."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reviewer.core.format import Document
from reviewer.core.render.blocks import (
    Block,
    Chunk,
    Renderer,
    Unit,
    table_chunk_of,
    table_parts,
    top_blocks,
)
from reviewer.core.render.markdown import MD
from reviewer.core.render.marks import (
    Composed,
    Look,
    Parts,
    clean,
    compose,
    finish,
    line_at,
    line_starts,
    marked,
    pair_lines,
)
from reviewer.core.render.sides import SOURCE, TARGET

# A link reference definition changes links anywhere in the article: such edits re-render all.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:", re.M)
# Lines of the next unit parsed with an edited one, to see that no block runs on into it.
_LOOKAHEAD_LINES = 8


@dataclass(frozen=True, slots=True)
class BlockUpdate:
    """What an edit changed: blocks ``index`` … ``index + replaced - 1`` are now ``blocks``.

    ``index`` -1 means the article's block structure changed: re-read it whole (``html()``).
    """

    index: int
    blocks: tuple[str, ...]
    replaced: int

    @property
    def full(self) -> bool:
        return self.index < 0

    @property
    def html(self) -> str:
        return "".join(self.blocks)


FULL = BlockUpdate(-1, (), 0)
NOTHING = BlockUpdate(0, (), 0)


class ArticlePreview:
    """One side (targets or sources) of an article as safe HTML, as a list of blocks.

    Raw HTML is reduced to plain formatting tags; scripts and unknown tags show as text;
    images, includes and ``:::`` blocks are placeholders; nothing is loaded from anywhere.
    Each segment's text is wrapped in ``<span class="seg" title="ID">``, its first run also
    carrying ``id="seg-ID"``, an anchor QTextBrowser can scroll to. Each block is a
    ``<div class="blk" id="blk-N">`` whose N stays the same while the block is updated.
    """

    def __init__(
        self,
        doc: Document,
        side: str = TARGET,
        lang: str | None = None,
        anchor_prefix: str = "",
    ) -> None:
        if side not in (TARGET, SOURCE):
            raise ValueError(f"side must be {TARGET!r} or {SOURCE!r}")
        self.side = side
        self.lang = lang or ("nl" if side == TARGET else "en")
        self.ids: list[str] = list(doc.pairs.ids())
        self._texts: list[str] = list(
            doc.pairs.targets() if side == TARGET else doc.pairs.sources()
        )
        self._row: dict[str, int] = {}
        for k in range(len(self.ids) - 1, -1, -1):  # a repeated id keeps its first segment
            self._row[self.ids[k]] = k
        self._look = Look(self.ids, prefix=anchor_prefix)
        fm = doc.front_matter
        body_start = fm.end if fm is not None else 0
        title = fm.data.get("title") if fm is not None and isinstance(fm.data, dict) else None
        self.title = title.strip() if isinstance(title, str) else ""
        pieces: Parts = []
        pos = body_start
        text = doc.text
        for k, (start, end) in enumerate(doc.pairs.spans()):
            if start < body_start:
                continue  # a pair inside broken front matter is not part of the page
            if start > pos:
                pieces.append(clean(text[pos:start]))
            pieces.append(k)
            pos = end
        if pos < len(text):
            pieces.append(clean(text[pos:]))
        self._renderer = Renderer()
        self._units: list[Unit] = []
        self._env: dict[str, Any] = {}
        self._first: list[int] = []  # display index of each unit's first chunk
        self._where: dict[int, tuple[int, int]] = {}  # segment -> (unit, chunk)
        self._has_h1 = False
        self._build(pieces)

    # -- building ------------------------------------------------------------------------
    def _build(self, pieces: Parts) -> None:
        text, spans = compose(pieces, self._texts)
        env: dict[str, Any] = {"lang": self.lang}
        tokens = MD.parse(text, env)
        self._env = env
        starts = line_starts(text)
        blocks = top_blocks(tokens)
        self._has_h1 = any(t == "heading_open" and tokens[i].tag == "h1" for t, i, _, _ in blocks)
        # Units start at block starts that no segment crosses.
        crossing: set[int] = set()
        for piece, (start, end) in zip(pieces, spans, strict=True):
            if isinstance(piece, int) and end > start:
                first = line_at(starts, start)
                last = line_at(starts, end - 1)
                crossing.update(range(first + 1, last + 1))
        unit_lines = [0]
        groups: list[list[Block]] = [[]]
        for block in blocks:
            if groups[-1] and block[2] not in crossing:
                unit_lines.append(block[2])
                groups.append([])
            groups[-1].append(block)
        # Cut the pieces at the unit starts (line starts; raw text may be split there).
        cuts = [starts[line] for line in unit_lines[1:]] + [len(text)]
        parts_of: list[Parts] = [[] for _ in groups]
        u = 0
        for piece, (start, end) in zip(pieces, spans, strict=True):
            if isinstance(piece, int):
                while u < len(cuts) - 1 and start >= cuts[u]:
                    u += 1
                parts_of[u].append(piece)
                continue
            pos = start
            while u < len(cuts) - 1 and end > cuts[u]:
                if cuts[u] > pos:
                    parts_of[u].append(piece[pos - start : cuts[u] - start])
                pos = max(pos, cuts[u])
                u += 1
            if end > pos:
                parts_of[u].append(piece[pos - start :])
        line_of = dict(zip(_pairs(pieces), pair_lines(pieces, text, spans), strict=True))
        width = {p: end - start for p, (start, end) in zip(pieces, spans, strict=True)}
        units: list[Unit] = []
        offset = 0
        for parts, group, first_line in zip(parts_of, groups, unit_lines, strict=True):
            unit = Unit(parts, _pairs(parts))
            lines = [line_of[k] - first_line for k in unit.pairs]
            self._renderer.render_unit(unit, tokens, group, env, first_line, lines)
            # Its Markdown, cut from the article's, so the first edit need not compose it.
            part_spans: list[tuple[int, int]] = []
            pos = 0
            for part in parts:
                size = len(part) if isinstance(part, str) else width[part]
                part_spans.append((pos, pos + size))
                pos += size
            unit_text = text[offset : offset + pos]
            unit.composed = Composed(unit_text, part_spans, line_starts(unit_text))
            offset += pos
            units.append(unit)
        self._units = units
        self._index()

    def _index(self) -> None:
        first: list[int] = []
        where: dict[int, tuple[int, int]] = {}
        n = 0
        for u, unit in enumerate(self._units):
            first.append(n)
            for c, chunk in enumerate(unit.chunks):
                for k in chunk.pairs:
                    where[k] = (u, c)
            n += len(unit.chunks)
        self._first = first
        self._where = where

    # -- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of blocks."""
        return self._first[-1] + len(self._units[-1].chunks) if self._units else 0

    def block_of(self, pair_id: str) -> int:
        """The block that shows segment ``pair_id``; KeyError when no block shows it."""
        u, c = self._where[self._row[pair_id]]
        return self._first[u] + c

    def block_pairs(self, index: int) -> list[str]:
        """The ids of the segments block ``index`` shows, in order."""
        return [self.ids[k] for k in self._chunk(index).pairs]

    def block_id(self, index: int) -> str:
        """The anchor name of block ``index`` (``blk-N``), stable while it is updated."""
        return f"{self._look.prefix}blk-{self._chunk(index).serial}"

    def block_html(self, index: int) -> str:
        return _finish(self._chunk(index), self._look)

    def blocks(self) -> list[str]:
        return [_finish(c, self._look) for unit in self._units for c in unit.chunks]

    def title_html(self) -> str:
        """The front-matter title: the page heading, or a line above it when the article
        has its own H1 (as docs pages show that one)."""
        if not self.title:
            return ""
        title = html.escape(self.title, quote=False)
        if self._has_h1:
            return f'<p class="page-title">{title}</p>\n'
        return f'<h1 class="page-title">{title}</h1>\n'

    def html(self) -> str:
        """The whole article: the title, then every block."""
        return self.title_html() + "".join(self.blocks())

    def text_of(self, pair_id: str) -> str:
        return self._texts[self._row[pair_id]]

    def _chunk(self, index: int) -> Chunk:
        if index < 0:
            raise IndexError(index)
        u = bisect_right(self._first, index) - 1
        return self._units[u].chunks[index - self._first[u]]

    # -- marking -------------------------------------------------------------------------
    def set_marks(self, marks: Mapping[str, str]) -> list[int]:
        """Give segments extra CSS classes (``{"1f4c8-107": "seg-current"}``), replacing the
        previous marks; returns the blocks whose HTML changed, to be read again."""
        new = {self._row[pid]: cls for pid, cls in marks.items() if pid in self._row and cls}
        old = self._look.marks
        self._look.marks = new
        return self._blocks_of({k for k in new.keys() | old.keys() if new.get(k) != old.get(k)})

    def set_badges(self, badges: Mapping[str, str]) -> list[int]:
        """Show a small label after segments (``{"1f4c8-107": "2"}``: an issue number),
        replacing the previous ones; returns the blocks whose HTML changed."""
        new = {self._row[pid]: text for pid, text in badges.items() if pid in self._row and text}
        old = self._look.badges
        self._look.badges = new
        return self._blocks_of({k for k in new.keys() | old.keys() if new.get(k) != old.get(k)})

    def _blocks_of(self, changed: set[int]) -> list[int]:
        out = set()
        for k in changed:
            if k in self._where:
                u, c = self._where[k]
                out.add(self._first[u] + c)
        return sorted(out)

    # -- editing -------------------------------------------------------------------------
    def update(self, pair_id: str, text: str) -> BlockUpdate:
        """Show ``text`` for segment ``pair_id``, re-rendering only its block, unless the edit
        changed the article's block structure (then the update is ``FULL``)."""
        k = self._row[pair_id]
        old = self._texts[k]
        self._texts[k] = text
        where = self._where.get(k)
        if where is None:
            return NOTHING  # a segment in front matter: not part of the page
        u, c = where
        if old == text:
            return BlockUpdate(self._first[u] + c, (self.block_html(self._first[u] + c),), 1)
        if _DEFINITION_RE.search(old) or _DEFINITION_RE.search(text):
            self._rebuild()
            return FULL
        unit = self._units[u]
        self._splice(unit, k, old, text)
        if unit.table is not None and "\n" not in old and "\n" not in text:
            done = self._update_row(u, k)
            if done is not None:
                return done
        done = self._rerender(u, k)
        if done is None:
            self._rebuild()
            return FULL
        return done

    def _composed(self, unit: Unit) -> Composed:
        if unit.composed is None:
            unit.composed = Composed.of(unit.parts, self._texts)
        return unit.composed

    def _splice(self, unit: Unit, k: int, old: str, text: str) -> None:
        """Keep the unit's Markdown current: splice the new text in, or forget it when the
        edit changes lines or blankness (which moves other markers)."""
        composed = unit.composed
        if composed is None:
            return
        if "\n" in old or "\n" in text or not old.strip() or not text.strip():
            unit.composed = None
            return
        i = unit.parts.index(k)
        composed.splice(i, marked(k, text, composed.at_line_start(i)))

    def _update_row(self, u: int, k: int) -> BlockUpdate | None:
        """Re-render the chunk of a long table that holds segment ``k`` from its rows alone."""
        unit = self._units[u]
        table = unit.table
        assert table is not None
        composed = self._composed(unit)
        c = table_chunk_of(table, composed.line_of(unit.parts.index(k)))
        b0, b1 = table.bounds[c], table.bounds[c + 1]
        head = composed.lines(table.start, table.start + table.head_lines)
        rows = composed.lines(table.row_lines[b0], table.row_lines[b1 - 1] + 1)
        if not rows.endswith("\n"):
            rows += "\n"
        env = dict(self._env)
        tokens = MD.parse(head + rows, env)
        blocks = top_blocks(tokens)
        if len(blocks) != 1 or blocks[0][0] != "table_open":
            return None
        parts = table_parts(tokens, blocks[0][1])
        if parts is None or parts.columns != table.columns or len(parts.rows) != b1 - b0:
            return None
        chunk = unit.chunks[c]
        chunk.raw = parts.render(0, b1 - b0, c == 0, env, table.widths)
        index = self._first[u] + c
        return BlockUpdate(index, (self.block_html(index),), 1)

    def _rerender(self, u: int, k: int) -> BlockUpdate | None:
        """Re-render unit ``u`` from a parse of it with the edges of its neighbours; None when
        a block boundary moved (a fence or comment left open, a line joining a table…)."""
        unit = self._units[u]
        composed = self._composed(unit)
        text, spans = composed.text, composed.spans
        start = spans[unit.parts.index(k)][0]
        before = ""
        if u > 0 and "\n" not in text[:start].lstrip():
            before = self._tail(u - 1)  # the edit is on the unit's first line
        after = ""
        if u + 1 < len(self._units):
            nxt = self._composed(self._units[u + 1])
            after = nxt.lines(0, min(_LOOKAHEAD_LINES, len(nxt.starts)))
        env = dict(self._env)
        tokens = MD.parse(before + text + after, env)
        b = before.count("\n")
        e = b + text.count("\n")
        mine: list[Block] = []
        next_starts = not after
        for block in top_blocks(tokens):
            _, _, first, end = block
            if first < b:
                if end > b:
                    return None  # the edited first line now continues the block before
            elif first < e or not after:
                if after and end > e:
                    return None  # a block of this unit runs on into the next
                mine.append(block)
            elif first == e:
                next_starts = True
        if not next_starts:
            return None
        old = [chunk.serial for chunk in unit.chunks]
        lines = pair_lines(unit.parts, text, spans)
        self._renderer.render_unit(unit, tokens, mine, env, b, lines, old)
        if len(unit.chunks) != len(old):
            self._index()
        else:
            for c, chunk in enumerate(unit.chunks):
                for p in chunk.pairs:
                    self._where[p] = (u, c)
        first = self._first[u]
        blocks = tuple(_finish(chunk, self._look) for chunk in unit.chunks)
        return BlockUpdate(first, blocks, len(old))

    def _tail(self, u: int) -> str:
        """The end of unit ``u`` that decides whether the next line continues it: all of it,
        or for a long table its header and last row."""
        unit = self._units[u]
        composed = self._composed(unit)
        table = unit.table
        if table is None:
            return composed.text
        head = composed.lines(table.start, table.start + table.head_lines)
        return head + composed.lines(table.row_lines[-1], len(composed.starts))

    def _rebuild(self) -> None:
        pieces: Parts = []
        for unit in self._units:
            for part in unit.parts:
                if isinstance(part, str) and pieces and isinstance(pieces[-1], str):
                    pieces[-1] += part
                else:
                    pieces.append(part)
        self._build(pieces)


def render_inline(text: str, lang: str = "nl") -> str:
    """One segment as safe inline HTML (no paragraph around it), e.g. for a list of issues."""
    rendered: str = MD.renderInline(clean(text), {"lang": lang})
    return rendered


def _finish(chunk: Chunk, look: Look) -> str:
    return finish(chunk.raw, chunk.serial, look)


def _pairs(parts: Parts) -> list[int]:
    return [p for p in parts if isinstance(p, int)]
