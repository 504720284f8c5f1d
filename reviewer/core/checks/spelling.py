"""Dutch spelling: unknown words, split compounds and missing hyphens after names."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from reviewer.core.checks import compound_splits, english, lexicon, mined, terms
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.hyphens import hyphens
from reviewer.core.checks.prose import Word, adjacent, prose_word_texts, prose_words
from reviewer.core.checks.spelling_messages import CODES as CODES
from reviewer.core.checks.spelling_messages import Misspelling
from reviewer.core.checks.spelling_messages import from_findings as from_findings

SPELLING = "linguistic-conventions/spelling"
# A compound the article set writes joined at least this often, and at least twice as often as
# split, is an error when split even if its first part is a word of its own (audit logboek).
MIN_JOINED = 3


@lru_cache(maxsize=2048)
def suggestions(word: str) -> list[str]:
    """Dictionary suggestions for ``word``, best first; empty when no dictionary is available."""
    d = lexicon.dictionary()
    if d is None or not word.strip():
        return []
    try:
        return d.suggest(word)
    except Exception:
        return []


def _english(word: str) -> bool:
    """A common English word (wordfreq): left to the untranslated check, not misspelled."""
    return english.is_english_word(word)


def _word_ok(word: str) -> bool:
    if len(word) <= 2 or lexicon.is_known(word):
        return True
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and lexicon.is_known(word[: -len(suffix)]):
            return True  # app's, pdf's: the Dutch plural of a word ending in a vowel
    return _english(word) or _compound_ok(word.lower())


def _compound_ok(word: str, depth: int = 0) -> bool:
    """A Dutch compound the dictionary lacks but whose parts it knows: cloudaccounts,
    tenantbeheerderaccount (first part, maybe a linking s/e/en, then a known head)."""
    if depth > 2 or len(word) < 6:
        return False
    for i in range(len(word) - 3, 2, -1):
        head = word[i:]
        if not (lexicon.is_known(head) or (depth and _compound_ok(head, depth + 1))):
            continue
        first = word[:i]
        for link in ("", "s", "e", "en"):
            stem = first[: len(first) - len(link)] if link else first
            if (
                len(stem) >= 3
                and first.endswith(link)
                and (lexicon.is_known(stem) or _english(stem) or _compound_ok(stem, depth + 1))
            ):
                return True
    return False


# Word → whether the dictionary, the article set's words, the user's list, English or the
# compound rule know it. Looking a word up in enchant takes 20-60 µs and articles repeat their
# words, so each word is judged once per process (until the known words change).
_STATUS: dict[str, bool] = {}
_STATUS_LIMIT = 200_000
_status_generation = -1


def _fresh_caches() -> None:
    """Forget cached judgements when the user's words or the settings changed."""
    global _status_generation
    current = lexicon.generation()
    if current != _status_generation:
        _STATUS.clear()
        _misspellings.cache_clear()
        _status_generation = current


def known_word(word: str) -> bool:
    """Whether the spelling check accepts ``word`` on its own, judged afresh (no cache)."""
    return _word_ok(word)


def _known(word: str) -> bool:
    hit = _STATUS.get(word)
    if hit is None:
        hit = word in mined.common_words() or _word_ok(word)
        if len(_STATUS) >= _STATUS_LIMIT:
            _STATUS.clear()
        _STATUS[word] = hit
    return hit


def _part_ok(part: str, skip: frozenset[str], names: frozenset[str]) -> bool:
    """One part of a hyphenated word: a name (capitalised), a known word or an English word."""
    return (
        not part
        or len(part) <= 3
        or part[:1].isupper()
        or part in skip
        or part in names
        or part.lower() in skip
        or _known(part)
    )


def _unknown(word: Word, skip: frozenset[str], names: frozenset[str]) -> bool:
    """``skip``: the words of the source (copied names and terms), ``names``: the words of
    the do-not-translate names; neither is ever reported."""
    text = word.text
    if word.capitalised and not word.sentence_start:
        return False  # a name or a UI label; product names are never spell-checked
    if len(text) <= 2 or text in skip or text in names:
        return False
    low = text.lower()
    if low in skip or low in names or _known(text):
        return False
    if "-" in text:
        return not all(_part_ok(p, skip, names) for p in text.split("-"))
    return True


@lru_cache(maxsize=1024)
def _source_words(source: str) -> frozenset[str]:
    return frozenset(prose_word_texts(source)) if source else frozenset()


def _joined(words: tuple[Word, ...], i: int, target: str) -> Misspelling | None:
    """Two words Dutch writes as one compound noun, at words[i], words[i + 1]."""
    first, second = words[i], words[i + 1]
    # The table lookup first: nearly every pair of neighbours is no known split compound.
    entry = mined.compounds().get((first.text.lower(), second.text))
    if entry is None or "-" in entry.joined:
        return None
    if not adjacent(target, first, second) or "-" in second.text or not second.text.islower():
        return None
    if first.text[:1].isupper() and not first.sentence_start:
        return None  # a name: the hyphen rule below covers name + noun
    if entry.first_is_word and _plural_noun(entry.first):
        return None  # "beheerders toegang geven": a plural object, then a noun
    if entry.first_is_word and not (
        entry.joined_count >= MIN_JOINED and entry.joined_count >= 2 * entry.split_count
    ):
        return None  # "gebruikers toegang geven": two words the article set often writes apart
    joined = entry.joined
    if first.text[:1].isupper():
        joined = joined[:1].upper() + joined[1:]
    return Misspelling(
        first.start, second.end, target[first.start : second.end], "compound", joined
    )


_FIRST_PARTS: list[tuple[object, frozenset[str]]] = []  # (the table, its keys' first parts)


def _first_parts(table: dict[tuple[str, str], mined.Compound]) -> frozenset[str]:
    """The first parts of the compound table's keys: most words are none, and are settled
    without building a key."""
    kept = _FIRST_PARTS[:1]
    if kept and kept[0][0] is table:
        return kept[0][1]
    firsts = frozenset(first for first, _ in table)
    _FIRST_PARTS[:] = [(table, firsts)]
    return firsts


def _plural_noun(word: str) -> bool:
    heads = mined.noun_heads()
    return any(
        word.endswith(suffix) and word[: -len(suffix)] in heads for suffix in ("s", "en", "'s")
    )


def misspellings(target: str, source: str = "") -> list[Misspelling]:
    _fresh_caches()
    return list(_misspellings(target, source))


@lru_cache(maxsize=256)
def _misspellings(target: str, source: str) -> tuple[Misspelling, ...]:
    """Spelling problems of a Dutch target with offsets into it, for the checks and for the
    editor's underlines. Words copied from ``source`` (names, terms) and do-not-translate names
    are left alone; with no dictionary available only compounds are reported."""
    words = prose_words(target)
    if not words:
        return ()
    skip = _source_words(source)
    names = terms.dnt_words()
    out: list[Misspelling] = []
    covered: set[int] = set()
    texts = [w.text for w in words]
    if len(words) > 1:
        # The table lookup first: nearly every pair of neighbours is no known split compound.
        table = mined.compounds()
        get, firsts = table.get, _first_parts(table)
        lowered = [t.lower() for t in texts]
        neighbours = enumerate(pairwise(texts))
        hits = [
            i
            for i, (_, second) in neighbours
            if lowered[i] in firsts and get((lowered[i], second)) is not None
        ]
        for i in hits:
            found = _joined(words, i, target)
            if found is not None:
                out.append(found)
                covered.update((i, i + 1))
    for split in compound_splits.splits(words, target, source):
        if not any(m.start <= split.start < m.end for m in out):
            found = Misspelling(*split)
            out.append(found)
            covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    for start, end, replacement in hyphens(target, source):
        found = Misspelling(start, end, target[start:end], "hyphen", replacement)
        out.append(found)
        covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    if lexicon.dictionary() is not None:
        status = _STATUS  # a word judged known is never unknown: no call for it
        for i, text in enumerate(texts):
            if status.get(text) or i in covered:
                continue
            word = words[i]
            if _unknown(word, skip, names):
                out.append(Misspelling(word.start, word.end, text, "spelling", ""))
    out.sort(key=lambda m: m.start)
    return tuple(out)


def misspelled_spans(target: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the target's misspelled words, split compounds and missing
    hyphens: the fast call an editor's underline highlighter makes on each change."""
    return [(m.start, m.end) for m in misspellings(target)]


@register_pair_check("spelling", Level.WARNING, SPELLING, "Spelling")
def check_spelling(source: str, target: str) -> Iterable[str]:
    """A Dutch word the dictionary, the article set and the user's word list all do not know."""
    return [m.message() for m in misspellings(target, source) if m.kind == "spelling"]


@register_pair_check("split-compound", Level.WARNING, SPELLING, "Split compound")
def check_split_compound(source: str, target: str) -> Iterable[str]:
    """Two words that Dutch writes as one compound noun: toegangs token → toegangstoken."""
    return [m.message() for m in misspellings(target, source) if m.kind in ("compound", "ellipsis")]


@register_pair_check("compound-hyphen", Level.WARNING, SPELLING, "Missing hyphen after a name")
def check_compound_hyphen(source: str, target: str) -> Iterable[str]:
    """A product name and a Dutch noun written apart: Teams bestanden → Teams-bestanden."""
    return [m.message() for m in misspellings(target, source) if m.kind == "hyphen"]
