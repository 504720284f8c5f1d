"""A single-shot timer started again by each call: the window's way to coalesce bursts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    """A timer owned by ``parent`` that runs ``slot`` once, ``ms`` after its last start()."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
