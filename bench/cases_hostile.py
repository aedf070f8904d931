"""Pathological shapes (issue 12): each reader and text command stays linear on them.

Every hostile file is paired with a normal file of the same size, and the
target of each case is to stay within twice the time of its normal twin:
runs of one bracket in Argdown (``[``, ``<``, ``{``, ``@[``, ``<!--``), a
text that is one 10 MB line, and 100,000 one-word paragraphs, for
``cues`` and ``new --from``. The files are made here, in a scratch folder
outside the repository, the same bytes every run. Each shape is timed against
its twin in turns (A B A B ...), so that the machine's load falls on both: the
table gives both times, both peaks and the ratios against the 2x target.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.harness import ARGMAP, ROOT, Pair

WORK = Path(tempfile.gettempdir()) / "argmap-bench-hostile"
PAPER = ROOT / "maps" / "iran-in-latin-america.txt"
ARGDOWN_BYTES = 1_000_000
LINE_BYTES = 10_000_000
NEW_BYTES = 1_000_000
PARAGRAPHS = 100_000


def _prose(size: int, seed: int) -> str:
    """Words of the flagship paper in a fixed random order, about ``size`` characters."""
    words = PAPER.read_text(encoding="utf-8").split()
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(words)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def _paragraphs(text: str) -> str:
    """The prose as paragraphs of about five sentences (a line per paragraph)."""
    sentences = text.replace(". ", ".\n").split("\n")
    return "\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)) + "\n"


def _write(name: str, text: str) -> str:
    path = WORK / name
    if not path.exists() or path.stat().st_size != len(text.encode("utf-8")):
        path.write_text(text, encoding="utf-8")
    return str(path)


def _files() -> dict[str, str]:
    WORK.mkdir(exist_ok=True)
    import argmap
    from bench.generate import generate

    files: dict[str, str] = {}
    # a generated map of about ARGDOWN_BYTES as Argdown (600 statements make about 106 kB)
    normal = argmap.dumps(generate(ARGDOWN_BYTES * 600 // 106_000), "argdown")
    files["argdown normal"] = _write("normal.argdown", normal)
    size = Path(files["argdown normal"]).stat().st_size
    for token in ("[", "<", "{", "@[", "<!--"):
        body = "[A]: a statement " + token * (size // len(token)) + "\n"
        files[f"argdown {token}"] = _write(f"run-{ord(token[0])}-{len(token)}.argdown", body)
    files["line"] = _write("one-line.txt", _prose(LINE_BYTES, 1) + "\n")
    files["line normal"] = _write("paragraphs.txt", _paragraphs(_prose(LINE_BYTES, 1)))
    words = PAPER.read_text(encoding="utf-8").split()
    rng = random.Random(2)
    one_word = "\n".join(rng.choice(words) for _ in range(PARAGRAPHS)) + "\n"
    files["one-word"] = _write("one-word.txt", one_word)
    files["one-word normal"] = _write("one-word-twin.txt", _paragraphs(_prose(len(one_word), 3)))
    files["new line"] = _write("new-line.txt", _prose(NEW_BYTES, 4) + "\n")
    files["new normal"] = _write("new-paragraphs.txt", _paragraphs(_prose(NEW_BYTES, 4)))
    return files


def pairs() -> list[Pair]:
    """Each pathological shape against its normal twin, in turns (A B A B): time and memory."""
    files = _files()
    scratch = str(WORK / "skeleton.yaml")

    def pair(name: str, argv: list[str], twin: str, twin_argv: list[str], repeat: int) -> Pair:
        return Pair(
            name,
            argv,
            twin,
            twin_argv,
            repeat=repeat,
            # the slow ones are warm already: their twins ran just before
            warmup=1 if repeat > 1 else 0,
            limit_ratio=2,
            limit_peak_ratio=2,
            target="≤ 2x its twin, time and memory",
        )

    def stats(key: str) -> list[str]:
        return [ARGMAP, "stats", files[key], "--from", "argdown"]

    def new(key: str) -> list[str]:
        return [ARGMAP, "new", "--from", files[key], "-o", scratch, "--force"]

    out = [
        pair(
            f"argdown 1 MB: a statement, then one run of {token!r}",
            stats(f"argdown {token}"),
            "a normal 1 MB Argdown map",
            stats("argdown normal"),
            3,
        )
        for token in ("[", "<", "{", "@[", "<!--")
    ]
    out += [
        pair(
            "cues 10 MB on one line",
            [ARGMAP, "cues", files["line"]],
            "10 MB of paragraphs",
            [ARGMAP, "cues", files["line normal"]],
            1,
        ),
        pair(
            "cues 100,000 one-word paragraphs",
            [ARGMAP, "cues", files["one-word"]],
            "the same size in paragraphs of sentences",
            [ARGMAP, "cues", files["one-word normal"]],
            3,
        ),
        pair(
            "new --from 1 MB on one line",
            new("new line"),
            "1 MB of paragraphs",
            new("new normal"),
            1,
        ),
        pair(
            "new --from 100,000 one-word paragraphs",
            new("one-word"),
            "the same size in paragraphs of sentences",
            new("one-word normal"),
            1,
        ),
    ]
    return out
