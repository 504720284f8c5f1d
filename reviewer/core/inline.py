"""Markdown and HTML markup in a segment as inline codes, so CAT tools keep it intact."""

# A segment becomes a run of text and codes whose texts, joined, are the segment exactly: the
# codes only say which stretches are markup. Paired codes (bold, links, <b>…</b>) nest; markup
# that does not nest or pair (a stray **, an unclosed <span>) becomes a standalone code.

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^\s<>]*>", re.I)
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_URL_RE = re.compile(r"https?://[^\s<>()\[\]`*]*[^\s<>()\[\]`*.,;:!?'\"]")
_VOID_TAGS = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
# A run of text holding nothing that can start markup: taken in one step.
_PLAIN_RE = re.compile(
    "(?:[^\\\\`<&\\[\\]!*_h\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
    "|h(?!ttps?://)|!(?!\\[))+"
)
# Characters XML 1.0 cannot hold even escaped: a code carries them, written as <cp> in XLIFF 2.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class Role(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


@dataclass(slots=True)
class Code:
    """One stretch of markup; ``partner`` links an opening code to its closing one."""

    text: str
    role: Role
    kind: str  # bold, italic, code, link, image, tag, comment, entity, url, char
    id: str = ""
    partner: Code | None = field(default=None, repr=False)


Piece = str | Code


@dataclass(slots=True)
class _Tok:
    text: str
    kind: str
    key: str = ""  # what a closer must match: "**", "tag:b", "link#3"
    can_open: bool = False
    can_close: bool = False
    code: Code | None = None


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_punct(ch: str) -> bool:
    return ch != "" and (ch in _ASCII_PUNCT or unicodedata.category(ch).startswith("P"))


def _delimiter(text: str, pos: int) -> tuple[int, bool, bool]:
    """End of the * or _ run at ``pos`` and whether it may open or close (CommonMark flanking)."""
    ch = text[pos]
    end = pos
    while end < len(text) and text[end] == ch:
        end += 1
    before = text[pos - 1] if pos else ""
    after = text[end] if end < len(text) else ""
    left = not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))
    right = not _is_space(before) and (
        not _is_punct(before) or _is_space(after) or _is_punct(after)
    )
    if ch == "_":
        return (
            end,
            left and (not right or _is_punct(before)),
            right and (not left or _is_punct(after)),
        )
    return end, left, right


def _matching(text: str, pos: int, open_ch: str, close_ch: str) -> int:
    """Index of the bracket closing the one at ``pos``, skipping escapes; -1 when none."""
    depth = 0
    k = pos
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "\n" and k + 1 < len(text) and text[k + 1] == "\n":
            return -1  # a link never spans a blank line
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return -1


def _link_closer(text: str, close: int) -> int:
    """End of the ``](dest)`` or ``][ref]`` part after the ``]`` at ``close``; -1 when none."""
    nxt = close + 1
    if nxt < len(text) and text[nxt] == "(":
        end = _matching(text, nxt, "(", ")")
        return end + 1 if end > 0 else -1
    if nxt < len(text) and text[nxt] == "[":
        end = _matching(text, nxt, "[", "]")
        return end + 1 if end > 0 else -1
    return -1


def _backtick_end(text: str, pos: int) -> tuple[int, int]:
    """(end of the opening run, end of the code span or -1) for the backticks at ``pos``."""
    run_end = pos
    while run_end < len(text) and text[run_end] == "`":
        run_end += 1
    size = run_end - pos
    k = run_end
    while True:
        k = text.find("`" * size, k)
        if k < 0:
            return run_end, -1
        after = k + size
        if (after >= len(text) or text[after] != "`") and text[k - 1] != "`":
            return run_end, after
        while k < len(text) and text[k] == "`":
            k += 1


def _angle_markup(text: str, pos: int) -> tuple[re.Match[str], str] | None:
    for regex, kind in ((_COMMENT_RE, "comment"), (_AUTOLINK_RE, "url"), (_TAG_RE, "tag")):
        m = regex.match(text, pos)
        if m:
            return m, kind
    return None


def _scan(text: str) -> list[str | _Tok]:
    out: list[str | _Tok] = []
    buf: list[str] = []
    closers: dict[int, tuple[int, str]] = {}  # "]" position -> (end, key) of a link's closer
    links = 0
    pos = 0
    n = len(text)

    def tok(t: _Tok) -> None:
        if buf:
            out.append("".join(buf))
            buf.clear()
        out.append(t)

    while pos < n:
        if pos not in closers:
            plain = _PLAIN_RE.match(text, pos)
            if plain:
                buf.append(plain.group())
                pos = plain.end()
                continue
        ch = text[pos]
        if pos in closers:
            end, key = closers.pop(pos)
            tok(_Tok(text[pos:end], "link", key, can_close=True))
            pos = end
            continue
        if ch == "\\" and pos + 1 < n and text[pos + 1] in _ASCII_PUNCT:
            buf.append(text[pos : pos + 2])
            pos += 2
            continue
        if ch == "`":
            run_end, end = _backtick_end(text, pos)
            if end < 0:
                buf.append(text[pos:run_end])
                pos = run_end
            else:
                tok(_Tok(text[pos:end], "code"))
                pos = end
            continue
        if ch == "<":
            found = _angle_markup(text, pos)
            if found is None:
                buf.append(ch)
                pos += 1
                continue
            m, kind = found
            raw = m.group()
            if kind != "tag":
                tok(_Tok(raw, kind))
            else:
                name = m.group(1).lower()
                if raw.startswith("</"):
                    tok(_Tok(raw, "tag", "tag:" + name, can_close=True))
                elif raw.endswith("/>") or name in _VOID_TAGS:
                    tok(_Tok(raw, "tag"))
                else:
                    tok(_Tok(raw, "tag", "tag:" + name, can_open=True))
            pos = m.end()
            continue
        if ch == "&":
            entity = _ENTITY_RE.match(text, pos)
            if entity:
                tok(_Tok(entity.group(), "entity"))
                pos = entity.end()
            else:
                buf.append(ch)
                pos += 1
            continue
        if ch == "[" or (ch == "!" and text.startswith("[", pos + 1)):
            start = pos + (ch == "!")
            close = _matching(text, start, "[", "]")
            end = _link_closer(text, close) if close > 0 else -1
            if end > 0 and close not in closers:
                links += 1
                key = f"link#{links}"
                closers[close] = (end, key)
                kind = "image" if ch == "!" else "link"
                tok(_Tok(text[pos : start + 1], kind, key, can_open=True))
                pos = start + 1
            else:
                buf.append(text[pos : start + 1])
                pos = start + 1
            continue
        if ch in "*_":
            end, can_open, can_close = _delimiter(text, pos)
            run = text[pos:end]
            if can_open or can_close:
                kind = "bold" if len(run) >= 2 else "italic"
                tok(_Tok(run, kind, run, can_open, can_close))
            else:
                buf.append(run)
            pos = end
            continue
        if ch in "hH" and (pos == 0 or not text[pos - 1].isalnum()):
            url = _URL_RE.match(text, pos)
            if url:
                tok(_Tok(url.group(), "url"))
                pos = url.end()
                continue
        if _XML_ILLEGAL_RE.match(ch):
            tok(_Tok(ch, "char"))
            pos += 1
            continue
        buf.append(ch)
        pos += 1
    if buf:
        out.append("".join(buf))
    return out


def split(text: str) -> list[Piece]:
    """``text`` as text and codes; ``join(split(t)) == t`` for every string."""
    toks = _scan(text)
    stack: list[_Tok] = []
    for t in toks:
        if isinstance(t, str):
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].key == t.key), -1)
        if t.can_close and t.key and depth >= 0:
            opener = stack[depth]
            del stack[depth:]  # whatever opened inside and never closed stays standalone
            assert opener.code is not None
            t.code = Code(t.text, Role.CLOSE, opener.code.kind)
            opener.code.role = Role.OPEN
            opener.code.partner = t.code
            t.code.partner = opener.code
        elif t.can_open and t.key:
            t.code = Code(t.text, Role.STANDALONE, t.kind)
            stack.append(t)
        else:
            t.code = Code(t.text, Role.STANDALONE, t.kind)
    pieces: list[Piece] = []
    for t in toks:
        if isinstance(t, str):
            _add(pieces, t)
            continue
        code = t.code
        assert code is not None
        if code.kind != "char" and has_illegal_xml(code.text):
            # Markup holding a character XML cannot carry: text, with that character as a code.
            if code.partner is not None:
                code.partner.role = Role.STANDALONE
                code.partner.partner = None
            for part in split_illegal(code.text):
                _add(pieces, part)
        else:
            pieces.append(code)
    return pieces


def _add(pieces: list[Piece], piece: Piece) -> None:
    if isinstance(piece, str) and pieces and isinstance(pieces[-1], str):
        pieces[-1] += piece
    else:
        pieces.append(piece)


def join(pieces: Sequence[Piece]) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in pieces)


def signature(code: Code) -> str:
    """What makes two codes the same: their text, and a paired code's closing text too."""
    if code.role is Role.OPEN and code.partner is not None:
        return code.text + "\x00" + code.partner.text
    return code.text


def units(pieces: Sequence[Piece]) -> Iterator[Code]:
    """The codes that carry an id: standalone codes and the opening half of each pair."""
    for p in pieces:
        if isinstance(p, Code) and p.role is not Role.CLOSE:
            yield p


def number(source: list[Piece], target: list[Piece]) -> None:
    """Give the codes ids: the source's in order, each target code the id of an equal one.

    A target code with no equal source code left gets a fresh id after the source's, so a CAT
    tool shows the markup the source and target share as the same tag.
    """
    free: dict[str, list[str]] = {}
    count = 0
    for code in units(source):
        count += 1
        code.id = str(count)
        free.setdefault(signature(code), []).append(code.id)
    for code in units(target):
        ids = free.get(signature(code))
        if ids:
            code.id = ids.pop(0)
        else:
            count += 1
            code.id = str(count)
    for pieces in (source, target):
        for p in pieces:
            if isinstance(p, Code) and p.role is Role.CLOSE and p.partner is not None:
                p.id = p.partner.id


def code_texts(pieces: Sequence[Piece]) -> Counter[str]:
    """How often each code text occurs (opening and closing halves counted apart)."""
    return Counter(p.text for p in pieces if isinstance(p, Code))


def has_illegal_xml(text: str) -> bool:
    return _XML_ILLEGAL_RE.search(text) is not None


def split_illegal(text: str) -> list[Piece]:
    """Plain text with only the characters XML cannot hold as codes (the raw-text export)."""
    if not has_illegal_xml(text):
        return [text] if text else []
    pieces: list[Piece] = []
    pos = 0
    for m in _XML_ILLEGAL_RE.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos : m.start()])
        pieces.append(Code(m.group(), Role.STANDALONE, "char"))
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces
