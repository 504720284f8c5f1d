"""Saving through symbolic links, keeping hard links whole, and keeping the file's owner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reviewer.core.fileio as fileio
from reviewer.core.edits import SetState, SetTarget
from reviewer.core.fileio import atomic_write
from reviewer.core.segments import State
from reviewer.core.workspace import Workspace, open_article
from tests.corpus import copy_corpus

needs_links = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no links here")


def edit_and_save(ws: Workspace) -> str:
    target = ws.session.doc.pairs[1].target.replace("48 uur", "twee dagen")
    ws.session.apply(SetTarget(row=1, new_target=target))
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.save()
    return target


@needs_links
def test_a_symlinked_article_and_sidecar_are_written_through(tmp_path: Path) -> None:
    real = tmp_path / "repo"
    real.mkdir()
    target = copy_corpus(real)
    (real / "review").mkdir()
    real_side = real / "review" / "side.yaml"
    real_side.write_text("")  # the review data lives elsewhere too, linked in
    work = tmp_path / "work"
    work.mkdir()
    link = work / "article.md"
    link.symlink_to(target)
    side_link = work / "article.md.review.yaml"
    side_link.symlink_to(real_side)
    real_side.unlink()  # a dangling link: the first save creates its target

    ws = open_article(str(link), user="ann")
    new = edit_and_save(ws)
    assert link.is_symlink() and side_link.is_symlink()  # links left as they are
    assert new.encode() in target.read_bytes()  # the real file has the edit
    assert b"approved" in real_side.read_bytes()
    assert sorted(os.listdir(work)) == ["article.md", "article.md.review.yaml"]
    assert sorted(os.listdir(real)) == ["change-nameservers.md", "review"]  # no temp left
    assert open_article(str(link)).session.reviews[0].state is State.APPROVED


@needs_links
def test_a_hard_linked_article_stays_one_file(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path)
    other = tmp_path / "other-name.md"
    os.link(path, other)
    inode = path.stat().st_ino
    ws = open_article(str(path), user="ann")
    new = edit_and_save(ws)
    assert path.stat().st_ino == inode == other.stat().st_ino
    assert path.stat().st_nlink == 2
    assert new.encode() in other.read_bytes()
    assert sorted(os.listdir(tmp_path)) == [
        "change-nameservers.md",
        "change-nameservers.md.review.yaml",
        "other-name.md",
    ]


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root")
def test_saving_as_root_keeps_the_owner(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path)
    os.chown(path, 4321, 4322)
    ws = open_article(str(path), user="ann")
    edit_and_save(ws)
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (4321, 4322)
    assert ws.save_notes == []


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners here")
def test_when_the_owner_cannot_be_given_the_file_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user who may write the file but not give a new one away (forced, so root runs it)."""
    path = tmp_path / "shared.md"
    path.write_bytes(b"old text\n")
    before = path.stat()
    monkeypatch.setattr(fileio, "_give_owner", lambda tmp, st: False)
    assert atomic_write(path, b"new text\n") == []
    after = path.stat()
    assert path.read_bytes() == b"new text\n"
    assert after.st_ino == before.st_ino and after.st_uid == before.st_uid
    assert sorted(os.listdir(tmp_path)) == ["shared.md"]


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners here")
def test_when_nothing_keeps_the_owner_the_user_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_corpus(tmp_path)
    monkeypatch.setattr(fileio, "_give_owner", lambda tmp, st: False)
    monkeypatch.setattr(fileio.os, "access", lambda *a, **k: False)
    ws = open_article(str(path), user="ann")
    edit_and_save(ws)
    assert any("now belongs to you" in n and str(path) in n for n in ws.save_notes)


def test_a_failed_in_place_write_is_staged_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hard-linked file is only touched once the new bytes are safely on disk in a temp."""
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    os.link(path, tmp_path / "b.md")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full)
    with pytest.raises(OSError):
        atomic_write(path, b"new bytes")
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md"]


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners here")
@pytest.mark.parametrize("command", ["import", "approve", "replace"])
def test_every_writing_command_says_what_a_save_could_not_keep(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_user_config: None,
    command: str,
) -> None:
    from reviewer.cli import main
    from reviewer.core.xliff import export_xliff

    folder = tmp_path / "articles"
    folder.mkdir()
    path = copy_corpus(folder)
    session = open_article(str(path)).session
    pair = session.doc.pairs[2]
    if command == "import":
        xlf = tmp_path / "fix.xlf"
        export_xliff([session], str(xlf), raw=True)
        xlf.write_bytes(xlf.read_bytes().replace(pair.target.encode(), b"Nieuw doel.", 1))
        argv = ["import", str(path), str(xlf)]
    elif command == "approve":
        # approve writes only the review file: one that exists, whose owner is to be kept
        ws = open_article(str(path), user="bob")
        ws.session.apply(SetState(row_list=(1,), state=State.APPROVED))
        ws.save()
        argv = ["approve", str(folder), "--ids", pair.id, "--no-cache"]
    else:
        word = pair.target.split()[0]
        argv = ["replace", str(folder), "--find", word, "--replace", word + "x", "--no-cache"]
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(fileio, "_give_owner", lambda tmp, st: False)
    monkeypatch.setattr(fileio.os, "access", lambda *a, **k: False)
    assert main(["--user", "ann", *argv]) in (0, 1)
    err = capsys.readouterr().err
    assert "reviewer: note: " in err and "now belongs to you" in err, err
