"""Argdown's model -> argmap's graph (see ``docs/argdown.md``), and :func:`read`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import EmptyMapError, MapFileError
from argmap.formats._graph import choose_conclusion
from argmap.formats._text import decode, read_bytes
from argmap.formats._tree import describe as _kind
from argmap.formats.argdown.data import _merge
from argmap.formats.argdown.include import Source, resolve
from argmap.formats.argdown.lexer import _SyntaxError
from argmap.formats.argdown.model import (
    ATTACK,
    CONTRADICTORY,
    CONTRARY,
    ENTAILS,
    SUPPORT,
    UNDERCUT,
    _Argument,
    _Class,
    _Inference,
    _Model,
    _Node,
    _Relation,
    _uses,
)
from argmap.formats.argdown.parser import _parse
from argmap.formats.argdown.tables import COLOR_SCHEMES
from argmap.model import (
    AnnotatedGap,
    ArgumentMap,
    Inference,
    InferenceKind,
    Origin,
    SourceInfo,
    Statement,
)
from argmap.model.presentation import colour, statement_colour

# --- Argdown's model -> argmap's graph ---------------------------------------------------------

#: Statement fields that inline data can set (argmap's own keys; see docs/argdown.md).
STATEMENT_DATA = (
    "kind",
    "implicit",
    "given",
    "optional",
    "alternatives",
    "at",
    "quote",
    "basis",
    "source",
    "rating",
    "status",
    "role",
    "note",
)
#: Inference fields that the data of an inference line can set.
INFERENCE_DATA = ("scheme", "strength", "label", "example", "relation")
#: the statement meta keys argmap fills from Argdown's syntax (texts, links, the argument mark)
OWN_META = ("argdown", "links", "texts")
#: where a statement keeps the data keys of those names (``meta.argdown_data``)
DATA_APART = "argdown_data"
#: Marks a PCS conclusion the writer made up to carry an attack or an undercut.
STANDS_FOR = "inference"
#: Marks the main conclusion when it has no title the front matter could name it by.
CONCLUSION = "conclusion"
_RE_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _valid_id(title: str) -> bool:
    return bool(title) and title == title.strip() and _RE_CONTROL.search(title) is None


def _texts(members: list[Any], offset: int) -> tuple[str, int, dict[str, Any]]:
    """The text of an equivalence class (its last definition's), where it is, and its meta.

    The meta keeps what the one text cannot: ``texts`` (every different text
    of the class, in order, the chosen one last, when its definitions say
    different things) and ``links`` (text, URL and place of each link; ``of``
    names the entry of ``texts`` a link of another text is in).
    """
    text = ""
    chosen = None
    for member in members:
        if not member.reference and member.text.strip():
            text = member.text.strip()
            chosen = member
    meta: dict[str, Any] = {}
    # the members with different texts, the last of each kept; a reference's text (the
    # hashtags after it, ``[A] #tag``) is one of them, as in Argdown's model, though never
    # the chosen one
    distinct: list[Any] = []
    for member in reversed(members):
        body = member.text.strip()
        if (
            body
            and (member is chosen or body != text)
            and all(body != m.text.strip() for m in distinct)
        ):
            distinct.append(member)
    distinct.reverse()
    if chosen is not None:  # the chosen text last, as the writer writes it
        distinct.remove(chosen)
        distinct.append(chosen)
    if chosen is None:
        if len(distinct) > 1:  # references only, with different hashtags
            meta["texts"] = [m.text.strip() for m in distinct]
        return text, offset, meta
    found: list[dict[str, Any]] = []
    for n, member in enumerate(distinct):
        body = member.text.strip()
        shift = len(member.text) - len(member.text.lstrip())
        for start, words, url in member.links:
            if start >= shift and body[start - shift : start - shift + len(words)] == words:
                link: dict[str, Any] = {
                    "text": words,
                    "url": url,
                    "start": start - shift,
                }
                if member is not chosen:
                    link["of"] = n  # a link in another of the class's texts (meta.texts[n])
                found.append(link)
    if found:
        meta["links"] = found
    if len(distinct) > 1:
        meta["texts"] = [m.text.strip() for m in distinct]
    return text, chosen.offset, meta


class _Converter:
    """Builds the argmap graph from Argdown's model (see the module docstring for the mapping)."""

    def __init__(self, model: _Model, front: Any, file: str, source: Source) -> None:
        self.model = model
        self.front = front if isinstance(front, dict) else {}
        self.file = file
        self.text = source.text
        self.locate = source.locate
        self.used: set[str] = set()
        self.node_ids: dict[int, str] = {}  # id(_Class or unreconstructed _Argument) -> id
        self.inference_ids: dict[int, str] = {}  # id(_Inference) -> id
        self.main: dict[int, str] = {}  # id(reconstructed _Argument) -> its last inference
        self.collapsed: dict[int, _Relation] = {}  # id(_Argument) -> relation it stands for
        self.skip_relations: set[int] = set()
        self.marked_conclusion: str | None = None  # a statement marked {argmap: conclusion}
        self.map = ArgumentMap(conclusion="")

    # ids -----------------------------------------------------------------------------------

    def fresh(self, wanted: str) -> str:
        base = wanted if _valid_id(wanted) else (_RE_CONTROL.sub(" ", wanted).strip() or "s")
        candidate = base
        n = 1
        while candidate in self.used:
            n += 1
            candidate = f"{base} ({n})"
        self.used.add(candidate)
        return candidate

    def origin(self, offset: int) -> Origin:
        file, line, col = self.locate(offset)
        return Origin(file, line, col)

    # the whole map -------------------------------------------------------------------------

    def build(self) -> ArgumentMap:
        model = self.model
        self.find_collapsed()
        for ec in model.statements.values():
            if id(ec) not in self.collapsed_statements:
                self.add_statement(ec)
        for arg in model.arguments.values():
            if not arg.pcs:
                self.add_argument_node(arg)
        inference_counter = 0
        for arg in model.arguments.values():
            for member in arg.pcs:
                if member.inference is not None:
                    inference_counter += 1
                    self.inference_ids[id(member.inference)] = self.fresh(f"i{inference_counter}")
            if arg.pcs:
                last = arg.pcs[-1].inference
                assert last is not None
                self.main[id(arg)] = self.inference_ids[id(last)]
        for arg in model.arguments.values():
            if arg.pcs:
                self.add_pcs(arg)
        counter = [0]
        for relation in model.relations:
            if id(relation) not in self.skip_relations:
                self.add_relation(relation, counter)
        self.header()
        return self.map

    def find_collapsed(self) -> None:
        """PCS conclusions the writer made up to carry an attack or undercut, and their relation."""
        self.collapsed_statements: set[int] = set()
        model = self.model
        marked = {
            ec.title: ec
            for ec in model.statements.values()
            if isinstance(ec.data, dict) and ec.data.get("argmap") == STANDS_FOR
        }
        if not marked:
            return
        concluding: dict[str, list[_Argument]] = {}
        premise_of: set[str] = set()
        for arg in model.arguments.values():
            for member in arg.pcs:
                if member.role == "premise" or member is not arg.pcs[-1]:
                    premise_of.add(member.title or "")
            if arg.pcs:
                concluding.setdefault(arg.pcs[-1].title or "", []).append(arg)
        for title, ec in marked.items():
            args = concluding.get(title, [])
            outgoing = [r for r in ec.relations if r.source is ec]
            incoming = [r for r in ec.relations if r.target is ec]
            if (
                len(args) != 1
                or title in premise_of
                or len(outgoing) != 1
                or incoming
                or outgoing[0].type not in (ATTACK, UNDERCUT)
            ):
                continue  # not the writer's shape after all: an ordinary statement
            self.collapsed[id(args[0])] = outgoing[0]
            self.collapsed_statements.add(id(ec))
            self.skip_relations.add(id(outgoing[0]))

    # statements ----------------------------------------------------------------------------

    def statement(
        self,
        sid: str,
        text: str,
        title: str | None,
        tags: list[str],
        data: Any,
        meta: dict[str, Any],
        offset: int,
    ) -> Statement:
        values: dict[str, Any] = {
            "id": sid,
            "text": text,
            "tags": list(tags),
            "meta": meta,
        }
        if title is not None:
            values["title"] = title
        if isinstance(data, dict):
            for key, value in data.items():
                if key in STATEMENT_DATA:
                    values[key] = value
                elif key == "meta" and isinstance(value, dict):
                    _merge(meta, value)
                elif key == "text" and isinstance(value, str) and value.strip():
                    values["text"] = value  # a text Argdown's syntax cannot hold (line breaks)
                elif key == "tags" and isinstance(value, list):
                    values["tags"] += [t for t in value if isinstance(t, str) and t not in tags]
                elif key in OWN_META:
                    # a data key named as a key argmap keeps the syntax in (Argdown's docs give
                    # arguments {links: [...]}): kept apart, written back as it was
                    meta.setdefault(DATA_APART, {})[key] = value
                elif key != "argmap":
                    meta[key] = value
            if values.get("implicit") is True and "kind" not in values:
                values["kind"] = "assumption"
        elif data is not None:
            meta["data"] = data
        values["origin"] = self.origin(offset)
        while True:
            try:
                return Statement.model_validate(values)
            except ValidationError as exc:
                # data Argdown accepts must not make argmap reject the file: a value argmap
                # cannot use stays in meta instead
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                bad &= set(STATEMENT_DATA)
                if not bad:
                    raise
                for key in bad:
                    meta[key] = values.pop(key)

    def add_statement(self, ec: _Class) -> None:
        offset = ec.members[0].offset if ec.members else 0
        text, offset, meta = _texts(ec.members, offset)
        anonymous = ec.title.startswith("Untitled ") and all(
            not m.reference and m.title == ec.title for m in ec.members
        )
        sid = self.fresh(ec.title)
        if ec.section is not None:
            ec.section.setdefault("statements", []).append(sid)
        statement = self.statement(
            sid,
            text or ec.title,
            None if anonymous else ec.title,
            ec.tags,
            ec.data,
            meta,
            offset,
        )
        self.map.statements[sid] = statement
        self.node_ids[id(ec)] = sid
        if isinstance(ec.data, dict) and ec.data.get("argmap") == CONCLUSION:
            self.marked_conclusion = self.marked_conclusion or sid

    def add_argument_node(self, arg: _Argument) -> None:
        offset = arg.members[0].offset if arg.members else arg.offset
        text, offset, meta = _texts(arg.members, offset)
        sid = self.fresh(f"<{arg.title}>")
        meta = {"argdown": "argument", **meta}
        if arg.section is not None:
            arg.section.setdefault("statements", []).append(sid)
        statement = self.statement(
            sid, text or arg.title, arg.title, arg.tags, arg.data, meta, offset
        )
        self.map.statements[sid] = statement
        self.node_ids[id(arg)] = sid

    # inferences ----------------------------------------------------------------------------

    def inference(
        self,
        iid: str,
        premises: list[str],
        target: str,
        kind: InferenceKind,
        data: Any,
        meta: dict[str, Any],
        offset: int,
        scheme: str | None = None,
        relation: str | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "id": iid,
            "premises": list(dict.fromkeys(premises)),
            "target": target,
            "kind": kind,
            "meta": meta,
        }
        if scheme:
            values["scheme"] = scheme
        if relation:
            values["relation"] = relation
        if isinstance(data, dict):
            for key, value in data.items():
                if key in INFERENCE_DATA:
                    values[key] = value
                elif key == "meta" and isinstance(value, dict):
                    _merge(meta, value)
                elif key not in ("uses", "argmap"):
                    meta[key] = value
        values["origin"] = self.origin(offset)
        while True:
            try:
                inference = Inference.model_validate(values)
                break
            except ValidationError as exc:
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                bad &= set(INFERENCE_DATA)
                if not bad:
                    raise
                for key in bad:
                    meta[key] = values.pop(key)
        self.map.inferences[iid] = inference

    def add_pcs(self, arg: _Argument) -> None:
        """One support inference per inference line; the last may carry an attack instead."""
        pcs = arg.pcs
        start = 0
        if arg.section is not None:
            arg.section.setdefault("arguments", []).append(arg.title)
        for pos, member in enumerate(pcs):
            inference = member.inference
            if inference is None:
                continue
            premises = pcs[start:pos]
            # the statements a step uses, where Argdown looks for them (an exploded step's
            # structure is already just its own)
            uses = None if arg.exploded else _uses(member)
            if isinstance(uses, list):
                chosen = [
                    pcs[n - 1]
                    for n in uses
                    if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= pos
                ]
                if chosen:
                    premises = chosen
            start = pos
            premise_ids = [self.class_id(m.title or "") for m in premises]
            meta: dict[str, Any] = {"argdown": {"argument": arg.title}}
            last = member is pcs[-1]
            if last:
                info = meta["argdown"]
                description, _, described = _texts(arg.members, 0)
                if description:
                    info["description"] = description
                if description or "texts" in described:
                    info.update(described)  # its links, and every description when several
                if arg.tags:
                    info["tags"] = list(arg.tags)
                if arg.data is not None:
                    info["data"] = arg.data
                if not arg.members and arg.title.startswith("Untitled "):
                    info["anonymous"] = True  # a PCS without an <argument> line: no title to write
            kind = InferenceKind.SUPPORT
            stands_for = self.collapsed.get(id(arg)) if last else None
            if stands_for is None:
                target = self.class_id(member.title or "")
            else:
                end = self.endpoint(stands_for.target)
                if end is None:  # pragma: no cover - the writer's shape always resolves
                    continue
                target, kind = end
                if stands_for.type == ATTACK and kind is InferenceKind.UNDERCUT:
                    meta["argdown"]["attacks"] = f"<{self.argument_of(stands_for.target)}>"
            self.inference(
                self.inference_ids[id(inference)],
                premise_ids,
                target,
                kind,
                inference.data,
                meta,
                inference.offset,
                scheme=", ".join(r for r in inference.rules if r) or None,
            )

    def class_id(self, title: str) -> str:
        return self.node_ids[id(self.model.statements[title])]

    def argument_of(self, node: _Node | None) -> str:
        return node.title if isinstance(node, _Argument) else ""

    def endpoint(self, node: _Node | None) -> tuple[str, InferenceKind] | None:
        """Where an attack lands in argmap: a statement (attack) or an inference (undercut)."""
        if isinstance(node, _Inference):
            iid = self.inference_ids.get(id(node))
            return None if iid is None else (iid, InferenceKind.UNDERCUT)
        if isinstance(node, _Argument) and node.pcs:
            # an argument with a premise-conclusion structure is its inferences: an attack on
            # it undercuts its last inference (an attack on a premise is Argdown's own
            # relation to that premise)
            return self.main[id(node)], InferenceKind.UNDERCUT
        if node is None or id(node) not in self.node_ids:
            return None
        return self.node_ids[id(node)], InferenceKind.ATTACK

    def source_id(self, node: _Node | None) -> str | None:
        if isinstance(node, _Argument) and node.pcs:
            return self.class_id(node.pcs[-1].title or "")
        if node is None or isinstance(node, _Inference):
            return None
        return self.node_ids.get(id(node))

    def add_relation(self, relation: _Relation, counter: list[int]) -> None:
        source = self.source_id(relation.source)
        target_node = relation.target
        if source is None or target_node is None:
            return

        def new_id() -> str:
            counter[0] += 1
            return self.fresh(f"r{counter[0]}")

        kind = relation.type
        offset = relation.offset
        if kind in (CONTRADICTORY, CONTRARY):
            other = self.source_id(target_node)
            if other is None:
                return
            # one attack each way; a statement contradicting itself is one attack
            for a, b in ((source, other), (other, source))[: 1 if source == other else 2]:
                self.inference(
                    new_id(),
                    [a],
                    b,
                    InferenceKind.ATTACK,
                    None,
                    {},
                    offset,
                    relation=kind,
                )
            return
        meta: dict[str, Any] = {}
        if kind in (SUPPORT, ENTAILS):
            if isinstance(target_node, _Argument) and target_node.pcs:
                # a support of a reconstructed argument supports its conclusion
                meta = {"argdown": {"supports": f"<{target_node.title}>"}}
                target = self.class_id(target_node.pcs[-1].title or "")
            else:
                found = self.source_id(target_node)
                if found is None:
                    return
                target = found
            self.inference(
                new_id(),
                [source],
                target,
                InferenceKind.SUPPORT,
                None,
                meta,
                offset,
                relation=ENTAILS if kind == ENTAILS else None,
            )
            return
        if kind == ATTACK and isinstance(target_node, _Argument) and target_node.pcs:
            # Argdown: an attack on a reconstructed argument attacks one of its premises
            # (it does not say which: argmap takes the first); not an undercut
            meta = {"argdown": {"attacks": f"<{target_node.title}>"}}
            target = self.class_id(target_node.pcs[0].title or "")
            self.inference(new_id(), [source], target, InferenceKind.ATTACK, None, meta, offset)
            return
        end = self.endpoint(target_node)
        if end is None:
            return
        target, ikind = end
        relation_field = None
        if kind == UNDERCUT and ikind is not InferenceKind.UNDERCUT:
            ikind = InferenceKind.ATTACK
            relation_field = UNDERCUT  # Argdown's undercut of a statement or a sketched argument
        self.inference(
            new_id(),
            [source],
            target,
            ikind,
            None,
            meta,
            offset,
            relation=relation_field,
        )

    def node_colours(self, settings: Any, tag_colours: dict[str, str]) -> dict[str, str | None]:
        """The colours Argdown gives nodes where a statement's own colour and tags do not tell.

        Argdown's colour plugin colours an element by its data's ``color`` (unless
        ``ignoreColorData``), else by the colour settings' ``statementColors`` or
        ``argumentColors`` for its title, else by its tag of highest ``priority``
        (``tagColors: {tag: {color, priority}}``; the first tag on a tie). A
        ``color`` in the data can be an index into the colour scheme. The map
        keeps only the colours that its default rule (the statement's own colour,
        else its first coloured tag) would not give.
        """
        settings = settings if isinstance(settings, dict) else {}
        scheme = _colour_scheme(settings)
        given = settings.get("tagColors")
        priority = {
            tag: entry.get("priority") or 0
            for tag, entry in (given.items() if isinstance(given, dict) else [])
            if isinstance(entry, dict) and isinstance(entry.get("priority"), int | float)
        }
        by_tag = settings.get("colorizeByTag", True) is not False
        found: dict[str, str | None] = {}
        elements: list[tuple[_Class | _Argument, str]] = [
            (ec, "statementColors") for ec in self.model.statements.values()
        ]
        elements += [(arg, "argumentColors") for arg in self.model.arguments.values()]
        for element, named in elements:
            sid = self.node_ids.get(id(element))
            if sid is None or sid not in self.map.statements:
                continue
            data = element.data if isinstance(element.data, dict) else {}
            titled = settings.get(named)
            if "color" in data and not settings.get("ignoreColorData"):
                chosen = _scheme_colour(scheme, data["color"])
            elif isinstance(titled, dict) and titled.get(element.title) is not None:
                chosen = _scheme_colour(scheme, titled[element.title])
            elif by_tag and element.tags:
                best = element.tags[0]
                for tag in element.tags[1:]:
                    if priority.get(tag, 0) > priority.get(best, 0):
                        best = tag
                chosen = tag_colours.get(best)
            else:
                continue  # Argdown's default colour: no colour of its own in the map
            statement = self.map.statements[sid]
            if chosen != statement_colour(self.map, statement):
                found[sid] = chosen
        return found

    # the map's header ----------------------------------------------------------------------

    def header(self) -> None:
        front = dict(self.front)
        own = front.pop("argmap", None)
        meta: dict[str, Any] = {"argdown": self.model.counts()}
        if front:
            meta["frontmatter"] = front
        if self.model.sections:
            meta["sections"] = self.model.sections
        colours = _tag_colours(self.model, front.get("color"))
        if colours:
            meta["tag_colors"] = colours
        self.map.meta = meta  # (the colours below are those its tag colours do not give)
        own_colours = self.node_colours(front.get("color"), colours)
        if own_colours:
            meta["statement_colors"] = own_colours
        title = front.get("title")
        if isinstance(title, str) and title.strip():
            self.map.title = " ".join(title.split())
        if own is not None and not isinstance(own, dict):
            raise self.front_error(
                f"'argmap' must be a mapping (conclusion, source, meta, gaps), not {_kind(own)}"
            )
        if self.marked_conclusion is not None:
            self.map.conclusion = self.marked_conclusion
        if isinstance(own, dict):
            rest = dict(own)
            conclusion = rest.pop("conclusion", None)
            if isinstance(conclusion, str) and conclusion in self.map.statements:
                self.map.conclusion = conclusion
            elif conclusion is not None and not isinstance(conclusion, str | int):
                raise self.front_error(
                    f"argmap.conclusion must be a statement's id, not {_kind(conclusion)}"
                )
            elif conclusion is not None:
                rest["conclusion"] = conclusion
            source = rest.pop("source", None)
            if source is not None:
                try:
                    self.map.source = SourceInfo.model_validate(source)
                except ValidationError as exc:
                    error = exc.errors()[0]
                    where = ".".join(["argmap.source", *map(str, error["loc"])])
                    raise self.front_error(f"{where}: {error['msg']}") from None
            own_meta = rest.pop("meta", None)
            if own_meta is not None and not isinstance(own_meta, dict):
                raise self.front_error(f"argmap.meta must be a mapping, not {_kind(own_meta)}")
            if isinstance(own_meta, dict):
                meta = {**own_meta, **meta}
            gaps = rest.pop("gaps", None)
            if gaps is not None and not isinstance(gaps, list):
                raise self.front_error(f"argmap.gaps must be a list, not {_kind(gaps)}")
            if isinstance(gaps, list):
                bad = self.read_gaps(gaps)
                if bad:
                    rest["gaps"] = bad
            named = rest.pop("inferences", None)
            if isinstance(named, list):
                bad = self.name_inferences(named)
                if bad:
                    rest["inferences"] = bad
            if rest:
                meta.setdefault("frontmatter", {})["argmap"] = rest
        self.map.meta = meta

    def name_inferences(self, named: list[Any]) -> list[Any]:
        """Give inferences the ids the front matter lists for them (``argmap: {inferences}``).

        Each entry names an inference by what it joins: ``{id, kind, premises,
        target}``; an undercut's target is an inference id, named the same way.
        Returns the entries that match no inference.
        """
        m = self.map
        rename: dict[str, str] = {}
        left = list(named)
        progress = True
        while left and progress:
            progress = False
            for entry in list(left):
                if not isinstance(entry, dict) or not isinstance(entry.get("id"), str | int):
                    continue
                wanted = str(entry["id"])
                for inf in m.inferences.values():
                    if (
                        inf.id not in rename
                        and inf.kind.value == entry.get("kind")
                        and inf.premises == entry.get("premises")
                        and rename.get(inf.target, inf.target) == entry.get("target")
                        and wanted not in m.statements
                    ):
                        rename[inf.id] = wanted
                        left.remove(entry)
                        progress = True
                        break
        if len(set(rename.values())) != len(rename) or set(rename.values()) & (
            set(m.inferences) - set(rename)
        ):
            return named  # ids that would clash: keep argmap's own
        if rename:
            inferences = {}
            for iid, inf in m.inferences.items():
                inf.id = rename.get(iid, iid)
                if inf.kind is InferenceKind.UNDERCUT:
                    inf.target = rename.get(inf.target, inf.target)
                inferences[inf.id] = inf
            m.inferences = inferences
            for gap in m.gaps:
                gap.node = rename.get(gap.node, gap.node)
            for key, main in self.main.items():
                self.main[key] = rename.get(main, main)
        return left

    def front_error(self, what: str) -> MapFileError:
        """An error in the front matter's ``argmap:`` block, at that key's line."""
        found = re.search(r"^[ \t]*argmap[ \t]*:", self.text, re.MULTILINE)
        file, line, col = self.locate(found.start() if found else 0)
        return MapFileError(f"front matter: {what}", file=file, line=line, col=col)

    def read_gaps(self, gaps: list[Any]) -> list[Any]:
        """Gaps from the front matter; ``inference: TITLE`` names an argument's last inference."""
        by_title = {
            arg.title: self.main[id(arg)] for arg in self.model.arguments.values() if arg.pcs
        }
        bad: list[Any] = []
        for raw in gaps:
            if not isinstance(raw, dict):
                bad.append(raw)
                continue
            values = dict(raw)
            if "inference" in values:
                values["node"] = by_title.get(str(values.pop("inference")), "")
            node = values.get("node")
            if node not in self.map.statements and node not in self.map.inferences:
                bad.append(raw)
                continue
            try:
                self.map.gaps.append(AnnotatedGap.model_validate(values))
            except ValidationError:
                bad.append(raw)
        return bad


def _scheme_colour(scheme: tuple[str, ...] | list[Any], entry: Any) -> str | None:
    """Argdown's getColor: a colour string, an index into the scheme, or ``{color: ...}``."""
    if isinstance(entry, dict):
        entry = entry.get("color")
    if isinstance(entry, int) and not isinstance(entry, bool) and 0 <= entry < len(scheme):
        entry = scheme[entry]
    return colour(entry)


def _colour_scheme(settings: dict[str, Any]) -> tuple[str, ...] | list[Any]:
    """The colour settings' ``colorScheme``: a scheme's name, a list of colours, else the default."""
    chosen = settings.get("colorScheme")
    if isinstance(chosen, str):
        return COLOR_SCHEMES.get(chosen, COLOR_SCHEMES["default"])
    if isinstance(chosen, list):
        return chosen
    return COLOR_SCHEMES["default"]


def _tag_colours(model: _Model, settings: Any) -> dict[str, str]:
    """Each tag's colour as Argdown's colour plugin gives it (front matter ``color:``)."""
    settings = settings if isinstance(settings, dict) else {}
    if settings.get("colorizeByTag", True) is False:
        return {}
    scheme = _colour_scheme(settings)
    given = settings.get("tagColors")
    given = given if isinstance(given, dict) else {}
    found: dict[str, str] = {}
    for index, tag in enumerate(model.tag_order):
        if tag in given:
            value = _scheme_colour(scheme, given[tag])
        else:
            value = colour(scheme[index + 1]) if index + 1 < len(scheme) else None
        if value is not None:
            found[tag] = value
    return found


# --- reading ----------------------------------------------------------------------------------


def read(
    path: str | Path, *, text: str | None = None, conclusion: str | None = None
) -> ArgumentMap:
    """Read an Argdown file; the main conclusion is ``conclusion``, the front matter's, or chosen.

    Argdown's own counts (equivalence classes, arguments, relations by type,
    each relation once) are kept in ``meta["argdown"]``.
    """
    name = str(path)
    if text is None:
        text = decode(read_bytes(path), name)
    source = resolve(text, name)
    try:
        model, front = _parse(source.text)
        argmap = _Converter(model, front, name, source).build()
    except _SyntaxError as exc:
        file, line, col = source.locate(exc.offset)
        raise MapFileError(exc.message, file=file, line=line, col=col) from None
    argmap.path = name
    argmap.notices.extend(source.notices)
    if argmap.source is not None and argmap.source.text:
        # the text a map was made from, named in the front matter as in a native map file
        candidate = Path(path).parent / argmap.source.text
        try:
            argmap.source_text = decode(read_bytes(candidate), str(candidate))
        except MapFileError:
            argmap.source_text = None  # the map still loads; views say the text is missing
    if not argmap.statements:
        # valid Argdown (Argdown draws an empty map): the commands that can show or write an
        # empty map take it from the error (its headings, front matter and title kept)
        argmap.conclusion = ""
        file, line, col = name, 1, 1
        what = "the Argdown file has no statements and no arguments: an empty map"
        if model.heading_offsets:
            file, line, col = source.locate(model.heading_offsets[0])
            count = len(model.heading_offsets)
            what = (
                f"the Argdown file has only headings ({count}) and no statement or argument "
                "under them: an empty map"
            )
        raise EmptyMapError(what, file=file, line=line, col=col, empty=argmap)
    if conclusion is not None or not argmap.conclusion:
        choose_conclusion(argmap, conclusion)
    return argmap
