"""Spell-checking in the target editors: underlines as you type and the suggestion menu."""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QMenu, QToolTip

from reviewer.core.checks import lexicon, spelling
from reviewer.core.checks.spelling import Misspelling
from reviewer.gui import check_data, theme, viewports
from reviewer.gui.spell_suggest import Suggester
from reviewer.gui.text_editor import SegmentTextEdit

# The messages of the findings on an editor's text, when the checks saw that very text.
Checked = Callable[[], list[str]]
# A segment as the last check run saw it: its target and its findings' messages.
Segment = Callable[[], tuple[str, list[str]]]


def _underline(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(color))
    return fmt


class Spelling(QObject):
    """What every target editor shares: the words ignored this session, the suggestions, and
    the user's dictionary. The checks decide what is misspelled (reviewer.core.checks.spelling:
    never product names, identifiers, code or markup); this only shows it."""

    message = Signal(str, int)  # for the status bar
    words_changed = Signal()  # a word was added to the user's dictionary: check again

    def __init__(self, parent: QObject | None = None, suggester: Suggester | None = None) -> None:
        super().__init__(parent)
        self.ignored: set[str] = set()
        self.suggester = suggester or Suggester(self)
        self._editors: list[weakref.ReferenceType[EditorSpelling]] = []
        self.formats = {
            "spelling": _underline(theme.SPELLING_UNDERLINE),
            "compound": _underline(theme.COMPOUND_UNDERLINE),
            "hyphen": _underline(theme.COMPOUND_UNDERLINE),
            "ellipsis": _underline(theme.COMPOUND_UNDERLINE),
        }

    def attach(
        self, editor: SegmentTextEdit, source: Callable[[], str], checked: Segment | None = None
    ) -> EditorSpelling:
        """Underline ``editor``'s misspellings; ``source`` gives its segment's English source
        (words copied from it are never reported), ``checked`` its target and the messages of
        its findings as the last check run saw it (the underlines until the spelling tables
        are loaded here)."""
        helper = EditorSpelling(self, editor, source, checked)
        self._editors = [r for r in self._editors if r() is not None]
        self._editors.append(weakref.ref(helper))
        return helper

    def problems(self, text: str, source: str, checked: Checked | None = None) -> list[Misspelling]:
        """What to underline in ``text`` (a line of the editor). With every spelling table
        loaded, judged here as the user types; before that, what the last check run found in
        the segment (``checked``), so that showing a segment never waits for the tables."""
        if not text.strip() or not check_data.loaded():
            return []
        ignored = self.ignored
        if check_data.all_loaded():
            found = spelling.misspellings(text, source)
        else:
            messages = checked() if checked is not None else []
            user = lexicon.user_words()
            found = [
                m
                for m in spelling.from_findings(text, messages)
                if m.kind != "spelling" or m.text not in user
            ]
        return [m for m in found if m.text not in ignored]

    def refresh(self) -> None:
        """Underline afresh in every editor (data loaded, a word added or ignored); a table
        editor Qt has closed and deleted meanwhile is dropped, never touched."""
        alive = []
        for ref in self._editors:
            helper = ref()
            if helper is not None and helper.alive():
                alive.append(ref)
                helper.rehighlight()
        self._editors = alive

    def ignore(self, word: str) -> None:
        self.ignored.add(word)
        self.refresh()

    def add_word(self, word: str) -> bool:
        from reviewer.core.checks import word_list  # editing the list: not needed at start-up

        try:
            path = word_list.add_user_word(word)
        except (ValueError, OSError) as exc:
            self.message.emit(self.tr("Not added to the dictionary: {error}").format(error=exc), 0)
            return False
        self.message.emit(
            self.tr("Added “{word}” to your dictionary ({path})").format(word=word, path=path),
            6000,
        )
        self.words_edited()
        return True

    def words_edited(self) -> None:
        """The user's dictionary changed (a word added here or on the settings page): underline
        afresh now and have the checks run again."""
        self.refresh()
        self.words_changed.emit()


class EditorSpelling(QObject):
    """One editor's underline layer, hover text and right-click menu."""

    def __init__(
        self,
        spell: Spelling,
        editor: SegmentTextEdit,
        source: Callable[[], str],
        checked: Segment | None = None,
    ) -> None:
        super().__init__(editor)
        self.spell = spell
        self.editor = editor
        self.source = source
        self.segment = checked
        self.menu: QMenu | None = None
        self._wanted = ""  # the word whose suggestions the open menu waits for
        self._held: tuple[int, int] | None = None  # (block, end) of a word still being typed
        self._span = (0, 0, "")  # the misspelling the open menu is about: start, end, text
        editor.highlighter.add_layer(self._layer)
        self._viewport = viewports.viewport(editor)  # kept: editor.viewport() returns it
        self._viewport.installEventFilter(self)
        editor.installEventFilter(self)
        editor.cursorPositionChanged.connect(self._on_cursor_moved)
        spell.suggester.ready.connect(self._on_suggestions)

    def alive(self) -> bool:
        """The editor and its highlighter still exist on the Qt side."""
        editor = self.editor
        return all(shiboken6.isValid(o) for o in (self, editor, editor.highlighter))

    def rehighlight(self) -> None:
        self.editor.highlighter.rehighlight()

    def _checked(self) -> list[str]:
        """The findings' messages, when they are about the text the editor holds."""
        if self.segment is None:
            return []
        target, messages = self.segment()
        return messages if target == self.editor.true_text() else []

    # -- underlines -----------------------------------------------------------------------
    def _layer(self, line: str) -> list[tuple[int, int, QTextCharFormat]]:
        problems = self.spell.problems(line, self.source(), self._checked)
        if not problems:
            return []
        typing_at = self._typing_position()
        out = []
        for m in problems:
            if m.kind == "spelling" and m.end == typing_at:
                # The word the cursor is typing: underlined once the cursor leaves it.
                self._held = (self.editor.highlighter.currentBlock().blockNumber(), m.end)
                continue
            out.append((m.start, m.end - m.start, self.spell.formats[m.kind]))
        return out

    def _typing_position(self) -> int:
        """Where the cursor is in the line being highlighted, if the user is typing there."""
        editor = self.editor
        cursor = editor.textCursor()
        if not editor.hasFocus() or cursor.hasSelection():
            return -1
        if cursor.block() != editor.highlighter.currentBlock():
            return -1
        return cursor.positionInBlock()

    def _on_cursor_moved(self) -> None:
        held = self._held
        if held is None:
            return
        cursor = self.editor.textCursor()
        if (cursor.blockNumber(), cursor.positionInBlock()) == held:
            return
        self._held = None
        block = self.editor.document().findBlockByNumber(held[0])
        if block.isValid():
            self.editor.highlighter.rehighlightBlock(block)

    def problem_at(self, position: int) -> tuple[int, Misspelling] | None:
        """The misspelling at a document position, with the offset of its line."""
        block = self.editor.document().findBlock(position)
        if not block.isValid():
            return None
        at = position - block.position()
        for m in self.spell.problems(block.text(), self.source(), self._checked):
            if m.start <= at <= m.end:
                return block.position(), m
        return None

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            mouse = event.reason() != QContextMenuEvent.Reason.Keyboard
            if watched is self.editor.viewport() or not mouse:
                return self._context_menu(event, mouse)
        if (
            kind == QEvent.Type.ToolTip
            and watched is self.editor.viewport()
            and isinstance(event, QHelpEvent)
        ):
            return self._tooltip(event)
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        position = self.editor.cursorForPosition(event.pos()).position()
        found = self.problem_at(position)
        if found is None:
            return False
        QToolTip.showText(event.globalPos(), self._describe(found[1]), self.editor.viewport())
        return True

    def _describe(self, m: Misspelling) -> str:
        if m.kind == "spelling":
            return self.tr("Unknown word “{word}”: right-click for suggestions").format(word=m.text)
        return self.tr("Write “{fix}”").format(fix=m.replacement)

    def _context_menu(self, event: QContextMenuEvent, mouse: bool) -> bool:
        editor = self.editor
        if mouse:
            # As in a word processor, a right-click outside the selection moves the cursor.
            clicked = editor.cursorForPosition(event.pos())
            cursor = editor.textCursor()
            inside = cursor.selectionStart() <= clicked.position() <= cursor.selectionEnd()
            if not (cursor.hasSelection() and inside):
                editor.setTextCursor(clicked)
            where = editor.viewport().mapToGlobal(event.pos())
        else:
            where = editor.viewport().mapToGlobal(editor.cursorRect().center())
        if self.menu is not None:
            self.menu.deleteLater()
        menu = editor.createStandardContextMenu(editor.viewport().mapFromGlobal(where))
        menu.setObjectName("spellMenu")
        _drop_editor_undo(menu)
        found = None if editor.isReadOnly() else self.problem_at(editor.textCursor().position())
        if found is not None:
            self._add_spelling_actions(menu, *found)
        self.menu = menu
        menu.aboutToHide.connect(lambda: setattr(self, "_wanted", ""))
        menu.popup(where)
        return True

    def _add_spelling_actions(self, menu: QMenu, offset: int, m: Misspelling) -> None:
        first = menu.actions()[0] if menu.actions() else None
        actions: list[QAction] = []
        start, end = offset + m.start, offset + m.end
        if m.kind == "spelling":
            known = self.spell.suggester.cached(m.text)
            if known is None:
                waiting = QAction(self.tr("Looking for suggestions…"), menu)
                waiting.setObjectName("spellWaiting")
                waiting.setEnabled(False)
                actions.append(waiting)
                self._wanted = m.text
                self.spell.suggester.request(m.text)
            else:
                actions.extend(self._suggestion_actions(menu, known, start, end, m.text))
            add = QAction(self.tr("Add “{word}” to Dictionary").format(word=m.text), menu)
            add.setObjectName("spellAddWord")
            add.triggered.connect(lambda _c=False, w=m.text: self.spell.add_word(w))
            actions.append(add)
        else:
            fix = QAction(self._describe(m), menu)
            fix.setObjectName("spellSuggestion")
            fix.triggered.connect(
                lambda _c=False, r=m.replacement: self._replace(start, end, m.text, r)
            )
            actions.append(fix)
        ignore = QAction(self.tr("Ignore “{word}”").format(word=m.text), menu)
        ignore.setObjectName("spellIgnore")
        ignore.triggered.connect(lambda _c=False, w=m.text: self.spell.ignore(w))
        actions.append(ignore)
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        self._span = (start, end, m.text)

    def _suggestion_actions(
        self, menu: QMenu, words: list[str], start: int, end: int, old: str
    ) -> list[QAction]:
        if not words:
            none = QAction(self.tr("No suggestions"), menu)
            none.setObjectName("spellNoSuggestions")
            none.setEnabled(False)
            return [none]
        out = []
        for word in words:
            action = QAction(word, menu)
            action.setObjectName("spellSuggestion")
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _c=False, w=word: self._replace(start, end, old, w))
            out.append(action)
        return out

    def _on_suggestions(self, word: str, words: object) -> None:
        menu = self.menu
        if menu is None or word != self._wanted or not menu.isVisible():
            return
        self._wanted = ""
        waiting = menu.findChild(QAction, "spellWaiting")
        if waiting is None:
            return
        start, end, old = self._span
        found = list(words) if isinstance(words, list) else []
        menu.insertActions(waiting, self._suggestion_actions(menu, found, start, end, old))
        menu.removeAction(waiting)

    def _replace(self, start: int, end: int, old: str, new: str) -> None:
        """Put a suggestion in: an ordinary edit of the text, so one undo step."""
        editor = self.editor
        if editor.true_text()[start:end] != old or editor.isReadOnly():
            return  # the text changed under the menu
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.insert_true(new)
        self.spell.message.emit(
            self.tr("Replaced “{old}” with “{new}”").format(old=old, new=new), 4000
        )


def _drop_editor_undo(menu: QMenu) -> None:
    """The editor's own Undo and Redo are always off (Ctrl+Z undoes through the window)."""
    actions = menu.actions()
    for k, action in enumerate(actions):
        if action.objectName() in ("edit-undo", "edit-redo"):
            menu.removeAction(action)
            following = actions[k + 1] if k + 1 < len(actions) else None
            if following is not None and following.isSeparator():
                menu.removeAction(following)
