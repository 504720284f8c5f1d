"""An opened article with its review data: what the window and the CLI open and save through."""

from __future__ import annotations

import logging
import os
import time

from reviewer.core.checks import CheckConfig
from reviewer.core.config import Config
from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import (
    clean_partial_writes,
    digest,
    read_bytes,
    read_optional,
    write_target,
)
from reviewer.core.format import Document, parse
from reviewer.core.pair_write import SaveError, write_pair
from reviewer.core.segments import ReviewList
from reviewer.core.session import ReviewSession
from reviewer.core.sidecar_match import detach, load_reviews, match_records, records_of
from reviewer.core.sidecar_read import read_sidecar
from reviewer.core.sidecar_write import dump_sidecar
from reviewer.core.store import (
    MAX_SIDECAR_BYTES,
    Record,
    SidecarError,
    has_review_data,
    informative_rows,
    move_aside,
    sidecar_path,
)

log = logging.getLogger(__name__)


class ExternalChangeError(ReviewerError):
    """The article changed on disk since it was loaded; saving would overwrite that change."""


class SidecarChangedError(ExternalChangeError):
    """The review data file changed on disk since it was loaded (a git pull, another reviewer)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class Workspace:
    """One article, its review session and its sidecar, with safe save and reload."""

    def __init__(
        self,
        path: str,
        session: ReviewSession,
        disk_digest: str,
        load_messages: list[str] | None = None,
        config: Config | None = None,
        sidecar_blocked: bool = False,
        sidecar_digest: str | None = None,
        detached: list[Record] | None = None,
        stored: list[tuple[str, str]] | None = None,
    ) -> None:
        self.path = path
        self.sidecar_path = sidecar_path(path)
        self.session = session
        self.disk_digest = disk_digest
        self.load_messages: list[str] = list(load_messages or [])
        self.config = config or Config()
        # True when the sidecar could not be used: it is never overwritten until start_fresh().
        self.sidecar_blocked = sidecar_blocked
        # The sidecar as loaded ("" when there was none), to notice another program rewriting
        # it before we overwrite it; None means "as it is on disk now".
        self.sidecar_digest = (
            sidecar_digest if sidecar_digest is not None else _file_digest(self.sidecar_path)
        )
        self._saved_revision = session.revision
        # Review records of segments this version of the article does not have (another
        # branch, a truncated file): written back marked, and matched again on every reload.
        self.detached: list[Record] = list(detached or [])
        # (id, source) of the records in the sidecar on disk as loaded or last saved: a save
        # never writes fewer unless the user cleared them (see _keep_stored_records).
        self._stored: set[tuple[str, str]] = set(stored or [])
        # What the last save could not keep (an owner, a hard link), for the user.
        self.save_notes: list[str] = []

    # -- state ---------------------------------------------------------------------------
    @property
    def doc(self) -> Document:
        return self.session.doc

    @property
    def is_dirty(self) -> bool:
        """Unsaved target edits or review changes (undoing back to the saved state still counts)."""
        return self.session.doc.is_modified or self.session.revision != self._saved_revision

    def changed_on_disk(self) -> bool:
        try:
            data = read_bytes(self.path)
        except FormatError:
            return True  # deleted, moved or unreadable: not what we loaded
        return digest(data) != self.disk_digest

    # -- saving ----------------------------------------------------------------------------
    def save(self, *, force: bool = False) -> None:
        """Write the article (only if a target changed) and the sidecar, each atomically."""
        if not force:
            self._check_external()
        doc = self.session.doc
        data = doc.serialize() if doc.is_modified else None
        new_digest = digest(data) if data is not None else self.disk_digest
        if not self.sidecar_blocked and _file_digest(self.sidecar_path) == self.sidecar_digest:
            self._keep_stored_records()
        side = self._sidecar_bytes(os.path.basename(self.path), new_digest)
        if not force and side is not None:
            self._check_sidecar_external(side)
        self.save_notes = write_pair(self.path, data, self.sidecar_path, side)
        if data is not None:
            doc.mark_saved(data)
            self.disk_digest = new_digest
        if side is not None:
            self.sidecar_digest = digest(side)
            self._stored = self._written_keys()
        self._saved_revision = self.session.revision

    def save_as(self, path: str) -> None:
        """Write the article and its review data under a new name; the workspace follows it."""
        doc = self.session.doc
        data = doc.serialize()
        new_side_path = sidecar_path(path)
        side = None
        if self._has_data() or os.path.exists(self.sidecar_path):
            side = dump_sidecar(self.session, os.path.basename(path), digest(data), self.detached)
        self.save_notes = write_pair(path, data, new_side_path, side)
        doc.mark_saved(data)
        doc.path = path
        self.path = path
        self.sidecar_path = new_side_path
        self.sidecar_blocked = False
        self.sidecar_digest = digest(side) if side is not None else _file_digest(new_side_path)
        self.disk_digest = digest(data)
        self._stored = self._written_keys() if side is not None else set()
        self._saved_revision = self.session.revision
        if self.session.checks_ready:
            self.session.run_checks()  # findings carry the file's path

    def _check_external(self) -> None:
        try:
            data = read_bytes(self.path)
        except FormatError:
            if not os.path.isdir(os.path.dirname(os.path.abspath(self.path))):
                return  # the write below fails with a SaveError that says the folder is gone
            raise ExternalChangeError(
                f"{self.path} was deleted, moved or made unreadable since it was opened. "
                "Save anyway to write it again, or use Save As."
            ) from None
        if digest(data) != self.disk_digest:
            raise ExternalChangeError(
                f"{self.path} was changed on disk by another program since it was opened. "
                "Reload it to take those changes (your unsaved edits are re-applied where the "
                "segment is unchanged), or save anyway to overwrite them."
            )

    def _check_sidecar_external(self, side: bytes) -> None:
        current = _file_digest(self.sidecar_path)
        if current == self.sidecar_digest or current == digest(side):
            return  # unchanged, or already holds exactly what we are about to write
        if current:
            what = "was changed on disk by another program (a git pull?) since it was opened"
        else:
            what = "was deleted or moved since it was opened"
        raise SidecarChangedError(
            f"The review data {self.sidecar_path} {what}. Reload to take the review data on "
            "disk (your unsaved target edits are re-applied where the segment is unchanged), "
            "save anyway to overwrite it with your review, or use Save As.",
            self.sidecar_path,
        )

    def _has_data(self) -> bool:
        return bool(self.detached) or has_review_data(self.session)

    def _written_keys(self) -> set[tuple[str, str]]:
        """(id, source) of every record a save writes now."""
        pairs = self.session.doc.pairs
        ids = pairs.ids()
        keys = {(ids[k], pairs.source_at(k)) for k in informative_rows(self.session)}
        keys.update((r.pair_id, r.source) for r in self.detached)
        return keys

    def _keep_stored_records(self) -> None:
        """Never write a sidecar with fewer records than the one on disk, unless the user
        cleared them: a record on disk that the save would leave out, and that no segment of
        the article can account for (its id or its source), is kept aside again.

        Matching already keeps every record (on a row or detached); this is the last line of
        defence, so a bug there still cannot lose review data.
        """
        if not self._stored:
            return
        missing = self._stored - self._written_keys()
        if not missing:
            return
        ids = set(self.session.doc.pairs.ids())
        sources = set(self.session.doc.pairs.sources())
        lost = {key for key in missing if key[0] not in ids and key[1] not in sources}
        if not lost:
            return  # each belongs to a segment whose review the user cleared
        try:
            data = read_sidecar(self.sidecar_path)
        except SidecarError:
            return
        if data is None:
            return
        back = [r for r in data.records if (r.pair_id, r.source) in lost]
        log.warning("%s: kept %d review records a save would have lost", self.path, len(back))
        self.detached.extend(detach(back))

    def _sidecar_bytes(self, article_name: str, article_digest: str) -> bytes | None:
        """The sidecar to write, or None when there is nothing to write (or it is blocked)."""
        has_data = self._has_data()
        if self.sidecar_blocked:
            if has_data:
                raise SaveError(
                    f"Could not save: the review data file {self.sidecar_path} could not be read "
                    "when the article was opened and is left untouched. Choose to start fresh "
                    "(it is moved aside, not deleted) or repair it, then save again. Nothing was "
                    "changed on disk."
                )
            return None
        if not has_data and not os.path.exists(self.sidecar_path):
            return None  # no review yet: leave no empty sidecar behind
        return dump_sidecar(self.session, article_name, article_digest, self.detached)

    # -- a bad sidecar -----------------------------------------------------------------------
    def start_fresh(self) -> str:
        """The user's choice after a SidecarError: move the bad sidecar aside, unblock saving."""
        moved = move_aside(self.sidecar_path) if os.path.exists(self.sidecar_path) else ""
        self.sidecar_blocked = False
        self.sidecar_digest = ""
        self._stored = set()
        if moved:
            self.load_messages.append(f"The unreadable review data was moved to {moved}.")
        return moved

    # -- reload ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the article; keep review data and unsaved edits where segments still match."""
        old_doc = self.session.doc
        was_dirty = self.is_dirty
        data = read_bytes(self.path)
        new_doc = parse(data, self.path)
        new_doc.release_bytes()
        side_now = _file_digest(self.sidecar_path)
        if side_now != self.sidecar_digest and not self.sidecar_blocked:
            # Someone else rewrote the review data: theirs replaces the review in memory.
            result = load_reviews(new_doc, self.sidecar_path, digest(data))
            result.messages.insert(0, f"Review data reloaded from {self.sidecar_path}.")
            self._stored = set(result.stored)
        else:
            # Ours, including what is kept for segments the previous version lacked: every
            # record lands on a segment of the new version or is kept aside again.
            result = match_records(new_doc, records_of(self.session) + self.detached)
        self.detached = detach(result.dropped)
        messages = list(result.messages)
        index = {(p.id, p.source): p for p in new_doc.pairs}
        lost: list[str] = []
        reapplied = 0
        for p in old_doc.modified_pairs:
            q = index.get((p.id, p.source))
            if q is not None and q.target == p.saved_target:
                result.reviews[q.index]  # made now, so it records the target on disk as original
                q.target = p.target  # was validated when typed; the pair is unchanged on disk
                reapplied += 1
            else:
                lost.append(p.id)
        if reapplied:
            messages.append(f"{reapplied} unsaved target edits re-applied.")
        if lost:
            messages.append(
                f"{len(lost)} unsaved target edits could not be re-applied because the segment "
                f"changed on disk too: {', '.join(lost[:5])}{', …' if len(lost) > 5 else ''}."
            )
        self.session.reset(new_doc, result.reviews)
        self.disk_digest = digest(data)
        if not self.sidecar_blocked:
            self.sidecar_digest = side_now
        self.load_messages = messages
        self._saved_revision = self.session.revision if not was_dirty else -1
        if new_doc.is_modified:
            self._saved_revision = -1


# When this process last cleaned a folder of partial files: a batch over a folder of thousands
# of articles lists it once a minute, not once per article; a window opening an article there
# later cleans again.
_CLEANED: dict[str, float] = {}
_CLEAN_AGAIN_AFTER = 60.0


def _clean_once(folder: str) -> list[str]:
    now = time.monotonic()
    last = _CLEANED.get(folder)
    if last is not None and now - last < _CLEAN_AGAIN_AFTER:
        return []
    _CLEANED[folder] = now
    return clean_partial_writes(folder)


def _file_digest(path: str) -> str:
    """Digest of a sidecar's bytes; "" when it does not exist, "?" when it cannot be read
    (or is no regular file: a FIFO must not hang us)."""
    try:
        data = read_optional(path, MAX_SIDECAR_BYTES, "review data")
    except FormatError:
        return "?"
    return digest(data) if data is not None else ""


def open_article(
    path: str,
    user: str = "",
    config: Config | None = None,
    ignore_sidecar: bool = False,
    check_config: CheckConfig | None = None,
) -> Workspace:
    """Open an article and its review data (``check_config``: the config's, already resolved).

    Raises FormatError when the article cannot be read and SidecarError when its sidecar is
    unusable. With ``ignore_sidecar`` the article opens with fresh review data and the sidecar
    is left untouched (saving review data then needs ``start_fresh``).
    """
    config = config or Config()
    data = read_bytes(path)
    try:
        doc = parse(data, path)
    except MemoryError:
        raise FormatError(
            "ran out of memory while reading it as an article.",
            path,
            hint="Check that this is the right file; the review data was not touched.",
        ) from None
    doc.release_bytes()  # a window keeps the article for hours: once, as text, is enough
    article_digest = digest(data)  # once: hashing 13 MB takes ~10 ms
    side = sidecar_path(path)
    messages: list[str] = []
    removed = _clean_once(os.path.dirname(os.path.abspath(write_target(path))))
    if removed:
        messages.append(
            f"Removed {len(removed)} partial file(s) an interrupted save left behind: "
            + ", ".join(removed[:3])
            + (", …" if len(removed) > 3 else "")
            + "."
        )
    # Read before loading: a change in between then shows up at save instead of being missed.
    side_digest = _file_digest(side)
    blocked = False
    detached: list[Record] = []
    stored: list[tuple[str, str]] = []
    if ignore_sidecar:
        reviews = ReviewList(doc.pairs)
        if os.path.exists(side):
            blocked = True
            messages.append(f"Opened without review data; {side} was left untouched.")
    else:
        try:
            result = load_reviews(doc, side, article_digest)
        except MemoryError:
            raise SidecarError(side, "ran out of memory while reading it.") from None
        reviews = result.reviews
        messages += result.messages
        detached = detach(result.dropped)
        stored = result.stored
    checks = check_config if check_config is not None else config.check_config()
    session = ReviewSession(doc, reviews, user or config.reviewer, checks)
    return Workspace(
        path, session, article_digest, messages, config, blocked, side_digest, detached, stored
    )


__all__ = [
    "ExternalChangeError",
    "SidecarChangedError",
    "SidecarError",
    "Workspace",
    "open_article",
]
