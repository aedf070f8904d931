"""The precision check of the gap rules: labelled gaps (tests/data/gap-labels.yaml) against what
``argmap.find_gaps`` reports by default, and the flagship's reference weaknesses.

Shared by tests/test_precision.py and ``make bench`` (bench/cases_precision.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

import argmap
from argmap.analysis.base import Gap

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELS = DATA / "gap-labels.yaml"
WEAKNESSES = DATA / "flagship-weaknesses.yaml"
FLAGSHIP = ROOT / "maps" / "iran-in-latin-america.yaml"


@dataclass
class Score:
    """What the default profile reports among the labelled maps' detected gaps."""

    teacher: int = 0
    noise: int = 0
    #: reported detected gaps with no label: (map, node, code)
    unlabelled: list[tuple[str, str, str]] = field(default_factory=list)
    #: the noise reported: (map, node, code, why)
    noisy: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def reported(self) -> int:
        return self.teacher + self.noise

    @property
    def precision(self) -> float:
        return self.teacher / self.reported if self.reported else 1.0


def labels() -> dict[str, dict[tuple[str, str], dict[str, str]]]:
    """map file name -> (node, code) -> {label, why}."""
    raw = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return {
        name: {(str(row["node"]), row["code"]): row for row in rows} for name, rows in raw.items()
    }


def score(**options: object) -> Score:
    """Label the detected gaps ``argmap.find_gaps(map, **options)`` reports on the labelled maps."""
    out = Score()
    for name, table in labels().items():
        gaps = argmap.find_gaps(argmap.load(ROOT / "maps" / name), **options)  # type: ignore[arg-type]
        for gap in gaps:
            if gap.origin != "detected":
                continue
            row = table.get((gap.node, gap.code))
            if row is None:
                out.unlabelled.append((name, gap.node, gap.code))
            elif row["label"] == "teacher":
                out.teacher += 1
            else:
                out.noise += 1
                out.noisy.append((name, gap.node, gap.code, row["why"]))
    return out


def weaknesses_found(gaps: list[Gap]) -> tuple[int, list[str]]:
    """How many of the flagship's reference weaknesses ``gaps`` find, and the ones missed."""
    found = 0
    missed = []
    for item in yaml.safe_load(WEAKNESSES.read_text(encoding="utf-8")):
        nodes, codes = set(item["nodes"]), set(item["codes"])
        if any(g.node in nodes and (g.code in codes or g.name in codes) for g in gaps):
            found += 1
        else:
            missed.append(item["what"])
    return found, missed
