"""The elements of an argument map: statements, inferences, annotated gaps, source metadata.

These are pydantic models so that each node of a map file is validated on
its own (never one recursive model for the whole tree: recursive models fail
at a few hundred levels) and so that ``argmap schema`` can describe them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.json_schema import SkipJsonSchema

from argmap.model.anchors import normalize_anchor, parse_anchor


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an element was read from: a file and a 1-based line and column."""

    file: str | None
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [str(p) for p in (self.file, self.line, self.col) if p is not None]
        return ":".join(parts)


class StatementKind(StrEnum):
    """What a statement is in the argument."""

    CLAIM = "claim"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"


class Basis(StrEnum):
    """What kind of support a piece of evidence offers (Rationale's "basis" boxes)."""

    STATISTIC = "statistic"
    STUDY = "study"
    EXPERT = "expert"
    OFFICIAL_RECORD = "official-record"
    DOCUMENT = "document"
    MEDIA = "media"
    LEAK = "leak"
    TESTIMONY = "testimony"
    EXAMPLE = "example"
    ANECDOTE = "anecdote"
    ASSERTION = "assertion"
    COMMON_BELIEF = "common-belief"
    ANONYMOUS = "anonymous"


#: One line per basis type, for help texts and the README.
BASIS_HELP: dict[Basis, str] = {
    Basis.STATISTIC: "numbers from a count or survey",
    Basis.STUDY: "research, a report with a method",
    Basis.EXPERT: "an identified expert's opinion",
    Basis.OFFICIAL_RECORD: "a government or court record, a sanctions listing",
    Basis.DOCUMENT: "a primary document (a law, a contract, a letter)",
    Basis.MEDIA: "a news report",
    Basis.LEAK: "leaked material",
    Basis.TESTIMONY: "a witness's account",
    Basis.EXAMPLE: "a single case offered as an instance",
    Basis.ANECDOTE: "an unverified story",
    Basis.ASSERTION: "the author's bare say-so",
    Basis.COMMON_BELIEF: '"everyone knows"',
    Basis.ANONYMOUS: 'an unnamed source ("sources say")',
}


class Rating(StrEnum):
    """How well a piece of evidence holds up."""

    SOLID = "solid"
    SHAKY = "shaky"
    NONE = "none"


class Strength(StrEnum):
    """How well an inference's premises lead to its target."""

    STRONG = "strong"
    WEAK = "weak"


class Role(StrEnum):
    """Who puts a statement forward (kept from the arg-microtexts corpus)."""

    PROPONENT = "proponent"
    OPPONENT = "opponent"


class InferenceKind(StrEnum):
    """What an inference does to its target."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"  # an attack whose target is an inference


class Severity(StrEnum):
    """How serious a gap is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_ID = re.compile(r"^[^\x00-\x1f\x7f]+$")
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

OriginField = Annotated[SkipJsonSchema[Origin | None], Field(default=None, exclude=True)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_id(value: str) -> str:
    """Ids are any text on one line, without surrounding spaces."""
    if not _ID.match(value) or value != value.strip():
        raise ValueError(f"bad id {value!r}: an id is non-empty text on one line, no outer spaces")
    return value


_M = TypeVar("_M", bound=BaseModel)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
        use_enum_values=False,
        validate_default=False,
    )

    def __setattr__(self, name: str, value: Any) -> None:
        # a shared fields-set (see share_fields_sets) becomes this model's own before it changes
        if type(self.__pydantic_fields_set__) is _SharedFields:
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)


class _SharedFields(set[str]):
    """One fields-set (the names given when a model was made) for many models."""

    def __copy__(self) -> set[str]:
        return set(self)


def share_fields_sets(models: Iterable[BaseModel]) -> None:
    """Let models that were given the same fields share one fields-set.

    pydantic keeps, in every model, the set of field names it was given: 216
    bytes for four names, 728 for five, where the model itself is 600-800. A
    reader of a large map makes a few shapes of statement and inference many
    thousand times, so one set per shape saves about a third of the model's
    memory. The sets are copied before a model changes (``_Model.__setattr__``,
    ``model_copy``), so each model still reads and changes only its own.
    """
    shared: dict[frozenset[str], _SharedFields] = {}
    for model in models:
        names = model.__pydantic_fields_set__
        key = frozenset(names)
        one = shared.get(key)
        if one is None:
            one = shared[key] = _SharedFields(names)
        object.__setattr__(model, "__pydantic_fields_set__", one)


def _made(cls: type[_M], fields: dict[str, Any], fields_set: set[str]) -> _M:
    """A model whose ``__dict__`` is ``fields`` (every field, in field order), unvalidated."""
    made = cls.__new__(cls)
    object.__setattr__(made, "__dict__", fields)
    object.__setattr__(made, "__pydantic_fields_set__", fields_set)
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


@functools.cache
def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Each field's default, in field order (``None`` where a factory makes it)."""
    return {
        name: None if info.default_factory is not None else info.default
        for name, info in cls.model_fields.items()
    }


class Source(_Model):
    """Who says so, as the text gives it."""

    name: str | None = Field(default=None, description="the source as the text names it")
    date: str | None = Field(default=None, description="when: 2017, 2017-02 or 2017-02-08")
    url: str | None = None
    locator: str | None = Field(default=None, description="page, section, timestamp...")

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        # YAML reads 2017 as a number and 2017-02-08 as a date: keep them as text
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class Statement(_Model):
    """A statement of the map: a claim, a piece of evidence or an assumption."""

    id: str
    text: str = Field(min_length=1, description="the statement")
    kind: StatementKind = StatementKind.CLAIM
    implicit: bool = Field(default=False, description="an unstated assumption")
    reconstructed: bool = Field(
        default=False,
        description="the analyst's, not the author's: added to the map or reworded beyond the text",
    )
    added: str | None = Field(
        default=None,
        description="words of the text the analyst added to the author's statement (a clause)",
    )
    given: bool = Field(default=False, description="common ground: needs no support")
    optional: bool = Field(
        default=False,
        description="in a grading key: credit when a student maps it, nothing lost when not",
    )
    alternatives: list[str] = Field(
        default_factory=list,
        description="in a grading key: other wordings of the statement a student may give",
    )
    at: str | None = Field(default=None, description='paragraph anchor(s): "16", "20-22", "1, 3-4"')
    quote: str | None = None
    basis: Basis | None = None
    source: Source | None = None
    rating: Rating | None = Field(default=None, description="override the evidence rating")
    status: str | None = Field(default=None, description='"draft" for a node still to check')
    role: Role | None = None
    title: str | None = None
    tags: list[str] = Field(default_factory=list)
    note: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    origin: OriginField = None

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        return check_id(value)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    @field_validator("added")
    @classmethod
    def _added_in_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        text = info.data.get("text")
        if value is not None and isinstance(text, str) and _squash(value) not in _squash(text):
            raise ValueError(
                f"{value!r} does not occur in the text: 'added' quotes the words of the"
                " statement's text that the analyst added"
            )
        return value

    @field_validator("at", mode="before")
    @classmethod
    def _anchor(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if not isinstance(value, str):
            return value
        return normalize_anchor(value)

    @field_validator("source", mode="before")
    @classmethod
    def _source_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"name": value}
        return value

    @property
    def anchors(self) -> tuple[int, ...]:
        """The paragraph numbers this statement is anchored at."""
        return parse_anchor(self.at) if self.at else ()

    @property
    def is_assumption(self) -> bool:
        return self.kind is StatementKind.ASSUMPTION or self.implicit


#: Statement fields a reader may check by hand (:func:`quick_statement`), by the types
#: pydantic keeps as they are: text or none, a plain true or false.
_QUICK_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    **{name: (str, type(None)) for name in ("quote", "title", "status", "note")},
    **dict.fromkeys(("implicit", "reconstructed", "given", "optional"), (bool,)),
}
#: ... and the fields whose value is one of an enumeration's (``None`` allowed where it is).
_QUICK_CHOICES: dict[str, dict[Any, Any]] = {
    "kind": {member.value: member for member in StatementKind},
    **{
        name: {None: None, **{member.value: member for member in choices}}
        for name, choices in (("basis", Basis), ("rating", Rating), ("role", Role))
    },
}


@dataclass(frozen=True, slots=True)
class _Plan:
    """How :func:`quick_statement` checks the nodes that give one sequence of keys."""

    typed: tuple[tuple[str, tuple[type, ...]], ...]
    choices: tuple[tuple[str, dict[Any, Any]], ...]
    fields: tuple[str, ...] | None  # the node's fields, when it has other keys too
    at: bool
    source: bool
    kind_given: bool
    implicit: bool
    given: _SharedFields  # the fields-set when the kind is the node's own or the default
    given_kind: _SharedFields  # ... when the reader gives the kind


_PLANS: dict[tuple[frozenset[str], tuple[str, ...]], _Plan | None] = {}


def _plan(skip: frozenset[str], keys: tuple[str, ...]) -> _Plan | None:
    fields = tuple(key for key in keys if key not in skip)
    quick = _QUICK_TYPES.keys() | _QUICK_CHOICES.keys() | {"id", "at", "source"}
    if "text" not in fields or not set(fields) <= quick:
        return None
    given = set(fields) | {"id", "origin"}
    return _Plan(
        typed=tuple((key, _QUICK_TYPES[key]) for key in fields if key in _QUICK_TYPES),
        choices=tuple((key, _QUICK_CHOICES[key]) for key in fields if key in _QUICK_CHOICES),
        fields=None if len(fields) == len(keys) else fields,
        at="at" in fields,
        source="source" in fields,
        kind_given="kind" in fields,
        implicit="implicit" in fields,
        given=_SharedFields(given),
        given_kind=_SharedFields(given | {"kind"}),
    )


def quick_statement(
    node: dict[str, Any],
    sid: str,
    kind: StatementKind | None,
    origin: Origin,
    skip: frozenset[str],
) -> Statement | None:
    """The statement a reader's node validates to, checked here without pydantic when every
    field it gives is plain (``None``: let pydantic validate it, and report what is wrong).

    ``sid`` is its id, ``kind`` its kind when the node gives none (and is not
    implicit), ``origin`` where it was read; keys in ``skip`` are the node's
    children, not fields. A node passes only with exactly the types pydantic
    would keep as they are (text as ``str``, flags as ``bool``, an anchor that
    :func:`normalize_anchor` accepts), so that the statement is the one
    validation makes; tests/test_model.py proves the two equal on generated
    nodes. The checks are planned once for each sequence of keys.
    """
    keys = (skip, tuple(node))
    try:
        plan = _PLANS[keys]
    except KeyError:
        plan = _PLANS[keys] = _plan(*keys)
    if plan is None or not _ID.match(sid) or sid != sid.strip():
        return None
    for key, types in plan.typed:
        if type(node[key]) not in types:
            return None
    if not node["text"].strip():
        return None
    fields = dict(_defaults(Statement))
    if plan.fields is None:
        fields.update(node)
    else:
        for key in plan.fields:
            fields[key] = node[key]
    for key, choices in plan.choices:
        value = node[key]
        if type(value) is not str and value is not None or value not in choices:
            return None
        fields[key] = choices[value]
    if plan.at:
        value = node["at"]
        if value is not None:
            if type(value) is int:
                value = str(value)
            elif type(value) is not str:
                return None
            try:
                fields["at"] = normalize_anchor(value)
            except ValueError:
                return None
    if plan.source and node["source"] is not None:
        source = _quick_source(node["source"])
        if source is None:
            return None
        fields["source"] = source
    fields["alternatives"] = []
    fields["tags"] = []
    fields["meta"] = {}
    fields["id"] = sid
    fields["origin"] = origin
    given = plan.given
    if not plan.kind_given:
        if plan.implicit and node["implicit"] is True:
            fields["kind"] = StatementKind.ASSUMPTION
            given = plan.given_kind
        elif kind is not None:
            fields["kind"] = kind
            given = plan.given_kind
    return _made(Statement, fields, given)


#: The fields-set of a quick source, by the keys it gives (``None``: not all are fields).
_SOURCE_SHAPES: dict[tuple[str, ...], _SharedFields | None] = {}


def _quick_source(value: Any) -> Source | None:
    """A statement's ``source`` as validation makes it when it is plain (``None``: not plain)."""
    if type(value) is str:
        value = {"name": value}
    elif type(value) is not dict:
        return None
    keys = tuple(value)
    try:
        given = _SOURCE_SHAPES[keys]
    except KeyError:
        fits = set(keys) <= Source.model_fields.keys()
        given = _SOURCE_SHAPES[keys] = _SharedFields(keys) if fits else None
    if given is None:
        return None
    fields = dict(_defaults(Source))
    fields.update(value)
    for key, item in value.items():
        if type(item) is not str and item is not None:
            if key != "date" or type(item) is not int:
                return None
            fields[key] = str(item)
    return _made(Source, fields, given)


class GapRef(_Model):
    """An annotated gap named by its node and kind (``{gap: E14, kind: unverifiable}``)."""

    gap: str = Field(description="the node the annotated gap is on")
    kind: str = Field(description="the annotated gap's kind")


#: How a map answers a scheme's critical questions: question key or name -> what answers it.
Answers = dict[str, str | GapRef]
_ANSWERS_HELP = (
    "critical questions of the scheme answered in the map: question (CQ1 or its name) -> "
    "the id of the statement that answers it, or {gap: NODE, kind: KIND} for an annotated gap"
)


class Inference(_Model):
    """Premises that together support or attack one target (a statement or, for an undercut, an inference)."""

    id: str
    premises: list[str] = Field(min_length=1)
    target: str
    kind: InferenceKind = InferenceKind.SUPPORT
    scheme: str | None = Field(default=None, description='e.g. "Argument From Expert Opinion"')
    answers: Answers = Field(default_factory=dict, description=_ANSWERS_HELP)
    strength: Strength | None = Field(default=None, description="override the inference rating")
    label: str | None = None
    example: bool = Field(default=False, description="support by example (arg-microtexts exa)")
    relation: str | None = Field(default=None, description="e.g. contrary, contradictory")
    meta: dict[str, Any] = Field(default_factory=dict)
    origin: OriginField = None

    @property
    def is_attack(self) -> bool:
        return self.kind is not InferenceKind.SUPPORT


#: The fields-set of every inference :func:`plain_inference` makes.
_PLAIN_INFERENCE = _SharedFields(("id", "premises", "target", "kind", "origin"))


def plain_inference(
    inf_id: str, premises: list[str], target: str, kind: InferenceKind, origin: Origin
) -> Inference:
    """The inference validating these would make (defaults filled in, its own empty
    ``answers`` and ``meta``), made without validating them again.

    Only for values of the right types by construction (a reader's resolved
    ids, its own kind and origin). pydantic's ``model_construct`` does the same
    work field by field; on a 100,000-inference map this takes a third of the
    time validating takes (tests/test_model.py proves both equal).
    """
    fields = dict(_defaults(Inference))
    fields["id"] = inf_id
    fields["premises"] = premises
    fields["target"] = target
    fields["kind"] = kind
    fields["answers"] = {}
    fields["meta"] = {}
    fields["origin"] = origin
    return _made(Inference, fields, _PLAIN_INFERENCE)


class InferenceFields(_Model):
    """The ``inference:`` block of a map file: properties of the inference to the parent."""

    id: str | None = None
    scheme: str | None = None
    answers: Answers = Field(default_factory=dict, description=_ANSWERS_HELP)
    strength: Strength | None = None
    label: str | None = None
    example: bool = False
    relation: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class AnnotatedGap(_Model):
    """A gap the analyst wrote into the map."""

    node: str = Field(description="id of the statement (or inference) the gap is about")
    kind: str = Field(description="factual-error, implicit-premise, non-sequitur, ... (kebab-case)")
    note: str | None = None
    cite: str | None = Field(default=None, description="the record that shows it")
    severity: Severity | None = None
    origin: OriginField = None

    @field_validator("kind")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not _KEBAB.match(value):
            raise ValueError(f"gap kind {value!r} must be kebab-case, like factual-error")
        return value


class EvaluationSettings(_Model):
    """The ``evaluation:`` block of a map file: how ``argmap evaluate`` weighs the map."""

    unsupported_attacks: Literal["label", "ignore", "weaken"] = Field(
        default="label",
        description="how an objection or undercut with no support of its own counts: label "
        "(default: it defeats its target's IN/OUT label, not its verdict), ignore (neither), "
        "weaken (both: it also pulls the verdict down)",
    )


class SourceInfo(_Model):
    """What the map analyses."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    text: str | None = Field(default=None, description="the source text file, relative to the map")

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value
