"""Gap precision (issue 13): the share of the detected gaps the default profile reports that a
teacher would point out, by the committed labels in tests/data/gap-labels.yaml (target >= 0.8),
and the flagship's reference weaknesses found (target: at least 17 of 18)."""

from __future__ import annotations

import sys

from bench.harness import ROOT, Case

sys.path.insert(0, str(ROOT / "tests"))

import precision  # noqa: E402

import argmap  # noqa: E402

#: Lines ``bench/run.py`` prints under the table; filled by :func:`cases`.
NOTES: list[str] = []


def cases() -> list[Case]:
    result = precision.score()
    found, missed = precision.weaknesses_found(argmap.find_gaps(argmap.load(precision.FLAGSHIP)))
    verdict = "ok" if result.precision >= 0.8 and found >= 17 else "MISSED"
    NOTES.append(
        f"Gap precision (default profile, labelled maps): {result.teacher} of {result.reported} "
        f"reported detected gaps labelled teacher-worthy = {result.precision:.2f} (target >= 0.80); "
        f"{len(result.unlabelled)} unlabelled; flagship reference weaknesses found: {found} of "
        f"{found + len(missed)} (target >= 17): {verdict}"
    )
    return [
        Case(
            "gap precision check (3 labelled maps, in process)",
            "≤ 500 ms",
            func=precision.score,
            repeat=3,
            limit_s=0.5,
        )
    ]
