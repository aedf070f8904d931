"""The YAML of Argdown's ``{...}`` data blocks and front matter, read as Argdown's js-yaml reads it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap.formats._tree import MAX_INT_DIGITS, TOO_MANY_DIGITS, walk_yaml

if TYPE_CHECKING:
    import yaml  # imported when a data block is not JSON: most Argdown files never pay for it

# --- YAML data --------------------------------------------------------------------------------

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


#: ``json.loads(text, object_pairs_hook=_json_pairs)`` without making a decoder each time
_JSON = json.JSONDecoder(object_pairs_hook=_json_pairs)

_FLOW_INDICATORS = "[]{},"


def _js_flow(source: str) -> tuple[str, list[int]]:
    """``source`` with a blank after each ``:`` that js-yaml reads as a value indicator.

    In a flow collection js-yaml (YAML 1.2) ends a plain key at a ``:`` that a
    flow indicator follows (``{from:["1"]}``, ``{a:}``); PyYAML (YAML 1.1)
    rejects that. A blank after such a colon means the same to both. Returns
    the new text and where blanks went in (to map error places back).
    """
    if ":" not in source or ("{" not in source and "[" not in source):
        return source, []
    out: list[str] = []
    inserted: list[int] = []
    depth = 0
    quote = ""
    last = ""  # the last character outside quotes that is not a blank
    i = 0
    size = len(source)
    while i < size:
        c = source[i]
        out.append(c)
        if quote:
            if c == "\\" and quote == '"' and i + 1 < size:
                out.append(source[i + 1])
                i += 1
            elif c == quote:
                if quote == "'" and source[i + 1 : i + 2] == "'":
                    out.append("'")
                    i += 1
                else:
                    quote = ""
                    last = c
        elif c in "'\"" and (not last or last in "{[,:" or source[i - 1] in " \t\n"):
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        elif c == "#" and (i == 0 or source[i - 1] in " \t\n"):
            end = source.find("\n", i)
            end = size if end < 0 else end
            out.append(source[i + 1 : end])
            i = end
            continue
        elif (
            c == ":"
            and depth
            and last not in ("", ":")
            and last not in _FLOW_INDICATORS
            and source[i + 1 : i + 2] in tuple(_FLOW_INDICATORS)
        ):
            inserted.append(i + 1)
            out.append(" ")
        if not quote and c not in " \t\n\r":
            last = c
        i += 1
    return "".join(out), inserted


def _load_yaml(source: str) -> Any:
    """YAML ``source`` as plain JSON-like data (dict keys are text), built without recursion.

    Raises :class:`yaml.YAMLError` or :class:`ValueError` (with an index into
    ``source`` when known, as ``(message, index)`` arguments). A flow
    collection is read as js-yaml, Argdown's YAML library, reads it (see
    :func:`_js_flow`).
    """
    stripped = source.strip()
    if stripped[:1] in ("{", "["):
        # Inline data is usually JSON-like; json is fast and agrees with YAML on it (and
        # with js-yaml: the blanks _js_flow would add are outside strings, where JSON
        # ignores them), so the character scan of _js_flow is left for the rest
        try:
            return _JSON.decode(stripped)
        except _DuplicateKey as exc:
            raise ValueError(f"duplicate key {exc.key!r} in the data", None) from None
        except ValueError:
            pass
    lenient, inserted = _js_flow(source)
    if inserted:
        import yaml

        try:
            return _load_yaml_strict(lenient)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            if mark is None:
                raise ValueError(problem, None) from None
            raise ValueError(
                problem, mark.index - sum(at <= mark.index for at in inserted)
            ) from None
        except ValueError as exc:
            if len(exc.args) == 2 and isinstance(exc.args[1], int):
                index = exc.args[1] - sum(1 for at in inserted if at <= exc.args[1])
                raise ValueError(exc.args[0], index) from None
            raise
    return _load_yaml_strict(source)


def _load_yaml_strict(source: str) -> Any:
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(source, Loader=loader)
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
