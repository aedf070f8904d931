"""Annotated gaps (A): the gaps an analyst wrote into the map file, reported as they are.

Nothing is detected here: each entry of the map's ``gaps:`` becomes a gap
with origin ``annotated``, its ``name`` the kind written in the map (e.g.
``factual-error``) and its message the analyst's note. The kinds argmap
knows, their codes and the detected rules each one covers, are declared in
:data:`argmap.analysis.base.ANNOTATED_KINDS` (add a kind there, with a new
code); any other kebab-case kind is ``A099``. This module lists them for the
catalogue.
"""

from __future__ import annotations

from argmap.analysis.base import ANNOTATED_KINDS, OTHER_ANNOTATED, AnnotatedKind


def annotated_kinds() -> list[AnnotatedKind]:
    """The annotated kinds argmap knows, then the catch-all ``A099`` for any other kind."""
    return [*ANNOTATED_KINDS, OTHER_ANNOTATED]
