"""Articles in awkward places: non-ASCII folders, spaces, long paths and a read-only share."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from reviewer.cli import EXIT_INPUT, EXIT_OK, common, main
from reviewer.cli.common import write_advice
from reviewer.core.edits import SetState, SetTarget
from reviewer.core.journal import Journal
from reviewer.core.pair_write import SaveError
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.corpus import SAMPLE, copy_corpus
from tests.paths import (
    FILE_NAME,
    KINDS,
    awkward_article,
    folder_state,
    read_only_mount,
    refuse_writes,
)

NAME_MAX = 255  # bytes in one file name on ext4, tmpfs and btrfs
# Windows and macOS count a name's length in UTF-16 units or characters, not bytes, and their
# PATH_MAX differs: the two tests that build names past the limits are written for Linux.
linux_limits = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux limits")


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


# -- non-ASCII, spaces, long paths: everything works as anywhere else ---------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_open_edit_save_reopen_and_journal(tmp_path: Path, kind: str) -> None:
    path = awkward_article(tmp_path, kind)
    if kind == "long":
        assert len(str(path)) > 260
    before = path.read_bytes()
    ws = open_article(str(path), user="ann")
    old = ws.session.doc.pairs[1].target
    ws.session.apply(SetTarget(row=1, new_target=old + " (nagekeken)"))
    ws.session.apply(SetState(row_list=(2,), state=State.APPROVED))
    journal = Journal(path, tmp_path / "data")
    journal.write(ws.session, ws.disk_digest)
    entry = journal.read()
    assert entry is not None and entry.article == str(path.resolve())
    ws.save()
    assert path.read_bytes() == before.replace(old.encode(), (old + " (nagekeken)").encode(), 1)
    assert Path(ws.sidecar_path) == path.parent / (FILE_NAME + ".review.yaml")
    again = open_article(str(path))
    assert again.session.reviews[2].state is State.APPROVED
    assert again.session.doc.pairs[1].target == old + " (nagekeken)"


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_on_an_awkward_folder(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = awkward_article(tmp_path, kind)
    folder = tmp_path / KINDS[kind][0]
    assert main(["verify", str(folder)]) == EXIT_OK
    assert "1 files, 11 pairs" in capsys.readouterr().out
    assert main(["check", "--fail-on", "never", str(folder)]) == EXIT_OK
    assert f"{path}:" in capsys.readouterr().out  # the name printed as it is, not mangled
    assert main(["approve", "--ids", "1f4c8-102", str(folder)]) == EXIT_OK
    assert "approved 1 segments in 1 files" in capsys.readouterr().out
    assert Path(str(path) + ".review.yaml").is_file()
    for out in ("issues café.csv", "issues café.xlsx", "rapport ü.html", "data é.json"):
        target = path.parent / out
        assert main(["export", str(folder), "-o", str(target)]) == EXIT_OK, out
        assert target.stat().st_size > 0
    assert main(["stats", "--format", "json", str(path)]) == EXIT_OK
    assert '"approved": 1' in capsys.readouterr().out


# -- names the file system cannot hold ---------------------------------------------------------
@linux_limits
def test_name_too_long_for_the_review_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The article fits in 255 bytes but article.md.review.yaml does not: say so, go on."""
    folder = tmp_path / "lang"
    folder.mkdir()
    stem = "é" * ((NAME_MAX - len(".md")) // 2)  # 252 bytes of UTF-8, 126 characters
    long_name = copy_corpus(folder, SAMPLE).rename(folder / f"{stem}.md")
    assert len(long_name.name.encode()) <= NAME_MAX < len(long_name.name.encode()) + 12
    fine = copy_corpus(folder)
    ws = open_article(str(long_name))  # no review file can exist: it opens with none
    ws.session.apply(SetState(row_list=(1,), state=State.APPROVED))
    with pytest.raises(SaveError, match="too long for this disk: use Save As with a shorter"):
        ws.save()
    before = folder_state(folder)
    assert main(["approve", "--ids", "1f4c8-102,da2f2-102", str(folder)]) == EXIT_INPUT
    out, err = capsys.readouterr()
    assert f"{long_name}: approvals not saved." in err
    assert "File name too long" in err and "rename the article" in err
    assert f"{fine}: approved 1 segments" in out  # the other file is still done
    assert "approved 1 segments in 1 files" in out
    assert folder_state(folder).keys() - before.keys() == {fine.name + ".review.yaml"}
    assert "Traceback" not in err


@linux_limits
def test_path_longer_than_the_system_allows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder tree deeper than PATH_MAX: skipped with a message, the rest still read."""
    copy_corpus(tmp_path)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(24):  # 24 x 201 characters: past Linux's 4,096-byte PATH_MAX
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    deep = os.path.join(str(tmp_path), *["d" * 200] * 24, "x.md")
    assert main(["verify", str(tmp_path)]) == EXIT_INPUT
    out, err = capsys.readouterr()
    assert "folder skipped, it cannot be listed: File name too long." in err
    assert out.strip().endswith("1 files, 9 pairs, 0 warnings, 1 failures")
    assert main(["check", deep]) == EXIT_INPUT
    assert "cannot be read: File name too long." in capsys.readouterr().err


def test_windows_long_path_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a path past 260 characters fails unless long paths are on: say that."""
    monkeypatch.setattr(common.sys, "platform", "win32")
    long_path = "C:\\Users\\ann\\" + "\\".join(["OfficeDocs-nl-NL"] * 16) + "\\a.md.review.yaml"
    text = write_advice(long_path, FileNotFoundError(errno.ENOENT, "No such file or directory"))
    assert "Windows limits paths to 260 characters" in text and "README" in text
    short = write_advice("C:\\a.md", OSError(errno.EROFS, "Read-only file system"))
    assert "read-only" in short and "260" not in short


# -- a read-only share: reading works, writing fails clearly and changes nothing -------------------
def _read_only_share_behaviour(share: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = sorted(share.glob("*.md"))
    before = folder_state(share)
    ws = open_article(str(articles[0]), user="ann")  # opens normally
    ws.session.apply(SetState(row_list=(1,), state=State.APPROVED))
    Journal(articles[0], data).write(ws.session, ws.disk_digest)  # unsaved work is still kept
    with pytest.raises(SaveError, match="read-only: use Save As") as caught:
        ws.save()
    assert caught.value.cause is not None and caught.value.cause.errno == errno.EROFS
    ws.save_as(str(data / "kopie.md"))  # a copy elsewhere saves
    assert (data / "kopie.md.review.yaml").is_file()

    assert main(["verify", str(share)]) == EXIT_OK
    assert main(["check", "--fail-on", "never", str(share)]) == EXIT_OK
    assert main(["stats", str(share)]) == EXIT_OK
    capsys.readouterr()
    assert main(["approve", "--clean", str(share)]) == EXIT_INPUT
    out, err = capsys.readouterr()
    for article in articles:  # each file reported, none stops the others
        assert f"{article}: approvals not saved." in err
    assert err.count("The disk or share is read-only: copy the files to a folder") == 2
    assert "approved 0 segments in 0 files" in out
    assert main(["export", str(share), "-o", str(share / "issues.csv")]) == EXIT_INPUT
    assert "issues.csv: cannot write it: Read-only file system." in capsys.readouterr().err
    assert folder_state(share) == before


def _share(tmp_path: Path) -> Path:
    share = tmp_path / "share é"
    share.mkdir()
    copy_corpus(share, SAMPLE)
    copy_corpus(share)
    return share


def test_read_only_share_mounted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    share = _share(tmp_path)
    with read_only_mount(share):
        _read_only_share_behaviour(share, tmp_path / "data", capsys)


def test_read_only_share_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same, with the file system's refusal forced: runs as any user on any system."""
    share = _share(tmp_path)
    refuse_writes(monkeypatch, share)
    _read_only_share_behaviour(share, tmp_path / "data", capsys)
