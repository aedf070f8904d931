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


@dataclass(frozen=True, slots=True)
class AnnotatedKind:
    """One kind of gap an analyst writes in a map (``gaps: - {node, kind, note}``).

    ``covers`` lists the detecting rules that say the same thing: a detected
    gap of one of those codes on a node that carries this annotation is left
    out of the report (the annotation covers it; ``--all`` still shows it).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    hint: str
    covers: tuple[str, ...] = ()


#: The annotated kinds argmap knows, in code order. To declare a new kind, add an entry with
#: the next free code (A0NN; a code never changes meaning, and is never reused); any kind not
#: declared here is reported as A099 with the kind as its name.
ANNOTATED_KINDS: tuple[AnnotatedKind, ...] = (
    AnnotatedKind(
        "A001",
        "implicit-premise",
        Severity.INFO,
        "An unstated premise the argument needs (written as an implicit node).",
        "Say whether the argument really needs it, and whether it is true.",
        ("S004",),
    ),
    AnnotatedKind(
        "A002",
        "factual-error",
        Severity.ERROR,
        "The statement is contradicted by the record cited in the gap.",
        "Check the claim against the record cited in the note.",
    ),
    AnnotatedKind(
        "A003",
        "non-sequitur",
        Severity.WARNING,
        "The claim does not follow from the reasons given for it.",
        "Ask what would have to be true for the conclusion to follow.",
        ("S004",),
    ),
    AnnotatedKind(
        "A004",
        "irrelevant-premise",
        Severity.WARNING,
        "A premise that has no bearing on the claim it is offered for.",
        "Ask what this premise has to do with the claim it supports.",
        ("S004",),
    ),
    AnnotatedKind(
        "A005",
        "misattribution",
        Severity.ERROR,
        "The statement credits a claim, act or document to the wrong person, body or source.",
        "Find who really said or did it (the note cites the record), and whether the claim "
        "still holds with the right source.",
    ),
    AnnotatedKind(
        "A006",
        "hedge-mismatch",
        Severity.WARNING,
        "Hedges and certainty are in the wrong places: a hedged claim resting on claims stated "
        "as certain, or certain claims resting on hedged support.",
        "Compare how sure each statement sounds with how well it is supported; which should "
        "be weakened?",
        ("T001", "T002"),
    ),
    AnnotatedKind(
        "A007",
        "single-source-chain",
        Severity.WARNING,
        "Evidence that looks independent traces back to one source (or one chain of "
        "anonymous reports).",
        "Follow each piece of evidence to its origin: how many independent sources are left?",
        ("S007", "Q001"),
    ),
    AnnotatedKind(
        "A008",
        "overstated",
        Severity.WARNING,
        "The statement claims more than its source or the record supports.",
        "Compare the statement with what its source actually says (the note cites it).",
        ("T002",),
    ),
    AnnotatedKind(
        "A009",
        "unverifiable",
        Severity.WARNING,
        "No source the reader could check is given or could be found for the statement.",
        "Ask who could confirm this; until someone can, treat it as the author's claim.",
        ("Q001", "Q002"),
    ),
    AnnotatedKind(
        "A010",
        "stale-evidence",
        Severity.WARNING,
        "Old evidence offered for a claim about the present, with nothing to show it still holds.",
        "Is this still true today? Look for a recent source.",
        ("Q003", "Q004"),
    ),
    AnnotatedKind(
        "A011",
        "weak-basis",
        Severity.WARNING,
        "Evidence whose kind (a common belief, an anecdote, a bare assertion) cannot carry the "
        "claim.",
        "Ask what would show this is true: a record, a count, a study, a named witness?",
        ("Q002", "T002"),
    ),
    AnnotatedKind(
        "A012",
        "hasty-generalisation",
        Severity.WARNING,
        "A general claim drawn from too few or untypical cases.",
        "How many cases are there, and are they typical of all the cases the claim covers?",
        ("Q002",),
    ),
)
OTHER_ANNOTATED = AnnotatedKind(
    "A099",
    "(any other kind)",
    Severity.WARNING,
    "Any other kebab-case kind written in the map; `name` is that kind.",
    "Read the analyst's note and check the passage yourself.",
)
#: Annotated kind name -> its declaration.
ANNOTATED_CODES: dict[str, AnnotatedKind] = {k.name: k for k in ANNOTATED_KINDS}


def annotated_kind(name: str) -> AnnotatedKind:
    """The declared kind of that name, or the catch-all A099."""
    return ANNOTATED_CODES.get(name, OTHER_ANNOTATED)


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
    #: for a detected gap an annotation on the same node already makes: that annotation's kind
    covered_by: str | None = None

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
        if self.covered_by is not None:
            out["covered_by"] = self.covered_by
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
        kind = annotated_kind(gap.kind)
        message = f"{gap.node}: {gap.kind.replace('-', ' ')}"
        if gap.note:
            message += f": {gap.note}"
        if gap.cite:
            message += f" [record: {gap.cite}]"
        out.append(
            Gap(
                code=kind.code,
                name=gap.kind,
                severity=gap.severity or kind.severity,
                node=gap.node,
                message=message,
                hint=kind.hint,
                origin="annotated",
                at=node_anchors(argmap, gap.node),
            )
        )
    return out
