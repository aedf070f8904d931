"""Grading a student's map against the teacher's key: node alignment, a score out of 100, feedback.

Roles
-----
Each statement takes the role of its first appearance in the tree from the
main conclusion: ``conclusion``; ``reason`` (a claim that supports);
``evidence`` (a statement of kind evidence that supports); ``assumption``
(an implicit premise); ``objection`` (any statement that attacks: objections,
rebuttals and undercuts). Statements not connected to the conclusion are
``unconnected``.

Alignment (which student node is which key node)
------------------------------------------------
For every pair (key node, student node) a similarity in [0, 1]::

    similarity = 0.45 * anchor + 0.45 * text + 0.10 * same_kind

* ``anchor``: how far the paragraph anchors agree, the mean of their Jaccard
  index and their overlap coefficient (|A∩B| / min(|A|, |B|)), so a student
  who anchors a reason at one of its three paragraphs gets part of the
  credit. When either node has no anchor, the anchor term is left out and
  the other two are rescaled to sum to 1.
* ``text``: the Dice coefficient of the two nodes' content words (lower case,
  stop words dropped, plural and verb endings trimmed), taking the best of
  text-vs-text, text-vs-quote and quote-vs-quote: students often copy the
  source's words, which the key keeps in ``quote``.
* ``same_kind``: 1 when both are evidence, both assumptions, or both claims.

A pair can match when its similarity is at least :data:`MATCH_THRESHOLD`
(0.5) and its text similarity at least :data:`MIN_TEXT` (0.15): the same
paragraph alone is not enough. Pairs are then taken greedily, best first
(ties: key order, then student order), each node matched at most once. The
whole procedure is deterministic.

Score (out of 100)
------------------
:data:`WEIGHTS`: conclusion 20, reasons 25, evidence 20, structure 20, gaps 15.

* **conclusion**: 20 when the student's main conclusion is the key's; 5 when
  the key's conclusion is in the map but not as its main conclusion.
* **reasons**: the share of the key's reasons, assumptions and objections
  that the student mapped (matched to any node), each weighted by its depth
  in the key's tree: a main reason (or an objection to the conclusion)
  counts 1, a statement one level down 1/2, two levels down 1/3...: the main
  lines of the argument matter most.
* **evidence**: per piece of key evidence, 1 when it is mapped under the
  right reason (a parent that matches one of its key parents), 0.5 when it
  is mapped elsewhere, 0 when missing.
* **structure**: per key link from a non-evidence premise to its target,
  0.5 for the right parent and 0.5 more for the right direction (support or
  attack); a missing premise earns nothing.
* **gaps**: per gap annotated in the key, 1 when the student annotates the
  same kind on the matched node, 0.5 for another kind on it, 0 otherwise;
  each gap the student flags on a node where the key has none (or on a node
  that matches nothing) costs :data:`UNFOUNDED_FLAG_COST` (0.5) of one, down
  to 0 for the component: flagging every kind everywhere earns nothing.

A student's statement still marked ``status: draft`` (as ``argmap new``
drafts them) earns half the credit of its key node in the conclusion,
reasons and evidence components: a skeleton is where the work starts.

A component the key has nothing for (no evidence, no annotated gaps) drops
out and the others are scaled up to keep the total out of 100. Student nodes
that match nothing cost nothing, but the feedback names them. The score is
rounded to one decimal.

Feedback
--------
Every line cites paragraphs. A missing statement whose parent is missing
too is folded into its parent's line ("You did not map the reason in
paragraphs 3-5, 18, nor the 2 statements under it (paragraph 4)."); two
lines that would read the same get the key statement's first words;
unflagged gaps are grouped by kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.model import ArgumentMap, InferenceKind, StatementKind, format_anchor

WEIGHTS: dict[str, float] = {
    "conclusion": 20.0,
    "reasons": 25.0,
    "evidence": 20.0,
    "structure": 20.0,
    "gaps": 15.0,
}
ANCHOR_WEIGHT = 0.45
TEXT_WEIGHT = 0.45
KIND_WEIGHT = 0.10
MATCH_THRESHOLD = 0.5
MIN_TEXT = 0.15
#: Points for a key conclusion that the student mapped, but not as the main conclusion.
CONCLUSION_ELSEWHERE = 5.0
#: A student's statement still marked ``status: draft`` earns this share of its credit.
DRAFT_FACTOR = 0.5
#: What a gap flagged on a node where the key has no gap costs, in missed key gaps: flagging
#: every kind on every node must not pay.
UNFOUNDED_FLAG_COST = 0.5

ROLE_NAMES = {
    "conclusion": "main conclusion",
    "reason": "reason",
    "evidence": "evidence",
    "assumption": "unstated assumption",
    "objection": "objection",
    "unconnected": "statement",
}

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those there their they them he she his her we our you your i
    not no do does did has have had will would can could should may might must shall than
    then so such which who whom what when where while also very more most into over about
    after before up out all any some""".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Node:
    """What alignment needs to know about one statement."""

    id: str
    order: int
    role: str
    kind: str
    anchors: frozenset[int]
    words: tuple[frozenset[str], ...]  # content words of the text, and of the quote if any


@dataclass
class Result:
    """The grade of one submission (``score`` is ``None`` when it could not be read)."""

    file: str
    score: float | None
    breakdown: dict[str, float] = field(default_factory=dict)
    feedback: list[str] = field(default_factory=list)
    error: str | None = None
    matched: dict[str, str] = field(default_factory=dict)  # key id -> submission id

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``argmap grade --format json``."""
        return {
            "file": self.file,
            "score": self.score,
            "breakdown": self.breakdown,
            "feedback": self.feedback,
            "error": self.error,
        }


# --- roles and words --------------------------------------------------------------------------


def roles(argmap: ArgumentMap) -> dict[str, str]:
    """Each statement's role at its first appearance in the tree (see the module docstring)."""
    out: dict[str, str] = {}
    for entry in argmap.tree():
        if entry.node in out:
            continue
        statement = argmap.statements[entry.node]
        if entry.via is None:
            out[entry.node] = "conclusion"
        elif entry.via.kind is not InferenceKind.SUPPORT:
            out[entry.node] = "objection"
        elif statement.kind is StatementKind.EVIDENCE:
            out[entry.node] = "evidence"
        elif statement.is_assumption:
            out[entry.node] = "assumption"
        else:
            out[entry.node] = "reason"
    for sid in argmap.statements:
        out.setdefault(sid, "unconnected")
    return out


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Lower-case content words with common endings trimmed ("sanctions" -> "sanction")."""
    words = set()
    for raw in _WORD.findall(text.lower()):
        if raw in _STOP or (len(raw) < 3 and not raw.isdigit()):
            continue
        words.add(_stem(raw))
    return frozenset(words)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ies", "ied"):
                return word[: -len(suffix)] + "y"
            return word[: -len(suffix)]
    return word


def nodes_of(argmap: ArgumentMap) -> list[Node]:
    """The map's statements as alignment :class:`Node` objects, in map order."""
    role = roles(argmap)
    out = []
    for order, (sid, statement) in enumerate(argmap.statements.items()):
        words = [content_words(statement.text)]
        if statement.quote:
            words.append(content_words(statement.quote))
        kind = (
            "assumption"
            if statement.is_assumption
            else ("evidence" if statement.kind is StatementKind.EVIDENCE else "claim")
        )
        out.append(Node(sid, order, role[sid], kind, frozenset(statement.anchors), tuple(words)))
    return out


# --- similarity and alignment -----------------------------------------------------------------


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def text_similarity(key: Node, sub: Node) -> float:
    """The best Dice coefficient over text and quote of both nodes."""
    return max((_dice(a, b) for a in key.words for b in sub.words), default=0.0)


def anchor_similarity(a: frozenset[int], b: frozenset[int]) -> float | None:
    """Mean of Jaccard and overlap coefficient; ``None`` when either has no anchor."""
    if not a or not b:
        return None
    common = len(a & b)
    return (common / len(a | b) + common / min(len(a), len(b))) / 2


def similarity(key: Node, sub: Node) -> tuple[float, float]:
    """``(similarity, text similarity)`` of two nodes (see the module docstring)."""
    text = text_similarity(key, sub)
    kind = 1.0 if key.kind == sub.kind else 0.0
    anchor = anchor_similarity(key.anchors, sub.anchors)
    if anchor is None:
        total = (TEXT_WEIGHT * text + KIND_WEIGHT * kind) / (TEXT_WEIGHT + KIND_WEIGHT)
    else:
        total = ANCHOR_WEIGHT * anchor + TEXT_WEIGHT * text + KIND_WEIGHT * kind
    return total, text


def align(key: Sequence[Node], sub: Sequence[Node]) -> dict[str, str]:
    """Key id -> submission id, greedy best-first over pairs that pass the thresholds."""
    pairs: list[tuple[float, int, int, str, str]] = []
    for k in key:
        for s in sub:
            total, text = similarity(k, s)
            if total >= MATCH_THRESHOLD and text >= MIN_TEXT:
                pairs.append((-total, k.order, s.order, k.id, s.id))
    pairs.sort()
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, _, _, kid, sid in pairs:
        if kid in out or sid in used:
            continue
        out[kid] = sid
        used.add(sid)
    return out


# --- scoring ----------------------------------------------------------------------------------


def _edges(argmap: ArgumentMap) -> dict[tuple[str, str], str]:
    """(premise, target statement) -> "support" or "attack", for every inference."""
    out: dict[tuple[str, str], str] = {}
    for inf in argmap.inferences.values():
        target = argmap.statement_target(inf)
        if target is None:
            continue
        polarity = "support" if inf.kind is InferenceKind.SUPPORT else "attack"
        for premise in inf.premises:
            out.setdefault((premise, target), polarity)
    return out


def _parents(edges: dict[tuple[str, str], str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for premise, target in edges:
        out.setdefault(premise, []).append(target)
    return out


def _paragraphs(numbers: Sequence[int]) -> str:
    """``paragraph 16`` or ``paragraphs 20-22``."""
    word = "paragraph" if len(set(numbers)) == 1 else "paragraphs"
    return f"{word} {format_anchor(list(numbers))}"


def _where(argmap: ArgumentMap, sid: str) -> str:
    """``paragraph 16``, ``paragraphs 20-22``, or the id when the node has no anchor."""
    anchors = argmap.statements[sid].anchors
    return _paragraphs(anchors) if anchors else f"node {sid}"


def grade_map(key: ArgumentMap, submission: ArgumentMap, *, file: str = "") -> Result:
    """Grade one submission against the key (both already loaded)."""
    key_nodes = nodes_of(key)
    sub_nodes = nodes_of(submission)
    role = {n.id: n.role for n in key_nodes}
    matched = align(key_nodes, sub_nodes)
    reverse = {s: k for k, s in matched.items()}
    feedback: list[str] = []
    earned: dict[str, float] = {}
    possible: dict[str, bool] = {}

    tree_parent, depth = _tree_positions(key)
    drafts = {s.id for s in sub_nodes if submission.statements[s.id].status == "draft"}

    def factor(kid: str) -> float:
        """Credit for a matched key node: halved while the student's node is still a draft."""
        return DRAFT_FACTOR if matched[kid] in drafts else 1.0

    # conclusion
    possible["conclusion"] = True
    got = matched.get(key.conclusion)
    if got is not None and got == submission.conclusion:
        earned["conclusion"] = factor(key.conclusion)
    elif got is not None:
        earned["conclusion"] = CONCLUSION_ELSEWHERE / WEIGHTS["conclusion"] * factor(key.conclusion)
        feedback.append(
            f"You mapped the main conclusion ({_where(key, key.conclusion)}) but not as your "
            f"main conclusion; yours is in {_where(submission, submission.conclusion)}."
        )
    else:
        earned["conclusion"] = 0.0
        feedback.append(
            f"Your main conclusion is not the text's: it is in {_where(key, key.conclusion)}."
        )

    # reasons, assumptions, objections found: a main line counts 1, one level down 1/2...
    claims = [n.id for n in key_nodes if n.role in ("reason", "assumption", "objection")]
    evidence = [n.id for n in key_nodes if n.role == "evidence"]
    possible["reasons"] = bool(claims)
    total = sum(1 / depth[kid] for kid in claims)
    found = sum(factor(kid) / depth[kid] for kid in claims if kid in matched)
    earned["reasons"] = found / total if total else 0.0
    feedback += _missing_lines(
        key, [k for k in claims + evidence if k not in matched], tree_parent, role
    )

    key_edges = _edges(key)
    sub_edges = _edges(submission)
    key_parents = _parents(key_edges)
    sub_parents = _parents(sub_edges)

    # evidence placed under the right reason
    possible["evidence"] = bool(evidence)
    credit = 0.0
    for kid in evidence:
        sid = matched.get(kid)
        if sid is None:
            continue  # named by _missing_lines
        want = set(key_parents.get(kid, []))
        have = {reverse.get(p) for p in sub_parents.get(sid, [])}
        if want & have:
            credit += factor(kid)
            continue
        credit += 0.5 * factor(kid)
        if not any(p in matched for p in want):
            continue  # its reason is missing, and named as missing: nowhere right to put it
        right = " or ".join(
            f"the {ROLE_NAMES[role[p]]} in {_where(key, p)}" for p in want if p in matched
        )
        feedback.append(
            f"The evidence in {_where(key, kid)} is under the wrong statement: it supports {right}."
        )
    earned["evidence"] = credit / len(evidence) if evidence else 0.0

    # structure: right parent, right direction
    links = [(p, t, pol) for (p, t), pol in key_edges.items() if role.get(p) != "evidence"]
    possible["structure"] = bool(links)
    credit = 0.0
    for premise, target, polarity in links:
        sp, st = matched.get(premise), matched.get(target)
        if sp is None or st is None:
            continue  # no credit; the missing node is already named
        if (sp, st) not in sub_edges:
            one, other = _where(key, premise), _where(key, target)
            if one == other:  # "paragraph 4 should support paragraph 4": say which is which
                one += f" ({_snippet(key, premise)})"
                other += f" ({_snippet(key, target)})"
            feedback.append(
                f"The {ROLE_NAMES[role[premise]]} in {one} should "
                f"{'support' if polarity == 'support' else 'attack'} the "
                f"{ROLE_NAMES[role[target]]} in {other}."
            )
            continue
        credit += 0.5
        if sub_edges[(sp, st)] == polarity:
            credit += 0.5
        else:
            feedback.append(
                f"You mapped {_where(key, premise)} as {_article(sub_edges[(sp, st)])} of "
                f"{_where(key, target)}; in the key it is {_article(polarity)}."
            )
    earned["structure"] = credit / len(links) if links else 0.0

    # gaps found
    possible["gaps"] = bool(key.gaps)
    sub_gaps: dict[str, set[str]] = {}
    for gap in submission.gaps:
        sub_gaps.setdefault(gap.node, set()).add(gap.kind)
    credit = 0.0
    unflagged: dict[str, dict[str, tuple[int, ...]]] = {}  # gap kind -> where -> anchors
    for gap in key.gaps:
        subjects = _gap_subjects(key, submission, gap.node, matched)
        kinds = set().union(*(sub_gaps.get(s, set()) for s in subjects)) if subjects else set()
        where = _where(key, gap.node) if gap.node in key.statements else f"the inference {gap.node}"
        if gap.kind in kinds:
            credit += 1.0
        elif kinds:
            credit += 0.5
            feedback.append(
                f"You flagged {where} as {', '.join(sorted(kinds))}; the key also has "
                f"{gap.kind} there."
            )
        else:
            anchors = key.statements[gap.node].anchors if gap.node in key.statements else ()
            unflagged.setdefault(gap.kind, {}).setdefault(where, anchors or (0,))
    for kind, places in unflagged.items():
        ordered = sorted(places, key=lambda w: (places[w], w))
        feedback.append(f"You did not flag the {kind} gap in {'; '.join(ordered)}.")
    # flags where the key has no gap at all cost something: a spray of flags must not pay
    founded: set[str] = set()
    for gap in key.gaps:
        founded |= _gap_subjects(key, submission, gap.node, matched)
    unfounded = [g for g in submission.gaps if g.node not in founded]
    if unfounded and key.gaps:
        credit = max(0.0, credit - UNFOUNDED_FLAG_COST * len(unfounded))
        cited = sorted(
            {
                p
                for g in unfounded
                if g.node in submission.statements
                for p in submission.statements[g.node].anchors
            }
        )
        where = f" ({_paragraphs(cited)})" if cited else ""
        feedback.append(
            f"{len(unfounded)} of your gap flags are on statements where the key has no gap"
            f"{where}: each costs half a missed gap; flag what you can argue for."
        )
    earned["gaps"] = credit / len(key.gaps) if key.gaps else 0.0

    total_weight = sum(WEIGHTS[c] for c in WEIGHTS if possible[c])
    scale = 100.0 / total_weight if total_weight else 0.0
    breakdown = {
        c: round(WEIGHTS[c] * scale * earned[c], 1) if possible[c] else 0.0 for c in WEIGHTS
    }
    score = round(sum(WEIGHTS[c] * scale * earned[c] for c in WEIGHTS if possible[c]), 1)

    extra = [s.id for s in sub_nodes if s.id not in reverse]
    if extra:
        cited = sorted({p for sid in extra for p in submission.statements[sid].anchors})
        where = f" ({_paragraphs(cited)})" if cited else ""
        feedback.append(
            f"{len(extra)} of your statements match nothing in the key{where}: "
            "check them against the text."
        )
    if drafts:
        cited = sorted({p for sid in drafts for p in submission.statements[sid].anchors})
        where = f" ({_paragraphs(cited)})" if cited else ""
        feedback.append(
            f"{len(drafts)} of your statements are still marked draft{where}: check each one "
            "and delete its `status: draft` line; a draft earns half credit."
        )
    if score >= 100.0:
        feedback.insert(0, "Every statement, link and gap of the key is in your map.")
    return Result(file, score, breakdown, feedback, None, matched)


def _tree_positions(argmap: ArgumentMap) -> tuple[dict[str, str], dict[str, int]]:
    """Each statement's parent and depth at its first appearance in the tree (the conclusion: 0)."""
    parent: dict[str, str] = {}
    depth: dict[str, int] = {}
    path: list[str] = []
    for entry in argmap.tree():
        del path[entry.depth :]
        if entry.node not in depth:
            depth[entry.node] = max(entry.depth, 1)
            if path:
                parent[entry.node] = path[-1]
        path.append(entry.node)
    for sid in argmap.statements:
        depth.setdefault(sid, 1)
    return parent, depth


def _missing_lines(
    key: ArgumentMap, missing: list[str], tree_parent: dict[str, str], role: dict[str, str]
) -> list[str]:
    """One line per missing statement whose parent is not missing too; those fold into it."""
    gone = set(missing)

    def top(sid: str) -> str:
        while sid in tree_parent and tree_parent[sid] in gone:
            sid = tree_parent[sid]
        return sid

    under: dict[str, list[str]] = {}
    for sid in missing:
        if top(sid) != sid:
            under.setdefault(top(sid), []).append(sid)
    lines: list[tuple[str, str]] = []
    for sid in missing:
        if top(sid) != sid:
            continue
        where = _where(key, sid)
        if role[sid] == "assumption":
            line = f"You did not state the unstated assumption the argument needs at {where}"
        else:
            line = f"You did not map the {ROLE_NAMES[role[sid]]} in {where}"
        below = under.get(sid, [])
        if below:
            places = sorted({p for b in below for p in key.statements[b].anchors})
            count = "statement" if len(below) == 1 else f"{len(below)} statements"
            line += f", nor the {count} under it"
            if places:
                line += f" ({_paragraphs(places)})"
        lines.append((sid, line))
    seen = [text for _, text in lines]
    return [
        f"{text} ({_snippet(key, sid)})." if seen.count(text) > 1 else f"{text}."
        for sid, text in lines
    ]


def _snippet(argmap: ArgumentMap, sid: str, words: int = 6) -> str:
    """The first words of a statement, quoted: "“Several Latin American countries shifted…”"."""
    parts = argmap.statements[sid].text.split()
    return "“" + " ".join(parts[:words]) + ("…" if len(parts) > words else "") + "”"


def _article(polarity: str) -> str:
    return "a support" if polarity == "support" else "an attack"


def _gap_subjects(
    key: ArgumentMap, submission: ArgumentMap, node: str, matched: dict[str, str]
) -> set[str]:
    """The submission's nodes that stand for a key gap's node (a statement or an inference)."""
    if node in key.statements:
        return {matched[node]} if node in matched else set()
    inference = key.inferences.get(node)
    if inference is None:
        return set()
    premises = {matched[p] for p in inference.premises if p in matched}
    subjects = set(premises)
    for inf in submission.inferences.values():
        if premises & set(inf.premises):
            subjects.add(inf.id)
    return subjects


# --- batches ----------------------------------------------------------------------------------


def grade_files(
    key: ArgumentMap,
    files: Iterable[str | Path],
    *,
    load: Callable[[str | Path], ArgumentMap],
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """Grade each file in order; one that cannot be read gets a result with its error."""
    from argmap.errors import ArgmapError

    results = []
    for path in files:
        name = str(path)
        try:
            submission = load(path)
        except ArgmapError as exc:
            results.append(Result(name, None, {}, [], str(exc)))
        else:
            results.append(grade_map(key, submission, file=name))
        if progress is not None:
            progress(name)
    return results
