"""``argmap quiz``: seeded questions from the map, --key, scripted answers from a file or a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import ArgmapError
from argmap.teaching.quiz import KINDS, LETTERS, REVIEW, make_quiz, parse_answer, score


def key_letters(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--key", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def wrong_letters(right: list[str]) -> list[str]:
    # "A" is wrong unless it is right; then "B" (every question has at least two options)
    return ["B" if letter == "A" else "A" for letter in right]


def test_key_prints_one_letter_a_line() -> None:
    letters = key_letters("--seed", "5")
    assert len(letters) == 10
    assert all(len(x) == 1 and x in LETTERS for x in letters)
    assert key_letters("--seed", "5") == letters
    assert len(key_letters("--seed", "5", "--count", "15")) == 15


def test_all_correct_answers_score_full_marks(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(key_letters("--seed", "3")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--seed", "3", "--answers", str(answers)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("✓ Correct.") == 10
    assert result.stdout.rstrip().endswith("Score: 10/10 (100%)")


def test_all_wrong_answers_score_zero(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(wrong_letters(key_letters("--seed", "3"))), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--seed", "3", "--answers", str(answers)]
    )
    assert result.exit_code == 0
    assert result.stdout.count("✗ No: the answer is") == 10
    assert "Score: 0/10 (0%)\nTo review:\n" in result.stdout


def test_answers_from_a_pipe_in_lower_case() -> None:
    right = key_letters("--seed", "8", "--count", "5")
    piped = "\n".join(letter.lower() for letter in right) + "\n"
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--seed", "8", "--count", "5"], input=piped
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("Score: 5/5 (100%)")


def test_missing_and_invalid_answers_count_as_wrong() -> None:
    right = key_letters("--seed", "1")
    piped = "\n".join([right[0], "Z", "", *right[3:6]])  # 1 right, 2 invalid, 3 right, 4 missing
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--seed", "1"], input=piped)
    assert result.exit_code == 0
    assert "Your answer (A-" in result.stdout and "(no answer)" in result.stdout
    assert "Score: 4/10 (40%)" in result.stdout


def test_the_quiz_asks_every_kind_of_question() -> None:
    m = argmap.load(FLAGSHIP)
    gaps = argmap.find_gaps(m)
    quizzes = [make_quiz(m, gaps, seed=s, count=15) for s in range(6)]
    assert {q.kind for quiz in quizzes for q in quiz.questions} == set(KINDS)
    first = quizzes[0].questions[0]
    assert first.prompt == "Which passage of the text states its main conclusion?"
    assert first.options[first.answer] == f"“{m.statements[m.conclusion].quote}”"
    for quiz in quizzes:
        for q in quiz.questions:
            assert 2 <= len(q.options) <= 4 and len(set(q.options)) == len(q.options)
            assert q.explanation and len(q.wrong) == len(q.options)
            assert all(q.why_wrong(i) for i in range(len(q.options)) if i != q.answer), q
    # paragraph 16's evidence is a leak
    p16 = {
        q.options[q.answer]
        for quiz in quizzes
        for q in quiz.questions
        if q.prompt == "What kind of evidence is paragraph 16?"
    }
    assert p16 <= {"leak: leaked material"}


def test_what_a_statement_supports_or_attacks_is_named() -> None:
    m = argmap.load(FLAGSHIP)
    questions = [
        q
        for s in range(10)
        for q in make_quiz(m, argmap.find_gaps(m), seed=s, count=15).questions
        if q.kind == "target"
    ]
    assert questions
    for q in questions:
        right = q.options[q.answer]
        assert right.startswith(("It supports “", "It attacks “")), right
        # the attacked or supported claim, named: its first words are one of the map's claims
        named = right.split("“", 1)[1].rstrip("”").rstrip("…")
        assert any(s.text.startswith(named) for s in m.statements.values()), named


def test_an_unanswered_objection_is_said_to_be_unanswered() -> None:
    m = argmap.load(FLAGSHIP)
    asked = {
        q.subject: q
        for s in range(10)
        for q in make_quiz(m, argmap.find_gaps(m), seed=s, count=15).questions
        if q.kind == "answered"
    }
    o1 = next(q for subject, q in asked.items() if subject and subject.startswith("¶20-22"))
    assert o1.options[o1.answer] == "No: the text raises it and never answers it"
    assert "¶20-22" in o1.explanation and "unanswered objection" in o1.explanation


def test_the_conclusion_is_not_given_away_by_its_length() -> None:
    """Across seeds, the right answer to the flagship's conclusion question is not the longest
    option in more than half of them."""
    m = argmap.load(FLAGSHIP)
    gaps = argmap.find_gaps(m)
    seeds = range(40)
    longest = 0
    for seed in seeds:
        q = make_quiz(m, gaps, seed=seed, count=5).questions[0]
        assert q.kind == "conclusion"
        lengths = [len(o) for o in q.options]
        if lengths[q.answer] == max(lengths):
            longest += 1
    assert longest <= len(seeds) / 2, longest
    # and the options are of one form: passages of the text, of similar length
    q = make_quiz(m, gaps, seed=0, count=5).questions[0]
    assert all(o.startswith("“") and o.endswith("”") for o in q.options)
    assert max(len(o) for o in q.options) < 2 * min(len(o) for o in q.options)


def test_every_answer_is_explained_after_it(tmp_path: Path) -> None:
    """A scripted run: after each answer, the explanation; after a wrong one, why the chosen
    option is wrong; at the end the score and what to review."""
    m = argmap.load(FLAGSHIP)
    quiz = make_quiz(m, argmap.find_gaps(m), seed=4, count=15)
    chosen = wrong_letters(quiz.key())
    chosen[::2] = quiz.key()[::2]  # every other answer right
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--seed", "4", "--count", "15", "--answers", str(answers)]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    blocks = out.split("Question ")[1:]
    assert len(blocks) == 15
    for n, (block, q, letter) in enumerate(zip(blocks, quiz.questions, chosen, strict=True)):
        answered = block.index(f"Your answer (A-{LETTERS[len(q.options) - 1]}): {letter}")
        why = block.index("  Why: ")
        assert answered < why, n
        explanation = " ".join(block[why + 7 :].split())
        assert " ".join(q.explanation.split())[:60] in explanation, n
        if letter == q.letter:
            assert "✓ Correct." in block
        else:
            assert f"  {letter}) is wrong: " in block, n
            assert block.index(f"  {letter}) is wrong: ") > why
    assert "Score: 8/15 (53%)" in out
    review = out.split("To review:", 1)[1]
    missed = {
        q.kind for q, letter in zip(quiz.questions, chosen, strict=True) if letter != q.letter
    }
    for kind in missed:
        assert REVIEW[kind].split(":")[0] in review
    # explanations cite the paragraph and the text's words
    assert all("¶" in q.explanation for q in quiz.questions if q.kind != "has-evidence")


def test_seeds_change_the_quiz() -> None:
    m = argmap.load(FLAGSHIP)
    quizzes = {make_quiz(m, seed=s).questions for s in range(5)}
    assert len(quizzes) > 1
    assert make_quiz(m, seed=2) == make_quiz(m, seed=2)


def test_quiz_on_every_map() -> None:
    for path in sorted(MAPS.glob("*.yaml")):
        m = argmap.load(path)
        quiz = make_quiz(m, argmap.find_gaps(m), seed=0, count=5)
        assert len(quiz.questions) == 5, path
        assert score(quiz, [q.answer for q in quiz.questions]) == 5


def test_parse_answer() -> None:
    assert parse_answer(" b) because", 4) == 1
    assert parse_answer("d", 2) is None
    assert parse_answer("", 4) is None and parse_answer(None, 4) is None


def test_bad_count() -> None:
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--count", "20"])
    assert result.exit_code == 2
    with pytest.raises(ArgmapError, match="5 to 15 questions"):
        make_quiz(argmap.load(FLAGSHIP), count=3)


def test_user_text_is_not_markup(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\nconclusion:\n  text: '[bold]We[/bold] should act'\n  reasons:\n"
        "    - text: '[red]Because[/red] of x'\n    - text: 'And y'\n"
        "  objections:\n    - text: 'But z'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["quiz", str(path), "--count", "5"], input="A\n" * 5)
    assert result.exit_code == 0, result.output
    assert "[bold]We[/bold] should act" in result.stdout


def test_at_a_terminal_an_invalid_answer_is_asked_again() -> None:
    from rich.console import Console

    from argmap.views.quiz_view import run_quiz

    m = argmap.load(FLAGSHIP)
    quiz = make_quiz(m, seed=0, count=5)
    replies = iter(
        ["", "z", quiz.questions[0].letter.lower(), *[q.letter for q in quiz.questions[1:]]]
    )
    prompts: list[str] = []

    def ask(prompt: str) -> str | None:
        prompts.append(prompt)
        return next(replies, None)

    console = Console(width=100, record=True, color_system=None)
    assert run_quiz(quiz, console, ask, interactive=True) == 5
    assert len(prompts) == 7  # two invalid answers to the first question, asked again
    assert console.export_text().count("Please answer with one letter") == 2


def test_end_of_input_at_a_terminal_stops_the_quiz() -> None:
    """Ctrl-D at a prompt ends the quiz there instead of asking every remaining question."""
    from rich.console import Console

    from argmap.views.quiz_view import run_quiz

    quiz = make_quiz(argmap.load(FLAGSHIP), seed=1, count=5)
    asked: list[str] = []

    def answer(prompt: str) -> str | None:
        asked.append(prompt)
        return quiz.key()[0] if len(asked) == 1 else None

    out = Console(record=True, width=100)
    assert run_quiz(quiz, out, answer, interactive=True) == 1
    assert len(asked) == 2
    text = out.export_text()
    assert "Stopped at question 2 of 5." in text and "Score: 1/5 (20%)" in text


def test_a_scripted_letter_out_of_range_says_so(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("z\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--count", "5", "--answers", str(answers)]
    )
    assert result.exit_code == 0, result.output
    assert "Your answer (A-D): z (not one of A-D: counted wrong)" in result.stdout


def test_a_small_map_says_it_has_fewer_questions(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(
        "argmap: 1\nconclusion:\n  text: Cats are good pets.\n"
        "  reasons: [{text: They are calm.}, {text: They are clean.}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["quiz", str(path), "--count", "15", "--key"])
    assert result.exit_code == 0, result.output
    count = len(result.stdout.splitlines())
    assert 0 < count < 15
    assert (
        result.stderr
        == f"argmap: this map yields {count} different questions, not the 15 asked for\n"
    )


def test_no_question_names_a_statement_id() -> None:
    """Ids ("R1.2", "E9 -> R3") mean nothing to a student: gap messages that name other
    statements have them replaced by the statement's opening words, in every text shown."""
    import re

    from argmap.analysis.findings import findings

    checked = 0
    for path in sorted(MAPS.glob("*.yaml")):
        m = argmap.load(path)
        ids = sorted((i for i in m.statements if i not in {"A", "I", "a"}), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, ids)) + r")(?![\w]|\.\w)")
        gaps = findings(m, everything=True).gaps
        for seed in range(8):
            for q in make_quiz(m, gaps, seed=seed, count=15).questions:
                for text in (q.prompt, q.subject or "", q.explanation, *q.options, *q.wrong):
                    found = pattern.search(text)
                    assert found is None, (path.name, q.kind, found.group(1) if found else "", text)
                    checked += 1
    assert checked > 1000
