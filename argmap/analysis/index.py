"""The map as lists indexed by number, for the analyses that walk the whole graph.

Statements are numbered ``0 .. n-1`` in map order and inferences follow.
Ids are looked up once, here; the walks then touch only lists of small
integers, which keeps 100,000-statement maps from thrashing the processor's
caches the way dictionaries keyed by string ids do (a dictionary walk there
costs about twice as much per element as on a 10,000-statement map).
"""

from __future__ import annotations

from argmap.model import ArgumentMap, InferenceKind


class MapIndex:
    """Numbered statements and inferences, with their edges as lists of numbers."""

    def __init__(self, argmap: ArgumentMap) -> None:
        statements = list(argmap.statements)
        inferences = list(argmap.inferences.values())
        count = len(statements)
        #: number -> id (statements first, then inferences)
        self.ids: list[str] = statements + [inf.id for inf in inferences]
        #: id -> number
        self.number: dict[str, int] = {element: k for k, element in enumerate(self.ids)}
        self.statement_count = count
        self.inference_range = range(count, len(self.ids))
        #: element -> the inferences that target it (supports and attacks of a statement,
        #: undercuts of an inference), in map order
        self.incoming: list[list[int]] = [[] for _ in self.ids]
        #: statement -> the inferences it is a premise of (distinct, in map order)
        self.outgoing: list[list[int]] = [[] for _ in statements]
        #: inference -> its premises (distinct, in order); padded for statements
        self.premises: list[list[int]] = [[] for _ in statements]
        #: inference -> the element it targets (a statement, or an inference for an undercut)
        self.target: list[int] = [0] * count
        #: inference -> True for a support (False: an attack or an undercut)
        self.support: list[bool] = [False] * count
        # locals, not attribute look-ups: this loop runs once per inference (100,000 on the
        # bench map) and was half look-ups
        number = self.number
        incoming, outgoing = self.incoming, self.outgoing
        add_target, add_support, add_premises = (
            self.target.append,
            self.support.append,
            self.premises.append,
        )
        support = InferenceKind.SUPPORT
        for k, inf in enumerate(inferences, count):
            target = number[inf.target]
            incoming[target].append(k)
            add_target(target)
            add_support(inf.kind is support)
            found = inf.premises
            if len(found) == 1:
                premise = number[found[0]]
                outgoing[premise].append(k)
                add_premises([premise])
                continue
            premises = list(dict.fromkeys([number[p] for p in found]))
            for premise in premises:
                outgoing[premise].append(k)
            add_premises(premises)
