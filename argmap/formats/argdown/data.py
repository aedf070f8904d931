"""The YAML of Argdown's ``{...}`` data blocks and front matter, read as Argdown's js-yaml reads it."""

from __future__ import annotations

import json
from typing import Any

import yaml

from argmap.formats._tree import MAX_INT_DIGITS, TOO_MANY_DIGITS, walk_yaml

# --- YAML data --------------------------------------------------------------------------------

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: A cap on the YAML nodes one data block may expand to (aliases can multiply them).
MAX_DATA_NODES = 200_000


_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in (
        "str",
        "null",
        "bool",
        "int",
        "float",
        "timestamp",
        "binary",
        "merge",
        "seq",
        "map",
        "omap",
        "pairs",
        "set",
    )
)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _yaml_scalar(node: yaml.ScalarNode) -> Any:
    """A scalar as Argdown's YAML library (js-yaml, YAML 1.2 core types) would read it."""
    tag = node.tag
    value: str = node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        # PyYAML (YAML 1.1) also reads yes/no/on/off as booleans; js-yaml does not
        low = value.lower()
        return low == "true" if low in ("true", "false") else value
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value, 0) if value[:2].lower() in ("0x", "0o") else int(value, 10)
        except ValueError:
            if len(value) > MAX_INT_DIGITS:
                raise ValueError(TOO_MANY_DIGITS, node.start_mark.index) from None
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value)
        except ValueError:
            return value
    if tag not in _YAML_TAGS:
        raise _unknown_tag(node)
    return value  # timestamps, binary and merge keys: the text as written


def _yaml_key(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise ValueError("a key of a data block must be a plain word or number")


def _load_yaml(source: str) -> Any:
    """YAML ``source`` as plain JSON-like data (dict keys are text), built without recursion.

    Raises :class:`yaml.YAMLError` or :class:`ValueError` (with an index into
    ``source`` when known, as ``(message, index)`` arguments).
    """
    stripped = source.strip()
    if stripped[:1] in ("{", "["):
        # Inline data is usually JSON-like; json is fast and agrees with YAML on it
        try:
            return json.loads(stripped, object_pairs_hook=_json_pairs)
        except _DuplicateKey as exc:
            raise ValueError(f"duplicate key {exc.key!r} in the data", None) from None
        except ValueError:
            pass
    root = yaml.compose(source, Loader=_Loader)
    if root is None:
        return None

    def refuse(reason: str, node: yaml.Node) -> Exception:
        if reason == "budget":
            return ValueError("the data block is too large (aliases expand too far)", None)
        return _unknown_tag(node)

    def key(value: Any, node: yaml.Node) -> str:
        try:
            return _yaml_key(value)
        except ValueError as exc:
            raise ValueError(str(exc), node.start_mark.index) from None

    return walk_yaml(
        root,
        scalar=_yaml_scalar,
        collections=_YAML_TAGS,
        key=key,
        duplicate=lambda name, node: ValueError(
            f"duplicate key {name!r} in the data", node.start_mark.index
        ),
        refuse=refuse,
        aliases=True,
        budget=MAX_DATA_NODES,
    )


def _unknown_tag(node: yaml.Node) -> ValueError:
    # as in Argdown's YAML library: an unknown tag is an error, never a constructor
    return ValueError(f"unknown YAML tag {node.tag!r}", node.start_mark.index)


def _merge(into: Any, new: Any) -> Any:
    """Deep-merge ``new`` into ``into`` (mappings merge, anything else is replaced), no recursion."""
    if not isinstance(into, dict) or not isinstance(new, dict):
        return new
    work: list[tuple[dict[str, Any], dict[str, Any]]] = [(into, new)]
    while work:
        target, source = work.pop()
        for key, value in source.items():
            old = target.get(key)
            if isinstance(old, dict) and isinstance(value, dict):
                work.append((old, value))
            else:
                target[key] = value
    return into
