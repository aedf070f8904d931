"""The text of ``argmap stats``: the map's counts by kind as an aligned two-column table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LABELS = {
    "statements": "statements",
    "claims": "  claims",
    "evidence": "  evidence",
    "assumptions": "  assumptions",
    "inferences": "inferences",
    "supports": "  supports",
    "attacks": "  attacks",
    "undercuts": "  undercuts",
    "linked": "  linked (several premises)",
    "annotated_gaps": "annotated gaps",
    "depth": "depth",
    "arguments": "Argdown arguments",
}


def stats_text(counts: Mapping[str, Any]) -> str:
    """The counts of :func:`argmap.stats`, one per line, labels padded to one column."""
    width = max(len(label) for label in LABELS.values()) + 2
    argdown = "arguments" in counts
    lines: list[str] = []
    for key, value in counts.items():
        if key == "statements" and argdown:
            # Argdown counts equivalence classes; the map may hold more statements than that
            # (an argument's premises and conclusions of its own): say both, plainly
            lines.append("Argdown statements".ljust(width) + str(value))
            total = sum(counts[k] for k in ("claims", "evidence", "assumptions"))
            lines.append("statements in the map".ljust(width) + str(total))
            continue
        if key == "relations" and isinstance(value, dict):
            lines.append("Argdown relations".ljust(width) + str(sum(value.values())))
            for name, count in value.items():
                lines.append(f"  {name}".ljust(width) + str(count))
            continue
        lines.append(LABELS.get(key, key).ljust(width) + str(value))
    return "\n".join(lines) + "\n"
