"""The check cache and the window's check job: same findings as run_checks, reused when safe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.core import check_cache, check_jobs
from reviewer.core.check_cache import DOCUMENT, PAIR
from reviewer.core.check_jobs import Done, Partial, Request
from reviewer.core.checks import CheckConfig, Level, run_checks, running
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.fileio import digest
from reviewer.core.format import parse
from tests.corpus import CORPUS, copy_corpus

# Articles with findings of pair checks and of document checks (register, consistency).
ARTICLES = ("canceling-your-office-365-subscription.md", "activity-reports.md")


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(folder))
    return folder


def request(path: Path, config: CheckConfig | None = None, first: range = range(0)) -> Request:
    data = path.read_bytes()
    config = config or CheckConfig()
    return Request(
        article=str(path),
        doc=parse(data, str(path)),
        config=config,
        key=check_cache.fingerprint(config, LanguageSettings()),
        digest=digest(data),
        first=first,
    )


def done(messages: list[check_jobs.Message]) -> Done:
    last = messages[-1]
    assert isinstance(last, Done)
    assert not any(isinstance(m, Done) for m in messages[:-1])
    return last


class Counting:
    """Counts the pair-check calls (one per distinct source and target checked)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = running.pair_messages

        def counted(*args: object) -> object:
            self.calls += 1
            return real(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(running, "pair_messages", counted)


@pytest.mark.parametrize("name", ARTICLES)
def test_same_findings_as_run_checks_then_read_back(tmp_path: Path, name: str) -> None:
    path = copy_corpus(tmp_path, name)
    req = request(path)
    expected = run_checks([req.doc], req.config)
    assert expected, "the article must have findings for this test to mean anything"
    first = done(list(check_jobs.run(req)))
    assert not first.cached
    assert check_jobs.findings_of(first.findings, req.doc.path) == expected
    assert first.words is not None and first.words > 0

    again = done(list(check_jobs.run(request(path))))
    assert again.cached
    assert check_jobs.findings_of(again.findings, str(path)) == expected
    assert again.words == first.words


def test_an_edited_article_checks_only_the_changed_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_corpus(tmp_path, ARTICLES[1])
    list(check_jobs.run(request(path)))
    req = request(path)
    pair = req.doc.pairs[3]
    pair.target = pair.target + " extra  tekst"
    req.doc.pairs[5].target = req.doc.pairs[5].target.upper()
    new_bytes = req.doc.serialize()
    path.write_bytes(new_bytes)
    req = request(path)
    counting = Counting(monkeypatch)
    result = done(list(check_jobs.run(req)))
    assert not result.cached
    assert counting.calls == 2
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)


def test_repeated_segments_are_checked_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.synthetic import build_synthetic

    path = tmp_path / "repeats.md"
    data = build_synthetic(300)
    body = data.split(b"\n---\n", 1)[1] if data.startswith(b"---") else data
    path.write_bytes(data + b"\n" + body.replace(b'-id="', b'-id="again-'))
    req = request(path)
    distinct = len(set(zip(req.doc.pairs.sources(), req.doc.pairs.targets(), strict=True)))
    assert distinct < len(req.doc.pairs)
    counting = Counting(monkeypatch)
    result = done(list(check_jobs.run(req)))
    assert counting.calls == distinct
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)


def test_other_settings_never_reuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_corpus(tmp_path, ARTICLES[0])
    list(check_jobs.run(request(path)))
    config = CheckConfig(levels={"register-mix": Level.ERROR}, disabled={"spelling"})
    req = request(path, config)
    counting = Counting(monkeypatch)
    result = done(list(check_jobs.run(req)))
    assert counting.calls > 0 and not result.cached
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], config)


def test_fingerprint_follows_settings_and_language_files(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("een\n", encoding="utf-8")
    lang = LanguageSettings(user_dictionary=str(words))
    key = check_cache.fingerprint(CheckConfig(), lang)
    assert key == check_cache.fingerprint(CheckConfig(), lang)
    assert key != check_cache.fingerprint(CheckConfig(disabled={"spelling"}), lang)
    assert key != check_cache.fingerprint(CheckConfig(enabled_extra={"x"}), lang)
    assert key != check_cache.fingerprint(CheckConfig(levels={"a": Level.INFO}), lang)
    assert key != check_cache.fingerprint(CheckConfig(), LanguageSettings(shipped_terms=False))
    words.write_text("een\ntwee\n", encoding="utf-8")  # a word added: the results may differ
    assert key != check_cache.fingerprint(CheckConfig(), lang)


def test_rows_in_view_come_first_with_their_pair_findings(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path, ARTICLES[1])
    req = request(path, first=range(2, 9))
    messages = list(check_jobs.run(req))
    partial = messages[0]
    assert isinstance(partial, Partial)
    assert partial.rows == list(range(2, 9))
    final = done(messages)
    assert partial.findings == [p for p in final.findings if 2 <= p[0] < 9]


def test_document_findings_on_rows_in_view_come_with_the_rest(tmp_path: Path) -> None:
    """The rows in view go out before the checks that read the whole article; what those find
    on them follows in Done, and nothing else differs."""
    path = copy_corpus(tmp_path, "deploy-manage-report-microsoft-defender-antivirus.md")
    in_view = range(30, 45)
    messages = list(check_jobs.run(request(path, first=in_view)))
    partial, final = messages[0], done(messages)
    assert isinstance(partial, Partial)
    shown = [p for p in final.findings if p[0] in in_view]
    assert {p[8] for p in shown} == {PAIR, DOCUMENT}  # ref-link-undefined, bold-cut…
    assert partial.findings == [p for p in shown if p[8] == PAIR]
    assert check_jobs.findings_of(final.findings, str(path)) == run_checks(
        [parse(path.read_bytes(), str(path))], CheckConfig()
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"\x00" * len(b),  # overwritten
        lambda b: b[:40] + b"garbage" + b[47:],  # a damaged header
        lambda b: b[:-200] + os.urandom(200),  # a damaged body
        lambda b: b"",
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: object) -> None:
    path = copy_corpus(tmp_path, ARTICLES[0])
    list(check_jobs.run(request(path)))
    stored = check_cache.cache_file(str(path))
    stored.write_bytes(damage(stored.read_bytes()))  # type: ignore[operator]
    req = request(path)
    result = done(list(check_jobs.run(req)))
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)
    assert done(list(check_jobs.run(request(path)))).cached  # written again, whole


def test_no_cache_folder_still_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(blocker))
    path = copy_corpus(tmp_path, ARTICLES[0])
    req = request(path)
    result = done(list(check_jobs.run(req)))
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)


def test_the_folder_stays_under_its_limit(tmp_path: Path, cache: Path) -> None:
    for k in range(6):
        path = tmp_path / f"a{k}.md"
        path.write_bytes((CORPUS / ARTICLES[0]).read_bytes())
        list(check_jobs.run(request(path)))
        os.utime(check_cache.cache_file(str(path)), (k, k))  # a0 used longest ago
    folder = cache / "checks"
    sizes = sorted(p.stat().st_size for p in folder.iterdir())
    check_cache.trim(folder, limit=sum(sizes[:3]) + 1)
    left = {p.name for p in folder.iterdir()}
    assert check_cache.cache_file(str(tmp_path / "a5.md")).name in left
    assert check_cache.cache_file(str(tmp_path / "a0.md")).name not in left
    assert len(left) <= 3


def test_split_over_a_forked_helper_gives_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not check_jobs.can_fork():
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(check_jobs, "SPLIT_AT", 4)
    path = copy_corpus(tmp_path, ARTICLES[1])
    req = request(path, first=range(0, 3))
    result = done(list(check_jobs.run(req, split=lambda: True)))
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)


def test_forked_job_sends_the_same_as_in_process(tmp_path: Path) -> None:
    if not check_jobs.can_fork():
        pytest.skip("no fork on this platform")
    path = copy_corpus(tmp_path, ARTICLES[1])
    req = request(path, first=range(0, 5))
    messages = list(check_jobs.run_forked(req))
    assert isinstance(messages[0], Partial)
    result = done(messages)
    assert check_jobs.findings_of(result.findings, str(path)) == run_checks([req.doc], req.config)
