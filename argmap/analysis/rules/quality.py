"""Evidence-quality gap rules (Q): read from the typed fields of evidence (basis, source, date).

They look only at statements of kind ``evidence``: a claim's weakness is the
structural rules' business. ``assertion`` and ``common-belief`` evidence has
no outside source by definition (it is the author's, or everyone's, say-so),
so the source and date rules leave it to the weak-basis rule rather than
report the same weakness three times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.analysis import lexicon
from argmap.analysis.rules.base import Context, Finding, quote_words, rule, scan, short
from argmap.model import (
    Basis,
    InferenceKind,
    Rating,
    Severity,
    Statement,
)

#: Bases whose source is the author or "everyone": no outside source to name or date.
SAY_SO = frozenset({Basis.ASSERTION, Basis.COMMON_BELIEF})
#: Bases the weak-basis rule reports.
WEAK_BASES = frozenset({Basis.ASSERTION, Basis.COMMON_BELIEF, Basis.ANECDOTE, Basis.ANONYMOUS})
#: Evidence more than this many years older than the text is stale for a present-tense claim.
STALE_YEARS = 3

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


#: Words that leave a source unnamed when they are all that comes before "sources", "reports"...
_NONSPECIFIC = frozenset(
    """
    the a an some several many various multiple unnamed anonymous unidentified local foreign
    informed reliable credible independent other media news press
    """.split()
)


def vague_source(name: str) -> list[str]:
    """The unnamed-source cues that make a source name vague (empty when it names someone).

    A cue phrase ("Western sources", "experts say") is vague wherever it
    stands; a bare "sources", "reports" or "experts" is vague only when
    nothing specific comes before it: "reports" and "media reports" are
    vague, "City police crash reports" and "CNN reports" are named.
    """
    found: list[str] = []
    for cue in lexicon.find(name, (lexicon.UNNAMED_SOURCE,), quiet=True):
        words = cue.text.lower().split()
        before = name[: cue.start].lower().split()
        if len(words) > 1 or all(w in _NONSPECIFIC for w in before):
            found.append(" ".join(words))
    return list(dict.fromkeys(found))


def _unnamed(statement: Statement) -> bool:
    """Whether Q001 reports this evidence (no source name, or a vague one)."""
    name = (statement.source.name or "").strip() if statement.source else ""
    return not name or bool(vague_source(name))


@rule(
    "Q001",
    "unnamed-source",
    Severity.WARNING,
    'Evidence with no named source, or a vague one ("sources", "reports", "experts").',
    "Who exactly says so? A claim you cannot trace to someone you can check is only as good as "
    "the author's word; look for the original source.",
)
def unnamed_source(ctx: Context) -> Iterator[Finding]:
    known: dict[str, list[str]] = {}  # a map names few sources, many times each
    for statement in ctx.evidence:
        if statement.basis in SAY_SO:
            continue
        name = (statement.source.name or "").strip() if statement.source else ""
        if not name:
            yield statement.id, f"{statement.id}: evidence with no named source"
            continue
        vague = known.get(name)
        if vague is None:
            vague = known[name] = vague_source(name)
        if vague:
            yield (
                statement.id,
                f'{statement.id}: evidence from a vague source: "{short(name, 50)}" '
                f"({quote_words(vague)})",
            )


@rule(
    "Q002",
    "weak-basis",
    Severity.INFO,
    "Evidence whose basis is an assertion, a common belief, an anecdote or an anonymous source "
    "(an unnamed source that Q001 reports is left to Q001).",
    "Ask what would show this is true: a record, a count, a study, a named witness? Until then, "
    "treat it as a claim, not as evidence.",
)
def weak_basis(ctx: Context) -> Iterator[Finding]:
    for statement in ctx.evidence:
        if statement.basis is Basis.ANONYMOUS and _unnamed(statement):
            continue  # "anonymous" and "no named source" are one point: Q001 makes it
        if statement.basis in WEAK_BASES and statement.rating is not Rating.SOLID:
            assert statement.basis is not None
            yield (
                statement.id,
                f"{statement.id}: weak basis for evidence: {statement.basis.value}",
            )


def year_of(date: str | None) -> int | None:
    """The year of a date written as 2017, 2017-02 or 2017-02-08 (or any text holding a year)."""
    if not date:
        return None
    match = _YEAR.search(date)
    return int(match.group(1)) if match else None


def is_present_tense(text: str) -> bool:
    """A claim about now: a present-time cue, or no past-time cue and no year at all."""
    found = scan(text, (lexicon.PRESENT_TIME, lexicon.PAST_TIME))
    if found[lexicon.PRESENT_TIME]:
        return True
    return not found[lexicon.PAST_TIME] and not _YEAR.search(text)


@rule(
    "Q003",
    "stale-evidence",
    Severity.WARNING,
    f"Evidence more than {STALE_YEARS} years older than the text (its `source.date` against the "
    "map's `source: date`) offered for a present-tense claim (undated evidence is Q004's).",
    "Is this still true today? Look for a recent source, or ask why the author relies on an old "
    "or undated one for a claim about the present.",
)
def stale_evidence(ctx: Context) -> Iterator[Finding]:
    yield from _dated(ctx, undated=False)


@rule(
    "Q004",
    "undated-evidence",
    Severity.INFO,
    "Evidence with no date (no `source.date`, no year or time word in its text or quote) "
    "offered for a present-tense claim.",
    "When was this so? Without a date a reader cannot tell whether it still holds.",
)
def undated_evidence(ctx: Context) -> Iterator[Finding]:
    yield from _dated(ctx, undated=True)


def _dated(ctx: Context, *, undated: bool) -> Iterator[Finding]:
    """Old (``undated=False``) or undated evidence offered for a present-tense claim."""
    argmap = ctx.map
    written = year_of(argmap.source.date) if argmap.source else None
    present: dict[str, bool] = {}
    for statement in ctx.evidence:
        year = year_of(statement.source.date) if statement.source else None
        if (year is None) != undated:
            continue
        if year is not None:
            if written is None or written - year <= STALE_YEARS:
                continue
            problem = f"evidence from {year}"
            tail = f", {written - year} years before the text ({written})"
        else:
            if statement.basis in SAY_SO:
                continue
            if _YEAR.search(ctx.words_of(statement)) or ctx.cues(
                statement.id, lexicon.PRESENT_TIME
            ):
                continue  # dated in its own words ("in 2017", "in recent months")
            problem, tail = "undated evidence", ""
        claims: list[str] = []
        for inf in argmap.outgoing(statement.id):
            target = inf.target
            if inf.kind is not InferenceKind.SUPPORT or target not in argmap.statements:
                continue
            if target not in present:
                present[target] = is_present_tense(argmap.statements[target].text)
            if present[target] and target not in claims:
                claims.append(target)
        if claims:
            names = ", ".join(claims)
            yield (
                statement.id,
                f"{statement.id}: {problem} for a present-tense claim ({names}){tail}",
            )


RULES = (unnamed_source, weak_basis, stale_evidence, undated_evidence)
