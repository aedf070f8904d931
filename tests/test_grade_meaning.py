"""Grading by meaning: paraphrase matches, a shared topic word does not, polarity, roles, key authoring, rubric."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.teaching.grade import WEIGHTS, grade_map
from argmap.teaching.rubric import DEFAULT, Rubric, load_rubric
from argmap.teaching.wording import opposite, terms

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "grading"
GARAGE = DATA / "garage" / "key.yaml"


def yaml_map(text: str, name: str = "student.yaml") -> ArgumentMap:
    return native.read(Path(name), text=text)


def test_an_own_words_map_matches_every_key_statement() -> None:
    key = argmap.load(GARAGE)
    own = argmap.load(DATA / "garage" / "submissions" / "a-own-words.yaml")
    result = grade_map(key, own)
    assert set(result.matched) == set(key.statements)
    assert result.matched["O2"] == "fees" and result.matched["B1"] == "signs"


def test_a_shared_topic_word_and_paragraph_do_not_make_a_match() -> None:
    key = argmap.load(FLAGSHIP)
    student = yaml_map(
        """argmap: 1
conclusion:
  id: C
  text: Iran's challenge to the US in Latin America will grow unless the US acts.
  at: "23"
  reasons:
    - id: X
      text: Printing this paper about Iran cost the institute a great deal.
      at: "8-11"
"""
    )
    result = grade_map(key, student)
    assert "X" not in result.matched.values()
    assert result.matched == {"C": "C"}


@pytest.mark.parametrize(
    ("key", "student"),
    [
        ("The council should reject the plan.", "The council should approve the plan."),
        ("The town should refuse the garage.", "The town should build the garage."),
        ("Voters should support the tax.", "Voters should oppose the tax."),
        ("The council should fund street trees.", "The council should not pay for street trees."),
        ("Phones should be banned in class.", "Phones should be allowed in class."),
    ],
)
def test_opposite_stances_are_read(key: str, student: str) -> None:
    assert opposite(key, student) and opposite(student, key)


@pytest.mark.parametrize(
    ("key", "student"),
    [
        ("The council should reject the plan.", "The council should turn down the plan."),
        ("The council should reject the plan.", "The council should say no to the plan."),
        (
            "Although it is not certain, the threat will grow if the US fails to act.",
            "It is not certain, the threat will grow if the US fails to act.",
        ),
        (
            "The threat will grow if the US fails to act.",
            "The threat will grow unless the US acts.",
        ),
        ("The threat will grow if the US fails to act.", "The threat is growing."),
    ],
)
def test_rewordings_are_not_opposites(key: str, student: str) -> None:
    assert not opposite(key, student)


def test_paraphrase_terms_meet() -> None:
    assert terms("the proposal is costly") == terms("the plan is expensive")
    assert terms("a multi-storey car park") >= {"garag"}


def test_an_opposite_conclusion_gets_at_most_5_of_20() -> None:
    key = argmap.load(GARAGE)
    e = argmap.load(DATA / "garage" / "submissions" / "e-opposite.json")
    result = grade_map(key, e)
    assert result.breakdown["conclusion"] <= 5.0
    assert result.feedback[0].startswith("Your main conclusion states the opposite")


def test_an_objection_taken_for_a_reason_earns_nothing_and_is_named() -> None:
    key = argmap.load(GARAGE)
    text = GARAGE.read_text(encoding="utf-8")
    student = yaml_map(text)
    as_reason = yaml_map(_move_o2_to_reasons(text))  # the fee objection (O2) as a reason
    right = grade_map(key, student)
    wrong = grade_map(key, as_reason)
    assert right.score == 100.0
    assert wrong.breakdown["reasons"] < right.breakdown["reasons"]
    lines = wrong.feedback + wrong.details
    assert (
        "You took the objection in paragraph 6 for a reason: the text raises it against its "
        "own argument." in lines
    )
    assert not any("did not map the objection in paragraph 6" in line for line in lines)
    assert [i.status for i in wrong.items if i.key == "O2"] == ["confused"]


def _move_o2_to_reasons(text: str) -> str:
    o2 = (
        "    - id: O2\n"
        "      text: The fees from a new garage would bring the town a steady income every year.\n"
        '      at: "6"\n'
        '      quote: "the fees from a new garage would bring the town a steady income every year"\n'
    )
    assert o2 in text
    text = text.replace(o2, "")
    return text.replace("  reasons:\n", "  reasons:\n" + o2, 1)


def test_evidence_under_a_missing_reason_counts_where_the_student_hung_it() -> None:
    key = argmap.load(GARAGE)
    student = yaml_map(
        """argmap: 1
conclusion:
  id: C
  text: The Millbrook council should reject the plan to build a parking garage on Elm Square.
  at: "1, 8"
  evidence:
    - id: E2
      text: The planning department's count found the existing garages only 55 percent full.
      at: "3"
"""
    )
    result = grade_map(key, student)
    assert result.matched.get("E2") == "E2" and "R2" not in result.matched
    # the missing reason R2 costs its own credit; E2 under the conclusion is where it can be
    per_item = WEIGHTS["evidence"] / 4
    assert result.breakdown["evidence"] == pytest.approx(per_item, abs=0.1)
    assert not any("under the wrong statement" in f for f in result.feedback + result.details)


def test_optional_and_reconstructed_key_statements_cost_nothing_when_left_out() -> None:
    text = GARAGE.read_text(encoding="utf-8")
    key = yaml_map(
        text.replace(
            "              text: Paying for the garage would need a loan the town would repay until 2050.\n",
            "              text: Paying for the garage would need a loan the town would repay until 2050.\n"
            "              optional: true\n",
        ).replace(
            "          text: A project that costs more than the town can comfortably afford should not be built.\n",
            "          text: A project that costs more than the town can comfortably afford should not be built.\n"
            "          reconstructed: true\n",
        ),
        "key.yaml",
    )
    assert key.statements["R1.1"].optional and key.statements["A1"].reconstructed
    full = argmap.load(GARAGE)
    from argmap.teaching.damage import _remove

    for sid in ("R1.1", "A1"):
        _remove(full, sid)
    result = grade_map(key, full)
    assert result.score == 100.0
    lines = result.feedback + result.details
    assert not any("paragraph 2" in line and "did not" in line for line in lines)


def test_alternative_wordings_in_the_key_are_accepted() -> None:
    key_text = """argmap: 1
conclusion:
  id: C
  text: Schools should start later in the morning.
  alternatives: ["Lessons ought to begin after nine o'clock"]
  reasons:
    - id: R
      text: Teenagers need more sleep.
"""
    student = """argmap: 1
conclusion:
  id: S
  text: Lessons ought to begin after nine o'clock.
  reasons:
    - id: T
      text: Teenagers need more sleep.
"""
    with_alt = grade_map(yaml_map(key_text, "key.yaml"), yaml_map(student))
    without = grade_map(
        yaml_map(key_text.replace("  alternatives:", "  #"), "key.yaml"), yaml_map(student)
    )
    assert with_alt.matched.get("C") == "S"
    assert "C" not in without.matched


def test_the_rubric_file_sets_weights_and_costs(tmp_path: Path) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text("weights: {structure: 0, gaps: 0}\nmissing_anchor_cost: 0.5\n", "utf-8")
    rubric = load_rubric(path)
    assert rubric.weights["structure"] == 0 and rubric.weights["reasons"] == 25
    key = argmap.load(GARAGE)
    no_anchors = argmap.load(DATA / "garage" / "submissions" / "d-no-anchors.argdown")
    strict = grade_map(key, no_anchors, rubric=rubric)
    default = grade_map(key, no_anchors)
    assert strict.breakdown["structure"] == 0.0 and strict.breakdown["gaps"] == 0.0
    assert strict.score is not None and default.score is not None
    assert strict.score < default.score
    assert grade_map(key, key, rubric=rubric).score == 100.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("weights: {structur: 5}\n", "rubric.yaml:1:1: weights: Value error, unknown component"),
        ("missing_anchor_cost: 2\n", "rubric.yaml:1:1: missing_anchor_cost: Input should be"),
        ("colour: red\n", "rubric.yaml:1:1: colour: Extra inputs are not permitted"),
        ("- 1\n", "rubric.yaml:1:1: a rubric is a mapping"),
        ("weights: {\n", "rubric.yaml:2:1: YAML error"),
    ],
)
def test_a_bad_rubric_is_a_located_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["grade", str(GARAGE), str(GARAGE), "--rubric", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path}/{message}"), result.stderr


def test_the_default_rubric_is_todays_weights() -> None:
    assert Rubric().weights == WEIGHTS == DEFAULT.weights
    assert list(WEIGHTS.values()) == [20.0, 25.0, 20.0, 20.0, 15.0]


def test_the_grading_benchmark_meets_its_targets() -> None:
    """The teacher's marks (fixed before the grader ran) against the grader's scores."""
    sys.path.insert(0, str(ROOT))
    from bench.cases_grading import TARGETS, measure

    figures = measure()
    assert figures["spearman"] >= TARGETS["spearman"], figures["spearman"]
    assert figures["mae"] <= TARGETS["mae"], figures["mae"]
    assert min(figures["paraphrase"].values()) >= TARGETS["paraphrase"], figures["paraphrase"]
    assert max(figures["opposite"].values()) <= TARGETS["opposite"], figures["opposite"]
    assert figures["self"] == 100.0
    for name, (skeleton, honest) in figures["skeletons"].items():
        assert skeleton < honest, name
