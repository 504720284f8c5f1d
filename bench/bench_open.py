"""Open time beside Qt Linguist and Lokalize: launch to visually complete, under Xvfb.

Runs the peers harness (``shared/peers/gui_open_time.sh``: a private Xvfb per run, the
window found by its title, pinged, then watched until its pixels stop changing) for our
window and for Qt Linguist 5, Lokalize and Qt Linguist 6 on the same four articles: the
bundled sample's source (11 pairs), the largest article of the shared set, and synthetic
10,000 and 50,000 pairs, each as .md for us and .ts/.po for the peers. Runs are
interleaved: every round opens every file in every tool once, so a busy spell of the
machine falls on all tools alike. Medians of the measured rounds are reported, and our
t_visual as a ratio to the fastest peer on that file (goal: <= 1.0).

Our window runs twice per round: "reopen" keeps its check cache between runs (a reviewer
reopening an article), "first" starts each run with an empty cache folder (a file never
opened, on a fresh install); ``--cache seasoned`` adds a run whose cache folder holds only the
language tables and word verdicts earlier runs left (a file never opened, on a machine where
the program has run). ``--ours LABEL=TREE`` adds another tree's main.py (e.g. an older checkout)
to compare before and after in the same rounds.

Prepare once with ``shared/peers/prepare.sh`` (root; Debian packages and /tmp/peers).
Without the harness, Xvfb or the inputs this prints why and exits 0: the project's tests
never depend on the peers.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METRICS = ("t_title", "t_ping", "t_visual", "t_cpu")
# file key -> input stem under INPUTS
FILES = {
    "sample": "real_small",
    "largest": "real_big",
    "10k": "synth_10000",
    "50k": "synth_50000",
}
# peer tool -> (extension it opens, executable it needs)
PEERS = {
    "linguist5": ("ts", "/usr/lib/qt5/bin/linguist"),
    "lokalize": ("po", "lokalize"),
    "linguist": ("ts", "/usr/lib/qt6/bin/linguist"),
}
LABELS = {"linguist5": "Qt Linguist 5", "lokalize": "Lokalize", "linguist": "Qt Linguist 6"}


@dataclass
class Entry:
    """One column of the comparison: a tool (ours or a peer) and how to run it."""

    label: str
    tool: str  # the harness's TOOL argument
    ext: str
    env: dict[str, str]
    fresh_cache: bool = False  # ours only: an empty cache folder for every run
    # ours only: the language tables and kept verdicts carried from run to run (a first open
    # of an article on a machine where the program has run before)
    seed: Path | None = None

    @property
    def ours(self) -> bool:
        return self.tool == "ours"


def find_peers(explicit: str | None) -> Path | None:
    candidates = (
        [explicit]
        if explicit
        else [
            os.environ.get("PEERS_DIR", ""),
            str(ROOT.parent / "shared" / "peers"),
            "/work/shared/peers",
        ]
    )
    for c in candidates:
        if c and (Path(c) / "gui_open_time.sh").is_file():
            return Path(c)
    return None


def missing_requirements(peers: Path | None, inputs: Path) -> list[str]:
    """What stops the bench from running at all (empty: it can run)."""
    problems = []
    if peers is None:
        problems.append("the peers harness (shared/peers/gui_open_time.sh) was not found")
    for tool in ("Xvfb", "xdotool", "import", "xdpyinfo"):
        if shutil.which(tool) is None:
            problems.append(f"{tool} is not installed")
    venv = Path(os.environ.get("PEERS_VENV", "/tmp/peers/venv")) / "bin" / "python"
    if not venv.exists():
        problems.append(f"the harness's Python ({venv}) is missing")
    if not Path("/usr/bin/time").exists():
        problems.append("/usr/bin/time is not installed")
    for stem in FILES.values():
        if not (inputs / f"{stem}.md").is_file():
            problems.append(f"the input {inputs / stem}.md is missing")
            break
    return problems


def parse_line(line: str) -> dict[str, str]:
    out = {}
    for token in line.split():
        key, sep, value = token.partition("=")
        if sep:
            out[key] = value
    return out


def run_once(peers: Path, entry: Entry, path: Path, shot: Path, timeout: int) -> dict[str, str]:
    env = dict(os.environ, **entry.env, GUI_TIMEOUT=str(timeout))
    cache = None
    if entry.fresh_cache:
        cache = tempfile.mkdtemp(prefix="bench-open-cache-")
        env["XDG_CACHE_HOME"] = cache
        if entry.seed is not None and entry.seed.is_dir():
            shutil.copytree(entry.seed, Path(cache, "reviewer", "tables"))
    try:
        proc = subprocess.run(
            [str(peers / "gui_open_time.sh"), entry.tool, str(path), str(shot)],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout * 3 + 60,
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout"}
    finally:
        if cache is not None:
            tables = Path(cache, "reviewer", "tables")
            if entry.seed is not None and not entry.seed.exists() and tables.is_dir():
                shutil.copytree(tables, entry.seed)  # the first run (warm-up) seeds the rest
            shutil.rmtree(cache, ignore_errors=True)
    lines = proc.stdout.strip().splitlines()
    return parse_line(lines[-1]) if lines else {"status": "no output"}


def number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def summarise(runs: list[dict[str, str]]) -> dict[str, object]:
    out: dict[str, object] = {"runs": len(runs)}
    failed = [r for r in runs if r.get("status") or number(r.get("t_visual")) is None]
    out["failed"] = len(failed)
    good = [r for r in runs if r not in failed]
    for m in METRICS:
        values = [v for r in good if (v := number(r.get(m))) is not None]
        out[m] = round(statistics.median(values), 3) if values else None
        out[m + "_all"] = [r.get(m) for r in runs]
    rss = [int(r["vmhwm_kb"]) for r in good if r.get("vmhwm_kb", "").isdigit()]
    out["rss_mb"] = round(statistics.median(rss) / 1024, 1) if rss else None
    return out


def compile_tree(tree: Path) -> None:
    """An installed app has its bytecode; without it every launch would compile from source."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(tree / "reviewer")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build_entries(args: argparse.Namespace, home: Path) -> tuple[list[Entry], list[str]]:
    entries: list[Entry] = []
    notes: list[str] = []
    trees = [("ours", ROOT)] + [
        (label, Path(tree).resolve()) for label, _, tree in (o.partition("=") for o in args.ours)
    ]
    for label, tree in trees:
        if not (tree / "main.py").is_file():
            notes.append(f"{label}: no main.py in {tree}, left out")
            continue
        compile_tree(tree)
        cmd = f"{sys.executable} {tree / 'main.py'}"
        wanted = ["reopen", "first"] if args.cache == "both" else args.cache.split(",")
        for variant in wanted:
            if variant not in ("reopen", "first", "seasoned"):
                notes.append(f"unknown cache variant {variant!r}, left out")
                continue
            name = f"{label}-{variant}"
            env = {
                "OURS_CMD": cmd,
                "PEERS_HOME": str(home / name),
                # the reopen variant keeps one cache folder across its runs
                "XDG_CACHE_HOME": str(home / name / "cache"),
            }
            seed = home / name / "seed" if variant == "seasoned" else None
            if seed is not None and args.seed:
                shutil.copytree(args.seed, seed)
            entries.append(Entry(name, "ours", "md", env, variant != "reopen", seed))
    for tool in args.tools.split(","):
        if not tool:
            continue
        if tool not in PEERS:
            notes.append(f"unknown peer {tool!r} (known: {', '.join(PEERS)})")
            continue
        ext, exe = PEERS[tool]
        if shutil.which(exe) is None:
            notes.append(f"{LABELS[tool]} ({exe}) is not installed: left out")
            continue
        entries.append(Entry(tool, tool, ext, {}))
    return entries, notes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="measured rounds (median)")
    parser.add_argument("--warmup", type=int, default=1, help="discarded rounds first")
    parser.add_argument("--json", action="store_true", help="print only the JSON summary")
    parser.add_argument(
        "--files", default=",".join(FILES), help=f"comma list of {', '.join(FILES)}"
    )
    parser.add_argument("--tools", default=",".join(PEERS), help="comma list of peers")
    parser.add_argument(
        "--cache",
        default="both",
        help="comma list of reopen (the cache kept between runs), first (an empty cache every "
        "run), seasoned (an empty cache but for the language tables and verdicts of earlier "
        "runs: an article never opened on a machine that ran the program); both = reopen,first",
    )
    parser.add_argument(
        "--ours",
        action="append",
        default=[],
        metavar="LABEL=TREE",
        help="also time another tree's main.py (e.g. before=/tmp/old-checkout)",
    )
    parser.add_argument(
        "--seed",
        help="the seasoned runs' language tables and verdicts: a cache's reviewer/tables "
        "folder, e.g. from bench/compare_findings.py over other articles (default: what the "
        "first run leaves)",
    )
    parser.add_argument("--peers", help="the peers folder (default: shared/peers)")
    parser.add_argument("--inputs", default="/tmp/peers/synth", help="prepare.sh's inputs")
    parser.add_argument("--shots", default="/tmp/peers/shots", help="screenshots go here")
    parser.add_argument("--timeout", type=int, default=120, help="per run, seconds")
    args = parser.parse_args()

    peers = find_peers(args.peers)
    inputs = Path(args.inputs)
    problems = missing_requirements(peers, inputs)
    if problems:
        message = "bench_open skipped: " + "; ".join(problems)
        message += ". Run shared/peers/prepare.sh (as root) first."
        if args.json:
            print(json.dumps({"skipped": message}))
        else:
            print(message)
        return 0
    assert peers is not None
    home = Path(tempfile.mkdtemp(prefix="bench-open-home-"))
    entries, notes = build_entries(args, home)
    files = [f for f in args.files.split(",") if f]
    for f in files:
        if f not in FILES:
            parser.error(f"unknown file {f!r} (known: {', '.join(FILES)})")
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    runs: dict[tuple[str, str], list[dict[str, str]]] = {}
    load = [os.getloadavg()[0]]
    try:
        for rnd in range(args.warmup + args.runs):
            measured = rnd >= args.warmup
            for f in files:
                for entry in entries:
                    path = inputs / f"{FILES[f]}.{entry.ext}"
                    if not path.is_file():
                        continue
                    shot = shots / f"{entry.label}_{path.name}.png"
                    result = run_once(peers, entry, path, shot, args.timeout)
                    tag = f"round {rnd + 1 - args.warmup}" if measured else "warm-up"
                    if not args.json:
                        shown = " ".join(f"{m}={result.get(m, '-')}" for m in METRICS)
                        print(
                            f"[{tag}] {entry.label:16} {f:8} {shown} "
                            f"rss={result.get('vmhwm_kb', '-')}kB"
                            f"{' ' + result['status'] if 'status' in result else ''}",
                            flush=True,
                        )
                    if measured:
                        runs.setdefault((f, entry.label), []).append(result)
            load.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(home, ignore_errors=True)

    summary: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "rounds": args.runs,
        "load_1min": {"min": min(load), "median": statistics.median(load), "max": max(load)},
        "notes": notes,
        "files": {},
    }
    table: dict[str, object] = {}
    for f in files:
        tools = {
            entry.label: summarise(runs[(f, entry.label)])
            for entry in entries
            if (f, entry.label) in runs
        }
        peer_visual = {
            k: v["t_visual"]
            for k, v in tools.items()
            if k in PEERS and isinstance(v["t_visual"], float) and not v["failed"]
        }
        fastest = min(peer_visual, key=lambda k: peer_visual[k]) if peer_visual else None
        ratios: dict[str, float | None] = {}
        rss_ratios: dict[str, float | None] = {}
        for k, v in tools.items():
            if k in PEERS:
                continue
            ours_visual = v["t_visual"]
            ratios[k] = (
                round(ours_visual / peer_visual[fastest], 2)
                if fastest and isinstance(ours_visual, float)
                else None
            )
            peer_rss = tools[fastest]["rss_mb"] if fastest else None
            ours_rss = v["rss_mb"]
            rss_ratios[k] = (
                round(ours_rss / peer_rss, 2)
                if isinstance(ours_rss, float) and isinstance(peer_rss, float)
                else None
            )
        table[f] = {
            "input": FILES[f],
            "tools": tools,
            "fastest_peer": fastest,
            "ratio_visual": ratios,
            "ratio_rss": rss_ratios,
        }
    summary["files"] = table
    if args.json:
        print(json.dumps(summary))
        return 0
    print()
    print(
        f"medians of {args.runs} interleaved rounds; load average "
        f"{min(load):.1f}-{max(load):.1f} (1 min) on {os.cpu_count()} cores"
    )
    for note in notes:
        print("note:", note)
    header = (
        f"{'file':8} {'tool':16} {'title':>6} {'ping':>6} {'visual':>6} {'cpu':>6} {'RSS MB':>7}"
    )
    print(header)
    for f, data in table.items():
        assert isinstance(data, dict)
        for k, v in data["tools"].items():
            cells = [f"{v[m]:6.3f}" if isinstance(v[m], float) else f"{'-':>6}" for m in METRICS]
            rss = f"{v['rss_mb']:7.1f}" if isinstance(v["rss_mb"], float) else f"{'-':>7}"
            failed = f"  ({v['failed']} of {v['runs']} failed)" if v["failed"] else ""
            print(f"{f:8} {k:16} {' '.join(cells)} {rss}{failed}")
        for k, r in data["ratio_visual"].items():
            print(
                f"{f:8} {k:16} visual / fastest peer ({data['fastest_peer']}): "
                f"{r if r is not None else '-'}; RSS / that peer's: "
                f"{data['ratio_rss'][k] if data['ratio_rss'][k] is not None else '-'}"
            )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
