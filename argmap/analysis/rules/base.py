"""What a gap rule is, and the per-map context every rule reads.

A :class:`Rule` has a stable code and name, a default severity, a one-line
summary (for the catalogue), a hint for a student, and a ``check`` function
that yields ``(node, message)`` pairs. Rules never walk the graph on their
own when the :class:`Context` already knows the answer: the context computes
each shared fact (which side of the argument a node is on, which cue words a
statement holds, the evaluation) once, lazily, in linear time and without
recursion, so that all rules together stay linear on 100,000-statement maps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate

from argmap.analysis import lexicon
from argmap.analysis.base import Gap, node_anchors
from argmap.analysis.index import MapIndex
from argmap.analysis.walk import Walk, walk
from argmap.model import (
    ArgumentMap,
    Inference,
    InferenceKind,
    Severity,
    Statement,
    StatementKind,
)

#: A rule's check yields (node id, message) pairs; the message names the node.
Finding = tuple[str, str]
CheckFn = Callable[["Context"], Iterable[Finding]]

FAMILIES = {
    "S": "structural",
    "Q": "evidence quality",
    "T": "text cues",
    "K": "critical questions",
    "A": "annotated",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of gap a rule detects."""

    code: str
    name: str
    severity: Severity
    summary: str
    hint: str
    check: CheckFn

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]

    def run(self, ctx: Context) -> Iterator[Gap]:
        anchors = ctx.anchors
        for node, message in self.check(ctx):
            at = anchors.get(node)
            if at is None:
                at = anchors[node] = node_anchors(ctx.map, node)
            yield Gap(self.code, self.name, self.severity, node, message, self.hint, "detected", at)


def rule(
    code: str, name: str, severity: Severity, summary: str, hint: str
) -> Callable[[CheckFn], Rule]:
    """Make a check function into a :class:`Rule` (used as a decorator in the family modules)."""

    def wrap(check: CheckFn) -> Rule:
        return Rule(code, name, severity, summary, hint, check)

    return wrap


# --- text helpers ------------------------------------------------------------------------------

# The lexicon matches a one-word cue where a run of word characters, apostrophes (any of the
# typographic ones) and hyphens starts with that word, followed by nothing or an apostrophe
# ("experts' view"): the "head" of the run, which this finds in one pass.
_HEAD = re.compile(r"(?<![\w'\u2019\u00b4\u02bc\u2018`-])[\w-]+")
#: Kinds whose one-word cues the fast path may match itself: the lexicon applies no extra test
#: to them, except to the words in SPECIAL (and to every phrase), which go to the lexicon.
FAST_KINDS = (
    lexicon.HEDGE,
    lexicon.OVERCLAIM,
    lexicon.VAGUE_QUANTIFIER,
    lexicon.PRESENT_TIME,
    lexicon.PAST_TIME,
)
#: One-word cues the lexicon tests further, and only in a text with a digit ("May 2017").
SPECIAL = {lexicon.HEDGE: frozenset({"may"})}
_DIGIT = re.compile(r"\d")


@cache
def _table(kinds: tuple[str, ...]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Word -> (kind, how) for every quiet cue list of ``kinds``.

    ``how`` is 0 for a one-word cue the fast path takes as it is, 1 for a
    special word (to the lexicon when the text has a digit), 2 for a word that
    sends the text to the lexicon (a phrase's longest word; any cue of a kind
    outside FAST_KINDS): a phrase can match only where its longest word does.
    """
    table: dict[str, list[tuple[str, int]]] = {}
    for kind in kinds:
        quiet = lexicon.GAP_QUIET.get(kind, frozenset())
        special = SPECIAL.get(kind, frozenset())
        for phrase in lexicon.WORDS[kind]:
            if phrase in quiet:
                continue
            parts = lexicon.normalize(phrase).lower().split()
            word = max(parts, key=len)
            if len(parts) > 1 or kind not in FAST_KINDS:
                how = 2
            else:
                how = 1 if word in special else 0
            entries = table.setdefault(word, [])
            if (kind, how) not in entries:
                entries.append((kind, how))
    return {word: tuple(entries) for word, entries in table.items()}


def heads(text: str) -> list[str]:
    """The heads of the text's runs (see ``_HEAD``), in lower case and in order."""
    return _HEAD.findall(text.lower())


def scan(text: str, kinds: tuple[str, ...], words: list[str] | None = None) -> dict[str, list[str]]:
    """``{kind: lexicon.has(text, kind, quiet=True)}`` for ``kinds``, in one pass over the words.

    One-word cues are found by dictionary lookups; a text where a phrase (or
    a word the lexicon tests further) might match goes to the lexicon's
    matcher for that kind. ``tests/test_rules_lexicon.py`` checks both agree.
    """
    table = _table(kinds)
    if words is None:
        words = heads(text)
    hits = table.keys() & words  # most texts have no cue at all: one set operation says so
    if not hits:
        return {kind: [] for kind in kinds}
    return _found(text, kinds, sorted(hits, key=words.index) if len(hits) > 1 else hits)


def _found(text: str, kinds: tuple[str, ...], hits: Iterable[str]) -> dict[str, list[str]]:
    """:func:`scan`'s answer, from the cue words of ``kinds`` that are heads of the text
    (``hits``, each once, in the order they first come)."""
    table = _table(kinds)
    found: dict[str, list[str]] = {kind: [] for kind in kinds}
    slow: set[str] = set()
    digit: bool | None = None
    for word in hits:
        for kind, how in table[word]:
            if how == 1:
                if digit is None:
                    digit = _DIGIT.search(text) is not None
                how = 2 if digit else 0
            if how == 2:
                slow.add(kind)
            else:
                found[kind].append(word)
    for kind in slow:
        found[kind] = lexicon.has(text, kind, quiet=True)
    return found


#: A trie of words: letter -> the trie of what follows ("" marks a word's end).
_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, their common prefixes factored out:
    the engine then tries a few letters at a word's start, not every word in turn."""
    root: _Trie = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(k) + pattern(node[k]) for k in sorted(node) if k]
        if not branches:
            return ""
        if "" in node:
            return f"(?:{'|'.join(branches)})?"
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(root)


@cache
def _cue_heads(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """Where a cue word of ``kinds`` is a head (see ``_HEAD``), in lower-case text: the same
    boundary before it, nothing of a head after it."""
    words = [w for w in _table(kinds) if re.fullmatch(r"[\w-]+", w)]
    return re.compile(_HEAD.pattern.removesuffix(r"[\w-]+") + _trie(words) + r"(?![\w-])")


def scan_all(texts: Sequence[str], kinds: tuple[str, ...]) -> list[dict[str, list[str]] | None]:
    """:func:`scan` of every text (``None`` for a text with no cue word of ``kinds``).

    The texts are read in one pass of one regular expression over all of
    them (lower-cased, one a line), not word by word: on a 100,000-statement
    map most texts hold no cue at all, and then cost nothing in Python.
    """
    lowered = [text.lower() for text in texts]
    ends = list(accumulate(len(text) + 1 for text in lowered))
    hits: dict[int, list[str]] = {}
    k = 0
    for match in _cue_heads(kinds).finditer("\n".join(lowered)):
        start = match.start()
        if start >= ends[k]:
            k = bisect_right(ends, start, k)
        hits.setdefault(k, []).append(match.group())
    out: list[dict[str, list[str]] | None] = [None] * len(texts)
    for k, words in hits.items():
        out[k] = _found(texts[k], kinds, dict.fromkeys(words))
    return out


def cue_words(text: str, kind: str) -> list[str]:
    """``lexicon.has(text, kind, quiet=True)``, by the fast path of :func:`scan`."""
    return scan(text, (kind,))[kind]


#: The kinds the text-cue rules read: scanned together, once per statement.
RULE_KINDS = (lexicon.HEDGE, lexicon.OVERCLAIM, lexicon.VAGUE_QUANTIFIER)


def quote_words(words: Iterable[str]) -> str:
    """``"a", "b"``: cue words as a message shows them."""
    return ", ".join(f'"{w}"' for w in words)


def short(text: str, limit: int = 60) -> str:
    """The text on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --- the context ------------------------------------------------------------------------------


class Context:
    """Facts about one map that several rules share, each computed once on first use."""

    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self._scanned: tuple[dict[str, list[str]], dict[str, dict[str, list[str]]]] | None = None
        self._other: dict[tuple[str, str], list[str]] = {}
        self._words: dict[str, list[str]] = {}
        #: node id -> its paragraph anchors, for the gaps of several rules on one node
        self.anchors: dict[str, tuple[int, ...]] = {}

    # sides and roles ------------------------------------------------------------------------

    @cached_property
    def by_scheme(self) -> dict[str, list[Inference]]:
        """The inferences of each catalogued scheme (by the scheme's code), in map order: one
        pass for all the scheme rules, not one each."""
        from argmap.model.schemes import find_scheme

        out: dict[str, list[Inference]] = {}
        for inference in self.map.inferences.values():
            scheme = find_scheme(inference.scheme)
            if scheme is not None:
                out.setdefault(scheme.code, []).append(inference)
        return out

    @cached_property
    def index(self) -> MapIndex:
        """The map as numbered lists (see :mod:`argmap.analysis.index`), built once."""
        return MapIndex(self.map)

    @cached_property
    def walk(self) -> Walk:
        """Reading order and sides (see :mod:`argmap.analysis.walk`), found in one walk."""
        return walk(self.map, self.index)

    @property
    def sides(self) -> dict[str, bool]:
        """For every element connected to the conclusion: ``True`` when it argues for it."""
        return self.walk.sides

    @property
    def order(self) -> dict[str, int]:
        """Reading order of statements (and inferences) for reports: the tree, as ``show`` has it."""
        return self.walk.order

    @cached_property
    def supported(self) -> frozenset[str]:
        """Statements that at least one support inference targets (they have reasons/evidence)."""
        support = InferenceKind.SUPPORT
        return frozenset(i.target for i in self.map.inferences.values() if i.kind is support)

    @cached_property
    def evidence(self) -> list[Statement]:
        """The statements of kind evidence, in map order."""
        evidence = StatementKind.EVIDENCE
        return [s for s in self.map.statements.values() if s.kind is evidence]

    @cached_property
    def plain_claims(self) -> frozenset[str]:
        """Claims that need support: not evidence, not assumptions, not common ground."""
        claim = StatementKind.CLAIM
        return frozenset(
            sid
            for sid, s in self.map.statements.items()
            if s.kind is claim and not s.implicit and not s.given
        )

    def role(self, statement: str) -> str:
        """What a statement does in the map, in a word: conclusion, reason, evidence, objection..."""
        argmap, index = self.map, self.index
        if statement == argmap.conclusion:
            return "conclusion"
        node = argmap.statements[statement]
        if node.is_assumption:
            return "assumption"
        uses = index.outgoing[index.number[statement]]
        if not uses:
            return "evidence" if node.kind is StatementKind.EVIDENCE else "statement"
        first = uses[0]
        if index.support[first]:
            return "evidence" if node.kind is StatementKind.EVIDENCE else "reason"
        if index.target[first] >= index.statement_count:
            return "undercut"
        return "objection" if self.sides.get(index.ids[first]) is not True else "rebuttal"

    # cue words ------------------------------------------------------------------------------

    @staticmethod
    def words_of(statement: Statement) -> str:
        """The text a cue rule reads: the statement and, when there is one, its quotation."""
        if statement.quote:
            return f"{statement.text}\n{statement.quote}"
        return statement.text

    def text_words(self, statement: str) -> list[str]:
        """The heads of the words of the statement's text (see :func:`heads`), computed once."""
        words = self._words.get(statement)
        if words is None:
            words = self._words[statement] = heads(self.map.statements[statement].text)
        return words

    def cues(self, statement: str, kind: str) -> list[str]:
        """The distinct cue words of ``kind`` in the statement's text and quote (quiet list)."""
        if kind in RULE_KINDS:
            row = self._scan()[1].get(statement)
            return row[kind] if row is not None else []
        key = (statement, kind)
        found = self._other.get(key)
        if found is None:
            text = self.words_of(self.map.statements[statement])
            found = self._other[key] = cue_words(text, kind)
        return found

    def having(self, kind: str) -> list[str]:
        """The statements (in map order) whose text or quote has a cue of ``kind`` (RULE_KINDS)."""
        return self._scan()[0][kind]

    def _scan(self) -> tuple[dict[str, list[str]], dict[str, dict[str, list[str]]]]:
        # every statement, once, for the three kinds the text-cue rules read
        if self._scanned is None:
            having: dict[str, list[str]] = {kind: [] for kind in RULE_KINDS}
            rows: dict[str, dict[str, list[str]]] = {}
            statements = self.map.statements
            found = scan_all([self.words_of(s) for s in statements.values()], RULE_KINDS)
            for sid, row in zip(statements, found, strict=True):
                if row is None:
                    continue  # most statements: no cue word at all
                rows[sid] = row
                for kind, words in row.items():
                    if words:
                        having[kind].append(sid)
            self._scanned = (having, rows)
        return self._scanned

    # evaluation -----------------------------------------------------------------------------

    @cached_property
    def verdicts(self) -> dict[str, str]:
        """The evaluation's verdict of every statement (accepted / contested / unsupported)."""
        from argmap.analysis.evaluate import verdicts

        return verdicts(self.map, self.index)
