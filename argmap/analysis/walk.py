"""The one walk of the map that gap rules, evaluation and reports share.

It visits the map as ``argmap show`` prints it: depth first from the main
conclusion, the premises of each inference in map order, the undercuts of an
inference right after its premises. On the way it records each element's
*side*: ``True`` when it argues for the main conclusion. Supports keep the
side of their target, attacks switch it, and an undercut argues against the
side of the inference it attacks. An element reached along two paths keeps
the side of its first appearance in the tree, as ``show`` labels it. The
walk is iterative and linear, so 10,000-level chains are fine.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.analysis.index import MapIndex
from argmap.model import ArgumentMap


@dataclass(frozen=True, slots=True)
class Walk:
    """What the walk found."""

    #: statement ids in reading order (the tree, then statements not under the conclusion, in
    #: map order); an inference id sits at the position of its first premise
    order: dict[str, int]
    #: every statement and inference connected to the conclusion -> True when it argues for it
    sides: dict[str, bool]


def walk(argmap: ArgumentMap, index: MapIndex | None = None) -> Walk:
    """Walk the map from its conclusion (see the module docstring)."""
    if index is None:
        index = MapIndex(argmap)
    incoming, premises, support, target = (
        index.incoming,
        index.premises,
        index.support,
        index.target,
    )
    ids = index.ids
    position = [-1] * len(ids)
    side = [False] * len(ids)
    reached = [False] * len(ids)
    visited: list[int] = []
    stack: list[tuple[int, bool]] = []
    if argmap.conclusion in argmap.statements:  # (an empty map has none)
        stack.append((index.number[argmap.conclusion], True))
    while stack:
        element, pro = stack.pop()
        if position[element] >= 0:
            continue
        position[element] = len(visited)
        visited.append(element)
        side[element] = pro
        reached[element] = True
        below: list[tuple[int, bool]] = []
        for k in incoming[element]:
            argues = pro if support[k] else not pro
            side[k] = argues
            reached[k] = True
            for premise in premises[k]:
                below.append((premise, argues))
            if incoming[k]:  # rare: undercuts, and undercuts of undercuts
                undercuts = deque(incoming[k])
                while undercuts:
                    undercut = undercuts.popleft()
                    against = not side[target[undercut]]
                    side[undercut] = against
                    reached[undercut] = True
                    below.extend((premise, against) for premise in premises[undercut])
                    undercuts.extend(incoming[undercut])
        if below:
            below.reverse()
            stack.extend(below)
    order = {ids[k]: n for n, k in enumerate(visited)}
    for k in range(index.statement_count):
        if position[k] < 0:
            order[ids[k]] = len(order)
    for k in index.inference_range:
        order[ids[k]] = order[ids[premises[k][0]]]
    sides = {ids[k]: side[k] for k in range(len(ids)) if reached[k]}
    return Walk(order, sides)
