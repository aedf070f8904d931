"""The arg-microtexts reader: all 89 corpus files against an independent reading of their XML.

The expected values (central claim, statement count, counts of each edge
type, linked premises) are derived here from the XML with plain
``xml.etree.ElementTree``, never through argmap's reader.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.model import InferenceKind, Role

MICRO = CORPUS / "microtexts"
FILES = sorted(MICRO.glob("*.xml")) if MICRO.is_dir() else []


def expected(path: Path) -> dict[str, object]:
    """What the XML itself says, read independently of argmap."""
    root = ET.parse(path).getroot()
    adus = {a.get("id"): a.get("type") for a in root.iter("adu")}
    edges = [e.attrib for e in root.iter("edge")]
    types = Counter(e["type"] for e in edges)
    sources = {e["src"] for e in edges if e["type"] != "seg"}
    central = [a for a in adus if a not in sources]
    by_id = {e["id"]: e for e in edges}
    # premises per inference: the edge's own source plus the sources of add edges joined to it
    premises: Counter[str] = Counter()
    for e in edges:
        if e["type"] in ("sup", "exa", "reb", "und"):
            premises[e["id"]] += 1
    for e in edges:
        if e["type"] == "add":
            target = e["trg"]
            while by_id[target]["type"] == "add":
                target = by_id[target]["trg"]
            premises[target] += 1
    texts = {e.get("id"): " ".join((e.text or "").split()) for e in root.iter("edu")}
    adu_text = {
        e["trg"]: texts[e["src"]] for e in edges if e["type"] == "seg" and e["src"] in texts
    }
    return {
        "central": central,
        "statements": len(adus),
        "opponents": sum(1 for t in adus.values() if t == "opp"),
        "supports": types["sup"] + types["exa"],
        "examples": types["exa"],
        "attacks": types["reb"],
        "undercuts": types["und"],
        "premises": sum(premises.values()),
        "linked": sum(1 for n in premises.values() if n > 1),
        "texts": adu_text,
        "paragraph": " ".join(texts.values()),
    }


def unanswered_opponent_attacks(path: Path) -> int:
    """Opponent attacks with neither a rebutting attack on the attacker nor an undercut of the attack."""
    root = ET.parse(path).getroot()
    role = {a.get("id"): a.get("type") for a in root.iter("adu")}
    edges = [e.attrib for e in root.iter("edge")]
    count = 0
    for e in edges:
        if e["type"] not in ("reb", "und") or role.get(e["src"]) != "opp":
            continue
        rebutted = any(x["type"] == "reb" and x["trg"] == e["src"] for x in edges)
        undercut = any(x["type"] == "und" and x["trg"] == e["id"] for x in edges)
        if not rebutted and not undercut:
            count += 1
    return count


@needs_corpus
def test_the_corpus_has_89_microtexts() -> None:
    assert len(FILES) == 89


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_microtext_matches_its_xml(path: Path) -> None:
    want = expected(path)
    m = argmap.load(path)
    assert want["central"] == [m.conclusion]
    assert len(m.statements) == want["statements"]
    kinds = Counter(i.kind for i in m.inferences.values())
    assert kinds[InferenceKind.SUPPORT] == want["supports"]
    assert kinds[InferenceKind.ATTACK] == want["attacks"]
    assert kinds[InferenceKind.UNDERCUT] == want["undercuts"]
    assert sum(1 for i in m.inferences.values() if i.example) == want["examples"]
    assert sum(len(i.premises) for i in m.inferences.values()) == want["premises"]
    assert sum(1 for i in m.inferences.values() if len(i.premises) > 1) == want["linked"]
    assert sum(1 for s in m.statements.values() if s.role is Role.OPPONENT) == want["opponents"]
    texts = want["texts"]
    assert isinstance(texts, dict)
    assert {sid: s.text for sid, s in m.statements.items()} == texts
    assert all(s.at == "1" for s in m.statements.values())
    assert m.paragraphs() == [want["paragraph"]]
    m.check()
    # every undercut attacks an inference, and the map's tree reaches every statement
    statements, _ = m.connected()
    assert statements == set(m.statements)


@needs_corpus
def test_b001_in_detail() -> None:
    """micro_b001: an opponent's rebuttal, supported, undercut by two linked premises (add)."""
    m = argmap.load(MICRO / "micro_b001.xml")
    assert m.conclusion == "a5"
    assert m.statements["a1"].role is Role.OPPONENT
    assert m.statements["a5"].role is Role.PROPONENT
    c1, c2, c3 = m.inferences["c1"], m.inferences["c2"], m.inferences["c3"]
    assert (c1.premises, c1.target, c1.kind) == (["a1"], "a5", InferenceKind.ATTACK)
    assert (c2.premises, c2.target, c2.kind) == (["a2"], "a1", InferenceKind.SUPPORT)
    assert (c3.premises, c3.target, c3.kind) == (["a3", "a4"], "c1", InferenceKind.UNDERCUT)
    assert "c4" not in m.inferences  # the add edge joined c3
    assert m.title == "micro_b001 (waste separation)"
    assert m.meta["microtexts"] == {
        "id": "micro_b001",
        "topic_id": "waste_separation",
        "stance": "pro",
    }


@needs_corpus
def test_example_support_is_marked() -> None:
    files = [p for p in FILES if 'type="exa"' in p.read_text(encoding="utf-8")]
    assert files
    for path in files:
        m = argmap.load(path)
        examples = [i for i in m.inferences.values() if i.example]
        assert examples and all(i.kind is InferenceKind.SUPPORT for i in examples)


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unanswered_objections_match_the_xml(path: Path) -> None:
    """S003 reports exactly the opponent attacks that nothing rebuts or undercuts."""
    gaps_module = pytest.importorskip("argmap.analysis.gaps", reason="the gap rules are not there")
    if "S003" not in {entry.code for entry in gaps_module.catalogue()}:
        pytest.skip("the gap rule S003 unanswered-objection does not exist yet")
    m = argmap.load(path)
    found = argmap.api.find_gaps(m, select=["S003"])
    assert len(found) == unanswered_opponent_attacks(path)


@needs_corpus
def test_conclusion_option_overrides_the_central_claim() -> None:
    result = CliRunner().invoke(
        app, ["show", str(MICRO / "micro_b001.xml"), "--conclusion", "a1", "--no-gaps"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("◆ CONCLUSION: Yes, it's annoying")


# --- malformed files: one exact error line each ------------------------------------------------

GOOD_HEAD = '<?xml version="1.0"?>\n<arggraph id="t1">\n'
EDUS = '  <edu id="e1">Claim.</edu>\n  <edu id="e2">Reason.</edu>\n'
ADUS = '  <adu id="a1" type="pro"/>\n  <adu id="a2" type="pro"/>\n'
SEGS = (
    '  <edge id="c1" src="e1" trg="a1" type="seg"/>\n'
    '  <edge id="c2" src="e2" trg="a2" type="seg"/>\n'
)

BAD = {
    "syntax": (
        GOOD_HEAD + EDUS + "  <adu id='a1' type='pro'>\n</arggraph>\n",
        "6:3: XML syntax error: mismatched tag",
    ),
    "not-arggraph": (
        '<?xml version="1.0"?>\n<graph/>\n',
        "2:1: expected an <arggraph> element (an arg-microtexts file), found <graph>",
    ),
    "entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE arggraph [\n <!ENTITY lol "lol">\n]>\n<arggraph id="x"/>\n',
        "3:2: entity declarations (<!ENTITY ...>) are not allowed in a microtexts file "
        "(they could expand without limit or reach outside the file)",
    ),
    "unknown-edge-type": (
        GOOD_HEAD
        + EDUS
        + ADUS
        + SEGS
        + '  <edge id="c3" src="a2" trg="a1" type="foo"/>\n</arggraph>\n',
        "9:3: edge 'c3' has type 'foo'; expected one of seg, sup, exa, add, reb, und",
    ),
    "missing-target": (
        GOOD_HEAD
        + EDUS
        + ADUS
        + SEGS
        + '  <edge id="c3" src="a2" trg="a9" type="sup"/>\n</arggraph>\n',
        "9:3: edge 'c3': trg 'a9' is not an id of the file",
    ),
    "undercut-of-a-statement": (
        GOOD_HEAD
        + EDUS
        + ADUS
        + SEGS
        + '  <edge id="c3" src="a2" trg="a1" type="und"/>\n</arggraph>\n',
        "9:3: und edge 'c3' must point at an argument edge, not 'a1'",
    ),
    "bad-role": (
        GOOD_HEAD + EDUS + '  <adu id="a1" type="con"/>\n</arggraph>\n',
        "5:3: adu 'a1' has type 'con'; expected pro or opp",
    ),
    "duplicate-id": (
        GOOD_HEAD + EDUS + '  <adu id="e1" type="pro"/>\n</arggraph>\n',
        "5:3: duplicate id 'e1' (first used at line 3)",
    ),
    "no-text": (
        GOOD_HEAD + EDUS + ADUS + '  <edge id="c1" src="e1" trg="a1" type="seg"/>\n</arggraph>\n',
        "6:3: adu 'a2' has no text: no seg edge from an <edu> reaches it",
    ),
    "missing-attribute": (
        GOOD_HEAD + EDUS + ADUS + SEGS + '  <edge id="c3" src="a2" type="sup"/>\n</arggraph>\n',
        "9:3: <edge> needs a 'trg' attribute",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_malformed_microtexts_give_one_error_line(tmp_path: Path, case: str) -> None:
    content, message = BAD[case]
    path = tmp_path / f"{case}.xml"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:{message}\n"
    assert result.stdout == ""


def test_billion_laughs_is_refused_before_expanding(tmp_path: Path) -> None:
    entities = "".join(
        f' <!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">\n' for i in range(10)
    )
    path = tmp_path / "laughs.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE arggraph [\n{entities}]>\n<arggraph id="x">&l9;</arggraph>\n',
        encoding="utf-8",
    )
    with pytest.raises(argmap.ArgmapError, match="entity declarations"):
        argmap.load(path)


def test_external_entities_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read", encoding="utf-8")
    path = tmp_path / "external.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE arggraph [\n <!ENTITY x SYSTEM "file://{secret}">\n]>\n'
        '<arggraph id="x"><edu id="e1">&x;</edu></arggraph>\n',
        encoding="utf-8",
    )
    with pytest.raises(argmap.ArgmapError, match="entity declarations"):
        argmap.load(path)


def test_a_joint_of_edus_makes_one_statement(tmp_path: Path) -> None:
    path = tmp_path / "joint.xml"
    path.write_text(
        GOOD_HEAD
        + EDUS
        + '  <edu id="e3">And more.</edu>\n  <joint id="j1"/>\n'
        + ADUS
        + '  <edge id="c1" src="e1" trg="a1" type="seg"/>\n'
        + '  <edge id="c2" src="e2" trg="j1" type="seg"/>\n'
        + '  <edge id="c3" src="e3" trg="j1" type="seg"/>\n'
        + '  <edge id="c4" src="j1" trg="a2" type="seg"/>\n'
        + '  <edge id="c5" src="a2" trg="a1" type="sup"/>\n</arggraph>\n',
        encoding="utf-8",
    )
    m = argmap.load(path)
    assert m.statements["a2"].text == "Reason. And more."
    assert m.conclusion == "a1"


def test_two_central_claims_are_chosen_between_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "two.xml"
    path.write_text(GOOD_HEAD + EDUS + ADUS + SEGS + "</arggraph>\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--no-gaps"])
    assert result.exit_code == 0
    assert "2 ADUs have no outgoing edge" in result.stderr
    assert "main conclusion 'a1'" in result.stderr
    assert result.stdout.startswith("◆ CONCLUSION: Claim.")


# --- any input: a map or one clean error -------------------------------------------------------

_ids = st.sampled_from(["e1", "e2", "a1", "a2", "a3", "c1", "c2", "c3", "j1", "zz", ""])
_element = st.one_of(
    st.builds(
        lambda i, t: f'<edu id="{i}">{t}</edu>', _ids, st.sampled_from(["Text.", "", "&amp;"])
    ),
    st.builds(
        lambda i, t: f'<adu id="{i}" type="{t}"/>', _ids, st.sampled_from(["pro", "opp", "x"])
    ),
    st.builds(lambda i: f'<joint id="{i}"/>', _ids),
    st.builds(
        lambda i, s, t, k: f'<edge id="{i}" src="{s}" trg="{t}" type="{k}"/>',
        _ids,
        _ids,
        _ids,
        st.sampled_from(["seg", "sup", "exa", "add", "reb", "und", "bad"]),
    ),
    st.sampled_from(["<other/>", "<edge/>", "<adu/>", "<", "&x;", "<!-- c -->"]),
)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(elements=st.lists(_element, max_size=12))
def test_any_arggraph_reads_or_fails_cleanly(elements: list[str], tmp_path: Path) -> None:
    path = tmp_path / "fuzz.xml"
    path.write_text('<arggraph id="f">' + "".join(elements) + "</arggraph>", encoding="utf-8")
    try:
        m = argmap.load(path)
    except argmap.ArgmapError as exc:
        assert str(exc).startswith(str(path))
        assert "\n" not in str(exc)
        return
    m.check()
    assert m.conclusion in m.statements


def test_implicit_edus_become_implicit_statements(tmp_path: Path) -> None:
    """Part 2 of the corpus: an EDU with implicit="true" is a reconstructed, unstated claim."""
    path = tmp_path / "implicit.xml"
    path.write_text(
        GOOD_HEAD
        + '  <edu id="e1">Claim.</edu>\n  <edu id="e2" implicit="true">Unstated premise.</edu>\n'
        + ADUS
        + SEGS
        + '  <edge id="c3" src="a2" trg="a1" type="sup"/>\n</arggraph>\n',
        encoding="utf-8",
    )
    m = argmap.load(path)
    assert m.statements["a2"].implicit is True
    assert m.statements["a2"].is_assumption
    assert m.statements["a2"].at is None
    assert m.statements["a1"].implicit is False
    assert m.source_text == "Claim.\n"  # the reconstruction is not part of the text
