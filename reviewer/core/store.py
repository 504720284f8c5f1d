"""The review sidecar foo.md.review.yaml: reading, writing and matching it to the article."""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reviewer.core import yamlio
from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import read_optional
from reviewer.core.format import Document, Pair
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import ReviewList, SegmentReview, State
from reviewer.core.session import ReviewSession

# 2 adds the end marker (segment_count), records kept for segments no longer in the article
# (detached), the digest of the text a decision was made on (target_digest) and the occurrence
# of a repeated id and source. Version 1 files are still read; an older reviewer refuses 2,
# so it cannot drop what it does not know.
SCHEMA_VERSION = 2
SUFFIX = ".review.yaml"
# A real sidecar holds a few hundred KB at most; refuse to parse something absurd.
MAX_SIDECAR_BYTES = 64 * 1024 * 1024


class SidecarError(ReviewerError):
    """A sidecar that cannot be used: corrupt, from a newer version, or for another article."""

    def __init__(self, path: str, message: str, line: int | None = None, hint: str = "") -> None:
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint or (
            "The article can still be opened without its review data; the file is left as it "
            "is until you choose to start fresh, which moves it aside."
        )
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message} {self.hint}")


def sidecar_path(article_path: str) -> str:
    return article_path + SUFFIX


def id_prefix(pair_id: str) -> str:
    """``1f4c8`` of ``1f4c8-p101``: the part that changes with every re-translation."""
    head, sep, _ = pair_id.rpartition("-")
    return head if sep else ""


def id_number(pair_id: str) -> str:
    return pair_id.rpartition("-")[2]


def text_digest(text: str) -> str:
    """A short digest of a target: ties a decision to the exact text it was made on."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_prefix(doc: Document) -> str:
    counts = Counter(map(id_prefix, doc.pairs.ids()))
    return counts.most_common(1)[0][0] if counts else ""


# -- the records ------------------------------------------------------------------------


@dataclass(slots=True)
class Record:
    """One segment's stored review, before it is matched to a pair of the article."""

    pair_id: str
    source: str  # the pair's source when saved: the matching key
    review: SegmentReview  # review.source is the source last reviewed (differs when flagged)
    original_target: str = ""  # "" when not stored: the target on disk was still the raw MT
    line: int = 0
    # Kept for a segment that is not in the article now; it goes back only onto that segment.
    detached: bool = False
    target_digest: str = ""  # text_digest of the target the state was set on ("": not stored)
    occurrence: int = 0  # which of several pairs with this id and source (0: the first)


@dataclass(slots=True)
class SidecarData:
    schema: int
    article: str
    prefix: str
    digest: str
    records: list[Record] = field(default_factory=list)


def carries_information(review: SegmentReview, pair: Pair) -> bool:
    return bool(
        review.state is not State.UNREVIEWED
        or review.issues
        or review.dismissed
        or review.source_changed
        or review.original_target != pair.target
    )


def informative_rows(session: ReviewSession) -> list[int]:
    """Rows whose review carries information, in order, without touching the other rows.

    Only a record that exists or a pair that was built (and so may be edited) can carry any:
    a fresh record beside an unbuilt pair is unreviewed with the target as opened. Reads the
    pairs' strings, so no pair is built for it.
    """
    pairs, reviews = session.doc.pairs, session.reviews
    rows = {k for k, _ in reviews.made()}
    rows.update(k for k in pairs.built_rows() if pairs[k].saved_target != pairs[k].target)
    target_at = pairs.target_at
    out = []
    for k in sorted(rows):
        r = reviews[k]
        if (
            r.state is not State.UNREVIEWED
            or r.issues
            or r.dismissed
            or r.source_changed
            or r.original_target != target_at(k)
        ):
            out.append(k)
    return out


def has_review_data(session: ReviewSession) -> bool:
    return bool(informative_rows(session))


# -- writing ----------------------------------------------------------------------------


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


def occurrences(doc: Document, rows: Sequence[int]) -> dict[int, int]:
    """Row -> which pair with the same id and source it is (only rows that are not the first).

    Real articles never repeat an id, so this costs one set of the ids; the sources are read
    only when an id repeats.
    """
    ids = doc.pairs.ids()
    if len(set(ids)) == len(ids):
        return {}
    seen: Counter[tuple[str, str]] = Counter()
    nth: dict[int, int] = {}
    for k, key in enumerate(zip(ids, doc.pairs.sources(), strict=True)):
        if seen[key]:
            nth[k] = seen[key]
        seen[key] += 1
    wanted = set(rows)
    return {k: n for k, n in nth.items() if k in wanted}


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


# -- reading ----------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, message: str, segment: int | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.segment = segment
        self.key = key


def read_sidecar(path: str) -> SidecarData | None:
    """The sidecar at ``path``, None when there is none, SidecarError when it is unusable."""
    try:
        raw = read_optional(path, MAX_SIDECAR_BYTES, "review data")
    except FormatError as exc:
        raise SidecarError(path, exc.message + (" " + exc.hint if exc.hint else "")) from None
    if raw is None:
        return None
    return parse_sidecar(raw, path)


def parse_sidecar(raw: bytes, path: str) -> SidecarData:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SidecarError(path, "is not UTF-8 text.", line) from None
    import yaml  # for its error class: a start that reads no sidecar never imports it

    try:
        # A safe loader only: tags such as !!python/object/apply are refused, never executed;
        # so are aliases (no expansion bombs) and a key given twice (a bad hand merge).
        data = yamlio.safe_load_fast(text, unique_keys=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise SidecarError(
            path,
            f"is corrupt: {problem}.",
            mark.line + 1 if mark is not None else None,
        ) from None
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, RecursionError) as exc:
        # The safe constructors raise plain errors on values such as !!int '', !!bool yes2 or
        # an impossible date, and deep nesting exhausts the stack.
        raise SidecarError(
            path, f"is corrupt: a value YAML cannot read ({type(exc).__name__}: {exc})."
        ) from None
    try:
        with yamlio.paused_gc():  # 50,000 records, none of them in a cycle
            return _validate(data)
    except _Invalid as exc:
        raise SidecarError(path, exc.message, _locate(text, exc.segment, exc.key)) from None


def sidecar_from_data(data: Any, path: str) -> SidecarData:
    """Review data already loaded (a journal's review block) checked as a sidecar's is."""
    try:
        with yamlio.paused_gc():
            return _validate(data)
    except _Invalid as exc:
        raise SidecarError(path, exc.message) from None


def _locate(text: str, segment: int | None, key: str | None) -> int | None:
    """Line of a segment entry (or one of its keys), found again by composing the YAML nodes."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return 1
    for k, v in root.value:
        if segment is None:
            if key is not None and k.value == key:
                return int(k.start_mark.line) + 1
            continue
        if k.value == "segments" and isinstance(v, yaml.SequenceNode) and segment < len(v.value):
            node = v.value[segment]
            if key is not None and isinstance(node, yaml.MappingNode):
                for kk, _ in node.value:
                    if kk.value == key:
                        return int(kk.start_mark.line) + 1
            return int(node.start_mark.line) + 1
    return None


def _text(value: Any, what: str, segment: int | None, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    raise _Invalid(f"{what} must be text, not {type(value).__name__}.", segment, key)


def _validate(data: Any) -> SidecarData:
    if not isinstance(data, dict):
        raise _Invalid("is not review data: expected a YAML mapping with a 'schema' field.")
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise _Invalid("is not review data: no whole-number 'schema' field.", key="schema")
    if schema > SCHEMA_VERSION:
        raise _Invalid(
            f"was written by a newer version of reviewer (schema {schema}; this version reads "
            f"up to {SCHEMA_VERSION}). Update reviewer to keep this review data.",
            key="schema",
        )
    if schema < 1:
        raise _Invalid(f"has an invalid schema number {schema}.", key="schema")
    segments = data.get("segments") or []
    if not isinstance(segments, list):
        raise _Invalid("'segments' must be a list.", key="segments")
    if schema >= 2:
        count = data.get("segment_count")
        if count is None:
            raise _Invalid(
                "is incomplete: its end marker (segment_count) is missing, so the file was cut "
                "short (an interrupted copy or save?). Restore it from a backup or version "
                "control.",
                key="segments",
            )
        if isinstance(count, bool) or not isinstance(count, int) or count != len(segments):
            raise _Invalid(
                f"is incomplete: it holds {len(segments)} segment entries but its end marker "
                f"says {count!r}, so part of it is missing. Restore it from a backup or "
                "version control.",
                key="segment_count",
            )
    out = SidecarData(
        schema,
        _text(data.get("article"), "'article'", None, "article"),
        _text(data.get("prefix"), "'prefix'", None, "prefix"),
        _text(data.get("digest"), "'digest'", None, "digest"),
    )
    for n, entry in enumerate(segments):
        out.records.append(_record(entry, n))
    return out


def _record(entry: Any, n: int) -> Record:
    if not isinstance(entry, dict):
        raise _Invalid(f"segment entry {n + 1} is not a mapping.", n)
    pair_id = _text(entry.get("id"), "'id'", n, "id")
    if not pair_id:
        raise _Invalid(f"segment entry {n + 1} has no id.", n)
    if "source" not in entry:
        raise _Invalid(f"segment {pair_id} has no source.", n)
    source = _text(entry.get("source"), "'source'", n, "source")
    raw_state = entry.get("state", State.UNREVIEWED.value)
    try:
        state = State(raw_state)
    except ValueError:
        known = ", ".join(s.value for s in State)
        raise _Invalid(
            f"segment {pair_id} has unknown state {raw_state!r} (known: {known}).", n, "state"
        ) from None
    source_changed = entry.get("source_changed", False)
    if not isinstance(source_changed, bool):
        raise _Invalid(f"segment {pair_id}: 'source_changed' must be true or false.", n)
    dismissed = entry.get("dismissed") or []
    if not isinstance(dismissed, list):
        raise _Invalid(f"segment {pair_id}: 'dismissed' must be a list of check codes.", n)
    issues_raw = entry.get("issues") or []
    if not isinstance(issues_raw, list):
        raise _Invalid(f"segment {pair_id}: 'issues' must be a list.", n, "issues")
    previous = entry.get("previous_source")
    review = SegmentReview(
        pair_id,
        source if previous is None else _text(previous, "'previous_source'", n, "previous_source"),
        "",
        state,
        [_issue(i, pair_id, n) for i in issues_raw],
        {_text(c, "a dismissed code", n, "dismissed") for c in dismissed},
        _text(entry.get("changed_by"), "'changed_by'", n, "changed_by"),
        _text(entry.get("changed_at"), "'changed_at'", n, "changed_at"),
        source_changed,
    )
    original = _text(entry.get("original_target"), "'original_target'", n, "original_target")
    detached = entry.get("detached", False)
    if not isinstance(detached, bool):
        raise _Invalid(f"segment {pair_id}: 'detached' must be true or false.", n, "detached")
    occurrence = entry.get("occurrence", 0)
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
        raise _Invalid(
            f"segment {pair_id}: 'occurrence' must be a whole number.", n, "occurrence"
        )
    target_digest = _text(entry.get("target_digest"), "'target_digest'", n, "target_digest")
    return Record(pair_id, source, review, original, 0, detached, target_digest, occurrence)


def _issue(raw: Any, pair_id: str, n: int) -> Issue:
    if not isinstance(raw, dict):
        raise _Invalid(f"segment {pair_id}: an issue is not a mapping.", n, "issues")
    category = _text(raw.get("category"), "an issue's category", n, "issues")
    if not category:
        raise _Invalid(f"segment {pair_id}: an issue has no category.", n, "issues")
    try:
        severity = Severity(raw.get("severity"))
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise _Invalid(
            f"segment {pair_id}: issue severity {raw.get('severity')!r} is unknown "
            f"(known: {known}).",
            n,
            "issues",
        ) from None
    try:
        status = IssueStatus(raw.get("status", IssueStatus.OPEN.value))
    except ValueError:
        known = ", ".join(s.value for s in IssueStatus)
        raise _Invalid(
            f"segment {pair_id}: issue status {raw.get('status')!r} is unknown (known: {known}).",
            n,
            "issues",
        ) from None
    issue = Issue(
        category,
        severity,
        _text(raw.get("comment"), "an issue's comment", n, "issues"),
        _text(raw.get("author"), "an issue's author", n, "issues"),
        _text(raw.get("created"), "an issue's created time", n, "issues"),
        status,
        _text(raw.get("check_code"), "an issue's check code", n, "issues"),
    )
    uid = _text(raw.get("uid"), "an issue's uid", n, "issues")
    if uid:
        issue.uid = uid
    return issue


# -- matching ---------------------------------------------------------------------------


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


def move_aside(path: str) -> str:
    """Rename an unusable sidecar to ``<path>.bak-<timestamp>`` (never deleted); returns it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = f"{path}.bak-{stamp}"
    n = 1
    while os.path.exists(target):
        target = f"{path}.bak-{stamp}-{n}"
        n += 1
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise SidecarError(
            path,
            f"could not be moved aside to {target}: {exc.strerror}.",
            hint="Move or delete it yourself, then open the article again.",
        ) from None
    return target
