"""What a pane that follows the current segment implements; the window feeds every such pane."""

from __future__ import annotations

from typing import Protocol

from reviewer.core.session import ReviewSession
from reviewer.gui.edit_gateway import EditEvent


class SegmentView(Protocol):
    """A pane showing the current segment (the detail pane; a preview pane next).

    Register it with ``MainWindow.add_segment_view``: it is told when the current segment
    changes, when any edit is applied (with its origin, so a pane skips re-rendering what it
    typed itself) and when the checks are in.
    """

    def show_row(self, session: ReviewSession | None, row: int) -> None: ...

    def on_edit(self, event: EditEvent) -> None: ...

    def on_checks_done(self) -> None: ...
