"""A parsed article: lookup of its pairs, and writing by splicing edited targets into it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reviewer.core.format.diagnostics import ParseWarning
from reviewer.core.format.front_matter import FrontMatter, read_front_matter
from reviewer.core.format.pairs import Pair, PairList
from reviewer.core.format.targets import EditWarning, check_target


@dataclass(frozen=True, slots=True)
class RawChunk:
    """Text between pairs, kept verbatim."""

    text: str
    offset: int


class Document:
    """A parsed article: the loaded text, its pairs and front matter. Writes by splicing."""

    def __init__(
        self,
        text: str,
        pairs: Sequence[Pair],
        front_matter: FrontMatter | None,
        warnings: list[ParseWarning],
        path: str | None = None,
    ) -> None:
        self.text = text
        self.pairs: PairList = pairs if isinstance(pairs, PairList) else PairList(pairs)
        self.front_matter = front_matter
        self.warnings = warnings
        self.path = path
        self._by_id: dict[str, int] | None = None
        self._by_id_of: list[str] | None = None  # the id list _by_id was made from
        self._line_starts: list[int] | None = None
        # The bytes ``text`` was decoded from, when known: serialize splices into them instead
        # of re-encoding the whole article. Only trusted while ``text`` is still that object.
        self._data: bytes | None = None
        self._data_text: str | None = None
        self._keep_bytes = True

    # -- lookup ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.pairs)

    def pair(self, pair_id: str) -> Pair:
        if self._by_id is None:
            # Real files never repeat an id; a synthetic duplicate keeps its first pair here
            # (reversed, so the first occurrence is written last).
            ids = self.pairs.ids()
            self._by_id = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
            self._by_id_of = ids
        k = self._by_id[pair_id]
        if self._by_id_of is not self.pairs.ids():  # the list itself was changed: look again
            self._by_id = None
            return self.pair(pair_id)
        return self.pairs[k]

    def has_pair(self, pair_id: str) -> bool:
        try:
            self.pair(pair_id)
        except KeyError:
            return False
        return True

    @property
    def chunks(self) -> list[RawChunk | Pair]:
        """The article as an ordered list of raw chunks and pairs; concatenated it is the text."""
        return list(self.iter_chunks())

    def iter_chunks(self) -> Iterator[RawChunk | Pair]:
        pos = 0
        for p in self.pairs:
            if p.start > pos:
                yield RawChunk(self.text[pos : p.start], pos)
            yield p
            pos = p.end
        if pos < len(self.text):
            yield RawChunk(self.text[pos:], pos)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the loaded text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    @property
    def modified_pairs(self) -> list[Pair]:
        # A pair never built cannot have been edited.
        return [p for p in self.pairs.built() if p.target != p.saved_target]

    @property
    def is_modified(self) -> bool:
        return any(p.target != p.saved_target for p in self.pairs.built())

    # -- editing ----------------------------------------------------------------
    def set_target(self, pair: Pair, new_target: str) -> list[EditWarning]:
        """Replace one pair's target; refuses what would break the file, warns on the risky."""
        warnings = check_target(pair.saved_target, new_target)
        pair.target = new_target
        return warnings

    # -- writing ------------------------------------------------------------------
    def serialize(self) -> bytes:
        """The article's bytes: the loaded text with only the edited targets spliced in."""
        text = self.text
        edited = [
            p
            for p in self.pairs.built()
            if p.target is not p.saved_target and p.target != p.saved_target
        ]
        data = self._data if self._data_text is text else None
        if not edited:
            return data if data is not None else text.encode("utf-8")
        if data is None:
            pieces: list[str] = []
            pos = 0
            for p in edited:
                pieces.append(text[pos : p.target_start])
                pieces.append(p.target)
                pos = p.target_end
            pieces.append(text[pos:])
            return "".join(pieces).encode("utf-8")
        # Splice into the loaded bytes. Only the text before each edit is encoded, to learn its
        # byte offset; the untouched bytes are copied once, by the join.
        view = memoryview(data)
        chunks: list[bytes | memoryview] = []
        pos = bpos = 0
        for p in edited:
            bstart = bpos + len(text[pos : p.target_start].encode("utf-8"))
            chunks.append(view[bpos:bstart])
            chunks.append(p.target.encode("utf-8"))
            bpos = bstart + len(p.saved_target.encode("utf-8"))
            pos = p.target_end
        chunks.append(view[bpos:])
        return b"".join(chunks)

    def _adopt_bytes(self, data: bytes) -> None:
        """Remember that ``self.text`` was decoded from ``data`` (bytes, not a mutable buffer)."""
        self._data = data
        self._data_text = self.text

    def release_bytes(self) -> None:
        """Forget the loaded bytes, now and after saves: the article is then held once, as text.

        serialize stays a splice but encodes the whole text instead of copying untouched bytes
        (about 25 ms instead of 12 for 13 MB); a long-lived window saves the memory instead.
        """
        self._data = None
        self._data_text = None
        self._keep_bytes = False

    def mark_saved(self, data: bytes) -> None:
        """Adopt ``data`` (what was just written) as the new baseline, shifting offsets in place."""
        text = data.decode("utf-8")
        self.pairs.forget_scan()  # offsets move below: unbuilt pairs would point at the old text
        shift = 0
        old_ends: list[int] = []  # where each pair ended before the shift ...
        shifts: list[int] = []  # ... and how far text after it has moved
        for p in self.pairs:
            delta = len(p.target) - (p.target_end - p.target_start)
            old_ends.append(p.end)
            p.start += shift
            p.target_start += shift
            p.target_end += shift + delta
            p.source_start += shift + delta
            p.end += shift + delta
            shift += delta
            shifts.append(shift)
            p.saved_target = p.target
        self.text = text
        if self._keep_bytes:
            self._adopt_bytes(bytes(data))
        self._line_starts = None
        for p in self.pairs:
            p.line, p.column = self.line_column(p.start)
        if self.front_matter is not None:
            # Pairs may sit inside the front matter: its text, end and values follow them.
            self.front_matter = read_front_matter(text)
        moved: list[ParseWarning] = []
        for w in self.warnings:
            if w.offset < 0:
                moved.append(w)
                continue
            k = bisect_right(old_ends, w.offset)
            offset = w.offset + (shifts[k - 1] if k else 0)
            moved.append(w.moved(*self.line_column(offset), offset))
        self.warnings = moved
