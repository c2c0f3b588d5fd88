"""Dates as letters write them, and the dates of the case: injury, request, UR decision."""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from ..letters.layouts import ACCIDENT_AT
from ..models import Fact, Reading
from ..textdates import DATE, DateMatch, find_dates
from .numbers import NUMBER, to_int
from .parts import RECORD_ORDER, ItemText, Part, resolve
from .visits import all_visits

_OPENER = regex.compile(r"^\W*(?:On|In|As\s+of|Dated)\s+", regex.IGNORECASE)
# between an opening date and the cue: the same short clause (no relative clause, no 'and')
_SAME_CLAUSE = regex.compile(r"^(?:(?!\b(?:that|which|who|and|but)\b)[^;.]){0,40}$",
                             regex.IGNORECASE)
_JUST_BEFORE = regex.compile(r"^\s*,?\s*(?:the\s+)?$", regex.IGNORECASE)
_INJURY = regex.compile(
    r"\b(?:date\s+of\s+injury|injur(?:y|ies)|(?:injured|injures|hurts?)(?!\s+(?:worker|employee))|"
    r"DOI|(?:occupational|industrial|work[- ]related|workers'?\s+compensation)\s+claim|"
    # the accident itself: "was rear-ended while driving a transit bus on 4/3/2013"
    r"rear-ended|(?:slipped|tripped)\s+and\s+fell|fell\s+(?:from|off|down|onto)|"
    r"motor\s+vehicle\s+accident|"
    # "while lifting a 70-pound box overhead on 10/15/2014", "was caught between a pallet and
    # the mast of a forklift on 7/29/2013", "felt a pull in his right shoulder on 7/16/2013"
    r"(?:while\s+)?lifting\s+an?(?=\s+[\w-]+)|was\s+(?:caught|crushed|pinned|struck)|"
    r"felt\s+an?\s+(?:pull|pop|snap|tear))\b",
    regex.IGNORECASE)
_REQUEST = regex.compile(
    # (not the procedure's abbreviation: "radiofrequency ablation (RFA) on December 14, 2016")
    r"\b(?:request\s+for\s+authori[sz]ation|(?<!ablations?\s*\(\s*)RFA(?!\s*\))|"
    r"request\w*\s+(?:was|were|is|dated)\s+"
    r"(?:made|submitted|dated|received)|date\s+of\s+(?:the\s+)?request|"
    # "the treating physician submitted a request for ...", not a request for the IMR itself
    r"(?:submitted|made|sent)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?request(?!\s+for\s+(?:an\s+)?"
    r"(?:IMR|independent))|"
    # "On 2/20/15, the treatment plan included a request for ..."
    r"(?:treatment\s+)?plan\s+(?:included|includes)\s+(?:a\s+)?request|"
    # "an authorization request dated 11-15-2016", "the current request, dated 11/07/2016"
    r"request\w*,?\s+dated(?=\s)|"
    # "PT 2x6 to the lumbar spine was requested on 3/4/14": the date straight after
    r"(?:was|were)\s+requested\s+on(?=\s+(?:\d|[A-Z][a-z]+\.?\s+\d))|"
    # "the 10/12/16 request", "her December 1, 2016 request"
    r"(?<=\d\s)request(?!\s+for\s+(?:an\s+)?(?:IMR|independent))|"
    # "The treating surgeon requested post operative physical therapy ... on 11-8-16"
    # (not "requested therapy, which UR denied on 11/15/2016": that date is another event's)
    # (nor "The 12 visits requested would bring the total to 30 ... before the period ends on
    # 07/27/2015": the visits asked for, not the asking)
    r"(?<!\b(?:the|was|were|been)\s)requested(?!\s+(?:would|will|could|can|are|is|exceed\w*|"
    r"bring\w*|make\w*|fall\w*|fit\w*)\b)(?=(?:(?!\b(?:which|that|UR|utilization|deni\w*|"
    r"non-?certif\w*|modif\w*)\b)[^.;]){0,160}?\bon\s+(?:\d|[A-Z][a-z]+\.?\s+\d)))\b",
    regex.IGNORECASE)
# "On 11/07/2016, the provider requested 8 sessions": a request made at a dated visit, read only
# from the date that opens the sentence (a later date in it is often another event's)
# (not the noun: "On 06/24/2014, utilization review non-certified both requests")
_REQUESTED_AT = regex.compile(r"\b(?:requested|(?<!\b(?:both|the|these|those|two|three|all|its|"
                              r"his|her|their|such|other|of)\s+)requests|requesting|prescribed|"
                              r"ordered)\b", regex.IGNORECASE)
_UR = regex.compile(
    r"\b(?:utilization\s+review|UR)\b(?:(?!\.\s).){0,120}?\b(?:deni\w+|denial|modif\w+|"
    r"non-?certif\w+|certif\w+|report|decision|dated|(?:failed\s+to\s+|not\s+)?approv\w+)\b"
    # "the utilization review on 11/02/2016", "UR of 12/13/2016"
    r"|\b(?:utilization\s+review|UR)\s+(?:on|of|dated)\b"
    r"|\b(?:deni\w+|modif\w+|non-?certif\w+)\b(?:(?!\.\s).){0,60}?\b(?:utilization\s+review|"
    r"UR)\b"
    r"|\b(?:previously\s+reviewed|previously\s+deemed\s+not\s+medically\s+necessary|"
    r"previously\s+(?:non-?certified|denied|modified)|"
    r"(?:prior|previous|original)\s+(?:determination|review)|prior\s+denial)\b",
    regex.IGNORECASE)


def _nearest_after_cue(text: str, cue: regex.Pattern,
                       opener_only: bool = False) -> tuple[DateMatch, regex.Match] | None:
    """The date closest to a cue in the sentence (dates after the cue preferred); with
    `opener_only`, only a date opening the sentence in the cue's clause."""
    cues = list(cue.finditer(text))
    if not cues:
        return None
    dates = find_dates(text)
    if not dates:
        return None
    c = cues[0]
    # "On 8-19-2015, the physician requested..." / "On December 15, 2016 a request was received
    # ... that UR denied on December 22, 2016": a date opening the sentence, with no other date
    # before the cue, is the date of the event the cue names
    opener = _OPENER.match(text)
    if opener and dates[0].start == opener.end() and dates[0].end <= c.start() and \
            not any(d.start < c.start() for d in dates[1:]) and \
            _SAME_CLAUSE.match(text[dates[0].end:c.start()]):
        return dates[0], c
    if opener_only:
        return None
    # "a November 30, 2016 RFA form": a date written right before the cue names it
    # (not a date another label claims: "Utilization Review Determination, dated 10/1/2013
    # Request for Authorization, dated 9/24/2013", a list of documents)
    adjacent = [d for d in dates if d.end <= c.start() and c.start() - d.end <= 2
                and not text[d.end:c.start()].strip()
                and not _CLAIMED_BEFORE.search(text, max(0, d.start - 12), d.start)]
    if adjacent:
        return adjacent[-1], c
    # ("the request was made about 14 weeks after the surgery of 09/13/2016": the surgery's)
    # (not a bound: "This request was made after 12/01/2017, when the MTUS was updated")
    after = [d for d in dates if d.start >= c.start() and not _anothers(text, d, c, cues)
             and not _BOUND.search(text, max(0, d.start - 12), d.start)]
    if after:
        return after[0], c
    # "..., and on 11/5/2014, Utilization Review modified the request"
    before = [d for d in dates if d.end <= c.start()]
    if before and _JUST_BEFORE.match(text[before[-1].end:c.start()]) and \
            regex.search(r"\bon\s+$", text[:before[-1].start], regex.IGNORECASE):
        return before[-1], c
    return None


# ("the request was made less than 3 months after the 08/16/2016 repair")
# (nor the end of a period: "the 6 month postsurgical period, which extends to 02-17-2017")
_BOUND = regex.compile(r"\b(?:after|before|since|until|prior\s+to|extends?\s+to|extending\s+to|"
                       r"runs?\s+(?:to|through)|ends?\s+on|expires?\s+on)\s+(?:the\s+)?$",
                       regex.IGNORECASE)
# a date that the words before it give to something else: "..., dated 10/1/2013"
_CLAIMED_BEFORE = regex.compile(r"\b(?:dated|of|from|through|filed)\s+$", regex.IGNORECASE)
# a date that a noun before it claims for another event: "the surgery of 09/13/2016", "his
# injury on 3/2/15", "the fusion dated 9/13/16"
_ANOTHER_EVENTS = regex.compile(
    r"\b(?:surgery|operation|procedure|fusion|arthroscopy|arthroplasty|repair|release|injury|"
    r"accident)\s+(?:of|on|dated)\s+$", regex.IGNORECASE)


def _anothers(text: str, date: DateMatch, cue: regex.Match, cues: list[regex.Match]) -> bool:
    """Is the date claimed by a noun before it for another event than the cue's?"""
    m = _ANOTHER_EVENTS.search(text, max(cue.end(), date.start - 40), date.start)
    return m is not None and not any(c.start() <= m.start() < c.end() for c in cues)


HEADER_FIRST = ("header", *RECORD_ORDER)


def _header_reading(text: ItemText, name: str | None) -> list[Reading]:
    found = text.header_evidence(name) if name else None
    if found is None:
        return []
    value, evidence = found
    return [Reading(value=value, part="header", evidence=[evidence])]


def _date_fact(text: ItemText, cue: regex.Pattern, what: str,
               header: str | None = None, requested: int | None = None,
               opener_cue: regex.Pattern | None = None, parts=None,
               visit_plans: bool = False) -> Fact:
    readings: list[Reading] = _header_reading(text, header)
    other: set[int] = set()   # readings from sentences that state another request
    opened: set[int] = set()  # readings from a sentence's opening date only (`opener_cue`)
    # with `visit_plans`, the request a visit's treatment plan made ("On 9/15/14, the injured
    # worker complains of ... The treatment plan included a request for ..."): the visit's
    # date, used only when nothing states the request's own date
    planned: list[Reading] = []
    for part in parts if parts is not None else (text.rationale, text.summary):
        visit = None   # the last visit dated ("returned in follow-up on 10/02/14")
        for sentence in part.sentences():
            if visit_plans:
                if dated_plan := _DATED_PLAN.search(sentence.text):
                    # "The treatment plan on 12-07-2016 includes chiropractic treatment ..."
                    date = find_dates(dated_plan.group("date"))[0]
                    planned.append(Reading(value=date.value, part=part.name, evidence=[
                        sentence.evidence(dated_plan.start("date"), dated_plan.end("date")),
                        sentence.evidence(dated_plan.start(), dated_plan.end())]))
                    visit = None
                elif dated := _VISIT_DATED.search(sentence.text):
                    visit = (sentence, dated)
                    # "At the visit of 09/08/2015 the surgeon found ..., and requested aquatic
                    # therapy ...": the visit's own plan, no other date after it
                    if (asked := _ASKED_AT_VISIT.search(sentence.text, dated.end())) and \
                            not find_dates(sentence.text[dated.end():]):
                        planned.append(Reading(
                            value=find_dates(dated.group("date"))[0].value, part=part.name,
                            evidence=[sentence.evidence(dated.start("date"), dated.end("date")),
                                      sentence.evidence(asked.start(), asked.end())]))
                        visit = None
                elif visit is not None and (plan := _PLAN_OR_REQUEST.match(sentence.text)) \
                        and not find_dates(sentence.text):
                    seen, dated = visit
                    planned.append(Reading(
                        value=find_dates(dated.group("date"))[0].value, part=part.name,
                        evidence=[seen.evidence(dated.start("date"), dated.end("date")),
                                  sentence.evidence(plan.start(), plan.end())]))
            found = _nearest_after_cue(sentence.text, cue)
            if found is None and opener_cue is not None:
                found = _nearest_after_cue(sentence.text, opener_cue, opener_only=True)
                if found is not None:
                    opened.add(len(readings))
            if found is None:
                continue
            date, named = found
            start, end = min(named.start(), date.start), max(date.end, named.end())
            # the date itself, and the words that say what it is the date of
            evidence = [sentence.evidence(date.start, date.end)]
            if (start, end) != (date.start, date.end):
                evidence.append(sentence.evidence(start, end))
            if requested is not None and _another_request(sentence.text, requested) or \
                    _GRANTED.match(sentence.text[date.end:]) or \
                    _EARLIER_REQUEST.search(sentence.text, 0, named.end()):
                other.add(len(readings))
            readings.append(Reading(value=date.value, part=part.name, evidence=evidence))
    if not readings and planned:
        readings = planned[-1:]   # the request of the last visit
    # a date the letter names as the request's ("The Request for Authorization was dated
    # 11/28/2016") over one of a visit that prescribed the treatment ("On 06/16/2014, aquatic
    # therapy was prescribed": an earlier course's, in a chronological summary)
    named = {r.value for i, r in enumerate(readings) if i not in opened}
    if named and any(i in opened and r.value not in named for i, r in enumerate(readings)):
        keep = [i for i, r in enumerate(readings) if i not in opened or r.value in named]
        other = {keep.index(i) for i in other if i in keep}
        readings = [readings[i] for i in keep]
    readings, slips = _without_slips(text, readings, other)
    if not readings:
        return Fact.unknown("; ".join(slips) if slips else
                            f"the letter states no date for the {what}")
    # where the dates disagree, one stated with another number of visits is another request's
    kept = [r for i, r in enumerate(readings) if i not in other]
    if kept and len({r.value for r in readings}) > 1:
        readings = kept
    fact = resolve(readings, HEADER_FIRST)
    if slips:
        fact.note = "; ".join(filter(None, [fact.note, *slips]))
    return fact


# a request said to be earlier is not the one in dispute: "An earlier Request for Authorization
# dated 9-6-2016 for physical therapy 3 times a week for 4 weeks (12 visits) was modified"
_EARLIER_REQUEST = regex.compile(r"\b(?:earlier|previous|prior)\s+(?:request|RFA)\b",
                                 regex.IGNORECASE)


# a request that was granted is not the one in dispute: "On 12/14/2015 the primary treating
# physician requested a trial of chiropractic manipulation, and 6 visits were authorized" (the
# later request for more is)
_GRANTED = regex.compile(
    r"(?![^.]*\b(?:non-?|not\s+|modified|partial\w*|of\s+the\b|denied))[^.]*?,\s+and\s+"
    r"(?:the\s+|all\s+)?(?:\w+\s+){0,2}?(?:visits?|sessions?|treatments?|it|this|they)\s+"
    r"(?:was|were)\s+(?:then\s+)?(?:authori[sz]ed|certified|approved)\b", regex.IGNORECASE)


# the physician's request made at a dated visit, in the visit's own sentence
_ASKED_AT_VISIT = regex.compile(r"\b(?:requested|ordered|prescribed)\b", regex.IGNORECASE)
# a dated treatment plan: "The treatment plan on 12-07-2016 includes ..."
_DATED_PLAN = regex.compile(
    rf"\btreatment\s+plan\s+(?:on|dated|of|from)\s+(?P<date>{DATE.pattern})\s+(?:includes|included|"
    rf"consists\s+of|consisted\s+of)\b", regex.IGNORECASE)
# a treatment plan that makes a request, or a request made, with no date of its own
_PLAN_OR_REQUEST = regex.compile(
    # "The patient returned in follow-up on 09/09/13 ... At that visit, a request was made"
    # "On that date the surgeon requested additional postoperative physical therapy"
    r"^\W*On\s+(?:that|the\s+same)\s+(?:date|day)\b[^.]*?\b(?:requested|ordered|prescribed)\b|"
    r"^\W*(?:At|During)\s+(?:that|this|the\s+(?:same|latter))\s+(?:office\s+)?(?:visit|"
    r"appointment|evaluation|examination|exam|follow-up|consultation|encounter)\b[^.]*?"
    # ("At that visit the surgeon requested physical therapy ...")
    r"\b(?:requests?\s+(?:was|were)\s+(?:made|submitted)|requested|ordered|prescribed)\b|"
    r"^\W*(?:The\s+)?(?:treatment\s+plan|plan|recommendations?)\s+(?:included|includes|"
    r"consisted\s+of|was|were)\b|"
    # "A request was made", "a reqquest was made" (typed as letters type it), "Twelve
    # additional sessions of physical therapy ... were sought"
    r"^\W*(?:(?:He|She)\s+(?:had\s+)?[^.,]{0,60},\s+and\s+)?(?:A|The)\s+req?q?[ue]{1,2}sts?\s+"
    r"(?:was|were)\s+(?:made|submitted)\b|"
    r"^[^.]{0,150}?\b(?:(?:was|were)\s+(?:sought|endorsed)|sought\s+authori[sz]ation)\b",
    regex.IGNORECASE)
# a visit and its date: "returned in follow-up on 10/02/14", "On 9/15/14, the injured worker
# complains of ...", "a progress report dated 11/21/2016", "was seen on 8/1/14"
_VISIT_DATED = regex.compile(
    rf"\b(?:follow[- ]?up|seen|visit|re-?evaluat\w+|evaluat\w+|examin\w+|appointment|"
    rf"presented|returned)\s+(?:\w+\s+){{0,2}}?(?:on|dated|of)\s+(?P<date>{DATE.pattern})|"
    rf"(?:^|(?<=[.;]))\W*On\s+(?P<date>{DATE.pattern}),?\s+(?:the\s+)?(?:injured\s+worker|patient|applicant|"
    rf"claimant|employee|IW|he|she)\s+(?:complain\w*|report\w*|present\w*|was\s+seen|"
    rf"returned|noted|stated)|"
    # ("On a progress report of December 1, 2016, the patient reported ...")
    # ("The surgeon's note of 05/06/2015 documents ...")
    rf"\b(?:progress\s+(?:note|report)|office\s+(?:note|visit)|PR-?2|(?:physician|doctor|"
    rf"surgeon|provider)'s\s+(?:note|report))\s+(?:dated|of|on)\s+"
    rf"(?P<date>{DATE.pattern})|"
    # "Subjective data (05-09-2016) included neck pain"
    rf"\b(?:subjective|objective)\s+(?:data|findings|complaints)\s*\(\s*(?P<date>{DATE.pattern})\s*\)|"
    # "On the January 11, 2017 office visit at issue"
    rf"(?P<date>{DATE.pattern})\s+(?:office\s+)?(?:visit|evaluation|examination|appointment|"
    rf"consultation|progress\s+(?:note|report))\b", regex.IGNORECASE)


def _without_slips(text: ItemText, readings: list[Reading],
                   other: set[int]) -> tuple[list[Reading], list[str]]:
    """Dates of the case in a year after the IMR decision's are typing slips ("November 30,
    2106", "December 9, 3026"): each is read as the one date a transposed or mistyped year digit
    away that lies between the injury and the decision, or dropped when no single date does.
    (`other`, the indexes of readings of another request, is kept in step.)"""
    decided = text.header_evidence("decision_date")
    if decided is None:
        return readings, []
    injured = text.header_evidence("injury_date")
    high, low = decided[0], injured[0] if injured else None
    kept, slips, renumbered = [], [], set()
    for i, reading in enumerate(readings):
        value = reading.value
        # (a year past the decision's: a date days after it may be the header's own slip)
        if isinstance(value, dt.date) and value.year > high.year:
            fixed = typing_slip(value, low, high)
            if fixed is None:
                slips.append(f"{value.isoformat()} is after the IMR decision and no single "
                             "digit's slip explains it: dropped")
                continue
            slips.append(f"{value.isoformat()}, after the IMR decision, read as "
                         f"{fixed.isoformat()} (a slip of one year digit)")
            reading = reading.model_copy(update={"value": fixed})
        if i in other:
            renumbered.add(len(kept))
        kept.append(reading)
    other.clear()
    other.update(renumbered)
    return kept, slips


def typing_slip(value: dt.date, low: dt.date | None, high: dt.date) -> dt.date | None:
    """The one date whose year is a single transposition of two adjacent digits or a single
    mistyped digit away from `value`'s and that lies within [low, high]; None when no date or
    several do."""
    year = f"{value.year:04d}"
    years = {year[:i] + year[i + 1] + year[i] + year[i + 2:] for i in range(3)}
    years |= {year[:i] + digit + year[i + 1:] for i in range(4) for digit in "0123456789"}
    fits = set()
    for candidate in years - {year}:
        try:
            day = value.replace(year=int(candidate))
        except ValueError:   # 29 February
            continue
        if day <= high and (low is None or day >= low):
            fits.add(day)
    return fits.pop() if len(fits) == 1 else None


# the first date of service a retrospective title names: "(DOS 10/03/2016-11/10/2016)",
# "date of service 10/3/16"
_SERVICE = regex.compile(r"\b(?:DOS|dates?\s+of\s+service)\b\s*:?\s*(?:from\s+)?",
                         regex.IGNORECASE)
_RANGE_JOINT = regex.compile(r"(?<=\d)\s*(?:-|\u2013|\bto\b|\bthrough\b|\bthru\b)\s*(?=\d)",
                             regex.IGNORECASE)


def service_start(text: ItemText) -> Fact:
    """When the care a retrospective title asks about began (its first date of service)."""
    return title_service_start(text.title)


def title_service_start(part: Part) -> Fact:
    """The first date of service a title (this item's or another's) names."""
    title = part.view.folded
    for cue in _SERVICE.finditer(title):
        # (the range's first date: "10/03/2016-11/10/2016")
        dates = find_dates(_RANGE_JOINT.split(title[cue.end():cue.end() + 30], maxsplit=1)[0])
        if dates and not title[cue.end():cue.end() + dates[0].start].strip(" (:"):
            first = dates[0]
            return Fact(value=first.value, known=True,
                        evidence=[part.evidence(cue.start(), cue.end() + first.end)],
                        note="the first date of service the title names")
    return Fact.unknown("the title names no date of service")


_ACCIDENT_AT = regex.compile(ACCIDENT_AT, regex.IGNORECASE)


def injury_date(text: ItemText) -> Fact:
    return _date_fact(text, _INJURY, "injury", "injury_date", opener_cue=_ACCIDENT_AT)


# a title naming the order it was requested by: "Retrospective Famotidine 20mg #60, per
# 12/07/2016 order"
_PER_ORDER = regex.compile(r"\bper\s+(?P<date>\S+(?:\s+\d{1,2},?\s+\d{4})?)\s+(?:order|RFA|"
                           r"request(?:\s+for\s+authori[sz]ation)?|prescription|form)\b"
                           # the paper named first: "... for the lumbar spine per RFA 7/22/2013"
                           r"|\bper\s+(?:the\s+)?(?:RFA|request\s+for\s+authori[sz]ation|order)\s+"
                           r"(?:dated\s+|of\s+)?(?P<date>\d{1,2}/\d{1,2}/\d{2,4})",
                           regex.IGNORECASE)


def request_date(text: ItemText, requested: int | None = None) -> Fact:
    """The date of the request for authorization; with the visits this item requests, where the
    letter gives several dates, a request stated with another number of visits ("October 31,
    2016 request for authorization for physical therapy 2x6", before the 2x4 in dispute) is
    another request. A title's "per 11/22/2016 order" is the date of the order it names."""
    title = text.title.view.folded
    for m in _PER_ORDER.finditer(title):
        dates = find_dates(m.group("date"))
        if len(dates) == 1:
            return Fact(value=dates[0].value, known=True,
                        evidence=[text.title.evidence(m.start(), m.end())],
                        note="the order the title names")
    fact = _date_fact(text, _REQUEST, "request for authorization", requested=requested,
                      opener_cue=_REQUESTED_AT)
    if fact.known:
        return fact
    # the date stated in the rationale of another request of the letter ("Request for
    # authorization is December 28, 2016"), where this one's parts give none
    sibling = _date_fact(text, _REQUEST, "request for authorization", requested=requested,
                         opener_cue=_REQUESTED_AT, parts=tuple(text.other_rationales()))
    if sibling.known:
        return sibling
    # the visit whose treatment plan made the request, where no date of the request is stated
    of_visit = _date_fact(text, _REQUEST, "request for authorization", requested=requested,
                          opener_cue=_REQUESTED_AT, visit_plans=True)
    if of_visit.known:
        of_visit.note = "the date of the visit whose treatment plan made the request"
        return of_visit
    # the documents list's request for authorization (a layout with such a list), where the
    # case text dates none; not a date after the UR decision, which answers the request
    listed = text.header_evidence("request_date")
    if listed is not None:
        value, evidence = listed
        ur = text.header_evidence("ur_date")
        if ur is None or value <= ur[0]:
            return Fact(value=value, known=True, evidence=[evidence],
                        note="the request for authorization in the list of documents reviewed")
    return fact


def _another_request(sentence: str, requested: int) -> bool:
    stated = [hit.total for hit in all_visits(sentence) if hit.total]
    return bool(stated) and requested not in stated


def ur_date(text: ItemText) -> Fact:
    return _date_fact(text, _UR, "utilization review decision", "ur_date")


def decision_date(text: ItemText) -> Fact:
    readings = _header_reading(text, "decision_date")
    if not readings:
        return Fact.unknown("the letter has no header with the IMR decision date")
    return resolve(readings, HEADER_FIRST)


def request_interval(text: ItemText, request: Fact, ur: Fact, decision: Fact) -> Fact:
    """An unstated request date as an interval: after the latest dated event of the case
    before the UR decision (the visit that led to the request), on or before the UR decision
    (else the IMR decision)."""
    if request.known:
        return request
    bound = ur if ur.known else decision
    if not bound.known:
        return request
    latest_event = None
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if sentence.is_guideline_talk():
                continue
            for found in find_dates(sentence.text):
                if found.value < bound.value and (latest_event is None
                                                   or found.value > latest_event[0]):
                    latest_event = (found.value, sentence.evidence(found.start, found.end))
    if latest_event is None:
        return Fact(value=None, known=False, latest=bound.value, evidence=bound.evidence,
                    note=f"{request.note}; it is on or before {bound.value.isoformat()} "
                         "(the UR decision)")
    earliest, where = latest_event
    return Fact(value=None, known=False, earliest=earliest, latest=bound.value,
                evidence=[where, *bound.evidence],
                note=f"{request.note}; it lies between {earliest.isoformat()} (the latest dated "
                     f"event of the case before the UR decision) and {bound.value.isoformat()} "
                     "(the UR decision)")


# ---------------------------------------------------------------- dates relative to a note

# an event dated from the note that tells it: "underwent the revision last month" (in a report
# of 12/06/2016), "surgery three weeks ago", "eight weeks post-op" at a dated visit, "POD #10"
RELATIVE = regex.compile(
    rf"\b(?:(?P<n>{NUMBER}|an?)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|prior|"
    rf"before(?=\s*[.,;]))|last\s+(?P<last>week|month|year)|POD\s*#?\s*(?P<pod>\d{{1,3}})|"
    rf"(?P<n2>{NUMBER})\s+(?P<unit2>days?|weeks?|months?)\s+(?:post[- ]?op(?:erative(?:ly)?)?\b|"
    rf"s/p|status\s+post|out\s+from|after\s+(?:the\s+|his\s+|her\s+)?(?:surgery|operation|"
    rf"procedure)))",
    regex.IGNORECASE)


def _months_back(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def relative_interval(m: regex.Match, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The days a relative phrase (a RELATIVE match) allows, counted back from the note's
    date: whole calendar units for "last week/month/year", and a margin around "N weeks ago"
    (3 days), "N months ago" (15 days) and "N years ago" (half a year)."""
    if m.group("last"):
        unit = m.group("last").lower()
        if unit == "week":
            return anchor - dt.timedelta(days=13), anchor - dt.timedelta(days=1)
        if unit == "month":
            first = _months_back(anchor.replace(day=1), 1)
            return first, anchor.replace(day=1) - dt.timedelta(days=1)
        return dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31)
    if m.group("pod"):
        day = anchor - dt.timedelta(days=int(m.group("pod")))
        return day, day
    count = m.group("n") or m.group("n2")
    n = 1 if count.lower() in ("a", "an") else to_int(count)
    unit = (m.group("unit") or m.group("unit2")).lower().rstrip("s")
    if unit == "day":
        return anchor - dt.timedelta(days=n + 1), anchor - dt.timedelta(days=max(0, n - 1))
    if unit == "week":
        center = anchor - dt.timedelta(weeks=n)
        return center - dt.timedelta(days=3), center + dt.timedelta(days=3)
    if unit == "month":
        center = _months_back(anchor, n)
        return center - dt.timedelta(days=15), center + dt.timedelta(days=15)
    center = _months_back(anchor, 12 * n)
    return center - dt.timedelta(days=182), center + dt.timedelta(days=182)


def relative_exact(first: dt.date, last: dt.date) -> bool:
    """Days and weeks counted back name a day, as a reader counts them (the middle of the
    interval); a month or more back stays an interval."""
    return (last - first).days <= 6
