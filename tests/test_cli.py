"""The CLI's shape: version, help, ``python -m argmap``, schema, and what ``import argmap`` loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"argmap {argmap.__version__}\n"


def test_python_dash_m_help_smoke() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "show" in proc.stdout and "schema" in proc.stdout


def test_no_arguments_prints_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "Usage" in result.output


def test_schema_is_json_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["required"] == ["argmap", "conclusion"]
    node = schema["$defs"]["node"]["properties"]
    assert {"reasons", "evidence", "objections", "undercuts", "basis", "at"} <= set(node)
    assert "origin" not in node


def test_schema_accepts_the_maps() -> None:
    """The maps in maps/ validate against the printed schema (checked with a tiny validator)."""
    import yaml
    from conftest import MAPS

    schema = argmap.schema()
    for path in MAPS.glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        _check(data, schema, schema)


def _check(data: object, node: dict[str, object], root: dict[str, object]) -> None:
    """A minimal JSON Schema check (types, properties, required, refs, anyOf, enums)."""
    stack = [(data, node)]
    while stack:
        value, sch = stack.pop()
        if "$ref" in sch:
            name = str(sch["$ref"]).rsplit("/", 1)[-1]
            stack.append((value, root["$defs"][name]))  # type: ignore[index]
            continue
        if "anyOf" in sch:
            options = sch["anyOf"]
            assert isinstance(options, list)
            errors = 0
            for option in options:
                try:
                    _check(value, option, root)
                    break
                except AssertionError:
                    errors += 1
            assert errors < len(options), f"{value!r} matches no option"
            continue
        if "enum" in sch:
            assert value in sch["enum"]  # type: ignore[operator]
        kinds = sch.get("type")
        scalar = {"string": str, "integer": int, "boolean": bool, "number": (int, float)}
        wanted = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
        if wanted and all(k in scalar for k in wanted):
            assert any(isinstance(value, scalar[k]) for k in wanted), (value, wanted)  # type: ignore[arg-type]
        if sch.get("type") == "object":
            assert isinstance(value, dict), value
            props = sch.get("properties", {})
            assert isinstance(props, dict)
            for key in sch.get("required", []):  # type: ignore[attr-defined]
                assert key in value
            for key, item in value.items():
                if sch.get("additionalProperties") is False:
                    assert key in props, key
                if key in props:
                    stack.append((item, props[key]))
        if sch.get("type") == "array":
            assert isinstance(value, list)
            if "items" in sch:
                stack.extend((item, sch["items"]) for item in value)  # type: ignore[misc]


def test_schema_accepts_number_ids_and_relations(tmp_path: Path) -> None:
    """What the reader accepts, the schema accepts: `id: 7`, `ref: 7`, flat relations."""
    text = (
        "argmap: 1\nconclusion: {id: 7, text: The claim.}\n"
        "statements: [{id: R1, text: A reason.}, {id: 2, text: Another.}]\n"
        "relations: [{from: R1, to: 7}, {from: [2, R1], to: 7, type: attack}]\n"
    )
    path = tmp_path / "ids.yaml"
    path.write_text(text, encoding="utf-8")
    argmap.load(path)
    import yaml

    schema = argmap.schema()
    _check(yaml.safe_load(text), schema, schema)


def test_import_argmap_stays_light() -> None:
    code = (
        "import sys, argmap; heavy = [m for m in ('rich', 'graphviz', 'yaml', 'pydantic', "
        "'typer', 'wasmtime') if m in sys.modules]; print(','.join(heavy))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\nfrom argmap.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('graphviz', 'yaml', 'pydantic', 'wasmtime') if m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr.strip() == ""


_PLUGINS_AFTER_MAIN = """
import os, sys
sys.argv = ["argmap", "--version"]
from argmap.cli import main
try:
    main()
except SystemExit:
    pass
import pydantic.plugin._loader as loader
print(repr(os.environ.get("PYDANTIC_DISABLE_PLUGINS")), list(loader.get_plugins()))
"""


def test_the_command_loads_no_pydantic_plugins_unless_the_environment_says() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    run = [sys.executable, "-c", _PLUGINS_AFTER_MAIN]
    proc = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    assert proc.stdout.splitlines()[-1] == "'__all__' []"
    env["PYDANTIC_DISABLE_PLUGINS"] = ""
    proc = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    assert proc.stdout.splitlines()[-1].startswith("'' ")
