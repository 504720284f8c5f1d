"""Glossary terms and do-not-translate names marked in the detail pane's source view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip

from reviewer.core.checks import Finding, terms
from reviewer.core.checks.glossary import Term
from reviewer.core.session import ReviewSession
from reviewer.gui import check_data, theme, viewports
from reviewer.gui.edit_gateway import EditEvent
from reviewer.gui.visible_text import CR_MARK

# The checks that say a term of the source is not rendered as required in the target.
TERM_CODES = ("glossary-term", "forbidden-term", "dnt-translated", "name-case")


@dataclass(frozen=True, slots=True)
class TermMark:
    """A term of the source (offsets into it), and the finding saying the target lacks it."""

    start: int
    end: int
    term: Term
    missing: str = ""

    @property
    def is_name(self) -> bool:
        return self.term.keep_english

    def tooltip(self) -> str:
        t = self.term
        if self.is_name:
            text = QCoreApplication.translate("TermMarks", "Do not translate: “{name}”").format(
                name=t.english
            )
        else:
            text = QCoreApplication.translate(
                "TermMarks", "Glossary: “{english}” → “{dutch}”"
            ).format(english=t.english, dutch=t.dutch)
            if t.forbidden:
                variants = ", ".join(f"“{f}”" for f in t.forbidden)
                text += "\n" + QCoreApplication.translate("TermMarks", "Not: {variants}").format(
                    variants=variants
                )
        if t.note:
            text += "\n" + t.note
        if self.missing:
            text += "\n" + QCoreApplication.translate(
                "TermMarks", "Not in the target: {message}"
            ).format(message=self.missing)
        return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("TermMarks", text)


def term_marks(source: str, findings: list[Finding]) -> list[TermMark]:
    """The source's terms and names; a term a term check flags on this segment is ``missing``."""
    flagged = [f.message for f in findings if f.code in TERM_CODES]
    out = []
    for hit in terms.find_terms(source):
        quoted = {source[hit.start : hit.end], hit.term.english}
        missing = next(
            (
                m
                for m in flagged
                if any(f"'{q}'" in m or m.startswith(f"{q} written as") for q in quoted)
            ),
            "",
        )
        out.append(TermMark(hit.start, hit.end, hit.term, missing))
    return out


# How the source view shows a character of the source (gui/markup.to_html): a line break as
# ↵ and a line separator, edge whitespace as a visible mark; runs of spaces collapse to one.
_SHOWN = {"\n": ("↵\u2028",), "\r": (CR_MARK,), " ": (" ", "·"), "\t": ("\t", "→")}


def shown_positions(source: str, shown: str) -> list[int] | None:
    """For each offset of ``source`` (and its end), the position in the view's text."""
    out: list[int] = []
    j = 0
    previous = ""
    for c in source:
        out.append(j)
        for form in _SHOWN.get(c, (c, "°") if c == "\u00a0" else (c,)):
            if shown.startswith(form, j):
                j += len(form)
                break
        else:
            if not (c == " " and previous.isspace()):
                return None
        previous = c
    out.append(j)
    return out


class TermMarks(QObject):
    """Follows the current segment (a SegmentView) and marks its terms in the source view:
    glossary terms green, do-not-translate names lilac, a term the target lacks orange and
    underlined; hovering one shows the Dutch term it needs."""

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view)
        self.view = view
        self.session: ReviewSession | None = None
        self.row = -1
        self.marks: list[tuple[int, int, TermMark]] = []  # view positions and the mark
        self._viewport = viewports.viewport(view)  # kept: view.viewport() returns it
        self._viewport.installEventFilter(self)

    # -- SegmentView ------------------------------------------------------------------------
    def show_row(self, session: ReviewSession | None, row: int) -> None:
        self.session, self.row = session, row
        self.refresh()

    def on_edit(self, event: EditEvent) -> None:
        if self.row in event.rows:
            self.refresh()  # the detail pane has shown the source again: mark it again

    def on_checks_done(self) -> None:
        self.refresh()

    # -- marking ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.marks = []
        session, row = self.session, self.row
        if session is None or not 0 <= row < len(session.doc.pairs) or not check_data.loaded():
            self.view.setExtraSelections([])
            return
        source = session.doc.pairs[row].source
        findings = session.findings(row) if session.checks_ready else []
        positions = shown_positions(source, self.view.document().toRawText())
        selections = []
        for mark in term_marks(source, findings) if positions is not None else []:
            assert positions is not None
            start, end = positions[mark.start], positions[mark.end]
            self.marks.append((start, end, mark))
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format(mark)
            selections.append(selection)
        self.view.setExtraSelections(selections)

    @staticmethod
    def _format(mark: TermMark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if mark.missing:
            fmt.setBackground(QColor(theme.TERM_MISSING_BG))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(theme.TERM_MISSING_LINE))
        else:
            fmt.setBackground(QColor(theme.NAME_BG if mark.is_name else theme.TERM_BG))
        return fmt

    def mark_at(self, position: int) -> TermMark | None:
        return next((m for start, end, m in self.marks if start <= position <= end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(self.view.cursorForPosition(event.pos()).position())
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tooltip(), self.view.viewport())
                return True
        return False
