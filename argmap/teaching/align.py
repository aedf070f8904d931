"""Which statement of a student's map says what which statement of the key says: alignment by meaning.

The signals a teacher uses, combined per pair (key statement, student statement):

* **text**: a weighted Dice coefficient of the two statements' content terms
  (:func:`argmap.teaching.wording.terms`: stemmed, synonyms merged), each
  term weighted by its inverse document frequency over the key's statements,
  the source text's paragraphs and the student's statements. A topic word
  that every paragraph uses ("Iran", "council") weighs little; the words that
  make a statement this statement weigh most. The best over the key's text,
  quote and ``alternatives`` against the student's text and quote counts.
* **anchor**: how far the paragraph anchors agree (mean of Jaccard and
  overlap coefficient); left out when either has none.
* **kind**: 1 for the same kind (claim, evidence, assumption), 0.5 for a
  claim against an assumption (students rarely mark what is implicit), else 0.
* **structure**: a second round credits a pair whose parents are already
  matched to each other (a child of a matched parent).

``score = 0.40 anchor + 0.50 text + 0.10 kind`` (anchor left out and the rest
rescaled when missing), plus :data:`PARENT_BONUS` in the second round. A pair
can match when the score reaches :data:`THRESHOLD` and the text similarity
reaches :data:`MIN_TEXT_ANCHORED` when the anchors share a paragraph, else
:data:`MIN_TEXT`: the same paragraph lowers the bar for the wording, never
replaces it. Pairs are taken greedily, best first (ties: key order, then
student order), each statement at most once.

Candidates come from an index of the key's wordings by term (a pair with no
term in common has no text similarity and cannot match); terms in more than
a fifth of a big key's statements are left out of the index, not of the
score. The weighted overlaps of a student's statement with every key
statement come from one pass over its terms' postings, so two
1,000-statement maps align in about a second instead of comparing a
million pairs.

:class:`Signals` switches signals off for the benchmark's ablation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import ArgumentMap, InferenceKind, StatementKind
from argmap.teaching.wording import terms

ANCHOR_WEIGHT = 0.40
TEXT_WEIGHT = 0.50
KIND_WEIGHT = 0.10
PARENT_BONUS = 0.10
THRESHOLD = 0.30
MIN_TEXT = 0.34
MIN_TEXT_ANCHORED = 0.18
#: Below this text similarity a pair cannot pass, not even with the parent bonus.
_FLOOR = MIN_TEXT_ANCHORED - PARENT_BONUS / 2
#: Below this size every pair is scored; above it candidates come from the indexes.
ALL_PAIRS_UP_TO = 150


@dataclass(frozen=True)
class Signals:
    """Which signals alignment uses (all by default; the benchmark's ablation turns them off)."""

    anchors: bool = True
    structure: bool = True
    kind: bool = True
    synonyms: bool = True
    #: read the conclusion's stance (used by the grader, not by alignment)
    polarity: bool = True


@dataclass(frozen=True, slots=True)
class Node:
    """What alignment needs to know about one statement."""

    id: str
    order: int
    role: str
    kind: str
    anchors: frozenset[int]
    variants: tuple[frozenset[str], ...]  # terms of the text, the quote, each alternative
    parents: tuple[str, ...]  # the statements it supports or attacks


def roles(argmap: ArgumentMap) -> dict[str, str]:
    """Each statement's role at its first appearance in the tree from the conclusion.

    ``conclusion``; ``reason`` (a claim that supports); ``evidence``;
    ``assumption`` (an implicit premise); ``objection`` (anything that
    attacks: objections, rebuttals, undercuts); ``unconnected``.
    """
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


def nodes_of(argmap: ArgumentMap, *, merge: bool = True) -> list[Node]:
    """The map's statements as alignment :class:`Node` objects, in map order."""
    role = roles(argmap)
    out = []
    for order, (sid, st) in enumerate(argmap.statements.items()):
        variants = [terms(st.text, merge)]
        variants += [terms(t, merge) for t in (st.quote, *st.alternatives) if t]
        kind = (
            "assumption"
            if st.is_assumption
            else ("evidence" if st.kind is StatementKind.EVIDENCE else "claim")
        )
        out.append(
            Node(
                sid,
                order,
                role[sid],
                kind,
                frozenset(st.anchors),
                tuple(v for v in variants if v) or (frozenset(),),
                tuple(argmap.parents(sid)),
            )
        )
    return out


class Aligner:
    """Aligns one key with any number of submissions (the key's side is computed once)."""

    def __init__(self, key: ArgumentMap, signals: Signals | None = None) -> None:
        self.key = key
        self.signals = signals or Signals()
        self.nodes = nodes_of(key, merge=self.signals.synonyms)
        self.by_id = {n.id: n for n in self.nodes}
        docs = [v for n in self.nodes for v in n.variants]
        docs += [terms(p, self.signals.synonyms) for p in key.paragraphs()]
        self._key_docs = docs
        # every variant of every key statement, indexed by term: the weighted overlap of a
        # student's variant with all key variants is one pass over its terms' postings
        self._variants: list[tuple[int, frozenset[str]]] = [
            (i, v) for i, node in enumerate(self.nodes) for v in node.variants
        ]
        postings: dict[str, list[int]] = {}
        for vi, (_, v) in enumerate(self._variants):
            for t in v:
                postings.setdefault(t, []).append(vi)
        # a term in very many statements of a big key ("Iran") is left out of the index and
        # added to the overlap of the candidates afterwards: it never makes a candidate
        limit = (
            len(self._variants)
            if len(self.nodes) <= ALL_PAIRS_UP_TO
            else max(40, len(self._variants) // 5)
        )
        self._postings = {t: v for t, v in postings.items() if len(v) <= limit}
        self._common = frozenset(t for t, v in postings.items() if len(v) > limit)
        self._detected: dict[str, frozenset[str]] | None = None
        self._key_df: dict[str, int] | None = None

    @property
    def detected(self) -> dict[str, frozenset[str]]:
        """Key node -> the names of the gaps the catalogue's rules detect on it (computed once).

        A student who flags one of these has a founded flag, even where the
        teacher did not annotate it: it earns nothing and costs nothing.
        """
        if self._detected is None:
            from argmap.analysis.gaps import find_gaps

            out: dict[str, set[str]] = {}
            for gap in find_gaps(self.key):
                if gap.origin == "detected":
                    out.setdefault(gap.node, set()).add(gap.name)
            self._detected = {k: frozenset(v) for k, v in out.items()}
        return self._detected

    def weights(self, sub: Sequence[Node]) -> dict[str, float]:
        """Inverse document frequencies over the key's documents and the student's statements."""
        if self._key_df is None:
            self._key_df = {}
            for doc in self._key_docs:
                for t in doc:
                    self._key_df[t] = self._key_df.get(t, 0) + 1
        df = dict(self._key_df)
        n = len(self._key_docs)
        for node in sub:
            for doc in node.variants:
                n += 1
                for t in doc:
                    df[t] = df.get(t, 0) + 1
        return {t: math.log(1 + n / c) for t, c in df.items()}

    def _overlaps(
        self, node: Node, weight: dict[str, float], top: float, totals: list[float]
    ) -> dict[int, float]:
        """Key statement index -> the best weighted Dice of ``node`` with its variants."""
        best: dict[int, float] = {}
        for b in node.variants:
            wb = math.fsum(weight.get(t, top) for t in b)
            acc: dict[int, float] = {}
            for t in sorted(b):  # a fixed order: float sums must not depend on str hashing
                hits = self._postings.get(t)
                if hits:
                    w = weight.get(t, top)
                    for vi in hits:
                        acc[vi] = acc.get(vi, 0.0) + w
            common = b & self._common
            for vi, shared in acc.items():
                i, v = self._variants[vi]
                if common:
                    shared += math.fsum(weight.get(t, top) for t in sorted(common & v))
                value = 2 * shared / (totals[vi] + wb)
                if value > best.get(i, 0.0):
                    best[i] = value
        return best

    def align(self, submission: ArgumentMap) -> dict[str, str]:
        """Key id -> submission id."""
        sub = nodes_of(submission, merge=self.signals.synonyms)
        return self.align_nodes(sub)

    def align_nodes(self, sub: Sequence[Node]) -> dict[str, str]:
        weight = self.weights(sub)
        top = max(weight.values(), default=1.0)
        totals = [math.fsum(weight.get(t, top) for t in v) for _, v in self._variants]
        pairs: list[tuple[float, int, int, float, bool]] = []  # -score, k, s, text, anchored
        scored: dict[tuple[int, int], tuple[float, float, bool]] = {}
        for j, s in enumerate(sub):
            for i, text in self._overlaps(s, weight, top, totals).items():
                if text < _FLOOR:
                    continue  # too far apart to pass even with the structure bonus
                k = self.nodes[i]
                score, anchored = self._score(k, s, text)
                scored[(i, j)] = (score, text, anchored)
                if _passes(score, text, anchored):
                    pairs.append((-score, i, j, text, anchored))
        matched = _greedy(pairs)
        if self.signals.structure:
            # second round: a child of matched parents is probably the matching child
            key_index = {n.id: i for i, n in enumerate(self.nodes)}
            sub_index = {n.id: j for j, n in enumerate(sub)}
            pair_of = dict(matched)
            used = {j for _, j in matched}
            more: list[tuple[float, int, int, float, bool]] = []
            for (i, j), (score, text, anchored) in scored.items():
                if i in pair_of or j in used:
                    continue
                k, s = self.nodes[i], sub[j]
                kp = {key_index[p] for p in k.parents if p in key_index}
                sp = {sub_index[p] for p in s.parents if p in sub_index}
                if any(pair_of.get(p) in sp for p in kp):
                    bonus = score + PARENT_BONUS
                    if _passes(bonus, text + PARENT_BONUS / 2, anchored):
                        more.append((-bonus, i, j, text, anchored))
            taken = {i for i, _ in matched}
            for i, j in _greedy(more):
                if i not in taken and j not in used:
                    matched.append((i, j))
                    taken.add(i)
                    used.add(j)
        return {self.nodes[i].id: sub[j].id for i, j in matched}

    def _score(self, k: Node, s: Node, text: float) -> tuple[float, bool]:
        kind = _kind(k.kind, s.kind) if self.signals.kind else 0.0
        kind_w = KIND_WEIGHT if self.signals.kind else 0.0
        anchor = _anchor(k.anchors, s.anchors) if self.signals.anchors else None
        if anchor is None:
            return (TEXT_WEIGHT * text + kind_w * kind) / (TEXT_WEIGHT + kind_w), False
        total = (ANCHOR_WEIGHT * anchor + TEXT_WEIGHT * text + kind_w * kind) / (
            ANCHOR_WEIGHT + TEXT_WEIGHT + kind_w
        )
        return total, anchor > 0


def _passes(score: float, text: float, anchored: bool) -> bool:
    return score >= THRESHOLD and text >= (MIN_TEXT_ANCHORED if anchored else MIN_TEXT)


def _greedy(pairs: list[tuple[float, int, int, float, bool]]) -> list[tuple[int, int]]:
    pairs.sort()
    out: list[tuple[int, int]] = []
    used_k: set[int] = set()
    used_s: set[int] = set()
    for _, i, j, _, _ in pairs:
        if i in used_k or j in used_s:
            continue
        out.append((i, j))
        used_k.add(i)
        used_s.add(j)
    return out


def _kind(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if {a, b} == {"claim", "assumption"}:
        return 0.5
    return 0.0


def _anchor(a: frozenset[int], b: frozenset[int]) -> float | None:
    """Mean of Jaccard and overlap coefficient; ``None`` when either has no anchor."""
    if not a or not b:
        return None
    common = len(a & b)
    return (common / len(a | b) + common / min(len(a), len(b))) / 2


def _text(
    key: tuple[frozenset[str], ...],
    key_totals: tuple[float, ...],
    sub: tuple[frozenset[str], ...],
    sub_totals: tuple[float, ...],
    weight: dict[str, float],
    top: float,
) -> float:
    """The best weighted Dice coefficient over the variants (totals: each variant's weight)."""
    best = 0.0
    for a, wa in zip(key, key_totals, strict=True):
        for b, wb in zip(sub, sub_totals, strict=True):
            common = a & b
            if common:
                value = 2 * math.fsum(weight.get(t, top) for t in common) / (wa + wb)
                if value > best:
                    best = value
    return best


def text_similarity(one: str, other: str, weight: dict[str, float] | None = None) -> float:
    """The weighted Dice coefficient of two texts' terms (unit weights unless given)."""
    w = weight or {}
    a, b = terms(one), terms(other)

    ta, tb = math.fsum(w.get(t, 1.0) for t in a), math.fsum(w.get(t, 1.0) for t in b)
    return _text((a,), (ta,), (b,), (tb,), w, 1.0)
