"""The CSV of ``argmap grade --csv``: one row per submission (the terminal view is grade_view)."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.teaching.grade import WEIGHTS, Result

CSV_FIELDS = ("file", "score", *WEIGHTS, "error", "feedback")


def to_csv(results: Sequence[Result]) -> str:
    """One row per submission: file, score, the breakdown, the error, feedback joined by " | "."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in results:
        writer.writerow(
            [
                r.file,
                "" if r.score is None else f"{r.score:.1f}",
                *("" if r.score is None else f"{r.breakdown.get(c, 0.0):.1f}" for c in WEIGHTS),
                r.error or "",
                " | ".join(r.feedback),
            ]
        )
    return buffer.getvalue()
