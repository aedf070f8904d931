"""argmap: argument maps for critical reading.

A small library API over a typed argument model::

    import argmap
    m = argmap.load("maps/iran-in-latin-america.yaml")
    for gap in argmap.find_gaps(m):
        print(gap.code, gap.message)

Only light modules are imported here; the heavy ones load when used.
"""

from argmap.api import (
    convert,
    dumps,
    evaluate,
    exercise,
    find_cues,
    find_gaps,
    gap_catalogue,
    grade,
    load,
    new_map,
    quiz,
    render,
    render_file,
    save,
    schema,
    stats,
    to_dot,
)
from argmap.errors import ArgmapError

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "__version__",
    "convert",
    "dumps",
    "evaluate",
    "exercise",
    "find_cues",
    "find_gaps",
    "gap_catalogue",
    "grade",
    "load",
    "new_map",
    "quiz",
    "render",
    "render_file",
    "save",
    "schema",
    "stats",
    "to_dot",
]
