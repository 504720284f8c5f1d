"""Screenshots of the spelling menu, the glossary dock and the check settings page, at the
default size and at 1024x600 (used by screenshots.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# An article with real misspellings ("verticaalen", segment 6c73d-178) and glossary terms.
ARTICLE = ROOT / "tests" / "data" / "corpus" / "configure-search-for-multi-geo.md"
SIZES = ((1400, 900), (1024, 600))
TERMS = (
    ("Search Center", "zoekcentrum", ["zoekcentra"], "the UI's name for it"),
    ("search vertical", "zoekverticaal", ["zoek verticaal"], ""),
    ("Microsoft Search", "Microsoft Search", [], ""),
)


def shoot_language(
    work: Path, shoot: Callable[[Any, str], None], settle: Callable[..., None]
) -> None:
    """Each size in a window as on a first start: no settings folder, no layout remembered."""
    import os
    import shutil

    from PySide6.QtCore import QSettings

    os.environ["REVIEWER_CONFIG"] = str(work / "config" / "config.yaml")
    article = work / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    for width, height in SIZES:
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / f"l{width}")
        )
        language_shots(article, width, height, settle, shoot)


def language_shots(
    article: Path,
    width: int,
    height: int,
    settle: Callable[..., None],
    shoot: Callable[[Any, str], None],
) -> None:
    """The spelling menu on a real misspelling, the glossary dock with the source's terms
    marked, and both pages of the check settings, as a user sees them at this size."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QContextMenuEvent, QPainter, QTextCursor
    from PySide6.QtWidgets import QApplication, QMenu

    from reviewer.gui import check_data
    from reviewer.gui.check_settings_dialog import CheckSettingsDialog
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.term_dialog import TermDialog, TermInput

    size = f"{width}x{height}"
    window = MainWindow()
    window.resize(width, height)
    window.show()
    window.open_path(str(article))
    ready = lambda: window.session is not None and window.session.checks_ready  # noqa: E731
    settle(lambda: ready() and check_data.loaded(), 30)
    session = window.session
    assert session is not None
    window.goto_source_row(session.doc.pairs.ids().index("6c73d-178"))
    settle()
    # Right-click the misspelled word. The offscreen screen is 800 pixels wide and keeps a
    # popup inside it, so the menu is painted where a real screen would show it.
    editor = window.detail.target
    editor.setFocus()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.true_text().index("verticaalen") + 2)
    rect = editor.cursorRect(cursor)
    at = QPoint(rect.x(), rect.center().y())
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, editor.viewport().mapToGlobal(at),
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(editor.viewport(), event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    waiting = lambda: any(a.objectName() == "spellWaiting" for a in menu.actions())  # noqa: E731
    settle(lambda: not waiting(), 5)
    menu.setActiveAction(menu.actions()[0])
    settle()
    picture = window.grab()
    place = window.mapFromGlobal(editor.viewport().mapToGlobal(at)) + QPoint(2, 2)
    place.setX(min(place.x(), width - menu.width()))
    place.setY(min(place.y(), height - menu.height()))
    painter = QPainter(picture)
    painter.drawPixmap(place, menu.grab())
    painter.end()
    shoot(picture, f"spelling-menu-{size}.png")
    menu.close()
    # The glossary: a few terms of this article, the dock shown, the terms marked.
    dock = window.language.glossary
    for english, dutch, forbidden, note in TERMS:
        dock.model.put(-1, TermInput(english, dutch, forbidden, note))
    settle(lambda: bool(window.language.marks.marks), 10)
    window.registry["actionGlossary"].trigger()
    settle(lambda: ready(), 10)
    settle()
    shoot(window, f"glossary-{size}.png")
    if width == SIZES[0][0]:
        dialog = TermDialog(window, TermInput("Search Center", "zoekcentrum"), "glossary.csv")
        dialog.show()
        settle()
        shoot(dialog, "term-dialog.png")
        dialog.close()
    # The check settings page, both tabs.
    window.registry["actionCheckSettings"].trigger()
    settings = window.findChild(CheckSettingsDialog, "checkSettingsDialog")
    assert settings is not None
    settle()
    shoot(settings, f"check-settings-{size}.png")
    settings.tabs.setCurrentIndex(1)
    # A few words of the user's own, added on the page as a user types them.
    words = settings.files.words
    for word in ("verticaalen", "zoekverticalen", "multi-geo-tenant", "Geo-locatie"):
        if word not in words.words():  # the second size finds them added
            words.word.setText(word)
            words.add_typed()
    settle()
    shoot(settings, f"check-settings-terms-{size}.png")
    settings.reject()
    if window.files.autosave is not None:
        window.files.autosave.discard()
        window.files.autosave = None
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()
