"""Render the documentation screenshots offscreen: python bench/screenshots.py [OUT_DIR].

The window at 1400x900, 1280x720 and 1024x600, a filter, the flag-issue dialog, and the target
editor marking characters that do not show (no-break space, CR, line separators).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ARTICLE = ROOT / "tests" / "data" / "corpus" / "legacy-ediscovery-retirement.md"
SIZES = ((1400, 900), (1280, 720), (1024, 600))


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.gui import dialogs
    from reviewer.gui.main_window import MainWindow

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    os.environ["REVIEWER_DATA_DIR"] = str(work / "data")
    app = QApplication.instance() or QApplication([sys.argv[0]])

    def settle(condition: Callable[[], bool] = lambda: False, seconds: float = 0.3) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            app.processEvents()
            time.sleep(0.01)

    def shoot(widget: object, name: str) -> None:
        image = widget.grab()  # type: ignore[attr-defined]
        image.save(str(out / name))
        print(f"wrote {out / name} ({image.width()}x{image.height()})")

    article = work / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    for width, height in SIZES:
        # Each window as on a first start: no layout remembered from the one before.
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / f"{width}")
        )
        window = MainWindow()
        window.resize(width, height)
        window.show()
        window.open_path(str(article))
        session = window.session
        settle(lambda s=session: s is not None and s.checks_ready, 20)
        window.goto_source_row(0)
        window.nav.next_issue(True)
        settle()
        shoot(window, f"window-{width}x{height}.png")
        if width == 1400:
            shoot(window, "main-window.png")
            window.filter_bar.text.setText("eDiscovery")
            window.filter_bar.apply_now()
            settle()
            shoot(window, "filter.png")
            window.filter_bar.clear()
            # The flag dialog, prefilled from the selected check result.
            finding = window.detail.selected_finding()
            prefill = (
                dialogs.IssueInput(
                    finding.category, finding.mqm_severity, finding.message, check_code=finding.code
                )
                if finding
                else None
            )
            dialog = dialogs.FlagIssueDialog(window, prefill, "Flag issue on #8")
            dialog.show()
            settle()
            shoot(dialog, "flag-issue-dialog.png")
            dialog.close()
            # Characters that do not show are marked in the editor.
            target = window.session.doc.pairs[2].target
            window.goto_source_row(2)
            special = target.replace(" ", "\u00a0", 1).rstrip(".") + ",\r\nen\u2028verder."
            window.review.set_target(2, special)
            settle()
            shoot(window.detail, "special-characters.png")
        # Leave nothing behind: no save, no journal that the next window would offer back.
        if window.files.autosave is not None:
            window.files.autosave.discard()
            window.files.autosave = None
        window.files.maybe_save = lambda: True  # type: ignore[method-assign]
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
