"""Foundation benchmarks: start-up, show of the flagship map, loading generated maps."""

from __future__ import annotations

import sys

from bench.generate import write
from bench.harness import ARGMAP, ROOT, Case

PY = sys.executable
LOAD = "import sys, argmap; argmap.load(sys.argv[1])"


def cases() -> list[Case]:
    flagship = str(ROOT / "maps" / "iran-in-latin-america.yaml")
    files = {n: write(n) for n in (1_000, 10_000, 100_000)}
    return [
        Case("argmap --help", "≤ 200 ms", argv=[ARGMAP, "--help"], repeat=11, limit_s=0.2),
        Case("argmap --version", "≤ 150 ms", argv=[ARGMAP, "--version"], repeat=11, limit_s=0.15),
        Case(
            "argmap show (flagship map)",
            "≤ 500 ms",
            argv=[ARGMAP, "show", flagship],
            repeat=7,
            limit_s=0.5,
        ),
        Case("load 1,000 statements (JSON)", "", argv=[PY, "-c", LOAD, str(files[1_000]["json"])]),
        Case(
            "load 10,000 statements (JSON)", "", argv=[PY, "-c", LOAD, str(files[10_000]["json"])]
        ),
        Case(
            "load 100,000 statements (JSON)",
            "≤ 10 s, ≤ 1 GB",
            argv=[PY, "-c", LOAD, str(files[100_000]["json"])],
            repeat=3,
            limit_s=10,
            limit_mb=1024,
        ),
        Case("load 1,000 statements (YAML)", "", argv=[PY, "-c", LOAD, str(files[1_000]["yaml"])]),
        Case(
            "load 10,000 statements (YAML)",
            "≤ 2 s",
            argv=[PY, "-c", LOAD, str(files[10_000]["yaml"])],
            limit_s=2,
        ),
        Case(
            "load 100,000 statements (YAML)",
            "≤ 1 GB (time reported: PyYAML's C composer alone is most of it)",
            argv=[PY, "-c", LOAD, str(files[100_000]["yaml"])],
            repeat=1,
            warmup=0,  # 12 s a run
            limit_mb=1024,
        ),
    ]
