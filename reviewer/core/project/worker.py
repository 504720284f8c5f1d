"""The functions worker processes run: importable by name, so spawned workers find them."""

from __future__ import annotations

import marshal
from dataclasses import dataclass

from reviewer.core.checks import load_builtin_checks
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.config import Config
from reviewer.core.project.discovery import Found
from reviewer.core.project.records import check_findings, summarize


@dataclass(frozen=True, slots=True)
class SummarizeJob:
    """Index a chunk of articles; the result is marshalled plain records (cheap to send)."""

    config: Config

    def __call__(self, chunk: list[Found]) -> bytes:
        records = [summarize(found, self.config) for found in chunk]
        return marshal.dumps([(r.to_plain(), r.texts_plain()) for r in records])


# The language files this process's spelling and terminology checks were pointed at.
_language: LanguageSettings | None = None


def use_language(settings: LanguageSettings) -> None:
    """Point the language checks at the user's files, once per process (configuring again
    drops the loaded dictionaries, so a chunk must not do it when nothing changed)."""
    global _language
    if settings != _language:
        from reviewer.core.checks import lexicon

        lexicon.configure(settings)
        _language = settings


@dataclass(frozen=True, slots=True)
class CheckTask:
    """One article to check, with the settings that apply to it and the key its findings are
    stored under (both worked out by the project, so every process agrees on them)."""

    rel: str
    path: str
    config: Config
    key: str


def run_check_tasks(chunk: list[CheckTask]) -> bytes:
    """Run the checks on a chunk of articles; returns (rel, digest, key, plain findings) each."""
    load_builtin_checks()
    out = []
    for task in chunk:
        use_language(task.config.language_settings())
        digest, findings = check_findings(task.path, task.config)
        plain = [(f.row, f.code, f.level.value, f.message, f.line) for f in findings]
        out.append((task.rel, digest, task.key, plain))
    return marshal.dumps(out)
