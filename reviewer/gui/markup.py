"""Segment text as rich text: protected tokens coloured, long links collapsed, diffs marked."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

from reviewer.gui import theme
from reviewer.gui.visible_text import CR_MARK, LS_MARK, PS_MARK

# Inline HTML seen in real content; any other <word> is a placeholder to keep verbatim.
_HTML_TAGS = (
    "a|b|i|u|em|strong|code|sup|sub|br|p|span|div|dt|dd|dl|li|ul|ol|td|th|tr|table|"
    "center|img|kbd|pre|font|small|big|s|strike|hr|h[1-6]"
)

# Kinds, in priority order: earlier alternatives win where matches overlap.
_TOKEN_RE = re.compile(
    r"(?P<code>```.+?```|``.+?``|`[^`\n]+`)"
    r"|(?P<autolink><https?://[^>\s]+>)"
    r"|(?P<tag></?(?i:" + _HTML_TAGS + r")(?:\s[^<>]*)?/?>)"
    r"|(?P<placeholder><\*{0,2}[A-Za-z_][\w.\-]*\*{0,2}>)"
    r"|(?P<linkurl>\]\([^)\s]*(?:\s\"[^\"]*\")?\))"
    r"|(?P<url>https?://[^\s)<>\]]+)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,10}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>&'\"=])"
    r"|(?P<markup>\*\*|__|!\[|\[|\]|\*)"
    r"|(?P<newline>\n)"
)

CHIP_AT = 28  # links and tags longer than this collapse to a chip in the table
_SPECIAL = re.compile("[\u00a0\u2028\u2029\r]")


def esc(text: object) -> str:
    """Text made safe for Qt rich text (the one HTML-escape helper of the window)."""
    return html.escape(str(text), quote=False)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) for every protected token, in order and never overlapping."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind is None or kind == "newline":
            continue
        out.append((m.start(), m.end(), kind))
    return out


def _edges(text: str) -> tuple[int, int]:
    """Lengths of leading and trailing whitespace: significant in this format."""
    stripped = text.strip()
    if not stripped:
        return 0, 0
    return len(text) - len(text.lstrip()), len(text) - len(text.rstrip())


def _escape_run(text: str) -> str:
    """Escaped text whose line breaks show, and whose invisible characters get a visible mark."""
    out = esc(text)
    if _SPECIAL.search(out):
        special = theme.markup_css("special")
        out = (
            out.replace("\r\n", f'<span style="{special}">{CR_MARK}</span>\n')
            .replace("\r", f'<span style="{special}">{CR_MARK}</span>')
            .replace("\u2028", f'<span style="{special}">{LS_MARK}</span>')
            .replace("\u2029", f'<span style="{special}">{PS_MARK}</span>')
            .replace("\u00a0", f'<span style="{special}">\u00a0</span>')
        )
    return out.replace("\n", "↵<br>")


def chip_text(kind: str, token: str) -> str:
    """The short form of a long link or tag: its host or last path part, or the bare tag name."""
    if kind == "tag":
        name = re.match(r"</?\s*([A-Za-z0-9]+)", token)
        return f"<{name.group(1) if name else ''}…>"
    url = token
    if kind == "linkurl":
        url = token[2:-1].split(' "', 1)[0]
    elif kind == "autolink":
        url = token[1:-1]
    parts = urlsplit(url)
    if parts.netloc:
        short = parts.netloc + ("/…" if parts.path.strip("/") or parts.query else "")
    else:
        tail = [p for p in parts.path.split("/") if p]
        short = ("…/" if len(tail) > 1 else "") + (tail[-1] if tail else url)
        short = short[:CHIP_AT] + ("…" if len(short) > CHIP_AT else "")
    return f"({short})" if kind == "linkurl" else short


@lru_cache(maxsize=4096)
def to_html(text: str, chips: bool = False) -> str:
    """Rich text for a QTextDocument: tokens coloured, edge whitespace and newlines visible.

    With ``chips`` (the table) a long link or tag shows as a short chip; the editor and the
    tooltip have it whole.
    """
    lead, trail = _edges(text)
    pieces: list[str] = []
    if lead:
        pieces.append(f'<span style="{theme.markup_css("edge")}">{_visible_ws(text[:lead])}</span>')
    body_end = len(text) - trail
    body = text[lead:body_end]
    pos = 0
    for start, end, kind in tokenize(body):
        if start > pos:
            pieces.append(_escape_run(body[pos:start]))
        token = body[start:end]
        if chips and kind in ("tag", "linkurl", "url", "autolink") and len(token) > CHIP_AT:
            pieces.append(
                f'<span style="{theme.markup_css("chip")}">{esc(chip_text(kind, token))}</span>'
            )
        else:
            pieces.append(f'<span style="{theme.markup_css(kind)}">{_escape_run(token)}</span>')
        pos = end
    if pos < len(body):
        pieces.append(_escape_run(body[pos:]))
    if trail:
        pieces.append(
            f'<span style="{theme.markup_css("edge")}">{_visible_ws(text[body_end:])}</span>'
        )
    return "".join(pieces)


def has_chips(text: str) -> bool:
    """True when the table shows part of ``text`` collapsed (so its tooltip shows it whole)."""
    return any(
        kind in ("tag", "linkurl", "url", "autolink") and end - start > CHIP_AT
        for start, end, kind in tokenize(text)
    )


def _visible_ws(ws: str) -> str:
    return (
        ws.replace(" ", "·")
        .replace("\u00a0", "°")
        .replace("\t", "→")
        .replace("\r", CR_MARK)
        .replace("\n", "↵<br>")
    )


def diff_html(old: str, new: str) -> str:
    """The original MT with deletions struck in red and insertions underlined in green,
    compared on words and whole markup tokens (one changed word in a link marks that word)."""
    removed = (
        f"background-color:{theme.DIFF_REMOVED_BG};color:{theme.DIFF_REMOVED_FG};"
        "text-decoration:line-through;"
    )
    added = f"background-color:{theme.DIFF_ADDED_BG};color:{theme.DIFF_ADDED_FG};"
    # Here, not at the top: no diff is shown before the window's first paint (~4 ms of import).
    from reviewer.core.markup.diff import token_diff

    parts: list[str] = []
    for op, text in token_diff(old, new):
        escaped = _escape_run(text)
        if op == "equal":
            parts.append(escaped)
        else:
            parts.append(f'<span style="{removed if op == "delete" else added}">{escaped}</span>')
    return "".join(parts)
