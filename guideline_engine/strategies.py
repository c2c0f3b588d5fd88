"""Hypothesis strategies over the fact vocabulary: used by the property tests and by
`guideline-engine diff --explore` to search for fact sets on which two rulesets disagree."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from .vocabulary import BodyRegion, DiagnosisCategory, Modality, SurgeryCategory

MODALITIES = [m.value for m in Modality]
REGIONS = [r.value for r in BodyRegion]
DIAGNOSES = [d.value for d in DiagnosisCategory]
SURGERIES = [s.value for s in SurgeryCategory]
IMPROVEMENT = ["documented", "not_documented", "worsened"]


@st.composite
def fact_sets(draw, max_visits: int = 40) -> dict[str, Any]:
    """A pre-check fact mapping: a modality and a request always; the rest sometimes."""
    values: dict[str, Any] = {"modality": draw(st.sampled_from(MODALITIES)),
                              "requested_visits": draw(st.integers(1, max_visits))}
    optional = {
        "body_region": st.sampled_from(REGIONS),
        "prior_sessions": st.integers(0, max_visits),
        "functional_improvement": st.sampled_from(IMPROVEMENT),
        "diagnosis_category": st.sampled_from(DIAGNOSES),
        "chronic": st.booleans(),
        "flare_up": st.booleans(),
        "return_to_work": st.booleans(),
        "requested_frequency_per_week": st.integers(1, 5),
        "requested_weeks": st.integers(1, 12),
        "objective_deficits": st.sampled_from(["documented", "not_documented"]),
        "reduced_weight_bearing_needed": st.booleans(),
        "job_to_return_to": st.booleans(),
        "return_to_work_goal": st.booleans(),
        "pt_plateau": st.booleans(),
        "adjunct_to_active_treatment": st.booleans(),
        "medication_reduced_or_not_tolerated": st.booleans(),
        "frp_entry_criteria": st.booleans(),
        "maintenance_care": st.booleans(),
        "retrospective": st.booleans(),
        "laser_therapy": st.booleans(),
        "graft_mature": st.booleans(),
        "concurrent_approved_visits": st.integers(0, 12),
        "certified_part_given": st.booleans(),
        "whole_request_disputed": st.booleans(),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            values[name] = draw(strategy)
    injury = draw(st.dates(dt.date(2003, 1, 1), dt.date(2019, 12, 31)))
    request = injury + dt.timedelta(days=draw(st.integers(0, 3000)))
    values["injury_date"], values["request_date"] = injury, request
    if draw(st.integers(0, 3)) == 0:
        values["surgery_category"] = draw(st.sampled_from(SURGERIES))
        values["surgery_date"] = request - dt.timedelta(
            days=draw(st.integers(0, (request - injury).days)))
    if "requested_frequency_per_week" in values and "requested_weeks" in values:
        values["requested_visits"] = (values["requested_frequency_per_week"]
                                      * values["requested_weeks"])
    return values


def fact_sets_near(rules) -> st.SearchStrategy[dict[str, Any]]:
    """Fact sets aimed at the given rules: their scope and condition values, numbers at and
    around their thresholds, and request dates inside their editions. Mixed with the general
    strategy so that the search still covers the whole vocabulary."""
    from .vocabulary import DATE_FACTS, FACT_TYPES, SYMBOLIC_FACTS, enum_values

    choices: dict[str, set] = {}
    periods: list[tuple[dt.date, dt.date]] = []
    for rule in rules:
        end = rule.edition.effective_to or rule.edition.effective_from + dt.timedelta(days=3650)
        periods.append((rule.edition.effective_from, end))
        for conditions in [rule.scope, *rule.scope_any, rule.when, *rule.any]:
            for fact, test in conditions.items():
                if fact not in FACT_TYPES or fact in DATE_FACTS:
                    continue
                values = choices.setdefault(fact, set())
                for key, value in test.value_tests().items():
                    for v in value if isinstance(value, list) else [value]:
                        v = getattr(v, "value", v)
                        if fact in SYMBOLIC_FACTS:
                            if key in ("eq", "in"):
                                values.add(v)
                            else:
                                others = enum_values(fact) or [True, False]
                                values.update(o for o in others if o != v)
                        elif isinstance(v, int):
                            values.update(n for n in (v - 1, v, v + 1) if n >= 0)
    if not choices:
        return fact_sets()

    @st.composite
    def near(draw) -> dict[str, Any]:
        values = draw(fact_sets())
        for fact, options in sorted(choices.items()):
            if options and draw(st.integers(0, 4)) > 0:
                values[fact] = draw(st.sampled_from(sorted(options, key=repr)))
        start, end = draw(st.sampled_from(periods))
        request = draw(st.dates(start, end))
        values["request_date"] = request
        values["injury_date"] = request - dt.timedelta(days=draw(st.integers(100, 2000)))
        values.pop("surgery_date", None) if "surgery_category" not in values else None
        if "surgery_category" in values:
            values["surgery_date"] = request - dt.timedelta(days=draw(st.integers(0, 90)))
        if "requested_visits" in values and values["requested_visits"] < 1:
            values["requested_visits"] = 1
        if values.get("prior_sessions") == 0 and values.get("prior_treatment") is True:
            values["prior_treatment"] = False
        if values.get("prior_sessions", 0) > 0 and values.get("prior_treatment") is False:
            values["prior_treatment"] = True
        return values

    return st.one_of(near(), fact_sets())
