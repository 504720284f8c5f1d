"""Resolve every pinned dependency as binary wheels for each platform and Python we support.

Runs ``pip install --dry-run --only-binary=:all: --platform ...`` for each target below and
``pip download --platform win_amd64`` of the whole set, so a pin without a wheel for Windows or
macOS fails here instead of on a reviewer's machine. It reads the pins from pyproject.toml
(runtime dependencies plus the ``test`` extra, which the quick start installs on every platform).
It needs the network (or a warm pip cache) and takes about a minute with a warm cache.

    python tools/check_platforms.py            # every target
    python tools/check_platforms.py --quick    # one Python version per platform
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The Python versions the project claims (pyproject's classifiers say the same).
PYTHONS = ("3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]
    supported: bool = True  # False: resolution must fail (documents a stated minimum)


# pip widens a macOS tag downwards by itself (macosx_13_0_arm64 also takes 11.0 and 12.0 wheels)
# but not a manylinux tag, so Linux lists every glibc from the minimum back to manylinux2014.
_LINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(34, 16, -1))

TARGETS = (
    # PySide6-Essentials 6.11 is built for glibc 2.34 (Debian 12, Ubuntu 22.04, RHEL 9).
    Target("Linux x86_64 (glibc 2.34+)", (*_LINUX, "manylinux2014_x86_64")),
    Target("Windows x64", ("win_amd64",)),
    Target("macOS 13+ arm64", ("macosx_13_0_arm64",)),
    Target("macOS 13+ x86_64", ("macosx_13_0_x86_64",)),
    # The stated minimum is macOS 13: Qt 6.10 and later ship no wheel for macOS 12.
    Target("macOS 12 arm64", ("macosx_12_0_arm64",), supported=False),
    Target("macOS 12 x86_64", ("macosx_12_0_x86_64",), supported=False),
)


def requirements(extras: tuple[str, ...] = ("test",)) -> list[str]:
    """The runtime pins plus the named extras, read from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs.extend(project.get("optional-dependencies", {}).get(extra, []))
    return reqs


def _pip(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env, check=False
    )


def _binary_args(platforms: tuple[str, ...], python: str) -> list[str]:
    tags = [arg for tag in platforms for arg in ("--platform", tag)]
    return [
        "--only-binary=:all:",
        *tags,
        "--python-version",
        python,
        "--implementation",
        "cp",
    ]


def _error_lines(result: subprocess.CompletedProcess[str]) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("ERROR")]
    return "\n    ".join(lines[-3:]) or result.stderr.strip()[-500:]


def resolve(target: Target, python: str, reqs: list[str], tmp: Path) -> tuple[bool, str]:
    """Dry-run install for one platform and Python; (resolved, summary or error)."""
    report = tmp / f"report-{target.platforms[0]}-{python}.json"
    result = _pip(
        "install",
        "--dry-run",
        "--ignore-installed",
        "--quiet",
        "--target",
        str(tmp / "target"),
        "--report",
        str(report),
        *_binary_args(target.platforms, python),
        *reqs,
    )
    if result.returncode != 0:
        return False, _error_lines(result)
    installed = json.loads(report.read_text(encoding="utf-8"))["install"]
    wheels = [Path(item["download_info"]["url"]).name for item in installed]
    qt = next((w for w in wheels if w.lower().startswith("pyside6_essentials")), "no Qt wheel")
    return True, f"{len(wheels)} wheels, e.g. {qt}"


def download_windows(python: str, reqs: list[str], tmp: Path) -> tuple[bool, str]:
    """Download the whole set for Windows x64 as it would be installed there."""
    dest = tmp / "win_amd64"
    args = _binary_args(("win_amd64",), python)
    result = _pip("download", "--quiet", "-d", str(dest), *args, *reqs)
    if result.returncode != 0:
        return False, _error_lines(result)
    files = sorted(p.name for p in dest.iterdir())
    not_wheels = [f for f in files if not f.endswith(".whl")]
    if not_wheels:
        return False, f"not wheels: {', '.join(not_wheels)}"
    size = sum(p.stat().st_size for p in dest.iterdir()) / 1_048_576
    return True, f"{len(files)} wheels, {size:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"only Python {PYTHONS[0]} (the oldest supported)"
    )
    args = parser.parse_args(argv)
    pythons = PYTHONS[:1] if args.quick else PYTHONS
    reqs = requirements()
    print(f"{len(reqs)} pins from pyproject.toml (runtime + test extra)")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="reviewer-platforms-") as raw:
        tmp = Path(raw)
        for target in TARGETS:
            for python in pythons if target.supported else pythons[:1]:
                start = time.monotonic()
                ok, detail = resolve(target, python, reqs, tmp)
                took = time.monotonic() - start
                label = f"{target.name}, Python {python}"
                if ok == target.supported:
                    verdict = "ok  " if ok else "ok (unsupported, as stated)"
                    print(f"{verdict} {label}: {detail if ok else 'no wheel'} [{took:.0f} s]")
                else:
                    failures += 1
                    what = "does not resolve" if target.supported else "resolves unexpectedly"
                    print(f"FAIL {label} {what}:\n    {detail}")
        start = time.monotonic()
        ok, detail = download_windows(pythons[0], reqs, tmp)
        took = time.monotonic() - start
        print(f"{'ok  ' if ok else 'FAIL'} pip download, Windows x64: {detail} [{took:.0f} s]")
        failures += not ok
    print("every platform resolves" if failures == 0 else f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
