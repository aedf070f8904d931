"""``argmap quiz``: multiple-choice questions drawn from a map that explain their answers.

Seven kinds of question, each asked only where the map can answer it:

* ``conclusion``: which passage states the main conclusion? (the text's own
  words when the map has quotes, else the map's statements)
* ``kind``: what kind of statement is this? (reason, evidence, objection,
  unstated assumption, rebuttal)
* ``target``: what does this statement support or attack? (named)
* ``basis``: what kind of evidence is paragraph N?
* ``gap``: which gap does this statement have? (in the students' vocabulary
  of :mod:`argmap.teaching.gap_kinds`)
* ``answered``: does the text answer this objection?
* ``has-evidence``: does this reason have evidence anywhere beneath it?

Every question carries an ``explanation`` (why the right answer is right,
citing the paragraph and the quote), for every wrong option why it is wrong,
and a ``review`` topic for a final "what to review". Wrong options come from
the same map and have the form of the right one; for the conclusion they
are the passages nearest it in length, so length does not give it away.

With a seed, :func:`make_quiz` asks the main conclusion first, then takes
the other kinds in a shuffled order, one question of each in turn, until it
has ``count`` questions (5-15) or the map runs out; options are shuffled too.
The same map and seed always give the same quiz, so ``--key`` with the same
seed prints its answers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.analysis.base import Gap
from argmap.errors import ArgmapError
from argmap.model import (
    BASIS_HELP,
    ArgumentMap,
    Basis,
    InferenceKind,
    Statement,
    StatementKind,
    format_anchor,
)
from argmap.teaching.gap_kinds import STUDENT_KINDS, student_kind
from argmap.teaching.grade import roles

MIN_QUESTIONS = 5
MAX_QUESTIONS = 15
DEFAULT_QUESTIONS = 10
LETTERS = "ABCD"
KINDS = ("conclusion", "kind", "target", "basis", "gap", "answered", "has-evidence")

#: What to review after missing a question of each kind.
REVIEW: dict[str, str] = {
    "conclusion": "the main conclusion: the one claim the whole text argues for (look at the "
    'start and the end, and for words such as "therefore", "must", "should")',
    "kind": "kinds of statement: a reason is a claim offered for another claim, evidence "
    "reports something checkable, an objection argues against, an assumption goes unsaid",
    "target": "the structure: which claim each statement supports or attacks",
    "basis": "kinds of evidence: where a piece of evidence comes from and how far it can be "
    "trusted",
    "gap": "gaps: the weak points of an argument (the worksheet's list of kinds of gap)",
    "answered": "objections: whether the text answers the objections it raises",
    "has-evidence": "support: whether a reason rests on evidence or only on more claims",
}

#: The options of a ``kind`` question: one per role, all of the same form.
KIND_OPTION: dict[str, str] = {
    "reason": "A reason: a claim offered in support of another claim",
    "evidence": "Evidence: a checkable report (a figure, a record, a news story)",
    "objection": "An objection: it argues against a claim of the argument",
    "assumption": "An unstated assumption: the argument needs it, the text never says it",
    "rebuttal": "A rebuttal: it answers an objection the text raises",
}
_ARTICLE = {
    "reason": "a reason",
    "evidence": "evidence",
    "objection": "an objection",
    "assumption": "an unstated assumption",
    "rebuttal": "a rebuttal",
    "conclusion": "the main conclusion",
    "undercut": "an undercut",
}
_NO = "No: the text raises it and never answers it"


@dataclass(frozen=True)
class Question:
    """One question: its kind, the prompt, what it is about, the options and the right one,
    why the right one is right and why each other one is wrong."""

    kind: str
    prompt: str
    subject: str | None  # the statement the question shows (``¶N: text``), if any
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str = ""  # why the right answer is right, citing paragraph and quote
    wrong: tuple[str, ...] = ()  # per option: why it is wrong ("" for the right one)

    @property
    def letter(self) -> str:
        return LETTERS[self.answer]

    @property
    def review(self) -> str:
        """What to review when this question is missed."""
        return REVIEW[self.kind]

    def why_wrong(self, option: int) -> str:
        """Why ``option`` is wrong ("" for the right one or when unknown)."""
        return self.wrong[option] if 0 <= option < len(self.wrong) else ""


@dataclass(frozen=True)
class Quiz:
    """The questions of one quiz, in order."""

    questions: tuple[Question, ...]
    seed: int

    def key(self) -> list[str]:
        """The correct letters, one per question."""
        return [q.letter for q in self.questions]


# --- wording ---------------------------------------------------------------------------------


def short(text: str, limit: int = 70) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _where(at: str | None) -> str:
    return f"¶{at}: " if at else ""


def _subject(statement: Statement) -> str:
    return f"{_where(statement.at)}{statement.text}"


def cite(statement: Statement) -> str:
    """``¶16: “quote”`` (or the statement's text when it has no quote)."""
    words = f"“{statement.quote}”" if statement.quote else f"“{short(statement.text, 120)}”"
    return f"¶{statement.at}: {words}" if statement.at else words


def _named(statement: Statement, limit: int = 70) -> str:
    at = f" (¶{statement.at})" if statement.at else ""
    return f"“{short(statement.text, limit)}”{at}"


def _function(argmap: ArgumentMap, sid: str, role: dict[str, str]) -> str:
    """What a statement does in the map: "supports “…” (¶3)", "attacks “…”"..."""
    for inf in argmap.outgoing(sid):
        if inf.kind is InferenceKind.UNDERCUT:
            step = argmap.inferences.get(inf.target)
            if step is not None and step.target in argmap.statements:
                return f"attacks the step to {_named(argmap.statements[step.target])}"
        elif inf.target in argmap.statements:
            verb = "supports" if inf.kind is InferenceKind.SUPPORT else "attacks"
            return f"{verb} {_named(argmap.statements[inf.target])}"
    if role.get(sid) == "conclusion":
        return "is what the whole text argues for"
    return "is not connected to the main conclusion"


def _fine_roles(argmap: ArgumentMap) -> dict[str, str]:
    """:func:`roles`, with attacks on objections told apart as rebuttals."""
    role = roles(argmap)
    out = dict(role)
    for entry in argmap.tree():
        via = entry.via
        if via is None or via.kind is not InferenceKind.ATTACK or entry.node != via.premises[0]:
            continue
        if via.target in argmap.statements and role.get(via.target) == "objection":
            if out.get(entry.node) == "objection":
                out[entry.node] = "rebuttal"
    return out


def _options(
    rng: random.Random, right: str, wrong: Sequence[tuple[str, str]], size: int = 4
) -> tuple[tuple[str, ...], int, tuple[str, ...]]:
    """``right`` among up to ``size - 1`` distinct wrong ``(option, why)`` pairs, shuffled;
    returns the options, the right one's index and the why-wrong texts."""
    distinct: dict[str, str] = {}
    for option, why in wrong:
        if option != right and option not in distinct:
            distinct[option] = why
    chosen = rng.sample(sorted(distinct), min(size - 1, len(distinct)))
    options = [right, *chosen]
    rng.shuffle(options)
    return tuple(options), options.index(right), tuple(distinct.get(o, "") for o in options)


def _below(argmap: ArgumentMap, sid: str) -> list[str]:
    seen: dict[str, None] = {}
    stack = [sid]
    while stack:
        node = stack.pop()
        for inf in argmap.supports(node):
            for premise in inf.premises:
                if premise not in seen:
                    seen[premise] = None
                    stack.append(premise)
    return list(seen)


# --- the kinds of question -------------------------------------------------------------------


def _conclusion(
    argmap: ArgumentMap, connected: list[str], role: dict[str, str], rng: random.Random
) -> list[Question]:
    main = argmap.statements[argmap.conclusion]
    others = [argmap.statements[s] for s in connected if s != argmap.conclusion]
    quoted = [s for s in others if s.quote]
    use_quotes = bool(main.quote) and len(quoted) >= 3
    pool = quoted if use_quotes else others
    if not pool:
        return []

    def shown(s: Statement) -> str:
        return f"“{s.quote}”" if use_quotes and s.quote else s.text

    right = shown(main)

    # the passages nearest the right one in length, and a random number of them (0-3)
    # longer than it, so that its place by length is a throw of the dice
    def nearness(s: Statement) -> tuple[int, str]:
        return (abs(len(shown(s)) - len(right)), s.id)

    longer = sorted((s for s in pool if len(shown(s)) > len(right)), key=nearness)
    shorter = sorted((s for s in pool if len(shown(s)) <= len(right)), key=nearness)
    above = min(rng.randrange(4), len(longer))
    nearest = longer[:above] + shorter[: 3 - above]
    nearest += (longer[above:] + shorter[3 - above :])[: 3 - len(nearest)]
    wrong = [
        (
            shown(s),
            f"That is {_ARTICLE.get(role[s.id], 'a statement')} ({cite(s)}): it "
            f"{_function(argmap, s.id, role)}, not the claim the whole text argues for.",
        )
        for s in nearest
    ]
    options, answer, why = _options(rng, right, wrong)
    prompt = (
        "Which passage of the text states its main conclusion?"
        if use_quotes
        else "Which statement is the main conclusion?"
    )
    explanation = (
        f"The main conclusion is the claim everything else is offered for or against: {cite(main)}"
    )
    if " ".join(main.text.split()) != " ".join((main.quote or main.text).split()):
        explanation += f". In the map: {main.text}"
    return [Question("conclusion", prompt, None, options, answer, explanation, why)]


def _kind(
    argmap: ArgumentMap, connected: list[str], role: dict[str, str], rng: random.Random
) -> list[Question]:
    out = []
    for sid in connected:
        kind = role[sid]
        if kind not in KIND_OPTION:
            continue
        statement = argmap.statements[sid]
        does = _function(argmap, sid, role)
        wrong = [
            (text, f"Not {_ARTICLE[other]}: this statement {does}.")
            for other, text in KIND_OPTION.items()
            if other != kind
        ]
        options, answer, why = _options(rng, KIND_OPTION[kind], wrong)
        explanation = f"It is {_ARTICLE[kind]}: {cite(statement)} {does}."
        if kind == "evidence" and statement.basis is not None:
            explanation += f" Its basis: {statement.basis.value} ({BASIS_HELP[statement.basis]})."
        out.append(
            Question(
                "kind",
                "What kind of statement is this, in the argument?",
                _subject(statement),
                options,
                answer,
                explanation,
                why,
            )
        )
    return out


def _target(
    argmap: ArgumentMap, connected: list[str], role: dict[str, str], rng: random.Random
) -> list[Question]:
    out = []
    claims = [s for s in connected if argmap.supports(s) or s == argmap.conclusion]
    for sid in connected:
        first = next(
            (i for i in argmap.outgoing(sid) if i.kind is not InferenceKind.UNDERCUT), None
        )
        if first is None or first.target not in argmap.statements:
            continue
        verb = "supports" if first.kind is InferenceKind.SUPPORT else "attacks"
        other_verb = "attacks" if verb == "supports" else "supports"
        target = argmap.statements[first.target]
        right = f"It {verb} “{short(target.text, 60)}”"
        wrong = [
            (
                f"It {other_verb} “{short(target.text, 60)}”",
                f"It does not {other_verb[:-1]} that claim: it "
                + ("gives a reason to accept it." if verb == "supports" else "argues against it."),
            )
        ]
        near = sorted(
            (c for c in claims if c not in (first.target, sid)),
            key=lambda c: (abs(len(argmap.statements[c].text) - len(target.text)), c),
        )[:5]
        for c in near:
            other = argmap.statements[c]
            wrong.append(
                (
                    f"It {verb} “{short(other.text, 60)}”",
                    f"It is not offered about {_named(other)}: it {verb} {_named(target)}.",
                )
            )
        options, answer, why = _options(rng, right, wrong)
        statement = argmap.statements[sid]
        explanation = f"{cite(statement)} {verb} {_named(target)}: it " + (
            "gives a reason to accept it." if verb == "supports" else "argues against it."
        )
        out.append(
            Question(
                "target",
                "What does this statement support or attack?",
                _subject(statement),
                options,
                answer,
                explanation,
                why,
            )
        )
    return out


def _basis_option(basis: Basis) -> str:
    return f"{basis.value}: {BASIS_HELP[basis]}"


def _basis(argmap: ArgumentMap, connected: list[str], rng: random.Random) -> list[Question]:
    evidence_at: dict[tuple[int, ...], list[str]] = {}
    for sid in connected:
        statement = argmap.statements[sid]
        if statement.kind is StatementKind.EVIDENCE and statement.anchors:
            evidence_at.setdefault(statement.anchors, []).append(sid)
    out = []
    for anchors, ids in sorted(evidence_at.items()):
        statement = argmap.statements[ids[0]]
        if len(ids) != 1 or statement.basis is None:
            continue
        basis = statement.basis
        word = "paragraph" if len(anchors) == 1 else "paragraphs"
        wrong = [
            (_basis_option(b), f"Not {b.value}: that would be {BASIS_HELP[b]}.")
            for b in Basis
            if b is not basis
        ]
        options, answer, why = _options(rng, _basis_option(basis), wrong)
        source = statement.source.name if statement.source and statement.source.name else None
        explanation = (
            f"{cite(statement)} is {basis.value}: {BASIS_HELP[basis]}"
            + (f" (source: {source})" if source else "")
            + "."
        )
        out.append(
            Question(
                "basis",
                f"What kind of evidence is {word} {format_anchor(anchors)}?",
                f"¶{format_anchor(anchors)}: “{statement.quote or statement.text}”",
                options,
                answer,
                explanation,
                why,
            )
        )
    return out


def gap_message(gap: Gap, argmap: ArgumentMap | None = None) -> str:
    """A gap's message in words a student can follow: without the leading node id and the
    analyst's kind name ("E16: overstated: ..."), and, given the map, with every other
    statement id it names ("supports R4", "(E9 -> R3)") replaced by that statement's
    opening words and paragraph, since ids mean nothing to a student."""
    message = re.sub(rf"^{re.escape(gap.node)}:\s*", "", gap.message)
    for name in (gap.name, gap.name.replace("-", " ")):
        if message.lower().startswith(name + ":"):
            message = message[len(name) + 1 :].lstrip()
    if argmap is not None:
        message = _without_ids(message, argmap)
    return message[:1].upper() + message[1:]


# ids that are also everyday words are left alone ("A 2017 report", "I")
_WORD_IDS = frozenset({"A", "I", "a"})


def _without_ids(message: str, argmap: ArgumentMap) -> str:
    ids = sorted((i for i in argmap.statements if i not in _WORD_IDS), key=len, reverse=True)
    if not ids:
        return message
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, ids)) + r")(?![\w]|\.\w)")

    return pattern.sub(lambda m: _named(argmap.statements[m.group(1)], 40), message)


def _gap(argmap: ArgumentMap, gaps: Sequence[Gap], rng: random.Random) -> list[Question]:
    by_node: dict[str, list[Gap]] = {}
    # gaps written in the map first: they are the ones the analyst meant to teach
    for gap in sorted(gaps, key=lambda g: g.origin != "annotated"):
        if gap.node in argmap.statements and student_kind(gap) != "other":
            by_node.setdefault(gap.node, []).append(gap)
    out = []
    for sid, found in by_node.items():
        statement = argmap.statements[sid]
        has = {student_kind(g) for g in found}
        first = found[0]
        kind = student_kind(first)
        wrong = [
            (
                f"{k}: {STUDENT_KINDS[k]}",
                f"Not {k} ({STUDENT_KINDS[k][0].lower()}{STUDENT_KINDS[k][1:-1]}): the weak "
                f"point here is {kind}.",
            )
            for k in STUDENT_KINDS
            if k not in has and k != "other"
        ]
        options, answer, why = _options(rng, f"{kind}: {STUDENT_KINDS[kind]}", wrong)
        explanation = f"{kind}: {gap_message(first, argmap)} ({cite(statement)})"
        if first.hint:
            explanation += f" {_without_ids(first.hint, argmap)}"
        out.append(
            Question(
                "gap",
                "Which gap does this statement have?",
                _subject(statement),
                options,
                answer,
                explanation,
                why,
            )
        )
    return out


def _answered(
    argmap: ArgumentMap, connected: list[str], role: dict[str, str], rng: random.Random
) -> list[Question]:
    out = []
    for sid in connected:
        if role[sid] != "objection":
            continue
        statement = argmap.statements[sid]
        answers = [p for inf in argmap.attacks(sid) for p in inf.premises[:1]]
        # statements near it in the text are the tempting "answers"
        near = sorted(
            (
                s
                for s in connected
                if s != sid and s not in answers and argmap.statements[s].at is not None
            ),
            key=lambda s: (
                abs((argmap.statements[s].anchors or (0,))[0] - (statement.anchors or (0,))[0]),
                s,
            ),
        )[:3]
        attacked = _function(argmap, sid, role)
        fake = [
            (
                f"Yes: “{short(argmap.statements[s].text, 60)}”",
                f"{_named(argmap.statements[s])} does not answer it: it "
                f"{_function(argmap, s, role)}.",
            )
            for s in near
        ]
        if answers:
            rebuttal = argmap.statements[answers[0]]
            right = f"Yes: “{short(rebuttal.text, 60)}”"
            # "No" is always an option, beside one tempting wrong "Yes"
            wrong = [(_NO, f"The text does answer it: {cite(rebuttal)}."), *fake[:1]]
            explanation = f"The objection ({cite(statement)}) is answered: {cite(rebuttal)}."
        else:
            right = _NO
            wrong = fake
            explanation = (
                f"The text raises it ({cite(statement)}) and nothing in it rebuts or undercuts "
                f"the objection, which {attacked}: an unanswered objection."
            )
        options, answer, why = _options(rng, right, wrong, size=3)
        out.append(
            Question(
                "answered",
                "Does the text answer this objection?",
                _subject(statement),
                options,
                answer,
                explanation,
                why,
            )
        )
    return out


def _has_evidence(
    argmap: ArgumentMap, connected: list[str], role: dict[str, str]
) -> list[Question]:
    out = []
    for sid in connected:
        if role[sid] != "reason":
            continue
        statement = argmap.statements[sid]
        below = _below(argmap, sid)
        evidence = [s for s in below if argmap.is_evidence(s)]
        if evidence:
            first = argmap.statements[evidence[0]]
            explanation = f"Yes: beneath it is evidence, {cite(first)}."
            wrong = ("", f"There is evidence beneath it: {cite(first)}.")
        elif below:
            claims = ", ".join(_named(argmap.statements[s]) for s in below[:2])
            explanation = f"No: beneath it are only claims ({claims}), no evidence."
            wrong = (f"Nothing beneath it is evidence: only {claims}.", "")
        elif statement.given:
            explanation = (
                "No: it is given (common ground): the text takes it as needing no support."
            )
            wrong = ("Nothing supports it in the map: it is given, common ground.", "")
        else:
            explanation = "No: nothing in the map supports it at all."
            wrong = ("Nothing supports it in the map.", "")
        out.append(
            Question(
                "has-evidence",
                "Does this reason have evidence anywhere beneath it in the map?",
                _subject(statement),
                ("Yes", "No"),
                0 if evidence else 1,
                explanation,
                wrong,
            )
        )
    return out


def _pools(
    argmap: ArgumentMap, gaps: Sequence[Gap], rng: random.Random
) -> dict[str, list[Question]]:
    role = _fine_roles(argmap)
    connected = [sid for sid in argmap.statements if role[sid] != "unconnected"]
    return {
        "conclusion": _conclusion(argmap, connected, role, rng),
        "kind": _kind(argmap, connected, role, rng),
        "target": _target(argmap, connected, role, rng),
        "basis": _basis(argmap, connected, rng),
        "gap": _gap(argmap, gaps, rng),
        "answered": _answered(argmap, connected, role, rng),
        "has-evidence": _has_evidence(argmap, connected, role),
    }


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
    for kind in ("has-evidence", "answered"):
        pools[kind] = _alternate(pools[kind])
    order = [k for k in KINDS if k != "conclusion"]
    rng.shuffle(order)
    order.insert(0, "conclusion")  # the first question is always the main conclusion, if any
    questions: list[Question] = []
    asked: set[str | None] = set()
    while len(questions) < count and any(pools[k] for k in order):
        for kind in order:
            if pools[kind] and len(questions) < count:
                question = pools[kind].pop(0)
                # one question about a statement per round of kinds, when there are others
                if question.subject in asked and any(q.subject not in asked for q in pools[kind]):
                    pools[kind].append(question)
                    question = pools[kind].pop(0)
                    while question.subject in asked:
                        pools[kind].append(question)
                        question = pools[kind].pop(0)
                asked.add(question.subject)
                questions.append(question)
    if not questions:
        raise ArgmapError("the map is too small to ask anything about")
    return Quiz(tuple(questions), seed)


def _alternate(pool: list[Question]) -> list[Question]:
    by_answer: dict[str, list[Question]] = {}
    for q in pool:
        by_answer.setdefault(q.options[q.answer][:2], []).append(q)
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


def to_review(quiz: Quiz, answers: Sequence[int | None]) -> list[tuple[str, list[int]]]:
    """What to review: each missed kind's topic with the numbers (from 1) of the questions
    missed, in the order the kinds first went wrong."""
    missed: dict[str, list[int]] = {}
    for number, (q, a) in enumerate(zip(quiz.questions, answers, strict=False), start=1):
        if a != q.answer:
            missed.setdefault(q.kind, []).append(number)
    return [(REVIEW[kind], numbers) for kind, numbers in missed.items()]
