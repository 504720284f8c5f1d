"""A rendered article in a QTextDocument: where each block starts, one-block updates, segments."""

from __future__ import annotations

import atexit
import contextlib
import threading
import weakref
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from reviewer.core.render.style import PREVIEW_CSS

if TYPE_CHECKING:
    from reviewer.core.render.preview import ArticlePreview, BlockUpdate

# Headings a size smaller than a browser's: the pane is a column beside the grid, not a page.
PANE_CSS = (
    PREVIEW_CSS + "h1 { font-size: x-large; } h2 { font-size: large; } h3 { font-size: medium; }"
)
_FRAME_START = "\ufdd0"  # where QTextDocument begins a table: a block may open with one


class SafeDocument(QTextDocument):
    """A document that loads nothing. The rendered HTML names no image, style sheet or page;
    should anything ask for one all the same, it is refused and noted in ``asked``."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.setUndoRedoEnabled(False)
        self.setDefaultStyleSheet(PANE_CSS)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.asked.append(name.toString() if isinstance(name, QUrl) else name)
        return None


class RenderedArticle:
    """An ArticlePreview shown in a SafeDocument, with the position where each block starts,
    so an edit replaces its block in place (``apply``) and a segment is found without a scan."""

    def __init__(self, preview: ArticlePreview, document: SafeDocument) -> None:
        self.preview = preview
        self.document = document
        self.starts: list[int] = _all_starts(document, preview)

    def __len__(self) -> int:
        return len(self.starts)

    def block_range(self, index: int) -> tuple[int, int]:
        """Document positions of block ``index``: its start and the end of its last line (the
        next block's paragraph separator stays, so the blocks stay apart)."""
        start = self.starts[index]
        if index + 1 < len(self.starts):
            return start, self.starts[index + 1] - 1
        return start, self.document.characterCount() - 1

    def block_at(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)

    def apply(self, update: BlockUpdate) -> bool:
        """Put an update's blocks in place of those it replaces; False when it cannot be done
        in place (the block structure changed): then the article is rendered again."""
        first, replaced = update.index, update.replaced
        if update.full or first + replaced > len(self.starts):
            return False
        if not replaced and not update.blocks:
            return True  # nothing shown changed (a segment of the front matter)
        start = self.block_range(first)[0]
        end = self.block_range(first + replaced - 1)[1]
        cursor = QTextCursor(self.document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertHtml(update.html.rstrip())
        stop = cursor.position()
        names = [self.preview.block_id(k) for k in range(first, first + len(update.blocks))]
        fresh = _starts(self.document, names, start, stop)
        if fresh is None:
            return self._recount()
        after = first + replaced  # the first block after those replaced, before the edit
        old_next = self.starts[after] if after < len(self.starts) else -1
        self.starts[first:after] = fresh
        if old_next < 0:
            return True
        # Where the next block starts now, read rather than reckoned: a table's frame marks
        # and the paragraph separators around it do not always move with the inserted text.
        k = first + len(fresh)
        guess = old_next + stop - end
        found = _starts(self.document, [self.preview.block_id(k)], guess - 8, guess + 8)
        if found is None:
            return self._recount()
        delta = found[0] - old_next
        for j in range(k, len(self.starts)):
            self.starts[j] += delta
        return True

    def _recount(self) -> bool:
        """Every block's start read again; False when a block lost its anchor, so the article
        must be rendered again."""
        names = [self.preview.block_id(k) for k in range(len(self.preview))]
        found = _starts(self.document, names, 0, self.document.characterCount())
        if found is None:
            return False
        self.starts = found
        return True

    def runs(self, first_block: int, last_block: int) -> dict[str, list[tuple[int, int]]]:
        """The text runs of every segment shown in blocks ``first_block`` … ``last_block``:
        {id: [(start, end), …]}; a segment's runs carry its id as their tooltip."""
        lo = self.block_range(max(first_block, 0))[0]
        hi = self.block_range(min(last_block, len(self.starts) - 1))[1]
        out: dict[str, list[tuple[int, int]]] = {}
        block = self.document.findBlock(lo)
        while block.isValid() and block.position() <= hi:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                pid = fragment.charFormat().toolTip()
                if pid:
                    start = fragment.position()
                    end = start + fragment.length()
                    spans = out.setdefault(pid, [])
                    if spans and spans[-1][1] == start:
                        spans[-1] = (spans[-1][0], end)
                    else:
                        spans.append((start, end))
                it += 1
            block = block.next()
        return out

    def segment_runs(self, pid: str) -> list[tuple[int, int]]:
        """Where segment ``pid`` shows; [] when no block shows text of it."""
        try:
            index = self.preview.block_of(pid)
        except KeyError:
            return []
        return self.runs(index, index).get(pid, [])

    def segment_position(self, pid: str) -> int:
        """Where segment ``pid`` begins (its block when it shows no text); -1 when not shown."""
        runs = self.segment_runs(pid)
        if runs:
            return runs[0][0]
        try:
            return self.starts[self.preview.block_of(pid)]
        except KeyError:
            return -1


def _block_start(document: QTextDocument, position: int) -> int:
    """A block that opens with a table begins at the table's own mark, just before the anchor."""
    while position > 0 and document.characterAt(position - 1) == _FRAME_START:
        position -= 1
    return position


def _anchor_names(block: QTextBlock) -> list[str]:
    it = block.begin()
    if it.atEnd():
        return []
    names: list[str] = it.fragment().charFormat().anchorNames()
    return names


def _starts(document: QTextDocument, names: list[str], lo: int, hi: int) -> list[int] | None:
    """Start positions of the blocks named ``names`` between positions ``lo`` and ``hi``
    (each block's anchor is on the first character of a line); None if one is missing."""
    wanted = {name: k for k, name in enumerate(names)}
    found: list[int] = [-1] * len(names)
    block = document.findBlock(lo)
    while block.isValid() and block.position() <= hi:
        for name in _anchor_names(block):
            k = wanted.get(name)
            if k is not None and found[k] < 0:
                found[k] = _block_start(document, block.position())
        block = block.next()
    return None if -1 in found else found


def _all_starts(document: QTextDocument, preview: ArticlePreview) -> list[int]:
    names = [preview.block_id(k) for k in range(len(preview))]
    found = _starts(document, names, 0, document.characterCount())
    if found is None:
        raise RuntimeError("a rendered block has no anchor")  # the core guarantees one
    return found


class _Relay(QObject):
    """Carries a worker's result to the GUI thread; parentless, so a pane deleted while a
    build runs cannot delete it under the worker."""

    done = Signal(int, object)  # generation, RenderedArticle or None (the build failed)


Make = Callable[[], "ArticlePreview"]
PIECE = 20_000  # characters of HTML a document takes at once while it is built


class Renderer(QObject):
    """Renders articles on a worker thread: the Markdown (ArticlePreview) and the
    QTextDocument are built there, so a large article never blocks the window."""

    rendered = Signal(int, object)  # generation, RenderedArticle | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.done.connect(self.rendered)

    def start(self, generation: int, make: Make) -> threading.Thread:
        """Build ``make()``'s preview into a document; ``rendered`` says when."""
        relay = self._relay  # the closure keeps it alive until the worker is done
        gui = QThread.currentThread()

        def work() -> None:
            result: RenderedArticle | None = None
            try:
                result = render(make, gui)
            finally:
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                    relay.done.emit(generation, result)

        thread = threading.Thread(target=work, name="preview", daemon=True)
        _RUNNING.add(thread)
        thread.start()
        return thread


_RUNNING: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


@atexit.register
def _finish_renderings() -> None:
    """A rendering still under way at exit finishes first: Qt must not go away under it."""
    for thread in list(_RUNNING):
        thread.join(timeout=30)


def render(make: Make, owner: QThread) -> RenderedArticle:
    """``make()``'s preview as a RenderedArticle whose document belongs to thread ``owner``.

    The document is built a piece of blocks at a time: a Qt call holds Python's lock for as
    long as it runs, and one ``setHtml`` of the largest article would freeze the window for
    most of a second; between pieces the window's thread gets its turn."""
    preview = make()
    pieces: list[str] = []
    piece: list[str] = []
    size = 0
    for html in (preview.title_html(), *preview.blocks()):
        piece.append(html)
        size += len(html)
        if size >= PIECE:
            pieces.append("".join(piece))
            piece, size = [], 0
    if piece or not pieces:
        pieces.append("".join(piece))
    document = SafeDocument()
    document.setHtml(pieces[0])
    cursor = QTextCursor(document)
    for html in pieces[1:]:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if cursor.block().length() > 1:  # a new paragraph, unless a table left an empty one
            cursor.insertBlock()
        cursor.insertHtml(html)
    rendered = RenderedArticle(preview, document)
    if document.thread() is not owner:
        document.moveToThread(owner)
    return rendered
