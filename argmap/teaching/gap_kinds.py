"""The gap kinds students name: a small fixed vocabulary, and how the analyst's kinds map onto it.

The analyst's catalogue (``argmap gaps --list``) has rule codes and names a
student cannot guess (``single-premise-leap``, ``hedge-mismatch``...), and
annotated gaps may carry any kebab-case kind. A find-the-gaps worksheet
offers students :data:`STUDENT_KINDS` instead, each with a one-line
explanation, and the key gives each teachable gap its student kind through
:func:`student_kind` (by the analyst's code first, then by the kind's name;
``other`` when neither is known). docs/teaching.md lists the vocabulary.
"""

from __future__ import annotations

from argmap.analysis.base import Gap

#: The student-facing kinds, in the order a worksheet lists them: name -> one-line explanation.
STUDENT_KINDS: dict[str, str] = {
    "no-support": "A claim the text asserts without any reason or evidence for it.",
    "missing-step": "The step from a reason to its claim needs a premise the text never states.",
    "does-not-follow": "The claim does not follow from its reasons, or a reason is beside the point.",
    "circular": "A claim is supported, through a chain of reasons, by itself.",
    "weak-source": "Evidence from an unnamed, vague or weak source (a bare assertion, a rumour).",
    "old-evidence": "Evidence too old, or undated, for the present-day claim it backs.",
    "hedge-treated-as-fact": 'Hedged evidence ("suspected", "possibly") backs a claim stated as certain.',
    "overclaim": 'The text claims more than its support shows ("proven", "clearly").',
    "vague-amount": 'A vague amount ("multiple", "a number of") where a number could be checked.',
    "ignored-objection": "An objection the text raises and never answers.",
    "factual-error": "A checkable statement that the public record contradicts or cannot confirm.",
    "other": "Another weak point: say in a few words what is wrong.",
}

#: The analyst's rule codes (see ``argmap gaps --list``) -> student kind.
BY_CODE: dict[str, str] = {
    "S001": "no-support",
    "S002": "no-support",
    "S003": "ignored-objection",
    "S004": "missing-step",
    "S005": "circular",
    "S006": "does-not-follow",
    "S007": "weak-source",
    "Q001": "weak-source",
    "Q002": "weak-source",
    "Q003": "old-evidence",
    "T001": "hedge-treated-as-fact",
    "T002": "overclaim",
    "T003": "vague-amount",
    "A001": "missing-step",
    "A002": "factual-error",
    "A003": "does-not-follow",
    "A004": "does-not-follow",
}

#: The analyst's kind names -> student kind: the rules' names (for a gap annotated under a
#: rule's name, which gets code A099) and free-form kinds seen in maps.
BY_NAME: dict[str, str] = {
    "unsupported-claim": "no-support",
    "no-evidence-beneath": "no-support",
    "single-premise-leap": "missing-step",
    "circular-support": "circular",
    "disconnected": "does-not-follow",
    "dominant-source": "weak-source",
    "unnamed-source": "weak-source",
    "weak-basis": "weak-source",
    "hedged-evidence": "hedge-treated-as-fact",
    "implicit-premise": "missing-step",
    "non-sequitur": "does-not-follow",
    "irrelevant-premise": "does-not-follow",
    "hasty-generalisation": "overclaim",
    "hasty-generalization": "overclaim",
    "unverifiable": "factual-error",
    "misattribution": "factual-error",
    "inaccurate": "factual-error",
    "stale-evidence": "old-evidence",
    "outdated": "old-evidence",
    "overstated": "overclaim",
    "overgeneralisation": "overclaim",
    "overgeneralization": "overclaim",
    "hedge-mismatch": "hedge-treated-as-fact",
    "single-source-chain": "weak-source",
    "anonymous-source": "weak-source",
    "vague-source": "weak-source",
    "unsupported": "no-support",
    "unanswered-objection": "ignored-objection",
    "straw-man": "does-not-follow",
    "false-dilemma": "does-not-follow",
    "irrelevant": "does-not-follow",
    "leap": "missing-step",
    "missing-premise": "missing-step",
    "circular": "circular",
    "vague-quantifier": "vague-amount",
}


def student_kind(gap: Gap) -> str:
    """The student-facing kind of one of the analyst's gaps."""
    if gap.code in BY_CODE:
        return BY_CODE[gap.code]
    if gap.name in STUDENT_KINDS:
        return gap.name
    return BY_NAME.get(gap.name, "other")


def teachable(gaps: list[Gap] | tuple[Gap, ...], *, detected: bool) -> list[Gap]:
    """The gaps a find-the-gaps key asks for: the ones written in the map (the analyst's
    marked gaps), and the detected ones too when ``detected``."""
    return [g for g in gaps if g.origin == "annotated" or detected]
