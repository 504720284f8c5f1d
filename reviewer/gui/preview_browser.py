"""The preview's text view: it loads nothing, follows no link, and says which segment is clicked."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QFrame, QTextBrowser, QTextEdit, QToolTip, QWidget


class PreviewBrowser(QTextBrowser):
    """A read-only rendered article. A click on a sentence names its segment
    (``segment_clicked``); a click on a link only reports it (``anchorClicked``): nothing is
    opened or loaded here, and any resource the document asks for is refused and noted."""

    segment_clicked = Signal(str)  # the id of the segment under a plain click
    scrolled = Signal()  # moved, or laid out again at a new width

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.asked: list[str] = []  # resources refused (the rendered HTML names none)
        # What a tooltip says about a segment (set by the pane: number, state, findings).
        self.describe: Callable[[str], str] = lambda pid: ""
        self._pressed_at: QPoint | None = None
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.scrolled.emit())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.asked.append(name.toString() if isinstance(name, QUrl) else name)
        return None

    # -- where things are ---------------------------------------------------------------------
    def segment_at(self, point: QPoint) -> str:
        """The id of the segment whose text is at viewport ``point``, or ""."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x():
            position -= 1  # the pointer is on the character before the nearest cursor position
        return format_at(self.document(), position).toolTip()

    def block_at_y(self, starts: list[int], y: int) -> int:
        """Of the blocks starting at ``starts``, the one at document height ``y``: found by
        their laid-out positions (a hit test on a document still being laid out can miss, so
        one is only a guess to check). The guess spares laying out the document down to its
        middle, which takes a third of a second at 11,562 pairs."""
        if not starts:
            return 0
        in_view = y - self.verticalScrollBar().value()
        if 0 <= in_view <= self.viewport().height():
            position = self.cursorForPosition(QPoint(0, in_view)).position()
            guess = max(0, bisect_right(starts, position) - 1)
            if (guess == 0 or self.doc_y(starts[guess]) <= y) and (
                guess + 1 == len(starts) or self.doc_y(starts[guess + 1]) > y
            ):
                return guess
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.doc_y(starts[mid]) <= y:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def visible_blocks(self, starts: list[int]) -> tuple[int, int]:
        """The first and last of the blocks starting at ``starts`` that show in the view."""
        top = self.verticalScrollBar().value()
        return self.block_at_y(starts, top), self.block_at_y(starts, top + self.viewport().height())

    def doc_y(self, position: int) -> int:
        """The y of ``position`` in document coordinates (what the scroll bar measures)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def keep_in_view(self, position: int) -> None:
        """Scroll so ``position`` shows, a third down the view, unless it already shows."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if rect.top() >= 0 and rect.bottom() <= height:
            return
        self.scroll_to(self.verticalScrollBar().value() + rect.top() - height // 3)

    def scroll_to(self, y: int) -> None:
        """Scroll to document ``y`` (a laid-out place, so within the document). The layout
        tells the scroll bar its new height only on the next turn of the event loop, so a
        place laid out just now may lie beyond it; asking the document its size instead would
        lay all of it out at once."""
        bar = self.verticalScrollBar()
        if y > bar.maximum():
            bar.setMaximum(y)
        bar.setValue(y)

    # -- marks ----------------------------------------------------------------------------------
    def set_marks(
        self, marks: Iterable[tuple[int, int, str]], underline: str = "", current: str = ""
    ) -> None:
        """Tint document spans (start, end, colour), over the text, never in it; spans in the
        ``current`` colour are also underlined in ``underline``, so the current sentence
        stands out on a tinted callout too."""
        selections = []
        for start, end, colour in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            if underline and colour == current:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(underline))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    # -- Qt overrides -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scrolled.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        point = event.position().toPoint()
        if (
            event.button() != Qt.MouseButton.LeftButton
            or pressed is None
            or (point - pressed).manhattanLength() >= QApplication.startDragDistance()
            or self.textCursor().hasSelection()
            or self.anchorAt(point)
        ):
            return  # a drag, a selection or a link: not a click on a sentence
        pid = self.segment_at(point)
        if pid:
            self.segment_clicked.emit(pid)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering at viewport ``point`` explains: the segment, or nothing on a link."""
        if self.anchorAt(point):
            return ""  # the status bar says what a link is
        pid = self.segment_at(point)
        return self.describe(pid) if pid else ""


def format_at(document: Any, position: int) -> QTextCharFormat:
    """The character format of the character at ``position`` (not the one before it)."""
    block = document.findBlock(position)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.position() <= position < fragment.position() + fragment.length():
            fmt: QTextCharFormat = fragment.charFormat()
            return fmt
        it += 1
    return QTextCharFormat()
