"""The review sidecar's YAML: the nodes dump_sidecar builds itself and the dumper that emits them.

Imported when a sidecar is first written (sidecar_write.py), so that a start that writes none never
imports PyYAML.
"""

from __future__ import annotations

from typing import Any

import yaml

from reviewer.core import yaml_safe

# libyaml's emitter when present: the same output as the Python one, many times faster.
_BaseDumper = yaml_safe.SafeDumper


class Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Safe dumper that writes multi-line text as literal blocks, so diffs show real lines."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # The emitter itself falls back to a quoted style when a literal block cannot hold the
    # text exactly (trailing spaces, special characters), so this never loses a byte.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _represent_str)

_STR, _BOOL, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int"
_SEQ, _MAP, _NULL = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:null"


def node(value: Any) -> yaml.Node:
    """The node SafeRepresenter (with _represent_str, block style) makes for plain data."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value, style="|" if "\n" in value else None)
    if kind is dict:
        pairs = [(node(k), node(v)) for k, v in value.items()]
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    if kind is list:
        return yaml.SequenceNode(_SEQ, [node(v) for v in value], flow_style=False)
    if kind is bool:
        return yaml.ScalarNode(_BOOL, "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(_INT, str(value))
    if value is None:
        return yaml.ScalarNode(_NULL, "null")
    raise TypeError(f"no sidecar node for {kind.__name__}")
