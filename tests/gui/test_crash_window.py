"""A real child process showing the window is killed with SIGKILL mid-review; its work returns."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from reviewer.core.edits import AddIssue, SetState, SetTarget
from reviewer.core.journal import Journal
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from reviewer.gui import recovery
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import ROOT, copy_corpus, load

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ARTICLE = "information-barriers-attributes.md"  # 104 pairs: one row per edit
EDITS = 30
SPACING_MS = 150  # 30 edits over ~4.5 s against the app's real 2 s journal interval
SLACK = 0.5  # scheduling jitter on a busy machine (the child may run late)

# Runs inside the child (tests/gui/child_window.py runs the real app with it), with
# `window` in scope. Edits go through the window's own actions and undo stack, the way a
# user's would; after each one it prints what it did and when.
DRIVER = textwrap.dedent(
    """
    import json, time
    from PySide6.QtCore import QTimer
    from reviewer.core.mqm import Severity
    from reviewer.core.segments import State
    from reviewer.gui import dialogs, issue_dialog, recovery
    from reviewer.gui.issue_dialog import IssueInput

    EDITS, SPACING_MS = {edits}, {spacing}
    recovery.ask = lambda *a, **k: "later"  # never block on a dialog in the child
    step_no = [0]

    def emit(**msg):
        print(json.dumps(msg), flush=True)

    def start():
        if window.workspace is None or window.files.autosave is None:
            QTimer.singleShot(20, start)
            return
        driver = window.files.autosave
        saver = driver.autosaver
        emit(ready=True, interval=saver.interval, tick=driver.timer.interval() / 1000,
             journal=str(saver.journal.path))
        timer.start()

    def step():
        i = step_no[0]
        if i >= EDITS:
            timer.stop()
            emit(done=True)
            return
        step_no[0] += 1
        row = i
        window.goto_source_row(row)
        session = window.session
        kind = ("target", "approved", "issue")[i % 3]
        if kind == "target":
            window.review.set_target(row, f"Herzien {{i}}: " + session.doc.pairs[row].target)
            value = session.doc.pairs[row].target
            ok = value.startswith(f"Herzien {{i}}: ")
        elif kind == "approved":
            window.registry["actionApprove"].trigger()
            value = "approved"
            ok = session.reviews[row].state is State.APPROVED
        else:
            comment = f"c{{i}}"
            issue_dialog.ask_issue = lambda parent, prefill, title="": IssueInput(
                "style/awkward-style", Severity.MINOR, comment)
            window.registry["actionFlagIssue"].trigger()
            value = comment
            ok = [x.comment for x in session.reviews[row].issues] == [comment]
        emit(t=time.time(), row=row, kind=kind, value=value, ok=ok, undo=window.stack.count())

    timer = QTimer(window)
    timer.setInterval(SPACING_MS)
    timer.timeout.connect(step)
    start()
    """
)


def child_env(tmp_path: Path, data: Path) -> dict[str, str]:
    """Offscreen, with its own data, settings and config folders: nothing of the user's."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REVIEWER_DATA_DIR=str(data),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    return env


def read_messages(child: subprocess.Popen[str], until: str, timeout: float) -> list[dict[str, Any]]:
    """The child's JSON lines up to the one carrying ``until``."""
    assert child.stdout is not None
    out: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    for line in child.stdout:
        if not line.startswith("{"):
            continue  # anything else the app prints
        msg = json.loads(line)
        out.append(msg)
        if msg.get(until):
            return out
        assert time.monotonic() < deadline, "the child is too slow"
    err = child.stderr.read() if child.stderr is not None else ""
    pytest.fail(f"the child exited early ({child.wait()}):\n{err}")


def stop(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.kill()
        child.wait(timeout=10)
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()


def test_sigkill_of_the_window_loses_no_edit_older_than_the_journal_interval(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data = Path(os.environ["REVIEWER_DATA_DIR"])  # the window fixture's: shared with the child
    work = tmp_path / "articles"
    work.mkdir()
    article = copy_corpus(work, ARTICLE)
    original = article.read_bytes()
    script = tmp_path / "driver.py"
    script.write_text(DRIVER.format(edits=EDITS, spacing=SPACING_MS), "utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.child_window", str(script), str(article)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(tmp_path, data),
    )
    try:
        ready, *rest = read_messages(child, "done", timeout=90)
        # Kill right after the last edit: the youngest edits may be lost, older ones may not.
        killed_at = time.time()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        stop(child)
    edits = [m for m in rest if "t" in m]
    assert ready.get("ready") and len(edits) == EDITS
    assert all(m["ok"] for m in edits), [m for m in edits if not m["ok"]]
    assert [m["undo"] for m in edits] == list(range(1, EDITS + 1))  # each one undo step
    interval, tick = float(ready["interval"]), float(ready["tick"])
    assert interval == recovery.DEFAULT_INTERVAL  # the app's real interval, not a test one
    assert Path(ready["journal"]).is_relative_to(data)
    assert article.read_bytes() == original  # a kill never touches the article...
    assert sorted(os.listdir(work)) == [ARTICLE]  # ...nor writes a sidecar or temp file

    # Open the article again in a window and restore: what was journaled comes back.
    questions: list[str] = []

    def ask(parent, title, text, buttons, default, detail=""):  # type: ignore[no-untyped-def]
        questions.append(title)
        return "restore"

    monkeypatch.setattr(recovery, "ask", ask)
    load(qtbot, window, article, checks=False)
    assert questions == ["Restore unsaved work?"]
    session = window.session
    guaranteed = [m for m in edits if m["t"] < killed_at - interval - tick - SLACK]
    kinds = {m["kind"] for m in guaranteed}
    assert len(guaranteed) >= 6 and kinds == {"target", "approved", "issue"}, guaranteed
    for m in guaranteed:
        row, review = m["row"], session.reviews[m["row"]]
        if m["kind"] == "target":
            assert session.doc.pairs[row].target == m["value"], m
            assert review.state is State.EDITED
        elif m["kind"] == "approved":
            assert review.state is State.APPROVED, m
        else:
            assert [i.comment for i in review.issues] == [m["value"]], m
            assert review.issues[0].category == "style/awkward-style"
    # Restored work is unsaved work, one undo step, and the file on disk is untouched.
    assert window.stack.count() == 1 and window.isWindowModified()
    assert article.read_bytes() == original
    window.registry["actionUndo"].trigger()
    assert not session.doc.is_modified
    assert all(r.state is State.UNREVIEWED and not r.issues for r in session.reviews)


STARTUP_PROBE = textwrap.dedent(
    """
    import json, os
    from PySide6.QtCore import QTimer
    from reviewer.gui import recovery

    asked = []

    def ask(parent, title, text, buttons, default, detail=""):
        asked.append(title)
        return "restore"

    recovery.ask = ask  # in place before the app looks for unsaved work

    def report():
        if window.workspace is None:
            QTimer.singleShot(20, report)
            return
        s = window.session
        print(json.dumps({
            "asked": asked,
            "path": window.workspace.path,
            "target1": s.doc.pairs[1].target,
            "state2": s.reviews[2].state.value,
            "issues4": [i.comment for i in s.reviews[4].issues],
            "modified": window.isWindowModified(),
            "undo": window.stack.count(),
        }), flush=True)
        os._exit(0)  # leave the journal and the files exactly as they are

    report()
    """
)


def test_starting_the_app_without_a_file_offers_to_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    article = copy_corpus(tmp_path, "canceling-your-office-365-subscription.md")
    original = article.read_bytes()
    # What a crashed session left behind: a journal, the article untouched.
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data))
    ws = open_article(str(article), user="ann")
    s = ws.session
    s.apply(SetTarget(row=1, new_target="Jammer dat u gaat."))
    s.apply(SetState(row_list=(2,), state=State.APPROVED))
    s.apply(AddIssue(row=4, issue=Issue("accuracy/omission", Severity.MAJOR, "kan weg")))
    Journal(article).write(s, ws.disk_digest)
    script = tmp_path / "probe.py"
    script.write_text(STARTUP_PROBE, "utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.child_window", str(script)],  # no FILE
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(tmp_path, data),
    )
    try:
        (report,) = read_messages(child, "path", timeout=60)
        assert child.wait(timeout=10) == 0
    finally:
        stop(child)
    assert report["asked"] == ["Restore unsaved work?"]
    assert report["path"] == str(article)
    assert report["target1"] == "Jammer dat u gaat."
    assert report["state2"] == State.APPROVED.value
    assert report["issues4"] == ["kan weg"]
    assert report["modified"] and report["undo"] == 1
    assert article.read_bytes() == original
    assert not Path(str(article) + ".review.yaml").exists()  # restored, not saved
