"""The preview pane in the window: it follows the review, edits show in place, nothing loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtTest import QTest

from reviewer.core.render.preview import SOURCE, TARGET, ArticlePreview
from reviewer.gui import dialogs, theme
from reviewer.gui.main_window import MainWindow
from reviewer.gui.preview_browser import PreviewBrowser
from reviewer.gui.preview_doc import RenderedArticle, Renderer, SafeDocument
from reviewer.gui.preview_pane import PreviewPane
from tests.core.test_render import HOSTILE
from tests.gui.gui_helpers import CORPUS, load

NOTES_AND_TABLES = "external-domain-name-system-records.md"
LONG = "permissions-in-the-security-and-compliance-center.md"


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts renderings of a whole article (each start of a worker)."""
    count: list[int] = []
    original = Renderer.start

    def counted(self, generation, make):  # type: ignore[no-untyped-def]
        count.append(generation)
        return original(self, generation, make)

    monkeypatch.setattr(Renderer, "start", counted)
    return count


def show_preview(qtbot, window: MainWindow) -> PreviewPane:  # type: ignore[no-untyped-def]
    pane = window.aids.pane
    if not pane.isVisible():
        window.registry["actionPreview"].trigger()
    qtbot.waitUntil(lambda: pane.pages.views[TARGET] is not None, timeout=20000)
    return pane


def ready(qtbot, pane: PreviewPane, side: str = TARGET) -> RenderedArticle:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: pane.pages.views[side] is not None and not pane.pages.dirty, timeout=20000
    )
    view = pane.pages.views[side]
    assert view is not None
    return view


def marks(browser: PreviewBrowser) -> dict[str, list[str]]:
    """The tinted texts, by colour."""
    out: dict[str, list[str]] = {}
    for selection in browser.extraSelections():
        colour = selection.format.background().color().name()
        out.setdefault(colour, []).append(selection.cursor.selectedText())
    return out


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(CORPUS / name, target)
    target.chmod(0o644)
    return target


def click_on(qtbot, browser: PreviewBrowser, position: int) -> None:  # type: ignore[no-untyped-def]
    browser.keep_in_view(position)
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 2)
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(
        browser.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.center().x() + 1, rect.center().y()),
    )


def test_the_preview_follows_the_current_segment_and_a_click_selects_one(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, copy(tmp_path, LONG))
    pane = show_preview(qtbot, window)
    assert pane.objectName() == "previewPane" and window.registry["actionPreview"].isChecked()
    view = ready(qtbot, pane)
    session = window.session
    ids = session.doc.pairs.ids()
    row = len(ids) - 40
    window.goto_source_row(row)
    runs = view.segment_runs(ids[row])
    assert runs
    # The current sentence is tinted in the grid's colour and scrolled into view.
    current = marks(pane.target)[theme.PREVIEW_CURRENT]
    assert "".join(current) == "".join(pane.target.toPlainText()[s:e] for s, e in runs)
    cursor = QTextCursor(pane.target.document())
    cursor.setPosition(runs[0][0])
    rect = pane.target.cursorRect(cursor)
    assert rect.top() >= 0 and rect.bottom() <= pane.target.viewport().height()
    # A click on another sentence selects its segment in the grid.
    other = row - 5
    click_on(qtbot, pane.target, view.segment_runs(ids[other])[0][0])
    assert window.current_row() == other
    assert window.detail.row == other
    # Nothing was rendered twice for moving about.
    assert pane.pages.views[TARGET] is view


def test_an_edit_shows_after_a_pause_by_replacing_only_its_block(
    qtbot, window: MainWindow, tmp_path: Path, starts: list[int]
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, copy(tmp_path, NOTES_AND_TABLES), checks=False)
    pane = show_preview(qtbot, window)
    view = ready(qtbot, pane)
    rendered_once = len(starts)
    document = pane.target.document()
    session = window.session
    # A row in a table, one in a note and a paragraph: typed in the detail editor.
    spans = session.doc.pairs.spans()
    table_row = next(k for k, (start, _) in enumerate(spans) if session.doc.text[start - 2] == "|")
    for row in (table_row, 3):
        window.goto_source_row(row)
        editor = window.detail.target
        editor.setFocus()
        QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(editor, " Gewijzigd")
        assert "Gewijzigd" not in _block_text(pane, view, session.doc.pairs.ids()[row])
        qtbot.waitUntil(lambda: not pane.pages.dirty, timeout=5000)
        assert "Gewijzigd" in _block_text(pane, view, session.doc.pairs.ids()[row])
    # Only blocks were replaced: the same document, no second rendering of the article.
    assert len(starts) == rendered_once
    assert pane.target.document() is document and pane.pages.views[TARGET] is view
    assert pane.last_update_ms > 0
    # And what shows is what a full rendering of the article now shows.
    fresh = SafeDocument()
    fresh.setHtml(ArticlePreview(session.doc).html())
    assert _lines(pane.target.toPlainText()) == _lines(fresh.toPlainText())


def test_a_structural_edit_renders_the_article_again_off_the_window(
    qtbot, window: MainWindow, tmp_path: Path, starts: list[int]
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, copy(tmp_path, NOTES_AND_TABLES), checks=False)
    pane = show_preview(qtbot, window)
    ready(qtbot, pane)
    rendered_once = len(starts)
    session = window.session
    window.review.set_target(3, "Tekst.\n\n```\nEen codeblok dat niet sluit")
    qtbot.waitUntil(lambda: len(starts) > rendered_once, timeout=5000)
    ready(qtbot, pane)
    fresh = SafeDocument()
    fresh.setHtml(ArticlePreview(session.doc).html())
    assert _lines(pane.target.toPlainText()) == _lines(fresh.toPlainText())


def test_tints_follow_check_results_and_can_be_turned_off(
    qtbot, window: MainWindow, article: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, article)
    pane = show_preview(qtbot, window)
    ready(qtbot, pane)
    warned = theme.PREVIEW_TINTS[next(iter(theme.PREVIEW_TINTS))]
    shown = marks(pane.target)
    tinted = [c for c in shown if c in theme.PREVIEW_TINTS.values()]
    assert tinted, shown
    assert any("Factureringsproducten" in t for c in tinted for t in shown[c])
    pane.action_tint.setChecked(False)
    assert set(marks(pane.target)) <= {theme.PREVIEW_CURRENT}
    pane.action_tint.setChecked(True)
    assert set(marks(pane.target)) - {theme.PREVIEW_CURRENT}
    assert warned  # the table of tints is not empty


def test_side_by_side_shows_the_source_scrolled_with_the_target(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    load(qtbot, window, copy(tmp_path, LONG), checks=False)
    pane = show_preview(qtbot, window)
    window.resize(1920, 1000)
    qtbot.wait(10)
    narrow = pane.width()
    pane.action_side.setChecked(True)
    source = ready(qtbot, pane, SOURCE)
    target = ready(qtbot, pane)
    assert pane.source.isVisible()
    # Side by side takes half the window; where the grid leaves no room for two pages next to
    # each other, the source goes above the target.
    qtbot.waitUntil(lambda: pane.width() > window.width() * 0.4)
    assert narrow < window.width() * 0.4 and pane.source.x() > pane.target.x()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: pane.source.y() > pane.target.y())
    assert pane.source.height() > 100 and pane.target.height() > 100
    ids = window.session.doc.pairs.ids()
    row = len(ids) // 2
    window.goto_source_row(row)
    english = window.session.doc.pairs[row].source
    current = "".join(marks(pane.source)[theme.PREVIEW_CURRENT])
    assert current and current.split()[0].strip("*") in english
    # Scrolling the translation takes the source to the same place.
    qtbot.wait(50)  # the views settle at their widths
    bar = pane.target.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    top_target = pane.target.visible_blocks(target.starts)[0]
    top_source = pane.source.visible_blocks(source.starts)[0]
    assert top_target > 0
    row_of = pane.alignment.row_of
    assert abs(row_of[0][top_target] - row_of[1][top_source]) <= 1
    assert pane.source.verticalScrollBar().value() > 0
    pane.action_side.setChecked(False)
    assert not pane.source.isVisible()


def test_a_hidden_preview_renders_nothing_until_shown(
    qtbot, window: MainWindow, article: Path, starts: list[int]
) -> None:  # type: ignore[no-untyped-def]
    assert not window.aids.pane.isVisible()  # off on a first start
    load(qtbot, window, article)
    assert starts == [] and window.aids.pane.pages.views[TARGET] is None
    pane = show_preview(qtbot, window)
    assert len(starts) == 1
    window.registry["actionPreview"].trigger()
    assert not pane.isVisible()


def test_rendering_loads_nothing_and_runs_no_script(
    qtbot, window: MainWindow, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # A target and a source of the file itself hold hostile HTML, and a target is edited to.
    data = article.read_bytes()
    data = data.replace(
        b"If you are a trial customer, there is nothing to cancel.",
        b"Trial " + HOSTILE.encode(),
    ).replace(
        b"Als u een proefklant bent, is er niets om te annuleren.",
        b"Proef " + HOSTILE.encode(),
    )
    article.write_bytes(data)
    opened: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, *a, **k: asked.append(text) or False
    )
    load(qtbot, window, article, checks=False)
    pane = show_preview(qtbot, window)
    pane.action_side.setChecked(True)
    ready(qtbot, pane, SOURCE)
    window.review.set_target(4, "Bewerkt " + HOSTILE)
    view = ready(qtbot, pane)
    window.goto_source_row(4)
    for side, browser in pane.browsers.items():
        document = browser.document()
        assert isinstance(document, SafeDocument)
        assert document.asked == [] and browser.asked == [], side
        text = browser.toPlainText()
        assert "<script>alert(1)</script>" in text  # shown as text, never run
        assert "[Image:" in text  # an image is a placeholder, never fetched
        assert "evil.example" not in _hrefs(document)
    # A web link asks before anything opens; declined, nothing opens.
    position = view.document.find("goed").selectionStart()
    click_on(qtbot, pane.target, position)
    assert asked and "https://learn.microsoft.com/" in asked[0]
    assert opened == []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    click_on(qtbot, pane.target, position)
    assert opened == ["https://learn.microsoft.com/"]
    # Other links only say what they are.
    for url, said in (
        ("xref:Microsoft.Office.Interop.Excel", "Cross-reference"),
        ("../admin/index.md", "another docs page"),
        ("#opzeggen", "section"),
    ):
        pane.target.anchorClicked.emit(QUrl(url))
        assert said in window.statusBar().currentMessage()
    assert opened == ["https://learn.microsoft.com/"]
    assert all(isinstance(b.document(), SafeDocument) for b in pane.browsers.values())
    assert pane.target.source().isEmpty()  # the view never navigated anywhere


def _hrefs(document: SafeDocument) -> set[str]:
    out: set[str] = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                out.add(href)
            it += 1
        block = block.next()
    return out


def _block_text(pane: PreviewPane, view: RenderedArticle, pid: str) -> str:
    start, end = view.block_range(view.preview.block_of(pid))
    return pane.target.toPlainText()[start:end]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "name", [NOTES_AND_TABLES, LONG, "canceling-your-office-365-subscription.md"]
)
def test_a_document_built_in_pieces_shows_what_one_built_at_once_shows(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    from reviewer.core.format import parse
    from reviewer.gui import preview_doc

    preview = ArticlePreview(parse((CORPUS / name).read_bytes()))
    assert name != LONG or len(preview.html()) > 4 * preview_doc.PIECE  # several pieces
    whole = SafeDocument()
    whole.setHtml(preview.html())
    built = preview_doc.render(lambda: preview, whole.thread())
    assert _lines(built.document.toPlainText()) == _lines(whole.toPlainText())
    assert len(built) == len(preview)  # every block found by its anchor
    # The same height laid out, give or take a few lines at the seams.
    heights = []
    for document in (built.document, whole):
        document.setTextWidth(600)
        heights.append(document.size().height())
    assert abs(heights[0] - heights[1]) <= 0.01 * heights[1], heights


@pytest.mark.parametrize("name", [NOTES_AND_TABLES, LONG])
def test_block_starts_stay_true_through_many_edits(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    import random

    from reviewer.core.format import parse
    from reviewer.gui import preview_doc

    doc = parse((CORPUS / name).read_bytes())
    preview = ArticlePreview(doc)
    view = preview_doc.render(lambda: preview, SafeDocument().thread())
    names = [preview.block_id(k) for k in range(len(preview))]
    ids = doc.pairs.ids()
    rows = [k for k, text in enumerate(doc.pairs.targets()) if " " in text.strip()]
    for row in random.Random(20261203).sample(rows, min(120, len(rows))):
        words = doc.pairs.target_at(row).split(" ")
        words[len(words) // 2] += "x"
        assert view.apply(preview.update(ids[row], " ".join(words)))
        truth = preview_doc._starts(view.document, names, 0, view.document.characterCount())
        assert view.starts == truth, row
    fresh = SafeDocument()
    fresh.setHtml(preview.html())
    assert _lines(view.document.toPlainText()) == _lines(fresh.toPlainText())
