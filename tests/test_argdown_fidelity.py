"""Argdown -> argmap -> Argdown keeps what the Argdown author wrote, construct by construct.

Each test writes a small Argdown file, reads it, writes it back and reads
that again, and checks Argdown's own counts (``meta["argdown"]``: argmap's
Argdown model agrees with the Argdown CLI on every corpus file, see
tests/test_argdown_conformance.py) and the construct itself.
"""

from __future__ import annotations

from argmap.formats import argdown
from argmap.model import ArgumentMap, InferenceKind


def parse(text: str) -> ArgumentMap:
    return argdown.read("test.argdown", text=text)


def round_trip(text: str) -> tuple[ArgumentMap, ArgumentMap, str]:
    first = parse(text)
    written = argdown.dumps(first)
    return first, parse(written), written


def test_an_attack_on_a_reconstructed_argument_stays_an_attack() -> None:
    text = (
        "[C]: c.\n  + <A>\n\n<A>: the argument.\n\n(1) [P]: p.\n(2) [Q]: q.\n----\n(3) [C]\n\n"
        "[X]: x.\n  -> <A>\n"
    )
    first, again, written = round_trip(text)
    for m in (first, again):
        assert m.meta["argdown"]["relations"] == {"attack": 1}
        kinds = [i.kind for i in m.inferences.values()]
        assert InferenceKind.UNDERCUT not in kinds  # Argdown: an attack on a premise
        (attack,) = [i for i in m.inferences.values() if i.kind is InferenceKind.ATTACK]
        assert attack.premises == ["X"] and attack.target == "P"
        assert attack.meta["argdown"] == {"attacks": "<A>"}
    assert "<_" not in written


def test_a_single_step_argument_keeps_its_title_and_description() -> None:
    text = "<Survey>: Most say so. #poll\n\n(1) [P]: p.\n----\n(2) [C]: c.\n"
    first, again, written = round_trip(text)
    assert again.meta["argdown"] == first.meta["argdown"]
    assert again.meta["argdown"]["arguments"] == 1
    (step,) = again.inferences.values()
    assert step.meta["argdown"]["argument"] == "Survey"
    assert step.meta["argdown"]["description"] == "Most say so."
    assert step.meta["argdown"]["tags"] == ["poll"]
    assert "<Survey>: Most say so. #poll" in written


def test_an_anonymous_argument_gets_no_invented_title() -> None:
    first, again, written = round_trip("(1) [P]: p.\n----\n(2) [C]: c.\n")
    assert again.meta["argdown"]["arguments"] == first.meta["argdown"]["arguments"] == 1
    assert "<" not in written


def test_an_argument_of_several_steps_is_written_as_one() -> None:
    text = (
        "<Chain>: two steps.\n\n(1) [A]: a.\n(2) [B]: b.\n----\n(3) [M]: m.\n(4) [D]: d.\n"
        "-- Modus ponens --\n(5) [C]: c.\n"
    )
    first, again, written = round_trip(text)
    assert again.meta["argdown"] == first.meta["argdown"]
    assert again.meta["argdown"]["arguments"] == 1
    steps = sorted(again.inferences.values(), key=lambda i: i.target)
    assert [(s.premises, s.target) for s in steps] == [(["M", "D"], "C"), (["A", "B"], "M")]
    assert written.count("<Chain>") == 1


def test_strict_mode_contraries_and_entailments_come_back() -> None:
    text = (
        "===\nmodel:\n    mode: strict\n===\n\n"
        "[A]: a.\n  - [B]: b.\n  + [E]: e.\n  >< [N]: n.\n"
    )
    first, again, written = round_trip(text)
    assert first.meta["argdown"]["relations"] == {"contrary": 1, "entails": 1, "contradictory": 1}
    assert again.meta["argdown"] == first.meta["argdown"]
    assert "mode: strict" in written
    assert again.meta["argdown"]["statements"] == 4  # no statements made up for the relations


def test_a_strict_file_with_a_plain_attack_is_written_in_the_default_mode() -> None:
    first = parse("===\nmodel:\n    mode: strict\n===\n\n[A]: a.\n  - [B]: b.\n")
    # an edit the strict mode has no line for: an attack between two statements
    (contrary, other) = first.inferences.values()
    contrary.relation = None
    del first.inferences[other.id]
    written = argdown.dumps(first)
    assert "mode: strict" not in written
    again = parse(written)
    assert [i.kind for i in again.inferences.values()].count(InferenceKind.ATTACK) == 1
