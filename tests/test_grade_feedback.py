"""Feedback a student can act on: each kind of line appears exactly where it is true.

Each variant below changes one thing in the garage key (tests/data/grading)
and must produce its own kind of line and no line of any other kind; the key
itself produces none. Then the order: what was right first, at most three
misses, the rest in ``details``, never a line twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import argmap
from argmap.formats import native
from argmap.teaching.grade import TOP_MISSES, Result, grade_map

KEY_PATH = Path(__file__).resolve().parent / "data" / "grading" / "garage" / "key.yaml"
KEY_TEXT = KEY_PATH.read_text(encoding="utf-8")

#: kind of line -> how it starts (or a phrase in it)
LINES = {
    "opposite": "Your main conclusion states the opposite",
    "not-the-text": "Your main conclusion is not the text's",
    "cites-but-differs": "Your main conclusion cites",
    "elsewhere": "You mapped the text's main conclusion",
    "objection-as-reason": "You took the objection in",
    "reason-as-objection": "for an objection: the text offers it in support",
    "missing-reason": "You did not map the reason in",
    "missing-assumption": "You did not state the unstated assumption",
    "missing-objection": "You did not map the objection in",
    "missing-answer": "You did not map the answer to the objection in",
    "basis": "You typed the evidence in",
    "missing-evidence": "You did not map the evidence in",
    "wrong-target": "should support the",
    "misplaced-evidence": "is under the wrong statement",
    "other-kind": "; the key has",
    "unflagged": "You did not flag the",
    "unfounded": "on statements where the key has no gap",
    "invented": "match nothing the text says",
    "draft": "still marked draft",
    "no-anchor": "have no paragraph anchor",
}


def cut(block: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert block in text, block
        return text.replace(block, "", 1)

    return edit


def swap(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def chain(*edits: Callable[[str], str]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        for e in edits:
            text = e(text)
        return text

    return edit


O2 = (
    "    - id: O2\n"
    "      text: The fees from a new garage would bring the town a steady income every year.\n"
    '      at: "6"\n'
    '      quote: "the fees from a new garage would bring the town a steady income every year"\n'
)
R3 = KEY_TEXT[KEY_TEXT.index("    - id: R3\n") : KEY_TEXT.index("  objections:\n")]
E3 = R3[R3.index("        - id: E3\n") : R3.index("        - id: E4\n")]
A1 = KEY_TEXT[KEY_TEXT.index("        - id: A1\n") : KEY_TEXT.index("    - id: R2\n")]
GAPS = KEY_TEXT[KEY_TEXT.index("gaps:\n") :]
CONCLUSION_TEXT = "  text: The Millbrook council should reject the plan to build a parking garage on Elm Square.\n"
CONCLUSION_QUOTE = KEY_TEXT[KEY_TEXT.index('  quote: "The Millbrook') :].split("\n", 1)[0] + "\n"

VARIANTS: dict[str, tuple[Callable[[str], str], set[str], set[str]]] = {
    # name: (edit, lines that must appear, other lines allowed as a consequence)
    "opposite": (
        swap(
            CONCLUSION_TEXT,
            "  text: The Millbrook council should approve the plan to build a parking garage on "
            "Elm Square.\n",
        ),
        {"opposite"},
        set(),
    ),
    "not-the-text": (
        chain(
            swap(CONCLUSION_TEXT, "  text: Cats are wonderful pets for any family.\n"),
            cut(CONCLUSION_QUOTE),
            swap('  at: "1, 8"\n', '  at: "6"\n'),
        ),
        {"not-the-text"},
        {"invented"},  # the student's own conclusion matches nothing
    ),
    "cites-but-differs": (
        chain(
            swap(CONCLUSION_TEXT, "  text: Cats are wonderful pets for any family.\n"),
            cut(CONCLUSION_QUOTE),
        ),
        {"cites-but-differs"},
        {"invented"},
    ),
    "objection-as-reason": (
        lambda t: cut(O2)(t).replace("  reasons:\n", "  reasons:\n" + O2, 1),
        {"objection-as-reason"},
        set(),
    ),
    "reason-as-objection": (
        lambda t: cut(R3)(t).replace("  objections:\n", "  objections:\n" + R3, 1),
        {"reason-as-objection"},
        set(),
    ),
    "missing-reason": (cut(R3), {"missing-reason"}, {"unflagged"}),  # its evidence's gaps
    "missing-assumption": (cut(A1), {"missing-assumption"}, {"unflagged"}),
    "missing-objection": (cut(O2), {"missing-objection"}, {"unflagged"}),
    "missing-evidence": (cut(E3), {"missing-evidence"}, {"unflagged"}),
    "missing-answer": (
        cut(KEY_TEXT[KEY_TEXT.index("      objections:\n        - id: B1") : KEY_TEXT.index(O2)]),
        {"missing-answer"},
        set(),
    ),
    "basis": (
        swap("          basis: statistic\n", "          basis: anecdote\n"),
        {"basis"},
        set(),
    ),
    "misplaced-evidence": (
        lambda t: cut(E3)(t).replace(
            "      evidence:\n        - id: E2\n",
            "      evidence:\n" + E3 + "        - id: E2\n",
            1,
        ),
        {"misplaced-evidence"},
        set(),
    ),
    "other-kind": (
        swap("    kind: vague-source\n", "    kind: weak-basis\n"),
        {"other-kind"},
        set(),
    ),
    "unflagged": (cut(GAPS), {"unflagged"}, set()),
    "unfounded": (
        swap("gaps:\n", "gaps:\n  - node: R3\n    kind: non-sequitur\n"),
        {"unfounded"},
        set(),
    ),
    "invented": (
        swap(
            "  objections:\n",
            "    - id: X1\n      text: The mayor's cousin owns the concrete works.\n"
            '      at: "4"\n    - id: X2\n      text: Garages attract crime at night.\n'
            '      at: "4"\n  objections:\n',
        ),
        {"invented"},
        set(),
    ),
    "draft": (
        swap(
            '      at: "3"\n      quote: "there is no real shortage of parking"\n',
            '      at: "3"\n      quote: "there is no real shortage of parking"\n'
            "      status: draft\n",
        ),
        {"draft"},
        set(),
    ),
    "no-anchor": (
        lambda t: re.sub(r'\n *at: "[^"]*"', "", t),
        {"no-anchor"},
        set(),
    ),
}


def graded(text: str) -> Result:
    """Grade the edited key as a student's map (gaps on statements cut out go too)."""
    data = yaml.safe_load(text)
    ids: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "id" in node:
                ids.add(str(node["id"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data.get("conclusion"))
    if data.get("gaps"):
        data["gaps"] = [g for g in data["gaps"] if g["node"] in ids]
    key = argmap.load(KEY_PATH)
    return grade_map(key, native.read(Path("student.yaml"), text=yaml.safe_dump(data)))


def kinds_in(result: Result) -> set[str]:
    lines = result.feedback + result.details
    return {name for name, marker in LINES.items() if any(marker in line for line in lines)}


def test_the_key_itself_has_no_miss_line() -> None:
    result = graded(KEY_TEXT)
    assert result.score == 100.0
    assert kinds_in(result) == set()
    assert result.details == []
    assert result.feedback[0] == "Every statement, link and gap of the key is in your map."


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_kind_of_line_appears_where_it_is_true_and_nowhere_else(name: str) -> None:
    edit, must, allowed = VARIANTS[name]
    result = graded(edit(KEY_TEXT))
    found = kinds_in(result)
    assert must <= found, (name, result.feedback + result.details)
    assert found <= must | allowed, (name, found - must - allowed, result.feedback)
    if name not in ("invented", "basis"):  # named, not charged
        assert result.score is not None and result.score < 100.0


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_feedback_starts_with_what_is_right_then_at_most_three_misses(name: str) -> None:
    result = graded(VARIANTS[name][0](KEY_TEXT))
    misses = [line for line in result.feedback if any(m in line for m in LINES.values())]
    rights = [line for line in result.feedback if line not in misses]
    assert len(misses) <= TOP_MISSES
    assert result.feedback[: len(rights)] == rights  # what was right comes first
    if name not in ("not-the-text", "cites-but-differs", "opposite"):
        assert rights, result.feedback  # there is always something right in these maps
    everything = result.feedback + result.details
    assert len(everything) == len(set(everything))  # never a line twice
    assert not any("100" in line for line in everything)  # no line claims a full score


def test_main_reasons_come_before_details() -> None:
    text = cut(R3)(KEY_TEXT)  # a main reason, and a sub-reason elsewhere
    text = cut(
        "          reasons:\n"
        "            - id: R1.1\n"
        "              text: Paying for the garage would need a loan the town would repay until"
        " 2050.\n"
        '              at: "2"\n'
        '              quote: "Paying for it would mean a loan that the town would still be '
        'repaying in 2050."\n'
    )(text)
    result = graded(text)
    misses = [m for m in result.feedback + result.details if m.startswith("You did not map")]
    assert misses[0].startswith("You did not map the reason in paragraph 4")  # the main one
    assert any("paragraph 2" in m for m in misses[1:])


def test_a_missing_statement_is_never_one_the_student_mapped() -> None:
    for edit, _, _ in VARIANTS.values():
        result = graded(edit(KEY_TEXT))
        key = argmap.load(KEY_PATH)
        for line in result.feedback + result.details:
            m = re.match(r"You did not map the (\w+) in paragraphs? ([\d, -]+)", line)
            if m:
                anchors = m.group(2).strip(" ,")
                unmatched = [
                    s
                    for s in key.statements.values()
                    if s.id not in result.matched and s.at == anchors
                ]
                assert unmatched, line
