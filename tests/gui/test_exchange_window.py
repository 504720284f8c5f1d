"""File › Import and File › Export in the window, end to end: every round trip through a file
another tool edited, undo and redo, the saved bytes, refused files and every export format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from reviewer.core.edits import AddIssue, SetState, SetTarget
from reviewer.core.export_formats import FORMATS, ExportRequest
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.store import sidecar_path
from reviewer.core.workspace import open_article
from reviewer.gui import dialogs, export_dialog, import_dialog
from reviewer.gui.edit_gateway import Origin
from reviewer.gui.import_dialog import ImportPreview
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import load

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
AUTHOR = "Ann de Vries"


@pytest.fixture(autouse=True)
def no_real_exchange_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not answer fails loudly instead of blocking the suite."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]!r}")

    for module, name in (
        (import_dialog, "ask_import_path"),
        (import_dialog, "preview_import"),
        (export_dialog, "ask_export"),
    ):
        monkeypatch.setattr(module, name, fail)


@pytest.fixture
def reviewer(window: MainWindow) -> MainWindow:
    window.settings.setValue("reviewer/name", AUTHOR)
    return window


class Preview:
    """Stands in for the user at the real preview dialog: looks, then clicks Import."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, act: Callable[[ImportPreview], None] | None = None
    ) -> None:
        self.seen: list[ImportPreview] = []
        self.act = act

        def preview(parent: Any, plan: Any, article: str) -> Any:
            dialog = ImportPreview(parent, plan, article)
            self.seen.append(dialog)
            if self.act is not None:
                self.act(dialog)
            if dialog.import_button.isEnabled():
                dialog.import_button.click()
            else:
                dialog.reject()
            accepted = dialog.result() == QDialog.DialogCode.Accepted
            return dialog.chosen_plan() if accepted else None

        monkeypatch.setattr(import_dialog, "preview_import", preview)


def export_from_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, request: ExportRequest
) -> None:
    monkeypatch.setattr(export_dialog, "ask_export", lambda *a: request)
    window.registry["actionExport"].trigger()
    assert Path(request.path).exists()


def import_in_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(import_dialog, "ask_import_path", lambda *a: str(path))
    window.registry["actionImport"].trigger()


def edit_like_a_cat_tool(data: bytes, version: str, changes: dict[str, str]) -> bytes:
    """What Lokalize or OmegaT does: put new text in some <target>s, set their state, save.

    Each new target is the old text with ``changes[id]`` put before it; the inline codes (the
    protected markup) are kept where they are, as a translator in a CAT tool keeps tags."""
    root = etree.fromstring(data)
    ns = XLIFF12 if version == "1.2" else XLIFF2
    units = root.iter(f"{{{ns}}}trans-unit" if version == "1.2" else f"{{{ns}}}unit")
    for unit in units:
        prefix = changes.get(unit.get("id", ""))
        if prefix is None:
            continue
        target = unit.find(f".//{{{ns}}}target")
        target.text = prefix + (target.text or "")
        holder = target if version == "1.2" else unit.find(f"{{{ns}}}segment")
        holder.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def expected_bytes(article: bytes, path: Path, targets: dict[int, str]) -> bytes:
    """The article with exactly these targets set, spliced by an independent session."""
    copy = path.parent / "expected" / path.name
    copy.parent.mkdir(exist_ok=True)
    copy.write_bytes(article)
    session = open_article(str(copy)).session
    for row, text in targets.items():
        session.apply(SetTarget(row=row, new_target=text))
    return session.doc.serialize()


@pytest.mark.parametrize("version", ["1.2", "2.1"])
@pytest.mark.parametrize("raw", [False, True], ids=["codes", "raw"])
def test_xliff_round_trip_through_another_tool(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch, version, raw
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    original = article.read_bytes()
    load(qtbot, window, article, checks=False)
    session = window.session
    assert session is not None
    xlf = tmp_path / "out" / "article.xlf"
    xlf.parent.mkdir()
    key = "xliff" if version == "1.2" else "xliff2"
    export_from_window(window, monkeypatch, ExportRequest(str(xlf), key, raw=raw))
    assert f'version="{"1.2" if version == "1.2" else "2.1"}"'.encode() in xlf.read_bytes()

    # Three units get new text in "another tool", chosen across the article.
    pairs = session.doc.pairs
    rows = [r for r in range(len(pairs)) if not pairs[r].in_front_matter]
    chosen = [rows[1], rows[len(rows) // 2], rows[-1]]
    changes = {pairs[r].id: f"Herzien {k}: " for k, r in enumerate(chosen)}
    xlf.write_bytes(edit_like_a_cat_tool(xlf.read_bytes(), version, changes))
    new = {r: changes[pairs[r].id] + pairs[r].target for r in chosen}
    old = {r: pairs[r].target for r in chosen}

    preview = Preview(monkeypatch)
    import_in_window(window, monkeypatch, xlf)
    (dialog,) = preview.seen
    assert dialog.chosen_rows() == chosen
    assert not dialog.plan.rejected and dialog.plan.unchanged == len(rows) - 3
    # The real window: one undo step, the rows edited by the reviewer, unsaved.
    assert window.stack.count() == 1
    assert window.stack.undoText() == "Import 3 targets from article.xlf"
    for r in chosen:
        assert pairs[r].target == new[r]
        assert session.reviews[r].state is State.EDITED
        assert session.reviews[r].changed_by == AUTHOR
    assert window.isWindowModified()
    assert window.model is not None
    shown = window.model.index(chosen[0], 3).data()  # the table shows the imported text
    assert isinstance(shown, str) and "Herzien 0" in shown

    window.registry["actionUndo"].trigger()
    assert all(pairs[r].target == old[r] for r in chosen)
    assert all(session.reviews[r].state is State.UNREVIEWED for r in chosen)
    assert not session.doc.is_modified
    window.registry["actionRedo"].trigger()
    assert all(pairs[r].target == new[r] for r in chosen)

    assert window.save()
    assert article.read_bytes() == expected_bytes(original, tmp_path, new)
    sidecar = Path(sidecar_path(str(article))).read_text("utf-8")
    assert sidecar.count(f"changed_by: {AUTHOR}") >= 3

    # The same file again changes nothing, and says so.
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(text))
    import_in_window(window, monkeypatch, xlf)
    assert len(preview.seen) == 1 and window.stack.count() == 1
    assert said and "changes nothing" in said[0] and "article.xlf" in said[0]
    assert not window.isWindowModified()


def test_issue_sheet_round_trip(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    original = article.read_bytes()
    load(qtbot, window, article, checks=False)
    session = window.session
    assert session is not None
    for row in (2, 4, 6):
        issue = Issue("accuracy/mistranslation", Severity.MAJOR, f"fix {row}")
        assert window.gateway.submit(AddIssue(row=row, issue=issue), Origin.ACTION)
    sheet = tmp_path / "sheet.xlsx"
    export_from_window(window, monkeypatch, ExportRequest(str(sheet), "xlsx"))

    # A reviewer without the window fills two "Corrected target" cells and types a formula
    # in the third.
    book = openpyxl.load_workbook(sheet)
    ws = book["Issues"]
    head = [c.value for c in ws[1]]
    col_id, col_fix = head.index("ID") + 1, head.index("Corrected target") + 1
    ids = {ws.cell(r, col_id).value: r for r in range(2, ws.max_row + 1)}
    pairs = session.doc.pairs
    assert set(ids) == {pairs[r].id for r in (2, 4, 6)}
    fixes = {2: "Gecorrigeerd: " + pairs[2].target, 4: pairs[4].target.replace(" ", "  ", 1)}
    for row, text in fixes.items():
        ws.cell(ids[pairs[row].id], col_fix).value = text
    ws.cell(ids[pairs[6].id], col_fix).value = "=A1"
    book.save(sheet)

    def look(dialog: ImportPreview) -> None:
        assert dialog.rejected_list.topLevelItemCount() == 1
        rejected = dialog.rejected_list.topLevelItem(0)
        assert rejected is not None and "formula" in rejected.text(3)
        assert "line" in dialog.summary.text() or "rejected" in dialog.summary.text()

    Preview(monkeypatch, look)
    import_in_window(window, monkeypatch, sheet)
    assert window.stack.count() == 4  # three issues, then the import as one step
    assert {r: pairs[r].target for r in fixes} == fixes
    assert all(session.reviews[r].state is State.EDITED for r in fixes)
    window.registry["actionUndo"].trigger()
    window.registry["actionRedo"].trigger()
    assert window.save()
    assert article.read_bytes() == expected_bytes(original, tmp_path, fixes)


def test_the_preview_shows_each_change_and_leaves_out_what_is_unticked(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article, checks=False)
    session = window.session
    assert session is not None
    xlf = tmp_path / "a.xlf"
    export_from_window(window, monkeypatch, ExportRequest(str(xlf), "xliff"))
    pairs = session.doc.pairs
    changes = {pairs[r].id: "Nieuw " for r in (3, 5, 7)}
    data = edit_like_a_cat_tool(xlf.read_bytes(), "1.2", changes)
    # and one unit whose source another tool changed: rejected, with its line
    data = data.replace(b'<source xml:lang="en-US">', b'<source xml:lang="en-US">Changed ', 1)
    xlf.write_bytes(data)
    before = {r: pairs[r].target for r in (3, 5, 7)}

    def untick_the_second(dialog: ImportPreview) -> None:
        tree = dialog.change_list
        assert tree.topLevelItemCount() == 3
        assert dialog.import_button.text().replace("&", "") == "Import 3 targets"
        # The first change is shown, before and after highlighted.
        html = dialog.detail.toHtml()
        assert "Before" in html and "After" in html and "Nieuw" in html
        assert "#ccffd8" in html.lower()  # the inserted word's highlight
        # Space on the current row unticks it, as in any checklist.
        tree.setFocus()
        tree.setCurrentItem(tree.topLevelItem(1))
        QTest.keyClick(tree, Qt.Key.Key_Space)
        assert dialog.chosen_rows() == [3, 7]
        assert dialog.import_button.text().replace("&", "") == "Import 2 targets"
        dialog.tick_none.click()
        assert not dialog.import_button.isEnabled()
        dialog.tick_all.click()
        tree.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
        # The rejected unit: reason, line and why.
        dialog.tabs.setCurrentIndex(1)
        item = dialog.rejected_list.topLevelItem(0)
        assert item is not None and item.text(2) == "source changed"
        assert int(item.text(1)) > 1
        dialog.rejected_list.setCurrentItem(item)
        assert "source changed" in dialog.detail.toPlainText()
        dialog.resize(900, 600)
        dialog.tabs.setCurrentIndex(0)
        dialog.change_list.setCurrentItem(dialog.change_list.topLevelItem(0))
        shot = tmp_path / "import-preview.png"
        assert dialog.grab().save(str(shot))

    Preview(monkeypatch, untick_the_second)
    import_in_window(window, monkeypatch, xlf)
    assert pairs[3].target == "Nieuw " + before[3]
    assert pairs[5].target == before[5]  # left out
    assert pairs[7].target == "Nieuw " + before[7]
    assert window.stack.undoText() == "Import 2 targets from a.xlf"


def test_cancelling_the_preview_changes_nothing(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article, checks=False)
    pairs = window.session.doc.pairs  # type: ignore[union-attr]
    xlf = tmp_path / "a.xlf"
    export_from_window(window, monkeypatch, ExportRequest(str(xlf), "xliff2"))
    xlf.write_bytes(edit_like_a_cat_tool(xlf.read_bytes(), "2.1", {pairs[3].id: "X "}))
    monkeypatch.setattr(import_dialog, "preview_import", lambda *a: None)
    import_in_window(window, monkeypatch, xlf)
    assert window.stack.count() == 0 and not window.isWindowModified()


def billion_laughs() -> bytes:
    lol = b'<!ENTITY a "lollollollollollollollollollol">'
    for k in range(1, 10):
        prev = b"a" if k == 1 else b"e%d" % (k - 1)
        lol += b'<!ENTITY e%d "%s">' % (k, (b"&" + prev + b";") * 10)
    return (
        b'<?xml version="1.0"?><!DOCTYPE xliff [' + lol + b"]>"
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">&e9;</xliff>'
    )


REFUSED: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    "malformed": (".xlf", lambda good: good[:-300], "cut short or damaged: save it again"),
    "billion-laughs": (".xlf", lambda good: billion_laughs(), "document type declaration"),
    "another-article": (
        ".xlf",
        lambda good: good.replace(b'original="', b'original="other-'),
        "holds no units",
    ),
    "not-a-workbook": (".xlsx", lambda good: b"PK\x03\x04 not really", "workbook"),
    "binary-csv": (".csv", lambda good: bytes(range(256)) * 4, "not UTF-8"),
    "a-folder": (".xlf", lambda good: b"", "is a folder, not an exchange file"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_file_gets_one_dialog_naming_it_and_nothing_changes(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch, case: str
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article, checks=False)
    good = tmp_path / "good.xlf"
    export_from_window(window, monkeypatch, ExportRequest(str(good), "xliff"))
    ext, make, expected = REFUSED[case]
    bad = tmp_path / f"hostile{ext}"
    if case == "a-folder":
        bad.mkdir()
    else:
        bad.write_bytes(make(good.read_bytes()))
    before = article.read_bytes()
    listing = sorted(p.name for p in article.parent.iterdir())
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: errors.append((title, text))
    )
    import_in_window(window, monkeypatch, bad)
    ((title, text),) = errors
    assert title == f"Cannot import {bad.name}"
    assert str(bad) in text and expected in text, text
    assert "Nothing was changed in the article." in text
    assert "Traceback" not in text and "lollol" not in text
    assert window.stack.count() == 0 and not window.isWindowModified()
    assert article.read_bytes() == before
    assert sorted(p.name for p in article.parent.iterdir()) == listing


def test_a_failure_the_importer_does_not_wrap_still_ends_in_a_dialog(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reviewer.core import importing

    window = reviewer
    load(qtbot, window, article, checks=False)

    def broken(*args: object) -> None:
        raise ValueError("a reader bug")

    monkeypatch.setattr(importing, "plan_import", broken)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    import_in_window(window, monkeypatch, tmp_path / "x.xlf")
    (text,) = errors
    assert "x.xlf could not be read (ValueError: a reader bug)" in text
    assert "Nothing was changed" in text and window.stack.count() == 0


def drop(window: MainWindow, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    return event


def test_dropping_an_exchange_file_offers_the_import(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    xlf = tmp_path / "dropped.xlf"
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(title))
    xlf.write_bytes(b"<xliff/>")
    assert drop(window, xlf).isAccepted()
    assert said == ["Open the article first"] and window.workspace is None

    load(qtbot, window, article, checks=False)
    pairs = window.session.doc.pairs  # type: ignore[union-attr]
    export_from_window(window, monkeypatch, ExportRequest(str(xlf), "xliff"))
    xlf.write_bytes(edit_like_a_cat_tool(xlf.read_bytes(), "1.2", {pairs[4].id: "Gesleept "}))
    preview = Preview(monkeypatch)
    drop(window, xlf)
    assert len(preview.seen) == 1
    assert pairs[4].target.startswith("Gesleept ") and window.stack.count() == 1
    assert window.workspace is not None and window.workspace.path == str(article)  # not opened


# -- export ----------------------------------------------------------------------------------

HEADS = {"csv": b"\xef\xbb\xbf", "xlsx": b"PK", "json": b"{", "tmx": b"<?xml"}


@pytest.mark.parametrize("key", [f.key for f in FORMATS])
def test_every_export_format_from_the_window(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch, key: str
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article)
    session = window.session
    assert session is not None
    issue = Issue("accuracy/omission", Severity.MAJOR, "ontbreekt")
    window.gateway.submit(AddIssue(row=3, issue=issue), Origin.ACTION)
    window.gateway.submit(SetState(row_list=(4, 5), state=State.APPROVED), Origin.ACTION)
    fmt = next(f for f in FORMATS if f.key == key)
    out = tmp_path / f"export{fmt.extension}"
    messages: list[str] = []
    window.late.exchange.message.connect(lambda text, ms: messages.append(text))
    export_from_window(
        window, monkeypatch, ExportRequest(str(out), key, include_checks=True, raw=False)
    )
    data = out.read_bytes()
    assert messages and str(out) in messages[-1]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # atomic
    if key in HEADS:
        assert data.startswith(HEADS[key])
    if key == "json":
        rows = json.loads(data)["rows"]
        kinds = {r["type"] if "type" in r else r.get("kind") for r in rows}
        assert "ontbreekt" in data.decode() and len(kinds) > 1  # the issue and check results
        assert json.loads(data)["report"]["reviewer"] == AUTHOR
    if key == "csv":
        assert "Check " in data.decode("utf-8-sig")  # "include check results" was honoured
    if key == "rendered":
        assert b"ontbreekt" in data and b"<table" in data
    if key in ("xliff", "xliff2"):
        assert data.count(b"<ph") + data.count(b"<pc") + data.count(b"<bpt") > 0  # protected
    if key == "tmx":
        assert data.count(b"<tu ") == 2  # the approved pairs


def test_an_export_that_cannot_be_written_names_the_file(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article, checks=False)
    target = tmp_path / "gone" / "a.xlf"
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(export_dialog, "ask_export", lambda *a: ExportRequest(str(target), "xliff"))
    window.registry["actionExport"].trigger()
    (text,) = errors
    assert text.startswith(f"Could not write {target}: No such file or directory.")
    assert "Nothing was exported" in text and ".tmp" not in text


def test_the_export_dialog(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "guide.md"
    dialog = export_dialog.ExportDialog(None, str(article))
    qtbot.addWidget(dialog)
    assert dialog.format() == "csv"
    assert dialog.path.text() == str(tmp_path / "guide-issues.csv")
    # Each option is offered only where its format takes it.
    assert dialog.include_checks.isEnabled() and not dialog.raw.isEnabled()
    dialog.set_format("tmx")
    assert dialog.path.text() == str(tmp_path / "guide.tmx")
    assert dialog.raw.isEnabled() and dialog.every_pair.isEnabled()
    assert not dialog.include_checks.isEnabled()
    dialog.set_format("rendered")
    assert dialog.include_checks.isEnabled() and not dialog.every_pair.isEnabled()
    assert dialog.path.text().endswith("guide-report.html")
    # A name the user typed keeps its stem; a new format changes only the extension.
    QTest.keyClicks(dialog.path, "")
    dialog.path.clear()
    QTest.keyClicks(dialog.path, str(tmp_path / "mine.html"))
    dialog.set_format("xliff")
    assert dialog.path.text() == str(tmp_path / "mine.xlf")
    dialog.raw.setChecked(True)
    dialog.resize(520, 640)
    dialog.show()
    assert dialog.grab().save(str(tmp_path / "export-dialog.png"))
    # An existing file is not replaced without asking.
    (tmp_path / "mine.xlf").write_bytes(b"old")
    asked: list[str] = []

    def confirm(parent, title, text, ok="OK", default_ok=True):  # type: ignore[no-untyped-def]
        asked.append(text)
        return False

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dialog.ok.click()
    assert asked and "mine.xlf" in asked[0] and dialog.result() != QDialog.DialogCode.Accepted
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == ExportRequest(str(tmp_path / "mine.xlf"), "xliff", raw=True)


def test_the_window_remembers_the_last_export(
    qtbot, reviewer: MainWindow, article: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = reviewer
    load(qtbot, window, article, checks=False)
    first = ExportRequest(str(tmp_path / "x.tmx"), "tmx", every_pair=True)
    export_from_window(window, monkeypatch, first)
    seen: list[ExportRequest | None] = []

    def ask(parent, path, last):  # type: ignore[no-untyped-def]
        seen.append(last)

    monkeypatch.setattr(export_dialog, "ask_export", ask)
    window.registry["actionExport"].trigger()
    assert seen == [first]
