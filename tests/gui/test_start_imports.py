"""Opening an article imports, before PySide6, only what its first paint needs: the standard
modules a later action uses (an edit's journal, a save, the checks' word lists, a CSV
glossary, a diff) are imported where they are used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus"

# Each costs 1-10 ms of every start when imported at the top of a module an open loads.
NOT_BEFORE_QT = (
    "csv",  # CSV glossaries
    "difflib",  # the change view's word diff
    "gzip",  # the checks' word lists, read in the check child
    "hashlib",  # loads OpenSSL (~3.6 MB): reviewer.core.digests uses CPython's own hashes
    "importlib.resources",  # shipped files are found beside reviewer.resources
    "platform",  # behind uuid
    "socket",  # the journal lock's host name
    "uuid",  # issue and journal ids come from os.urandom
    "PySide6",
    # Not before the first paint at all (tests/gui/test_check_catalog_start.py: LATE, LATER).
    "concurrent.futures",  # the spelling suggestions' thread
    "reviewer.core.checks.spelling",  # the underlines read spelling_messages until then
    "reviewer.core.checks.grammar",
    "reviewer.core.check_settings",
    "reviewer.core.markup.diff",
    "reviewer.core.render.sanitize",
)


def test_an_article_open_imports_no_late_module_before_qt() -> None:
    article = next(iter(sorted(SAMPLE.glob("*.md"))))
    code = (
        "import json, sys\n"
        "from reviewer.gui import app, display\n"
        f"options = app.parse_args([{str(article)!r}])\n"
        "display.xcb_problem()\n"
        "from reviewer.core import check_prestart\n"
        "app.import_before_qt()\n"
        f"print(json.dumps([m for m in {NOT_BEFORE_QT!r} if m in sys.modules]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
