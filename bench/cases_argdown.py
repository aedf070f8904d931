"""Argdown benchmarks: reading (target: 10,000 statements in at most 1 s) and writing.

The file is the shared generator's 10,000-statement map written as Argdown
(``bench.generate.write(10_000, ("argdown",))``): relation lines nested up
to the writer's limit, inline data on every statement. Reading runs in a
fresh process, start-up included, as a user sees it.
"""

from __future__ import annotations

import sys

from bench.generate import write
from bench.harness import ARGMAP, Case

PY = sys.executable
LOAD = "import sys, argmap; argmap.load(sys.argv[1])"
DUMP = (
    "import sys, argmap; from argmap.formats import argdown; "
    "argdown.dumps(argmap.load(sys.argv[1]))"
)


def cases() -> list[Case]:
    files = write(10_000, ("argdown", "json"))
    argdown = str(files["argdown"])
    return [
        Case(
            "read 10,000 statements (Argdown)",
            "≤ 1 s",
            argv=[PY, "-c", LOAD, argdown],
            repeat=7,
            limit_s=1,
        ),
        Case(
            "write 10,000 statements as Argdown (from JSON, load included)",
            "",
            argv=[PY, "-c", DUMP, str(files["json"])],
            repeat=3,
        ),
        Case(
            "argmap show 10,000 statements (Argdown)",
            "",
            argv=[ARGMAP, "show", argdown, "--no-gaps"],
            repeat=3,
        ),
    ]
