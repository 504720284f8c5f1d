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
import copy
import hashlib
import json
import logging
import os
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from reviewer.core.edits import Composite, Edit, SetTarget, now_iso
from reviewer.core.errors import FormatError, ReviewerError, TargetRejected
from reviewer.core.fileio import atomic_write, clean_partial_writes, digest, read_guarded
from reviewer.core.format import PairList, check_target
from reviewer.core.segments import SegmentReview, State
from reviewer.core.store import (
    SCHEMA_VERSION,
    Record,
    SidecarError,
    article_prefix,
    carries_information,
    informative_rows,
    match_records,
    occurrences,
    segment_dict,
    sidecar_from_data,
)

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession

log = logging.getLogger(__name__)

# 2: targets are a list of {id, source, occurrence, target}, so a repeated id restores onto
# the right pair. Version 1 journals (targets keyed by id) are still read.
JOURNAL_VERSION = 2
DEFAULT_INTERVAL = 2.0  # seconds: the most work a crash can cost
ENV_DATA_DIR = "REVIEWER_DATA_DIR"
# A journal holds at most one article's targets and records; anything far bigger is not ours.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
_SUFFIX = ".journal.json"
_LOCK_SUFFIX = ".lock"


class JournalError(ReviewerError):
    """A journal that cannot be used: corrupt, from a newer version, or unreadable."""

    def __init__(self, message: str, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


# -- where journals live --------------------------------------------------------------------
def data_dir() -> Path:
    """The user's data directory; REVIEWER_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("reviewer", appauthor=False))


def journal_dir(base: str | os.PathLike[str] | None = None) -> Path:
    return (Path(base) if base is not None else data_dir()) / "journal"


def article_key(article_path: str | os.PathLike[str]) -> str:
    """Stable absolute form of an article path: the journal's identity."""
    return str(Path(os.fspath(article_path)).expanduser().resolve())


def _base_name(article_path: str | os.PathLike[str]) -> str:
    key = article_key(article_path)
    h = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    # The readable stem is only for a human browsing the folder; the hash is the identity.
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in Path(key).stem)[:40]
    return f"{stem}-{h}"


def journal_path(
    article_path: str | os.PathLike[str],
    base: str | os.PathLike[str] | None = None,
    session: str = "",
) -> Path:
    """The journal of ``session`` for an article ("" names the one-per-article file of
    earlier versions, still read)."""
    name = _base_name(article_path) + (f".{session}" if session else "")
    return journal_dir(base) / (name + _SUFFIX)


def journals_of(
    article_path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Every journal file of an article, of any session, live or not."""
    folder = journal_dir(base)
    stem = _base_name(article_path)
    try:
        found = list(folder.glob(f"{stem}.*{_SUFFIX}"))
    except OSError:
        return []
    legacy = folder / (stem + _SUFFIX)
    if os.path.lexists(legacy):
        found.append(legacy)
    return sorted(found)


def _lock_path(journal_file: Path) -> Path:
    return journal_file.with_name(journal_file.name[: -len(_SUFFIX)] + _LOCK_SUFFIX)


# -- who owns a journal --------------------------------------------------------------------
class _Lock:
    """An exclusive lock on a lock file, held while this object lives.

    The operating system drops it when the process ends, however it ends (kill -9 included),
    so "nobody holds the lock" means "the session that wrote the journal is gone". Where the
    file system has no locks, the PID and host written in the file decide instead.
    """

    def __init__(self, fd: int, path: Path) -> None:
        self.fd: int | None = fd
        self.path = path
        _LIVE_LOCKS.add(self)

    @classmethod
    def take(cls, path: Path, create: bool, stamp: bool = True) -> _Lock | None:
        """The lock, or None when a live session holds it (or, without ``create``, there is
        no lock file: then nobody holds it, and the caller knows). ``stamp`` writes this
        process into it as the owner."""
        flags = os.O_RDWR | (os.O_CREAT if create else 0)
        try:
            fd = os.open(path, flags, 0o600)
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cannot open the journal lock %s: %s", path, exc)
            return None
        if not _try_lock(fd, path):
            os.close(fd)
            return None
        lock = cls(fd, path)
        if stamp:
            lock._stamp()
        return lock

    def _stamp(self) -> None:
        """Write who holds the lock: for messages, and for file systems without locks."""
        assert self.fd is not None
        owner = {"pid": os.getpid(), "host": _host(), "since": now_iso()}
        with contextlib.suppress(OSError):
            os.lseek(self.fd, 0, os.SEEK_SET)
            os.ftruncate(self.fd, 0)
            os.write(self.fd, json.dumps(owner).encode("utf-8"))

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def remove(self) -> None:
        """Delete the lock file, then let go of it."""
        with contextlib.suppress(OSError):
            self.path.unlink()
        self.release()

    def __del__(self) -> None:
        self.release()


# Every lock this process holds. A forked child (the window checks articles in one) shares the
# open lock files, and a lock lasts while any process holds it: the child drops its copies at
# once, so a killed window's journal is free as soon as the window itself is gone.
_LIVE_LOCKS: weakref.WeakSet[_Lock] = weakref.WeakSet()


def _drop_inherited_locks() -> None:
    for lock in list(_LIVE_LOCKS):
        fd, lock.fd = lock.fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)  # the parent's descriptor keeps the lock


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)


def _try_lock(fd: int, path: Path) -> bool:
    """Take the lock on ``fd`` without waiting; False when another session holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError:
            return not _owner_running(path)  # no locks on this file system
    if msvcrt is not None:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    return not _owner_running(path)


def _host() -> str:
    import socket  # on first use: a journal is written after an edit, never by an open

    return socket.gethostname()


def _owner_running(path: Path) -> bool:
    """From the PID and host in a lock file: is its process still running? (No lock support.)"""
    try:
        owner = json.loads(read_guarded(path, 4096, "a journal lock"))
        pid, host = int(owner["pid"]), str(owner["host"])
    except (FormatError, ValueError, TypeError, KeyError):
        return False
    if host != _host():
        return True  # another machine: it cannot be asked, so it is taken to be running
    if os.name == "nt":
        return True  # os.kill would end the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _is_orphan(journal_file: Path) -> bool:
    """No live session holds this journal: it was left by a crash or a quit."""
    lock = _Lock.take(_lock_path(journal_file), create=False, stamp=False)
    if lock is None:
        # No lock file at all (an earlier version's journal, or a crash before the stamp)
        # means nobody holds it; a lock file we could not take means somebody does.
        return not _lock_path(journal_file).exists()
    lock.release()
    return True


def _claim(journal_file: Path) -> _Lock | None:
    """Take an orphan's lock for this session, so no other window offers it meanwhile."""
    return _Lock.take(_lock_path(journal_file), create=True)


# Orphans this process restored, per article: deleted once the session's own journal or a save
# holds their work (until then they are what a crash would fall back on).
_ADOPTED: dict[str, list[tuple[Path, _Lock]]] = {}


def _adopt(entry: JournalEntry) -> None:
    claim = entry.claim
    if isinstance(claim, _Lock) and claim.fd is not None and entry.journal_file:
        _ADOPTED.setdefault(entry.article, []).append((Path(entry.journal_file), claim))
        entry.claim = None


def _forget_adopted(article: str) -> None:
    for path, lock in _ADOPTED.pop(article, []):
        with contextlib.suppress(OSError):
            path.unlink()
        lock.remove()


# -- the journal file ----------------------------------------------------------------------------
@dataclass(slots=True)
class JournaledTarget:
    """One unsaved target: which pair (id, source and, for a repeated id, which one) and text."""

    pair_id: str
    source: str
    target: str
    occurrence: int = 0


@dataclass(slots=True)
class JournalEntry:
    """What a journal file holds, read back."""

    article: str
    base_digest: str  # digest of the article bytes the edits were made on
    saved_at: str  # ISO 8601, UTC
    targets: list[JournaledTarget]
    records: list[Record] = field(default_factory=list)  # the store's own record type
    journal_file: str = ""
    version: int = JOURNAL_VERSION
    # This session's hold on the journal while it is offered or restored (see _claim).
    claim: object = field(default=None, repr=False, compare=False)

    def summary(self) -> str:
        n = len(self.targets)
        noun = "edited segment" if n == 1 else "edited segments"
        decided = sum(1 for r in self.records if r.review.state is not State.UNREVIEWED)
        return (
            f"{Path(self.article).name}: {n} unsaved {noun}, "
            f"{decided} segment(s) with a review state, journaled at {self.saved_at}"
        )


def snapshot(session: ReviewSession, article: str, base_digest: str) -> dict[str, Any]:
    """The journal's content for a session, as plain JSON-ready data.

    Review records use the sidecar's own mapping (store.segment_dict), so there is one record
    format; they are kept in a sidecar-shaped block that the store's validator checks.
    """
    edited = session.doc.modified_pairs  # built pairs only: an unbuilt one is unedited
    rows = informative_rows(session)
    nth = occurrences(session.doc, [p.index for p in edited] + rows)
    targets = [
        {"id": p.id, "source": p.source, "target": p.target, "occurrence": nth.get(p.index, 0)}
        for p in edited
    ]
    pairs, reviews = session.doc.pairs, session.reviews
    segments = [segment_dict(reviews[k], pairs[k], nth.get(k, 0)) for k in rows]
    return {
        "format": "reviewer-journal",
        "version": JOURNAL_VERSION,
        "article": article,
        "base_digest": base_digest,
        "saved_at": now_iso(),
        "targets": targets,
        "review": {
            "schema": SCHEMA_VERSION,
            "article": Path(article).name,
            "prefix": article_prefix(session.doc),
            "digest": base_digest,
            "segments": segments,
            "segment_count": len(segments),
        },
    }


def _targets(raw: Any, version: int, name: str) -> list[JournaledTarget]:
    out: list[JournaledTarget] = []
    if version < 2:
        if not isinstance(raw, dict):
            raise JournalError("the journal is corrupt: 'targets' is not a mapping.", name)
        items = [{"id": k, **v} if isinstance(v, dict) else None for k, v in raw.items()]
    else:
        if not isinstance(raw, list):
            raise JournalError("the journal is corrupt: 'targets' is not a list.", name)
        items = raw
    for t in items:
        if not (
            isinstance(t, dict)
            and isinstance(t.get("id"), str)
            and isinstance(t.get("source"), str)
            and isinstance(t.get("target"), str)
        ):
            raise JournalError("the journal is corrupt: an edited target is malformed.", name)
        occurrence = t.get("occurrence", 0)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
            raise JournalError(
                f"the journal is corrupt: target of {t['id']} has a bad occurrence.", name
            )
        out.append(JournaledTarget(t["id"], t["source"], t["target"], occurrence))
    return out


def entry_from_data(data: Any, journal_file: str | os.PathLike[str]) -> JournalEntry:
    """Validate loaded data into an entry; any defect is a JournalError naming the file."""
    name = os.fspath(journal_file)
    if not isinstance(data, dict) or data.get("format") != "reviewer-journal":
        raise JournalError("not a reviewer journal (corrupt or foreign file).", name)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalError("the journal has no valid version number (corrupt).", name)
    if version > JOURNAL_VERSION:
        raise JournalError(
            f"the journal was written by a newer version of reviewer (format {version}, "
            f"this one reads up to {JOURNAL_VERSION}); update reviewer to restore it.",
            name,
        )
    article, base, saved_at = data.get("article"), data.get("base_digest"), data.get("saved_at")
    if not (isinstance(article, str) and isinstance(base, str) and isinstance(saved_at, str)):
        raise JournalError("the journal is corrupt: article, digest or time missing.", name)
    targets = _targets(data.get("targets"), version, name)
    review = data.get("review")
    if not isinstance(review, dict):
        raise JournalError("the journal is corrupt: its review block is missing.", name)
    try:
        # The store's own validator: one reader for review records, with its messages.
        records = sidecar_from_data(review, name).records
    except SidecarError as exc:
        raise JournalError(
            f"the journal's review records are unusable: {exc.message}", name
        ) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise JournalError(f"the journal is corrupt ({type(exc).__name__}: {exc}).", name) from None
    return JournalEntry(article, base, saved_at, targets, records, name, version)


def read_entry(journal_file: str | os.PathLike[str]) -> JournalEntry:
    """Load one journal file. JSON has no tags, so a hostile file can only fail to load.

    Every defect (unreadable, no regular file, too large, not UTF-8, not JSON, numbers too
    long to convert, nesting too deep, wrong fields) is a JournalError naming the file.
    """
    name = os.fspath(journal_file)
    try:
        raw = read_guarded(name, MAX_JOURNAL_BYTES, "a journal")
    except FormatError as exc:
        raise JournalError(f"cannot be read: {exc.message}", name) from None
    return parse_journal(raw, name)


def parse_journal(raw: bytes, name: str) -> JournalEntry:
    """A journal's bytes as an entry, or a JournalError naming ``name`` and what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        why = f"it is not UTF-8 text (line {line})"
    except json.JSONDecodeError as exc:
        why = f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    except ValueError:
        why = "it holds a number too long to read (thousands of digits)"
    except RecursionError:
        why = "it is nested too deeply to read"
    except MemoryError:
        why = "it is too large to read into memory"
    else:
        return entry_from_data(data, name)
    raise JournalError(f"the journal is corrupt and cannot be restored: {why}.", name)


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
        self._lock: _Lock | None = None
        # An unusable journal of a crashed session that read() reported: discard() deletes it.
        self._bad: tuple[Path, _Lock] | None = None

    @property
    def lock_path(self) -> Path:
        return _lock_path(self.path)

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
            self._lock = _Lock.take(self.lock_path, create=True)
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
            claim = _claim(entry_file)
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
            if p != self.path and _is_orphan(p)
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
        _forget_adopted(self.article)
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
        names = sorted(folder.glob("*" + _SUFFIX))
        locks = sorted(folder.glob("*" + _LOCK_SUFFIX))
    except OSError:
        return []
    journals = {_lock_path(n) for n in names}
    for lock_file in locks:  # left by sessions that ended after discarding their journal
        if lock_file not in journals:
            lock = _Lock.take(lock_file, create=False, stamp=False)
            if lock is not None:
                lock.remove()
    entries: list[JournalEntry] = []
    for name in names:
        if not _is_orphan(name):
            continue
        try:
            entries.append(read_entry(name))
        except JournalError as exc:
            log.warning("%s", exc)
            if errors is not None:
                errors.append(exc)
    entries.sort(key=lambda e: e.saved_at)
    return entries


# -- recovery ------------------------------------------------------------------------------------
@dataclass(kw_only=True)
class RestoreReviews(Edit):
    """Put journaled review records back on their rows; undo restores the records it replaced."""

    records: dict[int, SegmentReview]
    _before: dict[int, SegmentReview] = field(default_factory=dict)

    def apply(self, session: ReviewSession) -> None:
        for row, review in self.records.items():
            current = session.reviews[row]
            self._before.setdefault(row, copy.deepcopy(current))
            # In place: views and models may hold the record object itself.
            _assign(current, review)

    def revert(self, session: ReviewSession) -> None:
        for row, review in self._before.items():
            _assign(session.reviews[row], review)

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(self.records)

    @property
    def description(self) -> str:
        return "Restore review records"


def _assign(dest: SegmentReview, src: SegmentReview) -> None:
    fresh = copy.deepcopy(src)
    for name in SegmentReview.__dataclass_fields__:
        setattr(dest, name, getattr(fresh, name))


@dataclass(slots=True)
class RecoveryResult:
    """What recover did: the edit it applied (one undo step) and what to tell the user."""

    messages: list[str]
    edit: Edit | None = None
    restored_targets: int = 0
    restored_reviews: int = 0
    skipped: int = 0
    blocked: bool = False  # the article changed since the journal and force was not given


def _row_of(session: ReviewSession, t: JournaledTarget) -> int | None:
    """The row of a journaled target: its id, its source and, for a repeated id, which one."""
    pairs = session.doc.pairs
    first = session.row_of(t.pair_id)
    if t.occurrence == 0 and pairs.source_at(first) == t.source:
        return first
    ids = pairs.ids()
    same = [k for k, i in enumerate(ids) if i == t.pair_id and pairs.source_at(k) == t.source]
    return same[t.occurrence] if t.occurrence < len(same) else None


def session_digest(session: ReviewSession) -> str:
    """Digest of the bytes the session's document was loaded from (the parser is lossless)."""
    return digest(session.doc.text.encode("utf-8"))


def recover(
    session: ReviewSession,
    entry: JournalEntry,
    *,
    force: bool = False,
    current_digest: str | None = None,
) -> RecoveryResult:
    """Apply a journal onto a freshly opened session, segment by segment where ids and sources
    still match; everything else is reported, nothing is dropped silently.

    When the article's bytes differ from those the journal was based on, nothing is applied
    unless ``force`` is given (after the user agreed): the result is ``blocked`` with a message.
    The restore goes through ``session.apply`` as one Composite edit: listeners fire, and the
    window can push ``result.edit`` onto its undo stack so the whole restore is one undo step.
    """
    messages: list[str] = []
    now_digest = current_digest if current_digest is not None else session_digest(session)
    name = Path(entry.article).name
    same_article = now_digest == entry.base_digest
    if not same_article:
        if not force:
            return RecoveryResult(
                [
                    f"{name} changed on disk after the unsaved work was journaled "
                    f"({entry.saved_at}); nothing was restored. Restore anyway to keep the "
                    "segments whose source still matches."
                ],
                blocked=True,
            )
        messages.append(
            f"{name} changed on disk after the work was journaled; only segments whose id and "
            "source still match were restored."
        )
    skipped: list[str] = []
    target_edits: list[Edit] = []
    planned: dict[int, str] = {}
    for t in entry.targets:
        try:
            session.row_of(t.pair_id)
        except KeyError:
            skipped.append(f"segment {t.pair_id} is no longer in the article; its edit is lost")
            continue
        row = _row_of(session, t)
        if row is None:
            skipped.append(f"segment {t.pair_id}: the English source changed; its edit is lost")
            continue
        pair = session.doc.pairs[row]
        if pair.target == t.target:
            continue
        try:
            # Checked up front so one refused target is reported, not fatal to the rest.
            check_target(pair.saved_target, t.target)
        except TargetRejected as exc:
            skipped.append(f"segment {t.pair_id}: {exc}")
            continue
        target_edits.append(SetTarget(row=row, new_target=t.target, author=session.user))
        planned[row] = t.target

    # Match the records against the article as it will be once the targets are back, with the
    # store's own rules (id+source, then re-translated, then changed source).
    restored_doc = copy.copy(session.doc)
    restored_doc.pairs = PairList([copy.copy(p) for p in session.doc.pairs])
    for row, target in planned.items():
        restored_doc.pairs[row].target = target
    match = match_records(restored_doc, entry.records)
    records: dict[int, SegmentReview] = {}
    for row, (wanted, current) in enumerate(zip(match.reviews, session.reviews, strict=True)):
        pair = restored_doc.pairs[row]
        carried = carries_information(wanted, pair)
        # On a changed article a row the journal knows nothing of keeps what it has.
        if not same_article and not carried:
            continue
        if row in planned or wanted != current:
            records[row] = wanted
    if match.dropped:
        ids = ", ".join(r.pair_id for r in match.dropped[:5])
        more = ", …" if len(match.dropped) > 5 else ""
        skipped.append(
            f"{len(match.dropped)} review record(s) match no segment any more ({ids}{more}); "
            "they were not restored"
        )
    if match.moved or match.source_changed:
        skipped.extend(m for m in match.messages if "dropped" not in m)

    edits = [*target_edits]
    if records:
        edits.append(RestoreReviews(records=records, author=session.user))
    edit: Edit | None = None
    if edits:
        edit = Composite(edits=edits, label="Restore unsaved work", author=session.user)
        session.apply(edit)
        _adopt(entry)  # deleted once this session's own journal or a save holds the work
    elif isinstance(entry.claim, _Lock) and entry.journal_file:
        # Nothing in it that the article lacks: it has served its purpose.
        with contextlib.suppress(OSError):
            os.unlink(entry.journal_file)
        entry.claim.remove()
        entry.claim = None
    summary = (
        f"Restored {len(target_edits)} edited segment(s) and {len(records)} review record(s) "
        f"of {name} from {entry.saved_at}."
    )
    messages.insert(0, summary)
    messages.extend(skipped)
    return RecoveryResult(
        messages,
        edit,
        restored_targets=len(target_edits),
        restored_reviews=len(records),
        skipped=len(skipped),
    )


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
        if _ADOPTED.get(journal.article):
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
        _forget_adopted(self.journal.article)  # their work is in our journal now
        return True

    def mark_saved(self, base_digest: str) -> None:
        """The article and sidecar were saved: nothing is unsaved, so the journal goes."""
        self.base_digest = base_digest
        self.dirty = False
        self.journal.discard()
