"""The detail pane: one segment's source, editable target, MT diff, issues and check results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.edits import SetTarget
from reviewer.core.format import EditWarning
from reviewer.core.session import ReviewSession
from reviewer.core.typing_steps import text_change
from reviewer.gui import labels, theme
from reviewer.gui.detail_issues import IssueList
from reviewer.gui.edit_gateway import EditEvent, Origin
from reviewer.gui.fitting_label import FittingLabel
from reviewer.gui.markup import diff_html, esc, to_html
from reviewer.gui.text_editor import SegmentTextEdit


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(theme.HEADING_STYLE)
    # A long heading is cut at the pane's edge; it must not make the pane wider.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setToolTip(text)
    return label


def _section(splitter: QSplitter, heading: QLabel | None, body: QWidget) -> QVBoxLayout:
    """A splitter pane: ``heading`` over ``body``; it never shrinks below what both need."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    if heading is not None:
        layout.addWidget(heading)
    layout.addWidget(body, 1)
    splitter.addWidget(box)
    return layout


def _browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setObjectName(name)
    view.setOpenLinks(False)
    view.setFrameShape(QFrame.Shape.StyledPanel)
    view.setStyleSheet(theme.READONLY_STYLE)
    return view


_SHARES = (3, 5, 2, 3)  # source, target, original MT, issues: how the height is shared


def _lines(widget: QWidget, n: int) -> int:
    return widget.fontMetrics().lineSpacing() * n + 10


class DetailPane(QWidget):
    """Shows and edits the current segment. Typing is announced with ``target_edited``; the
    window applies it through the edit gateway and tells the pane back with ``on_edit``."""

    target_edited = Signal(int, str, float)  # row, the whole new target, when it was typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.session: ReviewSession | None = None
        self.row = -1

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        self.header = QLabel(self.tr("No segment selected"))
        self.header.setObjectName("detailHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.source = _browser("detailSource")
        _section(self.splitter, _heading(self.tr("Source (EN)")), self.source)

        self.target = SegmentTextEdit()
        self.target.setObjectName("detailTarget")
        self.target.setToolTip(
            self.tr(
                "Edit the target here; Ctrl+Return approves and moves on. A no-break space "
                "is shaded; ⇤, ↲ and ¶ mark a carriage return, a line and a paragraph separator."
            )
        )
        # The fullest wording the pane's width allows: on a 1024-pixel screen the key hint
        # is shortened, never cut in the middle of a word.
        self.target_heading = FittingLabel(
            [
                self.tr("Target (NL) — edit here; Ctrl+Return approves and moves on"),
                self.tr("Target (NL) — Ctrl+Return approves and moves on"),
                self.tr("Target (NL) — Ctrl+Return approves"),
                self.tr("Target (NL)"),
            ]
        )
        self.target_heading.setObjectName("detailTargetHeading")
        self.target_heading.setStyleSheet(theme.HEADING_STYLE)
        box = _section(self.splitter, self.target_heading, self.target)
        self.message = QLabel("")
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        box.addWidget(self.message)
        self._target_box = box

        self.diff_heading = _heading(self.tr("Original MT"))
        self.diff = _browser("detailDiff")
        _section(self.splitter, self.diff_heading, self.diff)

        self.issue_list = IssueList()
        self.issue_list.setObjectName("detailIssueList")
        self.splitter.addWidget(self.issue_list)
        self.issues = self.issue_list.tree  # objectName "detailIssues"
        self.issue_text = self.issue_list.text
        self.btn_edit = self.issue_list.btn_edit
        self.flag_requested = self.issue_list.flag_requested
        self.edit_issue_requested = self.issue_list.edit_issue_requested
        self.resolve_issue_requested = self.issue_list.resolve_issue_requested
        self.delete_issue_requested = self.issue_list.delete_issue_requested
        self.dismiss_requested = self.issue_list.dismiss_requested

        # Small screens: the splitter may squeeze the texts, never below two lines each.
        for view, lines in ((self.source, 2), (self.target, 2), (self.diff, 1)):
            view.setMinimumHeight(_lines(view, lines))
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        for k, stretch in enumerate(_SHARES):
            self.splitter.setStretchFactor(k, stretch)
        self._sized_by_user = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_sized_by_user", True))
        self.target.true_text_changed.connect(self._on_typed)
        self.show_row(None, -1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._sized_by_user:
            # Until the user drags a divider the texts get most of the height, in proportion.
            total = self.splitter.height()
            self.splitter.setSizes([total * share // sum(_SHARES) for share in _SHARES])

    def add_under_target(self, widget: QWidget) -> None:
        """A strip under the target editor (the offer to fix repeated segments too)."""
        self._target_box.addWidget(widget)

    # -- what to show ------------------------------------------------------------------------
    def set_passthrough(self, keys: list[QKeySequence]) -> None:
        """Keys bound to window actions that the target editor must not keep for itself."""
        self.target.set_passthrough(keys)

    def show_row(self, session: ReviewSession | None, row: int) -> None:
        if session is self.session and row == self.row and row >= 0:
            return  # already shown (the filter reset and the start row both land here)
        self.session = session
        self.row = row
        enabled = session is not None and 0 <= row < len(session.doc.pairs)
        self.target.setReadOnly(not enabled)
        for w in (self.source, self.diff):
            w.setEnabled(enabled)
        self._set_message("", "")
        if not enabled:
            self.row = -1
            self.header.setText(self.tr("<i>No segment selected</i>"))
            self.target.set_true_text("")
            self.source.setHtml("")
            self.diff.setHtml("")
            self.issue_list.show_row(None, -1)
            return
        self.refresh()

    def show_no_match(self) -> None:
        self.show_row(self.session, -1)
        self.header.setText(
            self.tr(
                "<b>No segment matches the filter.</b> Change it, or clear it with "
                "Edit › Clear Filter (Ctrl+Shift+L)."
            )
        )

    def refresh(self, keep_target: bool = False) -> None:
        session, row = self.session, self.row
        if session is None or not 0 <= row < len(session.doc.pairs):
            return
        pair = session.doc.pairs[row]
        review = session.reviews[row]
        color = theme.STATE_COLORS[review.state]
        extra = ""
        if review.changed_by:
            extra = self.tr(" by {who}").format(who=esc(review.changed_by))
        if review.source_changed:
            changed = self.tr("source changed since last review")
            extra += f" · <b style='color:{theme.BAD}'>{changed}</b>"
        where = self.tr("{id} · line {line}").format(id=esc(pair.id), line=pair.line)
        self.header.setText(
            f"<b>#{row + 1}</b> &nbsp;{theme.muted(where)} &nbsp;"
            f"{theme.colored('● ' + esc(labels.state(review.state)), color, bold=True)}"
            f"{theme.muted(extra)}"
        )
        self.source.setHtml(to_html(pair.source))
        self.target.markup.source = pair.source
        if not keep_target:
            self.target.set_true_text(pair.target)
        self._refresh_diff()
        self.issue_list.show_row(session, row)

    def _refresh_diff(self) -> None:
        session, row = self.session, self.row
        if session is None or row < 0:
            return
        original = session.reviews[row].original_target
        current = session.doc.pairs[row].target
        if original == current:
            self.diff_heading.setText(self.tr("Original MT — unchanged"))
            self.diff.setHtml(theme.muted(to_html(original)))
        else:
            removed, added = self.tr("removed"), self.tr("added")
            removed = f"<span style='background:{theme.DIFF_REMOVED_BG}'>{removed}</span>"
            added = f"<span style='background:{theme.DIFF_ADDED_BG}'>{added}</span>"
            self.diff_heading.setText(
                self.tr("Original MT — {removed} / {added} by the edits").format(
                    removed=removed, added=added
                )
            )
            self.diff.setHtml(diff_html(original, current))

    # -- told by the window ------------------------------------------------------------------
    def on_edit(self, event: EditEvent) -> None:
        """An edit was applied: refresh if it touched this row; typed here, keep the editor."""
        if self.row < 0 or self.row not in event.rows:
            return
        typed_here = event.origin is Origin.DETAIL and not event.reverted
        focus = self.target.hasFocus()
        self.refresh(keep_target=typed_here)
        if not typed_here and event.touches_target:
            self._place_cursor_at_change(event)
        if focus:
            self.target.setFocus()

    def _place_cursor_at_change(self, event: EditEvent) -> None:
        """After an undo or redo of a target, the cursor sits where the text changed."""
        edit = event.edit
        if isinstance(edit, SetTarget) and edit.row == self.row:
            before, after = (
                (edit.new_target, edit.old_target)
                if event.reverted
                else (edit.old_target, edit.new_target)
            )
            change = text_change(before, after)
            self.target.set_cursor(change.start + len(change.inserted))

    def on_checks_done(self) -> None:
        self.refresh(keep_target=True)

    def on_rejected(self, message: str, origin: object) -> None:
        if origin is Origin.DETAIL:
            self._set_message(
                QCoreApplication.translate("DetailPane", "Not applied: {reason}").format(
                    reason=message
                ),
                theme.BAD,
            )

    def on_warnings(self, warnings: list[EditWarning], origin: object) -> None:
        if origin is not Origin.DETAIL:
            return
        if warnings:
            text = " ".join(w.message for w in warnings)
            self._set_message(self.tr("Warning: {text}").format(text=text), theme.WARN)
        else:
            self._set_message("", "")

    def pending(self) -> bool:
        """The editor holds typing the core has not accepted (a refused target)."""
        session, row = self.session, self.row
        if session is None or row < 0:
            return False
        return self.target.true_text() != session.doc.pairs[row].target

    def discard_pending(self) -> bool:
        """Undo typing that was never applied: show the segment's target again."""
        if not self.pending():
            return False
        assert self.session is not None
        self.target.set_true_text(self.session.doc.pairs[self.row].target)
        self._set_message("", "")
        return True

    def focus_target_end(self) -> None:
        self.target.setFocus()
        self.target.move_cursor_end()

    def move_cursor_end(self) -> None:
        self.target.move_cursor_end()

    def selected_finding(self) -> Finding | None:
        return self.issue_list.selected_finding()

    def selected_issue_uid(self) -> str | None:
        return self.issue_list.selected_issue_uid()

    # -- internals ------------------------------------------------------------------------
    def _on_typed(self, text: str) -> None:
        if self.row >= 0 and self.session is not None:
            self.target_edited.emit(self.row, text, self.target.change_time)

    def _set_message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{color};" if color else "")
        self.message.setVisible(bool(text))
