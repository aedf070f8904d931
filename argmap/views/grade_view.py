"""The terminal view of ``argmap grade``: each student's score, breakdown and feedback; a summary table.

User text (file names, feedback that quotes anchors) is always a
:class:`rich.text.Text`, never markup; colour only marks the score band.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.teaching.grade import WEIGHTS, Result
from argmap.views.wrapping import hanging


def _band(score: float | None) -> str:
    if score is None:
        return "bold red"
    if score >= 80:
        return "green"
    if score >= 50:
        return "yellow"
    return "red"


def student_view(result: Result, width: int = 100, *, detail: bool = False) -> RenderableType:
    """One submission: the score, the breakdown, the feedback (and with ``detail`` the rest)."""
    head = Text(result.file, style="bold")
    if result.score is None:
        head.append(": not graded: ", style="bold red")
        head.append(result.error or "unreadable")
        return head
    head.append(": ")
    head.append(f"{result.score:.1f}/100", style=_band(result.score))
    parts: list[RenderableType] = [head]
    parts.append(
        Text(
            "  "
            + " · ".join(
                f"{name} {result.breakdown.get(name, 0.0):g}/{weight:g}"
                for name, weight in WEIGHTS.items()
            ),
            style="dim",
        )
    )
    for line in result.feedback:
        parts.append(hanging("  - ", line, width))
    if detail:
        for line in result.details:
            parts.append(hanging("  - ", line, width))
    elif result.details:
        count = len(result.details)
        parts.append(
            Text(
                f"  ({count} more point{'s' if count > 1 else ''}: --detail shows them)",
                style="dim",
            )
        )
    return Group(*parts)


def summary_view(results: Sequence[Result], width: int = 100) -> RenderableType:
    """The class at a glance: one row per submission, the mean and median, then read errors."""
    table = Table(title="Grades", title_justify="left", header_style="bold", expand=False)
    table.add_column("file", overflow="fold")
    table.add_column("score\n/100", justify="right", no_wrap=True)
    for name, weight in WEIGHTS.items():
        table.add_column(f"{name}\n/{weight:g}", justify="right", no_wrap=True)
    for r in results:
        if r.score is None:
            table.add_row(Text(r.file), Text("error", style="bold red"), *("-" for _ in WEIGHTS))
        else:
            table.add_row(
                Text(r.file),
                Text(f"{r.score:.1f}", style=_band(r.score)),
                *(f"{r.breakdown.get(name, 0.0):g}" for name in WEIGHTS),
            )
    scores = [r.score for r in results if r.score is not None]
    parts: list[RenderableType] = [table]
    if scores:
        line = (
            f"{len(scores)} graded: mean {statistics.fmean(scores):.1f}, "
            f"median {statistics.median(scores):.1f}, lowest {min(scores):.1f}, "
            f"highest {max(scores):.1f}"
        )
        failed = len(results) - len(scores)
        if failed:
            line += f"; {failed} could not be read"
        parts.append(Text(line))
    elif results:
        parts.append(Text("No submission could be read."))
    for r in results:
        if r.score is None:
            parts.append(
                hanging(
                    f"error: {r.file}: ", r.error or "unreadable", width, prefix_style="bold red"
                )
            )
    return Group(*parts)


def grade_view(
    results: Sequence[Result], *, feedback: bool = True, width: int = 100, detail: bool = False
) -> RenderableType:
    """Every student's block (unless ``feedback`` is off), then the summary table (for two or more)."""
    if len(results) == 1 and feedback:
        return student_view(results[0], width, detail=detail)  # a one-row table says no more
    parts: list[RenderableType] = []
    if feedback:
        for r in results:
            parts += [student_view(r, width, detail=detail), Text("")]
    parts.append(summary_view(results, width))
    return Group(*parts)


@contextmanager
def progress(total: int) -> Iterator[Callable[[str], None] | None]:
    """A transient progress bar on stderr while grading ``total`` files, when stderr is a
    terminal and there are several: yields the callback to call per file (else ``None``)."""
    import sys

    if not (sys.stderr.isatty() and total > 1):
        yield None
        return
    from rich.progress import Progress

    from argmap.views.console import console

    with Progress(console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("grading", total=total)
        yield lambda _name: bar.advance(task)
