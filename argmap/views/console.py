"""The one place that builds rich consoles: colour off when piped or when NO_COLOR is set.

Every console it builds shows control characters and bidi overrides in user
text visibly (:func:`argmap.safe_text.printable`), whatever the view put in
it: only rich's own styling reaches the terminal as escape codes.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment


def console(*, stderr: bool = False) -> Console:
    """A console for stdout (or stderr) that is plain when not a terminal or when NO_COLOR is set."""
    stream = sys.stderr if stderr else sys.stdout
    is_tty = stream.isatty()
    no_color = bool(os.environ.get("NO_COLOR"))
    width = None if is_tty else int(os.environ.get("COLUMNS", "100") or 100)
    return _safe_console_class()(
        file=stream if is_tty else cast("TextIO", _TrimmedLines(stream)),
        no_color=no_color,
        color_system=None if (no_color or not is_tty) else "auto",
        force_terminal=None,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        soft_wrap=False,
        legacy_windows=False,
    )


@functools.cache
def _safe_console_class() -> type[Console]:
    """A rich Console that makes control characters visible in every text it writes.

    Rich keeps ESC and C1 controls (it strips only a few such as BEL and CR),
    so they are made visible here, on the segments of text after layout;
    control segments (rich's own cursor moves) and styles pass as they are.
    """
    from rich.console import Console
    from rich.segment import Segment

    from argmap.safe_text import printable

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(
                segment if segment.control else Segment(printable(segment.text), segment.style)
                for segment in buffer
            )

    return SafeConsole


class _TrimmedLines(io.TextIOBase):
    """A text stream that drops the spaces rich leaves at the end of lines (padding, wraps).

    Used only when the output is not a terminal, so piped output diffs and
    greps cleanly. A partial line is held until its newline, or written as it
    is on ``flush`` (a prompt).
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        if lines:
            self.stream.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase says str | None
        return getattr(self.stream, "encoding", None) or "utf-8"

    def fileno(self) -> int:
        return self.stream.fileno()
