"""``argmap grade``: the key scores 100, damage lowers the score step by step, feedback cites paragraphs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.model import ArgumentMap, parse_anchor
from argmap.teaching.damage import Damage, damaged
from argmap.teaching.grade import WEIGHTS, grade_map

#: 30 submissions: level n removes n statements and misplaces n // 3 more.
LEVELS = range(30)


def damage_level(key: ArgumentMap, level: int) -> tuple[ArgumentMap, Damage]:
    return damaged(key, remove=level, misplace=level // 3, seed=1)


@pytest.fixture(scope="module")
def class_of_30(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Damage]]:
    folder = tmp_path_factory.mktemp("submissions")
    key = argmap.load(FLAGSHIP)
    paths, damages = [], []
    for level in LEVELS:
        submission, damage = damage_level(key, level)
        path = folder / f"student-{level:02d}.yaml"
        argmap.save(submission, path)
        paths.append(path)
        damages.append(damage)
    return paths, damages


def grade_json(*args: str, status: int = 0) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["grade", *args, "--format", "json"])
    assert result.exit_code == status, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_the_key_against_itself_scores_100() -> None:
    [row] = grade_json(str(FLAGSHIP), str(FLAGSHIP))
    feedback = row.pop("feedback")
    assert row == {
        "file": str(FLAGSHIP),
        "student": "iran-in-latin-america",
        "score": 100.0,
        "breakdown": dict(WEIGHTS),
        "details": [],
        "error": None,
    }
    assert isinstance(feedback, list)
    assert feedback[0] == "Every statement, link and gap of the key is in your map."
    assert not any(line.startswith(("You did not", "The ", "Your main")) for line in feedback)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_graded_against_itself_scores_100(path: Path) -> None:
    m = argmap.load(path)
    assert grade_map(m, m).score == 100.0


def test_scores_fall_as_damage_grows(class_of_30: tuple[list[Path], list[Damage]]) -> None:
    paths, damages = class_of_30
    rows = grade_json(str(FLAGSHIP), *map(str, paths))
    assert [r["file"] for r in rows] == [str(p) for p in paths]
    scores = [float(r["score"]) for r in rows]  # type: ignore[arg-type]
    assert scores[0] == 100.0
    assert all(a > b for a, b in zip(scores, scores[1:], strict=False)), scores
    assert scores[-1] < 50
    key = argmap.load(FLAGSHIP)
    for row, damage in zip(rows, damages, strict=True):
        feedback, details = row["feedback"], row["details"]
        assert isinstance(feedback, list) and isinstance(details, list) and row["error"] is None
        cited = cited_in_missing_lines(feedback + details)
        for sid in damage.removed:
            statement = key.statements[sid]
            if statement.reconstructed or statement.optional:
                continue  # the analyst's own or optional: leaving it out costs nothing
            assert set(statement.anchors) <= cited, (sid, feedback)


def cited_in_missing_lines(feedback: list[str]) -> set[int]:
    """Paragraph numbers cited by "You did not map/state ..." lines."""
    numbers: set[int] = set()
    for line in feedback:
        if line.startswith(("You did not map", "You did not state")):
            for anchor in re.findall(r"paragraphs? (\d[\d, -]*\d|\d)", line):
                numbers.update(parse_anchor(anchor))
    return numbers


def test_feedback_names_a_missing_objection() -> None:
    key = argmap.load(FLAGSHIP)
    student = damaged(key, remove=0)[0]
    from argmap.teaching.damage import _remove

    _remove(student, "O1")
    result = grade_map(key, student)
    assert "You did not map the objection in paragraphs 20-22." in result.feedback
    assert result.score is not None and result.score < 100


def test_misplacing_costs_structure_and_says_where() -> None:
    key = argmap.load(FLAGSHIP)
    student = damaged(key)[0]
    from argmap.teaching.damage import _misplace

    _misplace(student, "O1")  # the objection becomes a support
    result = grade_map(key, student)
    # an objection taken for a reason earns nothing for that item, and says so once
    assert result.breakdown["structure"] < WEIGHTS["structure"]
    assert result.breakdown["reasons"] < WEIGHTS["reasons"]
    lines = result.feedback + result.details
    assert (
        "You took the objection in paragraphs 20-22 for a reason: the text raises it against "
        "its own argument." in lines
    )
    assert not any(line.startswith("You did not map the objection") for line in lines)
    # a reason hung under another claim keeps its credit as a reason, not its link
    student = damaged(key)[0]
    _misplace(student, "R6")
    result = grade_map(key, student)
    assert result.breakdown["reasons"] == WEIGHTS["reasons"]
    assert result.breakdown["structure"] < WEIGHTS["structure"]


def test_a_paraphrased_submission_in_another_format_still_matches(tmp_path: Path) -> None:
    key = argmap.load(FLAGSHIP)
    student = damaged(key)[0]
    # the student's own words: drop the first and last word of every statement, lose quotes
    for sid, statement in list(student.statements.items()):
        words = statement.text.split()
        student.statements[sid] = statement.model_copy(
            update={"text": " ".join(words[1:-1]) or statement.text, "quote": None, "added": None}
        )
    path = tmp_path / "student.json"
    argmap.save(student, path)
    [row] = grade_json(str(FLAGSHIP), str(path))
    assert row["score"] == 100.0


def test_an_unreadable_submission_gets_a_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\nconclusion: [\n", encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    rows = grade_json(str(FLAGSHIP), str(broken), str(FLAGSHIP), str(missing), status=1)
    assert [r["score"] for r in rows] == [None, 100.0, None]
    assert str(rows[0]["error"]).startswith(f"{broken}:3:1: YAML syntax error")
    assert rows[2]["error"] == f"{missing}: no such file"
    assert rows[0]["breakdown"] == {} and rows[0]["feedback"] == []


def test_text_output_csv_and_summary(tmp_path: Path) -> None:
    student = tmp_path / "student.yaml"
    argmap.save(damaged(argmap.load(FLAGSHIP), remove=3, seed=2)[0], student)
    broken = tmp_path / "broken.yaml"
    broken.write_text("not a map", encoding="utf-8")
    table = tmp_path / "grades.csv"
    result = CliRunner().invoke(
        app, ["grade", str(FLAGSHIP), str(student), str(broken), "--csv", str(table)]
    )
    assert result.exit_code == 1, result.output  # graded what it could; one file failed
    out = result.stdout
    assert "\x1b[" not in out
    assert f"{student}: " in out and "/100" in out and "  - You did not map" in out
    assert "Grades" in out and "1 graded: mean" in out and "1 could not be read" in out
    assert f"error: {broken}:" in out
    assert result.stderr == f"wrote {table}\n"
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [r["file"] for r in rows] == [str(student), str(broken)]
    assert list(rows[0]) == ["student", "file", "score", *WEIGHTS, "error", "feedback"]
    assert rows[0]["student"] == "student"
    assert float(rows[0]["score"]) < 100 and rows[0]["error"] == ""
    assert rows[1]["score"] == "" and rows[1]["error"]
    summary = CliRunner().invoke(app, ["grade", str(FLAGSHIP), str(student), "--summary"])
    assert "You did not map" not in summary.stdout and "Grades" in summary.stdout


def test_grading_is_deterministic(class_of_30: tuple[list[Path], list[Damage]]) -> None:
    paths, _ = class_of_30
    files = [str(p) for p in paths[::5]]
    assert grade_json(str(FLAGSHIP), *files) == grade_json(str(FLAGSHIP), *files)


def test_an_unreadable_key_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "key.yaml"
    result = CliRunner().invoke(app, ["grade", str(missing), str(FLAGSHIP)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no such file\n"
    result = CliRunner().invoke(app, ["grade", str(FLAGSHIP)])
    assert result.exit_code == 2  # at least one submission


def test_a_key_without_gaps_or_evidence_still_grades_out_of_100() -> None:
    key = argmap.load(MAPS / "school-uniforms.yaml")
    key.gaps = []
    result = grade_map(key, key)
    assert result.score == 100.0 and result.breakdown["gaps"] == 0.0


def test_drafts_earn_a_tenth_of_the_credit() -> None:
    key = argmap.load(FLAGSHIP)
    student = damaged(key)[0]
    for sid, statement in list(student.statements.items()):
        student.statements[sid] = statement.model_copy(update={"status": "draft"})
    result = grade_map(key, student)
    assert result.breakdown == {
        "conclusion": 2.0,
        "reasons": 2.5,
        "evidence": 2.0,
        "structure": 2.0,
        "gaps": 15.0,
    }
    assert any("still marked draft" in line for line in result.feedback + result.details)


def test_an_unedited_skeleton_earns_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    text = MAPS / "iran-in-latin-america.txt"
    assert CliRunner().invoke(app, ["new", "--from", str(text), "-o", str(draft)]).exit_code == 0
    [row] = grade_json(str(FLAGSHIP), str(draft))
    assert row["score"] == 0.0 and row["breakdown"] == dict.fromkeys(WEIGHTS, 0.0)
    feedback = row["feedback"]
    assert isinstance(feedback, list) and feedback[0].startswith("Every statement is still marked")
    # one statement checked: no longer untouched, the drafts earn their tenth
    skeleton = argmap.load(draft)
    first = next(iter(skeleton.statements))
    skeleton.statements[first] = skeleton.statements[first].model_copy(update={"status": None})
    score = grade_map(argmap.load(FLAGSHIP), skeleton).score
    assert score is not None and 0.0 < score < 30


def test_missing_statements_under_a_missing_reason_share_its_line() -> None:
    key = argmap.load(FLAGSHIP)
    student = damaged(key)[0]
    from argmap.teaching.damage import _remove

    # R2 is the author's own reason (R1 is the analyst's reconstruction, which costs nothing)
    for sid in ("R2.1", "R2.2", "R2"):
        _remove(student, sid)
    result = grade_map(key, student)
    assert (
        "You did not map the reason in paragraphs 2, 7, nor the 2 statements under it "
        "(paragraphs 2, 7)." in result.feedback
    )
    missing = [line for line in result.feedback + result.details if "did not map" in line]
    assert len(missing) == 1, missing


def test_main_reasons_count_more_than_sub_reasons() -> None:
    key = argmap.load(FLAGSHIP)
    main = damaged(key)[0]
    sub = damaged(key)[0]
    from argmap.teaching.damage import _remove

    _remove(main, "R6")  # a main reason (depth 1)
    _remove(sub, "R5.1")  # a reason under a main reason (depth 2)
    lost_main = WEIGHTS["reasons"] - grade_map(key, main).breakdown["reasons"]
    lost_sub = WEIGHTS["reasons"] - grade_map(key, sub).breakdown["reasons"]
    assert lost_main == pytest.approx(2 * lost_sub, abs=0.11)


def test_progress_is_reported_once_per_submission(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("{", encoding="utf-8")
    seen: list[str] = []
    results = argmap.api.grade(
        argmap.load(FLAGSHIP), [FLAGSHIP, broken, FLAGSHIP], progress=seen.append
    )
    assert seen == [str(FLAGSHIP), str(broken), str(FLAGSHIP)]
    assert [r.score for r in results] == [100.0, None, 100.0]


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    class_of_30: tuple[list[Path], list[Damage]],
) -> None:
    paths, _ = class_of_30
    result = CliRunner().invoke(app, ["grade", str(FLAGSHIP), *map(str, paths[:3]), "--summary"])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_flagging_every_gap_kind_everywhere_earns_no_gap_credit() -> None:
    """A spray of flags on every statement must not score like a careful reading."""
    from argmap.model import AnnotatedGap
    from argmap.teaching.grade import grade_map

    key = argmap.load(FLAGSHIP)
    spray = argmap.load(FLAGSHIP)
    kinds = sorted({g.kind for g in key.gaps})
    spray.gaps = [AnnotatedGap(node=s, kind=k) for s in spray.statements for k in kinds]
    result = grade_map(key, spray)
    assert result.breakdown["gaps"] == 0.0
    assert result.score == 85.0  # everything else is the key's own
    assert any("gap flags are on statements where the key has no gap" in f for f in result.feedback)
    assert not any(f.startswith("Every statement, link and gap") for f in result.feedback)
    honest = grade_map(key, argmap.load(FLAGSHIP))
    assert honest.score == 100.0 and honest.breakdown["gaps"] == 15.0
