"""Synthetic sxs-lookup articles of any size, built from real corpus pairs with fresh unique ids."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewer.core.format import RawChunk, parse  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
PREFIX = "c0ffe"
# Raw text between pairs longer than this (code fences, tables) is replaced by a blank line, so
# the article stays pair-dense like the largest real ones (~180 bytes per pair).
MAX_SEPARATOR = 400
FRONT_MATTER = (
    "---\n"
    "title: Synthetisch artikel\n"
    "ms.openlocfilehash: 0f2e6a8c1b0f4d5e9a7c3b2d1e0f9a8b7c6d5e4f\n"
    "ms.sourcegitcommit: 1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d\n"
    "ms.translationtype: MT\n"
    "ms.contentlocale: nl-NL\n"
    "ms.lasthandoff: 06/04/2021\n"
    'ms.locfileid: "52730912"\n'
    "---\n"
)


def corpus_files() -> list[Path]:
    """The corpus articles (SOURCES.md is documentation, not an article)."""
    return [p for p in sorted(CORPUS.glob("*.md")) if p.name != "SOURCES.md"]


def corpus_segments() -> list[tuple[str, str, str]]:
    """(target, source, separator after it) for every real pair outside front matter.

    Articles with parse warnings are left out so their corrupted fragments are not copied.
    """
    segments: list[tuple[str, str, str]] = []
    for path in corpus_files():
        doc = parse(path.read_bytes(), str(path))
        if doc.warnings or not doc.pairs:
            continue
        chunks = doc.chunks
        for i, chunk in enumerate(chunks):
            if isinstance(chunk, RawChunk) or chunk.in_front_matter:
                continue
            nxt = chunks[i + 1] if i + 1 < len(chunks) else None
            sep = nxt.text if isinstance(nxt, RawChunk) else ""
            if nxt is None or len(sep) > MAX_SEPARATOR or "<span" in sep:
                sep = "\n\n"
            segments.append((chunk.target, chunk.source, sep))
    return segments


def build_synthetic(n_pairs: int, segments: list[tuple[str, str, str]] | None = None) -> bytes:
    """An article of ``n_pairs`` real pairs, cycled through the corpus, renumbered from 101.

    Pass ``segments`` (from corpus_segments) to build several sizes without re-reading the corpus.
    """
    if segments is None:
        segments = corpus_segments()
    parts = [FRONT_MATTER, '# <a name="synthetic"></a>Synthetisch\n\n']
    for n in range(n_pairs):
        target, source, sep = segments[n % len(segments)]
        pid = f"{PREFIX}-{101 + n}"
        parts.append(
            f'<span data-ttu-id="{pid}">{target}</span><span class="sxs-lookup">'
            f'<span data-stu-id="{pid}">{source}</span></span>{sep}'
        )
    return "".join(parts).encode("utf-8")
