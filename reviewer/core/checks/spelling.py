"""Dutch spelling: unknown words, split compounds and missing hyphens after names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks import lexicon
from reviewer.core.checks.analysis import word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import Word, adjacent, blank_non_prose, prose_words

SPELLING = "linguistic-conventions/spelling"
# A compound the article set writes joined at least this often, and at least twice as often as
# split, is an error when split even if its first part is a word of its own (audit logboek).
MIN_JOINED = 3
# A Dutch word this frequent (Zipf, wordfreq) is a function word, never the noun of a compound.
FUNCTION_ZIPF = 5.5


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
    from reviewer.core.checks import english

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


# A name that may head a compound: an acronym (SQL), a CamelCase name (SharePoint), a
# capitalised word, or a version-like number after one (Microsoft 365), then one space and a word.
_NAME_NOUN_RE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.]*[ ](?:365|\d{2,4})|[A-Z][A-Za-z0-9]*[A-Za-z0-9]))"
    r"(?=[ ]([A-Za-zÀ-ÿ][a-zà-ÿ]+)(?![\w-]))"
)


@lru_cache(maxsize=65536)
def _is_noun(word: str) -> bool:
    """The word, or its last part (gebeurtenisverzamelaar → verzamelaar), heads a known compound
    noun, so it is a Dutch noun; frequent words (voor, niet, kan) are function words."""
    heads = lexicon.noun_heads()
    low = word.lower()
    from reviewer.core.checks import english

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
    from reviewer.core.checks import alignment

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
    from reviewer.core.checks import alignment, grammar

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


def _hyphens(target: str, source: str, skip_starts: set[int]) -> list[Misspelling]:
    """A product name and a Dutch noun written apart (Teams bestanden, SQL exemplaar): only when
    the source, too, uses the name as the first part of a compound (Teams files)."""
    if " " not in target:
        return []
    blanked = blank_non_prose(target)
    out: list[Misspelling] = []
    from reviewer.core.checks import english, terms

    for m in _NAME_NOUN_RE.finditer(blanked):
        name, noun = m.group(1), m.group(2)
        end = m.end() + 1 + len(noun)
        if m.start() in skip_starts or blanked[end : end + 2].strip()[:1].isdigit():
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
        out.append(Misspelling(m.start(), end, target[m.start() : end], "hyphen", replacement))
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
    from reviewer.core.checks import english, terms

    names = terms.dnt_words_lower()
    return any(
        w.islower() and w not in names and english.is_english_word(w)
        for _, w in words[lo : hi + 1]
    )


def _attested(name: str, noun: str) -> bool:
    """The article set writes this noun with a hyphen after this name (Microsoft 365-groepen),
    or, for a name of several words, after at least three names."""
    names = lexicon.hyphen_heads().get(noun.lower(), frozenset())
    return name.split()[-1] in names or (" " in name and len(names) >= 3)


# A capitalised word this common in English or Dutch (Zipf, wordfreq) is an ordinary word at
# a sentence or title start, not a product name, unless a do-not-translate name holds it
# (Teams, Office, Windows). Names in CamelCase, capitals or with digits always count.
COMMON_ZIPF = 3.5


@lru_cache(maxsize=8192)
def _common_word(name: str) -> bool:
    from reviewer.core.checks import english, terms

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
    from reviewer.core.checks import grammar

    return grammar.infinitives()


@lru_cache(maxsize=4096)
def _name_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name standing alone in a text, and the name followed by a word."""
    escaped = re.escape(name)
    return (
        re.compile(rf"(?<![\w-]){escaped}(?![\w-])"),
        re.compile(rf"(?<![\w-]){escaped}[ ][A-Za-z]"),
    )


def _in_source_as_name(name: str, source: str) -> bool:
    return name in source and _name_patterns(name)[0].search(source) is not None


def _name_modifies(name: str, source: str) -> bool:
    """The source puts a word right after the name (Teams files, SQL instance): the name
    modifies a noun there too, so the Dutch needs a compound."""
    return name in source and _name_patterns(name)[1].search(source) is not None


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
    from reviewer.core.checks import terms

    skip = _source_words(source)
    names = terms.dnt_words()
    out: list[Misspelling] = []
    covered: set[int] = set()
    for i in range(len(words) - 1):
        found = _joined(words, i, target)
        if found is not None:
            out.append(found)
            covered.update((i, i + 1))
    for found in _split_terms(target, source):
        if not any(m.start <= found.start < m.end for m in out):
            out.append(found)
            covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    for found in _hyphens(target, source, set()):
        out.append(found)
        covered.update(i for i, w in enumerate(words) if found.start <= w.start < found.end)
    if lexicon.dictionary() is not None:
        for i, word in enumerate(words):
            if i not in covered and _unknown(word, skip, names):
                out.append(Misspelling(word.start, word.end, word.text, "spelling", ""))
    out.sort(key=lambda m: m.start)
    return tuple(out)


def _split_terms(target: str, source: str) -> list[Misspelling]:
    """A one-word glossary term of the source written in two words in the target: "archief
    postvak" for archive mailbox (archiefpostvak), "e-mail clients" for email clients. The
    glossary says the compound is required here, however often the article set splits it."""
    if not source or " " not in target:
        return []
    from reviewer.core.checks import terms

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
    return re.compile(
        rf"(?<![\w-])({re.escape(first)})[ ]({alternatives})(?![\w-])", re.IGNORECASE
    )


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
