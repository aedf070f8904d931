"""Evaluation: how well each claim of a map stands, as a verdict and as a grounded label.

Two readings of the same map, both deterministic, iterative and linear in
its size:

* **Verdicts** (Rationale-style, bottom-up). Each piece of evidence is rated
  ``solid``, ``shaky`` or ``none`` (a default by its basis type; ``rating:``
  in the map overrides it), each inference ``strong`` or ``weak``
  (``inference: {strength: ...}`` overrides the default ``strong``; support
  by example defaults to ``weak``). Values flow up in topological order:
  linked premises are only as good as the weakest; of independent reasons
  the strongest counts; a weak inference passes on at most ``shaky``; a
  standing objection (or undercut) pulls its target down one level. Every
  statement gets a verdict: ``accepted``, ``contested`` or ``unsupported``
  (never "given", which is a marker a map writer sets), and a one-line
  explanation a teacher can read.
* **Labels** (Dung's grounded semantics over the attack relations, as in
  Carneades). An element with no attacker is ``IN``; anything attacked by an
  ``IN`` attack is ``OUT``; an attack or undercut is ``IN`` when all its
  premises are ``IN`` and nothing ``IN`` undercuts it, ``OUT`` when a premise
  is ``OUT`` or an ``IN`` undercut hits it; what is left at the fixed point
  is ``UNDECIDED`` (attack cycles).

Circular support has no bottom: when nothing is ready, the first waiting
element in map order is evaluated with its unresolved inputs counting as
nothing, which is how a circle of reasons earns no support.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from argmap.analysis.walk import walk
from argmap.model import (
    ArgumentMap,
    Basis,
    Inference,
    InferenceKind,
    Rating,
    Statement,
    StatementKind,
    Strength,
)

ACCEPTED = "accepted"
CONTESTED = "contested"
UNSUPPORTED = "unsupported"
VERDICTS = (ACCEPTED, CONTESTED, UNSUPPORTED)

IN = "IN"
OUT = "OUT"
UNDECIDED = "UNDECIDED"
LABELS = (IN, OUT, UNDECIDED)

#: Default rating of a piece of evidence by its basis (``rating:`` in the map overrides it).
BASIS_RATINGS: dict[Basis, Rating] = {
    Basis.STATISTIC: Rating.SOLID,
    Basis.STUDY: Rating.SOLID,
    Basis.EXPERT: Rating.SOLID,
    Basis.OFFICIAL_RECORD: Rating.SOLID,
    Basis.DOCUMENT: Rating.SOLID,
    Basis.MEDIA: Rating.SHAKY,
    Basis.LEAK: Rating.SHAKY,
    Basis.TESTIMONY: Rating.SHAKY,
    Basis.EXAMPLE: Rating.SHAKY,
    Basis.ANECDOTE: Rating.SHAKY,
    Basis.ANONYMOUS: Rating.SHAKY,
    Basis.ASSERTION: Rating.NONE,
    Basis.COMMON_BELIEF: Rating.NONE,
}
#: Evidence with no basis given.
NO_BASIS_RATING = Rating.SHAKY

_LEVEL = {Rating.NONE: 0, Rating.SHAKY: 1, Rating.SOLID: 2}


def evidence_rating(statement: Statement) -> Rating:
    """The rating of a piece of evidence: the map's ``rating``, else the default for its basis."""
    if statement.rating is not None:
        return statement.rating
    if statement.basis is None:
        return NO_BASIS_RATING
    return BASIS_RATINGS[statement.basis]


def inference_strength(inference: Inference) -> Strength:
    """The strength of an inference: the map's ``strength``, else weak for support by example."""
    if inference.strength is not None:
        return inference.strength
    return Strength.WEAK if inference.example else Strength.STRONG


@dataclass
class Evaluation:
    """The result of :func:`evaluate`: verdicts and explanations, labels, ratings."""

    conclusion: str
    #: statement id -> accepted | contested | unsupported
    verdicts: dict[str, str] = field(default_factory=dict)
    #: statement id -> one line saying why it has its verdict
    reasons: dict[str, str] = field(default_factory=dict)
    #: statement or inference id -> IN | OUT | UNDECIDED
    labels: dict[str, str] = field(default_factory=dict)
    #: evidence id -> solid | shaky | none
    ratings: dict[str, str] = field(default_factory=dict)
    #: inference id -> strong | weak
    strengths: dict[str, str] = field(default_factory=dict)
    #: statement or inference id -> 0 (none), 1 (shaky), 2 (solid): what it passes upwards
    values: dict[str, int] = field(default_factory=dict)

    def why(self, statement: str) -> str:
        """``contested (OUT): <reason>``: the verdict, the label and the explanation in one line."""
        return f"{self.verdicts[statement]} ({self.labels[statement]}): {self.reasons[statement]}"


def evaluate(argmap: ArgumentMap) -> Evaluation:
    """Rate, propagate and label the whole map (see the module docstring for the rules)."""
    graph = _Graph(argmap)
    propagation = _Propagation(argmap, graph)
    propagation.run()
    result = Evaluation(
        conclusion=argmap.conclusion,
        verdicts=propagation.verdicts,
        ratings={sid: r.value for sid, r in propagation.ratings.items()},
        strengths={iid: ("weak" if w else "strong") for iid, w in propagation.weak.items()},
        values=propagation.values,
    )
    result.reasons = _Explainer(argmap, graph, propagation).all()
    result.labels = grounded_labels(argmap, graph)
    return result


def verdicts(argmap: ArgumentMap) -> dict[str, str]:
    """Only the verdicts (no labels, no explanations): what the overclaim rule needs, faster."""
    propagation = _Propagation(argmap, _Graph(argmap), explain=False)
    propagation.run()
    return propagation.verdicts


class _Graph:
    """The map's edges as plain dicts, built in one pass (the walks below look them up a lot)."""

    def __init__(self, argmap: ArgumentMap) -> None:
        #: statement or inference id -> inferences targeting it (supports, attacks, undercuts)
        self.incoming: dict[str, list[Inference]] = {}
        #: statement id -> ids of the inferences it is a premise of (distinct, in map order)
        self.outgoing: dict[str, list[str]] = {}
        for inf in argmap.inferences.values():
            self.incoming.setdefault(inf.target, []).append(inf)
            for premise in inf.premises:
                uses = self.outgoing.setdefault(premise, [])
                if not uses or uses[-1] != inf.id:
                    uses.append(inf.id)


# --- bottom-up propagation ------------------------------------------------------------------

# How a statement got its base value, for the explanation.
_GIVEN, _EVIDENCE, _ASSUMPTION, _NOTHING, _SUPPORT = range(5)


class _Propagation:
    """Kahn's algorithm over "depends on" edges: statement <- its inferences <- their premises.

    Only numbers and ids are stored here (and the ids only with ``explain``);
    :class:`_Explainer` turns them into sentences afterwards.
    """

    def __init__(self, argmap: ArgumentMap, graph: _Graph, *, explain: bool = True) -> None:
        self.map = argmap
        self.graph = graph
        self.explain = explain
        self.values: dict[str, int] = {}
        self.verdicts: dict[str, str] = {}
        self.ratings: dict[str, Rating] = {}
        #: inference id -> True when weak
        self.weak: dict[str, bool] = {}
        #: inference id -> (why its value is capped: "premise" / "weak" / "undercut", detail)
        self.limits: dict[str, tuple[str, str]] = {}
        #: statement id -> (how its base value came, best support id, number of supports,
        #: ids of the standing attacks)
        self.bases: dict[str, tuple[int, str | None, int, list[str]]] = {}
        self.forced: set[str] = set()
        #: statement id -> (how, base value) when it does not depend on its supports
        self._fixed: dict[str, tuple[int, int]] = {}

    def run(self) -> None:
        argmap, graph = self.map, self.graph
        incoming, outgoing = graph.incoming, graph.outgoing
        weak, fixed, ratings = self.weak, self._fixed, self.ratings
        waiting: dict[str, int] = {}
        for sid, statement in argmap.statements.items():
            waiting[sid] = len(incoming.get(sid, ()))
            if statement.given:
                fixed[sid] = (_GIVEN, 2)
            elif statement.kind is StatementKind.EVIDENCE:
                rating = ratings[sid] = evidence_rating(statement)
                fixed[sid] = (_EVIDENCE, _LEVEL[rating])
            elif statement.is_assumption:
                fixed[sid] = (_ASSUMPTION, 1)
        for iid, inf in argmap.inferences.items():
            weak[iid] = inference_strength(inf) is Strength.WEAK
            count = 1 if len(inf.premises) == 1 else len(set(inf.premises))
            waiting[iid] = count + len(incoming.get(iid, ()))
        ready: deque[str] = deque(e for e, n in waiting.items() if n == 0)
        order: list[str] = []
        cursor = 0
        done = self.values
        statements = argmap.statements
        inferences = argmap.inferences
        total = len(waiting)
        while len(done) < total:
            if not ready:
                # a cycle: evaluate its first element in map order with what is known so far
                order = order or list(waiting)
                while order[cursor] in done:
                    cursor += 1
                ready.append(order[cursor])
                self.forced.add(order[cursor])
            element = ready.popleft()
            if element in done:
                continue
            # an inference is worked out as soon as its last input is known, right here: only
            # statements go through the queue
            ready_inferences: list[str]
            if element in statements:
                self.statement(element)
                ready_inferences = []
                for iid in outgoing.get(element, ()):
                    if iid not in done:
                        left = waiting[iid] - 1
                        waiting[iid] = left
                        if left == 0:
                            ready_inferences.append(iid)
            else:
                ready_inferences = [element]  # an inference forced open by a cycle
            while ready_inferences:
                iid = ready_inferences.pop()
                if iid in done:
                    continue
                inf = inferences[iid]
                self.inference(inf)
                target = inf.target
                if target in done:
                    continue
                left = waiting[target] - 1
                waiting[target] = left
                if left == 0:
                    if target in statements:
                        ready.append(target)
                    else:
                        ready_inferences.append(target)  # an undercut made its inference ready

    def inference(self, inf: Inference) -> None:
        values = self.values
        premises = inf.premises
        weakest = premises[0]
        value = values.get(weakest, 0)
        if len(premises) > 1:
            for premise in premises[1:]:
                if values.get(premise, 0) < value:
                    weakest, value = premise, values.get(premise, 0)
        limit = "premise"
        if value > 1 and self.weak[inf.id]:
            value, limit = 1, "weak"
        undercuts = self.graph.incoming.get(inf.id)
        standing: list[Inference] = []
        if undercuts:
            standing = [u for u in undercuts if values.get(u.id, 0) >= 1]
            if standing:
                value = max(0, value - 1)
                limit = "undercut"
        values[inf.id] = value
        if self.explain:
            if limit == "undercut":
                self.limits[inf.id] = (limit, ", ".join(_premise_names(u) for u in standing))
            elif limit == "weak":
                self.limits[inf.id] = (limit, "")
            else:
                self.limits[inf.id] = ("premise", weakest) if value < 2 else ("", "")

    def statement(self, sid: str) -> None:
        values = self.values
        best: str | None = None
        best_value = -1
        supports = 0
        standing: list[str] = []
        for inf in self.graph.incoming.get(sid, ()):
            value = values.get(inf.id, 0)
            if inf.kind is InferenceKind.SUPPORT:
                supports += 1
                if value > best_value:
                    best, best_value = inf.id, value
            elif value >= 1:
                standing.append(inf.id)
        fixed = self._fixed.get(sid)
        if fixed is None:
            how, base = (_SUPPORT, best_value) if best is not None else (_NOTHING, 0)
        elif fixed[0] == _ASSUMPTION and best is not None:
            how, base = _SUPPORT, max(best_value, 1)  # argued for: at least as good as unargued
        elif fixed[0] == _GIVEN or best_value <= fixed[1]:
            how, base = fixed
        else:
            how, base = _SUPPORT, best_value  # evidence with support better than its rating
        if base == 0:
            verdict = UNSUPPORTED
        elif base == 2 and not standing:
            verdict = ACCEPTED
        else:
            verdict = CONTESTED
        values[sid] = max(0, base - 1) if standing else base
        self.verdicts[sid] = verdict
        if self.explain:
            self.bases[sid] = (how, best, supports, standing)


class _Explainer:
    """One line per statement saying why it has its verdict, from what the propagation kept."""

    def __init__(self, argmap: ArgumentMap, graph: _Graph, propagation: _Propagation) -> None:
        self.map = argmap
        self.graph = graph
        self.p = propagation
        self.sides = walk(argmap).sides

    def all(self) -> dict[str, str]:
        return {sid: self.statement(sid) for sid in self.map.statements}

    def statement(self, sid: str) -> str:
        p = self.p
        statement = self.map.statements[sid]
        how, best, supports, standing = p.bases[sid]
        if how == _GIVEN:
            why = "given: common ground that needs no support"
        elif how == _EVIDENCE:
            why = _evidence_words(p.ratings[sid].value, statement)
        elif how == _ASSUMPTION:
            why = "an unstated assumption, taken as shaky until argued for"
        elif how == _NOTHING:
            why = "no reasons or evidence are given for it"
        else:
            assert best is not None
            why = self._support_words(self.map.inferences[best], p.values[best], supports)
        if sid in p.forced:
            why += " (it is part of a circle of reasons, which adds nothing)"
        if standing:
            attacks = [self.map.inferences[a] for a in standing]
            names = ", ".join(_premise_names(a) for a in attacks)
            answered = all(self._answered(a) for a in attacks)
            # attacks on the conclusion's side are objections, attacks on the other rebuttals
            word = "objection" if self.sides.get(sid, True) else "rebuttal"
            word += "s" if len(standing) > 1 else ""
            how_text = "stands although answered" if answered else "stands unanswered"
            if len(standing) > 1:
                how_text = how_text.replace("stands", "stand")
            why += f", and {word} {names} {how_text}"
        return why

    def _answered(self, attack: Inference) -> bool:
        incoming = self.graph.incoming
        if incoming.get(attack.id):
            return True
        return any(
            any(i.kind is not InferenceKind.SUPPORT for i in incoming.get(p, ()))
            for p in attack.premises
        )

    def _limit(self, inf: Inference) -> str:
        kind, detail = self.p.limits.get(inf.id, ("", ""))
        if kind == "premise":
            return f"{detail} {self._predicate(detail)}"
        if kind == "weak":
            return "the step from it is weak"
        if kind == "undercut":
            return f"the step is undercut by {detail}, which stands"
        return ""

    def _predicate(self, premise: str) -> str:
        """What a premise is, as the end of a sentence: "is shaky evidence (leak)"."""
        p = self.p
        statement = self.map.statements[premise]
        how = p.bases[premise][0] if premise in p.bases else _NOTHING
        if premise in p.forced or premise not in p.verdicts:
            return "is part of a circle of reasons"
        if how == _EVIDENCE:
            return f"is {_evidence_words(p.ratings[premise].value, statement)}"
        if how == _ASSUMPTION:
            return "is an unstated assumption, taken as shaky"
        return f"is itself {p.verdicts[premise]}"

    def _support_words(self, best: Inference, value: int, count: int) -> str:
        via = _premise_names(best)
        limit = self._limit(best)
        if value == 2:
            return f"solid support from {via}"
        lead = "its only support" if count == 1 else "nothing gives it solid support; the best"
        if value == 0 and count > 1:
            lead = f"none of its {count} supports carries weight; the first"
        if len(best.premises) == 1 and limit.startswith(f"{via} "):
            # "the best, E13, is shaky evidence": the premise is the support, say it once
            return f"{lead}, {via}, {limit[len(via) + 1 :]}"
        word = "is shaky" if value == 1 else "carries no weight"
        return f"{lead}, {via}, {word}: {limit}"


def _premise_names(inf: Inference) -> str:
    return " + ".join(inf.premises)


def _evidence_words(rating: str, statement: Statement) -> str:
    how = "rated so in the map" if statement.rating is not None else _basis_words(statement)
    what = "evidence of no weight" if rating == Rating.NONE.value else f"{rating} evidence"
    return f"{what} ({how})"


def _basis_words(statement: Statement) -> str:
    if statement.basis is None:
        return "no basis given"
    return f"basis: {statement.basis.value}"


# --- grounded labelling ---------------------------------------------------------------------


def grounded_labels(argmap: ArgumentMap, graph: _Graph | None = None) -> dict[str, str]:
    """IN / OUT / UNDECIDED for every statement and inference, by grounded semantics.

    A statement is IN when every attack on it is OUT, OUT when an attack on
    it is IN. An inference is IN when all its premises are IN and every
    undercut of it is OUT, OUT when a premise is OUT or an undercut is IN.
    Each element is labelled at most once and each edge looked at once or
    twice, so this is linear; what is never labelled is UNDECIDED.
    """
    if graph is None:
        graph = _Graph(argmap)
    incoming, outgoing = graph.incoming, graph.outgoing
    support = InferenceKind.SUPPORT
    label: dict[str, str] = {}
    pending: dict[str, int] = {}
    for sid in argmap.statements:
        pending[sid] = sum(1 for i in incoming.get(sid, ()) if i.kind is not support)
    for iid, inf in argmap.inferences.items():
        pending[iid] = len(set(inf.premises)) + len(incoming.get(iid, ()))
    queue: deque[tuple[str, str]] = deque((e, IN) for e, n in pending.items() if n == 0)
    statements, inferences = argmap.statements, argmap.inferences
    while queue:
        element, value = queue.popleft()
        if element in label:
            continue
        label[element] = value
        if element in statements:
            # a premise: its inferences need all premises IN, and fall with any OUT
            for iid in outgoing.get(element, ()):
                if value == OUT:
                    queue.append((iid, OUT))
                else:
                    pending[iid] -= 1
                    if pending[iid] == 0:
                        queue.append((iid, IN))
            continue
        attack = inferences[element]
        if attack.kind is support:
            continue
        # an attack or undercut: its target falls when it is IN, loses an attacker when OUT
        target = attack.target
        if value == IN:
            queue.append((target, OUT))
        else:
            pending[target] -= 1
            if pending[target] == 0:
                queue.append((target, IN))
    for element in pending:
        label.setdefault(element, UNDECIDED)
    return label


def evaluation_dict(argmap: ArgumentMap, evaluation: Evaluation) -> dict[str, object]:
    """The evaluation as JSON-ready data: the conclusion's verdict, every statement, every inference."""
    statements: list[dict[str, object]] = []
    for sid, statement in argmap.statements.items():
        item: dict[str, object] = {
            "id": sid,
            "kind": statement.kind.value,
            "verdict": evaluation.verdicts[sid],
            "label": evaluation.labels[sid],
        }
        if sid in evaluation.ratings:
            item["rating"] = evaluation.ratings[sid]
        item["why"] = evaluation.reasons[sid]
        item["at"] = list(statement.anchors)
        statements.append(item)
    inferences = [
        {
            "id": iid,
            "kind": inf.kind.value,
            "premises": list(inf.premises),
            "target": inf.target,
            "strength": evaluation.strengths[iid],
            "label": evaluation.labels[iid],
        }
        for iid, inf in argmap.inferences.items()
    ]
    conclusion = argmap.conclusion
    return {
        "conclusion": {
            "id": conclusion,
            "verdict": evaluation.verdicts[conclusion],
            "label": evaluation.labels[conclusion],
            "why": evaluation.reasons[conclusion],
        },
        "statements": statements,
        "inferences": inferences,
    }
