"""An editor changes only what the user typed: the true text behind the shown one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reviewer.gui.text_editor import SegmentTextEdit
from reviewer.gui.visible_text import BLOCK, ShadowText, raw_of, to_display

SPECIALS = "\u00a0\u2028\u2029\r\n\t\ufdd0"
TEXT = st.text(alphabet=st.sampled_from(list("ab ,") + list(SPECIALS)), max_size=25)


@given(TEXT)
def test_one_shown_character_per_true_character(true: str) -> None:
    assert len(raw_of(true)) == len(true)
    shown = to_display(true)
    for ch in "\r\u2028\u2029\ufdd0":
        assert ch not in shown
    assert "\u00a0" in shown or "\u00a0" not in true  # a no-break space stays one


@given(TEXT, st.data())
def test_a_typed_change_touches_only_its_span(true: str, data: st.DataObject) -> None:
    shadow = ShadowText(true)
    start = data.draw(st.integers(0, len(true)))
    end = data.draw(st.integers(start, len(true)))
    typed = data.draw(st.text(alphabet="xy \n", max_size=3))
    raw = shadow.raw
    shadow.sync(raw[:start] + typed.replace("\n", BLOCK) + raw[end:])
    assert shadow.true == true[:start] + typed + true[end:]


@given(TEXT, st.data())
def test_a_paste_of_true_text_is_taken_exactly(true: str, data: st.DataObject) -> None:
    shadow = ShadowText("ab")
    shadow.expect(1, 1, true)
    assert shadow.true == "a" + true + "b"
    assert shadow.sync(shadow.raw) is None  # the document then holds exactly that


@settings(max_examples=40, deadline=None)
@given(TEXT, st.data())
def test_the_widget_keeps_every_untouched_character(qapp, true: str, data: st.DataObject) -> None:
    editor = SegmentTextEdit()
    editor.set_true_text(true)
    seen: list[str] = []
    editor.true_text_changed.connect(seen.append)
    pos = data.draw(st.integers(0, len(true)))
    editor.set_cursor(pos)
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.NoModifier)  # types "z"
    assert editor.true_text() == true[:pos] + "z" + true[pos:]
    assert seen == [editor.true_text()]
    if pos < len(editor.true_text()) - 1:
        QTest.keyClick(editor, Qt.Key.Key_Delete)  # the character after "z" goes, only it
        assert editor.true_text() == true[:pos] + "z" + true[pos + 1 :]


def test_copy_and_paste_carry_the_true_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = SegmentTextEdit()
    qtbot.addWidget(editor)
    editor.set_true_text("a\u00a0b\r\nc\u2028d")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    mime = editor.createMimeDataFromSelection()
    assert mime.text() == "a\u00a0b\r\nc\u2028d"
    editor.set_cursor(len(editor.true_text()))
    pasted = QMimeData()
    pasted.setText("\r\n\u2029")
    editor.insertFromMimeData(pasted)
    assert editor.true_text() == "a\u00a0b\r\nc\u2028d\r\n\u2029"


def test_the_table_editor_undoes_its_own_typing_word_by_word(qtbot) -> None:
    editor = SegmentTextEdit(local_undo=True)
    qtbot.addWidget(editor)
    editor.set_true_text("Een\r\n")
    editor.set_cursor(3)
    QTest.keyClicks(editor, " twee drie")
    assert editor.true_text() == "Een twee drie\r\n"
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.true_text() == "Een twee \r\n"
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.true_text() == "Een\r\n"
    QTest.keyClick(
        editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.true_text() == "Een twee \r\n"


def test_a_layer_underlines_words_in_the_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    """How a spell checker will mark the target: a highlighter layer, spans per line."""
    from PySide6.QtGui import QTextCharFormat

    editor = SegmentTextEdit()
    qtbot.addWidget(editor)
    editor.set_true_text("Een fuot hier\nen daar fuot")
    wavy = QTextCharFormat()
    wavy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)

    def misspelt(line: str) -> list[tuple[int, int, QTextCharFormat]]:
        return [(k, 4, wavy) for k in range(len(line)) if line.startswith("fuot", k)]

    editor.highlighter.add_layer(misspelt)
    marked = []
    block = editor.document().begin()
    while block.isValid():
        for span in block.layout().formats():
            if span.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                marked.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    assert marked == ["fuot", "fuot"]
    assert editor.true_text() == "Een fuot hier\nen daar fuot"  # marks never change the text


def test_return_breaks_a_line_as_the_target_already_does(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = SegmentTextEdit()
    qtbot.addWidget(editor)
    for before, after in (("een\r\ntwee", "een\r\ntwee\r\n"), ("een\ntwee", "een\ntwee\n")):
        editor.set_true_text(before)
        editor.set_cursor(len(before))
        QTest.keyClick(editor, Qt.Key.Key_Return)
        assert editor.true_text() == after


def test_return_and_paste_are_announced_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    """An exact insert (Return, a paste) reaches the session before the next key, not after."""
    editor = SegmentTextEdit()
    qtbot.addWidget(editor)
    editor.set_true_text("een\r\ntwee")
    told: list[str] = []
    editor.true_text_changed.connect(told.append)
    editor.set_cursor(len(editor.true_text()))
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert told == ["een\r\ntwee\r\n"]
    pasted = QMimeData()
    pasted.setText("a\u00a0b")
    editor.insertFromMimeData(pasted)
    assert told[-1] == "een\r\ntwee\r\na\u00a0b"
    QTest.keyClicks(editor, "c")
    assert told[-1] == "een\r\ntwee\r\na\u00a0bc"
