"""Rendering: the map and its findings through the Graphviz view and an engine to a picture.

This is the pipeline behind ``argmap render`` and :func:`argmap.render`,
as pure functions of (map, findings, options): the DOT view is built
(:mod:`argmap.views.dot`), an engine lays it out
(:mod:`argmap.views.engines`), and the format's writer finishes it (SVG
with the view's stylesheet, the HTML page of :mod:`argmap.views.html`).
The formats and what is derived from them live in one table,
:mod:`argmap.views.render_formats`. The findings (gaps, verdicts) come from
:func:`argmap.analysis.findings.findings`; writing files is the caller's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import FormatError, RenderError
from argmap.views.render_formats import EXTENSIONS, RENDER_FORMATS, Job, RenderFormat

if TYPE_CHECKING:
    from argmap.analysis.findings import Findings
    from argmap.model import ArgumentMap
    from argmap.views.dot import DotOptions

#: output formats; ``json`` is Graphviz's JSON layout, not the native map JSON
FORMATS = tuple(RENDER_FORMATS)


@dataclass(frozen=True)
class RenderOptions:
    """Everything that changes a rendered map, besides the map and the format.

    ``evaluate``, ``gaps``, ``select`` and ``ignore`` say which findings to
    gather (see :meth:`findings`); the rest say how to draw.
    """

    width: int = 30
    rankdir: str = "TB"
    theme: str = "default"
    legend: bool = False
    evaluate: bool = False
    gaps: bool = True
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()

    def dot_options(self) -> DotOptions:
        from argmap.views.dot import DotOptions

        return DotOptions(
            width=self.width, rankdir=self.rankdir, theme=self.theme, legend=self.legend
        )

    def findings(self, argmap: ArgumentMap, fmt: str = "svg") -> Findings:
        """The findings these options ask the picture to show.

        The HTML page is always evaluated, for its verdict and label filters;
        the picture is coloured by verdict only with ``evaluate``.
        """
        from argmap.analysis.findings import findings

        return findings(
            argmap,
            gaps=self.gaps,
            select=self.select,
            ignore=self.ignore,
            evaluate=self.evaluate or format_for("-", fmt) == "html",
        )


def format_for(output: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` when given, else from the file name; ``-`` alone means SVG."""
    if fmt is not None:
        chosen = fmt.lower()
        if chosen not in RENDER_FORMATS:
            raise FormatError(f"unknown render format {fmt!r}; use one of {', '.join(FORMATS)}")
        return chosen
    if str(output) == "-":
        return "svg"
    suffix = Path(output).suffix.lower()
    if suffix not in EXTENSIONS:
        raise FormatError(
            f"{output}: cannot tell the format from the name; end it with "
            f"{', '.join(sorted(set(EXTENSIONS)))} or give --format {'|'.join(FORMATS)}"
        )
    return EXTENSIONS[suffix]


def check(fmt: str, engine: str = "auto") -> RenderFormat:
    """The format, once ``engine`` is known to make it: PNG/PDF without Graphviz and unknown
    engines are refused here, before any work."""
    from argmap.views.engines import ENGINES, choose_engine

    chosen = RENDER_FORMATS[format_for("-", fmt)]
    if chosen.layout is not None:
        choose_engine(engine, chosen.layout)
    elif engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return chosen


def dot_source(argmap: ArgumentMap, found: Findings, options: RenderOptions | None = None) -> str:
    """The DOT source of the map (gaps styled, verdicts coloured, as ``found`` has them)."""
    from argmap.views.dot import to_dot

    opts = options or RenderOptions()
    return to_dot(argmap, found.gaps, found.verdicts, opts.dot_options(), why=found.why)


def render(
    argmap: ArgumentMap,
    found: Findings,
    fmt: str = "svg",
    engine: str = "auto",
    options: RenderOptions | None = None,
) -> bytes:
    """The map rendered as ``fmt`` (see :data:`RENDER_FORMATS`) with ``found`` marked on it."""
    from argmap.views.dot import to_dot
    from argmap.views.engines import layout

    opts = options or RenderOptions()
    chosen = check(fmt, engine)
    dot_options = opts.dot_options()
    if not chosen.titled:
        dot_options = replace(dot_options, title=False)
    verdicts, why = (found.verdicts, found.why) if opts.evaluate else ({}, {})
    source = to_dot(argmap, found.gaps, verdicts, dot_options, why=why)

    def lay_out(graphviz_format: str) -> bytes:
        return layout(source, graphviz_format, engine)

    job = Job(argmap, found, source, dot_options, lay_out)
    return chosen.write(job)
