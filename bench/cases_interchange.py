"""Interchange benchmarks: reading big AIF (and Argdown) files made by the shared generator.

The generator writes each format that argmap can write; a format that is
not there yet is left out of the table (with a note) rather than failing.
"""

from __future__ import annotations

import sys

from bench.generate import write
from bench.harness import ARGMAP, Case

PY = sys.executable
LOAD = "import sys, argmap; argmap.load(sys.argv[1])"
CHOOSE = (
    "import sys, argmap; from argmap.formats._graph import choose_conclusion; "
    "m = argmap.load(sys.argv[1]); choose_conclusion(m, report=False)"
)
NOTES: list[str] = []


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
                "choose the conclusion among 100,000 statements (AIF, after loading)",
                "≤ 10 s",
                argv=[PY, "-c", CHOOSE, str(aif)],
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
    argdown = write(10_000, ("argdown",)).get("argdown")
    if argdown is None:
        NOTES.append("Argdown benchmark skipped: the argdown format is not registered as writable.")
    else:
        out.append(
            Case(
                "load 10,000 statements (Argdown)",
                "≤ 1 s",
                argv=[PY, "-c", LOAD, str(argdown)],
                limit_s=1,
            )
        )
    return out
