"""Parts of a map: one statement and what is under it, the top levels, one map per main reason.

Each part is an :class:`ArgumentMap` of its own, made of the statements and
inferences it keeps (the same objects, not copies), so every view draws it
as it draws a whole map. What hangs below a statement is what reaches it
through inferences (its reasons, evidence and objections, the undercuts of
those steps, and so on down). Analysis runs on the whole map, before it is
cut: a part never shows a gap that only the cut made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from argmap.errors import UsageError
from argmap.model.graph import ArgumentMap
from argmap.model.nodes import InferenceKind


@dataclass(frozen=True)
class Part:
    """One part of a map, and how many statements each of its statements hides below it."""

    argmap: ArgumentMap
    #: statement id -> how many statements under it the part leaves out
    more: dict[str, int] = field(default_factory=dict)
    #: a heading for the part (a split map's parts are titled)
    title: str | None = None


def _steps_into(argmap: ArgumentMap, node: str) -> list[str]:
    return [inf.id for inf in argmap.incoming(node)]


def below(argmap: ArgumentMap, roots: Iterable[str]) -> set[str]:
    """Every statement and inference under ``roots`` (the roots included)."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for step in _steps_into(argmap, node):
            if step not in seen:
                stack.append(step)
        if node in argmap.inferences:
            stack.extend(p for p in argmap.inferences[node].premises if p not in seen)
    return seen


def keep(argmap: ArgumentMap, nodes: set[str], top: str) -> ArgumentMap:
    """The map of the statements in ``nodes`` with ``top`` as its conclusion.

    An inference stays when its target stays; it keeps the premises that stay
    and is dropped if none does.
    """
    part = ArgumentMap(
        conclusion=top,
        title=argmap.title,
        source=argmap.source,
        source_text=argmap.source_text,
        meta=argmap.meta,
        path=argmap.path,
    )
    part.statements = {sid: s for sid, s in argmap.statements.items() if sid in nodes}
    for iid, inf in argmap.inferences.items():
        if iid not in nodes:
            continue
        premises = [p for p in inf.premises if p in part.statements]
        if premises and (inf.target in part.statements or inf.target in nodes):
            part.inferences[iid] = (
                inf if premises == inf.premises else inf.model_copy(update={"premises": premises})
            )
    # an inference whose target inference was dropped is dropped too (deepest first)
    changed = True
    while changed:
        changed = False
        for iid, inf in list(part.inferences.items()):
            if inf.target not in part.statements and inf.target not in part.inferences:
                del part.inferences[iid]
                changed = True
    part.gaps = [g for g in argmap.gaps if g.node in part.statements or g.node in part.inferences]
    return part


def _hidden(argmap: ArgumentMap, part: ArgumentMap) -> dict[str, int]:
    """For each statement of ``part``: how many statements below it in ``argmap`` it leaves out."""
    more: dict[str, int] = {}
    for sid in part.statements:
        under = {n for n in below(argmap, [sid]) if n in argmap.statements}
        left_out = len(under - part.statements.keys())
        if left_out:
            more[sid] = left_out
    return more


def focus(argmap: ArgumentMap, statement: str) -> Part:
    """``statement`` and everything under it, with ``statement`` as the top box."""
    if statement not in argmap.statements:
        raise UsageError(f"no statement {statement!r} to focus on{_nearest(argmap, statement)}")
    return Part(keep(argmap, below(argmap, [statement]), statement))


def depth(argmap: ArgumentMap, levels: int) -> Part:
    """The statements at most ``levels`` steps below the conclusion; each statement that
    hides more below it says how many (``Part.more``)."""
    kept: set[str] = set()
    level = [argmap.conclusion]
    for _ in range(levels + 1):
        following: list[str] = []
        for sid in level:
            if sid in kept:
                continue
            kept.add(sid)
            steps = _steps_into(argmap, sid)
            while steps:
                step = steps.pop()
                kept.add(step)
                following.extend(argmap.inferences[step].premises)
                steps.extend(_steps_into(argmap, step))  # undercuts of the step
        level = following
    part = keep(argmap, kept, argmap.conclusion)
    return Part(part, _hidden(argmap, part))


def split(argmap: ArgumentMap) -> list[Part]:
    """One part per main reason (each inference that supports the conclusion), each with the
    conclusion as its top box and titled ``Reason k: ...``; the conclusion's objections, if
    any, make one more part."""
    top = argmap.conclusion
    parts: list[Part] = []
    steps = [argmap.inferences[i] for i in _steps_into(argmap, top)]
    supports = [s for s in steps if s.kind is InferenceKind.SUPPORT]
    attacks = [s for s in steps if s.kind is not InferenceKind.SUPPORT]
    for n, step in enumerate(supports, 1):
        nodes = below(argmap, [step.id]) | {top}
        parts.append(
            Part(keep(argmap, nodes, top), title=f"Reason {n}: {' + '.join(step.premises)}")
        )
    if attacks:
        nodes = below(argmap, [s.id for s in attacks]) | {top}
        parts.append(Part(keep(argmap, nodes, top), title="Objections"))
    if not parts:
        parts.append(Part(argmap))
    # the conclusion's other reasons are the other parts: only what a part cuts lower is "more"
    return [
        replace(p, more={k: v for k, v in _hidden(argmap, p.argmap).items() if k != top})
        for p in parts
    ]


def _nearest(argmap: ArgumentMap, wanted: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(wanted, list(argmap.statements), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
