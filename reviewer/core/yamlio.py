"""Every YAML read and write: libyaml's C classes when present, safe tags only, no aliases.

PyYAML itself (core/yaml_safe.py) is imported on the first read or write: most starts read
no YAML (front matter in its plain form is read without it, see simple_yaml.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collections while a large, acyclic object graph is built or walked.

    A 50,000-segment sidecar is ~450,000 nodes; the collections their allocation triggers
    (each scanning everything alive) cost a third of the load and half of the dump.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def safe_load_fast(text: str | bytes, *, unique_keys: bool = False) -> Any:
    """``yaml.safe_load(text)`` without aliases, parsed by libyaml when available.

    Raises AliasError (a yaml.YAMLError) for any alias, and with ``unique_keys`` a
    DuplicateKeyError for a key given twice in one mapping (both in core/yaml_safe.py).
    """
    from reviewer.core import yaml_safe

    return yaml_safe.safe_load_fast(text, unique_keys=unique_keys)


def dump_fast(data: Any, **options: Any) -> str:
    """``yaml.safe_dump(data, **options)`` through libyaml's emitter when available."""
    from reviewer.core import yaml_safe

    return yaml_safe.dump_fast(data, **options)


def serialize_fast(node: yaml.Node, **options: Any) -> str:
    """Emit an already built node tree (``options`` as for yaml.serialize)."""
    from reviewer.core import yaml_safe

    return yaml_safe.serialize_fast(node, **options)
