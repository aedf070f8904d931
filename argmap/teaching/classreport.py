"""What a class's grades say together: the score distribution and an analysis per key item.

For each key statement and each annotated gap: how many of the graded
students mapped it, and the most common confusions ("7 of 24 took the
objection in paragraph 20 for a reason"). The views (HTML, Markdown,
terminal) are in :mod:`argmap.views.grade_report`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, format_anchor
from argmap.teaching.align import roles
from argmap.teaching.grade import ROLE_NAMES, Result

#: Score bands of the distribution chart: 0-9, 10-19, ..., 90-100.
BANDS = tuple((low, low + 10) for low in range(0, 100, 10))


@dataclass(frozen=True)
class ItemStat:
    """One key statement or gap across the class."""

    key: str  # the statement id, or "gap:NODE:KIND"
    label: str  # "reason, paragraphs 3-5: Iran has long-standing motives…"
    found: int
    graded: int
    confusions: tuple[tuple[str, int], ...] = ()  # (what students did instead, how many)

    @property
    def share(self) -> float:
        return self.found / self.graded if self.graded else 0.0


@dataclass
class ClassReport:
    """The class at a glance."""

    title: str
    results: list[Result]
    items: list[ItemStat] = field(default_factory=list)

    @property
    def scores(self) -> list[float]:
        return [r.score for r in self.results if r.score is not None]

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.score is None]

    def band_counts(self) -> list[int]:
        counts = [0] * len(BANDS)
        for s in self.scores:
            counts[min(int(s // 10), len(BANDS) - 1)] += 1
        return counts

    def summary(self) -> dict[str, float]:
        s = self.scores
        if not s:
            return {}
        return {
            "mean": statistics.fmean(s),
            "median": statistics.median(s),
            "lowest": min(s),
            "highest": max(s),
        }


def _where(key: ArgumentMap, sid: str) -> str:
    anchors = key.statements[sid].anchors
    if not anchors:
        return ""
    word = "paragraph" if len(set(anchors)) == 1 else "paragraphs"
    return f"{word} {format_anchor(list(anchors))}"


def _label(key: ArgumentMap, sid: str, role: str) -> str:
    words = key.statements[sid].text.split()
    text = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
    where = _where(key, sid)
    return f"{ROLE_NAMES.get(role, role)}{', ' + where if where else ''}: {text}"


def class_report(key: ArgumentMap, results: list[Result]) -> ClassReport:
    """The report's data: the results as given, and one :class:`ItemStat` per key item."""
    graded = [r for r in results if r.score is not None]
    n = len(graded)
    role = roles(key)
    by_key: dict[str, Counter[str]] = {}
    for r in graded:
        for item in r.items:
            what = item.status if item.as_role is None else f"{item.status}:{item.as_role}"
            by_key.setdefault(item.key, Counter())[what] += 1
    stats: list[ItemStat] = []
    order = [e.node for e in key.tree() if not e.repeat]
    order += [s for s in key.statements if s not in order]
    for sid in order:
        counts = by_key.get(sid)
        if counts is None:
            continue  # optional statements nobody mapped, unconnected ones
        confusions = []
        where = _where(key, sid) or f"“{' '.join(key.statements[sid].text.split()[:6])}…”"
        name = ROLE_NAMES.get(role[sid], role[sid])
        for what, count in counts.most_common():
            if what.startswith("confused:"):
                as_role = ROLE_NAMES.get(what.split(":", 1)[1], "another role")
                confusions.append((f"took the {name} in {where} for {_an(as_role)}", count))
            elif what == "opposite":
                confusions.append(("stated the opposite conclusion", count))
            elif what == "elsewhere":
                confusions.append(("mapped the conclusion, but not as their main one", count))
        stats.append(
            ItemStat(sid, _label(key, sid, role[sid]), counts["found"], n, tuple(confusions))
        )
    for gap in key.gaps:
        tag = f"gap:{gap.node}:{gap.kind}"
        counts = by_key.get(tag)
        if counts is None:
            continue
        where = _where(key, gap.node) if gap.node in key.statements else f"inference {gap.node}"
        confusions = []
        if counts["partly"]:
            confusions.append(("flagged another kind there, or a neighbour", counts["partly"]))
        stats.append(
            ItemStat(tag, f"gap {gap.kind}, {where}", counts["found"], n, tuple(confusions))
        )
    title = key.title or "Class report"
    return ClassReport(title, list(results), stats)


def _an(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word
