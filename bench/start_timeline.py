"""Start-up timeline under Xvfb: what the window does, what it paints, which pixels change last.

    python bench/start_timeline.py FILE|sample|largest|10k|50k [--runs 3] [--cache reopen|first]

Each run starts a private Xvfb, launches ``main.py FILE`` with REVIEWER_TRACE_START set (the
window then writes its start-up marks and every paint, resize, show and hide of a widget, see
reviewer/start_trace.py and reviewer/gui/paint_trace.py) and, beside it, a grabber that watches
the window's pixels every ``--interval`` s the way the peers harness does (shared/peers/xwait.py:
a frame more than 400 pixels away from the last reference starts a new reference; the last
reference's time is "visually complete"). It prints, per run, the marks and the pixel changes
on one clock (seconds since launch), which widgets painted after the first paint of the
table and how often, and which widgets painted inside the rectangle that changed last.
``--no-probe`` leaves the paint probe out (its event filter costs the window ~40 ms of CPU
before the first paint): marks and pixels only, the window's own cost; use it for A/B timing.

The grabber needs python-xlib and numpy: it runs under the peers harness's Python
(PEERS_VENV, default /tmp/peers/venv, made by shared/peers/prepare.sh). Without it, or
without Xvfb, this prints why and exits 0. ``--cache reopen`` (default) opens each run with
the check cache the warm-up run filled; ``first`` starts every run with an empty one.
Note that the grabber shares the CPU with the window: times are a little later than the
harness's; compare runs of this tool with each other.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = {
    "sample": "real_small",
    "largest": "real_big",
    "10k": "synth_10000",
    "50k": "synth_50000",
}
MAXDIFF = 400  # pixels: the harness's threshold (a blinking caret stays below it)
# --no-probe: main.py runs with the paint probe replaced by one that installs nothing, so the
# marks time the window alone, in any tree (--tree) as it is. The probe is an application-wide
# event filter: every event of every object calls Python, which costs the window ~40 ms of CPU
# before its first paint and makes PySide load classes the window never uses (a plain QObject
# handed to Python is matched against every QObject subclass, creating each: QMovie, QWizard...).
NO_PROBE = (
    "import os, runpy, sys, types\n"
    "probe = types.ModuleType('reviewer.gui.paint_trace')\n"
    "probe.install = lambda app: None\n"
    "sys.modules['reviewer.gui.paint_trace'] = probe\n"
    "sys.argv = sys.argv[1:]\n"
    "sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


# -- the grabber (runs under the harness's Python: python-xlib and numpy) --------------------


def grab_main(display_name: str, pattern: str, out: str, interval: float, quiet: float) -> int:
    import re

    import numpy as np
    from Xlib import X, display, error

    d = display.Display(display_name)
    root = d.screen().root
    rx = re.compile(pattern)
    deadline = time.time() + 60
    win = None
    t_title = 0.0
    while win is None and time.time() < deadline:
        for c in root.query_tree().children:
            try:
                if c.get_attributes().map_state != X.IsViewable:
                    continue
                name = c.get_full_property(
                    d.intern_atom("_NET_WM_NAME"), d.intern_atom("UTF8_STRING")
                )
            except error.XError:
                continue
            value = name.value if name is not None else b""
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            if rx.search(text):
                win, t_title = c, time.time()
                break
        else:
            time.sleep(0.01)
    frames: list[dict[str, object]] = []
    if win is None:
        Path(out).write_text(json.dumps({"t_title": None, "frames": []}))
        return 1

    def grab() -> np.ndarray:
        g = win.get_geometry()
        pos = win.translate_coords(root, 0, 0)
        img = root.get_image(-pos.x, -pos.y, g.width, g.height, X.ZPixmap, 0xFFFFFFFF)
        return np.frombuffer(img.data, dtype=np.uint32).reshape(g.height, g.width)

    def box(a: np.ndarray, b: np.ndarray) -> tuple[int, list[int]]:
        if a.shape != b.shape:
            return a.size, [0, 0, b.shape[1], b.shape[0]]
        diff = a != b
        n = int(np.count_nonzero(diff))
        if not n:
            return 0, []
        rows, cols = np.nonzero(diff.any(axis=1))[0], np.nonzero(diff.any(axis=0))[0]
        x0, y0 = int(cols[0]), int(rows[0])
        return n, [x0, y0, int(cols[-1]) - x0 + 1, int(rows[-1]) - y0 + 1]

    prev = ref = grab()
    t_ref = time.time()
    frames.append({"t": t_ref, "px": -1, "box": [], "ref": True})
    end = time.time() + 60
    while time.time() < end:
        time.sleep(interval)
        t = time.time()
        try:
            cur = grab()
        except error.XError:
            break
        n, where = box(prev, cur)
        is_ref = False
        if cur.shape != ref.shape or int(np.count_nonzero(cur != ref)) > MAXDIFF:
            ref_n, ref_box = box(ref, cur)
            ref, t_ref, is_ref = cur, t, True
            frames.append(
                {"t": t, "px": n, "box": where, "ref": True, "ref_px": ref_n, "ref_box": ref_box}
            )
        elif n:
            frames.append({"t": t, "px": n, "box": where, "ref": False})
        prev = cur
        if t - t_ref >= quiet and not is_ref:
            break
    Path(out).write_text(json.dumps({"t_title": t_title, "t_visual": t_ref, "frames": frames}))
    return 0


# -- the driver --------------------------------------------------------------------------------


def free_display() -> int:
    for n in range(150, 199):
        if not (Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists()):
            return n
    raise SystemExit("no free X display number")


def read_trace(path: Path, t0: float) -> list[tuple[float, str, str, str]]:
    events: list[tuple[float, str, str, str]] = []
    if not path.is_file():
        return events
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ", 3)
        if len(parts) < 3:
            continue
        detail = parts[3] if len(parts) > 3 else ""
        events.append((float(parts[0]) - t0, parts[1], parts[2], detail))
    return events


def overlaps(a: list[int], b: list[int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def tree_cpu(pid: int) -> float:
    """CPU seconds used by a process and its children (0.0 once it is gone)."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            pass
    return total


def wait_idle(pid: int, quiet: float = 1.0, limit: float = 120.0) -> None:
    """Until the window and its check processes have used no CPU for ``quiet`` s: a warm-up
    run must leave the check cache written (a large first open checks long after it looks
    complete)."""
    end = time.time() + limit
    last, since = tree_cpu(pid), time.time()
    while time.time() < end:
        time.sleep(0.2)
        now = tree_cpu(pid)
        if now - last > 0.02:
            last, since = now, time.time()
        elif time.time() - since >= quiet:
            return


def one_run(
    args: argparse.Namespace, file: Path, home: Path, grabber: Path, warm_up: bool = False
) -> dict[str, object]:
    number = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    work = Path(tempfile.mkdtemp(prefix="start-timeline-"))
    trace, frames_out = work / "trace.txt", work / "frames.json"
    env = dict(os.environ, DISPLAY=f":{number}", HOME=str(home))
    env.pop("QT_QPA_PLATFORM", None)
    env["XDG_CACHE_HOME"] = str(home / "cache") if args.cache == "reopen" else str(work / "cache")
    try:
        for _ in range(100):
            if subprocess.run(["xdpyinfo"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        pattern = file.name.replace(".", r"\.")
        watcher = subprocess.Popen(
            [
                str(grabber),
                __file__,
                "--grab",
                f":{number}",
                pattern,
                str(frames_out),
                str(args.interval),
                str(args.quiet),
            ],
            env=env,
        )
        main_py = str(Path(args.tree) / "main.py")
        t0 = time.time()
        app = subprocess.Popen(
            [args.python, *(["-c", NO_PROBE] if args.no_probe else []), main_py, str(file)],
            env=dict(env, REVIEWER_TRACE_START=str(trace)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        watcher.wait(timeout=120)
        if warm_up:
            wait_idle(app.pid)
        rss = 0
        status = Path(f"/proc/{app.pid}/status")
        if status.is_file():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    rss = int(line.split()[1])
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
        seen = json.loads(frames_out.read_text()) if frames_out.is_file() else {"frames": []}
        events = read_trace(trace, t0)
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)
    return {"t0": t0, "seen": seen, "events": events, "rss_kb": rss}


def report(run: dict[str, object], verbose: bool) -> dict[str, float | None]:
    t0 = float(run["t0"])  # type: ignore[arg-type]
    seen = run["seen"]
    assert isinstance(seen, dict)
    events = run["events"]
    assert isinstance(events, list)
    frames = [dict(f, t=f["t"] - t0) for f in seen.get("frames", [])]
    t_title = seen["t_title"] - t0 if seen.get("t_title") else None
    t_visual = seen["t_visual"] - t0 if seen.get("t_visual") else None
    marks = {label: t for t, kind, label, _ in events if kind == "mark"}
    cpu = {
        f"cpu@{label}": float(detail.split()[0][4:])
        for _, kind, label, detail in events
        if kind == "mark" and detail.startswith("cpu=")
    }
    first_table = marks.get("table-painted")
    rows: list[tuple[float, str]] = []
    for t, kind, label, detail in events:
        if kind == "mark":
            rows.append((t, f"mark   {label} {detail}".rstrip()))
    for f in frames:
        if f["px"] == -1:
            rows.append((f["t"], "pixels first frame grabbed"))
        elif f["ref"]:
            changed = f"{f['ref_px']} px changed in {f['ref_box']}"
            rows.append((f["t"], f"PIXELS {changed} (new reference)"))
        elif verbose:
            within = f"within {MAXDIFF} of the reference"
            rows.append((f["t"], f"pixels {f['px']} px in {f['box']} ({within})"))
    # paints after the table's first paint, per widget
    paints: dict[str, list[float]] = {}
    for t, kind, label, _ in events:
        if kind == "paint" and first_table is not None and t > first_table:
            paints.setdefault(label, []).append(t)
    if verbose:
        for t, kind, label, detail in events:
            if kind in ("resize", "show", "hide") or (kind == "paint" and label.count("/") < 2):
                rows.append((t, f"{kind:6} {label} {detail}"))
    for t, text in sorted(rows):
        print(f"  {t:7.3f}  {text}")
    print(f"  t_title {t_title}  t_visual {t_visual}  peak RSS {int(run['rss_kb']) / 1024:.1f} MB")  # type: ignore[call-overload]
    if paints:
        print("  widgets painted after the table's first paint (count, first, last):")
        for label, times in sorted(paints.items(), key=lambda kv: kv[1][-1]):
            print(f"    {len(times):3}  {times[0]:6.3f}  {times[-1]:6.3f}  {label}")
    last = [f for f in frames if f["ref"] and f["px"] != -1]
    if last:
        where = last[-1]["ref_box"]
        t_last = last[-1]["t"]
        prior = [f["t"] for f in frames if f["t"] < t_last] or [0.0]
        lo = max(prior)
        painters = sorted(
            {
                label
                for t, kind, label, detail in events
                if kind == "paint"
                and lo - 0.05 <= t <= t_last
                and detail
                and overlaps([int(v) for v in detail.split(",")], where)
            }
        )
        print(
            f"  last change {where} at {t_last:.3f} s; painted there since the frame before "
            f"({lo:.3f} s): {', '.join(painters) or 'nothing traced'}"
        )
    return {"t_title": t_title, "t_visual": t_visual, **marks, **cpu}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--grab":
        a = sys.argv[2:]
        return grab_main(a[0], a[1], a[2], float(a[3]), float(a[4]))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", help="an article, or one of " + ", ".join(INPUTS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", choices=("reopen", "first"), default="reopen")
    parser.add_argument("--tree", default=str(ROOT), help="the tree whose main.py runs")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--interval", type=float, default=0.05, help="grab period, seconds")
    parser.add_argument("--quiet", type=float, default=2.0, help="stop after this long unchanged")
    parser.add_argument("--inputs", default="/tmp/peers/synth")
    parser.add_argument("-v", "--verbose", action="store_true", help="every frame and resize")
    parser.add_argument(
        "--no-probe", action="store_true", help="marks and pixels only, no paint probe (NO_PROBE)"
    )
    args = parser.parse_args()
    file = Path(args.inputs) / f"{INPUTS[args.file]}.md" if args.file in INPUTS else Path(args.file)
    grabber = Path(os.environ.get("PEERS_VENV", "/tmp/peers/venv")) / "bin" / "python"
    tools = ("Xvfb", "xdpyinfo")
    problems = [f"{tool} is not installed" for tool in tools if not shutil.which(tool)]
    if not grabber.exists():
        problems.append(f"the grabber's Python ({grabber}, python-xlib and numpy) is missing")
    if not file.is_file():
        problems.append(f"{file} does not exist")
    if problems:
        print("start_timeline skipped: " + "; ".join(problems))
        return 0
    home = Path(tempfile.mkdtemp(prefix="start-timeline-home-"))
    summary: dict[str, list[float]] = {}
    try:
        if args.cache == "reopen":
            one_run(args, file, home, grabber, warm_up=True)  # fills the check cache
        for n in range(args.runs):
            print(f"run {n + 1} ({args.cache}, {file.name}, load {os.getloadavg()[0]:.2f}):")
            result = report(one_run(args, file, home, grabber), args.verbose)
            for key, value in result.items():
                if isinstance(value, float):
                    summary.setdefault(key, []).append(value)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"medians of {args.runs} runs: s since launch, and the window process's CPU s then")
    for key, values in sorted(summary.items(), key=lambda kv: statistics.median(kv[1])):
        if not key.startswith("cpu@"):
            used = summary.get(f"cpu@{key}")
            shown = f"{statistics.median(used):7.3f}" if used else " " * 7
            print(f"  {statistics.median(values):7.3f}  {shown}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
