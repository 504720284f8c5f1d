"""The user's cache folder for reviewer, and one cache file per article or project path."""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.core import digests

ENV_CACHE_DIR = "REVIEWER_CACHE_DIR"


def cache_dir() -> Path:
    """$REVIEWER_CACHE_DIR, else the platform's per-user cache folder for reviewer."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    import platformdirs  # only here: opening a file without a cache lookup never needs it

    return Path(platformdirs.user_cache_dir("reviewer", appauthor=False))


def keyed_file(kind: str, path: str, suffix: str) -> Path:
    """The cache file of ``kind`` for an article or folder, one per absolute path."""
    key = digests.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / kind / f"{key[:24]}{suffix}"
