"""The package's layering, read from its imports with ``ast`` so that it never drifts back.

Every ``import`` and ``from ... import`` counts wherever it stands: at module
level, inside a function (a deferred import is still an import) or under
``if TYPE_CHECKING:``. The rules (docs/architecture.md):

- no import cycle among argmap's modules;
- ``model``, ``formats``, ``analysis`` and ``teaching`` import no view, no
  API and no front end;
- only the front ends (``cli``, ``lsp``, ``watch``, ``__init__``,
  ``__main__``) import ``argmap.api`` (or the ``argmap`` package, which is it);
- ``cli`` imports only the API, errors, views, model types and the other
  front ends;
- no module is over 1,200 lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"
MAX_LINES = 1200
LOWER_PARTS = ("argmap.model", "argmap.formats", "argmap.analysis", "argmap.teaching")
FRONT_END_PARTS = ("argmap.cli", "argmap.lsp", "argmap.watch")
#: what the CLI may import from argmap, besides the other front ends
CLI_MAY_IMPORT = ("argmap.api", "argmap.errors", "argmap.views", "argmap.model")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, part: str) -> bool:
    """``name`` is the module or package ``part`` or inside it."""
    return name == part or name.startswith(part + ".")


def is_front_end(name: str) -> bool:
    return name in ("argmap", "argmap.__main__") or any(within(name, p) for p in FRONT_END_PARTS)


def _resolve(module: str, names: Iterable[str]) -> set[str]:
    """``from module import a, b``: the submodules imported, else the module itself."""
    found = {f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES}
    if not found or any(f"{module}.{n}" not in MODULES for n in names):
        found.add(module)
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """Every argmap module that the module ``name`` imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if within(alias.name, "argmap"):
                    # "import a.b.c" imports the deepest module that exists
                    target = alias.name
                    while target not in MODULES and "." in target:
                        target = target.rpartition(".")[0]
                    out.add(target)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if within(module, "argmap"):
                out |= _resolve(module, [a.name for a in node.names])
    out.discard(name)
    return out


GRAPH: dict[str, set[str]] = {name: imports_of(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected set of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    found.append(sorted(members))
    return found


# --- the walker itself: it must see what it is meant to see ----------------------------------


def test_the_walker_sees_deferred_and_type_checking_imports() -> None:
    # argmap.api imports the gap rules inside a function, and the model under TYPE_CHECKING
    assert "argmap.analysis.gaps" in GRAPH["argmap.api"]
    assert "argmap.model" in GRAPH["argmap.api"]
    # "from argmap.views import gaps_report" is an import of that module
    assert "argmap.views.gaps_report" in GRAPH["argmap.cli.core"]
    assert len(MODULES) > 50


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


# --- the rules ------------------------------------------------------------------------------


def test_no_import_cycle() -> None:
    assert cycles(GRAPH) == []


@pytest.mark.parametrize(
    "name", sorted(n for n in MODULES if any(within(n, p) for p in LOWER_PARTS))
)
def test_lower_parts_import_no_view_api_or_front_end(name: str) -> None:
    bad = sorted(
        target
        for target in GRAPH[name]
        if within(target, "argmap.views") or target == "argmap.api" or is_front_end(target)
    )
    assert bad == [], f"{name} imports {bad}"


def test_views_import_no_api_or_front_end() -> None:
    bad = {
        name: sorted(t for t in targets if t == "argmap.api" or is_front_end(t))
        for name, targets in GRAPH.items()
        if within(name, "argmap.views")
    }
    assert {k: v for k, v in bad.items() if v} == {}


def test_only_front_ends_import_the_api() -> None:
    importers = sorted(
        name
        for name, targets in GRAPH.items()
        if ("argmap.api" in targets or "argmap" in targets) and not is_front_end(name)
    )
    assert importers == []


def test_cli_imports_only_the_api_errors_views_model_and_front_ends() -> None:
    cli = [name for name in GRAPH if within(name, "argmap.cli")]
    assert {"argmap.cli", "argmap.cli.core", "argmap.cli.teaching"} <= set(cli)
    bad = sorted(
        (name, target)
        for name in cli
        for target in GRAPH[name]
        if not is_front_end(target) and not any(within(target, p) for p in CLI_MAY_IMPORT)
    )
    assert bad == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_the_line_limit(name: str) -> None:
    with MODULES[name].open(encoding="utf-8") as f:
        lines = sum(1 for _ in f)
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_says_what_it_is_for(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{name} has no opening docstring"
