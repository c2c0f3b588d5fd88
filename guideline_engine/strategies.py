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
