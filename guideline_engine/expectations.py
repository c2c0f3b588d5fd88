"""Expectations kept as data next to a letter (NAME.expected.yaml), and checking a report
against them. Used by the tests and by `guideline-engine test`."""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import GuidelineEngineError
from .ingest.decode import repair_mojibake
from .ingest.normalise import repair_scanned_digits
from .models import Decision, FindingKind, LetterReport, Outcome, RecordedOutcome
from .vocabulary import FACT_TYPES, FREE_TEXT_FACTS

EXPECTED_SUFFIX = ".expected.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionExpectation(_Strict):
    outcome: Outcome
    approvable_visits: int | None = None
    finding_kinds: list[FindingKind] = Field(default_factory=list)
    legal_notes: list[FindingKind] | None = None
    governing_guideline: str | None = None
    basis: str


class CaseExpectation(_Strict):
    outcome: Outcome
    approvable_visits: int | None = None
    # exactly the kinds of reason the guideline gives on these facts (none left out, none extra)
    finding_kinds: list[FindingKind] = Field(default_factory=list)
    # the legal notes expected beside the decision (exactly these kinds), when given
    legal_notes: list[FindingKind] | None = None
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


class FactExpectation(_Strict):
    """A fact as a reader found it: its value and, where there is one, the shortest quote of
    the letter that states it (whitespace runs written as one space)."""

    value: Any
    evidence: str | None = None


class ItemExpectation(_Strict):
    index: int
    title: str | None = None
    recorded: RecordedOutcome
    # an item outside physical medicine: only its title and recorded outcome are expected
    scope: Literal["out_of_scope"] | None = None
    facts: dict[str, Any] = Field(default_factory=dict)
    expect: DecisionExpectation | None = None

    @model_validator(mode="after")
    def _decided_or_out_of_scope(self) -> ItemExpectation:
        if self.scope is None and self.expect is None:
            raise ValueError(f"item {self.index}: give `expect` or `scope: out_of_scope`")
        return self

    def fact(self, name: str) -> FactExpectation:
        given = self.facts[name]
        if isinstance(given, dict) and "value" in given:
            return FactExpectation.model_validate(given)
        return FactExpectation(value=given)


class LetterExpectation(_Strict):
    letter: str
    # exact: every fact must match (letters written for the tests); measured: fact differences
    # are counted against the corpus threshold instead of failing the letter (published letters
    # whose expectations a reader wrote without seeing the program)
    fact_policy: Literal["exact", "measured"] = "exact"
    header: dict[str, Any] = Field(default_factory=dict)
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


# A request above a trial is a request above the guideline's limit for a first course: a
# reader who writes either kind for it is right
_SAME_KIND = {"trial_limit_exceeded": "visit_limit_exceeded",
              "visit_limit_exceeded": "trial_limit_exceeded"}


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
    if expect.legal_notes is not None and \
            sorted({f.kind for f in decision.legal_notes}) != sorted(set(expect.legal_notes)):
        failures.append(f"{label}: legal notes expected {sorted(expect.legal_notes)}, found "
                        f"{sorted({f.kind for f in decision.legal_notes})}")
    kinds = {f.kind for f in decision.findings}
    if isinstance(expect, CaseExpectation):
        # a pre-check case lists every reason the guideline gives on its facts: compared exactly
        if kinds != set(expect.finding_kinds):
            failures.append(f"{label}: finding kinds expected exactly "
                            f"{sorted(set(expect.finding_kinds))}, found {sorted(kinds)}")
        return failures
    # a letter's rationale need not name every reason: those the reader found must be there
    # (a reader lists the Labor Code cap among the reasons: the decision's legal notes count)
    kinds |= {f.kind for f in decision.legal_notes}
    kinds |= {_SAME_KIND[k] for k in kinds if k in _SAME_KIND}
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


def _same_value(name: str, want: Any, have: Any) -> bool:
    """A free-text fact (a diagnosis, a surgery) is the letter's wording: the same words in
    another case or spacing ("Right knee arthroscopy ..." at a title's start) are the same fact."""
    if name in FREE_TEXT_FACTS and isinstance(want, str) and isinstance(have, str):
        return " ".join(repair_mojibake(want).split()).casefold() == \
            " ".join(have.split()).casefold()
    return want == have


@dataclass
class FactTally:
    """How many expected facts a report matched: by value, and by value with the evidence
    at the place the reader quoted."""

    facts: int = 0
    values: int = 0
    with_evidence: int = 0
    spans: int = 0
    # facts whose value matches and whose evidence (where the reader quoted one) is there
    exact: int = 0
    # decided items of measured letters, and those whose findings name every reason the reader
    # found in the rationale
    decided: int = 0
    all_reasons: int = 0
    # decided items of measured letters whose reader gave approvable visits, and those that match
    approvable: int = 0
    same_approvable: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.exact / self.facts if self.facts else 1.0


def _folded(text: str) -> str:
    # (ligatures as printed, "Paraﬃn", are the letters they stand for; a reader who copied text
    # with encoding damage, "2Ã—6", wrote what the program reads repaired, "2×6"; a soft hyphen
    # inside a word, "thera\u00adpy", is not printed; an entity a web page's copy left, "neck
    # &amp; upper back", is the character it names; a scan's letter for a digit, "#6O", is the
    # digit)
    return " ".join(repair_scanned_digits(unicodedata.normalize(
        "NFKC", html.unescape(repair_mojibake(text)))).replace("\xad", "").split())


def _same_title(expected: str, item) -> bool:
    """The reader may write the title, the whole heading as printed, or the original request
    the heading states first ("X was the original request. ...")."""
    want = _folded(expected)
    heading = _folded(item.heading or "")
    original = regex.match(r"(.+?)\s+was\s+the\s+original\s+request\b", heading,
                           regex.IGNORECASE)
    have = [_folded(item.title), heading] + ([original.group(1)] if original else [])
    strip = regex.compile(r"(?:\s+(?:is|are))?\s*:?\s*$", regex.IGNORECASE)
    return any(strip.sub("", want) == strip.sub("", h) for h in have)


def _locate(letter: str, quote: str) -> list[tuple[int, int]]:
    """Where a whitespace-folded quote stands in the raw letter text (raw offsets). (A quote
    copied with encoding damage is looked for as the program reads the letter: repaired.)"""
    words = repair_mojibake(quote).split()
    if not words:
        return []
    pattern = r"\s+".join(regex.escape(w) for w in words)
    return [m.span() for m in regex.finditer(pattern, letter)]


def _span_matches(letter: str, quote: str, evidence) -> bool:
    """The engine's evidence stands where the reader quoted: one of its spans lies within an
    occurrence of the quote, or contains it."""
    places = _locate(letter, quote)
    for ev in evidence:
        for start, end in places:
            if (start <= ev.start and ev.end <= end) or (ev.start <= start and end <= ev.end):
                return True
    return False


def check_letter(report: LetterReport, expectation: LetterExpectation,
                 check_facts: bool = True, letter_text: str | None = None,
                 tally: FactTally | None = None) -> list[str]:
    """Every way the report differs from the expectation, as readable sentences. With the
    letter's raw text, an expected evidence quote must be where the engine's evidence is."""
    failures: list[str] = []
    measured: list[str] = []
    fact_failures = failures if expectation.fact_policy == "exact" else measured
    if len(report.items) != len(expectation.items):
        failures.append(f"expected {len(expectation.items)} items, found {len(report.items)}")
    for name, want in expectation.header.items():
        have = report.header.get(name)
        if want is None and have is None:   # a header line the letter does not have
            continue
        if have is None or str(_plain(want)) != have:
            failures.append(f"header {name}: expected {want}, found {have}")
    by_index = {item.index: item for item in report.items}
    for exp in expectation.items:
        got = by_index.get(exp.index)
        label = f"item {exp.index}"
        if got is None:
            failures.append(f"{label}: missing")
            continue
        if exp.title is not None and not _same_title(exp.title, got):
            failures.append(f"{label}: title expected {exp.title!r}, found {got.title!r}")
        if got.recorded_outcome != exp.recorded:
            failures.append(f"{label}: recorded outcome expected {exp.recorded.value}, found "
                            f"{got.recorded_outcome.value}")
        if exp.scope == "out_of_scope":
            if got.verdict != "out_of_scope":
                failures.append(f"{label}: expected out of scope, found {got.verdict} "
                                f"(modality {got.facts.modality.display()})")
            continue
        if got.verdict == "out_of_scope":
            failures.append(f"{label}: expected a physical-medicine item, found out of scope")
        if check_facts:
            for name in exp.facts:
                want = exp.fact(name)
                fact = getattr(got.facts, name)
                have = _plain(fact.value) if fact.known else None
                ok = _same_value(name, _plain(want.value), have)
                if tally is not None:
                    tally.facts += 1
                    tally.values += ok
                if not ok:
                    fact_failures.append(
                        f"{label}: fact {name} expected {want.value!r}, found {have!r}"
                        + ("" if fact.known else f" ({fact.note})"))
                    continue
                at_place = True
                if want.evidence and letter_text is not None:
                    evidence = fact.evidence + [e for r in fact.readings for e in r.evidence]
                    at_place = _span_matches(letter_text, want.evidence, evidence)
                    if tally is not None:
                        tally.with_evidence += 1
                        tally.spans += at_place
                    if not at_place:
                        fact_failures.append(
                            f"{label}: fact {name} = {have!r} is right, but its evidence "
                            f"{[e.quote for e in evidence]!r} is not where the letter says it "
                            f"({want.evidence!r})")
                if tally is not None and at_place:
                    tally.exact += 1
        if exp.expect is not None:
            found = compare_decision(got.decision, exp.expect, label)
            reasons = [f for f in found if "finding kinds expected" in f]
            figure = [f for f in found if "approvable visits expected" in f]
            if expectation.fact_policy == "measured":
                # the outcome must agree; the reasons a reader found, and the visits the reader
                # judged approvable (of a remaining portion: the trial, the course or none,
                # readers differ), are measured
                failures += [f for f in found if f not in reasons and f not in figure]
                measured += reasons + figure
                if tally is not None:
                    tally.decided += 1
                    tally.all_reasons += not reasons
                    if exp.expect.approvable_visits is not None:
                        tally.approvable += 1
                        tally.same_approvable += not figure
            else:
                failures += found
    if tally is not None:
        tally.differences += [f"{Path(report.source).name} {d}" for d in measured]
    return failures
