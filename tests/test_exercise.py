"""``argmap exercise``: the four files, blanks that hide exactly what was asked, no leaks, determinism."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.teaching.exercise import CATEGORIES, FILES, choose_blanks, make_exercise
from argmap.teaching.grade import roles
from argmap.views.worksheet import worksheet_md


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["exercise", *args])
    return result.exit_code, result.stdout, result.stderr


def read_all(folder: Path) -> dict[str, str]:
    out = {}
    for name in FILES:
        text = (folder / name).read_text(encoding="utf-8")
        # compare with the SVG as a reader sees it: entities decoded, Graphviz's line breaks joined
        out[name] = html.unescape(text) if name.endswith(".svg") else text
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


def without_source_text(worksheet_md: str) -> str:
    """The worksheet minus "## The text" (the source paragraphs are meant to be there)."""
    head, _, rest = worksheet_md.partition("## The text")
    return head + (rest[rest.index("## The map") :] if rest else "")


def svg_node_texts(svg: str, node: str) -> list[str]:
    """The visible text lines of one node of the SVG (Graphviz writes one <text> per line)."""
    group = re.search(rf'<g id="{re.escape(node)}" class="node[^"]*">(.*?)</g>\s*</g>', svg, re.S)
    assert group is not None, node
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", group.group(1))]


def assert_no_leaks(folder: Path, key: dict[str, object]) -> None:
    """No blanked statement's text (nor any analyst note) in any worksheet file."""
    m = argmap.load(FLAGSHIP)
    sheets = read_all(folder)
    raw_svg = (folder / "worksheet.svg").read_text(encoding="utf-8")
    outline = squash(without_source_text(sheets["worksheet.md"]))
    blanks = key["blanks"]
    assert isinstance(blanks, list)
    hidden = {b["node"] for b in blanks}
    shown = " | ".join(squash(s.text) for s in m.statements.values() if s.id not in hidden)
    for blank in blanks:
        statement = m.statements[blank["node"]]
        label = f"[{blank['blank']}] ¶{statement.at}" if statement.at else f"[{blank['blank']}]"
        for name in ("worksheet.md", "worksheet.svg"):
            assert statement.text not in sheets[name], (name, statement.id)
            assert squash(statement.text) not in squash(sheets[name]), (name, statement.id)
            assert label in sheets[name], (name, label)
        # in the outline, not even a run of six of its words (unless a shown statement has it too)
        words = statement.text.split()
        for i in range(max(0, len(words) - 5)):
            run_of_words = " ".join(words[i : i + 6])
            if run_of_words not in shown:
                assert run_of_words not in outline, (statement.id, run_of_words)
        # in the picture, the box holds the blank label and the id/anchor line, nothing else
        lines = svg_node_texts(raw_svg, statement.id)
        assert lines[0] == label and all(statement.id in line for line in lines[1:]), lines
    for statement in m.statements.values():
        if statement.note:
            for name in ("worksheet.md", "worksheet.svg"):
                assert squash(statement.note)[:60] not in squash(sheets[name])
    for gap in m.gaps:
        if gap.note:
            for name in ("worksheet.md", "worksheet.svg"):
                assert squash(gap.note)[:60] not in squash(sheets[name])


def test_flagship_worksheet_writes_the_four_files(tmp_path: Path) -> None:
    out = tmp_path / "class-1"
    code, stdout, stderr = run(str(FLAGSHIP), "-o", str(out), "--seed", "7")
    assert code == 0, stderr
    assert stdout.splitlines() == [f"wrote {out / name}" for name in FILES]
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    key = yaml.safe_load((out / "answer-key.yaml").read_text(encoding="utf-8"))
    assert key["exercise"] == {
        "map": str(FLAGSHIP),
        "blank": ["reasons", "evidence"],
        "seed": 7,
        "share": 0.5,
    }
    role = roles(argmap.load(FLAGSHIP))
    hidden = {b["node"] for b in key["blanks"]}
    assert {role[n] for n in hidden} == {"reason", "evidence"}
    reasons = [n for n, r in role.items() if r == "reason"]
    evidence = [n for n, r in role.items() if r == "evidence"]
    assert len(hidden) == round(len(reasons) / 2) + round(len(evidence) / 2)
    assert [b["blank"] for b in key["blanks"]] == list(range(1, len(hidden) + 1))
    assert_no_leaks(out, key)
    sheet = read_all(out)
    assert "## The text" in sheet["worksheet.md"] and "**¶16**" in sheet["worksheet.md"]
    assert "## Your answers" in sheet["worksheet.md"]
    assert sheet["worksheet.svg"].lstrip().startswith("<?xml")
    for blank in key["blanks"]:
        assert blank["text"] in sheet["answer-key.md"]
    # the shown statements are really shown
    m = argmap.load(FLAGSHIP)
    assert m.statements["C"].text in sheet["worksheet.md"]


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c != "gaps"])
def test_each_category_hides_only_its_statements(tmp_path: Path, category: str) -> None:
    code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path), "--blank", category, "--share", "1")
    assert code == 0, stderr
    key = yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))
    role = roles(argmap.load(FLAGSHIP))
    wanted = {"conclusion": "conclusion", "reasons": "reason", "evidence": "evidence"}.get(
        category, category.rstrip("s")
    )
    assert {b["node"] for b in key["blanks"]} == {n for n, r in role.items() if r == wanted}
    assert_no_leaks(tmp_path, key)


def test_everything_blanked_and_find_the_gaps(tmp_path: Path) -> None:
    blank = "conclusion,reasons,evidence,objections,assumptions,gaps"
    code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path), "--blank", blank, "--share", "1")
    assert code == 0, stderr
    key = yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))
    m = argmap.load(FLAGSHIP)
    assert len(key["blanks"]) == len(m.connected()[0])
    assert_no_leaks(tmp_path, key)
    sheet = read_all(tmp_path)
    # a find-the-gaps sheet: no gap highlighting in the picture, the task in the text
    assert 'class="node statement' in sheet["worksheet.svg"]
    assert " gap-" not in sheet["worksheet.svg"].split("</style>", 1)[1]
    assert "Find the gaps" in sheet["worksheet.md"] and "## Gaps you found" in sheet["worksheet.md"]
    kinds = {(g["node"], g["kind"]) for g in key["gaps"]}
    assert ("E9", "factual-error") in kinds and ("R6", "non-sequitur") in kinds
    assert "factual-error" not in sheet["worksheet.md"]


def test_find_the_gaps_alone_shows_every_statement(tmp_path: Path) -> None:
    code, _, _ = run(str(FLAGSHIP), "-o", str(tmp_path), "--blank", "gaps")
    assert code == 0
    sheet = read_all(tmp_path)["worksheet.md"]
    for statement in argmap.load(FLAGSHIP).statements.values():
        assert f"`{statement.id}`" in sheet


def test_same_seed_same_worksheet_other_seed_other_blanks(tmp_path: Path) -> None:
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        assert run(str(FLAGSHIP), "-o", str(tmp_path / name), "--seed", seed)[0] == 0
    a, b, c = (read_all(tmp_path / n) for n in "abc")
    assert a == b
    assert a["answer-key.yaml"] != c["answer-key.yaml"].replace("seed: 4", "seed: 3")


def test_only_its_own_files_are_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("teacher's notes\n", encoding="utf-8")
    (tmp_path / "worksheet.md").write_text("old\n", encoding="utf-8")
    assert run(str(FLAGSHIP), "-o", str(tmp_path))[0] == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "teacher's notes\n"
    assert (tmp_path / "worksheet.md").read_text(encoding="utf-8") != "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*FILES, "notes.txt"])


def test_bad_options(tmp_path: Path) -> None:
    # bad option values are usage errors (exit 2)
    code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path), "--blank", "reasons,foo")
    assert code == 2
    assert (
        "unknown --blank category 'foo'; choose from conclusion, reasons, evidence, "
        "objections, assumptions, gaps" in stderr
    )
    code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path), "--share", "0")
    assert code == 2 and "Invalid value for '--share': must be more than 0 and at most 1" in stderr
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    code, _, stderr = run(str(FLAGSHIP), "-o", str(afile))
    assert code == 1 and stderr == f"Error: {afile} is not a directory\n"
    assert list(tmp_path.iterdir()) == [afile]


def test_a_map_without_its_text_still_makes_a_worksheet(tmp_path: Path) -> None:
    m = argmap.load(FLAGSHIP)
    m.source_text = None
    ex = make_exercise(m, blank=("objections",), share=1)
    sheet = worksheet_md(ex)
    assert "## The text" not in sheet
    assert "Read the text your teacher gave you" in sheet
    assert [b.node for b in ex.blanks] == [
        b.node for b in choose_blanks(m, ("objections",), seed=0, share=1)
    ]


def test_markdown_special_characters_are_escaped() -> None:
    """The worksheet uses the one Markdown escaper; a "#" inside a line is no heading."""
    from argmap.formats.markdown import escape

    assert escape("a *b* _c_ [d](e) <f> | # `g`") == (
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\| # \\`g\\`"
    )


def test_the_leak_check_catches_a_leak(tmp_path: Path) -> None:
    assert run(str(FLAGSHIP), "-o", str(tmp_path), "--seed", "1")[0] == 0
    key = yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))
    node = key["blanks"][0]["node"]
    words = argmap.load(FLAGSHIP).statements[node].text.split()
    sheet = tmp_path / "worksheet.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + " ".join(words[1:8]), encoding="utf-8")
    with pytest.raises(AssertionError):
        assert_no_leaks(tmp_path, key)


def test_nothing_is_replaced_when_one_file_cannot_be(tmp_path: Path) -> None:
    out = tmp_path / "ws"
    first = CliRunner().invoke(app, ["exercise", str(FLAGSHIP), "-o", str(out), "--seed", "1"])
    assert first.exit_code == 0, first.output
    before = (out / "worksheet.md").read_text(encoding="utf-8")
    (out / "answer-key.md").unlink()
    (out / "answer-key.md").mkdir()
    second = CliRunner().invoke(app, ["exercise", str(FLAGSHIP), "-o", str(out), "--seed", "2"])
    assert second.exit_code == 1
    assert "answer-key.md: is a directory" in second.stderr
    assert (out / "worksheet.md").read_text(encoding="utf-8") == before
