"""Files shipped inside the package: icon, sample article, translations and check data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped file (pip installs the package unzipped, so it is a real file)."""
    return Path(str(files(__name__).joinpath(*parts)))


SAMPLE_ARTICLE = "sample/canceling-your-office-365-subscription.md"
