"""Conformance with the reference: the Argdown CLI's own JSON export against argmap's reading.

Runs ``argdown json`` (``make argdown-cli`` installs it; skipped with a
reason when it is absent) on every ``.argdown`` file of the shared corpus and
on the Argdown examples in its notes, and compares, construct by construct:

- argmap's Argdown model (``formats/argdown``) with Argdown's: statements
  (equivalence classes), arguments, relations by type and endpoints, the
  members and roles of each premise-conclusion structure, tags;
- where Argdown rejects a file, argmap rejects it too, with a place;
- the map argmap builds keeps Argdown's undercuts as undercuts;
- Argdown -> argmap -> Argdown, parsed again by the Argdown CLI, keeps the
  statement, argument and relation-by-type counts.

The agreement figures are recorded in docs/argdown.md.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from argdown_reference import (
    CONSTRUCTS,
    argdown_cli,
    argmap_reading,
    counts,
    export_json,
    round_trip_view,
)
from argdown_reference import reference_reading as reference
from conftest import CORPUS

import argmap
from argmap.errors import MapFileError

ARGDOWN = CORPUS / "argdown"
NOTES = CORPUS / "ARGDOWN-NOTES.md"
CLI = argdown_cli()

pytestmark = [
    pytest.mark.skipif(not ARGDOWN.is_dir(), reason=f"the shared corpus is not at {ARGDOWN}"),
    pytest.mark.skipif(
        CLI is None, reason="the Argdown CLI is not installed (make argdown-cli needs npm)"
    ),
    pytest.mark.corpus,
    pytest.mark.slow,
]

#: Files whose round trip does not yet keep Argdown's counts, and why (issue 18, item 1).
ROUND_TRIP_KNOWN: dict[str, str] = {}


def _inputs() -> list[tuple[str, str]]:
    """(name, text): every corpus file, then each Argdown example of the notes."""
    if not ARGDOWN.is_dir():
        return []
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARGDOWN.glob("*.argdown"))]
    if NOTES.exists():
        blocks = re.findall(r"```(?:argdown)?\n(.*?)```", NOTES.read_text(encoding="utf-8"), re.S)
        found += [(f"notes-example-{i}.argdown", b) for i, b in enumerate(blocks, 1)]
    return found


INPUTS = _inputs()
NAMES = [name for name, _ in INPUTS]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Argdown's JSON of every input (absent: Argdown rejects the file), from one CLI run."""
    assert CLI is not None
    folder = tmp_path_factory.mktemp("argdown-in")
    for name, text in INPUTS:
        (folder / name).write_text(text, encoding="utf-8")
    return export_json(CLI, folder, tmp_path_factory.mktemp("argdown-out"))


@pytest.fixture(scope="module")
def round_tripped(
    tmp_path_factory: pytest.TempPathFactory, exported: dict[str, Any]
) -> dict[str, Any]:
    """Argdown's JSON of argmap's Argdown output for every file Argdown accepts."""
    assert CLI is not None
    folder = tmp_path_factory.mktemp("roundtrip-in")
    for name, text in INPUTS:
        if name in exported:
            found, errors = argmap.api.load_text(text, name, "argdown")
            assert found is not None, f"argmap rejects {name}, which Argdown accepts: {errors}"
            (folder / name).write_text(argmap.dumps(found, "argdown"), encoding="utf-8")
    return export_json(CLI, folder, tmp_path_factory.mktemp("roundtrip-out"))


def _text(name: str) -> str:
    return dict(INPUTS)[name]


@pytest.mark.parametrize("name", NAMES)
def test_the_model_agrees_with_argdown_by_construct(name: str, exported: dict[str, Any]) -> None:
    if name not in exported:
        pytest.skip("Argdown rejects this file (see the rejection test)")
    ref, mine = reference(exported[name]), argmap_reading(_text(name))
    differing = [c for c in CONSTRUCTS if ref[c] != mine[c]]
    assert differing == [], {c: (ref[c], mine[c]) for c in differing}


@pytest.mark.parametrize("name", NAMES)
def test_argmap_rejects_with_a_place_what_argdown_rejects(
    name: str, exported: dict[str, Any]
) -> None:
    if name in exported:
        found, errors = argmap.api.load_text(_text(name), name, "argdown")
        assert found is not None, errors
        return
    with pytest.raises(MapFileError) as info:
        argmap.load(ARGDOWN / name)
    assert info.value.line is not None or "@include" in str(info.value)


@pytest.mark.parametrize("name", NAMES)
def test_undercuts_stay_undercuts(name: str, exported: dict[str, Any]) -> None:
    if name not in exported:
        pytest.skip("Argdown rejects this file")
    found = argmap.api.load_text(_text(name), name, "argdown")[0]
    assert found is not None
    expected = counts(exported[name])["relations"].get("undercut", 0)
    assert argmap.stats(found)["undercuts"] == expected


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_keeps_argdowns_counts(
    name: str,
    exported: dict[str, Any],
    round_tripped: dict[str, Any],
    request: pytest.FixtureRequest,
) -> None:
    if name not in exported:
        pytest.skip("Argdown rejects this file")
    if name in ROUND_TRIP_KNOWN:  # runs, and must fail: fixing one turns it into an error
        request.applymarker(pytest.mark.xfail(reason=ROUND_TRIP_KNOWN[name], strict=True))
    assert name in round_tripped, "Argdown rejects argmap's output"
    assert counts(round_tripped[name]) == counts(exported[name])


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_keeps_texts_links_tags_colours_headings_and_titles(
    name: str, exported: dict[str, Any], round_tripped: dict[str, Any]
) -> None:
    if name not in exported:
        pytest.skip("Argdown rejects this file")
    before, after = round_trip_view(exported[name]), round_trip_view(round_tripped[name])
    assert {k: (before[k], after[k]) for k in before if before[k] != after[k]} == {}


def test_round_trip_agreement_is_at_least_the_recorded_figure(
    exported: dict[str, Any], round_tripped: dict[str, Any]
) -> None:
    """The share of files whose round trip keeps every count (docs/argdown.md has the figure)."""
    accepted = [n for n in NAMES if n in exported]
    kept = [
        n
        for n in accepted
        if n in round_tripped and counts(round_tripped[n]) == counts(exported[n])
    ]
    assert len(kept) >= len(accepted) - len(ROUND_TRIP_KNOWN), sorted(set(accepted) - set(kept))


def figures(exported: dict[str, Any], round_tripped: dict[str, Any]) -> dict[str, str]:
    """The agreement figures by construct, as docs/argdown.md records them."""
    accepted = [n for n in NAMES if n in exported]
    out: dict[str, str] = {}
    for construct in CONSTRUCTS:
        same = sum(
            reference(exported[n])[construct] == argmap_reading(_text(n))[construct]
            for n in accepted
        )
        out[f"model: {construct}"] = f"{same}/{len(accepted)}"
    for key in ("statements", "arguments", "relations"):
        same = sum(
            n in round_tripped and counts(round_tripped[n])[key] == counts(exported[n])[key]
            for n in accepted
        )
        out[f"round trip: {key}"] = f"{same}/{len(accepted)}"
    for key in round_trip_view({}):
        same = sum(
            n in round_tripped
            and round_trip_view(round_tripped[n])[key] == round_trip_view(exported[n])[key]
            for n in accepted
        )
        out[f"round trip: {key}"] = f"{same}/{len(accepted)}"
    return out


def test_print_the_figures(
    exported: dict[str, Any], round_tripped: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """``ARGMAP_PRINT_FIGURES=1 pytest -k figures`` prints the table for docs/argdown.md."""
    table = figures(exported, round_tripped)
    assert set(table) >= {f"model: {c}" for c in CONSTRUCTS}
    if not os.environ.get("ARGMAP_PRINT_FIGURES"):
        return
    with capsys.disabled():
        for key, value in table.items():
            print(f"{key}: {value}")
