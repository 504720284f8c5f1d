"""The labelled check-evaluation pairs keep their schema, vocabulary, split and exact texts."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from reviewer.core.yamlio import safe_load_fast

DATA = Path(__file__).resolve().parents[1] / "data" / "check_eval"
SETS = {"dev": "tune", "dev2": "tune", "dev3": "tune", "census": "held-out", "rich": "held-out"}
KINDS = {
    "mistranslation",
    "omission",
    "addition",
    "untranslated",
    "terminology",
    "identifier",
    "number",
    "markup",
    "spacing",
    "compound",
    "spelling",
    "grammar",
    "punctuation",
    "capitalisation",
    "register",
    "style",
    "other",
}
SEVERITIES = {"minor", "major", "critical"}
PAIR_KEYS = {"file", "id", "source", "target", "errors"}
ERROR_KEYS = {"kind", "severity", "target_span", "source_span", "note"}


@pytest.fixture(scope="module")
def labelled() -> dict[str, dict[str, Any]]:
    return {
        name: safe_load_fast((DATA / f"{name}.yaml").read_text(encoding="utf-8")) for name in SETS
    }


def split_of(relative_path: str) -> str:
    """The project's binding split: first hex digit of the path's SHA-1, 0-b tune, c-f held-out."""
    digit = hashlib.sha1(relative_path.encode()).hexdigest()[0]
    return "tune" if digit in "0123456789ab" else "held-out"


@pytest.mark.parametrize("name", SETS)
def test_schema_vocabulary_and_spans(labelled: dict[str, dict[str, Any]], name: str) -> None:
    doc = labelled[name]
    assert set(doc) == {"meta", "pairs"}
    meta, pairs = doc["meta"], doc["pairs"]
    assert meta["split"] == SETS[name]
    assert isinstance(meta["seed"], int) and isinstance(meta["rule"], str)
    assert meta["sampled"] == len(pairs)
    for pair in pairs:
        where = f"{name}: {pair.get('file')} {pair.get('id')}"
        assert set(pair) == PAIR_KEYS, where
        for key in ("file", "id", "source", "target"):
            assert isinstance(pair[key], str) and pair[key], where
        assert split_of(pair["file"]) == SETS[name], f"{where} is not in the {SETS[name]} split"
        assert isinstance(pair["errors"], list), where
        for error in pair["errors"]:
            assert set(error) <= ERROR_KEYS and {"kind", "severity"} <= set(error), where
            assert error["kind"] in KINDS, f"{where}: unknown kind {error['kind']!r}"
            assert error["severity"] in SEVERITIES, where
            assert isinstance(error.get("note", ""), str), where
            if "target_span" in error:
                assert error["target_span"] in pair["target"], f"{where}: {error['target_span']!r}"
            if "source_span" in error:
                assert error["source_span"] in pair["source"], f"{where}: {error['source_span']!r}"


def test_no_pair_twice(labelled: dict[str, dict[str, Any]]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for name, doc in labelled.items():
        for pair in doc["pairs"]:
            key = (pair["file"], pair["id"])
            assert key not in seen, f"{key} is in {seen.get(key)} and {name}"
            seen[key] = name
    assert len(seen) == sum(len(doc["pairs"]) for doc in labelled.values())


def test_texts_equal_the_sampled_articles(labelled: dict[str, dict[str, Any]]) -> None:
    """texts.sha256 was written from the articles themselves; the YAML must still match it."""
    expected: dict[str, list[tuple[str, str, str]]] = {name: [] for name in SETS}
    for line in (DATA / "texts.sha256").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, file, pair_id, digest = line.split("\t")
            expected[name].append((file, pair_id, digest))
    for name, doc in labelled.items():
        got = [
            (
                pair["file"],
                pair["id"],
                hashlib.sha256(f"{pair['source']}\0{pair['target']}".encode()).hexdigest(),
            )
            for pair in doc["pairs"]
        ]
        assert got == expected[name], f"{name}.yaml no longer holds the sampled texts"


FINDING_KEYS = {"file", "id", "code", "message", "verdict", "note"}
TEXT_KEYS = {"source", "target", "context"}


def test_held_out_verdicts() -> None:
    """findings.yaml: held-out verdicts only, one per (file, id, code), a note on every false
    one; verdicts outside the pair sets carry the texts that rerun them without the articles."""
    path = DATA / "findings.yaml"
    if not path.is_file():
        pytest.skip("no held-out verdicts yet")
    doc = safe_load_fast(path.read_text(encoding="utf-8"))
    assert doc["meta"]["split"] == "held-out"
    in_sets = {
        (pair["file"], pair["id"])
        for name in ("census", "rich")
        for pair in safe_load_fast((DATA / f"{name}.yaml").read_text(encoding="utf-8"))["pairs"]
    }
    seen: set[tuple[str, str, str]] = set()
    for row in doc["findings"]:
        key = (row["file"], row["id"], row["code"])
        where = " ".join(key)
        assert FINDING_KEYS <= set(row) <= FINDING_KEYS | TEXT_KEYS, where
        assert key not in seen, f"{where} judged twice"
        seen.add(key)
        assert split_of(row["file"]) == "held-out", f"{where} is not in the held-out split"
        assert isinstance(row["verdict"], bool) and isinstance(row["note"], str), where
        assert row["verdict"] or row["note"].strip(), f"{where}: a false verdict needs a note"
        if (row["file"], row["id"]) not in in_sets:
            assert isinstance(row.get("source"), str) and isinstance(row.get("target"), str), where
        if "context" in row:
            assert f'data-ttu-id="{row["id"]}"' in row["context"], where
