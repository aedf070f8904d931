"""Grading benchmark: the grader's scores against a teacher's marks, and grading speed.

The judgment figures come from ``tests/data/grading/`` (three texts, eight
students' maps each, a teacher's mark per map in ``marks.csv``, fixed before
the grader was run on them): Spearman rank correlation of scores with marks
(pooled over all texts), mean absolute difference, the paraphrase ratio
(score of the own-words map over the copied one, per text), the conclusion
points of the opposite-stance map (of the conclusion component's 20), the
flagship key against itself, and untouched ``argmap new`` skeletons (blank
and drafted from the text), which must score below every honest attempt
(every submission but the off-topic one). They go into the notes under the
table. ``python bench/cases_grading.py`` prints them alone.

The speed cases: 1,000 submissions of the flagship graded by the command,
and the alignment of two 1,000-statement maps.
"""

from __future__ import annotations

import csv
import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

if __name__ == "__main__":  # run alone: python bench/cases_grading.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import ARGMAP, ROOT, Case  # noqa: E402

DATA = ROOT / "tests" / "data" / "grading"
FLAGSHIP = ROOT / "maps" / "iran-in-latin-america.yaml"
WORK = Path(tempfile.gettempdir()) / "argmap-bench-grading"
CLASS = WORK / "class-1000"

NOTES: list[str] = []

#: The targets of issue 11.
TARGETS = {"spearman": 0.85, "mae": 12.0, "paraphrase": 0.85, "opposite": 5.0}


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: Pearson's correlation of the ranks."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else 0.0


def texts() -> dict[str, dict[str, Path]]:
    """The benchmark's texts: name -> key, text and submissions folder."""
    raw = yaml.safe_load((DATA / "texts.yaml").read_text(encoding="utf-8"))
    return {name: {k: ROOT / v for k, v in entry.items()} for name, entry in raw.items()}


def marks() -> list[dict[str, str]]:
    with (DATA / "marks.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _skeletons(text: Path, folder: Path) -> dict[str, Path]:
    """``argmap new -o`` (blank) and ``argmap new --from TEXT``, written as a student gets them."""
    import argmap

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, source in (("blank", None), ("from-text", text)):
        path = folder / f"skeleton-{name}.yaml"
        path.write_text(argmap.api.new_map(source, path), encoding="utf-8")
        out[name] = path
    return out


def measure(grade: Callable[..., Any] | None = None) -> dict[str, Any]:
    """Every judgment figure of the benchmark, graded by ``grade`` (default: the grader)."""
    import argmap
    from argmap.teaching.grade import grade_map

    grader: Callable[..., Any] = grade or grade_map
    rows = []
    by_text = texts()
    keys = {name: argmap.load(entry["key"]) for name, entry in by_text.items()}
    for row in marks():
        key = keys[row["text"]]
        path = by_text[row["text"]]["submissions"] / row["file"]
        result = grader(key, argmap.load(path), file=str(path))
        rows.append({**row, "mark": float(row["mark"]), "score": result.score, "result": result})
    scores = [r["score"] for r in rows]
    marks_ = [r["mark"] for r in rows]
    out: dict[str, Any] = {
        "rows": rows,
        "spearman": spearman(scores, marks_),
        "mae": statistics.fmean(abs(a - b) for a, b in zip(scores, marks_, strict=True)),
        "paraphrase": {},
        "opposite": {},
        "skeletons": {},
    }
    for name in by_text:
        mine = {r["file"][0]: r for r in rows if r["text"] == name}
        own, copied = mine["a"]["score"], mine["b"]["score"]
        out["paraphrase"][name] = own / copied if copied else 0.0
        out["opposite"][name] = mine["e"]["result"].breakdown.get("conclusion", 0.0)
        honest = min(r["score"] for letter, r in mine.items() if letter != "g")
        for kind, path in _skeletons(by_text[name]["text"], WORK / "skeletons" / name).items():
            score = grader(keys[name], argmap.load(path), file=str(path)).score
            out["skeletons"][f"{name}/{kind}"] = (score, honest)
    flagship = argmap.load(FLAGSHIP)
    out["self"] = grader(flagship, flagship).score
    return out


def report(figures: dict[str, Any]) -> list[str]:
    """The notes under the bench table (and the standalone printout)."""
    t = TARGETS
    para = figures["paraphrase"]
    opp = figures["opposite"]
    lines = [
        f"Grading benchmark (tests/data/grading, {len(figures['rows'])} maps of 3 texts, "
        f"teacher's marks fixed first): Spearman {figures['spearman']:.3f} "
        f"(target ≥ {t['spearman']}), mean absolute difference {figures['mae']:.1f} "
        f"(target ≤ {t['mae']:g}); paraphrase ratio (own words / copied) "
        + ", ".join(f"{k} {v:.2f}" for k, v in para.items())
        + f" (target ≥ {t['paraphrase']}); opposite conclusion "
        + ", ".join(f"{k} {v:g}" for k, v in opp.items())
        + f" of 20 (target ≤ {t['opposite']:g}); flagship key against itself "
        f"{figures['self']:g}; untouched skeletons "
        + ", ".join(
            f"{k} {s:g} (lowest honest {h:g})" for k, (s, h) in figures["skeletons"].items()
        )
        + "."
    ]
    return lines


ABLATIONS = ("anchors", "structure", "kind", "synonyms", "polarity")


def ablation() -> list[str]:
    """The benchmark's figures with each signal of the grader switched off in turn."""
    from argmap.teaching.align import Signals
    from argmap.teaching.grade import grade_map

    lines = []
    for name in ABLATIONS:
        signals = Signals(**{name: False})

        def grade(key: Any, sub: Any, *, file: str = "", s: Signals = signals) -> Any:
            return grade_map(key, sub, file=file, signals=s)

        f = measure(grade)
        lines.append(
            f"without {name}: Spearman {f['spearman']:.3f}, MAE {f['mae']:.1f}, paraphrase "
            + "/".join(f"{v:.2f}" for v in f["paraphrase"].values())
            + ", opposite "
            + "/".join(f"{v:g}" for v in f["opposite"].values())
        )
    return lines


def _judgment_case() -> None:
    NOTES[:] = report(measure())
    NOTES.append("Ablation (one signal off at a time): " + "; ".join(ablation()) + ".")


def write_class(n: int = 1000) -> list[str]:
    """``n`` damaged copies of the flagship (seeded), as one class hands them in."""
    import argmap
    from argmap.teaching.damage import damaged

    CLASS.mkdir(parents=True, exist_ok=True)
    key = argmap.load(FLAGSHIP)
    size = len(key.connected()[0]) - 1
    rng = random.Random(11)
    paths = []
    for i in range(n):
        path = CLASS / f"student-{i:04d}.yaml"
        if not path.exists():
            remove = rng.randrange(0, size // 2)
            submission, _ = damaged(key, remove=remove, misplace=rng.randrange(0, 4), seed=i)
            argmap.save(submission, path)
        paths.append(str(path))
    return paths


def big_maps(n: int = 1000, seed: int = 3) -> tuple[Any, Any]:
    """Two ``n``-statement maps: a key, and a student's copy with every text reworded.

    The key is 100 main reasons of 9 sub-claims each, every statement eight
    words out of a 4,000-word vocabulary and an anchor in 300 paragraphs; the
    copy has each text's words shuffled, two dropped and one added, its ids
    renamed, and its main reasons in reverse order.
    """
    from argmap.formats import native

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(4000)]

    def statement(pad: str, sid: str) -> list[str]:
        return [
            f"{pad}- id: {sid}",
            f"{pad}  text: {' '.join(rng.sample(vocab, 8))}",
            f'{pad}  at: "{rng.randint(1, 300)}"',
        ]

    groups = []
    for g in range(round((n - 1) / 10)):
        block = statement("    ", f"G{g}") + ["      reasons:"]
        for i in range(9):
            block += statement("        ", f"S{g}.{i}")
        groups.append(block)
    head = [
        "argmap: 1",
        "conclusion:",
        "  id: C",
        "  text: the main claim w1 w2 w3",
        '  at: "1"',
        "  reasons:",
    ]
    key_text = "\n".join(head + [line for block in groups for line in block])

    def reword(line: str) -> str:
        if "text:" not in line:
            return line.replace("id: S", "id: T").replace("id: G", "id: H")
        lead, words = line.split("text:", 1)
        parts = words.split()
        rng.shuffle(parts)
        return f"{lead}text: {' '.join(parts[:5] + ['extra', 'words'])}"

    sub_text = "\n".join(head + [reword(line) for block in reversed(groups) for line in block])
    return (
        native.read(Path("key.yaml"), text=key_text),
        native.read(Path("student.yaml"), text=sub_text),
    )


def _align_case() -> None:
    from argmap.teaching.grade import grade_map

    key, sub = _BIG
    grade_map(key, sub)


_BIG: tuple[Any, Any] = (None, None)


def _prepare_big() -> None:
    global _BIG
    _BIG = big_maps()


def cases() -> list[Case]:
    students = [str(CLASS / f"student-{i:04d}.yaml") for i in range(1000)]
    return [
        Case(
            "grading: benchmark against the teacher's marks (in-process)",
            "see notes",
            func=_judgment_case,
            repeat=1,
        ),
        Case(
            "grading: 1,000 flagship submissions (grade --format csv)",
            "≤ 30 s",
            argv=[ARGMAP, "grade", str(FLAGSHIP), *students, "--format", "csv"],
            setup=write_class,
            repeat=1,
            warmup=0,
            limit_s=30.0,
        ),
        Case(
            "grading: align two 1,000-statement maps (in-process)",
            "≤ 2 s",
            func=_align_case,
            setup=_prepare_big,
            repeat=3,
            limit_s=2.0,
        ),
    ]


if __name__ == "__main__":
    figures = measure()
    for r in figures["rows"]:
        print(f"{r['text']:7} {r['file']:26} mark {r['mark']:5.1f}  score {r['score']:5.1f}")
    print("\n".join(report(figures)))
    print("\n".join(ablation()))
