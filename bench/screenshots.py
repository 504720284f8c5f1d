"""Render the documentation screenshots offscreen: python bench/screenshots.py [OUT_DIR]
[--project | --preview | --lang nl].

The window at 1400x900, 1280x720 and 1024x600, a filter, the flag-issue dialog, and the target
editor marking characters that do not show (no-break space, CR, line separators), the import
preview and the export dialog; the spelling menu, the glossary dock and the check settings page
at 1400x900 and 1024x600 (bench/language_shots.py). Then a project: 300 real articles copied
from ../shared/articles when it is there (else the test project), some of them part reviewed,
in the project view, the search dock and the replace preview. The preview beside the grid
(bench/preview_shots.py). With --project or --preview, only those shots; with --lang nl, only
the window and the flag-issue dialog in that language (main-window-nl.png,
flag-issue-dialog-nl.png).
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
SHARED = ROOT.parent.parent / "shared" / "articles"  # /work/shared/articles beside the worktrees
PROJECT_SIZE = 300
MISTAKE = "toegangs token"  # a split compound machine translation repeats across articles


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication

    from bench.exchange_shots import shoot_exchange
    from bench.language_shots import shoot_language
    from bench.preview_shots import shoot_preview
    from reviewer.gui import issue_dialog
    from reviewer.gui.main_window import MainWindow

    args = [a for a in sys.argv[1:] if a not in ("--project", "--preview")]
    only_project = "--project" in sys.argv[1:]  # just the project's shots
    lang = ""
    if "--lang" in args:
        k = args.index("--lang")
        lang = args[k + 1] if k + 1 < len(args) else ""
        del args[k : k + 2]
        if lang not in ("en", "nl"):
            print("--lang takes en or nl", file=sys.stderr)
            return 2
    only_preview = "--preview" in sys.argv[1:]  # just the preview's shots
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
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
        """Save a widget as it paints (or a picture already made) as ``name``."""
        image = widget if isinstance(widget, QPixmap) else widget.grab()  # type: ignore[attr-defined]
        image.save(str(out / name))
        print(f"wrote {out / name} ({image.width()}x{image.height()})")

    article = work / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    if lang:
        return translated_shots(lang, article, work, settle, shoot)
    if only_preview:
        shoot_preview(work, settle, shoot)
        return 0
    for width, height in () if only_project else SIZES:
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
                issue_dialog.IssueInput(
                    finding.category, finding.mqm_severity, finding.message, check_code=finding.code
                )
                if finding
                else None
            )
            dialog = issue_dialog.FlagIssueDialog(window, prefill, "Flag issue on #8")
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
            shoot_exchange(window, work, shoot, settle)
        # Leave nothing behind: no save, no journal that the next window would offer back.
        if window.files.autosave is not None:
            window.files.autosave.discard()
            window.files.autosave = None
        window.files.maybe_save = lambda: True  # type: ignore[method-assign]
        window.close()
    if not only_project:
        shoot_language(work, shoot, settle)
        shoot_preview(work, settle, shoot)
    project_shots(out, work, settle, shoot)
    return 0


def translated_shots(
    lang: str,
    article: Path,
    work: Path,
    settle: Callable[..., None],
    shoot: Callable[[object, str], None],
) -> int:
    """The window as a user with that language sees it on a first start."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.gui import issue_dialog, language
    from reviewer.gui.main_window import MainWindow

    app = QApplication.instance()
    assert app is not None
    language.install(app, lang)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / lang))
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_path(str(article))
    session = window.session
    settle(lambda s=session: s is not None and s.checks_ready, 20)
    window.goto_source_row(0)
    window.nav.next_issue(True)
    settle()
    shoot(window, f"main-window-{lang}.png")
    finding = window.detail.selected_finding()
    prefill = (
        issue_dialog.IssueInput(
            finding.category, finding.mqm_severity, finding.message, check_code=finding.code
        )
        if finding
        else None
    )
    row = window.nav.current_row()
    title = QCoreApplication.translate("ReviewController", "Flag issue on #{n} ({id})")
    pair = window.session.doc.pairs[row] if window.session is not None else None
    heading = title.format(n=row + 1, id=pair.id) if pair is not None else ""
    dialog = issue_dialog.FlagIssueDialog(window, prefill, heading)
    dialog.show()
    settle()
    shoot(dialog, f"flag-issue-dialog-{lang}.png")
    dialog.close()
    window.close()
    language.uninstall(app)
    return 0


def copy_project(folder: Path) -> Path:
    """PROJECT_SIZE real articles: those holding MISTAKE and an even spread of the rest."""
    root = folder / "articles"
    if not SHARED.is_dir():
        sys.path.insert(0, str(ROOT))
        from tests.core.project_data import make_project

        return make_project(folder)
    every = sorted(p for p in SHARED.rglob("*.md") if p.name != "SOURCES.md")
    marked = [p for p in every if MISTAKE in p.read_text(encoding="utf-8", errors="replace")]
    rest = [p for p in every if p not in set(marked)]
    step = max(1, len(rest) // (PROJECT_SIZE - len(marked)))
    for src in sorted(marked + rest[::step][: PROJECT_SIZE - len(marked)]):
        target = root / src.relative_to(SHARED)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return root


def review_some(root: Path) -> None:
    """A project under way: a third of the articles part approved, a dozen part reviewed with
    an issue each."""
    from reviewer.core.edits import AddIssue, SetState
    from reviewer.core.mqm import Issue, Severity
    from reviewer.core.project import ApprovalCriteria, apply_approval, open_project, plan_approval
    from reviewer.core.segments import State

    project = open_project(str(root))
    rels = project.rels
    plan = plan_approval(project, rels[::3], ApprovalCriteria(clean=True))
    for k, article in enumerate(plan.articles):
        article.rows = article.rows[: len(article.rows) * (k % 4 + 1) // 4]
    apply_approval(project, plan, user="Ann de Vries", keep_for_undo=False)
    for rel in rels[1::25]:
        ws = project.open_workspace(rel, user="Bart Smit")
        rows = tuple(range(0, len(ws.doc.pairs), 2))
        if rows:
            ws.session.apply(SetState(row_list=rows, state=State.REVIEWED, author="Bart Smit"))
            issue = Issue("accuracy/mistranslation", Severity.MAJOR, "Term: toegangstoken")
            ws.session.apply(AddIssue(row=rows[-1], issue=issue, author="Bart Smit"))
            ws.save()


def project_shots(
    out: Path, work: Path, settle: Callable[..., None], shoot: Callable[[object, str], None]
) -> None:
    from PySide6.QtCore import QSettings, Qt

    from reviewer.gui.main_window import MainWindow

    os.environ["REVIEWER_CACHE_DIR"] = str(work / "cache")
    root = copy_project(work / "project")
    review_some(root)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "p"))
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    features = window.project
    features.open_path(str(root))
    settle(lambda: features.part.project is not None and not features.part.jobs.busy, 300)
    view = features.view
    view.table.selectRow(1)
    settle()
    shoot(window, "project-view.png")
    features.search.focus_search()
    features.search.text.setText(MISTAKE)
    settle()
    # A hit whose source other articles translate too, so the translations panel has some.
    memory = features.part.memory
    assert memory is not None
    k, hit = next(
        (k, h)
        for k, h in enumerate(features.search.model.hits)
        if len(memory.lookup(h.source, exclude=[(h.rel, h.row)])) >= 2
    )
    features.search.view.selectRow(k)
    features.part.open_rel(hit.rel, hit.row, hit.pair_id)
    features.search.raise_()
    window.resizeDocks([features.search], [330], Qt.Orientation.Vertical)
    window.resizeDocks([features.search, features.matches], [1000, 400], Qt.Orientation.Horizontal)
    settle(lambda: window.session is not None and window.session.checks_ready, 30)
    settle()
    shoot(window, "project-search.png")
    features.replace()  # Edit › Find and Replace
    assert features.replacer is not None and features.replacer.dialog is not None
    dialog = features.replacer.dialog
    dialog.find_text.setText(MISTAKE)
    dialog.replace_text.setText("toegangstoken")
    dialog.in_project.setChecked(True)
    dialog.preview.click()
    settle(lambda: dialog.plan is not None, 30)
    settle()
    shoot(dialog, "project-replace.png")
    dialog.close()
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()


if __name__ == "__main__":
    sys.exit(main())
