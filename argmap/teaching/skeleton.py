"""``argmap new``: a skeleton map for a student to fill in, drafted from a raw text's cues.

The skeleton is native YAML with comments, so that it can say, node by
node, what the student should check and which cue placed the node there.
What the units are and where each one goes (conclusion guess, clauses,
objections, rebuttals, undercuts, examples, enumerated reasons, evidence
with a basis guess, restatements of the conclusion) is decided by
:mod:`argmap.teaching.moves`; this module writes the tree: reasons and
evidence under their parent, objections and rebuttals under ``objections:``,
undercuts under ``undercuts:`` of the entry whose inference they attack.

Every node carries ``status: draft`` and its anchor, text and quote
verbatim from the text. The YAML is checked by loading it before it is
written, so a skeleton always loads.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from argmap.teaching import moves
from argmap.teaching.cues import analyse

#: A quote is the sentence's first words, verbatim, up to this many characters.
QUOTE_CHARS = 90

_HEADER = """\
# A skeleton argument map drafted by `argmap new --from {text}`.
#
# argmap guessed every node below from cue words ("therefore", "however",
# numbers, "sources say"...): each one is a DRAFT (status: draft) for you to check.
#   1. The conclusion: is it really what the whole text argues for? If not,
#      swap it with the statement that is.
#   2. Each statement: rewrite `text` in your own words as ONE claim, keep
#      `at` (its paragraph) and `quote` (the exact words of the text).
#   3. Each placement: is it a reason for its parent, evidence for it, or an
#      objection against it? Move it (with its indentation) if not. Join
#      premises that only work together with `linked:`.
#   4. Evidence: check or fill in `basis` (statistic, study, expert,
#      official-record, document, media, leak, testimony, example, anecdote,
#      assertion, common-belief, anonymous) and `source` (who says so).
#   5. Delete the `status: draft` line of each node you have checked.
# Then run `argmap show MAP` and `argmap gaps MAP` to see what is missing.
"""


def skeleton(text: str, *, text_path: str | None, title: str | None = None) -> str:
    """The skeleton map (YAML with comments) for ``text``; ``text_path`` is relative to the map."""
    units = moves.draft(analyse(text))
    if not units:
        return blank_template(title=title, text_path=text_path)
    lines = [_HEADER.format(text=_comment(text_path or "TEXT")), "argmap: 1"]
    named = PurePath(text_path).name if text_path else "a text"  # not "../../shared/..."
    lines.append(f"title: {_q(title or 'Skeleton map: ' + named)}")
    if text_path:
        lines += ["source:", f"  text: {_q(text_path)}"]
    lines.append("conclusion:")
    lines += _Writer(units).lines()
    return "\n".join(lines) + "\n"


def blank_template(*, title: str | None, text_path: str | None) -> str:
    """A map to write by hand: one conclusion, one reason, one piece of evidence, one objection."""
    lines = [
        "# A new argument map. Replace each text, give every node its paragraph (`at`),",
        "# and run `argmap show MAP` and `argmap gaps MAP` as you go.",
        "argmap: 1",
        f"title: {_q(title or 'My argument map')}",
    ]
    if text_path:
        lines += ["source:", f"  text: {_q(text_path)}"]
    lines += [
        "# `at` is where a statement comes from in the text: its paragraph number, counting",
        '# non-empty lines from 1: "3", a range "8-11", or several "2, 7". The grader',
        "# matches your nodes to the key by these anchors, so keep one on every node.",
        "conclusion:",
        "  id: C",
        '  text: "The main conclusion, in your own words."',
        '  at: "1"              # <- the paragraph where the text states its conclusion',
        "  status: draft",
        "  reasons:",
        "    - id: R1",
        '      text: "A reason the text gives for the conclusion."',
        '      at: "1"          # <- the paragraph of this reason',
        "      status: draft",
        "      evidence:",
        "        - id: E1",
        '          text: "What the text offers to back the reason up."',
        '          at: "1"      # <- the paragraph of this evidence',
        '          quote: "the words of the text, copied exactly"   # optional',
        "          status: draft",
        "  objections:",
        "    - id: O1",
        '      text: "An objection the text raises (delete it if there is none)."',
        '      at: "1"          # <- the paragraph that raises it',
        "      status: draft",
    ]
    return "\n".join(lines) + "\n"


#: What YAML does not take as is: anything unprintable (C0 and C1 controls, DEL, surrogates,
#: U+FFFE/U+FFFF), and its line breaks U+2028/U+2029; one regular expression, not a Python
#: test per character (a skeleton may be megabytes), written as the few ranges it excludes
#: rather than the complement of what YAML prints: the same set, 15x faster to compile.
_YAML_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _q(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus ``\\uXXXX`` for what YAML refuses."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: anything unprintable becomes ``?``."""
    return _YAML_UNSAFE.sub("?", text)


def quote_of(sentence: str, limit: int = QUOTE_CHARS) -> str:
    """The sentence's first words, verbatim, cut at a word boundary before ``limit`` characters."""
    stripped = sentence.strip()
    if len(stripped) <= limit:
        return stripped
    cut = stripped[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:")


_ADVICE = {
    "conclusion": "the conclusion guess. CHECK: is this the claim the whole text argues for?",
    "reason": "a candidate reason. CHECK: does it support its parent, or another statement?",
    "evidence": "candidate evidence. CHECK: which claim does it back up? What is its basis?",
    "objection": "a candidate objection. CHECK: what does it attack? Does the text answer it?",
    "rebuttal": "a candidate rebuttal. CHECK: does it answer the objection it sits under?",
    "undercut": "a candidate undercut. CHECK: which step of the reasoning does it deny?",
}
_PREFIX = {
    "conclusion": "C",
    "reason": "R",
    "evidence": "E",
    "objection": "O",
    "rebuttal": "O",
    "undercut": "U",
}
_GROUPS = (
    ("reasons", ("reason",)),
    ("evidence", ("evidence",)),
    ("objections", ("objection", "rebuttal")),
)


class _Writer:
    """The drafted units as nested YAML lines, each node with comments saying why it is there."""

    def __init__(self, units: list[moves.Unit]) -> None:
        self.units = units
        self.children: dict[int, list[int]] = {}
        for i, unit in enumerate(units):
            if i and unit.parent is not None:
                self.children.setdefault(unit.parent, []).append(i)
        # a unit a paragraph is named by its paragraph (R4); a clause by its sentence too (R4.2b)
        per_paragraph = len({u.paragraph for u in units}) == len(units) > 1
        self.ids = []
        for unit in units:
            prefix = _PREFIX[unit.kind]
            if prefix == "C":
                self.ids.append("C")
            elif not per_paragraph:
                part = "" if unit.part < 0 else "abcdefghijklmnopqrstuvwxyz"[min(unit.part, 25)]
                self.ids.append(f"{prefix}{unit.paragraph}.{unit.sentence + 1}{part}")
            else:
                self.ids.append(f"{prefix}{unit.paragraph}")
        seen: dict[str, int] = {}
        for i, nid in enumerate(self.ids):  # a 27th clause of one sentence: keep ids unique
            if nid in seen:
                seen[nid] += 1
                self.ids[i] = f"{nid}-{seen[nid]}"
            else:
                seen[nid] = 1

    def lines(self) -> list[str]:
        return self.node(0, 2, top=True)

    def node(self, i: int, indent: int, *, top: bool = False) -> list[str]:
        """The node's lines, keys at column ``indent``; a list item ("- ") unless ``top``."""
        unit = self.units[i]
        pad = " " * indent
        lead = pad if top else " " * (indent - 2) + "- "
        outer = pad if top else " " * (indent - 2)
        lines = [f"{outer}# ¶{unit.paragraph}: {_ADVICE[unit.kind]}"]
        lines.append(f"{outer}#   why here: {_comment(unit.why)}")
        marks = ", ".join(f"{c.kind} {' '.join(c.text.split())!r}" for c in unit.cues[:6])
        if marks:
            lines.append(f"{outer}#   cues: {_comment(marks)}")
        if unit.restated_in:
            again = ", ".join(f"¶{n}" for n in unit.restated_in)
            lines.append(f"{outer}#   restated in {again}: the same claim, not a reason for it")
        at = str(unit.paragraph)
        if unit.restated_in:
            at = ", ".join(str(n) for n in sorted([unit.paragraph, *unit.restated_in]))
        text = unit.text.strip().rstrip(",;:-–—").rstrip() or unit.text
        fields: list[tuple[str, str]] = [
            ("id", self.ids[i]),
            ("text", text),
            ("at", at),
            ("quote", quote_of(text)),
        ]
        if unit.basis:
            fields.append(("basis", unit.basis))
        for k, (key, value) in enumerate(fields):
            lines.append(f"{lead if k == 0 else pad}{key}: {_q(value)}")
        if unit.source is not None:
            name, year = unit.source
            lines += [f"{pad}source:", f"{pad}  name: {_q(name)}"]
            if year is not None:
                lines.append(f"{pad}  date: {_q(year)}")
        lines.append(f"{pad}status: {_q('draft')}")
        kids = self.children.get(i, [])
        for key, kinds in _GROUPS:
            group = [j for j in kids if self.units[j].kind in kinds]
            if group:
                lines.append(f"{pad}{key}:")
                for j in group:
                    lines += self.entry(j, indent + 4)
        return lines

    def entry(self, j: int, indent: int) -> list[str]:
        """A child's lines, with the undercuts of its inference (its link to the parent)."""
        lines = self.node(j, indent)
        undercuts = [k for k in self.children.get(j, []) if self.units[k].kind == "undercut"]
        if undercuts:
            lines.append(f"{' ' * indent}undercuts:")
            for k in undercuts:
                lines += self.entry(k, indent + 4)
        return lines
