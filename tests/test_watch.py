"""``argmap watch``: a real file change re-renders; a broken file keeps the last good output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import MAPS

BIN = Path(sys.executable).parent

GOOD = (MAPS / "linked-undercut.yaml").read_text(encoding="utf-8")


def wait_for(condition: object, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert callable(condition)
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def start_watch(source: Path, out: Path, err: Any, stdout: int) -> subprocess.Popen[str]:
    """``argmap watch SOURCE -o OUT`` running (embedded engine), its errors into ``err``."""
    return subprocess.Popen(
        [str(BIN / "argmap"), "watch", str(source), "--engine", "wasm", "-o", str(out)],
        stdout=stdout,
        stderr=err,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # as a terminal would start it: a suite run from a background job inherits an
        # ignored SIGINT, and Python then never raises KeyboardInterrupt for Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_watch_rerenders_on_save_and_keeps_the_last_good_output(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    out = tmp_path / "map.svg"
    source.write_text(GOOD, encoding="utf-8")
    err = tmp_path / "err.txt"
    with err.open("w") as err_file:
        proc = start_watch(source, out, err_file, stdout=subprocess.PIPE)
        try:
            wait_for(out.exists, "the first render")
            assert b"Elm Road" in out.read_bytes()
            assert proc.stdout is not None
            wait_for(lambda: "watching" in (proc.stdout.readline() or ""), "watching")

            # a save with new text: a new picture
            source.write_text(GOOD.replace("Elm Road", "Zorblax Road"), "utf-8")
            wait_for(lambda: b"Zorblax" in out.read_bytes(), "the re-render")
            good = out.read_bytes()

            # a broken save: the located error, and the last good picture stays
            source.write_text(GOOD.replace("conclusion:", "conclusoin:", 1), "utf-8")
            wait_for(lambda: "kept the last good" in err.read_text(), "the error")
            message = err.read_text()
            assert f"Error: {source}:" in message and "conclusoin" in message
            assert "kept the last good" in message
            time.sleep(0.5)
            assert out.read_bytes() == good

            # fixed again: rendered again
            source.write_text(GOOD.replace("Elm Road", "Quuxton Road"), "utf-8")
            wait_for(lambda: b"Quuxton" in out.read_bytes(), "the render after the fix")
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                code = proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise
            if proc.stdout is not None:
                proc.stdout.close()
    assert code == 0
    assert "Traceback" not in err.read_text()


def test_watch_html_writes_the_live_script(tmp_path: Path) -> None:
    import argmap
    from argmap.watch import live_script, render_once

    source = tmp_path / "map.yaml"
    source.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "map.html"
    import io

    said, errors = io.StringIO(), io.StringIO()
    assert render_once(source, out, argmap.render_file, err=errors, out=said, engine="wasm")
    script = live_script(out).read_text()
    build = script.split('"')[1]
    page = out.read_text()
    assert f'"build":"{build}"' in page and '"src":"map.html.live.js"' in page
    assert "script-src 'unsafe-inline' 'self' file:" in page
    # a page made without watch loads no script at all
    assert (
        "script-src 'unsafe-inline';"
        in argmap.render(argmap.load(source), "html", engine="wasm").decode()
    )
    source.write_text("argmap: 1\nconclusion: [", encoding="utf-8")
    assert not render_once(source, out, argmap.render_file, err=errors, out=said, engine="wasm")
    assert out.read_text() == page and "Error: " in errors.getvalue()


@pytest.mark.browser
def test_watch_html_page_reloads_itself_in_a_browser(browser: Any, tmp_path: Path) -> None:
    """The open page follows the saves: a new map text reloads it (keeping the zoom); a broken
    save leaves it as it was."""
    source = tmp_path / "map.yaml"
    out = tmp_path / "map.html"
    source.write_text(GOOD, encoding="utf-8")
    err = tmp_path / "err.txt"
    with err.open("w") as err_file:
        proc = start_watch(source, out, err_file, stdout=subprocess.DEVNULL)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        try:
            wait_for(lambda: (tmp_path / "map.html.live.js").exists(), "the first render")
            page.goto(out.as_uri())
            page.wait_for_selector("body[data-explorer=ready]")
            assert "Elm Road" in page.content()
            page.keyboard.press("+")  # a view of the reader's own, to be kept
            zoomed = page.eval_on_selector("main.map", "m => m.dataset.scale")
            page.evaluate("window.sameDocument = true")  # gone once the page reloads

            def reloaded_with(word: str) -> bool:
                from playwright.sync_api import Error

                page.wait_for_timeout(200)
                try:  # mid-reload the page has no content to give
                    return word in page.content() and not page.evaluate(
                        "window.sameDocument === true"
                    )
                except Error:
                    return False

            source.write_text(GOOD.replace("Elm Road", "Zorblax Road"), "utf-8")
            wait_for(lambda: reloaded_with("Zorblax"), "the page to reload with the new text")
            page.wait_for_selector("body[data-explorer=ready]")
            assert "Elm Road" not in page.content()
            assert page.eval_on_selector("main.map", "m => m.dataset.scale") == zoomed

            # a broken save: the error, and the page stays as it was, not reloaded
            page.evaluate("window.sameDocument = true")
            source.write_text(GOOD.replace("conclusion:", "conclusoin:", 1), "utf-8")
            wait_for(lambda: "Error: " in err.read_text(), "the error")
            page.wait_for_timeout(2500)  # the page polls every second
            assert page.evaluate("window.sameDocument === true")
            assert "Zorblax Road" in page.content()
        finally:
            page.close()
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise
    assert "Traceback" not in err.read_text()
