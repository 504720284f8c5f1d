"""Reopening an article adopts its stored results and paints without importing the check
modules (their settings resolve from core.check_catalog's snapshot) or what only later actions
use; the check modules are imported on the GUI thread after the first paint, and an edit and a
full re-check then finish (no hang)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

# The check modules a reopen paints without (terms, and the glossary, renderings, prose and lexicon
# modules it reads, come earlier with the term marks; the underlines read spelling_messages).
LATE = {
    f"reviewer.core.checks.{name}"
    for name in (
        "consistency",
        "links",
        "literals",
        "values",
        "markup",
        "boundaries",
        "position",
        "numbers",
        "text",
        "casing",
        "meaning",
        "senses",
        "tokens",
        "spelling",
        "compound_splits",
        "hyphens",
        "grammar",
        "english",
        "alignment",
        "analysis",
    )
}
# What no first paint shows, imported where it is used: the diff of an edited target, the
# markup keys' edits, the check settings page, the preview, the spelling suggestions' thread.
LATER = {
    "reviewer.core.markup.diff",
    "reviewer.core.markup.assist",
    "reviewer.core.markup.tokens",
    "reviewer.core.check_settings",
    "reviewer.core.render.sanitize",
    "reviewer.core.render.sidebyside",
    "concurrent.futures",
}
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

SCRIPT = r"""
import json, os, sys, threading
from reviewer import start_trace
marks, seen = [], {}
orig = start_trace.mark
def mark(name, *a, **k):
    marks.append(name)
    if name == "table-painted":
        seen["painted"] = sorted(m for m in sys.modules if m.startswith("reviewer.core.checks."))
        seen["modules"] = sorted(sys.modules)
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, after_paint)
    return orig(name, *a, **k)
start_trace.mark = mark
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reviewer.core import check_cache
from reviewer.gui import app

def window():
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")

def leave():
    seen["marks"] = marks
    print(json.dumps(seen), flush=True)
    os._exit(0)  # an edit stays unsaved: leave without the window's question

def after_paint():
    w = window()
    stored = check_cache.cache_file(sys.argv[1])
    if not w.session.checks_ready or not stored.exists():
        QTimer.singleShot(20, after_paint)
        return
    if sys.argv[2] == "first":
        leave()
    row = 1
    w.review.set_target(row, w.session.doc.pairs[row].target + " dit  dit")
    seen["edited"] = len(w.session.findings(row))
    done = threading.Event()
    w.checks.run_again(lambda message: done.set() if type(message).__name__ == "Done" else None)
    def wait():
        if done.is_set():
            leave()
        else:
            QTimer.singleShot(20, wait)
    wait()

app.main([sys.argv[1]])
"""


def _open(article: Path, home: Path, run: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(article), run],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a hang (threads waiting on each other's locks) fails here
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_reopen_paints_without_the_check_modules_then_rechecks(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    shutil.copy(CORPUS / "Excel-crashing.md", article)
    first = _open(article, tmp_path, "first")  # makes the snapshot, stores the results
    assert "check-modules-imported" in first["marks"]
    again = _open(article, tmp_path, "again")  # then an edit and a full re-check
    assert isinstance(again["edited"], int)
    assert "check-modules-imported" in again["marks"]
    assert "stored-results-adopted" in again["marks"]
    painted = set(again["painted"])
    assert not (LATE & painted), sorted(LATE & painted)
    assert not (LATER & set(again["modules"])), sorted(LATER & set(again["modules"]))
    assert set(first["painted"]) >= LATE  # the snapshot was made
