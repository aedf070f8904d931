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

The two readings differ on purpose, and the explanation of every statement
says both, in one line: "accepted (OUT): solid support from E1; but OUT:
attacked by O2, which nothing attacks, though O2 has no support of its own".
An **unsupported attack** (an objection or undercut whose own support
carries no weight) does not pull a verdict down, since it has nothing
behind it, but it does defeat its target's label, since nothing answers it.
A map can change that with ``evaluation: {unsupported_attacks: ...}``:
``label`` (the default, as just said), ``ignore`` (it counts in neither) or
``weaken`` (it counts in both: it also pulls the verdict down one level).

Circular support has no bottom: when nothing is ready, the propagation
breaks into the cycle at a statement that something outside it already
holds up (solid first, then shaky), else at the first waiting element in map
order, and works it out with its still-unknown inputs counting as nothing.
So a circle of reasons earns no support of its own, while support from
outside it still flows round it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from argmap.analysis.index import MapIndex
from argmap.analysis.walk import walk
from argmap.model import (
    ArgumentMap,
    Basis,
    Inference,
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
    #: statement id -> one line saying why it has its verdict and its label
    reasons: dict[str, str] = field(default_factory=dict)
    #: statement id -> why it has its verdict (the first half of ``reasons``)
    verdict_reasons: dict[str, str] = field(default_factory=dict)
    #: statement id -> why it has its label: "OUT: attacked by O2, which nothing attacks"
    label_reasons: dict[str, str] = field(default_factory=dict)
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
    graph = MapIndex(argmap)
    propagation = _Propagation(argmap, graph)
    propagation.run()
    ids = graph.ids
    values = propagation.values
    result = Evaluation(
        conclusion=argmap.conclusion,
        verdicts=propagation.verdict_map(),
        ratings={ids[k]: r.value for k, r in propagation.ratings.items()},
        strengths={
            ids[k]: ("weak" if propagation.weak[k] else "strong") for k in graph.inference_range
        },
        values={ids[k]: values[k] for k in range(len(ids))},
    )
    result.verdict_reasons = _Explainer(argmap, graph, propagation).all()
    ignored: set[int] = set()
    if argmap.evaluation.unsupported_attacks == "ignore":
        support = graph.support
        ignored = {k for k in graph.inference_range if not support[k] and values[k] == 0}
    result.labels = grounded_labels(argmap, graph, ignored)
    result.label_reasons = _label_reasons(argmap, graph, result.labels, values, ignored)
    for sid, why in result.verdict_reasons.items():
        result.reasons[sid] = _joined(result.verdicts[sid], why, result.label_reasons[sid])
    return result


def _joined(verdict: str, why: str, label_why: str) -> str:
    """The verdict's reason and the label's in one line, with a word where they pull apart."""
    if verdict == ACCEPTED and label_why.startswith(OUT):
        return f"{why}; but {label_why}"
    if verdict == UNSUPPORTED and label_why.startswith(IN):
        return f"{why}; yet {label_why} (a label weighs attacks, not support)"
    return f"{why}; {label_why}"


def _label_reasons(
    argmap: ArgumentMap,
    graph: MapIndex,
    labels: dict[str, str],
    values: list[int],
    ignored: set[int],
) -> dict[str, str]:
    """Why each statement has its IN / OUT / UNDECIDED label, in one clause each."""
    ids, incoming, support, premises = graph.ids, graph.incoming, graph.support, graph.premises

    def names(k: int) -> str:
        return " + ".join(ids[p] for p in premises[k])

    def standing(k: int) -> str:
        # why an attack that is IN holds: nothing attacks it, or what does is OUT
        attacked = incoming[k] or any(not support[i] for p in premises[k] for i in incoming[p])
        said = "which stands: what attacks it is OUT" if attacked else "which nothing attacks"
        if values[k] == 0:
            said += f", though {names(k)} has no support of its own"
        return said

    out: dict[str, str] = {}
    for k in range(graph.statement_count):
        sid = ids[k]
        label = labels[sid]
        attacks = [i for i in incoming[k] if not support[i] and i not in ignored]
        if label == IN:
            if not attacks:
                text = "IN: nothing attacks it"
                left = [i for i in incoming[k] if i in ignored]
                if left:
                    who = ", ".join(names(a) for a in left)
                    text = (
                        f"IN: only {who} attacks it, with no support of its own, and the map "
                        "ignores such attacks (evaluation: unsupported_attacks: ignore)"
                    )
            else:
                text = f"IN: every attack on it is OUT ({', '.join(names(a) for a in attacks)})"
        elif label == OUT:
            winner = next(a for a in attacks if labels[ids[a]] == IN)
            text = f"OUT: attacked by {names(winner)}, {standing(winner)}"
        else:
            open_ = [a for a in attacks if labels[ids[a]] == UNDECIDED]
            who = ", ".join(names(a) for a in open_) or "an attack"
            text = f"UNDECIDED: attacked by {who}, itself undecided (a cycle of attacks)"
        out[sid] = text
    return out


def verdicts(argmap: ArgumentMap, index: MapIndex | None = None) -> dict[str, str]:
    """Only the verdicts (no labels, no explanations): what the overclaim rule needs, faster."""
    propagation = _Propagation(argmap, index or MapIndex(argmap), explain=False)
    propagation.run()
    return propagation.verdict_map()


# --- bottom-up propagation ------------------------------------------------------------------

# How a statement got its base value, for the explanation.
_GIVEN, _EVIDENCE, _ASSUMPTION, _NOTHING, _SUPPORT = range(5)
_VERDICT_NAMES = (UNSUPPORTED, CONTESTED, ACCEPTED)


class _Propagation:
    """Kahn's algorithm over "depends on" edges: statement <- its inferences <- their premises.

    Only numbers are stored here (and, with ``explain``, what each value came
    from); :class:`_Explainer` turns them into sentences afterwards.
    """

    def __init__(self, argmap: ArgumentMap, graph: MapIndex, *, explain: bool = True) -> None:
        self.map = argmap
        self.graph = graph
        self.explain = explain
        size = len(graph.ids)
        #: element -> 0 (none), 1 (shaky), 2 (solid): what it passes upwards; -1 until known
        self.values: list[int] = [-1] * size
        #: statement -> 0 unsupported, 1 contested, 2 accepted
        self.verdicts: list[int] = [0] * graph.statement_count
        #: evidence statement -> its rating
        self.ratings: dict[int, Rating] = {}
        #: inference -> (why its value is capped: "premise" / "weak" / "undercut", detail)
        self.limits: dict[int, tuple[str, int | list[int]]] = {}
        #: statement -> (how its base value came, best support, number of supports,
        #: the standing attacks)
        self.bases: dict[int, tuple[int, int, int, list[int]]] = {}
        self.forced: set[int] = set()
        #: the least an attack must carry to stand against a verdict (0 with "weaken")
        self.floor = 0 if argmap.evaluation.unsupported_attacks == "weaken" else 1
        #: inference number -> True when weak (the list is padded for statements)
        self.weak = [False] * graph.statement_count
        self.weak.extend(inference_strength(i) is Strength.WEAK for i in argmap.inferences.values())
        #: statement -> (how, base value) when it does not depend on its supports
        self._fixed: dict[int, tuple[int, int]] = {}
        #: statements still waiting that already have something solid (index 2) or shaky (1)
        #: to stand on: where to break into a cycle first
        self._leads: tuple[list[int], list[int], list[int]] = ([], [], [])

    def verdict_map(self) -> dict[str, str]:
        ids = self.graph.ids
        return {ids[k]: _VERDICT_NAMES[v] for k, v in enumerate(self.verdicts)}

    def run(self) -> None:
        graph = self.graph
        incoming, outgoing, premises = graph.incoming, graph.outgoing, graph.premises
        fixed, ratings = self._fixed, self.ratings
        count = graph.statement_count
        evidence_kind = StatementKind.EVIDENCE
        for k, statement in enumerate(self.map.statements.values()):
            if statement.given:
                fixed[k] = (_GIVEN, 2)
            elif statement.kind is evidence_kind:
                rating = ratings[k] = evidence_rating(statement)
                fixed[k] = (_EVIDENCE, _LEVEL[rating])
            elif statement.is_assumption:
                fixed[k] = (_ASSUMPTION, 1)
            if k in fixed:
                self._leads[fixed[k][1]].append(k)
        waiting = [len(incoming[k]) for k in range(count)]
        waiting.extend(len(premises[k]) + len(incoming[k]) for k in graph.inference_range)
        values = self.values
        ready: deque[int] = deque(k for k in range(count) if waiting[k] == 0)
        cursor = 0
        done = 0
        total = len(values)
        while done < total:
            if not ready:
                # a cycle: break into it where something outside it already holds a statement
                # up, else at its first element in map order; what is still unknown when it is
                # worked out (what comes back round) counts as nothing
                lead = self._lead()
                if lead is not None:
                    self.forced.add(lead)
                    ready.append(lead)
                else:
                    while values[cursor] >= 0:
                        cursor += 1
                    self.forced.add(cursor)
                    if cursor < count:
                        ready.append(cursor)
                    else:
                        done += self._inferences([cursor], ready, waiting)
                        continue
            element = ready.popleft()
            if values[element] >= 0:
                continue
            self.statement(element)
            done += 1
            # an inference is worked out as soon as its last input is known, right here: only
            # statements go through the queue
            steps: list[int] = []
            for k in outgoing[element]:
                if values[k] < 0:
                    left = waiting[k] - 1
                    waiting[k] = left
                    if left == 0:
                        steps.append(k)
            if steps:
                done += self._inferences(steps, ready, waiting)

    def _lead(self) -> int | None:
        """A waiting statement with the best support known so far (solid, then shaky)."""
        values = self.values
        for bucket in (self._leads[2], self._leads[1]):
            while bucket:
                k = bucket.pop()
                if values[k] < 0:
                    return k
        return None

    def _inferences(self, steps: list[int], ready: deque[int], waiting: list[int]) -> int:
        """Work out ready inferences, and whatever they make ready in turn; how many were done."""
        values, target, count = self.values, self.graph.target, self.graph.statement_count
        done = 0
        while steps:
            k = steps.pop()
            if values[k] >= 0:
                continue
            self.inference(k)
            done += 1
            aim = target[k]
            if values[aim] >= 0:
                continue
            if aim < count and values[k] > 0 and self.graph.support[k]:
                self._leads[values[k]].append(aim)
            left = waiting[aim] - 1
            waiting[aim] = left
            if left == 0:
                if aim < count:
                    ready.append(aim)
                else:
                    steps.append(aim)  # an undercut made its inference ready
        return done

    def inference(self, k: int) -> None:
        graph, values = self.graph, self.values
        premises = graph.premises[k]
        weakest = premises[0]
        value = values[weakest]
        if len(premises) > 1:
            for premise in premises[1:]:
                if values[premise] < value:
                    weakest, value = premise, values[premise]
        value = max(value, 0)  # an unresolved premise (in a cycle) counts as nothing
        limit = "premise"
        if value > 1 and self.weak[k]:
            value, limit = 1, "weak"
        standing: list[int] = []
        undercuts = graph.incoming[k]
        if undercuts:
            standing = [u for u in undercuts if values[u] >= self.floor]
            if standing:
                value = max(0, value - 1)
                limit = "undercut"
        values[k] = value
        if self.explain:
            if limit == "undercut":
                self.limits[k] = (limit, standing)
            elif limit == "weak":
                self.limits[k] = (limit, -1)
            else:
                self.limits[k] = ("premise", weakest) if value < 2 else ("", -1)

    def statement(self, k: int) -> None:
        graph, values = self.graph, self.values
        support = graph.support
        best = -1
        best_value = -1
        supports = 0
        standing: list[int] = []
        for inf in graph.incoming[k]:
            value = values[inf]
            if support[inf]:
                supports += 1
                if value > best_value:
                    best, best_value = inf, value
            elif value >= self.floor:
                standing.append(inf)
        best_value = max(best_value, 0) if best >= 0 else -1
        fixed = self._fixed.get(k)
        if fixed is None:
            how, base = (_SUPPORT, best_value) if best >= 0 else (_NOTHING, 0)
        elif fixed[0] == _ASSUMPTION and best >= 0:
            how, base = _SUPPORT, max(best_value, 1)  # argued for: at least as good as unargued
        elif fixed[0] == _GIVEN or best_value <= fixed[1]:
            how, base = fixed
        else:
            how, base = _SUPPORT, best_value  # evidence with support better than its rating
        if base == 0:
            verdict = 0
        elif base == 2 and not standing:
            verdict = 2
        else:
            verdict = 1
        values[k] = max(0, base - 1) if standing else base
        self.verdicts[k] = verdict
        if self.explain:
            self.bases[k] = (how, best, supports, standing)


class _Explainer:
    """One line per statement saying why it has its verdict, from what the propagation kept."""

    def __init__(self, argmap: ArgumentMap, graph: MapIndex, propagation: _Propagation) -> None:
        self.map = argmap
        self.graph = graph
        self.p = propagation
        self.sides = walk(argmap, graph).sides
        self.statements = list(argmap.statements.values())

    def all(self) -> dict[str, str]:
        ids = self.graph.ids
        return {ids[k]: self.statement(k) for k in range(self.graph.statement_count)}

    def names(self, inference: int) -> str:
        ids = self.graph.ids
        return " + ".join(ids[p] for p in self.graph.premises[inference])

    def statement(self, k: int) -> str:
        p, ids = self.p, self.graph.ids
        statement = self.statements[k]
        how, best, supports, standing = p.bases[k]
        if how == _GIVEN:
            why = "given: common ground that needs no support"
        elif how == _EVIDENCE:
            why = _evidence_words(p.ratings[k].value, statement)
        elif how == _ASSUMPTION:
            why = "an unstated assumption, taken as shaky until argued for"
        elif how == _NOTHING:
            why = "no reasons or evidence are given for it"
        else:
            why = self._support_words(best, p.values[best], supports)
        if k in p.forced:
            why += " (it is on a cycle: what comes back round to it adds nothing)"
        if standing:
            names = ", ".join(self.names(a) for a in standing)
            answered = all(self._answered(a) for a in standing)
            # attacks on the conclusion's side are objections, attacks on the other rebuttals
            word = "objection" if self.sides.get(ids[k], True) else "rebuttal"
            word += "s" if len(standing) > 1 else ""
            how_text = "stands: what answers it does not hold" if answered else "stands unanswered"
            if len(standing) > 1:
                how_text = how_text.replace("stands", "stand").replace("answers it", "answers them")
            why += f", and {word} {names} {how_text}"
        return why

    def _answered(self, attack: int) -> bool:
        graph = self.graph
        if graph.incoming[attack]:
            return True
        return any(
            any(not graph.support[i] for i in graph.incoming[p]) for p in graph.premises[attack]
        )

    def _limit(self, inference: int) -> str:
        kind, detail = self.p.limits.get(inference, ("", -1))
        ids = self.graph.ids
        if kind == "premise":
            assert isinstance(detail, int)
            return f"{ids[detail]} {self._predicate(detail)}"
        if kind == "weak":
            return "the step from it is weak"
        if kind == "undercut":
            assert isinstance(detail, list)
            names = ", ".join(self.names(u) for u in detail)
            return f"the step is undercut by {names}, which stands"
        return ""

    def _predicate(self, premise: int) -> str:
        """What a premise is, as the end of a sentence: "is shaky evidence (leak)"."""
        p = self.p
        if premise not in p.bases:
            return "is on a cycle, still unknown when this step was weighed"
        how = p.bases[premise][0]
        if how == _EVIDENCE:
            return f"is {_evidence_words(p.ratings[premise].value, self.statements[premise])}"
        if how == _ASSUMPTION:
            return "is an unstated assumption, taken as shaky"
        return f"is itself {_VERDICT_NAMES[p.verdicts[premise]]}"

    def _support_words(self, best: int, value: int, count: int) -> str:
        via = self.names(best)
        limit = self._limit(best)
        if value == 2:
            return f"solid support from {via}"
        lead = "its only support" if count == 1 else "nothing gives it solid support; the best"
        if value == 0 and count > 1:
            lead = f"none of its {count} supports carries weight; the first"
        if len(self.graph.premises[best]) == 1 and limit.startswith(f"{via} "):
            # "the best, E13, is shaky evidence": the premise is the support, say it once
            return f"{lead}, {via}, {limit[len(via) + 1 :]}"
        word = "is shaky" if value == 1 else "carries no weight"
        return f"{lead}, {via}, {word}: {limit}"


def _evidence_words(rating: str, statement: Statement) -> str:
    how = "rated so in the map" if statement.rating is not None else _basis_words(statement)
    what = "evidence of no weight" if rating == Rating.NONE.value else f"{rating} evidence"
    return f"{what} ({how})"


def _basis_words(statement: Statement) -> str:
    if statement.basis is None:
        return "no basis given"
    return f"basis: {statement.basis.value}"


# --- grounded labelling ---------------------------------------------------------------------


def grounded_labels(
    argmap: ArgumentMap,
    graph: MapIndex | None = None,
    ignored: set[int] | frozenset[int] = frozenset(),
) -> dict[str, str]:
    """IN / OUT / UNDECIDED for every statement and inference, by grounded semantics.

    A statement is IN when every attack on it is OUT, OUT when an attack on
    it is IN. An inference is IN when all its premises are IN and every
    undercut of it is OUT, OUT when a premise is OUT or an undercut is IN.
    Each element is labelled at most once and each edge looked at once or
    twice, so this is linear; what is never labelled is UNDECIDED. The attack
    inferences numbered in ``ignored`` get a label but attack nothing.
    """
    if graph is None:
        graph = MapIndex(argmap)
    incoming, outgoing, support, target = (
        graph.incoming,
        graph.outgoing,
        graph.support,
        graph.target,
    )
    count = graph.statement_count
    unknown, is_in, is_out = 0, 1, 2
    label = [unknown] * len(graph.ids)
    pending = [
        sum(1 for i in incoming[k] if not support[i] and i not in ignored) for k in range(count)
    ]
    pending.extend(
        len(graph.premises[k]) + sum(1 for u in incoming[k] if u not in ignored)
        for k in graph.inference_range
    )
    queue: deque[tuple[int, int]] = deque((k, is_in) for k, n in enumerate(pending) if n == 0)
    while queue:
        element, value = queue.popleft()
        if label[element]:
            continue
        label[element] = value
        if element < count:
            # a premise: its inferences need all premises IN, and fall with any OUT
            for k in outgoing[element]:
                if value == is_out:
                    queue.append((k, is_out))
                else:
                    pending[k] -= 1
                    if pending[k] == 0:
                        queue.append((k, is_in))
            continue
        if support[element] or element in ignored:
            continue
        # an attack or undercut: its target falls when it is IN, loses an attacker when OUT
        aim = target[element]
        if value == is_in:
            queue.append((aim, is_out))
        else:
            pending[aim] -= 1
            if pending[aim] == 0:
                queue.append((aim, is_in))
    names = (UNDECIDED, IN, OUT)
    return {element: names[label[k]] for k, element in enumerate(graph.ids)}


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
