"""Running the automatic checks off the GUI thread: a forked worker on Linux, else a thread."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import threading
from collections.abc import Callable

from reviewer.core import scoring
from reviewer.core.checks import CheckConfig, Finding, load_builtin_checks, run_checks
from reviewer.core.format import Document
from reviewer.gui import check_data

Result = tuple[list[Finding] | None, int | None]  # findings (None: the run failed), word count


def compute(doc: Document, config: CheckConfig, want_words: bool) -> Result:
    findings = run_checks([doc], config)
    words = sum(scoring.count_words(p.source) for p in doc.pairs) if want_words else None
    return findings, words


def start(
    doc: Document, config: CheckConfig, want_words: bool, done: Callable[[Result], None]
) -> threading.Thread:
    """Compute checks and word count for ``doc``; ``done`` is called on a worker thread.

    A thread alone would hold the GIL for seconds on a big article and make typing sluggish,
    so on Linux a forked child (which shares the parsed document copy-on-write) does the work
    and pipes the pickled result back; the thread here only waits on the pipe.
    """
    use_fork = sys.platform.startswith("linux") and hasattr(os, "fork")
    load_builtin_checks()  # here, once, rather than in every forked child

    def in_thread() -> None:
        result: Result = (None, None)
        try:
            check_data.preload(config)  # in this process, so no forked child loads it again
            result = (
                _forked(doc, config, want_words) if use_fork else compute(doc, config, want_words)
            )
        finally:
            done(result)

    thread = threading.Thread(target=in_thread, name="checks", daemon=True)
    thread.start()
    return thread


def _forked(doc: Document, config: CheckConfig, want_words: bool) -> Result:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child process
        status = 1
        # No collection in the child: freeing a Qt wrapper here could wait forever on a lock
        # that another thread of the parent held at the moment of the fork.
        gc.disable()
        try:
            os.close(read_fd)
            data = pickle.dumps(compute(doc, config, want_words), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)
    chunks: list[bytes] = []
    with os.fdopen(read_fd, "rb") as pipe:
        while chunk := pipe.read(1 << 20):
            chunks.append(chunk)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    if not chunks:
        return compute(doc, config, want_words)  # the child failed: do it here after all
    result: Result = pickle.loads(b"".join(chunks))
    return result
