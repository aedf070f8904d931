"""The class report (HTML, Markdown), per-student feedback files, the gradebook CSV, parallel batches."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.teaching import grade as grade_module
from argmap.teaching.classreport import class_report
from argmap.teaching.grade import WEIGHTS
from argmap.views.grade_report import feedback_names, report_html

DATA = Path(__file__).resolve().parent / "data" / "grading"
KEY = DATA / "garage" / "key.yaml"
CLASS = sorted((DATA / "garage" / "submissions").iterdir())


def run(*args: str | Path, status: int = 0) -> str:
    result = CliRunner().invoke(app, ["grade", *map(str, args)])
    assert result.exit_code == status, result.output
    return result.stdout


def test_the_html_report_has_a_chart_the_items_and_the_students(tmp_path: Path) -> None:
    page = tmp_path / "class.html"
    run(KEY, *CLASS, "--report", page, "--summary")
    html = page.read_text(encoding="utf-8")
    assert (
        html.startswith("<!DOCTYPE html>")
        and "<script" not in html
        and "http"
        not in html[html.index("<body") :].replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert html.count("<svg") == 1 and html.count("<rect") == 10  # one bar per score band
    assert "8 graded: mean" in html
    # item analysis: the opposite-stance map took the objections for reasons
    assert "1 of 8 took the objection in paragraph 6 for a reason" in html
    assert "1 of 8 stated the opposite conclusion" in html
    for path in CLASS:
        assert f"<td>{path.stem}</td>" in html


def test_the_markdown_report_and_feedback_files(tmp_path: Path) -> None:
    report = tmp_path / "class.md"
    folder = tmp_path / "feedback"
    run(KEY, *CLASS, "--report", report, "--feedback-dir", folder, "--summary")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Class report: Should Millbrook build the Elm Square garage?")
    assert "| item | mapped | most common confusion |" in text
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p.stem}.md" for p in CLASS)
    own = (folder / "a-own-words.md").read_text(encoding="utf-8")
    assert own.startswith("# Feedback: a-own-words\n") and "**Score: " in own


def test_user_text_in_the_report_is_escaped(tmp_path: Path) -> None:
    key = argmap.load(KEY)
    key.title = "<b>x</b> & co"
    results = argmap.api.grade(key, [CLASS[0]])
    results[0].file = "<img src=x>.yaml"
    page = report_html(class_report(key, results))
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt; &amp; co" in page
    assert "<img" not in page


def test_the_gradebook_csv_on_stdout_has_a_row_per_file(tmp_path: Path) -> None:
    broken = tmp_path / "zoe.yaml"
    broken.write_text("argmap: 1\nconclusion: [\n", encoding="utf-8")
    out = run(KEY, CLASS[0], broken, "--format", "csv", status=1)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["student", "file", "score", *WEIGHTS, "error", "feedback"]
    assert [r["student"] for r in rows] == ["a-own-words", "zoe"]
    assert float(rows[0]["score"]) > 90 and rows[0]["error"] == ""
    assert rows[1]["score"] == "" and rows[1]["error"].startswith(f"{broken}:3:1:")


def test_json_keeps_its_fields_and_adds_some() -> None:
    import json

    [row] = json.loads(run(KEY, CLASS[0], "--format", "json"))
    assert {"file", "score", "breakdown", "feedback", "error"} <= set(row)
    assert row["student"] == "a-own-words" and isinstance(row["details"], list)


def test_detail_shows_every_point() -> None:
    short = run(KEY, CLASS[2])
    full = run(KEY, CLASS[2], "--detail")
    assert "--detail shows them" in short and "--detail shows them" not in full
    assert len(full.splitlines()) > len(short.splitlines())


def test_a_report_in_another_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["grade", str(KEY), str(KEY), "--report", str(tmp_path / "r.pdf")]
    )
    assert result.exit_code == 2


def test_feedback_file_names_are_distinct() -> None:
    results = argmap.api.grade(argmap.load(KEY), [CLASS[0], CLASS[0]])
    assert feedback_names(results) == ["a-own-words.md", "a-own-words-2.md"]


def test_parallel_grading_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grade_module, "PARALLEL_FROM", 2)
    key = argmap.load(KEY)
    files = [*CLASS, DATA / "missing.yaml"] * 3
    seen: list[str] = []
    one = argmap.api.grade(key, files, jobs=1)
    two = argmap.api.grade(key, files, jobs=2, progress=seen.append)
    assert [r.to_dict() for r in one] == [r.to_dict() for r in two]
    assert seen == [str(f) for f in files]


def test_with_feedback_files_the_gradebook_links_each_one(tmp_path: Path) -> None:
    """Issue 16: the gradebook CSV gains one column, ``feedback_file``, each student's feedback
    file relative to the CSV's folder; without --feedback-dir the header is unchanged."""
    book = tmp_path / "out" / "grades.csv"
    book.parent.mkdir()
    feedback = tmp_path / "feedback"
    run(KEY, *CLASS[:3], "--csv", book, "--feedback-dir", feedback, "--summary")
    rows = list(csv.DictReader(io.StringIO(book.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [
        "student",
        "file",
        "score",
        *WEIGHTS,
        "error",
        "feedback",
        "feedback_file",
    ]
    for row in rows:
        linked = (book.parent / row["feedback_file"]).resolve()
        assert linked == (feedback / f"{row['student']}.md").resolve() and linked.is_file()
    plain = tmp_path / "plain.csv"
    run(KEY, CLASS[0], "--csv", plain, "--summary")
    assert plain.read_text(encoding="utf-8").splitlines()[0] == ",".join(
        ["student", "file", "score", *WEIGHTS, "error", "feedback"]
    )
