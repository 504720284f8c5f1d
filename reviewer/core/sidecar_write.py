"""Writing the review sidecar: one mapping per segment, stable order, an end marker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewer.core import yamlio
from reviewer.core.format import Pair
from reviewer.core.mqm import Issue
from reviewer.core.segments import SegmentReview, State
from reviewer.core.session import ReviewSession
from reviewer.core.store import (
    SCHEMA_VERSION,
    Record,
    article_prefix,
    informative_rows,
    occurrences,
    text_digest,
)


def _issue_dict(issue: Issue) -> dict[str, Any]:
    out: dict[str, Any] = {
        "uid": issue.uid,
        "category": issue.category,
        "severity": issue.severity.value,
        "status": issue.status.value,
        "comment": issue.comment,
        "author": issue.author,
        "created": issue.created,
    }
    if issue.check_code:
        out["check_code"] = issue.check_code
    return out


def segment_dict(review: SegmentReview, pair: Pair, occurrence: int = 0) -> dict[str, Any]:
    return _segment_dict(review, pair.id, pair.source, pair.target, occurrence)


def _segment_dict(
    review: SegmentReview, pair_id: str, source: str, target: str, occurrence: int = 0
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": pair_id, "source": source, "state": review.state.value}
    if occurrence:
        out["occurrence"] = occurrence
    if review.state is not State.UNREVIEWED:
        # A decision holds for this text only: a target that differs on disk (changed outside
        # reviewer, or a save cut short between its two writes) voids it when read back.
        out["target_digest"] = text_digest(target)
    if review.changed_by:
        out["changed_by"] = review.changed_by
    if review.changed_at:
        out["changed_at"] = review.changed_at
    if review.source_changed:
        out["source_changed"] = True
        if review.source != source:
            out["previous_source"] = review.source
    if review.original_target != target:
        out["original_target"] = review.original_target
    if review.dismissed:
        out["dismissed"] = sorted(review.dismissed)
    if review.issues:
        out["issues"] = [_issue_dict(i) for i in review.issues]
    return out


def record_dict(rec: Record) -> dict[str, Any]:
    """A detached record as stored: as it was read, marked so it only returns to its segment."""
    review = rec.review
    out: dict[str, Any] = {"id": rec.pair_id, "source": rec.source, "state": review.state.value}
    out["detached"] = True
    if rec.occurrence:
        out["occurrence"] = rec.occurrence
    if rec.target_digest:
        out["target_digest"] = rec.target_digest
    if review.changed_by:
        out["changed_by"] = review.changed_by
    if review.changed_at:
        out["changed_at"] = review.changed_at
    if review.source_changed:
        out["source_changed"] = True
        if review.source != rec.source:
            out["previous_source"] = review.source
    if rec.original_target:
        out["original_target"] = rec.original_target
    if review.dismissed:
        out["dismissed"] = sorted(review.dismissed)
    if review.issues:
        out["issues"] = [_issue_dict(i) for i in review.issues]
    return out


def dump_sidecar(
    session: ReviewSession,
    article_name: str,
    article_digest: str,
    detached: Sequence[Record] = (),
) -> bytes:
    """The sidecar's bytes: stable key order, one block per segment, in document order.

    ``detached`` records (segments not in the article now) follow, marked, so a later version
    of the article that has those segments again gets them back.
    """
    from reviewer.core import sidecar_yaml

    pairs, reviews = session.doc.pairs, session.reviews
    ids = pairs.ids()
    rows = informative_rows(session)
    nth = occurrences(session.doc, rows)
    with yamlio.paused_gc():
        segments = [
            _segment_dict(reviews[k], ids[k], pairs.source_at(k), pairs.target_at(k), nth.get(k, 0))
            for k in rows
        ]
        segments.extend(record_dict(rec) for rec in detached)
        data: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "article": article_name,
            "prefix": article_prefix(session.doc),
            "digest": article_digest,
            "segments": segments,
            # Written last: a file cut short anywhere before it is seen as incomplete.
            "segment_count": len(segments),
        }
        # The nodes are built here rather than by the representer: the same nodes it makes
        # for this plain data (no object occurs twice, so no aliases), at a fraction of the cost.
        root = sidecar_yaml.node(data)
    body = yamlio.serialize_fast(
        root, Dumper=sidecar_yaml.Dumper, allow_unicode=True, width=1_000_000
    )
    head = (
        f"# Review data for {article_name}, kept by reviewer beside the article.\n"
        "# Segments are matched by id and source; the digest names the article version.\n"
    )
    return (head + body).encode("utf-8")
