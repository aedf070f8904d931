"""``argmap render``: formats, engines, stdout, atomic writes, clear errors; SVG with nothing installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS
from typer.testing import CliRunner

import argmap
from argmap.cli import RankDir, RenderEngine, RenderFormat, RenderTheme, app

SVG = "{http://www.w3.org/2000/svg}"
BIN = Path(sys.executable).parent
HAS_DOT = shutil.which("dot") is not None


def render(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


def argmap_without_dot(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed ``argmap`` with PATH limited to the venv's bin: no system Graphviz."""
    env = {**os.environ, "PATH": str(BIN)}
    return subprocess.run(
        [str(BIN / "argmap"), *args], cwd=cwd, env=env, capture_output=True, check=False
    )


def statement_groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    groups: dict[str, ET.Element] = {}
    for g in root.iter(f"{SVG}g"):
        if "statement" in g.get("class", "").split():
            assert g.get("id") not in groups
            groups[g.get("id", "")] = g
    return groups


def test_svg_with_no_dot_on_path(tmp_path: Path) -> None:
    proc = argmap_without_dot("render", str(FLAGSHIP), "-o", "map.svg", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert (proc.stdout, proc.stderr) == (b"", b"")
    svg = (tmp_path / "map.svg").read_bytes()
    m = argmap.load(FLAGSHIP)
    groups = statement_groups(svg)  # parses as XML
    assert set(groups) == set(m.statements)
    gaps = argmap.find_gaps(m)
    assert gaps
    for node in {g.node for g in gaps if g.node in m.statements}:
        group = groups[node]
        assert any(c.startswith("gap-") for c in group.get("class", "").split())
        # the tooltip is the SVG <title>, with no link around the node to carry a second copy
        assert not list(group.iter(f"{SVG}a"))
        assert not any(c.startswith("tip") for c in group.get("class", "").split())
        title = group.findtext(f"{SVG}title") or ""
        assert title.startswith(f"{node} (")
        for gap in gaps:
            if gap.node == node:
                assert gap.code in title
        marker = [t.text for t in group.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
        assert marker and all(g.code in (marker[0] or "") for g in gaps if g.node == node)
    errors = [g for g in gaps if g.severity.value == "error" and g.node in m.statements]
    shape = next(
        e for e in groups[errors[0].node].iter() if e.tag in (f"{SVG}path", f"{SVG}polygon")
    )
    assert shape.get("stroke") == "#d32f2f" and shape.get("stroke-dasharray")


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_with_no_dot_say_how_to_get_them(tmp_path: Path, fmt: str) -> None:
    proc = argmap_without_dot("render", str(FLAGSHIP), "-o", f"map.{fmt}", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.decode() == (
        f"Error: {fmt.upper()} needs the system Graphviz (the `dot` program), which is not on "
        "PATH. SVG works without it: argmap render MAP -o map.svg. For "
        f"{fmt.upper()}, install Graphviz (Debian/Ubuntu: sudo apt install graphviz; Fedora: "
        "sudo dnf install graphviz; macOS: brew install graphviz; Windows: winget install "
        "graphviz; or https://graphviz.org/download/)\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("map.svg", lambda data: ET.fromstring(data).tag == f"{SVG}svg"),
        ("map.json", lambda data: "objects" in json.loads(data)),
        ("map.gv", lambda data: data.startswith(b"digraph argmap {\n")),
        ("map.dot", lambda data: data.startswith(b"digraph argmap {\n")),
        ("map.html", lambda data: data.startswith(b"<!DOCTYPE html>")),
    ],
)
def test_format_from_the_extension(tmp_path: Path, name: str, check: object) -> None:
    out = tmp_path / name
    code, stdout, stderr = render(str(FLAGSHIP), "--engine", "wasm", "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    assert callable(check) and check(out.read_bytes())


def test_dash_writes_to_stdout_svg_unless_told(tmp_path: Path) -> None:
    code, stdout, _ = render(str(FLAGSHIP), "--engine", "wasm", "-o", "-")
    assert code == 0 and "<svg" in stdout
    code, stdout, _ = render(str(FLAGSHIP), "--format", "dot", "-o", "-")
    assert code == 0 and stdout == argmap.to_dot(argmap.load(FLAGSHIP))


def test_format_option_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    code, _, _ = render(str(FLAGSHIP), "--format", "dot", "-o", str(out))
    assert code == 0 and out.read_text().startswith("digraph argmap {")


def test_unknown_extension(tmp_path: Path) -> None:
    out = tmp_path / "map.txt"
    code, _, stderr = render(str(FLAGSHIP), "-o", str(out))
    assert code == 1
    assert stderr.startswith(f"Error: {out}: cannot tell the format from the name; end it with")
    assert "--format svg|png|pdf|dot|json|html" in stderr


def test_bad_option_values_exit_2() -> None:
    for args in (["--format", "gif"], ["--engine", "cairo"], ["--theme", "neon"], ["--width", "3"]):
        code, _, _ = render(str(FLAGSHIP), "-o", "x.svg", *args)
        assert code == 2, args


def test_missing_output_directory(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "map.svg"
    code, _, stderr = render(str(FLAGSHIP), "-o", str(out))
    assert (code, stderr) == (1, f"Error: {out}: the directory {out.parent} does not exist\n")


def test_output_path_under_a_file_or_a_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, stderr = render(str(FLAGSHIP), "-o", str(blocker / "map.svg"))
    assert (code, stderr) == (1, f"Error: {blocker / 'map.svg'}: {blocker} is not a directory\n")
    code, _, stderr = render(str(FLAGSHIP), "--format", "svg", "-o", str(tmp_path))
    assert (code, stderr) == (1, f"Error: {tmp_path}: is a directory; give a file name\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only directory")
def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, stderr = render(str(FLAGSHIP), "--engine", "wasm", "-o", str(locked / "m.svg"))
        assert code == 1 and stderr.startswith(f"Error: {locked / 'm.svg'}: cannot write here (")
    finally:
        locked.chmod(0o700)


def test_existing_output_is_replaced_and_kept_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("old map")
    code, _, _ = render(str(FLAGSHIP), "--engine", "wasm", "-o", str(out))
    assert code == 0 and out.read_bytes().lstrip().startswith(b"<?xml")
    out.write_text("old map")
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\nconclusion: {id: C}\n")  # no text: not a map
    code, _, stderr = render(str(broken), "-o", str(out))
    assert code == 1 and stderr.startswith("Error: ")
    assert out.read_text() == "old map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "map.svg"]


def test_failed_render_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.errors import RenderError
    from argmap.views import engines

    def fail(source: str, fmt: str) -> bytes:
        raise RenderError("Graphviz (embedded) crashed: out of bounds memory access")

    monkeypatch.setattr(engines, "run_wasm", fail)
    out = tmp_path / "map.svg"
    out.write_text("old map")
    code, _, stderr = render(str(FLAGSHIP), "--engine", "wasm", "-o", str(out))
    assert (code, stderr) == (
        1,
        "Error: Graphviz (embedded) crashed: out of bounds memory access\n",
    )
    assert out.read_text() == "old map" and [p.name for p in tmp_path.iterdir()] == ["map.svg"]


@pytest.mark.parametrize("fmt", list(RenderFormat), ids=[f.value for f in RenderFormat])
def test_every_format(tmp_path: Path, fmt: RenderFormat) -> None:
    if fmt.value in ("png", "pdf") and not HAS_DOT:
        pytest.skip("PNG and PDF need the Graphviz `dot` program")
    out = tmp_path / "map.out"
    code, _, stderr = render(
        str(MAPS / "school-uniforms.yaml"), "--format", fmt.value, "-o", str(out)
    )
    assert code == 0, stderr
    data = out.read_bytes()
    assert data
    if fmt.value == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    if fmt.value == "pdf":
        assert data.startswith(b"%PDF")


@pytest.mark.parametrize("engine", list(RenderEngine), ids=[e.value for e in RenderEngine])
def test_every_engine(tmp_path: Path, engine: RenderEngine) -> None:
    if engine is RenderEngine.DOT and not HAS_DOT:
        pytest.skip("needs the Graphviz `dot` program")
    out = tmp_path / "map.svg"
    code, _, stderr = render(str(FLAGSHIP), "--engine", engine.value, "-o", str(out))
    assert code == 0, stderr
    assert set(statement_groups(out.read_bytes())) == set(argmap.load(FLAGSHIP).statements)


@pytest.mark.parametrize("theme", list(RenderTheme), ids=[t.value for t in RenderTheme])
@pytest.mark.parametrize("rankdir", list(RankDir), ids=[r.value for r in RankDir])
def test_every_theme_and_rankdir(theme: RenderTheme, rankdir: RankDir) -> None:
    args = ["--theme", theme.value, "--rankdir", rankdir.value, "--legend", "--format", "dot"]
    code, stdout, _ = render(str(MAPS / "linked-undercut.yaml"), *args, "-o", "-")
    assert code == 0 and f"rankdir={rankdir.value} " in stdout and "subgraph legend" in stdout


def test_no_gaps_and_select(tmp_path: Path) -> None:
    code, stdout, _ = render(str(FLAGSHIP), "--no-gaps", "--format", "dot", "-o", "-")
    assert code == 0 and "gap-" not in stdout
    code, stdout, _ = render(str(FLAGSHIP), "--select", "A002", "--format", "dot", "-o", "-")
    assert code == 0 and "A002" in stdout and "A001" not in stdout


def test_evaluate_colours_statements_by_verdict_and_explains_it() -> None:
    from argmap.analysis.evaluate import evaluate

    m = argmap.load(FLAGSHIP)
    evaluation = evaluate(m)
    code, stdout, _ = render(str(FLAGSHIP), "--evaluate", "--format", "dot", "-o", "-")
    assert code == 0
    lines = {
        line.split(" [", 1)[0].strip(): line for line in stdout.splitlines() if " [id=" in line
    }
    for sid, verdict in evaluation.verdicts.items():
        line = lines[f'"{sid}"']
        assert f"⇒ {verdict}\\n" in line and f"verdict-{verdict}" in line
        assert f"verdict: {evaluation.why(sid)[:30]}" in line


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_map_renders(tmp_path: Path, path: Path) -> None:
    out = tmp_path / "map.svg"
    code, _, stderr = render(
        str(path), "--engine", "wasm", "--legend", "--evaluate", "-o", str(out)
    )
    assert code == 0, stderr
    assert set(statement_groups(out.read_bytes())) == set(argmap.load(path).statements)


@pytest.mark.exe
@pytest.mark.skipif(not HAS_DOT, reason="the Graphviz `dot` program is not on PATH")
def test_png_and_pdf_with_system_graphviz(tmp_path: Path) -> None:
    png, pdf = tmp_path / "map.png", tmp_path / "map.pdf"
    assert render(str(FLAGSHIP), "-o", str(png))[0] == 0
    assert render(str(FLAGSHIP), "--engine", "dot", "-o", str(pdf))[0] == 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_argmap_render_stays_the_function_once_the_pipeline_is_imported() -> None:
    """Regression: a package named argmap/render/ replaced argmap.render on first import."""
    import argmap.views.render  # noqa: F401

    m = argmap.load(MAPS / "school-uniforms.yaml")
    assert callable(argmap.render) and argmap.render(m, "dot").startswith(b"digraph argmap {")
    assert argmap.render_file(m, "-", "dot") == "dot"


def test_binary_output_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io as stdio

    from argmap.errors import OutputError
    from argmap.io import write_output

    class Terminal(stdio.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    raw = stdio.BytesIO()
    screen = Terminal(raw, encoding="utf-8")
    monkeypatch.setattr("sys.stdout", screen)
    with pytest.raises(OutputError, match="will not write binary output"):
        write_output("-", b"\x89PNG\r\n\x1a\n...")
    write_output("-", "<svg/>")  # text is fine
    assert raw.getvalue() == b"<svg/>"


def test_a_large_map_gets_the_quicker_layout_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above LARGE_MAP statements the positioning pass is capped (nslimit), one line on stderr
    names --full-layout, and --full-layout lays the map out fully (no cap, no line)."""
    from argmap.views import dot

    statements = len(argmap.load(FLAGSHIP).statements)
    monkeypatch.setattr(dot, "LARGE_MAP", statements - 1)  # the flagship counts as large
    runner = CliRunner()
    quick = runner.invoke(app, ["render", str(FLAGSHIP), "-o", str(tmp_path / "q.svg")])
    assert quick.exit_code == 0, quick.stderr
    notes = [line for line in quick.stderr.splitlines() if "--full-layout" in line]
    assert len(notes) == 1 and f"{statements:,} statements" in notes[0], quick.stderr
    assert (tmp_path / "q.svg").read_bytes().lstrip().startswith(b"<?xml")
    source = runner.invoke(app, ["render", str(FLAGSHIP), "-o", str(tmp_path / "q.dot")])
    assert "nslimit=" in (tmp_path / "q.dot").read_text(encoding="utf-8")
    assert "--full-layout" not in source.stderr  # writing DOT lays nothing out
    full = runner.invoke(
        app, ["render", str(FLAGSHIP), "--full-layout", "-o", str(tmp_path / "f.dot")]
    )
    assert full.exit_code == 0 and "--full-layout" not in full.stderr
    assert "nslimit" not in (tmp_path / "f.dot").read_text(encoding="utf-8")
    # a focused part under the size is laid out fully, and nothing is said
    part = runner.invoke(
        app, ["render", str(FLAGSHIP), "--focus", "R1", "-o", str(tmp_path / "p.svg")]
    )
    assert part.exit_code == 0 and "--full-layout" not in part.stderr


def test_maps_under_the_large_size_are_laid_out_fully() -> None:
    from argmap.views.dot import LARGE_MAP, quick_layout

    assert not quick_layout(LARGE_MAP) and quick_layout(LARGE_MAP + 1)
    assert not quick_layout(LARGE_MAP + 1, full_layout=True)
    assert "nslimit" not in argmap.to_dot(argmap.load(FLAGSHIP))
