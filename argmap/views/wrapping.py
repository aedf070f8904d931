"""Hanging-indent wrapping for the teaching views: lines never end in padding spaces.

Rich wraps a :class:`~rich.text.Text` at the console width but cannot indent
its continuation lines, and tables pad every cell to the column width (so
piped output would end lines in spaces). These helpers wrap first, then
style.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

#: Holds a phrase together while wrapping (a private-use character, put back as a space).
KEEP = "\ue000"


def fill(text: str, width: int, first: str = "", indent: int = 0) -> str:
    """``text`` wrapped to ``width`` (never breaking words or at hyphens), later lines indented."""
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


def hanging(prefix: str, text: str, width: int, *, prefix_style: str = "", style: str = "") -> Text:
    """``prefix`` then ``text`` wrapped under itself; user text stays plain (never markup)."""
    from rich.text import Text

    wrapped = fill(text, width, prefix, len(prefix))
    out = Text(wrapped, style=style)
    if prefix_style:
        out.stylize(prefix_style, 0, len(prefix))
    return out
