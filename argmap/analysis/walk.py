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

from argmap.model import ArgumentMap, InferenceKind


@dataclass(frozen=True, slots=True)
class Walk:
    """What the walk found."""

    #: statement ids in reading order (the tree, then statements not under the conclusion, in
    #: map order); an inference id sits at the position of its first premise
    order: dict[str, int]
    #: every statement and inference connected to the conclusion -> True when it argues for it
    sides: dict[str, bool]


def walk(argmap: ArgumentMap) -> Walk:
    """Walk the map from its conclusion (see the module docstring)."""
    incoming = argmap.incoming
    support = InferenceKind.SUPPORT
    order: dict[str, int] = {}
    sides: dict[str, bool] = {}
    stack: list[tuple[str, bool]] = [(argmap.conclusion, True)]
    while stack:
        element, side = stack.pop()
        if element in order:
            continue
        order[element] = len(order)
        sides[element] = side
        below: list[tuple[str, bool]] = []
        for inf in incoming(element):
            pro = side if inf.kind is support else not side
            sides[inf.id] = pro
            for premise in inf.premises:
                below.append((premise, pro))
            if incoming(inf.id):  # rare: undercuts, and undercuts of undercuts
                undercuts = deque(incoming(inf.id))
                while undercuts:
                    undercut = undercuts.popleft()
                    against = not sides[undercut.target]
                    sides[undercut.id] = against
                    below.extend((premise, against) for premise in undercut.premises)
                    undercuts.extend(incoming(undercut.id))
        if below:
            below.reverse()
            stack.extend(below)
    for sid in argmap.statements:
        if sid not in order:
            order[sid] = len(order)
    for iid, inf in argmap.inferences.items():
        order[iid] = order[inf.premises[0]]
    return Walk(order, sides)
