"""The teaching docs agree with the code: scoring weights, grading weights, the measured accuracy."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from test_cues_corpus import PINNED_HITS
from typer.testing import CliRunner

from argmap.cli import app
from argmap.teaching import grade
from argmap.teaching.cues import WEIGHTS, signed

DOC = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")


def test_readme_has_the_teaching_section() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Teaching with argmap", 1)[1]
    for step in ("argmap exercise", "argmap new --from", "argmap grade", "argmap quiz"):
        assert step in section
    assert "docs/teaching.md" in section


def test_the_scoring_table_lists_every_feature_with_its_weight() -> None:
    for name, weight in WEIGHTS.items():
        row = next(line for line in DOC.splitlines() if f"`{name}`" in line and "|" in line)
        assert signed(weight) in row, name


def test_the_grading_weights_and_thresholds_are_the_documented_ones() -> None:
    from argmap.teaching import align

    assert "Conclusion 20, reasons 25, evidence 20, structure 20, gaps 15" in DOC
    assert list(grade.WEIGHTS.values()) == [20.0, 25.0, 20.0, 20.0, 15.0]
    assert (align.ANCHOR_WEIGHT, align.TEXT_WEIGHT, align.KIND_WEIGHT) == (0.40, 0.50, 0.10)
    assert "`score = 0.40 × anchor + 0.50 × text + 0.10 × kind`" in DOC
    assert (align.THRESHOLD, align.MIN_TEXT_ANCHORED, align.MIN_TEXT) == (0.30, 0.18, 0.34)
    assert "at least 0.30\nand its text similarity at least 0.18" in DOC
    assert "paragraph, 0.34\notherwise" in DOC
    assert align.PARENT_BONUS == 0.10 and "gets 0.10 more" in DOC


def test_the_documented_accuracy_is_the_pinned_one() -> None:
    assert f"**{PINNED_HITS}/89 = {PINNED_HITS / 89:.1%}**" in DOC


def _markdown_blocks(section: str) -> list[str]:
    return re.findall(r"```markdown\n(.*?)```", section, flags=re.DOTALL)


def test_the_worksheet_and_key_excerpts_are_real_output(tmp_path: Path) -> None:
    out = tmp_path / "worksheet"
    result = CliRunner().invoke(
        app,
        [
            "exercise",
            str(ROOT / "maps" / "iran-in-latin-america.yaml"),
            "-o",
            str(out),
            "--seed",
            "1",
            "--no-pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    made = (out / "worksheet.md").read_text(encoding="utf-8") + (out / "answer-key.md").read_text(
        encoding="utf-8"
    )
    section = DOC.split("### 2. Make the worksheet", 1)[1].split("### 3.", 1)[0]
    blocks = _markdown_blocks(section)
    assert len(blocks) == 2
    lines = [
        line for block in blocks for line in block.splitlines() if line.strip() and line != "[...]"
    ]
    assert len(lines) > 20
    for line in lines:
        if line.startswith("Made with "):
            continue  # names the path the docs' reader used
        assert line in made, line
