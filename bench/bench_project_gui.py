"""The project in the window: open a folder, then type into the search dock one key at a time.

  python bench/bench_project_gui.py [FOLDER] [--cold] [--json]

FOLDER defaults to ../shared/articles. The index cache is filled first in a child process (a
cold open, timed by bench_project.py), so the window's open is warm, as on a lead's second
morning (--cold: the window reads every article itself, in worker processes). Reported: the
window's time to the list shown and to the search ready, the GUI thread's own cost of showing
the list (the model and the view), and the latency of each keystroke in the search dock, from
the key press to the hits painted: first while the checks run in the background (worker
processes share the cores), then with the project idle (the checks cancelled). Goal: < 100 ms
per keystroke. With --json the last line is {"files", "pairs", "list_s", "search_ready_s",
"set_rows_ms", "key_busy_ms", "key_idle_ms", "rss_mb"} (medians).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from bench.bench_project import TYPED  # noqa: E402

DEFAULT = ROOT.parent.parent / "shared" / "articles"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--cold", action="store_true", help="open with an empty index cache (no child fill)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-project-gui-"))
    os.environ["REVIEWER_CACHE_DIR"] = str(work / "cache")
    os.environ["REVIEWER_DATA_DIR"] = str(work / "data")
    try:
        run(args.folder, work, args.json, args.cold)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(folder: str, work: Path, as_json: bool, cold: bool) -> None:
    if not cold:
        fill = "import sys; from reviewer.core.project import open_project as o; o(sys.argv[1])"
        subprocess.run([sys.executable, "-c", fill, folder], check=True, cwd=ROOT)

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "s"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from reviewer.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    features = window.project
    view, search, part = features.view, features.search, features.part

    def settle(condition, seconds: float = 600.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            app.processEvents()
            time.sleep(0.002)

    set_rows: list[float] = []
    original = view.set_rows

    def timed_set_rows(rows, totals) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        original(rows, totals)
        view.table.viewport().repaint()
        set_rows.append((time.perf_counter() - t0) * 1000)

    view.set_rows = timed_set_rows  # type: ignore[method-assign]
    t0 = time.perf_counter()
    features.open_path(folder)
    settle(lambda: view.model.rowCount() > 0)
    list_s = time.perf_counter() - t0
    settle(lambda: search.concordance is not None)
    search_s = time.perf_counter() - t0
    files, pairs = view.model.rowCount(), search.concordance.pairs if search.concordance else 0

    search.focus_search()
    resets = [0]
    search.model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))

    def type_words(words: list[str]) -> list[float]:
        times = []
        for text in words:
            search.text.clear()
            app.processEvents()
            for ch in text:
                before = resets[0]
                start = time.perf_counter()
                QTest.keyClick(search.text, ch)
                settle(lambda b=before: resets[0] > b, 10)
                search.view.viewport().repaint()
                times.append((time.perf_counter() - start) * 1000)
        return times

    typed = list(TYPED)
    busy = type_words(typed) if part.jobs.busy else []
    part.cancel()
    settle(lambda: not part.jobs.busy)
    idle = type_words(typed)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{files} articles, {pairs} pairs, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"window: list shown {list_s:.2f} s, search ready {search_s:.2f} s after the open")
    print(
        f"GUI thread per list update: median {statistics.median(set_rows):.0f} ms, "
        f"max {max(set_rows):.0f} ms over {len(set_rows)} updates (model, proxy, repaint)"
    )
    for name, times in (("while checking", busy), ("idle", idle)):
        if times:
            print(
                f"keystroke {name}: median {statistics.median(times):.1f} ms, "
                f"p90 {percentile(times, 0.9):.1f} ms, max {max(times):.1f} ms over "
                f"{len(times)} keys (goal < 100 ms)"
            )
    print(f"peak RSS of the window process {rss:.0f} MB")
    if as_json:
        print(
            json.dumps(
                {
                    "files": files,
                    "pairs": pairs,
                    "list_s": round(list_s, 3),
                    "search_ready_s": round(search_s, 3),
                    "set_rows_ms": round(statistics.median(set_rows), 1),
                    "key_busy_ms": round(statistics.median(busy), 1) if busy else None,
                    "key_idle_ms": round(statistics.median(idle), 1),
                    "rss_mb": round(rss, 1),
                }
            )
        )
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()


if __name__ == "__main__":
    main()
