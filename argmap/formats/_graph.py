"""Helpers shared by the graph formats (AIF, Argdown, microtexts): choosing the conclusion.

Graph formats do not say which statement is the main conclusion. The rule:
a statement that supports (or attacks) nothing; among several, the one with
the most statements beneath it; ties go to the first in the file. Counting
"beneath" for many roots at once is the costly part: one walk per root is
quadratic when roots share what lies beneath them. So cycles are first
collapsed into their strongly connected components; a component with a
single parent is folded into it (it lies beneath exactly the roots its parent
does: trees fold away entirely); then the counts are made in one pass over
what is left, in topological order, carrying for each component the set of
roots above it as a bit set (a Python int), a few thousand roots per pass,
and summing the bit sets column-wise with bit-sliced counters. Every walk is
iterative.
"""

from __future__ import annotations

import gc

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap

#: Roots handled per pass: each statement's bit set is at most this many bits.
CHUNK = 4096


def choose_conclusion(
    argmap: ArgumentMap, wanted: str | None = None, *, report: bool = True
) -> str:
    """Set and return the main conclusion of a graph read from a format that does not name one.

    ``wanted`` (the user's ``--conclusion``) wins; else a statement that
    supports or attacks nothing, and among several the one with the most
    statements beneath it (ties: the first in the file). With ``report``,
    the choice and its reason are added to ``argmap.notices`` (the CLI
    prints them on stderr, so stdout stays clean for pipes).
    """
    if wanted is not None:
        if wanted not in argmap.statements:
            raise ArgmapError(f"--conclusion {wanted!r}: no statement with that id in the map")
        argmap.conclusion = wanted
        return wanted
    if not argmap.statements:
        raise ArgmapError("the map has no statements")
    roots = [s for s in argmap.statements if not argmap.outgoing(s)]
    size: int | None = None
    tied: list[str] = []
    if len(roots) == 1:
        sid = roots[0]
    else:
        # many small containers, none of them garbage: the cyclic collector would only rescan
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            graph = _Graph(argmap)
            if roots:
                candidates = [graph.index[s] for s in roots]
            else:
                # everything supports something (cycles): the statements of the top components
                candidates = graph.top_members()
            counts = graph.beneath(candidates)
        finally:
            if was_enabled:
                gc.enable()
        best = max(candidates, key=lambda c: (counts[c], -c))
        size = counts[best]
        sid = graph.ids[best]
        tied = [graph.ids[c] for c in candidates if counts[c] == size and c != best]
    argmap.conclusion = sid
    if report:
        text = " ".join(argmap.statements[sid].text.split())
        short = text if len(text) <= 60 else text[:57] + "..."
        if not roots:
            why = (
                "every statement supports or attacks another (a cycle); it has the most beneath it"
            )
        elif len(roots) == 1:
            why = "the only statement that supports or attacks nothing"
        elif tied:
            others = ", ".join(repr(t) for t in tied[:3]) + (" ..." if len(tied) > 3 else "")
            why = (
                f"of the {len(roots)} statements that support or attack nothing, it ties with "
                f"{others} for the most beneath it ({size}) and comes first in the file"
            )
        else:
            why = (
                f"of the {len(roots)} statements that support or attack nothing, "
                f"it has the most beneath it ({size})"
            )
        hint = f" (e.g. --conclusion {tied[0]})" if tied else ""
        argmap.notices.append(
            f"main conclusion {sid!r} ({short}): {why}; use --conclusion ID to choose another{hint}"
        )
    return sid


class _Graph:
    """Statements as integers, with the edges "t has p beneath it" (p premise of an inference on t).

    The premises of an undercut are beneath the statement its target inference bears on.
    """

    def __init__(self, argmap: ArgumentMap) -> None:
        self.ids = list(argmap.statements)
        self.index = {sid: i for i, sid in enumerate(self.ids)}
        n = len(self.ids)
        self.down: list[list[int]] = [[] for _ in range(n)]
        resolved: dict[str, int | None] = {}
        for inf in argmap.inferences.values():
            target = self._statement_of(argmap, inf.id, resolved)
            if target is None:
                continue
            below = self.down[target]
            for premise in inf.premises:
                p = self.index.get(premise)
                if p is not None:
                    below.append(p)
        self._components()

    def _statement_of(
        self, argmap: ArgumentMap, inf_id: str, resolved: dict[str, int | None]
    ) -> int | None:
        """The statement an inference bears on (undercut chains followed, memoised)."""
        chain: list[str] = []
        element: str = inf_id
        result: int | None = None
        while True:
            if element in resolved:
                result = resolved[element]
                break
            if element in self.index:
                result = self.index[element]
                break
            inf = argmap.inferences.get(element)
            if inf is None or element in chain:
                result = None
                break
            chain.append(element)
            element = inf.target
        for link in chain:
            resolved[link] = result
        return result

    def _components(self) -> None:
        """Strongly connected components (iterative Tarjan) and the condensed DAG."""
        n = len(self.ids)
        index = [-1] * n
        low = [0] * n
        on_stack = [False] * n
        comp = [-1] * n
        stack: list[int] = []
        counter = 0
        members: list[list[int]] = []
        for start in range(n):
            if index[start] != -1:
                continue
            work: list[tuple[int, int]] = [(start, 0)]
            index[start] = low[start] = counter
            counter += 1
            stack.append(start)
            on_stack[start] = True
            while work:
                v, i = work[-1]
                edges = self.down[v]
                if i < len(edges):
                    work[-1] = (v, i + 1)
                    w = edges[i]
                    if index[w] == -1:
                        index[w] = low[w] = counter
                        counter += 1
                        stack.append(w)
                        on_stack[w] = True
                        work.append((w, 0))
                    elif on_stack[w] and index[w] < low[v]:
                        low[v] = index[w]
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[v] < low[parent]:
                        low[parent] = low[v]
                if low[v] == index[v]:
                    group: list[int] = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = False
                        comp[w] = len(members)
                        group.append(w)
                        if w == v:
                            break
                    members.append(group)
        self.comp = comp
        self.members = members
        m = len(members)
        down: list[set[int]] = [set() for _ in range(m)]
        parents = [0] * m
        parent_of = [-1] * m
        for v in range(n):
            cv = comp[v]
            for w in self.down[v]:
                cw = comp[w]
                if cw != cv and cw not in down[cv]:
                    down[cv].add(cw)
                    parents[cw] += 1
                    parent_of[cw] = cv
        self.top = [c for c in range(m) if parents[c] == 0]
        # A component with a single parent is beneath exactly the roots its parent is
        # beneath: fold it (and its weight) into the parent. Trees fold away entirely.
        # Tarjan emits components children first, so parents come later in the list.
        rep = list(range(m))
        size = [len(g) for g in members]
        for c in range(m - 1, -1, -1):
            if parents[c] == 1:
                rep[c] = rep[parent_of[c]]
                size[rep[c]] += size[c]
                size[c] = 0
        reduced: list[set[int]] = [set() for _ in range(m)]
        in_degree = [0] * m
        for c in range(m):
            for d in down[c]:
                if parents[d] != 1 and d not in reduced[rep[c]]:
                    reduced[rep[c]].add(d)
                    in_degree[d] += 1
        self.alive = [c for c in range(m) if rep[c] == c]
        self.size = size
        self.cdown = [list(d) for d in reduced]
        self.cparents = in_degree

    def top_members(self) -> list[int]:
        """The first statement (in file order) of each component nothing lies above."""
        return [min(self.members[c]) for c in self.top]

    def beneath(self, candidates: list[int]) -> dict[int, int]:
        """For each candidate statement, how many statements lie beneath it."""
        # roots of one weakly connected part go in the same pass, so passes overlap little
        group = self._weak_groups()
        comps = sorted({self.comp[c] for c in candidates}, key=lambda c: (group[c], c))
        totals: dict[int, int] = {}
        for start in range(0, len(comps), CHUNK):
            totals.update(self._count(comps[start : start + CHUNK]))
        # a component's members all have the same statements beneath them (the others of it)
        return {c: totals[self.comp[c]] - 1 for c in candidates}

    def _weak_groups(self) -> list[int]:
        m = len(self.members)
        parent = list(range(m))

        def find(x: int) -> int:
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:
                parent[x], x = root, parent[x]
            return root

        for c in self.alive:
            for d in self.cdown[c]:
                a, b = find(c), find(d)
                if a != b:
                    parent[a] = b
        return [find(c) for c in range(m)]

    def _count(self, roots: list[int]) -> dict[int, int]:
        """Statements reachable from each root component (itself included), in one pass."""
        bit = {c: 1 << i for i, c in enumerate(roots)}
        # what the roots reach, and for each such component how many of its parents they reach
        pending: dict[int, int] = dict.fromkeys(roots, 0)
        stack = list(roots)
        while stack:
            c = stack.pop()
            for d in self.cdown[c]:
                if d in pending:
                    pending[d] += 1
                else:
                    pending[d] = 1
                    stack.append(d)
        masks: dict[int, int] = {}
        ready = [c for c, n in pending.items() if n == 0]
        planes: list[int] = []
        while ready:
            c = ready.pop()
            mask = masks.pop(c, 0) | bit.get(c, 0)
            _add(planes, mask, self.size[c])
            for d in self.cdown[c]:
                masks[d] = masks.get(d, 0) | mask
                pending[d] -= 1
                if pending[d] == 0:
                    ready.append(d)
        rows = [format(p, "b")[::-1] for p in planes]
        out: dict[int, int] = {}
        for i, c in enumerate(roots):
            out[c] = sum(1 << j for j, row in enumerate(rows) if i < len(row) and row[i] == "1")
        return out


def _add(planes: list[int], mask: int, weight: int) -> None:
    """Add ``weight`` to the counter of every bit set in ``mask`` (bit-sliced counters)."""
    j = 0
    while weight:
        if weight & 1:
            carry = mask
            i = j
            while carry:
                while i >= len(planes):
                    planes.append(0)
                current = planes[i]
                planes[i] = current ^ carry
                carry &= current
                i += 1
        weight >>= 1
        j += 1
