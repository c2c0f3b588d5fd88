"""What happened before the request: prior sessions of the same modality and whether they
produced functional improvement.

Negation follows the ConText idea (a trigger, a scope that runs to the end of the clause, and
terminators such as "but"): "without significant pain relief or functional improvement" and "no
documentation indicating objective functional improvement" are negated readings; "has plateaued"
is its own not-documented reading; "resulted in increased pain" is a worsened one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from ..models import Evidence, Fact, Reading
from ..textdates import MONTH_NAMES, month_number
from ..vocabulary import NAMED_REGIONS, CountQualifier, FunctionalImprovement
from . import categories
from .criteria import _UR_REASON, DRUG, UR_SUBJECT, said_by_ur
from .dates import find_dates
from .numbers import NUMBER, ORDINAL, ORDINAL_WORDS, numbers_in, ordinal_value, to_int
from .parts import (
    CLAUSE_BREAK,
    COMMA,
    EARLIER_CLAIM,
    RECORD_ORDER,
    ItemText,
    Part,
    Sentence,
    clause_around,
    dedupe,
    list_entry,
    other_side,
    resolve,
)
from .visits import HOURS_A_DAY, all_visits, weekly_frequency

_N = NUMBER
# the words of an authorisation: "12 authorized visits", "certified 6 sessions"
_AUTHORISED = r"(?:authori[sz]ed|certified|approved)"
# (a programme counts in full days: "She completed 10 days of a functional restoration program")
_PROGRAMME_NAME = (r"(?:functional\s+restoration|work\s+(?:hardening|conditioning)|FRP|HELP|"
                   r"(?:interdisciplinary|multidisciplinary)\s+pain)")
# a programme also counts in hours (full days of 8: "completed 80 hours of the program") and,
# for a programme item only, in days of "treatment" or of "the program" ("after 10 days of
# treatment")
# (a doubled letter typed once too often: "she has completed 6 sesssions of postoperative
# physcial theraphy")
_UNIT = (r"(?:ses{1,3}ions?|visits?|treatments?|"
         # ("a trial of six chiropractic adjustments to the lumbar spine")
         r"(?<=\bchiropractic\s)(?:adjustments?|manipulations?)|"
         # ("the records document physical therapy on six dates of service")
         r"dates\s+of\s+service|"
         # ("20 days (160 hours) of a functional restoration program")
         rf"days?(?=\s+(?:\(\s*\d{{2,3}}\s*(?:hours?|hrs?)\s*\)\s+)?(?:of|in)\s+"
         rf"(?:(?:a|an|the|his|her|their)\s+)?{_PROGRAMME_NAME}\b)|"
         r"(?P<programme_days>days?)(?:(?=\s+(?:of|in)\s+(?:treatment|the\s+program(?:me)?)\b"
         # "completed 10 full days (80 hours) between 06/01/2015 and 06/12/2015"
         r"|\s*\(\s*\d{2,3}\s*(?:hours?|hrs?)\s*\)"
         # "(10 full days, 80 hours)", "10 days have been completed"
         r"|\s*,\s*\d{2,3}\s*(?:hours?|hrs?)\s*\)|\s+(?:have|has|had)\s+been\s+(?:completed|"
         r"attended))"
         # "The patient has completed 10 program days", "attended 5 program days" ("He
         # attended ten of ten scheduled days", "she attended ten full days from 4/7/14"; not
         # the days glossing hours, "modified the program to 80 hours (10 full days)")
         r"|(?<=\b(?:program(?:me)?|scheduled)\s+days?)|(?<=(?<!\(\s*\w+\s+)\bfull[\s-]+days?))|"
         r"(?P<hours>hours?)(?=\s+(?:of|in)\s+(?:(?:a|an|the|his|her|their)\s+)?"
         rf"(?:{_PROGRAMME_NAME}|program(?:me)?)\b))")
_PROGRAMMES = frozenset({"functional_restoration", "work_conditioning"})
_THERAPY_WORD = regex.compile(r"\btherap(?:y|ies|ist)\b", regex.IGNORECASE)
# a programme's own unit, the full day: "The applicant completed 10 full-day sessions (80 hours)"
_FULL_DAYS = regex.compile(r"\bfull[- ]days?\b", regex.IGNORECASE)
_AFTER = regex.compile(r"\bafter\s+$", regex.IGNORECASE)
_COUNT = regex.compile(
    rf"(?P<qual>at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|(?:no|not)\s+more\s+than|at\s+most|"
    rf"more\s+than|over|in\s+excess\s+of|"
    rf"approximately|about|around|roughly|some|nearly)?\s*"
    # (not the end of a date or a ratio: "As of 12/13/16 she had attended six treatment
    # sessions" counts six, not 16)
    rf"(?<![\w./-])(?P<low>{_N})(?P<plus>\+)?(?:\s*(?:-|–|to)\s*(?P<high>{_N}))?\s+"
    # (no unit of time between: "1 to 2 days after each treatment" counts no treatments)
    # (nor a measure: "grip strength improved ... to 15 kg by the last session")
    rf"(?:\(?(?!(?:days?|weeks?|months?|years?|hours?|minutes?|kg|kgs|lbs?|pounds?|degrees?|"
    rf"mm|cm|inches|feet|ft|percent|points?|mg|"
    # (nor kinds: "run two different treatments together")
    rf"different|separate|distinct|kinds?|types?)\b)[A-Za-z][A-Za-z-]*"
    # (two names for one course: "18 chiropractic/physiotherapy visits")
    rf"(?:/[A-Za-z][A-Za-z-]*)?\)?\s+){{0,4}}?"
    # a gloss of the treatment's abbreviation: "4 post-operative OT (occupational therapy) sessions"
    rf"(?:\([A-Za-z][A-Za-z\s-]{{0,40}}\)\s+)?"
    rf"{_UNIT}\b"
    rf"(?!\s*(?:clinical\s+)?(?:trial|course)|\s+(?:are\s+|is\s+)?(?:allowed|per\s+(?:industrial\s+)?"
    # (nor a rate: "at two visits per week, the employee has had approximately 30")
    # (nor a count per episode: "prior flare-ups have been treated with 1 or 2 visits each")
    rf"injury)|\s+(?:per|a|each|every)\s+(?:week|month)\b|\s+each\b)",
    regex.IGNORECASE,
)
# the kind of a session, said after the count ("4 were aquatic"), and the treatment it names
_KIND_WORDS = r"aquatic|pool(?:-based)?|land-based|chiropractic|acupuncture|massage"
_KIND_OF_SESSION = rf"(?:in\s+the\s+)?(?:{_KIND_WORDS})\b"
_OF_THE = regex.compile(r"\bof\s+the\s+$", regex.IGNORECASE)
_PART_OF_KIND = regex.compile(rf"[^,.;]{{0,40}},\s*(?:only\s+)?{_N}\s+(?:of\s+them\s+)?"
                              rf"(?:were|was)\s+{_KIND_OF_SESSION}", regex.IGNORECASE)
_KIND_SAID = regex.compile(rf"\b(?:were|was)\s+(?:in\s+the\s+)?(?P<kind>{_KIND_WORDS})$",
                           regex.IGNORECASE)
_KINDS = {"aquatic": "aquatic_therapy", "pool": "aquatic_therapy", "land": "physical_therapy",
          "chiropractic": "chiropractic", "acupuncture": "acupuncture", "massage": "massage"}
# "a 10-visit course of physical therapy"
# (and one the patient went through: "The employee completed the 6-visit trial between 7/22/2013
# and 8/2/2013")
_COURSE_COUNT = regex.compile(
    rf"\b(?:a|an|one|the|his|her|their)\s+(?P<low>{_N})[- ](?:visit|session|treatment)\s+"
    rf"(?:course|trial|program(?:me)?)\s+(?:of|with)\b|"
    # ("completed a 12-session work conditioning program")
    rf"(?<=\b(?:completed|finished|attended|underwent|had)\s+)(?:a|an|the|his|her|their)\s+"
    rf"(?P<low>{_N})[- ](?:visit|session|treatment)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:course|trial|program(?:me)?)\b|"
    # a course told by what followed it: "8 PT visits 05-06/2016 with minimal benefit, then a
    # 6-visit chiropractic trial in 10-2016 after which the Oswestry improved"
    rf"\b(?:a|an)\s+(?P<low>{_N})[- ](?:visit|session|treatment)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:course|trial|program(?:me)?)\b(?=[^.;]{{0,40}}?\bafter\s+which\b)|"
    # "The treating chiropractor provided a trial of six treatments"
    rf"(?<=\b(?:completed|finished|attended|underwent|had|provided|received|gave|given)\s+)"
    rf"(?:a|an|the|his|her|their)\s+(?:initial\s+|therapeutic\s+)?(?:trial|course)\s+of\s+"
    rf"(?P<low>{_N})\s+(?:visits|sessions|treatments)\b|"
    # the course, then that it was had: "A chiropractic trial of 6 visits was then authorized and
    # completed in November and December"
    rf"\b(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:trial|course)\s+of\s+"
    rf"(?P<low>{_N})\s+(?:visits|sessions|treatments)\s+(?P<attended>(?:was|had\s+been)\s+"
    r"(?:then\s+|subsequently\s+)?(?:(?:authorized|approved|certified)\s+and\s+)?"
    r"(?:completed|attended|given|provided|finished))\b|"
    # the part of an authorisation attended: "Of the 12 visits authorized in August, 8 were
    # attended"
    rf"(?<=\bof\s+the\s+{_N}\s+(?:visits|sessions|treatments)\s+(?:authorized|approved|"
    rf"certified)[^,.;]{{0,40}},\s*)(?P<low>{_N})\s+(?P<attended>(?:were|had\s+been)\s+(?:attended|"
    rf"completed|used|given))\b|"
    # the part of a course that was of one kind: "He has had 12 physical therapy sessions ...,
    # the first 4 of which were aquatic", "Of the 12 therapy sessions completed for this claim,
    # only 4 were aquatic"
    rf"(?<=,\s*the\s+(?:first|last|initial|final|most\s+recent)\s+)(?P<low>{_N})\s+of\s+"
    rf"(?:which|them|those)\s+(?:were|was)\s+{_KIND_OF_SESSION}|"
    rf"(?<=\bof\s+the\s+{_N}\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|treatments)\b"
    rf"[^,.;]{{0,40}},\s*)(?:only\s+)?(?P<low>{_N})\s+(?:of\s+them\s+)?(?:were|was)\s+"
    rf"{_KIND_OF_SESSION}|"
    # ("12 visits were authorized and 6 were attended")
    rf"(?<=\b{_N}\s+(?:visits|sessions|treatments)\s+(?:were|had\s+been)\s+(?:authorized|"
    rf"approved|certified),?\s+and\s+)(?P<low>{_N})\s+(?P<attended>(?:were|had\s+been)\s+"
    rf"(?:attended|completed|used|given))\b",
    regex.IGNORECASE)
_PAST = regex.compile(
    r"\b(?:had|has\s+had|have\s+had|completed|attended|participated|received|underwent|exhausted|"
    # "he entered the functional restoration program, completing 10 days (80 hours) between
    # 7/15/2013 and 7/26/2013" (not "will be completing")
    r"(?<!\bbe\s)(?:completing|attending)|"
    r"undergone|previously|already|to\s+date|thus\s+far|so\s+far|"
    # a dated entry of the history's list: "06/02/2014 to 07/11/2014: postoperative physical
    # therapy, 12 visits", "September to November 2013: physical therapy, 8 visits"
    r"(?<=(?:^|[\n\u2022\u25cf\u25aa*])[^\w\n]{0,3})[A-Za-z0-9][A-Za-z0-9/,. -]{0,40}?\b"
    r"(?:19|20)\d\d(?=\s*:)|"
    # what followed a course: "then a 6-visit chiropractic trial in 10-2016 after which the
    # Oswestry improved"
    r"after\s+which|"
    # the record of sessions given: "the invoices list 12 sessions through August 25, 2015"
    r"(?:invoices|bills|billing\s+records|ledger|logs?|sign-?in\s+sheets?|flow\s*sheets?|"
    r"treatment\s+notes)\s+(?:list|lists|listed|show|shows|showed|record|records|recorded)|"
    # ("The skilled nursing facility discharge summary documents 9 physical therapy sessions")
    r"discharge\s+summar(?:y|ies)\s+(?:documents?|documented|lists?|listed|shows?|showed|"
    r"records?|recorded|notes?|noted)|"
    # ("A home health agency summary shows six home physical therapy visits in August 2016",
    # "The orthopedic progress note of 09/20/2016 lists 8 outpatient sessions")
    r"\b(?:summary|records|notes?|report)\s+(?:(?:of|dated|from)\s+[\d/.-]+\s+)?(?:lists|listed|"
    r"shows|showed|documents|documented)\b|"
    # ("The 12 visits in the first facility's discharge summary and the 8 visits at the second
    # facility account for a total of 20 postoperative visits")
    r"\baccount(?:s|ed)?\s+for\s+a\s+total\s+of\b|"
    # (not a review's: "The prior reviewer supported only 1 to 2 visits for education")
    r"(?:prior|previous|earlier)(?!\s+(?:utilization|UR\b|IMR\b|review|determination|decision|"
    r"denial))|"
    # (not "the services to be provided at each of 6 office visits")
    r"approved|authorized|certified|through|since|alone|throughout|history|treated|"
    r"(?<!\bto\s+be\s+)provided|"
    # "only 6 of those visits were directed to it" (the shoulder)
    r"(?:was|were|had\s+been)\s+directed\s+(?:to|at)|"
    r"furnished|delivered|administered|"
    # "She was given six acupuncture treatments between 8/6/2013 and 9/12/2013"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+given|"
    r"(?:has|have|had)\s+included|consist\w*\s+of|"
    # "the patient did receive 6 visits of occupational therapy", "stated that 6 occupational
    # therapy visits have helped"
    r"did\s+(?:receive|complete|attend|undergo)|(?:has|have|had)\s+(?:helped|benefit+ed)|"
    # "documented completion of 6 postoperative visits", "a further 6 visits had been completed"
    r"completion\s+of|(?:has|have|had)\s+been\s+completed|"
    # what followed a course: "After six physical therapy visits her shoulder flexion improved
    # from 110 to 160 degrees"
    r"^\W*(?:after|following)\s+(?:(?:her|his|their|the)\s+)?(?:\d{1,2}|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,4}?(?:visits?|sessions?|"
    r"treatments?)\b,?\s+(?:[\w'\u2019-]+\s+){0,6}?(?:was|were|had|\w+ed)\b|"
    # a note's shorthand, a count with when it was given: "Six chiropractic visits in July:
    # Oswestry 44% to 26%", "8 PT sessions 2015, no help"
    r"^\W*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:visits?|sessions?|treatments?)\s+(?:(?:in|during|from|between)\s+"
    rf"(?:{MONTH_NAMES})|(?:(?:in|during|from|between)\s+)?(?:(?:19|20)\d\d\b|"
    r"\d{1,2}/\d{1,2}/))|"
    # "The submitted records included PT notes from 8 visits"
    r"notes\s+from(?=\s+(?:the\s+)?\d)|"
    # "The hand therapy notes submitted for this review document 4 visits"
    # ("A note dated 03-29-2016 documented 6 more visits")
    # ("On September 27, 2016 the surgeon documented 8 additional therapy sessions")
    r"(?:notes?|records?|surgeon|physician|provider|therapist|doctor|chiropractor)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:document|documented|record|recorded|show|showed|"
    r"reflect|reflected|list|listed)(?=\s+(?:a\s+total\s+of\s+)?(?:\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve)\b))|"
    # "Treatment rendered included 18 sessions of land-based physical therapy", "Past
    # treatments included ... 6 sessions of physical therapy"
    r"(?:treatments?|therap(?:y|ies)|care)\s+(?:rendered\s+|provided\s+|given\s+|to\s+date\s+)?"
    r"(?:included|includes)|past\s+(?:treatments?|therap(?:y|ies)|care))\b",
    regex.IGNORECASE,
)
_REQUEST = regex.compile(
    # ("the physician's plan (\"MT C/S x4 adj to HEP\") asks for four massage visits")
    r"\b(?:request\w*|reqquest\w*|authorization\s+for|RFA|prescri\w+|ask(?:ed|s)\s+for|"
    r"plan\s+(?:included|includes|include)|is\s+(?:not\s+)?medically\s+necessary)\b",
    regex.IGNORECASE)
# the count is what the sentence decides: "..., occupational therapy twelve (12) sessions for the
# right hand and wrist is not medically necessary"
_DECIDED_AFTER = regex.compile(r"[^.;]{0,80}?\b(?:is|are|was|were)\s+(?:not\s+)?medically\s+"
                               r"necessary\b", regex.IGNORECASE)
_AT_LEAST = {"at least", "a minimum of", "no fewer than", "more than", "over", "in excess of"}
# an upper bound told as a count: "the progress note documents no more than 6 postoperative
# visits to date"
_AT_MOST = {"no more than", "not more than", "at most"}
# "had not had any recent PT", "has not received chiropractic treatment", "no record of
# chiropractic care", "has not previously participated in a work conditioning program"
_NEVER_BEFORE = regex.compile(
    # ("The applicant has not, however, received any physical therapy")
    r"\b(?:(?:has|had|have)\s+not\s*(?:,\s*(?:however|though|moreover|in\s+fact|to\s+date|as\s+yet|"
    r"apparently)\s*,\s*)?(?:yet\s+)?(?:previously\s+)?(?:had|received|undergone|"
    r"attended|participated\s+in|taken\s+part\s+in|started|tried|"
    # "she had not been able to start pool therapy because the facility ... was closed"
    r"been\s+able\s+to\s+(?:start|begin|attend))|(?:hasn't|hadn't|haven't)\s+(?:had|received)|"
    r"never\s+(?:had|received|attended|participated\s+in|taken\s+part\s+in|took\s+part\s+in|"
    r"tried)|"
    # "There was no mention of the applicant's having received acupuncture"
    r"no\s+mention\s+of\s+(?:the\s+)?(?:applicant|patient|claimant|injured\s+worker|employee)"
    r"(?:'s|\u2019s)?\s+(?:having\s+)?(?:received|had|undergone|attended|tried)|"
    # "the right shoulder has not been treated with physical therapy"
    r"(?:has|have|had)\s+(?:not|never)\s+(?:yet\s+)?been\s+treated\s+with|"
    r"(?:do|does|did)\s+not\s+(?:show|document|indicate|reflect|demonstrate)\s+that\s+(?:the\s+)?"
    r"(?:patient|claimant|applicant|injured\s+worker|IW|he|she)\s+(?:has|had|have)\s+"
    r"(?:had|received|undergone|attended|tried)|"
    # "The medical documents do not indicate any prior acupuncture"
    r"(?:do|does|did)\s+not\s+(?:document|show|mention|indicate|reflect)|no\s+(?:record|history|"
    r"documentation)\s+of|without\s+any\s+prior|no\s+(?:prior|previous|recent|earlier)|"
    # "There was no indication the patient has had prior physical therapy"
    r"no\s+(?:indication|evidence|documentation|record)\s+(?:that\s+|(?:indicating|showing|"
    r"documenting)\s+(?:that\s+)?)?(?:the\s+)?(?:patient|"
    r"claimant|applicant|injured\s+worker|IW|he|she)\s+(?:(?:has|had|have)\s+(?:previously\s+|"
    r"ever\s+)?(?:had|received|undergone|attended|tried|participated\s+in)|"
    # "There is no documentation the injured worker received massage therapy previously."
    r"(?:previously\s+|ever\s+)?(?:received|underwent|attended|tried|participated\s+in))|"
    r"(?:does|did)\s+not\s+appear\s+(?:that\s+)?(?:the\s+\w+\s+)?(?:has|had|have)\s+"
    r"(?:undergone|had|received|attended|tried)|"
    # the request named a first course: "This is the first course of therapy requested for the
    # right shoulder", "this is the patient's first course of acupuncture"
    # ("This is therefore a first course of aquatic therapy")
    r"(?:this|it|the\s+(?:current\s+)?request)\s+(?:is|would\s+be)\s+(?:(?:therefore|thus|then)\s+)?"
    r"(?:(?:his|her|their|the|a)\s+)?"
    r"(?:(?:patient|claimant|applicant|employee|injured\s+worker)(?:'s|\u2019s)\s+)?(?:very\s+)?"
    r"first\s+(?:course|trial|round)\s+of|"
    r"\bno\b)(?:\s+(?:any|a|an|the))?(?:\s+(?:recent|prior|previous|earlier|postoperative|"
    r"post-operative|supervised|formal))*\s+(?P<what>[A-Za-z][A-Za-z -]{1,40}\b)",
    regex.IGNORECASE)
# (a finding on the treatment's result, not on where or whether it was given: not "did not
# indicate that the prior chiropractic care was directed to the cervical spine")
_THAT_CLAUSE = regex.compile(r"that\b(?=[^.;]{0,60}?\b(?:failed|fail|fails|helped|worked|"
                             r"(?:in)?effective|benefit\w*|improv\w+)\b)", regex.IGNORECASE)
_NO_OUTCOME = regex.compile(r"(?:(?:objective|documented|significant|functional|measurable|"
                            r"lasting|sustained)\s+)*(?:FI|improvement|benefit|relief|response|"
                            r"gains?|progress)\s+(?:from|with|after|of)\b", regex.IGNORECASE)
# ("there is no basis to extend acupuncture for the neck")
_NO_REASON = regex.compile(r"(?:clear\s+|clinical\s+|medical\s+)?(?:rationale|reason|indication|"
                           r"justification|need|evidence|documentation|support|plan|basis|"
                           r"grounds?)\b|"
                           # the reviewer's view of the treatment: "I have no quarrel with aquatic
                           # therapy for this lady", "no objection to acupuncture"
                           r"(?:quarrel|objection|disagreement|argument|dispute|problem|issue)s?"
                           r"\s+(?:with|to|about|against|regarding)\b", regex.IGNORECASE)
# the guideline's course defined in the reviewer's words: a figure, not sessions had
_DEFINED_COURSE = regex.compile(r"\b(?:initial|general|subsequent)\s+course\s+(?:of\s+therapy\s+)?"
                                r"(?:is|would\s+be|equals|means)\b", regex.IGNORECASE)
# not given for a while, so given before: "... in approximately two years", "... since 2014"
_NOT_SINCE = regex.compile(
    # ("No physical therapy or other supervised therapy since 2010")
    r"(?:\s+(?:or|and)\s+(?:other\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:therapy|therapies|treatment|"
    r"care))?"
    # ("No chiropractic treatment has been provided since 3-22-2016")
    # ("had not received any chiropractic manipulative therapy since August 2015")
    r"(?:\s+(?:[\w-]+\s+)?(?:treatment|care|therapy|sessions|visits))?(?:\s+(?:has|have|had)\s+been\s+"
    r"(?:provided|given|received|administered|rendered|done))?"
    r"\s*(?:(?:in|for|during)\s+(?:the\s+)?(?:well\s+)?(?:over\s+|more\s+than\s+|approximately\s+|about\s+|"
    r"nearly\s+|almost\s+|last\s+|past\s+)?(?:a|one|two|three|four|five|six|several|many|\d+)\s+"
    r"(?:years?|months?)|"
    # ("he has had no chiropractic care in the two and a half years since")
    r"(?:in|for|during)\s+the\s+(?:[\w-]+\s+){1,5}?(?:years?|months?)\s+since\b|"
    # none after a course the letter tells: "He had no further chiropractic care or other
    # formal therapy after that course"
    r"(?:after|following)\s+(?:that|this|the\s+(?:\w+\s+)?)\s*(?:course|trial|round)\b|"
    # (not since an earlier claim closed: "he has had no chiropractic treatment since that claim
    # closed in 2011", none for this claim)
    r"since\b(?!\s+(?:that|the|his|her)\s+(?:(?:earlier|prior|previous|other|old)\s+)?claim\s+"
    r"(?:was\s+)?(?:closed|settled|ended))|recently\b|lately\b|"
    # none before a course the letter tells: "There is no record of physical therapy before that
    # course" (the 8 visits just told)
    r"(?:before|prior\s+to)\s+(?:that|this|the\s+(?:\w+\s+)?)\s*(?:course|trial|round|"
    r"authori[sz]ation)\b|(?:before|prior\s+to)\s+(?:then|that)\b|"
    # none in the years before this injury: "had no treatment for her back from 2007 until this
    # injury" (says nothing of the treatment since)
    r"[\w\s,-]{0,50}?\b(?:until|before|prior\s+to)\s+(?:this|the\s+(?:current|present|"
    r"industrial))\s+(?:injury|claim|accident)\b)", regex.IGNORECASE)
# none since an operation is none since the surgery ("no therapy since the hardware removal"),
# not a course given before a later time
_SINCE_AN_OPERATION = regex.compile(
    rf"\G(?:\s+[\w-]+){{0,5}}?\s+since\s+(?:the\s+|his\s+|her\s+)?(?:[\w/,-]+\s+){{0,3}}?"
    rf"{categories.OPERATION_NOUN}\b", regex.IGNORECASE)
# what the record lacks about a treatment given: "do not document the number of physical
# therapy sessions completed", "no documentation of the results of prior acupuncture"
# what a record of the treatment tells (its number, dates, outcome ...)
_ATTRIBUTE_NOUN = r"number|count|amount|quantity|frequency|dates?|duration|results?|outcomes?"
_ATTRIBUTE = regex.compile(rf"(?:exact\s+|total\s+|precise\s+|specific\s+)?(?:{_ATTRIBUTE_NOUN}|"
                           r"response|efficacy|benefit|progress|details|how\s+many|total)\b",
                           regex.IGNORECASE)
# ... or its words after one: "The number of chiropractic sessions completed to date has not been
# provided"
_ATTRIBUTE_OF = regex.compile(rf"\b(?:{_ATTRIBUTE_NOUN})\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
# what "postoperative therapy" with no other word names
_POSTOP_THERAPY = frozenset({"physical_therapy", "occupational_therapy"})
# physical and occupational therapy under one count: "#24 sessions PT/OT completed"
_BOTH_THERAPIES = regex.compile(r"\s*(?:of\s+)?(?:PT|physical\s+therapy)\s*(?:/|and|or)\s*"
                                r"(?:OT|occupational\s+therapy)\b|\s*(?:of\s+)?(?:OT|occupational"
                                r"\s+therapy)\s*(?:/|and|or)\s*(?:PT|physical\s+therapy)\b",
                                regex.IGNORECASE)
# one course under either name: hand therapy given for a physical therapy request
_SIBLING_THERAPY = {"physical_therapy": "occupational_therapy",
                    "occupational_therapy": "physical_therapy"}
# "Postoperative physical therapy had not yet been started", "No ... had been provided"
_NOT_YET_DONE = (
    r"(?:(?:had|has|have)\s+not\s+(?:yet\s+|previously\s+|"
    r"ever\s+)?been|(?:had|has|have)\s+never\s+been|(?:was|were)\s+never)\s+(?:previously\s+)?"
    r"(?:started|provided|given|done|initiated|attempted|authorized|tried|rendered|performed|"
    r"administered)\b")
_NOT_YET_STARTED = regex.compile(
    # ("Chiropractic care has not been tried", "massage has not been previously provided",
    # "acupuncture has never been tried")
    # (its words whole: not "f chiropractic sessions completed to date" of "The number of
    # chiropractic sessions completed to date has not been provided")
    # (a date may place it: "the aquatic program prescribed in October 2016 was never started")
    r"(?<![A-Za-z])(?P<what>[A-Za-z][A-Za-z -]{1,40}?(?:\s+(?:in|on)\s+[A-Za-z]*\s*[\d/-]{4,10})?)"
    r"\s+" + _NOT_YET_DONE, regex.IGNORECASE)
# its verb alone, found first: the treatment's words before it are tried at every position
# of a sentence, a hundred times the cost
_NOT_YET_DONE_VERB = regex.compile(_NOT_YET_DONE, regex.IGNORECASE)
_PAPERWORK = regex.compile(r"\s*(?:\w+\s+)?(?:notes?|records?|reports?|documentation|progress|"
                           r"evaluations?)\b", regex.IGNORECASE)
# the papers of the treatments a list names, not the treatments: "No physical therapy or
# chiropractic notes"
_PAPERS_LAST = regex.compile(r"\b(?:notes?|records?|reports?|documentation)\s*$",
                             regex.IGNORECASE)
# a list of treatments: short items joined by commas, "or", "nor" or "and", no verb between
_LIST_ITEM = r"(?:(?!(?:has|had|have|was|were|is|are|received|underwent|but)\b)[A-Za-z-]+\s*){1,4}"
_NEGATED_LIST = regex.compile(
    rf"{_LIST_ITEM}(?:(?:,\s*(?:(?:or|nor|and)\s+)?|\s+(?:or|nor|and)\s+){_LIST_ITEM}){{1,6}}",
    regex.IGNORECASE)
# ("no formal therapy since 2013", "no supervised therapy")
_GENERIC_THERAPY = regex.compile(r"^(?:(?:post-?operative|formal|supervised|skilled)\s+)?"
                                 r"(?:therapy|treatment|tx)\b", regex.IGNORECASE)
# (not a limit: "work conditioning, up to 10 sessions over no more than 4 weeks")
_MORE_OF_IT = regex.compile(r"\b(?:additional|further|continued|"
                            r"(?<!\b(?:no|not)\s)more(?!\s+than\b)|another|repeat)\b",
                            regex.IGNORECASE)
# "prior" of a review ("The prior reviewer authorized a trial of 6 sessions") is not treatment
_HISTORY = regex.compile(
    r"\b(?:treatment\s+to\s+date|treated\s+with|has\s+been\s+treated|thus\s+far|"
    # "was then referred to physical therapy and was treated from 01/12/2015 through ..."
    r"(?:was|were)\s+treated\s+(?:from|between|since)|"
    # "The treatment and diagnostic testing to date has included: ..."
    r"to\s+date\s+(?:has|have)\s+(?:included|consisted\s+of)|"
    # (not the request itself: "this would appear to be her initial course of physical therapy")
    r"had\s+(?:a|an)\s+(?:\w+\s+)?course|"
    r"(?<!\b(?:is|be|as)\s+(?:her|his|their|the|an?)\s+(?:initial|first)\s+)course\s+of|"
    r"participated\s+in|(?:previous|prior|earlier)(?!\s+(?:to\b|utilization|UR\b|IMR\b|review|"
    r"determination|decision|denial|request|RFA\b|authori[sz]ation))|"
    r"had\s+(?:some|extensive)|completed|"
    r"received|has\s+had|previously\s+(?:had|received|underwent|undergone|attended|completed|"
    r"tried|participated)|"
    r"underwent|benefit\w*\s+from|following\s+(?:some|earlier|extensive)|(?:has|have|had)\s+"
    r"attended|in\s+the\s+past|past\s+(?:treatments?|therapies|care)\s+(?:has\s+|have\s+)?"
    r"(?:included|includes|consisted|were|was)|"
    # "Treatment rendered included diagnostic testing, ..., physical therapy and follow up"
    r"(?:treatments?|care)\s+(?:rendered\s+|provided\s+|received\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:included|consisted\s+of))\b", regex.IGNORECASE)


_AND_PART = regex.compile(r"(?:,\s*|\b(?:and|plus)\s+)(?:(?:a|an)\s+(?:further|additional)\s+|"
                       r"another\s+)?$", regex.IGNORECASE)


_NAMED_COURSE_OF = regex.compile(r"\b(?:a|an|the|his|her|their)\s+(?P<what>(?:[\w-]+\s+){1,2}?)"
                                 r"(?:trial|course)\s+of\s+$", regex.IGNORECASE)


def count_modality(sentence: Sentence, start: int, end: int, item_modality: str | None,
                   in_rationale: bool) -> str | None:
    """Which treatment a count in a sentence refers to."""
    text = sentence.text
    # "Of the 12 therapy sessions completed for this claim, only 4 were aquatic": a whole of
    # several kinds, whose part of one kind is counted on its own
    if _OF_THE.search(text, max(0, start - 8), start) and _PART_OF_KIND.match(text, end):
        return None
    # "N sessions of X" / "N physical therapy sessions"
    # ("#6 sessions physical therapy authorized": the treatment may follow with no 'of')
    # (up to two words may stand between: "24 sessions of postoperative physical therapy")
    # (past a gloss of the count: "20 days (160 hours) of a functional restoration program")
    after = regex.match(r"\s*(?:\(\s*\d{1,3}\s*(?:hours?|hrs?)\s*\)\s*)?"
                        r"(?:(?P<of>of|with|in)\s+(?:the\s+)?)?", text[end:])
    if after:
        window = text[end:end + after.end() + 60]
        hit = categories.first(categories.MODALITY, window)
        between = window[after.end():hit.start] if hit else ""
        if hit and (hit.start <= after.end() + 1 or (
                after.group("of") and regex.fullmatch(r"\s*(?:[\w-]+\s*){1,2}", between))
                # "12 of 12 visits post-operative physical therapy"
                or regex.fullmatch(r"\s*post-?\s*op(?:erative)?\s*", between, regex.IGNORECASE)):
            return hit.value
    inside = categories.first(categories.MODALITY, text[start:end])
    if inside:
        return inside.value
    # "A chiropractic trial of 6 visits was then authorized and completed": the course named
    # just before its count
    if (named := _NAMED_COURSE_OF.search(text, max(0, start - 50), start)) and \
            (hit := categories.first(categories.MODALITY, named.group("what"))):
        return hit.value
    # "the first 4 of which were aquatic": the kind said after the count
    if kind := _KIND_SAID.search(text, start, end):
        return _KINDS[kind.group("kind").lower().split("-")[0]]
    # "The treating chiropractor provided a trial of six treatments ..., each visit consisting of
    # spinal manipulative therapy and myofascial release": the practitioner who gave them
    if (given := _GIVEN_BY.search(text, max(0, start - 120), start)) and \
            (practitioner := categories.modality(given.group("who"))):
        return practitioner
    # "#24 sessions PT/OT completed": the two under one count, the course of either
    if item_modality in _SIBLING_THERAPY and _BOTH_THERAPIES.match(text, end):
        return item_modality
    # "12 post-operative visits so far", "6 sessions of postoperative therapy": therapy after
    # the operation
    if item_modality in _POSTOP_THERAPY and (
            regex.search(r"post-?\s*operative", text[start:end], regex.IGNORECASE)
            or regex.match(r"\s+of\s+(?:\w+\s+)?post-?\s*op(?:erative)?\s+(?:therapy|"
                           r"rehabilitation|rehab)\b", text[end:end + 60], regex.IGNORECASE)):
        return item_modality
    # "Postoperatively, the patient completed 12 visits in November": visits after the
    # operation, in a sentence that names no treatment, are the therapy after it (not the
    # surgeon's: "6 visits with the surgeon"); another treatment named only after the count is
    # its own ("Since surgery she has attended 6 home health and 10 outpatient visits, 16
    # land-based visits, plus 2 aquatic sessions")
    if item_modality in _POSTOP_THERAPY and \
            categories.first(categories.MODALITY, text[:start]) is None and \
            _AFTER_OPERATION.search(text, 0, start) and not _WITH_DOCTOR.match(text, end):
        return item_modality
    # "unspecified physical therapy (at least 6 sessions approved)"
    before = [m for m in categories.mentions(categories.MODALITY, text[max(0, start - 60):start])]
    # ("rehabilitation physical therapy #12 sessions March through May 2013", a note's "chiro x
    # 18 visits 2/11 through 5/11")
    # (or a list after a colon: "several courses of physical therapy: 8 visits at Valley Spine &
    # Sport in 2014, ...")
    if before and text[max(0, start - 60) + before[-1].end:start].strip(" (#x\u00d7:") == "":
        return before[-1].value
    if before and "(" in text[max(0, start - 60) + before[-1].end:start]:
        return before[-1].value
    # "Physical therapy for this injury consisted of 10 visits from 04/2009 to 07/2009 and 4
    # visits in 02/2010": the course told by its parts
    if before and _CONSISTED.fullmatch(text, max(0, start - 60) + before[-1].end, start):
        return before[-1].value
    # (and the parts after the first: "... 10 visits from 04/2009 to 07/2009 and 4 visits")
    if (part := _AND_ALSO.search(text, max(0, start - 80), start)) and \
            _CONSISTED_BEFORE.search(text, max(0, part.start() - 40), part.start()):
        return count_modality(sentence, part.start("n"), part.end("unit"), item_modality,
                              in_rationale)
    # "She received myofascial release at each of the 6 trial visits"
    if before and _AT_EACH.fullmatch(text, max(0, start - 60) + before[-1].end, start):
        return before[-1].value
    # "chiropractic notes from 6 visits": the records of visits had
    if before and _NOTES_FROM.fullmatch(text, max(0, start - 60) + before[-1].end, start):
        return before[-1].value
    # "the records document physical therapy on six dates of service"
    if before and _ON_COUNT.fullmatch(text, max(0, start - 60) + before[-1].end, start):
        return before[-1].value
    # "Physical therapy for the neck, at least 20 sessions over the past two years, provided
    # temporary relief only": the count set off after the treatment and its place
    if before and _APPOSITIVE.fullmatch(text, max(0, start - 60) + before[-1].end, start):
        return before[-1].value
    # ("He had 24 therapy visits with measured gains and then a documented plateau", of a work
    # hardening request: a programme's days are not therapy visits)
    if item_modality in _PROGRAMMES and _THERAPY_WORD.search(text, start, end):
        return None
    # "The applicant completed 10 full-day sessions (80 hours) between 10/31/2016 and
    # 11/11/2016", in a sentence that names no treatment: the programme's days
    if item_modality in _PROGRAMMES and not sentence.modalities() and \
            _FULL_DAYS.search(text, start, end):
        return item_modality
    # "She completed 12 sessions of occupational therapy in 2015 and a further 6 sessions from
    # 03-2016 to 05-2016": a later part of the treatment counted just before, no other named
    # between
    if item_modality and _AND_PART.search(text, max(0, start - 30), start) and \
            (earlier := [m for m in _COUNT.finditer(text, 0, start)]) and \
            all(x.value == item_modality for x in categories.mentions(
                categories.MODALITY, text[earlier[-1].end():start])) and \
            count_modality(sentence, earlier[-1].start("low"), earlier[-1].end(), item_modality,
                           in_rationale) == item_modality:
        return item_modality
    if in_rationale and not sentence.modalities() - ({item_modality} if item_modality else set()):
        return item_modality
    # "She ... began occupational therapy on 10/17/2016. The therapy notes document 8 visits":
    # the notes of the therapy the sentence before names alone
    if item_modality and not sentence.modalities() and \
            _THERAPY_NOTES.search(text, 0, start) and _previous_names_only(sentence, item_modality):
        return item_modality
    # "... and a course of physical therapy; the therapy daily notes in the file document twelve
    # visits": the notes of the one treatment the sentence names before them
    if item_modality and sentence.modalities() == {item_modality} and \
            (notes := _THERAPY_NOTES.search(text, 0, start)) and \
            (named := categories.first(categories.MODALITY, text)) and named.end <= notes.start():
        return item_modality
    # "Physical therapy report on 12-19-16 noted the injured worker has completed 6 of 8
    # authorized sessions": the sessions of the one treatment whose report says so
    # ("On 10/21/2016, the physical therapist documented a total of 10 sessions completed")
    if len(sentence.modalities()) == 1:
        for hit in categories.mentions(categories.MODALITY, text[:start]):
            if _REPORT.match(text, hit.end) or _THERAPIST_SAID.match(text, hit.end):
                return hit.value
    # (of several treatments, the one named last before the count, by its report: "Although the
    # massage has been given alongside the aquatic program, the massage therapy note dated
    # 12/01/2016 documents 8 sessions to date")
    elif (named := list(categories.mentions(categories.MODALITY, text[:start]))) and \
            _REPORT.match(text, named[-1].end) and start - named[-1].end <= _REPORT_TO_COUNT:
        return named[-1].value
    if sentence.modalities() == {item_modality} and \
            _ATTENDED_BEFORE.search(text, max(0, start - 40), start) and \
            not _WITH_DOCTOR.match(text, end) and \
            categories.first(categories.MODALITY, text[:start]) is not None:
        return item_modality
    # "Six acupuncture sessions were authorized in October 2016; the patient completed 2 of the 6
    # authorized sessions": the part given of the authorisation of the one treatment named
    if sentence.modalities() == {item_modality} and _OF_AUTHORIZED.fullmatch(text, start, end) and \
            _PART_OF.search(text, max(0, start - 16), start) and \
            categories.first(categories.MODALITY, text[:start]) is not None:
        return item_modality
    # "referred her for acupuncture, and six treatments were authorized and given between
    # 12/16/2013 and 01/10/2014": the one treatment the sentence names, then its count given
    if sentence.modalities() == {item_modality} and \
            _AND_THEN.search(text, max(0, start - 12), start) and _SAID_GIVEN.match(text, end) and \
            categories.first(categories.MODALITY, text[:start]) is not None:
        return item_modality
    # "The therapist's re-evaluation dated 11/30/2016 notes 10 visits completed": the report of
    # an unnamed therapist, in a sentence naming no treatment, is of the therapy asked for
    if item_modality in _POSTOP_THERAPY and not sentence.modalities() and \
            (report := _THERAPIST.search(text, 0, start)) and (
                _REPORT.match(text, report.end()) or _THERAPIST_SAID.match(text, report.end())):
        return item_modality
    return None


_OF_AUTHORIZED = regex.compile(rf"{_N}\s+(?:authori[sz]ed|approved|certified)\s+(?:sessions|visits|"
                            r"treatments)", regex.IGNORECASE)
_PART_OF = regex.compile(rf"\b{_N}\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
_AND_THEN = regex.compile(r"(?:,\s*|\s)(?:and|then)\s+$", regex.IGNORECASE)
# ("and 6 visits to the lumbar spine were completed by 12-02-2016": with their place)
_SAID_GIVEN = regex.compile(r"(?:\s+(?:to|for)\s+the\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
                            r"\s+(?:were|had\s+been|have\s+been)\s+(?:authori[sz]ed\s+and\s+|"
                            r"approved\s+and\s+|certified\s+and\s+)?(?:given|completed|provided|"
                            r"administered|attended|performed|rendered)\b", regex.IGNORECASE)
_THERAPY_NOTES = regex.compile(r"\btherapy\s+(?:(?:progress|daily|treatment)\s+)?(?:notes?|"
                            r"records?|reports?|logs?)\b", regex.IGNORECASE)
# ("In a progress report dated 09-29-2016, the therapist noted that a further 6 visits had been
# completed")
_SAID = r"\s+(?:noted|reported|documented|recorded|indicated|stated)\b"
_THERAPIST_SAID = regex.compile(_SAID, regex.IGNORECASE)
_THERAPIST = regex.compile(rf"\btherapist(?=(?:'s|\u2019s)\s|{_SAID})", regex.IGNORECASE)
_CONSISTED = regex.compile(
    r"\s+(?:for\s+(?:this|the|his|her|that)\s+(?:[\w-]+\s+){0,2}?)?(?:consisted\s+of|comprised|"
    r"totall?ed|amounted\s+to)\s+(?:a\s+total\s+of\s+)?", regex.IGNORECASE)
_CONSISTED_BEFORE = regex.compile(r"\b(?:consisted\s+of|comprised|totall?ed|amounted\s+to)\s+"
                                  r"(?:a\s+total\s+of\s+)?$", regex.IGNORECASE)
# what stands between two parts of a course told together: "10 visits from 04/2009 to 07/2009
# and 4 visits" (not a clause of its own: "12 visits, which already exceeds ..., and the therapy
# notes show ... over the last four visits")
_JOINED_PART = regex.compile(r"[^.;,]{0,40}?\s+and\s+", regex.IGNORECASE)
# a count said to be its parts: "A complete count of the therapy since the surgery is ..."
# (or the courses the count is of: "has completed two courses of physical therapy for the right
# shoulder, 10 sessions from 4-2016 to 6-2016 and 6 sessions in 11-2016 and 12-2016")
_COUNT_IS_BEFORE = regex.compile(r"\b(?:complete|full|total|correct|actual|accurate)\s+(?:count|"
                                 r"tally)\b[^.;:]{0,80}?\s+(?:is|was|comes\s+to)\s+$|"
                                 r"\b(?:two|three|four|2|3|4)\s+(?:separate\s+)?(?:courses|rounds|"
                                 r"blocks)\s+of\s+[^.;:]{0,80}?,\s*$", regex.IGNORECASE)
# the parts of such a list: "6 ... visits, 12 outpatient visits and 3 sessions"
_LISTED_PART = regex.compile(r"[^.;,]{0,40}?(?:,\s+(?:and\s+)?|\s+and\s+)", regex.IGNORECASE)
_AND_ALSO = regex.compile(rf"\b(?P<n>{_N})\s+(?P<unit>sessions|visits|treatments)\b[^.;]{{0,40}}?"
                          r"\s+and\s+$", regex.IGNORECASE)
_AT_EACH = regex.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:at|during|in)\s+(?:each|every|all)\s+(?:of\s+)?"
                        r"(?:the\s+|his\s+|her\s+|those\s+)?", regex.IGNORECASE)
# the practitioner who gave the sessions counted, right before the count
_GIVEN_BY = regex.compile(
    r"\b(?P<who>chiropractor|acupuncturist|(?:physical|occupational|massage)\s+therapist)\s+"
    r"(?:(?:has|had|then|also)\s+)?(?:provided|performed|gave|administered|delivered|rendered)\s+"
    r"(?:(?:an?|the|his|her)\s+)?(?:(?:initial|therapeutic|first)\s+)?(?:(?:trial|course|total)\s+"
    r"of\s+)?$", regex.IGNORECASE)


# (or at once: "2009-2010: physical therapy, approximately 18 visits; chiropractic, 12 visits")
_APPOSITIVE = regex.compile(
    # ("o Chiropractic treatment, 6 sessions, 10-2016 through 11-2016 (low back)")
    r"(?:\s+(?:treatment|therapy|care|manipulation))?"
    r"(?:\s+(?:for|to|of)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)?"
    # ("a course of physical therapy to both knees in 2014, reportedly 12 visits")
    r"(?:\s+in\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d)?\s*,\s*"
    r"(?:(?:at\s+least|about|approximately|roughly|nearly|over|more\s+than|some|reportedly)\s+)?",
    regex.IGNORECASE)
_ON_COUNT = regex.compile(r"\s+(?:on|over|across)\s+(?:(?:a\s+total\s+of|about|approximately)\s+)?",
                          regex.IGNORECASE)
_NOTES_FROM = regex.compile(r"\s+(?:progress\s+|treatment\s+|daily\s+)?(?:notes?|records?)\s+"
                            r"(?:from|of|for)\s+|"
                            # "The chiropractic notes document 6 visits, from 05/27/2014 through
                            # 06/06/2014; the other 12 sessions ... were the physical therapy
                            # visits"
                            r"\s+(?:progress\s+|treatment\s+|daily\s+)?(?:notes|records)\s+"
                            r"(?:document|documented|record|recorded|show|showed|list|listed)\s+"
                            r"(?:a\s+total\s+of\s+)?", regex.IGNORECASE)
_AFTER_OPERATION = regex.compile(
    r"\bpost-?\s*operatively\b|\b(?:after|since|following)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:surgery|operation|procedure)\b", regex.IGNORECASE)
_WITH_DOCTOR = regex.compile(r"\s+(?:with|to|by)\s+(?:the\s+|his\s+|her\s+)?(?:surgeon|doctor|"
                             r"physician|provider|orthopedi?st|clinic|office)\b", regex.IGNORECASE)
# how far a report's count may stand from the treatment named before the report
_REPORT_TO_COUNT = 60
# (the practitioner's too: "The acupuncturist's progress report ... notes that six treatments were
# completed")
# ("the chiropractor's billing summary lists 46 visits through 09-2016")
_REPORT = regex.compile(r"(?:'s|\u2019s)?\s+(?:progress\s+|daily\s+|treatment\s+|billing\s+)?"
                        r"(?:reports?|notes?|re-?evaluations?|evaluations?|"
                        r"(?:discharge|progress|billing)\s+summary|records?)\b",
                        regex.IGNORECASE)
# visits attended, said after the treatment in the same sentence: "Physical therapy was started
# on 11/17/2016, and he has attended three visits"
_ATTENDED_BEFORE = regex.compile(
    r"(?:\b(?:has|had|have)\s+(?:now\s+|since\s+|so\s+far\s+)?|"
    # the treatment begun, then its count: "She started physical therapy and completed 6
    # sessions", "referred her for aquatic therapy, and she completed 6 sessions", "The physical
    # therapy plan of care of 6/10/2013 called for 2 visits a week for 6 weeks; he attended six
    # visits")
    r"(?:\band|\bthen|[,;])\s+(?:(?:she|he|they|the\s+(?:patient|claimant|injured\s+worker))\s+)?"
    r"(?:then\s+|subsequently\s+|ultimately\s+)?)"
    # ("A work hardening program was authorized and he attended all 10 sessions")
    r"(?:attended|completed)\s+(?:a\s+total\s+of\s+|all\s+(?:of\s+)?(?:the\s+)?)?$",
    regex.IGNORECASE)


# a count in a clause that says what would be ("Six sessions at one per week would fit an
# initial trial, but ...") is not a count of sessions had
# (the verb, not the month: "#12 sessions March through May 2013")
_WOULD = regex.compile(r"\b(?:would|could|might|(?-i:may)|should)\b", regex.IGNORECASE)


# the item's body part when it is none of the guideline's regions ("Vestibular rehabilitation",
# "Physical therapy for the temporomandibular joint"): every region named is another part
OTHER_PART = "other_part"


def _other_region(text: str, item_region: str | None, side: str | None = None) -> bool:
    """The text names body regions, and not the item's (a count of shoulder PT is not a count
    of lumbar PT), or only the other side than the item's (right-wrist therapy, for the left).
    For an item of `OTHER_PART`, every region named is another."""
    if item_region == OTHER_PART:
        return other_side(text, side) or bool(categories.named_regions(text))
    return other_side(text, side) or categories.only_other_regions(text, (item_region,))


# therapy after an operation: "postoperative physical therapy", "12 post-op visits", "since surgery"
_POST_OP = regex.compile(
    r"\bpost-?\s*(?:operative(?:ly)?|surgical(?:ly)?|op)\b|"
    r"\b(?:after|since|following)\s+(?:the\s+|his\s+|her\s+)?(?:surgery|operation)\b|"
    # ("approximately 30 hand therapy sessions since the May 4, 2016 repair")
    r"\bsince\s+(?:the\s+|his\s+|her\s+)(?:[\w,/-]+\s+){0,4}?(?:repair|release|"
    r"reconstruction|arthroplasty|fasciectomy|procedure|revision|fusion|meniscectomy|"
    r"decompression|discectomy|laminectomy|replacement|arthroscopy|surgery|operation)\b|"
    # ("He was discharged to home on 10/06/2016 and received ten home health physical therapy
    # visits")
    r"\bdischarged\s+(?:to\s+)?home\b(?=[^.;]*\bhome\s+health\b)",
    regex.IGNORECASE)
# a sentence that opens on the time after the operation: "Postoperatively, the patient completed
# 12 visits in November and 8 more visits in December 2016."
_LEAD_POST_OP = regex.compile(
    r"^\W*(?:post-?\s*operatively|(?:after|since|following)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:surgery|operation))\s*,|"
    # the operation named: "Following the arthroplasty she received six home health physical
    # therapy visits", "Since the arthroplasty, however, the patient has received ..."
    r"^\W*(?:after|since|following)\s+(?:the|his|her)\s+(?P<named>(?:[\w-]+\s+){0,3}?"
    r"(?P<op>repair|release|reconstruction|arthroplasty|fasciectomy|revision|fusion|"
    r"meniscectomy|decompression|discectomy|laminectomy|replacement|arthroscopy))"
    r"\s*(?:,|(?=\s+(?:she|he|they|the\s+"
    r"(?:patient|applicant|claimant|injured\s+worker|employee))\b))|"
    # the hospital stay's end: "Following discharge, the applicant received six home health
    # physical therapy visits"
    r"^\W*(?:after|since|following)\s+(?:(?:the|his|her)\s+)?(?:hospital\s+)?discharge\s*,|"
    # "Postoperative physical therapy began on 09/06/2016, and he had completed 8 sessions by
    # 10/14/2016"
    r"^\W*post-?\s*operative\s+(?:[\w-]+\s+){0,2}?(?:therapy|rehabilitation|PT|OT)\s+"
    r"(?:began|started|commenced|(?:was|were)\s+(?:started|begun|initiated|commenced))\b",
    regex.IGNORECASE)


# a sentence that opens on the body region it is about: "For the low back he received physical
# therapy, chiropractic treatment, and ten acupuncture sessions ..."
_LEAD_REGION = regex.compile(
    r"^\W*(?:for|regarding|as\s+(?:for|to))\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?P<what>(?:[\w/-]+\s+){0,2}?[\w/-]+)\s*,?\s+(?:he|she|they|the\s+(?:patient|applicant|"
    r"claimant|injured\s+worker|employee)|IW)\b", regex.IGNORECASE)


def _led_elsewhere(sentence: str, item_region: str | None, side: str | None = None,
                   text: str = "", start: int = 0) -> bool:
    """The sentence opens on another body region than the item's, or on the time after an
    operation of another ("Following the shoulder arthroscopy, she received ...", or "Following
    the fusion ..." after "She underwent a lumbar fusion in 2015" in `text` before `start`,
    where the sentence begins): all of it is about that."""
    lead = _LEAD_REGION.match(sentence)
    if lead is not None and categories.body_region(lead.group("what")) is not None:
        return _other_region(lead.group("what"), item_region, side)
    lead = _LEAD_POST_OP.match(sentence)
    if lead is None or lead.group("op") is None:
        return False
    named = lead.group("named")
    if categories.named_regions(named):
        return _other_region(named, item_region, side)
    # the operation as the text before told it, by the same noun: every such operation of
    # another region or side (not "status post right knee arthroscopy ... He had a left knee
    # arthroscopy in 2011 under a separate claim. ... Since the arthroscopy he has attended 18
    # sessions", of the right knee)
    told = [m.group() for m in regex.compile(
        rf"\b(?:[\w/-]+\s+){{1,4}}?{lead.group('op')}\b", regex.IGNORECASE).finditer(
        text, 0, start)]
    return bool(told) and all(categories.named_regions(named) and
                              _other_region(named, item_region, side) for named in told)


# a sentence that opens on the time after what the sentence before told ("The patient underwent
# left total knee arthroplasty on August 29, 2016. Since then he has received 12 visits of home
# physical therapy and 12 visits of outpatient physical therapy"), and the operation so told
_SINCE_THEN = regex.compile(
    r"^\W*(?:since\s+(?:then|that\s+(?:time|date|day|surgery|operation|procedure))|thereafter|"
    r"subsequently|(?:after|following)\s+that)\b", regex.IGNORECASE)
_OPERATION_UNDERGONE = regex.compile(
    r"\b(?:underwent|undergone|had)\s+(?:an?\s+|the\s+|(?:his|her)\s+)?(?:[\w/-]+\s+){0,5}?"
    rf"{categories.OPERATION_NOUN}\b", regex.IGNORECASE)


def _post_op(sentence: str, clause: str) -> bool:
    """Is the count's clause about therapy after the operation?"""
    return bool(_POST_OP.search(clause) or _LEAD_POST_OP.match(sentence))


def session_counts(text: ItemText, item_modality: str | None,
                   item_region: str | None = None) -> tuple[Fact, Fact]:
    """(earlier sessions of this treatment, sessions since the surgery). The second holds only
    what the letter says was given after the operation ("Postoperative physical therapy had not
    yet been started", "has completed 12 post-operative visits"): within the postsurgical period
    only those count against the postsurgical course."""
    readings = _region_readings(text, item_modality, item_region,
                                (text.rationale, text.summary), record_only=True)
    if not readings and (sibling := _sibling_course(text, item_modality)):
        # one course under either name: "6 hand therapy sessions with a certified hand
        # therapist", for an occupational or a physical therapy request
        readings = _region_readings(text, sibling, item_region,
                                    (text.rationale, text.summary), record_only=True)
    if not readings:
        # only UR's count ("UR noted 12 sessions had been completed")
        readings = _region_readings(text, item_modality, item_region,
                                    (text.rationale, text.summary))
    if not readings:
        # the same patient's history in another item's rationale ("conservative treatments
        # beyond 6 sessions of physical therapy", said of the surgery this therapy would follow);
        # not a sibling request for the same treatment, which has its own count
        others = [part for part, item in zip(text.other_rationales(), text.other_items(),
                                             strict=True)
                  if item_modality not in {m.value for m in categories.mentions(
                      categories.MODALITY, item.title.quote)}]
        readings = _region_readings(text, item_modality, item_region, tuple(others))
    post_op = _summed_first(text, _running_total([r for r, after_surgery, _ in readings
                                            if after_surgery])) or \
        _none_since_surgery(text, item_modality)
    prior = _reviewed_aside(text, [r for r, _, whole in readings if whole])
    dated_before: set[int] = set()   # counts the letter dates before the dates of service
    if first := _retrospective_first(text):
        prior = [first]   # the sessions reviewed were the first: none before them
    elif window := _dates_of_service(text):
        prior = _before_window(text, prior, window)
        # (every count the letter gives is one dated before the window somewhere: "six
        # treatments were authorized and given between 12/16/2013 and 01/10/2014" and the
        # rationale's "had completed the six-treatment trial")
        # ("had already received four sessions of massage therapy in August 2016, i.e., before
        # the dates of service in question": a month named with its year)
        dated_before = {r.value for r in prior if r.value and _dated_before(
            text, Fact(value=r.value, known=True, evidence=r.evidence), window[0],
            named_months=True)}
    if not prior and (course := _dated_course(text, item_modality)):
        return (Fact(value=course.value, known=True, qualifier=course.qualifier,
                     evidence=course.evidence, readings=[course],
                     note=f"derived: about {course.value} sessions, the weekly frequency "
                          "times the calendar weeks between the course's first and last "
                          "dates; the letter gives no count"),
                resolve(post_op, RECORD_ORDER) if post_op else
                Fact.unknown("the letter gives no count of sessions since the surgery"))
    prior = _none_of_one_region_aside(text, _placed_none_first(text, prior, item_region),
                                      item_region)
    prior, whole = _share_of_total(text, prior, item_modality, item_region)
    prior = _split_total_aside(text, prior, item_region)
    added = _more_added(text, prior)
    if added is not prior and any(r.evidence[:1] == added[0].evidence[:1] for r in post_op):
        # more sessions told after a count of postoperative ones continue that course ("6
        # postoperative visits ..., a further 6 visits ..., 6 additional sessions")
        post_op = [added[0], *post_op]
    # the count the letter itself marks out comes first, and its reason is the resolution's
    prior, head, why_first = added, None, None
    for step, why in _COUNT_ORDER:
        moved = step(text, prior)
        if moved and (not prior or moved[0] is not prior[0]):
            head, why_first = moved[0], why
        prior = moved
    # a visit reached on the way ("visit 8 of 12") gives way to a count as large or larger
    # ("completed 12 physical therapy sessions")
    prior = [r for r in prior if not _interim(r) or not any(
        o.value >= r.value and not _interim(o) for o in prior)]
    earlier = resolve(prior, RECORD_ORDER, first=head, first_reason=why_first) if prior else \
        Fact.unknown("the letter gives no count of earlier sessions of this treatment")
    if total := next((whole[id(r)] for r in prior if id(r) in whole
                      and r.value == earlier.value and r.evidence[0] in earlier.evidence), None):
        share = next(r for r in prior if id(r) in whole and whole[id(r)] is total)
        earlier = earlier.model_copy(update={
            "readings": [*(earlier.readings or [share]), total],
            "resolution": f"{earlier.display()} (from the {share.part}) wins over "
                          f"{total.value} (from the {total.part}): {SHARE_OF_TOTAL}"})
    if unsettled := _count_unsettled(text, prior, item_modality):
        # (the sessions since the surgery too, where they are among the counts in question:
        # "The surgeon recorded 6 completed sessions in 12/2016, while the patient reported
        # about 12")
        unsure = {r.value for r in prior}
        return unsettled, (unsettled if post_op and {r.value for r in post_op} <= unsure else
                           resolve(post_op, RECORD_ORDER) if post_op else Fact.unknown(
                               "the letter gives no count of sessions since the surgery"))
    if earlier.known and earlier.value and earlier.value in dated_before:
        # ("the therapy records ... document 12 sessions in 2013", of DOS 02/03/2014 -
        # 03/14/2014): none of them are the sessions under review (nor where the count read
        # is one so dated beside a later running total: "the first 6 sessions ... were
        # completed between 08-15-2016 and 09-23-2016" and "has completed 16 sessions ... to
        # date", of DOS from 10/03/2016)
        earlier = earlier.model_copy(update={"note": "; ".join(
            n for n in (earlier.note, BEFORE_DATES_OF_SERVICE) if n)})
    return (earlier,
            resolve(post_op, RECORD_ORDER) if post_op else
            Fact.unknown("the letter gives no count of sessions since the surgery"))


# the letter says the count of earlier sessions is not settled: "the number of physical therapy
# sessions completed has not been established", "The number of physical therapy sessions
# completed is inconsistently reported"
_COUNT_UNSETTLED = regex.compile(
    r"\b(?:total\s+)?(?:number|count)\s+of\s+(?:(?:the|prior|previous|earlier|completed|"
    r"post-?\s*operative|post-?\s*surgical|supervised|"
    r"physical|occupational|therapy|chiropractic|acupuncture|massage|aquatic|PT)\s+){0,4}"
    r"(?:sessions|visits|treatments)\b(?:\s+(?:(?:previously|already)\s+)?(?:completed|attended|"
    r"received|given|provided|undergone|to\s+date))?\s+(?:(?:has|have)\s+not\s+been\s+"
    r"(?:established|verified|confirmed|clarified|determined)|(?:is|was|remains?)\s+(?:unclear|"
    r"uncertain|in\s+(?:dispute|question)|not\s+(?:established|verified|clear))|(?:is|was)\s+"
    r"inconsistently\s+(?:reported|documented|stated)|cannot\s+be\s+(?:determined|established|"
    r"verified|confirmed))\b|"
    # whether there were any, or how many: "It therefore cannot be determined whether this
    # request is for an initial course or for additional therapy, how many knee visits have
    # been completed, ..." (which leaves even a count of none open)
    r"\b(?P<whether>(?:cannot\s+be|could\s+not\s+be|is\s+not)\s+(?:determined|established|"
    r"verified|clear)|(?:is|was|remains)\s+unclear)\s+(?:from\s+the\s+records\s+)?"
    r"(?:(?P<any>whether\s+(?:this|the)\s+(?:request|treatment\s+requested)\s+is\s+(?:for\s+)?"
    r"an?\s+(?:initial|first)\s+(?:course|trial)\s+or)\b|how\s+many\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visits|sessions|treatments)\s+(?:have|had)\s+(?:been\s+)?(?:completed|attended|given|"
    r"provided)\b)",
    regex.IGNORECASE)


def _count_unsettled(text: ItemText, prior: list[Reading],
                     item_modality: str | None) -> Fact | None:
    """Counts of earlier sessions where the letter says their number is not settled ("The
    treating physician describes about 6 visits, while the Utilization Review cites 12
    completed sessions. ... the number of physical therapy sessions completed has not been
    established"): the count is unknown, not the first one told. (Not one count alone, which
    the reader takes as told; nor UR's reason, "citing that ... the number of prior visits was
    unclear"; nor where the words name another treatment: "the number of chiropractic visits is
    unclear", for physical therapy.)"""
    values = sorted({r.value for r in prior if r.value})
    if not prior:
        return None
    said = next(((sentence.evidence(m.start(), m.end()), m)
                 for part in (text.rationale, text.summary) for sentence in part.sentences()
                 if (m := sentence.search(_COUNT_UNSETTLED)) and not (
                     (ur := sentence.search(_UR_REASON)) and ur.start() <= m.start()) and all(
                     named.value == item_modality for named in categories.mentions(
                         categories.MODALITY, m.group()))), None)
    # (two counts told are in question; a single count only where the letter says whether
    # there were any is not known, or a count of none where it says how many is not: "It
    # therefore cannot be determined whether this request is for an initial course or for
    # additional therapy, how many knee visits have been completed", of the surgeon's "no formal
    # therapy"; not "visit 16 of 24", at least 16, where "It is unclear how many postoperative
    # sessions have been completed")
    if said is None or (len(values) < 2 and not said[1].group("any") and not (
            said[1].group("whether") and not values)):
        return None
    said = said[0]
    values = sorted({r.value for r in prior})
    told = (f"{', '.join(map(str, values[:-1]))} and {values[-1]}" if len(values) > 1
            else str(values[0]))
    # (the statement is the evidence; the counts it leaves open are kept as readings)
    return Fact(known=False, evidence=[said], readings=list(prior),
                note=f"the letter says the number of earlier sessions is not settled "
                     f"(\"{' '.join(said.quote.split())}\"); it reports {told}")


_THE_REVIEWED = regex.compile(r"\b(?:the|these|those)\s+$", regex.IGNORECASE)


def _reviewed_aside(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A retrospective request's own sessions, named with the article ("when the eight
    treatments were given, the employee had completed the six-treatment trial", of
    "Retrospective acupuncture, 8 treatments"), are the sessions under review, not earlier ones:
    they give way to the other counts."""
    if len(prior) < 2 or not _RETROSPECTIVE_TITLE.search(text.title.view.folded):
        return prior
    asked = numbers_in(text.title.view.folded)

    def reviewed(reading: Reading) -> bool:
        count = Fact(value=reading.value, known=True, evidence=reading.evidence[:1])
        return reading.value in asked and any(
            _THE_REVIEWED.search(before) for before, _ in _around_counts(text, count))

    kept = [r for r in prior if not reviewed(r)]
    return kept if kept else prior


def _more_added(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A count of more sessions told after an earlier count of the summary ("he had completed 6
    massage therapy sessions ... he had received 4 more massage sessions in April and May", "the
    therapist noted that a further 6 visits had been completed") adds to it: the sum, with both
    places as evidence, comes first."""
    def more(reading: Reading) -> bool:
        if _MORE_COUNT.match(reading.evidence[0].quote):
            return True
        count = Fact(value=reading.value, known=True, evidence=reading.evidence[:1])
        return any(_MORE_BEFORE.search(before) or _ANOTHER_COURSE.search(before)
                   for before, _ in _around_counts(text, count))

    told = sorted((r for r in prior if r.part == "summary" and r.evidence),
                  key=lambda r: r.evidence[0].start)
    running: Reading | None = None
    added = False
    for reading in told:
        if running is not None and more(reading):
            running = Reading(value=running.value + reading.value, part=reading.part,
                              evidence=dedupe(running.evidence + reading.evidence),
                              qualifier=running.qualifier or reading.qualifier)
            added = True
        else:
            running = reading
    if not added or running is None:
        return prior
    return [running, *prior]


def _stated_total_first(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A count the letter gives as the total so far ("The IW has now received a total of twelve
    acupuncture treatments"), at least as large as every other, is the count: the others are
    its parts ("the first six treatments")."""
    def stated_total(r: Reading) -> bool:
        count = Fact(value=r.value, known=True, evidence=r.evidence)
        # (not an authorisation's total: "authorized 2 additional sessions ..., for a total of
        # 14 sessions")
        if any(_GRANTED_WORD.search(e.quote) for e in text.with_context(r.evidence)
               if e.context):
            return False
        return any(_TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after)
                   for before, after in _around_counts(text, count))

    totals = [r for r in prior if stated_total(r)]
    if not totals or len(prior) < 2:
        return prior
    top = max(totals, key=lambda r: r.value)
    if any(r.value > top.value for r in prior):
        return prior
    return [top, *(r for r in prior if r is not top)]


# the reviewer's conclusion on the count: "The injured worker has therefore had 16 visits of
# physical therapy in 2016" (after weighing the progress reports' 6 against the discharge
# summary's 16)
_CONCLUDED_BEFORE = regex.compile(
    r"\b(?:(?:has|have|had)\s+therefore|therefore\s+(?:has|have))\s+(?:had|received|completed|"
    r"attended|undergone)\s+(?:a\s+total\s+of\s+)?$", regex.IGNORECASE)


def _concluded_first(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """Where the letter gives differing counts, the one the rationale concludes on comes
    first."""
    if len({r.value for r in prior}) < 2:
        return prior
    concluded = [r for r in prior if r.part == text.rationale.name and any(
        _CONCLUDED_BEFORE.search(before) for before, _ in _around_counts(
            text, Fact(value=r.value, known=True, evidence=r.evidence)))]
    if len({r.value for r in concluded}) != 1:
        return prior
    return [*concluded, *(r for r in prior if r not in concluded)]


def _summed_first(text: ItemText, readings: list[Reading]) -> list[Reading]:
    """A count that is the sum of two counts one earlier sentence of the same part states ("she
    has had 8 physical therapy visits at home ... and 12 outpatient sessions. ..., so she has
    had 20 postoperative physical therapy visits"), and the largest, is their total: it comes
    first (not a total the request would make: "With the 6 sessions already completed, an
    additional 4 sessions reach 10 visits")."""
    def sentence_of(r: Reading) -> Evidence | None:
        if len(r.evidence) != 1:
            return None   # (a sum read already: "8 visits ... 2 more visits")
        found = [e for e in text.with_context(r.evidence) if e.context]
        return found[0] if found else r.evidence[0]

    def between(a: Reading, b: Reading, where: Evidence) -> str:
        """The sentence's words from the end of count a to the start of count b."""
        return where.quote[a.evidence[0].end - where.start:b.evidence[0].start - where.start]

    for total in readings:
        where = sentence_of(total)
        if where is None or any(r.value > total.value for r in readings):
            continue
        before = [r for r in readings if r is not total and r.part == total.part
                  and (w := sentence_of(r)) is not None and w.start <= where.start
                  and r.evidence[0].end <= total.evidence[0].start and r.value < total.value]
        for a, b in itertools.combinations(before, 2):
            if a.value + b.value != total.value or sentence_of(a) != sentence_of(b):
                continue
            last = max(a, b, key=lambda r: r.evidence[0].start)
            if sentence_of(a) == where and _PROJECTED_IN.search(between(last, total, where)):
                continue   # ("an additional 4 sessions reach 10 visits": what the request makes)
            return [total, *(r for r in readings if r is not total)]
    return readings


_PROJECTED_IN = regex.compile(r"\b(?:reach\w*|bring\w*|brought|would|will|make|makes|come\s+to|"
                              r"raise\w*|take\w*)\b", regex.IGNORECASE)


_NOW_DONE = regex.compile(r"\b(?:has|have|had)\s+now\s+(?:completed|attended|had|received|"
                         r"undergone)\s+(?:a\s+total\s+of\s+)?$", regex.IGNORECASE)


# the turn from one report's count to what the records show: "The physician's report of
# 10/12/2016 refers to 4 completed sessions; the therapy records show that she completed 6 visits"
_TURN_TO_RECORDS_SHOW = regex.compile(
    r"(?:;|\b(?:however|but|whereas)\b)[^.;]{0,40}?\b(?:the\s+)?(?:(?:therapy|treatment|"
    r"physical\s+therapy|chiropractic|acupuncture|clinic|attendance)\s+)?(?:records?|notes?|"
    r"documentation|logs?)\s+(?:show|document|indicate|confirm|reflect|establish)",
    regex.IGNORECASE)


def _records_show_first(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """Of two counts in one sentence, the one told after a turn to what the records show comes
    first ("The physician's report of 10/12/2016 refers to 4 completed sessions; the therapy
    records show that she completed 6 visits by 10/19/2016")."""
    for later in prior:
        sentence = _sentence_of(text, later)
        if sentence is None or not later.value:
            continue
        at = later.evidence[0].start
        earlier = [r for r in prior if r.value and r.value != later.value and
                   sentence.start <= r.evidence[0].start < at]
        if earlier and any(_TURN_TO_RECORDS_SHOW.search(
                sentence.quote[r.evidence[0].end - sentence.start:at - sentence.start])
                for r in earlier):
            return [later, *(r for r in prior if r is not later)]
    return prior


def _now_total(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """The summary's last count, larger than each before it and said as the count reached now
    ("The chiropractor's notes show six visits from 10/06/2014 through 10/31/2014", then "In the
    report of 01/12/2015 the physician states that the injured worker has now completed 12
    chiropractic visits"), is the running total: it comes first."""
    told = sorted((r for r in prior if r.part == "summary" and r.evidence),
                  key=lambda r: r.evidence[0].start)
    if len(told) < 2 or not all(told[-1].value > r.value for r in told[:-1]):
        return prior
    last = told[-1]
    count = Fact(value=last.value, known=True, evidence=last.evidence[:1])
    if not any(_NOW_DONE.search(before) for before, _ in _around_counts(text, count)):
        return prior
    return [last, *(r for r in prior if r is not last)]


def _running_total(post_op: list[Reading]) -> list[Reading]:
    """Counts since the surgery that grow as the summary goes on ("A progress report dated
    5/16/16 noted that 6 postoperative therapy visits had been completed ... Per the PT
    re-evaluation of June 27, 2016, he had completed 12 postoperative physical therapy
    sessions") are one course counted at later dates: the last is the count, and comes first."""
    summary = [r for r in post_op if r.part == "summary"]
    values = [r.value for r in summary]
    if len(summary) < 2 or any(b <= a for a, b in itertools.pairwise(values)):
        return post_op
    return [summary[-1], *(r for r in post_op if r is not summary[-1])]


# a count that refers back to UR's certified part of this request: "Those 4 visits have been
# completed", "the 4 certified treatments"
_CERTIFIED_BACK = regex.compile(
    r"(?:\b(?:those|these)\s+|\bthe\s+(?:certified|authori[sz]ed|approved)\s+)$", regex.IGNORECASE)
_CERTIFIED_AFTER = regex.compile(r"^\s*(?:certified|authori[sz]ed|approved)\b", regex.IGNORECASE)


def _certified_back(text: ItemText, evidence: list[Evidence]) -> bool:
    """Is the count quoted there the part of this request UR certified ("the 6 certified
    sessions were completed", "Those 4 visits have been completed")?"""
    own = [e for e in evidence if not e.context]
    raw = text.text.raw
    return bool(own) and all(
        _CERTIFIED_BACK.search(raw, max(0, e.start - 30), e.start)
        or _CERTIFIED_AFTER.match(raw[e.start:e.end].split(maxsplit=1)[-1]) for e in own)


def _certified_part_after_none(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """"She has not had acupuncture" (when the request was made) gives way to "the 6 certified
    sessions were completed" (UR's certified part of this request, given since): later news."""
    if any(r.value == 0 for r in prior) and any(
            r.value and _certified_back(text, r.evidence) for r in prior):
        return [r for r in prior if r.value != 0]
    return prior


def certified_part_given(text: ItemText, prior: Fact, ur_decision: Fact,
                         ur_visits: Fact, ur_on: Fact | None = None,
                         item_modality: str | None = None) -> Fact:
    """certified_part_given: UR certified part of this request and those visits were given
    before the IMR ("UR certified 4 of the 8 visits requested ... Those 4 visits have been
    completed"). They are sessions had, and also the request's own, inside the request as made
    (the decision counts them once: decide._certified_count)."""
    unknown = Fact.unknown("the letter does not say the visits UR certified were given")
    if not (ur_decision.known and ur_decision.value == "modified" and ur_visits.known):
        return unknown
    if prior.known and prior.value and prior.value == ur_visits.value and (
            _certified_back(text, prior.evidence) or _counted_since(text, prior, ur_on)):
        return Fact(value=True, known=True, evidence=prior.evidence,
                    note=f"the {prior.value} visits given are the part of this request UR "
                         f"certified ({ur_visits.value})")
    if stated := _certified_given_stated(text, ur_visits.value, item_modality):
        return Fact(value=True, known=True, evidence=[stated],
                    note=f"the letter says the {ur_visits.value} visits UR certified were given")
    return unknown


# UR's certified part of this request said to have been given, with its count or none: "the 6
# certified visits were completed", "she attended the 4 authorized sessions", "The four sessions
# authorized by utilization review have been completed"
_GIVEN = r"(?:completed|attended|given|provided|rendered|performed|received)"
_CERTIFIED_GIVEN = regex.compile(
    rf"\b(?:the|those|these|all)\s+(?:(?P<n>{NUMBER})\s+)?(?:certified|authori[sz]ed|approved)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|treatments|days)\b[^.;]{{0,40}}?\b(?:were|"
    rf"have\s+(?:all\s+)?been|had\s+(?:all\s+)?been)\s+(?:all\s+)?{_GIVEN}\b"
    # ("Postoperative physical therapy notes ... document completion of the 6 certified visits")
    rf"|\b(?:attended|completed|received|(?:completion|attendance)\s+of)\s+(?:the|those|all)\s+"
    rf"(?:(?P<n>{NUMBER})\s+)?"
    rf"(?:certified|authori[sz]ed|approved)\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|"
    rf"treatments|days)\b"
    # ("she has since attended the 6 sessions authorized by utilization review", not "had
    # attended 2 of the 6 visits authorized by the utilization reviewer")
    rf"|\b(?:(?:attended|completed|received)\s+(?:all\s+)?)?(?:the|those)\s+"
    rf"(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|treatments|days)\s+"
    rf"(?:certified|authori[sz]ed|approved)\s+by\s+(?:the\s+)?(?:utilization\s+review\w*|UR)\b"
    rf"(?:\s+(?:were|have\s+been)\s+{_GIVEN}\b)?"
    # ("The claims administrator certified the initial course of 6 visits, and the therapy notes
    # confirm that these were attended between 01-17-2017 and 02-03-2017")
    rf"|\b(?:certified|authori[sz]ed|approved)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<n>{NUMBER})"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|treatments)\b[^.;]{{0,60}}?\b(?:these|those|"
    rf"they)\s+(?:were|have\s+(?:all\s+)?been)\s+(?:all\s+)?{_GIVEN}\b",
    regex.IGNORECASE)
_GIVEN_WORD = regex.compile(rf"\b(?:{_GIVEN}|completion|attendance)\b", regex.IGNORECASE)
# not said given: "There is no documentation that the 6 authorized visits have been attended",
# "no results of the authorized sessions have been provided", "cannot be assessed until the
# authorized visits have been completed"
_NOT_GIVEN_BEFORE = regex.compile(
    r"\b(?:no|not|without|whether|if|until|unless|once|unclear|unknown|lack\w*|absence)\b"
    r"[^.;]{0,60}$|\b(?:results?|reports?|outcomes?|notes)\s+(?:of|from)\s+$", regex.IGNORECASE)


def _certified_given_stated(text: ItemText, certified: int,
                            item_modality: str | None) -> Evidence | None:
    """Where the letter says UR's certified part of this request was given, its count (if it
    states one) being the count UR certified, of the item's treatment."""
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if sentence.is_guideline_talk():
                continue
            for m in sentence.finditer(_CERTIFIED_GIVEN):
                # ("the 6 sessions authorized by utilization review" only names them)
                if not _GIVEN_WORD.search(m.group(0)):
                    continue
                if _NOT_GIVEN_BEFORE.search(sentence.text, max(0, m.start() - 80), m.start()):
                    continue
                if m.group("n") is not None and to_int(m.group("n")) != certified:
                    continue
                # ("the 6 authorized chiropractic sessions were completed", of an acupuncture
                # item: another treatment's authorisation)
                named = categories.first(categories.MODALITY, m.group(0))
                if (named.value if named else None) not in (None, item_modality) or (
                        named is None and not sentence.modalities() <= {item_modality}):
                    continue
                return sentence.evidence(m.start(), m.end())
    return None


def _counted_since(text: ItemText, count: Fact, ur_on: Fact | None) -> bool:
    """Is the count stated only in records dated after UR's decision ("Medical records dated
    10-11-16 indicate that he has completed 6 sessions of physical therapy to date", UR of
    8-30-16 having authorized 6): the visits UR certified, given since?"""
    if ur_on is None or not ur_on.known:
        return False
    sentences = [e for e in text.with_context(count.evidence) if e.context]
    days = [d.value for e in sentences for d in find_dates(e.quote)]
    return bool(sentences) and bool(days) and all(day > ur_on.value for day in days)


_FOR_A_TIME = regex.compile(r"\b(?:since|from|until|before|after|recent\w*|years?|months?|"
                            r"weeks?|(?:19|20)\d\d|yet|post-?\s*op\w*|surgery|operation)\b",
                            regex.IGNORECASE)


def _sentence_of(text: ItemText, reading: Reading) -> Evidence | None:
    """The rationale's or summary's sentence holding the reading's first evidence."""
    e = reading.evidence[0]
    return next((found for part in (text.rationale, text.summary)
                 if (found := part.sentence_at(e.start, e.end)) is not None), None)


# the record said to disagree with itself: "The records are inconsistent regarding prior
# therapy: the hand surgeon states the patient has had no therapy, while the Utilization Review
# reports 12 sessions"
_IN_DISPUTE = regex.compile(r"\b(?:inconsistent|conflicting|contradictory|contradict\w*|"
                            r"discrepan\w*|disagree\w*)\b", regex.IGNORECASE)


def _none_in_dispute(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A "none" told as one side of a disagreement in the record gives way to a count the
    reviewer states outside it (the discharge note's "6 were attended")."""
    def disputed(reading: Reading) -> bool:
        sentence = _sentence_of(text, reading)
        return sentence is not None and bool(_IN_DISPUTE.search(sentence.quote))
    if any(r.value == 0 and disputed(r) for r in prior) and any(
            r.value and not disputed(r) for r in prior):
        return [r for r in prior if not (r.value == 0 and disputed(r))]
    return prior


_EARLIER_WORD = regex.compile(r"\b(?:earlier|before|previous(?:ly)?|prior)\b", regex.IGNORECASE)


def _none_before_the_count(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A "none" said of the time before a count in the same sentence ("had completed six
    chiropractic treatments between September 19, 2016 and October 14, 2016, and ... had not
    received chiropractic care at any earlier point in the claim") is none before those: the
    count stands."""
    counts = {r.value for r in prior if r.value}

    def beside_a_count(reading: Reading) -> bool:
        found = _sentence_of(text, reading)
        if found is None or not any(_EARLIER_WORD.search(e.quote)
                                    for e in reading.evidence if not e.context):
            return False
        return bool(numbers_in(found.quote) & counts)

    dropped = [r for r in prior if r.value == 0 and beside_a_count(r)]
    return [r for r in prior if r not in dropped] if dropped else prior


# UR's own count: "The Utilization Review appears to have received only the records of the
# initial trial and counted 6 visits"
_UR_CLAUSE_BREAK = regex.compile(rf"{CLAUSE_BREAK.pattern}|:|\bthough\b", regex.IGNORECASE)
_UR_COUNTED = regex.compile(rf"\b{UR_SUBJECT}\b[^.;]{{0,120}}?\b(?:counted|tallied)\b",
                            regex.IGNORECASE)


# none before a time: "He had not had chiropractic care before 2014", "before June 2013"
_NONE_UNTIL = regex.compile(r"\b(?:before|prior\s+to)\s+(?:(?P<month>[A-Za-z]+)\.?\s+)?"
                            r"(?P<year>(?:19|20)\d\d)\b(?![/-])")


# a "none" said of the time before the statement itself, matched where the none ends: "she had
# not had chiropractic care before." (the none's words may end on "before" or stop short of it)
_NONE_BEFORE_NOW = regex.compile(r"(?:(?<=\bbefore)|(?:\s+(?:care|treatment|therapy))?\s+before)"
                                 r"\s*[.;,)]", regex.IGNORECASE)


def _none_before_a_later_count(text: ItemText, prior: list[Reading]) -> list[Reading]:
    """A "none" said of the time before a month or year ("She had not had massage therapy before
    June 2013") gives way to a count dated from then on ("She received six massage sessions
    between 6/4/2013 and 7/11/2013"): the course that began the treatment."""
    raw = text.text.raw

    def until(reading: Reading) -> dt.date | None:
        spans = [e for e in reading.evidence if not e.context]
        if not spans:
            return None
        m = _NONE_UNTIL.search(raw, min(e.start for e in spans), max(e.end for e in spans) + 30)
        if m is None:
            # (or "before" the day of the note that says so: "On 08-15-2016, the treating
            # physician ... recommended a trial of chiropractic treatment; she had not had
            # chiropractic care before.")
            sentence = _sentence_of(text, reading)
            end = max(e.end for e in spans)
            if sentence is not None and _NONE_BEFORE_NOW.match(raw, end) \
                    and (days := find_dates(raw[sentence.start:min(e.start for e in spans)])):
                return days[0].value
            return None
        try:
            month = month_number(m.group("month")) if m.group("month") else 1
        except KeyError:
            month = 1   # ("before early 2014": the year)
        return dt.date(int(m.group("year")), month, 1)

    nones = [(r, when) for r in prior if r.value == 0 and (when := until(r)) is not None]
    later = [r for r in prior if r.value and (days := _count_dates(text, r))
             and all(d >= when for d in days for _, when in nones)]
    if nones and later:
        return [r for r in prior if not any(r is n for n, _ in nones)]
    return prior


# the steps that order (or sift) the counts of earlier sessions, in turn; a step that puts a
# count first gives the reason it wins (None: a step that only sets counts aside)
_COUNT_ORDER = (
    (_stated_total_first, "the total the letter states, at least as large as each other count, "
                          "wins"),
    (_summed_first, "the count that sums two counts told before it wins"),
    (_concluded_first, "the count the rationale concludes on wins"),
    (_certified_part_after_none, None),
    (_none_in_dispute, None),
    (_none_before_the_count, None),
    (_none_before_a_later_count, None),
    (_now_total, "the summary's last and largest count, said as the total now reached, wins"),
    (_records_show_first, "the count the records show, after a turn from another report's "
                          "count in the same sentence, wins"),
)


def _region_sentences(text: ItemText):
    """The named regions of the sentence each reading is told in."""
    def regions(reading: Reading) -> frozenset[str]:
        sentence = (_sentence_of(text, reading) or reading.evidence[0]).quote
        return categories.named_regions(sentence)
    return regions


def _placed_none_first(text: ItemText, prior: list[Reading],
                       item_region: str | None) -> list[Reading]:
    """"She has had no therapy directed to the hip" against "She had 10 sessions of physical
    therapy", in a story of the ankle: a statement of none for the item's own region wins over
    counts whose sentences name no region."""
    if item_region not in NAMED_REGIONS:
        return prior
    regions = _region_sentences(text)
    # (none ever: not none for a while, "has not had chiropractic treatment in over a year", nor
    # none before the injury)
    none_here = [r for r in prior if r.value == 0 and item_region in regions(r)
                 and not _FOR_A_TIME.search((_sentence_of(text, r) or r.evidence[0]).quote)]
    counts = [r for r in prior if r.value]
    if none_here and counts and not any(regions(r) for r in counts):
        return none_here
    return prior


# a total the next sentence splits: "Ten of these visits ... were directed to the cervical spine"
_OF_THESE = regex.compile(rf"^\W*(?:{_N}|all|most|some|several)\s+of\s+(?:these|those|them|the"
                          r"(?:se|ir)?\s+\w+)\b", regex.IGNORECASE)


def _next_sentence(text: ItemText, reading: Reading) -> str | None:
    """The text of the sentence after the one holding the reading's first evidence."""
    e = reading.evidence[0]
    for part in (text.rationale, text.summary):
        sentences = tuple(part.sentences())
        for i, sentence in enumerate(sentences):
            at = sentence.evidence()
            if at.start <= e.start and e.end <= at.end:
                return sentences[i + 1].text if i + 1 < len(sentences) else None
    return None


def _split_total_aside(text: ItemText, prior: list[Reading],
                       item_region: str | None) -> list[Reading]:
    """A total told with no region, whose next sentence gives part of it to another region
    ("a total of 16 chiropractic treatments for this injury. Ten of these visits ... were
    directed to the cervical spine only"), gives way to the count placed at the item's region
    ("6 visits to the lumbar spine were completed")."""
    if item_region not in NAMED_REGIONS:
        return prior
    regions = _region_sentences(text)
    if not any(r.value and regions(r) == {item_region} for r in prior):
        return prior

    def split_elsewhere(reading: Reading) -> bool:
        after = _next_sentence(text, reading) if not regions(reading) else None
        return after is not None and _OF_THESE.match(after) is not None and \
            bool(categories.named_regions(after) - {item_region})
    split = [r for r in prior if r.value and split_elsewhere(r)]
    return [r for r in prior if r not in split] if split else prior


# a total's share told without the unit: "Of these, 12 were directed to the neck and 6 to the low
# back", "only 6 of them were for the low back", "twelve of these were chiropractic manipulative
# treatment and ten were physical therapy visits"
_SHARE_FIRST = regex.compile(
    rf"\b(?:of\s+(?:these|them|those)\s*,\s*(?:only\s+)?(?P<n>{_N})|(?:only\s+)?(?P<n>{_N})\s+"
    r"of\s+(?:these|them|those))\s+(?:were|was)\s+", regex.IGNORECASE)
# ... and the shares after it ("and 6 to the low back", "and ten were physical therapy"), the
# last perhaps what is left of the total ("; the remainder addressed the neck")
_SHARE_NEXT = regex.compile(
    rf"\s*(?:[,;]\s*(?:and\s+)?|\s\b(?:and|while|with)\s+)(?:only\s+)?(?:(?P<n>{_N})|"
    r"(?P<rest>the\s+(?:remainder|rest|others|remaining\s+(?:ones|sessions|visits|treatments))))"
    r"\s+(?:(?:were|was)\s+)?(?=\w)", regex.IGNORECASE)
_SHARE_END = regex.compile(rf"[;.]|{_SHARE_NEXT.pattern}", regex.IGNORECASE)


def _shares(sentence: Sentence) -> list[tuple[int | None, int, int, str]]:
    """The shares of a total the sentence tells without their unit, each (count, start, end,
    what it is a share of), in sentence offsets; the count of what is left of the total is
    None."""
    s = sentence.text
    if not (m := sentence.search(_SHARE_FIRST)):
        return []
    found: list[tuple[int | None, int, int, str]] = []
    while m:
        rest = m.groupdict().get("rest")
        start = m.start("rest") if rest else m.start("n")
        end = (e.start() if (e := _SHARE_END.search(s, m.end())) else len(s))
        found.append((None if rest else to_int(m.group("n")), start, end, s[m.end():end]))
        if rest:
            break
        m = _SHARE_NEXT.match(s, end)
    return found


# why a region's share wins over the total it is of (the total, which Labor Code 4604.5 counts
# whatever the region, is kept as the last reading)
SHARE_OF_TOTAL = "the share of the item's region of a total told for the injury"


def _share_of_total(text: ItemText, prior: list[Reading], item_modality: str | None,
                    item_region: str | None) -> tuple[list[Reading], dict[int, Reading]]:
    """A total split into shares told without their unit ("a total of 18 physical therapy
    visits ... Of these, 12 were directed to the neck and 6 to the low back") gives the item the
    share of its own region or treatment, in place of the total (told in the sentence before or
    earlier in the same one). With the readings, the total each region's share was taken from,
    by the share's identity."""
    own_region = item_region if item_region in NAMED_REGIONS else None
    # the share, where its total may be, and whether it is a region's
    shares: list[tuple[Reading, int, int, bool]] = []
    for part in (text.rationale, text.summary):
        before = None
        for sentence in part.sentences():
            group = _shares(sentence)
            since = (before or sentence).evidence().start
            for n, start, end, what in group:
                regions = categories.named_regions(what)
                modalities = {m.value for m in categories.mentions(categories.MODALITY, what)}
                if not ((regions or modalities) and regions <= {own_region} and
                        modalities <= {item_modality}) or sentence.in_ur_quote():
                    continue
                at = sentence.evidence(start).start
                if n is None:
                    # what is left: the total less the other shares
                    total = max((r.value for r in prior if r.value and
                                 since <= r.evidence[0].start < at), default=0)
                    n = total - sum(other for other, *_ in group if other)
                    if n <= 0:
                        continue
                shares.append((Reading(value=n, part=part.name,
                                       qualifier=CountQualifier.exact,
                                       evidence=[sentence.evidence(start, end)]),
                               since, at, bool(regions)))
            before = sentence
    out, whole = list(prior), {}
    for share, since, at, regional in shares:
        totals = [r for r in out if r.value and r.value > share.value
                  and since <= r.evidence[0].start < at]
        if totals and regional:
            whole[id(share)] = max(totals, key=lambda r: r.value)
        where = out.index(totals[0]) if totals else len(out)
        out = [r for r in out if r not in totals]
        out.insert(min(where, len(out)), share)
    return out, whole


def _none_of_one_region_aside(text: ItemText, prior: list[Reading],
                              item_region: str | None) -> list[Reading]:
    """Of a request for several regions, a none said of one of them gives way to a count placed
    at another: "Therapy notes document 4 visits for the right wrist", "the left knee has not
    had therapy", of therapy for both: the count is the request's."""
    if item_region != "multiple":
        return prior
    regions = _region_sentences(text)
    named = categories.named_regions(text.title.view.folded)
    placed = set().union(*(regions(r) & named for r in prior if r.value))
    one_of = [r for r in prior if r.value == 0 and len(regions(r) & named) == 1
              and not regions(r) & named & placed]
    return [r for r in prior if r not in one_of] if one_of and placed else prior


def _region_readings(text: ItemText, item_modality: str | None, item_region: str | None,
                     parts: tuple[Part, ...], record_only: bool = False
                     ) -> list[tuple[Reading, bool, bool]]:
    """_session_readings for the item's region; for a request naming several ("for the cervical
    and lumbar spine"), the readings about any of them, in the letter's order (a count for the
    right shoulder is none of theirs)."""
    named = categories.named_regions(text.title.view.folded)
    if item_region != "multiple" or len(named) < 2:
        return _session_readings(text, item_modality, item_region, parts, record_only)
    found: dict[tuple[str, int, int], tuple[Reading, bool, bool]] = {}
    for region in sorted(named):
        for reading in _session_readings(text, item_modality, region, parts, record_only):
            first = reading[0].evidence[0]
            found.setdefault((reading[0].part, first.start, first.end), reading)
    order = {part.name: i for i, part in enumerate(parts)}
    return [found[key] for key in sorted(found, key=lambda k: (order.get(k[0], len(parts)),
                                                               k[1]))]


def _sibling_course(text: ItemText, item_modality: str | None) -> str | None:
    """The sibling therapy whose sessions are this request's course under another name, unless
    another item of the letter asks for it (then its sessions are that item's)."""
    sibling = _SIBLING_THERAPY.get(item_modality)
    if sibling is None or any(sibling in {m.value for m in categories.mentions(
            categories.MODALITY, item.title.quote)} for item in text.other_items()):
        return None
    return sibling


# "She has not had occupational therapy since the surgery", "no physical therapy since the
# operation", "no therapy since the hardware removal": none of the postsurgical course yet
_NONE_SINCE_SURGERY = regex.compile(
    r"\b(?:(?:has|had|have)\s+not\s+(?:yet\s+)?(?:had|received|started|begun|attended|"
    r"undergone|begun|commenced)\s+(?:any\s+)?|no\s+)(?P<what>[A-Za-z][A-Za-z -]{1,40}?)\s+"
    # ("The applicant had not begun physical therapy following the second operation")
    r"(?:since|following|after)\s+(?:the\s+|"
    rf"her\s+|his\s+)?(?:[\w/,-]+\s+){{0,3}}?{categories.OPERATION_NOUN}\b|"
    # "The six visits requested would be her first postoperative therapy"
    # "Postoperative therapy had not yet started", "has not yet begun postoperative therapy"
    r"\bpost-?\s*(?:operative|surgical|op)\s+(?P<what>[A-Za-z -]{0,30}?(?:therapy|rehabilitation|"
    r"visits|sessions|treatment))\s+(?:has|had|have)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:started|"
    r"begun|commenced|initiated)\b|"
    r"\b(?:has|had|have)\s+not\s+(?:yet\s+)?(?:started|begun|commenced|had|received)\s+(?:any\s+)?"
    r"post-?\s*(?:operative|surgical|op)\s+(?P<what>[A-Za-z -]{0,30}?(?:therapy|rehabilitation|"
    r"visits|sessions|treatment))\b|"
    # "The employee is 3 weeks after surgery, has marked restriction of passive motion and has
    # not begun formal therapy"
    r"(?<=\b(?:after|since|following)\s+(?:the\s+|his\s+|her\s+)?(?:surgery|operation)\b[^.;]{0,80}?)"
    r"\b(?:has|had|have)\s+not\s+(?:yet\s+)?(?:started|begun|commenced)\s+(?:any\s+)?(?:formal\s+|"
    r"supervised\s+|outpatient\s+)?(?P<what>(?:physical\s+|occupational\s+)?therapy|"
    r"rehabilitation)\b|"
    r"\b(?:would\s+be|will\s+be|are|is)\s+(?:her|his|their|the\s+(?:patient|claimant|"
    r"applicant|injured\s+worker)[\'\u2019]s|the)\s+(?:very\s+)?first\s+(?:post-?\s*operative|"
    r"post-?\s*surgical|post-?\s*op)\s+(?P<what>[A-Za-z -]{0,30}?(?:therapy|visits|sessions|"
    r"treatments?))\b", regex.IGNORECASE)


_POSTOP_WORD = regex.compile(r"\bpost-?\s*(?:operative|surgical|op)\b", regex.IGNORECASE)


def _none_since_surgery(text: ItemText, item_modality: str | None) -> list[Reading]:
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            for m in _NONE_SINCE_SURGERY.finditer(sentence.text):
                named = categories.first(categories.MODALITY, m.group("what"))
                # (in the item's own rationale, a bare "therapy" is the item's; so is a bare
                # "postoperative therapy" of a therapy item: "He has not yet begun postoperative
                # therapy", blind1447_4)
                own = named is None and (part.name == "rationale" or (
                    item_modality in _SIBLING_THERAPY
                    and _POSTOP_WORD.search(m.group(0)))) and \
                    not sentence.modalities() - {item_modality}
                if own or named is not None and named.value == item_modality:
                    return [Reading(value=0, part=part.name, qualifier=CountQualifier.exact,
                                    evidence=[sentence.evidence(m.start(), m.end())])]
    return []


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# the year a time without the treatment began, told after its cue: "since 2013", "since
# early 2014", "since March 2013", "since 03/2013", "after 10/29/2015"
_YEAR_AFTER = regex.compile(r"\s*(?:(?:early|late|mid|the\s+(?:spring|summer|fall|autumn|winter)"
                            r"(?:\s+of)?)[\s-]+)?(?:[A-Za-z]+\.?,?\s+)?(?:\d{1,2}[/-]){0,2}"
                            r"(?P<y>(?:19|20)\d\d)\b")
_MONTH_OF_YEAR = regex.compile(r"\b(?P<m>\d{1,2})[/-](?P<y>(?:19|20)\d\d)\b")
_MONTH_NAME_YEAR = regex.compile(r"\b(?P<name>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                                 r"[a-z]*\.?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")
# a course's own end, said in its clause: "of postoperative occupational therapy through
# 06/2016", "of postoperative physical therapy in 2015"
_WHEN = (r"(?P<when>(?:\d{1,2}[/-](?:\d{1,2}[/-])?)?(?:19|20)\d\d|(?:January|February|March|"
         r"April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?"
         r"(?:19|20)\d\d)\b")
_COURSE_ENDED = regex.compile(
    r"[^.;,]{0,60}?\b(?:through|until|in|during|ending|ended|completed)\s+(?:early\s+|late\s+)?"
    + _WHEN + "|"
    # "the 21 postoperative physical therapy visits that were authorized, the last on 4-22-2016"
    r"[^.;,]{0,60}?,\s+the\s+last\s+(?:[\w-]+\s+)?on\s+" + _WHEN + "|"
    # "24 sessions of postoperative physical therapy between December 2015 and April 2016"
    r"[^.;,]{0,60}?\bbetween\s+[^.;,]{1,30}?\s+and\s+" + _WHEN.replace("?P<when>", "?P<between>")
    + "|"
    # "The 16 sessions after the 2015 discectomy belong to the earlier operation"
    r"[^.;,]{0,30}?\b(?:after|following|(?:that|which)\s+followed)\s+(?:the|his|her)\s+" + _WHEN
    + rf"\s+(?:[\w-]+\s+){{0,3}}?{categories.OPERATION_NOUN}\b", regex.IGNORECASE)
_SINCE_WORD = regex.compile(r"\bsince\b", regex.IGNORECASE)
# "no therapy has been provided since the removal", "he has not had any therapy since the
# transfer" (not "since 2013": a year, not the operation)
_NONE_SINCE = regex.compile(
    r"\b(?:no\s+(?:further\s+|postoperative\s+|physical\s+|occupational\s+|hand\s+)?"
    r"(?:therapy|treatment|sessions|visits)\s+(?:has|have|had)\s+been\s+(?:provided|given|"
    r"attended|received|completed)|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:had|received|attended|"
    # ("The applicant had not begun physical therapy following the second operation")
    r"begun|started)\s+(?:any\s+)?(?:[\w-]+\s+)?(?:therapy|treatment))\s+(?:since|following|"
    r"after)\s+(?:the|his|her|that|this)\s+[\w-]+",
    regex.IGNORECASE)


_PRE_OP = regex.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,8}?(?:before|prior\s+to|preceding)\s+"
                        # ("prior to the knee replacement")
                        rf"(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){{0,2}}?{categories.OPERATION_NOUN}\b|"
                        r"^\s*(?:of\s+)?pre-?\s*op(?:erative(?:ly)?)?\b", regex.IGNORECASE)
# a count's own predicate that places it before the operation: "The 8 occupational therapy
# sessions the injured worker attended from 05-2016 to 07-2016 were given before the surgery"
_GIVEN_BEFORE_OP = regex.compile(
    r"(?:\s+[\w-]+){0,12}?\s+(?:were|was|had\s+been)\s+(?:given|completed|attended|provided|"
    rf"done|received)\s+(?:before|prior\s+to)\s+(?:the\s+|his\s+|her\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{categories.OPERATION_NOUN}\b", regex.IGNORECASE)
_PRE_OP_BEFORE = regex.compile(r"\bpre-?\s*operative(?:ly)?\s+(?:[\w-]+\s+){0,3}$|"
                               # "Treatment for the right shoulder prior to surgery included 12
                               # sessions of physical therapy"
                               r"\b(?:prior\s+to|before)\s+(?:the\s+|his\s+|her\s+)?(?:surgery|"
                               r"operation)\s+(?:included|consisted\s+of|comprised|was)\s+"
                               r"(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)


def _around_counts(text: ItemText, count: Fact) -> list[tuple[str, str]]:
    """The words just before and just after each of a count's quotes, in the sentence that
    states it."""
    evidence = text.with_context(count.evidence)
    counts = [e for e in evidence if not e.context]
    return [(ctx.quote[max(0, c.start - ctx.start - 40):c.start - ctx.start],
             ctx.quote[c.end - ctx.start:c.end - ctx.start + 80])
            for ctx in evidence if ctx.context
            for c in counts if ctx.start <= c.start and c.end <= ctx.end]


def said_before_surgery(text: ItemText, count: Fact) -> bool:
    """The letter says the sessions counted were before the operation: "8 sessions of physical
    therapy before surgery", "pre-operative physical therapy"."""
    return any(_PRE_OP.match(after) or _PRE_OP_BEFORE.search(before)
               for before, after in _around_counts(text, count))


# ("the 6 occupational therapy visits she had in 2016 preceded the release")
_PRECEDED = regex.compile(r"^\s*(?:of\s+)?(?:[\w,-]+\s+){0,8}?preceded\s+(?:the\s+|his\s+|her\s+)?"
                          rf"(?:[\w-]+\s+){{0,2}}?{categories.OPERATION_NOUN}\b", regex.IGNORECASE)


def given_before_surgery(text: ItemText, count: Fact, surgery_date: Fact) -> bool:
    """The letter says the sessions counted were before the operation ("preceded the surgery"
    too), or dates them all before it ("six sessions of physical therapy in April 2014", surgery
    08/14/2014). For a count beside a statement that none followed the operation."""
    # (an operation dated by its month: before its first day, "10 sessions of physical therapy
    # from April to June 2016", the surgery "in September 2016")
    first_day = surgery_date.value if surgery_date.known else surgery_date.earliest
    return said_before_surgery(text, count) or any(
        _PRECEDED.match(after) for _, after in _around_counts(text, count)) or (
        first_day is not None and _dated_before(text, count, first_day, named_months=True))


def _dated_before(text: ItemText, count: Fact, surgery: dt.date,
                  named_months: bool = False) -> bool:
    """Every date, month ("through 06/2016") or year ("in 2015") said just after the count, in
    the sentence that states it, ends before the surgery; and there is one."""
    return _dated_before_text(" ".join(after for _, after in _around_counts(text, count)),
                              surgery, named_months)


def _dated_before_text(text: str, surgery: dt.date, named_months: bool = False) -> bool:
    """Every date, month ("06/2016") or year in `text` ends before the surgery; and there is
    one."""
    dates = find_dates(text)
    ends = [d.value for d in dates]
    # (a whole date's month and year are not a month of their own: "through 09/12/2014" is
    # not "12/2014", nor "2014")
    for d in reversed(dates):
        text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    # a month named with its year ("in April 2014"), where asked: for a count the letter also
    # says no sessions followed (reading it everywhere would date earlier courses of other
    # treatments, whose "none since" the rules would then take)
    for m in reversed(list(_MONTH_NAME_YEAR.finditer(text)) if named_months else []):
        month, year = month_number(m.group("name")), int(m.group("y"))
        ends.append(dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    for m in _MONTH_OF_YEAR.finditer(text):
        month, year = int(m.group("m")), int(m.group("y"))
        if 1 <= month <= 12:
            ends.append(dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    ends += [dt.date(int(y.group()), 12, 31)
             for y in _YEAR.finditer(_MONTH_OF_YEAR.sub(" ", text))]
    return bool(ends) and all(end < surgery for end in ends)


def _course_dated_before(text: ItemText, count: Fact, surgery: dt.date) -> bool:
    """A count of postoperative sessions whose own clause ends them before the surgery: "16
    sessions of postoperative occupational therapy through 06/2016", "in 2015" (not "the 12
    visits since the arthroplasty", nor a date of another clause)."""
    around = _around_counts(text, count)
    return bool(around) and all(
        not _SINCE_WORD.search(before + after) and (
            ((m := _COURSE_ENDED.match(after)) and _dated_before_text(
                m.group("when") or m.group("between"), surgery, bool(m.group("between"))))
            or ((f := _FOLLOWED_BY.search(before))
                and _dated_before_text(f.group("when"), surgery)))
        for before, after in around)


# an earlier operation's day, then its course: "left L4-5 microdiscectomy on 9-22-15 followed by
# 16 postoperative PT sessions"
# ("... partial medial meniscectomy on 2-11-14 and completed 12 sessions of postoperative physical
# therapy after that procedure")
_FOLLOWED_BY = regex.compile(r"\bon\s+(?P<when>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s+(?:followed\s+by|"
                             r"and\s+(?:then\s+)?(?:completed|attended|had|received)?)\s*$",
                             regex.IGNORECASE)


# the letter says the count since the operation is not known: "the number of postoperative
# therapy sessions attended was not documented"
_SINCE_UNKNOWN = regex.compile(
    r"\b(?:number|count)\s+of\s+(?:the\s+)?(?:post-?\s*operative|post-?\s*surgical)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sessions|visits|treatments)\s+(?:\w+\s+){0,2}?(?:was|were|has|have|is)\s+not\s+(?:been\s+)?"
    r"(?:documented|stated|provided|specified|reported|known)\b|"
    # attending since, with no count: "The IW has been attending postoperative therapy since the
    # 06-14-2016 fusion", "Postoperatively the IW has been attending physical therapy"
    r"\b(?:has|have)\s+been\s+(?:attending|receiving|undergoing)\s+(?:post-?\s*operative|"
    r"post-?\s*surgical)\s+(?:physical\s+|occupational\s+)?therapy\b|"
    r"\bpost-?\s*operatively,?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:has|have)\s+been\s+"
    r"(?:attending|receiving|undergoing)\b", regex.IGNORECASE)


def before_surgery(text: ItemText, prior: Fact, since: Fact, surgery_date: Fact) -> Fact:
    """Sessions the letter dates before the surgery ("the 18 physical therapy sessions the
    injured worker attended in 2015 and 2016", surgery 1-10-17) are none since it: every date or
    year in the sentences that state the count falls before the operation. So are
    "postoperative" sessions dated before it: those followed an earlier operation ("16 sessions
    of postoperative occupational therapy through 06/2016", tendon transfer 10/18/2016)."""
    if not surgery_date.known:
        return since
    surgery = surgery_date.value
    if since.known and since.value and _course_dated_before(text, since, surgery):
        # (those are not since it; how many are is what the letter says of the time since)
        # (or another count of postoperative sessions the letter gives, not so dated: "8
        # sessions have been completed" after the revision)
        later = [r for r in since.readings or [] if r.value and not _course_dated_before(
            text, Fact(value=r.value, known=True, evidence=r.evidence), surgery)]
        if later:
            return resolve(later, RECORD_ORDER,
                           note=f"the {since.display()} postoperative sessions the letter also "
                                f"counts are dated before the surgery of "
                                f"{surgery.isoformat()} (an earlier operation's course)")
        none = next((sentence.evidence(m.start(), m.end())
                     for part in (text.summary, text.rationale) for sentence in part.sentences()
                     if (m := sentence.search(_NONE_SINCE))), None)
        if none is None and prior.known and prior.value == 0:
            # ("The injured worker has not yet started therapy"): none at all, so none since it
            return Fact(value=0, known=True, evidence=prior.evidence,
                        note=f"none since the surgery of {surgery.isoformat()}: the letter counts "
                             f"no sessions; the {since.display()} postoperative sessions it "
                             f"names are dated before it (an earlier operation's course)")
        if none is None:
            return Fact.unknown(f"the {since.display()} postoperative sessions the letter counts "
                                f"are dated before the surgery of {surgery.isoformat()} (an "
                                f"earlier course), and it gives no count since the surgery")
        return Fact(value=0, known=True, evidence=[none],
                    note=f"none since the surgery of {surgery.isoformat()}; the "
                         f"{since.display()} postoperative sessions the letter counts are dated "
                         f"before it (an earlier operation's course)")
    if since.known or not (prior.known and prior.value) or any(
            sentence.search(_SINCE_UNKNOWN) for part in (text.summary, text.rationale)
            for sentence in part.sentences()):
        return since
    if said_before_surgery(text, prior):
        return Fact(value=0, known=True, evidence=prior.evidence,
                    note=f"the {prior.display()} earlier sessions were given before the surgery "
                         f"of {surgery.isoformat()}: none since it")
    if not _dated_before(text, prior, surgery):
        return since
    return Fact(value=0, known=True, evidence=prior.evidence,
                note=f"the {prior.display()} earlier sessions are dated before the surgery of "
                     f"{surgery.isoformat()}: none since it")


def injury_visits(prior: Fact, surgery: Fact) -> Fact:
    """The visits of this treatment for the injury that Labor Code 4604.5 counts (outside
    postsurgical care): the earlier sessions the letter counts, where it names no operation
    (after one, the count may be of the postsurgical course, which the cap does not count)."""
    if not (prior.known and prior.value and not surgery.known):
        return Fact.unknown("not stated")
    if (prior.resolution or "").endswith(SHARE_OF_TOTAL):
        # a region's share of the total: the cap counts the total, whatever the region
        total = prior.readings[-1]
        return Fact(value=total.value, known=True, evidence=total.evidence,
                    qualifier=total.qualifier,
                    note="derived: the total of earlier sessions of this treatment for the "
                         "injury, of which the item's region had a share (Labor Code 4604.5 "
                         "counts visits for the injury, whatever the region)")
    return prior.model_copy(update={
        "note": "derived: the earlier sessions of this treatment, with no operation named (Labor "
                "Code 4604.5 counts visits outside postsurgical care)",
        "readings": [], "resolution": None})


_SUMMARY_REVIEWER_SAID = regex.compile(
    r"\b(?:the|that)\s+reviewer\s+(?:[\w/-]+\s+){0,3}?(?:stated|stating|noted|noting|indicated|"
    r"indicating|reported|said|found|determined|opined|cited|citing|counted)\b", regex.IGNORECASE)


def _told_as_urs(part: Part, sentence: Sentence, m: regex.Match) -> bool:
    """The count `m` of the sentence is UR's count, or UR's reason, not the record's: "non-
    certified the request because the injured worker had completed 12 physical therapy
    sessions". Each case in turn:"""
    s, low = sentence.text, m.start("low")
    # UR said so, since the sentence's last turn ("The prior reviewer noted 12 visits")
    since_turn = _TURN.split(s[:m.start()])[-1]
    if _UR_SAID.search(since_turn):
        return True
    # the summary's "the reviewer", after its account of UR's decision, is UR's ("... and were
    # non-certified. The reviewer stated that the patient had already received 12 sessions of
    # postoperative therapy", blind1448_6)
    if part.name == "summary" and _SUMMARY_REVIEWER_SAID.search(since_turn):
        return True
    # after UR's reason in the sentence, unless past a turn to the records themselves ("The
    # utilization review referred to 8 prior sessions; however, the records show that the
    # patient completed 6 visits at the first clinic"), where UR's count may yet be referred
    # back to ("however, the records show that those 12 sessions were provided to the IW's
    # co-worker")
    ur = sentence.search(_UR_REASON)
    if ur and ur.end() <= m.start() and (
            not _TURN_TO_RECORD.search(s, ur.end(), m.start())
            or _THOSE_BEFORE.search(s, max(0, low - 12), low)):
        return True
    # what UR counted, in UR's own clause (not "the utilization reviewer counted 15
    # post-operative visits; that total includes ...")
    ur = sentence.search(_UR_COUNTED)
    if ur and ur.end() <= m.start() and not _UR_CLAUSE_BREAK.search(s, ur.end(), m.start()):
        return True
    # in UR's rationale quoted from within the sentence ("... reads in full: \"The claimant has
    # attended at least 24 sessions ...")
    return part.in_ur_quote(sentence.start + low)


def _session_readings(text: ItemText, item_modality: str | None, item_region: str | None,
                      parts: tuple[Part, ...], record_only: bool = False
                      ) -> list[tuple[Reading, bool, bool]]:
    """Every reading of earlier sessions in the parts, each with whether its clause is about
    therapy after an operation and whether it is the sentence's whole count (a part of a stated
    total counts only as sessions since the surgery). With `record_only`, not the counts the
    letter gives as UR's ("the utilization review indicated the claimant had completed 12
    postoperative sessions; however, the records document ...")."""
    readings: list[tuple[Reading, bool, bool]] = []
    side = text.side
    for part in parts:
        first = len(readings)   # this part's readings begin here
        continued = False   # the sentence before counted this treatment's sessions
        authorised = None   # the sentence before authorised sessions of this treatment
        operated = False   # the sentence before told of an operation undergone
        for sentence in part.sentences():
            # (the time since the operation the sentence before told: "Since then he has
            # received ...")
            since_op = operated and sentence.search(_SINCE_THEN) is not None
            operated = sentence.search(_OPERATION_UNDERGONE) is not None and \
                not other_side(sentence.text, side)
            if sentence.is_guideline_talk() or other_side(sentence.text, side):
                continue   # (a sentence about the other side only: "underwent right shoulder
                # arthroscopy ... and has since received twelve postoperative visits")
            s = sentence.text
            counts: list[tuple[int, int, Reading, bool]] = []   # this sentence's counts
            elsewhere = False   # a count of the sentence placed at another region
            for m in sentence.finditer(_COURSE_COUNT):
                # (the authorisation an attended part is told of is an earlier one)
                if _other_region(clause_around(s, m.start("low")), item_region, side) or \
                        _DECIDED_AFTER.match(s, m.end()) or _COURSE_ASKED.match(s, m.end()) \
                        or (m.group("attended") is None and _request_near(s, m.start(), m.end())):
                    continue   # ("The 8-session course of aquatic therapy proposed here")
                if _PAST.search(s) and count_modality(
                        sentence, m.start("low"), m.end(), item_modality,
                        part.name == "rationale") == item_modality:
                    counts.append((m.start("low"), m.end(), Reading(
                        value=to_int(m.group("low")), part=part.name,
                        qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(m.start("low"), m.end())]),
                        _post_op(s, clause_around(s, m.start("low")))))
            # "Chiropractic care was provided in two rounds of six visits": the rounds times the
            # visits of each, in a sentence about this treatment alone
            for m in sentence.finditer(_ROUNDS):
                clause = clause_around(s, m.start())
                # (in the item's own rationale, a sentence naming no treatment is about the
                # item's: "all three authorizations of eight visits have been used")
                if sentence.modalities() != {item_modality} and not (
                        part.name == "rationale" and not sentence.modalities()) or \
                        _other_region(clause, item_region, side) or \
                        _request_near(s, m.start(), m.end()):
                    continue
                # (authorisations are had only when said used: "all three authorizations of
                # eight visits have been used", not "Twenty-four visits were authorized, in three
                # authorizations of eight visits each, but ... the attendance log ... document 14")
                if _AUTHORISATIONS.match(m.group("unit")) and not _ROUNDS_USED.match(s, m.end()):
                    continue
                counts.append((m.start(), m.end(), Reading(
                    value=to_int(m.group("rounds")) * to_int(m.group("each")), part=part.name,
                    qualifier=CountQualifier.exact,
                    evidence=[sentence.evidence(m.start(), m.end())]), _post_op(s, clause)))
            # "8 PT to date": the count, then the treatment
            for m in sentence.finditer(_N_TREATMENT_TO_DATE):
                hit = categories.first(categories.MODALITY, m.group("what"))
                clause = clause_around(s, m.start("low"))
                if hit is not None and hit.value == item_modality and \
                        hit.end == len(m.group("what")) and \
                        not _other_region(clause, item_region, side):
                    counts.append((m.start("low"), m.end(), Reading(
                        value=int(m.group("low")), part=part.name,
                        qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(m.start("low"), m.end())]),
                        _post_op(s, clause)))
            # "post-operative physical therapy #2 October, #7 November, #5 December, and #2
            # January 2017": the visits of each month, summed
            for m in sentence.finditer(_MONTHLY_VISITS):
                hit = [h for h in categories.mentions(categories.MODALITY, s[:m.start()])
                       if not s[h.end:m.start()].strip()]
                clause = clause_around(s, hit[-1].start if hit else m.start())
                if hit and hit[-1].value == item_modality and \
                        not _other_region(clause, item_region, side):
                    counts.append((hit[-1].start, m.end(), Reading(
                        value=sum(int(n) for n in _MONTH_COUNT.findall(m.group())),
                        part=part.name, qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(hit[-1].start, m.end())]),
                        _post_op(s, s[max(0, hit[-1].start - 30):m.end()])))
            # "PT daily notes were submitted for visits dated 07/11/2016, 07/13/2016, ... and
            # 08/04/2016": a visit for each date listed, in a sentence about this treatment alone
            if sentence.modalities() == {item_modality}:
                for m in sentence.finditer(_DATED_VISITS):
                    dates = _date_list(s, m.end())
                    clause = clause_around(s, m.start())
                    if len(dates) < 2 or _other_region(clause, item_region, side) or \
                            _request_near(s, m.start(), dates[-1][1]):
                        continue
                    counts.append((m.start(), dates[-1][1], Reading(
                        value=len(dates), part=part.name, qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(m.start(), dates[-1][1])]),
                        _post_op(s, clause)))
            # "post-op PT x 8 to date": the treatment, then its count so far; in a list of the
            # treatment had ("Prior treatment included physical therapy x 12, acupuncture, ...")
            # a count so written is its count
            listed = sentence.search(_TREATMENT_LIST)
            for m in [*sentence.finditer(_X_TO_DATE), *sentence.finditer(_X_DATED),
                      *(_X_LISTED.finditer(s, listed.end()) if listed else ())]:
                hit = [h for h in categories.mentions(categories.MODALITY, s[:m.start()])
                       if not s[h.end:m.start()].strip(" (")]
                clause = clause_around(s, m.start("low"))
                if hit and hit[-1].value == item_modality and \
                        not _other_region(clause, item_region, side):
                    counts.append((hit[-1].start, m.end(), Reading(
                        value=int(m.group("low")), part=part.name,
                        qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(hit[-1].start, m.end())]),
                        _post_op(s, clause)))
            # a note's "s/p 14 PT (through 05-2016)": the count before the treatment's name
            for m in sentence.finditer(_STATUS_POST_COUNT):
                named = categories.first(categories.MODALITY, s[m.end():m.end() + 40])
                clause = clause_around(s, m.start("low"))
                if named is not None and named.start == 0 and named.value == item_modality and \
                        not _other_region(clause, item_region, side):
                    counts.append((m.start("low"), m.end() + named.end, Reading(
                        value=int(m.group("low")), part=part.name,
                        qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(m.start("low"), m.end() + named.end)]),
                        _post_op(s, clause)))
            for m in sentence.finditer(_COUNT):
                if any(c[0] <= m.start("low") < c[1] for c in counts):
                    continue   # (read already: "two rounds of six visits")
                if any(c[0] < m.start("low") for c in counts) and _LATEST_OF.search(
                        s, max(0, m.start("low") - 25), m.start("low")):
                    continue   # (some of those counted before it: "has completed 24
                    # postoperative sessions and 6 further sessions this fall, ... and the most
                    # recent 6 sessions produced no measurable change")
                # ("after 10 days of treatment": a programme's days done)
                done = _said_done(s, m.start("low")) or (
                    (m.group("hours") or m.group("programme_days"))
                    and _AFTER.search(s, 0, m.start("low")))
                # ("had used 4 of the 6 visits authorized": the part of an authorisation had)
                used_of = (n_of := _N_OF.search(s, max(0, m.start("low") - 30), m.start("low"))) \
                    and _USED_N.search(s, max(0, n_of.start() - 20), n_of.start())
                if not done or (_request_near(s, m.start(), m.end()) and not used_of) or \
                        _WHETHER_THE.search(s, max(0, m.start("low") - 24), m.start("low")) or \
                        _NOT_YET_GIVEN.match(s, m.end()) or (
                            _GIVEN_AFTER.match(s, m.end())
                            and _NO_RECORD_THAT.search(s, 0, m.start())):
                    continue   # ("the 6 authorized chiropractic visits had not been scheduled")
                clause = clause_around(s, m.start("low"), _COUNT_BREAK)
                if _JUDGED.match(s, m.end()) and not _PAST.search(clause):
                    continue   # "..., and 6 treatments is within the 3 to 6": the request
                    # weighed against the guideline, not sessions had
                if PROJECTED_TOTAL.search(s, max(0, m.start("low") - 40), m.start("low")) or \
                        _SUMMED_TOTAL.search(s, max(0, m.start("low") - 130), m.start("low")) or \
                        _PROJECTS.match(s, m.end()):
                    continue   # "The 4 additional sessions authorized ... bring the total to 8
                    # sessions": what the course would come to
                if (FIGURE_BEFORE.search(s, max(0, m.start("low") - 70), m.start("low"))
                        and not (m.group("qual") and _HAD_BEFORE.search(
                            s, max(0, m.start("qual") - 40), m.start("qual")))) or \
                        _AS_LIMIT.match(s, m.end()) or \
                        _FIGURE_COLON.search(s, max(0, m.start("low") - 140), m.start("low")):
                    continue   # "... is within the 3 to 6 treatments", "treated the 3-6
                    # treatments as a limit": the guideline's figure
                if _GUIDELINE_SAYS_BEFORE.search(s, max(0, m.start("low") - 340),
                                                 m.start("low")):
                    continue   # "the MTUS ... does support a trial of six visits over two
                    # weeks, with evidence of objective functional improvement, for a total of up
                    # to 18 visits": the guideline's figures, further on in its clause
                if _DEFINED_COURSE.search(s[:m.start()]):
                    continue  # "The initial course of therapy is one half ..., or 17 visits"
                if _DENIED_COUNT_BEFORE.search(s, max(0, m.start("low") - 20), m.start("low")) or \
                        (to_int(m.group("low")) == 1 and _IS_ONE_BEFORE.search(
                            s, max(0, m.start("low") - 20), m.start("low"))):
                    continue  # "..., not twelve visits"; "a visit at which both knees are
                    # treated is one visit": a count denied, a definition
                if _WINDOW_BEFORE.search(s, max(0, m.start("low") - 30), m.start("low")):
                    continue  # "with no change in either measure over the last 4 visits": a
                    # window of the course, not the course
                if _EACH_WITH_BEFORE.search(s, max(0, m.start("low") - 40), m.start("low")):
                    continue  # "his two previous flare-ups were each managed with 2 visits": a
                    # count per episode
                if _FUTURE_CARE_BEFORE.search(s, max(0, m.start() - 120), m.start()):
                    continue  # "the medical-legal evaluator had suggested that the applicant's
                    # future medical care include \"up to 12 sessions of physical therapy per
                    # year for flares\"": an allowance, not sessions had
                # the count's own predicate (`_COUNT_PREDICATES`): not had, or set aside by
                # the letter itself; a place is weighed below, after the count's own clause
                predicate = _predicate_cues(s, m.end(), m.group("low"), item_modality)
                if any(cue.effect != "placed" for cue, _ in predicate):
                    continue
                if _NONE_OF_BEFORE.search(s, max(0, m.start("low") - 20), m.start("low")):
                    continue   # "none of the 6 approved aquatic therapy sessions were attended"
                    # (`_authorisation_used` reads it: none had)
                if _UR_TOTAL.search(s, max(0, m.start("low") - 50), m.start("low")) or \
                        _UR_COUNT_AFTER.match(s, m.end()):
                    continue   # "The utilization review total of 24 visits combined ...": UR's
                    # sum, which the letter goes on to take apart
                if _GRANTED.search(s, m.start("low"), m.end()) and _REFUSED.search(s):
                    continue   # "the 2 approved sessions plus the 6 denied sessions equals the 8
                    # sessions requested": UR's split of this request, not sessions had
                if _GRANTED.search(s, m.start("low"), m.end()) and \
                        not _DONE_VERB.search(clause_around(s, m.start("low"), _COUNT_BREAK)) and \
                        not _DONE_VERB.search(_TURN.split(s[:m.start("low")])[-1]) and \
                        not _said_used(s, m.end()):
                    continue   # "The prior review referred to 12 certified visits; however, the
                    # therapy notes document 8 attended visits": visits granted, not had (not
                    # "she completed the 12 authorized visits", "documents completion of the 6
                    # certified visits")
                if record_only and _told_as_urs(part, sentence, m):
                    continue
                if _other_region(clause, item_region, side):
                    elsewhere = True
                    continue
                if _WOULD.search(clause) or EARLIER_CLAIM.search(s) or _led_elsewhere(
                        s, item_region, side, part.view.folded, sentence.start):
                    continue
                # the count's predicate places it elsewhere ("6 sessions of physical therapy,
                # however these were directed to the lumbar spine")
                if any(cue.effect == "placed" and _other_region(s[at:at + 60], item_region, side)
                       for cue, at in predicate):
                    continue
                in_programme = bool(m.group("hours") or m.group("programme_days"))
                if in_programme and item_modality not in _PROGRAMMES:
                    continue
                mod = count_modality(sentence, m.start("low"), m.end(), item_modality,
                                     part.name == "rationale")
                # "A note dated 03-29-2016 documented 6 more visits", "a second block of 12
                # sessions had been finished", right after a sentence counting this treatment's
                # sessions: more of the same
                if mod is None and continued and not sentence.modalities() and (
                        _MORE_COUNT.match(s, m.start("low")) or _MORE_BEFORE.search(
                            s, max(0, m.start("low") - 25), m.start("low"))
                        or _ANOTHER_COURSE.search(s, max(0, m.start("low") - 30),
                                                  m.start("low"))):
                    mod = item_modality
                # ("completed 80 hours of the program", "The program's progress report, after
                # 10 days of treatment, documents ...": a programme's own units, in a sentence
                # that names no other treatment)
                if mod is None and in_programme and sentence.modalities() <= {item_modality}:
                    mod = item_modality
                # ("An initial request for 12 sessions of physical therapy ... was modified to 6
                # sessions, and the patient completed those 6 sessions": the sentence's one
                # treatment, referred back to)
                # (not of another region the sentence names: "certified 6 chiropractic visits
                # for the spine, and he received those 6 visits", of the knees)
                if mod is None and sentence.modalities() == {item_modality} and \
                        _THOSE_BEFORE.search(s, max(0, m.start("low") - 12), m.start("low")) \
                        and not _other_region(s, item_region, side):
                    mod = item_modality
                # ("Per the chiropractic ledger, he had 6 visits in 2013, ...": the records of the
                # sentence's one treatment)
                if mod is None and sentence.modalities() == {item_modality} and \
                        _PER_RECORDS.search(s, 0, m.start("low")) and \
                        not _other_region(s, item_region, side):
                    mod = item_modality
                if item_modality is None or mod != item_modality:
                    continue
                low = to_int(m.group("low"))
                high = to_int(m.group("high")) if m.group("high") else None
                if m.group("hours"):
                    if low % HOURS_A_DAY or (high is not None and high % HOURS_A_DAY):
                        continue
                    low, high = low // HOURS_A_DAY, high // HOURS_A_DAY if high else None
                # "14 scheduled visits, of which 2 were cancelled": twelve had
                count_end = m.end()
                if (gone := _OF_WHICH_CANCELLED.match(s, m.end())) and high is None and \
                        to_int(gone.group("n")) < low:
                    low, count_end = low - to_int(gone.group("n")), gone.end()
                qual_text = " ".join((m.group("qual") or "").lower().split())
                # "has completed 6 of 8 authorized sessions": six had, of eight
                if of := _N_OF.search(s, max(0, m.start("low") - 30), m.start("low")):
                    low, high, qual_text = to_int(of.group("n")), None, ""
                if high is not None and high > low:
                    qualifier, upper = CountQualifier.range, high
                elif qual_text in _AT_LEAST or m.group("plus"):
                    qualifier, upper = CountQualifier.at_least, None
                elif qual_text in _AT_MOST:
                    qualifier, upper = CountQualifier.at_most, None
                elif qual_text:
                    qualifier, upper = CountQualifier.approximately, None
                else:
                    qualifier, upper = CountQualifier.exact, None
                qstart = (of.start() if of else m.start("qual") if m.group("qual")
                          else m.start("low"))
                # ("The 6 sessions of occupational therapy the claimant received prior to
                # surgery do not count ..., and she has not yet started post-operative therapy",
                # "has had no post-operative therapy; the 6 occupational therapy visits she had in
                # the spring of 2016 preceded the surgery")
                counts.append((qstart, count_end,
                               Reading(value=low, part=part.name, qualifier=qualifier,
                                       upper=upper,
                                       evidence=[sentence.evidence(qstart, count_end)]),
                               _post_op(s, clause)
                               and not _PRE_OP.match(s[m.end():])
                               and not _PRECEDED.match(s[m.end():])
                               # ("The 8 occupational therapy sessions the injured worker
                               # attended from 05-2016 to 07-2016 were given before the surgery
                               # ... and do not count against the postsurgical course")
                               and not _GIVEN_BEFORE_OP.match(s, m.end())))
            # "completed her 8th visit of physical therapy", "PT 8/8 completed": the visits had
            # so far (in a sentence that names the treatment: "her 4th visit" alone may be the
            # doctor's)
            noted: list[tuple[int, int, Reading, bool]] = []
            for m in [*_ORDINAL_VISIT.finditer(s), *_SLASH_DONE.finditer(s)]:
                if any(c[0] <= m.start("low") < c[1] for c in counts) or (
                        m.groupdict().get("of") and _low(m) > to_int(m.group("of"))):
                    continue
                clause = clause_around(s, m.start("low"))
                # (a visit numbered out of an authorisation is had: "was visit #6 of the six
                # visits authorized")
                numbered_of = m.groupdict().get("of") and _NUMBERED_VISIT.match(m.group())
                if _other_region(clause, item_region, side) or (
                        not numbered_of and _request_near(s, m.start(), m.end())):
                    continue
                mod = count_modality(sentence, m.start("low"), m.end(), item_modality,
                                     part.name == "rationale")
                if mod is None and sentence.modalities() == {item_modality}:
                    mod = item_modality
                # (a day is a programme's, in a sentence naming no other treatment)
                if m.groupdict().get("day") and (item_modality not in _PROGRAMMES or
                                                 not sentence.modalities() <= {item_modality}):
                    continue
                if mod is None and m.groupdict().get("day"):
                    mod = item_modality
                if mod == item_modality:
                    # ("visit 8 of 12": at least 8 by then; a later count supersedes it)
                    interim = bool(m.groupdict().get("of")) and \
                        _low(m) < to_int(m.group("of")) or bool(m.groupdict().get("numbered"))
                    noted.append((m.start("low"), m.end(), Reading(
                        value=_low(m), part=part.name,
                        qualifier=CountQualifier.at_least if interim else CountQualifier.exact,
                        evidence=[sentence.evidence(m.start("low"), m.end())]),
                        _post_op(s, clause)))
            # visits numbered on the way are points of one course: the furthest tells it ("the
            # initial evaluation ... was visit #1, and the re-evaluation ... was visit #6 of
            # the six visits authorized")
            if noted:
                counts.append(max(noted, key=lambda c: int(c[2].value)))
            used, authorised = _authorisation_used(sentence, authorised, item_modality,
                                                   item_region, part.name == "rationale")
            counts.extend(c for c in used if not any(c[0] <= d[0] < c[1] for d in counts))
            counts.sort(key=lambda c: c[0])
            appended: set[int] = set()   # courses added to the first (summed with it)
            if counts:
                # "10 sessions of PT in 2010 and another 8 in 2011", "12 sessions of therapy in
                # 2014, 8 more in June 2015 and six of eight authorized since October 2016": a
                # count with its unit left out, after one of this treatment's
                provided = _PROVIDER_AFTER.match(s, counts[0][1]) is not None
                # ("he had 6 visits in 2013, 8 in 2014, 2 in 2015 and 1 in early 2016")
                yearly = _PERIOD_AFTER.match(s, counts[0][1]) is not None
                for m in [*_ANOTHER_N.finditer(s, counts[0][1]),
                          *_MORE_N.finditer(s, counts[0][1]),
                          *(_PROVIDER_N.finditer(s, counts[0][1]) if provided else ()),
                          *(_YEAR_N.finditer(s, counts[0][1]) if yearly else ())]:
                    if any(c[0] <= m.start("low") < c[1] for c in counts):
                        continue
                    appended.add(m.start("low"))
                    # (the evidence of "another 8" is "and another 8"; of "8 more", "8 more")
                    quoted = m.start() if m.re is _ANOTHER_N else m.start("low")
                    counts.append((m.start("low"), m.end(), Reading(
                        value=to_int(m.group("low")), part=part.name,
                        qualifier=CountQualifier.exact,
                        evidence=[sentence.evidence(quoted, m.end())]), counts[0][3]))
                counts.sort(key=lambda c: c[0])
            if elsewhere and len(counts) > 1:
                # ("8 chiropractic treatments directed to the cervical spine ..., and 6
                # treatments directed to the lumbar spine ..., for 14 chiropractic visits in
                # all", for the lumbar spine: the total takes in the other region's)
                counts = [c for c in counts if not _sentence_total(s, c)] or counts
            if since_op:
                counts = [(start, end, reading, True) for start, end, reading, _ in counts]
            readings.extend(_one_count(sentence, counts, appended))
            continued = bool(counts)
            none = _no_recent(sentence, item_modality, item_region)
            if none is not None:
                readings.append((none, bool(_POST_OP.search(none.evidence[0].quote)), True))
        # the counts the part itself sets aside: "The injured worker has therefore had 5
        # acupuncture treatments for the right elbow, not 6, 10 or 11"
        rejected = {to_int(n) for sentence in part.sentences()
                    for m in sentence.finditer(_NOT_THESE) for n in m.captures("n")}
        if rejected:
            readings[first:] = [r for r in readings[first:]
                                if r[0].value not in rejected or r[0].value == 0]
    return readings


# a count corrected in the same breath: "has therefore had 5 acupuncture treatments ..., not 6,
# 10 or 11" (the numbers after "not" are others' counts)
_NOT_THESE = regex.compile(
    rf"\b(?:had|received|attended|completed)\s+(?:only\s+)?{_N}\s+(?:[\w-]+\s+){{0,6}}?"
    r"(?:sessions|visits|treatments)\b[^.;]{0,60}?,\s*not\s+"
    rf"(?P<n>{_N})(?:\s*(?:,|,?\s*or|,?\s*nor)\s*(?P<n>{_N}))*\b", regex.IGNORECASE)


# what is left of an authorisation: "was authorized 8 postoperative occupational therapy
# visits, the most the guidelines recommend, of which 2 remain", "was authorized 6 postoperative
# visits, one of which remains"
_OF_WHICH_REMAIN = regex.compile(
    rf"[^.;]{{0,60}}?(?:\bof\s+which\s+(?P<left>{_N})|(?<![\w-])(?P<left>{_N})\s+of\s+which)\s+"
    r"(?:(?:visits?|sessions?|treatments?)\s+)?(?:remains?|(?:is|are)\s+(?:left|remaining))\b",
    regex.IGNORECASE)
# ... said in the next sentence: "Per the occupational therapy note dated 11-30-2016, two visits
# remain on that authorization"
_REMAIN_ON = regex.compile(
    rf"(?<![\w-])(?P<left>{_N})\s+(?:[\w-]+\s+)?(?:visits?|sessions?|treatments?)\s+"
    r"(?:remains?|(?:is|are)\s+left)\s+(?:on|of|from|under|in)\s+(?:that|the|this|his|her|their)"
    r"\s+(?:current\s+|last\s+|latest\s+)?authori[sz]ation\b", regex.IGNORECASE)


# sessions said had, the patient the subject ("attended only 2"), or given, in the passive
# ("none of them was ever used")
_HAD_VERB = r"(?:attended|completed|used|received|had|finished)"
_WAS_GIVEN = (r"(?:was|were|has|have|had)\s+(?:ever\s+)?(?:been\s+)?(?:used|attended|given|"
              r"provided|started|received)")
# none of it used: "8 sessions were authorized in March 2015, but the pool closed before her
# first appointment and none of them was ever used"
_NONE_OF_THEM_USED = regex.compile(
    rf"[^.;]{{0,120}}?\b(?P<none>none\s+of\s+them\s+{_WAS_GIVEN})\b", regex.IGNORECASE)
_NONE_OF_BEFORE = regex.compile(r"\bnone\s+of\s+(?:the|those|these)\s+$", regex.IGNORECASE)
# what is left, told as a part of the authorisation (with _N_OF before it): "2 of the 8
# authorized visits remain", "With 2 of the 8 authorized visits still remaining at the
# 12/14/2016 re-evaluation"
_STILL_LEFT = regex.compile(
    r"\s+(?:still\s+)?(?:remain(?:s|ed|ing)?|(?:were|are|was|is)\s+(?:still\s+)?(?:left|"
    r"remaining|unused|outstanding))\b", regex.IGNORECASE)
# ... or named: "None of the 8 sessions has been used" (of an authorisation told before)
_NONE_OF_THE_N_USED = regex.compile(
    rf"\bnone\s+of\s+(?:the|those|these)\s+(?P<n>{_N})\s+(?:[\w-]+\s+){{0,3}}?(?:sessions|visits|"
    rf"treatments)\s+{_WAS_GIVEN}\b", regex.IGNORECASE)
# ... or not attended at all: "the injured worker did not attend any of the scheduled visits"
# (of an authorisation told before), "did not attend any of the six certified visits"
_NONE_ATTENDED = regex.compile(
    r"\b(?:did\s+not|didn't|never)\s+(?:attend|use|start|begin|receive)\s+(?:any\s+of\s+)?"
    rf"(?:the|those|these)\s+(?:(?P<n>{_N})\s+)?(?:[\w-]+\s+){{0,2}}?(?:sessions|visits|"
    r"treatments|appointments)\b", regex.IGNORECASE)
# part of it used: "of the 6 sessions certified on 08/14/2014 the employee attended only 2"
# (after `_OF_THE`)
_ATTENDED_ONLY = regex.compile(
    rf"[^.;]{{0,80}}?\b{_HAD_VERB}\s+(?:only\s+)?(?P<n>{_N})\b"
    r"(?!\s*(?:%|percent|times|weeks?|months?|days?))", regex.IGNORECASE)
# ... said in the next sentence: "He attended the first 2 sessions, on 09/03/2014 and 09/05/2014"
_ATTENDED_FIRST = regex.compile(
    rf"\b{_HAD_VERB}\s+(?:only\s+)?(?:the\s+first\s+)?(?P<n>{_N})\s+"
    r"(?:of\s+them|sessions|visits|treatments)\b", regex.IGNORECASE)


def _authorisation_used(sentence: Sentence, before: tuple[int, Evidence] | None,
                        item_modality: str | None, item_region: str | None, own: bool
                        ) -> tuple[list[tuple[int, int, Reading, bool]],
                                   tuple[int, Evidence] | None]:
    """The sessions had of an authorisation the letter tells by what is left of it (the
    authorisation less the rest), and the authorisation of this treatment the sentence states,
    for the next sentence (`before` is the one the sentence before stated)."""
    s = sentence.text
    used: list[tuple[int, int, Reading, bool]] = []

    def had(start: int, end: int, value: int, evidence: list[Evidence], post_op: bool) -> None:
        used.append((start, end, Reading(value=value, part=sentence.part.name,
                                         qualifier=CountQualifier.exact, evidence=evidence),
                     post_op))

    if before is not None:
        after_op = _post_op(before[1].quote, before[1].quote)
        if (m := sentence.search(_REMAIN_ON)) and 0 <= to_int(m.group("left")) < before[0]:
            had(m.start("left"), m.end(), before[0] - to_int(m.group("left")),
                [before[1], sentence.evidence(m.start("left"), m.end())],
                _post_op(s, s) or after_op)
        elif ((m := sentence.search(_NONE_OF_THE_N_USED)) and to_int(m.group("n")) == before[0]
              ) or ((m := sentence.search(_NONE_ATTENDED)) and (
                m.group("n") is None or to_int(m.group("n")) == before[0])):
            # (none of it: "None of the 8 sessions has been used", "did not attend any of the
            # scheduled visits")
            had(m.start(), m.end(), 0, [before[1], sentence.evidence(m.start(), m.end())],
                after_op)
        elif not sentence.modalities() and (m := sentence.search(_ATTENDED_FIRST)) and \
                0 < to_int(m.group("n")) < before[0]:
            had(m.start("n"), m.end(), to_int(m.group("n")),
                [before[1], sentence.evidence(m.start("n"), m.end())], after_op)
    if not used and ((m := sentence.search(_NONE_OF_THE_N_USED)) or (
            (m := sentence.search(_NONE_ATTENDED)) and m.group("n") is not None)) and \
            count_modality(sentence, m.start("n"), m.end(), item_modality, own) == \
            item_modality and not _other_region(clause_around(s, m.start("n")), item_region):
        # an authorisation named with none of it used: "none of the 6 approved aquatic therapy
        # sessions were attended", "did not attend any of the six certified visits"
        had(m.start(), m.end(), 0, [sentence.evidence(m.start(), m.end())], _post_op(s, s))
    authorised = None
    for m in sentence.finditer(_COUNT):
        # (the authorisation's word may be the count's own: "2 of the 8 authorized visits
        # remain")
        left_of = _CLAIM_PAID.search(m.group()) and _STILL_LEFT.match(s, m.end()) and \
            _N_OF.search(s, max(0, m.start("low") - 30), m.start("low"))
        if not (_AUTHORIZED_COUNT.match(s[m.end():]) or _AUTHORIZED_BEFORE.search(
                s, max(0, m.start("low") - 40), m.start("low")) or left_of) or m.group("high"):
            continue
        clause = clause_around(s, m.start("low"))
        if _other_region(clause, item_region) or count_modality(
                sentence, m.start("low"), m.end(), item_modality, own) != item_modality:
            continue
        granted = to_int(m.group("low"))
        authorised = (granted, sentence.evidence(m.start("low"), m.end()))
        if (rest := _OF_WHICH_REMAIN.match(s, m.end())) and \
                0 <= to_int(rest.group("left")) < granted:
            had(m.start("low"), rest.end(), granted - to_int(rest.group("left")),
                [sentence.evidence(m.start("low"), rest.end())], _post_op(s, clause))
        elif left_of and 0 <= to_int(left_of.group("n")) < granted:
            rest_end = _STILL_LEFT.match(s, m.end()).end()
            had(left_of.start(), rest_end, granted - to_int(left_of.group("n")),
                [sentence.evidence(left_of.start(), rest_end)], _post_op(s, clause))
        elif rest := _NONE_OF_THEM_USED.match(s, m.end()):
            had(m.start("low"), rest.end(), 0, [sentence.evidence(m.start("low"), m.end()),
                                               sentence.evidence(rest.start("none"), rest.end())],
                _post_op(s, clause))
        elif _OF_THE.search(s, max(0, m.start("low") - 10), m.start("low")) and \
                (rest := _ATTENDED_ONLY.match(s, m.end())) and \
                0 < to_int(rest.group("n")) < granted:
            had(m.start("low"), rest.end(), to_int(rest.group("n")),
                [sentence.evidence(m.start("low"), rest.end())], _post_op(s, clause))
    return used, authorised


UNPLACED_MENTION = ("the letter names this treatment without a body region only, and gives it "
                    "for another region elsewhere")


# what UR said of the history, in the clause that states a count
_UR_SAID = regex.compile(
    # ("Utilization review on 11-30-2016 stated that the claimant had attended 27 ...")
    rf"\b{UR_SUBJECT}\s+(?:[\w/-]+\s+){{0,3}}?(?:indicated|stated|noted|reported|said|counted|"
    # ("Utilization Review treated the 3-6 treatments as a limit")
    r"cited|asserted|found|determined|felt|assumed|treated|considered|read|applied|"
    # ("While the claims administrator contended that the applicant had had twelve prior
    # acupuncture treatments ..., the attending provider's appeal letter made clear ...")
    r"contended|argued|claimed|alleged|"
    # ("The utilization review determination states that the employee had completed 12")
    r"indicates|states|notes|reports|says|counts|cites|asserts|finds|treats|considers|"
    r"applies|"
    # ("The utilization review denial rests on a count of 18 physical therapy sessions")
    r"rests|rested|relies|relied|"
    # ("The utilization review arrived at 12 prior visits by counting the neck and the low back
    # separately")
    r"arrived\s+at|came\s+to|"
    # ("Although the utilization review report refers to 12 completed sessions, the therapy
    # daily notes ... document nine visits")
    r"refers\s+to|referred\s+to|mentions|mentioned|lists|listed|describes|described|"
    # ("Although the Utilization Review referenced 6 prior sessions, the acupuncture notes
    # document ... 12 sessions")
    r"referenced|references)\b|"
    # ("The claims administrator's reference to 18 chiropractic treatments in 2014 ...
    # conflated the number of treatments authorized with the 12 treatments actually attended")
    rf"\b{UR_SUBJECT}(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,2}}?(?:reference|count|tally|figure|"
    r"citation)\s+(?:to|of)\b|"
    # UR's points answered one by one, UR the "it" of each: "The utilization review denial rests
    # on three points ... Second, it states that the claimant has completed 12 sessions of
    # acupuncture. The records contain no acupuncture notes"
    r"^\W*(?:second|third|fourth|finally|lastly),\s+it\s+(?:states|stated|asserts|asserted|"
    r"claims|claimed|says|said)\b|"
    # UR's reason told without UR named: "Physical therapy was non-certified on the basis that
    # the injured worker had completed 18 sessions"
    # ("utilization review non-certified the physical therapy, stating that the injured worker
    # had completed 12 visits")
    r"\b(?:non-?certified|not\s+certified|denied)\s+(?:\w+,?\s+){0,3}?(?:on\s+the\s+(?:basis|grounds?)\s+that|"
    r"because|stating\s+that|citing|noting\s+that)\b",
    regex.IGNORECASE)
# UR's argument, which the reviewer answers: a judgement, not the record ("While the claims
# administrator contended that the applicant had failed to profit from earlier therapy, ...");
# a count it names stays a count ("contended that the applicant had already received 14
# sessions")
_UR_ARGUED = regex.compile(rf"\b{UR_SUBJECT}\s+(?:\w+\s+){{0,3}}?(?:contended|argued|maintained|"
                           r"claimed|posited)\b", regex.IGNORECASE)
_OF_WHICH_CANCELLED = regex.compile(
    rf"\s*,?\s*(?:of\s+which|but)\s+(?P<n>{_N})\s+(?:were|was|had\s+been)\s+"
    r"(?:cancel+ed|missed)\b", regex.IGNORECASE)
# where UR's clause ends (a colon too: "the utilization reviewer counted the treatments
# certified rather than those given: the claimant had 2 acupuncture treatments, not 6")
# (and the end of a concession: "Although utilization review counted 14 sessions, the therapy
# notes show ... so 12 visits have actually been completed")
_TURN = regex.compile(r"[;:]|\bhowever\b|\bbut\b|\bwhereas\b|"
                      r"\b(?:although|though|while)\b[^,;.]{0,120},", regex.IGNORECASE)
# a count referred back to: "those 12 sessions"
_THOSE_BEFORE = regex.compile(r"\b(?:those|these|the\s+same)\s+$", regex.IGNORECASE)
# the turn from UR's reason to the record, in one sentence
# (to the records themselves, not to the patient: "UR cited untreated depression; however, the
# patient has completed six sessions of cognitive behavioral therapy" stays UR's answer)
_TURN_TO_RECORD = regex.compile(r"\b(?:however|but|whereas)\b[^.;]{0,40}?"
                                r"\b(?:the\s+)?(?:records?|notes?|reports?|documentation|log)\b",
                                regex.IGNORECASE)
# "8 PT to date", "6 chiro so far": a count, then the treatment's short name, so far
_N_TREATMENT_TO_DATE = regex.compile(
    r"(?<![\w./-])(?P<low>\d{1,2})\s+(?P<what>(?:post-?op(?:erative)?\s+)?[A-Za-z][A-Za-z-]*"
    r"(?:\s+[A-Za-z-]+)?)\s+(?:to\s+date|so\s+far|thus\s+far)\b", regex.IGNORECASE)
_ROUNDS = regex.compile(
    rf"\b(?P<rounds>{_N})\s+(?P<unit>rounds|courses|blocks|series|authori[sz]ations|sets)\s+of\s+"
    rf"(?P<each>{_N})\s+(?:[\w-]+\s+){{0,2}}?(?:visits|sessions|treatments)\b", regex.IGNORECASE)
_AUTHORISATIONS = regex.compile(r"authori[sz]ations", regex.IGNORECASE)
# the authorisations' visits said used, right after them
_ROUNDS_USED = regex.compile(r"[^.;]{0,40}?\b(?:(?:have|had|has)\s+(?:all\s+)?been\s+|"
                             r"(?:were|was)\s+(?:all\s+)?)(?:used|completed|exhausted|attended|"
                             r"given)\b",
                             regex.IGNORECASE)
# the visits, or their notes, dated one by one: "visits dated", "PT visits are documented on",
# "The chiropractic treatment records in the file are dated" (then the list: `_date_list`)
_DATED_VISITS = regex.compile(
    r"\b(?:visits?|sessions?|treatments?|(?:(?:daily|treatment|therapy|visit)\s+)?(?:notes|"
    r"records))\s+(?:(?:in|from)\s+the\s+(?:file|records?|chart)\s+)?"
    # ("The chiropractic daily notes submitted for review are dated", "The physical therapy
    # daily notes submitted for this review, however, are dated")
    r"(?:(?:submitted|provided|included|available)\s+(?:for\s+(?:this\s+|the\s+)?review\s*)?"
    r",?\s*(?:however\s*,\s*)?)?"
    r"(?:(?:are|were|is|was)\s+)?(?:documented\s+|recorded\s+|listed\s+|submitted\s+)?"
    r"(?:dated|on|for)\s+(?=\d|[A-Z][a-z]+\.?\s+\d)", regex.IGNORECASE)
_DATE_LIST_JOIN = regex.compile(r"\s*,?\s*(?:and\s+)?", regex.IGNORECASE)
# a day named by its month and day alone, its year given by the list's last date ("notes dated
# 10-4, 10-6, 10-11, 10-13 and 10-18-2016")
_MONTH_DAY = regex.compile(r"(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])(?![\d/-])")


def _date_list(text: str, start: int) -> list[tuple[int, int]]:
    """The dates listed one after another from `start` ("07/11/2016, 07/13/2016 and
    07/18/2016", "10-4, 10-6 and 10-18-2016"), not a range ("7/16/2013 through 9/23/2013" ends
    the list at its first date)."""
    full = {start + d.start: start + d.end for d in find_dates(text[start:])}
    listed: list[tuple[int, int]] = []   # (start, end) of each date in `text`
    dated = 0                            # how many of them end with a full date
    at = start
    while True:
        here = (_DATE_LIST_JOIN.match(text, at).end() if listed
                else len(text[at:]) - len(text[at:].lstrip()) + at)
        if here in full:
            listed.append((here, full[here]))
            dated = len(listed)
        elif (day := _MONTH_DAY.match(text, here) or _NAMED_MONTH_DAY.match(text, here)) \
                is not None:
            listed.append(day.span())
        else:
            break
        at = listed[-1][1]
    return listed[:dated]


_MONTH_NAME = rf"(?:{MONTH_NAMES})\.?"
_MONTH_COUNT = regex.compile(rf"#\s*(\d{{1,2}})\s+{_MONTH_NAME}", regex.IGNORECASE)
# ... or by its month's name ("treatment on October 24, October 26, ... and November 9, 2016")
_NAMED_MONTH_DAY = regex.compile(rf"{_MONTH_NAME}\s+(?:0?[1-9]|[12]\d|3[01])(?![\d/-])",
                                 regex.IGNORECASE)
_MONTHLY_VISITS = regex.compile(
    rf"#\s*\d{{1,2}}\s+{_MONTH_NAME}(?:\s+(?:19|20)\d\d)?"
    rf"(?:\s*,?\s*(?:and\s+)?#\s*\d{{1,2}}\s+{_MONTH_NAME}(?:\s+(?:19|20)\d\d)?)+",
    regex.IGNORECASE)
# ("chiro #6 done 10/3-10/21")
_X_TO_DATE = regex.compile(r"(?<![\w-])(?:[x×]|#)\s*(?P<low>\d{1,2})\s+(?:visits?\s+|sessions?\s+)?"
                           r"(?:to\s+date|so\s+far|thus\s+far|completed|done)\b", regex.IGNORECASE)
# a note's shorthand: "s/p 14 PT (through 05-2016)", "status post 8 chiro"
_STATUS_POST_COUNT = regex.compile(r"\b(?:s/p|status\s+post)\s+(?P<low>\d{1,2})\s+(?=[A-Za-z])",
                                   regex.IGNORECASE)
# sessions said not (yet) given: "the 6 authorized chiropractic visits had not been scheduled",
# "... have not yet been used"
_NOT_YET_GIVEN = regex.compile(
    r"\s+(?:(?:had|have|has)\s+)?(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:scheduled|given|used|"
    r"started|begun|attended|completed|provided|rendered)\b|"
    # ("the two trial visits that were scheduled but not yet attended")
    r",?\s+(?:that|which)\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:scheduled|booked|planned|authori[sz]ed)\s+but\s+(?:were\s+|was\s+|have\s+|had\s+|has\s+)?"
    r"(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:attended|given|completed|used|provided)\b|"
    # what is left: "Two days (16 hours) of the authorized program remained"
    r"\s*(?:\(\s*\d{1,3}\s*(?:hours?|hrs?)\s*\)\s*)?(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?"
    r"(?:remain(?:ed|s|ing)?|(?:were|are|was|is)\s+(?:still\s+)?(?:left|outstanding))\b",
    regex.IGNORECASE)
# sessions the record does not show given: "There is no documentation that the 6 authorized
# acupuncture sessions have been started"
_NO_RECORD_THAT = regex.compile(
    r"\b(?:no|not\s+any|without)\s+(?:documentation|evidence|indication|record|report)\s+(?:that|"
    r"whether)(?:\s+[\w-]+){0,3}?\s*$", regex.IGNORECASE)
_GIVEN_AFTER = regex.compile(
    r"\s+(?:(?:have|has|had)\s+(?:yet\s+|ever\s+)?been|were|was)\s+(?:started|begun|attended|"
    r"completed|scheduled|used|provided|rendered|given)\b", regex.IGNORECASE)
# a count dated by the course's first and last days: "Postop PT #12 (9/26/16-11/28/16)"
# ("chiro x12 from 12/5/2011 through 3/16/2012", "chiro x2 (10/8/2013 and 10/15/2013)")
_SHORT_DAY = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_X_DATED = regex.compile(rf"(?<![\w-])(?:[x×]|#)\s*(?P<low>\d{{1,2}})\s*(?:\(\s*{_SHORT_DAY}"
                         rf"\s*(?:-|\u2013|to|through|thru|and|,)\s*{_SHORT_DAY}\s*\)|"
                         rf"from\s+{_SHORT_DAY}\s+(?:-|\u2013|to|through|thru|until)\s+"
                         rf"{_SHORT_DAY}\b)", regex.IGNORECASE)
# utilization review's own sum: "The utilization review total of 24 visits", "UR's count of 20"
# ("The claims administrator's count of 16 sessions improperly combined ...")
_UR_TOTAL = regex.compile(r"\b(?:utilization\s+review(?:er)?|UR|claims\s+administrator|prior\s+"
                          r"review(?:er)?)(?:'s|\u2019s)?\s+(?:total|count|tally|"
                          r"figure)\s+(?:of\s+)?$", regex.IGNORECASE)
# ("The count of 36 sessions used by the utilization reviewer combined the preoperative therapy
# ... with the postoperative therapy")
_UR_COUNT_AFTER = regex.compile(
    r"\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:used|cited|counted|applied|relied\s+(?:up)?on|"
    r"given|reported|stated)\s+by\s+(?:the\s+)?(?:utilization\s+review(?:er)?|UR|prior\s+"
    r"review(?:er)?|claims\s+administrator)\b", regex.IGNORECASE)
# a total the course would come to ("bring the total to 8 sessions")
PROJECTED_TOTAL = regex.compile(
    r"\b(?:bring\w*|brought|would\s+(?:make|bring|be))\s+(?:the\s+|a\s+)?(?:total|course|number)"
    # ("bring the total since the revision to 24 visits")
    r"\s+(?:[\w-]+\s+){0,4}?to\s+(?:a\s+total\s+of\s+)?$", regex.IGNORECASE)


# the request and the sessions had summed: "The 12 visits requested, added to the 12 completed
# since surgery, total 24 visits"
_SUMMED_TOTAL = regex.compile(
    r"\b(?:added\s+to|plus|together\s+with|combined\s+with)\b[^.;]{0,90}?,?\s+(?:would\s+|will\s+)?"
    r"(?:total|totals|totaling|totalling|come\s+to|comes\s+to|equals?|make|makes)\s+(?:of\s+)?$",
    regex.IGNORECASE)


# the count that makes a total: "The remaining 4 visits bring the postoperative total to 8"
_PROJECTS = regex.compile(r"\s+(?:would\s+|will\s+)?(?:bring|brings|raise|raises|take|takes)\s+"
                          r"(?:the\s+|a\s+|her\s+|his\s+|their\s+)?(?:[\w-]+\s+)?total\b",
                          regex.IGNORECASE)


def _interim(reading: Reading) -> bool:
    """A visit reached on the way ("visit 8 of 12"): at least that many by then."""
    return reading.qualifier == CountQualifier.at_least and any(
        _OF_AUTHORISED.match(e.quote) for e in reading.evidence)


def _low(m: regex.Match) -> int:
    """The count of a visit-reached match: "8", "8th", "sixth"."""
    low = m.group("low")
    if low.isdigit():
        return int(low)
    if low[:1].isdigit() or low.lower() in ORDINAL_WORDS:
        return ordinal_value(low)
    return to_int(low)


_OF_AUTHORISED = regex.compile(r"\d{1,2}\s*(?:/|\s+of\s+)\s*(?:the\s+)?\d{1,2}\b",
                               regex.IGNORECASE)


# the visit reached ("completed her 8th visit"), visits done of those authorised ("PT 8/8
# completed")
_ORDINAL_VISIT = regex.compile(
    # (a visit on the way named in words, "after the third visit", is not the count had)
    rf"\b(?:completed|attended|had|finished|through|after)\s+(?:(?:his|her|their|the)\s+)?"
    rf"(?P<low>\d{{1,2}}(?:st|nd|rd|th))\s+(?:[\w-]+\s+){{0,3}}?(?:visit|session|treatment)\b|"
    # a programme's day reached: "The progress report of 04/23/2014, written at the end of her
    # eighth day (64 hours)"
    rf"\b(?:end\s+of|completed|finished|after|through)\s+(?:(?:his|her|their|the)\s+)?"
    rf"(?P<low>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:full\s+)?(?P<day>day)\b|"
    # the visit a note records: "The hand therapy note of 09/08/2016 documents her eighth
    # postoperative visit"
    rf"\b(?:documents|documented|records|recorded|describes|described)\s+(?:his|her|their|the)\s+"
    rf"(?P<low>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:[\w-]+\s+){{0,2}}?(?:visit|session|"
    rf"treatment)\b|"
    # a dated note's visit: "The physical therapy re-evaluation dated 11-18-2016 was documented
    # as his 18th visit"
    rf"\b(?:was|is)\s+(?:(?:documented|recorded|noted)\s+as\s+)?(?:his|her|their|the)\s+"
    rf"(?P<low>\d{{1,2}}(?:st|nd|rd|th))\s+(?:[\w-]+\s+){{0,2}}?(?:visit|session|treatment)\b|"
    # the last one had: "the tenth and final visit", "The sixth visit, on 11/10/2016, was the
    # last of those authorized"
    rf"\bthe\s+(?P<low>{ORDINAL})\s+and\s+(?:final|last)\s+(?:[\w-]+\s+){{0,2}}?(?:visit|"
    rf"session|treatment)\b|"
    rf"\bthe\s+(?P<low>{ORDINAL})\s+(?:[\w-]+\s+){{0,2}}?(?:visit|session|treatment)\b"
    rf"[^.;]{{0,60}}?\b(?:was|is)\s+the\s+(?:last|final)\b",
    regex.IGNORECASE)
_NUMBERED_VISIT = regex.compile(r"(?:visit|session|treatment)\b", regex.IGNORECASE)
_SLASH_DONE = regex.compile(
    r"(?<![\w/])(?P<low>\d{1,2})\s*/\s*(?P<of>\d{1,2})(?![\w/])\s+(?:(?:visits?|sessions?)\s+)?"
    r"(?:completed|done|attended|finished)\b|"
    # "4 sessions of occupational therapy were authorized, and he has attended 4/4"
    r"\b(?:attended|completed|finished)\s+(?P<low>\d{1,2})\s*/\s*(?P<of>\d{1,2})(?![\w/])|"
    # "documents that 6 of 6 visits were completed", "documented visit 10 of 12 authorized"
    r"\b(?P<low>\d{1,2})\s+of\s+(?P<of>\d{1,2})\s+(?:[\w-]+\s+){0,2}?(?:visits?|sessions?|"
    r"treatments?)\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:completed|done|"
    r"attended|finished)\b|"
    # ("was visit #6 of the six visits authorized")
    r"\b(?:visit|session|treatment)\s+(?:#\s*|number\s+)?(?P<low>\d{1,2})\s+of\s+"
    rf"(?:the\s+)?(?P<of>{NUMBER})\b|"
    # a note's number: "the chiropractic re-evaluation at visit 6/6", "(visit #6,
    # re-assessment)", "this was treatment #10", "(visit 3)", "is session 14 of his
    # postoperative therapy" (a point on the way: at least so many by then)
    r"\b(?:visit|session|treatment)\s+(?:#\s*|number\s+)?(?P<low>\d{1,2})\s*/\s*"
    r"(?P<of>\d{1,2})(?![\w/])|"
    r"\b(?P<numbered>visit|session|treatment)\s+(?:#\s*|number\s+)(?P<low>\d{1,2})\b"
    r"(?!\s*(?:/|of\b))|"
    r"\(\s*(?P<numbered>visit|session|treatment)\s+(?P<low>\d{1,2})\s*[),]|"
    r"\b(?P<numbered>session|visit)\s+(?P<low>\d{1,2})\s+of\s+(?:his|her|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:therapy|course|treatment|program(?:me)?)\b|"
    # a ledger's total: "Total chiropractic visits for this claim: 22"
    r"\btotal\s+(?:number\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:visits|sessions|treatments)\s+"
    r"(?:(?:for|on|under|in)\s+(?:this|the)\s+(?:claim|injury|case)\s*)?(?::|=)\s*"
    r"(?P<low>\d{1,3})\b(?!\s*(?:%|percent|/))|"
    # "A physical therapy progress note dated December 14, 2016 was labeled as visit 24"
    r"\b(?:labell?ed|marked)\s+as\s+(?:visit|session|treatment)\s+(?:#\s*|number\s+)?"
    r"(?P<low>\d{1,2})\b|"
    # "12 sessions ... had been authorized ..., but ... she had attended only three of those
    # sessions": the ones had of an authorisation
    rf"\b(?:attended|completed|finished|used)\s+(?:only\s+|just\s+)?(?P<low>{NUMBER})\s+of\s+"
    r"(?:those|these|them|the\s+(?:authori[sz]ed|approved|certified))"
    r"(?:\s+(?:[\w-]+\s+){0,2}?(?:sessions|visits|treatments))?\b|"
    # the number had, said as such: "The correct number of completed sessions is therefore 6,
    # not 18", "the number of postoperative sessions completed is 8"
    r"\bnumber\s+of\s+(?:(?:completed|attended)\s+(?:[\w-]+\s+){0,2}?(?:sessions|visits|"
    r"treatments)|(?:[\w-]+\s+){0,3}?(?:sessions|visits|treatments)\s+(?:(?:actually|already)\s+)?"
    r"(?:completed|attended|had|received))\s+(?:is|was|has\s+been)\s+(?:therefore\s+|thus\s+|"
    rf"actually\s+|in\s+fact\s+|only\s+)?(?P<low>{NUMBER})\b(?!\s*(?:%|percent))",
    regex.IGNORECASE)
# a list of the treatment had, and a count after a treatment in it ("Prior treatment included
# physical therapy x 12, acupuncture, medications and home exercises")
_TREATMENT_LIST = regex.compile(
    r"\b(?:(?:prior|previous|past|conservative)\s+)?(?:treatments?|care|therap(?:y|ies))\s+"
    r"(?:to\s+date\s+|rendered\s+|provided\s+)?(?:has\s+|have\s+|had\s+)?(?:included|"
    r"consisted\s+of)\b"
    # shorthand: "Tx: night splints, OT #8 (9/16-11/16), ibuprofen"; "Failed PT, chiro,
    # acupuncture, massage #10 (2016), ESIs x2, meds."
    # ("Tx hx: meds, PT #18 (2013-2014), chiro #8 (2013), ...")
    r"|\bTx\s*(?:hx\s*|history\s*|to\s+date\s*)?:|^\W*(?:Failed|Tried)\s+(?=\w)",
    regex.IGNORECASE)
# ("PT x6 preop": when, too)
# ("massage therapy (#12)." in a list)
# ("OT #8 (9/16-11/16), ...": its dates in brackets)
_X_LISTED = regex.compile(r"(?<![\w-])(?:[x×]|#)\s*(?P<low>\d{1,2})(?:\s+(?:visits?|sessions?))?"
                          r"(?=(?:\s+(?:pre|post)-?\s*op(?:erative(?:ly)?)?)?\)?"
                          # ("chiro #24 (9/2011-4/2012) w/ good response (ODI 40% -> 12%),")
                          r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:w/|with)\s[^,;.()]{1,40}"
                          r"(?:\([^()]{1,40}\))?)?\s*(?:[,;.]|\band\b|$))", regex.IGNORECASE)
# where the clause of a count ends: "the prior twelve sessions of physical therapy were
# directed to the lumbar spine and that the right shoulder has not had a course of therapy"
_REFERS_BACK = regex.compile(
    r"[^.;]{0,40}?[,;]\s*(?:however|but|and)?,?\s*(?:these|they|those|which|all\s+of\s+which)\s+"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:all\s+)?"
    # the count's own predicate past an aside: "The 18 sessions completed to date, 6 before and
    # 12 after the meniscectomy, were all directed to the left knee"
    r"|[^.;]{0,80}?,\s*(?:were|was|had\s+been|have\s+been)\s+(?:all\s+)?(?=directed|given|"
    r"provided|for\b|to\b)|"
    # a participle set off after the count: "26 sessions of physical therapy, all directed at
    # the right knee, between October 2014 and July 2015"
    r"[^.;]{0,40}?,\s*(?:(?:all|each|both)\s+)?(?=(?:directed|aimed)\s+(?:at|to)\s)|"
    # the count's own predicate: "8 of those visits were for the right shoulder in 2015"
    r"(?:\s+of\s+(?:those|these|them|which))?(?:\s+[\w-]+){0,3}?\s+(?:were|was)\s+(?:all\s+)?"
    r"(?=(?:directed\s+(?:at|to)|for|to)\s+(?:the\s+|his\s+|her\s+)?(?:right\s+|left\s+)?\w)|"
    # the next clause on each of them: "She completed 6 sessions of physical therapy between
    # 10/25/2016 and 11/22/2016; the therapy notes document that each session treated both the
    # lumbar spine and the right shoulder"
    r"[^.;]{0,60}?;\s*(?:[\w-]+\s+){0,6}?(?:each|every|all)\s+(?:of\s+the\s+)?(?:sessions?|"
    r"visits?|treatments?)\s+(?:\w+\s+){0,2}?(?:treated|addressed|targeted|was\s+directed|"
    r"were\s+directed|included)\s+(?:both\s+)?",
    regex.IGNORECASE)
# the whole of a count taken up again, placed: "all 26 of those sessions were directed at"
_ALL_OF_THOSE = regex.compile(
    r"\ball\s+(?P<n>\d{1,3})\s+of\s+(?:those|these|them|the)\s+(?:[\w-]+\s+){0,2}?(?:were|was|had\s+"
    r"been)\s+(?=(?:directed\s+(?:at|to)|for|to)\s)", regex.IGNORECASE)


@dataclass(frozen=True)
class _Predicate:
    """A cue in a count's own predicate (the words after the count) and what it does to it:
    "not_had" (the sessions were not given), "set_aside" (the letter itself says they are not
    this item's), "placed" (they were given to the place the next 60 characters name, weighed
    against the item's region)."""
    effect: Literal["not_had", "set_aside", "placed"]
    pattern: regex.Pattern
    # only for an item of this treatment
    modality: str | None = None
    # the cue takes the count up again further on, by its number ("all 26 of those sessions"):
    # searched for anywhere after the count, kept where its number is the count's
    same_count: bool = False


_COUNT_PREDICATES: tuple[_Predicate, ...] = (
    # "2 of the 14 scheduled visits were cancelled"
    _Predicate("not_had", regex.compile(
        r"\s*(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:cancel+ed|missed|no[- ]shows?)\b",
        regex.IGNORECASE)),
    # "The 10 sessions in 2015 were land-based and she has had no aquatic therapy": the land's,
    # not the pool's
    _Predicate("set_aside", regex.compile(
        r"[^.;]{0,60}?\b(?:were|was)\s+(?:all\s+)?(?:land[- ]based|on\s+land)\b",
        regex.IGNORECASE), modality="aquatic_therapy"),
    # "the approximately 40 sessions ... for the right shoulder in 2014 were for a different body
    # part and are not counted toward the left shoulder" (not "are not counted toward the
    # postsurgical course": sessions before an operation, which the postsurgical reading places)
    _Predicate("set_aside", regex.compile(
        r"[^.;]{0,120}?\b(?:were|was|are|is)\s+(?:(?:all|also)\s+)?for\s+(?:a\s+)?(?:different|"
        r"another|separate|other)\s+(?:body\s+part|region|part\s+of\s+the\s+body|claim|injury)\b",
        regex.IGNORECASE)),
    # "6 sessions of physical therapy, however these were directed to the lumbar spine"
    _Predicate("placed", _REFERS_BACK),
    # "received 26 prior sessions of physical therapy on the claim and ..., all 26 of those
    # sessions were directed at the right knee"
    _Predicate("placed", _ALL_OF_THOSE, same_count=True),
)


def _predicate_cues(s: str, end: int, count: str,
                    item_modality: str | None) -> list[tuple[_Predicate, int]]:
    """The cues of `_COUNT_PREDICATES` in the predicate of the count that ends at `end` (its
    number as written: `count`), each with where its words end."""
    found: list[tuple[_Predicate, int]] = []
    for cue in _COUNT_PREDICATES:
        if cue.modality is not None and cue.modality != item_modality:
            continue
        if cue.same_count:
            found += [(cue, again.end()) for again in cue.pattern.finditer(s, end)
                      if again.group("n") == count]
        elif said := cue.pattern.match(s, end):
            found.append((cue, said.end()))
    return found
# the sessions a review weighs: "the question is whether the eight visits were appropriate"
# (a retrospective request's, not sessions had before it)
_WHETHER_THE = regex.compile(r"\bwhether\s+(?:the|these|those)\s+$", regex.IGNORECASE)
# a course denied right before its verb: "She has never had acupuncture"
_NOT_JUST_BEFORE = regex.compile(r"\b(?:never|not)\s+(?:yet\s+|ever\s+|previously\s+)?$",
                                 regex.IGNORECASE)


_WINDOW_BEFORE = regex.compile(r"\b(?:over|in|during|across|throughout)\s+(?:the|her|his|their)\s+"
                            r"(?:last|past|final|most\s+recent)\s+$", regex.IGNORECASE)


def _said_done(s: str, at: int) -> bool:
    """Does the sentence say a course was had, other than in a clause before the count's that
    denies one ("She has never had acupuncture, and six treatments at one per week over six
    weeks fall within the 3-6 treatments recommended": the six are the request)?"""
    start = max((b.end() for b in _COUNT_BREAK.finditer(s, 0, at)), default=0)
    return any(not (p.end() <= start and _NOT_JUST_BEFORE.search(s, max(0, p.start() - 24),
                                                                  p.start()))
               for p in _PAST.finditer(s))


_COUNT_BREAK = regex.compile(rf"{CLAUSE_BREAK.pattern}|\band\s+(?:that|whereas)\b",
                             regex.IGNORECASE)
# ("only 3 of those 6 sessions were attended before the authorization lapsed")
# (not "every one of the 4 certified sessions": all four)
_USED_N = regex.compile(rf"\b{_HAD_VERB}\s+(?:only\s+)?$", regex.IGNORECASE)
_N_OF = regex.compile(rf"(?<![\w.-])(?<!\b(?:every|each|any)\s)(?P<n>{_N})\s+(?:out\s+)?of\s+"
                      rf"(?:the\s+|his\s+|her\s+|their\s+|those\s+|these\s+)?$",
                      regex.IGNORECASE)


# "a total of 32 sessions", "32 sessions in total": the sentence's own sum of its counts
# (matched at a count's end: a pattern given a position must not start with ^, which the
# regex module anchors at the text's start)
# (", for at least 36 visits")
_TOTAL_BEFORE = regex.compile(r"\b(?:a\s+)?total\s+of\s*$|\btotaling\s*$|\btotalling\s*$|"
                              r",\s*for\s+(?:at\s+least\s+)?$", regex.IGNORECASE)
# the counts before it are some of it: "the 4 sessions of 02/11/2013 and the 10 sessions of
# 03/25/2013 are part of the 12 sessions completed by 05/06/2013"
_INCLUDED_IN = regex.compile(r"\b(?:are|were)\s+(?:all\s+)?(?:part\s+of|included\s+in|counted\s+in|"
                             r"among|contained\s+in)\s+(?:the|that|this)\s*$", regex.IGNORECASE)
# ("had received \"approximately 20\" chiropractic treatments over the course of the claim")
_TOTAL_AFTER = regex.compile(r"[\"\u201d]?\s+(?:in\s+(?:all|total)\b|(?:over|during|throughout)\s+"
                             r"the\s+(?:course|life|duration)\s+of\s+(?:the|this|his|her)\s+"
                             r"(?:claim|injury|case)\b)", regex.IGNORECASE)
_GRANTED_WORD = regex.compile(r"\b(?:authori[sz]\w*|certif\w*|approv\w*|request\w*|would\s+"
                              r"bring)\b", regex.IGNORECASE)
# a count of more sessions than those counted before: "4 more massage sessions"
_MORE_COUNT = regex.compile(rf"(?P<n>{_N})\s+(?:more|additional|further)\b", regex.IGNORECASE)
# "24 sessions in 2015 and 8 additional sessions in 2016", "... and 6 more": a second course
_ADDED = regex.compile(r"^\s*(?:additional|more|further|other)\b", regex.IGNORECASE)
# ("ten visits of home health physical therapy, followed by sixteen sessions of outpatient
# physical therapy": a later course)
# ("12 sessions of occupational therapy ... in 2015 and a further 6 sessions from 03-2016 to
# 05-2016")
_ANOTHER = regex.compile(r"\b(?:another|followed\s+by|and\s+then|(?:and|plus)\s+(?:a|an)\s+"
                         r"(?:further|additional))\s+$", regex.IGNORECASE)
# the period a count was had in: "6 chiropractic treatments in 2015 and 6 chiropractic
# treatments in 2016" are two courses, summed
# (with its months, `_MONTH_NAME`: "eight visits in 2013 and six visits in January and February
# 2016")
# ("six visits between March and May of 2016")
_PERIOD_AFTER = regex.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:(?:in|during|for)\s+(?:the\s+year\s+)?"
    rf"(?P<period>(?:{_MONTH_NAME}\s+(?:(?:and|to|through|-)\s+{_MONTH_NAME}\s+)?(?:of\s+)?)?"
    r"(?:19|20)\d\d)|"
    rf"(?:between|from)\s+(?P<period>{_MONTH_NAME}\s+(?:and|to|through|-)\s+{_MONTH_NAME}\s+"
    r"(?:of\s+)?(?:19|20)\d\d)|"
    r"(?P<period>this\s+year|last\s+year))\b", regex.IGNORECASE)
# the provider a count was had with: "six visits at the occupational medicine clinic and four at
# the outside therapy office", "2 visits with the in-house therapist" are courses, summed
_PROVIDER = (r"(?:(?:the|an?|his|her|their|another|one|two|a\s+(?:second|third|different|new))\s+"
             r"(?:[\w-]+\s+){0,3}?(?:clinic|office|facility|cent(?:er|re)|provider|practice|"
             r"group|hospital|therapist|physiotherapist|chiropractor|acupuncturist|referral)s?\b|"
             r"Dr\.?\s+[A-Z][\w'-]+|"
             # a practice by its name: "at Valley Spine & Sport", "through Kaweah Hand Rehab"
             # (not a month: "at March 2016")
             rf"(?!{_MONTH_NAME}\b)(?-i:[A-Z][\w'.-]+(?:\s+(?:&\s+|of\s+|and\s+)?[A-Z][\w'.-]+)"
             r"{0,5}))")
_PROVIDER_AFTER = regex.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?:at|with|through)\s+"
                                rf"(?P<place>{_PROVIDER})|"
                                # a town's clinic: "8 visits in San Jose and 6 visits in Modesto"
                                r"\s+in\s+(?P<place>(?-i:(?!(?:January|February|March|April|May|"
                                r"June|July|August|September|October|November|December|Spring|"
                                r"Summer|Fall|Autumn|Winter)\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))"
                                r"(?=\s*(?:[,;.]|and\b|$))", regex.IGNORECASE)
# the region a count is of, said right after it: "10 sessions for the cervical spine"
_REGION_AFTER = regex.compile(r"\s+(?:for|to|of)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                              r"(?P<place>(?:[\w-]+\s+){0,2}?[\w-]+)(?=\s*(?:[,;.]|and\b|$))",
                              regex.IGNORECASE)
# where the visits were had, said in the count ("6 home health visits", "12 outpatient sessions")
_SETTING = regex.compile(r"\b(?:home(?:\s+health)?|in-home|outpatient|inpatient|telehealth|"
                         r"skilled\s+nursing)\b", regex.IGNORECASE)
# ... or just after it: "12 visits of home physical therapy and 12 visits of outpatient physical
# therapy" (blind1451_4)
_SETTING_OF = regex.compile(r"\s+of\s+(?:home(?:\s+health)?|in-home|outpatient|inpatient|"
                            r"telehealth)\b", regex.IGNORECASE)
# (its unit left out: "and four at the outside therapy office")
_PROVIDER_N = regex.compile(rf"(?:,|\band\b|\bplus\b)\s+(?P<low>{_N})"
                            rf"(?=\s+(?:at|with|through)\s+{_PROVIDER})", regex.IGNORECASE)
# ", 8 more in June 2015", "and six of eight authorized since October 2016": a later course
# of the same treatment, its unit left out, with the time it was had
_MORE_N = regex.compile(
    rf"(?:,|\band\b|\bplus\b|\bthen\b)\s+(?P<low>{_N})\s+(?:more|additional|further|"
    rf"of\s+(?:the\s+)?{_N}\s+(?:authori[sz]ed|approved|certified|scheduled))"
    rf"(?=\s+(?:in|during|since|from|between|through|over|later|afterwards?)\b)",
    regex.IGNORECASE)
_PER_RECORDS = regex.compile(r"^\W*(?:per|according\s+to)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
                             r"(?:ledger|records?|notes|billing|log|bills)\b|"
                             # ("Therapy notes indicate she attended four visits for the left
                             # shoulder ... at a separate physical therapy facility")
                             r"^\W*(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:ledger|records?|notes|"
                             r"billing|log|bills)\s+(?:indicate|indicated|show|showed|document|"
                             r"documented|reflect|reflected|confirm|confirmed)\b",
                             regex.IGNORECASE)
# (its unit left out, with its year: ", 8 in 2014, 2 in 2015 and 1 in early 2016")
_YEAR_N = regex.compile(
    rf"(?:,|\band\b)\s*(?:and\s+)?(?P<low>{_N})(?=\s+in\s+(?:early\s+|late\s+|mid-?\s*)?"
    rf"(?:{_MONTH_NAME}\s+)?(?:19|20)\d\d\b)", regex.IGNORECASE)
_ANOTHER_N = regex.compile(
    rf"\b(?:and|with|plus|then)\s+another\s+(?P<low>{_N})\b(?!\s*(?:%|percent|years?|months?|"
    rf"weeks?|days?|hours?|minutes?|pounds?|lbs|degrees|mg|/|-|to\b))", regex.IGNORECASE)


def _sentence_total(s: str, count: tuple[int, int, Reading, bool]) -> bool:
    """Is the count the sentence's sum of its others ("a total of 32 sessions", "14 visits in
    all")?"""
    return bool(_TOTAL_BEFORE.search(s[max(0, count[0] - 20):count[0]])
                or _INCLUDED_IN.search(s[max(0, count[0] - 40):count[0]])
                or _TOTAL_AFTER.match(s, count[1]))


_CORRECTED_BY = regex.compile(
    r"\b(?:however|but)\b,?\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:records?|notes|documentation|"
    r"logs?)\s+(?:[\w-]+\s+){0,4}?(?:indicate|show|document|reflect|confirm|establish|"
    r"reveal)s?\b", regex.IGNORECASE)


def _one_count(sentence: Sentence, counts: list[tuple[int, int, Reading, bool]],
               appended: AbstractSet[int] = frozenset()) -> list[tuple[Reading, bool, bool]]:
    """The counts of earlier sessions in one sentence, as the sentence means them: a stated
    total wins over its parts (which still tell the sessions since a surgery); a first course
    and the "additional" sessions after it (or the later courses in `appended`, told without
    their unit) add up; otherwise each count is its own reading."""
    s = sentence.text
    # a count the sentence goes on to correct from the records: "The treating physician's report
    # ... refers to 6 prior acupuncture sessions; however, the acupuncture treatment records
    # submitted for review indicate that the injured worker has attended at least 18"
    counts = [a for i, a in enumerate(counts) if i + 1 == len(counts)
              or not _CORRECTED_BY.search(s, a[1], counts[i + 1][0])]
    if len(counts) < 2:
        return [(r, post_op, True) for _, _, r, post_op in counts]
    first = counts[0]
    if len(counts) == 2 and counts[1][0] in appended and any(
            n + int(counts[1][2].value) == int(first[2].value)
            for n in numbers_in(s[first[1]:counts[1][0]])):
        # the parts of the count just said: "has already completed 20 sessions of physical
        # therapy ..., twelve after the 2014 arthroscopy and eight more in 2015-2016"
        return [(first[2], first[3], True)]
    totals = [c for c in counts if _sentence_total(s, c)]
    if totals:
        total = totals[0]
        return [(total[2], total[3], True)] + [(c[2], True, False) for c in counts
                                               if c is not total and c[3]]
    first, rest = counts[0], counts[1:]
    periods = [p.group("period").lower() if (p := _PERIOD_AFTER.match(s, c[1])) else None
               for c in counts]
    by_period = None not in periods and len(set(periods)) == len(periods)
    places = [p.group("place").lower() if (p := _PROVIDER_AFTER.match(s, c[1])) else None
              for c in counts]
    by_place = None not in places and len(set(places)) == len(places)
    # (the courses by place before a semicolon, another count after it: "Since the surgery he
    # has completed 8 visits in San Jose and 6 visits in Modesto ...; the 6 preoperative visits
    # in 04/2016 are not counted")
    lead = [c for c in counts if ";" not in s[counts[0][0]:c[0]]]
    if 2 <= len(lead) < len(counts) and None not in places[:len(lead)] and \
            len(set(places[:len(lead)])) == len(lead) and all(c[2].upper is None for c in lead):
        return [(_summed(lead), all(c[3] for c in lead), True)] + [
            (r, post_op, True) for _, _, r, post_op in counts[len(lead):]]
    # ("received ten home health physical therapy visits; he then transitioned to outpatient
    # physical therapy and had completed four outpatient sessions": a course told by setting)
    settings = [p.group().lower().removeprefix(" of ").strip()
                if (p := _SETTING.search(s, c[0], c[1]) or _SETTING_OF.match(s, c[1])) else None
                for c in counts]
    by_setting = None not in settings and len(set(settings)) == len(settings)
    # ("he has attended 12 authorized sessions and 8 sessions that he paid for himself": a
    # course told by who paid)
    payers = [_payer(s, c) for c in counts]
    by_payer = None not in payers and len(set(payers)) == len(payers)
    # ("physical therapy in 2013, 10 sessions for the cervical spine and 6 sessions for the right
    # shoulder", of a request for both: a course told by region, each the item's, since the
    # counts of other regions were set aside before)
    regions = [categories.body_region(p.group("place")) if (p := _REGION_AFTER.match(s, c[1]))
               else None for c in counts]
    by_region = None not in regions and len(set(regions)) == len(regions)
    # ("Physical therapy for this injury consisted of 10 visits ... and 4 visits ...": the
    # course told by its parts)
    # (or listed as a count's parts: "A complete count of the therapy since the 08/31/16
    # surgery is 6 home health physical therapy visits, 12 outpatient visits and 3 sessions
    # conducted by telehealth")
    count_is = _COUNT_IS_BEFORE.search(s, max(0, first[0] - 120), first[0])
    listed = count_is is not None and all(_LISTED_PART.fullmatch(s, a[1], b[0])
                                          for a, b in zip(counts, counts[1:], strict=False))
    parts_of = listed or (
        _CONSISTED_BEFORE.search(s, max(0, first[0] - 40), first[0]) is not None and
        all(_JOINED_PART.fullmatch(s, a[1], b[0])
            for a, b in zip(counts, counts[1:], strict=False)))
    # (each part is of what the count is of: "since the 08/31/16 surgery")
    post_op_list = listed and bool(_POST_OP.search(count_is.group()))
    if (by_period or by_place or by_setting or by_payer or by_region or parts_of or all(
            _ADDED.match(s[c[0]:c[1]].split(maxsplit=1)[-1])
            or _ANOTHER.search(s[:c[0]]) or _ANOTHER_COURSE.search(s[:c[0]])
            or c[0] in appended for c in rest)) and \
            all(c[2].upper is None for c in counts):
        summed = _summed(counts)
        if post_op_list:
            return [(summed, True, True)]
        # (one course moving between settings after the operation: "discharged to home ... and
        # received ten home health physical therapy visits; he then transitioned to outpatient
        # physical therapy and had completed four outpatient sessions")
        post_op = all(c[3] for c in counts) or (by_setting and any(c[3] for c in counts))
        return [(summed, post_op, True)] + [
            (c[2], True, False) for c in counts if c[3] and not post_op]
    return [(r, post_op, True) for _, _, r, post_op in counts]


def _summed(counts: list[tuple[int, int, Reading, bool]]) -> Reading:
    """One course told by its parts: their sum, exact only if each part is, with every part's
    evidence (read in the first part's part of the letter)."""
    exact = all(c[2].qualifier == CountQualifier.exact for c in counts)
    return Reading(value=sum(int(c[2].value) for c in counts), part=counts[0][2].part,
                   qualifier=CountQualifier.exact if exact else CountQualifier.at_least,
                   evidence=[e for c in counts for e in c[2].evidence])


# who paid for a count's sessions: the claim ("12 authorized sessions"), the patient ("8
# sessions that he paid for himself", "8 self-paid sessions") or another insurer ("6 sessions
# through his wife's group health insurance")
_CLAIM_PAID = regex.compile(rf"\b{_AUTHORISED}\b", regex.IGNORECASE)
_SELF_PAID = regex.compile(r"\b(?:self-paid|privately\s+paid|out-of-pocket)\b", regex.IGNORECASE)
_PAID_AFTER = regex.compile(
    r"\s+(?:(?:that|which)\s+(?:he|she|they|the\s+(?:patient|applicant|claimant|injured\s+"
    r"worker))\s+paid\s+for\s+(?:(?P<self>himself|herself|themselves|privately|out\s+of\s+"
    r"pocket)|through\s+(?P<other>[^.;,]{0,40}?\binsurance|[^.;,]{0,40}?\bplan))|"
    r"(?:paid\s+(?:for\s+)?)?(?P<self>privately|out\s+of\s+pocket)|"
    r"(?:through|under|via)\s+(?P<other>(?:his|her|their|the)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:group\s+)?health\s+(?:insurance|plan)))\b", regex.IGNORECASE)


def _payer(s: str, count: tuple[int, int, Reading, bool]) -> str | None:
    """Who the sentence says paid for a count's sessions: "claim", "self", "other" or None."""
    if after := _PAID_AFTER.match(s, count[1]):
        return "self" if after.group("self") else "other"
    if _SELF_PAID.search(s, count[0], count[1]):
        return "self"
    if _CLAIM_PAID.search(s, count[0], count[1]):
        return "claim"
    return None


# "6 sessions were already authorized", "#6 sessions physical therapy authorized", "an initial
# trial of 6 sessions was authorized": sessions authorised earlier (not how many were had)
# (not sessions given too: "Six chiropractic treatments were certified and given 08/04/2014 to
# 08/15/2014")
_AND_GIVEN = (r"(?!\s+and\s+(?:then\s+)?(?:given|completed|attended|received|provided|done|"
              r"rendered)\b)")
# an authorisation said to be used: "authorized a trial of 6 chiropractic visits, which were
# completed between 10-24-2016 and 12-02-2016"
_WHICH_DONE = regex.compile(r"\s*,?\s*(?:all\s+of\s+)?which\s+(?:were|was|have\s+been|"
                            r"had\s+been)\s+(?:all\s+)?(?:completed|attended|given|used|provided)\b",
                            regex.IGNORECASE)
# an authorisation all of which was used: "12 postoperative physical therapy visits were
# authorized and all 12 have been completed"
# ("An initial trial of 6 chiropractic visits was authorized and was completed between
# 08/22/2016 and 09/02/2016": the authorisation, all of it had)
_ALL_GIVEN_AFTER = regex.compile(
    # ("Six chiropractic visits were certified on 8/27/2013 and were given from 9/3/2013")
    r"^\W*(?:\w+\W+){0,4}?(?:was|were|been)\s+" + _AUTHORISED
    + r"(?:\s+(?:on|dated)\s+(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))?"
    r"\s+and\s+(?:all\s+"
    r"(?:(?:of\s+them|[\w-]+)\s+)?(?:(?:have|had)\s+been\s+|were\s+)?|(?:was|were)\s+)(?:completed|"
    r"attended|used|given|received)\b", regex.IGNORECASE)


def _said_used(text: str, end: int) -> bool:
    """The authorisation just counted is said to have been used (_WHICH_DONE, _ALL_GIVEN_AFTER,
    _ALL_USED_AFTER): its count is sessions had."""
    return bool(_WHICH_DONE.match(text, end) or _ALL_GIVEN_AFTER.match(text[end:end + 80])
                or _ALL_USED_AFTER.match(text, end))


_AUTHORIZED_COUNT = regex.compile(
    r"^\s*(?:(?:of|for)\s+)?(?:[\w-]+\s+){0,3}?(?:(?:was|were|been|had\s+been|previously|"
    r"already)\s+){0,2}" + _AUTHORISED + r"\b"
    + _AND_GIVEN +
    # (not a qualification: "6 hand therapy sessions with a certified hand therapist")
    r"(?!\s+(?:hand\s+|physical\s+|occupational\s+|massage\s+)?(?:therapists?|"
    r"chiropractors?|acupuncturists?|trainers?|providers?))", regex.IGNORECASE)
# (not a count set against the authorised: "conflated the number of treatments authorized
# with the 12 treatments actually attended")
_AUTHORIZED_BEFORE = regex.compile(
    r"\b" + _AUTHORISED + r"\s+(?:for\s+)?(?!(?:with|versus|vs|against)\b)"
    r"(?:\w+\s+){0,2}?$", regex.IGNORECASE)
_AUTHORIZED_WORD = regex.compile(rf"\s+{_AUTHORISED}\b", regex.IGNORECASE)
# the UR decision on this request, which the item's own facts (ur_modified_visits) hold
_THIS_DECISION = regex.compile(r"\b(?:modifi\w*|partial(?:ly)?\s+(?:approv|certif|authori)\w*|"
                               r"leaving\s+the\s+original|remaining\s+IMR|non-?certif\w*|"
                               r"denied)\b", regex.IGNORECASE)


def authorized_sessions(text: ItemText, item_modality: str | None,
                        item_region: str | None = None) -> Fact:
    """Sessions of this treatment authorised before this request ("6 sessions were already
    authorized"): reviewers count them against the trial or course when the letter does not
    say how many were had."""
    readings: list[Reading] = []
    # each sentence's counts: the record's, and those the letter gives as UR's
    own: list[Reading] = []
    urs: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            s = sentence.text
            if sentence.is_guideline_talk() or _THIS_DECISION.search(s):
                continue
            for m in sentence.finditer(_COUNT):
                if not (_AUTHORIZED_COUNT.match(s[m.end():])
                        or _AUTHORIZED_BEFORE.search(s[max(0, m.start("low") - 40):
                                                       m.start("low")])
                        # "has attended 20 of 24 authorized postoperative sessions"
                        or _AUTHORIZED_WORD.match(s, m.end("low"))):
                    continue
                if _other_region(clause_around(s, m.start("low")), item_region):
                    continue
                # (a programme's own units, in a sentence that names no other treatment: "The
                # program was authorized for 10 days (80 hours)")
                if count_modality(sentence, m.start("low"), m.end(), item_modality,
                                  part.name == "rationale") != item_modality and not (
                        item_modality in _PROGRAMMES and (m.group("hours")
                                                          or m.group("programme_days"))
                        and sentence.modalities() <= {item_modality}):
                    continue
                reading = Reading(value=to_int(m.group("low")), part=part.name,
                                  qualifier=CountQualifier.exact,
                                  evidence=[sentence.evidence(m.start(), m.end())])
                # (not UR's own certification: "A prior utilization review on 09/02/2016
                # certified 12 sessions")
                said = _UR_SAID.search(_TURN.split(s[:m.start()])[-1])
                (urs if said else own).append(reading)
            # UR's account gives way to the record's the sentence sets against it: "Although
            # the utilization review referred to 12 authorized visits, the therapy records show
            # that only 6 visits were authorized"
            if own and any(r.value != o.value for r in urs for o in own):
                urs.clear()
            readings += own + urs
            own, urs = [], []
    if not readings:
        return Fact.unknown("the letter states no earlier authorisation of this treatment")
    return resolve(readings, RECORD_ORDER)


# a retrospective request reviews sessions already given: those are had, not approved beside
_RETROSPECTIVE_TITLE = regex.compile(r"\bretro\w*|\bDOS\b|\bdates?\s+of\s+service\b",
                                     regex.IGNORECASE)


# a retrospective request's own rationale: "these six sessions were the patient's first physical
# therapy" (the sessions reviewed are the request; none came before them)
_RETRO_FIRST = regex.compile(
    # ("They were the patient's first course of acupuncture")
    r"\b(?:(?:these|those|the\s+(?:requested|disputed|retrospective|reviewed))\s+(?:[\w-]+\s+)"
    # ("10 sessions of massage therapy ... between July 5, 2016 and September 6, 2016, which were
    # her first massage treatment for this injury")
    r"{0,2}?(?:sessions|visits|treatments)|they|(?<=,\s{0,3})which)\s+were\s+(?:the\s+(?:patient|claimant|"
    r"applicant|employee|"
    r"injured\s+worker)(?:'s|\u2019s)|his|her|their)\s+(?:very\s+)?first\b", regex.IGNORECASE)


def _retrospective_first(text: ItemText) -> Reading | None:
    if not _RETROSPECTIVE_TITLE.search(text.title.view.folded):
        return None
    # (the summary's record too: "The massage therapist's records show 10 sessions ..., which
    # were her first massage treatment for this injury")
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if m := sentence.search(_RETRO_FIRST):
                return Reading(value=0, part=part.name, qualifier=CountQualifier.exact,
                               evidence=[sentence.evidence(m.start(), m.end())])
    return None


def _dates_of_service(text: ItemText) -> tuple[dt.date, dt.date] | None:
    """The dates of service a retrospective item's title names ("Retrospective request for 8
    chiropractic sessions (DOS 10/5/2016-11/2/2016)"; or lists: "dates of service 11/8/16,
    11/10/16, 11/15/16 and 11/17/16")."""
    title = text.title.view.folded
    if not _RETROSPECTIVE_TITLE.search(title):
        return None
    dates = [d.value for d in find_dates(title)]
    if len(dates) < 2 or dates != sorted(dates):
        return None
    return dates[0], dates[-1]


# the dates stated with a count, after it: "6 chiropractic sessions from 09-12-2016 through
# 09-30-2016", "before 9/12/2016"
_COUNT_DATES_CHARS = 60


def _count_dates(text: ItemText, reading: Reading) -> list[dt.date]:
    raw = text.text.raw
    end = max(e.end for e in reading.evidence if not e.context)
    tail = raw[end:end + _COUNT_DATES_CHARS]
    tail = tail[:m.start()] if (m := regex.search(r"\.\s", tail)) else tail
    return [d.value for d in find_dates(tail)]


# the note `decide` reads: the count is of sessions before the dates of service under review, so
# none of them are the sessions reviewed
BEFORE_DATES_OF_SERVICE = "dated before the dates of service under review"


def _before_window(text: ItemText, prior: list[Reading],
                   window: tuple[dt.date, dt.date]) -> list[Reading]:
    """For care reviewed after the fact, the sessions before its dates of service: a course
    dated within them is the care under review ("a further 8 sessions were provided from
    10-05-2016 through 11-02-2016", for DOS 10/5/2016-11/2/2016); where a course is dated before
    them, a statement of none had is of an earlier time ("had not received any chiropractic
    treatment before 9/12/2016")."""
    first, last = window
    dated = [(r, _count_dates(text, r)) for r in prior]
    earlier = any(r.value > 0 and ds and all(d < first for d in ds) for r, ds in dated)
    kept = [r for r, ds in dated
            if not (r.value > 0 and ds and all(first <= d <= last for d in ds))
            and not (earlier and r.value == 0)]
    return kept or prior


# a course given by its dates and frequency, with no count: "was treated from 01/12/2015
# through 02/20/2015, twice weekly" (six calendar weeks at two a week: about 12 sessions)
_FROM = regex.compile(r"\b(?:(?:treated|seen|attended)\s+)?(?:from|between)\s+$", regex.IGNORECASE)
_THROUGH = regex.compile(r"\s*(?:through|thru|to|until|and|-|\u2013)\s*$", regex.IGNORECASE)
_LONGEST_COURSE_DAYS = 366


def _dated_course(text: ItemText, item_modality: str | None) -> Reading | None:
    """About how many sessions a course said by its first and last dates and its weekly
    frequency held: the frequency times the calendar weeks it spans."""
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if not sentence.about_case() or item_modality not in sentence.modalities() or \
                    sentence.search(_UR_REASON):
                continue
            found = find_dates(sentence.text)
            for first, last in zip(found, found[1:], strict=False):
                since = _FROM.search(sentence.text, max(0, first.start - 30), first.start)
                if since is None or not _THROUGH.fullmatch(sentence.text, first.end,
                                                            last.start):
                    continue
                days = (last.value - first.value).days
                start = since.start()
                weekly = weekly_frequency(sentence.text, last.end, last.end + 40)
                if weekly is None and (before := weekly_frequency(
                        sentence.text, max(0, since.start() - 25), since.start())) and \
                        not sentence.text[before[2]:since.start()].strip(" ,"):
                    # (said just before: "which he attended once weekly from October 10, 2016
                    # through October 31, 2016")
                    weekly, start = (before[0], before[1], last.end), before[1]
                if weekly is None or not 0 < days <= _LONGEST_COURSE_DAYS:
                    continue
                per_week, _, end = weekly
                weeks = -(-(days + 1) // 7)
                return Reading(value=per_week * weeks, part=part.name,
                               qualifier=CountQualifier.approximately,
                               evidence=[sentence.evidence(start, end)])
    return None


_ASSOCIATED_TITLE = regex.compile(rf"\W*{categories.ASSOCIATED_SERVICE}\b", regex.IGNORECASE)
_PRE_OP_TITLE = regex.compile(r"\bpre-?\s*op(?:erative(?:ly)?)?\b|\bprehab", regex.IGNORECASE)


def _phase(title: str) -> str | None:
    """Whether a request's title names therapy before ("pre") or after ("post") an operation."""
    pre, post = bool(_PRE_OP_TITLE.search(title)), bool(_POST_OP.search(title))
    return None if pre == post else "pre" if pre else "post"


def concurrent_approved_visits(text: ItemText, item_modality: str | None,
                               item_region: str | None = None) -> Fact:
    """The visits of this treatment, for the item's region, that another item of the same
    letter approves (recorded Overturned): a course given beside this request, which counts
    toward its trial ("The 6 manual acupuncture visits requested at the same time were found
    medically necessary above. The additional 6 electrical acupuncture visits would bring the
    initial trial to 12 treatments")."""
    total, evidence = 0, []
    codes = set(categories.PROCEDURE_CODE.findall(text.title.view.folded))
    for other in text.determination.items:
        if other.index == text.item.index or other.recorded_outcome != "overturned":
            continue
        part = text.letter_part(other.title)
        title = part.view.folded
        if {m.value for m in categories.mentions(categories.MODALITY, title)} != \
                {item_modality} or _RETROSPECTIVE_TITLE.search(title):
            continue
        if codes and (billed := set(categories.PROCEDURE_CODE.findall(title))) and \
                billed != codes:
            continue   # another procedure code of the same visits ("97110 therapeutic
            # exercise", "97112 neuromuscular re-education, 6 visits ... at the same six
            # therapy visits"; acupuncture 97810 and its add-on 97811): not more visits
        region = categories.body_region(title)
        if item_region and region not in (None, "unspecified", item_region):
            continue
        if other_side(title, text.side):
            continue   # (the other hand's therapy, after the other hand's release)
        if None is not _phase(title) != _phase(text.title.view.folded) is not None:
            continue   # ("Pre-operative physical therapy 2 times a week for 3 weeks" beside
            # "Post-operative physical therapy 2 times a week for 6 weeks": another course)
        if bool(_ASSOCIATED_TITLE.match(title)) != bool(_ASSOCIATED_TITLE.match(
                text.title.view.folded)):
            continue   # (therapy after the operation asked for in this letter, beside therapy
            # after an earlier one: "Associated surgical service: Postoperative occupational
            # therapy ... for the right ring finger", for the long finger's released in August)
        counts = {hit.total for hit in all_visits(title) if hit.total}
        if len(counts) != 1:
            continue
        total += counts.pop()
        evidence.append(part.evidence(0, len(title)))
    if not evidence:
        return Fact.unknown("no other item of the letter approves this treatment")
    return Fact(value=total, known=True, evidence=evidence,
                note="approved by another item of this letter (recorded Overturned)")


# a count UR authorised or modified to is not a count of sessions had
_UR_COUNT = regex.compile(
    # ("Six occupational therapy visits for the right wrist and right elbow was authorized by
    # the Claims Administrator")
    r"^\W*(?:\w+\W+){0,12}?(?:(?:was|were)\s+)?" + _AUTHORISED + r"\s+by\s+"
    r"(?:the\s+)?(?:Claims\s+Administrator|utilization\s+review|UR|reviewer)"
    r"|^\W*(?:\w+\W+){0,4}?(?:was|were)\s+(?:authori[sz]ed|certified|modified)\b"
    + _AND_GIVEN +
    r"|^\W*(?:\w+\W+){0,2}?(?:requested|being\s+requested|were\s+requested)\b",
    regex.IGNORECASE)
_GRANTED = regex.compile(r"\b(?:approved|certified|authori[sz]ed)\b", regex.IGNORECASE)
_DONE_VERB = regex.compile(r"\b(?:completed|completion|attended|had|received|underwent|undergone|"
                           r"participated|finished|used|given|done)\b", regex.IGNORECASE)
_REFUSED = regex.compile(r"\b(?:denied|non-?certified)\b", regex.IGNORECASE)
# the authorisations just listed said used together: "the 12 visits certified in October 2014
# and the 6 visits certified in December 2014, all completed by January 23, 2015"
_ALL_USED_AFTER = regex.compile(
    r"[^.;:]{0,80}?,\s*(?:all|both)\s+(?:(?:of\s+them|of\s+which)\s+)?(?:(?:were|was|have\s+been|"
    r"had\s+been)\s+)?(?:completed|attended|used|given)\b", regex.IGNORECASE)
# ("The UR approved 2 sessions ... and denied the remaining 6 sessions")
# UR's words quoted: 'the prior reviewer's "after 8 visits"'
_UR_QUOTED = regex.compile(rf"\b{UR_SUBJECT}(?:'s|\u2019s)?\s+[\"\u201c][^\"\u201c\u201d]{{0,60}}$",
                           regex.IGNORECASE)
_UR_BEFORE = regex.compile(
    # (not the work status: "modified duty, and four sessions of physical therapy")
    # (nor a count had, itself authorised: "he has attended 12 authorized sessions and 8
    # sessions that he paid for himself")
    r"(?<!\b(?:attended|completed|had|received|used|finished)\s+(?:the\s+|all\s+)?\d{1,2}\s+)"
    r"\b(?:modifi\w*(?!\s+(?:duty|work|job|activit\w*|hours)\b)|authori[sz]ed|certified|approved|denied|non-?certified)\b(?:\s+(?!(?:and\s+)?(?:\w+\s+)?"
    # (not past a semicolon: "referred to 12 certified visits; however, the therapy notes
    # document 8 attended visits")
    r"(?:completed|attended|had|received|underwent)\b)[^\s;]+){0,6}?\s*$", regex.IGNORECASE)


# "Four additional sessions added to the six completed sessions", "6 more sessions would":
# sessions to come, not had
# ("total 12, which equals the general course of 12 visits")
FIGURE_BEFORE = regex.compile(# ("the figure of 24 visits used in the prior review belongs to the
                            # decompression alone")
                            r"\b(?:the|a|that|this)\s+figure\s+of\s+\Z|"
                            r"\b(?:within|exceeds?|exceeding|exceeded|than|equals?|"
                            # ("well in excess of the 3 to 6 treatments deemed necessary")
                            # ("well beyond the 10 visits the guidelines support")
                            r"equal\s+to|(?:in\s+excess\s+of|beyond)(?=\s+the\b))\s+(?:the\s+)?(?:(?:MTUS|ODG|guidelines?'?s?)\s+)?(?:recommended\s+)?"
                            # ("6 treatments fall within the initial course of 3-6 treatments")
                            r"(?:(?:initial|first|trial|allowed|general|full)\s+)?"
                            r"(?:(?:course|trial|range|limit|maximum)\s+of\s+)?\Z",
                            # (a guideline's own clause up to the count, "the guidelines recommend
                            # 40 visits": `_GUIDELINE_SAYS_BEFORE`)
                            regex.IGNORECASE)
# a guideline's own clause, up to the count, with no turn to the case in it: "... treated
# surgically the guidelines recommend 40 visits", "the MTUS supported a total of up to 18
# chiropractic visits", "the Postsurgical Treatment Guidelines, which recommend 16 visits over 8
# weeks", "the guidelines support an initial course of up to 6 treatments", "the MTUS ... does
# support a trial of six visits over two weeks, with evidence of objective functional
# improvement, for a total of up to 18 visits"
_NO_CASE_TURN = (r"(?:(?!\b(?:here|however|but|in\s+this\s+case|had|has|have|completed|received|"
                 r"attended|underwent|requested|request)\b)[^.;])")
_GUIDELINE_SAYS_BEFORE = regex.compile(
    rf"\b(?:guidelines?|MTUS|ODG|ACOEM)\b{_NO_CASE_TURN}{{0,100}}?\b(?:recommend|allow|support|"
    rf"permit)(?:s|ed)?\b{_NO_CASE_TURN}{{0,220}}?\Z", regex.IGNORECASE)
_DENIED_COUNT_BEFORE = regex.compile(r",\s*(?:and\s+)?not\s+$", regex.IGNORECASE)
_IS_ONE_BEFORE = regex.compile(r"\b(?:is|counts\s+as|equals)\s+$", regex.IGNORECASE)
_EACH_WITH_BEFORE = regex.compile(r"\beach\s+(?:[\w-]+\s+){0,2}?(?:with|by|using)\s+(?:only\s+)?$",
                                  regex.IGNORECASE)
# a medical-legal provision for care to come
_FUTURE_CARE_BEFORE = regex.compile(r"\bfuture\s+medical\s+(?:care|treatment)\b[^.;]{0,80}$",
                                    regex.IGNORECASE)
# the figure a guideline gives, after a colon: "the CA MTUS Postsurgical Treatment Guidelines
# ... address therapy after surgery for adhesive capsulitis: 24 visits over 14 weeks"
_FIGURE_COLON = regex.compile(r"\b(?:guidelines?|MTUS|ODG|ACOEM)\b[^.;:]{0,100}:\s*\Z",
                           regex.IGNORECASE)
# sessions had, counted "more than N": "She has received more than 40 chiropractic visits"
# (not the guideline's figure after "than")
# (nor a record's: "the progress note of 11/05/2015 documents no more than 6 postoperative visits
# to date")
_HAD_BEFORE = regex.compile(r"\b(?:had|received|attended|completed|undergone|underwent|"
                            r"documents|documented|records|recorded|shows|showed)\s+\Z",
                            regex.IGNORECASE)
_AS_LIMIT = regex.compile(r"\s+as\s+(?:a|an|the)\s+(?:limit|maximum|cap|ceiling)\b|"
                          # a figure the review cites: "The 24 visits over 14 weeks cited in the
                          # utilization review apply to rotator cuff syndrome"
                          r"\s+over\s+\d{1,2}\s+weeks\s+(?:cited|recommended|allowed|supported|"
                          r"apply|applies|applied|in\s+the\s+(?:guidelines?|MTUS|ODG|table))\b|"
                          # the guideline's visits for a recurrence: "if return to work has
                          # been achieved, 1-2 visits every 4-6 months"
                          r"\s+every\s+\d{1,2}\s*(?:-|to)\s*\d{1,2}\s+months\b",
                          regex.IGNORECASE)
# ("The 6-session course of treatment at issue, in conjunction with the 4 sessions ...")
_COURSE_ASKED = regex.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:proposed|requested|sought|prescribed|"
                              r"recommended|planned|ordered|at\s+issue|in\s+dispute|under\s+"
                              r"review)\b", regex.IGNORECASE)
_JUDGED = regex.compile(
    # (with its schedule: "six treatments once a week is an initial trial within the guideline")
    # ("6 visits at once a week is a reasonable trial")
    r"(?:\s+(?:at\s+)?(?:once|twice|(?:one|two|three|[1-5])\s+times?)\s+(?:a|per|each)\s+week)?"
    # (or over its weeks, for a purpose: "3 visits over 4 weeks to teach nerve and tendon gliding
    # exercises and a self-directed home program fall within the 1-3 visits recommended")
    r"(?:\s+over\s+(?:\d{1,2}|one|two|three|four|five|six|eight)\s+weeks?"
    r"(?:\s+to\s+[^.;,]{1,100}?)?(?=\s+(?:is|are|would\s+be|falls?)\s))?"
    r"(?:\s+(?:is|are|would\s+be|falls?)\s+(?:well\s+|still\s+)?within\b|"
    r"\s+(?:does|do|would)\s+not\s+exceed\b|"
    r"\s+(?:is|are|would\s+be|constitutes?)\s+(?:an?\s+)?(?:initial\s+|reasonable\s+|"
    r"appropriate\s+)?trial\b|"
    # "6 sessions is consistent with the initial trial supported by the guidelines"
    r"\s+(?:is|are|would\s+be)\s+(?:consistent|in\s+keeping|in\s+line)\s+with\b)",
    regex.IGNORECASE)
# what the reviewer finds the patient needs now: "An additional 2 sessions of OT to address the
# remaining deficits and to complete the transition to a HEP is indicated"
# ("12 more visits of the same therapy are therefore not supported")
_INDICATED_AFTER = regex.compile(
    r"[^.;]{0,120}?\b(?:is|are)\s+(?:therefore\s+|thus\s+|also\s+)?(?:not\s+)?(?:medically\s+)?"
    r"(?:indicated|warranted|supported|reasonable|appropriate|necessary)\b", regex.IGNORECASE)
# "noted completion of a second course of 12 visits"
_ANOTHER_COURSE = regex.compile(r"\b(?:second|third|fourth|another|further|additional|new)\s+"
                                r"(?:course|round|block|series|set)\s+of\s+$", regex.IGNORECASE)
_MORE_BEFORE = regex.compile(r"\b(?:an?\s+)?(?:additional|more|further|another)\s*$",
                          regex.IGNORECASE)
_TO_COME = regex.compile(r"\s+(?:added|proposed|would|will|to\s+be|(?:are|is|being)\s+"
                         # ("The eight sessions at issue, coupled with the therapy completed to
                         # date, would bring ...")
                         r"(?:requested|proposed)|at\s+issue|in\s+question|"
                         # ("the 12 sessions asked for on the 09/02/2016 request")
                         r"asked\s+for|(?:requested|sought)\s+(?:on|in|by|with)\b)\b",
                         regex.IGNORECASE)
_BECAUSE = regex.compile(r"\b(?:because|since|given\s+that|noting\s+that|citing|as\s+(?:the|he|she|"
                         r"it|there)|"
                         # "sought authorization for six sessions ..., stating that the applicant
                         # had returned to regular duty following a course of 12 ... treatments"
                         r"(?:stating|explaining|reporting|indicating|adding)\s+that|"
                         # "framed as a request for a renewal of acupuncture, the applicant having
                         # received approximately a dozen sessions ..."
                         r"having\s+(?:already\s+)?(?:received|had|completed|undergone|attended))\b",
                         regex.IGNORECASE)


# the request's body part told of in a relative clause: "The request is for the left knee, which
# was replaced on 10/04/2016 and has had 12 postoperative visits"
_WHICH_HAD = regex.compile(r",\s+which\b[^.;]*?\b(?:has|have|had)\s+(?:already\s+)?(?:had|received|"
                        r"completed|attended|undergone)(?:\s+\w+){0,2}\s*$", regex.IGNORECASE)
_DONE_IN_COUNT = regex.compile(r"\b(?:completed|attended|received)\b", regex.IGNORECASE)
# the words that say a count's sessions were had, right after it
_DONE_AFTER_VERB = (r"(?:completed|attended|received|had\s+been|have\s+been\s+(?:completed|"
                    r"attended|given)|given|done|undergone)\b")
# a count said to be had in its own predicate, in a sentence that requests the treatment: "The 12
# sessions completed already exceed ..."
DONE_AFTER_COUNT = regex.compile(rf"\s+(?:(?:already|previously)\s+)?{_DONE_AFTER_VERB}",
                                 regex.IGNORECASE)
# ... or said so, with "already", right after a count near a request: "The requested 8 visits,
# added to the 6 visits already completed, would total 14 visits"
_ALREADY_DONE_AFTER = regex.compile(rf"\s+(?:already|previously)\s+(?:had\b|{_DONE_AFTER_VERB})",
                                    regex.IGNORECASE)


def _request_near(text: str, start: int, end: int) -> bool:
    """The count is what was requested ('the following were requested: ... 6 sessions of
    acupuncture'), or what UR authorised ('6 sessions was authorized by the Claims
    Administrator', 'modified to 6 sessions'), not sessions already had."""
    # "non-certified the request because the injured worker had already completed 12 sessions":
    # the reason names sessions had; so does a count said to be done, in a later clause ("18
    # sessions were requested in December 2016, of which 6 were authorized, and the therapy
    # notes document 6 completed sessions"; "was modified to 6 sessions, and the patient
    # completed those 6 sessions")
    completed_the = _COMPLETED_THE.search(text, max(0, start - 40), start) is not None
    done = _DONE_IN_COUNT.search(text, start, end) or _ALREADY_DONE_AFTER.match(text, end) or \
        completed_the
    # (not a count said used: "the request was modified to 6 visits, which were completed
    # between 9-27-2016 and 10-20-2016")
    requested = not _said_used(text, end) and any(not _BECAUSE.search(text, m.end(), start)
                    and not (done and CLAUSE_BREAK.search(text, m.end(), start))
                    and not _WHICH_HAD.search(text, m.end(), start)
                    for m in _REQUEST.finditer(text, 0, end))
    # (not those had of an authorisation: "has completed the 4 post-operative visits that were
    # authorized")
    # (but the part of this request UR certified is its own: "completed the 4 sessions certified
    # by utilization review")
    had = (completed_the and not _BY_UR.match(text, end)) or _said_used(text, end)
    return bool(requested or (_UR_COUNT.search(text[end:end + 80]) and not had)
                or _TO_COME.match(text, end)
                or (_INDICATED_AFTER.match(text, end)
                    and (_MORE_BEFORE.search(text, max(0, start - 25), start)
                         or _MORE_COUNT.search(text, start, end)))
                or _DECIDED_AFTER.match(text, end)
                or _REQUESTED_AFTER.match(text, end)
                or (_AUTHORIZED_COUNT.match(text[end:end + 80]) and not had)
                # (a total had after the courses certified: "the 12 visits certified in November
                # and the 4 visits certified in January, 16 postoperative visits in all", "...
                # and the four sessions certified in January 2014, a total of 16 sessions")
                or (_UR_BEFORE.search(text[max(0, start - 80):start])
                    and not _TOTAL_AFTER.match(text, end)
                    and not _TOTAL_BEFORE.search(text[max(0, start - 20):start])
                    and not had)
                or _UR_QUOTED.search(text, max(0, start - 80), start + 1)
                or _RESTATED_ASKED.search(text, max(0, start - 60), start))


# the request told again in sessions: "The 80 hours at issue, i.e., the equivalent of 10
# full-day sessions over 2 weeks" (blind1442_3)
_RESTATED_ASKED = regex.compile(r"\b(?:at\s+issue|in\s+dispute|under\s+review|in\s+question|"
                                r"requested)\s*,?\s*(?:i\.\s?e\.|that\s+is|namely)\s*,?\s*"
                                r"(?:the\s+equivalent\s+of|about|roughly)?\s*\Z",
                                regex.IGNORECASE)


# the count said to be the request: "however, 12 visits was the number originally requested in
# September 2016"
_REQUESTED_AFTER = regex.compile(r"\s+(?:was|were)\s+(?:the\s+(?:number|count|amount|total)\s+"
                                 r"(?:of\s+\w+\s+)?)?(?:originally\s+|initially\s+|first\s+)?"
                                 r"(?:requested|asked\s+for|prescribed)\b", regex.IGNORECASE)
_BY_UR = regex.compile(r"\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?(?:utilization\s+review|UR\b|claims\s+"
                    r"administrator)", regex.IGNORECASE)
# the treatment already named, pointed back to: "those 6 sessions", "the earlier visits", "at
# discharge from that course"
_BACK_REFERENCE = r"(?:those|these|the\s+(?:earlier|prior|previous))"
_LATEST_OF = regex.compile(r"\bthe\s+(?:most\s+recent|last|latest|final)\s+$", regex.IGNORECASE)
_THOSE_BEFORE = regex.compile(rf"\b{_BACK_REFERENCE}\s+$", regex.IGNORECASE)
_COMPLETED_THE = regex.compile(r"\b(?:completed|attended|finished|used)\s+(?:all\s+)?"
                               r"(?:the|those|these|his|her|their)\s*$", regex.IGNORECASE)


# a treatment list's entry: "Prior treatment: PT x8 (2013); chiro x10 (2014); acupuncture -
# none; injections x2"
_LISTED_NONE = regex.compile(r"\b(?P<what>[A-Za-z][A-Za-z /-]{1,30}?)\s*(?:-|\u2013|\u2014|:)\s*"
                             r"(?:none|never|not\s+(?:tried|done|given))\b", regex.IGNORECASE)


# a none of the time before this injury, which says nothing of the sessions since it
_BEFORE_THIS_INJURY = regex.compile(
    r"[A-Za-z ,-]{0,50}?\b(?:between\s+[^.;]{1,30}?\s+and|before|prior\s+to|until)\s+(?:the|this|"
    r"his|her)\s+(?:(?:current|present|industrial|recent|new|work)\s+)?(?:injury|claim|"
    r"accident)\b", regex.IGNORECASE)


def _no_recent(sentence: Sentence, item_modality: str | None,
               item_region: str | None = None) -> Reading | None:
    """A statement that this treatment was never (or not recently) given -> 0 sessions."""
    for m in sentence.finditer(_LISTED_NONE):
        named = categories.mentions(categories.MODALITY, m.group("what"))
        if named and named[-1].value == item_modality and \
                not m.group("what")[named[-1].end:].strip() and \
                not _other_region(clause_around(sentence.text, m.start()), item_region):
            return Reading(value=0, part=sentence.part.name, qualifier=CountQualifier.exact,
                           evidence=[sentence.evidence(m.start("what") + named[-1].start,
                                                       m.end())])
    for pattern in (_NEVER_BEFORE, _NOT_YET_STARTED):
        if pattern is _NOT_YET_STARTED and not sentence.search(_NOT_YET_DONE_VERB):
            continue
        # (overlapping: "no neurologic deficit and no prior chiropractic care", where the
        # first negation's words run over the second)
        for m in pattern.finditer(sentence.text, overlapped=pattern is _NEVER_BEFORE):
            if _other_region(clause_around(sentence.text, m.start()), item_region):
                continue
            if sentence.part.in_ur_quote(sentence.start + m.start()):
                continue   # UR's words quoted at length: "The utilization review physician's
                # rationale was as follows: \"The medical records do not document any prior
                # chiropractic care for this injury.\""
            what = m.group("what")
            if _BEFORE_THIS_INJURY.match(sentence.text, m.start("what")):
                continue  # "he had no treatment for his back between 2009 and the current
                # injury": the time before this claim
            named = categories.first(categories.MODALITY, what)
            if pattern is _NEVER_BEFORE and named is not None and \
                    _NOT_SINCE.match(sentence.text, m.start("what") + named.end):
                continue  # "had not received physical therapy in approximately two years"
            if _NO_REASON.match(what):
                continue  # "no clear rationale for chiropractic treatment": a reason is missing
            if _THAT_CLAUSE.match(what):
                continue  # "does not show that acupuncture has failed": a finding, not a
                # treatment never had
            if _NO_OUTCOME.match(what):
                continue  # "no objective FI from prior chiro documented": the result is missing
            if _ATTRIBUTE.match(what) or _ATTRIBUTE_OF.search(
                    sentence.text, max(0, m.start("what") - 40), m.start("what")):
                continue  # "do not document the number of physical therapy sessions": a count
            found = categories.first(categories.MODALITY, what)
            if found is not None and _PAPERWORK.match(what[found.end:]):
                continue  # "no physical therapy notes": the notes are missing, not the therapy
            listed = _NEGATED_LIST.match(sentence.text, m.start("what"))
            if listed is not None and _PAPERS_LAST.search(listed.group()):
                continue  # "No physical therapy or chiropractic notes were included": of both
            if found is not None and found.value == item_modality and (
                    pattern is _NOT_YET_STARTED or found.start < 25):
                return Reading(value=0, part=sentence.part.name, qualifier=CountQualifier.exact,
                               evidence=[sentence.evidence(m.start(), m.end())])
            # "he has not had chiropractic care, massage or physical therapy": the negation
            # governs every treatment of the list
            if found is not None and found.start < 25 and pattern is _NEVER_BEFORE and \
                    listed is not None and (
                    named := next((x for x in categories.mentions(categories.MODALITY,
                                                                   listed.group())
                                   if x.value == item_modality), None)):
                # the evidence runs from the negation to this treatment in the list
                return Reading(value=0, part=sentence.part.name, qualifier=CountQualifier.exact,
                               evidence=[sentence.evidence(m.start(),
                                                           listed.start() + named.end)])
            # "has not yet received any postoperative therapy" in the item's own rationale
            # ("had not received any postoperative therapy" names therapy after surgery)
            post_op = regex.search(r"post-?\s*operative", m.group(0), regex.IGNORECASE)
            # (in the summary too when it names the item's region: "The IW has not had any
            # therapy for the wrist", of wrist occupational therapy)
            placed = item_region in NAMED_REGIONS and categories.body_region(
                clause_around(sentence.text, m.start())) == item_region
            # ("she has had no therapy since": given before, not since)
            if (found is None and pattern is _NEVER_BEFORE and (
                    sentence.part.name == "rationale" or placed
                    or (post_op and item_modality in _POSTOP_THERAPY))
                    and (generic := _GENERIC_THERAPY.match(what.strip()))
                    and not _PAPERWORK.match(what.strip()[generic.end():])
                    and not (_NOT_SINCE.match(sentence.text, m.start("what") + generic.end())
                             and not _SINCE_AN_OPERATION.search(
                                 sentence.text, m.start("what") + generic.end()))
                    and not sentence.modalities() - {item_modality}):
                return Reading(value=0, part=sentence.part.name, qualifier=CountQualifier.exact,
                               evidence=[sentence.evidence(m.start(), m.end())])
    return None


# the treatment has not been given for a long time: "he has had no physical therapy since
# 2012", "no recent chiropractic care", "his last course of physical therapy was in 2012", "has
# not had acupuncture in over two years"
# (with its qualifiers: "no formal therapy of any kind for the low back since March 2012")
_TREATMENT = r"(?P<what>[A-Za-z][A-Za-z -]{1,60}?)"
# years without the treatment: "since", "for nearly two years", "in more than 2 years"
_YEARS_WITHOUT = (r"(?:since\b|(?:in|for)\s+(?:the\s+(?:last|past)\s+)?(?:over\s+|more\s+than\s+|"
                  r"approximately\s+|about\s+|nearly\s+|almost\s+|roughly\s+)?"
                  r"(?:a|one|two|three|four|five|several|many|\d+)\s+years?\b)")
_NONE_UNTIL_FLARE = regex.compile(
    rf"\bno\s+(?:further|other|more)\s+{_TREATMENT}\s+(?:until|before)\s+(?:the\s+|this\s+|"
    r"his\s+|her\s+)?(?:recent|current|present|new)\s+(?:flare(?:[- ]?up)?|exacerbation|"
    r"recurrence|episode)\b", regex.IGNORECASE)
NOT_RECENT_CUES = tuple(regex.compile(p, regex.IGNORECASE) for p in (
    rf"\bno\s+(?:further\s+|other\s+)?{_TREATMENT}\s+since\b",
    # (of a list of treatments: "No PT, chiro or acupuncture since 2012.")
    r"\bno\s+(?P<what>[A-Za-z][A-Za-z -]{1,30}?(?:,\s*[A-Za-z][A-Za-z -]{1,30}?)+)\s+since\b",
    # ("He had no further physical therapy after 10/29/2015", "She had no physical therapy after
    # 01-2013")
    rf"\bno\s+(?:(?:further|other|more)\s+)?{_TREATMENT}\s+after\s+(?=\d{{1,2}}[/.-]|(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    # ("she had not needed formal therapy for nearly two years before this flare-up")
    rf"\b(?:has|had|have)\s+not\s+(?:had|received|attended|needed|required)\s+(?:any\s+)?"
    rf"{_TREATMENT}\s+{_YEARS_WITHOUT}",
    # a time without it up to about now: "She had no chiropractic treatment between 10/2013 and
    # 11/2016" (request 12/2016)
    rf"\b(?:no|(?:did|has|had|have)\s+not\s+(?:receive|received|had|have|attend|attended)"
    rf"(?:\s+any)?)\s+(?:(?:further|other|more)\s+)?{_TREATMENT}\s+between\s+"
    rf"(?:{_MONTH_NAME}\.?\s+|\d{{1,2}}[/-](?:\d{{1,2}}[/-])?)?(?P<year>(?:19|20)\d\d)\s+and\s+"
    rf"(?:{_MONTH_NAME}\.?\s+|\d{{1,2}}[/-](?:\d{{1,2}}[/-])?)?(?P<until_year>(?:19|20)\d\d)\b",
    # "has had no physical therapy in more than 2 years", "for nearly two years"
    # ("She then had no therapy for more than a year and worked without restrictions until the
    # current flare-up")
    rf"\b(?:has|have|had)\s+(?:had\s+)?no\s+(?:(?:further|other|more|formal)\s+)?{_TREATMENT}\s+"
    rf"{_YEARS_WITHOUT}",
    # "after more than a year and a half without acupuncture", "two years without chiropractic
    # care before this flare-up"
    r"\b(?:(?:more\s+than|over|nearly|almost|about|approximately|roughly)\s+)?(?:a|one|two|three|"
    r"four|five|several|many|\d+)\s+years?(?:\s+and\s+a\s+half)?\s+without\s+(?:any\s+)?"
    r"(?:(?:further|other|more|formal)\s+)?(?P<what>[A-Za-z][A-Za-z -]{1,60}?)"
    r"(?=\s*(?:[.,;]|$)|\s+(?:and|or|before|until|when|prior)\b)",
    # a course named by its sessions, ended years before: "Those sessions ended more than three
    # years before the current request" (blind1466_1)
    r"\b(?:those|these|the|that|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:sessions|visits|"
    r"treatments|course)\s+(?:ended|stopped|concluded|(?:was|were)\s+completed)\s+(?:more\s+than\s+|"
    r"over\s+|nearly\s+|almost\s+|about\s+|approximately\s+)?(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many)\s+years\s+(?:before|ago|earlier|prior)\b",
    rf"\b(?:no|(?:has|had|have)\s+not\s+had\s+any)\s+recent\s+{_TREATMENT}"
    rf"(?=\s*(?:[.,;]|$|\b(?:and|or|for|to|in)\b))",
    # "the most recent course of physical therapy was 6 sessions in 2013"
    rf"\b(?:last|most\s+recent|latest)\s+(?:course|session|visit|round)s?\s+of\s+{_TREATMENT}\s+"
    rf"(?:was|were)\s+(?:(?:[\w-]+\s+){{1,3}}?)?(?:in|during)\s+(?:\w+\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\b",
    # "the claimant's last course of PT ended in 2011, more than 5 years ago"
    rf"\b(?:last|most\s+recent|latest)\s+(?:course|session|visit|round)s?\s+of\s+{_TREATMENT}\s+"
    rf"(?:ended|finished|concluded|stopped|was\s+completed)\s+(?:in|during)\s+(?:\w+\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\b",
    # "The last PT was in 2014", "the last physical therapy was in March 2014"
    rf"\blast\s+{_TREATMENT}\s+(?:was|were)\s+(?:in|during)\s+(?:\w+\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\b",
    # "The last physical therapy visit was in October 2014"
    rf"\blast\s+{_TREATMENT}\s+(?:course|session|visit|round|treatment)s?\s+(?:was|were)\s+"
    rf"(?:in|during)\s+(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\b",
    # "She had completed 12 sessions of physical therapy in 2014 with resolution of her
    # symptoms" (a course dated by its year alone, before a flare-up)
    # "He completed a course of 10 physical therapy sessions in 2013" (a year alone: at least
    # COURSE_YEAR_GAP years before the request's)
    # ("had 12 sessions of physical therapy in 2013 and 2014": the last year)
    # ("completed 10 sessions of aquatic therapy in February and March 2013": the year the
    # months are in)
    r"\b(?:completed|attended|received|underwent|had)\s+(?P<what>[\w -]{1,50}?)\s+in\s+"
    r"(?:(?:19|20)\d\d\s*(?:and|through|to|-|\u2013)\s*)?"
    # ("in 2013 and early 2014")
    r"(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_MONTH_NAME}\s+(?:(?:and|through|to|-|\u2013)\s+{_MONTH_NAME}\s+)?)?"
    r"(?P<course_year>(?:19|20)\d\d)\b(?!\s*(?:and|through|to|-)\s)",
    # the year first: "In 2011 she completed 12 sessions of physical therapy; ..."
    # ("In late 2013 he attended 12 sessions of physical therapy")
    r"\bIn\s+(?:(?:early|late|mid-?)\s*)?(?P<course_year>(?:19|20)\d\d),?\s+(?:he|she|they|"
    r"the\s+(?:patient|applicant|"
    r"claimant|employee|injured\s+worker))\s+(?:completed|attended|received|underwent|had)\s+"
    r"(?P<what>[\w -]{1,50}?)(?=\s*(?:[.;,]|$))",
    # "12 visits of physical therapy in 2015, after which he returned to full duty"
    # (one year, and the list's last course: not "12 sessions of therapy in 2014, 8 more in June
    # 2015 and six ... since October 2016")
    r"\b\d{1,2}\s+(?:sessions|visits|treatments)\s+of\s+(?P<what>[A-Za-z][A-Za-z -]{1,40}?)\s+in\s+"
    r"(?P<course_year>(?:19|20)\d\d)\b(?=\s*(?:[.;]|$|,\s*(?:after|following|with|when|which|"
    r"at\s+which)\b))",
    # "a course of 8 physical therapy sessions in 2015"
    r"\bcourse\s+of\s+(?:\d{1,2}\s+)?(?P<what>[A-Za-z][A-Za-z -]{1,40}?)\s+in\s+"
    r"(?:(?:19|20)\d\d\s*(?:and|through|to|-|\u2013)\s*)?"
    r"(?P<course_year>(?:19|20)\d\d)\b(?!\s*(?:and|through|to|-)\s)",
    # "physical therapy, with the most recent course of 10 sessions completed in 2014", "the
    # prior course of 10 sessions was completed in 2014": the treatment is the sentence's
    r"\b(?:prior|previous|earlier|last|most\s+recent|latest)\s+course\s+of\s+(?:\d{1,2}|[a-z]+)\s+"
    r"(?:sessions|visits|treatments)\s+(?:(?:was|were|had\s+been)\s+)?(?:completed|ended|"
    r"finished|given|attended)\s+in\s+(?:\w+\s+)?(?P<course_year>(?:19|20)\d\d)\b",
    # a course dated from its first month to its last: "10-12 sessions of physical therapy for
    # the cervical spine from 10/2013 to 12/2013"
    r"\b(?:sessions|visits|treatments)\s+of\s+(?P<what>[\w -]{1,60}?)\s+(?:from|between)\s+"
    r"[\w/,. -]{3,20}?\s+(?:to|through|thru|until|and|-|\u2013)\s+(?:[A-Za-z]+\.?\s+|\d{1,2}/"
    r"(?:\d{1,2}/)?)?(?P<course_year>(?:19|20)\d\d)\b",
    # the sessions said done in a year: "The 12 physical therapy sessions were completed in 2013,
    # more than three years ago"; "About 10 sessions of physical therapy were completed in the
    # fall of 2015" (a season or month names the year's part: the year's gap is enough) ("The
    # 24 prior visits were completed by October 2015")
    r"\b(?:sessions|visits|treatments)\s+(?:of\s+[\w -]{1,40}?\s+)?(?:were|was|had\s+been)\s+"
    r"(?:completed|given|attended|provided|finished)\s+(?:in|by)\s+(?:(?P<part>(?:the\s+)?(?:fall|autumn|"
    r"spring|summer|winter|early|late|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+of)?)\s+(?P<year>(?:19|20)\d\d)|"
    r"(?P<course_year>(?:19|20)\d\d))\b",
    # "Those sessions were completed more than a year ago", "the visits were given over two
    # years ago" ("Those visits were for the same injury, but they were completed more than four
    # years ago")
    r"\b(?:sessions|visits|treatments|(?<=\b(?:but|and)\s+)they)\s+(?:were|was|had\s+been)\s+"
    r"(?:completed|given|attended|"
    r"provided|finished)\s+(?:(?:more\s+than|over)\s+(?:a|one)\s+year|(?:more\s+than\s+|over\s+|"
    r"about\s+|approximately\s+|nearly\s+|almost\s+)?(?:two|three|four|five|several|many|[2-9]|"
    r"\d\d)\s+years)\s+ago\b",
    # "prior therapy was more than two years ago" ("the applicant's last course of physical
    # therapy had taken place \"several years ago\"")
    rf"\b(?:prior|previous|earlier|last)\s+(?:course\s+of\s+)?{_TREATMENT}\s+(?:was|were|ended|"
    rf"took\s+place|had\s+(?:taken\s+place|ended|been))\s+[\"\u201c]?"
    rf"(?:more\s+than\s+|over\s+|about\s+|approximately\s+)?(?:two|three|four|five|several|"
    rf"many|[2-9]|\d\d)\s+years\s+ago\b",
    # "However, that therapy was three years ago": the course the sentence before named
    r"\b(?:that|this|the\s+(?:prior|previous|earlier))\s+(?:therapy|course|treatment)\s+(?:was|"
    r"ended)\s+(?:more\s+than\s+|over\s+|about\s+|approximately\s+)?(?:two|three|four|five|"
    r"several|many|[2-9]|\d\d)\s+years\s+ago\b",
))
# the treatments "therapy" alone names in a physical or occupational therapy request's letter
_THERAPY_FAMILY = frozenset({"physical_therapy", "occupational_therapy"})
# a last visit dated this long before the request is not recent
NOT_RECENT_YEARS = 1
# a course dated only by the year it was had ("completed 12 sessions of physical therapy in
# 2014"): it may have run on into the next year
COURSE_YEAR_GAP = 2


NOT_RECENT_MONTHS = 12
# a day said after "no ... since" this few months before the request is recent
RECENT_DAY_MONTHS = 3
_PART_LAST_MONTH = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 12, "early": 4,
                    "late": 12}


def _part_last_month(part: str) -> int:
    word = part.lower().replace("the ", "").replace(" of", "").strip()
    if word in _PART_LAST_MONTH:
        return _PART_LAST_MONTH[word]
    try:
        return month_number(word)
    except KeyError:
        return 12


def _months_before(as_of: dt.date, year: int, month: int) -> int:
    """How many calendar months the month (year, month) is before as_of's month."""
    return (as_of.year - year) * 12 + as_of.month - month


def recent_treatment(text: ItemText, item_modality: str | None,
                     item_region: str | None = None, as_of: dt.date | None = None) -> Fact:
    """False when the letter says this treatment has not been given for a long time (a last
    visit in a year at least NOT_RECENT_YEARS before the request's, when that is known);
    unknown otherwise (earlier sessions alone do not say when they were)."""
    readings: list[Reading] = []
    # a course of this treatment told in a recent year ("completed postoperative physical
    # therapy in early 2013 ... She completed 20 sessions of physical therapy in 2016"): a
    # course told in an earlier year says nothing of the last
    latest_year = 0
    years: list[int] = []   # each reading's course year (0: none told)
    since: list[int] = []   # each reading's year (a course's, or the time without's first)
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if sentence.is_guideline_talk():
                continue
            for cue in NOT_RECENT_CUES:
                m = sentence.search(cue)
                # (nor a sentence led by another region: "For the low back, he underwent
                # approximately 20 acupuncture treatments in 2012 and 2013", of the neck)
                if m is None or _other_region(clause_around(sentence.text, m.start()),
                                              item_region) or \
                        _led_elsewhere(sentence.text, item_region):
                    continue
                groups = m.groupdict()
                # (a time without it that ended long before the request says nothing of now)
                if groups.get("until_year") and (
                        as_of is None or as_of.year - int(groups["until_year"]) > 1):
                    continue
                year, gap = ((groups["course_year"], COURSE_YEAR_GAP) if groups.get("course_year")
                             else (groups.get("year"), NOT_RECENT_YEARS))
                # a part of a year ("the fall of 2015", "October 2016"): a year from the part's
                # last month to the request's
                if groups.get("part") and (as_of is None or _months_before(
                        as_of, int(year), _part_last_month(groups["part"])) < NOT_RECENT_MONTHS):
                    continue
                # (nor a day a few weeks before the request: "no physical therapy since
                # 10/29/2016", of a request of 12/07/2016; readers take 7 months as a long time)
                if as_of is not None and (day := next(iter(find_dates(
                        sentence.text[m.end():m.end() + 30])), None)) and \
                        not sentence.text[m.end():m.end() + day.start].strip() and \
                        _months_before(as_of, day.value.year, day.value.month) \
                        < RECENT_DAY_MONTHS:
                    continue
                # (a course's year says nothing without the request's)
                if year and (as_of.year - int(year) < gap if as_of is not None
                             else bool(groups.get("course_year"))):
                    if as_of is not None and groups.get("course_year") and \
                            _cue_is_ours(m, sentence, part is text.rationale, item_modality):
                        latest_year = max(latest_year, int(year))
                    continue
                if _cue_is_ours(m, sentence, part is text.rationale, item_modality):
                    readings.append(Reading(value=False, part=part.name,
                                            evidence=[sentence.evidence(m.start(), m.end())]))
                    years.append(int(year) if groups.get("course_year") else 0)
                    after = _YEAR_AFTER.match(sentence.text, m.end())
                    since.append(int(year) if year else int(after.group("y")) if after else 0)
                    break
    kept = [(r, y, n) for r, y, n in zip(readings, years, since, strict=True)
            if not y or y >= latest_year]
    readings = [r for r, _, _ in kept]
    if kept and all(y for _, y, _ in kept) and (
            going := _ongoing(text, item_modality, item_region)):
        # (a course told by its year, and the treatment still going on: "completed an initial
        # course of 12 acupuncture treatments in 2004 ..., and she has received acupuncture on
        # an ongoing basis since March 2011")
        readings = going
    if as_of is not None and (not readings or all(y for _, y, _ in kept)):
        # (a course told by its year alone says nothing of the last where a later course is
        # dated: "nine sessions in early 2013" and "eight sessions from November 7, 2016 through
        # December 2, 2016", request 12/2016)
        readings = _recent_course_end(text, item_modality, item_region, as_of) or readings
    elif as_of is not None and all(n for _, _, n in kept) and \
            not _RETROSPECTIVE_TITLE.search(text.title.view.folded) and (
            course := _recent_course_end(text, item_modality, item_region, as_of)) and \
            _last_year(course[0]) > max(n for _, _, n in kept) and \
            _COUNT.search((_sentence_of(text, course[0]) or course[0].evidence[0]).quote):
        # (nor a time without it told by its first year, where a course after that year is
        # dated: "he had not attended physical therapy since 2013" at the flare's first visit,
        # then "8 sessions of physical therapy were attended from 10-03-2016 through 10-28-2016";
        # a course told with its sessions, not a list of notes reviewed: "Chiropractic notes,
        # dated 7/1/2013 through 8/26/2013"; for a retrospective item, that course is the one
        # under review)
        readings = course
    if not readings:
        # "She reported that she continues to attend acupuncture once a week": a course going on
        readings = _ongoing(text, item_modality, item_region)
    if not readings:
        # "had no further physical therapy until the recent flare": none before the flare's
        # own course (which, where the letter dates it, the course end above has told)
        readings = [Reading(value=False, part=part.name,
                            evidence=[sentence.evidence(m.start(), m.end())])
                    for part in (text.rationale, text.summary) for sentence in part.sentences()
                    if (m := sentence.search(_NONE_UNTIL_FLARE))
                    and item_modality in sentence.modalities()][:1]
    if not readings:
        return Fact.unknown("the letter does not say when this treatment was last given")
    return resolve(readings, RECORD_ORDER)


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# the year a time without the treatment began, told after its cue: "since 2013", "since
# early 2014", "since March 2013", "since 03/2013", "after 10/29/2015"
_YEAR_AFTER = regex.compile(r"\s*(?:(?:early|late|mid|the\s+(?:spring|summer|fall|autumn|winter)"
                            r"(?:\s+of)?)[\s-]+)?(?:[A-Za-z]+\.?,?\s+)?(?:\d{1,2}[/-]){0,2}"
                            r"(?P<y>(?:19|20)\d\d)\b")


def _last_year(reading: Reading) -> int:
    """The latest year the reading's first quote names (0: none)."""
    return max((int(y) for y in _YEAR.findall(reading.evidence[0].quote)), default=0)


# a treatment named with others of its kind: "no aquatic or other supervised therapy since
# 4/2013" (no aquatic therapy)
_OR_OTHER = regex.compile(r"(?P<first>[A-Za-z]+)\s+(?:or|and|nor)\s+(?:other|any)\s+"
                          r"(?:[A-Za-z-]+\s+){0,2}?(?P<kind>therapy|treatment|care)\s*$",
                          regex.IGNORECASE)


def _cue_is_ours(m: regex.Match, sentence: Sentence, own: bool,
                 item_modality: str | None) -> bool:
    """Is the course a NOT_RECENT_CUES match tells of this treatment? (`own`: the sentence is in
    the item's rationale)"""
    if m.groupdict().get("what") is None:
        # (a course named by its sessions alone is of the sentence's one treatment, or in the
        # item's rationale of the item's)
        named = sentence.modalities()
        return named == {item_modality} or (not named and own)
    found = categories.first(categories.MODALITY, m.group("what"))
    if found is None and (joined := _OR_OTHER.match(m.group("what"))):
        found = categories.first(categories.MODALITY, joined.expand(r"\g<first> \g<kind>"))
    # (one of a list: "No PT, chiro or acupuncture since 2012")
    listed = {x.value for x in categories.mentions(categories.MODALITY, m.group("what"))}
    return (found is not None and (found.value == item_modality or item_modality in listed)) or (
        # "has not had therapy in over a year", of a physical or occupational therapy request,
        # in a sentence that names no other treatment
        found is None and item_modality in _THERAPY_FAMILY
        and _GENERIC_THERAPY.match(m.group("what").strip()) is not None
        and not sentence.modalities() - {item_modality})


# a course given this long before the request, or less, is recent (the readers' "six weeks",
# "three months", "under four months before the request")
RECENT_DAYS = 183
# the last day of a course, told with it: "from 09-12-2016 to 10-17-2016", "between 06/07/2016
# and 08/26/2016", "that ended on 06-20-2016", "through 11/18/2016", "last visit on ..."
_COURSE_END_CUE = regex.compile(
    r"(?:\bbetween\s+\S+(?:\s+\d{1,2},?\s+\d{4})?\s+and|\bfrom\s+\S+(?:\s+\d{1,2},?\s+\d{4})?\s+"
    r"(?:to|through|until)|\b(?:through|until|ended(?:\s+on)?|completed\s+on|discharged\s+on|"
    r"last\s+(?:visit|session|treatment)\s+(?:was\s+)?(?:on)?)|"
    # a course begun on a day, or its sessions counted since one ("a course of physical therapy
    # that began on 09/12/2016", "had completed 6 chiropractic sessions since 10-24-2016"): it
    # went on after that day
    # (not a flare-up's start: "a flare-up of low back pain that began on 1-23-2017")
    r"\b(?:course|therapy|treatment|care|program(?:me)?|sessions|PT|chiropractic|acupuncture|"
    r"massage)(?:\s+(?:for|to)\s+the\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s*,?\s+(?:that\s+|which\s+)?"
    r"(?:(?:was|were|had)\s+)?(?:began|started|"
    r"commenced|begun)(?:\s+on)?|\b(?:sessions|visits|treatments)\b[^.;]{0,50}?"
    r"\bsince|"
    # its discharge: "The physical therapy discharge summary dated 11/30/2016"
    r"\bdischarge\s+(?:summary|note|report|evaluation)\s+(?:dated|of|on))\s*$",
    regex.IGNORECASE)


# a course told by its months: "between 08/2016 and 10/2016", "from February to April 2014",
# "in October and November 2016", "from January through August 2013"
_COURSE_MONTHS = regex.compile(
    rf"\b(?:between|from|in|during)\s+(?:{MONTH_NAMES}|\d{{1,2}}[/-](?:19|20)\d\d)\.?"
    # ("attended in August and September of 2016")
    rf"(?:,?\s+(?:19|20)\d\d)?\s+(?:and|to|through|until|-)\s+(?:(?P<mn>{MONTH_NAMES})\.?,?"
    rf"(?:\s+of)?\s+(?P<y>(?:19|20)\d\d)|(?P<m>\d{{1,2}})[/-](?P<y2>(?:19|20)\d\d))\b|"
    # one month: "8 sessions from April to June 2013 and 4 more in November 2013"
    rf"(?<=\b{_N}\s+(?:more\s+|additional\s+|further\s+)?(?:[\w-]+\s+){{0,3}}?)(?:in|during)\s+"
    rf"(?P<mn>{MONTH_NAMES})\.?,?(?:\s+of)?\s+(?P<y>(?:19|20)\d\d)\b|"
    # its last month: "the most recent course ending in 08-2016", "24 sessions of postoperative
    # physical therapy, the last in 10/2016"
    r"\b(?:ending|ended|finished|completed|the\s+last(?:\s+(?:visit|session|treatment|one))?)\s+"
    rf"in\s+(?:(?P<mn>{MONTH_NAMES})\.?,?(?:\s+of)?\s+(?P<y>(?:19|20)\d\d)|"
    r"(?P<m>\d{1,2})[/-](?P<y2>(?:19|20)\d\d))\b",
    regex.IGNORECASE)


# the months of a time without the treatment, not of a course: "did not receive any further
# chiropractic treatment between December 2014 and November 2016"
_NO_COURSE_BEFORE = regex.compile(r"\b(?:not|no|never|without)\s+(?:[\w-]+\s+){0,5}?$",
                                  regex.IGNORECASE)


def _month_end(m: regex.Match) -> dt.date | None:
    """The last day of the month a `_COURSE_MONTHS` match ends on."""
    month = month_number(m.group("mn")) if m.group("mn") else int(m.group("m"))
    year = int(m.group("y") or m.group("y2"))
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _recent_course_end(text: ItemText, item_modality: str | None, item_region: str | None,
                       as_of: dt.date) -> list[Reading]:
    """True where a course of this treatment alone is told with its last day, within
    RECENT_DAYS before the request ("12 sessions for the shoulders that ended on 06-20-2016",
    request 11/2016)."""
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or item_modality not in sentence.modalities():
                continue
            # (in a list of treatments, the course told right after this one's name: "six
            # sessions of acupuncture in 2015, ... and twenty-four sessions of physical therapy,
            # the last six of which were attended in August and September of 2016")
            alone = sentence.modalities() == {item_modality}
            for d in find_dates(sentence.text):
                cue = _COURSE_END_CUE.search(sentence.text, max(0, d.start - 60), d.start)
                if cue is None or not 0 <= (as_of - d.value).days <= RECENT_DAYS or \
                        _other_region(clause_around(sentence.text, d.start), item_region) or \
                        not (alone or _named_just_before(sentence.text, cue.start(),
                                                         item_modality)):
                    continue
                return [Reading(value=True, part=part.name,
                                evidence=[sentence.evidence(cue.start(), d.end)])]
            # (a month's end may fall after a request made within it)
            for m in sentence.finditer(_COURSE_MONTHS):
                end = _month_end(m)
                if end is None or not -31 <= (as_of - end).days <= RECENT_DAYS or \
                        _NO_COURSE_BEFORE.search(sentence.text, max(0, m.start() - 60),
                                                 m.start()) or \
                        _other_region(clause_around(sentence.text, m.start()), item_region) or \
                        not (alone or _named_just_before(sentence.text, m.start(),
                                                         item_modality)):
                    continue
                return [Reading(value=True, part=part.name,
                                evidence=[sentence.evidence(m.start(), m.end())])]
    return []


# a course still going on when the letter tells of it: "she continues to attend acupuncture
# once a week", "he is currently attending physical therapy", "remains in chiropractic care"
_ONGOING = regex.compile(
    r"(?<!\b(?:not|no\s+longer|never)\s+(?:\w+\s+)?)\b(?:continues?\s+to\s+(?:attend|receive|"
    r"undergo|participate\s+in)|(?:is|are)\s+(?:currently\s+|still\s+)?(?:attending|receiving|"
    r"undergoing|participating\s+in)|(?:currently|still)\s+(?:attends|receives|undergoes)|"
    r"remains?\s+in|"
    # "she has received acupuncture on an ongoing basis since March 2011"
    r"(?:has|have)\s+(?:been\s+)?(?:received|receiving|attended|attending|undergone|undergoing|"
    r"had)(?=\s+(?:[\w-]+\s+){1,4}?on\s+an?\s+(?:ongoing|continuing|continuous|regular)\s+"
    r"basis\b))\s+(?:(?:her|his|their|the|an?|weekly|ongoing|outpatient)\s+)?"
    # (not a home programme: "he is receiving home exercise instruction")
    r"(?!home\b)(?P<what>[A-Za-z][\w -]{0,40}?)(?=\s*[.,;]|\s+(?:once|twice|\d|at|with|for|and|"
    r"as|since|on|"
    r"which|who|three|two|weekly)\b)", regex.IGNORECASE)


def _ongoing(text: ItemText, item_modality: str | None, item_region: str | None
             ) -> list[Reading]:
    """True where the record tells of a course of this treatment as still going on."""
    for part in (text.summary, text.rationale):
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or item_modality not in sentence.modalities():
                continue
            for m in sentence.finditer(_ONGOING):
                # (the treatment itself, not a part of another: "is receiving home exercise
                # instruction with his manual therapy")
                named = categories.first(categories.MODALITY, m.group("what"))
                if named is None or named.start > 0 or named.value != item_modality or said_by_ur(
                        sentence.text, m) or _other_region(
                        clause_around(sentence.text, m.start()), item_region):
                    continue
                return [Reading(value=True, part=part.name,
                                evidence=[sentence.evidence(m.start(), m.end())])]
    return []


# how far before a course's dates the treatment's name may stand in a list
_NAMED_BEFORE_CHARS = 80


def _named_just_before(text: str, at: int, item_modality: str | None) -> bool:
    """Is the treatment named last before `at`, within _NAMED_BEFORE_CHARS, this one?"""
    named = [m for m in categories.mentions(categories.MODALITY, text) if m.end <= at]
    return bool(named) and named[-1].value == item_modality and \
        at - named[-1].end <= _NAMED_BEFORE_CHARS


def _given_before(text: str, item_modality: str | None) -> bool:
    """A part of the sentence (between semicolons) that names this treatment says it was given
    ("Treatment to date has included ... chiropractic care"), and not as a request; "...; for
    acupuncture as efficacy was not noted" after "prior medication usage" does not."""
    pos = 0
    for segment in regex.split(r";", text):
        start, pos = pos, pos + len(segment) + 1
        named = list(categories.mentions(categories.MODALITY, segment))
        # ("underwent a multidisciplinary evaluation for a functional restoration program": the
        # evaluation, not the programme)
        if not any(m.value == item_modality and not _EVALUATED_FOR.search(segment, 0, m.start)
                   for m in named):
            continue
        for m in _HISTORY.finditer(segment):
            if _REQUEST.search(text[: start + m.start()]):
                break
            # ("non-certified the aqua therapy on the basis that a course of land-based therapy
            # had already been completed": the history of the treatment named just before it)
            before = [n for n in named if n.end <= m.start()]
            if before and before[-1].value != item_modality and \
                    _ITS_HISTORY.fullmatch(segment, before[-1].end, m.start()):
                continue
            # ("a course of land-based therapy": the treatment named just after it)
            after = [n for n in named if n.start >= m.end()]
            if after and after[0].value != item_modality and \
                    regex.search(r"course(?:\s+of)?$", m.group(), regex.IGNORECASE) and \
                    _ITS_NAME.fullmatch(segment, m.end(), after[0].start):
                continue
            # (", non-certified the additional physical therapy because 12 visits had been
            # completed": a clause about another treatment only; not a list the cue opens,
            # "Prior treatment included physical therapy x 12, acupuncture, ...")
            here = {n.value for n in categories.mentions(categories.MODALITY,
                                                          clause_around(segment, m.start()))}
            if here and item_modality not in here and \
                    not _TREATMENT_LIST.search(segment, max(0, m.start() - 40), m.end() + 30):
                continue
            return True
    return False


# between a treatment and the word that says it was given: "land-based therapy had already been
# (completed)"
# ("A multidisciplinary evaluation was completed at the functional restoration program"; up to
# three words of the programme's name may stand between: "evaluation for HELP interdisciplinary")
_EVALUATED_FOR = regex.compile(r"\b(?:evaluation|assessment|screening|consultation|referral|"
                               r"candidate)\s+(?:(?:was|were|has\s+been|had\s+been)\s+"
                               r"(?:completed|performed|done|conducted|held)\s+(?=at\b))?"
                               r"(?:for|to|at)\s+(?:an?\s+|the\s+)?(?:\w[\w'-]*\s+){0,3}$",
                               regex.IGNORECASE)
_ITS_NAME = regex.compile(r"\s*(?:(?:a|an|the|his|her|their)\s+)?", regex.IGNORECASE)
_ITS_HISTORY = regex.compile(r"\s+(?:(?:has|had|have|was|were)\s+)?(?:already\s+)?(?:been\s+)?",
                             regex.IGNORECASE)


def _given_elsewhere(text: ItemText, item_modality: str | None, item_region: str | None) -> bool:
    """The letter says the treatment was given for another region or side (in the item's own
    parts or another item's rationale)."""
    return any(
        not sentence.is_guideline_talk() and item_modality in sentence.modalities()
        and _other_region(sentence.text, item_region, text.side)
        and _given_before(sentence.text, item_modality)
        for part in (text.rationale, text.summary, *text.other_rationales())
        for sentence in part.sentences())


def prior_treatment(text: ItemText, item_modality: str | None, prior: Fact,
                    item_region: str | None = None) -> Fact:
    """Whether this treatment was given before (a count is not needed for that)."""
    readings: list[Reading] = []
    # "Additional chiropractic sessions": the title itself says there were earlier ones
    if m := _MORE_OF_IT.search(text.title.view.folded):
        readings.append(Reading(value=True, part="title",
                                evidence=[text.title.evidence(m.start(), m.end())]))
    side = text.side
    # the treatment given for another region or side, said where ("10 sessions of physical
    # therapy for the neck"): then a mention that names no region ("Treatment has included
    # Celecoxib, Tramadol, and physical therapy") may be that therapy, and says nothing of this
    # item's region
    unplaced: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or item_modality not in sentence.modalities() \
                    or _other_region(sentence.text, item_region, side):
                continue
            if _no_recent(sentence, item_modality, item_region) is not None:
                continue
            if sentence.search(EARLIER_CLAIM):
                continue
            # "The prior physical therapy was directed to the lumbar spine only, and the cervical
            # spine has not been treated": where a mention of the treatment sits in a clause
            # about another region, only the clauses about this one say anything of it
            clauses = [clause_around(sentence.text, m.start, _COUNT_BREAK)
                       for m in categories.mentions(categories.MODALITY, sentence.text)
                       if m.value == item_modality]
            elsewhere = [c for c in clauses if _other_region(c, item_region, side)]
            if elsewhere and not any(_given_before(c, item_modality) for c in clauses
                                     if c not in elsewhere):
                continue
            if _given_before(sentence.text, item_modality):
                reading = Reading(value=True, part=part.name, evidence=[sentence.evidence()])
                readings.append(reading)
                if item_region not in (None, "multiple", "unspecified") and \
                        categories.body_region(sentence.text) is None:
                    unplaced.append(reading)
    if readings and len(unplaced) == len(readings) and not prior.known and \
            _given_elsewhere(text, item_modality, item_region):
        return Fact.unknown(UNPLACED_MENTION)
    zeros = [e for r in prior.readings if int(r.value) == 0 for e in r.evidence]
    if prior.known and prior.value == 0 and readings and zeros and all(
            _POST_OP.search(e.quote) for e in zeros):
        # "He completed eight sessions of physical therapy before surgery ... has not yet had
        # any postoperative therapy": none since the operation, but given before it
        return resolve(readings, ("rationale", "summary", "title"),
                       note="given before the operation; none since it")
    if prior.known:
        # the count decides; every statement that agrees with it is evidence too
        given = prior.value > 0
        agreeing = [e for r in prior.readings if (int(r.value) > 0) == given
                    for e in r.evidence]
        agreeing += [e for r in readings if r.value == given for e in r.evidence]
        return Fact(value=given, known=True,
                    evidence=dedupe(prior.evidence + agreeing),
                    note=f"from the prior session count ({prior.display()})")
    if not readings:
        return Fact.unknown("the letter does not say whether this treatment was given before")
    return resolve(readings, ("rationale", "summary", "title"),
                   note="the letter says this treatment was given before but not how many "
                        "sessions")


# ---------------------------------------------------------------- functional improvement

# a disability index ("Oswestry", "ODI", "Neck Disability Index", "QuickDASH")
_DISABILITY_INDEX = r"(?:Oswestry|ODI|NDI|neck\s+disability|(?:Quick\s*)?DASH)"
_FI_TERM = regex.compile(
    r"\b(?:(?:objective\s+)?functional\s+(?:improvement|gains?|benefit)|"
    # the shorthand: "objective FI at 10/24 re-eval", "no FI from prior course"
    r"(?-i:FI)\b|"
    r"(?:measurable\s+)?gains?\s+in\s+function|measurable\s+gains?|"
    r"improvement\s+in\s+function|improved\s+function|increased\s+function|"
    r"increase\s+in\s+function|(?:much\s+)?improved|improvement|"
    r"benefit(?:ed|s)?|beneficial|helpful|helped|effective|successful|improve|improving|"
    r"respond\w*\s+favorably|progress(?!\s+(?:notes?|reports?)\b)|"
    # "no acupuncture notes ... describing his response", "a positive response"
    r"(?:positive|favou?rable|good|objective|measurable|functional)\s+response|"
    # "The discharge note documents objective gains", "is moving in a positive direction"
    r"(?:objective|significant|measurable|measured|documented|clinical|functional)\s+gains?|"
    r"moving\s+in\s+a\s+positive\s+direction|"
    # "with resolution of her symptoms"
    r"resolution\s+of\s+(?:(?:his|her|their|the)\s+)?(?:symptoms|pain)|"
    # "increased walking tolerance", "increased sitting tolerance to 45 minutes"
    r"(?:increased|improved|greater)\s+(?:\w+\s+)?(?:tolerance|endurance)|"
    # gains measured: "an increase in cervical range of motion", "the cervical rotation
    # increased from 50 to 70 degrees", "a reduction in the use of naproxen" (less dependence
    # on medical treatment, 8 CCR 9792.20)
    # ("16 postoperative sessions with steady gains in motion, strength and daily function")
    r"(?:(?:steady|continued|consistent|good|substantial|further)\s+)?"
    r"(?:increase|improvement|gain)s?\s+in\s+(?:(?:the|his|her|cervical|lumbar|lumbar\s+spine|"
    r"shoulder|knee|hip|wrist|grip|trunk|active|passive)\s+){0,2}(?:range\s+of\s+motion|ROM|"
    r"flexion|extension|rotation|abduction|strength|lifting|walking|sitting|standing|motion|"
    r"mobility|daily\s+function)|"
    r"(?:range\s+of\s+motion|ROM|flexion|extension|rotation|abduction|strength|grip|lifting|"
    r"walking|sitting|standing)(?:\s+(?:tolerance|strength))?\s+(?:was\s+|had\s+)?"
    r"(?:increased|improved)\s+from\s+\d+(?:\s+to\s+\d+(?:\s+(?:pounds|lbs|degrees|minutes))?)?|"
    rf"(?:reduction|decrease)\s+in\s+(?:the\s+|his\s+|her\s+)?(?:use\s+of\s+)?(?:pain\s+)?"
    rf"{DRUG}|"
    # a disability index that fell: "his Oswestry score fell from 42% to 24%", "the Neck
    # Disability Index improved from 48 to 30"
    rf"{_DISABILITY_INDEX}(?:\s+(?:disability\s+)?"
    r"(?:index|score|questionnaire))?\s+(?:(?:score\s+)?(?:was\s+|had\s+|has\s+)?)?(?:fell|fallen|"
    r"decreased|dropped|declined|improved)\s+(?:from\s+\d+|by\s+\d+\s+points)|"
    # a note's shorthand, the index's two values: "Oswestry 44% to 26%" (only where it fell)
    rf"{_DISABILITY_INDEX}(?:\s+(?:score|index))?\s+(?:from\s+)?"
    r"(?P<index_from>\d{1,3})\s*%?\s*(?:to|->|\u2192)\s*(?P<index_to>\d{1,3})\b|"
    # "a 16-point fall in the Neck Disability Index"
    r"\d+[- ]point\s+(?:fall|drop|decrease|reduction|decline|improvement)\s+in\s+(?:the\s+|his\s+|"
    rf"her\s+)?(?:{_DISABILITY_INDEX}|disability)"
    r"(?:\s+(?:index|score|questionnaire))?|"
    # "less dependence on medication" (8 CCR 9792.20)
    r"(?:less|reduced|decreased|lower)\s+(?:dependence|dependency|reliance)\s+on\s+"
    r"(?:(?:pain\s+)?medications?|medical\s+treatment|opioids|narcotics)|"
    # "the progress report measures the gains: rotation has doubled"
    r"(?:measures?|measured|documents?|documented|shows?|showed|records?|recorded)\s+the\s+"
    r"gains\b|"
    r"(?:describing|documenting|showing|reporting)\s+(?:his|her|their|the\s+patient's|the|any)\s+"
    r"response|"
    # a daily activity measured against what it was: "she is able to stand at the kitchen
    # sink for 20 minutes rather than 5 minutes"
    r"(?:able\s+to|can\s+now|could\s+now)\s+(?:[\w-]+\s+){1,8}?\d+\s+(?:minutes|hours|"
    r"blocks|miles|pounds|lbs)\s+(?:rather\s+than|instead\s+of|compared\s+(?:with|to)|up\s+"
    r"from|versus|vs\.?)\s+\d+|"
    # what could not be done before: "she could fasten her bra behind her back and reach the
    # second shelf ..., neither of which she could do at the 10/11/2016 evaluation"
    r"(?:neither|none)\s+of\s+which\s+(?:he|she|they|the\s+(?:patient|injured\s+worker|"
    r"applicant|claimant|employee))\s+(?:could|was\s+able\s+to|had\s+been\s+able\s+to)\s+"
    r"(?:do|manage|perform)\b|"
    # a drug given up or taken less (not for its side effects): "she stopped taking Norco in
    # early November", "takes tramadol once at bedtime instead of three times a day"
    rf"(?:stopped|discontinued|weaned\s+off|came\s+off)\s+(?:taking\s+|using\s+)?(?:(?:his|"
    rf"her|the)\s+)?{DRUG}(?![^.;]{{0,40}}\b(?:because|due\s+to|owing\s+to|side\s+effects?|"
    rf"upset|intoleran\w*|allerg\w*))|"
    rf"takes\s+{DRUG}\s+(?:[\w-]+\s+){{0,4}}?(?:instead\s+of|rather\s+than|down\s+from)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:times|tablets|pills)\b|"
    # "there is no report of her response to that therapy"
    r"(?:report|record|documentation|description|mention)\s+of\s+(?:his|her|their|the\s+"
    r"patient's|the|any)\s+response|"
    # "the number of visits, the dates, and the response are unknown" (only so: a response
    # named alone may be poor)
    r"(?:the|his|her|their)\s+response(?=(?:\s+to\s+(?:it|them|that|this|the\s+\w+))?\s+"
    r"(?:is|are|was|were|remains?)\s+(?:unknown|not\s+(?:known|documented|described)))|"
    # "The outcome of the prior therapy sessions is not documented" (only so: an outcome may
    # be poor)
    r"outcomes?(?=\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:prior|previous|earlier|past|"
    r"completed)\b[^.;]{0,60}?\b(?:is|was|are|were|has|have)\s+not\s+(?:been\s+)?"
    r"(?:documented|noted|specified|described|reported|provided)\b))\b",
    regex.IGNORECASE)
NEGATION_SCOPE = 30
_NEGATION = regex.compile(
    r"\b(?:no|not|without|absent|absence\s+of|lack(?:ing|s)?(?:\s+of)?|failed\s+to|fails\s+to|"
    r"did\s+not|does\s+not|has\s+not|have\s+not|never|neither|nor|little\s+(?:or|to)\s+no|"
    r"unable\s+to|no\s+evidence\s+of|no\s+documentation|nor|ineffective|"
    # (not the measure's name: "a 14-point change that exceeds the commonly cited minimal
    # clinically important difference")
    r"minimal(?!\s+clinically\s+important)|"
    r"(?:insufficient|inadequate|limited)\s+(?:documentation|evidence))\b"
    # (nor a loss weighed against the gains: "a two-pound change does not outweigh the sustained
    # gains in motion")
    r"(?!\s+outweigh)",
    regex.IGNORECASE)
# what is set against the gains ends a negation's scope: "the patient's comment that she does not
# feel much different do not outweigh the documented gains"
_NOT_OUTWEIGH = regex.compile(r"\b(?:(?:do|does|did|would|could|can)\s*(?:not|n't)|cannot)\s+"
                              r"outweigh\b", regex.IGNORECASE)
# a gain described by what could not be done before: "a lifting capacity he did not have
# before, and a reduction in his opioid use"
# a time, not a denial: "duloxetine was not started until 11-10-2016, two weeks after the
# improvement was measured" (it was started, later)
_NOT_UNTIL = regex.compile(r"(?:not|never)\s+(?:[\w-]+\s+){0,2}?until\b", regex.IGNORECASE)
_NOT_BEFORE_NOW = regex.compile(r"(?:did\s+not|could\s+not|was\s+(?:not\s+able|unable)\s+to|"
                                r"never)\s+(?:[\w-]+\s+){0,2}?before\b", regex.IGNORECASE)
# more improvement to come, not none: "She has not reached maximal benefit", "has not yet
# reached maximum medical improvement"
_NOT_MAXIMAL = regex.compile(
    r"(?:(?:has|have|had|is|was|are|were)\s+)?not\s+(?:yet\s+)?(?:reached|achieved|attained|at)\s+"
    r"(?:(?:his|her|their|the|a)\s+)?(?:maxim(?:al|um)|full|peak)\s+(?:medical\s+)?$",
    regex.IGNORECASE)
# the kind of improvement set aside, not improvement denied: "These are objective functional gains
# ..., not subjective improvement"
_NOT_SUBJECTIVE = regex.compile(r"not\s+(?:merely\s+|just\s+|simply\s+|only\s+)?(?:a\s+)?"
                                r"(?:subjective|self-reported|patient-reported)\b",
                                regex.IGNORECASE)
# what the patient could not do before and does again: "the return of self-care activities she
# had been unable to perform (washing and drying her hair ...)" (blind1457_5)
_ONCE_UNABLE = regex.compile(r"(?<=\b(?:activities|tasks|things|chores|duties|hobbies)\s+"
                             r"(?:that\s+|which\s+)?(?:she|he|they|the\s+[\w-]+)\s+had\s+been\s+)"
                             r"unable\s+to\b", regex.IGNORECASE)
# one source of the record among others: "The acupuncture notes are not the only record of the
# IW's progress, however" (blind1457_5)
_NOT_THE_ONLY = regex.compile(r"not\s+(?:the\s+)?only\s+(?:record|source|measure|evidence|"
                              r"documentation|report)s?\b", regex.IGNORECASE)
# an objection answered: "The 20 visits already received are not a bar to this request, since
# the flare-up provision applies after a successful course" (blind1461_6)
_NOT_A_BAR = regex.compile(r"(?:not|no)\s+(?:a\s+|an\s+)?(?:bar|barrier|obstacle|impediment)\b",
                           regex.IGNORECASE)
# ... nor a measure said not to fit the case: "work restrictions are no longer a meaningful
# measure of her progress" (a retiree's, blind1510_1)
_NOT_A_MEASURE = regex.compile(r"(?:no\s+longer|not)\s+(?:an?\s+)?(?:meaningful|useful|valid|"
                               r"good|reliable|appropriate|fair|relevant)\s+(?:measure|indicator|"
                               r"marker|gauge|yardstick)\s+of\b", regex.IGNORECASE)
# ... or the gains set aside by someone: "Utilization Review did not take the documented
# improvement into account" (blind1462_4)
_NOT_TAKEN = regex.compile(r"(?:does|did|do)\s*(?:not|n't)\s+(?:take|give)\s+(?:the\s+|any\s+|"
                           r"his\s+|her\s+)?(?:[\w-]+\s+){0,2}?", regex.IGNORECASE)
_INTO_ACCOUNT = regex.compile(r"\s+(?:into\s+account|(?:enough|sufficient|due|any)\s+weight)\b",
                              regex.IGNORECASE)
# the gains said to be more than slight: "The improvement is neither merely subjective nor
# insignificant" (blind1461_3)
_NEITHER_SLIGHT = regex.compile(r"\s+(?:is|was|are|were)\s+neither\s+(?:merely\s+|only\s+)?"
                                r"(?:subjective|trivial|insignificant|minimal|slight)\b",
                                regex.IGNORECASE)
# a count corrected, not an improvement negated: "document six completed sessions, not ten, with
# objective improvement in right knee flexion"
_CORRECTED_COUNT = regex.compile(rf"not\s+{NUMBER}\s*[,;)]", regex.IGNORECASE)
# conditional or expected statements assert nothing about this case (ConText "hypothetical")
_HYPOTHETICAL = regex.compile(
    # (not reliance: "remained dependent on opioid agents such as Norco")
    r"\b(?:if|would|could|(?-i:may)|might|depend(?:s|ing|ent)?\s+(?:on|upon)(?!\s+(?:[\w-]+\s+){0,2}?"
    r"(?:opioids?|narcotics?|medications?|drugs?|analgesics?|Norco|agents?)\b)|in\s+order\s+to|"
    r"goal|aim\w*|expect\w*|hope\w*|"
    r"to\s+(?:restore|hasten|achieve|maintain|facilitate|produce)|needs?|requires?|"
    # a purpose: "recommended a course of acupuncture to reduce pain and improve function so
    # that she can progress in her exercise program" (not "helped to reduce pain")
    r"(?<!\b(?:helped|served|managed|continued|began|started|seemed|appeared|able)\s)"
    r"to\s+(?:reduce|decrease|relieve|lessen|improve|increase)\b|so\s+that|"
    # ("once" a conjunction, not a frequency: "from 3 times daily to once daily")
    r"required|must|should|whether|once(?!\s+(?:daily|a\s+(?:day|week|month)|weekly|monthly|"
    r"per|every|or\s+twice|nightly))|until|unless|with\s+(?:documentation|evidence)\s+of|"
    r"intended)\b",
    regex.IGNORECASE)
# a guideline's condition: "do not set a maximum number of treatments when functional
# improvement is shown" (the term between the two parts)
_WHEN_BEFORE = regex.compile(r"\b(?:when|where|as\s+long\s+as)\s+(?:objective\s+)?\Z",
                             regex.IGNORECASE)
# ("it is not a limit on extending treatment when functional improvement has been documented")
_SHOWN_AFTER = regex.compile(r"\s+(?:is|are|ha(?:s|ve)\s+been)\s+(?:shown|documented|demonstrated|"
                             r"established|present)\b", regex.IGNORECASE)
# a negation after the statement: "... functional improvement with the previous visits is not
# specified in the records provided", "... was not documented"
_NEGATED_AFTER = regex.compile(
    # ("Objective functional improvement as defined in 9792.20(f) is therefore not documented")
    r"(?:(?:[^.;]|\.(?=\d)){0,160}?\b(?:is|was|are|were|has|have)\s+(?:(?:therefore|thus|"
    r"hence|still|clearly|consequently)\s+)?|"
    # a terse reviewer's "Functional gains not documented."
    r"\s+(?:[\w-]+\s+){0,2}?)(?:(?:not\s+(?:been\s+)?|never\s+(?:been\s+)?)"
    r"(?:specified|documented|noted|evident|provided|shown|demonstrated|established|described|"
    r"reported|indicated|quantified|objectified|known)|unknown)\b", regex.IGNORECASE)
# a definition the term stands in: "... defined in 8 CCR 9792.20(f) as a clinically significant
# improvement", "... which means either a clinically significant improvement"
_DEFINED_AS = regex.compile(r"\b(?:defined\s+(?:in|by|under|at)\s+(?:[^.;]|\.(?=\d)){0,60}?\bas|"
                            r"means)\s+"
                            r"(?:either\s+)?(?:an?\s+)?[^.;]{0,40}\Z", regex.IGNORECASE)
# improvement still to come: "(no documentation that further functional improvement) can be
# accomplished", "could be achieved with more visits", "is likely to be gained"
_PROSPECT = regex.compile(r"\s+(?:(?:is|are)\s+(?:likely|expected)\s+to|(?:can|could|would|will|"
                          r"may|might))\s+(?:still\s+|yet\s+|only\s+|reasonably\s+)?be\s+"
                          r"(?:accomplished|achieved|gained|made|obtained|expected|realized|"
                          r"attained|derived)\b", regex.IGNORECASE)
# "with evidence of improvement, additional sessions may be added": a condition, not a finding
# ("the 3 to 6 treatments in which functional improvement should be evident")
# (matched at the term's end, the modal its own: a search from there with "^" never matched, and
# one 80 characters on took another clause's: "with documented improvement in grip strength and
# QuickDASH score, so up to 4 additional visits would be consistent")
_CONDITION_AFTER = regex.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:may|might|can|could|would|will|"
                                 r"should)\s+be\b",
                                 regex.IGNORECASE)
# the reason for a negated statement, its term asserted by its own verb: "This is not maintenance
# care, as measurable gains are still being made" (the "not" is the care's, not the gains')
_REASON_AFTER_NEGATION = regex.compile(r",\s+(?:as|because|since)\s+(?:[\w-]+\s+){0,2}\Z",
                                       regex.IGNORECASE)
_ASSERTED_AFTER = regex.compile(r"\s+(?:are|is|was|were|ha(?:s|ve)\s+been)\s+(?:still\s+|"
                                r"clearly\s+)?(?:being\s+)?(?:made|achieved|documented|noted|"
                                r"shown|demonstrated|evident|present|ongoing)\b", regex.IGNORECASE)
# a coordinated clause after a negation is out of its reach: "would not exceed the guideline
# recommendation, and continued skilled therapy would be expected to further improve ..."
_NEXT_CLAUSE = regex.compile(r",\s+(?:and|so|while|whereas)\s+(?!(?:no|not|without|there)\b)"
                             r"(?:[\w-]+\s+){0,3}?(?:would|will|is|was|has|had|have|are|were|"
                             r"can|could|should)\b|"
                             # the reason given for it: "The request was not for elective or
                             # maintenance care, as the applicant was still symptomatic and was
                             # still making progress"
                             r",\s+(?:as|because|since)\s+(?:the\s+(?:injured\s+worker|patient|"
                             r"claimant|applicant|employee)|she|he)\s+(?:\w+\s+){0,2}?(?:has|had|"
                             # ("This is not maintenance care, as the patient continues to make
                             # measurable gains")
                             r"is|was|did|continues|continued|remains|shows|showed|demonstrates|"
                             r"demonstrated|makes|made)\b(?![^.;,]{0,12}\bnot\b)|"
                             # a new subject without the comma: "this is not a new condition
                             # and the injured worker has already demonstrated a positive
                             # response"
                             r"\s(?:and|so)\s+(?:the\s+(?:injured\s+worker|patient|claimant|"
                             r"applicant|employee)|she|he)\s+(?:\w+\s+){0,2}?(?:has|had|is|was|"
                             r"did)\b|"
                             # a new subject, the measures: "Three visits are not a completed
                             # course, and the change measured over those 3 visits ... is early
                             # functional improvement"
                             r",\s+and\s+(?:the|these|those|his|her)\s+(?:[\w-]+\s+){0,2}?(?:change|"
                             r"changes|gains?|findings?|measures?|measurements?|results?|scores?)\b|"
                             # ("even though his work status has not changed and the pain
                             # rating improved only slightly")
                             r"\s(?:and|but)\s+(?:the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:ratings?|"
                             r"scores?|levels?)\b|"
                             # a new predicate of what is to come: "is not part of this
                             # request and would require documentation of ... gains"
                             r"\s(?:and|but)\s+(?:would|will|may|might)\s+(?:require|need)\b|"
                             # the records as the new subject: "..., and the records after that
                             # course document clinically significant functional improvement"
                             r",\s+and\s+the\s+(?:records?|notes?|reports?|documentation|progress\s+"
                             r"notes?)\s+(?:[\w-]+\s+){0,4}?(?:document|documents|documented|show|"
                             r"shows|showed|describe|describes|described|reflect|reflects)\b|"
                             # the next bullet of a list ("- SAD, not the RC repair row - post-op
                             # PT #12 = initial course completed - FI documented: ...")
                             r"\s[-\u2022]\s",
                             regex.IGNORECASE)
# a gain that is said with "without": "full weight bearing without an assistive device"
# two negations that cancel: "The therapy to date has not been without benefit"
_DOUBLE_NEGATIVE = regex.compile(r"\b(?:(?:has|have|had|is|was|were)\s+)?not\s+(?:been\s+|be\s+|"
                                 r"gone\s+|entirely\s+)?without\b|"
                                 # "that course was stopped by an unrelated abdominal surgery,
                                 # not for lack of progress"
                                 r"\bnot\s+(?:for|because\s+of|due\s+to|owing\s+to|from)\s+"
                                 r"(?:an?\s+|any\s+)?(?:lack|absence)\s+of\b", regex.IGNORECASE)
# a negation of a conclusion drawn, before a negation of the improvement: "that the employer cannot
# accommodate those restrictions does not mean the injured worker's function did not improve"
# ("did not indicate the total number of sessions ..., and the relief lasted only a few days
# without objective functional improvement" is no such thing: a documentation verb, a comma)
_NOT_MEAN = regex.compile(r"(?:does|do|did)\s+not\s+(?:necessarily\s+)?(?:mean|imply|prove)\b"
                          r"[^,;:]*$", regex.IGNORECASE)
# a claim denied just before the term: "Nor is it correct that functional improvement is not
# documented" (with a negation after the term, the two cancel)
# ("it cannot be said that functional improvement has not been documented")
_NOT_CORRECT = regex.compile(r"(?:\b(?:nor|not)\s+(?:is|was)?\s*(?:it\s+)?(?:correct|true|"
                             r"accurate)\s+(?:to\s+say\s+)?|\b(?:cannot|can\s+not|could\s+not)\s+be\s+(?:said|"
                             r"concluded|maintained|argued)\s+)"
                             r"that\s+(?:(?:the|any|her|his|objective)\s+){0,2}$",
                             regex.IGNORECASE)
# a negation of what someone did with the finding, not of the finding: "Utilization review's view
# that eight visits were enough does not take account of the documented progress"
_DISREGARDED = regex.compile(r"(?:does|did|do)\s+not\s+(?:take\s+(?:in)?to\s+account|"
                             r"take\s+account\s+of|consider|acknowledge|recogni[sz]e)\b|"
                             # "The 4 visits certified by utilization review do not reflect the
                             # course supported after a documented successful trial": a count
                             # set against the figure, not improvement denied
                             r"(?:(?:does|did|do)\s+)?not\s+(?:reflect|represent|match)\s+the\s+"
                             r"(?:full\s+)?(?:course|number|total|figure)\b|"
                             # "there is no reason to interrupt her progress": a course not to
                             # stop, not progress denied
                             r"\bno\s+reason\s+to\s+(?:interrupt|stop|halt|discontinue|end|delay|"
                             r"break\s+off)\b",
                             regex.IGNORECASE)
# a condition of the definition, not improvement denied: "The work restrictions have not yet been
# reduced, but that is not required when activities of daily living have improved"
_NOT_REQUIRED_WHEN = regex.compile(r"(?:(?:is|are|was|were)\s+)?not\s+(?:required|needed|"
                                   r"necessary)\s+(?:when|if|where|once)\b", regex.IGNORECASE)
# what the patient no longer needs is a gain: "she no longer requires an assistive device, and
# her walking tolerance increased from 5 to 20 minutes"
_NO_LONGER_NEEDS = regex.compile(r"no\s+longer\s+(?:requires?|needs?|uses?|takes?|wears?|"
                                 r"relies\s+on)\b", regex.IGNORECASE)
_GAIN_WITHOUT = regex.compile(
    # ("ambulation progressing from a cane to no assistive device, and the LEFS improving")
    r"(?:without|no)\s+(?:the\s+)?(?:use\s+of\s+)?(?:an?\s+|any\s+)?(?:assistive\s+devices?|"
    r"assistance|help|(?:a\s+)?(?:cane|walker|crutch(?:es)?|brace|sling|splint|boot)|"
    # ("a return to full duty without driving restrictions")
    r"(?:significant\s+|work\s+|driving\s+|lifting\s+|duty\s+)?(?:pain|difficulty|restrictions?|"
    r"limitations?))\b"
    # (not "without significant pain relief or functional improvement")
    r"(?!\s+(?:relief|reduction|improvement|control|benefit|or\s+functional))",
    regex.IGNORECASE)
# a work restriction is no negation: "work restrictions were reduced from no lifting over 10
# pounds to full duty, lumbar flexion improved from 40 degrees to 70 degrees"
# (nor is an intolerance: "could not tolerate naproxen, and following the first 6 treatments
# she reduced her Norco ..., her Neck Disability Index score improved from 42% to 28%")
# a comparison with a figure, not a finding: "which does not exceed the 18 visits supported
# after a successful trial"
_NOT_EXCEED = regex.compile(r"(?:does|do|did|would|will)\s+not\s+(?:exceed|surpass|go\s+beyond)\b",
                            regex.IGNORECASE)
_RESTRICTION = regex.compile(r"no\s+(?:lifting|bending|stooping|kneeling|climbing|squatting|"
                             r"overhead|repetitive|pushing|pulling|carrying|prolonged)\b|"
                             r"(?:(?:could|can|did|does|do|was|were|is)\s*)?(?:not|n't|unable)\s+"
                             r"(?:to\s+)?tolerat\w*\s+(?!(?:the\s+)?(?:therapy|treatment|"
                             r"sessions?|visits?|exercises?)\b)",
                             regex.IGNORECASE)
# (", when ...": "has not had any PT since 2011, when 12 sessions reportedly gave good benefit")
# (also "once": "not a maximum once improvement has been shown")
# ("does not alter the medical necessity of continuing a course that is producing functional
# gains": "that" after the course opens a relative clause)
_RELATIVE = regex.compile(
    r"\b(?:who|whom|whose|which|once)\b|,\s*when\b|\b(?:course|treatment|program(?:me)?|"
    r"regimen)\s+that\s+(?:is|was|has\s+been|had\s+been)\s+(?:producing|yielding|providing)\b",
    regex.IGNORECASE)
# a relative clause set off by commas: "The therapy re-evaluation of 1-17-2017, which was not
# available to the utilization reviewer, is now in the record and documents objective
# functional improvement" (its negation governs nothing outside it)
_ASIDE_OPENS = regex.compile(r",\s*(?:which|who)\b[^,]*$", regex.IGNORECASE)


def _in_closed_aside(before: str, start: int, end: int) -> bool:
    return bool(_ASIDE_OPENS.search(before, 0, start)) and "," in before[end:]

# what the case is contrasted with: "as opposed to a request for continued physical therapy
# in the face of a lack of functional improvement"
_COUNTERFACTUAL = regex.compile(r"\b(?:as\s+opposed\s+to|rather\s+than|instead\s+of|"
                                # "it is not the usual case of a request made in the absence of
                                # any benefit", "the question here is not whether aquatic
                                # therapy helped"
                                r"not\s+the\s+usual\s+case|(?:(?:question|issue|point)\s+(?:here\s+)?)?"
                                r"is\s+not\s+whether|"
                                # the guideline's condition: "Treatment is not supported for
                                # longer than 1 to 2 weeks without evidence of ... gains"
                                r"(?:is|are)\s+not\s+(?:supported|recommended|suggested|"
                                r"indicated)\s+for\s+(?:longer|more)\s+than\b[^.;]*\bwithout)\b",
                                regex.IGNORECASE)
# the turn from the guideline to the case in one sentence: "While page 8 of the MTUS stipulates
# ..., here, the applicant had seemingly demonstrated a favorable response ..."
_HERE = regex.compile(r"\b(?:here|in\s+this\s+case|in\s+the\s+present\s+case|in\s+this\s+"
                      r"instance)\s*,", regex.IGNORECASE)
# "Functional improvement is expected within 3 to 6 treatments": what the guideline expects
_EXPECTED_BEFORE = regex.compile(r"\b(?:expected|anticipated|likely|hoped|projected)\s+to\s*$",
                              regex.IGNORECASE)
_EXPECTED_AFTER = regex.compile(r"\s+(?:\w+\s+){0,3}?(?:is|are|was|were|be|being)\s+(?:\w+\s+)?"
                                r"(?:(?:expected|anticipated|required|needed|defined|"
                                r"assessed|evaluated)\b|"
                                # (not the measures that follow: "the improvement is measured:
                                # Oswestry down 18 points, ...")
                                r"measured\b(?!\s*:))", regex.IGNORECASE)
# an infinitive states a goal ('... twice weekly for 4 weeks, to "improve joint mobility"'),
# unless it follows a failure ("failed to improve") or reports how the treatment went ("has not
# seemed to improve with physical therapy", "appears to have improved")
# (not a result: "the 6 post-operative sessions ... have led to improvement")
_GOAL = regex.compile(r"(?<!\b(?:failed|fails|unable|unlikely|led|leads|lead|leading|contributed|"
                      r"due|owing|seem|seems|seemed|appear|appears|appeared))\s+to\s*[\"'“]?$|"
                      r"^to\s*[\"'“]?$", regex.IGNORECASE)
_TERMINATOR = regex.compile(r"\b(?:but|however|although|though|yet|whereas|except|while)\b|"
                            r"[;:]|,\s+and\s+(?=there\s+(?:is|was|are|were|has\s+been)\b)|"
                            # the comma that closes a clause led by one of those: "While the
                            # claims administrator contended that ..., the applicant had, in
                            # fact, received 18 sessions ... and had demonstrated ..."
                            r"(?<=\b(?:although|though|whereas|while)\b[^,;:.]{1,200}),",
                            regex.IGNORECASE)
# relief that did not last is not functional improvement
_NO_LASTING = regex.compile(
    r"\b(?:temporary|short[- ]term|transient|only\s+temporary|no\s+lasting|not\s+sustained)\s+"
    r"(?:relief|benefit|improvement|effect)|\b(?:no|without(?:\s+any)?)\s+(?:lasting|sustained|"
    r"durable)\s+(?:relief|benefit|improvement|effect)\b|"
    # "physical therapy helped temporarily"
    r"\b(?:helped|relieved|improved|benefit(?:ed|ted))\s+(?:\w+\s+)?(?:only\s+)?temporarily\b|"
    # relief for hours or a day or two: "the massage therapy helped for a day or two after each
    # session", "relief for a few hours after each session"
    r"\b(?:helped|relieved|relief|benefit(?:ed|ted)?)\s+(?:\w+\s+)?(?:only\s+)?for\s+(?:only\s+)?"
    r"(?:a\s+(?:few\s+)?(?:hours?|day\s+or\s+two|couple\s+of\s+(?:hours|days))|an\s+hour\s+or\s+two|"
    r"(?:one|two|a\s+few|several|\d)\s+(?:to\s+(?:two|three|\d)\s+)?(?:hours|days?))\s+"
    r"(?:after|following)\s+(?:each|every|the)\b",
    regex.IGNORECASE)
# symptoms that went on through the treatment, or a treatment the record calls failed: "continued
# to have locking ... despite 8 sessions of physical therapy", "giving way twice on stairs despite
# completing physical therapy", "had failed conservative care in the form of 6 sessions of
# physical therapy" (not "despite stopping therapy", nor "failed to ...")
_FAILED_THROUGH = regex.compile(
    r"\b(?:despite|in\s+spite\s+of)\s+(?!(?:stopping|discontinuing|not|no|never|having\s+"
    r"stopped)\b)(?:[\w-]+\s+){0,5}?(?:therapy|PT|sessions|visits|treatments?|chiropractic|"
    r"acupuncture|massage|manipulation)\b(?:\s+of\s+(?:[\w-]+\s+){0,2}?(?:therapy|PT|"
    r"chiropractic|acupuncture|massage|manipulation|care)\b)?|"
    r"\b(?:has|had|have)\s+failed\s+(?:(?:a|an|the)\s+)?(?:(?:course|trial)\s+of\s+)?"
    r"(?:conservative\s+)?(?:care|treatments?(?:\s+options)?|management|therapy|physical\s+"
    r"therapy|chiropractic|acupuncture|PT)\b", regex.IGNORECASE)
_FLARE = regex.compile(r"\b(?:flare[- ]?ups?|flared|exacerbation|recurrence|re-?injur\w*|"
                    rf"new\s+injury|{categories.NEW_AGGRAVATION})\b", regex.IGNORECASE)
_PLATEAU = regex.compile(
    # (not "the patient has not reached a plateau")
    # (nor "The record shows hardly a plateau")
    r"(?<!\b(?:not|no|never|without|hardly|scarcely|anything\s+but|far\s+from)\s+(?:\w+\s+){0,2})"
    r"\b(?:plateau\w*|leveled\s+off|levelled\s+off|"
    # "has stayed at 100 to 105 degrees since late May with no further measured gain" (not "has
    # not changed over the last four visits", said of one measure after a course that helped)
    r"no\s+further\s+(?:measured\s+|measurable\s+|objective\s+|functional\s+)?gains?)\b",
    regex.IGNORECASE)
_WORSE = regex.compile(
    # (not a decline after the care stopped: "She has since stopped her home exercises and her
    # function has declined")
    r"(?<!\b(?:stopped|discontinued|ceased|quit)\s+[^.;]{0,50}?\band\s+(?:(?:his|her|their|the)\s+)?)"
    # (not a symptom's trigger: "left shoulder pain, 5/10, worse with reaching overhead")
    r"\b(?:increased\s+pain|worsen\w*|worse(?!\s+(?:with|when|on|upon|during|while|in|at)\b"
    r"(?!\s+(?:the\s+|each\s+)?(?:therap\w*|treatments?|PT|sessions?|visits?|physical|chiro\w*|"
    r"acupuncture|massage|manipulation)))|aggravat\w*|exacerbat(?:ed|es|ing)\s+(?:by|with|after)|"
    r"(?:a\s+)?decline\s+in\s+function\w*|functional\s+decline|declin\w+\s+function\w*|"
    # ("Rather than improving, the injured worker's condition has declined over the course")
    r"(?:condition|function)\s+(?:has\s+|had\s+)?(?:declined|deteriorated))\b",
    regex.IGNORECASE)
# return to work after the treatment is functional improvement as 9792.20 defines it
# and so are a reduction in work restrictions and in the dependency on medication (9792.20(e)):
# "returned to modified duty", "her lifting restriction was reduced", "reduced Norco from 4 to 2
# tablets a day", "a reduction in Norco use"
_BACK_TO_WORK = regex.compile(
    # ("after which the patient returned to his usual duties as a warehouse lead")
    rf"\breturned\s+to\s+(?:(?:his|her|their)\s+)?(?:full|regular|usual|unrestricted|modified|"
    rf"light|restricted|part-time)\s+(?:duty|duties|work)\b|"
    # "his successful return to and maintenance of regular duty work status"
    rf"\bsuccessful\s+return\s+to\s+(?:and\s+maintenance\s+of\s+)?(?:full|regular|usual|"
    rf"unrestricted|modified)\s+(?:duty|work)\b|"
    # "12 sessions ... with resolution of her symptoms and return to full duty"
    # (or "... and a return to part-time modified work")
    rf"\b(?:with|and|in)\s+(?:a\s+)?return\s+to\s+(?:part-time\s+)?(?:full|regular|usual|"
    rf"unrestricted|modified|light|part-time)\s+(?:duty|work)\b|"
    # "After six treatments the IW reports ... a return to modified duty"
    rf"(?<!\b(?:not|never)\s)\b(?:reports?|reported|documents?|documented|shows?|showed|"
    rf"achieved)\s+(?:a\s+|an\s+|"
    rf"his\s+|her\s+)?return\s+to\s+(?:part-time\s+)?(?:full|regular|usual|unrestricted|modified|"
    rf"light|part-time)\s+(?:duty|work)\b|"
    rf"\b(?:work|lifting)\s+restrictions?\s+(?:was|were|has\s+been|have\s+been)\s+"
    rf"(?:reduced|lifted|eased|decreased|relaxed)\b|"
    # "each course returned the patient to full duty"
    rf"\breturned\s+(?:him|her|them|the\s+(?:employee|patient|injured\s+worker|claimant|"
    rf"applicant|IW))\s+to\s+(?:(?:full|regular|usual|unrestricted|modified|light)\s+)?"
    rf"(?:duty|work)\b|"
    # "The 36 prior sessions ... allowed the employee to return to and keep full duty"
    rf"\b(?:allowed|enabled|permitted|helped)\s+(?:him|her|them|the\s+(?:employee|patient|"
    rf"injured\s+worker|claimant|applicant|IW))\s+to\s+return\s+to\s+(?:and\s+(?:keep|maintain|"
    rf"stay\s+at)\s+)?(?:(?:full|regular|usual|unrestricted|modified|light|part-time)\s+)?"
    rf"(?:duty|work)\b|"
    rf"\b(?:reduced|decreased|cut|lowered|tapered)\s+(?:(?:his|her|their)\s+)?(?:use\s+of\s+)?"
    rf"{DRUG}\s+(?:use\s+|intake\s+)?from\b|"
    rf"\b(?:reduction|decrease)\s+in\s+(?:(?:his|her|their|the)\s+)?(?:use\s+of\s+)?{DRUG}"
    rf"(?:\s+use)?\s+from\b|"
    # a note's words: "Tramadol cut from 3 to 1 tab/day, RTW full duty"
    rf"\b{DRUG}\s+(?:use\s+|intake\s+)?(?:was\s+|has\s+been\s+)?(?:cut|reduced|decreased|"
    rf"lowered|tapered)\s+from\s+\d|"
    # (the literal first, then what stands before it: a pattern that opens with a lookbehind
    # is tried at every position)
    rf"\bRTW(?<!\b(?:goals?|plans?|planned|expected|anticipated|hoped?|aims?)\b[^.;]{{0,30}}RTW)"
    rf"\s+(?:to\s+)?(?:full|regular|usual|unrestricted|modified|light)\s+(?:duty|work)\b",
    regex.IGNORECASE)
# what a reviewer does not accept as improvement: pain or function unchanged, nothing measured
_NO_CHANGE = regex.compile(
    # ("her Neck Disability Index was unchanged at 28%", "range of motion and Neck Disability
    # Index did not change")
    r"\b(?:pain|function\w*|range\s+of\s+motion|ROM|strength|symptoms|scores?|tolerance|"
    r"(?:disability|Oswestry)\s+index|ODI|NDI|measures?|measurements?)\b"
    r"[^.;]{0,40}?\b(?:(?:remained|remains|was|were|is|are)\s+unchanged|(?:did|do|does|has|have|"
    r"had)\s+not\s+(?:change|changed))\b|"
    # ("no meaningful change in lumbar flexion or in the Oswestry score", "no lasting change in
    # function or work status")
    r"\bno\s+(?:significant\s+|meaningful\s+|measurable\s+|lasting\s+|sustained\s+)?change\s+in\s+"
    r"(?:(?:the|his|her)\s+)?(?:(?:cervical|lumbar|thoracic|shoulder|knee|hip|wrist|trunk|active)\s+)?"
    r"(?:pain|function\w*|range|strength|symptoms|Oswestry|ODI|(?:pain\s+)?disability\s+"
    r"(?:index|score)|VAS|(?:pain\s+)?scores?|flexion|extension|rotation|abduction|motion|grip|"
    # ("no change in lifting capacity or sitting tolerance")
    r"(?:lifting|sitting|standing|walking)\s+(?:capacity|tolerance|ability|distance)|"
    r"work\s+(?:status|restrictions|capacity))\b|"
    # what the definition of functional improvement measures, not reduced ("no reduction in work
    # restrictions or in dependency on medical treatment")
    r"\bno\s+(?:reduction|decrease)\s+in\s+(?:(?:the|his|her)\s+)?(?:work\s+restrictions|"
    r"(?:dependency|dependence)\s+on)\b|"
    r"\bno\s+objective\s+(?:measures?|measurements?|findings|gains?)\b|"
    # ("His Neck Disability Index moved from 38% to 36%, which is not a clinically meaningful
    # change")
    r"\b(?:is|was|are|were)\s+not\s+(?:a\s+)?(?:clinically\s+)?(?:meaningful|significant|"
    r"important)\s+(?:change|improvement|difference|gain)\b", regex.IGNORECASE)
# other treatments: a statement about them is not about this item's treatment
_OTHER_TREATMENT = regex.compile(
    r"\b(?:medications?|medicine|drugs?|injections?|epidural|surgery|NSAIDs?|opioids?|TENS|"
    r"brace|pills?|ibuprofen|norco)\b", regex.IGNORECASE)

_FI_RANK = {FunctionalImprovement.worsened.value: 0,
            FunctionalImprovement.not_documented.value: 1,
            FunctionalImprovement.documented.value: 2}


# "Passive therapy ... can provide short-term relief": what a treatment can do, not what it did
_MODAL_BEFORE = regex.compile(r"\b(?:can|could|may|might|would|will)\s+(?:\w+\s+){0,2}$",
                              regex.IGNORECASE)


def _other_treatments_item(clause: str, at: int, item_modality: str | None) -> bool:
    """In a list of treatments ("splinting, a corticosteroid injection with temporary relief,
    surgery, and postoperative occupational therapy"), the list item holding the cue names
    another treatment and not this one."""
    piece = list_entry(clause, at, at, COMMA)
    mods = {m.value for m in categories.mentions(categories.MODALITY, piece)}
    return item_modality not in mods and bool(mods or _OTHER_TREATMENT.search(piece))


def _anothers_outcome(clause: str, at: int, item_modality: str | None) -> bool:
    """An improvement word in a list entry that names another treatment, and no sessions
    after it: "10 sessions of physical therapy before surgery, and a lumbar epidural steroid
    injection on 02/16/2016 without lasting benefit" (not "is less than 2 months out from
    surgery and has completed the initial course with documented improvement")."""
    start = clause.rfind(",", 0, at) + 1
    # (a practitioner is no treatment: "the chiropractor's notes document functional
    # improvement" of the massage she gave)
    piece = _PRACTITIONER.sub(" ", clause[start:at])
    mods = {m.value for m in categories.mentions(categories.MODALITY, piece)}
    if item_modality in mods:
        return False
    # another physical-medicine treatment in a list that names this one too (not "30 sessions
    # of physical therapy ... without any clearly documented functional improvement", for work
    # conditioning)
    if mods and item_modality in {m.value for m in categories.mentions(
            categories.MODALITY, _PRACTITIONER.sub(" ", clause[:start]))}:
        return True
    other = _other_treatments(piece)
    return bool(other) and not _SESSIONS_NOUN.search(piece, other[-1].end())


def _other_treatments(text: str) -> list[regex.Match]:
    """Other treatments named in the text (medication, injections, surgery...), but not an
    operation that dates the sessions named before it ("the completion of 8 post-operative
    sessions since the 06/21/2016 surgery"; "Following the surgery the patient had improvement"
    is the operation's own)."""
    return [o for o in _OTHER_TREATMENT.finditer(text)
            if not (_SINCE_OPERATION.search(text, 0, o.start())
                    and _SESSIONS_NOUN.search(text, 0, o.start()))
            and not _drug_as_measure(text, o)]


def _drug_as_measure(text: str, drug: regex.Match) -> bool:
    """Is the drug named as a measure of the outcome (its use), not as a treatment?"""
    return bool(_DRUG_AS_MEASURE.match(drug.group())
                and (_USE_OF.search(text, 0, drug.start()) or _USE_AFTER.match(text, drug.end())))


# a drug's use is a measure of the outcome, not another treatment: "Her Oswestry score, walking
# and sitting tolerance, and use of Norco all improved", "half the prior Norco use"
_DRUG_AS_MEASURE = regex.compile(r"(?:medications?|medicine|drugs?|NSAIDs?|opioids?|pills?|"
                                 r"ibuprofen|norco)$", regex.IGNORECASE)
_USE_OF = regex.compile(r"\b(?:use|intake|dos(?:e|age)|consumption|reliance\s+on|"
                        r"dependen(?:ce|cy)\s+on)\s+(?:of\s+)?(?:(?:his|her|their|the|pain)\s+)?$",
                        regex.IGNORECASE)
_USE_AFTER = regex.compile(r"\s+(?:use|intake|dos(?:e|age)|consumption)\b", regex.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    bounds = [0] + [m.end() for m in _TERMINATOR.finditer(text)] + [len(text)]
    return tuple((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a)


# a cue with the treatment it is about right after it: "The plateau in physical therapy in
# November 2013 concerned a different treatment", of a chiropractic request
_CUE_OF = regex.compile(r"\s+(?:in|with|from|of|after|during)\s+(?:the\s+|his\s+|her\s+)?"
                        r"(?:(?:prior|earlier|previous|land-based)\s+)?", regex.IGNORECASE)


def _cue_of_another(clause: str, end: int, item_modality: str | None) -> bool:
    """Is the cue ending at `end` said of a treatment named right after it, not the item's?"""
    if item_modality is None or not (after := _CUE_OF.match(clause, end)):
        return False
    hit = categories.first(categories.MODALITY, clause[after.end():after.end() + 40])
    return hit is not None and hit.start == 0 and \
        hit.value not in {item_modality, _SIBLING_THERAPY.get(item_modality)}


def _about_item(sentence: Sentence, start: int, end: int, item_modality: str | None,
                item_region: str | None = None, subject_end: int | None = None) -> bool:
    """Is the clause [start, end) of the sentence about the item's treatment (and region)?
    `subject_end` bounds the part of the clause that names what the statement is about
    ("no objective functional improvement such as a reduction in medication use" is about
    the treatment, not about medication)."""
    clause = sentence.text[start:end]
    if _other_region(clause, item_region):
        return False
    # (the item's own rationale may name the course by its sibling's name: "the claimant
    # showed benefit with the initial 6 visits of occupational therapy (OT)" of a physical
    # therapy request)
    if sentence.part.name == "rationale" and \
            sentence.modalities() == {_SIBLING_THERAPY.get(item_modality)}:
        item_modality = _SIBLING_THERAPY[item_modality]
    mods = {m.value for m in categories.mentions(categories.MODALITY, clause)}
    if item_modality in mods:
        # (not when the clause's grammatical subject is another treatment, the item's named
        # only after the cue: "The physical therapy was a separate treatment that had
        # plateaued, and its visits do not use up the manual therapy course")
        subject = sentence.text[start:subject_end] if subject_end else ""
        named = categories.first(categories.MODALITY, subject)
        return not (named is not None and named.start < 25
                    and named.value not in {item_modality, _SIBLING_THERAPY.get(item_modality)}
                    and _SUBJECT_VERB.match(subject, named.end))
    if mods or sentence.modalities() - {item_modality}:
        return False
    # "This applicant has completed six acupuncture treatments. Those treatments were followed
    # by the discontinuation of tramadol, ...": the treatments the sentence before names
    if _THOSE_SESSIONS.match(clause) and _previous_names_only(sentence, item_modality):
        return True
    # "The physical therapy daily notes submitted document six visits ... At discharge from that
    # course, the therapist documented improvement in ...": the course the sentence before told
    if _FROM_THAT_COURSE.match(sentence.text) and \
            _previous_names_only(sentence, item_modality):
        return True
    # naming no treatment: only in the item's own rationale, and not about another kind of
    # treatment (medication, injections...)
    subject = clause if subject_end is None else sentence.text[start:subject_end]
    other = _other_treatments(subject)
    # ("underwent surgery on 08/30/2016 and has completed the initial 12 sessions with
    # documented improvement": the sessions named after the operation are the statement's)
    # (nor a drug named as the evidence of a conclusion that follows: "remained dependent on
    # opioid agents such as Norco, suggesting a lack of functional improvement")
    if other and not _SESSIONS_NOUN.search(subject, other[-1].end()) and \
            not _CONCLUDING.search(subject, other[-1].end()):
        return False
    if sentence.part.name == "rationale":
        return True
    # a note's shorthand: "Six chiropractic visits in July: Oswestry 44% to 26%, back to full
    # duty": what the colon introduces is the outcome of the treatment named before it
    if (before := sentence.text[:start].rstrip()).endswith(":"):
        lead = before[max((m.end() for m in _TERMINATOR.finditer(before, 0, len(before) - 1)),
                          default=0):]
        if {m.value for m in categories.mentions(categories.MODALITY, lead)} == {item_modality}:
            return True
    # "She completed 12 sessions of physical therapy. ... had improved ... with therapy": a bare
    # "therapy" right after a sentence that names the item's therapy alone is that therapy
    return bool(item_modality in _POSTOP_THERAPY and _BARE_THERAPY.search(clause)
                and _previous_names_only(sentence, item_modality))


# the verb after a clause's subject: "The physical therapy was ..."
_SUBJECT_VERB = regex.compile(r"\s+(?:was|were|had|has|have|is|are)\b", regex.IGNORECASE)
_PRACTITIONER = regex.compile(r"\b(?:chiropractor|acupuncturist|(?:physical\s+|occupational\s+)?"
                           r"therapist|physiotherapist)(?:['\u2019]s|s['\u2019]?)?(?!\w)",
                           regex.IGNORECASE)
# ("since the August 6, 2013 surgery")
_SINCE_OPERATION = regex.compile(r"\b(?:since|after|following)\s+(?:the|his|her)?\s*"
                              r"(?:[\w/,-]+\s+){0,3}$", regex.IGNORECASE)
# (also "Her Oswestry score, ... and use of Norco all improved, which is documented functional
# improvement")
_CONCLUDING = regex.compile(r",\s*(?:which\s+)?(?:suggest(?:s|ing)|indicat(?:es|ing)|"
                         r"demonstrat(?:es|ing)|reflect(?:s|ing))\b|"
                         r",\s*which\s+(?:is|represents|constitutes|amounts\s+to)\b|"
                         # "she remains on the same medications, so there is no objective
                         # functional improvement"
                         r",\s*(?:and\s+)?(?:so|therefore|thus|hence)\b(?!\s+that\b)",
                         regex.IGNORECASE)
_FROM_THAT_COURSE = regex.compile(r"^\s*(?:at|on|by|after|following)\s+(?:the\s+)?(?:discharge|"
                               rf"end|completion)\s+(?:from|of)\s+(?:{_BACK_REFERENCE}|that|this|"
                               r"the)\s+course\b", regex.IGNORECASE)
_THOSE_SESSIONS = regex.compile(rf"\s*{_BACK_REFERENCE}\s+(?:[\w-]+\s+)?"
                                r"(?:treatments|sessions|visits)\b", regex.IGNORECASE)
# (also "the initial course": "is less than 2 months out from surgery and has completed the
# initial course with documented improvement")
_SESSIONS_NOUN = regex.compile(r"\b(?:sessions|visits|course)\b", regex.IGNORECASE)
_BARE_THERAPY = regex.compile(r"\b(?:with|from|after|of|in|the|this)\s+(?:the\s+)?therapy\b",
                              regex.IGNORECASE)


def _previous_names_only(sentence: Sentence, item_modality: str) -> bool:
    """The sentence before this one in its part names the item's treatment and no other."""
    before = [s for s in sentence.part.sentences() if s.end <= sentence.start]
    return bool(before) and before[-1].modalities() == {item_modality}


_NOT_PURSUED = regex.compile(
    r"\b(?:had|has|have)\s+not\s+(?:yet\s+)?been\s+(?:pursued|tried|attempted|undertaken|"
    r"performed|started|initiated)|\b(?:was|were)\s+not\s+(?:pursued|tried|attempted|"
    r"undertaken)\b", regex.IGNORECASE)


# a reason set aside: "the care was stopped for financial reasons rather than because she had
# reached a plateau"
_NOT_BECAUSE = regex.compile(r"\b(?:rather\s+than|not)\s+(?:because|since|due\s+to)\b[^.;]{0,50}$",
                             regex.IGNORECASE)


# negation cues that deny no improvement, each read where the cue starts (ConText's pseudo-
# negations): gains told by what is gone, a restriction, a reason or a count set aside, more to
# come, an inability of the past, an objection answered
_PSEUDO_NEGATIONS = (_GAIN_WITHOUT, _NO_LONGER_NEEDS, _DISREGARDED, _NOT_REQUIRED_WHEN,
                     _RESTRICTION, _CORRECTED_COUNT, _NOT_MAXIMAL, _NOT_BEFORE_NOW, _NOT_UNTIL,
                     _NOT_SUBJECTIVE, _ONCE_UNABLE, _NOT_THE_ONLY, _NOT_A_BAR, _NOT_A_MEASURE)


def _polarity(sentence: Sentence, item_modality: str | None, item_region: str | None = None,
              after_surgery: bool = False) -> tuple[str, list[tuple[int, int]]] | None:
    """The strongest statement about improvement from the item's treatment in the sentence:
    worsened, then not documented, then documented."""
    s = sentence.text
    found: list[tuple[str, int, int]] = []
    unchanged: list[int] = []   # where a measure is said to be unchanged
    conceding: int | None = None   # where "..., but the functional gains are objective" begins
    # measures said unchanged in a concessive clause ("Although her pain rating was unchanged at
    # 6 out of 10, her work restrictions were reduced", "..., even though his pain rating is
    # unchanged"): conceded, where the sentence finds improvement
    conceded: list[int] = []
    # what UR found ("The prior review indicated there was no objective improvement; however,
    # the re-evaluation documented ..."): its reason, not the record
    ur = sentence.search(_UR_REASON)
    for cstart, cend in _clauses(s):
        if any(sentence.search(p) and p.search(s, cstart, cend) for p in (_UR_SAID, _UR_ARGUED)):
            continue
        first_cue = min((m.start() for p in (_WORSE, _PLATEAU, _NO_LASTING, _NO_CHANGE,
                                             _FAILED_THROUGH, _BACK_TO_WORK, _FI_TERM)
                         if (m := p.search(s, cstart, cend))), default=cend)
        if not _about_item(sentence, cstart, cend, item_modality, item_region, first_cue):
            continue
        clause = s[cstart:cend]
        if after_surgery and _BEFORE_SURGERY.search(clause):
            continue   # "8 sessions of physical therapy before surgery without improvement": the
            # course that led to the operation, not the postoperative one under review
        if (m := _NO_LASTING.search(clause)) and not _MODAL_BEFORE.search(clause[:m.start()]) \
                and not _other_treatments_item(clause, m.start(), item_modality):
            found.append((FunctionalImprovement.not_documented.value, cstart + m.start(),
                          cstart + m.end()))
        # (the pain of a flare-up is the new episode, not the response to earlier treatment)
        if (m := _WORSE.search(clause)) and not _FLARE.search(s):
            found.append((FunctionalImprovement.worsened.value, cstart + m.start(),
                          cstart + m.end()))
        if m := _NO_CHANGE.search(clause):
            found.append((FunctionalImprovement.not_documented.value, cstart + m.start(),
                          cstart + m.end()))
            unchanged.append(cstart + m.start())
            if _CONCESSIVE.match(clause) or _CONCESSIVE_BEFORE.search(s, max(0, cstart - 16),
                                                                      cstart):
                conceded.append(cstart + m.start())
        if (m := _FAILED_THROUGH.search(clause)) and not _MODAL_BEFORE.search(
                clause[:m.start()]) and not _other_treatments_item(clause, m.start(),
                                                                  item_modality):
            found.append((FunctionalImprovement.not_documented.value, cstart + m.start(),
                          cstart + m.end()))
        if (m := _PLATEAU.search(clause)) and not _cue_of_another(clause, m.end(),
                                                                  item_modality) and \
                not _NOT_BECAUSE.search(clause, 0, m.start()):
            found.append((FunctionalImprovement.not_documented.value, cstart + m.start(),
                          cstart + m.end()))
        if m := _BACK_TO_WORK.search(clause):
            found.append((FunctionalImprovement.documented.value, cstart + m.start(),
                          cstart + m.end()))
        if m := _GAINS_DOCUMENTED.search(clause):
            found.append((FunctionalImprovement.documented.value, cstart + m.start(),
                          cstart + m.end()))
        for m in _FI_TERM.finditer(clause):
            # ("10 sessions of physical therapy before surgery, and a lumbar epidural steroid
            # injection on 02/16/2016 without lasting benefit": another treatment's outcome)
            if _anothers_outcome(clause, m.start(), item_modality):
                continue
            if m.group("index_from") and int(m.group("index_from")) <= int(m.group("index_to")):
                continue   # ("Oswestry 26% to 44%": a disability index that rose)
            before = clause[: m.start()]
            # ConText: a negation cue governs the rest of its clause (up to NEGATION_SCOPE
            # words); "did not document ... whether/if there was improvement" is negated, not
            # hypothetical, because the negation comes first
            # (a relative clause ends the scope: "does not preclude ... in an applicant who had
            # responded favorably to earlier treatment")
            cancelled = [d.span() for d in _DOUBLE_NEGATIVE.finditer(before)]
            negations = [n for n in _NEGATION.finditer(before)
                         if len(before[n.end():].split()) <= NEGATION_SCOPE
                         and not any(a < n.end() and n.start() < b for a, b in cancelled)
                         and not _RELATIVE.search(before, n.end())
                         and not any(p.match(before, n.start()) for p in _PSEUDO_NEGATIONS)
                         and not (_NOT_TAKEN.match(before, n.start())
                                  and _INTO_ACCOUNT.match(clause, m.end()))
                         and not _NOT_EXCEED.search(before, max(0, n.start() - 12), n.end() + 20)
                         and not _NEXT_CLAUSE.search(before, n.end())
                         and not _NOT_OUTWEIGH.search(before, n.end())
                         and not _in_closed_aside(before, n.start(), n.end())]
            if negations and _ASSERTED_AFTER.match(clause, m.end()) and \
                    _REASON_AFTER_NEGATION.search(before, negations[-1].end()):
                negations = []
            # "does not mean the injured worker's function did not improve": the two cancel
            if len(negations) >= 2 and _NOT_MEAN.match(before, negations[-2].start(),
                                                        negations[-1].start()):
                negations = []
            window = " ".join(before.split()[-8:])
            hypothetical = _HYPOTHETICAL.search(window) or _GOAL.search(window)
            if _WHEN_BEFORE.search(before) and _SHOWN_AFTER.match(clause, m.end()):
                continue
            if _COUNTERFACTUAL.search(before):
                continue  # "as opposed to a request ... in the face of a lack of improvement"
            if _NOT_BECAUSE.search(before):
                continue  # a reason set aside: "She remains off work because her employer
                # cannot accommodate her restrictions, not because her restrictions have not
                # improved"
            if _DEFINED_AS.search(before):
                continue  # "functional improvement, defined in 8 CCR 9792.20(f) as a clinically
                # significant improvement in activities of daily living": the definition's words
            if _EXPECTED_BEFORE.search(before):
                continue  # "cannot climb stairs without a rail, deficits that are expected to
                # improve with continued strengthening": a prognosis, not the record

            if hypothetical and not (negations and _HYPOTHETICAL.search(
                    before, negations[0].end())):
                continue
            if _PROSPECT.match(clause, m.end()):
                continue  # "no documentation that further functional improvement can be
                # accomplished with supervised therapy": what more therapy could do, not what
                # the therapy given did
            after = _NEGATED_AFTER.match(clause, m.end())
            if after and _NOT_CORRECT.search(before):
                # "Nor is it correct that functional improvement is not documented": the two
                # negations cancel
                negations, after = [], None
            if negations:
                found.append((FunctionalImprovement.not_documented.value,
                              cstart + negations[-1].start(), cstart + m.end()))
            elif after:
                # "Objective evidence of significant functional improvement with the previous
                # physical therapy visits is not specified in the records provided"
                found.append((FunctionalImprovement.not_documented.value, cstart + m.start(),
                              cstart + after.end()))
            elif (sentence.about_case() or _THIS_MEETS.search(before)
                  or _NEITHER_SLIGHT.match(clause, m.end())
                  or _MEETS_DEFINITION.search(clause, 0, m.end())
                  or _HERE.search(s, 0, cstart + m.start())
                  or (unchanged and _GAINS_MEET.match(clause, m.end()))) and \
                    not _CONDITION_AFTER.match(clause, m.end()) and \
                    not _EXPECTED_AFTER.match(clause, m.end()):
                found.append((FunctionalImprovement.documented.value, cstart + m.start(),
                              cstart + m.end()))
                if unchanged and _CONCEDING.search(s, max(0, cstart - 16), cstart):
                    conceding = cstart
    if ur is not None:
        # (unless past a turn to what the records show: "The utilization review relied on the
        # eight sessions authorized; the therapy records show that only three were attended
        # ..., and the discharge summary documents improved walking tolerance")
        found = [f for f in found
                 if f[1] < ur.end() or _TURN_TO_RECORDS_SHOW.search(s, ur.end(), f[1])]
    if conceding is not None:
        # "His range of motion changed little and his pain is unchanged, but the functional
        # gains are objective and satisfy the guideline criteria": the measures that did not
        # change are conceded, the finding that follows is the reviewer's
        found = [f for f in found if not (f[1] < conceding and f[1] in unchanged)]
    if conceded and any(f[0] == FunctionalImprovement.documented.value for f in found):
        found = [f for f in found if f[1] not in conceded]
    if _NOT_PURSUED.search(s):
        # "Land-based therapy had not been pursued as ... exercises aggravated her ankle": a
        # treatment not given has made nothing better or worse
        found = [f for f in found if f[0] == FunctionalImprovement.not_documented.value]
    if sentence.search(_SET_ASIDE):
        # a finding set aside ("described a plateau, but the measurements that followed do not
        # bear that out") says nothing against what follows it
        found = [f for f in found if f[0] == FunctionalImprovement.documented.value]
    if not found:
        return None
    value = min(found, key=lambda f: (_FI_RANK[f[0]], f[1]))[0]
    # every place in the sentence that says it is evidence
    return value, sorted((start, end) for v, start, end in found if v == value)


# the reviewer's finding on what the record shows, with the record as its subject: "This meets
# the definition of functional improvement", "While this represents some functional improvement"
# ("These findings represent functional improvement as defined by the MTUS")
_THIS_MEETS = regex.compile(
    r"\b(?:this|these|that|which|it)\s+(?:(?:findings?|gains?|results?|changes?|improvements?|"
    r"outcomes?|measures?)\s+)?(?:clearly\s+)?(?:(?:does|do|did)\s+not\s+)?"
    r"(?:meets?|satisf(?:y|ies)|constitutes?|"
    r"represents?|demonstrates?|shows?|establish(?:es)?|reflects?|documents?|"
    # "..., which is exactly the kind of functional improvement the guidelines require"
    r"(?:is|are)\s+(?:exactly|precisely|just)\s+(?:the\s+)?(?:kind|type|sort)\s+of|"
    # "This is objective functional improvement as defined in 9792.20(e)."
    r"(?:is|are)(?=(?:\s+(?:an?|clear(?:ly)?|objective|measurable|significant|meaningful|"
    r"documented|sufficient))*\s*(?:$|functional\b)))\b",
    regex.IGNORECASE)


# therapy given before the operation: "attended 8 sessions of physical therapy before surgery",
# "preoperative therapy did not help"
# (not a measure compared with its value then: "pain rated 2 out of 10, improved from 6 out of 10
# before surgery")
_BEFORE_SURGERY = regex.compile(
    r"\b(?:therapy|PT|OT|sessions?|visits?|treatments?)\b[^.;,]{0,40}?\b(?:before|prior\s+to|"
    r"ahead\s+of)\s+(?:(?:the|his|her|this|that)\s+)?(?:\w+\s+){0,2}?"
    r"(?:surgery|operation|repair|arthroscopy|fusion|release|arthroplasty)\b|"
    # the operation first: "Before the right shoulder surgery she had eight sessions of physical
    # therapy and a subacromial corticosteroid injection without lasting relief"
    r"^\s*(?:before|prior\s+to|ahead\s+of)\s+(?:(?:the|his|her|this|that)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:surgery|operation|repair|arthroscopy|fusion|release|arthroplasty)\b[^.;]{0,60}?"
    r"\b(?:therapy|PT|OT|sessions?|visits?|treatments?)\b|"
    # (not a measure's baseline: "from 95 and 80 degrees pre-operatively")
    r"\bpre-?\s*operative\s+(?:(?:physical|occupational|hand|aquatic|land-based)\s+)?"
    r"(?:therapy|PT|OT|sessions?|visits?|treatments?|course|rehabilitation)\b", regex.IGNORECASE)
# a clause that turns from what did not change to what did: "..., but the functional gains are
# objective"
_CONCESSIVE = regex.compile(r"\W*(?:although|though|even\s+though|even\s+if|while|whilst|"
                            r"despite|notwithstanding)\b", regex.IGNORECASE)
_CONCESSIVE_BEFORE = regex.compile(r"\b(?:although|though|while|whilst|despite)\W*$",
                                   regex.IGNORECASE)
_CONCEDING = regex.compile(r"\b(?:but|however|yet|nonetheless|nevertheless)\W*$",
                           regex.IGNORECASE)
# gains said to meet the guideline's test, after a measure said to be unchanged: "..., but the
# functional gains are objective and satisfy the guideline criteria for continued care"
# the reviewer's own word on the gains told: "Although the pain rating is unchanged, ..., and the
# gains documented are both subjective and objective" (blind1481_6)
_GAINS_DOCUMENTED = regex.compile(r"\bthe\s+gains\s+(?:documented|shown|recorded)\s+(?:are|were)\s+"
                                  r"(?:both\s+)?(?:subjective\s+and\s+objective|objective|"
                                  r"measurable|significant|real)\b", regex.IGNORECASE)
_GAINS_MEET = regex.compile(
    r"\s+(?:are|were|is|was)\s+(?:(?:objective|measurable|clear|significant|real|documented)"
    r"\s+(?:and\s+)?)*(?:(?:and\s+)?(?:satisf(?:y|ies)|meets?)\b|$)", regex.IGNORECASE)


# the reviewer's finding on the measures just listed, though the sentence names the guideline:
# "... an Oswestry score falling from 38% to 22%, ..., which is functional improvement as defined
# by the MTUS"
_WHICH_MEETS = regex.compile(
    r",\s*which\s+(?:is|represents|constitutes|meets|satisfies|amounts\s+to)\s+(?:the\s+"
    r"definition\s+of\s+)?(?:objective\s+|clear\s+|measurable\s+)?functional\s+improvement\b",
    regex.IGNORECASE)


# the record's gains said to meet the guideline's definition: "A return to work from total
# disability and a 50 percent reduction in opioid use meet both parts of the definition of
# functional improvement"
_MEETS_DEFINITION = regex.compile(
    r"\b(?:meets?|satisf(?:y|ies)|fulfil(?:l|ls|s))\s+(?:(?:both|all|each)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:parts?|elements?|prongs?|halves)\s+of\s+)?the\s+(?:MTUS\s+|guidelines?'?\s+)?"
    r"definition\s+of\s+(?:objective\s+)?functional\s+improvement\b", regex.IGNORECASE)


# the reviewer summing up the record, though the sentence names the guideline: "All of the above,
# taken together, suggest a lack of functional improvement as defined in MTUS 9792.20f, despite
# completion of earlier physical therapy well in excess of MTUS parameters"
_SUMMING_UP = regex.compile(
    r"^\W*(?:all\s+of\s+the\s+above|the\s+above|taken\s+together|the\s+foregoing|"
    r"these\s+(?:findings|facts|factors))\b[^.;]{0,40}?\b(?:suggests?|indicates?|shows?|"
    r"demonstrates?|establish(?:es)?|reflects?|argues?)\b", regex.IGNORECASE)


# what followed this patient's course, said beside the guideline's figure: "The number of
# sessions is within the 4-6 visits the guidelines recommend, and the course was followed by a
# measured gain in sitting tolerance"
_COURSE_FOLLOWED_BY = regex.compile(r"\b(?:the|this|that|her|his|their)\s+(?:[\w-]+\s+)?"
                                    r"(?:course|trial|sessions|visits|treatments?)\s+(?:was|were)\s+"
                                    r"followed\s+by\b", regex.IGNORECASE)


# someone else's statement the reviewer sets aside: "The QME's statement that chiropractic care
# was not beneficial was based on an interview held after only two of the six trial visits"
_SET_ASIDE = regex.compile(
    r"\b(?:statement|opinion|conclusion|assertion|comment|remark|impression)\s+that\b.*?\b"
    r"(?:was|is|were|are)\s+(?:(?:based\s+on|made\s+at|drawn\s+from)\s+[^.;]{0,60}?\b"
    r"(?:after|before)\s+only\b|not\s+(?:updated|supported|consistent\s+with)\b|"
    r"(?:contradicted|superseded|outweighed|outdated|premature)\b)|"
    # "The PR-2 of 05/23/2016 described a plateau, but the measurements that followed do not
    # bear that out"
    r"\b(?:described|reported|noted|stated|recorded)\b[^.;]*?,\s*but\s+[^.;]*?\b(?:do|does|did)\s+"
    r"not\s+(?:bear\s+(?:that|this|it)\s+out|support\s+(?:that|this|it))\b|"
    # "I cannot agree with the utilization reviewer that functional improvement was not
    # documented"
    r"\b(?:(?:cannot|can\s*not|do\s+not|does\s+not|don't)\s+agree|disagree)\b[^.;]{0,80}?\bthat\b",
    regex.IGNORECASE)


def _improvement_readings(parts: tuple[Part, ...], item_modality: str | None,
                          item_region: str | None, after_surgery: bool) -> list[Reading]:
    readings: list[Reading] = []
    for part in parts:
        for sentence in part.sentences():
            if sentence.in_ur_quote():
                continue   # UR's rationale quoted at length: its reasons, not the record
            # "This satisfies the definition of functional improvement, and the guidelines
            # support ...": the reviewer's finding, though it names the guidelines
            if sentence.is_guideline_talk() and not _THIS_MEETS.match(sentence.text.lstrip()) \
                    and not sentence.search(_SUMMING_UP) and not sentence.search(_WHICH_MEETS) \
                    and not sentence.search(_COURSE_FOLLOWED_BY) and \
                    not sentence.search(_MEETS_DEFINITION):
                continue
            found = _polarity(sentence, item_modality, item_region, after_surgery)
            if found is None:
                continue
            value, places = found
            readings.append(Reading(value=value, part=part.name,
                                    evidence=[sentence.evidence(start, end)
                                              for start, end in places]))
    return readings


def functional_improvement(text: ItemText, item_modality: str | None,
                           item_region: str | None = None, after_surgery: bool = False) -> Fact:
    """`after_surgery`: the therapy asked for is postsurgical care, so what therapy before the
    operation did is another course's result."""
    readings = _improvement_readings((text.rationale, text.summary), item_modality,
                                     item_region, after_surgery)
    if not readings:
        # the reviewer's finding on the same earlier sessions in the rationale of another
        # request for the same treatment ("he has completed 8 physical therapy sessions with
        # clear functional benefit", for a home-programme instruction visit)
        same = tuple(part for part, item in zip(text.other_rationales(), text.other_items(),
                                                strict=True)
                     if item_modality in {m.value for m in categories.mentions(
                         categories.MODALITY, item.title.quote)})
        readings = _improvement_readings(same, item_modality, item_region, after_surgery)
    if not readings:
        return Fact.unknown("the letter says nothing about functional improvement from this "
                            "treatment")
    return resolve(readings, RECORD_ORDER, rank=_FI_RANK,
                   rank_reason="the less favourable reading wins (worsened, then not "
                               "documented, then documented): a reviewer's finding that "
                               "improvement is missing outweighs a general report of benefit")
