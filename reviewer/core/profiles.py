"""Check profiles: which checks run at which level, built in or defined in a config file."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.check_catalog import CheckInfo, registered
from reviewer.core.checks import CheckConfig, Level
from reviewer.core.errors import ReviewerError

if TYPE_CHECKING:
    from reviewer.core.config import Config, ProfileSpec

DEFAULT_PROFILE = "default"


@dataclass(frozen=True, slots=True)
class BuiltinProfile:
    name: str
    description: str
    # The setting of each check under this profile, from the check: "on", "off" or a level.
    setting: Callable[[CheckInfo], str]


def _default(check: CheckInfo) -> str:
    return "on" if check.default_on else "off"


def _markup(check: CheckInfo) -> str:
    return "on" if check.category.startswith("design-and-markup/") else "off"


BUILTIN_PROFILES: dict[str, BuiltinProfile] = {
    p.name: p
    for p in (
        BuiltinProfile(
            "default",
            "every check at its own level; the few hints marked off by default stay off",
            _default,
        ),
        BuiltinProfile(
            "all", "every check on, including hints that are off by default", lambda c: "on"
        ),
        BuiltinProfile(
            "markup",
            "only markup, layout and link checks: for a pass over formatting alone",
            _markup,
        ),
        BuiltinProfile(
            "none", "every check off: a base for a profile that lists its checks", lambda c: "off"
        ),
    )
}


class ProfileError(ReviewerError):
    """An unknown profile name, or profiles that build on each other in a circle."""


def profile_names(config: Config | None = None) -> list[str]:
    """Built-in profiles first, then the ones the config files define, in file order."""
    names = list(BUILTIN_PROFILES)
    if config is not None:
        names += [n for n in config.profiles if n not in BUILTIN_PROFILES]
    return names


def active_profile(config: Config, override: str | None = None) -> str:
    return override or config.profile or DEFAULT_PROFILE


def settings(config: Config, profile: str | None = None) -> dict[str, str]:
    """code → effective setting ("off" or a level name) for every registered check."""
    return _settings(config, profile, registered())


def _settings(
    config: Config, profile: str | None, registry: Mapping[str, CheckInfo]
) -> dict[str, str]:
    name = active_profile(config, profile)
    result = _profile_settings(name, config, registry, ())
    for code in config.enabled_checks:
        if code in registry and result[code] == "off":
            result[code] = _apply("on", registry[code])
    for code, value in config.checks.items():
        if code in registry:
            result[code] = _apply(value, registry[code])
    for code in config.disabled_checks:
        if code in registry:
            result[code] = "off"
    return result


def _apply(value: str, check: CheckInfo) -> str:
    return check.level.value if value == "on" else value


def _profile_settings(
    name: str, config: Config, registry: Mapping[str, CheckInfo], seen: tuple[str, ...]
) -> dict[str, str]:
    if name in seen:
        chain = " → ".join((*seen, name))
        raise ProfileError(f"check profiles build on each other in a circle: {chain}.")
    spec: ProfileSpec | None = config.profiles.get(name)
    if spec is not None:
        out = _profile_settings(spec.base, config, registry, (*seen, name))
        for code, value in spec.checks.items():
            if code in registry:
                out[code] = _apply(value, registry[code])
        return out
    builtin = BUILTIN_PROFILES.get(name)
    if builtin is None:
        where = f" ({config.project_path or config.path})" if config.path else ""
        raise ProfileError(
            f"no check profile {name!r}{where}; known profiles: {', '.join(profile_names(config))}."
        )
    return {code: _apply(builtin.setting(check), check) for code, check in registry.items()}


def resolve(config: Config, profile: str | None = None) -> CheckConfig:
    """The CheckConfig that runs what ``config`` (and the chosen profile) asks for."""
    registry = registered()
    out = CheckConfig()
    for code, value in _settings(config, profile, registry).items():
        check = registry[code]
        if value == "off":
            out.disabled.add(code)
            continue
        if not check.default_on:
            out.enabled_extra.add(code)
        level = Level(value)
        if level is not check.level:
            out.levels[code] = level
    return out


def unknown_codes(config: Config) -> list[str]:
    """Check codes the config files name that no registered check has (e.g. a retired one)."""
    registry = registered()
    named = set(config.checks) | set(config.disabled_checks) | set(config.enabled_checks)
    for spec in config.profiles.values():
        named |= set(spec.checks)
    return sorted(named - set(registry))
