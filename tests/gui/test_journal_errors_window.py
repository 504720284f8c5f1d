"""A malformed crash journal in the window: a clear message, and autosave keeps running."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.journal import journal_path, journals_of, read_entry
from reviewer.core.segments import State
from reviewer.gui import recovery
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "reviewer-journal", "version": ' + b"9" * 5000 + b"}",
        b"{not json",
        b'{"format": "reviewer-journal", "version": 2, "targets": 5}',
    ],
    ids=["5000-digit-number", "not-json", "bad-field"],
)
def test_a_malformed_journal_is_reported_and_autosave_keeps_running(
    qtbot, window: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:  # type: ignore[no-untyped-def]
    # What a crashed session of an earlier version left behind, damaged.
    bad = journal_path(article)
    bad.parent.mkdir(parents=True)
    bad.write_bytes(content)
    questions: list[tuple[str, str]] = []

    def ask(parent, title, text, buttons, default, detail=""):  # type: ignore[no-untyped-def]
        questions.append((title, text))
        return "keep"

    monkeypatch.setattr(recovery, "ask", ask)
    load(qtbot, window, article, checks=False)
    ((title, text),) = questions
    assert title == "Unsaved work cannot be restored"
    assert str(bad) in text and "corrupt" in text
    assert "Traceback" not in text and "sys.set_int_max_str_digits" not in text
    # Autosave runs: an edit reaches the window's own journal within the interval.
    assert window.autosave is not None
    window.autosave.timer.setInterval(20)
    window.autosave.autosaver.interval = 0.05
    window.goto_source_row(2)
    window.action_approve.trigger()
    own = window.autosave.journal.path
    qtbot.waitUntil(own.exists, timeout=5000)
    entry = read_entry(own)
    assert entry.records[0].review.state is State.APPROVED
    assert bad.read_bytes() == content  # kept, as the user chose
    assert set(journals_of(article)) == {bad, own}
