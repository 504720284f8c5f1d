"""Fixtures shared by the core and window tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private app data folder (REVIEWER_DATA_DIR): journals never land in the real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder
