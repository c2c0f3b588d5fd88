"""The YAML ruleset schema, as pydantic models (extra="forbid" everywhere).

A ruleset file holds one guideline topic of one edition:

    guideline: MTUS
    topic: physical_medicine
    edition: {name: "CPMTG 2009", effective_from: 2009-07-18, effective_to: 2017-11-30}
    applies_to: {modality: {in: [physical_therapy]}}      # the scope every rule shares
    applies_to_any: [...]   # optional: the scope also needs one of these (an "or" of scopes)
    courses: [...]    # a recommended course of N visits (expanded into the standard rules)
    trials:  [...]    # a trial of N visits, then a total of M with functional improvement
    rules:   [...]    # any other rule, written out in full

Conditions are data: a mapping of fact name -> test. Nothing here is ever evaluated as Python;
rules.compile turns conditions into durable-rules JSON and durable-rules evaluates them.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import Citation, Effect, FindingKind
from ..vocabulary import (
    DATE_FACTS,
    FREE_TEXT_FACTS,
    NUMERIC_FACTS,
    RULE_FACTS,
    SurgeryCategory,
    enum_values,
)

Scalar = bool | int | str | dt.date


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Test(Strict):
    """A test on one fact. Several keys combine with AND. A test on an unknown fact is false,
    unless `or_unknown: true`; `known: false` tests that the fact is unknown."""

    eq: Scalar | None = None
    ne: Scalar | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None
    gt: int | dt.date | None = None
    gte: int | dt.date | None = None
    lt: int | dt.date | None = None
    lte: int | dt.date | None = None
    known: bool | None = None
    or_unknown: bool = False

    @model_validator(mode="after")
    def _not_empty(self) -> Test:
        if not self.value_tests() and self.known is None:
            raise ValueError("a test needs at least one of eq, ne, in, not_in, gt, gte, lt, lte, "
                             "known")
        if self.known is False and (self.value_tests() or self.or_unknown):
            raise ValueError("known: false cannot be combined with value tests or or_unknown")
        return self

    def value_tests(self) -> dict[str, object]:
        out = {}
        for key in ("eq", "ne", "in_", "not_in", "gt", "gte", "lt", "lte"):
            value = getattr(self, key)
            if value is not None:
                out[key.rstrip("_")] = value
        return out

    def is_positive(self) -> bool:
        """True when the test can only hold for a fact that is present (durable-rules needs at
        least one such test in a rule: a rule of absence tests alone hangs the engine)."""
        return not self.or_unknown and self.known is not False and (
            bool(self.value_tests()) or self.known is True)


def _check_conditions(conditions: dict[str, Test]) -> dict[str, Test]:
    for fact, test in conditions.items():
        if fact not in RULE_FACTS:
            raise ValueError(f"unknown fact '{fact}' (not in the fact vocabulary)")
        if fact in FREE_TEXT_FACTS:
            raise ValueError(f"'{fact}' is free text; test its category instead")
        allowed = enum_values(fact)
        for key, value in test.value_tests().items():
            values = value if isinstance(value, list) else [value]
            if key in ("gt", "gte", "lt", "lte") and fact not in NUMERIC_FACTS | DATE_FACTS:
                raise ValueError(f"'{key}' needs a numeric or date fact; '{fact}' is neither")
            if allowed is not None:
                bad = [v for v in values if v not in allowed]
                if bad:
                    raise ValueError(f"'{fact}' has no value {bad[0]!r}; allowed: "
                                     + ", ".join(allowed))
            if fact in DATE_FACTS and any(not isinstance(v, dt.date) for v in values):
                raise ValueError(f"'{fact}' is a date; compare it with dates (YYYY-MM-DD)")
    return conditions


Conditions = Annotated[dict[str, Test], AfterValidator(_check_conditions)]


class Edition(Strict):
    name: str
    effective_from: dt.date
    effective_to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Edition:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self


class Approvable(Strict):
    """Visits approvable when a rule denies: `visits` less the prior sessions (never below 0)."""

    visits: int = Field(ge=0)
    minus_prior: bool = True


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    kind: FindingKind
    effect: Effect
    when: Conditions = Field(default_factory=dict)
    any: list[Conditions] = Field(default_factory=list)
    approvable_visits: Annotated[int, Field(ge=0)] | Approvable | Literal["requested"] | None = None
    reason: str
    citation: Citation
    verified: bool = True

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        for name in template_fields(value):
            if name not in RULE_FACTS and name != "guideline":
                raise ValueError(f"reason placeholder '{name}' is not a fact name")
        return value

    @field_validator("any")
    @classmethod
    def _any(cls, value: list[Conditions]) -> list[Conditions]:
        if any(not conditions for conditions in value):
            raise ValueError("an empty alternative under 'any' would always hold")
        return value


class Figure(Strict):
    visits: int = Field(gt=0)
    min_visits: int | None = Field(default=None, gt=0)
    weeks: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _range(self) -> Figure:
        if self.min_visits is not None and self.min_visits > self.visits:
            raise ValueError("min_visits is larger than visits")
        return self

    def text(self) -> str:
        count = (f"{self.min_visits}-{self.visits}" if self.min_visits
                 and self.min_visits != self.visits else str(self.visits))
        return count + (f" visits over {self.weeks} weeks" if self.weeks else " visits")


class CourseSpec(Strict):
    """A recommended course: `figure` visits for the condition `label`. Expands into the rules
    visit_limit_exceeded, course_exceeded, prior_visits_exceed_limit, within_guideline and the
    insufficient-documentation rules (see rules.expand)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    label: str
    when: Conditions = Field(default_factory=dict)
    # entry criteria an approval needs besides the figures (the deny side is a plain rule)
    requires: Conditions = Field(default_factory=dict)
    # ... and, for each named criterion that can be met in more than one way, one of its
    # alternatives
    requires_one_of: dict[str, list[Conditions]] = Field(default_factory=dict)
    figure: Figure
    # whether going on within the figure after earlier sessions needs documented functional
    # improvement; false where the figure is the whole course the guideline allows ("limited to
    # 4-6 visits in most cases"): then only a record that says it did not help stops it
    improvement_within_figure: bool = True
    citation: Citation
    verified: bool = True


class TrialSpec(Strict):
    """A trial of `trial` visits; with documented functional improvement, a total of `total`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    label: str
    when: Conditions = Field(default_factory=dict)
    # entry criteria an approval needs besides the figures (the deny side is a plain rule)
    requires: Conditions = Field(default_factory=dict)
    # ... and, for each named criterion that can be met in more than one way, one of its
    # alternatives
    requires_one_of: dict[str, list[Conditions]] = Field(default_factory=dict)
    trial: Figure
    total: Figure | None = None
    citation: Citation
    verified: bool = True

    @model_validator(mode="after")
    def _total_after_trial(self) -> TrialSpec:
        if self.total is not None and self.total.visits < self.trial.visits:
            raise ValueError("the total is smaller than the trial")
        return self


class CarryForward(Strict):
    """A later edition whose figures were not read: take another file's rules, mark every one
    unconfirmed, and cite the later edition. `source` is relative to this file's folder."""

    source: str
    rename_from: str
    rename_to: str
    note: str
    document: str | None = None
    edition: str | None = None


class RulesetFile(Strict):
    guideline: Literal["MTUS", "ODG", "ACOEM", "LC"]
    topic: str = Field(pattern=r"^[a-z0-9_]+$")
    description: str | None = None
    edition: Edition
    applies_to: Conditions = Field(default_factory=dict)
    # the scope also needs one of these alternatives ("not postsurgical, or after a surgery the
    # postsurgical table does not list"); empty: applies_to alone
    applies_to_any: list[Conditions] = Field(default_factory=list)
    carry_forward: CarryForward | None = None
    courses: list[CourseSpec] = Field(default_factory=list)
    trials: list[TrialSpec] = Field(default_factory=list)
    rules: list[RuleSpec] = Field(default_factory=list)
    # months after surgery during which postsurgical physical medicine applies (9792.24.3);
    # the engine derives the `postsurgical` fact from these
    postsurgical_periods: dict[SurgeryCategory, Annotated[int, Field(gt=0)]] = Field(
        default_factory=dict)

    @field_validator("applies_to")
    @classmethod
    def _scope(cls, value: Conditions) -> Conditions:
        if value and not any(test.is_positive() for test in value.values()):
            raise ValueError("applies_to needs at least one test that only a known fact can pass "
                             "(e.g. modality: {in: [...]})")
        return value

    @field_validator("applies_to_any")
    @classmethod
    def _scope_any(cls, value: list[Conditions]) -> list[Conditions]:
        if any(not conditions for conditions in value):
            raise ValueError("an empty alternative under 'applies_to_any' would always hold")
        return value

    @model_validator(mode="after")
    def _has_rules(self) -> RulesetFile:
        if self.carry_forward is not None:
            if self.courses or self.trials or self.rules:
                raise ValueError("a carry_forward file takes its rules from its source; it "
                                 "cannot add courses, trials or rules")
            return self
        if not self.applies_to:
            raise ValueError("applies_to: missing required key")
        if not (self.courses or self.trials or self.rules):
            raise ValueError("the ruleset has no courses, trials or rules")
        return self

    def carried_forward(self, source: RulesetFile) -> RulesetFile:
        """This edition with `source`'s scope and rules, every figure marked unconfirmed."""
        cf = self.carry_forward
        assert cf is not None

        def cite(citation: Citation) -> Citation:
            return citation.model_copy(update={
                "verified": False, "confidence": "unconfirmed (carried forward)",
                "note": cf.note, "document": cf.document or citation.document,
                "edition": cf.edition or citation.edition})

        def renamed(spec):
            if not spec.id.startswith(cf.rename_from):
                raise ValueError(f"rule id '{spec.id}' does not start with '{cf.rename_from}'")
            return spec.model_copy(update={
                "id": cf.rename_to + spec.id[len(cf.rename_from):], "verified": False,
                "citation": cite(spec.citation)})

        return source.model_copy(update={
            "edition": self.edition, "topic": self.topic, "description": self.description,
            "applies_to": self.applies_to or source.applies_to,
            "applies_to_any": self.applies_to_any or source.applies_to_any, "carry_forward": None,
            "courses": [renamed(c) for c in source.courses],
            "trials": [renamed(t) for t in source.trials],
            "rules": [renamed(r) for r in source.rules]})


# ---- reason templates: only plain {name} placeholders, checked at load time


@functools.lru_cache(maxsize=4096)
def template_fields(template: str) -> tuple[str, ...]:
    """The placeholder names of a reason template; raises ValueError on anything but {name}."""
    names = []
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            raise ValueError(f"placeholder {{{field}}} is not a plain name; only {{fact_name}} "
                             "placeholders are allowed")
        names.append(field)
    return tuple(names)
