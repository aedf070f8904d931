"""Choosing the main conclusion of a graph format: the rule, checked against brute force, and its speed."""

from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.errors import ArgmapError
from argmap.formats._graph import choose_conclusion
from argmap.model import ArgumentMap, Inference, InferenceKind, Statement


def brute_force(argmap: ArgumentMap) -> str:
    """The rule, spelled out: roots (else every statement), most beneath, first in the file."""
    roots = [s for s in argmap.statements if not argmap.outgoing(s)]
    candidates = roots or list(argmap.statements)
    best, best_size = candidates[0], -1
    saved = argmap.conclusion
    for sid in candidates:
        argmap.conclusion = sid
        size = len(argmap.connected()[0]) - 1
        if size > best_size:
            best, best_size = sid, size
    argmap.conclusion = saved
    return best


def random_map(rng: random.Random, n: int) -> ArgumentMap:
    m = ArgumentMap(conclusion="")
    for i in range(n):
        m.statements[f"s{i}"] = Statement(id=f"s{i}", text=f"statement {i}")
    for k in range(rng.randint(0, 2 * n)):
        premises = rng.sample(list(m.statements), rng.choice([1, 1, 1, 2]))
        if m.inferences and rng.random() < 0.15:
            target = rng.choice(list(m.inferences))
            kind = InferenceKind.UNDERCUT
        else:
            target = rng.choice(list(m.statements))
            kind = rng.choice([InferenceKind.SUPPORT, InferenceKind.SUPPORT, InferenceKind.ATTACK])
        m.inferences[f"i{k}"] = Inference(id=f"i{k}", premises=premises, target=target, kind=kind)
    return m


@pytest.mark.parametrize("seed", range(300))
def test_choice_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    m = random_map(rng, rng.randint(1, 25))
    want = brute_force(m)
    assert choose_conclusion(m, report=False) == want


def test_conclusion_option_wins_and_is_checked() -> None:
    m = random_map(random.Random(1), 5)
    assert choose_conclusion(m, "s3") == "s3"
    with pytest.raises(ArgmapError, match="--conclusion 'nope': no statement with that id"):
        choose_conclusion(m, "nope")


def test_report_names_the_choice_and_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    m = ArgumentMap(conclusion="")
    for sid in ("a", "b", "c", "d"):
        m.statements[sid] = Statement(id=sid, text=f"Statement {sid}.")
    m.inferences["i1"] = Inference(id="i1", premises=["c"], target="b")
    m.inferences["i2"] = Inference(id="i2", premises=["d"], target="c")
    choose_conclusion(m)
    assert m.notices == [
        "main conclusion 'b' (Statement b.): of the 2 statements that support or attack nothing, "
        "it has the most beneath it (2); use --conclusion ID to choose another"
    ]
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""  # the library never prints; the CLI does


def test_a_cycle_without_roots_still_gives_a_conclusion(capsys: pytest.CaptureFixture[str]) -> None:
    m = ArgumentMap(conclusion="")
    for sid in ("a", "b"):
        m.statements[sid] = Statement(id=sid, text=sid)
    m.inferences["i1"] = Inference(id="i1", premises=["a"], target="b")
    m.inferences["i2"] = Inference(id="i2", premises=["b"], target="a")
    assert choose_conclusion(m) == "a"
    assert "every statement supports or attacks another (a cycle)" in m.notices[0]
    assert capsys.readouterr().err == ""


def shared_chain(roots: int, chain: int) -> ArgumentMap:
    """``roots`` conclusions that all rest on one chain ``chain`` statements long; one has more."""
    m = ArgumentMap(conclusion="")
    for i in range(chain):
        m.statements[f"c{i}"] = Statement(id=f"c{i}", text="x")
    for i in range(chain - 1):
        m.inferences[f"i{i}"] = Inference(
            id=f"i{i}", premises=[f"c{i + 1}"], target=f"c{i}", kind=InferenceKind.SUPPORT
        )
    m.statements["extra"] = Statement(id="extra", text="x")
    for r in range(roots):
        m.statements[f"r{r}"] = Statement(id=f"r{r}", text="root")
        premises = ["c0", "extra"] if r == roots - 7 else ["c0"]
        m.inferences[f"j{r}"] = Inference(
            id=f"j{r}", premises=premises, target=f"r{r}", kind=InferenceKind.SUPPORT
        )
    return m


def ladder(roots: int, chain: int) -> ArgumentMap:
    """Every chain statement supports the next two up: nothing folds away."""
    m = ArgumentMap(conclusion="")
    for i in range(chain):
        m.statements[f"c{i}"] = Statement(id=f"c{i}", text="x")
    for i in range(1, chain):
        for t in (i - 1, i - 2):
            if t >= 0:
                m.inferences[f"i{i}-{t}"] = Inference(
                    id=f"i{i}-{t}", premises=[f"c{i}"], target=f"c{t}", kind=InferenceKind.SUPPORT
                )
    for r in range(roots):
        m.statements[f"r{r}"] = Statement(id=f"r{r}", text="root")
        m.inferences[f"j{r}"] = Inference(
            id=f"j{r}", premises=[f"c{r % 100}"], target=f"r{r}", kind=InferenceKind.SUPPORT
        )
    return m


def test_not_quadratic_when_50000_conclusions_share_50000_statements() -> None:
    """One walk per root would visit 2.5 billion statements here: it would not finish.

    (No timed assertion: ``make bench`` times the same case through ``argmap stats``.)
    """
    m = shared_chain(50_000, 50_000)
    assert choose_conclusion(m, report=False) == "r49993"


def test_not_quadratic_on_a_ladder_that_does_not_fold() -> None:
    m = ladder(30_000, 30_000)
    assert choose_conclusion(m, report=False) == "r0"  # a quadratic walk would not finish


def test_show_reports_the_choice_on_stderr_only(tmp_path: pytest.TempPathFactory) -> None:
    import json
    from pathlib import Path

    path = Path(str(tmp_path)) / "two.json"
    nodes = [
        {"nodeID": "a", "text": "A.", "type": "I"},
        {"nodeID": "b", "text": "B.", "type": "I"},
        {"nodeID": "c", "text": "C.", "type": "I"},
        {"nodeID": "r", "text": "RA", "type": "RA"},
    ]
    edges = [
        {"edgeID": "1", "fromID": "c", "toID": "r"},
        {"edgeID": "2", "fromID": "r", "toID": "b"},
    ]
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--no-gaps"])
    assert result.exit_code == 0
    assert result.stdout.startswith("◆ CONCLUSION: B.")
    assert (
        "main conclusion 'b' (B.): of the 2 statements that support or attack nothing"
        in result.stderr
    )
    result = CliRunner().invoke(app, ["show", str(path), "--no-gaps", "--conclusion", "a"])
    assert result.stdout.startswith("◆ CONCLUSION: A.")
    assert result.stderr == ""


def test_a_tie_is_named_and_another_choice_suggested() -> None:
    """Regression: the report said "the most beneath it" when another root had as many."""
    m = ArgumentMap(conclusion="")
    for sid in ("a", "b", "x", "y"):
        m.statements[sid] = Statement(id=sid, text=f"Statement {sid}.")
    m.inferences["i1"] = Inference(id="i1", premises=["b"], target="a")
    m.inferences["i2"] = Inference(id="i2", premises=["y"], target="x")
    choose_conclusion(m)
    assert m.conclusion == "a"
    assert m.notices == [
        "main conclusion 'a' (Statement a.): of the 2 statements that support or attack nothing, "
        "it ties with 'x' for the most beneath it (1) and comes first in the file; "
        "use --conclusion ID to choose another (e.g. --conclusion x)"
    ]


def test_the_only_root_is_described_truthfully() -> None:
    """Regression: "the only statement that supports nothing" while an objection supported nothing."""
    m = ArgumentMap(conclusion="")
    for sid in ("c", "o"):
        m.statements[sid] = Statement(id=sid, text=f"Statement {sid}.")
    m.inferences["i1"] = Inference(id="i1", premises=["o"], target="c", kind=InferenceKind.ATTACK)
    choose_conclusion(m)
    assert m.notices[0].endswith(
        "the only statement that supports or attacks nothing; use --conclusion ID to choose another"
    )
