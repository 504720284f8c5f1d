"""Raw HTML in content made safe: known tags kept bare, everything else shown as text."""

from __future__ import annotations

import html
import re

# Tags a reader's page shows as formatting; they are re-emitted with only the attributes below.
_ALLOWED_TAGS_TEXT = (
    "a abbr b big blockquote br center cite code dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 hr "
    "i ins kbd li mark nobr ol p pre q s samp small span strike strong sub sup table tbody td "
    "tfoot th thead tr tt u ul var"
)
ALLOWED_TAGS = frozenset(_ALLOWED_TAGS_TEXT.split())
_ALLOWED_ATTRS: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align"}),
    "ol": frozenset({"start", "type"}),
}
VOID = frozenset({"br", "hr", "img", "wbr"})
# Link kinds, also the CSS class of the <a>: the view intercepts every click and decides.
LINK_EXTERNAL = "link-external"
LINK_MAIL = "link-mail"
LINK_RELATIVE = "link-relative"
LINK_ANCHOR = "link-anchor"
LINK_XREF = "link-xref"
_SAFE_SCHEMES = {"http": LINK_EXTERNAL, "https": LINK_EXTERNAL, "mailto": LINK_MAIL}
_SCHEME_RE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")

_MARKUP_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment, also one left open
    r"|<![^>]*>|<\?.*?(?:\?>|\Z)"  # declarations, processing instructions, CDATA
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'"
    r"|[^\s\"'=<>`]+))?)*)\s*(/?)>",
    re.S,
)
_ATTR_RE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def link_kind(href: str) -> str | None:
    """The kind of a link target, or None when it must not be followed at all.

    ``javascript:``, ``data:``, ``file:`` and any other scheme are refused.
    """
    href = _CONTROL_RE.sub("", html.unescape(href))
    if not href:
        return None
    if href.startswith("#"):
        return LINK_ANCHOR
    m = _SCHEME_RE.match(href)
    if m is None:
        return None if href.startswith("//") else LINK_RELATIVE
    scheme = m.group(1).lower()
    if scheme == "xref":
        return LINK_XREF
    return _SAFE_SCHEMES.get(scheme)


def attr_value(raw_attrs: str, name: str) -> str | None:
    """The unescaped value of attribute ``name`` in a tag's attribute text."""
    for m in _ATTR_RE.finditer(raw_attrs):
        if m.group(1).lower() == name:
            value = next((g for g in m.groups()[1:] if g is not None), "")
            return html.unescape(value)
    return None


def image_placeholder(alt_html: str, src: str) -> str:
    """What an image becomes: a marked placeholder naming it; nothing is ever loaded."""
    name = src.rsplit("/", 1)[-1] if src else ""
    label = alt_html.strip() or html.escape(name, quote=False) or "image"
    title = f' title="{html.escape(src, quote=True)}"' if src else ""
    return f'<span class="ph ph-image"{title}>[Image: {label}]</span>'


def safe_tag(raw: str) -> str:
    """One raw tag (or comment) as safe HTML: an allowed tag bare, a comment dropped, and any
    other tag, such as <script> or <value>, escaped so it reads as text."""
    m = _MARKUP_RE.fullmatch(raw.strip())
    if m is None:
        return html.escape(raw, quote=False)
    if m.group(2) is None:
        # Comments are hidden on the page; declarations and instructions show nothing either.
        return ""
    closing, name, attrs, self_closing = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
    if name == "img" and not closing:
        alt = attr_value(attrs, "alt") or ""
        return image_placeholder(html.escape(alt, quote=False), attr_value(attrs, "src") or "")
    if name not in ALLOWED_TAGS:
        return '<span class="ph ph-tag">' + html.escape(raw, quote=False) + "</span>"
    if closing:
        return "" if name in VOID else f"</{name}>"
    out = [f"<{name}"]
    allowed = _ALLOWED_ATTRS.get(name, frozenset())
    for am in _ATTR_RE.finditer(attrs):
        key = am.group(1).lower()
        if key not in allowed:
            continue
        value = html.unescape(next((g for g in am.groups()[1:] if g is not None), ""))
        if key == "href":
            kind = link_kind(value)
            if kind is None:
                continue
            out.append(f' class="link {kind}"')
        elif key in ("colspan", "rowspan", "start") and not value.isdigit():
            continue
        out.append(f' {key}="{html.escape(value, quote=True)}"')
    out.append(" />" if (self_closing or name in VOID) and name in VOID else ">")
    return "".join(out)


def safe_html(raw: str) -> str:
    """A raw HTML block as safe HTML: every tag through ``safe_tag``, text kept as text."""
    out: list[str] = []
    pos = 0
    for m in _MARKUP_RE.finditer(raw):
        if m.start() > pos:
            out.append(_safe_text(raw[pos : m.start()]))
        out.append(safe_tag(m.group()))
        pos = m.end()
    if pos < len(raw):
        out.append(_safe_text(raw[pos:]))
    return "".join(out)


def _safe_text(text: str) -> str:
    """Text of raw HTML: entities stay entities, a stray < > or & is escaped."""
    out: list[str] = []
    pos = 0
    for m in _ENTITY_RE.finditer(text):
        out.append(html.escape(text[pos : m.start()], quote=False))
        out.append(m.group())
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)
