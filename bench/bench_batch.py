"""Batch QA speed: our checks against translate-toolkit's pofilter on the same pairs.

Two workloads: every corpus article, and one synthetic 50,000-pair article. Ours is timed from
the article bytes (parse plus every check); pofilter from the PO bytes (PO parse plus its default
filters, in-process, as `pofilter --language=nl` runs them). Both get the same (source, target)
pairs; each PO unit carries the pair id as msgctxt so repeated sources stay separate units.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build_synthetic, corpus_files  # noqa: E402

from reviewer.core.checks import run_checks  # noqa: E402
from reviewer.core.format import Document, parse  # noqa: E402

SYNTHETIC_PAIRS = 50_000


def ours(articles: list[tuple[str, bytes]]) -> int:
    """Parse every article and run every check over all of them at once; returns findings."""
    docs = [parse(data, name) for name, data in articles]
    return len(run_checks(docs))


def to_po(docs: list[Document]) -> bytes:
    """The same pairs as one PO file: msgctxt = file and id, msgid = source, msgstr = target."""
    from translate.storage import po

    store = po.pofile()
    for doc in docs:
        name = Path(doc.path).name if doc.path else "article"
        for pair in doc.pairs:
            unit = store.addsourceunit(pair.source)
            unit.target = pair.target
            unit.setcontext(f"{name}:{pair.id}")
    return bytes(store)


def make_pofilter() -> Callable[[bytes], int]:
    """pofilter's checker as its command line builds it (default filters, Dutch target)."""
    from translate.filters import checks, pofilter
    from translate.storage import po

    options = SimpleNamespace(
        excludefilters={},
        limitfilters=None,
        includefuzzy=True,
        includereview=True,
        autocorrect=False,
        addnotes=True,
    )
    checker = pofilter.pocheckfilter(options, None, checks.CheckerConfig(targetlanguage="nl"))

    def run(data: bytes) -> int:
        store = po.pofile(data)
        return len(checker.filterfile(store).units)

    return run


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    times: list[float] = []
    result = 0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def compare(
    label: str, articles: list[tuple[str, bytes]], repeat: int, verbose: bool
) -> dict[str, float]:
    docs = [parse(data, name) for name, data in articles]
    pairs = sum(len(d.pairs) for d in docs)
    po_bytes = to_po(docs)
    pofilter_run = make_pofilter()
    ours_s, findings = timed(lambda: ours(articles), repeat)
    po_s, flagged = timed(lambda: pofilter_run(po_bytes), repeat)
    ratio = po_s / ours_s
    if verbose:
        print(
            f"{label}: {pairs:,} pairs in {len(articles)} file(s), median of {repeat}\n"
            f"  ours      {ours_s:8.3f} s  ({ours_s / pairs * 1e6:6.1f} µs/pair, "
            f"{findings:,} findings)\n"
            f"  pofilter  {po_s:8.3f} s  ({po_s / pairs * 1e6:6.1f} µs/pair, "
            f"{flagged:,} units flagged)\n"
            f"  ratio     {ratio:8.2f}x  (pofilter / ours; goal >= 3)",
            flush=True,
        )
    return {"ours_s": round(ours_s, 4), "pofilter_s": round(po_s, 4), "ratio": round(ratio, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON summary")
    parser.add_argument("--repeat", type=int, default=5, help="runs per corpus timing")
    parser.add_argument("--repeat-synthetic", type=int, default=3, help="runs per 50k timing")
    parser.add_argument("--pairs", type=int, default=SYNTHETIC_PAIRS, help="synthetic pairs")
    args = parser.parse_args(argv)
    verbose = not args.json
    corpus = [(str(p), p.read_bytes()) for p in corpus_files()]
    synthetic = [("synthetic.md", build_synthetic(args.pairs))]
    result = {
        "corpus": compare("corpus", corpus, args.repeat, verbose),
        "synthetic_50k": compare("synthetic", synthetic, args.repeat_synthetic, verbose),
    }
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
