"""What was requested: modality, body region, visits (total, minimum, frequency, weeks)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import regex

from ..models import Evidence, Fact, Reading
from ..vocabulary import NAMED_REGIONS
from . import categories
from .clinical import UR_MODIFIED
from .dates import find_dates
from .history import DONE_AFTER_COUNT, FIGURE_BEFORE, PROJECTED_TOTAL, count_modality
from .numbers import NUMBER, to_int
from .parts import REQUEST_ORDER, ItemText, Part, Sentence, dedupe, list_entry, resolve
from .visits import (
    HOURS_A_DAY,
    VisitCount,
    all_visits,
    parse_duration,
    parse_visits,
    visits_of_units,
)

_DIAGNOSED = regex.compile(r"\bdiagnos(?:ed|is|es)\b", regex.IGNORECASE)
# sentences that place the complaint: "complained of cervical spine pain", "an industrial injury
# to the low back"
_COMPLAINT = regex.compile(r"\bcomplain\w*|\b(?:injur\w*|trauma)\s+(?:to|of|involving)\s+"
                           r"(?:the|his|her)\b|\bpresent\w*\s+with\b|\bpain\s+in\s+(?:the|his|her)\b",
                           regex.IGNORECASE)
_NO_BODY_PART = regex.compile(
    r"\b(?:fail\w*\s+to\s+(?:specify|identify|indicate|state)|did\s+not\s+(?:specify|identify|"
    r"indicate|state)|does\s+not\s+(?:specify|identify|indicate|state)|without\s+specifying)\s+"
    r"(?:a|the|which)\s+body\s+(?:part|region)s?|\bbody\s+(?:part|region)\s+(?:was|is)\s+not\s+"
    r"(?:specified|identified|stated)", regex.IGNORECASE)
# visit schedules that only a course of therapy has (not '#60' or 'x 2' of a drug or a test)
_COURSE_FORMS = frozenset({"frequency_weeks", "weeks_frequency", "frequency_x_weeks",
                           "frequency_times_count"})
# services given in courses of visits that are not physical-medicine treatments the rulesets
# decide (passive modalities, devices, tests)
_OTHER_SERVICE = regex.compile(
    r"\b(?:electrical\s+(?:muscle\s+)?stimulation|e-?stim|TENS|NMES|ultrasound|infrared|"
    r"biofeedback|shock\s*wave|ESWT|laser|diathermy|traction|iontophoresis|injections?|"
    # ("Cupping therapy 2 x 4 for the thoracic and lumbar spine", beside electroacupuncture)
    r"cupping|moxibustion|"
    r"psycho\w*|counsel\w*|cognitive|office\s+visits?|follow[- ]?up|consult\w*|"
    r"home\s+(?:health\s+)?(?:aide|care|health|attendant|assistance)|aide|nurs\w+|"
    r"caregiver|attendant|housekeep\w*|transportation)\b",
    regex.IGNORECASE)
_ORIGINAL = regex.compile(r"\bwas\s+the\s+original\s+request\b", regex.IGNORECASE)
_REQUEST_CUE = regex.compile(
    r"\b(?:request\w*|reqquest\w*|authori[sz]ation|RFA|prescri\w+|treatment\s+plan|"
    r"plan\s+included|asked\s+for|(?:is|are|was|were)\s+asking\s+for|ordered|sought|seek\w*|propos\w+|recommended\s+by|"
    r"(?:provider|physician|doctor|surgeon|chiropractor|therapist|PTP)\s+(?:\w+\s+)?recommended|"
    r"referr\w+\s+(?:for|to))\b", regex.IGNORECASE)


# a title that names equipment or an assessment after a treatment ("massage chair", "PT
# re-evaluation", "work hardening screening"), unless it also asks for a course of it
_NOT_VISITS = regex.compile(
    # (not CPT billing units: "97110 therapeutic exercises x 12 units")
    # (nor units of time: "12 units (30-minute units, 2 units per visit)")
    r"\b(?:chairs?|devices?|(?<!\b\d+\s*)(?<!(?:minute|hour)[\s-]*)units?|machines?|tables?|kits?|equipment|supplies|"
    r"beds?|rollers?|"
    # ("Transportation to and from functional restoration program")
    r"transport\w*|"
    r"re-?\s?evaluations?|re-?evals?|re-?\s?exam(?:ination)?s?|reassessments?|screenings?|"
    # ("Occupational therapy ergonomic assessment of the workstation")
    r"ergonomic\s+(?:assessments?|evaluations?)|(?:work\s*site|work\s*station|job\s*site)\s+"
    r"(?:assessments?|evaluations?|analys[ie]s)|"
    # ("Repeat functional capacity evaluation at completion of work conditioning")
    r"functional\s+capacity\s+(?:evaluations?|assessments?|testing)|FCEs?|"
    # the assessment for a programme, not the programme ("a multidisciplinary evaluation for a
    # functional restoration program")
    r"(?:multi|inter)-?disciplinary\s+(?:evaluations?|assessments?)|(?:evaluations?|assessments?)"
    r"\s+for\s+(?:admission\s+to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:program(?:me)?s?|FRP)|"
    # a referral, and what the treatment is given with: "Chiropractic consultation",
    # "Acupuncture needles, one box of 100" (an evaluation alone is one visit: _EVALUATION_ALONE)
    r"consult(?:ation)?s?|needles|"
    # "Chiropractic x-rays of the cervical spine" (not "Chiropractic evaluation, lumbar spine":
    # CM17-0010006 decides it as chiropractic care)
    r"x-?rays?|radiographs?)\b", regex.IGNORECASE)
# the source of a recommendation after the treatment, not what is asked for ("Work conditioning
# ..., #12, as recommended in the functional capacity evaluation of 11/18/2014")
_SOURCE_OF = regex.compile(
    r"\b(?:recommended|suggested|advised|outlined|prescribed)\s+(?:in|by|at|on)\b|"
    r"\b(?:per|following|after|based\s+on|according\s+to|pursuant\s+to)\b", regex.IGNORECASE)


def _equipment_named(title: str, treatment_end: int) -> regex.Match | None:
    """The equipment or assessment a title names (`_NOT_VISITS`), unless it comes after the
    treatment as the source of its recommendation."""
    return next((m for m in _NOT_VISITS.finditer(title)
                 if m.start() < treatment_end
                 or not _SOURCE_OF.search(title, treatment_end, m.start())), None)


# the place a schedule is for, said right after it: " for the left ankle" (up to the next
# clause or list entry)
_PLACE_AFTER = regex.compile(r"(?:(?!\band\b)[^,;.]){0,40}", regex.IGNORECASE)
# a passive modality named first, given at another treatment's visits ("Electrical muscle
# stimulation with each chiropractic visit", "Ultrasound during physical therapy")
_SERVICE_WITH = regex.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:electrical\s+(?:muscle\s+)?stimulation|e-?stim|EMS|TENS|"
    r"ultrasound|traction|infrared|diathermy|hot\s+packs?|cold\s+packs?|paraffin|"
    r"interferential)\b[^.;]{0,40}?\b(?:with|during|at)\s+(?:each|every|the|all)?\s*$",
    regex.IGNORECASE)
# ("Home exercise kit and 6 PT visits")
_COURSE_TOO = regex.compile(r"\b(?:and|with|plus|&)\s+(?:\w+\s+){0,2}?(?:treatments?|treat|therapy|"
                            r"sessions?|visits?)\b|"
                            # the course first, the equipment its own entry after it: "Massage
                            # therapy; massage chair"
                            r"\b(?:therapy|treatments?|sessions?|visits?)\s*[;,]\s*(?=.*?"
                            r"\b(?:chairs?|devices?|units?|machines?|tables?|kits?|equipment|"
                            r"supplies|beds?|rollers?)\b)", regex.IGNORECASE)


def modality(text: ItemText) -> Fact:
    """The treatment the item title names. An item is physical medicine only when its title says
    so: a rationale about an MRI mentions physical therapy, the MRI is still not therapy."""
    readings = []
    for part in (text.title, text.preamble):
        found = categories.first(categories.MODALITY, part.view.folded)
        if found:
            readings.append(Reading(value=found.value, part=part.name,
                                    evidence=[part.evidence(found.start, found.end)]))
    if len({r.value for r in readings}) > 1:
        readings = readings[:1]  # the title names what IMR decided
    title_folded = text.title.view.folded
    if readings and readings[0].part == "title" and (
            first := categories.first(categories.MODALITY, title_folded)) and \
            _SERVICE_WITH.match(title_folded[:first.start]):
        # "Electrical muscle stimulation with each chiropractic visit": a modality given at
        # the visits of a treatment, not visits of it
        return Fact(value="other", known=True,
                    evidence=[text.title.evidence(0, first.start)],
                    note="the title names a service given with a physical-medicine treatment, "
                         "not visits of it")
    schedule = parse_visits(text.title.view.folded)
    if not readings and schedule is not None and schedule.form in _COURSE_FORMS and \
            not _OTHER_SERVICE.search(text.title.view.folded):
        # "Physical exam 2 times 8": a title with a course of visits is a course of therapy; the
        # rationale names the treatment the reviewer decided
        found = categories.first(categories.MODALITY, text.rationale.view.folded)
        if found:
            reading = Reading(value=found.value, part="rationale",
                              evidence=[text.rationale.evidence(found.start, found.end)])
            return resolve([reading], REQUEST_ORDER,
                           note="the title names a course of visits but no treatment; the "
                                "rationale names the treatment decided")
    title_text = text.title.view.folded
    if readings and (membership := next(
            (m for m in categories.mentions(categories.MODALITY, title_text)
             if m.value == "gym_membership"), None)):
        # "Aqua therapy pool membership x 3 months": access to a pool or gym, not therapy visits
        readings = [Reading(value=membership.value, part="title",
                            evidence=[text.title.evidence(membership.start, membership.end)])]
    elif readings and (not_visits := _equipment_named(
            title_text, (named.end if (named := categories.first(categories.MODALITY, title_text))
                         else 0))) and \
            not _COURSE_TOO.search(title_text) and not (
                schedule is not None and schedule.form in _COURSE_FORMS):
        # "Massage chair", "PT re-evaluation", "Work hardening screening": equipment or an
        # assessment named after a treatment, not visits of it
        title = text.title
        return Fact(value="other", known=True,
                    evidence=[title.evidence(not_visits.start(), not_visits.end())],
                    note="the title names equipment or an assessment, not visits of a "
                         "physical-medicine treatment")
    if not readings:
        # the item is something else (a medication, equipment...): say so, with the title
        title = text.title
        return Fact(value="other", known=True,
                    evidence=[title.evidence(0, len(title.view.folded))],
                    note="the title names no physical-medicine treatment")
    fact = resolve(readings, REQUEST_ORDER)
    if (hands_on := categories.HANDS_ON.search(title_text)) and \
            (section := categories.first(categories.SECTION_MODALITY,
                                         text.reviewer_citation.view.folded)) and \
            section.value != fact.value:
        # "Manual therapy 1x6, mid back" decided under "Section(s): Massage therapy": the
        # treatment of the section the reviewer relied on
        cited = text.reviewer_citation
        fact = Fact(value=section.value, known=True,
                    evidence=[text.title.evidence(hands_on.start(), hands_on.end()),
                              cited.evidence(section.start, section.end)],
                    note="the title names hands-on work more than one section covers; the "
                         "reviewer decided it under the section cited")
    joined = _joined_treatments(text.title)
    if len(joined) > 1 and (one := _one_section_cited(text, joined)) is not None:
        # "Physiotherapy and chiropractic manipulative therapy ..." decided under "Section(s):
        # Manual therapy & manipulation" alone: the treatment of that section
        fact, joined = one, []
    # the same treatment requested again in the heading, the summary or the rationale
    restated = [sentence.evidence(m.start, m.end)
                for _, sentence in _requests_of(text, fact.value)
                for m in categories.mentions(categories.MODALITY, sentence.text)
                if m.value == fact.value]
    fact = fact.model_copy(update={"evidence": dedupe(fact.evidence + restated)})
    if len(joined) > 1:
        # "Physical therapy and chiropractic treatment for the lumbar spine ...": one request
        # for two treatments, decided for each (decide_treatments) and standing as a whole
        fact.readings = joined
        fact.resolution = MULTIPLE_TREATMENTS
    return fact


MULTIPLE_TREATMENTS = ("the request names several treatments (the readings); it is decided for "
                       "each and stands or falls as a whole")
# treatments joined in one title: "physical therapy and chiropractic", "PT/OT", "A & B"
_JOIN = regex.compile(r"^\s*(?:treatments?|therapy|sessions?|care)?\s*(?:and|&|/|plus|,)\s*"
                      r"(?:a\s+|an\s+)?$", regex.IGNORECASE)


def _one_section_cited(text: ItemText, joined: list[Reading]) -> Fact | None:
    """A title joining several treatments, whose reviewer cites the section of one of them
    alone (SECTION_MODALITY) and not the section for all physical medicine: the request was
    decided as that treatment."""
    cited = text.reviewer_citation
    sections = list(categories.mentions(categories.SECTION_MODALITY, cited.view.folded))
    if len({s.value for s in sections}) != 1 or categories.PHYSICAL_MEDICINE_SECTION.search(
            cited.view.folded):
        return None
    named = next((r for r in joined if r.value == sections[0].value), None)
    # (not where the citation names another of them: "Section(s): Massage therapy, and
    # Acupuncture Treatment 2007")
    if named is None or any(m.value != named.value and m.value in {r.value for r in joined}
                            for m in categories.mentions(categories.MODALITY,
                                                         cited.view.folded)):
        return None
    return Fact(value=named.value, known=True,
                evidence=[*named.evidence, cited.evidence(sections[0].start, sections[0].end)],
                note="the title joins several treatments; the reviewer decided the request "
                     "under the section of one of them alone")


def _joined_treatments(title: Part) -> list[Reading]:
    """The treatments a title names joined as one request, one reading each, in order."""
    found = list(categories.mentions(categories.MODALITY, title.view.folded))
    readings: list[Reading] = []
    for first, second in zip(found, found[1:], strict=False):
        if not _JOIN.match(title.view.folded[first.end:second.start]):
            break
        for m in (first, second) if not readings else (second,):
            if m.value not in {r.value for r in readings}:
                readings.append(Reading(value=m.value, part=title.name,
                                        evidence=[title.evidence(m.start, m.end)]))
    return readings


def _requests_of(text: ItemText, item_modality: str) -> Iterator[tuple[Part, Sentence]]:
    """Sentences that request this item's treatment: the heading's, and those of the rationale
    and the summary that say it was requested."""
    for part in (text.preamble, text.rationale, text.summary):
        for sentence in part.sentences():
            if item_modality in sentence.modalities() and not sentence.is_guideline_talk() and (
                    part is text.preamble or sentence.search(_REQUEST_CUE)):
                yield part, sentence


MULTIPLE_REGIONS = ("the request names several body regions (the readings); it is decided for "
                    "each and stands or falls as a whole")


# the joints of a limb, for a request that names only "the upper (lower) extremity"
_LIMBS = (
    (regex.compile(r"upper\s+extremit", regex.IGNORECASE), ("shoulder", "elbow", "wrist_hand")),
    (regex.compile(r"lower\s+extremit", regex.IGNORECASE), ("hip", "knee", "ankle_foot")),
)


def _limb_regions(text: ItemText, title: str) -> list[Reading]:
    """The regions of the limb the title names that the letter's diagnoses name, in the order
    first named (one reading each, with its evidence)."""
    joints = {j for pattern, limb in _LIMBS if pattern.search(title) for j in limb}
    readings: list[Reading] = []
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if not sentence.search(_DIAGNOSED) or sentence.mentions_guidelines():
                continue
            for m in categories.mentions(categories.BODY_REGION, sentence.text):
                if m.value in joints and m.value not in {r.value for r in readings}:
                    readings.append(Reading(value=m.value, part=part.name,
                                            evidence=[sentence.evidence(m.start, m.end)]))
        if readings:
            return readings
    return readings


# the note of a region unknown because the title names a part no region of the guideline's
# rows takes in (the jaw, the pelvic floor): the counts placed at a region are another part's
UNPLACED_PART = "the request names a body part that no region of the guidelines takes in"


def body_region(text: ItemText, item_modality: str | None = None) -> Fact:
    """From the item title; failing that (for physical medicine), from a sentence that
    requests it, or from a diagnosis that names one region."""
    title = text.title.view.folded
    if item_modality not in (None, "other") and \
            not categories.mentions(categories.BODY_REGION, title) and \
            (part_named := categories.UNPLACED_BODY_PART.search(title)):
        # (a body part named, none of the regions the guideline's rows are written for: not
        # a region of the summary's diagnoses, "Pelvic floor physical therapy, 4 additional
        # sessions" of a patient also treated for the low back)
        return Fact.unknown(f"{UNPLACED_PART} ('{part_named.group()}')")
    candidates: list[tuple[Part, int, str]] = [(text.title, 0, title)]
    asked = parse_visits(title)
    for part in (text.rationale, text.summary) if item_modality != "other" else ():
        for s in part.sentences():
            if not s.search(_REQUEST_CUE) or s.mentions_guidelines():
                continue
            if item_modality and asked and asked.total and (
                    stretch := _stretch_asking(s.text, item_modality, asked.total)):
                # "chiropractic treatment 2 times a week for 4 weeks for the lumbar and cervical
                # spine and chiropractic treatment for the right wrist 2 times a week for 3
                # weeks", for a title asking 8: the request that asks as many
                lo, hi = stretch
                candidates.append((part, s.start + lo, s.text[lo:hi]))
            elif item_modality and item_modality in s.modalities():
                # "requested additional hand therapy, myofascial release for the neck, and a
                # gym membership": the regions of this treatment's list item only
                lo, hi = _own_stretch(s.text, item_modality)
                candidates.append((part, s.start + lo, s.text[lo:hi]))
            elif not (item_modality and categories.NON_PM_SERVICE.search(s.text)):
                # (not "Shoulder MRI imaging was sought to rule out a rotator cuff tear", for a
                # gym membership: another service's request)
                candidates.append((part, s.start, s.text))
    # the reviewer says the request names no body part: that is what the letter shows
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if m := sentence.search(_NO_BODY_PART):
                return Fact(value="unspecified", known=True,
                            evidence=[sentence.evidence(m.start(), m.end())],
                            note="the letter says the request names no body part")
    # the diagnosis, when it names one region only ("diagnosed with lumbar sprain/strain")
    candidates += [(text.summary, s.start, s.text) for s in text.summary.sentences()
                   if item_modality != "other" and s.search(_DIAGNOSED)
                   and categories.body_region(s.text) not in (None, "multiple", "unspecified")]
    placed = [(text.summary, s.start, s.text) for s in text.summary.sentences()
              if item_modality != "other" and s.search(_COMPLAINT)
              and categories.body_region(s.text) is not None]
    if len({categories.body_region(chunk) for _, _, chunk in placed}) != 1 or \
            categories.body_region(placed[0][2]) in ("multiple", "unspecified"):
        # complaints in several places do not say which one the request treats, unless the
        # diagnoses name the same places ("cervical spine sprain/strain and thoracic spine
        # sprain/strain"; "neck and upper back pain"): then it treats them all
        placed = _same_places(text, placed) if item_modality != "other" else []
    candidates += placed
    for part, offset, chunk in candidates:
        found = list(categories.mentions(categories.BODY_REGION, chunk))
        if not found:
            continue
        value = categories.body_region(chunk)
        note = None if part is text.title else f"not in the title; read from the {part.name}"
        if value == "multiple":
            note = "several body regions are named"
        evidence = [part.evidence(offset + m.start, offset + m.end) for m in found]
        if note and value != "multiple":
            # read from the case summary: the complaint that places the same region is evidence
            evidence += [p.evidence(o + m.start, o + m.end) for p, o, c in placed
                         if (p, o) != (part, offset) and categories.body_region(c) == value
                         for m in categories.mentions(categories.BODY_REGION, c)]
        readings: list[Reading] = []
        if value == "unspecified" and part is text.title and item_modality not in (None, "other"):
            # "for the bilateral upper extremities": the diagnoses tell which joints of the limb
            narrowed = _limb_regions(text, chunk)
            if narrowed:
                value = "multiple" if len(narrowed) > 1 else narrowed[0].value
                note = ("the title names a limb; the diagnoses place it in "
                        + ", ".join(r.value for r in narrowed))
                evidence += [e for r in narrowed for e in r.evidence]
                if len(narrowed) > 1:
                    readings = narrowed
                found = []
        if value == "multiple":
            # each region the request names, in the order named: the request is decided for
            # each (decide.py) and stands or falls as a whole
            for m in found:
                if m.value in NAMED_REGIONS and m.value not in {r.value for r in readings}:
                    readings.append(Reading(value=m.value, part=part.name,
                                            evidence=[part.evidence(offset + m.start,
                                                                    offset + m.end)]))
        if value in NAMED_REGIONS and item_modality not in (None, "other"):
            # the same region in the other sentences that request this treatment
            evidence += [sentence.evidence(m.start, m.end)
                         for _, sentence in _requests_of(text, item_modality)
                         if categories.body_region(sentence.text) == value
                         for m in categories.mentions(categories.BODY_REGION, sentence.text)]
        return Fact(value=value, known=True, note=note, evidence=dedupe(evidence),
                    readings=readings,
                    resolution=MULTIPLE_REGIONS if len(readings) > 1 else None)
    if item_modality in (None, "other"):
        return Fact.unknown("neither the item title nor a request in its rationale names a body "
                            "region")
    if part_named := categories.OTHER_BODY_PART.search(title):
        # ("Physical therapy for the chest wall", with no region read elsewhere)
        return Fact.unknown(f"the request names a body part outside the guideline's regions "
                            f"('{part_named.group()}')")
    # burden of proof: the request as the letter records it names no body part
    return Fact(value="unspecified", known=True, basis="not_in_record",
                note="neither the item title nor a request in the letter names a body region: "
                     "the request as recorded does not specify one")


def _same_places(text: ItemText, placed: list[tuple[Part, int, str]]
                 ) -> list[tuple[Part, int, str]]:
    """The complaints, when every complaint and every diagnosis names the same regions."""
    diagnosed = [s.text for s in text.summary.sentences() if s.search(_DIAGNOSED)]
    named = {categories.named_regions(chunk) for _, _, chunk in placed} | {
        categories.named_regions(chunk) for chunk in diagnosed}
    named.discard(frozenset())
    if len(named) == 1 and len(next(iter(named))) > 1 and diagnosed:
        return placed
    return []


# a count a guideline gives, in a sentence that weighs the request against it
# the figure a guideline gives, named after it: "do not exceed the 10 visits over 8 weeks that
# the Official Disability Guidelines recommend"
_GUIDELINE_ROW_AFTER = regex.compile(r"\s*(?:that|which)\s+(?:the\s+)?(?:guidelines?|MTUS|ODG|"
                                     r"ACOEM|Official\s+Disability)\b", regex.IGNORECASE)
_GUIDELINE_FIGURE = regex.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:supported|recommended|allowed|endorsed|set)\s+(?:by|in|under)\s+"
    r"(?:the\s+)?(?:guidelines?|MTUS|ODG|ACOEM)\b|"
    # ("limited to the 4-6 visits the guidelines support")
    r"\s*(?:the\s+)?(?:guidelines?|MTUS|ODG|ACOEM)\s+(?:support|recommend|allow|endorse)s?\b|"
    + _GUIDELINE_ROW_AFTER.pattern, regex.IGNORECASE)


_GUIDELINE_SAYS = regex.compile(
    r"\b(?:guidelines?|MTUS|ODG|ACOEM)\b(?:\s+\(?\d{4}\)?)?\s+(?:supports?|recommends?|allows?|"
    r"permits?|endorses?)\b[^.;]*$", regex.IGNORECASE)


# UR's reading of the request, which the reviewer goes on to correct: "The prior review considered
# the request to be 12 visits of therapy. However, ... 12 units therefore represent 6 visits"
_UR_READING = regex.compile(
    r"\b(?:(?:prior|previous|utilization)\s+review(?:er)?|UR|claims\s+administrator)\s+"
    # ("The Utilization Review evaluated the request as 8 additional sessions")
    r"(?:\w+\s+)?(?:considered|interpreted|read|treated|took|counted|evaluated|viewed|"
    r"characteri[sz]ed|described)\b", regex.IGNORECASE)
# a schedule proposed after the review, which is not the request reviewed: "The letter of
# 01/13/2017 proposing 6 visits over 2 weeks was written after the utilization review
# determination and does not change the request that was reviewed", "after the utilization
# review, the treating physician's office sent a letter stating that the chiropractic request had
# been intended as 6 visits over 2 weeks"
_AFTER_REVIEW = regex.compile(
    r"\bafter\s+the\s+(?:utilization\s+review|UR)(?:\s+(?:determination|decision|denial))?\b|"
    r"\bdoes\s+not\s+change\s+the\s+request\b|\bintended\s+as\b|"
    # (nor a sentence that says the count was never given: "the number of chiropractic visits
    # requested was not specified", whatever other counts it names; but not a concession the
    # record answers: "Although the utilization review noted that the number of visits was not
    # specified, the progress report ... orders a \"PT eval plus 6 visits\"")
    r"(?<!\b(?:although|though|while|whereas)\b[^.;]{0,80})\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:visits|sessions|treatments)\s+(?:requested\s+)?"
    r"(?:was|is|were)\s+not\s+(?:specified|stated|given|indicated)\b", regex.IGNORECASE)


# a title that asks for an evaluation only: "OT eval", "Chiropractic evaluation" (not "PT
# evaluation and treatment", "initial evaluation plus 8 visits", "re-evaluation and 6 treatments")
_EVALUATION_ALONE = regex.compile(
    r"\b(?P<what>(?:initial\s+|re-?)?eval(?:uation)?)\b(?!\s*(?:and|&|\+|plus|with|,)\s*"
    r"(?:treat\w*|\d|manag\w*|therapy|\w+\s+(?:visits?|sessions?|treatments?)))", regex.IGNORECASE)


# a heading's count that is what UR left ("The remaining 8 sessions of ..."), and the request
# as made said beside it ("(12 sessions requested, 4 certified)")
_REMAINDER_BEFORE = regex.compile(r"\b(?:remaining|remainder\s+of|balance\s+of)\s+$",
                                  regex.IGNORECASE)
_SAID_REQUESTED = regex.compile(r"\s*(?:(?:were|was|originally)\s+)?requested\b", regex.IGNORECASE)


def visits(text: ItemText, item_modality: str | None) -> dict[str, Fact]:
    """requested_visits, requested_visits_min, requested_frequency_per_week, requested_weeks."""
    title = text.title
    found = parse_visits(title.view.folded)
    if found and _REMAINDER_BEFORE.search(title.view.folded, max(0, found.start - 20),
                                          found.start):
        # "The remaining 8 sessions of postoperative occupational therapy (12 sessions
        # requested, 4 certified)": the request as made is the count said to be requested
        found = next((hit for hit in all_visits(title.view.folded)
                      if hit.start >= found.end and hit.total
                      and _SAID_REQUESTED.match(title.view.folded, hit.end)), found)
    source: Part | None = title if found else None
    offset, chunk = 0, title.view.folded
    # "X was the original request. Y was authorized ... The remaining IMR eligible portion ...":
    # the request as made is the original one; what UR authorised is the UR decision
    for sentence in text.preamble.sentences():
        if sentence.search(_ORIGINAL):
            hit = parse_visits(sentence.text)
            if hit and hit.total:
                found, source, offset, chunk = hit, text.preamble, sentence.start, sentence.text
            break
    if found is None and (alone := _EVALUATION_ALONE.search(title.view.folded)):
        # "OT eval", "Physical therapy evaluation": one visit, whatever the letter says of the
        # treatment that may follow
        found = VisitCount(1, None, None, None, alone.start("what"), alone.end("what"),
                           "evaluation")
        source = title
    if found is None and (listed := _dates_of_service(title.view.folded)) is not None:
        # "Retrospective PT evaluation and treatment for the right knee, DOS 11/01/2016,
        # 11/03/2016, ... and 11/17/2016": a visit on each day of service listed
        found = VisitCount(listed[0], None, None, None, listed[1], listed[2], "dates_of_service")
        source = title
    if found is None and item_modality not in (None, "other") and \
            not _QUANTITY_UNSPECIFIED.search(title.view.folded):
        # no count in the title: a sentence that requests this treatment with a count (not when
        # the title says there is none: "Chiropractic treatment for the cervical spine, quantity
        # unspecified")
        for part in (text.rationale, text.summary):
            for sentence in part.sentences():
                if not sentence.search(_REQUEST_CUE) or sentence.search(_UR_READING) or \
                        sentence.search(_AFTER_REVIEW):
                    continue
                # (in the item's own rationale a request that names no treatment is this one:
                # "The current request is for 12 additional sessions")
                named = sentence.modalities()
                if item_modality and item_modality not in named and (
                        named or part is not text.rationale):
                    continue
                # "included acupuncture 2 times a week for 3 weeks, additional physical therapy
                # for the cervical spine ...": only the stretch that names this treatment
                lo, hi = _own_stretch(sentence.text, item_modality)
                stretch = sentence.text[lo:hi]
                hit = parse_visits(stretch)
                # (a count said had in its own predicate, or the figure it is measured against)
                while hit is not None and (DONE_AFTER_COUNT.match(stretch, hit.end) or (
                        hit.start > 0 and FIGURE_BEFORE.search(
                            stretch, max(0, hit.start - 70), hit.start))):
                    # ("The 12 sessions completed already exceed the 10 visits recommended, and
                    # the eight additional visits requested ...": sessions had, a figure they
                    # are measured against, then the request)
                    hit = parse_visits(stretch, max(hit.end, hit.start + 1))
                if hit and hit.total and (
                        _GUIDELINE_FIGURE.match(sentence.text, lo + hit.end)
                        or _GUIDELINE_SAYS.search(sentence.text, lo, lo + hit.start)):
                    continue   # "would remain within the 10 visits supported by the
                    # guidelines", "Regarding the request for physical therapy for the right
                    # hip, the Chronic Pain ... Guidelines 2009 support ... 9-10 visits over 8
                    # weeks": the guideline's figure, not the request's
                if hit and hit.total and PROJECTED_TOTAL.search(
                        sentence.text, max(0, lo + hit.start - 50), lo + hit.start):
                    continue   # "The request for 2 more weeks would bring the total to 20
                    # full-day sessions": what the course would come to, not the request
                if hit and hit.total and any(
                        lo + hit.start <= m.start("n") < lo + hit.end
                        for m in UR_MODIFIED.finditer(sentence.text)):
                    continue   # "modified the physical therapy request to 6 visits": what UR
                    # allowed, not what was asked
                if hit and hit.total and (placed := categories.body_region(
                        _PLACE_AFTER.match(sentence.text, lo + hit.end).group())) and \
                        (asked := categories.body_region(title.view.folded)) and \
                        placed != asked and "multiple" not in (placed, asked):
                    continue   # ("physical therapy 2 times a week for 3 weeks for the left
                    # ankle", for the right wrist's therapy: another region's request)
                if hit and hit.total and (placed := categories.body_region(
                        list_entry(sentence.text, lo + hit.start, lo + hit.end))) and \
                        (asked := categories.body_region(title.view.folded)) and \
                        placed != asked and "multiple" not in (placed, asked):
                    continue   # ("chiropractic treatment for the lumbar spine twice a week for
                    # three weeks, chiropractic treatment for the cervical spine", for the
                    # cervical spine's: the schedule is the lumbar spine's)
                if hit and hit.total:
                    hit = replace(hit, start=hit.start + lo, end=hit.end + lo)
                    found, source, offset, chunk = hit, part, sentence.start, sentence.text
                    break
            if found:
                break
    # "Myofascial release (CPT 97140), 8 units", of a request the letter says gives "2 units
    # (30 minutes) per visit" and no count of visits: the visits are the units over the units a
    # visit
    units_a_visit = None
    if found is None and (units := _TITLE_UNITS.search(title.view.folded)) and \
            (units_a_visit := _units_a_visit(text)) and \
            (visits := visits_of_units(to_int(units.group("n")), units_a_visit[0])) is not None:
        found = VisitCount(visits, None, None, None, units.start(), units.end(),
                           "units_per_visit")
        source = title

    out = {name: Fact.unknown("the request states no visit count")
           for name in ("requested_visits", "requested_visits_min",
                        "requested_frequency_per_week", "requested_weeks")}
    if found is None or source is None:
        # "Additional physical therapy for 4 weeks for the right hip": a duration alone
        if (duration := parse_duration(title.view.folded)) is not None and duration[0]:
            out["requested_weeks"] = Fact(value=duration[0], known=True,
                                          evidence=[title.evidence(duration[1], duration[2])])
            out["requested_visits"] = Fact.unknown(
                f"a duration ({duration[0]} weeks) is stated but no frequency, so the number "
                "of visits is not known")
        return out
    evidence = [source.evidence(offset + found.start, offset + found.end)]
    note = None if source is title else f"not in the title; read from the {source.name}"
    if source is text.preamble:
        note = ("the original request, as the item heading states it; UR authorised part of it "
                "and the remainder went to IMR")
    if units_a_visit is not None and source is title:
        evidence.append(units_a_visit[1])
        note = f"{found.total * units_a_visit[0]} units at {units_a_visit[0]} a visit, as the " \
               "letter says the request gives them"
    weeks = found.weeks
    total = found.total
    # "Work hardening program, additional 40 hours", of a programme the letter says runs "4
    # hours per day": its days are of those hours, not of full 8-hour days
    if found.form == "program_hours" and (per_day := _hours_a_day(text, item_modality)) and \
            (found.total * HOURS_A_DAY) % per_day[0] == 0:
        total = found.total * HOURS_A_DAY // per_day[0]
        evidence.append(per_day[1])
        note = f"{found.total * HOURS_A_DAY} hours at {per_day[0]} hours a day, as the letter " \
               "says the programme runs"
    if total is None and found.frequency:
        # "twice weekly": the duration may be stated elsewhere ("(for four weeks)")
        completed = _duration_elsewhere(text, found.frequency, item_modality)
        if completed is None:
            out["requested_frequency_per_week"] = Fact(
                value=found.frequency, known=True, evidence=evidence, note=note)
            why = (f"a frequency ({found.frequency} per week) is stated but no duration, so the "
                   "number of visits is not known")
            out["requested_visits"] = Fact.unknown(why)
            out["requested_weeks"] = Fact.unknown("no duration is stated")
            return out
        weeks, extra = completed
        evidence.append(extra)
        total = found.frequency * weeks
        note = f"frequency from the {source.name}, duration from the {extra.part}"
    # "initial evaluation plus 6 visits", which the letter sums: "a new initial evaluation and
    # six treatment visits, seven visits in all" (unsummed, the evaluation is not counted)
    if total is not None and _EVALUATION_AND.search(chunk, max(0, found.start - 40),
                                                    found.start) and \
            (summed := _summed_with_evaluation(text, total)) is not None:
        total += 1
        evidence.append(summed)
        note = "the evaluation and the visits requested, as the letter sums them"
    stated = list(evidence)  # where the schedule itself is stated
    # "2 times a week for 6 weeks (12 sessions)": the count stated beside the schedule
    evidence += [source.evidence(offset + hit.start, offset + hit.end)
                 for hit in all_visits(chunk) if hit.total == total and hit.start >= found.end]
    # the same request restated elsewhere in the letter ("the request for 8 treatments",
    # "2 times a week for 4 weeks (8 sessions)") is evidence of it too
    restated = _restatements(text, item_modality, source, total, found.frequency, weeks)
    evidence += [e for e, key in restated if key == "total"]
    out["requested_visits"] = Fact(value=total, known=True, evidence=evidence, note=note)
    if found.minimum is not None:
        out["requested_visits_min"] = Fact(value=found.minimum, known=True, evidence=evidence,
                                           note="lower end of a requested range")
    frequency = found.frequency
    if frequency is None and weeks is None and found.form == "program_hours" and \
            (duration := parse_duration(chunk)) is not None and duration[0] and \
            total % duration[0] == 0 and total // duration[0] <= 7:
        # "a programme for 4 weeks (160 hours)": full days over the weeks stated beside it
        weeks, frequency = duration[0], total // duration[0]
        stated = [source.evidence(offset + duration[1], offset + duration[2])]
    if frequency is None:
        # the count alone where it was read; its schedule, when a restatement gives one
        schedules = [(e, key) for e, key in restated if key.startswith("schedule:")]
        if schedules:
            _, freq, wks = schedules[0][1].split(":")
            frequency, weeks = int(freq), int(wks)
            stated = [schedules[0][0]]
    if frequency is None and found.form == "stepped":
        out["requested_frequency_per_week"] = Fact.unknown(
            "the request is a stepped schedule whose frequency changes (\"2x4 then 1x4\")")
    if frequency is None and found.form == "per_side":
        out["requested_frequency_per_week"] = Fact.unknown(
            "the request is a course for each side, and the letter does not say whether the "
            "sides are treated at the same visits")
    if frequency is not None:
        out["requested_frequency_per_week"] = Fact(
            value=frequency, known=True,
            evidence=dedupe(stated[:1] + [e for e, key in restated if key == "frequency"]))
    if weeks is None and (durations := [(e, key) for e, key in restated
                                         if key.startswith("duration:")]):
        weeks = int(durations[0][1].split(":")[1])
        stated = [durations[0][0]]
    if weeks is not None:
        out["requested_weeks"] = Fact(
            value=weeks, known=True,
            evidence=dedupe(stated[-1:] + [e for e, key in restated if key == "weeks"]))
    return out


# words that restate the request in its own rationale: "an additional 8 sessions", "the current 6
# therapy sessions is consistent with ...", "The 6 visits requested are within the 4-6 visits"
_RESTATED = regex.compile(r"\b(?:additional|more|further|another|current(?:ly)?|requested|"
                       r"proposed)\b", regex.IGNORECASE)


def _restatements(text: ItemText, item_modality: str | None, source: Part, total: int,
                  frequency: int | None, weeks: int | None) -> list[tuple[Evidence, str]]:
    """Other statements of the same request in the rationale and the summary: sentences that
    request this treatment with the same visit count (or the same frequency and duration)."""
    out: list[tuple[Evidence, str]] = []
    for part in (text.rationale, text.summary):
        if part is source:
            continue
        for sentence in part.sentences():
            named = sentence.modalities()
            own = part is text.rationale
            # in the item's own rationale a count that names no treatment is this one's ("the
            # request for 8 treatments exceeds ...", "an additional 8 sessions"), even in a
            # sentence that names another for its own count ("The 8 visits requested are within
            # that number; even if the two land-based sessions are counted ...")
            unnamed = own and bool(item_modality) and item_modality not in named
            more = own and (unnamed or not named - {item_modality}) and \
                sentence.search(_RESTATED)
            if not (sentence.search(_REQUEST_CUE) or more) or (
                    item_modality and item_modality not in named and not own):
                continue
            for hit in all_visits(sentence.text):
                if hit.total != total or (unnamed and named and count_modality(
                        sentence, hit.start, hit.end, item_modality, True) is not None):
                    continue
                if _GUIDELINE_ROW_AFTER.match(sentence.text, hit.end):
                    continue   # the guideline's figure, not the request restated
                if not sentence.search(_REQUEST_CUE) and not _RESTATED.search(
                        sentence.text[max(0, hit.start - 25):hit.end + 12]):
                    continue
                out.append((sentence.evidence(hit.start, hit.end), "total"))
                if hit.frequency is not None and frequency in (None, hit.frequency):
                    out.append((sentence.evidence(hit.start, hit.end), "frequency"))
                    # a schedule restated for a count the title gives alone ("Twelve
                    # physical therapy visits" / "3 times a week for 4 weeks")
                    if frequency is None:
                        out.append((sentence.evidence(hit.start, hit.end),
                                    f"schedule:{hit.frequency}:{hit.weeks}"))
                if hit.weeks is not None and weeks in (None, hit.weeks):
                    out.append((sentence.evidence(hit.start, hit.end), "weeks"))
                    # a duration restated for a count the title gives alone ("x 80 hours" /
                    # "10 full-day sessions over two weeks")
                    if weeks is None:
                        out.append((sentence.evidence(hit.start, hit.end),
                                    f"duration:{hit.weeks}"))
    return out


def _stretch_asking(text: str, item_modality: str, total: int) -> tuple[int, int] | None:
    """Where a sentence requests the same treatment more than once, the stretch from one
    mention of it to the next whose count is the title's; None when there is one mention, or
    no stretch or more than one asks that many."""
    own = [m for m in categories.mentions(categories.MODALITY, text) if m.value == item_modality]
    if len(own) < 2:
        return None
    bounds = [m.start for m in own] + [len(text)]
    asking = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False)
              if (hit := parse_visits(text[a:b])) and hit.total == total]
    return asking[0] if len(asking) == 1 else None


_QUANTITY_UNSPECIFIED = regex.compile(
    r"\b(?:quantity|number|amount|frequency\s+and\s+duration)\s+(?:unspecified|not\s+specified|"
    r"unknown|not\s+stated)\b|\bunspecified\s+(?:quantity|number)\b", regex.IGNORECASE)


def _own_stretch(text: str, item_modality: str) -> tuple[int, int]:
    """In a sentence listing several treatments, the list items (between commas or semicolons)
    from the one naming this treatment up to the next that names another; else all of it."""
    named = list(categories.mentions(categories.MODALITY, text))
    if not any(m.value != item_modality for m in named):
        return 0, len(text)
    own = next(m for m in named if m.value == item_modality)
    breaks = [b.end() for b in regex.finditer(r"[,;]", text)]
    # an "and" after another treatment begins this one's item too: "The requests for 6 sessions
    # of chiropractic treatment and 8 sessions of massage therapy were previously denied"
    ands = [a.end() for a in regex.finditer(r"\band\b", text, regex.IGNORECASE)
            if any(m.value != item_modality and m.end <= a.start() for m in named)]
    lo = max((b for b in breaks + ands if b <= own.start), default=0)
    # the list item ends at the next comma, unless what follows goes on with its schedule
    # ("2 times a week, for 6 weeks")
    hi = len(text)
    for b in (b for b in breaks if b > own.end):
        if not _SCHEDULE_GOES_ON.match(text, b):
            hi = b - 1
            break
    return lo, hi


_SCHEDULE_GOES_ON = regex.compile(r"\s*(?:for|x|over|times|\d|twice|once|one|two|three|four|"
                                  r"five|six|eight|ten|twelve|total|quantity)\b", regex.IGNORECASE)


# a programme's day in hours: "4 hours per day, 5 days per week"
# (or its sessions: "given as 4-hour sessions 3 times a week for 2 weeks", which no other care
# but a programme has, so said in a sentence naming no treatment)
_HOURS_A_DAY = regex.compile(r"\b(?P<h>[1-7]|one|two|three|four|five|six|seven)[- ]?"
                             r"(?:hours?|hrs?)\s+(?:per|a|each)\s+day\b|\b(?P<h>[1-7])-hour\s+"
                             r"(?:program(?:me)?\s+)?(?:days\b|(?P<sessions>sessions)\b)",
                             regex.IGNORECASE)


def _hours_a_day(text: ItemText, item_modality: str | None) -> tuple[int, Evidence] | None:
    """The hours of a programme's day, in a sentence that names the programme and no other
    treatment (not "modified duty of 4 hours a day")."""
    for sentence in text.sentences():
        named = sentence.modalities()
        if item_modality is None or named - {item_modality}:
            continue
        if (m := sentence.search(_HOURS_A_DAY)) and (named or m.group("sessions")):
            return to_int(m.group("h")), sentence.evidence(m.start(), m.end())
    return None


# a title's billing units ("8 units"), and the units a visit the letter says ("2 units (30
# minutes) per visit", "2 units at each visit")
_TITLE_UNITS = regex.compile(r"(?<![\w.-])(?P<n>\d{1,3})\s+(?:[\w-]+\s+)?units?\b",
                             regex.IGNORECASE)
_UNITS_A_VISIT = regex.compile(r"(?<![\w.-])(?P<per>[1-6]|one|two|three|four)\s+units?\s*"
                               r"(?:\([^()]{0,20}\)\s*)?(?:per|at\s+each|each|a)\s+(?:visit|session|"
                               r"appointment)\b", regex.IGNORECASE)


# an evaluation asked for beside the visits ("initial evaluation plus 6 visits"), and the sum a
# letter makes of them ("seven visits in all", "amount to 9 further visits")
_EVALUATION_AND = regex.compile(r"\b(?:re-?)?evaluation\s+(?:plus|and|\+|followed\s+by)\s+$",
                                regex.IGNORECASE)
_IN_ALL = regex.compile(rf"(?<![\w.-])(?P<n>{NUMBER})\s+(?:[\w-]+\s+)?(?:visits|sessions)\s+"
                        rf"(?:in\s+all|in\s+total|altogether)\b|\b(?:amounts?|comes?)\s+to\s+"
                        rf"(?P<n>{NUMBER})\s+(?:[\w-]+\s+)?(?:visits|sessions)\b", regex.IGNORECASE)


def _summed_with_evaluation(text: ItemText, visits: int) -> Evidence | None:
    for sentence in text.sentences():
        if sentence.search(_EVALUATION_WORD):
            for m in sentence.finditer(_IN_ALL):
                if to_int(m.group("n")) == visits + 1:
                    return sentence.evidence(m.start(), m.end())
    return None


_EVALUATION_WORD = regex.compile(r"\bevaluation\b", regex.IGNORECASE)


def _units_a_visit(text: ItemText) -> tuple[int, Evidence] | None:
    for sentence in text.sentences():
        if m := sentence.search(_UNITS_A_VISIT):
            return to_int(m.group("per")), sentence.evidence(m.start(), m.end())
    return None


def _duration_elsewhere(text: ItemText, frequency: int, item_modality: str | None):
    for sentence in text.sentences():
        hit = parse_visits(sentence.text)
        if (hit and hit.frequency == frequency and hit.weeks
                and (not item_modality or item_modality in sentence.modalities())):
            return hit.weeks, sentence.evidence(hit.start, hit.end)
        duration = parse_duration(sentence.text)
        if (duration and item_modality in sentence.modalities()
                and sentence.search(_REQUEST_CUE)):
            weeks, start, end = duration
            # (the duration of the treatment named before it: "continued chiropractic treatment
            # 1-2 times a week for 6 weeks, massage therapy once a week as an adjunct ...", of
            # the massage)
            named = categories.mentions(categories.MODALITY, sentence.text[:start])
            if named and named[-1].value != item_modality:
                continue
            return weeks, sentence.evidence(start, end)
    return None


# "Retrospective request for 8 sessions ... (DOS 10/03/2016 - 10/28/2016)", "Retro PT x 8"
_RETROSPECTIVE = regex.compile(r"\bretro(?:spective(?:ly)?)?\b|\bDOS\b|\bdates?\s+of\s+service\b",
                               regex.IGNORECASE)


# a treatment given by laser or infrared light ("Twelve infrared acupuncture visits", "laser
# acupuncture", "LLLT"): low-level laser therapy, which the MTUS does not recommend
_LASER = regex.compile(r"\b(?:infra-?\s?red|(?:cold\s+|low[- ]level\s+)?laser|LLLT)\b",
                       regex.IGNORECASE)


_DOS_CUE = regex.compile(r"\b(?:DOS|dates?\s+of\s+service)\b[:\s]*", regex.IGNORECASE)
# two days joined as a span ("DOS 10/03/2016 - 10/28/2016", "from ... through ..."): a period,
# not the days of the visits
_DAY_SPAN = regex.compile(r"\s*(?:-|\u2013|to|through|thru)\s*$", regex.IGNORECASE)
_DAY_LIST_JOIN = regex.compile(r"\s*(?:,|;|&|and|,\s*and)?\s*$", regex.IGNORECASE)


def _dates_of_service(title: str) -> tuple[int, int, int] | None:
    """(the number of days, start, end) of the days of service a title lists after "DOS" or
    "dates of service", each a visit; None where it lists none or gives a span."""
    cue = _DOS_CUE.search(title)
    if cue is None:
        return None
    days = [d for d in find_dates(title[cue.end():]) if d.value is not None]
    if not days or days[0].start != 0:
        return None
    for before, after in zip(days, days[1:], strict=False):
        gap = title[cue.end() + before.end:cue.end() + after.start]
        if _DAY_SPAN.fullmatch(gap) or not _DAY_LIST_JOIN.fullmatch(gap):
            return None
    return len({d.value for d in days}), cue.end(), cue.end() + days[-1].end


def laser_therapy(text: ItemText) -> Fact:
    """Whether the request is for treatment by laser or infrared light (the title says)."""
    found = _LASER.search(text.title.view.folded)
    if found is None:
        return Fact(value=False, known=True,
                    note="the title names no laser or infrared treatment")
    return Fact(value=True, known=True,
                evidence=[text.title.evidence(found.start(), found.end())],
                note="the title asks for treatment by laser or infrared light")


def retrospective(text: ItemText) -> Fact:
    """Whether the request is retrospective: the sessions under review were already given."""
    found = _RETROSPECTIVE.search(text.title.view.folded)
    if found is None:
        return Fact(value=False, known=True, note="the title asks for care to come")
    return Fact(value=True, known=True,
                evidence=[text.title.evidence(found.start(), found.end())],
                note="the title asks about care already given")


# a heading that names what UR left of the request, not the request as made ("Physical therapy,
# remaining 6 of 12 visits", "..., 6 sessions were certified by utilization review, leaving 6",
# "The remaining IMR eligible portion of the original request is: ...")
_LEFT_ELIGIBLE = regex.compile(r"\bleaving\s+the\s+original\s+request\s+(?:IMR\s+)?eligible\b",
                               regex.IGNORECASE)
_WHOLE_ORIGINAL = regex.compile(r"(?:^|(?<=[.:]\s+))the\s+original\s+request(?=\s*,)",
                                regex.IGNORECASE)
_REMAINDER = regex.compile(r"\b(?:remaining|remainder|leaving|balance\s+of|eligible\s+portion)\b",
                           regex.IGNORECASE)


def whole_request_disputed(text: ItemText, requested: Fact) -> Fact:
    """Whether the item under review is the request as made: its heading states the whole
    request (the count read from the title), not the part UR left after certifying some of it.
    Unknown when the heading states no count."""
    # (each sentence that says so: "... was the original request." and "The remaining IMR
    # eligible portion of the original request ...")
    told = [sentence.evidence(m.start(), m.end()) for sentence in text.preamble.sentences()
            if (m := sentence.search(_ORIGINAL)) or (m := sentence.search(_REMAINDER))]
    if told and text.item.heading is not None:
        # (and the words between them and the title: "The remaining IMR eligible portion of the
        # original request, ...")
        heading = text.letter_part(text.item.heading)
        if whole := _WHOLE_ORIGINAL.search(heading.view.folded):
            # "... was the original request. The Claims Administrator authorized a physical
            # therapy evaluation and 6 visits for the lumbar spine, leaving the original request
            # IMR eligible. The original request, Physical therapy evaluation and treatment ...
            # is: Upheld": the request as made is the item
            said = [heading.evidence(m.start(), m.end())
                    for m in _LEFT_ELIGIBLE.finditer(heading.view.folded)]
            return Fact(value=True, known=True,
                        evidence=said + [heading.evidence(whole.start(), whole.end())],
                        note="the heading names the original request as the item under review")
        told += [heading.evidence(m.start(), m.end())
                 for m in _REMAINDER.finditer(heading.view.folded)]
    if told:
        return Fact(value=False, known=True, evidence=told,
                    note="the heading names the part of the original request UR left")
    title = text.title
    if m := _REMAINDER.search(title.view.folded):
        return Fact(value=False, known=True, evidence=[title.evidence(m.start(), m.end())],
                    note="the heading names the part of the request UR left")
    found = parse_visits(title.view.folded)
    if found is None or not found.total or not requested.known or found.total != requested.value:
        return Fact.unknown("the heading states no count of its own")
    return Fact(value=True, known=True, evidence=[title.evidence(found.start, found.end)],
                note="the heading states the request as made")
