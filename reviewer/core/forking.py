"""Locks that a fork never copies while another thread holds them."""

from __future__ import annotations

import os
import threading


def fork_safe(lock: threading.Lock) -> threading.Lock:
    """Make os.fork wait until ``lock`` is free, and hand it over free to both processes.

    The window forks a child for each check run while other threads may be loading the
    dictionary or a glossary under such a lock; a child that inherited it held would wait on
    it forever. Handlers run in the reverse order of registration, so a lock made later (an
    outer lock, in a module that imports the inner one's) is taken first, as the code nests
    them. The forking thread must not hold the lock itself.
    """
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(
            before=lock.acquire, after_in_parent=lock.release, after_in_child=lock.release
        )
    return lock
