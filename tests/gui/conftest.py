"""Fixtures for the window tests: temporary settings, a copied corpus article, the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from reviewer.gui import dialogs, issue_dialog, recovery
from reviewer.gui.main_window import MainWindow, app_settings
from tests.gui.gui_helpers import SAMPLE, copy_corpus


@pytest.fixture(autouse=True)
def temp_settings(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A cache folder per test: no test sees check results another one stored."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(folder))
    return folder


_WINDOW_TESTS = {
    "test_window",
    "test_model",
    "test_crash_window",
    "test_bad_input",
    "test_usability",
    "test_trust",
    "test_navigation",
    "test_spelling_window",
    "test_terms_window",
    "test_settings_window",
    "test_user_words_window",
    "test_exchange_window",
    "test_reliability_window",
    "test_project_e2e",
    "test_project_view",
    "test_project_search",
    "test_project_edits_window",
    "test_propagation",
    "test_preview_pane",
    "test_markup_keys",
    "test_shortcuts",
    "test_lazy_parts",
}


@pytest.fixture(autouse=True)
def no_real_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any dialog a window test did not mock fails loudly instead of blocking the suite."""
    if request.module.__name__.rsplit(".", 1)[-1] not in _WINDOW_TESTS:
        return  # other suites in this folder test the real dialogs themselves

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]!r}")

    monkeypatch.setattr(issue_dialog, "ask_issue", fail)
    for name in (
        "confirm",
        "ask_unsaved",
        "ask_external_change",
        "show_error",
        "show_warning",
        "show_info",
        "ask_save_path",
        "ask_open_path",
        "ask_text",
    ):
        monkeypatch.setattr(dialogs, name, fail)
    monkeypatch.setattr(recovery, "ask", fail)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A writable copy of a corpus article (tests never write into tests/data)."""
    return copy_corpus(tmp_path, SAMPLE)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    win = MainWindow(settings=app_settings())
    win.resize(1400, 900)
    win.show()
    yield win
    # Not through qtbot.addWidget: closing may ask about unsaved changes, answered here.
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    if win.isVisible():
        win.close()
    win.deleteLater()
    qtbot.wait(1)
