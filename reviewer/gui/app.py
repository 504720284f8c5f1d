"""Application start-up: arguments, the QApplication, and the offscreen screenshot mode."""

from __future__ import annotations

import argparse
import gc
import importlib
import linecache
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.core.config import Config
    from reviewer.gui.main_window import MainWindow


# The window's Qt-free modules, imported before PySide6: once PySide6.QtCore is loaded, its
# import hook (for ``from __feature__ import ...``) reads the source file of every module
# imported after it to see whether it names PySide6, ~0.2 ms a module, 20-40 ms for these.
BEFORE_QT = (
    "reviewer.core.check_prestart",
    "reviewer.core.workspace",
    "reviewer.core.review_policy",
    "reviewer.core.journal",
    "reviewer.core.journal_recovery",
    "reviewer.core.filtering",
    "reviewer.core.profiles",
    "reviewer.core.checks.spelling_messages",
    "reviewer.core.checks.terms",
    "reviewer.core.markup.whitespace",
    "getpass",
    "html",
)


def import_before_qt(project: bool = False) -> None:
    """BEFORE_QT; with ``project``, the project modules (a folder opens: an article's window
    makes them when a project is first opened). The check modules are not among them: an
    article's check settings resolve from their snapshot (core.check_catalog), and the window
    imports them after its first paint (_checks_after_first_paint)."""
    for name in BEFORE_QT:
        importlib.import_module(name)
    if project:
        importlib.import_module("reviewer.core.project")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    from reviewer import __version__

    parser = argparse.ArgumentParser(
        description="Review Dutch MT targets beside their English sources."
    )
    parser.add_argument(
        "file",
        nargs="?",
        help="an sxs-lookup Markdown article to open, or a folder to open as a project",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="open the bundled sample article (a copy in your data folder, so it can be saved)",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit"
    )
    parser.add_argument(
        "--size", default="1400x900", metavar="WxH", help="window size (default 1400x900)"
    )
    parser.add_argument(
        "--select",
        type=int,
        default=0,
        metavar="N",
        help="with --screenshot: segment number to select (default: first with findings)",
    )
    args = parser.parse_args(argv)
    if args.sample and args.file:
        parser.error("give a FILE or --sample, not both")
    return args


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        raise SystemExit(f"--size must look like 1400x900, not {text!r}") from None
    if w < 200 or h < 200:
        raise SystemExit("--size must be at least 200x200")
    return w, h


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size = _size(args.size)
    if args.sample:
        from reviewer.core.journal_files import data_dir
        from reviewer.resources import sample_copy

        args.file = str(sample_copy(data_dir() / "sample"))
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from reviewer import start_trace

    start_trace.mark("app-main")
    folder = bool(args.file) and os.path.isdir(args.file)
    import_before_qt(project=folder)
    start_trace.mark("core-imported")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    start_trace.mark("pyside6-imported")
    from reviewer.gui import language
    from reviewer.gui.main_window import APPLICATION, ORGANIZATION, MainWindow, app_settings

    _drop_read_sources()
    start_trace.mark("window-module-imported")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    start_trace.mark("qapplication")
    if start_trace.enabled():
        from reviewer.gui import paint_trace

        paint_trace.install(app)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Reviewer")
    app.setDesktopFileName("reviewer")  # Linux: matches reviewer.desktop (taskbar icon, Wayland)

    # Before the window is built: every string it shows is translated as it is made.
    language.install(app, language.chosen(app_settings()))
    config = _load_config()
    start_trace.mark("language-and-config")
    window = MainWindow(config=config)
    _checks_after_first_paint(window)
    window.resize(*size)
    start_trace.mark("window-built")
    if args.screenshot:
        gc.enable()
        return _screenshot(window, args.file, args.screenshot, size, args.select)

    if args.file:
        if folder:  # a project: the window shows first, then the list fills
            window.project.prepare()  # the project tab, made before the first paint
            window.show()
            QTimer.singleShot(0, lambda: window.project.open_path(args.file))
        else:
            # The window appears at once, named after the article it opens; the article is
            # read before the event loop first runs, so the first paint shows it whole.
            untitled = window.windowTitle()
            window.setWindowTitle(f"{os.path.basename(args.file)}[*] — Reviewer")
            window.show()
            start_trace.mark("shown")
            if not window.project.open_path(args.file):
                window.setWindowTitle(untitled)
            start_trace.mark("article-opened")
    else:
        window.show()
        QTimer.singleShot(0, lambda: _reopen_unsaved(window))
    _collect_after_first_paint(window)
    start_trace.mark("event-loop")
    return int(app.exec())


def _collect_after_first_paint(window: MainWindow) -> None:
    """launch.main turns the garbage collector off for the start-up: the ~80k objects it makes
    live as long as the window, and scanning them as they appear cost ~25 ms. They are frozen
    (never scanned) until the first paint, then handed back to the collector."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
    window.first_paint.connect(gc.unfreeze)


def _drop_read_sources() -> None:
    """PySide6's import hook reads each module imported after it with inspect.getsource, which
    keeps every line of the file in linecache: ~3 MB of the window's peak memory by its first
    paint, which nothing reads again (a traceback reads its lines anew)."""
    linecache.clearcache()


def _checks_after_first_paint(window: MainWindow) -> None:
    """Import the check modules on the GUI thread as the first paint is announced, before the
    checks runner or the term marks start a worker thread: a worker that imported them while
    another thread holds a lexicon or check-data lock (which a fork or a module's first use
    takes) could wait on that import's lock for ever."""
    from reviewer import start_trace
    from reviewer.core.checks import load_builtin_checks

    def load() -> None:
        load_builtin_checks()
        _drop_read_sources()
        start_trace.mark("check-modules-imported")

    window.first_paint.connect(load)


def _reopen_unsaved(window: MainWindow) -> None:
    """After a crash: reopen the article with unsaved work, which then offers to restore it."""
    from reviewer.gui.recovery import newest_pending

    entry = newest_pending()
    if entry is not None and window.workspace is None:
        window.open_path(entry.article)


def _load_config() -> Config | None:
    from reviewer.core.config import load_config
    from reviewer.core.errors import ReviewerError

    try:
        return load_config()
    except ReviewerError as exc:
        print(f"warning: {exc}; using defaults.", file=sys.stderr)
        return None


def _wait(condition: Callable[[], bool], timeout: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        QApplication.processEvents()
        time.sleep(0.01)


def _screenshot(
    window: MainWindow, path: str | None, out: str, size: tuple[int, int], select: int
) -> int:
    window.show()
    if path and not window.open_path(path):
        return 1
    done = {"checks": window.session is None}
    window.checks_finished.connect(lambda: done.__setitem__("checks", True))
    _wait(lambda: done["checks"], 30.0)
    if window.model is not None and window.model.rowCount():
        if select > 0:
            window.goto_source_row(select - 1)
        else:
            window.goto_source_row(0)
            window.nav.next_issue(True)
    _wait(lambda: False, 0.2)
    window.resize(*size)
    image = window.grab()
    if not image.save(out):
        print(f"error: could not write {out}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({image.width()}x{image.height()})")
    print(_icon_summary(window.windowIcon()))
    print(_language_summary())
    return 0


def _language_summary() -> str:
    """The window's language and the catalogs it found, so a packaged build can prove them."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QLocale

    from reviewer.gui import language

    app = QCoreApplication.instance()
    files = [Path(f).name for f in language.installed(app)] if app is not None else []
    return f"interface language: {QLocale().name()} ({', '.join(files) or 'no catalog'})"


def _icon_summary(icon: object) -> str:
    """What the window icon draws at 64 px, so a packaged build can prove it found its icon."""
    from PySide6.QtGui import QIcon

    assert isinstance(icon, QIcon)
    if icon.isNull():
        return "window icon: none"
    image = icon.pixmap(64, 64).toImage()
    w, h = image.width(), image.height()
    drawn = sum(1 for y in range(h) for x in range(w) if image.pixelColor(x, y).alpha() > 0)
    return f"window icon: {w}x{h}, {drawn} of {w * h} pixels drawn"
