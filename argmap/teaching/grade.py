"""Grading a student's map against the teacher's key: alignment by meaning, a score out of 100, feedback.

Alignment (which student statement is which key statement) is
:mod:`argmap.teaching.align`: paragraph anchors, kind, position in the tree
and a text similarity that survives rewording. The score follows a
:class:`~argmap.teaching.rubric.Rubric` (default: conclusion 20, reasons 25,
evidence 20, structure 20, gaps 15).

Score
-----
* **conclusion**: full when the student's main conclusion is the key's and
  takes the same stance; 5 of 20 at most when it states the opposite
  (:func:`argmap.teaching.wording.opposite`: "approve" for "reject", a "not"
  added...); ``conclusion_elsewhere`` points when the key's conclusion is in
  the map but not as its main conclusion.
* **reasons**: the share of the key's reasons, assumptions and objections
  the student mapped, each weighted by its depth in the key's tree (a main
  reason or an objection to the conclusion counts 1, one level down 1/2...).
  A statement mapped in the wrong role (an objection taken for a reason, a
  reason for an objection) earns nothing.
* **evidence**: per piece of key evidence, 1 when it hangs under the
  statement that stands for its key parent, 0.5 elsewhere, 0 when missing
  or used as an objection. When its key parent is missing from the map, the
  student's own attachment counts: under the nearest statement that is
  there (the missing parent already cost its own credit), full credit. A
  basis (statistic, expert, anecdote...) other than the key's gets a
  feedback line, not a cost.
* **structure**: per key link from a claim to its target, 0.5 for the right
  target and 0.5 more for the right direction (support or attack); a missing
  premise earns nothing; a missing target is replaced by its nearest mapped
  ancestor, as for evidence; a premise in the wrong role earns nothing.
* **gaps**: per gap annotated in the key, 1 when the student flags the same
  kind on the matched statement, ``other_kind_credit`` for another kind
  there (or the same kind on another statement of the same paragraph), 0
  otherwise; each flag on a matched statement where the key has no gap costs
  ``unfounded_flag_cost`` of one (flags on statements that match nothing are
  not charged twice: those statements are named already).

Key statements marked ``optional`` or ``reconstructed`` (the analyst's own
additions) count only when the student maps them: leaving them out costs
nothing, nor do gaps annotated on them. A student's statement still marked
``status: draft`` earns ``draft_credit`` (a tenth) of its credit in every
component: a draft is the tool's guess, not the student's reading; without
a paragraph anchor a statement loses ``missing_anchor_cost`` (a fifth) of
its credit: nobody can check it against the text. A map that is still the
tool's draft and nothing else (every statement a draft, no gap flagged)
earns 0: a better drafter must never make an untouched skeleton outscore an
honest attempt. A component the key has nothing for drops out
and the others are scaled up to keep the total out of 100.

Feedback
--------
:attr:`Result.feedback` starts with what the student got right, then the
three most important misses (the conclusion, confusions of role, main
reasons, objections, then details), each citing paragraphs;
:attr:`Result.details` holds the rest (``grade --detail``). No line
contradicts another or the score: a statement named as missing is never
matched, a gap is either found, partly found or missed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.model import BASIS_HELP, ArgumentMap, InferenceKind, format_anchor
from argmap.teaching.align import Aligner, Node, Signals, nodes_of, roles
from argmap.teaching.rubric import DEFAULT, Rubric
from argmap.teaching.wording import opposite

__all__ = ["WEIGHTS", "Item", "Result", "grade_files", "grade_map", "roles"]

#: Today's (default) component weights.
WEIGHTS: dict[str, float] = dict(DEFAULT.weights)

ROLE_NAMES = {
    "conclusion": "main conclusion",
    "reason": "reason",
    "evidence": "evidence",
    "assumption": "unstated assumption",
    "objection": "objection",
    "unconnected": "statement",
}
#: Feedback priorities, most important first (lower is earlier).
P_CONCLUSION, P_ROLE, P_MAIN, P_OBJECTION, P_LINK, P_DETAIL, P_EVIDENCE, P_GAP, P_FLAG, P_EXTRA = (
    range(10)
)
#: Points (of the conclusion's 20) for a main conclusion that states the opposite stance.
OPPOSITE_CONCLUSION = 5.0
#: How many misses the feedback shows before ``--detail``.
TOP_MISSES = 3


@dataclass(frozen=True)
class Item:
    """What became of one key statement or gap in a submission (for the class report).

    ``status``: ``found``, ``missing``, ``confused`` (mapped in another
    role: ``as_role`` says which), ``opposite`` (the conclusion, reversed),
    ``elsewhere`` (the conclusion, not as the main one); for gaps ``found``,
    ``partly`` or ``missing``.
    """

    key: str  # key statement id, or "gap:NODE:KIND"
    status: str
    as_role: str | None = None


@dataclass
class Result:
    """The grade of one submission (``score`` is ``None`` when it could not be read)."""

    file: str
    score: float | None
    breakdown: dict[str, float] = field(default_factory=dict)
    feedback: list[str] = field(default_factory=list)
    error: str | None = None
    matched: dict[str, str] = field(default_factory=dict)  # key id -> submission id
    details: list[str] = field(default_factory=list)  # the misses after the first three
    items: list[Item] = field(default_factory=list)

    @property
    def student(self) -> str:
        """The student's identifier: the file name without its folder and extension."""
        name = Path(self.file).name
        for suffix in (".argdown", ".yaml", ".yml", ".json", ".ad", ".xml"):
            if name.lower().endswith(suffix):
                return name[: -len(suffix)] or name
        return name

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``argmap grade --format json``."""
        return {
            "file": self.file,
            "student": self.student,
            "score": self.score,
            "breakdown": self.breakdown,
            "feedback": self.feedback,
            "details": self.details,
            "error": self.error,
        }


# --- helpers ----------------------------------------------------------------------------------


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


def _paragraphs(numbers: Iterable[int]) -> str:
    """``paragraph 16`` or ``paragraphs 20-22``."""
    numbers = sorted(set(numbers))
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    return f"{word} {format_anchor(numbers)}"


def _where(argmap: ArgumentMap, sid: str) -> str:
    anchors = argmap.statements[sid].anchors
    return _paragraphs(anchors) if anchors else f"“{_first_words(argmap, sid)}”"


def _first_words(argmap: ArgumentMap, sid: str, words: int = 6) -> str:
    parts = argmap.statements[sid].text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _snippet(argmap: ArgumentMap, sid: str) -> str:
    return f"“{_first_words(argmap, sid)}”"


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


def _polarity_family(role: str) -> str:
    return "attack" if role == "objection" else ("support" if role != "unconnected" else "")


# --- grading ----------------------------------------------------------------------------------


class _Feedback:
    def __init__(self) -> None:
        self.right: list[str] = []
        self.misses: list[tuple[int, int, str]] = []

    def miss(self, priority: int, line: str) -> None:
        self.misses.append((priority, len(self.misses), line))

    def lines(self) -> tuple[list[str], list[str]]:
        ordered = [line for _, _, line in sorted(self.misses)]
        return self.right + ordered[:TOP_MISSES], ordered[TOP_MISSES:]


def grade_map(
    key: ArgumentMap,
    submission: ArgumentMap,
    *,
    file: str = "",
    rubric: Rubric | None = None,
    aligner: Aligner | None = None,
    signals: Signals | None = None,
) -> Result:
    """Grade one submission against the key (both already loaded)."""
    rubric = rubric or DEFAULT
    aligner = aligner or Aligner(key, signals)
    sub_nodes: list[Node] = nodes_of(submission, merge=aligner.signals.synonyms)
    matched = aligner.align_nodes(sub_nodes)
    reverse = {s: k for k, s in matched.items()}
    key_role = {n.id: n.role for n in aligner.nodes}
    sub_role = {n.id: n.role for n in sub_nodes}
    tree_parent, depth = _tree_positions(key)
    fb = _Feedback()
    items: list[Item] = []
    earned: dict[str, float] = {}
    possible: dict[str, bool] = {}
    weights = rubric.weights

    def skippable(kid: str) -> bool:
        st = key.statements[kid]
        return st.optional or st.reconstructed

    def credit(kid: str) -> float:
        """Credit for a matched key node: less while a draft, or without an anchor."""
        sid = matched[kid]
        st = submission.statements[sid]
        value = rubric.draft_credit if st.status == "draft" else 1.0
        if not st.anchors and key.statements[kid].anchors:
            value *= 1.0 - rubric.missing_anchor_cost
        return value

    def confused(kid: str) -> bool:
        """Mapped with the opposite polarity: an objection as support, a reason as an attack."""
        sid = matched.get(kid)
        if sid is None or key_role[kid] == "conclusion":
            return False
        mine = _polarity_family(sub_role.get(sid, "unconnected"))
        return bool(mine) and mine != _polarity_family(key_role[kid])

    # --- conclusion
    possible["conclusion"] = weights["conclusion"] > 0
    got = matched.get(key.conclusion)
    conclusion_where = _where(key, key.conclusion)
    if got is not None and got == submission.conclusion:
        if aligner.signals.polarity and opposite(
            key.statements[key.conclusion].text, submission.statements[got].text
        ):
            # the right question, the wrong answer: the opposite stance earns what a
            # conclusion mapped elsewhere earns, never more
            earned["conclusion"] = (
                min(rubric.conclusion_elsewhere, OPPOSITE_CONCLUSION) / weights["conclusion"]
                if weights["conclusion"]
                else 0.0
            )
            items.append(Item(key.conclusion, "opposite"))
            fb.miss(
                P_CONCLUSION,
                f"Your main conclusion states the opposite of the text's ({conclusion_where}): "
                f"the text argues that {_lower_first(key.statements[key.conclusion].text)}",
            )
        else:
            earned["conclusion"] = credit(key.conclusion)
            items.append(Item(key.conclusion, "found"))
            fb.right.append(f"You found the main conclusion ({conclusion_where}).")
    elif got is not None:
        earned["conclusion"] = (
            rubric.conclusion_elsewhere / weights["conclusion"] * credit(key.conclusion)
            if weights["conclusion"]
            else 0.0
        )
        items.append(Item(key.conclusion, "elsewhere"))
        fb.miss(
            P_CONCLUSION,
            f"You mapped the text's main conclusion ({conclusion_where}) but not as your main "
            f"conclusion; yours is {_where(submission, submission.conclusion)}, which the text "
            "offers as support, not as its point.",
        )
    else:
        earned["conclusion"] = 0.0
        items.append(Item(key.conclusion, "missing"))
        mine = submission.statements[submission.conclusion]
        key_anchors = set(key.statements[key.conclusion].anchors)
        if key_anchors & set(mine.anchors):
            fb.miss(
                P_CONCLUSION,
                f"Your main conclusion cites {_paragraphs(mine.anchors)}, but it does not say "
                f"what the text concludes there: "
                f"{_lower_first(key.statements[key.conclusion].text)}",
            )
        else:
            fb.miss(
                P_CONCLUSION,
                f"Your main conclusion is not the text's: the text concludes in "
                f"{conclusion_where} that {_lower_first(key.statements[key.conclusion].text)}",
            )

    # --- reasons, assumptions, objections
    claims = [n.id for n in aligner.nodes if n.role in ("reason", "assumption", "objection")]
    evidence = [n.id for n in aligner.nodes if n.role == "evidence"]
    counted = [k for k in claims if k in matched or not skippable(k)]
    possible["reasons"] = bool(counted) and weights["reasons"] > 0
    total = sum(1 / depth[k] for k in counted)
    found = 0.0
    found_main: list[str] = []
    for kid in counted:
        if kid not in matched:
            items.append(Item(kid, "missing"))
            continue
        if confused(kid):
            items.append(Item(kid, "confused", sub_role.get(matched[kid])))
            fb.miss(P_ROLE, _confusion_line(key, kid, key_role[kid], sub_role[matched[kid]]))
            continue
        items.append(Item(kid, "found"))
        found += credit(kid) / depth[kid]
        if depth[kid] == 1:
            found_main.append(kid)
    earned["reasons"] = found / total if total else 0.0
    main_total = [k for k in counted if depth[k] == 1]
    if found_main:
        fb.right.append(
            f"You mapped {len(found_main)} of the {len(main_total)} main lines of the argument "
            f"({_paragraphs(p for k in found_main for p in key.statements[k].anchors)})."
            if any(key.statements[k].anchors for k in found_main)
            else f"You mapped {len(found_main)} of the {len(main_total)} main lines of the argument."
        )
    missing = [k for k in claims + evidence if k not in matched and not (skippable(k))]
    for priority, line in _missing_lines(key, missing, tree_parent, key_role, depth):
        fb.miss(priority, line)

    key_edges = _edges(key)
    sub_edges = _edges(submission)
    key_parents: dict[str, list[str]] = {}
    for p, t in key_edges:
        key_parents.setdefault(p, []).append(t)
    sub_parents: dict[str, list[str]] = {}
    for p, t in sub_edges:
        sub_parents.setdefault(p, []).append(t)

    def stand_in(target: str) -> str | None:
        """The key target, or its nearest ancestor that the student mapped."""
        node: str | None = target
        while node is not None and node not in matched:
            node = tree_parent.get(node)
        return node

    # --- evidence under the right statement
    counted_ev = [k for k in evidence if k in matched or not skippable(k)]
    possible["evidence"] = bool(counted_ev) and weights["evidence"] > 0
    ev_credit = 0.0
    placed = 0
    for kid in counted_ev:
        sid = matched.get(kid)
        if sid is None:
            items.append(Item(kid, "missing"))
            continue
        if confused(kid):
            items.append(Item(kid, "confused", sub_role.get(sid)))
            fb.miss(P_ROLE, _confusion_line(key, kid, key_role[kid], sub_role[sid]))
            continue
        items.append(Item(kid, "found"))
        key_basis, sub_basis = key.statements[kid].basis, submission.statements[sid].basis
        if key_basis is not None and sub_basis is not None and key_basis != sub_basis:
            fb.miss(
                P_DETAIL,
                f"You typed the evidence in {_where(key, kid)} as {sub_basis.value}; the text "
                f"offers {_an(key_basis.value)} ({BASIS_HELP[key_basis]}).",
            )
        want = {a for p in key_parents.get(kid, []) if (a := stand_in(p)) is not None}
        have = {reverse.get(p) for p in sub_parents.get(sid, [])}
        if want & have:
            ev_credit += credit(kid)
            placed += 1
            continue
        ev_credit += 0.5 * credit(kid)
        right = " or ".join(
            f"the {ROLE_NAMES[key_role[p]]} in {_where(key, p)}" for p in sorted(want)
        )
        if right:
            fb.miss(
                P_EVIDENCE,
                f"The evidence in {_where(key, kid)} is under the wrong statement: it supports "
                f"{right}.",
            )
    earned["evidence"] = ev_credit / len(counted_ev) if counted_ev else 0.0
    if placed:
        fb.right.append(
            f"You put {placed} of the {len(counted_ev)} pieces of evidence under the statement "
            "they support."
        )

    # --- structure: right target, right direction
    links = [
        (p, t, pol)
        for (p, t), pol in key_edges.items()
        if key_role.get(p) != "evidence" and (p in matched or not skippable(p))
    ]
    possible["structure"] = bool(links) and weights["structure"] > 0
    st_credit = 0.0
    right_links = 0
    for premise, target, polarity in links:
        sp = matched.get(premise)
        anchor_target = stand_in(target)
        if sp is None or anchor_target is None or confused(premise):
            continue  # no credit; the missing or confused statement is named already
        st = matched[anchor_target]
        if (sp, st) not in sub_edges:
            one, other = _where(key, premise), _where(key, anchor_target)
            if one == other:
                one += f" ({_snippet(key, premise)})"
                other += f" ({_snippet(key, anchor_target)})"
            fb.miss(
                P_LINK if depth[premise] == 1 else P_DETAIL,
                f"The {ROLE_NAMES[key_role[premise]]} in {one} should "
                f"{'support' if polarity == 'support' else 'attack'} the "
                f"{ROLE_NAMES[key_role[anchor_target]]} in {other}.",
            )
            continue
        st_credit += 0.5 * credit(premise)
        if sub_edges[(sp, st)] == polarity:
            st_credit += 0.5 * credit(premise)
            right_links += 1
        else:
            fb.miss(
                P_LINK,
                f"You mapped {_where(key, premise)} as {_article(sub_edges[(sp, st)])} of "
                f"{_where(key, anchor_target)}; in the text it is {_article(polarity)}.",
            )
    earned["structure"] = st_credit / len(links) if links else 0.0
    if right_links:
        fb.right.append(
            f"{right_links} of the {len(links)} links between claims are right (target and "
            "direction)."
        )

    # --- gaps
    _grade_gaps(
        key,
        submission,
        matched,
        reverse,
        rubric,
        fb,
        items,
        earned,
        possible,
        skippable,
        aligner.detected if submission.gaps else {},
    )
    possible["gaps"] = possible["gaps"] and weights["gaps"] > 0

    # --- total
    total_weight = sum(weights[c] for c in weights if possible[c])
    scale = 100.0 / total_weight if total_weight else 0.0
    breakdown = {
        c: round(weights[c] * scale * earned[c], 1) if possible[c] else 0.0 for c in weights
    }
    score = round(sum(weights[c] * scale * earned[c] for c in weights if possible[c]), 1)
    untouched = _untouched(submission)
    if untouched:  # argmap's own draft handed back: none of it is the student's reading
        breakdown = dict.fromkeys(weights, 0.0)
        score = 0.0
        fb.right.clear()

    extra = [s.id for s in sub_nodes if s.id not in reverse]
    if extra:
        cited = sorted({p for sid in extra for p in submission.statements[sid].anchors})
        where = f" ({_paragraphs(cited)})" if cited else ""
        fb.miss(
            P_LINK if len(extra) >= 3 else P_EXTRA,  # a padded map: worth saying early
            f"{len(extra)} of your statements match nothing the text says{where}: check each "
            "one against the text; a map shows what the text argues, not what you add.",
        )
    drafts = [s.id for s in sub_nodes if submission.statements[s.id].status == "draft"]
    if drafts:
        cited = sorted({p for sid in drafts for p in submission.statements[sid].anchors})
        where = f" ({_paragraphs(cited)})" if cited else ""
        if untouched:
            fb.miss(
                P_CONCLUSION,
                f"Every statement is still marked draft{where} and nothing is flagged: this is "
                "argmap's draft, not your reading, and it earns nothing until you check it; "
                "delete the `status: draft` line of each statement you have checked.",
            )
        else:
            fb.miss(
                P_CONCLUSION if len(drafts) == len(sub_nodes) else P_EXTRA,
                f"{len(drafts)} of your statements are still marked draft{where}: check each "
                f"one and delete its `status: draft` line; a draft earns "
                f"{rubric.draft_credit:.0%} of the credit.",
            )
    unanchored = [
        s.id for s in sub_nodes if not submission.statements[s.id].anchors and s.id in reverse
    ]
    if unanchored and len(unanchored) * 2 >= len(reverse):
        fb.miss(
            P_EXTRA,
            f"{len(unanchored)} of your statements have no paragraph anchor (`at:`): give each "
            "one the paragraph it comes from, so a reader can check it.",
        )
    if score >= 100.0:
        fb.right.insert(0, "Every statement, link and gap of the key is in your map.")
    shown, more = fb.lines()
    if not shown:
        shown = ["Nothing in your map matches the text's argument yet: start from its conclusion."]
    return Result(file, score, breakdown, shown, None, matched, more, items)


def _untouched(submission: ArgumentMap) -> bool:
    """Is this an ``argmap new`` skeleton as drafted: every statement a draft, no gap flagged?"""
    statements = submission.statements.values()
    return bool(statements) and not submission.gaps and all(s.status == "draft" for s in statements)


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _confusion_line(key: ArgumentMap, kid: str, role: str, as_role: str) -> str:
    where = _where(key, kid)
    if role == "objection":
        return (
            f"You took the objection in {where} for {_an(ROLE_NAMES.get(as_role, as_role))}: "
            "the text raises it against its own argument."
        )
    return (
        f"You took the {ROLE_NAMES[role]} in {where} for an objection: the text offers it in "
        "support."
    )


def _an(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _article(polarity: str) -> str:
    return "a support" if polarity == "support" else "an attack"


def _missing_lines(
    key: ArgumentMap,
    missing: list[str],
    tree_parent: dict[str, str],
    role: dict[str, str],
    depth: dict[str, int],
) -> list[tuple[int, str]]:
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
            name = ROLE_NAMES[role[sid]]
            if role[sid] == "objection" and role.get(tree_parent.get(sid, "")) == "objection":
                name = "answer to the objection"  # a rebuttal: say which side it is on
            line = f"You did not map the {name} in {where}"
        below = under.get(sid, [])
        if below:
            places = sorted({p for b in below for p in key.statements[b].anchors})
            count = "statement" if len(below) == 1 else f"{len(below)} statements"
            line += f", nor the {count} under it"
            if places:
                line += f" ({_paragraphs(places)})"
        lines.append((sid, line))
    seen = [text for _, text in lines]
    out = []
    for sid, text in lines:
        line = f"{text} ({_snippet(key, sid)})." if seen.count(text) > 1 else f"{text}."
        if role[sid] == "objection":
            priority = P_OBJECTION if depth[sid] == 1 else P_DETAIL
        elif depth[sid] == 1:
            priority = P_MAIN
        else:
            priority = P_DETAIL
        out.append((priority, line))
    return out


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


def _grade_gaps(
    key: ArgumentMap,
    submission: ArgumentMap,
    matched: dict[str, str],
    reverse: dict[str, str],
    rubric: Rubric,
    fb: _Feedback,
    items: list[Item],
    earned: dict[str, float],
    possible: dict[str, bool],
    skippable: Callable[[str], bool],
    detected: dict[str, frozenset[str]],
) -> None:
    def gap_anchors(node: str) -> frozenset[int]:
        if node in key.statements:
            return frozenset(key.statements[node].anchors)
        inf = key.inferences.get(node)
        if inf is None:
            return frozenset()
        return frozenset(p for s in inf.premises for p in key.statements[s].anchors)

    key_gaps = [
        g
        for g in key.gaps
        if not (g.node in key.statements and skippable(g.node) and g.node not in matched)
    ]
    possible["gaps"] = bool(key_gaps)
    sub_gaps: dict[str, set[str]] = {}
    for gap in submission.gaps:
        sub_gaps.setdefault(gap.node, set()).add(gap.kind)
    founded: set[str] = set()
    for gap in key_gaps:
        founded |= _gap_subjects(key, submission, gap.node, matched)
    # flags on matched statements where the key has none: unfounded, unless they end up
    # as a same-kind flag on a neighbour of a key gap (same paragraph)
    loose = [
        g
        for g in submission.gaps
        if g.node not in founded
        and (g.node in reverse or g.node in submission.inferences)
        # a gap the catalogue finds on the key's statement is founded, annotated or not
        and g.kind not in detected.get(reverse.get(g.node, ""), frozenset())
    ]
    # one flag is credited once: a kind found for one key gap of a statement cannot also
    # earn the partial credit of another key gap there
    found_on: dict[str, set[str]] = {}
    for gap in key_gaps:
        for subject in _gap_subjects(key, submission, gap.node, matched):
            if gap.kind in sub_gaps.get(subject, set()):
                found_on.setdefault(subject, set()).add(gap.kind)
    used_loose: set[int] = set()
    credit = 0.0
    unflagged: dict[str, dict[str, tuple[int, ...]]] = {}
    found_kinds: list[str] = []
    for gap in key_gaps:
        tag = f"gap:{gap.node}:{gap.kind}"
        subjects = _gap_subjects(key, submission, gap.node, matched)
        kinds = set().union(*(sub_gaps.get(s, set()) for s in subjects)) if subjects else set()
        where = _where(key, gap.node) if gap.node in key.statements else f"the inference {gap.node}"
        if gap.kind in kinds:
            credit += 1.0
            items.append(Item(tag, "found"))
            found_kinds.append(gap.kind)
            continue
        kinds -= set().union(*(found_on.get(s, set()) for s in subjects)) if subjects else set()
        near = gap_anchors(gap.node)
        neighbour = next(
            (
                i
                for i, g in enumerate(loose)
                if i not in used_loose
                and g.kind == gap.kind
                and g.node in submission.statements
                and near & set(submission.statements[g.node].anchors)
            ),
            None,
        )
        if kinds or neighbour is not None:
            credit += rubric.other_kind_credit
            items.append(Item(tag, "partly"))
            if neighbour is not None and not kinds:
                used_loose.add(neighbour)
                fb.miss(
                    P_GAP,
                    f"You flagged {gap.kind} in {where}, but on another statement: the key has "
                    f"it on {_snippet(key, gap.node) if gap.node in key.statements else gap.node}.",
                )
            else:
                fb.miss(
                    P_GAP,
                    f"You flagged {where} as {', '.join(sorted(kinds))}; the key has "
                    f"{gap.kind} there.",
                )
            continue
        items.append(Item(tag, "missing"))
        unflagged.setdefault(gap.kind, {}).setdefault(where, tuple(sorted(near)) or (0,))
    for kind, places in unflagged.items():
        ordered = sorted(places, key=lambda w: (places[w], w))
        fb.miss(P_GAP, f"You did not flag the {kind} gap in {'; '.join(ordered)}.")
    unfounded = [g for i, g in enumerate(loose) if i not in used_loose]
    if found_kinds:
        fb.right.append(
            f"You flagged {len(found_kinds)} of the key's {len(key_gaps)} gaps "
            f"({', '.join(sorted(set(found_kinds)))})."
        )
    if unfounded and key_gaps:
        credit = max(0.0, credit - rubric.unfounded_flag_cost * len(unfounded))
        cited = sorted(
            {
                p
                for g in unfounded
                if g.node in submission.statements
                for p in submission.statements[g.node].anchors
            }
        )
        where = f" ({_paragraphs(cited)})" if cited else ""
        fb.miss(
            P_FLAG,
            f"{len(unfounded)} of your gap flags {'is' if len(unfounded) == 1 else 'are'} on "
            f"statements where the key has no gap{where}: each costs {rubric.unfounded_flag_cost:g} of a missed gap; flag what you "
            "can argue for.",
        )
    earned["gaps"] = credit / len(key_gaps) if key_gaps else 0.0


# --- batches ----------------------------------------------------------------------------------


#: Below this many submissions one process grades them all (starting workers costs more).
PARALLEL_FROM = 64


def grade_files(
    key: ArgumentMap,
    files: Iterable[str | Path],
    *,
    load: Callable[[str | Path], ArgumentMap],
    progress: Callable[[str], None] | None = None,
    rubric: Rubric | None = None,
    jobs: int = 1,
) -> list[Result]:
    """Grade each file in order; one that cannot be read gets a result with its error.

    With ``jobs`` above 1 (and at least :data:`PARALLEL_FROM` files) the files
    are graded by that many worker processes, in chunks; the results and their
    order are the same as with one process. ``load`` must then be picklable
    (a module-level function or a :func:`functools.partial` of one).
    """
    paths = [str(p) for p in files]
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        return _parallel(key, paths, load, progress, rubric, jobs)
    grader = _Grader(key, load, rubric)
    results = []
    for name in paths:
        results.append(grader(name))
        if progress is not None:
            progress(name)
    return results


class _Grader:
    def __init__(
        self, key: ArgumentMap, load: Callable[[str | Path], ArgumentMap], rubric: Rubric | None
    ) -> None:
        self.key, self.load, self.rubric = key, load, rubric
        self.aligner = Aligner(key)

    def __call__(self, name: str) -> Result:
        from argmap.errors import ArgmapError, InternalError

        try:
            submission = self.load(name)
            return grade_map(
                self.key, submission, file=name, rubric=self.rubric, aligner=self.aligner
            )
        except ArgmapError as exc:
            return Result(name, None, {}, [], str(exc))
        except Exception as exc:  # a bug on one submission must not cost the class its grades
            return Result(name, None, {}, [], str(InternalError.on_file(name, exc)))


_WORKER: _Grader | None = None


def _init_worker(
    key: ArgumentMap, load: Callable[[str | Path], ArgumentMap], rubric: Rubric | None
) -> None:
    global _WORKER
    _WORKER = _Grader(key, load, rubric)


def _grade_chunk(names: list[str]) -> list[Result]:
    assert _WORKER is not None
    return [_WORKER(name) for name in names]


def _parallel(
    key: ArgumentMap,
    paths: list[str],
    load: Callable[[str | Path], ArgumentMap],
    progress: Callable[[str], None] | None,
    rubric: Rubric | None,
    jobs: int,
) -> list[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(8, len(paths) // (jobs * 8))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    # "spawn" would re-import argmap in every worker; "forkserver" starts clean and cheap
    context = multiprocessing.get_context("forkserver")
    out: list[Result] = []
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(key, load, rubric),
    ) as pool:
        for chunk, results in zip(chunks, pool.map(_grade_chunk, chunks), strict=True):
            out.extend(results)
            if progress is not None:
                for name in chunk:
                    progress(name)
    return out


def grade_all(
    key: ArgumentMap, maps: Sequence[tuple[str, ArgumentMap]], rubric: Rubric | None = None
) -> list[Result]:
    """Grade already loaded maps (name, map) with one aligner."""
    aligner = Aligner(key)
    return [grade_map(key, m, file=name, rubric=rubric, aligner=aligner) for name, m in maps]
