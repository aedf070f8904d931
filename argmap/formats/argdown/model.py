"""Argdown's own model, built event by event as its ModelPlugin builds it (classes, arguments, relations)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.formats.argdown.data import _merge
from argmap.formats.argdown.lexer import (
    CONTRADICTION,
    INC_ATTACK,
    INC_SUPPORT,
    INC_UNDERCUT,
    OUT_ATTACK,
    OUT_SUPPORT,
    OUT_UNDERCUT,
    _SyntaxError,
)

# --- Argdown's model --------------------------------------------------------------------------

SUPPORT = "support"
ATTACK = "attack"
UNDERCUT = "undercut"
CONTRADICTORY = "contradictory"
CONTRARY = "contrary"
ENTAILS = "entails"


class _Member:
    """One occurrence of a statement, or of an argument's description, in the text."""

    __slots__ = (
        "title",
        "text",
        "tags",
        "links",
        "data",
        "reference",
        "offset",
        "role",
        "inference",
    )

    def __init__(self, offset: int) -> None:
        self.title: str | None = None
        self.text = ""
        self.tags: list[str] = []
        self.links: list[tuple[int, str, str]] = []  # (start in text, link text, URL)
        self.data: Any = None
        self.reference = False
        self.offset = offset
        self.role = ""  # premise / conclusion for the statements of a PCS
        self.inference: _Inference | None = None


class _Class:
    """An equivalence class: every statement with one title."""

    __slots__ = ("title", "members", "relations", "tags", "data", "section")

    def __init__(self, title: str) -> None:
        self.title = title
        self.members: list[_Member] = []
        self.relations: list[_Relation] = []
        self.tags: list[str] = []
        self.data: Any = None
        self.section: dict[str, Any] | None = None  # the heading it was defined under


class _Argument:
    """An argument: its descriptions and, once reconstructed, its premise-conclusion structure."""

    __slots__ = (
        "title",
        "members",
        "relations",
        "pcs",
        "tags",
        "data",
        "section",
        "offset",
        "exploded",
    )

    def __init__(self, title: str, offset: int) -> None:
        self.title = title
        self.exploded = False  # one step of an argument explodeArguments split
        self.members: list[_Member] = []
        self.relations: list[_Relation] = []
        self.pcs: list[_Member] = []
        self.tags: list[str] = []
        self.data: Any = None
        self.section: dict[str, Any] | None = None
        self.offset = offset


class _Inference:
    """The inference line of a PCS, leading to the conclusion right after it."""

    __slots__ = ("relations", "rules", "data", "argument", "offset")

    def __init__(self, offset: int) -> None:
        self.relations: list[_Relation] = []
        self.rules: list[str] = []
        self.data: Any = None
        self.argument: _Argument | None = None
        self.offset = offset


_Node = _Class | _Argument | _Inference


class _Relation:
    __slots__ = ("type", "source", "target", "offset")

    def __init__(self, kind: str, offset: int) -> None:
        self.type = kind
        self.source: _Node | None = None
        self.target: _Node | None = None
        self.offset = offset


def _uses(conclusion: _Member) -> list[Any] | None:
    """The statement numbers a step uses, where Argdown looks for them: its inference's data
    (``uses``), the conclusion's own data (``uses``), then the inference's ``from``.

    (Argdown would take the conclusion's ``from`` only when it also has ``uses``,
    which comes first: so never.)
    """
    inference = conclusion.inference
    for data, key in (
        (inference.data if inference is not None else None, "uses"),
        (conclusion.data, "uses"),
        (inference.data if inference is not None else None, "from"),
    ):
        if isinstance(data, dict) and isinstance(data.get(key), list):
            return list(data[key])
    return None


def _remove(items: list[_Relation], relation: _Relation) -> None:
    for i, item in enumerate(items):
        if item is relation:
            del items[i]
            return
    # like JavaScript's splice(-1, 1): a relation missing from the list removes the last one
    if items:
        items.pop()


class _Model:
    """What Argdown's ModelPlugin builds from the parse, event by event, and its final passes."""

    def __init__(self) -> None:
        self.statements: dict[str, _Class] = {}
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.untitled = 0
        self.current: _Member | None = None  # the statement whose text is being read
        self.heading: dict[str, Any] | None = None
        self.relation_parent: _Member | _Argument | _Inference | None = None
        self.parents: list[_Node] = []
        self.inference: _Inference | None = None
        self.pcs: _Argument | None = None
        self.sections: list[dict[str, Any]] = []
        self.section: dict[str, Any] | None = None
        self.section_stack: list[dict[str, Any]] = []
        self.frontmatter: Any = None
        #: Argdown's ``model: {removeTagsFromText: true}``: tags leave the text (default: kept)
        self.remove_tags = False
        self.heading_offsets: list[int] = []  # where each heading starts
        self.tag_order: dict[str, None] = {}  # every tag, in the order of first occurrence

    def unique_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def equivalence_class(self, title: str) -> _Class:
        ec = self.statements.get(title)
        if ec is None:
            ec = self.statements[title] = _Class(title)
        return ec

    def argument(self, title: str | None, offset: int) -> _Argument:
        arg = self.arguments.get(title) if title else None
        if arg is None:
            arg = _Argument(title or self.unique_title(), offset)
            self.arguments[arg.title] = arg
        self.relation_parent = arg
        return arg

    def relation_member(self, parent: _Member | _Argument | _Inference) -> _Node:
        if isinstance(parent, _Member):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.role == "description":
                return self.argument(parent.title, parent.offset)
            return self.equivalence_class(parent.title)
        return parent

    # text ----------------------------------------------------------------------------------

    def add_text(self, text: str) -> None:
        if self.heading is not None:
            self.heading["text"] += text
        elif self.current is not None:
            self.current.text += text

    def text_ends_with_space(self) -> bool:
        target = self.heading["text"] if self.heading is not None else None
        if target is None:
            target = self.current.text if self.current is not None else ""
        return target.endswith(" ")

    def add_link(self, text: str, url: str, trailing: str) -> None:
        """A link: its text joins the text, its URL is kept with the place (as Argdown's range)."""
        if self.heading is None and self.current is not None:
            self.current.links.append((len(self.current.text), text, url))
        self.add_text(text + trailing)

    def add_tag(self, tag: str, image: str) -> None:
        """A tag goes to the statement's tags and, as Argdown's default does, stays in its text."""
        target: Any = self.heading if self.heading is not None else self.current
        if target is None:
            return
        if not self.remove_tags:
            self.add_text(image)
        self.tag_order.setdefault(tag)
        tags = target["tags"] if isinstance(target, dict) else target.tags
        if tag not in tags:
            tags.append(tag)

    # statements and arguments --------------------------------------------------------------

    def statement_entry(self, offset: int) -> _Member:
        member = _Member(offset)
        self.current = member
        self.relation_parent = member
        return member

    def statement_exit(self, member: _Member) -> _Class:
        if not member.title:
            member.title = self.unique_title()
        ec = self.equivalence_class(member.title)
        for tag in member.tags:
            if tag not in ec.tags:
                ec.tags.append(tag)
        if member.data is not None:
            ec.data = _merge(ec.data, member.data)
        if ec.section is None and not member.reference:
            ec.section = self.section
        ec.members.append(member)
        self.current = None
        return ec

    def argument_entry(self, offset: int) -> _Member:
        desc = _Member(offset)
        desc.role = "description"
        self.current = desc
        self.relation_parent = desc
        return desc

    def argument_exit(self, desc: _Member) -> _Argument:
        if not desc.title:
            desc.title = self.unique_title()
        arg = self.argument(desc.title, desc.offset)
        for tag in desc.tags:
            if tag not in arg.tags:
                arg.tags.append(tag)
        if desc.data is not None:
            arg.data = _merge(arg.data, desc.data)
        if arg.section is None and not desc.reference:
            arg.section = self.section
        arg.members.append(desc)
        self.current = None
        return arg

    # relations -----------------------------------------------------------------------------

    def relations_entry(self, offset: int) -> None:
        if self.relation_parent is None:  # pragma: no cover - the grammar prevents it
            raise _SyntaxError(offset, "relations without a parent")
        self.parents.append(self.relation_member(self.relation_parent))

    def relations_exit(self) -> None:
        self.parents.pop()

    def relation_entry(self, kind: int, offset: int) -> _Relation:
        parent = self.parents[-1]
        if kind in (INC_SUPPORT, OUT_SUPPORT):
            relation = _Relation(SUPPORT, offset)
        elif kind in (INC_ATTACK, OUT_ATTACK):
            relation = _Relation(ATTACK, offset)
        elif kind == CONTRADICTION:
            relation = _Relation(CONTRADICTORY, offset)
        else:
            relation = _Relation(UNDERCUT, offset)
        if kind in (INC_SUPPORT, INC_ATTACK, CONTRADICTION, INC_UNDERCUT):
            relation.source = parent
        elif kind == OUT_UNDERCUT and isinstance(parent, _Class) and self.inference is not None:
            # Argdown's quirk: "_ X" under a statement undercuts the last inference read
            relation.target = self.inference
        else:
            relation.target = parent
        return relation

    def relation_exit(self, relation: _Relation, content: _Member | _Argument) -> None:
        member = content if isinstance(content, _Argument) else self.relation_member(content)
        if relation.source is not None:
            relation.target = member
        else:
            relation.source = member
        source = relation.source
        assert source is not None and relation.target is not None
        for existing in source.relations:
            if relation.target is existing.target and relation.type == existing.type:
                return
            if (
                relation.type == CONTRADICTORY == existing.type
                and relation.source is existing.target
                and relation.target is existing.source
            ):
                return
        self.relations.append(relation)
        source.relations.append(relation)
        relation.target.relations.append(relation)

    # premise-conclusion structures ---------------------------------------------------------

    def pcs_entry(self, previous: _Argument | None, offset: int) -> _Argument:
        arg = previous if previous is not None else self.argument(None, offset)
        if arg.pcs:
            raise _SyntaxError(
                offset,
                f"a second premise-conclusion structure for the argument <{arg.title}>: "
                "an argument has one (Argdown rejects this too)",
            )
        if self.section is not None:
            arg.section = self.section
        self.pcs = arg
        return arg

    def pcs_statement_exit(self, member: _Member, inference: _Inference | None) -> None:
        arg = self.pcs
        assert arg is not None and member.title is not None
        self.equivalence_class(member.title)
        if inference is not None:
            member.role = "conclusion"
            member.inference = inference
            inference.argument = arg
        else:
            member.role = "premise"
        arg.pcs.append(member)

    def pcs_exit(self) -> None:
        self.current = None
        self.pcs = None

    def inference_entry(self, offset: int) -> _Inference:
        inference = _Inference(offset)
        self.inference = inference
        self.relation_parent = inference
        self.parents.append(inference)  # Argdown never pops it either
        return inference

    # headings ------------------------------------------------------------------------------

    def heading_entry(self, offset: int) -> None:
        self.heading = {"text": "", "tags": []}
        self.heading_offsets.append(offset)

    def heading_exit(self, level: int, data: Any) -> None:
        assert self.heading is not None
        section: dict[str, Any] = {
            "title": self.heading["text"].strip(),
            "level": level,
        }
        if self.heading["tags"]:
            section["tags"] = self.heading["tags"]
        if data is not None:
            section["data"] = data
        while self.section_stack and self.section_stack[-1]["level"] >= level:
            self.section_stack.pop()
        if self.section_stack:
            section["parent"] = self.section_stack[-1]["title"]
        self.section_stack.append(section)
        self.sections.append(section)
        self.section = section
        self.heading = None

    # the final passes ----------------------------------------------------------------------

    def finish(self, *, strict: bool, transform: bool, explode: bool = False) -> None:
        if transform:
            self.transform_argument_relations()
        if strict:
            self.transform_statement_relations()
        self.remove_redundant_attacks()
        if explode:
            self.explode_arguments()

    def explode_arguments(self) -> None:
        """``model: {explodeArguments: true}``: an argument of n steps becomes n arguments.

        As Argdown's ExplodeArgumentsPlugin: "Title - 1" ... "Title - n", each the
        premises of one step (its ``uses``, else back to the conclusion before it)
        and its conclusion, with the argument's descriptions, tags and data; the
        last one takes the argument's relations. Its members' copies replace the
        originals in their equivalence classes.
        """
        pieces: dict[str, list[_Argument]] = {}
        for title, arg in list(self.arguments.items()):
            ends = [i for i, m in enumerate(arg.pcs) if m.inference is not None]
            if len(ends) <= 1:
                continue
            steps = [self.step(arg, i) for i in ends]
            made: list[_Argument] = []
            for n, step in enumerate(steps, 1):
                piece = _Argument(f"{title} - {n}", arg.offset)
                piece.members = arg.members
                piece.tags = arg.tags
                piece.data = arg.data
                piece.section = arg.section
                piece.pcs = step
                piece.exploded = True
                inference = step[-1].inference
                if inference is not None:
                    inference.argument = piece
                made.append(piece)
            last = made[-1]
            last.relations = arg.relations
            for relation in arg.relations:
                # as Argdown: a relation the argument kept (an undercut moved to its
                # inference stays listed here) now ends at the last piece
                if relation.source is arg:
                    relation.source = last
                else:
                    relation.target = last
            pieces[title] = made
        for title, made in pieces.items():
            del self.arguments[title]
            for piece in made:
                if piece.title in self.arguments:
                    raise _SyntaxError(
                        piece.offset,
                        f"explodeArguments cannot make the argument <{piece.title}>: "
                        "an argument with that title exists (Argdown refuses this too)",
                    )
                self.arguments[piece.title] = piece

    def step(self, arg: _Argument, index: int) -> list[_Member]:
        """The premises and conclusion of the step that ends at ``arg.pcs[index]``."""
        conclusion = arg.pcs[index]
        uses = _uses(conclusion)
        chosen: list[_Member] = []
        if uses is not None:
            for n in uses:
                if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(arg.pcs):
                    raise _SyntaxError(
                        conclusion.offset,
                        f"'uses' of statement {index} of the argument <{arg.title}> names no "
                        f"statement of it: {n!r} (Argdown refuses this too)",
                    )
                chosen.append(arg.pcs[n - 1])
        else:
            for i in range(index - 1, -1, -1):
                chosen.append(arg.pcs[i])
                if arg.pcs[i].role == "conclusion":
                    break  # back to the conclusion before it, which is a premise here
            chosen.reverse()
        step = [self.copy(m, "premise", None) for m in chosen]
        step.append(self.copy(conclusion, "conclusion", conclusion.inference))
        return step

    def copy(self, member: _Member, role: str, inference: _Inference | None) -> _Member:
        new = _Member(member.offset)
        for name in _Member.__slots__:
            setattr(new, name, getattr(member, name))
        new.role = role
        new.inference = inference
        ec = self.statements.get(member.title or "")
        if ec is not None:
            for i, old in enumerate(ec.members):
                if old is member:
                    del ec.members[i]
                    break
            ec.members.append(new)
        return new

    def transform_argument_relations(self) -> None:
        """Relations of reconstructed arguments go to their main conclusion / last inference."""
        kept: list[_Relation] = []
        for relation in self.relations:
            add = True
            source, target = relation.source, relation.target
            assert source is not None and target is not None
            if isinstance(source, _Argument) and source.pcs:
                _remove(source.relations, relation)
                ec = self.statements[source.pcs[-1].title or ""]
                relation.source = ec
                # (a support of the argument's own conclusion finds itself here and vanishes)
                for existing in ec.relations:
                    if relation.target is existing.target and relation.type == existing.type:
                        _remove(target.relations, relation)
                        add = False
                        break
                else:
                    ec.relations.append(relation)
            if isinstance(target, _Argument) and target.pcs and relation.type == UNDERCUT:
                inference = target.pcs[-1].inference
                assert inference is not None
                relation.target = inference
                # Argdown removes it from the new target here, not from the argument: the
                # argument keeps it, and the inference loses its last relation if any
                _remove(inference.relations, relation)
                for existing in inference.relations:
                    if relation.source is existing.source and relation.type == existing.type:
                        assert relation.source is not None
                        _remove(relation.source.relations, relation)
                        add = False
                        break
                else:
                    inference.relations.append(relation)
            if add:
                kept.append(relation)
        self.relations = kept

    def transform_statement_relations(self) -> None:
        """Strict mode: supports between statements entail, attacks are (symmetric) contraries."""
        kept: list[_Relation] = []
        for relation in self.relations:
            source, target = relation.source, relation.target
            assert source is not None and target is not None
            if isinstance(source, _Class) and isinstance(target, _Class):
                if relation.type == SUPPORT:
                    relation.type = ENTAILS
                elif relation.type == ATTACK:
                    if any(
                        r.type == CONTRARY
                        and (
                            (r.source is source and r.target is target)
                            or (r.source is target and r.target is source)
                        )
                        for r in source.relations
                    ):
                        _remove(source.relations, relation)
                        _remove(target.relations, relation)
                        continue
                    relation.type = CONTRARY
            kept.append(relation)
        self.relations = kept

    def remove_redundant_attacks(self) -> None:
        """An attack on an argument is dropped when its source already attacks a premise."""
        kept: list[_Relation] = []
        for relation in self.relations:
            source, target = relation.source, relation.target
            if (
                not isinstance(source, _Class)
                or relation.type != ATTACK
                or not isinstance(target, _Argument)
            ):
                kept.append(relation)
                continue
            premises = {m.title for m in target.pcs if m.role == "premise"}
            found: _Relation | None = None
            for other in source.relations:
                end = other.target if other.source is source else other.source
                if (
                    isinstance(end, _Class)
                    and (
                        (other.type == ATTACK and other.source is source)
                        or other.type in (CONTRADICTORY, CONTRARY)
                    )
                    and end.title in premises
                ):
                    found = other
                    break
            if found is None:
                kept.append(relation)
                continue
            _remove(source.relations, relation)
            _remove(target.relations, relation)
        self.relations = kept

    def counts(self) -> dict[str, Any]:
        """Argdown's own numbers: equivalence classes, arguments, relations by type."""
        return {
            "statements": len(self.statements),
            "arguments": len(self.arguments),
            "relations": dict(Counter(r.type for r in self.relations)),
        }
