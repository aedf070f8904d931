"""The format registry: names, extensions, sniffing; every map command reads every readable format.

Also the two writers meant for people: the Markdown outline (golden file,
escaping) and the native YAML/JSON writer (readable, stable key order).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
from conftest import CORPUS, FLAGSHIP, MAPS, golden, needs_corpus
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import FormatError
from argmap.formats import FORMATS, by_extension, by_name, detect, sniff, writable_for
from argmap.formats.markdown import escape

# --- names and extensions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("yaml", "yaml"),
        ("YAML", "yaml"),
        ("yml", "yaml"),
        ("json", "json"),
        ("aif", "aif"),
        ("microtexts", "microtexts"),
        ("xml", "microtexts"),
        ("markdown", "markdown"),
        ("md", "markdown"),
        (".md", "markdown"),
    ],
)
def test_formats_by_name_or_extension_word(name: str, fmt: str) -> None:
    assert by_name(name).name == fmt


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(FormatError) as info:
        by_name("docx")
    assert str(info.value) == f"unknown format 'docx' (known formats: {', '.join(FORMATS)})"


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("m.yaml", "yaml"),
        ("M.YML", "yaml"),
        ("m.json", "json"),
        ("m.aif.json", "aif"),
        ("m.AIF.JSON", "aif"),
        ("m.aif", "aif"),
        ("micro_b001.xml", "microtexts"),
        ("handout.md", "markdown"),
        ("dir.json/m.yaml", "yaml"),
    ],
)
def test_longest_extension_wins(path: str, fmt: str) -> None:
    found = by_extension(path)
    assert found is not None and found.name == fmt


def test_writable_for_skips_read_only_formats() -> None:
    assert writable_for("out.aif.json").name == "aif"
    assert writable_for("out.md").name == "markdown"
    with pytest.raises(FormatError, match="cannot tell the output format"):
        writable_for("out.xml")


# --- sniffing -----------------------------------------------------------------------------------


def test_sniffing() -> None:
    native = argmap.dumps(argmap.load(FLAGSHIP), "json")
    aif = argmap.dumps(argmap.load(FLAGSHIP), "aif")
    assert sniff(native) is FORMATS["json"]
    assert sniff(aif) is FORMATS["aif"]
    # key order does not matter: the whole document is looked at when the start says nothing
    assert sniff('{"meta": {}, "edges": [], "nodes": []}') is FORMATS["aif"]
    assert sniff('{"meta": {}, "argmap": 1, "nodes": [], "edges": []}') is FORMATS["json"]
    assert sniff('{"AIF": {"nodes": [], "edges": []}, "OVA": {}}') is FORMATS["aif"]
    assert sniff('<?xml version="1.0"?>\n<arggraph id="x">') is FORMATS["microtexts"]
    assert sniff("# a comment\nargmap: 1\n") is FORMATS["yaml"]
    assert sniff("just some text") is None
    assert sniff("{not json") is FORMATS["json"]  # the native reader reports the syntax error


def test_aif_saved_as_json_is_detected_by_content() -> None:
    aif = argmap.dumps(argmap.load(FLAGSHIP), "aif")
    assert detect("export.json", aif).name == "aif"
    assert detect("export.txt", aif).name == "aif"
    assert detect("map.json", argmap.dumps(argmap.load(FLAGSHIP), "json")).name == "json"


def test_undetectable_file_asks_for_from(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("nothing to see\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: cannot tell the format from the name")
    assert result.stderr.endswith("name it with --from\n")


# --- every map command reads every readable format ----------------------------------------------


def sample_files(tmp_path: Path) -> dict[str, Path]:
    """The flagship map written in every readable+writable format, plus a microtext."""
    m = argmap.load(FLAGSHIP)
    files: dict[str, Path] = {}
    for name, fmt in FORMATS.items():
        if fmt.reads and fmt.writes:
            path = tmp_path / f"flagship{fmt.extensions[0]}"
            path.write_text(argmap.dumps(m, name), encoding="utf-8")
            files[name] = path
    if CORPUS.is_dir():
        files["microtexts"] = CORPUS / "microtexts" / "micro_b001.xml"
    return files


#: For each command that reads a map: the arguments after the map file.
COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "show": lambda m, out: ["show", str(m)],
    "gaps": lambda m, out: ["gaps", str(m)],
    "evaluate": lambda m, out: ["evaluate", str(m)],
    "render": lambda m, out: ["render", str(m), "-o", str(out / "m.svg"), "--engine", "wasm"],
    "stats": lambda m, out: ["stats", str(m)],
    "convert": lambda m, out: ["convert", str(m), str(out / "m.yaml")],
    "exercise": lambda m, out: ["exercise", str(m), "-o", str(out / "ex")],
    "grade": lambda m, out: ["grade", str(m), str(m)],
    "quiz": lambda m, out: ["quiz", str(m), "--key", "--count", "5"],
}


def map_commands() -> list[str]:
    """Commands with a --from option: the ones that read a map."""
    group = typer.main.get_command(app)
    return sorted(
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any("--from" in getattr(p, "opts", ()) for p in command.params) and name != "new"
    )


def test_every_map_command_is_covered_here() -> None:
    missing = set(map_commands()) - set(COMMANDS)
    assert not missing, f"add these commands to COMMANDS in {__file__}: {sorted(missing)}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_map_command_reads_every_format(command: str, tmp_path: Path) -> None:
    if command not in map_commands():
        pytest.skip(f"argmap {command} does not exist yet")
    for fmt, path in sample_files(tmp_path).items():
        out = tmp_path / f"out-{fmt}"
        out.mkdir()
        result = CliRunner().invoke(app, COMMANDS[command](path, out))
        assert result.exit_code == 0, f"argmap {command} on {fmt}: {result.output}"
        # and with a name that says nothing, told by --from
        hidden = tmp_path / f"hidden-{fmt}.txt"
        hidden.write_bytes(path.read_bytes())
        args = COMMANDS[command](hidden, out) + ["--from", fmt]
        if command == "grade":
            args = ["grade", str(path), str(hidden), "--from", fmt]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, f"argmap {command} --from {fmt}: {result.output}"


@needs_corpus
def test_show_takes_corpus_files_directly() -> None:
    for path in (
        CORPUS / "aif" / "nodeset137.json",
        CORPUS / "microtexts" / "micro_k001.xml",
    ):
        result = CliRunner().invoke(app, ["show", str(path), "--no-gaps"])
        assert result.exit_code == 0
        assert result.stdout.startswith("◆ CONCLUSION")


# --- the Markdown outline -----------------------------------------------------------------------


OUTLINE_SAMPLE = """\
argmap: 1
title: Speed cameras on <Elm> Road
source: {title: A worked example, author: A. Teacher, date: 2024, url: "https://example.org/x"}
conclusion:
  id: C
  text: The city should install average-speed cameras on Elm Road.
  at: 1
  reasons:
    - linked:
        - id: R1
          text: Speed cameras reduce speeding and crashes where they are installed.
          at: 2
          evidence:
            - id: E1
              text: A *systematic* review found that cameras reduce speeds near camera sites.
              quote: cameras reduce average speeds
              basis: study
              source: {name: "Cochrane review", date: "2010"}
              at: 3
        - id: A1
          text: Preventing these crashes is worth what the cameras cost.
          implicit: true
      inference: {id: I1, scheme: Argument From Positive Consequences}
      undercuts:
        - id: U1
          text: Drivers brake at a camera and speed up again after it.
          undercuts:
            - id: U2
              text: Average-speed cameras time each car over the whole road.
    - id: R3
      text: "Residents are asking the city to act: see [the petition](http://x)."
      inference: {strength: weak}
  objections:
    - id: O1
      text: The cameras are really a way to raise money from fines.
      objections:
        - id: O1.2
          text: Fine revenue falls once the cameras work.
          reasons:
            - ref: R1
gaps:
  - node: A1
    kind: implicit-premise
    note: The argument never weighs the cost.
  - node: I1
    kind: non-sequitur
    note: Crashes elsewhere do not show crashes here.
    cite: Road report 2023
"""


def test_markdown_outline_golden(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(OUTLINE_SAMPLE, encoding="utf-8")
    golden("outline-sample.md", argmap.dumps(argmap.load(path), "markdown"))


@needs_corpus
def test_markdown_outline_of_a_microtext_golden() -> None:
    m = argmap.load(CORPUS / "microtexts" / "micro_b001.xml")
    golden("micro_b001.md", argmap.dumps(m, "markdown"))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ('<IMG SRC="/etc/passwd"/>', '\\<IMG SRC="/etc/passwd"/\\>'),
        ("**bold** and *it*", "\\*\\*bold\\*\\* and \\*it\\*"),
        ("_em_ but snake_case", "\\_em\\_ but snake_case"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("`code`", "\\`code\\`"),
        ("a\\lb", "a\\\\lb"),
        ("&amp; and &", "&amp;amp; and &"),
        ("a | b", "a \\| b"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("line\r\nbreak", "line break"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("# not a heading", "\\# not a heading"),
    ],
)
def test_markdown_escapes_user_text(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_markdown_lists_what_is_not_connected() -> None:
    m = argmap.load(MAPS / "linked-undercut.yaml")
    from argmap.model import Statement

    m.statements["loose"] = Statement(id="loose", text="A statement on its own.")
    text = argmap.dumps(m, "markdown")
    assert (
        "## Not connected to the main conclusion\n\n**Statement:** A statement on its own." in text
    )


# --- the native writer: readable and stable -----------------------------------------------------


def native_sources() -> list[Path]:
    files = sorted(MAPS.glob("*.yaml"))
    if CORPUS.is_dir():
        files += sorted((CORPUS / "aif").glob("*.json"))
        files += sorted((CORPUS / "microtexts").glob("micro_b00*.xml"))
    return files


@pytest.mark.parametrize("path", native_sources(), ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_native_writer_is_stable(path: Path, fmt: str, tmp_path: Path) -> None:
    m = argmap.load(path)
    first = argmap.dumps(m, fmt)
    assert argmap.dumps(m, fmt) == first
    out = tmp_path / f"again.{fmt}"
    out.write_text(first, encoding="utf-8")
    assert argmap.dumps(argmap.load(out), fmt) == first
    # readable: the format version first, then what the map is about, then the conclusion
    data = json.loads(first) if fmt == "json" else __import__("yaml").safe_load(first)
    keys = list(data)
    assert keys[0] == "argmap"
    assert keys.index("conclusion") < keys.index("meta") if "meta" in keys else True
    assert list(data["conclusion"])[:2] == ["id", "text"]


def test_conclusion_option_on_a_native_map() -> None:
    """Native readers take no --conclusion: the registry re-roots the map after reading."""
    result = CliRunner().invoke(
        app, ["show", str(MAPS / "linked-undercut.yaml"), "--conclusion", "O1", "--no-gaps"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("◆ CONCLUSION: The cameras are really a way")
    result = CliRunner().invoke(app, ["show", str(FLAGSHIP), "--conclusion", "nope"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --conclusion 'nope': no statement with that id in the map\n"


@pytest.mark.parametrize("fmt", ["yaml", "json", "aif", "argdown"])
def test_a_map_on_standard_input(fmt: str) -> None:
    """`-` reads the map from stdin: by content, or as --from says."""
    text = argmap.dumps(argmap.load(MAPS / "linked-undercut.yaml"), fmt)
    args = ["gaps", "-", "--all", "--format", "json"]
    args += ["--from", fmt] if fmt == "argdown" else []
    result = CliRunner().invoke(app, args, input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)


def test_a_bad_map_on_standard_input_is_placed() -> None:
    result = CliRunner().invoke(app, ["show", "-"], input="argmap: 1\nconclusion: [\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: -:3:1: YAML syntax error")
