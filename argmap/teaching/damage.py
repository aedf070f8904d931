"""Deliberately damaged copies of a map, to check a grader (and a rubric) against known mistakes.

:func:`damaged` removes statements (their children move up to the removed
node's parent, as when a student skips a step) and misplaces others (a node
is hung under a different claim, or an attack becomes a support). The
choices follow a seeded order, and the damage at a higher level includes
all the damage at a lower one, so scores must not rise with the level.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass

from argmap.model import ArgumentMap, GapRef, Inference, InferenceKind


@dataclass(frozen=True)
class Damage:
    """What :func:`damaged` did: the statements removed and the statements misplaced."""

    removed: tuple[str, ...]
    misplaced: tuple[str, ...]


def damage_order(argmap: ArgumentMap, seed: int = 0) -> list[str]:
    """The non-conclusion statements connected to the conclusion, in a seeded random order."""
    statements, _ = argmap.connected()
    candidates = sorted(s for s in statements if s != argmap.conclusion)
    random.Random(seed).shuffle(candidates)
    return candidates


def damaged(
    argmap: ArgumentMap, *, remove: int = 0, misplace: int = 0, seed: int = 0
) -> tuple[ArgumentMap, Damage]:
    """A copy of ``argmap`` with ``remove`` statements removed and ``misplace`` misplaced.

    Removals take the first ``remove`` statements of :func:`damage_order`;
    misplacements take the next ``misplace`` ones, so the two never overlap
    and growing either number only adds damage.
    """
    order = damage_order(argmap, seed)
    if remove + misplace > len(order):
        raise ValueError(f"the map has only {len(order)} statements to damage")
    out = copy.deepcopy(argmap)
    removed = tuple(order[:remove])
    misplaced = tuple(order[remove : remove + misplace])
    for sid in removed:
        _remove(out, sid)
    for sid in misplaced:
        _misplace(out, sid)
    out._invalidate()
    out.check()
    return out, Damage(removed, misplaced)


def _remove(argmap: ArgumentMap, sid: str) -> None:
    """Drop a statement; inferences that targeted it now target its (first) parent."""
    argmap._invalidate()
    parents = argmap.parents(sid)
    new_target = parents[0] if parents else argmap.conclusion
    for inf in list(argmap.inferences.values()):
        if sid in inf.premises:
            inf.premises = [p for p in inf.premises if p != sid]
            if not inf.premises:
                del argmap.inferences[inf.id]
                for other in argmap.inferences.values():  # undercuts of a deleted inference
                    if other.target == inf.id:
                        other.target = new_target
                        other.kind = InferenceKind.ATTACK
    for inf in argmap.inferences.values():
        if inf.target == sid:
            inf.target = new_target
    del argmap.statements[sid]
    argmap.gaps = [
        g for g in argmap.gaps if g.node in argmap.statements or g.node in argmap.inferences
    ]
    annotated = {(g.node, g.kind) for g in argmap.gaps}
    for inf in argmap.inferences.values():  # answers to critical questions that are gone
        if inf.answers:
            inf.answers = {
                key: answer
                for key, answer in inf.answers.items()
                if (
                    (answer.gap, answer.kind) in annotated
                    if isinstance(answer, GapRef)
                    else answer in argmap.statements or answer in argmap.inferences
                )
            }
    argmap._invalidate()


def _misplace(argmap: ArgumentMap, sid: str) -> None:
    """Turn an attack into a support, or hang a supporting statement under another claim."""
    argmap._invalidate()
    for inf in argmap.outgoing(sid):
        if inf.kind is not InferenceKind.SUPPORT:
            inf.kind = InferenceKind.SUPPORT
            if inf.target in argmap.inferences:  # an undercut becomes support of the claim
                inf.target = argmap.statement_target(inf) or argmap.conclusion
            argmap._invalidate()
            return
    current = set(argmap.parents(sid))
    below = _below(argmap, sid)
    choices = sorted(
        s
        for s in argmap.statements
        if s not in current and s not in below and s != sid and not argmap.is_evidence(s)
    )
    if not choices:
        return
    new_parent = choices[0] if argmap.conclusion in current else argmap.conclusion
    for inf in list(argmap.outgoing(sid)):
        if inf.premises == [sid]:
            inf.target = new_parent
        else:  # a linked co-premise leaves its group and supports the new parent alone
            inf.premises = [p for p in inf.premises if p != sid]
            argmap.add_inference(
                Inference(id=argmap.new_id("_moved"), premises=[sid], target=new_parent)
            )
    argmap._invalidate()


def _below(argmap: ArgumentMap, sid: str) -> set[str]:
    """Statements under ``sid`` (hanging ``sid`` under one of them would make a cycle)."""
    seen: set[str] = set()
    stack = [sid]
    while stack:
        node = stack.pop()
        for child in argmap.children(node):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen
