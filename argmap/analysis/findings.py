"""What the analysis says about a map, gathered for the views: its gaps and, on request, verdicts.

Views that mark up a map (the rendered picture, the HTML page) take a
:class:`Findings`; this is where it is computed, from the gap rules and the
evaluation directly, so that no view has to reach back up into the API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.analysis.base import Gap
    from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Findings:
    """The gaps to mark and, when evaluated, each statement's verdict and why."""

    gaps: list[Gap] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    #: one line per statement saying why it has its verdict
    why: dict[str, str] = field(default_factory=dict)
    #: each statement's grounded label: IN, OUT or UNDECIDED (when evaluated)
    labels: dict[str, str] = field(default_factory=dict)


def findings(
    argmap: ArgumentMap,
    *,
    gaps: bool = True,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: str | None = None,
    everything: bool = False,
    evaluate: bool = False,
) -> Findings:
    """The gaps (the default profile unless ``severity``/``everything`` say otherwise, filtered
    by ``select``/``ignore``, none when ``gaps`` is false) and, with ``evaluate``, each
    statement's verdict, the line that explains it and its label."""
    found: list[Gap] = []
    if gaps:
        from argmap.analysis.gaps import find_gaps

        found = find_gaps(
            argmap, select=select, ignore=ignore, severity=severity, everything=everything
        )
    verdicts: dict[str, str] = {}
    why: dict[str, str] = {}
    labels: dict[str, str] = {}
    if evaluate:
        from argmap.analysis.evaluate import evaluate as run_evaluation

        evaluation = run_evaluation(argmap)
        verdicts = {s: v for s, v in evaluation.verdicts.items() if s in argmap.statements}
        why = {s: evaluation.why(s) for s in verdicts}
        labels = {s: evaluation.labels[s] for s in verdicts if s in evaluation.labels}
    return Findings(found, verdicts, why, labels)
