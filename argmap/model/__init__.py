"""The argument model: statements, inferences and the map that holds them."""

from argmap.model.anchors import format_anchor, parse_anchor
from argmap.model.graph import ArgumentMap, GraphError, TreeEntry
from argmap.model.nodes import (
    BASIS_HELP,
    AnnotatedGap,
    Basis,
    EvaluationSettings,
    GapRef,
    Inference,
    InferenceFields,
    InferenceKind,
    Origin,
    Rating,
    Role,
    Severity,
    Source,
    SourceInfo,
    Statement,
    StatementKind,
    Strength,
)

__all__ = [
    "BASIS_HELP",
    "AnnotatedGap",
    "ArgumentMap",
    "Basis",
    "GraphError",
    "Inference",
    "InferenceFields",
    "EvaluationSettings",
    "GapRef",
    "InferenceKind",
    "Origin",
    "Rating",
    "Role",
    "Severity",
    "Source",
    "SourceInfo",
    "Statement",
    "StatementKind",
    "Strength",
    "TreeEntry",
    "format_anchor",
    "parse_anchor",
]
