"""Developer commands on every platform: python dev.py run|test|lint|i18n|fuzz|bench|clean."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"
MINIMUM = (3, 11)
WINDOWS = sys.platform == "win32"
SCRIPTS = VENV / ("Scripts" if WINDOWS else "bin")
PY = SCRIPTS / ("python.exe" if WINDOWS else "python")
# ruff and mypy read their paths from pyproject.toml; these are the gates `test` runs.
TEST_RUFF_PATHS = (
    "reviewer",
    "dev.py",
    "tools/check_platforms.py",
    "tools/check_wheel.py",
    "main.py",
)
LINT_RUFF_PATHS = ("reviewer", "tests", "bench", "tools", "main.py", "dev.py")
# `ruff format --check` covers all the code in `lint` and `test` alike, so no file drifts.
FORMAT_PATHS = LINT_RUFF_PATHS
# The window's translations: lupdate reads every module of reviewer/gui into the .ts files
# (translated in Qt Linguist: pyside6-linguist), lrelease compiles them into the shipped .qm.
I18N = ROOT / "reviewer" / "resources" / "i18n"
LANGUAGES = ("nl",)


class DevError(Exception):
    """A step failed; the message says what to do, the code is the process's exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _check_python() -> None:
    if sys.version_info < MINIMUM:
        have = ".".join(map(str, sys.version_info[:3]))
        raise DevError(
            f"reviewer needs Python {MINIMUM[0]}.{MINIMUM[1]} or newer; this is {have}.\n"
            "Install a newer Python (python.org, or your system's packages) and run dev.py "
            "with it, e.g. `py -3.13 dev.py run` on Windows or `python3.13 dev.py run`."
        )


def _run(args: Sequence[str | os.PathLike[str]], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(os.fspath(a) for a in args), flush=True)
    code = subprocess.call([os.fspath(a) for a in args], cwd=ROOT, env=env)
    if code != 0:
        raise DevError(f"failed with exit code {code}", code)


def _make_venv() -> None:
    if PY.exists():
        return
    print(f"creating {VENV.relative_to(ROOT)} with Python {sys.version.split()[0]}", flush=True)
    try:
        venv.EnvBuilder(with_pip=True, upgrade_deps=True).create(VENV)
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)
        hint = " On Debian/Ubuntu: sudo apt-get install python3-venv." if not WINDOWS else ""
        raise DevError(f"Could not create a virtual environment ({exc}).{hint}") from None


def _wanted(extras: Sequence[str]) -> str:
    """What the stamp records: the extras and a digest of pyproject.toml."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{','.join(sorted(extras))} {digest}"


def ensure_installed(extras: Sequence[str] = ("test",)) -> None:
    """An editable install with the extras, redone only when pyproject.toml or the extras change."""
    _check_python()
    _make_venv()
    wanted = _wanted(extras)
    if STAMP.is_file() and STAMP.read_text(encoding="utf-8").strip() == wanted:
        return
    target = f".[{','.join(extras)}]" if extras else "."
    _run([PY, "-m", "pip", "install", "--quiet", "-e", target])
    # An editable install is not byte-compiled; compile once so every start is quick.
    _run([PY, "-m", "compileall", "-q", "reviewer", "main.py"])
    STAMP.write_text(wanted + "\n", encoding="utf-8")


def _offscreen() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _pytest(args: Sequence[str], env: dict[str, str]) -> None:
    try:
        _run([PY, "-m", "pytest", "-q", *args], env=env)
    except DevError as exc:
        if exc.code == 5:
            print("pytest ran no test", file=sys.stderr)
        raise


def cmd_run(extra: Sequence[str]) -> None:
    ensure_installed()
    args = [os.fspath(PY), "main.py", *(extra or ["--sample"])]
    print("+", " ".join(args), flush=True)
    code = subprocess.call(args, cwd=ROOT)
    if code != 0:
        raise DevError("", code)  # the window, or main.py's own message, said why


def cmd_test(extra: Sequence[str]) -> None:
    ensure_installed()
    _run([PY, "-m", "ruff", "check", *TEST_RUFF_PATHS])
    _run([PY, "-m", "ruff", "format", "--check", *FORMAT_PATHS])
    _run([PY, "-m", "mypy"])
    _run([SCRIPTS / ("lint-imports.exe" if WINDOWS else "lint-imports")])
    _pytest(extra, _offscreen())


def cmd_lint(extra: Sequence[str]) -> None:
    ensure_installed()
    _run([PY, "-m", "ruff", "check", *LINT_RUFF_PATHS])
    _run([PY, "-m", "ruff", "format", "--check", *FORMAT_PATHS])
    _run([PY, "-m", "mypy"])


def _tool(name: str) -> Path:
    return SCRIPTS / (f"{name}.exe" if WINDOWS else name)


def cmd_i18n(extra: Sequence[str]) -> None:
    ensure_installed()
    sources = sorted(p.relative_to(ROOT) for p in (ROOT / "reviewer" / "gui").glob("*.py"))
    for lang in LANGUAGES:
        ts = (I18N / f"reviewer_{lang}.ts").relative_to(ROOT)
        # No line numbers: they would change the .ts with every edit of the code.
        args = ["-locations", "none", "-no-obsolete", "-source-language", "en", "-target-language"]
        _run([_tool("pyside6-lupdate"), *args, lang, *sources, "-ts", ts])
        _run([_tool("pyside6-lrelease"), "-silent", ts, "-qm", ts.with_suffix(".qm")])
    print(
        f"Translate what is new in {I18N.relative_to(ROOT)} (pyside6-linguist), then run "
        "`python dev.py i18n` again to build the .qm files."
    )


def cmd_fuzz(extra: Sequence[str]) -> None:
    ensure_installed()
    env = _offscreen()
    env.setdefault("REVIEWER_FUZZ_EXAMPLES", "20000")
    campaign = [
        "tests/core/test_fuzz.py",
        # The importers (XLIFF, XLSX, CSV) and the export-edit-import round trip.
        "tests/core/test_fuzz_import.py",
        "tests/core/test_import_properties.py",
    ]
    _pytest([*campaign, *extra], env)


def cmd_bench(extra: Sequence[str]) -> None:
    ensure_installed(("test", "bench"))
    scripts = ("bench_parse.py", "bench_batch.py", "bench_gui.py", "bench_preview.py")
    for script in (*scripts, "bench_hostile.py"):
        _run([PY, Path("bench") / script])


def cmd_clean(extra: Sequence[str]) -> None:
    for name in (".venv", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "build"):
        shutil.rmtree(ROOT / name, ignore_errors=True)


COMMANDS = {
    "run": (cmd_run, "open the window (on the bundled sample unless you pass a file)"),
    "test": (cmd_test, "ruff, mypy, import-linter and the whole test suite, headless"),
    "lint": (cmd_lint, "ruff (check and format --check) over all code, and mypy"),
    "i18n": (cmd_i18n, "update the .ts translations from reviewer/gui and build the .qm files"),
    "fuzz": (cmd_fuzz, "a longer fuzzing of the parser and importers (REVIEWER_FUZZ_EXAMPLES)"),
    "bench": (cmd_bench, "the benchmarks in bench/"),
    "clean": (cmd_clean, "remove .venv and the tool caches"),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dev.py",
        description="Set up .venv on first use and run a developer command.",
        epilog="\n".join(f"  {name:6} {text}" for name, (_, text) in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=COMMANDS, metavar="COMMAND", help="see below")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on (pytest, main.py)")
    args = parser.parse_args(argv)
    try:
        COMMANDS[args.command][0](args.args)
    except DevError as exc:
        if str(exc):
            print(f"dev.py {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
