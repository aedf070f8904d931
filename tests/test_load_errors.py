"""Every bad map file gives one exact ``Error: FILE:LINE:COL: ...`` line, exit 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MAPS
from typer.testing import CliRunner

from argmap.cli import app

BAD = Path(__file__).parent / "data" / "bad"

CASES = {
    "yaml-syntax.yaml": "5:1: YAML syntax error: found unexpected end of stream "
    "(while scanning a quoted scalar at line 3, column 9)",
    "tabs.yaml": "3:1: YAML syntax error: found character that cannot start any token "
    "(a tab: indent with spaces, not tabs)",
    "unknown-key.yaml": "5:3: unknown key 'reasns' in a statement; did you mean 'reasons'? "
    "(valid keys: id, text, kind, implicit, reconstructed, added, given, optional, alternatives, at, quote, basis, source, rating, status, "
    "role, title, tags, note, meta, reasons, evidence, objections, inference, undercuts)",
    "json-unknown-key.json": "4:4: unknown key 'evidense' in a statement; did you mean 'evidence'? "
    "(valid keys: id, text, kind, implicit, reconstructed, added, given, optional, alternatives, at, quote, basis, source, rating, status, "
    "role, title, tags, note, meta, reasons, evidence, objections, inference, undercuts)",
    "wrong-type.yaml": "7:14: basis: Input should be 'statistic', 'study', 'expert', "
    "'official-record', 'document', 'media', 'leak', 'testimony', 'example', 'anecdote', "
    "'assertion', 'common-belief' or 'anonymous'; did you mean 'statistic'?",
    "missing-text.yaml": "6:7: missing 'text': every statement needs its text "
    "(or use {ref: ID} to reuse one)",
    "blank-text.yaml": "4:9: text: text must not be blank",
    "duplicate-id.yaml": "8:11: duplicate id 'R1' (first defined at line 6)",
    "unknown-ref.yaml": "8:7: reference to unknown id 'R2'",
    "ref-cycle.yaml": "6:7: reference cycle: C -> R1 -> C supports or attacks itself through "
    "nesting and refs; to map circular reasoning on purpose, list the closing link under "
    "top-level 'relations:'",
    "two-conclusions.yaml": "3:3: a map has one main conclusion, found a list of 2: put other "
    "statements under a reason or under 'statements:'",
    "duplicate-conclusion.yaml": "4:1: duplicate key 'conclusion'",
    "no-conclusion.yaml": "1:1: missing key 'conclusion': a map needs its main conclusion",
    "billion-laughs.yaml": "2:4: YAML anchors and aliases (&name / *name) are not supported: "
    "reuse a node with {ref: ID} instead",
    "python-tag.yaml": "3:9: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system': "
    "map files hold plain data only",
    "invalid-utf8.yaml": "3:12: invalid UTF-8 (byte 0xe9); save the file as UTF-8",
    "binary.yaml": "2:12: this is a binary file, not a text map file (NUL byte)",
    "bad-version.yaml": "1:9: unsupported format version 2: expected 1",
    "bad-anchor.yaml": "4:7: at: bad paragraph anchor '3-x': expected a number, a range like "
    "20-22, or a comma-separated list of these",
    "empty.yaml": "1:1: the map file is empty: expected 'argmap: 1' and a 'conclusion'",
    "json-syntax.json": "2:51: JSON syntax error: Expecting property name enclosed in double quotes",
    "gap-unknown-node.yaml": "6:12: gap on unknown node 'X1'",
    # found by make fuzz: the stand-in for the bad statement took its bad id (a traceback)
    "spaced-id.yaml": "6:11: id: bad id ' R1': an id is non-empty text on one line, "
    "no outer spaces",
}


def test_every_bad_file_has_a_case() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_map_gives_located_error(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = CliRunner().invoke(app, ["show", name])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {name}:{CASES[name]}\n"
    assert "Traceback" not in result.output


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}: is a directory, not a file\n"


def test_file_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("argmap: 1\nconclusion: {text: " + "x" * 200 + "}\n")
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "100")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}: file is larger than the 100 bytes limit "
        "(set ARGMAP_MAX_BYTES to a larger number of bytes to allow it)\n"
    )


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(app, ["show", "--depth", "many", "x.yaml"])
    assert result.exit_code == 2


def test_unknown_command_exits_2() -> None:
    assert CliRunner().invoke(app, ["shwo"]).exit_code == 2


def test_billion_laughs_fails_fast(tmp_path: Path) -> None:
    """Aliases nested 30 deep would expand to 9**30 nodes: the load must refuse at once."""
    import argmap
    from argmap.errors import MapFileError

    lines = ["argmap: 1", 'l0: &l0 ["lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 30)]
    lines += ["conclusion: {text: lol}"]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(MapFileError, match="anchors and aliases"):
        argmap.load(path)  # expanding would never finish: reaching this line is the test


def test_utf16_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("argmap: 1\nconclusion: {text: hi}\n".encode("utf-16"))
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:1:1: this file is UTF-16 (it starts with a UTF-16 byte order mark); "
        "save it as UTF-8\n"
    )


def test_a_bad_size_cap_is_an_error_not_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "abc")
    result = CliRunner().invoke(app, ["show", str(MAPS / "school-uniforms.yaml")])
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: ARGMAP_MAX_BYTES must be a positive number of bytes, not 'abc'\n"
    )
