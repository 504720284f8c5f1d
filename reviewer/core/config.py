"""The user's config file: reviewer name, disabled checks and the MQM pass threshold."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir

from reviewer.core import yamlio
from reviewer.core.checks import CheckConfig
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import atomic_write
from reviewer.core.scoring import DEFAULT_THRESHOLD

ENV_VAR = "REVIEWER_CONFIG"
FILE_NAME = "config.yaml"
_KEYS = (
    "reviewer",
    "disabled_checks",
    "mqm_threshold",
    "enabled_checks",
    "user_dictionary",
    "glossaries",
    "do_not_translate",
    "shipped_terms",
)
USER_DICTIONARY = "dictionary.txt"  # beside the config file unless the config names another


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

    def check_config(self) -> CheckConfig:
        return CheckConfig(
            disabled=set(self.disabled_checks), enabled_extra=set(self.enabled_checks)
        )

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
        return {
            "reviewer": self.reviewer,
            "disabled_checks": sorted(self.disabled_checks),
            "mqm_threshold": self.mqm_threshold,
            **({"enabled_checks": sorted(self.enabled_checks)} if self.enabled_checks else {}),
            **({"user_dictionary": self.user_dictionary} if self.user_dictionary else {}),
            **({"glossaries": list(self.glossaries)} if self.glossaries else {}),
            **({"do_not_translate": list(self.do_not_translate)} if self.do_not_translate else {}),
            **({} if self.shipped_terms else {"shipped_terms": False}),
        }


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
    try:
        text = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise ConfigError(name, "no such file.") from None
        return Config()
    except UnicodeDecodeError:
        raise ConfigError(name, "is not UTF-8 text.") from None
    except OSError as exc:
        raise ConfigError(name, f"cannot be read: {exc.strerror}.") from None
    try:
        data = yamlio.safe_load_fast(text)
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
    return config


def _str_list(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(name, f"{key!r} must be a list of names.")
    return [v.strip() for v in value if v.strip()]


def save_config(config: Config, path: str | None = None) -> str:
    """Write the config (for a preferences dialog); returns the file written."""
    name = path or config.path or default_config_path()
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    text = yamlio.dump_fast(config.as_dict(), sort_keys=False, allow_unicode=True)
    atomic_write(name, text.encode("utf-8"))
    return name
