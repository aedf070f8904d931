"""``argmap show`` with gaps flagged in place, the gap table, and evaluation verdicts."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import FLAGSHIP, MAPS
from typer.testing import CliRunner

from argmap.cli import app


def show(*args: str) -> str:
    result = CliRunner().invoke(app, ["show", *args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.stdout


def line_of(out: str, node: str) -> str:
    return next(line for line in out.splitlines() if f"[{node}]" in line)


def test_gaps_are_flagged_on_the_node_line_worst_first() -> None:
    out = show(str(FLAGSHIP), "--ids")
    assert line_of(out, "O1").endswith("¶20-22  ✗ S003")
    assert "¶14  ⚠ A009 T001" in line_of(out, "E14")
    assert "¶18  ✗ A003 T003" in line_of(out, "R5.4")
    assert "✗" not in line_of(out, "G1") and "ℹ" not in line_of(out, "G1")
    everything = show(str(FLAGSHIP), "--ids", "--all")
    assert "¶14  ⚠ A009 Q001 T001" in line_of(everything, "E14")  # Q001 covered, still shown


def test_show_says_what_the_profile_left_out_and_marks_reconstructions() -> None:
    out = show(str(FLAGSHIP), "--ids")
    assert "Not shown: 3 detected gaps that an annotated gap on the same node covers" in out
    assert "reconstructed objection [O2]" in line_of(out, "O2")
    assert "[which would limit its" in out
    assert "reconstructed undercut [U1]" in line_of(out, "U1")
    errors = show(str(FLAGSHIP), "--severity", "error")
    assert "⚠" not in errors.split("┃ code")[0]


def test_the_gap_table_ends_the_output() -> None:
    out = show(str(FLAGSHIP))
    table = out[out.index("┃ code") :]
    assert "┃ severity ┃ node" in table
    assert "O1: objection that attacks C is never answered" in table
    assert "E13: evidence from a vague source" in table


def test_select_and_ignore_apply_to_show() -> None:
    out = show(str(FLAGSHIP), "--ids", "--select", "S003,T")
    assert "¶14  ⚠ T001  ⟨" in line_of(out, "E14")
    assert "A002" not in out and "Q001" not in out
    out = show(str(FLAGSHIP), "--ids", "--ignore", "A,S,Q")
    assert "✗" not in out and "S003" not in out


def test_no_gaps_turns_it_all_off() -> None:
    out = show(str(FLAGSHIP), "--no-gaps")
    assert "S003" not in out and "✗" not in out and "┃ code" not in out


def test_a_map_without_gaps_says_so(tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text("argmap: 1\nconclusion: {id: C, text: We act., given: true}\n")
    assert show(str(path)).rstrip().endswith("No gaps found.")


def test_evaluate_adds_verdict_and_label() -> None:
    out = show(str(FLAGSHIP), "--ids", "--evaluate", "--no-gaps")
    assert line_of(out, "C").endswith("¶23  ⇒ contested · OUT")
    assert "⇒ accepted · IN" in line_of(out, "G1")
    assert "why:" not in out


def test_why_explains_each_verdict_under_its_node() -> None:
    out = show(str(MAPS / "school-uniforms.yaml"), "--ids", "--why", "--no-gaps")
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if "[R3]" in line)
    assert lines[index].endswith("¶4  ⇒ unsupported · IN")
    assert (
        lines[index + 1]
        .strip()
        .startswith(
            "│       why: its only support, E3, is evidence of no weight (basis: common-belief); yet IN"
        )
    )


def test_a_gap_annotated_on_an_inference_shows_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "step.yaml"
    path.write_text(
        "argmap: 1\n"
        + textwrap.dedent(
            """
            conclusion:
              id: C
              text: We should act.
              reasons:
                - id: R1
                  text: Acting is cheap.
                  inference: {id: step}
                  evidence: [{id: E1, text: A price list., basis: document}]
                - linked:
                    - {id: R2, text: It is quick., evidence: [{id: E2, text: A timetable., basis: document}]}
                    - {id: A1, text: Quick is good., implicit: true}
                  inference: {id: pair}
            gaps:
              - {node: step, kind: non-sequitur, note: Cheap is not enough.}
              - {node: pair, kind: irrelevant-premise}
            """
        )
    )
    out = show(str(path), "--ids", "--select", "A")
    assert line_of(out, "R1").endswith("  ⚠ A003")
    assert next(line for line in out.splitlines() if "linked reason" in line).endswith(
        "(premises that work only together)  ⚠ A004"
    )


def test_the_gap_table_has_the_order_of_argmap_gaps() -> None:
    """Both list gaps by node in the tree's reading order."""
    from typer.testing import CliRunner

    from argmap.cli import app

    shown = CliRunner().invoke(app, ["show", str(FLAGSHIP), "--ids"]).stdout
    table = shown[shown.index("┏") :]
    nodes_shown = [row.split("│")[3].strip() for row in table.splitlines() if row.count("│") > 4]
    nodes_shown = [n for n in nodes_shown if n]
    listed = CliRunner().invoke(app, ["gaps", str(FLAGSHIP), "--format", "json"]).stdout
    import json

    assert nodes_shown == [g["node"] for g in json.loads(listed)]
