"""Literal identity: hashes, GUIDs, code names, paths, acronyms and currencies that must survive."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks.analysis import MASKS, analyse, unmask, word_set
from reviewer.core.checks.base import Level, register_pair_check

NONE: tuple[str, ...] = ()
DNT = "accuracy/do-not-translate"

# PowerShell's approved verbs (Get-Verb), the first half of every cmdlet name.
_VERBS = word_set(
    "Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress "
    "Confirm Connect Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect "
    "Dismount Edit Enable Enter Exit Expand Export Find Format Get Grant Group Hide Import "
    "Initialize Install Invoke Join Limit Lock Measure Merge Mount Move New Open Optimize Out "
    "Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename Repair Request "
    "Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip "
    "Split Start Step Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock "
    "Unprotect Unpublish Unregister Update Use Wait Watch Write"
)
_EXTENSIONS = word_set(
    "exe dll ps1 psm1 psd1 json xml csv tsv txt msi msix msixbundle appx bat cmd cab zip log ini "
    "cfg config pst ost pfx cer crt pem p7b js ts py yml yaml md html htm aspx asmx docx doc "
    "xlsx xls xlsm pptx ppt vsdx one pdf plist mobileconfig sh reg inf sys xsd vbs jar apk ipa "
    "pkg dmg intunewin sql bak cs etl evtx mof admx adml wim iso vhd vhdx"
)

# Each whitespace-separated token is classified by the characters it holds; only the few that
# are not plain words reach a regex, which keeps the scan to a few µs per segment.
_GUID_RE = re.compile(r"\{?[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}?")
_HEX_RE = re.compile(r"[0-9A-Fa-f]{8,}")
_HEX_PAIR_RE = re.compile(r"[0-9A-Fa-f]{2}")
_HEX_GROUPS = 16  # an MD5 has 16 byte groups, a SHA-1 thumbprint 20
_KEY_RE = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_VERSION_RE = re.compile(r"v?\d+(?:\.\d+){2,}")
_EMAIL_RE = re.compile(r"[A-Za-z0-9_.+-]*[A-Za-z0-9_+-]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PATH_RE = re.compile(
    r"(?:[A-Za-z]:\\|\\\\(?=\w)|%\w+%\\)[^\s,;*()\[\]\"'<>`|]*"
    r"|/(?:etc|usr|var|opt|tmp|home|Library|Applications|Users|System)/[^\s,;()\[\]\"'<>`]*"
)
_VARIABLE_RE = re.compile(r"\$(?:[A-Za-z_]\w*(?::\w+)?|\{[^{}\s]+\})")
_PLACEHOLDER_RE = re.compile(r"%\d+|\{\d+\}|(?<![\w%])%[A-Za-z_]\w*%")
_PARAMETER_RE = re.compile(r"-[A-Z][A-Za-z0-9]+")
_FILE_RE = re.compile(r"[\w-][\w.-]*\.(\w+)")
_NAME_RE = re.compile(
    r"(?:[a-z]+[A-Z]|[A-Z][a-z0-9]+[A-Z]|[A-Z]{2,}[a-z]{2,})[A-Za-z0-9]*(?:_[A-Za-z0-9]+)*"
    r"|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
)
_EDGE = ".,;:!?()[]\"'*“”‘’«»<>|" + MASKS
_INNER_EDGE = ".,;:!?()[]\"'*“”‘’«»<>|"


def _classify(word: str, out: dict[tuple[str, str], None]) -> None:
    """Add the literal(s) in one token, already stripped of surrounding punctuation."""
    if "@" in word:
        m = _EMAIL_RE.search(word)
        if m is not None:
            out[("email", m.group().rstrip("."))] = None
        return
    if "\\" in word or word.startswith("/"):
        m = _PATH_RE.match(word)
        if m is not None and len(m.group()) >= 4:
            out[("path", m.group().rstrip("."))] = None
            return
    if "/" in word and "://" not in word:
        for part in word.split("/"):
            part = part.strip(_INNER_EDGE)
            if part:
                _classify(part, out)
        return
    first = word[0]
    if first == "$":
        m = _VARIABLE_RE.match(word)
        if m is not None:
            out[("variable", m.group())] = None
        return
    if "%" in word or "{" in word:
        for m in _PLACEHOLDER_RE.finditer(word):
            out[("placeholder", m.group())] = None
        return
    lower = word.lower()
    if "." in word:
        m = _FILE_RE.fullmatch(word)
        ext = m.group(1) if m is not None else ""
        if (
            ext.lower() in _EXTENSIONS
            and (ext.islower() or ext.isupper())
            and not word[: -len(ext) - 1].isdigit()  # "1.Log in to ..." is a numbered step
        ):
            out[("file", word)] = None
            return
        if any(c.isdigit() for c in word) and _VERSION_RE.fullmatch(word):
            out[("version", word)] = None
            return
        return
    if first == "-":
        if _PARAMETER_RE.fullmatch(word) and word not in _NOT_PARAMETERS:
            out[("parameter", word)] = None
        return
    if first == "*" and word.startswith("*-"):
        if _PARAMETER_RE.fullmatch(word[1:]):
            out[("cmdlet", word)] = None
        return
    if any(c.isdigit() for c in word):
        if "-" in word and _GUID_RE.fullmatch(word):
            out[("guid", word)] = None
            return
        if _HEX_RE.fullmatch(word) and not word.isdigit():
            out[("hex", word)] = None
            return
        if len(word) >= 16 and word != lower and word != word.upper() and _KEY_RE.fullmatch(word):
            out[("key", word)] = None
            return
    if "-" in word:
        verb, _, noun = word.partition("-")
        if verb in _VERBS and noun[:1].isupper() and noun.replace("-", "").isalnum():
            out[("cmdlet", word)] = None
            return
        for part in word.split("-"):
            if part and _NAME_RE.fullmatch(part):
                out[("name", part)] = None
        return
    if "_" not in word and (word == lower or word.isupper()):
        return
    if _NAME_RE.fullmatch(word):
        out[("name", word)] = None


@dataclass(frozen=True, slots=True)
class _TokenInfo:
    literals: tuple[tuple[str, str], ...] = ()
    caps: str = ""  # the acronym this token is (CSV, or URL for URLs), if it is one
    hex_pair: str = ""  # a two-digit hex group of a spaced thumbprint (A1 B2 C3 ...)


_BORING = _TokenInfo()
# Token → what it holds. Articles repeat their words, so most tokens are looked up, not read
# again; the dict is cleared when it grows large.
_TOKEN_CACHE: dict[str, _TokenInfo] = {}
_BORING_TOKENS: set[str] = set()
_TOKEN_CACHE_LIMIT = 200_000


def _token_info(token: str) -> _TokenInfo:
    if token.isalpha() and (token.islower() or token.istitle()):
        return _BORING
    # A group of a spaced thumbprint stands alone: "F1," in a list of licences is no hex.
    hex_pair = token if len(token) == 2 and _HEX_PAIR_RE.fullmatch(token) else ""
    word = token.strip(_EDGE)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) < 2:
        return _BORING
    if word.isalpha():
        if word.isupper():
            return _TokenInfo(caps=word, hex_pair=hex_pair)
        if word.islower() or word.istitle():
            return _BORING
        if word[-1] == "s" and word[:-1].isupper():
            return _TokenInfo(caps=word[:-1])  # URLs, APIs
    if hex_pair:
        return _TokenInfo(hex_pair=hex_pair)
    found: dict[tuple[str, str], None] = {}
    _classify(word, found)
    # An acronym heading a Dutch compound: CSV-bestand, PST-bestanden.
    head = word.split("-", 1)[0] if "-" in word else ""
    caps = head if 2 <= len(head) <= 6 and head.isalpha() and head.isupper() else ""
    if not found and not caps:
        return _BORING
    return _TokenInfo(literals=tuple(found), caps=caps)


def _scan(masked: str) -> tuple[list[Literal], list[str]]:
    """The literals and the all-caps words (acronym candidates) of a masked text."""
    boring = _BORING_TOKENS
    tokens = [t for t in masked.split() if t not in boring]
    if not tokens:
        return [], []
    found: dict[tuple[str, str], None] = {}
    caps: dict[str, None] = {}
    hex_run: list[str] = []
    cache = _TOKEN_CACHE
    for token in tokens:
        info = cache.get(token)
        if info is None:
            info = _token_info(token)
            if len(cache) >= _TOKEN_CACHE_LIMIT:
                cache.clear()
                boring.clear()
            if info is _BORING:
                boring.add(token)
                continue
            cache[token] = info
        if info.hex_pair:
            hex_run.append(info.hex_pair)
            continue
        if hex_run:
            hex_run = _end_run(hex_run, found)
        if info.caps:
            caps[info.caps] = None
        for item in info.literals:
            found[item] = None
    if hex_run:
        _end_run(hex_run, found)
    return [Literal(kind, text) for kind, text in found], list(caps)


def _end_run(run: list[str], found: dict[tuple[str, str], None]) -> list[str]:
    if len(run) >= _HEX_GROUPS:
        found[("hex", " ".join(run))] = None
    return []


_KIND_NAMES = {
    "guid": "GUID",
    "path": "path",
    "email": "e-mail address",
    "hex": "hash",
    "key": "key",
    "version": "version",
    "cmdlet": "cmdlet",
    "file": "file name",
    "parameter": "parameter",
    "variable": "variable",
    "placeholder": "placeholder",
    "name": "identifier",
}
# Kinds matched without caring about letters glued on either side: a path or placeholder that
# lost its space is a spacing problem, not a changed literal.
_LOOSE = frozenset({"path", "placeholder", "email"})
# PowerShell names ignore case: $True is $true.
_CASELESS = frozenset({"variable"})
# Kinds whose change of case alone is a capitalisation slip (identifier-case), not a new name.
_CASE_KINDS = frozenset({"name", "cmdlet", "parameter"})
# A parameter-like word that opens a list item or a sentence: "-The API is ...", "-OR-".
_NOT_PARAMETERS = word_set("-The -This -These -That -A -An -If -For -See -Note -Or -And -To -In")

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
}


@dataclass(frozen=True, slots=True)
class Literal:
    kind: str
    text: str

    @property
    def shown(self) -> str:
        return f"{_KIND_NAMES[self.kind]} {self.text}"


@dataclass(frozen=True, slots=True)
class Scan:
    literals: tuple[Literal, ...]
    caps: tuple[str, ...]  # all-caps words, e.g. CSV, PST, TRUE, OR


_EMPTY = Scan((), ())


@lru_cache(maxsize=512)
def scan(text: str) -> Scan:
    """Literals and all-caps words of ``text`` outside code spans, URLs and tags (which other
    checks compare); cached, as source and target are each read by several checks."""
    if _has_markup(text):
        a = analyse(text)
        masked = unmask(a.masked) if a.escapes else a.masked
    else:
        masked = text  # nothing to mask: skip the Markdown scan
    found, caps = _scan(masked)
    if not found and not caps:
        return _EMPTY
    return Scan(tuple(found), tuple(caps))


def _has_markup(text: str) -> bool:
    """Whether analysis.Text would mask anything: code, escapes, links, tags, URLs, entities."""
    return (
        "`" in text
        or "\\" in text
        or "[" in text
        or "<" in text
        or "&" in text
        or "://" in text
        or ":::" in text
    )


def literals(text: str) -> tuple[Literal, ...]:
    return scan(text).literals


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


def _missing(source: str, target: str) -> tuple[list[Literal], list[Literal]]:
    """Literals of the source the target lost: (changed outright, changed only in case)."""
    found = literals(source)
    if not found:
        return _NOTHING_MISSING
    if _last_missing and _last_missing[0][0] is source and _last_missing[0][1] is target:
        return _last_missing[0][2]
    result = _compute_missing(found, target)
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


@register_pair_check("identifier", Level.ERROR, DNT, "Literal changed")
def check_identifier(source: str, target: str) -> Iterable[str]:
    """A literal that must survive byte for byte (hash, GUID, key, version, cmdlet, parameter,
    $variable, %1 or {0}, path, file name, e-mail address, camelCase name) is changed or gone."""
    if not target.strip():
        return NONE
    changed, _ = _missing(source, target)
    if not changed:
        return NONE
    source_texts = {lit.text for lit in literals(source)}
    extra = [t for t in literals(target) if t.text not in source_texts]
    out: list[str] = []
    for literal in changed:
        glued = _glued(literal, target) if literal.kind not in _CASELESS else None
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
    for literal in case_only:
        start = target.lower().find(literal.text.lower())
        out.append(f"{literal.text} written as {target[start : start + len(literal.text)]}")
    return out


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
