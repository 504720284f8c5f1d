"""Checks over the cores: articles' check tasks sent to workers in chunks, findings back."""

from __future__ import annotations

import marshal
from collections.abc import Iterator

from reviewer.core.checks import Level
from reviewer.core.project.parallel import CancelToken, ProgressFn, chunked, run_chunks
from reviewer.core.project.records import StoredFinding
from reviewer.core.project.worker import CheckTask, run_check_tasks

# Below these many articles the checks run in this process: starting workers costs more.
PARALLEL_CHECKS_FROM = 24
CHECKS_CHUNK = 12

PlainFinding = tuple[int, str, str, str, int]  # row, code, level value, message, line


def check_in_workers(
    tasks: list[CheckTask], progress: ProgressFn | None, cancel: CancelToken | None
) -> Iterator[tuple[str, str, str, list[PlainFinding]]]:
    """Each article's (rel, digest, findings key, plain findings) as its chunk finishes."""
    for _, data in run_chunks(
        run_check_tasks,
        chunked(tasks, CHECKS_CHUNK),
        parallel=len(tasks) >= PARALLEL_CHECKS_FROM,
        progress=progress,
        cancel=cancel,
        what="Checking",
    ):
        yield from marshal.loads(data)


def stored_findings(plain: list[PlainFinding]) -> list[StoredFinding]:
    return [
        StoredFinding(row, code, Level(level), message, line)
        for row, code, level, message, line in plain
    ]
