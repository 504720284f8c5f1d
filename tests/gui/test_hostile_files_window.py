"""Hostile files in the window: a malformed crash journal, a front matter YAML bomb."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.journal_entry import read_entry
from reviewer.core.journal_files import journal_path, journals_of
from reviewer.core.segments import State
from reviewer.gui import dialogs, recovery
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
    assert window.files.autosave is not None
    window.files.autosave.timer.setInterval(20)
    window.files.autosave.autosaver.interval = 0.05
    window.goto_source_row(2)
    window.registry["actionApprove"].trigger()
    own = window.files.autosave.journal.path
    qtbot.waitUntil(own.exists, timeout=5000)
    entry = read_entry(own)
    assert entry.records[0].review.state is State.APPROVED
    assert bad.read_bytes() == content  # kept, as the user chose
    assert set(journals_of(article)) == {bad, own}


@pytest.mark.parametrize("key", ["ms.custom", "title"])
def test_a_front_matter_bomb_opens_with_a_warning_about_the_article(
    qtbot, window: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:  # type: ignore[no-untyped-def]
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    bomb = "\n".join([*lines, f"{key}: *l8"]) + "\n"
    text = article.read_text("utf-8")
    article.write_text(text.replace("---\n", "---\n" + bomb, 1), "utf-8")
    warnings: list[tuple[str, str]] = []
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda p, t, x: warnings.append((t, x)))
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, x: errors.append(x))
    load(qtbot, window, article, checks=False)
    assert errors == []
    ((title, message),) = warnings
    assert title == "Problems in the article" and "alias" in message
    assert "review" not in message.split("alias")[0]  # about the article, not its review data
    assert window.model is not None and window.model.rowCount() > 0


def test_when_the_folder_is_gone_the_window_does_not_promise_save_writes_it_again(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from tests.gui.gui_helpers import SAMPLE, copy_corpus

    folder = tmp_path / "articles"
    folder.mkdir()
    article = copy_corpus(folder, SAMPLE)
    load(qtbot, window, article, checks=False)
    article.unlink()
    window.files.watcher.removed.emit(str(article))
    assert "Save writes it again" in window.statusBar().currentMessage()
    shutil.rmtree(folder)
    window.files.watcher.removed.emit(str(article))
    shown = window.statusBar().currentMessage()
    assert "Save writes it again" not in shown and "Save As" in shown and "folder" in shown


def test_running_out_of_memory_is_not_blamed_on_the_review_file(
    qtbot, window: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import reviewer.core.workspace as workspace

    def no_memory(data: bytes, name: str | None = None) -> object:
        raise MemoryError

    monkeypatch.setattr(workspace, "parse", no_memory)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, x: errors.append(x))
    assert not window.open_path(str(article))
    (message,) = errors
    assert str(article) in message and "memory" in message
    assert ".review.yaml" not in message
