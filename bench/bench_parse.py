"""Parse and serialize time on synthetic 10,000- and 50,000-pair articles against a regex floor."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import PREFIX, build_synthetic, corpus_segments  # noqa: E402

from reviewer.core.format import OPENER_RE, Document, parse  # noqa: E402

SIZES = (10_000, 50_000)


def floor(path: Path) -> int:
    """The least any parser must do: read the bytes, decode them, find every opener."""
    text = path.read_bytes().decode("utf-8")
    count = 0
    for _ in OPENER_RE.finditer(text):
        count += 1
    return count


def do_parse(path: Path) -> Document:
    return parse(path.read_bytes(), str(path))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    # Freed outside the timed region: tearing down the last Document is not parsing.
    del result
    return elapsed


def measure(
    pairs: int, segments: list[tuple[str, str, str]], repeat: int, tmp: Path
) -> dict[str, float]:
    data = build_synthetic(pairs, segments)
    path = tmp / f"synthetic-{pairs}.md"
    path.write_bytes(data)

    doc = do_parse(path)
    assert len(doc.pairs) == pairs, (len(doc.pairs), pairs)
    assert floor(path) == pairs
    assert doc.serialize() == data
    # One real edit in the middle, so serialize has to splice rather than hand back the bytes.
    middle = doc.pairs[pairs // 2]
    doc.set_target(middle, middle.target + " (bewerkt)")
    edited = doc.serialize()
    assert len(edited) == len(data) + len(" (bewerkt)")

    # Interleaved rounds: on a shared machine, load changes hit all three measurements alike.
    floors, parses, serializes = [], [], []
    for _ in range(repeat):
        floors.append(timed(lambda: floor(path)))
        parses.append(timed(lambda: do_parse(path)))
        serializes.append(timed(doc.serialize))
    floor_s = statistics.median(floors)
    parse_s = statistics.median(parses)
    serialize_s = statistics.median(serializes)
    return {
        "pairs": pairs,
        "bytes": len(data),
        "floor_s": floor_s,
        "parse_s": parse_s,
        "serialize_s": serialize_s,
        "parse_ratio": parse_s / floor_s,
        "serialize_ratio": serialize_s / floor_s,
    }


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="pair counts to build"
    )
    args = parser.parse_args(argv)

    segments = corpus_segments()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        for pairs in args.sizes:
            results.append(measure(pairs, segments, args.repeat, Path(tmp)))
    report = {"sizes": results, "peak_rss_mb": round(peak_rss_mb(), 1)}

    if args.json:
        print(json.dumps(report))
        return 0
    print(
        f"{len(segments)} real corpus pairs, renumbered as {PREFIX}-101…; median of {args.repeat}"
    )
    print(
        f"{'pairs':>7} {'MB':>6} {'floor ms':>9} {'parse ms':>9} {'ser. ms':>8} "
        f"{'parse/floor':>11} {'ser./floor':>10}"
    )
    for r in results:
        print(
            f"{r['pairs']:>7} {r['bytes'] / 1e6:>6.2f} {r['floor_s'] * 1e3:>9.1f} "
            f"{r['parse_s'] * 1e3:>9.1f} {r['serialize_s'] * 1e3:>8.1f} "
            f"{r['parse_ratio']:>11.2f} {r['serialize_ratio']:>10.2f}"
        )
    print(f"peak RSS {report['peak_rss_mb']} MB  (goal: parse <= 2x floor, serialize <= 1x floor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
