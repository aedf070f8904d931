"""Argdown round trip on real files from outside the corpus (issue 18): agreement figures.

``make argdown-real`` runs it on a folder of ``.argdown`` files that other
people wrote (``ARGMAP_ARGDOWN_REAL``, by default ``../argdown-real/files``
beside the checkout; they are never part of the repository) with the Argdown
CLI of ``make argdown-cli``. For each file it compares:

- **reading**: Argdown's JSON export with argmap's own reading of the file:
  whether each tool accepts it, then statements, arguments and relations by
  type (the counts), and by construct (relation endpoints, premise-conclusion
  structures, tags, texts, links, colours);
- **round trip**: argmap's Argdown writer on argmap's map, read again by the
  Argdown CLI: the statement, argument and relation-by-type counts, then the
  texts, links, tags, tag colours, headings and titles.

It prints the agreement figures and each failing file with its first
difference. Without the CLI or the folder it says why and exits 0. A file
whose name starts with ``_`` is left out: Argdown's CLI skips it as a partial.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from argdown_reference import (  # noqa: E402
    CONSTRUCTS,
    argdown_cli,
    argmap_reading,
    counts,
    export_json,
    reference_reading,
    round_trip_view,
)

import argmap  # noqa: E402
from argmap.errors import EmptyMapError  # noqa: E402
from argmap.formats.argdown.include import resolve  # noqa: E402

FOLDER = Path(os.environ.get("ARGMAP_ARGDOWN_REAL", ROOT.parent / "argdown-real" / "files"))


def first_difference(before: Any, after: Any, where: str = "") -> str:
    """The first place where two plain values differ, as ``key: before -> after``."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            if before.get(key) != after.get(key):
                return first_difference(before.get(key), after.get(key), f"{where}{key}.")
    if isinstance(before, list) and isinstance(after, list):
        gone = [x for x in before if x not in after]
        new = [x for x in after if x not in before]
        if gone or new:
            return f"{where.rstrip('.')}: lost {gone[:2]} gained {new[:2]}"
    return f"{where.rstrip('.')}: {before!r:.120} -> {after!r:.120}"


def _part(
    view: Callable[[dict[str, Any]], dict[str, Any]], key: str
) -> Callable[[dict[str, Any]], Any]:
    """``view``'s ``key`` of an export."""
    return lambda data: view(data)[key]


def _data(export: dict[str, Any]) -> list[str]:
    """The inline data of every statement and argument (as Argdown merges it), blind to titles.

    argmap's own keys (``argmap``, and ``text`` for a text Argdown cannot hold) are left out,
    and so is ``uses``: premise numbers, of the structure as each file writes it.
    """
    found = []
    for kind in ("statements", "arguments"):
        for element in export.get(kind, {}).values():
            data = element.get("data")
            if isinstance(data, dict):
                data = {k: v for k, v in data.items() if k not in ("argmap", "text", "uses")}
            if data:
                found.append(f"{kind}: {json.dumps(data, sort_keys=True)}")
    return sorted(found)


def _load(path: Path) -> tuple[Any, str]:
    """argmap's map of ``path`` and its first error ('' when it reads)."""
    found, errors = argmap.api.load_text(path.read_text(encoding="utf-8"), path, "argdown")
    if found is None and errors and isinstance(errors[0], EmptyMapError):
        return errors[0].empty, ""  # valid Argdown with nothing to map: an empty map, headings kept
    return found, (str(errors[0]) if errors else "") if found is None else ""


def measure(cli: Path, folder: Path) -> dict[str, Any]:
    """Both tools on every file of ``folder``: the figures and the failures, by check."""
    # (Argdown's CLI takes a file whose name starts with "_" for a partial and skips it)
    files = sorted(p for p in folder.glob("*.argdown") if not p.name.startswith("_"))
    with tempfile.TemporaryDirectory() as tmp:
        exported = export_json(cli, folder, Path(tmp) / "out")
        written = Path(tmp) / "written"
        written.mkdir()
        maps: dict[str, Any] = {}
        failures: dict[str, list[tuple[str, str]]] = {}

        def fail(check: str, name: str, why: str) -> None:
            failures.setdefault(check, []).append((name, why))

        for path in files:
            found, error = _load(path)
            if path.name in exported and found is None:
                fail("reading: both accept", path.name, f"argmap rejects, Argdown accepts: {error}")
            elif path.name not in exported and found is not None:
                fail("reading: both accept", path.name, "Argdown rejects, argmap accepts")
            elif path.name not in exported:
                fail("(both reject)", path.name, error)
            if found is not None and path.name in exported:
                maps[path.name] = found
                (written / path.name).write_text(argmap.dumps(found, "argdown"), encoding="utf-8")
        again = export_json(cli, written, Path(tmp) / "again")

    both = sorted(maps)
    checks: dict[str, Callable[[str], str]] = {}

    def reading(name: str) -> dict[str, Any]:
        """argmap's Argdown model of the file, its @includes resolved (as the reader does)."""
        path = folder / name
        return argmap_reading(resolve(path.read_text(encoding="utf-8"), str(path)).text)

    def model_counts(name: str) -> str:
        theirs = counts(exported[name])
        ours = reading(name)
        by_type: dict[str, int] = {}
        for (kind, *_), n in ours["relations"]:
            by_type[kind] = by_type.get(kind, 0) + n
        mine = {
            "statements": len(ours["statements"]),
            "arguments": len(ours["arguments"]),
            "relations": dict(sorted(by_type.items())),
        }
        stats = dict(maps[name].meta.get("argdown", {}))
        stats.setdefault("relations", {})
        stats = {k: stats.get(k, {} if k == "relations" else 0) for k in theirs}
        if mine != theirs:
            return first_difference(theirs, mine)
        return "" if stats == theirs else "meta.argdown " + first_difference(theirs, stats)

    checks["reading: every count"] = model_counts
    for construct in CONSTRUCTS:

        def by_construct(name: str, construct: str = construct) -> str:
            theirs = reference_reading(exported[name])[construct]
            ours = reading(name)[construct]
            return "" if theirs == ours else first_difference(theirs, ours)

        checks[f"reading: {construct}"] = by_construct

    def trip(see: Callable[[dict[str, Any]], Any]) -> Callable[[str], str]:
        """The check that Argdown reads what ``see`` picks the same in the rewriting."""

        def check(name: str) -> str:
            if name not in again:
                return "Argdown rejects argmap's output"
            before, after = see(exported[name]), see(again[name])
            return "" if before == after else first_difference(before, after)

        return check

    checks["round trip: every count"] = trip(counts)
    for key in ("statements", "arguments", "relations"):
        checks[f"round trip: {key}"] = trip(_part(counts, key))
    for key in round_trip_view({}):
        checks[f"round trip: {key}"] = trip(_part(round_trip_view, key))
    checks["round trip: data"] = trip(_data)

    figures: dict[str, tuple[int, int]] = {}
    accepted = sum(1 for p in files if p.name in exported)
    rejected_by_both = len(failures.get("(both reject)", []))
    agree = len(files) - len(failures.get("reading: both accept", []))
    figures["reading: both accept or both reject"] = (agree, len(files))
    for check, run in checks.items():
        bad = [(name, why) for name in both if (why := run(name))]
        failures[check] = bad
        figures[check] = (len(both) - len(bad), len(both))
    return {
        "files": len(files),
        "accepted": accepted,
        "rejected by both": rejected_by_both,
        "figures": figures,
        "failures": failures,
    }


def main() -> int:
    cli = argdown_cli()
    if cli is None:
        print("skipped: the Argdown CLI is not installed (make argdown-cli needs npm)")
        return 0
    if not FOLDER.is_dir() or not any(FOLDER.glob("*.argdown")):
        print(
            f"skipped: no .argdown files in {FOLDER} (set ARGMAP_ARGDOWN_REAL to a folder of them)"
        )
        return 0
    result = measure(cli, FOLDER)
    print(
        f"{result['files']} files in {FOLDER}: Argdown accepts {result['accepted']}, "
        f"both tools reject {result['rejected by both']}"
    )
    for check, (same, total) in result["figures"].items():
        share = f"{100 * same / total:.0f}%" if total else "-"
        print(f"  {check:<40} {same:>4}/{total:<4} {share:>5}")
    for check, bad in result["failures"].items():
        if bad and not check.startswith("("):
            print(f"\n{check}: {len(bad)} failing")
            for name, why in bad:
                print(f"  {name}: {why}")
    if result["failures"].get("(both reject)"):
        print("\nrejected by both tools (argmap's error):")
        for name, why in result["failures"]["(both reject)"]:
            print(f"  {name}: {why:.160}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
