"""Markup help in the target editors, with real keys: next markup, pairs, whole tokens, spaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reviewer.gui.main_window import MainWindow
from reviewer.gui.markup_keys import whitespace_shown
from reviewer.gui.model import COL_TARGET
from reviewer.gui.text_editor import SegmentTextEdit
from tests.gui.gui_helpers import load

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
URL = "https://go.microsoft.com/fwlink/p/?linkid=842054"
SEED_ID = "1f4c8-107"


def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, n: int = 1) -> None:
    for _ in range(n):
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, k, mods)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClicks(widget, text)


def seed_row(window: MainWindow) -> int:
    assert window.session is not None
    return window.session.row_of(SEED_ID)


def test_the_seed_bold_and_link_are_repaired_with_keys_alone(
    qtbot, window: MainWindow, article: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    original = article.read_bytes()
    row = seed_row(window)
    broken = f"Ga naar de pagina \\> **Factureringsproducten** [& services.]({URL})"
    assert window.session.doc.pairs[row].target == broken
    # From the grid, as the article opened: down to the segment, Tab into its target editor.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    assert window.current_row() == 0
    key(Qt.Key.Key_Down, n=row)
    assert window.current_row() == row
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.detail.target
    key(Qt.Key.Key_End, CTRL)
    key(Qt.Key.Key_Backspace)  # one key removes the whole ](url), and says so
    assert window.detail.target.true_text().endswith("[& services.")
    assert "Removed the whole markup" in window.statusBar().currentMessage()
    key(Qt.Key.Key_Backspace, n=len("[& services. "))
    key(Qt.Key.Key_Backspace)  # the closing ** goes whole
    key(Qt.Key.Key_Backspace, n=len("sproducten"))
    assert window.detail.target.true_text() == "Ga naar de pagina \\> **Facturering"
    key(Qt.Key.Key_Down, CTRL | ALT)  # the lone ** gets its other half
    assert window.detail.target.true_text() == "Ga naar de pagina \\> **Facturering**"
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Right, n=len("Ga naar de pagina "))
    key(Qt.Key.Key_Delete, n=2)  # \> in one key, then its space
    key(Qt.Key.Key_End, CTRL)
    type_text(" \\> Producten en services.")
    key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Left, SHIFT, n=len("Producten en services"))
    key(Qt.Key.Key_Down, CTRL | ALT)  # the link, around the selection
    fixed = f"Ga naar de pagina **Facturering** \\> [Producten en services]({URL})."
    assert window.session.doc.pairs[row].target == fixed
    key(Qt.Key.Key_Down, CTRL | ALT)
    assert "Nothing to insert" in window.statusBar().currentMessage()
    key(Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    old = f'data-ttu-id="{SEED_ID}">{broken}</span>'.encode()
    new = f'data-ttu-id="{SEED_ID}">{fixed}</span>'.encode()
    assert original.count(old) == 1
    assert article.read_bytes() == original.replace(old, new)


def test_typing_pairs_brackets_backticks_and_bold(qtbot, window: MainWindow, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.goto_source_row(2)
    editor = window.detail.target
    editor.setFocus()
    key(Qt.Key.Key_End, CTRL)
    type_text(" [")
    assert editor.true_text().endswith(" []")
    type_text("Opslaan](")
    assert editor.true_text().endswith(" [Opslaan]()")
    type_text("x)")  # the closer beside the cursor is stepped over, not doubled
    assert editor.true_text().endswith(" [Opslaan](x)")
    type_text(" `")
    assert editor.true_text().endswith(" ``")
    type_text("cmd` **")
    assert editor.true_text().endswith(" `cmd` ****")
    type_text("vet")
    assert editor.true_text().endswith(" `cmd` **vet**")
    assert window.session.doc.pairs[2].target == editor.true_text()


def test_a_selection_is_wrapped_and_a_partial_delete_takes_the_whole_token(
    qtbot, window: MainWindow, article
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.goto_source_row(2)
    editor = window.detail.target
    editor.setFocus()
    text = editor.true_text()
    word = text.split(" ")[0]
    key(Qt.Key.Key_Home, CTRL)
    key(Qt.Key.Key_Right, SHIFT, n=len(word))
    type_text("**")  # the selection stays selected after the first *, so ** makes it bold
    assert editor.true_text() == f"**{word}**" + text[len(word) :]
    key(Qt.Key.Key_Home, CTRL)
    key(Qt.Key.Key_Delete)  # the opening ** goes whole, with a warning
    assert editor.true_text() == f"{word}**" + text[len(word) :]
    assert "**" in window.statusBar().currentMessage()
    key(Qt.Key.Key_Z, CTRL)  # the window's undo brings it back
    assert window.session.doc.pairs[2].target.startswith(f"**{word}**")


def test_insert_next_markup_in_the_table_editor(qtbot, window: MainWindow, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    row = seed_row(window)
    window.goto_source_row(row)
    window.table.edit(window.proxy.index(window.table.currentIndex().row(), COL_TARGET))
    editor = window.delegate.current_editor()
    assert editor is not None
    editor.set_true_text("Ga naar de pagina Facturering.", keep_cursor=False)
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Right, n=len("Ga naar de pagina "))
    key(Qt.Key.Key_Right, SHIFT, n=len("Facturering"))
    key(Qt.Key.Key_M, CTRL | SHIFT)  # the other key for it
    assert editor.true_text() == "Ga naar de pagina **Facturering**."
    key(Qt.Key.Key_Return)
    assert window.session.doc.pairs[row].target == "Ga naar de pagina **Facturering**."


def test_whitespace_shows_without_changing_the_text(qtbot, window: MainWindow, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.goto_source_row(2)
    editor = window.detail.target
    target = "Een\u00a0zin\tmet\u202fruimte \nen een tweede regel"
    window.review.set_target(2, target)
    editor.setFocus()
    assert _marked_pixels(editor) == 0
    key(Qt.Key.Key_8, CTRL | SHIFT)
    assert whitespace_shown() and window.registry["actionShowWhitespace"].isChecked()
    editor.viewport().grab().save(str(article.parent / "whitespace.png"))
    assert _marked_pixels(editor) > 20  # symbols drawn over the spaces, tab and line end
    assert editor.true_text() == target and "·" not in editor.toPlainText()
    editor.set_cursor(3)
    assert "no-break space (U+00A0)" in window.statusBar().currentMessage()
    key(Qt.Key.Key_8, CTRL | SHIFT)
    assert not whitespace_shown()
    assert _marked_pixels(editor) == 0
    assert window.session.doc.pairs[2].target == target


def test_a_paste_reaches_the_article_at_once(qtbot, window: MainWindow, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.goto_source_row(2)
    editor = window.detail.target
    editor.set_cursor(len(editor.true_text()))
    pasted = QMimeData()
    pasted.setText(" Geplakt\u00a0woord.")
    editor.insertFromMimeData(pasted)
    assert window.session.doc.pairs[2].target.endswith(" Geplakt\u00a0woord.")
    editor.setFocus()
    key(Qt.Key.Key_Return)  # a line break is applied too, not only shown
    assert window.session.doc.pairs[2].target.endswith("woord.\n")


def test_insert_true_reports_one_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = SegmentTextEdit()
    qtbot.addWidget(editor)
    changes: list[str] = []
    editor.true_text_changed.connect(changes.append)
    editor.set_true_text("Hallo wereld")
    cursor = editor.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.insert_true("**wereld**")
    assert changes == ["Hallo **wereld**"]


def test_the_diff_against_the_mt_marks_one_word_in_a_link(
    qtbot, window: MainWindow, article
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    row = window.session.row_of("1f4c8-112")
    window.goto_source_row(row)
    original = window.session.doc.pairs[row].target
    assert "[Uw abonnement opzeggen](" in original
    window.review.set_target(row, original.replace("Uw abonnement", "Het abonnement"))
    text = window.detail.diff.toPlainText()
    assert "Het" in text and "Uw" in text
    assert "docs.microsoft.com" in text
    # Only the changed word is struck; the link's URL stays plain.
    struck = [
        frag
        for frag in _fragments(window.detail.diff.document())
        if frag[1].fontStrikeOut() or frag[1].background().color().name() != "#000000"
    ]
    assert [t for t, f in struck if f.fontStrikeOut()] == ["Uw"]


def _marked_pixels(editor: SegmentTextEdit) -> int:
    """Pixels in the blue of the whitespace symbols (the text is black, shading grey)."""
    image = editor.viewport().grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixel(x, y))
            count += colour.blue() - max(colour.red(), colour.green()) > 40
    return count


def _fragments(doc):  # type: ignore[no-untyped-def]
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            out.append((fragment.text(), fragment.charFormat()))
            it += 1
        block = block.next()
    return out
