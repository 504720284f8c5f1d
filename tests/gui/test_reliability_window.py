"""Never lose review work, in the real window: real window processes following an article that
changes on disk, two windows on one article, a kill -9 in the middle of a save, and what a save
could not keep shown to the user.

Each child runs the app as a user starts it (tests/gui/remote_window.py) and is driven through
the window's own actions.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

import reviewer.core.fileio as fileio
from reviewer.core.fileio import digest, load_document
from reviewer.core.journal_files import journals_of
from reviewer.core.segments import State
from reviewer.core.sidecar_read import read_sidecar
from reviewer.core.store import sidecar_path
from reviewer.core.workspace import open_article
from reviewer.gui import dialogs, recovery
from reviewer.gui.issues_dock import IssuesModel, collect
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import copy_corpus, load
from tests.gui.remote_window import RemoteWindow

ARTICLE = "information-barriers-attributes.md"  # 104 pairs
needs_kill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def approvals(article: Path) -> dict[str, str]:
    """id → source of every approved record in the review file on disk (kept ones too)."""
    data = read_sidecar(sidecar_path(str(article)))
    assert data is not None
    return {r.pair_id: r.source for r in data.records if r.review.state is State.APPROVED}


@needs_git
@needs_kill
def test_a_window_following_the_article_through_other_versions_keeps_every_approval(
    tmp_path: Path, data: Path
) -> None:
    """The article changes on disk while a window with nothing unsaved shows it: another git
    branch without half its segments and back, then a truncate and a restore. The window
    reloads each version; every approval survives the reloads and the next save.
    (With the core before records were kept across reloads, the window came back from the
    other branch with 6 of the 12 approvals.)"""
    work = tmp_path / "repo"
    work.mkdir()
    article = copy_corpus(work, ARTICLE)
    original = article.read_bytes()
    git(work, "init", "-q", "-b", "main")
    (work / ".git" / "info" / "exclude").write_text("*.review.yaml\n")  # the sidecar untracked
    git(work, "add", ARTICLE)
    git(work, "commit", "-q", "-m", "article")
    pairs = open_article(str(article)).session.doc.pairs
    half = len(pairs) // 2
    cut = sum(len(line) for line in original.splitlines(keepends=True)[: pairs[half].line - 1])
    git(work, "checkout", "-q", "-b", "other")
    article.write_bytes(original[:cut])  # the other branch: the second half is gone
    git(work, "commit", "-q", "-am", "shorter")
    git(work, "checkout", "-q", "main")
    assert article.read_bytes() == original

    window = RemoteWindow(tmp_path, article, data)
    try:
        chosen = [pairs[r].id for r in (*range(2, 14, 2), *range(half + 1, half + 13, 2))]
        for pair_id in chosen:
            window.do("approve", id=pair_id)
        assert window.do("save")["saved"]
        before = approvals(article)
        assert sorted(before) == sorted(chosen) and len(before) == 12
        assert not window.state["modified"]

        def reloaded(data: bytes) -> dict[str, Any]:
            return window.wait_for(lambda s: s["digest"] == digest(data))

        git(work, "checkout", "-q", "other")
        shorter = reloaded(article.read_bytes())
        assert shorter["pairs"] == half
        assert len(shorter["approved"]) == 6 and len(shorter["detached"]) >= 6
        git(work, "checkout", "-q", "main")
        back = reloaded(original)
        assert sorted(back["approved"]) == sorted(chosen) and back["detached"] == []

        article.write_bytes(b"")  # truncate-and-restore, as an editor or a sync tool does
        empty = reloaded(b"")
        assert empty["pairs"] == 0 and len(empty["detached"]) >= 12
        article.write_bytes(original)
        back = reloaded(original)
        assert sorted(back["approved"]) == sorted(chosen)
        assert all(back["approved"][i] == pairs[pairs.ids().index(i)].target for i in chosen)

        # The next save (with one more approval) keeps every record the sidecar held.
        window.do("approve", id=pairs[20].id)
        assert window.do("save")["saved"]
        after = approvals(article)
        assert before.items() <= after.items() and pairs[20].id in after
        assert not [e for e in window.state["events"] if e["dialog"] == "show_error"]
    finally:
        window.close()


@needs_kill
def test_two_window_processes_on_one_article_keep_their_own_journals(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Two real window processes on one article: each journals on its own; the second is not
    told the live first one "closed without saving"; a save in one never deletes the other's
    journal; after kill -9 of one, its edits are offered back.
    (With one journal per article, the second window was asked to restore the live first
    one's work as if it had "closed without saving".)"""
    data = Path(os.environ["REVIEWER_DATA_DIR"])  # the in-process window's, shared
    work = tmp_path / "work"
    work.mkdir()
    article = copy_corpus(work, ARTICLE)
    ids = open_article(str(article)).session.doc.pairs.ids()
    first = RemoteWindow(tmp_path, article, data, "first")
    second: RemoteWindow | None = None
    try:
        first.do("target", id=ids[3], text="Eerste venster, ongeslagen.")
        first.do("flush")
        assert first.state["journaled"]
        second = RemoteWindow(tmp_path, article, data, "second")
        assert second.state["events"] == []  # no offer of the live first window's work
        assert second.state["journal"] != first.state["journal"]
        second.do("target", id=ids[5], text="Tweede venster, nooit opgeslagen.")
        second.do("approve", id=ids[7])
        second.do("flush")
        assert second.state["journaled"]
        journal_of_second = Path(second.state["journal"])

        assert first.do("save")["saved"]
        assert not first.state["journaled"]  # the first one's own journal goes with its save
        assert journal_of_second.exists()  # ...the second's stays
        # The first window goes on working (a live journal of its own again).
        first.do("approve", id=ids[9])
        first.do("flush")
        assert first.state["journaled"]

        second.kill()
        assert journal_of_second.exists()
        journal_of_first = Path(first.state["journal"])
        assert set(journals_of(article)) == {journal_of_second, journal_of_first}

        # Opened again while the first window still runs: only the killed one's work is
        # offered. The first one saved since, so the article changed under that journal:
        # the user is asked, and the segments that still match come back.
        asked: list[str] = []

        def ask(parent, title, text, buttons, default, detail=""):  # type: ignore[no-untyped-def]
            asked.append(title)
            return {"Restore unsaved work?": "restore"}.get(title, "force")

        monkeypatch.setattr(recovery, "ask", ask)
        load(qtbot, window, article, checks=False)
        assert asked == ["Restore unsaved work?", "The article changed on disk"]
        session = window.session
        assert session is not None
        assert session.doc.pairs[5].target == "Tweede venster, nooit opgeslagen."
        assert session.reviews[7].state is State.APPROVED
        assert session.doc.pairs[3].target == "Eerste venster, ongeslagen."  # saved by the first
        assert session.reviews[9].state is not State.APPROVED  # the live one's: not offered
        assert journal_of_first.exists()
    finally:
        for child in (first, second):
            if child is not None:
                child.close()


MOMENTS = ["before-any-write", "sidecar-temp-written", "between-the-writes", "article-temp-written"]


@needs_kill
@pytest.mark.parametrize("moment", MOMENTS)
def test_a_kill_of_the_window_in_the_middle_of_a_save_reopens_consistent(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:  # type: ignore[no-untyped-def]
    """A real window process saves and is killed with SIGKILL at each moment of the save,
    "between-the-writes" the worst. Reopened, every approval refers to the text it approved,
    the article is whole, and the journal brings the rest back.
    (When a decision carried no digest of its text, a kill between the two writes reopened
    with the new text's approval on the old text.)"""
    data = Path(os.environ["REVIEWER_DATA_DIR"])
    work = tmp_path / "work"
    work.mkdir()
    article = copy_corpus(work, ARTICLE)
    ids = load_document(article).pairs.ids()  # (opening it would tidy the folder already)
    child = RemoteWindow(tmp_path, article, data)
    try:
        for row in (0, 2):
            child.do("approve", id=ids[row])
        assert child.do("save")["saved"]
        new_text = "Herziene tekst, meteen goedgekeurd."
        child.do("target", id=ids[3], text=new_text)
        child.do("approve", id=ids[3])
        child.do("approve", id=ids[5])
        child.do("needs-work", id=ids[2])  # an approval taken back
        child.do("flush")
        stopped = child.do("save-and-stop", moment=moment)
        assert stopped.get("stopped") == moment, stopped
        approved_text = stopped["state"]["approved"]  # id → the text each approval was for
        child.kill()
    finally:
        child.close()
    leftovers = [n for n in os.listdir(work) if n.startswith(".")]
    assert len(leftovers) == (1 if moment.endswith("temp-written") else 0), leftovers

    # Reopened in the window ("Later" to the restore offer): as it is on disk, the article is
    # whole, the interrupted save's temp file is gone, and no approval is on text it was not
    # given for.
    answers = {"Restore unsaved work?": "later"}
    asked: list[str] = []

    def ask(parent, title, text, buttons, default, detail=""):  # type: ignore[no-untyped-def]
        asked.append(title)
        return answers.get(title, "force")

    monkeypatch.setattr(recovery, "ask", ask)
    monkeypatch.setattr(dialogs, "show_warning", lambda *a: None)
    load(qtbot, window, article, checks=False)
    assert asked == ["Restore unsaved work?"]
    assert [n for n in os.listdir(work) if n.startswith(".")] == []
    session = window.session
    assert session is not None
    pairs, reviews = session.doc.pairs, session.reviews
    assert session.doc.serialize() == article.read_bytes()
    for row, review in reviews.made():
        if review.state is State.APPROVED:
            assert pairs[row].target == approved_text.get(pairs[row].id, "") or row == 2, row
    assert (reviews[3].state is State.APPROVED) == (pairs[3].target == new_text)
    if moment == "between-the-writes":
        assert pairs[3].target != new_text and reviews[3].state is not State.APPROVED

    # Opened again, "Restore": the journal brings every edit back, and a save keeps it.
    answers["Restore unsaved work?"] = "restore"
    assert window.open_path(str(article))
    session = window.session
    assert session is not None
    assert session.doc.pairs[3].target == new_text
    states = [session.reviews[r].state for r in (0, 2, 3, 5)]
    assert states == [State.APPROVED, State.NEEDS_WORK, State.APPROVED, State.APPROVED]
    assert window.save()
    saved = open_article(str(article)).session
    assert [saved.reviews[r].state for r in (0, 2, 3, 5)] == states
    assert saved.doc.pairs[3].target == new_text


def test_a_save_that_could_not_keep_the_owner_says_so(
    qtbot, window: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    window.goto_source_row(2)
    window.review.set_target(2, "Een nieuwe tekst.")  # the article itself is written
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, t, text: shown.append((t, text)))
    # Neither giving the new file the old owner nor rewriting the file in place is allowed.
    monkeypatch.setattr(fileio, "_give_owner", lambda tmp, st: False)
    monkeypatch.setattr(fileio.os, "access", lambda *a, **k: False)
    assert window.save()
    monkeypatch.undo()
    ((title, text),) = shown
    assert title == "Saved, with a note"
    assert article.name in text and "now belongs to you" in text
    # A save that keeps everything says nothing more.
    shown.clear()
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, t, text: shown.append((t, text)))
    window.goto_source_row(3)
    window.registry["actionApprove"].trigger()
    assert window.save() and shown == []


def test_the_issues_dock_says_repeated_ids_can_be_edited(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pair = (
        '<span data-ttu-id="a1-101">Doel</span><span class="sxs-lookup">'
        '<span data-stu-id="a1-101">Src</span></span>'
    )
    quot = (
        "<span data-ttu-id=&quot;a1-102&quot;>Doel</span><span class=&quot;sxs-lookup&quot;>"
        "<span data-stu-id=&quot;a1-102&quot;>Src</span></span>"
    )
    path = tmp_path / "repeated.md"
    path.write_text(f"---\ntitle: T\n---\n{pair}\n\n{pair}\n\nSee: {quot}\n", "utf-8")
    session = open_article(str(path)).session
    model = IssuesModel()
    model.set_entries(collect(session, session.doc.warnings))
    tips = {
        model.entries[k].title: model.index(k, 4).data(0x03)  # Qt.ToolTipRole
        for k in range(model.rowCount())
    }
    assert "duplicate-id" in tips, tips
    assert "can be edited" in tips["duplicate-id"]
    assert "cannot be edited" not in tips["duplicate-id"]
    assert all("cannot be edited" in tip for code, tip in tips.items() if code != "duplicate-id")
