"""Check messages quote the article's own text, never the checks' internal mask characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import exporters
from reviewer.core.checks import Finding, analysis, run_checks
from reviewer.core.checks.unmasking import MASK_CHAR_RE, raw_offsets, readable_message
from reviewer.core.config import Config
from reviewer.core.fileio import load_document
from reviewer.core.format import Document
from reviewer.core.profiles import resolve
from reviewer.core.workspace import open_article
from tests.corpus import CORPUS, copy_corpus

# The scan's private-use masks, the object replacement character a font shows them as, and a
# mask escaped by repr() in a quoted message.
UNREADABLE = re.compile("[\ue000-\uf8ff\ufffc]|\\\\u[eE][0-9a-fA-F]{3}")


def _corpus() -> list[Document]:
    return [load_document(str(p)) for p in sorted(CORPUS.glob("*.md")) if p.name != "SOURCES.md"]


@pytest.fixture(scope="module")
def corpus_findings() -> list[Finding]:
    return list(run_checks(_corpus(), resolve(Config(profile="all"))))


def test_no_finding_on_the_corpus_shows_a_mask_character(corpus_findings: list[Finding]) -> None:
    messages = [f.message for f in corpus_findings]
    assert len(messages) > 400
    bad = [m for m in messages if UNREADABLE.search(m)]
    assert bad == []


def _finding(findings: list[Finding], pair_id: str, code: str) -> str:
    found = [f.message for f in findings if f.pair_id == pair_id and f.code == code]
    assert len(found) == 1, found
    return found[0]


def test_an_entity_and_an_escape_are_quoted_as_the_article_writes_them(
    corpus_findings: list[Finding],
) -> None:
    # Set-up-SPF-in-Office-365.md: the menu path runs into a link whose text holds &amp;.
    menu = _finding(corpus_findings, "f6d2b-103", "menu-path")
    assert "[voor &amp;](…)" in menu
    # legacy-ediscovery-retirement.md: an escaped asterisk in bold.
    bold = _finding(corpus_findings, "6b88f-250", "bold-punctuation")
    assert bold.startswith("**\\* -MailboxSearch.**")


def test_every_masked_corpus_text_lines_up_with_its_raw_text() -> None:
    aligned = 0
    for doc in _corpus():
        for pair in doc.pairs:
            for text in (pair.source, pair.target):
                masked = analysis.analyse(text).masked
                if masked == text:
                    continue
                offsets = raw_offsets(text)
                assert offsets is not None, text
                assert offsets[-1] == len(text)
                for i, c in enumerate(masked):
                    if not MASK_CHAR_RE.match(c):
                        assert text[offsets[i]] == c
                aligned += 1
    assert aligned > 500


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Run `Get-Mailbox` now.", "Run \ue000 now", "Run `Get-Mailbox` now"),
        (
            "See [the docs](https://x.test/a) here",
            "\ue007the docs\ue008\ue003",
            "[the docs](https://x.test/a)",
        ),
        ("A&nbsp;B and <b>C</b>", "A\ue006B and \ue004C", "A&nbsp;B and <b>C"),
        ("Type \\<name\\> here", "Type \ue005 here", "Type \\<name\\> here"),
        ("Go **A** \\> **B**", "**A** \ue13e **B**", "**A** \\> **B**"),
        (
            "Open <https://a.test> and [!NOTE]",
            "Open \ue003 and \ue002",
            "Open <https://a.test> and [!NOTE]",
        ),
    ],
)
def test_each_kind_of_mask_is_restored(text: str, fragment: str, expected: str) -> None:
    assert analysis.analyse(text).masked.find(fragment) >= 0
    assert readable_message(f"x: {fragment}!", text) == f"x: {expected}!"


def test_a_mask_not_found_in_the_texts_gets_a_readable_stand_in() -> None:
    message = readable_message("a \ue006 b \ue000 c \ue12a", "unrelated text")
    assert not MASK_CHAR_RE.search(message)
    assert message == "a &…; b `…` c \\*"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="ab *_`[]()<>&;!\\:/.#x", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_any_slice_of_masked_text_comes_back_mask_free(text: str, a: int, b: int) -> None:
    masked = analysis.analyse(text).masked
    fragment = masked[min(a, b) : max(a, b)]
    message = readable_message(f"message: {fragment}", text)
    assert not MASK_CHAR_RE.search(message)


def test_exports_with_check_findings_show_no_mask_character(tmp_path: Path) -> None:
    sessions = []
    for name in ("Set-up-SPF-in-Office-365.md", "legacy-ediscovery-retirement.md"):
        ws = open_article(str(copy_corpus(tmp_path, name)), user="tester")
        ws.session.run_checks()
        sessions.append(ws.session)
    for fmt in ("csv", "json", "html"):
        data = exporters.render(sessions, fmt, include_checks=True).decode("utf-8-sig")
        assert "-MailboxSearch" in data
        if fmt == "json":
            data = json.dumps(json.loads(data), ensure_ascii=False)
        assert not UNREADABLE.search(data), fmt
