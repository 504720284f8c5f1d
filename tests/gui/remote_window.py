"""A real window in a child process, driven by the test line by line: the app as a user starts
it (tests/gui/child_window.py), with a small remote control beside the window.

Each command is a JSON line on the child's stdin; it runs on the window's own event loop through
the window's actions, and the child answers with one JSON line: the window's state (path, the
digest of the bytes it loaded, approved ids, kept records, its journal, the dialogs it showed).
Dialogs are answered without blocking and recorded; ``answers`` chooses some answers.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

from tests.gui.gui_helpers import ROOT
from tests.gui.test_crash_window import child_env

DRIVER = textwrap.dedent(
    """
    import json, os, sys, time, traceback
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication
    import reviewer.core.fileio as fileio
    import reviewer.core.pair_write as pair_write
    from reviewer.core.segments import State
    from reviewer.gui import dialogs, recovery

    answers = json.loads(os.environ.get("REMOTE_ANSWERS") or "{}")
    events = []

    def recorder(kind):
        def show(parent, title, text="", *args, **kwargs):
            events.append({"dialog": kind, "title": title, "text": str(text)})
            return answers.get(kind)
        return show

    for name in ("show_error", "show_warning", "show_info", "confirm", "ask_text"):
        setattr(dialogs, name, recorder(name))
    dialogs.ask_unsaved = lambda parent, name: "discard"

    def external(parent, name):
        events.append({"dialog": "ask_external_change", "title": name, "text": ""})
        return answers.get("ask_external_change", "cancel")

    dialogs.ask_external_change = external

    def ask(parent, title, text, buttons, default, detail=""):
        events.append({"dialog": "ask", "title": title, "text": text + "\\n" + detail})
        return answers.get(title, default)

    recovery.ask = ask

    def state():
        ws, s = window.workspace, window.session
        out = {"pid": os.getpid(), "events": list(events)}
        if ws is None:
            return out
        pairs = s.doc.pairs
        approved = {pairs[r].id: pairs[r].target for r, rev in s.reviews.made()
                    if rev.state is State.APPROVED}
        saver = window.files.autosave
        out.update(
            path=ws.path, digest=ws.disk_digest, pairs=len(pairs), approved=approved,
            detached=sorted(r.pair_id for r in ws.detached), modified=window.isWindowModified(),
            journal=str(saver.journal.path) if saver else None,
            journaled=bool(saver and saver.journal.path.exists()),
            undo=window.stack.count(), notes=list(ws.save_notes),
        )
        return out

    def reply(**msg):
        print(json.dumps(msg), flush=True)

    def stop_at(moment):
        # A fault-injection point for the next save, inside the child only: it stops at the
        # chosen moment, says so, and waits there for the SIGKILL.
        real_write, real_replace = pair_write.atomic_write, fileio.os.replace

        def stop_here():
            reply(stopped=moment, state=state())
            while True:
                time.sleep(3600)

        def write(target, data):
            if moment == "before-any-write":
                stop_here()
            notes = real_write(target, data)
            if moment == "between-the-writes" and str(target).endswith(".review.yaml"):
                stop_here()
            return notes

        def replace(src, dst):
            if moment == "sidecar-temp-written" and str(dst).endswith(".review.yaml"):
                stop_here()
            if moment == "article-temp-written" and str(dst).endswith(".md"):
                stop_here()
            return real_replace(src, dst)

        pair_write.atomic_write = write
        fileio.os.replace = replace

    def run(cmd):
        s = window.session
        what = cmd["do"]
        row = s.row_of(cmd["id"]) if "id" in cmd else -1
        if what in ("approve", "needs-work"):
            window.goto_source_row(row)
            action = "actionApprove" if what == "approve" else "actionNeedsWork"
            window.registry[action].trigger()
        elif what == "target":
            window.goto_source_row(row)
            window.review.set_target(row, cmd["text"])
        elif what == "save":
            return {"saved": window.files.save()}
        elif what == "save-and-stop":
            stop_at(cmd["moment"])
            window.files.save()
            return {"stopped": "never"}
        elif what == "flush":
            window.files.autosave.flush()
        elif what != "state":
            raise ValueError(what)
        return {}

    def on_input():
        line = sys.stdin.readline()
        if not line:
            QApplication.instance().quit()
            return
        try:
            extra = run(json.loads(line))
            reply(state=state(), **extra)
        except Exception:
            reply(error=traceback.format_exc())

    def start():
        if window.workspace is None or window.files.autosave is None:
            QTimer.singleShot(20, start)
            return
        reply(ready=True, state=state())
        notifier.setEnabled(True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, window)
    notifier.setEnabled(False)
    notifier.activated.connect(on_input)
    start()
    """
)


class RemoteWindow:
    """The real app in a child process on ``article``, with its own settings folders and the
    given data folder (journals): two of them on one data folder are two windows of one user."""

    def __init__(
        self,
        tmp_path: Path,
        article: Path,
        data: Path,
        name: str = "window",
        answers: dict[str, Any] | None = None,
    ) -> None:
        script = tmp_path / "remote_driver.py"
        script.write_text(DRIVER, "utf-8")
        home = tmp_path / name
        home.mkdir(exist_ok=True)
        env = child_env(home, data)
        env["REMOTE_ANSWERS"] = json.dumps(answers or {})
        self.stderr = home / "stderr.txt"  # a file: a full pipe would block the child
        with open(self.stderr, "w", encoding="utf-8") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.gui.child_window", str(script), str(article)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=env,
            )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._pumping = threading.Thread(target=self._pump, daemon=True)
        self._pumping.start()
        try:
            hello = self.read(timeout=90)
            assert hello.get("ready"), hello
        except BaseException:
            self.close()  # a window that never got ready must not outlive the test
            raise
        self.state: dict[str, Any] = hello["state"]

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def read(self, timeout: float = 60) -> dict[str, Any]:
        """The child's next JSON line (anything else the app prints is skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"the window process is too slow:\n{self.errors()}") from None
            if line is None:
                raise AssertionError(f"the window process ended:\n{self.errors()}")
            if line.startswith("{"):
                msg: dict[str, Any] = json.loads(line)
                assert "error" not in msg, msg["error"]
                return msg

    def errors(self) -> str:
        return self.stderr.read_text("utf-8", errors="replace")[-4000:]

    def do(self, what: str, **args: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"do": what, **args}) + "\n")
        self.proc.stdin.flush()
        msg = self.read()
        if "state" in msg:
            self.state = msg["state"]
        return msg

    def wait_for(self, condition: Any, timeout: float = 30) -> dict[str, Any]:
        """Ask for the state until ``condition(state)`` holds (the window works meanwhile)."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.do("state")["state"]
            if condition(state):
                return state
            assert time.monotonic() < deadline, f"the window never got there: {state}"
            time.sleep(0.1)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=10) == -signal.SIGKILL

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        # The pipe ends once a checks worker the window forked is done with it too.
        self._pumping.join(timeout=20)
        if not self._pumping.is_alive() and self.proc.stdout is not None:
            self.proc.stdout.close()
