"""Writing an article and its sidecar together: sidecar first, put back when the article fails."""

from __future__ import annotations

import contextlib
import errno
import os

from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import atomic_write, read_optional
from reviewer.core.store import MAX_SIDECAR_BYTES


class SaveError(ReviewerError):
    """Saving failed; nothing changed on disk and the edits are still in memory."""

    def __init__(self, message: str, path: str = "", cause: OSError | None = None) -> None:
        super().__init__(message)
        self.path = path  # the file that could not be written, when one was
        self.cause = cause  # the OS error, so the CLI can word its own advice


_HINTS = {
    errno.EACCES: "Check that you may write to that folder, or use Save As to save elsewhere.",
    errno.EPERM: "Check that you may write to that folder, or use Save As to save elsewhere.",
    errno.EROFS: "The disk is read-only: use Save As to save elsewhere.",
    errno.ENOSPC: "The disk is full: free some space and save again.",
    errno.EDQUOT: "Your disk quota is used up: free some space and save again.",
    errno.ENOENT: "The folder no longer exists: use Save As to save elsewhere.",
    errno.ENAMETOOLONG: "The name is too long for this disk: use Save As with a shorter name.",
}


def _save_error(name: str, exc: OSError) -> SaveError:
    reason = exc.strerror or str(exc)
    hint = _HINTS.get(exc.errno or 0, "Try again, or use Save As to save elsewhere.")
    return SaveError(
        f"Could not save {name}: {reason}. Nothing was changed on disk and your edits are "
        f"still open. {hint}",
        name,
        exc,
    )


def write_pair(article: str, data: bytes | None, side_path: str, side: bytes | None) -> list[str]:
    """Sidecar first, then article; a failed article write puts the old sidecar back.

    A crash between the two leaves the new review data beside the old article. Every
    decision in it carries the digest of the text it was made on, so reopening withdraws
    the decisions on text that did not reach the disk (and the crash journal still holds
    the edits): an approval always refers to the text it approved.
    """
    notes: list[str] = []
    try:
        old_side: bytes | None = None
        if side is not None:
            try:
                old_side = read_optional(side_path, MAX_SIDECAR_BYTES, "review data")
            except FormatError:
                old_side = None  # not ours to keep (a FIFO, a device): it is replaced
            if old_side == side:
                side = None
        if side is not None:
            try:
                notes += atomic_write(side_path, side)
            except OSError as exc:
                raise _Failed(side_path, exc) from None
        if data is not None:
            try:
                notes += atomic_write(article, data)
            except OSError as exc:
                if side is not None:
                    _restore(side_path, old_side)
                raise _Failed(article, exc) from None
    except _Failed as failed:
        raise _save_error(failed.name, failed.exc) from None
    except OSError as exc:
        raise _save_error(side_path, exc) from None
    return notes


def _restore(path: str, old: bytes | None) -> None:
    with contextlib.suppress(OSError):
        if old is None:
            os.unlink(path)
        else:
            atomic_write(path, old)


class _Failed(Exception):
    def __init__(self, name: str, exc: OSError) -> None:
        super().__init__(name)
        self.name = name
        self.exc = exc
