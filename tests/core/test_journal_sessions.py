"""Each window journals on its own: two real processes on one article never touch each other's
journal, and a live window's journal is never offered as "closed without saving"."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reviewer.core.edits import SetState, SetTarget
from reviewer.core.journal import Autosaver, Journal, pending_journals
from reviewer.core.journal_entry import JournalError, read_entry
from reviewer.core.journal_files import journals_of
from reviewer.core.journal_recovery import recover
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.corpus import ROOT, SAMPLE, copy_corpus

# A window without Qt: the workspace, an autosaver on the session's own journal, and commands
# on stdin for what the user does. Every reply is one JSON line.
CHILD = textwrap.dedent(
    """
    import json, sys
    from reviewer.core.edits import SetState, SetTarget
    from reviewer.core.journal import Autosaver, Journal
    from reviewer.core.segments import State
    from reviewer.core.workspace import open_article

    ws = open_article(sys.argv[1], user=sys.argv[2])
    offered = Journal(ws.path).read()  # what the window offers to restore on open
    saver = Autosaver(ws.session, Journal(ws.path), ws.disk_digest)
    saver.attach()
    print(json.dumps({"offered": offered.journal_file if offered else None,
                      "journal": str(saver.journal.path)}), flush=True)
    for line in sys.stdin:
        cmd, *arg = line.split()
        if cmd == "target":
            row = int(arg[0])
            new = arg[1] + " " + ws.session.doc.pairs[row].target
            ws.session.apply(SetTarget(row=row, new_target=new))
        elif cmd == "approve":
            ws.session.apply(SetState(row_list=(int(arg[0]),), state=State.APPROVED))
        elif cmd == "flush":
            saver.flush()
        elif cmd == "save":
            ws.save()
            saver.mark_saved(ws.disk_digest)
        print(json.dumps({"done": cmd, "journaled": saver.journal.exists()}), flush=True)
    """
)


class Window:
    """A child process standing in for one window on the article."""

    def __init__(self, tmp_path: Path, article: Path, user: str) -> None:
        script = tmp_path / "window.py"
        script.write_text(CHILD, "utf-8")
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(
            [sys.executable, str(script), str(article), user],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.hello = self._reply()

    def _reply(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            pytest.fail(f"the window process ended: {err}")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def do(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._reply()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=10) == -signal.SIGKILL

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def article(tmp_path: Path, data: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    return copy_corpus(work, SAMPLE)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_two_windows_on_one_article_keep_their_own_journals(tmp_path: Path, article: Path) -> None:
    first = Window(tmp_path, article, "ann")
    second: Window | None = None
    try:
        assert first.hello["offered"] is None
        first.do("target 1 Eerste")
        first.do("approve 2")
        assert first.do("flush")["journaled"]
        a_journal = Path(first.hello["journal"])
        a_bytes = a_journal.read_bytes()

        # A second window on the same article: the first is alive, so nothing is "closed
        # without saving", and nothing of the first is offered.
        second = Window(tmp_path, article, "bob")
        assert second.hello["offered"] is None
        assert Path(second.hello["journal"]) != a_journal
        assert pending_journals() == []  # a fresh start offers nothing either
        assert Journal(article).read() is None
        second.do("target 3 Tweede")
        assert second.do("flush")["journaled"]
        assert a_journal.read_bytes() == a_bytes  # never overwritten
        assert second.do("save") == {"done": "save", "journaled": False}
        assert a_journal.read_bytes() == a_bytes  # the second one's save deletes only its own

        # The first window dies: now, and only now, its work is offered.
        first.kill()
        assert [e.journal_file for e in pending_journals()] == [str(a_journal)]
        third = Window(tmp_path, article, "cy")
        try:
            assert third.hello["offered"] == str(a_journal)
        finally:
            third.close()  # killed before it restored anything: the journal stays
        entry = Journal(article).read()
        assert entry is not None and entry.journal_file == str(a_journal)
        ws = open_article(str(article), user="cy")
        result = recover(ws.session, entry, force=True)  # the second window saved meanwhile
        assert ws.session.doc.pairs[1].target.startswith("Eerste ")
        assert ws.session.reviews[2].state is State.APPROVED
        assert ws.session.doc.pairs[3].target.startswith("Tweede ")  # saved by the second
        assert result.restored_targets == 1
    finally:
        first.close()
        if second is not None:
            second.close()


def test_the_lock_names_the_process_and_the_host(article: Path) -> None:
    ws = open_article(str(article))
    journal = Journal(article)
    ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    journal.write(ws.session, ws.disk_digest)
    owner = json.loads(journal.lock_path.read_text("utf-8"))
    assert owner["pid"] == os.getpid() and owner["host"] == socket.gethostname()
    # Held while the session runs: another window is offered nothing.
    assert Journal(article).read() is None
    journal.release()  # the session ends without saving (as a crash does)
    entry = Journal(article).read()
    assert entry is not None and entry.journal_file == str(journal.path)


def test_a_restored_journal_goes_once_the_new_session_holds_its_work(article: Path) -> None:
    ws = open_article(str(article), user="ann")
    old = Journal(article)
    ws.session.apply(SetTarget(row=1, new_target="Jammer dat u gaat."))
    old.write(ws.session, ws.disk_digest)
    old.release()  # crash

    again = open_article(str(article), user="ann")
    reader = Journal(article)
    entry = reader.read()
    assert entry is not None
    # While it is offered, no other window is offered it too.
    assert Journal(article).read() is None
    recover(again.session, entry)
    assert journals_of(article) == [old.path]  # still the only copy of the restored work
    saver = Autosaver(again.session, Journal(article), again.disk_digest)
    assert saver.dirty and saver.flush()
    assert journals_of(article) == [saver.journal.path]  # now ours holds it; the old one goes
    assert read_entry(saver.journal.path).targets[0].target == "Jammer dat u gaat."
    saver.detach()  # the window closes, discarding its unsaved work
    saver.journal.discard()
    assert journals_of(article) == []
    assert list(saver.journal.path.parent.glob("*.lock")) == []  # no lock left behind


def test_an_unusable_journal_left_by_a_crash_can_be_deleted(article: Path) -> None:
    ws = open_article(str(article))
    old = Journal(article)
    ws.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    old.write(ws.session, ws.disk_digest)
    old.release()
    old.path.write_bytes(b"{broken")
    reader = Journal(article)
    with pytest.raises(JournalError, match="corrupt"):
        reader.read()
    reader.discard()  # "Delete it"
    assert not old.path.exists() and not old.lock_path.exists()


FORKING_WINDOW = textwrap.dedent(
    """
    import json, os, sys
    from reviewer.core.edits import SetState
    from reviewer.core.journal import Journal
    from reviewer.core.segments import State
    from reviewer.core.workspace import open_article

    ws = open_article(sys.argv[1], user="ann")
    journal = Journal(ws.path)
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    journal.write(ws.session, ws.disk_digest)
    started, ready = os.pipe()
    worker = os.fork()  # as the window forks to run the checks
    if worker == 0:
        # Running past fork (its at-fork handlers done): say so, then work until the test ends.
        os.write(ready, b"1")
        sys.stdin.read()
        os._exit(0)
    os.close(ready)
    assert os.read(started, 1) == b"1"
    print(json.dumps({"journal": str(journal.path), "worker": worker}), flush=True)
    sys.stdin.read()  # the window runs until it is killed (or the test ends)
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_killed_window_s_journal_is_free_while_its_forked_worker_runs(
    tmp_path: Path, article: Path
) -> None:
    script = tmp_path / "forking.py"
    script.write_text(FORKING_WINDOW, "utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    child = subprocess.Popen(
        [sys.executable, str(script), str(article)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    worker = 0
    try:
        assert child.stdout is not None
        hello = json.loads(child.stdout.readline())
        worker = int(hello["worker"])
        assert Journal(article).read() is None  # the window runs
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)  # a guard against a hang; SIGKILL ends it at once
        os.kill(worker, 0)  # its worker still runs...
        entry = Journal(article).read()  # ...and holds nothing: the work is offered
        assert entry is not None and entry.journal_file == hello["journal"]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if worker:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()
