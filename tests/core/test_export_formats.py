"""One dispatch for every export the CLI and the window offer (core/export_formats.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.edits import AddIssue, SetState
from reviewer.core.export_formats import BY_KEY, FORMATS, ExportRequest, describe, write_export
from reviewer.core.importing import plan_import
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.workspace import open_article
from tests.corpus import copy_corpus

# How each written file starts: what a reader of that format sees first.
HEADS = {
    "csv": b"\xef\xbb\xbf",
    "xlsx": b"PK\x03\x04",
    "html": b"<!DOCTYPE html>",
    "rendered": b"<!DOCTYPE html>",
    "json": b"{",
    "xliff": b"<?xml",
    "xliff2": b"<?xml",
    "tmx": b"<?xml",
}


@pytest.mark.parametrize("key", [f.key for f in FORMATS])
def test_every_format_writes_its_kind_of_file(tmp_path: Path, key: str) -> None:
    ws = open_article(str(copy_corpus(tmp_path)), user="ann")
    s = ws.session
    s.apply(AddIssue(row=1, issue=Issue("accuracy/omission", Severity.MAJOR, "weg")))
    s.apply(SetState(row_list=(2,), state=State.APPROVED))
    fmt = BY_KEY[key]
    out = tmp_path / f"out{fmt.extension}"
    # Options a format does not take are ignored, never an error.
    request = ExportRequest(str(out), key, include_checks=True, raw=True, every_pair=True)
    count = write_export([s], request, reviewer="ann")
    data = out.read_bytes()
    assert data.startswith(HEADS[key]), data[:40]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    if key == "json":
        assert len(json.loads(data)["rows"]) == count
    if key in ("xliff", "xliff2"):
        assert count == len(s) - sum(1 for p in s.doc.pairs if p.in_front_matter)
        assert b"<ph" not in data and b"<x " not in data  # raw: no inline codes
        # What we write, we read back: a re-import changes nothing.
        plan = plan_import(s, str(out))
        assert plan.changes == [] and plan.rejected == []
    assert describe(count, request).startswith(str(count))


def test_tmx_holds_only_approved_pairs_unless_every_pair_is_asked(tmp_path: Path) -> None:
    s = open_article(str(copy_corpus(tmp_path)), user="ann").session
    s.apply(SetState(row_list=(2, 3), state=State.APPROVED))
    out = str(tmp_path / "m.tmx")
    approved = write_export([s], ExportRequest(out, "tmx"))
    every = write_export([s], ExportRequest(out, "tmx", every_pair=True))
    assert approved == 2 and every > approved
    assert describe(approved, ExportRequest(out, "tmx")) == (
        "2 translation units (approved pairs, TMX 1.4b)"
    )
