"""The ``argmap`` command line, its app and shared options, and the map commands (show, gaps, render...).

Nothing else lives here. Heavy modules are imported inside the commands so
that ``argmap --help`` and ``argmap --version`` stay fast.
"""

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from argmap import __version__
from argmap.errors import ArgmapError, UsageError
from argmap.views.render_formats import RENDER_FORMATS, format_help

app = typer.Typer(
    name="argmap",
    help=(
        "Argument maps for critical reading: model a text's conclusion, reasons, evidence, "
        "objections and unstated assumptions; find the gaps; render and teach with them.\n\n"
        "Start with: argmap show maps/iran-in-latin-america.yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


from argmap.views.console import BROKEN_PIPE  # noqa: E402  (141: 128 + SIGPIPE)


def handles_errors(func: F) -> F:
    """Turn an :class:`ArgmapError` into ``Error: ...`` on stderr and exit status 1.

    A failing standard output (a full disk, ``> /dev/full``) is an error too;
    a closed pipe ends the command quietly with :data:`BROKEN_PIPE`.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from argmap.views.console import StdoutFailed, error, flush_stdout, quiet_stdout

        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            flush_stdout()
            error(exc)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            quiet_stdout()
            raise typer.Exit(BROKEN_PIPE) from None
        except StdoutFailed as failed:
            quiet_stdout()
            error(failed)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Argument maps for critical reading."""


# --- shared options ---------------------------------------------------------------------------

MapArg = Annotated[
    Path,
    typer.Argument(
        help="A map file: native YAML/JSON, or any readable format (see `argmap convert --help`); - reads standard input.",
        show_default=False,
        metavar="MAP",
    ),
]


def _format_name(value: str | None) -> str | None:
    """``--from``/``--to``: an unknown format is a usage error (exit 2), caught before any work."""
    if value is None:
        return None
    from argmap.api import check_format
    from argmap.errors import FormatError

    try:
        return check_format(value)
    except FormatError as exc:
        raise typer.BadParameter(str(exc)) from None


def _share(value: float) -> float:
    if not 0 < value <= 1:
        raise typer.BadParameter(f"must be more than 0 and at most 1, not {value}")
    return value


FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Read the map as this format instead of guessing from the name.",
        callback=_format_name,
    ),
]
ConclusionOpt = Annotated[
    str | None,
    typer.Option(
        "--conclusion",
        help="For graph formats (AIF, Argdown, microtexts): the id of the main conclusion.",
    ),
]
SelectOpt = Annotated[
    str | None,
    typer.Option(
        "--select",
        help="Only these gap codes or names, comma separated; prefixes work (S = all structural).",
    ),
]
IgnoreOpt = Annotated[
    str | None,
    typer.Option(
        "--ignore", help="Leave out these gap codes or names (comma separated, prefixes work)."
    ),
]


class SeverityLevel(StrEnum):
    """The least severe gap ``--severity`` keeps."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SeverityOpt = Annotated[
    SeverityLevel | None,
    typer.Option(
        "--severity",
        help="Gaps of this severity and above (default: the default profile, warnings and "
        "errors without the detected gaps an annotation covers).",
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Every gap of the catalogue: info too, and detected gaps an annotation covers.",
    ),
]


def _level(severity: SeverityLevel | None) -> str | None:
    return severity.value if severity is not None else None


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _selection(select: str | None, ignore: str | None, argmap: Any) -> tuple[list[str], list[str]]:
    """``--select`` and ``--ignore`` for one loaded map, every name checked against it."""
    from argmap.api import check_selector_names

    chosen, left_out = _selectors(select), _selectors(ignore)
    with _usage():
        check_selector_names(chosen + left_out, {g.kind for g in argmap.gaps})
    return chosen, left_out


def _selectors(value: str | None) -> list[str]:
    """``--select``/``--ignore`` as a list; a code prefix that no gap code has is a usage error."""
    from argmap.api import check_selectors

    parts = _split(value)
    with _usage():
        check_selectors(parts)
    return parts


@contextmanager
def _usage(param_hint: str | None = None) -> Iterator[None]:
    """A :class:`UsageError` from the library becomes a usage error of the command (exit 2)."""
    try:
        yield
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint=param_hint) from None


FocusOpt = Annotated[
    str | None,
    typer.Option(
        "--focus",
        metavar="ID",
        help="Only this statement and everything under it, with it on top.",
    ),
]


EvaluateOpt = Annotated[
    bool,
    typer.Option(
        "--evaluate",
        help="Add each statement's verdict (accepted/contested/unsupported) and IN/OUT label.",
    ),
]
WhyOpt = Annotated[
    bool, typer.Option("--why", help="Explain each verdict in one line (implies --evaluate).")
]


def _load(
    path: Path, fmt: str | None, conclusion: str | None = None, *, empty_ok: bool = False
) -> Any:
    """The map, its reader's notices on stderr; ``empty_ok``: a valid file with nothing to
    map (an Argdown file of headings only) is its empty map, not an error."""
    from argmap.api import load, load_or_empty

    argmap = (load_or_empty if empty_ok else load)(path, fmt, conclusion=conclusion)
    _notify(argmap.notices)
    return argmap


def _notify(notices: list[str]) -> None:
    """What the reader chose or left out, on stderr: stdout stays clean for pipes."""
    from argmap.views.console import say

    for notice in notices:
        say(f"argmap: {notice}", err=True)


# --- show -------------------------------------------------------------------------------------


@app.command()
@handles_errors
def show(
    map_file: MapArg,
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Add each node's quotation from the text.")
    ] = False,
    ids: Annotated[
        bool, typer.Option("--ids", help="Show node ids (for gaps, refs and grading).")
    ] = False,
    depth: Annotated[
        int,
        typer.Option("--depth", min=0, help="Collapse the tree below this many levels."),
    ] = 20,
    max_children: Annotated[
        int,
        typer.Option(
            "--max-children",
            min=0,
            help="Show at most this many children under one node, then count the rest "
            "(0: show all).",
        ),
    ] = 100,
    no_gaps: Annotated[
        bool, typer.Option("--no-gaps", help="Do not flag gaps or print the gap table.")
    ] = False,
    focus: FocusOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    severity: SeverityOpt = None,
    everything: AllOpt = False,
    evaluate: EvaluateOpt = False,
    why: WhyOpt = False,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Print the map as a tree from the main conclusion down, gaps flagged, gap table below.

    The first line is the main conclusion. Reasons, evidence (with basis and
    source), objections and rebuttals follow, each with its paragraph anchor
    (¶). Plain text when piped or when NO_COLOR is set.
    """
    from argmap import api
    from argmap.api import gap_report
    from argmap.views import gaps_report
    from argmap.views.console import console, print_parts
    from argmap.views.terminal import ShowOptions
    from argmap.views.terminal import show as show_view

    # one command, then exit: no cyclic collection while the view is built (each pass would
    # walk every model of a 50,000-statement map again), none at exit (see api.batch)
    with api.batch():
        argmap = _load(map_file, fmt, conclusion, empty_ok=True)
        gaps: list[Any] = []
        notes: list[str] = []
        if not no_gaps:
            chosen, left_out = _selection(select, ignore, argmap)
            report = gap_report(
                argmap,
                select=chosen,
                ignore=left_out,
                severity=_level(severity),
                everything=everything,
            )
            gaps = report.gaps
            notes = gaps_report.left_out(report.covered, report.below)
        if focus is not None:
            # the gaps of the whole map, shown for the part: a cut never makes a gap
            from argmap.api import focus as focus_on

            whole = argmap
            with _usage("--focus"):
                argmap = focus_on(argmap, focus)
            part = argmap.statements.keys() | argmap.inferences.keys()
            gaps = [g for g in gaps if g.node in part]
            if not no_gaps:
                # what the profile left out, counted in the part only
                every = gap_report(whole, select=chosen, ignore=left_out, everything=True).gaps
                below = sum(1 for g in every if g.node in part and g.covered_by is None) - len(gaps)
                covered = [g for g in report.covered if g.node in part]
                notes = gaps_report.left_out(covered, below)
        options = ShowOptions(
            quotes=quotes,
            ids=ids,
            depth=depth,
            max_children=max_children or None,
            gaps=not no_gaps,
            left_out=tuple(notes),
        )
        if evaluate or why:
            from argmap.api import evaluate as run_evaluation
            from argmap.views.terminal import with_evaluation

            options = with_evaluation(options, run_evaluation(argmap), why=why)
        # find_gaps gives the table's order for the whole map, not always for a part of it
        print_parts(console(), show_view(argmap, gaps, options, in_order=focus is None))


# --- schema -----------------------------------------------------------------------------------


@app.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of the map file, for editors that complete and check YAML/JSON.

    Save it (argmap schema > argmap.schema.json) and point your editor at it:
    in VS Code's YAML extension, add "# yaml-language-server: $schema=argmap.schema.json"
    as the first line of a map file.
    """
    from argmap.api import schema as map_schema
    from argmap.views.jsondata import json_text

    sys.stdout.write(json_text(map_schema()))


@app.command()
def lsp() -> None:
    """Run the language server on stdin/stdout, for editors (map files and Argdown).

    Diagnostics (load errors, gaps) as you type, hover cards, go to definition,
    references, the outline, completion, quick fixes and an HTML preview.
    Editors start it themselves; see docs/editors.md for VS Code, Neovim and Helix.
    """
    from argmap.lsp import serve

    serve()


# --- gaps commands ----------------------------------------------------------------------------


class GapFormat(StrEnum):
    """How ``argmap gaps`` prints its report."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


class FailOn(StrEnum):
    """The least severe gap that makes ``argmap gaps`` exit with status 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


class EvaluateFormat(StrEnum):
    """How ``argmap evaluate`` prints its result."""

    TEXT = "text"
    JSON = "json"


@app.command()
@handles_errors
def gaps(
    map_files: Annotated[
        list[Path],
        typer.Argument(help="One or more map files.", show_default=False, metavar="MAP"),
    ],
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    severity: SeverityOpt = None,
    everything: AllOpt = False,
    output_format: Annotated[
        GapFormat, typer.Option("--format", help="text (a table per file), json or markdown.")
    ] = GapFormat.TEXT,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Exit with status 1 if a gap at or above this severity is found."
        ),
    ] = FailOn.NEVER,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Run every gap rule on each map: a table (code, severity, node, ¶, message), then a summary.

    Gaps come grouped by node in map order, detected by the rules or
    annotated in the map (see docs/gaps.md for the catalogue). A file that
    cannot be read is reported on stderr and the others still run; the exit
    status is 1 if any file failed or --fail-on was reached.
    """
    from argmap import api
    from argmap.views import gaps_report

    chosen, left_out = _selectors(select), _selectors(ignore)
    failed = False

    def report(exc: ArgmapError) -> None:
        from argmap.views.console import error

        nonlocal failed
        error(exc)
        failed = True

    # one command, then exit: no cyclic collection at all, not even the one a library call
    # would owe when it turns the collector back on (a pass over a whole 100,000-node map)
    with api.batch():
        with _usage():
            results = api.gaps_batch(
                map_files,
                fmt=fmt,
                conclusion=conclusion,
                select=chosen,
                ignore=left_out,
                severity=_level(severity),
                everything=everything,
                on_error=report,
                notify=_notify,
            )
        if output_format is GapFormat.JSON:
            sys.stdout.write(gaps_report.json_report(results))
        elif output_format is GapFormat.MARKDOWN:
            sys.stdout.write(gaps_report.markdown_report(results))
        elif results:
            gaps_report.print_text(results)
    if failed or api.fails(results, fail_on.value):
        raise typer.Exit(1)


@app.command()
@handles_errors
def schemes() -> None:
    """List the argumentation schemes and their critical questions (Walton, Reed, Macagno 2008).

    An inference that names a scheme (inference: {scheme: Argument From Sign})
    brings each question as an open K gap until its answers: names the
    statement or annotated gap that answers it.
    """
    from argmap.api import schemes as scheme_catalogue
    from argmap.views.schemes_view import schemes_text

    sys.stdout.write(schemes_text(scheme_catalogue()))


@app.command()
@handles_errors
def evaluate(
    map_file: MapArg,
    why: Annotated[
        bool, typer.Option("--why", help="Explain each statement's verdict in one line.")
    ] = False,
    output_format: Annotated[
        EvaluateFormat, typer.Option("--format", help="text (a table) or json.")
    ] = EvaluateFormat.TEXT,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Rate evidence and inferences, propagate bottom-up: a verdict and an IN/OUT label per claim.

    Verdicts: accepted, contested or unsupported (linked premises count by the
    weakest, independent reasons by the strongest, a standing objection pulls
    its target down). Labels: IN, OUT or UNDECIDED by grounded semantics over
    the attacks. The last line explains the main conclusion's verdict.
    """
    from argmap.api import evaluate as run_evaluation
    from argmap.views.console import console
    from argmap.views.terminal import evaluation_view

    argmap = _load(map_file, fmt, conclusion)
    result = run_evaluation(argmap)
    if output_format is EvaluateFormat.JSON:
        from argmap.views.jsondata import evaluation_json

        sys.stdout.write(evaluation_json(str(map_file), argmap, result))
        return
    out = console()
    # the why lines and the conclusion's reason stay whole lines (pipes, grep)
    out.print(evaluation_view(argmap, result, why=why, columns=out.width), soft_wrap=True)


# --- render commands --------------------------------------------------------------------------


if TYPE_CHECKING:

    class RenderFormat(StrEnum):
        """What ``argmap render`` writes: one member per entry of the table of render formats."""

else:
    RenderFormat = StrEnum("RenderFormat", {name.upper(): name for name in RENDER_FORMATS})
    RenderFormat.__doc__ = "What ``argmap render`` writes: one member per render format."


class RenderEngine(StrEnum):
    """Who lays the map out: the system Graphviz, the embedded one, or whichever is there."""

    AUTO = "auto"
    DOT = "dot"
    WASM = "wasm"


class RenderTheme(StrEnum):
    """Colours of the rendered map."""

    DEFAULT = "default"
    PRINT = "print"
    COLORBLIND = "colorblind"


class RenderLayout(StrEnum):
    """Layout presets of the rendered map."""

    DEFAULT = "default"
    SLIDE = "slide"


class RankDir(StrEnum):
    """Where the conclusion goes: top (TB), bottom (BT), left (LR) or right (RL)."""

    TB = "TB"
    BT = "BT"
    LR = "LR"
    RL = "RL"


@app.command()
@handles_errors
def render(
    map_file: MapArg,
    output: Annotated[
        str,
        typer.Option(
            "-o",
            "--output",
            help="The file to write; its extension picks the format. '-' writes to stdout (SVG unless --format).",
            metavar="OUT",
        ),
    ],
    fmt: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format",
            help=format_help(),
        ),
    ] = None,
    engine: Annotated[
        RenderEngine,
        typer.Option(
            "--engine",
            help="dot: the system Graphviz (all formats); wasm: the embedded one (SVG, JSON, HTML; nothing to install); auto: wasm for what it writes (faster), dot for PNG/PDF.",
        ),
    ] = RenderEngine.AUTO,
    theme: Annotated[
        RenderTheme,
        typer.Option("--theme", help="Colours: default, print (black and white) or colorblind."),
    ] = RenderTheme.DEFAULT,
    rankdir: Annotated[
        RankDir,
        typer.Option(
            "--rankdir", help="Where the conclusion goes: TB top, BT bottom, LR left, RL right."
        ),
    ] = RankDir.TB,
    width: Annotated[
        int, typer.Option("--width", min=8, help="Wrap statement text at this many characters.")
    ] = 30,
    legend: Annotated[
        bool, typer.Option("--legend", help="Add a legend of the shapes and lines.")
    ] = False,
    evaluate: Annotated[
        bool,
        typer.Option(
            "--evaluate",
            help="Colour each statement by its verdict: accepted, contested, unsupported.",
        ),
    ] = False,
    no_gaps: Annotated[bool, typer.Option("--no-gaps", help="Do not mark gaps.")] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    layout: Annotated[
        RenderLayout,
        typer.Option(
            "--layout",
            help="default, or slide: large type and short labels (a statement's title, else its first words; the whole text in the tooltip) for a 16:9 slide.",
        ),
    ] = RenderLayout.DEFAULT,
    focus: FocusOpt = None,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth",
            min=0,
            metavar="N",
            help="Draw N levels below the top box; a statement with more below says '+k more below'.",
        ),
    ] = None,
    split: Annotated[
        bool,
        typer.Option(
            "--split",
            help="One picture per main reason, each titled, the conclusion on top: -o DIR/NAME.svg writes NAME-1.svg, NAME-2.svg... (also .png, .dot); a .pdf or .html OUT is one file with a page per part.",
        ),
    ] = False,
    severity: SeverityOpt = None,
    everything: AllOpt = False,
    full_layout: Annotated[
        bool,
        typer.Option(
            "--full-layout",
            help="Lay out a map of more than 2,500 statements fully too (slower: the time grows with the square of the size); without it such a map gets a quicker layout, and a note on stderr says so.",
        ),
    ] = False,
    from_fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Draw the map with Graphviz: SVG (nothing to install), PNG/PDF (system Graphviz), DOT, JSON, HTML.

    Conclusion at the top, evidence at the bottom; supports green, attacks
    red; gaps get a red (error) or orange (warning) dashed border, their codes
    on the node and their messages in its tooltip. An existing OUT is
    replaced atomically.
    """
    from argmap import api

    api.prepare_render(output, fmt.value if fmt is not None else None, engine=engine.value)
    # one render, then exit: without cyclic collection the map, read with the collector
    # off, is not walked again by each pass after it (50-70 ms of the 2,000-statement render)
    with api.batch():
        argmap = _load(map_file, from_fmt, conclusion, empty_ok=True)
        chosen, left_out = _selection(select, ignore, argmap)
        with _usage():  # an unknown --focus, --split to stdout
            api.render_file(
                argmap,
                output,
                fmt.value if fmt is not None else None,
                engine=engine.value,
                width=width,
                rankdir=rankdir.value,
                theme=theme.value,
                legend=legend,
                evaluate=evaluate,
                gaps=not no_gaps,
                select=chosen,
                ignore=left_out,
                layout=layout.value,
                focus=focus,
                depth=depth,
                split=split,
                severity=_level(severity),
                everything=everything,
                full_layout=full_layout,
                notify=_notify,
            )


@app.command()
@handles_errors
def watch(
    map_file: Annotated[
        Path, typer.Argument(help="The map file to watch (YAML, JSON, Argdown...).", metavar="MAP")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help="The file to write on every save; its extension picks the format. An HTML page reloads itself.",
            metavar="OUT",
        ),
    ],
    engine: Annotated[
        RenderEngine,
        typer.Option("--engine", help="dot, wasm or auto (dot when on PATH)."),
    ] = RenderEngine.AUTO,
    theme: Annotated[
        RenderTheme,
        typer.Option("--theme", help="Colours: default, print (black and white) or colorblind."),
    ] = RenderTheme.DEFAULT,
    layout: Annotated[
        RenderLayout, typer.Option("--layout", help="default, or slide (large type, short labels).")
    ] = RenderLayout.DEFAULT,
    legend: Annotated[
        bool, typer.Option("--legend", help="Add a legend of the shapes and lines.")
    ] = False,
    evaluate: Annotated[
        bool, typer.Option("--evaluate", help="Colour each statement by its verdict.")
    ] = False,
    focus: FocusOpt = None,
) -> None:
    """Live preview: render MAP to OUT now and on every save, until Ctrl-C.

    A map that does not load prints its error (file, line, column) and the
    last good OUT stays as it was; with an HTML OUT the open page reloads
    itself (it polls OUT.live.js, written beside it).
    """
    from argmap.views.render import format_for
    from argmap.watch import watch as watch_map

    format_for(output)  # a name that says no format is refused before watching
    watch_map(
        map_file,
        output,
        engine=engine.value,
        theme=theme.value,
        layout=layout.value,
        legend=legend,
        evaluate=evaluate,
        focus=focus,
    )


# --- interchange commands ---------------------------------------------------------------------


@app.command()
@handles_errors
def convert(
    source: Annotated[
        Path,
        typer.Argument(help="The map to read, in any readable format.", metavar="IN"),
    ],
    target: Annotated[
        str,
        typer.Argument(
            help="The file to write; its extension picks the format. '-' is stdout (needs --to).",
            metavar="OUT",
        ),
    ],
    from_fmt: FromOpt = None,
    to_fmt: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Write this format instead of guessing from OUT's name.",
            callback=_format_name,
        ),
    ] = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Convert a map between formats; OUT is replaced atomically (never left half-written).

    The format is --from / --to, else the extension, else the content:

    \b
      yaml        .yaml .yml        native map file     read, write
      json        .json             native map file     read, write
      argdown     .argdown .ad      Argdown             read, write
      aif         .aif.json .aif    AIF JSON (or .json) read, write
      microtexts  .xml              arg-microtexts      read
      markdown    .md .markdown     outline, handouts   write

    docs/formats.md says what each format keeps and drops.
    """
    from argmap.api import convert as convert_map

    convert_map(
        source, target, from_fmt=from_fmt, to_fmt=to_fmt, conclusion=conclusion, notify=_notify
    )


class StatsFormat(StrEnum):
    """Output of ``argmap stats``: for people (text) or for programs (json)."""

    TEXT = "text"
    JSON = "json"


@app.command()
@handles_errors
def stats(
    map_file: MapArg,
    output_format: Annotated[
        StatsFormat,
        typer.Option("--format", help="text (for people) or json (for programs)."),
    ] = StatsFormat.TEXT,
    from_fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Count the map's statements and inferences by kind, its annotated gaps and its depth.

    For an Argdown file, statements are counted as Argdown counts them
    (equivalence classes) and its arguments and relations are added.
    """
    from argmap.api import stats as map_stats
    from argmap.views.jsondata import json_text
    from argmap.views.stats_view import stats_text

    counts = map_stats(_load(map_file, from_fmt, conclusion, empty_ok=True))
    if output_format is StatsFormat.JSON:
        sys.stdout.write(json_text(counts))
        return
    sys.stdout.write(stats_text(counts))
