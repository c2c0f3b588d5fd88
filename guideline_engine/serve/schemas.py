"""The service's request and response models (they are its OpenAPI schema).

The check request takes the facts of `check --facts`, by the same names and in the same value
forms. Its fields pass the values through untouched: the pre-check's own conversion
(`precheck.build_facts`) judges them, so the service accepts and refuses exactly what the CLI
does. Each field's schema documents the canonical form.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model

from ..models import LetterReport
from ..precheck import CheckReport
from ..vocabulary import FACT_TYPES, GUIDELINE_FAMILIES, enum_values

Guideline = Literal[GUIDELINE_FAMILIES]  # type: ignore[valid-type]


def fact_kind(name: str) -> str:
    """The kind of a fact's value: enum, integer, boolean, date or text."""
    typ = FACT_TYPES[name]
    if isinstance(typ, type) and issubclass(typ, Enum):
        return "enum"
    return {int: "integer", bool: "boolean", dt.date: "date", str: "text"}[typ]


def _fact_schema(name: str) -> dict[str, Any]:
    kind = fact_kind(name)
    if kind == "enum":
        return {"type": "string", "enum": enum_values(name),
                "description": "one of the listed values (any case; spaces and hyphens are read "
                               "as underscores)"}
    if kind == "integer":
        return {"type": "integer", "minimum": 0, "description": "a whole number, not negative"}
    if kind == "boolean":
        return {"anyOf": [{"type": "boolean"},
                          {"type": "string", "enum": ["yes", "no", "true", "false"]}],
                "description": "true or false (or yes/no)"}
    if kind == "date":
        return {"type": "string", "format": "date", "description": "a date, YYYY-MM-DD"}
    return {"type": "string", "minLength": 1,
            "description": "free text, mapped to its category as in letters"}


class _CheckBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    guideline: Guideline | None = Field(
        default=None, description="decide under this guideline instead of the Medical Evidence "
                                  "Search Sequence (MTUS first), as `check --guideline`")


# one optional field per fact of the vocabulary; omitted (or null) facts are unknown
CheckRequest = create_model(
    "CheckRequest",
    __base__=_CheckBase,
    __doc__="The facts of a treatment request, as `guideline-engine check --facts` takes them.",
    **{name: (Annotated[Any, WithJsonSchema(_fact_schema(name))], None) for name in FACT_TYPES},
)


class CheckResponse(CheckReport):
    """`guideline-engine check --format json`, and the version of the rules that decided it."""

    rules_version: str


class AuditResponse(BaseModel):
    """The letters of one uploaded file, each as in `guideline-engine audit --format json`."""

    source: str = Field(description="the uploaded file's name")
    rules_version: str
    letters: list[LetterReport]


class FieldError(BaseModel):
    field: str
    message: str


class ErrorResponse(BaseModel):
    detail: str
    errors: list[FieldError] = Field(default_factory=list)


class RulesetInfo(BaseModel):
    file: str = Field(description="path relative to the rules folder")
    guideline: str
    topic: str
    description: str | None
    edition: str
    effective_from: dt.date
    effective_to: dt.date | None
    rules: int = Field(description="rules after expansion of courses and trials")
    carried_forward_from: str | None = None


class RulesetsResponse(BaseModel):
    rules_version: str
    rules: int
    rulesets: list[RulesetInfo]


class Health(BaseModel):
    status: Literal["ok"]
    rules_version: str


class FactInfo(BaseModel):
    name: str
    kind: Literal["enum", "integer", "boolean", "date", "text"]
    choices: list[str] | None


class Vocabulary(BaseModel):
    facts: list[FactInfo]
    guidelines: list[str]


def vocabulary() -> Vocabulary:
    return Vocabulary(
        facts=[FactInfo(name=name, kind=fact_kind(name), choices=enum_values(name))
               for name in FACT_TYPES],
        guidelines=list(GUIDELINE_FAMILIES))
