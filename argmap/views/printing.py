"""Print-ready PDF from an HTML page, by a headless Chromium where one is installed.

:func:`html_to_pdf` writes the page to a private temporary folder, runs
``chromium --headless --print-to-pdf`` on it (no network, no profile left
behind) and returns the PDF's bytes, or ``None`` when no Chromium is found
(``chromium``, ``chromium-browser``, ``google-chrome`` on PATH, or the
``ARGMAP_CHROMIUM`` environment variable), with its dates fixed so that the
same page gives the same bytes. Failures of an installed browser are
:class:`~argmap.errors.RenderError`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from argmap.errors import RenderError

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: how argmap runs Chromium, here and wherever a headless browser is driven (the explorer's
#: tests and benchmark): no sandbox (CI runs as root), no GPU, nothing fetched or synced, no
#: first-run pages. Playwright adds ``--headless`` itself.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
_PRINT_FLAGS = ("--headless", *CHROMIUM_FLAGS, "--no-pdf-header-footer")
TIMEOUT = 180


def chromium() -> str | None:
    """The Chromium (or Chrome) program to print with, if one is installed."""
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen is not None:
        return chosen or None  # ARGMAP_CHROMIUM="" turns printing off
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(page: str) -> bytes | None:
    """``page`` printed to PDF by a headless Chromium; ``None`` when there is none."""
    program = chromium()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="argmap-print-") as tmp:
        source = Path(tmp) / "page.html"
        target = Path(tmp) / "page.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            program,
            *_PRINT_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            proc = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RenderError(f"cannot print with {program}: {exc}") from None
        if proc.returncode != 0 or not target.exists():
            lines = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
            raise RenderError(
                f"{program} could not print the worksheet: {lines[-1] if lines else proc.returncode}"
            )
        return _undated(target.read_bytes())


_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)")


def _undated(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates fixed (same length, so the
    cross-reference offsets stay true): the same page always prints the same bytes."""
    return _DATE.sub(lambda m: b"/" + m.group(1) + b" (D:20000101000000" + m.group(2) + b")", pdf)
