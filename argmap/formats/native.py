"""The native map file (YAML or JSON), nested like the argument: reader and writer.

Reading walks the nested data iteratively (never recursively: maps can be
10,000 levels deep), validates each node on its own with the pydantic models
of :mod:`argmap.model.nodes`, and reports every problem as
``FILE:LINE:COL: what is wrong``. Writing projects the graph from the
conclusion: each node is defined once and referenced with ``ref`` after;
past :data:`MAX_NESTING` levels a node is written out of line under
``statements:``, and links that would close a cycle go under ``relations:``.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.errors import MapFileError, MapFileErrors
from argmap.formats._text import decode, read_bytes
from argmap.formats._tree import Locator, Position, parse_json, parse_yaml
from argmap.formats._tree import describe as _describe
from argmap.formats.quotes import text_warnings
from argmap.model import (
    AnnotatedGap,
    ArgumentMap,
    EvaluationSettings,
    GapRef,
    GraphError,
    Inference,
    InferenceFields,
    InferenceKind,
    Origin,
    SourceInfo,
    Statement,
    StatementKind,
)
from argmap.model.nodes import plain_inference, quick_statement, share_fields_sets
from argmap.model.schemes import find_scheme
from argmap.safe_text import first_unsafe, json_safe

FORMAT_VERSION = 1
#: The writer nests at most this many levels before writing a node out of line.
MAX_NESTING = 40

TOP_KEYS = (
    "argmap",
    "title",
    "source",
    "conclusion",
    "statements",
    "relations",
    "gaps",
    "evaluation",
    "meta",
)
CHILD_KEYS = ("reasons", "evidence", "objections")
ITEM_KEYS = ("inference", "undercuts")
STATEMENT_FIELDS = tuple(f for f in Statement.model_fields if f != "origin")
NODE_KEYS = STATEMENT_FIELDS + CHILD_KEYS + ITEM_KEYS
REF_KEYS = ("ref",) + ITEM_KEYS
LINKED_KEYS = ("linked",) + ITEM_KEYS
RELATION_KEYS = (
    "id",
    "from",
    "to",
    "type",
    "scheme",
    "strength",
    "label",
    "example",
    "relation",
    "meta",
)
GAP_KEYS = tuple(f for f in AnnotatedGap.model_fields if f != "origin")
_STATEMENT_FIELD_SET = frozenset(STATEMENT_FIELDS)
_CHILDREN = frozenset(CHILD_KEYS + ITEM_KEYS)
_NODE_KEY_SET = frozenset(NODE_KEYS)
#: Statements are validated by pydantic-core this many at a time (one call, not one a node).
_BATCH = 2000


# --- reading ----------------------------------------------------------------------------------


def read(path: str | Path, *, text: str | None = None, syntax: str | None = None) -> ArgumentMap:
    """Read a native map file (YAML, or JSON when ``syntax`` is ``json`` or the name ends .json)."""
    name = str(path)
    if text is None:
        text = decode(read_bytes(path), name)
    if syntax is None:
        syntax = "json" if name.lower().endswith(".json") else "yaml"
    data, loc = parse_json(text, name) if syntax == "json" else parse_yaml(text, name)
    argmap = _Reader(loc).build(data)
    argmap.path = name
    _attach_source_text(argmap, Path(path))
    argmap.notices.extend(text_warnings(argmap))
    return argmap


def from_data(data: Any, name: str = "<data>") -> ArgumentMap:
    """Build a map from already-parsed native data (no positions known)."""
    return _Reader(Locator(name)).build(data)


def _attach_source_text(argmap: ArgumentMap, path: Path) -> None:
    if argmap.source is None or not argmap.source.text:
        return
    candidate = path.parent / argmap.source.text
    try:
        argmap.source_text = decode(read_bytes(candidate), str(candidate))
    except MapFileError:
        argmap.source_text = None  # the map still loads; views say the text is missing


@dataclass(slots=True)
class _Pending:
    """A node definition found by the walk, validated once every explicit id is known."""

    data: dict[str, Any]
    kind: StatementKind | None
    sid: str | None = None
    position: Position | None = None


@dataclass(slots=True)
class _Link:
    """An inference found by the walk, its premises still possibly unresolved refs."""

    premises: list[
        tuple[_Pending | None, str | None, Position | None]
    ]  # (definition, ref id, where)
    target: _Pending | _Link | str
    kind: InferenceKind
    fields: dict[str, Any]
    container: dict[str, Any]
    position: Position | None
    from_relations: bool = False
    #: the entry defines the first premise: its place is that statement's
    defines: bool = False
    inference: Inference | None = None
    #: the id the inference will have, once its refs resolve
    inference_id: str | None = None


@functools.cache
def _statement_list() -> TypeAdapter[list[Statement]]:
    return TypeAdapter(list[Statement])


@functools.cache
def _inference_list() -> TypeAdapter[list[Inference]]:
    return TypeAdapter(list[Inference])


@functools.cache
def _key_set(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


class _Reader:
    def __init__(self, loc: Locator) -> None:
        self.loc = loc
        self.pending: list[_Pending] = []
        self.links: list[_Link] = []
        self.explicit: dict[str, _Pending] = {}
        #: inference id -> its ``inference:`` block, for those with ``answers``
        self.answered: dict[str, dict[str, Any]] = {}
        #: errors found so far that reading can go on past, all reported at the end
        self.errors: list[MapFileError] = []
        #: links left out because of an error (and undercuts of them)
        self.dropped: set[int] = set()

    # errors --------------------------------------------------------------------------------

    def fail_key(self, obj: dict[str, Any], key: str, what: str) -> MapFileError:
        return self.loc.error(what, self.loc.key(obj, key))

    def fail_value(self, obj: Any, key: str | int, what: str) -> MapFileError:
        return self.loc.error(what, self.loc.value(obj, key))

    def unknown_keys(self, obj: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
        if obj.keys() <= _key_set(allowed):
            return  # the common case, in one set operation
        for key in obj:
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                valid = ", ".join(allowed)
                self.errors.append(
                    self.fail_key(
                        obj,
                        key,
                        f"unknown key '{key}' in {where}{suggestion} (valid keys: {valid})",
                    )
                )

    def raise_errors(self) -> None:
        """Raise what was found: the one error as it is, several as one MapFileErrors."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise MapFileErrors(self.errors)

    def expect_mapping(self, parent: Any, key: str | int, value: Any, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail_value(parent, key, f"{what} must be a mapping, not {_describe(value)}")
        return value

    def expect_list(self, parent: Any, key: str | int, value: Any, what: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail_value(parent, key, f"{what} must be a list, not {_describe(value)}")
        return value

    # the walk ------------------------------------------------------------------------------

    def build(self, data: Any) -> ArgumentMap:
        """The map; a mistake that stops the walk is reported with those found before it."""
        try:
            return self._build(data)
        except MapFileErrors:
            raise
        except MapFileError as exc:
            if exc in self.errors or not self.errors:
                raise  # raise_errors' one error, or the first mistake found
            raise MapFileErrors([*self.errors, exc]) from None

    def _build(self, data: Any) -> ArgumentMap:
        if data is None:
            raise self.loc.error(
                "the map file is empty: expected 'argmap: 1' and a 'conclusion'", (1, 1)
            )
        if not isinstance(data, dict):
            raise self.loc.error(
                f"a map file must be a mapping with 'argmap' and 'conclusion', not {_describe(data)}",
                self.loc.node(data) or (1, 1),
            )
        self.unknown_keys(data, TOP_KEYS, "the map")
        if "argmap" not in data:
            raise self.loc.error(
                "missing key 'argmap': start the file with 'argmap: 1' (the format version)",
                self.loc.node(data) or (1, 1),
            )
        if data["argmap"] != FORMAT_VERSION:
            raise self.fail_value(
                data, "argmap", f"unsupported format version {data['argmap']!r}: expected 1"
            )
        if "conclusion" not in data:
            raise self.loc.error(
                "missing key 'conclusion': a map needs its main conclusion",
                self.loc.node(data) or (1, 1),
            )
        conclusion_data = data["conclusion"]
        if isinstance(conclusion_data, list):
            raise self.fail_value(
                data,
                "conclusion",
                f"a map has one main conclusion, found a list of {len(conclusion_data)}: "
                "put other statements under a reason or under 'statements:'",
            )
        conclusion_node = self.expect_mapping(data, "conclusion", conclusion_data, "'conclusion'")
        for key in ITEM_KEYS:
            if key in conclusion_node:
                raise self.fail_key(
                    conclusion_node,
                    key,
                    f"'{key}' is not allowed on the conclusion: it has no parent",
                )
        if "ref" in conclusion_node:
            raise self.fail_key(
                conclusion_node, "ref", "the conclusion must be defined here, not a ref"
            )
        conclusion = self.walk(conclusion_node, None)
        if "statements" in data:
            items = self.expect_list(data, "statements", data["statements"], "'statements'")
            for index, item in enumerate(items):
                node = self.expect_mapping(items, index, item, "an entry of 'statements'")
                if "ref" in node or "linked" in node:
                    raise self.fail_value(
                        items, index, "'statements' holds node definitions, not refs"
                    )
                for key in ITEM_KEYS:
                    if key in node:
                        raise self.fail_key(
                            node, key, f"'{key}' needs a parent; 'statements' entries have none"
                        )
                self.walk(node, None)

        self.place_nodes()
        ids = self.assign_ids()
        argmap = ArgumentMap(conclusion=ids[id(conclusion)])
        self.validate_statements(argmap)
        if "relations" in data:
            self.read_relations(data, argmap)
        self.resolve(argmap)
        self.check_cycles(argmap)
        self.read_header(data, argmap)
        self.check_answers(argmap)
        self.raise_errors()
        try:
            argmap.check()
        except GraphError as exc:  # pragma: no cover - the reader resolves every id itself
            raise self.loc.error(str(exc), None) from None
        return argmap

    def walk(self, root: dict[str, Any], kind: StatementKind | None) -> _Pending:
        """Walk a node definition and everything nested in it, iteratively."""
        first = self.define(root, kind)
        stack: list[_Pending] = [first]
        while stack:
            pending = stack.pop()
            node = pending.data
            new: list[_Pending] = []
            children = [(key, key) for key in CHILD_KEYS if key in node]
            if not node.keys() <= _NODE_KEY_SET:
                # a misspelt child key ("resons") is reported, and read as the key it is
                # closest to, so that what is under it is checked and can be referred to
                for key in node:
                    guess = difflib.get_close_matches(str(key), CHILD_KEYS, n=1, cutoff=0.6)
                    if key not in NODE_KEYS and guess and guess[0] not in node:
                        children.append((key, guess[0]))
            for raw, key in children:
                items = self.expect_list(node, raw, node[raw], f"'{raw}'")
                default = StatementKind.EVIDENCE if key == "evidence" else None
                relation = InferenceKind.ATTACK if key == "objections" else InferenceKind.SUPPORT
                for index in range(len(items)):
                    new.extend(self.item(items, index, pending, relation, default))
            stack.extend(reversed(new))
        return first

    def item(
        self,
        items: list[Any],
        index: int,
        target: _Pending | _Link,
        relation: InferenceKind,
        default: StatementKind | None,
    ) -> list[_Pending]:
        """One entry of reasons/evidence/objections/undercuts: record its inference; return new nodes."""
        entry = items[index]
        if not isinstance(entry, dict):
            self.expect_mapping(items, index, entry, "a reason, evidence or objection")
        new: list[_Pending] = []
        premises: list[tuple[_Pending | None, str | None, Position | None]] = []
        if "linked" not in entry and "ref" not in entry:
            # the common case first: the entry defines the premise
            pending = self.define(entry, default)
            premises.append((pending, None, None))
            new.append(pending)
        elif "linked" in entry:
            self.unknown_keys(entry, LINKED_KEYS, "a linked group")
            group = self.expect_list(entry, "linked", entry["linked"], "'linked'")
            if not group:
                raise self.fail_value(entry, "linked", "'linked' needs at least one premise")
            for gi, member in enumerate(group):
                node = self.expect_mapping(group, gi, member, "a linked premise")
                for key in ITEM_KEYS:
                    if key in node:
                        raise self.fail_key(
                            node,
                            key,
                            f"'{key}' belongs on the linked group, not on one of its premises",
                        )
                if "ref" in node:
                    self.unknown_keys(node, ("ref",), "a ref")
                    premises.append((None, self.ref_id(node), self.loc.node(node)))
                else:
                    pending = self.define(node, default)
                    premises.append((pending, None, None))
                    new.append(pending)
        else:
            self.unknown_keys(entry, REF_KEYS, "a ref (only 'ref', 'inference' and 'undercuts')")
            premises.append((None, self.ref_id(entry), self.loc.node(entry)))

        kind = relation
        if isinstance(target, _Link):
            kind = InferenceKind.UNDERCUT
        fields: dict[str, Any] = {}
        if "inference" in entry:
            fields = self.expect_mapping(entry, "inference", entry["inference"], "'inference'")
        # an entry that defines its premise is where that statement is (placed after the walk)
        defines = bool(new) and new[0].data is entry
        link = _Link(
            premises, target, kind, fields, entry, None if defines else self.loc.node(entry)
        )
        link.defines = defines
        self.links.append(link)
        if "undercuts" in entry:
            undercuts = self.expect_list(entry, "undercuts", entry["undercuts"], "'undercuts'")
            for ui in range(len(undercuts)):
                new.extend(self.item(undercuts, ui, link, InferenceKind.UNDERCUT, None))
        return new

    def define(self, node: dict[str, Any], default: StatementKind | None) -> _Pending:
        if not node.keys() <= _NODE_KEY_SET:
            self.unknown_keys(node, NODE_KEYS, "a statement")
        pending = _Pending(node, default)
        if "id" in node:
            raw = node["id"]
            if type(raw) is not str:
                if isinstance(raw, int) and not isinstance(raw, bool):
                    raw = str(raw)
                if not isinstance(raw, str):
                    raise self.fail_value(node, "id", f"'id' must be text, not {_describe(raw)}")
            if raw in self.explicit:
                other = self.loc.node(self.explicit[raw].data)
                where = f" (first defined at line {other[0]})" if other else ""
                self.errors.append(self.fail_value(node, "id", f"duplicate id '{raw}'{where}"))
            else:
                self.explicit[raw] = pending
                pending.sid = raw
        self.pending.append(pending)
        return pending

    def place_nodes(self) -> None:
        """Where each node definition (and each link its entry defines) is, found in one go."""
        places = self.loc.nodes([pending.data for pending in self.pending])
        for pending, place in zip(self.pending, places, strict=True):
            pending.position = place
        for link in self.links:
            if link.defines:
                first = link.premises[0][0]
                assert first is not None
                link.position = first.position

    def ref_id(self, node: dict[str, Any]) -> str:
        raw = node["ref"]
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise self.fail_value(node, "ref", f"'ref' must be an id, not {_describe(raw)}")
        return raw

    def assign_ids(self) -> dict[int, str]:
        counter = 0
        result: dict[int, str] = {}
        for pending in self.pending:
            if pending.sid is None:
                counter += 1
                while f"n{counter}" in self.explicit:
                    counter += 1
                pending.sid = f"n{counter}"
            result[id(pending)] = pending.sid
        return result

    # validation ----------------------------------------------------------------------------

    def validate_statements(self, argmap: ArgumentMap) -> None:
        """Every node definition as a :class:`Statement`, in map order.

        pydantic-core validates them a batch at a time, in one call; a batch
        with a mistake in it is validated again node by node, so that each
        error is found, located and reported in order as before.
        """
        statements = argmap.statements
        many = _statement_list()
        file = self.loc.file
        unplaced = Origin(file)
        for start in range(0, len(self.pending), _BATCH):
            batch = self.pending[start : start + _BATCH]
            made: list[Statement | None] = []
            for pending in batch:
                pos = pending.position
                origin = Origin(file, pos[0], pos[1]) if pos else unplaced
                made.append(
                    quick_statement(
                        pending.data, pending.sid or "", pending.kind, origin, _CHILDREN
                    )
                )
            rest = [pending for pending, quick in zip(batch, made, strict=True) if quick is None]
            rows = [self.statement_values(pending) for pending in rest]
            checked: list[Statement] = []
            if rows and None not in rows:
                try:
                    checked = many.validate_python(rows)
                except ValidationError:
                    pass
                else:
                    share_fields_sets(checked)
                    share_fields_sets(s.source for s in checked if s.source is not None)
            if rows and not checked:
                checked = [self.validate_statement(pending) for pending in rest]
            slow = iter(checked)
            for pending, quick in zip(batch, made, strict=True):
                statements[pending.sid or ""] = quick if quick is not None else next(slow)

    def statement_values(self, pending: _Pending) -> dict[str, Any] | None:
        """What a node definition gives pydantic for its statement (``None``: no text)."""
        node = pending.data
        if "text" not in node:
            return None
        fields = _STATEMENT_FIELD_SET
        if node.keys() <= fields:
            values = dict(node)  # a leaf: nothing to leave out (a copy in C)
        else:
            values = {k: v for k, v in node.items() if k in fields}
        values["id"] = pending.sid
        if "kind" not in values:
            if values.get("implicit") is True:
                values["kind"] = StatementKind.ASSUMPTION
            elif pending.kind is not None:
                values["kind"] = pending.kind
        pos = pending.position
        values["origin"] = Origin(self.loc.file, pos[0], pos[1]) if pos else Origin(self.loc.file)
        return values

    def validate_statement(self, pending: _Pending) -> Statement:
        node = pending.data
        values = self.statement_values(pending)
        if values is None:
            self.errors.append(
                self.loc.error(
                    "missing 'text': every statement needs its text (or use {ref: ID} to reuse one)",
                    self.loc.node(node),
                )
            )
            return self.placeholder(pending)
        try:
            return Statement.model_validate(values)
        except ValidationError as exc:
            self.errors.extend(self.pydantic_errors(exc, node))
            return self.placeholder(pending)

    def placeholder(self, pending: _Pending) -> Statement:
        """A stand-in for a statement with errors, so that reading goes on to find the rest.

        Not validated: its id may be the very mistake reported (``" R1"``), and the map it
        stands in is never returned (the errors are raised when the reading ends).
        """
        return Statement.model_construct(id=pending.sid or "?", text="(a statement with errors)")

    def pydantic_errors(self, exc: ValidationError, node: dict[str, Any]) -> list[MapFileError]:
        """Every problem pydantic found in one node, each located."""
        return [self._pydantic_error(error, node) for error in exc.errors(include_url=False)]

    def pydantic_error(self, exc: ValidationError, node: dict[str, Any], what: str) -> MapFileError:
        return self._pydantic_error(exc.errors(include_url=False)[0], node)

    def _pydantic_error(self, error: Any, node: dict[str, Any]) -> MapFileError:
        loc = error["loc"]
        key = str(loc[0]) if loc else ""
        message = error["msg"]
        value = error.get("input")
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        hint = ""
        expected = error.get("ctx", {}).get("expected")
        if expected and isinstance(value, str):
            options = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
            close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
            if close:
                hint = f"; did you mean '{close[0]}'?"
        if error["type"] == "string_too_short" and key == "text":
            message = "text must not be empty"
        path = ".".join(str(part) for part in loc)
        position = self.loc.value(node, key) if key in node else self.loc.node(node)
        return self.loc.error(f"{path}: {message}{hint}", position)

    # links ---------------------------------------------------------------------------------

    def resolve(self, argmap: ArgumentMap) -> None:
        """Every link as an :class:`Inference`, its refs resolved, validated a batch at a time."""
        statements = argmap.statements
        made: dict[str, _Link] = {}  # inference id -> its link, in map order
        rows: list[dict[str, Any] | Inference] = []
        batch: list[_Link] = []
        counter = 0
        file = self.loc.file
        for link in self.links:
            target_link = link.target
            if link.defines and len(link.premises) == 1 and type(target_link) is _Pending:
                # the common entry: it defines its one premise, under a statement
                first = link.premises[0][0]
                assert first is not None
                premises = [first.sid or ""]
                target = target_link.sid or ""
            else:
                ends = self.link_ends(link, statements, made)
                if ends is None:
                    continue  # an error: leave the link (and what undercuts it) out
                premises, target = ends
            fields = link.fields
            values: dict[str, Any] = {}
            inf_id: str | None = None
            if len(fields) == 1 and type(fields.get("id")) is str:
                inf_id = fields["id"]  # the common case, as validation would give it
            elif fields:
                try:
                    values = InferenceFields.model_validate(fields).model_dump(
                        exclude_defaults=True
                    )
                except ValidationError as exc:
                    self.errors.extend(self.pydantic_errors(exc, fields))
                    values = {}
                inf_id = values.pop("id", None)
            if inf_id is None:
                counter += 1
                while f"_i{counter}" in made or f"_i{counter}" in statements:
                    counter += 1
                inf_id = f"_i{counter}"
            elif inf_id in made or inf_id in statements:
                raise self.loc.error(f"duplicate id '{inf_id}'", self.loc.node(fields))
            # where the link was read: the place of the statement its entry defines, when it
            # does (one Origin for both)
            pos = link.position
            defined = link.premises[0][0]
            origin = None
            if defined is not None and defined.position is pos:
                origin = statements[defined.sid or ""].origin
            if origin is None:
                origin = Origin(file, pos[0], pos[1]) if pos else Origin(file)
            if values:
                values.update(
                    id=inf_id, premises=premises, target=target, kind=link.kind, origin=origin
                )
                rows.append(values)  # validated with the batch
            else:
                # every value is the reader's own (resolved ids, its kind and origin)
                rows.append(plain_inference(inf_id, premises, target, link.kind, origin))
            batch.append(link)
            made[inf_id] = link
            link.inference_id = inf_id
            if len(rows) == _BATCH:
                self.make_inferences(rows, batch, argmap)
                rows, batch = [], []
        self.make_inferences(rows, batch, argmap)

    def link_ends(
        self, link: _Link, statements: dict[str, Statement], made: dict[str, _Link]
    ) -> tuple[list[str], str] | None:
        """A link's premise ids and target id, its refs resolved (``None``: an error, recorded)."""
        premises: list[str] = []
        for pending, ref, pos in link.premises:
            if pending is not None:
                premises.append(pending.sid or "")
                continue
            assert ref is not None
            if ref not in statements:
                close = difflib.get_close_matches(ref, list(statements), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                if link.from_relations:
                    pos = self.loc.value(link.container, "from")
                self.errors.append(self.loc.error(f"reference to unknown id '{ref}'{hint}", pos))
                continue
            premises.append(ref)
        if len(premises) < len(link.premises) or (
            isinstance(link.target, _Link) and link.target.inference_id is None
        ):
            return None
        if isinstance(link.target, _Pending):
            target = link.target.sid or ""
        elif isinstance(link.target, _Link):
            assert link.target.inference_id is not None
            target = link.target.inference_id
        else:
            target = link.target
            wanted = made if link.kind is InferenceKind.UNDERCUT else statements
            if target not in wanted:
                what = (
                    "an inference id" if link.kind is InferenceKind.UNDERCUT else "a statement id"
                )
                raise self.fail_value(
                    link.container, "to", f"relation target '{target}' is not {what} of the map"
                )
        return premises, target

    def make_inferences(
        self, rows: list[dict[str, Any] | Inference], links: list[_Link], argmap: ArgumentMap
    ) -> None:
        """Add a batch of inferences to the map, validating in one call those that need it
        (the ones with an ``inference:`` block; the others are made already)."""
        if not rows:
            return
        given = [row for row in rows if type(row) is dict]
        checked = _inference_list().validate_python(given) if given else []
        share_fields_sets(checked)
        validated = iter(checked)
        for link, row in zip(links, rows, strict=True):
            inference = next(validated) if type(row) is dict else row
            assert isinstance(inference, Inference)
            link.inference = inference
            argmap.inferences[inference.id] = inference
            if inference.answers:
                self.answered[inference.id] = link.fields

    def check_answers(self, argmap: ArgumentMap) -> None:
        """Each ``answers:`` entry names a question of the inference's scheme and a real answer."""
        annotated = {(g.node, g.kind) for g in argmap.gaps}
        for inf_id, fields in self.answered.items():
            inference = argmap.inferences[inf_id]
            raw = fields.get("answers")
            place = raw if isinstance(raw, dict) else fields
            scheme = find_scheme(inference.scheme)
            for key, answer in inference.answers.items():
                if scheme is not None and scheme.question(key) is None:
                    valid = ", ".join(f"{q.key} ({q.name})" for q in scheme.questions)
                    raise self.fail_key(
                        place,
                        key,
                        f"'{key}' is no critical question of {scheme.title} (questions: {valid})",
                    )
                if isinstance(answer, GapRef):
                    if (answer.gap, answer.kind) not in annotated:
                        raise self.fail_value(
                            place,
                            key,
                            f"answer to {key}: no annotated gap of kind '{answer.kind}' on "
                            f"'{answer.gap}' in this map",
                        )
                elif answer not in argmap.statements and answer not in argmap.inferences:
                    close = difflib.get_close_matches(answer, list(argmap.statements), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    raise self.fail_value(
                        place, key, f"answer to {key}: unknown statement '{answer}'{hint}"
                    )

    def read_relations(self, data: dict[str, Any], argmap: ArgumentMap) -> None:
        """Top-level ``relations:``: flat links by id (circular support, graph imports)."""
        items = self.expect_list(data, "relations", data["relations"], "'relations'")
        for index, raw in enumerate(items):
            rel = self.expect_mapping(items, index, raw, "a relation")
            self.unknown_keys(rel, RELATION_KEYS, "a relation")
            for key in ("from", "to"):
                if key not in rel:
                    raise self.loc.error(f"a relation needs '{key}'", self.loc.node(rel))
            sources = rel["from"] if isinstance(rel["from"], list) else [rel["from"]]
            # no place yet: resolve finds it in the relation if an error needs it
            premises: list[tuple[_Pending | None, str | None, Position | None]] = [
                (None, str(s), None) for s in sources
            ]
            kind_name = rel.get("type", "support")
            try:
                kind = InferenceKind(kind_name)
            except ValueError:
                raise self.fail_value(
                    rel,
                    "type",
                    f"relation type must be support, attack or undercut, not {kind_name!r}",
                ) from None
            fields = {k: v for k, v in rel.items() if k not in ("from", "to", "type")}
            self.links.append(
                _Link(
                    premises,
                    str(rel["to"]),
                    kind,
                    fields,
                    rel,
                    self.loc.node(rel),
                    from_relations=True,
                )
            )

    def check_cycles(self, argmap: ArgumentMap) -> None:
        """Refuse a cycle made by nesting and refs (circular links belong under ``relations:``)."""
        if not any(ref is not None for link in self.links for _, ref, _ in link.premises):
            return  # nesting alone makes a tree: only a ref can close a cycle
        edges: dict[str, list[tuple[str, _Link]]] = {}
        indegree: dict[str, int] = dict.fromkeys(argmap.statements, 0)
        for link in self.links:
            if link.from_relations or link.inference is None:
                continue
            target = argmap.statement_target(link.inference)
            if target is None:
                continue
            for premise in link.inference.premises:
                edges.setdefault(premise, []).append((target, link))
                indegree[target] += 1
        queue = [s for s, d in indegree.items() if d == 0]
        while queue:
            node = queue.pop()
            for target, _ in edges.get(node, ()):
                indegree[target] -= 1
                if indegree[target] == 0:
                    queue.append(target)
        left = {s for s, d in indegree.items() if d > 0}
        if not left:
            return
        # walk inside the cycle part to name one cycle
        start = next(s for s in argmap.statements if s in left)
        path = [start]
        seen = {start: 0}
        closing: _Link | None = None
        node = start
        while True:
            step = next((t, lk) for t, lk in edges.get(node, ()) if t in left)
            node, closing = step
            if node in seen:
                cycle = path[seen[node] :] + [node]
                break
            seen[node] = len(path)
            path.append(node)
        assert closing is not None
        ref_pos = next(
            (pos for pending, ref, pos in closing.premises if ref is not None), closing.position
        )
        chain = " -> ".join(cycle)
        raise self.loc.error(
            f"reference cycle: {chain} supports or attacks itself through nesting and refs; "
            "to map circular reasoning on purpose, list the closing link under top-level 'relations:'",
            ref_pos,
        )

    # header --------------------------------------------------------------------------------

    def read_header(self, data: dict[str, Any], argmap: ArgumentMap) -> None:
        if "title" in data and data["title"] is not None:
            if not isinstance(data["title"], str | int | float):
                raise self.fail_value(data, "title", "'title' must be text")
            argmap.title = str(data["title"])
        if "source" in data and data["source"] is not None:
            source = data["source"]
            if isinstance(source, str):
                source = {"title": source}
            source = self.expect_mapping(data, "source", source, "'source'")
            try:
                argmap.source = SourceInfo.model_validate(source)
            except ValidationError as exc:
                raise self.pydantic_error(exc, source, "source") from None
        if "evaluation" in data and data["evaluation"] is not None:
            block = self.expect_mapping(data, "evaluation", data["evaluation"], "'evaluation'")
            self.unknown_keys(block, tuple(EvaluationSettings.model_fields), "'evaluation'")
            try:
                known = {k: v for k, v in block.items() if k in EvaluationSettings.model_fields}
                argmap.evaluation = EvaluationSettings.model_validate(known)
            except ValidationError as exc:
                raise self.pydantic_error(exc, block, "evaluation") from None
        if "meta" in data and data["meta"] is not None:
            argmap.meta = dict(self.expect_mapping(data, "meta", data["meta"], "'meta'"))
        if "gaps" in data and data["gaps"] is not None:
            items = self.expect_list(data, "gaps", data["gaps"], "'gaps'")
            for index, raw in enumerate(items):
                gap = self.expect_mapping(items, index, raw, "a gap")
                self.unknown_keys(gap, GAP_KEYS, "a gap")
                pos = self.loc.node(gap)
                values = {k: v for k, v in gap.items() if k in GAP_KEYS}  # unknown: reported
                if isinstance(values.get("node"), int) and not isinstance(values.get("node"), bool):
                    values["node"] = str(values["node"])
                values["origin"] = (
                    Origin(self.loc.file, pos[0], pos[1]) if pos else Origin(self.loc.file)
                )
                try:
                    annotated = AnnotatedGap.model_validate(values)
                except ValidationError as exc:
                    self.errors.extend(self.pydantic_errors(exc, gap))
                    continue
                if (
                    annotated.node not in argmap.statements
                    and annotated.node not in argmap.inferences
                ):
                    close = difflib.get_close_matches(annotated.node, list(argmap.statements), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    self.errors.append(
                        self.fail_value(
                            gap, "node", f"gap on unknown node '{annotated.node}'{hint}"
                        )
                    )
                    continue
                argmap.gaps.append(annotated)


# --- writing ----------------------------------------------------------------------------------


def to_data(argmap: ArgumentMap, *, max_nesting: int = MAX_NESTING) -> dict[str, Any]:
    """The native nested data of a map: stable key order, defaults left out."""
    return _Writer(argmap, max_nesting).data()


def dumps(argmap: ArgumentMap, syntax: str = "yaml", *, max_nesting: int = MAX_NESTING) -> str:
    """The map as native YAML or JSON text."""
    data = to_data(argmap, max_nesting=max_nesting)
    if syntax == "json":
        return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    return dump_yaml(data)


def dump_yaml(data: Any) -> str:
    """Readable, deterministic YAML (C emitter when available).

    Control characters are escaped by the emitter itself (``"\\e"``); bidi
    overrides, which YAML counts as printable, are escaped here (``"\\u202e"``):
    a string holding one is written double-quoted, where that escape is YAML.
    """
    import yaml

    text = str(
        yaml.dump(
            data,
            Dumper=_dumper(),
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )
    )
    return json_safe(text) if first_unsafe(text) is not None else text


@functools.cache
def _dumper() -> Any:
    import yaml

    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        pass

    def string(dumper: Any, value: str) -> Any:
        style = '"' if first_unsafe(value) is not None else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, string)
    return Dumper


class _Writer:
    def __init__(self, argmap: ArgumentMap, max_nesting: int) -> None:
        self.map = argmap
        self.max_nesting = max_nesting
        self.back = self.back_edges()
        self.defined: set[str] = set()
        self.queue: list[str] = []
        self.relations: list[dict[str, Any]] = []
        self.needs_id: set[str] = set()
        self.inference_blocks: list[tuple[str, dict[str, Any]]] = []

    def back_edges(self) -> set[str]:
        """Inferences that close a cycle in a depth-first walk from the conclusion (then the rest)."""
        back: set[str] = set()
        state: dict[str, int] = {}  # 1 on the path, 2 done
        roots = [self.map.conclusion] + list(self.map.statements)
        for root in roots:
            if root in state:
                continue
            state[root] = 1
            stack: list[tuple[str, list[tuple[str, str]]]] = [(root, self.child_edges(root))]
            while stack:
                node, edges = stack[-1]
                if not edges:
                    state[node] = 2
                    stack.pop()
                    continue
                child, inf_id = edges.pop(0)
                mark = state.get(child)
                if mark == 1:
                    back.add(inf_id)
                elif mark is None:
                    state[child] = 1
                    stack.append((child, self.child_edges(child)))
        return back

    def child_edges(self, node: str) -> list[tuple[str, str]]:
        edges: list[tuple[str, str]] = []
        work = list(self.map.incoming(node))
        while work:
            inf = work.pop(0)
            edges.extend((p, inf.id) for p in inf.premises)
            work.extend(self.map.attacks(inf.id))
        return edges

    def data(self) -> dict[str, Any]:
        m = self.map
        out: dict[str, Any] = {"argmap": FORMAT_VERSION}
        if m.title:
            out["title"] = m.title
        if m.source is not None:
            source = m.source.model_dump(exclude_none=True)
            if source:
                out["source"] = source
        out["conclusion"] = self.node_tree(m.conclusion)
        statements: list[dict[str, Any]] = []
        rest = [s for s in m.statements if s not in self.defined]
        # roots first: statements that support nothing, then the others
        rest.sort(key=lambda s: 0 if not m.outgoing(s) else 1)
        self.queue.extend(rest)
        while self.queue:
            sid = self.queue.pop(0)
            if sid in self.defined:
                continue
            statements.append(self.node_tree(sid))
        if statements:
            out["statements"] = statements
        for inf in m.inferences.values():
            if inf.id in self.back or self.orphan(inf):
                self.relations.append(self.relation(inf))
        if self.relations:
            for rel in self.relations:
                for target in [rel["to"]]:
                    if target in m.inferences:
                        self.needs_id.add(target)
            out["relations"] = self.relations
            self.fill_inference_ids(out)
        if m.gaps:
            out["gaps"] = [
                g.model_dump(exclude_none=True, exclude={"origin"}, mode="json") for g in m.gaps
            ]
        settings = m.evaluation.model_dump(exclude_defaults=True, mode="json")
        if settings:
            out["evaluation"] = settings
        if m.meta:
            out["meta"] = m.meta
        return out

    def orphan(self, inf: Inference) -> bool:
        """An undercut of an inference that is itself written under relations."""
        target = inf.target
        while target in self.map.inferences:
            if target in self.back:
                return inf.id not in self.back
            target = self.map.inferences[target].target
        return False

    def relation(self, inf: Inference) -> dict[str, Any]:
        rel: dict[str, Any] = {}
        if not inf.id.startswith("_"):
            rel["id"] = inf.id
        rel["from"] = inf.premises[0] if len(inf.premises) == 1 else list(inf.premises)
        rel["to"] = inf.target
        rel["type"] = inf.kind.value
        rel.update(self.inference_fields(inf))
        if inf.kind is InferenceKind.UNDERCUT:
            self.needs_id.add(inf.target)
        return rel

    def fill_inference_ids(self, out: dict[str, Any]) -> None:
        """Give written inferences that relations point at an explicit id."""
        for block in self.inference_blocks:
            inf_id = block[0]
            if inf_id in self.needs_id:
                block[1].setdefault("inference", {})
                block[1]["inference"] = {"id": inf_id, **block[1]["inference"]}

    def statement_fields(self, sid: str, default: StatementKind | None) -> dict[str, Any]:
        s = self.map.statements[sid]
        out: dict[str, Any] = {"id": s.id, "text": s.text}
        expected = StatementKind.ASSUMPTION if s.implicit else (default or StatementKind.CLAIM)
        if s.kind is not expected:
            out["kind"] = s.kind.value
        extra = s.model_dump(
            exclude_defaults=True, exclude={"id", "text", "kind", "origin"}, mode="json"
        )
        out.update(extra)
        return out

    def inference_fields(self, inf: Inference) -> dict[str, Any]:
        return inf.model_dump(
            exclude_defaults=True,
            exclude={"id", "premises", "target", "kind", "origin"},
            mode="json",
        )

    def node_tree(self, root: str) -> dict[str, Any]:
        """Define ``root`` and, nested under it, everything not yet defined (iteratively)."""
        root_default = None
        if self.map.statements[root].kind is StatementKind.EVIDENCE:
            root_default = StatementKind.EVIDENCE
        top = self.statement_fields(root, root_default)
        self.defined.add(root)
        stack: list[tuple[str, dict[str, Any], int]] = [(root, top, 0)]
        while stack:
            sid, out, depth = stack.pop()
            lists: dict[str, list[dict[str, Any]]] = {
                "reasons": [],
                "evidence": [],
                "objections": [],
            }
            for inf in self.map.incoming(sid):
                if inf.id in self.back:
                    continue
                key = "objections" if inf.is_attack else "reasons"
                if (
                    key == "reasons"
                    and len(inf.premises) == 1
                    and self.map.statements[inf.premises[0]].kind is StatementKind.EVIDENCE
                    and inf.premises[0] not in self.defined
                ):
                    key = "evidence"
                lists[key].append(self.item(inf, key, depth, stack))
            for key in CHILD_KEYS:
                if lists[key]:
                    out[key] = lists[key]
            for key in ITEM_KEYS:  # keep the parent-link keys last, after the children
                if key in out:
                    out[key] = out.pop(key)
        return top

    def item(
        self,
        inf: Inference,
        key: str,
        depth: int,
        stack: list[tuple[str, dict[str, Any], int]],
    ) -> dict[str, Any]:
        default = StatementKind.EVIDENCE if key == "evidence" else None
        members: list[dict[str, Any]] = []
        for premise in inf.premises:
            if premise in self.defined:
                members.append({"ref": premise})
            elif depth + 1 > self.max_nesting:
                members.append({"ref": premise})
                self.queue.append(premise)
            else:
                node = self.statement_fields(premise, default)
                self.defined.add(premise)
                members.append(node)
                stack.append((premise, node, depth + 1))
        entry: dict[str, Any] = {"linked": members} if len(members) > 1 else members[0]
        fields = self.inference_fields(inf)
        if not inf.id.startswith("_"):
            fields = {"id": inf.id, **fields}
        if fields:
            entry["inference"] = fields
        self.inference_blocks.append((inf.id, entry))
        undercuts = [u for u in self.map.attacks(inf.id) if u.id not in self.back]
        if undercuts:
            entry["undercuts"] = [self.item(u, "undercuts", depth + 1, stack) for u in undercuts]
        return entry
