"""Checks started with the program: a child forked before the window exists reads the article
and checks it while the window is built, on the second core.

``prestart(path)`` is called by the launcher before Qt is imported (a fork is safe then: no
other thread runs). The child reads and parses the article on its own, works out the check
settings the window will use, loads the checks' data and waits to hear which rows the window
shows; it checks those first and the rest after (check_jobs.run). The window takes the job
with ``take(path)`` when it opens that article, tells it the rows in view and when it has
painted, and reads its messages; the job's first message names the settings and the
article's digest, and a window that opened anything else (another text, other settings)
drops the job and checks as usual.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reviewer.core import check_cache, check_jobs
from reviewer.core.check_jobs import Done, Message

# Imported before the fork, not in the child: the window process needs it before its first
# paint as well, and the child then starts without importing it a second time.
from reviewer.core.config import Config, config_for_article, load_config

WAIT_FOR_ROWS_S = 3.0  # a window that never says which rows show: check from the top
FIRST_ROWS = 60  # rows checked first when the window did not say


@dataclass
class EarlyJob:
    """The parent's end of a job started with the program."""

    article: str  # absolute path
    pid: int
    read_fd: int
    control_fd: int
    _finished: bool = False

    def tell(self, *message: object) -> None:
        """("rows", [row, ...]) or ("painted",): the child reads it when it is ready."""
        with contextlib.suppress(OSError):
            check_jobs.send_frame(self.control_fd, message)

    def messages(self, key: str, digest: str) -> Iterator[Message]:
        """The job's messages, if it checks this very text with these settings (else none:
        the job is stopped). Blocks: read on a worker thread."""
        done = False
        try:
            head = check_jobs.receive_frame(self.read_fd)
            if head != ("job", key, digest):
                return
            while (message := check_jobs.receive(self.read_fd)) is not None:
                done = isinstance(message, Done)
                yield message
                if done:
                    return
        finally:
            self.close(stored=done)

    def close(self, stored: bool = False) -> None:
        """Stop listening; a child still checking is stopped (its work is not wanted).
        ``stored``: it sent everything and only stores the results for the next open now:
        wait for that (on the worker thread that read them) instead of stopping it."""
        if self._finished:
            return
        self._finished = True
        for fd in (self.read_fd, self.control_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            pid, _ = os.waitpid(self.pid, 0 if stored else os.WNOHANG)
            if pid == 0:  # still running: it has nobody to tell; stop it and reap it
                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)


_jobs: dict[str, EarlyJob] = {}


def prestart(path: str) -> None:
    """Start checking ``path`` in a forked child (Linux; no-op elsewhere or on failure)."""
    if not check_jobs.can_fork() or not os.path.isfile(path):
        return
    try:
        read_fd, write_fd = os.pipe()
        control_read, control_write = os.pipe()
        pid = os.fork()
    except OSError:
        return
    if pid == 0:  # pragma: no cover - runs in the child process
        if not gc.isenabled():  # the launcher's start-up: collect again, never what was inherited
            gc.freeze()
            gc.enable()
        os.close(read_fd)
        os.close(control_write)
        check_jobs.child_main(write_fd, _child(path, control_read, write_fd))
    os.close(write_fd)
    os.close(control_read)
    article = os.path.abspath(path)
    _jobs[article] = EarlyJob(article, pid, read_fd, control_write)


def take(path: str) -> EarlyJob | None:
    """The job started for ``path``, once; every other one is stopped."""
    job = _jobs.pop(os.path.abspath(path), None)
    for other in _jobs.values():
        other.close()
    _jobs.clear()
    return job


def _child(path: str, control: int, out: int) -> Iterator[Message]:  # pragma: no cover - child
    from reviewer.core.checks import lexicon, preload
    from reviewer.core.errors import ReviewerError
    from reviewer.core.fileio import digest, read_bytes
    from reviewer.core.format import parse

    lexicon.defer_dictionary()  # with the verdicts of earlier runs it may never be needed
    try:
        user = load_config()
    except ReviewerError:
        user = Config()
    try:
        config = config_for_article(path, user)
    except ReviewerError:
        config = user
    try:
        data = read_bytes(path)
        doc = parse(data, path)
    except (ReviewerError, MemoryError):
        return  # the window says what is wrong with the file
    doc.release_bytes()
    language = config.language_settings()
    check_config = config.check_config()
    key = check_cache.fingerprint(check_config, language)
    article_digest = digest(data)
    del data
    check_jobs.send_frame(out, ("job", key, article_digest))
    request = check_jobs.Request(
        article=path,
        doc=doc,
        config=check_config,
        key=key,
        digest=article_digest,
        language=language,
    )
    listener = _Listener(control)
    if check_cache.load(path, key, article_digest) is None:
        # Load the dictionaries and tables while the window is built, then hear its rows.
        lexicon.configure(language)
        preload(check_config)
        request.first = listener.rows(len(doc.pairs))
    yield from check_jobs.run(request, split=listener.painted)


class _Listener:
    """The child's end of the control pipe: the rows in view, then word of the first paint."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._painted = False
        self._rows: list[int] | None = None

    def _read(self, timeout: float) -> bool:
        """Read one message if one comes within ``timeout``; False when none did."""
        try:
            ready, _, _ = select.select([self.fd], [], [], timeout)
        except (OSError, ValueError):
            return False
        if not ready:
            return False
        message = check_jobs.receive_frame(self.fd)
        if not isinstance(message, tuple) or not message:
            self._painted = True  # the window is gone or said nothing useful: go on alone
            return False
        if message[0] == "rows" and len(message) == 2 and isinstance(message[1], list):
            self._rows = [r for r in message[1] if isinstance(r, int)]
        elif message[0] == "painted":
            self._painted = True
        return True

    def rows(self, count: int) -> Sequence[int]:
        while self._rows is None and self._read(WAIT_FOR_ROWS_S):
            pass
        if self._rows is None:
            return range(min(count, FIRST_ROWS))
        return self._rows

    def painted(self) -> bool:
        """True once the window painted: a helper on the second core no longer slows it."""
        while not self._painted and self._read(0):
            pass
        return self._painted
