"""An Argdown file of headings only: valid Argdown (Argdown draws an empty map), an empty map.

Issue 18: argmap refused such a file. It is read as a map with no statement
that keeps its headings (and front matter); ``show``, ``stats``, ``gaps``,
``render`` and ``convert`` to Argdown take it and say on stderr that it is
empty (exit 0), and the round trip writes the headings back. The commands
that need a statement, and the other formats, which cannot hold a map
without a main conclusion, report it with its place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argdown_reference import argdown_cli, export_json
from typer.testing import CliRunner

from argmap.cli import app
from argmap.errors import EmptyMapError, MapFileError
from argmap.formats import argdown
from argmap.model import ArgumentMap

HEADINGS = (
    "===\ntitle: Notes\n===\n\n# Costs #tag {isGroup: true}\n\n// nothing here yet\n\n"
    "## Storage\n\n# Other\n"
)
NOTICE = "the Argdown file has only headings (3) and no statement or argument under them"


@pytest.fixture
def headings(tmp_path: Path) -> Path:
    path = tmp_path / "notes.argdown"
    path.write_text(HEADINGS, encoding="utf-8")
    return path


def _sections(found: ArgumentMap) -> list[tuple[str, int]]:
    return [(s["title"], s["level"]) for s in found.meta["sections"]]


def test_the_reader_gives_the_empty_map_with_its_headings_and_its_place() -> None:
    with pytest.raises(EmptyMapError) as info:
        argdown.read("notes.argdown", text=HEADINGS)
    assert (info.value.file, info.value.line, info.value.col) == ("notes.argdown", 5, 1)
    assert NOTICE in str(info.value)
    empty = info.value.empty
    assert (empty.statements, empty.inferences, empty.conclusion) == ({}, {}, "")
    assert empty.title == "Notes"
    assert _sections(empty) == [("Costs #tag", 1), ("Storage", 2), ("Other", 1)]
    assert empty.meta["sections"][0]["tags"] == ["tag"]
    assert empty.meta["sections"][0]["data"] == {"isGroup": True}
    # a file Argdown rejects is still an error of its own, not an empty map
    with pytest.raises(MapFileError) as rejected:
        argdown.read("c.argdown", text="// nothing but a comment\n")
    assert not isinstance(rejected.value, EmptyMapError)


def test_the_round_trip_writes_the_headings_back(headings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.argdown"
    result = CliRunner().invoke(app, ["convert", str(headings), str(out)])
    assert result.exit_code == 0, result.output
    assert NOTICE in result.stderr
    written = out.read_text(encoding="utf-8")
    assert "# Costs #tag" in written and "## Storage" in written and "# Other" in written
    assert "title: Notes" in written and "conclusion" not in written
    with pytest.raises(EmptyMapError) as again:
        argdown.read(out)
    assert _sections(again.value.empty) == [("Costs #tag", 1), ("Storage", 2), ("Other", 1)]
    assert again.value.empty.meta["sections"][0]["data"] == {"isGroup": True}
    assert argdown.dumps(again.value.empty) == written


def test_show_stats_gaps_and_render_say_the_map_is_empty(headings: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["show", str(headings)])
    assert shown.exit_code == 0, shown.output
    assert "An empty map: no statement or argument to show." in shown.stdout
    assert "§ Storage" in shown.stdout and "Notes" in shown.stdout
    assert NOTICE in shown.stderr
    counted = runner.invoke(app, ["stats", str(headings), "--format", "json"])
    assert counted.exit_code == 0, counted.output
    stats = json.loads(counted.stdout)
    assert (stats["statements"], stats["inferences"], stats["depth"]) == (0, 0, 0)
    assert (stats["arguments"], stats["relations"]) == (0, {})
    checked = runner.invoke(app, ["gaps", str(headings), "--format", "json", "--fail-on", "info"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == [] and NOTICE in checked.stderr
    for name in ("map.svg", "map.dot", "map.html"):
        out = tmp_path / name
        drawn = runner.invoke(app, ["render", str(headings), "-o", str(out)])
        assert drawn.exit_code == 0, drawn.output
        assert NOTICE in drawn.stderr
        assert out.stat().st_size > 0
    assert 'label="Costs #tag"' in (tmp_path / "map.dot").read_text(encoding="utf-8")


def test_what_cannot_take_an_empty_map_says_so_with_the_place(
    headings: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    converted = runner.invoke(app, ["convert", str(headings), str(tmp_path / "out.yaml")])
    assert converted.exit_code == 1
    assert "an empty map" in converted.stderr and "only Argdown can" in converted.stderr
    assert not (tmp_path / "out.yaml").exists()
    evaluated = runner.invoke(app, ["evaluate", str(headings)])
    assert evaluated.exit_code == 1
    assert f"Error: {headings}:5:1: {NOTICE}" in evaluated.stderr
    assert "Traceback" not in evaluated.output


def test_the_argdown_cli_reads_the_written_headings_as_the_original(
    headings: Path, tmp_path: Path
) -> None:
    cli = argdown_cli()
    if cli is None:
        pytest.skip("the Argdown CLI is not installed (make argdown-cli needs npm)")
    written = tmp_path / "written"
    written.mkdir()
    with pytest.raises(EmptyMapError) as info:
        argdown.read(headings)
    (written / "notes.argdown").write_text(argdown.dumps(info.value.empty), encoding="utf-8")
    before = export_json(cli, headings.parent, tmp_path / "before")["notes.argdown"]
    after = export_json(cli, written, tmp_path / "after")["notes.argdown"]

    def outline(data: dict[str, object]) -> list[tuple[object, ...]]:
        found: list[tuple[object, ...]] = []
        stack = list(reversed(data.get("sections", [])))  # type: ignore[call-overload]
        while stack:
            s = stack.pop()
            found.append((s["title"], s["level"], tuple(s.get("tags", []))))
            stack.extend(reversed(s.get("children", [])))
        return found

    assert outline(after) == outline(before) != []
    assert (after["statements"], after["arguments"], after["relations"]) == ({}, {}, [])


def test_the_language_server_says_so_as_information_at_the_first_heading() -> None:
    from argmap.lsp.document import Document

    (said,) = Document.analyse(HEADINGS, "notes.argdown").diagnostics()
    assert (said.severity, said.span.line) == ("information", 5)
    assert NOTICE in said.message
    (error,) = Document.analyse("[A]: a {b: [1,}\n", "bad.argdown").diagnostics()
    assert error.severity == "error"


def test_the_conformance_reading_of_an_empty_map_keeps_its_tag_colours(tmp_path: Path) -> None:
    # (the reading the conformance suite and bench/argdown_roundtrip.py compare with Argdown's)
    from argdown_reference import argmap_reading, reference_reading

    ours = argmap_reading(HEADINGS)["colours"]
    assert ours["tags"] == {"tag": "#d95f02"}  # Argdown's default scheme, its first tag
    cli = argdown_cli()
    if cli is None:
        return
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.argdown").write_text(HEADINGS, encoding="utf-8")
    theirs = export_json(cli, tmp_path / "in", tmp_path / "json")["notes.argdown"]
    assert reference_reading(theirs)["colours"] == ours
