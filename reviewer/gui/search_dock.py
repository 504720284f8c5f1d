"""The concordance search dock: every source and target of the project, searched per keystroke,
hits in context with the match marked; a click opens the article at that segment."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.project import Concordance, Hit, Query, SearchError, Side
from reviewer.gui import labels, theme
from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.gui.line_edits import clear_button_when_typed
from reviewer.gui.model import AnyIndex, HeaderedTableModel
from reviewer.gui.rich_delegate import HTML_ROLE, RichTextDelegate, mark_spans

LIMIT = 500
COL_FILE, COL_NUM, COL_SOURCE, COL_TARGET, COL_STATE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("SearchModel", "Article"),
    QT_TRANSLATE_NOOP("SearchModel", "#"),
    QT_TRANSLATE_NOOP("SearchModel", "Source (EN)"),
    QT_TRANSLATE_NOOP("SearchModel", "Target (NL)"),
    QT_TRANSLATE_NOOP("SearchModel", "State"),
)
CLIP = 300  # characters of a hit's segment shown ...
BEFORE = 30  # ... starting about this many before its first match


def hit_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` from a little before its first match (a cell shows the start of what it is
    given), the matches marked; newlines shown as spaces."""
    begin = 0
    if spans and spans[0][0] > BEFORE:
        begin = text.rfind(" ", 0, spans[0][0] - BEFORE) + 1 or spans[0][0] - BEFORE
    excerpt = text[begin : begin + CLIP].replace("\n", " ")
    shifted = [
        (a - begin, min(b, begin + CLIP) - begin) for a, b in spans if begin <= a < begin + CLIP
    ]
    prefix = "…" if begin else ""
    suffix = "…" if begin + CLIP < len(text) else ""
    return prefix + mark_spans(excerpt, shifted) + suffix


class SearchModel(HeaderedTableModel):
    headers = HEADERS
    context = "SearchModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self._html: dict[tuple[int, int], str] = {}

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self._html = {}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit, col = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.rel, str(hit.number), hit.source, hit.target, labels.state(hit.state))[col]
        if role == HTML_ROLE and col in (COL_SOURCE, COL_TARGET):
            key = (index.row(), col)
            if key not in self._html:
                text, spans = (
                    (hit.source, hit.source_spans)
                    if col == COL_SOURCE
                    else (hit.target, hit.target_spans)
                )
                self._html[key] = hit_html(text, spans)
            return self._html[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SOURCE:
                return hit.source
            if col == COL_TARGET:
                return hit.target
            if col in (COL_FILE, COL_NUM):
                return f"{hit.rel} · #{hit.number} · {hit.pair_id}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATE:
                return QBrush(QColor(theme.STATE_COLORS[hit.state]))
            if col == COL_NUM:
                return QBrush(QColor(theme.MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_NUM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SearchDock(QDockWidget):
    """Search in Project: text or regex, in sources, targets or both."""

    hit_chosen = Signal(str, int, str)  # article, row, segment id: open it there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDock")
        self.setWindowTitle(self.tr("Search in project"))
        self.concordance: Concordance | None = None
        self.last_ms = 0.0  # how long the last search took (for the bench)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        bar = QHBoxLayout()
        self.text = QLineEdit(body)
        self.text.setObjectName("searchText")
        self.text.setPlaceholderText(self.tr("Search every source and target of the project…"))
        clear_button_when_typed(self.text)
        bar.addWidget(self.text, 3)
        self.side = QComboBox(body)
        self.side.setObjectName("searchSide")
        for label, side in (
            (self.tr("Source + target"), Side.BOTH),
            (self.tr("Source"), Side.SOURCE),
            (self.tr("Target"), Side.TARGET),
        ):
            self.side.addItem(label, side)
        bar.addWidget(self.side)
        self.regex = QCheckBox(self.tr("Regex"), body)
        self.regex.setObjectName("searchRegex")
        self.case = QCheckBox(self.tr("Match case"), body)
        self.case.setObjectName("searchCase")
        self.word = QCheckBox(self.tr("Whole words"), body)
        self.word.setObjectName("searchWord")
        for box in (self.regex, self.case, self.word):
            bar.addWidget(box)
        self.count = QLabel(body)
        self.count.setObjectName("searchCount")
        bar.addWidget(self.count, 2)
        layout.addLayout(bar)
        self.model = SearchModel(self)
        self.view = QTableView(body)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideLeft)  # a path keeps its file name
        self.view.setStyleSheet(theme.TABLE_STYLE)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        delegate = RichTextDelegate(self.view)
        self.view.setItemDelegateForColumn(COL_SOURCE, delegate)
        self.view.setItemDelegateForColumn(COL_TARGET, delegate)
        header = self.view.horizontalHeader()
        for col, width in ((COL_FILE, 180), (COL_NUM, 44), (COL_STATE, 84)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        # Keys typed faster than a search coalesce into one; a search itself takes ~20 ms.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.search)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self._to_results)
        self.side.currentIndexChanged.connect(lambda _i: self.search())
        for box in (self.regex, self.case, self.word):
            box.toggled.connect(lambda _on: self.search())
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.set_concordance(None)

    def set_concordance(self, concordance: Concordance | None, indexing: bool = False) -> None:
        """The project's search index (None: no project, or still being built)."""
        self.concordance = concordance
        self.text.setEnabled(concordance is not None)
        if concordance is None:
            self.model.set_hits([])
            self.count.setText(
                self.tr("Indexing the project…")
                if indexing
                else self.tr("Open a folder (File › Open Folder) to search its articles.")
            )
        else:
            self.search()

    def query(self) -> Query:
        return Query(
            self.text.text(),
            regex=self.regex.isChecked(),
            match_case=self.case.isChecked(),
            whole_word=self.word.isChecked(),
            side=self.side.currentData(),
        )

    def search(self) -> None:
        self._timer.stop()
        concordance = self.concordance
        if concordance is None:
            return
        query = self.query()
        started = time.perf_counter()
        try:
            result = concordance.search(query, limit=LIMIT)
        except SearchError as exc:
            self.text.setStyleSheet(theme.ERROR_FIELD_STYLE)
            self.text.setToolTip(str(exc))
            self.count.setText(str(exc))
            return
        self.text.setStyleSheet("")
        self.text.setToolTip("")
        self.model.set_hits(result.hits)
        self.last_ms = (time.perf_counter() - started) * 1000
        if not query.text:
            self.count.setText(self.tr("{n} segments indexed").format(n=f"{concordance.pairs:,}"))
        elif result.truncated:
            self.count.setText(
                self.tr("first {n} segments shown, in {m} articles; type more to narrow").format(
                    n=f"{len(result.hits):,}", m=f"{result.articles:,}"
                )
            )
        else:
            self.count.setText(
                self.tr("{n} segments in {m} articles").format(
                    n=f"{len(result.hits):,}", m=f"{result.articles:,}"
                )
            )

    def focus_search(self) -> None:
        """Show the dock and type a search (what is there is selected)."""
        self.show()
        self.raise_()
        self.text.setFocus()
        self.text.selectAll()

    def _to_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(0, COL_TARGET))

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hits[index.row()]
            self.hit_chosen.emit(hit.rel, hit.row, hit.pair_id)
