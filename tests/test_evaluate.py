"""Evaluation: evidence ratings, bottom-up verdicts with explanations, grounded IN/OUT labels."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS
from typer.testing import CliRunner

import argmap
from argmap import api
from argmap.analysis.evaluate import (
    BASIS_RATINGS,
    VERDICTS,
    evaluate,
    evaluation_dict,
    grounded_labels,
)
from argmap.cli import app
from argmap.errors import ArgmapError
from argmap.model import (
    ArgumentMap,
    Basis,
    Inference,
    InferenceKind,
    Rating,
    Statement,
    StatementKind,
)


def load(tmp_path: Path, body: str) -> ArgumentMap:
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\n" + textwrap.dedent(body), encoding="utf-8")
    return argmap.load(path)


# --- grounded labels ---------------------------------------------------------------------------

CYCLE_AND_REBUTTAL = """
conclusion:
  id: C
  text: The town should build the bridge.
  reasons:
    - id: R1
      text: The bridge saves an hour a day.
      objections:
        - id: O1
          text: The hour saved is only at rush hour.
          objections:
            - id: B1
              text: Rush hour is when most people travel.
  objections:
    - id: X
      text: The bridge spoils the view.
      objections:
        - id: Y
          text: The view is already spoilt by the road.
relations:
  - {from: X, to: Y, type: attack}
"""


def test_attack_cycle_is_undecided_and_rebutted_objection_is_out(tmp_path: Path) -> None:
    labels = evaluate(load(tmp_path, CYCLE_AND_REBUTTAL)).labels
    statements = {sid: labels[sid] for sid in ("C", "R1", "O1", "B1", "X", "Y")}
    assert statements == {
        "B1": "IN",  # unattacked
        "O1": "OUT",  # attacked by an IN rebuttal
        "R1": "IN",  # its only attacker is OUT
        "X": "UNDECIDED",  # X and Y attack each other
        "Y": "UNDECIDED",
        "C": "UNDECIDED",  # attacked by X, which is neither IN nor OUT
    }


def test_an_undercut_that_is_in_defeats_the_inference_not_the_premise(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should act.
          objections:
            - id: O1
              text: Acting is risky.
              undercuts:
                - {id: U1, text: Risk is no reason to do nothing.}
        """,
    )
    labels = grounded_labels(m)
    attack = next(i for i in m.inferences.values() if i.premises == ["O1"])
    assert (labels["U1"], labels["O1"], labels[attack.id], labels["C"]) == ("IN", "IN", "OUT", "IN")


# --- ratings and propagation -------------------------------------------------------------------


def test_every_basis_has_a_default_rating() -> None:
    assert set(BASIS_RATINGS) == set(Basis)
    assert BASIS_RATINGS[Basis.STATISTIC] is Rating.SOLID
    assert BASIS_RATINGS[Basis.ANONYMOUS] is Rating.SHAKY
    assert BASIS_RATINGS[Basis.ASSERTION] is Rating.NONE


PROPAGATION = """
conclusion:
  id: C
  text: The school should start later.
  reasons:
    - linked:
        - {id: R1, text: Teenagers sleep late., evidence: [{id: E1, text: A sleep study., basis: study}]}
        - {id: A1, text: Schools should fit students' sleep., implicit: true}
    - id: R2
      text: Later starts cut absences.
      evidence: [{id: E2, text: A district count of absences., basis: statistic}]
    - id: R3
      text: Parents like it.
      inference: {strength: weak}
      evidence: [{id: E3, text: A council vote., basis: official-record}]
    - id: R4
      text: Buses cost less later.
      evidence: [{id: E4, text: A driver says so., basis: anecdote, rating: solid}]
  objections:
    - id: O1
      text: Later starts clash with sports.
      evidence: [{id: E5, text: A coach complained., basis: testimony}]
"""


def test_verdicts_propagate_bottom_up(tmp_path: Path) -> None:
    m = load(tmp_path, PROPAGATION)
    result = evaluate(m)
    assert result.ratings == {
        "E1": "solid",
        "E2": "solid",
        "E3": "solid",
        "E4": "solid",  # rated so in the map, over the anecdote default
        "E5": "shaky",
    }
    step = {tuple(i.premises): i.id for i in m.inferences.values()}
    # linked premises: the weakest counts (A1 is an unstated assumption: shaky)
    assert result.values[step["R1", "A1"]] == 1
    # a weak inference passes on at most shaky, however solid its premise
    assert result.strengths[step["R3",]] == "weak" and result.values[step["R3",]] == 1
    # independent reasons: the strongest counts (R2); the standing objection pulls C down
    assert result.verdicts["R2"] == "accepted"
    assert result.verdicts["O1"] == "contested"
    assert result.verdicts["C"] == "contested" and result.values["C"] == 1
    assert (
        result.verdict_reasons["C"] == "solid support from R2, and objection O1 stands unanswered"
    )


def test_a_rebutted_objection_no_longer_pulls_its_target_down(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should build it.
          evidence: [{id: E1, text: A cost study., basis: study}]
          objections:
            - id: O1
              text: It is too costly.
              evidence: [{id: E2, text: A critic's estimate., basis: media}]
              objections:
                - id: B1
                  text: The estimate double-counts.
                  evidence: [{id: E3, text: The audit report., basis: official-record}]
        """,
    )
    result = evaluate(m)
    assert (result.verdicts["C"], result.verdicts["O1"], result.verdicts["B1"]) == (
        "accepted",
        "contested",
        "accepted",
    )
    assert result.verdict_reasons["O1"] == (
        "its only support, E2, is shaky evidence (basis: media), and rebuttal B1 stands unanswered"
    )
    assert (result.labels["C"], result.labels["O1"], result.labels["B1"]) == ("IN", "OUT", "IN")


def test_a_standing_undercut_weakens_the_step_not_the_premise(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should build it.
          reasons:
            - id: R1
              text: It is cheap.
              evidence: [{id: E1, text: A price list., basis: document}]
              undercuts:
                - id: U1
                  text: Cheap is not enough.
                  evidence: [{id: E2, text: A report on cheap bridges., basis: media}]
        """,
    )
    result = evaluate(m)
    step = next(i.id for i in m.inferences.values() if i.premises == ["R1"])
    assert (result.verdicts["R1"], result.values[step]) == ("accepted", 1)
    assert result.verdicts["C"] == "contested"
    assert result.verdict_reasons["C"] == (
        "its only support, R1, is shaky: the step is undercut by U1, which stands"
    )


def test_unsupported_claims_and_given_statements(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should act.
          reasons:
            - {id: R1, text: It helps.}
            - {id: G1, text: Everyone agrees it is legal., given: true}
        """,
    )
    result = evaluate(m)
    assert result.verdicts == {"C": "accepted", "R1": "unsupported", "G1": "accepted"}
    assert result.verdict_reasons["R1"] == "no reasons or evidence are given for it"
    assert result.verdict_reasons["G1"] == "given: common ground that needs no support"
    assert result.verdict_reasons["C"] == "solid support from G1"
    assert set(result.verdicts.values()) <= set(VERDICTS) and "given" not in VERDICTS


def test_circular_support_supports_nothing(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: The paper is reliable.
          reasons:
            - id: R1
              text: It always tells the truth.
              reasons: [{id: R2, text: It says it always tells the truth.}]
        relations:
          - {from: R1, to: R2}
        """,
    )
    result = evaluate(m)
    assert result.verdicts == {"C": "unsupported", "R1": "unsupported", "R2": "unsupported"}
    assert "on a cycle" in result.verdict_reasons["R1"] + result.verdict_reasons["R2"]


def test_support_from_outside_a_circle_still_flows_round_it(tmp_path: Path) -> None:
    """C <- R1 <- E1 (solid), and C also "supports" R1: the circle adds nothing, E1 still counts."""
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: The claim.
          reasons:
            - id: R1
              text: The reason.
              evidence: [{id: E1, text: A study shows it., basis: study, source: Smith 2020}]
        relations:
          - {from: C, to: R1}
        """,
    )
    result = evaluate(m)
    assert result.verdicts == {"C": "accepted", "R1": "accepted", "E1": "accepted"}
    assert result.verdict_reasons["C"] == "solid support from R1"
    assert result.verdict_reasons["R1"].startswith("solid support from E1 (it is on a cycle")


def test_a_mutual_attack_is_not_called_a_circle_of_reasons(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: A
          text: A holds.
          reasons: [{id: B, text: B holds., given: true}]
          objections: [{id: C, text: C holds.}]
        relations:
          - {from: A, to: C, type: attack}
        """,
    )
    result = evaluate(m)
    assert result.verdicts["A"] == "accepted" and result.verdicts["C"] == "unsupported"
    assert result.labels["A"] == result.labels["C"] == "UNDECIDED"
    assert "circle of reasons" not in result.verdict_reasons["A"]
    assert result.verdict_reasons["C"].endswith("rebuttal A stands: what answers it does not hold")


def test_a_10000_deep_chain_evaluates_without_recursion() -> None:
    m = ArgumentMap(conclusion="s0")
    n = 10_000
    for i in range(n):
        kind = StatementKind.EVIDENCE if i == n - 1 else StatementKind.CLAIM
        m.add_statement(Statement(id=f"s{i}", text=f"Step {i}.", kind=kind, basis=Basis.STUDY))
        if i:
            m.add_inference(Inference(id=f"i{i}", premises=[f"s{i}"], target=f"s{i - 1}"))
    m.add_statement(Statement(id="o", text="An objection."))
    m.add_inference(Inference(id="io", premises=["o"], target="s0", kind=InferenceKind.ATTACK))
    result = evaluate(m)
    assert result.verdicts["s0"] == "accepted"  # the objection is unsupported: it does not stand
    assert result.labels["s0"] == "OUT" and result.labels["o"] == "IN"
    assert {g.code for g in argmap.find_gaps(m)} >= {"S003"}  # an objection needs no S001


# --- the flagship and the CLI ------------------------------------------------------------------

FLAGSHIP_WHY = (
    "nothing gives it solid support; the best, R1 + A1, is shaky: A1 is an unstated "
    "assumption, taken as shaky, and objection O1 stands unanswered; OUT: attacked by O1, "
    "which nothing attacks"
)


def test_the_flagship_conclusion_has_a_verdict_a_teacher_can_read() -> None:
    result = api.evaluate(argmap.load(FLAGSHIP))
    assert result.why("C") == f"contested (OUT): {FLAGSHIP_WHY}"
    assert result.verdicts["O1"] == "contested" and result.labels["O1"] == "IN"
    assert result.ratings["E9"] == "shaky" and result.ratings["E10"] == "none"


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_evaluates(path: Path) -> None:
    m = argmap.load(path)
    result = evaluate(m)
    assert set(result.verdicts) == set(m.statements) == set(result.reasons)
    assert set(result.labels) == set(m.statements) | set(m.inferences)


def test_evaluate_command_text_and_why() -> None:
    result = CliRunner().invoke(app, ["evaluate", str(FLAGSHIP), "--why"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["node", "verdict", "label", "rating", "statement"]
    assert lines[1].split()[:3] == ["C", "contested", "OUT"]
    assert "why: solid evidence (basis: statistic)" not in result.stdout
    assert "why: shaky evidence (basis: leak)" in result.stdout
    assert result.stdout.rstrip().endswith("OUT: attacked by O1, which nothing attacks.")
    assert "The conclusion C is contested (OUT)" in result.stdout


def test_evaluate_command_json() -> None:
    result = CliRunner().invoke(app, ["evaluate", str(FLAGSHIP), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == str(FLAGSHIP)
    assert data["conclusion"] == {
        "id": "C",
        "verdict": "contested",
        "label": "OUT",
        "why": FLAGSHIP_WHY,
    }
    e16 = next(s for s in data["statements"] if s["id"] == "E16")
    assert e16 == {
        "id": "E16",
        "kind": "evidence",
        "verdict": "contested",
        "label": "IN",
        "rating": "shaky",
        "why": "shaky evidence (basis: leak); IN: nothing attacks it",
        "at": [16],
    }
    assert {i["strength"] for i in data["inferences"]} == {"strong", "weak"}


def test_evaluation_dict_matches_the_evaluation() -> None:
    m = argmap.load(MAPS / "school-uniforms.yaml")
    data = evaluation_dict(m, evaluate(m))
    assert data["conclusion"] == {
        "id": "C",
        "verdict": "accepted",
        "label": "IN",
        "why": "solid support from R1; IN: every attack on it is OUT (O1)",
    }


# --- verdicts and labels explained together ---------------------------------------------------

ATTACKED = """\
argmap: 1
conclusion:
  id: C
  text: We should act.
  evidence: [{id: E1, text: A study shows it works., basis: study}]
  objections:
    - {id: O, text: It will not work.}
"""


def _load(tmp_path: Path, text: str) -> ArgumentMap:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return argmap.load(path)


def test_an_accepted_but_out_statement_says_why_in_one_line(tmp_path: Path) -> None:
    result = evaluate(_load(tmp_path, ATTACKED))
    assert (result.verdicts["C"], result.labels["C"]) == ("accepted", "OUT")
    assert result.why("C") == (
        "accepted (OUT): solid support from E1; but OUT: attacked by O, which nothing attacks, "
        "though O has no support of its own"
    )
    assert result.why("O") == (
        "unsupported (IN): no reasons or evidence are given for it; yet IN: nothing attacks it "
        "(a label weighs attacks, not support)"
    )
    assert result.label_reasons["E1"] == "IN: nothing attacks it"


def test_every_statement_of_the_flagship_explains_its_label() -> None:
    result = evaluate(argmap.load(FLAGSHIP))
    for sid in result.verdicts:
        assert result.reasons[sid].count(f"{result.labels[sid]}: ") >= 1, sid
        if result.verdicts[sid] == "accepted" and result.labels[sid] == "OUT":
            assert "; but OUT: " in result.reasons[sid]


def test_a_map_says_how_an_unsupported_attack_counts(tmp_path: Path) -> None:
    ignore = evaluate(_load(tmp_path, ATTACKED + "evaluation: {unsupported_attacks: ignore}\n"))
    assert (ignore.verdicts["C"], ignore.labels["C"]) == ("accepted", "IN")
    assert "only O attacks it, with no support of its own" in ignore.reasons["C"]
    weaken = evaluate(_load(tmp_path, ATTACKED + "evaluation: {unsupported_attacks: weaken}\n"))
    assert (weaken.verdicts["C"], weaken.labels["C"]) == ("contested", "OUT")
    again = tmp_path / "again.yaml"
    again.write_text(
        argmap.dumps(_load(tmp_path, ATTACKED + "evaluation: {unsupported_attacks: weaken}\n"))
    )
    assert "unsupported_attacks: weaken" in again.read_text()


def test_a_bad_evaluation_setting_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match=r"m\.yaml:8:\d+: .*unsupported_attacks"):
        _load(tmp_path, ATTACKED + "evaluation: {unsupported_attacks: sometimes}\n")
    with pytest.raises(ArgmapError, match=r"m\.yaml:8:\d+: unknown key 'unsupported'"):
        _load(tmp_path, ATTACKED + "evaluation: {unsupported: ignore}\n")
