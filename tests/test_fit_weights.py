"""bench/fit_weights.py: the conditional-logit fit of the conclusion guess's weights."""

from __future__ import annotations

from bench.fit_weights import NAMES, Text, fit, found, guess, held_fixed


def _vector(**features: float) -> tuple[float, ...]:
    return tuple(float(features.get(name.replace("-", "_"), 0)) for name in NAMES)


def _texts() -> list[Text]:
    """Twelve small texts where the claim is always the normative sentence, wherever it is,
    and never the one that opens with a premise marker; every sentence is in one paragraph."""
    texts = []
    for n in range(12):
        claim_at = n % 3
        vectors = []
        for i in range(3):
            features = {"first_paragraph": 1, "last_paragraph": 1}
            if i == 0:
                features["first_sentence"] = 1
            if i == 2:
                features["last_sentence"] = 1
            if i == claim_at:
                features["normative"] = 1
            elif i == (claim_at + 1) % 3:
                features["premise_opening"] = 1
            vectors.append(_vector(**features))
        texts.append(Text(f"t{n}", tuple(vectors), claim_at))
    return texts


def test_the_fit_learns_what_marks_the_claim_and_keeps_each_sign() -> None:
    texts = _texts()
    fixed = held_fixed(texts)
    weights = dict(zip(NAMES, fit(texts, 0.03, fixed), strict=True))
    assert weights["normative"] > 0
    assert weights["premise-opening"] <= 0  # its hand weight is negative: never a bonus
    assert found(tuple(weights.values()), texts) == len(texts)


def test_features_the_data_cannot_weigh_keep_their_hand_weight() -> None:
    texts = _texts()
    fixed = {NAMES[j] for j in held_fixed(texts)}
    # alike for every sentence of every text (one paragraph): nothing to learn from
    assert {"first-paragraph", "last-paragraph"} <= fixed
    # never fired at all
    assert {"question", "summary-indicator"} <= fixed
    # fired in 12 sentences and varies: weighed
    assert "normative" not in fixed
    weights = dict(zip(NAMES, fit(texts, 0.03, held_fixed(texts)), strict=True))
    assert weights["question"] == -3.0 and weights["first-paragraph"] == 0.5


def test_ties_go_to_the_earlier_sentence() -> None:
    text = Text("tie", (_vector(normative=1), _vector(normative=1)), 1)
    weights = tuple(1.0 if name == "normative" else 0.0 for name in NAMES)
    assert guess(weights, text) == 0
