"""Quotes and anchors checked against the map's source text, when the source can be read.

A quote is looked up in the paragraphs its statement is anchored at, with
typographic quotes, dashes and spaces read as their plain forms and an
elision ("...") standing for any words; an anchor beyond the text's last
paragraph is reported too. Each finding is a located warning, never an
error: the map still loads.
"""

from __future__ import annotations

import re

from argmap.model import ArgumentMap

#: Typographic characters read as their plain forms when a quote is looked up in the text.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026|\[\s*\.\.\.\s*\])\s*")


def plain(text: str) -> str:
    """Text as a quote is compared with the source: quotes, dashes and spaces made plain,
    spaces around dashes and runs of spaces made one, case folded."""
    flat = " ".join(text.translate(_PLAIN).split())
    return re.sub(r"\s*-\s*", "-", flat).casefold()


def quote_found(quote: str, passage: str) -> bool:
    """Whether ``quote`` occurs in ``passage`` (an elision "..." may stand for any words)."""
    return _quote_in(quote, plain(passage))


def _quote_in(quote: str, text: str) -> bool:
    """:func:`quote_found` in a passage made :func:`plain` already."""
    start = 0
    for part in _ELLIPSIS.split(quote):
        piece = plain(part).strip(" \"'")
        if not piece:
            continue
        found = text.find(piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return True


def text_warnings(argmap: ArgumentMap) -> list[str]:
    """Anchors beyond the source text's paragraphs, and quotes not in the paragraphs they cite
    (only when the map's source text could be read): one located warning each."""
    paragraphs = argmap.paragraphs()
    if not paragraphs:
        return []
    out: list[str] = []
    count = len(paragraphs)
    # each passage made plain once: many statements quote one long paragraph
    plain_passages: dict[tuple[int, ...], str] = {}
    for statement in argmap.statements.values():
        where = str(statement.origin) if statement.origin is not None else statement.id
        beyond = [n for n in statement.anchors if n > count]
        if beyond:
            out.append(
                f"warning: {where}: {statement.id} is anchored at ¶{beyond[0]}, beyond the "
                f"source text's {count} paragraphs"
            )
        if not statement.quote:
            continue
        cited = tuple(n for n in statement.anchors if n <= count)
        passage = plain_passages.get(cited)
        if passage is None:
            chosen = [paragraphs[n - 1] for n in cited] if cited else paragraphs
            passage = plain_passages[cited] = plain("\n".join(chosen))
        if not _quote_in(statement.quote, passage):
            place = f"¶{statement.at}" if cited else "the source text"
            out.append(
                f"warning: {where}: the quote of {statement.id} does not occur in {place}: "
                f'"{statement.quote[:60]}"'
            )
    return out
