"""Omission and mistranslation hints from a word translation table (IBM Model 1, shipped)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from reviewer.core.checks import tables
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import prose_words
from reviewer.resources import resource_path

TABLE = ("checks", "alignment.tsv.gz")
CODES = frozenset({"omission-hint", "mistranslation-hint"})  # the checks that read the table
# A Dutch word counts as a counterpart of an English word when t(nl|en) reaches this; also
# when it holds such a translation inside a compound, or shares a long prefix (cognates).
MIN_PROB = 0.05
# English words whose own translations are mostly function words carry little meaning.
MIN_CONTENT = 0.3
PREFIX = 5  # configuratie ~ configuration
MIN_LEN = 4  # shorter words (is, en, to) are never reported


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """t(nl|en) by English word, and for each Dutch word its best t over all English words."""
    forward, best, _ = _tables()
    return forward, best


Tables = tuple[dict[str, dict[str, float]], dict[str, float], dict[str, tuple[float, str]]]


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """table() and _best_english(), from a snapshot of them (reviewer.core.checks.tables)."""
    return tables.cached(
        "alignment", [resource_path(*TABLE), Path(__file__)], _build_tables, _tables_ok
    )


def _tables_ok(value: object) -> bool:
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    forward, best, best_english = value
    return (
        isinstance(forward, dict)
        and isinstance(best, dict)
        and isinstance(best_english, dict)
        and tables.of_types(forward.values(), dict)
        and all(tables.of_types(t.values(), float) for t in forward.values())
        and tables.of_types(best.values(), float)
        and tables.of_types(best_english.values(), tuple)
        and set(map(len, best_english.values())) <= {2}
    )


def _build_tables() -> Tables:
    forward, best = _read_table()
    return forward, best, _derive_best_english(forward)


def _read_table() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    forward: dict[str, dict[str, float]] = {}
    best: dict[str, float] = {}
    import gzip  # read by the checks alone

    with gzip.open(resource_path(*TABLE), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            en, nl, p = line.rstrip("\n").split("\t")
            prob = float(p)
            forward.setdefault(en, {})[nl] = prob
            if prob > best.get(nl, 0.0):
                best[nl] = prob
    return forward, best


def _best_english() -> dict[str, tuple[float, str]]:
    return _tables()[2]


def _derive_best_english(
    forward: dict[str, dict[str, float]],
) -> dict[str, tuple[float, str]]:
    best: dict[str, tuple[float, str]] = {}
    for en, translations in forward.items():
        for nl, p in translations.items():
            if p > best.get(nl, (0.0, ""))[0]:
                best[nl] = (p, en)
    return {nl: (p, en) for nl, (p, en) in best.items()}


def best_english(nl_word: str, min_prob: float = 0.3) -> str:
    """The English word that most likely translates to this Dutch word, when the table is that
    sure of it ("" otherwise)."""
    best = _best_english().get(nl_word)
    return best[1] if best is not None and best[0] >= min_prob else ""


@lru_cache(maxsize=8192)
def best_dutch(en_word: str, min_prob: float = 0.2) -> str:
    """The Dutch word that most likely translates this English word, when the table is that
    sure of it ("" otherwise)."""
    translations = table()[0].get(en_word)
    if not translations:
        return ""
    dutch, prob = max(translations.items(), key=lambda item: item[1])
    return dutch if prob >= min_prob else ""


def _counterpart(nl_word: str, translations: dict[str, float], en_word: str) -> bool:
    if nl_word == en_word or (nl_word[:PREFIX] == en_word[:PREFIX] and len(en_word) >= PREFIX):
        return True
    for t, p in translations.items():
        if p >= MIN_PROB and (t == nl_word or (len(t) >= MIN_LEN and t in nl_word)):
            return True
    return False


def _words(text: str) -> list[str]:
    return [w.text.lower() for w in prose_words(text)]


def omissions(source: str, target: str) -> list[str]:
    """Content words of the source with no plausible Dutch counterpart in the target."""
    forward, _ = table()
    nl = _words(target)
    if not nl:
        return []
    null = forward.get("<null>", {})
    out: list[str] = []
    for en in dict.fromkeys(_words(source)):
        translations = forward.get(en)
        if translations is None or len(en) < MIN_LEN:
            continue
        content = sum(p for t, p in translations.items() if null.get(t, 0.0) < 0.01)
        if content < MIN_CONTENT:
            continue  # the, can, which: their "translations" are function words
        if not any(_counterpart(w, translations, en) for w in nl):
            out.append(en)
    return out


def unexplained(source: str, target: str) -> list[str]:
    """Content words of the target that no word of the source plausibly translates."""
    forward, best = table()
    en = _words(source)
    if not en:
        return []
    translations = [(e, forward.get(e, {})) for e in en] + [("", forward.get("<null>", {}))]
    out: list[str] = []
    for nl in dict.fromkeys(_words(target)):
        if len(nl) < MIN_LEN or best.get(nl, 0.0) < 0.3:
            continue  # unknown or loosely learnt words cannot be judged
        if not any(_counterpart(nl, t, e) for e, t in translations):
            out.append(nl)
    return out


@register_pair_check(
    "omission-hint", Level.INFO, "accuracy/omission", "Possible omission", default_on=False
)
def check_omission(source: str, target: str) -> Iterable[str]:
    """A content word of the source that no target word translates (a hint, word-level only)."""
    missing = omissions(source, target)
    if not missing:
        return ()
    return [f"no counterpart in the target for {', '.join(repr(w) for w in missing[:3])}"]


@register_pair_check(
    "mistranslation-hint",
    Level.INFO,
    "accuracy/mistranslation",
    "Possible mistranslation",
    default_on=False,
)
def check_mistranslation(source: str, target: str) -> Iterable[str]:
    """A Dutch word that no word of the source explains, such as "Mier" for "Migrate"."""
    extra = unexplained(source, target)
    if not extra:
        return ()
    return [f"nothing in the source explains {', '.join(repr(w) for w in extra[:3])}"]
