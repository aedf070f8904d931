"""The grading rubric: component weights and the costs a teacher may set (``grade --rubric FILE``).

A rubric file is YAML (or JSON) with any of these keys; what it leaves out
keeps the default::

    weights: {conclusion: 20, reasons: 25, evidence: 20, structure: 20, gaps: 15}
    missing_anchor_cost: 0.2     # share of a statement's credit lost without a paragraph anchor
    unfounded_flag_cost: 0.5     # each gap flagged where the key has none, in missed gaps
    other_kind_credit: 0.5       # a gap of another kind on the right statement
    conclusion_elsewhere: 5      # points for the key's conclusion mapped, but not as the main one
    draft_credit: 0.1            # share of credit for a statement still marked draft

The weights are relative: they are scaled to a total of 100 over the
components the key has something for.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

COMPONENTS = ("conclusion", "reasons", "evidence", "structure", "gaps")
DEFAULT_WEIGHTS: dict[str, float] = {
    "conclusion": 20.0,
    "reasons": 25.0,
    "evidence": 20.0,
    "structure": 20.0,
    "gaps": 15.0,
}


class Rubric(BaseModel):
    """How a submission is scored (the defaults are argmap's standard rubric)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    missing_anchor_cost: float = Field(default=0.2, ge=0.0, le=1.0)
    unfounded_flag_cost: float = Field(default=0.5, ge=0.0, le=5.0)
    other_kind_credit: float = Field(default=0.5, ge=0.0, le=1.0)
    conclusion_elsewhere: float = Field(default=5.0, ge=0.0)
    draft_credit: float = Field(default=0.1, ge=0.0, le=1.0)

    @field_validator("weights")
    @classmethod
    def _known(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(COMPONENTS))
        if unknown:
            raise ValueError(
                f"unknown component {unknown[0]!r}: the components are {', '.join(COMPONENTS)}"
            )
        if any(v < 0 for v in value.values()):
            raise ValueError("a weight cannot be negative")
        merged = {**DEFAULT_WEIGHTS, **{k: float(v) for k, v in value.items()}}
        if not any(merged.values()):
            raise ValueError("at least one weight must be above 0")
        return merged


DEFAULT = Rubric()


def load_rubric(path: str | Path) -> Rubric:
    """Read a rubric file; a bad one is a :class:`~argmap.errors.MapFileError` naming the key."""
    import yaml

    from argmap.errors import MapFileError

    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise MapFileError(f"cannot read the rubric: {exc.strerror}", file=name) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise MapFileError(
            f"YAML error: {getattr(exc, 'problem', exc)}",
            file=name,
            line=mark.line + 1 if mark else None,
            col=mark.column + 1 if mark else None,
        ) from exc
    if data is None:
        return DEFAULT
    if not isinstance(data, dict):
        raise MapFileError("a rubric is a mapping of keys to values", file=name, line=1, col=1)
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        line = _line_of(text, str(err["loc"][0])) if err["loc"] else None
        raise MapFileError(f"{where}: {err['msg']}", file=name, line=line, col=1) from exc


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return None
