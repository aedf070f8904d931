"""AIF JSON: the six corpus node sets read with their I/RA/CA counts, round trips, and bad files.

Expected counts come from the JSON itself (plain ``json``), never through argmap's reader.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, needs_corpus
from graph_equal import assert_same_graph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.formats import aif
from argmap.model import InferenceKind

AIF_DIR = CORPUS / "aif"
FILES = sorted(AIF_DIR.glob("*.json")) if AIF_DIR.is_dir() else []


def raw_counts(data: dict[str, Any]) -> dict[str, int]:
    """Node counts by type, and CA nodes that point at an RA or CA (undercuts), from raw AIF."""
    types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    counts = Counter(types.values())
    undercuts = sum(
        1
        for e in data["edges"]
        if types[str(e["fromID"])] == "CA" and types[str(e["toID"])] in ("RA", "CA")
    )
    return {
        "I": counts["I"],
        "RA": counts["RA"],
        "CA": counts["CA"],
        "undercuts": undercuts,
        "other": sum(n for t, n in counts.items() if t not in ("I", "RA", "CA")),
    }


@needs_corpus
def test_the_corpus_has_six_node_sets() -> None:
    assert len(FILES) == 6


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_file_keeps_its_counts(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    want = raw_counts(data)
    m = argmap.load(path)
    kinds = Counter(i.kind for i in m.inferences.values())
    assert len(m.statements) == want["I"]
    assert kinds[InferenceKind.SUPPORT] == want["RA"]
    assert kinds[InferenceKind.ATTACK] + kinds[InferenceKind.UNDERCUT] == want["CA"]
    assert kinds[InferenceKind.UNDERCUT] == want["undercuts"]
    kept = m.meta.get("aif", {}).get("nodes", [])
    assert len(kept) == want["other"]
    # schemes are kept by name
    schemes = Counter(n["scheme"] for n in data["nodes"] if n.get("scheme"))
    assert Counter(i.scheme for i in m.inferences.values() if i.scheme) == schemes
    m.check()
    stats = argmap.api.stats(m)
    assert stats["statements"] == want["I"]
    assert stats["supports"] == want["RA"]


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_file_round_trips_through_the_writer(path: Path, tmp_path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)
    text = argmap.dumps(m, "aif")
    written = json.loads(text)
    assert raw_counts(written) == raw_counts(data)
    assert len(written["edges"]) == len(data["edges"])
    # every node keeps its text, scheme nodes too ("RA" stays "RA" beside its scheme)
    texts = {str(n["nodeID"]): n.get("text") for n in data["nodes"]}
    assert {str(n["nodeID"]): n.get("text") for n in written["nodes"]} == texts
    out = tmp_path / "again.json"
    out.write_text(text, encoding="utf-8")
    again = argmap.load(out)
    assert_same_graph(m, again)
    assert again.conclusion == m.conclusion
    assert {s.id: s.meta for s in again.statements.values()} == {
        s.id: s.meta for s in m.statements.values()
    }
    assert argmap.dumps(again, "aif") == text  # stable
    # and through the native format
    for fmt in ("yaml", "json"):
        native = tmp_path / f"map.{fmt}"
        native.write_text(argmap.dumps(m, fmt), encoding="utf-8")
        back = argmap.load(native)
        assert_same_graph(m, back)
        assert same_file(json.loads(argmap.dumps(back, "aif")), written)


def same_file(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same AIF nodes and links between them, whatever their order and the edge ids."""

    def nodes(data: dict[str, Any]) -> list[str]:
        return sorted(json.dumps(n, sort_keys=True) for n in data["nodes"])

    def links(data: dict[str, Any]) -> Counter[tuple[str, str]]:
        return Counter((str(e["fromID"]), str(e["toID"])) for e in data["edges"])

    return nodes(a) == nodes(b) and links(a) == links(b) and a["argmap"] == b["argmap"]


@needs_corpus
def test_dialogue_layer_is_kept_as_metadata() -> None:
    """nodeset127 has L and YA nodes: kept under meta["aif"], written back unchanged."""
    path = AIF_DIR / "nodeset127.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)
    kept = m.meta["aif"]
    assert Counter(n["type"] for n in kept["nodes"]) == {"L": 6, "YA": 6}
    assert len(kept["edges"]) == 12
    written = json.loads(argmap.dumps(m, "aif"))
    dialogue = [n for n in written["nodes"] if n["type"] in ("L", "YA")]
    assert dialogue == [n for n in data["nodes"] if n["type"] in ("L", "YA")]


@needs_corpus
def test_choice_of_conclusion_is_reported_on_stderr() -> None:
    result = CliRunner().invoke(app, ["show", str(AIF_DIR / "nodeset137.json"), "--no-gaps"])
    assert result.exit_code == 0
    assert result.stderr == (
        "argmap: main conclusion '1279' (An exemption should be given to the laws): "
        "the only statement that supports or attacks nothing; use --conclusion ID to choose another\n"
    )
    assert result.stdout.startswith("◆ CONCLUSION: An exemption should be given to the laws")


# --- small files written here ------------------------------------------------------------------


def write_aif(path: Path, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> Path:
    """An AIF file with one node or edge per line (so positions in errors are predictable)."""
    node_lines = ",\n".join("    " + json.dumps(n) for n in nodes)
    edge_lines = ",\n".join("    " + json.dumps(e) for e in edges)
    path.write_text(
        '{\n  "nodes": [\n' + node_lines + '\n  ],\n  "edges": [\n' + edge_lines + "\n  ]\n}\n",
        encoding="utf-8",
    )
    return path


def i_node(nid: str | int, text: str) -> dict[str, Any]:
    return {"nodeID": nid, "text": text, "type": "I"}


def s_node(nid: str | int, ntype: str, **extra: Any) -> dict[str, Any]:
    return {"nodeID": nid, "text": ntype, "type": ntype, **extra}


def edge(eid: str, source: str | int, target: str | int) -> dict[str, Any]:
    return {"edgeID": eid, "fromID": source, "toID": target}


def test_numbers_as_ids_and_undercuts(tmp_path: Path) -> None:
    path = write_aif(
        tmp_path / "numbers.json",
        [
            i_node(1, "C"),
            i_node(2, "P"),
            i_node(3, "U"),
            s_node(10, "RA", scheme="Argument From Expert Opinion"),
            s_node(11, "CA"),
        ],
        [edge("1", 2, 10), edge("2", 10, 1), edge("3", 3, 11), edge("4", 11, 10)],
    )
    m = argmap.load(path)
    assert m.conclusion == "1"
    assert m.inferences["10"].scheme == "Argument From Expert Opinion"
    assert m.inferences["11"].kind is InferenceKind.UNDERCUT
    assert m.inferences["11"].target == "10"
    written = json.loads(argmap.dumps(m, "aif"))
    assert [n["nodeID"] for n in written["nodes"]] == [1, 2, 3, 10, 11]


def test_rephrase_and_preference_are_kept(tmp_path: Path) -> None:
    path = write_aif(
        tmp_path / "ma.json",
        [
            i_node("1", "C"),
            i_node("2", "P"),
            i_node("3", "P again"),
            s_node("4", "RA"),
            s_node("5", "MA"),
            s_node("6", "PA"),
        ],
        [edge("a", "2", "4"), edge("b", "4", "1"), edge("c", "2", "5"), edge("d", "5", "3")]
        + [edge("e", "4", "6"), edge("f", "6", "1")],
    )
    m = argmap.load(path)
    assert len(m.inferences) == 1
    assert [n["type"] for n in m.meta["aif"]["nodes"]] == ["MA", "PA"]
    assert len(m.meta["aif"]["edges"]) == 4
    written = json.loads(argmap.dumps(m, "aif"))
    assert Counter(n["type"] for n in written["nodes"]) == {"I": 3, "RA": 1, "MA": 1, "PA": 1}
    assert len(written["edges"]) == 6


def test_unknown_node_types_are_kept_with_a_note(tmp_path: Path) -> None:
    path = write_aif(
        tmp_path / "odd.json",
        [i_node("1", "C"), i_node("2", "P"), s_node("3", "RA"), s_node("4", "XX")],
        [edge("a", "2", "3"), edge("b", "3", "1"), edge("c", "4", "1")],
    )
    result = CliRunner().invoke(app, ["show", str(path), "--no-gaps"])
    assert result.exit_code == 0, result.output
    assert f"argmap: {path}: kept 1 of type 'XX' as metadata only" in result.stderr


def test_ova3_wrapped_aif_reads_and_writes_back(tmp_path: Path) -> None:
    data = {
        "AIF": {
            "nodes": [i_node("1", "C"), i_node("2", "P"), s_node("3", "RA")],
            "edges": [edge("a", "2", "3"), edge("b", "3", "1")],
            "locutions": [],
        },
        "OVA": {"firstname": "x"},
        "text": "C because P",
    }
    path = tmp_path / "ova.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    m = argmap.load(path)
    assert len(m.inferences) == 1
    written = json.loads(argmap.dumps(m, "aif"))
    assert written["OVA"] == {"firstname": "x"} and written["text"] == "C because P"
    assert written["AIF"]["locutions"] == []
    assert len(written["AIF"]["nodes"]) == 3


def test_native_fields_survive_a_trip_through_aif(tmp_path: Path) -> None:
    from conftest import FLAGSHIP

    m = argmap.load(FLAGSHIP)
    out = tmp_path / "flagship.aif.json"
    argmap.save(m, out)
    back = argmap.load(out)
    assert_same_graph(m, back)
    assert back.conclusion == m.conclusion and back.title == m.title
    assert back.source == m.source


AIF_ERRORS = {
    "missing-node": (
        [i_node("1", "C"), i_node("2", "P"), s_node("3", "RA")],
        [edge("e1", "2", "3"), edge("e2", "3", "9")],
        "9:37: edge 'e2' goes to node '9', which is not in 'nodes'",
    ),
    "ra-without-conclusion": (
        [i_node("1", "C"), i_node("2", "P"), s_node("3", "RA")],
        [edge("e1", "2", "3")],
        "5:5: RA node '3' has no conclusion: no edge goes from it to an I node",
    ),
    "ra-without-premise": (
        [i_node("1", "C"), s_node("3", "RA")],
        [edge("e2", "3", "1")],
        "4:5: RA node '3' has no premise: no edge comes into it from an I node",
    ),
    "ra-with-two-conclusions": (
        [i_node("1", "C"), i_node("2", "P"), i_node("4", "Q"), s_node("3", "RA")],
        [edge("e1", "2", "3"), edge("e2", "3", "1"), edge("e3", "3", "4")],
        "11:5: RA node '3' has 2 conclusions ('1', '4'): an inference node has exactly one",
    ),
    "id-is-a-list": (
        [i_node("1", "C"), {"nodeID": ["2"], "text": "P", "type": "I"}],
        [],
        "4:16: node 2 of 'nodes': 'nodeID' must be text or a number, not a list",
    ),
    "missing-type": (
        [i_node("1", "C"), {"nodeID": "2", "text": "P"}],
        [],
        "4:5: node '2': missing 'type'; expected one of I, RA, CA, MA, PA, L, YA, TA",
    ),
    "text-is-a-number": (
        [i_node("1", "C"), {"nodeID": "2", "text": 5, "type": "I"}],
        [],
        "4:21: node '2': 'text' must be text, not the number 5",
    ),
    "i-to-i": (
        [i_node("1", "C"), i_node("2", "P")],
        [edge("e1", "2", "1")],
        "7:5: edge 'e1' joins two I nodes ('2' -> '1'): AIF puts an RA or CA node between them",
    ),
    "duplicate-id": (
        [i_node("1", "C"), i_node(1, "P")],
        [],
        "4:6: duplicate node id '1' (first at node 1 of 'nodes')",
    ),
    "edge-without-from": (
        [i_node("1", "C")],
        [{"edgeID": "e1", "toID": "1"}],
        "6:5: edge 'e1' has no 'fromID'",
    ),
    "ra-concludes-ra": (
        [i_node("1", "C"), i_node("2", "P"), i_node("4", "Q"), s_node("3", "RA")]
        + [s_node("5", "RA")],
        [edge("e1", "2", "3"), edge("e2", "3", "1"), edge("e3", "4", "5"), edge("e4", "5", "3")],
        "13:5: RA node '5' concludes RA node '3': argmap maps inferences to an I node only "
        "(attack an inference with a CA node)",
    ),
    "bad-argmap-field": (
        [i_node("1", "C"), {"nodeID": "2", "text": "P", "type": "I", "argmap": {"kind": "x"}}],
        [],
        "4:57: node '2': kind: Input should be 'claim', 'evidence' or 'assumption'",
    ),
}


@pytest.mark.parametrize("case", sorted(AIF_ERRORS))
def test_malformed_aif_gives_one_error_line(tmp_path: Path, case: str) -> None:
    nodes, edges, message = AIF_ERRORS[case]
    path = write_aif(tmp_path / f"{case}.json", nodes, edges)
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:{message}\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]\n", "1:1: an AIF file is a JSON object with 'nodes' and 'edges', not a list"),
        (
            '{"nodes": [\n  {"nodeID": "1",}\n]}\n',
            "2:18: JSON syntax error: Expecting property name enclosed in double quotes",
        ),
        ('{"nodes": {"a": 1}, "edges": []}\n', "1:11: 'nodes' must be a list, not an object"),
        ('{"edges": []}\n', "1:1: missing key 'nodes': an AIF file lists its nodes under 'nodes'"),
    ],
)
def test_malformed_aif_documents(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.aif"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:{message}\n"


# --- a 10,000-deep chain -----------------------------------------------------------------------

DEEP = 10_000


def deep_chain(path: Path, n: int = DEEP) -> Path:
    """Statement i+1 supports statement i through RA node r{i}: a chain n statements deep."""
    nodes: list[dict[str, Any]] = [i_node(f"s{i}", f"Statement number {i}.") for i in range(n)]
    edges: list[dict[str, Any]] = []
    for i in range(n - 1):
        nodes.append(s_node(f"r{i}", "RA"))
        edges += [edge(f"a{i}", f"s{i + 1}", f"r{i}"), edge(f"b{i}", f"r{i}", f"s{i}")]
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    return path


def test_a_10000_deep_chain_loads_shows_and_converts(tmp_path: Path) -> None:
    path = deep_chain(tmp_path / "deep.json")
    m = argmap.load(path)  # recursion would fail here (its time is in make bench)
    assert m.conclusion == "s0" and m.depth() == DEEP - 1
    result = CliRunner().invoke(app, ["show", str(path), "--depth", "5", "--no-gaps"])
    assert result.exit_code == 0, result.output
    assert "Statement number 5." in result.stdout
    assert "Statement number 6." not in result.stdout
    for fmt in ("yaml", "json", "aif"):
        out = tmp_path / f"deep.out.{fmt}"
        result = CliRunner().invoke(app, ["convert", str(path), str(out), "--to", fmt])
        assert result.exit_code == 0, result.output
        back = argmap.load(out, fmt)
        assert back.conclusion == "s0"
        assert_same_graph(m, back)
    markdown = aif.read(path)
    assert argmap.dumps(markdown, "markdown").count("\n- ") == 1


# --- any input: a map or one clean error -------------------------------------------------------

_ids = st.one_of(st.sampled_from(["1", "2", "3", "4"]), st.integers(1, 4), st.none(), st.booleans())
_node = st.fixed_dictionaries(
    {
        "nodeID": _ids,
        "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "??"]) | st.none(),
    },
    optional={
        "text": st.one_of(st.text(max_size=5), st.integers(), st.none()),
        "scheme": st.one_of(st.text(max_size=5), st.integers()),
        "argmap": st.one_of(
            st.dictionaries(
                st.sampled_from(["kind", "at", "meta", "strength"]), st.text(max_size=3)
            ),
            st.integers(),
        ),
    },
)
_edge = st.fixed_dictionaries(
    {"fromID": _ids, "toID": _ids},
    optional={"edgeID": st.one_of(st.text(max_size=3), st.integers())},
)
_documents = st.one_of(
    st.fixed_dictionaries(
        {"nodes": st.lists(_node, max_size=8), "edges": st.lists(_edge, max_size=8)},
        optional={"argmap": st.dictionaries(st.sampled_from(["conclusion", "title"]), _ids)},
    ),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["nodes", "edges"]), st.integers() | st.text(max_size=3)),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=_documents)
def test_any_aif_document_reads_or_fails_cleanly(document: object, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    try:
        m = argmap.load(path, "aif")
    except argmap.ArgmapError as exc:
        assert str(exc).startswith(str(path))
        assert "\n" not in str(exc)
        return
    m.check()
    again = tmp_path / "again.json"
    again.write_text(argmap.dumps(m, "aif"), encoding="utf-8")
    assert_same_graph(m, argmap.load(again))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200))
def test_any_bytes_read_or_fail_cleanly(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bytes.aif"
    path.write_bytes(b'{"nodes": ' + data)
    with pytest.raises(argmap.ArgmapError):
        argmap.load(path)


def test_an_id_with_a_line_break_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nl.json"
    document = {"nodes": [], "edges": [{"fromID": "1", "toID": None, "edgeID": "a\nb"}]}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(argmap.ArgmapError) as caught:
        argmap.load(path, "aif")
    assert "\n" not in str(caught.value) and "edge 'a\\nb'" in str(caught.value)
