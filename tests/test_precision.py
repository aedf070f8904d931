"""The default profile's precision on the labelled maps, and the flagship's reference weaknesses."""

from __future__ import annotations

from precision import FLAGSHIP, labels, score, weaknesses_found

import argmap
from argmap.analysis.gaps import find_gaps


def test_every_labelled_gap_is_keyed_by_map_node_and_code() -> None:
    for name, table in labels().items():
        m = argmap.load(FLAGSHIP.parent / name)
        for (node, code), row in table.items():
            assert node in m.statements or node in m.inferences, (name, node)
            assert row["label"] in ("teacher", "noise") and row["why"], (name, node, code)


def test_default_profile_precision_is_at_least_0_8() -> None:
    result = score()
    assert result.unlabelled == [], "label these gaps in tests/data/gap-labels.yaml"
    assert result.precision >= 0.8, result.noisy


def test_the_default_profile_finds_17_of_the_18_reference_weaknesses() -> None:
    found, missed = weaknesses_found(argmap.find_gaps(argmap.load(FLAGSHIP)))
    assert found >= 17, missed


def test_the_whole_catalogue_finds_all_18() -> None:
    found, missed = weaknesses_found(find_gaps(argmap.load(FLAGSHIP), everything=True))
    assert missed == []
