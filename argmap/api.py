"""The library API: what the CLI calls, and what a Python user imports from ``argmap``.

Each function does one job over the model; heavy modules are imported
inside the functions so that ``import argmap`` stays light.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.base import Gap
    from argmap.model import ArgumentMap


def load(path: str | Path, fmt: str | None = None, *, conclusion: str | None = None) -> ArgumentMap:
    """Read a map file in any readable format (by ``fmt``, else by extension, else by content)."""
    from argmap.formats import read_map

    return read_map(path, fmt, conclusion=conclusion)


def dumps(argmap: ArgumentMap, fmt: str = "yaml") -> str:
    """The map as text in a writable format (``yaml``, ``json``, ...)."""
    from argmap.formats import dumps_map

    return dumps_map(argmap, fmt)


def save(argmap: ArgumentMap, path: str | Path, fmt: str | None = None) -> None:
    """Write the map to ``path`` atomically, in ``fmt`` or the format its extension names."""
    from argmap.formats import writable_for
    from argmap.io import write_output

    chosen = fmt or writable_for(path).name
    write_output(path, dumps(argmap, chosen))


def schema() -> dict[str, Any]:
    """The JSON Schema of the native map file."""
    from argmap.formats.schema import map_schema

    return map_schema()


def find_gaps(
    argmap: ArgumentMap,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Gap]:
    """Every gap in the map: annotated ones and (once rules exist) detected ones, filtered."""
    from argmap.analysis.base import annotated_gaps

    gaps = annotated_gaps(argmap)
    return [g for g in gaps if _selected(g, select, ignore)]


def _selected(gap: Gap, select: Sequence[str], ignore: Sequence[str]) -> bool:
    def hit(patterns: Sequence[str]) -> bool:
        return any(gap.code.startswith(p.upper()) or gap.name == p.lower() for p in patterns)

    if select and not hit(select):
        return False
    return not (ignore and hit(ignore))


# --- more API functions are added below, one block per feature --------------------------------

# [gaps api]

# [render api]

# [interchange api]

# [teaching api]

if TYPE_CHECKING:
    from argmap.teaching.cues import CueReport


def find_cues(text: str) -> CueReport:
    """Paragraphs of a raw text with their argument cues, and the ranked conclusion guess."""
    from argmap.teaching.cues import analyse

    return analyse(text)


def new_map(text_path: str | Path | None, map_path: str | Path) -> str:
    """A skeleton map (YAML with comments) for a student: drafted from ``text_path``, or blank.

    The text's path is written relative to ``map_path``; the result is checked to load.
    """
    import os

    from argmap.formats import native
    from argmap.formats._text import read_text
    from argmap.teaching.skeleton import blank_template, skeleton

    target = Path(map_path)
    if text_path is None:
        result = blank_template(title=None, text_path=None)
    else:
        text = read_text(text_path)
        base = target.parent if str(map_path) != "-" else Path(".")
        relative = os.path.relpath(Path(text_path).resolve(), base.resolve())
        result = skeleton(text, text_path=Path(relative).as_posix())
    native.read(target if str(map_path) != "-" else Path("new.yaml"), text=result)
    return result
