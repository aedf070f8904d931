"""The ``argmap`` command line: parses options, calls the library API, maps errors to exit codes.

Nothing else lives here. Heavy modules are imported inside the commands so
that ``argmap --help`` and ``argmap --version`` stay fast. The commands are in
:mod:`argmap.cli.core` (maps: show, gaps, render, convert...) and
:mod:`argmap.cli.teaching` (cues, new, exercise, grade, quiz), on one app.
"""

from __future__ import annotations

import os
import sys

from argmap.cli.core import (
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
    """Entry point of the ``argmap`` script (standard output guarded: see ``run_guarded``)."""
    from argmap.views.console import run_guarded

    # argmap uses no pydantic plugins; unless told to, pydantic's first model looks for them
    # in every installed package's entry points (about 5% of a 2,000-statement render).
    # Setting PYDANTIC_DISABLE_PLUGINS (even empty) in the environment overrides this.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.exit(run_guarded(app))
