"""The window's code stays findable: small files, one theme, one escape helper, no test hooks."""

from __future__ import annotations

import re
from pathlib import Path

from tests.corpus import ROOT

GUI = ROOT / "reviewer" / "gui"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")


def _sources() -> list[Path]:
    return sorted(GUI.glob("*.py"))


def test_no_window_file_holds_two_responsibilities_worth_of_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in _sources()}
    assert sizes["main_window.py"] < 400, sizes["main_window.py"]
    too_long = {name: n for name, n in sizes.items() if n > 500}
    assert not too_long


def test_colours_live_in_the_theme_module_only() -> None:
    found = {
        p.name: COLOUR.findall(p.read_text(encoding="utf-8"))
        for p in _sources()
        if p.name != "theme.py"
    }
    assert not {name: hits for name, hits in found.items() if hits}


def test_one_html_escape_helper() -> None:
    users = [p.name for p in _sources() if "html.escape" in p.read_text(encoding="utf-8")]
    assert users == ["markup.py"]


def test_the_shipped_app_runs_no_code_named_from_outside() -> None:
    for path in (ROOT / "reviewer").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "exec(" not in text.replace(".exec(", ""), path
        assert "REVIEWER_TEST_SCRIPT" not in text, path
