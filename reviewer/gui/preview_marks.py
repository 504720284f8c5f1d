"""What the preview shows over a page: check results' tints, the current segment, tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer.core.checks import Level
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.markup import esc
from reviewer.gui.preview_browser import PreviewBrowser
from reviewer.gui.preview_doc import RenderedArticle

_LEVELS = (Level.ERROR, Level.WARNING, Level.INFO)


def page_marks(
    session: ReviewSession | None,
    view: RenderedArticle,
    browser: PreviewBrowser,
    current: str,
    tint: bool,
) -> list[tuple[int, int, str]]:
    """The shown segments with check results tinted (when ``tint``), and the current one."""
    marks: list[tuple[int, int, str]] = []
    if tint:
        first, last = browser.visible_blocks(view.starts)
        for pid, spans in view.runs(first, last).items():
            colour = segment_tint(session, pid)
            if colour:
                marks.extend((start, end, colour) for start, end in spans)
    if current:
        marks.extend((s, e, theme.PREVIEW_CURRENT) for s, e in view.segment_runs(current))
    return marks


def segment_tint(session: ReviewSession | None, pid: str) -> str:
    """The colour of a segment's worst check result; "" for none (or checks not run)."""
    if session is None or not session.checks_ready:
        return ""
    try:
        row = session.row_of(pid)
    except KeyError:
        return ""
    levels = {f.level for f in session.findings(row)}
    worst = next((level for level in _LEVELS if level in levels), None)
    return theme.PREVIEW_TINTS[worst] if worst is not None else ""


def segment_tooltip(session: ReviewSession | None, pid: str) -> str:
    """A segment's tooltip: its number, id and state, and its check results."""
    try:
        row = session.row_of(pid) if session is not None else -1
    except KeyError:
        row = -1
    if session is None or row < 0:
        return ""
    review = session.reviews[row]
    lines = [
        QCoreApplication.translate("PreviewPane", "<b>#{n}</b> · {id} · {state}").format(
            n=row + 1, id=esc(pid), state=esc(labels.state(review.state))
        )
    ]
    if session.checks_ready:
        lines += [esc(f.message) for f in session.findings(row)[:4]]
    click = QCoreApplication.translate("PreviewPane", "Click to go to this segment")
    lines.append(f"<i>{esc(click)}</i>")
    return "<br>".join(lines)
