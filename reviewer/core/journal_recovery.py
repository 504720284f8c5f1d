"""Restoring a journal onto a freshly opened article: one undo step, every skip reported."""

from __future__ import annotations

import contextlib
import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.core.edits import Composite, Edit, SetTarget
from reviewer.core.errors import TargetRejected
from reviewer.core.fileio import digest
from reviewer.core.format import PairList, check_target
from reviewer.core.journal_entry import JournaledTarget, JournalEntry
from reviewer.core.journal_files import JournalLock, adopt
from reviewer.core.segments import SegmentReview
from reviewer.core.sidecar_match import match_records
from reviewer.core.store import carries_information

if TYPE_CHECKING:
    from reviewer.core.session import ReviewSession


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
        adopt(entry)  # deleted once this session's own journal or a save holds the work
    elif isinstance(entry.claim, JournalLock) and entry.journal_file:
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
