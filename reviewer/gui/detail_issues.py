"""The detail pane's list of one segment's issues and check results, with their buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.mqm import Issue, category
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.markup import esc
from reviewer.gui.model import flagged_note

ISSUE_KIND = "issue"
FINDING_KIND = "check"


class IssueList(QWidget):
    """Issues first, then check results; Return edits (or flags) the selected one, Delete
    removes an issue. The selected entry's full text shows under the list."""

    flag_requested = Signal()  # flag a new issue (prefilled from the selected check, if any)
    edit_issue_requested = Signal(str)  # uid
    resolve_issue_requested = Signal(str)
    delete_issue_requested = Signal(str)
    dismiss_requested = Signal(str)  # check code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # The buttons head the list (its column titles name what it holds): on a small
        # screen every line counts.
        top = QHBoxLayout()
        top.setSpacing(2)
        self.btn_flag = self._button("btnFlagIssue", self.tr("Flag…"))
        self.btn_flag.setToolTip(self.tr("Flag a new MQM issue on this segment (Ctrl+Shift+F)"))
        self.btn_edit = self._button("btnEditIssue", self.tr("Edit…"))
        self.btn_resolve = self._button("btnResolveIssue", self.tr("Resolve"))
        self.btn_resolve.setToolTip(self.tr("Mark the selected issue resolved, or reopen it"))
        self.btn_delete = self._button("btnDeleteIssue", self.tr("Delete"))
        self.btn_delete.setToolTip(self.tr("Delete the selected issue (Delete)"))
        self.btn_dismiss = self._button("btnDismissCheck", self.tr("Dismiss"))
        self.btn_dismiss.setToolTip(
            self.tr("Dismiss the selected check result as a false positive (Ctrl+Shift+D)")
        )
        for btn in (self.btn_flag, self.btn_edit, self.btn_resolve, self.btn_delete):
            top.addWidget(btn)
        top.addWidget(self.btn_dismiss)
        top.addStretch(1)
        layout.addLayout(top)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("detailIssues")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(
            [self.tr("Kind"), self.tr("Severity"), self.tr("What"), self.tr("Detail")]
        )
        fm = self.tree.fontMetrics()
        kinds = (labels.kind("issue"), labels.kind("check"))  # "controle" is wider than "check"
        self.tree.setColumnWidth(0, max(48, *(fm.horizontalAdvance(k) + 16 for k in kinds)))
        # Wide enough for "Critical (resolved)": the status must not be cut off.
        self.tree.setColumnWidth(1, fm.horizontalAdvance(self.tr("Critical (resolved)")) + 12)
        self.tree.setColumnWidth(2, 110)
        self.tree.header().setStretchLastSection(True)
        # The detail column is cut short rather than scrolled: the full text shows below.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for the header and two entries, whatever the screen.
        row = self.tree.fontMetrics().height() + 6
        self.tree.setMinimumHeight(self.tree.header().sizeHint().height() + 2 * row + 4)
        layout.addWidget(self.tree, 1)
        self.text = QLabel("", self)
        self.text.setObjectName("detailIssueText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet(theme.ISSUE_TEXT_STYLE)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Two lines at most (the tooltip has the rest), so it never pushes the list away.
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 2 + 6)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text)

        self.tree.installEventFilter(self)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit_or_flag())
        self.btn_flag.clicked.connect(self.flag_requested)
        self.btn_edit.clicked.connect(self._edit_or_flag)
        self.btn_resolve.clicked.connect(lambda: self._emit_issue(self.resolve_issue_requested))
        self.btn_delete.clicked.connect(lambda: self._emit_issue(self.delete_issue_requested))
        self.btn_dismiss.clicked.connect(self._emit_dismiss)
        self._session: ReviewSession | None = None
        self._row = -1

    def _button(self, name: str, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- showing --------------------------------------------------------------------------
    def show_row(self, session: ReviewSession | None, row: int) -> None:
        self._session, self._row = session, row
        self.tree.clear()
        enabled = session is not None and row >= 0
        self.tree.setEnabled(enabled)
        self.btn_flag.setEnabled(enabled)
        if session is not None and row >= 0:
            for issue in session.reviews[row].issues:
                self.tree.addTopLevelItem(self._issue_item(issue))
            if session.checked(row):
                flagged = session.flagged_codes(row)
                for finding in session.findings_so_far(row):
                    item = self._finding_item(finding, finding.code in flagged)
                    self.tree.addTopLevelItem(item)
            elif len(session.doc.pairs):
                running = QCoreApplication.translate("IssueList", "Checks are still running…")
                item = QTreeWidgetItem(["check", "", running, ""])
                item.setForeground(2, Qt.GlobalColor.gray)
                self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) != FINDING_KIND:
            return None
        value = item.data(1, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, Finding) else None

    def selected_issue_uid(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) != ISSUE_KIND:
            return None
        value = item.data(1, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard users act on the selected row: Return edits it (or flags a check result),
        # Delete removes an issue. Without this they had to Tab through to the buttons.
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._edit_or_flag()
                return True
            if key == Qt.Key.Key_Delete and self.selected_issue_uid() is not None:
                self._emit_issue(self.delete_issue_requested)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _issue_item(issue: Issue) -> QTreeWidgetItem:
        cat = category(issue.category)
        status = "" if issue.is_open else f" ({labels.status(issue.status).lower()})"
        item = QTreeWidgetItem(
            [
                labels.kind("issue"),
                labels.severity(issue.severity) + status,
                labels.category_label(cat),
                issue.comment or "—",
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, ISSUE_KIND)
        item.setData(1, Qt.ItemDataRole.UserRole, issue.uid)
        color = theme.SEVERITY_COLORS[issue.severity] if issue.is_open else theme.SUBTLE
        item.setForeground(1, QColor(color))
        item.setToolTip(3, f"{issue.comment}\n— {issue.author} {issue.created}")
        if not issue.is_open:
            font = item.font(2)
            font.setStrikeOut(True)
            item.setFont(2, font)
        return item

    @staticmethod
    def _finding_item(finding: Finding, flagged: bool = False) -> QTreeWidgetItem:
        level = labels.level(finding.level)
        if flagged:
            level = QCoreApplication.translate("IssueList", "{level} · flagged").format(level=level)
        title = labels.check_title(finding.title)
        item = QTreeWidgetItem([labels.kind("check"), level, title, finding.message])
        item.setData(0, Qt.ItemDataRole.UserRole, FINDING_KIND)
        item.setData(1, Qt.ItemDataRole.UserRole, finding)
        item.setData(2, Qt.ItemDataRole.UserRole, flagged)
        item.setToolTip(3, f"[{finding.code}] {finding.message}")
        if flagged:
            for col in range(4):
                item.setForeground(col, QColor(theme.FLAGGED_COLOR))
            item.setToolTip(1, flagged_note())
            item.setToolTip(2, flagged_note())
        else:
            item.setForeground(1, QColor(theme.LEVEL_COLORS[finding.level]))
        return item

    def _update_buttons(self, *_: object) -> None:
        uid = self.selected_issue_uid()
        finding = self.selected_finding()
        item = self.tree.currentItem()
        if item is None:
            self.text.setText("")
            self.text.setToolTip("")
        else:
            what, detail = item.text(2), item.text(3)
            code = (
                f" <span style='color:{theme.CODE_NOTE}'>[{esc(finding.code)}]</span>"
                if finding
                else ""
            )
            self.text.setText(f"<b>{esc(what)}</b>{code}: {esc(detail)}")
            self.text.setToolTip(f"{what}: {detail}")
        self.btn_edit.setEnabled(uid is not None or finding is not None)
        self.btn_edit.setText(self.tr("Flag it…") if finding is not None else self.tr("Edit…"))
        self.btn_edit.setToolTip(
            self.tr("Flag the selected check result as an issue, prefilled (Return)")
            if finding is not None
            else self.tr("Edit the selected issue (Return)")
        )
        if finding is not None and item is not None and item.data(2, Qt.ItemDataRole.UserRole):
            # Flagging it again would count the same problem twice in the score.
            self.btn_edit.setEnabled(False)
            self.btn_edit.setToolTip(flagged_note())
            self.text.setText(self.text.text() + self.tr(" <i>(flagged as an issue)</i>"))
        self.btn_resolve.setEnabled(uid is not None)
        self.btn_delete.setEnabled(uid is not None)
        self.btn_dismiss.setEnabled(finding is not None)
        session = self._session
        if uid is not None and session is not None and self._row >= 0:
            try:
                issue = session.reviews[self._row].issue(uid)
            except KeyError:
                return
            self.btn_resolve.setText(self.tr("Reopen") if not issue.is_open else self.tr("Resolve"))

    def _edit_or_flag(self) -> None:
        uid = self.selected_issue_uid()
        if uid is not None:
            self.edit_issue_requested.emit(uid)
        elif self.selected_finding() is not None:
            self.flag_requested.emit()

    def _emit_issue(self, signal: SignalInstance) -> None:
        uid = self.selected_issue_uid()
        if uid is not None:
            signal.emit(uid)

    def _emit_dismiss(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.dismiss_requested.emit(finding.code)
