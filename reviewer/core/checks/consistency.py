"""Consistency and register: one source translated several ways, informal je where the house
style is u, and formal u mixed with informal je in one file."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from reviewer.core.checks.analysis import analyse
from reviewer.core.checks.base import Level, register_document_check, register_pair_check
from reviewer.core.format import Document, Pair

_LETTER_RE = re.compile(r"[^\W\d_]")


def _where(doc: Document, pair: Pair, here: Document) -> str:
    if doc is here:
        return pair.id
    name = os.path.basename(doc.path) if doc.path else "another file"
    return f"{name} {pair.id}"


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_MARKUP_CHARS = str.maketrans("", "", "*_`\\")
_EDGE_PUNCT = " \t\n\u00a0.,;:!?"
_WORDS_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _plain(text: str) -> str:
    return " ".join(text.translate(_MARKUP_CHARS).split()).strip(_EDGE_PUNCT)


def _difference(source: str, majority: str, here: str) -> tuple[str, str] | None:
    """How ``here`` differs from the usual translation, as (kind, message part), where a
    reviewer would fix it; None for wording that is merely different (synonyms)."""
    if _plain(here) == _plain(majority):
        return "form", "differs only in punctuation, spacing or formatting"
    if _plain(here).casefold() == _plain(majority).casefold():
        return "form", "differs only in capitals"
    if _plain(here).replace("-", " ").split() == _plain(majority).replace("-", " ").split():
        return "form", "differs only in hyphens"
    src = source.strip()
    if here.strip() == src:
        return "english", "left in English here"
    if majority.strip() == src:
        return "english", "translated here, kept as the English source elsewhere"
    source_words = {w for w in _WORDS_RE.findall(source) if len(w) > 2 and w[0].isupper()}
    mine, theirs = set(_WORDS_RE.findall(here)), set(_WORDS_RE.findall(majority))
    kept_here = (mine - theirs) & source_words
    kept_there = (theirs - mine) & source_words
    if kept_here or kept_there:
        names = ", ".join(sorted(kept_here or kept_there))
        where = "here" if kept_here else "elsewhere"
        return "term", f"source term {names} kept in English {where} but translated in the other"
    return None


def _variants(
    documents: Sequence[Document],
) -> Iterable[tuple[str, str, Document, Pair, Document, Pair, int, int]]:
    """Each segment whose source is translated another way elsewhere: (source, usual target,
    its document and pair, this document and pair, how often the usual one occurs, variants)."""
    # Grouped by the strings alone: a Pair is built only for the segments reported, and in
    # document order (building every pair cost most of this check on a large article, and a
    # pair built out of order counts its line number from the start).
    groups: dict[str, list[tuple[Document, int]]] = {}
    targets: dict[int, list[str]] = {}
    for doc in documents:
        targets[id(doc)] = doc.pairs.targets()
        for row, source in enumerate(doc.pairs.sources()):
            groups.setdefault(source.strip(), []).append((doc, row))
    found: list[tuple[str, str, tuple[Document, int], tuple[Document, int], int, int]] = []
    for source, members in groups.items():
        if len(members) < 2:
            continue
        counts: dict[str, int] = {}
        first: dict[str, tuple[Document, int]] = {}
        for doc, row in members:
            key = targets[id(doc)][row].strip()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, (doc, row))
        if len(counts) < 2 or not _LETTER_RE.search(source):
            continue
        # The most frequent target is taken as the reference; ties go to the first one seen.
        majority = max(counts, key=lambda k: counts[k])
        for doc, row in members:
            if targets[id(doc)][row].strip() != majority:
                found.append(
                    (source, majority, first[majority], (doc, row), counts[majority], len(counts))
                )
    wanted: dict[int, tuple[Document, set[int]]] = {}
    for _, _, ref, here, _, _ in found:
        for doc, row in (ref, here):
            wanted.setdefault(id(doc), (doc, set()))[1].add(row)
    pairs = {
        (id(doc), row): doc.pairs[row] for doc, rows in wanted.values() for row in sorted(rows)
    }
    for source, majority, (ref_doc, ref_row), (doc, row), times, variants in found:
        ref_pair, pair = pairs[id(ref_doc), ref_row], pairs[id(doc), row]
        yield source, majority, ref_doc, ref_pair, doc, pair, times, variants


@register_document_check(
    "inconsistent-target",
    Level.WARNING,
    "terminology/inconsistent-use-of-terminology",
    "Same source, different target",
)
def check_inconsistent_target(
    documents: Sequence[Document],
) -> Iterable[tuple[Document, Pair, str]]:
    """The same source is translated differently elsewhere in a way a reviewer fixes: only in
    capitals, punctuation or formatting, left in English in one place, or a source term kept in
    one place and translated in the other. Synonyms (Beschrijving/Omschrijving) are not flagged."""
    for source, majority, ref_doc, ref_pair, doc, pair, times, _ in _variants(documents):
        diff = _difference(source, majority, pair.target)
        if diff is None:
            continue
        count = f" ({times}×)" if times > 1 else ""
        yield (
            doc,
            pair,
            f"{diff[1]}: {_clip(majority)!r}{count} in {_where(ref_doc, ref_pair, doc)}; "
            f"here {_clip(pair.target)!r}",
        )


@register_document_check(
    "inconsistent-wording",
    Level.INFO,
    "terminology/inconsistent-use-of-terminology",
    "Same source, other wording",
    default_on=False,
)
def check_inconsistent_wording(
    documents: Sequence[Document],
) -> Iterable[tuple[Document, Pair, str]]:
    """The same source is worded differently elsewhere (often an acceptable synonym); off by
    default, for a lead who wants one wording per sentence across a project."""
    for source, majority, ref_doc, ref_pair, doc, pair, times, n in _variants(documents):
        if _difference(source, majority, pair.target) is not None:
            continue
        count = f" ({times}×)" if times > 1 else ""
        yield (
            doc,
            pair,
            f"worded {_clip(majority)!r}{count} in {_where(ref_doc, ref_pair, doc)}; "
            f"here {_clip(pair.target)!r} ({n} variants)",
        )


_FORMAL = frozenset({"u", "uw", "uzelf", "uwe"})
_INFORMAL = frozenset({"je", "jij", "jou", "jouw", "jezelf", "jouwe", "jullie"})
# Written out by first letter: much faster than a case-insensitive alternation of words.
_PRONOUN_RE = re.compile(r"\b(?:[uU](?:[wW][eE]?|zelf)?|[jJ](?:e|ij|ouwe?|ou|ezelf|ullie))\b")


def _pronouns(target: str) -> tuple[list[str], list[str]]:
    """Formal and informal pronouns in the target's prose (code and URLs left out)."""
    formal: list[str] = []
    informal: list[str] = []
    if _PRONOUN_RE.search(target) is None:
        return formal, informal
    for m in _PRONOUN_RE.finditer(analyse(target).masked):
        word = m.group().lower()
        if word in _FORMAL:
            formal.append(word)
        elif word in _INFORMAL:
            informal.append(word)
    return formal, informal


@register_pair_check("informal-pronoun", Level.WARNING, "style/register", "Informal je/jij/jouw")
def check_informal_pronoun(source: str, target: str) -> Iterable[str]:
    """An informal je/jij/jouw where Microsoft's Dutch house style addresses the reader with
    formal u/uw, whatever the rest of the file does."""
    _, informal = _pronouns(target)
    if not informal:
        return ()
    return (f"informal {', '.join(repr(w) for w in dict.fromkeys(informal))}: write u/uw",)


@register_document_check(
    "register-mix",
    Level.WARNING,
    "style/register",
    "Formal u mixed with je",
    default_on=False,
)
def check_register_mix(documents: Sequence[Document]) -> Iterable[tuple[Document, Pair, str]]:
    """A file mixes formal u/uw with informal je/jij/jouw; the less used form is flagged. Off
    by default, where informal-pronoun flags every je: for a project whose own style is je."""
    for doc in documents:
        found: list[tuple[Pair, list[str], list[str]]] = []
        n_formal = n_informal = 0
        for row, target in enumerate(doc.pairs.targets()):
            formal, informal = _pronouns(target)
            if formal or informal:
                found.append((doc.pairs[row], formal, informal))
                n_formal += bool(formal)
                n_informal += bool(informal)
        if not n_formal or not n_informal:
            continue
        # The minority register is the odd one out; on a tie formal u wins (Microsoft's usage).
        flag_informal = n_informal <= n_formal
        for pair, formal, informal in found:
            words = informal if flag_informal else formal
            if not words:
                continue
            shown = ", ".join(dict.fromkeys(words))
            if flag_informal:
                yield (
                    doc,
                    pair,
                    f"informal {shown} in a file that uses formal u/uw "
                    f"({n_formal} segments formal, {n_informal} informal)",
                )
            else:
                yield (
                    doc,
                    pair,
                    f"formal {shown} in a file that uses informal je/jij "
                    f"({n_informal} segments informal, {n_formal} formal)",
                )
