"""Guarded reads (regular files under a size cap) and atomic writes that never half-finish."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reviewer.core import digests
from reviewer.core.errors import FormatError
from reviewer.core.format import Document, parse

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# The largest real article is 2 MB; anything this big is not an article and would stall the UI.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024
_MB = 1_048_576
_CHUNK = 1 << 20
# Temp files of an atomic write: ".<name>.reviewer-<random>.tmp" beside the file.
TEMP_MARK = ".reviewer-"
_TEMP_RE = re.compile(
    r"^\.(?:.+\.reviewer-[A-Za-z0-9_]{6,}"
    # and those of earlier versions, which had no mark: only for our own kinds of file
    r"|.+\.(?:md|review\.yaml|journal\.json)\.[a-z0-9_]{8})\.tmp$"
)
# Where no lock can tell whether the writer still runs, a temp this old is surely abandoned.
_STALE_TEMP_SECONDS = 3600


@contextlib.contextmanager
def _reading(name: str) -> Iterator[None]:
    """OS errors while reading ``name`` become FormatErrors that say what to do."""
    try:
        yield
    except FileNotFoundError:
        raise FormatError("no such file.", name, hint="Check the path and try again.") from None
    except PermissionError:
        raise FormatError(
            "permission denied.", name, hint="Ask for read access to the file."
        ) from None
    except OSError as exc:
        raise FormatError(f"cannot be read: {exc.strerror}.", name) from None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _nonblocking(path: str, flags: int) -> int:
    # A FIFO would block open() until a writer appears; with O_NONBLOCK it opens at once and
    # the fstat below refuses it. Regular files read the same either way.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_mode(name: str, mode: int, what: str) -> None:
    pick = "Choose a .md file." if what == "an article" else "Choose the file itself."
    if stat.S_ISDIR(mode):
        raise FormatError(f"is a folder, not {what}.", name, hint=pick)
    if not stat.S_ISREG(mode):
        raise FormatError(
            f"is not a regular file ({_kind(mode)}), so it cannot be {what}.", name, hint=pick
        )


def _too_large(name: str, size: int, limit: int, what: str) -> FormatError:
    shown = f"{size / _MB:.0f} MB" if size >= _MB else f"{size:,} bytes"
    return FormatError(
        f"is {shown}; the limit is {limit // _MB} MB for {what}.",
        name,
        hint="Check that this is the right file.",
    )


def read_guarded(path: str | os.PathLike[str], limit: int, what: str = "a file") -> bytes:
    """The bytes of a regular file under ``limit`` bytes, or a FormatError naming it.

    Every file the project reads goes through here (articles, review data, journals, the
    config, imports): a folder, a FIFO, a device or a link to one is refused before any byte
    is read, and so is a file over the limit, so nothing can hang or fill memory. ``what``
    names the kind of file in messages ("an article", "review data").
    """
    name = os.fspath(path)
    with _reading(name):
        st = Path(name).stat()
    _check_mode(name, st.st_mode, what)
    if st.st_size >= limit:
        raise _too_large(name, st.st_size, limit, what)
    with _reading(name), open(name, "rb", buffering=0, opener=_nonblocking) as fh:
        # Checked again on the open file: the name may have been swapped in between.
        st = os.fstat(fh.fileno())
        _check_mode(name, st.st_mode, what)
        # Ask for the size fstat saw, plus a byte to notice growth: a read of the whole limit
        # would allocate it up front, which made reading 5,000 small articles 5x slower.
        chunks = [fh.read(min(st.st_size + 1, limit))]
        size = len(chunks[0])
        while size > st.st_size and size < limit:  # it grew, or reports no size (/proc)
            chunk = fh.read(min(_CHUNK, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size >= limit:
            raise _too_large(name, size, limit, what)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_optional(path: str | os.PathLike[str], limit: int, what: str = "a file") -> bytes | None:
    """As read_guarded, but None when there is no file at ``path``."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return None  # no file can have that name, so there is none
        # anything else read_guarded reports
    return read_guarded(path, limit, what)


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """An article's bytes, or a FormatError that names the file and what to do."""
    return read_guarded(path, limit, "an article")


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read and parse an article; every failure is a FormatError naming the file."""
    name = os.fspath(path)
    return parse(read_bytes(name), name)


def digest(data: bytes) -> str:
    return digests.sha256(data).hexdigest()


# -- writing ------------------------------------------------------------------------------
def write_target(path: str | os.PathLike[str]) -> str:
    """The file a write to ``path`` must change: a symbolic link is written through."""
    name = os.fspath(path)
    return os.path.realpath(name) if os.path.islink(name) else name


def atomic_write(path: str | os.PathLike[str], data: bytes) -> list[str]:
    """Write ``data`` to ``path`` so that a crash or error leaves the old file intact.

    A temporary file in the same folder is written, flushed and fsynced, given the original's
    permissions and owner, then renamed over the file with ``os.replace``. A symbolic link is
    written through to its target. A file with several hard links, or whose owner this user
    cannot give a new file, is rewritten in place once the new bytes are staged in the temp
    file (so a full disk still changes nothing), which keeps the links and the owner. Returns
    notes for the user: what could not be kept (empty when everything was).
    """
    name = write_target(path)
    folder = os.path.dirname(os.path.abspath(name))
    try:
        st: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        st = None
    fd, tmp = tempfile.mkstemp(
        prefix="." + os.path.basename(name) + TEMP_MARK, suffix=".tmp", dir=folder
    )
    notes: list[str] = []
    fh = os.fdopen(fd, "wb")
    try:
        _lock(fh.fileno())  # held until the rename: a cleanup leaves a save in progress alone
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
        if st is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        in_place = False
        if st is not None:
            in_place, why = _needs_in_place(name, tmp, st)
            if why:
                notes.append(why)
        if in_place:
            _copy_in_place(tmp, name, len(data))
            fh.close()
            os.unlink(tmp)
        else:
            if os.name == "nt":
                fh.close()  # Windows cannot rename an open file
            os.replace(tmp, name)
            fh.close()
    except BaseException:
        fh.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)
    return notes


def _needs_in_place(name: str, tmp: str, st: os.stat_result) -> tuple[bool, str]:
    """Whether ``name`` must be rewritten in place to keep its links and owner, and a note
    for the user when neither way keeps everything."""
    writable = os.access(name, os.W_OK)
    if st.st_nlink > 1:
        if writable:
            return True, ""
        return False, (
            f"{name} had {st.st_nlink - 1} other hard link(s); it is read-only, so the new "
            "version was written as a separate file and the other links keep the old text."
        )
    if _give_owner(tmp, st):
        return False, ""
    # Only the file's owner (or an administrator) can give a new file to another user:
    # rewriting the file itself keeps its owner, where this user may write to it.
    if writable:
        return True, ""
    return False, (
        f"{name} now belongs to you: its owner (user {st.st_uid}) could not be kept, because "
        "only an administrator can give a file to another user."
    )


def _give_owner(tmp: str, st: os.stat_result) -> bool:
    """Give ``tmp`` the owner and group in ``st``; False when the owner could not be kept."""
    chown = getattr(os, "chown", None)
    if chown is None:  # Windows: a replaced file keeps no owner of its own to lose
        return True
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return True
    try:
        chown(tmp, st.st_uid, st.st_gid)
        return True
    except PermissionError:
        pass
    if mine.st_uid == st.st_uid:
        with contextlib.suppress(PermissionError):
            chown(tmp, -1, st.st_gid)  # a group this user is not in: the group changes
        return True
    return False


def _copy_in_place(staged: str, name: str, size: int) -> None:
    """Rewrite ``name`` with the bytes of ``staged`` without replacing it (links, owner)."""
    with open(staged, "rb") as src, open(name, "r+b") as dst:
        while True:
            chunk = src.read(_CHUNK)
            if not chunk:
                break
            dst.write(chunk)
        dst.truncate(size)
        dst.flush()
        os.fsync(dst.fileno())


def _sync_folder(folder: str) -> None:
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


# -- temp files a crash left behind -------------------------------------------------------------
def _lock(fd: int) -> None:
    """Hold a lock on a temp file while it is written, so a cleanup can see it is in use."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(path: str) -> bool:
    """True when no running save holds ``path`` (the writer crashed or was killed)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a save is writing it right now
            except OSError as exc:
                if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                    return False
            else:
                return True
        # No lock to ask (another platform or file system): only an old temp is surely dead.
        return time.time() - os.fstat(fd).st_mtime > _STALE_TEMP_SECONDS
    finally:
        os.close(fd)


def clean_partial_writes(folder: str | os.PathLike[str]) -> list[str]:
    """Remove the hidden temp files that interrupted saves left in ``folder``; their names.

    Only our own temp files (".<name>.reviewer-<random>.tmp") that no running save holds are
    removed: a save in progress in another window keeps its temp file.
    """
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for entry in names:
        if not _TEMP_RE.match(entry):
            continue
        path = os.path.join(os.fspath(folder), entry)
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode) or not _abandoned(path):
                continue
            os.unlink(path)
        except OSError as exc:
            log.warning("could not remove the partial file %s: %s", path, exc)
            continue
        removed.append(entry)
    return removed
