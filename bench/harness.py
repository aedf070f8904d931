"""The benchmark harness behind ``make bench``: cases, timing, peak memory, the table.

A case runs a command line in a fresh process (so import time counts, as a
user sees it) ``repeat`` times and reports the median wall time and the peak
resident memory of the child. One unrecorded warm-up run comes first (as
``hyperfine --warmup 1``): the files are in the page cache and the memory
the previous case used has settled; what a first run costs on purpose (the
embedded engine's compile) has a case of its own. Feature modules ``bench/cases_*.py`` each
expose ``cases() -> list[Case]``; ``bench/run.py`` collects them all.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
BIN = Path(sys.executable).parent
ARGMAP = str(BIN / "argmap")


@dataclass
class Case:
    """One benchmark: a command line (run in a child process) or a Python callable."""

    name: str
    target: str = ""
    argv: Sequence[str] | None = None
    func: Callable[[], object] | None = None
    repeat: int = 5
    #: unrecorded runs before the timed ones (command-line cases only)
    warmup: int = 1
    setup: Callable[[], object] | None = None
    env: dict[str, str] = field(default_factory=dict)
    #: compare the median with this many seconds to print "ok" / "MISSED"
    limit_s: float | None = None
    limit_mb: float | None = None
    note: str = ""


@dataclass
class Result:
    case: Case
    median_s: float
    peak_mb: float
    runs: list[float]

    @property
    def verdict(self) -> str:
        ok = True
        if self.case.limit_s is not None and self.median_s > self.case.limit_s:
            ok = False
        if self.case.limit_mb is not None and self.peak_mb > self.case.limit_mb:
            ok = False
        if self.case.limit_s is None and self.case.limit_mb is None:
            return ""
        return "ok" if ok else "MISSED"


def run_case(case: Case) -> Result:
    if case.setup is not None:
        case.setup()
    times: list[float] = []
    peak = 0.0
    if case.argv is not None:
        for _ in range(case.warmup):
            subprocess.run(
                list(case.argv),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, **case.env},
                check=False,
            )
    for _ in range(case.repeat):
        if case.argv is not None:
            env = {**os.environ, **case.env}
            with tempfile.TemporaryFile() as err:
                start = time.perf_counter()
                proc = subprocess.Popen(
                    list(case.argv), stdout=subprocess.DEVNULL, stderr=err, env=env
                )
                _, status, usage = os.wait4(proc.pid, 0)
                elapsed = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode not in (0, 1):
                    err.seek(0)
                    tail = err.read().decode(errors="replace")[-800:]
                    raise RuntimeError(f"{case.name}: exit {proc.returncode}: {tail}")
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss / 1024)
        else:
            assert case.func is not None
            start = time.perf_counter()
            case.func()
            times.append(time.perf_counter() - start)
            peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return Result(case, statistics.median(times), peak, times)


def table(results: Sequence[Result]) -> str:
    """A Markdown table of results."""
    lines = [
        "| benchmark | median | peak memory | target | runs | verdict |",
        "|---|---:|---:|---|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.case.name} | {_fmt(r.median_s)} | {r.peak_mb:.0f} MB | {r.case.target} "
            f"| {len(r.runs)} | {r.verdict} |"
        )
    return "\n".join(lines)


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
