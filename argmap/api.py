"""The library API: what the CLI calls, and what a Python user imports from ``argmap``.

Each function does one job over the model; heavy modules are imported
inside the functions so that ``import argmap`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # the editor api's plain types, for front ends to build and read (see __getattr__)
    from argmap.analysis.base import Gap
    from argmap.analysis.evaluate import Evaluation
    from argmap.analysis.gaps import CatalogueEntry, FileGaps, GapReport
    from argmap.errors import ArgmapError, LocatedError
    from argmap.formats._outline import Occurrence as Occurrence
    from argmap.formats._outline import Outline as Outline
    from argmap.formats._outline import OutlineNode as OutlineNode
    from argmap.formats._outline import Span as Span
    from argmap.model import ArgumentMap
    from argmap.model.schemes import Scheme
    from argmap.teaching.classreport import ClassReport
    from argmap.teaching.cues import CueReport
    from argmap.teaching.grade import Result as GradeResult
    from argmap.teaching.quiz import Quiz
    from argmap.teaching.rubric import Rubric
    from argmap.views.render import RenderOptions


#: the editor api's plain types, imported when first asked for: ``argmap --version`` and
#: ``argmap render`` need none of them (their module and the format registry it imports cost
#: 15-25 ms at start-up)
_EDITOR_TYPES = ("Occurrence", "Outline", "OutlineNode", "Span")


def __getattr__(name: str) -> Any:
    if name in _EDITOR_TYPES:
        from argmap.formats import _outline

        return getattr(_outline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(path: str | Path, fmt: str | None = None, *, conclusion: str | None = None) -> ArgumentMap:
    """Read a map file in any readable format (by ``fmt``, else by extension, else by content)."""
    from argmap.formats import read_map

    return read_map(path, fmt, conclusion=conclusion)


def load_or_empty(
    path: str | Path, fmt: str | None = None, *, conclusion: str | None = None
) -> ArgumentMap:
    """:func:`load`, but a valid file with nothing to map (an Argdown file of headings only,
    :class:`~argmap.errors.EmptyMapError`) gives its empty map, the error as a notice."""
    from argmap.errors import EmptyMapError

    try:
        return load(path, fmt, conclusion=conclusion)
    except EmptyMapError as exc:
        empty: ArgumentMap = exc.empty
        empty.notices.append(str(exc))
        return empty


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
    severity: str | None = None,
    everything: bool = False,
) -> list[Gap]:
    """The gaps in the map, detected by the rules and annotated in the file, that a profile shows.

    By default the default profile: warnings and errors, without the detected
    gaps an annotation on the same node already makes. ``severity`` (error,
    warning, info) keeps that level and above; ``everything`` (``--all``)
    keeps every gap of the catalogue. ``select`` and ``ignore`` take codes,
    code prefixes (``S`` = structural), names (``unanswered-objection``,
    ``factual-error``) or families, as in ``argmap gaps --select``. Gaps come
    grouped by node in map order.
    """
    return gap_report(
        argmap, select=select, ignore=ignore, severity=severity, everything=everything
    ).gaps


def gap_report(
    argmap: ArgumentMap,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: str | None = None,
    everything: bool = False,
) -> GapReport:
    """:func:`find_gaps`, with what the profile left out: the covered gaps, the count below."""
    from argmap.analysis.gaps import gap_report as run_rules

    return run_rules(argmap, select=select, ignore=ignore, severity=severity, everything=everything)


# --- gaps api ---------------------------------------------------------------------------------


def check_selectors(selectors: Sequence[str]) -> None:
    """Refuse a ``--select``/``--ignore`` entry that can never match (a code prefix no gap code
    has): :class:`~argmap.errors.UsageError`."""
    from argmap.analysis.gaps import unknown_selectors
    from argmap.errors import UsageError

    bad = unknown_selectors(selectors)
    if bad:
        raise UsageError(
            f"unknown gap code or name {bad[0]!r} (see docs/gaps.md for the catalogue)"
        )


def check_selector_names(selectors: Sequence[str], annotated: set[str]) -> None:
    """Refuse a selector name that matches nothing, given the gap kinds the maps at hand
    ``annotated`` (a typo: ``unanswered``): :class:`~argmap.errors.UsageError`, with a hint."""
    import difflib

    from argmap.analysis.gaps import known_names, unmatched_names
    from argmap.errors import UsageError

    for name in unmatched_names(selectors, annotated):
        close = difflib.get_close_matches(name.lower(), known_names(), n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(
            f"no gap rule, family or annotated kind is called {name!r}{hint} "
            "(see docs/gaps.md for the catalogue)"
        )


@contextmanager
def batch() -> Iterator[None]:
    """No cyclic garbage collection inside: for a command that runs once, then exits.

    What the batch made is frozen at the end (``gc.freeze``): the process is
    about to exit, and the collection Python runs at exit would otherwise walk
    every model of the maps once more (half a second for 100,000 statements).
    """
    import gc

    from argmap.analysis.gaps import no_cyclic_gc

    with no_cyclic_gc():
        try:
            yield
        finally:
            gc.freeze()


def gaps_batch(
    paths: Sequence[str | Path],
    *,
    fmt: str | None = None,
    conclusion: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: str | None = None,
    everything: bool = False,
    on_error: Callable[[ArgmapError], None],
    notify: Callable[[list[str]], None] | None = None,
) -> list[FileGaps]:
    """The gaps of each map file in order (see :func:`find_gaps`); a file that cannot be read
    goes to ``on_error`` and the others still run. Selector names are checked against every
    kind the maps annotate (:func:`check_selector_names`) once all are read."""
    from argmap.analysis.gaps import FileGaps
    from argmap.errors import ArgmapError

    results: list[FileGaps] = []
    annotated: set[str] = set()
    from argmap.errors import InternalError

    for path in paths:
        try:
            argmap = load_or_empty(path, fmt, conclusion=conclusion)
            if notify is not None:
                notify(argmap.notices)
            report = gap_report(
                argmap, select=select, ignore=ignore, severity=severity, everything=everything
            )
        except ArgmapError as exc:
            on_error(exc)
            continue
        except Exception as exc:  # a bug on one file must not cost the others their report
            on_error(InternalError.on_file(str(path), exc))
            continue
        results.append(FileGaps(str(path), report.gaps, report.covered, report.below))
        annotated.update(g.kind for g in argmap.gaps)
    check_selector_names([*select, *ignore], annotated)
    return results


def fails(results: Sequence[FileGaps], fail_on: str) -> bool:
    """Whether any file has a gap at or above severity ``fail_on`` (``never``: never)."""
    if fail_on == "never":
        return False
    from argmap.analysis.gaps import at_or_above
    from argmap.model import Severity

    threshold = Severity(fail_on)
    return any(at_or_above(r.gaps, threshold) for r in results)


def evaluate(argmap: ArgumentMap) -> Evaluation:
    """Verdicts (accepted / contested / unsupported), IN/OUT/UNDECIDED labels and explanations."""
    from argmap.analysis.evaluate import evaluate as run_evaluation

    return run_evaluation(argmap)


def schemes() -> tuple[Scheme, ...]:
    """The argumentation schemes argmap knows, with their critical questions (Walton, Reed and
    Macagno, 2008); an inference's ``scheme:`` brings its questions as K gaps."""
    from argmap.model.schemes import SCHEMES

    return SCHEMES


def gap_catalogue() -> list[CatalogueEntry]:
    """Every gap kind argmap reports: code, name, default severity, family, summary, hint."""
    from argmap.analysis.gaps import catalogue

    return catalogue()


# --- render api -------------------------------------------------------------------------------


def to_dot(argmap: ArgumentMap, **options: Any) -> str:
    """The map as Graphviz DOT source: the same map and options give the same bytes.

    Options as for :func:`render`.
    """
    from argmap.views.render import RenderOptions, dot_source

    opts = RenderOptions(**options)
    return dot_source(argmap, opts.findings(argmap), opts)


def render(argmap: ArgumentMap, fmt: str = "svg", *, engine: str = "auto", **options: Any) -> bytes:
    """The map drawn as ``svg``, ``png``, ``pdf``, ``dot``, ``json`` (Graphviz's layout) or ``html``.

    ``engine`` is ``auto`` (the embedded one for SVG, JSON and HTML, which it
    lays out faster; the system ``dot`` for PNG and PDF), ``dot`` or ``wasm``
    (SVG, JSON and HTML only). Options:
    ``width=30`` (characters per line), ``rankdir="TB"``, ``theme="default"``
    (or ``print``, ``colorblind``), ``legend=False``, ``evaluate=False``,
    ``gaps=True``, ``select=()``, ``ignore=()``, ``severity=None`` (the default
    profile; or ``error``, ``warning``, ``info``), ``everything=False`` (every gap),
    ``layout="default"`` (or ``slide``), ``focus=None`` (a statement id),
    ``depth=None`` (levels), ``full_layout=False`` (a map of more than 2,500
    statements gets a quicker, capped layout unless this is set); ``split=True``
    makes several pictures: see :func:`render_split`.
    """
    from argmap.views.render import RenderOptions, check
    from argmap.views.render import render as render_map

    opts = RenderOptions(**options)
    check(fmt, engine)  # refuse PNG/PDF without Graphviz (and bad engines) before any work
    return render_map(argmap, opts.findings(argmap, fmt), fmt, engine, opts)


def focus(argmap: ArgumentMap, statement: str) -> ArgumentMap:
    """``statement`` and everything under it, as a map with ``statement`` on top."""
    from argmap.model.parts import focus as focus_part

    return focus_part(argmap, statement).argmap


def prepare_render(output: str | Path, fmt: str | None = None, *, engine: str = "auto") -> None:
    """Start, in the background, loading what a render to ``output`` will need.

    For a front end that is about to read a map and render it: the embedded
    Graphviz loads while the map is read (a thread; nothing when the system
    ``dot`` will draw it). Never fails; :func:`render_file` reports bad names.
    """
    from argmap.views.render import prepare

    prepare(output, fmt, engine)


def render_file(
    argmap: ArgumentMap,
    output: str | Path,
    fmt: str | None = None,
    *,
    engine: str = "auto",
    notify: Callable[[list[str]], None] | None = None,
    **options: Any,
) -> str:
    """Render to ``output`` atomically (``-`` is stdout), the format from ``fmt`` or the name.

    Returns the format written; a failed render never touches the output
    file. Options as for :func:`render`; ``notify`` hears that a large map got
    the quicker layout.
    """
    from argmap.io import check_not_input, check_output, write_output
    from argmap.views.render import RenderOptions, format_for

    chosen = format_for(output, fmt)
    if options.get("split"):
        render_split(argmap, output, chosen, engine=engine, notify=notify, **options)
        return chosen
    _tell_layout(argmap, RenderOptions(**options), chosen, notify)
    if str(output) != "-":
        check_output(output)  # before any rendering
        check_not_input(output, _inputs_of(argmap))
    write_output(output, render(argmap, chosen, engine=engine, **options))
    return chosen


def _tell_layout(
    argmap: ArgumentMap,
    opts: RenderOptions,
    fmt: str,
    notify: Callable[[list[str]], None] | None,
) -> None:
    """Say that a large map gets the quicker layout (nothing is laid out for DOT itself)."""
    notice = opts.quick_layout_notice(argmap) if notify is not None and fmt != "dot" else None
    if notify is not None and notice is not None:
        notify([notice])


def split_names(output: str | Path, count: int) -> list[Path]:
    """Where a split map's parts go: ``DIR/NAME.svg`` gives ``DIR/NAME-1.svg``, ``NAME-2.svg``..."""
    path = Path(output)
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


def render_split(
    argmap: ArgumentMap,
    output: str | Path,
    fmt: str | None = None,
    *,
    engine: str = "auto",
    notify: Callable[[list[str]], None] | None = None,
    **options: Any,
) -> list[Path]:
    """One picture per main reason, each titled with the conclusion on top; returns the paths
    written. A PDF or HTML ``output`` is one file with a page per part; other formats are
    numbered files beside ``output`` (:func:`split_names`), all rendered before any is
    written. ``notify`` as for :func:`render_file`."""
    from argmap.errors import UsageError
    from argmap.io import check_not_input, check_output, write_output
    from argmap.views.render import (
        PAGED,
        RenderOptions,
        check,
        format_for,
        render_pages,
        render_parts,
    )

    chosen = format_for(output, fmt)
    opts = RenderOptions(**{**options, "split": True})
    check(chosen, engine)
    _tell_layout(argmap, opts, chosen, notify)
    if chosen in PAGED:
        if str(output) != "-":
            check_output(output)
            check_not_input(output, _inputs_of(argmap))
        data = render_pages(argmap, opts.findings(argmap, chosen), chosen, engine, opts)
        write_output(output, data)
        return [Path(output)]
    if str(output) == "-":
        raise UsageError(
            "--split writes one file per main reason: give -o DIR/NAME.EXT (or a .pdf or .html "
            "file, whose pages are the parts), not -"
        )
    pictures = render_parts(argmap, opts.findings(argmap, chosen), chosen, engine, opts)
    paths = split_names(output, len(pictures))
    for path in paths:
        check_output(path)
    for path, data in zip(paths, pictures, strict=True):
        write_output(path, data)
    return paths


# --- interchange api --------------------------------------------------------------------------


def check_format(name: str) -> str:
    """``name`` when it names a readable or writable format (or its extension), else
    :class:`~argmap.errors.FormatError`."""
    from argmap.formats import by_name

    by_name(name)
    return name


def read_text(path: str | Path) -> str:
    """A plain-text file (``-``: standard input), decoded as the map readers decode text."""
    from argmap.formats._text import decode, read_bytes

    return decode(
        read_bytes(path), "<stdin>" if str(path) == "-" else str(path), what="plain-text file"
    )


def write_text(target: str | Path, data: str | bytes, *, inputs: Sequence[str | Path] = ()) -> None:
    """Write ``data`` to ``target`` atomically (``-`` is stdout), as every output is written.

    ``target`` must not be one of ``inputs``, the files the run read.
    """
    from argmap.io import check_not_input, write_output

    check_not_input(target, inputs)
    write_output(target, data)


def _inputs_of(argmap: ArgumentMap) -> list[str | Path]:
    """The files a loaded map came from: the map file and the source text it names."""
    found: list[str | Path] = []
    if argmap.path:
        found.append(argmap.path)
        if argmap.source is not None and argmap.source.text:
            found.append(Path(argmap.path).parent / argmap.source.text)
    return found


def convert(
    source: str | Path,
    target: str | Path,
    *,
    from_fmt: str | None = None,
    to_fmt: str | None = None,
    conclusion: str | None = None,
    notify: Callable[[list[str]], None] | None = None,
) -> str:
    """Read ``source`` in any readable format and write it to ``target`` atomically.

    The output format is ``to_fmt``, else the one ``target``'s extension
    names; ``-`` writes to stdout (then ``to_fmt`` is needed). ``notify``
    receives the reader's notices (see ``ArgumentMap.notices``) before the
    write. Returns the name of the format written.
    """
    from argmap.errors import FormatError
    from argmap.formats import by_name, writable_for
    from argmap.io import write_output

    if to_fmt is not None:
        chosen = by_name(to_fmt)
    elif str(target) == "-":
        raise FormatError("writing to stdout ('-') needs --to FORMAT")
    else:
        chosen = writable_for(target)
    if not chosen.writes:
        raise FormatError(f"argmap cannot write {chosen.name} files, only read them")
    from argmap.io import check_not_input

    check_not_input(target, [source])
    argmap = load_or_empty(source, from_fmt, conclusion=conclusion)
    if not argmap.statements and chosen.name != "argdown":
        raise FormatError(
            f"{source}: an empty map (no statement or argument, only headings): a "
            f"{chosen.name} file cannot hold it (its maps have a main conclusion); "
            "only Argdown can"
        )
    if notify is not None:
        notify(argmap.notices)
    check_not_input(target, _inputs_of(argmap))
    write_output(target, dumps(argmap, chosen.name))
    return chosen.name


def stats(argmap: ArgumentMap) -> dict[str, Any]:
    """Counts by kind: statements, claims, evidence, assumptions, inferences, supports...

    Keys: ``statements``, ``claims``, ``evidence``, ``assumptions``,
    ``inferences``, ``supports``, ``attacks``, ``undercuts``, ``linked``
    (inferences with several premises), ``annotated_gaps``, ``depth``. For a
    map read from Argdown, ``statements`` is Argdown's own count (its
    equivalence classes) and ``arguments`` and ``relations`` are added, as
    Argdown counts them.
    """
    from argmap.model import InferenceKind, StatementKind

    claims = evidence = assumptions = 0
    for statement in argmap.statements.values():
        if statement.is_assumption:
            assumptions += 1
        elif statement.kind is StatementKind.EVIDENCE:
            evidence += 1
        else:
            claims += 1
    kinds = dict.fromkeys(InferenceKind, 0)
    linked = 0
    for inference in argmap.inferences.values():
        kinds[inference.kind] += 1
        linked += len(inference.premises) > 1
    out: dict[str, Any] = {
        "statements": len(argmap.statements),
        "claims": claims,
        "evidence": evidence,
        "assumptions": assumptions,
        "inferences": len(argmap.inferences),
        "supports": kinds[InferenceKind.SUPPORT],
        "attacks": kinds[InferenceKind.ATTACK],
        "undercuts": kinds[InferenceKind.UNDERCUT],
        "linked": linked,
        "annotated_gaps": len(argmap.gaps),
        "depth": argmap.depth() if argmap.conclusion in argmap.statements else 0,
    }
    argdown = argmap.meta.get("argdown")
    if isinstance(argdown, dict):
        if isinstance(argdown.get("statements"), int):
            out["statements"] = argdown["statements"]
        for key in ("arguments", "relations"):
            if key in argdown:
                out[key] = argdown[key]
    return out


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
    from argmap.io import check_not_input
    from argmap.teaching.skeleton import blank_template, skeleton

    target = Path(map_path)
    if text_path is None:
        result = blank_template(title=None, text_path=None)
    else:
        check_not_input(map_path, [text_path])
        text = read_text(text_path, what="plain-text file")
        base = target.parent if str(map_path) != "-" else Path(".")
        relative = os.path.relpath(Path(text_path).resolve(), base.resolve())
        result = skeleton(text, text_path=Path(relative).as_posix())
    native.read(target if str(map_path) != "-" else Path("new.yaml"), text=result)
    return result


def blank_categories(value: str | None) -> tuple[str, ...]:
    """``--blank``'s ``"reasons,evidence"`` as categories, checked (an unknown one is a
    :class:`~argmap.errors.UsageError`); empty: the default."""
    from argmap.errors import ArgmapError, UsageError
    from argmap.teaching.exercise import parse_blank

    try:
        return parse_blank(value)
    except ArgmapError as exc:
        raise UsageError(str(exc)) from None


def difficulty_share(name: str) -> float:
    """``--difficulty``'s share of each category blanked (easy, medium, hard)."""
    from argmap.teaching.exercise import DIFFICULTY

    return DIFFICULTY[name]


def exercise(
    argmap: ArgumentMap,
    out_dir: str | Path,
    *,
    blank: Sequence[str] = ("reasons", "evidence"),
    seed: int = 0,
    share: float = 0.5,
    map_name: str | None = None,
    detected_gaps: bool = False,
    pdf: bool = True,
    notify: Callable[[list[str]], None] | None = None,
    engine: str = "auto",
) -> list[Path]:
    """Write a worksheet and its key into ``out_dir``; returns the files written.

    ``DIR/worksheet.md``, ``DIR/worksheet.svg`` (the map's frame with numbered
    blank boxes: no id, status or gap), ``DIR/worksheet.html`` (print-ready),
    ``DIR/answer-key.yaml`` and ``DIR/answer-key.md``, and ``DIR/worksheet.pdf``
    when ``pdf`` and a Chromium (or, for the diagram alone, the system ``dot``)
    can print it. ``notify`` hears what was left out: a missing source text, a
    PDF that could not be made. ``engine`` lays out the diagram (as :func:`render`'s).
    Only these files are replaced; nothing else in ``out_dir`` is touched.
    """
    from argmap.errors import OutputError
    from argmap.io import check_not_input, check_output, write_output
    from argmap.teaching.exercise import make_exercise
    from argmap.views.engines import layout, run_dot, system_dot
    from argmap.views.printing import html_to_pdf
    from argmap.views.worksheet import key_md, key_yaml, worksheet_md
    from argmap.views.worksheet_html import worksheet_html
    from argmap.views.worksheet_svg import print_diagrams, worksheet_dot

    notices: list[str] = []
    tell = notices.append
    ex = make_exercise(
        argmap,
        blank=blank,
        seed=seed,
        share=share,
        # every annotated gap (info ones too), detected ones without their duplicates
        gaps=find_gaps(argmap, severity="info") if "gaps" in blank else (),
        map_name=map_name or argmap.path or "MAP",
        detected_gaps=detected_gaps,
    )
    if not argmap.paragraphs():
        where = argmap.source.text if argmap.source and argmap.source.text else None
        tell(
            f"the source text {where} was not found: the worksheet leaves the text out; "
            "hand it to students separately"
            if where
            else "the map names no source text (source: text:): the worksheet leaves the "
            "text out; hand it to students separately"
        )
    dot = worksheet_dot(ex)
    # record labels: both engines draw the boxes the same way
    svg = layout(dot, "svg", engine).decode("utf-8")
    page = worksheet_html(
        ex, print_diagrams(ex, svg, lambda source: layout(source, "svg", engine).decode("utf-8"))
    )
    target = Path(out_dir)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is not a directory")
    files: list[tuple[str, str | bytes]] = [
        ("worksheet.md", worksheet_md(ex)),
        ("worksheet.svg", svg),
        ("worksheet.html", page),
        ("answer-key.yaml", key_yaml(ex)),
        ("answer-key.md", key_md(ex)),
    ]
    if pdf:
        printed = html_to_pdf(page)
        if printed is None and system_dot() is not None:
            printed = run_dot(dot, "pdf")
            tell("no Chromium found: worksheet.pdf holds the diagram only (print worksheet.html)")
        if printed is None:
            tell("no Chromium or Graphviz dot found: no worksheet.pdf (print worksheet.html)")
        else:
            files.append(("worksheet.pdf", printed))
    target.mkdir(parents=True, exist_ok=True)
    for name, _ in files:
        check_output(target / name)  # all can be written, or none is touched
        check_not_input(target / name, _inputs_of(argmap))
    written = []
    for name, data in files:
        write_output(target / name, data)
        written.append(target / name)
    if notify is not None and notices:
        notify(notices)
    return written


def grade(
    key: ArgumentMap,
    submissions: Sequence[str | Path],
    *,
    progress: Callable[[str], None] | None = None,
    fmt: str | None = None,
    rubric: Rubric | None = None,
    jobs: int | None = None,
) -> list[GradeResult]:
    """Grade each submission (a map file in any readable format) against the key map.

    ``fmt`` reads every submission as that format (else each by its name or
    content). An unreadable submission gets a result with ``score`` None and
    its ``error``; the batch goes on. ``progress`` is called with each file
    name once it is graded. ``rubric`` sets weights and costs (default: the
    standard rubric). ``jobs`` worker processes grade a big batch (default:
    one per core); the results are the same in any case.
    """
    import functools
    import os

    from argmap.teaching.grade import grade_files

    return grade_files(
        key,
        submissions,
        load=functools.partial(load, fmt=fmt),
        progress=progress,
        rubric=rubric,
        jobs=jobs if jobs is not None else (os.cpu_count() or 1),
    )


def class_report(key: ArgumentMap, results: Sequence[GradeResult]) -> ClassReport:
    """The class report's data: the results and an analysis per key statement and gap."""
    from argmap.teaching.classreport import class_report as build

    return build(key, list(results))


def load_rubric(path: str | Path) -> Rubric:
    """A grading rubric read from a YAML or JSON file (see docs/teaching.md)."""
    from argmap.teaching.rubric import load_rubric as read

    return read(path)


def quiz_export(the_quiz: Quiz, fmt: str, title: str) -> str | bytes:
    """The quiz for a learning platform: ``gift`` (Moodle GIFT text) or ``qti`` (the bytes of
    a QTI 2.1 content package, a zip), explanations as feedback."""
    from argmap.errors import UsageError
    from argmap.views.quiz_export import to_gift, to_qti

    if fmt == "gift":
        return to_gift(the_quiz, title)
    if fmt == "qti":
        return to_qti(the_quiz, title)
    raise UsageError(f"unknown quiz export {fmt!r}; choose gift or qti")


def quiz(argmap: ArgumentMap, *, seed: int = 0, count: int = 10) -> Quiz:
    """A multiple-choice quiz drawn from the map (5-15 questions, the same for the same seed)."""
    from argmap.teaching.quiz import make_quiz

    return make_quiz(argmap, find_gaps(argmap), seed=seed, count=count)


# --- editor api -------------------------------------------------------------------------------


def load_text(
    text: str, path: str | Path, fmt: str | None = None, *, conclusion: str | None = None
) -> tuple[ArgumentMap | None, list[LocatedError]]:
    """Read a map from ``text`` as the file ``path`` would be read: the map, or what is wrong.

    For editors and other callers that hold unsaved text. Bad input never
    raises: the map comes back with no errors, or ``None`` with every located
    error the reader reported (a format that cannot be told or read is an
    error without a line). ``path`` names the file in errors, chooses the
    format when ``fmt`` is not given, and is where a source text named by the
    map is looked for.
    """
    from argmap.errors import ArgmapError, LocatedError
    from argmap.formats import parse_map

    try:
        return parse_map(text, path, fmt, conclusion=conclusion), []
    except LocatedError as exc:
        found = getattr(exc, "errors", None)  # a reader that reports several errors at once
        if isinstance(found, list) and found and all(isinstance(e, LocatedError) for e in found):
            return None, list(found)
        return None, [exc]
    except ArgmapError as exc:
        return None, [LocatedError(exc.message, file=str(path))]


def format_name(path: str | Path, text: str | None = None) -> str | None:
    """The name of the readable format of ``path`` (by extension, else by ``text``), or ``None``."""
    from argmap.errors import FormatError
    from argmap.formats import detect

    try:
        return detect(path, text).name
    except FormatError:
        return None


def outline(text: str, fmt: str) -> Outline:
    """Where the ids and nodes stand in a map's text: definitions, references and the node tree.

    Works on text that does not load (an Argdown buffer is scanned line by
    line; YAML or JSON that does not parse gives an empty outline). See
    :mod:`argmap.formats._outline`.
    """
    from argmap.formats._outline import outline as scan

    return scan(text, fmt)
