"""Finding gaps: run every rule, add the annotated gaps, select and ignore, sort; the catalogue.

Selection works as in ruff: a selector is a code or a code prefix (``S`` =
every structural rule, ``Q00`` = Q001-Q009), a name (``unanswered-objection``,
or an annotated kind such as ``factual-error``), a family (``structural``,
``quality``, ``cues``, ``annotated``) or an origin (``detected``). Case does
not matter. Rules that cannot produce a selected gap are not run at all.

Profiles: by default a report holds the gaps of severity ``warning`` and
above (:data:`DEFAULT_SEVERITY`), and leaves out each detected gap that an
annotated gap on the same node already makes (the annotated kind
``covers`` that rule, or has the rule's name): the report counts those as
covered. ``severity=LEVEL`` keeps that level and above; ``everything=True``
(``--all``) keeps every gap of the catalogue, covered ones included, marked
with the annotation that covers them.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from argmap.analysis.base import (
    ANNOTATED_CODES,
    OTHER_ANNOTATED,
    SEVERITY_ORDER,
    Gap,
    annotated_gaps,
    annotated_kind,
)
from argmap.analysis.rules import RULES, Context
from argmap.analysis.rules.annotated import annotated_kinds
from argmap.model import ArgumentMap, Severity

_CODE_PREFIX = re.compile(r"^[A-Za-z]\d{0,3}$")
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Family words a selector may use, and the code letter each stands for.
FAMILY_WORDS = {
    "structural": "S",
    "quality": "Q",
    "cues": "T",
    "text": "T",
    "schemes": "K",
    "questions": "K",
    "annotated": "A",
}


def _matches(selector: str, code: str, name: str, origin: str) -> bool:
    word = selector.strip()
    if _CODE_PREFIX.match(word):
        return code.startswith(word.upper())
    lower = word.lower()
    if lower in FAMILY_WORDS:
        return code.startswith(FAMILY_WORDS[lower])
    return lower == name or lower == origin


def selected(
    code: str, name: str, select: Sequence[str], ignore: Sequence[str], origin: str = "detected"
) -> bool:
    """Whether a gap (or a rule) with this code and name passes ``select`` and ``ignore``."""
    if select and not any(_matches(s, code, name, origin) for s in select):
        return False
    return not any(_matches(s, code, name, origin) for s in ignore)


def known_codes() -> list[str]:
    """Every code a gap can have: the rules' and the annotated kinds'."""
    return [r.code for r in RULES] + [k.code for k in annotated_kinds()]


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """Selectors that can never match: a code prefix no code has, or a word that is no name.

    Any kebab-case word is accepted, since a map may annotate gaps of any kind.
    """
    codes = known_codes()
    bad = []
    for selector in selectors:
        word = selector.strip()
        if _CODE_PREFIX.match(word):
            if not any(code.startswith(word.upper()) for code in codes):
                bad.append(selector)
        elif not _KEBAB.match(word.lower()):
            bad.append(selector)
    return bad


def unmatched_names(selectors: Iterable[str], annotated: Iterable[str]) -> list[str]:
    """Name selectors that can match nothing: no rule, family or origin has that name, and no
    gap of that kind is ``annotated`` in the maps at hand (a typo: ``unanswered``)."""
    known = set(known_names()) | set(annotated)
    return [
        s for s in selectors if not _CODE_PREFIX.match(s.strip()) and s.strip().lower() not in known
    ]


def known_names() -> list[str]:
    """Every name a selector may use whatever the map: rules, annotated kinds, families, origins."""
    names = [r.name for r in RULES]
    names += [k.name for k in annotated_kinds() if not k.name.startswith("(")]
    return names + list(FAMILY_WORDS) + ["detected", "annotated"]


#: The default profile reports gaps of this severity and above.
DEFAULT_SEVERITY = Severity.WARNING


@dataclass(slots=True)
class GapReport:
    """The gaps a profile reports, and what it left out (so a view can say so)."""

    gaps: list[Gap]
    #: detected gaps left out because an annotation on the same node makes the same point
    covered: list[Gap] = field(default_factory=list)
    #: how many selected gaps fell below the severity threshold
    below: int = 0
    #: the threshold used (``None`` with ``everything``)
    severity: Severity | None = DEFAULT_SEVERITY


def find_gaps(
    argmap: ArgumentMap,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Severity | str | None = None,
    everything: bool = False,
) -> list[Gap]:
    """The gaps of the map a profile reports, detected and annotated, in map order.

    By default the default profile (warnings and errors, no detected gap an
    annotation covers); ``severity`` sets the threshold; ``everything`` gives
    the whole catalogue. ``select``/``ignore`` filter by code, name, family.
    """
    return gap_report(
        argmap, select=select, ignore=ignore, severity=severity, everything=everything
    ).gaps


def gap_report(
    argmap: ArgumentMap,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Severity | str | None = None,
    everything: bool = False,
) -> GapReport:
    """:func:`find_gaps`, with the gaps the profile left out counted (see the module doc)."""
    with no_cyclic_gc():
        ctx = Context(argmap)
        gaps: list[Gap] = []
        for rule in RULES:
            if selected(rule.code, rule.name, select, ignore):
                gaps.extend(rule.run(ctx))
        annotated = annotated_gaps(argmap)
        gaps = mark_covered(gaps, annotated)
        gaps.extend(g for g in annotated if selected(g.code, g.name, select, ignore, g.origin))
        gaps = sort_gaps(gaps, ctx.order)
    if everything:
        return GapReport(gaps, severity=None)
    threshold = Severity(severity) if severity is not None else DEFAULT_SEVERITY
    limit = SEVERITY_ORDER[threshold]
    kept: list[Gap] = []
    covered: list[Gap] = []
    below = 0
    for gap in gaps:
        if SEVERITY_ORDER[gap.severity] > limit:
            below += 1
        elif gap.covered_by is not None:
            covered.append(gap)
        else:
            kept.append(gap)
    return GapReport(kept, covered, below, threshold)


def mark_covered(detected: list[Gap], annotated: list[Gap]) -> list[Gap]:
    """The detected gaps, each one an annotation on its node covers marked ``covered_by`` it."""
    if not annotated:
        return detected
    covers: dict[str, dict[str, str]] = {}  # node -> detected code -> covering kind
    for gap in annotated:
        codes = covers.setdefault(gap.node, {})
        for code in annotated_kind(gap.name).covers:
            codes.setdefault(code, gap.name)
        codes.setdefault(gap.name, gap.name)  # an annotation named as a rule: that rule
    out = []
    for gap in detected:
        row = covers.get(gap.node)
        kind = row.get(gap.code) or row.get(gap.name) if row else None
        out.append(replace(gap, covered_by=kind) if kind else gap)
    return out


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: for work that makes many objects, none in cycles.

    Rules and reports make many small objects while the map's (maybe
    100,000) models are alive: each pass of the cyclic collector would walk
    the whole map again, for nothing. Reference counting still frees memory.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def sort_gaps(gaps: Iterable[Gap], order: dict[str, int]) -> list[Gap]:
    """Grouped by node in reading order; within a node, worst first, then by code."""
    end = len(order)
    return sorted(
        gaps,
        key=lambda g: (
            order.get(g.node, end),
            g.node,
            SEVERITY_ORDER[g.severity],
            g.code,
            g.message,
        ),
    )


def worst(gaps: Iterable[Gap]) -> Severity | None:
    """The most serious severity among ``gaps`` (``None`` when there are none)."""
    best: Severity | None = None
    for gap in gaps:
        if best is None or SEVERITY_ORDER[gap.severity] < SEVERITY_ORDER[best]:
            best = gap.severity
    return best


@dataclass
class FileGaps:
    """The gaps of one map file (a batch of ``argmap gaps`` is a list of these)."""

    file: str
    gaps: list[Gap]
    #: detected gaps left out because an annotation on their node covers them
    covered: list[Gap] = field(default_factory=list)
    #: selected gaps below the severity threshold, left out
    below: int = 0


def at_or_above(gaps: Iterable[Gap], threshold: Severity) -> bool:
    """Whether any gap is at least as serious as ``threshold`` (for ``--fail-on``)."""
    limit = SEVERITY_ORDER[threshold]
    return any(SEVERITY_ORDER[g.severity] <= limit for g in gaps)


# --- the catalogue --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One row of the rule catalogue."""

    code: str
    name: str
    severity: Severity
    family: str
    summary: str
    hint: str


def catalogue() -> list[CatalogueEntry]:
    """Every gap kind argmap reports: the detecting rules, then the annotated kinds."""
    rows = [CatalogueEntry(r.code, r.name, r.severity, r.family, r.summary, r.hint) for r in RULES]
    rows.extend(
        CatalogueEntry(k.code, k.name, k.severity, "annotated", k.summary, k.hint)
        for k in annotated_kinds()
    )
    return rows


def catalogue_markdown() -> str:
    """The catalogue as the Markdown table docs/gaps.md holds (a test keeps the two equal)."""
    lines = [
        "| code | name | severity | family | what it finds | hint for the student |",
        "|---|---|---|---|---|---|",
    ]
    for row in catalogue():
        name = row.name if row.name.startswith("(") else f"`{row.name}`"
        cells = [f"`{row.code}`", name, row.severity.value, row.family, row.summary, row.hint]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


__all__ = [
    "ANNOTATED_CODES",
    "OTHER_ANNOTATED",
    "DEFAULT_SEVERITY",
    "CatalogueEntry",
    "GapReport",
    "at_or_above",
    "catalogue",
    "catalogue_markdown",
    "find_gaps",
    "gap_report",
    "selected",
    "sort_gaps",
    "unknown_selectors",
    "worst",
]
