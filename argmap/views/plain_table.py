"""A rich table written as plain lines, fast, for the long gap table of ``argmap show`` when piped.

Rich lays out every cell of a :class:`rich.table.Table` through its whole
segment pipeline: right for colour, and about 0.3 ms a row, so a map with
30,000 gaps spent most of ``show`` there. When the console is plain (no
colour system: piped, or ``NO_COLOR``) and every cell holds only characters
one cell wide, :class:`PlainTable` writes the same lines itself: the column
widths come from rich (a table of the widest cells only, rendered by rich),
the rows are cut as rich cuts them (no-wrap cells end in "…", the last
column folds, words wrap as in ``rich._wrap.divide_line``). Anything else
(colour, other characters, a console without Unicode box characters) goes
to rich as before. ``tests/test_plain_table.py`` checks both give the same
lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

#: Characters rich measures as one cell each (it measures them so in its own fast path too).
_ONE_CELL = frozenset(
    chr(c)
    for start, end in ((0x21, 0x7E), (0xA1, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC))
    for c in range(start, end + 1)
) | {" "}
_WORD = re.compile(r"\s*\S+\s*")


def _simple(text: str) -> bool:
    return _ONE_CELL.issuperset(text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one-cell characters, spaces only) folded to ``width`` as rich wraps it."""
    lines: list[str] = []
    line = ""
    for word in _WORD.findall(text):
        bare = word.rstrip()
        if len(line) + len(bare) <= width:
            line += word
        elif len(bare) > width:  # longer than a line: folded
            if line:
                lines.append(line)
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            lines.extend(pieces[:-1])
            line = pieces[-1]
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return [piece.rstrip(" ") for piece in lines]


class PlainTable:
    """A table of ``headings`` and ``rows`` of plain text: the last column folds, the others
    do not wrap (see the module docstring). ``styles`` give each column's cell style."""

    def __init__(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        styles: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self.headings = list(headings)
        self.rows = rows
        self.styles = styles

    def rich_table(self, rows: Sequence[int] | None = None) -> Table:
        """The rich table (of the rows at ``rows``; all of them by default)."""
        table = Table(show_lines=False, expand=False, header_style="bold")
        last = len(self.headings) - 1
        for k, heading in enumerate(self.headings):
            table.add_column(
                heading, no_wrap=k < last, overflow="fold" if k == last else "ellipsis"
            )
        for n in range(len(self.rows)) if rows is None else rows:
            style = self.styles[n] if self.styles else None
            table.add_row(
                *(
                    Text(cell, style=style[k] if style else "")
                    for k, cell in enumerate(self.rows[n])
                )
            )
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = None
        if console.color_system is None and not options.ascii_only:
            lines = self.plain_lines(console, options)
        if lines is None:
            yield self.rich_table()
            return
        for line in lines:
            yield Segment(line)
            yield Segment.line()

    def _widest(self) -> list[int]:
        """The rows holding, per column, the longest word and the longest cell."""
        chosen: set[int] = set()
        for k in range(len(self.headings)):
            longest = max(range(len(self.rows)), key=lambda n: len(self.rows[n][k]))
            word = max(
                range(len(self.rows)),
                key=lambda n: max((len(w) for w in self.rows[n][k].split()), default=0),
            )
            chosen.update((longest, word))
        return sorted(chosen)

    def plain_lines(self, console: Console, options: ConsoleOptions) -> list[str] | None:
        """The table's lines as rich draws them plain, or ``None`` when rich must draw it."""
        if not self.rows or not all(_simple(cell) for row in self.rows for cell in row):
            return None
        if not all(_simple(h) for h in self.headings):
            return None
        # the widths rich gives the columns depend only on the widest cells: let rich lay out
        # a table of those rows, and check the lines below draw it the same
        sample = self._widest()
        drawn = [
            "".join(segment.text for segment in line).rstrip(" ")
            for line in console.render_lines(self.rich_table(sample), options, pad=False)
        ]
        top = drawn[0]
        if not (top.startswith("┏") and top.endswith("┓")):
            return None
        widths = [len(part) for part in top[1:-1].split("┳")]
        if len(widths) != len(self.headings) or min(widths) < 3:
            return None
        mine = self._draw(widths, [self.rows[n] for n in sample])
        if mine != drawn:
            return None
        return self._draw(widths, self.rows)

    def _draw(self, widths: list[int], rows: Sequence[Sequence[str]]) -> list[str]:
        out = ["┏" + "┳".join("━" * w for w in widths) + "┓"]
        out.extend(self._row(widths, self.headings, "┃"))
        out.append("┡" + "╇".join("━" * w for w in widths) + "┩")
        for row in rows:
            out.extend(self._row(widths, row, "│"))
        out.append("└" + "┴".join("─" * w for w in widths) + "┘")
        return out

    @staticmethod
    def _row(widths: list[int], cells: Sequence[str], bar: str) -> list[str]:
        last = len(widths) - 1
        firsts: list[str] = []
        for k, cell in enumerate(cells[:last]):
            room = widths[k] - 2
            text = cell if len(cell) <= room else cell[: room - 1] + "…"
            firsts.append(f" {text:<{room}} ")
        room = widths[last] - 2
        folded = wrap(cells[last], room)
        lines = [bar + bar.join(firsts) + bar + f" {folded[0]:<{room}} " + bar]
        blank = bar + bar.join(" " * widths[k] for k in range(last)) + bar
        lines.extend(f"{blank} {part:<{room}} {bar}" for part in folded[1:])
        return [line.rstrip(" ") for line in lines]
