"""Checks started with the program, in a child forked before the window exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.core import check_cache, check_jobs, check_prestart
from reviewer.core.check_jobs import Done, Partial
from reviewer.core.checks import run_checks
from reviewer.core.config import Config
from reviewer.core.fileio import digest
from reviewer.core.format import parse
from tests.corpus import copy_corpus

pytestmark = pytest.mark.skipif(not check_jobs.can_fork(), reason="no fork on this platform")
ARTICLE = "activity-reports.md"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the defaults


def expected(path: Path) -> tuple[str, str, list[object]]:
    data = path.read_bytes()
    config = Config()
    check_config = config.check_config()
    key = check_cache.fingerprint(check_config, config.language_settings())
    return key, digest(data), list(run_checks([parse(data, str(path))], check_config))


def test_the_window_gets_rows_in_view_first_then_everything(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path, ARTICLE)
    check_prestart.prestart(str(path))
    job = check_prestart.take(str(path))
    assert job is not None and check_prestart.take(str(path)) is None  # taken once
    job.tell("rows", [4, 5, 6])
    job.tell("painted")
    key, article_digest, findings = expected(path)
    messages = list(job.messages(key, article_digest))
    assert isinstance(messages[0], Partial) and messages[0].rows == [4, 5, 6]
    done = messages[-1]
    assert isinstance(done, Done) and not done.cached
    assert check_jobs.findings_of(done.findings, str(path)) == findings
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)  # reaped

    # The next start of the program finds them stored.
    check_prestart.prestart(str(path))
    again = check_prestart.take(str(path))
    assert again is not None
    stored = list(again.messages(key, article_digest))
    assert len(stored) == 1 and isinstance(stored[0], Done) and stored[0].cached


def test_other_settings_or_text_drop_the_job(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path, ARTICLE)
    check_prestart.prestart(str(path))
    job = check_prestart.take(str(path))
    assert job is not None
    key, _, _ = expected(path)
    assert list(job.messages(key, "another digest")) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)  # stopped and reaped


def test_opening_another_file_stops_the_job(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path, ARTICLE)
    check_prestart.prestart(str(path))
    pid = check_prestart._jobs[os.path.abspath(path)].pid
    assert check_prestart.take(str(tmp_path / "other.md")) is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_an_unreadable_article_ends_the_job_quietly(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_bytes(b"\xff\xfe not utf-8 \x80")
    check_prestart.prestart(str(path))
    job = check_prestart.take(str(path))
    assert job is not None
    assert list(job.messages("key", "digest")) == []
    check_prestart.prestart(str(tmp_path / "missing.md"))  # no file: nothing starts
    assert check_prestart.take(str(tmp_path / "missing.md")) is None
