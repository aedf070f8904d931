"""Text-cue gap rules (T): read from the wording of statements and their quotations.

The cue words come from :mod:`argmap.analysis.lexicon` (the one list that
``argmap cues`` shares), matched as whole words, case-insensitively, with
typographic apostrophes read as ``'``, leaving out the over-common words of
its quiet list. A rule reads a statement's text and its quote together: the
quote is the author's wording, the text the analyst's paraphrase of it.
Implicit assumptions and reconstructed statements are skipped: their wording
is the analyst's alone; so is common ground, accepted as it is stated.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis import lexicon
from argmap.analysis.evaluate import ACCEPTED, evidence_rating
from argmap.analysis.rules.base import Context, Finding, quote_words, rule
from argmap.model import Rating, Severity, StatementKind


@rule(
    "T001",
    "hedged-evidence",
    Severity.WARNING,
    'Hedged evidence or reason ("suspected", "possibly", "reportedly", "may") supporting a '
    "claim stated as certain.",
    "The support only says it might be so, the claim says it is so: what would it take to "
    "remove the hedge? Weaken the claim or find firmer support.",
)
def hedged_evidence(ctx: Context) -> Iterator[Finding]:
    argmap = ctx.map
    statements = argmap.statements
    hedge = lexicon.HEDGE
    index = ctx.index
    outgoing, target, supports, ids = index.outgoing, index.target, index.support, index.ids
    number, count = index.number, index.statement_count
    for sid in ctx.having(hedge):
        statement = statements[sid]
        if statement.is_assumption or statement.given or statement.reconstructed:
            continue  # common ground is accepted as stated: "students may wear" hedges nothing
        hedges = ctx.cues(sid, hedge)
        certain: list[str] = []
        for k in outgoing[number[sid]]:
            aim = target[k]
            if not supports[k] or aim >= count or ids[aim] in certain:
                continue
            if not ctx.cues(ids[aim], hedge):
                certain.append(ids[aim])
        if certain:
            what = "evidence" if statement.kind is StatementKind.EVIDENCE else "reason"
            yield (
                sid,
                f"{sid}: hedged {what} ({quote_words(hedges)}) supports "
                f"{', '.join(certain)}, which is stated as certain",
            )


@rule(
    "T002",
    "overclaim",
    Severity.WARNING,
    'Certainty words ("proven", "clearly", "undeniably") on a statement whose support is weak: '
    "evidence not rated solid, or a claim the evaluation does not accept.",
    "Strong words are not strong support: check what actually backs this statement, and "
    "restate it as firmly as the support allows.",
)
def overclaim(ctx: Context) -> Iterator[Finding]:
    argmap = ctx.map
    for sid in ctx.having(lexicon.OVERCLAIM):
        statement = argmap.statements[sid]
        if statement.is_assumption or statement.given or statement.reconstructed:
            continue
        words = ctx.cues(sid, lexicon.OVERCLAIM)
        if statement.kind is StatementKind.EVIDENCE and sid not in ctx.supported:
            rating = evidence_rating(statement)
            if rating is Rating.SOLID:
                continue
            basis = statement.basis.value if statement.basis else "no basis given"
            weak = f"{basis} evidence, rated {rating.value}"
        else:
            verdict = ctx.verdicts[sid]
            if verdict == ACCEPTED:
                continue
            weak = f"evaluated {verdict}"
        yield sid, f"{sid}: overclaim ({quote_words(words)}) over weak support: {weak}"


@rule(
    "T003",
    "vague-quantifier",
    Severity.WARNING,
    'A vague quantity ("multiple", "a number of", "many", "several") where a number would '
    "let the reader check the claim (common ground and the analyst's own wording left out).",
    "How many, exactly, and according to whom? A claim that can't be counted can't be checked.",
)
def vague_quantifier(ctx: Context) -> Iterator[Finding]:
    statements = ctx.map.statements
    for sid in ctx.having(lexicon.VAGUE_QUANTIFIER):
        statement = statements[sid]
        if not (statement.is_assumption or statement.given or statement.reconstructed):
            words = ctx.cues(sid, lexicon.VAGUE_QUANTIFIER)
            yield sid, f"{sid}: vague quantifier ({quote_words(words)}): how many?"


RULES = (hedged_evidence, overclaim, vague_quantifier)
