"""Autosave journal: each window's unsaved edits and review records, kept for crash recovery."""

# How it fits together:
#   journal = Journal(article_path)                      # this session's own file (data dir)
#   saver = Autosaver(session, journal, base_digest)     # base_digest = digest of the loaded bytes
#   saver.attach()                                       # every session.apply/revert marks it dirty
#   ... call saver.flush_if_due() from a timer (the GUI: AutosaveDriver in reviewer/gui/recovery.py)
#   ... after a successful save: saver.mark_saved(new_digest); on a clean close: journal.discard()
#   On open: entry = Journal(path).read(); if entry: recover(session, entry) after asking the user.
#
# Every session (window) writes its own journal, "<article>-<hash>.<session>.journal.json", and
# holds a lock on "<...>.<session>.lock" (which also names its process and host) while it runs.
# The lock goes with the process, however it ends, so a journal whose lock nobody holds was left
# by a session that crashed or quit with unsaved work: only those are offered for recovery,
# never the journal of a window that is still open. A window never writes, deletes or offers
# another live window's journal. Restoring one "adopts" it: it is deleted once this session's
# own journal (or a save) holds its work.

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.core.fileio import atomic_write, clean_partial_writes
from reviewer.core.journal_entry import JournalEntry, JournalError, read_entry, snapshot
from reviewer.core.journal_files import (
    JOURNAL_SUFFIX,
    LOCK_SUFFIX,
    JournalLock,
    article_key,
    claim_orphan,
    forget_adopted,
    has_adopted,
    is_orphan,
    journal_dir,
    journal_path,
    journals_of,
    lock_file_of,
)

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 2.0  # seconds: the most work a crash can cost


class Journal:
    """One session's journal of one article, and the way to the journals crashes left."""

    def __init__(
        self, article_path: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None = None
    ) -> None:
        self.article = article_key(article_path)
        self.session = os.urandom(6).hex()  # 12 random hex digits
        self.path = journal_path(article_path, data_dir, self.session)
        self._article_path = os.fspath(article_path)
        self._data_dir = data_dir
        self._lock: JournalLock | None = None
        # An unusable journal of a crashed session that read() reported: discard() deletes it.
        self._bad: tuple[Path, JournalLock] | None = None

    @property
    def lock_path(self) -> Path:
        return lock_file_of(self.path)

    def exists(self) -> bool:
        """True when this session has journaled unsaved work."""
        return self.path.is_file()

    def write(self, session: ReviewSession, base_digest: str) -> None:
        """Journal the session now; an OSError (disk full, no permission) reaches the caller."""
        data = snapshot(session, self.article, base_digest)
        # JSON, not YAML: written every few seconds, and json is C-fast where PyYAML is not.
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        # Unpublished work: keep the folder private to the user.
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = JournalLock.take(self.lock_path, create=True)
            if self._lock is None:
                raise OSError(f"the journal lock {self.lock_path} is held by another process")
        atomic_write(self.path, payload)

    def read(self) -> JournalEntry | None:
        """What can be restored: this session's own journal if it wrote one, else the newest
        journal of this article that a crashed (or quit) session left behind. None when there
        is none; a JournalError when the only one left is unusable (discard() deletes it).

        A journal whose session is still running (another window) is never returned.
        """
        if self.path.exists():
            return self._checked(read_entry(self.path))
        failed: tuple[str, str] | None = None  # text only: no traceback kept alive
        for entry_file in self._orphans():
            claim = claim_orphan(entry_file)
            if claim is None:
                continue  # taken by a window that started meanwhile
            try:
                entry = self._checked(read_entry(entry_file))
            except JournalError as exc:
                if failed is None:
                    failed, self._bad = (exc.message, exc.path), (entry_file, claim)
                else:
                    claim.release()
                continue
            entry.claim = claim
            return entry
        if failed is not None:
            raise JournalError(*failed)
        return None

    def _checked(self, entry: JournalEntry) -> JournalEntry:
        if entry.article != self.article:
            # A hash collision or a hand-copied file: never restore another article's work.
            raise JournalError(
                f"the journal belongs to {entry.article}, not {self.article}; it was ignored.",
                entry.journal_file,
            )
        return entry

    def _orphans(self) -> list[Path]:
        """Journals of this article no live session holds, newest first."""
        clean_partial_writes(journal_dir(self._data_dir))
        found = [
            p
            for p in journals_of(self._article_path, self._data_dir)
            if p != self.path and is_orphan(p)
        ]

        def mtime(p: Path) -> float:
            try:
                return p.stat().st_mtime
            except OSError:
                return 0.0

        return sorted(found, key=mtime, reverse=True)

    def release(self) -> None:
        """End this session without discarding: its journal stays, to be offered later (as
        after a crash or a quit with unsaved work)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def discard(self) -> None:
        """The work is saved or thrown away: delete this session's journal, the crashed
        sessions' journals it restored, and an unusable one read() reported."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        if self._lock is not None:
            self._lock.remove()
            self._lock = None
        else:  # released already (the autosaver stopped first): the file is still ours
            with contextlib.suppress(OSError):
                self.lock_path.unlink()
        forget_adopted(self.article)
        if self._bad is not None:
            bad, lock = self._bad
            self._bad = None
            with contextlib.suppress(FileNotFoundError):
                bad.unlink()
            lock.remove()


def pending_journals(
    data_dir: str | os.PathLike[str] | None = None,
    errors: list[JournalError] | None = None,
) -> list[JournalEntry]:
    """Every journal a crashed or quit session left behind (oldest first): what a fresh start
    should offer to restore. Journals of running sessions (other windows) are left out.

    Unusable journals are skipped; pass ``errors`` to collect why, so they can be reported.
    """
    folder = journal_dir(data_dir)
    clean_partial_writes(folder)
    try:
        names = sorted(folder.glob("*" + JOURNAL_SUFFIX))
        locks = sorted(folder.glob("*" + LOCK_SUFFIX))
    except OSError:
        return []
    journals = {lock_file_of(n) for n in names}
    for lock_file in locks:  # left by sessions that ended after discarding their journal
        if lock_file not in journals:
            lock = JournalLock.take(lock_file, create=False, stamp=False)
            if lock is not None:
                lock.remove()
    entries: list[JournalEntry] = []
    for name in names:
        if not is_orphan(name):
            continue
        try:
            entries.append(read_entry(name))
        except JournalError as exc:
            log.warning("%s", exc)
            if errors is not None:
                errors.append(exc)
    entries.sort(key=lambda e: e.saved_at)
    return entries


# -- throttled autosave --------------------------------------------------------------------------
class Autosaver:
    """Journals a session at most every ``interval`` seconds, and only after a change.

    Qt-free: the GUI calls ``flush_if_due`` from a QTimer; a CLI or test calls it in a loop.
    Worst case an edit reaches the journal ``interval`` + one timer tick after it was made.
    """

    def __init__(
        self,
        session: ReviewSession,
        journal: Journal,
        base_digest: str,
        interval: float = DEFAULT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.journal = journal
        self.base_digest = base_digest
        self.interval = interval
        self.clock = clock
        self.dirty = False
        self.last_write: float | None = None
        self.last_error: OSError | None = None
        self.writes = 0
        # Work restored from a crashed session's journal is unsaved: journal it at once.
        if has_adopted(journal.article):
            self.dirty = True

    # Session listener signature: (edit, reverted).
    def notify(self, edit: object = None, reverted: bool = False) -> None:
        self.dirty = True

    def attach(self) -> None:
        if self.notify not in self.session.listeners:
            self.session.listeners.append(self.notify)

    def detach(self) -> None:
        """Stop journaling this session. A journal it leaves (unsaved work) is no longer held,
        so it is offered for recovery as after a crash."""
        with contextlib.suppress(ValueError):
            self.session.listeners.remove(self.notify)
        self.journal.release()

    def due(self, now: float | None = None) -> bool:
        if not self.dirty:
            return False
        if self.last_write is None:
            return True
        t = self.clock() if now is None else now
        return t - self.last_write >= self.interval

    def flush_if_due(self, now: float | None = None) -> bool:
        """Write the journal if something changed and the interval has passed; True if written."""
        if not self.due(now):
            return False
        return self.flush(now)

    def flush(self, now: float | None = None) -> bool:
        """Write now if anything changed. Never raises: a failure is kept in ``last_error``."""
        if not self.dirty:
            return False
        t = self.clock() if now is None else now
        try:
            self.journal.write(self.session, self.base_digest)
        except OSError as exc:
            # Disk full or folder gone: keep the edits dirty and retry on the next tick.
            self.last_error = exc
            self.last_write = t
            log.warning("could not write the autosave journal %s: %s", self.journal.path, exc)
            return False
        self.last_error = None
        self.last_write = t
        self.dirty = False
        self.writes += 1
        forget_adopted(self.journal.article)  # their work is in our journal now
        return True

    def mark_saved(self, base_digest: str) -> None:
        """The article and sidecar were saved: nothing is unsaved, so the journal goes."""
        self.base_digest = base_digest
        self.dirty = False
        self.journal.discard()
