"""Synthetic sxs-lookup articles of any size, built by renumbering real corpus pairs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.core.fileio import load_document  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def corpus_pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for path in sorted(CORPUS.glob("*.md")):
        try:
            doc = load_document(path)
        except Exception:
            continue
        pairs.extend((p.target, p.source) for p in doc.pairs if not p.in_front_matter)
    return pairs


def build(n: int) -> str:
    """An article with ``n`` pairs, one paragraph per pair, ids fresh and rising."""
    pairs = corpus_pairs()
    lines = [
        "---",
        "title: Synthetisch artikel",
        "ms.translationtype: MT",
        "ms.contentlocale: nl-NL",
        'ms.locfileid: "1"',
        "---",
        "",
    ]
    for k in range(n):
        target, source = pairs[k % len(pairs)]
        pid = f"abcde-{k + 103}"
        lines.append(
            f'<span data-ttu-id="{pid}">{target}</span><span class="sxs-lookup">'
            f'<span data-stu-id="{pid}">{source}</span></span>'
        )
        lines.append("")
    return "\n".join(lines)


def ensure(n: int, folder: str | os.PathLike[str]) -> Path:
    """Path of a cached synthetic article with ``n`` pairs in ``folder``."""
    path = Path(folder) / f"synthetic-{n}.md"
    if not path.exists():
        path.write_text(build(n), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(ensure(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "/tmp"))
