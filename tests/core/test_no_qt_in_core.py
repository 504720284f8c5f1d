"""The core and the CLI must never import Qt: an AST scan beside the import-linter contract."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "reviewer.gui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imported_names(source: str, path: Path) -> list[tuple[int, str]]:
    """Every module an import statement (or importlib call with a literal) may load."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                # Resolve ``from ..gui import x`` against the module's own package.
                pkg = _package(path).split(".")
                anchor = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def violations(source: str, path: Path) -> list[str]:
    bad = []
    for line, name in imported_names(source, path):
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
            bad.append(f"{path.relative_to(ROOT)}:{line}: imports {name}")
    return bad


def core_modules() -> list[Path]:
    return [
        *sorted((ROOT / "reviewer" / "core").rglob("*.py")),
        *sorted((ROOT / "reviewer" / "cli").glob("*.py")),
    ]


def test_scan_covers_the_core() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in core_modules()}
    assert {
        "reviewer/core/format/reader.py",
        "reviewer/core/fileio.py",
        "reviewer/core/errors.py",
        "reviewer/cli/entry.py",
    } <= names


def test_core_and_cli_never_import_qt() -> None:
    bad = [v for p in core_modules() for v in violations(p.read_text(encoding="utf-8"), p)]
    assert bad == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import Qt",
        "import shiboken6 as s",
        "from reviewer.gui import app",
        "import reviewer.gui.model",
        "from ..gui import app",
        "from .. import gui",
        "def f():\n    from PySide6 import QtWidgets",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "__import__('shiboken6')",
    ],
)
def test_scanner_catches_each_form(source: str) -> None:
    path = ROOT / "reviewer" / "core" / "example.py"
    assert len(violations(source, path)) >= 1


@pytest.mark.parametrize(
    "source",
    [
        "import yaml",
        "from reviewer.core.format import parse",
        "from . import errors",
        "import guide",
        "from reviewer import core",
    ],
)
def test_scanner_allows_the_rest(source: str) -> None:
    assert violations(source, ROOT / "reviewer" / "core" / "example.py") == []
