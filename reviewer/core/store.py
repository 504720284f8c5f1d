"""The review sidecar foo.md.review.yaml: its records, names, digests and errors."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reviewer.core import digests
from reviewer.core.errors import ReviewerError
from reviewer.core.format import Document, Pair
from reviewer.core.segments import SegmentReview, State
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
    return digests.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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
