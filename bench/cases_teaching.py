"""Teaching benchmarks: conclusion-guess accuracy on the microtexts, grading a class of 30, the commands.

The accuracy case runs ``argmap cues FILE.txt --format json`` in-process
(through typer's CliRunner: the same code path as the command, without 89
process start-ups) and adds the figure to the notes under the table.
"""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from bench.harness import ARGMAP, ROOT, Case

FLAGSHIP = ROOT / "maps" / "iran-in-latin-america.yaml"
PAPER = ROOT / "maps" / "iran-in-latin-america.txt"
MICROTEXTS = ROOT.parent / "shared" / "corpus" / "microtexts"
# one fixed scratch folder, reused by every run (outside the repository: never bench/data)
WORK = Path(tempfile.gettempdir()) / "argmap-bench-teaching"
CLASS = WORK / "class"
WORK.mkdir(exist_ok=True)

NOTES: list[str] = []


def central_claim(xml_path: Path) -> str:
    """The one ADU with no outgoing non-``seg`` edge, as the text of its EDUs."""
    root = ET.parse(xml_path).getroot()
    edus = {e.get("id"): e.text or "" for e in root.iter("edu")}
    segments: dict[str, list[str]] = {}
    arguing: set[str] = set()
    for edge in root.iter("edge"):
        if edge.get("type") == "seg":
            segments.setdefault(edge.get("trg") or "", []).append(edge.get("src") or "")
        else:
            arguing.add(edge.get("src") or "")
    [central] = [a.get("id") or "" for a in root.iter("adu") if a.get("id") not in arguing]
    return " ".join(edus[e] for e in segments[central])


def conclusion_accuracy() -> tuple[int, int, int, int]:
    """(hits, texts, first-sentence baseline, last-sentence baseline) over the microtexts."""
    from typer.testing import CliRunner

    from argmap.cli import app
    from argmap.teaching.sentences import split_sentences

    hits = first = last = 0
    texts = sorted(MICROTEXTS.glob("*.txt"))
    runner = CliRunner()
    for txt in texts:
        claim = " ".join(central_claim(txt.with_suffix(".xml")).split())
        result = runner.invoke(app, ["cues", str(txt), "--format", "json"])
        guess = " ".join(str(json.loads(result.stdout)["conclusion_text"]).split())
        hits += claim in guess
        sentences = split_sentences(txt.read_text(encoding="utf-8"))
        first += claim in " ".join(sentences[0].text.split())
        last += claim in " ".join(sentences[-1].text.split())
    return hits, len(texts), first, last


def _accuracy_case() -> None:
    hits, n, first, last = conclusion_accuracy()
    NOTES[:] = [
        f"Conclusion guess on the {n} arg-microtexts (`argmap cues FILE.txt --format json`, "
        f"hit = the guessed sentence contains the central claim): {hits}/{n} = {hits / n:.1%} "
        f"(target ≥ 70%; always the first sentence: {first}/{n} = {first / n:.1%}, "
        f"always the last: {last}/{n} = {last / n:.1%})."
    ]


SHORT_TEXTS = ROOT / "tests" / "data" / "short-texts.yaml"


def short_text_accuracy() -> tuple[int, int]:
    """(hits, texts) of the conclusion guess on the short texts written for argmap, whose
    claims were fixed before the tool ran on them (tests/data/short-texts.yaml)."""
    import yaml

    from argmap.teaching.cues import analyse

    texts = yaml.safe_load(SHORT_TEXTS.read_text(encoding="utf-8"))
    hits = 0
    for item in texts:
        guess = analyse(item["text"]).guess
        hits += guess is not None and item["claim"] in guess.text
    return hits, len(texts)


def _short_texts_case() -> None:
    hits, n = short_text_accuracy()
    NOTES.append(
        f"Conclusion guess on the {n} short texts written for argmap "
        f"(tests/data/short-texts.yaml, claims fixed before the tool ran; 403 of 526 on each "
        f"batch's first run, before the rules written from its misses): {hits}/{n} = "
        f"{hits / n:.1%}."
    )


def _skeleton_eval_case() -> None:
    from bench.skeleton_eval import table

    NOTES.append(
        "Skeletons of `argmap new --from` scored against the arg-microtexts gold graphs "
        "(`make skeleton-eval`; measures in argmap/teaching/draft_eval.py; targets on the "
        "corpus: conclusion found >= 0.90, role F1 >= 0.72, attachment accuracy >= 0.62):\n\n"
        + table(MICROTEXTS, ("all", "dev", "held-out"))
    )


def _short_structures_case() -> None:
    from bench.skeleton_eval import short_table

    NOTES.append(
        "Skeletons of `argmap new --from` on the 38 short texts written with the argument a "
        "teacher reads in them (tests/data/short-structures.yaml, 207 units, structures fixed "
        "before the skeleton ran; first runs: sg01-sg14 conclusion 0.79, role F1 0.90, "
        "attachment accuracy 0.69; sg15-sg22 0.88, 0.95, 0.74; sg23-sg30 1.00, 0.89, 1.00; "
        "sg31-sg38 1.00, 0.99, 0.86; "
        "`python bench/skeleton_eval.py --short`):\n\n" + short_table()
    )


def write_class() -> list[str]:
    """30 damaged copies of the flagship map (level n: n removed, n // 3 misplaced)."""
    import argmap
    from argmap.teaching.damage import damaged

    CLASS.mkdir(parents=True, exist_ok=True)
    key = argmap.load(FLAGSHIP)
    paths = []
    for level in range(30):
        submission, _ = damaged(key, remove=level, misplace=level // 3, seed=1)
        path = CLASS / f"student-{level:02d}.yaml"
        argmap.save(submission, path)
        paths.append(str(path))
    return paths


def cases() -> list[Case]:
    students = [str(CLASS / f"student-{level:02d}.yaml") for level in range(30)]
    out: list[Case] = []
    if MICROTEXTS.is_dir():
        out.append(
            Case(
                "teaching: conclusion guess, 89 microtexts (in-process)",
                "≥ 70% hits (see notes)",
                func=_accuracy_case,
                repeat=1,
            )
        )
        out.append(
            Case(
                "teaching: skeleton evaluation, 89 microtexts (in-process)",
                "see notes",
                func=_skeleton_eval_case,
                repeat=1,
            )
        )
        out.append(
            Case(
                "teaching: conclusion guess, 526 short texts written for argmap (in-process)",
                "see notes",
                func=_short_texts_case,
                repeat=1,
            )
        )
        short = MICROTEXTS / "micro_b001.txt"
        out += [
            Case(
                f"teaching: {what} on a short text (micro_b001, a fresh process)",
                "< 0.5 s",
                argv=[ARGMAP, *argv],
                repeat=5,
                limit_s=0.5,
            )
            for what, argv in (
                (
                    "new --from",
                    ["new", "--from", str(short), "-o", str(WORK / "short.yaml"), "--force"],
                ),
                ("cues", ["cues", str(short), "--format", "json"]),
                (
                    "convert",
                    ["convert", str(short.with_suffix(".xml")), str(WORK / "short-map.yaml")],
                ),
            )
        ]
    else:
        NOTES.append(f"Conclusion-guess accuracy not measured: no corpus at {MICROTEXTS}.")
    out += [
        Case(
            "teaching: skeleton evaluation, 38 short texts with their structure (in-process)",
            "see notes",
            func=_short_structures_case,
            repeat=1,
        ),
        Case(
            "teaching: grade 30 damaged submissions (one process)",
            "≤ 5 s in total",
            argv=[ARGMAP, "grade", str(FLAGSHIP), *students, "--format", "json"],
            setup=write_class,
            repeat=5,
            limit_s=5.0,
        ),
        Case(
            "teaching: cues on the flagship paper",
            "",
            argv=[ARGMAP, "cues", str(PAPER), "--format", "json"],
            repeat=5,
        ),
        Case(
            "teaching: new --from the flagship paper",
            "",
            argv=[ARGMAP, "new", "--from", str(PAPER), "-o", str(WORK / "draft.yaml"), "--force"],
            repeat=5,
            limit_s=1.0,
        ),
        Case(
            "teaching: exercise on the flagship map (4 files, SVG)",
            "",
            argv=[ARGMAP, "exercise", str(FLAGSHIP), "-o", str(WORK / "worksheet")],
            repeat=5,
        ),
        Case(
            "teaching: quiz --key on the flagship map",
            "",
            argv=[ARGMAP, "quiz", str(FLAGSHIP), "--key"],
            repeat=5,
        ),
    ]
    return out
