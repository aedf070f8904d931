"""``argmap watch``: a real file change re-renders; a broken file keeps the last good output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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


def test_watch_rerenders_on_save_and_keeps_the_last_good_output(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    out = tmp_path / "map.svg"
    source.write_text(GOOD, encoding="utf-8")
    err = tmp_path / "err.txt"
    with err.open("w") as err_file:
        proc = subprocess.Popen(
            [str(BIN / "argmap"), "watch", str(source), "--engine", "wasm", "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=err_file,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            # as a terminal would start it: a suite run from a background job inherits an
            # ignored SIGINT, and Python then never raises KeyboardInterrupt for Ctrl-C
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
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
