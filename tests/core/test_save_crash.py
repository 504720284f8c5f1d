"""kill -9 at the worst moments of a save: the article and its review data reopen consistent.

A real child process opens the article, reviews it, journals, and saves; a fault-injection
point installed by the child itself (a wrapper around the write step, nothing in shipped code)
stops it at a chosen moment and the parent kills it with SIGKILL. Reopened, every approval
refers to the text it approved, nothing is torn, the journal brings the rest back, and the
hidden temp file the crash left is cleaned up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer.core.fileio import digest
from reviewer.core.journal import Journal
from reviewer.core.journal_files import journals_of
from reviewer.core.journal_recovery import recover
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.corpus import ROOT, SAMPLE, copy_corpus

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    import reviewer.core.fileio as fileio
    import reviewer.core.pair_write as pair_write
    from reviewer.core.edits import SetState, SetTarget
    from reviewer.core.journal import Autosaver, Journal
    from reviewer.core.segments import State
    from reviewer.core.workspace import open_article

    path, moment = sys.argv[1], sys.argv[2]
    ws = open_article(path, user="ann")
    saver = Autosaver(ws.session, Journal(path), ws.disk_digest)
    saver.attach()
    s = ws.session
    s.apply(SetState(row_list=(0, 2), state=State.APPROVED))
    approved = {r: s.doc.pairs[r].target for r in (0, 2)}
    ws.save()
    saver.mark_saved(ws.disk_digest)

    # The next save: a new target approved at once, an approval of untouched text, and one
    # approval taken back.
    s.apply(SetTarget(row=3, new_target="Herziene tekst die is goedgekeurd."))
    s.apply(SetState(row_list=(3, 5), state=State.APPROVED))
    s.apply(SetState(row_list=(2,), state=State.UNREVIEWED))
    assert saver.flush()
    approved.update({r: s.doc.pairs[r].target for r in (3, 5)})  # each row's approved text

    def stop_here():
        print(json.dumps({"stopped": moment, "approved": approved}), flush=True)
        time.sleep(3600)

    real_write, real_replace = pair_write.atomic_write, os.replace

    def write(target, data):  # the save's two writes, in the order the workspace makes them
        if moment == "before-any-write":
            stop_here()
        notes = real_write(target, data)
        if moment == "between-the-writes" and str(target).endswith(".review.yaml"):
            stop_here()
        return notes

    def replace(src, dst):  # inside one atomic write: the temp file is full, not yet renamed
        if moment == "sidecar-temp-written" and str(dst).endswith(".review.yaml"):
            stop_here()
        if moment == "article-temp-written" and str(dst).endswith(".md"):
            stop_here()
        return real_replace(src, dst)

    pair_write.atomic_write = write
    fileio.os.replace = replace
    ws.save()
    print(json.dumps({"stopped": "never"}), flush=True)
    """
)

MOMENTS = ["before-any-write", "sidecar-temp-written", "between-the-writes", "article-temp-written"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_kill_at_any_moment_of_a_save_reopens_consistent(
    tmp_path: Path, data: Path, moment: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    article = copy_corpus(work, SAMPLE)
    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    child = subprocess.Popen(
        [sys.executable, str(script), str(article), moment],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        report = json.loads(line)
        assert report["stopped"] == moment
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    approved = {int(k): v for k, v in report["approved"].items()}
    # The crash left a hidden temp file when it stopped inside a write.
    leftovers = [n for n in os.listdir(work) if n.startswith(".")]
    assert len(leftovers) == (1 if moment.endswith("temp-written") else 0), leftovers

    ws = open_article(str(article), user="ann")
    assert [n for n in os.listdir(work) if n.startswith(".")] == []  # cleaned at open
    if leftovers:
        assert any("interrupted save" in m for m in ws.load_messages), ws.load_messages
    doc, reviews = ws.session.doc, ws.session.reviews
    assert doc.serialize() == article.read_bytes()  # not torn: it parses and round-trips
    # The invariant: an approval refers to the text it approved, whatever reached the disk.
    for row, review in enumerate(reviews):
        if review.state is State.APPROVED:
            assert row in approved and doc.pairs[row].target == approved[row], row
    assert reviews[0].state is State.APPROVED  # approved and saved before: untouched
    new_text_on_disk = doc.pairs[3].target == approved[3]
    assert (reviews[3].state is State.APPROVED) is new_text_on_disk
    if moment == "between-the-writes":
        assert not new_text_on_disk
        assert any("withdrawn" in m for m in ws.load_messages), ws.load_messages

    # The journal still holds the unsaved work, made on the article as it is on disk.
    entry = Journal(article).read()
    assert entry is not None and entry.base_digest == digest(article.read_bytes())
    result = recover(ws.session, entry)
    assert not result.blocked
    assert doc.pairs[3].target == approved[3]
    assert [reviews[r].state for r in (0, 2, 3, 5)] == [
        State.APPROVED,
        State.UNREVIEWED,
        State.APPROVED,
        State.APPROVED,
    ]
    ws.save()
    again = open_article(str(article))
    assert [again.session.reviews[r].state for r in (0, 2, 3, 5)] == [
        State.APPROVED,
        State.UNREVIEWED,
        State.APPROVED,
        State.APPROVED,
    ]
    assert again.load_messages == []
    assert len(journals_of(article)) == 1  # the crashed one: a window's save discards it


def test_only_abandoned_temp_files_of_our_own_are_removed(tmp_path: Path) -> None:
    import fcntl

    article = copy_corpus(tmp_path, SAMPLE)
    abandoned = tmp_path / f".{SAMPLE}.reviewer-k3j2h1g0.tmp"
    older_kind = tmp_path / f".{SAMPLE}.review.yaml.a1b2c3d4.tmp"  # before temps were marked
    in_use = tmp_path / f".{SAMPLE}.reviewer-zzzzzzzz.tmp"
    foreign = tmp_path / ".notes.txt.a1b2c3d4.tmp"
    for p in (abandoned, older_kind, in_use, foreign):
        p.write_bytes(b"partial")
    with open(in_use, "rb") as held:  # another window's save, writing right now
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        ws = open_article(str(article))
    assert sorted(os.listdir(tmp_path)) == sorted([SAMPLE, in_use.name, foreign.name])
    assert any("2 partial file(s)" in m for m in ws.load_messages), ws.load_messages
