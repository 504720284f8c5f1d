"""The window module imports no exporter, importer, dialog or Markdown renderer before its first
paint, and the launcher imports the window's Qt-free modules before PySide6."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
# Used only from menus, drops or once the table has painted: imported on first use.
DEFERRED = (
    "markdown_it",
    "reviewer.core.export_formats",
    "reviewer.core.importing",
    "reviewer.core.render.preview",
    "reviewer.core.render.report",
    "reviewer.gui.change_preview",
    "reviewer.gui.check_settings_dialog",
    "reviewer.gui.dialogs",
    "reviewer.gui.export_dialog",
    "reviewer.gui.help_dialogs",
    "reviewer.gui.import_dialog",
    "reviewer.gui.issue_dialog",
    "reviewer.gui.language_files",
    "reviewer.gui.project_dialogs",
    "reviewer.gui.replace_dialog",
    "reviewer.gui.term_dialog",
    "importlib.readers",
    "multiprocessing.pool",
    "yaml",
)


def test_window_module_defers_menu_only_imports() -> None:
    code = (
        "import json, sys\n"
        "import reviewer.gui.main_window\n"
        f"print(json.dumps([m for m in {DEFERRED!r} if m in sys.modules]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_core_modules_are_imported_before_qt() -> None:
    """Every module of reviewer.core the window imports is in app.BEFORE_QT's closure (after
    PySide6 loads, every new module costs its source file read by PySide6's import hook)."""
    code = (
        "import json, sys\n"
        "from reviewer.gui import app\n"
        "app.import_before_qt()\n"
        "import PySide6.QtWidgets\n"
        "before = set(sys.modules)\n"
        "import reviewer.gui.main_window\n"
        "late = [m for m in sys.modules if m not in before and m.startswith('reviewer.core')]\n"
        "print(json.dumps(late))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_before_qt_list_imports_no_qt() -> None:
    code = (
        "import json, sys\n"
        "from reviewer.gui import app\n"
        "app.import_before_qt()\n"
        "print(json.dumps([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


# Parts of the window not on screen when an article opens: made when first wanted.
PROJECT_ONLY = (
    "reviewer.core.project",
    "reviewer.gui.concordance_panel",
    "reviewer.gui.glossary_editor",
    "reviewer.gui.preview_marks",
    "reviewer.gui.preview_pages",
    "reviewer.gui.preview_pane",
    "reviewer.gui.project_columns",
    "reviewer.gui.project_filters",
    "reviewer.gui.project_part",
    "reviewer.gui.project_totals",
    "reviewer.gui.project_view",
    "reviewer.gui.search_dock",
)


def test_an_article_opens_without_the_project_part_or_a_hidden_dock(tmp_path: Path) -> None:
    article = next(iter(sorted(CORPUS.glob("*.md"))))
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication, QDockWidget, QWidget\n"
        "from reviewer.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        "w = MainWindow(settings=settings)\n"
        "w.show()\n"
        f"assert w.open_path({str(article)!r})\n"
        "mods = [m for m in sys.modules if m.startswith(" + repr(PROJECT_ONLY) + ")]\n"
        "docks = [d.objectName() for d in w.findChildren(QDockWidget)]\n"
        "view = w.findChild(QWidget, 'projectView') is not None\n"
        "print(json.dumps([mods, docks, view]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    mods, docks, view = json.loads(done.stdout.strip().splitlines()[-1])
    assert mods == [] and docks == ["issuesDock"] and view is False


# Asked for only by a menu, a drop or a failure: not imported by an open and its first paint.
NOT_BEFORE_PAINT = (
    "reviewer.gui.dialogs",
    "reviewer.gui.exchange",
    "reviewer.gui.help_dialogs",
    "reviewer.gui.issue_dialog",
    "reviewer.gui.preferences",
)
# Classes nothing on screen uses. PySide loads a class when it is first named, and wrapping a
# plain QWidget the C++ side made (a viewport) names every subclass of QWidget (see
# gui/viewports.py): finding one loaded means such a search ran before the first paint.
UNUSED_CLASSES = ("QWizard", "QCalendarWidget", "QFontDialog")


def test_an_article_paints_without_late_parts_or_a_search_through_widget_classes(
    tmp_path: Path,
) -> None:
    article = next(iter(sorted(CORPUS.glob("*.md"))))
    code = (
        "import json, sys\n"
        "from PySide6 import QtWidgets\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reviewer.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        "w = MainWindow(settings=settings)\n"
        "w.first_paint.connect(app.quit)\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "w.show()\n"
        f"assert w.open_path({str(article)!r})\n"
        "app.exec()\n"
        f"mods = [m for m in {NOT_BEFORE_PAINT!r} if m in sys.modules]\n"
        f"loaded = [c for c in {UNUSED_CLASSES!r} if c in vars(QtWidgets)]\n"
        "print(json.dumps([w.late.made(), mods, loaded]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [[], [], []]
