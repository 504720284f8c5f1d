"""Thin QUndoCommand adapters: redo/undo apply and revert one core edit on the session."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewer.core.edits import Edit, SetTarget
from reviewer.core.session import ReviewSession

_MERGE_TARGET_ID = 1001


class EditCommand(QUndoCommand):
    """One core edit as one undo step; consecutive target edits on one segment merge."""

    def __init__(
        self, session: ReviewSession, edit: Edit, mergeable: bool = True, applied: bool = False
    ) -> None:
        super().__init__(edit.description)
        self.session = session
        self.edit = edit
        self.mergeable = mergeable
        self._skip_redo = applied  # the core already applied it (crash recovery): record only

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.session.apply(self.edit)

    def undo(self) -> None:
        self.session.revert(self.edit)

    def id(self) -> int:
        return _MERGE_TARGET_ID if self.mergeable and isinstance(self.edit, SetTarget) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not other.mergeable:
            return False
        mine, later = self.edit, other.edit
        if not isinstance(mine, SetTarget) or not isinstance(later, SetTarget):
            return False
        return mine.merge(later)


def push(
    stack: QUndoStack, session: ReviewSession, edit: Edit, mergeable: bool = True
) -> EditCommand:
    """Apply ``edit`` through the undo stack; callers validate first (redo cannot refuse)."""
    command = EditCommand(session, edit, mergeable)
    stack.push(command)
    return command
