"""The preview HTML in a real QTextBrowser: anchors, click-to-segment, nothing loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from reviewer.core.format import parse
from reviewer.core.render.preview import ArticlePreview
from reviewer.core.render.style import CURRENT, PREVIEW_CSS
from tests.core.test_render import HOSTILE, article
from tests.corpus import CORPUS, SAMPLE


class Browser(QTextBrowser):
    """Records every resource Qt asks for: images, style sheets, linked documents."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.setOpenLinks(False)  # the view decides what a click does
        self.document().setDefaultStyleSheet(PREVIEW_CSS)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        self.asked.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None


def anchor_position(doc: QTextDocument, name: str) -> int:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if name in fragment.charFormat().anchorNames():
                return fragment.position()
            it += 1
        block = block.next()
    return -1


def test_segments_are_found_by_anchor_and_by_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = ArticlePreview(parse((CORPUS / SAMPLE).read_bytes(), SAMPLE))
    preview.set_marks({"1f4c8-107": CURRENT})
    browser = Browser()
    qtbot.addWidget(browser)
    browser.resize(700, 500)
    browser.setHtml(preview.html())
    browser.show()
    qtbot.waitExposed(browser)
    doc = browser.document()
    start = anchor_position(doc, "seg-1f4c8-107")
    assert start >= 0
    # Where the user clicks, the character's tooltip names the segment.
    cursor = QTextCursor(doc)
    cursor.setPosition(start + 2)
    assert cursor.charFormat().toolTip() == "1f4c8-107"
    rect = browser.cursorRect(cursor)
    hit = browser.cursorForPosition(QPoint(rect.center().x() + 1, rect.center().y()))
    assert hit.charFormat().toolTip() == "1f4c8-107"
    # The current segment is tinted by the style sheet's class.
    assert cursor.charFormat().background().color().name() == "#fff0a8"
    # Every block can be found again for an update.
    for b in range(len(preview)):
        assert anchor_position(doc, preview.block_id(b)) >= 0
    browser.scrollToAnchor("seg-1f4c8-112")
    assert not browser.asked


def test_every_block_has_an_anchor_and_an_update_can_replace_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = article(
        [("a-101", "One.", "Een."), ("a-102", "Two.", "Twee."), ("a-103", "Three.", "Drie.")],
        between="\n\n***\n\n",  # rules between paragraphs: blocks with no text of their own
    )
    preview = ArticlePreview(doc)
    browser = Browser()
    qtbot.addWidget(browser)
    browser.setHtml(preview.html())
    qdoc = browser.document()
    assert len(preview) == 5
    for b in range(len(preview)):
        assert anchor_position(qdoc, preview.block_id(b)) >= 0, b
    # Replace the updated block between its anchor and the next block's, as the pane will.
    update = preview.update("a-102", "Twee, **bewerkt**.")
    assert not update.full and update.replaced == 1
    cursor = QTextCursor(qdoc)
    cursor.setPosition(anchor_position(qdoc, preview.block_id(update.index)))
    end = anchor_position(qdoc, preview.block_id(update.index + 1))
    # Up to the next block's paragraph separator, not over it, so the blocks stay apart.
    cursor.setPosition(end - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertHtml(update.html)
    fresh = QTextDocument()
    fresh.setHtml(preview.html())
    assert qdoc.blockCount() == fresh.blockCount()
    lines = [line.strip() for line in browser.toPlainText().splitlines()]
    assert lines == [line.strip() for line in fresh.toPlainText().splitlines()]
    assert "Twee, bewerkt." in lines
    for b in range(len(preview)):
        assert anchor_position(qdoc, preview.block_id(b)) >= 0, b
    assert anchor_position(qdoc, "seg-a-102") >= 0


def test_a_hostile_target_loads_nothing_and_links_are_only_signalled(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = ArticlePreview(article([("a-101", "x", "Tekst " + HOSTILE), ("a-102", "y", HOSTILE)]))
    browser = Browser()
    qtbot.addWidget(browser)
    browser.setHtml(preview.html())
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.asked == []  # no image, style sheet or page was requested
    text = browser.toPlainText()
    assert "<script>alert(1)</script>" in text  # shown as text, never run
    clicked: list[str] = []
    browser.anchorClicked.connect(lambda url: clicked.append(url.toString()))
    doc = browser.document()
    position = doc.find("goed").position() - 1
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    assert cursor.charFormat().anchorHref() == "https://learn.microsoft.com/"
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(
        browser.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.center().x() + 2, rect.center().y()),
    )
    assert clicked == ["https://learn.microsoft.com/"]
    assert browser.source().isEmpty() and browser.asked == []
