"""Reading articles from disk with clear errors, and atomic writes that never half-finish."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from reviewer.core.errors import FormatError
from reviewer.core.format import Document, parse

# The largest real article is 2 MB; anything this big is not an article and would stall the UI.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024


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


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes, or a FormatError that names the file and what to do."""
    name = os.fspath(path)
    p = Path(name)
    with _reading(name):
        st = p.stat()
    if stat.S_ISDIR(st.st_mode):
        raise FormatError("is a folder, not an article.", name, hint="Choose a .md file.")
    if not stat.S_ISREG(st.st_mode):
        raise FormatError("is not a regular file.", name, hint="Choose a .md file.")
    if st.st_size >= limit:
        raise FormatError(
            f"is {st.st_size / 1_048_576:.0f} MB; articles are at most a few MB "
            f"and the limit is {limit // 1_048_576} MB.",
            name,
            hint="Check that this is the right file.",
        )
    with _reading(name), open(name, "rb") as fh:
        # Ask for the size stat saw, plus a byte to notice growth: read(limit) allocates the
        # whole 50 MB limit up front, which made reading 5,000 small articles 5x slower.
        data = fh.read(min(st.st_size + 1, limit))
        if len(data) > st.st_size:
            data += fh.read(limit - len(data))
        return data


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read and parse an article; every failure is a FormatError naming the file."""
    name = os.fspath(path)
    return parse(read_bytes(name), name)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash or error leaves the old file intact.

    A temporary file in the same folder is written, flushed and fsynced, given the original's
    permissions, then renamed over the target with ``os.replace``.
    """
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    try:
        mode: int | None = stat.S_IMODE(os.stat(name).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(name) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
