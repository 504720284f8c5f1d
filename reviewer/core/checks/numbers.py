"""Number checks: numbers kept, with Dutch separators, 24-hour times and number words tolerated."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import analyse, describe_diff, multiset_diff
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.tokens import literals

NONE: tuple[str, ...] = ()
# A number with optional separators: 3,000 / 3.000 / 1,5 / 10.0.0.1 / 3 000 with a no-break space.
# Digits glued to a letter or a separator on the left (M365, IPv4, v1.0) belong to a name.
_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*")
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")
_ENGLISH_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# A product name with a number (Office 365, Windows 10): MT may mention it once more or less.
_NAME_NUMBER_RE = re.compile(r"\b([A-Z][A-Za-z]+)[ \u00a0-](\d+)\b")
# Something shaped like a GUID, even with a digit dropped or doubled.
_GUID_SHAPE_RE = re.compile(r"\b[0-9A-Fa-f]{6,}(?:-[0-9A-Fa-f]{3,}){3}-[0-9A-Fa-f]{10,}\b")
# Literals whose digits the identifier check compares byte for byte.
_DIGIT_LITERALS = frozenset({"guid", "hex", "key", "version", "path", "file", "email"})

# -- times ------------------------------------------------------------------------------------
# 12-hour clock times in the source: 4:59 PM, 9 AM, 9am, 2 a.m., noon, midnight.
_TIME_12_RE = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![\w])|\b(noon|midnight)\b", re.I
)
# 24-hour times in the target: 16:59, 16.59, 9:00, 16 uur.
_TIME_24_RE = re.compile(
    r"(?<![\d.,:])(\d{1,2})[:.](\d{2})(?!\d|[.,:]\d)|(?<![\d.,:])(\d{1,2}) uur\b"
)
# A bare hour range in a schedule, "Mon-Fri 9-5", which Dutch writes 9.00-17.00.
_HOUR_RANGE_RE = re.compile(r"(?<![\d.,:])(\d{1,2})\s?(?:-|–|to|tot)\s?(\d{1,2})(?![\d.,:]|\s?%)")

# -- number words -----------------------------------------------------------------------------
_DUTCH_UNITS = "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
_DUTCH_UNITS += "vijftien zestien zeventien achttien negentien"
_DUTCH_TENS = "twintig dertig veertig vijftig zestig zeventig tachtig negentig"
_ENGLISH_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen "
_ENGLISH_UNITS += "fourteen fifteen sixteen seventeen eighteen nineteen"
_ENGLISH_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_DUTCH_ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 8: "achtste"}
_ENGLISH_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 12: "twelfth"}


def _dutch_words() -> dict[int, tuple[str, ...]]:
    units = _DUTCH_UNITS.split()
    tens = _DUTCH_TENS.split()
    out: dict[int, list[str]] = {n: [w] for n, w in enumerate(units)}
    out[1] = ["een", "één", "enkel"]
    out[2].append("beide")
    for t, ten in enumerate(tens, start=2):
        out[t * 10] = [ten]
        for u in range(1, 10):
            unit = "een" if u == 1 else units[u]
            joint = "ën" if unit.endswith("e") else "en"
            out[t * 10 + u] = [f"{unit}{joint}{ten}"]
    out[100] = ["honderd"]
    out[1000] = ["duizend"]
    for n, word in _DUTCH_ORDINALS.items():
        out[n].append(word)
    return {n: tuple(words) for n, words in out.items()}


def _english_words() -> dict[int, tuple[str, ...]]:
    units = _ENGLISH_UNITS.split()
    tens = _ENGLISH_TENS.split()
    out: dict[int, list[str]] = {n: [w] for n, w in enumerate(units)}
    out[1] += ["single", "once"]
    out[2] += ["both", "twice", "double"]
    for t, ten in enumerate(tens, start=2):
        out[t * 10] = [ten]
        for u in range(1, 10):
            out[t * 10 + u] = [f"{ten}-{units[u]}", f"{ten} {units[u]}"]
    out[12].append("dozen")
    out[100] = ["hundred"]
    out[1000] = ["thousand"]
    for n, word in _ENGLISH_ORDINALS.items():
        out[n].append(word)
    return {n: tuple(words) for n, words in out.items()}


DUTCH_NUMBER_WORDS = _dutch_words()
ENGLISH_NUMBER_WORDS = _english_words()
# English units of measure a Dutch translation may rightly drop in favour of the metric value
# the source gives beside them: "500 miles (800 kilometers)" → "800 kilometer".
_IMPERIAL_RE = re.compile(
    r"\s?(?:miles?|mi|feet|foot|ft|inch(?:es)?|in\.|yards?|pounds?|lbs?|ounces?|oz|gallons?|mph|°F)\b"
)
# Written out or dropped in Dutch: 24/7 → doorlopend, 3rd-party → van derden, extern.
_AROUND_THE_CLOCK_RE = re.compile(r"\b24\s?[x×/]\s?7\b|\b3rd[- ]party\b")
# English phrases a Dutch translation may give as a number: "around-the-clock" → "24 uur per
# dag", "24/7" → "24 uur per dag, 7 dagen per week".
_NUMBER_PHRASES = (
    (re.compile(r"\b(?:a)?round[- ]the[- ]clock\b|\b24\s?[x×/]\s?7\b", re.I), ("24", "7")),
)
# A converted value in the target: a number, maybe "27,9 x 43,2", then a metric unit, and the
# factors from the English units it may come from (inch, foot, yard, mile, pound, ounce,
# gallon); "F" stands for °F → °C.
_METRIC_AFTER_RE = re.compile(
    r"(?:\s?[x×]\s?\d+(?:[.,]\d+)?)*\s?(mm|cm|m|km|kg|g|l|°C|millimeters?|centimeters?|"
    r"meters?|kilometers?|kilogram|kilo|gram|liter)\b"
)
_UNIT_FACTORS: dict[str, tuple[float | str, ...]] = {
    "mm": (25.4,),
    "cm": (2.54, 30.48),
    "m": (0.3048, 0.9144),
    "km": (1.609344,),
    "kg": (0.45359237,),
    "g": (28.349523,),
    "l": (3.785411,),
    "°c": ("F",),
}
_UNIT_NAMES = {
    "millimeter": "mm",
    "centimeter": "cm",
    "meter": "m",
    "kilometer": "km",
    "kilogram": "kg",
    "kilo": "kg",
    "gram": "g",
    "liter": "l",
}
_MULTIPLIERS = (("k", 1_000), ("K", 1_000), (" million", 1_000_000), (" billion", 1_000_000_000))


def _numbers(masked: str, names: set[str] | None = None) -> list[str]:
    if names:
        for name in names:
            masked = masked.replace(name, " ")
    return _NUMBER_RE.findall(masked)


def _key(number: str) -> str:
    # Only the digits count: 3,000 = 3.000 = 3000 and 1.5 = 1,5 (Dutch swaps the separators);
    # a day or an hour may gain or lose its leading zero (03 december, 09:00).
    if len(number) == 2 and number.isdigit():
        return str(int(number))
    return "".join(c for c in number if c.isdigit())


def _spelled_out(key: str, text: str, words: dict[int, tuple[str, ...]]) -> bool:
    value = int(key) if key.isdigit() and len(key) <= 4 else -1
    return any(w in text for w in words.get(value, ()))


def _without_literals(masked: str, *texts: str) -> str:
    """``masked`` with the hashes, GUIDs, versions, paths and file names of ``texts`` blanked
    out: the identifier check compares those. Only the source's versions are taken, so a Dutch
    30.000.000 in a target is not mistaken for a version."""
    for k, text in enumerate(texts):
        for literal in literals(text):
            wanted = literal.kind in _DIGIT_LITERALS and (k == 0 or literal.kind != "version")
            if wanted and literal.text in masked:
                masked = masked.replace(literal.text, " ")
    return masked


def _minutes(hour: int, minute: int, meridiem: str) -> int:
    pm = meridiem.lower().startswith("p")
    if hour == 12:
        hour = 0
    return (hour + (12 if pm else 0)) * 60 + minute


def _clock(masked: str) -> list[tuple[int, str]]:
    """24-hour times in a text, as (minutes after midnight, the digits they use)."""
    out: list[tuple[int, str]] = []
    for m in _TIME_24_RE.finditer(masked):
        if m.group(3) is not None:
            hour = int(m.group(3))
            out.append((hour * 60, m.group(3)))
        else:
            hour, minute = int(m.group(1)), int(m.group(2))
            if hour <= 24 and minute < 60:
                out.append((hour * 60 + minute, m.group(1) + m.group(2)))
    return out


def _match_times(s_masked: str, t_masked: str, s_keys: list[str], t_keys: list[str]) -> list[str]:
    """Pair 12-hour source times with the 24-hour target times that render them, removing the
    digits of both from the key lists; returns the source times the target lacks."""
    clock = _clock(t_masked)
    lost: list[str] = []
    for m in _TIME_12_RE.finditer(s_masked):
        if m.group(4) is not None:
            wanted = 12 * 60 if m.group(4).lower() == "noon" else 0
            s_digits = ""
        else:
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= hour <= 12 or minute >= 60:
                continue
            wanted = _minutes(hour, minute, m.group(3))
            s_digits = m.group(1) + (m.group(2) or "")
        found = next((c for c in clock if c[0] % 1440 == wanted % 1440), None)
        if found is None:
            if m.group(1) is not None and _remove(t_keys, s_digits):
                _remove(s_keys, s_digits)  # kept as a 12-hour time
                continue
            if m.group(4) is None:
                lost.append(m.group().strip())
            continue
        clock.remove(found)
        if s_digits and not _remove(s_keys, s_digits):
            _remove_parts(s_keys, m.group(1), m.group(2))
        _remove_clock(t_keys, found[1])
    # A bare range such as "9-5" read as office hours: 9.00-17.00.
    for m in _HOUR_RANGE_RE.finditer(s_masked):
        start, end = int(m.group(1)), int(m.group(2))
        if not (1 <= end < start <= 12):
            continue
        pair = [c for c in clock if c[0] in (start * 60, (end + 12) * 60)]
        if len(pair) == 2:
            for c in pair:
                clock.remove(c)
                _remove_clock(t_keys, c[1])
            _remove(s_keys, m.group(1))
            _remove(s_keys, m.group(2))
    # Any other target time whose hour the source gives on the 12-hour clock without AM or PM
    # ("closed from 1 to 2:30" → 13:00 tot 14:30), or as 24:00 for midnight.
    for minutes, digits in clock:
        hour, minute = divmod(minutes, 60)
        minute_key = _key(f"{minute:02d}")
        for h in (24 if hour == 0 else -1, hour, hour - 12):
            if h >= 0 and str(h) in s_keys and (minute == 0 or minute_key in s_keys):
                # 9:00 in the source keeps its minutes as a number of their own
                _remove(s_keys, str(h))
                if minute:
                    _remove(s_keys, minute_key)
                elif len(digits) > 2:
                    _remove(s_keys, "0")
                _remove_clock(t_keys, digits)
                break
    return lost


def _remove_clock(keys: list[str], digits: str) -> None:
    """Drop a target time's digits: one number (16.59) or hour and minutes apart (16:59)."""
    if not _remove(keys, digits) and len(digits) > 2:
        _remove_parts(keys, digits[:-2], digits[-2:])


def _remove(keys: list[str], digits: str) -> bool:
    key = _key(digits)
    if key in keys:
        keys.remove(key)
        return True
    return False


def _remove_parts(keys: list[str], hour: str, minute: str | None) -> bool:
    removed = _remove(keys, hour)
    if minute is not None:
        removed = _remove(keys, minute) or removed
    return removed


def _name_numbers(masked: str) -> set[tuple[str, str]]:
    return {(m.group(1), m.group(2)) for m in _NAME_NUMBER_RE.finditer(masked)}


def _scaled(key: str, s_masked: str, number: str, t_keys: list[str]) -> bool:
    """10k → 10.000, 30 million → 30.000.000: the target writes the multiplied number."""
    at = s_masked.find(number)
    if at < 0 or not key.isdigit():
        return False
    after = s_masked[at + len(number) : at + len(number) + 9]
    for suffix, factor in _MULTIPLIERS:
        if after.startswith(suffix) and _remove(t_keys, str(int(key) * factor)):
            return True
    return False


@register_pair_check("numbers", Level.ERROR, "accuracy/mistranslation", "Numbers differ")
def check_numbers(source: str, target: str) -> Iterable[str]:
    """Numbers outside code and URLs differ; Dutch separators, 24-hour times for 12-hour ones
    (4:59 PM → 16:59) and number words (twenty-four → 24, 30 → dertig) are accepted."""
    s_raw, t_raw = _DIGITS_RE.findall(source), _DIGITS_RE.findall(target)
    if not s_raw and not t_raw:
        return NONE
    if s_raw == t_raw or sorted(s_raw) == sorted(t_raw):
        return NONE  # the same digit runs, wherever they sit
    s_masked = _without_literals(analyse(source).masked, source)
    t_masked = _without_literals(analyse(target).masked, source, target)
    if "-" in t_masked and _GUID_SHAPE_RE.search(s_masked + " " + source):
        t_masked = _GUID_SHAPE_RE.sub(" ", t_masked)  # an altered GUID: identifier reports it
    if ("24" in s_masked or "3rd" in s_masked) and _AROUND_THE_CLOCK_RE.search(s_masked):
        s_masked = _AROUND_THE_CLOCK_RE.sub(" ", s_masked)  # 24/7 → "doorlopend"
    s = _numbers(s_masked)
    t = _numbers(t_masked)
    if s == t:
        return NONE
    s_names, t_names = _name_numbers(s_masked), _name_numbers(t_masked)
    if s_names or t_names:
        # A product name mentioned once more or less (Office 365) is not a number change; a
        # name both sides give different numbers (Windows 10 → Windows 11) still counts.
        shared_words = {w for w, _ in s_names} & {w for w, _ in t_names}
        s_all, t_all = {_key(n) for n in s}, {_key(n) for n in t}
        drop = s_names & t_names
        drop |= {
            p for p in s_names - t_names if p[0] not in shared_words and _key(p[1]) not in t_all
        }
        drop |= {
            p for p in t_names - s_names if p[0] not in shared_words and _key(p[1]) not in s_all
        }
        shown = {f"{w}{sep}{n}" for w, n in drop for sep in (" ", "\u00a0", "-")}
        s, t = _numbers(s_masked, shown), _numbers(t_masked, shown)
    s_keys, t_keys = [_key(n) for n in s], [_key(n) for n in t]
    lost_times = _match_times(s_masked, t_masked, s_keys, t_keys)
    missing_keys, added_keys = multiset_diff(s_keys, t_keys)
    if not missing_keys and not added_keys and not lost_times:
        return NONE
    if (
        len(missing_keys) == 1 and len(added_keys) > 1 and "".join(added_keys) == missing_keys[0]
    ) or (
        len(added_keys) == 1 and len(missing_keys) > 1 and "".join(missing_keys) == added_keys[0]
    ):
        return NONE  # split or joined: "Jan 1,2020" → "1 januari 2020", 3 000 → 3000
    shown_s = dict(zip(s_keys, s, strict=False)) | {_key(n): n for n in s}
    shown_t = {_key(n): n for n in t}
    lower_s, lower_t = s_masked.lower(), t_masked.lower()
    spare = list(added_keys)
    missing_keys = list(missing_keys)
    if missing_keys and spare:
        _drop_conversions(missing_keys, spare, shown_s, shown_t, t_masked)
    kept: list[str] = []
    for k in missing_keys:
        number = shown_s.get(k, k)
        if _spelled_out(k, lower_t, DUTCH_NUMBER_WORDS) or _scaled(k, s_masked, number, spare):
            continue
        at = s_masked.find(number)
        if at >= 0 and _IMPERIAL_RE.match(s_masked, at + len(number)):
            continue  # "500 miles (800 kilometers)": the metric value is kept
        kept.append(k)
    added = [
        k
        for k in spare
        if not _spelled_out(k, lower_s, ENGLISH_NUMBER_WORDS)
        and not (k.startswith("0") and f".{k[1:]}" in s_masked)  # .5 → 0,5
        and not _in_phrase(k, s_masked)
    ]
    missing = [shown_s.get(k, k) for k in kept]
    shown_added = [shown_t.get(k, k) for k in added]
    out: list[str] = [
        f"time {time} missing in target (24-hour clock expected)" for time in lost_times
    ]
    if len(missing) == 1 and not shown_added:
        out.append(f"number {missing[0]} missing in target")
    elif len(shown_added) == 1 and not missing:
        out.append(f"number {shown_added[0]} added in target")
    else:
        out.extend(describe_diff("number", missing, shown_added))
    return out


def _in_phrase(key: str, s_masked: str) -> bool:
    """The source says in words what the target gives as this number (around-the-clock)."""
    return any(key in keys and rx.search(s_masked) for rx, keys in _NUMBER_PHRASES)


def _value(number: str, dutch: bool) -> float | None:
    """The value of a number as written: Dutch 27,9 and 1.000, English 2.5 and 1,000."""
    thousands, decimal = (".", ",") if dutch else (",", ".")
    text = number.replace("\u00a0", "").replace("\u202f", "").replace(thousands, "")
    try:
        return float(text.replace(decimal, "."))
    except ValueError:
        return None


def _converts(english: float, metric: float, decimals: int, factor: float | str) -> bool:
    """``metric`` is ``english`` converted with ``factor`` and rounded to ``decimals``."""
    value = (english - 32) * 5 / 9 if factor == "F" else english * float(factor)
    return abs(round(value, decimals) - metric) < 1e-6


def _drop_conversions(
    missing: list[str], added: list[str], shown_s: dict[str, str], shown_t: dict[str, str], t: str
) -> None:
    """Remove source numbers the target converted to the metric unit it names ("11 x 17" paper
    → "27,9 x 43,2 cm"), and the converted values, from both lists."""
    for a in list(added):
        number = shown_t.get(a, a)
        at = t.find(number)
        unit = _METRIC_AFTER_RE.match(t, at + len(number)) if at >= 0 else None
        metric = _value(number, dutch=True)
        if unit is None or metric is None:
            continue
        name = unit.group(1).lower().removesuffix("s")
        factors = _UNIT_FACTORS.get(_UNIT_NAMES.get(name, name), ())
        decimals = len(number.rsplit(",", 1)[1]) if "," in number else 0
        for k in missing:
            english = _value(shown_s.get(k, k), dutch=False)
            if english and any(_converts(english, metric, decimals, f) for f in factors):
                missing.remove(k)
                added.remove(a)
                break


# A versioned name with a decimal point that a translation must keep: TLS 1.2, OAuth 2.0.
_VERSION_NAME_RE = re.compile(r"\b([A-Z][\w.]*[ \u00a0]v?)(\d+)\.(\d+)\b(?![.,]\d)")


@register_pair_check(
    "number-format",
    Level.WARNING,
    "locale-conventions/number-format",
    "Number written the English way",
)
def check_number_format(source: str, target: str) -> Iterable[str]:
    """A number like 3,000 kept its English comma, which a Dutch reader takes for a decimal; or
    a version such as TLS 1.2 got a decimal comma (TLS 1,2)."""
    if "," not in target or _DIGIT_RE.search(target) is None:
        return NONE
    out: list[str] = []
    s_masked = analyse(source).masked
    s = set(_numbers(s_masked))
    t_masked = analyse(target).masked
    for number in _numbers(t_masked):
        if number in s and _ENGLISH_THOUSANDS_RE.match(number):
            dutch = number.replace(",", ".")
            out.append(f"{number} keeps the English thousands separator; Dutch writes {dutch}")
    if "." in s_masked:
        for m in _VERSION_NAME_RE.finditer(s_masked):
            comma = f"{m.group(1)}{m.group(2)},{m.group(3)}"
            if comma in t_masked:
                out.append(f"version {m.group().strip()} written as {comma.strip()}")
    return out
