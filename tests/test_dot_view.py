"""The Graphviz view's drawing rules: kinds, junctions, attacks, undercuts, gaps, wrapping, themes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import FLAGSHIP, MAPS

import argmap
from argmap.analysis.base import Gap, annotated_gaps
from argmap.errors import RenderError
from argmap.model import ArgumentMap, Inference, InferenceKind, Severity, Statement
from argmap.views.dot import (
    THEMES,
    DotOptions,
    dot_string,
    kind_of,
    style_svg,
    svg_stylesheet,
    to_dot,
)
from argmap.views.engines import run_wasm

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^ \]]+)')


def node_attrs(dot: str, name: str) -> dict[str, str]:
    """The attributes of the node statement named ``name`` (values unquoted)."""
    head = f"\t{dot_string(name)} ["
    line = next(line for line in dot.splitlines() if line.startswith(head))
    return {k: v.strip('"') for k, v in _ATTR.findall(line[len(head) - 1 :])}


def edge_lines(dot: str) -> list[str]:
    return [line for line in dot.splitlines() if " -> " in line]


@pytest.fixture(scope="module")
def flagship() -> ArgumentMap:
    return argmap.load(FLAGSHIP)


@pytest.fixture(scope="module")
def small() -> ArgumentMap:
    return argmap.load(MAPS / "linked-undercut.yaml")


def test_each_kind_has_its_own_shape_and_line(small: ArgumentMap) -> None:
    dot = to_dot(small)
    conclusion, reason, evidence = (node_attrs(dot, n) for n in ("C", "R2", "E2"))
    assumption, objection = node_attrs(dot, "A1"), node_attrs(dot, "O1.1")
    assert (conclusion["shape"], conclusion["peripheries"]) == ("box", "2")
    assert "rounded" in reason["style"] and "dashed" not in reason["style"]
    assert evidence["shape"] == "note"
    assert "dotted" in assumption["style"] and "dashed" not in assumption["style"]
    assert "diagonals" in objection["style"]
    # five kinds, five different (shape, style) pairs: they differ in black and white too
    pairs = {
        (a["shape"], a["style"]) for a in (conclusion, reason, evidence, assumption, objection)
    }
    assert len(pairs) == 5
    assert {kind_of(small, s) for s in small.statements.values()} == {
        "conclusion",
        "reason",
        "evidence",
        "assumption",
        "objection",
    }


def test_node_id_is_the_map_id(flagship: ArgumentMap) -> None:
    dot = to_dot(flagship)
    for sid in flagship.statements:
        assert node_attrs(dot, sid)["id"] == sid.replace("\\", "\\\\")


def test_junctions_only_for_linked_premises_and_undercut_steps(flagship: ArgumentMap) -> None:
    dot = to_dot(flagship)
    junctions = {m.group(1) for m in re.finditer(r'\t"([^"]+)" \[id="[^"]+" class="junction', dot)}
    needed = {
        inf.id
        for inf in flagship.inferences.values()
        if len(inf.premises) > 1 or flagship.attacks(inf.id)
    }
    assert junctions == needed
    assert len(junctions) < len(flagship.inferences) / 3
    for inf in flagship.inferences.values():
        if inf.id not in needed:
            # a single-premise inference is one plain edge from its target down to its premise
            (edge,) = [e for e in edge_lines(dot) if f'[id="{inf.id}"' in e]
            assert edge.startswith(f'\t"{inf.target}" -> "{inf.premises[0]}"')


def test_supports_green_attacks_red_with_a_bar(small: ArgumentMap) -> None:
    dot = to_dot(small)
    theme = THEMES["default"]
    support = next(e for e in edge_lines(dot) if '[id="_i6"' in e)  # E1 supports R1
    attack = next(e for e in edge_lines(dot) if '[id="_i5"' in e)  # O1 attacks C
    assert f'color="{theme.support}"' in support and "arrowtail=normal" in support
    assert f'color="{theme.attack}"' in attack and "arrowtail=tee" in attack
    # arrows point from the support towards what it supports: drawn at the target's end
    assert support.startswith('\t"R1" -> "E1"') and "dir=back" in support


def test_undercut_points_at_the_inference_it_attacks(small: ArgumentMap) -> None:
    dot = to_dot(small)
    linked = next(i for i in small.inferences.values() if len(i.premises) == 3)
    undercut = next(i for i in small.inferences.values() if i.target == linked.id)
    assert undercut.kind is InferenceKind.UNDERCUT
    # the undercut's arrow ends at the junction of the linked inference
    assert any(e.startswith(f'\t"{linked.id}" -> "{undercut.id}"') for e in edge_lines(dot))
    assert node_attrs(dot, undercut.id)["class"] == "junction undercut"


def test_weak_inference_is_dashed(small: ArgumentMap) -> None:
    edge = next(e for e in edge_lines(to_dot(small)) if '[id="_i4"' in e)  # R3, weak
    assert "style=dashed" in edge


def gap(node: str, severity: Severity, code: str = "A002") -> Gap:
    return Gap(code, "factual-error", severity, node, f"{node}: wrong <b>&amp;</b>", "check it")


def test_gap_border_marker_and_tooltip(small: ArgumentMap) -> None:
    gaps = [
        gap("R2", Severity.ERROR),
        gap("R2", Severity.WARNING, "S005"),
        gap("E2", Severity.INFO),
    ]
    dot = to_dot(small, gaps)
    theme = THEMES["default"]
    r2, e2 = node_attrs(dot, "R2"), node_attrs(dot, "E2")
    assert r2["color"] == theme.severity[Severity.ERROR]
    assert r2["penwidth"] == "3.2" and "dashed" in r2["style"]
    assert "gap-error" in r2["class"]
    assert r2["label"].startswith("✖ A002 S005\\r")
    assert "A002 error (factual-error): wrong <b>&amp;amp;</b>" in r2["tooltip"]
    assert "S005 warning" in r2["tooltip"]
    # info: a marker, no border
    assert e2["label"].startswith("ℹ A002")
    assert "penwidth" not in e2 and "dashed" not in e2["style"]
    warning = node_attrs(to_dot(small, [gap("R2", Severity.WARNING)]), "R2")
    assert warning["color"] == theme.severity[Severity.WARNING] and warning["penwidth"] == "2.4"


def test_gap_on_an_inference_marks_its_junction(small: ArgumentMap) -> None:
    step = small.inferences["_i6"]  # E1 supports R1: a plain edge without the gap
    junction = node_attrs(to_dot(small, [gap(step.id, Severity.WARNING, "S004")]), step.id)
    assert junction["class"] == "junction support gap-warning"
    assert junction["label"] == "⚠ S004" and "S004 warning" in junction["tooltip"]


def test_long_text_wraps_to_the_width() -> None:
    m = ArgumentMap(conclusion="C")
    words = "Argument maps show the structure of reasoning so that readers can see it"
    m.statements["C"] = Statement(id="C", text=f"{words}. {words}.", at="3")
    for width in (12, 30, 60):
        label = node_attrs(to_dot(m, options=DotOptions(width=width)), "C")["label"]
        lines = label.split("\\l")[:-1]
        assert all(len(line) <= width for line in lines)
        assert " ".join(lines) == f"{words}. {words}."
        assert label.endswith("\\lC · ¶3\\n")  # id and anchor under the text


def test_options_are_checked() -> None:
    with pytest.raises(RenderError, match="rankdir"):
        DotOptions(rankdir="XY")
    with pytest.raises(RenderError, match="theme"):
        DotOptions(theme="neon")
    with pytest.raises(RenderError, match="narrow"):
        DotOptions(width=3)


@pytest.mark.parametrize("rankdir", ["TB", "BT", "LR", "RL"])
def test_rankdir(small: ArgumentMap, rankdir: str) -> None:
    assert f"graph [rankdir={rankdir} " in to_dot(small, options=DotOptions(rankdir=rankdir))


def test_print_theme_is_black_white_and_grey(flagship: ArgumentMap) -> None:
    dot = to_dot(flagship, annotated_gaps(flagship), None, DotOptions(theme="print", legend=True))
    colours = set(re.findall(r'color="(#[0-9a-f]{6})"', dot))
    for colour in colours:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert r == g == b, f"{colour} is not grey"


def test_colorblind_theme_uses_the_okabe_ito_colours(small: ArgumentMap) -> None:
    dot = to_dot(small, options=DotOptions(theme="colorblind"))
    assert 'color="#0072b2"' in dot and 'color="#d55e00"' in dot
    assert "#2e7d32" not in dot and "#c62828" not in dot


def test_legend_shows_what_the_map_uses(small: ArgumentMap, flagship: ArgumentMap) -> None:
    dot = to_dot(small, annotated_gaps(small), None, DotOptions(legend=True))
    legend = dot[dot.index("subgraph legend") :]
    assert "rank=sink" in legend
    for text in ("conclusion", "reason", "evidence", "implicit assumption", "objection"):
        assert f'label="{text}"' in legend
    assert 'label="ℹ info gap"' in legend and "error gap" not in legend
    assert 'label="undercuts a step"' in legend
    plain = to_dot(flagship, [], None, DotOptions(legend=True))
    assert "gap" not in plain[plain.index("subgraph legend") :]
    assert "subgraph legend" not in to_dot(small)


def test_verdicts_colour_the_fill_and_are_written(small: ArgumentMap) -> None:
    verdicts = {"C": "contested", "R2": "accepted", "E2": "unsupported"}
    dot = to_dot(small, [], verdicts, DotOptions(legend=True))
    theme = THEMES["default"]
    for node, verdict in verdicts.items():
        attrs = node_attrs(dot, node)
        assert attrs["fillcolor"] == theme.verdict[verdict]
        assert f"⇒ {verdict}\\n" in attrs["label"] and f"verdict-{verdict}" in attrs["class"]
    assert 'label="⇒ accepted"' in dot  # in the legend
    why = {"C": "contested (OUT): an objection stands"}
    tooltip = node_attrs(to_dot(small, [], verdicts, why=why), "C")["tooltip"]
    assert "\\nverdict: contested (OUT): an objection stands" in tooltip


def test_disconnected_statements_are_drawn(tmp_path: object) -> None:
    m = ArgumentMap(conclusion="C")
    m.statements["C"] = Statement(id="C", text="The claim.")
    m.statements["X"] = Statement(id="X", text="An orphan.")
    assert node_attrs(to_dot(m), "X")["class"] == "statement reason"


def test_10000_deep_chain_builds_and_renders_without_recursion() -> None:
    m = ArgumentMap(conclusion="s0")
    for i in range(10_000):
        m.statements[f"s{i}"] = Statement(id=f"s{i}", text=f"Claim number {i}.")
        if i:
            kind = InferenceKind.ATTACK if i % 7 == 0 else InferenceKind.SUPPORT
            m.inferences[f"i{i}"] = Inference(
                id=f"i{i}", premises=[f"s{i}"], target=f"s{i - 1}", kind=kind
            )
    dot = to_dot(m, options=DotOptions(legend=True))
    assert dot.count('class="statement') == 10_000
    root = ET.fromstring(run_wasm(dot, "svg"))
    groups = [g for g in root.iter(f"{SVG}g") if "statement" in g.get("class", "")]
    assert len(groups) == 10_000


def test_stylesheet_sets_meta_lines_small_and_gap_markers_in_colour() -> None:
    css = svg_stylesheet("default")
    assert '.statement text[text-anchor="middle"] { font-size: 9px' in css
    assert '.gap-error text[text-anchor="end"] { fill: #d32f2f; }' in css
    svg = b'<?xml version="1.0"?>\n<!-- x -->\n<svg width="8pt" height="8pt">\n<g/></svg>\n'
    styled = style_svg(svg)
    assert styled.startswith(svg[: svg.index(b">\n<g/>") + 1] + b"\n<style>")
    ET.fromstring(styled)
    with pytest.raises(RenderError, match="no <svg>"):
        style_svg(b"not svg")


def test_node_title_becomes_its_tooltip() -> None:
    node = (
        b'<svg>\n<g id="R1" class="node statement reason">\n<title>R1</title>\n'
        b'<g id="a_R1"><a xlink:title="R1 (reason)&#10;A &lt;b&gt; &amp; &quot;q&quot;">\n'
        b"</a>\n</g>\n</g>\n</svg>"
    )
    styled = style_svg(node)
    assert b"<title>R1 (reason)&#10;A &lt;b&gt; &amp; &quot;q&quot;</title>" in styled
    root = ET.fromstring(
        styled.replace(b"<svg>", b'<svg xmlns:xlink="http://www.w3.org/1999/xlink">')
    )
    assert root.findtext(".//title") == 'R1 (reason)\nA <b> & "q"'


def test_rendered_svg_has_one_group_per_statement_and_styled_gaps(flagship: ArgumentMap) -> None:
    gaps = annotated_gaps(flagship)
    svg = style_svg(run_wasm(to_dot(flagship, gaps), "svg"))
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if "statement" in g.get("class", "")}
    assert set(groups) == set(flagship.statements)
    theme = THEMES["default"]
    for node in {g.node for g in gaps if g.node in flagship.statements}:
        worst = min(
            (g for g in gaps if g.node == node), key=lambda g: "ewi".index(g.severity.value[0])
        )
        group = groups[node]
        assert f"gap-{worst.severity.value}" in group.get("class", "")
        title = next(a.get(XLINK_TITLE, "") for a in group.iter(f"{SVG}a"))
        for g in gaps:
            if g.node == node:
                assert g.message.removeprefix(f"{node}: ")[:40] in title.replace("\n", " ")
        if worst.severity is not Severity.INFO:
            shape = next(e for e in group.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
            assert shape.get("stroke") == theme.severity[worst.severity]
            assert shape.get("stroke-dasharray")


def test_print_theme_tells_support_from_attack_by_line_and_arrow(small: ArgumentMap) -> None:
    dot = to_dot(small, options=DotOptions(theme="print", legend=True))

    def attrs(line: str) -> dict[str, str]:
        return {k: v.strip('"') for k, v in _ATTR.findall(line[line.index("[") :])}

    edges = [attrs(e) for e in edge_lines(dot) if "legend" not in e]
    support = [e for e in edges if e.get("class") == "support"]
    attack = [e for e in edges if e.get("class") in ("attack", "undercut")]
    assert support and attack and all(e.get("class") for e in edges)
    assert {e.get("style") for e in attack} == {"dashed"}
    assert "dashed" not in {e.get("style") for e in support}
    # solid with a filled arrow vs dashed with a bar, where the edge ends at its target
    assert {e["arrowtail"] for e in support if "arrowtail" in e} == {"normal"}
    assert {e["arrowtail"] for e in attack if "arrowtail" in e} == {"tee"}
    # the weak support is dotted, never dashed like an attack
    assert attrs(next(e for e in edge_lines(dot) if '[id="_i4"' in e))["style"] == "dotted"
    # the legend draws each line as the map does
    legend = dot[dot.index("subgraph legend") :]
    assert re.search(r'-> "legend-attack" \[arrowhead=tee color="#000000" style=dashed\]', legend)
    assert re.search(r'-> "legend-support" \[arrowhead=normal color="#000000"\]', legend)
    assert 'label="weak inference"' in legend


def test_svg_edges_keep_their_relation_as_class(small: ArgumentMap) -> None:
    root = ET.fromstring(
        style_svg(run_wasm(to_dot(small, options=DotOptions(theme="print")), "svg"))
    )
    edges = [g for g in root.iter(f"{SVG}g") if "edge" in g.get("class", "").split()]
    kinds = {inf.kind.value for inf in small.inferences.values()}
    assert {g.get("class", "").split()[1] for g in edges} == kinds
    for g in edges:
        path = next(g.iter(f"{SVG}path"))
        dashed = bool(path.get("stroke-dasharray"))
        relation = g.get("class", "").split()[1]
        if relation in ("attack", "undercut"):
            assert dashed


def test_implicit_and_reconstructed_differ_from_gap_marks(small: ArgumentMap) -> None:
    m = argmap.load(MAPS / "linked-undercut.yaml")
    m.statements["R2"] = m.statements["R2"].model_copy(update={"reconstructed": True})
    dot = to_dot(m, [gap("R3", Severity.WARNING)], None, DotOptions(theme="print", legend=True))
    a1, r2, r3 = node_attrs(dot, "A1"), node_attrs(dot, "R2"), node_attrs(dot, "R3")
    assert "dotted" in a1["style"] and "dashed" not in a1["style"] and "· implicit" in a1["label"]
    assert "· reconstructed" in r2["label"] and "reconstructed" in r2["class"]
    assert "dashed" in r3["style"] and "⚠" in r3["label"]
    legend = dot[dot.index("subgraph legend") :]
    assert "“implicit”" in legend and "“reconstructed”" in legend and "warning gap" in legend


def test_linked_premises_share_one_box_unless_a_premise_is_shared(flagship: ArgumentMap) -> None:
    dot = to_dot(flagship)
    boxes = re.findall(r'\tsubgraph "(cluster:[^"]+)" \{[^\n]*class="co-premises"[^\n]*\}', dot)
    uses: dict[str, int] = {}
    for inf in flagship.inferences.values():
        for p in inf.premises:
            uses[p] = uses.get(p, 0) + 1
    expected = [
        f"cluster:{inf.id}"
        for inf in flagship.inferences.values()
        if len(inf.premises) > 1 and all(uses[p] == 1 for p in inf.premises)
    ]
    assert boxes == expected and boxes  # R5 + A2 on the flagship; R1 + A1 and R2 + A1 share A1
    assert "mclimit=4 remincross=true" in dot


def _fan(n: int) -> ArgumentMap:
    fan = ArgumentMap(conclusion="c")
    fan.statements["c"] = Statement(id="c", text="The conclusion.")
    for k in range(1, n):
        fan.statements[f"r{k}"] = Statement(id=f"r{k}", text=f"Reason number {k}.")
        fan.inferences[f"i{k}"] = Inference(
            id=f"i{k}", premises=[f"r{k}"], target="c", kind=InferenceKind.SUPPORT
        )
    return fan


def test_a_large_map_draws_its_boxes_one_width() -> None:
    """Above GROUPING_LIMIT statements every box gets a full line's width (a quicker layout)."""
    from argmap.views.dot import GROUPING_LIMIT, uniform_width

    def node_defaults(n: int) -> str:
        dot = argmap.to_dot(_fan(n))
        return next(line for line in dot.splitlines() if line.strip().startswith("node ["))

    assert " width=" not in node_defaults(GROUPING_LIMIT)
    assert f" width={uniform_width(30, 11):.2f}" in node_defaults(GROUPING_LIMIT + 1)
    assert 2.5 < uniform_width(30, 11) < 3.0
