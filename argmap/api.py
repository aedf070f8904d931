"""The library API: what the CLI calls, and what a Python user imports from ``argmap``.

Each function does one job over the model; heavy modules are imported
inside the functions so that ``import argmap`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.base import Gap
    from argmap.analysis.evaluate import Evaluation
    from argmap.analysis.gaps import CatalogueEntry
    from argmap.errors import LocatedError
    from argmap.formats._outline import Outline
    from argmap.model import ArgumentMap
    from argmap.teaching.cues import CueReport
    from argmap.teaching.grade import Result as GradeResult
    from argmap.teaching.quiz import Quiz


def load(path: str | Path, fmt: str | None = None, *, conclusion: str | None = None) -> ArgumentMap:
    """Read a map file in any readable format (by ``fmt``, else by extension, else by content)."""
    from argmap.formats import read_map

    return read_map(path, fmt, conclusion=conclusion)


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
) -> list[Gap]:
    """Every gap in the map, detected by the rules and annotated in the file, filtered.

    ``select`` and ``ignore`` take codes, code prefixes (``S`` = structural),
    names (``unanswered-objection``, ``factual-error``) or families, as in
    ``argmap gaps --select``. Gaps come grouped by node in map order.
    """
    from argmap.analysis.gaps import find_gaps as run_rules

    return run_rules(argmap, select=select, ignore=ignore)


# --- gaps api ---------------------------------------------------------------------------------


def evaluate(argmap: ArgumentMap) -> Evaluation:
    """Verdicts (accepted / contested / unsupported), IN/OUT/UNDECIDED labels and explanations."""
    from argmap.analysis.evaluate import evaluate as run_evaluation

    return run_evaluation(argmap)


def gap_catalogue() -> list[CatalogueEntry]:
    """Every gap kind argmap reports: code, name, default severity, family, summary, hint."""
    from argmap.analysis.gaps import catalogue

    return catalogue()


# --- render api -------------------------------------------------------------------------------


def to_dot(argmap: ArgumentMap, **options: Any) -> str:
    """The map as Graphviz DOT source: the same map and options give the same bytes.

    Options as for :func:`render`.
    """
    from argmap.rendering import RenderOptions, dot_source

    return dot_source(argmap, RenderOptions(**options))


def render(argmap: ArgumentMap, fmt: str = "svg", *, engine: str = "auto", **options: Any) -> bytes:
    """The map drawn as ``svg``, ``png``, ``pdf``, ``dot``, ``json`` (Graphviz's layout) or ``html``.

    ``engine`` is ``auto`` (the system ``dot`` when on PATH, else the embedded
    one), ``dot`` or ``wasm`` (SVG, JSON and HTML only). Options:
    ``width=30`` (characters per line), ``rankdir="TB"``, ``theme="default"``
    (or ``print``, ``colorblind``), ``legend=False``, ``evaluate=False``,
    ``gaps=True``, ``select=()``, ``ignore=()``.
    """
    from argmap.rendering import RenderOptions
    from argmap.rendering import render as render_map

    return render_map(argmap, fmt, engine, RenderOptions(**options))


def render_file(
    argmap: ArgumentMap,
    output: str | Path,
    fmt: str | None = None,
    *,
    engine: str = "auto",
    **options: Any,
) -> str:
    """Render to ``output`` atomically (``-`` is stdout), the format from ``fmt`` or the name.

    Returns the format written. Options as for :func:`render`.
    """
    from argmap.rendering import RenderOptions
    from argmap.rendering import render_file as render_to

    return render_to(argmap, output, fmt, engine, RenderOptions(**options))


# --- interchange api --------------------------------------------------------------------------


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
    argmap = load(source, from_fmt, conclusion=conclusion)
    if notify is not None:
        notify(argmap.notices)
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
    from argmap.teaching.skeleton import blank_template, skeleton

    target = Path(map_path)
    if text_path is None:
        result = blank_template(title=None, text_path=None)
    else:
        text = read_text(text_path)
        base = target.parent if str(map_path) != "-" else Path(".")
        relative = os.path.relpath(Path(text_path).resolve(), base.resolve())
        result = skeleton(text, text_path=Path(relative).as_posix())
    native.read(target if str(map_path) != "-" else Path("new.yaml"), text=result)
    return result


def exercise(
    argmap: ArgumentMap,
    out_dir: str | Path,
    *,
    blank: Sequence[str] = ("reasons", "evidence"),
    seed: int = 0,
    share: float = 0.5,
    map_name: str | None = None,
) -> list[Path]:
    """Write a worksheet and its key into ``out_dir``: the four files of ``argmap exercise``.

    ``DIR/worksheet.md``, ``DIR/worksheet.svg`` (the map with numbered blank
    boxes, no gap highlighting), ``DIR/answer-key.yaml`` and ``DIR/answer-key.md``.
    Only these files are replaced; nothing else in ``out_dir`` is touched.
    """
    from argmap.errors import OutputError
    from argmap.io import check_output, write_output
    from argmap.teaching.exercise import make_exercise

    ex = make_exercise(
        argmap,
        blank=blank,
        seed=seed,
        share=share,
        gaps=find_gaps(argmap) if "gaps" in blank else (),
        map_name=map_name or argmap.path or "MAP",
    )
    # no gap highlighting: flags on the blanks would hint at the answers
    svg = render(ex.worksheet_map, "svg", gaps=False)
    target = Path(out_dir)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is not a directory")
    target.mkdir(parents=True, exist_ok=True)
    files = (
        ("worksheet.md", ex.worksheet_md),
        ("worksheet.svg", svg),
        ("answer-key.yaml", ex.key_yaml),
        ("answer-key.md", ex.key_md),
    )
    for name, _ in files:
        check_output(target / name)  # all four can be written, or none is touched
    written = []
    for name, data in files:
        write_output(target / name, data)
        written.append(target / name)
    return written


def grade(
    key: ArgumentMap,
    submissions: Sequence[str | Path],
    *,
    progress: Callable[[str], None] | None = None,
    fmt: str | None = None,
) -> list[GradeResult]:
    """Grade each submission (a map file in any readable format) against the key map.

    ``fmt`` reads every submission as that format (else each by its name or
    content). An unreadable submission gets a result with ``score`` None and
    its ``error``; the batch goes on. ``progress`` is called with each file
    name once it is graded.
    """
    from argmap.teaching.grade import grade_files

    return grade_files(key, submissions, load=lambda p: load(p, fmt), progress=progress)


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
