"""The preview pane in the real window: a typical edit's update and moving the current segment.

For each article (the largest real ones in /work/shared/articles when present, the largest of
tests/data/corpus, the 11,562-pair synthetic one and a synthetic 11,562-pair table) it opens a
window offscreen with the preview shown, waits for the first rendering (on its worker), then
for random segments changes one word of the target through the detail pane's edit path and
times what the pane does after the pause: ``PreviewPane.flush`` (the core's incremental update,
the block replaced in the QTextDocument, the tints) plus a repaint of the view. Medians of the
wall time and of the GUI thread's CPU time (steadier on a busy machine: the edit's own cost).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_preview import LARGEST_REAL, largest_real, synthetic_table  # noqa: E402
from synthetic import build_synthetic, corpus_segments  # noqa: E402

GOAL_MS = 50.0


def measure(path: Path, edits: int, seed: int) -> dict[str, object]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.core.render.preview import TARGET
    from reviewer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    settings_dir = tempfile.mkdtemp(prefix="bench-preview-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    os.environ["REVIEWER_DATA_DIR"] = str(Path(settings_dir) / "data")
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    pane = window.aids.pane
    window.registry["actionPreview"].trigger()
    started = time.perf_counter()
    window.open_path(str(path))
    while pane.pages.views[TARGET] is None:
        app.processEvents()
        time.sleep(0.002)
    rendered_s = time.perf_counter() - started
    session = window.session
    assert session is not None
    view = pane.pages.views[TARGET]
    rng = random.Random(seed)
    rows = [k for k, text in enumerate(session.doc.pairs.targets()) if " " in text.strip()]
    picked = rng.sample(rows, min(edits, len(rows)))
    updates: list[float] = []
    cpu: list[float] = []
    moves: list[float] = []
    for row in picked:
        start = time.perf_counter()
        window.goto_source_row(row)
        pane.target.viewport().repaint()
        moves.append(time.perf_counter() - start)
        words = session.doc.pairs[row].target.split(" ")
        words[len(words) // 2] += "x"  # one word changed, as a reviewer types it
        window.review.type_target(row, " ".join(words), time.monotonic())
        pane._edit_timer.stop()  # the bench calls flush itself, after the grid has painted
        app.processEvents()  # the grid and the detail pane show the edit as they do at once
        start, start_cpu = time.perf_counter(), time.thread_time()
        pane.flush()  # what the pause timer calls
        pane.target.viewport().repaint()
        updates.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        app.processEvents()
    full = pane.pages.views[TARGET] is not view
    result = {
        "article": path.name,
        "pairs": len(session.doc.pairs),
        "blocks": len(view) if view is not None else 0,
        "render_s": round(rendered_s, 2),
        "update_ms": statistics.median(updates) * 1e3,
        "update_p90_ms": sorted(updates)[int(0.9 * (len(updates) - 1))] * 1e3,
        "update_cpu_ms": statistics.median(cpu) * 1e3,
        "move_ms": statistics.median(moves) * 1e3,
        "rendered_again": full,
    }
    if window.files.autosave is not None:
        window.files.autosave.discard()
        window.files.autosave = None
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=30, help="edits timed per article")
    parser.add_argument("--real", type=int, default=1, help="largest real articles to include")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="bench-preview-gui-"))
    paths = list(largest_real(args.real))
    corpus = ROOT / "tests" / "data" / "corpus"
    largest = max(corpus.glob("*.md"), key=lambda p: p.read_bytes().count(b"data-ttu-id="))
    if largest.name not in {p.name for p in paths}:  # the corpus holds the largest real one
        paths.append(largest)
    segments = corpus_segments()
    synthetic = folder / f"synthetic-{LARGEST_REAL}.md"
    synthetic.write_bytes(build_synthetic(LARGEST_REAL, segments))
    table = folder / f"synthetic-table-{LARGEST_REAL}.md"
    table.write_bytes(synthetic_table(LARGEST_REAL, segments))
    results = []
    for path in [*paths, synthetic, table]:
        copy = folder / ("copy-" + path.name)
        copy.write_bytes(path.read_bytes())
        results.append(measure(copy, args.edits, args.seed))
    if args.json:
        print(json.dumps({"results": results, "goal_ms": GOAL_MS}))
        return 0
    print(f"medians of {args.edits} one-word edits per article, in the window (offscreen)")
    print(
        f"{'article':<52} {'pairs':>6} {'blocks':>6} {'render s':>8} {'update ms':>9} "
        f"{'p90':>6} {'cpu ms':>6} {'move ms':>7} {'again':>5}"
    )
    for r in results:
        print(
            f"{str(r['article'])[:52]:<52} {r['pairs']:>6} {r['blocks']:>6} "
            f"{r['render_s']:>8.2f} {r['update_ms']:>9.1f} {r['update_p90_ms']:>6.1f} "
            f"{r['update_cpu_ms']:>6.1f} "
            f"{r['move_ms']:>7.1f} {'yes' if r['rendered_again'] else 'no':>5}"
        )
    print(f"goal: a typical edit shows in < {GOAL_MS:.0f} ms (update column; render is off-thread)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
