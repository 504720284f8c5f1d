"""What an autosave journal file holds: the snapshot written, and the entry read back."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.core.edits import now_iso
from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import read_guarded
from reviewer.core.segments import State
from reviewer.core.sidecar_read import sidecar_from_data
from reviewer.core.sidecar_write import segment_dict
from reviewer.core.store import (
    SCHEMA_VERSION,
    Record,
    SidecarError,
    article_prefix,
    informative_rows,
    occurrences,
)

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession

# 2: targets are a list of {id, source, occurrence, target}, so a repeated id restores onto
# the right pair. Version 1 journals (targets keyed by id) are still read.
JOURNAL_VERSION = 2
# A journal holds at most one article's targets and records; anything far bigger is not ours.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024


class JournalError(ReviewerError):
    """A journal that cannot be used: corrupt, from a newer version, or unreadable."""

    def __init__(self, message: str, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


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
    # This session's hold on the journal while it is offered or restored (see claim_orphan).
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
