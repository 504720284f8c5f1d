"""Matching stored review records to an article's pairs: id and source, then source, then id."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core import yamlio
from reviewer.core.format import Document
from reviewer.core.segments import ReviewList, SegmentReview, State
from reviewer.core.session import ReviewSession
from reviewer.core.sidecar_read import read_sidecar
from reviewer.core.store import (
    Record,
    SidecarError,
    article_prefix,
    id_number,
    id_prefix,
    informative_rows,
    occurrences,
    text_digest,
)


@dataclass(slots=True)
class MatchResult:
    """Review records for every pair of the article, with what happened on the way."""

    reviews: ReviewList
    messages: list[str] = field(default_factory=list)
    exact: int = 0  # matched by id and source: everything carried over
    moved: int = 0  # same source under another id (re-translation): state reset
    source_changed: int = 0  # same id (or same number after a new prefix), other source
    same_id: int = 0  # of those, matched by the full id
    approvals_reset: int = 0
    # Matched by id and source, but the target is not the text the decision was made on.
    stale: int = 0
    # Records no segment of this article takes: kept aside (detached), never thrown away.
    dropped: list[Record] = field(default_factory=list)
    # (id, source) of every record the sidecar on disk held (load_reviews only).
    stored: list[tuple[str, str]] = field(default_factory=list)


def records_of(session: ReviewSession) -> list[Record]:
    """The session's review data as records, e.g. to match it against a re-read article.

    A decision on a target as saved carries that text's digest, so it is withdrawn if the
    article comes back with other text there; one on an unsaved edit carries none (the edit is
    re-applied over the new bytes by the caller).
    """
    pairs, reviews = session.doc.pairs, session.reviews
    rows = informative_rows(session)
    nth = occurrences(session.doc, rows)
    out = []
    for k in rows:
        pair, review = pairs[k], reviews[k]
        decided = review.state is not State.UNREVIEWED and not pair.is_modified
        out.append(
            Record(
                pair.id,
                pair.source,
                review,
                review.original_target,
                target_digest=text_digest(pair.target) if decided else "",
                occurrence=nth.get(k, 0),
            )
        )
    return out


def _carry(rec: Record, pair_id: str, source: str, target: str, keep_state: bool) -> SegmentReview:
    old = rec.review
    original = rec.original_target or target
    if keep_state:
        return SegmentReview(
            pair_id,
            old.source if old.source_changed else source,
            original,
            old.state,
            list(old.issues),
            set(old.dismissed),
            old.changed_by,
            old.changed_at,
            old.source_changed,
        )
    # A changed source or a re-translation voids any decision: never carry an approval over.
    state = State.NEEDS_WORK if old.open_issues else State.UNREVIEWED
    return SegmentReview(
        pair_id,
        old.source,
        original,
        state,
        list(old.issues),
        set(old.dismissed),
        "",
        "",
        True,
    )


def _withdraw_if_stale(review: SegmentReview, rec: Record, target: str) -> bool:
    """Undo a decision made on other text than ``target``; True when one was withdrawn."""
    if not rec.target_digest or review.state is State.UNREVIEWED:
        return False
    if text_digest(target) == rec.target_digest:
        return False
    withdrawn = review.state in (State.APPROVED, State.REVIEWED)
    if review.open_issues:
        review.state = State.NEEDS_WORK
    elif target != review.original_target:
        review.state = State.EDITED
    else:
        review.state = State.UNREVIEWED
    if withdrawn:
        review.changed_by = review.changed_at = ""
    return withdrawn


def match_records(doc: Document, records: list[Record]) -> MatchResult:
    """Attach stored reviews to the article's pairs: id+source first, then source, then id.

    Only an id+source match keeps the review state, and only while the target is the text the
    state was set on. Anything matched another way carries its issues, dismissals and original
    MT but goes back to unreviewed (needs work when an issue is open) with ``source_changed``
    set: an approval is never carried over silently. A detached record (kept for a segment
    that was not in the article) is matched by id and source only. Records nothing takes end
    in ``dropped``; callers keep them.
    """
    slots: list[SegmentReview | None] = [None] * len(doc.pairs)
    result = MatchResult(ReviewList(doc.pairs, slots))  # adopts slots: filled in below
    if not records:
        return result
    # Strings only: matching needs no Pair objects (the ones it never touches stay unbuilt).
    ids = doc.pairs.ids()
    sources = doc.pairs.sources()
    targets = doc.pairs.targets()
    by_key: dict[tuple[str, str], int] = {}
    by_id: dict[str, int] = {}
    by_source: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(zip(ids, sources, strict=True)):
        by_key.setdefault(key, k)
        by_id.setdefault(key[0], k)
        by_source[key[1]].append(k)
    # Several pairs with one id and source (synthetic files only): each record names which.
    repeated: dict[tuple[str, str], list[int]] = {}
    if len(by_key) != len(ids):
        for k, key in enumerate(zip(ids, sources, strict=True)):
            if by_key[key] != k:
                repeated.setdefault(key, [by_key[key]]).append(k)

    def carry(rec: Record, k: int, keep_state: bool) -> SegmentReview:
        return _carry(rec, ids[k], sources[k], targets[k], keep_state)

    def exact_row(rec: Record) -> int | None:
        key = (rec.pair_id, rec.source)
        rows = repeated.get(key)
        if rows is None:
            hit = by_key.get(key)
            return hit if hit is not None and slots[hit] is None and not rec.occurrence else None
        if rec.occurrence:
            k = rows[rec.occurrence] if rec.occurrence < len(rows) else None
            return k if k is not None and slots[k] is None else None
        return next((k for k in rows if slots[k] is None), None)

    rest: list[Record] = []
    for rec in records:
        hit = exact_row(rec)
        if hit is not None:
            review = slots[hit] = carry(rec, hit, keep_state=True)
            result.exact += 1
            result.stale += _withdraw_if_stale(review, rec, targets[hit])
        elif rec.detached:
            result.dropped.append(rec)  # it waits for its own segment to come back
        else:
            rest.append(rec)

    later: list[Record] = []
    for rec in rest:
        free = [k for k in by_source.get(rec.source, ()) if slots[k] is None]
        if not free:
            later.append(rec)
            continue
        # Prefer the same number (prefix-only change), else the first free one in order.
        number = id_number(rec.pair_id)
        k = next((c for c in free if id_number(ids[c]) == number), free[0])
        slots[k] = carry(rec, k, keep_state=False)
        result.moved += 1
        result.approvals_reset += int(rec.review.state is State.APPROVED)

    # Last, the id: the same id (or, after a re-translation changed the prefix, the same
    # number under the new prefix) whose source was rewritten.
    by_number: dict[str, int] = {}
    for k, pair_id in enumerate(ids):
        by_number.setdefault(id_number(pair_id), k)
    prefixes = set(map(id_prefix, ids))
    for rec in later:
        k2 = by_id.get(rec.pair_id)
        same_id = k2 is not None
        if k2 is None and id_prefix(rec.pair_id) not in prefixes:
            k2 = by_number.get(id_number(rec.pair_id))
        if k2 is not None and slots[k2] is None:
            slots[k2] = carry(rec, k2, keep_state=False)
            result.source_changed += 1
            result.same_id += int(same_id)
            result.approvals_reset += int(rec.review.state is State.APPROVED)
        else:
            result.dropped.append(rec)

    # result.reviews holds ``slots``: unmatched rows get fresh records on first access.
    result.messages = _messages(result)
    return result


def detach(records: Sequence[Record]) -> list[Record]:
    """Records no segment took, marked to wait for their own segment (they are never lost)."""
    out = []
    for rec in records:
        if not rec.detached:
            rec = Record(
                rec.pair_id,
                rec.source,
                rec.review,
                rec.original_target or rec.review.original_target,
                rec.line,
                True,
                rec.target_digest,
                rec.occurrence,
            )
        out.append(rec)
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _messages(result: MatchResult) -> list[str]:
    out: list[str] = []
    reset = (
        f"; {_plural(result.approvals_reset, 'approval')} withdrawn"
        if result.approvals_reset
        else ""
    )
    if result.source_changed:
        out.append(
            f"{_plural(result.source_changed, 'segment')} changed source since review: marked "
            f"for review again (issues and original MT kept){reset if not result.moved else ''}."
        )
    if result.moved:
        out.append(
            f"{_plural(result.moved, 'segment')} found under a new id (re-translated): marked "
            f"for review again (issues and original MT kept){reset}."
        )
    if result.stale:
        out.append(
            f"{_plural(result.stale, 'approval')} withdrawn (approved or reviewed): the text on "
            "disk is not the text that was approved (it was changed outside reviewer, or a "
            "save was cut short)."
        )
    if result.dropped:
        issues = sum(len(r.review.issues) for r in result.dropped)
        ids = ", ".join(r.pair_id for r in result.dropped[:5])
        more = ", …" if len(result.dropped) > 5 else ""
        out.append(
            f"{_plural(len(result.dropped), 'reviewed segment')} not in this version of the "
            f"article ({ids}{more}): their review data ({_plural(issues, 'issue')}) is kept in "
            "the review file and comes back when the segment does."
        )
    return out


def load_reviews(doc: Document, path: str, article_digest: str) -> MatchResult:
    """Review records for ``doc`` from the sidecar at ``path`` (fresh ones when there is none).

    Raises SidecarError for a corrupt sidecar, one from a newer schema, or one made for another
    article: a sidecar with review data of which not one segment matches by id or by source.
    """
    data = read_sidecar(path)
    if data is None:
        return MatchResult(ReviewList(doc.pairs))
    with yamlio.paused_gc():  # one record per stored segment, none in a cycle
        result = match_records(doc, data.records)
    # A number under another prefix alone is weak evidence; any sidecar would match that way.
    # Detached records wait for segments this version may lack, so they are no evidence.
    live = [r for r in data.records if not r.detached]
    if live and not (result.exact or result.moved or result.same_id):
        raise SidecarError(
            path,
            f"was made for another article or version (id prefix {data.prefix or '?'}, "
            f"article {data.article or '?'}): none of its {len(live)} segments match "
            "this article by id or by source.",
        )
    notes: list[str] = []
    if data.digest and data.digest != article_digest and data.records:
        notes.append(
            "The article changed since its review data was saved; review data was matched "
            "segment by segment."
        )
    prefix = article_prefix(doc)
    if data.prefix and prefix and data.prefix != prefix:
        notes.append(f"The article was re-translated (id prefix {data.prefix} → {prefix}).")
    name = os.path.basename(doc.path or "")
    if data.article and name and data.article != name:
        notes.append(f"The review data was saved for {data.article}, now opened as {name}.")
    result.messages = notes + result.messages
    result.stored = [(r.pair_id, r.source) for r in data.records]
    return result
