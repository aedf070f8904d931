"""The slide layout's promise: the flagship split per main reason reads at 14 px or more on a
1920 x 1080 screen; parts of a map (--focus, --depth, --split) keep what they should."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.model import parts

SVG = "{http://www.w3.org/2000/svg}"
SCREEN = (1920, 1080)


def effective_sizes(svg: bytes) -> dict[str, float]:
    """The smallest text size, in screen pixels, of each kind of label line when the picture
    is fitted into 1920 x 1080: font size x displayed width / viewBox width."""
    root = ET.fromstring(svg)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    scale = min(SCREEN[0] / width, SCREEN[1] / height)  # displayed width / viewBox width
    css = root.findtext(f"{SVG}style") or ""
    sized = {
        anchor: float(px)
        for anchor, px in re.findall(
            r'\.statement text\[text-anchor="(\w+)"\] \{ font-size: (\d+)px', css
        )
    }
    smallest: dict[str, float] = {}
    for g in root.iter(f"{SVG}g"):
        if "statement" not in g.get("class", "").split():
            continue
        for text in g.iter(f"{SVG}text"):
            anchor = text.get("text-anchor", "start")
            size = sized.get(anchor, float(text.get("font-size", "14")))
            smallest[anchor] = min(smallest.get(anchor, 1e9), size * scale)
    return smallest


def test_flagship_split_for_slides_reads_at_14_px(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "render",
            str(FLAGSHIP),
            "--split",
            "--layout",
            "slide",
            "--engine",
            "wasm",
            "-o",
            str(tmp_path / "part.svg"),
        ],
    )
    assert result.exit_code == 0, result.output
    m = argmap.load(FLAGSHIP)
    main_reasons = [i for i in m.incoming(m.conclusion) if i.kind.value == "support"]
    files = sorted(tmp_path.iterdir(), key=lambda p: int(p.stem.split("-")[1]))
    # one numbered file per main reason (and one for the objections to the conclusion); nothing else
    attacks = any(i.kind.value != "support" for i in m.incoming(m.conclusion))
    assert [p.name for p in files] == [
        f"part-{n}.svg" for n in range(1, len(main_reasons) + 1 + attacks)
    ]
    for path in files:
        sizes = effective_sizes(path.read_bytes())
        assert min(sizes.values()) >= 14, (path.name, sizes)
        root = ET.fromstring(path.read_bytes())
        ids = {g.get("id") for g in root.iter(f"{SVG}g") if "statement" in g.get("class", "")}
        assert m.conclusion in ids  # the conclusion is the top box of every part
        title = root.find(f"{SVG}g/{SVG}text")
        assert title is not None and (title.text or "").startswith(m.title or "")


def test_slide_labels_are_short_with_the_whole_text_in_the_tooltip() -> None:
    m = argmap.load(FLAGSHIP)
    dot = argmap.to_dot(m, layout="slide")
    c = m.statements[m.conclusion]
    line = next(x for x in dot.splitlines() if x.startswith(f'\t"{c.id}" ['))
    label = re.search(r' label="((?:[^"\\]|\\.)*)"', line)
    tooltip = re.search(r' tooltip="((?:[^"\\]|\\.)*)"', line)
    assert label and tooltip
    shown = label.group(1).replace("\\l", " ")
    assert "…" in shown and len(shown) < len(c.text)
    assert c.text[:60] in tooltip.group(1)


def test_focus_depth_and_split_parts() -> None:
    m = argmap.load(FLAGSHIP)
    r3 = parts.focus(m, "R3").argmap
    assert r3.conclusion == "R3" and set(r3.statements) == {"R3", "R3.1", "E8", "E9", "E10"}
    top = parts.depth(m, 1)
    assert set(top.argmap.statements) == {m.conclusion} | set(m.children(m.conclusion)) | {
        p for i in m.incoming(m.conclusion) for u in m.incoming(i.id) for p in u.premises
    }
    # "+k more": R3 hides its four statements, the conclusion everything below level 1
    assert top.more["R3"] == 4
    assert top.more[m.conclusion] == len(m.statements) - len(top.argmap.statements)
    pieces = parts.split(m)
    assert all(p.argmap.conclusion == m.conclusion and p.title for p in pieces)
    covered = set().union(*(p.argmap.statements for p in pieces))
    assert covered == set(m.statements) - {
        s for s in m.statements if s not in parts.below(m, [m.conclusion])
    }


def test_render_focus_depth_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "r3.svg"
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "render",
            str(FLAGSHIP),
            "--focus",
            "R3",
            "--depth",
            "0",
            "--engine",
            "wasm",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    root = ET.fromstring(out.read_bytes())
    ids = {g.get("id") for g in root.iter(f"{SVG}g") if "statement" in g.get("class", "")}
    assert ids == {"R3"}
    assert any("+4 more below" in (t.text or "") for t in root.iter(f"{SVG}text"))
    bad = runner.invoke(app, ["render", str(FLAGSHIP), "--focus", "R33", "-o", str(out)])
    assert (
        bad.exit_code == 2 and "no statement 'R33' to focus on (did you mean 'R3'?)" in bad.stderr
    )
    dash = runner.invoke(app, ["render", str(FLAGSHIP), "--split", "-o", "-"])
    assert dash.exit_code == 2 and "--split writes one file per main reason" in dash.stderr
    shown = runner.invoke(app, ["show", str(FLAGSHIP), "--focus", "R3", "--ids"])
    assert shown.exit_code == 0 and "E9" in shown.stdout and "E16" not in shown.stdout


@pytest.mark.parametrize("layout", ["default", "slide"])
def test_layouts_keep_every_statement(layout: str) -> None:
    m = argmap.load(FLAGSHIP)
    dot = argmap.to_dot(m, layout=layout)
    assert dot.count('class="statement') == len(m.statements)
