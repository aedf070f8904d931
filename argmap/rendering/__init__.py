"""Rendering: the map through the Graphviz view and an engine to SVG, PNG, PDF, DOT, JSON or HTML.

This is the pipeline behind ``argmap render`` and :func:`argmap.render`:
gaps (and, on request, evaluation verdicts) are gathered, the DOT view is
built (:mod:`argmap.views.dot`), an engine lays it out
(:mod:`argmap.rendering.engines`), and SVG is finished with the view's
stylesheet or wrapped into the HTML page (:mod:`argmap.views.html`).
Writing is atomic: a failed render never touches the output file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import FormatError, RenderError

if TYPE_CHECKING:
    from argmap.analysis.base import Gap
    from argmap.model import ArgumentMap
    from argmap.views.dot import DotOptions

#: output formats; ``json`` is Graphviz's JSON layout, not the native map JSON
FORMATS = ("svg", "png", "pdf", "dot", "json", "html")
EXTENSIONS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True)
class RenderOptions:
    """Everything that changes a rendered map, besides the map and the format."""

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


def format_for(output: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` when given, else from the file name; ``-`` alone means SVG."""
    if fmt is not None:
        chosen = fmt.lower()
        if chosen not in FORMATS:
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


@dataclass(frozen=True)
class Findings:
    """What the analysis says about the map, for the picture: gaps and, on request, verdicts."""

    gaps: list[Gap]
    verdicts: dict[str, str]
    #: one line per statement saying why it has its verdict
    why: dict[str, str]


def findings(argmap: ArgumentMap, options: RenderOptions) -> Findings:
    """The gaps to style and, with ``evaluate``, each statement's verdict and why."""
    gaps: list[Gap] = []
    if options.gaps:
        from argmap.api import find_gaps

        gaps = find_gaps(argmap, select=options.select, ignore=options.ignore)
    verdicts: dict[str, str] = {}
    why: dict[str, str] = {}
    if options.evaluate:
        from argmap.analysis.evaluate import evaluate

        evaluation = evaluate(argmap)
        verdicts = {s: v for s, v in evaluation.verdicts.items() if s in argmap.statements}
        why = {s: evaluation.why(s) for s in verdicts}
    return Findings(gaps, verdicts, why)


def dot_source(argmap: ArgumentMap, options: RenderOptions | None = None) -> str:
    """The DOT source of the map (gaps styled, verdicts coloured as the options say)."""
    from argmap.views.dot import to_dot

    opts = options or RenderOptions()
    found = findings(argmap, opts)
    return to_dot(argmap, found.gaps, found.verdicts, opts.dot_options(), why=found.why)


def render(
    argmap: ArgumentMap,
    fmt: str = "svg",
    engine: str = "auto",
    options: RenderOptions | None = None,
) -> bytes:
    """The map rendered as ``fmt``: svg, png, pdf, dot (the source), json (Graphviz) or html."""
    from argmap.rendering.engines import ENGINES, choose_engine, layout
    from argmap.views.dot import style_svg, to_dot

    opts = options or RenderOptions()
    chosen = format_for("-", fmt)
    dot_options = opts.dot_options()
    if chosen == "html":
        dot_options = replace(dot_options, title=False)  # the page's header has the title
    if chosen != "dot":
        # refuse PNG/PDF without Graphviz (and bad engines) before doing any work
        choose_engine(engine, "svg" if chosen == "html" else chosen)
    elif engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    found = findings(argmap, opts)
    source = to_dot(argmap, found.gaps, found.verdicts, dot_options, why=found.why)
    if chosen == "dot":
        return source.encode("utf-8")
    if chosen in ("svg", "html"):
        svg = style_svg(layout(source, "svg", engine), dot_options.theme)
        if chosen == "svg":
            return svg
        from argmap.views.html import page

        html = page(argmap, svg.decode("utf-8"), found.gaps, found.verdicts, found.why)
        return html.encode("utf-8", errors="replace")  # a lone surrogate from a JSON map
    return layout(source, chosen, engine)


def render_file(
    argmap: ArgumentMap,
    output: str | Path,
    fmt: str | None = None,
    engine: str = "auto",
    options: RenderOptions | None = None,
) -> str:
    """Render to ``output`` (``-`` is stdout) atomically; returns the format written."""
    from argmap.io import check_output, write_output

    chosen = format_for(output, fmt)
    if str(output) != "-":
        check_output(output)  # before any rendering
    data = render(argmap, chosen, engine, options)
    write_output(output, data)
    return chosen
