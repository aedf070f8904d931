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
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO, cast

from argmap.safe_text import printable

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
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


def print_parts(out: Console, renderable: RenderableType) -> None:
    """``out.print(renderable)``, the same text, where the parts of a Group that draw their own
    plain lines (a ``plain_lines(console, options)`` method: ``show``'s tree and gap table)
    write them straight to the console's file when it has no colour: rich's print would pass
    every line through its segment pipeline again (issue 17, ``show`` on 50,000 statements).
    Each such line is no wider than the console, so rich's crop changes none of them."""
    from rich.console import Group

    parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
    options = out.options.update(justify=None, overflow=None, height=None, no_wrap=None)
    for part in parts:
        draw = getattr(part, "plain_lines", None)
        lines = draw(out, options) if draw is not None and out.color_system is None else None
        if lines is None:
            out.print(part)
            continue
        for start in range(0, len(lines), 4096):
            out.file.write(printable("\n".join(lines[start : start + 4096]) + "\n"))
        out.file.flush()


def piped_width() -> int | None:
    """The width plain output is wrapped to when stdout is not a terminal (``COLUMNS``, else 100);
    ``None`` at a terminal. A view may then write plain text itself, without rich (as
    :func:`console` would lay it out: no colour, the same width)."""
    if sys.stdout.isatty():
        return None
    return int(os.environ.get("COLUMNS", "100") or 100)


def say(line: str, *, err: bool = False) -> None:
    """Print one line of the CLI's own (``wrote FILE``, ``argmap: NOTICE``), user text made safe."""
    print(printable(line), file=sys.stderr if err else sys.stdout)


def error(message: object) -> None:
    """``Error: MESSAGE`` on stderr, after whatever stdout holds; control characters visible."""
    sys.stdout.flush()
    print(f"Error: {printable(str(message))}", file=sys.stderr)


def write(text: str) -> None:
    """Text output of a command (a report, JSON) on stdout, control characters made visible.

    JSON text must come escaped already (:func:`argmap.safe_text.json_safe`, as
    :func:`argmap.views.jsondata.json_text` does): ``\\x1b`` is no JSON escape.
    Then this changes nothing in it.
    """
    sys.stdout.write(printable(text))


def flush_stdout() -> None:
    """Flush standard output before an ``Error:`` line (so they come in order), if it still can."""
    try:
        sys.stdout.flush()
    except OSError:
        quiet_stdout()


def quiet_stdout() -> None:
    """Point standard output at /dev/null: what is left in its buffer, and Python's flush at
    exit, then fail silently instead of printing "Exception ignored ..." (the Python docs'
    recipe for SIGPIPE)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file (a test runner's capture): nothing will flush it at exit


#: The exit status when the reader of standard output went away (``argmap show MAP | head``):
#: 128 + SIGPIPE, what a shell reports for a program the signal ended (as cat and grep end).
BROKEN_PIPE = 141


def run_guarded(app: Callable[[], object]) -> Any:
    """Run the CLI with standard output guarded; its exit status.

    Standard output is flushed here, before Python's own flush at exit, so a
    write that fails at the very end (a full disk, a closed pipe) is reported
    like one inside a command.
    """
    sys.stdout = GuardedStdout(sys.stdout)
    status: Any = 0
    try:
        try:
            app()
        except SystemExit as done:
            status = done.code
        sys.stdout.flush()
    except BrokenPipeError:  # outside a command (--help | head), or at the last flush
        quiet_stdout()
        status = BROKEN_PIPE
    except StdoutFailed as failed:
        quiet_stdout()
        error(failed)
        status = 1
    return status


class StdoutFailed(Exception):
    """Writing to standard output failed (not a closed pipe): a full disk, an I/O error."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(f"cannot write to standard output: {exc.strerror or exc}")


class GuardedStdout:
    """Standard output whose write errors say where they come from (:class:`StdoutFailed`).

    Installed by the CLI's ``main`` only: an OSError from anywhere else stays a bug.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from argmap.io import write_all

        try:
            if len(text) < 4096:
                return int(self._stream.write(text))
            # a long text goes to the bytes below, every byte checked: the text layer drops
            # the rest of a short write (a closed pipe) without a word
            self._stream.flush()
            write_all(self._stream.buffer, text.encode(self._stream.encoding, "strict"))
            return len(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def flush(self) -> None:
        if self._stream.closed:
            return  # closed by whoever owned it last (the language server does, on exit)
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@functools.cache
def _safe_console_class() -> type[Console]:
    """A rich Console that makes control characters visible in every text it writes.

    Rich keeps ESC and C1 controls (it strips only a few such as BEL and CR),
    so they are made visible here, on the segments of text after layout;
    control segments (rich's own cursor moves) and styles pass as they are.
    """
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich would exit with status 1 here; the CLI ends a closed pipe its own way
            self.quiet = True
            raise BrokenPipeError

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
