"""Graph comparison for round-trip tests across formats: the same graph, whatever the ids and order.

"The same graph" means the same statements (text, kind, anchors, evidence
fields), the same inferences (premises, target, support / attack /
undercut) and the same annotated gaps. Elements are compared through
signatures built from those fields, so ids and order may differ; undercut
targets are spelled out as the signature of the inference they attack
(resolved iteratively: undercut chains can be long).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.model import ArgumentMap, Statement

Signature = tuple[Any, ...]


def statement_signature(statement: Statement) -> Signature:
    """What identifies a statement across formats: text, kind, anchors and evidence fields."""
    source = statement.source.model_dump(exclude_none=True) if statement.source else None
    return (
        statement.text,
        statement.kind.value,
        statement.implicit,
        statement.anchors,
        statement.quote,
        statement.basis.value if statement.basis else None,
        tuple(sorted(source.items())) if source else None,
        statement.rating.value if statement.rating else None,
    )


def signatures(argmap: ArgumentMap) -> dict[str, Signature]:
    """The signature of every statement and inference of the map, by id."""
    out: dict[str, Signature] = {
        sid: ("statement", statement_signature(s)) for sid, s in argmap.statements.items()
    }
    for start in argmap.inferences:
        chain = [start]
        while chain:
            inf_id = chain[-1]
            if inf_id in out:
                chain.pop()
                continue
            inf = argmap.inferences[inf_id]
            if inf.target not in out and inf.target in argmap.inferences:
                if inf.target in chain:  # a cycle of undercuts: cut it
                    out[inf.target] = ("cycle", inf.target)
                chain.append(inf.target)
                continue
            premises = tuple(sorted(repr(out[p]) for p in inf.premises))
            target = repr(out.get(inf.target, ("missing", inf.target)))
            out[inf_id] = ("inference", inf.kind.value, premises, target)
            chain.pop()
    return out


def graph_summary(argmap: ArgumentMap) -> dict[str, Counter[str]]:
    """The id-free, order-free form of a map's graph: statements, inferences and gaps as multisets."""
    sig = signatures(argmap)
    return {
        "statements": Counter(repr(sig[s]) for s in argmap.statements),
        "inferences": Counter(repr(sig[i]) for i in argmap.inferences),
        "gaps": Counter(
            repr((sig.get(g.node), g.kind, g.note, g.cite, g.severity)) for g in argmap.gaps
        ),
    }


def assert_same_graph(a: ArgumentMap, b: ArgumentMap) -> None:
    """Fail, naming the first difference, unless ``a`` and ``b`` are the same graph."""
    left, right = graph_summary(a), graph_summary(b)
    for part in ("statements", "inferences", "gaps"):
        only_a = left[part] - right[part]
        only_b = right[part] - left[part]
        assert not only_a and not only_b, (
            f"the {part} differ: only in the first {sorted(only_a.elements())[:3]}, "
            f"only in the second {sorted(only_b.elements())[:3]}"
        )
