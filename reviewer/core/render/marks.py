"""Segment markers in the Markdown, and turning them into segment spans after rendering."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

Parts = list[str | int]  # raw Markdown and segment indexes

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
MARKERS_RE = re.compile("\u2402[\U000f0000-\U000fffff]{2}\u2403|\u2404")
# Block syntax a segment may begin with at the start of a line: it must stay at the line start.
_LINE_PREFIX_RE = re.compile(
    r"(?:[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+|\|))*"
)


def marker(k: int) -> str:
    return OPEN + chr(_PLANE + (k >> 16)) + chr(_PLANE + (k & 0xFFFF)) + MID


def clean(text: str) -> str:
    """Content never holds our marker characters (one that does shows as U+FFFD), and a CR
    is a line break, as CommonMark reads it, so our line numbers agree with the parser's."""
    if _RESERVED_RE.search(text):
        text = _RESERVED_RE.sub("\ufffd", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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


@dataclass(slots=True)
class Look:
    """How segments are dressed when a chunk is finished."""

    ids: list[str]
    marks: dict[int, str] = field(default_factory=dict)  # extra CSS classes per segment
    badges: dict[int, str] = field(default_factory=dict)  # a <sup> after the segment
    prefix: str = ""  # before "seg-ID" and "blk-N", to keep anchors unique in one page


def finish(raw: str, serial: int, look: Look) -> str:
    """A display block's HTML with its markers turned into segment spans, in its <div>."""
    out: list[str] = [f'<div class="blk" id="{look.prefix}blk-{serial}">']
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
            out.append(MARKERS_RE.sub("", token) if OPEN in token or CLOSE in token else token)
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
