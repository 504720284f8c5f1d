"""Translations of the current segment's source elsewhere in the project (the project as a
translation memory): same or similar sources, ranked, with state and file; Ctrl+1…9 inserts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.markup.diff import token_diff
from reviewer.core.project import MemoryMatch, TranslationMemory
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.edit_gateway import EditEvent
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.markup import esc
from reviewer.gui.model import AnyIndex, HeaderedTableModel
from reviewer.gui.project_actions import MAX_MATCHES
from reviewer.gui.rich_delegate import HTML_ROLE, RichTextDelegate

COL_SCORE, COL_TEXT, COL_WHERE = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("MatchesModel", "Match"),
    QT_TRANSLATE_NOOP("MatchesModel", "Their translation and source"),
    QT_TRANSLATE_NOOP("MatchesModel", "State and article"),
)


def source_diff_html(mine: str, theirs: str) -> str:
    """Their source, the words that differ from the current segment's source marked."""
    out = []
    for op, text in token_diff(mine, theirs):
        if op == "equal":
            out.append(esc(text))
        elif op == "insert":
            style = f"background-color:{theme.DIFF_ADDED_BG};color:{theme.DIFF_ADDED_FG};"
            out.append(f"<span style='{style}'>{esc(text)}</span>")
    return "".join(out)


class MatchesModel(HeaderedTableModel):
    headers = HEADERS
    context = "MatchesModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = ""
        self.matches: list[MemoryMatch] = []

    def set_matches(self, source: str, matches: list[MemoryMatch]) -> None:
        self.beginResetModel()
        self.source, self.matches = source, matches
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.matches):
            return None
        k, col = index.row(), index.column()
        m = self.matches[k]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{m.score:.0f}%", m.target, f"{labels.state(m.state)} · {m.rel}")[col]
        if role == HTML_ROLE:
            return self._html(k, m, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return self.tr("{target}\n\nTheir source: {source}").format(
                    target=m.target, source=m.source
                )
            if col == COL_WHERE:
                return f"{m.rel} · #{m.row + 1} · {m.pair_id}"
            return self.tr("Ctrl+{n} puts this translation in the target").format(n=k + 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _html(self, k: int, m: MemoryMatch, col: int) -> str:
        if col == COL_SCORE:
            color = theme.GOOD if m.exact else theme.HEADING
            return (
                f"{theme.muted(f'Ctrl+{k + 1}')}<br>"
                f"{theme.colored(f'{m.score:.0f}%', color, bold=True)}"
            )
        if col == COL_TEXT:
            source = esc(m.source) if m.exact else source_diff_html(self.source, m.source)
            return f"{esc(m.target)}<br>{theme.muted(source)}"
        name = esc(m.rel.rsplit("/", 1)[-1])
        state = theme.colored(esc(labels.state(m.state)), theme.STATE_COLORS[m.state])
        return f"{state}<br>{theme.muted(f'{name} #{m.row + 1}')}"


class MatchesDock(QDockWidget):
    """Follows the current segment (a SegmentView); the project's memory is looked up after a
    short pause, so arrowing through the table never waits for it."""

    insert_requested = Signal(int, str)  # row of the open article, the target to put there
    memory_wanted = Signal()  # the memory on hand is older than the project: build a new one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordanceDock")
        self.setWindowTitle(self.tr("Translations in the project"))
        self.memory: TranslationMemory | None = None
        self.rel = ""  # the open article, relative to the project
        self.session: ReviewSession | None = None
        self.row = -1
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        self.status = QLabel(body)
        self.status.setObjectName("concordanceStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = MatchesModel(self)
        self.view = QTableView(body)
        self.view.setObjectName("concordanceMatches")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setStyleSheet(theme.TABLE_STYLE)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        delegate = RichTextDelegate(self.view, wrap=True)
        for col in (COL_SCORE, COL_TEXT, COL_WHERE):
            self.view.setItemDelegateForColumn(col, delegate)
        header = self.view.horizontalHeader()
        header.resizeSection(COL_SCORE, 56)
        header.resizeSection(COL_WHERE, 150)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda index: self.insert(index.row()))
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.lookup)
        self._say(
            self.tr(
                "Open a folder as a project to see how other articles translate "
                "this segment's source."
            )
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def set_memory(self, memory: TranslationMemory | None, rel: str = "") -> None:
        self.memory = memory
        self.rel = rel
        self._timer.start()

    def set_open_article(self, rel: str) -> None:
        self.rel = rel

    # -- SegmentView ---------------------------------------------------------------------------
    def show_row(self, session: ReviewSession | None, row: int) -> None:
        self.session, self.row = session, row
        self._timer.start()

    def on_edit(self, event: EditEvent) -> None:
        return  # matches come from the files on disk; an edit here changes none of them

    def on_checks_done(self) -> None:
        return

    # -- looking up and inserting ----------------------------------------------------------------
    def lookup(self) -> None:
        session, row, memory = self.session, self.row, self.memory
        if memory is None or session is None or not 0 <= row < len(session.doc.pairs):
            self.model.set_matches("", [])
            if memory is not None:
                self._say(
                    self.tr(
                        "Open an article to see how the project's other articles "
                        "translate its segments."
                    )
                )
            return
        if memory.revision != memory.project.revision:
            self.memory_wanted.emit()
        source = session.doc.pairs[row].source
        exclude = [(self.rel, row)] if self.rel else []
        try:
            matches = memory.lookup(source, limit=MAX_MATCHES, exclude=exclude)
        except (KeyError, IndexError, RuntimeError):
            matches = []  # an article changed since the memory was built: the next one has it
        self.model.set_matches(source, matches)
        if matches:
            exact = sum(1 for m in matches if m.exact)
            self._say(
                self.tr(
                    "{n} translations of this source or a similar one ({e} of the same "
                    "source); Ctrl+1…{k} inserts one."
                ).format(n=len(matches), e=exact, k=len(matches))
            )
        else:
            self._say(self.tr("No other article has this source or a similar one."))

    def insert(self, k: int) -> bool:
        """Put match ``k`` (0-based) into the current segment's target: one undo step."""
        if not 0 <= k < len(self.model.matches) or self.row < 0:
            return False
        self.insert_requested.emit(self.row, self.model.matches[k].target)
        return True
