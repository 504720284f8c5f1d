"""ExternalChangeWatcher: real changes are reported once, touches and our own saves are not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reviewer.core.fileio import atomic_write, digest
from reviewer.gui.watcher import ExternalChangeWatcher
from tests.gui.gui_helpers import SAMPLE, copy_corpus

QUIET_MS = 450  # long enough for a file event plus the debounce to arrive, if one were coming


@pytest.fixture
def watched(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = copy_corpus(tmp_path, SAMPLE)
    watcher = ExternalChangeWatcher(debounce_ms=30)
    changes: list[str] = []
    removals: list[str] = []
    watcher.changed.connect(changes.append)
    watcher.removed.connect(removals.append)
    watcher.watch(str(path), digest(path.read_bytes()))
    yield watcher, path, changes, removals
    watcher.unwatch()
    watcher.deleteLater()


def test_external_write_is_reported(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    _, path, changes, _ = watched
    with path.open("ab") as fh:
        fh.write(b"\nedited elsewhere\n")
    qtbot.waitUntil(lambda: changes == [str(path)], timeout=3000)
    qtbot.wait(QUIET_MS)
    assert changes == [str(path)]  # once, not once per event


def test_touch_or_same_bytes_is_not_reported(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    _, path, changes, removals = watched
    data = path.read_bytes()
    os.utime(path)
    path.write_bytes(data)
    atomic_write(path, data)  # an editor "saving" without a change
    qtbot.wait(QUIET_MS)
    assert changes == []
    assert removals == []


def test_atomic_replaces_are_followed(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    watcher, path, changes, _ = watched
    inode = path.stat().st_ino
    atomic_write(path, path.read_bytes() + b"\nfirst replace\n")
    assert path.stat().st_ino != inode  # a new file under the old name
    qtbot.waitUntil(lambda: len(changes) == 1, timeout=3000)
    # The watch moved to the new inode: a second replace is seen too.
    qtbot.waitUntil(lambda: str(path) in watcher._fs.files(), timeout=3000)
    atomic_write(path, path.read_bytes() + b"\nsecond replace\n")
    qtbot.waitUntil(lambda: len(changes) == 2, timeout=3000)


def test_our_own_save_is_not_reported(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    watcher, path, changes, _ = watched
    new = path.read_bytes().replace(b"Uw Office 365", b"Je Office 365", 1)
    watcher.set_known_digest(digest(new))  # what Workspace.save is about to write
    atomic_write(path, new)
    qtbot.wait(QUIET_MS)
    assert changes == []
    # ...but the next foreign change still is.
    atomic_write(path, new + b"\nforeign\n")
    qtbot.waitUntil(lambda: changes == [str(path)], timeout=3000)


def test_focus_check_finds_a_change_the_watcher_missed(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    watcher, path, changes, _ = watched
    watcher.unwatch()  # as if the file system sent nothing (network drive, sleep)
    watcher.path = str(path)
    watcher.known_digest = digest(path.read_bytes())
    path.write_bytes(path.read_bytes() + b"\nchanged while away\n")
    qtbot.wait(QUIET_MS)
    assert changes == []
    app = QGuiApplication.instance()
    assert app is not None
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert changes == [str(path)]
    # Coming back again with the same bytes on disk does not nag twice.
    watcher.on_application_state(Qt.ApplicationState.ApplicationActive)
    watcher.on_application_state(Qt.ApplicationState.ApplicationInactive)
    assert changes == [str(path)]


def test_focus_with_unchanged_file_reports_nothing(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    watcher, _, changes, removals = watched
    watcher.on_application_state(Qt.ApplicationState.ApplicationActive)
    assert not watcher.check_now()
    assert changes == [] and removals == []


def test_deleted_then_restored(qtbot, watched) -> None:  # type: ignore[no-untyped-def]
    _, path, changes, removals = watched
    data = path.read_bytes()
    path.unlink()
    qtbot.waitUntil(lambda: removals == [str(path)], timeout=3000)
    path.write_bytes(data + b"\nback, but different\n")
    qtbot.waitUntil(lambda: changes == [str(path)], timeout=3000)
    assert removals == [str(path)]


def test_a_new_article_replaces_the_old_watch(qtbot, watched, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    watcher, path, changes, _ = watched
    other = tmp_path / "other" / "b.md"
    other.parent.mkdir()
    other.write_bytes(b"no pairs\n")
    watcher.watch(str(other), digest(b"no pairs\n"))
    assert str(path) not in watcher._fs.files()
    path.write_bytes(b"old article changed\n")
    qtbot.wait(QUIET_MS)
    assert changes == []
    other.write_bytes(b"changed\n")
    qtbot.waitUntil(lambda: changes == [str(other)], timeout=3000)
