"""A small pure tokenizer that marks what a reviewer must keep intact in a segment."""

from __future__ import annotations

import html
import re
from functools import lru_cache

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

KINDS = ("code", "autolink", "tag", "placeholder", "linkurl", "url", "entity", "escape", "markup")

# Colours tuned for a white table background; each kind stays legible and distinct.
STYLES: dict[str, str] = {
    "code": "color:#8a3b00;background-color:#f4efe6;font-family:monospace;",
    "autolink": "color:#0b5cad;",
    "url": "color:#0b5cad;",
    "linkurl": "color:#0b5cad;",
    "tag": "color:#8e24aa;",
    "placeholder": "color:#c62828;font-weight:600;",
    "entity": "color:#00796b;font-weight:600;",
    "escape": "color:#6d6d6d;",
    "markup": "color:#e65100;font-weight:600;",
    "edge": "background-color:#ffe0b2;",
}


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
    return html.escape(text, quote=False).replace("\n", "↵<br>")


@lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    """Rich text for a QTextDocument: tokens coloured, edge whitespace and newlines visible."""
    lead, trail = _edges(text)
    pieces: list[str] = []
    if lead:
        pieces.append(f'<span style="{STYLES["edge"]}">{_visible_ws(text[:lead])}</span>')
    body_end = len(text) - trail
    body = text[lead:body_end]
    pos = 0
    for start, end, kind in tokenize(body):
        if start > pos:
            pieces.append(_escape_run(body[pos:start]))
        pieces.append(f'<span style="{STYLES[kind]}">{_escape_run(body[start:end])}</span>')
        pos = end
    if pos < len(body):
        pieces.append(_escape_run(body[pos:]))
    if trail:
        pieces.append(f'<span style="{STYLES["edge"]}">{_visible_ws(text[body_end:])}</span>')
    return "".join(pieces)


def _visible_ws(ws: str) -> str:
    return ws.replace(" ", "·").replace("\t", "→").replace("\n", "↵<br>")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff as (op, text) runs, op in {"equal", "delete", "insert"}."""
    import difflib

    a = re.findall(r"\s+|[^\s]+", old)
    b = re.findall(r"\s+|[^\s]+", new)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("insert", "".join(b[j1:j2])))
    return out


def diff_html(old: str, new: str) -> str:
    """The original MT with deletions struck in red and insertions underlined in green."""
    parts: list[str] = []
    for op, text in word_diff(old, new):
        escaped = _escape_run(text)
        if op == "equal":
            parts.append(escaped)
        elif op == "delete":
            parts.append(
                '<span style="background-color:#ffd7d5;color:#86181d;'
                f'text-decoration:line-through;">{escaped}</span>'
            )
        else:
            parts.append(f'<span style="background-color:#ccffd8;color:#165c26;">{escaped}</span>')
    return "".join(parts)
