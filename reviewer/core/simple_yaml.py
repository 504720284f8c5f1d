"""The plain front matter of nearly every article, read without a YAML parser: same result.

Microsoft Docs front matter is a flat block of ``key: value`` lines and ``key:`` lines followed
by ``- item`` lists, with plain, single- or double-quoted one-line values. ``load`` reads
exactly that and returns what ``yaml.safe_load`` returns for it; for anything else (comments,
folded lines, escapes, flow collections, anchors, tags, values YAML would read as a number, a
date, a boolean or null, duplicate keys, unusual characters) it returns None and the caller
uses PyYAML. It is ten times quicker, which matters when a project indexes thousands of
articles (tests/core/test_simple_yaml.py compares both on the corpus and on generated text).
"""

from __future__ import annotations

import re

_KEY_LINE_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*):(?: +(.*))?")
_ITEM_LINE_RE = re.compile(r"( *)-(?: +(.*))?")
# Anything PyYAML's reader refuses or reads as a line break, plus tabs and CR: left to PyYAML.
# Written as the characters it matches: the same set as [^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff
# \ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff] (tests/core/test_simple_yaml.py), whose
# compilation took ~10 ms of every start.
_UNUSUAL_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# The characters of every value YAML 1.1 reads as a decimal int, a float (.inf and .nan too) or
# a timestamp (PyYAML's implicit resolvers); hexadecimal and binary ints start with 0x and 0b.
# A value starting like a number and made only of these is left to PyYAML.
_NUMBERISH = frozenset("0123456789+-._: eEtTzZinfaINFA")
_NUMBER_START = frozenset("-+0123456789.")
_BASE_PREFIX_RE = re.compile(r"[-+]?0[xXbB]")
# Hex digits and dashes with a dash after the first character (a GUID such as an all-digit
# ms.assetid): YAML 1.1 reads such a value as a string unless it is a yyyy-mm-dd date; its
# ints have no inner dash and its floats need a dot.
_HEX_AND_DASH = frozenset("0123456789abcdefABCDEF-")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
# Whole values PyYAML reads as a boolean or null (and the merge and value keys).
_WORDS = frozenset(
    {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE"}
    | {"on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<", "="}
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def _scalar(text: str) -> tuple[bool, str | None]:
    """(True, value) for a one-line scalar read as YAML would, (False, None) when unsure."""
    text = text.rstrip(" ")
    if not text:
        return True, None
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) >= 2 and text[-1] == '"' and '"' not in inner and "\\" not in inner:
            return True, inner
        return False, None
    if first == "'":
        inner = text[1:-1]
        if len(text) >= 2 and text[-1] == "'" and "'" not in inner:
            return True, inner
        return False, None
    if first in _INDICATORS or text in _WORDS or text.endswith(":"):
        return False, None
    if ": " in text or " #" in text:
        return False, None
    if first in _NUMBER_START and (_NUMBERISH.issuperset(text) or _BASE_PREFIX_RE.match(text)):
        dashed = "-" in text[1:] and _HEX_AND_DASH.issuperset(text)
        if not dashed or _DATE_RE.fullmatch(text):
            return False, None
    return True, text


def load(raw: str) -> dict[str, str | list[str | None] | None] | None:
    """``raw`` as ``yaml.safe_load`` reads it when it is plain front matter, else None."""
    if _UNUSUAL_RE.search(raw):
        return None
    out: dict[str, str | list[str | None] | None] = {}
    items: list[str | None] | None = None  # the list the last key opened, if any
    indent = -1
    for line in raw.split("\n"):
        if not line.strip(" "):
            continue
        key = _KEY_LINE_RE.fullmatch(line)
        if key is not None:
            name, text = key.group(1), key.group(2)
            if name in out or name in _WORDS:
                return None
            ok, value = _scalar(text or "")
            if not ok:
                return None
            out[name] = value
            items = [] if value is None else None
            indent = -1
            continue
        item = _ITEM_LINE_RE.fullmatch(line)
        if item is None or items is None:
            return None
        if indent not in (-1, len(item.group(1))):
            return None
        indent = len(item.group(1))
        ok, value = _scalar(item.group(2) or "")
        if not ok:
            return None
        if not items:
            out[next(reversed(out))] = items
        items.append(value)
    return out or None
