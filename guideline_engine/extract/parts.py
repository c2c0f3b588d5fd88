"""The parts of a letter an item's facts may come from, and how readings from them combine.

Precedence (one policy, used by every extractor):
- what was *requested* is read from the item title first, then its rationale, then the summary:
  the title states the disputed request as IMR framed it;
- what *happened* (prior sessions, functional improvement, work status...) is read from the
  item's rationale first, then the case summary: the rationale is the reviewer's own reading of
  the record on which the decision rests, while the summary also repeats what the patient or the
  provider claimed.
When two parts disagree, every reading is kept on the fact with the rule that chose the winner.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import regex

from ..ingest import NormalText
from ..models import Determination, DisputedItem, Evidence, EvidenceSource, Fact, Reading, Span
from ..textview import TextView
from . import categories, multipattern, prefilter

REQUEST_ORDER: tuple[EvidenceSource, ...] = ("title", "rationale", "summary")
RECORD_ORDER: tuple[EvidenceSource, ...] = ("rationale", "summary")

_WHY = {
    ("header", "rationale"): "the header block is the IMR's own record of the case dates",
    ("header", "summary"): "the header block is the IMR's own record of the case dates",
    ("title", "rationale"): "the item title states the disputed request as IMR framed it",
    ("title", "summary"): "the item title states the disputed request as IMR framed it",
    ("preamble", "rationale"): "the item heading states what was already authorised",
    ("preamble", "header"): "the letter's statement of the UR decision wins over the header's "
                            "'UR Denial Date' label (a modification is a partial denial)",
    ("rationale", "header"): "the letter's statement of the UR decision wins over the header's "
                             "'UR Denial Date' label (a modification is a partial denial)",
    ("summary", "header"): "the letter's statement of the UR decision wins over the header's "
                           "'UR Denial Date' label (a modification is a partial denial)",
    ("preamble", "summary"): "the item heading states what was already authorised",
    ("rationale", "summary"): "the rationale is the reviewer's reading of the record on which "
                              "the decision rests; the summary also repeats claims",
    ("rationale", "title"): "the rationale is the reviewer's reading of the record",
    ("summary", "title"): "the case summary describes the record",
}

# sentences that state what a guideline says, not what happened to this patient
_GUIDELINE_TALK = regex.compile(
    r"\b(?:guidelines?|MTUS|ODG|ACOEM|recommend\w*|stipulat\w*|is\s+(?:not\s+)?"
    r"recommended|should|must|"
    # the MTUS's words on programmes: "Treatment is not suggested for longer than 2 weeks"
    r"(?:is|are)\s+not\s+suggested|"
    # a condition on more care: "Continued visits are contingent on documentation of objective
    # functional improvement"
    r"(?:is|are)\s+contingent\s+(?:up)?on|"
    # the literature a reviewer cites: "A Cochrane review of 61 randomized trials (Hayden et al.,
    # 2005) found that exercise therapy was slightly more effective than no treatment", "The UK
    # BEAM trial ...", "a meta-analysis"
    r"randomi[sz]ed(?:\s+controlled)?\s+trials?|Cochrane|meta-?analys[ie]s|et\s+al\b|"
    # (not the patient's own trial or test: "The trial of 6 visits produced functional
    # improvement", "the electrodiagnostic study of 1-26-2015 showed")
    r"systematic\s+review|(?:published|prospective|retrospective|cohort)\s+(?:study|studies|"
    r"trials?)|(?:studies|trials?)\s+by|randomi[sz]ed\s+(?:to|into)|and\s+colleagues|"
    # not a brace ("lumbar support") nor a purpose ("no improvement ... to support more visits")
    r"(?<!\b(?:lumbar|lumbosacral|back|cervical|wrist|knee|ankle|arch|elbow|to)\s)supports?|"
    r"Labor\s+Code|per\s+industrial\s+injury|"
    # a guideline's list of criteria: "The criteria include an adequate and thorough
    # evaluation, ...; there is an absence of other options likely to result in significant
    # clinical improvement; ..."
    r"criteria\s+(?:for\s+(?:[\w-]+\s+){1,5}?)?(?:include|consist\s+of)|"
    # the MTUS's own words: "For the low back, therapeutic care consists of a trial of 6 visits"
    r"therapeutic\s+care|"
    # "It states that acupuncture is used as an option when pain medication is reduced or not
    # tolerated, that 3 to 6 treatments are needed to produce functional improvement"
    r"(?:is|are)\s+used\s+as\s+an\s+option|"
    # a guideline's figure named by what it is for: "apparently applying the figure for
    # arthroscopic acromioplasty alone, 24 visits over 14 weeks"
    r"(?:guideline|MTUS|ODG|schedule)?\s*figures?\s+for|"
    # the Postsurgical guidelines' courses in the reviewer's words: "The initial course of
    # therapy is one half of the general course, or 12 visits; with documented functional
    # improvement, a subsequent course may be prescribed"
    # (not "Continued therapy up to the general course is supported when functional
    # improvement is documented, and it is here")
    r"(?:initial|general|subsequent)\s+course\s+(?:of\s+(?:therapy|treatment)\s+)?(?:is|means|"
    r"equals|would\s+be)\s+(?:one[- ]half|half|\d|(?:the\s+)?(?:general|full|initial))|"
    r"may\s+be\s+(?:prescribed|continued)|"
    # a guideline's general condition: "Extended durations of care beyond what is considered
    # 'maximum' may be necessary in cases of re-injury, ... exacerbation of symptoms"
    r"may\s+be\s+(?:necessary|needed|warranted|indicated|appropriate)\s+in\s+(?:cases|"
    r"patients|those|individuals)\b)\b",
    regex.IGNORECASE)
# a sentence whose subject is a guideline ("ODG recommends...", "Per the MTUS, ...")
_GUIDELINE_SUBJECT = regex.compile(
    r"^\W*(?:(?:per|pursuant\s+to|according\s+to|under|as\s+(?:noted|stated|set\s+forth|"
    r"outlined|written)\s+(?:on|in))\s+)?"
    # "Page 125 of the MTUS Chronic Pain Medical Treatment Guidelines also stipulates ..."
    r"(?:(?:page|pages|pg\.?|p\.)\s*\d+(?:\s*-\s*\d+)?\s+of\s+)?(?:the\s+)?(?:CA\s+|California\s+)?"
    r"(?:MTUS|ODG|ACOEM|Official\s+Disability|Chronic\s+Pain|Postsurgical|Acupuncture\s+"
    r"Medical|(?:physical\s+medicine\s+)?guidelines?|these\s+guidelines)\b"
    # a definition: '"Functional improvement" means either a clinically significant ...'
    # ("Functional improvement is defined in Section 9792.20(e) as either ...")
    r"|^\W*(?:the\s+term\s+)?(?:[\"“][^\"”]{2,40}[\"”]|(?:objective\s+)?functional\s+"
    r"improvement)\s+(?:means|is\s+defined\s+(?:as|in|by)|refers\s+to)\b"
    # an entry of a guideline's table of figures: "Post-surgical treatment, arthroplasty, knee:
    # 24 visits over 10 weeks."
    r"|^\W*[A-Z][^.:;]{2,90}:\s*\d+(?:\s*-\s*\d+)?\s+visits\s+over\s+\d+(?:\s*-\s*\d+)?\s+"
    r"(?:weeks|months)\b"
    # an ODG row quoted whole: "Dislocation of shoulder (ICD9 831): Medical treatment: 12 visits
    # over 12 weeks; Post-surgical treatment (Bankart): 24 visits over 14 weeks."
    r"|\b(?:Medical|Post-?\s*surgical)\s+treatment(?:\s*\([^()]{1,60}\))?\s*:\s*\d+"
    r"(?:\s*-\s*\d+)?\s+visits\b",
    regex.IGNORECASE)
_AS_DEFINED = regex.compile(r"\bas\s+defined\s+(?:in|by)\s+(?:the\s+)?(?:MTUS|ODG|ACOEM|"
                            r"Section|8\s+CCR)[^,.;]*|"
                            # "that course produced functional improvement as the MTUS defines it"
                            r"\bas\s+(?:the\s+)?(?:MTUS|ODG|ACOEM|guidelines?)\s+defines?\s+it\b|"
                            # "... functional improvement in the sense in which the MTUS uses
                            # the term"
                            r"\bin\s+the\s+sense\s+(?:in\s+which|that)\s+(?:the\s+)?(?:MTUS|ODG|"
                            r"ACOEM|guidelines?)\s+(?:uses?|means?|defines?)\s+(?:the\s+term|it)\b",
                            regex.IGNORECASE)
# the case's own sessions: "the 6 visits already completed"
# ("10 days have been completed and 15 are requested, ... exceeding the 20 full-day sessions
# recommended")
_ALREADY_HAD = (r"\d+\s+(?:[\w-]+\s+)?(?:visits|sessions|treatments|days)\s+(?:already\s+"
                r"(?:completed|attended|received|had)|have\s+(?:already\s+)?been\s+(?:completed|"
                r"attended))")
_PATIENT = regex.compile(
    r"\b(?:applicant|injured\s+(?:worker|employee)|claimant|employee|in\s+this\s+case|"
    r"this\s+patient|he|she|his|her|IW|I/W|the\s+(?:worker|insured|member)|Mr|Mrs|Ms|"
    # what this patient had, and the bills for it: "The patient has seen a massage therapist
    # every other week since March 2015, and the invoices list 12 sessions ..., already twice the
    # upper limit of the guideline" (not a guideline's condition: "if the patient has had ...")
    r"(?<!\b(?:if|unless|when|whether|until|where|once)\s)the\s+patient\s+(?:has|had)\s+"
    r"(?:seen|had|received|attended|completed|undergone)\b|invoices|"
    # what this record shows: "Within the documentation available for review, the patient
    # has completed 18 sessions ... which already exceeds the number of visits recommended"
    r"within\s+the\s+(?:documentation|(?:medical\s+)?records?)|"
    # "The treating physician has not documented ...", "There was no discussion detailing ..."
    # "Six prior visits already exceed the 1-3 visits recommended, and the earlier therapy did
    # not produce functional improvement": the therapy this patient had (not a guideline's
    # condition: "unless the previous course has produced ...")
    r"(?<!\b(?:if|unless|when|whether|until|where)\s)(?:the|his|her|their)\s+(?:prior|previous|"
    r"earlier)\s+(?:[\w-]+\s+){0,2}?(?:therapy|sessions|visits|treatments?|care|course)\s+"
    r"(?:(?:did|has|had|have|was|were)\s+(?:not|never)|failed|produced|resulted|led)\b|"
    r"(?:treating|attending|requesting|primary\s+treating)\s+(?:physician|provider|doctor|"
    r"surgeon)|"
    # an entry of the record's dated list: "10-26-2016 physical therapy re-evaluation: visit 12 of
    # 12; ...; the therapist recommended 8 additional visits"
    r"^\W*\d{1,2}[-/]\d{1,2}[-/]\d{2,4}(?=\s+[^.:;]{1,60}:)|"
    r"there\s+(?:was|is|were|are)\s+no\s+(?:discussion|documentation|evidence|"
    r"indication|mention)|the\s+patient\s+(?:(?:has|had)\s+)?(?:already\s+|previously\s+)?"
    r"(?:completed|attended|received|undergone|had|underwent)|the\s+patient\s+(?:was|is)\s+"
    r"(?:seen|evaluated|examined)\s+on|"
    # "... and has completed 12 postoperative physical therapy visits, which is the full
    # general course recommended by the guidelines": sessions this patient had
    r"\b(?:has|have)\s+(?:already\s+|now\s+)?(?:completed|attended)\s+\d+\s+|"
    # "The requested 8 visits, added to the 6 visits already completed, would total 14 visits,
    # which is within the 18 visits supported by the guidelines"
    rf"{_ALREADY_HAD}|"
    # "The documentation submitted for review indicated the patient completed the initial trial
    # with objective functional improvement, and the additional visits would not exceed the
    # total recommended by the guidelines"
    # ("the massage therapy note dated 12/01/2016 documents 8 sessions to date, which already
    # exceeds the 4-6 visits recommended")
    r"(?:documentation|records?|notes?)\s+(?:(?:dated|of)\s+\d[\d/.-]+\s+)?"
    r"(?:(?:submitted|provided|available)\s+)?"
    # ("The therapy notes document functional improvement, ... that support continued therapy")
    r"(?:for\s+review\s+)?(?:indicated|indicates|showed|shows|documented|documents?|noted|"
    r"revealed)|"
    # the case's sessions opening a weighing against the figure: "With 6 visits completed, the
    # 6 visits requested would bring the total to 12, within the 18 the guideline allows"
    r"^\W*(?:with|having\s+(?:had|completed))\s+(?:\w+\s+){0,3}?(?:visits?|sessions?|"
    r"treatments?)(?:\s+(?:already|now))?(?:\s+(?:completed|attended|done|given|used))?\s*,\s*)\b",
    regex.IGNORECASE)
# what the record shows, and what a guideline prescribes
_RECORD = regex.compile(r"\b(?:documentation|documented|records?|notes?|submitted|provided|"
                        r"(?:the|these|those|its|their)\s+entries|"
                        r"(?:was|were)\s+followed\s+by\s+(?:an?\s+)?(?:measured|measurable|"
                        r"documented|objective)\b|"
                        # ("Objectively, forward flexion is 140 degrees")
                        r"reports?|examination|exam|objectively|(?:the\s+)?patient's|"
                        # "The patient was noted to have completed 6 sessions ...", "The
                        # employee has had a multidisciplinary evaluation ..."
                        r"(?:was|were)\s+noted\s+to|has\s+(?:not\s+|never\s+)?(?:previously\s+|"
                        r"yet\s+)?had|underwent|"
                        # "Naproxen was discontinued because of gastritis"
                        r"(?:was|were)\s+discontinued|"
                        rf"{_ALREADY_HAD}|"
                        # another item of this letter: "in conjunction with the lumbar physical
                        # therapy, which has been found medically necessary above"
                        r"found\s+(?:to\s+be\s+)?medically\s+necessary\s+above|"
                        # "The patient has not had massage therapy before, ..., so massage
                        # would be an adjunct to exercise, as the guidelines require"
                        # "In this case, massage is requested as an adjunct to the injured
                        # worker's ongoing home exercise program and the number of sessions is
                        # within the guideline recommendation"
                        r"in\s+this\s+case|"
                        # "This patient has not tolerated NSAIDs ..., which meets the guideline
                        # indication"
                        r"this\s+(?:patient|claimant|applicant|employee|injured\s+worker)|"
                        # "The injured worker met the admission criteria, with a medium demand
                        # job held open by her employer": the reviewer's finding on the case
                        r"(?:patient|claimant|applicant|employee|injured\s+worker|(?<!-)he|she)\s+"
                        r"(?:has\s+|had\s+)?(?:met|meets|satisfie[sd]|fulfill(?:s|ed)?)\s+"
                        r"(?:the|all|each|every)\s+(?:[\w-]+\s+){0,2}?criteria|"
                        # "The employer's written job offer of 11/14/2014 ...": a dated paper
                        # of this case
                        r"(?:of|on|dated)\s+\d{1,2}/\d{1,2}/\d{2,4}|"
                        # the patient as the subject of what happened: "she improved with
                        # physical therapy and has been at a plateau since early 2013; the
                        # orthopedic consultant does not recommend surgery"
                        r"(?:she|he)\s+(?:improved|has\s+been|had\s+been|remains|returned|"
                        r"completed|attended))\b", regex.IGNORECASE)
# (criteria found met are a finding: "The admission criteria were met: a valid functional
# capacity evaluation showed capacities below the heavy demands of his job ...")
_PRESCRIPTIVE = regex.compile(r"\b(?:must|should|criteria(?!\s+(?:were|have\s+been)\s+(?:all\s+)?"
                              r"(?:met|satisfied|fulfilled)\b)|include|recommend\w*|guidelines?|MTUS|"
                              r"ODG|ACOEM)\b", regex.IGNORECASE)
# a sentence about this case: it names the patient or the record ("the documentation", "notes
# submitted for review", "the request"); a rationale sentence that names neither is the
# guideline the reviewer quotes ("Active therapy is based on the philosophy ...")
_CASE = regex.compile(
    r"\b(?:applicant|injured\s+worker|\bIW\b|I/W|claimant|employee|employer|(?<!-)patient(?!-)|"
    r"the\s+(?:worker|insured|member)|"
    r"in\s+this\s+case|"
    r"he|she|his|her|him|documentation|documented|records?|notes?|reports?|submitted|provided|"
    # ("The physical therapy discharge summary shows 6 sessions completed with measurable gains")
    r"summar(?:y|ies)|"
    # the record's own lines: "These entries show what the definition requires: ..."
    r"(?:the|these|those|its|their)\s+entries|"
    # what followed this patient's course: "the course was followed by a measured gain in
    # sitting tolerance and a return to modified duty"
    r"(?:was|were)\s+followed\s+by|"
    # ("Objectively, forward flexion is 140 degrees")
    r"request\w*|treating|provider|physician|examination|exam|objectively|diagnos\w+|"
    r"re-?evaluations?|"
    # the shorthand of a reviewer's findings: "- chiro #6 done 10/3-10/21 = completed trial",
    # "- objective FI at 10/24 re-eval: ..."
    r"re-?evals?|done|(?-i:pt)|"
    # the reviewer's reading of the record: "There is no indication that pain medication has been
    # reduced or is not tolerated"
    r"there\s+(?:is|was)\s+no\s+indication\s+that|"
    # this patient's course by its place: "have improved objectively with the first 12 visits"
    r"(?:with|after|from|over)\s+(?:the|her|his|those|these)\s+(?:first|initial|prior|previous|"
    r"completed)\s+(?:\d{1,2}|[a-z]+)\s+(?:visits|sessions|treatments)\b|"
    # a measure's two values: "Lumbar flexion has improved from 40 to 60 degrees"
    r"(?:improved|increased|decreased|fell|dropped|rose)\s+from\s+\d+(?:\.\d+)?\s*(?:%|"
    r"degrees|kg|pounds|lbs|minutes|/10)?\s+to\s+\d+|"
    # ("Deficits remain, with abduction of 135 degrees and 4/5 strength")
    r"deficits\s+(?:remain|persist)|"
    # ("The trial produced objective functional improvement": the course this patient had)
    # ("Those sessions produced objective functional improvement")
    # ("That trial produced objective functional improvement")
    # ("Each produced objective functional improvement", of the two series just named)
    r"(?:(?:the|those|these|that)\s+(?:[\w-]+\s+)?(?:trial|course|sessions|visits|treatments)|"
    r"^\W*(?:each|both)(?:\s+(?:one|series|course|trial|of\s+(?:them|these|those)))?)\s+"
    r"(?:produced|showed|resulted|led|yielded|gave|brought|achieved)|"
    # ("the change measured over those 3 visits")
    r"measured\s+(?:over|at|in|on|during)|"
    # "The 4 sessions of pool therapy already completed resulted in objective functional
    # improvement": sessions this patient had
    r"already\s+(?:completed|received|attended|had)|"
    # the reviewer's word on this care: "This is not maintenance care, as measurable gains are
    # still being made"
    r"this\s+(?:is|was)\s+not\s+(?:[\w-]+\s+){0,2}?(?:maintenance|elective)|"
    # "In the case of this worker, ... the 6 post-operative sessions completed so far have led
    # to improvement"
    r"this\s+(?:worker|employee|individual)|"
    # "The therapy to date has not been without benefit": the therapy this patient has had
    r"(?:therapy|treatment|care|sessions|visits)\s+to\s+date|"
    # "There is objective functional improvement with the prior therapy": this patient's
    r"(?:with|from|after|of)\s+(?:the|his|her|their)\s+(?:prior|previous|earlier|completed|past|"
    r"recent)\s+(?:[\w-]+\s+){0,2}?(?:therapy|sessions|visits|treatments?|care|course)|"
    r"(?:completed|received|attended)\s+(?:so\s+far|"
    r"to\s+date|thus\s+far)|"

    # the reviewer naming the care under review: "This is therapeutic care rather than
    # maintenance care."
    r"^\W*(?:this|these)\s+(?:is|are|was|were)\s+(?:[\w-]+\s+){0,3}?(?:care|treatment|therapy)\s+"
    r"(?:rather\s+than|and\s+not|not)|"
    # what the record did or did not state: "No clear return-to-work goal was articulated."
    r"(?:was|were)\s+(?:not\s+)?(?:clearly\s+)?(?:articulated|stated|described|outlined|"
    r"identified|established|reported|mentioned|specified|detailed|furnished))\b",
    regex.IGNORECASE)


SIDE = regex.compile(r"\b(?P<side>left|right)\b", regex.IGNORECASE)
# utilization review, or the review before this one, named as the subject of a sentence
UR_SUBJECT = (r"(?:utilization\s+review\w*|UR|claims\s+administrator|"
              # (UR's own reviewer: "The physician advisor stated that 12 postoperative sessions
              # had been completed")
              r"physician\s+advis[oe]rs?|(?:prior|previous|original)"
              # ("The prior non-certification relied on the 24 sessions of therapy ...")
              r"\s+(?:review\w*|determination|denial|decision|non-?certification)|"
              # the published letters' "These requests were previously reviewed on 12/19/2016
              # and were non-certified, as there were ..."
              r"(?:these|this|the)\s+requests?\s+(?:was|were)\s+previously\s+reviewed)")
# utilization review's rationale quoted at length: "The utilization review physician wrote: \"",
# "Utilization review modified the request with the following explanation: \""
_UR_QUOTE_OPEN = regex.compile(
    rf"\b{UR_SUBJECT}\b"
    r"[^.\"\u201c\u201d]{0,120}?\b(?:wrote|writes|stated|states|stating|explained|reasoned|noted|"
    r"noting|opined|"
    # ("The utilization review report on the acupuncture request reads: \"ODG ...")
    r"reads|said|says|"
    # ("The utilization review physician's rationale for the non-certification reads in full:")
    r"concluded|explanation|rationale|reasoning|"
    # ("The utilization review determination of November 18, 2016 gave the following reasons
    # for non-certification: \"The claimant has already received 12 ...")
    r"reasons?|grounds)\b[^.\"\u201c\u201d]{0,60}?:\s*[\"\u201c]",
    regex.IGNORECASE)
_CLOSE_QUOTE = regex.compile(r"[\"\u201d]")
# a label for UR's own reasons, inside a case summary taken from UR's report (2013 notices:
# "Physician Advisor Rationale: The reviewer noted that guidelines recommend massage ..."): UR's
# words run to the close of the quotation, or of the part
_UR_RATIONALE_LABEL = regex.compile(
    r"\b(?:Physician\s+Advisor|UR|Utilization\s+Review(?:er)?|Peer\s+Reviewer)(?:'s)?\s+"
    r"(?:Rationale|Reasoning|Comments?|Decision\s+Rationale)\s*:\s*")
_BILATERAL = regex.compile(r"\b(?:bilateral\w*|both)\b", regex.IGNORECASE)


def other_side(text: str, side: str | None) -> bool:
    """The text names only the other side than `side` ("for the right wrist", of left-wrist
    therapy): a count or an operation there is not this item's."""
    if side is None or _BILATERAL.search(text):
        return False
    named = {m.group("side").lower() for m in SIDE.finditer(text)}
    return bool(named) and side not in named


@dataclass
class Part:
    name: EvidenceSource
    view: TextView
    page_starts: tuple[int, ...] = (0,)

    def evidence(self, fstart: int, fend: int) -> Evidence:
        folded = self.view.folded
        while fstart < fend - 1 and folded[fstart].isspace():
            fstart += 1  # a fuzzy match may take in the space before a word
        while fend > fstart + 1 and folded[fend - 1].isspace():
            fend -= 1
        span = self.view.span(fstart, fend)
        return Evidence(start=span.start, end=span.end, quote=span.quote, part=self.name,
                        page=bisect.bisect_right(self.page_starts, span.start))

    def sentences(self) -> Iterator[Sentence]:
        return iter(self._sentences)

    def sentence_at(self, start: int, end: int) -> Evidence | None:
        """The evidence of the sentence holding the raw span [start, end), if one does."""
        spans, starts = self._sentence_evidence
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and spans[i].start <= start and end <= spans[i].end:
            return spans[i]
        return None

    def in_ur_quote(self, fstart: int) -> bool:
        """Does folded offset `fstart` lie inside utilization review's words quoted at length
        ("The utilization review physician wrote: \"... there is no documentation of a
        clinically significant improvement ...\" The Expert Reviewer disagrees")?"""
        return any(a <= fstart < b for a, b in self._ur_quotes)

    @cached_property
    def _ur_quotes(self) -> tuple[tuple[int, int], ...]:
        folded = self.view.folded
        spans = []
        for opened in _UR_QUOTE_OPEN.finditer(folded):
            close = _CLOSE_QUOTE.search(folded, opened.end())
            if close is not None:
                spans.append((opened.end(), close.start()))
        for label in _UR_RATIONALE_LABEL.finditer(folded):
            close = _CLOSE_QUOTE.search(folded, label.end())
            spans.append((label.start(), close.start() if close else len(folded)))
        return tuple(spans)

    @cached_property
    def _sentence_evidence(self) -> tuple[tuple[Evidence, ...], list[int]]:
        spans = tuple(s.evidence() for s in self._sentences)
        return spans, [e.start for e in spans]

    @cached_property
    def _sentences(self) -> tuple[Sentence, ...]:
        return tuple(Sentence(self, start, end) for start, end in self.view.sentences())


@lru_cache(maxsize=1 << 16)
def _search(pattern: regex.Pattern, text: str) -> regex.Match | None:
    if not multipattern.may_match(pattern, text):
        return None
    return prefilter.search(pattern, text)


@lru_cache(maxsize=1 << 15)
def _finditer(pattern: regex.Pattern, text: str) -> tuple[regex.Match, ...]:
    if not multipattern.may_match(pattern, text):
        return ()
    return prefilter.finditer(pattern, text)


@lru_cache(maxsize=1 << 14)
def _is_guideline_talk(text: str) -> bool:
    # "suggested a lack of functional improvement as defined in MTUS 9792.20e, despite
    # receipt of earlier physical therapy": a term's definition cited in a finding
    text = _AS_DEFINED.sub(" ", text)
    return bool(_GUIDELINE_SUBJECT.search(text)) or bool(_NOT_THE_CASE_HERE.search(text)) or (
        bool(_GUIDELINE_TALK.search(text)) and not _PATIENT.search(text))


# a situation the sentence sets against this case (an earlier review's): "The prior Independent
# Medical Review in 2015 addressed a request for 12 sessions when there was no flare-up and no
# functional deficit, which is not the situation now"
_NOT_THE_CASE_HERE = regex.compile(
    r"\b(?:which|that)\s+is\s+not\s+the\s+(?:case|situation|scenario)\s+(?:here|now|in\s+this\s+"
    r"case|at\s+present|today)\b|\ba\s+(?:scenario|situation)\s+(?:which|that)\s+is\s+not\s+the\s+"
    r"case\s+(?:here|now)\b|"
    # an earlier decision on another request: "The earlier denial of August 22, 2016 and the
    # Independent Medical Review of October 14, 2016 addressed a different request: 12 sessions
    # of massage therapy, sought at a time when the applicant was not participating in any
    # active therapy"
    r"\b(?:addressed|concerned|involved|decided)\s+a\s+(?:different|separate|prior|previous|"
    r"earlier)\s+request\b", regex.IGNORECASE)


def is_guideline_talk(text: str) -> bool:
    """Does this text (a sentence or a clause of one) state what a guideline says?"""
    return _is_guideline_talk(text)


@dataclass
class Sentence:
    part: Part
    start: int
    end: int
    _text: str | None = field(default=None, repr=False)
    # what the sentence is, worked out once (every fact resolver asks)
    _talk: bool | None = field(default=None, repr=False)
    _case: bool | None = field(default=None, repr=False)
    _modalities: frozenset[str] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.part.view.folded[self.start:self.end]
        return self._text

    def in_ur_quote(self) -> bool:
        """Is the sentence utilization review's, quoted at length in the letter?"""
        return self.part.in_ur_quote(self.start)

    def evidence(self, rstart: int | None = None, rend: int | None = None) -> Evidence:
        """Evidence for the sentence, or for [rstart, rend) relative to the sentence."""
        if rstart is None:
            return self.part.evidence(self.start, self.end)
        return self.part.evidence(self.start + rstart, self.start + (rend or rstart + 1))

    def search(self, pattern: regex.Pattern) -> regex.Match | None:
        """`pattern.search(self.text)`, remembered: the summary's sentences are the same for
        every item of a letter, and each item's resolvers ask them the same questions."""
        return _search(pattern, self.text)

    def finditer(self, pattern: regex.Pattern) -> tuple[regex.Match, ...]:
        """Every match of `pattern` in the sentence, remembered as `search` is."""
        return _finditer(pattern, self.text)

    def mentions_guidelines(self) -> bool:
        return bool(self.search(_GUIDELINE_TALK))

    def is_guideline_talk(self) -> bool:
        """States what a guideline says rather than what happened in this case."""
        if self._talk is None:
            self._talk = _is_guideline_talk(self.text)
        return self._talk

    def about_another_case(self) -> bool:
        """Sets a situation against this case ("..., which is not the situation now")."""
        return bool(self.search(_NOT_THE_CASE_HERE))

    def about_case(self) -> bool:
        """Says something about this case rather than quoting a guideline: summary sentences
        always do; rationale sentences when they name the patient or the record."""
        if self._case is None:
            self._case = self._about_case()
        return self._case

    def _about_case(self) -> bool:
        if self.about_another_case():
            return False
        if self.part.name != "rationale":
            return not self.is_guideline_talk()
        if not _CASE.search(self.text) or _GUIDELINE_SUBJECT.search(self.text):
            return False
        # (a term's definition cited in a finding prescribes nothing: "that course produced
        # functional improvement as the MTUS defines it")
        return bool(_RECORD.search(self.text)) or \
            not _PRESCRIPTIVE.search(_AS_DEFINED.sub(" ", self.text))

    def modalities(self) -> frozenset[str]:
        """The treatments the sentence names (worked out once: every reader asks)."""
        if self._modalities is None:
            self._modalities = frozenset(
                m.value for m in categories.mentions(categories.MODALITY, self.text))
        return self._modalities


# a rationale that defers to an earlier item's: "This request was decided together with the
# physical therapy request above; please see that decision rationale, which addresses both
# requests", "Please refer to the rationale above", "for the same reasons given above"
_POINTS_BACK = regex.compile(
    r"\b(?:(?:please\s+)?(?:see|refer\s+to)\s+(?:that|the)\s+(?:decision\s+)?rationale\b|"
    r"decided\s+together\s+with\b|"
    r"for\s+the\s+(?:same\s+)?reasons?\s+(?:given|stated|discussed|explained|set\s+out)\s+above)",
    regex.IGNORECASE)
# a pointer, not a rationale of its own: a few sentences at most
_POINTER_CHARS = 400


def _rationale(text: NormalText, determination: Determination, item: DisputedItem) -> Part:
    """The item's rationale; one that only points back to an earlier item's is read with that
    rationale before it (the facts it decided on are there)."""
    own = _part(text, "rationale", item.rationale)
    folded = own.view.folded
    if len(folded) > _POINTER_CHARS or not _POINTS_BACK.search(folded):
        return own
    earlier = [other for other in determination.items
               if other.index < item.index and other.rationale is not None
               and other.rationale.end <= item.rationale.start]
    if not earlier:
        return own
    referred = _part(text, "rationale", earlier[-1].rationale).view
    return Part("rationale", referred.joined(own.view), text.page_starts)


def _part(text: NormalText, name: EvidenceSource, span: Span | None) -> Part:
    if span is None:
        return _cached_part(text, name, 0, 0)
    return _cached_part(text, name, span.start, span.end)


@lru_cache(maxsize=64)
def _cached_part(text: NormalText, name: EvidenceSource, start: int, end: int) -> Part:
    """Parts are read-only once built; the case summary is shared by all items of a letter."""
    return Part(name, TextView.of(text, start, end), text.page_starts)


@dataclass
class ItemText:
    """The parts of the letter one item's facts may come from (spans of the normalised text;
    evidence is quoted from the raw text)."""

    text: NormalText
    determination: Determination
    item: DisputedItem
    title: Part
    preamble: Part
    rationale: Part
    summary: Part
    reviewer_citation: Part
    claims_citation: Part

    @classmethod
    def of(cls, text: NormalText, determination: Determination, item: DisputedItem) -> ItemText:
        return cls(
            text=text,
            determination=determination,
            item=item,
            title=_part(text, "title", item.title),
            preamble=_part(text, "preamble", item.preamble),
            rationale=_rationale(text, determination, item),
            summary=_part(text, "summary", determination.case_summary),
            reviewer_citation=_part(text, "reviewer_citation", item.reviewer_citation),
            claims_citation=_part(text, "claims_administrator_citation",
                                  item.claims_administrator_citation),
        )

    @cached_property
    def side(self) -> str | None:
        """The one side the title names ("... for the left wrist"), if it names one."""
        sides = {m.group("side").lower() for m in SIDE.finditer(self.title.view.folded)}
        return sides.pop() if len(sides) == 1 else None

    def part(self, name: EvidenceSource) -> Part:
        return {"title": self.title, "preamble": self.preamble, "rationale": self.rationale,
                "summary": self.summary, "reviewer_citation": self.reviewer_citation,
                "claims_administrator_citation": self.claims_citation}[name]

    def sentences(self) -> Iterator[Sentence]:
        """The rationale's sentences, then the case summary's: the reviewer's own words first."""
        yield from self.rationale.sentences()
        yield from self.summary.sentences()

    def other_rationales(self) -> list[Part]:
        """The rationales of the letter's other items, as parts quoted as 'letter': what they
        say of the patient (work status, home exercise) is the same case."""
        return [_part(self.text, "letter", other.rationale) for other in self.determination.items
                if other.index != self.item.index and other.rationale is not None]

    def other_items(self) -> list[DisputedItem]:
        """The letter's other items with a rationale, in the order of other_rationales()."""
        return [other for other in self.determination.items
                if other.index != self.item.index and other.rationale is not None]

    def letter_part(self, span: Span) -> Part:
        """Another stretch of the letter (another item's title, say) as a part to quote."""
        return _part(self.text, "letter", span)

    def with_context(self, evidence: list[Evidence]) -> list[Evidence]:
        """`evidence` and, after each piece shorter than its sentence (of the summary, the
        rationale, the item's title or its heading), that sentence marked as context."""
        out = list(evidence)
        for ev in evidence:
            if ev.context or ev.part not in ("summary", "rationale", "title", "preamble"):
                continue
            sentence = self.part(ev.part).sentence_at(ev.start, ev.end)
            if sentence is not None and (sentence.start, sentence.end) != (ev.start, ev.end):
                out.append(sentence.model_copy(update={"context": True}))
        return dedupe(out)

    def header_evidence(self, name: str) -> tuple[object, Evidence] | None:
        """A header field's value and its evidence (raw offsets), if the header has it."""
        found = self.determination.header.get(name)
        if found is None:
            return None
        start, end = ((found.span.start, found.span.end) if found.in_raw
                      else self.text.raw_span(found.span.start, found.span.end))
        return found.value, Evidence(start=start, end=end, quote=self.text.raw[start:end],
                                     part="header", page=self.text.page_of(start))


def resolve(readings: list[Reading], order: tuple[EvidenceSource, ...],
            rank: dict[Any, int] | None = None, rank_first: bool = False,
            rank_reason: str = "the more specific reading wins", latest: bool = False,
            first: Reading | None = None, first_reason: str | None = None,
            **extra: Any) -> Fact:
    """Combine readings into one Fact. The first part in `order` that has a reading wins; within
    a part, the reading with the lowest `rank` (or the first; with `latest`, the last: the latest
    record of a summary told in order) wins. Disagreeing readings are all kept, with the reason
    for the choice."""
    if not readings:
        raise ValueError("no readings")
    position = {name: i for i, name in enumerate(order)}
    rank = rank or {}

    def key(indexed: tuple[int, Reading]) -> tuple[int, int, int]:
        i, reading = indexed
        where = position.get(reading.part, len(order))
        specific = rank.get(_plain(reading.value), 0)
        i = -i if latest else i
        return (specific, where, i) if rank_first else (where, specific, i)

    ordered = [r for _, r in sorted(enumerate(readings), key=key)]
    winner = ordered[0]
    distinct = {_plain(r.value) for r in readings}
    evidence = [e for r in ordered if _plain(r.value) == _plain(winner.value) for e in r.evidence]
    fact = Fact(value=winner.value, known=True, evidence=dedupe(evidence),
                qualifier=winner.qualifier, upper=winner.upper, **extra)
    if len(distinct) > 1:
        loser = next(r for r in ordered if _plain(r.value) != _plain(winner.value))
        if rank_first and rank.get(_plain(winner.value), 0) < rank.get(_plain(loser.value), 0):
            why = rank_reason
        elif loser.part != winner.part:
            why = _WHY.get((winner.part, loser.part), "part precedence")
        elif rank:
            why = f"within one part, {rank_reason}"
        elif latest:
            why = "the last statement in the part, the latest record, wins"
        elif first_reason and winner is first:
            why = first_reason
        else:
            why = "the first statement in the part wins"
        fact.readings = ordered
        fact.resolution = (
            f"{_show_reading(winner)} (from the {winner.part}) wins over "
            f"{_show_reading(loser)} (from the {loser.part}): {why}"
        )
    return fact


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


def _show_reading(reading: Reading) -> str:
    """A reading as the letter put it: 'at least 22', '20 to 22', 'not documented'."""
    return Fact(value=reading.value, known=True, qualifier=reading.qualifier,
                upper=reading.upper).display()


# another injury or claim than this one's: its treatment and operations are not this request's
EARLIER_CLAIM = regex.compile(
    # the other claim named back: "Under that claim she received 18 chiropractic visits during
    # 2015" (this one is "this claim")
    r"\b(?:under|on|for|with)\s+that\s+(?:earlier\s+|prior\s+|other\s+)?(?:claim|injury)\b|"
    # (not "Prior care for this injury")
    r"\b(?:prior|previous|earlier|another|separate|older|former|different|other)\s+(?!to\b)"
    r"(?:(?!(?:this|current|same|present)\b)[\w-]+\s+){0,3}?(?:injury|injuries|claims?)\b|"
    # "a history of a non-industrial right shoulder injury in 2014, for which he attended over
    # two dozen sessions of physical therapy"
    # ("a non-industrial hip replacement")
    r"\bnon-?\s?industrial\s+(?:[\w-]+\s+){0,3}?(?:injury|injuries|condition|accident|surgery|"
    r"replacement|arthroplasty|operation|arthroscopy|fusion)\b|"
    # "a right total hip arthroplasty in 2009, unrelated to work, after which she completed 24
    # sessions of aquatic therapy"
    r"\bunrelated\s+to\s+(?:(?:her|his|their|the)\s+)?(?:work|employment|job|(?:industrial|"
    r"work(?:-related)?)\s+(?:injury|claim))\b|"
    # "a 2005 claim against a previous employer for a neck strain, for which she received 16
    # physical therapy visits"
    r"\b(?:claim|injury)\s+(?:against|with|at)\s+(?:an?|his|her|their|the)\s+(?:previous|prior|"
    r"former|earlier|different|other)\s+employer\b|"
    # "the 12 sessions noted were under a 2014 lumbar claim": a claim of another year
    r"\b(?:under|from|on|for|with)\s+(?:an?|the|that|his|her|their)\s+(?:19|20)\d\d\s+"
    r"(?:[\w-]+\s+){0,2}?(?:claim|injury)\b",
    regex.IGNORECASE)
# where a clause ends: a comma or semicolon, or a contrast ("but", "however" ...)
CLAUSE_BREAK = regex.compile(r"[;,]|\b(?:but|however|although|whereas|while)\b",
                             regex.IGNORECASE)


def clause_around(text: str, position: int, breaks: regex.Pattern = CLAUSE_BREAK) -> str:
    """The clause of `text` that holds `position`: between the nearest `breaks` either side."""
    start = 0
    for m in breaks.finditer(text, 0, position):
        start = m.end()
    end_match = breaks.search(text, position)
    return text[start:end_match.start() if end_match else len(text)]


# where a list's entries part: commas and semicolons ("splinting, an injection, surgery; and
# postoperative therapy"), or commas only
LIST_BREAK = regex.compile(r"[,;]")
COMMA = regex.compile(",")


def list_entry(text: str, start: int, end: int, breaks: regex.Pattern = LIST_BREAK) -> str:
    """The entry of a list (between the nearest `breaks` either side) that holds
    text[start:end]."""
    lo = max((b.end() for b in breaks.finditer(text, 0, start)), default=0)
    hi = next((b.start() for b in breaks.finditer(text, end)), len(text))
    return text[lo:hi]


def dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    out = []
    for e in evidence:
        if (e.start, e.end) not in seen:
            seen.add((e.start, e.end))
            out.append(e)
    return out
