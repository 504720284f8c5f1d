"""SHA-256 and BLAKE2b from CPython's own implementations, so no process loads OpenSSL for them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol


class Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


HashMaker = Callable[..., Hash]


def _builtin(name: str, modules: tuple[str, ...]) -> HashMaker:
    """The constructor from the first of CPython's built-in hash modules that exists, else
    hashlib's. Why: hashlib loads OpenSSL's libcrypto for sha256 (~3.6 MB of the window's
    peak memory and ~2 ms of its start), and the digests are the same bytes."""
    for module in modules:
        try:
            maker: HashMaker = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):  # a Python built without it (FIPS builds)
            continue
        return maker
    import hashlib

    fallback: HashMaker = getattr(hashlib, name)
    return fallback


sha256 = _builtin("sha256", ("_sha2", "_sha256"))  # _sha2 from Python 3.12, _sha256 before
blake2b = _builtin("blake2b", ("_blake2",))
