"""Determination + item -> CaseFacts. Every fact carries its evidence or the reason it is unknown.

Modules, in the order facts are read:
    request   modality, body region, requested visits (the visit grammar is in visits.py)
    history   prior sessions of the same treatment, functional improvement
    dates     injury, request and UR dates
    clinical  diagnosis, chronicity, surgery, flare-up, home exercise, work, UR decision
"""

from __future__ import annotations

from ..ingest import NormalText
from ..models import CaseFacts, Determination, DisputedItem, Fact, Reading
from ..vocabulary import DiagnosisCategory
from . import clinical, criteria, dates, history, request
from .parts import ItemText, dedupe


def extract_facts(letter: NormalText, determination: Determination,
                  item: DisputedItem, treatment: str | None = None) -> CaseFacts:
    """The item's facts; for a request naming several treatments (`treatments`), `treatment`
    reads them for one of those."""
    text = ItemText.of(letter, determination, item)
    modality = request.modality(text)
    if treatment is not None:
        named = next(r for r in modality.readings if r.value == treatment)
        modality = Fact(value=treatment, known=True, evidence=named.evidence,
                        note="one of the treatments the request names")
    item_modality = modality.value if modality.known else None
    if item_modality == "other":
        # no rule reads an out-of-scope item's facts: reading them would cost most of a real
        # corpus' time (most disputed items are drugs, imaging, injections...)
        outside = Fact.unknown("not read for an item outside physical medicine")
        return _in_context(CaseFacts(modality=modality, **{
            name: outside for name in CaseFacts.model_fields if name != "modality"}), text)
    region = request.body_region(text, item_modality)
    visits = request.visits(text, item_modality)
    item_region = region.value if region.known else None
    # a body part outside the guideline's regions (the jaw, the vestibular system, the pelvic
    # floor): the treatment's counts placed at a region are another part's
    counted_region = item_region or (
        history.OTHER_PART if (region.note or "").startswith(request.UNPLACED_PART) else None)
    physical = item_modality not in (None, "other")
    outside = Fact.unknown("not read for an item outside physical medicine")
    prior, since_surgery = (history.session_counts(text, item_modality, counted_region)
                            if physical else (outside, outside))
    given_before = (history.prior_treatment(text, item_modality, prior, counted_region)
                    if physical else outside)
    if physical and not given_before.known and not prior.known and not prior.evidence:
        # burden of proof: the reviewer decides on the record; a letter that summarises the
        # record and never mentions this treatment before shows no earlier sessions (not one
        # that says whether there were any cannot be told: the count's evidence)
        silent = (f"the letter, which summarises the record, mentions no earlier "
                  f"{item_modality.replace('_', ' ')}: no earlier sessions are in the record")
        if given_before.note == history.UNPLACED_MENTION:
            silent = (f"{history.UNPLACED_MENTION}: no earlier "
                      f"{item_modality.replace('_', ' ')} for this region is in the record")
        given_before = Fact(value=False, known=True, note=silent, basis="not_in_record")
        prior = Fact(value=0, known=True, note=silent, basis="not_in_record")
    injury = dates.injury_date(text)
    asked = visits["requested_visits"]
    requested_on = dates.request_date(text, asked.value if asked.known else None)
    ur_on = dates.ur_date(text)
    as_of = requested_on if requested_on.known else ur_on
    decided_on = dates.decision_date(text)
    dx, dx_category = clinical.diagnosis(text, region.value if region.known else None)
    # the item's regions: a request for several names each in its readings
    item_regions = (frozenset(r.value for r in region.readings or []) if item_region == "multiple"
                    else frozenset({item_region}) if item_region else frozenset())
    surgery, surgery_date, surgery_category = clinical.surgery(text, item_regions)
    surgery_date = clinical.fixation_after_injury(surgery_date, surgery_category, injury, as_of)
    ur_decision, ur_visits = clinical.ur_decision(text, item_modality)
    certified_given = (history.certified_part_given(text, prior, ur_decision, ur_visits, ur_on,
                                                     item_modality)
                       if physical else outside)
    since_surgery = history.before_surgery(text, prior, since_surgery, surgery_date)
    # (care asked about after it was given, its dates of service named: the period is the
    # services', not the later request's)
    service = dates.service_start(text)
    post = clinical.postsurgical(text, surgery, surgery_date, service if service.known else as_of)
    if not post.known and (requested := clinical.surgery_under_review(
            text, surgery, surgery_category, surgery_date)):
        post = requested
    if before := clinical.preoperative(text):
        post = before
    # (not therapy whose title puts it before the operation: "Pre-operative physical therapy
    # 2 times a week for 4 weeks", beside the post-operative course asked for with it)
    elif planned := clinical.planned_surgery(text, surgery, surgery_date, as_of,
                                                surgery_category):
        # post-operative therapy asked for before the operation it is to follow
        post = planned
        since_surgery = clinical.none_since_surgery(planned.evidence)
    # (none since the operation counts when the letter says so, not when it is only this count
    # said to be before it: "Postoperative therapy had not yet started")
    if post.known and post.value is True and since_surgery.known and (
            since_surgery.value or since_surgery.evidence != prior.evidence) and \
            prior.known and (prior.value < since_surgery.value
                             or history.given_before_surgery(text, prior, surgery_date)):
        # within the postsurgical period the course is the one since the operation: sessions
        # before it are another episode ("The 8 sessions of physical therapy the patient
        # attended prior to surgery are not counted toward the postsurgical course"); a count
        # smaller than the one since the operation, or said to be before it, is of those
        prior = since_surgery.model_copy(update={
            "note": f"within the postsurgical period, the sessions since the operation; the "
                    f"letter's other count ({prior.display()}) includes sessions before it"})
    # (nor for an operation this letter requests, not yet done: the diagnosis is the case's)
    if post.known and post.value is True and not clinical.for_a_surgery_requested(text) and \
            not (planned and not surgery_date.known):
        # therapy within the postsurgical period is for the operation (the Postsurgical Treatment
        # Guidelines' own category); the diagnosis' category stays as a reading, which the rules
        # use again if the surgery's own period has ended (decide._postsurgical_period)
        dx_category = Fact(
            value=DiagnosisCategory.postsurgical.value, known=True,
            evidence=dedupe(surgery.evidence + post.evidence + dx.evidence),
            readings=[Reading(value=DiagnosisCategory.postsurgical.value, part="summary",
                              evidence=dedupe(surgery.evidence + post.evidence))]
            + ([Reading(value=dx_category.value, part="summary", evidence=dx_category.evidence)]
               if dx_category.known else []),
            resolution="the request falls within the postsurgical period: the therapy is for "
                       "the operation, whatever the diagnosis' own category")
    facts = CaseFacts(
        modality=modality,
        body_region=region,
        **visits,
        prior_sessions=prior,
        prior_treatment=given_before,
        functional_improvement=(history.functional_improvement(
            text, item_modality, counted_region, after_surgery=post.value is True)
                                if physical else outside),
        injury_date=injury,
        request_date=dates.request_interval(text, requested_on, ur_on, decided_on),
        ur_date=ur_on,
        decision_date=decided_on,
        chronic=clinical.chronic(text, injury, as_of, service, item_regions),
        postsurgical=post,
        surgery=surgery,
        surgery_date=surgery_date,
        surgery_category=surgery_category,
        diagnosis=dx,
        diagnosis_category=dx_category,
        flare_up=clinical.flare_up(text, item_region),
        home_exercise_program=clinical.home_exercise_program(text),
        return_to_work=clinical.return_to_work(text),
        ur_decision=ur_decision,
        ur_modified_visits=ur_visits,
        certified_part_given=certified_given,
        whole_request_disputed=(request.whole_request_disputed(text, visits["requested_visits"])
                                if physical else outside),
        sessions_since_surgery=since_surgery,
        retrospective=request.retrospective(text) if physical else outside,
        laser_therapy=request.laser_therapy(text) if physical else outside,
    )
    if physical:
        facts = facts.model_copy(update=criteria.read(text, item_regions))
        facts.injury_visits = history.injury_visits(facts.prior_sessions, facts.surgery)
        facts.authorized_sessions = history.authorized_sessions(text, item_modality,
                                                                item_region)
        facts.concurrent_approved_visits = history.concurrent_approved_visits(
            text, item_modality, item_region)
        # (of care reviewed after the fact, as of its first date of service: the sessions
        # under review are not earlier ones)
        facts.recent_treatment = history.recent_treatment(
            text, item_modality, item_region,
            as_of=service.value if service.known else as_of.value if as_of.known else None)
    associated = (clinical.associated_surgery(text, region)
                  or clinical.authorised_surgery(text, facts.surgery, facts.surgery_date,
                                                 facts.surgery_category)
                  if physical else None)
    if associated:
        update = dict(associated)
        since = associated.get("sessions_since_surgery")
        before = facts.prior_sessions
        if since is not None and since.value == 0 and before.known and before.value:
            # the course after an operation not yet done: none of it had (as within the
            # postsurgical period); the sessions before it are another episode, all outside
            # postsurgical care, which Labor Code 4604.5 counts
            update["prior_sessions"] = since.model_copy(update={
                "note": f"{since.note}; the letter's count of sessions before it "
                        f"({before.display()}) is of another episode"})
            update["injury_visits"] = before.model_copy(update={
                "note": "derived: the sessions before an operation not yet done, all outside "
                        "postsurgical care (Labor Code 4604.5 counts them)",
                "readings": [], "resolution": None})
        facts = facts.model_copy(update=update)
    return _in_context(facts, text)


def treatments(facts: CaseFacts) -> list[str]:
    """The treatments a request for several names, in order (none for a single treatment)."""
    modality = facts.modality
    if modality.resolution != request.MULTIPLE_TREATMENTS:
        return []
    return [r.value for r in modality.readings]


def _in_context(facts: CaseFacts, text: ItemText) -> CaseFacts:
    """Each fact's evidence with the sentences it sits in (see ItemText.with_context)."""
    update = {}
    for name in type(facts).model_fields:
        fact: Fact = getattr(facts, name)
        if not fact.evidence and not fact.readings:
            continue
        update[name] = fact.model_copy(update={
            "evidence": text.with_context(fact.evidence),
            "readings": [r.model_copy(update={"evidence": text.with_context(r.evidence)})
                         for r in fact.readings]})
    return facts.model_copy(update=update)
