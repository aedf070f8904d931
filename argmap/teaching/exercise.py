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
gaps" exercise: the map is shown without gap highlighting, the student
names a node (a blank's number or the paragraph) and a gap kind from the
student vocabulary (:mod:`argmap.teaching.gap_kinds`); the key lists only
the teachable gaps: those written in the map (annotated) and, when
``detected_gaps``, the ones the rules detect, each with its student kind.

``DIFFICULTY`` names three shares: easy (a quarter of each category), medium
(half), hard (all).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.analysis.base import Gap
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, format_anchor
from argmap.teaching.gap_kinds import student_kind, teachable
from argmap.teaching.grade import roles

CATEGORIES = ("conclusion", "reasons", "evidence", "objections", "assumptions", "gaps")
DEFAULT_BLANK = ("reasons", "evidence")
DEFAULT_SHARE = 0.5
#: ``--difficulty``: the share of each category blanked.
DIFFICULTY = {"easy": 0.25, "medium": 0.5, "hard": 1.0}
FILES = ("worksheet.md", "worksheet.svg", "worksheet.html", "answer-key.yaml", "answer-key.md")
#: Written too where Chromium (or, the diagram alone, the system dot) can print it.
PDF_FILE = "worksheet.pdf"

#: The role (from :func:`roles`) each category blanks.
_CATEGORY_ROLE = {
    "conclusion": "conclusion",
    "reasons": "reason",
    "evidence": "evidence",
    "objections": "objection",
    "assumptions": "assumption",
}


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
    """A worksheet and its key as data; :mod:`argmap.views.worksheet` writes them out."""

    #: the map the exercise is made from
    argmap: ArgumentMap
    #: the copy with blanks in place of the hidden statements (to render as SVG)
    worksheet_map: ArgumentMap
    categories: tuple[str, ...]
    seed: int
    share: float
    map_name: str
    blanks: list[Blank] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    #: whether the key's gaps include the detected ones (else only the annotated ones)
    detected_gaps: bool = False

    @property
    def find_gaps(self) -> bool:
        """A find-the-gaps task: the student names nodes and gap kinds."""
        return "gaps" in self.categories

    @property
    def command(self) -> str:
        """The command that makes this exercise again."""
        return (
            f"argmap exercise {self.map_name} --blank {','.join(self.categories)} "
            f"--seed {self.seed} --share {self.share:g}"
            + (" --detected-gaps" if self.find_gaps and self.detected_gaps else "")
        )

    @property
    def boxes(self) -> dict[str, int]:
        """Every box's number on the worksheet: the blanks ``[1]..[k]``, then (for a
        find-the-gaps task) the other statements in tree order, ``(k+1)...``, so that
        students can name any node without its id."""
        numbers = {b.node: b.number for b in self.blanks}
        if self.find_gaps:
            for entry in self.argmap.tree():
                if entry.node not in numbers:
                    numbers[entry.node] = len(numbers) + 1
        return numbers

    def key_data(self) -> dict[str, Any]:
        """The answer key as plain data (``answer-key.yaml``): the blanks and, for a
        find-the-gaps task, every gap."""
        data: dict[str, Any] = {
            "exercise": {
                "map": self.map_name,
                "blank": list(self.categories),
                "seed": self.seed,
                "share": self.share,
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
                for b in self.blanks
            ],
        }
        if self.find_gaps:
            boxes = self.boxes
            data["gaps"] = [
                {
                    "node": g.node,
                    **({"box": boxes[g.node]} if g.node in boxes else {}),
                    "kind": student_kind(g),
                    "analyst_kind": g.name,
                    "code": g.code,
                    "origin": g.origin,
                    **({"at": format_anchor(g.at)} if g.at else {}),
                    "message": g.message,
                }
                for g in self.gaps
            ]
        return data


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
    detected_gaps: bool = False,
) -> Exercise:
    """Build the worksheet and the key; ``gaps`` are the map's gaps (for a find-the-gaps task),
    of which the key keeps the teachable ones (see the module docstring)."""
    if not 0 < share <= 1:
        raise ArgmapError(f"--share must be more than 0 and at most 1, not {share}")
    categories = tuple(blank)
    blanks = choose_blanks(argmap, categories, seed=seed, share=share)
    find_gaps = "gaps" in categories
    gap_list = _unique_gaps(teachable(tuple(gaps), detected=detected_gaps)) if find_gaps else []
    if not blanks and not find_gaps:
        raise ArgmapError(
            f"nothing to blank: the map has no {', '.join(categories)}; choose other --blank "
            "categories"
        )
    return Exercise(
        argmap=argmap,
        worksheet_map=worksheet_map(argmap, blanks),
        categories=categories,
        seed=seed,
        share=share,
        map_name=map_name,
        blanks=blanks,
        gaps=gap_list,
        detected_gaps=detected_gaps,
    )


def _unique_gaps(gaps: Sequence[Gap]) -> list[Gap]:
    seen: set[tuple[str, str]] = set()
    out = []
    for gap in gaps:
        if (gap.node, gap.name) not in seen:
            seen.add((gap.node, gap.name))
            out.append(gap)
    return out
