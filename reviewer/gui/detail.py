"""The detail pane: one segment's source, editable target, MT diff, issues and check results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.mqm import Issue, category
from reviewer.gui.delegates import MarkupHighlighter
from reviewer.gui.markup import diff_html, to_html
from reviewer.gui.model import (
    FLAGGED_COLOR,
    FLAGGED_NOTE,
    LEVEL_COLORS,
    SEVERITY_COLORS,
    STATE_COLORS,
    SegmentModel,
)

ISSUE_KIND = "issue"


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


FINDING_KIND = "check"


class TargetEdit(QPlainTextEdit):
    """The detail pane's target editor; the window's undo stack owns undo, not the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.highlighter = MarkupHighlighter(self.document())

    def event(self, event: QEvent) -> bool:
        # Let Ctrl+Z / Ctrl+Shift+Z reach the window's QUndoStack actions.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return False
        return super().event(event)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("color:#455a64;font-weight:600;margin-top:4px;")
    return label


def _section(splitter: QSplitter, heading: QLabel) -> QVBoxLayout:
    """A splitter pane under ``heading``; the caller adds the pane's widgets to the layout."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(heading)
    splitter.addWidget(box)
    return layout


def _browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setObjectName(name)
    view.setOpenLinks(False)
    view.setFrameShape(QFrame.Shape.StyledPanel)
    view.setStyleSheet("QTextBrowser { background:#fafafa; }")
    return view


class DetailPane(QWidget):
    """Shows and edits the current segment; every change goes through the model's undo stack."""

    flag_requested = Signal()  # flag a new issue (prefilled from the selected check, if any)
    edit_issue_requested = Signal(str)  # uid
    resolve_issue_requested = Signal(str)
    delete_issue_requested = Signal(str)
    dismiss_requested = Signal(str)  # check code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.model: SegmentModel | None = None
        self.row = -1
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.header = QLabel("No segment selected")
        self.header.setObjectName("detailHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        v = _section(splitter, _heading("Source (EN)"))
        self.source = _browser("detailSource")
        v.addWidget(self.source)

        v = _section(
            splitter, _heading("Target (NL) — edit here; Ctrl+Return approves and moves on")
        )
        self.target = TargetEdit()
        self.target.setObjectName("detailTarget")
        v.addWidget(self.target)
        self.message = QLabel("")
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        v.addWidget(self.message)

        self.diff_heading = _heading("Original MT — changes shown against the current target")
        v = _section(splitter, self.diff_heading)
        self.diff = _browser("detailDiff")
        v.addWidget(self.diff)

        v = _section(splitter, _heading("Issues and check results"))
        self.issues = QTreeWidget()
        self.issues.setObjectName("detailIssues")
        self.issues.setRootIsDecorated(False)
        self.issues.setHeaderLabels(["Kind", "Severity", "What", "Detail"])
        self.issues.setColumnWidth(0, 48)
        # Wide enough for "Critical (resolved)": the status must not be cut off.
        self.issues.setColumnWidth(
            1, self.issues.fontMetrics().horizontalAdvance("Critical (resolved)") + 12
        )
        self.issues.setColumnWidth(2, 150)
        self.issues.header().setStretchLastSection(True)
        v.addWidget(self.issues)
        # The list elides long messages; the selected one is shown here in full.
        self.issue_text = QLabel("")
        self.issue_text.setObjectName("detailIssueText")
        self.issue_text.setWordWrap(True)
        self.issue_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issue_text.setStyleSheet("QLabel { color:#37474f; padding:2px; }")
        v.addWidget(self.issue_text)
        buttons = QHBoxLayout()
        self.btn_flag = QPushButton("Flag…")
        self.btn_flag.setToolTip("Flag a new MQM issue on this segment (Ctrl+Shift+F)")
        self.btn_edit = QPushButton("Edit…")
        self.btn_resolve = QPushButton("Resolve")
        self.btn_resolve.setToolTip("Mark the selected issue resolved, or reopen it")
        self.btn_delete = QPushButton("Delete")
        self.btn_delete.setToolTip("Delete the selected issue (Delete)")
        self.btn_dismiss = QPushButton("Dismiss")
        self.btn_dismiss.setToolTip(
            "Dismiss the selected check result as a false positive (Ctrl+Shift+D)"
        )
        for name, btn in (
            ("btnFlagIssue", self.btn_flag),
            ("btnEditIssue", self.btn_edit),
            ("btnResolveIssue", self.btn_resolve),
            ("btnDeleteIssue", self.btn_delete),
            ("btnDismissCheck", self.btn_dismiss),
        ):
            btn.setObjectName(name)
            btn.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.addWidget(btn)
        buttons.addStretch(1)
        v.addLayout(buttons)
        splitter.setSizes([120, 140, 110, 170])
        for view in (self.source, self.target, self.diff, self.issues):
            view.setMinimumHeight(36)  # small screens: the splitter may squeeze every part

        self.issues.installEventFilter(self)
        self.target.textChanged.connect(self._on_text_changed)
        self.issues.currentItemChanged.connect(self._update_buttons)
        self.issues.itemDoubleClicked.connect(lambda *_: self._edit_or_flag())
        self.btn_flag.clicked.connect(self.flag_requested)
        self.btn_edit.clicked.connect(self._edit_or_flag)
        self.btn_resolve.clicked.connect(lambda: self._emit_issue(self.resolve_issue_requested))
        self.btn_delete.clicked.connect(lambda: self._emit_issue(self.delete_issue_requested))
        self.btn_dismiss.clicked.connect(self._emit_dismiss)
        self.show_row(None, -1)

    # -- public ------------------------------------------------------------------------
    def set_model(self, model: SegmentModel | None) -> None:
        if self.model is not None:
            self.model.dataChanged.disconnect(self._on_data_changed)
            self.model.target_rejected.disconnect(self._on_rejected)
            self.model.target_warnings.disconnect(self._on_warnings)
        self.model = model
        if model is not None:
            model.dataChanged.connect(self._on_data_changed)
            model.target_rejected.connect(self._on_rejected)
            model.target_warnings.connect(self._on_warnings)
        self.show_row(model, -1)

    def show_row(self, model: SegmentModel | None, row: int) -> None:
        self.row = row
        enabled = model is not None and 0 <= row < model.rowCount()
        self.target.setReadOnly(not enabled)
        for w in (self.btn_flag, self.source, self.diff, self.issues):
            w.setEnabled(enabled)
        self._set_message("", "")
        if not enabled:
            self.header.setText("<i>No segment selected</i>")
            self._set_target_text("")
            self.source.setHtml("")
            self.diff.setHtml("")
            self.issues.clear()
            self._update_buttons()
            return
        self.refresh()

    def selected_finding(self) -> Finding | None:
        item = self.issues.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) != FINDING_KIND:
            return None
        value = item.data(1, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, Finding) else None

    def selected_issue_uid(self) -> str | None:
        item = self.issues.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) != ISSUE_KIND:
            return None
        value = item.data(1, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None

    def refresh(self) -> None:
        model, row = self.model, self.row
        if model is None or not 0 <= row < model.rowCount():
            return
        pair = model.session.doc.pairs[row]
        review = model.session.reviews[row]
        color = STATE_COLORS[review.state]
        extra = ""
        if review.changed_by:
            extra = f" by {review.changed_by}"
        if review.source_changed:
            extra += " · <b style='color:#c62828'>source changed since last review</b>"
        self.header.setText(
            f"<b>#{row + 1}</b> &nbsp;<span style='color:#757575'>{pair.id} · line {pair.line}"
            f"</span> &nbsp;<span style='color:{color};font-weight:600'>● {review.state.label}"
            f"</span><span style='color:#757575'>{extra}</span>"
        )
        self.source.setHtml(to_html(pair.source))
        self._set_target_text(pair.target)
        self._refresh_diff()
        self._refresh_issues()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard users act on the selected row: Return edits it (or flags a check result),
        # Delete removes an issue. Without this they had to Tab through to the buttons.
        if watched is self.issues and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._edit_or_flag()
                return True
            if key == Qt.Key.Key_Delete and self.selected_issue_uid() is not None:
                self._emit_issue(self.delete_issue_requested)
                return True
        return super().eventFilter(watched, event)

    # -- internals ------------------------------------------------------------------------
    def _set_target_text(self, text: str) -> None:
        if self.target.toPlainText() == text:
            return
        self._loading = True
        try:
            cursor = self.target.textCursor()
            pos = cursor.position()
            self.target.setPlainText(text)
            cursor = self.target.textCursor()
            cursor.setPosition(min(pos, len(text)))
            self.target.setTextCursor(cursor)
        finally:
            self._loading = False

    def _refresh_diff(self) -> None:
        model, row = self.model, self.row
        if model is None or row < 0:
            return
        original = model.session.reviews[row].original_target
        current = model.session.doc.pairs[row].target
        if original == current:
            self.diff_heading.setText("Original MT — unchanged")
            self.diff.setHtml(f"<span style='color:#757575'>{to_html(original)}</span>")
        else:
            self.diff_heading.setText(
                "Original MT — <span style='background:#ffd7d5'>removed</span> / "
                "<span style='background:#ccffd8'>added</span> by the edits"
            )
            self.diff.setHtml(diff_html(original, current))

    def _refresh_issues(self) -> None:
        model, row = self.model, self.row
        self.issues.clear()
        if model is None or row < 0:
            return
        review = model.session.reviews[row]
        for issue in review.issues:
            self.issues.addTopLevelItem(self._issue_item(issue))
        if model.session.checks_ready:
            flagged = model.session.flagged_codes(row)
            for finding in model.session.findings(row):
                self.issues.addTopLevelItem(self._finding_item(finding, finding.code in flagged))
        elif model.rowCount():
            item = QTreeWidgetItem(["check", "", "Checks are still running…", ""])
            item.setForeground(2, Qt.GlobalColor.gray)
            self.issues.addTopLevelItem(item)
        if self.issues.topLevelItemCount():
            self.issues.setCurrentItem(self.issues.topLevelItem(0))
        self._update_buttons()

    @staticmethod
    def _issue_item(issue: Issue) -> QTreeWidgetItem:
        cat = category(issue.category)
        status = "" if issue.is_open else f" ({issue.status.label.lower()})"
        item = QTreeWidgetItem(
            ["issue", issue.severity.label + status, cat.label, issue.comment or "—"]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, ISSUE_KIND)
        item.setData(1, Qt.ItemDataRole.UserRole, issue.uid)
        color = SEVERITY_COLORS[issue.severity] if issue.is_open else "#9e9e9e"
        item.setForeground(1, QColor(color))
        item.setToolTip(3, f"{issue.comment}\n— {issue.author} {issue.created}")
        if not issue.is_open:
            font = item.font(2)
            font.setStrikeOut(True)
            item.setFont(2, font)
        return item

    @staticmethod
    def _finding_item(finding: Finding, flagged: bool = False) -> QTreeWidgetItem:
        level = f"{finding.level.value} · flagged" if flagged else finding.level.value
        item = QTreeWidgetItem(["check", level, finding.title, finding.message])
        item.setData(0, Qt.ItemDataRole.UserRole, FINDING_KIND)
        item.setData(1, Qt.ItemDataRole.UserRole, finding)
        item.setData(2, Qt.ItemDataRole.UserRole, flagged)
        item.setToolTip(3, f"[{finding.code}] {finding.message}")
        if flagged:
            for col in range(4):
                item.setForeground(col, QColor(FLAGGED_COLOR))
            item.setToolTip(1, FLAGGED_NOTE)
            item.setToolTip(2, FLAGGED_NOTE)
        else:
            item.setForeground(1, QColor(LEVEL_COLORS[finding.level]))
        return item

    def _update_buttons(self, *_: object) -> None:
        uid = self.selected_issue_uid()
        finding = self.selected_finding()
        item = self.issues.currentItem()
        if item is None:
            self.issue_text.setText("")
        else:
            what, detail = item.text(2), item.text(3)
            code = f" <span style='color:#78909c'>[{finding.code}]</span>" if finding else ""
            self.issue_text.setText(f"<b>{_esc(what)}</b>{code}: {_esc(detail)}")
        self.btn_edit.setEnabled(uid is not None or finding is not None)
        self.btn_edit.setText("Flag it…" if finding is not None else "Edit…")
        self.btn_edit.setToolTip(
            "Flag the selected check result as an issue, prefilled (Return)"
            if finding is not None
            else "Edit the selected issue (Return)"
        )
        if finding is not None and item is not None and item.data(2, Qt.ItemDataRole.UserRole):
            # Flagging it again would count the same problem twice in the score.
            self.btn_edit.setEnabled(False)
            self.btn_edit.setToolTip(FLAGGED_NOTE)
            self.issue_text.setText(self.issue_text.text() + " <i>(flagged as an issue)</i>")
        self.btn_resolve.setEnabled(uid is not None)
        self.btn_delete.setEnabled(uid is not None)
        self.btn_dismiss.setEnabled(finding is not None)
        if uid is not None and self.model is not None and self.row >= 0:
            try:
                issue = self.model.session.reviews[self.row].issue(uid)
            except KeyError:
                return
            self.btn_resolve.setText("Reopen" if not issue.is_open else "Resolve")

    def _edit_or_flag(self) -> None:
        uid = self.selected_issue_uid()
        if uid is not None:
            self.edit_issue_requested.emit(uid)
        elif self.selected_finding() is not None:
            self.flag_requested.emit()

    def _emit_issue(self, signal: Signal) -> None:  # type: ignore[type-arg]
        uid = self.selected_issue_uid()
        if uid is not None:
            signal.emit(uid)  # type: ignore[attr-defined]

    def _emit_dismiss(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.dismiss_requested.emit(finding.code)

    def _on_text_changed(self) -> None:
        if self._loading or self.model is None or self.row < 0:
            return
        self.model.set_target(self.row, self.target.toPlainText())

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: object = None) -> None:
        if self.row >= 0 and top.row() <= self.row <= bottom.row():
            focus = self.target.hasFocus()
            self.refresh()
            if focus:
                self.target.setFocus()

    def _on_rejected(self, message: str) -> None:
        if self.target.hasFocus():
            self._set_message(f"Not applied: {message}", "#c62828")

    def _on_warnings(self, warnings: list) -> None:  # type: ignore[type-arg]
        if warnings:
            self._set_message("Warning: " + " ".join(w.message for w in warnings), "#ef6c00")
        else:
            self._set_message("", "")

    def _set_message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{color};")
        self.message.setVisible(bool(text))

    def move_cursor_end(self) -> None:
        self.target.moveCursor(QTextCursor.MoveOperation.End)
