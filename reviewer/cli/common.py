"""What every command shares: exit codes, finding and opening articles, config, user, progress."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import fnmatch
import getpass
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from reviewer.core.checks import REGISTRY, CheckConfig, run_checks
from reviewer.core.config import Config, config_for_article, find_project_config, load_config
from reviewer.core.errors import ReviewerError
from reviewer.core.project.discovery import common_root
from reviewer.core.workspace import Workspace, open_article

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2

# What to do when a file cannot be written, worded for the command line (no Save As here).
_WRITE_ADVICE = {
    errno.EROFS: "The disk or share is read-only: copy the files to a folder you can write to "
    "and run the command there.",
    errno.EACCES: "You may not write to that folder: ask for write access, or copy the files "
    "to a folder of yours.",
    errno.ENOSPC: "The disk is full: free some space and run the command again.",
    errno.EDQUOT: "Your disk quota is used up: free some space and run the command again.",
    errno.ENOENT: "The folder does not exist: check the path.",
    errno.ENAMETOOLONG: "The name is too long for this disk: rename the article (its review "
    "file adds 12 characters) or move it to a shorter path.",
}
_WRITE_ADVICE[errno.EPERM] = _WRITE_ADVICE[errno.EACCES]
WINDOWS_MAX_PATH = 260


def write_advice(path: str, exc: OSError) -> str:
    """Why ``path`` could not be written and what to do, in one line."""
    reason = exc.strerror or str(exc)
    if sys.platform == "win32" and len(os.path.abspath(path)) >= WINDOWS_MAX_PATH:
        advice = (
            "Windows limits paths to 260 characters unless long paths are enabled: enable "
            "them (see the README) or move the folder to a shorter path."
        )
    else:
        advice = _WRITE_ADVICE.get(exc.errno or 0, "Nothing was written; run the command again.")
    return f"{path}: cannot write it: {reason}. {advice}"


def print_save_notes(notes: Iterable[str]) -> None:
    """What a save could not keep (an owner, a hard link): the user must hear of it."""
    for note in notes:
        print(f"reviewer: note: {note}", file=sys.stderr)


def iter_articles(paths: Iterable[str], problems: list[str] | None = None) -> list[str]:
    """Files named, plus every ``*.md`` below each folder named, in a stable order.

    A folder below that cannot be listed (no permission, a path too long for the system) is
    skipped, and a message naming it goes to ``problems``.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            is_dir = p.is_dir()
        except OSError:  # a name too long for the system: reading it reports that clearly
            is_dir = False
        if is_dir:
            found.extend(str(f) for f in _articles_below(p, problems))
        else:
            found.append(raw)
    return found


def _articles_below(folder: Path, problems: list[str] | None) -> list[Path]:
    def unlisted(exc: OSError) -> None:
        if problems is not None:
            where = exc.filename or folder
            problems.append(f"{where}: folder skipped, it cannot be listed: {exc.strerror}.")

    # os.walk, unlike Path.rglob, goes on past a folder it cannot list. Links to folders are
    # not followed (as rglob), so a link loop cannot recurse forever.
    found = [
        Path(top, name)
        for top, _dirs, names in os.walk(folder, onerror=unlisted)
        for name in names
        if fnmatch.fnmatch(name, "*.md")
    ]
    return sorted(f for f in found if f.is_file())


class Progress:
    """A one-line ``\\r`` counter on stderr for long runs; silent when stderr is no terminal."""

    def __init__(self, verb: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.verb = verb
        self.total = total
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total > 1 and callable(isatty) and bool(isatty())
        self._width = 0

    def step(self, done: int) -> None:
        if self.enabled:
            text = f"\r{self.verb} {done}/{self.total} files"
            self._width = max(self._width, len(text))
            self.stream.write(text)
            self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def config_from(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def user_from(args: argparse.Namespace, config: Config) -> str:
    if args.user:
        return str(args.user)
    if config.reviewer:
        return config.reviewer
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def _unique(files: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in files:
        key = os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def merged_config(
    name: str, config: Config, args: argparse.Namespace, cache: dict[str | None, Config]
) -> Config:
    """The user config with the article's project file (.reviewer.yaml) merged over it, and the
    --profile of the command line over both."""
    project = find_project_config(name)
    if project not in cache:
        merged = config_for_article(name, config)
        profile = getattr(args, "profile", None)
        if profile:
            merged = dataclasses.replace(merged, profile=profile)
        merged.check_config()  # an unknown profile is reported here, naming the files
        cache[project] = merged
    return cache[project]


def open_all(args: argparse.Namespace, config: Config, verb: str) -> tuple[list[Workspace], int]:
    """Open every article named; unreadable ones are reported on stderr and counted."""
    problems: list[str] = []
    files = _unique(iter_articles(args.paths, problems))
    for problem in problems:
        print(f"reviewer: {problem}", file=sys.stderr)
    user = user_from(args, config)
    progress = Progress(verb, len(files))
    opened: list[Workspace] = []
    failed = len(problems)
    configs: dict[str | None, Config] = {}
    for k, name in enumerate(files, start=1):
        progress.step(k)
        try:
            article_config = merged_config(name, config, args, configs)
            opened.append(open_article(name, user=user, config=article_config))
        except ReviewerError as exc:
            progress.clear()
            print(f"reviewer: {exc}", file=sys.stderr)
            failed += 1
    progress.clear()
    return opened, failed


def check_workspaces(workspaces: Sequence[Workspace], config: Config) -> None:
    """One run over all articles that share check settings, so the consistency checks compare
    across files; articles of projects with other settings run as their own group."""
    groups: dict[object, list[Workspace]] = {}
    for ws in workspaces:
        project = find_project_config(ws.path)
        groups.setdefault((ws.session.check_config.key(), project), []).append(ws)
    for members in groups.values():
        checks = members[0].session.check_config
        configure_language(config_for_article(members[0].path, config), checks)
        findings = run_checks([ws.session.doc for ws in members], checks)
        for ws in members:
            ws.session.assign_findings(findings)


def configure_language(config: Config, checks: CheckConfig) -> None:
    """Point the spelling and terminology checks at the user's (and project's) files; say once
    on stderr when spelling is off or a glossary cannot be read."""
    from reviewer.core.checks import lexicon, terms

    lexicon.configure(config.language_settings())
    wanted = {c.code for c in REGISTRY.values() if checks.enabled(c)}
    status = lexicon.spelling_status()
    if not status.available and "spelling" in wanted:
        print(f"reviewer: {status.message}", file=sys.stderr)
    for problem in terms.load_problems():
        print(f"reviewer: {problem}", file=sys.stderr)


def project_root(paths: Sequence[str]) -> str:
    """The folder report paths are relative to: the folder named, or the common folder."""
    if len(paths) == 1 and os.path.isdir(paths[0]):
        return os.path.abspath(paths[0])
    return common_root(paths)


def split_ids(raw: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for item in raw or ():
        out.extend(part.strip() for part in item.split(",") if part.strip())
    return out


# ``add(name, help, description, paths)``: a subparser with the global options and PATH...
Add = Callable[..., argparse.ArgumentParser]
