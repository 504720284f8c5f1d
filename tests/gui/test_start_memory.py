"""The started window keeps no module sources in memory: PySide6's import hook reads every
module imported after it through linecache, and the window drops those lines (~3 MB)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LAUNCH = """
import atexit, json, linecache, sys
from pathlib import Path
import reviewer
package = str(Path(reviewer.__file__).parent)
kept = lambda: sorted(name for name in linecache.cache if name.startswith(package))
atexit.register(lambda: print(json.dumps(kept())))
from reviewer.gui import app
sys.exit(app.main(["--screenshot", sys.argv[1], "--sample"]))
"""


def test_the_window_drops_the_sources_its_imports_read(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "REVIEWER_DATA_DIR": str(tmp_path / "data"),
    }
    run = [sys.executable, "-c", LAUNCH, str(tmp_path / "shot.png")]
    done = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert (tmp_path / "shot.png").is_file()
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
