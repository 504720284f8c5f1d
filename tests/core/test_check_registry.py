"""The registry reports checks in BUILTIN_MODULES order, and a check registered outside the
built-in modules is seen by the check catalog (in a fresh process, so the registry stays clean)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reviewer.core.checks import base
from reviewer.core.user_cache import ENV_CACHE_DIR


def test_checks_are_reported_in_module_order() -> None:
    base.load_builtin_checks()
    rank = {f"reviewer.core.checks.{name}": i for i, name in enumerate(base.BUILTIN_MODULES)}
    modules = [(c.pair_fn or c.document_fn).__module__ for c in base.REGISTRY.values()]
    assert set(modules) <= set(rank), "a check's function must name the module that defines it"
    ranks = [rank[m] for m in modules]
    assert ranks == sorted(ranks)
    # the readable-message wrapper keeps the registered function's name and text
    untranslated = base.REGISTRY["untranslated"]
    assert untranslated.pair_fn is not None and untranslated.raw_pair_fn is not None
    assert untranslated.pair_fn.__name__ == untranslated.raw_pair_fn.__name__


PLAIN = r"""
from reviewer.core import check_catalog
print(" ".join(check_catalog.registered()))
"""
PLUG_IN = r"""
from reviewer.core import check_catalog
from reviewer.core.checks.base import Level, register_pair_check

@register_pair_check("shouting", Level.INFO, "fluency/style", "Target in capitals")
def shouting(source, target):
    return ["target in capitals"] if target.isupper() else []

print(" ".join(check_catalog.registered()))
"""


def test_a_check_registered_by_hand_reaches_the_catalog(tmp_path: Path) -> None:
    env = {**os.environ, ENV_CACHE_DIR: str(tmp_path)}

    def codes(script: str) -> list[str]:
        run = [sys.executable, "-c", script]
        return subprocess.run(
            run, env=env, capture_output=True, text=True, check=True
        ).stdout.split()

    assert "shouting" not in codes(PLAIN)  # makes the snapshot of the built-in checks
    assert {"shouting", "untranslated"} <= set(codes(PLUG_IN))  # not the snapshot's list
    assert "shouting" not in codes(PLAIN)  # nor was it written into the snapshot
