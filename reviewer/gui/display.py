"""Checks, before Qt starts, that the X11 (xcb) platform can load, and says what to install."""

from __future__ import annotations

import ctypes
import os
import sys

# Libraries Qt's xcb platform plugin loads, with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """True when Qt would pick its X11 platform: Linux, an X display, no other platform asked."""
    if not sys.platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_packages() -> list[str]:
    """Debian packages whose libraries the xcb plugin needs but the loader cannot find."""
    missing: list[str] = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def xcb_problem() -> str | None:
    """A message telling the user what to install, or None when the window can start."""
    if not uses_xcb():
        return None
    packages = missing_xcb_packages()
    if not packages:
        return None
    return (
        "The window needs system libraries that Qt's X11 platform loads, and these are missing: "
        + ", ".join(packages)
        + ".\nInstall them (Debian/Ubuntu) with:\n  sudo apt-get install "
        + " ".join(packages)
        + "\nThen run the same command again."
    )
