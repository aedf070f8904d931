"""argmap: argument maps for critical reading.

A small library API over a typed argument model::

    import argmap
    m = argmap.load("maps/iran-in-latin-america.yaml")
    for gap in argmap.find_gaps(m):
        print(gap.code, gap.message)

Only light modules are imported here; the heavy ones load when used.
"""

from argmap.api import dumps, find_gaps, load, render, render_file, save, schema, to_dot
from argmap.errors import ArgmapError

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "__version__",
    "dumps",
    "find_gaps",
    "load",
    "render",
    "render_file",
    "save",
    "schema",
    "to_dot",
]
