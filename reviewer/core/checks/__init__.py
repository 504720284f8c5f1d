"""Automatic QA checks: the registry plus the built-in checks, imported for registration."""

from __future__ import annotations

# Importing the check modules registers their checks; the order here is the report order.
from reviewer.core.checks import consistency, links, markup, numbers, text  # noqa: F401
from reviewer.core.checks.base import (
    REGISTRY,
    Check,
    CheckConfig,
    Finding,
    Level,
    check_pair,
    document_checks,
    pair_checks,
    register_document_check,
    register_pair_check,
    run_checks,
)

__all__ = [
    "REGISTRY",
    "Check",
    "CheckConfig",
    "Finding",
    "Level",
    "check_pair",
    "document_checks",
    "pair_checks",
    "register_document_check",
    "register_pair_check",
    "run_checks",
]
