"""Annotated gaps (A): the gaps an analyst wrote into the map file, reported as they are.

Nothing is detected here: each entry of the map's ``gaps:`` becomes a gap
with origin ``annotated``, its ``name`` the kind written in the map (e.g.
``factual-error``) and its message the analyst's note. The codes of the
known kinds live in :mod:`argmap.analysis.base`; any other kebab-case kind
is ``A099``. This module describes them for the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.base import ANNOTATED_CODES, OTHER_ANNOTATED
from argmap.model import Severity

#: What each annotated kind means, for the catalogue.
MEANINGS = {
    "implicit-premise": "An unstated premise the argument needs (written as an implicit node).",
    "factual-error": "The statement is contradicted by the record cited in the gap.",
    "non-sequitur": "The claim does not follow from the reasons given for it.",
    "irrelevant-premise": "A premise that has no bearing on the claim it is offered for.",
}


@dataclass(frozen=True, slots=True)
class AnnotatedKind:
    """One annotated gap kind, as the catalogue lists it."""

    code: str
    name: str
    severity: Severity
    summary: str
    hint: str


def annotated_kinds() -> list[AnnotatedKind]:
    """The annotated kinds argmap knows, then the catch-all ``A099`` for any other kind."""
    kinds = [
        AnnotatedKind(code, name, severity, MEANINGS.get(name, name.replace("-", " ")), hint)
        for name, (code, severity, hint) in ANNOTATED_CODES.items()
    ]
    code, severity, hint = OTHER_ANNOTATED
    kinds.append(
        AnnotatedKind(
            code,
            "(any other kind)",
            severity,
            "Any other kebab-case kind written in the map (e.g. `unverifiable`, "
            "`stale-evidence`); `name` is that kind.",
            hint,
        )
    )
    return kinds
