"""The teaching commands of the ``argmap`` command line: cues, new, exercise, grade, quiz.

Registered on the app of :mod:`argmap.cli.core`; like the rest of the CLI they
parse options, call the library API and hand results to a view.
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.core import (
    ConclusionOpt,
    FromOpt,
    MapArg,
    _format_name,
    _load,
    _notify,
    _share,
    _usage,
    app,
    handles_errors,
)
from argmap.errors import UsageError

# --- teaching commands ------------------------------------------------------------------------


class Difficulty(StrEnum):
    """``exercise --difficulty``: how many blanks."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class QuizExport(StrEnum):
    """``quiz --to``: the learning-platform formats."""

    GIFT = "gift"
    QTI = "qti"


class TeachingFormat(StrEnum):
    """Output of the teaching commands: for people (text) or for programs (json)."""

    TEXT = "text"
    JSON = "json"


class GradeFormat(StrEnum):
    """Output of ``argmap grade``: for people (text), programs (json) or a gradebook (csv)."""

    TEXT = "text"
    JSON = "json"
    CSV = "csv"


TeachingFormatOpt = Annotated[
    TeachingFormat,
    typer.Option("--format", help="text for people (plain when piped), json for programs."),
]


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
    from argmap.api import find_cues, read_text

    report = find_cues(read_text(text_file))
    if output_format is TeachingFormat.JSON:
        from argmap.views.jsondata import json_text

        sys.stdout.write(json_text(report))
        return
    from argmap.views.console import console, piped_width, write
    from argmap.views.cues_view import cues_plain, cues_view

    width = piped_width()
    if width is not None:
        for piece in cues_plain(report, width):
            write(piece)
        return
    out = console()
    plain = out.color_system is None
    # plain lines are filled to the width already: soft wrapping spares rich a second pass
    out.print(cues_view(report, plain=plain, width=out.width), soft_wrap=plain)


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
    from argmap.api import new_map, write_text
    from argmap.errors import OutputError
    from argmap.views.console import say

    # a device or a pipe (/dev/stdout) holds no map to lose
    stream = output.is_char_device() or output.is_fifo()
    if str(output) != "-" and output.exists() and not stream and not force:
        raise OutputError(f"{output} already exists; use --force to overwrite it")
    write_text(output, new_map(from_text, output))
    if str(output) != "-" and not stream:
        what = f"a skeleton drafted from {from_text}" if from_text else "a blank map"
        say(f"wrote {output}: {what}")
        say(f"next: edit it, then run `argmap show {output}` and `argmap gaps {output}`")


@app.command()
@handles_errors
def exercise(
    map_file: MapArg,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The folder to write into.", metavar="DIR")
    ],
    blank: Annotated[
        str,
        typer.Option(
            "--blank",
            help="What to hide, comma separated: conclusion, reasons, evidence, objections, "
            "assumptions, gaps (find-the-gaps task).",
        ),
    ] = "reasons,evidence",
    seed: Annotated[int, typer.Option("--seed", help="Which statements are hidden.")] = 0,
    share: Annotated[
        float,
        typer.Option(
            "--share",
            callback=_share,
            help="Share of each category to hide, above 0 and at most 1 (1 hides them all).",
        ),
    ] = 0.5,
    difficulty: Annotated[
        Difficulty | None,
        typer.Option(
            "--difficulty",
            help="How many blanks: easy (a quarter of each category), medium (half), hard "
            "(all); overrides --share.",
        ),
    ] = None,
    detected_gaps: Annotated[
        bool,
        typer.Option(
            "--detected-gaps",
            help="With --blank gaps: the key also asks for the gaps the rules detect, not only "
            "those annotated in the map.",
        ),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf/--no-pdf", help="Also print worksheet.pdf (with Chromium).")
    ] = True,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """Make a worksheet with numbered blank boxes (HTML to print, PDF, Markdown, SVG) and its key.

    Writes DIR/worksheet.html (print-ready: instructions, the map with boxes to
    write in, the numbered text, answer space), DIR/worksheet.pdf (where
    Chromium is installed), DIR/worksheet.md, DIR/worksheet.svg,
    DIR/answer-key.yaml and DIR/answer-key.md, replacing only those files.
    Blanks show only their paragraph anchors; the same --seed gives the same
    worksheet.
    """
    from argmap.api import blank_categories, difficulty_share
    from argmap.api import exercise as make
    from argmap.views.console import say

    with _usage(param_hint="--blank"):
        hidden = blank_categories(blank)
    if difficulty is not None:
        share = difficulty_share(difficulty.value)
    argmap = _load(map_file, fmt, conclusion)
    written = make(
        argmap,
        output,
        blank=hidden,
        seed=seed,
        share=share,
        map_name=str(map_file),
        detected_gaps=detected_gaps,
        pdf=pdf,
        notify=_notify,
    )
    for path in written:
        say(f"wrote {path}")


@app.command()
@handles_errors
def grade(
    key_file: Annotated[
        Path,
        typer.Argument(
            metavar="KEY", help="The reference map (the answer key).", show_default=False
        ),
    ],
    submissions: Annotated[
        list[Path],
        typer.Argument(
            metavar="SUBMISSION",
            help="Students' maps, in any readable format.",
            show_default=False,
        ),
    ],
    csv_file: Annotated[
        Path | None,
        typer.Option(
            "--csv", help="Also write one row per submission to this CSV file.", metavar="FILE"
        ),
    ] = None,
    output_format: Annotated[
        GradeFormat,
        typer.Option(
            "--format",
            help="text for people, json for programs, csv: the gradebook CSV on stdout.",
        ),
    ] = GradeFormat.TEXT,
    summary_only: Annotated[
        bool, typer.Option("--summary", help="Only the summary table, no per-student feedback.")
    ] = False,
    detail: Annotated[
        bool,
        typer.Option("--detail", help="Every feedback point, not only the three that matter most."),
    ] = False,
    rubric_file: Annotated[
        Path | None,
        typer.Option(
            "--rubric",
            help="Weights and costs from this YAML file (docs/teaching.md).",
            metavar="FILE",
        ),
    ] = None,
    report_file: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Write the class report here: .html (a page with a chart) or .md.",
            metavar="FILE",
        ),
    ] = None,
    feedback_dir: Annotated[
        Path | None,
        typer.Option(
            "--feedback-dir",
            help="Write one Markdown feedback file per student here.",
            metavar="DIR",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Read the submissions as this format (the key is read by its own name).",
            callback=_format_name,
        ),
    ] = None,
    conclusion: Annotated[
        str | None,
        typer.Option("--conclusion", help="For a key in a graph format: its main conclusion."),
    ] = None,
) -> None:
    """Grade students' maps against a key: a score out of 100, a breakdown and feedback for each.

    Statements are matched by meaning (paragraph anchors, kind, place in the
    tree and wording, synonyms included); the score is conclusion 20,
    reasons 25, evidence 20, structure 20, gaps 15 unless --rubric says
    otherwise (see docs/teaching.md). An unreadable submission gets a row
    with its error, the others are still graded, and the exit status is then
    1. A progress bar goes to stderr when it is a terminal.
    """
    from argmap.api import grade as grade_all
    from argmap.api import load_rubric, write_text
    from argmap.views.grade_view import progress

    if report_file is not None and report_file.suffix.lower() not in (".html", ".htm", ".md"):
        raise typer.BadParameter(
            f"{report_file}: the report is .html or .md", param_hint="--report"
        )
    rubric = load_rubric(rubric_file) if rubric_file is not None else None
    key = _load(key_file, None, conclusion)
    with progress(len(submissions)) as tick:
        results = grade_all(key, submissions, progress=tick, fmt=fmt, rubric=rubric)
    written: list[str] = []

    if csv_file is not None:
        from argmap.views.grade_report import feedback_links, to_csv

        base = csv_file.parent if str(csv_file) != "-" else Path(".")
        write_text(
            csv_file,
            to_csv(results, feedback_links(results, feedback_dir, base)),
            inputs=[key_file, *submissions],
        )
        written.append(str(csv_file))
    if report_file is not None:
        from argmap.api import class_report
        from argmap.views.grade_report import report_html, report_markdown

        report = class_report(key, results)
        page = (
            report_markdown(report) if report_file.suffix.lower() == ".md" else report_html(report)
        )
        write_text(report_file, page, inputs=[key_file, *submissions])
        written.append(str(report_file))
    if feedback_dir is not None:
        from argmap.views.grade_report import feedback_markdown, feedback_names

        if feedback_dir.exists() and not feedback_dir.is_dir():
            raise typer.BadParameter(f"{feedback_dir} is not a folder", param_hint="--feedback-dir")
        feedback_dir.mkdir(parents=True, exist_ok=True)
        for name, result in zip(feedback_names(results), results, strict=True):
            write_text(
                feedback_dir / name,
                feedback_markdown(result, key.title or ""),
                inputs=[key_file, *submissions],
            )
        written.append(f"{len(results)} feedback files in {feedback_dir}")
    if output_format is GradeFormat.JSON:
        from argmap.views.jsondata import json_text

        sys.stdout.write(json_text(results))
    elif output_format is GradeFormat.CSV:
        from argmap.views.grade_report import feedback_links, to_csv

        sys.stdout.write(to_csv(results, feedback_links(results, feedback_dir, Path("."))))
    else:
        from argmap.views.console import console
        from argmap.views.grade_view import grade_view

        out = console()
        out.print(grade_view(results, feedback=not summary_only, width=out.width, detail=detail))
    if written:
        from argmap.views.console import say

        for what in written:
            if what != "-":
                say(f"wrote {what}", err=True)
    if any(r.error is not None for r in results):
        raise typer.Exit(1)  # as `gaps` does: the batch ran, but not every file could be read


@app.command()
@handles_errors
def quiz(
    map_file: MapArg,
    seed: Annotated[int, typer.Option("--seed", help="Which questions, in which order.")] = 0,
    count: Annotated[
        int, typer.Option("--count", min=5, max=15, help="How many questions (5-15).")
    ] = 10,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="Read the answers from this file, one letter a line.", metavar="FILE"
        ),
    ] = None,
    key: Annotated[
        bool,
        typer.Option(
            "--key", help="Print the correct letters (one a line) for this --seed and exit."
        ),
    ] = False,
    to: Annotated[
        QuizExport | None,
        typer.Option(
            "--to",
            help="Write the quiz for a learning platform instead of asking it: gift (Moodle) "
            "or qti (a QTI 2.1 zip for Canvas, Moodle, Blackboard); needs -o.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The file --to writes (- for stdout).", metavar="FILE"),
    ] = None,
    fmt: FromOpt = None,
    conclusion: ConclusionOpt = None,
) -> None:
    """A multiple-choice quiz drawn from a map that explains each answer, with a score and
    what to review at the end.

    Questions: the main conclusion, the kind of a statement, what it supports
    or attacks, the basis of a piece of evidence, a statement's gap, whether an
    objection is answered, whether a reason has evidence. Answers come from the
    terminal, from --answers FILE, or from a pipe (one letter a line). --to gift
    or --to qti -o FILE writes it for a learning platform, explanations as
    feedback.
    """
    from argmap.api import quiz as make_quiz
    from argmap.api import read_text
    from argmap.views.quiz_view import play

    with _usage(param_hint="--to"):
        if (to is None) != (output is None):
            raise UsageError(
                "--to and -o go together: --to gift -o quiz.gift, --to qti -o quiz.zip"
            )
        if to is QuizExport.QTI and str(output) == "-":
            raise UsageError("a QTI package is a zip file: give -o FILE, not -")
    argmap = _load(map_file, fmt, conclusion)
    the_quiz = make_quiz(argmap, seed=seed, count=count)
    if len(the_quiz.questions) < count:
        _notify(
            [
                f"this map yields {len(the_quiz.questions)} different questions, "
                f"not the {count} asked for"
            ]
        )
    if key:
        print("\n".join(the_quiz.key()))
        return
    if to is not None and output is not None:
        from argmap.api import quiz_export, write_text

        write_text(output, quiz_export(the_quiz, to.value, argmap.title or str(map_file)))
        if str(output) != "-":
            print(
                f"wrote {output}: {len(the_quiz.questions)} questions as {to.value}",
                file=sys.stderr,
            )
        return
    interactive = answers is None and sys.stdin.isatty()
    if interactive:
        play(the_quiz, None, interactive=True)
        return
    play(
        the_quiz, read_text(answers) if answers is not None else sys.stdin.read(), interactive=False
    )
