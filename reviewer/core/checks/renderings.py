"""Whether a target renders a glossary term: inflected, split by markup, written out as a
phrase, inside a longer compound, or in an admitted variant."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.core.checks import lexicon, mined
from reviewer.core.checks.glossary import TermHit
from reviewer.core.checks.lexicon import word_set
from reviewer.core.checks.prose import blank_non_prose

_MARKUP_CHARS_RE = re.compile(r"[*_\[\]]+|\]\([^()\s]*\)")


def plain(target: str) -> str:
    """The target without bold, italics and link brackets, lowercased: "globale **beheerder**"
    and "globale [beheerder](url)" render the term whole."""
    text = _MARKUP_CHARS_RE.sub("", blank_non_prose(target))
    return " ".join(text.split()).lower()


# After a plural term, a word that makes it a verb with its object: "The command prompts you".
_OBJECT_WORDS = word_set("you your the a an users user them him her it us me that this these those")
_NEXT_WORD_RE = re.compile(r"\W*([A-Za-z']+)")


def as_verb(hit: TermHit, source: str) -> bool:
    """The term's last word has an -s the term lacks and an object follows: a verb ("the
    command prompts you to sign in"), not the plural noun (command prompts)."""
    text = source[hit.start : hit.end]
    if not text.endswith("s") or hit.term.english.endswith("s"):
        return False
    m = _NEXT_WORD_RE.match(source, hit.end)
    return m is not None and m.group(1).lower() in _OBJECT_WORDS


# Words before a term that do not make a compound with it (the retention period, your mailbox).
_NOT_MODIFIERS = word_set(
    "the a an your this that these those its their our my his her any each every all no some "
    "of for to in on at by with from and or as is are be new existing same other such more "
    "most only which who"
)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w-]*)[ ]+$")


def absorbed(dutch: str, source: str, hit: TermHit, plain_target: str) -> bool:
    """The English term follows a modifier of its own ("quarantine retention period",
    "compliance admin center") and the target has a longer Dutch compound with the term's head
    (quarantaineperiode, compliancecentrum): a rendering of the whole noun group."""
    before = _WORD_BEFORE_RE.search(source, 0, hit.start)
    if before is None or before.group(1).lower() in _NOT_MODIFIERS:
        return False
    last = dutch.lower().split()[-1]
    parts = _compound_parts().get(last)
    found = splits(last)
    head = parts[1] if parts is not None else found[-1][1] if found else last.rpartition("-")[2]
    stems = [st for st in _stems(head) if len(st) >= 4]
    return any(
        w != head and any(st in w and not w.startswith(st) for st in stems)
        for w in _WORDS_RE.findall(plain_target)
    )


def in_a_name(text: str, source: str = "", start: int = 0) -> bool:
    """A lowercase glossary term written in Title Case in the source ("Security & Compliance
    Center", "Threat Intelligence") is part of a product or UI name, not the common term; so is
    one whose capitalised first word follows a capitalised word ("Azure Trial subscription")."""
    words = text.split()
    if len(words) > 1 and any(w[:1].isupper() for w in words[1:]):
        return True
    if not text[:1].isupper() or start == 0:
        return False
    before = _WORD_BEFORE_RE.search(source, 0, start)
    return before is not None and before.group(1)[:1].isupper() and before.start() > 0


# Plural and inflected endings of a Dutch term's last word: beheercentrum/beheercentra,
# verbeteractie/verbeteracties, beheerder/beheerders/beheerders'.
_ENDINGS = ("en", "s", "'s", "n", "e")


_LONG_VOWEL_END_RE = re.compile(r"(aa|ee|oo|uu)([^aeiou])$")


@lru_cache(maxsize=4096)
def _stems(dutch: str) -> tuple[str, ...]:
    low = dutch.lower()
    stems = [low]
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 5:
            stems.append(low[: -len(ending)])
    if low.endswith("um"):
        stems.append(low[:-2] + "a")
    if low.endswith("en") and len(low) > 6 and low[-3] == low[-4]:
        stems.append(low[:-3])  # e-mailadressen → e-mailadres
    # A long vowel in a closed last syllable is written single in the plural: probleem →
    # problemen, sjabloon → sjablonen; the plural holds the stem with one vowel.
    long_vowel = _LONG_VOWEL_END_RE.search(low)
    if long_vowel is not None:
        stems.append(low[: long_vowel.start() + 1] + long_vowel.group(2))
    return tuple(dict.fromkeys(stems))


def rendered(dutch: str, lower_target: str) -> bool:
    """The required Dutch term is in the target: in any case, inflected, or inside a compound
    (groepschatberichten holds chatberichten); a one-word compound also counts with another
    linking form of its first part (verbeteracties for verbeteringsactie)."""
    stems = _stems(dutch)
    if any(stem in lower_target for stem in stems):
        return True
    parts = _compound_parts().get(dutch.lower())
    if parts is not None and all(p[:-1] in lower_target for p in parts):
        return True  # written out: "acties voor herstel" for herstelacties
    if " " not in stems[0] and _written_out(stems[0], lower_target):
        return True
    stem = stems[-1]
    if " " in stem or len(stem) < 10:
        return False
    head, tail = stem[:5], stem[-4:]
    return any(word.startswith(head) and tail in word for word in _WORDS_RE.findall(lower_target))


def _written_out(word: str, lower_target: str) -> bool:
    """A one-word compound given as a phrase of its two parts, each maybe inflected: "beheer
    van geprivilegieerde toegang" for toegangsbeheer, "toegang tot apparaten" for
    apparaattoegang, "instellingen voor configuratie" for configuratie-instellingen (parts of
    at least four letters); not the two parts in a row, which is the compound split."""
    for first, head in splits(word):
        if _find_stem(head, lower_target) < 0:
            continue
        if _find_stem(first, lower_target.replace(word, " "), inside=True) < 0:
            continue
        split = rf"{re.escape(first)}\w*[\s-]+{re.escape(head[:4])}"
        elliptic = rf"{re.escape(first)}\w*-\s+(?:of|en)\s"  # "bewaar- of bewaringsbeleid"
        if re.search(elliptic, lower_target):
            return True
        return re.search(split, lower_target) is None  # "archief postvak" is the error
    return False


def splits(word: str) -> list[tuple[str, str]]:
    """First part (without a linking s, e or en) and head of a compound: at its hyphen, or
    where both halves are Dutch words of at least four letters."""
    if "-" in word:
        first, _, head = word.rpartition("-")
        if len(first) >= 4 and len(head) >= 4:
            return [(first, head)]
        word = head  # e-mailadres: split mailadres
    out: list[tuple[str, str]] = []
    for i in range(4, len(word) - 3):
        first, head = word[:i], word[i:]
        if not lexicon.is_known(head):
            continue
        for link in ("s", "en", "e", ""):
            stem = first[: len(first) - len(link)] if link else first
            if first.endswith(link) and len(stem) >= 4 and lexicon.is_known(stem):
                out.append((stem, head))
                break
    return out


def _find_stem(part: str, text: str, inside: bool = False) -> int:
    """Where the part, or a stem of it (problemen for probleem), starts a word of the text, or
    (``inside``) occurs in one (netwerkprestaties for prestatie)."""
    before = "" if inside else r"(?<![^\W\d_])"
    for stem in _stems(part) + ((part[:-1],) if len(part) > 5 else ()):
        m = re.search(before + re.escape(stem), text)
        if m is not None:
            return m.start()
    return -1


@lru_cache(maxsize=1)
def _compound_parts() -> dict[str, tuple[str, str]]:
    """Joined compound → its first part and head, from the mined compound table."""
    return {
        c.joined.lower(): (c.first, c.head) for c in mined.compounds().values() if len(c.first) > 3
    }


_WORDS_RE = re.compile(r"[^\W\d_][\w'-]*")
