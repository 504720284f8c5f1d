"""MQM quality scores, source word counts and post-edit distance for articles and sets of them."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.core.format import Document
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.session import ReviewSession

DEFAULT_THRESHOLD = 95.0
"""Default pass mark for the raw MQM score (REVIEW-PRACTICE.md section 1: MQM fixes none).

95 means a normed penalty of at most 50 points per 1,000 source words: about one major error
(5 points) per 100 words, or fifty minor ones per 1,000. We review *raw* MT of short articles
(median 12 pairs, a few hundred words). At 99, the mark many programmes use for human
translation, a single major error fails any article under 500 words, so nearly every raw MT
article would fail and the score would stop telling good MT from bad. 95 is in the band LQA
programmes commonly use for publishable MT-based documentation and still fails an article with
two major errors in 200 words. Critical errors fail regardless of the score. Set ``mqm_threshold``
in the config file for a stricter programme.
"""

REFERENCE_WORDS = 1000  # MQM's usual reference word count for the normed penalty total

# Open and resolved issues are scored, won't-fix ones are not: see counted().
SCORED_STATUSES = frozenset({IssueStatus.OPEN, IssueStatus.RESOLVED})

# HTML elements that occur inside sxs-lookup content (FORMAT.md section 5). Pseudo-tags such as
# ``<UserPrincipalName>`` are placeholders a reader sees, so they are counted as words.
_HTML_TAGS = (
    "a|abbr|b|br|center|code|dd|div|dl|dt|em|font|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|"
    "strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|var"
)
_HTML_TAG_RE = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.I)
# The URL part of a Markdown link or image: the link text is read, the address is not.
_MD_LINK_TARGET_RE = re.compile(
    r"\]\(\s*<?[^()\s]*(?:\([^()\s]*\)[^()\s]*)*>?(?:\s+\"[^\"]*\")?\s*\)"
)
_URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+|\bmailto:\S+", re.I)
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)
# A word: letters or digits, possibly joined by inner apostrophes, hyphens, dots or commas
# ("don't", "e-mail", "1.5", "Microsoft 365" = 2 words, "Security & Compliance" = 2 words).
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.,:/][^\W_]+)*")


def strip_markup(text: str) -> str:
    """The readable text of a source: no HTML tags, comments, link addresses, URLs or entities."""
    text = _COMMENT_RE.sub(" ", text)
    text = _AUTOLINK_RE.sub(" ", text)
    text = _MD_LINK_TARGET_RE.sub("] ", text)
    text = _URL_RE.sub(" ", text)
    text = _HTML_TAG_RE.sub(" ", text)
    return _ENTITY_RE.sub(" ", text)


# Text none of strip_markup's patterns can match (no tag, comment, entity, link address or
# URL) is its own readable text: most segments, counted without the five substitutions.
_MAY_HOLD_MARKUP_RE = re.compile(r"[<&]|\]\(|://|www\.|mailto:", re.I)


def _may_hold_markup(text: str) -> bool:
    # Plain substring tests first (the case-blind pattern costs ten times more per segment):
    # every text the pattern matches holds one of these ("w" and "o" have no other case forms).
    return (
        "<" in text
        or "&" in text
        or "](" in text
        or "://" in text
        or "w." in text
        or "W." in text
        or "o:" in text
        or "O:" in text
    ) and _MAY_HOLD_MARKUP_RE.search(text) is not None


def count_words(text: str) -> int:
    """Source words as MQM's evaluation word count: markup, link addresses and URLs excluded."""
    if not _may_hold_markup(text):
        return len(_WORD_RE.findall(text))
    return len(_WORD_RE.findall(strip_markup(text)))


def document_words(session: ReviewSession) -> int:
    # Sources never change within a session: count once per document (and build no pairs).
    doc = session.doc
    cached = _WORDS.get(doc)
    if cached is None:
        cached = sum(map(count_words, doc.pairs.sources()))
        _WORDS[doc] = cached
    return cached


_WORDS: weakref.WeakKeyDictionary[Document, int] = weakref.WeakKeyDictionary()


def counted(issue: Issue) -> bool:
    """True when an issue takes part in the MQM penalty.

    MQM scores the translation *as evaluated*. An issue the reviewer found and then fixed
    (resolved) was still an error in the MT that was delivered, so it counts; otherwise
    post-editing would push every score to 100 and hide how good the MT was. "Won't fix" is the
    reviewer's (or an arbiter's) verdict that the flag does not stand as an error of the
    translation (a preference, a false alarm, a problem of the source), so it does not count.
    Neutral issues count with their weight of 0: they are listed, never penalised.
    """
    return issue.status in SCORED_STATUSES


@dataclass(frozen=True, slots=True)
class MqmScore:
    """The MQM raw score of one article or of several together."""

    path: str | None  # None for a total over several articles
    words: int  # evaluation word count (source words)
    penalty: int  # absolute penalty total: sum of severity weights of counted issues
    counts: dict[str, int]  # counted issues per severity value ("minor": 3, ...)
    open_critical: int
    threshold: float
    files: int = 1

    @property
    def per_word_penalty(self) -> float:
        if self.words == 0:
            # No words to spread the penalty over: any penalty at all is a total failure.
            return 0.0 if self.penalty == 0 else 1.0
        return self.penalty / self.words

    @property
    def normed_penalty(self) -> float:
        """Penalty points per 1,000 source words (MQM's NPT)."""
        return self.per_word_penalty * REFERENCE_WORDS

    @property
    def score(self) -> float:
        """100 × (1 − penalty / words); can fall below zero for very poor text, as in MQM."""
        return 100.0 * (1.0 - self.per_word_penalty)

    @property
    def passed(self) -> bool:
        return self.open_critical == 0 and self.score >= self.threshold

    @property
    def verdict(self) -> str:
        if self.open_critical:
            return "fail (open critical issue)"
        return "pass" if self.passed else "fail"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "words": self.words,
            "penalty": self.penalty,
            "issues": dict(self.counts),
            "open_critical": self.open_critical,
            "score": round(self.score, 2),
            "normed_penalty": round(self.normed_penalty, 2),
            "threshold": self.threshold,
            "passed": self.passed,
        }


def mqm_score(
    session: ReviewSession, threshold: float = DEFAULT_THRESHOLD, words: int | None = None
) -> MqmScore:
    """Score one article from its manual issues (automatic findings are not errors until a
    reviewer confirms them as issues). ``words``: the source word count, when already known."""
    counts = {s.value: 0 for s in Severity}
    penalty = open_critical = 0
    for review in session.records_with_issues():
        for issue in review.issues:
            if issue.severity is Severity.CRITICAL and issue.is_open:
                open_critical += 1
            if counted(issue):
                counts[issue.severity.value] += 1
                penalty += issue.severity.weight
    if words is None:
        words = document_words(session)
    return MqmScore(session.doc.path, words, penalty, counts, open_critical, threshold)


def total_score(scores: Sequence[MqmScore], threshold: float = DEFAULT_THRESHOLD) -> MqmScore:
    """The set scored as one sample: penalties and words summed, not an average of scores."""
    counts = {s.value: 0 for s in Severity}
    for s in scores:
        for key, n in s.counts.items():
            counts[key] = counts.get(key, 0) + n
    return MqmScore(
        None,
        sum(s.words for s in scores),
        sum(s.penalty for s in scores),
        counts,
        sum(s.open_critical for s in scores),
        threshold,
        files=len(scores),
    )


# -- post-edit distance ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SegmentDistance:
    row: int
    pair_id: str
    distance: int  # Levenshtein edits from the original MT to the current target
    length: int  # the longer of the two strings: the normaliser

    @property
    def normalized(self) -> float:
        return self.distance / self.length if self.length else 0.0


@dataclass(frozen=True, slots=True)
class EditDistance:
    """Post-edit distance of an article (or a set): edits weighted by segment length."""

    path: str | None
    segments: int
    edited: int
    distance: int
    length: int
    per_segment: list[SegmentDistance] = field(default_factory=list)

    @property
    def normalized(self) -> float:
        """Σ edits / Σ lengths: long segments weigh more than short ones, as they cost more."""
        return self.distance / self.length if self.length else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "segments": self.segments,
            "edited": self.edited,
            "distance": self.distance,
            "length": self.length,
            "normalized": round(self.normalized, 4),
        }


def segment_distance(original: str, current: str) -> int:
    """Character edits from the original MT to the current target.

    Levenshtein rather than Indel: a post-editor replacing one character makes one edit, and
    Levenshtein counts a substitution as 1 where Indel counts it as 2 (a deletion plus an
    insertion). Normalised by the longer string it stays within [0, 1], the usual character
    post-edit distance (edit rate). Indel normalised by the summed lengths is the fuzzy-match
    ratio of translation memories: a similarity, not an effort measure.
    """
    # Imported here: rapidfuzz is not needed to open the window, only to measure edits.
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(original, current))


def edit_distance(session: ReviewSession) -> EditDistance:
    per: list[SegmentDistance] = []
    for row, (pair, review) in enumerate(zip(session.doc.pairs, session.reviews, strict=True)):
        original = review.original_target
        current = pair.target
        dist = 0 if original == current else segment_distance(original, current)
        per.append(SegmentDistance(row, pair.id, dist, max(len(original), len(current))))
    return EditDistance(
        session.doc.path,
        len(per),
        sum(1 for s in per if s.distance),
        sum(s.distance for s in per),
        sum(s.length for s in per),
        per,
    )


def total_distance(parts: Iterable[EditDistance]) -> EditDistance:
    items = list(parts)
    return EditDistance(
        None,
        sum(p.segments for p in items),
        sum(p.edited for p in items),
        sum(p.distance for p in items),
        sum(p.length for p in items),
    )
