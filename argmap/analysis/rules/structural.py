"""Structural gap rules (S): read from the shape of the graph alone.

Each rule is one pass over the statements or inferences (plus, for some, one
breadth-first walk), never recursive, so that maps of 100,000 statements and
10,000-level chains cost milliseconds per rule.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from argmap.analysis.index import MapIndex
from argmap.analysis.rules.base import Context, Finding, rule, short
from argmap.model import ArgumentMap, InferenceKind, Severity, StatementKind


@rule(
    "S001",
    "unsupported-claim",
    Severity.WARNING,
    "A claim offered as a reason (or the conclusion) with neither reasons nor evidence, not "
    "marked as given (common ground); objections and the analyst's reconstructions are left out.",
    "Find the reason or evidence the text offers for it; if there is none, ask whether a reader "
    "should accept it on the author's word, or mark it `given: true` if it is common ground.",
)
def unsupported_claim(ctx: Context) -> Iterator[Finding]:
    # An objection's or a rebuttal's own support is weighed by the evaluation (and S003 asks
    # whether it is answered): asking each one for evidence is noise. A reconstructed statement
    # is the analyst's, so its missing support is no fault of the text.
    claims, supported, index = ctx.plain_claims, ctx.supported, ctx.index
    outgoing, support, statements = index.outgoing, index.support, ctx.map.statements
    for k, sid in enumerate(statements):
        if sid not in claims or sid in supported or statements[sid].reconstructed:
            continue
        uses = outgoing[k]
        if uses and not any(support[i] for i in uses):
            continue
        yield sid, f"{sid}: {ctx.role(sid)} with no reasons or evidence of its own"


@rule(
    "S002",
    "no-evidence-beneath",
    Severity.WARNING,
    "A reason (or objection) whose reasons have reasons of their own, but with no evidence "
    "anywhere beneath it (one step down, S001 already flags each unsupported reason).",
    "Follow its reasons down: where does the chain touch facts? Look for the evidence the text "
    "gives, or note that the reasoning rests on assertions all the way down.",
)
def no_evidence_beneath(ctx: Context) -> Iterator[Finding]:
    argmap, index = ctx.map, ctx.index
    outgoing, support, target = index.outgoing, index.support, index.target
    count = index.statement_count
    # grounded = evidence or common ground, or supported by anything grounded: one upward
    # breadth-first pass from the ground, each support inference looked at once (cycles too)
    grounded = [False] * count
    queue: deque[int] = deque()
    evidence = StatementKind.EVIDENCE
    for k, statement in enumerate(argmap.statements.values()):
        if statement.kind is evidence or statement.given:
            grounded[k] = True
            queue.append(k)
    seen = set()
    while queue:
        for inf in outgoing[queue.popleft()]:
            if not support[inf] or inf in seen:
                continue
            seen.add(inf)
            aim = target[inf]
            if aim < count and not grounded[aim]:
                grounded[aim] = True
                queue.append(aim)
    claims, supported = ctx.plain_claims, ctx.supported
    conclusion = argmap.conclusion
    incoming, premises, ids = index.incoming, index.premises, index.ids
    for k, sid in enumerate(argmap.statements):
        if grounded[k] or sid not in claims or sid not in supported:
            continue
        if sid == conclusion or not outgoing[k]:
            continue
        deeper = any(
            support[i] and any(ids[p] in supported for p in premises[i]) for i in incoming[k]
        )
        if deeper:
            yield sid, f"{sid}: {ctx.role(sid)} with reasons but no evidence anywhere beneath it"


@rule(
    "S003",
    "unanswered-objection",
    Severity.ERROR,
    "An objection the author raises (an attack on the conclusion's side) that nothing rebuts or "
    "undercuts; one the analyst reconstructed is S008's.",
    "Does the text answer this objection anywhere? If it does, map the answer as a rebuttal "
    "under it; if not, say what the objection does to the conclusion.",
)
def unanswered_objection(ctx: Context) -> Iterator[Finding]:
    yield from _unanswered(ctx, reconstructed=False)


def _unanswered(ctx: Context, *, reconstructed: bool) -> Iterator[Finding]:
    """Objections nothing answers: the author's (``reconstructed=False``) or the analyst's."""
    argmap, index = ctx.map, ctx.index
    incoming, support, premises, ids = index.incoming, index.support, index.premises, index.ids
    sides = ctx.sides
    reported: set[str] = set()
    for k in index.inference_range:
        # an objection: an attack or undercut arguing against the conclusion's side
        if support[k] or sides.get(ids[k]) is not False:
            continue
        if incoming[k] or any(not support[i] for p in premises[k] for i in incoming[p]):
            continue  # undercut, or a premise attacked: answered
        inf = argmap.inferences[ids[k]]
        node = inf.premises[0]
        if node in reported:
            continue
        if all(argmap.statements[p].reconstructed for p in inf.premises) != reconstructed:
            continue
        reported.add(node)
        target = argmap.statement_target(inf) or inf.target
        how = "undercuts the step to" if inf.kind is InferenceKind.UNDERCUT else "attacks"
        if reconstructed:
            yield (
                node,
                f"{node}: the reader's objection that {how} {target}: the text never takes it up",
            )
        else:
            yield node, f"{node}: objection that {how} {target} is never answered"


#: Words of four letters or more that say nothing about a claim's content (for S004).
_STOP = frozenset(
    """
    about above after again against also although among another because been before being
    below between both cannot could does doing down during each either else even ever every
    from further have having here however into itself just less like made make many more most
    much must neither never only other ought ours over same several shall should since some
    such than that their theirs them then there these they this those though through thus
    under until upon very were what when where whether which while whom whose will with
    within without would your yours
    """.split()
)
_WORD = re.compile(r"[^\W\d_]{4,}")
#: A single premise that shares fewer than this share of its target's content words leaps.
LEAP_SHARE = 0.5


def _terms(words: list[str]) -> set[str]:
    """Four-letter stems of the content words: "Iran", "Iranian" and "Iran's" count as one term."""
    terms = set()
    for word in set(words) - _STOP:
        if word.isalpha():
            if len(word) >= 4:
                terms.add(word[:4])
        else:  # "anti-US", "covid19": the letter runs inside
            terms.update(w[:4] for w in _WORD.findall(word) if w not in _STOP)
    return terms


@rule(
    "S004",
    "single-premise-leap",
    Severity.INFO,
    "A claim whose only support is one premise (no other reason, no evidence, no scheme named) "
    "that shares few of its terms: a premise is likely missing (the rabbit rule).",
    "Write the unstated premise that links the reason to the claim (often a general rule: "
    "'whatever ... is ...'), add it as a linked, implicit premise, and ask whether it is true.",
)
def single_premise_leap(ctx: Context) -> Iterator[Finding]:
    argmap = ctx.map
    statements = argmap.statements
    claims = ctx.plain_claims
    terms: dict[str, set[str]] = {}  # a statement is the target of several inferences
    support = InferenceKind.SUPPORT
    reasons: dict[str, int] = {}  # statement -> how many support inferences it has
    for inf in argmap.inferences.values():
        if inf.kind is support:
            reasons[inf.target] = reasons.get(inf.target, 0) + 1
    for inf in argmap.inferences.values():
        if inf.kind is not support or len(inf.premises) != 1 or inf.example or inf.scheme:
            continue
        premise = inf.premises[0]
        target = inf.target
        if target not in statements or premise not in claims or reasons[target] > 1:
            continue  # a claim with several reasons does not rest on this one alone
        if statements[target].kind is not StatementKind.CLAIM:
            continue
        wanted = terms.get(target)
        if wanted is None:
            wanted = terms[target] = _terms(ctx.text_words(target))
        if not wanted:
            continue
        offered = terms.get(premise)
        if offered is None:
            offered = terms[premise] = _terms(ctx.text_words(premise))
        shared = len(wanted & offered)
        if shared < LEAP_SHARE * len(wanted):
            yield (
                premise,
                f"{premise}: the only premise for {target}, sharing {shared} of its "
                f"{len(wanted)} key terms; a linking premise is likely missing",
            )


@rule(
    "S005",
    "circular-support",
    Severity.ERROR,
    "Statements that support themselves through a chain of reasons (begging the question).",
    "Find where the chain turns back on itself: one of these statements must be supported "
    "from outside the circle, or the circle supports nothing.",
)
def circular_support(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    rest = _in_cycles(index)
    if not rest:
        return
    # the support graph among what is left, premise -> targets, by id
    ids, outgoing, support, target = index.ids, index.outgoing, index.support, index.target
    left = set(rest)
    edges: dict[str, list[str]] = {}
    for k in rest:
        aims = [ids[target[i]] for i in outgoing[k] if support[i] and target[i] in left]
        if aims:
            edges[ids[k]] = aims
    order = ctx.order
    for component in _strong_components([ids[k] for k in rest], edges):
        start = min(component, key=order.__getitem__)
        if len(component) == 1 and start not in edges.get(start, ()):
            continue
        cycle = _cycle_through(start, set(component), edges)
        shown = cycle if len(cycle) <= 8 else cycle[:7] + ["…", cycle[-1]]
        yield start, f"{start}: circular support: {' supports '.join(shown)}"


def _in_cycles(index: MapIndex) -> list[int]:
    """The statements left after peeling off, again and again, those no support points at.

    This is Kahn's algorithm on the support graph (premise -> the statement
    it supports). What is left lies on a cycle or downstream of one: usually
    nothing, so Tarjan's algorithm only ever runs on the (small) rest.
    """
    count, outgoing, support, target = (
        index.statement_count,
        index.outgoing,
        index.support,
        index.target,
    )
    indegree = [0] * count
    for k in range(count):
        for inf in outgoing[k]:
            if support[inf] and target[inf] < count:
                indegree[target[inf]] += 1
    ready = [k for k in range(count) if indegree[k] == 0]
    while ready:
        for inf in outgoing[ready.pop()]:
            aim = target[inf]
            if support[inf] and aim < count:
                indegree[aim] -= 1
                if indegree[aim] == 0:
                    ready.append(aim)
    return [k for k in range(count) if indegree[k] > 0]


def _strong_components(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, with an explicit stack (no recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            recurse = False
            while child < len(successors):
                succ = successors[child]
                child += 1
                if succ not in index:
                    work.append((node, child))
                    work.append((succ, 0))
                    recurse = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if recurse:
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def _cycle_through(start: str, members: set[str], edges: dict[str, list[str]]) -> list[str]:
    """A shortest path start -> ... -> start inside one component (breadth-first)."""
    previous: dict[str, str] = {}
    queue: deque[str] = deque([start])
    while queue:
        node = queue.popleft()
        for succ in edges.get(node, []):
            if succ not in members:
                continue
            if succ == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                path.reverse()
                return [*path, start]
            if succ not in previous:
                previous[succ] = node
                queue.append(succ)
    return [start, start]


@rule(
    "S006",
    "disconnected",
    Severity.WARNING,
    "A statement not connected to the main conclusion (reported once, at the top of its part).",
    "Say what this statement supports or attacks and link it in, or leave it out of the map.",
)
def disconnected(ctx: Context) -> Iterator[Finding]:
    argmap = ctx.map
    sides = ctx.sides
    loose = [sid for sid in argmap.statements if sid not in sides]
    if not loose:
        return
    covered: set[str] = set()
    # a statement that bears on nothing is the top of a loose part; then whatever is left
    # (a loose circle has no top) is taken in map order
    tops = [sid for sid in loose if not argmap.outgoing(sid)]
    for sid in tops + loose:
        if sid in covered:
            continue
        below = _cover(argmap, sid, covered)
        extra = f" (nor are the {below} statements beneath it)" if below > 1 else ""
        if below == 1:
            extra = " (nor is the statement beneath it)"
        yield sid, f"{sid}: not connected to the main conclusion {argmap.conclusion}{extra}"


def _cover(argmap: ArgumentMap, top: str, covered: set[str]) -> int:
    """Mark everything beneath ``top`` as covered; the number of statements newly covered below it."""
    covered.add(top)
    count = 0
    stack = [top]
    while stack:
        element = stack.pop()
        for inf in argmap.incoming(element):
            if inf.id in covered:
                continue
            covered.add(inf.id)
            stack.append(inf.id)  # for the undercuts of this inference
            for premise in inf.premises:
                if premise not in covered:
                    covered.add(premise)
                    count += 1
                    stack.append(premise)
    return count


#: S007 looks at maps with at least this much evidence.
DOMINANT_MIN_EVIDENCE = 3


def source_key(name: str) -> str:
    """A source name compared loosely: case, punctuation and spacing do not matter."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


@rule(
    "S007",
    "dominant-source",
    Severity.WARNING,
    "One named source gives more than half of all the evidence in the map (at least "
    f"{DOMINANT_MIN_EVIDENCE} pieces).",
    "An argument that stands on one source falls with it: look for independent confirmation, "
    "and check what that source's interests and track record are.",
)
def dominant_source(ctx: Context) -> Iterator[Finding]:
    argmap = ctx.map
    evidence = ctx.evidence
    if len(evidence) < DOMINANT_MIN_EVIDENCE:
        return
    counts: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    keys: dict[str, str] = {}  # a map names few sources, many times each
    for statement in evidence:
        name = statement.source.name if statement.source else None
        if not name or not name.strip():
            continue
        key = keys.get(name)
        if key is None:
            key = keys[name] = source_key(name)
        counts.setdefault(key, []).append(statement.id)
        names.setdefault(key, name.strip())
    for key, ids in counts.items():
        if 2 * len(ids) > len(evidence):
            listed = ", ".join(ids[:6]) + (", …" if len(ids) > 6 else "")
            yield (
                argmap.conclusion,
                f"{argmap.conclusion}: one source, {short(names[key], 50)}, gives {len(ids)} "
                f"of the {len(evidence)} pieces of evidence ({listed})",
            )
            return


@rule(
    "S008",
    "open-question",
    Severity.INFO,
    "An objection the analyst reconstructed (`reconstructed: true`) that nothing answers: the "
    "reader's own question to the text, not the author's unanswered objection.",
    "Ask whether the text has an answer to this question; if not, how much does it weaken the "
    "claim it attacks?",
)
def open_question(ctx: Context) -> Iterator[Finding]:
    yield from _unanswered(ctx, reconstructed=True)


RULES = (
    unsupported_claim,
    no_evidence_beneath,
    unanswered_objection,
    single_premise_leap,
    circular_support,
    disconnected,
    dominant_source,
    open_question,
)
