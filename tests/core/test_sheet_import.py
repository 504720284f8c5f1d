"""The issue sheet round trip: fixes typed in "Corrected target" come back into the article."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewer.core.edits import AddIssue
from reviewer.core.errors import FormatError
from reviewer.core.export_rows import COLUMNS
from reviewer.core.exporters import export
from reviewer.core.fileio import load_document
from reviewer.core.importing import Reason, plan_import
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.workspace import Workspace, open_article
from tests.corpus import CORPUS, copy_corpus

HEADERS = [h for _, h, _ in COLUMNS]
FIX = HEADERS.index("Corrected target")
ID = HEADERS.index("ID")


def flagged(tmp_path: Path, rows: tuple[int, ...] = (0, 1, 2, 3)) -> Workspace:
    """An article whose first rows carry an issue each, so the sheet lists them."""
    ws = open_article(str(copy_corpus(tmp_path)), user="ann")
    for row in rows:
        ws.session.apply(AddIssue(row=row, issue=Issue("accuracy/mistranslation", Severity.MAJOR)))
    return ws


def sheet_rows(path: Path) -> dict[str, int]:
    """Pair id -> the sheet row (1-based; the header is row 1) of its first line."""
    out: dict[str, int] = {}
    if path.suffix == ".csv":
        for k, values in enumerate(_read_csv(path)[1:], start=2):
            out.setdefault(values[ID], k)
        return out
    for k, cells in enumerate(load_workbook(path)["Issues"].iter_rows(min_row=2), start=2):
        out.setdefault(str(cells[ID].value), k)
    return out


def test_xlsx_corrections_come_back_as_edits(tmp_path: Path) -> None:
    ws = flagged(tmp_path)
    path = tmp_path / "issues.xlsx"
    export([ws.session], str(path))
    rows = sheet_rows(path)
    book = load_workbook(path)
    sheet = book["Issues"]
    assert sheet.cell(row=1, column=FIX + 1).value == "Corrected target"
    ids = ws.session.doc.pairs.ids()
    sheet.cell(row=rows[ids[0]], column=FIX + 1).value = "Uw domein bijwerken"
    sheet.cell(row=rows[ids[1]], column=FIX + 1).value = '=HYPERLINK("http://evil","x")'
    sheet.cell(row=rows[ids[2]], column=FIX + 1).value = 2016  # typed as a number
    book.save(path)
    plan = plan_import(ws.session, str(path), author="bram")
    assert plan.kind == "XLSX"
    assert [(c.id, c.after) for c in plan.changes] == [
        (ids[0], "Uw domein bijwerken"),
        (ids[2], "2016"),
    ]
    (rejected,) = plan.rejected
    assert rejected.id == ids[1] and "formula" in rejected.message
    assert f"cell {chr(65 + FIX)}{rows[ids[1]]}" in rejected.message
    ws.session.apply(plan.edit())  # type: ignore[arg-type]
    assert ws.session.reviews[0].state is State.EDITED
    assert ws.session.reviews[0].changed_by == "bram"
    ws.save()
    doc = load_document(ws.path)
    assert doc.pairs[0].target == "Uw domein bijwerken" and doc.pairs[2].target == "2016"
    replan = plan_import(open_article(ws.path).session, str(path))
    assert replan.changes == [] and replan.unchanged == 2


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_corrections_including_excel_semicolons(tmp_path: Path, delimiter: str) -> None:
    ws = flagged(tmp_path)
    path = tmp_path / "issues.csv"
    export([ws.session], str(path))
    rows = _read_csv(path)
    assert rows[0][FIX] == "Corrected target"
    ids = ws.session.doc.pairs.ids()
    line = sheet_rows(path)
    rows[line[ids[0]] - 1][FIX] = "Eerste regel\r\ntweede"  # a spreadsheet's CR LF
    rows[line[ids[1]] - 1][FIX] = "'-1 is wat de export schrijft voor -1"
    _write_csv(path, rows, delimiter)
    plan = plan_import(ws.session, str(path))
    assert plan.kind == "CSV"
    after = {c.id: c.after for c in plan.changes}
    assert after == {ids[0]: "Eerste regel\ntweede", ids[1]: "-1 is wat de export schrijft voor -1"}
    assert [w.code for w in plan.changes[0].warnings] == ["newlines"]


def test_conflicting_rows_and_changed_sources_are_reported(tmp_path: Path) -> None:
    ws = flagged(tmp_path)
    ws.session.apply(AddIssue(row=0, issue=Issue("style/awkward-style", Severity.MINOR)))
    path = tmp_path / "issues.csv"
    export([ws.session], str(path))
    rows = _read_csv(path)
    ids = ws.session.doc.pairs.ids()
    first = [k for k, r in enumerate(rows) if r[ID] == ids[0]]
    assert len(first) == 2
    rows[first[0]][FIX], rows[first[1]][FIX] = "Een", "Twee"
    k = next(k for k, r in enumerate(rows) if r[ID] == ids[1])
    rows[k][HEADERS.index("Source")] = "Edited source"
    rows[k][FIX] = "Iets"
    _write_csv(path, rows)
    plan = plan_import(ws.session, str(path))
    assert {r.id: r.reason for r in plan.rejected} == {
        ids[0]: Reason.CONFLICT,
        ids[1]: Reason.SOURCE_CHANGED,
    }
    assert plan.changes == []


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
@pytest.mark.parametrize("how", ["renamed", "deleted", "doubled"])
def test_a_changed_layout_names_the_column(tmp_path: Path, ext: str, how: str) -> None:
    ws = flagged(tmp_path)
    path = tmp_path / f"issues.{ext}"
    export([ws.session], str(path))
    if ext == "csv":
        rows = _read_csv(path)
        if how == "renamed":
            rows[0][FIX] = "Fix"
        elif how == "deleted":
            rows = [r[:FIX] + r[FIX + 1 :] for r in rows]
        else:
            rows[0][0] = "Corrected target"
        _write_csv(path, rows)
    else:
        book = load_workbook(path)
        sheet = book["Issues"]
        if how == "renamed":
            sheet.cell(row=1, column=FIX + 1).value = "Fix"
        elif how == "deleted":
            sheet.delete_cols(FIX + 1)
        else:
            sheet.cell(row=1, column=1).value = "Corrected target"
        book.save(path)
    with pytest.raises(FormatError) as info:
        plan_import(ws.session, str(path))
    message = str(info.value)
    assert str(path) in message and "'Corrected target'" in message
    if how == "doubled":
        assert "two 'Corrected target' columns" in message
    else:
        assert "layout was changed" in message


def test_moved_and_extra_columns_are_fine(tmp_path: Path) -> None:
    ws = flagged(tmp_path)
    path = tmp_path / "issues.xlsx"
    export([ws.session], str(path))
    book = load_workbook(path)
    sheet = book["Issues"]
    sheet.insert_cols(1)
    sheet.cell(row=1, column=1).value = "My notes"
    sheet.delete_cols(HEADERS.index("Comment") + 2)
    sheet.cell(row=2, column=FIX + 2).value = "Verplaatst"
    book.save(path)
    plan = plan_import(ws.session, str(path))
    assert [c.after for c in plan.changes] == ["Verplaatst"]


def test_a_sheet_for_another_article_is_refused(tmp_path: Path) -> None:
    other = open_article(str(CORPUS / "what-is-a-domain.md"))
    other.session.apply(AddIssue(row=0, issue=Issue("a/b", Severity.MINOR)))
    path = tmp_path / "other.xlsx"
    export([other.session], str(path))
    book = load_workbook(path)
    book["Issues"].cell(row=2, column=FIX + 1).value = "Iets"
    book.save(path)
    ws = flagged(tmp_path)
    with pytest.raises(FormatError, match=r"holds no rows for change-nameservers\.md"):
        plan_import(ws.session, str(path))


def test_a_fix_that_drops_shared_markup_is_imported_with_a_warning(tmp_path: Path) -> None:
    ws = open_article(str(copy_corpus(tmp_path, "apps-health.md")))
    row = ws.session.row_of("371a4-107")  # two links in source and target
    ws.session.apply(AddIssue(row=row, issue=Issue("accuracy/omission", Severity.MINOR)))
    path = tmp_path / "issues.csv"
    export([ws.session], str(path))
    rows = _read_csv(path)
    line = sheet_rows(path)["371a4-107"]
    rows[line - 1][FIX] = "Lees het overzicht [productiviteit](productivity-score.md)."
    _write_csv(path, rows)
    (change,) = plan_import(ws.session, str(path)).changes
    (warning,) = change.warnings
    assert warning.code == "markup-lost"
    assert "'](https://privacy.microsoft.com/privacystatement)'" in warning.message
