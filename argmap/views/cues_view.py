"""The terminal view of ``argmap cues``: numbered paragraphs with cues marked, the conclusion guess.

In colour each cue kind has its own style and a legend line names them.
When the output is plain (piped, ``NO_COLOR``) colours would vanish, so each
cue is written ``[text|kind]`` instead, and the guessed sentence is marked
with ``◆`` before its paragraph number. User text is always a
:class:`rich.text.Text`, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.analysis import lexicon
from argmap.analysis.lexicon import Cue
from argmap.teaching.cues import CueReport
from argmap.views.wrapping import KEEP
from argmap.views.wrapping import fill as _fill

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


def legend(plain: bool, width: int = 100) -> Text:
    """One line naming the cue kinds: in their colours, or as the ``[text|kind]`` form."""
    if plain:
        return Text(
            _fill(
                "Cues are marked [text|kind]; kinds: "
                + ", ".join(lexicon.KINDS)
                + f". {GUESS_MARK} marks the paragraph of the conclusion guess.",
                width,
                "",
                0,
            )
        )
    line = Text("Legend: ")
    for i, kind in enumerate(lexicon.KINDS):
        if i:
            line.append("  ")
        line.append(kind, style=CUE_STYLES[kind])
    line.append("  ")
    line.append("conclusion guess", style=GUESS_STYLE)
    return line


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
    if plain:
        text = Text()
        pos = 0
        for cue in _outermost(cues):
            text.append(body[pos : cue.start])
            # a private-use character holds the mark together when the line is wrapped
            marked = body[cue.start : cue.end]
            if len(marked) <= KEEP_MAX:  # a long quotation may wrap, or rich would break it
                marked = marked.replace(" ", KEEP)
            text.append(f"[{marked}|{cue.kind}]")
            pos = cue.end
        text.append(body[pos:])
        return text
    text = Text(body)
    if guess is not None:
        text.stylize(GUESS_STYLE, *guess)
    for cue in cues:
        text.stylize(CUE_STYLES[cue.kind], cue.start, cue.end)
    return text


def cues_view(report: CueReport, *, plain: bool, width: int = 100) -> RenderableType:
    """The whole ``argmap cues`` output (``width`` wraps the plain form, whose lines never trail spaces)."""
    guess = report.guess
    numbers = {
        p.n: (f"{GUESS_MARK} ¶{p.n}" if guess is not None and guess.paragraph == p.n else f"¶{p.n}")
        for p in report.paragraphs
    }
    gutter = max((len(n) for n in numbers.values()), default=2) + 1
    parts: list[RenderableType] = [legend(plain, width), Text("")]
    if plain:
        # one Text for the whole body: rich's cost is per renderable, and a text may have
        # 100,000 one-word paragraphs
        lines = [
            _fill(
                paragraph_text(paragraph.text, paragraph.cues, True, None).plain,
                width,
                numbers[paragraph.n].rjust(gutter) + " ",
                gutter + 1,
            )
            for paragraph in report.paragraphs
        ]
        if lines:
            parts.append(Text("\n".join(lines)))
    else:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        for paragraph in report.paragraphs:
            span = None
            style = "dim"
            if guess is not None and guess.paragraph == paragraph.n:
                span, style = (guess.start, guess.end), "bold"
            grid.add_row(
                Text(numbers[paragraph.n], style=style),
                paragraph_text(paragraph.text, paragraph.cues, False, span),
            )
        parts.append(grid)
    parts.append(Text(""))
    if guess is None:
        parts.append(Text("No sentences: nothing to guess a conclusion from."))
        return Group(*parts)
    why = ", ".join(guess.why) or "no features"
    head = f"{GUESS_MARK} Conclusion guess: ¶{guess.paragraph} (score {_num(guess.score)}: {why})"
    parts.append(Text(_fill(head, width, "", 2), style="bold"))
    parts.append(Text(_fill(guess.text, width, "  ", 2)))
    others = report.ranking[1 : 1 + ALTERNATIVES]
    if others:
        line = "Next: " + "; ".join(
            f"¶{c.paragraph} ({_num(c.score)}) {_short(c.text)}" for c in others
        )
        parts.append(Text(_fill(line, width, "  ", 4), style="dim"))
    parts.append(
        Text(
            "  Check it: is this what the whole text argues for, or a step on the way?", style="dim"
        )
    )
    return Group(*parts)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _num(value: float) -> str:
    """A score with up to two decimals and no trailing zeros: ``6.25``, ``5.5``, ``3``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
