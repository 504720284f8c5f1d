"""Small real projects for the project tests, copied out of tests/data so tests may write."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
PROJECT = DATA / "project"
CORPUS = DATA / "corpus"
# Corpus articles added beside the project's own, so the project has more than one folder
# level and articles without the recurring error.
EXTRA = (
    "change-nameservers.md",
    "what-is-a-domain.md",
    "add-users-to-intune.md",
    "activity-reports.md",
    "apps-health.md",
    "allowselfservicepurchase-powershell.md",
    "collect-diagnostic-data.md",
    "deploy-manage-report-microsoft-defender-antivirus.md",
    "advanced-hunting-deviceevents-table.md",
)
TOKEN_ERROR = "toegangs token"  # split compound; Dutch writes "toegangstoken"
# In segment targets; one more is in a front-matter title, which is not a segment.
TOKEN_FILES = 5
TOKEN_HITS = 6


def make_project(folder: Path) -> Path:
    """tests/data/project's articles under ``folder``/articles, plus EXTRA in docs/."""
    root = folder / "articles"
    for src in sorted(PROJECT.rglob("*.md")):
        if src.name == "SOURCES.md":
            continue
        target = root / src.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name in EXTRA:
        shutil.copyfile(CORPUS / name, docs / name)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.md"))}
