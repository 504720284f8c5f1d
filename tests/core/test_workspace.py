"""Opening, saving, failed saves, external changes and reload through the Workspace."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from reviewer.core.config import Config
from reviewer.core.edits import AddIssue, SetState, SetTarget
from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import digest
from reviewer.core.mqm import Issue, Severity
from reviewer.core.pair_write import SaveError
from reviewer.core.segments import State
from reviewer.core.workspace import (
    ExternalChangeError,
    SidecarChangedError,
    Workspace,
    open_article,
)
from tests.corpus import NAMESERVERS, copy_corpus


def edit(ws: Workspace, row: int, old: str, new: str) -> str:
    target = ws.session.doc.pairs[row].target
    assert old in target
    ws.session.apply(SetTarget(row=row, new_target=target.replace(old, new)))
    return ws.session.doc.pairs[row].target


def test_open_uses_config_user_and_disabled_checks(article: Path) -> None:
    path = article
    ws = open_article(str(path), config=Config(reviewer="kim", disabled_checks={"numbers"}))
    assert ws.session.user == "kim"
    assert "numbers" in ws.session.check_config.disabled
    assert open_article(str(path), user="ann", config=Config(reviewer="kim")).session.user == "ann"
    assert ws.path == str(path) and ws.sidecar_path == str(path) + ".review.yaml"
    assert ws.disk_digest == digest(path.read_bytes())
    assert not ws.is_dirty and not ws.changed_on_disk()


def test_unreadable_article_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        open_article(str(tmp_path / "missing.md"))


def test_save_changes_only_the_edited_target_bytes(article: Path) -> None:
    path = article
    before = path.read_bytes()
    ws = open_article(str(path), user="ann")
    old_target = ws.session.doc.pairs[1].target
    new_target = edit(ws, 1, "48 uur", "twee dagen")
    assert ws.is_dirty
    ws.save()
    after = path.read_bytes()
    expected = before.replace(old_target.encode(), new_target.encode(), 1)
    assert after == expected and after != before
    assert not ws.is_dirty and not ws.session.doc.is_modified
    assert ws.disk_digest == digest(after)
    # Saved again with no change: the article is not rewritten at all.
    inode = os.stat(path).st_ino
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.save()
    assert os.stat(path).st_ino == inode and path.read_bytes() == after


def test_review_only_change_writes_only_the_sidecar(article: Path) -> None:
    path = article
    before = path.read_bytes()
    inode = os.stat(path).st_ino
    ws = open_article(str(path))
    ws.session.apply(AddIssue(row=0, issue=Issue("accuracy/omission", Severity.MINOR)))
    ws.save()
    assert path.read_bytes() == before and os.stat(path).st_ino == inode
    assert Path(ws.sidecar_path).exists()


def failing_replace(monkeypatch: pytest.MonkeyPatch, code: int, only: str | None = None) -> None:
    real = os.replace

    def replace(src: str, dst: str) -> None:
        if only is None or os.fspath(dst) == only:
            raise OSError(code, os.strerror(code))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        (errno.EACCES, "you may write to that folder"),
        (errno.ENOSPC, "disk is full"),
        (errno.EROFS, "read-only"),
    ],
)
def test_failed_save_changes_nothing(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch, code: int, hint: str
) -> None:
    path = article
    before = path.read_bytes()
    ws = open_article(str(path), user="ann")
    new_target = edit(ws, 1, "48 uur", "twee dagen")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    failing_replace(monkeypatch, code)
    with pytest.raises(SaveError) as info:
        ws.save()
    message = str(info.value)
    assert isinstance(info.value, ReviewerError)
    assert str(path) in message or ws.sidecar_path in message
    assert "Nothing was changed on disk" in message and hint in message
    assert path.read_bytes() == before
    assert not Path(ws.sidecar_path).exists()
    assert sorted(os.listdir(tmp_path)) == [NAMESERVERS]  # no temporary files left behind
    # The edits are intact in memory and the next save succeeds.
    assert ws.session.doc.pairs[1].target == new_target and ws.is_dirty
    assert ws.session.reviews[0].state is State.APPROVED
    monkeypatch.undo()
    ws.save()
    assert new_target.encode() in path.read_bytes()


def test_article_write_failure_puts_the_old_sidecar_back(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = article
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.save()
    side_before = Path(ws.sidecar_path).read_bytes()
    before = path.read_bytes()
    edit(ws, 1, "48 uur", "twee dagen")
    ws.session.apply(SetState(row_list=(2,), state=State.REVIEWED))
    failing_replace(monkeypatch, errno.EACCES, only=str(path))
    with pytest.raises(SaveError, match=str(path)):
        ws.save()
    assert path.read_bytes() == before
    assert Path(ws.sidecar_path).read_bytes() == side_before


def test_folder_gone_is_a_save_error(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = copy_corpus(folder)
    ws = open_article(str(path))
    edit(ws, 1, "48 uur", "twee dagen")
    shutil.rmtree(folder)
    with pytest.raises(SaveError, match="folder no longer exists"):
        ws.save()
    assert ws.session.doc.is_modified


def test_external_change_is_detected(article: Path) -> None:
    path = article
    ws = open_article(str(path))
    edit(ws, 1, "48 uur", "twee dagen")
    other = path.read_bytes().replace(b"Naamservers wijzigen", b"Naamservers aanpassen")
    path.write_bytes(other)
    assert ws.changed_on_disk()
    with pytest.raises(ExternalChangeError, match="changed on disk"):
        ws.save()
    assert path.read_bytes() == other
    ws.save(force=True)
    assert not ws.changed_on_disk()
    assert b"twee dagen" in path.read_bytes()


def test_deleted_article_is_an_external_change(article: Path) -> None:
    path = article
    ws = open_article(str(path))
    edit(ws, 1, "48 uur", "twee dagen")
    path.unlink()
    assert ws.changed_on_disk()
    with pytest.raises(ExternalChangeError, match="deleted"):
        ws.save()
    ws.save(force=True)
    assert b"twee dagen" in path.read_bytes()


def test_sidecar_changed_on_disk_is_an_external_change(article: Path) -> None:
    path = article
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.save()
    side = Path(ws.sidecar_path)
    # Another reviewer's work arrives (git pull) while ours is unsaved.
    theirs = open_article(str(path), user="bob")
    theirs.session.apply(AddIssue(row=2, issue=Issue("style/awkward-style", Severity.MINOR, "b")))
    theirs.save()
    pulled = side.read_bytes()
    ws.session.apply(SetState(row_list=(1,), state=State.APPROVED))
    article_before = path.read_bytes()
    with pytest.raises(SidecarChangedError) as info:
        ws.save()
    assert isinstance(info.value, ExternalChangeError)  # the window offers the same choices
    assert info.value.path == ws.sidecar_path
    assert ws.sidecar_path in str(info.value) and "Reload" in str(info.value)
    assert side.read_bytes() == pulled and path.read_bytes() == article_before
    assert ws.is_dirty
    ws.save(force=True)  # "overwrite"
    assert side.read_bytes() != pulled
    ws.session.apply(SetState(row_list=(3,), state=State.APPROVED))
    ws.save()  # our own write is the new baseline: no false alarm
    # Deleted behind our back, or created where there was none: also never silent.
    side.unlink()
    ws.session.apply(SetState(row_list=(4,), state=State.APPROVED))
    with pytest.raises(SidecarChangedError, match="deleted or moved"):
        ws.save()
    assert not side.exists()


def test_sidecar_created_on_disk_is_an_external_change(article: Path) -> None:
    path = article
    ws = open_article(str(path), user="ann")
    theirs = open_article(str(path), user="bob")
    theirs.session.apply(SetState(row_list=(2,), state=State.NEEDS_WORK))
    theirs.save()
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    with pytest.raises(SidecarChangedError, match="changed on disk"):
        ws.save()


def test_reload_after_sidecar_change_takes_their_review(article: Path) -> None:
    path = article
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    mine = edit(ws, 1, "48 uur", "twee dagen")
    theirs = open_article(str(path), user="bob")
    theirs.session.apply(AddIssue(row=2, issue=Issue("style/awkward-style", Severity.MINOR, "b")))
    theirs.save()
    with pytest.raises(SidecarChangedError):
        ws.save()
    ws.reload()  # "reload": their review data, our unsaved target edit re-applied
    assert [i.comment for i in ws.session.reviews[2].issues] == ["b"]
    assert ws.session.doc.pairs[1].target == mine
    assert any("Review data reloaded" in m for m in ws.load_messages)
    ws.save()  # no longer a conflict
    assert mine.encode() in path.read_bytes()
    assert b"awkward-style" in Path(ws.sidecar_path).read_bytes()


def test_reload_keeps_review_data_and_unsaved_edits(article: Path) -> None:
    path = article
    ws = open_article(str(path), user="ann")
    session = ws.session
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.session.apply(AddIssue(row=4, issue=Issue("accuracy/omission", Severity.MAJOR)))
    mine = edit(ws, 1, "48 uur", "twee dagen")
    edit(ws, 3, "Ga naar", "Open")  # this segment is also changed on disk: a conflict
    resets: list[int] = []
    session.reset_listeners.append(lambda: resets.append(1))
    # Another program changes two targets and a source.
    text = path.read_text(encoding="utf-8")
    t3 = session.doc.pairs[3].saved_target
    t5 = session.doc.pairs[5].target
    s4 = session.doc.pairs[4].source
    text = text.replace(t3, t3 + " (extern)").replace(t5, t5 + " (extern)")
    text = text.replace(s4, s4 + " More.")
    path.write_text(text, encoding="utf-8")
    ws.reload()
    assert ws.session is session and resets == [1]
    doc = ws.session.doc
    assert doc.pairs[1].target == mine and doc.pairs[1].is_modified
    assert doc.pairs[3].target == t3 + " (extern)"  # the disk wins where both changed
    assert doc.pairs[5].target == t5 + " (extern)"
    reviews = ws.session.reviews
    assert reviews[0].state is State.APPROVED
    assert reviews[4].source_changed and reviews[4].issues
    assert reviews[4].state is State.NEEDS_WORK
    text_msgs = " ".join(ws.load_messages)
    assert "1 unsaved target edits re-applied" in text_msgs
    assert "could not be re-applied" in text_msgs and "da2f2-106" in text_msgs
    assert "changed source since review" in text_msgs
    assert ws.disk_digest == digest(path.read_bytes()) and not ws.changed_on_disk()
    assert ws.is_dirty
    ws.save()
    assert mine.encode() in path.read_bytes()


def test_save_as_moves_article_and_sidecar(tmp_path: Path, article: Path) -> None:
    path = article
    before = path.read_bytes()
    ws = open_article(str(path), user="ann")
    new_target = edit(ws, 1, "48 uur", "twee dagen")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    target = tmp_path / "copy" / "renamed.md"
    target.parent.mkdir()
    ws.save_as(str(target))
    assert path.read_bytes() == before and not Path(str(path) + ".review.yaml").exists()
    assert new_target.encode() in target.read_bytes()
    assert ws.path == str(target) and ws.sidecar_path == str(target) + ".review.yaml"
    assert ws.session.doc.path == str(target) and not ws.is_dirty
    again = open_article(str(target))
    assert again.session.reviews[0].state is State.APPROVED
    assert again.session.reviews[1].original_target != new_target
    assert again.load_messages == []


def test_revision_tracks_apply_and_revert(article: Path) -> None:
    ws = open_article(str(article))
    start = ws.session.revision
    e = SetState(row_list=(0,), state=State.REVIEWED)
    ws.session.apply(e)
    ws.session.revert(e)
    assert ws.session.revision == start + 2
    assert ws.is_dirty  # conservative: undoing back still asks to save
    ws.save()
    assert not ws.is_dirty
