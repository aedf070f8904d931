"""The Argdown CLI as a reference: run its JSON export, and read both tools' models by construct.

``make argdown-cli`` installs ``@argdown/cli`` into ``.cache/argdown-cli``;
:func:`argdown_cli` finds it (or ``None``). :func:`export_json` runs one
``argdown json`` over a folder (one Node start for every file: each start
costs about a second). :func:`reference_reading` and :func:`argmap_reading`
turn Argdown's JSON and argmap's own Argdown model into the same plain
shape, construct by construct, so that a test can say which constructs of
which file agree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".cache" / "argdown-cli" / "node_modules" / ".bin" / "argdown"

#: the constructs compared, in the order the agreement table lists them
CONSTRUCTS = ("statements", "arguments", "relations", "pcs", "tags", "texts", "links", "colours")


def argdown_cli() -> Path | None:
    """The installed Argdown CLI (``make argdown-cli``), else ``None``."""
    if CLI.exists() and shutil.which("node"):
        return CLI
    return None


def export_json(cli: Path, folder: Path, out: Path) -> dict[str, Any]:
    """``argdown json`` on every ``.argdown`` file of ``folder``: file name -> JSON (absent: rejected)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(cli), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        check=False,
        timeout=600,
    )
    result: dict[str, Any] = {}
    for path in sorted(folder.glob("*.argdown")):
        exported = out / (path.stem + ".json")
        if exported.exists():
            result[path.name] = json.loads(exported.read_text(encoding="utf-8"))
    return result


def _js_slice(text: str, start: int, stop: int) -> str:
    """``text[start:stop]`` with JavaScript's offsets (UTF-16 code units)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * stop].decode("utf-16-le", errors="replace")


def reference_reading(data: dict[str, Any]) -> dict[str, Any]:
    """Argdown's JSON export as plain comparable data, by construct."""
    relations: Counter[tuple[Any, ...]] = Counter()
    for rel in data.get("relations", []):
        target: tuple[Any, ...] = (rel["to"], rel["toType"])
        if rel["toType"] == "inference":
            target += (rel.get("conclusionIndex"),)
        relations[(rel["relationType"], rel["from"], rel["fromType"], *target)] += 1
    pcs = {
        title: [(m.get("title"), m.get("role")) for m in arg.get("pcs", [])]
        for title, arg in data.get("arguments", {}).items()
        if arg.get("pcs")
    }
    tags = {
        "all": sorted(data.get("tags", {})),
        "arguments": {
            t: sorted(a.get("tags", []))
            for t, a in data.get("arguments", {}).items()
            if a.get("tags")
        },
        "statements": {
            t: sorted({tag for m in s.get("members", []) for tag in m.get("tags", [])})
            for t, s in data.get("statements", {}).items()
            if any(m.get("tags") for m in s.get("members", []))
        },
    }
    texts: dict[str, list[str]] = {}
    links: dict[str, list[tuple[str, str]]] = {}
    for kind, elements in (("statement", "statements"), ("argument", "arguments")):
        for title, element in data.get(elements, {}).items():
            members = element.get("members", [])
            found = [m["text"].strip() for m in members if m.get("text", "").strip()]
            if found:
                texts[f"{kind}:{title}"] = found
            ranges = [
                (_js_slice(m["text"], r["start"], r["stop"] + 1), r["url"])
                for m in members
                for r in m.get("ranges", [])
                if r.get("type") == "link"
            ]
            if ranges:
                links[f"{kind}:{title}"] = ranges
    return {
        "statements": sorted(data.get("statements", {})),
        "arguments": sorted(data.get("arguments", {})),
        "relations": sorted(relations.items()),
        "pcs": pcs,
        "tags": tags,
        "texts": texts,
        "links": links,
        "colours": {
            "tags": {t: d["color"] for t, d in data.get("tags", {}).items() if d.get("color")},
            "statements": {
                t: s.get("color")
                for t, s in data.get("statements", {}).items()
                if s.get("tags") or "color" in (s.get("data") or {})
            },
        },
    }


def argmap_reading(text: str) -> dict[str, Any]:
    """argmap's own Argdown model of ``text`` (``formats/argdown``), in the same shape."""
    from argmap.formats.argdown.convert import read
    from argmap.formats.argdown.model import _Argument, _Class, _Inference
    from argmap.formats.argdown.parser import _parse
    from argmap.model.presentation import statement_colour

    model, _ = _parse(text)
    from argmap.errors import EmptyMapError

    try:
        found = read("reading.argdown", text=text)
    except EmptyMapError as exc:  # headings only: an empty map, its tags' colours still kept
        found = exc.empty
    except Exception:  # a file argmap rejects: its colours are none
        found = None
    colours: dict[str, Any] = {"tags": {}, "statements": {}}
    if found is not None:
        colours["tags"] = dict(found.meta.get("tag_colors", {}))
        for statement in found.statements.values():
            title = statement.title or statement.id
            if statement.meta.get("argdown") != "argument" and (
                statement.tags or "color" in statement.meta
            ):
                colours["statements"][title] = statement_colour(found, statement)

    def endpoint(node: object) -> tuple[Any, ...]:
        if isinstance(node, _Class):
            return (node.title, "equivalence-class")
        if isinstance(node, _Argument):
            return (node.title, "argument")
        assert isinstance(node, _Inference) and node.argument is not None
        arg = node.argument
        index = next((i for i, m in enumerate(arg.pcs) if m.inference is node), None)
        return (arg.title, "inference", index)

    relations: Counter[tuple[Any, ...]] = Counter()
    for rel in model.relations:
        relations[(rel.type, *endpoint(rel.source)[:2], *endpoint(rel.target))] += 1
    roles = {"premise": "premise"}
    pcs = {}
    for title, arg in model.arguments.items():
        if arg.pcs:
            members = []
            for i, m in enumerate(arg.pcs):
                role = roles.get(m.role, m.role)
                if m.role != "premise":
                    role = "main-conclusion" if i == len(arg.pcs) - 1 else "intermediary-conclusion"
                members.append((m.title, role))
            pcs[title] = members
    all_tags: list[str] = []
    for ec in model.statements.values():
        all_tags.extend(ec.tags)
    for arg in model.arguments.values():
        all_tags.extend(arg.tags)
    for section in model.sections:
        all_tags.extend(section.get("tags", []))
    tags = {
        "all": sorted(set(all_tags)),
        "arguments": {t: sorted(a.tags) for t, a in model.arguments.items() if a.tags},
        "statements": {t: sorted(set(c.tags)) for t, c in model.statements.items() if c.tags},
    }
    texts: dict[str, list[str]] = {}
    links: dict[str, list[tuple[str, str]]] = {}
    for kind, elements in (("statement", model.statements), ("argument", model.arguments)):
        for title, element in elements.items():
            said = [m.text.strip() for m in element.members if m.text.strip()]
            if said:
                texts[f"{kind}:{title}"] = said
            ranges = [(text, url) for m in element.members for _, text, url in m.links]
            if ranges:
                links[f"{kind}:{title}"] = ranges
    return {
        "statements": sorted(model.statements),
        "arguments": sorted(model.arguments),
        "relations": sorted(relations.items()),
        "pcs": pcs,
        "tags": tags,
        "texts": texts,
        "links": links,
        "colours": colours,
    }


def counts(data: dict[str, Any]) -> dict[str, Any]:
    """Statement, argument and relation-by-type counts of an Argdown JSON export."""
    return {
        "statements": len(data.get("statements", {})),
        "arguments": len(data.get("arguments", {})),
        "relations": dict(
            sorted(Counter(r["relationType"] for r in data.get("relations", [])).items())
        ),
    }


def round_trip_view(data: dict[str, Any]) -> dict[str, Any]:
    """What a round trip must keep beyond the counts, in a form blind to untitled numbering.

    Every text with its tags (of statements and of argument descriptions, as
    multisets: untitled statements come back under new numbers), every link,
    the file's tags and tag colours, the headings (title and level, in order),
    and the titles the author gave (no ``Untitled n`` among them).
    """
    reading = reference_reading(data)

    def author_titles(titles: list[str]) -> list[str]:
        return [t for t in titles if not t.startswith("Untitled ")]

    def sections(items: list[dict[str, Any]]) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for item in items:
            out.append((item.get("title", ""), item.get("level", 0)))
            out.extend(sections(item.get("children", [])))
        return out

    return {
        "texts": sorted(
            (key.split(":", 1)[0], text)
            for key, said in reading["texts"].items()
            for text in dict.fromkeys(said)  # (a class saying one thing twice says it once)
        ),
        "links": sorted(link for found in reading["links"].values() for link in found),
        "tags": reading["tags"]["all"],
        "tag colours": reading["colours"]["tags"],
        "headings": sections(data.get("sections", [])),
        "titles": sorted(
            author_titles(reading["statements"]) + author_titles(reading["arguments"])
        ),
    }


def cli_views(cases: dict[str, str], folder: Path) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Argdown's JSON of each case and of argmap's rewriting of it (``None`` without the CLI).

    The files are ``case0.argdown``, ``case1.argdown`` ... in the order of ``cases``, under
    ``folder``; one CLI run reads the originals, one the rewritings.
    """
    from argmap.formats import argdown

    cli = argdown_cli()
    if cli is None:
        return None
    for part in ("cases", "written"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(cases.values()):
        (folder / "cases" / f"case{n}.argdown").write_text(text, encoding="utf-8")
        rewritten = argdown.dumps(argdown.read("test.argdown", text=text))
        (folder / "written" / f"case{n}.argdown").write_text(rewritten, encoding="utf-8")
    return (
        export_json(cli, folder / "cases", folder / "cases-json"),
        export_json(cli, folder / "written", folder / "written-json"),
    )


def assert_read_alike(views: tuple[dict[str, Any], dict[str, Any]], file: str) -> None:
    """Argdown reads the rewriting of ``file`` as the original: counts, texts, tags, headings."""
    original, written = views
    assert file in original, "Argdown rejects the case itself"
    assert file in written, "Argdown rejects argmap's output"
    assert counts(written[file]) == counts(original[file])
    before, after = round_trip_view(original[file]), round_trip_view(written[file])
    assert {k: v for k, v in after.items() if v != before[k]} == {}
