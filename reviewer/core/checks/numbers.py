"""Number checks: numbers kept, with Dutch decimal and thousands separators tolerated."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import analyse, describe_diff, multiset_diff
from reviewer.core.checks.base import Level, register_pair_check

NONE: tuple[str, ...] = ()
# A number with optional separators: 3,000 / 3.000 / 1,5 / 10.0.0.1 / 3 000 with a no-break space.
# Digits glued to a letter or a separator on the left (M365, IPv4, v1.0) belong to a name.
_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*")
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")
_ENGLISH_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# A product name with a number (Office 365, Windows 10): MT may mention it once more or less.
_NAME_NUMBER_RE = re.compile(r"\b[A-Z][A-Za-z]+[ \u00a0-]\d+\b")
# Small numbers MT writes out, in Dutch (target) and English (source), also inside compounds
# such as "zescijferig" or "three-digit".
_DUTCH_WORDS = {
    1: ("één", "eerste", "enkel"),
    2: ("twee", "beide"),
    3: ("drie", "derde"),
    4: ("vier",),
    5: ("vijf",),
    6: ("zes",),
    7: ("zeven",),
    8: ("acht",),
    9: ("negen",),
    10: ("tien",),
    11: ("elf",),
    12: ("twaalf",),
}
_ENGLISH_WORDS = {
    1: ("one", "first", "single"),
    2: ("two", "second", "both"),
    3: ("three", "third"),
    4: ("four",),
    5: ("five",),
    6: ("six",),
    7: ("seven",),
    8: ("eight",),
    9: ("nine",),
    10: ("ten",),
    11: ("eleven",),
    12: ("twelve",),
}


def _numbers(masked: str, names: set[str] | None = None) -> list[str]:
    if names:
        for name in names:
            masked = masked.replace(name, " ")
    return _NUMBER_RE.findall(masked)


def _key(number: str) -> str:
    # Only the digits count: 3,000 = 3.000 = 3000 and 1.5 = 1,5 (Dutch swaps the separators).
    return "".join(c for c in number if c.isdigit())


def _spelled_out(number: str, text: str, words: dict[int, tuple[str, ...]]) -> bool:
    value = int(number) if number.isdigit() and len(number) <= 2 else 0
    spelled = words.get(value)
    if not spelled:
        return False
    lower = text.lower()
    return any(w in lower for w in spelled)


@register_pair_check("numbers", Level.ERROR, "accuracy/mistranslation", "Numbers differ")
def check_numbers(source: str, target: str) -> Iterable[str]:
    """Numbers outside code and URLs differ (separators may follow Dutch conventions)."""
    s_raw, t_raw = _DIGITS_RE.findall(source), _DIGITS_RE.findall(target)
    if not s_raw and not t_raw:
        return NONE
    if s_raw == t_raw or sorted(s_raw) == sorted(t_raw):
        return NONE  # the same digit runs, wherever they sit
    s_masked, t_masked = analyse(source).masked, analyse(target).masked
    s = _numbers(s_masked)
    t = _numbers(t_masked)
    if s == t:
        return NONE
    names = set(_NAME_NUMBER_RE.findall(s_masked)) & set(_NAME_NUMBER_RE.findall(t_masked))
    if names:
        s, t = _numbers(s_masked, names), _numbers(t_masked, names)
    s_keys, t_keys = [_key(n) for n in s], [_key(n) for n in t]
    missing_keys, added_keys = multiset_diff(s_keys, t_keys)
    if not missing_keys and not added_keys:
        return NONE
    if (
        len(missing_keys) == 1 and len(added_keys) > 1 and "".join(added_keys) == missing_keys[0]
    ) or (
        len(added_keys) == 1 and len(missing_keys) > 1 and "".join(missing_keys) == added_keys[0]
    ):
        return NONE  # split or joined: "Jan 1,2020" → "1 januari 2020", 3 000 → 3000
    missing_keys = [k for k in missing_keys if not _spelled_out(k, t_masked, _DUTCH_WORDS)]
    added_keys = [k for k in added_keys if not _spelled_out(k, s_masked, _ENGLISH_WORDS)]
    if not missing_keys and not added_keys:
        return NONE
    shown_s = dict(zip(s_keys, s, strict=True))
    shown_t = dict(zip(t_keys, t, strict=True))
    missing = [shown_s[k] for k in missing_keys]
    added = [shown_t[k] for k in added_keys]
    if len(missing) == 1 and not added:
        return (f"number {missing[0]} missing in target",)
    if len(added) == 1 and not missing:
        return (f"number {added[0]} added in target",)
    return describe_diff("number", missing, added)


@register_pair_check(
    "number-format",
    Level.WARNING,
    "locale-conventions/number-format",
    "English thousands separator",
)
def check_number_format(source: str, target: str) -> Iterable[str]:
    """A number like 3,000 kept its English comma, which a Dutch reader takes for a decimal."""
    if "," not in target or _DIGIT_RE.search(target) is None:
        return NONE
    out: list[str] = []
    s = set(_numbers(analyse(source).masked))
    for number in _numbers(analyse(target).masked):
        if number in s and _ENGLISH_THOUSANDS_RE.match(number):
            dutch = number.replace(",", ".")
            out.append(f"{number} keeps the English thousands separator; Dutch writes {dutch}")
    return out
