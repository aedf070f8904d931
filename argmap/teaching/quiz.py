"""``argmap quiz``: multiple-choice questions drawn from a map, seeded, scriptable, scored.

Five kinds of question, each asked only where the map can answer it:

* ``conclusion``: which statement is the main conclusion?
* ``basis``: what kind of evidence is paragraph N? (evidence with a
  ``basis``, the only evidence anchored in its paragraph)
* ``has-evidence``: does this reason have evidence anywhere beneath it?
* ``gap``: which gap does this node have? (from the map's gaps)
* ``role``: is this an objection or a reason?

With a seed, :func:`make_quiz` takes the kinds in a shuffled order, one
question of each in turn, until it has ``count`` questions (5-15) or the map
runs out; options are shuffled too. The same map and seed always give the
same quiz, so ``--key`` with the same seed prints its answers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.analysis.base import Gap
from argmap.errors import ArgmapError
from argmap.model import BASIS_HELP, ArgumentMap, Basis, StatementKind, format_anchor
from argmap.teaching.grade import roles

MIN_QUESTIONS = 5
MAX_QUESTIONS = 15
DEFAULT_QUESTIONS = 10
LETTERS = "ABCD"
KINDS = ("conclusion", "basis", "has-evidence", "gap", "role")
#: Gap names offered as wrong answers when the map itself has too few kinds.
FALLBACK_GAP_NAMES = (
    "unsupported-claim",
    "unanswered-objection",
    "unnamed-source",
    "hedged-evidence",
    "stale-evidence",
    "vague-quantifier",
    "overclaim",
    "non-sequitur",
    "implicit-premise",
    "factual-error",
    "circular-support",
)


@dataclass(frozen=True)
class Question:
    """One question: its kind, the prompt, what it is about, the options and the right one."""

    kind: str
    prompt: str
    subject: str | None  # the statement the question shows (``¶N: text``), if any
    options: tuple[str, ...]
    answer: int  # index into options

    @property
    def letter(self) -> str:
        return LETTERS[self.answer]


@dataclass(frozen=True)
class Quiz:
    """The questions of one quiz, in order."""

    questions: tuple[Question, ...]
    seed: int

    def key(self) -> list[str]:
        """The correct letters, one per question."""
        return [q.letter for q in self.questions]


def _where(at: str | None) -> str:
    return f"¶{at}: " if at else ""


def _subject(argmap: ArgumentMap, sid: str) -> str:
    statement = argmap.statements[sid]
    return f"{_where(statement.at)}{statement.text}"


def _options(
    rng: random.Random, right: str, wrong: Sequence[str], size: int = 4
) -> tuple[tuple[str, ...], int]:
    """``right`` among up to ``size - 1`` distinct wrong options, shuffled."""
    distinct = [w for w in dict.fromkeys(wrong) if w != right]
    chosen = rng.sample(distinct, min(size - 1, len(distinct)))
    options = [right, *chosen]
    rng.shuffle(options)
    return tuple(options), options.index(right)


def _below(argmap: ArgumentMap, sid: str) -> set[str]:
    seen: set[str] = set()
    stack = [sid]
    while stack:
        node = stack.pop()
        for inf in argmap.supports(node):
            for premise in inf.premises:
                if premise not in seen:
                    seen.add(premise)
                    stack.append(premise)
    return seen


def _pools(
    argmap: ArgumentMap, gaps: Sequence[Gap], rng: random.Random
) -> dict[str, list[Question]]:
    role = roles(argmap)
    connected = [sid for sid in argmap.statements if role[sid] != "unconnected"]
    pools: dict[str, list[Question]] = {kind: [] for kind in KINDS}

    others = [argmap.statements[s].text for s in connected if s != argmap.conclusion]
    if len(others) >= 1:
        # prefer claims close to the conclusion as distractors: they are the tempting ones
        near = [argmap.statements[s].text for s in argmap.children(argmap.conclusion)]
        wrong = [t for t in near if t != argmap.statements[argmap.conclusion].text] or others
        if len(wrong) < 3:
            wrong = wrong + [t for t in others if t not in wrong]
        options, answer = _options(rng, argmap.statements[argmap.conclusion].text, wrong)
        pools["conclusion"].append(
            Question("conclusion", "Which statement is the main conclusion?", None, options, answer)
        )

    evidence_at: dict[tuple[int, ...], list[str]] = {}
    for sid in connected:
        statement = argmap.statements[sid]
        if statement.kind is StatementKind.EVIDENCE and statement.anchors:
            evidence_at.setdefault(statement.anchors, []).append(sid)
    for anchors, ids in sorted(evidence_at.items()):
        if len(ids) != 1:
            continue
        statement = argmap.statements[ids[0]]
        if statement.basis is None:
            continue
        word = "paragraph" if len(anchors) == 1 else "paragraphs"
        text = statement.quote or statement.text
        options, answer = _options(
            rng, _basis_option(statement.basis), [_basis_option(b) for b in Basis]
        )
        pools["basis"].append(
            Question(
                "basis",
                f"What kind of evidence is {word} {format_anchor(anchors)}?",
                f"¶{format_anchor(anchors)}: “{text}”",
                options,
                answer,
            )
        )

    for sid in connected:
        if role[sid] != "reason":
            continue
        has = any(argmap.is_evidence(s) for s in _below(argmap, sid))
        options = ("Yes", "No")
        pools["has-evidence"].append(
            Question(
                "has-evidence",
                "Does this reason have evidence anywhere beneath it in the map?",
                _subject(argmap, sid),
                options,
                0 if has else 1,
            )
        )

    kinds_by_node: dict[str, list[str]] = {}
    for gap in gaps:
        if gap.node in argmap.statements:
            kinds_by_node.setdefault(gap.node, [])
            if gap.name not in kinds_by_node[gap.node]:
                kinds_by_node[gap.node].append(gap.name)
    all_kinds = list(dict.fromkeys([g.name for g in gaps] + list(FALLBACK_GAP_NAMES)))
    for sid, names in kinds_by_node.items():
        wrong = [k for k in all_kinds if k not in names]
        options, answer = _options(rng, names[0], wrong)
        pools["gap"].append(
            Question(
                "gap", "Which gap does this node have?", _subject(argmap, sid), options, answer
            )
        )

    for sid in connected:
        if role[sid] not in ("reason", "objection"):
            continue
        pools["role"].append(
            Question(
                "role",
                "Is this an objection or a reason?",
                _subject(argmap, sid),
                (
                    "A reason: it supports the claim it is attached to",
                    "An objection: it attacks it",
                ),
                0 if role[sid] == "reason" else 1,
            )
        )
    return pools


def _basis_option(basis: Basis) -> str:
    return f"{basis.value}: {BASIS_HELP[basis]}"


def make_quiz(
    argmap: ArgumentMap, gaps: Sequence[Gap] = (), *, seed: int = 0, count: int = DEFAULT_QUESTIONS
) -> Quiz:
    """A quiz of ``count`` questions (5-15) drawn from the map (see the module docstring)."""
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        raise ArgmapError(f"a quiz has {MIN_QUESTIONS} to {MAX_QUESTIONS} questions, not {count}")
    rng = random.Random(seed)
    pools = _pools(argmap, gaps, rng)
    for pool in pools.values():
        rng.shuffle(pool)
    # yes/no pools: alternate answers so a quiz does not ask "Yes" five times over
    for kind in ("has-evidence", "role"):
        pools[kind] = _alternate(pools[kind])
    order = list(KINDS)
    rng.shuffle(order)
    if "conclusion" in order:  # the first question is always the main conclusion, if any
        order.remove("conclusion")
        order.insert(0, "conclusion")
    questions: list[Question] = []
    while len(questions) < count and any(pools[k] for k in order):
        for kind in order:
            if pools[kind] and len(questions) < count:
                questions.append(pools[kind].pop(0))
    if not questions:
        raise ArgmapError("the map is too small to ask anything about")
    return Quiz(tuple(questions), seed)


def _alternate(pool: list[Question]) -> list[Question]:
    by_answer: dict[int, list[Question]] = {}
    for q in pool:
        by_answer.setdefault(q.answer, []).append(q)
    out: list[Question] = []
    lists = [by_answer[k] for k in sorted(by_answer)]
    while any(lists):
        for lst in lists:
            if lst:
                out.append(lst.pop(0))
    return out


def parse_answer(raw: str | None, options: int) -> int | None:
    """A letter (any case, first non-blank character) -> option index; ``None`` if not valid."""
    if raw is None:
        return None
    text = raw.strip().upper()
    if not text:
        return None
    index = LETTERS.find(text[0])
    return index if 0 <= index < options else None


def score(quiz: Quiz, answers: Iterable[int | None]) -> int:
    """How many questions the answers get right."""
    return sum(1 for q, a in zip(quiz.questions, answers, strict=False) if a == q.answer)
