"""Locks that a fork never copies while another thread holds them."""

from __future__ import annotations

import os
from typing import Protocol, TypeVar


class _Lock(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...
    def release(self) -> None: ...


L = TypeVar("L", bound=_Lock)

# Outer locks first: a thread holding a lower rank may take a higher one, never the reverse.
PROJECT_JOB, CHECK_DATA, TERMS, LEXICON, GC_PAUSE = range(5)
_locks: list[tuple[int, _Lock]] = []


def fork_safe(lock: L, rank: int) -> L:
    """Make os.fork wait until ``lock`` is free, and hand it over free to both processes.

    The window forks a child for each check run while other threads may be loading the
    dictionary or a glossary under such a lock; a child that inherited it held would wait on
    it forever. One handler takes every such lock in ``rank`` order (the order the code nests
    them, whatever order the modules were imported in), so the fork itself cannot deadlock.
    The forking thread must not hold a non-reentrant one.
    """
    _locks.append((rank, lock))
    _locks.sort(key=lambda entry: entry[0])
    return lock


def _take_all() -> None:
    for _rank, lock in _locks:
        lock.acquire()


def _give_all() -> None:
    for _rank, lock in reversed(_locks):
        lock.release()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_take_all, after_in_parent=_give_all, after_in_child=_give_all)
