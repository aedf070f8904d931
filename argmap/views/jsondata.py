"""The one way results become JSON: every result type has ``to_dict()``; this writes the text.

Results (gaps, grades, cue reports, evaluations via
:func:`argmap.analysis.evaluate.evaluation_dict`, counts, the schema) are
turned into JSON-ready data by their own ``to_dict()`` (or are plain data
already); :func:`json_data` applies it through lists and mappings, and
:func:`json_text` writes it: two-space indent, UTF-8 as is (but C1 and bidi controls
escaped, :func:`argmap.safe_text.json_safe`), a final newline.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from argmap.safe_text import json_safe

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation
    from argmap.model import ArgumentMap


def json_data(value: Any) -> Any:
    """``value`` as plain JSON-ready data: ``to_dict()`` applied, through lists and mappings."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, list | tuple):
        return [json_data(item) for item in value]
    if isinstance(value, Mapping):
        return {key: json_data(item) for key, item in value.items()}
    return value


def json_text(value: Any) -> str:
    """``value`` as indented JSON text ending in a newline."""
    return json_safe(json.dumps(json_data(value), indent=2, ensure_ascii=False)) + "\n"


def evaluation_json(file: str, argmap: ArgumentMap, evaluation: Evaluation) -> str:
    """``argmap evaluate --format json``: the file, then the evaluation's data."""
    from argmap.analysis.evaluate import evaluation_dict

    return json_text({"file": file, **evaluation_dict(argmap, evaluation)})
