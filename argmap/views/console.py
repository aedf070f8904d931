"""The one place that builds rich consoles: colour off when piped or when NO_COLOR is set."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False) -> Console:
    """A console for stdout (or stderr) that is plain when not a terminal or when NO_COLOR is set."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    is_tty = stream.isatty()
    no_color = bool(os.environ.get("NO_COLOR"))
    width = None if is_tty else int(os.environ.get("COLUMNS", "100") or 100)
    return Console(
        file=stream,
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
