"""Find and replace in targets (Ctrl+H), in the open article or across the project: a preview
of every change, then one undo step in the open article and one project-wide undo for the rest."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.project import (
    CancelToken,
    Change,
    ChangeSet,
    ProgressFn,
    Replacement,
    plan_in_session,
    plan_replace,
)
from reviewer.gui import theme
from reviewer.gui.change_preview import ChangesModel, changes_table, summary_text
from reviewer.gui.project_edits import ProjectEditor
from reviewer.gui.project_part import ProjectPart

ARTICLE, PROJECT = "article", "project"


class ReplaceDialog(QDialog):
    """The inputs, the preview of every change with a box to leave it out, and the result."""

    preview_requested = Signal(object, str)  # Replacement, scope
    apply_requested = Signal(list)  # the ticked changes
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("replaceDialog")
        self.setWindowTitle(self.tr("Find and replace in targets"))
        self.plan: ChangeSet | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.find_text = QLineEdit(self)
        self.find_text.setObjectName("replaceFind")
        self.find_text.setPlaceholderText(self.tr("Text or regular expression to find in targets"))
        self.replace_text = QLineEdit(self)
        self.replace_text.setObjectName("replaceWith")
        self.replace_text.setPlaceholderText(self.tr("Replacement (\\1 or \\g<name> with a regex)"))
        form.addRow(self.tr("&Find:"), self.find_text)
        form.addRow(self.tr("Replace &with:"), self.replace_text)
        layout.addLayout(form)
        options = QHBoxLayout()
        self.regex = QCheckBox(self.tr("Re&gex"), self)
        self.regex.setObjectName("replaceRegex")
        self.case = QCheckBox(self.tr("Match &case"), self)
        self.case.setObjectName("replaceCase")
        self.case.setChecked(True)
        self.word = QCheckBox(self.tr("W&hole words"), self)
        self.word.setObjectName("replaceWord")
        self.scope = QButtonGroup(self)
        self.in_article = QRadioButton(self.tr("In the open &article"), self)
        self.in_article.setObjectName("replaceScopeArticle")
        self.in_project = QRadioButton(self.tr("In every article of the &project"), self)
        self.in_project.setObjectName("replaceScopeProject")
        for w in (self.regex, self.case, self.word):
            options.addWidget(w)
        options.addStretch(1)
        for b in (self.in_article, self.in_project):
            self.scope.addButton(b)
            options.addWidget(b)
        layout.addLayout(options)
        row = QHBoxLayout()
        self.preview = QPushButton(self.tr("&Preview"), self)
        self.preview.setObjectName("replacePreview")
        self.preview.setDefault(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("replaceSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.tick_all = QPushButton(self.tr("Tick all"), self)
        self.tick_none = QPushButton(self.tr("Tick none"), self)
        row.addWidget(self.preview)
        row.addWidget(self.summary, 1)
        row.addWidget(self.tick_all)
        row.addWidget(self.tick_none)
        layout.addLayout(row)
        self.model = ChangesModel(self)
        self.table = changes_table(self.model, self)
        self.table.setObjectName("replaceChanges")
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.outcome = QLabel(self)
        self.outcome.setObjectName("replaceResult")
        self.outcome.setWordWrap(True)
        self.undo = QPushButton(self.tr("&Undo in the other articles"), self)
        self.undo.setObjectName("replaceUndo")
        self.undo.setVisible(False)
        self.apply = QPushButton(self)
        self.apply.setObjectName("replaceApply")
        close = QPushButton(self.tr("Close"), self)
        bottom.addWidget(self.outcome, 1)
        bottom.addWidget(self.undo)
        bottom.addWidget(self.apply)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.preview.clicked.connect(self.request_preview)
        self.apply.clicked.connect(lambda: self.apply_requested.emit(self.model.chosen()))
        self.undo.clicked.connect(self.undo_requested)
        close.clicked.connect(self.close)
        self.tick_all.clicked.connect(lambda: self.model.set_all(True))
        self.tick_none.clicked.connect(lambda: self.model.set_all(False))
        self.model.ticks_changed.connect(self._update_apply)
        for field in (self.find_text, self.replace_text):
            field.textEdited.connect(lambda _t: self.clear_plan())
        for box in (self.regex, self.case, self.word, self.in_article, self.in_project):
            box.toggled.connect(lambda _on: self.clear_plan())
        self.clear_plan()
        self.resize(1100, 620)

    def set_scopes(self, article: bool, project: bool) -> None:
        self.in_article.setEnabled(article)
        self.in_project.setEnabled(project)
        if project and not self.in_article.isChecked():
            self.in_project.setChecked(True)
        elif not project or not self.in_project.isChecked():
            self.in_article.setChecked(article)

    def replacement(self) -> Replacement:
        return Replacement(
            self.find_text.text(),
            self.replace_text.text(),
            regex=self.regex.isChecked(),
            match_case=self.case.isChecked(),
            whole_word=self.word.isChecked(),
        )

    def request_preview(self) -> None:
        scope = PROJECT if self.in_project.isChecked() else ARTICLE
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Looking for changes…"))
        self.preview_requested.emit(self.replacement(), scope)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.apply.isEnabled():
                self.apply.click()
            return
        super().keyPressEvent(event)

    # -- told by the replacer -----------------------------------------------------------------
    def clear_plan(self) -> None:
        self.plan = None
        self.model.set_changes([])
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Preview lists every change before anything is replaced."))
        self._update_apply()

    def show_plan(self, plan: ChangeSet) -> None:
        self.plan = plan
        self.model.set_changes(plan.changes)
        if not plan.changes:
            self.summary.setText(self.tr("Nothing to replace: no target holds it."))
        self._update_apply()

    def show_error(self, text: str) -> None:
        self.clear_plan()
        self.summary.setStyleSheet(f"color:{theme.BAD};")
        self.summary.setText(text)

    def show_result(self, text: str, undoable: bool) -> None:
        self.outcome.setText(text)
        self.undo.setVisible(undoable)
        self.undo.setEnabled(undoable)

    def _update_apply(self) -> None:
        n = len(self.model.chosen())
        if self.plan is not None and self.plan.changes:
            self.summary.setText(summary_text(self.plan, n))
        self.apply.setText(self.tr("&Replace {n}").format(n=f"{n:,}"))
        self.apply.setEnabled(n > 0)


class Replacer(QObject):
    """Plans with the core, shows the plan, and applies what the user kept: the open article's
    changes as one undo step, the other articles' through the project editor."""

    def __init__(self, part: ProjectPart, editor: ProjectEditor) -> None:
        super().__init__(part)
        self.part = part
        self.editor = editor
        self.dialog: ReplaceDialog | None = None
        self._in_session: set[Change] = set()
        editor.undone.connect(self._undone)

    def replace_dialog(self) -> ReplaceDialog:
        """Edit › Find and Replace (Ctrl+H)."""
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = ReplaceDialog(self.part.hooks.parent)
            dialog.preview_requested.connect(self.preview)
            dialog.apply_requested.connect(self.apply)
            dialog.undo_requested.connect(self._undo)
        dialog.set_scopes(self.part.hooks.session() is not None, self.part.project is not None)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.find_text.setFocus()
        dialog.find_text.selectAll()
        return dialog

    def _label(self) -> str:
        session = self.part.hooks.session()
        path = session.doc.path if session is not None else ""
        return self.part.open_rel_now or os.path.basename(path or "")

    def preview(self, replacement: Replacement, scope: str) -> None:
        dialog = self.dialog
        assert dialog is not None
        session = self.part.hooks.session()
        try:
            here = (
                plan_in_session(session, replacement, self._label())
                if session is not None
                else ChangeSet(replacement.label)
            )
        except ReviewerError as exc:
            dialog.show_error(str(exc))
            return
        self._in_session = set(here.changes)
        project = self.part.project
        if scope != PROJECT or project is None:
            dialog.show_plan(here)
            return
        open_rel = self.part.open_rel_now

        def work(progress: ProgressFn, cancel: CancelToken) -> ChangeSet:
            plan = plan_replace(project, replacement)
            plan.changes = here.changes + [c for c in plan.changes if c.rel != open_rel]
            return plan

        self.part.run_job(
            self.tr("Looking for changes"),
            work,
            dialog.show_plan,
            failed=lambda exc: dialog.show_error(str(exc)),
            cancellable=True,
        )

    def apply(self, changes: list[Change]) -> None:
        dialog = self.dialog
        assert dialog is not None and dialog.plan is not None
        label = dialog.plan.label
        here = [c for c in changes if c in self._in_session]
        others = [c for c in changes if c not in self._in_session]
        applied, stale = self.editor.submit_in_open_article(ChangeSet(label, here))
        parts = []
        if here:
            parts.append(
                self.tr("Replaced {n} in the open article (Ctrl+Z undoes it)").format(n=applied)
            )
        if stale:
            parts.append(self.tr("{n} left alone: changed since the preview").format(n=stale))
        dialog.clear_plan()
        if not others:
            dialog.show_result(" · ".join(parts), False)
            return
        dialog.show_result(" · ".join([*parts, self.tr("Writing the other articles…")]), False)

        def done(text: str, undoable: bool) -> None:
            dialog.show_result(" · ".join([*parts, text]), undoable)

        self.editor.apply_project_changes(ChangeSet(label, others), done)

    def _undone(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.show_result(text, False)

    def _undo(self) -> None:
        if self.dialog is not None:
            self.dialog.show_result(self.tr("Undoing the change in the other articles…"), False)
        self.editor.undo_project_edit()
