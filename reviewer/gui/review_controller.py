"""Review actions: targets, states, approvals, issues and undo, each one gateway edit."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reviewer.core import review_policy
from reviewer.core.checks import Finding
from reviewer.core.edits import (
    AddIssue,
    DismissCheck,
    Edit,
    RemoveIssue,
    SetState,
    SetTarget,
    UpdateIssue,
)
from reviewer.core.mqm import Issue, IssueStatus
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.gui.edit_gateway import EditCommand, EditGateway, Origin


class Cursor(Protocol):
    """What the review actions need to know about where the user is (the navigator)."""

    def current_row(self) -> int: ...
    def selected_rows(self) -> list[int]: ...
    def shown_rows(self) -> list[int]: ...
    def hidden_count(self) -> int: ...
    def is_on_screen(self, row: int) -> bool: ...
    def show_row_if_shown(self, row: int) -> bool: ...
    def next_unfinished(self, forward: bool = True, quiet: bool = False) -> bool: ...


def _plural(n: int, one: str, many: str, **more: str) -> str:
    return (one if n == 1 else many).format(n=f"{n:,}", **more)


class ReviewController(QObject):
    """Turns the reviewer's decisions into core edits; never touches a widget but its dialogs."""

    message = Signal(str, int)  # status bar text, milliseconds
    about_to_act = Signal()  # commit an open inline editor first
    edit_target_requested = Signal()  # after approve-and-next: type straight into the target

    def __init__(
        self,
        gateway: EditGateway,
        cursor: Cursor,
        parent: QWidget,
        author: Callable[[], str],
        wait_for_checks: Callable[[], None],
        selected_finding: Callable[[], Finding | None],
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.cursor = cursor
        self.window = parent
        self.author = author
        self.wait_for_checks = wait_for_checks
        self.selected_finding = selected_finding
        self._undo_shown: EditCommand | None = None  # the step the last Ctrl+Z brought into view

    @property
    def session(self) -> ReviewSession | None:
        return self.gateway.session

    def submit(self, edit: Edit, origin: Origin = Origin.ACTION) -> bool:
        edit.author = edit.author or self.author()
        return self.gateway.submit(edit, origin)

    # -- targets ------------------------------------------------------------------------------
    def type_target(self, row: int, text: str, clock: float) -> bool:
        """Typing in the detail pane: applied at once, undone a word at a time (``clock``:
        when it was typed, as the editor's KeyClock says)."""
        return self.submit(SetTarget(row=row, new_target=text, clock=clock), Origin.DETAIL)

    def set_target(self, row: int, text: str) -> bool:
        """Replace a target as one step of its own (copy source, scripts)."""
        return self.submit(SetTarget(row=row, new_target=text))

    def copy_source(self) -> None:
        self.about_to_act.emit()
        row = self.cursor.current_row()
        if row >= 0 and self.session is not None:
            self.set_target(row, self.session.doc.pairs[row].source)

    # -- states -------------------------------------------------------------------------------
    def set_state(self, state: State, rows: list[int] | None = None) -> bool:
        self.about_to_act.emit()
        session = self.session
        if session is None:
            return False
        if rows is None:
            current = self.cursor.current_row()
            rows = [current] if current >= 0 else []
        todo = tuple(r for r in rows if session.reviews[r].state is not state)
        if not todo:
            return False
        return self.submit(SetState(row_list=todo, state=state))

    def approve_current(self) -> None:
        self.set_state(State.APPROVED)

    def mark_reviewed(self) -> None:
        self.set_state(State.REVIEWED)

    def mark_needs_work(self) -> None:
        self.set_state(State.NEEDS_WORK)

    def mark_unreviewed(self) -> None:
        self.set_state(State.UNREVIEWED)

    def approve_and_next(self) -> None:
        if self.cursor.current_row() < 0:
            return
        self.set_state(State.APPROVED)
        if not self.cursor.next_unfinished(True, quiet=True):
            self.message.emit(
                self.tr("Approved. Every segment in view is now reviewed or approved."), 6000
            )
        # The next thing to do is to read and fix the next target: type straight into it.
        self.edit_target_requested.emit()

    # -- batches ------------------------------------------------------------------------------
    def _confirm_batch(self, plan: review_policy.ApprovalPlan, what: str, notes: list[str]) -> bool:
        from reviewer.gui import dialogs

        if plan.edit is None:
            dialogs.show_info(
                self.window,
                self.tr("Batch approval"),
                _plural(
                    plan.asked,
                    self.tr("Nothing to approve: the {n} segment ({what}) is already approved."),
                    self.tr("Nothing to approve: the {n} segments ({what}) are already approved."),
                    what=what,
                ),
            )
            return False
        n = plan.count
        text = _plural(
            n,
            self.tr("Approve {n} segment ({what})?"),
            self.tr("Approve {n} segments ({what})?"),
            what=what,
        )
        if plan.already:
            text += "\n" + self.tr("{n} already approved will not change.").format(
                n=f"{plan.already:,}"
            )
        for note in notes:
            text += f"\n{note}"
        text += "\n\n" + self.tr("This is one step you can undo with Ctrl+Z.")
        ok = self.tr("Approve {n}").format(n=f"{n:,}")
        if not dialogs.confirm(self.window, self.tr("Batch approval"), text, ok):
            return False
        self.submit(plan.edit)
        self.message.emit(
            _plural(n, self.tr("Approved {n} segment"), self.tr("Approved {n} segments")), 5000
        )
        return True

    def _hidden_note(self) -> list[str]:
        hidden = self.cursor.hidden_count()
        if not hidden:
            return []
        return [
            _plural(
                hidden,
                self.tr("{n} segment hidden by the filter is not touched."),
                self.tr("{n} segments hidden by the filter are not touched."),
            )
        ]

    def _plan(self, rows: list[int]) -> review_policy.ApprovalPlan | None:
        session = self.session
        if session is None or not rows:
            return None
        return review_policy.plan_approval(session, rows, self.author())

    def approve_selection(self) -> bool:
        self.about_to_act.emit()
        plan = self._plan(self.cursor.selected_rows())
        return plan is not None and self._confirm_batch(plan, self.tr("the selection"), [])

    def approve_filtered(self) -> bool:
        self.about_to_act.emit()
        plan = self._plan(self.cursor.shown_rows())
        what = self.tr("every segment shown")
        return plan is not None and self._confirm_batch(plan, what, self._hidden_note())

    def approve_clean(self) -> bool:
        from reviewer.gui import dialogs

        self.about_to_act.emit()
        session = self.session
        if session is None:
            return False
        self.wait_for_checks()
        plan = review_policy.plan_clean_approval(session, self.cursor.shown_rows(), self.author())
        # The lead must see what the gate kept back, not only what it lets through.
        held = (
            [
                _plural(
                    plan.held_back,
                    self.tr(
                        "{n} shown segment with an open issue or an error-level check stays "
                        "as it is."
                    ),
                    self.tr(
                        "{n} shown segments with an open issue or an error-level check stay "
                        "as they are."
                    ),
                )
            ]
            if plan.held_back
            else []
        )
        if plan.edit is None:
            dialogs.show_info(
                self.window,
                self.tr("Approve all clean"),
                "\n".join([self.tr("No clean segment is left to approve in view."), *held]),
            )
            return False
        what = self.tr("shown, with no open issue and no error-level check")
        return self._confirm_batch(plan, what, held + self._hidden_note())

    # -- issues ---------------------------------------------------------------------------------
    def flag_issue(self) -> bool:
        from reviewer.gui import issue_dialog

        row = self.cursor.current_row()
        session = self.session
        if row < 0 or session is None:
            return False
        self.about_to_act.emit()
        finding = self.selected_finding()
        prefill = None
        if finding is not None:
            prefill = issue_dialog.IssueInput(
                finding.category, finding.mqm_severity, finding.message, check_code=finding.code
            )
        pair = session.doc.pairs[row]
        title = self.tr("Flag issue on #{n} ({id})").format(n=row + 1, id=pair.id)
        value = issue_dialog.ask_issue(self.window, prefill, title)
        if value is None:
            return False
        issue = Issue(
            value.category,
            value.severity,
            value.comment,
            status=value.status,
            check_code=value.check_code,
        )
        return self.submit(AddIssue(row=row, issue=issue))

    def _current_issue(self, uid: str) -> tuple[int, Issue] | None:
        """The current row and its issue ``uid``, or None when either is gone."""
        row = self.cursor.current_row()
        if row < 0 or self.session is None:
            return None
        try:
            return row, self.session.reviews[row].issue(uid)
        except KeyError:
            return None

    def edit_issue(self, uid: str) -> None:
        from reviewer.gui import issue_dialog

        found = self._current_issue(uid)
        if found is None:
            return
        row, issue = found
        prefill = issue_dialog.IssueInput(
            issue.category, issue.severity, issue.comment, issue.status, issue.check_code
        )
        value = issue_dialog.ask_issue(
            self.window, prefill, self.tr("Edit issue on #{n}").format(n=row + 1)
        )
        if value is None:
            return
        updated = dataclasses.replace(
            issue,
            category=value.category,
            severity=value.severity,
            comment=value.comment,
            status=value.status,
        )
        self.submit(UpdateIssue(row=row, uid=uid, updated=updated))

    def toggle_resolved(self, uid: str) -> None:
        found = self._current_issue(uid)
        if found is None:
            return
        row, issue = found
        status = IssueStatus.RESOLVED if issue.is_open else IssueStatus.OPEN
        self.submit(
            UpdateIssue(row=row, uid=uid, updated=dataclasses.replace(issue, status=status))
        )

    def delete_issue(self, uid: str) -> None:
        row = self.cursor.current_row()
        if row >= 0:
            self.submit(RemoveIssue(row=row, uid=uid))

    def dismiss_check(self, code: str) -> None:
        row = self.cursor.current_row()
        if row >= 0:
            self.submit(DismissCheck(row=row, code=code))

    def dismiss_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.message.emit(self.tr("Select a check result in the detail pane first"), 4000)
            return
        self.dismiss_check(finding.code)

    # -- undo and redo ----------------------------------------------------------------------------
    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        """Undo or redo one step; a step on a segment out of sight is first brought into view,
        and the next press changes it (undo never changes what the user cannot see)."""
        stack = self.gateway.stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        assert isinstance(command, EditCommand)
        rows = command.edit.rows
        verb = self.tr("Undo") if undo else self.tr("Redo")
        seen = any(self.cursor.is_on_screen(r) for r in rows)
        if rows and not seen and self._undo_shown is not command:
            self._undo_shown = command
            shown = self.cursor.show_row_if_shown(rows[0])
            where = f"#{rows[0] + 1}" + ("" if len(rows) == 1 else f" (+{len(rows) - 1})")
            text = (
                self.tr("{verb} would change {where}, shown now: press {key} again to do it")
                if shown
                else self.tr(
                    "{verb} would change {where}, hidden by the filter: press {key} again to do it"
                )
            )
            key = "Ctrl+Z" if undo else "Ctrl+Shift+Z"
            self.message.emit(text.format(verb=verb, where=where, key=key), 8000)
            return
        self._undo_shown = None
        if undo:
            stack.undo()
        else:
            stack.redo()
        done = self.tr("Undone") if undo else self.tr("Redone")
        self.message.emit(f"{done}: {command.text()}", 5000)
        if len(rows) == 1 and rows[0] != self.cursor.current_row():
            self.cursor.show_row_if_shown(rows[0])
