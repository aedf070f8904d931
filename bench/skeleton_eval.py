"""``make skeleton-eval``: score ``argmap new --from`` skeletons against the arg-microtexts gold graphs.

Prints one Markdown table: for the skeleton and the baselines, on the whole
corpus, its development part and its held-out part (the split is
:func:`argmap.teaching.draft_eval.is_held_out`, fixed before any rule was
written): conclusion found, macro-F1 of central claim (cc), role (ro),
function (fu) and attachment (at), and attachment accuracy. The measures are
described in :mod:`argmap.teaching.draft_eval`.

``--part dev`` scores only the development part (what rules are tuned on);
``--errors`` lists, for the development part only, each text's gold and
drafted labels unit by unit. ``--ablate FEATURE`` (repeatable) runs with that
conclusion-guess feature of :data:`argmap.teaching.cues.WEIGHTS` switched off;
``--ablation`` measures, on the development part only, each feature's effect:
the figures without it, and the dev texts whose conclusion it wins or loses
(a feature whose gain is one or two texts is a candidate for overfitting).
``--short`` scores instead the short texts written for argmap with the
argument a teacher reads in them (tests/data/short-structures.yaml, needs no
corpus); with ``--errors``, unit by unit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from argmap.teaching import draft_eval  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus" / "microtexts"
SHORT = HERE.parent / "tests" / "data" / "short-structures.yaml"
PARTS = ("all", "dev", "held-out")
COLUMNS = ("conclusion", "cc", "ro", "fu", "at", "attachment")


def table(folder: Path, parts: tuple[str, ...]) -> str:
    systems = {"argmap new --from (skeleton)": draft_eval.skeleton_draft}
    systems.update(draft_eval.baseline_drafts())
    head = (
        "| system | part | texts | conclusion found | cc F1 | role F1 | function F1 "
        "| attachment F1 | attachment accuracy |"
    )
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, system in systems.items():
        for part in parts:
            scores = draft_eval.evaluate(draft_eval.corpus(folder, part), system)
            row = scores.row()
            figures = " | ".join(f"{row[c]:.2f}" for c in COLUMNS)
            lines.append(f"| {name} | {part} | {scores.texts} | {figures} |")
    return "\n".join(lines)


def short_table() -> str:
    """The skeleton and the baselines on the short texts written with their structure."""
    import yaml

    entries = yaml.safe_load(SHORT.read_text(encoding="utf-8"))
    systems = {"argmap new --from (skeleton)": draft_eval.skeleton_draft}
    systems.update(draft_eval.baseline_drafts())
    lines = [
        "| system | texts | units | conclusion found | cc F1 | role F1 | function F1 "
        "| attachment F1 | attachment accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, system in systems.items():
        scores = draft_eval.evaluate_structures(entries, system)
        row = scores.row()
        figures = " | ".join(f"{row[c]:.2f}" for c in COLUMNS)
        lines.append(f"| {name} | {scores.texts} | {scores.units} | {figures} |")
    return "\n".join(lines)


def short_errors() -> str:
    """Each short text's gold and drafted units, side by side."""
    import yaml

    out: list[str] = []
    for entry in yaml.safe_load(SHORT.read_text(encoding="utf-8")):
        gold = draft_eval.read_structure(entry)
        out.append(_side_by_side(gold.name, gold.text, gold))
    return "\n".join(out)


def _side_by_side(name: str, text: str, gold: draft_eval.Gold) -> str:
    draft = draft_eval.skeleton_draft(text)
    roles = draft_eval.roles_of(draft)
    out = [f"## {name}"]
    for k, unit in enumerate(draft.units):
        where = "ROOT" if unit.parent is None else f"{unit.function}->{unit.parent}"
        out.append(f"  D{k} [{roles[k]} {where}] {text[unit.start : unit.end]}")
    for i, tokens in enumerate(gold.unit_tokens):
        words = " ".join(text[s:e] for s, e in (gold.tokens[t] for t in sorted(tokens)))
        parent = gold.parents[i]
        where = "ROOT" if parent is None else f"{gold.functions[i]}->{parent}"
        out.append(f"  G{i} [{gold.roles[i]} {where}] {words}")
    return "\n".join(out)


def errors(folder: Path) -> str:
    out: list[str] = []
    for txt, xml in draft_eval.corpus(folder, "dev"):
        text = txt.read_text(encoding="utf-8")
        out.append(_side_by_side(txt.stem, text, draft_eval.read_gold(xml, text)))
    return "\n".join(out)


def ablation(folder: Path) -> str:
    from argmap.teaching import cues

    pairs = draft_eval.corpus(folder, "dev")
    base = draft_eval.evaluate(pairs, draft_eval.skeleton_draft)
    found = set(base.found_in)
    lines = [
        f"dev, all features: conclusion {base.conclusion_found:.2f} "
        f"({base.found}/{base.texts}), role F1 {base.macro_f1('ro'):.2f}, "
        f"attachment accuracy {base.attachment_accuracy:.2f}",
        "",
        "| without | conclusion | role F1 | attachment accuracy | net texts | it wins | it loses |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for name in cues.WEIGHTS:
        with draft_eval.ablated([name]):
            scores = draft_eval.evaluate(pairs, draft_eval.skeleton_draft)
        without = set(scores.found_in)
        wins, losses = sorted(found - without), sorted(without - found)
        lines.append(
            f"| `{name}` | {scores.conclusion_found:.2f} | {scores.macro_f1('ro'):.2f} "
            f"| {scores.attachment_accuracy:.2f} | {len(wins) - len(losses):+d} "
            f"| {' '.join(wins)} | {' '.join(losses)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--part", choices=PARTS, action="append")
    parser.add_argument("--errors", action="store_true", help="dev texts, unit by unit")
    parser.add_argument(
        "--ablate",
        action="append",
        default=[],
        metavar="FEATURE",
        help="switch off a conclusion-guess feature (repeatable)",
    )
    parser.add_argument("--ablation", action="store_true", help="dev: each feature's effect")
    parser.add_argument(
        "--short",
        action="store_true",
        help="score the short texts written with their structure (tests/data/short-structures.yaml)",
    )
    args = parser.parse_args(argv)
    if args.short:
        print(short_errors() if args.errors else short_table())
        return 0
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    try:
        with draft_eval.ablated(args.ablate):
            if args.ablation:
                print(ablation(args.corpus))
            elif args.errors:
                print(errors(args.corpus))
            else:
                print(table(args.corpus, tuple(args.part or PARTS)))
    except ValueError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
