"""Autosave journal: unsaved edits and review records, kept per article for crash recovery."""

# How it fits together:
#   journal = Journal(article_path)                      # one file per article, under the data dir
#   saver = Autosaver(session, journal, base_digest)     # base_digest = digest of the loaded bytes
#   saver.attach()                                       # every session.apply/revert marks it dirty
#   ... call saver.flush_if_due() from a timer (the GUI: AutosaveDriver in reviewer/gui/recovery.py)
#   ... after a successful save: saver.mark_saved(new_digest); on a clean close: journal.discard()
#   On open: entry = journal.read(); if entry: recover(session, entry) after asking the user.

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
import yaml

from reviewer.core import yamlio
from reviewer.core.edits import Composite, Edit, SetTarget, now_iso
from reviewer.core.errors import ReviewerError, TargetRejected
from reviewer.core.fileio import atomic_write, digest
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
    parse_sidecar,
    segment_dict,
)

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession

log = logging.getLogger(__name__)

JOURNAL_VERSION = 1
DEFAULT_INTERVAL = 2.0  # seconds: the most work a crash can cost
ENV_DATA_DIR = "REVIEWER_DATA_DIR"
# A journal holds at most one article's targets and records; anything far bigger is not ours.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024

# Only for handing a journal's review block to the store's reader, on recovery (rare).
_SafeDumper = yamlio.SafeDumper


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


def journal_path(
    article_path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None
) -> Path:
    key = article_key(article_path)
    h = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    # The readable stem is only for a human browsing the folder; the hash is the identity.
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in Path(key).stem)[:40]
    return journal_dir(base) / f"{stem}-{h}.journal.json"


# -- the journal file ----------------------------------------------------------------------------
@dataclass(slots=True)
class JournalEntry:
    """What a journal file holds, read back."""

    article: str
    base_digest: str  # digest of the article bytes the edits were made on
    saved_at: str  # ISO 8601, UTC
    targets: dict[str, dict[str, str]]  # pair_id -> {"source": ..., "target": ...}
    records: list[Record] = field(default_factory=list)  # the store's own record type
    journal_file: str = ""
    version: int = JOURNAL_VERSION

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
    format; they are kept in a sidecar-shaped block that the store's reader validates.
    """
    targets: dict[str, dict[str, str]] = {}
    for p in session.doc.modified_pairs:  # built pairs only: an unbuilt one is unedited
        # Synthetic duplicate ids keep their first pair, as Document.pair does.
        targets.setdefault(p.id, {"source": p.source, "target": p.target})
    pairs, reviews = session.doc.pairs, session.reviews
    segments = [segment_dict(reviews[k], pairs[k]) for k in informative_rows(session)]
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
        },
    }


def entry_from_data(data: Any, journal_file: str | os.PathLike[str]) -> JournalEntry:
    """Validate loaded data into an entry; any defect is a JournalError naming the file."""
    name = os.fspath(journal_file)
    if not isinstance(data, dict) or data.get("format") != "reviewer-journal":
        raise JournalError("not a reviewer journal (corrupt or foreign file).", name)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
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
    raw_targets = data.get("targets")
    if not isinstance(raw_targets, dict):
        raise JournalError("the journal is corrupt: 'targets' is not a mapping.", name)
    targets: dict[str, dict[str, str]] = {}
    for pair_id, t in raw_targets.items():
        if not (
            isinstance(t, dict)
            and isinstance(t.get("source"), str)
            and isinstance(t.get("target"), str)
        ):
            raise JournalError(f"the journal is corrupt: target of {pair_id} is malformed.", name)
        targets[str(pair_id)] = {"source": t["source"], "target": t["target"]}
    review = data.get("review")
    if not isinstance(review, dict):
        raise JournalError("the journal is corrupt: its review block is missing.", name)
    try:
        # The store's own validator: one reader for review records, with its messages.
        block = yaml.dump(review, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False)
        records = parse_sidecar(block.encode("utf-8"), name).records
    except SidecarError as exc:
        raise JournalError(
            f"the journal's review records are unusable: {exc.message}", name
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise JournalError(f"the journal is corrupt ({exc}).", name) from None
    return JournalEntry(article, base, saved_at, targets, records, name, version)


def read_entry(journal_file: str | os.PathLike[str]) -> JournalEntry:
    """Load one journal file. JSON has no tags, so a hostile file can only fail to load."""
    name = os.fspath(journal_file)
    try:
        with open(name, "rb") as fh:
            raw = fh.read(MAX_JOURNAL_BYTES + 1)
    except OSError as exc:
        raise JournalError(f"cannot be read: {exc.strerror or exc}.", name) from None
    if len(raw) > MAX_JOURNAL_BYTES:
        raise JournalError("is too large to be a journal (corrupt).", name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise JournalError(
            f"the journal is corrupt and cannot be restored ({exc}).", name
        ) from None
    return entry_from_data(data, name)


class Journal:
    """The journal file of one article."""

    def __init__(
        self, article_path: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None = None
    ) -> None:
        self.article = article_key(article_path)
        self.path = journal_path(article_path, data_dir)

    def exists(self) -> bool:
        return self.path.is_file()

    def write(self, session: ReviewSession, base_digest: str) -> None:
        """Journal the session now; an OSError (disk full, no permission) reaches the caller."""
        data = snapshot(session, self.article, base_digest)
        # JSON, not YAML: written every few seconds, and json is C-fast where PyYAML is not.
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        # Unpublished work: keep the folder private to the user.
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(self.path, payload)

    def read(self) -> JournalEntry | None:
        """The journaled entry, None when there is none; a JournalError when it is unusable."""
        if not self.path.exists():
            return None
        entry = read_entry(self.path)
        if entry.article != self.article:
            # A hash collision or a hand-copied file: never restore another article's work.
            raise JournalError(
                f"the journal belongs to {entry.article}, not {self.article}; it was ignored.",
                self.path,
            )
        return entry

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def pending_journals(
    data_dir: str | os.PathLike[str] | None = None,
    errors: list[JournalError] | None = None,
) -> list[JournalEntry]:
    """Every journal left behind (oldest first): what a fresh start should offer to restore.

    Unusable journals are skipped; pass ``errors`` to collect why, so they can be reported.
    """
    folder = journal_dir(data_dir)
    try:
        names = sorted(folder.glob("*.journal.json"))
    except OSError:
        return []
    entries: list[JournalEntry] = []
    for name in names:
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
    for pair_id, t in entry.targets.items():
        try:
            row = session.row_of(pair_id)
        except KeyError:
            skipped.append(f"segment {pair_id} is no longer in the article; its edit is lost")
            continue
        pair = session.doc.pairs[row]
        if pair.source != t["source"]:
            skipped.append(f"segment {pair_id}: the English source changed; its edit is lost")
            continue
        if pair.target == t["target"]:
            continue
        try:
            # Checked up front so one refused target is reported, not fatal to the rest.
            check_target(pair.saved_target, t["target"])
        except TargetRejected as exc:
            skipped.append(f"segment {pair_id}: {exc}")
            continue
        target_edits.append(SetTarget(row=row, new_target=t["target"], author=session.user))
        planned[row] = t["target"]

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

    # Session listener signature: (edit, reverted).
    def notify(self, edit: object = None, reverted: bool = False) -> None:
        self.dirty = True

    def attach(self) -> None:
        if self.notify not in self.session.listeners:
            self.session.listeners.append(self.notify)

    def detach(self) -> None:
        with contextlib.suppress(ValueError):
            self.session.listeners.remove(self.notify)

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
        return True

    def mark_saved(self, base_digest: str) -> None:
        """The article and sidecar were saved: nothing is unsaved, so the journal goes."""
        self.base_digest = base_digest
        self.dirty = False
        self.journal.discard()
