"""What the segment table paints follows edits, the filter and column widths (its layout cache)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextDocument

from reviewer.core.edits import SetTarget
from reviewer.gui import theme
from reviewer.gui.edit_gateway import Origin
from reviewer.gui.main_window import MainWindow
from reviewer.gui.model import COL_ID
from tests.gui.gui_helpers import copy_corpus, load


def painted(window: MainWindow, monkeypatch) -> list[tuple[str, int, QTextDocument]]:  # type: ignore[no-untyped-def]
    """The text, width and document of every source/target cell one paint of the table draws."""
    delegate = window.table.delegate
    seen: list[tuple[str, int, QTextDocument]] = []
    real = type(delegate)._document

    def spy(self, text, width, font, height):  # type: ignore[no-untyped-def]
        doc, fits = real(self, text, width, font, height)
        seen.append((text, width, doc))
        return doc, fits

    with monkeypatch.context() as m:
        m.setattr(type(delegate), "_document", spy)
        window.table.viewport().grab()
    return seen


def hit_marked(doc: QTextDocument) -> bool:
    return QColor(theme.FILTER_HIT).name() in doc.toHtml().lower()


def test_an_edited_target_paints_its_new_text(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    old = window.session.doc.pairs[0].target
    assert any(text == old for text, _w, _d in painted(window, monkeypatch))
    assert window.gateway.submit(SetTarget(row=0, new_target="Nieuwe vertaling"), Origin.ACTION)
    texts = [text for text, _w, _d in painted(window, monkeypatch)]
    assert "Nieuwe vertaling" in texts and old not in texts
    window.stack.undo()
    assert old in [text for text, _w, _d in painted(window, monkeypatch)]


def test_a_filter_change_marks_and_unmarks_what_it_found(
    qtbot, window, article, monkeypatch
) -> None:
    load(qtbot, window, article, checks=False)
    assert not any(hit_marked(d) for _t, _w, d in painted(window, monkeypatch))
    window.filter_bar.text.setText("abonnement")
    window.filter_bar.apply_now()
    cells = painted(window, monkeypatch)
    assert cells and any(hit_marked(d) for t, _w, d in cells if "abonnement" in t.lower())
    window.filter_bar.text.setText("")
    window.filter_bar.apply_now()
    assert not any(hit_marked(d) for _t, _w, d in painted(window, monkeypatch))


def test_a_resized_column_wraps_at_its_new_width(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    table = window.table
    before = {w for _t, w, _d in painted(window, monkeypatch)}
    # Source and target stretch: a wider ID column (dragged by the user) narrows both.
    table.setColumnWidth(COL_ID, table.columnWidth(COL_ID) + 240)
    qtbot.wait(10)
    cells = painted(window, monkeypatch)
    after = {w for _t, w, _d in cells}
    assert after and not after & before  # every cell laid out again, at the new width
    assert all(d.textWidth() == w for _t, w, d in cells)


def test_the_grown_row_is_as_tall_as_its_painted_text(qtbot, window, tmp_path, monkeypatch) -> None:
    # Measured at the width its cells paint at (the grid line takes a pixel): measured a pixel
    # wider, a text that wraps once more there lost its last line under "…more".
    path = copy_corpus(tmp_path, "legacy-ediscovery-retirement.md")
    load(qtbot, window, path, checks=False)
    table = window.table
    pairs = window.session.doc.pairs
    row = max(range(40), key=lambda r: len(pairs[r].target))
    window.goto_source_row(row)
    vh = table.verticalHeader()
    for width in range(1000, 1100, 5):
        window.resize(width, 900)
        qtbot.wait(1)
        cells = painted(window, monkeypatch)
        needed = max(
            int(d.size().height()) + 6
            for t, _w, d in cells
            if t in (pairs[row].source, pairs[row].target)
        )
        limit = max(vh.defaultSectionSize(), int(table.viewport().height() * 0.6))
        expected = min(max(vh.defaultSectionSize(), needed), limit)
        assert table.rowHeight(table.currentIndex().row()) == expected, width
