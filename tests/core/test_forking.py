"""A fork waits for a check-data lock another thread holds, and the child gets it free."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from reviewer.core.forking import fork_safe


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="fork on Linux")
def test_a_fork_waits_for_the_lock_and_the_child_can_take_it() -> None:
    lock = fork_safe(threading.Lock())
    held = threading.Event()
    release_at = time.monotonic() + 0.3

    def loader() -> None:  # another thread loading a glossary under the lock
        with lock:
            held.set()
            while time.monotonic() < release_at:
                time.sleep(0.01)

    worker = threading.Thread(target=loader)
    worker.start()
    held.wait()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os._exit(0 if lock.acquire(timeout=2) else 1)
    forked_at = time.monotonic()
    _, status = os.waitpid(pid, 0)
    worker.join()
    assert forked_at >= release_at  # the fork waited for the loader
    assert os.waitstatus_to_exitcode(status) == 0  # and the child found the lock free
    assert lock.acquire(timeout=1)  # so does the parent
    lock.release()
