"""Every corpus article parses and serializes back to the same bytes (FORMAT.md section 7)."""

from __future__ import annotations

import hashlib

import pytest

from reviewer.core.format import parse
from tests.strategies import CORPUS, SourceRow, article_names, corpus_bytes, source_rows


def test_corpus_folder_matches_sources_md() -> None:
    on_disk = {p.name for p in CORPUS.glob("*.md")} - {"SOURCES.md"}
    assert on_disk == set(article_names())
    assert len(on_disk) == 46


@pytest.mark.parametrize("row", source_rows(), ids=lambda r: r.name)
def test_corpus_file_is_the_byte_exact_copy(row: SourceRow) -> None:
    # Guards against an editor or git setting normalising newlines in the test data.
    data = corpus_bytes(row.name)
    assert len(data) == row.size
    blob = hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()
    assert blob.startswith(row.blob)


@pytest.mark.parametrize("name", article_names())
def test_roundtrip_byte_for_byte(name: str) -> None:
    data = corpus_bytes(name)
    doc = parse(data, name)
    assert doc.serialize() == data
    assert hashlib.sha256(doc.serialize()).digest() == hashlib.sha256(data).digest()
    assert not doc.is_modified


@pytest.mark.parametrize("name", article_names())
def test_roundtrip_survives_a_no_op_save_cycle(name: str) -> None:
    # Setting every target to itself and adopting the output must change nothing.
    data = corpus_bytes(name)
    doc = parse(data, name)
    for p in doc.pairs:
        doc.set_target(p, p.target)
    out = doc.serialize()
    doc.mark_saved(out)
    assert out == data
    assert doc.serialize() == data
