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

from argmap.errors import FormatError, RenderError, UsageError
from argmap.views.render_formats import EXTENSIONS, RENDER_FORMATS, Job, RenderFormat

if TYPE_CHECKING:
    from argmap.analysis.findings import Findings
    from argmap.model import ArgumentMap
    from argmap.model.parts import Part
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
    #: ``default`` or ``slide`` (large type and short labels for a 16:9 page)
    layout: str = "default"
    #: draw only this statement and what is under it
    focus: str | None = None
    #: draw this many levels below the top box; deeper branches end in "+k more"
    depth: int | None = None
    #: one picture per main reason (see :func:`render_parts`)
    split: bool = False
    #: ``argmap watch``: the HTML page reloads itself when this script (beside it) names
    #: another build than the second string
    live: tuple[str, str] | None = None
    #: flag gaps of this severity and above (None: the default profile)
    severity: str | None = None
    #: flag every gap, the whole catalogue
    everything: bool = False
    #: lay out a large map fully too (slow: see :func:`argmap.views.dot.quick_layout`)
    full_layout: bool = False

    def dot_options(self) -> DotOptions:
        from argmap.views.dot import DotOptions

        return DotOptions(
            width=self.width,
            rankdir=self.rankdir,
            theme=self.theme,
            legend=self.legend,
            layout=self.layout,
            full_layout=self.full_layout,
        )

    def quick_layout_notice(self, argmap: ArgumentMap) -> str | None:
        """The one line that says a large map got the capped layout, or ``None``."""
        from argmap.views.dot import LARGE_PIVOTS, quick_layout

        if not quick_layout(len(argmap.statements), self.full_layout):
            return None  # no part is larger than the whole
        largest = max(len(piece.argmap.statements) for piece in self.parts(argmap))
        if not quick_layout(largest, self.full_layout):
            return None
        return (
            f"{largest:,} statements: a quicker layout (Graphviz's positioning capped at "
            f"{LARGE_PIVOTS:,} steps, so edges run longer); --full-layout for the full one"
        )

    def parts(self, argmap: ArgumentMap) -> list[Part]:
        """The parts of the map these options draw: the whole map, or its focus, split per
        main reason, cut at ``depth``."""
        from argmap.model import parts

        whole = parts.focus(argmap, self.focus) if self.focus else parts.Part(argmap)
        pieces = parts.split(whole.argmap) if self.split else [whole]
        if self.depth is None:
            return pieces
        cut = []
        for piece in pieces:
            shallow = parts.depth(piece.argmap, self.depth)
            more = dict(piece.more)
            for sid, count in shallow.more.items():
                # what the split left out below a statement is counted there already
                more[sid] = more.get(sid, 0) + count if sid not in piece.more else more[sid]
            more = {sid: n for sid, n in more.items() if sid in shallow.argmap.statements}
            cut.append(replace(shallow, more=more, title=piece.title))
        return cut

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
            severity=self.severity,
            everything=self.everything,
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


def prepare(output: str | Path, fmt: str | None = None, engine: str = "auto") -> None:
    """Start loading the embedded Graphviz when a render to ``output`` will use it.

    Never fails: a bad name, format or engine is reported by the render itself.
    """
    from argmap.views.engines import choose_engine, load_soon

    try:
        layout = RENDER_FORMATS[format_for(output, fmt)].layout
        if layout is not None and choose_engine(engine, layout) == "wasm":
            load_soon()
    except (FormatError, RenderError):
        pass


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
    """The map rendered as ``fmt`` (see :data:`RENDER_FORMATS`) with ``found`` marked on it.

    With ``focus`` or ``depth``, the part of the map they keep; a ``split``
    map is several pictures (:func:`render_parts`).
    """
    opts = options or RenderOptions()
    pieces = opts.parts(argmap)
    if len(pieces) != 1:
        raise UsageError("a split map is one picture per main reason: write them to files")
    return render_part(pieces[0], found, fmt, engine, opts)


def render_parts(
    argmap: ArgumentMap,
    found: Findings,
    fmt: str = "svg",
    engine: str = "auto",
    options: RenderOptions | None = None,
) -> list[bytes]:
    """Each part of the map the options ask for (see :meth:`RenderOptions.parts`), rendered."""
    opts = options or RenderOptions()
    return [render_part(piece, found, fmt, engine, opts) for piece in opts.parts(argmap)]


#: the formats whose split parts are the pages of one file (:mod:`argmap.views.pages`)
PAGED = ("pdf", "html")


def render_pages(
    argmap: ArgumentMap,
    found: Findings,
    fmt: str,
    engine: str = "auto",
    options: RenderOptions | None = None,
) -> bytes:
    """The parts of the map (see :meth:`RenderOptions.parts`) as the pages of one PDF or
    HTML file (``fmt`` in :data:`PAGED`), each titled."""
    from argmap.views import pages

    opts = options or RenderOptions()
    pieces = opts.parts(argmap)
    if fmt == "pdf":
        pictures = [render_part(piece, found, "pdf", engine, opts) for piece in pieces]
        titles = [piece.title or argmap.title or "Argument map" for piece in pieces]
        return pages.pdf(pictures, titles, argmap.title)
    if fmt != "html":
        raise UsageError(f"{fmt} parts are separate files, not pages of one")
    svgs = [render_part(piece, found, "svg", engine, opts).decode("utf-8") for piece in pieces]
    return pages.html(argmap, pieces, svgs).encode("utf-8", errors="replace")


def _found_in(found: Findings, part: ArgumentMap) -> Findings:
    """The findings about the statements and inferences a part keeps."""
    from argmap.analysis.findings import Findings

    def kept(node: str) -> bool:
        return node in part.statements or node in part.inferences

    return Findings(
        [g for g in found.gaps if kept(g.node)],
        {k: v for k, v in found.verdicts.items() if k in part.statements},
        {k: v for k, v in found.why.items() if k in part.statements},
        {k: v for k, v in found.labels.items() if k in part.statements},
    )


def render_part(
    piece: Part, found: Findings, fmt: str, engine: str, options: RenderOptions
) -> bytes:
    """One part of a map rendered: the findings about it marked, its "+k more" markers and
    its title drawn (the whole map is a part too)."""
    from argmap.views.dot import to_dot
    from argmap.views.engines import layout

    chosen = check(fmt, engine)
    argmap = piece.argmap
    found = _found_in(found, argmap)
    dot_options = replace(options.dot_options(), more=piece.more, subtitle=piece.title)
    if not chosen.titled:
        dot_options = replace(dot_options, title=False)
    verdicts, why = (found.verdicts, found.why) if options.evaluate else ({}, {})
    # an SVG gets its tooltips as titles after the layout: Graphviz need not carry them
    titles: list[str] | None = [] if chosen.layout == "svg" else None
    source = to_dot(argmap, found.gaps, verdicts, dot_options, why=why, titles=titles)

    def lay_out(graphviz_format: str) -> bytes:
        return layout(source, graphviz_format, engine)

    job = Job(argmap, found, source, dot_options, lay_out, options.live, titles)
    return chosen.write(job)
