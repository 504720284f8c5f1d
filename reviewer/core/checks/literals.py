"""Literal identity: hashes, GUIDs, code names, cmdlets, paths and files that must survive."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reviewer.core.checks import english, lexicon
from reviewer.core.checks.analysis import analyse, unmask, word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import blank_non_prose
from reviewer.core.checks.tokens import Literal, has_markup, literals

NONE: tuple[str, ...] = ()
DNT = "accuracy/do-not-translate"

# Kinds matched without caring about letters glued on either side: a path or placeholder that
# lost its space is a spacing problem, not a changed literal.
_LOOSE = frozenset({"path", "placeholder", "email"})
# PowerShell names ignore case: $True is $true.
_CASELESS = frozenset({"variable"})
# Kinds whose change of case alone is a capitalisation slip (identifier-case), not a new name.
_CASE_KINDS = frozenset({"name", "cmdlet", "parameter"})
# Names that Microsoft's Dutch user interface localises, so the English name may be gone:
# English name → Dutch renderings (any one, in any case). Read from the Dutch Office and
# Windows UI and from targets of the article set; see docs/CHECKS.md.
LOCALISED_NAMES: dict[str, tuple[str, ...]] = {
    "AutoSave": ("Automatisch opslaan",),
    "AutoComplete": ("Automatisch aanvullen",),
    "AutoCorrect": ("AutoCorrectie",),
    "AutoFill": ("Automatisch doorvoeren", "Automatisch invullen"),
    "AutoFit": ("AutoAanpassen",),
    "AutoRecover": ("AutoHerstel",),
    "AutoText": ("AutoTekst",),
    "AutoArchive": ("AutoArchiveren",),
    "AutoPlay": ("Automatisch afspelen",),
    "NotePad": ("Kladblok",),
    "Notepad": ("Kladblok",),
    "PivotTable": ("draaitabel",),
    "PivotChart": ("draaigrafiek",),
    "MyApps": ("Mijn apps",),
    "SmartLookup": ("Slim opzoeken",),
    "PowerBI": ("Power BI",),
    "WiFi": ("wifi",),  # the Dutch spelling
}


def _bounded(text: str, token: str, start: int, kind: str) -> bool:
    end = start + len(token)
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum():
        return False
    if kind == "version" and after == "." and text[end + 1 : end + 2].isdigit():
        return False
    return not after.isalnum()


def _present(literal: Literal, target: str, lower_target: str, caseless: bool = False) -> bool:
    token = literal.text
    if literal.kind == "hex" and " " in token:
        # A spaced thumbprint must come back as the same run: "… 2a 7b 7b" holds "… 2a 7b".
        return any(t.kind == "hex" and t.text == token for t in literals(target))
    if caseless or literal.kind in _CASELESS:
        token, target = token.lower(), lower_target
    if literal.kind in _LOOSE:
        return token in target
    start = target.find(token)
    while start >= 0:
        if _bounded(target, token, start, literal.kind):
            return True
        start = target.find(token, start + 1)
    return False


def _localised(literal: Literal, target: str, lower_target: str) -> bool:
    """A rendering Dutch may rightly use: a localised UI name, the singular of a plural name
    (OneDrives → OneDrive-accounts), or an example mailbox given a Dutch name on the same
    domain (joe@contoso.com → jan@contoso.com)."""
    text = literal.text
    if any(r.lower() in lower_target for r in LOCALISED_NAMES.get(text, ())):
        return True
    if literal.kind == "name" and text.endswith("s") and len(text) > 3:
        return _present(Literal("name", text[:-1]), target, lower_target, caseless=True)
    if literal.kind == "email":
        local, _, domain = literal.text.rpartition("@")
        if local.isalpha():
            return (
                re.search(rf"(?<![\w.])[^\W\d_]+@{re.escape(domain)}(?![\w-])", target) is not None
            )
    return False


def _glued(literal: Literal, target: str) -> str | None:
    """The word the literal is glued into in the target (hetedm.xml), if it is there so."""
    start = target.find(literal.text)
    if start < 0:
        return None
    a, b = start, start + len(literal.text)
    while a and target[a - 1].isalnum():
        a -= 1
    while b < len(target) and (target[b].isalnum() or target[b] in "._-"):
        b += 1
    return target[a:b].rstrip("._-")


_NOTHING_MISSING: tuple[list[Literal], list[Literal]] = ([], [])
# identifier and identifier-case ask in turn about the same pair: keep the last answer.
_last_missing: list[tuple[str, str, tuple[list[Literal], list[Literal]]]] = []


def visible(target: str) -> str:
    """The target as a reader sees it, plus its code spans: URLs and tag attributes left out,
    so a name that survives only inside a link's URL counts as lost."""
    if not has_markup(target):
        return target
    a = analyse(target)
    masked = unmask(a.masked) if a.escapes else a.masked
    return "\n".join([masked, *a.codes])


def _missing(source: str, target: str) -> tuple[list[Literal], list[Literal]]:
    """Literals of the source the target lost: (changed outright, changed only in case)."""
    found = literals(source)
    if not found:
        return _NOTHING_MISSING
    if _last_missing and _last_missing[0][0] is source and _last_missing[0][1] is target:
        return _last_missing[0][2]
    result = _compute_missing(found, visible(target))
    _last_missing[:] = [(source, target, result)]
    return result


def _compute_missing(
    found: tuple[Literal, ...], target: str
) -> tuple[list[Literal], list[Literal]]:
    lower_target = target.lower()
    changed: list[Literal] = []
    case_only: list[Literal] = []
    for literal in found:
        if _present(literal, target, lower_target) or _localised(literal, target, lower_target):
            continue
        if literal.kind in _CASE_KINDS and _present(literal, target, lower_target, caseless=True):
            case_only.append(literal)
        else:
            changed.append(literal)
    return changed, case_only


def _counterpart(literal: Literal, changed: list[Literal], extra: list[Literal]) -> Literal | None:
    """The one new literal of the same kind in the target, when one of that kind was lost."""
    if sum(1 for c in changed if c.kind == literal.kind) != 1:
        return None
    same = [t for t in extra if t.kind == literal.kind]
    return same[0] if len(same) == 1 else None


# A cell that holds only a query-language type name (the lowercase Kusto types of schema
# tables): "string" → "tekenreeks" breaks a query. Capitalised "String" in a REST property
# table describes a type in prose and is often translated, so it is left alone.
_DATA_TYPES = word_set("string long int bool boolean datetime dynamic real double guid timespan")


@register_pair_check("identifier", Level.ERROR, DNT, "Literal changed")
def check_identifier(source: str, target: str) -> Iterable[str]:
    """A literal that must survive byte for byte (hash, GUID, key, version, cmdlet, parameter,
    $variable, %1 or {0}, path, file name, e-mail address, camelCase name) is changed or gone."""
    if not target.strip():
        return NONE
    if source in _DATA_TYPES and source != target:
        return (f"data type {source} translated: → {target.strip()}",)
    changed, _ = _missing(source, target)
    if not changed:
        return NONE
    source_texts = {lit.text for lit in literals(source)}
    extra = [t for t in literals(target) if t.text not in source_texts]
    out: list[str] = []
    seen = visible(target)
    for literal in changed:
        glued = _glued(literal, seen) if literal.kind not in _CASELESS else None
        if glued is not None and glued != literal.text:
            out.append(f"{literal.shown} is glued to the words around it: {glued}")
            continue
        other = _counterpart(literal, changed, extra)
        if other is not None:
            out.append(f"{literal.shown} changed: → {other.text}")
        else:
            out.append(f"{literal.shown} missing or altered in target")
    return out


@register_pair_check(
    "identifier-case",
    Level.WARNING,
    "linguistic-conventions/textual-conventions",
    "Name capitalised differently",
)
def check_identifier_case(source: str, target: str) -> Iterable[str]:
    """A product or code name in mixed case (PowerShell, eDiscovery, iOS) lost its capitals."""
    if not target.strip():
        return NONE
    _, case_only = _missing(source, target)
    out: list[str] = []
    seen = visible(target) if case_only else ""
    for literal in case_only:
        start = seen.lower().find(literal.text.lower())
        out.append(f"{literal.text} written as {seen[start : start + len(literal.text)]}")
    for acronym, written in lowered_acronyms(source, target):
        out.append(f"acronym {acronym} written as {written}")
    return out


_ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z]{3,6})(?!\w)")
_THREE_CAPITALS_RE = re.compile(r"[A-Z]{3}")


def lowered_acronyms(source: str, target: str) -> list[tuple[str, str]]:
    """Acronyms of the source (PRT, UWP, DKIM) that the target writes in lower case, on their
    own or as the first part of a compound (prt-gebaseerde, uwp-apps); not those Dutch
    writes in lower case (pdf, url, usb, sms: the dictionary knows them) or English words."""
    if _THREE_CAPITALS_RE.search(source) is None or _ACRONYM_RE.search(source) is None:
        return []  # the plain pattern first: it settles nine sources in ten at half the cost
    acronyms = set(_ACRONYM_RE.findall(blank_non_prose(source)))
    if not acronyms:
        return []
    seen = blank_non_prose(target)
    out: list[tuple[str, str]] = []
    for acronym in sorted(acronyms):
        if acronym.lower() not in seen:
            continue  # the pattern below is this lowercase text and more: it cannot match
        if not _lowercase_is_wrong(acronym):
            continue
        pattern = _lowered_pattern(acronym.lower())
        if pattern.search(source) is not None:
            continue  # the source, too, writes it in lower case ("the smtp address")
        m = pattern.search(seen)
        if m is not None:
            end = seen.find(" ", m.end())
            out.append((acronym, seen[m.start() : end if end > 0 else len(seen)].rstrip(".,;:)*_")))
    return out


@lru_cache(maxsize=4096)
def _lowercase_is_wrong(acronym: str) -> bool:
    low = acronym.lower()
    dictionary = lexicon.dictionary()
    if dictionary is None or dictionary.check(low):
        return False  # pdf, url, usb, btw: Dutch spelling writes these in lower case
    en, nl = english.frequencies(low)
    return nl < LOWER_ZIPF and en < english.MIN_ZIPF


# wordfreq finds a lowercase acronym this often in Dutch text when Dutch writes it so (ict, sms).
LOWER_ZIPF = 1.5


@lru_cache(maxsize=4096)
def _lowered_pattern(low: str) -> re.Pattern[str]:
    """The lowercase acronym as a word or a compound's first part, not inside a path or URL."""
    return re.compile(rf"(?<![\w/.#@$%-]){re.escape(low)}(?=-[a-zà-ÿ]|[ ,;:)]|\.(?:\s|$)|$)")
