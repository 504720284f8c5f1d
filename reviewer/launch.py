"""Start the window safely: answer --help/--version and refuse a missing display before Qt loads."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from reviewer import start_trace

start_trace.mark("interpreter-ready")


def _no_display(argv: Sequence[str]) -> bool:
    """True on Linux with no display, no platform override and no offscreen screenshot asked."""
    if not sys.platform.startswith("linux"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not _wants_screenshot(argv)


def _wants_screenshot(argv: Sequence[str]) -> bool:
    return any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv)


def _shown_interpreter() -> str:
    """The interpreter as a user should type it: relative when it lives in this folder (.venv)."""
    exe = sys.executable or "python3"
    rel = os.path.relpath(exe)
    return rel if not rel.startswith("..") else exe


def _no_display_message(argv: Sequence[str], from_source: bool) -> str:
    name = " ".join(argv) or "FILE"
    if from_source:  # python main.py in a clone
        command = f"{_shown_interpreter()} main.py {name}"
        examples = f"  xvfb-run -a make run\n  xvfb-run -a {command}\n"
    else:  # the installed reviewer-gui command
        command = f"reviewer-gui {name}"
        examples = f"  xvfb-run -a {command}\n"
    return (
        "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open.\n"
        "Run it under a virtual display (Debian/Ubuntu: sudo apt-get install xvfb), e.g.:\n"
        f"{examples}"
        "or render a screenshot offscreen:\n"
        f"  {command} --screenshot window.png"
    )


def main(argv: Sequence[str] | None = None, from_source: bool = False) -> int:
    """The reviewer-gui command (and main.py): checks that need no Qt, then the window."""
    # Off until the window's first paint (app.main): start-up objects live as long as the window.
    gc.disable()
    args = list(sys.argv[1:] if argv is None else argv)
    from reviewer.gui.app import parse_args

    options = parse_args(args)  # --help, --version and usage errors answer before any display check
    if _no_display(args):
        print(_no_display_message(args, from_source), file=sys.stderr)
        return 1
    from reviewer.gui.display import xcb_problem

    problem = None if _wants_screenshot(args) else xcb_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if options.file:
        # Before Qt loads (a fork is safe while no other thread runs): the article is checked
        # on the second core while the window is built.
        from reviewer.core.check_prestart import prestart

        prestart(options.file)
        start_trace.mark("check-child-forked")
    from reviewer.gui.app import main as gui_main

    return gui_main(args)
