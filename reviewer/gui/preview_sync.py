"""Side by side in the preview: which blocks of the translation and the source show the same
segments, and scrolling one side takes the other to the same place."""

from __future__ import annotations

from reviewer.core.render.sidebyside import align_blocks
from reviewer.gui.preview_browser import PreviewBrowser
from reviewer.gui.preview_doc import RenderedArticle


class Alignment:
    """Rows of aligned blocks (``rows[r] = (target blocks, source blocks)``) and the row of each
    block on each side (``row_of[0]`` the target's, ``row_of[1]`` the source's)."""

    def __init__(self) -> None:
        self.rows: list[tuple[list[int], list[int]]] = []
        self.row_of: tuple[list[int], list[int]] = ([], [])

    def clear(self) -> None:
        self.rows, self.row_of = [], ([], [])

    def align(self, target: RenderedArticle, source: RenderedArticle) -> None:
        self.rows = align_blocks(target.preview, source.preview)
        row_of: tuple[list[int], list[int]] = ([0] * len(target), [0] * len(source))
        for r, (lefts, rights) in enumerate(self.rows):
            for b in lefts:
                row_of[0][b] = r
            for b in rights:
                row_of[1][b] = r
        self.row_of = row_of

    def follow(
        self,
        lead: PreviewBrowser,
        lead_view: RenderedArticle,
        follow: PreviewBrowser,
        follow_view: RenderedArticle,
        k: int,
    ) -> None:
        """Scroll ``follow`` to where ``lead`` (side ``k``: 0 target, 1 source) shows: the same
        aligned row, the same share of the way through it."""
        if not self.rows:
            return
        top = lead.verticalScrollBar().value()
        r = self.row_of[k][lead.visible_blocks(lead_view.starts)[0]]
        lo, hi = self._row_y(lead, lead_view, k, r), self._row_y(lead, lead_view, k, r + 1)
        share = min(max((top - lo) / (hi - lo), 0.0), 1.0) if hi > lo else 0.0
        f_lo = self._row_y(follow, follow_view, 1 - k, r)
        f_hi = self._row_y(follow, follow_view, 1 - k, r + 1)
        follow.scroll_to(round(f_lo + share * (f_hi - f_lo)))

    def _row_y(self, browser: PreviewBrowser, view: RenderedArticle, k: int, r: int) -> int:
        """Where aligned row ``r`` begins on one side (the next row with blocks, if it has none)."""
        while r < len(self.rows):
            blocks = self.rows[r][k]
            if blocks:
                return browser.doc_y(view.starts[blocks[0]])
            r += 1
        return round(browser.document().size().height())
