"""``argmap new``: a skeleton map for a student to fill in, drafted from a raw text's cues.

The skeleton is native YAML with comments, so that it can say, node by
node, what the student should check. How it is drafted:

* the conclusion is the sentence :mod:`argmap.teaching.cues` guesses;
* every other paragraph (a closing byline aside) gives one candidate
  statement: its most conclusion-like sentence by the same ranking, with the
  paragraph as its anchor and the sentence's first words as a verbatim quote.
  A text of a single paragraph gives one candidate per sentence instead;
* a paragraph whose first sentence opens with a contrast or concession
  ("However", "Admittedly"...) becomes an **objection** to the conclusion;
* a paragraph with evidence or unnamed-source cues (numbers, dates,
  quotations, "according to", "sources say") becomes **evidence** under the
  nearest reason or objection before it (or the conclusion), its basis guessed only when
  the cues say so (``anonymous`` for unnamed sources);
* any other paragraph becomes a **reason** for the conclusion.

Every node carries ``status: draft``. The YAML is checked by loading it
before it is written, so a skeleton always loads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from argmap.analysis import lexicon
from argmap.teaching.cues import Candidate, CueReport, Paragraph, analyse

#: A quote is the sentence's first words, verbatim, up to this many characters.
QUOTE_CHARS = 90

_CONTRAST_OPENING = re.compile(
    r"^[\"'“‘(]*(?:however|but|yet|nevertheless|nonetheless|still|on the other hand|although|"
    r"though|even though|even if|admittedly|granted|of course|critics|opponents|"
    r"some (?:people )?(?:may|might|say|argue|claim|think)|one (?:could|might|may) (?:argue|"
    r"object)|it (?:could|might|may) be (?:argued|objected))\b",
    re.IGNORECASE,
)
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
#   4. Evidence: fill in `basis` (statistic, study, expert, official-record,
#      document, media, leak, testimony, example, anecdote, assertion,
#      common-belief, anonymous) and `source` when the text names one.
#   5. Delete the `status: draft` line of each node you have checked.
# Then run `argmap show MAP` and `argmap gaps MAP` to see what is missing.
"""


@dataclass
class _Node:
    """One drafted statement and where it goes."""

    nid: str
    kind: str  # "conclusion", "reason", "evidence", "objection"
    candidate: Candidate
    cues: list[lexicon.Cue]
    basis: str | None = None
    children: list[_Node] = field(default_factory=list)


def skeleton(text: str, *, text_path: str | None, title: str | None = None) -> str:
    """The skeleton map (YAML with comments) for ``text``; ``text_path`` is relative to the map."""
    report = analyse(text)
    guess = report.guess
    if guess is None:
        return blank_template(title=title, text_path=text_path)
    root = _Node("C", "conclusion", guess, _cues_in(report.paragraphs[guess.paragraph - 1], guess))
    objections: list[_Node] = []
    parent: _Node = root
    for suffix, candidate, cues in _units(report, guess):
        opening = lexicon.normalize(
            candidate.text if suffix else _first_sentence(report, candidate)
        )
        if _CONTRAST_OPENING.match(opening):
            parent = _Node(f"O{suffix or candidate.paragraph}", "objection", candidate, cues)
            objections.append(parent)
        elif any(c.kind in (lexicon.EVIDENCE, lexicon.UNNAMED_SOURCE) for c in cues):
            basis = "anonymous" if any(c.kind == lexicon.UNNAMED_SOURCE for c in cues) else None
            node = _Node(f"E{suffix or candidate.paragraph}", "evidence", candidate, cues, basis)
            parent.children.append(node)
        else:
            parent = _Node(f"R{suffix or candidate.paragraph}", "reason", candidate, cues)
            root.children.append(parent)
    lines = [_HEADER.format(text=_comment(text_path or "TEXT")), "argmap: 1"]
    named = PurePath(text_path).name if text_path else "a text"  # not "../../shared/..."
    lines.append(f"title: {_q(title or 'Skeleton map: ' + named)}")
    if text_path:
        lines += ["source:", f"  text: {_q(text_path)}"]
    lines.append("conclusion:")
    lines += _node_lines(root, 2, top=True)
    if objections:
        lines.append("  objections:")
        for node in objections:
            lines += _node_lines(node, 6)
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
        "conclusion:",
        "  id: C",
        '  text: "The main conclusion, in your own words."',
        "  status: draft",
        "  reasons:",
        "    - id: R1",
        '      text: "A reason the text gives for the conclusion."',
        "      status: draft",
        "      evidence:",
        "        - id: E1",
        '          text: "What the text offers to back the reason up."',
        "          status: draft",
        "  objections:",
        "    - id: O1",
        '      text: "An objection the text raises (delete it if there is none)."',
        "      status: draft",
    ]
    return "\n".join(lines) + "\n"


def _units(report: CueReport, guess: Candidate) -> list[tuple[str, Candidate, list[lexicon.Cue]]]:
    """The statements to draft besides the conclusion: one per paragraph, in text order.

    A text of one paragraph (a short essay, every arg-microtext) gives one per
    sentence instead; ``suffix`` is then "paragraph.sentence" for the node ids.
    """
    paragraphs = {p.n: p for p in report.paragraphs}
    in_text_order = sorted(report.ranking, key=lambda c: (c.paragraph, c.index))
    body = sorted({c.paragraph for c in in_text_order})
    units: list[tuple[str, Candidate, list[lexicon.Cue]]] = []
    if len(body) == 1:
        for cand in in_text_order:
            if cand is not guess:
                cues = _cues_in(paragraphs[cand.paragraph], cand)
                units.append((f"{cand.paragraph}.{cand.index + 1}", cand, cues))
        return units
    best: dict[int, Candidate] = {}
    for cand in report.ranking:  # best first: the first seen of each paragraph is its best
        best.setdefault(cand.paragraph, cand)
    for n in body:
        if n == guess.paragraph:
            continue
        units.append(("", best[n], list(paragraphs[n].cues)))
    return units


def _first_sentence(report: CueReport, candidate: Candidate) -> str:
    paragraph = report.paragraphs[candidate.paragraph - 1]
    return paragraph.sentences[0].text if paragraph.sentences else candidate.text


def _cues_in(paragraph: Paragraph, sentence: Candidate) -> list[lexicon.Cue]:
    # the cues are in text order: two binary searches, not a scan of every cue per sentence
    low = bisect.bisect_left(paragraph.cues, sentence.start, key=_start)
    high = bisect.bisect_left(paragraph.cues, sentence.end, key=_start)
    return list(paragraph.cues[low:high])


def _start(cue: lexicon.Cue) -> int:
    return cue.start


def _yaml_safe(char: str) -> bool:
    """Whether YAML takes ``char`` as is: printable, and not one of its line breaks."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or code >= 0x10000
    ) and char not in "\u2028\u2029"


def _q(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus ``\\uXXXX`` for what YAML refuses."""
    import json

    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(c if c in "\t" or _yaml_safe(c) else f"\\u{ord(c):04x}" for c in quoted)


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: anything unprintable becomes ``?``."""
    return "".join(c if _yaml_safe(c) else "?" for c in text)


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
    "reason": "a candidate reason. CHECK: does it support the conclusion, or another reason?",
    "evidence": "candidate evidence. CHECK: which reason does it back up? What is its basis?",
    "objection": "a candidate objection. CHECK: what does it attack? Does the text answer it?",
}
_CHILD_KEY = {"reason": "reasons", "evidence": "evidence"}


def _node_lines(node: _Node, indent: int, *, top: bool = False) -> list[str]:
    """The node's lines, keys at column ``indent``; a list item ("- ") unless ``top``."""
    pad = " " * indent
    lead = pad if top else " " * (indent - 2) + "- "
    outer = pad if top else " " * (indent - 2)
    cand = node.candidate
    lines = [f"{outer}# ¶{cand.paragraph}: {_ADVICE[node.kind]}"]
    marks = ", ".join(f"{c.kind} {' '.join(c.text.split())!r}" for c in node.cues[:6])
    if marks:
        lines.append(f"{outer}#   cues: {_comment(marks)}")
    fields: list[tuple[str, str]] = [
        ("id", node.nid),
        ("text", cand.text),
        ("at", str(cand.paragraph)),
        ("quote", quote_of(cand.text)),
    ]
    if node.basis:
        fields.append(("basis", node.basis))
    fields.append(("status", "draft"))
    for i, (key, value) in enumerate(fields):
        lines.append(f"{lead if i == 0 else pad}{key}: {_q(value)}")
    groups: dict[str, list[_Node]] = {}
    for child in node.children:
        groups.setdefault(_CHILD_KEY[child.kind], []).append(child)
    for key in ("reasons", "evidence"):
        for j, child in enumerate(groups.get(key, [])):
            if j == 0:
                lines.append(f"{pad}{key}:")
            lines += _node_lines(child, indent + 4)
    return lines
