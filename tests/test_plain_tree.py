"""``show``'s tree drawn by :class:`PlainTree` gives the bytes rich's Tree gives for the same
nodes (issue 17: ``show`` linear for any shape): plain, in colour (the same segments), at any
width, on the flagship map, the repository's maps, the shared corpus, generated shapes and
hostile text (markup-like, wide, joined, control characters, long words)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import CORPUS, FLAGSHIP, MAPS
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.text import Text

import argmap
from argmap.api import evaluate, gap_report
from argmap.model import ArgumentMap
from argmap.views.console import _safe_console_class, print_parts
from argmap.views.plain_tree import Indented, PlainTree, TextBuilder, wrap
from argmap.views.terminal import ShowOptions, show, with_evaluation

HOSTILE = """\
argmap: 1
conclusion:
  text: "[bold red]not bold[/] [link=file:///x]x[/link] :smile: 世界の平和と繁栄のためにこの議論は長く続く必要があります"
  quote: "引用 [i]quoted[/i] text that goes on and on and on to wrap under its node at some width"
  reasons:
    - text: "Ünïcödé ¶ · … ✗ ⚠ ℹ 👍🏽 👨‍👩‍👧 é (combining) and a tab\tin it"
      reasons:
        - text: "averyveryverylongwordthatcannotfitonanylineatallnomatterhowwideitwouldbeifitcouldbe x"
        - text: "control \\x1b[31m red \\x07 bell \\x08 back \\r cr and bidi \\u202e gnirts"
    - text: "plain words that wrap at a narrow width, ordinary text of a map"
      objections:
        - text: "   spaces   inside    and around   "
"""

WIDTHS = (100, 60, 37, 24)


def reference(renderable: RenderableType) -> RenderableType:
    """The same output made of rich's own parts: Trees for PlainTrees, Texts for builders."""
    if isinstance(renderable, PlainTree):
        tree = renderable.rich_tree()
        stack = [tree]
        while stack:
            node = stack.pop()
            node.label = reference(node.label)
            stack.extend(node.children)
        return tree
    if isinstance(renderable, TextBuilder):
        return renderable.text()
    if isinstance(renderable, Group):
        return Group(*(reference(part) for part in renderable.renderables))
    if isinstance(renderable, Indented):
        return Indented(reference(renderable.renderable), renderable.indent)
    return renderable


def _console(width: int, colour: bool) -> Console:
    """A console as argmap's (control characters shown), writing to a string."""
    return _safe_console_class()(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def drawn(renderable: RenderableType, width: int, *, colour: bool = False, fast: bool) -> str:
    console = _console(width, colour)
    if fast:
        print_parts(console, renderable)
    else:
        console.print(reference(renderable))
    out = console.file
    assert isinstance(out, io.StringIO)
    # rich numbers each terminal hyperlink as it draws it: the numbers are not the output's
    return re.sub(r"\x1b\]8;id=[0-9-]+;", "\x1b]8;id=N;", out.getvalue())


def views(argmap: ArgumentMap) -> list[RenderableType]:
    """``show``'s output with the default options, with ids and quotes, and with verdicts."""
    gaps = gap_report(argmap).gaps
    plain = ShowOptions()
    every = ShowOptions(quotes=True, ids=True, depth=3, max_children=2)
    judged = with_evaluation(ShowOptions(ids=True), evaluate(argmap), why=True)
    return [show(argmap, gaps, options) for options in (plain, every, judged)]


def same(argmap: ArgumentMap, widths: tuple[int, ...] = WIDTHS) -> None:
    """The same bytes at each width, and in colour at the first."""
    for view in views(argmap):
        for width in widths:
            assert drawn(view, width, fast=True) == drawn(view, width, fast=False)
        width = widths[0]
        assert drawn(view, width, colour=True, fast=True) == drawn(
            view, width, colour=True, fast=False
        )


def test_hostile_text_is_drawn_as_rich_draws_it(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    m = argmap.load(path)
    same(m, (100, 60, 37, 24, 12, 5))
    for view in views(m):
        for width in (60, 12):
            assert drawn(view, width, colour=True, fast=True) == drawn(
                view, width, colour=True, fast=False
            )
    out = drawn(views(m)[0], 100, fast=True)
    assert "[bold red]not bold[/]" in out and "世界" in out


def test_the_flagship_and_the_maps_are_drawn_as_rich_draws_them() -> None:
    for path in sorted({FLAGSHIP, *MAPS.glob("*.yaml")}):
        same(argmap.load(path))


@pytest.mark.parametrize("shape", ["random", "fan", "chain", "bushy"])
def test_generated_shapes_are_drawn_as_rich_draws_them(shape: str) -> None:
    from bench.generate import generate

    same(generate(150, shape=shape), (100, 41))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not there")
def test_the_corpus_is_drawn_as_rich_draws_it() -> None:
    files = sorted((CORPUS / "aif").glob("*.json"))
    files += sorted((CORPUS / "argdown").glob("*.argdown"))
    files += sorted((CORPUS / "microtexts").glob("*.xml"))[:6]
    shown = 0
    for path in files:
        try:
            m = argmap.load(path)
        except Exception:  # noqa: BLE001 - files argmap refuses are another test's business
            continue
        same(m, (100, 47))
        shown += 1
    assert shown >= 15


def test_colour_gives_the_segments_of_rich_tree() -> None:
    view = views(argmap.load(FLAGSHIP))[1]
    assert isinstance(view, Group)
    tree = view.renderables[0]
    assert isinstance(tree, PlainTree)
    console = _console(80, colour=True)
    mine = list(console.render(tree, console.options))
    theirs = list(console.render(reference(tree), console.options))
    assert mine == theirs
    assert any(segment.style is not None and segment.style.color for segment in mine)


def test_the_plain_lines_skip_rich_but_a_label_rich_must_lay_out_is_laid_out_by_rich() -> None:
    top = PlainTree(Text("top"))
    child = top.add(TextBuilder("● reason: ", "cyan"))
    child.add(Text("世界 " * 30))
    console = _console(40, colour=False)
    lines = top.plain_lines(console, console.options)
    assert lines is not None and lines[:2] == ["top", "└── ● reason: "]
    assert lines[2].startswith("    └── 世界")
    # a tree too deep to leave its labels a column is drawn by rich, cropped by rich's print
    deep = PlainTree(Text("0"))
    node = deep
    for n in range(12):
        node = node.add(Text(str(n)))
    assert deep.plain_lines(console, console.options) is None
    assert drawn(deep, 40, fast=True) == drawn(deep, 40, fast=False)


def test_a_builder_makes_the_text_appends_make() -> None:
    built = TextBuilder("● ", "cyan")
    text = Text("● ", style="cyan")
    for piece, style in (("a\x07b", "bold"), ("", "red"), ("plain", ""), ("c\rd", "dim")):
        built.append(piece, style)
        text.append(piece, style)
    assert built.text() == text and built.text().spans == text.spans


SIMPLE = st.text(alphabet=st.sampled_from("ab c-.¶·xyz  "), max_size=80)


@settings(max_examples=400, deadline=None)
@given(SIMPLE, st.integers(min_value=1, max_value=30))
def test_wrap_is_rich_wrap(text: str, width: int) -> None:
    console = _console(100, colour=False)
    lines = Text(text).wrap(console, width, justify="default", overflow="fold")
    assert wrap(text, width) == [line.plain for line in lines]
