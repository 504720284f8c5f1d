"""Preview render and update times: full render, one typical edit, moving the current segment."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import PREFIX, build_synthetic, corpus_segments  # noqa: E402

from reviewer.core.format import Document, parse  # noqa: E402
from reviewer.core.render.preview import ArticlePreview  # noqa: E402
from reviewer.core.render.style import CURRENT  # noqa: E402

ARTICLES = Path("/work/shared/articles")
LARGEST_REAL = 11_562  # pairs in the largest article of the survey (FORMAT.md)
GOAL_MS = 50.0


def synthetic_table(n_pairs: int, segments: list[tuple[str, str, str]]) -> bytes:
    """An article that is one long table of real one-line pairs, two per row."""
    one_line = [(t, s) for t, s, _ in segments if "\n" not in t + s and "|" not in t + s]
    rows = ["---\ntitle: Synthetische tabel\n---\n\n| Naam | Beschrijving |\n|---|---|\n"]
    for n in range(0, n_pairs, 2):
        cells = []
        for m in (n, n + 1):
            target, source = one_line[m % len(one_line)]
            pid = f"{PREFIX}-{101 + m}"
            cells.append(
                f'<span data-ttu-id="{pid}">{target}</span><span class="sxs-lookup">'
                f'<span data-stu-id="{pid}">{source}</span></span>'
            )
        rows.append("|" + "|".join(cells) + "|\n")
    return "".join(rows).encode("utf-8")


def largest_real(count: int) -> list[Path]:
    """The real articles with the most pairs, when the shared article set is present."""
    if not ARTICLES.is_dir():
        return []
    sized = []
    for path in ARTICLES.rglob("*.md"):
        data = path.read_bytes()
        sized.append((data.count(b"data-ttu-id="), path))
    sized.sort(reverse=True)
    return [p for _, p in sized[:count]]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(name: str, doc: Document, edits: int, repeat: int, seed: int) -> dict[str, object]:
    full = [timed(lambda: ArticlePreview(doc).html()) for _ in range(repeat)]
    preview = ArticlePreview(doc)
    rng = random.Random(seed)
    shown = [pid for i in range(len(preview)) for pid in preview.block_pairs(i)]
    picked = rng.sample(shown, min(edits, len(shown)))
    # A typical edit: one word of the target changed, as a reviewer types it.
    updates: list[float] = []
    full_updates = 0
    for pid in picked:
        text = preview.text_of(pid)
        words = text.split(" ")
        words[len(words) // 2] = words[len(words) // 2] + "x"
        start = time.perf_counter()
        result = preview.update(pid, " ".join(words))
        updates.append(time.perf_counter() - start)
        full_updates += result.full
    marks = [timed(lambda pid=pid: _mark(preview, pid)) for pid in picked]
    return {
        "article": name,
        "pairs": len(doc.pairs),
        "blocks": len(preview),
        "full_ms": statistics.median(full) * 1e3,
        "update_ms": statistics.median(updates) * 1e3,
        "update_p90_ms": _p90(updates) * 1e3,
        "update_max_ms": max(updates) * 1e3,
        "full_updates": full_updates,
        "mark_ms": statistics.median(marks) * 1e3,
    }


def measure_qt(preview: ArticlePreview, pids: list[str]) -> dict[str, float]:
    """What a QTextBrowser adds: the first setHtml, and putting one updated block in place."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reviewer.core.render.style import PREVIEW_CSS

    app = QApplication.instance() or QApplication([])
    browser = QTextBrowser()
    browser.resize(900, 1000)
    browser.document().setDefaultStyleSheet(PREVIEW_CSS)
    start = time.perf_counter()
    browser.setHtml(preview.html())
    app.processEvents()
    set_html = time.perf_counter() - start
    doc = browser.document()
    replaces: list[float] = []
    for pid in pids:
        result = preview.update(pid, preview.text_of(pid) + " x")
        if result.full:
            continue
        # A view keeps an index of block positions; here each block is found by its anchor,
        # outside the timing.
        first = _anchor(doc, preview.block_id(result.index))
        after = result.index + len(result.blocks)
        end = _anchor(doc, preview.block_id(after)) if after < len(preview) else -1
        start = time.perf_counter()
        cursor = QTextCursor(doc)
        cursor.setPosition(first)
        last = end - 1 if end >= 0 else doc.characterCount() - 1
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertHtml(result.html)
        app.processEvents()
        replaces.append(time.perf_counter() - start)
    return {"set_html_ms": set_html * 1e3, "replace_ms": statistics.median(replaces) * 1e3}


def _anchor(doc: object, name: str) -> int:
    block = doc.begin()  # type: ignore[attr-defined]
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if name in fragment.charFormat().anchorNames():
                return int(fragment.position())
            it += 1
        block = block.next()
    return -1


def _mark(preview: ArticlePreview, pid: str) -> None:
    """Move the current segment: re-mark, then read the changed blocks' HTML."""
    for index in preview.set_marks({pid: CURRENT}):
        preview.block_html(index)


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    parser.add_argument("--repeat", type=int, default=3, help="full renders per article (median)")
    parser.add_argument("--edits", type=int, default=40, help="edits timed per article")
    parser.add_argument("--real", type=int, default=3, help="largest real articles to include")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument(
        "--qt", action="store_true", help="also time QTextBrowser.setHtml and a block replace"
    )
    args = parser.parse_args(argv)

    segments = corpus_segments()
    inputs: list[tuple[str, Document]] = []
    for path in largest_real(args.real):
        inputs.append((path.name, parse(path.read_bytes(), str(path))))
    for pairs in (LARGEST_REAL, 50_000):
        inputs.append((f"synthetic {pairs:,}", parse(build_synthetic(pairs, segments))))
    table = synthetic_table(LARGEST_REAL, segments)
    inputs.append((f"synthetic table {LARGEST_REAL:,}", parse(table)))

    results = [measure(name, doc, args.edits, args.repeat, args.seed) for name, doc in inputs]
    if args.qt:
        for result, (_, doc) in zip(results, inputs, strict=True):
            if len(doc.pairs) > LARGEST_REAL:
                continue  # setHtml of 50,000 pairs takes half a minute: a view shows a window
            preview = ArticlePreview(doc)
            rng = random.Random(args.seed)
            shown = [pid for i in range(len(preview)) for pid in preview.block_pairs(i)]
            result.update(measure_qt(preview, rng.sample(shown, min(10, len(shown)))))
    if args.json:
        print(json.dumps({"results": results, "goal_ms": GOAL_MS}))
        return 0
    print(f"medians; full render of {args.repeat}, update and mark of {args.edits} random segments")
    print(
        f"{'article':<48} {'pairs':>6} {'blocks':>6} {'full ms':>8} {'update':>7} "
        f"{'p90':>6} {'max':>6} {'mark':>5} {'FULL':>4}"
    )
    for r in results:
        print(
            f"{str(r['article'])[:48]:<48} {r['pairs']:>6} {r['blocks']:>6} "
            f"{r['full_ms']:>8.0f} {r['update_ms']:>7.1f} {r['update_p90_ms']:>6.1f} "
            f"{r['update_max_ms']:>6.1f} {r['mark_ms']:>5.1f} {r['full_updates']:>4}"
        )
    if args.qt:
        print(f"{'QTextBrowser':<48} {'setHtml ms':>11} {'replace one block ms':>21}")
        for r in results:
            if "set_html_ms" not in r:
                continue
            name = str(r["article"])[:48]
            print(f"{name:<48} {r['set_html_ms']:>11.0f} {r['replace_ms']:>21.1f}")
    print(f"goal: a typical edit updates in < {GOAL_MS:.0f} ms (the update column)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
