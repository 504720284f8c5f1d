"""Where typing is cut into undo steps: a word with the spaces after it, or a pause."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# A pause this long (seconds) between two keys ends an undo step, as in word processors.
PAUSE = 1.0


@dataclass(frozen=True, slots=True)
class TextChange:
    """The one contiguous change that turns ``before`` into ``after``."""

    start: int  # offset in ``before`` where the change begins
    removed: str
    inserted: str

    @property
    def kind(self) -> str:
        if self.removed and self.inserted:
            return "replace"
        return "insert" if self.inserted else "delete"


def text_change(before: str, after: str) -> TextChange:
    """The shortest single change from ``before`` to ``after`` (common prefix and suffix kept)."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    return TextChange(start, before[start:end_b], after[start:end_a])


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-'’"


@dataclass(slots=True)
class TypingRun:
    """One undo step of typing so far: its kind, where it continues, and its keys in order."""

    kind: str  # "insert" or "delete"
    start: int  # insert: where the run began; delete: the lowest offset deleted so far
    end: int  # insert: where the next typed character lands
    keys: str  # characters typed, or deleted, in the order the keys were pressed
    clock: float  # time of the last key (time.monotonic, as KeyClock gives it)

    @classmethod
    def begin(cls, change: TextChange, clock: float) -> TypingRun | None:
        """A run starting with ``change``; None when it is no keystroke (a paste, a replace)."""
        if change.kind == "insert" and len(change.inserted) == 1:
            return cls("insert", change.start, change.start + 1, change.inserted, clock)
        if change.kind == "delete" and len(change.removed) == 1:
            return cls("delete", change.start, change.start, change.removed, clock)
        return None

    def extend(self, change: TextChange, clock: float) -> bool:
        """Fold ``change`` into this run when it continues it; False starts a new step."""
        if clock - self.clock > PAUSE:
            return False
        if self.kind == "insert":
            if change.kind != "insert" or len(change.inserted) != 1 or change.start != self.end:
                return False
            key = change.inserted
        else:
            if change.kind != "delete" or len(change.removed) != 1:
                return False
            backspace = change.start + 1 == self.start
            forward = change.start == self.start
            if not (backspace or forward):
                return False
            key = change.removed
        if self._word_ends_before(key):
            return False
        self.keys += key
        self.clock = clock
        if self.kind == "insert":
            self.end += 1
        else:
            self.start = change.start
        return True

    def _word_ends_before(self, key: str) -> bool:
        """A word character after a word and the spaces that follow it begins the next step."""
        if not _is_word(key) or _is_word(self.keys[-1]):
            return False
        return any(_is_word(ch) for ch in self.keys)


class KeyClock:
    """When each key was pressed, on the ``now`` clock (time.monotonic), spaced by the pauses
    the user made, not by how late a busy event loop handled the keys: by the keys' own event
    timestamps, or, where events carry none, by the time the editor sat waiting for a key."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._stamp = 0  # the last key's event timestamp (ms; 0: none)
        self._last: float | None = None  # the last key's time, as returned
        self._arrived = 0.0  # when the last key reached the editor
        self._done: float | None = None  # when the editor had handled the last change

    def key(self, timestamp_ms: int) -> float:
        """The time of a key whose event says ``timestamp_ms`` (0 when it carries none)."""
        now = self._now()
        last = self._last
        if last is None:
            when = now
        elif timestamp_ms > 0 and 0 < self._stamp <= timestamp_ms:
            when = last + (timestamp_ms - self._stamp) / 1000
        else:
            # Keys that came while the editor was busy waited in the queue: no pause.
            idle_since = self._arrived if self._done is None else max(self._done, self._arrived)
            when = last + max(0.0, now - idle_since)
        self._stamp, self._last, self._arrived, self._done = timestamp_ms, when, now, None
        return when

    def handled(self) -> None:
        """The editor has done all a key's change sets off (applied, announced, shown)."""
        self._done = self._now()

    def now(self) -> float:
        """The time of a change no key made (a paste, an input method's text)."""
        return self._now()
