"""A canonical, id-free form of a map's graph, for round-trip tests of the native format."""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.model import ArgumentMap


def statements(argmap: ArgumentMap) -> dict[str, dict[str, Any]]:
    """Statements by id, every field but the origin."""
    return {
        sid: s.model_dump(exclude={"origin"}, mode="json") for sid, s in argmap.statements.items()
    }


def inferences(argmap: ArgumentMap) -> Counter[str]:
    """Inferences as a multiset of (premises, target, kind, fields); undercut targets spelled out."""
    memo: dict[str, str] = {}
    for start in argmap.inferences:
        chain = [start]
        while chain:
            inf_id = chain[-1]
            if inf_id in memo:
                chain.pop()
                continue
            inf = argmap.inferences[inf_id]
            if inf.target in argmap.inferences and inf.target not in memo:
                chain.append(inf.target)
                continue
            target = memo.get(inf.target, inf.target)
            fields = inf.model_dump(
                exclude={"id", "origin", "premises", "target"}, exclude_defaults=True, mode="json"
            )
            if not inf_id.startswith("_"):
                fields["id"] = inf_id
            memo[inf_id] = (
                f"{sorted(inf.premises)}->{target} {inf.kind.value} {sorted(fields.items())}"
            )
            chain.pop()
    return Counter(memo.values())


def assert_same(a: ArgumentMap, b: ArgumentMap) -> None:
    assert a.conclusion == b.conclusion
    assert statements(a) == statements(b)
    assert inferences(a) == inferences(b)
    assert [g.model_dump(exclude={"origin"}) for g in a.gaps] == [
        g.model_dump(exclude={"origin"}) for g in b.gaps
    ]
    assert a.title == b.title
    assert a.source == b.source
    assert a.meta == b.meta
