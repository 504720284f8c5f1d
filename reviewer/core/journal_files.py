"""Where autosave journals live and which session owns each: paths, locks, adopted orphans."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from reviewer.core import digests
from reviewer.core.edits import now_iso
from reviewer.core.errors import FormatError
from reviewer.core.fileio import read_guarded

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from reviewer.core.journal_entry import JournalEntry

log = logging.getLogger(__name__)

ENV_DATA_DIR = "REVIEWER_DATA_DIR"
JOURNAL_SUFFIX = ".journal.json"
LOCK_SUFFIX = ".lock"


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
    h = digests.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
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
    return journal_dir(base) / (name + JOURNAL_SUFFIX)


def journals_of(
    article_path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Every journal file of an article, of any session, live or not."""
    folder = journal_dir(base)
    stem = _base_name(article_path)
    try:
        found = list(folder.glob(f"{stem}.*{JOURNAL_SUFFIX}"))
    except OSError:
        return []
    legacy = folder / (stem + JOURNAL_SUFFIX)
    if os.path.lexists(legacy):
        found.append(legacy)
    return sorted(found)


def lock_file_of(journal_file: Path) -> Path:
    return journal_file.with_name(journal_file.name[: -len(JOURNAL_SUFFIX)] + LOCK_SUFFIX)


# -- who owns a journal --------------------------------------------------------------------
class JournalLock:
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
    def take(cls, path: Path, create: bool, stamp: bool = True) -> JournalLock | None:
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
_LIVE_LOCKS: weakref.WeakSet[JournalLock] = weakref.WeakSet()


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


def is_orphan(journal_file: Path) -> bool:
    """No live session holds this journal: it was left by a crash or a quit."""
    lock = JournalLock.take(lock_file_of(journal_file), create=False, stamp=False)
    if lock is None:
        # No lock file at all (an earlier version's journal, or a crash before the stamp)
        # means nobody holds it; a lock file we could not take means somebody does.
        return not lock_file_of(journal_file).exists()
    lock.release()
    return True


def claim_orphan(journal_file: Path) -> JournalLock | None:
    """Take an orphan's lock for this session, so no other window offers it meanwhile."""
    return JournalLock.take(lock_file_of(journal_file), create=True)


# Orphans this process restored, per article: deleted once the session's own journal or a save
# holds their work (until then they are what a crash would fall back on).
_ADOPTED: dict[str, list[tuple[Path, JournalLock]]] = {}


def adopt(entry: JournalEntry) -> None:
    claim = entry.claim
    if isinstance(claim, JournalLock) and claim.fd is not None and entry.journal_file:
        _ADOPTED.setdefault(entry.article, []).append((Path(entry.journal_file), claim))
        entry.claim = None


def has_adopted(article: str) -> bool:
    """Does this process hold restored journals of ``article`` not yet deleted?"""
    return bool(_ADOPTED.get(article))


def forget_adopted(article: str) -> None:
    for path, lock in _ADOPTED.pop(article, []):
        with contextlib.suppress(OSError):
            path.unlink()
        lock.remove()
