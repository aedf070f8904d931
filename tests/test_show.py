"""``argmap show``: the tree, its first line, plain output, markup safety, golden output."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FLAGSHIP, MAPS, golden
from test_model import SMALL
from typer.testing import CliRunner

from argmap.cli import app


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["show", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_golden_small_map(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL)
    golden("show-small.txt", run(str(path), "--ids", "--no-gaps").replace(str(tmp_path), "TMP"))


def test_golden_linked_undercut_example() -> None:
    golden(
        "show-linked-undercut.txt",
        run(str(MAPS / "linked-undercut.yaml"), "--ids", "--quotes", "--no-gaps"),
    )


def test_first_line_is_the_conclusion() -> None:
    out = run(str(FLAGSHIP))
    assert out.splitlines()[0].startswith("◆ CONCLUSION: Although it cannot be taken as certain")


def test_plain_output_has_no_escape_codes() -> None:
    assert "\x1b[" not in run(str(FLAGSHIP), "--quotes")


def test_user_text_is_never_markup(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(
        'argmap: 1\nconclusion:\n  text: "[bold red]not bold[/] [link=file:///etc/passwd]x[/link] :smile:"\n'
    )
    out = run(str(path))
    assert "[bold red]not bold[/] [link=file:///etc/passwd]x[/link] :smile:" in out


def test_quotes_and_ids() -> None:
    out = run(str(FLAGSHIP), "--quotes", "--ids")
    assert "[E13]" in out
    assert "Western sources" in out
    assert "“" in out


def test_wrapped_quotes_keep_their_indent(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long quote wraps as a block under its node, and adds no trailing spaces."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = run(str(FLAGSHIP), "--quotes", "--no-gaps").splitlines()
    opening = next(i for i, line in enumerate(lines) if line.lstrip("│ ").startswith("“"))
    quote_col = len(lines[opening]) - len(lines[opening].lstrip("│ "))
    following = lines[opening + 1]
    assert "”" not in lines[opening]  # the root's quote is long enough to wrap at 60 columns
    assert len(following) - len(following.lstrip("│ ")) == quote_col
    assert not [line for line in lines if line.endswith(" ")]  # piped output: no trailing spaces


def test_piped_console_trims_lines_but_keeps_a_prompt() -> None:
    """Rich's padding goes; a partial line (a prompt) is written as it is on flush."""
    import io

    from argmap.views.console import _TrimmedLines

    sink = io.StringIO()
    stream = _TrimmedLines(sink)
    stream.write("a table row   \nsecond  ")
    assert sink.getvalue() == "a table row\n"
    stream.write("line \n\nPick a letter: ")
    stream.flush()
    assert sink.getvalue() == "a table row\nsecond  line\n\nPick a letter: "


def test_depth_collapses() -> None:
    out = run(str(FLAGSHIP), "--depth", "1", "--no-gaps")
    assert "raise --depth to see" in out
    assert "[E16]" not in out


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_shows(path: Path) -> None:
    out = run(str(path))
    assert out.splitlines()[0].startswith("◆ CONCLUSION")


def test_annotated_gaps_flagged_and_tabled() -> None:
    out = run(str(FLAGSHIP), "--ids")
    assert "factual-error" in out or "A002" in out
    assert "code" in out and "severity" in out


def test_no_gaps_option() -> None:
    out = run(str(FLAGSHIP), "--no-gaps")
    assert "A002" not in out


FAN = """argmap: 1
conclusion:
  id: C
  text: The plan works.
  reasons:
    - {id: R1, text: One reason., at: "1"}
    - {id: R2, text: Two reason., at: "2"}
    - {id: R3, text: Three reason., at: "3"}
    - {id: R4, text: Four reason., at: "4"}
    - linked:
        - {id: L1, text: Linked one.}
        - {id: L2, text: Linked two.}
"""


def test_max_children_counts_the_rest_and_their_gaps(tmp_path: Path) -> None:
    path = tmp_path / "fan.yaml"
    path.write_text(FAN)
    out = run(str(path), "--ids", "--max-children", "2")
    lines = out.splitlines()
    assert "[R2]" in out and "[R3]" not in out and "[L1]" not in out
    assert "└── … 3 more here (raise --max-children to see them)" in lines
    # the gap table lists the gaps of what is shown and counts the others
    table = out[out.index("┏") :]
    assert "R1" in table and "R4" not in table and "L2" not in table
    assert "more gaps on nodes not shown (raise --max-children to see them" in out


def test_max_children_zero_shows_all(tmp_path: Path) -> None:
    path = tmp_path / "fan.yaml"
    path.write_text(FAN)
    out = run(str(path), "--ids", "--max-children", "0")
    assert "[R4]" in out and "[L2]" in out and "more here" not in out
    assert "not shown" not in out
    assert out == run(str(path), "--ids")  # the default cap is far above 5 children


def test_statements_not_connected_to_the_conclusion_are_shown_apart(tmp_path: Path) -> None:
    """Regression: a file with 8 statements printed only the part under the conclusion."""
    path = tmp_path / "parts.argdown"
    path.write_text(
        "[A]: a claim.\n  + [B]: b reason.\n\n[X]: x claim.\n  + [Y]: y reason.\n  - [Z]: z objection.\n",
        encoding="utf-8",
    )
    out = run(str(path), "--conclusion", "X")
    main, _, apart = out.partition("Not connected to the main conclusion:")
    assert "CONCLUSION: x claim." in main and "y reason." in main and "a claim." not in main
    assert "a claim." in apart and "b reason." in apart
    # every statement of the file is printed once
    for text in ("a claim.", "b reason.", "x claim.", "y reason.", "z objection."):
        assert out.count(text) == 1


def test_a_connected_map_has_no_section_apart() -> None:
    assert "Not connected" not in run(str(FLAGSHIP))
