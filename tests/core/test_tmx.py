"""TMX 1.4b memory: approved pairs, dates and reviewer, DTD-valid, read by translate-toolkit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from translate.storage import tmx as ttk_tmx

from reviewer.core.edits import SetState, SetTarget
from reviewer.core.interchange import segments
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.tmx import export_tmx, tmx_date, to_tmx
from reviewer.core.workspace import open_article
from tests.core.interop_helpers import validate_tmx
from tests.corpus import CORPUS


def corpus_sessions() -> list[ReviewSession]:
    return [open_article(str(p)).session for p in sorted(CORPUS.glob("*.md"))]


def _tus(data: bytes) -> list[Any]:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return list(root.iter("tu"))


def test_only_approved_pairs_by_default_with_dates_and_reviewer(tmp_path: Path) -> None:
    session = open_article(str(CORPUS / "apps-health.md"), user="ann").session
    session.apply(SetTarget(row=4, new_target="Lees [dit](productivity-score.md) en meer."))
    session.apply(SetState(row_list=(3, 4), state=State.APPROVED))
    out = tmp_path / "memory.tmx"
    assert export_tmx([session], str(out)) == 2
    data = out.read_bytes()
    assert validate_tmx(data) == []
    tus = _tus(data)
    assert [tu.get("tuid") for tu in tus] == [session.doc.pairs[3].id, session.doc.pairs[4].id]
    review = session.reviews[4]
    tu = tus[1]
    assert tu.get("changeid") == "ann" and tu.get("changedate") == tmx_date(review.changed_at)
    assert tu.get("creationdate", "").endswith("T000000Z")  # ms.lasthandoff of the article
    props = {p.get("type"): p.text for p in tu.iter("prop")}
    assert props == {"x-file": "apps-health.md", "x-review-state": "approved"}
    seg = tu.findall("tuv")[1].find("seg")
    assert [c.tag for c in seg] == ["bpt", "ept"] and seg[1].text == "](productivity-score.md)"
    assert tu.findall("tuv")[1].get("{http://www.w3.org/XML/1998/namespace}lang") == "nl-NL"


def test_all_pairs_read_back_by_translate_toolkit() -> None:
    sessions = corpus_sessions()
    for raw in (False, True):
        data, count = to_tmx(sessions, include_all=True, raw=raw, root=str(CORPUS))
        assert validate_tmx(data) == []
        store = ttk_tmx.tmxfile.parsestring(data)
        pairs = {(u.source, u.target) for u in store.units}
        expected = {(seg.source, seg.target) for s in sessions for seg in segments(s)}
        # A source and target repeated across articles is one unit.
        assert pairs == expected and len(store.units) == count == len(expected)


def test_tmx_dates() -> None:
    assert tmx_date("2026-03-04T05:06:07+00:00") == "20260304T050607Z"
    assert tmx_date("2026-03-04T07:06:07+02:00") == "20260304T050607Z"
    assert tmx_date("not a date") == ""
