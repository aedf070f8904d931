"""`argmap stats MAP`: counts by kind, as text or JSON; Argdown's own counts for Argdown files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, FLAGSHIP, MAPS, needs_corpus
from typer.testing import CliRunner

import argmap
from argmap.cli import StatsFormat, app
from argmap.formats import FORMATS
from argmap.model import ArgumentMap, Inference, InferenceKind, Statement, StatementKind

KEYS = [
    "statements",
    "claims",
    "evidence",
    "assumptions",
    "inferences",
    "supports",
    "attacks",
    "undercuts",
    "linked",
    "annotated_gaps",
    "depth",
]
ARGDOWN = CORPUS / "argdown"


def stats_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["stats", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_flagship_counts() -> None:
    data = stats_json(str(FLAGSHIP))
    assert list(data) == KEYS
    m = argmap.load(FLAGSHIP)
    assert data["statements"] == len(m.statements)
    assert data["inferences"] == len(m.inferences)
    assert data["claims"] + data["evidence"] + data["assumptions"] == data["statements"]  # type: ignore[operator]
    assert data["supports"] + data["attacks"] + data["undercuts"] == data["inferences"]  # type: ignore[operator]
    assert data["evidence"] == sum(
        1 for s in m.statements.values() if s.kind is StatementKind.EVIDENCE
    )
    assert data["annotated_gaps"] == len(m.gaps)
    assert data["depth"] == m.depth()


def test_small_map_exactly(tmp_path: Path) -> None:
    m = ArgumentMap(conclusion="c")
    m.statements["c"] = Statement(id="c", text="C")
    m.statements["e"] = Statement(id="e", text="E", kind=StatementKind.EVIDENCE)
    m.statements["a"] = Statement(id="a", text="A", implicit=True)
    m.statements["o"] = Statement(id="o", text="O")
    m.statements["u"] = Statement(id="u", text="U")
    m.inferences["i1"] = Inference(id="i1", premises=["e", "a"], target="c")
    m.inferences["i2"] = Inference(id="i2", premises=["o"], target="c", kind=InferenceKind.ATTACK)
    m.inferences["i3"] = Inference(
        id="i3", premises=["u"], target="i1", kind=InferenceKind.UNDERCUT
    )
    path = tmp_path / "small.yaml"
    argmap.save(m, path)
    assert stats_json(str(path)) == {
        "statements": 5,
        "claims": 3,
        "evidence": 1,
        "assumptions": 1,
        "inferences": 3,
        "supports": 1,
        "attacks": 1,
        "undercuts": 1,
        "linked": 1,
        "annotated_gaps": 0,
        "depth": 1,
    }


def test_text_output() -> None:
    path = MAPS / "linked-undercut.yaml"
    result = CliRunner().invoke(app, ["stats", str(path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["statements", str(len(argmap.load(path).statements))]
    assert [line.split()[0] for line in lines] == [
        "statements",
        "claims",
        "evidence",
        "assumptions",
        "inferences",
        "supports",
        "attacks",
        "undercuts",
        "linked",
        "annotated",
        "depth",
    ]


@pytest.mark.parametrize("fmt", list(StatsFormat))
def test_every_output_format_works(fmt: StatsFormat) -> None:
    result = CliRunner().invoke(app, ["stats", str(FLAGSHIP), "--format", fmt.value])
    assert result.exit_code == 0
    assert result.stdout.strip()


def test_bad_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["stats", str(FLAGSHIP), "--format", "xml"])
    assert result.exit_code == 2


def test_argdown_counts_come_from_the_argdown_meta(tmp_path: Path) -> None:
    m = argmap.load(FLAGSHIP)
    m.meta["argdown"] = {
        "statements": 7,
        "arguments": 3,
        "relations": {"support": 2, "contrary": 1},
    }
    data = argmap.api.stats(m)
    assert data["statements"] == 7
    assert data["arguments"] == 3
    assert data["relations"] == {"support": 2, "contrary": 1}
    assert data["inferences"] == len(m.inferences)


@needs_corpus
def test_aif_statements_are_the_i_nodes() -> None:
    for path in sorted((CORPUS / "aif").glob("*.json")):
        nodes = json.loads(path.read_text(encoding="utf-8"))["nodes"]
        data = stats_json(str(path))
        assert data["statements"] == sum(1 for n in nodes if n["type"] == "I")
        assert data["supports"] == sum(1 for n in nodes if n["type"] == "RA")
        assert data["attacks"] + data["undercuts"] == sum(1 for n in nodes if n["type"] == "CA")  # type: ignore[operator]


def _argdown_accepted() -> list[str]:
    if not ARGDOWN.is_dir():
        return []
    counts = json.loads((ARGDOWN / "expected-counts.json").read_text(encoding="utf-8"))
    return sorted(name for name, c in counts.items() if c["argdown_accepts"])


@needs_corpus
@pytest.mark.parametrize("name", _argdown_accepted())
def test_argdown_stats_match_argdowns_own_counts(name: str) -> None:
    if "argdown" not in FORMATS:
        pytest.skip("the Argdown reader is not registered yet")
    want = json.loads((ARGDOWN / "expected-counts.json").read_text(encoding="utf-8"))[name]
    data = stats_json(str(ARGDOWN / name))
    assert data["statements"] == want["statements"]
    assert data["arguments"] == want["arguments"]
    assert data["relations"] == want["relations"]


def test_argdown_text_output_says_which_statement_count_is_which(tmp_path: Path) -> None:
    """Argdown's count (equivalence classes) and the map's own count, each named."""
    path = tmp_path / "pcs.argdown"
    path.write_text(
        "<A>: An argument.\n\n<A>\n\n(1) [P]: Premise one.\n(2) Premise two.\n----\n(3) [C]: So this.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["stats", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Argdown statements") and lines[1].startswith(
        "statements in the map"
    )
    assert all(not line.startswith("statements ") or "in the map" in line for line in lines)
