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
from argmap.teaching.gap_kinds import STUDENT_KINDS, student_kind
from argmap.teaching.grade import roles

#: What each role is called on a worksheet.
ROLE_LABEL = {
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


def _outline(sheet: ArgumentMap, blanks: Sequence[Blank], boxes: dict[str, int]) -> list[str]:
    """The map as a nested Markdown list from the conclusion down (blanks as ``[N] ¶A ____``;
    no statement ids: other boxes carry their number ``(N)`` when ``boxes`` has one)."""
    by_node = {b.node: b for b in blanks}
    role = roles(sheet)
    lines = []
    for entry in sheet.tree():
        statement = sheet.statements[entry.node]
        pad = "  " * entry.depth
        if entry.via is None:
            label = ROLE_LABEL["conclusion"]
        elif entry.via.kind is InferenceKind.UNDERCUT:
            label = ROLE_LABEL["undercut"]
        elif entry.via.kind is InferenceKind.ATTACK:
            label = ROLE_LABEL["objection" if role[entry.node] == "objection" else "rebuttal"]
        else:
            label = ROLE_LABEL.get(role[entry.node], "Reason")
            if role[entry.node] == "objection":  # support for an objection, shown where it is
                label = "Reason" if statement.kind.value != "evidence" else "Evidence"
        if entry.linked_size > 1:
            label += f" (linked premise {entry.linked_index + 1} of {entry.linked_size})"
        blank = by_node.get(entry.node)
        number = f" ({boxes[entry.node]})" if entry.node in boxes else ""
        if entry.repeat:
            shown = blank.label if blank else f"{number.strip()}{_anchor(statement.at)}".strip()
            lines.append(f"{pad}- {label}: {shown} (already shown above)")
        elif blank is not None:
            lines.append(f"{pad}- {label} **{blank.label}**: ______________________________")
        else:
            lines.append(f"{pad}- {label}{number}{_anchor(statement.at)}: {escape(statement.text)}")
    return lines


def steps(ex: Exercise) -> list[str]:
    """What the student does, one step a line (Markdown: commands in backticks)."""
    blanks, gaps = ex.blanks, ex.gaps
    out = []
    if ex.argmap.paragraphs():
        out.append("Read the text. Its paragraphs are numbered ¶1, ¶2...")
    else:
        out.append(
            "Read the text your teacher gave you and number its paragraphs ¶1, ¶2... "
            "(one for each block of text, from the top)."
        )
    if blanks:
        n = len(blanks)
        out.append(
            f"The map shows how the text argues: the main conclusion at the top, the reasons "
            f"and evidence for it below, with arrows. {n} box{'es are' if n != 1 else ' is'} "
            f"left empty, numbered [1]{f' to [{n}]' if n > 1 else ''}. Each empty box tells you "
            "the paragraph (¶) where its statement is and what kind of statement it is."
        )
        out.append(
            "For each empty box, find the statement in that paragraph and write it in your own "
            "words: one sentence, one claim. Write it in the box or in the answer table."
        )
        out.append(
            "Check your statement against the arrows: does it support (or attack) the box the "
            "arrow points to?"
        )
    if ex.find_gaps:
        out.append(
            f"Find the weak points: the text has at least {len(gaps)} that your teacher will "
            "look for. For each one you find, write the box's number, the kind of gap (from "
            "the list of kinds) and, in a few words, why."
            if gaps
            else "Find the weak points: for each one you find, write the box's number, the kind "
            "of gap (from the list of kinds) and, in a few words, why."
        )
    out.append(
        "To hand in a map file instead of paper: run `argmap new -o my-map.yaml`, fill in each "
        "`text:` and `at:` (the paragraph number), and check it with `argmap show my-map.yaml`."
    )
    return out


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
    out += ["## What to do", ""]
    out += [f"{i}. {step}" for i, step in enumerate(steps(ex), start=1)]
    out.append("")
    if find_gaps:
        out += ["## Kinds of gap", ""]
        out += [f"- **{name}**: {escape(text)}" for name, text in STUDENT_KINDS.items()]
        out.append("")
    if paragraphs:
        out += ["## The text", ""]
        for n, paragraph in enumerate(paragraphs, start=1):
            out += [f"**¶{n}** {escape(paragraph)}", ""]
    out += ["## The map", ""]
    out += _outline(sheet, blanks, ex.boxes if find_gaps else {})
    out.append("")
    if blanks:
        out += ["## Your answers", "", "| blank | paragraph | your statement |", "|---|---|---|"]
        out += [f"| [{b.number}] | {_anchor(b.at).strip() or '-'} |  |" for b in blanks]
        out.append("")
    if find_gaps:
        out += ["## Gaps you found", "", "| box | kind of gap | why |", "|---|---|---|"]
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
        boxes = ex.boxes
        which = "annotated and detected" if ex.detected_gaps else "annotated in the map"
        out += [
            "## Gaps",
            "",
            f"The teachable gaps ({which}), with the kind students name from the worksheet's list.",
            "",
            "| box | node | paragraph | student kind | analyst's gap | message |",
            "|---|---|---|---|---|---|",
        ]
        for g in gaps:
            box = str(boxes[g.node]) if g.node in boxes else "-"
            where = f"¶{format_anchor(g.at)}" if g.at else "-"
            out.append(
                f"| {box} | `{g.node}` | {where} | {student_kind(g)} | {g.code} {g.name} "
                f"| {escape(g.message)} |"
            )
        out.append("")
    out += [
        "## Grading",
        "",
        "Grade the maps students hand in against the reference map: "
        f"`argmap grade {map_name} student-maps/*.yaml --csv grades.csv`.",
        "",
    ]
    return "\n".join(out)
