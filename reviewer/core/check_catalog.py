"""What resolving check settings needs of each registered check, without importing the checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reviewer.core.checks import base, tables
from reviewer.core.checks.base import Level

# Opening an article resolves its check settings (profiles.resolve) to find its stored
# results; that needs each check's code, level, category and default state, not the check
# modules themselves (~25 ms to import before the window's first paint). The window imports
# them on the GUI thread right after its first paint (gui/app.py), never on a worker thread
# that may hold a lock another importer waits for. The snapshot is keyed by the contents of
# every module in the checks package (tables.key), so a changed check is never served stale;
# without one, the modules are imported and a snapshot is made for the next time.
NAME = "check-catalog"
LEVELS = {level.value: level for level in Level}


class CheckInfo(Protocol):
    """The part of a registered check that its settings are resolved against."""

    @property
    def code(self) -> str: ...
    @property
    def level(self) -> Level: ...
    @property
    def category(self) -> str: ...
    @property
    def default_on(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class CheckMeta:
    code: str
    level: Level
    category: str
    default_on: bool


def registered() -> Mapping[str, CheckInfo]:
    """code → check, in report order: the registry once the check modules are loaded, else
    the snapshot made from them."""
    if base.builtin_checks_loaded() or _by_hand():
        base.load_builtin_checks()
        return base.REGISTRY
    rows = tables.cached(NAME, _sources(), _build, _valid)
    return {
        code: CheckMeta(code, LEVELS[level], category, on) for code, level, category, on in rows
    }


def _by_hand() -> bool:
    """Checks registered by something other than a built-in check module (a plug-in, a test)."""
    package = f"{base.__package__}."
    return any(
        not getattr(c.pair_fn or c.document_fn, "__module__", "").startswith(package)
        for c in base.REGISTRY.values()
    )


def _sources() -> list[Path]:
    return sorted(Path(base.__file__).parent.glob("*.py"))


def _build() -> list[tuple[str, str, str, bool]]:
    base.load_builtin_checks()
    return [(c.code, c.level.value, c.category, c.default_on) for c in base.REGISTRY.values()]


def _valid(value: object) -> bool:
    if not isinstance(value, list) or not value:
        return False
    codes: set[str] = set()
    for row in value:
        if not (isinstance(row, tuple) and len(row) == 4):
            return False
        code, level, category, on = row
        if not (isinstance(code, str) and isinstance(category, str) and isinstance(on, bool)):
            return False
        if level not in LEVELS or code in codes:
            return False
        codes.add(code)
    return True
