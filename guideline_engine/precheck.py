"""Pre-check: facts written by a person (a mapping, a YAML/JSON file, or CLI flags) -> CaseFacts
-> Decision, plus the changes that would turn a denial into an approval.

Free-text `surgery` and `diagnosis` are mapped to their categories by the same lexicons the
letter extractor uses. Chronicity and the postsurgical period are derived from the dates the
same way too, unless given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from .counterfactual import Change, to_change_outcome
from .decide import as_of_date, decide, prepare
from .errors import FactsError
from .extract import categories
from .extract.clinical import CHRONIC_MONTHS, months_between
from .models import CaseFacts, Decision, Fact, Finding, GuidelineDecision, Model, Reading
from .rules import RuleBook
from .vocabulary import FACT_TYPES, NAMED_REGIONS, NUMERIC_FACTS, enum_values

INPUT_NOTE = "stated in the pre-check input"


# a facts file is a short flat mapping; anything far larger or deeper is refused unread
MAX_FACTS_BYTES = 64 * 1024
MAX_FACTS_DEPTH = 8


class _FactsLoader(yaml.SafeLoader):
    """Safe YAML for a facts file: no aliases (a few hundred bytes of them can expand into
    gigabytes), a bounded depth, and dates kept as text so that the field's own check names an
    impossible one ("2014-02-30")."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a "
                                              "facts file", event.start_mark)
        self._depth += 1
        if self._depth > MAX_FACTS_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_FACTS_DEPTH} "
                                              "levels deep", self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_FactsLoader.add_constructor("tag:yaml.org,2002:timestamp",
                             lambda loader, node: loader.construct_scalar(node))


def read_facts_file(path: str | Path) -> dict[str, Any]:
    """A facts file (YAML, or JSON by its suffix) as a mapping; every failure is a FactsError
    naming the file and, where there is one, the line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FactsError(str(path), f"cannot read: {exc.strerror}") from exc
    if len(raw) > MAX_FACTS_BYTES:
        raise FactsError(str(path), f"is {len(raw)} bytes; a facts file is at most "
                                    f"{MAX_FACTS_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FactsError(str(path), f"is not UTF-8 text (byte {exc.start})") from exc
    is_json = path.suffix.lower() == ".json"
    try:
        data = json.loads(text) if is_json else yaml.load(text, Loader=_FactsLoader)  # noqa: S506
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise FactsError(str(path), f"not valid {'JSON' if is_json else 'YAML'}: {exc}") from exc
    except RecursionError as exc:
        raise FactsError(str(path), "is nested too deeply to be a facts file") from exc
    if not isinstance(data, dict):
        raise FactsError(str(path), "expected a mapping of fact names to values")
    return data


def _convert(name: str, value: Any) -> Any:
    typ = FACT_TYPES[name]
    allowed = enum_values(name)
    if allowed is not None:
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "_").replace("-", "_")
        if value not in allowed:
            raise FactsError(name, f"{value!r} is not one of: {', '.join(allowed)}")
        return value
    try:
        if typ is bool and isinstance(value, str):
            lowered = value.strip().lower()
            if lowered not in ("true", "false", "yes", "no"):
                raise FactsError(name, f"expected yes or no, got {value!r}")
            return lowered in ("true", "yes")
        converted = TypeAdapter(typ).validate_python(value, strict=typ is not dt.date
                                                     and not isinstance(value, str))
    except ValidationError as exc:
        kind = {int: "a whole number", bool: "true or false", dt.date: "a date (YYYY-MM-DD)",
                str: "text"}.get(typ, typ.__name__)
        raise FactsError(name, f"expected {kind}, got {value!r}") from exc
    if name in NUMERIC_FACTS and converted < 0:
        raise FactsError(name, f"cannot be negative (got {converted})")
    if name in NUMERIC_FACTS and converted > _MAXIMUM.get(name, MAX_VISITS):
        raise FactsError(name, f"{converted} is more than the {_MAXIMUM.get(name, MAX_VISITS)} "
                               f"this field allows")
    if typ is dt.date and not EARLIEST_DATE <= converted < LATEST_DATE:
        raise FactsError(name, f"{converted} is outside {EARLIEST_DATE} to {LATEST_DATE}")
    return converted


# bounds that no real request passes (a year of daily visits; a week's days; two years of
# weeks) and dates from the first workers' compensation guidelines to the end of this century:
# an input outside them is a typo or an attack, and is refused before any work is done
MAX_VISITS = 365
_MAXIMUM = {"requested_frequency_per_week": 7, "requested_weeks": 104}
EARLIEST_DATE, LATEST_DATE = dt.date(1990, 1, 1), dt.date(2100, 1, 1)


def _regions(value: Any) -> list[str]:
    """A request for several body regions, given as a list or "elbow, knee": each region once,
    in the order given. A single region gives []."""
    if isinstance(value, str) and "," in value:
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        return []
    regions: list[str] = []
    for item in value:
        region = _convert("body_region", item)
        if region not in NAMED_REGIONS:
            raise FactsError("body_region", f"{region!r} cannot be one of several regions; "
                                            f"name each region")
        if region not in regions:
            regions.append(region)
    return regions


def build_facts(values: Mapping[str, Any]) -> CaseFacts:
    """CaseFacts from plain values. Unknown names, wrong types and impossible values raise
    FactsError naming the field. Omitted facts are unknown."""
    given: dict[str, Any] = {}
    regions: list[str] = []
    for name, value in values.items():
        if name not in FACT_TYPES:
            raise FactsError(name, "unknown fact; known facts: " + ", ".join(sorted(FACT_TYPES)))
        if value is None:
            continue
        if name == "body_region" and (regions := _regions(value)):
            value = "multiple" if len(regions) > 1 else regions[0]
        given[name] = _convert(name, value)

    for name in ("surgery", "diagnosis"):
        if name in given and not str(given[name]).strip():
            raise FactsError(name, "is empty")
    if "surgery" in given and "surgery_category" not in given:
        given["surgery_category"] = categories.surgery_type(given["surgery"]) or \
            "surgery_unspecified"
    if "diagnosis" in given and "diagnosis_category" not in given:
        category = categories.diagnosis_category(given["diagnosis"])
        if category is not None:
            given["diagnosis_category"] = category

    injury = given.get("injury_date")
    for name in ("request_date", "ur_date", "decision_date", "surgery_date"):
        if injury is not None and name in given and given[name] < injury:
            raise FactsError(name, f"{given[name]} is before the injury date {injury}")
    if "surgery_date" in given and "request_date" in given and \
            given["request_date"] < given["surgery_date"]:
        raise FactsError("request_date", "is before the surgery date; a postsurgical request "
                                         "follows the surgery")
    if given.get("prior_sessions") == 0 and given.get("prior_treatment") is True:
        raise FactsError("prior_treatment", "contradicts prior_sessions: 0 (prior_treatment is "
                                            "whether THIS treatment was given before)")
    if given.get("prior_sessions", 0) > 0 and given.get("prior_treatment") is False:
        raise FactsError("prior_treatment", "contradicts prior_sessions above 0")
    minimum = given.get("requested_visits_min")
    if minimum is not None and minimum > given.get("requested_visits", minimum):
        raise FactsError("requested_visits_min", "is larger than requested_visits")
    freq, weeks = given.get("requested_frequency_per_week"), given.get("requested_weeks")
    if "requested_visits" not in given and freq and weeks:
        given["requested_visits"] = freq * weeks

    facts = {name: Fact(value=value, known=True, note=INPUT_NOTE) for name, value in given.items()}
    if len(regions) > 1:   # a request for several regions is decided for each
        facts["body_region"].readings = [Reading(value=r, part="input", evidence=[])
                                         for r in regions]
    if "prior_treatment" not in facts and "prior_sessions" in given:
        facts["prior_treatment"] = Fact(value=given["prior_sessions"] > 0, known=True,
                                        note="derived from prior_sessions")
    case = CaseFacts(**facts)
    as_of = as_of_date(case)
    if "chronic" not in given and injury is not None and as_of is not None:
        months = months_between(injury, as_of)
        case.chronic = Fact(value=months >= CHRONIC_MONTHS, known=True,
                            note=f"derived: {months} months from injury to request")
    if "postsurgical" not in given and "surgery_date" in given and as_of is not None:
        months = months_between(given["surgery_date"], as_of)
        case.postsurgical = Fact(value=0 <= months < 6, known=True,
                                 note=f"derived: {months} months from surgery to request")
    elif "postsurgical" not in given and "surgery" in given:
        case.postsurgical = Fact.unknown("a surgery is given but not its date")
    return case


def check(facts: CaseFacts | Mapping[str, Any], book: RuleBook | None = None,
          guideline: str | None = None) -> Decision:
    """Decide a treatment request before it is sent (the Python API)."""
    if book is None:
        from .rules import load_rulebook
        book = load_rulebook()
    case = facts if isinstance(facts, CaseFacts) else build_facts(facts)
    return decide(case, book, force=guideline)


class CheckReport(Model):
    """What `guideline-engine check` answers."""

    outcome: str
    medically_necessary: bool | None
    approvable_visits: int | None
    governing_guideline: str | None
    governing_reason: str | None
    as_of: dt.date | None
    findings: list[Finding]
    # statutes beside the decision (Labor Code 4604.5's cap): payment, not medical necessity
    legal_notes: list[Finding] = []
    by_guideline: dict[str, GuidelineDecision]
    to_change_outcome: list[Change]
    facts: CaseFacts
    # how the decision was reached (a request for several regions, an unstated date)
    notes: list[str] = []


def precheck(values: Mapping[str, Any], book: RuleBook,
             guideline: str | None = None) -> CheckReport:
    case = prepare(build_facts(values), book)
    decision = decide(case, book, force=guideline)
    return CheckReport(
        outcome=decision.outcome, medically_necessary=decision.medically_necessary,
        approvable_visits=decision.approvable_visits,
        governing_guideline=decision.governing_guideline, legal_notes=decision.legal_notes,
        governing_reason=decision.governing_reason, as_of=decision.as_of,
        findings=decision.findings, by_guideline=decision.by_guideline, notes=decision.notes,
        to_change_outcome=to_change_outcome(case, book, guideline, decision), facts=case)
