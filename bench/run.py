"""``make bench``: run every benchmark case and print one Markdown table.

Cases come from ``bench/cases_*.py`` (each exposes ``cases() -> list[Case]``).
Record the table in docs/benchmarks.md with the date and the machine.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.harness import Pair, PairResult, Result, pair_table, run_case, run_pair, table  # noqa: E402


def main() -> int:
    only = sys.argv[1:]
    results: list[Result] = []
    paired: list[tuple[Pair, PairResult | None]] = []
    extra: list[str] = []
    for module_path in sorted(HERE.glob("cases_*.py")):
        module = importlib.import_module(f"bench.{module_path.stem}")
        for case in getattr(module, "cases", list)():
            if only and not any(word in case.name for word in only):
                continue
            print(f"running {case.name} ...", file=sys.stderr, flush=True)
            results.append(run_case(case))
        for pair in getattr(module, "pairs", list)():
            if only and not any(word in pair.name for word in only):
                continue
            print(f"running {pair.name} against {pair.reference} ...", file=sys.stderr, flush=True)
            paired.append((pair, run_pair(pair)))
        extra.extend(getattr(module, "NOTES", []))
    print(
        f"argmap benchmarks, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print(table(results))
    if paired:
        print(
            "\nRatios against named references, each pair timed in turns (A B A B ...) in this run:\n"
        )
        print(pair_table(paired))
    for line in extra:
        print(f"\n{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
