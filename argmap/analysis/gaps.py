"""Finding gaps: run every rule, add the annotated gaps, select and ignore, sort; the catalogue.

Selection works as in ruff: a selector is a code or a code prefix (``S`` =
every structural rule, ``Q00`` = Q001-Q009), a name (``unanswered-objection``,
or an annotated kind such as ``factual-error``), a family (``structural``,
``quality``, ``cues``, ``annotated``) or an origin (``detected``). Case does
not matter. Rules that cannot produce a selected gap are not run at all.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from argmap.analysis.base import (
    ANNOTATED_CODES,
    OTHER_ANNOTATED,
    SEVERITY_ORDER,
    Gap,
    annotated_gaps,
)
from argmap.analysis.rules import RULES, Context
from argmap.analysis.rules.annotated import annotated_kinds
from argmap.model import ArgumentMap, Severity

_CODE_PREFIX = re.compile(r"^[A-Za-z]\d{0,3}$")
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Family words a selector may use, and the code letter each stands for.
FAMILY_WORDS = {"structural": "S", "quality": "Q", "cues": "T", "text": "T", "annotated": "A"}


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


def find_gaps(
    argmap: ArgumentMap, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Gap]:
    """Every gap of the map, detected and annotated, filtered, in map order (worst first per node)."""
    with no_cyclic_gc():
        ctx = Context(argmap)
        gaps: list[Gap] = []
        for rule in RULES:
            if selected(rule.code, rule.name, select, ignore):
                gaps.extend(rule.run(ctx))
        gaps.extend(
            g for g in annotated_gaps(argmap) if selected(g.code, g.name, select, ignore, g.origin)
        )
        return sort_gaps(gaps, ctx.order)


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
    "CatalogueEntry",
    "at_or_above",
    "catalogue",
    "catalogue_markdown",
    "find_gaps",
    "selected",
    "sort_gaps",
    "unknown_selectors",
    "worst",
]
