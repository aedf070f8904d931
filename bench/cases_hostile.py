"""Pathological shapes (issue 12): each reader and text command stays linear on them.

Every hostile file is paired with a normal file of the same size, and the
target of each case is to stay within twice the time of its normal twin:
runs of one bracket in Argdown (``[``, ``<``, ``{``, ``@[``, ``<!--``), a
text that is one 10 MB line, and 100,000 one-word paragraphs, for
``cues`` and ``new --from``. The files are made here, in a scratch folder
outside the repository, the same bytes every run.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.harness import ARGMAP, ROOT, Case

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
    normal = argmap.dumps(generate(5000), "argdown")
    while len(normal) < ARGDOWN_BYTES:
        normal += "\n" + normal
    files["argdown normal"] = _write(
        "normal.argdown", normal[: normal.rfind("\n\n", 0, ARGDOWN_BYTES)] + "\n"
    )
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


def cases() -> list[Case]:
    files = _files()
    out: list[Case] = [
        Case(
            "argdown 1 MB, normal (the twin of the runs below)",
            "",
            argv=[ARGMAP, "stats", files["argdown normal"], "--from", "argdown"],
            repeat=3,
        )
    ]
    for token in ("[", "<", "{", "@[", "<!--"):
        out.append(
            Case(
                f"argdown 1 MB: a statement, then one run of {token!r}",
                "≤ 2× the normal 1 MB",
                argv=[ARGMAP, "stats", files[f"argdown {token}"], "--from", "argdown"],
                repeat=3,
            )
        )
    scratch = str(WORK / "skeleton.yaml")
    out += [
        Case("cues 10 MB of paragraphs", "", argv=[ARGMAP, "cues", files["line normal"]], repeat=1),
        Case(
            "cues 10 MB on one line",
            "≤ 2× 10 MB of paragraphs",
            argv=[ARGMAP, "cues", files["line"]],
            repeat=1,
        ),
        Case(
            "cues 100,000 one-word paragraphs",
            "≤ 2× its twin",
            argv=[ARGMAP, "cues", files["one-word"]],
            repeat=3,
        ),
        Case(
            "cues, the twin (same size, paragraphs of sentences)",
            "",
            argv=[ARGMAP, "cues", files["one-word normal"]],
            repeat=3,
        ),
        Case(
            "new --from 1 MB of paragraphs",
            "",
            argv=[ARGMAP, "new", "--from", files["new normal"], "-o", scratch, "--force"],
            repeat=1,
        ),
        Case(
            "new --from 1 MB on one line",
            "≤ 2× 1 MB of paragraphs",
            argv=[ARGMAP, "new", "--from", files["new line"], "-o", scratch, "--force"],
            repeat=1,
        ),
        Case(
            "new --from 100,000 one-word paragraphs",
            "≤ 2× its twin",
            argv=[ARGMAP, "new", "--from", files["one-word"], "-o", scratch, "--force"],
            repeat=1,
        ),
        Case(
            "new --from, the twin",
            "",
            argv=[ARGMAP, "new", "--from", files["one-word normal"], "-o", scratch, "--force"],
            repeat=1,
        ),
    ]
    return out
