"""The target editor both the detail pane and the table use: true text, visible marks, steps."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reviewer.core.typing_steps import KeyClock, TextChange, TypingRun
from reviewer.gui import theme
from reviewer.gui.markup import tokenize
from reviewer.gui.markup_keys import MarkupKeys
from reviewer.gui.visible_text import MARKS, ShadowText, to_display


def _formats() -> dict[str, QTextCharFormat]:
    mono = QFont("monospace")
    mono.setStyleHint(QFont.StyleHint.Monospace)
    out: dict[str, QTextCharFormat] = {}
    for kind, (fg, bg, bold, is_mono) in theme.MARKUP.items():
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(fg))
        if bg:
            fmt.setBackground(QColor(bg))
        if bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if is_mono:
            fmt.setFontFamilies([mono.family()])
        out[kind] = fmt
    edge = QTextCharFormat()
    edge.setBackground(QColor(theme.EDGE_SPACE))
    out["edge"] = edge
    special = QTextCharFormat()
    special.setBackground(QColor(theme.SPECIAL_CHAR))
    special.setForeground(QColor(theme.SPECIAL_MARK))
    out["special"] = special
    return out


# A layer marks more in the target editor (spell-check underlines next): given one line of the
# shown text (positions are true-text positions within the line, one for one), it returns
# (start, length, format) spans, merged over the markup colours.
Layer = Callable[[str], Iterable[tuple[int, int, QTextCharFormat]]]


class MarkupHighlighter(QSyntaxHighlighter):
    """The table's colours inside editable text, so the editor shows what must stay intact."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = _formats()
        self._layers: list[Layer] = []

    def add_layer(self, layer: Layer) -> None:
        """Mark more in the text (a spell checker's underlines); it applies at once."""
        self._layers.append(layer)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for start, end, kind in tokenize(text):
            self.setFormat(start, end - start, self._formats[kind])
        block = self.currentBlock()
        doc = self.document()
        # Edge whitespace is significant in this format: mark it on the first and last line.
        if block == doc.firstBlock():
            lead = len(text) - len(text.lstrip())
            if lead and text.strip():
                self.setFormat(0, lead, self._formats["edge"])
        if block == doc.lastBlock():
            trail = len(text) - len(text.rstrip())
            if trail and text.strip():
                self.setFormat(len(text) - trail, trail, self._formats["edge"])
        for k, ch in enumerate(text):
            if ch in MARKS:
                self.setFormat(k, 1, self._formats["special"])
        for layer in self._layers:
            for start, length, fmt in layer(text):
                merged = self.format(start)
                merged.merge(fmt)
                self.setFormat(start, length, merged)


class SegmentTextEdit(QPlainTextEdit):
    """Edits one target. It keeps the true text (visible_text) and reports each change to it;
    keys bound to window actions (approve, move, undo) pass through to the window."""

    true_text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, local_undo: bool = False) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # undo works on the true text, never on the display
        self.setTabChangesFocus(True)
        self.highlighter = MarkupHighlighter(self.document())
        self.shadow = ShadowText()
        self._loading = False
        self.passthrough: list[QKeySequence] = []
        # The table's editor undoes its own typing (nothing is applied before Return); the
        # detail pane's editor leaves undo to the window, where each step is already applied.
        self._local_undo = local_undo
        self._undo: list[tuple[str, int]] = []
        self._redo: list[tuple[str, int]] = []
        self._run: TypingRun | None = None
        # When the last change was made: its key's time, so typing groups into undo steps by
        # the pauses the user made, not by how late a busy event loop handled the keys.
        self.key_clock = KeyClock()
        self._key_time: float | None = None  # the key being handled
        self.change_time = 0.0
        self.textChanged.connect(self._on_text_changed)
        self.markup = MarkupKeys(self)  # pairs, guards and shows markup and whitespace
        self.installEventFilter(self)  # after MarkupKeys: it sees each key first

    # -- the true text -------------------------------------------------------------------------
    def true_text(self) -> str:
        return self.shadow.true

    def set_true_text(self, text: str, keep_cursor: bool = True) -> None:
        """Show ``text``; no change is reported for it."""
        if text == self.shadow.true and self.document().toRawText() == self.shadow.raw:
            return
        pos = self.textCursor().position()
        self._loading = True
        try:
            self.shadow.reset(text)
            self.setPlainText(to_display(text))
        finally:
            self._loading = False
        if keep_cursor:
            self.set_cursor(min(pos, len(text)))

    def set_cursor(self, pos: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(pos, len(self.shadow.true))))
        self.setTextCursor(cursor)

    def insert_true(self, text: str) -> None:
        """Put ``text`` in place of the selection, exactly (CR and separators included); the
        change is reported once, as typing is."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        before = self.shadow.true
        self._loading = True  # the document's own signals would see only what shows
        try:
            self.shadow.expect(start, end, text)
            cursor.beginEditBlock()
            cursor.removeSelectedText()
            cursor.insertText(to_display(text))
            cursor.endEditBlock()
            self.setTextCursor(cursor)
        finally:
            self._loading = False
        if start != end or text:
            self._report(before, TextChange(start, before[start:end], text))

    def set_passthrough(self, keys: Iterable[QKeySequence]) -> None:
        self.passthrough = list(keys)

    # -- Qt overrides ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            self._key_time = self.key_clock.key(event.timestamp())
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            try:
                return self._event(event)
            finally:
                self._key_time = None  # the key is handled: later changes are no keystroke
        return self._event(event)

    def _event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._local_undo and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            ):
                event.accept()
                return True
            pressed = QKeySequence(event.keyCombination())
            if any(
                k.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for k in self.passthrough
            ):
                event.ignore()  # the window's action takes it
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._local_undo and event.matches(QKeySequence.StandardKey.Undo):
            self.undo_step()
            return
        if self._local_undo and event.matches(QKeySequence.StandardKey.Redo):
            self.redo_step()
            return
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
            # A line break as the target already writes them: CRLF stays CRLF.
            self.insert_true("\r\n" if "\r\n" in self.shadow.true else "\n")
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.markup.paint_whitespace()

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        mime = QMimeData()
        mime.setText(self.shadow.slice(cursor.selectionStart(), cursor.selectionEnd()))
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insert_true(source.text())

    # -- local undo (the table's editor) ----------------------------------------------------------
    def undo_step(self) -> None:
        if self._undo:
            self._redo.append((self.shadow.true, self.textCursor().position()))
            self._restore(*self._undo.pop())

    def redo_step(self) -> None:
        if self._redo:
            self._undo.append((self.shadow.true, self.textCursor().position()))
            self._restore(*self._redo.pop())

    def _restore(self, text: str, pos: int) -> None:
        self._run = None
        self.set_true_text(text, keep_cursor=False)
        self.set_cursor(pos)
        self.true_text_changed.emit(text)

    def _record(self, before: str, change: TextChange) -> None:
        now = self.change_time
        if self._run is not None and self._run.extend(change, now):
            return
        self._undo.append((before, change.start + len(change.removed)))
        self._redo.clear()
        self._run = TypingRun.begin(change, now)

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        before = self.shadow.true
        change = self.shadow.sync(self.document().toRawText())
        if change is not None:
            self._report(before, change)

    def _report(self, before: str, change: TextChange) -> None:
        self.change_time = self.key_clock.now() if self._key_time is None else self._key_time
        if self._local_undo:
            self._record(before, change)
        self.true_text_changed.emit(self.shadow.true)
        self.key_clock.handled()

    def move_cursor_end(self) -> None:
        self.moveCursor(QTextCursor.MoveOperation.End)
