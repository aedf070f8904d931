"""The JSON Schema of the native map file, built from the model's pydantic fields.

The file is recursive (a node's reasons are nodes), so the schema refers to
``#/$defs/node`` from inside it; validation itself is done node by node by
the reader, never through this recursive schema.
"""

from __future__ import annotations

from typing import Any

from argmap.model import (
    AnnotatedGap,
    EvaluationSettings,
    InferenceFields,
    SourceInfo,
    Statement,
)

SCHEMA_ID = "https://argmap.dev/schema/map-1.json"


#: A node id: text, or a whole number (read as its text: `id: 7` is the id "7").
ID: dict[str, Any] = {"type": ["string", "integer"]}


def _fields(model: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = model.model_json_schema(ref_template="#/$defs/{model}")
    defs = schema.pop("$defs", {})
    schema.pop("title", None)
    return schema, defs


def map_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an argmap map file, YAML or JSON."""
    node, defs = _fields(Statement)
    node["properties"].pop("id")
    node["properties"] = {
        "id": {**ID, "description": "optional id, unique in the file"},
        **node["properties"],
    }
    node["required"] = ["text"]
    node["properties"]["at"] = {
        "anyOf": [
            {"type": "string", "pattern": r"^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$"},
            {"type": "integer"},
        ],
        "description": 'paragraph anchor(s): "16", "20-22", "1, 3-4"',
    }
    node["properties"]["source"] = {
        "anyOf": [{"type": "string"}, {"$ref": "#/$defs/Source"}],
        "description": "who says so, as the text gives it",
    }
    items = {"type": "array", "items": {"$ref": "#/$defs/item"}}
    node["properties"]["reasons"] = {**items, "description": "items that support this node"}
    node["properties"]["evidence"] = {
        **items,
        "description": "evidence items that support this node",
    }
    node["properties"]["objections"] = {**items, "description": "items that attack this node"}
    node["properties"]["inference"] = {"$ref": "#/$defs/inference"}
    node["properties"]["undercuts"] = {
        **items,
        "description": "items that attack the inference joining this node to its parent",
    }
    node["additionalProperties"] = False

    inference, more = _fields(InferenceFields)
    defs.update(more)
    inference["additionalProperties"] = False
    gap, more = _fields(AnnotatedGap)
    defs.update(more)
    gap["properties"].pop("origin", None)
    source, more = _fields(SourceInfo)
    defs.update(more)
    evaluation, more = _fields(EvaluationSettings)
    defs.update(more)

    ref_item = {
        "type": "object",
        "properties": {
            "ref": {**ID, "description": "id of a node defined elsewhere"},
            "inference": {"$ref": "#/$defs/inference"},
            "undercuts": items,
        },
        "required": ["ref"],
        "additionalProperties": False,
    }
    linked_item = {
        "type": "object",
        "properties": {
            "linked": {
                "type": "array",
                "minItems": 1,
                "items": {"anyOf": [{"$ref": "#/$defs/ref"}, {"$ref": "#/$defs/node"}]},
                "description": "co-premises that only work together",
            },
            "inference": {"$ref": "#/$defs/inference"},
            "undercuts": items,
        },
        "required": ["linked"],
        "additionalProperties": False,
    }
    relation = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "from": {"anyOf": [ID, {"type": "array", "items": ID}]},
            "to": ID,
            "type": {"enum": ["support", "attack", "undercut"]},
            **{k: v for k, v in inference["properties"].items() if k != "id"},
        },
        "required": ["from", "to"],
        "additionalProperties": False,
    }
    defs.update(
        {
            "node": node,
            "ref": {
                "type": "object",
                "properties": {"ref": ID},
                "required": ["ref"],
                "additionalProperties": False,
            },
            "item": {
                "anyOf": [
                    {"$ref": "#/$defs/linked"},
                    {"$ref": "#/$defs/refitem"},
                    {"$ref": "#/$defs/node"},
                ]
            },
            "refitem": ref_item,
            "linked": linked_item,
            "inference": inference,
            "gap": gap,
            "sourceinfo": source,
            "relation": relation,
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap map file",
        "description": "An argument map: the main conclusion with its reasons, evidence and objections.",
        "type": "object",
        "properties": {
            "argmap": {"const": 1, "description": "format version"},
            "title": {"type": "string"},
            "source": {"$ref": "#/$defs/sourceinfo"},
            "conclusion": {"$ref": "#/$defs/node"},
            "statements": {"type": "array", "items": {"$ref": "#/$defs/node"}},
            "relations": {"type": "array", "items": {"$ref": "#/$defs/relation"}},
            "gaps": {"type": "array", "items": {"$ref": "#/$defs/gap"}},
            "evaluation": {**evaluation, "additionalProperties": False},
            "meta": {"type": "object"},
        },
        "required": ["argmap", "conclusion"],
        "additionalProperties": False,
        "$defs": defs,
    }
