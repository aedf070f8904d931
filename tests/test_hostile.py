"""Hostile input, made here: special files, huge numbers, deep nesting, terminal escapes, odd XML.

Each test is the regression test of one finding of issue 12; docs/security.md
lists what argmap promises and points here.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from conftest import MAPS
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import MapFileError, OutputError
from argmap.io import write_output
from argmap.safe_text import json_safe, printable

UNIFORMS = MAPS / "school-uniforms.yaml"
DIGITS = "9" * 5000


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


# --- 1. special files are never replaced ---------------------------------------------------


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    code, _, err = run("convert", str(UNIFORMS), str(node), "--to", "yaml")
    assert (code, err) == (0, "")
    assert stat.S_ISCHR(node.stat().st_mode)  # still the device
    assert os.listdir(tmp_path) == ["null"]  # and no temporary file left beside it


def test_a_full_device_gives_a_clear_error(tmp_path: Path) -> None:
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    code, _, err = run("convert", str(UNIFORMS), str(node), "--to", "yaml")
    assert code == 1
    assert err == f"Error: {node}: cannot write (No space left on device)\n"
    assert stat.S_ISCHR(node.stat().st_mode)


def test_a_fifo_gets_the_data_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    code, _, err = run("convert", str(UNIFORMS), str(fifo), "--to", "yaml")
    thread.join(timeout=30)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0] == argmap.dumps(argmap.load(UNIFORMS), "yaml").encode()


def test_a_symlink_to_a_device_reaches_the_device(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    link = tmp_path / "out.svg"
    link.symlink_to(node)
    write_output(link, "<svg/>")
    assert link.is_symlink() and stat.S_ISCHR(node.stat().st_mode)


def test_a_socket_or_block_device_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(OutputError, match="is a socket"):
            write_output(path, "x")
    finally:
        server.close()
    disk = tmp_path / "disk"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 0))  # a loop device node
    code, _, err = run("convert", str(UNIFORMS), str(disk), "--to", "yaml")
    assert code == 1 and "is a block device" in err
    assert stat.S_ISBLK(disk.stat().st_mode)


# --- 2. integers longer than Python reads ---------------------------------------------------

TOO_LONG = (
    "a number with more than 4,300 digits: too long to be map data "
    "(write it as text, in quotes, if it is meant)"
)


@pytest.mark.parametrize(
    ("name", "content", "place"),
    [
        ("a.yaml", f"argmap: 1\nconclusion: {{text: a, at: {DIGITS}}}\n", "2:27"),
        ("b.yaml", f"argmap: 1\nconclusion: {{text: a}}\nmeta: {{x: {DIGITS}}}\n", "3:11"),
        ("c.json", f'{{"argmap": 1,\n "conclusion": {{"text": "a", "at": {DIGITS}}}}}', "2:36"),
        (
            "d.json",
            f'{{"nodes": [{{"nodeID": {DIGITS}, "text": "a", "type": "I"}}], "edges": []}}',
            "1:23",
        ),
        ("e.aif", f'{{"nodes": [], "edges": [], "x": -{DIGITS}}}', "1:33"),
    ],
)
def test_a_huge_integer_is_a_located_error(
    tmp_path: Path, name: str, content: str, place: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    code, _, err = run("stats", str(path))
    assert code == 1
    assert err == f"Error: {path}:{place}: {TOO_LONG}\n"


def test_a_huge_paragraph_number_in_quotes_speaks_plainly(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(f'argmap: 1\nconclusion: {{text: a, at: "{DIGITS}"}}\n')
    code, _, err = run("show", str(path))
    assert code == 1
    assert err.startswith(f"Error: {path}:2:27: at: bad paragraph anchor '999")
    assert err.endswith("': no text has that many paragraphs\n")
    assert "sys.set_int_max_str_digits" not in err


def test_a_huge_integer_in_a_microtexts_id_is_just_an_id(tmp_path: Path) -> None:
    path = tmp_path / "m.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<arggraph id="{DIGITS}">\n'
        f'  <edu id="e1">Words.</edu>\n  <adu id="{DIGITS}" type="pro"/>\n'
        f'  <edge id="c1" src="e1" trg="{DIGITS}" type="seg"/>\n</arggraph>\n'
    )
    assert argmap.load(path).conclusion == DIGITS


# --- 7. nesting: JSON has the YAML limit, and says where ------------------------------------


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_nesting_limit_is_1000_levels_in_json_as_in_yaml(tmp_path: Path, syntax: str) -> None:
    def nested(levels: int) -> str:  # the top mapping is the first level
        inner = "[" * (levels - 2) + "]" * (levels - 2)
        if syntax == "json":
            return f'{{"argmap": 1, "conclusion": {{"text": "a"}}, "meta": {{"x": {inner}}}}}'
        return f"argmap: 1\nconclusion: {{text: a}}\nmeta: {{x: {inner}}}\n"

    path = tmp_path / f"deep.{syntax}"
    path.write_text(nested(1000))
    assert argmap.load(path).meta["x"] is not None
    path.write_text(nested(1001))
    with pytest.raises(MapFileError) as caught:
        argmap.load(path)
    assert caught.value.line is not None and caught.value.col is not None
    if syntax == "json":
        assert str(caught.value) == (
            f"{path}:1:1056: nested more than 1000 levels deep "
            "(the limit of map files, JSON and YAML alike)"
        )


def test_json_far_too_deep_is_located_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"argmap": 1, "meta": ' + "[" * 200_000 + "]" * 200_000 + "}")
    code, _, err = run("show", str(path))
    assert code == 1
    assert err.startswith(f"Error: {path}:1:1022: nested more than 1000 levels deep")


def test_a_deep_file_without_a_format_name_is_sniffed_safely(tmp_path: Path) -> None:
    path = tmp_path / "noname"
    path.write_text("{" + '"a": ' + "[" * 100_000)
    code, _, err = run("show", str(path))
    assert code == 1 and err.startswith(f"Error: {path}:")


def test_a_lone_surrogate_escape_in_json_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"argmap": 1, "meta": {"x": "a\\ud800b"},\n "conclusion": {"text": "a"}}')
    code, _, err = run("convert", str(path), str(tmp_path / "out.yaml"))
    assert code == 1
    assert err == (
        f"Error: {path}:1:31: the escape \\ud800 is half of a UTF-16 pair, not a character "
        "(a lone surrogate): remove it or give the whole character\n"
    )


# --- 4. terminal escapes and direction overrides --------------------------------------------

HOSTILE_MAP = """\
argmap: 1
title: "T\\e]0;pwned\\a"
conclusion:
  id: C
  text: "Clear \\e[2J screen \\u202eevil"
  reasons:
    - id: R1
      text: "reason \\x9b31m"
      at: "1"
gaps:
  - {node: C, kind: non-sequitur, note: "n\\e[2J"}
"""
RAW = ("\x1b", "\x9b", "\u202e", "\x07")


def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_MAP)
    return path


def test_printable_shows_what_it_changes() -> None:
    assert printable("a\x1b[2Jb\x9bc\u202ed\te\nf\x00") == "a\\x1b[2Jb\\x9bc\\u202ed\te\nf\\x00"
    assert printable("plain ¶ text") == "plain ¶ text"
    assert json_safe('"a\x85\u2066b"') == '"a\\u0085\\u2066b"'


@pytest.mark.parametrize(
    "command",
    [
        ["show", "--ids", "--quotes"],
        ["gaps"],
        ["gaps", "--format", "markdown"],
        ["gaps", "--format", "json"],
        ["evaluate", "--why"],
        ["convert", "-", "--to", "markdown"],
        ["render", "--format", "dot", "-o", "-"],
    ],
)
def test_no_control_or_bidi_character_reaches_the_output(
    tmp_path: Path, command: list[str]
) -> None:
    path = hostile(tmp_path)
    args = [command[0], str(path), *command[1:]]
    code, out, err = run(*args)
    assert code == 0, err
    for char in RAW:
        assert char not in out + err, (char, args)
    if command[0] != "render":  # DOT drops control characters instead
        assert ("\\u001b" if "json" in command else "\\x1b") in out


def test_the_html_title_and_heading_show_escapes_visibly(tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    code, _, err = run("render", str(hostile(tmp_path)), "-o", str(out), "--engine", "wasm")
    assert code == 0, err
    page = out.read_text()
    assert "<title>T\\x1b]0;pwned\\x07</title>" in page
    assert "<h1>T\\x1b]0;pwned\\x07</h1>" in page
    assert not any(char in page for char in RAW)


# --- 6. microtexts attributes with spaces ---------------------------------------------------


def test_microtexts_types_and_ids_with_spaces_are_read_as_words(tmp_path: Path) -> None:
    path = tmp_path / "m.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<arggraph id="t">\n'
        '  <edu id="e1">We should act.</edu>\n  <edu id="e2">It helps.</edu>\n'
        '  <adu id="a1" type="pro "/>\n  <adu id=" a2" type="pro"/>\n'
        '  <edge id="c1" src="e1" trg="a1" type="seg "/>\n'
        '  <edge id="c2" src="e2" trg="a2" type=" seg"/>\n'
        '  <edge id="c3" src="a2 " trg="a1" type="sup "/>\n</arggraph>\n'
    )
    m = argmap.load(path)
    assert m.conclusion == "a1"
    assert m.inferences["c3"].premises == ["a2"]
