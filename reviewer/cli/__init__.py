"""The command line: verify, check, export, import and the project commands, over the window's
core; one module per command group, common.py for what they share."""

from __future__ import annotations

from reviewer.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from reviewer.cli.entry import build_parser, main

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "build_parser", "main"]
