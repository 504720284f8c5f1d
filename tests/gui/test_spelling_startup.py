"""A fresh window underlines what the checks found before it loads the spelling tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.core.user_cache import ENV_CACHE_DIR
from reviewer.gui import check_data
from reviewer.gui.main_window import MainWindow
from tests.gui.language_helpers import (
    close,
    open_with,
    point_at,
    right_click,
    texts,
    underlined,
    user_config,
)

__all__ = ["user_config"]  # a fixture


def test_underlines_and_the_menu_come_before_the_tables_which_load_on_editing(
    qtbot, window: MainWindow, article: Path, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data = article.read_bytes()
    old = b"Proefabonnementen verlopen"
    article.write_bytes(data.replace(old, b"Proefabonnementen licnetie toegangs token verlopen", 1))
    loads: list[object] = []
    monkeypatch.setattr(check_data, "_all_for", None)
    monkeypatch.setattr(check_data, "preload", lambda config=None: loads.append(config))
    open_with(qtbot, window, article)
    editor = window.detail.target
    # The forked check run found them; this process has only the dictionary and the terms.
    qtbot.waitUntil(lambda: underlined(editor) == ["licnetie", "toegangs token"])
    assert not loads and not check_data.all_loaded()
    qtbot.waitUntil(check_data.dictionary_loaded)
    menu = right_click(editor.viewport(), point_at(editor, editor.true_text().index("licnetie")))
    assert "Add “licnetie” to Dictionary" in texts(menu)
    qtbot.waitUntil(lambda: "licentie" in texts(menu), timeout=10000)
    close(qtbot, menu)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: bool(loads))  # editing starts: the rest loads off the GUI thread


# A fresh interpreter: the pytest process may have made the dictionary for an earlier test.
_WINDOW_STEPS = """
import json, sys
from reviewer.core.checks import lexicon
from reviewer.core.checks.spelling import check_spelling
from reviewer.gui import check_data
if sys.argv[1] == "check run":  # what a check process keeps for the next one
    lexicon.defer_dictionary()
    check_spelling("The file is processed.", "Het bestand wordt verwerkt.")
    lexicon.save_verdicts()
    print(json.dumps([]))
else:
    check_data.preload_dictionary()  # once the window is visually complete
    steps = [lexicon.spelling_status().available, lexicon.dictionary()._dict is not None]
    check_data.preload()  # the user starts to edit a target
    steps.append(lexicon.dictionary()._dict is not None)
    print(json.dumps(steps))
"""


def _window_steps(step: str, cache: Path) -> list[bool]:
    env = {**os.environ, ENV_CACHE_DIR: str(cache)}
    run = [sys.executable, "-c", _WINDOW_STEPS, step]
    out = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    steps: list[bool] = json.loads(out.strip().splitlines()[-1])
    return steps


def test_enchants_dictionary_waits_for_editing_when_the_verdicts_are_kept(tmp_path: Path) -> None:
    # Without kept verdicts the window makes it at once: the status needs enchant to open it.
    assert _window_steps("window", tmp_path / "empty") == [True, True, True]
    cache = tmp_path / "kept"
    _window_steps("check run", cache)
    # ~23 MB of the window's memory only once the user edits.
    assert _window_steps("window", cache) == [True, False, True]
