"""Automatic QA checks: the registry plus the built-in checks, loaded on first use."""

from __future__ import annotations

from typing import Any

# The check modules (regex-heavy, ~35 ms to import from source) register themselves when first
# needed: run_checks, check_pair, pair_checks, document_checks or reading REGISTRY load them,
# so opening the window does not wait for them. Report order: base.BUILTIN_MODULES.
from reviewer.core.checks.base import (
    Check,
    CheckConfig,
    Finding,
    Level,
    document_checks,
    load_builtin_checks,
    pair_checks,
    preload,
    register_document_check,
    register_pair_check,
)
from reviewer.core.checks.running import check_pair, run_checks


def __getattr__(name: str) -> Any:
    if name == "REGISTRY":
        from reviewer.core.checks import base

        load_builtin_checks()
        return base.REGISTRY
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "REGISTRY",
    "Check",
    "CheckConfig",
    "Finding",
    "Level",
    "check_pair",
    "document_checks",
    "load_builtin_checks",
    "pair_checks",
    "preload",
    "register_document_check",
    "register_pair_check",
    "run_checks",
]
