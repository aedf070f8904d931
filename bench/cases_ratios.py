"""Ratios against named references (issue 17), each pair timed in turns in one run.

- loading and ``gaps`` (load + gaps) on the 100,000-statement JSON map against
  ``json.load`` of the same file (time and peak memory; both include the interpreter's
  start), and loading the same map as YAML against PyYAML's C loader on that file (its
  memory budget is 1 GB);
- ``show`` against ``gaps`` on maps of every shape (a 50,000-reason fan, a 50,000-link
  chain, a bushy tree of 50,000);
- ``render`` against the Argdown CLI (installed by ``make argdown-cli``) on the same
  Argdown file, at 500, 2,000 and 10,000 statements, and the embedded Graphviz
  against the system ``dot`` on the same DOT text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.generate import write
from bench.harness import ARGMAP, ROOT, Pair

PY = sys.executable
LOAD = "import sys, argmap; argmap.load(sys.argv[1])"
JSON_LOAD = "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"
YAML_LOAD = (
    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), "
    "Loader=yaml.CSafeLoader)"
)
#: lays out a DOT file with the embedded engine (its compiled module cached, as warm renders)
WASM_LAYOUT = (
    "import sys; from argmap.views.engines import run_wasm; "
    "run_wasm(open(sys.argv[1], encoding='utf-8').read(), 'svg')"
)
ARGDOWN = ROOT / ".cache" / "argdown-cli" / "node_modules" / ".bin" / "argdown"
OUT = Path(tempfile.gettempdir()) / "argmap-bench-ratios"
WARM = {"XDG_CACHE_HOME": str(OUT / "cache")}


def _argdown(path: Path) -> list[str] | None:
    if not ARGDOWN.exists():
        return None
    return [str(ARGDOWN), "map", str(path), str(OUT / "argdown"), "--format", "svg"]


def _dot_file(path: Path) -> Path:
    """argmap's DOT of a map, written once (the layout pair times Graphviz alone)."""
    OUT.mkdir(parents=True, exist_ok=True)
    dot = OUT / f"{path.stem}.dot"
    if not dot.exists():
        subprocess.run([ARGMAP, "render", str(path), "-o", str(dot)], check=True, env=None)
    return dot


def pairs() -> list[Pair]:
    OUT.mkdir(parents=True, exist_ok=True)
    files = write(100_000)
    big = files["json"]
    shapes = {
        shape: write(50_000, ("json",), shape=shape)["json"] for shape in ("fan", "chain", "bushy")
    }
    out = [
        Pair(
            "load 100,000 statements (JSON)",
            [PY, "-c", LOAD, str(big)],
            "json.load",
            [PY, "-c", JSON_LOAD, str(big)],
            repeat=3,
            limit_ratio=3,
            limit_peak_ratio=2.5,
            target="≤ 3x time, ≤ 2.5x memory",
        ),
        Pair(
            "argmap gaps 100,000 statements (JSON)",
            [ARGMAP, "gaps", str(big)],
            "json.load",
            [PY, "-c", JSON_LOAD, str(big)],
            repeat=3,
            limit_ratio=5,
            target="≤ 5x (load + gaps)",
        ),
        Pair(
            "load 100,000 statements (YAML)",
            [PY, "-c", LOAD, str(files["yaml"])],
            "PyYAML C loader",
            [PY, "-c", YAML_LOAD, str(files["yaml"])],
            repeat=1,
            limit_mb=1024,
            target="≤ 1 GB (time reported)",
        ),
    ]
    for shape, path in shapes.items():
        out.append(
            Pair(
                f"argmap show 50,000 statements ({shape})",
                [ARGMAP, "show", str(path)],
                "argmap gaps on it",
                [ARGMAP, "gaps", str(path)],
                repeat=3,
                limit_ratio=2,
                target="≤ 2x",
            )
        )
    targets = {2_000: 0.2, 10_000: 1 / 3}
    for n in (500, 2_000, 10_000):
        argdown = write(n, ("argdown",))["argdown"]
        limit = targets.get(n)
        out.append(
            Pair(
                f"render {n:,} statements to SVG (Argdown file in, auto engine)",
                [ARGMAP, "render", str(argdown), "-o", str(OUT / f"gen-{n}.svg")],
                "Argdown CLI 1.7.5",
                _argdown(argdown),
                repeat=3 if n < 10_000 else 1,
                env=WARM,
                limit_ratio=limit,
                target=f"≥ {1 / limit:.0f}x faster" if limit else "",
                missing="not installed (make argdown-cli installs it)",
            )
        )
    # what the quicker layout of a large map saves (docs/render.md, "Large maps")
    large = write(10_000, ("json",))["json"]
    out.append(
        Pair(
            "render 10,000 statements to SVG (quicker layout, the default)",
            [ARGMAP, "render", str(large), "-o", str(OUT / "quick.svg")],
            "argmap render --full-layout",
            [ARGMAP, "render", str(large), "--full-layout", "-o", str(OUT / "full.svg")],
            repeat=1,
            warmup=0,
            env=WARM,
        )
    )
    if shutil.which("dot"):
        for n in (2_000, 10_000):
            dot = _dot_file(write(n, ("yaml",))["yaml"])
            out.append(
                Pair(
                    f"embedded Graphviz lays out argmap's DOT ({n:,} statements)",
                    [PY, "-c", WASM_LAYOUT, str(dot)],
                    "system dot",
                    ["dot", "-Tsvg", str(dot), "-o", str(OUT / "dot.svg")],
                    repeat=3 if n < 10_000 else 1,
                    env=WARM,
                )
            )
    return out
