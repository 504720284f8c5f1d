"""A lossless tokeniser: a segment as words, spaces and the Markdown/HTML tokens it must keep."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks.analysis import normalize_url

# Text kinds: together with the markup kinds they cover every character, in order.
WORD = "word"
SPACE = "space"
NEWLINE = "newline"
PUNCT = "punct"
# Markup kinds.
BOLD = "bold"  # ** or __
ITALIC = "italic"  # * or _ used as a delimiter
CODE = "code"  # a whole code span, backticks included
LINK_OPEN = "link_open"  # the [ of a link
IMAGE_OPEN = "image_open"  # the ![ of an image
LINK_CLOSE = "link_close"  # ](url "title") of a link or image
REF_CLOSE = "ref_close"  # ][label] or ][] of a reference link
TAG = "tag"  # an HTML tag: <b>, </b>, <br/>, <a href="…">
PLACEHOLDER = "placeholder"  # a pseudo-tag that stands for a value: <value>, <**tenant**>
ENTITY = "entity"  # &amp; &#39; &nbsp;
ESCAPE = "escape"  # \> \* \_
AUTOLINK = "autolink"  # <https://…>, <xref:…>
URL = "url"  # a bare https://… address
DOCFX = "docfx"  # [!NOTE], [!INCLUDE[…](…)], :::image …:::
COMMENT = "comment"  # <!-- … -->

TEXT_KINDS = frozenset({WORD, SPACE, NEWLINE, PUNCT})
MARKUP_KINDS = frozenset(
    {
        BOLD, ITALIC, CODE, LINK_OPEN, IMAGE_OPEN, LINK_CLOSE, REF_CLOSE, TAG, PLACEHOLDER,
        ENTITY, ESCAPE, AUTOLINK, URL, DOCFX, COMMENT,
    }
)  # fmt: skip

# Inline HTML seen in real content; any other <word> is a placeholder such as <value>.
_HTML_NAMES_TEXT = (
    "a abbr b big blockquote br center cite code col colgroup dd del details div dl dt em "
    "font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark nobr ol p pre q s samp script "
    "small span strike strong style sub summary sup table tbody td tfoot th thead tr tt u ul "
    "var video wbr"
)
HTML_NAMES = frozenset(_HTML_NAMES_TEXT.split())
VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "col"})


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of a segment; ``text`` is exactly ``source[start:end]``."""

    kind: str
    start: int
    end: int
    text: str
    # What a counterpart in the other language must share: the URL of a link's close, the
    # content of code, the tag name; "" where any counterpart of the kind will do (bold).
    key: str = ""
    partner: int = -1  # index of the other half (bold, italic, link, paired tag); -1 if none
    # Offsets (absolute) of an interior that may be edited character by character: the
    # content of code, the URL of a link. Outside it the token is removed or kept whole.
    inner: tuple[int, int] | None = None

    @property
    def is_markup(self) -> bool:
        return self.kind in MARKUP_KINDS


_WORD_RE = re.compile(r"[^\W_]+")
_SPACE_RE = re.compile(r"[^\S\n]+")
_ESCAPE_RE = re.compile(r"\\[!-/:-@\[-`{-~]")
_CODE_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_BACKTICKS_RE = re.compile(r"`+")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto|xref):[^<>\s]*>", re.I)
_DOCFX_BRACKET_RE = re.compile(r"\[!([A-Za-z][\w-]*)((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]", re.ASCII)
_DOCFX_COLON_RE = re.compile(r":::[^\n]*?(?::::|(?=\n)|\Z)")
_LINK_TEXT = r"(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*"
_LINK_DEST = r"<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*"
_LINK_RE = re.compile(
    r"(!?)\[(" + _LINK_TEXT + r")\]"
    r"(?:\((\s*(" + _LINK_DEST + r")(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*)\)"
    r"|\[([^\[\]]*)\])"
)
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_STARRED_PLACEHOLDER_RE = re.compile(r"<[*_]{1,2}[A-Za-z][^<>\n]{0,60}?[*_]{1,2}>")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_URL_RE = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?*]", re.I)
_EMPHASIS_RE = re.compile(r"\*+|_+")
_HREF_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SPECIAL = frozenset("\\`<[!:&*_hHfF\n")


@dataclass(slots=True)
class _Draft:
    kind: str
    start: int
    end: int
    key: str
    inner: tuple[int, int] | None
    partner: int = -1


def _flank(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before, after


class _Scanner:
    """Left-to-right scan; link text is scanned recursively so its words stay separate."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[_Draft] = []

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        key: str = "",
        inner: tuple[int, int] | None = None,
    ) -> int:
        self.out.append(_Draft(kind, start, end, key, inner))
        return len(self.out) - 1

    def scan(self, pos: int, stop: int) -> None:
        text = self.text
        while pos < stop:
            ch = text[pos]
            if ch not in _SPECIAL:
                m = _WORD_RE.match(text, pos, stop)
                if m is not None:
                    self.add(WORD, pos, m.end())
                    pos = m.end()
                    continue
                m = _SPACE_RE.match(text, pos, stop)
                if m is not None:
                    self.add(SPACE, pos, m.end())
                    pos = m.end()
                    continue
                self.add(PUNCT, pos, pos + 1)
                pos += 1
                continue
            pos = self.special(pos, stop)

    def special(self, pos: int, stop: int) -> int:
        text = self.text
        ch = text[pos]
        if ch == "\n":
            self.add(NEWLINE, pos, pos + 1)
            return pos + 1
        if ch == "\\":
            m = _ESCAPE_RE.match(text, pos, stop)
            if m is not None:
                self.add(ESCAPE, pos, m.end(), m.group())
                return m.end()
        elif ch == "`":
            m = _CODE_RE.match(text, pos, stop)
            if m is not None:
                ticks = len(m.group(1))
                content = m.group(2)
                if len(content) > 2 and content[0] == " " and content[-1] == " ":
                    content = content[1:-1]
                self.add(CODE, pos, m.end(), content, (pos + ticks, m.end() - ticks))
                return m.end()
            m = _BACKTICKS_RE.match(text, pos, stop)
            assert m is not None
            self.add(PUNCT, pos, m.end())
            return m.end()
        elif ch == "<":
            return self.angle(pos, stop)
        elif ch == "[" or (ch == "!" and text.startswith("[", pos + 1)):
            end = self.bracket(pos, stop)
            if end > pos:
                return end
        elif ch == ":":
            if text.startswith(":::", pos):
                m = _DOCFX_COLON_RE.match(text, pos, stop)
                if m is not None:
                    self.add(DOCFX, pos, m.end(), " ".join(m.group().split()))
                    return m.end()
        elif ch == "&":
            m = _ENTITY_RE.match(text, pos, stop)
            if m is not None:
                self.add(ENTITY, pos, m.end(), m.group())
                return m.end()
        elif ch in "*_":
            return self.emphasis(pos, stop)
        elif ch in "hHfF" and (pos == 0 or not text[pos - 1].isalnum()):
            m = _URL_RE.match(text, pos, stop)
            if m is not None:
                self.add(URL, pos, m.end(), m.group())
                return m.end()
        # Not markup after all: a word, a space or one punctuation character.
        m = _WORD_RE.match(text, pos, stop)
        if m is not None:
            self.add(WORD, pos, m.end())
            return m.end()
        self.add(PUNCT, pos, pos + 1)
        return pos + 1

    def angle(self, pos: int, stop: int) -> int:
        text = self.text
        for regex, kind in ((_COMMENT_RE, COMMENT), (_AUTOLINK_RE, AUTOLINK)):
            m = regex.match(text, pos, stop)
            if m is not None:
                if kind == AUTOLINK:
                    self.add(kind, pos, m.end(), m.group()[1:-1], (pos + 1, m.end() - 1))
                else:
                    self.add(kind, pos, m.end(), "", (pos + 4, m.end() - 3))
                return m.end()
        m = _TAG_RE.match(text, pos, stop)
        if m is not None:
            name = m.group(1).lower()
            if name in HTML_NAMES:
                self.add(TAG, pos, m.end(), _tag_key(m.group(), name))
            else:
                self.add(PLACEHOLDER, pos, m.end(), m.group())
            return m.end()
        m = _STARRED_PLACEHOLDER_RE.match(text, pos, stop)
        if m is not None:
            self.add(PLACEHOLDER, pos, m.end(), m.group())
            return m.end()
        self.add(PUNCT, pos, pos + 1)
        return pos + 1

    def bracket(self, pos: int, stop: int) -> int:
        """A docfx marker or a link starting at ``pos``; returns ``pos`` when neither matches."""
        text = self.text
        if text.startswith("[!", pos):
            m = _DOCFX_BRACKET_RE.match(text, pos, stop)
            if m is not None:
                self.add(DOCFX, pos, m.end(), _docfx_key(m))
                return m.end()
        m = _LINK_RE.match(text, pos, stop)
        if m is None:
            return pos
        image = bool(m.group(1))
        opener = self.add(IMAGE_OPEN if image else LINK_OPEN, pos, m.start(2))
        self.scan(m.start(2), m.end(2))
        close_start = m.end(2)
        if m.group(3) is not None:
            key = normalize_url(m.group(4))
            closer = self.add(LINK_CLOSE, close_start, m.end(), key, (close_start + 2, m.end() - 1))
        else:
            label = m.group(5)
            key = " ".join(label.lower().split()) if label.strip() else ""
            closer = self.add(REF_CLOSE, close_start, m.end(), key)
        self.out[opener].partner = closer
        self.out[closer].partner = opener
        self.out[opener].key = key
        return m.end()

    def emphasis(self, pos: int, stop: int) -> int:
        text = self.text
        m = _EMPHASIS_RE.match(text, pos, stop)
        assert m is not None
        end = m.end()
        before, after = _flank(text, pos, end)
        literal = (before.isspace() and after.isspace()) or (
            text[pos] == "_" and before.isalnum() and after.isalnum()
        )
        if literal:
            self.add(PUNCT, pos, end)
            return end
        n = end - pos
        opening = not after.isspace() and (before.isspace() or not before.isalnum())
        pieces = [2] * (n // 2)
        if n % 2:
            # ***x***: the single delimiter is the outer one (CommonMark rule of 3).
            pieces = [1, *pieces] if opening else [*pieces, 1]
        at = pos
        for size in pieces:
            self.add(BOLD if size == 2 else ITALIC, at, at + size)
            at += size
        return end


def _tag_key(tag: str, name: str) -> str:
    closing = tag.startswith("</")
    if name == "br":
        return "<br>"  # <br>, <br/>, <br /> and </br> all make one line break
    href = _HREF_RE.search(tag)
    url = ""
    if href is not None and not closing:
        url = " " + normalize_url(next(g for g in href.groups() if g is not None))
    return f"<{'/' if closing else ''}{name}{url}>"


def _docfx_key(m: re.Match[str]) -> str:
    name = m.group(1).upper()
    return f"[!{name}{' '.join(m.group(2).split())}]"


def _pair_up(tokens: list[_Draft], text: str) -> None:
    """Link each bold, italic and HTML tag with its other half, in order of appearance."""
    open_emphasis: dict[str, int] = {}
    open_tags: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok.kind in (BOLD, ITALIC):
            j = open_emphasis.pop(tok.kind, -1)
            if j < 0:
                open_emphasis[tok.kind] = i
            else:
                tokens[j].partner = i
                tok.partner = j
        elif tok.kind == TAG:
            name = tok.key.strip("</>").split(" ")[0]
            if name in VOID_TAGS or text.startswith("/>", tok.end - 2):
                continue
            if text.startswith("</", tok.start):
                stack = open_tags.get(name)
                if stack:
                    j = stack.pop()
                    tokens[j].partner = i
                    tok.partner = j
            else:
                open_tags.setdefault(name, []).append(i)


@lru_cache(maxsize=1024)
def _tokenize(text: str) -> tuple[Token, ...]:
    scanner = _Scanner(text)
    scanner.scan(0, len(text))
    drafts = scanner.out
    _pair_up(drafts, text)
    return tuple(
        Token(d.kind, d.start, d.end, text[d.start : d.end], d.key, d.partner, d.inner)
        for d in drafts
    )


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` in order; their texts joined give ``text`` back exactly."""
    return list(_tokenize(text))


def markup_tokens(text: str) -> list[Token]:
    """Only the markup tokens of ``text``, in order."""
    return [t for t in _tokenize(text) if t.kind in MARKUP_KINDS]


def token_at(tokens: list[Token], offset: int) -> int:
    """Index of the token holding the character at ``offset``, or -1 past the end."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(tokens) and tokens[lo].start <= offset else -1
