"""The output of ``argmap gaps``: a text table per file, Markdown, or one flat JSON list.

Text is one gap per line in aligned columns (code, severity, node, paragraph,
message), grouped by node in map order, then a one-line summary, then what
the profile left out (the detected gaps an annotation covers, the gaps below
the severity threshold). Piped, like a linter, it is never wrapped, so it
stays greppable and fast on maps with 100,000 gaps; at a terminal the
message column wraps at the terminal's width under itself (on its own
indented lines when the terminal is too narrow for the columns). Colour,
when the terminal has it, only marks the severity.
JSON is a list of :meth:`~argmap.analysis.base.Gap.to_dict` objects, each
with the ``file`` it comes from.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.analysis.base import Gap
from argmap.formats.markdown import escape
from argmap.model import Severity, format_anchor
from argmap.safe_text import json_safe, printable

if TYPE_CHECKING:
    from argmap.analysis.gaps import FileGaps

#: Column headings of the text and Markdown tables.
HEADINGS = ("code", "severity", "node", "¶", "message")
#: Widest node and anchor columns before long values push the message right.
MAX_NODE = 14
MAX_ANCHOR = 12
#: Narrowest message column beside the others; narrower terminals get it on lines of its own.
MIN_MESSAGE = 24
#: Indent of a message on lines of its own.
OWN_LINE_INDENT = 4


def _anchor(gap: Gap) -> str:
    return format_anchor(list(gap.at)) if gap.at else ""


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def summary(gaps: Sequence[Gap], file: str | None = None) -> str:
    """``12 gaps in FILE: 2 errors, 7 warnings, 3 info (9 detected, 3 annotated)``."""
    where = f" in {file}" if file else ""
    if not gaps:
        return f"No gaps found{where}."
    counts = dict.fromkeys(Severity, 0)
    annotated = 0
    for gap in gaps:
        counts[gap.severity] += 1
        annotated += gap.origin == "annotated"
    return (
        f"{_plural(len(gaps), 'gap')}{where}: {_plural(counts[Severity.ERROR], 'error')}, "
        f"{_plural(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info "
        f"({len(gaps) - annotated} detected, {annotated} annotated)"
    )


def _message(gap: Gap) -> str:
    if gap.covered_by is None:
        return gap.message
    return f"{gap.message} [covered by the annotated {gap.covered_by}]"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=max(width, 8),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def text_rows(gaps: Sequence[Gap], width: int | None = None) -> list[tuple[str, Severity | None]]:
    """The table of one file as lines, each with the severity to colour it by (None: heading).

    ``width``: wrap the message column to fit (``None``: one line per gap)."""
    anchors: dict[str, str] = {}  # node -> its anchor text: a node's gaps share it
    for gap in gaps:
        if gap.node not in anchors:
            anchors[gap.node] = _anchor(gap)
    node_width = min(MAX_NODE, max([len("node"), *(len(n) for n in anchors)]))
    anchor_width = min(MAX_ANCHOR, max([1, *(len(a) for a in anchors.values())]))
    head = (
        f"{HEADINGS[0]:<4}  {HEADINGS[1]:<8}  {HEADINGS[2]:<{node_width}}  "
        f"{HEADINGS[3]:<{anchor_width}}  {HEADINGS[4]}"
    )
    # the padded cells repeat (one code and severity per rule, one node for several gaps):
    # build each once, then a row is two joins
    leads: dict[tuple[str, Severity], str] = {}
    places = {
        node: f"{node:<{node_width}}  {anchor:<{anchor_width}}  "
        for node, anchor in anchors.items()
    }
    own_lines = width is not None and width - len(head) + len(HEADINGS[4]) < MIN_MESSAGE
    if own_lines:  # the messages go on lines of their own, below their row
        head = head[: -len(HEADINGS[4])].rstrip()
    rows: list[tuple[str, Severity | None]] = [(head, None)]
    for gap in gaps:
        lead = leads.get((gap.code, gap.severity))
        if lead is None:
            lead = leads[gap.code, gap.severity] = f"{gap.code:<4}  {gap.severity.value:<8}  "
        start = lead + places[gap.node]
        if width is None:
            rows.append((start + _message(gap), gap.severity))
        elif width - len(start) >= MIN_MESSAGE:
            parts = _wrap(_message(gap), width - len(start))
            rows.append((start + parts[0], gap.severity))
            rows.extend((" " * len(start) + part, None) for part in parts[1:])
        else:
            rows.append((start.rstrip(), gap.severity))
            indent = " " * OWN_LINE_INDENT
            parts = _wrap(_message(gap), width - OWN_LINE_INDENT)
            rows.extend((indent + part, None) for part in parts)
    return rows


def left_out(covered: Sequence[Gap], below: int) -> list[str]:
    """What the profile did not show (the ``covered`` gaps, ``below`` the threshold), in one
    line each; nothing when it showed everything."""
    lines = []
    if covered:
        listed = ", ".join(f"{g.node} {g.code} by {g.covered_by}" for g in covered[:6])
        more = ", …" if len(covered) > 6 else ""
        lines.append(
            f"Not shown: {_plural(len(covered), 'detected gap')} that an annotated gap "
            f"on the same node covers ({listed}{more}); --all shows them."
        )
    if below:
        lines.append(
            f"Not shown: {_plural(below, 'gap')} below the severity threshold "
            "(--severity info or --all shows them)."
        )
    return lines


def text_report(
    results: Sequence[FileGaps], width: int | None = None
) -> list[tuple[str, Severity | None]]:
    """Every file's report (its name, its table, its summary, what was left out), then a total
    for several files; ``width`` wraps the messages (and notes) to fit."""
    lines: list[tuple[str, Severity | None]] = []
    for index, result in enumerate(results):
        if index:
            lines.append(("", None))
        lines.append((result.file, None))
        if result.gaps:
            lines.extend(text_rows(result.gaps, width))
        for line in [summary(result.gaps)] if width is None else _wrap(summary(result.gaps), width):
            lines.append((line, None))
        for note in left_out(result.covered, result.below):
            parts = [note] if width is None else _wrap(note, width)
            lines.extend((part, None) for part in parts)
    if len(results) > 1:
        every = [g for r in results for g in r.gaps]
        lines.append(("", None))
        lines.append((f"Total: {summary(every, f'{len(results)} files')}", None))
    return lines


def plain_text(results: Sequence[FileGaps], width: int | None = None) -> str:
    """The text report without colour (wrapped to ``width`` when given)."""
    return "\n".join(line for line, _ in text_report(results, width)) + "\n"


def json_report(results: Sequence[FileGaps]) -> str:
    """One flat JSON list of every gap of every file; each object names its ``file``."""
    # one object per line: readable, greppable, and json's fast C encoder (indent= is not)
    lines = [
        json.dumps(replace(g, file=r.file).to_dict(), ensure_ascii=False)
        for r in results
        for g in r.gaps
    ]
    if not lines:
        return "[]\n"
    return json_safe("[\n" + ",\n".join(lines) + "\n]\n")


def markdown_report(results: Sequence[FileGaps]) -> str:
    """A Markdown section per file: a table of its gaps and its summary line."""
    out: list[str] = []
    for result in results:
        out.append(f"## {escape(result.file)}\n")
        if result.gaps:
            out.append("| " + " | ".join(HEADINGS) + " |")
            out.append("|---|---|---|---|---|")
            for gap in result.gaps:
                cells = [f"`{gap.code}`", gap.severity.value, f"`{gap.node}`", _anchor(gap)]
                out.append("| " + " | ".join([*cells, escape(_message(gap))]) + " |")
            out.append("")
        out.append(summary(result.gaps) + "\n")
        out.extend(escape(note) + "\n" for note in left_out(result.covered, result.below))
    if len(results) > 1:
        every = [g for r in results for g in r.gaps]
        out.append(f"**Total:** {summary(every, f'{len(results)} files')}\n")
    return printable("\n".join(out))


def print_text(results: Sequence[FileGaps]) -> None:
    """Print the text report: plain when piped or NO_COLOR, else with the severities coloured."""
    if not sys.stdout.isatty():
        # the same test as views.console, without building a console: plain output skips
        # rich altogether, so 100,000 lines print in milliseconds
        sys.stdout.write(printable(plain_text(results)))
        return
    width = shutil.get_terminal_size().columns
    if os.environ.get("NO_COLOR"):
        sys.stdout.write(printable(plain_text(results, width)))
        return
    from rich.text import Text

    from argmap.views.console import console

    con = console()

    from argmap.views.terminal import SEVERITY_STYLES

    for line, severity in text_report(results, con.width):
        text = Text(line)
        if severity is not None:
            start = line.index(severity.value)
            text.stylize(SEVERITY_STYLES[severity], start, start + len(severity.value))
        con.print(text, soft_wrap=True)
