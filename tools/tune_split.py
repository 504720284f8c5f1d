"""The TUNE split of the article set: the only articles mining and training scripts may read."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.format import parse  # noqa: E402

# shared/ lies beside the repository (/work/main) or two levels up from a worktree (/work/wt/x).
ARTICLES = next(
    (p / "shared" / "articles" for p in ROOT.parents if (p / "shared" / "articles").is_dir()),
    ROOT.parent / "shared" / "articles",
)
TUNE_DIGITS = frozenset("0123456789ab")


@dataclass(frozen=True, slots=True)
class TunePair:
    file: str  # relative to the articles folder
    id: str
    source: str
    target: str


def in_tune_split(relative_path: str) -> bool:
    """Articles whose sha1(relative path) starts with 0-b; c-f are held out for evaluation."""
    return hashlib.sha1(relative_path.encode()).hexdigest()[0] in TUNE_DIGITS


def tune_files(articles: Path = ARTICLES) -> list[Path]:
    return [
        p
        for p in sorted(articles.rglob("*.md"))
        if in_tune_split(p.relative_to(articles).as_posix())
    ]


def tune_pairs(articles: Path = ARTICLES) -> Iterator[TunePair]:
    """Every pair of every TUNE-split article, in path order."""
    for path in tune_files(articles):
        rel = path.relative_to(articles).as_posix()
        try:
            doc = parse(path.read_bytes(), str(path))
        except Exception as exc:
            print(f"skipped {rel}: {exc}", file=sys.stderr)
            continue
        for pair in doc.pairs:
            yield TunePair(rel, pair.id, pair.source, pair.target)


def articles_arg(value: str | None) -> Path:
    path = Path(value) if value else ARTICLES
    if not path.is_dir():
        raise SystemExit(f"{path}: no such folder; pass --articles PATH to shared/articles")
    return path
