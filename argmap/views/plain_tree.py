"""A tree of labels drawn line by line as rich's :class:`rich.tree.Tree` draws it, fast.

``argmap show`` on a bushy map of 50,000 statements drew 50,000 tree nodes,
and rich's Tree sends every node through its whole renderable pipeline
(a styled wrapper, a render of its own per node, a style stack): about six
times what ``argmap gaps`` takes on the same map (issue 17). :class:`PlainTree`
keeps the same nodes and draws the guides itself, in one pass, linear in the
nodes and lines:

- plain output (no colour system: piped, or ``NO_COLOR``): a label whose
  characters rich measures one cell each is wrapped here as rich wraps a
  :class:`~rich.text.Text` (its ``divide_line``, then ``rstrip_end`` and
  ``truncate``); any other label (wide characters, controls, a renderable
  that is not text) is laid out by rich, that label alone, at the same width;
- colour: every label is laid out by rich (``render_lines``, as the Tree does),
  the guides are the Tree's segments with the Tree's styles.

A console that draws ASCII only gets rich's own Tree (:meth:`PlainTree.rich_tree`).
``tests/test_plain_tree.py`` checks both draw the same lines and segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import get_character_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from rich.tree import Tree

#: rich's guides (``Tree.TREE_GUIDES[0]``): below a last child, beside, a child, the last child
SPACE, CONTINUE, FORK, END = Tree.TREE_GUIDES[0]
#: rich's word: the word and the spaces after it (``rich._wrap.re_word``)
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING = re.compile(r"\s+$")
_OTHER_SPACE = re.compile(r"[^\S ]")
#: what rich joins to each guide's style (the Tree's ``remove_guide_styles``)
_GUIDE_POST = Style(bold=False, underline2=False)


#: characters found one cell wide so far (see :func:`simple`)
_ONE_CELL: set[str] = set()


def simple(text: str) -> bool:
    """Every character of ``text`` one cell wide as rich measures it, and none that joins its
    neighbours (then a cell is a character)."""
    if _ONE_CELL.issuperset(text):
        return True
    for char in set(text) - _ONE_CELL:
        if char in "\u200d\ufe0f" or get_character_cell_size(char) != 1:
            return False
        _ONE_CELL.add(char)
    return True


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one-cell characters, no newline, ``width`` >= 1) wrapped as rich wraps a Text
    with the default justify and overflow (fold): the same lines, trailing spaces and all."""
    if len(text) <= width:
        return [text]
    breaks = _short_words(text, width)
    if breaks is None:
        breaks = _breaks(text, width)
    lines = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[begin:end]
        if len(line) > width:  # Text.rstrip_end, then Text.truncate
            trailing = _TRAILING.search(line)
            if trailing is not None:
                line = line[: len(line) - min(len(trailing.group(0)), len(line) - width)]
            line = line[:width]
        lines.append(line)
    return lines


def _short_words(text: str, width: int) -> list[int] | None:
    """Where rich breaks ``text`` when its only spaces are " " and no word (the first with the
    spaces before it) is longer than ``width``: a word goes on the line when it ends within
    ``width`` of the line's start. ``None`` for any other text."""
    if _OTHER_SPACE.search(text) is not None:
        return None
    words = text.lstrip(" ").split(" ")
    if max(map(len, words)) + len(text) - len(text.lstrip(" ")) > width:
        return None
    end = len(text.rstrip(" "))
    breaks: list[int] = []
    begin = 0
    while end - begin > width:
        limit = begin + width
        if text[limit] == " ":  # the word before fits: the next one starts the next line
            begin = limit + len(text[limit:]) - len(text[limit:].lstrip(" "))
        else:  # the word across the limit starts the next line
            begin = text.rfind(" ", begin, limit) + 1
        breaks.append(begin)
    return breaks


def _breaks(text: str, width: int) -> list[int]:
    """Where rich breaks ``text`` (``rich._wrap.divide_line`` for one-cell characters)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than a line: folded, a line of ``width`` at a time
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


class TextBuilder:
    """A :class:`rich.text.Text` put together piece by piece, as ``Text(first, style)`` and then
    ``append(piece, style)`` build it, and made only when rich draws it (in colour, or a label
    :class:`PlainTree` cannot draw itself): building 50,000 Texts (rich cleans every piece of
    every one of them) was a good part of ``show`` on a 50,000-statement map. A renderable:
    rich draws it as that Text."""

    __slots__ = ("head", "pieces", "style")

    def __init__(self, text: str = "", style: str | Style = "") -> None:
        self.head = text
        self.style = style
        self.pieces: list[tuple[str, str | Style]] = []

    def append(self, text: str, style: str | Style = "") -> None:
        """Add ``text`` in ``style`` (a span of its own, as ``Text.append`` makes it)."""
        if text:
            self.pieces.append((text, style))

    @property
    def plain(self) -> str:
        """The text without its styles (before rich cleans it of control characters)."""
        return self.head + "".join(piece for piece, _ in self.pieces)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text())

    def text(self) -> Text:
        """The Text ``Text.append`` would have made."""
        plain = self.plain
        spans: list[Span] = []
        at = len(self.head)
        for piece, style in self.pieces:
            if style:
                spans.append(Span(at, at + len(piece), style))
            at += len(piece)
        text = Text(plain, style=self.style, spans=spans)
        if len(text.plain) == len(plain):
            return text
        # rich took control characters out of a piece: the spans after it move
        text = Text(self.head, style=self.style)
        for piece, style in self.pieces:
            text.append(piece, style)
        return text


class PlainTree:
    """A node of the tree: its label and its children (as :class:`rich.tree.Tree` has them,
    every guide drawn in ``guide_style``)."""

    __slots__ = ("children", "guide_style", "label")

    def __init__(self, label: RenderableType, *, guide_style: str = "dim") -> None:
        self.label = label
        self.guide_style = guide_style
        self.children: list[PlainTree] = []

    def add(self, label: RenderableType) -> PlainTree:
        """A new child, last so far."""
        child = PlainTree(label, guide_style=self.guide_style)
        self.children.append(child)
        return child

    def rich_tree(self) -> Tree:
        """The same tree as rich's Tree."""
        top = Tree(self.label, guide_style=self.guide_style)
        stack = [(top, self)]
        while stack:
            tree, node = stack.pop()
            for child in node.children:
                stack.append((tree.add(child.label), child))
        return top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        guide = console.get_style(self.guide_style)
        if options.ascii_only or options.legacy_windows or guide.bold or guide.underline2:
            yield self.rich_tree()  # other guide characters: rich's own
            return
        if console.color_system is None:
            for plain in self._plain(console, options):
                yield Segment(plain or "")
                yield Segment.line()
            return
        styled = {g: Segment(g, guide + _GUIDE_POST) for g in (SPACE, CONTINUE, FORK, END)}
        for prefix, node, width in self._nodes(options):
            for n, line in enumerate(_rich_lines(console, options, node.label, width)):
                for g in _below(prefix) if n else prefix:
                    yield styled[g]
                yield from line
                yield Segment.line()

    def plain_lines(self, console: Console, options: ConsoleOptions) -> list[str] | None:
        """The tree's lines as rich draws them with no colour (trailing spaces kept), each no
        wider than ``options.max_width``; ``None`` when rich must draw the tree."""
        if options.ascii_only or options.legacy_windows or console.color_system is not None:
            return None
        guide = console.get_style(self.guide_style)
        if guide.bold or guide.underline2:
            return None
        lines: list[str] = []
        for line in self._plain(console, options, whole=True):
            if line is None:
                return None
            lines.append(line)
        return lines

    def _plain(
        self, console: Console, options: ConsoleOptions, *, whole: bool = False
    ) -> Iterator[str | None]:
        """The plain lines; with ``whole``, ``None`` for a node too deep to leave its label a
        column (rich's print crops what rich draws there)."""
        for prefix, node, width in self._nodes(options):
            if whole and width < 1:
                yield None
                return
            lines = _plain_label(node.label, width)
            if lines is None:
                lines = [
                    "".join(segment.text for segment in line)
                    for line in _rich_lines(console, options, node.label, width)
                ]
            head = "".join(prefix)
            if len(lines) == 1:
                yield head + lines[0]
                continue
            below = "".join(_below(prefix))
            for n, line in enumerate(lines):
                yield (below if n else head) + line

    def _nodes(self, options: ConsoleOptions) -> Iterator[tuple[list[str], PlainTree, int]]:
        """Each node in drawing order, with the guides of its first line and its label's width."""
        # the guides above a node: per ancestor below the top, whether it was a last child
        stack: list[tuple[PlainTree, list[str]]] = [(self, [])]
        while stack:
            node, prefix = stack.pop()
            yield prefix, node, max(0, options.max_width - 4 * len(prefix))
            children = node.children
            if not children:
                continue
            above = _below(prefix)
            last = len(children) - 1
            stack.extend(
                (child, [*above, END if n == last else FORK])
                for n, child in zip(range(last, -1, -1), reversed(children), strict=True)
            )


def _below(prefix: list[str]) -> list[str]:
    """The guides of a node's further lines (and of its children's, above their own)."""
    if not prefix:
        return prefix
    return [*prefix[:-1], SPACE if prefix[-1] == END else CONTINUE]


def _rich_lines(
    console: Console, options: ConsoleOptions, label: RenderableType, width: int
) -> list[list[Segment]]:
    """The label's lines as rich's Tree lays them out at ``width``."""
    return console.render_lines(
        label, options.update(width=width, highlight=False, height=None), pad=False
    )


def _plain_label(label: RenderableType, width: int) -> list[str] | None:
    """The label's plain lines drawn here, or ``None`` when rich must lay it out."""
    if isinstance(label, TextBuilder | Text):
        if isinstance(label, Text) and (
            label.justify is not None
            or label.overflow is not None
            or label.no_wrap
            or label.end != "\n"
        ):
            return None
        plain = label.plain
        # a newline, a control character rich would take out or show as nothing: rich lays it out
        if width < 1 or not simple(plain):
            return None
        return wrap(plain, width)
    if isinstance(label, Group):
        lines: list[str] = []
        for part in label.renderables:
            drawn = _plain_label(part, width)
            if drawn is None:
                return None
            lines.extend(drawn)
        return lines
    if isinstance(label, Indented) and width > label.indent:
        # (narrower, rich sets the block in by more than the line has, and crops it)
        drawn = _plain_label(label.renderable, width - label.indent)
        return None if drawn is None else [" " * label.indent + line for line in drawn]
    return None


class Indented:
    """A renderable set in by ``indent`` columns as a block (wrapped lines keep the indent).

    Unlike rich's Padding it adds no trailing spaces, so piped output stays clean.
    """

    def __init__(self, renderable: RenderableType, indent: int) -> None:
        self.renderable = renderable
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - self.indent)
        lines = console.render_lines(self.renderable, options.update_width(width), pad=False)
        margin = Segment(" " * self.indent)
        for line in lines:
            yield margin
            yield from line
            yield Segment.line()
