"""Critical questions (K): each question of an inference's argumentation scheme is an open gap
until the map answers it.

The schemes and their questions are the catalogue in :mod:`argmap.model.schemes`
(Walton, Reed and Macagno, *Argumentation Schemes*, 2008). An inference with
``scheme: Argument From Sign`` brings that scheme's two questions as two
``K004`` gaps (severity info: a question for the reader, not a fault of the
text), each gone once the inference's ``answers:`` names the statement or
the annotated gap that answers it. One rule per scheme, one code per scheme
(a code never changes meaning). A scheme name the catalogue does not know
brings no question.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.rules.base import Context, Finding, Rule
from argmap.model import Inference, Severity
from argmap.model.schemes import SCHEMES, Scheme, find_scheme

HINT = (
    "Answer the question from the text (or say that the text leaves it open); when the map "
    "holds the answer, name it in the inference's `answers:` (CQ1: ID, or {gap: NODE, kind: KIND})."
)


def answered(inference: Inference, scheme: Scheme) -> set[str]:
    """The keys (CQ1...) of the scheme's questions the inference's ``answers:`` answers."""
    keys = set()
    for key in inference.answers:
        question = scheme.question(key)
        if question is not None:
            keys.add(question.key)
    return keys


def open_questions(inference: Inference) -> list[tuple[Scheme, str, str, str]]:
    """(scheme, key, name, text) of every question of the inference's scheme left open."""
    scheme = find_scheme(inference.scheme)
    if scheme is None:
        return []
    done = answered(inference, scheme)
    return [(scheme, q.key, q.name, q.text) for q in scheme.questions if q.key not in done]


def gap_node(inference: Inference) -> str:
    """Where a question about an inference is shown: its own id if the map gave it one, else its
    first premise (generated ids like ``_i12`` change when the file does)."""
    return inference.premises[0] if inference.id.startswith("_") else inference.id


def _rule(scheme: Scheme) -> Rule:
    def check(ctx: Context) -> Iterator[Finding]:
        for inference in ctx.by_scheme.get(scheme.code, ()):
            done = answered(inference, scheme)
            node = gap_node(inference)
            step = f"{' + '.join(inference.premises)} -> {inference.target}"
            for q in scheme.questions:
                if q.key not in done:
                    yield node, f"{node}: {scheme.name} ({step}), {q.key} {q.name} open: {q.text}"

    return Rule(
        scheme.code,
        f"{scheme.name}-question",
        Severity.INFO,
        f"An inference using the scheme {scheme.title} leaves one of its "
        f"{len(scheme.questions)} critical questions unanswered.",
        HINT,
        check,
    )


RULES: tuple[Rule, ...] = tuple(_rule(scheme) for scheme in SCHEMES)
