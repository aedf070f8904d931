"""Gaps benchmarks: ``argmap gaps`` on the flagship and on generated maps, load included."""

from __future__ import annotations

from bench.generate import write
from bench.harness import ARGMAP, ROOT, Case


def cases() -> list[Case]:
    flagship = str(ROOT / "maps" / "iran-in-latin-america.yaml")
    files = {n: write(n) for n in (10_000, 100_000)}
    return [
        Case(
            "argmap gaps (flagship map)",
            "≤ 500 ms",
            argv=[ARGMAP, "gaps", flagship],
            repeat=7,
            limit_s=0.5,
        ),
        Case(
            "argmap evaluate (flagship map)",
            "≤ 500 ms",
            argv=[ARGMAP, "evaluate", flagship, "--why"],
            repeat=7,
            limit_s=0.5,
        ),
        Case(
            "argmap gaps 10,000 statements (JSON)",
            "≤ 1 s",
            argv=[ARGMAP, "gaps", str(files[10_000]["json"])],
            limit_s=1,
        ),
        Case(
            "argmap gaps 100,000 statements (JSON)",
            "≤ 10 s",
            argv=[ARGMAP, "gaps", str(files[100_000]["json"])],
            repeat=3,
            limit_s=10,
        ),
    ]
