"""Dutch spelling: unknown words, split compounds and missing hyphens after names."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reviewer.core.checks import english, grammar, lexicon, terms
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.hyphens import hyphens, is_noun, likely_noun
from reviewer.core.checks.prose import Word, adjacent, blank_non_prose, prose_words

SPELLING = "linguistic-conventions/spelling"
# A compound the article set writes joined at least this often, and at least twice as often as
# split, is an error when split even if its first part is a word of its own (audit logboek).
MIN_JOINED = 3


@dataclass(frozen=True, slots=True)
class Misspelling:
    """One spelling problem in a target: ``kind`` is spelling, compound, hyphen (after a name)
    or ellipsis (the hyphen of an elliptic compound: beveiligings- en compliancecentrum)."""

    start: int
    end: int
    text: str  # the target's text from start to end
    kind: str
    replacement: str  # the joined form for compound and hyphen, "" for an unknown word

    def message(self) -> str:
        kind = self.kind
        if kind == "compound":
            return f"split compound {self.text!r}: write {self.replacement!r}"
        if kind in ("hyphen", "ellipsis"):
            return f"missing hyphen in {self.text!r}: write {self.replacement!r}"
        # No suggestions here: Hunspell takes up to 0.2 s to suggest for a long compound, and
        # the editor asks suggestions() when the user right-clicks the word.
        return f"unknown word {self.text!r}"


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
        hit = word in lexicon.common_words() or _word_ok(word)
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
    return frozenset(w.text for w in prose_words(source)) if source else frozenset()


def _joined(words: tuple[Word, ...], i: int, target: str) -> Misspelling | None:
    """Two words Dutch writes as one compound noun, at words[i], words[i + 1]."""
    first, second = words[i], words[i + 1]
    # The table lookup first: nearly every pair of neighbours is no known split compound.
    entry = lexicon.compounds().get((first.text.lower(), second.text))
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


def _plural_noun(word: str) -> bool:
    heads = lexicon.noun_heads()
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
    for i in range(len(words) - 1):
        found = _joined(words, i, target)
        if found is not None:
            out.append(found)
            covered.update((i, i + 1))
    for found in _orphan_parts(words, target, source):
        if not any(m.start <= found.start < m.end for m in out):
            out.append(found)
            covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    for found in _email_splits(target):
        if not any(m.start <= found.start < m.end for m in out):
            out.append(found)
            covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    for found in _split_terms(target, source):
        if not any(m.start <= found.start < m.end for m in out):
            out.append(found)
            covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    for start, end, replacement in hyphens(target, source):
        found = Misspelling(start, end, target[start:end], "hyphen", replacement)
        out.append(found)
        covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    if lexicon.dictionary() is not None:
        for i, word in enumerate(words):
            if i not in covered and _unknown(word, skip, names):
                out.append(Misspelling(word.start, word.end, word.text, "spelling", ""))
    out.sort(key=lambda m: m.start)
    return tuple(out)


# Stems whose -s form is a plural or an inflection, not the linking s of a compound's first
# part: gebruikers, vensters, goedkeurders, standaards, kanaals, gelukkigs.
_NO_LINKING_S_RE = re.compile(r"(?:er|el|em|en|je|ie|é|eur|aar|aard|aal|or|ig|lijk|isch|baar|ief)$")
# Six letters or more ending in s, before a space; written from the "s " so the engine scans
# for that literal instead of trying five letters at every character (0.2 µs a target, not 4).
_LINKING_S_RE = re.compile(r"s (?<=[^\W\d_]{5}s )")
# What may stand between an elliptic first part and the compound it shares its head with.
_ELLIPSIS_GAPS = (" en ", " of ", " & ", " &amp; ", " en/of ")


@lru_cache(maxsize=65536)
def _orphan_part(word: str) -> bool:
    """A compound's first part with its linking s standing alone (toegangs, beveiligings,
    facturerings): no word in the dictionary or in wordfreq's lists, while its stem is."""
    low = word.lower()
    d = lexicon.dictionary()
    if d is None or len(low) < 6 or not low.endswith("s") or low[-2] in "aeiouy'’":
        return False
    stem = low[:-1]
    if _NO_LINKING_S_RE.search(stem) or d.check(low) or d.check(word):
        return False
    return english.frequencies(low) == (0.0, 0.0) and d.check(stem) and not _english(stem)


def _orphan_parts(words: tuple[Word, ...], target: str, source: str) -> list[Misspelling]:
    """A first part with its linking s written apart from its head, "toegangs token" (write
    toegangstoken), or before "en"/"of"/"&" without the hyphen of an elliptic compound,
    "Beveiligings &amp; compliancecentrum" (write "Beveiligings- &amp;")."""
    if _LINKING_S_RE.search(target) is None:
        return []  # no word of six letters or more ending in s before a space
    out: list[Misspelling] = []
    low_source = ""
    for first, second in pairwise(words):
        text = first.text
        # Most words fail on their last letter; the cached judgement is for the rest.
        if text[-1] != "s" or len(text) < 6 or not _orphan_part(text):
            continue
        low_source = low_source or source.lower()
        if text.lower() in low_source:
            continue
        gap = target[first.end : second.start]
        if gap == " ":
            if not second.text.islower() or "-" in second.text or not _compound_head(second.text):
                continue
            joined = first.text + second.text
            out.append(
                Misspelling(
                    first.start, second.end, f"{first.text} {second.text}", "compound", joined
                )
            )
        elif gap in _ELLIPSIS_GAPS and second.text.islower() and len(second.text) >= 6:
            out.append(
                Misspelling(
                    first.start,
                    first.end + len(gap) - 1,
                    first.text + gap.rstrip(),
                    "ellipsis",
                    f"{first.text}-{gap.rstrip()}",
                )
            )
    return out


# "e-mail" before a noun is always the first part of a compound: e-mailhandtekening,
# e-mailstroom (TUNE targets write it apart before a noun some 90 times).
_EMAIL_RE = re.compile(r"(?<![\w-])([Ee]-mail) ([a-zà-ÿ][a-zà-ÿ'’]*)(?![\w-])")


def _email_splits(target: str) -> list[Misspelling]:
    """"e-mail" written apart from the noun it makes a compound with: "e-mail handtekening"
    (write e-mailhandtekening), "e-mail stroom"; not a verb or adverb after it ("e-mail
    verzenden", "e-mail namens uw domein")."""
    if "-mail " not in target:
        return []
    blanked = blank_non_prose(target)
    return [
        Misspelling(m.start(), m.end(), m.group(), "compound", m.group(1) + m.group(2))
        for m in _EMAIL_RE.finditer(blanked)
        if _plain_noun(m.group(2)) and not _AFTER_PREPOSITION_RE.search(blanked, 0, m.start())
    ]


# "per e-mail instructies ontvangen", "via e-mail toegang": e-mail ends a phrase of its own;
# "die ik e-mail stuur": it is the object of a subclause, and a verb follows.
_AFTER_PREPOSITION_RE = re.compile(
    r"(?<![\w-])(?:[Pp]er|[Vv]ia|ik|je|jij|u|we|wij|ze|zij|hij)\s+$"
)


@lru_cache(maxsize=4096)
def _plain_noun(word: str) -> bool:
    """A Dutch noun (handtekening, stroom) or its plural (berichten, meldingen), or an English
    noun of five letters or more (clients, records); not an infinitive, a finite verb, a
    participle, an adverb or a function word (e-mail verzenden, e-mail rechtstreeks)."""
    if len(word) < 4 or english.dutch_zipf(word) >= FUNCTION_ZIPF:
        return False
    if word in grammar.infinitives() or grammar.finite_verb(word):
        return False
    if word.startswith("ge") and word.endswith(("d", "t", "en")):
        return False  # a participle: e-mail gestopt, e-mail gebaseerde
    heads = lexicon.noun_heads()
    # A word in -en counts by its singular only (meldingen → melding): the table's joined
    # forms hold verbs too (terechtkomen).
    if (word in heads and not word.endswith("en")) or any(
        word.endswith(suffix) and word[: -len(suffix)] in heads for suffix in ("en", "s", "'s")
    ):
        return likely_noun(word)
    return (
        english.is_english_word(word)
        and len(word) >= 5
        and not word.endswith(("ing", "ed", "ly"))
        and not lexicon.is_dutch_word(word)
    )


# A Dutch word this frequent (Zipf, wordfreq) is a function word, not a compound's head.
FUNCTION_ZIPF = 5.0


def _compound_head(word: str) -> bool:
    """A noun that can head the compound: a Dutch noun the compound table knows, or an English
    loanword of five letters or more (token, proxy, updates; not best, more), not a function
    word (die, en, in)."""
    return is_noun(word) or (english.is_english_word(word) and len(word) >= 5)


def _split_terms(target: str, source: str) -> list[Misspelling]:
    """A one-word glossary term of the source written in two words in the target: "archief
    postvak" for archive mailbox (archiefpostvak), "e-mail clients" for email clients. The
    glossary says the compound is required here, however often the article set splits it."""
    if not source or " " not in target:
        return []
    out: list[Misspelling] = []
    for dutch in terms.one_word_terms(source):
        for prefix, head in terms.compound_splits(dutch):
            joint = "-" if prefix.endswith("-") else ""
            for m in _split_pattern(prefix.rstrip("-"), head).finditer(target):
                text = m.group()
                if text[:1].isupper() and m.group(2)[:1].isupper():
                    continue  # "Cloud App": a name in Title Case, not a split compound
                joined = m.group(1) + joint + m.group(2).lower()
                out.append(Misspelling(m.start(), m.end(), text, "compound", joined))
    return out


@lru_cache(maxsize=1024)
def _split_pattern(first: str, head: str) -> re.Pattern[str]:
    """The first part (as the term links it) as a word of its own, one space, then the head as
    the term has it, or in the plural when the term is singular."""
    forms = [head]
    if not head.endswith(("s", "en")):
        forms += [head + "s", head + "en", head + "'s", head + "n"]
        long_vowel = re.search(r"(aa|ee|oo|uu)([^aeiou])$", head)
        if long_vowel is not None:
            forms.append(head[: long_vowel.start() + 1] + long_vowel.group(2) + "en")
        if re.search(r"[^aeiou][aeiou][^aeiouw]$", head):
            forms.append(head + head[-1] + "en")  # postvak → postvakken
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({re.escape(first)})[ ]({alternatives})(?![\w-])", re.IGNORECASE)


def misspelled_spans(target: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the target's misspelled words, split compounds and missing
    hyphens: the fast call an editor's underline highlighter makes on each change."""
    return [(m.start, m.end) for m in misspellings(target)]


# What the three spelling checks say, to read their findings back as spans.
_MESSAGE_RE = re.compile(
    r"(unknown word|split compound|missing hyphen in) ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"(?:: write ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))?$"
)
_KINDS = {"unknown word": "spelling", "split compound": "compound", "missing hyphen in": "hyphen"}
CODES = frozenset({"spelling", "split-compound", "compound-hyphen"})


def from_findings(text: str, messages: Iterable[str]) -> list[Misspelling]:
    """The spans of ``text`` that the spelling checks' messages name (found by a check run
    elsewhere, e.g. a forked worker): every occurrence of each named word or words, so that a
    process that never loaded the spelling tables can still underline them."""
    out: list[Misspelling] = []
    for message in messages:
        m = _MESSAGE_RE.match(message)
        if m is None:
            continue
        try:
            word = ast.literal_eval(m.group(2))
            replacement = ast.literal_eval(m.group(3)) if m.group(3) else ""
        except (ValueError, SyntaxError):
            continue
        if not isinstance(word, str) or not isinstance(replacement, str) or not word:
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found = Misspelling(hit.start(), hit.end(), word, _KINDS[m.group(1)], replacement)
            if not any(o.start < found.end and found.start < o.end for o in out):
                out.append(found)
    out.sort(key=lambda f: f.start)
    return out


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
