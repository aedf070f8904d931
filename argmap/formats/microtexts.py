"""The arg-microtexts XML format (``<arggraph>``, Peldszus & Stede): reader only.

A microtext is one paragraph cut into EDUs (elementary discourse units);
ADUs (argumentative units, proponent or opponent) are made of EDUs by
``seg`` edges (directly, or through a ``joint`` of several EDUs). Between
ADUs: ``sup`` (support), ``exa`` (support by example), ``reb`` (rebutting
attack), ``und`` (undercut: its target is an edge), ``add`` (a further
premise of the argument of the target edge: linked premises).

In the map: each ADU is a statement (its EDUs' text, its role, anchored at
paragraph 1); each ``sup``/``exa``/``reb``/``und`` edge is an inference whose
id is the edge id; an ``add`` edge joins its source to the premises of the
inference of its target edge. The central claim, the one ADU with no
outgoing non-``seg`` edge, is the main conclusion. The paragraph itself
becomes the map's source text.

The file is parsed with the standard library's expat parser, the one under
``xml.etree.ElementTree``, driven directly because only expat reports the
line and column of each element. Like defusedxml, it refuses entity
declarations (no "billion laughs") and never resolves external entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from argmap.errors import MapFileError
from argmap.formats._graph import choose_conclusion
from argmap.formats._text import decode, line_col, read_bytes
from argmap.model import (
    ArgumentMap,
    Inference,
    InferenceKind,
    Origin,
    Role,
    SourceInfo,
    Statement,
    StatementKind,
)

EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
ROLES = {"pro": Role.PROPONENT, "opp": Role.OPPONENT}
KINDS = {
    "sup": InferenceKind.SUPPORT,
    "exa": InferenceKind.SUPPORT,
    "reb": InferenceKind.ATTACK,
    "und": InferenceKind.UNDERCUT,
}


_ENTITIES = (
    "entity declarations (<!ENTITY ...>) are not allowed in a microtexts file "
    "(they could expand without limit or reach outside the file)"
)


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    line: int
    col: int
    text: list[str] = field(default_factory=list)


def read(
    path: str | Path, *, text: str | None = None, conclusion: str | None = None
) -> ArgumentMap:
    """Read an arg-microtexts XML file; ``conclusion`` overrides the central claim."""
    name = str(path)
    if text is None:
        text = decode(read_bytes(path), name)
    root, elements = _parse(text, name)
    argmap = _Builder(name, root, elements).build(conclusion)
    argmap.path = name
    return argmap


def _parse(text: str, name: str) -> tuple[_Element, list[_Element]]:
    """The root element and the elements directly inside it, each with its position."""
    declared = text.find("<!ENTITY")
    if declared >= 0:
        # refused before parsing; the handlers below are a second line of defence
        line, col = line_col(text, declared)
        raise MapFileError(_ENTITIES, file=name, line=line, col=col)
    parser = expat.ParserCreate()
    elements: list[_Element] = []
    stack: list[_Element] = []
    roots: list[_Element] = []

    def refuse(*_: Any) -> NoReturn:
        raise MapFileError(
            _ENTITIES, file=name, line=parser.CurrentLineNumber, col=parser.CurrentColumnNumber + 1
        )

    def start(tag: str, attrs: dict[str, str]) -> None:
        # ids and types are words: space around one (type="sup ") is not part of it
        clean = {key: value.strip() for key, value in attrs.items()}
        element = _Element(tag, clean, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        if not stack:
            roots.append(element)
        elif len(stack) == 1:
            elements.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].text.append(chunk)

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.buffer_text = True
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        message = expat.errors.messages[exc.code] if exc.code else str(exc)
        raise MapFileError(
            f"XML syntax error: {message}", file=name, line=exc.lineno, col=exc.offset + 1
        ) from None
    root = roots[0]
    if root.tag != "arggraph":
        raise MapFileError(
            f"expected an <arggraph> element (an arg-microtexts file), found <{root.tag}>",
            file=name,
            line=root.line,
            col=root.col,
        )
    return root, elements


class _Builder:
    def __init__(self, name: str, root: _Element, elements: list[_Element]) -> None:
        self.name = name
        self.root = root
        self.elements = elements

    def fail(self, what: str, element: _Element) -> MapFileError:
        return MapFileError(what, file=self.name, line=element.line, col=element.col)

    def attr(self, element: _Element, key: str) -> str:
        value = element.attrs.get(key)
        if value is None or not value.strip():
            raise self.fail(f"<{element.tag}> needs a '{key}' attribute", element)
        return value.strip()

    def build(self, conclusion: str | None) -> ArgumentMap:
        edus: dict[str, _Element] = {}
        joints: dict[str, _Element] = {}
        adus: dict[str, _Element] = {}
        edges: dict[str, _Element] = {}
        seen: dict[str, _Element] = {}
        for element in self.elements:
            if element.tag not in ("edu", "joint", "adu", "edge"):
                raise self.fail(
                    f"unexpected <{element.tag}> in <arggraph> "
                    "(expected <edu>, <joint>, <adu> and <edge>)",
                    element,
                )
            eid = self.attr(element, "id")
            if eid in seen:
                raise self.fail(
                    f"duplicate id '{eid}' (first used at line {seen[eid].line})", element
                )
            seen[eid] = element
            {"edu": edus, "joint": joints, "adu": adus, "edge": edges}[element.tag][eid] = element
        if not adus:
            raise self.fail("the <arggraph> has no <adu>: there is no argument", self.root)

        # segmentation: the EDUs of each joint and each ADU, in document order
        parts: dict[str, list[str]] = {}
        for eid, edge in edges.items():
            etype = self.attr(edge, "type")
            if etype not in EDGE_TYPES:
                raise self.fail(
                    f"edge '{eid}' has type '{etype}'; expected one of {', '.join(EDGE_TYPES)}",
                    edge,
                )
            src, trg = self.attr(edge, "src"), self.attr(edge, "trg")
            for end, what in ((src, "src"), (trg, "trg")):
                if end not in seen:
                    raise self.fail(f"edge '{eid}': {what} '{end}' is not an id of the file", edge)
            if etype != "seg":
                continue
            if src not in edus and src not in joints:
                raise self.fail(f"seg edge '{eid}' must come from an <edu> or <joint>", edge)
            if trg not in adus and trg not in joints:
                raise self.fail(f"seg edge '{eid}' must go to an <adu> or <joint>", edge)
            parts.setdefault(trg, []).append(src)
        order = {eid: i for i, eid in enumerate(edus)}

        def edu_ids(unit: str) -> list[str]:
            found: list[str] = []
            stack = [unit]
            visited: set[str] = set()
            while stack:
                item = stack.pop()
                if item in visited:
                    continue
                visited.add(item)
                if item in edus:
                    found.append(item)
                else:
                    stack.extend(parts.get(item, []))
            return sorted(found, key=order.__getitem__)

        # part 2 of the corpus marks reconstructed units: implicit="true" EDUs are not in the text
        implicit_edus = {
            eid for eid, e in edus.items() if e.attrs.get("implicit", "").strip().lower() == "true"
        }
        paragraph = " ".join(
            " ".join("".join(e.text).split()) for eid, e in edus.items() if eid not in implicit_edus
        )
        argmap = ArgumentMap(conclusion="")
        for aid, adu in adus.items():
            role = adu.attrs.get("type", "")
            if role not in ROLES:
                raise self.fail(f"adu '{aid}' has type '{role}'; expected pro or opp", adu)
            members = edu_ids(aid)
            if not members:
                raise self.fail(
                    f"adu '{aid}' has no text: no seg edge from an <edu> reaches it", adu
                )
            text = " ".join(" ".join("".join(edus[e].text).split()) for e in members)
            if not text:
                raise self.fail(f"adu '{aid}' has no text: its EDUs are empty", adu)
            implicit = all(e in implicit_edus for e in members)
            argmap.statements[aid] = Statement(
                id=aid,
                text=text,
                role=ROLES[role],
                # an implicit unit is the annotators' reconstruction: an unstated assumption
                kind=StatementKind.ASSUMPTION if implicit else StatementKind.CLAIM,
                implicit=implicit,
                at=None if implicit else "1",
                meta={"edus": members},
                origin=Origin(self.name, adu.line, adu.col),
            )

        # the argument edges: one inference per sup/exa/reb/und edge, add edges join one
        outgoing: set[str] = set()
        adds: dict[str, str] = {}
        for eid, edge in edges.items():
            etype = edge.attrs["type"]
            if etype == "seg":
                continue
            src, trg = edge.attrs["src"].strip(), edge.attrs["trg"].strip()
            if src not in adus:
                raise self.fail(f"{etype} edge '{eid}' must come from an <adu>, not '{src}'", edge)
            outgoing.add(src)
            if etype in ("und", "add"):
                if trg not in edges or edges[trg].attrs["type"] == "seg":
                    raise self.fail(
                        f"{etype} edge '{eid}' must point at an argument edge, not '{trg}'", edge
                    )
                if etype == "add":
                    adds[eid] = trg
                    continue
            elif trg not in adus:
                raise self.fail(f"{etype} edge '{eid}' must point at an <adu>, not '{trg}'", edge)
            argmap.inferences[eid] = Inference(
                id=eid,
                premises=[src],
                target=trg,
                kind=KINDS[etype],
                example=etype == "exa",
                origin=Origin(self.name, edge.line, edge.col),
            )
        # an add edge, or an und edge, may point at an add edge: follow to the inference
        for eid, trg in adds.items():
            inference = argmap.inferences[self.inference_of(trg, adds, edges)]
            premise = edges[eid].attrs["src"].strip()
            if premise not in inference.premises:
                inference.premises.append(premise)
        for inf in argmap.inferences.values():
            if inf.kind is InferenceKind.UNDERCUT:
                inf.target = self.inference_of(inf.target, adds, edges)

        info = {k: v for k, v in self.root.attrs.items() if k in ("id", "topic_id", "stance")}
        if info:
            argmap.meta["microtexts"] = info
        graph_id = info.get("id")
        if graph_id:
            topic = info.get("topic_id")
            argmap.title = f"{graph_id} ({topic.replace('_', ' ')})" if topic else graph_id
            argmap.source = SourceInfo(title=graph_id)
        argmap.source_text = paragraph + "\n"

        central = [a for a in adus if a not in outgoing]
        if conclusion is None and len(central) == 1:
            argmap.conclusion = central[0]
        else:
            if conclusion is None:
                argmap.notices.append(
                    f"{self.name}: {len(central)} ADUs have no outgoing edge "
                    "(a microtext has exactly one central claim)"
                )
            choose_conclusion(argmap, conclusion)
        return argmap

    def inference_of(self, edge_id: str, adds: dict[str, str], edges: dict[str, _Element]) -> str:
        """The inference an edge stands for: itself, or for an add edge the one it joins."""
        seen: set[str] = set()
        current = edge_id
        while current in adds:
            if current in seen:
                raise self.fail(f"add edges '{edge_id}' form a cycle", edges[edge_id])
            seen.add(current)
            current = adds[current]
        return current
