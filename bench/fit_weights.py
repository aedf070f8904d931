"""The conclusion guess's weights, fitted on the development texts: a check on the hand weights.

``python bench/fit_weights.py`` reads the development part of the arg-microtexts
(never the held-out part), scores every sentence with the features of
:mod:`argmap.teaching.cues` and fits their weights by a conditional logit: per
text, the probability of the gold claim's sentence among all its sentences,
with an L2 penalty (``--lam``) and each weight kept on the side of zero its
hand weight is on (a premise opening never counts for a sentence). A feature
that fires in fewer than :data:`MIN_FIRES` sentences, or that fires for every
sentence of a text alike (the paragraph features, in texts of one paragraph),
says nothing the data can weigh: it keeps its hand weight.

It prints each weight, hand and fitted (rounded to a quarter, as the hand weights
are), how many development texts each set of weights finds the claim of, and
the leave-one-out count of the fit: each text guessed with weights fitted on
the other texts, an estimate of how the fitted weights would do on texts not
seen. Nothing here changes :data:`argmap.teaching.cues.WEIGHTS`.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from argmap.teaching import draft_eval  # noqa: E402
from argmap.teaching.cues import WEIGHTS, analyse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "microtexts"
#: a feature seen in fewer development sentences than this keeps its hand weight
MIN_FIRES = 10
NAMES = tuple(WEIGHTS)


@dataclass(frozen=True)
class Text:
    """One text: each sentence's feature counts (in :data:`NAMES` order), in text order, and
    the place of the sentence holding the gold claim."""

    name: str
    vectors: tuple[tuple[float, ...], ...]
    gold: int


def read_texts(folder: Path) -> list[Text]:
    """The development texts whose gold claim lies (60% of its tokens or more) in one sentence."""
    texts = []
    for txt, xml in draft_eval.corpus(folder, "dev"):
        body = txt.read_text(encoding="utf-8")
        gold = draft_eval.read_gold(xml, body)
        claim = gold.unit_tokens[gold.root]
        report = analyse(body)
        starts = {p.n: body.find(p.text) for p in report.paragraphs}
        sentences = sorted(report.ranking, key=lambda c: (c.paragraph, c.index))
        vectors, shares = [], []
        for c in sentences:
            low, high = starts[c.paragraph] + c.start, starts[c.paragraph] + c.end
            inside = sum(1 for k in claim if gold.tokens[k][0] >= low and gold.tokens[k][1] <= high)
            shares.append(inside / len(claim))
            fired = dict(c.features)
            vectors.append(tuple(float(fired.get(name, 0)) for name in NAMES))
        best = max(range(len(shares)), key=shares.__getitem__)
        if shares[best] >= 0.6:
            texts.append(Text(txt.stem, tuple(vectors), best))
    return texts


def guess(weights: tuple[float, ...], text: Text) -> int:
    """The sentence the weights pick: the highest score, ties to the earlier (as cues.rank)."""
    scores = [sum(w * x for w, x in zip(weights, v, strict=True)) for v in text.vectors]
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def found(weights: tuple[float, ...], texts: list[Text]) -> int:
    return sum(guess(weights, t) == t.gold for t in texts)


def held_fixed(texts: list[Text]) -> set[int]:
    """The features the data cannot weigh: rare, or alike for every sentence of every text."""
    fixed = set()
    for j in range(len(NAMES)):
        fires = sum(1 for t in texts for v in t.vectors if v[j])
        varies = any(len({v[j] for v in t.vectors}) > 1 for t in texts)
        if fires < MIN_FIRES or not varies:
            fixed.add(j)
    return fixed


def fit(texts: list[Text], lam: float, fixed: set[int], steps: int = 400) -> tuple[float, ...]:
    """Weights that make each gold sentence likely among its text's sentences (gradient ascent
    on the conditional log-likelihood less ``lam`` times the squared weights)."""
    hand = [WEIGHTS[name] for name in NAMES]
    w = [hand[j] if j in fixed else 0.0 for j in range(len(NAMES))]
    for _ in range(steps):
        grad = [0.0 if j in fixed else -2 * lam * w[j] for j in range(len(NAMES))]
        for text in texts:
            scores = [sum(a * b for a, b in zip(w, v, strict=True)) for v in text.vectors]
            top = max(scores)
            odds = [math.exp(s - top) for s in scores]
            total = sum(odds)
            for j in range(len(NAMES)):
                if j not in fixed:
                    expected = sum(o * v[j] for o, v in zip(odds, text.vectors, strict=True))
                    grad[j] += text.vectors[text.gold][j] - expected / total
        w = [a + 0.5 * g / len(texts) for a, g in zip(w, grad, strict=True)]
        # each weight stays on its hand weight's side of zero
        w = [
            x if j in fixed else (max(0.0, x) if hand[j] >= 0 else min(0.0, x))
            for j, x in enumerate(w)
        ]
    return tuple(round(x * 4) / 4 for x in w)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--lam", type=float, default=0.03, help="the L2 penalty (default 0.03)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    texts = read_texts(args.corpus)
    fixed = held_fixed(texts)
    hand = tuple(WEIGHTS[name] for name in NAMES)
    fitted = fit(texts, args.lam, fixed)
    print("| feature | hand weight | fitted weight |")
    print("|---|---:|---:|")
    for j, name in enumerate(NAMES):
        note = " (kept: the data cannot weigh it)" if j in fixed else ""
        print(f"| {name} | {hand[j]:+.2f} | {fitted[j]:+.2f}{note} |")
    print()
    print(
        f"development texts: {len(texts)}; claim found by the hand weights {found(hand, texts)}, "
        f"by the fitted weights {found(fitted, texts)}"
    )
    left_out = 0
    progress = sys.stderr.isatty()
    for i, text in enumerate(texts):
        if progress:
            print(f"\rleave-one-out: {i + 1}/{len(texts)}", end="", file=sys.stderr, flush=True)
        weights = fit(texts[:i] + texts[i + 1 :], args.lam, fixed)
        left_out += guess(weights, text) == text.gold
    if progress:
        print(file=sys.stderr)
    print(
        f"leave-one-out (each text guessed by weights fitted without it): {left_out} of {len(texts)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
