"""Headings that shorten their wording to the width they have, instead of cutting a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from reviewer.gui import theme
from reviewer.gui.fitting_label import FittingLabel
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load

TEXTS = [
    "Target (NL) — edit here; Ctrl+Return approves and moves on",
    "Target (NL) — Ctrl+Return approves and moves on",
    "Target (NL) — Ctrl+Return approves",
    "Target (NL)",
]


def _fits(label: FittingLabel) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


@pytest.mark.parametrize("width", [1000, 420, 340, 260, 140, 60])
def test_the_longest_wording_that_fits_is_shown(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    label = FittingLabel(TEXTS)
    label.setStyleSheet(theme.HEADING_STYLE)  # bold: wider than the plain font
    qtbot.addWidget(label)
    label.resize(width, 20)
    label.show()
    qtbot.waitExposed(label)
    assert _fits(label)
    assert label.toolTip() == TEXTS[0]
    metrics = label.fontMetrics()
    if label.text() in TEXTS:
        # None of the longer wordings would have fitted.
        longer = TEXTS[: TEXTS.index(label.text())]
        assert all(metrics.horizontalAdvance(t) > label.contentsRect().width() for t in longer)
    else:  # narrower than even "Target (NL)": cut with an ellipsis
        assert label.text().endswith("…") and metrics.horizontalAdvance(TEXTS[-1]) > width
    if width == 1000:
        assert label.text() == TEXTS[0]


def test_the_label_asks_for_no_more_than_its_shortest_wording(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = FittingLabel(TEXTS)
    qtbot.addWidget(label)
    metrics = label.fontMetrics()
    assert label.minimumSizeHint().width() == metrics.horizontalAdvance(TEXTS[-1])
    assert label.sizeHint().width() == metrics.horizontalAdvance(TEXTS[0])
    with pytest.raises(ValueError):
        FittingLabel([])


@pytest.mark.parametrize("size", [(1024, 600), (1400, 900)])
def test_the_target_heading_reads_whole_in_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    load(qtbot, win, article)
    heading = win.detail.target_heading
    assert isinstance(heading, QWidget) and heading.objectName() == "detailTargetHeading"
    qtbot.waitUntil(lambda: heading.width() > 0)
    assert heading.text() in TEXTS and _fits(heading)
    assert "Ctrl+Return approves" in heading.text()  # both sizes keep the key hint
    if size == (1400, 900):
        assert heading.text() == TEXTS[0]
    win.files.maybe_save = lambda: True  # type: ignore[method-assign]
