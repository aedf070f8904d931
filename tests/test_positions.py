"""Where parsed data stands in the text: the JSON and YAML locators against the texts themselves.

The locators keep only where each mapping and list opens (not a table of
every line, not the composed YAML tree); these tests check every place they
give against one found independently: for JSON by scanning the characters,
for YAML by the composer's own marks, walked beside the data.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapFileError
from argmap.formats._tree import Locator, parse_json, parse_yaml

KEYS = st.sampled_from(["a", "id", "text", "k{", "x[y]", 'q"', "é"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.sampled_from(["", "plain", "a{b", "c[d]", "two\nlines", "é€😀", 'q"{', "x: y"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=30,
)


def _json_openings(text: str) -> list[tuple[int, int]]:
    """(line, column) of every "{" and "[" outside strings, in order, by a character scan."""
    out: list[tuple[int, int]] = []
    line, col, in_string, escaped = 1, 1, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            out.append((line, col))
        if char == "\n":
            line, col = line + 1, 1
        else:
            col += 1
    return out


def _containers(data: Any) -> list[Any]:
    """Mappings and lists in pre-order (the order their openings stand in JSON text)."""
    out: list[Any] = []
    stack = [data]
    while stack:
        obj = stack.pop()
        if isinstance(obj, dict | list):
            out.append(obj)
            stack.extend(reversed(list(obj.values() if isinstance(obj, dict) else obj)))
    return out


@settings(max_examples=300, deadline=None)
@given(DATA, st.sampled_from([None, 0, 1, 2]), st.booleans())
def test_json_places_are_where_the_brackets_open(
    data: Any, indent: int | None, ascii: bool
) -> None:
    text = "\n " + json.dumps(data, indent=indent, ensure_ascii=ascii)
    parsed, loc = parse_json(text, "f.json")
    containers = _containers(parsed)
    # all at once (as the reader asks, in any order) before one by one
    assert loc.nodes(containers[::-1]) == _json_openings(text)[::-1]
    assert [loc.node(obj) for obj in containers] == _json_openings(text)


def _walk_beside(obj: Any, node: yaml.Node, loc: Locator) -> None:
    stack = [(obj, node)]
    while stack:
        obj, node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        mark = node.start_mark
        assert loc.node(obj) == (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = str(key_node.value)
                place = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                assert loc.key(obj, key) == place
                value_place = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
                assert loc.value(obj, key) == value_place
                stack.append((obj[key], value_node))
        else:
            for index, item in enumerate(node.value):
                assert loc.value(obj, index) == (
                    item.start_mark.line + 1,
                    item.start_mark.column + 1,
                )
                stack.append((obj[index], item))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, DATA, min_size=1, max_size=4), st.booleans())
def test_yaml_places_are_the_composers_marks(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    parsed, loc = parse_yaml(text, "f.yaml")
    assert parsed == data
    assert loc._nodes is None  # nothing but the openings kept until a key is asked for
    root = yaml.compose(text)
    assert root is not None
    _walk_beside(parsed, root, loc)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('{"a": 1, "a": 2}', "f.json:1:10: duplicate key 'a'"),
        ('{"a": "x:y", "b": {"c": 1, "c": 2}}', "f.json:1:28: duplicate key 'c'"),
        ('{"a": "\\u003a", "a": 1}', "f.json:1:17: duplicate key 'a'"),
        ('{"a:b": 1, "a:b": 2}', "f.json:1:12: duplicate key 'a:b'"),
        ('{"a": {"x": "1:2"}, "a": 3}', "f.json:1:21: duplicate key 'a'"),
        ('{"t": "::", "t": "::"}', "f.json:1:13: duplicate key 't'"),
        ('{"a": 1, "a": [}', "f.json:1:16: JSON syntax error: Expecting value"),
    ],
)
def test_json_duplicate_keys_found_beside_colons_in_strings(text: str, error: str) -> None:
    # keys are checked by counting colons: colons in strings and \u003a escapes must not hide
    # a repeated key, and a text that does not decode gives the error it always gave
    with pytest.raises(MapFileError) as caught:
        parse_json(text, "f.json")
    assert str(caught.value) == error


@pytest.mark.parametrize(
    "text", ['{"a": "\\u003a", "b": 1}', '{"a": "q:", "b": [1, "z:z", {"d": ":"}]}']
)
def test_json_colons_in_strings_are_no_duplicate_keys(text: str) -> None:
    parsed, _ = parse_json(text, "f.json")
    assert parsed == json.loads(text)
