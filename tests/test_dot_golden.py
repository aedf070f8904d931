"""Golden DOT files for every map in maps/: the Graphviz view is deterministic, byte for byte.

The golden files use the gaps annotated in each map (not the detected
rules, which have their own tests), so they change only when the view or
the map changes. Regenerate with ``make golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MAPS, golden

import argmap
from argmap.analysis.base import annotated_gaps
from argmap.views.dot import DotOptions, to_dot, to_graphviz

MAP_FILES = sorted(MAPS.glob("*.yaml"))


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.stem for p in MAP_FILES])
def test_golden_dot(path: Path) -> None:
    m = argmap.load(path)
    golden(f"{path.stem}.dot", to_dot(m, annotated_gaps(m)))


def test_golden_dot_with_legend_print_theme_and_left_to_right() -> None:
    m = argmap.load(MAPS / "linked-undercut.yaml")
    options = DotOptions(legend=True, theme="print", rankdir="LR", width=24)
    golden("linked-undercut-legend-print-lr.dot", to_dot(m, annotated_gaps(m), None, options))


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.stem for p in MAP_FILES])
def test_same_map_same_dot(path: Path) -> None:
    """Two loads of one file give the same bytes, through the API and the graphviz object."""
    first = argmap.to_dot(argmap.load(path))
    second = argmap.to_dot(argmap.load(path))
    assert first == second
    m = argmap.load(path)
    gaps = argmap.find_gaps(m)
    assert to_graphviz(m, gaps).source == to_dot(m, gaps) == first
