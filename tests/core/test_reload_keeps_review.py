"""Review data survives the article changing underneath: reloads never drop a record."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reviewer.core.edits import AddIssue, SetState
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.sidecar_read import parse_sidecar
from reviewer.core.workspace import Workspace, open_article
from tests.corpus import ROOT, copy_corpus

ARTICLE = "information-barriers-attributes.md"  # 104 pairs
APPROVED = tuple(range(0, 96, 8))  # 12 approvals spread over the article


def stored(ws: Workspace) -> dict[tuple[str, str], str]:
    """(id, source) -> state of every record in the sidecar on disk."""
    data = parse_sidecar(Path(ws.sidecar_path).read_bytes(), ws.sidecar_path)
    return {(r.pair_id, r.source): r.review.state.value for r in data.records}


def reviewed(tmp_path: Path) -> tuple[Path, Workspace]:
    path = copy_corpus(tmp_path, ARTICLE)
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=APPROVED, state=State.APPROVED))
    ws.session.apply(AddIssue(row=9, issue=Issue("accuracy/omission", Severity.MAJOR, "kwijt")))
    ws.save()
    return path, ws


def first_half(data: bytes) -> bytes:
    """The article as another branch might have it: the second half of its lines gone."""
    lines = data.split(b"\n")
    return b"\n".join(lines[: len(lines) // 2]) + b"\n"


@pytest.mark.parametrize("middle", ["other-branch", "truncated", "deleted"])
def test_reload_through_a_version_without_the_segments_keeps_every_record(
    tmp_path: Path, middle: str
) -> None:
    path, ws = reviewed(tmp_path)
    original = path.read_bytes()
    before = stored(ws)
    assert list(before.values()).count("approved") == 12
    # The window follows the file while nothing is unsaved: reload, reload.
    if middle == "other-branch":
        path.write_bytes(first_half(original))
    elif middle == "truncated":
        path.write_bytes(b"")
    if middle == "deleted":
        path.unlink()
    else:
        ws.reload()
        assert len(ws.session.doc.pairs) < 104
        assert ws.detached, "records of the missing segments are kept aside"
        assert any("kept" in m for m in ws.load_messages), ws.load_messages
    path.write_bytes(original)
    ws.reload()
    assert len(ws.session.doc.pairs) == 104
    assert not ws.detached
    assert [ws.session.reviews[k].state for k in APPROVED] == [State.APPROVED] * 12
    assert [i.comment for i in ws.session.reviews[9].issues] == ["kwijt"]
    # Any later save keeps them all.
    ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
    ws.save()
    after = stored(ws)
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(after) == len(before) + 1


def test_a_save_while_segments_are_missing_keeps_their_records_marked(tmp_path: Path) -> None:
    path, ws = reviewed(tmp_path)
    original = path.read_bytes()
    before = stored(ws)
    path.write_bytes(first_half(original))
    ws.reload()
    missing = {(r.pair_id, r.source) for r in ws.detached}
    assert missing and missing < set(before)
    ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
    ws.save()  # the reviewer saves on the other branch
    side = Path(ws.sidecar_path).read_text(encoding="utf-8")
    assert side.count("detached: true") == len(missing)
    assert set(before) <= set(stored(ws))
    # Reopened later on the full article, in a new window: everything is back in place.
    path.write_bytes(original)
    again = open_article(str(path))
    assert not again.detached
    assert [again.session.reviews[k].state for k in APPROVED] == [State.APPROVED] * 12
    again.session.apply(SetState(row_list=(2,), state=State.REVIEWED))
    again.save()
    assert "detached" not in Path(again.sidecar_path).read_text(encoding="utf-8")


def test_opening_a_version_without_the_segments_keeps_their_records(tmp_path: Path) -> None:
    path, ws = reviewed(tmp_path)
    original = path.read_bytes()
    before = stored(ws)
    path.write_bytes(first_half(original))
    other = open_article(str(path), user="bob")
    assert other.detached and any("kept" in m for m in other.load_messages)
    other.session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    other.save()
    assert set(before) <= set(stored(other))


def test_a_detached_record_comes_back_only_to_its_own_segment(tmp_path: Path) -> None:
    path, ws = reviewed(tmp_path)
    original = path.read_bytes()
    path.write_bytes(first_half(original))
    ws.reload()
    (rec, *_) = ws.detached
    row_before = rec.pair_id
    # A version where that segment's source was rewritten: the record stays aside, it does
    # not jump onto the rewritten segment with its approval.
    text = original.decode("utf-8").replace(rec.source, rec.source + " Changed.", 1)
    path.write_bytes(text.encode("utf-8"))
    ws.reload()
    assert any(r.pair_id == row_before for r in ws.detached)
    row = ws.session.row_of(row_before)
    assert ws.session.reviews[row].state is State.UNREVIEWED


def test_the_save_guard_never_writes_fewer_records_than_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if matching lost records (a bug), the save puts back what it would drop."""
    path, ws = reviewed(tmp_path)
    before = stored(ws)
    original = path.read_bytes()
    path.write_bytes(first_half(original))
    ws.reload()
    ws.detached.clear()  # what a matching bug would do
    ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
    ws.save()
    assert set(before) <= set(stored(ws))
    # What the user removes is removed: an approval taken back and saved is gone.
    path.write_bytes(original)
    ws.reload()
    ws.session.apply(SetState(row_list=(APPROVED[0],), state=State.UNREVIEWED))
    ws.save()
    assert len(stored(ws)) == len(before)  # one removed by the user, one added above


# A child process does what the window does with a clean file: it polls the article (the
# file watcher), reloads when it changed, and saves when the parent asks.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from reviewer.core.edits import SetState
    from reviewer.core.segments import State
    from reviewer.core.workspace import open_article

    ws = open_article(sys.argv[1], user="child")
    print(json.dumps({"ready": len(ws.session.doc.pairs)}), flush=True)
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "reload":
            deadline = time.monotonic() + 20
            while not ws.changed_on_disk() and time.monotonic() < deadline:
                time.sleep(0.02)
            ws.reload()
            print(json.dumps({"pairs": len(ws.session.doc.pairs)}), flush=True)
        elif cmd == "save":
            ws.session.apply(SetState(row_list=(1,), state=State.REVIEWED))
            ws.save()
            print(json.dumps({"saved": True}), flush=True)
            break
    """
)


def test_a_real_process_following_the_file_loses_no_review(tmp_path: Path) -> None:
    import json

    path, ws = reviewed(tmp_path)
    before = stored(ws)
    original = path.read_bytes()
    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None

    def say(cmd: str) -> dict[str, object]:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(cmd + "\n")
        child.stdin.flush()
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        reply: dict[str, object] = json.loads(line)
        return reply

    try:
        assert json.loads(child.stdout.readline()) == {"ready": 104}
        time.sleep(0.05)  # a different modification time, as a checkout gives
        path.write_bytes(first_half(original))  # git checkout other-branch
        assert say("reload")["pairs"] != 104
        path.write_bytes(original)  # git checkout main
        assert say("reload") == {"pairs": 104}
        assert say("save") == {"saved": True}
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    after = stored(ws)
    assert {k: v for k, v in after.items() if k in before} == before
    assert list(after.values()).count("approved") == 12
