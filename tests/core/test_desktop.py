"""The Linux desktop entry: valid, pointing at reviewer-gui, installed and removed per user."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer import desktop
from reviewer.cli import EXIT_INPUT, EXIT_OK, main
from reviewer.resources import resource_path

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktops")


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return  # CI installs desktop-utils; the key checks below run everywhere
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    errors = [ln for ln in result.stdout.splitlines() if ": error:" in ln]
    assert result.returncode == 0 and not errors, result.stdout


def test_shipped_entry_is_valid() -> None:
    path = resource_path("linux", desktop.ENTRY_NAME)
    entry = _entry(path.read_text(encoding="utf-8"))
    assert entry["Type"] == "Application" and entry["Exec"] == "reviewer-gui %f"
    assert entry["Icon"] == desktop.ICON_NAME and entry["Terminal"] == "false"
    assert "text/markdown;" in entry["MimeType"]
    assert resource_path("icons", f"{desktop.ICON_NAME}.svg").is_file()
    _validate(path)


@pytest.mark.parametrize(
    ("command", "exec_line"),
    [
        ("/opt/reviewer/bin/reviewer-gui", "/opt/reviewer/bin/reviewer-gui %f"),
        ("/home/ann/my apps/reviewer-gui", '"/home/ann/my apps/reviewer-gui" %f'),
        # Quoting escapes $ and ", then the file's own escaping doubles every backslash.
        ('/home/a"b/$x/reviewer-gui', '"/home/a\\\\"b/\\\\$x/reviewer-gui" %f'),
        ("/home/ann/100%/reviewer-gui", '"/home/ann/100%%/reviewer-gui" %f'),
    ],
)
def test_exec_line_is_quoted_as_the_spec_asks(command: str, exec_line: str) -> None:
    entry = _entry(desktop.desktop_entry(Path(command)))
    assert entry["Exec"] == exec_line
    assert entry["TryExec"] == command.replace("\\", "\\\\")


@linux_only
def test_install_and_remove_for_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "data home é"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    bin_dir = tmp_path / "venv met spatie" / "bin"
    bin_dir.mkdir(parents=True)
    gui = bin_dir / "reviewer-gui"
    gui.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    assert main(["install-desktop"]) == EXIT_OK
    out = capsys.readouterr().out
    entry_path = home / "applications" / "reviewer.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "reviewer.svg"
    assert f"wrote {entry_path}" in out and f"Reviewer now starts {gui}" in out
    entry = _entry(entry_path.read_text(encoding="utf-8"))
    assert entry["Exec"] == f'"{gui}" %f'
    assert icon.read_bytes() == resource_path("icons", "reviewer.svg").read_bytes()
    _validate(entry_path)
    assert main(["install-desktop", "--remove"]) == EXIT_OK
    assert not entry_path.exists() and not icon.exists()
    assert "removed" in capsys.readouterr().out


@linux_only
def test_install_without_reviewer_gui_or_into_a_read_only_home_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    assert main(["install-desktop"]) == EXIT_INPUT
    assert "reviewer-gui is not installed" in capsys.readouterr().err
    blocked = tmp_path / "file, not a folder"
    blocked.write_text("")
    with pytest.raises(desktop.DesktopError, match="cannot write the desktop entry"):
        desktop.install(base=blocked, command=tmp_path / "reviewer-gui")


def test_other_systems_are_pointed_to_the_readme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "win32")
    with pytest.raises(desktop.DesktopError, match="README"):
        desktop.install()
