"""Check results in the window: stored ones before the first paint, the rows in view first."""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.core import check_jobs, check_prestart
from reviewer.core.checks import run_checks
from reviewer.core.fileio import load_document
from reviewer.gui.main_window import MainWindow
from reviewer.gui.model import COL_ISSUES
from tests.gui.gui_helpers import load, synthetic_article


def findings(win: MainWindow) -> list[object]:
    session = win.session
    assert session is not None
    return [f for row in range(len(session)) for f in session.findings(row, True)]


def test_a_reopened_article_has_its_results_before_it_paints(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    first = findings(window)
    words = window.checks.words
    assert first and words
    assert window.open_path(str(article))  # the same file again, as after a restart
    session = window.session
    assert session is not None and session.checks_ready  # no event loop turned in between
    assert window.checks.words == words
    assert findings(window) == first
    shown = window.model.index(1, COL_ISSUES).data() if window.model is not None else None
    assert shown  # the table reads them for its first paint
    assert "check" in window.issues_dock.summary.text()


def test_the_rows_in_view_are_checked_first(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = synthetic_article(tmp_path, 1500)
    seen: list[list[int]] = []
    window.checks.partial.connect(seen.append)
    load(qtbot, window, path)
    assert seen, "the rows in view came before the rest"
    rows = seen[0]
    assert window.current_row() in rows and len(rows) < 1500
    session = window.session
    assert session is not None
    expected = run_checks([load_document(path)], session.check_config)
    assert [f for r in rows for f in session.findings(r, True)] == [
        f for f in expected if session.row_of(f.pair_id) in rows
    ]


def test_checks_started_with_the_program_are_taken(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    if not check_jobs.can_fork():
        return
    check_prestart.prestart(str(article))
    started = check_prestart._jobs[os.path.abspath(article)].pid
    load(qtbot, window, article)
    assert not check_prestart._jobs
    assert window.checks._early is not None and window.checks._early.pid == started
    session = window.session
    assert session is not None
    assert findings(window) == run_checks([load_document(article)], session.check_config)


def test_a_reopened_article_shows_its_start_row_once_with_its_results(  # type: ignore[no-untyped-def]
    qtbot, window, article, monkeypatch
) -> None:
    load(qtbot, window, article)
    shown: list[tuple[int, bool]] = []
    refresh = window.detail.refresh

    def counting(keep_target: bool = False) -> None:
        session = window.detail.session
        shown.append((window.detail.row, session is not None and session.checks_ready))
        refresh(keep_target)

    monkeypatch.setattr(window.detail, "refresh", counting)
    assert window.open_path(str(article))
    row = window.current_row()
    # Once, with the stored results in (a refresh of no row draws nothing).
    assert [s for s in shown if s[0] >= 0] == [(row, True)]
    session = window.session
    assert session is not None
    listed = window.detail.issues.topLevelItemCount()
    assert listed == len(session.findings(row)) + len(session.reviews[row].open_issues)


def test_an_unneeded_early_check_is_stopped_after_the_first_paint(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    if not check_jobs.can_fork():
        return
    load(qtbot, window, article)  # its results are stored now
    window.show()
    qtbot.waitExposed(window)
    check_prestart.prestart(str(article))
    child = check_prestart._jobs[os.path.abspath(article)]
    with qtbot.waitSignal(window.first_paint, timeout=5000):
        assert window.open_path(str(article))
        assert window.session is not None and window.session.checks_ready
        assert window.checks._unwanted is child  # not reaped before the table painted
    assert window.checks._unwanted is None
    try:
        os.waitpid(child.pid, os.WNOHANG)
    except ChildProcessError:
        return  # reaped
    raise AssertionError("the early check process was left running")
