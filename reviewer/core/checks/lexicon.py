"""The Dutch dictionary (Hunspell nl via enchant), the user's word list as read, the mined words."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from reviewer.core.checks import tables
from reviewer.core.errors import FormatError
from reviewer.core.fileio import read_guarded
from reviewer.core.forking import LEXICON, fork_safe
from reviewer.resources import resource_path

LANGUAGE = "nl_NL"
_FALLBACK_LANGUAGES = ("nl_NL", "nl", "nl_BE")


def word_set(words: str) -> frozenset[str]:
    """A set from a space-separated word list, which reads better than a column of literals."""
    return frozenset(words.split())


@dataclass(slots=True)
class LanguageSettings:
    """Where the user's language files live; set from the config by ``configure``."""

    user_dictionary: str | None = None  # a plain word list, one word a line
    glossaries: list[str] = field(default_factory=list)  # TBX or CSV files the user owns
    do_not_translate: list[str] = field(default_factory=list)  # plain lists of names
    shipped_terms: bool = True  # the glossary and DNT list mined from the article set


_settings = LanguageSettings()
_lock = fork_safe(threading.Lock(), LEXICON)
# Bumped whenever what counts as a known word may change (new settings, a word added to the
# user's list): the spelling check's per-word and per-segment caches compare it.
_generation = 0
# The loaded dictionary and its status, once made (None until then and after configure()).
_ready: tuple[_Dictionary | None, SpellingStatus] | None = None


def generation() -> int:
    return _generation


def configure(settings: LanguageSettings) -> None:
    """Use these language files from now on (the CLI and the window call this after the config
    is read); cached dictionaries and glossaries are dropped so the next check reloads them."""
    global _settings, _generation, _ready
    with _lock:
        _settings = settings
        _generation += 1
        _dictionary.cache_clear()
        _ready = None
        _user_words.cache_clear()
    from reviewer.core.checks import terms  # a late import: terms imports this module

    terms.reset()


def settings() -> LanguageSettings:
    return _settings


@dataclass(frozen=True, slots=True)
class SpellingStatus:
    """Whether spelling checks can run, and if not, a message a user can act on."""

    available: bool
    message: str
    language: str = ""


class _Dictionary:
    """The enchant dictionary plus the words the article set and the user add to it."""

    def __init__(
        self,
        enchant_dict: Any,
        language: str,
        make: Callable[[], Any] | None = None,
        known: dict[str, bool] | None = None,
        memo_key: str | None = None,
    ) -> None:
        self._dict = enchant_dict  # None until first needed when ``make`` is given
        self._make = make
        self.language = language
        self._check_cache: dict[str, bool] = dict(known) if known else {}
        self.memo_key = memo_key  # the verdicts are kept between runs under this key

    def _enchant(self) -> Any:
        if self._dict is None:
            with _lock:  # enchant's broker serves one thread at a time
                if self._dict is None and self._make is not None:
                    self._dict = self._make()
        return self._dict

    def check(self, word: str) -> bool:
        hit = self._check_cache.get(word)
        if hit is None:
            hit = bool(self._enchant().check(word))
            if len(self._check_cache) < MAX_VERDICTS:
                self._check_cache[word] = hit
        return hit

    def suggest(self, word: str) -> list[str]:
        return list(self._enchant().suggest(word))


MAX_VERDICTS = 200_000
# Set in a check process (defer_dictionary): with the verdicts of an earlier run under the same
# dictionary, enchant's dictionary (~0.15 s to load) is made only for a word none of them holds.
_defer = False


def defer_dictionary() -> None:
    """Make the enchant dictionary only when a word the kept verdicts lack is asked about (for
    a check process; a window wants it ready for its editors)."""
    global _defer
    _defer = True


def _memo_key(enchant: Any, language: str) -> str | None:
    """What enchant's verdicts depend on: the dictionary files in ENCHANT_CONFIG_DIR (None
    when the dictionary comes from elsewhere: those are not kept), the providers that offer
    the language, enchant's version."""
    folder = os.environ.get(ENCHANT_CONFIG_DIR)
    if not folder:
        return None
    files = [Path(folder, "hunspell", f"{language}.{ext}") for ext in ("dic", "aff")]
    try:
        if not all(f.is_file() for f in files):
            return None
        providers = sorted(
            (tag, provider.name, provider.file)
            for tag, provider in enchant.Broker().list_dicts()
            if tag.split("_")[0] == language.split("_")[0]
        )
        versions = (enchant.get_enchant_version(), getattr(enchant, "__version__", ""))
        return tables.key(f"{folder} {language} {providers} {versions}", files)
    except Exception:  # no key, no kept verdicts: the dictionary is asked as before
        return None


def save_verdicts() -> None:
    """Keep the dictionary's verdicts for the next check process (nothing when it was not
    loaded in this one, or comes from files outside ENCHANT_CONFIG_DIR)."""
    if not _dictionary.cache_info().currsize:
        return
    d = _dictionary()[0]
    if d is not None and d.memo_key:
        # A copy first (one C call): another thread may be judging words meanwhile.
        found = dict(d._check_cache)
        tables.save_verdicts(f"spelling-{d.language}", d.memo_key, found, _is_bool, MAX_VERDICTS)


def _is_bool(values: Collection[object]) -> bool:
    return tables.of_types(values, bool)


# The OpenTaal nl_NL Hunspell dictionary ships inside the package (its licence beside it), so
# spelling works wherever pyenchant loads: the Windows wheel bundles only English, macOS has
# none. Enchant 2 looks for Hunspell dictionaries in <its config folder>/hunspell first, and
# ENCHANT_CONFIG_DIR names that folder; a value the user set is left alone.
SHIPPED_DICTIONARY = ("checks", "enchant")
ENCHANT_CONFIG_DIR = "ENCHANT_CONFIG_DIR"


def shipped_dictionary_folder() -> Path:
    return resource_path(*SHIPPED_DICTIONARY)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[_Dictionary | None, SpellingStatus]:
    folder = shipped_dictionary_folder()
    if (folder / "hunspell" / f"{LANGUAGE}.dic").is_file():
        os.environ.setdefault(ENCHANT_CONFIG_DIR, str(folder))
    try:
        import enchant
    except ImportError:
        return None, SpellingStatus(
            False,
            "Spelling checks are off: the enchant library is missing. "
            "On Debian/Ubuntu: sudo apt-get install libenchant-2-2; "
            "elsewhere: pip install pyenchant (macOS: brew install enchant first).",
        )
    except OSError as exc:  # pyenchant is installed but the C library is not
        return None, SpellingStatus(
            False,
            f"Spelling checks are off: the enchant library could not be loaded ({exc}). "
            "On Debian/Ubuntu: sudo apt-get install libenchant-2-2; "
            "macOS: brew install enchant.",
        )
    for language in _FALLBACK_LANGUAGES:
        try:
            if enchant.dict_exists(language):
                key = _memo_key(enchant, language)
                known: dict[str, bool] | None = (
                    tables.verdicts(f"spelling-{language}", key, _is_bool) if key else None
                )
                if known is not None and _defer:  # enchant.Dict(language) worked with this key
                    make = partial(enchant.Dict, language)
                    d = _Dictionary(None, language, make, known, key)
                else:
                    d = _Dictionary(enchant.Dict(language), language, None, known, key)
                return d, SpellingStatus(True, f"Dutch dictionary {language} loaded.", language)
        except Exception:
            continue
    return None, SpellingStatus(
        False,
        "Spelling checks are off: enchant found no Dutch (nl_NL) Hunspell dictionary, not even "
        f"the one shipped in {folder / 'hunspell'}. Check that enchant's Hunspell provider is "
        "installed (Debian/Ubuntu: libenchant-2-2) and that ENCHANT_CONFIG_DIR, if you set it, "
        "holds hunspell/nl_NL.dic and nl_NL.aff.",
    )


def _loaded_dictionary() -> tuple[_Dictionary | None, SpellingStatus]:
    # Made under the lock: the window loads it on a worker thread while its GUI thread may
    # check an edited segment, and enchant's broker must never serve two threads at once (nor
    # be copied by a fork half-way). Once made, it is read without the lock (a check asks for
    # it for nearly every word); configure() drops it under the lock.
    global _ready
    ready = _ready
    if ready is not None:
        return ready
    with _lock:
        ready = _dictionary()
        _ready = ready
        return ready


def spelling_status() -> SpellingStatus:
    """Whether the Dutch dictionary is available; the message is meant to be shown once."""
    return _loaded_dictionary()[1]


def dictionary() -> _Dictionary | None:
    return _loaded_dictionary()[0]


@lru_cache(maxsize=1)
def mined_words() -> frozenset[str]:
    """Lowercase words the article set's Dutch targets use often that the dictionary lacks."""
    import gzip  # the word lists are read by the checks, never by an open

    with gzip.open(resource_path("checks", "nl_words.txt.gz"), "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


KNOWN = ("checks", "nl_known.txt.gz")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words of the article set's targets the spelling check accepts (tools/mine_known_words.py):
    judged once when mined, so a check run looks up only the rarer words in enchant."""
    path = resource_path(*KNOWN)
    if not path.is_file():
        return frozenset()
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(f.read().splitlines()[1:])


class Compound(NamedTuple):  # 49k of them are read at start: a tuple builds fastest
    joined: str
    first: str
    head: str
    joined_count: int  # how often the article set writes it joined
    split_count: int  # how often it writes "first head"
    first_is_word: bool  # the dictionary knows the first part on its own


@lru_cache(maxsize=1)
def compounds() -> dict[tuple[str, str], Compound]:
    """Compound nouns by their split: ("toegangs", "token") → toegangstoken; name-noun
    compounds keep the name's case: ("Teams", "bestanden") → Teams-bestanden."""
    columns = tables.cached(
        "compounds", _sources(COMPOUNDS), _compound_columns, _compound_columns_ok
    )
    make = partial(tuple.__new__, Compound)  # no Python call per row
    keys = zip(columns[1], columns[2], strict=True)
    return dict(zip(keys, map(make, zip(*columns, strict=True)), strict=True))


COMPOUNDS = ("checks", "nl_compounds.tsv.gz")
_COMPOUND_KINDS = (str, str, str, int, int, bool)


def _sources(*data: tuple[str, str]) -> list[Path]:
    """The files a table is made from: its data files and this module, which derives it."""
    return [*(resource_path(*d) for d in data), Path(__file__)]


def _compound_columns() -> tuple[list[Any], ...]:
    """The compound table as columns of plain values (Compound's fields), in file order."""
    import gzip

    rows: list[tuple[str, str, str, int, int, bool]] = []
    with gzip.open(resource_path(*COMPOUNDS), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            joined, first, head, jc, sc, fw = line.rstrip("\n").split("\t")
            rows.append((joined, first, head, int(jc), int(sc), fw == "1"))
    return tuple(map(list, zip(*rows, strict=True))) if rows else ([],) * 6


def _compound_columns_ok(value: object) -> bool:
    return tables.column_rows(value, _COMPOUND_KINDS)


@lru_cache(maxsize=1)
def hyphen_heads() -> dict[str, frozenset[str]]:
    """Nouns the article set writes after a name with a hyphen (Teams-bestanden), each with the
    names it follows: evidence that "name noun" is a compound missing its hyphen."""
    return tables.cached(
        "hyphen-heads", _sources(COMPOUNDS, KNOWN), _hyphen_heads, _hyphen_heads_ok
    )


def _hyphen_heads_ok(value: object) -> bool:
    return (
        isinstance(value, dict)
        and tables.of_types(value, str)
        and tables.of_types(value.values(), frozenset)
    )


def _hyphen_heads() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for (first, head), entry in compounds().items():
        if "-" in entry.joined:
            out.setdefault(head, set()).add(first)
    for word in common_words():
        first, _, head = word.partition("-")
        if first[:1].isupper() and head.islower() and "-" not in head:
            out.setdefault(head, set()).add(first)
    return {head: frozenset(names) for head, names in out.items()}


@lru_cache(maxsize=1)
def noun_heads() -> frozenset[str]:
    """Lowercase Dutch nouns: every head and every joined form of the compound table."""
    return tables.cached(
        "noun-heads",
        _sources(COMPOUNDS),
        _noun_heads,
        lambda value: isinstance(value, frozenset) and tables.of_types(value, str),
    )


def _noun_heads() -> frozenset[str]:
    heads: set[str] = set()
    for (_, head), entry in compounds().items():
        heads.add(head)
        if "-" not in entry.joined:
            heads.add(entry.joined)
    return frozenset(heads)


def is_dutch_word(word: str) -> bool:
    """The Dutch dictionary (or, without one, the mined word list) knows ``word`` as written."""
    d = dictionary()
    if d is None:
        return word.lower() in mined_words()
    return d.check(word)


# -- the user's dictionary ---------------------------------------------------------------


def user_dictionary_path() -> str | None:
    return _settings.user_dictionary


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    path = _settings.user_dictionary
    if not path:
        return frozenset()
    return frozenset(read_word_list(path))


def read_word_list(path: str | os.PathLike[str]) -> list[str]:
    """Words of a plain list, one a line; blank lines and # comments skipped. A missing or
    unreadable file is an empty list: a word list must never stop the checks."""
    try:
        text = read_guarded(path, 64 * 1024 * 1024, "a word list").decode("utf-8-sig")
    except (FormatError, UnicodeDecodeError):
        return []
    return [w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")]


def user_words() -> frozenset[str]:
    return _user_words()


def user_words_changed(path: str) -> None:
    """The word list at ``path`` was rewritten: when it is the user's, the next check sees it."""
    global _generation
    if path == _settings.user_dictionary:
        with _lock:
            _user_words.cache_clear()
            _generation += 1


def is_known(word: str, extra: Iterable[str] = ()) -> bool:
    """The dictionary, the user's list or the article set knows ``word`` (any case form)."""
    low = word.lower()
    if word in _user_words() or low in _user_words() or low in mined_words():
        return True
    if word in extra:
        return True
    d = dictionary()
    if d is None:
        return True
    return d.check(word) or (word[:1].isupper() and d.check(low))


def preload() -> None:
    """Load the dictionary and the mined tables now, e.g. in a background thread at start-up,
    so the first check run (or a forked worker) does not pay for it."""
    dictionary()
    mined_words()
    common_words()
    compounds()
    _user_words()
