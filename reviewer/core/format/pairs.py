"""Pairs located in the loaded text, and the list that builds each on first access."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, MutableSequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, overload

from reviewer.core.format.syntax import CLOSER


@dataclass(slots=True, eq=False)
class Pair:
    """One segment: a Dutch target beside its English source, located in the loaded text."""

    id: str
    target: str
    source: str
    index: int
    line: int
    column: int
    start: int  # offset of the opener in the loaded text
    target_start: int
    target_end: int
    source_start: int
    end: int  # offset just past the closing ``</span></span>``
    in_front_matter: bool = False
    saved_target: str = ""  # the target bytes currently on disk

    @property
    def is_modified(self) -> bool:
        """True while the target differs from what the file on disk holds."""
        return self.target != self.saved_target


# A pair not yet built: the scan's match object, or (id, start, target_start, target_end,
# source_start, end) for a pair the stepwise rule found.
LazyPair = re.Match[str] | tuple[str, int, int, int, int, int]
_Match = re.Match
_CLOSER_LEN = len(CLOSER)


class PairList(MutableSequence[Pair]):
    """The pairs of an article, each built on first access and then kept.

    Parsing records only where each pair lies (the scan's match objects), so opening a
    50,000-pair article makes no Pair until something reads it: the table builds the rows it
    shows, serialize looks only at pairs that were built (an unbuilt pair cannot be edited).
    Behaves as a list of Pair: len, iteration, indexing, slicing, ``==`` with a list; changing
    the list itself (tests do) first builds every pair.
    """

    __slots__ = ("_fm_end", "_ids", "_items", "_line_at", "_lock", "_made", "_scan", "_text")

    def __init__(
        self,
        items: Iterable[Pair | LazyPair] = (),
        text: str = "",
        fm_end: int = 0,
        ids: list[str] | None = None,
    ) -> None:
        self._items: list[Pair | LazyPair] = list(items)
        self._text = text
        self._fm_end = fm_end
        self._ids = ids
        # Indexes of built pairs; None once every item is a Pair (then it is a plain list).
        self._made: list[int] | None = None
        self._lock = threading.Lock()
        # (offset, its line, where that line starts): lines and columns are counted from here,
        # so building pairs in order costs one pass however long a line is.
        self._line_at = (0, 1, 0)
        # Every pair's match from the scan, kept after building: sources and ids in one C-level
        # map. Only while each pair has a match and the text is the one they were made from.
        self._scan: list[re.Match[str]] | None = None

    # Copies and pickles (tests deep-copy sessions) carry everything but the lock.
    def __getstate__(self) -> dict[str, Any]:
        self.build_all()  # match objects cannot be pickled
        state = {name: getattr(self, name) for name in self.__slots__ if name != "_lock"}
        state["_scan"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._lock = threading.Lock()

    @classmethod
    def lazy(
        cls,
        items: list[Pair | LazyPair],
        text: str,
        fm_end: int,
        ids: list[str],
        all_matches: bool = False,
    ) -> PairList:
        """Pairs of ``text`` from the scan, none built yet (``items`` is adopted, not copied)."""
        pairs = cls((), text, fm_end, ids)
        pairs._items = items
        if items:
            pairs._made = []
        if all_matches:
            pairs._scan = list(items)  # type: ignore[arg-type]
        return pairs

    # -- Sequence ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Pair: ...

    @overload
    def __getitem__(self, index: slice) -> list[Pair]: ...

    def __getitem__(self, index: int | slice) -> Pair | list[Pair]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self._items)))]
        item = self._items[index]
        if type(item) is Pair:
            return item
        return self._build(index if index >= 0 else index + len(self._items))

    @overload
    def __setitem__(self, index: int, value: Pair) -> None: ...

    @overload
    def __setitem__(self, index: slice, value: Iterable[Pair]) -> None: ...

    def __setitem__(self, index: int | slice, value: Pair | Iterable[Pair]) -> None:
        self._plain()[index] = value  # type: ignore[index,assignment]

    def __delitem__(self, index: int | slice) -> None:
        del self._plain()[index]

    def insert(self, index: int, value: Pair) -> None:
        self._plain().insert(index, value)

    def _plain(self) -> list[Pair | LazyPair]:
        """The items as a list of built pairs, about to be changed in place."""
        self.build_all()
        self._ids = None
        self._scan = None
        return self._items

    def __iter__(self) -> Iterator[Pair]:
        if self._made is None:
            return iter(self._items)  # type: ignore[arg-type]
        return (self[k] for k in range(len(self._items)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PairList | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<PairList of {len(self)} pairs, {len(self.built())} built>"

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        # A Pair knows its place; only a built pair can be in here (Pair compares by identity).
        k = value.index if type(value) is Pair else -1
        if start <= k < len(self._items) and (stop is None or k < stop) and self._items[k] is value:
            return k
        return super().index(value, start, len(self._items) if stop is None else stop)

    def __contains__(self, value: object) -> bool:
        try:
            self.index(value)
        except ValueError:
            return False
        return True

    # -- without building pairs --------------------------------------------------------
    def built(self) -> list[Pair]:
        """The pairs built so far, in document order: the only ones that can have been edited."""
        with self._lock:  # a worker thread may be building (and appending) right now
            if self._made is None:
                return list(self._items)  # type: ignore[arg-type]
            rows = sorted(self._made)
        return [self._items[k] for k in rows]  # type: ignore[misc]

    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [self._field(k, 0) for k in range(len(self._items))]  # type: ignore[misc]
        return self._ids

    def sources(self) -> list[str]:
        """Every pair's source, built or not, as a list of strings."""
        return self._strings(3, 1)

    def targets(self) -> list[str]:
        """Every pair's current target."""
        return self._strings(2, 2)

    def _strings(self, group: int, what: int) -> list[str]:
        scan = self._scan
        if scan is not None:
            out: list[str] = list(map(_Match.group, scan, repeat(group)))
            for k in self.built_rows():  # a built pair's text may have been changed since
                out[k] = self._field(k, what)  # type: ignore[assignment]
            return out
        match = _Match  # the common item: read straight from the match, no method call
        field_of = self._field
        return [
            item.group(group) if type(item) is match else field_of(k, what)  # type: ignore[misc]
            for k, item in enumerate(self._items)
        ]

    def source_at(self, k: int) -> str:
        return self._field(k, 1)  # type: ignore[return-value]

    def target_at(self, k: int) -> str:
        return self._field(k, 2)  # type: ignore[return-value]

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every pair in the loaded text."""
        return [self._field(k, 3) for k in range(len(self._items))]  # type: ignore[misc]

    def is_built(self, k: int) -> bool:
        return type(self._items[k]) is Pair

    def built_rows(self) -> list[int]:
        """Indexes of the built pairs, in order."""
        with self._lock:  # a worker thread may be building (and appending) right now
            made = self._made
            return list(range(len(self._items))) if made is None else sorted(made)

    def forget_scan(self) -> None:
        """Drop the scan's matches (they keep the text they were made from alive)."""
        self.build_all()
        self._scan = None

    def build_all(self) -> None:
        if self._made is not None:
            for k in range(len(self._items)):
                self[k]

    def _field(self, k: int, what: int) -> str | tuple[int, int]:
        item = self._items[k]
        if type(item) is Pair:
            if what == 0:
                return item.id
            if what == 1:
                return item.source
            if what == 2:
                return item.target
            return item.start, item.end
        if type(item) is tuple:
            pid, start, ts, te, ss, end = item
        else:
            m: re.Match[str] = item  # type: ignore[assignment]
            if what == 0:
                return m.group(1)
            if what == 1:
                return m.group(3)
            if what == 2:
                return m.group(2)
            return m.span()
        if what == 0:
            return pid
        if what == 1:
            return self._text[ss : end - _CLOSER_LEN]
        if what == 2:
            return self._text[ts:te]
        return start, end

    def _build(self, k: int) -> Pair:
        with self._lock:  # a checks thread may build the same pair: one object per pair
            item = self._items[k]
            if type(item) is Pair:
                return item
            if type(item) is tuple:
                pid, start, ts, te, ss, end = item
            else:
                m: re.Match[str] = item  # type: ignore[assignment]
                pid = m.group(1)
                start, end = m.span()
                ts, te = m.span(2)
                ss = m.start(3)
            text = self._text
            target = text[ts:te]
            line, column = self._line(start)
            pair = Pair(
                pid,
                target,
                text[ss : end - _CLOSER_LEN],
                k,
                line,
                column,
                start,
                ts,
                te,
                ss,
                end,
                start < self._fm_end,
                target,
            )
            self._items[k] = pair
            assert self._made is not None
            self._made.append(k)
            if len(self._made) == len(self._items):
                self._made = None
            return pair

    def _line(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset``, counted from the last one asked: scrolling counts
        little, and a line megabytes long is never searched again for each pair on it."""
        text = self._text
        at, line, start = self._line_at
        if offset >= at:
            n = text.count("\n", at, offset)
            if n:
                line += n
                start = text.rfind("\n", at, offset) + 1
        elif offset >= start:
            pass  # on the same line, further left
        else:
            if offset >= at // 2:
                line -= text.count("\n", offset, at)
            else:
                line = text.count("\n", 0, offset) + 1
            start = text.rfind("\n", 0, offset) + 1
        self._line_at = (offset, line, start)
        return line, offset - start + 1
