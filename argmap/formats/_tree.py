"""Parse YAML or JSON text into plain data that remembers where each piece came from.

The readers need line and column for every mapping (so every node keeps its
origin) and, when something is wrong, for the offending key or value. PyYAML
gives marks only while *composing*, so YAML is composed (never constructed:
no Python tags, no alias expansion) and converted here. JSON is parsed by the
C decoder for speed; the start of each object is found afterwards by one
regular-expression pass (objects start in the text in the same order as a
pre-order walk of the parsed data), and key positions are looked up only
when an error needs them.
"""

from __future__ import annotations

import array
import bisect
import itertools
import json
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml  # imported when YAML is parsed: JSON files never pay for it

from argmap.errors import MapFileError

Position = tuple[int, int]

_YAML_SCALARS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
}
_YAML_COLLECTIONS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


class Locator:
    """Where the mappings, keys and values of parsed data stand in the text (1-based).

    For YAML it keeps where each mapping and list starts, by its place in the
    order the walk converted them, and not the composed tree (the tree of the
    100,000-statement file is 630 MB, nodes and marks); the keys and values
    inside a mapping are located, for an error, in the tree composed again.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        #: each mapping's and list's index (by ``id``) in the order they were converted
        self._index: dict[int, int] = {}
        self._lines = array.array("l")
        self._cols = array.array("l")
        #: composes the text again: the YAML nodes of the mappings and lists, in that order
        self._recompose: Callable[[], list[yaml.Node]] | None = None
        self._nodes: list[yaml.Node] | None = None

    def _record(self, obj: object, node: yaml.Node) -> None:
        self._index[id(obj)] = len(self._lines)
        mark = node.start_mark
        self._lines.append(mark.line + 1)
        self._cols.append(mark.column + 1)

    def _yaml_node(self, obj: object) -> yaml.Node | None:
        index = self._index.get(id(obj))
        if index is None or self._recompose is None:
            return None
        if self._nodes is None:
            self._nodes = self._recompose()
        return self._nodes[index]

    def node(self, obj: object) -> Position | None:
        """Position of a mapping or list."""
        index = self._index.get(id(obj))
        return None if index is None else (self._lines[index], self._cols[index])

    def nodes(self, objs: Sequence[object]) -> list[Position | None]:
        """:meth:`node` of each of ``objs``."""
        return list(map(self.node, objs))

    def key(self, obj: object, key: str) -> Position | None:
        """Position of ``key`` in mapping ``obj`` (falls back to the mapping)."""
        node = self._yaml_node(obj)
        if node is None:
            return self.node(obj)
        import yaml

        if isinstance(node, yaml.MappingNode):
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode) and str(k.value) == key:
                    return _mark(k)
        return self.node(obj)

    def value(self, obj: object, key: str | int) -> Position | None:
        """Position of the value at ``key`` (or list index) in ``obj``."""
        node = self._yaml_node(obj)
        if node is None:
            return self.key(obj, key) if isinstance(key, str) else self.node(obj)
        import yaml

        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and str(k.value) == key:
                    return _mark(v)
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(key, int)
            and 0 <= key < len(node.value)
        ):
            return _mark(node.value[key])
        if isinstance(key, str):
            return self.key(obj, key)
        return self.node(obj)

    def error(self, what: str, pos: Position | None) -> MapFileError:
        """A :class:`MapFileError` at ``pos`` in this file."""
        if pos is None:
            return MapFileError(what, file=self.file)
        return MapFileError(what, file=self.file, line=pos[0], col=pos[1])


# --- YAML -------------------------------------------------------------------------------------


def parse_yaml(text: str, file: str) -> tuple[Any, Locator]:
    """Compose YAML ``text`` and convert it to plain data plus a :class:`Locator`.

    Anchors and aliases are refused (maps reuse nodes with ``ref:``): the walk
    stops at the first node it meets twice, so a "billion laughs" document
    fails at once instead of expanding.
    """
    import yaml

    # the C composer when PyYAML was built with libyaml (about 10x faster)
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loc = Locator(file)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            problem += " (a tab: indent with spaces, not tabs)"
        context = exc.context_mark
        same = context is not None and mark is not None and context.index == mark.index
        if exc.context and context is not None and not same:
            problem = (
                f"{problem} ({exc.context} at line {context.line + 1}, column {context.column + 1})"
            )
        pos = (mark.line + 1, mark.column + 1) if mark is not None else None
        raise loc.error(f"YAML syntax error: {problem}", pos) from None
    except yaml.YAMLError as exc:
        raise loc.error(f"YAML syntax error: {exc}", None) from None
    if root is None:
        return None, loc

    def refuse(reason: str, node: yaml.Node) -> Exception:
        if reason == "alias":
            return loc.error(
                "YAML anchors and aliases (&name / *name) are not supported: "
                "reuse a node with {ref: ID} instead",
                _mark(node),
            )
        return loc.error(
            f"unsupported YAML tag {node.tag!r}: map files hold plain data only", _mark(node)
        )

    def key(k: Any, node: yaml.Node) -> str:
        if isinstance(k, int | float) and not isinstance(k, bool):
            return str(k)
        raise loc.error(f"a key must be a plain word, not {_kind(k)}", _mark(node))

    def convert(
        root: yaml.Node, containers: Callable[[Any, yaml.Node], None], release: bool
    ) -> Any:
        return walk_yaml(
            root,
            scalar=lambda node: _scalar(node, loc),
            collections=_YAML_COLLECTIONS,
            key=key,
            duplicate=lambda k, node: loc.error(f"duplicate key '{k}'", _mark(node)),
            refuse=refuse,
            aliases=False,
            containers=containers,
            release=release,
        )

    def recompose() -> list[yaml.Node]:
        nodes: list[yaml.Node] = []
        again = yaml.compose(text, Loader=loader)
        assert again is not None  # the text composed to a document the first time
        convert(again, lambda obj, node: nodes.append(node), False)
        return nodes

    data = convert(root, loc._record, True)
    loc._recompose = recompose
    return data, loc


def walk_yaml(
    root: yaml.Node,
    *,
    scalar: Callable[[yaml.ScalarNode], Any],
    collections: Collection[str],
    key: Callable[[Any, yaml.Node], str],
    duplicate: Callable[[str, yaml.Node], Exception],
    refuse: Callable[[str, yaml.Node], Exception],
    aliases: bool,
    budget: int | None = None,
    containers: Callable[[Any, yaml.Node], None] | None = None,
    release: bool = False,
) -> Any:
    """A composed YAML tree as plain data (dicts with text keys, lists, scalars), no recursion.

    The one walker of both YAML readers (map files here, Argdown's data
    blocks in :mod:`argmap.formats.argdown.data`). What they differ in comes
    as arguments, called only off the hot path: ``scalar`` converts a
    scalar (and refuses its tag if it must); a mapping or list whose tag is
    not in ``collections`` is refused; ``key`` turns a converted key that is
    not text into text (or raises); ``duplicate`` builds the error for a
    repeated key; ``refuse(reason, node)`` builds the error for ``"tag"``,
    ``"alias"`` (a node met twice, when ``aliases`` is false) and
    ``"budget"`` (more than ``budget`` node visits: a mapping or list counts
    twice). ``containers``, when given, is called with each mapping and
    list and its node, in the order they are converted (children first).
    ``release`` (without aliases only) lets a node's children go once it is
    converted, so that the composed tree shrinks as the data grows.
    """
    import yaml

    scalar_node = yaml.ScalarNode
    mapping_node = yaml.MappingNode
    out: dict[int, Any] = {}
    # a node met twice (an alias) must stay readable for its second parent
    take = out.__getitem__ if aliases else out.pop
    seen: set[int] = set()
    left = budget
    # iterative post-order conversion: (node, children_done)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    pop, push = stack.pop, stack.append
    while stack:
        node, done = pop()
        if not done:
            nid = id(node)
            if not aliases:
                if nid in seen:
                    raise refuse("alias", node)
                seen.add(nid)
            is_scalar = isinstance(node, scalar_node)
            if left is not None:
                left -= 1 if is_scalar else 2
                if left < 0:
                    raise refuse("budget", node)
            if isinstance(node, scalar_node):
                out[nid] = scalar(node)
                continue
            if node.tag not in collections:
                raise refuse("tag", node)
            push((node, True))
            if isinstance(node, mapping_node):
                for k, value in reversed(node.value):
                    push((value, False))
                    push((k, False))
            else:
                for item in reversed(node.value):
                    push((item, False))
            continue
        obj: Any
        if isinstance(node, mapping_node):
            mapping: dict[str, Any] = {}
            for k, value in node.value:
                name = take(id(k))
                if type(name) is not str:
                    name = key(name, k)
                if name in mapping:
                    raise duplicate(name, k)
                mapping[name] = take(id(value))
            obj = mapping
        else:
            obj = [take(id(item)) for item in node.value]
        if containers is not None:
            containers(obj, node)
        if release and not aliases:
            node.value = []
        out[id(node)] = obj
    return out[id(root)]


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode, loc: Locator) -> Any:
    tag = node.tag
    if tag not in _YAML_SCALARS:
        raise loc.error(
            f"unsupported YAML tag {tag!r}: map files hold plain data only", _mark(node)
        )
    value = node.value
    if tag == "tag:yaml.org,2002:str" or tag in (
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:binary",
    ):
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        digits = value.replace("_", "")
        try:
            return int(digits, 0)
        except ValueError:
            if len(digits) > MAX_INT_DIGITS:
                raise loc.error(TOO_MANY_DIGITS, _mark(node)) from None
            return value
    try:
        return float(value.replace("_", ""))
    except ValueError:
        return value


def describe(value: Any) -> str:
    """A value as an error message names it: "a mapping", "the text 'x'", "the int 7"."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"the {type(value).__name__} {value!r}"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


# --- JSON -------------------------------------------------------------------------------------

# Everything up to the next "{" or "[" outside a string, strings skipped inside the regex
# engine (possessive quantifiers: no backtracking); one match per object or array start.
_JSON_OPEN = re.compile(r'(?:[^"{\[]++|"(?:[^"\\]++|\\.)*+")*+[{\[]', re.DOTALL)


class _JsonLocator(Locator):
    """A locator that finds JSON keys on demand, by scanning the object's text.

    ``opens`` are the offsets where the objects and arrays open, in text
    order; ``containers`` are the parsed objects and arrays in that order. Their lines
    and columns are counted in one pass when first asked for (a pass between
    neighbours, never a table of every line: a 100,000-statement file has
    3 million lines), and any other offset from the nearest opening before it.
    """

    def __init__(self, file: str, text: str, opens: Sequence[int], containers: list[Any]) -> None:
        super().__init__(file)
        self._text = text
        self._opens = opens
        self._containers = containers
        #: each container's index among the openings by its id, made when one is looked up
        self._ids: array.array[int] | None = None
        self._order: array.array[int] | None = None
        self._places: tuple[Sequence[int], Sequence[int]] | None = None

    def _lookup(self) -> tuple[array.array[int], array.array[int]]:
        """The containers' ids sorted, and the index of each among the openings, in machine
        integers (5 MB for 300,000 containers, where a dict of them takes 30 MB)."""
        if self._ids is None or self._order is None:
            ids = list(map(id, self._containers))
            order = sorted(range(len(ids)), key=ids.__getitem__)
            self._ids = array.array("Q", map(ids.__getitem__, order))
            self._order = array.array("q", order)
        return self._ids, self._order

    def _opening_places(self) -> tuple[Sequence[int], Sequence[int]]:
        if self._places is None:
            # machine integers, not int objects: 8 bytes a place where a list takes 36
            lines = array.array("q")
            cols = array.array("q")
            for line, col in self._line_cols(self._opens):
                lines.append(line)
                cols.append(col)
            self._places = lines, cols
        return self._places

    def _line_cols(self, offsets: Iterable[int]) -> Iterator[Position]:
        """The line and column of each of ``offsets`` (ascending), counted in one pass."""
        count, rfind = self._text.count, self._text.rfind
        line = col = 1
        previous = 0
        for offset in offsets:
            breaks = count("\n", previous, offset)
            if breaks:
                line += breaks
                col = offset - rfind("\n", previous, offset)
            else:
                col += offset - previous
            yield line, col
            previous = offset

    def _place(self, index: int) -> Position:
        lines, cols = self._places or self._opening_places()
        return lines[index], cols[index]

    def _pos(self, offset: int) -> Position:
        index = bisect.bisect_right(self._opens, offset) - 1
        if index < 0:
            base, (line, col) = 0, (1, 1)
        else:
            base, (line, col) = self._opens[index], self._place(index)
        breaks = self._text.count("\n", base, offset)
        if not breaks:
            return line, col + offset - base
        return line + breaks, offset - self._text.rfind("\n", base, offset)

    def _container(self, obj: object) -> int | None:
        """The index of a container among the openings (``None`` for anything else)."""
        key = id(obj)
        ids, order = self._lookup()
        at = bisect.bisect_left(ids, key)
        if at < len(ids) and ids[at] == key:
            return order[at]
        return None

    def node(self, obj: object) -> Position | None:
        index = self._container(obj)
        if index is None:
            return None
        lines, cols = self._places or self._opening_places()
        return lines[index], cols[index]

    def nodes(self, objs: Sequence[object]) -> list[Position | None]:
        if self._places is None and self._ids is None:
            # before any lookup (as the reader asks, once, for all its node definitions): one
            # pass over the containers finds them, in text order, with no index of all ids
            wanted = {id(obj): at for at, obj in enumerate(objs)}
            hits = list(map(wanted.get, map(id, self._containers), itertools.repeat(-1)))
            found = list(map((-1).__ne__, hits))
            index = list(itertools.compress(range(len(hits)), found))
            if len(wanted) == len(objs) == len(index):
                return self._places_of(index, list(itertools.compress(hits, found)))
        return list(map(self.node, objs))

    def _places_of(self, index: list[int], into: list[int]) -> list[Position | None]:
        """The places of the openings ``index`` (in text order), each put at its place in
        ``into``, counted in one pass over them (the map's node definitions are a third of
        its openings: the rest are counted only if asked for)."""
        out: list[Position | None] = [None] * len(index)
        places = self._line_cols(map(self._opens.__getitem__, index))
        for at, place in zip(into, places, strict=True):
            out[at] = place
        return out

    def key(self, obj: object, key: str) -> Position | None:
        index = self._container(obj)
        if index is None or not isinstance(obj, dict):
            return self.node(obj)
        offset = self._opens[index]
        found = _find_key(self._text, offset, key)
        return self._pos(found) if found is not None else self._place(index)

    def value(self, obj: object, key: str | int) -> Position | None:
        if isinstance(obj, list) and isinstance(key, int) and 0 <= key < len(obj):
            item = obj[key]
            if isinstance(item, dict | list):
                return self.node(item)
            return self.node(obj)
        if isinstance(obj, dict) and isinstance(key, str):
            item = obj.get(key)
            if isinstance(item, dict | list):
                return self.node(item)
            return self.key(obj, key)
        return self.node(obj)


def _find_key(text: str, offset: int, key: str) -> int | None:
    """Offset of ``"key":`` directly inside the object that starts at ``offset``."""
    depth = 0
    pattern = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]', re.DOTALL)
    for match in pattern.finditer(text, offset):
        token = match.group()
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
            if depth == 0:
                return None
        elif depth == 1:
            rest = text[match.end() : match.end() + 64].lstrip()
            if rest.startswith(":"):
                try:
                    if json.loads(token) == key:
                        return match.start()
                except ValueError:
                    continue
    return None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


#: The deepest nesting a map file may have, in JSON as in YAML (libyaml's own limit).
MAX_DEPTH = 1000
#: Python's limit on the digits of an integer read from text (``sys.get_int_max_str_digits``).
MAX_INT_DIGITS = 4300

TOO_MANY_DIGITS = (
    f"a number with more than {MAX_INT_DIGITS:,} digits: too long to be map data "
    "(write it as text, in quotes, if it is meant)"
)
_BIG_INT = re.compile(rf"(?<![\w.])-?[0-9]{{{MAX_INT_DIGITS + 1},}}(?![\w.])")
_JSON_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def too_many_digits(file: str, text: str, start: int = 0) -> MapFileError:
    """The error for an integer longer than Python reads, at the first one in ``text``."""
    match = _BIG_INT.search(text, start)
    if match is None:
        return MapFileError(TOO_MANY_DIGITS, file=file)
    line, col = _line_col(text, match.start())
    return MapFileError(TOO_MANY_DIGITS, file=file, line=line, col=col)


def too_deep(file: str, text: str) -> MapFileError:
    """The error for JSON nested deeper than :data:`MAX_DEPTH`, where it first gets too deep."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _line_col(text, match.start())
                return MapFileError(
                    f"nested more than {MAX_DEPTH} levels deep (the limit of map files, "
                    "JSON and YAML alike)",
                    file=file,
                    line=line,
                    col=col,
                )
        elif token in "]}":
            depth -= 1
    return MapFileError(f"nested more than {MAX_DEPTH} levels deep", file=file)


def _line_col(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def load_json(text: str, file: str, **options: Any) -> Any:
    """``json.loads`` with every failure as a located :class:`MapFileError`.

    Syntax errors, integers too long for Python, nesting deeper than
    :data:`MAX_DEPTH` and ``\\uD800``-style escapes that make no character
    (lone surrogates, which no UTF-8 output can hold) are all refused here.
    """
    data = _decode(text, file, options)
    # only a text with that many brackets can nest that deep: the walk is skipped otherwise
    if text.count("[") + text.count("{") > MAX_DEPTH and json_depth(data) > MAX_DEPTH:
        raise too_deep(file, text)
    _refuse_surrogates(data, text, file)
    return data


def _decode(text: str, file: str, options: dict[str, Any]) -> Any:
    """``json.loads``, its failures located (all but depth and surrogates, checked after)."""
    import sys

    limit = sys.getrecursionlimit()
    # the C decoder recurses once a level: leave room for MAX_DEPTH levels wherever we are
    sys.setrecursionlimit(limit + MAX_DEPTH + 100)
    try:
        return json.loads(text, **options)
    except json.JSONDecodeError as exc:
        raise MapFileError(
            f"JSON syntax error: {exc.msg}", file=file, line=exc.lineno, col=exc.colno
        ) from None
    except RecursionError:
        raise too_deep(file, text) from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise too_many_digits(file, text) from None
        raise MapFileError(f"JSON cannot be read: {exc}", file=file) from None
    finally:
        sys.setrecursionlimit(limit)


def _refuse_surrogates(data: Any, text: str, file: str) -> None:
    if _SURROGATE.search(text):
        _check_surrogates(data, text, file)


def _check_surrogates(data: Any, text: str, file: str) -> None:
    stack = [data]
    while stack:
        obj = stack.pop()
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, list):
            stack.extend(obj)
        elif isinstance(obj, str):
            try:
                obj.encode("utf-8")
            except UnicodeEncodeError as exc:
                code = f"\\u{ord(obj[exc.start]):04x}"
                found = next(
                    (m for m in _SURROGATE.finditer(text) if m.group().lower() == code), None
                )
                where = _line_col(text, found.start()) if found else (None, None)
                raise MapFileError(
                    f"the escape {code} is half of a UTF-16 pair, not a character "
                    "(a lone surrogate): remove it or give the whole character",
                    file=file,
                    line=where[0],
                    col=where[1],
                ) from None


def json_depth(data: Any) -> int:
    """How deeply objects and lists nest in parsed JSON (0 for a scalar)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        obj, depth = stack.pop()
        if isinstance(obj, dict):
            values: Any = obj.values()
        elif isinstance(obj, list):
            values = obj
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((v, depth + 1) for v in values if isinstance(v, dict | list))
    return deepest


def parse_json(text: str, file: str) -> tuple[Any, Locator]:
    """Parse JSON ``text`` into plain data plus a :class:`Locator` for its objects.

    The C decoder builds the objects itself (no hook called 240,000 times on a
    large map); that no key was given twice is proved afterwards by counting
    colons (:func:`_no_duplicate_keys`). Whenever that cannot be proved, or the
    text does not decode, it is decoded again as before, with a hook that
    finds the repeated key, so that every error is the one it always was.
    """
    parsed = _fast_decode(text)
    if parsed is not None:
        data = parsed[0]
        # one walk finds the containers, how deep they nest and how many keys they hold
        containers, deepest, keys = _containers(data)
        if not _no_duplicate_keys(text, containers, keys):
            parsed = None
    if parsed is None:
        try:
            data = _decode(text, file, {"object_pairs_hook": _no_duplicates})
        except _DuplicateKey as exc:
            pos = _first_duplicate(text, exc.key)
            loc = _JsonLocator(file, text, [], [])
            raise loc.error(
                f"duplicate key '{exc.key}'", loc._pos(pos) if pos is not None else None
            ) from None
        containers, deepest, keys = _containers(data)
    if deepest > MAX_DEPTH:
        raise too_deep(file, text)
    _refuse_surrogates(data, text, file)
    offsets = _bracket_offsets(text)
    if len(offsets) != len(containers):
        # some text holds "{" or "[": skip strings properly. Past the last real bracket the
        # scan fails and restarts inside a string, so only the first matches count
        found = (m.end() - 1 for m in _JSON_OPEN.finditer(text))
        offsets = array.array("q", itertools.islice(found, len(containers)))
    return data, _JsonLocator(file, text, offsets, containers)


def _fast_decode(text: str) -> tuple[Any] | None:
    """``json.loads`` of ``text`` in a 1-tuple, duplicate keys unchecked; ``None`` if it fails
    in any way (the caller decodes again, with the hook, for the error it gave before)."""
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + MAX_DEPTH + 100)
    try:
        return (json.loads(text),)
    except (ValueError, RecursionError):
        return None
    finally:
        sys.setrecursionlimit(limit)


_COLON_ESCAPE = re.compile(r"\\u003[aA]")


def _no_duplicate_keys(text: str, containers: list[Any], keys: int) -> bool:
    """Whether no object of the text gives a key twice (``False``: it may, or it cannot be told).

    Outside strings every colon of JSON text separates a key from its value,
    so the text's colons are the pairs it writes plus the colons inside its
    strings. Decoding drops a repeated key's first pair and whatever was in
    its value: the data's keys plus the colons of its strings then fall short
    of the text's colons. A ``\\u003a`` escape puts a colon in a string that
    the text does not have, so the count proves nothing then.
    """
    colons = text.count(":")
    if colons == keys:
        return True  # no string holds a colon, and every pair of the text was kept
    if colons < keys or _COLON_ESCAPE.search(text):
        return False
    inside = 0
    for obj in containers:
        if type(obj) is dict:
            for key, value in obj.items():
                inside += key.count(":")
                if type(value) is str:
                    inside += value.count(":")
        else:
            for value in obj:
                if type(value) is str:
                    inside += value.count(":")
    return colons == keys + inside


def _containers(data: Any) -> tuple[list[Any], int, int]:
    """Every object and array of parsed JSON, in the order their brackets open in the text,
    the deepest nesting among them (0 for a scalar) and how many keys the objects hold."""
    if type(data) is not dict and type(data) is not list:
        return [], 0, 0
    found: list[Any] = []
    append = found.append
    deepest = keys = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        obj, depth = pop()
        append(obj)
        if depth > deepest:
            deepest = depth
        depth += 1
        # pushed last to first, so that they pop in text order (no list of them made first:
        # on a 100,000-statement map this walk takes 40% less time)
        if type(obj) is dict:
            keys += len(obj)
            for value in reversed(obj.values()):
                if type(value) is dict or type(value) is list:
                    push((value, depth))
        else:
            for value in reversed(obj):
                if type(value) is dict or type(value) is list:
                    push((value, depth))
    return found, deepest, keys


#: The text is scanned in pieces of this many characters: each piece's copy and split stay
#: small where whole-text ones would add twice the file to the peak memory.
_PIECE = 1 << 20


def _bracket_offsets(text: str) -> array.array[int]:
    """Offsets of every "{" and "[" in ``text``, strings included (C loops only, no matches).

    When there are exactly as many as the parsed data has objects and arrays,
    no string holds a bracket and these are the containers' openings, in order.
    """
    found = array.array("q")  # 8 bytes an offset where a list of ints takes 36
    for start in range(0, len(text), _PIECE):
        pieces = text[start : start + _PIECE].replace("[", "{").split("{")
        found.extend(
            map(operator.add, itertools.accumulate(map(len, pieces[:-1])), itertools.count(start))
        )
    return found


def _first_duplicate(text: str, key: str) -> int | None:
    quoted = json.dumps(key)
    first = text.find(quoted)
    if first < 0:
        return None
    second = text.find(quoted, first + 1)
    return second if second >= 0 else first
