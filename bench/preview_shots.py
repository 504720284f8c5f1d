"""Screenshots of View › Preview beside the grid and of the markup help (used by screenshots.py).

The seed article at the segment whose bold and link machine translation broke (1f4c8-107), the
target alone; an article with notes and tables, source beside target; the target editor with
whitespace shown.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
SEED = ("canceling-your-office-365-subscription.md", "1f4c8-107")
NOTES_AND_TABLES = ("external-domain-name-system-records.md", "e9a7f-196")  # a note, a table


def shoot_preview(
    work: Path, settle: Callable[..., None], shoot: Callable[[Any, str], None]
) -> None:
    from PySide6.QtCore import QSettings

    from reviewer.core.render.preview import SOURCE, TARGET
    from reviewer.gui.main_window import MainWindow

    for (name, pid), shot, side_by_side, size in (
        (SEED, "preview-seed.png", False, (1600, 900)),
        (NOTES_AND_TABLES, "preview-notes-tables.png", True, (1920, 1080)),
    ):
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / shot))
        article = work / name
        shutil.copyfile(CORPUS / name, article)
        window = MainWindow()
        window.resize(*size)
        window.show()
        pane = window.aids.pane
        pane.action_side.setChecked(side_by_side)
        window.registry["actionPreview"].trigger()
        window.open_path(str(article))
        session = window.session
        assert session is not None
        sides = (TARGET, SOURCE) if side_by_side else (TARGET,)

        def ready(s: Any = session, p: Any = pane, sides: tuple[str, ...] = sides) -> bool:
            return bool(s.checks_ready) and all(p.pages.views[k] is not None for k in sides)

        settle(ready, 60)
        row = session.row_of(pid)
        window.goto_source_row(row)
        settle()
        shoot(window, shot)
        if not side_by_side:
            shoot_whitespace(window, row, settle, shoot)
        _close(window)


def shoot_whitespace(
    window: Any, row: int, settle: Callable[..., None], shoot: Callable[[Any, str], None]
) -> None:
    """The detail pane's target editor with spaces, a no-break space and a tab shown."""
    session = window.session
    target = session.doc.pairs[row].target
    window.review.set_target(row, target.replace(" ", "\u00a0", 1).replace(" ", "\t", 1))
    window.registry["actionShowWhitespace"].setChecked(True)
    window.detail.target.setFocus()
    settle()
    shoot(window.detail, "markup-whitespace.png")
    window.registry["actionShowWhitespace"].setChecked(False)


def _close(window: Any) -> None:
    """Leave nothing behind: no save, no journal that the next window would offer back."""
    if window.files.autosave is not None:
        window.files.autosave.discard()
        window.files.autosave = None
    window.files.maybe_save = lambda: True
    window.close()
