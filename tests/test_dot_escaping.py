"""User text in DOT is data: hostile labels and ids pin their escaped form, and each renders as typed.

The table follows the graphviz package's ``tests/test_quoting.py``: every
case pins the exact DOT string :func:`dot_string` makes (in a label and in a
tooltip, where Graphviz processes backslashes twice), then a map holding the
text as a statement (and as its id) is rendered with the embedded engine
and, when installed, the system ``dot``: the SVG parses, holds exactly the
map's nodes, no image, and shows the text exactly as the user typed it.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import ArgumentMap, Inference, Statement
from argmap.views.dot import clean, dot_string, to_dot
from argmap.views.engines import run_dot, run_wasm

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
LONG = "x" * 10_000

# (user text, DOT string in a label or id, DOT string in a tooltip)
HOSTILE: list[tuple[str, str, str]] = [
    (
        '"];x[image="/etc/passwd"];y[label="',
        '"\\"];x[image=\\"/etc/passwd\\"];y[label=\\""',
        '"\\"];x[image=\\"/etc/passwd\\"];y[label=\\""',
    ),
    (
        '<IMG SRC="/etc/passwd"/>',
        '"<IMG SRC=\\"/etc/passwd\\"/>"',
        '"<IMG SRC=\\"/etc/passwd\\"/>"',
    ),
    ("<b>x</b>", '"<b>x</b>"', '"<b>x</b>"'),
    ("\\N \\G \\L", '"\\\\N \\\\G \\\\L"', '"\\\\\\\\N \\\\\\\\G \\\\\\\\L"'),
    ("line\r\nbreak", '"line break"', '"line break"'),
    ("a\\r\\nb", '"a\\\\r\\\\nb"', '"a\\\\\\\\r\\\\\\\\nb"'),
    ("&amp;", '"&amp;amp;"', '"&amp;amp;"'),
    ("&#92;N &lt;", '"&amp;#92;N &amp;lt;"', '"&amp;#92;N &amp;lt;"'),
    (LONG, f'"{LONG}"', f'"{LONG}"'),
    ("👍🏽 👨‍👩‍👧 🙂", '"👍🏽 👨‍👩‍👧 🙂"', '"👍🏽 👨‍👩‍👧 🙂"'),
    ("مرحبا بالعالم שלום", '"مرحبا بالعالم שלום"', '"مرحبا بالعالم שלום"'),
    ('"q"', '"\\"q\\""', '"\\"q\\""'),
    ("a\\lb", '"a\\\\lb"', '"a\\\\\\\\lb"'),
    ("node", '"node"', '"node"'),
    ("]", '"]"', '"]"'),
    ("ends with \\", '"ends with \\\\"', '"ends with \\\\\\\\"'),
    ("nul\x00 esc\x1b del\x7f", '"nul esc del"', '"nul esc del"'),
    ("non\uffff character\ufffe", '"non character"', '"non character"'),
]
IDS = [
    "passwd",
    "img",
    "bold",
    "escapes",
    "crlf",
    "backslash-crlf",
    "entity",
    "numeric-entity",
    "long",
    "emoji",
    "rtl",
    "quotes",
    "backslash-l",
    "keyword",
    "bracket",
    "trailing-backslash",
    "control",
    "xml-noncharacter",
]


@pytest.mark.parametrize(("text", "label", "tooltip"), HOSTILE, ids=IDS)
def test_hostile_text_escapes_exactly(text: str, label: str, tooltip: str) -> None:
    assert dot_string(text) == label
    assert dot_string(text, "tooltip") == tooltip


def test_lone_surrogates_are_dropped() -> None:
    """The model refuses them; DOT from any other source must still encode as UTF-8."""
    assert dot_string("lone \ud800 surrogate") == '"lone surrogate"'


def hostile_map(text: str) -> ArgumentMap:
    """The text as a statement's text and (but for the very long one) its id, with a premise."""
    sid = clean(text)[:200] if clean(text) else "empty"
    m = ArgumentMap(conclusion=sid)
    m.statements[sid] = Statement(id=sid, text=text)
    pid = f"{sid}-premise"  # never the same id as the text's (hypothesis once drew "P")
    m.statements[pid] = Statement(id=pid, text=f"premise of {text[:50]}")
    m.inferences["i1"] = Inference(id="i1", premises=[pid], target=sid)
    return m


def check_rendered(svg: bytes, m: ArgumentMap, text: str) -> None:
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()]
    assert sorted(g.get("id", "") for g in nodes) == sorted(m.statements)
    assert not list(root.iter(f"{SVG}image"))
    node = next(g for g in nodes if g.get("id") == m.conclusion)
    lines = [t.text or "" for t in node.iter(f"{SVG}text") if t.get("text-anchor") == "start"]
    # wrapping splits at spaces (or inside a long word); the characters are all there, in order
    assert "".join(lines).replace(" ", "") == clean(text).replace(" ", "")
    titles = [a.get(XLINK_TITLE, "") for a in node.iter(f"{SVG}a") if a.get(XLINK_TITLE)]
    assert titles and titles[0].split("\n")[1] == clean(text)


@pytest.mark.parametrize(("text", "label", "tooltip"), HOSTILE, ids=IDS)
def test_hostile_text_is_the_svg_title_as_typed_when_render_writes_it(
    text: str, label: str, tooltip: str
) -> None:
    """``render`` keeps the tooltips out of the DOT and writes them as the SVG's titles."""
    from argmap.api import render

    m = hostile_map(text)
    root = ET.fromstring(render(m, "svg", engine="wasm"))
    node = next(g for g in root.iter(f"{SVG}g") if g.get("id") == m.conclusion)
    assert not list(node.iter(f"{SVG}a"))
    title = node.findtext(f"{SVG}title") or ""
    assert title.split("\n")[1] == clean(text)


@pytest.mark.parametrize(("text", "label", "tooltip"), HOSTILE, ids=IDS)
def test_hostile_text_renders_as_typed_with_the_embedded_engine(
    text: str, label: str, tooltip: str
) -> None:
    m = hostile_map(text)
    check_rendered(run_wasm(to_dot(m), "svg"), m, text)


@pytest.mark.exe
@pytest.mark.skipif(shutil.which("dot") is None, reason="the Graphviz `dot` program is not on PATH")
@pytest.mark.parametrize(("text", "label", "tooltip"), HOSTILE, ids=IDS)
def test_hostile_text_renders_as_typed_with_system_dot(text: str, label: str, tooltip: str) -> None:
    m = hostile_map(text)
    check_rendered(run_dot(to_dot(m), "svg"), m, text)


def test_no_user_text_can_emit_a_file_reading_attribute() -> None:
    texts = [t for t, _, _ in HOSTILE]
    for text in texts:
        source = to_dot(hostile_map(text))
        for line in source.splitlines():
            # outside quoted strings, no line carries image/imagepath/fontpath or an HTML label
            outside = "".join(line.replace('\\"', "").split('"')[0::2])
            assert "image" not in outside and "fontpath" not in outside
            assert "<" not in outside


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda s: clean(s) != ""))
def test_any_text_is_one_inert_dot_string(text: str) -> None:
    quoted = dot_string(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    # every quote inside is escaped, every backslash doubled: the string cannot end early
    assert inner.replace("\\\\", "").replace('\\"', "").count('"') == 0
    assert "\\" not in inner.replace("\\\\", "").replace('\\"', "")
    m = hostile_map(text)
    check_rendered(run_wasm(to_dot(m), "svg"), m, text)


@pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz (dot) is not installed")
@pytest.mark.parametrize("char", ["w", "&", "é", "😀"])
def test_a_statement_too_long_for_graphviz_strings_is_cut_and_renders(
    tmp_path: Path, char: str
) -> None:
    """Graphviz 2.43 refuses any quoted string over 16,384 bytes: label and tooltip are cut."""
    text = " ".join([char * 5] * 6000)  # 36,000 characters, up to 144,000 bytes
    m = ArgumentMap(conclusion="c")
    m.add_statement(Statement(id="c", text=text))
    dot = to_dot(m)
    assert max(len(line.encode("utf-8")) for line in dot.split('"')) < 16_384
    assert "…" in dot
    out = tmp_path / "long.svg"
    argmap.render_file(m, out, engine="dot")
    assert out.read_bytes().startswith(b"<?xml")
