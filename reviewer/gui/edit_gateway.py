"""The one path every edit takes: validated once in core, one undo step, then announced.

Typing, copy source, states, flags, batches, crash recovery, undo and redo all end in
``EditGateway.applied`` with the edit and its origin, so a pane that typed a change need not
re-render itself, and every other part refreshes from one signal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewer.core.edits import Composite, Edit, SetTarget
from reviewer.core.errors import ReviewerError
from reviewer.core.format import EditWarning
from reviewer.core.session import ReviewSession
from reviewer.gui import labels

_MERGE_TYPING = 1001


class Origin(enum.Enum):
    """Where an edit came from; listeners skip re-rendering what they typed themselves."""

    DETAIL = "detail"  # typed in the detail pane's target editor
    TABLE = "table"  # committed from the table's inline editor
    ACTION = "action"  # a menu, toolbar or keyboard action
    UNDO = "undo"
    REDO = "redo"
    RECOVERY = "recovery"  # unsaved work restored after a crash


@dataclass(frozen=True, slots=True)
class EditEvent:
    edit: Edit
    reverted: bool
    origin: Origin

    @property
    def rows(self) -> tuple[int, ...]:
        return self.edit.rows

    @property
    def touches_target(self) -> bool:
        return _touches_target(self.edit)


def _touches_target(edit: Edit) -> bool:
    if isinstance(edit, SetTarget):
        return True
    if isinstance(edit, Composite):
        return any(_touches_target(e) for e in edit.edits)
    return False


class EditCommand(QUndoCommand):
    """One core edit as one undo step; keystrokes of one word on one segment merge."""

    def __init__(
        self, gateway: EditGateway, edit: Edit, origin: Origin, applied: bool = False
    ) -> None:
        super().__init__(labels.edit_description(edit))
        self.gateway = gateway
        self.edit = edit
        self.origin = origin
        self._pushed = False
        self._skip_redo = applied  # already applied in core (crash recovery): record only

    def redo(self) -> None:
        first = not self._pushed
        self._pushed = True
        if self._skip_redo:
            self._skip_redo = False
            self.gateway.announce(self.edit, False, self.origin)
            return
        self.gateway.run(self.edit, False, self.origin if first else Origin.REDO)

    def undo(self) -> None:
        self.gateway.run(self.edit, True, Origin.UNDO)

    def id(self) -> int:
        typed = self.origin is Origin.DETAIL and isinstance(self.edit, SetTarget)
        return _MERGE_TYPING if typed else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.id() != _MERGE_TYPING:
            return False
        mine, later = self.edit, other.edit
        assert isinstance(mine, SetTarget) and isinstance(later, SetTarget)
        return mine.merge(later)


class EditGateway(QObject):
    """Owns the undo stack of the open article; the only caller of ``session.apply``."""

    applied = Signal(object)  # EditEvent, after the session changed (apply, undo or redo)
    rejected = Signal(str, object)  # why the core refused, Origin
    warned = Signal(list, object)  # list[EditWarning] of an accepted target, Origin

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        self.session: ReviewSession | None = None

    def set_session(self, session: ReviewSession | None) -> None:
        """A new article (or a reload): its undo history starts empty."""
        self.stack.clear()
        self.session = session

    def submit(self, edit: Edit, origin: Origin) -> bool:
        """Validate ``edit`` in core, then apply it as one undo step; False when refused."""
        session = self.session
        if session is None:
            return False
        if isinstance(edit, SetTarget) and session.doc.pairs[edit.row].target == edit.new_target:
            return True  # nothing changes: no step, no signal
        if not edit.author:
            edit.author = session.user
        try:
            warnings: list[EditWarning] = edit.validate(session)
        except ReviewerError as exc:
            self.rejected.emit(str(exc), origin)
            return False
        self.stack.push(EditCommand(self, edit, origin))
        if isinstance(edit, SetTarget):
            self.warned.emit(warnings, origin)
        return True

    def adopt(self, edit: Edit, origin: Origin = Origin.RECOVERY) -> None:
        """Record an edit the core already applied (a restored journal) as one undo step."""
        self.stack.push(EditCommand(self, edit, origin, applied=True))

    # -- called by EditCommand ---------------------------------------------------------------
    def run(self, edit: Edit, reverted: bool, origin: Origin) -> None:
        session = self.session
        assert session is not None
        if reverted:
            session.revert(edit)
        else:
            session.apply(edit)
        self.announce(edit, reverted, origin)

    def announce(self, edit: Edit, reverted: bool, origin: Origin) -> None:
        self.applied.emit(EditEvent(edit, reverted, origin))
