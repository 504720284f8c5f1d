"""Moving about the segments: next and previous, unfinished, issues, go to a number or id."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from reviewer.core import review_policy
from reviewer.core.filtering import FilterSpec
from reviewer.core.session import ReviewSession
from reviewer.gui.model import COL_TARGET
from reviewer.gui.segment_table import SegmentTable


class Navigator(QObject):
    """Where the user is and where they go next, over the rows the filter shows."""

    message = Signal(str, int)  # text for the status bar, milliseconds
    filter_clear_needed = Signal()  # a row to show is hidden by the filter (handled at once)
    nothing_shown = Signal()  # the filter shows no segment at all

    def __init__(self, table: SegmentTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.proxy = table.proxy
        self._last_row = -1  # the last segment that was current: kept across empty filters
        table.selectionModel().currentRowChanged.connect(self._remember)

    @property
    def session(self) -> ReviewSession | None:
        model = self.proxy.sourceModel()
        return getattr(model, "session", None)

    # -- where the user is ------------------------------------------------------------------
    def current_row(self) -> int:
        """The current segment as a row of the article, or -1."""
        return self.table.current_source_row()

    def selected_rows(self) -> list[int]:
        return self.table.selected_source_rows()

    def shown_rows(self) -> list[int]:
        return self.proxy.accepted_source_rows() if self.session is not None else []

    def hidden_count(self) -> int:
        return self.proxy.hidden_count() if self.session is not None else 0

    def is_on_screen(self, row: int) -> bool:
        return row == self.current_row() or self.table.is_on_screen(row)

    def remember(self, row: int) -> None:
        """``row`` becomes current at the next filter change when no row is (a new article)."""
        self._last_row = row

    # -- going somewhere ----------------------------------------------------------------------
    def goto_source_row(self, row: int) -> bool:
        """Show segment ``row``; a filter that hides it is cleared first, and that is said."""
        session = self.session
        if session is None or not 0 <= row < len(session.doc.pairs):
            return False
        index = self.table.proxy_index(row, COL_TARGET)
        if not index.isValid():
            self.message.emit(
                self.tr("Segment #{n} was hidden by the filter: filter cleared").format(n=row + 1),
                5000,
            )
            self.filter_clear_needed.emit()
            index = self.table.proxy_index(row, COL_TARGET)
        self.table.show_index(index)
        return index.isValid()

    def jump_to(self, row: int) -> None:
        """Show ``row`` and hand the keyboard to the segments (from the issues dock)."""
        self.goto_source_row(row)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_row_if_shown(self, row: int) -> bool:
        """Show ``row`` when the filter shows it; never clear the user's filter for it."""
        index = self.table.proxy_index(row, COL_TARGET)
        if index.isValid():
            self.table.show_index(index)
        return index.isValid()

    def _remember(self, *_: object) -> None:
        row = self.current_row()
        if row >= 0:
            self._last_row = row

    def apply_filter(self, spec: FilterSpec) -> str:
        """Show what ``spec`` matches; the current segment stays current and in view when it
        is still shown (clearing the filter never loses the place). Returns an error or ""."""
        if self.session is None:
            return ""
        row = self.current_row() if self.current_row() >= 0 else self._last_row
        if not self.proxy.set_filter(spec):
            return self.proxy.error
        self.table.delegate.set_highlight(spec.text, spec.regex, spec.case_sensitive)
        self.table.viewport().update()
        if self.proxy.rowCount():
            self.keep_place(row)
        else:
            self.nothing_shown.emit()
        return ""

    def keep_place(self, row: int) -> None:
        """After the filter changed: ``row`` stays current and in view when it is shown,
        else the first shown segment becomes current."""
        index = self.table.proxy_index(row, COL_TARGET) if row >= 0 else None
        if index is None or not index.isValid():
            index = self.proxy.index(0, COL_TARGET)
        self.table.show_index(index)

    def step(self, forward: bool = True) -> bool:
        """Next or previous segment of any state (Ctrl+Down, Ctrl+Up)."""
        current = self.table.currentIndex().row()
        k = current + (1 if forward else -1) if current >= 0 else 0
        if not 0 <= k < self.proxy.rowCount():
            self.message.emit(
                self.tr("This is the last segment in view")
                if forward
                else self.tr("This is the first segment in view"),
                3000,
            )
            return False
        self.table.show_index(self.proxy.index(k, COL_TARGET))
        return True

    def step_back(self) -> bool:
        return self.step(False)

    def previous_unfinished(self) -> bool:
        return self.next_unfinished(False)

    def previous_issue(self) -> bool:
        return self.next_issue(False)

    def _find(self, matches: Callable[[int], bool], forward: bool) -> bool:
        rows = self.shown_rows()
        k = review_policy.find_next(rows, self.table.currentIndex().row(), matches, forward)
        if k < 0:
            return False
        self.table.show_index(self.proxy.index(k, COL_TARGET))
        return True

    def next_unfinished(self, forward: bool = True, quiet: bool = False) -> bool:
        session = self.session
        if session is None:
            return False
        found = self._find(review_policy.unfinished(session), forward)
        if not found and not quiet:
            self.message.emit(self.tr("No unfinished segment left in view"), 4000)
        return found

    def next_issue(self, forward: bool = True) -> bool:
        session = self.session
        if session is None:
            return False
        found = self._find(lambda r: review_policy.has_anything(session, r), forward)
        if not found:
            self.message.emit(self.tr("No segment with issues in view"), 4000)
        return found

    def ask_goto(self) -> bool:
        """Ctrl+G: go to a segment by its number or its id."""
        from reviewer.gui import dialogs

        parent = self.table.window()
        session = self.session
        if session is None:
            return False
        n = len(session.doc.pairs)
        text = dialogs.ask_text(
            parent,
            self.tr("Go to segment"),
            self.tr("Segment number (1–{n}) or id:").format(n=n),
            "",
        )
        if text is None or not text.strip():
            return False
        row = review_policy.resolve_segment(session, text)
        if row is None:
            self.message.emit(
                self.tr("No segment {what} in this article").format(what=text.strip()), 5000
            )
            return False
        self.goto_source_row(row)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True
