"""Installing the Linux desktop entry and icon for the current user (XDG), and removing them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.resources import resource_path

ENTRY_NAME = "reviewer.desktop"
ICON_NAME = "reviewer"
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`=%")


class DesktopError(ReviewerError):
    """The desktop entry cannot be installed here; the text says why and what to do."""


@dataclass(frozen=True)
class Installed:
    entry: Path
    icon: Path
    command: Path


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG base directory default)."""
    raw = os.environ.get("XDG_DATA_HOME", "")
    return Path(raw) if os.path.isabs(raw) else Path.home() / ".local" / "share"


def gui_command() -> Path:
    """The installed reviewer-gui script beside this interpreter, else the one on PATH."""
    name = "reviewer-gui.exe" if sys.platform == "win32" else "reviewer-gui"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside.absolute()
    found = shutil.which("reviewer-gui")
    if found:
        return Path(found).absolute()
    raise DesktopError(
        "reviewer-gui is not installed, so a desktop entry would start nothing. "
        "Install the package first (pipx install . or pip install .), then run this again."
    )


def exec_quote(path: Path) -> str:
    """One Exec argument as the Desktop Entry spec wants it: quoted when it holds reserved chars."""
    text = str(path)
    if not any(ch in _EXEC_RESERVED for ch in text):
        return text
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in text)
    # The file's string escapes are undone before the quoting: each backslash is written twice.
    return ('"' + escaped.replace("%", "%%") + '"').replace("\\", "\\\\")


def desktop_entry(command: Path) -> str:
    """The shipped entry with Exec and TryExec pointing at ``command``."""
    lines = []
    template = resource_path("linux", ENTRY_NAME).read_text(encoding="utf-8")
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_quote(command)} %f"
        elif line.startswith("TryExec="):
            # TryExec is a path, not a command line: no quoting, but a newline would end it.
            line = "TryExec=" + str(command).replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)


def _refresh(folder: Path) -> None:
    """Let the desktop see the new MIME association now; harmless when the tool is missing."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(folder)], check=False, capture_output=True)


def _require_linux() -> None:
    if not sys.platform.startswith("linux"):
        raise DesktopError(
            "desktop entries are for Linux desktops. On Windows and macOS, associate .md files "
            "with reviewer-gui as the README describes (File association)."
        )


def install(base: Path | None = None, command: Path | None = None) -> Installed:
    """Write the entry to applications/ and the icon to the hicolor theme under ``base``."""
    _require_linux()
    base = base or data_home()
    command = command or gui_command()
    if "\n" in str(command):
        raise DesktopError(f"{command!r}: a path with a line break cannot go in a desktop entry.")
    entry = base / "applications" / ENTRY_NAME
    icon = base / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    try:
        _write(icon, resource_path("icons", "reviewer.svg").read_bytes())
        _write(entry, desktop_entry(command).encode("utf-8"))
    except OSError as exc:
        where = exc.filename or base
        raise DesktopError(
            f"{where}: cannot write the desktop entry: {exc.strerror}. "
            "Check that the folder is yours and writable, or set XDG_DATA_HOME."
        ) from None
    _refresh(entry.parent)
    return Installed(entry, icon, command)


def remove(base: Path | None = None) -> list[Path]:
    """Delete what install wrote; the paths that were there."""
    _require_linux()
    base = base or data_home()
    removed = []
    for path in (
        base / "applications" / ENTRY_NAME,
        base / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg",
    ):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopError(f"{path}: cannot remove it: {exc.strerror}.") from None
        removed.append(path)
    _refresh(base / "applications")
    return removed
