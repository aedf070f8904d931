"""Argumentation schemes: each scheme's critical questions are open K gaps until answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.analysis.gaps import find_gaps
from argmap.cli import app
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.model.schemes import SCHEMES, Scheme, find_scheme

MAP = """\
argmap: 1
conclusion:
  id: C
  text: The claim holds.
  reasons:
    - id: P
      text: The premise holds.
      inference: {{id: I, scheme: "{scheme}"{answers}}}
  evidence:
    - {{id: E, text: A study found it., basis: study}}
gaps:
  - {{node: P, kind: unverifiable, note: Nobody can check it.}}
"""


def load(tmp_path: Path, scheme: str, answers: str = "") -> ArgumentMap:
    path = tmp_path / "map.yaml"
    path.write_text(MAP.format(scheme=scheme, answers=answers), encoding="utf-8")
    return argmap.load(path)


def questions(m: ArgumentMap) -> list[str]:
    return [g.message for g in find_gaps(m, select=["K"], everything=True)]


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_each_question_is_an_open_gap_until_answered(tmp_path: Path, scheme: Scheme) -> None:
    m = load(tmp_path, scheme.title)
    gaps = find_gaps(m, select=["K"], everything=True)
    assert [g.code for g in gaps] == [scheme.code] * len(scheme.questions)
    assert {g.node for g in gaps} == {"I"} and all(g.severity.value == "info" for g in gaps)
    for gap, question in zip(gaps, scheme.questions, strict=True):
        assert f"{question.key} {question.name} open: {question.text}" in gap.message
    # answer the first by a statement (by key), the last by an annotated gap (by name)
    first, last = scheme.questions[0], scheme.questions[-1]
    answers = f", answers: {{{first.key}: E, {last.name}: {{gap: P, kind: unverifiable}}}}"
    left = questions(load(tmp_path, scheme.title, answers))
    assert len(left) == len(scheme.questions) - 2
    assert not [q for q in left if f" {first.key} " in q or f" {last.key} " in q]
    # every question answered: no K gap at all
    every = ", ".join(f"{q.key}: E" for q in scheme.questions)
    assert questions(load(tmp_path, scheme.title, f", answers: {{{every}}}")) == []


def test_scheme_names_are_read_loosely() -> None:
    for name in ("Argument From Expert Opinion", "expert opinion", "ExpertOpinion"):
        assert find_scheme(name) is SCHEMES[0]
    consequences = find_scheme("Argument From Positive Consequences")
    assert consequences is not None and consequences.name == "consequences"
    assert find_scheme("Default Inference") is None


def test_an_unknown_scheme_brings_no_question(tmp_path: Path) -> None:
    assert questions(load(tmp_path, "Argument From Moon Phases")) == []


def test_a_question_the_scheme_does_not_have_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match=r"map\.yaml:8:\d+: 'CQ9' is no critical question of"):
        load(tmp_path, "Argument From Sign", ", answers: {CQ9: E}")


def test_an_answer_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="answer to CQ1: unknown statement 'X'"):
        load(tmp_path, "Argument From Sign", ", answers: {CQ1: X}")
    with pytest.raises(ArgmapError, match="no annotated gap of kind 'factual-error' on 'P'"):
        load(tmp_path, "Argument From Sign", ", answers: {CQ1: {gap: P, kind: factual-error}}")


def test_answers_round_trip(tmp_path: Path) -> None:
    m = load(
        tmp_path, "Argument From Sign", ", answers: {CQ1: E, CQ2: {gap: P, kind: unverifiable}}"
    )
    again = tmp_path / "again.yaml"
    again.write_text(argmap.dumps(m), encoding="utf-8")
    assert argmap.load(again).inferences["I"].answers == m.inferences["I"].answers


def test_the_flagship_uses_schemes_and_answers_some_questions() -> None:
    from conftest import FLAGSHIP

    m = argmap.load(FLAGSHIP)
    found = [find_scheme(i.scheme) for i in m.inferences.values()]
    used = {s.name for s in found if s is not None}
    assert {"cause-to-effect", "position-to-know", "sign", "practical-reasoning"} <= used
    open_ = find_gaps(m, select=["K"], everything=True)
    assert open_ and not [g for g in open_ if "CQ4 possibility" in g.message]  # answered by A2


def test_the_schemes_command_lists_every_scheme_and_question() -> None:
    result = CliRunner().invoke(app, ["schemes"])
    assert result.exit_code == 0
    for scheme in SCHEMES:
        assert f"{scheme.code}  {scheme.name}  ({scheme.title})" in result.stdout
        for q in scheme.questions:
            assert f"{q.key} {q.name}:" in result.stdout
    assert "Walton, C. Reed and F. Macagno, Argumentation Schemes" in result.stdout
