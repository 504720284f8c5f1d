"""Split compounds seen in the text alone: a first part with its linking s written apart,
"e-mail" apart from its noun, and a one-word glossary term of the source in two words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from reviewer.core.checks import english, grammar, lexicon, mined, terms
from reviewer.core.checks.hyphens import is_noun, likely_noun
from reviewer.core.checks.prose import Word, blank_non_prose


class Split(NamedTuple):
    """A spelling.Misspelling's fields: kind is compound or ellipsis."""

    start: int
    end: int
    text: str
    kind: str
    replacement: str


def splits(words: tuple[Word, ...], target: str, source: str) -> Iterator[Split]:
    """Every split the three rules find, in rule order (the caller keeps the first of two
    that overlap)."""
    yield from _orphan_parts(words, target, source)
    yield from _email_splits(target)
    yield from _split_terms(target, source)


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
    return (
        english.frequencies(low) == (0.0, 0.0)
        and d.check(stem)
        and not english.is_english_word(stem)
    )


def _orphan_parts(words: tuple[Word, ...], target: str, source: str) -> list[Split]:
    """A first part with its linking s written apart from its head, "toegangs token" (write
    toegangstoken), or before "en"/"of"/"&" without the hyphen of an elliptic compound,
    "Beveiligings &amp; compliancecentrum" (write "Beveiligings- &amp;")."""
    if _LINKING_S_RE.search(target) is None:
        return []  # no word of six letters or more ending in s before a space
    out: list[Split] = []
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
                Split(first.start, second.end, f"{first.text} {second.text}", "compound", joined)
            )
        elif gap in _ELLIPSIS_GAPS and second.text.islower() and len(second.text) >= 6:
            out.append(
                Split(
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


def _email_splits(target: str) -> list[Split]:
    """ "e-mail" written apart from the noun it makes a compound with: "e-mail handtekening"
    (write e-mailhandtekening), "e-mail stroom"; not a verb or adverb after it ("e-mail
    verzenden", "e-mail namens uw domein")."""
    if "-mail " not in target:
        return []
    blanked = blank_non_prose(target)
    return [
        Split(m.start(), m.end(), m.group(), "compound", m.group(1) + m.group(2))
        for m in _EMAIL_RE.finditer(blanked)
        if _plain_noun(m.group(2)) and not _AFTER_PREPOSITION_RE.search(blanked, 0, m.start())
    ]


# "per e-mail instructies ontvangen", "via e-mail toegang": e-mail ends a phrase of its own;
# "die ik e-mail stuur": it is the object of a subclause, and a verb follows.
_AFTER_PREPOSITION_RE = re.compile(r"(?<![\w-])(?:[Pp]er|[Vv]ia|ik|je|jij|u|we|wij|ze|zij|hij)\s+$")


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
    heads = mined.noun_heads()
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


def _split_terms(target: str, source: str) -> list[Split]:
    """A one-word glossary term of the source written in two words in the target: "archief
    postvak" for archive mailbox (archiefpostvak), "e-mail clients" for email clients. The
    glossary says the compound is required here, however often the article set splits it."""
    if not source or " " not in target:
        return []
    out: list[Split] = []
    for dutch in terms.one_word_terms(source):
        for prefix, head in terms.compound_splits(dutch):
            joint = "-" if prefix.endswith("-") else ""
            for m in _split_pattern(prefix.rstrip("-"), head).finditer(target):
                text = m.group()
                if text[:1].isupper() and m.group(2)[:1].isupper():
                    continue  # "Cloud App": a name in Title Case, not a split compound
                joined = m.group(1) + joint + m.group(2).lower()
                out.append(Split(m.start(), m.end(), text, "compound", joined))
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
