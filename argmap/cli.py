"""The ``argmap`` command line: parses options, calls the library API, maps errors to exit codes.

Nothing else lives here. Heavy modules are imported inside the commands so
that ``argmap --help`` and ``argmap --version`` stay fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from argmap import __version__
from argmap.errors import ArgmapError

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


def handles_errors(func: F) -> F:
    """Turn an :class:`ArgmapError` into ``Error: ...`` on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            sys.stdout.flush()
            print(f"Error: {exc}", file=sys.stderr)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            # the reader went away (argmap show MAP | head): not an error of ours
            sys.stderr.close()
            raise typer.Exit(0) from None

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
        help="A map file: native YAML/JSON, or any readable format (see `argmap convert --help`).",
        show_default=False,
        metavar="MAP",
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", help="Read the map as this format instead of guessing from the name."),
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


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _load(path: Path, fmt: str | None, conclusion: str | None = None) -> Any:
    from argmap.api import load

    return load(path, fmt, conclusion=conclusion)


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
    no_gaps: Annotated[
        bool, typer.Option("--no-gaps", help="Do not flag gaps or print the gap table.")
    ] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Print the map as a tree from the main conclusion down, gaps flagged, gap table below.

    The first line is the main conclusion. Reasons, evidence (with basis and
    source), objections and rebuttals follow, each with its paragraph anchor
    (¶). Plain text when piped or when NO_COLOR is set.
    """
    from argmap.api import find_gaps
    from argmap.views.console import console
    from argmap.views.terminal import ShowOptions
    from argmap.views.terminal import show as show_view

    argmap = _load(map_file, fmt, conclusion)
    gaps = [] if no_gaps else find_gaps(argmap, select=_split(select), ignore=_split(ignore))
    options = ShowOptions(quotes=quotes, ids=ids, depth=depth, gaps=not no_gaps)
    console().print(show_view(argmap, gaps, options))


# --- schema -----------------------------------------------------------------------------------


@app.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of the map file, for editors that complete and check YAML/JSON.

    Save it (argmap schema > argmap.schema.json) and point your editor at it:
    in VS Code's YAML extension, add "# yaml-language-server: $schema=argmap.schema.json"
    as the first line of a map file.
    """
    import json

    from argmap.api import schema as map_schema

    print(json.dumps(map_schema(), indent=2, ensure_ascii=False))


# --- more commands are registered below, one block per feature ---------------------------------

# [gaps commands]

# [render commands]

# [interchange commands]

# [teaching commands]


class TeachingFormat(StrEnum):
    """Output of the teaching commands: for people (text) or for programs (json)."""

    TEXT = "text"
    JSON = "json"


TeachingFormatOpt = Annotated[
    TeachingFormat,
    typer.Option("--format", help="text for people (plain when piped), json for programs."),
]


def _read_text_arg(path: Path) -> str:
    from argmap.formats._text import decode, read_text

    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


@app.command()
@handles_errors
def cues(
    text_file: Annotated[
        Path,
        typer.Argument(
            metavar="TEXT",
            help="A plain-text file (paragraphs are its non-empty lines); - reads stdin.",
            show_default=False,
        ),
    ],
    output_format: TeachingFormatOpt = TeachingFormat.TEXT,
) -> None:
    """Show a text with paragraph numbers and its argument cues marked, and guess its conclusion.

    Cue kinds: conclusion-indicator, premise-indicator, contrast, hedge,
    overclaim, vague-quantifier, unnamed-source, evidence (the same word lists
    as the gap rules). The conclusion guess ranks every sentence by cue words
    and position; see docs/teaching.md for the scoring.
    """
    from argmap.api import find_cues

    report = find_cues(_read_text_arg(text_file))
    if output_format is TeachingFormat.JSON:
        import json

        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    from argmap.views.console import console
    from argmap.views.cues_view import cues_view

    out = console()
    out.print(cues_view(report, plain=out.color_system is None, width=out.width))


@app.command()
@handles_errors
def new(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="The map file to write (- for stdout).", metavar="MAP"),
    ],
    from_text: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Draft the map from this plain-text file's cues (else write a blank template).",
            metavar="TEXT",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite MAP if it already exists.")
    ] = False,
) -> None:
    """Start a map: a skeleton drafted from a text (conclusion guess, reasons, evidence, objections).

    Every drafted node is marked status: draft, with comments saying what to
    check. Never overwrites an existing file without --force.
    """
    from argmap.api import new_map
    from argmap.errors import OutputError
    from argmap.io import write_output

    if str(output) != "-" and output.exists() and not force:
        raise OutputError(f"{output} already exists; use --force to overwrite it")
    write_output(output, new_map(from_text, output))
    if str(output) != "-":
        what = f"a skeleton drafted from {from_text}" if from_text else "a blank map"
        print(f"wrote {output}: {what}")
        print(f"next: edit it, then run `argmap show {output}` and `argmap gaps {output}`")


def main() -> None:
    """Entry point of the ``argmap`` script."""
    app()


class _Unused(StrEnum):
    """Placeholder so the StrEnum import is used until a command adds a choice enum."""

    NONE = "none"
