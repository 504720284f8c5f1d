"""Markup help in the target editors: next markup from the source, pairs, whole tokens, spaces."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QStatusTipEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.core.markup.whitespace import SPECIAL_SPACES, SYMBOLS, describe_char, whitespace_marks
from reviewer.gui import theme

if TYPE_CHECKING:
    from reviewer.core.markup.assist import TextEdit
    from reviewer.gui.text_editor import SegmentTextEdit

_PAIRING = frozenset("[]()`*_")  # keys auto_pair may act on
_LINE_BREAK = SYMBOLS["\n"]
_SHOWN = {"whitespace": False}  # View › Show Whitespace, for every target editor
# The installed helpers, so a toggle repaints their editors without walking every widget of the
# application (some of which Qt may be deleting at that moment).
_INSTALLED: weakref.WeakSet[MarkupKeys] = weakref.WeakSet()


def _t(text: str) -> str:
    return QCoreApplication.translate("MarkupKeys", text)


def say(widget: QWidget, text: str) -> None:
    """A line in the window's status bar (Qt hands a status tip up to the main window)."""
    QCoreApplication.sendEvent(widget, QStatusTipEvent(text))


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def apply_edit(editor: SegmentTextEdit, edit: TextEdit) -> None:
    """Make ``edit`` in the editor as one change of its true text, then place the selection."""
    if edit.start != edit.end or edit.insert:
        cursor = editor.textCursor()
        cursor.setPosition(edit.start)
        cursor.setPosition(edit.end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.insert_true(edit.insert)
    cursor = editor.textCursor()
    cursor.setPosition(edit.anchor)
    cursor.setPosition(edit.cursor, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def whitespace_shown() -> bool:
    return _SHOWN["whitespace"]


class MarkupKeys(QObject):
    """Installed on one target editor: typing ``**``, ``[`` or a backtick pairs it; Backspace
    and Delete remove a markup token whole rather than cut it (and say so); spaces, no-break
    spaces and tabs show as symbols when asked (display only: the text never changes)."""

    def __init__(self, editor: SegmentTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.source = ""  # the segment's source: where "insert next markup" takes markup from
        editor.installEventFilter(self)
        editor.cursorPositionChanged.connect(self._name_special_space)
        _INSTALLED.add(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not self.editor.isReadOnly()
        ):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        # Here, not at the top: imported at the first key, not before the window's first paint.
        from reviewer.core.markup.assist import auto_pair, protected_delete

        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        editor = self.editor
        cursor = editor.textCursor()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ControlModifier,
        ):
            forward = key == Qt.Key.Key_Delete
            if mods == Qt.KeyboardModifier.ControlModifier and not cursor.hasSelection():
                # A word at a time, as Qt does it; a token in that word goes whole.
                move = QTextCursor.MoveOperation
                cursor.movePosition(
                    move.NextWord if forward else move.PreviousWord,
                    QTextCursor.MoveMode.KeepAnchor,
                )
            edit = protected_delete(editor.true_text(), cursor.position(), cursor.anchor(), forward)
            if edit is None or not edit.removed:
                return False
            apply_edit(editor, edit)
            tokens = ", ".join(_short(t) for t in edit.removed)
            say(
                editor,
                QCoreApplication.translate(
                    "MarkupKeys", "Removed the whole markup {tokens}: Ctrl+Z brings it back"
                ).format(tokens=tokens),
            )
            return True
        typed = event.text()
        if (
            len(typed) == 1
            and typed in _PAIRING
            and mods
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
        ):
            edit = auto_pair(editor.true_text(), cursor.position(), cursor.anchor(), typed)
            if edit is not None:
                apply_edit(editor, edit)
                return True
        return False

    def insert_next(self) -> str:
        """Insert the source's next missing markup at the cursor or around the selection, as
        memoQ and Trados insert the next tag; returns what to tell the user."""
        editor = self.editor
        if editor.isReadOnly():
            return QCoreApplication.translate("MarkupKeys", "No segment to insert markup into")
        from reviewer.core.markup.assist import insert_next_markup, missing_markup

        cursor = editor.textCursor()
        text = editor.true_text()
        edit = insert_next_markup(self.source, text, cursor.position(), cursor.anchor())
        if edit is None:
            return QCoreApplication.translate(
                "MarkupKeys", "Nothing to insert: the target has every markup of the source"
            )
        apply_edit(editor, edit)
        inserted = edit.insert or text[edit.start : edit.end]
        left = len(missing_markup(self.source, editor.true_text()))
        if left:
            return QCoreApplication.translate(
                "MarkupKeys", "Inserted {markup}; {n} more from the source to place"
            ).format(markup=_short(inserted), n=left)
        return QCoreApplication.translate(
            "MarkupKeys", "Inserted {markup}; the target has all the source's markup now"
        ).format(markup=_short(inserted))

    # -- whitespace ----------------------------------------------------------------------------
    def paint_whitespace(self) -> None:
        """Draw a symbol over each space, no-break space, tab and line end in view."""
        if not _SHOWN["whitespace"]:
            return
        editor = self.editor
        painter = QPainter(editor.viewport())
        painter.setPen(QColor(theme.WHITESPACE_MARK))
        offset = editor.contentOffset()
        bottom = editor.viewport().height()
        block = editor.firstVisibleBlock()
        while block.isValid():
            if editor.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            cursor = QTextCursor(block)
            for mark in whitespace_marks(block.text()):
                cursor.setPosition(block.position() + mark.offset)
                here = editor.cursorRect(cursor)
                cursor.setPosition(block.position() + mark.offset + 1)
                there = editor.cursorRect(cursor)
                width = there.left() - here.left() if there.top() == here.top() else 0
                box = QRectF(here.left(), here.top(), max(width, 1), here.height())
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), mark.symbol)
            if block.next().isValid():
                cursor.setPosition(block.position() + block.length() - 1)
                end = editor.cursorRect(cursor)
                baseline = end.top() + editor.fontMetrics().ascent()
                painter.drawText(end.left() + 1, baseline, _LINE_BREAK)
            block = block.next()
        painter.end()

    def _name_special_space(self) -> None:
        """With whitespace shown, the status bar names an unusual space next to the cursor."""
        if not _SHOWN["whitespace"] or not self.editor.hasFocus():
            return
        text = self.editor.true_text()
        at = self.editor.textCursor().position()
        for ch in (text[at : at + 1], text[at - 1 : at] if at else ""):
            if ch and (ch in SPECIAL_SPACES or ch == "\t"):
                say(
                    self.editor,
                    QCoreApplication.translate("MarkupKeys", "Next to the cursor: {name}").format(
                        name=describe_char(ch)
                    ),
                )
                return


def show_whitespace(on: bool) -> None:
    """Show or hide whitespace symbols in every target editor (View › Show Whitespace)."""
    _SHOWN["whitespace"] = on
    for markup in list(_INSTALLED):
        if shiboken6.isValid(markup) and shiboken6.isValid(markup.editor):
            markup.editor.viewport().update()


class MarkupAssist(QObject):
    """The window's markup actions: Edit › Insert Next Markup and View › Show Whitespace.
    They act on the target editor that has the keyboard, else on the detail pane's."""

    def __init__(self, editor: SegmentTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        show_whitespace(False)  # as the unchecked action says

    def insert_next_markup(self) -> None:
        focused = QApplication.focusWidget()
        markup = getattr(focused, "markup", None)
        if not isinstance(markup, MarkupKeys):
            markup = self.editor.markup
            self.editor.setFocus()
        say(markup.editor, markup.insert_next())

    def show_whitespace(self, on: bool) -> None:
        show_whitespace(on)
