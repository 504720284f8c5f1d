"""Growth of the paths hostile input once made quadratic: time at n and 2n, and the ratio.

A ratio near 2 is linear; near 4 is quadratic. Each case is what an attack on the file handling
found slow (100,000 openers without a source, a 48 MB single line, 100,000 nested spans, two
check patterns on a 40,000-character target, YAML alias bombs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import check_pair, run_checks  # noqa: E402
from reviewer.core.edits import SetTarget  # noqa: E402
from reviewer.core.format import Pair, parse  # noqa: E402
from reviewer.core.sidecar_read import parse_sidecar  # noqa: E402
from reviewer.core.store import SidecarError  # noqa: E402
from reviewer.core.workspace import open_article  # noqa: E402

HEAD = "---\ntitle: x\n---\n"


def pair(n: int, target: str = "", source: str = "") -> str:
    return (
        f'<span data-ttu-id="abcde-{n}">{target or f"Doel {n}"}</span><span class="sxs-lookup">'
        f'<span data-stu-id="abcde-{n}">{source or f"Source {n}"}</span></span>'
    )


def openers(n: int) -> Callable[[], object]:
    data = (HEAD + "\n".join(f'<span data-ttu-id="abcde-{k}">t' for k in range(n))).encode()

    def run() -> object:
        doc = parse(data, "x.md")
        return run_checks([doc])

    return run


def single_line(megabytes: int) -> Callable[[], object]:
    count = megabytes * 1_000_000 // len(pair(10_000))
    data = (HEAD + " ".join(pair(k) for k in range(101, 101 + count)) + "\n").encode()
    folder = Path(tempfile.mkdtemp())
    path = folder / "line.md"

    def run() -> object:
        path.write_bytes(data)
        ws = open_article(str(path))
        ws.session.apply(SetTarget(row=count // 2, new_target="Nieuw doel"))
        ws.save()  # splice, shift every pair on the line, write
        return run_checks([ws.session.doc])

    return run


def nested(n: int) -> Callable[[], object]:
    spans = "<span>" * n + "x" + "</span>" * n
    data = (HEAD + pair(101, spans, spans) + "\n").encode()
    return lambda: parse(data, "x.md")


def tag_pattern(n: int) -> Callable[[], object]:
    p = Pair("abcde-101", "<a" + " " * n, "Source.", 0, 1, 1, 0, 0, 0, 0, 0)
    return lambda: check_pair(p, "x.md")


def dot_pattern(n: int) -> Callable[[], object]:
    p = Pair("abcde-101", " " * n + ".x", "Source.", 0, 1, 1, 0, 0, 0, 0, 0)
    return lambda: check_pair(p, "x.md")


def alias_bomb(levels: int) -> Callable[[], object]:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{k}: &l{k} [{', '.join([f'*l{k - 1}'] * 9)}]" for k in range(1, levels)]
    data = ("---\n" + "\n".join(lines) + f"\ntitle: *l{levels - 1}\n---\n" + pair(101)).encode()
    side = ("schema: 2\n" + "\n".join(lines) + f"\nsegments: *l{levels - 1}\n").encode()

    def run() -> object:
        doc = parse(data, "x.md")
        assert doc.warnings and "alias" in doc.warnings[0].message
        try:
            parse_sidecar(side, "x.review.yaml")
        except SidecarError:
            return doc
        raise AssertionError("an aliased review file was read")

    return run


CASES: list[tuple[str, Callable[[int], Callable[[], object]], int, str]] = [
    ("openers without source: parse+check", openers, 50_000, "openers"),
    ("single line: open+edit+save+check", single_line, 12, "MB"),
    ("nested spans: parse", nested, 50_000, "spans"),
    ("'<a' + spaces: check_pair", tag_pattern, 200_000, "chars"),
    ("spaces + '.x': check_pair", dot_pattern, 200_000, "chars"),
    ("YAML alias bomb: front matter+sidecar", alias_bomb, 9, "levels"),
]


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args(argv)
    print(f"median of {args.repeat}; ratio = time(2n) / time(n): ~2 linear, ~4 quadratic")
    print(f"  {'case':42} {'n':>14} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}")
    for name, make, n, unit in CASES:
        t1 = median_time(make(n), args.repeat)
        t2 = median_time(make(2 * n), args.repeat)
        shown = f"{n:,} {unit}"
        print(f"  {name:42} {shown:>14} {t1:8.3f} {t2:8.3f} {t2 / t1:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
