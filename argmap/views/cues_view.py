"""The terminal view of ``argmap cues``: numbered paragraphs with cues marked, the conclusion guess.

In colour each cue kind has its own style and a legend line names them.
When the output is plain (piped, ``NO_COLOR``) colours would vanish, so each
cue is written ``[text|kind]`` instead, and the guessed sentence is marked
with ``◆`` before its paragraph number. User text is always a
:class:`rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.analysis import lexicon
from argmap.analysis.lexicon import Cue
from argmap.teaching.cues import CueReport
from argmap.views.wrapping import KEEP, LONG, fill_lines
from argmap.views.wrapping import fill as _fill

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

#: One style per cue kind; each differs in more than hue where it matters (bold, underline).
CUE_STYLES: dict[str, str] = {
    lexicon.CONCLUSION_INDICATOR: "bold bright_blue",
    lexicon.PREMISE_INDICATOR: "cyan",
    lexicon.CONTRAST: "bold magenta",
    lexicon.HEDGE: "yellow",
    lexicon.OVERCLAIM: "bold red",
    lexicon.VAGUE_QUANTIFIER: "dark_orange underline",
    lexicon.UNNAMED_SOURCE: "red underline",
    lexicon.EVIDENCE: "green",
}
GUESS_STYLE = "bold reverse"
GUESS_MARK = "◆"
#: Marks up to this long are kept on one line when wrapping.
KEEP_MAX = 30
#: How many runners-up the view names after the guess.
ALTERNATIVES = 2
#: How many lines (about as many paragraphs) :func:`cues_plain` lays out at a time.
CHUNK_LINES = 2000


def legend(plain: bool, width: int = 100) -> Text:
    """One line naming the cue kinds: in their colours, or as the ``[text|kind]`` form."""
    from rich.text import Text

    if plain:
        return Text(_plain_legend(width))
    line = Text("Legend: ")
    for i, kind in enumerate(lexicon.KINDS):
        if i:
            line.append("  ")
        line.append(kind, style=CUE_STYLES[kind])
    line.append("  ")
    line.append("conclusion guess", style=GUESS_STYLE)
    return line


def _plain_legend(width: int) -> str:
    return _fill(
        "Cues are marked [text|kind]; kinds: "
        + ", ".join(lexicon.KINDS)
        + f". {GUESS_MARK} marks the paragraph of the conclusion guess.",
        width,
        "",
        0,
    )


def _outermost(cues: tuple[Cue, ...]) -> list[Cue]:
    """Cues that do not start inside an earlier one (plain text cannot nest its marks)."""
    out: list[Cue] = []
    end = -1
    for cue in sorted(cues, key=lambda c: (c.start, -c.end)):
        if cue.start >= end:
            out.append(cue)
            end = cue.end
    return out


def paragraph_text(
    body: str, cues: tuple[Cue, ...], plain: bool, guess: tuple[int, int] | None
) -> Text:
    """One paragraph with its cues marked (and the guessed sentence, in colour)."""
    from rich.text import Text

    if plain:
        return Text(_plain_marks(body, cues))
    text = Text(body)
    if guess is not None:
        text.stylize(GUESS_STYLE, *guess)
    for cue in cues:
        text.stylize(CUE_STYLES[cue.kind], cue.start, cue.end)
    return text


def _plain_marks(body: str, cues: tuple[Cue, ...]) -> str:
    """A paragraph with each outermost cue written ``[text|kind]``."""
    if not cues:
        return body
    parts: list[str] = []
    pos = 0
    for cue in _outermost(cues):
        parts.append(body[pos : cue.start])
        # a private-use character holds the mark together when the line is wrapped
        marked = body[cue.start : cue.end]
        if len(marked) <= KEEP_MAX:  # a long quotation may wrap, or rich would break it
            marked = marked.replace(" ", KEEP)
        parts.append(f"[{marked}|{cue.kind}]")
        pos = cue.end
    parts.append(body[pos:])
    return "".join(parts)


def _number(n: int, guessed: int | None) -> str:
    """A paragraph's number as the gutter shows it (the guessed one marked)."""
    return f"{GUESS_MARK} ¶{n}" if n == guessed else f"¶{n}"


def _gutter(report: CueReport, guessed: int | None) -> int:
    """The width of the numbers' column: the widest number (the last, or the guessed), plus one."""
    if not report.paragraphs:
        return 3
    widest = len(_number(report.paragraphs[-1].n, None))
    if guessed is not None:
        widest = max(widest, len(_number(guessed, guessed)))
    return widest + 1


def _footer(report: CueReport, width: int) -> list[tuple[str, str]]:
    """The lines under the paragraphs (the guess, the runners-up, the advice), with their styles."""
    guess = report.guess
    if guess is None:
        return [("No sentences: nothing to guess a conclusion from.", "")]
    why = ", ".join(guess.why) or "no features"
    head = f"{GUESS_MARK} Conclusion guess: ¶{guess.paragraph} (score {_num(guess.score)}: {why})"
    lines = [(_fill(head, width, "", 2), "bold"), (_fill(guess.text, width, "  ", 2), "")]
    others = report.ranking[1 : 1 + ALTERNATIVES]
    if others:
        line = "Next: " + "; ".join(
            f"¶{c.paragraph} ({_num(c.score)}) {_short(c.text)}" for c in others
        )
        lines.append((_fill(line, width, "  ", 4), "dim"))
    lines.append(
        ("  Check it: is this what the whole text argues for, or a step on the way?", "dim")
    )
    return lines


def cues_plain(report: CueReport, width: int = 100) -> Iterator[str]:
    """The whole ``argmap cues`` output without colour, wrapped to ``width``, in pieces of
    whole lines (:data:`CHUNK_LINES` at most); no line trails spaces.

    Plain strings, not rich renderables, and never all at once: rich's cost is
    per line, and a text may have 100,000 one-word paragraphs.
    """
    guessed = None if report.guess is None else report.guess.paragraph
    gutter = _gutter(report, guessed)
    yield _plain_legend(width) + "\n\n"
    lines: list[str] = []
    for paragraph in report.paragraphs:
        marked = _plain_marks(paragraph.text, paragraph.cues)
        number = _number(paragraph.n, guessed).rjust(gutter) + " "
        if len(marked) <= LONG:
            lines.append(_fill(marked, width, number, gutter + 1))
        else:  # a paragraph that is a long line: its lines a chunk at a time
            for line in fill_lines(marked, width, number, gutter + 1):
                lines.append(line)
                if len(lines) >= CHUNK_LINES:
                    yield "\n".join(lines) + "\n"
                    lines = []
        if len(lines) >= CHUNK_LINES:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"
    yield "\n" + "".join(text + "\n" for text, _ in _footer(report, width))


def cues_view(report: CueReport, *, plain: bool, width: int = 100) -> RenderableType:
    """The whole ``argmap cues`` output as rich renderables (plain: :func:`cues_plain` as one text)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if plain:
        return Text("".join(cues_plain(report, width)).removesuffix("\n"))
    guess = report.guess
    guessed = None if guess is None else guess.paragraph
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for paragraph in report.paragraphs:
        span = None
        style = "dim"
        if guess is not None and guess.paragraph == paragraph.n:
            span, style = (guess.start, guess.end), "bold"
        grid.add_row(
            Text(_number(paragraph.n, guessed), style=style),
            paragraph_text(paragraph.text, paragraph.cues, False, span),
        )
    parts: list[RenderableType] = [legend(False, width), Text(""), grid, Text("")]
    parts += [Text(text, style=style) for text, style in _footer(report, width)]
    return Group(*parts)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _num(value: float) -> str:
    """A score with up to two decimals and no trailing zeros: ``6.25``, ``5.5``, ``3``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
