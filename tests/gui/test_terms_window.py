"""Terms in the window: source highlights with the Dutch term, the glossary dock, add from a
selection; every change checks the article again."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip, QWidget

from reviewer.core.checks.glossary import load_glossary
from reviewer.core.config import load_config
from reviewer.gui import dialogs
from reviewer.gui.glossary_editor import COLUMNS, MAX_COLUMN
from reviewer.gui.main_window import MainWindow
from reviewer.gui.term_dialog import TermDialog
from reviewer.resources import resource_path
from tests.gui.language_helpers import ROW, open_with, user_config
from tests.gui.test_keyboard_review import when_modal

__all__ = ["user_config"]  # a fixture

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def opened(qtbot, window: MainWindow, article: Path, user_config: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_with(qtbot, window, article)


def _marked(win: MainWindow) -> dict[str, QTextCharFormat]:
    """The source view's marked texts and their formats."""
    view = win.detail.source
    return {s.cursor.selectedText(): QTextCharFormat(s.format) for s in view.extraSelections()}


def _tooltip_at(qtbot, win: MainWindow, text: str) -> str:  # type: ignore[no-untyped-def]
    view = win.detail.source
    cursor = view.document().find(text)
    cursor.setPosition(cursor.selectionStart() + 2)
    pos = view.cursorRect(cursor).center()
    QToolTip.hideText()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_terms_and_names_are_marked_with_their_required_dutch(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    marked = _marked(opened)
    assert list(marked) == ["Trial subscriptions"]
    assert "proefabonnement" in _tooltip_at(qtbot, opened, "Trial subscriptions")
    opened.goto_source_row(0)
    qtbot.wait(20)
    assert list(_marked(opened)) == ["Office 365"]
    assert "Do not translate" in _tooltip_at(qtbot, opened, "Office 365")


def test_a_term_missing_from_the_target_is_marked_differently(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    kept = _marked(opened)["Trial subscriptions"]
    assert kept.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    editor = opened.detail.target
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("Proef"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "Test")  # "Testabonnementen": no longer the glossary's term
    qtbot.waitUntil(lambda: opened.session.doc.pairs[ROW].target.startswith("Testabonnementen"))  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: (
            _marked(opened)["Trial subscriptions"].underlineStyle()
            == QTextCharFormat.UnderlineStyle.DashUnderline
        )
    )
    missing = _marked(opened)["Trial subscriptions"]
    assert missing.background() != kept.background()
    assert "Not in the target" in _tooltip_at(qtbot, opened, "Trial subscriptions")


def test_ctrl_shift_g_brings_the_glossary_to_the_front_beside_the_issues(
    qtbot, opened: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    dock, issues = opened.language.glossary, opened.issues_dock
    in_front = lambda w: w.isVisible() and not w.visibleRegion().isEmpty()  # noqa: E731
    assert in_front(issues) and not dock.isVisible()
    QTest.keyClick(opened.table, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.waitUntil(lambda: in_front(dock))
    # A tab beside the issues, not a split: each keeps the dock's full width.
    assert opened.tabifiedDockWidgets(dock) == [issues]
    assert dock.width() == issues.width()
    issues.raise_()  # the user clicks the issues tab
    qtbot.waitUntil(lambda: not in_front(dock))
    QTest.keyClick(opened.table, Qt.Key.Key_G, CTRL_SHIFT)  # brings it back, does not close it
    qtbot.waitUntil(lambda: in_front(dock))
    QTest.keyClick(opened.table, Qt.Key.Key_G, CTRL_SHIFT)  # in front: now it closes
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not opened.registry["actionGlossary"].isChecked()
    qtbot.waitUntil(lambda: in_front(issues))


def test_the_glossary_dock_adds_edits_filters_and_removes_terms(
    qtbot, opened: MainWindow, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dock = opened.language.glossary
    assert not dock.isVisible()
    QTest.keyClick(opened.table, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.waitUntil(dock.isVisible)
    assert opened.registry["actionGlossary"].isChecked()
    path = user_config.parent / "glossary.csv"
    assert dock.path == str(path) and not path.exists()

    def fill(english: str, dutch: str, forbidden: str = "") -> Callable[[QWidget], None]:
        def answer(dialog: QWidget) -> None:
            assert isinstance(dialog, TermDialog)
            QTest.keyClicks(dialog.english, english)
            QTest.keyClicks(dialog.dutch, dutch)
            QTest.keyClicks(dialog.forbidden, forbidden)
            QTest.keyClick(dialog.dutch, Qt.Key.Key_Return)

        return answer

    when_modal(fill("payment method", "betaalmethode", "betalingswijze"))
    QTest.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(path.exists)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows == [
        ["english", "dutch", "forbidden", "note", "admitted"],
        ["payment method", "betaalmethode", "betalingswijze", "", ""],
    ]
    # The new file is named in the user's settings, and the checks see the term at once.
    assert load_config(str(user_config)).glossaries == ["glossary.csv"]
    session = opened.session
    assert session is not None
    qtbot.waitUntil(
        lambda: any(
            f.code == "glossary-term" and "betaalmethode" in f.message
            for f in session.findings(ROW)
        ),
        timeout=10000,
    )
    qtbot.waitUntil(lambda: "payment method" in _marked(opened))

    when_modal(fill("admin center", "beheercentrum"))
    QTest.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(load_glossary(str(path)).terms) == 2)
    # Edit a cell in place: the Dutch term of the first row.
    dock.view.setCurrentIndex(dock.proxy.index(0, 1))
    dock.view.setFocus()
    QTest.keyClick(dock.view, Qt.Key.Key_F2)
    editor = dock.view.viewport().findChild(QLineEdit)
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "betaalwijze")
    # Tab takes the next cell, "Also accepted": a rendering that is correct as well.
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dock.view.currentIndex().column() == 2)
    # The new cell's editor: the old one is hidden, on its way out.
    [editor] = [e for e in dock.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editor.text() == ""
    QTest.keyClicks(editor, "betaalmethode")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            [(t.dutch, t.admitted) for t in load_glossary(str(path)).terms[:1]]
            == [("betaalwijze", ["betaalmethode"])]
        )
    )
    # Filter, then remove what is shown.
    QTest.keyClicks(dock.filter, "admin")
    assert dock.proxy.rowCount() == 1
    dock.view.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    QTest.mouseClick(dock.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: [t.english for t in load_glossary(str(path)).terms] == ["payment method"]
    )


def test_add_term_takes_the_selected_source_and_target_text(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    source = opened.detail.source
    source.setFocus()
    assert source.find("payment method")  # the user selects it in the source view
    target = opened.detail.target
    cursor = target.textCursor()
    start = target.true_text().index("betalingsmethode")
    cursor.setPosition(start)
    cursor.setPosition(start + len("betalingsmethode"), QTextCursor.MoveMode.KeepAnchor)
    target.setTextCursor(cursor)
    seen: dict[str, str] = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, TermDialog)
        seen["english"], seen["dutch"] = dialog.english.text(), dialog.dutch.text()
        QTest.keyClick(dialog.note, Qt.Key.Key_Return)

    when_modal(answer)
    QTest.keyClick(source, Qt.Key.Key_T, CTRL_SHIFT)
    assert seen == {"english": "payment method", "dutch": "betalingsmethode"}
    path = user_config.parent / "glossary.csv"
    qtbot.waitUntil(path.exists)
    assert [(t.english, t.dutch) for t in load_glossary(str(path)).terms] == [
        ("payment method", "betalingsmethode")
    ]
    assert opened.language.glossary.isVisible()
    qtbot.waitUntil(lambda: "payment method" in _marked(opened))


def test_a_tbx_glossary_named_in_the_config_is_edited_as_tbx(
    qtbot, window: MainWindow, article: Path, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    tbx = user_config.parent / "terms.tbx"
    user_config.parent.mkdir()
    tbx.write_text(
        '<?xml version="1.0"?><martif type="TBX"><text><body><termEntry>'
        '<langSet xml:lang="en"><tig><term>payment method</term></tig></langSet>'
        '<langSet xml:lang="nl"><tig><term>betaalmethode</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    user_config.write_text("glossaries: [terms.tbx]\n", encoding="utf-8")
    open_with(qtbot, window, article, user_config)
    dock = window.language.glossary
    assert dock.path == str(tbx)
    assert dock.model.rowCount() == 1
    session = window.session
    assert session is not None
    assert any(
        f.code == "glossary-term" and "betaalmethode" in f.message for f in session.findings(ROW)
    )

    def answer(dialog: QWidget) -> None:
        QTest.keyClicks(dialog.english, "trial subscription")  # type: ignore[attr-defined]
        QTest.keyClicks(dialog.dutch, "proefabonnement")  # type: ignore[attr-defined]
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(answer)
    dock.ask_add()
    terms = load_glossary(str(tbx)).terms
    assert [(t.english, t.dutch) for t in terms] == [
        ("payment method", "betaalmethode"),
        ("trial subscription", "proefabonnement"),
    ]
    assert tbx.read_text(encoding="utf-8").startswith("<?xml")


def test_a_hidden_glossary_dock_sizes_its_columns_when_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The window loads the glossary files at start and on every open with the dock hidden:
    it measures the terms' cells once it is shown, to the same widths."""
    dock = window.language.glossary
    shipped = str(resource_path("checks", "glossary.csv"))
    window.show()
    dock.set_files([shipped], shipped)
    header = dock.view.horizontalHeader()
    assert not dock.isVisible() and dock.model.rowCount() > 100
    assert header.sectionSize(0) == header.defaultSectionSize()  # not measured yet
    dock.show()
    qtbot.waitUntil(dock.isVisible)
    for column in range(len(COLUMNS) - 1):
        fitted = max(dock.view.sizeHintForColumn(column), header.sectionSizeHint(column)) + 8
        assert header.sectionSize(column) == min(fitted, MAX_COLUMN)
