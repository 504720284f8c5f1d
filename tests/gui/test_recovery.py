"""The restore offer and the QTimer-driven autosave, without the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.core.edits import AddIssue, SetState, SetTarget
from reviewer.core.journal import Journal
from reviewer.core.journal_entry import JournalEntry
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.workspace import Workspace, open_article
from reviewer.gui import recovery
from reviewer.gui.recovery import AutosaveDriver, newest_pending, offer_recovery, restore_on_open
from tests.gui.gui_helpers import SAMPLE, copy_corpus


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path, SAMPLE)


class Answers:
    """A scripted ask(): pops answers in order and records every question."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.questions: list[tuple[str, str, list[str]]] = []

    def __call__(self, parent, title, text, buttons, default, detail=""):  # type: ignore[no-untyped-def]
        self.questions.append((title, text + "\n" + detail, [k for k, _ in buttons]))
        return self.answers.pop(0)


def journaled(article: Path) -> tuple[Workspace, JournalEntry]:
    ws = open_article(str(article), user="ann")
    s = ws.session
    s.apply(SetTarget(row=1, new_target="Jammer dat u gaat. Dit zijn uw opties:"))
    s.apply(SetState(row_list=(2, 3), state=State.APPROVED))
    s.apply(AddIssue(row=4, issue=Issue("accuracy/omission", Severity.MAJOR, "kan ontbreekt")))
    journal = Journal(article)
    journal.write(s, ws.disk_digest)
    entry = journal.read()
    assert entry is not None
    return ws, entry


@pytest.mark.parametrize(
    ("answer", "restore", "kept"),
    [("restore", True, True), ("discard", False, False), ("later", False, True)],
)
def test_offer_recovery(
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    article: Path,
    answer: str,
    restore: bool,
    kept: bool,
) -> None:
    _, entry = journaled(article)
    answers = Answers(answer)
    monkeypatch.setattr(recovery, "ask", answers)
    assert offer_recovery(None, entry) is restore
    assert Path(entry.journal_file).exists() is kept
    ((title, text, keys),) = answers.questions
    assert title == "Restore unsaved work?"
    assert SAMPLE in text and "1 unsaved edited segment" in text
    assert keys == ["restore", "discard", "later"]


def test_real_ask_dialog_returns_the_clicked_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        (discard,) = [b for b in box.buttons() if b.text() == "Discard"]
        discard.click()

    QTimer.singleShot(50, click)
    key = recovery.ask(
        None, "T", "text", [("restore", "Restore"), ("discard", "Discard")], default="restore"
    )
    assert key == "discard"


def test_restore_on_open_brings_everything_back(
    monkeypatch: pytest.MonkeyPatch, data: Path, article: Path
) -> None:
    before, _ = journaled(article)
    monkeypatch.setattr(recovery, "ask", Answers("restore"))
    ws = open_article(str(article), user="ann")
    result = restore_on_open(None, ws.session, Journal(article), ws.disk_digest)
    assert result is not None and result.edit is not None
    assert [p.target for p in ws.doc.pairs] == [p.target for p in before.doc.pairs]
    assert ws.session.reviews == before.session.reviews
    assert ws.is_dirty
    # One undo step takes it all back.
    ws.session.revert(result.edit)
    assert not ws.doc.is_modified
    assert all(r.state is State.UNREVIEWED for r in ws.session.reviews)


def test_restore_on_open_without_journal_asks_nothing(
    monkeypatch: pytest.MonkeyPatch, data: Path, article: Path
) -> None:
    monkeypatch.setattr(recovery, "ask", Answers())
    ws = open_article(str(article))
    assert restore_on_open(None, ws.session, Journal(article)) is None


@pytest.mark.parametrize(("second", "restored"), [("force", True), ("cancel", False)])
def test_changed_article_asks_before_restoring(
    monkeypatch: pytest.MonkeyPatch, data: Path, article: Path, second: str, restored: bool
) -> None:
    journaled(article)
    article.write_bytes(article.read_bytes() + b"\nEdited by someone else.\n")
    answers = Answers("restore", second)
    monkeypatch.setattr(recovery, "ask", answers)
    ws = open_article(str(article), user="ann")
    result = restore_on_open(None, ws.session, Journal(article), ws.disk_digest)
    assert answers.questions[1][0] == "The article changed on disk"
    assert "nothing was restored" in answers.questions[1][1]
    assert (result is not None) is restored
    assert ws.doc.is_modified is restored
    assert (ws.session.reviews[2].state is State.APPROVED) is restored


@pytest.mark.parametrize(("answer", "kept"), [("discard", False), ("keep", True)])
def test_corrupt_journal_is_reported_not_fatal(
    monkeypatch: pytest.MonkeyPatch, data: Path, article: Path, answer: str, kept: bool
) -> None:
    journal = Journal(article)
    journal.path.parent.mkdir(parents=True)
    journal.path.write_bytes(b"{not json")
    answers = Answers(answer)
    monkeypatch.setattr(recovery, "ask", answers)
    ws = open_article(str(article))
    assert restore_on_open(None, ws.session, journal) is None
    assert str(journal.path) in answers.questions[0][1]
    assert journal.exists() is kept


def test_newest_pending_skips_missing_articles(data: Path, article: Path, tmp_path: Path) -> None:
    assert newest_pending() is None
    journaled(article)
    (tmp_path / "gone").mkdir()
    gone = copy_corpus(tmp_path / "gone", SAMPLE)
    ws = open_article(str(gone))
    ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    Journal(gone).write(ws.session, ws.disk_digest)
    gone.unlink()
    entry = newest_pending()
    assert entry is not None and entry.article == str(article.resolve())


def test_driver_journals_within_the_interval_and_clears_on_save(
    qtbot,
    data: Path,
    article: Path,  # type: ignore[no-untyped-def]
) -> None:
    ws = open_article(str(article), user="ann")
    driver = AutosaveDriver.for_workspace(ws, interval=0.2)
    driver.timer.setInterval(20)
    assert driver.autosaver.notify in ws.session.listeners
    qtbot.wait(100)
    assert not driver.journal.exists()  # nothing changed: nothing written
    with qtbot.waitSignal(driver.written, timeout=10000):
        ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    entry = driver.journal.read()
    assert entry is not None and entry.records[0].review.state is State.REVIEWED

    ws.save()
    driver.mark_saved(ws.path, ws.disk_digest)
    assert not driver.journal.exists()
    qtbot.wait(300)
    assert not driver.journal.exists()

    ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
    qtbot.waitUntil(driver.journal.exists, timeout=10000)
    driver.discard()
    assert not driver.journal.exists()
    assert driver.autosaver.notify not in ws.session.listeners
    assert not driver.timer.isActive()


def test_driver_follows_save_as_and_reload(
    qtbot,
    data: Path,
    article: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ws = open_article(str(article), user="ann")
    driver = AutosaveDriver.for_workspace(ws, interval=0.05)
    driver.timer.setInterval(10)
    ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    qtbot.waitUntil(driver.journal.exists, timeout=10000)
    old_journal = driver.journal.path
    new_path = tmp_path / "renamed.md"
    ws.save_as(str(new_path))
    driver.mark_saved(ws.path, ws.disk_digest)
    assert not old_journal.exists()
    assert driver.journal.article == Journal(new_path).article  # a journal of the new name

    ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
    new_path.write_bytes(new_path.read_bytes() + b"\nexternal\n")
    ws.reload()  # keeps the unsaved review of row 1 over the new bytes
    writes = driver.autosaver.writes
    driver.rebase(ws.disk_digest)
    qtbot.waitUntil(lambda: driver.autosaver.writes > writes, timeout=10000)
    entry = driver.journal.read()
    assert entry is not None and entry.base_digest == ws.disk_digest
    assert entry.records[1].review.state is State.REVIEWED
    driver.stop()


def test_driver_reports_a_failing_journal_once(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    article: Path,  # type: ignore[no-untyped-def]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(blocker))
    ws = open_article(str(article))
    driver = AutosaveDriver.for_workspace(ws, interval=0.02)
    driver.timer.setInterval(10)
    failures: list[str] = []
    driver.failed.connect(failures.append)
    ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=10000)
    qtbot.wait(150)  # many more ticks fail too, but the user is told once
    assert len(failures) == 1
    assert "Autosave failed" in failures[0] and "Save your work" in failures[0]
    driver.stop()
