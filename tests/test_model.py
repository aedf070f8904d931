"""The model and the native format: anchors, the tree projection, round trips, deep chains."""

from __future__ import annotations

from pathlib import Path

import pytest
from canonical import assert_same
from conftest import MAPS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError
from argmap.formats import native
from argmap.model import (
    ArgumentMap,
    Inference,
    InferenceKind,
    Statement,
    StatementKind,
    format_anchor,
    parse_anchor,
)

SMALL = """\
argmap: 1
title: Speed cameras
conclusion:
  id: C
  text: The city should install speed cameras.
  at: 1
  reasons:
    - id: R1
      text: Cameras cut speeding.
      at: "2"
      evidence:
        - {id: E1, text: Speeding fell 20% after cameras in Leeds., basis: statistic,
           source: {name: Leeds City Council, date: 2021}, at: "2"}
      undercuts:
        - {id: U1, text: Drivers only slow down near the cameras.}
    - linked:
        - {id: R2, text: Speeding causes crashes.}
        - {id: A1, text: Fewer crashes is worth the cost., implicit: true}
      inference: {strength: weak}
  objections:
    - id: O1
      text: Cameras are a tax on drivers.
      at: 3-4
      objections:
        - {id: B1, text: Only speeding drivers pay.}
        - ref: R1
gaps:
  - {node: O1, kind: non-sequitur, note: Paying a fine is not a tax.}
"""


def small(tmp_path: Path) -> ArgumentMap:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL)
    return argmap.load(path)


@pytest.mark.parametrize(
    ("raw", "numbers", "text"),
    [
        ("16", (16,), "16"),
        ("20-22", (20, 21, 22), "20-22"),
        ("1, 3-4", (1, 3, 4), "1, 3-4"),
        ("4,3,1", (1, 3, 4), "1, 3-4"),
        ("5–6", (5, 6), "5-6"),
    ],
)
def test_anchors(raw: str, numbers: tuple[int, ...], text: str) -> None:
    assert parse_anchor(raw) == numbers
    assert format_anchor(numbers) == text


@pytest.mark.parametrize("raw", ["", "x", "3-1", "0", "1-", "1,,2", "1-99999"])
def test_bad_anchors(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_anchor(raw)


def test_small_map_structure(tmp_path: Path) -> None:
    m = small(tmp_path)
    assert m.conclusion == "C"
    assert m.statements["E1"].kind is StatementKind.EVIDENCE
    assert m.statements["A1"].kind is StatementKind.ASSUMPTION
    assert m.statements["O1"].anchors == (3, 4)
    assert m.statements["O1"].origin is not None
    assert (m.statements["O1"].origin.line, m.statements["O1"].origin.col) == (21, 7)
    kinds = sorted(i.kind.value for i in m.inferences.values())
    assert kinds == ["attack", "attack", "attack", "support", "support", "support", "undercut"]
    undercut = next(i for i in m.inferences.values() if i.kind is InferenceKind.UNDERCUT)
    assert m.inferences[undercut.target].premises == ["R1"]
    linked = next(i for i in m.inferences.values() if len(i.premises) == 2)
    assert linked.premises == ["R2", "A1"]
    assert linked.strength is not None and linked.strength.value == "weak"
    assert m.children("C") == ["R1", "R2", "A1", "O1"]
    assert m.parents("R1") == ["C", "O1"]


def test_tree_shows_a_node_twice_only_as_a_reference(tmp_path: Path) -> None:
    entries = list(small(tmp_path).tree())
    r1 = [e for e in entries if e.node == "R1"]
    assert [e.repeat for e in r1] == [False, True]
    assert entries[0].node == "C" and entries[0].depth == 0


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_native_round_trip(tmp_path: Path, syntax: str) -> None:
    m = small(tmp_path)
    text = native.dumps(m, syntax)
    path = tmp_path / f"again.{syntax}"
    path.write_text(text)
    again = argmap.load(path)
    assert_same(m, again)
    assert native.dumps(again, syntax) == text  # stable: same map, same bytes


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_every_map_round_trips(tmp_path: Path, path: Path, syntax: str) -> None:
    m = argmap.load(path)
    out = tmp_path / f"copy.{syntax}"
    out.write_text(native.dumps(m, syntax))
    assert_same(m, argmap.load(out))


def chain(n: int) -> ArgumentMap:
    m = ArgumentMap(conclusion="s0")
    for i in range(n):
        m.statements[f"s{i}"] = Statement(id=f"s{i}", text=f"Claim number {i}.", at=str(i % 50 + 1))
        if i:
            kind = InferenceKind.ATTACK if i % 7 == 0 else InferenceKind.SUPPORT
            m.inferences[f"i{i}"] = Inference(
                id=f"i{i}", premises=[f"s{i}"], target=f"s{i - 1}", kind=kind
            )
    return m


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_10000_deep_chain(tmp_path: Path, syntax: str) -> None:
    """A 10,000-deep chain loads, passes every analysis, writes and reads back; show collapses."""
    from typer.testing import CliRunner

    from argmap.cli import app

    m = chain(10_000)
    m.check()
    assert m.depth() == 9_999
    assert len(m.connected()[0]) == 10_000
    assert sum(1 for _ in m.tree()) == 10_000
    path = tmp_path / f"chain.{syntax}"
    path.write_text(native.dumps(m, syntax))
    again = argmap.load(path)
    assert_same(m, again)
    argmap.find_gaps(again)
    result = CliRunner().invoke(app, ["show", str(path), "--depth", "3", "--no-gaps"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("◆ CONCLUSION: Claim number 0.")
    assert "(+1 directly under it; raise --depth to see)" in result.stdout
    assert "Claim number 4." not in result.stdout


def test_reference_cycle_can_be_mapped_under_relations(tmp_path: Path) -> None:
    path = tmp_path / "circle.yaml"
    path.write_text(
        "argmap: 1\nconclusion:\n  id: C\n  text: God exists.\n  reasons:\n"
        "    - {id: B, text: The Bible says so.}\n"
        "relations:\n  - {from: C, to: B, type: support}\n"
    )
    m = argmap.load(path)
    assert [(i.premises, i.target) for i in m.inferences.values()] == [(["B"], "C"), (["C"], "B")]
    out = tmp_path / "again.yaml"
    out.write_text(native.dumps(m))
    assert_same(m, argmap.load(out))


def test_writer_moves_cycle_closing_links_to_relations(tmp_path: Path) -> None:
    m = ArgumentMap(conclusion="a")
    for sid in "abc":
        m.statements[sid] = Statement(id=sid, text=f"Statement {sid}.")
    m.inferences["x"] = Inference(id="x", premises=["b"], target="a")
    m.inferences["y"] = Inference(id="y", premises=["c"], target="b")
    m.inferences["z"] = Inference(id="z", premises=["a"], target="c", kind=InferenceKind.ATTACK)
    m.inferences["u"] = Inference(id="u", premises=["b"], target="z", kind=InferenceKind.UNDERCUT)
    data = native.to_data(m)
    assert [r["id"] for r in data["relations"]] == ["z", "u"]
    path = tmp_path / "cycle.yaml"
    path.write_text(native.dumps(m))
    assert_same(m, argmap.load(path))


def test_disconnected_statements_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "loose.yaml"
    path.write_text(
        "argmap: 1\nconclusion: {id: C, text: A.}\nstatements:\n"
        "  - {id: L, text: Loose., reasons: [{id: L2, text: Under loose.}]}\n"
    )
    m = argmap.load(path)
    assert set(m.statements) == {"C", "L", "L2"}
    assert m.connected()[0] == {"C"}
    out = tmp_path / "again.yaml"
    out.write_text(native.dumps(m))
    assert_same(m, argmap.load(out))


def test_source_text_is_attached_relative_to_the_map() -> None:
    m = argmap.load(MAPS / "iran-in-latin-america.yaml")
    assert len(m.paragraphs()) == 24
    assert m.paragraphs()[22].startswith("In conclusion")


def test_implicit_assumption_and_given(tmp_path: Path) -> None:
    m = small(tmp_path)
    assert m.statements["A1"].implicit and m.statements["A1"].is_assumption
    assert not m.statements["C"].given


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_map_or_an_argmap_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    try:
        argmap.load(path)
    except ArgmapError:
        pass


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "argmap",
                    "conclusion",
                    "text",
                    "id",
                    "reasons",
                    "evidence",
                    "objections",
                    "ref",
                    "linked",
                    "undercuts",
                    "at",
                    "basis",
                    "gaps",
                    "node",
                    "kind",
                    "statements",
                    "source",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(YAMLISH)
def test_any_structure_gives_a_map_or_an_argmap_error(tmp_path: Path, data: object) -> None:
    import json

    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data))
    try:
        argmap.load(path)
    except ArgmapError:
        pass


TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() != "")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=12),
    links=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.booleans()), max_size=15),
)
def test_model_json_model_round_trips(
    tmp_path: Path, texts: list[str], links: list[tuple[int, int, bool]]
) -> None:
    m = ArgumentMap(conclusion="s0")
    for i, text in enumerate(texts):
        m.statements[f"s{i}"] = Statement(id=f"s{i}", text=text)
    n = len(texts)
    for k, (a, b, attack) in enumerate(links):
        premise, target = f"s{a % n}", f"s{b % n}"
        if premise == target:
            continue
        kind = InferenceKind.ATTACK if attack else InferenceKind.SUPPORT
        m.inferences[f"i{k}"] = Inference(id=f"i{k}", premises=[premise], target=target, kind=kind)
    for syntax in ("json", "yaml"):
        path = tmp_path / f"rt.{syntax}"
        path.write_text(native.dumps(m, syntax), encoding="utf-8")
        assert_same(m, argmap.load(path))


RECONSTRUCTED = """\
argmap: 1
conclusion:
  id: C
  text: It will rain.
  reasons:
    - id: R
      text: The sky is grey, which means rain.
      added: which means rain
  objections:
    - {id: O, text: The forecast says sun., reconstructed: true}
"""


def test_reconstructed_statement_and_added_clause_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RECONSTRUCTED)
    m = argmap.load(path)
    assert m.statements["O"].reconstructed and not m.statements["R"].reconstructed
    assert m.statements["R"].added == "which means rain"
    out = tmp_path / "again.yaml"
    out.write_text(native.dumps(m))
    assert "reconstructed: true" in out.read_text()
    assert_same(m, argmap.load(out))


def test_added_words_must_occur_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RECONSTRUCTED.replace("added: which means rain", "added: which means snow"))
    with pytest.raises(ArgmapError, match=r"r\.yaml:8:14: added: 'which means snow' does not"):
        argmap.load(path)


def test_loaded_models_share_fields_sets_but_change_only_their_own(tmp_path: Path) -> None:
    m = small(tmp_path)
    b1, u1 = m.statements["B1"], m.statements["U1"]
    # made from the same keys (id, text, origin): one fields-set for both
    assert b1.model_fields_set == u1.model_fields_set == {"id", "text", "origin"}
    assert b1.__pydantic_fields_set__ is u1.__pydantic_fields_set__
    b1.note = "changed"
    assert b1.model_fields_set == {"id", "text", "origin", "note"}
    assert u1.model_fields_set == {"id", "text", "origin"}
    copy = u1.model_copy(update={"title": "T"})
    assert copy.model_fields_set == {"id", "text", "origin", "title"}
    assert u1.model_fields_set == {"id", "text", "origin"}
    assert u1.model_dump(exclude_unset=True) == {"id": "U1", "text": u1.text}


def test_a_plain_inference_is_the_validated_one() -> None:
    from argmap.model import Inference, InferenceKind
    from argmap.model.nodes import Origin, plain_inference

    names = ("id", "premises", "target", "kind", "origin")
    row = {
        "id": "_i1",
        "premises": ["R1"],
        "target": "C",
        "kind": InferenceKind.ATTACK,
        "origin": Origin("m.yaml", 3, 5),
    }
    made = plain_inference("_i1", ["R1"], "C", InferenceKind.ATTACK, Origin("m.yaml", 3, 5))
    checked = Inference.model_validate(dict(row))
    assert made == checked
    assert list(made.__dict__) == list(checked.__dict__) == list(Inference.model_fields)
    assert made.__pydantic_fields_set__ == checked.__pydantic_fields_set__ == set(names)
    assert made.__pydantic_extra__ is None and made.__pydantic_private__ is None
    assert made.model_dump() == checked.model_dump()
    assert repr(made) == repr(checked)
    # each gets its own default containers, and a change makes the fields-set its own
    other = plain_inference("_i2", ["R1"], "C", InferenceKind.ATTACK, Origin("m.yaml", 3, 5))
    made.answers["CQ1"] = "R2"
    made.label = "changed"
    assert other.answers == {} and other.label is None
    assert "label" in made.model_fields_set and "label" not in other.model_fields_set


def test_loaded_inferences_equal_their_validation() -> None:
    from argmap.model import Inference

    argmap_ = argmap.load(MAPS / "iran-in-latin-america.yaml")
    for inference in argmap_.inferences.values():
        given = {name: getattr(inference, name) for name in inference.model_fields_set}
        again = Inference.model_validate(given)
        assert inference == again, inference.id
        assert inference.model_fields_set == again.model_fields_set, inference.id


def test_loaded_statements_equal_their_validation() -> None:
    """Statements the reader checked by hand (most of the flagship's) are pydantic's own."""
    argmap_ = argmap.load(MAPS / "iran-in-latin-america.yaml")
    for statement in argmap_.statements.values():
        given = {name: getattr(statement, name) for name in statement.model_fields_set}
        again = Statement.model_validate(given)
        assert statement == again, statement.id
        assert list(statement.__dict__) == list(again.__dict__), statement.id
        assert statement.model_fields_set == again.model_fields_set, statement.id


# a node's fields as a map file may give them: plain values, and values pydantic must judge
_FIELD_VALUES = {
    "text": st.sampled_from(["A claim.", "", "  ", "\tx", 3, None, ["a"]]),
    "kind": st.sampled_from(["claim", "evidence", "assumption", "Claim", None, 1]),
    "at": st.sampled_from(["16", "20-22", "22, 20-21", 7, 0, "x", "3-1", None, True, [1, 2], 2.5]),
    "quote": st.sampled_from(["q", None, 5, ""]),
    "note": st.sampled_from(["n", None, False]),
    "title": st.sampled_from(["T", None]),
    "status": st.sampled_from(["draft", 3]),
    "implicit": st.sampled_from([True, False, 1, "yes", None]),
    "given": st.sampled_from([True, False, 0]),
    "reconstructed": st.sampled_from([True, False]),
    "optional": st.sampled_from([False, "no"]),
    "basis": st.sampled_from(["expert", "media", "bogus", None, 2]),
    "rating": st.sampled_from(["solid", "none", None, "great"]),
    "role": st.sampled_from(["opponent", None, "x"]),
    "source": st.sampled_from(
        [
            "Reuters",
            {"name": "Reuters", "date": "2020"},
            {"name": "R", "date": 2017},
            {"date": True},
            {"url": 3},
            {"name": None, "locator": "p. 3"},
            {"nmae": "x"},
            None,
            7,
        ]
    ),
    "tags": st.sampled_from([["a"], []]),
    "added": st.sampled_from(["claim", "nothing like it"]),
    "reasons": st.just([]),
}


def _plain(node: dict[str, object]) -> bool:
    """Whether every value of a node is one the reader takes without pydantic."""
    flags = ("implicit", "given", "reconstructed", "optional")
    for key, value in node.items():
        if key in ("tags", "added"):
            return False
        if key in flags and type(value) is not bool:
            return False
        if key == "at" and (type(value) is bool or type(value) not in (str, int, type(None))):
            return False
        if key == "source" and type(value) is dict:
            if any(type(v) not in (str, type(None)) for k, v in value.items() if k != "date"):
                return False
            if type(value.get("date")) is bool:
                return False
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.dictionaries(st.sampled_from(sorted(_FIELD_VALUES)), st.none(), max_size=8).flatmap(
        lambda keys: st.fixed_dictionaries({key: _FIELD_VALUES[key] for key in keys})
    ),
    sid=st.sampled_from(["R1", "n3", " R1", "a\nb", ""]),
    default=st.sampled_from([None, StatementKind.EVIDENCE]),
)
def test_a_quick_statement_is_the_validated_one(
    fields: dict[str, object], sid: str, default: StatementKind | None
) -> None:
    """What the reader checks by hand is what pydantic would make, or left to pydantic."""
    from pydantic import ValidationError

    from argmap.model.nodes import Origin, quick_statement

    origin = Origin("m.json", 4, 7)
    node = {"text": "A claim.", **fields}
    made = quick_statement(node, sid, default, origin, native._CHILDREN)
    values = {k: v for k, v in node.items() if k not in native._CHILDREN}
    values["id"] = sid
    if "kind" not in values:
        if values.get("implicit") is True:
            values["kind"] = StatementKind.ASSUMPTION
        elif default is not None:
            values["kind"] = default
    values["origin"] = origin
    try:
        checked = Statement.model_validate(values)
    except ValidationError:
        assert made is None
        return
    if made is None:
        # left to pydantic: only a node with a value the quick checks do not take
        assert not _plain(node)
        return
    assert made == checked
    assert list(made.__dict__) == list(checked.__dict__)
    assert made.__pydantic_fields_set__ == checked.__pydantic_fields_set__
    assert made.model_dump() == checked.model_dump()
    assert repr(made) == repr(checked)
    if made.source is not None and checked.source is not None:
        assert made.source.__pydantic_fields_set__ == checked.source.__pydantic_fields_set__
    made.tags.append("x")
    again = quick_statement(node, sid, default, origin, native._CHILDREN)
    assert again is not None and again.tags == []
