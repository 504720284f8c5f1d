"""Carrying a fix to repeated segments: after a target edit, a bar under the target editor
offers the same fix for the other segments with the same source (this article and others),
with a count; optionally it is done at once for exact repetitions in the article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reviewer.core.edits import Edit
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.gui import theme
from reviewer.gui.edit_gateway import EditEvent, Origin

if TYPE_CHECKING:
    from reviewer.core.project import ChangeSet, Project, TranslationMemory

AUTO_KEY = "review/auto_propagate"


class PropagationBar(QWidget):
    """A SegmentView: remembers the target a segment had when the user came to it; once it is
    edited, counts the repetitions still holding that old target and offers the same fix."""

    apply_elsewhere = Signal(object)  # ChangeSet for other articles, to preview and apply
    message = Signal(str, int)

    def __init__(
        self,
        settings: QSettings,
        submit: Callable[[Edit], bool],
        author: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("propagationBar")
        self.settings = settings
        self.submit = submit
        self.author = author
        self.session: ReviewSession | None = None
        self.row = -1
        self.old = ""  # the target the current segment had when the user came to it
        self.here: list[int] = []  # other rows of the article the fix would change
        self.project: Project | None = None
        self.memory: TranslationMemory | None = None
        self.rel = ""
        self.elsewhere = 0
        self._applying = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(2)
        self.text = QLabel(self)
        self.text.setObjectName("propagationText")
        self.text.setWordWrap(True)
        self.here_button = QToolButton(self)
        self.here_button.setObjectName("propagationApply")
        self.here_button.clicked.connect(self.apply_here)
        self.other_button = QToolButton(self)
        self.other_button.setObjectName("propagationElsewhere")
        self.other_button.clicked.connect(self.offer_elsewhere)
        buttons = QHBoxLayout()
        buttons.addWidget(self.here_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(theme.OFFER_STYLE)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.setVisible(False)

    @property
    def automatic(self) -> bool:
        return bool(self.settings.value(AUTO_KEY, False, type=bool))

    def set_automatic(self, on: bool) -> None:
        self.settings.setValue(AUTO_KEY, bool(on))

    def set_project(
        self, project: Project | None, memory: TranslationMemory | None, rel: str
    ) -> None:
        self.project, self.memory, self.rel = project, memory, rel
        self._timer.start()

    # -- SegmentView ---------------------------------------------------------------------------
    def show_row(self, session: ReviewSession | None, row: int) -> None:
        if session is self.session and row == self.row:
            return
        if self.automatic and self.session is session and session is not None:
            self._timer.stop()
            self.refresh()  # the user may not have paused since the last key
            if self.here:
                left, old = self.row, self.old
                QTimer.singleShot(0, lambda: self._apply(session, left, old, automatic=True))
        self.session, self.row = session, row
        ok = session is not None and 0 <= row < len(session.doc.pairs)
        self.old = session.doc.pairs.target_at(row) if ok and session is not None else ""
        self.here, self.elsewhere = [], 0
        self.setVisible(False)

    def on_edit(self, event: EditEvent) -> None:
        if self._applying or not event.touches_target or self.session is None:
            return
        if event.origin is Origin.DETAIL:
            self._timer.start()  # typing: count once it pauses
        else:
            self.refresh()

    def on_checks_done(self) -> None:
        return

    # -- the offer -----------------------------------------------------------------------------
    def refresh(self) -> None:
        session, row = self.session, self.row
        if session is None or not 0 <= row < len(session.doc.pairs):
            self.setVisible(False)
            return
        pairs = session.doc.pairs
        new = pairs.target_at(row)
        if new == self.old:
            self.here, self.elsewhere = [], 0
            self.setVisible(False)
            return
        from reviewer.core.project.repetitions import propagation_rows  # on the first edit

        rows = propagation_rows(pairs.sources(), pairs.targets(), row, self.old)
        self.here = [r for r in rows if session.reviews[r].state is not State.APPROVED]
        self.elsewhere = len(self._elsewhere(pairs.source_at(row), new))
        self._show()

    def _elsewhere(self, source: str, new: str) -> list[tuple[str, int]]:
        """Segments of other articles with this source still holding the old target."""
        project, memory = self.project, self.memory
        if project is None or memory is None:
            return []
        out = []
        try:
            for rel, row in memory.places(source):
                if rel == self.rel:
                    continue
                record = project.record(rel)
                if record.targets[row] == self.old and record.state_of(row) is not State.APPROVED:
                    out.append((rel, row))
        except (KeyError, IndexError, RuntimeError):
            return []  # the project changed since the memory was built (or is changing)
        return out

    def _show(self) -> None:
        n, m = len(self.here), self.elsewhere
        if not n and not m:
            self.setVisible(False)
            return
        if n:
            text = (
                self.tr("1 other segment here has the same source and the old translation.")
                if n == 1
                else self.tr(
                    "{n} other segments here have the same source and the old translation."
                ).format(n=n)
            )
            if self.automatic:
                text += " " + self.tr("They get the same fix when you leave this segment.")
        else:
            text = self.tr("Other articles have this source with the old translation.")
        self.text.setText(text)
        self.here_button.setText(self.tr("Apply to {n} (Ctrl+Shift+R)").format(n=n))
        self.here_button.setVisible(bool(n))
        self.other_button.setText(self.tr("{m} in other articles…").format(m=m))
        self.other_button.setVisible(bool(m))
        self.setVisible(True)

    def apply_here(self) -> bool:
        """Ctrl+Shift+R: the same fix for this article's repetitions, as one undo step."""
        if self.session is None or not self.here:
            self.message.emit(self.tr("No repeated segment is waiting for this fix"), 4000)
            return False
        return self._apply(self.session, self.row, self.old, automatic=False)

    def _apply(self, session: ReviewSession, row: int, old: str, automatic: bool) -> bool:
        if session is not self.session or not 0 <= row < len(session.doc.pairs):
            return False
        from reviewer.core.project.repetitions import propagation_edit

        edit = propagation_edit(session, row, old, self.author())
        if edit is None:
            return False
        self._applying = True
        try:
            ok = self.submit(edit)
        finally:
            self._applying = False
        if ok:
            n = len(edit.rows)
            text = (
                self.tr("Applied the same fix to {n} repeated segments (Ctrl+Z undoes it)")
                if not automatic
                else self.tr(
                    "Applied the fix to {n} exact repetitions automatically (Ctrl+Z undoes it)"
                )
            )
            self.message.emit(text.format(n=n), 6000)
            if row == self.row:
                self.here = []
                self._show()
        return ok

    def offer_elsewhere(self) -> None:
        """Preview the same fix in the other articles (their files change when applied)."""
        session, project, memory = self.session, self.project, self.memory
        if session is None or project is None or memory is None or self.row < 0:
            return
        pairs = session.doc.pairs
        source, new = pairs.source_at(self.row), pairs.target_at(self.row)
        places = self._elsewhere(source, new)
        if not places:
            return
        from reviewer.core.project import plan_propagation

        plan: ChangeSet = plan_propagation(
            project,
            source,
            self.old,
            new,
            exclude=[(self.rel, k) for k in range(len(pairs))] if self.rel else (),
            rels={rel for rel, _ in places},
        )
        self.apply_elsewhere.emit(plan)
