"""``argmap exercise``: the four files, blanks that hide exactly what was asked, no leaks, determinism."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.formats.markdown import escape
from argmap.model import ArgumentMap
from argmap.teaching.exercise import CATEGORIES, FILES, choose_blanks, make_exercise
from argmap.teaching.gap_kinds import STUDENT_KINDS
from argmap.teaching.grade import roles
from argmap.views.worksheet import worksheet_md
from argmap.views.worksheet_svg import _KIND_LABEL, ruled_lines


def run(*args: str, pdf: bool = False) -> tuple[int, str, str]:
    """``argmap exercise ARGS`` (without the PDF, which needs Chromium and takes seconds,
    unless ``pdf``)."""
    result = CliRunner().invoke(app, ["exercise", *args, *([] if pdf else ["--no-pdf"])])
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


#: The kind words a worksheet box may show (see argmap.views.worksheet_svg).
BOX_KINDS = set(_KIND_LABEL.values())
STATUSES = ("given", "draft", "accepted", "contested", "unsupported", "implicit")
#: A box's head as a reader sees it: its number (if any), its paragraph, its kind. An engine
#: may write it as one text or as several: the test reads them joined.
_HEAD = re.compile(
    r"(?:(\[\d+\]|\(\d+\))\s+)?(¶[^\s,]+(?:,\s*[^\s,]+)*)\s+("
    + "|".join(re.escape(k) for k in sorted(BOX_KINDS, key=len, reverse=True))
    + r")"
)
ENGINES_HERE = ["wasm"] + (["dot"] if shutil.which("dot") else [])


def _node_groups(svg: str) -> list[str]:
    return re.findall(r'<g id="[^"]*" class="node"[^>]*>(.*?)</g>', svg, re.S)


def svg_boxes(svg: str) -> list[list[str]]:
    """The visible texts of each node of the SVG, its head split into number, paragraph and
    kind (``["[3]", "¶5", "Reason"]``), then the rest of its text as one string."""
    boxes = []
    for group in _node_groups(svg):
        texts = [html.unescape(t).strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", group)]
        joined = " ".join(" ".join(t.split()) for t in texts if t)
        head = _HEAD.match(joined)
        if head is None:
            boxes.append([t for t in texts if t])
            continue
        rest = joined[head.end() :].strip()
        boxes.append([part for part in head.groups() if part] + ([rest] if rest else []))
    return boxes


def svg_texts(svg: str) -> list[str]:
    """Every visible text of the SVG, legend included."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def assert_no_ids_or_statuses(svg: str, m: ArgumentMap) -> None:
    ids = set(m.statements) | set(m.inferences)
    for text in svg_texts(svg):
        tokens = set(re.split(r"[\s,;:()\[\]·]+", text))
        assert not tokens & ids, (text, tokens & ids)
        assert not any(re.search(rf"\b{s}\b", text) for s in STATUSES if s not in ("implicit",)), (
            text
        )


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
        for name in ("worksheet.md", "worksheet.svg", "worksheet.html"):
            assert statement.text not in sheets[name], (name, statement.id)
            assert squash(statement.text) not in squash(sheets[name]), (name, statement.id)
            if name == "worksheet.md":  # elsewhere the number and anchor are apart
                assert label in sheets[name], (name, label)
        # in the outline, not even a run of six of its words (unless a shown statement has it too)
        words = statement.text.split()
        for i in range(max(0, len(words) - 5)):
            run_of_words = " ".join(words[i : i + 6])
            if run_of_words not in shown:
                assert run_of_words not in outline, (statement.id, run_of_words)
        # in the picture, the box holds its number, its paragraph and its kind, nothing else:
        # no word of the hidden text
        box = [b for b in svg_boxes(raw_svg) if b and b[0] == f"[{blank['blank']}]"]
        assert len(box) == 1, blank
        assert box[0][1:2] == [f"¶{statement.at}"] and len(box[0]) == 3, box[0]
        assert box[0][2] in BOX_KINDS, box[0]
    # no statement id, no status in any text of the picture, the legend included
    assert_no_ids_or_statuses(raw_svg, m)
    for statement in m.statements.values():
        if statement.note:
            for name in ("worksheet.md", "worksheet.svg", "worksheet.html"):
                assert squash(statement.note)[:60] not in squash(sheets[name])
    for gap in m.gaps:
        if gap.note:
            for name in ("worksheet.md", "worksheet.svg", "worksheet.html"):
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
    # a find-the-gaps sheet: the task and the students' vocabulary of gap kinds, no analyst's
    # kind name, no gap in the picture
    assert "Find the weak points" in sheet["worksheet.md"]
    assert "## Gaps you found" in sheet["worksheet.md"]
    for name, explanation in STUDENT_KINDS.items():
        assert (
            f"**{name}**" in sheet["worksheet.md"] and html.escape(name) in sheet["worksheet.html"]
        )
        assert explanation.split()[0] in sheet["worksheet.md"]
    for analyst in ("single-premise-leap", "hedge-mismatch", "single-source-chain", "non-sequitur"):
        for name in ("worksheet.md", "worksheet.svg", "worksheet.html"):
            assert analyst not in sheet[name], (name, analyst)
    # only the gaps annotated in the map are in the key, each with a student kind and a box
    found = argmap.find_gaps(m, severity="info")  # what exercise asks for
    annotated = {(g.node, g.name) for g in found if g.origin == "annotated"}
    assert {(g["node"], g["analyst_kind"]) for g in key["gaps"]} == annotated
    assert all(g["origin"] == "annotated" for g in key["gaps"])
    assert all(g["kind"] in STUDENT_KINDS for g in key["gaps"])
    kinds = {(g["node"], g["kind"]) for g in key["gaps"]}
    assert ("E9", "factual-error") in kinds and ("R6", "does-not-follow") in kinds
    assert all("box" in g for g in key["gaps"] if g["node"] in m.statements)


def test_detected_gaps_join_the_key_at_the_teachers_choice(tmp_path: Path) -> None:
    assert run(str(FLAGSHIP), "-o", str(tmp_path / "a"), "--blank", "gaps")[0] == 0
    code, _, stderr = run(
        str(FLAGSHIP), "-o", str(tmp_path / "b"), "--blank", "gaps", "--detected-gaps"
    )
    assert code == 0, stderr
    a, b = (
        yaml.safe_load((tmp_path / n / "answer-key.yaml").read_text(encoding="utf-8"))["gaps"]
        for n in "ab"
    )
    assert {g["origin"] for g in a} == {"annotated"}
    assert {g["origin"] for g in b} == {"annotated", "detected"}
    assert {(g["node"], g["analyst_kind"]) for g in a} < {(g["node"], g["analyst_kind"]) for g in b}
    # each detected gap goes into the key under a kind of the students' vocabulary
    detected = [g for g in b if g["origin"] == "detected"]
    assert detected and all(g["kind"] in STUDENT_KINDS for g in detected)


def test_find_the_gaps_alone_shows_every_statement_numbered(tmp_path: Path) -> None:
    code, _, _ = run(str(FLAGSHIP), "-o", str(tmp_path), "--blank", "gaps")
    assert code == 0
    m = argmap.load(FLAGSHIP)
    sheet = read_all(tmp_path)["worksheet.md"]
    for statement in m.statements.values():
        assert escape(statement.text) in sheet
        assert f"`{statement.id}`" not in sheet
    # every box of the picture is numbered, so that students can name it
    raw_svg = (tmp_path / "worksheet.svg").read_text(encoding="utf-8")
    numbered = [b[0] for b in svg_boxes(raw_svg) if b and re.fullmatch(r"\(\d+\)", b[0])]
    assert len(numbered) == len(m.connected()[0])
    assert_no_ids_or_statuses(raw_svg, m)


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


def test_a_missing_source_text_is_said_on_stderr(tmp_path: Path) -> None:
    text = FLAGSHIP.read_text(encoding="utf-8")
    moved = tmp_path / "map.yaml"
    moved.write_text(text.replace("text: iran-in-latin-america.txt", "text: gone.txt"), "utf-8")
    assert "text: gone.txt" in moved.read_text(encoding="utf-8")
    code, _, stderr = run(str(moved), "-o", str(tmp_path / "ws"))
    assert code == 0, stderr
    assert "argmap: the source text gone.txt was not found" in stderr
    page = (tmp_path / "ws" / "worksheet.html").read_text(encoding="utf-8")
    assert "The text is not included in this worksheet" in page
    # with its text, no notice
    code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path / "ok"))
    assert code == 0 and "source text" not in stderr


@pytest.mark.parametrize("engine", ENGINES_HERE)
def test_blank_boxes_are_sized_to_the_hidden_text(tmp_path: Path, engine: str) -> None:
    argmap.exercise(argmap.load(FLAGSHIP), tmp_path, seed=0, share=1, pdf=False, engine=engine)
    key = yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))
    svg = (tmp_path / "worksheet.svg").read_text(encoding="utf-8")
    boxes = list(zip(_node_groups(svg), svg_boxes(svg), strict=True))
    for blank in key["blanks"]:
        # the box headed [N]: its head, then one rule above each line to write on
        found = [group for group, box in boxes if box[:1] == [f"[{blank['blank']}]"]]
        assert len(found) == 1, blank
        assert found[0].count("<polyline") == ruled_lines(blank["text"]), blank
    lengths = sorted(key["blanks"], key=lambda b: len(b["text"]))
    assert ruled_lines(lengths[0]["text"]) < ruled_lines(lengths[-1]["text"])


@pytest.mark.parametrize("engine", ENGINES_HERE)
def test_the_worksheet_picture_shows_its_boxes_with_either_engine(
    tmp_path: Path, engine: str
) -> None:
    """Regression: the embedded engine drew the HTML-like boxes as bare node names."""
    m = argmap.load(FLAGSHIP)
    argmap.exercise(m, tmp_path, seed=7, pdf=False, engine=engine)
    key = yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))
    svg = (tmp_path / "worksheet.svg").read_text(encoding="utf-8")
    boxes = svg_boxes(svg)
    numbers = sorted(box[0] for box in boxes if box and box[0].startswith("["))
    assert numbers == sorted(f"[{b['blank']}]" for b in key["blanks"])
    # every statement not blanked is a box with its paragraph, its kind and its text (compared
    # without spaces: a line may break after a hyphen)
    shown = {
        "".join(box[-1].split())
        for box in boxes
        if box and box[0].startswith("¶") and len(box) == 3
    }
    hidden = {b["node"] for b in key["blanks"]}
    connected = m.connected()[0]
    for statement in m.statements.values():
        if statement.id not in hidden and statement.id in connected:
            assert "".join(statement.text.split()) in shown, statement.id
    assert "How to read this map" in " ".join(svg_texts(svg))
    assert_no_ids_or_statuses(svg, m)


def test_difficulty_sets_how_many_blanks(tmp_path: Path) -> None:
    counts = {}
    for level in ("easy", "medium", "hard"):
        code, _, stderr = run(str(FLAGSHIP), "-o", str(tmp_path / level), "--difficulty", level)
        assert code == 0, stderr
        key = yaml.safe_load((tmp_path / level / "answer-key.yaml").read_text(encoding="utf-8"))
        counts[level] = len(key["blanks"])
    assert counts["easy"] < counts["medium"] < counts["hard"]
    assert run(str(FLAGSHIP), "-o", str(tmp_path), "--difficulty", "extreme")[0] == 2


def test_the_print_page_and_its_pdf(tmp_path: Path) -> None:
    from argmap.views.printing import chromium

    if chromium() is None:
        pytest.skip("no Chromium to print the worksheet with")
    code, stdout, stderr = run(str(FLAGSHIP), "-o", str(tmp_path), "--seed", "2", pdf=True)
    assert code == 0, stderr
    assert f"wrote {tmp_path / 'worksheet.pdf'}" in stdout
    pdf = (tmp_path / "worksheet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page") > 3
    page = (tmp_path / "worksheet.html").read_text(encoding="utf-8")
    # instructions for students, the numbered text, the diagrams, the answer table
    assert "<h2>What to do</h2>" in page and "¶23</span>" in page
    assert page.count('<section class="diagram">') > 1  # the flagship is split by branches
    assert page.count('<td class="n">[') == len(
        yaml.safe_load((tmp_path / "answer-key.yaml").read_text(encoding="utf-8"))["blanks"]
    )
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        assert_no_ids_or_statuses(svg, argmap.load(FLAGSHIP))


def test_the_pdf_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    from argmap.views.printing import chromium

    if chromium() is None:
        pytest.skip("no Chromium to print the worksheet with")
    short = FLAGSHIP.parent / "school-uniforms.yaml"
    for name in "ab":
        assert run(str(short), "-o", str(tmp_path / name), pdf=True)[0] == 0
    first, second = ((tmp_path / n / "worksheet.pdf").read_bytes() for n in "ab")
    assert first == second and first.startswith(b"%PDF-")
