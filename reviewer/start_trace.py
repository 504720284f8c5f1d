"""Start-up marks, written when REVIEWER_TRACE_START names a file (see bench/start_timeline.py)."""

from __future__ import annotations

import os
import time
from typing import TextIO

PATH = os.environ.get("REVIEWER_TRACE_START", "")
_out: list[TextIO] = []


def enabled() -> bool:
    return bool(PATH)


def write(kind: str, label: str, detail: str = "") -> None:
    """One line ``WALLTIME KIND LABEL [DETAIL]``, written at once: the bench kills the window
    when it has seen enough."""
    if not PATH:
        return
    now = time.time()
    try:
        if not _out:
            _out.append(open(PATH, "a", encoding="utf-8"))  # noqa: SIM115 (kept for the run)
        _out[0].write(f"{now:.6f} {kind} {label}{' ' + detail if detail else ''}\n")
        _out[0].flush()
    except OSError:
        pass


def mark(label: str, detail: str = "") -> None:
    """A named moment of the start-up (module imported, window built, results applied), with
    the CPU time the process has used so far (less noisy than the clock on a busy machine)."""
    if PATH:
        write("mark", label, f"cpu={time.process_time():.4f} {detail}".rstrip())
