"""The worksheet's diagram: the map's frame with numbered boxes to write in, as Graphviz DOT.

Unlike the analyst's picture (:mod:`argmap.views.dot`), nothing here belongs
to the key: no statement id (nodes are named ``n1``, ``n2``... in tree
order, and Graphviz's ``<title>`` shows only those), no status, no gap, no
tooltip. A blank is a box headed ``[N] ¶A kind`` over ruled lines, as many as
the hidden text would take in handwriting (about :data:`CHARS_PER_LINE`
characters a line), so the box shows its size but not a word of the text.
Shown statements keep their kind, text and paragraph. In a find-the-gaps
task every shown box is numbered ``(N)`` too.

The boxes are Graphviz *record* labels (fields split by rules), which every
Graphviz draws, the embedded WebAssembly one included (it has no HTML-like
labels), so both engines draw the same worksheet. User text goes through
:func:`argmap.views.dot.dot_string`, and the record's own marks
(``{ } | < >``) are escaped after it.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable

from argmap.model import ArgumentMap, Inference, InferenceKind
from argmap.teaching.exercise import Exercise
from argmap.teaching.grade import roles
from argmap.views.dot import dot_string
from argmap.views.worksheet import ROLE_LABEL

#: Handwriting is wider than print: characters per ruled line of a blank box.
CHARS_PER_LINE = 30
#: every box is this wide (inches; 216 points): room to write in, and room for a line of
#: :data:`_WRAP` characters in a font wider than the Helvetica metrics the embedded engine
#: measures with (DejaVu Sans, where Arial is not installed)
BOX_WIDTH = 3.0
_WRAP = 32

#: The kind word each box shows: the outline's role labels, shorter for an undercut.
_KIND_LABEL = {**ROLE_LABEL, "undercut": "Undercut", "unconnected": "Statement"}
_FILL = {
    "conclusion": "#d6e6f7",
    "reason": "#eef5e9",
    "evidence": "#fff7e0",
    "assumption": "#f3eefa",
    "objection": "#fbe3e3",
    "rebuttal": "#e3f4f4",
    "undercut": "#fbe3e3",
    "unconnected": "#ffffff",
}


def _r(text: str) -> str:
    """User text inside a record field: escaped for DOT, then the record's marks escaped."""
    inner = dot_string(text)[1:-1]
    return _RECORD_MARKS.sub(r"\\\g<0>", inner)


_RECORD_MARKS = re.compile(r"[{}|<>]")


def ruled_lines(text: str) -> int:
    """How many handwriting lines a blank gets for a hidden ``text`` (at least two)."""
    return max(2, math.ceil(len(text) / CHARS_PER_LINE) + 1)


def _anchor(at: str | None) -> str:
    return f"¶{at}" if at else "¶?"


def _head(number: str, at: str | None, kind: str) -> str:
    """The first field of a box: its number (if any), its paragraph and its kind."""
    return "\\ \\ ".join(_r(part) for part in (number, _anchor(at), kind) if part) + "\\l"


def _blank_label(number: int, at: str | None, kind: str, lines: int) -> str:
    """A blank box: the head, then ``lines`` empty fields, each ruled off from the next."""
    return '"{' + _head(f"[{number}]", at, kind) + "| " * lines + '}"'


def _shown_label(box: int | None, at: str | None, kind: str, text: str) -> str:
    head = _head(f"({box})" if box is not None else "", at, kind)
    wrapped = "".join(_r(line) + "\\l" for line in textwrap.wrap(text, _WRAP))
    return '"{' + head + "|" + wrapped + '}"'


def _legend() -> list[str]:
    rows = [
        "How to read this map",
        "green arrow: supports the box it points to",
        "red arrow: attacks the box (or step) it points to",
        "dot: premises that only work together",
        "[N] ¶A: write the statement from paragraph A",
    ]
    label = '"' + "".join(dot_string(row)[1:-1] + "\\l" for row in rows) + '"'
    return [f'  legend [shape=note, style=filled, fillcolor="#fafafa", label={label}];']


def branches(ex: Exercise) -> list[set[str]]:
    """The statements of each main branch (what one inference into the conclusion carries,
    all the way down), in tree order; a print page shows one branch when the whole map is
    too wide to write on."""
    out: list[set[str]] = []
    current: set[str] | None = None
    seen_via: dict[str, set[str]] = {}
    for entry in ex.argmap.tree():
        if entry.depth == 0:
            continue
        if entry.depth == 1 and entry.via is not None:
            current = seen_via.get(entry.via.id)
            if current is None:
                current = set()
                seen_via[entry.via.id] = current
                out.append(current)
        if current is not None:
            current.add(entry.node)
    return out


def _kind(via: Inference | None, role: str, statement_kind: str, seen: dict[str, str]) -> str:
    """What a box is, from how the tree reaches it: an attack on an objection is a
    rebuttal, support under an objection is a reason (or evidence) for it."""
    if via is None:
        return role
    if via.kind is InferenceKind.UNDERCUT:
        return "undercut"
    parent = seen.get(via.target, "reason")
    if via.kind is InferenceKind.ATTACK:
        return "rebuttal" if parent in ("objection", "undercut") else "objection"
    if role in ("objection", "rebuttal", "undercut"):
        return "evidence" if statement_kind == "evidence" else "reason"
    return role


def worksheet_dot(ex: Exercise, only: set[str] | None = None) -> str:
    """The DOT of the worksheet's diagram (see the module docstring); ``only``: draw just the
    conclusion and these statements (one of :func:`branches`)."""
    argmap: ArgumentMap = ex.argmap
    role = roles(argmap)
    blanks = {b.node: b for b in ex.blanks}
    boxes = ex.boxes
    names: dict[str, str] = {}
    shown_kind: dict[str, str] = {}
    lines = [
        "digraph worksheet {",
        '  graph [rankdir=BT, nodesep=0.35, ranksep=0.45, fontname="Arial", pad=0.2];',
        '  node [shape=Mrecord, style="filled", fontname="Arial", fontsize=12, '
        f'color="#555555", margin="0.08,0.06", width={BOX_WIDTH}];',
        '  edge [color="#4d7a3a", penwidth=1.4, arrowsize=0.8];',
    ]
    for entry in argmap.tree():
        sid = entry.node
        if sid in names or (only is not None and entry.depth > 0 and sid not in only):
            continue
        names[sid] = f"n{len(names) + 1}"
        statement = argmap.statements[sid]
        kind = _kind(entry.via, role.get(sid, "unconnected"), statement.kind.value, shown_kind)
        shown_kind[sid] = kind
        label_kind = _KIND_LABEL.get(kind, "Statement")
        blank = blanks.get(sid)
        if blank is not None:
            label = _blank_label(blank.number, blank.at, label_kind, ruled_lines(blank.text))
            fill = '"#ffffff"'
        else:
            box = boxes.get(sid) if ex.find_gaps else None
            label = _shown_label(box, statement.at, label_kind, statement.text)
            fill = f'"{_FILL.get(kind, "#ffffff")}"'
        lines.append(f"  {names[sid]} [fillcolor={fill}, label={label}];")
    junctions: dict[str, str] = {}
    targets = {inf.target for inf in argmap.inferences.values()}
    drawn = [inf for inf in argmap.inferences.values() if all(p in names for p in inf.premises)]
    for inf in drawn:
        if len(inf.premises) > 1 or inf.id in targets:
            junctions[inf.id] = f"j{len(junctions) + 1}"
            lines.append(f'  {junctions[inf.id]} [shape=point, width=0.09, label=""];')
    for inf in drawn:
        attack = inf.kind is not InferenceKind.SUPPORT
        colour = ', color="#b03030"' if attack else ""
        if inf.target in names:
            head = names[inf.target]
        elif inf.target in junctions:
            head = junctions[inf.target]
        else:
            continue
        if inf.id in junctions:
            for premise in inf.premises:
                lines.append(f"  {names[premise]} -> {junctions[inf.id]} [arrowhead=none{colour}];")
            lines.append(f"  {junctions[inf.id]} -> {head} [{colour.lstrip(', ')}];")
        else:
            lines.append(f"  {names[inf.premises[0]]} -> {head} [{colour.lstrip(', ')}];")
    if only is None:
        lines += _legend()
    lines.append("}")
    return "\n".join(lines) + "\n"


#: Wider than this (in points) and the print page shows one main branch per page.
PRINT_WIDTH = 1100


def svg_width(svg: str) -> float:
    """The width Graphviz gives an SVG, in points (0 when it says none)."""
    found = re.search(r'<svg[^>]*\swidth="([0-9.]+)pt"', svg)
    return float(found.group(1)) if found else 0.0


def print_diagrams(ex: Exercise, full_svg: str, render: Callable[[str], str]) -> list[str]:
    """The diagrams of the print page: the whole map when it fits a landscape page at a
    size to write on, else its main branches, each under the conclusion, as many side by
    side as fit a page, rendered with ``render`` (DOT -> SVG text)."""
    parts = branches(ex)
    if svg_width(full_svg) <= PRINT_WIDTH or len(parts) < 2:
        return [full_svg]
    drawn = [render(worksheet_dot(ex, only=part)) for part in parts]
    # side by side on one page while they fit: consecutive branches, in tree order
    groups: list[tuple[set[str], float, str]] = []
    for part, svg in zip(parts, drawn, strict=True):
        width = svg_width(svg)
        if groups and groups[-1][1] + width <= PRINT_WIDTH:
            joined, total, _ = groups[-1]
            groups[-1] = (joined | part, total + width, "")
        else:
            groups.append((set(part), width, svg))
    return [svg or render(worksheet_dot(ex, only=part)) for part, _, svg in groups]
