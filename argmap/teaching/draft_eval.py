"""Scoring drafted skeletons against gold argument graphs, with the arg-microtexts measures.

The gold is an arg-microtexts XML file (Peldszus & Stede): argumentative
units (ADUs) made of EDUs, each with its role (pro/opp) and one outgoing
relation. Both the gold graph and a draft are reduced, as in Peldszus'
``evidencegraph`` code, to a dependency tree over units: every unit but the
central claim has one parent and one function, ``sup`` (support, example,
linked premise) or ``att`` (rebuttal, undercut); an undercut or a linked
premise hangs from the source unit of the relation it targets.

A draft is scored per gold unit. Each gold unit is mapped to the drafted
unit that covers most of its tokens (ties: the earlier drafted unit); then

* ``cc``: is the unit the central claim (gold) / the drafted conclusion (draft)?
* ``ro``: its role, pro or opp (in the draft: pro unless an odd number of
  attacks lie on its path to the conclusion);
* ``fu``: its function, ``cc``, ``sup`` or ``att``;
* ``at``: for every ordered pair of distinct gold units (i, j), is j the
  parent of i? (in the draft: is the unit of j the parent of the unit of i?)

are each scored as macro-averaged F1 over the pooled units of all texts
(``evidencegraph``'s ``eval_prediction``). A gold unit no drafted unit covers
gets the label ``none``, which counts as a miss but is not a class of its
own in the average. Besides: *attachment accuracy*, the share of gold units
whose drafted unit hangs under the drafted unit of their gold parent (the
central claim: is the drafted conclusion), and *conclusion found*, the share
of texts whose drafted conclusion covers at least 60% of the tokens of the
gold central claim.

Drafts are given as :class:`Draft` (units as character spans of the text,
each with its parent and function); :func:`draft_of_map` turns a drafted map
(as ``argmap new --from`` writes it) into one by finding each statement's
text in its paragraph. Nothing here prints.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import ArgumentMap, InferenceKind

#: The share of the gold central claim's tokens the drafted conclusion must cover.
CONCLUSION_COVERAGE = 0.6
#: Levels scored by macro-F1, in the order the field reports them.
LEVELS = ("cc", "ro", "fu", "at")
NONE = "none"

_TOKEN = re.compile(r"\w+|[^\w\s]")
_FUNCTION = {"sup": "sup", "exa": "sup", "add": "sup", "reb": "att", "und": "att"}


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of a draft: a span of the text, its parent unit (``None``: the root) and function."""

    start: int
    end: int
    parent: int | None
    function: str  # "cc" for the root, "sup" or "att"


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted tree over spans of a text; ``root`` is the index of the drafted conclusion."""

    units: tuple[Unit, ...]
    root: int | None


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold tree: each unit's token indices, parent (index), function and role."""

    name: str
    text: str
    tokens: tuple[tuple[int, int], ...]  # (start, end) character spans of the text's tokens
    unit_tokens: tuple[frozenset[int], ...]
    parents: tuple[int | None, ...]
    functions: tuple[str, ...]
    roles: tuple[str, ...]

    @property
    def root(self) -> int:
        return self.parents.index(None)


@dataclass
class Scores:
    """Pooled labels of many texts, and the per-text counts, for one system."""

    gold: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in LEVELS})
    pred: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in LEVELS})
    texts: int = 0
    found: int = 0
    units: int = 0
    attached: int = 0
    #: the names of the texts whose conclusion was found
    found_in: list[str] = field(default_factory=list)

    def macro_f1(self, level: str) -> float:
        return macro_f1(self.gold[level], self.pred[level])

    @property
    def conclusion_found(self) -> float:
        return self.found / self.texts if self.texts else 0.0

    @property
    def attachment_accuracy(self) -> float:
        return self.attached / self.units if self.units else 0.0

    def row(self) -> dict[str, float]:
        """The figures of a table row: conclusion found, the four macro-F1s, attachment accuracy."""
        out = {"conclusion": self.conclusion_found}
        out.update({level: self.macro_f1(level) for level in LEVELS})
        out["attachment"] = self.attachment_accuracy
        return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-averaged F1 over the labels seen (``none`` is never a class of its own)."""
    labels = sorted((set(gold) | set(pred)) - {NONE})
    if not labels:
        return 0.0
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        predicted = sum(1 for p in pred if p == label)
        actual = sum(1 for g in gold if g == label)
        if tp:
            precision, recall = tp / predicted, tp / actual
            total += 2 * precision * recall / (precision + recall)
    return total / len(labels)


def tokens_of(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the words and punctuation marks of ``text``."""
    return tuple((m.start(), m.end()) for m in _TOKEN.finditer(text))


def read_gold(xml_path: Path, text: str) -> Gold:
    """The gold tree of an arg-microtexts file, its units located in ``text`` (the .txt file)."""
    root = ET.parse(xml_path).getroot()
    edus = {e.get("id", ""): " ".join((e.text or "").split()) for e in root.iter("edu")}
    adus = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {e.get("id", ""): e.attrib for e in root.iter("edge")}
    parts: dict[str, list[str]] = {}
    for edge in edges.values():
        if edge["type"] == "seg":
            parts.setdefault(edge["trg"], []).append(edge["src"])
    # the EDUs' tokens, in order, are the text's tokens
    tokens = tokens_of(text)
    edu_tokens: dict[str, frozenset[int]] = {}
    at = 0
    words = [text[s:e] for s, e in tokens]
    for eid, edu in edus.items():
        mine = [m.group() for m in _TOKEN.finditer(edu)]
        if words[at : at + len(mine)] != mine:
            raise ValueError(f"{xml_path}: EDU {eid} is not where the text has it")
        edu_tokens[eid] = frozenset(range(at, at + len(mine)))
        at += len(mine)

    def members(unit: str) -> frozenset[int]:
        out: set[int] = set()
        stack = [unit]
        while stack:
            item = stack.pop()
            if item in edu_tokens:
                out |= edu_tokens[item]
            else:
                stack.extend(parts.get(item, []))
        return frozenset(out)

    order = list(adus)
    index = {aid: i for i, aid in enumerate(order)}
    parents: list[int | None] = [None] * len(order)
    functions = ["cc"] * len(order)
    for edge in edges.values():
        kind = edge["type"]
        if kind == "seg":
            continue
        target = edge["trg"]
        while target in edges:  # an undercut or linked premise: the source of the edge it targets
            target = edges[target]["src"]
        parents[index[edge["src"]]] = index[target]
        functions[index[edge["src"]]] = _FUNCTION[kind]
    return Gold(
        xml_path.stem,
        text,
        tokens,
        tuple(members(a) for a in order),
        tuple(parents),
        tuple(functions),
        tuple(adus[a] for a in order),
    )


def read_structure(entry: Mapping[str, object]) -> Gold:
    """The gold tree of a text given as its units (``tests/data/short-structures.yaml``): the
    text is the units' texts joined by spaces; each unit has an ``id`` and, but the claim, a
    ``parent`` id and a ``function`` (``sup`` or ``att``); roles follow from the attacks on a
    unit's way to the claim."""
    name = str(entry.get("name", "?"))
    units = entry.get("units")
    if not isinstance(units, list) or not units:
        raise ValueError(f"{name}: no units")
    texts = [" ".join(str(u["text"]).split()) for u in units]
    text = " ".join(texts)
    tokens = tokens_of(text)
    index = {u["id"]: i for i, u in enumerate(units)}
    unit_tokens: list[frozenset[int]] = []
    at = 0
    for piece in texts:
        count = len(tokens_of(piece))
        unit_tokens.append(frozenset(range(at, at + count)))
        at += count
    parents: list[int | None] = []
    functions: list[str] = []
    for u in units:
        if "parent" not in u:
            parents.append(None)
            functions.append("cc")
            continue
        if u["parent"] not in index or u.get("function") not in ("sup", "att"):
            raise ValueError(f"{name}: unit {u['id']}: a parent among the ids and sup or att")
        parents.append(index[u["parent"]])
        functions.append(str(u["function"]))
    if parents.count(None) != 1:
        raise ValueError(f"{name}: {parents.count(None)} units without a parent, not one claim")
    roles: list[str] = []
    for i in range(len(units)):
        attacks, current, seen = 0, i, set()
        while parents[current] is not None and current not in seen:
            seen.add(current)
            attacks += functions[current] == "att"
            current = parents[current]  # type: ignore[assignment]
        if parents[current] is not None:
            raise ValueError(f"{name}: the parents of unit {units[i]['id']} go round in a circle")
        roles.append("opp" if attacks % 2 else "pro")
    return Gold(
        name, text, tokens, tuple(unit_tokens), tuple(parents), tuple(functions), tuple(roles)
    )


def evaluate_structures(
    entries: Iterable[Mapping[str, object]], system: Callable[[str], Draft]
) -> Scores:
    """Score ``system`` (text -> draft) on texts given as their gold units (:func:`read_structure`)."""
    scores = Scores()
    for entry in entries:
        gold = read_structure(entry)
        score(gold, system(gold.text), scores)
    return scores


def roles_of(draft: Draft) -> list[str]:
    """Each drafted unit's role: pro, or opp when an odd number of attacks lead to the root."""
    out: list[str] = []
    for i in range(len(draft.units)):
        attacks, seen = 0, set()
        current: int | None = i
        while current is not None and current not in seen:
            seen.add(current)
            unit = draft.units[current]
            attacks += unit.function == "att"
            current = unit.parent
        out.append("opp" if attacks % 2 else "pro")
    return out


def score(gold: Gold, draft: Draft, into: Scores) -> None:
    """Add one text's labels and counts to ``into``."""
    covers: list[frozenset[int]] = []
    for unit in draft.units:
        covers.append(
            frozenset(k for k, (s, e) in enumerate(gold.tokens) if s < unit.end and e > unit.start)
        )
    mapped: list[int | None] = []
    for wanted in gold.unit_tokens:
        best, best_overlap = None, 0
        for j, cover in enumerate(covers):
            overlap = len(wanted & cover)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        mapped.append(best)
    roles = roles_of(draft)
    n = len(gold.unit_tokens)
    into.texts += 1
    claim = gold.unit_tokens[gold.root]
    if draft.root is not None and claim:
        if len(claim & covers[draft.root]) / len(claim) >= CONCLUSION_COVERAGE:
            into.found += 1
            into.found_in.append(gold.name)
    for i in range(n):
        m = mapped[i]
        into.gold["cc"].append(str(gold.parents[i] is None))
        into.gold["ro"].append(gold.roles[i])
        into.gold["fu"].append(gold.functions[i])
        if m is None:
            into.pred["cc"].append(NONE)
            into.pred["ro"].append(NONE)
            into.pred["fu"].append(NONE)
        else:
            into.pred["cc"].append(str(m == draft.root))
            into.pred["ro"].append(roles[m])
            into.pred["fu"].append(draft.units[m].function)
        for j in range(n):
            if i == j:
                continue
            into.gold["at"].append(str(gold.parents[i] == j))
            mj = mapped[j]
            linked = m is not None and mj is not None and m != mj and draft.units[m].parent == mj
            into.pred["at"].append(str(linked))
        into.units += 1
        parent = gold.parents[i]
        if parent is None:
            into.attached += m is not None and m == draft.root
        else:
            mp = mapped[parent]
            into.attached += (
                m is not None and mp is not None and m != mp and draft.units[m].parent == mp
            )


def draft_of_map(argmap: ArgumentMap, text: str) -> Draft:
    """A drafted map as a :class:`Draft`: each statement found, verbatim, in its paragraph.

    A statement whose text is not in its paragraph is looked for by its quote;
    one found by neither covers nothing. Of several occurrences, the first
    not already taken by another statement is used.
    """
    starts: list[int] = []
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            starts.append(at + len(line) - len(line.lstrip()))
        at += len(line)
    ids = list(argmap.statements)
    index = {sid: i for i, sid in enumerate(ids)}
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for sid in ids:
        statement = argmap.statements[sid]
        span = (0, 0)
        paragraph = int((statement.at or "1").split("-")[0].split(",")[0] or 1)
        if 1 <= paragraph <= len(starts):
            begin = starts[paragraph - 1]
            line_end = text.find("\n", begin)
            body = text[begin : line_end if line_end >= 0 else len(text)]
            for needle in (statement.text, statement.quote or ""):
                found = _free_occurrence(body, needle, begin, taken)
                if found is not None:
                    span = found
                    break
        spans.append(span)
        if span != (0, 0):
            taken.append(span)
    units: list[Unit] = []
    for sid, (start, end) in zip(ids, spans, strict=True):
        parent: int | None = None
        function = "cc"
        if sid != argmap.conclusion:
            for inference in argmap.outgoing(sid):
                target = argmap.statement_target(inference)
                if inference.kind is InferenceKind.UNDERCUT:
                    target = argmap.inferences[inference.target].premises[0]
                elif inference.premises[0] != sid:
                    target = inference.premises[0]  # a linked premise: under the first one
                if target in index:
                    parent = index[target]
                    function = "att" if inference.is_attack else "sup"
                    break
        units.append(Unit(start, end, parent, function))
    root = index.get(argmap.conclusion)
    return Draft(tuple(units), root)


def _free_occurrence(
    body: str, needle: str, offset: int, taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    if not needle:
        return None
    at = body.find(needle)
    while at >= 0:
        span = (offset + at, offset + at + len(needle))
        if not any(s < span[1] and span[0] < e for s, e in taken):
            return span
        at = body.find(needle, at + 1)
    return None


# --- the corpus split -----------------------------------------------------------------------


def is_held_out(name: str) -> bool:
    """Whether a text is in the held-out part: a third of the names, by their SHA-256."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 3 == 0


def corpus(folder: Path, part: str = "all") -> list[tuple[Path, Path]]:
    """The (text, gold) file pairs of a microtexts folder: ``all``, ``dev`` or ``held-out``."""
    pairs = [(t, t.with_suffix(".xml")) for t in sorted(folder.glob("*.txt"))]
    pairs = [(t, x) for t, x in pairs if x.is_file()]
    if part == "dev":
        return [(t, x) for t, x in pairs if not is_held_out(t.stem)]
    if part == "held-out":
        return [(t, x) for t, x in pairs if is_held_out(t.stem)]
    return pairs


# --- the systems ----------------------------------------------------------------------------


def skeleton_draft(text: str) -> Draft:
    """What ``argmap new --from`` drafts, read back from the YAML it writes."""
    from argmap.formats import native
    from argmap.teaching.skeleton import skeleton

    return draft_of_map(native.read("draft.yaml", text=skeleton(text, text_path=None)), text)


def _sentence_draft(
    text: str, root_of: Callable[[list[tuple[int, int, str]]], int], attack: Callable[[str], bool]
) -> Draft:
    from argmap.teaching.sentences import split_sentences

    sentences = [(s.start, s.end, s.text) for s in split_sentences(text)]
    if not sentences:
        return Draft((), None)
    root = root_of(sentences)
    units = tuple(
        Unit(start, end, None, "cc")
        if i == root
        else Unit(start, end, root, "att" if attack(body) else "sup")
        for i, (start, end, body) in enumerate(sentences)
    )
    return Draft(units, root)


_CUE_RULE = re.compile(r"\b(?:however|but|although)\b", re.IGNORECASE)


def first_sentence_draft(text: str) -> Draft:
    """Baseline: the first sentence is the claim, every other sentence supports it."""
    return _sentence_draft(text, lambda s: 0, lambda body: False)


def baseline_drafts() -> dict[str, Callable[[str], Draft]]:
    """The baselines: first sentence as claim; all pro; the cue-word rule (both with the guess)."""

    def guessed(text: str) -> Callable[[list[tuple[int, int, str]]], int]:
        from argmap.teaching.cues import analyse

        guess = analyse(text).guess

        def root_of(sentences: list[tuple[int, int, str]]) -> int:
            if guess is None:
                return 0
            for i, (_, _, body) in enumerate(sentences):
                if body == guess.text:
                    return i
            return 0

        return root_of

    return {
        "baseline: first sentence is the claim, the rest support it": first_sentence_draft,
        "baseline: all pro (the conclusion guess, the rest support it)": lambda text: (
            _sentence_draft(text, guessed(text), lambda body: False)
        ),
        "baseline: cue words (a sentence with however/but/although attacks)": lambda text: (
            _sentence_draft(text, guessed(text), lambda body: bool(_CUE_RULE.search(body)))
        ),
    }


@contextlib.contextmanager
def ablated(features: Iterable[str]) -> Iterator[None]:
    """Within the block, the conclusion guess runs without these features (weight 0)."""
    from argmap.teaching import cues

    names = list(features)
    unknown = [name for name in names if name not in cues.WEIGHTS]
    if unknown:
        raise ValueError(f"no conclusion feature {', '.join(unknown)}")
    saved = {name: cues.WEIGHTS[name] for name in names}
    try:
        for name in names:
            cues.WEIGHTS[name] = 0.0
        yield
    finally:
        cues.WEIGHTS.update(saved)


def evaluate(pairs: Iterable[tuple[Path, Path]], system: Callable[[str], Draft]) -> Scores:
    """Score ``system`` (text -> draft) on the (text, gold) pairs."""
    scores = Scores()
    for txt, xml in pairs:
        text = txt.read_text(encoding="utf-8")
        score(read_gold(xml, text), system(text), scores)
    return scores
