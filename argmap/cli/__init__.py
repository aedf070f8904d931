"""The ``argmap`` command line: parses options, calls the library API, maps errors to exit codes.

Nothing else lives here. Heavy modules are imported inside the commands so
that ``argmap --help`` and ``argmap --version`` stay fast. The commands are in
:mod:`argmap.cli.core` (maps: show, gaps, render, convert...) and
:mod:`argmap.cli.teaching` (cues, new, exercise, grade, quiz), on one app.
"""

from __future__ import annotations

import sys
from typing import Any

from argmap.cli.core import (
    BROKEN_PIPE,
    EvaluateFormat,
    FailOn,
    GapFormat,
    RankDir,
    RenderEngine,
    RenderFormat,
    RenderLayout,
    RenderTheme,
    SeverityLevel,
    StatsFormat,
    _quiet_stdout,
    app,
)
from argmap.cli.teaching import Difficulty, GradeFormat, QuizExport, TeachingFormat

__all__ = [
    "Difficulty",
    "EvaluateFormat",
    "FailOn",
    "GapFormat",
    "GradeFormat",
    "QuizExport",
    "RankDir",
    "RenderEngine",
    "RenderFormat",
    "RenderLayout",
    "RenderTheme",
    "SeverityLevel",
    "StatsFormat",
    "TeachingFormat",
    "app",
    "main",
]


def main() -> None:
    """Entry point of the ``argmap`` script.

    Standard output is flushed here, before Python's own flush at exit, so a
    write that fails at the very end (a full disk, a closed pipe) is reported
    like one inside a command.
    """
    from argmap.views.console import GuardedStdout, StdoutFailed, error

    sys.stdout = GuardedStdout(sys.stdout)
    status: Any = 0
    try:
        try:
            app()
        except SystemExit as done:
            status = done.code
        sys.stdout.flush()
    except BrokenPipeError:  # outside a command (--help | head), or at the last flush
        _quiet_stdout()
        status = BROKEN_PIPE
    except StdoutFailed as failed:
        _quiet_stdout()
        error(failed)
        status = 1
    sys.exit(status)
