"""The pair checks' shortcuts give what the long way gives, on the corpus's own text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from reviewer.core.checks import english, prose, running
from reviewer.core.checks.base import Check, Level
from reviewer.core.format import parse
from tests.corpus import CORPUS


def _corpus_texts() -> list[str]:
    texts: dict[str, None] = {}
    for path in sorted(CORPUS.glob("*.md")):
        if path.name == "SOURCES.md":
            continue
        for pair in parse(path.read_bytes(), str(path)).pairs:
            texts[pair.source] = None
            texts[pair.target] = None
    return list(texts)


def test_a_sources_word_texts_are_its_prose_words_texts() -> None:
    texts = _corpus_texts()
    assert len(texts) > 4000
    for text in texts:
        words = prose.prose_words.__wrapped__(text)
        assert prose.prose_word_texts.__wrapped__(text) == tuple(w.text for w in words)
        parts = frozenset(p.lower() for w in words for p in w.text.split("-"))
        assert english._source_parts.__wrapped__(text) == parts
        assert english._lower_parts.__wrapped__(text) == parts


def test_hyphenated_words_have_wordfreqs_own_frequencies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    lists = english._lists()
    assert lists is not None
    found = {
        m.lower() for text in _corpus_texts() for m in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text)
    }
    words = sorted(found | {"e-mail", "mon-fri", "end-to-end", "sign-in", "qwxz-token"})
    assert len(words) > 100
    for word in words:
        parts = word.split("-")
        for lang, frequencies in zip(("en", "nl"), lists, strict=True):
            expected = wordfreq.zipf_frequency(word, lang, wordlist=english.WORDLIST)
            assert english._combined_zipf(parts, frequencies) == expected, (word, lang)


def test_a_check_made_without_registering_still_reports_as_it_returns() -> None:
    def fn(source: str, target: str) -> Iterable[str]:
        return (m for m in ["`x` kept as is"] if source != target)

    check = Check("plain-test", Level.INFO, "other", "Plain", pair_fn=fn)
    found = running.pair_messages([(check, Level.INFO)], "a", "b")
    assert [(c.code, level, m) for c, level, m in found] == [
        ("plain-test", Level.INFO, "`x` kept as is")
    ]
    assert running.pair_messages([(check, Level.INFO)], "a", "a") == []
