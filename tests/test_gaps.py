"""``argmap gaps`` and ``argmap.find_gaps``: the flagship's gaps, selection, formats, exit codes, docs."""

from __future__ import annotations

import json
import re
import shlex
import textwrap
from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS, ROOT
from typer.testing import CliRunner

import argmap
from argmap.analysis.base import Gap
from argmap.analysis.evaluate import BASIS_RATINGS
from argmap.analysis.gaps import (
    catalogue,
    catalogue_markdown,
    find_gaps,
    gap_report,
    selected,
    unknown_selectors,
)
from argmap.cli import app
from argmap.model import ArgumentMap, Inference, Severity, Statement

DOC = ROOT / "docs" / "gaps.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["gaps", *args])
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text("argmap: 1\n" + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def flagship() -> list[Gap]:
    return argmap.find_gaps(argmap.load(FLAGSHIP))


def detected(gaps: list[Gap], code: str) -> dict[str, tuple[int, ...]]:
    return {g.node: g.at for g in gaps if g.code == code and g.origin == "detected"}


# --- the flagship map: what the rules must find by themselves ----------------------------------


def test_flagship_unanswered_objection_of_paragraphs_20_to_22(flagship: list[Gap]) -> None:
    assert detected(flagship, "S003")["O1"] == (20, 21, 22)


def test_flagship_unnamed_western_sources(flagship: list[Gap]) -> None:
    gap = next(g for g in flagship if g.code == "Q001" and g.node == "E13")
    assert gap.at == (13,) and "Western sources" in gap.message


def test_flagship_hedged_cargo_evidence(flagship: list[Gap]) -> None:
    gap = next(g for g in flagship if g.code == "T001" and g.node == "E14")
    assert gap.at == (14,) and '"suspected", "possibly"' in gap.message


def test_flagship_proven_overclaim_is_covered_by_the_annotation(flagship: list[Gap]) -> None:
    assert not [g for g in flagship if g.code == "T002" and g.node == "E16"]
    report = gap_report(argmap.load(FLAGSHIP))
    gap = next(g for g in report.covered if g.code == "T002" and g.node == "E16")
    assert gap.at == (16,) and '"proven"' in gap.message and gap.covered_by == "overstated"
    assert "E16" in {g.node for g in flagship if g.name == "overstated"}


def test_flagship_vague_quantifiers(flagship: list[Gap]) -> None:
    paragraphs = {p for at in detected(flagship, "T003").values() for p in at}
    assert {12, 13} & paragraphs and 18 in paragraphs
    assert "R5.4" in detected(flagship, "T003")  # "a number of terrorist groups"


def test_flagship_unsupported_claims(flagship: list[Gap]) -> None:
    # O2 and U1 are the reader's reconstructed objections: not the author's fault
    assert set(detected(flagship, "S001")) == {"R2.1", "R2.2", "R3.1", "R5.1", "R5.3"}


def test_flagship_stale_2017_report_is_the_annotations(flagship: list[Gap]) -> None:
    assert "E16" not in detected(flagship, "Q003")
    everything = find_gaps(argmap.load(FLAGSHIP), everything=True)
    [gap] = [g for g in everything if g.code == "Q003" and g.node == "E16"]
    assert gap.at == (16,) and gap.covered_by == "stale-evidence"


def test_flagship_no_detected_gap_repeats_an_annotated_one(flagship: list[Gap]) -> None:
    from argmap.analysis.base import annotated_kind

    annotated: dict[str, set[str]] = {}
    for g in flagship:
        if g.origin == "annotated":
            annotated.setdefault(g.node, set()).update(annotated_kind(g.name).covers, {g.name})
    repeats = [
        (g.node, g.code)
        for g in flagship
        if g.origin == "detected" and {g.code, g.name} & annotated.get(g.node, set())
    ]
    assert repeats == []


def test_flagship_no_unanswered_objection_on_a_reconstruction(flagship: list[Gap]) -> None:
    m = argmap.load(FLAGSHIP)
    everything = find_gaps(m, everything=True)
    reconstructed = {sid for sid, s in m.statements.items() if s.reconstructed}
    assert {"O2", "U1"} <= reconstructed
    assert not [g for g in everything if g.code == "S003" and g.node in reconstructed]
    assert {g.node for g in everything if g.code == "S008"} == {"O2", "U1"}


def test_flagship_default_profile_flags_at_most_half_the_statements(flagship: list[Gap]) -> None:
    m = argmap.load(FLAGSHIP)
    flagged = {g.node for g in flagship if g.node in m.statements}
    assert 2 * len(flagged) <= len(m.statements)
    assert all(g.severity is not Severity.INFO for g in flagship)


def test_flagship_annotations_are_kept(flagship: list[Gap]) -> None:
    e9 = [g for g in flagship if g.node == "E9" and g.origin == "annotated"]
    assert [(g.code, g.name) for g in e9] == [("A002", "factual-error"), ("A005", "misattribution")]
    assert "[record: US Treasury press release HP-1231" in e9[0].message


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_passes_gaps_without_a_crash(path: Path) -> None:
    code, out, _ = run(str(path), "--format", "json")
    assert code == 0
    assert all(item["file"] == str(path) for item in json.loads(out))


# --- the API: selection, order ------------------------------------------------------------------


def test_select_by_prefix_name_family_and_origin(flagship: list[Gap]) -> None:
    m = argmap.load(FLAGSHIP)
    assert {g.code[0] for g in argmap.find_gaps(m, select=["S"])} == {"S"}
    assert {g.code for g in argmap.find_gaps(m, select=["unanswered-objection"])} == {"S003"}
    assert {g.origin for g in argmap.find_gaps(m, select=["annotated"])} == {"annotated"}
    assert {g.origin for g in argmap.find_gaps(m, select=["detected"])} == {"detected"}
    quality = argmap.find_gaps(m, select=["quality"])
    assert quality and {g.code[0] for g in quality} == {"Q"}
    without = argmap.find_gaps(
        m, select=["S", "t"], ignore=["S004", "vague-quantifier"], everything=True
    )
    assert {g.code for g in without} == {"S001", "S003", "S008", "T001", "T002"}
    # an annotated kind that shares a rule's name is selected with it
    stale = argmap.find_gaps(m, select=["stale-evidence"], everything=True)
    assert {(g.code, g.origin) for g in stale} == {("Q003", "detected"), ("A010", "annotated")}
    assert {g.code[0] for g in argmap.find_gaps(m, select=["schemes"], everything=True)} == {"K"}
    assert len(argmap.find_gaps(m)) == len(flagship)


def test_severity_profiles(flagship: list[Gap]) -> None:
    m = argmap.load(FLAGSHIP)
    errors = argmap.find_gaps(m, severity="error")
    assert errors and {g.severity for g in errors} == {Severity.ERROR}
    assert argmap.find_gaps(m, severity="warning") == flagship
    info = argmap.find_gaps(m, severity="info")
    everything = argmap.find_gaps(m, everything=True)
    assert len(errors) < len(flagship) < len(info) < len(everything)
    assert {g.covered_by for g in everything} - {None} == {
        "stale-evidence",
        "overstated",
        "unverifiable",
    }
    assert all(g.covered_by is None for g in info)


def test_selected_and_unknown_selectors() -> None:
    assert selected("S003", "unanswered-objection", ["s00"], [])
    assert not selected("S003", "unanswered-objection", ["S003"], ["S"])
    assert selected("A002", "factual-error", ["FACTUAL-ERROR"], [], "annotated")
    assert unknown_selectors(
        ["S", "Q003", "factual-error", "anything-kebab", "Z", "S9", "a b"]
    ) == [
        "Z",
        "S9",
        "a b",
    ]


def test_gaps_come_in_tree_order() -> None:
    m = argmap.load(FLAGSHIP)
    order = [e.node for e in m.tree()]
    position = {node: order.index(node) for node in dict.fromkeys(order)}
    gaps = argmap.find_gaps(m)
    positions = [position[g.node] for g in gaps]
    assert positions == sorted(positions)


def test_a_10000_deep_chain_runs_every_rule() -> None:
    m = ArgumentMap(conclusion="s0")
    for i in range(10_000):
        m.add_statement(Statement(id=f"s{i}", text=f"Claim number {i} holds."))
        if i:
            m.add_inference(Inference(id=f"i{i}", premises=[f"s{i}"], target=f"s{i - 1}"))
    m.add_inference(Inference(id="back", premises=["s0"], target="s9999"))
    gaps = argmap.find_gaps(m)  # recursion would fail here (the rules' time is in make bench)
    circle = [g for g in gaps if g.code == "S005"]
    assert len(circle) == 1 and circle[0].message.startswith("s0: circular support: s0 supports")
    assert "…" in circle[0].message


# --- the command: formats, several files, exit codes --------------------------------------------


def test_text_report(tmp_path: Path) -> None:
    code, out, _ = run(str(FLAGSHIP))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == str(FLAGSHIP)
    assert lines[1].split() == ["code", "severity", "node", "¶", "message"]
    assert re.match(
        r"^\d+ gaps: \d+ errors, \d+ warnings, \d+ info \(\d+ detected, \d+ annotated\)$", lines[-3]
    )
    assert lines[-2] == (
        "Not shown: 3 detected gaps that an annotated gap on the same node covers (E14 Q001 by "
        "unverifiable, E16 Q003 by stale-evidence, E16 T002 by overstated); --all shows them."
    )
    assert re.match(r"^Not shown: \d+ gaps below the severity threshold", lines[-1])
    o1 = next(line for line in lines if line.startswith("S003") and " O1 " in line)
    assert o1.split()[:4] == ["S003", "error", "O1", "20-22"]
    assert o1.endswith("O1: objection that attacks C is never answered")


def test_several_files_one_report_each_then_a_total(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.yaml", "conclusion: {id: C, text: We act., given: true}\n")
    code, out, _ = run(str(clean), str(MAPS / "school-uniforms.yaml"), "--select", "Q002", "--all")
    assert code == 0
    assert out == (
        f"{clean}\nNo gaps found.\n\n"
        f"{MAPS / 'school-uniforms.yaml'}\n"
        "code  severity  node  ¶  message\n"
        "Q002  info      E2    3  E2: weak basis for evidence: anecdote [covered by the annotated "
        "hasty-generalisation]\n"
        "Q002  info      E3    4  E3: weak basis for evidence: common-belief [covered by the "
        "annotated weak-basis]\n"
        "2 gaps: 0 errors, 0 warnings, 2 info (2 detected, 0 annotated)\n\n"
        "Total: 2 gaps in 2 files: 0 errors, 0 warnings, 2 info (2 detected, 0 annotated)\n"
    )


def test_gaps_wraps_its_table_to_the_terminal_width() -> None:
    from argmap.api import gaps_batch
    from argmap.views.gaps_report import plain_text

    results = gaps_batch([FLAGSHIP], on_error=print)
    for width in (36, 60, 80, 120):
        lines = plain_text(results, width).splitlines()[1:]  # after the file's name
        assert max(len(line) for line in lines) <= width
        words = " ".join(plain_text(results, width).split())
        assert "OFAC designated BID (with its owner EDBI)" in words  # no word split
    unwrapped = plain_text(results).splitlines()
    assert max(len(line) for line in unwrapped) > 120


def test_json_is_one_flat_list_with_files(tmp_path: Path) -> None:
    other = MAPS / "linked-undercut.yaml"
    code, out, _ = run(str(FLAGSHIP), str(other), "--format", "json", "--all")
    assert code == 0
    items = json.loads(out)
    assert {item["file"] for item in items} == {str(FLAGSHIP), str(other)}
    for item in items:
        assert set(item) == {
            "code",
            "name",
            "severity",
            "node",
            "at",
            "message",
            "hint",
            "origin",
            "file",
        } | ({"covered_by"} if "covered_by" in item else set())
        assert all(isinstance(p, int) for p in item["at"])
        assert item["origin"] in ("detected", "annotated")
    e9 = next(i for i in items if i["node"] == "E9" and i["code"] == "A002")
    assert e9["name"] == "factual-error" and e9["at"] == [9]
    assert "OFAC designated BID" in e9["message"]


def test_json_of_nothing_is_an_empty_list(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.yaml", "conclusion: {id: C, text: We act., given: true}\n")
    assert run(str(clean), "--format", "json") == (0, "[]\n", "")


def test_markdown_report() -> None:
    code, out, _ = run(
        str(MAPS / "school-uniforms.yaml"), "--select", "T", "--format", "markdown", "--all"
    )
    assert code == 0
    assert out == (
        f"## {MAPS / 'school-uniforms.yaml'}\n\n"
        "| code | severity | node | ¶ | message |\n"
        "|---|---|---|---|---|\n"
        '| `T002` | warning | `E3` | 4 | E3: overclaim ("everyone knows") over weak support: '
        "common-belief evidence, rated none \\[covered by the annotated weak-basis\\] |\n\n"
        "1 gap: 0 errors, 1 warning, 0 info (1 detected, 0 annotated)\n"
    )


@pytest.mark.parametrize(
    ("fail_on", "select", "status"),
    [
        ("never", "", 0),
        ("error", "", 1),
        ("error", "Q002", 0),
        ("warning", "T003", 1),
        ("warning", "Q002", 0),
        ("info", "Q002", 0),  # the default profile reports no info gap
    ],
)
def test_fail_on(fail_on: str, select: str, status: int) -> None:
    args = [str(FLAGSHIP), "--fail-on", fail_on]
    if select:
        args += ["--select", select]
    assert run(*args)[0] == status


def test_fail_on_covers_every_file(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.yaml", "conclusion: {id: C, text: We act., given: true}\n")
    assert run(str(clean), "--fail-on", "info")[0] == 0
    assert run(str(clean), str(FLAGSHIP), "--fail-on", "error", "--format", "json")[0] == 1


def test_a_bad_file_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nconclusion: {id: C}\n")
    code, out, err = run(str(bad), str(MAPS / "school-uniforms.yaml"), "--select", "A")
    assert code == 1
    assert err.startswith(f"Error: {bad}:2:")
    assert "E2: hasty generalisation" in out


def test_unknown_selector_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["gaps", str(FLAGSHIP), "--select", "Z9"])
    assert result.exit_code == 2
    assert "unknown gap code or name 'Z9'" in result.output


def test_every_format_and_fail_on_choice_works() -> None:
    from argmap.cli import FailOn, GapFormat

    for fmt in GapFormat:
        for fail_on in FailOn:
            code, out, _ = run(
                str(MAPS / "school-uniforms.yaml"),
                "--format",
                fmt.value,
                "--fail-on",
                fail_on.value,
            )
            assert code == (1 if fail_on.value in ("warning", "info") else 0), (fmt, fail_on)
            assert out


# --- the documentation --------------------------------------------------------------------------


@pytest.mark.parametrize("path", [DOC, ROOT / "README.md"], ids=lambda p: p.name)
def test_docs_hold_the_catalogue_generated_from_the_code(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(
        "<!-- catalogue: generated by argmap.analysis.gaps.catalogue_markdown() -->\n"
    )
    block = text[start:].split("\n", 1)[1].split("<!-- end catalogue -->", 1)[0]
    assert block == catalogue_markdown(), "regenerate the table with catalogue_markdown()"
    assert {row.code for row in catalogue()} <= set(re.findall(r"`([SQTKA]\d{3})`", block))


def test_readme_examples_are_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Finding gaps", 1)[1]
    console = section.split("```console\n", 1)[1].split("```", 1)[0]
    runs = console.split("$ argmap ")[1:]
    assert len(runs) == 2
    command, shown = runs[0].split("\n", 1)
    assert CliRunner().invoke(app, shlex.split(command)).stdout == shown
    command, shown = runs[1].split("\n", 1)
    command = command.removesuffix(" | tail -1")
    last = CliRunner().invoke(app, shlex.split(command)).stdout.splitlines()[-1]
    assert last + "\n" == shown


def test_docs_examples_are_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = DOC.read_text(encoding="utf-8")
    examples = re.findall(
        r"<!-- example: argmap (.+?) -->\n```(?:json)?\n(.*?)```", text, re.DOTALL
    )
    assert len(examples) == 2
    for command, shown in examples:
        result = CliRunner().invoke(app, shlex.split(command))
        assert result.exit_code == 0
        assert result.stdout == shown, command


def test_docs_rating_table_matches_the_defaults() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- ratings: argmap.analysis.evaluate.BASIS_RATINGS -->", 1)[1]
    rows = re.findall(r"^\| (.+?) \| (solid|shaky|none) \|$", table, re.MULTILINE)
    documented = {b: r for bases, r in rows for b in re.findall(r"`([a-z-]+)`", bases)}
    assert documented == {b.value: r.value for b, r in BASIS_RATINGS.items()}


def test_docs_quote_the_flagship_explanation() -> None:
    from argmap.api import evaluate

    result = evaluate(argmap.load(FLAGSHIP))
    line = f"The conclusion C is contested (OUT): {result.reasons['C']}."
    assert line in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["gaps", "show"])
def test_a_misspelt_name_is_a_usage_error_not_a_clean_report(command: str) -> None:
    """`--select unanswered` matches nothing: with --fail-on that would pass CI silently."""
    result = CliRunner().invoke(
        app,
        [command, str(FLAGSHIP), "--select", "unanswered", "--fail-on", "info"][
            : 4 if command == "show" else 6
        ],
    )
    assert result.exit_code == 2
    assert "no gap rule, family or annotated kind is called 'unanswered'" in result.stderr
    assert "did you mean 'unanswered-objection'?" in result.stderr


def test_a_kind_annotated_in_the_map_is_a_valid_name() -> None:
    result = CliRunner().invoke(app, ["gaps", str(FLAGSHIP), "--select", "unverifiable"])
    assert result.exit_code == 0, result.output
    assert "2 gaps" in result.stdout
