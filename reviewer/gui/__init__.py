"""The Qt window: every Qt import of the project lives in this package."""

from __future__ import annotations

import sys


def _pin_none() -> None:
    """Keep None alive under PySide6 6.12 on CPython < 3.12.

    Its bindings drop one reference to None on every call of a void C++ method and on every
    None returned from a Python override (they assume 3.12's immortal None), so a long session,
    or just the test suite, ends in "Fatal Python error: none_dealloc". A huge refcount makes
    None as good as immortal, which is what CPython 3.12 does itself.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40


_pin_none()
