"""Shared paths and helpers for the window tests."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tests.corpus import CORPUS, ROOT, SAMPLE, copy_corpus

__all__ = ["CORPUS", "ROOT", "SAMPLE", "copy_corpus", "load", "synthetic_article"]


def load(qtbot, win, path: Path, checks: bool = True) -> None:  # type: ignore[no-untyped-def]
    assert win.open_path(str(path))
    if checks:
        qtbot.waitUntil(
            lambda: win.session.checks_ready and win.checks.words is not None, timeout=10000
        )
        qtbot.wait(1)


def synthetic_article(folder: Path, pairs: int) -> Path:
    """An article of ``pairs`` real corpus pairs with fresh ids (bench/synthetic.py)."""
    from bench.synthetic import build_synthetic

    path = folder / f"synthetic-{pairs}.md"
    path.write_bytes(build_synthetic(pairs, _segments()))
    return path


@lru_cache(maxsize=1)
def _segments() -> list[tuple[str, str, str]]:
    from bench.synthetic import corpus_segments

    return corpus_segments()
