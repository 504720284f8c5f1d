"""Automatic QA checks: the registry plus the built-in checks, imported for registration."""

from __future__ import annotations

from reviewer.core.checks.base import (
    REGISTRY,
    Check,
    CheckConfig,
    Finding,
    Level,
    check_pair,
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
    "register_document_check",
    "register_pair_check",
    "run_checks",
]
