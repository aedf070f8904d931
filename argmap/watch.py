"""``argmap watch``: live preview. Re-render a map every time its file is saved.

A front end beside :mod:`argmap.cli`, talking to the library only through
:mod:`argmap.api`. It renders once, then waits for changes with the PyPI
package ``watchfiles`` (the directory is watched, so editors that save by
renaming a new file over the old one are seen too). A file that does not
load or render prints its located error (``Error: FILE:LINE:COL: ...``) and
leaves the last good output as it was. With an HTML output the page polls a
small script written beside it (``OUT.live.js``) and reloads itself on a new
build, keeping its zoom. Ctrl-C stops it cleanly.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from threading import Event
from typing import Any, TextIO

from argmap.errors import ArgmapError


def live_script(output: Path) -> Path:
    """The script an HTML output polls for its build: ``OUT.live.js`` beside it."""
    return output.with_name(output.name + ".live.js")


def render_once(
    map_file: Path,
    output: Path,
    render: Callable[..., Any],
    *,
    err: TextIO,
    out: TextIO,
    **options: Any,
) -> bool:
    """Load and render once; say what happened. False (and nothing written) on a bad map."""
    from argmap import api

    html = output.suffix.lower() in (".html", ".htm") and options.get("fmt") in (None, "html")
    build = f"{time.time_ns():x}"
    if html:
        options["live"] = (live_script(output).name, build)
    try:
        argmap = api.load(map_file)
        render(argmap, output, **options)
    except ArgmapError as exc:
        print(f"Error: {exc}", file=err, flush=True)
        print(f"kept the last good {output}", file=err, flush=True)
        return False
    if html:
        api.write_text(live_script(output), f'window.argmapLive && window.argmapLive("{build}");\n')
    print(f"{time.strftime('%H:%M:%S')} wrote {output}", file=out, flush=True)
    return True


def watch(
    map_file: Path,
    output: Path,
    *,
    stop: Event | None = None,
    err: TextIO = sys.stderr,
    out: TextIO = sys.stdout,
    **options: Any,
) -> None:
    """Render ``map_file`` to ``output`` now and after every change, until ``stop`` is set
    (or Ctrl-C)."""
    from watchfiles import watch as changes

    from argmap.api import render_file

    target = map_file.resolve()
    render_once(map_file, output, render_file, err=err, out=out, **options)
    print(f"watching {map_file} (Ctrl-C stops)", file=out, flush=True)
    try:
        for batch in changes(target.parent, stop_event=stop, debounce=150, rust_timeout=500):
            if any(Path(path).resolve() == target for _, path in batch) and target.exists():
                render_once(map_file, output, render_file, err=err, out=out, **options)
    except KeyboardInterrupt:
        pass
    print("stopped", file=out, flush=True)
