"""CaseFacts + RuleBook -> Decision.

durable-rules says which rules fire on the facts; this module turns fired rules into findings
(reason text filled with the case's own numbers, approvable visits), decides per guideline
family, and picks the governing family:

- a family's outcome: any deny finding -> upheld (not medically necessary as requested);
  otherwise any insufficient-documentation finding -> undetermined; otherwise any approve
  finding -> overturned (medically necessary); otherwise undetermined;
- the governing family follows the Medical Evidence Search Sequence (8 CCR 9792.21.1): the MTUS
  when it addresses the request, then ODG, then ACOEM. An audit may ask for the family the
  reviewer relied on instead (`prefer`), and a pre-check may force one (`force`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .extract.clinical import months_between, operation_days, within_period
from .extract.history import BEFORE_DATES_OF_SERVICE
from .extract.parts import dedupe
from .models import (
    CaseFacts,
    Citation,
    Decision,
    Fact,
    Finding,
    GuidelineDecision,
    Reading,
)
from .rules import RuleBook
from .rules.compile import AS_OF, UNKNOWN, encode
from .rules.expand import Rule
from .rules.schema import Approvable, template_fields
from .vocabulary import (
    FREE_TEXT_FACTS,
    GUIDELINE_FAMILIES,
    NAMED_REGIONS,
    STATUTES,
    SYMBOLIC_FACTS,
    CountQualifier,
    FunctionalImprovement,
)

UNVERIFIED_NOTE = (" (This figure is unconfirmed: the project's guideline reference marks it "
                   "unconfirmed pending a check against the DWC text.)")


def as_of_date(facts: CaseFacts) -> dt.date | None:
    """The date that selects the guideline edition: request, else UR decision, else letter."""
    for name in ("request_date", "ur_date", "decision_date"):
        fact: Fact = getattr(facts, name)
        if fact.known:
            return fact.value
    return None


def _total(facts: CaseFacts) -> Fact:
    requested, prior = facts.requested_visits, facts.prior_sessions
    if not (requested.known and prior.known):
        return Fact.unknown("requested visits or prior sessions unknown")
    total = requested.value + prior.value
    qualifier = CountQualifier.at_least if prior.qualifier in (
        CountQualifier.at_least, CountQualifier.range) else None
    return Fact(value=total, known=True, qualifier=qualifier,
                evidence=requested.evidence + prior.evidence)


PRESUMPTIVE_PERIOD_KEY = "surgery_unspecified"

# facts `prepare` counts otherwise for the rules than the letter states them (sessions of an
# earlier episode, sessions authorised earlier, visits before a surgery): a report shows them as
# the letter states them, and what the decision counted beside them
RECOUNTED = ("prior_sessions", "prior_treatment")


def _stated(read: CaseFacts) -> list[str]:
    """The recounted facts the letter states (a count it does not state, such as sessions only
    authorised, is shown as the decision counted it, with its note)."""
    return [name for name in RECOUNTED if getattr(read, name).known]


def as_read(read: CaseFacts, prepared: CaseFacts) -> CaseFacts:
    """The facts a report shows: as prepared (derived periods included), but the recounted ones
    the letter states as it states them."""
    return prepared.model_copy(update={name: getattr(read, name) for name in _stated(read)})


def counted_as(read: CaseFacts, prepared: CaseFacts) -> dict[str, Fact]:
    """The stated facts whose count the decision used differs from the letter's."""
    return {name: getattr(prepared, name) for name in _stated(read)
            if getattr(prepared, name) != getattr(read, name)}


def prepare(facts: CaseFacts, book: RuleBook) -> CaseFacts:
    """Facts whose derivation needs rule data, and the count the postsurgical course reads."""
    return _certified_count(_postsurgical_count(_postsurgical_period(
        _earlier_episode(_authorized_count(_concurrent_count(_retrospective_count(facts)))),
        book)))


# the six-visit clinical trial the guidelines and UR reviewers name (ODG Preface; "modified the
# request for physical therapy to initial trial of 6 sessions")
SIX_VISIT_TRIAL = 6


def cut_below_trial(facts: CaseFacts) -> bool:
    """UR's certified part of a first course of therapy is a trial whose result the rest waits
    for ("Additional treatment is contingent upon patient response to treatment") only when it
    is one: a cut below the six-visit trial has no guideline basis, and the rules weigh the
    request as made (blind276_6: "Utilization review certified 4 of the 6 visits without a
    guideline basis for the reduction"; blind42_4, blind264_2). `message` then asserts no
    certified part."""
    cut, asked, prior = facts.ur_modified_visits, facts.requested_visits, facts.prior_sessions
    after_surgery = facts.postsurgical.known and facts.postsurgical.value
    return (cut.known and asked.known and prior.known and prior.value == 0
            and 0 < cut.value < min(SIX_VISIT_TRIAL, asked.value) and not after_surgery
            and facts.modality.known and facts.modality.value in _COURSE_PER_EPISODE)


_RETRO_NOTE = "a retrospective request"


def _retrospective_count(facts: CaseFacts) -> CaseFacts:
    """A retrospective request reviews sessions already given: those the letter counts as had
    ("attended 8 sessions ... from 10-3-16 through 10-28-16") include the ones under review, which
    are not earlier sessions of their own course."""
    retro, prior, asked = facts.retrospective, facts.prior_sessions, facts.requested_visits
    if not (retro.known and retro.value and prior.known and prior.value > 0
            and asked.known and asked.value) or _RETRO_NOTE in (prior.note or ""):
        return facts   # (prepared once already: `prepare` may run on prepared facts)
    if BEFORE_DATES_OF_SERVICE in (prior.note or ""):
        return facts   # the count is dated before the sessions under review
    earlier = max(prior.value - asked.value, 0)
    refined = facts.model_copy()
    note = (f"{_RETRO_NOTE}: the {asked.value} sessions under review are among the "
            f"{prior.display()} the letter counts as given, so {earlier} came before them")
    refined.prior_sessions = Fact(value=earlier, known=True, qualifier=prior.qualifier,
                                  evidence=prior.evidence + retro.evidence, note=note)
    refined.prior_treatment = Fact(value=earlier > 0, known=True,
                                   evidence=prior.evidence + retro.evidence, note=note)
    return refined


_CERTIFIED_NOTE = "the part of this request UR certified"


def _certified_count(facts: CaseFacts) -> CaseFacts:
    """The visits UR certified of this very request, given before the IMR, are counted as had
    and are inside the request as made: counted once, in the request ("UR certified 4 of the 8
    visits requested ... Those 4 visits have been completed": 8 in all, not 12)."""
    given, prior, certified = (facts.certified_part_given, facts.prior_sessions,
                               facts.ur_modified_visits)
    if not (given.known and given.value and prior.known and certified.known
            and prior.value >= certified.value > 0) or _CERTIFIED_NOTE in (prior.note or ""):
        return facts   # (prepared once already: `prepare` may run on prepared facts)
    # only a count read where the letter says they were given holds them ("He has completed 24
    # visits since the fusion ... the 10 certified visits were completed between 5/19/2015 and
    # 6/26/2015": the 24 came before the request, and stay)
    if given.evidence and not {(e.start, e.end) for e in given.evidence} & {
            (e.start, e.end) for e in prior.evidence}:
        return facts
    refined = facts.model_copy()
    refined.prior_sessions = Fact(
        value=prior.value - certified.value, known=True, qualifier=prior.qualifier,
        evidence=prior.evidence + given.evidence,
        note=f"{_CERTIFIED_NOTE} ({certified.value} visits) was given before the IMR; those "
             f"visits are inside the request as made, so {prior.value - certified.value} of the "
             f"{prior.display()} came before it")
    return refined


# the Physical Medicine section's treatments: a flare-up after no recent therapy is a new course
# (seed 000: "had not had any recent PT", 8 visits appropriate for the flare-up of a 2004 injury)
_COURSE_PER_EPISODE = ("physical_therapy", "occupational_therapy", "aquatic_therapy")
# ... and the treatments whose course a flare-up after a long time without starts anew (an
# acupuncture course years ago: a new one starts with the 3-6 treatment trial, blind1373_6)
_NEW_COURSE_AFTER_EPISODE = (*_COURSE_PER_EPISODE, "acupuncture")
# ... of which those whose guideline extends a course only with documented functional
# improvement: a course that brought none is not begun again for the same condition
# (acupuncture, "may be extended if functional improvement is documented", blind1402_2)
_RENEWED_ONLY_AFTER_GAINS = ("acupuncture",)


def _earlier_episode(facts: CaseFacts) -> CaseFacts:
    """Sessions of an earlier episode do not count against the course for a flare-up when the
    letter says the therapy has not been given for a long time ("no physical therapy since
    2012"): the flare-up is treated as a new course (for acupuncture, a new 3-6 treatment
    trial). Manual therapy keeps its own flare-up rules, which look at the earlier treatment's
    success."""
    recent, prior, flare = facts.recent_treatment, facts.prior_sessions, facts.flare_up
    given = (prior.known and prior.value > 0) or (
        not prior.known and facts.prior_treatment.known and facts.prior_treatment.value)
    if not (recent.known and recent.value is False and flare.known and flare.value and given
            and facts.modality.known and facts.modality.value in _NEW_COURSE_AFTER_EPISODE):
        return facts
    gains = facts.functional_improvement
    if facts.modality.value in _RENEWED_ONLY_AFTER_GAINS and gains.known and \
            gains.value != FunctionalImprovement.documented:
        return facts
    refined = facts.model_copy()
    count = prior.display() if prior.known else "(uncounted)"
    note = (f"the {count} earlier sessions belong to an earlier episode (the letter "
            f"says none were given recently); a flare-up is treated as a new course")
    refined.prior_sessions = Fact(value=0, known=True, qualifier=CountQualifier.exact,
                                  evidence=recent.evidence, note=note)
    # nor does that episode's result bear on the new course
    refined.prior_treatment = Fact(value=False, known=True, evidence=recent.evidence, note=note)
    return refined


def _approved_beside(facts: CaseFacts) -> Fact | None:
    """The visits of the same treatment approved beside this request, where they count with
    it: not for a retrospective request, whose sessions were given before any approved now
    (blind1390_4: the first 6 postoperative sessions reviewed after the fact, beside 6 more
    approved for the weeks ahead)."""
    beside = facts.concurrent_approved_visits
    if not (beside.known and beside.value > 0) or (
            facts.retrospective.known and facts.retrospective.value):
        return None
    return beside


def _concurrent_count(facts: CaseFacts) -> CaseFacts:
    """Visits of the same treatment approved beside this request (another item of the letter)
    are given with it: they count with the sessions had against the trial or course ("the 6
    manual acupuncture visits ... found medically necessary above ... would bring the initial
    trial to 12")."""
    beside, prior = _approved_beside(facts), facts.prior_sessions
    if not (beside and prior.known) or all(e in prior.evidence for e in beside.evidence):
        return facts   # (already counted: `prepare` may run on prepared facts)
    refined = facts.model_copy()
    refined.prior_sessions = Fact(
        value=prior.value + beside.value, known=True, qualifier=prior.qualifier,
        evidence=prior.evidence + beside.evidence,
        note=f"{prior.display()} had and {beside.value} approved beside this request (another "
             "item of the letter) count against the trial or course")
    refined.prior_treatment = Fact(value=True, known=True,
                                   evidence=prior.evidence + beside.evidence,
                                   note="the same treatment is approved beside this request")
    return refined


def _authorized_before(facts: CaseFacts) -> int:
    """Sessions of this treatment authorised before this request (0 when none are stated, or
    when the count is UR's certified part of this very request, inside the request as made)."""
    authorized, modified = facts.authorized_sessions, facts.ur_modified_visits
    if not (authorized.known and authorized.value > 0) or (
            modified.known and modified.value == authorized.value):
        return 0
    return authorized.value


def _authorized_count(facts: CaseFacts) -> CaseFacts:
    """Sessions authorised earlier count against the trial or course when the letter gives no
    count of sessions had ("6 sessions were already authorized; more would exceed the initial
    trial"). A count the letter states, or a statement that none were had, wins."""
    authorized, prior = facts.authorized_sessions, facts.prior_sessions
    if not _authorized_before(facts) or (prior.known and prior.basis != "not_in_record"):
        return facts
    refined = facts.model_copy()
    refined.prior_sessions = Fact(
        value=authorized.value, known=True, qualifier=CountQualifier.exact,
        evidence=authorized.evidence,
        note=f"the letter gives no count of sessions had; the {authorized.value} sessions "
             f"authorised earlier are counted against the guideline's trial or course")
    refined.prior_treatment = Fact(value=True, known=True, evidence=authorized.evidence,
                                   note="sessions of this treatment were authorised earlier")
    return refined


def _postsurgical_count(facts: CaseFacts) -> CaseFacts:
    """Within the postsurgical period only visits after the surgery count against the
    postsurgical course (9792.24.3): when they are stated, they are the earlier sessions."""
    since = facts.sessions_since_surgery
    if not (facts.postsurgical.known and facts.postsurgical.value and since.known):
        return facts
    refined = facts.model_copy()
    refined.prior_sessions = Fact(
        value=since.value, known=True, evidence=since.evidence,
        note=f"the sessions since the surgery ({since.value}); visits before it do not count "
             f"against the postsurgical course (the earlier count was "
             f"{facts.prior_sessions.display()})")
    if beside := _approved_beside(facts):
        # visits approved beside the request (another item of the letter: "The 6 visits of home
        # health physical therapy requested at the same time were found medically necessary
        # above") are part of the course; not yet given, they are no treatment had
        # (prior_treatment follows the sessions since the surgery: with none yet, no
        # improvement from them can open the rest of the course)
        refined.prior_sessions = Fact(
            value=since.value + beside.value, known=True,
            evidence=since.evidence + beside.evidence,
            note=f"the sessions since the surgery ({since.value}) and {beside.value} approved "
                 f"beside this request count against the postsurgical course (the earlier "
                 f"count was {facts.prior_sessions.display()})")
    refined.prior_treatment = Fact(value=since.value > 0, known=True, evidence=since.evidence,
                                   note="from the sessions since the surgery")
    return refined


def _postsurgical_period(facts: CaseFacts, book: RuleBook) -> CaseFacts:
    """Whether the request falls within the postsurgical physical medicine period of the
    surgery (periods come from the rulesets, 9792.24.3). A value stated outright is kept."""
    as_of = as_of_date(facts)
    surgery_date = facts.surgery_date
    days = operation_days(surgery_date)   # its day, or each end of the month dating it
    if not (days and as_of is not None) or (
            facts.postsurgical.known and (facts.postsurgical.basis == "stated"
                                          or facts.postsurgical.note == "stated in the "
                                                                       "pre-check input")):
        return facts
    if facts.postsurgical.value is True and all(day > as_of for day in days):
        return facts   # therapy asked for before a planned operation, to follow it
    if facts.retrospective.known and facts.retrospective.value is True and \
            facts.postsurgical.known:
        return facts   # care already given: read at its dates of service (extraction), not
        # at the later request's date
    periods = book.postsurgical_periods
    category = facts.surgery_category.value if facts.surgery_category.known else None
    period = periods.get(category) if category else None
    which = f"the {str(category).replace('_', ' ')} period"
    if period is None:
        period = periods.get(PRESUMPTIVE_PERIOD_KEY)
        which = "the presumptive period for surgeries the table does not list"
    if period is None:
        return facts
    within = within_period(surgery_date, as_of, period)
    if within is None:
        return facts   # the month straddles the period's end: the day would decide
    months = months_between(days[0], as_of)
    refined = facts.model_copy()
    # what the letter says that agrees (the reviewer's "within the postsurgical period")
    agreeing = facts.postsurgical.evidence if facts.postsurgical.value == within else []
    dx_category = facts.diagnosis_category
    if not within and dx_category.known and dx_category.value == "postsurgical":
        # the surgery's own period has ended: the diagnosis' own category applies again
        own = [r for r in dx_category.readings if r.value != "postsurgical"]
        refined.diagnosis_category = (
            Fact(value=own[0].value, known=True, evidence=own[0].evidence,
                 note="the diagnosis' own category: the postsurgical period has ended")
            if own else Fact.unknown("the postsurgical period has ended and the diagnosis maps "
                                     "to no guideline category"))
    refined.postsurgical = Fact(
        value=within, known=True, evidence=dedupe(surgery_date.evidence + agreeing),
        note=f"derived: {months} months from surgery to {as_of.isoformat()}"
             + ("" if surgery_date.known else " (the operation dated only within an "
                "interval, the same for every day of it)")
             + f"; {which} is {period} months (8 CCR 9792.24.3)")
    return refined


# the facts a message carries (free text never reaches the rules), and which travel as symbols
_MESSAGE_FACTS = tuple((name, name in SYMBOLIC_FACTS) for name in CaseFacts.model_fields
                       if name not in FREE_TEXT_FACTS)


def message(facts: CaseFacts) -> dict[str, Any]:
    """The flat message asserted into durable-rules: known facts only, plus derived facts."""
    out: dict[str, Any] = {}
    held = facts.__dict__
    for name, symbolic in _MESSAGE_FACTS:
        fact: Fact = held[name]
        if fact.known:
            out[name] = encode(name, fact.value)
        elif symbolic:
            out[name] = UNKNOWN
    total = _total(facts)
    if total.known:
        out["total_visits"] = total.value
    flare, before = facts.flare_up, facts.prior_treatment
    if (flare.known and not flare.value) or (before.known and not before.value):
        out["flare_up_after_treatment"] = encode("flare_up_after_treatment", False)
    elif flare.known and before.known:
        out["flare_up_after_treatment"] = encode("flare_up_after_treatment", True)
    else:
        out["flare_up_after_treatment"] = encode("flare_up_after_treatment", None)
    earlier = facts.injury_visits if facts.injury_visits.known else facts.prior_sessions
    if earlier.known and facts.requested_visits.known:
        out["injury_total_visits"] = earlier.value + facts.requested_visits.value
    remaining = None
    if cut_below_trial(facts):
        out.pop("ur_modified_visits", None)   # no trial to wait for: the request as made
    elif facts.ur_modified_visits.known and facts.requested_visits.known:
        remaining = facts.requested_visits.value - facts.ur_modified_visits.value
        out["ur_remaining_visits"] = remaining
    out["ur_part_remains"] = encode("ur_part_remains", None if remaining is None
                                    else remaining > 0)
    as_of = as_of_date(facts)
    if as_of is not None:
        out[AS_OF] = encode(AS_OF, as_of)
        if facts.injury_date.known:
            out["months_since_injury"] = months_between(facts.injury_date.value, as_of)
        if facts.surgery_date.known:
            out["months_since_surgery"] = months_between(facts.surgery_date.value, as_of)
    return out


def _display(facts: CaseFacts, name: str, asserted: dict[str, Any]) -> str:
    if name in ("months_since_injury", "months_since_surgery", "injury_total_visits",
                "ur_remaining_visits"):
        value = asserted.get(name)
        return "an unknown number of" if value is None else str(value)
    fact = _total(facts) if name == "total_visits" else getattr(facts, name, None)
    if fact is None:
        return name
    if not fact.known:
        return "an unstated number of" if name in ("requested_visits", "prior_sessions",
                                                     "total_visits") else "unknown"
    return fact.display()


def render_reason(rule: Rule, facts: CaseFacts, asserted: dict[str, Any] | None = None) -> str:
    """The rule's reason with the facts' values; `asserted` is the message the rules read
    (made from `facts` when not given)."""
    if asserted is None:
        asserted = message(facts)
    values = {}
    for name in template_fields(rule.reason):
        values[name] = (rule.context[name] if name in rule.context
                        else _display(facts, name, asserted))
    text = rule.reason.format_map(values)
    text = text[0].upper() + text[1:] if text else text
    if not rule.verified:
        text += UNVERIFIED_NOTE
    return text


def _approvable(rule: Rule, facts: CaseFacts) -> int | None:
    spec = rule.approvable_visits
    requested = facts.requested_visits.value if facts.requested_visits.known else None
    if spec is None:
        value = None  # the rule sets no figure (e.g. a frequency limit)
    elif spec == "requested":
        value = requested
    elif isinstance(spec, Approvable):
        value = spec.visits
        if spec.minus_prior and facts.prior_sessions.known:
            value = max(0, spec.visits - _used(facts))
    else:
        value = int(spec)
    if value is not None and requested is not None:
        value = min(value, requested)
    return value


def _used(facts: CaseFacts) -> int:
    """The visits of a trial or course already spent: those had, or, when more were authorised
    earlier ("completed 2 of 6 approved acupuncture visits, 4 remain"), those authorised, which
    another request cannot be given again (not UR's certified part of this very request)."""
    return max(facts.prior_sessions.value, _authorized_before(facts))


def finding(rule: Rule, facts: CaseFacts, asserted: dict[str, Any] | None = None) -> Finding:
    return Finding(rule=rule.id, kind=rule.kind, effect=rule.effect, guideline=rule.guideline,
                   citation=rule.citation, reason=render_reason(rule, facts, asserted),
                   verified=rule.verified, approvable_visits=_approvable(rule, facts))


def _family_decision(guideline: str, findings: list[Finding], editions: list[str],
                     facts: CaseFacts) -> GuidelineDecision:
    deny = [f for f in findings if f.effect == "deny"]
    insufficient = [f for f in findings if f.effect == "insufficient"]
    approve = [f for f in findings if f.effect == "approve"]
    edition = ", ".join(editions) or None
    if deny:
        caps = [f.approvable_visits for f in deny if f.approvable_visits is not None]
        return GuidelineDecision(guideline=guideline, edition=edition, addresses=True,
                                 outcome="upheld", approvable_visits=min(caps) if caps else None,
                                 findings=findings)
    if insufficient:
        return GuidelineDecision(guideline=guideline, edition=edition, addresses=True,
                                 outcome="undetermined", findings=findings,
                                 note="facts the rules need are not documented")
    if approve:
        requested = facts.requested_visits.value if facts.requested_visits.known else None
        return GuidelineDecision(guideline=guideline, edition=edition, addresses=True,
                                 outcome="overturned", approvable_visits=requested,
                                 findings=findings)
    if findings and all(f.kind == "no_visit_figures" for f in findings):
        return GuidelineDecision(guideline=guideline, edition=edition, addresses=True,
                                 outcome="undetermined", findings=findings, defers_figures=True,
                                 note="the guideline addresses this treatment but gives no visit "
                                      "numbers")
    return GuidelineDecision(guideline=guideline, edition=edition, addresses=True,
                             outcome="undetermined", findings=findings,
                             note="the guideline addresses this treatment but no rule reached a "
                                  "decision on these facts")


def decide(facts: CaseFacts, book: RuleBook, prefer: list[str] | None = None,
           force: str | None = None) -> Decision:
    """The decision on a request. A request for several body regions ("for the right elbow and
    right knee") is decided for each region under its own rows; an IMR decides the request as
    submitted, so it is medically necessary only if it is for every region."""
    regions = named_regions(facts)
    if len(regions) < 2:
        return _decide_region(facts, book, prefer, force)
    return whole_request([(region.value, _decide_region(_for_region(facts, region), book,
                                                         prefer, force))
                           for region in regions])


def named_regions(facts: CaseFacts) -> list[Reading]:
    """The body regions a request for several names (one reading each), in the order named."""
    region = facts.body_region
    if not (region.known and region.value == "multiple"):
        return []
    return [r for r in region.readings if r.value in NAMED_REGIONS]


def _for_region(facts: CaseFacts, region: Reading) -> CaseFacts:
    refined = facts.model_copy()
    refined.body_region = Fact(value=region.value, known=True, evidence=region.evidence,
                               note="one of the body regions the request names")
    return refined


def whole_request(parts: list[tuple[str, Decision]], what: str = "body regions") -> Decision:
    """The decisions on the parts of one request (its body regions, or its treatments) -> the
    request's: upheld if any part is not medically necessary (with every such part's findings),
    else undetermined if any part is, else overturned for the fewest visits any part allows."""
    summary = "; ".join(f"{region.replace('_', ' ')}: {d.outcome}"
                        + (f", {d.approvable_visits} visits" if d.approvable_visits is not None
                           else "") for region, d in parts)
    upheld = [d for _, d in parts if d.outcome == "upheld"]
    undetermined = [d for _, d in parts if d.outcome == "undetermined"]
    regions = {id(d): region for region, d in parts}
    if upheld:
        chosen = upheld[0]
        seen: set[str] = set()   # a rule's finding once (the first region's wording)
        findings = [f for d in upheld for f in d.findings
                    if f.rule not in seen and not seen.add(f.rule)]
    elif undetermined:
        chosen, findings = undetermined[0], undetermined[0].findings
    else:
        chosen = min((d for _, d in parts),
                     key=lambda d: (d.approvable_visits is None, d.approvable_visits or 0))
        findings = chosen.findings
    allowed = [d.approvable_visits for _, d in parts if d.approvable_visits is not None]
    one = "region" if what == "body regions" else "treatment"
    note = (f"The request names {len(parts)} {what}, decided each under its own "
            f"guideline rows ({summary}); an IMR decides the request as submitted, which is "
            f"medically necessary only if it is for every {one}. The breakdown by "
            f"guideline is the {regions[id(chosen)].replace('_', ' ')}'s.")
    return chosen.model_copy(update={
        "findings": findings, "notes": [note, *chosen.notes],
        "approvable_visits": min(allowed) if allowed and chosen.outcome != "undetermined"
        else chosen.approvable_visits})


def _decide_region(facts: CaseFacts, book: RuleBook, prefer: list[str] | None,
                   force: str | None) -> Decision:
    facts = prepare(facts, book)
    asserted = message(facts)
    fired = book.fire(asserted)
    by_family: dict[str, list[Finding]] = {}
    editions: dict[str, list[str]] = {}
    # files whose topic applies, whatever the edition, by guideline family
    topical: dict[str, list[str]] = {}
    for key in fired:
        if key.startswith("topic:"):
            scope = book.scope(key)
            topical.setdefault(scope.guideline, []).append(scope.path)
            continue
        if key.startswith("scope:"):
            scope = book.scope(key)
            editions.setdefault(scope.guideline, [])
            if scope.edition not in editions[scope.guideline]:
                editions[scope.guideline].append(scope.edition)
            by_family.setdefault(scope.guideline, [])
            continue
        rule = book.rule(key)
        by_family.setdefault(rule.guideline, []).append(finding(rule, facts, asserted))

    as_of = as_of_date(facts)
    # statutes (Labor Code 4604.5's visit cap) are legal notes beside the decision: they limit
    # payment, never medical necessity
    statutory = [f for statute in STATUTES for f in by_family.pop(statute, [])]
    by_guideline: dict[str, GuidelineDecision] = {}
    for guideline in _family_order(book):
        if guideline in by_family:
            by_guideline[guideline] = _family_decision(
                guideline, by_family[guideline], editions.get(guideline, []), facts)
        elif guideline in topical and as_of is None:
            by_guideline[guideline] = GuidelineDecision(
                guideline=guideline, addresses=True, outcome="undetermined",
                findings=[_edition_unknown(book, guideline, topical[guideline])],
                note=f"{guideline} addresses this treatment, but no request, UR or decision "
                     f"date is known to choose its edition")
        else:
            note = "does not address this treatment"
            if guideline in topical:
                note = f"no edition in force on {as_of.isoformat()} addresses this treatment"
            by_guideline[guideline] = GuidelineDecision(
                guideline=guideline, addresses=False, outcome="undetermined", note=note)

    governing, why = _governing(by_guideline, prefer, force, as_of)
    if governing is None:
        return Decision(outcome="undetermined", medically_necessary=None, governing_guideline=None,
                        governing_reason=why, by_guideline=by_guideline, as_of=as_of,
                        legal_notes=statutory)
    chosen = by_guideline[governing]
    necessary = {"upheld": False, "overturned": True}.get(chosen.outcome)
    # which document addressed the treatment without numbers stays in the decision
    deferred = [f for d in by_guideline.values() if d.defers_figures and d is not chosen
                for f in d.findings]
    notes = []
    if cut_below_trial(facts):
        notes.append(f"Utilization review certified {facts.ur_modified_visits.value} of the "
                     f"{facts.requested_visits.value} visits of a first course, fewer than the "
                     f"six-visit trial: no trial's result must come first, so the request is "
                     f"weighed as made.")
    return Decision(outcome=chosen.outcome, medically_necessary=necessary,
                    approvable_visits=chosen.approvable_visits, governing_guideline=governing,
                    governing_reason=why, findings=deferred + chosen.findings,
                    by_guideline=by_guideline, as_of=as_of, legal_notes=statutory, notes=notes)


EDITION_RULE = "engine.edition_unknown"


def _edition_unknown(book: RuleBook, guideline: str, paths: list[str]) -> Finding:
    """Insufficient documentation is a finding, also when it is the date that is missing."""
    periods = sorted({(f.ruleset.edition.effective_from, f.ruleset.edition.effective_to,
                       f.ruleset.edition.name) for f in book.files if f.path in paths},
                     key=lambda p: (p[0], p[1] or dt.date.max, p[2]))
    editions = "; ".join(f"{name} from {start.isoformat()}"
                         + (f" to {end.isoformat()}" if end else "")
                         for start, end, name in periods)
    return Finding(
        rule=EDITION_RULE, kind="insufficient_documentation", effect="insufficient",
        guideline=guideline,
        citation=Citation(guideline=guideline, document=f"{guideline} editions in force",
                          section="the request (else UR, else decision) date selects the "
                                  "edition", verified=True),
        reason=f"No request, UR or decision date is known, so which {guideline} edition "
               f"applies cannot be chosen ({editions}).")


def _family_order(book: RuleBook) -> list[str]:
    present = book.guidelines
    return [g for g in GUIDELINE_FAMILIES if g in present]


# which rule puts the MTUS first, by date: the Medical Evidence Search Sequence exists from
# 20 Apr 2015; before it, 8 CCR 9792.21 and 9792.25 (2009 text) made the MTUS presumptively
# correct and other guidelines apply only where it does not address the condition
PRECEDENCE = (
    (dt.date(2015, 4, 20), "Medical Evidence Search Sequence (8 CCR 9792.21.1)"),
    (dt.date(2009, 7, 18), "MTUS presumptively correct (8 CCR 9792.21, 9792.25, 2009 text)"),
    # the 2009 regulation text did not exist yet; the presumption itself is the statute's
    (dt.date.min, "MTUS presumptively correct (Labor Code 4604.5)"),
)


def precedence_rule(as_of: dt.date | None) -> str:
    """The rule that puts the MTUS first on a date (the current one when no date is known)."""
    day = as_of or dt.date.max
    return next(text for start, text in PRECEDENCE if day >= start)


def _governing(by_guideline: dict[str, GuidelineDecision], prefer: list[str] | None,
               force: str | None, as_of: dt.date | None = None) -> tuple[str | None, str]:
    rule = precedence_rule(as_of)
    if force is not None:
        if force not in by_guideline or not by_guideline[force].addresses:
            return None, f"{force} was requested but does not address this treatment"
        return force, f"{force} was chosen explicitly"
    for guideline in prefer or []:
        relied = by_guideline.get(guideline)
        # (a family whose files apply but none of whose rules holds for these facts, ODG's
        # physical therapy for a post-operative course, says nothing: the sequence decides)
        if relied is not None and relied.addresses and not relied.defers_figures \
                and (relied.findings or relied.outcome != "undetermined"):
            return guideline, f"the reviewer relied on {guideline}"
    deferring = [g for g in GUIDELINE_FAMILIES
                 if g in by_guideline and by_guideline[g].defers_figures]
    for guideline in GUIDELINE_FAMILIES:
        decision = by_guideline.get(guideline)
        if decision is None or not decision.addresses or guideline in deferring:
            continue
        if guideline == "MTUS":
            return guideline, f"{rule}: the MTUS addresses this treatment"
        if deferring:
            source = by_guideline[deferring[0]]
            return guideline, (f"{rule}: the {source.guideline} ({source.edition}) addresses "
                               f"this treatment but gives no visit numbers; {guideline} "
                               f"supplies them")
        return guideline, (f"{rule}: the MTUS does not address this treatment; "
                           f"{guideline} does")
    if deferring:
        source = by_guideline[deferring[0]]
        return None, (f"the {source.guideline} ({source.edition}) addresses this treatment but "
                      f"gives no visit numbers, and no other guideline in the ruleset does")
    return None, "no guideline in the ruleset addresses this treatment"
