"""The clinical picture: diagnosis, chronicity, surgery, flare-up, home exercise, work status,
and what utilization review decided."""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from ..models import DisputedItem, Evidence, Fact, Reading
from ..textdates import DATE, month_number
from ..vocabulary import NAMED_REGIONS, CountQualifier, DiagnosisCategory, URDecision
from . import categories
from .criteria import DRUG, said_by_ur
from .dates import RELATIVE, find_dates, relative_exact, relative_interval, title_service_start
from .numbers import NUMBER, to_int
from .parts import (
    EARLIER_CLAIM,
    RECORD_ORDER,
    SIDE,
    ItemText,
    Sentence,
    clause_around,
    dedupe,
    other_side,
    resolve,
)
from .visits import parse_visits

# 8 CCR 9792.20(b) (2015 text): chronic pain is pain lasting three months or more from onset.
CHRONIC_MONTHS = 3

# "chronic", but not in the name of the guideline ("the chronic pain guidelines do not apply")
_CHRONIC = regex.compile(r"(?<!\b(?:not|never)\s+(?:yet\s+|considered\s+)?)\bchronic\b"
                         # (the guideline's name: "the Chronic Pain Treatment Guidelines do not
                         # apply", "MTUS Chronic Pain Medical Treatment Guidelines")
                         r"(?!\s+pain\s+(?:medical\s+)?(?:treatment\s+)?(?:guidelines?|section|"
                         r"chapter)\b)",
                         regex.IGNORECASE)
# a surgery that did not happen: declined, considered, recommended, not a candidate
_NO_SURGERY = regex.compile(
    # ("the applicant did not wish to pursue carpal tunnel release surgery")
    r"\b(?:not\s+interested\s+in|declin\w+|refus\w+|consider\w*|thinking\s+(?:about|of)|"
    r"(?:not|no\s+longer)\s+(?:wish|want|wishing|wanting|willing)\s+to\s+(?:pursue|undergo|have)|"
    r"contemplat\w+|candidate\s+for|discuss\w*|"
    r"propos\w+|plann\w+|schedul\w+|pending|await\w*|"
    r"recommend\w*|may\s+need|would\s+need|referr\w+\s+for|evaluation\s+for|"
    r"consultation\s+(?:for|regarding|about)|deferr?\w*|"
    # ("referred him to a spine surgeon to determine whether decompression and fusion are
    # indicated", "for consultation regarding possible decompression and fusion")
    r"whether|(?:regarding|about|for)\s+(?:an?\s+)?possible|"
    # ("the most reasonable means of keeping her at work and delaying knee replacement")
    r"delay(?:s|ed|ing)?|avoid(?:s|ed|ing)?|forestall\w*|postpon\w*)\b[^.;]*$"
    # ("needs to lose weight before THA")
    r"|\bweight\s+(?:loss\s+)?(?:before|prior\s+to)\s+(?:(?:a|an|the|any)\s+)?$"
    r"|\b(?:no|never\s+had|without|(?:has|have|had)\s+not\s+(?:had|undergone)|"
    r"(?:did|does)\s+not\s+(?:have|undergo))\s+(?:(?:prior|previous|any)\s+)?$",
    regex.IGNORECASE)
# an operation asked for, between a date and the operation's name
# a request's list: "A Request for Authorization dated 1/17/14 asked for ...", "The RFA of
# 12/01/2016 requested ..."
_ASKED_IN = regex.compile(r"\b(?:request\s+for\s+authori[sz]ation|RFA)\b[^.;]{0,40}?\b(?:asked\s+"
                          r"for|requested|included|sought)\b", regex.IGNORECASE)
_ASKED_FOR = regex.compile(r"\b(?:requested|recommended|proposed|ordered|sought)\b",
                           regex.IGNORECASE)
# an operation said not to have happened: "with the fusion found not medically necessary, will
# not occur", "The fusion has not been performed"
_NOT_DONE_AFTER = regex.compile(
    # "not a THA candidate until BMI < 40": the operation as a prospect
    r"\s+candidate\b|"
    # "felt that open reduction and internal fixation was not indicated for this stable
    # fracture pattern"
    r"\s+(?:was|is|were|would\s+be)\s+(?:felt\s+to\s+be\s+)?not\s+(?:indicated|needed|"
    r"required|warranted)\b|"
    r"[^.;]{0,60}?\b(?:will\s+not\s+(?:occur|take\s+place|be\s+performed)|(?:has|had)\s+not\s+"
    r"(?:yet\s+)?been\s+(?:performed|done|scheduled)|"
    # "if triggering persists after therapy, a trigger finger release will be discussed"
    # ("a first dorsal compartment release to be considered only if she fails to improve")
    r"(?:will|would|may|might|could|to)\s+be\s+(?:discussed|considered|offered|recommended|"
    r"requested|planned|scheduled)|(?:was|is)\s+(?:found\s+)?not\s+medically\s+"
    r"necessary|found\s+not\s+medically\s+necessary|"
    # "total knee arthroplasty should be deferred until her body mass index is below 40"
    r"(?:should|would|will|must|is\s+to|was\s+to)\s+be\s+(?:deferred|postponed|delayed)|"
    r"(?:was|is|has\s+been)\s+(?:deferred|postponed|delayed)|"
    # ("THA deferred until wt loss")
    r"(?:deferred|postponed|delayed)\s+(?:until|pending)|"
    # "A total knee arthroplasty has been recommended but deferred until she loses weight"
    r"(?:has|have)\s+been\s+recommended\b|"
    # "Arthroscopic subacromial decompression was discussed in 2012, but he elected not to
    # proceed"
    r"(?:was|were|had\s+been)\s+(?:discussed|considered|offered|proposed)\b|"
    # ("an L5-S1 microdiscectomy was recommended. ... the injured worker declined the surgery";
    # not one recommended and then done)
    r"(?:was|were)\s+recommended\b(?![^.;]{0,40}?\b(?:and|then)\s+(?:was\s+|were\s+)?"
    r"(?:performed|done|carried\s+out|underwent|undergone|certified|authori[sz]ed|approved)\b)|"
    r"(?:elected|chose|decided)\s+not\s+to\s+(?:proceed|undergo|have)|decided\s+against\b|"
    # "offered R carpal tunnel release which she declined", "was recommended ..., but she
    # declined surgery"
    r"(?:which|that|but|and)\s+(?:he|she|they|the\s+(?:patient|applicant|injured\s+worker))\s+"
    r"(?:has\s+|had\s+)?(?:declined|refused))\b", regex.IGNORECASE)
_ONCE_DONE = regex.compile(r"\b(?:once|when|until)\s+(?:the|his|her|their|a)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:is|has\s+been|gets?)\s+(?:performed|done|completed|scheduled)\b",
                        regex.IGNORECASE)
_SINCE_THE = regex.compile(r"\b(?:since|after|following)\s+(?:the|his|her|their)\s+$",
                        regex.IGNORECASE)
# a planned operation the same sentence says was done: "was scheduled for a right shoulder
# arthroscopy ..., which was authorized and was performed on 12/06/2016"
# (not "..., but the alignment was maintained on serial x-rays and surgery was not performed")
# the spinal level said straight after an operation: "... discectomy and fusion at C5-C6"
_AT_LEVEL = regex.compile(r"\s+(?:at|of)\s+(?:the\s+)?[CTLS]\d{1,2}\s*-\s*[CTLS]?\d{1,2}\b",
                          regex.IGNORECASE)
_DONE_VERB = (r"(?:was|were)\s+(?:(?!not\b|never\b)\w+\s+)?(?:performed|done|completed|"
              r"carried\s+out)\b")
_DONE_AFTER = regex.compile(rf"[^.;]*?\b{_DONE_VERB}", regex.IGNORECASE)
# the operation's name straight before it: "The left total knee arthroplasty was performed on
# 11-29-16"
_DONE_JUST_AFTER = regex.compile(rf"\s+{_DONE_VERB}", regex.IGNORECASE)
# "acute low back strain", "his low back pain is acute", "the condition is acute"
# (not a guideline's phase: "lumbar supports are not recommended outside the acute phase")
_ACUTE = regex.compile(r"(?<!\b(?:beyond|past|after|than|no\s+longer\s+in|outside(?:\s+of)?)\s+"
                       r"(?:the\s+|an?\s+)?)"
                       # ("Because of the 'acute' nature of the injury")
                       r"\b(?:acute|sub-?acute)['\u2019\"\u201d]?\s+(?:(?!flare)[\w-]+\s+){0,3}?"
                       r"(?:pain|injury|phase|strain|sprain|symptoms|condition|nature|stage)\b|\b(?:pain|injury|condition|"
                       r"symptoms|strain|sprain)\s+(?:is|was|remains|are|were)\s+"
                       r"(?:still\s+)?(?:sub-?)?acute\b|"
                       # "so the condition is not yet chronic"
                       r"\b(?:is|was|are|were)\s+not\s+(?:yet\s+)?chronic\b", regex.IGNORECASE)
_DIAGNOSED = regex.compile(
    r"\b(?:diagnos\w+\s+(?:(?:that|which)\s+)?(?:(?:is|are|was|were|have\s+been|has\s+been|"
    r"have|has|had)\s+)?(?:documented\s+|"
    r"noted\s+|listed\s+|"
    r"given\s+)?(?:as\s+having|as|with|of|(?:to\s+)?include\w*|are|is)|assessment\s+included|"
    # "The diagnoses were status post ...", not "the diagnosis was not documented"
    r"diagnos[ie]s\s+(?:is|are|was|were)(?!\s+(?:not|unclear|unknown|pending|deferred)\b)|"
    r"working\s+diagnos\w+\s+(?:are|is|include\w*)|diagnos[ie]s\s*:|\bDx\s*:|"
    # "Diagnoses now listed as ...", "her diagnoses have since been documented as ...", "The
    # diagnosis has remained lumbar sprain/strain", "The diagnosis for the shoulder is ...", "The
    # diagnoses for the current claim are ...", "The diagnoses carried in the primary treating
    # physician's reports are ..."
    r"diagnos[ie]s\s+(?:(?:now|since|have\s+(?:since\s+)?been|has\s+(?:since\s+)?been)\s+)?"
    r"(?:listed|documented|recorded)\s+as|diagnos[ie]s\s+(?:has|have)\s+remained|"
    r"diagnos[ie]s\s+(?:for|of)\s+the\s+(?:current\s+claim|(?:(?:left|right)\s+)?[a-z]+(?:\s+spine)?)"
    r"\s+(?:is|are|include|includes)(?!\s+(?:not|unclear|unknown|pending|deferred)\b)|"
    r"diagnos[ie]s\s+carried\s+in\s+[^.;:]{1,80}?\s(?:is|are)|"
    # "Diagnoses, and-or impressions, were noted to include: ..."
    r"diagnos[ie]s,?\s+and[-/]or\s+impressions?,?\s+(?:were|was|are|is)\s+(?:noted\s+|"
    r"documented\s+|listed\s+)?(?:to\s+)?include\w*\s*:?|"
    # (a code's decimal point is no sentence end: "Postlaminectomy syndrome, lumbar region
    # (722.83); ...")
    r"(?:is\s+)?(?:being\s+treated|undergoing\s+treatments?|treated)\s+for)\s*"
    r"(?P<dx>(?:[^.]|\.(?=\d))+)",
    regex.IGNORECASE)
# "The applicant ... has filed a claim for chronic neck and low back pain reportedly associated
# with an industrial injury": the complaint the claim names, the diagnosis when no other is given
_DX_CLAIM = regex.compile(
    r"\bfiled\s+a\s+claim\s+for\s+(?P<dx>[^.;]+?)(?=\s+(?:reportedly|allegedly|associated|"
    r"attributed|secondary|sustained)\b|\s*[.;(]|$)", regex.IGNORECASE)
# a pain complaint, no diagnosis: "low back pain", "chronic neck and arm pain"
_DX_COMPLAINT = regex.compile(r"(?:(?:chronic|persistent|ongoing|acute|severe|his|her|the)\s+)*"
                              r"(?:[\w-]+\s+){0,4}?pain", regex.IGNORECASE)
_DX_TRIM = " ,;:.\"'\u201c\u201d"
_DX_GENERIC = regex.compile(
    r"(?:(?:an?|the|his|her|this|their)\s+)?(?:(?:acute|sub-?acute|chronic|industrial|"
    r"work[- ]related|occupational|new|recent)\s+)*(?:injury|injuries|pain|conditions?|"
    r"complaints?|symptoms)", regex.IGNORECASE)
# "The injured worker has a comorbid diagnosis of asthma": not the condition the claim treats
_DX_COMORBID = regex.compile(
    r"\b(?:co-?morbid(?:ities)?|non-?industrial|unrelated|pre-?existing|other\s+medical)"
    r"(?:\s+(?:medical|condition|conditions|history))?\s*(?:\bof\s+)?(?:an?\s+)?\Z",
    regex.IGNORECASE)
_MONTH_NAMES = "|".join(calendar.month_name[1:])
_DX_DATE_TAIL = regex.compile(
    rf"[\s,]*(?:\b(?:performed|done)\s+)?(?:\b(?:on|dated|in)\s+)?(?:\(\s*)?(?:{DATE.pattern}|"
    rf"\b(?:{_MONTH_NAMES})\.?,?\s+"
    rf"(?:of\s+)?(?:19|20)\d\d)\s*\)?\s*$", regex.IGNORECASE)
# a word left at the end of an operation's name cut before its date
_DANGLING = regex.compile(r"\s+(?:of|on|dated|in|from)\s*$", regex.IGNORECASE)
_DX_NAMED = regex.compile(r"\s*(?:the\s+)?(?:following\s+)?diagnos[ie]s\s+(?:of\s+)?",
                          regex.IGNORECASE)
_DX_ARTICLE = regex.compile(r"(?:a|an)\s+(?=\w)", regex.IGNORECASE)
_DX_FOR = regex.compile(r"for\s+(?:an?\s+)?(?=\w)", regex.IGNORECASE)
_DX_ASIDE = regex.compile(r"\([^()]{0,80}\)\s*:?\s*")
_NARRATIVE_DX = regex.compile(r"diagnosed\s+(?:as|with)|(?:is\s+)?(?:being\s+treated|"
                              r"undergoing\s+treatments?|treated)\s+for|"
                              # "The diagnosis of CRPS was made on 10-11-2016 based on ..."
                              r"diagnos[ie]s\s+of\s+[^.;]*?\s(?:was|were)\s+(?:first\s+)?"
                              r"(?:made|confirmed|established|rendered)\b", regex.IGNORECASE)
# who reported the diagnosis, after it: "..., the treating provider reported", ", per the PR-2";
# and what happened next: "diagnosed with a meniscal tear and underwent arthroscopy on 1/21/16"
# a diagnosis in a phrase that opens the sentence ("With a diagnosis of cervical radiculitis, the
# 4 additional visits requested would bring her to a total of 10"): the sentence's own clause
# after it is not the diagnosis
_DX_OPENING = regex.compile(r"\W*(?:with|given|for|considering|in\s+view\s+of)\s+(?:a|the|her|"
                            r"his|their|this)\s+", regex.IGNORECASE)
_DX_MAIN_CLAUSE = regex.compile(r",\s*(?:the|this|these|those|her|his|she|he|it|they|an?|further|"
                                r"additional|more|continued|\d+)\b", regex.IGNORECASE)
_DX_ATTRIBUTION = regex.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:(?:subsequently|later|then)\s+)?(?:underwent|was\s+treated|"
    r"had\s+surgery|was\s+referred|was\s+taken)\b.*$|"
    # "... with a positive Tinel's sign", ", and the request is for ...": findings and the
    # request, not the diagnosis
    r"\s+with\s+(?:an?\s+)?(?:positive|negative)\b.*$|"
    # "..., with no radicular findings on any examination"
    r",\s+with\s+no\b.*$|"
    r",?\s+(?:and|but)\s+the\s+(?:current\s+)?(?:request|treatment\s+plan)\b.*$|"
    # ("The lumbar diagnosis is radiculopathy, and the records document 12 sessions ...")
    # ("a diagnosis of morbid obesity, and could not tolerate a land-based exercise program")
    r",\s+and\s+(?:could|can|cannot|did|does|do|has|had|is|was|were)\s+not\b.*$|"
    # a clause of its own after the list: "...; his weight is recorded as 296 pounds"
    r";\s*(?:his|her|their|he|she|they|the\s+(?:patient|employee|claimant|injured\s+worker)|"
    r"it|this|there)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:is|was|are|were|has|had|have)\b.*$|"
    r",?\s+(?:and|but)\s+the\s+(?:records?|notes?|documentation|reports?)\s+(?:document|show|"
    r"indicate|reflect|note|describe)\w*\b.*$|"
    # "..., and the guideline for CRPS applies rather than ...": the reviewer's reasoning
    r",?\s+(?:and|but|so)\s+the\s+(?:[\w-]+\s+)?guidelines?\b.*$|"
    # "The diagnosis of complex regional pain syndrome was made on 10-11-2016 based on ..."
    # "Diagnoses of cervical myofascial pain syndrome ... were apparently set forth."
    r"(?<!\b(?:that|which))\s+(?:was|were)\s+(?:first\s+|apparently\s+|reportedly\s+)?"
    r"(?:made|confirmed|established|rendered|set\s+forth|listed|documented|noted|reported|"
    r"given|furnished|provided|recorded)\b.*$|"
    # how it happened: "... after slipping on a wet floor", "after a rear-end collision while
    # driving a school bus", "due to cumulative trauma from data entry"
    r"\s+after\s+(?:\w+ing\b|an?\s+(?:[\w-]+\s+){0,4}?(?:collision|accident|fall|incident|"
    r"handle)\b).*$|"
    r"\s+due\s+to\s+(?:cumulative|repetitive|continuous)\b.*$|"
    # what was done for it: ", given naproxen ..., and placed on modified duty", "and given a
    # wrist brace", ", placed in a wrist brace and started on ibuprofen"
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:was\s+)?(?:given|placed\s+(?:in|on)|started\s+on|"
    r"prescribed)\b.*$|"
    # what showed it: ", confirmed by electrodiagnostic studies", "per MRI", ", seen on an MRI
    # of ...", ", and an MRI of 09/2010 showed ...", ", with a BMI of 43"
    r",?\s+(?:confirmed|seen|shown|demonstrated)\s+(?:by|on|in)\b.*$|"
    r"\s+per\s+(?:the\s+)?(?:MRI|EMG|x-?rays?|imaging|CT)\b.*$|"
    r",\s*(?:and\s+)?(?:an?|the)\s+(?:MRI|x-?rays?|EMG|CT\s+scan)\b.*$|"
    r",\s*with\s+an?\s+(?:BMI|body\s+mass\s+index|question\s+of)\b.*$|"
    # "; there are no radicular findings, and ...": the next clause
    r";\s*there\s+(?:is|are|was|were)\b.*$|"
    # ", accepted as industrially aggravated": the claim's status
    r",\s*(?:accepted|deemed|found)\s+(?:as|to\s+be)\s+industrial\w*\b.*$|"
    r",?\s+based\s+on\b.*$|"
    # "Although the diagnoses include ..., the PR-2 noted no allodynia": what a record showed
    r",\s*(?:but\s+)?the\s+(?:PR-?2|progress\s+(?:note|report)|records?|documentation|"
    r"(?:treating\s+)?(?:physician|provider|surgeon)|examination)\s+(?:noted|notes|documented|"
    r"documents|showed|shows|indicated|indicates|reported|reports)\b.*$|"
    # "...myofascial pain; lumbar radiographs were unremarkable": the next clause, not a
    # diagnosis of the list
    r";\s*(?:[\w/-]+\s+){0,6}?(?:was|were|showed|revealed|demonstrated)\s+(?!(?:also\s+)?"
    r"(?:diagnosed|noted\s+to\s+have)\b).*$|"
    # "..., it was stated": who said it
    r",\s*(?:it\s+was|as\s+was)\s+(?:stated|reported|noted|documented)\b.*$|"
    # "... de Quervain's tenosynovitis and has had 6 occupational therapy visits": the story
    r"\s+and\s+(?:has|had|have)\s+(?:had|been|undergone|received|completed|attended)\b.*$|"
    # "an acute injury, therefore, the Chronic Pain Treatment Guidelines do not apply"
    r",?\s+(?:therefore|thus|hence|so\s+that|and\s+therefore)\b.*$|"
    # "..., which were treated nonoperatively with cast immobilization": what happened to it
    r",\s*which\s+(?:was|were|is|are|has|have|had|required|healed|resolved)\b.*$|"
    # "lumbar radiculopathy, and she has had physical therapy ...": the next clause of the story
    r",?\s+(?:and|but)\s+(?:she|he|they|the\s+(?:patient|claimant|injured\s+worker|IW|"
    r"applicant|employee))\s+(?:(?:later|subsequently|then)\s+)?(?:has|had|have|is|was|were|"
    r"reports?|reported|underwent|developed|continues|continued|remains?|complains?)\b.*$|"
    # "..., with a flare-up of neck pain documented on 11-2-16"
    r",?\s+with\s+(?:an?\s+)?(?:new\s+|recent\s+|acute\s+)?(?:flare|exacerbation|recurrence)\b.*$|"
    r",[\"\u201d]?\s*(?:(?:the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:provider|physician|doctor|surgeon|PTP|"
    r"therapist|clinician)\s+(?:reported|noted|stated|documented|indicated|wrote)\b|"
    r"(?:per|according\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:report|note|PR-?2)\b).*$",
    regex.IGNORECASE)
_NEGATED_DX = regex.compile(
    # (and the rest of a list under the negation: "no patellar malalignment or joint space
    # narrowing")
    r"\b(?:without|no|negative\s+for|denies|rule\s+out|r/o|not)\s+(?:\w+\s+){0,2}"
    r"(?:(?:or|nor)\s+(?:\w+\s+){0,2})?$",
    regex.IGNORECASE)
_FLARE = regex.compile(
    # (not the guideline's "for recurrences or flare-ups, re-evaluate treatment success")
    r"(?<!\brecurrences?\s*(?:or|and|/)\s*)"
    # (nor why an earlier course stopped: "stopped early for a headache flare")
    r"(?<!\b(?:stopped|discontinued|interrupted|halted|ended|held)\s+(?:early\s+)?(?:for|because\s+of|"
    r"due\s+to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)"
    # (nor what care is to keep away: "maintenance care once a month ... 'to prevent
    # recurrence'")
    r"(?<!\b(?:prevent(?:s|ing)?|avoid(?:s|ing)?|forestall(?:s|ing)?)\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:further\s+|future\s+)?)"
    # (nor what a medication is for: "Ultram 50mg #90 to be used for flare-ups of pain", "as
    # needed for flare-ups")
    r"(?<!\b(?:(?:to\s+be\s+)?used|taken|as\s+needed|PRN|prn)\s+(?:only\s+)?(?:for|during)\s+"
    r"(?:the\s+|any\s+|occasional\s+|pain\s+)?)"
    # (nor an evaluator's allowance for the years ahead: "recommended future medical care to
    # include ... up to 12 visits of physical therapy a year for flare-ups", "allowance for
    # flare-ups")
    r"(?<!\b(?:(?:a|per|each)\s+year|annually|yearly)\s+(?:as\s+needed\s+)?for\s+(?:[\w-]+\s+)?)"
    r"(?<!\b(?:future\s+(?:medical\s+)?(?:care|treatment)|allow(?:ance|ed|s|ing)?|provisions?)\b"
    r"[^.;]{0,100}?\bfor\s+(?:[\w-]+\s+)?)"
    r"\b(?:flare(?:-|\s)?(?:up)?s?|exacerbation|"
    r"recurrence(?!s?\s*(?:or|and|/)\s*flare)|" rf"{categories.NEW_AGGRAVATION}|"
    # "On 09/15/2014 his low back pain recurred after a double shift of lifting"
    r"(?<=\b(?:pain|symptoms)\s+)recurred)\b"
    # (nor the guideline's figures named: "Utilization review applied the flare-up parameters")
    r"(?!\s+(?:parameters?|figures?|guidelines?|rule|allowance|provisions?|criteria)\b)",
    regex.IGNORECASE)
_NEGATED_FLARE = regex.compile(
    # "this is not a recurrence or flare-up but the continuation of the first course"
    r"\b(?:is|was|are|were)\s+not\s+(?:an?\s+)?(?:(?:new\s+)?(?:recurrence|injury)\s+or\s+(?:an?\s+)?)?"
    r"(?:flare|exacerbation|recurrence)|"
    # "the request does not represent elective/maintenance care or a recurrence after prior
    # successful chiropractic care"
    r"\b(?:does|did|do)\s+not\s+(?:represent|constitute|reflect|involve)\s+(?:[\w/-]+\s+){0,4}?"
    r"(?:or\s+)?(?:an?\s+)?(?:(?:new|acute|recent)\s+)?(?:flare|exacerbation|recurrence)|"
    # ("consistent with her longstanding symptoms rather than a new exacerbation"; not "rather
    # than treatment of a current flare-up", which has one)
    r"\b(?:rather\s+than|instead\s+of)\s+(?:an?\s+)?(?:(?:new|recent|acute|true|genuine)\s+)?"
    r"(?:flare(?:[- ]?ups?)?|exacerbations?|recurrences?)|"
    r"\b(?:no|without|denies|lack\s+of|(?:did|does|do)\s+not\s+"
    r"(?:describe|document|note|report|mention|indicate|show))\s+"
    # (the negation ends at a turn: "no treatment for more than four years and now has a
    # documented flare-up")
    # (nor at the flare the care waited for: "no further therapy until the current flare-up")
    # ("there was no mention of the applicant's having experienced any recent flare")
    # (nor at the flare that ended the time without: "went almost two years without
    # chiropractic treatment before sustaining a well-documented flare-up")
    r"(?:(?!(?:now|but|however|although|though|whereas|yet|until|till|before)\b)"
    r"[\w'\u2019-]+,?\s+){0,12}?"
    r"(?:(?:acute|recent|new)\s+)?(?:flare|exacerbation|recurrence)", regex.IGNORECASE)
# a reviewer's expectation is not a statement that the patient does one: "she should be carrying
# out a home exercise program"
_HEP = regex.compile(r"(?<!\b(?:should|would|could|must|needs?\s+to|(?:encouraged|advised|expected)"
                     r"\s+to)\s+(?:\w+\s+){0,4})"
                     # (nor one the therapy is to restart: "6 visits ... to review and restart his
                     # home program", "to re-establish an independent home program")
                     r"(?<!\b(?:restart|re-?start(?:ing)?|resume|resuming|re-?establish(?:ing)?|"
                     r"re-?instate|re-?instruction\s+(?:and\s+progression\s+)?(?:of|in)|"
                     # ("each session to include re-instruction and progression of his home
                     # exercise program")
                     r"returning\s+(?:him|her|them)\s+to)\s+"
                     r"(?:(?:his|her|their|the|an?)\s+)?(?:independent\s+)?)"
                     # (nor one still to come: "a home program would be sufficient", "allow a
                     # home program to be established")
                     r"\bhome\s+(?>(?:exercises?|stretching)(?:\s+(?:program(?:me)?|routine))?|"
                     r"program(?:me)?)\b(?!\s+(?:would|could|should|to\s+be|will)\b)|"
                     r"(?-i:\bHEP\b)|"
                     r"\b(?:exercises?|stretching)(?:\s+(?:program(?:me)?|routine))?\s+at\s+"
                     r"home\b|"
                     # "a home walking program", "a home cervical stretching and strengthening
                     # program", "a home desensitization program"
                     r"\bhome\s+(?:(?:walking|stretching|strengthening|desensitization|pool|"
                     r"cervical|lumbar|core|range[- ]of[- ]motion|and)\s+){1,4}program(?:me)?\b|"
                     # "She performs quadriceps sets and straight leg raises at home",
                     # "scapular stabilization exercises, which she performs at home"
                     r"(?<!\b(?:not|never)\s+)\b(?:performs?|performing|does|doing)\s+"
                     r"(?:(?!not\b|never\b)[\w-]+\s+){0,5}?(?:exercises?|stretch\w*|raises|sets)\b"
                     r"[^.;]{0,30}?\bat\s+home\b|"
                     r"\b(?:exercises?|stretch\w*|raises|sets)\b,?\s+which\s+(?:he|she|they)\s+"
                     r"(?:performs?|does|continues?)\s+at\s+home\b|"
                     # "she has been taught an independent pool program", "continued independent
                     # pool exercises"
                     # (not one to come: "a transition to an independent pool program")
                     r"(?<!\b(?:transition\w*|progress\w*|advance\w*|move(?:\s+on)?|moving(?:\s+on)?|lead|"
                     r"leading)\s+"
                     r"to\s+(?:an?\s+)?)\bindependent\s+(?:pool|home|gym)\s+(?:exercises?|"
                     r"program(?:me)?)\b",
                     regex.IGNORECASE)
# the programme was stopped or is not done: "had stopped her home exercises", "is not doing his
# home exercise program", "no home exercise program"
_NO_HEP = regex.compile(
    # "Since then he has stopped exercising because of pain and spasm"
    r"\b(?:has|had|have)\s+(?:since\s+)?stopped\s+(?:all\s+)?exercising\b|"
    # "She does not exercise on her own outside the supervised pool sessions"
    r"\b(?:does|did|do)\s+not\s+exercise\s+(?:on\s+(?:her|his|their)\s+own|independently|"
    r"at\s+home)\b|"
    # "he does not perform exercises at home"
    r"\b(?:does|did|do)\s+not\s+(?:do|perform|follow)\s+(?:any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:exercises?|stretching)\s+at\s+home\b|"
    # "She has never been instructed in a structured active exercise program", "he has never
    # been instructed in one"
    # ("He has not yet been instructed in a home exercise program")
    r"\b(?:has|had|have)\s+(?:not|never)\s+(?:yet\s+)?been\s+(?:instructed|taught|trained)\s+in\s+"
    r"(?:one\b|(?:an?|any)\s+(?:[\w-]+\s+){0,3}?(?:exercise\s+)?program(?:me)?\b)|"
    r"\b(?:(?:stopped|discontinued|quit|ceased|abandoned|gave\s+up)(?:\s+doing|\s+performing)?|"
    r"(?:(?:is|was|has\s+been|have\s+been|are|were)\s+not|(?:has|have|had)\s+not\s+been)\s+"
    r"(?:doing|performing|following|compliant\s+with|participating\s+in)|non-?compliant\s+with|no\s+longer\s+(?:does|doing|"
    r"performs|performing|follows)|(?:does|did)\s+not\s+(?:do|perform|follow)|without\s+(?:a|any)|"
    # "she has not been instructed in a home exercise program"
    r"(?:has|had|have)\s+(?:not|never)\s+been\s+(?:instructed|taught|trained|started)\s+(?:in|on)|"
    r"no)\s+(?:(?:her|his|their|the|a|any)\s+)?(?:home\s+(?:(?:exercises?|stretching)"
    r"(?:\s+(?:program(?:me)?|routine))?|program(?:me)?)|(?-i:HEP))\b|"
    # the negation over a list: "was not participating in physical therapy or a home exercise
    # program", "has not had physical therapy or instruction in a home exercise program"
    r"\b(?:(?:is|was|are|were)\s+not\s+participating\s+in|(?:has|have|had)\s+not\s+had)\s+"
    r"(?:[\w-]+\s+){1,4}?(?:or|nor)\s+(?:instruction\s+in\s+)?(?:an?\s+|any\s+)?home\s+"
    r"(?:exercises?(?:\s+program(?:me)?)?|program(?:me)?)\b|"
    # the record does not show one: "did not indicate that the patient is participating in an
    # active therapy program or a home exercise program"
    r"\b(?:(?:did|does|do)\s+not\s+(?:indicate|document|show|demonstrate|mention|establish)|"
    # ("no evidence found in the notes of her currently performing any home exercise program")
    r"no\s+(?:documentation|evidence|indication|mention|report))\s+(?:[\w-]+\s+){0,8}?"
    # ("there is no indication that she has been transitioned to an independent pool or home
    # exercise program")
    r"(?:participat\w+|perform\w*|doing|engaged|compliant|following|transitioned|enrolled|"
    # "no report of the worker continuing", not "no indication why she cannot continue"
    r"(?<!\b(?:not|cannot|unable\s+to)\s+)continu\w+)\s+"
    r"(?:(?:in|with)\s+)?"
    r"(?:[\w-]+\s+){0,6}?home\s+(?:exercises?|stretching|program(?:me)?)\b|"
    # ("no documentation of a trial of a home exercise program")
    r"\bno\s+(?:documentation|evidence|indication|mention)\s+of\s+(?:an?\s+|any\s+)?"
    r"(?:trial\s+of\s+(?:an?\s+)?)?"
    r"(?:ongoing\s+|current\s+)?home\s+(?:exercises?|stretching|program(?:me)?)\b|"
    # "The records do not document a current home exercise program"
    r"\b(?:did|does|do)\s+not\s+(?:document|indicate|show|describe|mention|reflect)\s+"
    r"(?:an?\s+|any\s+)?(?:ongoing\s+|current\s+|active\s+|regular\s+)?home\s+(?:exercises?"
    r"(?:\s+program(?:me)?)?|stretching|program(?:me)?)\b",
    regex.IGNORECASE)
_NOT_WORKING = regex.compile(
    # (not the state left behind: "the IW progressed from temporary total disability to
    # modified work")
    r"(?<!\bfrom\s+)"
    # (nor a state before the present one: "had returned to modified duty work ... after having
    # been placed off of work, on total temporary disability, on November 2, 2016")
    r"(?<!\bafter\s+(?:having\s+been|being)\s+[^.;]{0,60})"
    # ("He returned to modified duty ..., having been on temporary total disability since the
    # injury")
    r"(?<!,\s*having\s+been\s+(?:\w+\s+){0,2})"
    # ("a return to full duty after a period off work")
    r"(?<!\b(?:after|following)\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?(?:period|time|spell|stretch)"
    r"\s+(?:of\s+(?:being\s+)?)?)"
    # ("he returned to modified duty after nearly eight months of temporary total disability")
    r"(?<!\b(?:after|following)\s+(?:nearly\s+|almost\s+|about\s+|approximately\s+|over\s+|"
    r"more\s+than\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+(?:of\s+(?:being\s+)?)?)"
    r"\b(?:not\s+(?:yet\s+)?(?:returned|gone\s+back)\s+to\s+work|not\s+working|"
    # (not a period past, and its end: "He was off work from March to June 2015 and then
    # returned to modified duty")
    # (nor time off counted as a treatment given: "Treatment to date has included medications,
    # a coccyx cushion, and two weeks off work; he returned to modified duty")
    r"(?<!\b(?:\d+|a|one|two|three|four|five|six|several|few)\s+(?:days?|weeks?)\s+)"
    r"off\s+(?:of\s+)?work(?!\s+(?:from|between)\s+[^.;]{1,40}?\s+(?:to|until|through|and)\s+"
    r"[^.;]{1,30}?\s+(?:and\s+)?(?:then\s+)?(?:returned|went\s+back|resumed))|"
    # "He has not returned to his regular job, which requires kneeling" (not "has not yet
    # returned to his regular duties", said of a patient working modified duty)
    r"not\s+(?:yet\s+)?(?:returned|gone\s+back)\s+to\s+(?:his|her|their)\s+(?:usual|regular|"
    r"former|previous|prior|same)\s+(?:job|position|employment|occupation)\b|"
    r"temporarily\s+totally\s+disabled|(?:total\s+)?temporary\s+(?:total\s+)?disability|"
    r"\bTTD\b|remains\s+off|(?:has|have|had)\s+not\s+worked|(?:hasn't|hadn't)\s+worked|"
    r"(?:unable|not\s+able)\s+to\s+return\s+to\s+(?:[\w-]+\s+){0,4}?(?:work|job|duty|duties|"
    r"employment)|"
    # the employer cannot take the patient back: "The employer was noted to be unable to offer
    # modified work", "modified duty ..., not accommodated by the employer", "as modified duty
    # is no longer available"
    r"(?:unable|not\s+able|could\s+not|cannot|can't|did\s+not|does\s+not|would\s+not)\s+"
    r"(?:to\s+)?(?:offer|provide|accommodate)\s+(?:(?:the|his|her|any)\s+)?(?:modified|light|"
    r"restricted)\s+(?:work|duty|duties)|not\s+accommodated\s+by\s+(?:the|his|her)\s+employer|"
    # "Work status modified duty not accommodated."
    r"(?<=\b(?:modified|light|restricted)\s+(?:work|duty)\s+)(?:(?:is|was)\s+)?not\s+"
    r"accommodated\b|"
    r"(?:unable|not\s+able)\s+to\s+accommodate\s+(?:(?:the|his|her)\s+)?(?:work\s+)?"
    r"restrictions|(?:modified|light)\s+(?:work|duty)\s+(?:is|was)\s+(?:no\s+longer|not)\s+"
    r"(?:available|offered|accommodated)|"
    # "He remains on modified duty that the employer has not been able to accommodate",
    # "modified duty ..., which the employer has not accommodated"
    r"(?<=\b(?:modified|light|restricted)\s+(?:work|duty)\b[^.;]{0,80}?)(?:which|that)\s+(?:the|his|"
    r"her)\s+employer\s+(?:has|had|is|was|could|can|did|does)\s*(?:not|n't|unable\s+to)\s+"
    r"(?:been\s+able\s+to\s+|to\s+)?accommodat\w*|"
    # "She retired from the school district in 2014 and does not intend to return to work"
    r"(?:is|was|has|had|having|since|she|he)\s+retired|retired\s+(?:from|in)\b|"
    r"(?:does|did)\s+not\s+intend\s+to\s+return\s+to\s+work|"
    # "He was laid off in August 2013"
    r"(?:was|were|been|got|is)\s+laid\s+off)\b"
    # (not a state ended since: "He had been temporarily totally disabled from 04-2015 until he
    # returned to modified duty on 10-24-2016")
    r"(?![^.;]{0,80}?\buntil\s+(?:he|she|they|the\s+(?:patient|applicant|claimant|employee|"
    r"injured\s+worker))\s+(?:returned|went\s+back))",
    regex.IGNORECASE)
_DUTY = (r"(?:(?:his|her|their)\s+)?(?:full|modified|mod\.?|regular|usual(?:\s+and\s+customary)?|"
         r"light|restricted|limited|sedentary)\s+"
         # ("He has returned to light desk duty at the station")
         r"(?:work\s+|job\s+|desk\s+|clerical\s+|office\s+|administrative\s+)?dut(?:y|ies)")
_WORKING = regex.compile(
    # (not a condition: "if the applicant had in fact returned to work")
    rf"(?<!\b(?:if|whether|unless)\s+(?:[\w'-]+\s+){{0,5}})"
    # (nor one denied: "she continues to have weakness and has not returned to her regular work")
    rf"(?<!\b(?:not|never)\s+(?:yet\s+)?)"
    rf"\b(?:returned\s+to\s+(?:\w+[- ]){{0,3}}work|returned\s+to\s+{_DUTY}|back\s+at\s+work|"
    # a note's "RTW full duty" (not the goal: "goal RTW full duty")
    rf"RTW(?<!\b(?:goals?|plans?|planned|expected|anticipated|hoped?|aims?)\b[^.;]{{0,30}}RTW)"
    rf"\s+(?:to\s+)?{_DUTY}|"
    # a note's fragment: "Back to full duty 09/08/2014 per the PR-2 of 09/15/2014.", "Oswestry
    # 44% to 26%, back to full duty, no longer taking tramadol"
    rf"(?:(?<=^\W{{0,3}})|(?<=[.;:,]\s{{1,3}}))back\s+to\s+{_DUTY}|"
    # "she is back to her regular custodial duties", "went back to his usual job"
    rf"(?:is|was|are|were|went|gone|been)\s+back\s+to\s+(?:(?:his|her|their)\s+)?"
    rf"(?:(?:usual|regular|full|normal|former|same|prior|previous)\s+)(?:[\w-]+\s+)?"
    rf"(?:job|position|work|employment|occupation|duty|duties)|"
    # "had returned to his usual job", "Current work status is return to work with
    # restrictions", "She can return to work with modified duty", "was to perform modified duty"
    rf"returned\s+to\s+(?:his|her|their)\s+(?:usual|regular|former|same|prior)\s+(?:job|"
    rf"position|employment|occupation)|"
    # "resumed her full duty position as a certified nursing assistant"
    rf"resumed\s+(?:his|her|their)\s+(?:(?:full|regular|usual|modified|light)[- ]duty\s+)?"
    rf"(?:(?:usual|regular|former|same|prior)\s+)?(?:job|position|work|employment|duties)|"
    # "after he resumed full duty in 07/2016", "she was released to full duty"
    rf"(?:resumed|released\s+to|cleared\s+(?:for|to\s+return\s+to))\s+{_DUTY}|"
    # "modified duty with no climbing or kneeling, which the employer has accommodated"
    rf"(?:modified|light|restricted)\s+(?:work|duty)\b[^.;]{{0,60}}?,?\s+which\s+(?:the|his|her)\s+"
    rf"employer\s+(?:has\s+|had\s+)?(?:accommodated|provided)\b|"
    rf"work\s+status\s+(?:is|was)\s+(?:a\s+)?return\s+to\s+"
    rf"(?:work|{_DUTY})|(?:can|may|could|(?:is|was)\s+(?:currently\s+|now\s+)?able\s+to)\s+"
    # ("The injured worker is currently able to return to work with restrictions")
    rf"return\s+to\s+work\s+(?:with|on|at)\s+(?:\w+\s+)?"
    rf"(?:duty|restrictions|limitations)|(?:was\s+to\s+|to\s+)?perform(?:s|ing)?\s+{_DUTY}|"
    # "continued to work with restrictions." (not "continue to work on range of motion")
    rf"continu\w+\s+to\s+work(?:\s+(?:with(?:out)?\s+(?:restrictions|limitations)|"
    rf"(?:full|part)[- ]time|{_DUTY}))?(?=\s*[.,;])|"
    rf"continu\w+\s+to\s+work\s+with(?:out)?\s+(?:restrictions|limitations)|"
    # "She continues to work with a 20-pound lifting restriction", "with that restriction",
    # "with modified duties", "continues to work full shifts", "in a modified custodial position"
    rf"continu\w+\s+to\s+work\s+(?:with(?:out)?\s+(?:an?\s+|that\s+|the\s+|his\s+|her\s+|their\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:restrictions?|limitations?|limits?|dut(?:y|ies))\b|"
    rf"(?:full|regular)\s+shifts\b|in\s+an?\s+(?:modified|light|restricted)\b)|"
    # "He continued modified duty with a 20 pound lifting restriction"
    rf"continued\s+(?:with\s+)?{_DUTY}|"
    # "modified duty with a 10-pound lifting limit", "modified duty without knife use"
    rf"(?:modified|light|restricted)\s+dut(?:y|ies)\s+with(?:out)?\s+(?:an?\s+|no\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:lifting|restrictions?|limits?|use|gripping|standing|"
    rf"keyboarding|reaching|work)\b|"
    # "She continues her usual job with hourly breaks", "He works his regular job with
    # difficulty"
    rf"\b(?:continu\w+|works)\s+(?:his|her|their)\s+(?:usual|regular|normal|same)\s+"
    rf"(?:job|work|duties|position)\b|"
    # "Mod duty (keyboarding limited to 4 hrs/day)"
    rf"\bmod(?:ified)?\.?\s+duty\s*\(|"
    # "physical therapy helped her return to full duty", "Her employer increased her hours"
    rf"helped\s+(?:him|her|them)\s+(?:to\s+)?return\s+to\s+(?:work|{_DUTY})|"
    rf"employer\s+(?:has\s+)?increased\s+(?:his|her|their)\s+(?:work\s+)?(?:hours|schedule)|"
    # "her modified duty has been increased from four to six hours a day"
    rf"{_DUTY}\s+(?:has|have|had|was|were)\s+(?:been\s+)?(?:increased|extended|advanced)\b|"
    # "He has worked his usual job with restrictions"
    rf"(?:has|have)\s+worked\s+(?:his|her|their)\s+(?:usual|regular|normal|same)\s+"
    rf"(?:job|position|duties)|"
    # "the IW continues to work full time with no restrictions", "was to continue modified duty"
    rf"continu\w+\s+to\s+work\s+(?:full|part)[- ]time\b|continue\s+(?:with\s+)?{_DUTY}|"
    # in the list of treatment had: "Treatment rendered included ..., modified duty, and follow
    # up"
    rf"(?<=\b(?:treatments?|care)\s+(?:[\w-]+\s+){{0,3}}?(?:included|includes|consisted\s+of)\b"
    rf"[^.;]{{0,250}}?)(?<!\b(?:no|not|without|request\w*\s+for)\s+)"
    rf"modified\s+duty(?=\s*(?:,|and\b|\.|$))|"
    rf"work(?:s|ing)\s+with(?:out)?\s+restrictions|"
    # "the work status advanced from off work to modified duty", "progressed from temporary total
    # disability to modified work"
    # ("an increase from four hours a day to full-time work")
    rf"\bfrom\s+[^.;,]{{1,50}}?\s+to\s+(?:{_DUTY}|(?:modified|light|regular|full|restricted|"
    rf"(?:full|part)[- ]time)\s+work)|"
    # "three days off work, followed by modified duty with no patient transfers"
    rf"followed\s+by\s+(?:a\s+return\s+to\s+)?{_DUTY}|"
    # "She had increased her modified duty from 4 hours to 6 hours a day"
    rf"increased\s+{_DUTY}\s+from\b|"
    # "he has resumed selecting orders on the warehouse floor for 6-hour shifts"
    rf"resumed\s+[^.;]{{1,60}}?\bfor\s+(?:[\w-]+\s+){{0,2}}?shifts\b|"
    rf"(?:is|are|was|been)\s+working|currently\s+working(?!\s+at\s+least)|"
    rf"(?:able\s+to\s+)?work(?:ing|s)?\s+(?:on\s+)?{_DUTY}|"
    # "He has worked modified duty with no lifting over 25 pounds since 03/2018"
    rf"(?:has|have)\s+worked\s+(?:on\s+)?{_DUTY}|"
    # "She continues to work her usual job", "She works full time", "She has continued regular
    # duty", "she returned to full 8-hour shifts", "increased her work schedule from 4 to 6 hours"
    rf"continu\w+\s+to\s+work\s+(?:(?:his|her|their)\s+)?(?:usual|regular|normal|full|same)\s+"
    rf"(?:job|duties|duty|schedule|hours|position)|\bworks\s+(?:full|part)[- ]time|"
    # "She works four-hour shifts with a 20-pound lifting restriction"
    rf"\bworks\s+(?:[\w-]+\s+){{0,2}}?shifts\b|"
    rf"(?:has|have|had)\s+continued\s+(?:(?:on|at|with)\s+)?{_DUTY}|"
    rf"returned\s+to\s+(?:(?:his|her|their)\s+)?(?:usual|regular|normal|full)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:schedule|shifts?|hours)|increased\s+(?:his|her|their)\s+work\s+(?:schedule|hours)|"
    # "Work status modified duty", "Current work status: restricted", "unchanged at modified duty"
    rf"work\s+status:?\s+(?:(?:is|was|remains)\s+)?(?:{_DUTY}|restricted|modified\b)"
    rf"(?![^.;]{{0,20}}\bnot\s+accommodated)|"
    rf"unchanged\s+at\s+{_DUTY}|work\s+status\s+(?:for\s+(?:the\s+)?(?:[\w-]+\s+){{1,3}}?)?(?:(?:is|was)\s+"
    rf"(?:described|documented|listed|noted|reported|given)\s+)?(?:as|is|was|of)\s+"
    # ('noted the work status as "modified duty, no lifting"')
    rf"[\"\u201c]?(?:\w+\s+)?{_DUTY}|(?:continues|remains)\s+(?:on\s+|at\s+)?{_DUTY}|on\s+{_DUTY}|"
    # "Treatment to date includes modified work", "despite ... modified work activity"
    rf"(?<!\b(?:no|not|without|unavailable|offered|requested|recommended)\s+(?:\w+\s+){{0,2}})"
    rf"modified\s+(?:sedentary\s+|light\s+)?work(?:\s+activit(?:y|ies))?(?!\s+(?:was|is|were|"
    rf"has\s+been)\s+"
    rf"(?:not\s+)?(?:unavailable|not\s+available|recommended|requested|offered)))\b",
    regex.IGNORECASE)
_UNSTATED_WORK = regex.compile(r"\b(?:work\s+status\s+was\s+not\s+documented|did\s+not\s+state"
                               r"\s+whether\s+or\s+not\s+\w+\s+was\s+working|"
                               # (nor the story of an earlier claim: "a fracture ... treated under
                               # a separate claim ..., after which he returned to full duty")
                               r"(?:under|on|from|with)\s+(?:a|an|the)\s+(?:separate|different|"
                               r"prior|previous|earlier|another|other)\s+claim)\b",
                               regex.IGNORECASE)
UR_MODIFIED = regex.compile(
    # "certified 4 of the 8 requested acupuncture sessions"
    # ("modified the therapy request, certifying 4 of the 12 visits")
    rf"\b(?:certif(?:ied|ying)|approv(?:ed|ing)|authori[sz](?:ed|ing)|allow(?:ed|ing))\s+(?:only\s+)?"
    rf"(?P<n>{NUMBER})\s+of\s+(?:the\s+)?"
    rf"{NUMBER}\b(?=\s+(?:\w+\s+){{0,4}}?(?:sessions?|visits?|treatments?)\b|\s+requested\b)|"
    # ("certified massage therapy for 4 sessions, modifying the request for massage therapy 2
    # times a week for 4 weeks")
    rf"\b(?:certified|approved|authori[sz]ed|allowed)\s+(?:[\w-]+\s+){{0,4}}?for\s+"
    rf"(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:sessions?|visits?|treatments?)\b"
    rf"(?=,?\s+(?:thereby\s+|thus\s+|so\s+)?modifying\b)|"
    # UR's own words, in a 2013 summary taken from its report: "therefore 2 chiropractic visits
    # are certified and the remaining 4 visits are non-certified", "Therefore 2 weeks (10 days,
    # 80 hours) are certified, and the remaining 2 weeks are non-certified"
    rf"\b(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:sessions?|visits?|treatments?)\s+(?:are|is|were|"
    rf"was)\s+(?:certified|approved|authori[sz]ed)\b(?=,?\s+(?:and|but|while)\s+the\s+remaining\b)|"
    rf"\(\s*(?P<n>{NUMBER})\s+(?:full\s+)?days?\b[^()]{{0,30}}\)\s+(?:are|is|were|was)\s+"
    rf"(?:certified|approved|authori[sz]ed)\b(?=,?\s+(?:and|but|while)\s+the\s+remaining\b)|"
    # ("approved 4 and denied 8 of the requested chiropractic visits")
    rf"\b(?:certified|approved|authori[sz]ed|allowed)\s+(?P<n>{NUMBER})\s+and\s+(?:denied|"
    rf"non-?certified)\s+{NUMBER}\b|"
    # a programme's days, its hours given first: "modified the program to 40 hours (5 days)"
    rf"\bmodifi\w*\b(?:(?!\.\s)[^;]){{0,100}}?\bto\s+\d{{1,3}}\s+hours?\s*\(\s*"
    rf"(?P<n>{NUMBER})\s+(?:full\s+)?days?\s*\)|"
    # (or its days first: "modified the request to 5 days (40 hours)")
    rf"\bmodifi\w*\b(?:(?!\.\s)[^;]){{0,100}}?\bto\s+(?P<n>{NUMBER})\s+(?:full\s+)?days?\s*"
    rf"\(\s*\d{{1,3}}\s*(?:hours?|hrs?)\s*\)|"
    rf"\bmodifi\w*\b(?:(?!\.\s)[^;]){{0,100}}?\b(?:to|for|of)\s+(?:allow\s+(?:for\s+)?|"
    rf"(?:certify|authorize|approve|allow)\s+)?(?:(?:a|an)\s+)?"
    # ("modified the physical therapy request to a physical therapy evaluation and 6 visits")
    rf"(?:(?:[\w-]+\s+){{0,3}}?(?:evaluation|assessment|re-?evaluation|consultation)\s+"
    rf"(?:and|plus|with|\+)\s+)?(?:total\s+of\s+|initial\s+"
    # ("UR 12/9/16 modified PT to x2 for HEP transition")
    rf"(?:trial\s+of\s+)?|additional\s+)?(?:[x×#]\s*(?P<n>\d{{1,2}})\b(?![/.-]\d)|"
    rf"(?P<n>{NUMBER})(?!\s*(?:-|/)\s*\d)"
    # (not the schedule's weeks: "modified the request for physical therapy 3 times a week for 4
    # weeks to 6 sessions")
    rf"(?=\s+(?:(?!(?:weeks?|wks?|months?|to)\b)\w+\s+){{0,3}}?(?:sessions?|visits?|treatments?)\b|"
    rf"\s+only\b|\s*\)|\s*$|"
    rf"\s*[.,;]))",
    regex.IGNORECASE)
# a modification to a schedule: "modified the request for postoperative physical therapy to 2
# times a week for 3 weeks (6 sessions)" (its total is the schedule's)
_MODIFIED_TO = regex.compile(r"\bmodifi\w*\b(?:(?!\.\s)[^;]){0,100}?\bto\s+(?=\S)",
                             regex.IGNORECASE)
_UR_DENIED = regex.compile(r"\b(?:non-?certif\w*|denied|not\s+certified|deni(?:al|ed)|"
                           r"(?:did|does|would)\s+not\s+(?:certify|approve|authori[sz]e)|"
                           r"not\s+(?:medically\s+necessary|authorized|approved)|"
                           r"fail\w*\s+to\s+(?:approve|certify|authori[sz]e))\b",
                           regex.IGNORECASE)
# "partially approved a request for 12 sessions of physical therapy ... as six sessions of the
# same": the count UR allowed, after a partial approval
# ("partially certified the aquatic therapy for 4 sessions", not "a request for 12 sessions")
_PARTIAL_AS = regex.compile(rf"\b(?:as|(?<!\brequests?\s)for)\s+(?P<n>{NUMBER})\s+"
                            rf"(?:[\w-]+\s+){{0,3}}?(?:sessions?|visits?|"
                            rf"treatments?)\b", regex.IGNORECASE)
_PARTIAL_COUNT = regex.compile(rf"\s+(?:only\s+)?(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?"
                               rf"(?:sessions?|visits?|treatments?)\b", regex.IGNORECASE)
# a modification whose count is not in the sentence ("partially approved a request for ...",
# "The request for acupuncture was modified due to ...")
_UR_PARTIAL = regex.compile(r"\bpartial(?:ly)?\s+(?:approv|certif|authori[sz])\w*|"
                            r"\bmodifi(?:ed|cation)\b(?!\s+(?:duty|work|activit\w*|"
                            r"diet|barium))", regex.IGNORECASE)
# the IMR reviewer on the IMR's own limit, not UR's decision: "As the reviewer cannot modify the
# request, the request ... is not medically necessary"
_IMR_CANNOT_MODIFY = regex.compile(
    r"\b(?:(?:this|the|an?)\s+(?:IMR\s+|independent\s+)?reviewer|IMR|I)\s+(?:cannot|can\s*not|may\s+not|"
    r"(?:is|am)\s+(?:not\s+able|unable)\s+to|(?:is|am)\s+not\s+permitted\s+to)\s+"
    r"(?:modify|partially|certify\s+part)", regex.IGNORECASE)
# what the claims administrator already authorised of the original request (item preamble)
_AUTHORIZED = regex.compile(
    r"\bauthori[sz]ed\b|\bcertified\b|\bapproved\b", regex.IGNORECASE)
_UR = regex.compile(r"\b(?:utilization\s+review\w*|UR|claims\s+administrator|(?:prior|previous|"
                   r"original)\s+"
                   r"(?:review\w*|determination|denial)|previously\s+(?:review\w*|deemed|denied|"
                   r"non-?certified|modified)|reviewer|(?:was|were|is|are|has\s+been)\s+(?:modified|"
                   r"non-?certified|denied)|resulted\s+in\s+(?:a\s+)?(?:non-?certification|modification)|"
                   # a note's shorthand: "Chiropractic modified to 2 visits; MRI non-certified."
                   r"modified\s+to\s+(?:[x\u00d7#]\s*)?\d{1,2}\s+(?:visits?|sessions?|treatments?)"
                   r"(?!\s+(?:a|per|each)\s+week))\b",
                   regex.IGNORECASE)


def _sentences(text: ItemText):
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if not sentence.is_guideline_talk():
                yield part, sentence


def _elsewhere(dx: str, region: str | None) -> bool:
    """Does the diagnosis name body regions, none of them the item's?"""
    return categories.only_other_regions(dx, (region,))


def diagnosis(text: ItemText, region: str | None) -> tuple[Fact, Fact]:
    """(diagnosis, diagnosis_category). Among several diagnoses, those naming the item's body
    region are preferred, and then the first listed (categories.DIAGNOSIS_RANK)."""
    readings: list[Reading] = []
    narrative: set[int] = set()
    category_readings: list[Reading] = []
    listed: list[Reading] = []   # every category the diagnoses name, not of another region
    title_regions = _title_regions(text)
    for part, sentence in _sentences(text):
        m = sentence.search(_DIAGNOSED)
        if not m or _DX_COMORBID.search(sentence.text, max(0, m.start() - 40), m.start()):
            continue
        dx_text = m.group("dx").strip()
        # "(ICD-10 descriptions as listed by the treating provider): ..."
        if aside := _DX_ASIDE.match(dx_text):
            dx_text = " " * aside.end() + dx_text[aside.end():]
        if named := _DX_NAMED.match(dx_text):   # "treated for the diagnoses of ..."
            dx_text = " " * named.end() + dx_text[named.end():]
        if said := _DX_ATTRIBUTION.search(dx_text):   # "..., the treating provider reported"
            dx_text = dx_text[:said.start()]
        if _DX_OPENING.fullmatch(sentence.text, 0, m.start()) and \
                (main := _DX_MAIN_CLAUSE.search(dx_text)):
            dx_text = dx_text[:main.start()]
        start, end = _pieces_for_regions(dx_text, title_regions, text.side)
        if _NARRATIVE_DX.match(m.group()):
            narrative.add(len(readings))
        # without the list's punctuation or the quotation marks around it ('a diagnosis of
        # "lumbar radiculopathy."')
        piece = dx_text[start:end]
        start += len(piece) - len(piece.lstrip(_DX_TRIM))
        # "a crush injury of ...": one diagnosis is named without its article (the entries of
        # a list are quoted as the letter gives them)
        if (article := _DX_ARTICLE.match(dx_text, start, end)) and ";" not in dx_text[start:end]:
            start = article.end()
        # "treated for lumbar sprain/strain and for cervical strain": a later entry of the list
        # repeats the preposition
        if start > 0 and (again := _DX_FOR.match(dx_text, start, end)):
            start = again.end()
        end -= len(piece) - len(piece.rstrip(_DX_TRIM))
        # "status post right knee arthroscopy on 11-9-16": the operation's date is not part of
        # the diagnosis
        if tail := _DX_DATE_TAIL.search(dx_text, start, end):
            end = tail.start()
        # "cervical disc displacement w/o myelopathy (C5-6 protrusion per MRI 5/2013)", cut at
        # "per MRI": not an aside left open
        if (opened := dx_text.rfind("(", start, end)) >= 0 and ")" not in dx_text[opened:end]:
            end = len(dx_text[:opened].rstrip(_DX_TRIM))
        if end <= start or _DX_GENERIC.fullmatch(dx_text[start:end]) or \
                dx_text[start:end].isdigit():
            continue   # ("being treated for an acute injury": no diagnosis named; "as: 1.",
            # the number of a list the sentence ends before)
        readings.append(Reading(value=dx_text[start:end], part=part.name,
                                evidence=[sentence.evidence(m.start("dx") + start,
                                                            m.start("dx") + end)]))
        category = _category_for_region(sentence, m.start("dx"), dx_text, region,
                                        title_regions)
        if category is not None:
            value, start, end = category
            category_readings.append(Reading(
                value=value, part=part.name,
                evidence=[sentence.evidence(m.start("dx") + start, m.start("dx") + end)]))
            listed += [Reading(value=value, part=part.name,
                               evidence=[sentence.evidence(m.start("dx") + start,
                                                           m.start("dx") + end)])
                       for value, start, end in _category_for_region(
                           sentence, m.start("dx"), dx_text, region, title_regions, every=True)]
    # within a part, a list of diagnoses ("The diagnoses were ...") before a story ("she was
    # diagnosed with a meniscal tear and underwent ...")
    # (and, before both, a diagnosis that does not name only other body regions than the item's:
    # "The diagnosis is left greater trochanteric bursitis" is not the ankle's)
    readings = [r for _, r in sorted(enumerate(readings),
                                     key=lambda ir: (_elsewhere(ir[1].value, region),
                                                     ir[0] in narrative, ir[0]))]
    # a complaint ("continues to be treated for low back pain") gives way to a diagnosis the
    # letter names elsewhere ("diagnosed as having lumbar spine sprain, ...")
    named = [r for r in readings if not _DX_COMPLAINT.fullmatch(r.value)]
    if named:
        readings = named
    if not readings or all(_elsewhere(r.value, region) for r in readings):
        # (and where the diagnoses named are only of other regions: "the diagnosis for the
        # shoulder is ...", for wrist therapy after "Electrodiagnostic studies ... showed
        # moderate bilateral carpal tunnel syndrome")
        found = _findings_named(text, region)
        if not readings or (found and not _elsewhere(found[0].value, region)):
            readings = found
    complaint_only = not readings
    if complaint_only:
        readings = _claimed_complaints(text)
    # the rationale's short name for a diagnosis the summary lists in full ("The lumbar
    # diagnosis is radiculopathy" of "..., lumbar radiculopathy, ..."): the list's words
    if readings and readings[0].part == "rationale" and (fuller := next((
            r for r in readings[1:] if r.part == "summary"
            and len(r.value) > len(readings[0].value)
            and regex.search(rf"\b{regex.escape(readings[0].value)}\b", r.value,
                             regex.IGNORECASE)), None)):
        readings = [fuller, *(r for r in readings[1:] if r is not fuller)]
    dx = resolve(readings, RECORD_ORDER) if readings else Fact.unknown(
        "the letter states no diagnosis")
    if not category_readings:
        # no "diagnosed with" sentence: a diagnosis word in a sentence about the case
        for part, sentence in _sentences(text):
            if sentence.mentions_guidelines() or not sentence.about_case():
                continue
            found = _category_for_region(sentence, 0, sentence.text, region, title_regions)
            if found:
                value, start, end = found
                category_readings.append(Reading(value=value, part=part.name,
                                                 evidence=[sentence.evidence(start, end)]))
    if not category_readings:
        # the reviewer names the condition the guideline line is for as the case's ("... for
        # myalgias and myositis of various body parts, the diagnosis reportedly present here")
        for part, sentence in _sentences_all(text):
            if (here := sentence.search(_PRESENT_HERE)) is None:
                continue
            found = list(categories.mentions(categories.DIAGNOSIS,
                                             sentence.text[:here.start()]))
            if found:
                last = found[-1]
                # "myalgias and myositis": the guideline's whole name for it
                start = min(m.start for m in found if m.value == last.value
                            and last.start - m.end < 20)
                category_readings.append(Reading(value=last.value, part=part.name,
                                                 evidence=[sentence.evidence(start,
                                                                             last.end)]))
    if not category_readings:
        if dx.known and not complaint_only:   # (a complaint is no diagnosis category)
            return dx, Fact(value="other", known=True, evidence=dx.evidence,
                            note="the diagnosis stated is none of the guideline categories")
        return dx, Fact.unknown("no diagnosis in the letter maps to a guideline category")
    if applied := _radiculitis_applied(text, listed):
        return dx, resolve(applied, RECORD_ORDER, note=(
            "of the case's diagnoses, the radiculitis whose figure alone the reviewer cites in "
            "this item's rationale"))
    rank = categories.DIAGNOSIS_RANK
    return dx, resolve(category_readings, RECORD_ORDER, rank=rank,
                       rank_reason="a condition with rules of its own, else the diagnosis "
                                   "listed first, wins")


# a guideline figure of visits: "8-10 visits over 4 weeks", "10-12 visits over 8 weeks"
_VISIT_FIGURE = regex.compile(r"\b\d{1,2}\s*(?:-|to)\s*\d{1,2}\s+(?:visits|sessions|treatments)\b",
                              regex.IGNORECASE)
_RADICULITIS = DiagnosisCategory.neuritis_radiculitis.value


def _radiculitis_applied(text: ItemText, listed: list[Reading]) -> list[Reading]:
    """Where the case's diagnoses include radiculitis beside another category ("cervical sprain
    with C6 radiculitis", "lumbar disc protrusion ... and left L5 radiculitis") and the item's
    rationale cites the radiculitis figure and no other diagnosis' ("For neuralgia, neuritis and
    radiculitis, unspecified, they recommend 8-10 visits over 4 weeks"), the reviewer decided
    under radiculitis, which has a figure of its own. (Only radiculitis: reviewers cite the
    myalgia figure for sprains and strains, which have none in the MTUS.)"""
    case = {r.value for r in listed}
    if _RADICULITIS not in case or len(case) < 2:
        return []
    cited: set[str] = set()
    for sentence in text.rationale.sentences():
        if sentence.search(_VISIT_FIGURE):
            cited |= {m.value for m in categories.mentions(categories.DIAGNOSIS, sentence.text)}
    if cited != {_RADICULITIS}:
        return []
    return [r for r in listed if r.value == _RADICULITIS]


_NO_OPERATION = regex.compile(
    r"\b(?:treated\s+)?non-?(?:operative|surgical)(?:ly)?(?:\s+(?:with|care|treatment|"
    r"management))?|\bnot\s+(?:a\s+)?(?:surgical\s+)?candidate\s+for\s+surgery|"
    r"\bnot\s+a\s+surgical\s+candidate|\bno\s+(?:history\s+of\s+|prior\s+|previous\s+)?"
    r"surger(?:y|ies)\b|"
    # "6 weeks of cast immobilization without surgery"
    r"\bwithout\s+(?:any\s+)?(?:surgery|surgical\s+(?:intervention|treatment)|an\s+operation)\b|"
    # "treated with closed reduction and casting", "She has not had surgery to the lumbar
    # spine", "still considering an L4-L5 microdiscectomy"
    r"\bclosed\s+reduction\b(?!\s+(?:and|with)\s+(?:percutaneous\s+)?(?:pinning|"
    r"(?:internal|external)\s+fixation))|\b(?:has|had|have)\s+not\s+(?:had|undergone)\s+(?:any\s+)?"
    r"surger(?:y|ies)\b|\b(?:still\s+)?considering\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:surgery|\w*ectomy|\w*otomy|fusion|arthroscopy|arthroplasty|repair|release)\b",
    regex.IGNORECASE)
_PRESENT_HERE = regex.compile(r"\b(?:the\s+diagnos[ie]s\s+(?:\w+\s+)?|as\s+(?:is|are|was|were)"
                              r"(?:/(?:is|are))?\s+)present\s+here\b", regex.IGNORECASE)


def _sentences_all(text: ItemText):
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            yield part, sentence


def _title_regions(text: ItemText) -> set[str]:
    return {m.value for m in categories.mentions(categories.BODY_REGION, text.title.view.folded)
            if m.value != "limb"}


# diagnoses in a list: ';', 'and', or a comma that does not sit inside an ICD-10 description
# ("strain of muscle, fascia and tendon of lower back, subsequent encounter")
# (the side and site of an ICD-10 description, "..., right knee, initial encounter", "...,
# left upper limb", belong to it; "..., right shoulder impingement" is the next diagnosis)
# (not two spine regions of one diagnosis: "myalgia of the thoracic and lumbar paraspinal muscles")
_SPINE_WORD = r"(?:cervical|thoracic|lumbar|lumbosacral)"
# (not inside the MTUS's own name "myalgia and myositis")
_DX_SEPARATOR = regex.compile(r"\s*(?:;|(?:,\s*)?\band\b(?!\s+(?:tendon|ligaments?))"
                              r"(?!(?<=\bmyalgias?\s+and)\s+myositis\b)"
                              rf"(?!(?<=\b{_SPINE_WORD}\s+and)\s+{_SPINE_WORD}\b)|"
                              r",(?!\s*(?:fascia|and\s+(?:tendon|ligament)|"
                              r"unspecified|subsequent|initial|mid|other|cervical\s+region|"
                              r"lumbar\s+region|current|(?:left|right|bilateral)\s+"
                              r"(?:upper\s+|lower\s+)?(?:knee|shoulder|elbow|wrist|hand|ankle|"
                              # (with its code: "osteoarthritis, right knee (M17.11);")
                              r"foot|hip|limb|arm|leg|forearm|thigh|side)s?"
                              r"(?:\s*\([A-Z]?\d[\w.]*\))?\s*(?:,|;|\band\b|$))))"
                              r"\s*", regex.IGNORECASE)


# where no sentence names a diagnosis: the condition the record shows it by ("An MRI of the right
# shoulder on 10/30/2013 showed a full-thickness tear of the supraspinatus tendon",
# "Electrodiagnostic studies on 05/03/2016 showed moderate right carpal tunnel syndrome"), the
# injury's own name ("sustaining a left trimalleolar ankle fracture"), or the condition named
# before the word ("where cervical strain and thoracic strain were diagnosed")
_DX_FINDINGS = tuple(regex.compile(p, regex.IGNORECASE) for p in (
    r"\b(?:MRI|MR\s+arthrogram|MRI\s+arthrogram|X-?rays?|radiographs?|CT(?:\s+scan)?|"
    r"electrodiagnostic\s+(?:studies|study|testing)|EMG(?:/NCV)?|nerve\s+conduction\s+"
    r"(?:studies|study))\b[^.;]{0,80}?\b(?:showed|revealed|demonstrated|confirmed)\s+"
    r"(?:an?\s+)?(?P<dx>[^.;]{3,160}?)(?=,?\s+with\b|,\s|\s+and\s+(?:an?\s+)?(?:mild|no|normal|"
    r"intact|underwent|was|had)\b|\s+measuring\b|\s*[.;]|$)",
    r"\b(?:sustained|sustaining|suffered|suffering)\s+(?:an?\s+)?(?P<dx>[^.;,]{3,120}?"
    r"\b(?:fractures?|tears?|ruptures?|dislocations?|sprains?|strains?))\b",
    r"(?:^|,\s*+|\b(?:where|when)\s+)(?:an?\s+|the\s+)?(?!(?:where|when|which|and|but)\b)"
    r"(?P<dx>[^.;,]{3,120}?)\s+(?:was|were)\s+"
    r"(?:then\s+|subsequently\s+|later\s+)?diagnosed\b(?!\s+(?:with|as|by)\b)",
))
# a finding names a condition: the words that make it a diagnosis
_DX_CONDITION = regex.compile(
    r"\b(?:tears?|fractures?|ruptures?|syndrome|neuropathy|sprains?|strains?|herniation|"
    r"protrusions?|stenosis|arthritis|osteoarthritis|tendin\w+|impingement|contusion|"
    r"radiculopathy|dislocation|instability|bursitis|epicondylitis|fasciitis)\b",
    regex.IGNORECASE)


def _findings_named(text: ItemText, region: str | None) -> list[Reading]:
    """The condition a test or the injury names, where no sentence names a diagnosis (one that
    names the item's body region first)."""
    readings = []
    for part, sentence in _sentences(text):
        for pattern in _DX_FINDINGS:
            m = sentence.search(pattern)
            if m is None or not _DX_CONDITION.search(m.group("dx")):
                continue
            start, end = m.span("dx")
            if said := _DX_ATTRIBUTION.search(sentence.text, start, end):
                end = said.start()
            readings.append(Reading(value=sentence.text[start:end], part=part.name,
                                    evidence=[sentence.evidence(start, end)]))
            break
    return sorted(readings, key=lambda r: _elsewhere(r.value, region))


def _claimed_complaints(text: ItemText) -> list[Reading]:
    """The complaint a claim was filed for ("has filed a claim for chronic low back pain
    reportedly associated with an industrial injury"), where the letter names no diagnosis."""
    readings = []
    for part, sentence in _sentences(text):
        if (m := sentence.search(_DX_CLAIM)) and not _DX_GENERIC.fullmatch(m.group("dx")):
            readings.append(Reading(value=m.group("dx"), part=part.name,
                                    evidence=[sentence.evidence(m.start("dx"), m.end("dx"))]))
    return readings


def _pieces_for_regions(dx_text: str, regions: set[str],
                        side: str | None = None) -> tuple[int, int]:
    """The stretch of a list of diagnoses that names the item's regions ('lumbar sprain/strain'
    of 'cervical sprain/strain and lumbar sprain/strain' for a low-back item) and, when the title
    names a side, that side ('carpal tunnel syndrome, left upper limb' of the left and right
    ones); a diagnosis naming no region (myofascial pain) stays with its neighbours. All of it
    when no piece, or every piece, names them."""
    if not regions:
        return 0, len(dx_text)
    pieces, pos = [], 0
    for sep in list(_DX_SEPARATOR.finditer(dx_text)) + [None]:
        end = sep.start() if sep else len(dx_text)
        if end > pos:
            pieces.append((pos, end))
        pos = sep.end() if sep else pos
    def sided(a: int, b: int) -> bool:
        return not other_side(dx_text[a:b], side)

    def placed(a: int, b: int) -> bool:
        # (a limb holds the item's joint: "complex regional pain syndrome of the right upper
        # limb" for a wrist request)
        where = categories.body_region(dx_text[a:b])
        # (a spine's diagnosis with its radiation: "lumbar disc protrusion at L5-S1 with left
        # lower extremity radiculitis")
        if where == "multiple" and len(besides_limb := {
                m.value for m in categories.mentions(categories.BODY_REGION, dx_text[a:b])}
                - {"limb"}) == 1:
            where = besides_limb.pop()
        elif where == "multiple" and besides_limb & regions and \
                besides_limb <= categories.SPINE_REGIONS:
            return True   # ("myalgia of the thoracic and lumbar paraspinal muscles")
        return where in regions or (where == "unspecified"
                                    and bool(regions & categories.LIMB_PARTS))

    named = [(a, b) for a, b in pieces if placed(a, b) and sided(a, b)]
    if not named:
        return 0, len(dx_text)
    # no piece of another region or side: the whole list is the item's ("myalgia and myositis,
    # unspecified (M79.1, M60.9), cervicothoracic myofascial pain, cervical strain ...")
    if all((a, b) in named or (sided(a, b) and categories.body_region(dx_text[a:b]) is None)
           for a, b in pieces):
        return 0, len(dx_text)
    # the named pieces, each with the unnamed ones that follow it at once ("lumbar strain and
    # myofascial pain", not the myalgia after a wrist diagnosis)
    kept: list[tuple[int, int]] = []
    last = -2
    for i, (a, b) in enumerate(pieces):
        if (a, b) in named or (last == i - 1 and sided(a, b)
                               and categories.body_region(dx_text[a:b]) is None):
            kept.append((a, b))
            last = i
    if len(kept) == len(pieces):
        return 0, len(dx_text)
    return kept[0][0], kept[-1][1]


def _category_for_region(sentence: Sentence, offset: int, dx_text: str, region: str | None,
                         named: set[str] = frozenset(), every: bool = False):
    """The category of the diagnosis that names the item's region (for a request for several
    regions, one of those the title names), else of any diagnosis naming no other region; among
    them a condition with rules of its own, else the first listed. With `every`, all the
    categories not placed on another region, in that order."""
    # the list's pieces, an ICD-10 description ("Strain of muscle, fascia and tendon of lower
    # back") kept whole
    phrases = []
    pos = 0
    for sep in list(_DX_SEPARATOR.finditer(dx_text)) + [None]:
        end = sep.start() if sep else len(dx_text)
        if end > pos:
            phrases.append((dx_text[pos:end], pos))
        pos = sep.end() if sep else pos
    scored = []
    for piece, start in phrases:
        found = list(categories.mentions(categories.DIAGNOSIS, piece))
        if not found:
            continue
        piece_region = categories.body_region(piece)
        # (a limb, "of the right upper extremity", names no other region)
        piece_regions = {m.value for m in categories.mentions(categories.BODY_REGION, piece)
                         } - {"limb"}
        matches_region = region in (None, "multiple", "unspecified") or region in piece_regions
        if not matches_region and piece_regions:
            continue
        for f in found:
            if _NEGATED_DX.search(piece[: f.start]):
                continue  # "cervical strain without radiculopathy"
            # a condition of a limb is not the spine's ("complex regional pain syndrome I of
            # left lower limb", of a neck item), unless a nerve root's ("radiculopathy of the
            # left lower extremity" is the low back's)
            # (nor one of a spinal level: "L5-S1 disc protrusion with left lower extremity
            # radiculopathy")
            if region in categories.SPINE_REGIONS and piece_region == "unspecified" and \
                    f.value != DiagnosisCategory.neuritis_radiculitis.value and \
                    categories.spinal_level(piece) is None:
                continue
            # a piece placed on a limb only, or a condition with rules of its own placed
            # nowhere ("complex regional pain syndrome type I"), is not another region's
            unplaced = not piece_regions and (piece_region == "unspecified"
                                              or categories.DIAGNOSIS_RANK.get(f.value) == 0)
            # (one diagnosis of two spine regions, the item's among them: "myalgia of the
            # thoracic and lumbar paraspinal muscles")
            spine = region in piece_regions and piece_regions <= categories.SPINE_REGIONS
            scored.append((0 if piece_region == region or piece_region in named or unplaced
                           or spine else 1,
                           categories.DIAGNOSIS_RANK.get(f.value, 99),
                           start + f.start, start + f.end, f.value))
    if not scored:
        return None
    scored.sort()
    if every:
        return [(value, start, end) for _, _, start, end, value in scored]
    _, _, start, end, value = scored[0]
    return value, start, end


# what a "chronic" describes: "chronic neck, low back, and bilateral knee pain"
_CHRONIC_WHAT = regex.compile(r"[^.;:]{0,80}?\b(?:pain|strain|sprain|conditions?|complaints?|"
                              r"symptoms?|syndrome|injur\w+)\b", regex.IGNORECASE)


def chronic(text: ItemText, injury: Fact, as_of: Fact, service: Fact | None = None,
            regions: frozenset[str] = frozenset()) -> Fact:
    """Stated, or derived from the injury's age at the request (for a retrospective request,
    at the first date of service: the care under review began then). A statement about another
    body region than the item's ("oxycodone for chronic low back pain", of shoulder therapy)
    says nothing of this one."""
    regions = regions & NAMED_REGIONS
    readings: list[Reading] = []
    for part, sentence in _sentences(text):
        if (m := sentence.search(_CHRONIC)) and part.name == "rationale" and \
                not sentence.about_case():
            continue   # the studies a reviewer quotes: "as effective as standard medical care
            # in chronic pain syndromes"
        if m and (what := _CHRONIC_WHAT.match(sentence.text, m.end())) and \
                categories.only_other_regions(what.group(), regions):
            continue
        if m:
            readings.append(Reading(value=True, part=part.name,
                                    evidence=[sentence.evidence(m.start(), m.end())]))
        elif m := sentence.search(_ACUTE):
            readings.append(Reading(value=False, part=part.name,
                                    evidence=[sentence.evidence(m.start(), m.end())]))
        elif (m := sentence.search(_INJURY_AGE)) and not _FLARE_OF.search(sentence.text, 0,
                                                                           m.start()):
            # "the injury is about 4 weeks old", "nearly 8 months after the injury" (not the age
            # of a flare-up: "a flare-up of low back pain of two weeks' duration")
            readings.append(Reading(value=_elapsed_months(m) >= CHRONIC_MONTHS,
                                    part=part.name,
                                    evidence=[sentence.evidence(m.start(), m.end())]))
        elif (m := sentence.search(_PAIN_SINCE_YEAR)) and as_of.known:
            # "low back pain since 2014": chronic when even the year's last day is 3 months
            # or more before the request
            year = int(m.group("year"))
            if months_between(dt.date(year, 12, 31), as_of.value) >= CHRONIC_MONTHS:
                readings.append(Reading(value=True, part=part.name,
                                        evidence=[sentence.evidence(m.start(), m.end())]))
    to, when = as_of, "request"
    if service is not None and service.known:
        to, when = service, "the first date of service"
    derived, unknown_note = None, "not stated, and the injury or request date is unknown"
    if injury.known and to.known and injury.value > to.value:
        # the letter's dates disagree (a header's injury date typed after the request's): the
        # injury's age is unknown, not negative
        unknown_note = (f"not stated, and the injury date ({injury.value}) is after the {when} "
                        f"({to.value}): one of the letter's dates is wrong")
    elif injury.known and to.known:
        months = months_between(injury.value, to.value)
        derived = Fact(value=months >= CHRONIC_MONTHS, known=True,
                       evidence=injury.evidence + to.evidence,
                       note=f"derived: {months} months from injury to {when}; chronic pain is "
                            f"pain lasting {CHRONIC_MONTHS} months or more (8 CCR 9792.20(b))")
    if readings:
        stated = resolve(readings, RECORD_ORDER, note="stated in the letter")
        if derived is not None and stated.known and stated.value == derived.value:
            # the dates agree with the statement: both are its evidence
            return stated.model_copy(update={"evidence": stated.evidence + derived.evidence})
        return stated
    # the injury's age said in another item's rationale ("the medical records reveal the injury
    # is about five weeks old", of a drug) is the same claim's
    aged = [Reading(value=_elapsed_months(m) >= CHRONIC_MONTHS, part=part.name,
                    evidence=[sentence.evidence(m.start(), m.end())])
            for part in text.other_rationales() for sentence in part.sentences()
            if sentence.about_case() and (m := sentence.search(_INJURY_AGE))]
    if derived is not None:
        return derived.model_copy(update={"evidence": derived.evidence + [
            e for r in aged if r.value == derived.value for e in r.evidence]})
    if aged:
        return resolve(aged, RECORD_ORDER, note="stated in another item's rationale")
    return Fact.unknown(unknown_note)


def months_between(start, end) -> int:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


# operations that fix a fracture: the fracture is the injury's, so the operation follows it
_FRACTURE_FIXATIONS = frozenset({"radius_ulna_orif", "ankle_orif", "femur_neck_orif"})


def fixation_after_injury(surgery_date: Fact, category: Fact, injury: Fact,
                          as_of: Fact) -> Fact:
    """An undated fixation of the claim's fracture ("right distal radius fracture status post
    closed reduction and percutaneous pinning") lies between the injury and the request: the
    interval the postsurgical period is decided on when every day of it gives one answer."""
    if surgery_date.known or surgery_date.earliest or not (
            category.known and category.value in _FRACTURE_FIXATIONS
            and injury.known and as_of.known and injury.value <= as_of.value):
        return surgery_date
    return Fact(known=False, earliest=injury.value, latest=as_of.value,
                evidence=injury.evidence + as_of.evidence,
                note=f"the letter does not date the fixation of the claim's fracture: it lies "
                     f"between the injury ({injury.value.isoformat()}) and the request (on or "
                     f"before {as_of.value.isoformat()})")


def operation_days(surgery_date: Fact) -> list[dt.date]:
    """The days the operation may have been: its day, or the first and last day of the month
    that dates it ("in March of 2016"); none when it is not dated."""
    if surgery_date.known:
        return [surgery_date.value]
    if surgery_date.earliest and surgery_date.latest:
        return [surgery_date.earliest, surgery_date.latest]
    return []


def within_period(surgery_date: Fact, as_of: dt.date, period_months: int) -> bool | None:
    """Whether `as_of` falls within `period_months` after the operation, for every day it may
    have been; None when it is not dated or its month straddles the period's end (the day would
    decide)."""
    answers = {0 <= months_between(day, as_of) < period_months
               for day in operation_days(surgery_date)}
    return answers.pop() if len(answers) == 1 else None


# a side word in the name of the operation, just before it ("the right knee surgery"), not one of
# two ("the left and right knee surgeries")
_SIDE_JUST_BEFORE = regex.compile(r"(?<!\b(?:and|or)\s+)\b(?:left|right)\s+(?:[\w-]+\s+){0,2}$",
                                  regex.IGNORECASE)
_SIDE_JUST_AFTER = regex.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:for|of|to|on)\s+"
                                 r"(?:the\s+|his\s+|her\s+)?(?:left|right)\b(?!\s+(?:and|or)\b)",
                                 regex.IGNORECASE)


def surgery(text: ItemText, regions: frozenset[str] = frozenset()) -> tuple[Fact, Fact, Fact]:
    """(surgery, surgery_date, surgery_category). A named surgery wins over a bare mention
    ('post-surgical', 'status post'). An operation on another body region than the item's
    (a carpal tunnel release, for neck therapy; a shoulder repair, for neck and upper back
    acupuncture) is not this item's surgery."""
    regions = regions & NAMED_REGIONS
    elsewhere: list[Evidence] = []
    readings: list[Reading] = []
    category_readings: list[Reading] = []
    date_readings: list[tuple[str, Reading]] = []
    # an operation dated by its month or year only, or relative to a dated note: (operation,
    # (earliest, latest), evidence, how the letter dates it)
    month_readings: list[tuple[str, tuple[dt.date, dt.date], Evidence, str]] = []
    noted: dict[str, dt.date] = {}   # per part: the last date of the sentences read so far
    # (operation, its day, its reading): named operations said with their own day only
    # (..., its region, the reading of its day)
    named_dates: list[tuple[str, dt.date, Reading, str | None, Reading]] = []
    unplaced = 0   # bare mentions naming no region ("a postoperative visit")
    claimed_keys: set[str] = set()   # operations named as another claim's or injury's
    other_sides: set[str] = set()   # operations named on the other side than the item's
    unsided: list[str | None] = []  # per reading: its operation, where it names no side
    bare: list[bool] = []           # per reading: a bare mention naming no region
    by_name: list[bool] = []        # per reading: an operation named ("hip arthroscopy"), not a
    # bare "post-operative" or "status post"
    part_of: dict[str, str] = {}    # a procedure -> the operation it was part of
    for part, sentence in _sentences(text):
        _joined_procedures(sentence.text, part_of)
        # "Date of surgery is August 30, 2016.": the date of the operation the letter names
        # elsewhere (a named operation's own date, where there is one, comes first)
        for stated in _SURGERY_DATE_STATED.finditer(sentence.text):
            if (d := next(iter(find_dates(sentence.text[stated.end():stated.end() + 40])),
                          None)) and d.start == 0:
                date_readings.append(("stated", Reading(
                    value=d.value, part=part.name,
                    evidence=[sentence.evidence(stated.end() + d.start,
                                                stated.end() + d.end)])))
        # "he had surgery three weeks ago" (at a dated visit): the operation the letter names
        # elsewhere, dated back from the note
        # ("6 weeks s/p the arthroscopy", "POD #10": the patient's time since it)
        whens = [w.end() for w in _SURGERY_WHEN.finditer(sentence.text)] + [
            r.start() for r in RELATIVE.finditer(sentence.text) if r.group("pod") or r.group("n2")]
        for when in whens:
            # (not of an operation on another side or region: "3 weeks after surgery, the right
            # wrist incision was healed", for the left wrist's therapy)
            near = sentence.text[max(0, when - 80):when + 80]
            placed = categories.body_region(near)
            if other_side(near, text.side) or (
                    regions and placed in NAMED_REGIONS and placed not in regions):
                continue
            if relative := _relative_to_note(sentence.text, when, when, noted.get(part.name),
                                             before=0):
                _add_relative("stated", relative, part, sentence, date_readings,
                              month_readings)
        # an operation outside the musculoskeletal system (a bowel resection) is no operation
        # of the postsurgical guidelines; a bare "status post" beside it is of it
        other = [sentence.evidence(o.start, o.end)
                 for o in categories.mentions(categories.OTHER_OPERATION, sentence.text)]
        elsewhere += other
        # one sentence naming several procedures ("arthroscopy with rotator cuff repair and
        # subacromial decompression") is read most specific first, as the pre-check reads them
        not_done = False   # an operation the sentence names as not (yet) done
        for m in sorted(categories.mentions(categories.SURGERY, sentence.text),
                        key=lambda m: categories.SURGERY_ORDER[m.value]):
            if _NO_SURGERY.search(sentence.text[max(0, m.start - 60):m.start]) and \
                    not _DONE_AFTER.match(sentence.text, m.end):
                not_done = True
                continue
            # ("requested an L4-5 fusion, a three-day inpatient stay, and post-operative
            # physical therapy": the therapy for after it)
            if (other or not_done) and m.value == "surgery_unspecified":
                continue
            # ("Postoperative therapy can be requested once the release is performed": the
            # operation to come)
            if m.value == "surgery_unspecified" and sentence.search(_ONCE_DONE):
                continue
            # ("A Request for Authorization dated 1/17/14 asked for excision of the volar
            # ganglion cyst of the right wrist, postoperative occupational therapy 12 visits
            # ...": the therapy for after an operation asked for with it)
            if m.value == "surgery_unspecified" and _POSTOP_EVENT.match(sentence.text, m.end) \
                    and _ASKED_IN.search(sentence.text, 0, m.start):
                continue
            if _NOT_DONE_AFTER.match(sentence.text, m.end) and \
                    not _DONE_AFTER.match(sentence.text, m.end):
                continue
            if _WOULD_AFTER.match(sentence.text, m.end) or \
                    _FIGURE_FOR.search(sentence.text, max(0, m.start - 60), m.start):
                continue   # "Carpal tunnel release alone would allow 3-8 visits", "applying
                # the figure for arthroscopic acromioplasty alone": the guideline's case, not
                # the patient's operation
            start, end = m.start, m.end
            done = False   # named as an operation the patient had ("underwent ...")
            # the whole name of the operation the patient had ("underwent left knee anterior
            # cruciate ligament reconstruction with hamstring autograft on October 4, 2016")
            named = categories.mentions(categories.SURGERY, sentence.text)
            for whole in _OPERATION.finditer(sentence.text):
                # (not a treatment had, whose clause goes on to the operation: "He has not had
                # physical therapy since 2013, so the therapy given after the 2012 fusion ...")
                if whole.start("what") <= m.start and m.end <= whole.end("what") and \
                        categories.first(categories.MODALITY,
                                         sentence.text[whole.start("what"):m.start]) is None:
                    # (two operations named in it: each is its own)
                    # (one joined to it by "with" is part of it: "arthroscopic rotator cuff
                    # repair with subacromial decompression")
                    if not any(n.value != m.value and whole.start("what") <= n.start
                               and n.end <= whole.end("what")
                               and not _WITH_ADJUNCT.search(
                                   sentence.text[min(m.end, n.end):max(m.start, n.start)])
                               for n in named):
                        start, end = whole.span("what")
                        done = True
                        # (the name, not its gloss: "a second procedure, right shoulder
                        # manipulation under anesthesia ...")
                        if (gloss := _GLOSS.match(sentence.text, start)) and gloss.end() <= m.start:
                            start = gloss.end()
                        # (not a date said after it: "... of the right shoulder last month")
                        for tail in RELATIVE.finditer(sentence.text, m.end, end):
                            if not sentence.text[tail.end():end].strip():
                                end = len(sentence.text[:tail.start()].rstrip())
                        # (nor the word that introduced the date: "... and chondroplasty of
                        # August 30, 2016")
                        if dangling := _DANGLING.search(sentence.text, m.end, end):
                            end = dangling.start()
                    break
            if not done and (m.value != "surgery_unspecified" or
                             categories.UNLISTED_OPERATION.match(sentence.text, m.start)):
                # (an operation the table does not list too: "a left index finger flexor
                # tenolysis")
                start, end = _whole_name(sentence.text, start, end)
                # (named as done in the passive: "The left total knee arthroplasty was
                # performed on 11-29-16")
                done = m.value != "surgery_unspecified" and bool(
                    _DONE_JUST_AFTER.match(sentence.text, end))
            evidence = [sentence.evidence(start, end)]
            # the region of the operation, or for a bare mention ("post-operative hand
            # therapy") of its clause
            # (of the procedure itself where one sentence names two: "open reduction and
            # internal fixation of the right distal radius and ... of the left ankle")
            operated = categories.body_region(sentence.text[m.start:m.end]) or \
                categories.body_region(sentence.text[start:end]) or \
                categories.spinal_level(sentence.text[start:end]) or \
                ((level := _AT_LEVEL.match(sentence.text, m.end))
                 and categories.spinal_level(level.group())) or (
                categories.body_region(clause_around(sentence.text, m.start, _LIST_BREAK))
                if m.value == "surgery_unspecified" else None)
            continues = _TREATED_WITH.search(sentence.text, max(0, m.start - 60), m.start)
            if operated is None and m.value == categories.ORIF_UNPLACED and continues:
                # "a 2012 left ankle fracture under a different claim, treated with open
                # reduction and internal fixation": the fixation of the fracture just named
                fractured = list(_FRACTURE_OF.finditer(sentence.text, 0, continues.start()))
                operated = categories.body_region(fractured[-1].group()) if fractured else None
            # (the side is read from the list entry that names the operation, up to it; for a
            # bare "status post", from its clause)
            breaks = [b for b in _LIST_BREAK.finditer(sentence.text, 0, m.start)]
            entry = breaks[-1].end() if breaks else 0
            # "left knee medial meniscus tear, status post arthroscopic partial medial
            # meniscectomy, and ...": an operation set off after a diagnosis is that diagnosis'
            if breaks and breaks[-1].group() == "," and \
                    _STATUS_POST_ENTRY.match(sentence.text, entry) and \
                    not SIDE.search(sentence.text, entry, m.end):
                entry = breaks[-2].end() if len(breaks) > 1 else 0
            sided = (clause_around(sentence.text, m.start, _LIST_BREAK)
                     if m.value == "surgery_unspecified" else sentence.text[entry:m.end])
            if operated and (just := _SIDE_JUST_BEFORE.search(sentence.text,
                                                              max(0, m.start - 30), m.start)):
                # the side said in the operation's own name: "a flare-up related to favoring
                # the left leg after the right knee surgery"
                sided = just.group()
            elif m.value == "surgery_unspecified" and (
                    after := _SIDE_JUST_AFTER.match(sentence.text, m.end)):
                # ("the twelve postoperative sessions for the right knee are not counted toward
                # the left knee")
                sided = after.group()
            claimed = bool(EARLIER_CLAIM.search(clause_around(sentence.text, m.start))) or bool(
                continues and EARLIER_CLAIM.search(sentence.text, 0, continues.start()))
            # (where the words name no region, the table's operation's: "a modified Brostrom
            # lateral ligament reconstruction" is the ankle's, for hip therapy)
            placed = operated or (None if regions & categories.NAMED_ALSO_FOR.get(
                m.value, frozenset()) else categories.SURGERY_REGION.get(m.value))
            if regions and placed in NAMED_REGIONS and placed not in regions or \
                    other_side(sided, text.side) or claimed:
                # (nor an operation of another claim: "a history of an L5-S1 microdiscectomy
                # in 2009 under a prior claim")
                # (the right carpal tunnel release, for left-wrist therapy)
                elsewhere += evidence
                if claimed and not other_side(sided, text.side) and not (
                        regions and placed in NAMED_REGIONS and placed not in regions):
                    claimed_keys.add(m.value)   # (another side's is read as other sides are)
                if other_side(sided, text.side):
                    other_sides.add(m.value)
                continue
            key = m.value
            if key == categories.ORIF_UNPLACED:
                # a fixation naming no bone is of the fracture of the item's region
                placed = {categories.ORIF_BY_REGION[r]
                          for r in ({operated} if operated else regions)
                          if r in categories.ORIF_BY_REGION}
                key = placed.pop() if len(placed) == 1 else "surgery_unspecified"
            hips = operated is None and bool(
                regions & categories.NAMED_ALSO_FOR.get(key, frozenset())) and \
                categories.HIP_LABRAL.match(sentence.text, m.start) is not None
            if hips:
                # "status post arthroscopic labral repair and femoral osteoplasty" of a hip item:
                # the hip's labrum, an operation the table does not list
                key = "surgery_unspecified"
            # (a bare mention: "post-operative", "status post"; not a named operation the
            # table does not list, "transfer of the extensor indicis proprius tendon")
            unlisted = hips or categories.UNLISTED_OPERATION.match(sentence.text,
                                                                   m.start) is not None
            is_bare = key == "surgery_unspecified" and operated is None and not unlisted
            # an operation named as one the patient had, whose own day places it among the
            # operations told (not a bare "postsurgical" inside a long phrase)
            dated_by_name = done and (m.value != "surgery_unspecified" or unlisted)
            region = operated or categories.SURGERY_REGION.get(key)
            if is_bare:
                unplaced += 1
            readings.append(Reading(value=sentence.text[start:end].strip(), part=part.name,
                                    evidence=evidence))
            category_readings.append(Reading(value=key, part=part.name, evidence=evidence))
            unsided.append(m.value if not SIDE.search(sided) else None)
            bare.append(is_bare)
            by_name.append(m.value != "surgery_unspecified" or unlisted)
            # the date nearest the operation, unless it is the date of another event ("the
            # 10/12/16 request")
            # (nor the date of the request that asks for it: "A request for authorization was
            # submitted on 12/12/2016 for left knee surgery"; nor one that follows it: "The
            # fusion was performed in 05/2016, so the request of 08-26-2016 was made ...")
            dates = [d for d in find_dates(sentence.text)
                     if not _OTHER_EVENT.match(sentence.text, d.end) and not (
                         _REQUEST_DATED.search(sentence.text, max(0, d.start - 60), d.start))
                     and not _RECORD_DATED.search(sentence.text, max(0, d.start - 40), d.start)
                     # (nor the day it was asked for: "On 01/28/2015 the spine surgeon
                     # requested an L4-5 posterior lumbar interbody fusion")
                     and not (d.end <= m.start and _ASKED_FOR.search(sentence.text, d.end,
                                                                     m.start))]
            dates = _without_listed_records(sentence.text, dates)
            if m.value == "surgery_unspecified" and _POSTOP_EVENT.match(sentence.text, m.end):
                # "postoperative physical therapy visits between 02/20/2019 and ...",
                # "post-operative occupational therapy began in December 2016": the therapy's
                # dates, not the operation's
                continue
            if _SINCE_THE.search(sentence.text, max(0, start - 24), start):
                # the operation as the point the sentence's events follow: "Following the left
                # knee replacement he received 12 home physical therapy visits in September
                # 2016, and he began outpatient physical therapy on October 10, 2016" (their
                # dates, not its own, unless said beside it)
                dates = [d for d in dates if end <= d.start <= end + 12]
                if not dates:
                    continue
            if dates:
                # the date straight after the operation's name ("... with hamstring autograft
                # on 10-25-2016"), else the nearest
                d = next((d for d in dates if end <= d.start <= end + 12),
                         min(dates, key=lambda d: abs(d.start - m.start)))
                # (its own day, said beside it: "On 10-26-2016 she underwent removal of
                # hardware", not a report's date at the head of the sentence)
                # (not a note's date before a reference back to it: "The physical therapy
                # progress summary dated 11-04-2016 noted that 24 visits had been completed
                # since the fusion")
                if dated_by_name and (0 <= d.start - end <= 40 or 0 <= start - d.end <= 40) \
                        and not (d.end <= m.start and _SINCE_THE.search(
                            sentence.text, max(0, m.start - 24), m.start)):
                    named_dates.append((key, d.value, readings[-1], region, Reading(
                        value=d.value, part=part.name,
                        evidence=[sentence.evidence(d.start, d.end)])))
                date_readings.append((key, Reading(value=d.value, part=part.name,
                                                       evidence=[sentence.evidence(d.start,
                                                                                   d.end)])))
            elif month := _MONTH_YEAR.search(sentence.text, m.end, min(len(sentence.text),
                                                                      m.end + 60)):
                # "decompression in March of 2016", "surgery on 05/2016": a month, no day
                month_readings.append((key, _month_span(month), sentence.evidence(
                    month.start(), month.end()), "by its month only"))
            elif month := _month_before(sentence.text, start):
                # "In February 2015 he underwent arthroscopic rotator cuff repair"
                month_readings.append((key, _month_span(month), sentence.evidence(
                    month.start(), month.end()), "by its month only"))
            elif year := (_YEAR_ONLY.match(sentence.text, max(m.end, end))
                          or _YEAR_BEFORE.search(sentence.text, max(0, start - 40), start)):
                # "a left L4-L5 microdiscectomy in 2014", "microdiscectomy (2010)", "carpal
                # tunnel releases in 2001": a year, no month
                y = int(year.group("y"))
                month_readings.append((key, (dt.date(y, 1, 1), dt.date(y, 12, 31)),
                                       sentence.evidence(year.start("y"), year.end("y")),
                                       "by its year only"))
            elif relative := _relative_to_note(sentence.text, m.start, max(m.end, end),
                                               noted.get(part.name)):
                # "underwent the revision last month" in a report of 12/06/2016, "eight
                # weeks post-op" at a dated visit: counted back from the note's date
                day = _add_relative(key, relative, part, sentence, date_readings,
                                    month_readings)
                # ("six weeks status post permanent spinal cord stimulator implantation": a
                # named operation's day, counted back)
                if day is not None and dated_by_name:
                    named_dates.append((key, day.value, readings[-1], region, day))
        if sentence_dates := find_dates(sentence.text):
            noted[part.name] = sentence_dates[-1].value
    if other_sides and any(u in other_sides for u in unsided):
        # "a left knee arthroscopy with partial medial meniscectomy on 05/17/2016", for
        # right-knee therapy: the same operation named elsewhere without its side ("12 after
        # the meniscectomy") is that one
        kept = [i for i, u in enumerate(unsided) if u not in other_sides]
        elsewhere += [e for i, r in enumerate(readings) if i not in kept for e in r.evidence]
        readings, category_readings, bare, by_name = _rows(
            kept, readings, category_readings, bare, by_name)
        unplaced = sum(bare)
        left = {r.value for r in category_readings}
        date_readings = [(c, r) for c, r in date_readings if c in left or c == "stated"]
        month_readings = [r for r in month_readings if r[0] in left]
    # the same operation named again with no day of its own, where another claim's is named
    # ("under a separate claim: he underwent a right knee arthroscopic partial medial
    # meniscectomy on 02/14/2008", then "status post remote partial medial meniscectomy"): that
    # one
    undated = {k for k in claimed_keys if k != "surgery_unspecified"
               and not any(c == k for c, _ in date_readings)
               and not any(r[0] == k for r in month_readings)}
    if undated:
        kept = [i for i, c in enumerate(category_readings) if c.value not in undated]
        elsewhere += [e for i, r in enumerate(readings) if i not in kept for e in r.evidence]
        readings, category_readings, bare, by_name = _rows(
            kept, readings, category_readings, bare, by_name)
        unplaced = sum(bare)
    if elsewhere and (unplaced == len(readings) or claimed_keys and not any(by_name)):
        # the only operations named are on another region: "a postoperative visit", "the
        # postoperative physical therapy" are of those (or are another claim's, with no other
        # operation named: "already received postoperative therapy for the same knee", after
        # "a 2008 meniscectomy for a nonindustrial injury")
        readings = []
    if not readings:
        none = "no surgery is mentioned"
        if elsewhere:
            none = ("the only operations mentioned are on another body region or side, or "
                    "outside the musculoskeletal system")
            return (Fact(known=False, evidence=dedupe(elsewhere), note=none), Fact.unknown(none),
                    Fact.unknown(none))
        return Fact.unknown(none), Fact.unknown(none), Fact.unknown(none)
    # one operation of several procedures ("rotator cuff repair with subacromial decompression"):
    # the lesser procedure named alone elsewhere ("the acromioplasty was performed with the
    # repair") is part of it, and the operation is the most specific procedure's
    named_as = [c.value for c in category_readings]
    category_readings = [c.model_copy(update={"value": part_of[c.value]})
                         if c.value in part_of else c for c in category_readings]
    specific = {"surgery_unspecified": 1}
    category_fact = resolve(category_readings, RECORD_ORDER, rank=specific, rank_first=True)
    # several operations of the item's region, each named with its day: the course follows the
    # latest (a hardware removal after the fixation, a tendon transfer after the fracture's
    # plate, a knee replacement after an arthroscopy)
    latest: dict[str, tuple[dt.date, Reading, Reading]] = {}
    for key, day, reading, placed, its_day in named_dates:
        key = part_of.get(key, key)
        if regions and placed in NAMED_REGIONS and placed not in regions:
            continue   # (another region's operation: a Brostrom repair, for hip therapy)
        if any(r is reading for r in readings) and (key not in latest or day > latest[key][0]):
            latest[key] = (day, reading, its_day)   # (a reading still kept: not another
            # side's)
    last = max(latest, key=lambda k: latest[k][0]) if latest else None
    switched: Reading | None = None   # the operation named with the latest day
    # (the operation read first, dated near its name though not as its own day: "surgical
    # history is notable for an L5-S1 microdiscectomy on June 17, 2014", before "underwent an
    # L5-S1 anterior lumbar interbody fusion ... on August 23, 2016")
    first_day = latest[category_fact.value][0] if category_fact.value in latest else min(
        (r.value for c, r in date_readings if c == category_fact.value), default=None)
    switched_day: Reading | None = None   # its day, where `latest` does not hold it
    if last is not None and first_day is not None and latest[last][0] > first_day and \
            (later := [c for c in category_readings if c.value == last]):
        category_fact = resolve(later, RECORD_ORDER,
                                note=f"the latest of the operations named with their dates "
                                     f"({latest[last][0].isoformat()})")
        switched = latest[last][1]
    elif first_day is None and (month := min(
            (span[1] for c, span, _, _ in month_readings if c == category_fact.value),
            default=None)) is not None:
        # an operation dated by its month only, and another of the item's operations dated
        # after it: the later ("status post open reduction and internal fixation of the right
        # femoral neck ... in March 2015", then "On 09/26/2016 he underwent removal of hardware
        # and conversion to a right total hip arthroplasty")
        kinds = {c.value for c in category_readings} - {"surgery_unspecified",
                                                        category_fact.value}
        after = [(r.value, c, r) for c, r in date_readings if c in kinds and r.value > month]
        if after:
            day, kind, switched_day = max(after, key=lambda a: a[0])
            category_fact = resolve([c for c in category_readings if c.value == kind],
                                    RECORD_ORDER,
                                    note=f"the latest of the operations named with their dates "
                                         f"({day.isoformat()})")
            switched = next(r for r, c in zip(readings, category_readings, strict=True)
                            if c.value == kind)

    # (named as the operation itself rather than as a part of it, where it is)
    same = [r for r, c, n in zip(readings, category_readings, named_as, strict=True)
            if c.value == category_fact.value and n == category_fact.value] or [
        r for r, c in zip(readings, category_readings, strict=True)
        if c.value == category_fact.value]
    # (an operation named over a bare mention: "right hip arthroscopy with labral repair" over
    # "ten post-operative PT sessions")
    named_ids = {id(r) for r, n in zip(readings, by_name, strict=True) if n}
    same = [r for r in same if id(r) in named_ids] or same
    surgery_fact = resolve([switched] if switched else same, RECORD_ORDER)
    # the fullest name of the same operation ("right knee arthroscopy with partial medial
    # meniscectomy and chondroplasty ..." over "right knee arthroscopy with partial medial
    # meniscectomy")
    named = str(surgery_fact.value).lower()
    fuller = max((r for r in same if named in str(r.value).lower()),
                 key=lambda r: len(str(r.value)))
    if fuller.value != surgery_fact.value:
        surgery_fact.value = fuller.value
        surgery_fact.evidence = dedupe(fuller.evidence + surgery_fact.evidence)
    # the date of the operation named, else of any mention
    # (not another mention's full date where the operation named has its own month or year:
    # "a meniscectomy in 2008")
    dated = ([r for c, r in date_readings if c == category_fact.value]
             or ([] if any(c == category_fact.value for c, *_ in month_readings)
                 else [r for _, r in date_readings]))
    # the same operation done twice ("a right knee arthroscopy ... on 7-14-2015", "a repeat
    # right knee arthroscopy ... on 12-1-2016"): the postsurgical course runs from the later
    repeat = [r for r in dated if r.value == max(x.value for x in dated)] \
        if len({x.value for x in dated}) > 1 and _REPEAT_OPERATION.search(
            " ".join(e.quote for _, r in date_readings for e in r.evidence)
            + " " + " ".join(text.summary.view.folded.split())) else dated
    date_fact = (resolve(repeat, RECORD_ORDER) if dated
                 else Fact.unknown("a surgery is mentioned but not its date"))
    if switched:
        # the later operation's own day
        date_fact = resolve([switched_day or latest[last][2]], RECORD_ORDER)
    months = ([r for r in month_readings if r[0] == category_fact.value] or month_readings)
    if not dated and months:
        _, (first, last), where, how = months[0]
        date_fact = Fact(known=False, earliest=first, latest=last, evidence=[where],
                         note=f"the letter dates the operation {how}: it lies "
                              f"between {first.isoformat()} and {last.isoformat()}")
    return surgery_fact, date_fact, category_fact


def _rows(kept: list[int], *columns: list) -> list[list]:
    """The rows `kept` of lists kept in step, one entry per reading."""
    return [[column[i] for i in kept] for column in columns]


def _whole_name(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The whole name of an operation a list names without a verb: the side, site and approach
    before the table's words, and the procedures joined after them (categories.OPERATION_*)."""
    if before := categories.OPERATION_BEFORE.search(sentence, max(0, start - 80), start):
        start = before.start()
    while joined := categories.OPERATION_JOINED.match(sentence, end):
        end = joined.end()
    return start, end


def _joined_procedures(sentence: str, part_of: dict[str, str]) -> None:
    """Procedures named as one operation ("arthroscopic rotator cuff repair with subacromial
    decompression"): each lesser one is part of the most specific's operation."""
    named = sorted(categories.mentions(categories.SURGERY, sentence), key=lambda m: m.start)
    group: list = []
    for m in [*named, None]:
        if m is not None and group and _WITH_ADJUNCT.search(sentence[group[-1].end:m.start]):
            group.append(m)
            continue
        values = {g.value for g in group} - {"surgery_unspecified"}
        if len(values) > 1:
            main = min(values, key=lambda v: categories.SURGERY_ORDER.get(v, 99))
            for v in values - {main}:
                part_of.setdefault(v, main)
        group = [m] if m is not None else []


# an operation named as the treatment of what the sentence named before it: "a 2012 left ankle
# fracture under a different claim, treated with open reduction and internal fixation"
_TREATED_WITH = regex.compile(r",\s*(?:which\s+was\s+|and\s+was\s+)?(?:treated|managed|repaired|"
                              r"fixed)\s+(?:surgically\s+)?(?:with|by|via)\s+(?:an?\s+|the\s+)?$",
                              regex.IGNORECASE)
_FRACTURE_OF = regex.compile(r"\b(?:[\w-]+\s+){1,3}?fractures?\b", regex.IGNORECASE)
# what may stand between two procedures named as one operation: "with" ("rotator cuff repair
# with subacromial decompression"), or nothing ("shoulder arthroscopic rotator cuff repair")
_WITH_ADJUNCT = regex.compile(r"^\s*(?:(?:and\s+)?with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3})?$",
                              regex.IGNORECASE)
_SURGERY_DATE_STATED = regex.compile(
    r"\b(?:date\s+of\s+(?:the\s+)?(?:surgery|operation)|surgery\s+date|date\s+of\s+"
    r"(?:the\s+)?surgical\s+procedure)\s*(?:(?:is|was|of|:|-)\s*)?(?:on\s+)?|"
    # the operation named before by a common noun: "The repair was performed on 07/12/2016."
    # (a common noun only: "The arthroscopy was performed on 9-16-2014" names its operation,
    # which is read with its day)
    r"^\W*(?:the|his|her)\s+(?:surgery|operation|procedure|repair|release)\s+was\s+"
    r"(?:performed|done|carried\s+out)\s+on\s+",
    regex.IGNORECASE)
# the operation named by a common noun: "he had surgery three weeks ago", "the operation was
# six weeks ago" (a relative date just after it, _relative_to_note)
_SURGERY_WHEN = regex.compile(
    r"\b(?:had|underwent)\s+(?:(?:his|her|the)\s+)?(?:surgery|operation)\b|"
    r"\b(?:the|his|her)\s+(?:surgery|operation)\s+(?:was|took\s+place)\b", regex.IGNORECASE)
_REPEAT_OPERATION = regex.compile(
    r"\b(?:repeat|revision|second|another|redo|re-?operation)\s+(?:[\w-]+\s+){0,4}?"
    rf"{categories.OPERATION_NOUN}|"
    # an earlier operation of an earlier injury: "a prior left knee injury in 2010, under a
    # separate claim with another employer, for which he underwent arthroscopic partial medial
    # meniscectomy on September 14, 2010"
    r"\bseparate\s+claim\b|\b(?:prior|previous|earlier)\s+(?:[\w-]+\s+){0,3}?(?:injury|claim)\b",
    regex.IGNORECASE)
_MONTH_YEAR = regex.compile(
    # (also in parentheses: "partial medial meniscectomy (03-2013)")
    # ("a trigger finger release in mid-March 2016": the month)
    r"(?:\b(?:in|on|during|of)\s+|\()(?:(?:early|mid|late)(?:-|\s+))?(?:(?P<mn>January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+"
    r"(?:of\s+)?(?P<y>(?:19|20)\d\d)|(?P<m>0?[1-9]|1[0-2])[/-](?P<y2>(?:19|20)\d\d))\b",
    regex.IGNORECASE)


# what may stand between a month and the operation it dates: "In February 2015 he underwent
# arthroscopic rotator cuff repair", "in March of 2016, the patient had a"
_MONTH_THEN_OPERATION = regex.compile(
    r"[\s,]+(?:(?:he|she|they|the\s+(?:patient|applicant|employee|injured\s+worker)|"
    r"(?:Mr|Mrs|Ms)\.?\s+\w+)\s+)?(?:underwent|had|received|was\s+treated\s+with)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?$", regex.IGNORECASE)


def _month_before(sentence: str, start: int) -> regex.Match | None:
    """The month and year said just before the operation's name, if they date it."""
    window = max(0, start - 80)
    found = [m for m in _MONTH_YEAR.finditer(sentence, window, start)
             if _MONTH_THEN_OPERATION.fullmatch(sentence, m.end(), start)]
    return found[-1] if found else None


_YEAR_ONLY = regex.compile(r"s?,?\s*(?:(?:in|during)\s+(?:the\s+year\s+)?"
                           # ("a left L4-L5 microdiscectomy in early 2016": within the year)
                           r"(?:(?:early|late|mid-?|the\s+(?:spring|summer|fall|autumn|winter)\s+"
                           r"of)\s*)?|\()"
                           r"(?P<y>(?:19|20)\d\d)\b(?![/-])|"
                           # "... meniscectomy of the left knee in 2009"
                           r"\s+(?:of|on|to|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+,?\s+in\s+"
                           r"(?P<y>(?:19|20)\d\d)\b(?![/-])", regex.IGNORECASE)
# the year before the operation's name: "The 2009 knee surgery was under a prior claim"
_YEAR_BEFORE = regex.compile(r"\b(?:an?|the|his|her|their)\s+(?P<y>(?:19|20)\d\d)\s+"
                             r"(?:[\w-]+\s+){0,3}$", regex.IGNORECASE)


def _add_relative(key: str, relative, part, sentence, date_readings: list,
                  month_readings: list) -> Reading | None:
    """An operation dated back from a note (`_relative_to_note`): days and weeks name a day, as
    a reader counts them ("POD #10", "three weeks ago"); a month or more stays an interval. The
    day's reading, where it is one."""
    (first, last), (a, b), how = relative
    if relative_exact(first, last):
        day = Reading(value=first + (last - first) / 2, part=part.name,
                      evidence=[sentence.evidence(a, b)])
        date_readings.append((key, day))
        return day
    month_readings.append((key, (first, last), sentence.evidence(a, b), how))
    return None


def _relative_to_note(sentence: str, start: int, end: int, noted: dt.date | None,
                      before: int = 40
                      ) -> tuple[tuple[dt.date, dt.date], tuple[int, int], str] | None:
    """An operation dated relative to the note that tells of it ("had the revision last
    month", "surgery three weeks ago", "eight weeks post-op"): the days it allows, counted from
    the sentence's own date ("On 12/06/2016, ...") or else the last date said before it."""
    found = [r for r in RELATIVE.finditer(sentence, max(0, start - before),
                                          min(len(sentence), end + 60))]
    if not found:
        return None
    relative = found[0]
    here = [d for d in find_dates(sentence) if d.end <= relative.start()] or \
        find_dates(sentence)
    anchor = here[-1].value if here else noted
    if anchor is None:
        return None
    first, last = relative_interval(relative, anchor)
    said = " ".join(relative.group().split())
    return ((first, last), relative.span(),
            f"relative to a note of {anchor.isoformat()} (\"{said}\")")


def _month_span(m: regex.Match) -> tuple[dt.date, dt.date]:
    if m.group("mn"):
        month = dt.datetime.strptime(m.group("mn")[:3].title(), "%b").month
        year = int(m.group("y"))
    else:
        month, year = int(m.group("m")), int(m.group("y2"))
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


# what a bare "postoperative" describes when its date is not the operation's: a visit, therapy
# (or an imaging finding: "an MRI on 03/02/2015 showed postoperative changes of the medial
# meniscus": the scan's date)
_POSTOP_EVENT = regex.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:visits?|therapy|follow-?\s?up|"
                              r"appointment|evaluation|exam\w*|check\w*|course|sessions?|"
                              r"changes|scarring|findings)\b",
                              regex.IGNORECASE)

# the items of a list of treatments: "a carpal tunnel release, post-operative hand therapy and"
_LIST_BREAK = regex.compile(r"[,;]|\band\b", regex.IGNORECASE)
_STATUS_POST_ENTRY = regex.compile(r"\s*(?:status\s+post|s/p)\b", regex.IGNORECASE)
# a date that names another event of the case: "the 10/12/16 request", "her 5/10/16 visit"
_OTHER_EVENT = regex.compile(
    # ("the December 14, 2016 therapy note")
    r"\s*(?:(?:physical\s+|occupational\s+)?therapy\s+|PT\s+|OT\s+|clinic\s+)?"
    r"(?:request\w*|RFA|(?:office\s+)?visit|evaluation|exam\w*|report|notes?|progress|"
    r"follow[- ]up|appointment|consult\w*|utilization|UR\b|injury|MRI|x-?rays?)\b|"
    # ("On 11/18/2016, utilization review modified the request ..., citing the postsurgical
    # guideline of 12 visits for meniscectomy")
    r",\s*(?:the\s+)?(?:utilization\s+review|UR)\b",
    regex.IGNORECASE)


# ("the more generous course associated with rotator cuff repair surgery is not applicable")
_FIGURE_FOR = regex.compile(r"\b(?:figures?|schedule|row|recommendations?|allowance|course)\s+"
                         r"(?:for|associated\s+with|applicable\s+to|allowed\s+after)\s+"
                         r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$|"
                         # "the guidelines support 3 to 8 visits after carpal tunnel release"
                         r"\bguidelines?\s+(?:support|recommend|allow)s?\s+[^.;]{0,40}?\b(?:visits|"
                         r"sessions|treatments)\s+(?:after|following|for)\s+(?:an?\s+|the\s+)?"
                         r"(?:[\w-]+\s+){0,2}$|"
                         # "the initial course the guidelines would allow even after a cervical
                         # discectomy"
                         r"\b(?:would|could|might)\s+(?:allow|support|permit|warrant)\b[^.;]{0,40}?"
                         r"\b(?:even\s+|only\s+)?(?:after|following)\s+(?:an?\s+|the\s+)?"
                         r"(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_WOULD_AFTER = regex.compile(r"\s+(?:alone\s+)?(?:would|could|might)\s+(?:allow|warrant|support|"
                             r"give|permit|be\s+allowed)\b", regex.IGNORECASE)
# the date just after this is a record's: "Provider documentation dated 1-5-17 noted the injured
# worker had a left knee ... reconstruction ... three months ago"; an image's: "Post-operative
# x-rays dated 11-29-2016 show stable hardware"
def _without_listed_records(text: str, dates: list) -> list:
    """The dates kept, less those listed after a record's date ("the progress notes of
    09-29-2016 and 10-20-2016": both are the notes')."""
    kept = []
    last_record_end: int | None = None
    for d in find_dates(text):
        if d in dates and not (last_record_end is not None
                               and _LISTED_AFTER.fullmatch(text, last_record_end, d.start)):
            kept.append(d)
        else:
            last_record_end = d.end
    return [d for d in dates if d in kept]


# between two dates of a list: "09-29-2016 and 10-20-2016", "9/1/16, 9/8/16, and 9/15/16"
_LISTED_AFTER = regex.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_RECORD_DATED = regex.compile(
    r"\b(?:documentation|records?|notes?|reports?|progress\s+notes?|evaluation|exam\w*|"
    r"findings|visit|x-?rays?|radiographs?|films?|MRI|CT(?:\s+scan)?|scans?|imaging|"
    r"studies|study|follow-?\s?up|appointment|consultation)\s+(?:dated|of|on|from|taken\s+on)\s*$|"
    # a scan named with its site: "The MRI of the cervical spine of September 20, 2016 showed
    # a solid fusion"
    r"\b(?:MRI|CT(?:\s+scan)?|x-?rays?|radiographs?|scan|imaging)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:dated|of|on|from)\s*$|"
    # "The original utilization review (1-6-17) non-certified ..."
    r"\b(?:utilization\s+review|UR|determination|decision)\s*\(\s*$|"
    # the day it was authorised, not done: "A right total knee arthroplasty was requested and was
    # certified by utilization review on 10-21-2016"
    r"\b(?:certified|approved|authori[sz]ed|non-?certified|denied)\s+(?:by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?)?(?:on|dated)\s*$|"
    # the injury's: "suffered an industrial injury on 1-28-2016 when he fell ... and sustained a
    # fracture ..., which was treated with open reduction and internal fixation"
    r"\b(?:injury|injured(?:\s+(?:his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)?)\s+(?:on|of|dated)\s*$",
    regex.IGNORECASE)
# the date just after this is a request's ("A request for authorization was submitted on")
_REQUEST_DATED = regex.compile(
    r"\b(?:request\w*|RFA|authori[sz]ation)\b[^.;]{0,30}?\b(?:on|dated|of)\s*$", regex.IGNORECASE)


# an operation the patient had, named in full up to its date or the end of the clause
# a gloss before an operation's name: "a second procedure, right shoulder manipulation ..."
# ("a second, different procedure on the same shoulder, an arthroscopic rotator cuff repair")
_GLOSS = regex.compile(r"(?:(?:a|an|the|his|her)\s+)?(?:first|second|third|further|another|repeat|"
                       r"revision|new)(?:,?\s+(?:different|separate|new|additional))?\s+"
                       r"(?:procedure|operation|surgery)(?:\s+on\s+(?:the\s+)?(?:same|other|"
                       r"left|right)\s+[\w-]+)?\s*[,:\u2014-]\s*(?:(?:an?|the)\s+)?",
                       regex.IGNORECASE)
_OPERATION = regex.compile(
    # (the second of two: "underwent open reduction ... on 06-21-2016 and left knee anterior
    # cruciate ligament reconstruction with hamstring autograft on 10-25-2016")
    r"\b(?:underwent|undergone|had|status\s+post|s/p|(?<=\d[/-]\d{2,4}\s+)and)\s+"
    r"(?:an?\s+|the\s+)?"
    # ("underwent an authorized right total knee arthroplasty": what UR did, not the operation)
    r"(?:(?:authori[sz]ed|approved|certified|uncomplicated|elective|scheduled)\s+)?"
    # (not the verb after "had": "she had undergone open reduction ...")
    r"(?!(?:undergone|been)\b)"
    r"(?P<what>[A-Za-z][^.;:()]{2,160}?)(?=\s+(?:on|in|dated)\s+(?:\d|[A-Z][a-z]+\.?\s+\d)|"
    # "s/p R knee scope 10/4/16, 8 PT to date": the date straight after the operation
    r"\s+\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\s+\d{1,2}[/-](?:19|20)\d\d\b|"
    # "status post left total knee arthroplasty June 2016, hypertension"
    r",?\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b|"
    # "... with subacromial decompression in August."
    r"\s+in\s+(?:early\s+|late\s+|mid-?\s*)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|"
    # "s/p right shoulder arthroscopy with subacromial decompression, DOS 12/02/2016"
    r",?\s+(?:DOS|date\s+of\s+(?:service|surgery))\b|"
    # "status post right total knee arthroplasty for primary osteoarthritis of the right knee":
    # the condition it treated is not its name
    r"\s+for\s+(?:[\w-]+\s+){0,3}?(?:osteoarthritis|arthritis|arthrosis|degenerat\w+|tears?|"
    r"stenosis|impingement|instability|fractures?|syndrome|disease|herniation)\b|"
    # "status post right knee arthroscopic partial medial meniscectomy, performed on 11/04/2016"
    r",?\s+(?:performed|done|carried\s+out)\s+(?:on|in)\b|"
    # "the right open carpal tunnel release at an outpatient surgery center on ...": where
    r"\s+at\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:cent(?:er|re)|hospital|facility|clinic)\b|"
    r"\s*[.;:(]|,\s+(?:and|which|with\s+post|followed)\b|"
    # "lumbar fusion two months prior to the request and had not yet started ..."
    # ("the right carpal tunnel release more than 4 months before the request")
    r"\s+(?:(?:about|approximately|nearly|almost|roughly|over|just|only|more\s+than|less\s+than|"
    r"at\s+least)\s+)?\w+\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:prior|before|ago|earlier)\b|\s+and\s+(?:had|has|was|is|then)\b|"
    # "10 months status post left total knee replacement and reports left knee pain"
    r"\s+and\s+(?:reports?|reported|complains?|complained|notes?|noted|continues|continued|"
    r"presents?|presented|describes|described|denies|denied|states|stated)\b|$)",
    regex.IGNORECASE)
_PERIOD = (r"(?:[\w-]+\s+){0,3}?post-?\s*(?:surgical|operative)\s+(?:physical\s+medicine\s+)?"
           r"(?:treatment\s+)?period")
# the reviewer's own statement: "the request is within the 6 month postsurgical physical medicine
# treatment period", "was still within the 3-month postsurgical ... period"
# ("which places the patient within the postsurgical physical medicine treatment period")
_IN_PERIOD = regex.compile(rf"\b(?:is|was|are|were|remains?|still|falls?|"
                           rf"(?:places?|puts?)\s+(?:the\s+)?(?:patient|claimant|applicant|"
                           rf"injured\s+worker|request|him|her))\s+(?:still\s+)?"
                           rf"within\s+the\s+{_PERIOD}|"
                           # said of the visits or the request in the case: "would be completed
                           # well within the 6-month postsurgical period", "fall well inside the
                           # 6-month period that began on April 7, 2015", "falls just inside that
                           # period", "within 6 months of the August 30, 2016 surgery"
                           rf"\b(?:completed|made|provided|fall|falls|be|lies|lie)\s+"
                           rf"(?:(?:well|just|comfortably|still)\s+)?(?:within|inside)\s+(?:the|that|"
                           rf"this)\s+(?:{_PERIOD}|(?<=that\s+)period\b|(?:\d+|three|four|"
                           rf"six)[- ]month\s+(?:post-?\s*(?:surgical|operative)\s+)?period\b)|"
                           rf"\b(?:is|are|was|were|falls?|fall|made)\s+(?:well\s+|just\s+)?within\s+"
                           rf"(?:6|six|4|four|3|three)\s+months\s+of\s+(?:the\s+)?"
                           rf"(?:[\w,/-]+\s+){{0,4}}?(?:surgery|operation)\b|"
                           # "the postsurgical physical medicine treatment period does not end until
                           # 03/27/2017", "can be completed before the postsurgical period ends on"
                           rf"\b(?:the|that)\s+{_PERIOD}\s+(?:does\s+not|doesn't)\s+end\s+until\b|"
                           rf"\bcompleted\s+before\s+the\s+{_PERIOD}\s+ends\b|"
                           # the reviewer's phrase wherever it stands: "well within the
                           # postsurgical period", "well inside the 4-month treatment period",
                           # "within a post-surgical physical medicine treatment period of 6
                           # months" (not "not within", nor a condition: "if within ...")
                           # (nor "does not place this request within a postsurgical
                           # treatment period")
                           rf"(?<!\b(?:not|if|whether|once|when|unless|until)\s+(?:\w+\s+){{0,3}})"
                           rf"\b(?:(?:well|just|comfortably|still|safely)\s+)?(?:within|inside)\s+"
                           rf"(?:the|a|that|this)\s+(?:{_PERIOD}|(?:\d+|three|four|six)[- ]month\s+"
                           rf"(?:post-?\s*(?:surgical|operative)\s+)?(?:physical\s+medicine\s+)?"
                           rf"(?:treatment\s+)?period)\b",
                           regex.IGNORECASE)
# an earlier course said to have been given in the period: "the 20 postoperative therapy visits
# in 2015 were rehabilitation after the ankle fixation, completed within the postsurgical
# treatment period" (not the request's time)
_PAST_COURSE_IN_PERIOD = regex.compile(
    r"\b(?:visits|sessions|treatments|therapy)\s+(?:in\s+(?:19|20)\d\d\s+)?(?:were|had\s+been)\b"
    r"(?![^.;]*\b(?:would|will|could|can)\b)[^.;]*,\s*(?:all\s+)?$", regex.IGNORECASE)
# what a guideline prescribes for the period: "The Postsurgical Treatment Guidelines, which allow
# 12 visits over 12 weeks after a meniscectomy within a 6-month postsurgical period, do not apply"
# ("recommend 40 visits over 16 weeks after repair of a complete rotator cuff rupture, within a
# postsurgical physical medicine treatment period of 6 months")
_PRESCRIBED_BEFORE = regex.compile(r"\b(?:allows?|recommends?|supports?|permits?)\s+[^.;]*$",
                                   regex.IGNORECASE)
# "is outside the postsurgical period", "the postsurgical physical medicine treatment period
# ended in November 2016", "the postoperative period has passed" (not "once the ... has ended")
_OUT_OF_PERIOD = regex.compile(
    # ("The present request, made in November 2016, therefore falls outside the 6-month
    # postsurgical period whatever the exact date")
    # (not what more visits would do: "part of the course would fall beyond the 3-month period")
    rf"(?<!\b(?:would|could|might|may|will)\s+)"
    rf"\b(?:is|was|are|were|falls?|fell|lies|lay)\s+(?:(?:now|well|therefore|thus|"
    rf"clearly)\s+)*(?:outside|beyond|past|after)\s+(?:of\s+)?(?:the|any)\s+"
    # ("the request of 03/04/2015 falls after the 4 month treatment period")
    rf"(?:{_PERIOD}|(?:\d+|three|four|six)[- ]month\s+(?:treatment\s+)?period\b)|"
    rf"(?<!\b(?:once|after|when|until|before|if)\s+)\b(?:the|his|her)\s+{_PERIOD}\s+"
    # "... period following the 7-21-2015 arthroscopy has ended"
    rf"(?:(?:following|after|for)\s+[^.;,]{{1,60}}?\s+)?"
    rf"(?:has\s+|had\s+)?(?:now\s+|already\s+|long\s+(?:since\s+)?)?(?:ended|expired|elapsed|passed|"
    rf"lapsed|concluded)\b|"
    # of the period just named: "That period ended in August 2014, before the request", "so
    # that period ended on 10/19/2016", "the treatment period ended in September 2013"
    rf"(?<!\b(?:once|after|when|until|before|if)\s+)\b(?:that|the\s+treatment)\s+period\s+"
    rf"(?:has\s+|had\s+)?(?:long\s+(?:since\s+)?)?(?:ended|expired|elapsed|lapsed)\b|"
    # "which is after the end of that period"; "so the post-surgical figures no longer apply"
    rf"\bafter\s+the\s+end\s+of\s+(?:that|the)\s+(?:[\w-]+\s+){{0,4}}?period\b|"
    rf"\bpost-?\s*(?:surgical|operative)\s+(?:[\w-]+\s+){{0,2}}?(?:do|does)\s+no\s+longer\s+"
    rf"appl(?:y|ies)\b|\bpost-?\s*(?:surgical|operative)\s+(?:[\w-]+\s+){{0,2}}?no\s+longer\s+"
    rf"appl(?:y|ies)\b", regex.IGNORECASE)


# a period said of another operation than the one the therapy follows: "The 2015 sessions
# followed a different procedure, and the postsurgical period for that procedure ended long ago"
_ANOTHER_OPERATION = regex.compile(r"\b(?:a\s+different|another|a\s+separate)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:procedure|operation|surgery)\b", regex.IGNORECASE)


# the time since the operation, said of the patient now: "the patient is approximately 10
# weeks after rotator cuff repair", "she was more than 8 months past surgery"
_ELAPSED = regex.compile(
    # "underwent lumbar fusion two months prior to the request"
    rf"\b(?:surgery|operation|repair|arthroscopy|release|reconstruction|replacement|"
    rf"arthroplasty|fusion|\w*ectomy|\w*otomy|ORIF|fixation|decompression)\s+"
    rf"(?P<qual>approximately|about|nearly|almost|roughly|more\s+than|over|less\s+than|under|"
    rf"only|just)?\s*(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:prior\s+to|"
    rf"before)\s+(?:the\s+|this\s+)?(?:current\s+)?(?:request|RFA|treatment\s+request)\b|"
    # ("the request was made less than four months after the surgery", "were requested three
    # weeks after surgery", "is less than 3 weeks from surgery")
    rf"\b(?:is|was|are|were|now|currently|presently|made|requested)\s+(?:now\s+|currently\s+)?"
    rf"(?P<qual>approximately|about|nearly|almost|roughly|more\s+than|over|less\s+than|under|"
    rf"only|just)?\s*(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    rf"(?:after|since|past|following|from|post-?\s*op(?:erative(?:ly)?)?\b|status\s+post|s/p|"
    rf"out\s+from)"
    rf"(?:(?<=op|ly|ive)|\s+(?:[^.;,]{{0,40}}?)\b(?:surgery|surgeries|operation|repair|"
    rf"arthroscopy|release|reconstruction|replacement|arthroplasty|fusion|\w*ectomy|\w*otomy|"
    rf"\w*plasty|ORIF|fixation|decompression)\b)", regex.IGNORECASE)
_UNIT_MONTHS = {"day": 1 / 30, "week": 12 / 52, "month": 1, "year": 12}


# the age of the injury, said of the case
_AGE_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
# ("less than 3 months old": short of the figure; "a little over three weeks")
_AGE_QUAL = (r"(?:(?:about|approximately|nearly|almost|roughly|only|just|over|more\s+than|"
             r"a\s+little\s+(?:over|more\s+than)|(?P<less>less\s+than|under))\s+)?")
# (the count: "a year", "one year")
_AGE_N = rf"(?P<n>{NUMBER}|an?(?=\s+(?:day|week|month|year)\b))"
_INJURY_AGE = regex.compile(
    rf"\b(?:injury|condition|symptoms|pain|complaints?)\s+(?:is|was|are|were)\s+(?:now\s+)?"
    rf"{_AGE_QUAL}{_AGE_N}\s+{_AGE_UNIT}\s+old\b|"
    # "nearly 8 months after the injury", "now seven weeks from the injury", "about one year
    # past the date of injury", "nearly four months status post injury", "Less than 4 weeks
    # from DOI to RFA", "approximately one month out from a rear-end motor vehicle accident"
    rf"\b{_AGE_QUAL}{_AGE_N}\s+{_AGE_UNIT}\s+(?:after|since|following|removed\s+from|"
    rf"from|past|status\s+post|out\s+from)\s+"
    rf"(?:the\s+|his\s+|her\s+|an?\s+)?(?:date\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){{0,4}}?"
    rf"(?:injury|DOI|accident)\b|"
    # "The patient has had low back pain for 4 months", the patient's own pain (not what a
    # treatment did: "relieved about 70% of his pain for six weeks", "acupuncture helps her
    # pain for a day or two after each session")
    rf"\b(?:has|have|had)\s+(?:had\s+)?(?:(?!been\b)[\w-]+\s+){{0,4}}?(?:pain|symptoms)\s+for\s+"
    rf"{_AGE_QUAL}"
    rf"(?P<n>{NUMBER})\s+(?P<unit>weeks?|months?|years?)\b"
    rf"(?!\s+(?:or\s+[\w-]+\s+)?(?:after|following|at\s+a\s+time)\b)|"
    # "present for only 3 weeks", "has persisted for eight months", "has been experiencing
    # pain for 8 months"
    rf"\b(?:present|ongoing|persisted|persisting|experiencing\s+(?:[\w-]+\s+){{0,3}}?pain)"
    rf"\s+for\s+{_AGE_QUAL}(?P<n>{NUMBER})\s+{_AGE_UNIT}\b|"
    # "low back pain with radiation to the left calf for the past 4 months"
    rf"\b(?:pain|symptoms|complaints?|discomfort)\b[^.;]{{0,60}}?\bfor\s+the\s+(?:past|last)\s+"
    rf"{_AGE_QUAL}(?P<n>{NUMBER})\s+{_AGE_UNIT}\b|"
    # "the injury occurred nearly 2 years ago"
    rf"\b(?:injury|accident)\s+occurred\s+{_AGE_QUAL}{_AGE_N}\s+{_AGE_UNIT}\s+ago\b|"
    # "right wrist and thumb pain of more than one year's duration"
    rf"\b(?:pain|symptoms|complaints?|condition)\b[^.;]{{0,40}}?\bof\s+{_AGE_QUAL}"
    rf"(?P<n>{NUMBER})\s+{_AGE_UNIT}(?:'s|\u2019s|'|\u2019)?\s+duration\b",
    regex.IGNORECASE)


_FLARE_OF = regex.compile(r"\b(?:flare[- ]?ups?|flares?|exacerbations?|recurrences?)\b",
                          regex.IGNORECASE)
# "low back pain since 2014", "which he reported had been present since 2014"
_PAIN_SINCE_YEAR = regex.compile(
    r"\b(?:pain|symptoms|complaints?|present|ongoing)\b[^.;]{0,40}?\bsince\s+"
    r"(?P<year>(?:19|20)\d\d)\b(?![/-])", regex.IGNORECASE)


def _elapsed_months(m: regex.Match) -> float:
    n = m.group("n")
    months = (1 if n.lower() in ("a", "an") else to_int(n)) * \
        _UNIT_MONTHS[m.group("unit").lower().rstrip("s")]
    # ("less than 3 months old": short of it)
    return months - 0.01 if m.groupdict().get("less") else months


def _at_another_date(sentence: str, as_of: Fact) -> bool:
    """The sentence is dated, and not by the request's date: "the progress report dated
    4-4-2016 noted that he was eight weeks post-op" tells the time then (the operation's date,
    read by `surgery`), not at the request."""
    dates = find_dates(sentence)
    return bool(dates) and not (as_of.known and any(d.value == as_of.value for d in dates))


def postsurgical(text: ItemText, surgery_fact: Fact, surgery_date: Fact, as_of: Fact,
                 period_months: int = 6) -> Fact:
    """Within the postsurgical physical medicine period (6 months by default, 9792.24.3(b)),
    derived from the dates; the reviewer's statement that the request is within (or outside)
    the period is evidence too, and decides when the dates do not."""
    stated: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            for pattern, value in ((_IN_PERIOD, True), (_OUT_OF_PERIOD, False)):
                # (not UR's reason: "utilization review non-certified the physical therapy,
                # noting that ... the postsurgical treatment period ... had expired")
                if (m := sentence.search(pattern)) and not said_by_ur(sentence.text, m) and not (
                        _PRESCRIBED_BEFORE.search(sentence.text, max(0, m.start() - 120),
                                                  m.start())) and not (
                        value and _PAST_COURSE_IN_PERIOD.search(sentence.text, 0, m.start())) \
                        and not sentence.search(_ANOTHER_OPERATION):
                    stated.append(Reading(value=value, part=part.name,
                                          evidence=[sentence.evidence(m.start(), m.end())]))
            if sentence.about_case() and (m := sentence.search(_ELAPSED)) and \
                    not _at_another_date(sentence.text, as_of):
                stated.append(Reading(value=_elapsed_months(m) < period_months, part=part.name,
                                      evidence=[sentence.evidence(m.start(), m.end())]))
    if not surgery_fact.known and surgery_fact.evidence:
        # (the operations are on another body region only: a statement that the request is
        # within a postsurgical period is of theirs, "Although the patient remains within the
        # 6-month postsurgical period of her lumbar microdiscectomy, the shoulder therapy ...")
        stated = [r for r in stated if r.value is False]
    if not surgery_fact.known and not stated:
        if surgery_fact.evidence:   # an operation on another body region only
            return Fact(value=False, known=True, evidence=surgery_fact.evidence,
                        note=surgery_fact.note)
        # the letter, which summarises the record, names no operation: none is in the record
        # (what it says of care without one is the evidence: "treated nonoperatively")
        said = [sentence.evidence(m.start(), m.end()) for _, sentence in _sentences(text)
                if (m := sentence.search(_NO_OPERATION))]
        return Fact(value=False, known=True, basis="not_in_record", evidence=said[:2],
                    note="the letter, which summarises the record, mentions no surgery: the "
                         "request is not postsurgical care")
    if surgery_fact.known and not surgery_date.known and as_of.known and not stated:
        # dated by its month only: decided when every day of the month gives the same answer
        within = within_period(surgery_date, as_of.value, period_months)
        if within is not None:
            return Fact(value=within, known=True, evidence=surgery_date.evidence + as_of.evidence,
                        note=f"derived: the operation (between {surgery_date.earliest} and "
                             f"{surgery_date.latest}) is {'within' if within else 'more than'} "
                             f"{period_months} months before the request, whatever its day")
    if not (surgery_fact.known and surgery_date.known and as_of.known):
        if stated:
            return resolve(stated, RECORD_ORDER, basis="stated",
                           note="as the letter states it; the dates do not decide it")
        return Fact.unknown("a surgery is mentioned but its date or the request date is unknown, "
                            "so whether the request falls in the postsurgical period is unknown")
    months = months_between(surgery_date.value, as_of.value)
    derived = 0 <= months < period_months
    note = (f"derived: {months} months from surgery to request; the presumptive postsurgical "
            f"physical medicine period is {period_months} months")
    if any(r.value != derived for r in stated):
        note += "; the letter states otherwise, and its statement wins"
        return resolve(stated, RECORD_ORDER, note=note, basis="stated")
    return Fact(value=derived, known=True,
                evidence=surgery_date.evidence + as_of.evidence
                + [e for r in stated for e in r.evidence], note=note)


def _flag_readings(parts, positive: regex.Pattern, negative: regex.Pattern | None,
                   skip: regex.Pattern | None = None,
                   region: str | None = None) -> list[Reading]:
    """Yes (positive) and no (negative, which wins in a sentence) readings from the parts'
    sentences about the case; sentences matching `skip` say nothing either way. With a
    `region`, a statement whose clause names only other body regions ("a flare-up of low back
    pain", for neck treatment) is not about this item."""
    readings: list[Reading] = []
    for part in parts:
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or (skip is not None and sentence.search(skip)):
                continue
            # the first statement about the item's region, a "no" before a "yes" ("a flare-up of
            # low back pain ..., with a concurrent flare-up of neck stiffness", for the neck)
            found = next(((value, m) for value, pattern in ((False, negative), (True, positive))
                          if pattern is not None for m in sentence.finditer(pattern)
                          if _about_region(sentence.text, m.start(), region)), None)
            if found is None:
                continue
            value, m = found
            readings.append(Reading(value=value, part=part.name,
                                    evidence=[sentence.evidence(m.start(), m.end())]))
    return readings


def _about_region(text: str, at: int, region: str | None) -> bool:
    """Does the clause at `at` name the item's region, or no region at all?"""
    if region not in NAMED_REGIONS:
        return True
    named = {r.value for r in categories.mentions(
        categories.BODY_REGION, clause_around(text, at))} - {"limb"}
    return not named or region in named


def with_other_items(fact: Fact, text: ItemText, readings: list[Reading]) -> Fact:
    """A fact about the patient read from this item's parts, with the other items' rationales
    that say the same added to its evidence (they never decide it)."""
    if not fact.known:
        return fact
    agreeing = [e for r in readings if r.value == fact.value for e in r.evidence]
    if not agreeing:
        return fact
    return fact.model_copy(update={"evidence": dedupe(fact.evidence + agreeing)})


def flag(text: ItemText, positive: regex.Pattern, negative: regex.Pattern | None,
         what: str, patient: bool = False, rank: dict | None = None,
         latest: bool = False) -> Fact:
    """A yes/no fact from cue patterns; `patient`: a fact about the patient, which the other
    items' rationales may state too (evidence only); `rank`: which value wins where the
    readings disagree (else the record's order: the first statement of a part, or with
    `latest` the last)."""
    readings = _flag_readings((text.rationale, text.summary), positive, negative)
    if not readings:
        return Fact.unknown(f"the letter does not mention {what}")
    fact = (resolve(readings, RECORD_ORDER, rank=rank, rank_first=True,
                    rank_reason="a statement that it is not done outweighs a history that "
                                "lists it") if rank else resolve(readings, RECORD_ORDER,
                                                                  latest=latest))
    if patient:
        fact = with_other_items(fact, text, _flag_readings(text.other_rationales(), positive,
                                                           negative))
    return fact


def flare_up(text: ItemText, region: str | None = None) -> Fact:
    readings = _flag_readings((text.rationale, text.summary), _FLARE, _NEGATED_FLARE,
                              region=region)
    if readings:
        return resolve(readings, RECORD_ORDER)
    elsewhere = [r for r in _flag_readings((text.rationale, text.summary), _FLARE,
                                           _NEGATED_FLARE) if r.value]
    if elsewhere:
        # "a flare-up of low back pain", for neck treatment: none of this region in the record
        return Fact(value=False, known=True, basis="not_in_record",
                    evidence=[e for r in elsewhere for e in r.evidence],
                    note="the letter mentions a flare-up of another body region only")
    return Fact.unknown("the letter does not mention a flare-up")


def home_exercise_program(text: ItemText) -> Fact:
    # the latest record governs: "On 10/03/2016 ... not performing any home exercises. On
    # 11/14/2016 she was performing a home exercise program daily" (a summary tells the record
    # in order, so the last statement of a part is the latest)
    return flag(text, _HEP, _NO_HEP, "a home exercise programme", patient=True, latest=True)


def _work_readings(parts) -> list[Reading]:
    return _flag_readings(parts, _WORKING, _NOT_WORKING, skip=_UNSTATED_WORK)


def return_to_work(text: ItemText) -> Fact:
    readings = _work_readings((text.rationale, text.summary))
    if not readings:
        # the same patient's work status, stated only in another item's rationale ("The
        # claimant is working with restrictions", said of the chiropractic beside this PT)
        if others := _work_readings(text.other_rationales()):
            return resolve(others, ("letter",),
                           note="stated in another item's rationale: the same patient's work "
                                "status")
        return Fact.unknown("the letter does not state the work status")
    return with_other_items(resolve(readings, RECORD_ORDER, latest=True), text,
                            _work_readings(text.other_rationales()))


_PASSIVE_TAIL = regex.compile(r"[^.;]{0,80}?\b(?:was|were|is|are|has\s+been|have\s+been)\s+"
                              r"(?:(?:previously|also|subsequently|both|each)\s+)?$",
                              regex.IGNORECASE)


def _own_clause(text: str, item_modality: str | None, region: str | None,
                title: str = "") -> tuple[int, int]:
    """Where a sentence decides several requests ("denied a request for twelve visits for the
    Cervical Spine and partially approved a request for nine visits for the right shoulder"),
    the clause from the decision word that names the item's treatment (and, when several do,
    its body region); else the whole sentence."""
    # (a decision word inside a modification's own words starts no clause: "approved 4 and
    # denied 8 of the requested chiropractic visits")
    inside = [m.span() for m in UR_MODIFIED.finditer(text)]
    starts = sorted({m.start() for p in (UR_MODIFIED, _UR_PARTIAL, _UR_DENIED)
                     for m in p.finditer(text)
                     if not any(a < m.start() < b for a, b in inside)})
    if len(starts) < 2:
        return 0, len(text)
    # "..., and the massage therapy and the cervical traction unit were previously denied": a
    # treatment named before a passive decision is that decision's
    ends = starts[1:] + [len(text)]
    for mention in categories.mentions(categories.MODALITY, text):
        if mention.value != item_modality:
            continue
        following = [(s, e) for s, e in zip(starts, ends, strict=True) if s >= mention.end]
        if following and _PASSIVE_TAIL.match(text, mention.end, following[0][0]):
            return mention.start, following[0][1]
    clauses = [(s, e) for s, e in zip(starts, ends, strict=True)
               if any(m.value == item_modality
                      for m in categories.mentions(categories.MODALITY, text[s:e]))]
    if len(clauses) > 1 and (timing := _OP_TIMING.search(title)):
        # ("non-certified the pre-operative physical therapy, non-certified the post-operative
        # physical therapy as premature ...", of the pre-operative therapy: its own clause)
        same = [(s, e) for s, e in clauses if (said := _OP_TIMING.search(text, s, e))
                and said.group("when").lower() == timing.group("when").lower()]
        if len(same) == 1:
            return same[0]
    if len(clauses) > 1 and region not in (None, "unspecified"):
        # the clause naming the item's region; for several regions, the one naming them all
        wanted = ({m.value for m in categories.mentions(categories.BODY_REGION, title)} - {"limb"}
                  if region == "multiple" else {region})
        clauses = [(s, e) for s, e in clauses
                   if wanted and wanted <= {m.value for m in categories.mentions(
                       categories.BODY_REGION, text[s:e])}]
    return clauses[0] if len(clauses) == 1 else (0, len(text))


# therapy before or after an operation, as a title and a UR clause name it
_OP_TIMING = regex.compile(r"\b(?P<when>pre|post)-?\s*op(?:erative)?\b", regex.IGNORECASE)


def _decision_evidence(sentence: Sentence, match: regex.Match, named: set[str],
                       item_modality: str | None) -> list[Evidence]:
    """The decision word, and where a sentence decides several treatments ("non-certified the
    request for additional acupuncture ..., the request for physical therapy as ..."), the
    mention of this one."""
    evidence = [sentence.evidence(match.start(), match.end())]
    if len(named) > 1:
        evidence += [sentence.evidence(m.start, m.end)
                     for m in categories.mentions(categories.MODALITY, sentence.text)
                     if m.value == item_modality]
    return evidence


# a decision on every request at once: "non-certified all four requests", "both requests"
_ALL_REQUESTS = regex.compile(r"\b(?:all|both|each\s+of)\s+(?:(?:of\s+)?the\s+)?(?:\w+\s+)?"
                              r"(?:requests|requested\s+(?:treatments|services|items)|"
                              r"treatments|items|services)\b", regex.IGNORECASE)


# where the object of a UR decision ends and its reasons begin
_REASON_CUE = regex.compile(r"\b(?:due\s+to|because|as|since|citing|given|noting|stating|"
                            r"on\s+the\s+basis|"
                            r"for\s+(?:lack|want)|with\s+the\s+rationale)\b|[;:]",
                            regex.IGNORECASE)


def _decided_elsewhere(sentence: str, span: tuple[int, int], region: str,
                       item_modality: str | None = None) -> bool:
    """The UR decision in the clause is on a request for another body region ("modified the
    request for physical therapy ... for the lumbar spine to 6 sessions", for a shoulder item);
    the regions of its reasons ("due to ... deficits of the cervical spine") do not count, nor,
    in a list of treatments ("physical therapy for the left ankle, aquatic therapy, ..."), the
    regions of the other treatments."""
    decided = [m.start() for p in (UR_MODIFIED, _UR_PARTIAL, _UR_DENIED)
               if (m := p.search(sentence, *span))]
    if not decided:
        return False
    start = min(decided)
    reason = _REASON_CUE.search(sentence, start, span[1])
    window = sentence[start:reason.start() if reason else span[1]]
    if len({m.value for m in categories.mentions(categories.MODALITY, window)}) > 1:
        # from this treatment's list item on, the first region named: "physical therapy and
        # chiropractic treatment for the lumbar spine" share it; a region named before ("physical
        # therapy for the left ankle, aquatic therapy") is another treatment's
        pieces = _LIST_BREAK.split(window)
        own = next((i for i, piece in enumerate(pieces)
                    if any(m.value == item_modality
                           for m in categories.mentions(categories.MODALITY, piece))), None)
        # (up to the next treatment's list item: "requests for acupuncture, chiropractic
        # manipulative therapy, a gym membership, Mobic, and MRI imaging of the right shoulder"
        # place only the MRI)
        placed = ""
        for i, piece in enumerate(pieces[own:] if own is not None else []):
            if i and categories.NON_PM_SERVICE.search(piece):
                break
            if any(m.value != "limb"
                   for m in categories.mentions(categories.BODY_REGION, piece)):
                placed = piece
                break
        window = placed if own is not None else window
    where = {m.value for m in categories.mentions(categories.BODY_REGION, window)}
    where -= {"limb"}
    return bool(where) and region not in where


# a drug, or a count of tablets, in a UR decision that names no treatment
_A_DRUG = regex.compile(rf"\b{DRUG}\b|#\s?\d", regex.IGNORECASE)


def ur_decision(text: ItemText, item_modality: str | None = None) -> tuple[Fact, Fact]:
    """(ur_decision, ur_modified_visits). The item heading's preamble ("... was authorized by
    the Claims Administrator") states it first; then sentences about the UR decision that name
    this treatment; then ones that name no treatment."""
    decisions: list[Reading] = []
    counts: list[Reading] = []
    for sentence in text.preamble.sentences():
        if sentence.search(_AUTHORIZED) and not regex.search(
                r"original\s+request\.?$", sentence.text.strip(), regex.IGNORECASE):
            decisions.append(Reading(value=URDecision.modified.value, part="preamble",
                                     evidence=[sentence.evidence()]))
            hit = parse_visits(sentence.text)
            if hit and hit.total:
                counts.append(Reading(value=hit.total, part="preamble",
                                      evidence=[sentence.evidence(hit.start, hit.end)]))
    unnamed: tuple[list[Reading], list[Reading]] = ([], [])
    region = categories.body_region(text.title.view.folded)
    header = text.header_evidence("ur_date")
    ur_day = header[0] if header is not None and isinstance(header[0], dt.date) else None
    on_the_day: list[int] = []     # readings of reviews dated on the header's UR date
    dated_before: list[int] = []   # and of reviews dated before it
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if not sentence.search(_UR) or sentence.search(_IMR_CANNOT_MODIFY):
                continue
            named = sentence.modalities()
            if named and item_modality not in named:
                # a treatment named only in UR's reason ("denied the request, stating that the
                # employee had already completed an adequate course of physical therapy") is
                # not the one decided
                cue = _REASON_CUE.search(sentence.text)   # ("... denied the request, stating")
                if cue is None or any(True for _ in categories.mentions(
                        categories.MODALITY, sentence.text[:cue.start()])):
                    continue
                named = set()
            # in the item's own rationale a UR decision that names no treatment is this one's;
            # so is one on "all four requests" of the request the letter lists
            into = (decisions, counts) if (named or part is text.rationale
                                           or sentence.search(_ALL_REQUESTS)) else unnamed
            span = _own_clause(sentence.text, item_modality, region, text.title.view.folded)
            if named and region in NAMED_REGIONS and part is text.summary and \
                    _decided_elsewhere(sentence.text, span, region, item_modality):
                continue
            day = _review_date(sentence.text, span) if ur_day is not None else None
            if day is not None and day < ur_day - _EARLIER_REVIEW:
                continue
            before = (len(into[0]), len(into[1]))
            if (m := UR_MODIFIED.search(sentence.text, *span)) and \
                    _A_DRUG.search(sentence.text, max(span[0], m.start() - 40), m.end()):
                if not named:
                    continue   # ("Norco is modified to #30 for weaning": a drug's decision)
                # ("non-certified the pre-operative physical therapy, ..., and modified the
                # Norco to #30": the drug's modification, not the therapy's decision)
                m = None
            if m:
                ev = [sentence.evidence(m.start(), m.end())]
                into[0].append(Reading(value=URDecision.modified.value, part=part.name,
                                       evidence=ev))
                into[1].append(Reading(value=to_int(m.group("n")), part=part.name,
                                       evidence=[sentence.evidence(m.start("n"), m.end("n"))]
                                       + ev))
            elif (m := _MODIFIED_TO.search(sentence.text, *span)) and \
                    (hit := parse_visits(sentence.text, m.end())) and \
                    hit.start == m.end() and hit.total and hit.frequency:
                ev = [sentence.evidence(m.start(), hit.end)]
                into[0].append(Reading(value=URDecision.modified.value, part=part.name,
                                       evidence=ev))
                into[1].append(Reading(value=hit.total, part=part.name,
                                       evidence=[sentence.evidence(hit.start, hit.end)] + ev))
            elif m := _UR_PARTIAL.search(sentence.text, *span):
                into[0].append(Reading(value=URDecision.modified.value, part=part.name,
                                       evidence=_decision_evidence(sentence, m, named,
                                                                   item_modality)))
                # "... partially approved a request for physical therapy 2x6; the request was
                # modified to 6 visits": the count follows in the sentence's next clause (in a
                # sentence that decides other treatments too, when only this one is named
                # between: "partially certified a request for 12 sessions of chiropractic
                # manipulative therapy as four sessions of the same and denied ... acupuncture")
                # (the count right after the cue first: "partially certified 6 sessions of
                # acupuncture and non-certified the remaining 6 sessions, modified Norco #90 to
                # #45")
                if (n := _PARTIAL_COUNT.match(sentence.text, m.end())
                        or UR_MODIFIED.search(sentence.text, m.end())
                        or _PARTIAL_AS.search(sentence.text, m.end(), m.end() + 200)) and (
                        named <= {item_modality} or {x.value for x in categories.mentions(
                            categories.MODALITY, sentence.text[m.start():n.end()])}
                        == {item_modality}):
                    said = sentence.evidence(n.start(), n.end())
                    into[0][-1].evidence.append(said)
                    into[1].append(Reading(value=to_int(n.group("n")), part=part.name,
                                           evidence=[said]))
            elif m := _UR_DENIED.search(sentence.text, *span):
                into[0].append(Reading(value=URDecision.denied.value, part=part.name,
                                       evidence=_decision_evidence(sentence, m, named,
                                                                   item_modality)))
            if day is not None:
                added = into[0][before[0]:] + into[1][before[1]:]
                (on_the_day if day == ur_day else dated_before).extend(map(id, added))
    if on_the_day and dated_before:
        # "November 01, 2016 Utilization Review modified physical therapy 2x6" and "... that was
        # noncertified by Utilization Review on December 07, 2016" (UR Denial Date 12/07/2016):
        # the review of the header's date is this request's
        stale = set(dated_before)
        for found in (decisions, counts, *unnamed):
            found[:] = [r for r in found if id(r) not in stale]
    if not decisions:
        decisions, counts = unnamed
    if (header := text.header_evidence("ur_date")) is not None:
        # "UR Denial Date: 12/19/2016": the header records a denial (a modification is a
        # partial denial, so a statement in the letter wins over it)
        decisions.append(Reading(value=URDecision.denied.value, part="header",
                                 evidence=[header[1]]))
    if not decisions:
        return (Fact.unknown("the letter does not state the UR decision"),
                Fact.unknown("the letter does not state the UR decision"))
    order = ("preamble", *RECORD_ORDER, "header")
    decision = resolve(decisions, order)
    if decision.value != URDecision.modified.value:
        return decision, Fact.unknown("the request was denied, not modified")
    if not counts:
        return decision, Fact.unknown("the number of visits UR allowed is not stated")
    return decision, resolve(counts, order)


# a review dated this long before the UR decision the header records is an earlier request's
_EARLIER_REVIEW = dt.timedelta(days=60)


def _review_date(text: str, span: tuple[int, int]) -> dt.date | None:
    """The date nearest the UR decision in the sentence, if it states one. A decision dated well
    before the UR decision the header records ("A request for 12 sessions ... was modified on
    09/26/2016 to a trial of 6 sessions", UR Denial Date 12/27/2016) is an earlier request's
    review."""
    found = [m for p in (UR_MODIFIED, _UR_PARTIAL, _UR_DENIED)
             if (m := p.search(text, *span)) is not None]
    if not found:
        return None
    at = min(m.start() for m in found)
    dates = [(d.start, d.value) for d in find_dates(text)]
    # (or, with no day, a month right beside the decision, at its last day: "An initial request
    # for 12 acupuncture sessions in August 2016 was modified by utilization review to 6
    # sessions"; not the month of what the sentence tells after it, "... based its
    # non-certification on 8 completed postoperative visits; however, those 8 visits followed
    # a ... in July 2016")
    if not dates:
        dates = [(m.start(), dt.date(int(m.group("y")), month_number(m.group("m")),
                                     calendar.monthrange(int(m.group("y")),
                                                         month_number(m.group("m")))[1]))
                 for m in _REVIEW_MONTH.finditer(text) if abs(m.start() - at) <= 60]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d[0] - at))[1]


_REVIEW_MONTH = regex.compile(rf"\b(?P<m>{_MONTH_NAMES})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b",
                              regex.IGNORECASE)


# "Associated surgical service: Physical therapy", "Post-op physical therapy"
_ASSOCIATED = regex.compile(rf"^\W*(?:{categories.ASSOCIATED_SERVICE}|post-?\s*op(?:erative)?|"
                            r"post-?surgical)\b", regex.IGNORECASE)
# the item's own rationale ties it to the operation another item requests: "As the concurrent
# request for surgery is supported and the 12 visits requested represent the initial course"
# ("PT 2x6 R knee"), "The concurrent requested shoulder surgery is supported"
_CONCURRENT_SURGERY = regex.compile(
    r"\bconcurrent(?:ly)?\s+(?:request(?:ed)?\s+(?:for\s+)?(?:the\s+)?)?(?:[\w-]+\s+){0,2}?"
    r"(?:surgery|surgical\s+(?:procedure|request|intervention)|operation)\b", regex.IGNORECASE)


def _for_surgery_in_letter(text: ItemText) -> Evidence | None:
    """Where the item is therapy for after an operation the letter decides: its title says so
    ("Associated surgical service: ...", "Post-op ..."), or its rationale does."""
    if own := _ASSOCIATED.search(text.title.view.folded):
        return text.title.evidence(own.start(), own.end())
    for sentence in text.rationale.sentences():
        if m := sentence.search(_CONCURRENT_SURGERY):
            return sentence.evidence(m.start(), m.end())
    return None


# a title that names the operation the therapy is to follow: "Physical therapy following
# manipulation under anesthesia 3 times a week for 4 weeks"
_FOLLOWING_OPERATION = regex.compile(
    r"\b(?:following|after)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:surgery|operation|"
    r"manipulation\s+under|release|repair|arthroscop\w*|arthroplasty|fusion|\w*ectomy|ORIF|"
    r"reconstruction)\b", regex.IGNORECASE)


def planned_surgery(text: ItemText, surgery_fact: Fact, surgery_date: Fact,
                    as_of: Fact, category: Fact) -> Fact | None:
    """Post-operative therapy asked for before the operation it is to follow ("Post-op physical
    therapy 12 sessions", the decompression scheduled two weeks after the request; "Physical
    therapy following manipulation under anesthesia", the manipulation another item of this
    letter requests): the therapy falls in the postsurgical period. None otherwise."""
    title = text.title.view.folded
    if not (surgery_fact.known and (_ASSOCIATED.search(title)
                                    or _FOLLOWING_OPERATION.search(title))):
        return None
    if not surgery_date.known and not surgery_date.earliest and \
            not for_a_surgery_requested(text) and \
            (other := _requested_here(text, category)) is not None:
        part = text.letter_part(other.title)
        return Fact(value=True, known=True, evidence=[part.evidence(0, len(part.view.folded))],
                    note=f"the operation is the one item {other.index} of this letter requests, "
                         "not yet done: the post-operative therapy asked for is to follow it")
    if not (surgery_date.known and as_of.known and surgery_date.value > as_of.value):
        return None
    return Fact(value=True, known=True, evidence=surgery_date.evidence + as_of.evidence,
                note=f"the operation ({surgery_date.value.isoformat()}) is dated after the "
                     f"request ({as_of.value.isoformat()}): the post-operative therapy asked for "
                     "is to follow it")


# therapy asked for before an operation: "Pre-operative physical therapy for the left knee 2 x 3",
# "Preop PT", "Prehabilitation"
_BEFORE_OPERATION = regex.compile(r"\bpre-?\s*op(?:erative(?:ly)?)?\b|\bprehab(?:ilitation)?\b",
                                  regex.IGNORECASE)


def preoperative(text: ItemText) -> Fact | None:
    """Therapy whose title says it is for before an operation is not postsurgical care (the
    post-operative course the surgeon outlines for after it is another request). None when the
    title does not say so."""
    if (m := _BEFORE_OPERATION.search(text.title.view.folded)) is None:
        return None
    # (stated: no operation's date makes it postsurgical, decide._postsurgical_period)
    return Fact(value=False, known=True, evidence=[text.title.evidence(m.start(), m.end())],
                basis="stated",
                note="the therapy asked for is before the operation: not postsurgical care")


# an operation authorised and not yet done: "A right total knee arthroplasty was requested and
# was certified by utilization review on 10-21-2016; the surgery was pending scheduling"
_SURGERY_CERTIFIED = regex.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+(?:subsequently\s+|previously\s+)?"
    r"(?:certified|approved|authori[sz]ed)\b", regex.IGNORECASE)
_SURGERY_PENDING = regex.compile(
    rf"\b{categories.OPERATION_NOUN}\s+"
    r"(?:was|is|remains|remained)\s+(?:still\s+)?(?:pending|awaiting|not\s+yet\s+(?:been\s+)?"
    r"(?:performed|scheduled|done))|"
    r"\b(?:has|had)\s+not\s+yet\s+(?:been\s+performed|taken\s+place|occurred|been\s+done)|"
    # "the surgery has not been scheduled", "and is awaiting scheduling", "elected to postpone it"
    rf"\b{categories.OPERATION_NOUN}\s+(?:has|had)\s+not\s+(?:yet\s+)?been\s+(?:scheduled|"
    r"performed|done)\b|"
    r"\band\s+(?:is|was)\s+(?:still\s+)?(?:awaiting|pending)\s+(?:scheduling|a\s+(?:surgical\s+)?"
    r"date)\b|"
    r"\b(?:elected|chose|decided|wishes|wanted)\s+to\s+(?:postpone|delay|defer|put\s+off)\s+"
    r"(?:it|the\s+(?:surgery|operation|procedure))\b|"
    # "requesting the initial postoperative course before the surgery is reasonable"; UR's
    # reason: "postoperative therapy being premature before the surgery had been scheduled"
    r"\bbefore\s+the\s+(?:surgery|operation|procedure)\s+(?:is\s+reasonable|(?:had|has)\s+been\s+"
    r"(?:scheduled|performed))\b", regex.IGNORECASE)


def authorised_surgery(text: ItemText, surgery_fact: Fact, surgery_date: Fact,
                       category: Fact) -> dict[str, Fact] | None:
    """The item's operation as UR authorised it ("The L5-S1 ... fusion was certified by
    utilization review on 06/28/2016 and was performed on 08/09/2016"); and post-operative
    therapy asked for before an authorised operation that has not taken place ("was certified by
    utilization review on 10-21-2016; the surgery was pending scheduling"): the therapy is for
    after it, and no sessions since it can have been had. None otherwise."""
    if not (surgery_fact.known and category.known):
        return None
    certified = pending = None
    # (the record first: the summary says when UR authorised it)
    for sentence in (*text.summary.sentences(), *text.rationale.sentences()):
        if certified is None and (m := sentence.search(_SURGERY_CERTIFIED)):
            named = [n for n in categories.mentions(categories.SURGERY, sentence.text[:m.start()])
                     if n.value == category.value]
            if named:
                certified = sentence.evidence(named[-1].start, m.end())
        if pending is None and (p := sentence.search(_SURGERY_PENDING)):
            pending = sentence.evidence(p.start(), p.end())
    if certified is None:
        return None
    found = {"surgery_authorized": Fact(value=True, known=True, evidence=[certified],
                                        note="the letter says UR authorised the operation")}
    if pending is None or surgery_date.known or surgery_date.earliest:
        return found
    title = text.title.view.folded
    if not (_ASSOCIATED.search(title) or _FOLLOWING_OPERATION.search(title)):
        # therapy asked for while the operation waits: not care after it (Postsurgical
        # Treatment Guidelines apply from the operation on)
        if not _BEFORE_OPERATION.search(title):
            found["postsurgical"] = Fact(
                value=False, known=True, evidence=[certified, pending],
                note="the operation was authorised and has not yet taken place: therapy before "
                     "it is not postsurgical care")
        return found
    note = "the operation was authorised and has not yet taken place: the therapy is to follow it"
    found["postsurgical"] = Fact(value=True, known=True, evidence=[certified, pending], note=note)
    found["sessions_since_surgery"] = none_since_surgery([pending])
    return found


def none_since_surgery(evidence: list[Evidence]) -> Fact:
    """No sessions since an operation that has not yet taken place."""
    return Fact(value=0, known=True, qualifier=CountQualifier.exact, evidence=evidence,
                note="the operation has not yet taken place: no sessions since it")


def surgery_under_review(text: ItemText, surgery_fact: Fact, category: Fact,
                         surgery_date: Fact) -> Fact | None:
    """An undated operation that another item of this letter requests ("Arthroscopy of the right
    knee with partial medial meniscectomy: Upheld"), for therapy that is not the surgery's own
    associated service: the operation has not taken place, so the therapy is not postsurgical.
    None otherwise."""
    if not (surgery_fact.known and category.known) or surgery_date.known or \
            surgery_date.earliest or _for_surgery_in_letter(text):
        return None
    if (other := _requested_here(text, category)) is None:
        return None
    part = text.letter_part(other.title)
    return Fact(value=False, known=True, evidence=[part.evidence(0, len(part.view.folded))],
                note=f"the operation is the one item {other.index} of this letter requests: it "
                     "has not taken place")


def _requested_here(text: ItemText, category: Fact) -> DisputedItem | None:
    """The other item of this letter that requests the operation (of the category given)."""
    if not category.known:
        return None
    return next((other for other in text.determination.items
                 if other.index != text.item.index and not _ASSOCIATED.search(other.title.quote)
                 and categories.surgery_type(other.title.quote) == category.value), None)


def for_a_surgery_requested(text: ItemText) -> bool:
    """"Associated surgical service: Physical therapy": therapy for an operation the letter
    decides (not yet done), whose diagnosis is the case's own."""
    return bool(regex.match(r"^\W*associated\s+surgical\s+services?\b", text.title.view.folded,
                            regex.IGNORECASE))


def associated_surgery(text: ItemText, region: Fact) -> dict[str, Fact] | None:
    """Therapy requested for after a surgery that the same letter decides: the surgery, its
    category, whether it is authorised (the letter's decision on it), and the postsurgical
    status. None when the item is not such therapy or the letter has no surgery item."""
    own_ev = _for_surgery_in_letter(text)
    if own_ev is None:
        return None
    for other in text.determination.items:
        if other.index == text.item.index or _ASSOCIATED.search(other.title.quote):
            continue
        category = categories.surgery_type(other.title.quote)
        if category is None or category == "surgery_unspecified" and \
                categories.mentions(categories.MODALITY, other.title.quote):
            continue   # (therapy after another operation is no surgery: "Additional
            # post-operative occupational therapy ... for the right wrist and hand")
        if other_side(other.title.quote, text.side):
            continue   # (a left carpal tunnel release asked for beside therapy for the right
            # wrist after its release)
        part = text.letter_part(other.title)
        site = categories.body_region(part.view.folded)
        if region.known and region.value in NAMED_REGIONS and site in NAMED_REGIONS and \
                site != region.value:
            continue   # (a removal of ankle hardware asked for beside therapy for the right
            # knee after its arthroscopy, which has taken place)
        title_ev = [part.evidence(0, len(part.view.folded))]
        outcome = text.letter_part(other.outcome_span)
        outcome_ev = [outcome.evidence(0, len(outcome.view.folded))]
        authorised = other.recorded_outcome.value == "overturned"
        why = (f"the surgery this therapy is to follow is item {other.index} of the same letter, "
               f"which the letter records as {other.recorded_outcome.value}")
        if title_service_start(part).known:
            # an operation reviewed after the fact, on its date of service ("Retrospective
            # request: Open reduction internal fixation, right ankle (DOS 10/09/2016)"): done,
            # and the letter's own account of it stands; the decision on it is its authorisation
            return {"surgery_authorized": Fact(value=authorised, known=True, evidence=outcome_ev,
                                               note=why)}
        found = {
            "surgery": Fact(value=" ".join(other.title.quote.split()), known=True,
                            evidence=title_ev, note=why),
            "surgery_category": Fact(value=category, known=True, evidence=title_ev),
            "surgery_authorized": Fact(value=authorised, known=True, evidence=outcome_ev,
                                       note=why),
            "postsurgical": Fact(value=True, known=True, evidence=[own_ev, *title_ev],
                                 note="therapy for after a surgery requested in the same letter"),
            "surgery_date": Fact.unknown("the surgery has not taken place; it is requested in "
                                         "the same letter"),
            "sessions_since_surgery": Fact(value=0, known=True, qualifier=CountQualifier.exact,
                                   evidence=title_ev,
                                   note="no postsurgical sessions can have been had: the surgery "
                                        "is requested in the same letter (earlier sessions were "
                                        "before it and do not count against the postsurgical "
                                        "course)"),
        }
        mentions = list(categories.mentions(categories.BODY_REGION, part.view.folded))
        if region.note and mentions and site not in (None, "multiple", "unspecified"):
            # the therapy's title names no region: the surgery it follows does
            found["body_region"] = Fact(
                value=site, known=True,
                evidence=[part.evidence(m.start, m.end) for m in mentions]
                + (region.evidence if region.value == site else []),
                note=f"the therapy's title names no region; read from the title of the surgery "
                     f"it follows (item {other.index})")
        return found
    return None
