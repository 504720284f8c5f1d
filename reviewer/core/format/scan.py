"""Finding the pairs of an article: one regex pass, FORMAT.md section 4 stepwise where needed."""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice, repeat

from reviewer.core.format.pairs import LazyPair, Pair, PairList
from reviewer.core.format.syntax import (
    CLOSER,
    DELIM_HEAD,
    DELIM_RE,
    MAX_SEGMENT_CHARS,
    OPENER_RE,
    PAIR_RE,
    SPAN_TOKEN_RE,
    STEPWISE_RE,
)

_Match = re.Match  # its methods, mapped over the scan's matches in C
# Pairs, openers with no source of their id, (opener, delimiter) of pairs with no closer, and
# (opener, delimiter, size) of pairs over MAX_SEGMENT_CHARS, kept as raw text.
_Scan = tuple[Sequence[Pair], list[int], list[tuple[int, int]], list[tuple[int, int, int]]]


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
                    for m in DELIM_RE.finditer(self.text):
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
            self._last_close = self.text.rfind(CLOSER)
        if start > self._last_close:
            return -1  # past the last closer: no need to look
        return self.text.find(CLOSER, start)

    def __call__(self, start: int, target_start: int, pair_id: str) -> tuple[int, int, int] | None:
        """Target end, source start and closer of the opener at ``start``, or None when it
        has no source of its id, no closer, or is too large; it is then recorded for the
        warnings (an oversized pair's end is still returned through ``oversized``)."""
        text = self.text
        delim = DELIM_HEAD + pair_id + '">'
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
            self.oversized.append((start, target_end, close + len(CLOSER)))
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


def pairs_fast(text: str, fm_end: int) -> _Scan | None:
    """The pairs and unpaired openers of ``text``, as pairs_stepwise finds them, but quicker.

    One C-level regex pass; no Pair is built (PairList builds each on first access). Openers
    whose pair the regex cannot match whole (inner spans in the source, no closer) go through
    FORMAT.md section 4 step by step, as in pairs_stepwise. Returns None in the one case the
    single pass cannot follow (a whole pair matched inside an earlier pair and reaching past its
    end); the caller then goes step by step.
    """
    matches = list(PAIR_RE.finditer(text))
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
    items: list[Pair | LazyPair] = []
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
        end = close + len(CLOSER)
        # The same pair as a match object when one regex can say so, so every item is a match.
        whole = STEPWISE_RE.match(text, start, end)
        if whole is not None and whole.span(2) == (target_start, target_end) and whole.end() == end:
            items.append(whole)
        else:
            items.append((pair_id, start, target_start, target_end, source_start, end))
            all_matches = False
        ids.append(pair_id)
        pos = end
    pairs = PairList.lazy(items, text, fm_end, ids, all_matches)
    return pairs, bounds.unpaired, bounds.unclosed, bounds.oversized


def pairs_stepwise(text: str, fm_end: int) -> _Scan:
    """FORMAT.md section 4 applied opener by opener: the reference pairs_fast must agree with."""
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
        end = close + len(CLOSER)
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
    for tok in SPAN_TOKEN_RE.finditer(text, source_start, limit):
        token = tok.group()
        if token == "</span>":
            if depth == 0 and text.startswith(CLOSER, tok.start()):
                return tok.start()
            depth -= 1
        elif not token.endswith("/>"):
            depth += 1
    return first_close
