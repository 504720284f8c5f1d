"""The project list: one row per article, its columns, sort keys, filters and the totals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.checks import Level
from reviewer.core.project.records import LEVELS, SEVERITIES, STATES, ArticleRecord
from reviewer.core.scoring import DEFAULT_THRESHOLD, MqmScore, total_score
from reviewer.core.segments import State

_APPROVED = STATES.index(State.APPROVED)
_REVIEWED = STATES.index(State.REVIEWED)
_UNREVIEWED = STATES.index(State.UNREVIEWED)
_SEVERITY_VALUES = tuple(s.value for s in SEVERITIES)
_WEIGHTS = tuple(s.weight for s in SEVERITIES)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What the project view shows of one article (built from its index record)."""

    rel: str
    title: str
    translation_type: str
    pairs: int
    words: int
    states: tuple[int, ...]  # segments per state, in State order
    open_issues: tuple[int, ...]  # open issues per severity: neutral, minor, major, critical
    findings: tuple[int, ...] | None  # per Level (error, warning, info); None: not checked yet
    check_codes: frozenset[str]
    score: MqmScore
    last_at: str  # ISO 8601 UTC, "" when never reviewed
    last_by: str
    edited: int  # segments whose target differs from the original MT
    error: str = ""  # the article could not be read; every count is 0
    sidecar_error: str = ""  # its review data could not be read; shown as unreviewed

    def count(self, state: State) -> int:
        return self.states[STATES.index(state)]

    @property
    def approved(self) -> int:
        return self.states[_APPROVED]

    @property
    def approved_ratio(self) -> float:
        """Share of segments approved (0..1); an article without segments counts as done."""
        return self.approved / self.pairs if self.pairs else 1.0

    @property
    def finished_ratio(self) -> float:
        """Share reviewed or approved."""
        done = self.states[_APPROVED] + self.states[_REVIEWED]
        return done / self.pairs if self.pairs else 1.0

    @property
    def open_issue_count(self) -> int:
        return sum(self.open_issues)

    @property
    def errors(self) -> int | None:
        return None if self.findings is None else self.findings[0]

    @property
    def warnings(self) -> int | None:
        return None if self.findings is None else self.findings[1]

    @property
    def passed(self) -> bool:
        return not self.error and self.score.passed

    @property
    def verdict(self) -> str:
        return "unreadable" if self.error else self.score.verdict


def make_row(record: ArticleRecord, threshold: float = DEFAULT_THRESHOLD) -> ArticleRow:
    findings: tuple[int, ...] | None = None
    codes: frozenset[str] = frozenset()
    if record.findings is not None:
        live = record.live_findings()
        by_level = dict.fromkeys(LEVELS, 0)
        for f in live:
            by_level[f.level] += 1
        findings = tuple(by_level[level] for level in LEVELS)
        codes = frozenset(f.code for f in live)
    counted = dict(zip(_SEVERITY_VALUES, record.counted_by_severity, strict=True))
    penalty = sum(w * n for w, n in zip(_WEIGHTS, record.counted_by_severity, strict=True))
    open_critical = record.open_by_severity[-1]
    score = MqmScore(record.rel, record.words, penalty, counted, open_critical, threshold)
    return ArticleRow(
        record.rel,
        record.title,
        record.translation_type,
        record.pairs,
        record.words,
        record.states,
        record.open_by_severity,
        findings,
        codes,
        score,
        record.last_at,
        record.last_by,
        record.edited,
        record.error,
        record.sidecar_error,
    )


# -- columns and sorting ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """A list column: its key (for code), header, and the value it sorts by."""

    key: str
    header: str
    sort_value: Callable[[ArticleRow], Any]


def _none_last(value: int | None) -> tuple[int, int]:
    return (1, 0) if value is None else (0, value)


def _state_column(k: int, state: State) -> Column:
    return Column(state.value, state.label, lambda r: r.states[k])


COLUMNS: tuple[Column, ...] = (
    Column("path", "Path", lambda r: r.rel.casefold()),
    Column("title", "Title", lambda r: r.title.casefold()),
    Column("type", "Type", lambda r: r.translation_type.casefold()),
    Column("segments", "Segments", lambda r: r.pairs),
    Column("words", "Words", lambda r: r.words),
    *(_state_column(k, s) for k, s in enumerate(STATES)),
    Column("progress", "Approved %", lambda r: (r.approved_ratio, r.finished_ratio)),
    Column(
        "issues",
        "Open issues",
        # Worst first when descending: critical outweighs any number of minor ones.
        lambda r: (r.open_issues[3], r.open_issues[2], r.open_issues[1], r.open_issue_count),
    ),
    Column("errors", "Check errors", lambda r: _none_last(r.errors)),
    Column("warnings", "Check warnings", lambda r: _none_last(r.warnings)),
    Column("score", "MQM score", lambda r: r.score.score),
    Column("result", "Result", lambda r: (not r.passed, r.verdict)),
    Column("last-reviewed", "Last reviewed", lambda r: r.last_at),
    Column("reviewer", "By", lambda r: r.last_by.casefold()),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
_BY_KEY = {c.key: c for c in COLUMNS}


def column(key: str) -> Column:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(
            f"unknown column {key!r}; known columns: {', '.join(COLUMN_KEYS)}"
        ) from None


def sort_key(row: ArticleRow, key: str) -> tuple[Any, str]:
    """The value a column sorts by, with the path as a tie-breaker (a stable, total order)."""
    return (column(key).sort_value(row), row.rel)


def sorted_indexes(rows: Sequence[ArticleRow], key: str, descending: bool = False) -> list[int]:
    get = column(key).sort_value
    return sorted(range(len(rows)), key=lambda k: (get(rows[k]), rows[k].rel), reverse=descending)


# -- filtering ---------------------------------------------------------------------------

PROGRESS_FILTERS = ("any", "not-started", "in-progress", "unfinished", "complete")
RESULT_FILTERS = ("any", "pass", "fail")
ISSUE_FILTERS = ("any", "open", "none")
CHECK_FILTERS = ("any", "errors", "warnings", "clean", "unchecked")


@dataclass(slots=True)
class ProjectFilter:
    """What the project list shows; every part left at its default lets every article through.

    ``text`` matches the path or the title (case-insensitive). ``progress``: not-started (no
    segment past unreviewed), in-progress (some but not all approved), unfinished (not all
    approved), complete (all approved). ``checks``: errors (an error-level finding), warnings
    (an error or a warning), clean (checked, no error), unchecked. ``check_code``: a finding of
    that check. ``types``: ``ms.translationtype`` values (MT, HT).
    """

    text: str = ""
    types: set[str] = field(default_factory=set)
    progress: str = "any"
    result: str = "any"
    issues: str = "any"
    checks: str = "any"
    check_code: str = ""
    unreadable_only: bool = False

    def __post_init__(self) -> None:
        for name, allowed in (
            ("progress", PROGRESS_FILTERS),
            ("result", RESULT_FILTERS),
            ("issues", ISSUE_FILTERS),
            ("checks", CHECK_FILTERS),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} filter must be one of {', '.join(allowed)}")

    def matches(self, row: ArticleRow) -> bool:
        if self.unreadable_only and not (row.error or row.sidecar_error):
            return False
        if self.text:
            needle = self.text.casefold()
            if needle not in row.rel.casefold() and needle not in row.title.casefold():
                return False
        if self.types and row.translation_type.upper() not in {t.upper() for t in self.types}:
            return False
        return (
            _progress_ok(self.progress, row)
            and _result_ok(self.result, row)
            and _issues_ok(self.issues, row)
            and _checks_ok(self.checks, row)
            and (not self.check_code or self.check_code in row.check_codes)
        )


def _progress_ok(want: str, row: ArticleRow) -> bool:
    if want == "any":
        return True
    started = row.pairs - row.states[_UNREVIEWED]
    complete = row.approved == row.pairs
    if want == "not-started":
        return started == 0 and row.pairs > 0
    if want == "in-progress":
        return started > 0 and not complete
    if want == "unfinished":
        return not complete
    return complete


def _result_ok(want: str, row: ArticleRow) -> bool:
    return want == "any" or (want == "pass") == row.passed


def _issues_ok(want: str, row: ArticleRow) -> bool:
    return want == "any" or (want == "open") == (row.open_issue_count > 0)


def _checks_ok(want: str, row: ArticleRow) -> bool:
    if want == "any":
        return True
    if row.findings is None:
        return want == "unchecked"
    errors, warnings = row.findings[0], row.findings[1]
    if want == "errors":
        return errors > 0
    if want == "warnings":
        return errors + warnings > 0
    if want == "clean":
        return errors == 0
    return False


def filter_indexes(rows: Sequence[ArticleRow], spec: ProjectFilter) -> list[int]:
    return [k for k, row in enumerate(rows) if spec.matches(row)]


# -- totals ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectTotals:
    """The line on top of the project view (and the TOTAL line of ``reviewer stats``)."""

    files: int
    unreadable: int
    pairs: int
    words: int
    states: tuple[int, ...]
    open_issues: tuple[int, ...]
    findings: tuple[int, ...]  # per Level, over the articles checked so far
    checked: int  # articles whose checks are in
    score: MqmScore
    passed: int
    failed: int
    edited: int

    @property
    def approved_ratio(self) -> float:
        return self.states[_APPROVED] / self.pairs if self.pairs else 1.0

    def count(self, state: State) -> int:
        return self.states[STATES.index(state)]

    def level(self, level: Level) -> int:
        return self.findings[LEVELS.index(level)]


def totals(rows: Sequence[ArticleRow], threshold: float = DEFAULT_THRESHOLD) -> ProjectTotals:
    readable = [r for r in rows if not r.error]
    checked = [r.findings for r in readable if r.findings is not None]
    return ProjectTotals(
        files=len(rows),
        unreadable=len(rows) - len(readable),
        pairs=sum(r.pairs for r in readable),
        words=sum(r.words for r in readable),
        states=tuple(sum(r.states[k] for r in readable) for k in range(len(STATES))),
        open_issues=tuple(sum(r.open_issues[k] for r in readable) for k in range(len(SEVERITIES))),
        findings=tuple(sum(f[k] for f in checked) for k in range(len(LEVELS))),
        checked=len(checked),
        score=total_score([r.score for r in readable], threshold),
        passed=sum(1 for r in readable if r.passed),
        failed=sum(1 for r in readable if not r.passed),
        edited=sum(r.edited for r in readable),
    )
