"""GUI benchmark: launch-to-first-painted-rows for 1k/10k/50k pairs, and a filter keystroke."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = (1000, 10_000, 50_000)
KEYSTROKES = ("s", "se", "set", "sett", "setti")  # typed one key at a time into the filter


def child(path: str, t0: float, filter_keys: bool) -> None:
    """Open ``path`` in a fresh window; report when its table first painted rows."""
    import resource

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.gui.main_window import MainWindow

    settings_dir = tempfile.mkdtemp(prefix="bench-gui-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([sys.argv[0]])
    window = MainWindow()
    window.resize(1400, 900)
    result: dict[str, object] = {}

    def painted() -> None:
        result["painted"] = time.time() - t0
        # The child's own CPU time to this point: on a busy machine it varies far less.
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["cpu"] = usage.ru_utime + usage.ru_stime
        app.quit()

    window.first_paint.connect(painted)
    window.show()
    window.open_path(path)
    app.exec()
    rows = window.proxy.rowCount()
    if filter_keys:
        window.filter_bar.focus_text()  # Ctrl+F, as a user does before typing
        app.processEvents()
        times = []
        for text in KEYSTROKES:
            window.filter_bar.text.setText(text)
            start = time.perf_counter()
            window.filter_bar.apply_now()  # what the debounce timer fires after a key
            window.table.viewport().repaint()
            times.append(time.perf_counter() - start)
        result["keystrokes"] = times
        result["shown_after_filter"] = window.proxy.rowCount()
    result["rows"] = rows
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip teardown: only the measurement matters here


def measure(path: Path, filter_keys: bool = False) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--t0", repr(t0)]
        + (["--filter"] if filter_keys else []),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("{")][-1]
    data: dict[str, object] = json.loads(line)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print only the JSON summary")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median reported)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--filter", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.t0, args.filter)
        return 0

    from bench.synthetic import build_synthetic

    # An installed app has its bytecode (pip compiles at install, `make` does too); without it
    # every launch would also time compiling the app from source.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reviewer")], check=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    open_s: dict[str, float] = {}
    open_cpu_s: dict[str, float] = {}
    keystroke_s: dict[str, float] = {}
    peak = 0.0
    for n in SIZES:
        path = folder / f"synthetic-{n}.md"
        path.write_bytes(build_synthetic(n))
        runs = [measure(path, filter_keys=(n == SIZES[-1])) for _ in range(args.runs)]
        open_s[str(n)] = round(statistics.median(float(r["painted"]) for r in runs), 4)  # type: ignore[arg-type]
        open_cpu_s[str(n)] = round(statistics.median(float(r["cpu"]) for r in runs), 4)  # type: ignore[arg-type]
        if n == SIZES[-1]:
            keys = [t for r in runs for t in r["keystrokes"]]  # type: ignore[attr-defined]
            keystroke_s[str(n)] = round(statistics.median(keys), 4)
            peak = statistics.median(float(r["peak_rss_mb"]) for r in runs)  # type: ignore[arg-type]
            worst = max(keys)
        if not args.json:
            print(
                f"{n:>6} pairs: first rows painted {open_s[str(n)]:.3f} s after launch, "
                f"{open_cpu_s[str(n)]:.3f} s of CPU (medians of {args.runs})"
            )
    summary = {"open_s": open_s, "open_cpu_s": open_cpu_s, "filter_keystroke_s": keystroke_s}
    if args.json:
        print(json.dumps(summary))
    else:
        print(
            f"filter keystroke on {SIZES[-1]}: median {keystroke_s[str(SIZES[-1])] * 1000:.1f} ms, "
            f"worst {worst * 1000:.1f} ms"
        )
        print(f"peak RSS of the {SIZES[-1]}-pair child: {peak:.0f} MB")
        print(json.dumps(summary))
    print(f"peak RSS of the {SIZES[-1]}-pair child: {peak:.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
