"""The Dutch interface: a complete catalog, one access key per menu entry, the window in Dutch."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QPushButton

from reviewer.core.checks import Level, load_builtin_checks
from reviewer.core.checks.base import REGISTRY
from reviewer.core.mqm import DIMENSIONS, IssueStatus, Severity
from reviewer.core.segments import State
from reviewer.gui import check_titles, dialogs, labels, language
from reviewer.gui.main_window import MainWindow, app_settings
from reviewer.gui.preferences import SettingsDialog
from tests.gui.gui_helpers import ROOT, SAMPLE, copy_corpus, load

I18N = ROOT / "reviewer" / "resources" / "i18n"
TS = I18N / "reviewer_nl.ts"
DUTCH_MENUS = ["&Bestand", "Be&werken", "&Controleren", "&Ga naar", "B&eeld", "&Help"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-z]+")
# The one entry whose Dutch drops a count: "the 1 segment" reads as "het segment".
DROPS_COUNT = {
    ("ReviewController", "Nothing to approve: the {n} segment ({what}) is already approved.")
}


def _messages() -> list[tuple[str, str, etree._Element]]:
    root = etree.parse(str(TS)).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def _catalog() -> dict[tuple[str, str], str]:
    return {(c, s): t.text or "" for c, s, t in _messages()}


def test_the_dutch_catalog_has_no_unfinished_or_untranslated_entry() -> None:
    messages = _messages()
    assert len(messages) > 600
    unfinished = [
        (context, source)
        for context, source, translation in messages
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert not unfinished, "translate these in reviewer_nl.ts (python dev.py i18n): " + repr(
        unfinished[:10]
    )


def test_translations_keep_placeholders_markup_and_access_keys() -> None:
    wrong = []
    for (context, source), dutch in _catalog().items():
        same = sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(dutch))
        if not same and (context, source) not in DROPS_COUNT:
            wrong.append(("placeholders", context, source))
        if sorted(TAG.findall(source)) != sorted(TAG.findall(dutch)):
            wrong.append(("markup", context, source))
        if source.replace("&&", "").count("&") != dutch.replace("&&", "").count("&"):
            wrong.append(("access key", context, source))
        if source.endswith("…") != dutch.endswith("…") or source[-1:] == " " != dutch[-1:]:
            wrong.append(("ending", context, source))
    assert not wrong


def _marked_strings() -> dict[tuple[str, str], str]:
    """Every literal the window's code passes to tr, translate or QT_TRANSLATE_NOOP."""
    found: dict[tuple[str, str], str] = {}

    def visit(node: ast.AST, cls: str, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                f = child.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                args = [a.value if isinstance(a, ast.Constant) else None for a in child.args]
                if name == "tr" and args and isinstance(args[0], str):
                    found[(cls, args[0])] = f"{where}:{child.lineno}"
                literal = len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str)
                if name in ("translate", "QT_TRANSLATE_NOOP") and literal:
                    found[(args[0], args[1])] = f"{where}:{child.lineno}"
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            visit(child, inner, where)

    for path in sorted((ROOT / "reviewer" / "gui").glob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path.name)
    return found


def test_every_string_the_window_marks_is_in_the_catalog() -> None:
    marked = _marked_strings()
    assert len(marked) > 600
    catalog = _catalog()
    missing = {key: where for key, where in marked.items() if key not in catalog}
    assert not missing, "run `python dev.py i18n` and translate: " + repr(missing)


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    tools = Path(sys.executable).parent
    lrelease = tools / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    built = tmp_path / "reviewer_nl.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(built)], check=True)
    assert built.read_bytes() == (I18N / "reviewer_nl.qm").read_bytes(), (
        "reviewer_nl.qm is older than reviewer_nl.ts: run `python dev.py i18n`"
    )


def test_labels_name_every_value_of_the_core() -> None:
    for value in State:
        assert labels.state(value)
    for sev in Severity:
        assert labels.severity(sev)
    for status in IssueStatus:
        assert labels.status(status)
    for level in Level:
        assert labels.level(level) and labels.level_count(level, 2)
    names = set(DIMENSIONS) | {n for types in DIMENSIONS.values() for n in types}
    assert names == set(labels.MQM_NAMES)


@pytest.fixture
def dutch(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    language.install(qapp, "nl")
    yield
    language.uninstall(qapp)


def _window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    win = MainWindow(settings=app_settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


def _menus(win: MainWindow) -> dict[str, list[QAction]]:
    """The menu bar and every menu below it, with their visible entries."""
    out: dict[str, list[QAction]] = {}

    def walk(name: str, actions: list[QAction]) -> None:
        shown = [a for a in actions if not a.isSeparator() and a.isVisible()]
        out[name] = shown
        for action in shown:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(f"{name} › {action.text()}", menu.actions())

    walk("menu bar", win.menuBar().actions())
    return out


def _access_key(text: str) -> str:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_two_entries_of_a_menu_share_an_access_key(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:  # type: ignore[no-untyped-def]
    language.install(qapp, lang)
    try:
        win = _window(qtbot, tmp_path, monkeypatch)
        menus = _menus(win)
    finally:
        language.uninstall(qapp)
    assert len(menus) >= 7  # the menu bar, its six menus, the batch approval submenu
    clashes = {}
    for name, actions in menus.items():
        keys = Counter(_access_key(a.text()) for a in actions)
        shared = {k: [a.text() for a in actions if _access_key(a.text()) == k]
                  for k, n in keys.items() if k and n > 1}  # fmt: skip
        if shared:
            clashes[name] = shared
    assert not clashes


def test_no_two_actions_share_a_shortcut(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, tmp_path, monkeypatch)
    owners: dict[str, set[str]] = {}
    for action in win.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            owners.setdefault(text, set()).add(action.objectName() or action.text())
    assert len(owners) > 30
    assert not {key: names for key, names in owners.items() if len(names) > 1}


def test_the_window_speaks_dutch(
    dutch, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, tmp_path, monkeypatch)
    load(qtbot, win, copy_corpus(tmp_path, SAMPLE))
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == DUTCH_MENUS
    file_menu = [a.text() for a in _menus(win)["menu bar › &Bestand"]]
    assert file_menu[:2] == ["&Openen…", "Map openen als pro&ject…"]
    assert {"Op&slaan", "Opslaan &als…", "Ins&tellingen…", "A&fsluiten"} <= set(file_menu)
    edit_menu = [a.text() for a in _menus(win)["menu bar › Be&werken"]]
    assert edit_menu[:2] == ["&Ongedaan maken", "O&pnieuw"]
    toolbar = [a.iconText() for a in win.registry.toolbar.actions() if not a.isSeparator()]
    assert {"Openen", "Opslaan", "Goedkeuren en volgende", "Exporteren"} <= set(toolbar)

    header = win.table.model().headerData
    assert [header(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "#",
        "ID",
        "Bron (EN)",
        "Doel (NL)",
        "Status",
        "Problemen",
    ]
    states = {win.proxy.index(r, 4).data() for r in range(win.proxy.rowCount())}
    assert states <= {labels.state(s) for s in State} and "Niet gecontroleerd" in states
    assert win.issues_dock.windowTitle() == "Problemen en controles"
    assert win.filter_bar.text.placeholderText() == "Bron- en doeltekst filteren (Ctrl+F)…"
    assert "Niet gecontroleerd" in win.status.state_label.text()
    assert win.detail.issues.headerItem().text(0) == "Soort"


def test_settings_choose_the_language_for_the_next_start(
    dutch, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, title, text: told.append(text))
    win = _window(qtbot, tmp_path, monkeypatch)
    action = win.registry["actionSettings"]
    assert action.text() == "Ins&tellingen…"
    action.trigger()
    dialog = win.findChild(SettingsDialog, "settingsDialog")
    assert dialog is not None
    combo = dialog.language
    assert [combo.itemData(k) for k in range(combo.count())] == ["system", "en", "nl"]
    assert combo.itemText(0).startswith("Systeem (")
    assert combo.itemText(1) == "English" and combo.itemText(2) == "Nederlands"
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert isinstance(cancel, QPushButton) and cancel.text() == "Annuleren"  # Qt's own, in Dutch
    combo.setCurrentIndex(1)
    dialog.accept()
    assert language.chosen(app_settings()) == "en"
    assert told == ["De nieuwe taal wordt gebruikt wanneer u Reviewer de volgende keer start."]


_CHILD = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication([])
app.setOrganizationName("reviewer"); app.setApplicationName("reviewer")
from reviewer.gui import language
from reviewer.gui.main_window import MainWindow, app_settings
if sys.argv[2] != "-":
    app_settings().setValue(language.SETTING, sys.argv[2])
language.install(app, language.chosen(app_settings()))
win = MainWindow()
print(json.dumps({
    "menus": [a.text() for a in win.menuBar().actions()],
    "dock": win.issues_dock.windowTitle(),
    "empty": win.empty.text(),
}))
"""


def _start(tmp_path: Path, locale: str, setting: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL=locale, LANG=locale)
    env.pop("LANGUAGE", None)
    env["REVIEWER_DATA_DIR"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / f"settings-{setting}"), setting],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="the locale comes from LANG on Linux only")
def test_the_window_follows_the_system_locale_unless_the_settings_choose(tmp_path: Path) -> None:
    dutch = _start(tmp_path, "nl_NL.UTF-8", "-")
    assert dutch["menus"] == DUTCH_MENUS
    assert dutch["dock"] == "Problemen en controles"
    assert str(dutch["empty"]).startswith("Open een artikel (Ctrl+O)")
    english = _start(tmp_path, "nl_BE.UTF-8", "en")
    assert english["menus"] == ["&File", "&Edit", "&Review", "&Go", "&View", "&Help"]
    chosen = _start(tmp_path, "en_US.UTF-8", "nl")
    assert chosen["dock"] == "Problemen en controles"


def test_the_command_line_keeps_english_under_a_dutch_locale(tmp_path: Path) -> None:
    article = copy_corpus(tmp_path, SAMPLE)

    def run(locale: str) -> str:
        env = dict(os.environ, LC_ALL=locale, LANG=locale, LANGUAGE="nl")
        env["REVIEWER_DATA_DIR"] = str(tmp_path / "data")
        args = [sys.executable, "-m", "reviewer", "check", str(article)]
        done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        return done.stdout + done.stderr

    english = run("C.UTF-8")
    assert english == run("nl_NL.UTF-8")
    assert "warning [" in english  # the CLI's words and codes, as scripts read them


def test_every_menu_entry_of_the_english_window_is_in_the_catalog(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, tmp_path, monkeypatch)
    sources = {source for _context, source in _catalog()}
    texts = {a.text() for actions in _menus(win).values() for a in actions}
    assert len(texts) > 50
    assert not {t for t in texts if t not in sources}


def test_qt_catalog_for_dutch_is_found(dutch) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    files = [Path(f).name for f in language.installed(QCoreApplication.instance())]
    assert files == ["reviewer_nl.qm", "qtbase_nl.qm"]


def test_a_language_the_catalog_lacks_shows_english(qapp) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(Path(os.devnull)), QSettings.Format.IniFormat)
    assert language.chosen(settings) == "system"
    language.install(qapp, "en")
    try:
        assert QCoreApplication.translate("Actions", "&File") == "&File"
        assert not [f for f in language.installed(qapp) if "reviewer" in Path(f).name]
    finally:
        language.uninstall(qapp)


def test_every_check_title_is_marked_for_translation() -> None:
    load_builtin_checks()
    builtin = {
        check.title
        for check in REGISTRY.values()
        if (check.pair_fn or check.document_fn).__module__.startswith("reviewer.core.checks")
    }
    missing = builtin - set(check_titles.TITLES)
    assert not missing, "add to gui/check_titles.py, run `python dev.py i18n`, translate: " + repr(
        sorted(missing)
    )
    assert not set(check_titles.TITLES) - builtin, "titles no check has any more"


def test_check_titles_show_in_dutch(dutch) -> None:  # type: ignore[no-untyped-def]
    assert labels.check_title("Double space") == "Dubbele spatie"
    assert labels.check_title("A title no catalog has") == "A title no catalog has"


def _helpers(tree: ast.Module) -> dict[str, int]:
    """Functions that hand a parameter to translate() as its text, with that parameter's
    position: lupdate never sees the literals their callers pass."""
    found: dict[str, int] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        params = [a.arg for a in node.args.args]
        for call in ast.walk(node):
            if not isinstance(call, ast.Call) or getattr(call.func, "attr", "") != "translate":
                continue
            text = call.args[1] if len(call.args) > 1 else None
            if isinstance(text, ast.Name) and text.id in params:
                found[node.name] = params.index(text.id)
    return found


def test_no_literal_goes_through_a_translation_helper() -> None:
    hidden = []
    for path in sorted((ROOT / "reviewer" / "gui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = _helpers(tree)
        for call in ast.walk(tree):
            name = getattr(call.func, "id", "") if isinstance(call, ast.Call) else ""
            if name in helpers and len(call.args) > helpers[name]:  # type: ignore[attr-defined]
                text = call.args[helpers[name]]  # type: ignore[attr-defined]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    hidden.append(f"{path.name}:{text.lineno}")
    assert not hidden, "write QCoreApplication.translate('Context', '…') so lupdate sees it"
