"""Docs are checked against code: the README's command list is the CLI's command list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from conftest import ROOT

from argmap.cli import app


def cli_commands() -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def readme_commands() -> set[str]:
    """Commands listed in the README's "Commands" table: rows that start with | `argmap NAME`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Commands", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `argmap ([a-z-]+)", section, flags=re.MULTILINE))


def test_readme_lists_exactly_the_cli_commands() -> None:
    assert readme_commands() == cli_commands()


def test_readme_starts_with_what_argmap_is_and_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text[:2500]
    assert "argument map" in head.lower()
    assert "make demo" in head and "make test" in head


def test_every_command_has_help() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"argmap {name} has no help text"


def test_readme_map_example_loads(tmp_path: Path) -> None:
    import argmap

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The map file", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    m = argmap.load(path)
    assert m.conclusion == "C"
    assert {"R1", "E1", "U1", "R2", "A1", "O1", "B1"} <= set(m.statements)


def test_readme_error_example_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    monkeypatch.chdir(ROOT)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("$ argmap show tests/data/bad/unknown-key.yaml\n", 1)[1].split("```", 1)[0]
    result = CliRunner().invoke(app, ["show", "tests/data/bad/unknown-key.yaml"])
    assert result.stderr == block


def test_readme_show_example_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    monkeypatch.chdir(ROOT)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("$ argmap show maps/school-uniforms.yaml --ids\n", 1)[1].split(
        "...\n```", 1
    )[0]
    result = CliRunner().invoke(app, ["show", "maps/school-uniforms.yaml", "--ids"])
    assert result.stdout.startswith(block)


def _option_names(block: str) -> set[str]:
    """The options a ``--help`` listing shows: ``  -o, --output OUT ...`` gives -o and --output."""
    pairs = re.findall(r"^  (?:(-\w), )?(--[a-z-]+)", block, flags=re.MULTILINE)
    return {name for pair in pairs for name in pair if name}


def test_render_doc_lists_exactly_the_render_options() -> None:
    """docs/render.md's ``argmap render --help`` block names every option render has, no more."""
    text = (ROOT / "docs" / "render.md").read_text(encoding="utf-8")
    block = text.split("$ argmap render --help\n", 1)[1].split("```", 1)[0]
    command = typer.main.get_command(app).commands["render"]  # type: ignore[attr-defined]
    expected = {opt for param in command.params for opt in param.opts if opt.startswith("-")}
    expected |= {"-h", "--help"}
    assert _option_names(block) == expected
