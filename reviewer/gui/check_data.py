"""The checks' language data in the window process: configured and loaded once, off the GUI thread.

A check run forks a worker; data the parent has loaded (the Dutch dictionary, the word lists,
the glossaries) is shared with every child, so no run pays the ~0.35 s of loading it again.
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
_loaded_for: LanguageSettings | None = None  # the settings whose data is loaded


def configure(settings: LanguageSettings) -> bool:
    """Use these language files from now on; False when they are already in use."""
    with _lock:
        if settings == lexicon.settings():
            return False
        lexicon.configure(settings)
        return True


def preload(config: CheckConfig | None = None) -> None:
    """Load what the enabled checks read; fast when it is loaded already. Any thread."""
    global _loaded_for
    with _lock:
        load_check_data(config)
        _loaded_for = lexicon.settings()


def loaded() -> bool:
    """The data of the language files in use is loaded: spelling can run on the GUI thread
    without a pause."""
    return _loaded_for is not None and _loaded_for is lexicon.settings()


def reload_terms() -> None:
    """A glossary file changed: read the glossaries again at the next check (or preload)."""
    from reviewer.core.checks import terms

    with _lock:
        terms.reset()
