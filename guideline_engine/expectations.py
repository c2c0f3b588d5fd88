"""Expectations kept as data next to a letter (NAME.expected.yaml), and checking a report
against them. Used by the tests and by `guideline-engine test`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import GuidelineEngineError
from .models import Decision, FindingKind, LetterReport, Outcome, RecordedOutcome
from .vocabulary import FACT_TYPES

EXPECTED_SUFFIX = ".expected.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionExpectation(_Strict):
    outcome: Outcome
    approvable_visits: int | None = None
    finding_kinds: list[FindingKind] = Field(default_factory=list)
    governing_guideline: str | None = None
    basis: str


class CaseExpectation(_Strict):
    outcome: Outcome
    approvable_visits: int | None = None
    finding_kinds: list[FindingKind] = Field(default_factory=list)
    governing_guideline: str | None = None


class PrecheckCase(_Strict):
    """A pre-check case: facts as a person would give them, the expected answer, and the
    guideline citation that justifies it."""

    name: str
    facts: dict[str, Any]
    guideline: str | None = None
    expect: CaseExpectation
    citation: str


class CaseFile(_Strict):
    cases: list[PrecheckCase]


class ItemExpectation(_Strict):
    index: int
    title: str | None = None
    recorded: RecordedOutcome
    facts: dict[str, Any] = Field(default_factory=dict)
    expect: DecisionExpectation


class LetterExpectation(_Strict):
    letter: str
    items: list[ItemExpectation]


class ExpectationError(GuidelineEngineError):
    pass


def _load(path: Path, model: type[_Strict], entries) -> Any:
    """Validate a YAML file against `model`; every entry's facts must be vocabulary names."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        loaded = model.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ExpectationError(f"{path}: {exc}") from exc
    for label, facts in entries(loaded):
        unknown = sorted(set(facts) - set(FACT_TYPES))
        if unknown:
            raise ExpectationError(f"{path}: {label}: unknown fact(s) {unknown}")
    return loaded


def load_cases(path: Path) -> CaseFile:
    return _load(path, CaseFile,
                 lambda f: [(f"case {case.name}", case.facts) for case in f.cases])


def compare_decision(decision: Decision, expect: CaseExpectation | DecisionExpectation,
                     label: str) -> list[str]:
    """How a decision differs from what was expected (outcome, approvable visits, governing
    guideline, and finding kinds that must be present)."""
    failures = []
    basis = getattr(expect, "basis", None)
    if decision.outcome != expect.outcome:
        failures.append(f"{label}: outcome expected {expect.outcome}, found {decision.outcome}"
                        + (f" (basis: {basis})" if basis else ""))
    if expect.approvable_visits is not None and \
            decision.approvable_visits != expect.approvable_visits:
        failures.append(f"{label}: approvable visits expected {expect.approvable_visits}, "
                        f"found {decision.approvable_visits}")
    if expect.governing_guideline is not None and \
            decision.governing_guideline != expect.governing_guideline:
        failures.append(f"{label}: governing guideline expected {expect.governing_guideline}, "
                        f"found {decision.governing_guideline}")
    kinds = {f.kind for f in decision.findings}
    if any(k not in kinds for k in expect.finding_kinds):
        failures.append(f"{label}: finding kinds expected {sorted(expect.finding_kinds)} "
                        f"among {sorted(kinds)}")
    return failures


def expectation_path(letter: Path) -> Path:
    return letter.with_name(letter.stem + EXPECTED_SUFFIX)


def load_expectation(path: Path) -> LetterExpectation:
    return _load(path, LetterExpectation,
                 lambda f: [(f"item {item.index}", item.facts) for item in f.items])


def _plain(value: Any) -> Any:
    value = getattr(value, "value", value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def check_letter(report: LetterReport, expectation: LetterExpectation,
                 check_facts: bool = True) -> list[str]:
    """Every way the report differs from the expectation, as readable sentences."""
    failures: list[str] = []
    if len(report.items) != len(expectation.items):
        failures.append(f"expected {len(expectation.items)} items, found {len(report.items)}")
    by_index = {item.index: item for item in report.items}
    for exp in expectation.items:
        got = by_index.get(exp.index)
        label = f"item {exp.index}"
        if got is None:
            failures.append(f"{label}: missing")
            continue
        if exp.title is not None and " ".join(exp.title.split()) != got.title:
            failures.append(f"{label}: title expected {exp.title!r}, found {got.title!r}")
        if got.recorded_outcome != exp.recorded:
            failures.append(f"{label}: recorded outcome expected {exp.recorded.value}, found "
                            f"{got.recorded_outcome.value}")
        if check_facts:
            for name, want in exp.facts.items():
                fact = getattr(got.facts, name)
                have = _plain(fact.value) if fact.known else None
                if _plain(want) != have:
                    failures.append(f"{label}: fact {name} expected {want!r}, found {have!r}"
                                    + ("" if fact.known else f" ({fact.note})"))
        failures += compare_decision(got.decision, exp.expect, label)
    return failures
