"""The console examples of the README and the guides show what the commands print today.

Each ``$ argmap ...`` line of a ``console`` block is run, in page order, in a
folder that holds what a reader following the page has: the example maps and
the flagship paper (beside each other, and under ``maps/``). Its output must
be the lines the page shows under it; a ``[...]`` line stands for any run of
lines. A command that cannot run there (a file the page asks the reader to
make, a program this machine lacks) is left out, as are the long-running and
interactive ones (``watch``, ``lsp``, a quiz waiting for answers), and the
ones that make PDFs where the system Graphviz or Chromium is missing.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from argmap.views.printing import chromium

PAGES = ["README.md", "docs/render.md", "docs/teaching.md"]
BIN = Path(sys.executable).parent
#: stderr of a command that needs something the folder or the machine does not have
_CANNOT_RUN = re.compile(
    r"no such file|does not exist|already exists|is not on PATH|not found|No such file"
)
_ELIDED = re.compile(r"^\s*(?:\[\.\.\.[^\]]*\]|\.\.\.)\s*$")


def examples(page: str) -> list[tuple[str, list[str]]]:
    """The (command, lines shown under it) of each ``$ argmap`` line of the page's console
    blocks, in order."""
    text = (ROOT / page).read_text(encoding="utf-8")
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        lines = block.rstrip("\n").split("\n")
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        for k, i in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            command = lines[i][2:]
            if command.startswith("argmap"):
                out.append((command, lines[i + 1 : end]))
    return out


def _runnable(command: str, expected: list[str]) -> bool:
    if any("is not on PATH" in line for line in expected) and shutil.which("dot"):
        return False  # shows what happens without the system Graphviz, which this machine has
    if ".pdf" in command + "".join(expected) and not (shutil.which("dot") and chromium()):
        return False  # PDFs come from the system Graphviz and Chromium, when they are there
    words = command.split()
    if words[1] in ("watch", "lsp"):
        return False
    if words[1] == "quiz" and "--key" not in words and "<" not in command:
        return False  # waits for answers at the terminal
    return "../shared" not in command or SHARED.is_dir()


def shows(expected: list[str], got: list[str]) -> bool:
    """Whether ``got`` is what ``expected`` shows, a ``[...]`` line matching any lines."""
    pieces: list[list[str]] = [[]]
    for line in expected:
        if _ELIDED.match(line):
            pieces.append([])
        else:
            pieces[-1].append(line.rstrip())
    got = [line.rstrip() for line in got]
    if len(pieces) == 1:
        return got == pieces[0]
    if got[: len(pieces[0])] != pieces[0] or (
        pieces[-1] and got[len(got) - len(pieces[-1]) :] != pieces[-1]
    ):
        return False
    at = len(pieces[0])
    for piece in pieces[1:-1]:
        while at <= len(got) - len(piece) and got[at : at + len(piece)] != piece:
            at += 1
        if at > len(got) - len(piece):
            return False
        at += len(piece)
    return at <= len(got) - len(pieces[-1])


@pytest.fixture
def reader_folder(tmp_path: Path) -> Path:
    """What a reader of the pages has at hand: the example maps and the flagship paper."""
    folder = tmp_path / "reader"
    maps = folder / "maps"
    maps.mkdir(parents=True)
    for source in (ROOT / "maps").iterdir():
        if source.suffix in (".yaml", ".txt", ".json", ".argdown"):
            shutil.copy(source, maps / source.name)
            shutil.copy(source, folder / source.name)
    if SHARED.is_dir():
        # a relative ../shared from the folder, as from the repository
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return folder


@pytest.mark.parametrize("page", PAGES)
def test_console_examples_show_real_output(page: str, reader_folder: Path) -> None:
    env = os.environ | {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }
    env.pop("FORCE_COLOR", None)
    wrong: list[str] = []
    ran = 0
    for command, expected in examples(page):
        if not _runnable(command, expected):
            continue
        done = subprocess.run(
            command,
            shell=True,
            cwd=reader_folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if _CANNOT_RUN.search(done.stdout + done.stderr):
            continue
        ran += 1
        got = (
            (done.stdout + done.stderr).rstrip("\n").split("\n")
            if done.stdout + done.stderr
            else []
        )
        while expected and not expected[-1].strip():
            expected = expected[:-1]
        if not shows(expected, got):
            diff = difflib.unified_diff(expected, got, "shown", "now", lineterm="", n=1)
            wrong.append(f"$ {command}\n" + "\n".join(list(diff)[:16]))
    assert ran, f"no example of {page} could run"
    assert not wrong, (
        f"{len(wrong)} of {ran} examples of {page} print something else:\n" + "\n".join(wrong)
    )
