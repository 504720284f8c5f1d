"""A fork waits for the check-data locks other threads hold, whatever order it meets them in."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from reviewer.core import forking
from reviewer.core.forking import fork_safe

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform != "linux", reason="fork on Linux"
)


def _fork_and_take(*locks: threading.Lock) -> tuple[float, int]:
    """Fork; the child takes every lock (2 s at most). Returns when the fork happened and the
    child's exit code (0: it took them all)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os._exit(0 if all(lock.acquire(timeout=2) for lock in locks) else 1)
    forked_at = time.monotonic()
    _, status = os.waitpid(pid, 0)
    return forked_at, os.waitstatus_to_exitcode(status)


def test_a_fork_waits_for_the_lock_and_the_child_can_take_it() -> None:
    lock = fork_safe(threading.Lock(), forking.TERMS)
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
    forked_at, code = _fork_and_take(lock)
    worker.join()
    assert forked_at >= release_at  # the fork waited for the loader
    assert code == 0  # and the child found the lock free
    assert lock.acquire(timeout=1)  # so does the parent
    lock.release()


def test_locks_are_taken_outer_first_whatever_order_they_were_made_in() -> None:
    """A thread holding the outer lock and waiting for the inner one (reload_terms under the
    check-data lock) must not meet a fork holding the inner one and waiting for the outer."""
    inner = fork_safe(threading.Lock(), forking.LEXICON)  # made first, as an import might
    outer = fork_safe(threading.Lock(), forking.CHECK_DATA)
    outer_held = threading.Event()
    may_take_inner = threading.Event()

    def reload() -> None:
        with outer:
            outer_held.set()
            may_take_inner.wait()
            with inner:
                time.sleep(0.05)

    worker = threading.Thread(target=reload)
    worker.start()
    outer_held.wait()
    threading.Timer(0.2, may_take_inner.set).start()  # the fork is already waiting by then
    _forked_at, code = _fork_and_take(inner, outer)
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert code == 0
