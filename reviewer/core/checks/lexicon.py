"""The Dutch dictionary (Hunspell nl via enchant) and the user's word list as read."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from reviewer.core.checks import mined, tables
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
        """Enchant's dictionary; None when a deferred one could not be made after all."""
        if self._dict is None and self._make is not None:
            with _lock:  # enchant's broker serves one thread at a time
                if self._dict is None and self._make is not None:
                    # Its files may have gone since the verdicts were kept: then as none.
                    with contextlib.suppress(Exception):
                        self._dict = self._make()
                    self._make = None
        return self._dict

    def check(self, word: str) -> bool:
        hit = self._check_cache.get(word)
        if hit is None:
            enchant = self._enchant()
            if enchant is None:  # as without a dictionary: the mined word list decides
                return word.lower() in mined.mined_words()
            hit = bool(enchant.check(word))
            if len(self._check_cache) < MAX_VERDICTS:
                self._check_cache[word] = hit
        return hit

    def suggest(self, word: str) -> list[str]:
        enchant = self._enchant()
        return [] if enchant is None else list(enchant.suggest(word))

    def make(self) -> None:
        """Make enchant's dictionary now if it was deferred, so no later word waits for it."""
        self._enchant()


MAX_VERDICTS = 200_000
# Set in a check process (defer_dictionary): with the verdicts of an earlier run under the same
# dictionary, enchant's dictionary (~0.15 s to load) is made only for a word none of them holds.
_defer = False


def defer_dictionary() -> None:
    """Make the enchant dictionary (~23 MB, ~0.15 s) only when a word the kept verdicts lack
    is asked about: a check process may never need it, and a window makes it when the user
    starts to edit (``_Dictionary.make``)."""
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


def is_dutch_word(word: str) -> bool:
    """The Dutch dictionary (or, without one, the mined word list) knows ``word`` as written."""
    d = dictionary()
    if d is None:
        return word.lower() in mined.mined_words()
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
    if word in _user_words() or low in _user_words() or low in mined.mined_words():
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
    mined.mined_words()
    mined.common_words()
    mined.compounds()
    _user_words()
