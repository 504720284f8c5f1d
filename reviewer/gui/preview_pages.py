"""The preview's rendered pages: built on workers, the latest one adopted, edits replayed in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel

from reviewer.core.render.sides import SOURCE, TARGET
from reviewer.core.session import ReviewSession
from reviewer.gui.preview_browser import PreviewBrowser
from reviewer.gui.preview_doc import RenderedArticle, Renderer, SafeDocument

if TYPE_CHECKING:
    from reviewer.core.render.preview import ArticlePreview

REPLAY_LIMIT = 60  # more edits than this while hidden: render again rather than replay each


def _fresh(session: ReviewSession, side: str) -> Callable[[], ArticlePreview]:
    # The renderer (markdown-it) is imported once the table has painted, not before.
    from reviewer.core.render.preview import ArticlePreview

    doc = session.doc
    return lambda: ArticlePreview(doc, side)


def _ready(preview: ArticlePreview) -> Callable[[], ArticlePreview]:
    return lambda: preview


class PreviewPages(QObject):
    """Each side's page (``views``), rendered on a worker and shown in its browser once it is
    the latest asked for; ``adopted`` says a side's new page is in. The rows edited since a
    page was made wait in ``dirty`` until ``replay``."""

    adopted = Signal(str)  # the side whose page the browser now shows

    def __init__(self, browsers: dict[str, PreviewBrowser], busy: QLabel, owner: QObject) -> None:
        super().__init__(owner)
        self.browsers = browsers
        self.busy = busy
        self.views: dict[str, RenderedArticle | None] = {TARGET: None, SOURCE: None}
        self._shown: dict[str, SafeDocument | None] = {TARGET: None, SOURCE: None}
        self._generation = {TARGET: 0, SOURCE: 0}
        self._building = {TARGET: False, SOURCE: False}
        self.dirty: set[int] = set()  # rows edited since the preview last showed them
        # Parented to the pane, as the renderers were before the pages had a module.
        self._renderers = {TARGET: Renderer(owner), SOURCE: Renderer(owner)}
        for side, renderer in self._renderers.items():
            renderer.rendered.connect(
                lambda generation, result, side=side: self._adopt(side, generation, result)
            )

    def reset(self) -> None:
        """Another article (or none): a rendering still under way is for the one before."""
        self.dirty.clear()
        for side in (TARGET, SOURCE):
            self._generation[side] += 1
            self._building[side] = False
            self.views[side] = None
            self.browsers[side].set_marks([])

    def render_missing(self, session: ReviewSession, sides: list[str]) -> None:
        """Start the pages of ``sides`` that are neither shown nor under way."""
        for side in sides:
            if self.views[side] is None and not self._building[side]:
                if side == TARGET:
                    self.dirty.clear()  # the worker reads every current target
                self.render(side, _fresh(session, side))

    def render(self, side: str, make: Callable[[], ArticlePreview]) -> None:
        self._generation[side] += 1
        self._building[side] = True
        self.views[side] = None  # until the new one is in, edits wait in dirty
        self.busy.setText(QCoreApplication.translate("PreviewPane", "Rendering…"))
        self._renderers[side].start(self._generation[side], make)

    def _adopt(self, side: str, generation: int, result: object) -> None:
        if generation != self._generation[side]:
            if isinstance(result, RenderedArticle):
                result.document.deleteLater()  # for an article no longer shown
            return
        self._building[side] = False
        self.busy.setText(
            ""
            if not any(self._building.values())
            else QCoreApplication.translate("PreviewPane", "Rendering…")
        )
        if not isinstance(result, RenderedArticle):
            self.busy.setText(
                QCoreApplication.translate(
                    "PreviewPane", "The preview could not be rendered; see the terminal."
                )
            )
            return
        browser = self.browsers[side]
        browser.set_marks([])
        result.document.setParent(browser)
        browser.setDocument(result.document)
        shown, self._shown[side] = self._shown[side], result.document
        if shown is not None:
            shown.deleteLater()  # the one it replaces (the browser deletes only its own first)
        self.views[side] = result
        self.adopted.emit(side)

    def replay(self, session: ReviewSession) -> bool | None:
        """Put the edited rows into the target's page, each replacing only its block: whether
        a block count changed, or None when the page is being rendered again instead."""
        view = self.views[TARGET]
        assert view is not None
        if len(self.dirty) > REPLAY_LIMIT:
            self.render(TARGET, _fresh(session, TARGET))
            self.dirty.clear()
            return None
        preview, pairs = view.preview, session.doc.pairs
        reshaped = False
        for row in sorted(self.dirty):
            self.dirty.discard(row)
            pid = preview.ids[row]
            if session.row_of(pid) != row:
                continue  # a repeated id: the page shows the first segment of that id
            update = preview.update(pid, pairs.target_at(row))
            if not view.apply(update):
                # The block structure changed: the whole page again, off the GUI thread.
                self.render(TARGET, _ready(preview))
                return None
            reshaped = reshaped or len(update.blocks) != update.replaced
        return reshaped
