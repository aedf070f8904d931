"""Explorer benchmark: the HTML page of the 2,000-statement generated map opening in Chromium.

Timed: a new tab loads the file until the explorer's script has run (``body[data-explorer=ready]``:
the map fitted, every statement made focusable, the collapse toggles drawn). Chromium is
started once, before timing, as a reader's browser already is. Needs ``/usr/bin/chromium``
and the python ``playwright`` package (a dev dependency); without them the case is left out.
"""

from __future__ import annotations

import atexit
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench.generate import write
from bench.harness import ARGMAP, Case

CHROMIUM = Path("/usr/bin/chromium")
OUT = Path(tempfile.gettempdir()) / "argmap-bench-explorer"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_state: dict[str, Any] = {}


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
    browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    _state.update(driver=driver, browser=browser, uri=page.as_uri())
    atexit.register(_teardown)
    _open()  # one unrecorded run, as the command-line cases have


def _teardown() -> None:
    if "browser" in _state:
        _state.pop("browser").close()
        _state.pop("driver").stop()


def _open() -> None:
    page = _state["browser"].new_page(viewport={"width": 1600, "height": 1000})
    try:
        page.goto(_state["uri"])
        page.wait_for_selector("body[data-explorer=ready]", timeout=30_000)
    finally:
        page.close()


def cases() -> list[Case]:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return []
    if not CHROMIUM.exists():
        return []
    return [
        Case(
            "open the HTML explorer of 2,000 statements in Chromium",
            "< 2 s",
            func=_open,
            setup=_setup,
            repeat=5,
            limit_s=2.0,
        )
    ]
