"""Same findings from two trees: run every check over the same articles with each, and diff.

``python bench/compare_findings.py --tree before=/path/to/old --tree after=. ARTICLES...``
runs, for each tree, a fresh interpreter with that tree first on the path (the article set's
folders are walked for ``*.md``), collects every finding (file, pair id, line, code, level,
category, message) in report order, and prints the articles whose findings differ. A tree may
be given twice (``after-cold``/``after-warm`` with the same cache folder) to compare a run that
builds the language table snapshots and keeps the words' verdicts with one that reads them (each
run defers the dictionary and keeps its verdicts as a check process does, where the tree can).
``--split tune|held-out|all`` keeps the articles of one split of the shared set (sha1 of the
path relative to the set's root: 0-b TUNE, c-f HELD-OUT). Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child interpreter: one JSON line per article on stdout.
_CHILD = r"""
import json, sys
from reviewer.core import check_jobs
from reviewer.core.checks import lexicon, run_checks
from reviewer.core.format import parse
from reviewer.core.errors import ReviewerError
print(json.dumps({"module": __import__("reviewer").__file__}), flush=True)
if hasattr(lexicon, "defer_dictionary"):  # as a check process runs (a tree that has it)
    lexicon.defer_dictionary()
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        doc = parse(open(path, "rb").read(), path)
    except (ReviewerError, OSError, ValueError) as exc:
        print(json.dumps({"path": path, "error": type(exc).__name__}), flush=True)
        continue
    found = [
        [f.pair_id, f.line, f.code, f.level.value, f.category, f.message]
        for f in run_checks([doc])
    ]
    print(json.dumps({"path": path, "findings": found}), flush=True)
if hasattr(check_jobs, "keep_verdicts"):
    check_jobs.keep_verdicts()
"""


def articles(roots: list[str], split: str, base: Path | None) -> list[Path]:
    out: list[Path] = []
    for root in roots:
        p = Path(root)
        files = [p] if p.is_file() else sorted(p.rglob("*.md"))
        for f in files:
            if split != "all" and base is not None:
                rel = f.resolve().relative_to(base.resolve()).as_posix()
                held_out = hashlib.sha1(rel.encode()).hexdigest()[0] in "cdef"
                if held_out != (split == "held-out"):
                    continue
            out.append(f.resolve())
    return out


def run_tree(tree: Path, files: list[Path], cache: str, python: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(tree), REVIEWER_CACHE_DIR=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.run(
        [python, "-c", _CHILD],
        input="".join(f"{f}\n" for f in files),
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"{tree}: the checks failed:\n{proc.stderr[-3000:]}")
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    module = lines[0]["module"]
    if not str(module).startswith(str(tree.resolve())):
        sys.exit(f"{tree}: ran {module}, not this tree's code")
    result = {x["path"]: x.get("findings", x.get("error")) for x in lines[1:]}
    return {"results": result, "seconds": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="articles or folders of articles")
    parser.add_argument(
        "--tree", action="append", required=True, help="LABEL=TREE; the first is the reference"
    )
    parser.add_argument("--split", choices=("all", "tune", "held-out"), default="all")
    parser.add_argument("--base", help="the shared set's root, for --split")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cache", help="the cache folder every tree uses (default: a new one)")
    args = parser.parse_args(argv)
    base = Path(args.base) if args.base else None
    files = articles(args.paths, args.split, base)
    cache = args.cache or tempfile.mkdtemp(prefix="compare-findings-")
    runs: list[tuple[str, dict[str, object]]] = []
    for spec in args.tree:
        label, _, tree = spec.partition("=")
        run = run_tree(Path(tree or label).resolve(), files, cache, args.python)
        results = run["results"]
        assert isinstance(results, dict)
        count = sum(len(v) for v in results.values() if isinstance(v, list))
        print(f"{label}: {len(results)} articles, {count} findings, {run['seconds']:.1f} s")
        runs.append((label, run))
    reference_label, reference = runs[0]
    ref = reference["results"]
    assert isinstance(ref, dict)
    differ = 0
    for label, run in runs[1:]:
        res = run["results"]
        assert isinstance(res, dict)
        bad = [p for p in ref if ref[p] != res.get(p)]
        differ += len(bad)
        print(f"{label} against {reference_label}: {len(bad)} of {len(ref)} articles differ")
        for p in bad[:10]:
            a, b = ref[p], res.get(p)
            print(f"  {p}")
            if isinstance(a, list) and isinstance(b, list):
                for x in [x for x in a if x not in b][:3]:
                    print(f"    only {reference_label}: {x}")
                for x in [x for x in b if x not in a][:3]:
                    print(f"    only {label}: {x}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
