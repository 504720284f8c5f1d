"""Changes to many articles at once: batch approval, targets written to other articles, and the
project-wide undo offered right after. The open article's share is one undo step in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reviewer.core.project import (
    ApprovalCriteria,
    ApprovalPlan,
    CancelToken,
    ChangeSet,
    ProgressFn,
    ProjectEdit,
    apply_approval,
    apply_changes,
    plan_approval,
    session_approval,
    session_edit,
)
from reviewer.gui.project_part import ProjectPart


class ProjectEditor(QObject):
    """Writes what a lead decides across the project; the last such change can be undone."""

    message = Signal(str, int)
    changed = Signal()  # the undo on offer changed
    undone = Signal(str)  # what the project-wide undo did

    def __init__(self, part: ProjectPart) -> None:
        super().__init__(part)
        self.part = part
        self.hooks = part.hooks
        self.last_edit: ProjectEdit | None = None
        part.view.undo_requested.connect(self.undo_project_edit)
        part.opened.connect(self._forget)

    def _forget(self) -> None:
        self.last_edit = None
        self.part.view.hide_result()
        self.changed.emit()

    @property
    def can_undo(self) -> bool:
        return self.last_edit is not None and not self.part.jobs.busy

    # -- batch approval -------------------------------------------------------------------------
    def approve_articles(self) -> None:
        """Approve the clean segments of the selected articles, or of every article shown."""
        part = self.part
        project = part.project
        if project is None:
            return
        selected, shown = part.view.selected_rels(), part.view.shown_rels()
        rels = list(dict.fromkeys(shown + selected))
        criteria = ApprovalCriteria(clean=True)
        part.run_job(
            self.tr("Preparing the approval"),
            lambda progress, cancel: plan_approval(project, rels, criteria, progress, cancel),
            lambda plan: self._confirm_approval(plan, selected, shown),
            cancellable=True,
        )

    def _confirm_approval(self, plan: ApprovalPlan, selected: list[str], shown: list[str]) -> None:
        from reviewer.gui import project_dialogs

        choice = project_dialogs.ask_approval(self.hooks.parent, plan, selected, shown)
        if choice is None:
            return
        rels, hold = choice
        criteria = ApprovalCriteria(clean=True, hold_warnings=hold)
        wanted = set(rels)
        chosen = ApprovalPlan(criteria, [a for a in plan.articles if a.rel in wanted and a.rows])
        open_rel = self.part.open_rel_now
        open_n = self._approve_open_article(chosen, criteria, open_rel)
        chosen.articles = [a for a in chosen.articles if a.rel != open_rel]
        if not chosen.articles:
            self._approved(None, open_n)
            return
        project, author = self.part.project, self.hooks.author()
        assert project is not None
        self.part.run_job(
            self.tr("Approving"),
            lambda progress, cancel: apply_approval(
                project, chosen, user=author, progress=progress, cancel=cancel
            ),
            lambda result: self._approved(result, open_n),
        )

    def _approve_open_article(
        self, plan: ApprovalPlan, criteria: ApprovalCriteria, open_rel: str
    ) -> int:
        """The open article is approved in the window (one undo step), not behind its back."""
        session = self.hooks.session()
        if session is None or not open_rel or not any(a.rel == open_rel for a in plan.articles):
            return 0
        self.hooks.wait_for_checks()
        edit = session.approval(session_approval(session, criteria).rows)
        if edit is None or not self.hooks.submit(edit):
            return 0
        return len(edit.rows)

    def _approved(self, result: ProjectEdit | None, in_open: int) -> None:
        n = in_open + (result.applied if result is not None else 0)
        articles = (len(result.articles) if result is not None else 0) + (1 if in_open else 0)
        text = self.tr("Approved {n} segments in {m} articles").format(
            n=f"{n:,}", m=f"{articles:,}"
        )
        if in_open:
            text += " " + self.tr("({n} in the open article: Ctrl+Z undoes them)").format(
                n=f"{in_open:,}"
            )
        self._offer_undo(result, text)

    # -- targets written to other articles --------------------------------------------------------
    def apply_project_changes(
        self, plan: ChangeSet, done: Callable[[str, bool], None] | None = None
    ) -> None:
        """Write ``plan``'s changes to their articles (never to the open one: its changes go
        through the window's undo), then offer the project-wide undo. ``done(text, undoable)``
        hears how it went."""
        project, author = self.part.project, self.hooks.author()
        if project is None or not plan.changes:
            return

        def finished(result: ProjectEdit) -> None:
            text = self.tr("Changed {n} targets in {m} articles").format(
                n=f"{result.applied:,}", m=f"{len(result.articles):,}"
            )
            if result.stale:
                text += " · " + self.tr("{n} left alone: changed since the preview").format(
                    n=f"{len(result.stale):,}"
                )
            if result.errors:
                text += " · " + "; ".join(r.error for r in result.errors)
            self._offer_undo(result, text)
            if done is not None:
                done(text, bool(result.articles))

        self.part.run_job(
            plan.label,
            lambda progress, cancel: apply_changes(
                project, plan, user=author, allow_warnings=True, progress=progress, cancel=cancel
            ),
            finished,
        )

    def submit_in_open_article(self, plan: ChangeSet) -> tuple[int, int]:
        """The plan's changes to the open article as one undo step: (applied, stale)."""
        session = self.hooks.session()
        if session is None or not plan.changes:
            return 0, 0
        edit, stale = session_edit(session, plan.changes, plan.label, self.hooks.author())
        if edit is None or not self.hooks.submit(edit):
            return 0, len(stale)
        return len(edit.rows), len(stale)

    def _offer_undo(self, result: ProjectEdit | None, text: str) -> None:
        undoable = result is not None and bool(result.articles)
        if undoable:
            self.last_edit = result
        self.part.view.show_result(text, result.label if undoable and result else "")
        self.message.emit(text, 8000)
        self.changed.emit()

    def undo_project_edit(self) -> None:
        """Take back the last change written to other articles (Edit › Undo in Articles)."""
        edit, project = self.last_edit, self.part.project
        if edit is None or project is None:
            return
        self.last_edit = None

        def undone(problems: list[str]) -> None:
            text = self.tr("Undone: {label}").format(label=edit.label)
            if problems:
                text += " · " + " ".join(problems)
            self.part.view.show_result(text, "")
            self.message.emit(text, 8000)
            self.undone.emit(text)
            self.changed.emit()

        def work(progress: ProgressFn, cancel: CancelToken) -> list[str]:
            return edit.revert(project)

        self.part.run_job(self.tr("Undoing"), work, undone)
        self.changed.emit()
