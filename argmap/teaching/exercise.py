"""``argmap exercise``: a worksheet with numbered blanks for students, and an answer key for the teacher.

What is hidden: ``blank`` names the categories (``conclusion``, ``reasons``,
``evidence``, ``objections``, ``assumptions``, ``gaps``); in each category
but ``gaps`` a share of the statements (``share``, half by default, at
least one) is blanked, picked by a seeded random generator, so the same
``seed`` gives the same worksheet. Categories follow each statement's role
(:func:`argmap.teaching.grade.roles`): rebuttals and undercuts count as
objections.

A blanked statement keeps its place in the map and its paragraph anchor;
its text becomes ``[N] ¶A`` and its quote, source, basis and note are
dropped. No analyst note, annotated gap or map metadata goes into any
worksheet file: they would give answers away. ``gaps`` makes it a "find the
gaps" exercise: the map is shown without gap highlighting, with node ids,
and the student names a node and a gap kind; the key lists every gap
(annotated and detected).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.analysis.base import Gap
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, InferenceKind, format_anchor
from argmap.teaching.grade import roles

CATEGORIES = ("conclusion", "reasons", "evidence", "objections", "assumptions", "gaps")
DEFAULT_BLANK = ("reasons", "evidence")
DEFAULT_SHARE = 0.5
FILES = ("worksheet.md", "worksheet.svg", "answer-key.yaml", "answer-key.md")

#: The role (from :func:`roles`) each category blanks.
_CATEGORY_ROLE = {
    "conclusion": "conclusion",
    "reasons": "reason",
    "evidence": "evidence",
    "objections": "objection",
    "assumptions": "assumption",
}
_ROLE_LABEL = {
    "conclusion": "Main conclusion",
    "reason": "Reason",
    "evidence": "Evidence",
    "assumption": "Unstated assumption",
    "objection": "Objection",
    "rebuttal": "Rebuttal",
    "undercut": "Undercut (attacks the step above)",
}
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


@dataclass(frozen=True)
class Blank:
    """One numbered blank: which node it hides, and the answer."""

    number: int
    node: str
    role: str
    at: str | None
    text: str
    quote: str | None
    parents: tuple[str, ...]

    @property
    def label(self) -> str:
        """What the worksheet shows in its place: ``[3] ¶16``."""
        return f"[{self.number}] ¶{self.at}" if self.at else f"[{self.number}]"


@dataclass
class Exercise:
    """A worksheet and its key, as text (and the worksheet map, to render as SVG)."""

    worksheet_md: str
    worksheet_map: ArgumentMap
    key_yaml: str
    key_md: str
    blanks: list[Blank] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


def parse_blank(value: str | None) -> tuple[str, ...]:
    """``"reasons,evidence"`` -> the categories, checked; ``None`` or empty -> the default."""
    if not value or not value.strip():
        return DEFAULT_BLANK
    chosen: list[str] = []
    for part in value.split(","):
        name = part.strip().lower()
        if not name:
            continue
        if name not in CATEGORIES:
            raise ArgmapError(
                f"unknown --blank category {name!r}; choose from {', '.join(CATEGORIES)}"
            )
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def choose_blanks(
    argmap: ArgumentMap, categories: Sequence[str], *, seed: int, share: float
) -> list[Blank]:
    """The statements to hide, numbered in tree order (see the module docstring)."""
    role = roles(argmap)
    in_order: list[str] = []
    for entry in argmap.tree():
        if entry.node not in in_order:
            in_order.append(entry.node)
    rng = random.Random(seed)
    hidden: set[str] = set()
    for category in categories:
        if category == "gaps":
            continue
        pool = [sid for sid in in_order if role[sid] == _CATEGORY_ROLE[category]]
        if not pool:
            continue
        count = len(pool) if category == "conclusion" else max(1, round(share * len(pool)))
        hidden.update(rng.sample(pool, min(count, len(pool))))
    blanks: list[Blank] = []
    for sid in in_order:
        if sid in hidden:
            statement = argmap.statements[sid]
            blanks.append(
                Blank(
                    number=len(blanks) + 1,
                    node=sid,
                    role=role[sid],
                    at=statement.at,
                    text=statement.text,
                    quote=statement.quote,
                    parents=tuple(argmap.parents(sid)),
                )
            )
    return blanks


def worksheet_map(argmap: ArgumentMap, blanks: Sequence[Blank]) -> ArgumentMap:
    """A copy of the map with blanks in place of the hidden statements, and nothing extra."""
    out = copy.deepcopy(argmap)
    out.gaps = []
    out.meta = {}
    out.path = None
    by_node = {b.node: b for b in blanks}
    for sid, statement in list(out.statements.items()):
        update: dict[str, Any] = {"note": None, "meta": {}}
        blank = by_node.get(sid)
        if blank is not None:
            update |= {
                "text": blank.label,
                "quote": None,
                "source": None,
                "basis": None,
                "title": None,
                "tags": [],
                "rating": None,
            }
        out.statements[sid] = statement.model_copy(update=update)
    for inf_id, inf in list(out.inferences.items()):
        out.inferences[inf_id] = inf.model_copy(update={"label": None, "meta": {}})
    out._invalidate()
    return out


def make_exercise(
    argmap: ArgumentMap,
    *,
    blank: Sequence[str] = DEFAULT_BLANK,
    seed: int = 0,
    share: float = DEFAULT_SHARE,
    gaps: Sequence[Gap] = (),
    map_name: str = "MAP",
) -> Exercise:
    """Build the worksheet and the key; ``gaps`` are the map's gaps (for a find-the-gaps task)."""
    if not 0 < share <= 1:
        raise ArgmapError(f"--share must be more than 0 and at most 1, not {share}")
    categories = tuple(blank)
    blanks = choose_blanks(argmap, categories, seed=seed, share=share)
    find_gaps = "gaps" in categories
    gap_list = _unique_gaps(gaps) if find_gaps else []
    if not blanks and not find_gaps:
        raise ArgmapError(
            f"nothing to blank: the map has no {', '.join(categories)}; choose other --blank "
            "categories"
        )
    sheet = worksheet_map(argmap, blanks)
    command = _command(map_name, categories, seed, share)
    return Exercise(
        worksheet_md=_worksheet_md(argmap, sheet, blanks, gap_list, find_gaps),
        worksheet_map=sheet,
        key_yaml=_key_yaml(argmap, blanks, gap_list, categories, seed, share, map_name, command),
        key_md=_key_md(argmap, blanks, gap_list, command, map_name),
        blanks=blanks,
        gaps=gap_list,
    )


def _unique_gaps(gaps: Sequence[Gap]) -> list[Gap]:
    seen: set[tuple[str, str]] = set()
    out = []
    for gap in gaps:
        if (gap.node, gap.name) not in seen:
            seen.add((gap.node, gap.name))
            out.append(gap)
    return out


def _command(map_name: str, categories: Sequence[str], seed: int, share: float) -> str:
    return (
        f"argmap exercise {map_name} --blank {','.join(categories)} --seed {seed} --share {share:g}"
    )


def md(text: str) -> str:
    """User text made inert in Markdown (one line, special characters escaped)."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


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
                f"{pad}- {label} `{entry.node}`{_anchor(statement.at)}: {md(statement.text)}"
            )
    return lines


def _worksheet_md(
    argmap: ArgumentMap,
    sheet: ArgumentMap,
    blanks: Sequence[Blank],
    gaps: Sequence[Gap],
    find_gaps: bool,
) -> str:
    title = argmap.title or (argmap.source.title if argmap.source else None) or "Argument map"
    out = [f"# Worksheet: {md(title)}", ""]
    if argmap.source and (argmap.source.title or argmap.source.author):
        bits = [f"*{md(argmap.source.title)}*" if argmap.source.title else ""]
        if argmap.source.author:
            bits.append(f"by {md(argmap.source.author)}")
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
            out += [f"**¶{n}** {md(paragraph)}", ""]
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


def _key_yaml(
    argmap: ArgumentMap,
    blanks: Sequence[Blank],
    gaps: Sequence[Gap],
    categories: Sequence[str],
    seed: int,
    share: float,
    map_name: str,
    command: str,
) -> str:
    from argmap.formats.native import dump_yaml

    data: dict[str, Any] = {
        "exercise": {
            "map": map_name,
            "blank": list(categories),
            "seed": seed,
            "share": share,
        },
        "blanks": [
            {
                "blank": b.number,
                "node": b.node,
                "role": b.role,
                **({"at": b.at} if b.at else {}),
                "text": b.text,
                **({"quote": b.quote} if b.quote else {}),
                "parents": list(b.parents),
            }
            for b in blanks
        ],
    }
    if "gaps" in categories:
        by_node = {b.node: b.number for b in blanks}
        data["gaps"] = [
            {
                "node": g.node,
                **({"blank": by_node[g.node]} if g.node in by_node else {}),
                "kind": g.name,
                "code": g.code,
                **({"at": format_anchor(g.at)} if g.at else {}),
                "message": g.message,
            }
            for g in gaps
        ]
    return f"# Answer key: {command}\n" + dump_yaml(data)


def _key_md(
    argmap: ArgumentMap, blanks: Sequence[Blank], gaps: Sequence[Gap], command: str, map_name: str
) -> str:
    title = argmap.title or "Argument map"
    out = [f"# Answer key: {md(title)}", "", f"Made with `{command}`.", ""]
    if blanks:
        out += [
            "## Blanks",
            "",
            "| blank | paragraph | role | node | answer |",
            "|---|---|---|---|---|",
        ]
        for b in blanks:
            answer = md(b.text)
            if b.quote:
                answer += f" (text: “{md(b.quote)}”)"
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
            out.append(f"| {node} | {where} | {g.code} {g.name} | {md(g.message)} |")
        out.append("")
    out += [
        "## Grading",
        "",
        "Grade the maps students hand in against the reference map: "
        f"`argmap grade {map_name} student-maps/*.yaml --csv grades.csv`.",
        "",
    ]
    return "\n".join(out)
