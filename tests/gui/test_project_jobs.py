"""The project thread: jobs in order, progress, cancel, failures, and no fork of the window's
checks while a job runs check code in this process."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from reviewer.gui.project_jobs import JobRunner


def test_jobs_run_in_order_off_the_gui_thread_and_report_back_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    gui = threading.get_ident()
    seen: list[tuple[str, object]] = []
    progress: list[tuple[str, int, int]] = []
    runner.progress.connect(lambda what, done, total, _c: progress.append((what, done, total)))

    def work(name: str):  # type: ignore[no-untyped-def]
        def run(report, cancel):  # type: ignore[no-untyped-def]
            assert threading.get_ident() != gui
            report(1, 2, name)
            return name

        return run

    for name in ("a", "b", "c"):
        runner.submit(name, work(name), lambda r: seen.append(("done", r)))
    runner.submit("boom", lambda r, c: 1 / 0, failed=lambda e: seen.append(("failed", type(e))))
    qtbot.waitUntil(lambda: not runner.busy)
    assert seen == [("done", "a"), ("done", "b"), ("done", "c"), ("failed", ZeroDivisionError)]
    assert ("b", 1, 2) in progress
    runner.shutdown()


def test_cancel_stops_the_running_job_and_drops_the_queued(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    started = threading.Event()
    seen: list[str] = []

    def slow(report, cancel):  # type: ignore[no-untyped-def]
        started.set()
        while True:
            cancel.check()
            time.sleep(0.005)

    runner.submit("slow", slow, lambda r: seen.append("done"), cancelled=lambda: seen.append("x"))
    runner.submit("next", lambda r, c: 1, lambda r: seen.append("next"),
                  cancelled=lambda: seen.append("y"))  # fmt: skip
    runner.submit("kept", lambda r, c: 2, lambda r: seen.append("kept"), cancellable=False)
    assert started.wait(5)
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy)
    assert seen == ["x", "y", "kept"]
    runner.shutdown()


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="fork")
def test_a_fork_waits_while_a_job_runs_check_code_here(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    inside, release = threading.Event(), threading.Event()

    def checking(report, cancel):  # type: ignore[no-untyped-def]
        inside.set()
        release.wait(5)

    runner.submit("checks here", checking, in_process=True)
    assert inside.wait(5)
    forked = threading.Event()

    def fork() -> None:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os._exit(0)
        os.waitpid(pid, 0)
        forked.set()

    thread = threading.Thread(target=fork)
    thread.start()
    assert not forked.wait(0.3)  # the window's checks fork waits for the job
    release.set()
    assert forked.wait(5)
    thread.join()
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()
