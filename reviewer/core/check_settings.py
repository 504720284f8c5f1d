"""The check list a settings page shows and edits: every check and its level, per config file."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from reviewer.core import profiles
from reviewer.core.checks import Level, load_builtin_checks
from reviewer.core.checks import base as checks_base
from reviewer.core.config import (
    PROJECT_FILE_NAME,
    Config,
    default_config_path,
    find_project_config,
    load_config,
    load_project_config,
    merge_configs,
    save_config,
)


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One check as a settings page lists it, with the setting in force."""

    code: str
    title: str
    category: str  # an MQM category key
    description: str
    default_level: Level
    default_on: bool
    enabled: bool
    level: Level  # the level its findings get when enabled
    origin: str  # what decides the setting: "profile", "user" or "project" config


class CheckSettings:
    """Edits the check settings of one config file: the user's, or a project's .reviewer.yaml.

    The rows show the merged result (project over user, as `reviewer check` runs it); set_level,
    set_enabled, reset and set_profile change only the file being edited, and save writes it.
    No Qt: the window's settings page and the tests drive the same object.
    """

    def __init__(self, user: Config, project: Config | None = None, edit_project: bool = False):
        if edit_project and project is None:
            raise ValueError("edit_project needs a project config")
        self.user = copy.deepcopy(user)
        self.project = copy.deepcopy(project) if project is not None else None
        self.edit_project = edit_project
        self.dirty = False
        load_builtin_checks()

    @classmethod
    def for_article(
        cls, article: str, user_config: str | None = None, edit_project: bool = False
    ) -> CheckSettings:
        """Settings as they apply to ``article``; edit_project edits (or creates) the nearest
        .reviewer.yaml, in the article's folder when there is none yet."""
        user = load_config(user_config)
        found = find_project_config(article)
        project: Config | None = None
        if found is not None:
            project = load_project_config(found)
        elif edit_project:
            project = Config(path=str(Path(article).resolve().parent / PROJECT_FILE_NAME))
        return cls(user, project, edit_project)

    # -- what is in force ----------------------------------------------------------
    @property
    def layer(self) -> Config:
        """The config file being edited."""
        if self.edit_project:
            assert self.project is not None
            return self.project
        return self.user

    @property
    def path(self) -> str:
        return self.layer.path or default_config_path()

    def effective(self) -> Config:
        return merge_configs(self.user, self.project) if self.project is not None else self.user

    @property
    def profile(self) -> str:
        return profiles.active_profile(self.effective())

    def profile_names(self) -> list[str]:
        return profiles.profile_names(self.effective())

    def rows(self) -> list[CheckRow]:
        """Every registered check in report order, with the setting in force."""
        merged = self.effective()
        values = profiles.settings(merged)
        out: list[CheckRow] = []
        for code, check in checks_base.REGISTRY.items():
            value = values[code]
            out.append(
                CheckRow(
                    code=code,
                    title=check.title,
                    category=check.category,
                    description=check.description,
                    default_level=check.level,
                    default_on=check.default_on,
                    enabled=value != "off",
                    level=check.level if value == "off" else Level(value),
                    origin=self._origin(code),
                )
            )
        return out

    def _origin(self, code: str) -> str:
        for name, layer in (("project", self.project), ("user", self.user)):
            if layer is not None and (
                code in layer.checks
                or code in layer.disabled_checks
                or code in layer.enabled_checks
            ):
                return name
        return "profile"

    # -- edits ----------------------------------------------------------------------
    def _known(self, code: str) -> None:
        if code not in checks_base.REGISTRY:
            raise KeyError(f"no check {code!r}")

    def _set(self, code: str, value: str) -> None:
        self._known(code)
        layer = self.layer
        layer.checks[code] = value
        layer.disabled_checks.discard(code)
        layer.enabled_checks.discard(code)
        layer.explicit.add("checks")
        self.dirty = True

    def set_level(self, code: str, level: Level) -> None:
        """Turn the check on at ``level`` in the edited file."""
        self._set(code, level.value)

    def set_enabled(self, code: str, enabled: bool) -> None:
        """Turn the check on (at its current level) or off in the edited file."""
        if not enabled:
            self._set(code, "off")
            return
        row = next(r for r in self.rows() if r.code == code)
        self._set(code, row.level.value if row.level is not row.default_level else "on")

    def reset(self, code: str) -> None:
        """Drop the edited file's setting for the check: the profile (or the other file) rules."""
        self._known(code)
        layer = self.layer
        listed = code in layer.disabled_checks or code in layer.enabled_checks
        if layer.checks.pop(code, None) is not None or listed:
            layer.disabled_checks.discard(code)
            layer.enabled_checks.discard(code)
            self.dirty = True

    def set_profile(self, name: str) -> None:
        """Choose the profile in the edited file; raises ProfileError for an unknown name."""
        layer = self.layer
        before = layer.profile
        layer.profile = name
        try:
            profiles.settings(self.effective())
        except profiles.ProfileError:
            layer.profile = before
            raise
        layer.explicit.add("profile")
        self.dirty = True

    def save(self) -> str:
        """Write the edited file atomically; returns its path."""
        layer = self.layer
        if layer.disabled_checks:
            layer.explicit.add("disabled_checks")
        written = save_config(layer, self.path, project=self.edit_project)
        layer.path = written
        self.dirty = False
        return written
