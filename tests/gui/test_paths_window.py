"""The window on articles in awkward places, and the packaged start-up (--sample, icon)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reviewer.gui import dialogs
from reviewer.gui.main_window import MainWindow
from reviewer.resources import SAMPLE_ARTICLE, resource_path
from tests.corpus import SAMPLE, copy_corpus
from tests.gui.gui_helpers import ROOT, load
from tests.paths import (
    FILE_NAME,
    KINDS,
    awkward_article,
    folder_state,
    read_only_mount,
    refuse_writes,
)


class Shown:
    """Records the window's messages; any question the test did not expect fails it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, save_as: Path | None = None) -> None:
        self.errors: list[tuple[str, str]] = []
        monkeypatch.setattr(dialogs, "show_error", lambda parent, t, x: self.errors.append((t, x)))
        monkeypatch.setattr(
            dialogs, "ask_save_path", lambda *a: (str(save_as) if save_as else "", "")
        )
        for name in ("show_warning", "confirm", "ask_unsaved", "ask_external_change"):
            monkeypatch.setattr(dialogs, name, _unexpected(name))


def _unexpected(name: str):  # type: ignore[no-untyped-def]
    def fail(*args: object) -> None:
        raise AssertionError(f"unexpected {name}: {args[1:]!r}")

    return fail


@pytest.mark.parametrize("kind", KINDS)
def test_window_opens_edits_and_saves_in_an_awkward_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:  # type: ignore[no-untyped-def]
    path = awkward_article(tmp_path / "articles", kind)
    shown = Shown(monkeypatch)
    load(qtbot, window, path)
    assert FILE_NAME in window.windowTitle()
    assert window.model is not None and window.model.rowCount() == 11
    new = window.session.doc.pairs[1].target + " (nagekeken)"
    window.review.set_target(1, new)
    assert window.save()
    assert shown.errors == []
    assert new.encode() in path.read_bytes()
    assert Path(str(path) + ".review.yaml").is_file()
    assert window.files.recent_files()[0] == str(path)


def _read_only_share(
    qtbot, window: MainWindow, share: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = share / SAMPLE
    before = folder_state(share)
    shown = Shown(monkeypatch, save_as=elsewhere / "kopie é.md")
    load(qtbot, window, path)
    assert shown.errors == []  # a read-only share opens like any folder
    new = window.session.doc.pairs[1].target + " (nagekeken)"
    window.review.set_target(1, new)
    assert not window.save()
    ((title, text),) = shown.errors
    assert title == "Save failed"
    assert str(path) in text and "read-only: use Save As" in text
    assert window.isWindowModified() and folder_state(share) == before
    assert window.files.save_as()  # File > Save As to a folder of the user's keeps the work
    assert new.encode() in (elsewhere / "kopie é.md").read_bytes()
    assert not window.isWindowModified()
    assert folder_state(share) == before


def _share(tmp_path: Path) -> tuple[Path, Path]:
    share, elsewhere = tmp_path / "gedeelde map", tmp_path / "eigen map"
    share.mkdir()
    elsewhere.mkdir()
    copy_corpus(share, SAMPLE)
    return share, elsewhere


def test_window_on_a_read_only_share_mounted(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    share, elsewhere = _share(tmp_path)
    with read_only_mount(share):
        _read_only_share(qtbot, window, share, elsewhere, monkeypatch)


def test_window_on_a_read_only_share_forced(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    share, elsewhere = _share(tmp_path)
    refuse_writes(monkeypatch, share)
    _read_only_share(qtbot, window, share, elsewhere, monkeypatch)


# -- start-up as installed: --sample and the icon ------------------------------------------------
def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, REVIEWER_DATA_DIR=str(tmp_path / "data"))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )


def test_sample_screenshot_shows_the_window_with_its_icon(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = _run([str(ROOT / "main.py"), "--sample", "--screenshot", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    drawn = re.search(r"^window icon: 64x64, (\d+) of 4096 pixels drawn$", result.stdout, re.M)
    assert drawn and int(drawn.group(1)) > 1000, result.stdout  # the real icon, not a blank
    assert QImage(str(out)).size().width() == 1400
    # The window worked on a copy in the data folder: saving never writes into the install.
    copy = tmp_path / "data" / "sample" / Path(SAMPLE_ARTICLE).name
    assert copy.read_bytes() == resource_path(SAMPLE_ARTICLE).read_bytes()


def test_sample_and_file_together_is_a_usage_error(tmp_path: Path) -> None:
    result = _run([str(ROOT / "main.py"), "--sample", "x.md"], tmp_path)
    assert result.returncode == 2
    assert "give a FILE or --sample, not both" in result.stderr
    version = _run(["-m", "reviewer", "--version"], tmp_path)
    assert version.stdout.startswith("reviewer ")
    assert _run([str(ROOT / "main.py"), "--version"], tmp_path).stdout == version.stdout
