"""Fuzzing every reader and the write path: a map or an ArgmapError, never anything else.

Seeds are the real files: ``maps/`` and ``../shared/corpus/`` (read at test
time; the corpus tests skip when it is absent). Hypothesis mutates them
(slices deleted, duplicated or moved, hostile tokens inserted, bytes
flipped) and also draws raw bytes and text. Each input goes through the
reader; a map that loads then goes the whole write path: gaps, evaluation,
DOT, every writer, and back through the native reader, which must give the
same map.

In ``make test`` each test runs a small fixed, derandomised number of
examples (a few seconds in all). ``make fuzz`` runs ``tests/run_fuzz.py``,
which repeats this module with fresh seeds and ``FUZZ_EXAMPLES`` examples a
test until ``FUZZ_SECONDS`` have passed, logging what fails.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from canonical import assert_same
from conftest import CORPUS, MAPS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError
from argmap.formats import dumps_map, native
from argmap.model import ArgumentMap

LONG = int(os.environ.get("FUZZ_EXAMPLES", "0") or 0)
#: In a long run, an input that takes more CPU seconds than this is a finding (a hang, or
#: a reader that is not linear): the inputs here are a few kilobytes.
CPU_LIMIT = float(os.environ.get("FUZZ_CPU_LIMIT", "10")) if LONG else 0.0
FUZZ = settings(
    max_examples=LONG or 6,
    derandomize=not LONG,  # make test: the same examples every run, never flaky
    deadline=None,  # speed is for make bench; here a slow input is not a failure
    suppress_health_check=list(HealthCheck),
)
if not LONG:
    FUZZ = settings(FUZZ, database=None)  # make test neither reads nor writes .hypothesis/

#: Tokens that break parsers: brackets in runs, escapes, huge numbers, control and bidi chars.
HOSTILE = [
    b"[",
    b"[[[[[[[[",
    b"<",
    b"<<<<<<<",
    b"{",
    b"}",
    b"@[",
    b"<!--",
    b"-->",
    b"]",
    b">",
    b"\x00",
    b"\x1b[2J",
    b"\x1b]0;title\x07",
    "\u202e".encode(),
    "\u2066".encode(),
    b"\xff",
    b"\xc3",
    b"\r\n",
    b"\n",
    b"\t",
    b"  ",
    b"- ",
    b": ",
    b"'",
    b'"',
    b"\\",
    b"&",
    b"&amp;",
    b"*a",
    b"&a ",
    b"!!python/object:os.system ",
    b"9" * 5000,
    b"-1e999",
    b"NaN",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b"ref: C",
    b"linked:",
    b"undercuts:",
    b"objections:",
    b"---\n",
    b"===\n",
    b"+ <A>",
    b"- <B>",
    b"<_ ",
    b"(1) ",
    b"----\n",
    b'"nodeID": ',
    b'"type": "CA"',
    b"<edge ",
    b'type="sup "',
    b"<!ENTITY",
    b"<![CDATA[",
]


@cache
def _files(folder: Path, *suffixes: str) -> tuple[tuple[str, bytes], ...]:
    if not folder.is_dir():
        return ()
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.endswith(suffixes))
    return tuple((p.name, p.read_bytes()) for p in found)


def _native_json() -> tuple[tuple[str, bytes], ...]:
    out = []
    for name, _ in _files(MAPS, ".yaml"):
        out.append((name, dumps_map(argmap.load(MAPS / name), "json").encode()))
    return tuple(out)


SEEDS: dict[str, Callable[[], tuple[tuple[str, bytes], ...]]] = {
    "yaml": lambda: _files(MAPS, ".yaml"),
    "json": _native_json,
    "argdown": lambda: _files(CORPUS / "argdown", ".argdown", ".ad"),
    "aif": lambda: _files(CORPUS / "aif", ".json"),
    "microtexts": lambda: _files(CORPUS / "microtexts", ".xml")[:30],
    "text": lambda: _files(MAPS, ".txt") + _files(CORPUS / "microtexts", ".txt")[:20],
}
EXTENSION = {
    "yaml": ".yaml",
    "json": ".json",
    "argdown": ".argdown",
    "aif": ".aif.json",
    "microtexts": ".xml",
    "text": ".txt",
}


def _seeds(kind: str) -> tuple[tuple[str, bytes], ...]:
    seeds = SEEDS[kind]()
    if not seeds:
        pytest.skip(f"no seed files for {kind} (the shared corpus is not at {CORPUS})")
    return seeds


# --- mutations ---------------------------------------------------------------------------------


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` changed a few times: slices dropped, repeated or moved, tokens put in."""
    out = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        size = len(out)
        at = draw(st.integers(0, size))
        op = draw(st.sampled_from(["insert", "delete", "repeat", "move", "flip", "truncate"]))
        if op == "insert":
            token = draw(st.sampled_from(HOSTILE) | st.binary(min_size=1, max_size=8))
            out[at:at] = token * draw(st.sampled_from([1, 1, 1, 2, 50]))
        elif op == "delete" and size:
            out[at : at + draw(st.integers(1, 64))] = b""
        elif op == "repeat" and size:
            chunk = bytes(out[at : at + draw(st.integers(1, 200))])
            out[at:at] = chunk * draw(st.integers(1, 5))
        elif op == "move" and size:
            chunk = bytes(out[at : at + draw(st.integers(1, 200))])
            del out[at : at + len(chunk)]
            to = draw(st.integers(0, len(out)))
            out[to:to] = chunk
        elif op == "flip" and size:
            out[min(at, size - 1)] = draw(st.integers(0, 255))
        elif op == "truncate":
            del out[at:]
    return bytes(out)


@st.composite
def inputs(draw: st.DrawFn, kind: str) -> bytes:
    """A mutated seed of ``kind``, now and then raw bytes or text drawn from nothing."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.binary(max_size=300))
    if choice == 1:
        return draw(st.text(max_size=300)).encode("utf-8", errors="surrogatepass")
    _, data = draw(st.sampled_from(_seeds(kind)))
    return draw(mutations(data))


# --- the checks --------------------------------------------------------------------------------


def load_or_error(path: Path, fmt: str | None = None) -> ArgumentMap | None:
    """The map, or ``None`` when the reader refused the input with an :class:`ArgmapError`."""
    try:
        return argmap.load(path, fmt)
    except ArgmapError as exc:
        message = str(exc)
        assert message and "Traceback" not in message
        return None


def write_path(m: ArgumentMap, tmp: Path) -> None:
    """Everything after loading: gaps, evaluation, DOT, every writer, native reload = same map."""
    argmap.find_gaps(m)
    argmap.evaluate(m)
    argmap.to_dot(m)
    for fmt in ("argdown", "aif", "markdown"):
        try:
            dumps_map(m, fmt)
        except ArgmapError:
            pass  # a writer may refuse what its format cannot hold, with a clear error
    for fmt in ("yaml", "json"):
        text = dumps_map(m, fmt)
        path = tmp / f"again.{fmt}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        again = native.read(path, text=text, syntax=fmt)
        assert_same(m, again)


class SlowInput(Exception):
    """An input took more than :data:`CPU_LIMIT` CPU seconds."""


@contextmanager
def cpu_limit() -> Iterator[None]:
    """Fail the example (with its input) when it runs longer than :data:`CPU_LIMIT`."""
    if not CPU_LIMIT:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise SlowInput(f"more than {CPU_LIMIT} CPU seconds on one input")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, CPU_LIMIT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def check(data: bytes, tmp: Path, kind: str) -> None:
    path = tmp / f"fuzz{EXTENSION[kind]}"
    path.write_bytes(data)
    with cpu_limit():
        m = load_or_error(path, None if kind != "argdown" else "argdown")
        if m is not None:
            write_path(m, tmp)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("kind", ["yaml", "json", "argdown", "aif", "microtexts"])
def test_reader_gives_a_map_or_an_argmap_error(kind: str, tmp: Path) -> None:
    _seeds(kind)

    @FUZZ
    @given(inputs(kind))
    def run(data: bytes) -> None:
        check(data, tmp, kind)

    run()


def test_text_commands_never_fail_and_skeletons_load(tmp: Path) -> None:
    """``cues`` and ``new --from`` take any decodable text; the skeleton always loads."""
    from argmap.formats._text import decode
    from argmap.teaching.cues import analyse
    from argmap.teaching.skeleton import skeleton

    _seeds("text")

    @FUZZ
    @given(inputs("text"))
    def run(data: bytes) -> None:
        try:
            text = decode(data, "fuzz.txt")
        except ArgmapError:
            return
        with cpu_limit():
            analyse(text).to_dict()
            draft = skeleton(text, text_path="fuzz.txt")
            m = native.read(tmp / "new.yaml", text=draft)
            write_path(m, tmp)

    run()


def test_any_format_by_content(tmp: Path) -> None:
    """A file whose name says nothing is sniffed: whatever it holds, a map or a clean error."""
    kinds = [k for k in EXTENSION if k != "text" and SEEDS[k]()]

    @FUZZ
    @given(st.sampled_from(kinds).flatmap(inputs))
    def run(data: bytes) -> None:
        path = tmp / "noname"
        path.write_bytes(data)
        with cpu_limit():
            m = load_or_error(path)
            if m is not None:
                write_path(m, tmp)

    run()
