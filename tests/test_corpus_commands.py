"""`show`, `gaps`, `render` (and `stats`, `convert`) on every file of the shared corpus, without a crash.

Every AIF node set, every microtext and every Argdown file. An Argdown file
that Argdown itself rejects (``expected-counts.json``) must be refused the
same way by every command: ``Error: ...`` on stderr, exit 1, no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus
from typer.testing import CliRunner

from argmap.cli import app
from argmap.formats import FORMATS

ARGDOWN = CORPUS / "argdown"


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    files = sorted((CORPUS / "aif").glob("*.json"))
    files += sorted((CORPUS / "microtexts").glob("*.xml"))
    files += sorted(p for p in ARGDOWN.iterdir() if p.suffix in (".argdown", ".ad"))
    return files


FILES = corpus_files()


def accepted(path: Path) -> bool:
    """Whether the file is one that argmap must read (Argdown's verdict for Argdown files)."""
    if path.parent != ARGDOWN:
        return True
    counts = json.loads((ARGDOWN / "expected-counts.json").read_text(encoding="utf-8"))
    return bool(counts[path.name]["argdown_accepts"])


def command_exists(name: str) -> bool:
    import typer.main

    return name in typer.main.get_command(app).commands  # type: ignore[attr-defined]


def check(path: Path, args: list[str]) -> None:
    if path.parent == ARGDOWN and "argdown" not in FORMATS:
        pytest.skip("the Argdown reader is not registered yet")
    result = CliRunner().invoke(app, args)
    if accepted(path):
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"Error: {path}:")
        assert result.stderr.count("\n") == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def ids(files: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in files]


@needs_corpus
def test_the_corpus_is_all_there() -> None:
    assert len(FILES) == 6 + 89 + 25


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_show(path: Path) -> None:
    check(path, ["show", str(path)])


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_gaps(path: Path) -> None:
    if not command_exists("gaps"):
        pytest.skip("the gaps command does not exist yet")
    check(path, ["gaps", str(path)])


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_render(path: Path, tmp_path: Path) -> None:
    if not command_exists("render"):
        pytest.skip("the render command does not exist yet")
    out = tmp_path / "map.svg"
    check(path, ["render", str(path), "-o", str(out), "--engine", "wasm"])
    if accepted(path):
        assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_stats_and_convert(path: Path, tmp_path: Path) -> None:
    check(path, ["stats", str(path), "--format", "json"])
    check(path, ["convert", str(path), str(tmp_path / "handout.md")])
