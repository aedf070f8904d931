"""The terminal view: the map as a rich tree from the conclusion down, gaps flagged, a gap table.

User text is always wrapped in :class:`rich.text.Text` (never parsed as
markup). Output is plain and stable when piped or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text

from argmap.analysis.base import SEVERITY_ORDER, Gap
from argmap.model import ArgumentMap, Inference, InferenceKind, Severity, Statement, StatementKind
from argmap.model.presentation import (
    Section,
    argument_description,
    argument_title,
    links,
    node_title,
    sections,
)
from argmap.views.plain_table import PlainTable
from argmap.views.plain_tree import Indented, PlainTree, TextBuilder

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation

DEFAULT_DEPTH = 20
#: Children shown under one node before the rest are summed up in one line: a conclusion
#: with 50,000 direct reasons stays readable (and quick); ``--max-children 0`` shows all.
DEFAULT_MAX_CHILDREN = 100
#: How far a node's quote and explanation sit in from its line.
NOTE_INDENT = 4

GLYPHS = {
    "conclusion": "◆",
    "reason": "●",
    "evidence": "■",
    "assumption": "◇",
    "objection": "✖",
    "rebuttal": "↺",
    "undercut": "⤫",
    "linked": "⊕",
    "repeat": "↪",
}
STYLES = {
    "conclusion": "bold bright_blue",
    "reason": "cyan",
    "evidence": "green",
    "assumption": "yellow",
    "objection": "red",
    "rebuttal": "magenta",
    "undercut": "red",
    "linked": "cyan",
    "repeat": "dim",
}
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
SEVERITY_MARKS = {Severity.ERROR: "✗", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}


@dataclass
class ShowOptions:
    """What ``argmap show`` includes."""

    quotes: bool = False
    ids: bool = False
    depth: int | None = DEFAULT_DEPTH
    #: children shown under one node (None: all); the rest are counted on one line
    max_children: int | None = DEFAULT_MAX_CHILDREN
    gaps: bool = True
    #: per-statement verdict lines from the evaluation, when asked for
    verdicts: Mapping[str, str] = field(default_factory=dict)
    #: per-statement one-line explanations of the verdicts (``--why``)
    why: Mapping[str, str] = field(default_factory=dict)
    #: lines saying what the gap profile left out, printed under the gap table
    left_out: Sequence[str] = ()


VERDICT_STYLES = {"accepted": "bold green", "contested": "bold yellow", "unsupported": "bold red"}
LABEL_STYLES = {"IN": "green", "OUT": "red", "UNDECIDED": "yellow"}


def with_evaluation(options: ShowOptions, evaluation: Evaluation, *, why: bool) -> ShowOptions:
    """The options with each statement's verdict and label (and, with ``why``, its explanation)."""
    verdicts = {
        sid: f"{verdict} · {evaluation.labels[sid]}" for sid, verdict in evaluation.verdicts.items()
    }
    return replace(options, verdicts=verdicts, why=dict(evaluation.reasons) if why else {})


def role_of(
    argmap: ArgumentMap, statement: Statement, via: Inference | None, side_pro: bool
) -> str:
    """The role a statement plays where it appears: conclusion, reason, evidence, objection..."""
    if via is None:
        return "conclusion"
    if via.kind is InferenceKind.UNDERCUT:
        return "undercut"
    if via.kind is InferenceKind.ATTACK:
        return "objection" if side_pro else "rebuttal"
    if statement.kind is StatementKind.EVIDENCE:
        return "evidence"
    if statement.is_assumption:
        return "assumption"
    return "reason"


def show(
    argmap: ArgumentMap, gaps: Sequence[Gap], options: ShowOptions, *, in_order: bool = False
) -> RenderableType:
    """The whole ``show`` output: tree, title line, gap table.

    ``in_order``: ``gaps`` are in :func:`argmap.api.find_gaps`'s order (the table's own).
    """
    if not argmap.statements:
        return _empty(argmap, options)
    by_node: dict[str, list[Gap]] = {}
    if options.gaps:
        for gap in gaps:
            by_node.setdefault(gap.node, []).append(gap)
    tree, capped = _tree(argmap, by_node, options)
    parts: list[RenderableType] = [tree, Text("")]
    apart = _unconnected_roots(argmap)
    if apart:
        # every statement of the file is shown: the parts the conclusion does not reach below
        parts.append(Text("Not connected to the main conclusion:", style="bold"))
        for root in apart:
            part, hidden = _tree(argmap, by_node, options, root)
            parts.append(part)
            capped |= hidden
        parts.append(Text(""))
    outline = sections(argmap)
    if outline:
        parts.append(_sections(argmap, outline, options))
        parts.append(Text(""))
    parts.append(_summary(argmap))
    if options.gaps:
        parts.append(Text(""))
        listed = [g for g in gaps if g.node not in capped] if capped else list(gaps)
        parts.append(
            gap_table(argmap, listed, in_order=in_order)
            if listed
            else Text("No gaps found.", style="green")
        )
        if len(listed) < len(gaps):
            parts.append(
                Text(
                    f"… {len(gaps) - len(listed):,} more gaps on nodes not shown "
                    "(raise --max-children to see them, or run argmap gaps)",
                    style="dim",
                )
            )
        parts.extend(Text(line, style="dim") for line in options.left_out)
    return Group(*parts)


def _empty(argmap: ArgumentMap, options: ShowOptions) -> RenderableType:
    """A map with no statement (an Argdown file of headings only): says so, and its headings."""
    parts: list[RenderableType] = [
        Text("An empty map: no statement or argument to show.", style="bold"),
        Text(""),
    ]
    outline = sections(argmap)
    if outline:
        parts += [_sections(argmap, outline, options), Text("")]
    parts.append(_summary(argmap))
    return Group(*parts)


def _sections(argmap: ArgumentMap, outline: Sequence[Section], options: ShowOptions) -> PlainTree:
    """The file's headings (Argdown's sections) and the statements defined under each."""
    top = PlainTree(Text("Sections (the file's headings):", style="bold"))
    stack: list[tuple[PlainTree, Section]] = [(top, s) for s in reversed(outline)]
    while stack:
        parent, section = stack.pop()
        head = Text("§ ", style="bold")
        head.append(section.title, style="bold")
        if section.statements:
            head.append(f"  ({len(section.statements)} statements)", style="dim")
        node = parent.add(head)
        for sid in section.statements:
            statement = argmap.statements[sid]
            line = Text()
            if options.ids:
                line.append(f"[{sid}] ", style="dim")
            named = node_title(statement)
            if named:
                line.append(f"{named}: ", style="bold")
            line.append(_short(" ".join(statement.text.split()), 70))
            node.add(line)
        stack.extend((node, child) for child in reversed(section.children))
    return top


def _reached(argmap: ArgumentMap, top: str) -> set[str]:
    """The statements ``argmap.tree(root=top)`` reaches at any depth, found without its entries:
    the premises of the inferences on each statement reached, and of the undercuts of those."""
    reached = {top}
    stack = [top]
    done: set[str] = set()
    while stack:
        steps = list(argmap.incoming(stack.pop()))
        while steps:
            step = steps.pop()
            if step.id in done:
                continue
            done.add(step.id)
            for premise in step.premises:
                if premise not in reached:
                    reached.add(premise)
                    stack.append(premise)
            steps.extend(argmap.attacks(step.id))
    return reached


def _unconnected_roots(argmap: ArgumentMap) -> list[str]:
    """Tops of the parts of the map the conclusion's tree does not reach, in map order.

    Each part starts at a statement that supports or attacks nothing when
    there is one (else, in a cycle, at its first statement in the file).
    """
    reached = _reached(argmap, argmap.conclusion)
    if len(reached) == len(argmap.statements):
        return []
    rest = [s for s in argmap.statements if s not in reached]
    roots: list[str] = []
    for prefer_tops in (True, False):
        for sid in rest:
            if sid in reached or (prefer_tops and argmap.outgoing(sid)):
                continue
            roots.append(sid)
            reached |= _reached(argmap, sid)
    return roots


def _tree(
    argmap: ArgumentMap,
    by_node: dict[str, list[Gap]],
    options: ShowOptions,
    start: str | None = None,
) -> tuple[PlainTree, set[str]]:
    """The tree from ``start`` (the conclusion), and the ids the children cap hid."""
    top = start or argmap.conclusion
    # side_pro[x] is true when statement x argues for the top of the tree
    side_pro: dict[str, bool] = {top: True}
    nodes: dict[str, PlainTree] = {}
    groups: dict[str, PlainTree] = {}
    root: PlainTree | None = None
    cap = options.max_children
    # per shown node (by id of its tree node): children added, children left out
    added: dict[int, int] = {}
    left_out: dict[int, tuple[PlainTree, int]] = {}
    capped: set[str] = set()
    for entry in argmap.tree(max_depth=options.depth, root=top):
        statement = argmap.statements[entry.node]
        via = entry.via
        if via is None:
            role = "conclusion" if top == argmap.conclusion else statement.kind.value
            label = _label(argmap, statement, role, by_node, options, entry.repeat)
            root = PlainTree(_with_notes(label, statement, options))
            nodes[entry.node] = root
            continue
        parent = _parent(argmap, via, nodes, groups)
        if parent is None:
            if cap is not None:
                capped.add(entry.node)  # under a node the cap left out (or its undercut)
                capped.add(via.id)
            continue
        if cap is not None and (entry.linked_size == 1 or via.id not in groups):
            if via.id in capped:  # a further premise of a linked group left out
                capped.add(entry.node)
                continue
            # one line under ``parent``: a statement, or the header of a linked group
            count = added.get(id(parent), 0)
            if count >= cap:
                _, hidden = left_out.get(id(parent), (parent, 0))
                left_out[id(parent)] = (parent, hidden + 1)
                capped.add(entry.node)
                capped.add(via.id)
                continue
            added[id(parent)] = count + 1
        # (a statement left out above is never expanded: its side is never asked for)
        target_side = _target_side(argmap, via, side_pro)
        pro = target_side if via.kind is InferenceKind.SUPPORT else not target_side
        side_pro.setdefault(entry.node, pro)
        role = role_of(argmap, statement, via, target_side)
        if entry.linked_size > 1:
            group = groups.get(via.id)
            if group is None:
                kind = "linked reason" if via.kind is InferenceKind.SUPPORT else f"linked {role}"
                header = TextBuilder(f"{GLYPHS['linked']} {kind} ", style=STYLES["linked"])
                header.append("(premises that work only together)", style="dim")
                _append_gaps(header, by_node.get(via.id, []))
                _append_inference(header, via, options)
                group = parent.add(header)
                groups[via.id] = group
            parent = group
        if entry.repeat:
            text = TextBuilder(f"{GLYPHS['repeat']} ", style=STYLES["repeat"])
            text.append(f"{role}: ", style=STYLES.get(role, ""))
            text.append(f"see {entry.node} above: ", style="dim")
            text.append(_short(statement.text, 60), style="dim")
            child = parent.add(text)
        else:
            # gaps on a one-premise inference (annotated on its id) show on its premise's line
            step = [via.id] if entry.linked_size == 1 else []
            label = _label(argmap, statement, role, by_node, options, False, step)
            if entry.linked_size == 1:
                _append_inference(label, via, options)
            if options.depth is not None and entry.depth == options.depth:
                hidden = len(argmap.incoming(entry.node))
                if hidden:
                    label.append(
                        f"  (+{hidden} directly under it; raise --depth to see)", style="dim"
                    )
            child = parent.add(_with_notes(label, statement, options))
            nodes[entry.node] = child
        if entry.linked_size == 1:
            groups[via.id] = child  # an undercut of this one-premise step hangs here
    assert root is not None
    for parent, hidden in left_out.values():
        parent.add(Text(f"… {hidden:,} more here (raise --max-children to see them)", style="dim"))
    # a statement left out in one place but shown in another keeps its gaps in the table
    return root, capped - nodes.keys() - groups.keys()


def _target_side(argmap: ArgumentMap, via: Inference, side_pro: dict[str, bool]) -> bool:
    if via.kind is InferenceKind.UNDERCUT:
        target = argmap.inferences[via.target]
        inner = (
            _target_side(argmap, target, side_pro)
            if target.kind is InferenceKind.UNDERCUT
            else (side_pro.get(target.target, True))
        )
        # the undercut inference argues for the side its premises are on
        return inner if target.kind is InferenceKind.SUPPORT else not inner
    return side_pro.get(via.target, True)


def _parent(
    argmap: ArgumentMap, via: Inference, nodes: dict[str, PlainTree], groups: dict[str, PlainTree]
) -> PlainTree | None:
    if via.kind is InferenceKind.UNDERCUT:
        return groups.get(via.target)
    return nodes.get(via.target)


def _append_text(text: TextBuilder, statement: Statement) -> None:
    """The statement's text; the analyst's own words italic, an added clause also in brackets."""
    analyst = statement.implicit or statement.reconstructed
    body = " ".join(statement.text.split())
    added = " ".join(statement.added.split()) if statement.added else ""
    start = body.find(added) if added else -1
    if start < 0 and body == statement.text and links(statement):
        # a link of the text (Argdown's [text](url)) is a terminal hyperlink where one works
        at = 0
        for begin, end, url in links(statement):
            text.append(body[at:begin], style="italic" if analyst else "")
            text.append(body[begin:end], style=Style(italic=analyst, underline=True, link=url))
            at = end
        text.append(body[at:], style="italic" if analyst else "")
        return
    if start < 0:
        text.append(body, style="italic" if analyst else "")
        return
    text.append(body[:start], style="italic" if analyst else "")
    text.append(f"[{added}]", style="italic dim")
    text.append(body[start + len(added) :], style="italic" if analyst else "")


def _label(
    argmap: ArgumentMap,
    statement: Statement,
    role: str,
    by_node: dict[str, list[Gap]],
    options: ShowOptions,
    repeat: bool,
    steps: Sequence[str] = (),
) -> TextBuilder:
    style = STYLES.get(role, "")
    if role == "reason" and statement.is_assumption:
        role = "assumption"
    text = TextBuilder(f"{GLYPHS.get(role, '●')} ", style=style)
    name = role.upper() if role == "conclusion" else role
    if statement.implicit:
        name = f"implicit {name}" if role != "assumption" else "implicit assumption"
    elif statement.reconstructed:  # the analyst's, not the author's
        name = f"reconstructed {name}"
    text.append(f"{name}", style=style)
    if options.ids:
        text.append(f" [{statement.id}]", style="dim")
    text.append(": ")
    named = node_title(statement)
    if named:
        text.append(f"{named}: ", style="bold")  # an argument drawn as a node: its title
    _append_text(text, statement)
    if statement.given:
        text.append("  (given)", style="dim")
    if statement.status:
        text.append(f"  ({statement.status})", style="dim")
    details = _evidence_details(statement)
    if details:
        text.append(f"  [{details}]", style="dim cyan")
    if statement.at:
        text.append(f"  ¶{statement.at}", style="dim")
    gaps = list(by_node.get(statement.id, []))
    for step in steps:
        gaps.extend(by_node.get(step, []))
    _append_gaps(text, gaps)
    verdict = options.verdicts.get(statement.id)
    if verdict:
        text.append("  ⇒ ")
        word, _, label = verdict.partition(" · ")
        text.append(word, style=VERDICT_STYLES.get(word, "bold"))
        if label:
            text.append(" · ")
            text.append(label, style=LABEL_STYLES.get(label, ""))
    return text


def _with_notes(label: TextBuilder, statement: Statement, options: ShowOptions) -> RenderableType:
    """The node line, and under it, indented as a block, its quote (``--quotes``) and ``--why``."""
    notes: list[RenderableType] = []
    if options.quotes and statement.quote:
        quote = Text("“", style="dim")
        quote.append(statement.quote, style="dim italic")
        quote.append("”", style="dim")
        notes.append(quote)
    why = options.why.get(statement.id)
    if why:
        line = Text("why: ", style="dim")
        line.append(why, style="dim")
        notes.append(line)
    if not notes:
        return label
    return Group(label, Indented(Group(*notes), NOTE_INDENT))


def _append_gaps(text: TextBuilder, gaps: Sequence[Gap]) -> None:
    """The gap marker of the worst severity, in its colour, and the codes beside it."""
    if not gaps:
        return
    ordered = sorted(gaps, key=lambda g: (SEVERITY_ORDER[g.severity], g.code))
    worst = ordered[0].severity
    codes = " ".join(dict.fromkeys(g.code for g in ordered))
    text.append(f"  {SEVERITY_MARKS[worst]} {codes}", style=SEVERITY_STYLES[worst])


def _append_inference(text: TextBuilder, via: Inference, options: ShowOptions) -> None:
    bits = []
    title = argument_title(via)
    if title:
        # the argument this step was read as (Argdown's <Title>), and what its author said
        description = argument_description(via)
        bits.append(f"<{title}>" + (f": {_short(description, 60)}" if description else ""))
    if via.scheme:
        bits.append(via.scheme)
    if via.strength is not None:
        bits.append(f"{via.strength.value} inference")
    if via.example:
        bits.append("by example")
    if via.relation:
        bits.append(via.relation)
    if bits:
        text.append(f"  ⟨{'; '.join(bits)}⟩", style="dim")


def _evidence_details(statement: Statement) -> str:
    bits: list[str] = []
    if statement.basis is not None:
        bits.append(statement.basis.value)
    if statement.source is not None:
        src = statement.source
        named = ", ".join(p for p in (src.name, src.date) if p)
        if named:
            bits.append(named)
    elif statement.kind is StatementKind.EVIDENCE:
        bits.append("no source named")
    return " · ".join(bits)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(argmap: ArgumentMap) -> Text:
    counts = dict.fromkeys(StatementKind, 0)
    for statement in argmap.statements.values():
        counts[statement.kind] += 1
    attacks = sum(1 for i in argmap.inferences.values() if i.kind is not InferenceKind.SUPPORT)
    text = Text()
    if argmap.title:
        text.append(argmap.title, style="bold")
        text.append("\n")
    if argmap.source is not None:
        src = argmap.source
        bits = [b for b in (src.title, src.author, src.date) if b]
        if bits:
            text.append("Source: " + " · ".join(bits), style="dim")
            text.append("\n")
    claims, evidence, assumptions = (
        counts[StatementKind.CLAIM],
        counts[StatementKind.EVIDENCE],
        counts[StatementKind.ASSUMPTION],
    )
    text.append(
        f"{_count(len(argmap.statements), 'statement')} ({_count(claims, 'claim')}, "
        f"{evidence} evidence, {_count(assumptions, 'assumption')}), "
        f"{_count(len(argmap.inferences), 'inference')} ({_count(attacks, 'attack')})",
        style="dim",
    )
    return text


def gap_table(
    argmap: ArgumentMap | None, gaps: Sequence[Gap], *, in_order: bool = False
) -> PlainTable:
    """The gap table: grouped by node in the tree's reading order (as `argmap gaps` has it),
    worst first within a node. ``in_order``: the gaps are in that order already (as
    :func:`argmap.api.find_gaps` returns them), so the map is not walked again to sort them.
    Plain output draws it without rich's cell-by-cell layout (:mod:`argmap.views.plain_table`):
    a map can have 100,000 gaps."""
    from argmap.model import format_anchor

    ordered: Sequence[Gap] = gaps
    if not in_order:
        order: dict[str, int] = {}
        if argmap is not None:
            from argmap.analysis.walk import walk

            order = walk(argmap).order
        ordered = sorted(
            gaps,
            key=lambda g: (
                order.get(g.node, len(order)),
                g.node,
                SEVERITY_ORDER[g.severity],
                g.code,
            ),
        )
    styles = {s: ("", style, "", "", "") for s, style in SEVERITY_STYLES.items()}
    rows = [
        (g.code, g.severity.value, g.node, format_anchor(list(g.at)) if g.at else "", g.message)
        for g in ordered
    ]
    return PlainTable(
        ("code", "severity", "node", "¶", "message"), rows, [styles[g.severity] for g in ordered]
    )


def evaluation_view(
    argmap: ArgumentMap, evaluation: Evaluation, *, why: bool, columns: int = 100
) -> RenderableType:
    """``argmap evaluate``: a line per statement (verdict, label, rating), the conclusion's reason last."""
    width = min(14, max(len("node"), *(len(sid) for sid in argmap.statements)))
    room = max(20, columns - width - 35)
    lines: list[RenderableType] = []
    head = Text(f"{'node':<{width}}  {'verdict':<11}  {'label':<9}  {'rating':<6}  statement")
    head.stylize("bold")
    lines.append(head)
    for sid, statement in argmap.statements.items():
        verdict = evaluation.verdicts[sid]
        label = evaluation.labels[sid]
        line = Text(f"{sid:<{width}}  ")
        line.append(f"{verdict:<11}", style=VERDICT_STYLES[verdict])
        line.append("  ")
        line.append(f"{label:<9}", style=LABEL_STYLES[label])
        line.append(f"  {evaluation.ratings.get(sid, ''):<6}  ")
        line.append(_short(" ".join(statement.text.split()), room))
        if why:
            line.append("\n" + " " * (width + 2) + "why: ", style="dim")
            line.append(evaluation.reasons[sid], style="dim")
        lines.append(line)
    conclusion = argmap.conclusion
    verdict = evaluation.verdicts[conclusion]
    last = Text("\nThe conclusion ")
    last.append(conclusion, style="bold")
    last.append(" is ")
    last.append(verdict, style=VERDICT_STYLES[verdict])
    last.append(f" ({evaluation.labels[conclusion]}): {evaluation.reasons[conclusion]}.")
    lines.append(last)
    return Group(*lines)
