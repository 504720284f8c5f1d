"""PyYAML's safe loader and dumper as yamlio uses them, imported on the first YAML read or write."""

from __future__ import annotations

from itertools import chain
from typing import Any

import yaml

from reviewer.core.yamlio import paused_gc

# CSafeLoader parses in C but builds objects with the same SafeConstructor as yaml.safe_load, so
# tags such as !!python/object/apply are refused exactly as before; CSafeDumper likewise
# represents with SafeRepresenter. Without libyaml both fall back to the pure-Python classes.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class AliasError(yaml.constructor.ConstructorError):
    """A YAML alias (``*name``): never read, so no file can hide an expansion bomb."""


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key given twice in one mapping: the second would silently replace the first."""


class _StrictLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that refuses aliases (and, when asked, a key given twice).

    A billion-laughs document is a few hundred bytes of anchors and aliases whose constructed
    data shares its parts; it only explodes when walked. Refusing every alias costs one C-level
    set test per mapping and sequence: a node already constructed is met again only through
    an alias. !!omap and !!pairs build their entries without those two methods, so they are
    refused too (no reviewer file uses them).
    """

    unique_keys = False

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)  # merge keys (<<) bring in their nodes here
        pairs = node.value
        self._no_alias(list(chain.from_iterable(pairs)))
        if self.unique_keys:
            keys = [k.value for k, _ in pairs if isinstance(k, yaml.ScalarNode)]
            if len(set(keys)) != len(keys):
                seen: set[str] = set()
                for k, _ in pairs:
                    if isinstance(k, yaml.ScalarNode):
                        if k.value in seen:
                            raise DuplicateKeyError(
                                None, None, f"the key {k.value!r} appears twice", k.start_mark
                            )
                        seen.add(k.value)
        return yaml.constructor.BaseConstructor.construct_mapping(self, node, deep)

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> Any:
        self._no_alias(node.value)
        return super().construct_sequence(node, deep)

    def _no_alias(self, children: list[yaml.Node]) -> None:
        """A node met twice (here or already built elsewhere) was reached through an alias."""
        if self.constructed_objects.keys().isdisjoint(children) and len(set(children)) == len(
            children
        ):
            return
        seen: set[yaml.Node] = set()
        for n in children:
            if n in self.constructed_objects or n in seen:
                raise AliasError(None, None, _ALIAS, n.start_mark)
            seen.add(n)

    def _refuse(self, node: yaml.Node) -> Any:
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {node.tag} is not used in reviewer files", node.start_mark
        )


_ALIAS = "a YAML alias (*name) is not read: reviewer files never use them"
for _tag in ("tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
    _StrictLoader.add_constructor(_tag, _StrictLoader._refuse)


class _UniqueKeysLoader(_StrictLoader):
    unique_keys = True


def safe_load_fast(text: str | bytes, *, unique_keys: bool = False) -> Any:
    """``yaml.safe_load(text)`` without aliases, parsed by libyaml when available.

    Raises AliasError (a yaml.YAMLError) for any alias, and with ``unique_keys`` a
    DuplicateKeyError for a key given twice in one mapping.
    """
    loader = _UniqueKeysLoader if unique_keys else _StrictLoader
    with paused_gc():
        return yaml.load(text, Loader=loader)


def dump_fast(data: Any, **options: Any) -> str:
    """``yaml.safe_dump(data, **options)`` through libyaml's emitter when available."""
    options.setdefault("Dumper", SafeDumper)
    with paused_gc():
        text: str = yaml.dump(data, **options)
    return text


def serialize_fast(node: yaml.Node, **options: Any) -> str:
    """Emit an already built node tree (``options`` as for yaml.serialize)."""
    options.setdefault("Dumper", SafeDumper)
    with paused_gc():
        text: str = yaml.serialize(node, **options)
    return text
