"""Themes readable by everyone: WCAG 2.1 contrast ratios of text, borders, lines and markers.

Text must reach 4.5:1 against its fill (WCAG AA for normal text); borders, edges and
gap markers 3:1 against white (WCAG's non-text contrast). Blue and vermillion, the
colour-blind theme's support and attack, are close in lightness (1.3:1), so there an
attack is also dashed: the two never rest on colour alone.
"""

from __future__ import annotations

import pytest

from argmap.views.dot import KINDS, THEMES, edge_style


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_is_readable_on_every_fill(name: str) -> None:
    theme = THEMES[name]
    for kind in KINDS:
        assert contrast(theme.text, theme.fill[kind]) >= 4.5, (name, kind)
        assert contrast(theme.meta, theme.fill[kind]) >= 4.5, (name, kind, "id/anchor line")
    for verdict, fill in theme.verdict.items():
        assert contrast(theme.text, fill) >= 4.5, (name, verdict)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_lines_and_markers_stand_out_from_white(name: str) -> None:
    theme = THEMES[name]
    for colour in (theme.support, theme.attack, *theme.severity.values()):
        assert contrast(colour, "#ffffff") >= 3, (name, colour)


def test_colorblind_support_and_attack_differ_in_more_than_colour() -> None:
    theme = THEMES["colorblind"]
    if contrast(theme.support, theme.attack) < 3:
        assert edge_style(theme, True, False) == "dashed"
        assert edge_style(theme, False, False) is None
        assert edge_style(theme, False, True) == "dotted"
