"""The checks' language data in the window process: configured and loaded off the GUI thread.

The window loads in steps. Once it is visually complete, what the term marks read (the
glossaries and names) and the user's words: ``preload_marks``; then the Dutch dictionary's
status and the verdicts kept from earlier check runs (``preload_dictionary``, for the spelling
menu); the underlines come from the check runs' findings meanwhile. The rest (enchant's own
dictionary, compound table, word frequencies, alignment table: ~70 MB) only when the user
starts to edit a target, whose every keystroke then checks the segment in this process
(``preload``). Check runs load what they need themselves, in their own process.
"""

from __future__ import annotations

import threading

from reviewer.core.checks import CheckConfig, lexicon
from reviewer.core.checks import preload as load_check_data
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.forking import CHECK_DATA, fork_safe

# One lock around configuring and loading: two threads never load the same tables at once, and
# the settings never change under a thread that is loading them; a check run's fork waits for it.
_lock = fork_safe(threading.Lock(), CHECK_DATA)
_loaded_for: LanguageSettings | None = None  # the settings whose marks data is loaded
_dictionary_for: LanguageSettings | None = None  # the settings whose dictionary is made
_all_for: LanguageSettings | None = None  # the settings whose every table is loaded


def configure(settings: LanguageSettings) -> bool:
    """Use these language files from now on; False when they are already in use."""
    with _lock:
        if settings == lexicon.settings():
            return False
        lexicon.configure(settings)
        return True


def preload_marks() -> None:
    """Load what the term marks and the underlines read: the user's words, the glossaries and
    do-not-translate names (~20 ms). Any thread."""
    global _loaded_for
    from reviewer.core.checks import terms

    with _lock:
        lexicon.user_words()
        terms.preload()
        _loaded_for = lexicon.settings()


def preload_dictionary() -> None:
    """Find the Dutch dictionary, for the spelling menu and the dictionary's status. With the
    verdicts of earlier check runs, enchant's dictionary (~23 MB, ~0.15 s) waits until the
    user edits (``preload``): a reviewer who only reads and flags never pays for it. Any
    thread."""
    global _dictionary_for
    with _lock:
        lexicon.defer_dictionary()
        lexicon.dictionary()
        _dictionary_for = lexicon.settings()


def preload(config: CheckConfig | None = None) -> None:
    """Load what the enabled checks read; fast when it is loaded already. Any thread."""
    global _loaded_for, _dictionary_for, _all_for
    with _lock:
        load_check_data(config)
        dictionary = lexicon.dictionary()
        if dictionary is not None:
            dictionary.make()  # the typing's first new word must not wait for it
        _loaded_for = _dictionary_for = _all_for = lexicon.settings()


def loaded() -> bool:
    """The term marks and the underlines can run on the GUI thread without a pause."""
    return _loaded_for is not None and _loaded_for is lexicon.settings()


def dictionary_loaded() -> bool:
    """The dictionary's status can be asked on the GUI thread without a pause."""
    return _dictionary_for is not None and _dictionary_for is lexicon.settings()


def all_loaded() -> bool:
    """Every table of the spelling checks is loaded: the underlines can follow the typing."""
    return _all_for is not None and _all_for is lexicon.settings()


def reload_terms() -> None:
    """A glossary file changed: read the glossaries again at the next check (or preload)."""
    from reviewer.core.checks import terms

    with _lock:
        terms.reset()
