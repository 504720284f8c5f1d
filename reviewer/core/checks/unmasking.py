"""Check messages in the article's own text: masked spans of the shared scan turned back."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.core.checks import analysis
from reviewer.core.checks.analysis import (
    CODE,
    DOCFX,
    ENTITY,
    ESCAPED_GT,
    LINK_CLOSE,
    LINK_OPEN,
    PLACEHOLDER,
    TAG,
    URL,
)

# The scan (analysis.Text) stands one private-use character in for each code span, URL, tag,
# entity, escape or link delimiter. A check that quotes the scanned text in its message would
# show those characters (a box in most fonts), so messages are mapped back to the raw text.
MASK_CHAR_RE = re.compile("[\ue000-\ue1ff]")
_LINK_END = LINK_CLOSE[0]  # the ]( of a link; LINK_CLOSE[1] is its URL

_CODE_AT_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK_TAIL_RE = re.compile(
    r"\]\(\s*(?:" + analysis._LINK_DEST + r")(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|\]\[[^\[\]]*\]"
)
_PLACEHOLDER_AT_RE = re.compile(r"\\?<[^<>\n]{0,80}?\\?>")
_ESCAPE_FIRST, _ESCAPE_LAST = "\ue100", "\ue17f"

# What a mask character becomes when its raw text cannot be found.
_FALLBACK = {
    CODE: "`…`",
    DOCFX: "[!…]",
    URL: "…",
    TAG: "<…>",
    PLACEHOLDER: "<…>",
    ENTITY: "&…;",
    LINK_OPEN: "[",
    _LINK_END: "](",
    ESCAPED_GT: "\\>",
}


def _consumed(c: str, masked: str, i: int, raw: str, j: int) -> int | None:
    """Where in ``raw`` the span that mask character ``masked[i]`` stands for ends."""
    m: re.Match[str] | None = None
    if c == CODE:
        m = _CODE_AT_RE.match(raw, j)
    elif c == URL:
        if i and masked[i - 1] == _LINK_END:
            return j  # the second half of a link's ](url): the first half took the text
        m = analysis._AUTOLINK_RE.match(raw, j) or analysis._BARE_URL_RE.match(raw, j)
    elif c == LINK_OPEN:
        return j + 1 if raw.startswith("[", j) else None
    elif c == _LINK_END:
        m = _LINK_TAIL_RE.match(raw, j)
    elif c == ENTITY:
        m = analysis._ENTITY_RE.match(raw, j)
    elif c == TAG:
        m = analysis._TAG_RE.match(raw, j)
    elif c == PLACEHOLDER:
        m = _PLACEHOLDER_AT_RE.match(raw, j)
    elif c == DOCFX:
        m = analysis._DOCFX_RE.match(raw, j)
    elif c == ESCAPED_GT:
        if raw.startswith("\\>", j):
            return j + 2
        return j + 4 if raw.startswith("&gt;", j) else None
    elif _ESCAPE_FIRST <= c <= _ESCAPE_LAST:
        escaped = "\\" + chr(ord(c) - ord(_ESCAPE_FIRST))
        return j + 2 if raw.startswith(escaped, j) else None
    return m.end() if m is not None else None


@lru_cache(maxsize=64)
def raw_offsets(raw: str) -> tuple[int, ...] | None:
    """For each character of the scan's masked text, where it starts in ``raw`` (and one more
    entry: the end); None when the two cannot be lined up."""
    masked = analysis.analyse(raw).masked
    offsets: list[int] = []
    j = 0
    for i, c in enumerate(masked):
        offsets.append(j)
        if j < len(raw) and raw[j] == c:
            j += 1
            continue
        if not MASK_CHAR_RE.match(c):
            return None
        end = _consumed(c, masked, i, raw, j)
        if end is None:
            return None
        j = end
    offsets.append(j)
    return tuple(offsets) if j == len(raw) else None


def _window(message: str, k: int, low: int, masked: str) -> tuple[int, int] | None:
    """The longest stretch of ``message`` around position k that ``masked`` holds."""
    if message[k] not in masked:
        return None
    a, b = k, k + 1
    while b < len(message) and message[a : b + 1] in masked:
        b += 1
    while a > low and message[a - 1 : b] in masked:
        a -= 1
    return a, b


def readable_message(message: str, *texts: str) -> str:
    """``message`` with every masked span replaced by the text it stands for in one of
    ``texts`` (the pair's target, then its source); what cannot be found gets a short stand-in
    (`…`, <…>, &…;) so no mask character ever reaches a user."""
    if MASK_CHAR_RE.search(message) is None:
        return message
    out: list[str] = []
    pos = 0
    while (m := MASK_CHAR_RE.search(message, pos)) is not None:
        k = m.start()
        replaced = False
        for text in texts:
            if not text:
                continue
            masked = analysis.analyse(text).masked
            window = _window(message, k, pos, masked)
            offsets = raw_offsets(text) if window is not None else None
            if window is None or offsets is None:
                continue
            a, b = window
            at = masked.find(message[a:b])
            out.append(message[pos:a])
            out.append(text[offsets[at] : offsets[at + b - a]])
            pos = b
            replaced = True
            break
        if not replaced:
            out.append(message[pos:k])
            c = message[k]
            if _ESCAPE_FIRST <= c <= _ESCAPE_LAST:
                out.append(analysis.unmask(c))
            else:
                out.append(_FALLBACK.get(c, "…"))
            pos = k + 1
    out.append(message[pos:])
    return "".join(out)
