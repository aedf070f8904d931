"""Shared fixtures: stable terminal output, paths to the repository's maps and the shared corpus,
a headless browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
FLAGSHIP = MAPS / "iran-in-latin-america.yaml"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS} (CI has it beside the repo)"
)


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed width, no colour: output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the embedded engine's compiled-module cache out of the user's home during tests."""
    if "ARGMAP_TEST_SHARED_CACHE" not in os.environ:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; ``make golden`` rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("ARGMAP_REGENERATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path}; run `make golden` and review the diff"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if intended, run `make golden` and review the diff"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright, started as argmap starts it for printing
    (:data:`argmap.views.printing.CHROMIUM_FLAGS`); skipped with a reason when either is
    missing."""
    from argmap.views.printing import CHROMIUM_FLAGS, chromium

    program = chromium()
    if program is None:
        pytest.skip("no Chromium on PATH (Debian package `chromium`; .ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright cannot be imported: {exc}")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=program, args=list(CHROMIUM_FLAGS))
        try:
            yield launched
        finally:
            launched.close()
