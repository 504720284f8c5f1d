"""Launch the review window: python main.py [FILE] [--screenshot OUT.png] [--size 1400x900]."""

from __future__ import annotations

import os
import sys


def _no_display(argv: list[str]) -> bool:
    """True on Linux with no display, no platform override and no offscreen screenshot asked."""
    if not sys.platform.startswith("linux"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not _wants_screenshot(argv)


def _wants_screenshot(argv: list[str]) -> bool:
    return any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv)


def _shown_interpreter() -> str:
    """The interpreter as a user should type it: relative when it lives in this folder (.venv)."""
    exe = sys.executable or "python3"
    rel = os.path.relpath(exe)
    return rel if not rel.startswith("..") else exe


def main() -> int:
    argv = sys.argv[1:]
    if any(a in ("-h", "--help") for a in argv):
        from reviewer.gui.app import parse_args

        parse_args(argv)
        return 0
    if _no_display(argv):
        name = " ".join(argv) or "FILE"
        python = _shown_interpreter()
        print(
            "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open.\n"
            "Run it under a virtual display (Debian/Ubuntu: sudo apt-get install xvfb), e.g.:\n"
            "  xvfb-run -a make run\n"
            f"  xvfb-run -a {python} main.py {name}\n"
            "or render a screenshot offscreen:\n"
            f"  {python} main.py {name} --screenshot window.png",
            file=sys.stderr,
        )
        return 1
    from reviewer.gui.display import xcb_problem

    problem = None if _wants_screenshot(argv) else xcb_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from reviewer.gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
