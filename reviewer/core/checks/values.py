"""Values that must not change: acronyms, code values and query operators, currencies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import analyse, word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.tokens import scan

NONE: tuple[str, ...] = ()
DNT = "accuracy/do-not-translate"


# -- acronyms ---------------------------------------------------------------------------------

# All-caps English words: emphasis, legal text, key names and admonitions, not acronyms.
_CAPS_WORDS = word_set(
    "NOTE IMPORTANT TIP WARNING CAUTION NEW ALL ON OFF TO FOR THE IS AS YOU YOUR NO YES NOT "
    "AND OR MUST ONLY CAN MAY BE BY FROM HAVE ENTER WATCH APPLICATION TERMS LAW RIGHTS TAX "
    "WARRANTY CONSUMER APP SYSTEM BUSINESS USING THESE COVERED PARTIES GUARANTEES UNDER EXTENT "
    "ADMIN PM AM OK IF IN OF AT DO ANY NEAR TRUE FALSE NULL CTRL ALT SHIFT TAB ESC DEL END HOME "
    "BEFORE AFTER OPTIONAL TASK EVENT COMPANY PORTAL FORMS ROOMS NAME ISSUE WORKAROUND JOINED "
    "FYI LEGAL STOP EXIT HELP INFO DEBUG ERROR "
    # Dutch words a translation may write in capitals where the source shouts.
    "EN OF NIET WAAR TER DE HET EEN VAN OP IN AAN MET VOOR GEEN NIEUW ALLE ALLEEN"
)
# Longer all-caps words are English words in capitals (SECURITY, NOTICES), not acronyms.
_ACRONYM_MAX = 5
# Three or more all-caps words in a row: shouting or a legal notice, not acronyms.
_SHOUT_RE = re.compile(r"\b[A-Z]{2,}\b(?:\W+\b[A-Z]{2,}\b){2,}")
# Acronyms Dutch writes differently, and Dutch acronyms a translation may rightly bring in.
LOCALISED_ACRONYMS: dict[str, tuple[str, ...]] = {
    "GDPR": ("AVG",),
    "VAT": ("btw",),
    "US": ("VS",),
    "USA": ("VS",),
    "UK": ("VK",),
    "UAE": ("VAE",),
    "EEA": ("EER",),
    "UN": ("VN",),
    "OU": ("OE",),
    "FAQ": ("veelgestelde vragen",),
}
_DUTCH_ACRONYMS = frozenset(
    a.upper() for renderings in LOCALISED_ACRONYMS.values() for a in renderings if a.isupper()
) | frozenset({"BTW", "EUR", "EURO"})


def _acronyms(text: str) -> list[str]:
    caps = scan(text).caps
    if not caps:
        return []
    if len(caps) >= 3 and _SHOUT_RE.search(analyse(text).masked):
        return []
    return [c for c in caps if len(c) <= _ACRONYM_MAX and c not in _CAPS_WORDS]


def _acronym_in(acronym: str, lower_target: str) -> bool:
    token = acronym.lower()
    start = lower_target.find(token)
    while start >= 0:
        end = start + len(token)
        before = lower_target[start - 1] if start else " "
        after = lower_target[end] if end < len(lower_target) else " "
        if not before.isalnum() and (not after.isalnum() or after == "s"):
            return True
        start = lower_target.find(token, start + 1)
    return any(r.lower() in lower_target for r in LOCALISED_ACRONYMS.get(acronym, ()))


@register_pair_check("acronym", Level.WARNING, "terminology/wrong-term", "Acronym replaced")
def check_acronym(source: str, target: str) -> Iterable[str]:
    """An all-caps acronym (CSV, PST, EAC) was replaced by another one (CVS, SBV) in the target;
    one written out in Dutch words, or a Dutch one such as AVG for GDPR, is fine."""
    if not target.strip():
        return NONE
    s = _acronyms(source)
    if not s:
        return NONE
    lower_target = target.lower()
    lost = [a for a in s if not _acronym_in(a, lower_target)]
    if not lost:
        return NONE
    lower_source = source.lower()
    new = [
        a
        for a in _acronyms(target)
        if a not in _DUTCH_ACRONYMS and not _acronym_in(a, lower_source)
    ]
    if not new:
        return NONE
    if len(lost) == 1 and len(new) == 1:
        return (f"acronym {lost[0]} changed: → {new[0]}",)
    return (f"acronym {', '.join(lost)} missing; target has {', '.join(new)}",)


# -- code values and query operators -------------------------------------------------------

_VALUES = word_set("TRUE FALSE NULL")
_OPERATORS = word_set("AND OR NOT NEAR ONEAR XOR")
_VALUE_RE = re.compile(r"(?<![\w$-])(TRUE|FALSE|NULL)(?![\w-])")
_OPERATOR_RE = re.compile(r"(?<![\w-])(AND|OR|NOT|NEAR|ONEAR|XOR)(?![\w-])")
# Words that put AND/OR/NOT in a query rather than in shouted prose.
_QUERY_RE = re.compile(r"\b(?:operators?|query|queries|keywords?|Boolean|KQL|syntax)\b", re.I)
# "use AND logic", "OR relationships": the operator named as a concept, which Dutch translates.
_CONCEPT_RE = re.compile(r"\b(AND|OR|NOT)\*{0,2}\s+(?:logic|relationships?)\b")
# ... or an operand that is plainly a query term: "a" OR "b", (x OR y), prop:value AND ...
_OPERAND_RE = re.compile(
    r"""["')\]]\s*(?:AND|OR|NOT|NEAR)\b|\b(?:AND|OR|NOT|NEAR)\s*["'(\[]|:\S+\s+(?:AND|OR|NOT)\b"""
)
# In the target an operator may head a Dutch compound: AND-operator, OR-operatoren.
_TARGET_OPERATOR_RE = re.compile(r"(?<![\w-])(AND|OR|NOT|NEAR|ONEAR|XOR)(?!\w)")
_SPREADSHEET_RE = re.compile(r"\b(?:Excel|formula|spreadsheet|cell)\b", re.I)


@register_pair_check("code-value", Level.ERROR, DNT, "Code value or operator translated")
def check_code_value(source: str, target: str) -> Iterable[str]:
    """A code value (TRUE, FALSE, NULL) or a query operator (AND, OR, NOT, NEAR) in a search
    or query context was translated (WAAR, OF, NIET): the query or setting stops working."""
    if not target.strip():
        return NONE
    caps = scan(source).caps
    if not caps:
        return NONE
    has_value = any(c in _VALUES for c in caps)
    has_operator = any(c in _OPERATORS for c in caps)
    if not has_value and not has_operator:
        return NONE
    masked = analyse(source).masked
    if _SHOUT_RE.search(masked) and not _QUERY_RE.search(masked):
        return NONE
    out: list[str] = []
    lower_target = target.lower()
    if has_value and not _SPREADSHEET_RE.search(masked):
        for value in dict.fromkeys(_VALUE_RE.findall(masked)):
            if not re.search(rf"(?<![\w-]){value.lower()}(?![\w-])", lower_target):
                out.append(f"value {value} translated or missing in target")
    if has_operator and (_QUERY_RE.search(masked) or _OPERAND_RE.search(masked)):
        t_operators = set(_TARGET_OPERATOR_RE.findall(target))
        concepts = set(_CONCEPT_RE.findall(masked))
        for op in dict.fromkeys(_OPERATOR_RE.findall(masked)):
            if op in concepts:
                continue
            if op not in t_operators:
                out.append(f"query operator {op} translated or missing in target")
    return out


# -- currency -------------------------------------------------------------------------------

_CURRENCIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, re.I))
    for code, pattern in (
        ("USD", r"\$\s?\d|\d\s?\$|\bUSD\b|\bUS\$|\bdollars?\b"),
        ("EUR", r"€|\bEUR\b|\beuros?\b"),
        ("GBP", r"£|\bGBP\b|\bpounds? sterling\b|\bpond sterling\b"),
        ("JPY", r"¥|\bJPY\b|\byen\b"),
        ("INR", r"₹|\bINR\b|\brupees?\b|\broepies?\b"),
        ("CAD", r"\bCAD\b|\bC\$"),
        ("AUD", r"\bAUD\b|\bA\$"),
    )
)


def _may_hold_money(text: str) -> bool:
    """A quick test before the currency patterns run (most segments mention no money); plain
    substring tests, because a regex alternation costs several times as much per segment."""
    return (
        "$" in text
        or "€" in text
        or "£" in text
        or "¥" in text
        or "₹" in text
        or "USD" in text
        or "EUR" in text
        or "GBP" in text
        or "ollar" in text
        or "uro" in text
        or "upee" in text
        or "terling" in text
        or "JPY" in text
        or "INR" in text
        or "CAD" in text
        or "AUD" in text
        or " yen" in text
    )


def _currencies(text: str) -> set[str]:
    return {code for code, pattern in _CURRENCIES if pattern.search(text)}


@register_pair_check(
    "currency", Level.ERROR, "locale-conventions/currency-format", "Currency changed"
)
def check_currency(source: str, target: str) -> Iterable[str]:
    """The currency of an amount changed ("$2,000 USD" → "2000 euro") or was dropped."""
    if not target.strip() or not _may_hold_money(source):
        return NONE
    masked_source = analyse(source).masked
    s = _currencies(masked_source)
    if not s:
        return NONE
    t = _currencies(analyse(target).masked)
    if s == t:
        return NONE
    lost, added = sorted(s - t), sorted(t - s)
    if lost and added:
        return (f"currency changed: {', '.join(lost)} → {', '.join(added)}",)
    if lost and any(ch.isdigit() for ch in masked_source):
        return (f"currency {', '.join(lost)} missing in target",)
    if added:
        return (f"currency {', '.join(added)} added in target",)
    return NONE
