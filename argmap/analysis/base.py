"""What a gap is, and the annotated gaps written in a map file.

A :class:`Gap` is one weak point found in a map: by a rule (``detected``) or
written by the analyst (``annotated``). Views print gaps; they never compute
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from argmap.model import ArgumentMap, Severity

Origin = Literal["detected", "annotated"]

#: Codes for the annotated gap kinds argmap knows; any other kind is A099.
ANNOTATED_CODES: dict[str, tuple[str, Severity, str]] = {
    "implicit-premise": (
        "A001",
        Severity.INFO,
        "Say whether the argument really needs it, and whether it is true.",
    ),
    "factual-error": (
        "A002",
        Severity.ERROR,
        "Check the claim against the record cited in the note.",
    ),
    "non-sequitur": (
        "A003",
        Severity.WARNING,
        "Ask what would have to be true for the conclusion to follow.",
    ),
    "irrelevant-premise": (
        "A004",
        Severity.WARNING,
        "Ask what this premise has to do with the claim it supports.",
    ),
}
OTHER_ANNOTATED = (
    "A099",
    Severity.WARNING,
    "Read the analyst's note and check the passage yourself.",
)


@dataclass(slots=True)
class Gap:
    """One gap on one node (a statement id, or an inference id for inference-level gaps).

    Treat it as a value (``dataclasses.replace`` to change one). It is not
    frozen only because frozen dataclasses build five times slower, and the
    rules make a gap per finding: 137,000 of them on a 100,000-statement map.
    """

    code: str
    name: str
    severity: Severity
    node: str
    message: str
    hint: str
    origin: Origin = "detected"
    at: tuple[int, ...] = ()
    file: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "node": self.node,
            "at": list(self.at),
            "message": self.message,
            "hint": self.hint,
            "origin": self.origin,
        }
        if self.file is not None:
            out["file"] = self.file
        return out


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def node_anchors(argmap: ArgumentMap, node: str) -> tuple[int, ...]:
    """Paragraph anchors of a statement, or of an inference's premises."""
    if node in argmap.statements:
        return argmap.statements[node].anchors
    inf = argmap.inferences.get(node)
    if inf is None:
        return ()
    numbers: set[int] = set()
    for premise in inf.premises:
        numbers.update(argmap.statements[premise].anchors)
    return tuple(sorted(numbers))


def annotated_gaps(argmap: ArgumentMap) -> list[Gap]:
    """The gaps written in the map, as :class:`Gap` objects (origin ``annotated``)."""
    out: list[Gap] = []
    for gap in argmap.gaps:
        code, severity, hint = ANNOTATED_CODES.get(gap.kind, OTHER_ANNOTATED)
        message = f"{gap.node}: {gap.kind.replace('-', ' ')}"
        if gap.note:
            message += f": {gap.note}"
        if gap.cite:
            message += f" [record: {gap.cite}]"
        out.append(
            Gap(
                code=code,
                name=gap.kind,
                severity=gap.severity or severity,
                node=gap.node,
                message=message,
                hint=hint,
                origin="annotated",
                at=node_anchors(argmap, gap.node),
            )
        )
    return out
