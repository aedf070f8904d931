"""The engines: choosing one, the embedded engine's module cache, isolation, refusing PNG/PDF early."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from argmap.errors import RenderError
from argmap.views import engines
from argmap.views.engines import (
    cache_dir,
    cache_path,
    choose_engine,
    compiled_module,
    forget_module,
    layout,
    run_wasm,
    wasm_path,
)

SMALL = 'digraph { a -> b; b [label="hello"] }'


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory, and no compiled module in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    forget_module()
    yield tmp_path / "cache" / "argmap"
    forget_module()


def test_cache_is_keyed_on_wasmtime_version_and_wasm_hash(fresh_cache: Path) -> None:
    wasm = wasm_path().read_bytes()
    path = cache_path(wasm)
    assert path.parent == fresh_cache
    assert version("wasmtime") in path.name
    assert hashlib.sha256(wasm).hexdigest()[:20] in path.name


def test_first_use_compiles_and_caches_later_uses_load(fresh_cache: Path) -> None:
    first = compiled_module()
    assert (first.origin, first.stored) == ("compiled", True)
    assert cache_path(wasm_path().read_bytes()).is_file()
    assert b"<svg" in run_wasm(SMALL, "svg")
    forget_module()
    second = compiled_module()
    assert second.origin == "cache"
    assert b"hello" in run_wasm(SMALL, "svg")


def test_damaged_cache_is_compiled_again_and_replaced(fresh_cache: Path) -> None:
    compiled_module()
    path = cache_path(wasm_path().read_bytes())
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # truncated, as by a crash mid-write
    forget_module()
    assert compiled_module().origin == "compiled"
    assert len(path.read_bytes()) == len(whole)
    forget_module()
    assert compiled_module().origin == "cache"
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_cache_directory_means_no_cache_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    forget_module()
    try:
        module = compiled_module()
        assert (module.origin, module.stored) == ("compiled", False)
        assert b"hello" in run_wasm(SMALL, "svg")
    finally:
        forget_module()


def test_cache_directory_follows_xdg_and_ignores_a_relative_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "argmap"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert cache_dir() == tmp_path / "home" / ".cache" / "argmap"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == tmp_path / "home" / ".cache" / "argmap"


def test_embedded_engine_writes_nothing_to_our_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    run_wasm(SMALL, "svg")
    with pytest.raises(RenderError):
        run_wasm("digraph {", "svg")
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_no_stdout_leak_in_a_fresh_process() -> None:
    code = "from argmap.views.engines import run_wasm; run_wasm('digraph { a -> b }', 'svg')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert (proc.stdout, proc.stderr) == (b"", b"")


def test_a_failed_render_does_not_break_later_ones() -> None:
    for _ in range(3):
        with pytest.raises(RenderError, match="Graphviz \\(embedded\\) failed"):
            run_wasm("digraph { a -> }", "svg")
        assert b"hello" in run_wasm(SMALL, "svg")


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_are_refused_before_the_embedded_engine_runs(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(*args: object) -> None:
        raise AssertionError("the embedded engine was called")

    monkeypatch.setattr(engines, "compiled_module", must_not_run)
    monkeypatch.setattr(engines, "run_wasm", must_not_run)
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    with pytest.raises(RenderError, match=f"{fmt.upper()} needs the system Graphviz") as info:
        layout(SMALL, fmt, "wasm")
    assert "SVG works without it" in str(info.value) and "apt install graphviz" in str(info.value)
    # with Graphviz installed, the way out is the other engine, not installing it again
    monkeypatch.setattr(engines, "system_dot", lambda: "/usr/bin/dot")
    with pytest.raises(RenderError, match="Graphviz is installed here, so use --engine dot"):
        layout(SMALL, fmt, "wasm")
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    with pytest.raises(RenderError, match="which is not on PATH"):
        layout(SMALL, fmt, "auto")


def test_auto_takes_the_embedded_engine_for_what_it_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engines, "system_dot", lambda: "/usr/bin/dot")
    assert choose_engine("auto", "svg") == "wasm"
    assert choose_engine("auto", "json") == "wasm"
    assert choose_engine("auto", "png") == "dot"
    assert choose_engine("auto", "pdf") == "dot"
    assert choose_engine("wasm", "svg") == "wasm"
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    assert choose_engine("auto", "svg") == "wasm"
    with pytest.raises(RenderError, match="--engine dot needs the Graphviz `dot` program"):
        choose_engine("dot", "svg")
    with pytest.raises(RenderError, match="unknown engine"):
        choose_engine("cairo", "svg")


def test_embedded_engine_writes_json_layout() -> None:
    import json

    layout_json = json.loads(run_wasm(SMALL, "json"))
    assert {o["name"] for o in layout_json["objects"]} == {"a", "b"}


@pytest.mark.exe
@pytest.mark.skipif(shutil.which("dot") is None, reason="the Graphviz `dot` program is not on PATH")
def test_system_dot_errors_are_render_errors() -> None:
    with pytest.raises(RenderError, match="Graphviz dot failed: <stdin>: syntax error"):
        layout("digraph {", "svg", "dot")


def test_cold_start_in_a_fresh_process_with_an_empty_cache(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = (
        "from argmap.views.engines import compiled_module, run_wasm;"
        "m = compiled_module(); run_wasm('digraph{a}', 'svg'); print(m.origin)"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert (first.stdout, second.stdout) == (b"compiled\n", b"cache\n")
    assert first.stderr == second.stderr == b""
