"""Usability: focus, keyboard flow, status messages and help, as a user meets them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidget, QToolBar

from reviewer.core.edits import DismissCheck
from reviewer.core.export_formats import ExportRequest
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.gui import dialogs, export_dialog, issue_dialog, language
from reviewer.gui.issue_dialog import FlagIssueDialog, IssueInput
from reviewer.gui.main_window import MainWindow
from tests.gui.gui_helpers import copy_corpus, load

# The real dialogs, before the autouse fixture swaps them for ones that fail the test.
_REAL_CONFIRM = dialogs.confirm


def action(win: MainWindow, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def test_open_selects_first_unfinished_with_table_focused(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    assert window.current_row() == 0
    assert window.detail.row == 0
    assert "No segment selected" not in window.detail.header.text()
    assert window.detail.target.toPlainText() == window.session.doc.pairs[0].target
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def test_open_skips_finished_segments(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.review.set_state(State.APPROVED, [0, 1])
    window.save()
    window.open_path(str(article))
    assert window.current_row() == 2
    assert window.detail.row == 2
    assert window.table.currentIndex().column() == 3


def _focus(qtbot, window, widget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_approve_and_next_goes_to_next_unfinished_with_cursor_in_editor(
    qtbot, window, article
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    window.review.set_state(State.APPROVED, [2, 3])
    window.goto_source_row(1)
    _focus(qtbot, window, window.table)
    action(window, "actionApproveNext").trigger()
    assert window.session.reviews[1].state is State.APPROVED
    assert window.current_row() == 4  # 2 and 3 are finished already
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.detail.target)
    cursor = window.detail.target.textCursor()
    assert cursor.position() == len(window.session.doc.pairs[4].target)


def test_approve_and_next_on_the_last_unfinished_says_so(qtbot, window, article) -> None:
    load(qtbot, window, article)
    n = window.model.rowCount()
    window.review.set_state(State.APPROVED, list(range(n - 1)))
    window.goto_source_row(n - 1)
    action(window, "actionApproveNext").trigger()
    assert window.current_row() == n - 1
    assert "Every segment in view is now reviewed or approved" in (
        window.statusBar().currentMessage()
    )


def test_edit_warning_leaves_the_status_bar_once_it_no_longer_holds(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.goto_source_row(2)
    target = window.detail.target
    _focus(qtbot, window, target)
    window.detail.move_cursor_end()
    qtbot.keyClicks(target, " ")
    assert window.statusBar().currentMessage().startswith("Warning: ")
    qtbot.keyClicks(target, "Klaar")
    assert window.statusBar().currentMessage() == ""


def test_regex_error_leaves_the_status_bar_once_fixed(qtbot, window, article) -> None:
    load(qtbot, window, article)
    bar = window.filter_bar
    bar.regex.setChecked(True)
    bar.text.setText("([")
    bar.apply_now()
    assert window.statusBar().currentMessage().startswith("Invalid regular expression")
    bar.text.setText("abonnement")
    bar.apply_now()
    assert window.statusBar().currentMessage() == ""
    assert bar.text.toolTip() == ""


def test_tab_moves_from_table_to_target_editor_and_back(qtbot, window, article) -> None:
    load(qtbot, window, article)
    _focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.detail.target)
    assert window.current_row() == 0  # Tab no longer walks the table's cells
    qtbot.keyClick(window.detail.target, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def test_escape_or_down_in_filter_returns_to_the_segments(qtbot, window, article) -> None:
    load(qtbot, window, article)
    action(window, "actionFind").trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filter_bar.text)
    qtbot.keyClicks(window.filter_bar.text, "abonnement")
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    assert window.filter_bar.text.text() == "abonnement"  # the filter stays, applied
    assert window.proxy.rowCount() < window.model.rowCount()
    action(window, "actionFind").trigger()
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def test_issue_list_return_edits_and_delete_removes(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    asked: list[object] = []

    def ask(parent, prefill, title=""):  # type: ignore[no-untyped-def]
        asked.append(prefill)
        return IssueInput("accuracy/omission", Severity.MAJOR, "verb lost")

    monkeypatch.setattr(issue_dialog, "ask_issue", ask)
    window.goto_source_row(3)
    action(window, "actionFlagIssue").trigger()
    issues = window.detail.issues
    issues.setCurrentItem(issues.topLevelItem(0))
    assert window.detail.selected_issue_uid() is not None
    _focus(qtbot, window, issues)
    qtbot.keyClick(issues, Qt.Key.Key_Return)
    assert len(asked) == 2 and asked[1] is not None  # the edit dialog, prefilled
    issues.setCurrentItem(issues.topLevelItem(0))
    qtbot.keyClick(issues, Qt.Key.Key_Delete)
    assert window.session.reviews[3].issues == []


def test_dismiss_check_has_a_key(qtbot, window, article) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    dismiss = action(window, "actionDismissCheck")
    assert dismiss.shortcut().toString() == "Ctrl+Shift+D"
    row = next(r for r in range(window.model.rowCount()) if window.session.findings(r))
    window.goto_source_row(row)
    finding = window.detail.selected_finding()
    assert finding is not None
    dismiss.trigger()
    assert finding.code not in {f.code for f in window.session.findings(row)}


def test_toolbar_tooltips_name_their_keys(qtbot, window, article) -> None:
    load(qtbot, window, article)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    for a in toolbar.actions():
        if a.isSeparator():
            continue
        for key in a.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in a.toolTip(), a.text()
    assert "Ctrl+Return" in action(window, "actionApproveNext").toolTip()
    window.review.set_state(State.NEEDS_WORK, [0])
    undo = action(window, "actionUndo").toolTip()
    assert undo.startswith("Undo") and "Ctrl+Z" in undo


def test_help_lists_every_shortcut_and_about_names_the_app(qtbot, window) -> None:
    rows = dict(window.registry.shortcut_rows())
    keys = " ".join(rows.values())
    for key in ("Ctrl+J", "Ctrl+Return", "Ctrl+B", "F8", "F3", "Ctrl+F", "Ctrl+S", "Ctrl+Z"):
        assert key in keys
    action(window, "actionShortcuts").trigger()
    box = window.findChild(QDialog, "shortcutsDialog")
    assert box is not None and box.isVisible()
    table = box.findChild(QTableWidget, "shortcutsTable")
    assert table.rowCount() == len(window.registry.shortcut_rows())
    box.close()
    action(window, "actionAbout").trigger()
    about = window.findChild(QMessageBox, "aboutBox")
    assert about is not None and about.isVisible()
    assert "Reviewer" in about.text()
    about.close()


def test_window_and_application_icon(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert not window.windowIcon().isNull()
    assert not QApplication.windowIcon().isNull()


def test_qt_translations_localise_standard_buttons(qapp) -> None:  # type: ignore[no-untyped-def]
    language.install(qapp, "nl")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    finally:
        language.uninstall(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_filter_matching_nothing_says_so_in_the_detail_pane(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.filter_bar.text.setText("zzzqqq")
    window.filter_bar.apply_now()
    assert window.proxy.rowCount() == 0
    assert "No segment matches the filter" in window.detail.header.text()
    assert action(window, "actionClearFilter").shortcut().toString() == "Ctrl+Shift+L"
    action(window, "actionClearFilter").trigger()
    assert window.proxy.rowCount() == window.model.rowCount()


def test_batch_with_nothing_to_do_informs_without_a_question(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: infos.append(text))
    n = window.model.rowCount()
    window.review.set_state(State.APPROVED, list(range(n)))
    action(window, "actionApproveFiltered").trigger()
    assert infos[-1] == (
        f"Nothing to approve: the {n} segments (every segment shown) are already approved."
    )
    action(window, "actionApproveClean").trigger()
    assert infos[-1].startswith("No clean segment is left to approve in view.")


def test_approve_clean_says_how_many_it_holds_back(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    texts: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, ok="OK": texts.append(text) or False
    )
    window.session.reviews[0].issues.append(Issue("accuracy/omission", Severity.MINOR))
    held = sum(1 for r in range(window.model.rowCount()) if not window.session.is_clean(r))
    action(window, "actionApproveClean").trigger()
    noun = "segment" if held == 1 else "segments"
    assert f"{held} shown {noun} with an open issue or an error-level check stay" in texts[0]


def test_flag_dialog_shows_the_dimension_of_the_prefilled_category(qtbot) -> None:
    dialog = FlagIssueDialog(
        None, IssueInput("linguistic-conventions/punctuation", Severity.MINOR, "")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    item = tree.currentItem()
    viewport = tree.viewport().rect()
    assert viewport.contains(tree.visualItemRect(item))
    assert viewport.contains(tree.visualItemRect(item.parent()))


def test_undo_and_redo_show_the_segment_they_change(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.goto_source_row(7)
    window.review.set_target(7, window.session.doc.pairs[7].target + " Echt.")
    window.goto_source_row(1)
    action(window, "actionUndo").trigger()
    assert window.current_row() == 7
    assert window.statusBar().currentMessage().startswith("Undone: ")
    window.goto_source_row(0)
    action(window, "actionRedo").trigger()
    assert window.current_row() == 7
    assert window.session.doc.pairs[7].target.endswith(" Echt.")


def test_undo_of_a_batch_stays_put_and_names_it(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    action(window, "actionApproveFiltered").trigger()
    window.goto_source_row(5)
    action(window, "actionUndo").trigger()
    assert window.current_row() == 5
    assert all(r.state is State.UNREVIEWED for r in window.session.reviews)
    assert window.statusBar().currentMessage() == "Undone: Mark 11 segments approved"


def test_issues_dock_summary_counts_in_good_english(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.session.reviews[0].issues.append(Issue("accuracy/omission", Severity.MINOR))
    window.refresh_issues_dock()
    assert window.issues_dock.summary.text().startswith("1 open issue · ")


def test_detail_issue_list_shows_the_whole_resolved_severity(qtbot, window) -> None:
    issues = window.detail.issues
    needed = issues.fontMetrics().horizontalAdvance("Critical (resolved)")
    assert issues.columnWidth(1) > needed


def test_status_bar_leaves_out_zero_counts_and_keeps_room_for_messages(
    qtbot, window, article
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    window.update_status()
    assert "Unreviewed" in window.status.state_label.text()
    assert "Approved" not in window.status.state_label.text()
    assert "Approved 0" in window.status.state_label.toolTip()
    assert window.status.issue_label.text().startswith("No open issues")
    window.review.set_state(State.APPROVED, [0])
    window.session.reviews[1].issues.append(Issue("accuracy/omission", Severity.MAJOR))
    window.update_status()
    assert "Approved <b>1</b>" in window.status.state_label.text()
    assert "Major <b>1</b>" in window.status.issue_label.text()
    assert "Critical" not in window.status.issue_label.text()
    window.statusBar().showMessage("Saved canceling-your-office-365-subscription.md and its review")
    qtbot.wait(10)
    status = window.status
    used = sum(w.width() for w in (status.state_label, status.issue_label, status.score_label))
    assert window.statusBar().width() - used > 400


def test_article_without_pairs_says_so_in_the_status_bar(qtbot, window, tmp_path) -> None:
    from tests.gui.gui_helpers import copy_corpus

    path = copy_corpus(tmp_path, "microsoft-defender.md")
    assert window.open_path(str(path))
    assert window.status.state_label.text().startswith("No segments")
    assert window.status.issue_label.text().startswith("No open issues")
    assert not window.filter_bar.isEnabled()
    assert not action(window, "actionFind").isEnabled()


def test_reload_with_unsaved_changes_names_the_file_and_defaults_to_cancel(
    qtbot, window, article, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    window.review.set_state(State.NEEDS_WORK, [0])
    asked: list[tuple[str, bool]] = []

    def confirm(parent, title, text, ok_label="OK", default_ok=True):
        asked.append((text, default_ok))
        return False

    monkeypatch.setattr(dialogs, "confirm", confirm)
    action(window, "actionReload").trigger()
    text, default_ok = asked[0]
    assert article.name in text and not default_ok
    assert window.session.reviews[0].state is State.NEEDS_WORK


def test_confirm_can_default_to_cancel(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box.defaultButton().text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    _REAL_CONFIRM(None, "t", "x", "Discard and Reload", default_ok=False)
    _REAL_CONFIRM(None, "t", "x", "Approve 3")
    assert seen[1] == "Approve 3" and seen[0] != "Discard and Reload"


def test_export_to_an_unwritable_place_names_the_chosen_file(
    qtbot, window, article, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    target = tmp_path / "missing-folder" / "issues.csv"
    monkeypatch.setattr(export_dialog, "ask_export", lambda *a: ExportRequest(str(target), "csv"))
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    action(window, "actionExport").trigger()
    assert errors[0].startswith(f"Could not write {target}: No such file or directory.")
    assert ".tmp" not in errors[0]
    assert "Choose a folder you can write to" in errors[0]


def test_toolbar_undo_button_keeps_its_width(qtbot, window, article) -> None:
    load(qtbot, window, article)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(action(window, "actionUndo"))
    before = button.sizeHint().width()
    window.review.set_state(State.NEEDS_WORK, [0])
    assert button.text() == "Undo"
    assert button.sizeHint().width() == before
    assert action(window, "actionUndo").text().replace("&", "") == "Undo Mark 1 segment needs work"
    assert "Mark 1 segment needs work" in action(window, "actionUndo").toolTip()


def test_issues_dock_arrow_keys_follow_and_return_jumps(qtbot, window, article) -> None:
    load(qtbot, window, article)
    window.activateWindow()
    dock = window.issues_dock
    dock.show()
    entries = [e for e in dock.model.entries if e.row >= 0]
    rows = [e.row for e in dock.model.entries]
    assert len({e.row for e in entries}) >= 2
    view = dock.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    view.setCurrentIndex(dock.model.index(0, 0))
    assert window.current_row() == rows[0]
    for k in range(1, min(len(rows), 4)):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert view.currentIndex().row() == k
        assert window.current_row() == rows[k]  # the table follows the dock
        assert QApplication.focusWidget() is view  # while the keys stay in the dock
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_row() == rows[view.currentIndex().row()]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def _centred(window: MainWindow, row: int) -> bool:
    column = window.table.currentIndex().column()
    index = window.proxy.mapFromSource(window.model.index(row, column))
    rect = window.table.visualRect(index)
    middle = window.table.viewport().rect().center().y()
    return rect.top() <= middle + rect.height() and rect.bottom() >= middle - rect.height()


def test_far_jumps_centre_the_target_row(qtbot, window, tmp_path) -> None:
    path = copy_corpus(tmp_path, "external-domain-name-system-records.md")
    load(qtbot, window, path, checks=False)
    n = len(window.session.doc.pairs)
    far = n - 30
    window.review.set_state(State.APPROVED, list(range(far)))
    window.goto_source_row(0)
    window.table.scrollToTop()
    window.nav.next_unfinished()
    assert window.current_row() == far
    assert _centred(window, far)  # not at the bottom edge, where the next rows are hidden
    # A visible target is not scrolled: the view must not jump under the reader's eyes.
    top = window.table.verticalScrollBar().value()
    window.nav.next_unfinished()
    assert window.current_row() == far + 1
    assert window.table.verticalScrollBar().value() == top
    # Undo shows the far segment it changed in the same way.
    window.review.set_state(State.REVIEWED)
    window.goto_source_row(0)
    window.table.scrollToTop()
    window.registry["actionUndo"].trigger()
    assert window.current_row() == far + 1
    assert _centred(window, far + 1)


def test_check_filter_lists_only_this_files_checks(qtbot, window, article) -> None:
    load(qtbot, window, article)
    combo = window.filter_bar.check
    codes = [combo.itemData(k) for k in range(combo.count())]
    assert codes[0] == "" and combo.itemText(0) == "Any check"
    found = {f.code: f.title for f in window.session.all_findings()}
    assert found and set(codes[1:]) == set(found)  # no check that has nothing here
    for k in range(1, combo.count()):
        code = combo.itemData(k)
        assert combo.itemText(k).startswith(found[code] + " (")
        tip = combo.itemData(k, Qt.ItemDataRole.ToolTipRole)
        assert found[code] in tip and f"[{code}]" in tip
    assert combo.minimumContentsLength() >= 18
    # Choosing one filters; the closed combo's tooltip names the choice in full.
    combo.setCurrentIndex(1)
    assert found[combo.itemData(1)] in combo.toolTip()
    shown = window.proxy.accepted_source_rows()
    assert shown and all(
        any(f.code == combo.itemData(1) for f in window.session.findings(r)) for r in shown
    )
    # A chosen check stays listed when an edit clears its last result (no silent change).
    code = combo.itemData(1)
    for r in shown:
        window.review.submit(DismissCheck(row=r, code=code, author="t"))
    window.update_status()
    assert combo.currentData() == code
    assert combo.currentText().endswith("(0)")


def test_long_check_titles_end_after_a_whole_word(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont, QFontMetrics

    from reviewer.gui.filter_bar import elide_words

    metrics = QFontMetrics(QFont())
    title = "Bold or link text cut at the wrong word (3)"
    assert elide_words(title, metrics, 10_000) == title
    width = metrics.horizontalAdvance("Bold or link text cut at th")
    cut = elide_words(title, metrics, width)
    assert cut.endswith("…") and metrics.horizontalAdvance(cut) <= width
    assert title.startswith(cut[:-1]) and title[len(cut) - 1] == " "  # whole words only


def test_article_without_pairs_scores_nothing_and_save_waits_for_a_change(
    qtbot, window, tmp_path
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: Leeg\n---\n\nAlleen tekst.\n", encoding="utf-8")
    load(qtbot, window, empty)
    window.update_status()
    score = window.status.score_label.text()
    assert "PASS" not in score and "100.0" not in score and "0 words" not in score
    assert "no words to score" in score
    assert not action(window, "actionSave").isEnabled()
    assert action(window, "actionSaveAs").isEnabled()


def test_save_is_enabled_only_while_something_changed(qtbot, window, article) -> None:
    load(qtbot, window, article, checks=False)
    save = action(window, "actionSave")
    assert not save.isEnabled()
    window.review.set_state(State.APPROVED)
    assert save.isEnabled()
    save.trigger()
    assert not save.isEnabled() and not window.isWindowModified()
    window.registry["actionUndo"].trigger()
    assert save.isEnabled()  # undoing past the save is a change to save too


def test_check_flagged_as_issue_is_marked_handled(qtbot, window, article, monkeypatch) -> None:
    load(qtbot, window, article)
    window.issues_dock.show()
    window.goto_source_row(0)
    window.nav.next_issue(True)
    row = window.current_row()
    finding = window.detail.selected_finding()
    assert finding is not None
    monkeypatch.setattr(issue_dialog, "ask_issue", lambda parent, prefill, title="": prefill)
    action(window, "actionFlagIssue").trigger()
    window.refresh_issues_dock()
    # Detail pane: the check result stays listed, greyed and marked, and cannot be flagged twice.
    tree = window.detail.issues
    items = [tree.topLevelItem(k) for k in range(tree.topLevelItemCount())]
    check = next(i for i in items if i.text(0) == "check" and i.text(2) == finding.title)
    assert check.text(1) == f"{finding.level.value} · flagged"
    tree.setCurrentItem(check)
    assert not window.detail.btn_edit.isEnabled()
    assert "flagged as an issue" in window.detail.issue_text.text()
    # Issues dock: the same marker, and the summary says how many are handled.
    dock = window.issues_dock
    mine = [e for e in dock.model.entries if e.row == row and e.kind == "check"]
    flagged = [e for e in mine if e.flagged]
    assert [e.title for e in flagged] == [finding.title]
    k = dock.model.entries.index(flagged[0])
    assert dock.model.data(dock.model.index(k, 3)).endswith("· flagged")
    assert "(1 flagged)" in dock.summary.text()
    # Undoing the flag makes it an unhandled check result again.
    window.registry["actionUndo"].trigger()
    window.refresh_issues_dock()
    assert not any(e.flagged for e in dock.model.entries)


def test_clearing_the_filter_resets_every_input_and_filters_once(qtbot) -> None:
    from reviewer.gui.filter_bar import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.populate_checks({"numbers": ("Numbers differ", 2)})
    bar.text.setText("abc")
    bar.regex.setChecked(True)
    bar.edited.setChecked(True)
    for combo in (bar.where, bar.state, bar.issues, bar.check):
        combo.setCurrentIndex(1)
    fired: list[int] = []
    bar.changed.connect(lambda: fired.append(1))
    bar.clear()
    assert fired == [1]
    spec = bar.spec()
    assert spec.text == "" and not spec.regex and not spec.edited_only
    assert spec.in_source and spec.in_target and not spec.states
    assert not spec.has_issues and spec.severity is None and spec.check_code == ""
