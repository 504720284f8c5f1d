"""Document checks: one source translated several ways, and formal u mixed with informal je."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from reviewer.core.checks.analysis import analyse
from reviewer.core.checks.base import Level, register_document_check
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


@register_document_check(
    "inconsistent-target",
    Level.WARNING,
    "terminology/inconsistent-use-of-terminology",
    "Same source, different target",
)
def check_inconsistent_target(
    documents: Sequence[Document],
) -> Iterable[tuple[Document, Pair, str]]:
    """The same source is translated differently elsewhere in this file or the files checked."""
    groups: dict[str, list[tuple[Document, Pair]]] = {}
    for doc in documents:
        for pair in doc.pairs:
            groups.setdefault(pair.source.strip(), []).append((doc, pair))
    for source, members in groups.items():
        if len(members) < 2:
            continue
        counts: dict[str, int] = {}
        first: dict[str, tuple[Document, Pair]] = {}
        for doc, pair in members:
            key = pair.target.strip()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, (doc, pair))
        if len(counts) < 2 or not _LETTER_RE.search(source):
            continue
        # The most frequent target is taken as the reference; ties go to the first one seen.
        majority = max(counts, key=lambda k: counts[k])
        ref_doc, ref_pair = first[majority]
        others = counts[majority]
        for doc, pair in members:
            if pair.target.strip() == majority:
                continue
            times = f" ({others}×)" if others > 1 else ""
            yield (
                doc,
                pair,
                f"translated as {_clip(majority)!r}{times} in {_where(ref_doc, ref_pair, doc)}; "
                f"here {_clip(pair.target)!r} ({len(counts)} variants)",
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


@register_document_check("register-mix", Level.WARNING, "style/register", "Formal u mixed with je")
def check_register_mix(documents: Sequence[Document]) -> Iterable[tuple[Document, Pair, str]]:
    """A file mixes formal u/uw with informal je/jij/jouw; the less used form is flagged."""
    for doc in documents:
        found: list[tuple[Pair, list[str], list[str]]] = []
        n_formal = n_informal = 0
        for pair in doc.pairs:
            formal, informal = _pronouns(pair.target)
            if formal or informal:
                found.append((pair, formal, informal))
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
