"""Hanging-indent wrapping for the teaching views: lines never end in padding spaces.

Rich wraps a :class:`~rich.text.Text` at the console width but cannot indent
its continuation lines, and tables pad every cell to the column width (so
piped output would end lines in spaces). These helpers wrap first, then
style.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

#: Holds a phrase together while wrapping (a private-use character, put back as a space).
KEEP = "\ue000"


def fill(text: str, width: int, first: str = "", indent: int = 0) -> str:
    """``text`` wrapped to ``width`` (never breaking words or at hyphens), later lines indented."""
    if len(text) > LONG:
        return "\n".join(fill_lines(text, width, first, indent))
    words = " ".join(text.split())
    if words and len(first) + len(words) <= max(width, 40):
        # what textwrap gives for a line that fits, without its per-call cost (a text may
        # have 100,000 one-word paragraphs)
        return (first + words).replace(KEEP, " ")
    return textwrap.fill(
        words,
        width=max(width, 40),
        initial_indent=first,
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    ).replace(KEEP, " ")


#: Texts longer than this are wrapped by :func:`fill_lines` (textwrap holds several copies of its
#: text as lists of chunks: hundreds of megabytes for a paragraph that is a 10 MB line).
LONG = 20_000
_WORD = re.compile(r"\S+")


def fill_lines(text: str, width: int, first: str = "", indent: int = 0) -> Iterator[str]:
    """The lines of :func:`fill`, one at a time, for a long text (a paragraph that is a 10 MB
    line): word by word, as textwrap would wrap it, never the whole text in lists of chunks."""
    width = max(width, 40)
    later = " " * indent
    line: list[str] = []
    lead = first
    size = len(lead)
    for match in _WORD.finditer(text):  # the words, however they are spaced
        word = match.group()
        if line and size + 1 + len(word) > width:
            yield (lead + " ".join(line)).replace(KEEP, " ")
            line, lead = [], later
            size = len(lead)
        size += len(word) + (1 if line else 0)
        line.append(word)
    if line:
        yield (lead + " ".join(line)).replace(KEEP, " ")


def hanging(prefix: str, text: str, width: int, *, prefix_style: str = "", style: str = "") -> Text:
    """``prefix`` then ``text`` wrapped under itself; user text stays plain (never markup)."""
    from rich.text import Text

    wrapped = fill(text, width, prefix, len(prefix))
    out = Text(wrapped, style=style)
    if prefix_style:
        out.stylize(prefix_style, 0, len(prefix))
    return out
