"""Explorer benchmark: the HTML page of the 2,000-statement generated map opening in Chromium.

Timed: a new tab loads the file until the explorer's own ``argmap-ready``
mark (``performance.mark``, set after the frame that first paints the fitted
map, every statement focusable and the collapse toggles drawn), as the page
measures it from the start of the navigation. The median of seven such
openings is the figure; the wall time around each, as Playwright sees it, is
printed beside it in the notes. Chromium is started once, before timing, as
a reader's browser already is, with argmap's own flags
(:data:`argmap.views.printing.CHROMIUM_FLAGS`). Needs a Chromium on PATH and
the python ``playwright`` package (a dev dependency); without them the case
is left out.
"""

from __future__ import annotations

import atexit
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from argmap.views.printing import CHROMIUM_FLAGS, chromium
from bench.generate import write
from bench.harness import ARGMAP, Case

OUT = Path(tempfile.gettempdir()) / "argmap-bench-explorer"
_state: dict[str, Any] = {"walls": []}
NOTES: list[str] = []


def _setup() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / "gen-2000.html"
    subprocess.run(
        [ARGMAP, "render", str(write(2_000)["yaml"]), "--engine", "wasm", "-o", str(page)],
        check=True,
        capture_output=True,
    )
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    browser = driver.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_FLAGS))
    _state.update(driver=driver, browser=browser, uri=page.as_uri())
    atexit.register(_teardown)
    _open()  # one unrecorded run, as the command-line cases have
    _state["walls"].clear()
    NOTES.clear()


def _teardown() -> None:
    if "browser" in _state:
        _state.pop("browser").close()
        _state.pop("driver").stop()


def _open() -> float:
    """Open the page in a new tab; the seconds from navigation to the page's ready mark."""
    page = _state["browser"].new_page(viewport={"width": 1600, "height": 1000})
    try:
        start = time.perf_counter()
        page.goto(_state["uri"])
        page.wait_for_selector("body[data-explorer=ready]", timeout=60_000)
        _state["walls"].append(time.perf_counter() - start)
        ready = page.evaluate("performance.getEntriesByName('argmap-ready')[0].startTime")
        _note()
        return float(ready) / 1000
    finally:
        page.close()


def _note() -> None:
    walls = _state["walls"]
    NOTES[:] = [
        (
            f"Explorer of 2,000 statements: wall time around each opening as Playwright sees it "
            f"(new tab, navigation, until the ready attribute is seen): median "
            f"{statistics.median(walls):.2f} s of {len(walls)}."
        )
    ]


def cases() -> list[Case]:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return []
    if chromium() is None:
        return []
    return [
        Case(
            "open the HTML explorer of 2,000 statements in Chromium (to its ready mark)",
            "< 2 s",
            func=_open,
            setup=_setup,
            repeat=7,
            limit_s=2.0,
            self_timed=True,
        )
    ]
