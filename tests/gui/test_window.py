"""End-to-end scenarios driven through the window's widgets and actions."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest

from reviewer.core.export_formats import ExportRequest
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.gui import dialogs, export_dialog, issue_dialog
from reviewer.gui.issue_dialog import IssueInput
from reviewer.gui.main_window import MainWindow
from reviewer.gui.model import COL_TARGET
from tests.gui.gui_helpers import ROOT, copy_corpus, load


def action(win: MainWindow, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def select_rows(win: MainWindow, proxy_rows: list[int]) -> None:
    sm = win.table.selectionModel()
    selection = QItemSelection()
    for r in proxy_rows:
        selection.select(win.proxy.index(r, 0), win.proxy.index(r, 5))
    win.table.setCurrentIndex(win.proxy.index(proxy_rows[0], COL_TARGET))
    sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_edit_flag_approve_undo_redo_save(qtbot, window, article, monkeypatch) -> None:
    original = article.read_bytes()
    load(qtbot, window, article)
    session = window.session
    row = 2
    window.goto_source_row(row)
    old_target = session.doc.pairs[row].target
    target = window.detail.target
    assert target.objectName() == "detailTarget"
    target.setFocus()
    target.moveCursor(target.textCursor().MoveOperation.End)
    qtbot.keyClicks(target, " Echt.")
    assert session.doc.pairs[row].target == old_target + " Echt."
    assert window.stack.count() == 1  # typing merged into one step
    assert window.isWindowModified()

    monkeypatch.setattr(
        issue_dialog,
        "ask_issue",
        lambda parent, prefill, title="": IssueInput(
            "accuracy/omission", Severity.MAJOR, "verb lost"
        ),
    )
    action(window, "actionFlagIssue").trigger()
    assert session.reviews[row].issues[0].comment == "verb lost"
    action(window, "actionApproveNext").trigger()
    assert session.reviews[row].state is State.APPROVED
    assert window.current_row() == row + 1
    assert window.stack.count() == 3

    undo, redo = action(window, "actionUndo"), action(window, "actionRedo")
    for _ in range(3):
        undo.trigger()
    assert session.doc.pairs[row].target == old_target
    assert session.reviews[row].state is State.UNREVIEWED
    assert not session.reviews[row].issues
    for _ in range(3):
        redo.trigger()
    assert session.reviews[row].state is State.APPROVED
    assert session.doc.pairs[row].target == old_target + " Echt."

    action(window, "actionSave").trigger()
    assert not window.isWindowModified()
    saved = article.read_bytes()
    # Only that target changed: the bytes differ by exactly the inserted text at its end.
    old_b, new_b = old_target.encode(), (old_target + " Echt.").encode()
    assert saved.count(new_b) == 1
    assert saved.replace(new_b, old_b, 1) == original
    sidecar = Path(str(article) + ".review.yaml").read_text(encoding="utf-8")
    assert "verb lost" in sidecar and "approved" in sidecar
    assert session.doc.pairs[row].id in sidecar


def _confirm_recorder(monkeypatch, answer: bool = True) -> list[str]:
    texts: list[str] = []

    def confirm(parent, title, text, ok_label="OK"):  # type: ignore[no-untyped-def]
        texts.append(text)
        return answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return texts


def test_batch_approve_selection_is_one_undo_step(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    texts = _confirm_recorder(monkeypatch)
    select_rows(window, [1, 2, 4])
    action(window, "actionApproveSelection").trigger()
    assert "Approve 3 segments" in texts[0]
    states = [r.state for r in window.session.reviews]
    assert [k for k, s in enumerate(states) if s is State.APPROVED] == [1, 2, 4]
    action(window, "actionUndo").trigger()
    assert all(r.state is State.UNREVIEWED for r in window.session.reviews)


def test_batch_refused_changes_nothing(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    _confirm_recorder(monkeypatch, answer=False)
    select_rows(window, [0, 1])
    action(window, "actionApproveSelection").trigger()
    assert window.stack.count() == 0


def test_batch_approve_filtered_leaves_hidden_rows(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    texts = _confirm_recorder(monkeypatch)
    window.filter_bar.text.setText("abonnement")
    window.filter_bar.apply_now()
    shown = window.proxy.accepted_source_rows()
    n = window.model.rowCount()
    assert 0 < len(shown) < n
    action(window, "actionApproveFiltered").trigger()
    assert f"Approve {len(shown)} segment" in texts[0]
    assert f"{n - len(shown)} segments hidden by the filter are not touched" in texts[0]
    approved = [k for k, r in enumerate(window.session.reviews) if r.state is State.APPROVED]
    assert approved == shown


def test_batch_approve_clean(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    texts = _confirm_recorder(monkeypatch)
    session = window.session
    session.reviews[0].issues.append(Issue("accuracy/omission", Severity.MINOR))
    window.filter_bar.text.setText("abonnement")
    window.filter_bar.apply_now()
    shown = set(window.proxy.accepted_source_rows())
    hidden = set(range(len(session.reviews))) - shown
    assert hidden
    expected = {r for r in shown if session.is_clean(r)}
    assert 0 not in expected
    action(window, "actionApproveClean").trigger()
    assert texts
    approved = {k for k, r in enumerate(session.reviews) if r.state is State.APPROVED}
    assert approved == expected
    assert not approved & hidden
    assert window.stack.count() == 1


def test_unsaved_prompt_on_close_and_open(qtbot, window, article, tmp_path, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    window.review.set_target(0, window.session.doc.pairs[0].target + "!")
    asked: list[str] = []

    def answer(value: str):  # type: ignore[no-untyped-def]
        def ask(parent, name):  # type: ignore[no-untyped-def]
            asked.append(name)
            return value

        return ask

    monkeypatch.setattr(dialogs, "ask_unsaved", answer("cancel"))
    assert not window.close()
    assert window.isVisible() and asked == [article.name]
    other = copy_corpus(tmp_path, "change-nameservers.md")
    assert not window.open_path(str(other))
    assert window.workspace.path == str(article)

    monkeypatch.setattr(dialogs, "ask_unsaved", answer("save"))
    assert window.open_path(str(other))
    assert article.read_bytes().count(b"!</span>") >= 1
    window.review.set_target(0, window.session.doc.pairs[0].target + "?")
    monkeypatch.setattr(dialogs, "ask_unsaved", answer("discard"))
    assert window.close()


def test_external_change_offers_reload_overwrite(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    window.review.set_target(1, window.session.doc.pairs[1].target + " X")
    article.write_bytes(article.read_bytes() + b"\n")
    choices: list[str] = []

    def ask(parent, name):  # type: ignore[no-untyped-def]
        choices.append(name)
        return "overwrite"

    monkeypatch.setattr(dialogs, "ask_external_change", ask)
    assert window.save()
    assert choices and not article.read_bytes().endswith(b"\n\n")
    assert b" X</span>" in article.read_bytes()


def test_save_error_is_reported(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article, checks=False)
    window.review.set_target(1, window.session.doc.pairs[1].target + " Y")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    os.chmod(article.parent, 0o500)
    try:
        if os.access(article.parent, os.W_OK):
            pytest.skip("running as a user that can write anywhere")
        assert not window.save()
    finally:
        os.chmod(article.parent, 0o700)
    assert errors and window.isWindowModified()


def test_refused_target_in_detail_pane(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    window.goto_source_row(1)
    window.detail.target.setFocus()
    window.detail.target.setPlainText("   ")
    assert window.stack.count() == 0
    assert "Not applied" in window.detail.message.text()
    assert window.session.doc.pairs[1].target.strip()


def test_shortcuts_exist_and_trigger(qtbot, window, article) -> None:
    expected = {
        "actionCopySource": "Ctrl+B",
        "actionApproveNext": "Ctrl+Return",
        "actionNextUnfinished": "Ctrl+J",
        "actionNextIssue": "F3",
        "actionFind": "Ctrl+F",
        "actionIssuesDock": "F8",
        "actionSave": "Ctrl+S",
        "actionUndo": "Ctrl+Z",
        "actionRedo": "Ctrl+Shift+Z",
        "actionOpen": "Ctrl+O",
    }
    for name, key in expected.items():
        keys = [s.toString() for s in action(window, name).shortcuts()]
        assert key in keys, (name, keys)
    assert "Ctrl+Shift+J" in [s.toString() for s in action(window, "actionNextIssue").shortcuts()]
    load(qtbot, window, article)
    window.table.setFocus()
    window.goto_source_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.reviews[0].state is State.APPROVED
    assert window.current_row() == 1
    QTest.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc.pairs[1].target == window.session.doc.pairs[1].source
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc.pairs[1].target != window.session.doc.pairs[1].source
    window.goto_source_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.current_row() == 1
    QTest.keyClick(window.table, Qt.Key.Key_F3)
    row = window.current_row()
    issues, findings = window.model.row_issues(row)
    assert issues or findings
    visible = window.issues_dock.isVisible()
    QTest.keyClick(window.table, Qt.Key.Key_F8)
    assert window.issues_dock.isVisible() != visible
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.text.hasFocus()


def test_undo_from_detail_editor_reaches_stack(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    window.goto_source_row(3)
    before = window.session.doc.pairs[3].target
    target = window.detail.target
    target.setFocus()
    qtbot.keyClicks(target, "abc")
    QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc.pairs[3].target == before
    assert target.toPlainText() == before


def test_issue_dock_lists_and_jumps(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    dock = window.issues_dock
    assert dock.objectName() == "issuesDock"
    model = dock.model
    assert model.rowCount() > 0
    target_row = model.entries[-1].row
    dock.show()
    index = model.index(model.rowCount() - 1, 0)
    dock.view.scrollTo(index)
    qtbot.mouseClick(
        dock.view.viewport(), Qt.MouseButton.LeftButton, pos=dock.view.visualRect(index).center()
    )
    assert window.current_row() == target_row


def test_check_result_prefills_flag_dialog_and_dismiss(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    window.goto_source_row(0)
    window.nav.next_issue(True)
    row = window.current_row()
    finding = window.detail.selected_finding()
    assert finding is not None
    seen: list[IssueInput | None] = []

    def ask(parent, prefill, title=""):  # type: ignore[no-untyped-def]
        seen.append(prefill)
        return prefill

    monkeypatch.setattr(issue_dialog, "ask_issue", ask)
    action(window, "actionFlagIssue").trigger()
    assert seen[0] is not None and seen[0].check_code == finding.code
    issue = window.session.reviews[row].issues[0]
    assert issue.category == finding.category and issue.check_code == finding.code
    # Resolve, then delete it, then dismiss the check: each one undo step.
    window.detail.resolve_issue_requested.emit(issue.uid)
    assert not window.session.reviews[row].issues[0].is_open
    window.detail.delete_issue_requested.emit(issue.uid)
    assert not window.session.reviews[row].issues
    n = len(window.session.findings(row))
    window.detail.dismiss_requested.emit(finding.code)
    assert len(window.session.findings(row)) < n
    assert window.stack.count() == 4


def test_flag_dialog_keyboard_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = issue_dialog.FlagIssueDialog(None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.search, "omiss")
    QTest.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.focusWidget() is dlg.comment
    qtbot.keyClicks(dlg.comment, "main clause lost")
    QTest.keyClick(dlg.comment, Qt.Key.Key_Tab)
    with qtbot.waitSignal(dlg.accepted):
        QTest.keyClick(dlg, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    value = dlg.value()
    assert value is not None and value.category == "accuracy/omission"
    assert value.comment == "main clause lost"


def test_empty_file_and_parse_warnings(qtbot, window, tmp_path, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: warned.append(text))
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: Leeg\n---\n\nAlleen tekst.\n", encoding="utf-8")
    load(qtbot, window, empty, checks=False)
    assert window.pages.currentWidget() is window.empty
    assert "Nothing to review" in window.empty.text()
    broken = copy_corpus(tmp_path, "explanation-types-overview.md")
    load(qtbot, window, broken)
    assert window.pages.currentWidget() is window.table
    kinds = [e.kind for e in window.issues_dock.model.entries]
    assert "parse" in kinds
    assert len(warned) == 1 and str(broken) in warned[0] and "not editable" in warned[0]


def test_settings_remember_recent_files_and_columns(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    assert window.files.recent_files()[0] == str(article)
    window.table.setColumnWidth(1, 131)
    window.save_settings()
    other = MainWindow(settings=window.settings)
    qtbot.addWidget(other)
    assert other.files.recent_files()[0] == str(article)
    load(qtbot, other, article, checks=False)
    assert other.table.columnWidth(1) == 131


def test_screenshot_subprocess(tmp_path, article) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shot.png"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(article), "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_no_display_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "x.md"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("display detection is Linux-only")
    assert result.returncode == 1
    assert "No display found" in result.stderr
    assert "xvfb-run -a make run" in result.stderr
    assert "main.py x.md --screenshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_clean_file_follows_external_change(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    data = article.read_bytes()
    first = window.session.doc.pairs[0].target
    old = f'">{first}</span>'.encode()
    article.write_bytes(data.replace(old, b'">Van buiten gewijzigd</span>', 1))
    assert window.files.watcher.check_now()
    assert window.session.doc.pairs[0].target == "Van buiten gewijzigd"
    assert not window.isWindowModified()


def test_crash_journal_is_offered_and_restored_as_one_step(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reviewer.gui import recovery

    load(qtbot, window, article, checks=False)
    new = window.session.doc.pairs[2].target + " (hersteld)"
    window.review.set_target(2, new)
    assert window.files.autosave is not None
    window.files.autosave.flush()  # what the timer does within two seconds
    window.files.autosave.stop()
    window.files.autosave = None  # a crash: no clean close, the journal stays
    window.stack.clear()
    window.files.workspace = None

    monkeypatch.setattr(recovery, "ask", lambda *a, **k: "restore")
    load(qtbot, window, article, checks=False)
    assert window.session.doc.pairs[2].target == new
    assert window.stack.count() == 1 and window.isWindowModified()
    action(window, "actionUndo").trigger()
    assert window.session.doc.pairs[2].target != new


def test_inline_editor_commits_through_the_model(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    window.goto_source_row(4)
    index = window.proxy.index(window.table.currentIndex().row(), COL_TARGET)
    window.table.edit(index)
    editor = window.delegate.current_editor()
    assert editor is not None and editor.toPlainText() == window.session.doc.pairs[4].target
    editor.setPlainText("Ingekorte zin.")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.doc.pairs[4].target == "Ingekorte zin."
    assert window.session.reviews[4].state is State.EDITED
    assert window.stack.count() == 1


def test_inline_editor_refuses_markup_that_breaks_the_file(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    window.goto_source_row(2)
    window.table.edit(window.proxy.index(2, COL_TARGET))
    editor = window.delegate.current_editor()
    assert editor is not None
    editor.setPlainText('kapot <span data-ttu-id="x">')
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert errors and "cannot contain" in errors[0]
    assert window.stack.count() == 0


def test_export_issues_to_csv(qtbot, window, article, tmp_path, monkeypatch) -> None:
    load(qtbot, window, article)
    window.session.reviews[1].issues.append(Issue("accuracy/omission", Severity.MAJOR, "weg"))
    out = tmp_path / "issues.csv"
    monkeypatch.setattr(export_dialog, "ask_export", lambda *a: ExportRequest(str(out), "csv"))
    action(window, "actionExport").trigger()
    assert "weg" in out.read_text(encoding="utf-8-sig")


def test_drop_a_file_opens_it(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    assert window.workspace is not None and window.workspace.path == str(article)
    assert window.windowTitle().startswith(article.name)


def test_external_change_while_dirty_asks_and_keeps_the_edits(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article, checks=False)
    mine = window.session.doc.pairs[2].target + " (mijn)"
    window.review.set_target(2, mine)
    first = window.session.doc.pairs[0].target
    old = f'">{first}</span>'.encode()
    article.write_bytes(article.read_bytes().replace(old, b'">Van buiten gewijzigd</span>', 1))
    asked: list[str] = []

    def ask(parent, name):  # type: ignore[no-untyped-def]
        asked.append(name)
        return "reload"

    monkeypatch.setattr(dialogs, "ask_external_change", ask)
    assert window.files.watcher.check_now()  # what the file watcher or regaining focus triggers
    assert asked == [article.name]
    # Reloaded: their change is in, and the unsaved edit of another segment is kept.
    assert window.session.doc.pairs[0].target == "Van buiten gewijzigd"
    assert window.session.doc.pairs[2].target == mine and window.isWindowModified()


def test_edit_and_resolve_issue_and_status_score(qtbot, window, article, monkeypatch) -> None:
    from reviewer.core import scoring
    from reviewer.core.edits import AddIssue

    load(qtbot, window, article)
    row = window.current_row()
    issue = Issue("accuracy/mistranslation", Severity.MAJOR, "x")
    window.review.submit(AddIssue(row=row, issue=issue))
    uid = window.session.reviews[row].issues[0].uid
    monkeypatch.setattr(
        issue_dialog,
        "ask_issue",
        lambda parent, prefill, title="": dataclasses.replace(prefill, comment="beter"),
    )
    window.detail.edit_issue_requested.emit(uid)
    assert window.session.reviews[row].issues[0].comment == "beter"
    window.detail.resolve_issue_requested.emit(uid)
    assert not window.session.reviews[row].issues[0].is_open
    window.detail.resolve_issue_requested.emit(uid)
    assert window.session.reviews[row].issues[0].is_open
    count = window.stack.count()
    window.review.edit_issue("no-such-uid")  # a stale uid (the issue was undone) does nothing
    window.review.toggle_resolved("no-such-uid")
    assert window.stack.count() == count
    window.update_status()
    expected = scoring.mqm_score(window.session, words=window.checks.words)
    assert f"MQM <b>{expected.score:.1f}</b>" in window.status.score_label.text()
    assert f"{expected.words:,} words" in window.status.score_label.text()
