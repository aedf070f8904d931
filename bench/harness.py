"""The benchmark harness behind ``make bench``: cases, timing, peak memory, the table.

A case runs a command line in a fresh process (so import time counts, as a
user sees it) ``repeat`` times and reports the median wall time and the peak
resident memory of the child. One unrecorded warm-up run comes first (as
``hyperfine --warmup 1``): the files are in the page cache and the memory
the previous case used has settled; what a first run costs on purpose (the
embedded engine's compile) has a case of its own. Feature modules ``bench/cases_*.py`` each
expose ``cases() -> list[Case]``; ``bench/run.py`` collects them all.

A :class:`Pair` times argmap against a named reference (``json.load``, the
Argdown CLI, the system ``dot``) in turns, A B A B ..., in the same run: the
machine's speed drifts by a third within an hour here, so only a ratio
measured this way holds. Modules expose those as ``pairs() -> list[Pair]``.
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
    #: ``func`` measures itself: it returns the seconds to record (a page's own "ready" mark)
    self_timed: bool = False


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


@dataclass
class Pair:
    """argmap's command line against a reference's, run in turns; the figure is the ratio."""

    name: str
    argv: Sequence[str]
    #: what the reference is, as the table names it ("json.load", "Argdown CLI 1.7.5")
    reference: str
    #: the reference's command line; ``None``: not installed here (reported, not timed)
    reference_argv: Sequence[str] | None
    repeat: int = 5
    warmup: int = 1
    setup: Callable[[], object] | None = None
    env: dict[str, str] = field(default_factory=dict)
    #: argmap's median time over the reference's must be at most this
    limit_ratio: float | None = None
    #: argmap's peak memory over the reference's must be at most this
    limit_peak_ratio: float | None = None
    #: argmap's peak memory must be at most this many MB (a budget, not a ratio)
    limit_mb: float | None = None
    target: str = ""
    #: why the pair is skipped when ``reference_argv`` is ``None`` (how to install it)
    missing: str = "not installed"


@dataclass
class PairResult:
    pair: Pair
    median_s: float
    reference_s: float
    peak_mb: float
    reference_mb: float
    runs: int

    @property
    def ratio(self) -> float:
        return self.median_s / self.reference_s

    @property
    def peak_ratio(self) -> float:
        return self.peak_mb / self.reference_mb

    @property
    def verdict(self) -> str:
        p = self.pair
        if p.limit_ratio is None and p.limit_peak_ratio is None and p.limit_mb is None:
            return ""
        ok = (
            (p.limit_ratio is None or self.ratio <= p.limit_ratio)
            and (p.limit_peak_ratio is None or self.peak_ratio <= p.limit_peak_ratio)
            and (p.limit_mb is None or self.peak_mb <= p.limit_mb)
        )
        return "ok" if ok else "MISSED"


#: Runs a command line and writes "seconds peak-KB exit-status" to the file named first. A
#: child forked from this runner would report the runner's own peak memory (Linux keeps the
#: high-water mark across exec), so each command starts from this small process instead.
_SPAWN = (
    "import os, sys, time\n"
    "start = time.perf_counter()\n"
    "pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "elapsed = time.perf_counter() - start\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(f'{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}')\n"
)


def _time_once(name: str, argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """One run of a command line: (wall seconds, peak resident MB of the command)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            [sys.executable, "-S", "-c", _SPAWN, report.name, *argv],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, **env},
            check=True,
        )
        elapsed, peak_kb, code = report.read().split()
        if int(code) not in (0, 1):
            err.seek(0)
            tail = err.read().decode(errors="replace")[-800:]
            raise RuntimeError(f"{name}: exit {code}: {tail}")
    return float(elapsed), int(peak_kb) / 1024


def run_pair(pair: Pair) -> PairResult | None:
    """Time ``pair`` in turns (A B A B ...); ``None`` when its reference is not installed."""
    if pair.reference_argv is None:
        return None
    if pair.setup is not None:
        pair.setup()
    for _ in range(pair.warmup):
        _time_once(pair.name, pair.argv, pair.env)
        _time_once(pair.reference, pair.reference_argv, pair.env)
    mine: list[float] = []
    theirs: list[float] = []
    peak = reference_peak = 0.0
    for _ in range(pair.repeat):
        elapsed, mb = _time_once(pair.name, pair.argv, pair.env)
        mine.append(elapsed)
        peak = max(peak, mb)
        elapsed, mb = _time_once(pair.reference, pair.reference_argv, pair.env)
        theirs.append(elapsed)
        reference_peak = max(reference_peak, mb)
    return PairResult(
        pair,
        statistics.median(mine),
        statistics.median(theirs),
        peak,
        reference_peak,
        pair.repeat,
    )


def pair_table(pairs: Sequence[tuple[Pair, PairResult | None]]) -> str:
    """A Markdown table of paired runs: each time, the reference's, and their ratios."""
    lines = [
        "| argmap | reference | time | reference time | ratio | peak ratio | target | runs "
        "| verdict |",
        "|---|---|---:|---:|---:|---:|---|---:|---|",
    ]
    for pair, r in pairs:
        if r is None:
            lines.append(
                f"| {pair.name} | {pair.reference}: skipped, {pair.missing} | | | | | {pair.target} "
                "| 0 | |"
            )
            continue
        lines.append(
            f"| {pair.name} | {pair.reference} | {_fmt(r.median_s)} | {_fmt(r.reference_s)} "
            f"| {r.ratio:.2f}x | {r.peak_ratio:.2f}x ({r.peak_mb:.0f} / {r.reference_mb:.0f} MB) "
            f"| {pair.target} | {r.runs} + {r.runs} | {r.verdict} |"
        )
    return "\n".join(lines)


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
            elapsed, mb = _time_once(case.name, case.argv, case.env)
            times.append(elapsed)
            peak = max(peak, mb)
        else:
            assert case.func is not None
            start = time.perf_counter()
            measured = case.func()
            elapsed = time.perf_counter() - start
            times.append(float(measured) if case.self_timed else elapsed)  # type: ignore[arg-type]
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
