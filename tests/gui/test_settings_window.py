"""The check settings page and the project's .reviewer.yaml in the real window."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reviewer.cli import main as cli_main
from reviewer.core.checks import REGISTRY, Level
from reviewer.core.config import load_config
from reviewer.gui import language_files
from reviewer.gui.check_settings_dialog import COL_ON, CheckSettingsDialog
from reviewer.gui.main_window import MainWindow
from tests.corpus import CORPUS
from tests.gui.language_helpers import open_with, user_config

__all__ = ["user_config"]  # a fixture

ARTICLE = "legacy-ediscovery-retirement.md"  # 200+ segments, findings of many checks


def _codes(win: MainWindow) -> set[str]:
    session = win.session
    assert session is not None
    return {f.code for f in session.all_findings()}


def _open_settings(qtbot, win: MainWindow) -> CheckSettingsDialog:  # type: ignore[no-untyped-def]
    win.registry["actionCheckSettings"].trigger()
    dialog = win.findChild(QDialog, "checkSettingsDialog")
    assert isinstance(dialog, CheckSettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _button(dialog: CheckSettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    QTest.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def _select(dialog: CheckSettingsDialog, code: str) -> None:
    """Type the check's code into the filter and move to its row, as a user finds it."""
    dialog.filter.clear()
    QTest.keyClicks(dialog.filter, code)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(dialog.row_of(code), 1)


@pytest.fixture
def opened(qtbot, window: MainWindow, tmp_path: Path, user_config: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copyfile(CORPUS / ARTICLE, folder / ARTICLE)
    return open_with(qtbot, window, folder / ARTICLE)


def test_turning_a_check_off_with_space_saves_my_settings_and_checks_again(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    assert "bold-punctuation" in _codes(opened)
    dialog = _open_settings(qtbot, opened)
    assert dialog.scope_user.isChecked()
    _select(dialog, "bold-punctuation")
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    row = dialog.row_of("bold-punctuation")
    assert dialog.table.item(row, COL_ON).checkState() == Qt.CheckState.Unchecked
    assert dialog.table.item(row, 5).text() == "my settings"
    _button(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert load_config(str(user_config)).checks == {"bold-punctuation": "off"}
    qtbot.waitUntil(lambda: "bold-punctuation" not in _codes(opened), timeout=10000)
    assert "bold-punctuation" in opened.session.check_config.disabled  # type: ignore[union-attr]


def test_a_level_set_on_the_page_is_the_level_of_the_findings(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = opened.session
    assert session is not None
    assert {f.level for f in session.all_findings() if f.code == "bold-punctuation"} == {
        Level.WARNING
    }
    dialog = _open_settings(qtbot, opened)
    _select(dialog, "bold-punctuation")
    combo = dialog.table.cellWidget(dialog.row_of("bold-punctuation"), 4)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)  # warning → error
    assert combo.currentText() == "error"
    _button(dialog, QDialogButtonBox.StandardButton.Apply)
    qtbot.waitUntil(
        lambda: (
            {f.level for f in session.all_findings() if f.code == "bold-punctuation"}
            == {Level.ERROR}
        ),
        timeout=10000,
    )
    _button(dialog, QDialogButtonBox.StandardButton.Cancel)


def test_project_scope_writes_the_reviewer_yaml_and_reset_takes_it_back(
    qtbot, opened: MainWindow, user_config: Path
) -> None:  # type: ignore[no-untyped-def]
    project_file = Path(opened.workspace.path).parent / ".reviewer.yaml"  # type: ignore[union-attr]
    dialog = _open_settings(qtbot, opened)
    QTest.mouseClick(dialog.scope_project, Qt.MouseButton.LeftButton)
    assert dialog.settings.edit_project
    assert str(project_file) in dialog.path_label.text()
    _select(dialog, "compound-hyphen")
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    _button(dialog, QDialogButtonBox.StandardButton.Apply)
    assert yaml.safe_load(project_file.read_text(encoding="utf-8")) == {
        "checks": {"compound-hyphen": "off"}
    }
    assert not user_config.exists()  # my settings untouched
    qtbot.waitUntil(lambda: "compound-hyphen" not in _codes(opened), timeout=10000)
    _select(dialog, "compound-hyphen")
    assert dialog.table.item(dialog.row_of("compound-hyphen"), 5).text() == "project"
    QTest.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.table.item(dialog.row_of("compound-hyphen"), COL_ON).checkState()
        == Qt.CheckState.Checked
    )
    _button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert yaml.safe_load(project_file.read_text(encoding="utf-8")) in (None, {}, {"checks": {}})
    qtbot.waitUntil(lambda: "compound-hyphen" in _codes(opened), timeout=10000)


def test_a_profile_chosen_on_the_page_runs(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_settings(qtbot, opened)
    dialog.profile.setFocus()
    while dialog.profile.currentData() != "markup":
        QTest.keyClick(dialog.profile, Qt.Key.Key_Down)
    assert "markup" in dialog.profile_note.text()
    _button(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(
        lambda: "compound-hyphen" not in _codes(opened) and bool(_codes(opened)), timeout=10000
    )
    # The markup profile runs markup, layout and link checks only.
    assert all(REGISTRY[c].category.startswith("design-and-markup/") for c in _codes(opened))


def test_glossary_files_are_chosen_on_the_spelling_and_terms_page(
    qtbot, opened: MainWindow, user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    glossary = user_config.parent / "team.csv"
    user_config.parent.mkdir()
    glossary.write_text("english,dutch\ncontent search,inhoudszoekactie\n", encoding="utf-8")
    monkeypatch.setattr(language_files, "ask_file", lambda *a: str(glossary))
    dialog = _open_settings(qtbot, opened)
    dialog.tabs.setCurrentIndex(1)
    assert "nl_NL" in dialog.findChild(object, "spellingNote").text()  # type: ignore[union-attr]
    QTest.mouseClick(dialog.files.glossaries.add, Qt.MouseButton.LeftButton)
    assert dialog.files.glossaries.paths() == ["team.csv"]
    _button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert load_config(str(user_config)).glossaries == ["team.csv"]
    assert opened.language.glossary.path == str(glossary)
    qtbot.waitUntil(
        lambda: any("inhoudszoekactie" in f.message for f in opened.session.all_findings()),  # type: ignore[union-attr]
        timeout=10000,
    )


def test_the_window_and_reviewer_check_agree_on_a_project(
    qtbot, window: MainWindow, tmp_path: Path, user_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """The window reads the article's .reviewer.yaml as `reviewer check` does."""
    folder = tmp_path / "project" / "docs"
    folder.mkdir(parents=True)
    article = folder / ARTICLE
    shutil.copyfile(CORPUS / ARTICLE, article)
    (tmp_path / "project" / "terms.csv").write_text(
        "english,dutch\ncontent search,inhoudszoekactie\nmailbox,mailbox\n", encoding="utf-8"
    )
    (tmp_path / "project" / ".reviewer.yaml").write_text(
        "checks: {bold-punctuation: off, identifier: warning, compound-hyphen: error}\n"
        "enabled_checks: [inconsistent-wording]\n"
        "glossaries: [terms.csv]\n",
        encoding="utf-8",
    )
    user_config.parent.mkdir()
    user_config.write_text("checks: {space-after-link: off}\n", encoding="utf-8")
    open_with(qtbot, window, article, user_config)
    session = window.session
    assert session is not None
    shown = {(f.pair_id, f.code, f.level.value, f.message) for f in session.all_findings()}

    code = cli_main(["check", "--format", "json", "--config", str(user_config), str(article)])
    assert code in (0, 1)
    reported = json.loads(capsys.readouterr().out)["findings"]
    expected = {(f["id"], f["code"], f["level"], f["message"]) for f in reported}
    assert shown == expected
    codes = {c for _, c, _, _ in shown}
    assert "bold-punctuation" not in codes and "space-after-link" not in codes
    assert "inconsistent-wording" in codes or "glossary-term" in codes
    assert {lv for _, c, lv, _ in shown if c == "spelling"} <= {"error"}
