"""The fact vocabulary shared by extraction, the pre-check input and the rules.

This module is the one place where fact names, their types and their enumerated values are
defined. Extraction writes these names, rules read them, and the ruleset loader rejects a rule that
names anything else. Extend it deliberately, here.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum


class Modality(str, Enum):
    physical_therapy = "physical_therapy"
    occupational_therapy = "occupational_therapy"
    chiropractic = "chiropractic"
    massage = "massage"
    acupuncture = "acupuncture"
    aquatic_therapy = "aquatic_therapy"
    work_conditioning = "work_conditioning"
    functional_restoration = "functional_restoration"
    exercise_program = "exercise_program"
    gym_membership = "gym_membership"
    other = "other"


class BodyRegion(str, Enum):
    cervical = "cervical"
    thoracic = "thoracic"
    lumbar = "lumbar"
    shoulder = "shoulder"
    elbow = "elbow"
    wrist_hand = "wrist_hand"
    hip = "hip"
    knee = "knee"
    ankle_foot = "ankle_foot"
    multiple = "multiple"
    unspecified = "unspecified"


# the regions a request can be decided for (a request naming several is decided for each)
NAMED_REGIONS = frozenset(r.value for r in BodyRegion) - {"multiple", "unspecified"}


class FunctionalImprovement(str, Enum):
    documented = "documented"
    not_documented = "not_documented"
    worsened = "worsened"


class DiagnosisCategory(str, Enum):
    myalgia_myositis = "myalgia_myositis"
    neuritis_radiculitis = "neuritis_radiculitis"
    crps = "crps"
    sprain_strain = "sprain_strain"
    disc_disorder = "disc_disorder"
    spinal_stenosis = "spinal_stenosis"
    osteoarthritis = "osteoarthritis"
    fracture = "fracture"
    postsurgical = "postsurgical"
    carpal_tunnel_syndrome = "carpal_tunnel_syndrome"
    plantar_fasciitis = "plantar_fasciitis"
    other = "other"


class SurgeryCategory(str, Enum):
    """Surgeries as the MTUS Postsurgical Treatment Guidelines table (9792.24.3) groups them."""

    discectomy_laminectomy = "discectomy_laminectomy"
    spinal_fusion = "spinal_fusion"
    shoulder_decompression_arthroscopic = "shoulder_decompression_arthroscopic"
    rotator_cuff_repair = "rotator_cuff_repair"
    shoulder_dislocation_repair = "shoulder_dislocation_repair"
    shoulder_arthroplasty = "shoulder_arthroplasty"
    # manipulation under anesthesia, capsular release (adhesive capsulitis)
    adhesive_capsulitis_release = "adhesive_capsulitis_release"
    knee_arthroplasty = "knee_arthroplasty"
    knee_arthroscopy = "knee_arthroscopy"
    acl_reconstruction = "acl_reconstruction"
    hip_arthroplasty = "hip_arthroplasty"
    carpal_tunnel_release = "carpal_tunnel_release"
    trigger_finger_release = "trigger_finger_release"
    ankle_orif = "ankle_orif"
    achilles_repair = "achilles_repair"
    radius_ulna_orif = "radius_ulna_orif"
    femur_neck_orif = "femur_neck_orif"
    de_quervain_release = "de_quervain_release"
    cubital_tunnel_release = "cubital_tunnel_release"
    lateral_epicondylitis_surgery = "lateral_epicondylitis_surgery"
    ankle_ligament_repair = "ankle_ligament_repair"
    surgery_unspecified = "surgery_unspecified"


class Documented(str, Enum):
    """What the record shows of something a guideline requires."""

    documented = "documented"
    not_documented = "not_documented"


class URDecision(str, Enum):
    denied = "denied"
    modified = "modified"
    approved = "approved"


class CountQualifier(str, Enum):
    """How a count was stated: `12` is exact, `at least 6`, `at most 6` ("no more than 6
    postoperative visits to date"), `about 20`, `20 to 22`."""

    exact = "exact"
    at_least = "at_least"
    at_most = "at_most"
    approximately = "approximately"
    range = "range"


# name -> python type of the value. Every fact a rule may read is listed here.
FACT_TYPES: dict[str, type] = {
    "modality": Modality,
    "body_region": BodyRegion,
    "requested_visits": int,
    "requested_visits_min": int,
    "requested_frequency_per_week": int,
    "requested_weeks": int,
    "prior_sessions": int,
    "prior_treatment": bool,
    "functional_improvement": FunctionalImprovement,
    "injury_date": dt.date,
    "request_date": dt.date,
    "ur_date": dt.date,
    "decision_date": dt.date,
    "chronic": bool,
    "postsurgical": bool,
    "surgery": str,
    "surgery_date": dt.date,
    "surgery_category": SurgeryCategory,
    # therapy for after a surgery requested with it: is that surgery authorised (in an audit,
    # the letter's own decision on the surgery item)
    "surgery_authorized": bool,
    "diagnosis": str,
    "diagnosis_category": DiagnosisCategory,
    "flare_up": bool,
    "home_exercise_program": bool,
    "return_to_work": bool,
    "ur_decision": URDecision,
    "ur_modified_visits": int,
    # the visits UR certified of this very request were given before the IMR ("Those 4 visits
    # have been completed"): inside the request as made, they may have served as its trial
    "certified_part_given": bool,
    # the item under review is the request as made (its heading states the whole count), not the
    # part UR left after certifying some of it ("The remaining IMR eligible portion ...")
    "whole_request_disputed": bool,
    # entry criteria and documentation the guidelines require (issue 8): what the record shows
    "objective_deficits": Documented,        # objective functional deficits therapy would treat
    "reduced_weight_bearing_needed": bool,   # aquatic therapy: why land-based is not enough
    "job_to_return_to": bool,                # work conditioning: a job to go back to
    "return_to_work_goal": bool,             # work conditioning: a defined, agreed RTW goal
    "pt_plateau": bool,                      # work conditioning: earlier therapy has plateaued
    "adjunct_to_active_treatment": bool,     # massage: given with exercise or active therapy
    # acupuncture (MTUS 9792.24.1(a)): an option when pain medication is reduced or not tolerated
    "medication_reduced_or_not_tolerated": bool,
    "frp_entry_criteria": bool,              # functional restoration: the MTUS criteria are met
    "maintenance_care": bool,                # manual therapy: the care is elective/maintenance
    # a retrospective request: the sessions under review were already given (dates of service)
    "retrospective": bool,
    # the request is for treatment by laser or infrared light ("infrared acupuncture"): low-level
    # laser therapy, which the MTUS Chronic Pain guidelines do not recommend
    "laser_therapy": bool,
    # Labor Code 4604.5: visits of this treatment for the injury, every body region, outside
    # postsurgical care; and the employer's written authorisation of more
    "injury_visits": int,
    "employer_authorized_more": bool,
    # the sessions of this treatment since the surgery (the postsurgical course counts only these)
    "sessions_since_surgery": int,
    # sessions of this treatment authorised before this request ("6 sessions were already
    # authorized"); counted as the earlier sessions when the letter gives no count of them
    "authorized_sessions": int,
    # gym membership (ODG): a documented home exercise programme has not been effective, and
    # the patient needs equipment
    "home_program_ineffective": bool,
    "equipment_needed": bool,
    # whether this treatment was given recently: false when the letter says none has been given
    # for a long time ("no physical therapy since 2012"); earlier sessions then belong to an
    # earlier episode
    "recent_treatment": bool,
    # spinal fusion: the graft has matured (a solid fusion, bridging bone); the postsurgical
    # table's fusion course applies after graft maturity (9792.24.3(d))
    "graft_mature": bool,
    # visits of this treatment for the same body region approved at the same time as this
    # request (in an audit, another item of the same letter recorded Overturned): a course given
    # beside this one, which counts toward its trial ("the 6 manual acupuncture visits requested
    # at the same time were found medically necessary above")
    "concurrent_approved_visits": int,
}

# Facts computed from other facts just before the rules run. Rules may read them; nobody writes
# them directly. Each entry says how it is derived (the code is decide.message).
DERIVED_FACTS: dict[str, str] = {
    "total_visits": "requested_visits + prior_sessions, when both are known",
    "injury_total_visits": "requested_visits + injury_visits (else prior_sessions): the visits of "
                           "this treatment for the injury, counting this request",
    "ur_remaining_visits": "requested_visits - ur_modified_visits, when both are known: the part "
                           "of the request UR did not certify (none is asserted when UR cut a "
                           "first course of therapy below the six-visit trial: decide."
                           "cut_below_trial)",
    "months_since_injury": "whole months from injury_date to the as_of date",
    "months_since_surgery": "whole months from surgery_date to the as_of date",
    "as_of": "the date that selects the guideline edition: request_date, else ur_date, else "
             "decision_date",
    "flare_up_after_treatment": "a flare-up after earlier sessions of this treatment: true when "
                                "flare_up and prior_treatment are both true, false when either "
                                "is false",
    "ur_part_remains": "true when UR certified part of the request and the rest is disputed "
                       "(ur_remaining_visits > 0), false when it certified all of it, unknown "
                       "otherwise",
}

RULE_FACTS: frozenset[str] = frozenset(FACT_TYPES) | frozenset(DERIVED_FACTS)

DERIVED_DATE_FACTS = frozenset({"as_of"})
DERIVED_SYMBOLIC_FACTS = frozenset({"flare_up_after_treatment", "ur_part_remains"})

NUMERIC_FACTS = frozenset(
    name for name, typ in FACT_TYPES.items() if typ is int
) | (frozenset(DERIVED_FACTS) - DERIVED_DATE_FACTS - DERIVED_SYMBOLIC_FACTS)

DATE_FACTS = frozenset(
    name for name, typ in FACT_TYPES.items() if typ is dt.date
) | DERIVED_DATE_FACTS

# enumerated and yes/no facts: rules compare them with named values
SYMBOLIC_FACTS = frozenset(
    name for name, typ in FACT_TYPES.items()
    if typ is bool or (isinstance(typ, type) and issubclass(typ, Enum))
) | DERIVED_SYMBOLIC_FACTS

# free text (a letter's wording of a surgery or diagnosis): kept as evidence, never tested by a
# rule; rules test the category the text maps to
FREE_TEXT_FACTS = frozenset(name for name, typ in FACT_TYPES.items() if typ is str)


def enum_values(name: str) -> list[str] | None:
    """The allowed values of an enumerated fact, or None if the fact is not an enum."""
    typ = FACT_TYPES.get(name)
    if isinstance(typ, type) and issubclass(typ, Enum):
        return [member.value for member in typ]
    return None


GUIDELINE_FAMILIES = ("MTUS", "ODG", "ACOEM")

# Statutes apply whatever guideline governs: their findings join every guideline's decision.
STATUTES = ("LC",)
