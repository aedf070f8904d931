"""Render benchmarks: the whole ``argmap render`` command on generated maps, with each engine.

Warm runs share one cache directory, filled before timing, so they measure
what a user sees from the second run on. The cold run empties the cache
before every run (inside the timed command, which adds a few milliseconds
for ``sh`` and ``rm``), so each one compiles the WebAssembly.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.generate import write
from bench.harness import ARGMAP, ROOT, Case

OUT = Path(tempfile.gettempdir()) / "argmap-bench-render"
WARM_CACHE = OUT / "warm-cache"
COLD_CACHE = OUT / "cold-cache"

NOTES = [
    "Render: the Argdown CLI is timed in the same run, in the ratio table (bench/cases_ratios.py)."
    " The cold run of the embedded engine compiles the WebAssembly once; later runs load the "
    "compiled module from the cache. Maps of more than 2,500 statements get the quicker layout "
    "(docs/render.md, 'Large maps'); the 20,000-statement render with the embedded engine used "
    "to end in a WebAssembly trap.",
]


def _command(map_file: Path, engine: str, out: str) -> list[str]:
    return [ARGMAP, "render", str(map_file), "--engine", engine, "-o", str(OUT / out)]


def _warm() -> None:
    """Fill the warm cache: one render with the embedded engine."""
    OUT.mkdir(parents=True, exist_ok=True)
    small = write(500)["yaml"]
    subprocess.run(
        _command(small, "wasm", "warm.svg"),
        env={**_env(WARM_CACHE)},
        check=True,
        capture_output=True,
    )


def _env(cache: Path) -> dict[str, str]:
    import os

    return {**os.environ, "XDG_CACHE_HOME": str(cache)}


def cases() -> list[Case]:
    OUT.mkdir(parents=True, exist_ok=True)
    maps = {n: write(n)["yaml"] for n in (500, 2_000)}
    flagship = ROOT / "maps" / "iran-in-latin-america.yaml"
    warm = {"XDG_CACHE_HOME": str(WARM_CACHE)}
    engines = ["wasm"] + (["dot"] if shutil.which("dot") else [])
    out: list[Case] = []
    for engine in engines:
        for n, path in maps.items():
            target, limit = "", None
            if engine == "wasm" and n == 2_000:
                target, limit = "≤ 1.5 s (stretch 1.0 s; Argdown 5.2 s)", 1.5
            elif engine == "wasm" and n == 500:
                target = "(Argdown 2.7 s)"
            out.append(
                Case(
                    f"render {n:,} statements to SVG ({engine}{', warm cache' if engine == 'wasm' else ''})",
                    target,
                    argv=_command(path, engine, f"gen-{n}-{engine}.svg"),
                    env=warm,
                    setup=_warm,
                    repeat=5,
                    limit_s=limit,
                )
            )
    out.append(
        Case(
            "render flagship map to SVG (wasm, warm cache)",
            "",
            argv=_command(flagship, "wasm", "flagship.svg"),
            env=warm,
            setup=_warm,
            repeat=7,
        )
    )
    out.append(
        Case(
            "render flagship map to HTML (wasm, warm cache)",
            "",
            argv=_command(flagship, "wasm", "flagship.html"),
            env=warm,
            setup=_warm,
            repeat=7,
        )
    )
    for n in (10_000, 20_000):
        big = write(n, ("json",))["json"]
        out.append(
            Case(
                f"render {n:,} statements to SVG (wasm, warm cache, quicker layout)",
                "reported",
                argv=_command(big, "wasm", f"gen-{n}-wasm.svg"),
                env=warm,
                setup=_warm,
                repeat=1,
                warmup=0,
            )
        )
    cold = " ".join(_command(maps[2_000], "wasm", "cold.svg"))
    out.append(
        Case(
            "render 2,000 statements to SVG (wasm, cold: empty cache, compiles)",
            "reported",
            argv=["sh", "-c", f'rm -rf "$XDG_CACHE_HOME"; exec {cold}'],
            env={"XDG_CACHE_HOME": str(COLD_CACHE)},
            repeat=3,
        )
    )
    return out
