"""Markup checks: bold, italic, inline code, escapes, entities, HTML tags, placeholders, docfx."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import (
    CODE,
    ESCAPED_GT,
    LINK_CLOSE,
    LINK_OPEN,
    TAG,
    analyse,
    describe_diff,
    escaped,
    multiset_diff,
    readable,
    word_set,
)
from reviewer.core.checks.base import Level, register_pair_check

MARKUP = "design-and-markup/markup-tag"
LAYOUT = "design-and-markup/layout"
NONE: tuple[str, ...] = ()


@register_pair_check("bold", Level.ERROR, MARKUP, "Bold markers differ")
def check_bold(source: str, target: str) -> Iterable[str]:
    """Bold markers (** or __) differ in number: bold was lost, added or left unbalanced."""
    if "**" not in source and "**" not in target and "__" not in source and "__" not in target:
        return NONE
    s, t = analyse(source).bold, analyse(target).bold
    if s == t:
        return NONE
    note = " (unbalanced: a literal ** shows on the page)" if t % 2 else ""
    return (f"bold markers: source {s}, target {t}{note}",)


@register_pair_check("italic", Level.WARNING, MARKUP, "Italic markers differ")
def check_italic(source: str, target: str) -> Iterable[str]:
    """Italic markers (single * or _) differ in number."""
    if "*" not in source and "*" not in target and "_" not in source and "_" not in target:
        return NONE
    s, t = analyse(source).italic, analyse(target).italic
    if s == t:
        return NONE
    return (f"italic markers: source {s}, target {t}",)


_FOUR_MARKERS_RE = re.compile(r"(?<![*_])(?:\*{4}|_{4})(?![*_])")
_EMPTY_TAG_RE = re.compile(r"<(strong|b|em|i|u)>\s*</\1>", re.I)


def _empty_formatting(text: str) -> list[str]:
    a = analyse(text)
    masked = a.masked
    found = [masked[i - 2 : j + 2] for i, j in a.bold_spans() if not masked[i:j].strip()]
    if "****" in masked or "____" in masked:
        found.extend(_FOUR_MARKERS_RE.findall(masked))
    if "</" in text:
        found.extend(m.group() for m in _EMPTY_TAG_RE.finditer(text))
    return found


@register_pair_check("empty-formatting", Level.ERROR, MARKUP, "Empty bold or emphasis")
def check_empty_formatting(source: str, target: str) -> Iterable[str]:
    """The target has empty formatting (****, <strong></strong>): the formatted words moved out."""
    if "**" not in target and "</" not in target and "__" not in target:
        return NONE
    found = _empty_formatting(target)
    if not found or len(found) <= len(_empty_formatting(source)):
        return NONE
    return (f"empty formatting in target: {', '.join(found)}",)


@register_pair_check("inline-code", Level.ERROR, MARKUP, "Inline code changed")
def check_inline_code(source: str, target: str) -> Iterable[str]:
    """Inline code (`x` or ```x```) must come through unchanged: code is never translated."""
    if "`" not in source and "`" not in target:
        return NONE
    s, t = analyse(source).codes, analyse(target).codes
    if s == t:
        return NONE
    missing, added = multiset_diff([c.strip() for c in s], [c.strip() for c in t])
    return describe_diff("inline code", missing, added, "`{}`")


@register_pair_check("inline-code-order", Level.WARNING, MARKUP, "Inline code reordered")
def check_inline_code_order(source: str, target: str) -> Iterable[str]:
    """The same inline code appears in a different order: check that each sits in its place."""
    if source.count("`") < 4:
        return NONE
    s, t = analyse(source).codes, analyse(target).codes
    if len(s) < 2 or s == t:
        return NONE
    s_keys, t_keys = [c.strip() for c in s], [c.strip() for c in t]
    if s_keys == t_keys or sorted(s_keys) != sorted(t_keys):
        return NONE
    return (
        "inline code order changed: "
        + ", ".join(f"`{c}`" for c in s_keys)
        + " → "
        + ", ".join(f"`{c}`" for c in t_keys),
    )


@register_pair_check("escapes", Level.WARNING, MARKUP, "Backslash escapes differ")
def check_escapes(source: str, target: str) -> Iterable[str]:
    """Backslash escapes (\\*, \\_, \\<, \\|) differ: literal characters may turn into markup."""
    if "\\" not in source and "\\" not in target:
        return NONE
    missing, added = multiset_diff(_significant_escapes(source), _significant_escapes(target))
    return describe_diff("escape", missing, added, "\\{}")


# Escapes whose loss or gain changes the page: emphasis, tags, links, table cells, code. The
# common \> of menu paths only matters at the start of a line, where > opens a blockquote.
_SIGNIFICANT_ESCAPES = frozenset("*_<[]|\\`")
_LINE_START_GT_RE = re.compile(r"(?m)^[ \t]*\\>")


def _significant_escapes(text: str) -> list[str]:
    found = [e for e in analyse(text).escapes if e in _SIGNIFICANT_ESCAPES]
    if "\\>" in text:
        found.extend(">" for _ in _LINE_START_GT_RE.finditer(text))
    return found


# Entities that only make space: their loss or gain changes spacing, never the words.
_SPACE_ENTITIES = word_set(
    "&nbsp; &ensp; &emsp; &thinsp; &#160; &#xa0; &#xA0; &#8194; &#x2002; &#8203; &#x200b;"
)


@register_pair_check("entities", Level.ERROR, MARKUP, "HTML entities differ")
def check_entities(source: str, target: str) -> Iterable[str]:
    """HTML entities (&amp;, &lt;, &#39;) differ: a broken or lost one shows as raw text."""
    if "&" not in source and "&" not in target:
        return NONE
    s, t = analyse(source).entities, analyse(target).entities
    missing, added = multiset_diff(s, t)
    missing = [e for e in missing if e not in _SPACE_ENTITIES]
    added = [e for e in added if e not in _SPACE_ENTITIES]
    if not missing and not added:
        return NONE
    out = describe_diff("entity", missing, added)
    broken = _BROKEN_ENTITY_RE.search(target)
    if broken is not None and not _BROKEN_ENTITY_RE.search(source):
        out.append(f"broken entity in target: {broken.group()!r}")
    return out


_BROKEN_ENTITY_RE = re.compile(r"&\s+(?:lt|gt|amp|quot|nbsp|#\d+);|&(?:lt|gt|amp|quot|nbsp)\s+;")
_SPACE_ENTITY_RE = re.compile(
    r"(\s?)(&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#x2002|#8194);)(\s?)", re.I
)


@register_pair_check(
    "entity-spacing", Level.WARNING, "linguistic-conventions/punctuation", "Space entities differ"
)
def check_entity_spacing(source: str, target: str) -> Iterable[str]:
    """A space entity (&nbsp;) was lost or added, or ordinary spaces were put around one."""
    if "&" not in target and "&" not in source:
        return NONE
    out: list[str] = []
    missing, added = multiset_diff(analyse(source).entities, analyse(target).entities)
    missing = [e for e in missing if e in _SPACE_ENTITIES]
    added = [e for e in added if e in _SPACE_ENTITIES]
    out.extend(describe_diff("space entity", missing, added))

    def spaced(text: str) -> int:
        return sum(bool(m.group(1)) + bool(m.group(3)) for m in _SPACE_ENTITY_RE.finditer(text))

    if "&" in target:
        s, t = spaced(source), spaced(target)
        if t > s:
            entity = _SPACE_ENTITY_RE.search(target)
            name = entity.group(2) if entity else "&nbsp;"
            out.append(f"spaces added around {name}: source {s}, target {t}")
    return out


@register_pair_check("html-tags", Level.ERROR, MARKUP, "HTML tags differ")
def check_html_tags(source: str, target: str) -> Iterable[str]:
    """Inline HTML tags (<b>, <sup>, <br/>, <a>) differ: the page layout or formatting breaks."""
    if "<" not in source and "<" not in target:
        return NONE
    s, t = analyse(source).tags, analyse(target).tags
    missing, added = multiset_diff(s, t)
    return describe_diff("HTML tag", missing, added)


def _placeholder_key(text: str) -> str:
    return text.replace("\\", "").replace("*", "").replace("_", "")


@register_pair_check("placeholders", Level.WARNING, MARKUP, "Placeholders differ")
def check_placeholders(source: str, target: str) -> Iterable[str]:
    """Pseudo-tag placeholders (<value>, <UserPrincipalName>) were dropped or translated."""
    if "<" not in source and "<" not in target:
        return NONE
    s, t = analyse(source).placeholders, analyse(target).placeholders
    if s == t:
        return NONE
    missing, added = multiset_diff(
        [_placeholder_key(p) for p in s], [_placeholder_key(p) for p in t]
    )
    # A placeholder that describes in words what to type (<your domain name>) may be
    # translated (<uw domeinnaam>): the user replaces it anyway. One named like a parameter
    # (<UserPrincipalName>, <tenantname>) must stay as the command or URL beside it has it.
    for m in [m for m in missing if _DESCRIPTIVE_RE.fullmatch(m)]:
        rendered = next((a for a in added if _DESCRIPTIVE_RE.fullmatch(a)), None)
        if rendered is not None:
            missing.remove(m)
            added.remove(rendered)
    return describe_diff("placeholder", missing, added)


# <words with spaces>: letters (any script), digits and single spaces, nothing else.
_DESCRIPTIVE_RE = re.compile(r"<[^\W_]+(?: [^\W_]+)+>")


@register_pair_check("docfx", Level.ERROR, MARKUP, "docfx markers differ")
def check_docfx(source: str, target: str) -> Iterable[str]:
    """docfx tokens ([!NOTE], [!INCLUDE[...](...)], [!div], :::) must stay as in the source."""
    if "[!" not in source and "[!" not in target and ":::" not in source and ":::" not in target:
        return NONE
    missing, added = multiset_diff(analyse(source).docfx, analyse(target).docfx)
    return describe_diff("docfx marker", missing, added)


@register_pair_check("newlines", Level.WARNING, LAYOUT, "Line breaks differ")
def check_newlines(source: str, target: str) -> Iterable[str]:
    """The number of line breaks differs: list items, table rows or blocks may break apart."""
    if "\n" not in source and "\n" not in target:
        return NONE
    s, t = source.count("\n"), target.count("\n")
    if s == t:
        return NONE
    return (f"line breaks: source {s}, target {t}",)


_BRACKETS = (("(", ")"), ("[", "]"))


@register_pair_check(
    "brackets", Level.WARNING, "linguistic-conventions/punctuation", "Unbalanced brackets"
)
def check_brackets(source: str, target: str) -> Iterable[str]:
    """Round or square brackets (outside links and code) are unbalanced in the target only."""
    if "(" not in target and ")" not in target and "[" not in target and "]" not in target:
        return NONE
    s, t = analyse(source).masked, analyse(target).masked
    out: list[str] = []
    for opener, closer in _BRACKETS:
        # Escaped brackets (\( \)) render as brackets too, so they count.
        eo, ec = escaped(opener), escaped(closer)
        to, tc = t.count(opener) + t.count(eo), t.count(closer) + t.count(ec)
        so, sc = s.count(opener) + s.count(eo), s.count(closer) + s.count(ec)
        if to != tc and so - sc != to - tc:
            out.append(f"unbalanced {opener}{closer} in target: {to} {opener}, {tc} {closer}")
    return out


# A menu path separator: > written as \>, &gt; or a plain > between spaces.
_SEPARATOR_RE = re.compile("(?:^|(?<=\\s))(?:" + ESCAPED_GT + "|>)(?=\\s)")
_UI_CLOSERS = frozenset("*_" + LINK_CLOSE + TAG + CODE + ")")
_UI_OPENERS = frozenset("*_" + LINK_OPEN + TAG + CODE + "[")


def _menu_separators(masked: str) -> tuple[int, list[int]]:
    """How many > separators sit between two UI labels, and where the others are."""
    good = 0
    bad: list[int] = []
    for m in _SEPARATOR_RE.finditer(masked):
        before = masked[: m.start()].rstrip()
        after = masked[m.end() :].lstrip()
        if before and after and before[-1] in _UI_CLOSERS and after[0] in _UI_OPENERS:
            good += 1
        else:
            bad.append(m.start())
    return good, bad


@register_pair_check("menu-path", Level.WARNING, MARKUP, "Menu path broken")
def check_menu_path(source: str, target: str) -> Iterable[str]:
    """A > separator of a menu path (**A** > **B**) no longer sits between two UI labels."""
    if ">" not in source or ">" not in target:
        return NONE
    s_good, _ = _menu_separators(analyse(source).masked)
    if not s_good:
        return NONE
    masked = analyse(target).masked
    t_good, bad = _menu_separators(masked)
    if t_good >= s_good:
        return NONE
    if bad:
        at = bad[0]
        snippet = readable(masked[max(0, at - 20) : at + 22]).strip()
        return (f"menu separator '>' no longer between two UI labels: …{snippet}…",)
    return (f"menu path separators: source {s_good}, target {t_good}",)
