"""Dutch spelling: unknown words, split compounds (toegangs token) and missing hyphens (Teams bestanden)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks import lexicon
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import Word, adjacent, prose_words

SPELLING = "linguistic-conventions/spelling"
MAX_SUGGESTIONS = 4
# A compound the article set writes joined at least this often, and at least twice as often as
# split, is an error when split even if its first part is a word of its own (audit logboek).
MIN_JOINED = 3
# The head of a split compound is followed by a digit: a version, "Exchange server 2010".
_VERSIONISH = tuple("0123456789")


@dataclass(frozen=True, slots=True)
class Misspelling:
    """One spelling problem in a target: ``kind`` is spelling, compound or hyphen."""

    start: int
    end: int
    text: str  # the target's text from start to end
    kind: str
    replacement: str  # the joined form for compound and hyphen, "" for an unknown word

    def message(self) -> str:
        if self.kind == "compound":
            return f"split compound {self.text!r}: write {self.replacement!r}"
        if self.kind == "hyphen":
            return f"missing hyphen in {self.text!r}: write {self.replacement!r}"
        hints = suggestions(self.text)[:MAX_SUGGESTIONS]
        return f"unknown word {self.text!r}" + (
            f" (suggestions: {', '.join(hints)})" if hints else ""
        )


@lru_cache(maxsize=2048)
def suggestions(word: str) -> list[str]:
    """Dictionary suggestions for ``word``, best first; empty when no dictionary is available."""
    d = lexicon.dictionary()
    if d is None or not word.strip():
        return []
    try:
        return d.suggest(word)
    except Exception:  # noqa: BLE001 - a provider error must never reach the user as a crash
        return []


def _english(word: str) -> bool:
    """A common English word (wordfreq): left to the untranslated check, not misspelled."""
    from reviewer.core.checks import english

    return english.is_english_word(word)


def _word_ok(word: str, skip: frozenset[str]) -> bool:
    if len(word) <= 2 or word in skip or word.lower() in skip:
        return True
    if lexicon.is_known(word):
        return True
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and lexicon.is_known(word[: -len(suffix)]):
            return True  # app's, pdf's: the Dutch plural of a word ending in a vowel
    return _english(word)


def _part_ok(part: str, skip: frozenset[str]) -> bool:
    """One part of a hyphenated word: a name (capitalised), a known word or an English word."""
    return not part or part[:1].isupper() or _word_ok(part, skip)


def _unknown(word: Word, skip: frozenset[str]) -> bool:
    text = word.text
    if word.capitalised and not word.sentence_start:
        return False  # a name or a UI label; product names are never spell-checked
    if _word_ok(text, skip):
        return False
    if "-" in text:
        return not all(_part_ok(p, skip) for p in text.split("-"))
    return True


def _source_words(source: str) -> frozenset[str]:
    return frozenset(w.text for w in prose_words(source)) if source else frozenset()


def _joined(words: tuple[Word, ...], i: int, target: str, source: str) -> Misspelling | None:
    """A split compound or a name-noun pair missing its hyphen at words[i], words[i + 1]."""
    first, second = words[i], words[i + 1]
    if not adjacent(target, first, second) or "-" in second.text or not second.text.islower():
        return None
    after = target[second.end : second.end + 2].lstrip()
    if after.startswith(_VERSIONISH):
        return None
    table = lexicon.compounds()
    span = target[first.start : second.end]
    if first.text[:1].isupper() and not first.sentence_start:
        entry = table.get((first.text, second.text))
        if entry is None or "-" not in entry.joined or entry.joined_count < 2:
            return None
        if span in source:
            return None  # an English name copied whole, "Azure portal": not a Dutch compound
        return Misspelling(first.start, second.end, span, "hyphen", entry.joined)
    a, b = first.text.lower(), second.text
    entry = table.get((a, b))
    if entry is None or "-" in entry.joined:
        return None
    if entry.first_is_word and not (
        entry.joined_count >= MIN_JOINED and entry.joined_count >= 2 * entry.split_count
    ):
        return None  # "gebruikers toegang geven": two words the article set often writes apart
    joined = entry.joined
    if first.text[:1].isupper():
        joined = joined[:1].upper() + joined[1:]
    return Misspelling(first.start, second.end, span, "compound", joined)


def misspellings(target: str, source: str = "") -> list[Misspelling]:
    return list(_misspellings(target, source))


@lru_cache(maxsize=256)
def _misspellings(target: str, source: str) -> tuple[Misspelling, ...]:
    """Spelling problems of a Dutch target with offsets into it, for the checks and for the
    editor's underlines. Words copied from ``source`` (names, terms) and do-not-translate names
    are left alone; with no dictionary available only compounds are reported."""
    words = prose_words(target)
    if not words:
        return ()
    from reviewer.core.checks import terms

    skip = _source_words(source) | terms.dnt_words()
    out: list[Misspelling] = []
    covered: set[int] = set()
    for i in range(len(words) - 1):
        found = _joined(words, i, target, source)
        if found is not None:
            out.append(found)
            covered.update((i, i + 1))
    if lexicon.dictionary() is not None:
        for i, word in enumerate(words):
            if i not in covered and _unknown(word, skip):
                out.append(Misspelling(word.start, word.end, word.text, "spelling", ""))
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
    return [m.message() for m in misspellings(target, source) if m.kind == "compound"]


@register_pair_check("compound-hyphen", Level.WARNING, SPELLING, "Missing hyphen after a name")
def check_compound_hyphen(source: str, target: str) -> Iterable[str]:
    """A product name and a Dutch noun written apart: Teams bestanden → Teams-bestanden."""
    return [m.message() for m in misspellings(target, source) if m.kind == "hyphen"]
