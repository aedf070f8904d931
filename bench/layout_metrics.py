"""Layout quality of a rendered map: total edge length and edge crossings, from Graphviz's JSON.

    python bench/layout_metrics.py MAP [render options...]

Renders MAP with ``argmap render --format json`` (the options are passed on), samples each
edge's Bézier curves, and prints the total length (in points) and the number of pairs of
edges that cross (edges that share an end are not counted: they meet, they do not cross).
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations
from pathlib import Path

BIN = Path(sys.executable).parent
Point = tuple[float, float]


def _bezier(points: list[Point], steps: int = 8) -> list[Point]:
    out: list[Point] = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return out


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0) and 0 not in (d1, d2, d3, d4)


def metrics(layout: dict[str, object]) -> tuple[float, int, int]:
    """(total edge length, crossings, edges) of a Graphviz JSON layout."""
    objects = layout.get("objects", [])
    assert isinstance(objects, list)
    names = {o["_gvid"]: o.get("name", "") for o in objects}
    legend = {o["_gvid"] for o in objects if "legend" in str(o.get("class", ""))}
    lines: list[tuple[set[int], list[Point]]] = []
    edges = layout.get("edges", [])
    assert isinstance(edges, list)
    for edge in edges:
        if edge.get("style") == "invis" or {edge["tail"], edge["head"]} & legend:
            continue
        curve: list[Point] = []
        for op in edge.get("_draw_", []):
            if op.get("op") in ("b", "B"):
                curve = _bezier([tuple(p) for p in op["points"]])
        if curve:
            lines.append(({edge["tail"], edge["head"]}, curve))
    del names
    length = sum(
        ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        for _, curve in lines
        for (x0, y0), (x1, y1) in zip(curve, curve[1:], strict=False)
    )
    crossings = 0
    for (ends_a, a), (ends_b, b) in combinations(lines, 2):
        if ends_a & ends_b:
            continue
        if max(p[0] for p in a) < min(p[0] for p in b) or max(p[0] for p in b) < min(
            p[0] for p in a
        ):
            continue
        if any(
            _cross(a[i], a[i + 1], b[j], b[j + 1])
            for i in range(len(a) - 1)
            for j in range(len(b) - 1)
        ):
            crossings += 1
    return length, crossings, len(lines)


def main(argv: list[str]) -> int:
    out = subprocess.run(
        [str(BIN / "argmap"), "render", argv[0], "--format", "json", "-o", "-", *argv[1:]],
        check=True,
        capture_output=True,
    ).stdout
    length, crossings, count = metrics(json.loads(out))
    print(f"edges {count}  total length {length:,.0f} pt  crossings {crossings}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
