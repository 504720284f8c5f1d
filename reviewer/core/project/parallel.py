"""Work spread over the cores, with progress and cancellation, the same on every platform."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

T = TypeVar("T")
R = TypeVar("R")

# (done, total, what): called from the thread that runs the work, never from a worker process.
ProgressFn = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled a long project operation; what was finished is kept."""


class CancelToken:
    """Set from any thread (the window's Cancel button); long operations stop at the next step."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")


def cpu_count() -> int:
    """Cores this process may use (the affinity mask on Linux, not the machine's total)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """How worker processes start here.

    Linux forks (cheap, nothing to import again) when this process runs no other thread. A
    process with threads (the window: Qt's and our own) must not fork: a lock another thread
    held at the fork stays locked in the child forever. It uses the fork server instead, a
    clean process started once that forks the workers. macOS and Windows spawn fresh
    interpreters, their safe default (fork is unsafe with macOS system libraries).
    """
    if sys.platform.startswith("linux"):
        quiet = threading.active_count() == 1 and "PySide6" not in sys.modules
        return "fork" if quiet else "forkserver"
    return "spawn"


_WORKER_MODULE = "reviewer.core.project.worker"


def _pool(workers: int) -> Pool:
    import multiprocessing  # on first use: the window starts without it

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # The server imports the worker code once; each worker forks from it ready to run.
        context.set_forkserver_preload([_WORKER_MODULE])
    return context.Pool(workers)


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[k : k + size]) for k in range(0, len(items), size)]


def run_chunks(
    fn: Callable[[list[T]], R],
    chunks: list[list[T]],
    *,
    parallel: bool,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    what: str = "",
    workers: int | None = None,
) -> Iterator[tuple[list[T], R]]:
    """``fn`` over each chunk, in worker processes when ``parallel``, yielding (chunk, result)
    as they finish (in any order). Progress counts items; a cancel stops the pool at once and
    raises Cancelled, after the results already yielded."""
    total = sum(len(c) for c in chunks)
    done = 0
    if progress is not None:
        progress(0, total, what)
    n_workers = min(workers or cpu_count(), len(chunks))
    if not parallel or n_workers < 2:
        for chunk in chunks:
            if cancel is not None:
                cancel.check()
            result = fn(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total, what)
            yield chunk, result
        return
    pool = _pool(n_workers)
    try:
        by_index = dict(enumerate(chunks))
        jobs: Iterator[tuple[int, R]] = pool.imap_unordered(_Indexed(fn), list(by_index.items()))
        for k, result in jobs:
            chunk = by_index[k]
            done += len(chunk)
            if progress is not None:
                progress(done, total, what)
            yield chunk, result
            if cancel is not None:
                cancel.check()
        pool.close()
    finally:
        pool.terminate()  # a no-op after close when every job finished; stops them otherwise
        pool.join()


class _Indexed(Generic[T, R]):
    """Calls ``fn`` on a chunk and returns the chunk's index with the result (picklable)."""

    def __init__(self, fn: Callable[[list[T]], R]) -> None:
        self.fn = fn

    def __call__(self, item: tuple[int, list[T]]) -> tuple[int, R]:
        k, chunk = item
        return k, self.fn(chunk)
