"""Lossless reader and writer for sxs-lookup bilingual Markdown articles (FORMAT.md 3-5)."""

from __future__ import annotations

import gc
import operator
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from itertools import islice, repeat
from typing import Any, overload

from reviewer.core import simple_yaml
from reviewer.core.errors import FormatError, TargetRejected

OPENER_RE = re.compile(r'<span data-ttu-id="([^"<>]*)">')
_DELIM_HEAD = '</span><span class="sxs-lookup"><span data-stu-id="'
_CLOSER = "</span></span>"
# No real target or source comes near this (the longest of 231,533 is 1,376 characters); a pair
# beyond it is kept as raw text with a warning, so no check, editor or view ever works on one.
MAX_SEGMENT_CHARS = 20_000
# A whole pair whose target runs to the first delimiter with its own id and whose source holds no
# <span or </span before the closer: the common case, matched in one C-level pass. Its target may
# not hold another opener either (no real one does): that pair goes step by step, and an opener
# with no source is never followed past the next opener, so the pass stays linear. When the tail
# does not match, only the opener matches and parse_text applies section 4 step by step, so both
# paths give the same pairs (tests check this against _pairs_stepwise).
# The quantifiers are possessive because giving characters back can never find an earlier end:
# each run stops at the first "<" that may end it. That saves the engine its backtrack records.
_PAIR_RE = re.compile(
    r'<span data-ttu-id="([^"<>]*+)">'
    r"(?:"
    r'([^<]*+(?:<(?!/span><span class="sxs-lookup"><span data-stu-id="\1">)'
    r'(?!span data-ttu-id=")[^<]*+)*+)'
    r'</span><span class="sxs-lookup"><span data-stu-id="\1">'
    r"([^<]*+(?:<(?!/?span)[^<]*+)*+)"
    r"</span></span>"
    r")?"
)
# A pair the stepwise rule found, matched again within its known extent: the target runs to the
# first delimiter with its id (lazy) and the source to the end (greedy up to endpos).
_STEPWISE_RE = re.compile(
    r'<span data-ttu-id="([^"<>]*+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="\1">'
    r"(.*)</span></span>",
    re.S,
)
_DELIM_RE = re.compile(r'</span><span class="sxs-lookup"><span data-stu-id="([^"<>]*)">')
_OPENER_LEN = len('<span data-ttu-id="">')  # plus the id
_DELIM_LEN = len(_DELIM_HEAD) + len('">')  # plus the id
# Inner span tokens of a source, for the depth scan of FORMAT.md section 4 step 3.
_SPAN_TOKEN_RE = re.compile(r"</span>|<span(?=[\s>/])[^>]*>")
_CORRUPT_OPENER_RE = re.compile(r'<span data-ttu-id=(?:"|&quot;)[^"<>]*?&quot;>')
_ORPHAN_LOOKUP = '<span class="sxs-lookup"><span data-stu-id="'
_CORRUPT_LOOKUP = "<span class=&quot;sxs-lookup&quot;>"
_FM_KEY_RE = re.compile(r"^(title|description):[ \t]*(.*?)\r?$", re.M)
# Front matter opens the file (after a BOM, if any) and closes at the first "---" line; lines
# may end in LF or CRLF (Windows), mixed or not: all read alike.
_FM_OPEN_RE = re.compile(r"\ufeff?---\r?\n")
_FM_CLOSE_RE = re.compile(r"\n---(?:\r?\n|\r?\Z)")
# Real keys are names such as ms.custom or f1.keywords; spaces or commas mean a garbled line.
_PLAIN_KEY_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")

FORBIDDEN_IN_TARGET = ('</span><span class="sxs-lookup">', "<span data-ttu-id=")
DISPLAY_KEYS = (
    "title",
    "description",
    "ms.translationtype",
    "ms.contentlocale",
    "ms.locfileid",
    "ms.lasthandoff",
    "ms.date",
    "author",
    "ms.author",
    "manager",
    "ms.topic",
    "ms.service",
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


@dataclass(frozen=True, slots=True)
class EditWarning:
    """A change that is allowed but may break the article's layout (FORMAT.md section 5)."""

    code: str
    message: str


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
_Lazy = re.Match[str] | tuple[str, int, int, int, int, int]
_Match = re.Match
_CLOSER_LEN = len(_CLOSER)


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
        items: Iterable[Pair | _Lazy] = (),
        text: str = "",
        fm_end: int = 0,
        ids: list[str] | None = None,
    ) -> None:
        self._items: list[Pair | _Lazy] = list(items)
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
        items: list[Pair | _Lazy],
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

    def _plain(self) -> list[Pair | _Lazy]:
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


@dataclass(frozen=True, slots=True)
class RawChunk:
    """Text between pairs, kept verbatim."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class FrontMatterField:
    """A front-matter value translated in place, with no source: shown, never paired."""

    key: str
    value: str
    line: int


@dataclass(slots=True)
class FrontMatter:
    """The YAML block between the opening and closing ``---``, kept as opaque text."""

    raw: str
    start: int
    end: int  # offset just past the closing ``---`` line
    data: dict[str, Any] | None
    error: str | None
    fields: list[FrontMatterField] = field(default_factory=list)
    error_line: int = 2  # the file line the error points at

    def display_items(self) -> list[tuple[str, str]]:
        """Key/value pairs worth showing a user, in a stable order."""
        if not self.data:
            return [(f.key, f.value) for f in self.fields]
        items = []
        for key in DISPLAY_KEYS:
            if key in self.data and self.data[key] not in (None, ""):
                items.append((key, _plain(self.data[key])))
        return items


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


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
            self.front_matter = _front_matter(text)
        moved: list[ParseWarning] = []
        for w in self.warnings:
            if w.offset < 0:
                moved.append(w)
                continue
            k = bisect_right(old_ends, w.offset)
            offset = w.offset + (shifts[k - 1] if k else 0)
            moved.append(w.moved(*self.line_column(offset), offset))
        self.warnings = moved


def check_target(original: str, new_target: str) -> list[EditWarning]:
    """Refuse a target that would break the file; list warnings for risky changes."""
    if new_target == "" or new_target.strip() == "":
        raise TargetRejected("A target cannot be empty: the file would no longer parse.")
    if "\x00" in new_target:
        raise TargetRejected(
            "A target cannot contain a NUL character: the saved article could not be opened again."
        )
    try:
        new_target.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TargetRejected(
            f"A target cannot contain the unpaired surrogate U+{ord(new_target[exc.start]):04X}: "
            "it cannot be written as UTF-8. Retype or re-paste that character."
        ) from None
    for marker in FORBIDDEN_IN_TARGET:
        if marker in new_target:
            raise TargetRejected(
                f"A target cannot contain {marker!r}: the file would no longer parse. "
                "Remove that markup from the target."
            )
    warnings: list[EditWarning] = []
    if original.count("\n") != new_target.count("\n"):
        warnings.append(
            EditWarning(
                "newlines",
                f"The number of line breaks changed ({original.count(chr(10))} → "
                f"{new_target.count(chr(10))}); the Markdown layout may break.",
            )
        )
    old_balance = original.count("<span") - original.count("</span>")
    new_balance = new_target.count("<span") - new_target.count("</span>")
    if original.count("<span") != new_target.count("<span") or old_balance != new_balance:
        warnings.append(
            EditWarning("span-balance", "The <span>/</span> tags changed; the page may break.")
        )
    if _edge(original) != _edge(new_target):
        warnings.append(
            EditWarning(
                "edge-whitespace",
                "Leading or trailing whitespace changed; it is significant in this format.",
            )
        )
    return warnings


def _edge(text: str) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return text, ""
    head = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return head, tail


def decode(data: bytes, path: str | None = None) -> str:
    """UTF-8 text of an article, or a FormatError naming where the bytes went wrong."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(
            "the file is UTF-16, not UTF-8.",
            path,
            1,
            1,
            "Save it as UTF-8 (without BOM) and open it again.",
        )
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        if _looks_like_utf16(data):
            raise FormatError(
                "the file holds NUL bytes: it looks like UTF-16 without a BOM, not UTF-8.",
                path,
                line,
                column,
                "Save it as UTF-8 (without BOM) and open it again.",
            )
        raise FormatError(
            "the file holds NUL bytes: it is binary, not a Markdown article.",
            path,
            line,
            column,
            "Open the .md article itself.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FormatError(
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8 (byte offset {exc.start}).",
            path,
            line,
            column,
            "Re-save the file as UTF-8 and open it again.",
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """BOM-less UTF-16 text: NULs on one parity only, as ASCII-range text leaves them."""
    head = data[:4096]
    if len(head) < 2:
        return False
    even, odd = head[0::2], head[1::2]
    for zeros, other in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.4 * len(zeros) and other.count(0) == 0:
            return True
    return False


def parse(data: bytes, path: str | None = None) -> Document:
    """Parse an article's bytes. ``parse(b).serialize() == b`` for every input that parses."""
    doc = parse_text(decode(data, path), path)
    doc._adopt_bytes(bytes(data))
    return doc


# Pairs, openers with no source of their id, (opener, delimiter) of pairs with no closer, and
# (opener, delimiter, size) of pairs over MAX_SEGMENT_CHARS, kept as raw text.
_Scan = tuple[Sequence[Pair], list[int], list[tuple[int, int]], list[tuple[int, int, int]]]


def parse_text(text: str, path: str | None = None) -> Document:
    front_matter = _front_matter(text)
    fm_end = front_matter.end if front_matter else 0
    # The scan builds tens of thousands of acyclic objects; collections during it are wasted work.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        found = _pairs_fast(text, fm_end)
    finally:
        if gc_was_enabled:
            gc.enable()
    pairs, unpaired, unclosed, oversized = (
        found if found is not None else _pairs_stepwise(text, fm_end)
    )
    pairs = pairs if isinstance(pairs, PairList) else PairList(pairs)
    warnings = _warnings(text, pairs, front_matter, unpaired, unclosed, oversized)
    return Document(text, pairs, front_matter, warnings, path)


class _Bounds:
    """FORMAT.md section 4 steps 2-3 for one opener at a time, in time linear in the text.

    A plain ``find`` of an opener's delimiter scans to the end of the text when there is none,
    which made 100,000 openers without a source quadratic. After a few such misses the
    delimiters are indexed by id once, and each later lookup is a bisection.
    """

    _MISSES_BEFORE_INDEX = 16

    def __init__(self, text: str) -> None:
        self.text = text
        self.unpaired: list[int] = []
        self.unclosed: list[tuple[int, int]] = []
        self.oversized: list[tuple[int, int, int]] = []
        self._misses = 0
        self._delims: dict[str, list[int]] | None = None
        self._last_close: int | None = None

    def _delimiter(self, pair_id: str, delim: str, start: int) -> int:
        if self._delims is None:
            found = self.text.find(delim, start)
            if found == -1:
                self._misses += 1
                if self._misses >= self._MISSES_BEFORE_INDEX:
                    index: dict[str, list[int]] = {}
                    for m in _DELIM_RE.finditer(self.text):
                        index.setdefault(m.group(1), []).append(m.start())
                    self._delims = index
            return found
        at = self._delims.get(pair_id)
        if not at:
            return -1
        k = bisect_left(at, start)
        return at[k] if k < len(at) else -1

    def _closer(self, start: int) -> int:
        if self._last_close is None:
            self._last_close = self.text.rfind(_CLOSER)
        if start > self._last_close:
            return -1  # past the last closer: no need to look
        return self.text.find(_CLOSER, start)

    def __call__(self, start: int, target_start: int, pair_id: str) -> tuple[int, int, int] | None:
        """Target end, source start and closer of the opener at ``start``, or None when it
        has no source of its id, no closer, or is too large; it is then recorded for the
        warnings (an oversized pair's end is still returned through ``oversized``)."""
        text = self.text
        delim = _DELIM_HEAD + pair_id + '">'
        target_end = self._delimiter(pair_id, delim, target_start)
        if target_end == -1:
            self.unpaired.append(start)
            return None
        source_start = target_end + len(delim)
        close = self._closer(source_start)
        if close == -1:
            self.unclosed.append((start, target_end))
            return None
        if (
            text.find("<span", source_start, close) != -1
            or text.find("</span>", source_start) != close
        ):
            close = _scan_source_end(text, source_start, close)
        size = max(target_end - target_start, close - source_start)
        if size > MAX_SEGMENT_CHARS:
            self.oversized.append((start, target_end, close + len(_CLOSER)))
            return None
        return target_end, source_start, close


def _any_too_large(run: list[re.Match[str]], source_starts: list[int]) -> bool:
    """Might a pair of this run of whole matches be over MAX_SEGMENT_CHARS?

    Between two neighbouring sources lie one whole source and the next whole target, so when
    no gap is that wide, no pair is: one C-level pass over offsets the scan already has.
    """
    first, last = run[0], run[-1]
    if source_starts[0] - first.start() > MAX_SEGMENT_CHARS:  # the first target
        return True
    if last.end() - source_starts[-1] > MAX_SEGMENT_CHARS:  # the last source
        return True
    gaps = map(operator.sub, islice(source_starts, 1, None), source_starts)
    return max(gaps, default=0) > MAX_SEGMENT_CHARS


def _too_large(m: re.Match[str]) -> bool:
    return max(m.end(2) - m.start(2), m.end(3) - m.start(3)) > MAX_SEGMENT_CHARS


def _without_too_large(run: list[re.Match[str]], bounds: _Bounds) -> list[re.Match[str]]:
    big = [m for m in run if _too_large(m)]
    if not big:
        return run
    bounds.oversized.extend((m.start(), m.end(2), m.end()) for m in big)
    return [m for m in run if not _too_large(m)]


def _pairs_fast(text: str, fm_end: int) -> _Scan | None:
    """The pairs and unpaired openers of ``text``, as _pairs_stepwise finds them, but quicker.

    One C-level regex pass; no Pair is built (PairList builds each on first access). Openers
    whose pair the regex cannot match whole (inner spans in the source, no closer) go through
    FORMAT.md section 4 step by step, as in _pairs_stepwise. Returns None in the one case the
    single pass cannot follow (a whole pair matched inside an earlier pair and reaching past its
    end); the caller then goes step by step.
    """
    matches = list(_PAIR_RE.finditer(text))
    # -1 marks an opener matched alone: its pair (if any) needs the stepwise rule.
    source_starts = list(map(_Match.start, matches, repeat(3)))
    bounds = _Bounds(text)
    long_text = len(text) > MAX_SEGMENT_CHARS
    if -1 not in source_starts:
        # Whole matches never overlap, so each one is exactly a pair.
        if long_text and matches and _any_too_large(matches, source_starts):
            matches = _without_too_large(matches, bounds)
        ids = list(map(_Match.group, matches, repeat(1)))
        pairs = PairList.lazy(matches, text, fm_end, ids, all_matches=True)  # type: ignore[arg-type]
        return pairs, bounds.unpaired, bounds.unclosed, bounds.oversized
    items: list[Pair | _Lazy] = []
    ids = []
    all_matches = True
    pos = 0  # end of the previous pair: openers before it lie inside that pair
    i = 0
    n = len(matches)
    while i < n:
        try:
            j = source_starts.index(-1, i)
        except ValueError:
            j = n
        # A run of whole pairs; its first ones may lie inside the stepwise pair before it.
        while i < j and matches[i].start() < pos:
            if matches[i].end() > pos:
                return None
            i += 1
        if i < j:
            run = matches[i:j]
            if long_text and _any_too_large(run, source_starts[i:j]):
                run = _without_too_large(run, bounds)
            items += run
            ids += map(_Match.group, run, repeat(1))
            pos = matches[j - 1].end()
        if j == n:
            break
        m = matches[j]
        i = j + 1
        start = m.start()
        if start < pos:
            continue
        pair_id = m.group(1)
        target_start = m.end()
        found = bounds(start, target_start, pair_id)
        if found is None:
            if bounds.oversized and bounds.oversized[-1][0] == start:
                pos = bounds.oversized[-1][2]  # its inside is raw text too
            continue
        target_end, source_start, close = found
        end = close + len(_CLOSER)
        # The same pair as a match object when one regex can say so, so every item is a match.
        whole = _STEPWISE_RE.match(text, start, end)
        if whole is not None and whole.span(2) == (target_start, target_end) and whole.end() == end:
            items.append(whole)
        else:
            items.append((pair_id, start, target_start, target_end, source_start, end))
            all_matches = False
        ids.append(pair_id)
        pos = end
    pairs = PairList.lazy(items, text, fm_end, ids, all_matches)
    return pairs, bounds.unpaired, bounds.unclosed, bounds.oversized


def _pairs_stepwise(text: str, fm_end: int) -> _Scan:
    """FORMAT.md section 4 applied opener by opener: the reference _pairs_fast must agree with."""
    pairs: list[Pair] = []
    append = pairs.append
    count = text.count
    rfind = text.rfind
    line = 1
    line_pos = 0  # offset up to which ``line`` counts newlines
    line_start = 0  # where that line starts: a column never searches a long line again
    pos = 0  # end of the previous pair: openers before it lie inside that pair
    bounds = _Bounds(text)
    for m in OPENER_RE.finditer(text):
        start = m.start()
        if start < pos:
            continue
        pair_id = m.group(1)
        target_start = m.end()
        found = bounds(start, target_start, pair_id)
        if found is None:
            if bounds.oversized and bounds.oversized[-1][0] == start:
                pos = bounds.oversized[-1][2]
            continue
        target_end, source_start, close = found
        end = close + len(_CLOSER)
        newlines = count("\n", line_pos, start)
        if newlines:
            line += newlines
            line_start = rfind("\n", line_pos, start) + 1
        line_pos = start
        target = text[target_start:target_end]
        append(
            Pair(
                pair_id,
                target,
                text[source_start:close],
                len(pairs),
                line,
                start - line_start + 1,
                start,
                target_start,
                target_end,
                source_start,
                end,
                start < fm_end,
                target,
            )
        )
        pos = end
    return pairs, bounds.unpaired, bounds.unclosed, bounds.oversized


def _scan_source_end(text: str, source_start: int, first_close: int) -> int:
    """Depth-tracking end of a source holding inner spans (FORMAT.md section 4, step 3)."""
    next_pair = OPENER_RE.search(text, source_start)
    limit = next_pair.start() if next_pair else len(text)
    depth = 0
    for tok in _SPAN_TOKEN_RE.finditer(text, source_start, limit):
        token = tok.group()
        if token == "</span>":
            if depth == 0 and text.startswith(_CLOSER, tok.start()):
                return tok.start()
            depth -= 1
        elif not token.endswith("/>"):
            depth += 1
    return first_close


class _YamlProblem(Exception):
    """Front matter PyYAML refused: the message for the user and its line in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _load_yaml(raw: str) -> Any:
    """Front matter that is not in the plain form, read by PyYAML (imported only here)."""
    import yaml

    from reviewer.core import yaml_safe

    try:
        return yaml_safe.safe_load_fast(raw)
    except yaml_safe.AliasError as exc:
        # Aliases can hide an expansion bomb in a few hundred bytes: never expanded.
        line = exc.problem_mark.line + 2 if exc.problem_mark is not None else 2
        raise _YamlProblem(
            f"front matter uses a YAML alias (line {line}); reviewer never expands one", line
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        where = f" at line {line}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise _YamlProblem(f"front matter is not valid YAML{where}: {problem}", line) from None


def _front_matter(text: str) -> FrontMatter | None:
    opener = _FM_OPEN_RE.match(text)
    if opener is None:
        return None
    closer = _FM_CLOSE_RE.search(text, opener.end() - 1)
    if closer is None:
        return None
    close, end = closer.start(), closer.end()
    raw = text[opener.end() : close + 1]
    data: dict[str, Any] | None = None
    error: str | None = None
    error_line = 2
    plain = simple_yaml.load(raw)  # nearly every article: no YAML parser needed
    try:
        loaded = plain if plain is not None else _load_yaml(raw)
    except _YamlProblem as exc:
        error, error_line = exc.message, exc.line
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # safe_load's constructors raise plain errors on values such as 2021-13-01 or a bad
        # !!int, and deep nesting exhausts the stack; the front matter is display-only.
        error = f"front matter has a value YAML cannot read ({type(exc).__name__}: {exc})"
    else:
        if isinstance(loaded, dict):
            data = {str(k): v for k, v in loaded.items()}
            odd = [k for k in data if not _PLAIN_KEY_RE.fullmatch(k)]
            if odd:
                error_line = _line_of_key(raw, odd[0])
                error = (
                    f"front matter key {odd[0]!r} on line {error_line} looks garbled "
                    "(keys are plain names such as ms.custom)"
                )
        elif loaded is not None:
            error = "front matter is not a YAML mapping"
    fields: list[FrontMatterField] = []
    for m in _FM_KEY_RE.finditer(raw):
        key = m.group(1)
        value = data.get(key) if data else None
        shown = _plain(value) if value is not None else _unquote(m.group(2))
        fields.append(FrontMatterField(key, shown, raw.count("\n", 0, m.start()) + 2))
    return FrontMatter(raw, _bom(text), end, data, error, fields, error_line)


def _bom(text: str) -> int:
    """Length of a byte order mark at the start of the text (0 or 1)."""
    return 1 if text.startswith("\ufeff") else 0


def _nth_line_offset(text: str, line: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


def _line_of_key(raw: str, key: str) -> int:
    at = raw.find(key + ":")
    return raw.count("\n", 0, at) + 2 if at != -1 else 2


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


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


def _warnings(
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
        for m in _CORRUPT_OPENER_RE.finditer(text):
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
    # Every pair holds exactly one _ORPHAN_LOOKUP, in its delimiter (pairs do not overlap and
    # the needle cannot overlap itself), so a count equal to the pair count means no orphan.
    # Unclosed and oversized pairs claim theirs too; two unclosed openers can share one.
    delims = {delim for _, delim in unclosed}
    delims.update(delim for _, delim, _ in oversized)
    expected = len(pairs) + len(delims)
    needles = [
        needle
        for needle, suspect in (
            (_ORPHAN_LOOKUP, text.count(_ORPHAN_LOOKUP) != expected),
            (_CORRUPT_LOOKUP, has_quot and _CORRUPT_LOOKUP in text),
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
