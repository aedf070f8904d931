"""Helpers shared by the graph formats (AIF, Argdown, microtexts): choosing the conclusion."""

from __future__ import annotations

import sys

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap


def choose_conclusion(
    argmap: ArgumentMap, wanted: str | None = None, *, report: bool = True
) -> str:
    """Set and return the main conclusion of a graph read from a format that does not name one.

    ``wanted`` (the user's ``--conclusion``) wins; else a statement that
    supports or attacks nothing, and among several the one with the most
    statements beneath it (ties: the first in the file). The choice is
    reported on stderr so stdout stays clean for pipes.
    """
    if wanted is not None:
        if wanted not in argmap.statements:
            raise ArgmapError(f"--conclusion {wanted!r}: no statement with that id in the map")
        argmap.conclusion = wanted
        return wanted
    roots = [s for s in argmap.statements if not argmap.outgoing(s)]
    candidates = roots or list(argmap.statements)
    if not candidates:
        raise ArgmapError("the map has no statements")
    best = candidates[0]
    best_size = -1
    if len(candidates) > 1:
        for sid in candidates:
            size = _below(argmap, sid)
            if size > best_size:
                best, best_size = sid, size
    argmap.conclusion = best
    if report and len(candidates) > 1:
        text = argmap.statements[best].text
        short = text if len(text) <= 60 else text[:57] + "..."
        print(
            f"argmap: {len(candidates)} statements support nothing; taking {best!r} "
            f"({short}) as the main conclusion (use --conclusion ID to choose)",
            file=sys.stderr,
        )
    return best


def _below(argmap: ArgumentMap, root: str) -> int:
    seen = {root}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in argmap.children(node):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return len(seen) - 1
