"""Expectations kept as data next to a letter (NAME.expected.yaml), and checking a report
against them. Used by the tests and by `guideline-engine test`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import GuidelineEngineError
from .models import FindingKind, LetterReport, Outcome, RecordedOutcome
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


def expectation_path(letter: Path) -> Path:
    return letter.with_name(letter.stem + EXPECTED_SUFFIX)


def load_expectation(path: Path) -> LetterExpectation:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        expectation = LetterExpectation.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ExpectationError(f"{path}: {exc}") from exc
    for item in expectation.items:
        unknown = sorted(set(item.facts) - set(FACT_TYPES))
        if unknown:
            raise ExpectationError(f"{path}: item {item.index}: unknown fact(s) {unknown}")
    return expectation


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
        d, e = got.decision, exp.expect
        if d.outcome != e.outcome:
            failures.append(f"{label}: outcome expected {e.outcome}, found {d.outcome} "
                            f"(basis: {e.basis})")
        if e.approvable_visits is not None and d.approvable_visits != e.approvable_visits:
            failures.append(f"{label}: approvable visits expected {e.approvable_visits}, found "
                            f"{d.approvable_visits}")
        if e.governing_guideline is not None and d.governing_guideline != e.governing_guideline:
            failures.append(f"{label}: governing guideline expected {e.governing_guideline}, "
                            f"found {d.governing_guideline}")
        kinds = {f.kind for f in d.findings}
        missing = [k for k in e.finding_kinds if k not in kinds]
        if missing:
            failures.append(f"{label}: finding kinds expected {sorted(e.finding_kinds)}, found "
                            f"{sorted(kinds)}")
    return failures
