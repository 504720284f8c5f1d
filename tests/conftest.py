"""Fixtures shared by the core and window tests."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# No test reads or writes the user's real cache folder (the project index cache); child
# processes started by tests inherit the variable.
_CACHE = tempfile.mkdtemp(prefix="reviewer-test-cache-")
os.environ["REVIEWER_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private app data folder (REVIEWER_DATA_DIR): journals never land in the real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder
