"""Spelling suggestions off the GUI thread: Hunspell takes up to 0.2 s for a long compound."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reviewer.core.checks import lexicon

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

MAX_SUGGESTIONS = 6
Lookup = Callable[[str], list[str]]


class _Relay(QObject):
    """Carries a result to the GUI thread; parentless, so it outlives a closed window's worker."""

    done = Signal(str, object)  # word, suggestions


def _own_dictionary_lookup() -> Lookup | None:
    """A suggestion lookup on a dictionary of its own: Hunspell is not safe to share between
    threads, and the GUI thread checks words on the shared one while a suggestion runs."""
    d = lexicon.dictionary()
    if d is None:
        return None
    try:
        import enchant

        own: Any = enchant.Broker().request_dict(d.language)
    except Exception:
        return None

    def lookup(word: str) -> list[str]:
        return [s for s in own.suggest(word) if s != word]

    return lookup


class Suggester(QObject):
    """Looks up suggestions one at a time on one worker thread and announces each result."""

    ready = Signal(str, object)  # word, list of suggestions (empty: none found)

    def __init__(self, parent: QObject | None = None, lookup: Lookup | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._cache: dict[str, list[str]] = {}
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None  # made at the first request
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)

    def cached(self, word: str) -> list[str] | None:
        return self._cache.get(word)

    def request(self, word: str) -> None:
        """Find suggestions for ``word``; ``ready`` follows (at once when known)."""
        known = self._cache.get(word)
        if known is not None:
            self.ready.emit(word, known)
            return
        if word in self._pending:
            return
        self._pending.add(word)
        relay = self._relay
        if self._pool is None:
            # concurrent.futures (~2 ms) is imported at the first right-click, not at start-up.
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suggest")
        future: Future[list[str]] = self._pool.submit(self._find, word)

        def announce(done: Future[list[str]]) -> None:
            relay.done.emit(word, _result(done))

        future.add_done_callback(announce)

    def _find(self, word: str) -> list[str]:
        with self._lock:  # the lookup is made once, on the worker thread that uses it
            if self._lookup is None:
                self._lookup = _own_dictionary_lookup() or (lambda _w: [])
            lookup = self._lookup
        return lookup(word)[:MAX_SUGGESTIONS]

    def _on_done(self, word: str, suggestions: object) -> None:
        self._pending.discard(word)
        found = list(suggestions) if isinstance(suggestions, list) else []
        self._cache[word] = found
        self.ready.emit(word, found)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _result(future: Future[list[str]]) -> list[str]:
    try:
        return future.result()
    except Exception:
        return []
