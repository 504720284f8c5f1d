"""A real child process is killed with SIGKILL mid-review; its journaled work comes back."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reviewer.core.fileio import load_document, read_bytes
from reviewer.core.journal import Journal
from reviewer.core.journal_recovery import recover
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ARTICLE = "information-barriers-attributes.md"
INTERVAL = 0.4  # the journal interval under test (the app uses 2 s)
TICK = 0.02  # how often the child's "timer" polls the autosaver
EDITS = 24
SPACING = 0.08  # seconds between two edits in the child
SLACK = 0.3  # scheduling jitter on a busy machine: the child may not run exactly on time

# The child does what the window does: edits go through session.apply, an Autosaver listens,
# and a timer loop calls flush_if_due. It reports each edit (with its wall-clock time) on stdout.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from reviewer.core.edits import AddIssue, SetState, SetTarget
    from reviewer.core.fileio import digest, load_document, read_bytes
    from reviewer.core.journal import Autosaver, Journal
    from reviewer.core.mqm import Issue, Severity
    from reviewer.core.segments import State
    from reviewer.core.session import ReviewSession

    path, interval, tick, edits, spacing = (
        sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    )
    base = digest(read_bytes(path))
    session = ReviewSession(load_document(path), user="child")
    saver = Autosaver(session, Journal(path), base, interval=interval)
    saver.attach()

    def idle(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            saver.flush_if_due()
            time.sleep(tick)

    print(json.dumps({"ready": True}), flush=True)
    for i in range(edits):
        row = i
        if i % 3 == 0:
            edit = SetTarget(row=row, new_target=f"Herzien {i}: " + session.doc.pairs[row].target)
            kind = "target"
        elif i % 3 == 1:
            edit = SetState(row_list=(row,), state=State.APPROVED)
            kind = "approved"
        else:
            edit = AddIssue(row=row, issue=Issue("style/awkward-style", Severity.MINOR, f"c{i}"))
            kind = "issue"
        session.apply(edit)
        value = session.doc.pairs[row].target if kind == "target" else f"c{i}"
        print(json.dumps({"t": time.time(), "row": row, "kind": kind, "value": value}), flush=True)
        idle(spacing)
    print(json.dumps({"done": True}), flush=True)
    idle(3600)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_loses_no_edit_older_than_the_journal_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data))
    article = tmp_path / ARTICLE
    shutil.copyfile(CORPUS / ARTICLE, article)
    original = read_bytes(article)
    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    env = {**os.environ, "REVIEWER_DATA_DIR": str(data)}
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    args = [str(article), str(INTERVAL), str(TICK), str(EDITS), str(SPACING)]
    child = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    done: list[dict[str, object]] = []
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 30
        for line in child.stdout:
            msg = json.loads(line)
            if msg.get("done"):
                break
            if "t" in msg:
                done.append(msg)
            assert time.monotonic() < deadline, "child too slow"
        else:
            pytest.fail("child exited early: " + (child.stderr.read() if child.stderr else ""))
        # Kill right after the last edit: the youngest edits may be lost, older ones may not.
        killed_at = time.time()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    assert len(done) == EDITS
    assert read_bytes(article) == original  # the article itself was never touched

    journal = Journal(article)
    entry = journal.read()
    assert entry is not None
    session = ReviewSession(load_document(article), user="parent")
    result = recover(session, entry)
    assert not result.blocked, result.messages

    # An edit is guaranteed once a full interval plus a timer tick has passed; the slack
    # covers process scheduling on a busy CI machine.
    guaranteed = [e for e in done if float(str(e["t"])) < killed_at - INTERVAL - TICK - SLACK]
    assert len(guaranteed) >= EDITS // 2, "the test killed the child too early to prove much"
    for e in guaranteed:
        row = int(str(e["row"]))
        review = session.reviews[row]
        if e["kind"] == "target":
            assert session.doc.pairs[row].target == e["value"], e
            assert review.state is State.EDITED
            assert review.changed_by == "child"
        elif e["kind"] == "approved":
            assert review.state is State.APPROVED, e
        else:
            assert [i.comment for i in review.issues] == [e["value"]], e
    # Restored work is unsaved work: the article on disk is still the original until a save.
    assert session.doc.is_modified
    assert read_bytes(article) == original
