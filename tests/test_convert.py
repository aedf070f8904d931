"""`argmap convert IN OUT`: formats by option, name or content; atomic writes; exact errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CORPUS, FLAGSHIP, MAPS, needs_corpus
from graph_equal import assert_same_graph
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.formats import FORMATS

MICRO = sorted((CORPUS / "microtexts").glob("*.xml")) if CORPUS.is_dir() else []
WRITABLE = [name for name, fmt in FORMATS.items() if fmt.writes and fmt.reads]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", WRITABLE)
@pytest.mark.parametrize("source", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.stem)
def test_maps_round_trip_through_every_writable_format(
    source: Path, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"map.{fmt}"
    code, stdout, stderr = invoke("convert", str(source), str(out), "--to", fmt)
    assert (code, stdout, stderr) == (0, "", "")
    original = argmap.load(source)
    back = argmap.load(out, fmt)
    assert_same_graph(original, back)
    assert back.conclusion == original.conclusion or fmt == "argdown"


def test_output_format_from_the_extension(tmp_path: Path) -> None:
    for name, fmt in (("a.yaml", "yaml"), ("a.yml", "yaml"), ("a.json", "json")):
        code, _, _ = invoke("convert", str(FLAGSHIP), str(tmp_path / name))
        assert code == 0
        assert argmap.load(tmp_path / name, fmt).conclusion == "C"
    code, _, _ = invoke("convert", str(FLAGSHIP), str(tmp_path / "a.aif.json"))
    assert code == 0
    assert (tmp_path / "a.aif.json").read_text(encoding="utf-8").startswith('{\n  "nodes": [')
    code, _, _ = invoke("convert", str(FLAGSHIP), str(tmp_path / "a.md"))
    assert code == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# Iran's influence")


def test_stdout_needs_to(tmp_path: Path) -> None:
    code, stdout, stderr = invoke("convert", str(FLAGSHIP), "-")
    assert (code, stdout) == (1, "")
    assert stderr == "Error: writing to stdout ('-') needs --to FORMAT\n"
    code, stdout, stderr = invoke("convert", str(FLAGSHIP), "-", "--to", "json")
    assert code == 0 and stderr == ""
    assert stdout == argmap.dumps(argmap.load(FLAGSHIP), "json")


def test_a_read_only_format_cannot_be_written(tmp_path: Path) -> None:
    code, _, stderr = invoke("convert", str(FLAGSHIP), str(tmp_path / "x.xml"))
    assert code == 1
    assert stderr.startswith(f"Error: {tmp_path / 'x.xml'}: cannot tell the output format")
    code, _, stderr = invoke("convert", str(FLAGSHIP), "-", "--to", "microtexts")
    assert (code, stderr) == (1, "Error: argmap cannot write microtexts files, only read them\n")


def test_a_write_only_format_cannot_be_read(tmp_path: Path) -> None:
    out = tmp_path / "handout.md"
    assert invoke("convert", str(FLAGSHIP), str(out))[0] == 0
    code, _, stderr = invoke("convert", str(out), "-", "--to", "yaml")
    assert (code, stderr) == (1, "Error: argmap cannot read markdown files, only write them\n")


def test_unknown_formats(tmp_path: Path) -> None:
    known = ", ".join(FORMATS)
    # an unknown format name is a usage error (exit 2), caught before any reading
    code, _, stderr = invoke("convert", str(FLAGSHIP), "-", "--to", "docx")
    assert code == 2
    assert f"Invalid value for '--to': unknown format 'docx' (known formats: {known})" in stderr
    code, _, stderr = invoke("convert", str(FLAGSHIP), "-", "--to", "yaml", "--from", "rtf")
    assert code == 2
    assert f"Invalid value for '--from': unknown format 'rtf' (known formats: {known})" in stderr
    code, _, stderr = invoke("convert", str(FLAGSHIP), str(tmp_path / "out.docx"))
    assert code == 1
    assert stderr.startswith(f"Error: {tmp_path / 'out.docx'}: cannot tell the output format")


def test_from_reads_a_file_whatever_its_name(tmp_path: Path) -> None:
    hidden = tmp_path / "map.txt"
    hidden.write_text(argmap.dumps(argmap.load(FLAGSHIP), "aif"), encoding="utf-8")
    code, stdout, _ = invoke("convert", str(hidden), "-", "--to", "yaml", "--from", "aif")
    assert code == 0
    assert stdout.startswith("argmap: 1\n")
    # and without --from, by content
    assert invoke("convert", str(hidden), "-", "--to", "yaml")[1] == stdout


def test_a_failed_conversion_leaves_the_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("precious\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}', encoding="utf-8")
    code, _, stderr = invoke("convert", str(bad), str(out))
    assert code == 1
    assert stderr == f"Error: {bad}:1:12: I node '1' has no text\n"
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert sorted(os.listdir(tmp_path)) == ["bad.json", "out.yaml"]


def test_output_replaced_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    assert invoke("convert", str(FLAGSHIP), str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("argmap: 1\n")
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["out.yaml"]


def test_missing_output_directory(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "out.yaml"
    code, _, stderr = invoke("convert", str(FLAGSHIP), str(out))
    assert code == 1
    assert stderr == f"Error: {out}: the directory {out.parent} does not exist\n"


def test_missing_input(tmp_path: Path) -> None:
    code, _, stderr = invoke("convert", str(tmp_path / "nope.yaml"), str(tmp_path / "o.yaml"))
    assert (code, stderr) == (1, f"Error: {tmp_path / 'nope.yaml'}: no such file\n")


@needs_corpus
def test_conclusion_option_is_kept_in_the_output(tmp_path: Path) -> None:
    source = CORPUS / "microtexts" / "micro_b001.xml"
    out = tmp_path / "b001.yaml"
    code, _, _ = invoke("convert", str(source), str(out), "--conclusion", "a1")
    assert code == 0
    assert argmap.load(out).conclusion == "a1"


@needs_corpus
@pytest.mark.parametrize("path", MICRO, ids=[p.stem for p in MICRO])
def test_microtexts_survive_native_and_aif(path: Path, tmp_path: Path) -> None:
    m = argmap.load(path)
    for fmt, name in (("yaml", "m.yaml"), ("json", "m.json"), ("aif", "m.aif.json")):
        out = tmp_path / name
        out.write_text(argmap.dumps(m, fmt), encoding="utf-8")
        back = argmap.load(out)
        assert_same_graph(m, back)
        assert back.conclusion == m.conclusion
        assert {s.role for s in back.statements.values()} == {s.role for s in m.statements.values()}
        assert sum(i.example for i in back.inferences.values()) == sum(
            i.example for i in m.inferences.values()
        )


def test_help_names_every_format() -> None:
    result = CliRunner().invoke(app, ["convert", "--help"])
    assert result.exit_code == 0
    for name, fmt in FORMATS.items():
        assert name in result.stdout, f"convert --help does not mention {name}"
        for ext in fmt.extensions:
            assert ext in result.stdout, f"convert --help does not mention {ext}"


def test_the_chosen_conclusion_is_reported_on_stderr_only(tmp_path: Path) -> None:
    """A graph format names no conclusion: convert says which it chose, on stderr."""
    aif = tmp_path / "two-roots.aif.json"
    aif.write_text(
        '{"nodes": [{"nodeID": "a", "type": "I", "text": "A."},'
        ' {"nodeID": "b", "type": "I", "text": "B."},'
        ' {"nodeID": "c", "type": "I", "text": "C."},'
        ' {"nodeID": "r", "type": "RA", "text": "Default Inference"}],'
        ' "edges": [{"edgeID": 1, "fromID": "c", "toID": "r"},'
        ' {"edgeID": 2, "fromID": "r", "toID": "b"}]}',
        encoding="utf-8",
    )
    code, stdout, stderr = invoke("convert", str(aif), "-", "--to", "yaml")
    assert code == 0
    assert stdout.startswith("argmap: 1\n")
    assert stderr == (
        "argmap: main conclusion 'b' (B.): of the 2 statements that support or attack nothing, "
        "it has the most beneath it (1); use --conclusion ID to choose another\n"
    )


def test_writing_to_a_symlink_writes_through_it(tmp_path: Path) -> None:
    """The link stays a link; the file it points at gets the new content."""
    target = tmp_path / "real.yaml"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    code, _, stderr = invoke("convert", str(MAPS / "linked-undercut.yaml"), str(link))
    assert (code, stderr) == (0, "")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("argmap: 1\n")
