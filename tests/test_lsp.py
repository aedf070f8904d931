"""The language server, driven as an editor drives it: a child process speaking JSON-RPC on stdio.

Every test starts the real server (``python -m argmap lsp``: the command
``argmap lsp`` itself), opens a document, and reads what comes back on the wire:
published diagnostics, hover cards, definitions, completions, quick fixes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FLAGSHIP, ROOT

from argmap.lsp.client import LspClient

MAP = """\
argmap: 1
title: Energy
conclusion:
  id: C
  text: We should build nuclear plants.
  reasons:
    - id: R1
      text: Nuclear power emits little CO2.
      evidence:
        - id: E1
          text: The IPCC lists nuclear among the lowest-carbon sources.
          basis: study
          source: {name: IPCC, date: "2014"}
  objections:
    - id: O1
      text: Nuclear waste stays dangerous for millennia.
      reasons:
        - ref: E1
"""


@pytest.fixture(scope="module")
def client() -> Iterator[LspClient]:
    """One server for the module (as an editor keeps one): each test opens its own files."""
    with LspClient(cwd=ROOT) as c:
        c.initialize(ROOT)
        yield c


def _lines(diagnostics: list[dict[str, object]]) -> list[tuple[int, str]]:
    out = []
    for d in diagnostics:
        rng = d["range"]
        assert isinstance(rng, dict)
        out.append((rng["start"]["line"], str(d["message"])))
    return out


def test_a_misspelt_key_is_an_error_at_the_key_with_the_suggestion(
    client: LspClient, tmp_path: Path
) -> None:
    path = tmp_path / "energy.yaml"
    uri = client.open(path, MAP.replace("  reasons:", "  resons:"))
    diagnostics = client.diagnostics(uri)
    errors = [d for d in diagnostics if d["severity"] == 1]
    # the map has "reasons:" twice, so two misspelt keys: both reported at once
    assert len(errors) == 2 and errors[1]["range"]["start"]["line"] == 16
    error = errors[0]
    assert error["range"] == {
        "start": {"line": 5, "character": 2},
        "end": {"line": 5, "character": 8},
    }
    assert "unknown key 'resons'" in error["message"]
    assert "did you mean 'reasons'?" in error["message"]

    # the quick fix replaces exactly the key
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": error["range"],
            "context": {"diagnostics": [error]},
        },
    )
    fixes = [a for a in actions if a["kind"] == "quickfix"]
    assert [a["title"] for a in fixes] == ["Change to 'reasons'"]
    edit = fixes[0]["edit"]["changes"][uri][0]
    assert edit == {"range": error["range"], "newText": "reasons"}


def test_fixing_the_text_clears_the_error(client: LspClient, tmp_path: Path) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP.replace("  reasons:", "  resons:"))
    assert any(d["severity"] == 1 for d in client.diagnostics(uri))
    client.change(uri, MAP)
    after = client.diagnostics(uri)
    assert not [d for d in after if d["severity"] == 1]


def test_a_gap_is_a_diagnostic_on_its_node_line_with_its_code(
    client: LspClient, tmp_path: Path
) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP)
    diagnostics = client.diagnostics(uri)
    assert all(d["severity"] in (2, 3) for d in diagnostics)  # gaps are never errors
    unanswered = [d for d in diagnostics if d.get("code") == "S003"]
    assert len(unanswered) == 1
    gap = unanswered[0]
    assert gap["message"].startswith("S003 ")
    assert "O1" in gap["message"]
    # O1 is defined on line 15 (0-based 14): the diagnostic sits on its id
    assert gap["range"]["start"] == {"line": 14, "character": 10}


def test_an_unknown_ref_is_located_at_the_id_and_fixed_by_the_suggestion(
    client: LspClient, tmp_path: Path
) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP.replace("- ref: E1", "- ref: E1x"))
    (error,) = [d for d in client.diagnostics(uri) if d["severity"] == 1]
    assert "unknown id 'E1x'" in error["message"]
    assert error["range"] == {
        "start": {"line": 17, "character": 15},
        "end": {"line": 17, "character": 18},
    }
    assert error["data"] == {"suggestion": "E1"}


def test_the_maps_own_settings_narrow_the_gaps(client: LspClient, tmp_path: Path) -> None:
    text = MAP + "meta:\n  gaps: {ignore: [S003]}\n"
    uri = client.open(tmp_path / "energy.yaml", text)
    codes = {d.get("code") for d in client.diagnostics(uri)}
    assert "S003" not in codes


def test_hover_shows_the_card(client: LspClient, tmp_path: Path) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP)
    client.diagnostics(uri)
    # on the id E1 (line 10, 0-based 9)
    hover = client.at("textDocument/hover", uri, 9, 17)
    card = hover["contents"]["value"]
    assert card.startswith("**E1** · evidence · basis: study")
    assert "IPCC" in card
    assert "Verdict:" in card
    # on the objection's text: its card, with its gap
    card = client.at("textDocument/hover", uri, 15, 20)["contents"]["value"]
    assert card.startswith("**O1** · claim")
    assert "`S003`" in card
    # on nothing
    assert client.at("textDocument/hover", uri, 0, 3) is None


def test_definition_and_references_of_an_id(client: LspClient, tmp_path: Path) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP)
    client.diagnostics(uri)
    # from the ref E1 (line 18) to the definition (line 10, "        - id: E1")
    found = client.at("textDocument/definition", uri, 17, 16)
    assert found == [
        {
            "uri": uri,
            "range": {"start": {"line": 9, "character": 14}, "end": {"line": 9, "character": 16}},
        }
    ]
    refs = client.at("textDocument/references", uri, 9, 15, context={"includeDeclaration": True})
    assert sorted(r["range"]["start"]["line"] for r in refs) == [9, 17]
    refs = client.at("textDocument/references", uri, 9, 15, context={"includeDeclaration": False})
    assert [r["range"]["start"]["line"] for r in refs] == [17]


def test_outline_is_the_tree(client: LspClient, tmp_path: Path) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP)
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [s["name"] for s in symbols] == ["C"]
    children = symbols[0]["children"]
    assert [c["name"] for c in children] == ["R1", "O1"]
    assert [c["name"] for c in children[0]["children"]] == ["E1"]


def test_completion_of_keys_values_and_ids(client: LspClient, tmp_path: Path) -> None:
    text = MAP + "gaps:\n  - node: \n    kind: \n"
    lines = text.split("\n")
    uri = client.open(tmp_path / "energy.yaml", text)
    client.diagnostics(uri)

    def labels(line: int, character: int) -> list[str]:
        result = client.at("textDocument/completion", uri, line, character)
        return [item["label"] for item in result["items"]]

    # a key inside a statement (line 12: "          basis: study")
    assert "quote" in labels(11, 10)
    assert "reasons" in labels(11, 10)
    # a basis value
    assert labels(11, len("          basis: "))[:3] == ["statistic", "study", "expert"]
    # ids after ref: and node:
    assert {"C", "R1", "E1", "O1"} <= set(labels(17, len("        - ref: ")))
    node_line = lines.index("  - node: ")
    assert {"C", "R1", "E1", "O1"} <= set(labels(node_line, len("  - node: ")))
    # gap kinds under gaps:
    kinds = labels(node_line + 1, len("    kind: "))
    assert "factual-error" in kinds and "non-sequitur" in kinds
    # top-level keys
    assert {"title", "source", "conclusion", "gaps"} <= set(labels(1, 0))


def test_argdown_diagnostics_hover_and_definition(client: LspClient, tmp_path: Path) -> None:
    text = (
        "[Nuclear]: We should build nuclear plants.\n"
        "  + <Clean>: Nuclear power emits little CO2.\n"
        "  - [Waste]: Nuclear waste stays dangerous for millennia.\n"
        "\n"
        "[Waste]\n"
        "  - [Storage]: Deep storage is safe.\n"
    )
    uri = client.open(tmp_path / "energy.argdown", text, language="argdown")
    diagnostics = client.diagnostics(uri)
    assert not [d for d in diagnostics if d["severity"] == 1]
    card = client.at("textDocument/hover", uri, 2, 6)["contents"]["value"]
    assert card.startswith("**Waste**")
    found = client.at("textDocument/definition", uri, 4, 2)
    assert [f["range"]["start"] for f in found] == [{"line": 2, "character": 5}]
    # an Argdown syntax error comes back located
    client.change(uri, text.replace("is safe.", "is safe. {a: [1,}"))
    errors = [d for d in client.diagnostics(uri) if d["severity"] == 1]
    assert len(errors) == 1
    assert "YAML error in the data block" in errors[0]["message"]
    assert errors[0]["range"]["start"]["line"] == 5


def test_preview_writes_the_html_explorer(client: LspClient, tmp_path: Path) -> None:
    uri = client.open(tmp_path / "energy.yaml", MAP)
    client.diagnostics(uri)
    target = tmp_path / "out" / "energy.html"
    target.parent.mkdir()
    # offered as a code action, so that any client can run it
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []},
        },
    )
    (command,) = [a["command"] for a in actions if a["kind"] == "source"]
    assert command["command"] == "argmap.preview" and command["arguments"] == [uri]
    result = client.request(
        "workspace/executeCommand",
        {"command": "argmap.preview", "arguments": [uri, str(target)]},
    )
    assert result["path"] == str(target)
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.startswith("<!doctype html>")
    assert "Nuclear waste stays dangerous" in page
    message = client.wait_for("window/showMessage")
    assert "preview written to" in message["message"]


def test_the_flagship_opens_clean_and_shuts_down(tmp_path: Path) -> None:
    with LspClient(cwd=ROOT) as c:
        c.initialize(ROOT)
        uri = c.open(FLAGSHIP)
        diagnostics = c.diagnostics(uri)
        assert diagnostics and not [d for d in diagnostics if d["severity"] == 1]
        assert all(str(d["message"]).startswith(str(d["code"]) + " ") for d in diagnostics)
        assert c.close() == 0
