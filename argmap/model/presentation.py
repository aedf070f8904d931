"""What a map says about its own presentation: sections, tag colours, argument titles, links.

Formats keep these in ``meta`` (Argdown's headings, tag colours, argument
names and link targets; see docs/argdown.md), in plain keys a native map
can use too:

- ``map.meta["sections"]``: a list of ``{title, level, parent?, statements: [ids]}``;
- ``map.meta["tag_colors"]``: ``{tag: "#rrggbb"}``; a statement's ``meta.color`` wins;
- ``inference.meta["argdown"]["argument"]`` / ``["description"]``: the argument
  an inference was read as, and what its author said about it;
- ``statement.meta["links"]``: ``[{text, url, start}]``, a link's place in the text.

The helpers here read those keys defensively (the meta is user data) and
return plain values for the views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.model.graph import ArgumentMap
from argmap.model.nodes import Inference, Statement

_RE_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass
class Section:
    """A heading of the map's file and the statements defined under it (not under a child)."""

    title: str
    level: int
    statements: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


def sections(argmap: ArgumentMap) -> list[Section]:
    """The map's sections as a forest, top-level first; statement ids not in the map dropped."""
    raw = argmap.meta.get("sections")
    if not isinstance(raw, list):
        return []
    roots: list[Section] = []
    stack: list[Section] = []
    seen: set[str] = set()
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            continue
        level = entry.get("level")
        level = level if isinstance(level, int) and not isinstance(level, bool) else 1
        ids = entry.get("statements")
        members = []
        for sid in ids if isinstance(ids, list) else []:
            if isinstance(sid, str) and sid in argmap.statements and sid not in seen:
                seen.add(sid)
                members.append(sid)
        section = Section(entry["title"], level, members)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots


def colour(value: Any) -> str | None:
    """``value`` when it is a colour Graphviz and browsers both read (``#rgb``, ``#rrggbb``)."""
    return value if isinstance(value, str) and _RE_COLOUR.fullmatch(value) else None


def statement_colour(argmap: ArgumentMap, statement: Statement) -> str | None:
    """The colour the map gives a statement: its own ``meta.color``, else its first coloured tag.

    A map read from Argdown names, in ``meta.statement_colors``, the statements
    Argdown colours otherwise (by title, by a tag's priority, a colour index).
    """
    chosen = argmap.meta.get("statement_colors")
    if isinstance(chosen, dict) and statement.id in chosen:
        return colour(chosen[statement.id])
    if "color" in statement.meta:  # its own colour, as Argdown's data.color (or none)
        return colour(statement.meta["color"])
    colours = argmap.meta.get("tag_colors")
    if not isinstance(colours, dict):
        return None
    for tag in statement.tags:
        found = colour(colours.get(tag))
        if found is not None:
            return found
    return None


def argument_title(inference: Inference) -> str | None:
    """The name of the argument an inference was read as (Argdown's ``<Title>``), if any."""
    info = inference.meta.get("argdown")
    if not isinstance(info, dict) or info.get("anonymous"):
        return None
    name = info.get("argument")
    return name if isinstance(name, str) and name.strip() else None


def node_title(statement: Statement) -> str | None:
    """An argument drawn as a node (Argdown's ``<Title>: description``): ``<Title>``.

    None when it is no such node, or when its text is only its title.
    """
    if statement.meta.get("argdown") == "argument" and statement.title:
        if statement.title != statement.text:
            return f"<{statement.title}>"
    return None


def argument_description(inference: Inference) -> str | None:
    """What the author said about the argument an inference belongs to, if anything."""
    info = inference.meta.get("argdown")
    text = info.get("description") if isinstance(info, dict) else None
    return text if isinstance(text, str) and text.strip() else None


def links(statement: Statement) -> list[tuple[int, int, str]]:
    """The statement's links as ``(start, end, url)`` in its text, in order, none overlapping.

    A link whose text no longer stands at its place (the text was edited) is left out.
    """
    return text_links(statement.text, statement.meta.get("links"))


def text_links(text: str, raw: Any, of: int | None = None) -> list[tuple[int, int, str]]:
    """The links of ``text`` among ``raw`` (a ``meta.links`` list); ``of``: of ``meta.texts[of]``."""
    if not isinstance(raw, list):
        return []
    found: list[tuple[int, int, str]] = []
    end = 0
    for entry in raw:
        if not isinstance(entry, dict) or entry.get("of") != of:
            continue
        start, words, url = entry.get("start"), entry.get("text"), entry.get("url")
        if not (isinstance(start, int) and isinstance(words, str) and isinstance(url, str)):
            continue
        if isinstance(start, bool) or start < end or not words or not url:
            continue
        if text[start : start + len(words)] != words:
            continue
        found.append((start, start + len(words), url))
        end = start + len(words)
    return found
