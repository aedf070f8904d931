"""The one generator of synthetic maps for every benchmark of the project.

Statement ``i`` (``i >= 1``) supports (5 in 6) or attacks (1 in 6) a
uniformly random earlier statement; texts have 6-18 words; anchors and
evidence fields are filled. The same ``n`` and ``seed`` give the same map,
byte for byte, in every format argmap writes.

    python bench/generate.py 10000            # writes bench/data/gen-10000.{json,yaml,...}
    python bench/generate.py fan 50000        # every statement bears on the conclusion
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from argmap.model import (
    ArgumentMap,
    Basis,
    Inference,
    InferenceKind,
    Source,
    SourceInfo,
    Statement,
    StatementKind,
)

DATA = Path(__file__).resolve().parent / "data"

WORDS = (
    "the policy evidence shows that reform would reduce costs while critics argue "
    "families schools cities report data suggests growth risk many sources because "
    "therefore however research official record budget safety trade network region "
    "influence council survey percent annual study claims supports attacks clearly "
    "may possibly students teachers parents results improved declined measured"
).split()
BASES = [
    Basis.STATISTIC,
    Basis.STUDY,
    Basis.MEDIA,
    Basis.EXPERT,
    Basis.OFFICIAL_RECORD,
    Basis.ANECDOTE,
]
SOURCES = ["Reuters", "OECD", "City Council", "BBC", "National Statistics Office", "Dr. Jane Smith"]


#: How statement ``i`` picks the earlier statement it bears on, per shape: ``random`` (a
#: uniformly random earlier one), ``fan`` (all on the conclusion), ``chain`` (each on the one
#: before), ``bushy`` (a complete tree, 4 children a node).
SHAPES = ("random", "fan", "chain", "bushy")


def _parent(shape: str, i: int, rng: random.Random) -> int:
    if shape == "fan":
        return 0
    if shape == "chain":
        return i - 1
    if shape == "bushy":
        return (i - 1) // 4
    return rng.randrange(i)


def generate(n: int, seed: int = 0, shape: str = "random") -> ArgumentMap:
    """A synthetic map of ``n`` statements (deterministic for a given seed and shape)."""
    rng = random.Random(seed)
    argmap = ArgumentMap(conclusion="s0", title=f"Generated map of {n} statements")
    argmap.source = SourceInfo(title="synthetic", author="bench/generate.py")
    for i in range(n):
        words = rng.randint(6, 18)
        text = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
        evidence = i > 0 and rng.random() < 0.4
        statement = Statement(
            id=f"s{i}",
            text=text,
            kind=StatementKind.EVIDENCE if evidence else StatementKind.CLAIM,
            at=str(rng.randint(1, 200)),
        )
        if evidence:
            statement.basis = rng.choice(BASES)
            statement.source = Source(name=rng.choice(SOURCES), date=str(rng.randint(2000, 2024)))
            statement.quote = " ".join(text.split()[:5])
        argmap.statements[statement.id] = statement
        if i == 0:
            continue
        target = f"s{_parent(shape, i, rng)}"
        kind = InferenceKind.ATTACK if rng.randrange(6) == 0 else InferenceKind.SUPPORT
        inference = Inference(id=f"i{i}", premises=[statement.id], target=target, kind=kind)
        argmap.inferences[inference.id] = inference
    return argmap


def write(
    n: int, formats: tuple[str, ...] = ("json", "yaml"), seed: int = 0, shape: str = "random"
) -> dict[str, Path]:
    """Write the generated map in each available format; returns {format: path}. Cached on disk."""
    from argmap.api import dumps
    from argmap.formats import FORMATS

    DATA.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    argmap: ArgumentMap | None = None
    for fmt in formats:
        if fmt not in FORMATS or not FORMATS[fmt].writes:
            continue
        ext = {"aif": ".aif.json"}.get(fmt, FORMATS[fmt].extensions[0])
        stem = f"gen-{n}-s{seed}" if shape == "random" else f"gen-{shape}-{n}-s{seed}"
        path = DATA / f"{stem}{ext}"
        if not path.exists():
            if argmap is None:
                argmap = generate(n, seed, shape)
            path.write_text(dumps(argmap, fmt), encoding="utf-8")
        paths[fmt] = path
    return paths


if __name__ == "__main__":
    shape = "random"
    for arg in sys.argv[1:]:
        if arg in SHAPES:
            shape = arg
            continue
        for fmt, path in write(int(arg), ("json", "yaml", "aif", "argdown"), shape=shape).items():
            print(f"{fmt}: {path}")
