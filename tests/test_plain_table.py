"""The plain gap table draws the same lines as rich draws the same table (issue 17: show at
the pace of gaps): any cells, any width; cells it cannot draw itself go to rich."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from argmap.views.plain_table import PlainTable, wrap

WORDS = st.one_of(
    st.text(alphabet="abc-xyz¶·", min_size=1, max_size=30),
    st.sampled_from(["S001", "warning", "…", "T003", "ℹ", "世界", "\t", "\x1b"]),
)
CELLS = st.lists(WORDS, max_size=8).map(" ".join) | st.sampled_from(["", " ", "  a  b  "])
ROWS = st.lists(st.lists(CELLS, min_size=5, max_size=5), min_size=1, max_size=6)


def _draw(renderable: object, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return [line.rstrip(" ") for line in out.getvalue().split("\n")]


@settings(max_examples=300, deadline=None)
@given(ROWS, st.integers(min_value=20, max_value=140))
def test_the_plain_table_draws_what_rich_draws(rows: list[list[str]], width: int) -> None:
    table = PlainTable(("code", "severity", "node", "¶", "message"), rows)
    assert _draw(table, width) == _draw(table.rich_table(), width)


def test_plain_lines_are_drawn_without_rich_for_one_cell_characters() -> None:
    table = PlainTable(("code", "message"), [("S001", "s1: reason " * 20), ("T003", "x")])
    console = Console(file=io.StringIO(), width=60, color_system=None)
    lines = table.plain_lines(console, console.options)
    assert lines is not None and lines == _draw(table.rich_table(), 60)[:-1]
    # a wide character: rich measures it, so rich draws the table
    wide = PlainTable(("code", "message"), [("S001", "世界")])
    assert wide.plain_lines(console, console.options) is None


def test_wrap_folds_a_word_longer_than_the_line_as_rich_does() -> None:
    # the space after the folded word starts the next line, as in rich's divide_line
    assert wrap("ab abcdefgh c", 4) == ["ab", "abcd", "efgh", " c"]
