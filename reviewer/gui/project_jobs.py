"""The project's worker thread: its slow work runs there, one job at a time, with progress."""

from __future__ import annotations

import contextlib
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from reviewer.core.forking import PROJECT_JOB, fork_safe
from reviewer.core.project import Cancelled, CancelToken, ProgressFn

Work = Callable[[ProgressFn, CancelToken], Any]

# Held while a job may run check code in this process (a few articles are checked here, not in
# worker processes). The window forks a child for its own article's checks (background.py):
# forking while this thread holds a lock of the checks (a glossary or dictionary being loaded)
# would leave that lock held forever in the child, so a fork waits for this guard first.
# Re-entrant: a fork from this very thread must not wait on itself. Taken before the locks of
# the check data (core/forking.py), which a job holding this guard may take.
IN_PROCESS = fork_safe(threading.RLock(), PROJECT_JOB)


@dataclass(eq=False)
class Job:
    """One piece of project work: ``work(progress, cancel)`` runs on the worker thread; ``done``
    (its result), ``failed`` (the exception) or ``cancelled`` then run on the GUI thread."""

    label: str
    work: Work
    done: Callable[[Any], None] | None = None
    failed: Callable[[BaseException], None] | None = None
    cancelled: Callable[[], None] | None = None
    cancellable: bool = True
    in_process: bool = False  # may run check code in this process (see IN_PROCESS)
    token: CancelToken = field(default_factory=CancelToken)


class _Relay(QObject):
    """Carries the worker's news to the GUI thread; parentless, so a window closed while a job
    runs cannot delete it under the worker."""

    progress = Signal(object, int, int, str)  # job, done, total, what
    finished = Signal(object, object, object)  # job, result, exception (None: it went well)


def _reporter(relay: _Relay, job: Job) -> ProgressFn:
    def report(done: int, total: int, what: str) -> None:
        relay.progress.emit(job, done, total, what)

    return report


class JobRunner(QObject):
    """Runs jobs in order on one thread, the only thread that changes the project; the GUI
    thread reads what a job hands back (rows, hits) and never waits for one."""

    progress = Signal(str, int, int, bool)  # what, done, total, cancellable
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._pending: list[Job] = []  # queued and running, in order
        self._thread: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def current(self) -> Job | None:
        return self._pending[0] if self._pending else None

    def queued(self, label: str) -> bool:
        """A job with this label waits to run (not started yet)."""
        return any(job.label == label for job in self._pending[1:])

    def submit(
        self,
        label: str,
        work: Work,
        done: Callable[[Any], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
        in_process: bool = False,
    ) -> Job:
        job = Job(label, work, done, failed, cancelled, cancellable, in_process)
        self._pending.append(job)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._start()
        self._queue.put(job)
        return job

    def cancel(self) -> None:
        """Stop the running job at its next step and drop the cancellable jobs queued."""
        for job in self._pending:
            if job.cancellable:
                job.token.cancel()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel everything and let the thread end (the window closes)."""
        for job in self._pending:
            job.token.cancel()
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)
        self._thread = None

    def _start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        relay, jobs = self._relay, self._queue

        def loop() -> None:
            while True:
                job = jobs.get()
                if job is None:
                    return
                result: Any = None
                error: BaseException | None = None
                try:
                    job.token.check()
                    with IN_PROCESS if job.in_process else contextlib.nullcontext():
                        result = job.work(_reporter(relay, job), job.token)
                except Cancelled as exc:
                    error = exc
                except Exception as exc:
                    traceback.print_exc()
                    error = exc
                relay.finished.emit(job, result, error)

        self._thread = threading.Thread(target=loop, name="project", daemon=True)
        self._thread.start()

    def _on_progress(self, job: Job, done: int, total: int, what: str) -> None:
        if job.token.cancelled:
            return
        self.progress.emit(what or job.label, done, total, job.cancellable)

    def _on_finished(self, job: Job, result: Any, error: BaseException | None) -> None:
        if job in self._pending:
            self._pending.remove(job)
        try:
            if isinstance(error, Cancelled):
                if job.cancelled is not None:
                    job.cancelled()
            elif error is not None:
                if job.failed is not None:
                    job.failed(error)
            elif job.done is not None:
                job.done(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
