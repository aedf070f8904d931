"""What the language server knows about one open file, and what it answers from it.

A :class:`Document` is built from the editor's text: the map (through
:func:`argmap.api.load_text`) or its located errors, the gaps of the
default profile, and the outline (where ids and nodes stand in the text).
Each editor request (diagnostics, hover, definition, references, outline,
completion, quick fixes) is a method here that returns plain data; the
protocol layer (:mod:`argmap.lsp.server`) only converts it. Places are
1-based lines and columns in characters, as in the rest of argmap.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap import api
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.analysis.base import Gap
    from argmap.analysis.evaluate import Evaluation
    from argmap.errors import LocatedError
    from argmap.model import ArgumentMap, Statement

Severity = Literal["error", "warning", "information"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at a place: a load error, or a gap of the default profile."""

    span: api.Span
    severity: Severity
    message: str
    code: str | None = None
    #: the replacement a "did you mean" error proposes for the text at ``span``
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Completion:
    """One completion proposal: the text to insert and what it is."""

    label: str
    kind: Literal["key", "value", "id", "gap"]
    detail: str | None = None


@dataclass(slots=True)
class Document:
    """One file as the editor holds it, analysed once per version."""

    text: str
    path: str
    fmt: str | None
    map: ArgumentMap | None
    errors: list[LocatedError]
    gaps: list[Gap]
    outline: api.Outline
    lines: list[str] = field(default_factory=list)
    _evaluation: Evaluation | None = None

    @classmethod
    def analyse(cls, text: str, path: str, language: str | None = None) -> Document:
        """Read ``text`` as the file ``path`` (``language`` is the editor's language id)."""
        fmt = api.format_name(path, text)
        if fmt is None and language in ("yaml", "json", "argdown"):
            fmt = language
        argmap: ArgumentMap | None = None
        errors: list[LocatedError]
        if fmt is None:
            from argmap.errors import LocatedError

            errors = [LocatedError("cannot tell the format of this file", file=path, line=1, col=1)]
        else:
            argmap, errors = api.load_text(text, path, fmt)
        gaps = map_gaps(argmap) if argmap is not None else []
        outline = api.outline(text, fmt or "")
        return cls(text, path, fmt, argmap, errors, gaps, outline, text.split("\n"))

    # diagnostics ---------------------------------------------------------------------------

    def diagnostics(self) -> list[Diagnostic]:
        """Load errors at the offending text, then each gap at its node."""
        out = [self.error_diagnostic(error) for error in self.errors]
        for gap in self.gaps:
            span = self.node_span(gap.node)
            if span is None:
                continue
            severity: Severity = "information" if gap.severity.value == "info" else "warning"
            out.append(Diagnostic(span, severity, f"{gap.code} {gap.message}", gap.code))
        return out

    def error_diagnostic(self, error: LocatedError) -> Diagnostic:
        match = _SUGGESTION.search(error.what)
        suggestion = match.group(1) if match else None
        from argmap.errors import EmptyMapError

        # a file of headings only is valid Argdown (an empty map): said, not an error
        severity: Severity = "information" if isinstance(error, EmptyMapError) else "error"
        return Diagnostic(self.error_span(error), severity, error.what, None, suggestion)

    def error_span(self, error: LocatedError) -> api.Span:
        """The text an error is about: the name it quotes, else the token at its place."""
        line = error.line or 1
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if error.line is None:
            return api.Span(1, 1, 1, max(len(text), 1) + 1)
        col = error.col or 1
        head = error.what.split("did you mean")[0]
        for name in _QUOTED.findall(head):
            found = text.find(name, col - 1)
            if found >= 0:
                return api.Span(line, found + 1, line, found + 1 + len(name))
        start = col - 1
        if start >= len(text):
            return api.Span(line, max(len(text), 1), line, max(len(text), 1) + 1)
        if text[start] in "\"'":
            close = text.find(text[start], start + 1)
            end = close + 1 if close > start else len(text)
        else:
            end = start
            while end < len(text) and text[end] not in _TOKEN_END:
                end += 1
            end = max(end, start + 1)
        return api.Span(line, start + 1, line, end + 1)

    def node_span(self, node_id: str) -> api.Span | None:
        """Where a node is named in the text: its id (or title), else its origin's line."""
        definitions = self.outline.definitions(node_id)
        title = self.title_of(node_id)
        if not definitions and title is not None:
            definitions = self.outline.definitions(title)
        if definitions:
            return definitions[0].span
        element = self.element(node_id)
        origin = element.origin if element is not None else None
        if origin is None or origin.line is None or not 0 < origin.line <= len(self.lines):
            return None
        text = self.lines[origin.line - 1]
        col = origin.col or 1
        return api.Span(origin.line, col, origin.line, max(len(text) + 1, col + 1))

    # what is where -------------------------------------------------------------------------

    def element(self, node_id: str) -> Any:
        """The statement or inference with this id, if the map loaded."""
        if self.map is None:
            return None
        return self.map.statements.get(node_id) or self.map.inferences.get(node_id)

    def title_of(self, node_id: str) -> str | None:
        statement = self.map.statements.get(node_id) if self.map is not None else None
        return statement.title if statement is not None else None

    def statement_named(self, name: str) -> Statement | None:
        """The statement whose id, or Argdown title, is ``name``."""
        if self.map is None:
            return None
        found = self.map.statements.get(name)
        if found is not None:
            return found
        return next((s for s in self.map.statements.values() if s.title == name), None)

    def statement_at(self, line: int, col: int) -> Statement | None:
        """The statement named or written at a place: an id, a ref, or the node's text."""
        occurrence = self.outline.occurrence_at(line, col)
        if occurrence is not None:
            return self.statement_named(occurrence.id)
        node = self.outline.node_at(line, col)
        if node is None or self.map is None:
            return None
        found = self.statement_named(node.name)
        if found is not None:
            return found
        # a native node without an id: the statement read from the same place
        for statement in self.map.statements.values():
            origin = statement.origin
            if origin is not None and (origin.line, origin.col) == (node.span.line, node.span.col):
                return statement
        return None

    def occurrence_at(self, line: int, col: int) -> api.Occurrence | None:
        return self.outline.occurrence_at(line, col)

    def definitions(self, line: int, col: int) -> list[api.Span]:
        """Where the id under the place is defined."""
        occurrence = self.occurrence_at(line, col)
        if occurrence is None:
            return []
        return [o.span for o in self.outline.definitions(occurrence.id)]

    def references(self, line: int, col: int, *, declarations: bool = True) -> list[api.Span]:
        """Every place the id under the place is written."""
        occurrence = self.occurrence_at(line, col)
        if occurrence is None:
            return []
        return [
            o.span
            for o in self.outline.references(occurrence.id)
            if declarations or not o.definition
        ]

    def symbols(self) -> list[api.OutlineNode]:
        """The map's nodes as written, nested: the editor's outline."""
        return self.outline.nodes

    # hover ---------------------------------------------------------------------------------

    @property
    def evaluation(self) -> Evaluation | None:
        if self._evaluation is None and self.map is not None:
            self._evaluation = api.evaluate(self.map)
        return self._evaluation

    def hover(self, line: int, col: int) -> str | None:
        """The card (Markdown) of the statement at a place: kind, anchors, quote, gaps, verdict."""
        statement = self.statement_at(line, col)
        if statement is None:
            return None
        return self.card(statement)

    def card(self, statement: Statement) -> str:
        kind = "implicit assumption" if statement.implicit else statement.kind.value
        head = f"**{_md(statement.id)}** · {kind}"
        if statement.basis is not None:
            head += f" · basis: {statement.basis.value}"
        if statement.at:
            head += f" · ¶ {_md(statement.at)}"
        parts = [head, _md(statement.text)]
        if statement.quote:
            parts.append(f"> “{_md(statement.quote)}”")
        if statement.source is not None and statement.source.name:
            when = f", {statement.source.date}" if statement.source.date else ""
            parts.append(f"Source: {_md(statement.source.name)}{_md(when)}")
        gaps = [g for g in self.gaps if g.node == statement.id]
        if gaps:
            parts.append("\n".join(f"- `{g.code}` {_md(g.message)}" for g in gaps))
        evaluation = self.evaluation
        if evaluation is not None and statement.id in evaluation.verdicts:
            verdict = evaluation.verdicts[statement.id]
            label = evaluation.labels.get(statement.id)
            line = f"Verdict: **{verdict}**" + (f" · {label}" if label else "")
            why = evaluation.reasons.get(statement.id)
            parts.append(line + (f" — {_md(why)}" if why else ""))
        return "\n\n".join(parts)

    # completion ----------------------------------------------------------------------------

    def completions(self, line: int, col: int) -> list[Completion]:
        """What may be typed at a place: keys, enumerated values, gap kinds, ids."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        prefix = text[: col - 1]
        if self.fmt == "argdown" or Path(self.path).suffix in (".argdown", ".ad"):
            return self.argdown_completions(prefix)
        value = _VALUE.search(prefix)
        if value is not None:
            return self.value_completions(value.group(1), line)
        if _IDS_IN_LIST.search(prefix):
            return self.id_completions()
        key = _KEY.match(prefix)
        if key is not None:
            if self.fmt == "json":
                return [Completion(k, "key", d) for k, d in _all_keys().items()]
            return self.key_completions(line, len(key.group(1)) + 1)
        return []

    def argdown_completions(self, prefix: str) -> list[Completion]:
        opened = max(prefix.rfind("["), prefix.rfind("<"))
        if opened < 0 or any(c in prefix[opened:] for c in "]>"):
            return []
        key = "statement" if prefix[opened] == "[" else "argument"
        names = sorted({o.id for o in self.outline.occurrences if o.key == key})
        return [Completion(name, "id", key) for name in names]

    def id_completions(self) -> list[Completion]:
        ids: dict[str, str | None] = {}
        if self.map is not None:
            for statement in self.map.statements.values():
                ids[statement.id] = statement.text[:60]
            for inference in self.map.inferences.values():
                if not inference.id.startswith("_"):
                    ids.setdefault(inference.id, f"inference -> {inference.target}")
        for occurrence in self.outline.occurrences:
            if occurrence.definition:
                ids.setdefault(occurrence.id, None)
        return [Completion(i, "id", d) for i, d in ids.items()]

    def value_completions(self, key: str, line: int) -> list[Completion]:
        if key in ("ref", "node", "from", "to"):
            return self.id_completions()
        parent = self.parent_key(line, _key_column(self.lines[line - 1]))
        if key == "kind" and parent[0] == "gaps":
            return [Completion(n, "gap", d) for n, d in _gap_kinds().items()]
        values = _enum_values(_block_for(*parent), key)
        return [Completion(v, "value", key) for v in values]

    def key_completions(self, line: int, col: int) -> list[Completion]:
        block = _block_for(*self.parent_key(line, col))
        return [Completion(k, "key", d) for k, d in _keys(block).items()]

    def parent_key(self, line: int, col: int) -> tuple[str | None, int]:
        """The key (and its column) of the YAML block that a key at ``col`` belongs to.

        ``(None, 0)`` is the top level of the file.
        """
        for number in range(line - 1, 0, -1):
            text = self.lines[number - 1]
            stripped = text.strip()
            if not stripped or stripped.startswith("#"):
                continue
            key_col = _key_column(text)
            if key_col < col:
                match = re.match(r"\s*(?:-\s+)*([\w-]+)\s*:", text)
                return (match.group(1), key_col) if match else (None, 0)
        return None, 0

    # quick fixes ---------------------------------------------------------------------------

    def fixes(self) -> list[tuple[Diagnostic, str]]:
        """For each "did you mean" error: the diagnostic and its replacement text."""
        return [(d, d.suggestion) for d in self.diagnostics() if d.suggestion is not None]


def map_gaps(argmap: ArgumentMap) -> list[Gap]:
    """The gaps an editor shows: the default profile, narrowed by the map's own settings.

    A map may keep its settings in ``meta: {gaps: {select: [...], ignore: [...]}}``
    (codes, prefixes, names or families, as ``argmap gaps --select`` takes them).
    """
    settings = argmap.meta.get("gaps") if isinstance(argmap.meta, dict) else None
    select: list[str] = []
    ignore: list[str] = []
    if isinstance(settings, dict):
        select = [str(s) for s in _as_list(settings.get("select"))]
        ignore = [str(s) for s in _as_list(settings.get("ignore"))]
    try:
        return api.find_gaps(argmap, select=select, ignore=ignore)
    except ArgmapError:  # an unknown selector in the map: report every gap instead
        return api.find_gaps(argmap)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [part.strip() for part in str(value).split(",") if part.strip()]


_SUGGESTION = re.compile(r"did you mean '([^']+)'\?")
_QUOTED = re.compile(r"'([^'\n]+)'")
_TOKEN_END = set(" \t,:{}[]#")
# `key: partial` at the end of the text before the cursor (YAML or JSON, block or flow)
_VALUE = re.compile(r"""(?:^|[{,\s])"?([\w-]+)"?\s*:\s*["']?[\w.-]*$""")
_IDS_IN_LIST = re.compile(r"""(?:^|[{,\s])"?from"?\s*:\s*\[[^\]]*$""")
_KEY = re.compile(r"""^(\s*(?:-\s+)*)"?[\w-]*$""")


def _key_column(text: str) -> int:
    """The 1-based column of the first key on a YAML line (after any ``- `` markers)."""
    match = re.match(r"(\s*(?:-\s+)*)", text)
    return len(match.group(1)) + 1 if match else 1


#: the schema definition that holds the keys of a block, by the key that opens it
_BLOCKS = {
    None: None,
    "conclusion": "node",
    "reasons": "node",
    "evidence": "node",
    "objections": "node",
    "statements": "node",
    "linked": "node",
    "undercuts": "node",
    "inference": "inference",
    "gaps": "gap",
    "relations": "relation",
    "source": "Source",
}


def _block_for(parent: str | None, col: int = 0) -> str | None:
    if parent == "source" and col == 1:
        return "sourceinfo"  # the map's own source, not a piece of evidence's
    return _BLOCKS.get(parent, "node")


@functools.cache
def _schema() -> dict[str, Any]:
    return api.schema()


def _keys(block: str | None) -> dict[str, str | None]:
    schema = _schema()
    definition = schema if block is None else schema.get("$defs", {}).get(block, {})
    properties = definition.get("properties", {})
    out = {k: v.get("description") if isinstance(v, dict) else None for k, v in properties.items()}
    if block == "node":
        for extra in ("ref", "linked"):
            out.setdefault(extra, "reuse a statement by id" if extra == "ref" else "co-premises")
    return out


@functools.cache
def _all_keys() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for block in (None, "node", "inference", "gap", "relation", "sourceinfo"):
        for key, description in _keys(block).items():
            out.setdefault(key, description)
    return out


def _enum_values(block: str | None, key: str) -> list[str]:
    """The values the schema allows for ``key`` in a block (empty when not an enumeration)."""
    schema = _schema()
    definitions = schema.get("$defs", {})
    block_def = schema if block is None else definitions.get(block, {})
    prop = block_def.get("properties", {}).get(key)
    if prop is None and block == "sourceinfo":
        return []
    found: list[str] = []
    stack: list[Any] = [prop]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "enum" in item:
                found.extend(str(v) for v in item["enum"] if v is not None)
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                stack.append(definitions.get(ref.rsplit("/", 1)[1]))
            stack.extend(v for k, v in item.items() if k in ("anyOf", "oneOf", "allOf"))
        elif isinstance(item, list):
            stack.extend(item)
    return list(dict.fromkeys(found))


@functools.cache
def _gap_kinds() -> dict[str, str]:
    """Gap kinds a map may annotate: the catalogue's names, annotated kinds first."""
    entries = api.gap_catalogue()
    ordered = sorted(entries, key=lambda e: e.family != "annotated")
    return {e.name: f"{e.code} {e.summary}" for e in ordered if not e.name.startswith("(")}


def _md(text: str) -> str:
    """User text made inert in Markdown (no links, emphasis or HTML from the map)."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)
