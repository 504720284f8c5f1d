"""What the project index keeps of one article, and how a worker computes it from the file."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.checks import CheckConfig, Level, run_checks
from reviewer.core.config import Config
from reviewer.core.errors import ReviewerError
from reviewer.core.format import Document
from reviewer.core.mqm import IssueStatus, Severity
from reviewer.core.project.discovery import Found, Stamp
from reviewer.core.scoring import count_words, counted, segment_distance
from reviewer.core.segments import State
from reviewer.core.store import SidecarError
from reviewer.core.workspace import Workspace, open_article

STATES = tuple(State)
SEVERITIES = tuple(Severity)  # neutral, minor, major, critical
STATUSES = tuple(IssueStatus)
LEVELS = tuple(Level)
# Bumped whenever ArticleRecord's plain form changes: an older cache is then read as empty.
RECORD_VERSION = 3


@dataclass(frozen=True, slots=True)
class RowReview:
    """The review data of one segment that the project needs without opening the article."""

    state: State
    open_issues: int = 0
    dismissed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredFinding:
    """One check result, as the index keeps it (row in the article, not a Pair)."""

    row: int
    code: str
    level: Level
    message: str
    line: int


@dataclass(slots=True)
class ArticleRecord:
    """One article of the project: its list row, its segments' text and its review state.

    Built in a worker process from the file and its sidecar (``summarize``), kept in the index
    cache as plain data (``to_plain``/``from_plain``), and replaced whole when the file or its
    sidecar changes.
    """

    rel: str
    stamp: Stamp
    sidecar: Stamp | None
    digest: str = ""
    error: str = ""  # the article could not be read: the row says why, nothing else is known
    sidecar_error: str = ""  # review data unusable: indexed as if unreviewed
    title: str = ""
    translation_type: str = ""
    words: int = 0
    parse_warnings: int = 0
    n_pairs: int = 0
    # The segments' text: loaded with the record when read from the file, later (on first use
    # of the project's records) when it comes from the cache; ``has_texts`` says which.
    ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    has_texts: bool = True
    reviews: dict[int, RowReview] = field(default_factory=dict)  # rows not plain unreviewed
    states: tuple[int, ...] = (0, 0, 0, 0, 0)  # segments per state, in State order
    open_by_severity: tuple[int, ...] = (0, 0, 0, 0)  # in SEVERITIES order
    counted_by_severity: tuple[int, ...] = (0, 0, 0, 0)  # open + resolved: what MQM scores
    by_status: tuple[int, ...] = (0, 0, 0)  # in STATUSES order
    edited: int = 0  # post-edit distance: segments changed from the original MT ...
    distance: int = 0  # ... Levenshtein edits in all ...
    length: int = 0  # ... and the normaliser
    last_at: str = ""  # latest review change (ISO 8601 UTC) and who made it
    last_by: str = ""
    findings: list[StoredFinding] | None = None  # None until the checks ran on this version
    findings_key: str = ""  # the checks and settings the findings were computed with

    # -- derived ------------------------------------------------------------------------
    @property
    def pairs(self) -> int:
        return self.n_pairs

    def count_states(self) -> None:
        """Recount ``states`` from ``reviews``."""
        counts = dict.fromkeys(STATES, 0)
        for review in self.reviews.values():
            counts[review.state] += 1
        counts[State.UNREVIEWED] += self.n_pairs - len(self.reviews)
        self.states = tuple(counts[s] for s in STATES)

    def state_of(self, row: int) -> State:
        review = self.reviews.get(row)
        return review.state if review is not None else State.UNREVIEWED

    def live_findings(self, disabled: frozenset[str] = frozenset()) -> list[StoredFinding]:
        """Findings not dismissed on their segment (nor turned off since): what a user sees."""
        if not self.findings:
            return []
        out = []
        for f in self.findings:
            review = self.reviews.get(f.row)
            if f.code in disabled or (review is not None and f.code in review.dismissed):
                continue
            out.append(f)
        return out

    # -- plain data for the cache (marshal: no classes, no code) ----------------------------
    def to_plain(self) -> tuple[Any, ...]:
        """Everything but the segments' text (``texts_plain``), which is cached apart."""
        reviews = {
            row: (r.state.value, r.open_issues, r.dismissed) for row, r in self.reviews.items()
        }
        findings = (
            None
            if self.findings is None
            else [(f.row, f.code, f.level.value, f.message, f.line) for f in self.findings]
        )
        return (
            self.rel,
            (self.stamp.size, self.stamp.mtime_ns),
            None if self.sidecar is None else (self.sidecar.size, self.sidecar.mtime_ns),
            self.digest, self.error, self.sidecar_error, self.title, self.translation_type,
            self.words, self.parse_warnings, self.n_pairs, reviews,
            self.states, self.open_by_severity, self.counted_by_severity, self.by_status,
            self.edited, self.distance, self.length, self.last_at, self.last_by,
            findings, self.findings_key,
        )  # fmt: skip

    def texts_plain(self) -> tuple[list[str], list[str], list[str]]:
        return self.ids, self.sources, self.targets

    @classmethod
    def from_plain(
        cls, data: tuple[Any, ...], texts: tuple[list[str], list[str], list[str]] | None = None
    ) -> ArticleRecord:
        (
            rel, stamp, side, digest, error, side_error, title, ttype, words, warnings, n_pairs,
            reviews, states, open_sev, counted_sev, by_status, edited, distance, length,
            last_at, last_by, findings, findings_key,
        ) = data  # fmt: skip
        ids, sources, targets = texts if texts is not None else ([], [], [])
        return cls(
            rel,
            Stamp(*stamp),
            None if side is None else Stamp(*side),
            digest,
            error,
            side_error,
            title,
            ttype,
            words,
            warnings,
            n_pairs,
            ids,
            sources,
            targets,
            texts is not None or n_pairs == 0,
            {row: RowReview(State(s), n, tuple(d)) for row, (s, n, d) in reviews.items()},
            tuple(states),
            tuple(open_sev),
            tuple(counted_sev),
            tuple(by_status),
            edited,
            distance,
            length,
            last_at,
            last_by,
            None
            if findings is None
            else [StoredFinding(r, c, Level(v), m, ln) for r, c, v, m, ln in findings],
            findings_key,
        )

    def adopt_texts(self, texts: tuple[list[str], list[str], list[str]]) -> bool:
        """Take the segments' text from the cache; False when it does not fit this record."""
        ids, sources, targets = texts
        if self.has_texts or not (len(ids) == len(sources) == len(targets) == self.n_pairs):
            return False
        self.ids, self.sources, self.targets = ids, sources, targets
        self.has_texts = True
        return True


# -- computing a record (runs in a worker process) ------------------------------------------


def open_for_index(path: str, config: Config) -> tuple[Workspace, str]:
    """The article through the workspace (size caps, sidecar matching); an unusable sidecar is
    left aside and reported, as the window does, rather than hiding the article."""
    checks = _resolved(config)
    try:
        return open_article(path, config=config, check_config=checks), ""
    except SidecarError as exc:
        return open_article(path, config=config, ignore_sidecar=True, check_config=checks), str(exc)


_last_resolved: tuple[Config, CheckConfig] | None = None


def _resolved(config: Config) -> CheckConfig:
    """The config's checks, resolved once for a run of articles with equal configs (resolving
    the profile costs more than reading an article's front matter)."""
    global _last_resolved
    if _last_resolved is None or _last_resolved[0] != config:
        _last_resolved = (copy.deepcopy(config), config.check_config())
    return _last_resolved[1]


def summarize(found: Found, config: Config) -> ArticleRecord:
    """The record of one article as it is on disk now; a file that cannot be read gives a record
    whose ``error`` says why (never an exception: one bad file must not stop the project)."""
    record = ArticleRecord(found.rel, found.stamp, found.sidecar)
    try:
        ws, side_error = open_for_index(found.path, config)
    except ReviewerError as exc:
        record.error = str(exc)
        return record
    except OSError as exc:
        record.error = f"{found.path}: cannot be read: {exc.strerror or exc}."
        return record
    record.sidecar_error = side_error
    fill(record, ws)
    return record


def fill(record: ArticleRecord, ws: Workspace) -> None:
    """Everything the index shows of an opened article (its session as it is in memory)."""
    session = ws.session
    doc = session.doc
    record.digest = ws.disk_digest
    record.title, record.translation_type = front_matter_fields(doc)
    record.parse_warnings = len(doc.warnings)
    record.ids = list(doc.pairs.ids())
    record.n_pairs = len(record.ids)
    record.sources = doc.pairs.sources()
    record.targets = doc.pairs.targets()
    record.words = sum(map(count_words, record.sources))
    reviews: dict[int, RowReview] = {}
    open_sev = dict.fromkeys(SEVERITIES, 0)
    counted_sev = dict.fromkeys(SEVERITIES, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    edited = distance = 0
    length = sum(map(len, record.targets))
    last_at = last_by = ""
    for row, review in session.reviews.made():
        current = record.targets[row]
        n_open = 0
        for issue in review.issues:
            statuses[issue.status] += 1
            if issue.is_open:
                n_open += 1
                open_sev[issue.severity] += 1
            if counted(issue):
                counted_sev[issue.severity] += 1
            if issue.created > last_at:
                last_at, last_by = issue.created, issue.author
        if review.state is not State.UNREVIEWED or n_open or review.dismissed:
            reviews[row] = RowReview(review.state, n_open, tuple(sorted(review.dismissed)))
        if review.changed_at > last_at:
            last_at, last_by = review.changed_at, review.changed_by
        original = review.original_target
        if original != current:
            edited += 1
            distance += segment_distance(original, current)
            length += max(len(original), len(current)) - len(current)
    record.reviews = reviews
    record.count_states()
    record.open_by_severity = tuple(open_sev[s] for s in SEVERITIES)
    record.counted_by_severity = tuple(counted_sev[s] for s in SEVERITIES)
    record.by_status = tuple(statuses[s] for s in STATUSES)
    record.edited, record.distance, record.length = edited, distance, length
    record.last_at, record.last_by = last_at, last_by


def front_matter_fields(doc: Document) -> tuple[str, str]:
    """The article's title and ``ms.translationtype`` (MT, HT, ...), "" when absent."""
    fm = doc.front_matter
    if fm is None:
        return "", ""
    title = ttype = ""
    if fm.data:
        raw_title = fm.data.get("title")
        title = "" if raw_title is None else str(raw_title)
        raw_type = fm.data.get("ms.translationtype")
        ttype = "" if raw_type is None else str(raw_type)
    else:
        for f in fm.fields:
            if f.key == "title":
                title = f.value
        for line in fm.raw.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() == "ms.translationtype":
                ttype = value.strip().strip("'\"")
    return " ".join(title.split()), ttype.strip()


def check_findings(path: str, config: Config) -> tuple[str, list[StoredFinding]]:
    """(digest, findings) of every enabled check on one article on its own (dismissals kept:
    they are applied when read, so a review change does not need the checks again)."""
    try:
        ws, _ = open_for_index(path, config)
    except (ReviewerError, OSError):
        return "", []
    session = ws.session
    out = []
    for f in run_checks([session.doc], session.check_config):
        try:
            row = session.row_of(f.pair_id)
        except KeyError:
            continue
        out.append(StoredFinding(row, f.code, f.level, f.message, f.line))
    return ws.disk_digest, out


def article_path(root: str, rel: str) -> str:
    return os.path.join(root, *rel.split("/"))
