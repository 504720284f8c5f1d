"""Concordance search over every source and target of a project, fast enough per keystroke.

The index is one text blob per article and side: its segments joined by newlines, kept once
as written and once lowercased, with the offset where each segment starts. A plain search is
then one C-level ``str.find`` per blob and hit (no Python work per segment), a regex search one
``Pattern.search``; a hit's segment is found by bisecting the offsets. Blobs stay per article
so that one article's update costs one article's rebuild, and so that an article with one
character above U+00FF does not make every other article's text twice as wide in memory.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from reviewer.core.errors import ReviewerError
from reviewer.core.project.records import ArticleRecord
from reviewer.core.segments import State

SEP = "\n"  # between segments: a typed query holds none, and ^ $ then anchor each segment


class Side(enum.Enum):
    SOURCE = "source"
    TARGET = "target"
    BOTH = "both"


class SearchError(ReviewerError):
    """A regular expression that does not compile; the text says where and why."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A segment that matched; where it matched (spans in its own text) is worked out when
    asked, so a long list of hits costs nothing for the rows never shown."""

    rel: str
    row: int
    pair_id: str
    source: str
    target: str
    state: State
    side: Side
    pattern: re.Pattern[str] = field(repr=False, compare=False)

    @property
    def number(self) -> int:
        """1-based segment number in its article, as the window shows it."""
        return self.row + 1

    @property
    def source_spans(self) -> tuple[tuple[int, int], ...]:
        return _spans(self.pattern, self.source) if self.side is not Side.TARGET else ()

    @property
    def target_spans(self) -> tuple[tuple[int, int], ...]:
        return _spans(self.pattern, self.target) if self.side is not Side.SOURCE else ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: list[Hit]
    truncated: bool  # more segments match than were collected (``limit``)
    articles: int  # articles with a hit among those collected


@dataclass(slots=True)
class _Blob:
    text: str  # segments joined by SEP, as written
    lower: str  # the same, lowercased, for plain case-insensitive search
    starts: list[int]  # offset of each segment in ``text``
    lower_starts: list[int]  # ... and in ``lower`` (differs only when lowering changed lengths)


def _blob(pieces: Sequence[str]) -> _Blob:
    text = SEP.join(pieces)
    starts = [0, *accumulate(len(p) + 1 for p in pieces)][: len(pieces)]
    lower = text.lower()
    if len(lower) == len(text):
        return _Blob(text, lower, starts, starts)
    # Some character lowers to two (İ → i̇): lower each segment, so offsets stay per segment.
    low_pieces = [p.lower() for p in pieces]
    lower_starts = [0, *accumulate(len(p) + 1 for p in low_pieces)][: len(pieces)]
    return _Blob(text, SEP.join(low_pieces), starts, lower_starts)


@dataclass(slots=True)
class _Article:
    record: ArticleRecord
    source: _Blob
    target: _Blob


@dataclass(slots=True)
class Query:
    """What to look for: plain text (case-insensitive unless ``match_case``) or a regex."""

    text: str
    regex: bool = False
    match_case: bool = False
    whole_word: bool = False
    side: Side = Side.BOTH
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def pattern(self) -> re.Pattern[str]:
        """The query as a compiled regex (a plain query is escaped); SearchError if invalid."""
        if self._pattern is None:
            body = self.text if self.regex else re.escape(self.text)
            if self.whole_word:
                body = rf"(?<!\w)(?:{body})(?!\w)"
            flags = re.MULTILINE | (0 if self.match_case else re.IGNORECASE)
            try:
                self._pattern = re.compile(body, flags)
            except re.error as exc:
                where = f" at position {exc.pos}" if exc.pos is not None else ""
                raise SearchError(f"Invalid regular expression{where}: {exc.msg}.") from None
        return self._pattern

    @property
    def plain(self) -> bool:
        """Searchable with str.find (no regex, no word boundaries)."""
        return not self.regex and not self.whole_word

    def literals(self) -> tuple[list[str], bool]:
        """(texts every match contains, whether to look for them with case): what str.find
        can look for before the regex runs, longest first. Lowercased when case does not
        matter; [] when the query has none (every segment is then searched with the regex)."""
        if self.plain:
            return ([self.text], True) if self.match_case else ([self.text.lower()], False)
        runs = literal_runs(self.text) if self.regex else [self.text]
        if not self.match_case:
            runs = [part.lower() for run in runs for part in _case_safe(run)]
        return sorted(set(runs), key=len, reverse=True), self.match_case


_SPECIAL = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("?*+")
# Escapes longer than two characters: \xhh, \uhhhh, \Uhhhhhhhh, \N{name}, octal, \12, \g<n>.
_ESCAPE_RE = re.compile(
    r"\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|N\{[^}]*\}?|[0-9]{1,3}|g<[^>]*>?)"
)


def literal_runs(pattern: str) -> list[str]:
    """Runs of literal text that every match of ``pattern`` must contain, read conservatively
    from the pattern's text: nothing inside groups or classes counts, a quantified character
    ends its run without it, and any ``|`` or inline flag means no run is certain."""
    if "|" in pattern or ("(?" in pattern and re.search(r"\(\?[aiLmsux-]", pattern)):
        return []
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    k = 0
    n = len(pattern)

    def end_run() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    while k < n:
        c = pattern[k]
        if c == "\\" and k + 1 < n:
            nxt = pattern[k + 1]
            if depth == 0 and not nxt.isalnum() and not nxt.isspace():
                run.append(nxt)  # an escaped punctuation character is itself
                k += 2
                continue
            end_run()
            long_escape = _ESCAPE_RE.match(pattern, k)
            k = long_escape.end() if long_escape else k + 2
            continue
        if c == "{":
            if run:
                run.pop()
            end_run()
            close = pattern.find("}", k)
            k = close + 1 if close != -1 else k + 1
            continue
        if c == "[":
            end_run()
            k = _class_end(pattern, k)
            continue
        if c == "(":
            end_run()
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
            end_run()
        elif c in _QUANTIFIERS:
            if run:
                run.pop()  # the quantified character may be absent
            end_run()
        elif c in _SPECIAL:
            end_run()
        elif depth == 0:
            run.append(c)
        k += 1
    end_run()
    return runs


def _class_end(pattern: str, k: int) -> int:
    """Index just past the character class opening at ``k``."""
    j = k + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _case_safe(run: str) -> list[str]:
    """Split a run where case-insensitive regex matching differs from lowercasing: at "i"
    and "s" (which also match dotless ı and long ſ) and at any non-ASCII character."""
    return [part for part in re.split(r"[iIsS]|[^\x00-\x7f]", run) if part]


@dataclass(frozen=True, slots=True)
class _State:
    """What a search reads: replaced whole by ``update``, so a search running on another thread
    (the window's search box while its worker refreshes the project) sees one version."""

    articles: list[_Article]
    built: dict[str, tuple[ArticleRecord, _Article]]
    # Per side and case, the blobs of every article in order: the hot loop reads these only.
    hay: dict[tuple[Side, bool], list[str]]


class Concordance:
    """Search index over the segments of a project's articles (see the module docstring)."""

    def __init__(self, records: Iterable[ArticleRecord]) -> None:
        self._state = _State([], {}, {})
        self.update(records)

    def update(self, records: Iterable[ArticleRecord]) -> None:
        """Follow the project: rebuild the blobs of records that are new or were replaced."""
        previous = self._state.built
        articles: list[_Article] = []
        built: dict[str, tuple[ArticleRecord, _Article]] = {}
        for record in records:
            if record.error:
                continue
            old = previous.get(record.rel)
            if old is not None and old[0] is record:
                article = old[1]
            else:
                article = _Article(record, _blob(record.sources), _blob(record.targets))
            articles.append(article)
            built[record.rel] = (record, article)
        hay: dict[tuple[Side, bool], list[str]] = {}
        for side in (Side.SOURCE, Side.TARGET):
            blobs = [a.source if side is Side.SOURCE else a.target for a in articles]
            for match_case in (False, True):
                hay[side, match_case] = [b.text if match_case else b.lower for b in blobs]
        self._state = _State(articles, built, hay)

    @property
    def pairs(self) -> int:
        return sum(len(a.record.ids) for a in self._state.articles)

    def search(
        self, query: Query, limit: int = 500, rels: Iterable[str] | None = None
    ) -> SearchResult:
        """Segments matching ``query`` in project order (or only in ``rels``), at most
        ``limit`` of them. An empty query finds nothing."""
        if not query.text:
            return SearchResult([], False, 0)
        pattern = query.pattern()
        state = self._state
        wanted = None if rels is None else set(rels)
        hits: list[Hit] = []
        articles = 0
        for k in self._candidates(state, query):
            article = state.articles[k]
            if wanted is not None and article.record.rel not in wanted:
                continue
            rows = self._rows(article, query, pattern)
            if not rows:
                continue
            if len(hits) == limit:
                return SearchResult(hits, True, articles)
            articles += 1
            for row in rows:
                if len(hits) == limit:
                    return SearchResult(hits, True, articles)
                hits.append(_hit(article.record, row, query, pattern))
        return SearchResult(hits, False, articles)

    def count(self, query: Query) -> int:
        """How many segments match (for a status line; slower than ``search`` with a limit)."""
        if not query.text:
            return 0
        pattern = query.pattern()
        state = self._state
        return sum(
            len(self._rows(state.articles[k], query, pattern))
            for k in self._candidates(state, query)
        )

    def _sides(self, query: Query) -> tuple[Side, ...]:
        if query.side is Side.BOTH:
            return (Side.SOURCE, Side.TARGET)
        return (query.side,)

    def _candidates(self, state: _State, query: Query) -> Iterator[int]:
        """Articles that may hold a match, in order: those holding every required literal
        text on one side (C-level finds), or all of them when the query has none (a regex
        such as ``\\d+``). Lazy, so a search that fills its limit early stops early."""
        needles, match_case = query.literals()
        if not needles:
            yield from range(len(state.articles))
            return
        hays = [state.hay[side, match_case] for side in self._sides(query)]
        if len(needles) == 1:
            needle = needles[0]
            if len(hays) == 1:
                yield from (k for k, text in enumerate(hays[0]) if needle in text)
            else:
                first, second = hays
                yield from (
                    k for k, text in enumerate(first) if needle in text or needle in second[k]
                )
            return
        for k in range(len(state.articles)):
            if any(all(n in hay[k] for n in needles) for hay in hays):
                yield k

    def _rows(self, article: _Article, query: Query, pattern: re.Pattern[str]) -> list[int]:
        found: set[int] = set()
        needles, match_case = query.literals()
        for side in self._sides(query):
            blob = article.source if side is Side.SOURCE else article.target
            if query.plain:
                found.update(_find_rows(blob, needles[0], match_case))
            elif needles:
                found.update(_checked_rows(blob, needles[0], match_case, pattern))
            else:
                found.update(_regex_rows(blob, pattern))
        return sorted(found)


def _find_rows(blob: _Blob, needle: str, match_case: bool) -> list[int]:
    """Rows whose segment holds ``needle``: one find per hit, jumping to the next segment."""
    hay, starts = (blob.text, blob.starts) if match_case else (blob.lower, blob.lower_starts)
    rows: list[int] = []
    find = hay.find
    pos = find(needle)
    n = len(starts)
    while pos != -1:
        row = bisect_right(starts, pos) - 1
        rows.append(row)
        if row + 1 >= n:
            break
        pos = find(needle, starts[row + 1])
    return rows


def _checked_rows(
    blob: _Blob, needle: str, match_case: bool, pattern: re.Pattern[str]
) -> list[int]:
    """Rows holding the regex's required literal, kept when the regex matches within them."""
    text, starts = blob.text, blob.starts
    n = len(starts)
    out = []
    for row in _find_rows(blob, needle, match_case):
        end = starts[row + 1] - 1 if row + 1 < n else len(text)
        if pattern.search(text, starts[row], end) is not None:
            out.append(row)
    return out


def _regex_rows(blob: _Blob, pattern: re.Pattern[str]) -> list[int]:
    """Rows with a match inside their own segment (a match running across the newline between
    two segments is searched again within the first one)."""
    text, starts = blob.text, blob.starts
    n = len(starts)
    rows: list[int] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return rows
        start = m.start()
        row = bisect_right(starts, start) - 1
        end = starts[row + 1] - 1 if row + 1 < n else len(text)  # the segment's last offset
        # A match starting on the separator belongs to no segment, unless it is empty ($).
        inside = start < end or m.end() == start
        if inside and (m.end() <= end or pattern.search(text, start, end) is not None):
            rows.append(row)
        if row + 1 >= n:
            return rows
        pos = starts[row + 1]


def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in pattern.finditer(text) if m.end() > m.start())


def _hit(record: ArticleRecord, row: int, query: Query, pattern: re.Pattern[str]) -> Hit:
    return Hit(
        record.rel,
        row,
        record.ids[row],
        record.sources[row],
        record.targets[row],
        record.state_of(row),
        query.side,
        pattern,
    )


def clip(text: str, spans: Sequence[tuple[int, int]], width: int = 120) -> tuple[str, int]:
    """A window of ``text`` around its first span, at most ``width`` characters, for a list
    of hits: (excerpt, offset of the excerpt in ``text``). Newlines become spaces."""
    if len(text) <= width or not spans:
        excerpt = text[:width]
        return excerpt.replace("\n", " "), 0
    start, end = spans[0]
    room = max(0, width - (end - start))
    begin = max(0, min(start - room // 3, len(text) - width))
    return text[begin : begin + width].replace("\n", " "), begin
