"""The shared token scan of a segment: literals that must survive, and all-caps words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.checks.analysis import MASKS, analyse, unmask, word_set

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
# Verb-Noun words that are UI terms, not cmdlets: "Add-Ins", "Set-Up".
_NOT_NOUNS = word_set("In Ins On Ons Up Ups Out Outs Off")
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
        if (
            verb in _VERBS
            and noun[:1].isupper()
            and noun.replace("-", "").isalnum()
            and noun not in _NOT_NOUNS
        ):
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


# A parameter-like word that opens a list item or a sentence: "-The API is ...", "-OR-".
_NOT_PARAMETERS = word_set("-The -This -These -That -A -An -If -For -See -Note -Or -And -To -In")

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
    if has_markup(text):
        a = analyse(text)
        masked = unmask(a.masked) if a.escapes else a.masked
    else:
        masked = text  # nothing to mask: skip the Markdown scan
    found, caps = _scan(masked)
    if not found and not caps:
        return _EMPTY
    return Scan(tuple(found), tuple(caps))


def has_markup(text: str) -> bool:
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
