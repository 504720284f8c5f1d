"""Config files: the user's config.yaml and a project's .reviewer.yaml merged over it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from reviewer.core import yamlio
from reviewer.core.checks import CheckConfig
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import atomic_write, read_optional
from reviewer.core.scoring import DEFAULT_THRESHOLD

ENV_VAR = "REVIEWER_CONFIG"
FILE_NAME = "config.yaml"
# A project's settings live beside its articles; the nearest one above an article applies.
PROJECT_FILE_NAME = ".reviewer.yaml"
_KEYS = (
    "reviewer",
    "disabled_checks",
    "mqm_threshold",
    "enabled_checks",
    "user_dictionary",
    "glossaries",
    "do_not_translate",
    "shipped_terms",
    "profile",
    "checks",
    "profiles",
)
USER_DICTIONARY = "dictionary.txt"  # beside the config file unless the config names another
MAX_CONFIG_BYTES = 1024 * 1024  # a few lines of settings; anything this big is not one
# What a check can be set to: on at a level, on at its own level, or off.
CHECK_SETTINGS = ("error", "warning", "info", "on", "off")
_PROFILE_KEYS = ("base", "checks", "description")
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(slots=True)
class ProfileSpec:
    """A named set of check settings over a base profile (see reviewer.core.profiles)."""

    base: str = "default"
    checks: dict[str, str] = field(default_factory=dict)
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"base": self.base}
        if self.description:
            out["description"] = self.description
        out["checks"] = dict(self.checks)
        return out


class ConfigError(ReviewerError):
    """A config file that cannot be read or holds a wrong value; names the file."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"config file {where}: {message}")


@dataclass(slots=True)
class Config:
    """Settings with defaults; ``path`` is where they were read from (None: built-in defaults)."""

    reviewer: str = ""
    disabled_checks: set[str] = field(default_factory=set)
    mqm_threshold: float = DEFAULT_THRESHOLD
    path: str | None = None
    enabled_checks: set[str] = field(default_factory=set)  # checks that are off by default
    user_dictionary: str = ""  # "" = dictionary.txt beside the config file
    glossaries: list[str] = field(default_factory=list)
    do_not_translate: list[str] = field(default_factory=list)
    shipped_terms: bool = True
    # The check profile to run (None: "default"), per-check settings over it (code → one of
    # CHECK_SETTINGS) and the profiles this file defines.
    profile: str | None = None
    checks: dict[str, str] = field(default_factory=dict)
    profiles: dict[str, ProfileSpec] = field(default_factory=dict)
    # The project file merged over this config, if any (see config_for_article).
    project_path: str | None = None
    # Keys the file set, so a merge knows which values a project overrides.
    explicit: set[str] = field(default_factory=set, compare=False)

    def check_config(self, profile: str | None = None) -> CheckConfig:
        """The checks to run and their levels: the profile (``profile`` overrides the one the
        config names), then ``enabled_checks``, ``checks`` and ``disabled_checks``."""
        from reviewer.core.profiles import resolve

        return resolve(self, profile)

    def language_settings(self) -> LanguageSettings:
        """The language files the spelling and terminology checks use; relative paths are
        relative to the config file's folder."""
        folder = Path(self.path).parent if self.path else Path(default_config_path()).parent

        def resolve(name: str) -> str:
            return str(folder / Path(name).expanduser())

        return LanguageSettings(
            user_dictionary=resolve(self.user_dictionary or USER_DICTIONARY),
            glossaries=[resolve(g) for g in self.glossaries],
            do_not_translate=[resolve(d) for d in self.do_not_translate],
            shipped_terms=self.shipped_terms,
        )

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "reviewer": self.reviewer,
            "disabled_checks": sorted(self.disabled_checks),
            "mqm_threshold": self.mqm_threshold,
            **({"enabled_checks": sorted(self.enabled_checks)} if self.enabled_checks else {}),
            **({"user_dictionary": self.user_dictionary} if self.user_dictionary else {}),
            **({"glossaries": list(self.glossaries)} if self.glossaries else {}),
            **({"do_not_translate": list(self.do_not_translate)} if self.do_not_translate else {}),
            **({} if self.shipped_terms else {"shipped_terms": False}),
        }
        if self.profile is not None:
            out["profile"] = self.profile
        if self.checks:
            out["checks"] = dict(sorted(self.checks.items()))
        if self.profiles:
            out["profiles"] = {name: spec.as_dict() for name, spec in self.profiles.items()}
        return out

    def project_dict(self) -> dict[str, Any]:
        """Only the keys this file set: what a project file holds (no reviewer name forced in)."""
        full = self.as_dict()
        return {k: full[k] for k in _KEYS if k in self.explicit and k in full}


def default_config_path() -> str:
    """$REVIEWER_CONFIG if set, else config.yaml in the platform's per-user config folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return str(Path(user_config_dir("reviewer")) / FILE_NAME)


def load_config(path: str | None = None) -> Config:
    """Read the config. A file named explicitly (flag or env var) must exist; the default
    location may be absent, which means defaults."""
    explicit = path is not None or bool(os.environ.get(ENV_VAR))
    name = path if path is not None else default_config_path()
    return _read(name, must_exist=explicit)


def _read(name: str, must_exist: bool) -> Config:
    try:
        raw = read_optional(name, MAX_CONFIG_BYTES, "a config file")
    except FormatError as exc:
        raise ConfigError(name, exc.message) from None
    if raw is None:
        if must_exist:
            raise ConfigError(name, "no such file.")
        return Config()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(name, "is not UTF-8 text.") from None
    import yaml  # for its error class: a start with no config file never imports it

    try:
        data = yamlio.safe_load_fast(text, unique_keys=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ConfigError(
            name, f"not valid YAML: {problem}.", mark.line + 1 if mark is not None else None
        ) from None
    return _from_data(data, name)


def _from_data(data: Any, name: str) -> Config:
    if data is None:
        return Config(path=name)
    if not isinstance(data, dict):
        raise ConfigError(name, "must be a YAML mapping such as 'reviewer: Ann'.")
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise ConfigError(name, f"unknown key {unknown[0]!r}; known keys: {', '.join(_KEYS)}.")
    config = Config(path=name)
    reviewer = data.get("reviewer", "")
    if reviewer is None:
        reviewer = ""
    if not isinstance(reviewer, str | int):
        raise ConfigError(name, "'reviewer' must be a name.")
    config.reviewer = str(reviewer).strip()
    disabled = data.get("disabled_checks") or []
    if isinstance(disabled, str):
        disabled = [disabled]
    if not isinstance(disabled, list) or not all(isinstance(c, str) for c in disabled):
        raise ConfigError(name, "'disabled_checks' must be a list of check codes.")
    config.disabled_checks = {c.strip() for c in disabled if c.strip()}
    threshold = data.get("mqm_threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise ConfigError(name, "'mqm_threshold' must be a number such as 95.")
    if not 0 <= threshold <= 100:
        raise ConfigError(name, f"'mqm_threshold' is {threshold}; it must lie in 0-100.")
    config.mqm_threshold = float(threshold)
    config.enabled_checks = set(_str_list(data, "enabled_checks", name))
    dictionary = data.get("user_dictionary") or ""
    if not isinstance(dictionary, str):
        raise ConfigError(name, "'user_dictionary' must be a file name such as dictionary.txt.")
    config.user_dictionary = dictionary.strip()
    config.glossaries = _str_list(data, "glossaries", name)
    config.do_not_translate = _str_list(data, "do_not_translate", name)
    shipped = data.get("shipped_terms", True)
    if not isinstance(shipped, bool):
        raise ConfigError(name, "'shipped_terms' must be true or false.")
    config.shipped_terms = shipped
    profile = data.get("profile")
    if profile is not None:
        if not isinstance(profile, str) or not _NAME_RE.fullmatch(profile.strip()):
            raise ConfigError(name, "'profile' must be a profile name such as 'default'.")
        config.profile = profile.strip()
    config.checks = _check_settings(data.get("checks"), name, "checks")
    config.profiles = _profiles(data.get("profiles"), name)
    config.explicit = {str(k) for k in data}
    return config


def _str_list(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(name, f"{key!r} must be a list of names.")
    return [v.strip() for v in value if v.strip()]


def _check_settings(raw: Any, name: str, where: str) -> dict[str, str]:
    """code → setting; YAML reads a bare on/off as true/false, which mean the same here."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(name, f"'{where}' must map check codes to {', '.join(CHECK_SETTINGS)}.")
    out: dict[str, str] = {}
    for code, value in raw.items():
        if isinstance(value, bool):
            value = "on" if value else "off"
        setting = str(value).strip().lower() if isinstance(value, str) else None
        if not isinstance(code, str) or setting not in CHECK_SETTINGS:
            raise ConfigError(
                name,
                f"'{where}': {code}: {value!r} is not one of {', '.join(CHECK_SETTINGS)}.",
            )
        out[code.strip()] = setting
    return out


def _profiles(raw: Any, name: str) -> dict[str, ProfileSpec]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(name, "'profiles' must map profile names to {base:, checks:}.")
    out: dict[str, ProfileSpec] = {}
    for key, body in raw.items():
        if not isinstance(key, str) or not _NAME_RE.fullmatch(key):
            raise ConfigError(name, f"profile name {key!r}: use lowercase letters, digits and -.")
        body = body or {}
        if not isinstance(body, dict):
            raise ConfigError(name, f"profile {key!r} must be a mapping with base: and checks:.")
        unknown = sorted(str(k) for k in body if k not in _PROFILE_KEYS)
        if unknown:
            raise ConfigError(
                name,
                f"profile {key!r}: unknown key {unknown[0]!r}; known: {', '.join(_PROFILE_KEYS)}.",
            )
        base = body.get("base", "default")
        if not isinstance(base, str) or not _NAME_RE.fullmatch(base):
            raise ConfigError(name, f"profile {key!r}: 'base' must be a profile name.")
        description = body.get("description") or ""
        out[key] = ProfileSpec(
            base=base,
            checks=_check_settings(body.get("checks"), name, f"profiles: {key}: checks"),
            description=str(description).strip(),
        )
    return out


def find_project_config(article: str | os.PathLike[str]) -> str | None:
    """The nearest .reviewer.yaml in the article's folder or any folder above it."""
    try:
        folder = Path(article).resolve().parent
    except OSError:
        folder = Path(os.path.abspath(article)).parent
    for candidate in (folder, *folder.parents):
        path = candidate / PROJECT_FILE_NAME
        try:
            if path.is_file():
                return str(path)
        except OSError:
            continue  # a path too long for the system, or a folder that cannot be read
    return None


def load_project_config(path: str) -> Config:
    """Read a project file (.reviewer.yaml); same keys as the user config, all optional."""
    return _read(path, must_exist=True)


def merge_configs(user: Config, project: Config) -> Config:
    """The project's settings over the user's: values it sets win, check settings and profiles
    merge by code and name, and disabled checks add up."""
    user_files = _absolute_language_files(user)
    project_files = _absolute_language_files(project)
    merged = Config(
        reviewer=user.reviewer,
        # A check the project sets (on, or at a level) is no longer off by the user's list.
        disabled_checks=(set(user.disabled_checks) - set(project.checks) - project.enabled_checks)
        | set(project.disabled_checks),
        mqm_threshold=user.mqm_threshold,
        path=user.path,
        enabled_checks=(set(user.enabled_checks) - project.disabled_checks)
        | set(project.enabled_checks),
        user_dictionary=project_files.user_dictionary or user_files.user_dictionary,
        glossaries=user_files.glossaries + project_files.glossaries,
        do_not_translate=user_files.do_not_translate + project_files.do_not_translate,
        shipped_terms=user.shipped_terms,
        profile=user.profile,
        checks={**user.checks, **project.checks},
        profiles={**user.profiles, **project.profiles},
        project_path=project.path,
        explicit=set(user.explicit),
    )
    if "reviewer" in project.explicit and project.reviewer:
        merged.reviewer = project.reviewer
    if "mqm_threshold" in project.explicit:
        merged.mqm_threshold = project.mqm_threshold
    if "shipped_terms" in project.explicit:
        merged.shipped_terms = project.shipped_terms
    if project.profile is not None:
        merged.profile = project.profile
    return merged


def _absolute_language_files(config: Config) -> Config:
    """The config's dictionary, glossary and do-not-translate files as absolute paths, so they
    keep pointing at the same files once merged with a config from another folder."""
    out = Config()
    if not config.path:
        out.user_dictionary = config.user_dictionary
        out.glossaries = list(config.glossaries)
        out.do_not_translate = list(config.do_not_translate)
        return out
    settings = config.language_settings()
    out.user_dictionary = (settings.user_dictionary or "") if config.user_dictionary else ""
    out.glossaries = list(settings.glossaries)
    out.do_not_translate = list(settings.do_not_translate)
    return out


def config_for_article(article: str | os.PathLike[str], user: Config) -> Config:
    """The config that applies to one article: the user's, with the nearest project file
    merged over it. A project file that cannot be read raises ConfigError naming it."""
    project = find_project_config(article)
    if project is None:
        return user
    return merge_configs(user, load_project_config(project))


def save_config(config: Config, path: str | None = None, project: bool = False) -> str:
    """Write the config (for a preferences dialog); returns the file written. A project file
    gets only the keys it set, so it never pins the user's name or threshold by accident."""
    name = path or config.path or default_config_path()
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    data = config.project_dict() if project else config.as_dict()
    text = yamlio.dump_fast(data, sort_keys=False, allow_unicode=True)
    atomic_write(name, text.encode("utf-8"))
    return name
