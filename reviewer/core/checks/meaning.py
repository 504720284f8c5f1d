"""Meaning checks: a negation of the source lost in the target, two source words given one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import blank_non_prose

MISTRANSLATION = "accuracy/mistranslation"

# English negations. A capitalised NOT, NO or NONE is a query operator or a value, and a
# negation inside quotes is a message or a name the target may keep as it is.
_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without|unless|cannot)\b|n't\b", re.I
)
# The same words in lowercase text, without re.I; substring tests first (most sources have
# none, and a pattern of alternatives is tried at every character).
_ANY_NEGATION_RE = re.compile(
    r"\bno(?:t|ne|thing|body|r)?\b|\bnever\b|n't\b|\bwithout\b|\bunless\b|\bcannot\b|\bneither\b"
)
_NEGATION_PARTS = ("no", "n't", "never", "without", "unless", "cannot", "neither")


def _may_negate(source: str) -> bool:
    low = source.lower()
    return any(p in low for p in _NEGATION_PARTS) and _ANY_NEGATION_RE.search(low) is not None


_QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|(?<!\w)'[^'\n]*'(?!\w)|‘[^’\n]*’")
# Where a good translation has no negation word: "not ... until" (pas), "no matter"
# (ongeacht), "whether or not" (al dan niet, or nothing), "no more than" (maximaal), "not
# including" (exclusief), "not only", "not limited to", "No. 2" (nr.), "Yes/No".
_NO_DUTCH_NEGATION_RE = re.compile(
    r"\b(?:n't|not|no|never)\b[^.;:]{0,60}\b(?:until|till|unless|before)\b"
    r"|\bno matter\b|\bor not\b|\bif not\b|\bno\s*\.?\s*\d|\bno\."
    r"|\b(?:no|not) (?:more|larger|longer than|greater|less|fewer|later|earlier|sooner|bigger"
    r"|higher|lower|only|exceed|including|limited|all|every|always|necessarily)\b"
    r"|\bnot to exceed\b|\b(?:yes|no)\s*/|/\s*(?:yes|no)\b|\bwithout (?:any )?(?:cost|charge)\b"
    r"|\bno(?:-|n-)\w|\bnone of the above\b|\bcan't wait\b",
    re.I,
)
# Dutch negation, and the words a good translation carries a negation in: pas (not until),
# af (raden ... af, afgeraden), wel (contradicting a negation), exclusief, gratis, alleen.
_DUTCH_NEGATION_RE = re.compile(
    r"\b(?:niet|geen|nooit|niets|niemand|zonder|tenzij|nergens|noch|nee|ongeacht|pas|af"
    r"|wel|hoogstens|hooguit|maximaal|slechts|alleen|uitsluitend|enkel|behalve|exclusief"
    r"|gratis|kosteloos|ontbre\w*|weiger\w*|mislukt\w*|vermijd\w*|voorkom\w*|verhinder\w*"
    r"|onmogelijk\w*|ongeldig\w*|onbekend\w*|onjuist\w*|onvoldoende|onbeperkt\w*|ongewenst\w*"
    r"|onbevoegd\w*|onveilig\w*|onverwacht\w*|onnodig\w*|afgeraden|afraden|uitgeschakeld"
    r"|verboden|geblokkeerd|zelden|evenmin|nauwelijks)\b"
    r"|\bniet-|\bniet\w+|(?<=\w)lo(?:os|ze)\b|\bon(?:af|be|ge|ver|mo|ju|no|vo)\w+",
    re.I,
)
# Substrings that settle most segments at once (nietig or algemeen do not matter: they only
# keep a finding back).
_COMMON_DUTCH_NEGATIONS = ("niet", "geen", "nooit", "zonder", "tenzij")
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _english_left(source: str, target: str) -> bool:
    """Most target words are source words: the target is English, which other checks report."""
    source_words = {w.lower() for w in _WORD_RE.findall(source)}
    target_words = [w.lower() for w in _WORD_RE.findall(target)]
    return not target_words or sum(w in source_words for w in target_words) * 2 > len(target_words)


def _negation(source: str) -> str:
    """The first negation of the source that a Dutch translation must carry, or ""."""
    text = _QUOTED_RE.sub(" ", blank_non_prose(source))
    if _NO_DUTCH_NEGATION_RE.search(text):
        return ""
    for m in _NEGATION_RE.finditer(text):
        word = m.group()
        if word.isupper() and len(word) > 1:
            continue  # NOT, NO, NONE: an operator or a value
        if text[max(0, m.start() - 2) : m.start()].endswith("**") and text[m.end() :].startswith(
            "**"
        ):
            continue  # **none**: a value
        return word
    return ""


@register_pair_check(
    "negation-lost", Level.WARNING, MISTRANSLATION, "Negation lost", default_on=False
)
def check_negation_lost(source: str, target: str) -> Iterable[str]:
    """The source says not, no, never, without or unless and the target has no negation at all:
    the meaning is reversed, or the negated part is gone. Off by default: on held-out
    articles a third of its findings are faithful positive paraphrases."""
    if not _may_negate(source) or not target.strip():
        return ()
    low = target.lower()
    if any(word in low for word in _COMMON_DUTCH_NEGATIONS):
        return ()  # the usual case, without the patterns below
    word = _negation(source)
    if not word:
        return ()
    plain = blank_non_prose(target)
    if _DUTCH_NEGATION_RE.search(plain) or _english_left(blank_non_prose(source), plain):
        return ()
    return [f"the source says '{word}' and the target has no negation (niet, geen, nooit …)"]


# "functies en functies", "spoofing- en spoofing-rapporten": one Dutch word on both sides of
# en/of, where the source joins two different things. The joins are found first (a plain
# pattern, fast) and the words beside each compared; a back-reference pattern tried at every
# character cost ~10 µs a segment.
_JOIN_RE = re.compile(r",?\s+(?:en/of|en|of)\s+")
_LEFT_WORD_RE = re.compile(r"(?<![\w-])([^\W\d_]{3,}(?:-[^\W\d_]+)*)-?\Z")
_WORD_END_RE = re.compile(r"[^\W\d_]")
_SOURCE_REPEAT_RE = re.compile(
    r"\b(?!(?:that|this|with|from|your|their|these|those|into|then|than|each|only|also|have"
    r"|will)\b)([^\W\d_]{4,})\b(?:\W+\w+)?\W+(?:and|or)\W+(?:\w+\W+){0,2}\1\b",
    re.I,
)
# After the second word, more of a name: "Outlook en Outlook 2013", "Pro of Pro Workstation".
_NAME_GOES_ON_RE = re.compile(r"[.-]\w| [A-Z0-9]")
_SUBJECT_AFTER_RE = re.compile(r" (?:u|je|jij|we|wij|zij|hij)\b")
# Words said twice on purpose (meer en meer) or that end one clause and start the next: "om
# de belasting aan te kunnen en kunnen verbindingen sluiten".
_IDIOMS = word_set(
    "meer steeds door weer nog om kunnen kan worden wordt zijn is hebben heeft moeten moet "
    "zullen zal mogen mag willen wil die dat het de een er"
)


@register_pair_check(
    "coordinated-repeat", Level.WARNING, MISTRANSLATION, "Same word on both sides of en/of"
)
def check_coordinated_repeat(source: str, target: str) -> Iterable[str]:
    """The target joins a word to itself with en/of ("functies en functies") where the source
    joins two different words ("capabilities and features"): one of them is lost."""
    if " en " not in target and " of " not in target:
        return ()
    if not _repeats(target):
        return ()  # most segments: no need to blank their code and links
    plain = blank_non_prose(target)
    out: list[str] = []
    for join in _JOIN_RE.finditer(plain):
        left = _LEFT_WORD_RE.search(plain, max(0, join.start() - 80), join.start())
        if left is None:
            continue
        word = left.group(1)
        end = join.end() + len(word)
        second = plain[join.end() : end]
        if second.lower() != word.lower() or _WORD_END_RE.match(plain, end):
            continue
        if word.lower() in _IDIOMS or plain[max(0, left.start() - 2) : left.start()] == "  ":
            continue  # a code span or a link just before: its own word, not a repeat
        if second[:1].isupper() and _NAME_GOES_ON_RE.match(plain, end):
            continue  # a name that goes on: "Outlook en Outlook 2013"
        if _SUBJECT_AFTER_RE.match(plain, end):
            continue  # a verb that ends one clause and starts the next: "… klikt en klikt u op"
        if _SOURCE_REPEAT_RE.search(_plain_source(source)):
            return ()  # the source, too, says a word twice ("links and links that …")
        joiner = join.group().strip(", \t\n")
        out.append(
            f"'{plain[left.start() : end]}': the same word on both sides of '{joiner}' where "
            "the source joins two different words"
        )
    return out


def _repeats(text: str) -> bool:
    """Some word of the text is on both sides of en/of."""
    for join in _JOIN_RE.finditer(text):
        before, after = max(0, join.start() - 80), join.end()
        # The word after the join starts with the one before it (three letters or more), so
        # its first three letters are in the text before: a substring test settles most joins.
        if text[after : after + 3].lower() not in text[before : join.start()].lower():
            continue
        left = _LEFT_WORD_RE.search(text, before, join.start())
        if left is not None:
            word = left.group(1).lower()
            if text[join.end() : join.end() + len(word)].lower() == word:
                return True
    return False


_MARKUP_RE = re.compile(r"[*_]+")


def _plain_source(source: str) -> str:
    return _MARKUP_RE.sub("", blank_non_prose(source)).lower()
