"""Project benchmark: cold and warm open of a folder, search per keystroke, peak RSS.

Each round runs in fresh child processes, so no Python-level cache carries over:
  cold   no index cache (a new, empty cache folder): every article is read and indexed,
         spread over the cores; the list is complete except the check findings, which
         follow in the background (timed separately, with --checks)
  warm   the same folder again with the cache the cold run wrote
  search after the warm open, the concordance index is built (timed), then a user types a
         few words into the search box one key at a time; every keystroke is one search
         (limit 500 segments, source and target, case-insensitive)
Peak RSS is the child's own (the index, the concordance and the searches); worker
processes are reported apart. Goals on /work/shared/articles (5,368 articles): cold < 3 s,
warm < 0.5 s, search < 100 ms per keystroke, RSS < 500 MB. With --json the last line is
{"files": n, "pairs": n, "cold_s": x, "warm_s": x, "search_ms": x, "rss_mb": x} (medians).
"""

from __future__ import annotations

import argparse
import json
import os
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

# What a reviewer looks for: a split compound, a product name, common words, a phrase.
TYPED = (
    "toegangs token",
    "paspoortnummer",
    "Microsoft Defender voor Eindpunt",
    "beleid",
    "aanmelden bij",
    "gevoelige informatie",
)


def keystrokes() -> list[str]:
    return [word[:k] for word in TYPED for k in range(1, len(word) + 1)]


def child(folder: str, mode: str, checks: bool) -> dict[str, object]:
    """One measurement in this (fresh) process; the cache folder comes from the environment."""
    import resource

    t0 = time.perf_counter()
    from reviewer.core.project import Query, open_project

    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    cpu0 = _cpu()
    project = open_project(folder)
    rows = project.rows()
    totals = project.totals()
    opened = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    out: dict[str, object] = {
        "open_s": opened,
        "import_s": imported,
        "files": totals.files,
        "pairs": totals.pairs,
        "rows": len(rows),
        "cpu_s": cpu,
    }
    if checks:
        t0 = time.perf_counter()
        project.run_checks()
        out["checks_s"] = time.perf_counter() - t0
    if mode == "warm":
        t0 = time.perf_counter()
        conc = project.concordance()
        out["concordance_build_s"] = time.perf_counter() - t0
        times = []
        for text in keystrokes():
            t0 = time.perf_counter()
            conc.search(Query(text), limit=500)
            times.append((time.perf_counter() - t0) * 1000)
        out["search_ms"] = times
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["workers_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def _cpu() -> float:
    """CPU seconds used by this process and its finished workers (user + system)."""
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_child(folder: str, mode: str, cache: str, checks: bool) -> dict[str, object]:
    env = dict(os.environ, REVIEWER_CACHE_DIR=cache)
    args = [sys.executable, __file__, folder, "--child", mode] + (["--checks"] if checks else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def drop_page_cache() -> None:
    """Write dirty pages out, then drop clean ones; says so when it cannot (not root)."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
    except OSError as exc:
        print(f"could not drop the page cache ({exc}); the cold open reads cached files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="a folder of articles, e.g. ../shared/articles")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (medians are reported)")
    parser.add_argument("--checks", action="store_true", help="also time the checks (slow)")
    parser.add_argument(
        "--drop-caches",
        action="store_true",
        help="empty the system's page cache before each cold open (root, Linux), so the cold "
        "open reads every article from disk",
    )
    parser.add_argument("--json", action="store_true", help="end with one line of JSON")
    parser.add_argument("--child", choices=("cold", "warm"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.folder, args.child, args.checks)))
        return
    colds: list[dict[str, object]] = []
    warms: list[dict[str, object]] = []
    for k in range(args.rounds):
        cache = tempfile.mkdtemp(prefix="bench-project-cache-")
        if args.drop_caches:
            drop_page_cache()
        try:
            colds.append(run_child(args.folder, "cold", cache, args.checks and k == 0))
            warms.append(run_child(args.folder, "warm", cache, False))
        finally:
            shutil.rmtree(cache, ignore_errors=True)

    def med(runs: list[dict[str, object]], key: str) -> float:
        return statistics.median(float(r[key]) for r in runs)  # type: ignore[arg-type]

    keys = [t for w in warms for t in w["search_ms"]]  # type: ignore[attr-defined]
    keys.sort()
    search_ms = statistics.median(keys)
    files, pairs = colds[0]["files"], colds[0]["pairs"]
    rss = max(med(colds, "rss_mb"), med(warms, "rss_mb"))
    print(f"{files} articles, {pairs} pairs, {args.rounds} rounds, {os.cpu_count()} cores")
    print(
        f"cold open  {med(colds, 'open_s'):.2f} s  (goal < 3 s; {med(colds, 'cpu_s'):.2f} CPU-s "
        f"over all processes; imports {med(colds, 'import_s'):.2f} s more)"
    )
    print(
        f"warm open  {med(warms, 'open_s'):.3f} s  (goal < 0.5 s; {med(warms, 'cpu_s'):.2f} CPU-s)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} at the end (other work on the machine)")
    if args.drop_caches:
        print("page cache dropped before each cold open")
    if "checks_s" in colds[0]:
        print(f"checks     {float(colds[0]['checks_s']):.1f} s  (background, first round)")
    print(f"concordance index built in {med(warms, 'concordance_build_s'):.2f} s")
    print(
        f"search     {search_ms:.1f} ms median per keystroke over {len(keys) // len(warms)} "
        f"keystrokes, p90 {keys[int(len(keys) * 0.9)]:.1f} ms, max {keys[-1]:.1f} ms "
        "(goal < 100 ms)"
    )
    print(
        f"peak RSS   {rss:.0f} MB  (goal < 500 MB; each worker process "
        f"{med(colds, 'workers_rss_mb'):.0f} MB at most)"
    )
    if args.json:
        print(
            json.dumps(
                {
                    "files": files,
                    "pairs": pairs,
                    "cold_s": round(med(colds, "open_s"), 3),
                    "warm_s": round(med(warms, "open_s"), 3),
                    "search_ms": round(search_ms, 2),
                    "rss_mb": round(rss, 1),
                }
            )
        )


if __name__ == "__main__":
    main()
