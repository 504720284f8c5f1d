"""The window module imports no exporter, importer or Markdown renderer before its first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Used only from menus, drops or once the table has painted: imported on first use.
DEFERRED = (
    "markdown_it",
    "reviewer.core.export_formats",
    "reviewer.core.importing",
    "reviewer.core.render.preview",
    "reviewer.core.render.report",
    "reviewer.gui.export_dialog",
    "reviewer.gui.import_dialog",
    "multiprocessing.pool",
)


def test_window_module_defers_menu_only_imports() -> None:
    code = (
        "import json, sys\n"
        "import reviewer.gui.main_window\n"
        f"print(json.dumps([m for m in {DEFERRED!r} if m in sys.modules]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
