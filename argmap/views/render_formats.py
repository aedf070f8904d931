"""The one table of render formats: names, file extensions, engines and the writer of each.

Everything else is derived from :data:`RENDER_FORMATS`: the file
extensions :func:`argmap.views.render.format_for` knows, what each engine
in :mod:`argmap.views.engines` can lay out, and the ``--format`` choices
of ``argmap render``. Adding a render format is one entry here plus its
writer (a function of the :class:`Job`). This module is light (the CLI
imports it to build its choices: named tuples, which are quicker to make
than dataclasses); writers import their views when called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from argmap.analysis.findings import Findings
    from argmap.model import ArgumentMap
    from argmap.views.dot import DotOptions


class Job(NamedTuple):
    """One render in progress, handed to a format's writer."""

    argmap: ArgumentMap
    found: Findings
    #: the DOT source of the map
    source: str
    dot_options: DotOptions
    #: lays ``source`` out in a Graphviz output format with the chosen engine
    layout: Callable[[str], bytes]
    #: live preview of the HTML page: (script to poll, this build)
    live: tuple[str, str] | None = None
    #: the tooltips kept out of ``source``, for the SVG's titles (``to_dot``'s ``titles``)
    titles: list[str] | None = None


class RenderFormat(NamedTuple):
    """One output of ``argmap render``."""

    name: str
    extensions: tuple[str, ...]
    #: what Graphviz is asked for (``None``: no layout, the DOT source itself)
    layout: str | None
    #: the engines that can make it
    engines: tuple[str, ...]
    #: how ``--format``'s help names it, after its name (empty: the name alone)
    summary: str
    write: Callable[[Job], bytes]
    #: the picture carries the map's title (not when a page around it does)
    titled: bool = True


def _source(job: Job) -> bytes:
    return job.source.encode("utf-8")


def _laid_out(name: str) -> Callable[[Job], bytes]:
    def write(job: Job) -> bytes:
        return job.layout(name)

    return write


def _svg(job: Job) -> bytes:
    from argmap.views.dot import style_svg

    return style_svg(job.layout("svg"), job.dot_options.theme, job.dot_options.layout, job.titles)


def _html(job: Job) -> bytes:
    from argmap.views.html import page

    svg = _svg(job).decode("utf-8")
    found = job.found
    html = page(
        job.argmap,
        svg,
        found.gaps,
        found.verdicts,
        found.why,
        labels=found.labels,
        theme=job.dot_options.theme,
        live=job.live,
    )
    return html.encode("utf-8", errors="replace")  # a lone surrogate from a JSON map


_BOTH = ("dot", "wasm")

#: every render format, in the order ``--format`` lists them
RENDER_FORMATS: dict[str, RenderFormat] = {
    f.name: f
    for f in (
        RenderFormat("svg", (".svg",), "svg", _BOTH, "", _svg),
        RenderFormat("png", (".png",), "png", ("dot",), "", _laid_out("png")),
        RenderFormat("pdf", (".pdf",), "pdf", ("dot",), "", _laid_out("pdf")),
        RenderFormat("dot", (".dot", ".gv"), None, (), "the DOT source", _source),
        RenderFormat("json", (".json",), "json", _BOTH, "Graphviz's layout", _laid_out("json")),
        RenderFormat(
            "html", (".html", ".htm"), "svg", _BOTH, "a self-contained page", _html, titled=False
        ),
    )
}

#: file extension -> format name
EXTENSIONS: dict[str, str] = {ext: f.name for f in RENDER_FORMATS.values() for ext in f.extensions}


def engine_formats(engine: str) -> tuple[str, ...]:
    """The Graphviz output formats ``engine`` (``dot`` or ``wasm``) is asked to lay out."""
    found = (f.layout for f in RENDER_FORMATS.values() if f.layout and engine in f.engines)
    return tuple(dict.fromkeys(found))


def made_by(engine: str) -> str:
    """The render formats ``engine`` can make, for messages: ``SVG, JSON and HTML``."""
    names = [f.name.upper() for f in RENDER_FORMATS.values() if engine in f.engines]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def format_help() -> str:
    """``--format``'s help: ``svg, png, ..., dot (the DOT source), ... or html (...)``."""
    named = [f.name + (f" ({f.summary})" if f.summary else "") for f in RENDER_FORMATS.values()]
    return ", ".join(named[:-1]) + " or " + named[-1] + "."
