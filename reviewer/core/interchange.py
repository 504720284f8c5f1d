"""What the XLIFF and TMX files share: languages, file names, segments worth exporting."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reviewer.core.format import Document
from reviewer.core.segments import SegmentReview
from reviewer.core.session import ReviewSession

SOURCE_LANGUAGE = "en-US"
DEFAULT_TARGET_LANGUAGE = "nl-NL"
# Our own namespace for what the standards have no word for: the review state, the reviewer.
REVIEW_NS = "urn:reviewer:review:1"
_LANG_RE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def target_language(doc: Document) -> str:
    """The article's locale from ``ms.contentlocale`` (always nl-NL in the corpus)."""
    fm = doc.front_matter
    value = fm.data.get("ms.contentlocale") if fm is not None and fm.data else None
    if isinstance(value, str) and _LANG_RE.fullmatch(value.strip()):
        return value.strip()
    return DEFAULT_TARGET_LANGUAGE


def handoff_date(doc: Document) -> str:
    """``ms.lasthandoff`` (MM/DD/YYYY, when the translation came in) as YYYYMMDD, or ""."""
    fm = doc.front_matter
    value = fm.data.get("ms.lasthandoff") if fm is not None and fm.data else None
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", str(value or "").strip())
    return f"{m.group(3)}{m.group(1)}{m.group(2)}" if m else ""


def original_names(sessions: Sequence[ReviewSession], root: str | None = None) -> list[str]:
    """Each article's name as written in an exchange file: relative to ``root``, else its base
    name; always with forward slashes, so a file made on Windows imports on Linux."""
    names = []
    for s in sessions:
        path = s.doc.path or "article.md"
        if root is not None:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
            name = path if rel.startswith("..") else rel
        else:
            name = os.path.basename(path)
        names.append(name.replace(os.sep, "/"))
    return names


def _parts(name: str) -> list[str]:
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        parts = parts[len(parts) - parts[::-1].index("..") :]
    return parts


def _shared_tail(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def pick_names(names: Sequence[str], article_path: str) -> list[str]:
    """Which of an exchange file's article names mean ``article_path``: the same base name,
    and among several such, those sharing the most folders with the article's path."""
    have = _parts(os.path.abspath(article_path))
    scored = [(_shared_tail(_parts(n), have), n) for n in dict.fromkeys(names)]
    scored = [(score, n) for score, n in scored if score >= 1]
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return [n for score, n in scored if score == best]


@dataclass(frozen=True, slots=True)
class Segment:
    """One pair as exported: its row, texts and review record."""

    row: int
    id: str
    source: str
    target: str
    line: int
    review: SegmentReview


def segments(session: ReviewSession) -> Iterator[Segment]:
    """The pairs an exchange file carries, in order: front matter pairs and repeated ids (only
    the first can be addressed by id) stay out."""
    seen: set[str] = set()
    for row, pair in enumerate(session.doc.pairs):
        if pair.in_front_matter or pair.id in seen:
            continue
        seen.add(pair.id)
        yield Segment(row, pair.id, pair.source, pair.target, pair.line, session.reviews[row])
