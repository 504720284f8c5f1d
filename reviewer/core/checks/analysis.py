"""One shared, cached Markdown-aware scan of a segment that every pair check reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks.lexicon import word_set as word_set

# Placeholder characters from the Unicode private use area stand in for masked spans, so that
# later scans never see markup inside code, URLs or tags, and offsets of the rest stay readable.
CODE = "\ue000"
DOCFX = "\ue002"
URL = "\ue003"
TAG = "\ue004"
PLACEHOLDER = "\ue005"
ENTITY = "\ue006"
LINK_OPEN = "\ue007"  # the [ of a link or image
LINK_CLOSE = "\ue008\ue003"  # the ](url) of a link or image
ESCAPED_GT = "\ue13e"  # \> and &gt;, the separator of menu paths
_ESCAPE_BASE = 0xE100  # an escaped ASCII punctuation char c becomes chr(_ESCAPE_BASE + ord(c))
MASKS = CODE + DOCFX + URL + TAG + PLACEHOLDER + ENTITY + LINK_OPEN + LINK_CLOSE


# Backslash escapes and code spans in one left-to-right scan: an escaped backtick opens no code
# span, and backslashes inside code are literal (CommonMark 6.1).
_ESCAPE_OR_CODE_RE = re.compile(r"\\([!-/:-@\[-`{-~])|(?<!`)(`+)(?!`)(.+?)(?<!`)\2(?!`)", re.S)
_DOCFX_RE = re.compile(
    r"\[!([A-Za-z][\w-]*)((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]|:::[ \t]*([\w-]*)", re.ASCII
)
_INCLUDE_PATH_RE = re.compile(r"\(([^()]*)\)")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto|xref):[^<>\s]*)>", re.I)
_LINK_TEXT = r"(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*"
_LINK_DEST = r"<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*"
_LINK_RE = re.compile(
    r"(!?)\[(" + _LINK_TEXT + r")\]"
    r"(?:\(\s*(" + _LINK_DEST + r")(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|\[([^\[\]]*)\])"
)
# [text][label] that is code, not a reference link: a quoted key (?['responder']['name']) or a
# regex character class ([４][０-９], [a-f][0-9]); no article defines such a label.
_QUOTED_KEY_RE = re.compile(r"""\s*['"‘’“”]""")
_CHAR_RANGE_RE = re.compile(r"\^?(?:\\?[^\]\\]-\\?[^\]\\])+")


def _code_subscript(text: str, label: str) -> bool:
    if _QUOTED_KEY_RE.match(text) or _QUOTED_KEY_RE.match(label):
        return True
    return _CHAR_RANGE_RE.fullmatch(label) is not None


_HTML_NAMES = word_set(
    "a abbr b big blockquote br center cite code col colgroup dd del details div dl dt em "
    "font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark nobr ol p pre q s samp small "
    "span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var "
    "video wbr"
)
# Everything from the name to ">" in one possessive run (a lazy run before \s* was quadratic on
# "<a" and spaces); _tag splits off a "/" right before ">" itself.
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*+)(\s[^<>]*+|/|)>")
_HREF_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# A pseudo-tag such as <value>, <UserPrincipalName>, <**tenantname**> or \<MX token\>.
_PLACEHOLDER_RE = re.compile("(?:<|\ue13c)([A-Za-z*_][^<>\\n\ue13c\ue13e]{0,60}?)(?:>|\ue13e)")
_BARE_URL_RE = re.compile(
    r"\b(?:https?|ftp)://[^\s<>()\[\]\"'`\ue000-\ue1ff]*[^\s<>()\[\]\"'`.,;:!?*\ue000-\ue1ff]"
)
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_LOCALE_RE = re.compile(r"/[a-z]{2}-[a-z]{2,4}/", re.I)
_STARS_RE = re.compile(r"\*+")
_BOLD_RUN_RE = re.compile(r"\*\*+|__+")
_UNDERSCORES_RE = re.compile(r"_+")
_WS = " \t\n\r\u00a0\u202f"


@dataclass(frozen=True, slots=True)
class Link:
    """A link-like element: kind is link, image, ref, autolink or html (an <a href>)."""

    kind: str
    text: str
    url: str

    @property
    def key(self) -> str:
        """The URL as compared between source and target: locale folder and spacing ignored."""
        return normalize_url(self.url)


def normalize_url(url: str) -> str:
    """Compare URLs without their surrounding spaces and with /en-us/ and /nl-nl/ made equal."""
    url = "".join(url.split())
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    if "/" in url and "-" in url:
        url = _LOCALE_RE.sub("/xx-xx/", url, count=1)
    return url


class Text:
    """The Markdown-aware scan of one source or target, computed once per string."""

    __slots__ = (
        "_bold_spans",
        "bold",
        "codes",
        "docfx",
        "entities",
        "escapes",
        "italic",
        "links",
        "masked",
        "placeholders",
        "raw",
        "tags",
        "urls",
    )

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.codes: list[str] = []
        self.escapes: list[str] = []
        self.docfx: list[str] = []
        self.links: list[Link] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.placeholders: list[str] = []
        self.entities: list[str] = []
        text = raw
        if "`" in text or "\\" in text:
            text = _ESCAPE_OR_CODE_RE.sub(self._escape_or_code, text)
        if "[!" in text or ":::" in text:
            text = _DOCFX_RE.sub(self._docfx, text)
        if "<" in text and ":" in text:
            text = _AUTOLINK_RE.sub(self._autolink, text)
        if "](" in text or "][" in text:
            text = _LINK_RE.sub(self._link, text)
        if "<" in text or "\ue13c" in text:
            text = _TAG_RE.sub(self._tag, text)
            text = _PLACEHOLDER_RE.sub(self._placeholder, text)
        if "://" in text:
            text = _BARE_URL_RE.sub(self._bare_url, text)
        if "&" in text:
            text = _ENTITY_RE.sub(self._entity, text)
        self.masked = text
        self.bold = 0
        self.italic = 0
        self._bold_spans: list[tuple[int, int]] | None = None
        if "*" in text:
            self._count_emphasis(_STARS_RE, text, intraword=True)
        if "_" in text:
            self._count_emphasis(_UNDERSCORES_RE, text, intraword=False)

    def bold_spans(self) -> list[tuple[int, int]]:
        """Inner (start, end) offsets in ``masked`` of each bold span, markers paired in order."""
        if self._bold_spans is None:
            masked = self.masked
            spans: list[tuple[int, int]] = []
            if self.bold:
                opened: dict[str, int] = {}
                end = len(masked)
                for m in _BOLD_RUN_RE.finditer(masked):
                    start, stop = m.span()
                    before = masked[start - 1] if start else " "
                    after = masked[stop] if stop < end else " "
                    if before in _WS and after in _WS:
                        continue
                    kind = m.group()[0]
                    if kind in opened:
                        spans.append((opened.pop(kind), start))
                    else:
                        opened[kind] = stop
            self._bold_spans = spans
        return self._bold_spans

    def bold_texts(self) -> list[str]:
        """The text inside each bold span, masked."""
        masked = self.masked
        return [masked[a:b] for a, b in self.bold_spans()]

    # -- masking callbacks ---------------------------------------------------------------
    def _escape_or_code(self, m: re.Match[str]) -> str:
        escaped = m.group(1)
        if escaped is not None:
            self.escapes.append(escaped)
            return chr(_ESCAPE_BASE + ord(escaped))
        content = m.group(3)
        # CommonMark strips one space on each side of code content that has both.
        if len(content) > 2 and content[0] == " " and content[-1] == " " and content.strip():
            content = content[1:-1]
        self.codes.append(content.replace("\n", " "))
        return CODE

    def _docfx(self, m: re.Match[str]) -> str:
        name = m.group(1)
        if name is None:
            self.docfx.append(":::" + (m.group(3) or ""))
            return DOCFX
        name = name.upper()
        rest = m.group(2)
        if name == "INCLUDE":
            path = _INCLUDE_PATH_RE.search(rest)
            rest = path.group(1).strip() if path else rest.strip()
        elif name in ("NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"):
            rest = ""
        else:
            rest = " ".join(rest.split())
        self.docfx.append(f"[!{name}{' ' + rest if rest else ''}]")
        return DOCFX

    def _autolink(self, m: re.Match[str]) -> str:
        self.links.append(Link("autolink", "", m.group(1)))
        return URL

    def _link(self, m: re.Match[str]) -> str:
        image, text, dest, ref = m.group(1), m.group(2), m.group(3), m.group(4)
        if dest is None:
            if text.startswith("!") or _code_subscript(text, ref):
                return m.group()
            # A collapsed reference [text][] uses its own text as label, and the article's
            # definitions are translated with it, so only an explicit [text][label] is compared.
            url = "ref:" + " ".join(ref.lower().split()) if ref and ref.strip() else "ref:[]"
            kind = "ref"
        else:
            url = dest
            kind = "image" if image else "link"
        self.links.append(Link(kind, text, url))
        if "](" in text or "][" in text:
            # An image inside link text: [![alt](img.png)](target)
            text = _LINK_RE.sub(self._link, text)
        return f"{image}{LINK_OPEN}{text}{LINK_CLOSE}"

    def _tag(self, m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name not in _HTML_NAMES:
            return m.group()
        closing, rest = m.group(1), m.group(3)
        self_closing = "/" if rest.endswith("/") else ""  # "/" right before ">"
        attrs = rest.removesuffix("/")
        if name == "br":
            self.tags.append("<br>")  # <br>, <br/>, <br /> and </br> all render one break
        else:
            self.tags.append(f"<{closing}{name}{self_closing}>")
        if attrs and ("href" in attrs or "src" in attrs):
            href = _HREF_RE.search(attrs)
            if href is not None:
                url = href.group(1) if href.group(1) is not None else href.group(2)
                self.links.append(Link("html", "", url))
        return TAG

    def _placeholder(self, m: re.Match[str]) -> str:
        content = m.group(1)
        if content.endswith((" ", "\t")) or content.startswith(("http", "mailto")):
            return m.group()
        self.placeholders.append(unmask(m.group()))
        return PLACEHOLDER

    def _bare_url(self, m: re.Match[str]) -> str:
        self.urls.append(m.group())
        return URL

    def _entity(self, m: re.Match[str]) -> str:
        entity = m.group()
        self.entities.append(entity)
        return ESCAPED_GT if entity == "&gt;" else ENTITY

    def _count_emphasis(self, pattern: re.Pattern[str], text: str, intraword: bool) -> None:
        """Count emphasis delimiter runs; runs between spaces (5 * 3) render as literal text."""
        end = len(text)
        for m in pattern.finditer(text):
            start, stop = m.span()
            before = text[start - 1] if start else " "
            after = text[stop] if stop < end else " "
            if before in _WS and after in _WS:
                continue
            if not intraword and before.isalnum() and after.isalnum():
                continue  # snake_case: intraword underscores emphasise nothing
            n = stop - start
            self.bold += n // 2
            self.italic += n % 2


def escaped(char: str) -> str:
    """The placeholder that stands for ``\\char`` in ``Text.masked``."""
    return chr(_ESCAPE_BASE + ord(char))


def unmask(text: str) -> str:
    """Turn escape placeholders back into their backslash escapes, for messages."""
    if not any("\ue100" <= c <= "\ue17f" for c in text):
        return text
    return "".join(
        "\\" + chr(ord(c) - _ESCAPE_BASE) if "\ue100" <= c <= "\ue17f" else c for c in text
    )


@lru_cache(maxsize=512)
def analyse(text: str) -> Text:
    """The shared scan of ``text``; cached so every check of a pair reuses the same object."""
    return Text(text)


def multiset_diff(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Items of ``source`` missing from ``target`` and extra items of ``target``, in order."""
    if source == target:
        return [], []
    pool: dict[str, int] = {}
    for item in target:
        pool[item] = pool.get(item, 0) + 1
    missing: list[str] = []
    for item in source:
        if pool.get(item, 0) > 0:
            pool[item] -= 1
        else:
            missing.append(item)
    added: list[str] = []
    for item in target:
        if pool.get(item, 0) > 0:
            pool[item] -= 1
            added.append(item)
    return missing, added


def describe_diff(what: str, missing: list[str], added: list[str], fmt: str = "{}") -> list[str]:
    """Messages naming the difference: one "changed: a → b" when one item was swapped."""
    show = fmt.format
    if len(missing) == 1 and len(added) == 1:
        return [f"{what} changed: {show(missing[0])} → {show(added[0])}"]
    out: list[str] = []
    if missing:
        out.append(f"{what} missing in target: {', '.join(show(m) for m in missing)}")
    if added:
        out.append(f"{what} added in target: {', '.join(show(a) for a in added)}")
    return out


_READABLE = str.maketrans(
    {
        CODE: "`…`",
        LINK_OPEN: "[",
        LINK_CLOSE[0]: "](",
        LINK_CLOSE[1]: "…)",
        TAG: "<…>",
        ESCAPED_GT: "\\>",
    }
)


def readable(masked: str) -> str:
    """A masked span shown in a message: placeholders become `…`, [ ](…) and <…>."""
    return masked.translate(_READABLE)
