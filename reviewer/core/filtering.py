"""Which segments a filter shows: text or regex, state, issues, severity, check, edited,
repetitions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.core.mqm import Severity
from reviewer.core.review_policy import row_issues
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession


@dataclass(slots=True)
class FilterSpec:
    """Everything a filter can ask for; an all-default spec shows every row."""

    text: str = ""
    regex: bool = False
    case_sensitive: bool = False
    in_source: bool = True
    in_target: bool = True
    states: set[State] = field(default_factory=set)  # empty: any state
    has_issues: bool = False  # open issue or undismissed check result
    severity: Severity | None = None  # at least one open issue/finding of this severity
    check_code: str = ""
    edited_only: bool = False
    # Only segments whose source occurs more than once, each source's occurrences together.
    repetitions: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.text
            or self.states
            or self.has_issues
            or self.severity is not None
            or self.check_code
            or self.edited_only
            or self.repetitions
        )


class SegmentFilter:
    """Computes the rows a spec shows in one Python pass, with what makes the next pass quick:
    lowercase text built once, and typing forward searching only the rows still shown."""

    def __init__(self, session: ReviewSession) -> None:
        self.session = session
        self._lower_sources: list[str] | None = None
        self._lower_targets: list[str] | None = None
        # (case_sensitive, in_source, in_target), needle, rows it matched: for narrowing.
        self._last_text: tuple[tuple[bool, bool, bool], str, list[int]] | None = None
        self._groups: dict[int, int] | None = None  # row -> repetition group (sources only)

    def rows(self, spec: FilterSpec) -> list[int] | None:
        """The rows ``spec`` shows, in order (with ``repetitions``: grouped by source, each
        group where its source first occurs); None when it shows every row.

        Raises ``re.error`` for a regular expression that does not compile.
        """
        if spec.is_empty:
            return None
        session = self.session
        candidates: range | list[int] = range(len(session.doc.pairs))
        reviews = session.reviews
        if spec.text:
            candidates = self._text_rows(spec)
        if spec.states:
            states = spec.states
            candidates = [r for r in candidates if reviews[r].state in states]
        if spec.edited_only:
            edited = session.edited_rows()
            candidates = [r for r in candidates if r in edited]
        if spec.has_issues or spec.severity is not None or spec.check_code:
            candidates = [r for r in candidates if self._issue_match(r, spec)]
        if spec.repetitions:
            groups = self.repetition_groups()
            candidates = sorted((r for r in candidates if r in groups), key=lambda r: groups[r])
        return list(candidates)

    def repetition_groups(self) -> dict[int, int]:
        """Row -> group for every segment whose source occurs more than once (the sources of
        an open article never change, so this is worked out once)."""
        if self._groups is None:
            from reviewer.core.project.repetitions import repetition_groups

            self._groups = repetition_groups(self.session.doc.pairs.sources())
        return self._groups

    def prepare_text_search(self) -> None:
        """Build the lowercase text now (the filter field got focus), not on the first key."""
        pairs = self.session.doc.pairs
        if self._lower_sources is None:
            self._lower_sources = [t.lower() for t in pairs.sources()]
        if self._lower_targets is None:
            self._lower_targets = [t.lower() for t in pairs.targets()]

    def targets_changed(self, rows: tuple[int, ...]) -> None:
        """Edited targets may now match, or no longer: forget what depends on them."""
        self._last_text = None
        if self._lower_targets is not None:
            pairs = self.session.doc.pairs
            for r in rows:
                if r < len(self._lower_targets):
                    self._lower_targets[r] = pairs[r].target.lower()

    def _text_rows(self, spec: FilterSpec) -> list[int]:
        pairs = self.session.doc.pairs
        columns: list[list[str]] = []
        if spec.regex:
            search = re.compile(spec.text, 0 if spec.case_sensitive else re.IGNORECASE).search
            if spec.in_source:
                columns.append(pairs.sources())
            if spec.in_target:
                columns.append(pairs.targets())
            hits: set[int] = set()
            for texts in columns:
                hits.update(r for r, t in enumerate(texts) if search(t))
            return sorted(hits)
        key = (spec.case_sensitive, spec.in_source, spec.in_target)
        if spec.case_sensitive:
            needle = spec.text
            if spec.in_source:
                columns.append(pairs.sources())
            if spec.in_target:
                columns.append(pairs.targets())
        else:
            needle = spec.text.lower()
            self.prepare_text_search()
            if spec.in_source and self._lower_sources is not None:
                columns.append(self._lower_sources)
            if spec.in_target and self._lower_targets is not None:
                columns.append(self._lower_targets)
        last = self._last_text
        # Typing forward only narrows: search the rows the shorter text matched, not all.
        rows: range | list[int] = range(len(pairs))
        if last is not None and last[0] == key and last[1] in needle:
            rows = last[2]
        found: list[int] = []
        if len(columns) == 1:
            (a,) = columns
            found = [r for r in rows if needle in a[r]]
        elif len(columns) == 2:
            a, b = columns
            found = [r for r in rows if needle in a[r] or needle in b[r]]
        self._last_text = (key, needle, found)
        return found

    def _issue_match(self, row: int, spec: FilterSpec) -> bool:
        issues, findings = row_issues(self.session, row)
        if not issues and not findings:
            return False
        code = spec.check_code
        if (
            code
            and not any(f.code == code for f in findings)
            and not any(i.check_code == code for i in issues)
        ):
            return False
        if spec.severity is not None:
            severities = {i.severity for i in issues} | {f.mqm_severity for f in findings}
            if spec.severity not in severities:
                return False
        return True
