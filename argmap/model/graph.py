"""The argument map as a typed graph, and the graph operations every stage shares.

Statements are nodes; an :class:`~argmap.model.nodes.Inference` joins one or
more premises to one target (a statement, or an inference for an undercut).
The tree a user writes and sees is a projection of this graph from the main
conclusion. Every walk here is iterative: maps from other formats can be
10,000 levels deep.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from argmap.model.nodes import (
    AnnotatedGap,
    EvaluationSettings,
    Inference,
    InferenceKind,
    SourceInfo,
    Statement,
)


class GraphError(ValueError):
    """A structural problem: unknown ids, duplicates, a missing conclusion."""

    def __init__(self, message: str, element: Statement | Inference | AnnotatedGap | None = None):
        super().__init__(message)
        self.element = element


@dataclass(slots=True)
class TreeEntry:
    """One line of the tree projection.

    ``node`` is a statement id; ``via`` is the inference that joins it to the
    entry above (``None`` for the root); ``group`` is the position of the node
    among the inference's premises when there are several (linked premises);
    ``repeat`` is true when the statement was already shown higher up.
    ``undercut_of`` is set when the entry's inference attacks an inference.
    """

    node: str
    depth: int
    via: Inference | None = None
    repeat: bool = False
    linked_index: int = 0
    linked_size: int = 1
    undercut_of: str | None = None


@dataclass
class ArgumentMap:
    """A whole argument map: statements, inferences, the main conclusion, annotated gaps."""

    conclusion: str
    statements: dict[str, Statement] = field(default_factory=dict)
    inferences: dict[str, Inference] = field(default_factory=dict)
    gaps: list[AnnotatedGap] = field(default_factory=list)
    title: str | None = None
    source: SourceInfo | None = None
    source_text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: how the map asks to be evaluated (``evaluation:`` in the file)
    evaluation: EvaluationSettings = field(default_factory=EvaluationSettings)
    path: str | None = None
    #: what a reader decided or left out on the way (the conclusion it chose, node types it
    #: kept only as metadata): the CLI prints these on stderr; the library never prints
    notices: list[str] = field(default_factory=list, repr=False, compare=False)
    _incoming: dict[str, list[Inference]] | None = field(default=None, repr=False, compare=False)
    _outgoing: dict[str, list[Inference]] | None = field(default=None, repr=False, compare=False)

    # --- building ---------------------------------------------------------------------------

    def add_statement(self, statement: Statement) -> Statement:
        if statement.id in self.statements or statement.id in self.inferences:
            raise GraphError(f"duplicate id {statement.id!r}", statement)
        self.statements[statement.id] = statement
        self._invalidate()
        return statement

    def add_inference(self, inference: Inference) -> Inference:
        if inference.id in self.inferences or inference.id in self.statements:
            raise GraphError(f"duplicate id {inference.id!r}", inference)
        self.inferences[inference.id] = inference
        self._invalidate()
        return inference

    def new_id(self, prefix: str) -> str:
        """A fresh id ``prefix1``, ``prefix2``... not used by any element."""
        n = len(self.statements) + len(self.inferences) + 1
        while f"{prefix}{n}" in self.statements or f"{prefix}{n}" in self.inferences:
            n += 1
        return f"{prefix}{n}"

    def _invalidate(self) -> None:
        self._incoming = None
        self._outgoing = None

    def check(self) -> None:
        """Raise :class:`GraphError` unless every reference in the graph resolves."""
        if self.conclusion not in self.statements:
            raise GraphError(f"the conclusion {self.conclusion!r} is not a statement of the map")
        for inf in self.inferences.values():
            for premise in inf.premises:
                if premise not in self.statements:
                    raise GraphError(
                        f"inference {inf.id!r} has premise {premise!r}, which is not a statement",
                        inf,
                    )
            if inf.kind is InferenceKind.UNDERCUT:
                if inf.target not in self.inferences:
                    raise GraphError(
                        f"undercut {inf.id!r} targets {inf.target!r}, which is not an inference",
                        inf,
                    )
            elif inf.target not in self.statements:
                raise GraphError(
                    f"inference {inf.id!r} targets {inf.target!r}, which is not a statement", inf
                )
        for gap in self.gaps:
            if gap.node not in self.statements and gap.node not in self.inferences:
                raise GraphError(f"gap on unknown node {gap.node!r}", gap)

    # --- indexes ----------------------------------------------------------------------------

    def _index(self) -> None:
        incoming: dict[str, list[Inference]] = {}
        outgoing: dict[str, list[Inference]] = {}
        for inf in self.inferences.values():
            incoming.setdefault(inf.target, []).append(inf)
            for premise in inf.premises:
                outgoing.setdefault(premise, []).append(inf)
        self._incoming = incoming
        self._outgoing = outgoing

    def incoming(self, target: str) -> list[Inference]:
        """Inferences whose target is ``target`` (a statement or inference id), in map order."""
        if self._incoming is None:
            self._index()
        assert self._incoming is not None
        return self._incoming.get(target, [])

    def outgoing(self, statement: str) -> list[Inference]:
        """Inferences in which ``statement`` is a premise, in map order."""
        if self._outgoing is None:
            self._index()
        assert self._outgoing is not None
        return self._outgoing.get(statement, [])

    def supports(self, target: str) -> list[Inference]:
        return [i for i in self.incoming(target) if i.kind is InferenceKind.SUPPORT]

    def attacks(self, target: str) -> list[Inference]:
        """Attacks on a statement, or undercuts of an inference."""
        return [i for i in self.incoming(target) if i.kind is not InferenceKind.SUPPORT]

    def children(self, statement: str) -> list[str]:
        """Statements that are premises of inferences targeting ``statement`` (in order, distinct)."""
        seen: dict[str, None] = {}
        for inf in self.incoming(statement):
            for premise in inf.premises:
                seen.setdefault(premise, None)
        return list(seen)

    def parents(self, statement: str) -> list[str]:
        """Statements that ``statement`` directly supports or attacks (distinct)."""
        seen: dict[str, None] = {}
        for inf in self.outgoing(statement):
            target = self.statement_target(inf)
            if target is not None:
                seen.setdefault(target, None)
        return list(seen)

    def statement_target(self, inference: Inference) -> str | None:
        """The statement an inference bears on, following undercuts down to a statement."""
        target = inference.target
        seen: set[str] = set()
        while target in self.inferences:
            if target in seen:
                return None
            seen.add(target)
            target = self.inferences[target].target
        return target if target in self.statements else None

    def is_evidence(self, statement: str) -> bool:
        return self.statements[statement].kind.value == "evidence"

    # --- walks ------------------------------------------------------------------------------

    def connected(self) -> tuple[set[str], set[str]]:
        """Statements and inferences connected (downwards) to the main conclusion."""
        statements: set[str] = set()
        inferences: set[str] = set()
        stack: list[str] = [self.conclusion] if self.conclusion in self.statements else []
        while stack:
            element = stack.pop()
            if element in self.statements:
                if element in statements:
                    continue
                statements.add(element)
            else:
                if element in inferences:
                    continue
                inferences.add(element)
                stack.extend(self.inferences[element].premises)
            for inf in self.incoming(element):
                if inf.id not in inferences:
                    stack.append(inf.id)
        return statements, inferences

    def tree(self, *, max_depth: int | None = None, root: str | None = None) -> Iterator[TreeEntry]:
        """The tree projection from the conclusion: supports, attacks and undercuts in map order.

        A statement reached a second time is yielded once more with
        ``repeat=True`` and not expanded again; entries deeper than
        ``max_depth`` are not yielded. ``root`` starts from another statement
        (a part of the map not connected to the conclusion).
        """
        expanded: set[str] = set()
        start = root or self.conclusion
        if start not in self.statements:
            return  # an empty map (an Argdown file of headings only) has no tree
        stack: list[TreeEntry] = [TreeEntry(node=start, depth=0)]
        while stack:
            entry = stack.pop()
            if max_depth is not None and entry.depth > max_depth:
                continue
            if entry.node in expanded:
                entry.repeat = True
                yield entry
                continue
            expanded.add(entry.node)
            yield entry
            pending: list[TreeEntry] = []
            for inf in self.incoming(entry.node):
                pending.extend(self._entries_for(inf, entry.depth + 1, None))
            stack.extend(reversed(pending))

    def _entries_for(self, inf: Inference, depth: int, undercut_of: str | None) -> list[TreeEntry]:
        """Entries for an inference's premises; undercuts of it follow its last premise."""
        entries = [
            TreeEntry(
                node=premise,
                depth=depth,
                via=inf,
                linked_index=i,
                linked_size=len(inf.premises),
                undercut_of=undercut_of,
            )
            for i, premise in enumerate(inf.premises)
        ]
        # undercuts of this inference hang under its (last) premise line, one level deeper
        work = [(u, depth + 1) for u in self.attacks(inf.id)]
        out = list(entries)
        while work:
            undercut, level = work.pop(0)
            out.extend(
                TreeEntry(
                    node=premise,
                    depth=level,
                    via=undercut,
                    linked_index=i,
                    linked_size=len(undercut.premises),
                    undercut_of=inf.id if undercut.target == inf.id else undercut.target,
                )
                for i, premise in enumerate(undercut.premises)
            )
            work.extend((u, level + 1) for u in self.attacks(undercut.id))
        return out

    def depth(self) -> int:
        """Length of the longest chain of inferences below the conclusion (0 for a lone claim)."""
        best = 0
        level: dict[str, int] = {self.conclusion: 0}
        queue = [self.conclusion]
        head = 0
        while head < len(queue):
            node = queue[head]
            head += 1
            for child in self.children(node):
                if child not in level:
                    level[child] = level[node] + 1
                    best = max(best, level[child])
                    queue.append(child)
        return best

    def paragraphs(self) -> list[str]:
        """The source text's paragraphs (its non-empty lines), when the map has its text."""
        if not self.source_text:
            return []
        return [line.strip() for line in self.source_text.splitlines() if line.strip()]

    def by_kind(self, kind: str) -> Iterable[Statement]:
        return (s for s in self.statements.values() if s.kind.value == kind)
