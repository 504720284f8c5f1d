"""Mutation campaign for `make fuzz`: the XLIFF, XLSX and CSV importers fed mutated files."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.edits import AddIssue
from reviewer.core.errors import FormatError
from reviewer.core.exporters import render
from reviewer.core.importing import ImportPlan, plan_import
from reviewer.core.mqm import Issue, Severity
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import open_article
from reviewer.core.xliff import to_xliff
from tests.corpus import CORPUS
from tests.strategies import fuzz_examples

ARTICLE = CORPUS / "apps-health.md"
CAMPAIGN = settings(
    max_examples=fuzz_examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
XML_TOKENS = (
    b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"<!DOCTYPE x>", b"<![CDATA[", b"]]>",
    b'id="371a4-120"', b"<ph>", b"</ph>", b"<bpt id='1'>", b"<ept id='1'>", b'dataRef="d1"',
    b"<pc id='1'>", b"</pc>", b"<cp hex='FFFF'/>", b"<mrk mtype='seg'>", b"</target>",
    b"<target>", b"\x00", b"\xff", b'"', b"'", b"\n", b"\r",
)  # fmt: skip


def session() -> ReviewSession:
    s = open_article(str(ARTICLE)).session
    for row in (3, 4, 16):
        s.apply(AddIssue(row=row, issue=Issue("accuracy/mistranslation", Severity.MINOR)))
    return s


@cache
def seeds() -> dict[str, bytes]:
    s = session()
    return {
        "xlf": to_xliff([s], "1.2"),
        "xlf2": to_xliff([s], "2.1"),
        "csv": render([s], "csv"),
        "xlsx": render([s], "xlsx"),
    }


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(seeds())))
    data = bytearray(seeds()[kind])
    for _ in range(draw(st.integers(1, 12))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(("insert", "delete", "flip")))
        if op == "insert":
            data[pos:pos] = draw(st.sampled_from(XML_TOKENS) | st.binary(max_size=4))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif pos < len(data):
            data[pos] ^= draw(st.integers(1, 255))
    return kind, bytes(data)


def _plan(kind: str, data: bytes) -> ImportPlan | None:
    ext = {"xlf": ".xlf", "xlf2": ".xlf", "csv": ".csv", "xlsx": ".xlsx"}[kind]
    s = session()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{ext}"
        path.write_bytes(data)
        try:
            plan = plan_import(s, str(path))
        except FormatError as exc:
            assert str(path) in str(exc)
            return None
    # Whatever the file held, the plan's edit applies and reverts cleanly.
    edit = plan.edit()
    if edit is not None:
        before = s.doc.serialize()
        s.apply(edit)
        s.revert(edit)
        assert s.doc.serialize() == before
    return plan


@CAMPAIGN
@given(mutated())
def test_mutated_import_files_plan_or_raise_format_error(case: tuple[str, bytes]) -> None:
    _plan(*case)


def test_the_seeds_themselves_import_as_no_change() -> None:
    for kind, data in seeds().items():
        plan = _plan(kind, data)
        assert plan is not None and plan.changes == [] and plan.rejected == []
