"""The output of ``argmap schemes``: each argumentation scheme, its form and critical questions."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model.schemes import SOURCE, Scheme
from argmap.views.wrapping import fill


def schemes_text(schemes: Sequence[Scheme], width: int = 100) -> str:
    """A block per scheme: code, name, title; its form; its questions, numbered and wrapped."""
    out: list[str] = []
    for scheme in schemes:
        out.append(f"{scheme.code}  {scheme.name}  ({scheme.title})")
        out.append(fill(scheme.form, width, "  ", 2))
        for q in scheme.questions:
            lead = f"  {q.key} {q.name}: "
            out.append(fill(q.text, width, lead, len(lead)))
        out.append("")
    out.append(f"Source: {SOURCE}.")
    out.append(
        "In a map: inference: {scheme: NAME, answers: {CQ1: STATEMENT_ID, "
        "CQ2: {gap: NODE, kind: KIND}}}; each unanswered question is a K gap (argmap gaps --all)."
    )
    return "\n".join(out) + "\n"


def schemes_markdown(schemes: Sequence[Scheme]) -> str:
    """The catalogue as Markdown, for docs/gaps.md (a test keeps the two equal)."""
    out: list[str] = []
    for scheme in schemes:
        out.append(f"**{scheme.code} {scheme.title}** (`{scheme.name}`). {scheme.form}")
        out.append("")
        out.extend(f"- {q.key} `{q.name}`: {q.text}" for q in scheme.questions)
        out.append("")
    return "\n".join(out)
