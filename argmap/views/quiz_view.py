"""The terminal side of ``argmap quiz``: questions as rich text, answers read, each answer
explained, a score and what to review at the end.

Answers come from a callable so the same loop serves a person at the
terminal (re-asked until the answer is a letter) and a script (``--answers
FILE`` or a pipe: a missing or invalid answer counts as wrong). Statements
from the map are :class:`rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, Group, RenderableType
from rich.text import Text

from argmap.teaching.quiz import LETTERS, Question, Quiz, parse_answer, to_review
from argmap.views.wrapping import hanging


def question_view(question: Question, number: int, total: int, width: int = 100) -> RenderableType:
    """A question with its lettered options, wrapped with hanging indents."""
    parts: list[RenderableType] = [
        hanging(f"Question {number} of {total}: ", question.prompt, width, prefix_style="bold")
    ]
    if question.subject:
        parts.append(hanging("  ", question.subject, width, style="italic"))
    for i, option in enumerate(question.options):
        parts.append(hanging(f"  {LETTERS[i]}) ", option, width, prefix_style="bold cyan"))
    return Group(*parts)


def run_quiz(
    quiz: Quiz,
    console: Console,
    next_answer: Callable[[str], str | None],
    *,
    interactive: bool,
) -> int:
    """Ask every question, say whether each answer is right and why, print the score and what
    to review; return the score."""
    total = len(quiz.questions)
    right = 0
    given: list[int | None] = []
    for number, question in enumerate(quiz.questions, start=1):
        console.print(question_view(question, number, total, console.width))
        letters = LETTERS[: len(question.options)]
        prompt = f"Your answer ({letters[0]}-{letters[-1]}): "
        while True:
            raw = next_answer(prompt)
            choice = parse_answer(raw, len(question.options))
            if choice is not None or not interactive or raw is None:
                break
            console.print(Text(f"Please answer with one letter, {letters[0]} to {letters[-1]}."))
        if interactive and raw is None:
            # end of input (Ctrl-D): stop here rather than ask into the void
            console.print(Text(""))
            console.print(Text(f"Stopped at question {number} of {total}.", style="dim"))
            break
        if not interactive:
            shown = raw.strip() if raw and raw.strip() else "(no answer)"
            if raw and raw.strip() and choice is None:
                shown += f" (not one of {letters[0]}-{letters[-1]}: counted wrong)"
            console.print(Text(prompt + shown))
        given.append(choice)
        console.print(feedback_view(question, choice, console.width))
        if choice == question.answer:
            right += 1
        console.print(Text(""))
    percent = round(100 * right / total) if total else 0
    console.print(Text(f"Score: {right}/{total} ({percent}%)", style="bold"))
    review = to_review(quiz, given)
    if review:
        console.print(Text("To review:", style="bold"))
        for topic, numbers in review:
            which = ", ".join(str(n) for n in numbers)
            label = "question" if len(numbers) == 1 else "questions"
            console.print(hanging("  - ", f"{topic} ({label} {which})", console.width))
    return right


def feedback_view(question: Question, choice: int | None, width: int = 100) -> RenderableType:
    """After an answer: right or wrong, why the right answer is right, and why the chosen
    wrong one is wrong."""
    parts: list[RenderableType] = []
    if choice == question.answer:
        parts.append(Text("✓ Correct.", style="green"))
    else:
        correct = question.options[question.answer]
        parts.append(
            hanging(
                "✗ No: the answer is ", f"{question.letter}) {correct}", width, prefix_style="red"
            )
        )
    if question.explanation:
        parts.append(hanging("  Why: ", question.explanation, width, prefix_style="bold"))
    if choice is not None and choice != question.answer and question.why_wrong(choice):
        parts.append(
            hanging(
                f"  {LETTERS[choice]}) is wrong: ",
                question.why_wrong(choice),
                width,
                prefix_style="bold",
            )
        )
    return Group(*parts)


def play(quiz: Quiz, answers: str | None, *, interactive: bool) -> int:
    """The quiz on stdout: answers asked at the terminal when ``interactive``, else taken from
    the text ``answers``, one letter a line. Returns the number answered right."""
    from argmap.views.console import console

    out = console()
    if interactive:

        def ask(prompt: str) -> str | None:
            try:
                return out.input(Text(prompt, style="bold"))
            except EOFError:
                return None

        return run_quiz(quiz, out, ask, interactive=True)
    lines = iter((answers or "").splitlines())
    return run_quiz(quiz, out, lambda _prompt: next(lines, None), interactive=False)
