"""The test corpus folder and a helper that copies an article out of it to write to."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
NAMESERVERS = "change-nameservers.md"  # small, clean, and the core tests' usual article
SAMPLE = "canceling-your-office-365-subscription.md"  # the window tests' and journal's article


def copy_corpus(folder: Path, name: str = NAMESERVERS) -> Path:
    """A writable copy of a corpus article (tests never write into tests/data)."""
    target = folder / name
    shutil.copyfile(CORPUS / name, target)
    target.chmod(0o644)
    return target
