"""Check profiles: built-in and config profiles, project files, the settings API and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from reviewer.cli import EXIT_INPUT, EXIT_OK, main
from reviewer.core.check_settings import CheckSettings
from reviewer.core.checks import REGISTRY, Level, pair_checks
from reviewer.core.config import (
    PROJECT_FILE_NAME,
    Config,
    ConfigError,
    ProfileSpec,
    config_for_article,
    find_project_config,
    load_config,
)
from reviewer.core.profiles import ProfileError, profile_names, resolve, settings

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ARTICLE = "Excel-crashing.md"


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


def project(tmp_path: Path, config: str | None) -> Path:
    """A project folder with one real article in a subfolder and, optionally, a project file."""
    sub = tmp_path / "proj" / "docs"
    sub.mkdir(parents=True)
    shutil.copy(CORPUS / ARTICLE, sub / ARTICLE)
    if config is not None:
        (tmp_path / "proj" / PROJECT_FILE_NAME).write_text(config, encoding="utf-8")
    return sub / ARTICLE


def test_default_profile_is_the_registered_levels() -> None:
    cc = resolve(Config())
    assert not cc.levels and not cc.enabled_extra
    off = {c for c, check in REGISTRY.items() if not check.default_on}
    assert cc.disabled == off
    assert {c.code for c in pair_checks(cc)} == {c.code for c in pair_checks()}


def test_builtin_profiles() -> None:
    assert profile_names()[:4] == ["default", "all", "markup", "none"]
    every = resolve(Config(profile="all"))
    assert not every.disabled
    markup = settings(Config(profile="markup"))
    assert markup["bold"] == "error" and markup["link-url"] == "error"
    assert markup["numbers"] == "off" and markup["repeated-word"] == "off"
    assert set(settings(Config(profile="none")).values()) == {"off"}


def test_checks_setting_and_disabled_checks_over_the_profile() -> None:
    config = Config(
        checks={"numbers": "warning", "double-space": "off", "bold": "on"},
        disabled_checks={"italic"},
    )
    cc = resolve(config)
    assert cc.levels == {"numbers": Level.WARNING}
    assert {"double-space", "italic"} <= cc.disabled
    assert cc.level(REGISTRY["bold"]) is Level.ERROR


def test_enabled_checks_turn_on_checks_that_are_off_by_default() -> None:
    off = next(c for c, check in REGISTRY.items() if not check.default_on)
    cc = resolve(Config(enabled_checks={off}))
    assert off not in cc.disabled and off in cc.enabled_extra
    # checks: beats enabled_checks, disabled_checks beats both.
    assert off in resolve(Config(enabled_checks={off}, checks={off: "off"})).disabled
    assert off in resolve(Config(enabled_checks={off}, disabled_checks={off})).disabled


def test_config_profiles_build_on_a_base_and_cycles_are_refused() -> None:
    config = Config(
        profile="links",
        profiles={"links": ProfileSpec(base="none", checks={"link-url": "warning"})},
    )
    values = settings(config)
    assert values["link-url"] == "warning"
    assert sum(v != "off" for v in values.values()) == 1
    loop = Config(profile="a", profiles={"a": ProfileSpec(base="b"), "b": ProfileSpec(base="a")})
    with pytest.raises(ProfileError, match="circle"):
        resolve(loop)
    with pytest.raises(ProfileError, match="known profiles: default, all"):
        resolve(Config(profile="nope"))


def test_config_file_keys_and_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text(
        "profile: mine\nchecks: {numbers: off, bold: warning, italic: on}\n"
        "profiles:\n  mine:\n    base: markup\n    description: markup and numbers\n"
        "    checks: {numbers: error}\n",
        encoding="utf-8",
    )
    config = load_config(str(cfg))
    # YAML reads bare off/on as booleans; they mean the same as the words.
    assert config.checks == {"numbers": "off", "bold": "warning", "italic": "on"}
    assert config.profiles["mine"].base == "markup"
    assert settings(config)["numbers"] == "off"  # checks: beats the profile
    for text, message in [
        ("checks: {numbers: loud}\n", "not one of error, warning, info, on, off"),
        ("checks: [numbers]\n", "must map check codes"),
        ("profile: Has Space\n", "'profile' must be a profile name"),
        ("profiles: {x: {base: default, extra: 1}}\n", "unknown key 'extra'"),
        ("profiles: {X!: {}}\n", "profile name"),
    ]:
        cfg.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=message) as info:
            load_config(str(cfg))
        assert str(cfg) in str(info.value)


def test_project_file_found_upward_and_merged_over_the_user_config(tmp_path: Path) -> None:
    article = project(tmp_path, "checks: {numbers: off, bold: info}\nmqm_threshold: 90\n")
    assert find_project_config(article) == str(tmp_path / "proj" / PROJECT_FILE_NAME)
    user = Config(reviewer="Kim", checks={"numbers": "warning", "italic": "off"})
    merged = config_for_article(article, user)
    assert merged.reviewer == "Kim" and merged.mqm_threshold == 90
    values = settings(merged)
    assert values["numbers"] == "off" and values["bold"] == "info" and values["italic"] == "off"
    # Without a project file the user config applies unchanged.
    other = tmp_path / "elsewhere" / ARTICLE
    other.parent.mkdir()
    other.write_bytes(b"")
    assert config_for_article(other, user) is user
    # A project turning a check on beats the user's disabled_checks list.
    user_off = Config(disabled_checks={"bold"})
    assert settings(config_for_article(article, user_off))["bold"] == "info"


def test_settings_api_lists_edits_and_saves_the_project_file(tmp_path: Path) -> None:
    article = project(tmp_path, None)
    api = CheckSettings.for_article(str(article), edit_project=True)
    rows = {r.code: r for r in api.rows()}
    assert list(rows) == list(REGISTRY)
    bold = rows["bold"]
    assert (bold.enabled, bold.level, bold.origin) == (True, Level.ERROR, "profile")
    assert bold.title and bold.category.startswith("design-and-markup/")
    api.set_level("bold", Level.WARNING)
    api.set_enabled("numbers", False)
    rows = {r.code: r for r in api.rows()}
    assert rows["bold"].level is Level.WARNING and rows["bold"].origin == "project"
    assert not rows["numbers"].enabled
    api.set_profile("markup")
    with pytest.raises(ProfileError):
        api.set_profile("nope")
    written = api.save()
    assert written == str(article.parent / PROJECT_FILE_NAME)
    data = yaml.safe_load(Path(written).read_text(encoding="utf-8"))
    # Only what was set: no reviewer name or threshold copied into the project file.
    assert data == {"profile": "markup", "checks": {"bold": "warning", "numbers": "off"}}
    again = CheckSettings.for_article(str(article))
    assert again.profile == "markup"
    assert {r.code: r.enabled for r in again.rows()}["numbers"] is False
    api.reset("bold")
    assert {r.code: r.level for r in api.rows()}["bold"] is Level.ERROR
    with pytest.raises(KeyError):
        api.set_level("no-such-check", Level.INFO)


def test_settings_api_edits_the_user_file(tmp_path: Path) -> None:
    user_file = tmp_path / "user.yaml"
    user_file.write_text("reviewer: Kim\n", encoding="utf-8")
    api = CheckSettings(load_config(str(user_file)))
    api.set_enabled("double-space", False)
    assert api.dirty
    api.save()
    data = yaml.safe_load(user_file.read_text(encoding="utf-8"))
    assert data["reviewer"] == "Kim" and data["checks"] == {"double-space": "off"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_profile_list_checks_and_project_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = project(tmp_path, "profile: markup\n")
    code, out, _ = run(capsys, "check", "--list-checks", str(article))
    assert code == EXIT_OK and out.startswith("profile markup (from ")
    assert PROJECT_FILE_NAME in out.splitlines()[0]
    line = next(x for x in out.splitlines() if x.split()[:1] == ["numbers"])
    assert line.split()[1] == "off"
    code, out, _ = run(capsys, "check", "--list-checks", "--format", "json", "--profile", "all")
    listed = json.loads(out)
    assert listed["profile"] == "all" and all(c["enabled"] for c in listed["checks"])
    # The project's markup profile runs only markup checks; --profile overrides it.
    code, out, _ = run(capsys, "check", "--format", "json", "--fail-on", "never", str(article))
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert codes and all(REGISTRY[c].category.startswith("design-and-markup/") for c in codes)
    code, out, _ = run(
        capsys, "check", "--format", "json", "--profile", "none", "--fail-on", "never", str(article)
    )
    assert json.loads(out)["findings"] == []
    code, _, err = run(capsys, "check", "--profile", "nope", str(article))
    assert code == EXIT_INPUT and "no check profile 'nope'" in err
    code, _, err = run(capsys, "check")
    assert code == EXIT_INPUT and "--list-checks" in err


def test_cli_warns_about_retired_check_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("disabled_checks: [no-such-check]\n", encoding="utf-8")
    article = project(tmp_path, None)
    code, _, err = run(capsys, "--config", str(cfg), "check", "--fail-on", "never", str(article))
    assert code == EXIT_OK and "no check 'no-such-check'" in err
