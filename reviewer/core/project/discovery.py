"""Finding the articles of a project folder, with the size and mtime of each and its sidecar."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reviewer.core.store import SUFFIX

ARTICLE_SUFFIX = ".md"


@dataclass(frozen=True, slots=True)
class Stamp:
    """A file's size and modification time: unchanged stamps mean an unchanged file."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stamp:
        return cls(st.st_size, st.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Found:
    """One article of the project: where it is, and its stamp and its sidecar's (if any)."""

    rel: str  # relative to the project root, with "/" on every platform
    path: str
    stamp: Stamp
    sidecar: Stamp | None


def _walk(folder: str, problems: list[str] | None) -> Iterator[os.DirEntry[str]]:
    """Every entry below ``folder``; hidden folders (.git, .vs) and symlinked folders skipped.
    A folder that cannot be listed is skipped too, and named in ``problems``."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        if problems is not None:
            problems.append(f"{folder}: folder skipped, it cannot be listed: {exc.strerror}.")
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith("."):
                    yield from _walk(entry.path, problems)
            else:
                yield entry
        except OSError:
            continue


def discover(root: str | os.PathLike[str], problems: list[str] | None = None) -> list[Found]:
    """The ``*.md`` articles below ``root`` in path order (case-insensitive, as a file
    browser lists them), each with its sidecar's stamp. Folders that cannot be listed are
    named in ``problems``."""
    base = os.path.abspath(os.fspath(root))
    articles: dict[str, os.DirEntry[str]] = {}
    sidecars: dict[str, os.DirEntry[str]] = {}
    for entry in _walk(base, problems):
        name = entry.name
        if name.endswith(ARTICLE_SUFFIX) and not name.startswith("."):
            articles[entry.path] = entry
        elif name.endswith(SUFFIX):
            sidecars[entry.path[: -len(SUFFIX)]] = entry
    found: list[Found] = []
    for path, entry in articles.items():
        try:
            if not entry.is_file():
                continue
            stamp = Stamp.of(entry.stat())
        except OSError:
            continue  # vanished while we looked
        side_entry = sidecars.get(path)
        side: Stamp | None = None
        if side_entry is not None:
            try:
                side = Stamp.of(side_entry.stat())
            except OSError:
                side = None
        # Below base by construction: slicing is 5x quicker than os.path.relpath.
        rel = path[len(base) :].lstrip(os.sep)
        found.append(Found(rel.replace(os.sep, "/") if os.sep != "/" else rel, path, stamp, side))
    found.sort(key=lambda f: (f.rel.casefold(), f.rel))
    return found


def stamp_file(root: str, rel: str) -> Found | None:
    """One article found again (after a save or a change on disk); None when it is gone."""
    path = os.path.join(root, *PurePosixPath(rel).parts)
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None
    try:
        side: Stamp | None = Stamp.of(os.stat(path + SUFFIX))
    except OSError:
        side = None
    return Found(rel, path, Stamp.of(st), side)


def relative(root: str, path: str) -> str:
    """``path`` relative to ``root`` with "/" separators; the absolute path when outside it."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    if rel.startswith(".."):
        return Path(os.path.abspath(path)).as_posix()
    return rel.replace(os.sep, "/")


def common_root(paths: Iterable[str]) -> str:
    """The folder a list of files and folders shares: the project root for a CLI run."""
    folders = [
        os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))
        for p in paths
    ]
    if not folders:
        return os.getcwd()
    try:
        return os.path.commonpath(folders)
    except ValueError:  # different drives: no common folder
        return folders[0]
