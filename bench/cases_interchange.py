"""Interchange benchmarks: reading big AIF files, and choosing among many conclusions.

The 100,000-statement AIF file comes from the shared generator (bench/generate.py);
the Argdown benchmarks live in bench/cases_argdown.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.generate import write
from bench.harness import ARGMAP, DATA, Case

PY = sys.executable
LOAD = "import sys, argmap; argmap.load(sys.argv[1])"
NOTES: list[str] = []


def many_roots(roots: int = 50_000, chain: int = 50_000) -> Path:
    """An AIF file that names no conclusion: ``roots`` claims all resting on one long chain.

    The worst case for choosing the conclusion one walk per candidate (2.5
    billion steps); written once into bench/data.
    """
    path = DATA / f"many-roots-{roots}-{chain}.aif.json"
    if path.exists():
        return path
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []

    def support(premise: str, target: str) -> None:
        ra = f"ra{len(edges)}"
        nodes.append({"nodeID": ra, "text": "RA", "type": "RA"})
        edges.append({"edgeID": f"e{len(edges)}", "fromID": premise, "toID": ra})
        edges.append({"edgeID": f"e{len(edges)}", "fromID": ra, "toID": target})

    for i in range(chain):
        nodes.append({"nodeID": f"c{i}", "text": f"Link {i} of the chain.", "type": "I"})
        if i:
            support(f"c{i}", f"c{i - 1}")
    for r in range(roots):
        nodes.append({"nodeID": f"r{r}", "text": f"Conclusion {r}.", "type": "I"})
        support("c0", f"r{r}")
    DATA.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    return path


def cases() -> list[Case]:
    out: list[Case] = []
    aif = write(100_000, ("aif",)).get("aif")
    if aif is None:
        NOTES.append("AIF benchmarks skipped: the aif format is not registered as writable.")
    else:
        small = write(10_000, ("aif",))["aif"]
        out += [
            Case("load 10,000 statements (AIF)", "", argv=[PY, "-c", LOAD, str(small)]),
            Case(
                "load 100,000 statements (AIF)",
                "≤ 10 s",
                argv=[PY, "-c", LOAD, str(aif)],
                repeat=3,
                limit_s=10,
            ),
            Case(
                "argmap stats: 100,000-statement AIF, 50,000 candidate conclusions",
                "≤ 10 s",
                argv=[ARGMAP, "stats", str(many_roots())],
                repeat=3,
                limit_s=10,
            ),
            Case(
                "argmap convert 10,000 statements AIF -> YAML",
                "",
                argv=[ARGMAP, "convert", str(small), "-", "--to", "yaml"],
                repeat=3,
            ),
        ]
    return out
