"""Missing hyphens between a product name and a Dutch noun: Teams bestanden → Teams-bestanden."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.core.checks import alignment, english, grammar, lexicon, mined, terms
from reviewer.core.checks.analysis import word_set
from reviewer.core.checks.prose import blank_non_prose

# A Dutch word this frequent (Zipf, wordfreq) is a function word, never the noun of a compound.
FUNCTION_ZIPF = 5.5


# A name that may head a compound: an acronym (SQL), a CamelCase name (SharePoint), a
# capitalised word, or a version-like number after one (Microsoft 365), then one space and a word.
_NAME_NOUN_RE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.]*[ ](?:365|\d{2,4})|[A-Z][A-Za-z0-9]*[A-Za-z0-9]))"
    r"(?=[ ]([A-Za-zÀ-ÿ][a-zà-ÿ]+)(?![\w-]))"
)


def is_noun(word: str) -> bool:
    """Whether ``word`` is a Dutch noun by the compound table (for other checks)."""
    return _is_noun(word)


def likely_noun(word: str) -> bool:
    """A Dutch noun by the compound table whose English counterpart is no adverb, participle
    or verb (rechtstreeks ← directly is not): for other checks."""
    return _noun_after_name(word)


@lru_cache(maxsize=65536)
def _is_noun(word: str) -> bool:
    """The word, or its last part (gebeurtenisverzamelaar → verzamelaar), heads a known compound
    noun, so it is a Dutch noun; frequent words (voor, niet, kan) are function words."""
    heads = mined.noun_heads()
    low = word.lower()
    if len(low) < 4 or english.dutch_zipf(low) >= FUNCTION_ZIPF:
        return False
    return any(low[i:] in heads for i in range(0, max(1, len(low) - 3)))


@lru_cache(maxsize=65536)
def _noun_after_name(word: str) -> bool:
    """Whether a word after a product name is a Dutch noun, so that the two make a compound.
    Besides the compound-head test, the word's best English counterpart in the shipped word
    translation table (TUNE split) must not be an adverb, a participle or a verb: meestal ←
    typically, rechtstreeks ← directly, toegewezen ← assigned, bestaat ← exists."""
    if not _is_noun(word):
        return False
    english = alignment.best_english(word.lower())
    return not (english.endswith(("ly", "ed")) or english in _ENGLISH_VERBS)


# English words that follow a name as its verb or as a preposition, not as the noun it
# modifies ("Defender displays time information", "Firewall allows access", "Exchange Online
# to turn auditing on"): the most frequent such words after names in the TUNE sources.
_ENGLISH_NOT_MODIFIED = word_set(
    "to as in on at by for from with and or but than that which who is are was were be been "
    "can cannot can't could will won't would may might must should shall does doesn't do don't "
    "did has have had also only now then still already always never uses use used provides "
    "provide allows allow lets let gives give includes include requires require prevents "
    "prevent creates create keeps keep detects detect protects protect makes make enables "
    "enable first together instead itself via versus vs"
)
# English nouns in -ly, which are no adverbs.
_LY_NOUNS = word_set("family assembly supply reply anomaly monopoly italy july rally")


@lru_cache(maxsize=4096)
def _english_verb(word: str) -> bool:
    """An English word whose likeliest Dutch rendering (shipped word translation table) is a
    finite verb or an infinitive: "Yammer sends notifications" (sends → verzendt)."""
    dutch = alignment.best_dutch(word.lower())
    verbs = grammar.infinitives()
    return bool(dutch) and (dutch in verbs or grammar.finite_verb(dutch))


_WORD_AFTER_RE = re.compile(r"[ ]([a-zà-ÿ][\w-]*)")


def _adjective_before_noun(word: str, blanked: str, end: int) -> bool:
    """An inflected adjective (extern → externe) with a lowercase word after it."""
    low = word.lower()
    if not low.endswith("e") or len(low) < 5 or not lexicon.is_dutch_word(low[:-1]):
        return False
    return _WORD_AFTER_RE.match(blanked, end) is not None


def _not_modified(word: str) -> bool:
    """An English word after a name that makes the name a subject or object: a verb, a
    preposition, or an adverb in -ly ("PsPing directly", "EOP typically")."""
    low = word.lower()
    return low in _ENGLISH_NOT_MODIFIED or (
        len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS
    )


# Verb forms that a Dutch word's best English counterpart may be without ending in -ed.
_ENGLISH_VERBS = word_set("exists consists contains sent shown seen done")
_WORD_AFTER_RE_CACHE: dict[str, re.Pattern[str]] = {}


def _source_next_words(name: str, source: str) -> list[str]:
    """The word right after each occurrence of the name in the source."""
    pattern = _WORD_AFTER_RE_CACHE.get(name)
    if pattern is None:
        if len(_WORD_AFTER_RE_CACHE) > 4096:
            _WORD_AFTER_RE_CACHE.clear()
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}[ ]([\w'’-]+)")
        _WORD_AFTER_RE_CACHE[name] = pattern
    return pattern.findall(source)


def hyphens(target: str, source: str) -> list[tuple[int, int, str]]:
    """A product name and a Dutch noun written apart (Teams bestanden, SQL exemplaar): only when
    the source, too, uses the name as the first part of a compound (Teams files)."""
    if " " not in target:
        return []
    blanked = blank_non_prose(target)
    out: list[tuple[int, int, str]] = []
    for m in _NAME_NOUN_RE.finditer(blanked):
        name, noun = m.group(1), m.group(2)
        end = m.end() + 1 + len(noun)
        if blanked[end : end + 2].strip()[:1].isdigit():
            continue  # "Exchange server 2010": a version name, not a compound
        if f"{name} {noun}".lower() in source.lower() and noun in terms.dnt_words():
            continue  # both words belong to a name: Microsoft Teams
        if (
            lexicon.is_dutch_word(name.lower())
            and name.isalpha()
            and not _in_source_as_name(name, source)
        ):
            continue  # a capitalised Dutch word (Beheerder, Instellingen), not a name
        if _common_word(name):
            continue  # "We gebruiken", "Items verwijderen", "Extra Bestandsopslag": no name
        if noun.lower() in _infinitives() or _NOT_A_NOUN_RE.match(noun.lower()):
            continue  # a verb, adverb or adjective: "API bellen", "Microsoft ervoor"
        if not _noun_after_name(noun) or (
            english.is_english_word(noun) and not lexicon.is_dutch_word(noun)
        ):
            continue
        if noun[0].isupper() and (
            english.is_english_word(noun)
            or not lexicon.is_dutch_word(noun.lower())
            or f"{name} {noun}".lower() in source.lower()
        ):
            continue  # Title Case English: User Principal Name, Defender Portal, Event Hub
        if not _name_modifies(name, source):
            continue
        after = _source_next_words(name, source)
        if after and all(_not_modified(w) or _english_verb(w) for w in after):
            continue  # the source's name is a subject or an object, not a modifier
        if _adjective_before_noun(noun, blanked, end):
            continue  # "Power BI externe gastgebruikers": the adjective of a later noun
        if any(w.lower() == noun.lower() and w != noun for w in after):
            continue  # the English word re-cased (Scripts → scripts): a name, name-case's matter
        if any(w[:1].isupper() for w in after) and not _attested(name, noun):
            continue  # a Title Case name went on in the source and its word was translated
        if _copied_english(blanked, m.start(), end, source):
            continue  # English left as in the source (a link title): untranslated's matter
        replacement = f"{name}-{noun.lower() if noun[0].isupper() else noun}"
        out.append((m.start(), end, replacement))
    return out


_RUN_WORD_RE = re.compile(r"[^\s\[\]()*]+")
COPIED_RUN = 5  # words copied from the source in a row, around a name and the word after it


def _copied_english(blanked: str, start: int, end: int, source: str) -> bool:
    """The name and the word after it sit in a run of at least COPIED_RUN words copied from
    the source with an English word of its own ("Onboard devices to the Microsoft Defender for
    Endpoint service"): English left in the target, which a hyphen would not mend."""
    words = [(m.start(), m.group()) for m in _RUN_WORD_RE.finditer(blanked)]
    inside = [i for i, (at, _) in enumerate(words) if start <= at < end]
    if not inside:
        return False
    lo, hi = inside[0], inside[-1]

    def copied(a: int, b: int) -> bool:
        return " ".join(w for _, w in words[a : b + 1]) in source

    if not copied(lo, hi):
        return False
    while lo > 0 and copied(lo - 1, hi):
        lo -= 1
    while hi + 1 < len(words) and copied(lo, hi + 1):
        hi += 1
    if hi - lo + 1 < COPIED_RUN:
        return False
    names = terms.dnt_words_lower()
    return any(
        w.islower() and w not in names and english.is_english_word(w) for _, w in words[lo : hi + 1]
    )


def _attested(name: str, noun: str) -> bool:
    """The article set writes this noun with a hyphen after this name (Microsoft 365-groepen),
    or, for a name of several words, after at least three names."""
    names = mined.hyphen_heads().get(noun.lower(), frozenset())
    return name.split()[-1] in names or (" " in name and len(names) >= 3)


# A capitalised word this common in English or Dutch (Zipf, wordfreq) is an ordinary word at
# a sentence or title start, not a product name, unless a do-not-translate name holds it
# (Teams, Office, Windows). Names in CamelCase, capitals or with digits always count.
COMMON_ZIPF = 3.5


@lru_cache(maxsize=8192)
def _common_word(name: str) -> bool:
    if not name.isalpha() or not name[1:].islower() or name in terms.dnt_words():
        return False
    en, nl = english.frequencies(name.lower())
    return max(en, nl) >= COMMON_ZIPF


# Pronominal adverbs (ervoor, daarmee) and adjective endings (volledig, mogelijk, bruikbaar):
# words after a name that are no noun, so no compound.
_NOT_A_NOUN_RE = re.compile(
    r"(?:er|daar|hier|waar)(?:voor|door|mee|aan|op|in|uit|over|van|bij|naar|om|tegen|onder|"
    r"achter|toe|na|af)$|.*(?:ig|lijk|baar|isch)e?$"
    r"|(?:namens|volgens|tijdens|wegens|dankzij|vanwege|behalve|sinds|zonder|ondanks)$"
)


def _infinitives() -> frozenset[str]:
    return grammar.infinitives()


@lru_cache(maxsize=4096)
def _name_alone(name: str) -> re.Pattern[str]:
    """The name standing alone in a text (each pattern compiled only when first asked)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


@lru_cache(maxsize=4096)
def _name_then_word(name: str) -> re.Pattern[str]:
    """The name followed by a word."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}[ ][A-Za-z]")


def _in_source_as_name(name: str, source: str) -> bool:
    return name in source and _name_alone(name).search(source) is not None


def _name_modifies(name: str, source: str) -> bool:
    """The source puts a word right after the name (Teams files, SQL instance): the name
    modifies a noun there too, so the Dutch needs a compound."""
    return name in source and _name_then_word(name).search(source) is not None
