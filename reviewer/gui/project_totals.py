"""The project's totals line: articles, segments, words, states, issues, checks, MQM verdict."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer.core.checks import Level
from reviewer.core.project import ProjectTotals
from reviewer.core.segments import State
from reviewer.gui import theme
from reviewer.gui.project_model import issues_text


def totals_text(t: ProjectTotals) -> str:
    """The line above the list, in rich text, for a project with articles."""
    approved = t.count(State.APPROVED)
    parts = [
        QCoreApplication.translate("ProjectView", "<b>{n} articles</b>").format(n=f"{t.files:,}"),
        QCoreApplication.translate("ProjectView", "{n} segments").format(n=f"{t.pairs:,}"),
        QCoreApplication.translate("ProjectView", "{n} words").format(n=f"{t.words:,}"),
        theme.colored(
            QCoreApplication.translate("ProjectView", "{n} approved ({p:.1f}%)").format(
                n=f"{approved:,}", p=t.approved_ratio * 100
            ),
            theme.GOOD,
            bold=True,
        ),
        QCoreApplication.translate("ProjectView", "{n} reviewed").format(
            n=f"{t.count(State.REVIEWED):,}"
        ),
        QCoreApplication.translate("ProjectView", "{n} needs work").format(
            n=f"{t.count(State.NEEDS_WORK):,}"
        ),
        QCoreApplication.translate("ProjectView", "{n} edited").format(
            n=f"{t.count(State.EDITED):,}"
        ),
    ]
    open_issues = sum(t.open_issues)
    if open_issues:
        parts.append(
            QCoreApplication.translate("ProjectView", "open issues: {text}").format(
                text=issues_text(t.open_issues)
            )
        )
    else:
        parts.append(QCoreApplication.translate("ProjectView", "no open issue"))
    if t.checked:
        checks = QCoreApplication.translate(
            "ProjectView", "checks: {e} errors, {w} warnings"
        ).format(e=f"{t.level(Level.ERROR):,}", w=f"{t.level(Level.WARNING):,}")
        readable = t.files - t.unreadable
        if t.checked < readable:
            checks += " " + QCoreApplication.translate(
                "ProjectView", "({n} of {m} articles checked)"
            ).format(n=f"{t.checked:,}", m=f"{readable:,}")
        parts.append(checks)
    else:
        parts.append(theme.muted(QCoreApplication.translate("ProjectView", "checks not run yet")))
    verdict = theme.colored(
        QCoreApplication.translate("ProjectView", "MQM {score:.1f}").format(score=t.score.score),
        theme.GOOD if t.score.passed else theme.BAD,
        bold=True,
    )
    parts.append(
        verdict
        + " "
        + QCoreApplication.translate("ProjectView", "({p} pass, {f} fail)").format(
            p=t.passed, f=t.failed
        )
    )
    if t.unreadable:
        parts.append(
            theme.colored(
                QCoreApplication.translate("ProjectView", "{n} unreadable").format(n=t.unreadable),
                theme.BAD,
            )
        )
    return " · ".join(parts)
