"""Fixtures shared by the core tests: a writable copy of a corpus article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import copy_corpus


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A writable copy of change-nameservers.md in the test's tmp_path."""
    return copy_corpus(tmp_path)


@pytest.fixture
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read the developer's own config file (CLI tests)."""
    monkeypatch.delenv("REVIEWER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
