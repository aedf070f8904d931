"""Validation that finds everything at once, and the checks against the source text."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import MapFileErrors
from argmap.formats.quotes import quote_found
from argmap.model import ArgumentMap

THREE = """\
argmap: 1
conclusion:
  id: C
  text: We should act.
  reasns:
    - {id: R1, text: It helps.}
  evidence:
    - {id: E1, text: A study., basis: stduy}
    - {ref: E9}
"""


def test_three_mistakes_give_three_located_errors_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "three.yaml"
    path.write_text(THREE, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert [re.match(r"Error: (.+?):(\d+):(\d+): ", line).groups() for line in lines] == [  # type: ignore[union-attr]
        (str(path), "5", "3"),
        (str(path), "8", "39"),
        (str(path), "9", "7"),
    ]
    assert "unknown key 'reasns'" in lines[0] and "did you mean 'study'?" in lines[1]
    assert lines[2].endswith("reference to unknown id 'E9'")


def test_errors_are_sorted_by_place_and_capped_with_a_count(tmp_path: Path) -> None:
    keys = "\n".join(f"  bad{n}: x" for n in range(25))
    path = tmp_path / "many.yaml"
    path.write_text(f"argmap: 1\nconclusion:\n  id: C\n  text: A.\n{keys}\n", encoding="utf-8")
    with pytest.raises(MapFileErrors) as caught:
        argmap.load(path)
    assert len(caught.value.errors) == 25
    lines = str(caught.value).split("\nError: ")
    assert len(lines) == MapFileErrors.LIMIT + 1
    assert [int(line.split(":")[1]) for line in lines[:-1]] == list(range(5, 25))
    assert lines[-1] == f"{path}: 5 more errors not shown (25 in all)"


def test_one_mistake_is_one_error_as_before(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text(
        THREE.replace("reasns", "reasons")
        .replace("stduy", "study")
        .replace("    - {ref: E9}\n", "")
        .replace("  text: We should act.\n", ""),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {path}:3:3: missing 'text': every statement needs its text (or use {{ref: ID}} to reuse one)\n"
    )


def _with_text(tmp_path: Path, body: str, text: str) -> ArgumentMap:
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\nsource: {text: t.txt}\n" + textwrap.dedent(body), encoding="utf-8")
    return argmap.load(path)


TEXT = "First paragraph.\n\nThe bank’s true purpose — it says — is a “façade”.\nThird one.\n"


def test_an_anchor_beyond_the_text_is_a_located_warning(tmp_path: Path) -> None:
    m = _with_text(tmp_path, "conclusion: {id: C, text: A., at: '2-4'}\n", TEXT)
    [warning] = m.notices
    assert (
        warning
        == f"warning: {tmp_path / 'm.yaml'}:3:13: C is anchored at ¶4, beyond the source text's 3 paragraphs"
    )


def test_anchors_inside_the_text_give_no_warning(tmp_path: Path) -> None:
    assert _with_text(tmp_path, "conclusion: {id: C, text: A., at: '1, 3'}\n", TEXT).notices == []


@pytest.mark.parametrize(
    "quote",
    [
        'The bank\'s true purpose - it says - is a "façade"',  # plain quotes and dashes
        "bank’s  true\n purpose",  # spaces
        "The bank's ... a “façade”",  # an elision
        "THE BANK'S TRUE PURPOSE",  # case
    ],
)
def test_a_quote_in_its_paragraph_passes_whatever_the_typography(
    tmp_path: Path, quote: str
) -> None:
    body = f'conclusion: {{id: C, text: A., at: "2", quote: {json.dumps(quote)}}}\n'
    assert _with_text(tmp_path, body, TEXT).notices == []


def test_a_quote_not_in_its_paragraph_is_a_located_warning(tmp_path: Path) -> None:
    body = 'conclusion: {id: C, text: A., at: "1", quote: "true purpose"}\n'
    [warning] = _with_text(tmp_path, body, TEXT).notices
    assert warning.startswith(
        f"warning: {tmp_path / 'm.yaml'}:3:13: the quote of C does not occur in ¶1"
    )
    body = 'conclusion: {id: C, text: A., at: "2", quote: "the real purpose"}\n'
    assert len(_with_text(tmp_path, body, TEXT).notices) == 1


def test_a_long_paragraph_is_made_plain_once_for_all_its_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of statements quoting one long paragraph (``new --from`` a text that is one
    line) cost one pass over it, not one per statement."""
    from argmap.formats import quotes

    calls: list[int] = []
    real = quotes.plain

    def counted(text: str) -> str:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(quotes, "plain", counted)
    reasons = "".join(
        f"    - {{id: R{i}, text: r., at: '2', quote: 'true purpose'}}\n" for i in range(200)
    )
    body = "conclusion:\n  id: C\n  text: A.\n  at: '1'\n  reasons:\n" + reasons
    assert _with_text(tmp_path, body, TEXT).notices == []
    # the quotes (each a few words) and the passage once: not the passage once per quote
    assert sum(1 for n in calls if n > 40) == 1


def test_quote_lookup_keeps_the_order_of_elided_parts() -> None:
    assert quote_found("First ... Third", "First paragraph. Third one.")
    assert not quote_found("Third ... First", "First paragraph. Third one.")


def test_the_maps_quotes_and_anchors_all_check_out() -> None:
    from conftest import MAPS

    for path in sorted(MAPS.glob("*.yaml")):
        assert argmap.load(path).notices == [], path


def test_warnings_go_to_stderr_and_do_not_fail(tmp_path: Path) -> None:
    _with_text(tmp_path, "conclusion: {id: C, text: A., at: '9', given: true}\n", TEXT)
    result = CliRunner().invoke(app, ["gaps", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0
    assert "argmap: warning: " in result.stderr and "beyond the source text's 3" in result.stderr
