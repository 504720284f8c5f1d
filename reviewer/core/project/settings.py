"""Which settings apply to each article of a project: the user's config with the nearest
project file (.reviewer.yaml) merged over it, as the window and ``reviewer check`` use them."""

from __future__ import annotations

import os

from reviewer.core.config import (
    Config,
    ConfigError,
    find_project_config,
    load_project_config,
    merge_configs,
)
from reviewer.core.project import cache


class ArticleConfigs:
    """Config per article, looked up once per folder and merged once per project file; and the
    key its check findings are cached under. A project file that cannot be read is reported in
    ``problems`` (naming it) and the user's config applies instead."""

    def __init__(self, base: Config) -> None:
        self.base = base
        self.problems: list[str] = []
        self._file_of_folder: dict[str, str | None] = {}
        self._configs: dict[str | None, Config] = {}
        self._keys: dict[str | None, str] = {}

    def project_file(self, path: str) -> str | None:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._file_of_folder:
            self._file_of_folder[folder] = find_project_config(path)
        return self._file_of_folder[folder]

    def for_path(self, path: str) -> Config:
        name = self.project_file(path)
        config = self._configs.get(name)
        if config is None:
            config = self.base
            if name is not None:
                try:
                    config = merge_configs(self.base, load_project_config(name))
                    config.check_config()  # an unknown profile is found here
                except ConfigError as exc:
                    self.problems.append(f"{exc} The user's settings apply instead.")
                    config = self.base
            self._configs[name] = config
        return config

    def key_for(self, path: str) -> str:
        """The findings key of the article's settings (see cache.findings_key)."""
        name = self.project_file(path)
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = cache.findings_key(self.for_path(path))
        return key
