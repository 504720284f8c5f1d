"""XLIFF 1.2 and 2.1: read by translate-toolkit, valid under the OASIS schemas, imported back."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from translate.storage import xliff as ttk_xliff
from translate.storage import xliff2 as ttk_xliff2

from reviewer.core import inline
from reviewer.core.edits import AddIssue, Composite, SetState, SetTarget
from reviewer.core.fileio import load_document
from reviewer.core.importing import Reason, plan_import
from reviewer.core.interchange import segments
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import open_article
from reviewer.core.xliff import NS12, NS20, export_xliff, to_xliff
from tests.core.interop_helpers import validate
from tests.corpus import CORPUS, copy_corpus

RICH = "apps-health.md"  # bold, links and an entity in 27 of its 64 pairs
VERSIONS = ("1.2", "2.1")


def corpus_sessions() -> list[ReviewSession]:
    return [open_article(str(p)).session for p in sorted(CORPUS.glob("*.md"))]


def _parse(data: bytes) -> Any:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def unit_el(root: Any, unit_id: str) -> Any:
    for el in root.iter(f"{{{NS12}}}trans-unit", f"{{{NS20}}}unit"):
        if el.get("id") == unit_id:
            return el
    raise KeyError(unit_id)


def target_el(root: Any, unit_id: str) -> Any:
    unit = unit_el(root, unit_id)
    found = unit.find(f"{{{NS12}}}target")
    if found is None:
        found = unit.find(f"{{{NS20}}}segment/{{{NS20}}}target")
    return found


def rewrite(path: Path, change: Callable[[Any], None]) -> None:
    """What a CAT tool does: read the file, change it, write it back."""
    root = _parse(path.read_bytes())
    change(root)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def set_first_text(el: Any, text: str) -> None:
    """Replace the text before the first code (keeps every code)."""
    el.text = text


# -- independent readers ----------------------------------------------------------------


@pytest.mark.parametrize("raw", [False, True])
def test_translate_toolkit_reads_every_unit_of_xliff12_exactly(raw: bool) -> None:
    sessions = corpus_sessions()
    store = ttk_xliff.xlifffile.parsestring(to_xliff(sessions, "1.2", raw, root=str(CORPUS)))
    units = {u.getid(): u for u in store.units}
    expected = 0
    for s in sessions:
        name = os.path.relpath(s.doc.path or "", CORPUS)
        for seg in segments(s):
            unit = units[f"{name}\x04{seg.id}"]
            assert unit.source == seg.source
            assert unit.target == seg.target
            expected += 1
    assert len(units) == expected > 2700


def test_translate_toolkit_reads_xliff21_units_and_their_text() -> None:
    sessions = corpus_sessions()
    store = ttk_xliff2.Xliff2File.parsestring(to_xliff(sessions, "2.1", root=str(CORPUS)))
    units = {u.getid(): u for u in store.units}
    expected = 0
    for s in sessions:
        for seg in segments(s):
            unit = units[seg.id]
            # translate-toolkit's XLIFF 2 store drops inline codes: compare the text around them.
            assert unit.source == "".join(p for p in inline.split(seg.source) if isinstance(p, str))
            assert unit.target == "".join(p for p in inline.split(seg.target) if isinstance(p, str))
            expected += 1
    assert len(units) == expected


# -- schemas ------------------------------------------------------------------------------


def reviewed_sessions() -> list[ReviewSession]:
    sessions = corpus_sessions()
    s = sessions[0]
    s.apply(AddIssue(row=0, issue=Issue("accuracy/omission", Severity.MAJOR, "a <b> & 'c'")))
    s.apply(AddIssue(row=1, issue=Issue("x/y", Severity.MINOR, status=IssueStatus.RESOLVED)))
    s.apply(SetState(row_list=(0,), state=State.APPROVED, author="ann"))
    s.apply(SetState(row_list=(1,), state=State.NEEDS_WORK, author="ann"))
    s.apply(SetState(row_list=(2,), state=State.REVIEWED, author="ann"))
    s.apply(SetTarget(row=3, new_target="Nieuw\x0bdoel <b>vet</b>", author="ann"))
    return sessions


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("raw", [False, True])
def test_exports_are_valid_under_the_oasis_schemas(version: str, raw: bool) -> None:
    data = to_xliff(reviewed_sessions(), version, raw, root=str(CORPUS))
    assert validate(data, version) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_the_schema_check_catches_an_invalid_file(version: str) -> None:
    root = _parse(to_xliff(corpus_sessions()[:1], version))
    unit = next(root.iter(f"{{{NS12}}}trans-unit", f"{{{NS20}}}unit"))
    unit.set("{urn:reviewer:review:1}state", "finished")  # not one of our states
    assert validate(etree.tostring(root), version)


# -- what the file says -------------------------------------------------------------------


def test_states_review_attributes_and_issue_notes() -> None:
    sessions = reviewed_sessions()
    s = sessions[0]
    ids = s.doc.pairs.ids()
    rv = "{urn:reviewer:review:1}"
    root = _parse(to_xliff([s], "1.2"))
    approved = unit_el(root, ids[0])
    assert approved.get("approved") == "yes" and approved.get(rv + "state") == "approved"
    assert approved.get(rv + "changed-by") == "ann" and approved.get(rv + "changed-at")
    assert target_el(root, ids[0]).get("state") == "final"
    assert target_el(root, ids[1]).get("state") == "needs-translation"
    assert target_el(root, ids[2]).get("state") == "signed-off"
    assert target_el(root, ids[3]).get("state") == "translated"
    fresh = target_el(root, ids[4])
    assert fresh.get("state") == "needs-review-translation"
    assert fresh.get("state-qualifier") == "mt-suggestion"
    notes = approved.findall(f"{{{NS12}}}note")
    assert [n.text for n in notes] == ["Major · Accuracy › Omission · Open: a <b> & 'c'"]
    assert notes[0].get("priority") == "3" and notes[0].get("annotates") == "target"

    root2 = _parse(to_xliff([s], "2.1"))
    seg = unit_el(root2, ids[0]).find(f"{{{NS20}}}segment")
    assert seg.get("state") == "final" and seg.get("subState") == "reviewer:approved"
    note = unit_el(root2, ids[1]).find(f"{{{NS20}}}notes/{{{NS20}}}note")
    assert note.get("category") == "Custom › y" and note.get(rv + "status") == "resolved"
    assert unit_el(root2, ids[1]).find(f"{{{NS20}}}segment").get("state") == "initial"


def test_markup_travels_as_codes_and_raw_as_text() -> None:
    doc = open_article(str(CORPUS / RICH)).session
    row = doc.row_of("371a4-107")
    pair = doc.doc.pairs[row]
    root = _parse(to_xliff([doc], "1.2"))
    target = target_el(root, "371a4-107")
    assert [el.tag.split("}")[1] for el in target] == ["bpt", "ept", "bpt", "ept"]
    assert target[1].text == "](productivity-score.md)" and target[1].get("id") == "1"
    assert "".join(target.itertext()) == pair.target
    root2 = _parse(to_xliff([doc], "2.1"))
    unit = unit_el(root2, "371a4-107")
    data = {d.get("id"): d.text for d in unit.iterfind(f"{{{NS20}}}originalData/{{{NS20}}}data")}
    pcs = list(unit.iter(f"{{{NS20}}}pc"))
    assert len(pcs) == 4 and {data[pcs[0].get("dataRefStart")]} == {"["}
    raw = _parse(to_xliff([doc], "1.2", raw=True))
    assert len(target_el(raw, "371a4-107")) == 0
    assert target_el(raw, "371a4-107").text == pair.target


def test_front_matter_pairs_stay_out_of_the_units(tmp_path: Path) -> None:
    name = "troubleshoot-presence-issues-outlook.md"
    session = open_article(str(CORPUS / name)).session
    in_fm = [p.id for p in session.doc.pairs if p.in_front_matter]
    assert in_fm
    root = _parse(to_xliff([session], "1.2"))
    ids = [u.get("id") for u in root.iter(f"{{{NS12}}}trans-unit")]
    assert ids and not set(in_fm) & set(ids)
    assert len(ids) == len(session.doc.pairs) - len(in_fm)


# -- import -------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("raw", [False, True])
def test_reimporting_an_untouched_export_changes_nothing(
    tmp_path: Path, version: str, raw: bool
) -> None:
    for name in (RICH, "external-domain-name-system-records.md", "outlook-com-setting-changes.md"):
        article = copy_corpus(tmp_path, name)
        ws = open_article(str(article))
        out = tmp_path / f"{name}.xlf"
        count = export_xliff([ws.session], str(out), version, raw)
        plan = plan_import(ws.session, str(out), author="ann")
        assert plan.changes == [] and plan.rejected == []
        assert plan.unchanged == count and plan.edit() is None


@pytest.mark.parametrize("version", VERSIONS)
def test_imported_targets_are_edited_by_the_importer_as_one_undo_step(
    tmp_path: Path, version: str
) -> None:
    article = copy_corpus(tmp_path, RICH)
    before = article.read_bytes()
    ws = open_article(str(article), user="ann")
    out = tmp_path / "rich.xlf"
    export_xliff([ws.session], str(out), version)
    rewrite(out, lambda r: set_first_text(target_el(r, "371a4-107"), "Lees over "))
    rewrite(out, lambda r: set_first_text(target_el(r, "371a4-120"), "  "))  # text before **
    plan = plan_import(ws.session, str(out), author="bram")
    assert [c.id for c in plan.changes] == ["371a4-107", "371a4-120"]
    change = plan.changes[0]
    row = ws.session.row_of("371a4-107")
    old = ws.session.doc.pairs[row].target
    assert change.before == old
    assert change.after == "Lees over " + old[old.index("[") :]
    assert plan.changes[1].warnings and plan.changes[1].warnings[0].code == "edge-whitespace"
    edit = plan.edit()
    assert isinstance(edit, Composite) and edit.description == "Import 2 targets from rich.xlf"
    ws.session.apply(edit)
    review = ws.session.reviews[row]
    assert review.state is State.EDITED and review.changed_by == "bram"
    ws.session.revert(edit)  # one undo step takes both back
    assert ws.session.doc.pairs[row].target == old
    assert ws.session.reviews[row].state is State.UNREVIEWED
    ws.session.apply(edit)
    ws.save()
    expected = load_document(CORPUS / RICH)
    for c in plan.changes:
        expected.set_target(expected.pair(c.id), c.after)
    assert article.read_bytes() == expected.serialize() != before
    # Imported once more, the same file changes nothing.
    again = open_article(str(article), user="bram")
    replan = plan_import(again.session, str(out))
    assert replan.changes == [] and replan.rejected == [] and replan.edit() is None


def _drop_codes(root: Any, unit_id: str) -> None:
    target = target_el(root, unit_id)
    coded_12 = target.find(f"{{{NS12}}}bpt") is not None
    text = "".join(target.itertext()) if coded_12 else ""
    for child in list(target):
        target.remove(child)
    target.text = text.replace("**", "") or "Zonder opmaak"


@pytest.mark.parametrize("version", VERSIONS)
def test_every_other_unit_is_reported_and_left_alone(tmp_path: Path, version: str) -> None:
    article = copy_corpus(tmp_path, RICH)
    ws = open_article(str(article), user="ann")
    out = tmp_path / "rich.xlf"
    export_xliff([ws.session], str(out), version)

    def cat_tool(root: Any) -> None:
        unit_el(root, "371a4-103").set("id", "ffff0-103")  # the article was re-translated
        target_el(root, "ffff0-103").text = "Iets"
        src = unit_el(root, "371a4-104").find(f".//{{{NS12 if version == '1.2' else NS20}}}source")
        src.text = "A different source"
        target_el(root, "371a4-104").text = "Iets anders"
        target_el(root, "371a4-105").text = " "  # refused by the core: empty target
        target_el(root, "371a4-106").text = 'x <span data-ttu-id="a">'  # would break the file
        _drop_codes(root, "371a4-121")  # bold removed
        set_first_text(target_el(root, "371a4-122"), "Goed ")  # a good one among them

    rewrite(out, cat_tool)
    if version == "1.2":
        # A tool that edits a code's content: the markup no longer matches the article.
        rewrite(out, lambda r: setattr(target_el(r, "371a4-137")[0], "text", "__"))
    else:
        rewrite(out, lambda r: target_el(r, "371a4-137")[0].set("dataRefStart", "d9"))
    plan = plan_import(ws.session, str(out))
    reasons = {r.id: r.reason for r in plan.rejected}
    assert reasons == {
        "ffff0-103": Reason.ID_CHANGED,
        "371a4-104": Reason.SOURCE_CHANGED,
        "371a4-105": Reason.INVALID_TARGET,
        "371a4-106": Reason.INVALID_TARGET,
        "371a4-121": Reason.CODES_LOST,
        "371a4-137": Reason.CODES_CHANGED,
    }
    assert all(r.message and r.line > 0 for r in plan.rejected)
    assert [c.id for c in plan.changes] == ["371a4-122"]
    ws.session.apply(plan.edit())  # type: ignore[arg-type]
    for pair_id in reasons:
        if pair_id.startswith("371a4"):
            row = ws.session.row_of(pair_id)
            assert not ws.session.doc.pairs[row].is_modified


def test_a_tool_that_splits_a_unit_into_segments_still_imports(tmp_path: Path) -> None:
    article = copy_corpus(tmp_path)
    ws = open_article(str(article))
    out = tmp_path / "a.xlf"
    export_xliff([ws.session], str(out), "2.1")
    pair_id = "da2f2-p101"

    def split_unit(root: Any) -> None:
        unit = unit_el(root, pair_id)
        seg = unit.find(f"{{{NS20}}}segment")
        source, target = seg.find(f"{{{NS20}}}source"), seg.find(f"{{{NS20}}}target")
        s_text, t_text = source.text, target.text
        cut_s, cut_t = s_text.index(". ") + 2, t_text.index(". ") + 2
        source.text, target.text = s_text[:cut_s], "Eerste zin. "
        second = etree.SubElement(unit, f"{{{NS20}}}segment")
        etree.SubElement(second, f"{{{NS20}}}source").text = s_text[cut_s:]
        etree.SubElement(second, f"{{{NS20}}}target").text = t_text[cut_t:]

    rewrite(out, split_unit)
    plan = plan_import(ws.session, str(out))
    assert [c.id for c in plan.changes] == [pair_id]
    assert plan.changes[0].after.startswith("Eerste zin. ")


def test_a_tool_that_reindents_the_xml_changes_nothing(tmp_path: Path) -> None:
    """Lokalize 22.12 saves a <source> that starts with a code on a new, indented line."""
    article = copy_corpus(tmp_path, RICH)
    ws = open_article(str(article))
    out = tmp_path / "rich.xlf"
    export_xliff([ws.session], str(out), "1.2")

    def reindent(root: Any) -> None:
        for tu in root.iter(f"{{{NS12}}}trans-unit"):
            source = tu.find(f"{{{NS12}}}source")
            if len(source) and not source.text:
                source.text = "\n          "
        # A re-indented target is no translator's change: it is left alone, and said so.
        target_el(root, "371a4-120").text = "\n          "

    rewrite(out, reindent)
    plan = plan_import(ws.session, str(out))
    assert plan.changes == []
    assert [(r.id, r.reason) for r in plan.rejected] == [("371a4-120", Reason.INVALID_TARGET)]
    assert "re-indented" in plan.rejected[0].message
    assert plan.unchanged == len(list(segments(ws.session))) - 1
