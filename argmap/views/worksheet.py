"""The files of ``argmap exercise``: the worksheet and the answer key as Markdown and YAML.

:func:`argmap.teaching.exercise.make_exercise` decides what is hidden and
returns it as data; this view writes it out. User text goes through the one
Markdown escaper, :func:`argmap.formats.markdown.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.formats.markdown import escape
from argmap.model import ArgumentMap, InferenceKind, format_anchor
from argmap.teaching.exercise import Blank, Exercise
from argmap.teaching.grade import roles

_ROLE_LABEL = {
    "conclusion": "Main conclusion",
    "reason": "Reason",
    "evidence": "Evidence",
    "assumption": "Unstated assumption",
    "objection": "Objection",
    "rebuttal": "Rebuttal",
    "undercut": "Undercut (attacks the step above)",
}


def _anchor(at: str | None) -> str:
    return f" ¶{at}" if at else ""


def _outline(sheet: ArgumentMap, blanks: Sequence[Blank]) -> list[str]:
    """The map as a nested Markdown list from the conclusion down (blanks as ``[N] ¶A ____``)."""
    by_node = {b.node: b for b in blanks}
    role = roles(sheet)
    lines = []
    for entry in sheet.tree():
        statement = sheet.statements[entry.node]
        pad = "  " * entry.depth
        if entry.via is None:
            label = _ROLE_LABEL["conclusion"]
        elif entry.via.kind is InferenceKind.UNDERCUT:
            label = _ROLE_LABEL["undercut"]
        elif entry.via.kind is InferenceKind.ATTACK:
            label = _ROLE_LABEL["objection" if role[entry.node] == "objection" else "rebuttal"]
        else:
            label = _ROLE_LABEL.get(role[entry.node], "Reason")
            if role[entry.node] == "objection":  # support for an objection, shown where it is
                label = "Reason" if statement.kind.value != "evidence" else "Evidence"
        if entry.linked_size > 1:
            label += f" (linked premise {entry.linked_index + 1} of {entry.linked_size})"
        blank = by_node.get(entry.node)
        if entry.repeat:
            shown = f"{blank.label}" if blank else f"{entry.node}"
            lines.append(f"{pad}- {label}: {shown} (already shown above)")
        elif blank is not None:
            lines.append(f"{pad}- {label} **{blank.label}**: ______________________________")
        else:
            lines.append(
                f"{pad}- {label} `{entry.node}`{_anchor(statement.at)}: {escape(statement.text)}"
            )
    return lines


def worksheet_md(ex: Exercise) -> str:
    """``worksheet.md``: what to do, the text with numbered paragraphs, the map with its
    numbered blanks, and the tables to fill in."""
    argmap, sheet, blanks, gaps, find_gaps = (
        ex.argmap,
        ex.worksheet_map,
        ex.blanks,
        ex.gaps,
        ex.find_gaps,
    )
    title = argmap.title or (argmap.source.title if argmap.source else None) or "Argument map"
    out = [f"# Worksheet: {escape(title)}", ""]
    if argmap.source and (argmap.source.title or argmap.source.author):
        bits = [f"*{escape(argmap.source.title)}*" if argmap.source.title else ""]
        if argmap.source.author:
            bits.append(f"by {escape(argmap.source.author)}")
        out += ["Text: " + " ".join(b for b in bits if b), ""]
    paragraphs = argmap.paragraphs()
    steps = []
    if paragraphs:
        steps.append("Read the text below; its paragraphs are numbered ¶1, ¶2...")
    else:
        steps.append("Read the text your teacher gave you; number its paragraphs ¶1, ¶2...")
    if blanks:
        steps.append(
            f"The map of its argument below has {len(blanks)} numbered "
            f"blank{'s' if len(blanks) != 1 else ''} ([1] to [{len(blanks)}]). Each shows only "
            "the paragraph(s) it comes from and its place in the argument."
        )
        steps.append(
            "For each blank, write the statement in your own words: one sentence, one claim, "
            "in the table at the end."
        )
    if find_gaps:
        steps.append(
            f"Find the gaps: the key lists {len(gaps)} weak point{'s' if len(gaps) != 1 else ''} "
            "in this argument (an unsupported claim, an unnamed source, a hedge, a leap, an "
            "unanswered objection, an unstated assumption, a factual error...). For each one "
            "you find, write the node (its id, or a blank's number) and the kind of gap."
        )
    steps.append("worksheet.svg shows the same map as a diagram.")
    steps.append(
        "To hand in a map file instead: `argmap new -o my-map.yaml`, fill it in, check it "
        "with `argmap show my-map.yaml`."
    )
    out += ["## What to do", ""]
    out += [f"{i}. {step}" for i, step in enumerate(steps, start=1)]
    out.append("")
    if paragraphs:
        out += ["## The text", ""]
        for n, paragraph in enumerate(paragraphs, start=1):
            out += [f"**¶{n}** {escape(paragraph)}", ""]
    out += ["## The map", ""]
    out += _outline(sheet, blanks)
    out.append("")
    if blanks:
        out += ["## Your answers", "", "| blank | paragraph | your statement |", "|---|---|---|"]
        out += [f"| [{b.number}] | {_anchor(b.at).strip() or '-'} |  |" for b in blanks]
        out.append("")
    if find_gaps:
        out += ["## Gaps you found", "", "| node | gap kind | why |", "|---|---|---|"]
        out += ["|  |  |  |" for _ in range(max(len(gaps), 3))]
        out.append("")
    return "\n".join(out)


def key_yaml(ex: Exercise) -> str:
    """``answer-key.yaml``: the key's data, headed by the command that made it."""
    from argmap.formats.native import dump_yaml

    return f"# Answer key: {ex.command}\n" + dump_yaml(ex.key_data())


def key_md(ex: Exercise) -> str:
    """``answer-key.md``: every blank's answer, every gap, and how to grade."""
    argmap, blanks, gaps, command, map_name = (
        ex.argmap,
        ex.blanks,
        ex.gaps,
        ex.command,
        ex.map_name,
    )
    title = argmap.title or "Argument map"
    out = [f"# Answer key: {escape(title)}", "", f"Made with `{command}`.", ""]
    if blanks:
        out += [
            "## Blanks",
            "",
            "| blank | paragraph | role | node | answer |",
            "|---|---|---|---|---|",
        ]
        for b in blanks:
            answer = escape(b.text)
            if b.quote:
                answer += f" (text: “{escape(b.quote)}”)"
            out.append(
                f"| [{b.number}] | {_anchor(b.at).strip() or '-'} | {b.role} | `{b.node}` | {answer} |"
            )
        out.append("")
    if gaps:
        by_node = {b.node: b.number for b in blanks}
        out += ["## Gaps", "", "| node | paragraph | gap | message |", "|---|---|---|---|"]
        for g in gaps:
            node = f"`{g.node}`" + (f" [{by_node[g.node]}]" if g.node in by_node else "")
            where = f"¶{format_anchor(g.at)}" if g.at else "-"
            out.append(f"| {node} | {where} | {g.code} {g.name} | {escape(g.message)} |")
        out.append("")
    out += [
        "## Grading",
        "",
        "Grade the maps students hand in against the reference map: "
        f"`argmap grade {map_name} student-maps/*.yaml --csv grades.csv`.",
        "",
    ]
    return "\n".join(out)
