"""AIF JSON, the Argument Interchange Format as OVA and AIFdb write it: reader and writer.

An AIF file is a graph of nodes and edges. ``I`` nodes (propositions) become
statements; an ``RA`` node (inference: premises I -> RA -> conclusion I)
becomes a support whose ``scheme`` keeps the scheme name; a ``CA`` node
(conflict: attacker I -> CA -> target) becomes an attack, or an undercut when
its target is an RA (or CA) node. ``MA`` (rephrase) and ``PA`` (preference)
nodes, the dialogue layer (``L``, ``YA``, ``TA``) and any other top-level
keys have no place in the model: they are kept verbatim in
``map.meta["aif"]`` and written back, so a file survives a round trip.
Node ids may be strings or numbers; they become the statement and inference
ids.

What argmap adds that AIF has no field for (a statement's kind, anchor,
evidence fields; an inference's strength; the map's title, source, gaps and
conclusion) is written under an ``"argmap"`` key on the node and at the top
level, which other AIF tools ignore.

The file is parsed once with the C JSON decoder; positions are worked out
only when there is an error to report, by parsing again with the locating
parser of :mod:`argmap.formats._tree`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import MapFileError
from argmap.formats._graph import choose_conclusion
from argmap.formats._text import decode, read_bytes
from argmap.formats._tree import MAX_INT_DIGITS, load_json
from argmap.model import (
    AnnotatedGap,
    ArgumentMap,
    Inference,
    InferenceKind,
    Origin,
    SourceInfo,
    Statement,
)
from argmap.safe_text import json_safe

#: Node types that make the argument graph; the other known ones are the dialogue layer.
ARGUMENT_TYPES = ("I", "RA", "CA")
KEPT_TYPES = ("MA", "PA")
DIALOGUE_TYPES = ("L", "YA", "TA")
KNOWN_TYPES = ARGUMENT_TYPES + KEPT_TYPES + DIALOGUE_TYPES
#: Node texts that name no scheme (OVA and AIFdb write these for a plain inference or conflict).
PLACEHOLDER_TEXTS = frozenset(
    {"RA", "CA", "Default Inference", "Default Conflict", "Default Rephrase", "Default Preference"}
)
#: Keys of a node that the reader turns into fields; every other key is kept in ``meta["aif"]``.
NODE_KEYS = ("nodeID", "text", "type", "argmap")
Path_ = tuple[str | int, ...]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- reading ----------------------------------------------------------------------------------


def read(
    path: str | Path, *, text: str | None = None, conclusion: str | None = None
) -> ArgumentMap:
    """Read an AIF JSON file; ``conclusion`` names the main conclusion (else it is chosen)."""
    name = str(path)
    if text is None:
        text = decode(read_bytes(path), name)
    data = load_json(text, name)
    argmap = _Reader(name, text).build(data, conclusion)
    argmap.path = name
    return argmap


def _path(prefix: str, loc: tuple[int | str, ...]) -> str:
    """Where in the file a validation error is: ``argmap.gaps[1].kind`` (never an empty part)."""
    return ".".join(part for part in (prefix, *map(str, loc)) if part)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"the number {value!r}"


class _Reader:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.prefix: Path_ = ()

    # errors --------------------------------------------------------------------------------

    def fail(self, what: str, where: Path_ = (), key: str | None = None) -> MapFileError:
        """An error at the JSON value reached by ``where`` (then ``key`` in it), located lazily.

        The message is one line: a line break inside an id it quotes is shown as ``\\n``."""
        from argmap.formats._tree import parse_json

        what = what.replace("\r", "\\r").replace("\n", "\\n")

        try:
            data, loc = parse_json(self.text, self.name)
        except MapFileError:
            return MapFileError(what, file=self.name)
        obj: Any = data
        parent: Any = None
        step: str | int | None = None
        try:
            for part in self.prefix + where:
                parent, step = obj, part
                obj = obj[part]
        except (KeyError, IndexError, TypeError):
            return MapFileError(what, file=self.name)
        if key is not None and isinstance(obj, dict):
            pos = loc.value(obj, key) if key in obj else loc.node(obj)
        elif isinstance(obj, dict | list) or parent is None or step is None:
            pos = loc.node(obj) or (1, 1)
        else:
            pos = loc.value(parent, step)
        if pos is None:
            return MapFileError(what, file=self.name)
        return MapFileError(what, file=self.name, line=pos[0], col=pos[1])

    # the build -----------------------------------------------------------------------------

    def build(self, data: Any, conclusion: str | None) -> ArgumentMap:
        if not isinstance(data, dict):
            raise self.fail(
                f"an AIF file is a JSON object with 'nodes' and 'edges', not {_describe(data)}"
            )
        top = data
        nested = False
        if "nodes" not in data and isinstance(data.get("AIF"), dict):
            top, nested, self.prefix = data["AIF"], True, ("AIF",)  # OVA 3 wraps the AIF
        if "nodes" not in top:
            raise self.fail("missing key 'nodes': an AIF file lists its nodes under 'nodes'")
        nodes = top["nodes"]
        edges = top.get("edges", [])
        if not isinstance(nodes, list):
            raise self.fail(f"'nodes' must be a list, not {_describe(nodes)}", ("nodes",))
        if not isinstance(edges, list):
            raise self.fail(f"'edges' must be a list, not {_describe(edges)}", ("edges",))

        argmap = ArgumentMap(conclusion="")
        kinds: dict[str, str] = {}  # node id -> type
        raw: dict[str, dict[str, Any]] = {}
        position: dict[str, int] = {}
        all_int = True
        kept_nodes: list[dict[str, Any]] = []
        unknown: dict[str, int] = {}
        for index, node in enumerate(nodes):
            if not isinstance(node, dict):
                raise self.fail(
                    f"a node must be an object, not {_describe(node)}", ("nodes", index)
                )
            nid = self.node_id(node, index)
            if not isinstance(node.get("nodeID"), int):
                all_int = False
            if nid in kinds:
                raise self.fail(
                    f"duplicate node id '{nid}' (first at node {position[nid] + 1} of 'nodes')",
                    ("nodes", index),
                    "nodeID",
                )
            ntype = node.get("type")
            if not isinstance(ntype, str):
                what = "missing 'type'" if ntype is None else f"'type' is {_describe(ntype)}"
                raise self.fail(
                    f"node '{nid}': {what}; expected one of {', '.join(KNOWN_TYPES)}",
                    ("nodes", index),
                    "type",
                )
            kinds[nid] = ntype
            raw[nid] = node
            position[nid] = index
            if ntype not in ARGUMENT_TYPES:
                kept_nodes.append(node)
                if ntype not in KNOWN_TYPES:
                    unknown[ntype] = unknown.get(ntype, 0) + 1
                continue
            text = node.get("text")
            if text is not None and not isinstance(text, str):
                raise self.fail(
                    f"node '{nid}': 'text' must be text, not {_describe(text)}",
                    ("nodes", index),
                    "text",
                )
            if ntype == "I":
                if not text or not text.strip():
                    raise self.fail(
                        f"I node '{nid}' has no text", ("nodes", index), "text" if text else None
                    )
                argmap.statements[nid] = self.statement(nid, node, index)

        premises: dict[str, list[str]] = {}
        targets: dict[str, list[tuple[str, int]]] = {}
        kept_edges: list[dict[str, Any]] = []
        for index, edge in enumerate(edges):
            if not isinstance(edge, dict):
                raise self.fail(
                    f"an edge must be an object, not {_describe(edge)}", ("edges", index)
                )
            source = self.edge_end(edge, index, "fromID", kinds)
            target = self.edge_end(edge, index, "toID", kinds)
            ts, tt = kinds[source], kinds[target]
            if ts not in ARGUMENT_TYPES or tt not in ARGUMENT_TYPES:
                kept_edges.append(edge)  # dialogue layer, rephrase, preference
                continue
            if ts == "I" and tt == "I":
                raise self.fail(
                    f"{self.edge_label(edge, index)} joins two I nodes ('{source}' -> '{target}'): "
                    "AIF puts an RA or CA node between them",
                    ("edges", index),
                )
            if ts == "I":
                premises.setdefault(target, []).append(source)
            else:
                targets.setdefault(source, []).append((target, index))

        for nid, ntype in kinds.items():
            if ntype in ("RA", "CA"):
                argmap.inferences[nid] = self.inference(
                    nid, ntype, raw[nid], position[nid], premises, targets, kinds
                )

        meta: dict[str, Any] = {}
        extra = {k: v for k, v in top.items() if k not in ("nodes", "edges", "argmap")}
        if nested:
            extra = {"AIF": extra, **{k: v for k, v in data.items() if k not in ("AIF", "argmap")}}
        if kept_nodes:
            meta["nodes"] = kept_nodes
        if kept_edges:
            meta["edges"] = kept_edges
        if extra:
            meta["extra"] = extra
        if nested:
            meta["nested"] = True
        if all_int and nodes:
            meta["int_ids"] = True
        header = data.get("argmap")
        wanted = self.read_header(header, argmap) if header is not None else None
        if meta:
            argmap.meta["aif"] = meta
        if unknown:
            listed = ", ".join(f"{n} of type {t!r}" for t, n in sorted(unknown.items()))
            argmap.notices.append(
                f"{self.name}: kept {listed} as metadata only "
                f"(argmap maps node types {', '.join(ARGUMENT_TYPES)})"
            )
        if not argmap.statements:
            raise self.fail("the file has no I nodes: there is no argument to map", ("nodes",))
        if conclusion is not None or wanted is None:
            choose_conclusion(argmap, conclusion)
        else:
            argmap.conclusion = wanted
        return argmap

    def node_id(self, node: dict[str, Any], index: int) -> str:
        value = node.get("nodeID")
        if value is None:
            raise self.fail(f"node {index + 1} of 'nodes' has no 'nodeID'", ("nodes", index))
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(
                f"node {index + 1} of 'nodes': 'nodeID' must be text or a number, "
                f"not {_describe(value)}",
                ("nodes", index),
                "nodeID",
            )
        nid = str(value)
        if not nid or nid != nid.strip() or _CONTROL.search(nid):
            raise self.fail(
                f"node {index + 1} of 'nodes': bad nodeID {nid!r} "
                "(an id is non-empty text on one line, no outer spaces)",
                ("nodes", index),
                "nodeID",
            )
        return nid

    def edge_end(self, edge: dict[str, Any], index: int, key: str, kinds: dict[str, str]) -> str:
        """The node id at one end of an edge, checked."""
        value = edge.get(key)
        if type(value) is str and value in kinds:  # the common case, first
            return value
        label = self.edge_label(edge, index)
        if value is None:
            raise self.fail(f"{label} has no '{key}'", ("edges", index))
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(
                f"{label}: '{key}' must be a node id (text or a number), not {_describe(value)}",
                ("edges", index),
                key,
            )
        end = str(value)
        if end not in kinds:
            raise self.fail(
                f"{label} {'comes from' if key == 'fromID' else 'goes to'} node '{end}', "
                "which is not in 'nodes'",
                ("edges", index),
                key,
            )
        return end

    def edge_label(self, edge: dict[str, Any], index: int) -> str:
        eid = edge.get("edgeID")
        if isinstance(eid, str | int) and not isinstance(eid, bool):
            return f"edge '{eid}'"
        return f"edge {index + 1} of 'edges'"

    def extension(self, node: dict[str, Any], index: int, nid: str) -> dict[str, Any]:
        fields = node.get("argmap", {})
        if not isinstance(fields, dict):
            raise self.fail(
                f"node '{nid}': 'argmap' must be an object, not {_describe(fields)}",
                ("nodes", index),
                "argmap",
            )
        return fields

    def validation(self, exc: ValidationError, nid: str, index: int) -> MapFileError:
        error = exc.errors()[0]
        return self.fail(
            f"node '{nid}': {_path('', error['loc']) or 'argmap'}: {error['msg']}",
            ("nodes", index),
            "argmap",
        )

    def statement(self, nid: str, node: dict[str, Any], index: int) -> Statement:
        fields = dict(self.extension(node, index, nid))
        extras = {k: v for k, v in node.items() if k not in NODE_KEYS}
        if extras:
            fields["meta"] = {**_mapping(fields.get("meta")), "aif": extras}
        for key in ("id", "text"):
            fields.pop(key, None)
        try:
            return Statement.model_validate(
                {"id": nid, "text": node["text"], "origin": Origin(self.name), **fields}
            )
        except ValidationError as exc:
            raise self.validation(exc, nid, index) from None

    def inference(
        self,
        nid: str,
        ntype: str,
        node: dict[str, Any],
        index: int,
        premises: dict[str, list[str]],
        targets: dict[str, list[tuple[str, int]]],
        kinds: dict[str, str],
    ) -> Inference:
        what = "inference" if ntype == "RA" else "conflict"
        mine = list(dict.fromkeys(premises.get(nid, [])))
        if not mine:
            raise self.fail(
                f"{ntype} node '{nid}' has no premise: no edge comes into it from an I node",
                ("nodes", index),
            )
        out = targets.get(nid, [])
        if not out:
            raise self.fail(
                f"{ntype} node '{nid}' has no conclusion: no edge goes from it to "
                + ("an I node" if ntype == "RA" else "an I, RA or CA node"),
                ("nodes", index),
            )
        if len(out) > 1:
            listed = ", ".join(f"'{t}'" for t, _ in out)
            raise self.fail(
                f"{ntype} node '{nid}' has {len(out)} conclusions ({listed}): "
                f"an {what} node has exactly one",
                ("edges", out[1][1]),
            )
        target, edge_index = out[0]
        if kinds[target] == "I":
            kind = InferenceKind.SUPPORT if ntype == "RA" else InferenceKind.ATTACK
        elif ntype == "CA":
            kind = InferenceKind.UNDERCUT
        else:
            raise self.fail(
                f"RA node '{nid}' concludes {kinds[target]} node '{target}': argmap maps "
                "inferences to an I node only (attack an inference with a CA node)",
                ("edges", edge_index),
            )
        text = node.get("text")
        scheme = node.get("scheme")
        if scheme is not None and not isinstance(scheme, str):
            raise self.fail(
                f"node '{nid}': 'scheme' must be text, not {_describe(scheme)}",
                ("nodes", index),
                "scheme",
            )
        if scheme is None and text and text not in PLACEHOLDER_TEXTS:
            scheme = text
        fields = dict(self.extension(node, index, nid))
        extras = {k: v for k, v in node.items() if k not in NODE_KEYS and k != "scheme"}
        # the writer's default text is the scheme, else the type: keep any other text as it was
        default_text = scheme if scheme is not None else ntype
        if text is not None and text != default_text:
            extras["text"] = text
        if extras:
            fields["meta"] = {**_mapping(fields.get("meta")), "aif": extras}
        for key in ("id", "premises", "target", "kind", "scheme"):
            fields.pop(key, None)
        try:
            return Inference.model_validate(
                {
                    "id": nid,
                    "premises": mine,
                    "target": target,
                    "kind": kind,
                    "scheme": scheme or None,
                    "origin": Origin(self.name),
                    **fields,
                }
            )
        except ValidationError as exc:
            raise self.validation(exc, nid, index) from None

    def read_header(self, header: Any, argmap: ArgumentMap) -> str | None:
        """The top-level ``"argmap"`` object argmap writes: conclusion, title, source, gaps, meta."""
        self.prefix, saved = (), self.prefix
        try:
            if not isinstance(header, dict):
                raise self.fail(f"'argmap' must be an object, not {_describe(header)}", ("argmap",))
            for key, kind, what in (("title", str, "text"), ("meta", dict, "an object")):
                if header.get(key) is not None and not isinstance(header[key], kind):
                    raise self.fail(
                        f"argmap.{key} must be {what}, not {_describe(header[key])}",
                        ("argmap",),
                        key,
                    )
            if isinstance(header.get("title"), str):
                argmap.title = header["title"]
            if header.get("source") is not None:
                try:
                    argmap.source = SourceInfo.model_validate(header["source"])
                except ValidationError as exc:
                    raise self.fail(
                        f"argmap.source: {exc.errors()[0]['msg']}", ("argmap",)
                    ) from None
            meta = header.get("meta")
            if isinstance(meta, dict):
                argmap.meta.update(meta)
            gaps = header.get("gaps") or []
            if not isinstance(gaps, list):
                raise self.fail(
                    f"argmap.gaps must be a list, not {_describe(gaps)}", ("argmap",), "gaps"
                )
            for i, gap in enumerate(gaps):
                try:
                    annotated = AnnotatedGap.model_validate(gap)
                except ValidationError as exc:
                    error = exc.errors()[0]
                    raise self.fail(
                        f"{_path(f'argmap.gaps[{i}]', error['loc'])}: {error['msg']}",
                        ("argmap", "gaps", i),
                    ) from None
                if (
                    annotated.node not in argmap.statements
                    and annotated.node not in argmap.inferences
                ):
                    raise self.fail(
                        f"gap on unknown node '{annotated.node}'", ("argmap", "gaps", i), "node"
                    )
                argmap.gaps.append(annotated)
            wanted = header.get("conclusion")
            if wanted is None:
                return None
            wanted = str(wanted)
            if wanted not in argmap.statements:
                raise self.fail(
                    f"argmap.conclusion '{wanted}' is not an I node of the file",
                    ("argmap",),
                    "conclusion",
                )
            return wanted
        finally:
            self.prefix = saved


# --- writing ----------------------------------------------------------------------------------


def dumps(argmap: ArgumentMap) -> str:
    """The map as AIF JSON: one node or edge per line, in map order."""
    kept: dict[str, Any] = dict(argmap.meta.get("aif") or {})
    int_ids = bool(kept.get("int_ids"))

    def node_id(value: str) -> str | int:
        if (
            int_ids
            and value.isascii()
            and value.isdigit()
            and len(value) <= MAX_INT_DIGITS
            and (value == "0" or not value.startswith("0"))
        ):
            return int(value)
        return value

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for s in argmap.statements.values():
        node: dict[str, Any] = {"nodeID": node_id(s.id), "text": s.text, "type": "I"}
        meta = dict(s.meta)
        node.update(_extras(meta.pop("aif", None)))
        fields = s.model_dump(
            exclude_defaults=True, exclude={"id", "text", "meta", "origin"}, mode="json"
        )
        if meta:
            fields["meta"] = meta
        if fields:
            node["argmap"] = fields
        nodes.append(node)
    kept_edges: list[dict[str, Any]] = list(kept.get("edges") or [])
    used = {str(e.get("edgeID")) for e in kept_edges}
    counter = 0

    def edge(source: str, target: str) -> None:
        nonlocal counter
        counter += 1
        while str(counter) in used:
            counter += 1
        edges.append({"edgeID": str(counter), "fromID": node_id(source), "toID": node_id(target)})

    for inf in argmap.inferences.values():
        ntype = "RA" if inf.kind is InferenceKind.SUPPORT else "CA"
        meta = dict(inf.meta)
        extras = _extras(meta.pop("aif", None))
        text = extras.pop("text", None) or inf.scheme or ntype
        node = {"nodeID": node_id(inf.id), "text": text, "type": ntype}
        if inf.scheme:
            node["scheme"] = inf.scheme
        node.update(extras)
        fields = inf.model_dump(
            exclude_defaults=True,
            exclude={"id", "premises", "target", "kind", "scheme", "meta", "origin"},
            mode="json",
        )
        if meta:
            fields["meta"] = meta
        if fields:
            node["argmap"] = fields
        nodes.append(node)
        for premise in inf.premises:
            edge(premise, inf.id)
        edge(inf.id, inf.target)
    nodes.extend(kept.get("nodes") or [])
    edges.extend(kept_edges)

    header: dict[str, Any] = {"conclusion": node_id(argmap.conclusion)}
    if argmap.title:
        header["title"] = argmap.title
    if argmap.source is not None:
        source = argmap.source.model_dump(exclude_none=True, mode="json")
        if source:
            header["source"] = source
    if argmap.gaps:
        header["gaps"] = [
            g.model_dump(exclude_none=True, exclude={"origin"}, mode="json") for g in argmap.gaps
        ]
    rest = {k: v for k, v in argmap.meta.items() if k != "aif"}
    if rest:
        header["meta"] = rest

    extra: dict[str, Any] = dict(kept.get("extra") or {})
    outer: dict[str, Any] = {}
    if kept.get("nested"):
        outer = extra
        extra = _mapping(outer.pop("AIF", None))
    aif = [("nodes", _lines(nodes)), ("edges", _lines(edges))]
    aif += [(k, _value(v)) for k, v in extra.items()]
    if kept.get("nested"):
        parts = [("AIF", _object(aif, "  "))] + [(k, _value(v)) for k, v in outer.items()]
    else:
        parts = aif
    parts.append(("argmap", _value(header)))
    # C1 controls and bidi overrides escaped (\u202e) like the C0 ones json escapes itself
    return json_safe(_object(parts, "")) + "\n"


def _object(parts: list[tuple[str, str]], indent: str) -> str:
    inner = indent + "  "
    body = ",\n".join(f"{inner}{json.dumps(k)}: {v}" for k, v in parts)
    return "{\n" + body + "\n" + indent + "}"


def _extras(value: Any) -> dict[str, Any]:
    """AIF keys kept from a node read earlier (never the ones the writer sets itself)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k not in ("nodeID", "type", "argmap")}


def _lines(items: list[dict[str, Any]]) -> str:
    """A list written one item per line (the items are the nodes and edges)."""
    if not items:
        return "[]"
    return "[\n    " + ",\n    ".join(_value(item) for item in items) + "\n  ]"


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
