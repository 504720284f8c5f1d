"""Check settings resolve the same from the catalog snapshot as from the check modules, and a
missing or damaged snapshot means the modules are imported (in a fresh process each time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reviewer.core import profiles
from reviewer.core.checks import tables
from reviewer.core.config import Config, ProfileSpec
from reviewer.core.user_cache import ENV_CACHE_DIR

SCRIPT = r"""
import json
from reviewer.core import profiles
from reviewer.core.checks import base
from reviewer.core.config import Config, ProfileSpec
configs = [Config(profile=name) for name in profiles.BUILTIN_PROFILES]
configs.append(Config(
    checks={"numbers": "info"}, disabled_checks={"links"},
    profiles={"mine": ProfileSpec(base="markup", checks={"spelling": "on"})}, profile="mine",
))
keys = []
for c in configs:
    off, extra, levels = c.check_config().key()
    keys.append([sorted(off), sorted(extra), sorted(map(list, levels))])
print(json.dumps({"keys": keys, "loaded": base.builtin_checks_loaded()}))
"""


def _resolve(cache: Path) -> dict[str, Any]:
    env = {**os.environ, ENV_CACHE_DIR: str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _here() -> list[Any]:
    configs = [Config(profile=name) for name in profiles.BUILTIN_PROFILES]
    configs.append(
        Config(
            checks={"numbers": "info"},
            disabled_checks={"links"},
            profiles={"mine": ProfileSpec(base="markup", checks={"spelling": "on"})},
            profile="mine",
        )
    )
    keys = []
    for c in configs:
        off, extra, levels = c.check_config().key()
        keys.append([sorted(off), sorted(extra), sorted(map(list, levels))])
    return keys


def test_the_snapshot_resolves_as_the_check_modules_do(tmp_path: Path) -> None:
    expected = json.loads(json.dumps(_here()))
    first = _resolve(tmp_path)  # no snapshot yet: the modules are imported, one is made
    assert first == {"keys": expected, "loaded": True}
    again = _resolve(tmp_path)
    assert again == {"keys": expected, "loaded": False}


def test_a_damaged_snapshot_means_the_modules_are_imported(tmp_path: Path) -> None:
    _resolve(tmp_path)
    (snapshot,) = (tmp_path / tables.FOLDER).glob("check-catalog-*")
    snapshot.write_bytes(b"\x00not marshal")
    expected = json.loads(json.dumps(_here()))
    assert _resolve(tmp_path) == {"keys": expected, "loaded": True}
    assert _resolve(tmp_path) == {"keys": expected, "loaded": False}  # made again
