"""The search dock and the translations from the project, in the real window on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.core.project import Side, project_repetitions
from reviewer.gui import theme
from reviewer.gui.concordance_panel import COL_SCORE, COL_TEXT, COL_WHERE
from reviewer.gui.main_window import MainWindow
from reviewer.gui.rich_delegate import HTML_ROLE
from reviewer.gui.search_dock import COL_SOURCE, COL_TARGET, LIMIT
from tests.gui.project_helpers import (
    CTRL,
    TOKEN_ERROR,
    TOKEN_FILES,
    TOKEN_HITS,
    idle,
    make_project,
    open_project,
    press,
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def test_search_per_keystroke_with_hits_marked(
    qtbot, qtmodeltester, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    dock = window.project.search
    dock.focus_search()
    QTest.keyClicks(dock.text, TOKEN_ERROR)
    qtbot.waitUntil(lambda: dock.model.rowCount() == TOKEN_HITS)
    qtmodeltester.check(dock.model)
    assert dock.count.text() == f"{TOKEN_HITS} segments in {TOKEN_FILES} articles"
    html = dock.model.index(0, COL_TARGET).data(HTML_ROLE)
    assert f"{theme.FILTER_HIT}'>{TOKEN_ERROR}</span>" in html
    assert "toegangs" not in (dock.model.index(0, COL_SOURCE).data(HTML_ROLE) or "")
    # Source only: the English never says it.
    dock.side.setCurrentIndex(dock.side.findData(Side.SOURCE))
    assert dock.model.rowCount() == 0
    dock.side.setCurrentIndex(dock.side.findData(Side.BOTH))
    # A regex; a broken one says why and keeps the field red.
    dock.regex.setChecked(True)
    dock.text.setText(r"toegangs[ -]tokens?\b")
    qtbot.waitUntil(lambda: dock.model.rowCount() > TOKEN_HITS)
    dock.text.setText("toegangs (token")
    qtbot.waitUntil(lambda: "Invalid regular expression" in dock.count.text())
    assert dock.text.styleSheet() == theme.ERROR_FIELD_STYLE
    # A common word fills the limit and says so.
    dock.regex.setChecked(False)
    dock.text.setText("e")
    qtbot.waitUntil(lambda: dock.model.rowCount() == LIMIT)
    assert "type more" in dock.count.text()


def test_a_hit_opens_its_article_at_its_segment(qtbot, window: MainWindow, root: Path) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    dock = window.project.search
    dock.focus_search()
    dock.text.setText(TOKEN_ERROR)
    qtbot.waitUntil(lambda: dock.model.rowCount() == TOKEN_HITS)
    for k in (4, 1, 2):  # another article, then two hits of the same one
        hit = dock.model.hits[k]
        dock.view.setCurrentIndex(dock.model.index(k, COL_TARGET))
        QTest.keyClick(dock.view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda h=hit: window.session is not None
                        and Path(window.session.doc.path) == root / h.rel)  # fmt: skip
        assert window.current_row() == hit.row
        assert window.project.view.current_rel() == hit.rel
    assert window.stack.count() == 0


def test_translations_of_the_same_source_elsewhere_and_ctrl_digit_inserts(
    qtbot, qtmodeltester, window: MainWindow, root: Path
) -> None:  # type: ignore[no-untyped-def]
    open_project(qtbot, window, root)
    part = window.project.part
    assert part.project is not None
    repeated = next(
        r for r in project_repetitions(part.project, across_articles=True)
        if len({o.target.strip() for o in r.occurrences}) > 1
    )  # fmt: skip
    here = repeated.occurrences[0]
    other = next(o for o in repeated.occurrences if o.target.strip() != here.target.strip())
    assert part.open_rel(here.rel, here.row)
    dock = window.project.matches
    assert dock.isVisible()
    qtbot.waitUntil(lambda: dock.model.rowCount() > 0)
    qtmodeltester.check(dock.model)
    targets = [m.target for m in dock.model.matches]
    assert other.target in targets
    k = targets.index(other.target)
    assert dock.model.index(k, COL_SCORE).data() == "100%"
    assert dock.model.index(k, COL_TEXT).data() == other.target
    assert dock.model.index(k, COL_WHERE).data() == f"{other.state.label} · {other.rel}"
    assert f"#{other.row + 1}" in dock.model.index(k, COL_WHERE).data(HTML_ROLE)
    assert all(m.rel != here.rel or m.row != here.row for m in dock.model.matches)
    window.detail.target.setFocus()
    press(window.detail.target, getattr(Qt.Key, f"Key_{k + 1}"), CTRL)
    assert window.session.doc.pairs[here.row].target == other.target
    assert window.stack.count() == 1
    window.undo()
    assert window.session.doc.pairs[here.row].target == here.target
    idle(qtbot, window)
