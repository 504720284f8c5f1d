"""Terminology checks: glossary terms, forbidden variants and do-not-translate names."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from reviewer.core import digests
from reviewer.core.checks import glossary as glossary_module
from reviewer.core.checks import lexicon, renderings, tables
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.glossary import (
    Glossary,
    GlossaryError,
    Term,
    TermHit,
    load_glossary,
    load_names,
)
from reviewer.core.checks.prose import blank_non_prose
from reviewer.core.forking import TERMS, fork_safe
from reviewer.resources import resource_path

SHIPPED_GLOSSARY = ("checks", "glossary.csv")
SHIPPED_NAMES = ("checks", "do-not-translate.txt")
_lock = fork_safe(threading.Lock(), TERMS)
_state: dict[str, object] = {}
_problems: list[str] = []


def reset() -> None:
    """Forget the loaded glossaries, e.g. after the config or a glossary file changed."""
    with _lock:
        _state.clear()
        _problems.clear()
        _term_regex.cache_clear()
        _prose_hits.cache_clear()
        brand_forms.cache_clear()


def load_problems() -> list[str]:
    """Messages for glossary or DNT files that could not be read (the checks go on without)."""
    _loaded()
    return list(_problems)


def _loaded() -> tuple[Glossary, Glossary]:
    state = _state.get("glossaries")
    if state is None:
        with _lock:
            state = _state.get("glossaries")
            if state is None:
                state = _load()
                _state["glossaries"] = state
    return state  # type: ignore[return-value]


def _load() -> tuple[Glossary, Glossary]:
    settings = lexicon.settings()
    sources: list[str] = []
    if settings.shipped_terms:
        sources.append(str(resource_path(*SHIPPED_GLOSSARY)))
    sources.extend(settings.glossaries)
    name_files = [str(resource_path(*SHIPPED_NAMES))] if settings.shipped_terms else []
    name_files.extend(settings.do_not_translate)
    # The window reads the glossaries before its first paint: parsing them (the csv module's
    # import and dialect sniffing included) took ~5 ms, their snapshot ~1 ms. It is keyed by
    # the contents of every file read and of the modules that read them.
    files = repr((sources, name_files)).encode("utf-8", "surrogatepass")
    name = "terms-" + digests.blake2b(files, digest_size=8).hexdigest()
    readers = [Path(__file__), Path(glossary_module.__file__)]
    paths = [Path(p) for p in (*sources, *name_files)]
    term_rows, name_rows, problems = tables.cached(
        name, [*paths, *readers], lambda: _read(sources, name_files), _valid
    )
    _problems.extend(problems)
    return Glossary([Term(*row) for row in term_rows]), Glossary([Term(*row) for row in name_rows])


# A term as plain data: (english, dutch, forbidden, note, admitted).
_Row = tuple[str, str, list[str], str, list[str]]


def _read(sources: list[str], name_files: list[str]) -> tuple[list[_Row], list[_Row], list[str]]:
    """The merged terms and names (the user's winning) and what could not be read."""
    terms = Glossary()
    names = Glossary()
    problems: list[str] = []
    for path in sources:
        try:
            for t in load_glossary(path).terms:
                target = names if t.keep_english and not t.forbidden else terms
                target.add(t.english, t.dutch, t.forbidden, t.note, t.admitted)
        except GlossaryError as exc:
            problems.append(str(exc))
    for path in name_files:
        try:
            for name in load_names(path):
                names.add(name, name)
        except GlossaryError as exc:
            problems.append(str(exc))

    def rows(glossary: Glossary) -> list[_Row]:
        return [(t.english, t.dutch, t.forbidden, t.note, t.admitted) for t in glossary.terms]

    return rows(terms), rows(names), problems


def _valid(value: object) -> bool:
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    term_rows, name_rows, problems = value
    if not (isinstance(problems, list) and all(isinstance(p, str) for p in problems)):
        return False
    for rows in (term_rows, name_rows):
        if not isinstance(rows, list):
            return False
        for row in rows:
            if not (isinstance(row, tuple) and len(row) == 5):
                return False
            english, dutch, forbidden, note, admitted = row
            if not (isinstance(english, str) and isinstance(dutch, str) and isinstance(note, str)):
                return False
            for variants in (forbidden, admitted):
                if not (isinstance(variants, list) and all(isinstance(v, str) for v in variants)):
                    return False
    return True


def preload() -> None:
    """Read the glossaries and do-not-translate lists now."""
    _loaded()
    dnt_words_lower()


def glossary() -> Glossary:
    """The merged glossary in use (shipped terms, then the user's, the user's winning)."""
    return _loaded()[0]


def names() -> Glossary:
    """The do-not-translate names in use, as a glossary whose Dutch equals the English."""
    return _loaded()[1]


def find_terms(source: str) -> list[TermHit]:
    """Glossary terms and do-not-translate names in an English source, with offsets, for the
    source highlighting; sorted by position."""
    hits = glossary().find(source) + names().find(source)
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[TermHit] = []
    end = -1
    for h in hits:
        if h.start >= end:
            out.append(h)
            end = h.end
    return out


def dnt_words() -> frozenset[str]:
    """Every word of every do-not-translate name: the spelling and English checks skip them."""
    cached = _state.get("dnt_words")
    if cached is None:
        cached = frozenset(w for t in names().terms for w in re.split(r"[\s-]+", t.english) if w)
        _state["dnt_words"] = cached
    return cached  # type: ignore[return-value]


def dnt_words_lower() -> frozenset[str]:
    cached = _state.get("dnt_words_lower")
    if cached is None:
        cached = frozenset(w.lower() for w in dnt_words())
        _state["dnt_words_lower"] = cached
    return cached  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def _term_regex(text: str, case_sensitive: bool) -> re.Pattern[str]:
    """A Dutch term as it may appear in a target: any case, inflected or at the start of a
    compound (beheerder, beheerders, beheerdersrol, Exchange-beheerder)."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![^\W\d_]){body}", flags)


def _in_target(term: str, target: str, case_sensitive: bool = False) -> bool:
    return _term_regex(term, case_sensitive).search(target) is not None


_GLOSSARY, _NAMES = 0, 1


def one_word_terms(source: str) -> list[str]:
    """The one-word Dutch terms (compounds) the glossary requires for terms of the source."""
    if not glossary().terms:
        return []
    return list(
        dict.fromkeys(
            h.term.dutch
            for h in _prose_hits(source, _GLOSSARY)
            if " " not in h.term.dutch
            and not renderings.in_a_name(source[h.start : h.end], source, h.start)
        )
    )


def compound_splits(word: str) -> list[tuple[str, str]]:
    """Where a Dutch compound may be split in two words: all before the head (with its
    linking s or hyphen: facturerings, e-mail, cloud-) and the head."""
    low = word.lower()
    return [(low[: len(low) - len(head)], head) for _, head in renderings.splits(low)]


@lru_cache(maxsize=256)
def _prose_hits(source: str, which: int) -> tuple[TermHit, ...]:
    """Term hits in the prose of a source, shared by the three term checks of a pair."""
    return tuple((glossary() if which == _GLOSSARY else names()).find(blank_non_prose(source)))


@register_pair_check(
    "glossary-term",
    Level.INFO,
    "terminology/inconsistent-with-terminology-resource",
    "Glossary term not used",
)
def check_glossary_term(source: str, target: str) -> Iterable[str]:
    """A glossary term is in the source but its required Dutch term is not in the target."""
    if not glossary().terms:
        return ()
    out: list[str] = []
    seen: set[str] = set()
    lower_target = target.lower()
    plain_target = ""
    for hit in _prose_hits(source, _GLOSSARY):
        term = hit.term
        text = source[hit.start : hit.end]
        if term.english in seen or renderings.in_a_name(text, source, hit.start):
            continue
        if renderings.as_verb(hit, source):
            continue
        seen.add(term.english)
        if term.english.lower() in lower_target:
            continue  # kept in English: the untranslated check speaks for English text
        if any(renderings.rendered(d, lower_target) for d in (term.dutch, *term.admitted)):
            continue
        plain_target = plain_target or renderings.plain(target)
        if any(renderings.rendered(d, plain_target) for d in (term.dutch, *term.admitted)):
            continue
        if renderings.absorbed(term.dutch, source, hit, plain_target):
            continue
        out.append(f"{text!r} should be {term.dutch!r} (glossary)")
    return out


@register_pair_check(
    "forbidden-term",
    Level.WARNING,
    "terminology/wrong-term",
    "Forbidden term variant",
)
def check_forbidden_term(source: str, target: str) -> Iterable[str]:
    """The target uses a variant the glossary forbids for a term of the source."""
    out: list[str] = []
    for hit in _prose_hits(source, _GLOSSARY):
        for variant in hit.term.forbidden:
            m = _term_regex(variant, False).search(target)
            if m is not None and not _in_target(hit.term.dutch, target):
                # The variant as written, to the end of its word (onwaar positieven).
                end = _WORD_END_RE.match(target, m.end())
                shown = target[m.start() : end.end() if end else m.end()]
                out.append(f"{shown!r} is a forbidden variant; use {hit.term.dutch!r}")
    return out


_WORD_END_RE = re.compile(r"[^\W\d_]*")


@register_pair_check(
    "dnt-translated",
    Level.WARNING,
    "accuracy/do-not-translate",
    "Do-not-translate name changed",
)
def check_dnt(source: str, target: str) -> Iterable[str]:
    """A do-not-translate name of the source is translated or dropped ("Safe koppelingen")."""
    if not names().terms:
        return ()
    hits = _prose_hits(source, _NAMES)
    if not hits:
        return ()
    out: list[str] = []
    seen: set[str] = set()
    for hit in hits:
        name = hit.term.english
        if name in seen:
            continue
        seen.add(name)
        if not any(_in_target(form, target) for form in brand_forms(name)):
            # A re-cased name is a capitalisation matter, not a translated one.
            out.append(f"do-not-translate name {name!r} is not in the target")
    return out


@register_pair_check(
    "name-case",
    Level.WARNING,
    "linguistic-conventions/textual-conventions",
    "Product name capitalised differently",
)
def check_name_case(source: str, target: str) -> Iterable[str]:
    """A do-not-translate name of the source is in the target with other capitals: only so
    ("azure AD" for "Azure AD", "Microsoft teams" for "Microsoft Teams"), or more often so
    than in the source ("Azure AD-groep … in azure AD" where the source writes Azure AD twice)."""
    if not names().terms:
        return ()
    out: list[str] = []
    seen: set[str] = set()
    for hit in _prose_hits(source, _NAMES):
        name = hit.term.english
        if name in seen:
            continue
        seen.add(name)
        forms = brand_forms(name)
        if any(_in_target(form, target, case_sensitive=True) for form in forms):
            # Kept right once, re-cased elsewhere: count only whole words in prose, and
            # only more re-cased forms than the source has ("Teams" and "teams" both).
            recased = _recased(forms, blank_non_prose(target))
            if len(recased) > len(_recased(forms, blank_non_prose(source))):
                out.append(f"{name} written as {recased[0]}")
            continue
        for form in forms:
            m = _term_regex(form, False).search(target)
            if m is not None:
                out.append(f"{name} written as {m.group()}")
                break
    return out


def _recased(forms: tuple[str, ...], text: str) -> list[str]:
    """Whole-word occurrences of a name in ``text`` in none of its own spellings."""
    out: list[str] = []
    for form in forms:
        for m in _term_regex(form, False).finditer(text):
            end = m.end()
            written = " ".join(m.group().split())
            if (end == len(text) or not text[end].isalpha()) and written not in forms:
                out.append(written)
    return out


# Words of product names that Microsoft's own Dutch brand forms translate: "Skype voor
# Bedrijven", "OneDrive voor Bedrijven", "Microsoft Defender voor Endpoint", "Microsoft 365
# voor bedrijven". Every other word of a do-not-translate name stays English ("Defender voor
# Eindpunt" is still reported).
BRAND_WORDS: dict[str, tuple[str, ...]] = {"for": ("voor",), "Business": ("Bedrijven",)}


@lru_cache(maxsize=4096)
def brand_forms(name: str) -> tuple[str, ...]:
    """The name as written in English and in Microsoft's Dutch brand forms."""
    forms = [""]
    for word in name.split():
        options = (word, *BRAND_WORDS.get(word, ()))
        forms = [f"{f} {o}".strip() for f in forms for o in options]
    return tuple(dict.fromkeys([name, *forms]))
