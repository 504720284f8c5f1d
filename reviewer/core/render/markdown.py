"""The Markdown renderer: CommonMark plus tables, docfx extensions readable, raw HTML made safe."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from reviewer.core.render.sanitize import image_placeholder, link_kind, safe_html, safe_tag

ALERTS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
# The labels a reader's page shows above each alert, per language of the rendered side.
ALERT_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "NOTE": "Notitie",
        "TIP": "Tip",
        "IMPORTANT": "Belangrijk",
        "WARNING": "Waarschuwing",
        "CAUTION": "Let op",
    },
    "en": {
        "NOTE": "Note",
        "TIP": "Tip",
        "IMPORTANT": "Important",
        "WARNING": "Warning",
        "CAUTION": "Caution",
    },
}
# The callout colours of the docs site, as table background (QTextBrowser draws no borders on
# a blockquote, but it does fill a table cell).
ALERT_COLOURS = {
    "NOTE": "#e8f1fb",
    "TIP": "#e6f4ea",
    "IMPORTANT": "#f1e9fb",
    "WARNING": "#fdf3e1",
    "CAUTION": "#fbe9e9",
}

_DOCFX_RE = re.compile(r"\[!([A-Za-z][\w-]*)((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]")
_INCLUDE_PATH_RE = re.compile(r"\(([^()]*)\)")
_COLON_ATTR_RE = re.compile(r"([\w-]+)=\"([^\"]*)\"")


def _docfx_inline(state: StateInline, silent: bool) -> bool:
    """``[!NOTE]``, ``[!INCLUDE[…](…)]``, ``[!div …]`` as one token instead of a broken link."""
    src = state.src
    pos = state.pos
    if not src.startswith("[!", pos):
        return False
    m = _DOCFX_RE.match(src, pos)
    if m is None:
        return False
    if not silent:
        token = state.push("docfx_marker", "", 0)
        token.meta = {"name": m.group(1).upper(), "rest": m.group(2)}
        token.content = m.group()
    state.pos = m.end()
    return True


def _docfx_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A ``:::`` line (``:::image …:::``, ``::: moniker range=…``, ``:::row:::``)."""
    if state.is_code_block(start_line):
        return False
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith(":::", pos):
        return False
    if silent:
        return True
    token = state.push("docfx_block", "", 0)
    token.content = state.src[pos:maximum]
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def _alerts(state: Any) -> None:
    """Turn a blockquote that starts with ``[!NOTE]`` (or TIP, …) into a callout."""
    tokens: list[Token] = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "blockquote_open":
            continue
        if i + 2 >= len(tokens) or tokens[i + 1].type != "paragraph_open":
            continue
        inline = tokens[i + 2]
        children = inline.children or []
        first = next(
            (k for k, c in enumerate(children) if c.type != "text" or c.content.strip()), -1
        )
        if first < 0:
            continue
        marker = children[first]
        if marker.type != "docfx_marker" or marker.meta["name"] not in ALERTS:
            continue
        tok.meta = {"alert": marker.meta["name"]}
        rest = children[first + 1 :]
        while rest and (rest[0].type in ("softbreak", "hardbreak") or not _visible(rest[0])):
            rest = rest[1:]
        inline.children = [*children[:first], *rest]
        if not rest:
            tokens[i + 1].hidden = True
            tokens[i + 3].hidden = True


def _visible(tok: Token) -> bool:
    return tok.type != "text" or bool(tok.content.strip())


class _Rules:
    """Render rules, bound to the renderer; ``env["lang"]`` picks the alert labels ("nl")."""

    def docfx_marker(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        tok = tokens[idx]
        name, rest = tok.meta["name"], tok.meta["rest"]
        if name == "INCLUDE":
            path = _INCLUDE_PATH_RE.search(rest)
            shown = path.group(1).strip() if path else rest.strip()
            return f'<span class="ph ph-include">[Include: {html.escape(shown)}]</span>'
        if name in ALERTS:
            label = ALERT_LABELS[env.get("lang", "en")][name]
            return f'<span class="ph ph-docfx"><b>{html.escape(label)}</b></span>'
        return f'<span class="ph ph-docfx">{html.escape(tok.content)}</span>'

    def docfx_block(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        content = tokens[idx].content
        attrs = dict(_COLON_ATTR_RE.findall(content))
        kind = content.strip(": ").split(" ", 1)[0].split(":", 1)[0]
        if kind == "image":
            alt = attrs.get("alt-text", "")
            return "<p>" + image_placeholder(html.escape(alt), attrs.get("source", "")) + "</p>\n"
        return f'<p class="ph-block"><span class="ph ph-docfx">{html.escape(content)}</span></p>\n'

    def blockquote_open(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        alert = (tokens[idx].meta or {}).get("alert")
        if alert is None:
            return "<blockquote>\n"
        label = ALERT_LABELS[env.get("lang", "en")][alert]
        colour = ALERT_COLOURS[alert]
        return (
            f'<table class="callout callout-{alert.lower()}" width="100%" cellpadding="8" '
            f'cellspacing="0" bgcolor="{colour}"><tr><td>\n'
            f'<p class="callout-title"><b>{html.escape(label)}</b></p>\n'
        )

    def blockquote_close(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        # Find the opener this closes: the nearest blockquote_open at the same level.
        level = tokens[idx].level
        for k in range(idx - 1, -1, -1):
            tok = tokens[k]
            if tok.type == "blockquote_open" and tok.level == level:
                if (tok.meta or {}).get("alert"):
                    return "</td></tr></table>\n"
                break
        return "</blockquote>\n"

    def image(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        tok = tokens[idx]
        alt = html.escape(_plain(tok.children or []), quote=False)
        return image_placeholder(alt, str(tok.attrGet("src") or ""))

    def link_open(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        href = str(tokens[idx].attrGet("href") or "")
        kind = link_kind(href)
        if kind is None:
            return '<a class="link link-blocked">'
        return f'<a class="link {kind}" href="{html.escape(href, quote=True)}">'

    def html_inline(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return safe_tag(tokens[idx].content)

    def html_block(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return safe_html(tokens[idx].content)

    def table_open(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return '<table class="md-table" border="1" cellspacing="0" cellpadding="4">\n'


def _plain(children: Sequence[Token]) -> str:
    """The text of inline tokens, as an image's alt text is read."""
    out: list[str] = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.children:
            out.append(_plain(tok.children))
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def make_markdown() -> MarkdownIt:
    """CommonMark with tables and strikethrough, docfx rules and the safe render rules."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.inline.ruler.before("link", "docfx_marker", _docfx_inline)
    md.block.ruler.before(
        "fence", "docfx_block", _docfx_block, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    md.core.ruler.after("inline", "docfx_alerts", _alerts)
    for name in (
        "docfx_marker", "docfx_block", "blockquote_open", "blockquote_close", "image",
        "link_open", "html_inline", "html_block", "table_open",
    ):  # fmt: skip
        md.add_render_rule(name, getattr(_Rules, name))
    return md


MD = make_markdown()
