"""Where the ids and nodes of a map stand in its text: what an editor needs beyond the model.

The model keeps one origin per node (its first line and column); an editor
also needs every place an id is written (``id:`` definitions, ``ref:``,
``node:``, ``from:``/``to:``; Argdown's ``[Title]`` and ``<Title>``) and the
extent of each node, for go to definition, find references, the outline and
hover. This module reads the text alone, without building a map, so it
works on a half-typed buffer too: a YAML or JSON buffer that does not parse
gives an empty outline, an Argdown buffer is scanned line by line.

Positions are 1-based lines and columns counted in characters (code
points), as in :class:`argmap.model.Origin`; a span's end is exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text: 1-based start line and column, exclusive end."""

    line: int
    col: int
    end_line: int
    end_col: int

    def contains(self, line: int, col: int) -> bool:
        """Whether the place (1-based) is inside the span or at its end."""
        if (line, col) < (self.line, self.col):
            return False
        return (line, col) <= (self.end_line, self.end_col)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place an id is written: its definition (``id:``, ``[T]: ...``) or a reference to it."""

    id: str
    span: Span
    definition: bool
    #: the key it is the value of (``id``, ``ref``, ``node``, ``from``, ``to``), or for
    #: Argdown ``statement`` (``[Title]``) and ``argument`` (``<Title>``)
    key: str


@dataclass(slots=True)
class OutlineNode:
    """A node of the map as written: a statement with its nested children, or a heading."""

    name: str
    kind: str
    span: Span
    #: the part to select when the node is chosen: its id, else its first line
    select: Span
    text: str | None = None
    children: list[OutlineNode] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    """Every id occurrence of a map's text, and its nodes as a tree (the editor's outline)."""

    occurrences: list[Occurrence] = field(default_factory=list)
    nodes: list[OutlineNode] = field(default_factory=list)

    def occurrence_at(self, line: int, col: int) -> Occurrence | None:
        """The occurrence under a place (1-based), if any."""
        for occ in self.occurrences:
            if occ.span.contains(line, col):
                return occ
        return None

    def definitions(self, node_id: str) -> list[Occurrence]:
        """Where ``node_id`` is defined (Argdown may define a statement several times)."""
        return [o for o in self.occurrences if o.id == node_id and o.definition]

    def references(self, node_id: str) -> list[Occurrence]:
        """Every place ``node_id`` is written, definitions included."""
        return [o for o in self.occurrences if o.id == node_id]

    def walk(self) -> list[OutlineNode]:
        """Every node, parents before their children, in text order."""
        out: list[OutlineNode] = []
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def node_at(self, line: int, col: int) -> OutlineNode | None:
        """The innermost statement node whose span holds the place."""
        best: OutlineNode | None = None
        for node in self.walk():
            if node.kind != "heading" and node.span.contains(line, col):
                best = node  # children come after their parents: the last hit is innermost
        return best


def outline(text: str, fmt: str) -> Outline:
    """The outline of ``text`` read as format ``fmt`` (``yaml``, ``json`` or ``argdown``).

    Other formats (AIF, microtexts) give an empty outline: their ids are
    numbers in machine-written files, not worth navigating by hand.
    """
    if fmt in ("yaml", "json"):
        return _native_outline(text)
    if fmt == "argdown":
        return _argdown_outline(text)
    return Outline()


# --- native maps (YAML, JSON) -----------------------------------------------------------------

#: list keys whose entries are statements, and what the entries are called
_NODE_LISTS = {
    "reasons": "reason",
    "evidence": "evidence",
    "objections": "objection",
    "undercuts": "undercut",
    "statements": "statement",
}
_REFERENCE_KEYS = ("ref", "node", "from", "to")


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _scalar_span(node: yaml.ScalarNode) -> Span:
    span = _span(node)
    if node.style in ("'", '"') and span.line == span.end_line and span.end_col - span.col >= 2:
        return Span(span.line, span.col + 1, span.end_line, span.end_col - 1)  # inside the quotes
    return span


def _native_outline(text: str) -> Outline:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return Outline()
    result = Outline()
    if not isinstance(root, yaml.MappingNode):
        return result
    # (yaml node, what its entries are if it is a node list or a node, the outline list to add to)
    stack: list[tuple[yaml.Node, str | None, list[OutlineNode]]] = [(root, None, result.nodes)]
    while stack:
        node, role, siblings = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            for item in reversed(node.value):
                stack.append((item, role, siblings))
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        pairs = [(k.value, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
        keys = dict(pairs)
        children = siblings
        if role is not None and ("text" in keys or "id" in keys):
            entry = _native_node(node, role, keys)
            siblings.append(entry)
            children = entry.children
        later: list[tuple[yaml.Node, str | None, list[OutlineNode]]] = []
        for key, value in pairs:
            if key == "id" and isinstance(value, yaml.ScalarNode):
                result.occurrences.append(
                    Occurrence(str(value.value), _scalar_span(value), True, "id")
                )
            elif key == "inference" and isinstance(value, yaml.MappingNode):
                for ik, iv in value.value:
                    if (
                        isinstance(ik, yaml.ScalarNode)
                        and ik.value == "id"
                        and isinstance(iv, yaml.ScalarNode)
                    ):
                        result.occurrences.append(
                            Occurrence(str(iv.value), _scalar_span(iv), True, "id")
                        )
            elif key in _REFERENCE_KEYS:
                values = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for item in values:
                    if isinstance(item, yaml.ScalarNode) and item.value != "":
                        result.occurrences.append(
                            Occurrence(str(item.value), _scalar_span(item), False, key)
                        )
            if node is root and key == "conclusion":
                later.append((value, "conclusion", children))
            elif key in _NODE_LISTS and (node is root) == (key == "statements"):
                later.append((value, _NODE_LISTS[key], children))
            elif key == "linked" and role is not None:
                later.append((value, role, children))
            elif key in ("gaps", "relations") and node is root:
                later.append((value, None, children))
        stack.extend(reversed(later))
    result.occurrences.sort(key=lambda o: (o.span.line, o.span.col))
    return result


def _native_node(node: yaml.MappingNode, role: str, keys: dict[str, yaml.Node]) -> OutlineNode:
    import yaml

    sid = keys.get("id")
    text_node = keys.get("text")
    text = str(text_node.value) if isinstance(text_node, yaml.ScalarNode) else None
    if isinstance(sid, yaml.ScalarNode):
        name, select = str(sid.value), _scalar_span(sid)
    elif isinstance(text_node, yaml.ScalarNode):
        name, select = (text or "")[:40], _scalar_span(text_node)
    else:  # pragma: no cover - only nodes with an id or a text get here
        name, select = role, _span(node)
    return OutlineNode(name, role, _span(node), select, text)


# --- Argdown ----------------------------------------------------------------------------------

_HEADING = re.compile(r"#{1,6}(?=\s)\s*(.*?)\s*$")
# an element at the start of a line: indentation, a relation or list marker, then [T] or <T>
_ELEMENT_START = re.compile(
    r"[ \t]*(?:(?:[+\-]>|<[+\-_]|_>|><|[+\-_])[ \t]+|(?:\(\d+\)|\d+\.|\*)[ \t]+)?"
)
_STATEMENT_REF = re.compile(r"(?<![\\@])\[([^\[\]\n]+)\](?!\()")
_ARGUMENT_REF = re.compile(r"(?<![\\@])<([^<>\n]+)>")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->", re.DOTALL)


def _blank_comments(text: str) -> str:
    """The text with comments replaced by spaces (lines and columns unchanged)."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    text = _BLOCK_COMMENT.sub(blank, text)
    return re.sub(r"(?m)(^|[ \t])//[^\n]*", blank, text)


def _front_matter_end(lines: list[str]) -> int:
    """The number of lines of the front matter (``===`` ... ``===``) at the top, or 0."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "===":
        return 0
    for i in range(first + 1, len(lines)):
        if lines[i].strip() == "===":
            return i + 1
    return 0


def _argdown_outline(text: str) -> Outline:
    result = Outline()
    lines = _blank_comments(text).split("\n")
    skip = _front_matter_end(lines)
    # open headings by level, innermost last
    headings: list[tuple[int, OutlineNode]] = []
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(lines, start=1):
        if number <= skip:
            continue
        heading = _HEADING.match(line)
        if heading and line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            while headings and headings[-1][0] >= level:
                headings.pop()
            span = Span(number, 1, number, len(line) + 1)
            node = OutlineNode(heading.group(1) or "#" * level, "heading", span, span)
            (headings[-1][1].children if headings else result.nodes).append(node)
            headings.append((level, node))
            _extend_heading_spans(headings, number, len(line) + 1)
            continue
        start = _ELEMENT_START.match(line)
        at = start.end() if start else 0
        for pattern, key in ((_STATEMENT_REF, "statement"), (_ARGUMENT_REF, "argument")):
            for match in pattern.finditer(line):
                title = match.group(1).strip()
                if not title:
                    continue
                span = Span(number, match.start(1) + 1, number, match.end(1) + 1)
                defines = match.start() == at and line[match.end() :].startswith(":")
                result.occurrences.append(Occurrence(title, span, defines, key))
                if defines and (key, title) not in seen:
                    seen.add((key, title))
                    rest = line[match.end() + 1 :].strip()
                    whole = Span(number, 1, number, len(line) + 1)
                    node = OutlineNode(title, key, whole, span, rest or None)
                    (headings[-1][1].children if headings else result.nodes).append(node)
        if headings and line.strip():
            _extend_heading_spans(headings, number, len(line) + 1)
    result.occurrences.sort(key=lambda o: (o.span.line, o.span.col))
    return result


def _extend_heading_spans(headings: list[tuple[int, OutlineNode]], line: int, col: int) -> None:
    for _, node in headings:
        node.span = Span(node.span.line, node.span.col, line, col)
