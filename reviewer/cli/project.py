"""What the project commands share: the project over the paths named, names, progress, options."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewer.cli.common import Progress, config_from, configure_language, write_advice
from reviewer.core.pair_write import SaveError
from reviewer.core.project import Project, open_paths
from reviewer.core.project.changes import ArticleResult


class ProgressCounter:
    """The CLI's one-line progress counter, fed by the core's progress callback."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.line: Progress | None = None

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.line is None or self.line.total != total:
            self.clear()
            self.line = Progress(self.verb, total)
        self.line.step(done)

    def clear(self) -> None:
        if self.line is not None:
            self.line.clear()


def project_from(args: argparse.Namespace, verb: str) -> tuple[Project, int]:
    """The project over the paths named, and how many articles (or review files) could not be
    read; each of those is reported on stderr with the file and what to do."""
    counter = ProgressCounter(verb)
    project = open_paths(
        args.paths, config_from(args), use_cache=not args.no_cache, progress=counter
    )
    counter.clear()
    project.rows()  # reads each article's project file (.reviewer.yaml), if any
    for problem in project.problems + project.configs.problems:
        print(f"reviewer: {problem}", file=sys.stderr)
    problems = len(project.problems) + len(project.configs.problems)
    for record in project.records:
        if record.error or record.sidecar_error:
            print(f"reviewer: {record.error or record.sidecar_error}", file=sys.stderr)
            problems += 1
    return project, problems


def shown_names(paths: Sequence[str], project: Project) -> dict[str, str]:
    """Each article's name as the user would type it: the file named, or the folder named
    joined with the path below it (what ``check`` prints, so the two read alike)."""
    names: dict[str, str] = {}
    for p in paths:
        if os.path.isdir(p):
            base = os.path.abspath(p)
            for rel in project.rels:
                absolute = project.path_of(rel)
                if absolute.startswith(base + os.sep):
                    names.setdefault(rel, os.path.join(p, os.path.relpath(absolute, base)))
        else:
            names.setdefault(project.rel_of(p), p)
    return names


def check_project(project: Project, rels: Sequence[str] | None = None) -> None:
    configure_language(project.config, project.config.check_config())
    counter = ProgressCounter("checking")
    project.run_checks(counter, rels=rels)
    counter.clear()


def failure_message(item: ArticleResult, name: str, what: str) -> str:
    """Why an article was left unchanged, with advice worded for the command line."""
    exc = item.exception
    if isinstance(exc, SaveError) and exc.cause is not None:
        return f"{name}: {what} not saved. {write_advice(exc.path, exc.cause)}"
    return item.error


def add_no_cache(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="read every article again instead of using the project index cache",
    )


def add_find_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--find", required=True, metavar="TEXT", help="text (or regex) to look for")
    p.add_argument("--regex", action="store_true", help="TEXT is a Python regular expression")
    p.add_argument("--whole-word", action="store_true", help="only whole words")
