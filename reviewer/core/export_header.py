"""The report header: which project, when, by whom, and the totals a project manager reads first."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reviewer.core.export_rows import ExportRow
from reviewer.core.scoring import MqmScore
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """What a project manager reads first: which project, when, by whom, and the totals."""

    project: str
    date: str  # local date and time of the export
    reviewer: str
    files: int
    segments: int
    words: int
    states: dict[State, int]
    issues: int  # issue rows (open, resolved or won't fix)
    open_issues: dict[str, int]  # open issues per severity value
    findings: int  # check finding rows (0 when check results were not asked for)
    include_checks: bool
    total: MqmScore

    def items(self) -> list[tuple[str, str | int | float]]:
        t = self.total
        done = self.states[State.APPROVED]
        return [
            ("Project", self.project),
            ("Date", self.date),
            ("Reviewer", self.reviewer or "-"),
            ("Files", self.files),
            ("Segments", self.segments),
            ("Source words", self.words),
            *((f"Segments {state.label.lower()}", self.states[state]) for state in State),
            ("Approved", f"{done / self.segments:.0%}" if self.segments else "-"),
            ("Issues", self.issues),
            *(
                (f"Open {sev} issues", self.open_issues.get(sev, 0))
                for sev in ("critical", "major", "minor", "neutral")
            ),
            (
                "Check results",
                self.findings if self.include_checks else "not included (--include-checks)",
            ),
            ("MQM score", round(t.score, 2)),
            ("Penalty per 1,000 words", round(t.normed_penalty, 2)),
            ("Threshold", t.threshold),
            ("Result", t.verdict),
        ]

    def as_dict(self) -> dict[str, object]:
        return {
            "project": self.project,
            "date": self.date,
            "reviewer": self.reviewer,
            "files": self.files,
            "segments": self.segments,
            "words": self.words,
            "states": {state.value: n for state, n in self.states.items()},
            "issues": self.issues,
            "open_issues": dict(self.open_issues),
            "check_results": self.findings if self.include_checks else None,
            "mqm": self.total.as_dict() | {"verdict": self.total.verdict},
        }


def report_header(
    sessions: Sequence[ReviewSession],
    rows: Sequence[ExportRow],
    total: MqmScore,
    *,
    root: str | None = None,
    reviewer: str = "",
    include_checks: bool = False,
    when: datetime | None = None,
) -> ReportHeader:
    paths = [os.path.abspath(s.doc.path) for s in sessions if s.doc.path]
    if root:
        project = os.path.abspath(root)
    elif paths:
        project = os.path.commonpath([os.path.dirname(p) for p in paths])
    else:
        project = ""
    open_issues = {sev: 0 for sev in ("critical", "major", "minor", "neutral")}
    for session in sessions:
        for record in session.records_with_issues():
            for issue in record.open_issues:
                open_issues[issue.severity.value] += 1
    stamp = (when or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    return ReportHeader(
        project=project,
        date=stamp,
        reviewer=reviewer,
        files=len(sessions),
        segments=sum(len(s) for s in sessions),
        words=total.words,
        states=_sum_states([s.state_counts() for s in sessions]),
        issues=sum(1 for r in rows if r.kind == "Issue"),
        open_issues=open_issues,
        findings=sum(1 for r in rows if r.kind != "Issue"),
        include_checks=include_checks,
        total=total,
    )


def _sum_states(states: Sequence[dict[State, int]]) -> dict[State, int]:
    return {state: sum(s.get(state, 0) for s in states) for state in State}
