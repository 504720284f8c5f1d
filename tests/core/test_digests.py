"""The digests from CPython's built-in hash modules are hashlib's, with hashlib as the fallback."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.core import digests


@given(st.binary(max_size=4096), st.binary(max_size=256))
def test_the_same_digests_as_hashlib(first: bytes, more: bytes) -> None:
    assert digests.sha256(first).hexdigest() == hashlib.sha256(first).hexdigest()
    ours, theirs = digests.blake2b(digest_size=16), hashlib.blake2b(digest_size=16)
    for part in (first, more):
        ours.update(part)
        theirs.update(part)
    assert ours.digest() == theirs.digest()


def test_a_python_without_the_built_in_modules_uses_hashlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(digests.importlib, "import_module", missing)
    assert digests._builtin("sha256", ("_sha2", "_sha256")) is hashlib.sha256
    assert digests._builtin("blake2b", ("_blake2",)) is hashlib.blake2b
