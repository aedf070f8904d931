"""The Graphviz view: an argument map as a DOT digraph, deterministic and safely escaped.

Layout: the conclusion at the top (``rankdir`` TB), evidence at the bottom.
Edges are written from the supported statement down to its premise with
``dir=back``, so the ranks follow the tree while the arrows point from the
support towards what it supports. Linked premises (and inferences that are
undercut, since an undercut needs something to point at, or that carry a
gap) meet at a small junction node; every other inference is a plain edge,
because junctions roughly double the layout time.

Labels are plain Graphviz strings, not HTML-like labels: the embedded
WebAssembly Graphviz is built without HTML-label support. Lines are
justified to tell their role apart (``\\l`` for the statement's text,
``\\n`` for the id/anchor line, ``\\r`` for the gap marker), and
:func:`svg_stylesheet` makes the id/anchor line small and the gap marker
coloured in SVG output.

Every piece of user text goes through :func:`dot_string`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from argmap.analysis.base import SEVERITY_ORDER, Gap
from argmap.errors import RenderError
from argmap.model import (
    ArgumentMap,
    Inference,
    InferenceKind,
    Severity,
    Statement,
    StatementKind,
    Strength,
)
from argmap.model.presentation import (
    Section,
    argument_description,
    argument_title,
    sections,
    statement_colour,
)
from argmap.safe_text import printable

if TYPE_CHECKING:
    import graphviz

Context = Literal["label", "tooltip"]
RANKDIRS = ("TB", "BT", "LR", "RL")
KINDS = ("conclusion", "reason", "evidence", "assumption", "objection")
VERDICTS = ("accepted", "contested", "unsupported")

# --- escaping -----------------------------------------------------------------------------------

# C0/C1 control characters (a NUL would end the string inside Graphviz), lone surrogates
# (not encodable as UTF-8; a JSON map can hold them) and the two non-characters XML forbids
# are dropped; bidi overrides are shown as "\u202e" (they would reorder the label's text);
# any run of whitespace, line breaks included, becomes one space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """User text on one line: control characters dropped, whitespace runs made one space."""
    if text.isprintable():
        # the common case, in one scan: no control, bidi or non-character code point (all
        # unprintable), and no whitespace but the plain space (every other is unprintable)
        return " ".join(text.split())
    return printable(_SPACE.sub(" ", _CONTROL.sub("", text)).strip())


def dot_string(text: str, context: Context = "label") -> str:
    """The one way user text enters DOT: a complete double-quoted DOT string.

    The text is :func:`clean`\\ ed, then made inert for Graphviz:

    - ``&`` becomes ``&amp;``: Graphviz decodes HTML entities in labels and
      tooltips, so ``&amp;`` typed by a user must stay ``&amp;`` on screen;
    - ``\\`` is doubled, so ``\\N``, ``\\G``, ``\\L``, ``\\n``... stay literal
      (``graphviz.escape`` does this much). Tooltips go through Graphviz's
      escape processing twice, so there each backslash is doubled twice;
    - ``"`` becomes ``\\"``, so the text can never close the string and add
      attributes.

    The result is always quoted, never an HTML-like ``<...>`` label, so no
    markup (``<IMG SRC=...>`` included) is ever interpreted.
    """
    return '"' + _inert(clean(text), context) + '"'


def _inert(text: str, context: Context = "label") -> str:
    """Text already :func:`clean`\\ ed, made inert inside a DOT string (see :func:`dot_string`)."""
    value = text.replace("&", "&amp;")
    value = value.replace("\\", "\\\\\\\\" if context == "tooltip" else "\\\\")
    return value.replace('"', '\\"')


# --- themes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """Colours of one theme; shapes and line styles are the same in every theme."""

    name: str
    fill: Mapping[str, str]
    border: Mapping[str, str]
    support: str
    attack: str
    severity: Mapping[Severity, str]
    verdict: Mapping[str, str]
    text: str = "#1a1a1a"
    meta: str = "#555555"


THEMES: dict[str, Theme] = {
    "default": Theme(
        name="default",
        fill={
            "conclusion": "#d6e6f7",
            "reason": "#eef5fc",
            "evidence": "#e5f3e0",
            "assumption": "#fff7d6",
            "objection": "#fde6e3",
        },
        border={
            "conclusion": "#1f4e79",
            "reason": "#3b6ea5",
            "evidence": "#3d7a36",
            "assumption": "#8a6d00",
            "objection": "#a8322a",
        },
        support="#2e7d32",
        attack="#c62828",
        severity={Severity.ERROR: "#d32f2f", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"},
        verdict={"accepted": "#c8e6c9", "contested": "#fff1a8", "unsupported": "#e0e0e0"},
    ),
    # black and white: no fills but a grey conclusion, black lines; kinds differ by shape and line
    "print": Theme(
        name="print",
        fill={
            "conclusion": "#e8e8e8",
            "reason": "#ffffff",
            "evidence": "#ffffff",
            "assumption": "#ffffff",
            "objection": "#ffffff",
        },
        border=dict.fromkeys(KINDS, "#000000"),
        support="#000000",
        attack="#000000",
        severity=dict.fromkeys(Severity, "#000000"),
        verdict={"accepted": "#ffffff", "contested": "#e0e0e0", "unsupported": "#b0b0b0"},
        text="#000000",
        meta="#333333",
    ),
    # Okabe-Ito colours, safe for the common colour-vision deficiencies
    "colorblind": Theme(
        name="colorblind",
        fill={
            "conclusion": "#cfe3f2",
            "reason": "#eef5fb",
            "evidence": "#d2eee6",
            "assumption": "#fbf5c8",
            "objection": "#f7dccb",
        },
        border={
            "conclusion": "#0072b2",
            "reason": "#56b4e9",
            "evidence": "#009e73",
            "assumption": "#8c7a00",
            "objection": "#d55e00",
        },
        support="#0072b2",
        attack="#d55e00",
        # warning and info: darker Okabe-Ito orange and sky blue, 3.5:1 and 3.7:1 on white
        # (#e69f00 and #56b4e9 are 2.3:1; tests/test_theme_contrast.py)
        severity={Severity.ERROR: "#d55e00", Severity.WARNING: "#c77700", Severity.INFO: "#2b8cc4"},
        verdict={"accepted": "#bfe3f5", "contested": "#fbe5b0", "unsupported": "#e0e0e0"},
    ),
}

# shape and line style per kind: these, not colour, tell the kinds apart in black and white
SHAPES: dict[str, tuple[str, str]] = {
    "conclusion": ("box", "rounded,filled,bold"),
    "reason": ("box", "rounded,filled"),
    "evidence": ("note", "filled"),
    # dotted, never dashed: a dashed border is a gap's mark
    "assumption": ("box", "rounded,filled,dotted"),
    "objection": ("box", "filled,diagonals"),
}
KIND_NAMES = {
    "conclusion": "conclusion",
    "reason": "reason",
    "evidence": "evidence",
    "assumption": "implicit assumption",
    "objection": "objection",
}
LAYOUTS = ("default", "slide")


@dataclass(frozen=True)
class Layout:
    """Sizes of one layout preset: type, wrapping and spacing (inches, as Graphviz counts)."""

    fontsize: int
    conclusion_size: int
    width: int | None
    nodesep: str
    ranksep: str
    #: labels are the statement's title, or its first words, instead of its whole text
    short: bool


LAYOUT_SIZES = {
    "default": Layout(11, 13, None, "0.3", "0.45", short=False),
    # for a 16:9 slide: a part of about 12 statements fitted into 1920x1080 keeps its type at
    # 14 px or more (tests/test_slide_layout.py measures the flagship's parts)
    "slide": Layout(20, 22, 20, "0.25", "0.5", short=True),
}
#: a short label is at most this many words of the text (the title, when there is one)
SHORT_WORDS = 9
GAP_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}
GAP_PEN = {Severity.ERROR: "3.2", Severity.WARNING: "2.4"}
# Arial: the embedded engine measures it with Helvetica's metrics and fontconfig maps it to a
# metric-compatible font (Liberation Sans), so boxes fit their text in every engine and browser
FONT = "Arial"


@dataclass(frozen=True)
class DotOptions:
    """What the Graphviz view draws, and how."""

    width: int = 30
    rankdir: str = "TB"
    theme: str = "default"
    legend: bool = False
    title: bool = True
    #: ``default``, or ``slide``: large type, short labels, for a 16:9 page
    layout: str = "default"
    #: statements drawn collapsed: id -> how many statements are hidden below it
    more: Mapping[str, int] = field(default_factory=dict)
    #: a heading of its own, under the map's title (a part of a split map)
    subtitle: str | None = None
    #: lay out a large map fully too (see :func:`quick_layout`)
    full_layout: bool = False

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise RenderError(f"unknown layout {self.layout!r}; use one of {', '.join(LAYOUTS)}")
        if self.rankdir not in RANKDIRS:
            raise RenderError(f"unknown rankdir {self.rankdir!r}; use one of {', '.join(RANKDIRS)}")
        if self.theme not in THEMES:
            raise RenderError(f"unknown theme {self.theme!r}; use one of {', '.join(THEMES)}")
        if self.width < 8:
            raise RenderError(f"width {self.width} is too narrow; use 8 characters or more")


@dataclass
class _Context:
    argmap: ArgumentMap
    options: DotOptions
    theme: Theme
    gaps: dict[str, list[Gap]] = field(default_factory=dict)
    verdicts: Mapping[str, str] = field(default_factory=dict)
    why: Mapping[str, str] = field(default_factory=dict)
    junctions: set[str] = field(default_factory=set)
    edge_prefix: str = "edge"
    #: tooltips kept out of the DOT, for the SVG's titles (see :func:`to_dot`); ``None``: in it
    titles: list[str] | None = None


# --- building -----------------------------------------------------------------------------------


def to_graphviz(
    argmap: ArgumentMap,
    gaps: Sequence[Gap] = (),
    verdicts: Mapping[str, str] | None = None,
    options: DotOptions | None = None,
    *,
    why: Mapping[str, str] | None = None,
) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph` (gaps styled, verdicts coloured when given).

    ``why`` explains verdicts in the tooltips (statement id -> one line).
    """
    import graphviz

    opts = options or DotOptions()
    graph = graphviz.Digraph(name="argmap")
    graph.body.extend(_body(argmap, gaps, verdicts or {}, opts, why or {}))
    return graph


def to_dot(
    argmap: ArgumentMap,
    gaps: Sequence[Gap] = (),
    verdicts: Mapping[str, str] | None = None,
    options: DotOptions | None = None,
    *,
    why: Mapping[str, str] | None = None,
    titles: list[str] | None = None,
) -> str:
    """The map as DOT source: the same map and options give the same text, byte for byte.

    Given a list as ``titles``, the tooltips are not written into the DOT:
    each goes into the list, and the element that has it gets the class
    ``tip<N>`` (its index), for :func:`style_svg` to make it the element's SVG
    ``<title>``. Graphviz then has less to read and write (no link around each
    element): the 2,000-statement generated map lays out in 0.37 s instead of
    0.39 s with the embedded engine, and its SVG is 15% smaller.
    """
    opts = options or DotOptions()
    body = _body(argmap, gaps, verdicts or {}, opts, why or {}, titles)
    return "digraph argmap {\n" + "".join(body) + "}\n"


def _body(
    argmap: ArgumentMap,
    gaps: Sequence[Gap],
    verdicts: Mapping[str, str],
    options: DotOptions,
    why: Mapping[str, str],
    titles: list[str] | None = None,
) -> list[str]:
    ctx = _Context(
        argmap, options, THEMES[options.theme], verdicts=verdicts, why=why, titles=titles
    )
    for gap in gaps:
        ctx.gaps.setdefault(gap.node, []).append(gap)
    for node_gaps in ctx.gaps.values():
        node_gaps.sort(key=lambda g: (SEVERITY_ORDER[g.severity], g.code))
    ctx.junctions = junctions(argmap, ctx.gaps)
    ctx.edge_prefix = edge_prefix(argmap)
    lines = _header(ctx)
    lines.extend(_statement(ctx, statement) for statement in argmap.statements.values())
    for inference in argmap.inferences.values():
        lines.extend(_inference(ctx, inference))
    if len(argmap.statements) <= GROUPING_LIMIT:
        lines.extend(_sections(ctx))
    if options.legend:
        lines.extend(_legend(ctx))
    return lines


#: the borders of section boxes by depth (Argdown's group greys, darker inside)
SECTION_BORDERS = ("#9a9a9a", "#b4b4b4", "#c8c8c8")
#: above this many statements the section and co-premise boxes and the extra crossing-reduction passes
#: are left out: they cost layout time, and on a map that big nobody reads one reason's box
GROUPING_LIMIT = 500

#: Above this many statements the layout is capped (:func:`quick_layout`). Graphviz's
#: positioning pass (network simplex) takes about 0.8 pivots a node to finish, each pivot
#: costing time in proportion to the map, so the full layout grows with the square of the
#: size: measured with the embedded engine on generated maps, 0.27 s at 1,000 statements,
#: 0.95 s at 2,000, 3.3 s at 4,000, 34 s at 10,000 (a loaded machine).
LARGE_MAP = 2_500
#: The cap: at most this many pivots of the positioning pass (Graphviz's ``nslimit`` is a
#: multiple of the node count), so the layout time grows with the size, not its square. A
#: map under :data:`LARGE_MAP` finishes within it anyway.
LARGE_PIVOTS = 2_000
#: How many candidate edges each pivot of the positioning pass looks at in a map of more
#: than :data:`GROUPING_LIMIT` statements (Graphviz's ``searchsize``; its default is 30).
LARGE_SEARCH = 10


def uniform_width(chars: int, fontsize: int) -> float:
    """The width in inches of a box holding a full line of ``chars`` characters (Arial's
    average letter is about 0.55 em wide; the node margin is 0.14 in on each side)."""
    return chars * fontsize * 0.55 / 72 + 2 * 0.14


def quick_layout(statements: int, full_layout: bool = False) -> bool:
    """Whether a map of ``statements`` gets the capped layout (not with ``full_layout``)."""
    return statements > LARGE_MAP and not full_layout


def co_premise_groups(argmap: ArgumentMap) -> list[tuple[str, list[str]]]:
    """The linked inferences drawn as one box around their premises: ``(cluster id, premises)``.

    A premise shared by two linked inferences belongs to neither box (a node
    can sit in one cluster only), so those inferences are left unboxed.
    """
    if len(argmap.statements) > GROUPING_LIMIT:
        return []
    uses: dict[str, int] = {}
    for inf in argmap.inferences.values():
        for premise in inf.premises:
            uses[premise] = uses.get(premise, 0) + 1
    prefix = _free_prefix(argmap, "cluster")
    # a box sits inside one section's box: premises under two headings get none
    where = section_paths(argmap)
    return [
        (f"{prefix}:{inf.id}", list(inf.premises))
        for inf in argmap.inferences.values()
        if len(inf.premises) > 1
        and all(uses[p] == 1 for p in inf.premises)
        and len({where.get(p, ()) for p in inf.premises}) == 1
    ]


def section_paths(argmap: ArgumentMap) -> dict[str, tuple[int, ...]]:
    """Each statement under a heading: the path of section numbers down to its own section."""
    paths: dict[str, tuple[int, ...]] = {}
    stack: list[tuple[tuple[int, ...], Section]] = [
        ((n,), section) for n, section in enumerate(sections(argmap))
    ]
    while stack:
        path, section = stack.pop()
        for sid in section.statements:
            paths[sid] = path
        stack.extend((path + (n,), child) for n, child in enumerate(section.children))
    return paths


def _sections(ctx: _Context) -> list[str]:
    """The file's headings as boxes (Graphviz clusters) around their statements, nested as the
    headings are, each co-premise box inside its section's; labelled with the heading."""
    theme = ctx.theme
    argmap = ctx.argmap
    fill = "#ffffff" if theme.name == "print" else "#f6f7f9"
    groups: dict[tuple[int, ...], list[str]] = {}
    where = section_paths(argmap)
    for cluster, premises in co_premise_groups(argmap):
        name = dot_string(cluster)
        members = " ".join(dot_string(p) for p in premises)
        groups.setdefault(where.get(premises[0], ()), []).append(
            f'subgraph {name} {{ id={name} class="co-premises" label="" '
            f'style="rounded,filled" fillcolor="{fill}" color="#b0b0b0" penwidth=1 '
            f"{members} }}"
        )
    lines = [f"\t{box}\n" for box in groups.get((), [])]
    prefix = _free_prefix(argmap, "cluster")

    def box(path: tuple[int, ...], section: Section, depth: int) -> list[str]:
        name = dot_string(f"{prefix}/section/{'.'.join(map(str, path))}")
        pad = "\t" * depth
        border = theme.meta if theme.name == "print" else SECTION_BORDERS[min(depth - 1, 2)]
        out = [
            f"{pad}subgraph {name} {{\n",
            f'{pad}\tid={name} class="section" label={dot_string(section.title)} '
            f'labeljust="l" fontsize=12 fontcolor="{theme.meta}" style="rounded" '
            f'color="{border}" penwidth=1.2\n',
        ]
        if section.statements:
            out.append(pad + "\t" + " ".join(dot_string(s) for s in section.statements) + "\n")
        out.extend(f"{pad}\t{inner}\n" for inner in groups.get(path, []))
        for n, child in enumerate(section.children):
            out.extend(box(path + (n,), child, depth + 1))
        out.append(f"{pad}}}\n")
        return out

    for n, section in enumerate(sections(argmap)):
        lines.extend(box((n,), section, 1))
    return lines


def junctions(argmap: ArgumentMap, gap_nodes: Container[str] = ()) -> set[str]:
    """The inferences drawn with a junction node: linked, undercut, or carrying a gap."""
    return {
        inf.id
        for inf in argmap.inferences.values()
        if len(inf.premises) > 1 or argmap.attacks(inf.id) or inf.id in gap_nodes
    }


def edge_prefix(argmap: ArgumentMap) -> str:
    """What the ids of junction edges start with: a prefix no id of the map starts with."""
    return _free_prefix(argmap, "edge")


def _edge_id(prefix: str, inference: str, end: int | None) -> str:
    # the last part is "in" or a number, so two (inference, end) pairs never give one id
    return f"{prefix}:{inference}:{'in' if end is None else end}"


def drawn_edges(argmap: ArgumentMap, gaps: Sequence[Gap] = ()) -> list[tuple[str, str, str]]:
    """Every edge :func:`to_dot` draws as ``(SVG id, upper node, lower node)``.

    The upper node is the supported (or attacked) side, the lower one the
    premise side; nodes are statement ids and junction (inference) ids. The
    HTML explorer uses this to hide a collapsed branch.
    """
    drawn = junctions(argmap, {g.node for g in gaps})
    prefix = edge_prefix(argmap)
    edges: list[tuple[str, str, str]] = []
    for inf in argmap.inferences.values():
        if inf.id not in drawn:
            edges.append((inf.id, inf.target, inf.premises[0]))
            continue
        edges.append((_edge_id(prefix, inf.id, None), inf.target, inf.id))
        edges.extend(
            (_edge_id(prefix, inf.id, i), inf.id, premise) for i, premise in enumerate(inf.premises)
        )
    return edges


def _attrs(attrs: Mapping[str, str]) -> str:
    """`` [k=v ...]``; values are already DOT strings (from :func:`dot_string` or :func:`_q`)."""
    return " [" + " ".join(f"{key}={value}" for key, value in attrs.items()) + "]"


def _q(constant: str) -> str:
    """Quote a value argmap itself chose (a colour, a style): never user text."""
    return f'"{constant}"'


def _header(ctx: _Context) -> list[str]:
    theme = ctx.theme
    sizes = LAYOUT_SIZES[ctx.options.layout]
    graph = {
        "rankdir": ctx.options.rankdir,
        "nodesep": sizes.nodesep,
        "ranksep": sizes.ranksep,
        "fontname": _q(FONT),
        "bgcolor": "white",
    }
    if len(ctx.argmap.statements) <= GROUPING_LIMIT:
        # more crossing-reduction passes, and again once the clusters are placed: on the
        # flagship 10% less edge length, and the layout is no slower (system dot: 0.10 s vs 0.17 s)
        graph |= {"mclimit": "4", "remincross": "true"}
    else:
        # each pivot of the positioning pass looks at fewer candidate edges (Graphviz's
        # default is 30): on the 2,000-statement generated map the layout is 5% quicker and
        # the total edge length 0.03% longer, the same picture to the eye
        graph["searchsize"] = str(LARGE_SEARCH)
    if quick_layout(len(ctx.argmap.statements), ctx.options.full_layout):
        nodes = len(ctx.argmap.statements) + len(ctx.junctions)
        graph["nslimit"] = f"{LARGE_PIVOTS / nodes:.3g}"
    heading = [
        t for t in (ctx.argmap.title if ctx.options.title else None, ctx.options.subtitle) if t
    ]
    if heading:
        size = str(sizes.conclusion_size + 6) if sizes.short else "18"
        graph |= {"label": dot_string(": ".join(heading)), "labelloc": "t", "fontsize": size}
    node = {
        "fontname": _q(FONT),
        "fontsize": str(sizes.fontsize),
        "fontcolor": _q(theme.text),
        "margin": _q("0.14,0.07"),
        "penwidth": "1.2",
    }
    if len(ctx.argmap.statements) > GROUPING_LIMIT:
        # one width for every box (wider text still widens its own): Graphviz's positioning
        # pass takes as many steps, each cheaper, when the boxes are alike (2,000 statements:
        # 12% less processor time, docs/render.md), and a large map reads as a grid, as
        # Argdown draws its maps
        node["width"] = f"{uniform_width(sizes.width or ctx.options.width, sizes.fontsize):.2f}"
    edge = {"penwidth": "1.5", "arrowsize": "0.8", "fontname": _q(FONT), "fontsize": "10"}
    return [
        f"\tgraph{_attrs(graph)}\n",
        f"\tnode{_attrs(node)}\n",
        f"\tedge{_attrs(edge)}\n",
    ]


def kind_of(argmap: ArgumentMap, statement: Statement) -> str:
    """The kind a statement is drawn as: conclusion, reason, evidence, assumption or objection."""
    if statement.id == argmap.conclusion:
        return "conclusion"
    if statement.is_assumption:
        return "assumption"
    if statement.kind is StatementKind.EVIDENCE:
        return "evidence"
    outgoing = argmap.outgoing(statement.id)
    if outgoing and outgoing[0].kind is not InferenceKind.SUPPORT:
        return "objection"
    return "reason"


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping at spaces; a word longer than ``width`` is cut (textwrap is 5x slower)."""
    lines: list[str] = []
    line = ""
    for word in clean(text).split(" "):
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _label_lines(text: str, width: int, end: str) -> str:
    """Wrapped lines, each escaped on its own and ended by a justification escape."""
    # the lines of _wrap are clean already: made inert, not cleaned again
    return "".join(_inert(line) + end for line in _wrap(text, width))


def meta_lines(statement: Statement, width: int, *, source: bool = True) -> list[str]:
    """The small lines under a statement: id, paragraph anchors and basis; then the source.

    An implicit or reconstructed statement says so here, in words: in black
    and white that is what tells it from a statement with a gap.
    """
    bits = [statement.id]
    if statement.at:
        bits.append(f"¶{statement.at}")
    if statement.reconstructed:
        bits.append("reconstructed")
    elif statement.implicit:
        bits.append("implicit")
    if statement.given:
        bits.append("given")
    if statement.basis is not None:
        bits.append(statement.basis.value)
    lines = _wrap(" · ".join(bits), width)
    if source and statement.source is not None:
        # one line at most (it is set small in SVG): the name is shortened, never the date;
        # the whole source is in the tooltip and on the HTML page
        limit = width + 10
        name = clean(statement.source.name or "")
        date = f", {clean(statement.source.date)}" if statement.source.date else ""
        if len(name) + len(date) > limit:
            name = name[: max(limit - len(date) - 1, 1)].rstrip() + "…"
        named = (name + date).removeprefix(", ")
        if named:
            lines.append(named)
    return lines


def gap_text(gap: Gap) -> str:
    """One gap for a tooltip: code, severity, name, message (without its leading node id)."""
    message = gap.message.removeprefix(f"{gap.node}: ")
    return f"{gap.code} {gap.severity.value} ({gap.name}): {message}"


def short_label(statement: Statement) -> str:
    """A statement in a few words: its title, else its first words (with "…" when cut)."""
    if statement.title:
        return statement.title
    words = clean(statement.text).split(" ")
    if len(words) <= SHORT_WORDS + 2:
        return " ".join(words)
    return " ".join(words[:SHORT_WORDS]).rstrip(",;:") + "…"


def _statement(ctx: _Context, statement: Statement) -> str:
    theme = ctx.theme
    sizes = LAYOUT_SIZES[ctx.options.layout]
    width = sizes.width or ctx.options.width
    kind = kind_of(ctx.argmap, statement)
    shape, style = SHAPES[kind]
    gaps = ctx.gaps.get(statement.id, [])
    verdict = ctx.verdicts.get(statement.id)
    classes = ["statement", kind]

    label = ""
    if gaps:
        worst = gaps[0].severity
        codes = " ".join(dict.fromkeys(g.code for g in gaps))
        # keep the marker clear of the folded corner of the evidence shape
        pad = "\u00a0\u00a0" if shape == "note" else ""
        label += dot_string(f"{GAP_MARKS[worst]} {codes}")[1:-1] + pad + "\\r"
        classes.append(f"gap-{worst.value}")
    text = short_label(statement) if sizes.short else statement.text
    label += _label_lines(_fitted(text, "label"), width, "\\l")
    meta = meta_lines(statement, width, source=not sizes.short)
    label += "".join(_inert(line) + "\\n" for line in meta)  # clean: made of clean text
    more = ctx.options.more.get(statement.id)
    if more:
        label += dot_string(f"+{more} more below")[1:-1] + "\\n"
        classes.append("collapsed")
    if verdict:
        label += dot_string(f"⇒ {verdict}")[1:-1] + "\\n"
        classes.append(f"verdict-{verdict}" if verdict in VERDICTS else "verdict")

    attrs = {
        "id": dot_string(statement.id),
        "class": _q(" ".join(classes)),
        "label": f'"{label}"',
        "tooltip": "",
        "shape": shape,
        "style": _q(style),
        "fillcolor": _q(
            theme.verdict.get(verdict, theme.fill[kind]) if verdict else theme.fill[kind]
        ),
        "color": _q(theme.border[kind]),
    }
    tagged = statement_colour(ctx.argmap, statement) if theme.name == "default" else None
    if tagged and not verdict:
        # the map's own colour (Argdown's tag colours): a light fill of it, the shape keeps kind
        attrs["fillcolor"] = _q(tint(tagged))
        classes.append("tag-coloured")
        attrs["class"] = _q(" ".join(classes))
    if kind == "conclusion":
        attrs["fontsize"] = str(sizes.conclusion_size)
        attrs["peripheries"] = "2"
    if statement.reconstructed:
        classes.append("reconstructed")
        attrs["class"] = _q(" ".join(classes))
    if gaps and gaps[0].severity is not Severity.INFO:
        attrs["color"] = _q(theme.severity[gaps[0].severity])
        attrs["penwidth"] = GAP_PEN[gaps[0].severity]
        attrs["style"] = _q(",".join(s for s in style.split(",") if s != "bold") + ",dashed")
    _tip(ctx, attrs, " ".join(classes), _tooltip(ctx, statement, kind, gaps, verdict))
    return f"\t{dot_string(statement.id)}{_attrs(attrs)}\n"


def _tip(ctx: _Context, attrs: dict[str, str], classes: str, parts: list[str]) -> None:
    """An element's tooltip (its lines ``parts``): in ``attrs`` as DOT, or kept for the SVG's
    title (:func:`to_dot`'s ``titles``), the element's class naming it."""
    if ctx.titles is None:
        attrs["tooltip"] = _tooltip_string(parts)
        return
    attrs.pop("tooltip", None)
    attrs["class"] = _q(f"{classes} tip{len(ctx.titles)}")
    ctx.titles.append("\n".join(clean(part) for part in parts))


def tint(colour: str, share: float = 0.3) -> str:
    """``colour`` (``#rgb`` or ``#rrggbb``) mixed with white: a fill dark text stays readable on."""
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    rgb = [int(digits[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(255 - (255 - c) * share) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _tooltip(
    ctx: _Context, statement: Statement, kind: str, gaps: Sequence[Gap], verdict: str | None
) -> list[str]:
    made = (
        "implicit " if statement.implicit else "reconstructed " if statement.reconstructed else ""
    )
    head = f"{statement.id} ({made}{kind})"
    if statement.at:
        head += f" ¶{statement.at}"
    parts = [head, statement.text]
    if statement.added:
        parts.append(f"reconstructed: the analyst added “{statement.added}”")
    if statement.quote:
        parts.append(f"“{statement.quote}”")
    if statement.source is not None:
        source = statement.source
        named = ", ".join(p for p in (source.name, source.date, source.locator) if p)
        if named:
            parts.append(f"source: {named}")
    if verdict:
        # the explanation starts with the verdict itself: "contested (OUT): ..."
        parts.append(f"verdict: {ctx.why.get(statement.id, verdict)}")
    parts.extend(gap_text(g) for g in gaps)
    return parts


#: Graphviz (2.43) refuses a quoted string of more than 16,384 bytes ("String starting: ..."):
#: a longer label or tooltip is cut to this many bytes, ending in "…" (the HTML page keeps all)
MAX_DOT_BYTES = 13_000
#: the most bytes one character of user text takes once escaped: "&" becomes "&amp;" (5); a
#: backslash in a tooltip 4; any other character at most 4 bytes of UTF-8
_MAX_GROWTH = 5


def _fitted(text: str, context: Context, budget: int = MAX_DOT_BYTES) -> str:
    """``text``, cut (with "…") so that its escaped form takes at most ``budget`` bytes."""
    if len(text) * _MAX_GROWTH + 2 <= budget:
        return text  # the common case: no escape sequence makes it that long
    over = len(dot_string(text, context).encode("utf-8")) - budget
    while over > 0 and len(text) > 1:
        text = text[: max(0, len(text) - over - 1)] + "…"
        over = len(dot_string(text, context).encode("utf-8")) - budget
    return text


def _tooltip_string(parts: list[str]) -> str:
    """Tooltip lines as one DOT string, the longest line cut first when the whole is too long."""
    parts = list(parts)
    while True:
        escaped = [dot_string(p, "tooltip")[1:-1] for p in parts]
        size = sum(len(e) + 2 for e in escaped)
        if size * 4 > MAX_DOT_BYTES:  # UTF-8 takes at most 4 bytes a character: count them
            size = sum(len(e.encode("utf-8")) + 2 for e in escaped)
        if size <= MAX_DOT_BYTES:
            return '"' + "\\n".join(escaped) + '"'
        longest = max(range(len(parts)), key=lambda i: len(escaped[i]))
        room = len(escaped[longest].encode("utf-8")) - (size - MAX_DOT_BYTES)
        if len(parts[longest]) <= 1:
            return '"' + "\\n".join(escaped) + '"'  # nothing left to cut (cannot happen)
        parts[longest] = _fitted(parts[longest], "tooltip", max(room, 3))


def _step(argmap: ArgumentMap, inference_id: str) -> str:
    """An inference as its premises and target: ``R1 + A1 → C``; nested for undercut steps."""
    premises: list[str] = []
    target = inference_id
    while target in argmap.inferences and len(premises) < 4:
        premises.append(" + ".join(argmap.inferences[target].premises))
        target = argmap.inferences[target].target
    text = target if target in argmap.statements else "…"
    for i, group in enumerate(reversed(premises)):
        text = f"{group} → {text}" if i == 0 else f"{group} → ({text})"
    return text


def _describe(argmap: ArgumentMap, inference: Inference) -> str:
    premises = " + ".join(inference.premises)
    if inference.kind is InferenceKind.UNDERCUT:
        text = f"{premises} undercuts the step {_step(argmap, inference.target)}"
    else:
        verb = "supports" if inference.kind is InferenceKind.SUPPORT else "attacks"
        text = f"{premises} {verb} {inference.target}"
    bits = [b for b in (inference.scheme, inference.label, inference.relation) if b]
    if inference.strength is not None:
        bits.append(f"{inference.strength.value} inference")
    if inference.example:
        bits.append("by example")
    text += f" ({'; '.join(bits)})" if bits else ""
    title = argument_title(inference)
    if title:
        description = argument_description(inference)
        text = f"<{title}>" + (f": {description}" if description else "") + f" — {text}"
    return text


def edge_style(theme: Theme, attack: bool, weak: bool) -> str | None:
    """An edge's line style. In black and white (``print``) and for colour-blind readers an
    attack is dashed and a support solid, so a weak support is dotted; in the default theme
    only a weak inference is dashed."""
    if theme.name in ("print", "colorblind"):
        return "dashed" if attack else ("dotted" if weak else None)
    return "dashed" if weak else None


def _inference(ctx: _Context, inference: Inference) -> list[str]:
    theme = ctx.theme
    attack = inference.kind is not InferenceKind.SUPPORT
    colour = _q(theme.attack if attack else theme.support)
    kind = inference.kind.value
    edge = {
        "dir": "back",
        "arrowtail": "tee" if attack else "normal",
        "color": colour,
        "class": _q(kind),
    }
    style = edge_style(theme, attack, inference.strength is Strength.WEAK)
    if style:
        edge["style"] = style
    described = [_describe(ctx.argmap, inference)]
    target = dot_string(inference.target)
    lines: list[str] = []
    title = argument_title(inference)
    if title and not LAYOUT_SIZES[ctx.options.layout].short:
        # the argument the step was read as (Argdown's <Title>), named on its arrow
        edge["label"] = dot_string(_fitted(f"<{title}>", "label"))
        edge["fontcolor"] = _q(theme.meta)
    if inference.id not in ctx.junctions:
        premise = dot_string(inference.premises[0])
        edge = {"id": dot_string(inference.id)} | edge | {"tooltip": ""}
        _tip(ctx, edge, kind, described)
        lines.append(f"\t{target} -> {premise}{_attrs(edge)}\n")
        return lines
    junction = dot_string(inference.id)
    node = {
        "id": junction,
        "class": _q(f"junction {kind}"),
        "shape": "point",
        "width": "0.09",
        "color": colour,
        "tooltip": "",
        "label": '""',
    }
    node_class = f"junction {kind}"
    gaps = ctx.gaps.get(inference.id, [])
    if gaps:
        worst = gaps[0].severity
        codes = " ".join(dict.fromkeys(g.code for g in gaps))
        node_class = f"junction {kind} gap-{worst.value}"
        described = [*described, *(gap_text(g) for g in gaps)]
        node |= {
            "class": _q(node_class),
            "shape": "box",
            "style": _q("dashed,rounded"),
            "penwidth": "2.5",
            "color": _q(theme.severity[worst]),
            "width": "0",
            "height": "0",
            "margin": _q("0.04,0.02"),
            "fontsize": "9",
            "label": dot_string(f"{GAP_MARKS[worst]} {codes}"),
        }
    _tip(ctx, node, node_class, described)
    lines.append(f"\t{junction}{_attrs(node)}\n")
    prefix = ctx.edge_prefix
    edge = {"id": dot_string(_edge_id(prefix, inference.id, None))} | edge
    lines.append(f"\t{target} -> {junction}{_attrs(edge)}\n")
    for i, premise in enumerate(inference.premises):
        leg = {
            "id": dot_string(_edge_id(prefix, inference.id, i)),
            "dir": "none",
            "color": colour,
            "class": _q(kind),
        }
        if "style" in edge:
            leg["style"] = edge["style"]
        lines.append(f"\t{junction} -> {dot_string(premise)}{_attrs(leg)}\n")
    return lines


def _legend(ctx: _Context) -> list[str]:
    """One row under the map: a sample of each kind, gap border and line in use, in that order.

    A row (``rank=sink``) rather than a column: a column would take the height of the
    map's ranks and spread out; a row costs one rank.
    """
    theme = ctx.theme
    argmap = ctx.argmap
    used = {kind_of(argmap, s) for s in argmap.statements.values()}
    prefix = _free_prefix(argmap, "legend")
    names: list[str] = []
    lines = [
        "\tsubgraph legend {\n",
        "\t\trank=sink\n",
        '\t\tnode [class="legend" fontsize=10 width=0 height=0 margin="0.1,0.04"]\n',
    ]

    def sample(key: str, text: str, attrs: dict[str, str]) -> None:
        name = f'"{prefix}-{key}"'
        names.append(name)
        lines.append(f"\t\t{name}{_attrs({'id': name, 'label': _q(text)} | attrs)}\n")

    sample("title", "Legend:", {"shape": "plaintext", "fontsize": "11"})
    for kind in KINDS:
        if kind in used:
            shape, style = SHAPES[kind]
            sample(
                kind,
                KIND_NAMES[kind],
                {
                    "shape": shape,
                    "style": _q(style),
                    "fillcolor": _q(theme.fill[kind]),
                    "color": _q(theme.border[kind]),
                },
            )
    severities = sorted(
        {gaps[0].severity for gaps in ctx.gaps.values() if gaps}, key=SEVERITY_ORDER.__getitem__
    )
    for severity in severities:
        style = "rounded,dashed" if severity in GAP_PEN else "rounded"
        sample(
            f"gap-{severity.value}",
            f"{GAP_MARKS[severity]} {severity.value} gap",
            {
                "shape": "box",
                "style": _q(style),
                "color": _q(theme.severity[severity]),
                "penwidth": GAP_PEN.get(severity, "1.2"),
            },
        )
    for verdict in VERDICTS:
        if verdict in ctx.verdicts.values():
            sample(
                f"verdict-{verdict}",
                f"⇒ {verdict}",
                {
                    "shape": "box",
                    "style": _q("rounded,filled"),
                    "fillcolor": _q(theme.verdict[verdict]),
                },
            )
    kinds = {inf.kind for inf in argmap.inferences.values()}
    edges = [
        (InferenceKind.SUPPORT, "supports", theme.support, "normal"),
        (InferenceKind.ATTACK, "attacks", theme.attack, "tee"),
        (InferenceKind.UNDERCUT, "undercuts a step", theme.attack, "tee"),
    ]
    weak = any(inf.strength is Strength.WEAK for inf in argmap.inferences.values())
    if weak:
        edges.append((InferenceKind.SUPPORT, "weak inference", theme.support, "normal"))
    arrows: list[str] = []
    for kind, text, colour, arrow in edges:
        if kind in kinds:
            key = "weak" if text == "weak inference" else kind.value
            sample(f"{key}-from", "", {"shape": "point", "width": "0.01", "style": "invis"})
            sample(key, text, {"shape": "plaintext", "fontcolor": _q(colour)})
            attack = kind is not InferenceKind.SUPPORT
            line = edge_style(theme, attack, key == "weak")
            extra = f" style={line}" if line else ""
            arrows.append(
                f"\t\t{names[-2]} -> {names[-1]} [arrowhead={arrow} color={_q(colour)}{extra}]\n"
            )
    statements = argmap.statements.values()
    words = [
        ("reconstructed", "“reconstructed”: the analyst's wording"),
        ("implicit", "“implicit”: left unstated by the text"),
    ]
    for key, text in words:
        if any(getattr(st, key) for st in statements):
            sample(f"word-{key}", text, {"shape": "plaintext"})
    if ctx.options.more:
        sample("more", "+k more below: a collapsed branch", {"shape": "plaintext"})
    if co_premise_groups(argmap):
        fill = "#ffffff" if theme.name == "print" else "#f6f7f9"
        box = {"shape": "box", "style": _q("rounded,filled"), "fillcolor": _q(fill)}
        sample("co-premises", "premises that work only together", box | {"color": _q("#b0b0b0")})
    lines.extend(arrows)
    # keep the samples in this order, left to right
    lines.extend(
        f"\t\t{left} -> {right} [style=invis]\n"
        for left, right in zip(names, names[1:], strict=False)
    )
    lines.append("\t}\n")
    return lines


def _free_prefix(argmap: ArgumentMap, base: str) -> str:
    """``base`` with underscores added until no id of the map starts with it."""
    prefix = base
    while any(i.startswith(prefix) for i in (*argmap.statements, *argmap.inferences)):
        prefix = f"_{prefix}"
    return prefix


# --- SVG styling ---------------------------------------------------------------------------------


def svg_stylesheet(theme_name: str = "default", layout: str = "default") -> str:
    """CSS that finishes the SVG: small grey id/anchor lines, coloured gap markers.

    Graphviz writes one ``<text>`` per label line with the line's
    justification as ``text-anchor``: text lines are ``start``, the
    id/anchor line ``middle`` and the gap marker ``end``.
    """
    theme = THEMES[theme_name]
    # the id/anchor line and the gap marker: smaller than the text, at about 0.8 and 0.9 of it
    size = LAYOUT_SIZES[layout].fontsize
    meta, marker = (9, 10) if size == 11 else (round(size * 0.8), round(size * 0.9))
    rules = [
        'text { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; }',
        '.assumption text[text-anchor="start"] { font-style: italic; }',
        f'.statement text[text-anchor="middle"] {{ font-size: {meta}px; fill: {theme.meta}; }}',
        f'.statement text[text-anchor="end"] {{ font-size: {marker}px; font-weight: bold; }}',
    ]
    rules.extend(
        f'.gap-{sev.value} text[text-anchor="end"] {{ fill: {colour}; }}'
        for sev, colour in theme.severity.items()
    )
    return "\n".join(rules)


_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")


# Graphviz writes a node as <g ...><title>NAME</title><g id="a_..."><a xlink:title="TOOLTIP">;
# the tooltip text is already escaped for XML, and is as valid as element text
_NODE_TITLE = re.compile(rb'<title>[^<]*</title>(\n<g id="a_[^"]*"><a xlink:title="([^"]*)">)')


# an element whose tooltip was kept out of the DOT (class "... tip<N>"), and its title
_TIP_TITLE = re.compile(rb'(<g id="[^"]*" class="[^"]*?) tip(\d+)(">\n<title>)[^<]*</title>')


def style_svg(
    svg: bytes,
    theme_name: str = "default",
    layout: str = "default",
    titles: Sequence[str] | None = None,
) -> bytes:
    """Finish Graphviz's SVG: :func:`svg_stylesheet` after the ``<svg>`` tag, tooltips as titles.

    Each node's ``<title>`` (its name, for Graphviz) becomes its tooltip, so
    the text, quote and gap messages are in the SVG ``<title>`` that browsers
    and screen readers use: from ``titles`` when the DOT was made with them
    (:func:`to_dot`), else from the link Graphviz wrote for each tooltip.
    """
    match = _SVG_OPEN.search(svg)
    if match is None:
        raise RenderError("the engine's SVG output has no <svg> element")
    style = f"\n<style>\n{svg_stylesheet(theme_name, layout)}\n</style>".encode()
    body = svg[match.end() :]
    if titles is not None:

        def title(found: re.Match[bytes]) -> bytes:
            text = titles[int(found.group(2))]
            escaped = html.escape(text, quote=False).replace("\n", "&#10;")
            return found.group(1) + found.group(3) + escaped.encode("utf-8") + b"</title>"

        body = _TIP_TITLE.sub(title, body)
    body = _NODE_TITLE.sub(rb"<title>\2</title>\1", body)
    return svg[: match.end()] + style + body
