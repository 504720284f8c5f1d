"""Link checks: count, order and URL of links and images, and what happened to their text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reviewer.core.checks.analysis import Link, analyse, describe_diff, multiset_diff
from reviewer.core.checks.base import Level, register_document_check, register_pair_check
from reviewer.core.format import Document, Pair

LINK = "design-and-markup/link-cross-reference"
NONE: tuple[str, ...] = ()
_KIND_NAMES = {
    "link": "links",
    "image": "images",
    "ref": "reference links",
    "autolink": "autolinks",
    "html": "<a>/<img> links",
}
_TEXT_KINDS = ("link", "ref")


def _may_link(text: str) -> bool:
    return "](" in text or "][" in text or "<" in text or "://" in text


def _short(url: str, width: int = 70) -> str:
    url = "".join(url.split())
    return url if len(url) <= width else url[: width - 1] + "…"


@register_pair_check("link-count", Level.ERROR, LINK, "Link count differs")
def check_link_count(source: str, target: str) -> Iterable[str]:
    """The number of links or images differs: a link was lost, split or broken."""
    if not _may_link(source) and not _may_link(target):
        return NONE
    s, t = analyse(source).links, analyse(target).links
    if len(s) == len(t) or (len(t) > len(s) and _repaired(source, s, t)):
        return NONE
    out = [f"links: source {len(s)}, target {len(t)}"]
    for kind, name in _KIND_NAMES.items():
        sk = sum(1 for link in s if link.kind == kind)
        tk = sum(1 for link in t if link.kind == kind)
        if sk != tk and (sk, tk) != (len(s), len(t)):
            out[0] += f" ({name}: {sk} → {tk})"
    return out


def _repaired(source: str, s: Sequence[Link], t: Sequence[Link]) -> bool:
    """Every link the target has beyond the source's is one the source wrote with broken syntax
    ("[text]((url)"): its URL is in the source text more often than in the source's links."""
    _, added = multiset_diff([link.key for link in s], [link.key for link in t])
    for key in set(added):
        if not key or source.count(key) < added.count(key) + sum(1 for x in s if x.key == key):
            return False
    return True


@register_pair_check("link-url", Level.ERROR, LINK, "Link URL changed")
def check_link_url(source: str, target: str) -> Iterable[str]:
    """A link, image or bare URL points elsewhere than in the source (/en-us/ → /nl-nl/ is fine)."""
    if not _may_link(source) and not _may_link(target):
        return NONE
    sa, ta = analyse(source), analyse(target)
    s = [link.key for link in sa.links] + sa.urls
    t = [link.key for link in ta.links] + ta.urls
    missing, added = multiset_diff(s, t)
    if not missing and not added:
        return NONE
    if len(sa.links) != len(ta.links) and not (missing and added):
        return NONE  # a link lost or added outright is link-count's finding, not a changed URL
    return describe_diff("link URL", [_short(u) for u in missing], [_short(u) for u in added])


@register_pair_check("link-order", Level.WARNING, LINK, "Links reordered")
def check_link_order(source: str, target: str) -> Iterable[str]:
    """The same links appear in another order: check that each link text still fits its URL."""
    if source.count("](") + source.count("<a ") < 2:
        return NONE
    s = [link.key for link in analyse(source).links]
    t = [link.key for link in analyse(target).links]
    if len(s) < 2 or s == t or sorted(s) != sorted(t):
        return NONE
    return (f"link order changed: {', '.join(map(_short, s))} → {', '.join(map(_short, t))}",)


def _counterparts(source: str, target: str) -> list[tuple[Link, Link]]:
    """Target links paired with the source link of the same URL (first unused one)."""
    s_links = list(analyse(source).links)
    out: list[tuple[Link, Link]] = []
    for t_link in analyse(target).links:
        for i, s_link in enumerate(s_links):
            if s_link.kind == t_link.kind and s_link.key == t_link.key:
                out.append((s_link, t_link))
                del s_links[i]
                break
    return out


_HREF_VALUE_RE = re.compile(r"""href\s*=\s*["']?([^"'\s>]*)""", re.I)
_EMPTY_HTML_LINK_RE = re.compile(r"<a\s[^<>]*\bhref\s*=[^<>]*>\s*</a>", re.I)


@register_pair_check("empty-link-text", Level.ERROR, LINK, "Empty link text")
def check_empty_link_text(source: str, target: str) -> Iterable[str]:
    """A link lost its text ([](url), <a href=…></a>): it becomes invisible on the page."""
    out: list[str] = []
    if "[]" in target or "[ " in target:
        for s_link, t_link in _counterparts(source, target):
            if t_link.kind in _TEXT_KINDS and not t_link.text.strip() and s_link.text.strip():
                shown = "[][]" if t_link.kind == "ref" else f"[]({_short(t_link.url, 50)})"
                out.append(f"empty link text {shown}; source: [{s_link.text}]")
    if "</a>" in target or "</A>" in target:
        t_empty = _EMPTY_HTML_LINK_RE.findall(target)
        if len(t_empty) > len(_EMPTY_HTML_LINK_RE.findall(source)):
            href = _HREF_VALUE_RE.search(t_empty[0])
            url = _short(href.group(1), 50) if href else "…"
            out.append(f'empty link text <a href="{url}"></a>')
    return out


_EDGE_SPACE = " \t\u00a0"


@register_pair_check("link-text-spaces", Level.WARNING, LINK, "Spaces inside link brackets")
def check_link_text_spaces(source: str, target: str) -> Iterable[str]:
    """Link text gained a space inside its brackets ([ text](url)), which shows as an
    underlined space; an image's alt text is not shown, so its spaces do not matter."""
    if "[ " not in target and " ]" not in target:
        return NONE
    out: list[str] = []
    for s_link, t_link in _counterparts(source, target):
        text = t_link.text
        if not text or t_link.kind not in _TEXT_KINDS:
            continue
        s_text = s_link.text
        lead = text[0] in _EDGE_SPACE and not (s_text and s_text[0] in _EDGE_SPACE)
        trail = text[-1] in _EDGE_SPACE and not (s_text and s_text[-1] in _EDGE_SPACE)
        if lead or trail:
            out.append(f"space inside brackets: [{text}]")
    return out


_SENTENCE_PUNCT = ".,;:"
_ENTITY_END_RE = re.compile(r"&#?\w+;$")
# A link text that is a number alone ([1.], [2,5]) is a footnote or a value, not a sentence: a
# title that ends in a number ("[ISO 8601.]", "[Office 365.]") is checked like any other.
_NUMBER_RE = re.compile(r"[\d.,;:]+")


@register_pair_check(
    "link-text-punctuation", Level.WARNING, LINK, "Punctuation moved into link text"
)
def check_link_text_punctuation(source: str, target: str) -> Iterable[str]:
    """Link text ends with sentence punctuation the source link text lacks ([tekst,](url))."""
    if "](" not in target:
        return NONE
    out: list[str] = []
    for s_link, t_link in _counterparts(source, target):
        if t_link.kind != "link":
            continue
        text = t_link.text.rstrip()
        s_text = s_link.text.rstrip()
        if text and text[-1] in _SENTENCE_PUNCT and not (s_text and s_text[-1] == text[-1]):
            if text.endswith("...") or _NUMBER_RE.fullmatch(text) or _ENTITY_END_RE.search(text):
                continue
            out.append(f"link text [{text}] ends with {text[-1]!r}; source: [{s_text}]")
    return out


# A link reference definition, "[label]: url", at the start of a line outside the pairs.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\S", re.M)


def _label(link: Link) -> str:
    label = link.text if link.url == "ref:[]" else link.url[4:]
    return " ".join(label.lower().split())


@register_document_check("ref-link-undefined", Level.ERROR, LINK, "Reference link undefined")
def check_ref_link_undefined(documents: Sequence[Document]) -> Iterable[tuple[Document, Pair, str]]:
    """A reference link [text][] in the target has no [text]: url definition in the article."""
    for doc in documents:
        if "][" not in doc.text:
            continue
        defined: set[str] | None = None
        for pair in doc.pairs:
            if "][" not in pair.target:
                continue
            if defined is None:
                defined = {
                    " ".join(m.group(1).lower().split()) for m in _DEFINITION_RE.finditer(doc.text)
                }
            s_labels = {_label(link) for link in analyse(pair.source).links if link.kind == "ref"}
            for link in analyse(pair.target).links:
                if link.kind != "ref":
                    continue
                label = _label(link)
                if label in defined or not (s_labels & defined):
                    continue
                yield doc, pair, f"no definition [{label}]: url in the article for [{link.text}][]"
