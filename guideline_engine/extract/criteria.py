"""Entry criteria and documentation the guidelines require, as the record shows them: objective
deficits, a need for reduced weight bearing (aquatic therapy), a job and a return-to-work goal
and a plateau in earlier therapy (work conditioning).

Each criterion is data: cues that the record shows it, cues that the record says it is missing.
Only sentences about the case are read (not the guideline a reviewer quotes). A statement that it
is missing wins over one that it is there: the reviewer's finding outweighs a general report.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..models import Fact, Reading
from . import categories
from .parts import (
    RECORD_ORDER,
    UR_SUBJECT,
    ItemText,
    clause_around,
    is_guideline_talk,
    resolve,
)


@dataclass(frozen=True)
class Criterion:
    fact: str
    shown: str           # the record shows it
    missing: str         # the record says it is not there / not documented
    shown_value: object = True
    missing_value: object = False
    what: str = ""
    # a criterion that names a kind of request ("maintenance chiropractic treatment"): where
    # another item of the letter is titled by it and this one is not, the summary's word is
    # the other request's, and only this item's own rationale speaks for it
    titled_by: str | None = None
    # the reviewer's finding that the record shows it, read even in a sentence that also states
    # what the guideline recommends ("Regularly scheduled treatment of this kind is maintenance
    # care, which the guidelines do not recommend")
    found: str | None = None
    # a statement that one way of meeting it is absent ("Norco was continued at the same dose",
    # of a criterion met by a medication reduced *or* not tolerated): it says the criterion is
    # missing only when the record shows it no other way
    partly_missing: str | None = None
    # a criterion said of one body region's care: a finding in a clause that names other regions
    # only is another request's ("ongoing weekly chiropractic care for the cervical spine to
    # maintain her current level of function", of a lumbar request)
    regional: bool = False

    @property
    def patterns(self) -> tuple[regex.Pattern, regex.Pattern]:
        return (regex.compile(self.missing, regex.IGNORECASE),
                regex.compile(self.shown, regex.IGNORECASE))


_NOT_DOC = (r"(?:no|not|nothing|lack\w*\s+of|without|absen\w+\s+of|did\s+not\s+(?:document|"
            r"show|note|indicate|explain)|does\s+not\s+(?:document|show|note|indicate|explain)|"
            r"do\s+not\s+(?:document|show|note|indicate|explain)|fail\w*\s+to\s+(?:document|"
            r"show|explain))")

# pain medication, by class and by the names letters use (history.py reads its reduction)
DRUG = (r"(?:medications?|NSAIDs?|opioids?|narcotics?|anti-?inflammator\w+|ibuprofen|Motrin|"
         r"naproxen|Naprosyn|Anaprox|meloxicam|Mobic|diclofenac|celecoxib|Celebrex|hydrocodone|"
         r"Norco|tramadol|Ultram|oxycodone|Percocet|gabapentin|Neurontin|pregabalin|Lyrica|"
         r"cyclobenzaprine|Flexeril|tizanidine|Zanaflex|morphine|codeine|acetaminophen|Tylenol|"
         r"butalbital[\w-]*|Fioricet|Fiorinal)")

# the utilization review's reasons, as the letter reports them ("UR non-certified the requests
# due to the lack of documentation that ..."): what UR found, not what the record shows
# ("The utilization reviewer considered the request to be maintenance care")
# who made the earlier decision: utilization review, the claims administrator, the prior review
_UR_REASON = regex.compile(
    # a denial told in the passive, its reason UR's: "The aquatic therapy was non-certified on the
    # basis that the injured worker had already completed 24 therapy sessions and that no need for
    # reduced weight bearing was documented"
    # ("was non-certified on 01/10/2017, the reviewer stating that ...")
    r"\b(?:was|were|had\s+been)\s+(?:non-?certified|denied)\s+(?:[\w/,-]+\s+){0,5}?(?:on\s+the\s+"
    r"basis\s+(?:of|that)|because|due\s+to|citing|noting|stating)\b|"
    # ("The utilization review based its denial on 12 prior sessions")
    rf"\b{UR_SUBJECT}\b[^.]{{0,200}}?\b(?:due\s+to|because|citing|cited|based\s+(?:(?:its|the|their|"
    r"this)\s+(?:denial|decision|determination|non-?certification|modification)\s+)?on|stating|"
    # ("The prior review modified the request on the basis that lumbar range of motion had not
    # significantly improved")
    r"on\s+the\s+basis\s+(?:of|that)|noting|finding|reasoning|reasoned|considered|deemed|felt|"
    r"opined|determined|"
    # ("the claims administrator denied a request for six sessions of chiropractic manipulative
    # therapy, characterizing the same as maintenance care")
    r"characteri[sz](?:ing|ed|es)|"
    # "The utilization review denial rested on the statement that ...", "The claims
    # administrator's position that the applicant had already completed 12 sessions"
    r"rested\s+on|relied\s+(?:up)?on|(?:position|contention)\s+(?:was\s+)?that|statement\s+that|"
    # "The prior utilization review referred to 12 sessions of acupuncture in 2009"
    r"referred\s+to|"
    # "the prior reviewer's reason for denying it (that she \"has already had 12 sessions of
    # therapy\")"
    r"reasons?\s+for\s+(?:denying|non-?certifying|modifying|(?:the|its|this|that)\s+(?:denial|"
    r"non-?certification|modification))|"
    # "UR 12/07/2015 non-certified for "no documentation that pain medication is reduced""
    r"(?:non-?certified|denied|modified)\s+(?:it\s+|the\s+request\s+)?for(?=\s+(?:[\"\u201c]|(?:an?\s+|"
    r"the\s+)?(?:lack|absence)\b|no\b))|"
    r"as\s+there\s+(?:was|were|is)|"
    # "06/24/2015 - UR non-certified work conditioning (no documented plateau in physical
    # therapy)": its reason in parentheses
    # ("UR 12/09/2016 -- aquatic: non-cert ("no reason given why IW cannot do a land-based HEP")")
    r"(?:non-?certified|denied|modified)\s+(?:[\w-]+\s+){1,6}?\((?=\s*(?:no|not|lack|absence|"
    r"insufficient)\b)|"
    r"\bnon-?cert\s*\(\s*[\"\u201c]?(?=\s*(?:no|not|lack|absence|"
    r"insufficient)\b)|"
    # "Utilization review ... non-certified both requests; for the aquatic therapy it stated
    # that the claimant is not extremely obese"
    r"(?:it|they)\s+(?:stated|noted|found|indicated|reasoned)\s+that|"
    # (after it, the decision's reviewer: "Utilization Review on 08/22/2014 non-certified all
    # five requests; for the aquatic therapy, the reviewer stated that there was no documentation
    # that ...", "... and that decision was upheld at Independent Medical Review on 4/21/2016;
    # the IMR reviewer noted that the records did not document the patient's weight")
    r"(?:the|its|that)\s+(?:(?:IMR|UR|prior|previous|earlier)\s+)?(?:physician\s+)?reviewer\s+"
    r"(?:stated|noted|asserted|wrote|indicated|commented|opined|found)|"
    # "The Utilization Review noted an absence of documented functional deficits, however, ..."
    # ("The utilization reviewer wrote that the claimant had not reached a plateau")
    rf"(?<=\b{UR_SUBJECT}\s+(?:\w+\s+){{0,3}}?)(?:noted|stated|indicated|found|asserted|wrote|"
    r"reported|said|argued|maintained|concluded|commented|explained|reasoned)|"
    # "The claims administrator contended that the applicant had "already received 12
    # acupuncture treatments"" (not "While the claims administrator contended that ..., the
    # applicant had, in fact, ...": the reviewer's answer follows)
    rf"(?<=\b{UR_SUBJECT}\s+(?:\w+\s+){{0,3}}?)(?<!\b(?:while|although|though|whereas)\s+"
    rf"(?:the\s+)?{UR_SUBJECT}\s+(?:\w+\s+){{0,3}}?)(?:contended|claimed|alleged)|"
    # "non-certified the lumbar manual therapy as maintenance care"
    # ("denied certification on January 12, 2017; for the chiropractic manipulation as
    # maintenance care")
    # ("The utilization review treated this request as maintenance care")
    r"(?:non-?certif\w*|denied|modified|treated|regarded|characteri[sz]ed|classified|viewed)"
    r"\s(?:[^.]{0,80}?\s)?as)\b|"
    # its reason quoted after its decision: "UR 3/18/2014: ...; acupuncture non-certified ("no
    # documentation that pain medication is reduced or not tolerated")"
    rf"\b{UR_SUBJECT}\b[^.]{{0,200}}?\b(?:non-?certified|denied|modified)\s*\(\s*[\"\u201c]|"
    # "This request was previously deemed not medically necessary on 12/13/2016 given there was
    # no documentation of ..."
    r"\bpreviously\s+(?:deemed|found|determined|considered)\s+not\s+medically\s+necessary\b"
    r"[^.]{0,60}?\b(?:given|because|due\s+to|noting|as|since)\b|"
    # "The request for physical therapy was non-certified as the patient was ..., and the
    # request for additional acupuncture was non-certified due to a lack of ..."
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:(?:previously|initially|originally)\s+)?"
    r"(?:non-?certified|denied)\s+(?:[^.]{0,40}?\s)?"
    r"(?:due\s+to|because|as|given|noting|since|citing)\b|"
    # its reason after a semicolon: "Acupuncture is non-certified; the records do not show that
    # the claimant has failed or is unable to tolerate medication"
    r"\b(?:is|are|was|were)\s+(?:non-?certified|denied|not\s+certified)\s*;\s*(?:the\s+)?"
    r"(?:records?|documentation|notes?|file|there)\b|"
    # "Work conditioning is not certified as there is no documentation of ..."
    r"\b(?:is|are|was|were)\s+not\s+(?:certified|approved|authori[sz]ed)\s+(?:[^.]{0,40}?\s)?"
    r"(?:due\s+to|because|as|given|since)\b|"
    # "These requests ... resulted in non-certification of physical therapy for the left knee
    # due to lack of objective functional deficits of the knee"
    # (", as the claimant had completed 44 postoperative physical therapy visits")
    # ("resulted in modification of the chiropractic manipulation to 2 visits to transition to
    # independent care, as pain scores were unchanged")
    # (not the record's "ergonomic modification of her workstation")
    r"\b(?:non-?certification|(?<=\b(?:resulted\s+in|issued)\s+(?:an?\s+)?)modification)\s+of\s+"
    r"[^.]{0,120}?\b(?:due\s+to|because|given|since|,\s*as)\b",
    regex.IGNORECASE)

# a word of the same clause: not "and" with a verb ("has had no prior physical therapy ... and
# has objective deficits"), "but", "while"; "no documentation of specific objective functional
# improvement ... and remaining deficits" is one negation
# (also with a subject: "no previous therapy noted ... and the injured worker has objective
# deficits")
_SAME_CLAUSE_WORD = (r"(?:(?!(?:and\s+(?:(?:the\s+)?(?:injured\s+worker|patient|applicant|"
                     r"claimant|employee|IW|he|she)\s+)?(?:has|have|had|is|was|are|were|shows?|"
                     r"showed|demonstrates?)|but|while|whereas)\b)[\w'\u2019-]+\s+)")
# the reason a drug was stopped that makes it not tolerated ("... because of dyspepsia", "...
# after a GI bleed")
_STOPPED_FOR = (r"(?:because\s+of|due\s+to|after|for)\s+(?:[\w'\u2019-]+\s+){0,2}?"
                r"(?:side\s+effects?|GI|gastro\w*|gastritis|epigastric|stomach|abdominal|nausea|dyspepsia|heartburn|"
                r"intoleran\w+|sedation|dizziness|drowsiness|bleed\w*|ulcers?)")


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "objective_deficits",
        shown=r"\b(?:objective\s+(?:functional\s+)?deficits?|functional\s+deficits?|"
              r"(?:decreased|limited|restricted|reduced)\s+range\s+of\s+motion|weakness|"
              r"(?:decreased|diminished)\s+(?:strength|sensation)|"
              # measured: "cervical rotation limited to 60 degrees", "knee flexion limited to 75
              # degrees, a 10 degree extension lag and 3 out of 5 quadriceps strength",
              # "restricted cervical motion", "painful and restricted lumbar extension",
              # "restriction of lumbar motion", "measurable deficits in wrist motion"
              # "reduced lumbar range of motion", "strength remains 4/5", "4+ out of 5",
              # "Sensation was decreased in the left L5 dermatome", "straight leg raise was
              # positive", "the right Achilles reflex was diminished", "a small effusion"
              r"(?:decreased|limited|restricted|reduced)\s+(?:cervical|lumbar|thoracic|"
              r"shoulder|knee|hip|wrist|elbow|ankle|spinal|trunk)\s+range\s+of\s+motion|"
              r"strength\s+(?:is\s+|was\s+|of\s+|remains\s+|remained\s+|measured\s+)?"
              r"[1-4](?:\+|-)?\s*(?:/|out\s+of)\s*5|"
              # ("Deficits remain, with abduction of 135 degrees and 4/5 strength")
              r"\b[1-4](?:\+|-)?\s*/\s*5\s+(?:[\w-]+\s+){0,2}?strength|"
              r"\bdeficits\s+(?:remain|persist)\b|"
              # "A 15-degree PIP flexion contracture and scar adhesion at the palm remain",
              # "these are deficits that supervised therapy can address"
              r"(?:flexion|extension)\s+contracture|(?:these|which)\s+are\s+(?:(?:objective|"
              r"functional|remaining)\s+)?deficits\b|"
              r"(?:sensation|light\s+touch)\s+(?:was\s+|is\s+)?(?:decreased|diminished|reduced)|"
              r"(?:decreased|diminished|reduced)\s+(?:light\s+touch\s+|pinprick\s+)?sensation|"
              r"straight[- ]leg[- ]rais(?:e|ing)\s+(?:test\s+)?(?:was\s+|is\s+)?positive|"
              r"positive\s+straight[- ]leg[- ]rais(?:e|ing)|"
              r"reflex(?:es)?\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:diminished|decreased|"
              r"absent|reduced)|(?:diminished|decreased|absent)\s+(?:[\w-]+\s+)?reflex|"
              r"(?:knee\s+|joint\s+|small\s+|mild\s+|moderate\s+)effusion|"
              r"loss\s+of\s+(?:grip|pinch)\s+strength|objective\s+signs\s+of|"
              # measured spinal motion ("lumbar flexion was 40 degrees", "flexion 35 degrees,
              # extension 30 degrees"), a job's demands not met ("cannot meet the medium
              # demands of his job")
              # ("lumbar flexion was unchanged at 40 degrees")
              r"(?:cervical|lumbar|thoracic|trunk)\s+(?:flexion|extension)\s+(?:was\s+|is\s+|of\s+|"
              r"to\s+)?(?:(?:unchanged|still|only)\s+(?:at\s+)?)?\d{1,2}\s*(?:degrees|°)|"
              r"flexion\s+\d{1,2}\s*(?:degrees|°),\s*extension\s+"
              r"\d{1,2}\s*(?:degrees|°)|(?:cannot|could\s+not|unable\s+to|does\s+not)\s+meet\s+"
              r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:physical\s+)?demands\s+of\s+(?:his|her|the)\s+"
              r"(?:usual\s+)?(?:job|work|occupation)|"
              # ("could carry 40 pounds against a job requirement of 75 pounds")
              r"\d+\s*(?:pounds|lbs?)\s+(?:against|compared\s+(?:with|to)|versus|vs\.?)\s+"
              r"(?:a|the|his|her)\s+(?:job|work)\s+(?:requirement|demand)s?\s+of\s+\d+|"
              r"(?:flexion|extension|rotation|abduction|elevation|motion)\s+(?:was\s+|is\s+)?"
              r"(?:limited|restricted|reduced|decreased)\s+to\s+\d+|"
              # a shoulder's motion measured short of full ("Right shoulder abduction was 140
              # degrees", "forward flexion is 140 degrees")
              r"shoulder\s+(?:forward\s+)?(?:abduction|flexion|elevation)\s+(?:was\s+|is\s+|of\s+|"
              r"to\s+)?(?:[1-9]\d|1[0-6]\d)\s*(?:degrees|°)|forward\s+flexion\s+(?:was\s+|is\s+|"
              r"of\s+|to\s+)?(?:[1-9]\d|1[0-6]\d)\s*(?:degrees|°)|"
              # a hand's: "an inability to make a full fist", "loss of index finger motion"
              r"(?:inability|unable)\s+to\s+make\s+a\s+(?:full|complete)\s+fist|"
              r"loss\s+of\s+(?:(?:index|middle|ring|small|little)\s+finger|finger|thumb|digit)\s+"
              r"(?:motion|flexion|extension)|"
              # "She continues to have deficits in squatting, kneeling, and ladder climbing",
              # "continues to have deficits at the shoulder and elbow on examination"
              r"continues\s+to\s+have\s+(?:(?:functional|objective|measurable)\s+)?deficits\s+"
              r"(?:in|at|of|with)\b|"
              r"(?:limited|restricted|reduced|decreased)\s+(?:(?:cervical|lumbar|thoracic|"
              r"shoulder|knee|hip|wrist|elbow|ankle|spinal|trunk|finger|thumb)\s+)?(?:flexion|extension|"
              # ("slightly decreased inversion, and decreased single-leg balance")
              r"rotation|abduction|motion|inversion|eversion|dorsiflexion|plantar\s*flexion|"
              r"pronation|supination|(?:single[- ]leg\s+|standing\s+)?balance)|"
              r"restriction\s+of\s+(?:[\w-]+\s+)?motion|"
              # a spine's rotation measured short of full ("cervical rotation of 50 degrees
              # bilaterally"), or a motion cut by a share ("cervical rotation reduced by 25
              # percent")
              r"(?:cervical|lumbar|thoracic|trunk)\s+rotation\s+(?:was\s+|is\s+|of\s+|to\s+)?"
              r"[1-6]?\d\s*(?:degrees|°)|(?:flexion|extension|rotation|abduction|motion)\s+"
              r"(?:was\s+|is\s+)?(?:limited|restricted|reduced|decreased)\s+by\s+\d{1,2}\s*(?:%|"
              r"percent)|"
              r"exten(?:sor|sion)\s+lag|antalgic\s+gait|segmental\s+(?:joint\s+)?restriction|"
              r"[1-4](?:\+|-)?\s*(?:/|out\s+of)\s*5\s+(?:[\w-]+\s+){0,2}?strength|"
              # (not in a question of what a home programme could do: "no explanation why the
              # remaining deficits could not be addressed by progressing that program")
              r"(?:measurable|residual|persistent|persisting|remaining)\s+deficits?"
              r"(?!\s+(?:cannot|can\s*not|could\s+not|would\s+not|will\s+not)\b)|"
              # a side-to-side difference: "grip strength of 18 kg on the left compared with 44
              # kg on the right"; "lumbar ROM flexion 40 deg"; "an incomplete composite fist";
              # "a 5 degree quadriceps lag"
              r"grip\s+strength\s+(?:of|was|is|measured)\s+\d+\s*(?:kg|lbs?|pounds)\s+on\s+the\s+"
              r"(?:right|left)\s+(?:and|compared\s+(?:with|to)|versus|vs\.?)\s+\d+|"
              r"\bROM\s+(?:[\w-]+\s+)?(?:flexion|extension|rotation|abduction)\s+\d+\s*(?:deg|°)|"
              r"incomplete\s+(?:composite\s+)?fist|(?:quadriceps|quad)\s+lag|"
              # "residual loss of ankle motion, calf atrophy", "marked loss of motion",
              # "documented deficits in grip and pinch strength", "reduced grip strength",
              # "external rotation strength is 4/5", "objective findings of left L5 radiculitis"
              r"(?:residual|marked|persistent|significant|measurable|measured|objective)\s+"
              r"(?:loss|limitation)(?:es|s)?\s+of\s+"
              r"(?:[\w-]+\s+)?(?:motion|strength|function|rotation|flexion|extension|"
              r"range)|atrophy|"
              r"deficits?\s+in\s+(?:[\w-]+\s+){0,2}?(?:grip|pinch|strength|motion|range|"
              r"balance|endurance)|(?:decreased|diminished|reduced)\s+(?:grip|pinch)\s+strength|"
              r"strength\s+(?:is|was|of)\s+[1-4](?:\+|-)?\s*/\s*5|"
              r"objective\s+findings\s+of|"
              # a functional capacity evaluation below the job: "places him at the medium level,
              # below the employer-verified physical demands analysis", "at the sedentary
              # physical demand level"
              r"below\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:physical|job)\s+demands?|"
              # "a valid functional capacity evaluation below the demands of a very heavy job"
              r"below\s+the\s+demands\s+of\s+(?:his|her|their|the|a)\s+(?:[\w-]+\s+){0,3}?"
              r"(?:job|position|occupation|work)|"
              r"(?:sedentary|light|medium)(?:-duty)?\s+physical\s+demand\s+level)\b",
        # (not a negation of what the deficits cannot have done: "There is no indication that
        # the remaining deficits cannot be addressed with a home exercise program")
        missing=rf"(?:\b{_NOT_DOC}\s+{_SAME_CLAUSE_WORD}{{0,12}}?"
                rf"(?:(?:objective|significant|remaining|specific|measurable)\s+)+"
                rf"(?:functional\s+)?deficits?\b|\b{_NOT_DOC}\s+"
                rf"{_SAME_CLAUSE_WORD}{{0,12}}?functional\s+"
                rf"deficits?\b)(?!\s+(?:cannot|can\s*not|could\s+not|would\s+not|will\s+not)\b)",
        # the reviewer's own finding, in a sentence that names no one ("there is lumbar
        # paraspinal spasm and flexion is limited to 40 degrees", "Objective deficits remain,
        # with grip strength still well below that of the opposite hand")
        found=r"\bthere\s+(?:is|are|remains?)\s+(?:still\s+)?(?:[\w-]+\s+){0,4}?(?:spasm|"
              r"weakness|(?:loss|limitation)\s+of\s+(?:[\w-]+\s+)?(?:motion|strength|function|"
              r"range)|(?:limited|restricted|reduced)\s+(?:[\w-]+\s+)?(?:motion|flexion|"
              r"extension|rotation|range))\b|\b(?:objective|functional|residual|remaining|"
              r"persistent|measurable)\s+deficits?\s+(?:remain|persist|are\s+(?:still\s+)?"
              r"(?:present|documented|noted|shown))\b|\bobjective\s+signs\s+of\b",
        shown_value="documented", missing_value="not_documented",
        what="objective functional deficits"),
    Criterion(
        "reduced_weight_bearing_needed",
        shown=r"\b(?:(?:morbid(?:ly)?|extreme(?:ly)?|severe(?:ly)?)\s+obes\w+|"
              r"(?:BMI|body\s+mass\s+index)\s+(?:of\s+|is\s+)?(?:[4-6]\d)\b|"
              r"prevent\w*\s+(?:him|her|them|the\s+[\w-]+)\s+from\s+(?:tolerating|performing|doing)\s+"
              r"land[- ]based|"
              r"(?:cannot|unable\s+to|could\s+not)\s+tolerate\s+(?:land[- ]based|"
              # (not a state left behind: "He was kept non-weight bearing in a splint and then a
              # boot for six weeks")
              r"weight[- ]bearing)|(?<!\b(?:kept|was|were|had\s+been|initially)\s+)"
              r"non-?weight[- ]bearing|reduced\s+weight[- ]bearing\s+"
              # ("so a reduced weight bearing environment is clearly desirable in this case")
              r"(?:(?:environment|setting|medium|exercise|program(?:me)?)\s+)?is\s+"
              r"(?:(?:clearly|plainly|obviously|evidently|therefore|thus|certainly|medically|"
              r"also)\s+)?(?:not\s+only\s+)?"
              r"(?:desirable|needed|indicated|required|necessary)|"
              # "his treating orthopedist has restricted him to 50% partial weight bearing"
              # (and "restricted her to 50 percent partial weight bearing")
              r"(?:restricted|limited)\s+(?:(?:him|her|them|the\s+[\w-]+)\s+)?to\s+"
              r"(?:\d+\s*(?:%|percent)\s+)?"
              r"(?:partial|protected|toe[- ]touch)\s+weight[- ]bearing|"
              # "land-based therapy had to be stopped because weight-bearing exercise aggravated
              # her symptoms"
              r"land[- ]based\s+(?:physical\s+)?therapy\s+(?:had\s+to\s+be|was)\s+"
              r"(?:stopped|discontinued|abandoned)\s+(?:because|as|due\s+to)\s+(?:the\s+)?"
              r"weight[- ]bearing|"
              # "upright walking and extension exercises aggravated her leg symptoms ...
              # Buoyancy allows walking and conditioning in a more flexed and unloaded position"
              r"buoyancy\s+(?:would\s+|will\s+|should\s+)?(?:allows?|permits?|reduces?|unloads?|"
              r"lets?)|(?:upright\s+walking|walking|weight[- ]bearing\s+exercises?|land[- ]based\s+"
              r"(?:exercises?|therapy))\b[^.;]{0,60}?\b(?:aggravat(?:e|es|ed)|worsen(?:s|ed)?|"
              r"flare[sd]?)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:symptoms|pain|knees?|hips?|"
              r"back|ankles?|feet|foot|legs?)\b|"
              # "documented aggravation of his symptoms with land-based exercise"
              r"\baggravation\s+of\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:symptoms|pain)\s+"
              r"(?:with|by|during|from)\s+(?:land[- ]based|weight[- ]bearing)|"
              # "The injured worker's weight and knee pain support a pool-based program rather
              # than land-based therapy"
              r"(?<!\b(?:not|no|nothing)\s+(?:[\w'-]+\s+){0,4})\bsupports?\s+(?:an?\s+)?"
              r"(?:pool|water|aquatic)[- ]based\s+(?:program(?:me)?|therapy|exercise)\s+"
              r"(?:rather\s+than|over|instead\s+of)\s+land[- ]based)",
        # ("no indication as to why the patient would require reduced weight bearing or would
        # be unable to tolerate land-based therapy")
        # ("There is no indication he is unable to tolerate land-based therapy", "his body
        # weight is within normal limits")
        # ("The records do not describe a lower extremity or spinal condition, or a body
        # habitus, for which reduced weight bearing would be desirable")
        # ("the records do not describe any lower extremity condition, obesity, or other reason
        # that reduced weight bearing is needed")
        missing=r"\b(?:do|does|did)\s+not\s+describe\s+(?:[\w'\u2019-]+,?\s+){0,14}?(?:for\s+which|"
                r"that|why)\s+reduced\s+weight[- ]bearing\b|"
                rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,10}}?(?:why\s+)?(?:reduced\s+weight[- ]"
                rf"bearing|a\s+need\s+for\s+(?:reduced\s+weight|"
                # ("the records do not explain why she could not continue land-based or home
                # exercises")
                rf"aquatic)|(?:(?:is|was)\s+)?(?:unable\s+to|cannot|could\s+not)\s+(?:tolerate|"
                rf"continue|perform|do)\s+(?:(?:with|the|her|his|a)\s+)?land[- ]based)"
                rf"|\b(?:body\s+)?weight\s+(?:is\s+|was\s+)?within\s+normal\s+limits\b"
                # "This patient has been fully weight bearing since December, ...; no condition
                # that prevents land-based exercise is documented"
                rf"|\b(?:has\s+been|is|now)\s+(?:fully|full)\s+weight[- ]bearing\b"
                rf"|\bno\s+(?:[\w-]+\s+){{0,3}}?(?:prevents?|precludes?)\s+land[- ]based\b"
                # "Reduced weight bearing is not shown to be needed", "is tolerating land-based
                # therapy well"
                rf"|\breduced\s+weight[- ]bearing\s+(?:is|was)\s+not\s+(?:(?:shown|documented|"
                rf"demonstrated|established)\s+(?:to\s+be\s+)?)?(?:needed|necessary|desirable|required|"
                rf"indicated)\b"
                # (not "knee osteoarthritis that prevented her from tolerating land-based
                # therapy")
                rf"|(?<!\b(?:not|from)\s)\btolerating\s+land[- ]based\b",
        # obesity is one reason for reduced weight bearing, not the only one: "a body mass index
        # of 31 does not amount to extreme obesity. However, ... she could not tolerate
        # land-based therapy" ("no documentation of extreme obesity", "not morbidly obese")
        partly_missing=rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,10}}?(?:extreme|morbid)\s+obesity"
                       # (not a concession: "so reduced weight bearing is desirable even though
                       # the IW is not extremely obese")
                       rf"|(?<!\b(?:even\s+though|although|though|while|despite)\s+"
                       rf"(?:[\w'-]+\s+){{0,4}})"
                       rf"\bnot\s+(?:extremely\s+|morbidly\s+)?obese\b(?!,?\s+but\b)",
        what="a need for reduced weight bearing"),
    Criterion(
        "job_to_return_to",
        shown=r"\b(?:job\s+to\s+return\s+to|(?:position|job|route|post)\s+(?:as\s+(?:an?\s+)?"
              r"[\w-]+\s+)?(?:is\s+)?(?:being\s+)?(?:held|available|kept\s+open)|held\s+(?:open\s+)?for\s+"
              r"(?:him|her|the\s+(?:claimant|patient|employee|worker))|"
              r"employer\s+(?:has\s+)?(?:agreed|offered|confirmed)|"
              # "the employer provided a written offer to return him to his regular position"
              r"(?:written|job)\s+offer\s+(?:(?:of\s+)?[\d/]+\s+)?(?:to\s+return|for\s+(?:his|her|"
              r"the)\s+(?:usual|regular|former|same)\s+(?:position|job))|"
              # "The claimant met the admission criteria, with ..., a written job offer, and an
              # agreed return to work goal"
              r"(?<=\b(?:a|the|his|her)\s+)written\s+(?:modified[- ]duty\s+)?job\s+offer|"
              # "the employer has confirmed a return to work position at the same job"
              r"return[- ]to[- ]work\s+position|"
              # "a return-to-work plan for his usual job", "provides for a return to full duty
              # as a laborer"
              r"return[- ]to[- ]work\s+(?:plan|agreement)\s+for\s+(?:his|her|their|the)\s+"
              r"(?:usual|regular|former|same)\s+(?:job|position)|"
              r"provides\s+for\s+a\s+return\s+to\s+(?:full|regular|usual)\s+duty\s+as\s+an?\s+|"
              r"will\s+return\s+to\s+(?:his|her|the)\s+(?:usual|regular|former)\s+job|"
              # "confirmed that she may return to her order picker position at full duty"
              r"(?<=\b(?:confirmed|agreed|stated|indicated)\s+that\s+(?:he|she|they|the\s+"
              r"(?:patient|claimant|employee|worker))\s+)(?:may|can|could|will)\s+return\s+to\s+"
              r"(?:his|her|their|the)\s+(?:[\w-]+\s+){0,3}?(?:position|job)|"
              # "her usual position, which requires lifting ..., remains open", "her employer
              # has a job waiting for her"
              # ("her employer ... has held her position open", "holds his job for him")
              # ("His employer is holding his carpenter position")
              r"\b(?:has\s+)?(?:held|holds|holding|kept|keeps|keeping)\s+(?:his|her|their|the)\s+"
              r"(?:[a-z-]+\s+)?(?:position|job)\b(?!\s+(?:against|from))|"
              r"(?:position|job)\b[^.;]{0,80}?\bremains?\s+open|(?:job|position)\s+(?:is\s+)?"
              r"waiting\s+for\s+(?:him|her|the\s+(?:claimant|patient|employee|worker)))\b",
        missing=rf"\b(?:{_NOT_DOC}\s+(?:\w+\s+){{0,4}}?(?:a\s+)?(?:job|position|employment)\s+to\s+"
                rf"return\s+to|(?:was|been)\s+terminated|no\s+longer\s+employed|unemployed|"
                rf"(?:job|position)\s+(?:is|was)\s+(?:no\s+longer|not)\s+available|"
                # ("He was laid off in May 2013 when the distribution center where he worked
                # closed; no position is being held for him")
                rf"(?:was|were|been|got|being)\s+laid\s+off|no\s+(?:written\s+)?job\s+offer|"
                rf"no\s+(?:job|position)\s+(?:is\s+|was\s+)?"
                rf"(?:being\s+)?(?:held|available|kept\s+open))\b",
        what="a job to return to"),
    Criterion(
        "return_to_work_goal",
        # ("signed a return-to-work agreement for full duty")
        shown=r"\b(?:return[- ]to[- ]work\s+(?:goal|plan|position|agreement)|"
              r"goal\s+(?:of|is)\s+(?:to\s+)?(?:a\s+)?"
              r"return(?:ing)?\s+to\s+(?:(?:his|her|the|a|full|usual|regular|former|modified)\s+)*"
              r"(?:duty|work|job)|agreed\s+(?:(?:up)?on\s+)?(?:to\s+)?(?:a\s+|the\s+)?"
              r"return[- ]to[- ]work|agreed\s+(?:up)?on\s+(?:a\s+)?return\s+to\s+"
              r"(?:(?:full|modified|regular|usual)\s+)?(?:duty|work)|"
              # "his position is being held for him at full duty": the job and the duty to
              # return to
              r"held\s+(?:open\s+)?for\s+(?:him|her|the\s+(?:claimant|patient|employee|worker))\s+"
              r"at\s+(?:full|regular|usual|unrestricted)\s+duty|"
              # "with return to full duty as the agreed goal"
              r"return\s+to\s+(?:(?:full|regular|usual|unrestricted|modified)\s+)?(?:duty|work|job)\s+"
              r"as\s+the\s+(?:agreed|stated|defined|documented|shared)\s+goal|"
              # "a written agreement by the employer to return him to full duty on completion of
              # the program", "the employer confirmed ... that he could return to full duty on
              # completion of the program"
              # ("agreed in writing to her return to full duty upon completion of the program")
              r"agreed\s+(?:in\s+writing\s+)?to\s+(?:his|her|their|the)\s+return\s+to\s+"
              r"(?:(?:full|regular|usual|unrestricted|modified)\s+)?(?:duty|work|job)|"
              r"agreement\s+(?:by|with|from|of)\s+(?:the\s+|his\s+|her\s+)?employer\s+to\s+"
              r"(?:return|bring|take)\s+(?:him|her|them)|"
              r"(?:could|can|would|will|may)\s+return\s+to\s+(?:(?:full|regular|usual|unrestricted|"
              r"his|her|their)\s+)+(?:duty|job|work|position)\s+(?:on|upon|after|at)\s+(?:the\s+)?"
              # ("he will return to full duty at the end of a conditioning program")
              r"(?:completion|conclusion|discharge|end)\s+of\s+(?:the\s+|an?\s+)?"
              r"(?:[\w-]+\s+){0,2}?(?:program|programme|work\s+(?:conditioning|hardening))|"
              # "the injured worker has stated that he wants to return to his usual job" (beside
              # the employer's position held: the goal both share)
              r"(?<!\b(?:not|never|no\s+longer)\s+)(?:wants|wishes|plans|intends|hopes|is\s+"
              r"motivated)\s+to\s+return\s+to\s+(?:his|her|their|the)\s+(?:(?:usual|regular|"
              r"former|same|previous)\s+)?(?:job|work|position|duty)|"
              # "his position as a mechanic is being held and ... he may return to full duty
              # when he is released"
              r"may\s+return\s+to\s+(?:full|regular|usual|unrestricted)\s+duty\s+when|"
              # "His employer has agreed to return him to his usual job when he can meet those
              # lifting demands": the goal the employer agreed
              r"employer\s+(?:has\s+)?agreed\s+to\s+(?:return|bring|take)\s+(?:him|her|them)\s+"
              r"(?:back\s+)?to\s+(?:his|her|their|the)\s+(?:(?:usual|regular|former|same|previous)"
              r"\s+)?(?:job|work|position|duty))\b",
        missing=rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,10}}?(?:(?:defined|documented|agreed|specific|"
                rf"clear)\s+)*return[- ]to[- ]work\s+(?:goal|plan)s?\b|\breturn[- ]to[- ]work\s+"
                rf"goal\s+(?:is|was|has)\s+not\b",
        what="a defined return-to-work goal"),
    Criterion(
        "adjunct_to_active_treatment",
        # ("it is to be combined with an established home exercise program")
        shown=r"\b(?:(?:as\s+an?\s+)?adjunct\s+to|in\s+(?:conjunction|combination)\s+with|"
              r"along\s+with|concurrent(?:ly)?\s+with|together\s+with|"
              # "it would be given during the same four visits as the therapeutic exercise"
              r"(?:during|in|at)\s+the\s+same\s+(?:\w+\s+)?(?:visits?|sessions?)\s+as|"
              # ("the massage would be provided alongside an active exercise program")
              r"(?<!\bnot\s+(?:\w+\s+){0,2})(?:combined\s+with|alongside|"
              # "The massage would be given with the physical therapy found necessary above"
              r"(?<=\b(?:be|being)\s+)given\s+with))\s+"
              r"(?:[\w'\u2019-]+\s+){0,3}?"
              r"(?:exercise|physical\s+therapy|active\s+(?:therapy|treatment|program(?:me)?)|"
              # ("in conjunction with occupational therapy")
              r"(?:occupational|hand)\s+therapy|"
              r"home\s+exercise|aquatic\s+(?:therapy|program(?:me)?|exercise)|"
              # ("an adjunct to her ongoing walking and stretching program")
              r"(?:walking|stretching|strengthening)(?:\s+and\s+(?:walking|stretching|"
              r"strengthening))?\s+program|"
              # ("is actively participating in physical therapy and a home exercise program")
              # ("continue a home exercise program learned during 12 prior physical therapy
              # sessions", "She does a home exercise program daily")
              r"PT\b)|\b(?:continu\w+|participat\w+|engaged)\s+(?:(?!HEP\b)\w+\s+){0,5}?"
              # ("He continues a home stretching program", "continues an active home
              # stretching and stationary bike program")
              r"(?:home\s+)?(?:exercise|stretching|strengthening|walking|bike|cycling)\s+program|"
              # ("He has performed a daily home exercise program since 2012 and continues it")
              r"\b(?:does|did|performs|performed|performing)\s+(?:a|an|her|his|their)\s+"
              r"(?:daily\s+)?home\s+exercise\s+program|"
              # the notes' shorthand: "Continues HEP and a walking program 30 min/day", "She is
              # still doing her HEP"
              r"(?<!\b(?:not|never|stopped|ceased|quit|discontinued|no\s+longer)\s+)\b(?:continues|"
              r"continuing|(?:still\s+)?doing|does|performs?|"
              r"performing)\s+(?:(?:his|her|their|an?|the)\s+)?(?:daily\s+)?HEP\b|"
              # "She has been instructed in a home exercise program and performs it daily"
              r"\bhome\s+exercise\s+program(?:me)?\s+and\s+(?:performs|does|follows|continues)\s+it\s+"
              r"(?:daily|regularly|every\s+day|each\s+day)\b|"
              # "the daily home exercise program is an active treatment to which massage therapy
              # would serve as an adjunct"
              r"\b(?:serves?|serving|would\s+serve)\s+as\s+an?\s+adjunct\b|"
              # "he performs his home exercises daily" (not "Whether the IW still does the home
              # exercises is not stated")
              # ("She performs a home exercise program daily")
              # (not "performs her home exercises only occasionally")
              # (nor "had stopped performing home exercises")
              r"(?<!\b(?:not|never|stopped|ceased|quit|discontinued|no\s+longer)\s+)\b"
              r"(?:performs?|performing)\s+(?:(?:his|her|their|an?)\s+)?"
              r"(?:daily\s+)?home\s+(?:exercises?|stretching)\b(?!\s+(?:only\s+)?(?:occasionally|rarely|sporadically|"
              r"inconsistently|intermittently|irregularly))|"
              # "she performs stretching exercises at home every day"
              r"\b(?:performs?|performing|does|doing)\s+(?:(?:his|her|their)\s+)?(?:daily\s+)?"
              r"(?:(?:stretching|strengthening)\s+)?exercises\s+at\s+home\b|"
              # "massage would be used as an adjunct and not as a stand-alone treatment"
              r"\bwould\s+be\s+(?:used|provided|given)\s+as\s+an?\s+adjunct\b|"
              # "with each session to include re-instruction and progression of his home
              # exercise program"
              r"\b(?:each|every)\s+session\s+(?:is\s+)?to\s+include\s+(?:[\w-]+\s+){0,4}?"
              r"(?:of|in)\s+(?:(?:his|her|their|the|an?)\s+)?(?:home\s+|active\s+)?exercises?\b|\b(?:does|doing)\s+(?:his|her|their)\s+home\s+exercises?\s+"
              r"(?:daily|regularly|every\s+day|each\s+day)\b|"
              # "the massage therapy is requested as an adjunct to that program", "is
              # participating in an active physical therapy program"
              r"\bas\s+an?\s+adjunct\s+to\s+(?:that|this|the|his|her|their|an?|current)\s+"
              r"(?:[\w'\u2019-]+\s+){0,5}?(?:program(?:me)?|therapy|treatment|exercises?|regimen)\b|"
              r"\b(?:participat\w+|engaged|enrolled)\s+in\s+(?:an?\s+|the\s+|his\s+|her\s+)?"
              r"(?:(?:active|supervised|formal|ongoing|concurrent)\s+)*(?:physical\s+therapy|PT|"
              r"rehabilitation|therapy|exercise)\s+(?:program(?:me)?|course|sessions?)\b|"
              # "she is actively participating in physical therapy with measurable progress"
              r"\b(?:is|are)\s+(?:actively\s+|currently\s+|still\s+)*(?:participating|engaged|"
              r"enrolled)\s+in\s+(?:(?:active|supervised|formal|ongoing)\s+)*(?:physical\s+therapy|"
              r"PT)\b|"
              r"\bexercise\s+program\s+is\s+an\s+active\s+(?:treatment|therapy)|"
              # "She was doing a home stretching program"
              r"\b(?:is|was|are|were)\s+(?:doing|performing|following|continuing)\s+(?:a|an|"
              r"her|his|their|the)\s+(?:daily\s+)?home\s+(?:exercise|stretching)\s+"
              r"(?:program(?:me)?|routine)\b|"
              # "an established home exercise program, which he continues"
              r"\bhome\s+exercise\s+program(?:me)?,?\s+which\s+(?:he|she|they)\s+(?:still\s+)?"
              r"(?:continues|performs|does|follows)\b|"
              # "they would accompany the aquatic exercise approved above"
              r"(?<!\bnot\s+(?:\w+\s+){0,2})\baccompan(?:y|ies|ying)\s+(?:the\s+|an?\s+|his\s+|"
              r"her\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:exercise|physical\s+therapy|therapy|"
              r"program(?:me)?)\b|"
              # "the applicant had resumed gym-based exercises"
              r"\b(?:resumed|restarted|continues|continuing)\s+(?:(?:his|her|their)\s+)?"
              r"(?:(?:gym|home|pool)(?:-based)?\s+)?exercises?\b(?!\s+(?:is|are)\s+not)",
        # (not "an adjunct to active treatment rather than a stand-alone passive treatment")
        # (nor "the massage would not be a stand-alone passive treatment")
        # (nor "the massage is not proposed as a stand-alone treatment")
        # (nor "here it is not requested as stand-alone care")
        missing=r"(?<!\b(?:rather\s+than|instead\s+of|not(?:\s+be|\s+been|\s+(?:being\s+)?(?:proposed|"
                r"requested|intended|used|offered|prescribed|planned|given))?)\s+"
                r"(?:an?\s+|as\s+(?:an?\s+)?)?)"
                r"\b(?:stand[- ]alone|as\s+(?:a\s+)?sole\s+treatment|"
                # "the applicant had stopped performing home exercises", "no longer does her
                # home exercise program"
                r"(?:stopped|ceased|quit|discontinued|no\s+longer)\s+(?:performing\s+|doing\s+|"
                r"does\s+|performs\s+)?(?:(?:his|her|their|the|a)\s+)?(?:daily\s+)?home\s+"
                r"(?:exercises?|exercise\s+program(?:me)?|HEP)\b|"
                # "She is not taking part in physical rehabilitation", "does not perform a home
                # exercise program"
                r"not\s+(?:taking\s+part|participating|engaged|enrolled)\s+in\s+(?:any\s+)?"
                r"(?:(?:physical|active|supervised)\s+)?(?:rehabilitation|therapy|exercise)|"
                r"(?<=\b(?:does|did|do)\s+)not\s+(?:perform|do|follow)\s+(?:a|an|any|her|his|"
                r"their)\s+home\s+exercise|not\s+(?:accompanied|"
                r"combined)\s+(?:by|with)\s+(?:\w+\s+){0,4}?(?:active|exercise)|no\s+"
                r"(?:plan\s+for\s+)?(?:concurrent|accompanying)\s+(?:active|exercise)|"
                # "so there is no current program of physical rehabilitation"
                r"(?<=\bno\s+)(?:current\s+|ongoing\s+)?(?:program(?:me)?\s+of\s+(?:active\s+|"
                r"physical\s+)?(?:rehabilitation|exercise)|(?:active|exercise|rehabilitation)\s+"
                r"program(?:me)?)\b|"
                r"not\s+(?:\w+\s+){0,6}?(?:in\s+conjunction\s+with|along\s+with|alongside|"
                r"combined\s+with|as\s+an?\s+adjunct\s+to))|"
                # "did not indicate that the patient is participating in an active therapy
                # program or a home exercise program"
                rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,8}}?(?:participat\w+|engaged|enrolled)\s+in\s+"
                r"(?:an?\s+|any\s+)?(?:active|home\s+exercise|exercise|physical\s+therapy)|"
                # "no evidence found in the notes of her currently performing any home exercise
                # program or other active therapy to which massage therapy could serve as an
                # adjunct"
                rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,8}}?(?:performing|doing|following)\s+"
                r"(?:any\s+|an?\s+|(?:his|her|their)\s+)?(?:home\s+exercises?|exercises?|active)\b",
        # the reviewer's terse finding: "Daily HEP (bike, quad sets) = active program; MT would be
        # an adjunct."
        found=r"\b(?:MT|massage(?:\s+therapy)?)\s+would\s+(?:be|serve\s+as)\s+an?\s+adjunct\b",
        what="active treatment alongside the massage"),
    Criterion(
        "medication_reduced_or_not_tolerated",
        # not the guideline's own "an option when pain medication is reduced or not tolerated"
        shown=rf"(?<!\b(?:when|if|where|option)\s+(?:\w+\s+){{0,3}})(?:"
              rf"\b(?:unable\s+to|cannot|could\s+not|does\s+not|did\s+not|can\s+no\s+longer|"
              rf"could\s+no\s+longer)\s+tolerate\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,3}}?{DRUG}|"
              # "This patient has not tolerated NSAIDs because of gastrointestinal side effects"
              rf"\b(?:has|have|had)\s+(?:not|never)\s+tolerated\s+(?:[\w'\u2019-]+\s+){{0,3}}?{DRUG}|"
              # "a reduction in the use of butalbital-acetaminophen-caffeine"
              # (not "without a documented reduction in ... medication use", "no documentation of
              # a reduction in pain medication")
              rf"(?<!\b(?:no|not|without|lack\s+of|absence\s+of)\b[^.;:]{{0,100}})"
              rf"\b(?:reduction|decrease)\s+in\s+(?:(?:the|his|her|their)\s+)?"
              rf"(?:use\s+of\s+)?(?:[\w'\u2019-]+\s+){{0,2}}?{DRUG}|"
              # "his primary care physician discontinued naproxen in 11/2016 because of
              # dyspepsia"
              rf"\b(?:discontinued|stopped|d/c'?d)\s+(?:(?:the|his|her|their)\s+)?{DRUG}\s+"
              rf"(?:in\s+[\w/]+(?:,?\s+(?:19|20)\d\d)?\s+)?{_STOPPED_FOR}|"
              # "Naproxen was discontinued because of epigastric discomfort"
              # ("NSAIDs d/c'd 2013 after a GI bleed")
              # ("Ibuprofen was discontinued on 11/08/2016 because of epigastric pain")
              rf"{DRUG}\s+(?:(?:was|were|had\s+been)\s+)?(?:discontinued|stopped|d/c'?d)\s+"
              # ("naproxen was discontinued in August 2015 because of gastritis")
              rf"(?:(?:in|on)\s+[\w/-]+(?:,?\s+(?:19|20)\d\d)?\s+|(?:19|20)\d\d\s+)?{_STOPPED_FOR}|"
              # (after the forms with a reason) stopped outright: "He returned to full duty on
              # 10/24/2016, and cyclobenzaprine was discontinued", "discontinuation of
              # cyclobenzaprine"
              rf"(?<!\b(?:no|not|without|lack\s+of|absence\s+of)\b[^.;:]{{0,100}})"
              rf"(?:\b{DRUG}\s+(?:was|were|has\s+been|had\s+been)\s+discontinued\b|"
              rf"\bdiscontinuation\s+of\s+(?:(?:the|his|her|their)\s+)?{DRUG})|"
              rf"\b(?:intoleran\w+|side\s+effects?|GI\s+upset|gastritis|dyspepsia|heartburn|"
              # ("the patient reported drowsiness with tramadol")
              rf"nausea|dizziness|drowsiness|sedation|(?:stomach|epigastric|abdominal)\s+(?:upset|pain))"
              # ("dyspepsia and epigastric pain with Motrin")
              rf"(?:\s+and\s+(?:[\w'\u2019-]+\s+){{1,2}}?)?\s*(?:to|from|with|of|on)\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,3}}?{DRUG}|"
              # "He takes Norco ... and would like to stop it because it makes him drowsy while
              # driving"
              rf"\b{DRUG}\b[^.;]{{0,100}}?\b(?:it|which|that|they|{DRUG})\s+(?:makes|made|make|"
              rf"leaves|left|leave)\s+(?:him|her|them|the\s+(?:patient|claimant|applicant))\s+"
              rf"(?:too\s+|very\s+|excessively\s+)?(?:drowsy|dizzy|sleepy|nauseated|nauseous|"
              rf"sedated|groggy|foggy|constipated)\b|"
              # a note's arrow: "Naproxen 550 bid -> GI upset, d/c'd"
              rf"{DRUG}[^.;:]{{0,20}}?\s(?:->|\u2192)\s*(?:GI|stomach|gastric|epigastric)\s+"
              rf"(?:upset|pain|irritation|bleed\w*)|{DRUG}[^.;:]{{0,20}}?\s(?:->|\u2192)\s*"
              rf"(?:gastritis|dyspepsia|heartburn|nausea|dizziness|drowsiness|sedation)|"
              # "ibuprofen was not tolerated", "ibuprofen caused stomach upset"
              # (in a note's words too: "NSAIDs not tolerated")
              rf"{DRUG}\s+(?:\w+\s+){{0,2}}?(?:(?:(?:was|were|is|are)\s+)?not\s+tolerated|"
              rf"caused\s+(?:\w+\s+){{0,2}}?(?:stomach|GI|gastric|gastrointestinal)\s+"
              rf"(?:upset|pain|irritation|bleeding)|caused\s+gastritis)|"
              rf"(?<!\bno\s+(?:plan|attempt|effort|intention)\s+(?:\w+\s+){{0,2}}?to\s+)"
              # (nor a measure named as missing: "no documentation of functional improvement ...,
              # such as improved activities of daily living ... or reduced medication use")
              rf"(?<!\b(?:no|not|without|lack\s+of|absence\s+of)\b[^.;:]{{0,100}}\bsuch\s+as\b"
              rf"[^.;:]{{0,100}})"
              rf"\b(?:tapered|tapering|reduced|reducing|reduce|decreased|decreasing|decrease|"
              rf"weaned|weaning|wean|cut\s+back)\s+(?:\w+\s+){{0,3}}?(?:pain\s+)?{DRUG}|"
              rf"\b(?:pain\s+)?{DRUG}\s+(?:use\s+)?"
              rf"(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:being\s+)?"
              rf"(?:tapered|reduced|decreased|weaned)|"
              # "Gabapentin 300 mg three times a day was started in October 2014; because of
              # daytime sedation at work the dose was reduced on 12/01/2014"
              rf"\b{DRUG}\b[^.]{{0,160}}?\b(?:the|its|his|her)\s+(?:dose|dosage)\s+"
              rf"(?:was|has\s+been|had\s+been|were)\s+(?:further\s+)?(?:reduced|decreased|"
              rf"tapered|lowered|cut)|"
              # "he stopped ibuprofen because of stomach upset", "had failed oral ibuprofen owing
              # to dyspepsia", "meloxicam, which was discontinued in March 2016 due to gastritis"
              rf"\b(?:stopped|discontinued|failed|quit)\s+(?:(?:oral|the|his|her)\s+)?{DRUG}\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,3}}?(?:because\s+of|due\s+to|owing\s+to|after|for)\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:side\s+effects?|GI|gastro\w*|gastritis|"
              rf"epigastric|stomach|abdominal|nausea|dyspepsia|heartburn|intoleran\w+|sedation|"
              rf"dizziness|drowsiness|bleed\w*|ulcers?)|"
              rf"\b{DRUG},?\s+which\s+(?:was|were|had\s+been)\s+(?:discontinued|stopped)\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,4}}?(?:because\s+of|due\s+to|owing\s+to|after)\s+"
              rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:side\s+effects?|GI|gastro\w*|gastritis|"
              rf"epigastric|stomach|nausea|dyspepsia|heartburn|intoleran\w+|sedation|bleed\w*)|"
              # "Norco use decreased from 4 tablets a day to 1 or 2 a day", "his Norco use has
              # fallen from four tablets a day to one", "hydrocodone/APAP reduced from four
              # tablets a day to one"
              rf"\b{DRUG}(?:/[\w-]+)?\s+(?:use\s+|intake\s+)?(?:has\s+|had\s+|was\s+)?(?:been\s+)?"
              # ("Tramadol cut from 3 to 1 tab/day")
              rf"(?:decreased|reduced|fallen|fell|dropped|tapered|cut|lowered)\s+from\b)\b",
        missing=rf"\b{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,8}}?(?:(?:is\s+)?unable\s+to\s+tolerate|"
                # ("There is also no indication that his medications have been reduced or are
                # not tolerated")
                rf"intoleran\w+|(?:pain\s+)?medications?\s+(?:is|are|was|were|(?:has|have|had)"
                rf"\s+been)\s+(?:being\s+)?(?:reduced|decreased|tapered))\b",
        # "her medication use has not decreased", "with no reduction in his tramadol use",
        # "continues Norco at the same dose as before the acupuncture", "his Norco dosage has
        # remained unchanged": not reduced, which says nothing of a drug not tolerated
        partly_missing=rf"\b{DRUG}\s+(?:use|intake|consumption)\s+(?:has|have|had|was|is)\s+"
                       rf"not\s+(?:been\s+)?(?:decreased|reduced|declined|changed)\b|"
                       # ("without a documented reduction in pain scores, improvement in
                       # work status, or reduction in medication use")
                       rf"\b(?:no|without)\s+(?:[^.;:]{{0,100}}?\s)?(?:reduction|decrease)\s+in\s+"
                       rf"(?:(?:the|his|her|their)\s+)?(?:use\s+of\s+)?"
                       rf"(?:[\w'\u2019-]+\s+){{0,2}}?{DRUG}|"
                       # "the tramadol and cyclobenzaprine have not been reduced"
                       rf"\b{DRUG}(?:\s+(?:and|or)\s+{DRUG})?\s+(?:has|have|had|was|were)\s+not\s+"
                       rf"(?:been\s+)?(?:reduced|decreased|tapered|weaned)\b|"
                       rf"\b{DRUG}\b[^.;]{{0,60}}?\b(?:at|on)\s+the\s+same\s+(?:dose|dosage)\b|"
                       rf"\b{DRUG}\s+(?:dose|dosage|use|intake)\s+(?:has\s+|had\s+)?remained\s+"
                       rf"(?:unchanged|the\s+same|stable)\b|"
                       # "there is no plan documented to reduce or discontinue her pain
                       # medication"; "she tolerates it without side effects"
                       rf"\bno\s+(?:plan|attempt|effort|intention)\s+(?:\w+\s+){{0,2}}?to\s+"
                       rf"(?:reduce|taper|wean|decrease|discontinue)\b|"
                       rf"\btolerat(?:es|ing)\s+(?:it|them|{DRUG})\s+(?:well|without\s+(?:any\s+)?"
                       rf"(?:side\s+effects?|problems?|difficulty|complications?))\b",
        what="pain medication reduced or not tolerated"),
    Criterion(
        "pt_plateau",
        # ("the last four therapy notes record no further change in quadriceps strength")
        # ("with gains leveling off over the final weeks of treatment")
        shown=r"\b(?:plateau\w*|level(?:l?ed|l?ing)\s+off|no\s+further\s+(?:progress|gains|"
              r"change\s+in|improvement\s+in))",
        # "there was no mention of the applicant's having improved and then plateaued",
        # "undermining any argument that the applicant had plateaued"
        missing=rf"\b(?:{_NOT_DOC}|undermin\w+)\s+(?:[\w']+\s+){{0,8}}?(?:a\s+)?plateau\w*\b|"
                # "a plateau with physical therapy has not been reached", "has not yet reached
                # a plateau"
                r"\bplateau\s+(?:[\w-]+\s+){0,4}?(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+"
                r"(?:reached|achieved|attained)\b|\bnot\s+(?:yet\s+)?(?:reached|achieved|attained)\s+"
                r"(?:a\s+)?plateau\b",
        what="a plateau in earlier therapy"),
    # Labor Code 4604.5: visits past 24 with the employer's written authorisation
    Criterion(
        "employer_authorized_more",
        # "the employer authorizes up to 12 additional physical therapy visits beyond the
        # 24-visit limit", "the employer's written authorization of 10/14/2016" (not the law's
        # condition: "unless the employer authorizes additional visits in writing")
        shown=r"(?<!\b(?:unless|if|when|until|whether|without)\s+(?:the\s+)?)\bemployer(?:'s|\u2019s)?"
              r"\s+(?:(?!not\b|never\b)[\w-]+\s+){0,3}?(?:authori[sz]es|authori[sz]ed|approved|"
              r"agreed\s+to)\s+(?:up\s+to\s+)?(?:[\w-]+\s+){0,2}?(?:additional|more|further)\s+"
              r"(?:[\w-]+\s+){0,3}?(?:visits|sessions|treatments|therapy)\b|"
              # (nor the limit's terms: "may be exceeded with the employer's written
              # authorization")
              r"(?<!\b(?:no|without|any|absent|with|upon|by|requires?|needs?|unless|if)\s+"
              r"(?:the\s+)?)\bemployer(?:'s|\u2019s)\s+written\s+authori[sz]ation\b",
        # "the employer has not authorized additional visits in writing", "no documentation that
        # the employer authorized more visits"
        missing=r"\bemployer\s+(?:has|had|did|does)\s+not\s+(?:[\w-]+\s+){0,2}?authori[sz]e|"
                rf"\b{_NOT_DOC}\s+(?:[\w-]+\s+){{0,5}}?employer(?:'s|\u2019s)?\s+(?:[\w-]+\s+){{0,2}}?"
                r"authori[sz]|"
                # "... unless the employer authorizes additional visits in writing, and there is
                # no documentation of such authorization"
                rf"(?<=\bemployer\b[^.]{{0,160}}){_NOT_DOC}\s+(?:[\w-]+\s+){{0,3}}?(?:such|that|this|"
                r"any)\s+(?:written\s+)?authori[sz]ation\b",
        what="the employer's written authorisation of more visits"),
)

# manual therapy (MTUS CPMTG 2009 p. 58): elective or maintenance care is not medically
# necessary; the reviewer's or the record's word that the care is maintenance
CRITERIA += (
    Criterion(
        "maintenance_care",
        # (not a condition put on later visits: "I would not regard ongoing visits without such
        # improvement as anything other than maintenance care")
        shown=r"\b(?<!\bother\s+than\s+)(?:(?:maintenance|elective|supportive|palliative)\s+"
              r"(?:chiropractic\s+)?"
              r"(?:care|treatments?|therapy|visits?|manipulations?|adjustments?)|"
              r"maintenance\s+chiropractic|for\s+(?:ongoing\s+)?maintenance|"
              r"(?:to|would|will)\s+maintain\s+(?:his|her|the)\s+(?:current\s+)?(?:status|"
              r"level\s+of\s+function|improvement|gains))\b"
              # not the guideline's own "maintenance (chiropractic) care is not medically
              # necessary", "until the patient has reached plateau and maintenance treatments
              # have been determined"
              r"(?!\s*(?:care|treatment)?\s*(?:-|–|:|is|are)\s*(?:not\s+)?(?:medically\s+necessary|"
              r"recommended))(?!\s+(?:have|has)\s+been\s+determined)"
              # nor its definition: "Maintenance care is treatment given on a scheduled basis, in
              # the absence of a change in condition" (blind1450_4)
              # ("Maintenance care, by contrast, is scheduled treatment for a stable condition")
              r"(?!(?:,\s*(?:by\s+contrast|in\s+contrast|however|on\s+the\s+other\s+hand),)?"
              r"\s+(?:is|means)\s+(?:defined\s+as|(?:any\s+|scheduled\s+|routine\s+|ongoing\s+)?"
              r"(?:treatment|care)\s+(?:given|provided|rendered|that|which|for|to)))",
        # ("so this is not a request for maintenance care")
        # (... "so the requested treatment cannot be considered maintenance care")
        # ("does not constitute maintenance care"; the reviewer rejecting UR's word: "I
        # disagree with the utilization review's characterization of this care as maintenance")
        # ("This was not, thus, a request for elective or maintenance care")
        missing=r"\b(?:not|cannot|rather\s+than|instead\s+of)(?:,\s*(?:thus|therefore|then|so|"
                r"however),)?\s+(?:(?:a|an|the|request|requests|"
                # ("the request was described as not being for maintenance care")
                r"for|as|ongoing|continued|be|being|considered|regarded|deemed|viewed|constitute|"
                # ("so it cannot be described as maintenance care")
                r"represent|amount\s+to|described|called|characteri[sz]ed|classified|labell?ed|"
                # ("It cannot be said to be maintenance care")
                r"said\s+to|"
                # ("an initial trial rather than continued or maintenance care")
                r"seen|treated|or)\s+){0,4}(?:maintenance|elective)\b|"
                # ("there is no indication that the care requested is elective or maintenance
                # care")
                r"\bno\s+(?:indication|evidence|suggestion|sign)\s+that\s+(?:[\w-]+\s+){0,6}?(?:is|was|"
                r"would\s+be)\s+(?:(?:an?|the)\s+)?(?:elective|maintenance)\b|"
                # ("does not by itself make this request maintenance care")
                r"\b(?:does|did|do)\s+not\s+(?:[\w-]+\s+){0,3}?(?:make|render|turn)\s+(?:this|the|"
                r"it)\s+(?:\w+\s+)?(?:into\s+)?(?:maintenance|elective)\b|"
                # ("labeled a supportive care visit; however, the records do not describe routine
                # maintenance care")
                r"\b(?:does|did|do)\s+not\s+(?:describe|document|show|reflect|indicate|support)\s+"
                r"(?:(?:a|an|any|routine|ongoing|regular|mere)\s+){0,2}(?:maintenance|elective)\b|"
                # ("the present request is not for a new course or for maintenance care")
                r"\bnot\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:or|nor)\s+(?:for\s+)?"
                r"(?:maintenance|elective)\b|"
                r"\b(?:disagree\w*|do\s+not\s+agree)\s+with\s+[^.;]{0,120}?\bas\s+(?:\w+\s+){0,2}"
                r"(?:maintenance|elective)\b|"
                # ("The claims administrator's characterization of the request as maintenance
                # care was likewise misplaced")
                r"\bcharacteri[sz]ation\s+of\s+[^.;]{0,80}?\bas\s+(?:\w+\s+){0,2}(?:maintenance|"
                r"elective)\b[^.;]{0,60}?\b(?:misplaced|incorrect|wrong|mistaken|inaccurate|"
                r"erroneous|not\s+(?:correct|accurate|supported))\b",
        what="maintenance (elective) care", titled_by=r"\b(?:maintenance|elective)\b",
        regional=True,
        found=r"\b(?:this|these|the\s+(?:requested|proposed|ongoing|continued)|such|regularly\s+"
              r"scheduled|ongoing|continued)\s+(?:[\w-]+\s+){0,5}?(?<!\bnot\s)(?:is|are|"
              r"constitutes?|represents?|amounts?\s+to)\s+(?:(?!(?:not|never|no)\b)\w+\s+){0,2}?"
              r"(?:maintenance|elective)"
              r"\s+(?:care|treatment|therapy)\b|"
              # "Chiropractic care authorized in advance on an as-needed basis amounts to
              # elective/maintenance care"
              # (not what more visits would amount to: "a further 8 visits would amount to
              # maintenance care")
              r"\bamounts\s+to\s+(?:elective\s*/\s*)?(?:maintenance|elective)\s+care\b"),
)

# gym membership (ODG): only where a documented home exercise programme has not worked and
# equipment is needed
_HOME_PROGRAM = r"home\s+(?:exercise\s+(?:program(?:me)?\s+)?|program(?:me)?\s+)"
CRITERIA += (
    Criterion(
        "home_program_ineffective",
        # ("a home program has been ineffective": "exercise" unsaid)
        # ("Her land-based home exercise program was reassessed and revised twice by her
        # therapist and has not been effective")
        # ("a home exercise program that was reassessed and revised at three follow-up visits,
        # and it has not been effective")
        shown=rf"\b{_HOME_PROGRAM}(?:(?:that\s+|which\s+)?(?:was|has\s+been)\s+[^.;:]{{0,80}}?"
              r"\band\s+(?:it\s+)?)?"
              r"(?:has\s+|had\s+)?(?:not\s+been\s+"
              r"(?:effective|successful|helpful)|(?:been\s+)?(?:ineffective|unsuccessful)|failed)|"
              # a deficit kept up despite the programme done: "despite daily compliance with his
              # home exercise log, quadriceps strength remained 4 out of 5"
              r"\b(?:despite|in\s+spite\s+of)\s+(?:\w+\s+){0,2}?(?:compliance|adherence)\s+with\s+"
              r"(?:(?:his|her|their|the|a)\s+)?home\s+(?:exercise\s+)?(?:program(?:me)?|log|"
              r"routine)\b[^.;]{0,60}?\b(?:remained|persisted|unchanged|plateaued|did\s+not\s+"
              r"(?:improve|progress))",
        # ("no documentation that ...", "no indication that the home program has been
        # ineffective", "The records do not show that the home program has failed")
        missing=rf"\b{_NOT_DOC}\s+(?:(?:\w+\s+){{0,4}}?(?:evidence|documentation|indication)\s+"
                rf"(?:\w+\s+){{0,3}}?)?(?:that\s+)?(?:a\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"{_HOME_PROGRAM}"
                # ("the records do not document that a home exercise program with periodic
                # assessment and revision has failed")
                r"(?:with\s+[^.;:]{0,60}?\s+)?"
                # ("no documentation that the home exercise program has been periodically
                # assessed and revised and has not been effective"; "do not document a
                # structured home exercise program that was periodically assessed and revised
                # and has not been effective")
                r"(?:(?:that\s+|which\s+)?(?:was|has\s+been)\s+[^.;:]{0,80}?\band\s+(?:it\s+)?)?"
                r"(?:has\s+|had\s+)?(?:failed|(?:been|was)\s+(?:ineffective|unsuccessful|"
                r"not\s+effective)|not\s+been\s+(?:effective|successful|helpful))"
                rf"|\b{_HOME_PROGRAM}(?:is|has\s+been|was)\s+"
                r"(?:effective|helpful|working)",
        what="a home exercise programme that has not been effective"),
    Criterion(
        "equipment_needed",
        # (not "requires no specialized equipment")
        # ("The exercise that has helped her requires a pool, which she cannot access at home")
        shown=r"\b(?:need|needs|needed|requires?|required)\s+(?:(?!(?:no|not|neither)\b)\w+\s+)"
              r"{0,3}?(?:specialized\s+|special\s+|gym\s+)?(?:equipment|pool)\b|"
              # the equipment named, then the need: "specific equipment that the patient needs
              # and does not have", "cable-resistance equipment, which the patient does not have
              # at home"
              r"\bequipment,?\s+(?:that|which)\s+(?:the\s+(?:patient|claimant|applicant|employee|"
              r"injured\s+worker)|he|she)\s+(?:needs|requires|does\s+not\s+have)\b|"
              # a pool the exercise needs and the patient lacks: "the applicant has no access to
              # a pool, i.e., the requisite equipment, at home"
              r"\b(?:has|had|have)\s+no\s+access\s+to\s+(?:a\s+|the\s+)?(?:pool|gym)\b|"
              # exercise that cannot go on without it: "he was unable to progress beyond body
              # weight exercises without resistance equipment"
              r"\b(?:unable|inability)\s+to\s+progress\s+(?:beyond\s+[^.;]{0,40}?)?without\s+"
              r"(?:(?:resistance|specialized|special|gym)\s+)?equipment\b|"
              # the equipment named as needed: "The equipment needed, leg press and knee
              # extension machines and a stationary bicycle, is specifically identified"
              r"(?<!\bno\s)\bequipment\s+(?:needed|required),?\s+[^.;]{0,80}?\b(?:is|are)\s+"
              r"(?:specifically\s+|clearly\s+)?(?:identified|specified|named|listed)\b",
        # "a lack of documentation that the home exercise program has been ineffective or that
        # there is a need for specialized equipment"
        # (or "... or that the patient required specialized equipment")
        # (not a clause of its own after the negation: "has not been effective and there is a
        # need for equipment")
        missing=rf"\b{_NOT_DOC}\s+(?:(?!and\s+there\s+(?:is|was)\b)[\w'\u2019-]+\s+){{0,16}}?"
                rf"(?:(?:need|requirement)\s+for|"
                rf"(?:required|requires?|needed|needs?))\s+(?:\w+\s+){{0,2}}?equipment\b|"
                # "can be performed at home without specialized equipment"
                r"\b(?:performed|done|carried\s+out)\s+(?:\w+\s+){0,3}?without\s+(?:any\s+|the\s+)?"
                r"(?:specialized|special|gym)\s+equipment\b|"
                # "does at home and requires no specialized equipment"
                r"\b(?:requires?|required|needs?|needed)\s+no\s+(?:\w+\s+){0,2}?equipment\b|"
                # "there is no description of equipment the patient needs"
                r"\bno\s+(?:description|identification|mention|documentation)\s+of\s+(?:any\s+|"
                r"the\s+)?(?:specialized\s+|special\s+|gym\s+)?equipment\b",
        what="a need for equipment"),
)

# spinal fusion (MTUS PTG 2009 table, 9792.24.3(d)): the fusion course applies "after graft
# maturity"; what imaging or the surgeon says of the fusion
CRITERIA += (
    Criterion(
        "graft_mature",
        shown=r"\b(?:solid(?:ly)?\s+(?:\w+\s+){0,2}?(?:fusion|arthrodesis)|(?:fusion|arthrodesis|"
              r"graft)\s+(?:\w+\s+){0,2}?(?:is|was|appears?|appeared|has|had)\s+(?:been\s+)?"
              r"(?:now\s+)?(?:solid|healed|matured?|incorporated|consolidated)|"
              r"(?:bridging|trabecular)\s+(?:\w+\s+){0,2}?bone|(?:graft|bone)\s+incorporation|"
              r"graft\s+maturity\s+(?:has\s+been|was|is)\s+(?:\w+\s+)?(?:reached|achieved|"
              r"documented|confirmed)|fusion\s+mass|well[- ]healed\s+fusion)\b",
        missing=r"\b(?:not\s+(?:yet\s+)?(?:fused|solid|matured?|incorporated|healed)|"
                # not "no mention of a pseudarthrosis, delayed union, or failed fusion"
                r"(?<!\b(?:no|without|negative\s+for|rule\s+out|ruled\s+out)\s+(?:[\w,-]+\s+)"
                r"{0,6})(?:pseudo?-?arthrosis|(?:fusion|graft)\s+(?:\w+\s+){0,3}?(?:non-?union|"
                r"delayed\s+union))|(?:before|prior\s+to|awaiting|"
                r"pending)\s+(?:\w+\s+)?graft\s+maturity|graft\s+(?:\w+\s+)?(?:is|was|remains)\s+"
                r"(?:not\s+(?:yet\s+)?mature|immature)|"
                rf"{_NOT_DOC}\s+(?:[\w'\u2019-]+\s+){{0,6}}?(?:graft\s+maturity|(?:a\s+)?solid\s+fusion|"
                r"bridging\s+bone|(?:graft|bone)\s+incorporation))\b",
        what="a mature graft (solid fusion)"),
)

_COMPILED = {c.fact: c.patterns for c in CRITERIA}
_FOUND = {c.fact: regex.compile(c.found, regex.IGNORECASE) for c in CRITERIA if c.found}
_PARTLY = {c.fact: regex.compile(c.partly_missing, regex.IGNORECASE) for c in CRITERIA
           if c.partly_missing}

# The record says the item's own region has no complaints ("there were no cervical spine/neck
# complaints", "There are no low back complaints documented", "no complaints referable to the
# lumbar spine"): therapy of that region has no deficit to treat. Only the region named in the
# group counts, and only when it is the item's: the summary's "no neck complaints" says nothing
# of a knee request.
REGION_QUIET = regex.compile(
    r"\bno\s+(?:(?:subjective|current|documented|ongoing|active)\s+)?(?:"
    r"(?P<region>(?:[\w/-]+\s+){1,3}?)complaints?\b|"
    r"complaints?\s+(?:of|regarding|about|involving|referable\s+to|related\s+to|"
    r"pertaining\s+to|at|in)\s+(?:the\s+)?(?P<region>(?:[\w/-]+\s+){0,2}?[\w/-]+)|"
    # "There are no objective functional deficits of the lumbar spine for supervised therapy
    # to address" (said of one region of several)
    r"(?:objective\s+)?(?:functional\s+)?deficits?\s+(?:of|in|at|involving|referable\s+to)\s+"
    r"(?:the\s+)?(?P<region>(?:[\w/-]+\s+){0,2}?[\w/-]+))",
    regex.IGNORECASE)

# The MTUS entry criteria for a functional restoration programme (CPMTG pp. 30-32), each as the
# wording that states it is met; the programme's criteria are shown when the record states at
# least FRP_CRITERIA_NEEDED of them and says none is missing.
FRP_CRITERIA = {
    "adequate evaluation": r"(?:multidisciplinary|thorough|adequate|baseline)\s+(?:functional\s+)?"
                           r"(?:evaluation|testing)\s+(?:has\s+been\s+|was\s+)?(?:completed|made|"
                           r"performed|done)|(?:underwent|undergone)\s+(?:an?\s+)?(?:(?:thorough|adequate|"
                           r"multidisciplinary|interdisciplinary|baseline|functional)\s+)+"
                           r"(?:evaluation|testing|assessment)|"
                           # "The employee has had a multidisciplinary evaluation with baseline
                           # measures"
                           r"(?:has\s+had|had|completed)\s+an?\s+(?:(?:thorough|adequate|"
                           r"multidisciplinary|interdisciplinary|baseline|functional)\s+)+"
                           r"(?:evaluation|testing|assessment)|"
                           # "A multidisciplinary evaluation dated 10-5-2016 included baseline
                           # functional testing"
                           r"(?:multidisciplinary|interdisciplinary)\s+evaluation\s+"
                           r"(?:[\w-]+\s+){0,4}?(?:included|including|with|documents|"
                           r"documented|showed|shows)\s+baseline",
    "earlier methods unsuccessful": r"failed\s+(?:\w+\s+){0,3}(?:conservative|previous|prior|"
                                    r"other)\s+(?:care|treatment|methods)|(?:previous|prior)\s+"
                                    r"(?:methods|treatments?)\s+(?:of\s+treating\s+(?:[\w-]+\s+){0,3}?)?"
                                    r"(?:have\s+|had\s+)?(?:been\s+)?"
                                    r"unsuccessful|"
                                    # "had failed physical therapy, chiropractic ..."
                                    r"(?:had|has|have)\s+failed\s+(?:physical\s+therapy|PT|"
                                    r"chiropractic|acupuncture|injections|medications|"
                                    r"conservative|surgery|occupational\s+therapy|OT)|"
                                    # "physical therapy, chiropractic care, acupuncture and
                                    # injections have not restored her function"
                                    r"(?:therapy|care|acupuncture|injections|treatments?|"
                                    r"medications)\s+(?:have|has)\s+not\s+(?:restored|improved|"
                                    r"relieved|resolved)|"
                                    # "has had physical therapy, acupuncture, epidural injections
                                    # and medications over two years without lasting benefit",
                                    # "..., none with lasting benefit"
                                    r"(?:therapy|acupuncture|injections|medications)\b[^.;]{0,60}?"
                                    r"\b(?:without|none\s+with)\s+(?:lasting|sustained|durable)\s+"
                                    r"(?:benefit|relief|improvement)|"
                                    # "he has not improved with 18 sessions of physical therapy,
                                    # chiropractic care, medications and two epidural injections"
                                    r"(?:has|have|had)\s+not\s+(?:improved|responded|benefit+ed)\s+"
                                    r"(?:with|to|from)\s+(?:[\w-]+\s+){0,4}?(?:physical\s+therapy|PT|"
                                    r"chiropractic|acupuncture|injections|medications|"
                                    r"conservative|treatment)|"
                                    # "more than two years of low back pain despite physical
                                    # therapy, chiropractic care, acupuncture ..."
                                    r"(?:pain|symptoms)\s+despite\s+(?:[\w-]+\s+){0,4}?"
                                    r"(?:physical\s+therapy|PT|chiropractic|acupuncture|"
                                    r"injections|medications|conservative|treatment)",
    # ("a marked loss of function")
    "loss of independent function": r"(?:significant|marked|substantial|severe)\s+loss\s+of\s+"
                                    r"(?:the\s+ability\s+to\s+function|(?:independent\s+)?"
                                    r"function)|"
                                    # "his sitting, walking and lifting tolerances are markedly
                                    # reduced"
                                    r"(?:tolerances?|function(?:al\s+(?:capacity|abilities))?)\s+"
                                    r"(?:are|is|was|were|remains?)\s+(?:markedly|significantly|"
                                    r"severely)\s+(?:reduced|limited|impaired|restricted)",
    "not a surgical candidate": r"not\s+(?:to\s+be\s+)?a\s+(?:surgical\s+)?candidate|"
                                r"non-?surgical\s+candidate|"
                                # "the hand surgeon indicated there were no further surgical
                                # options"
                                r"no\s+(?:further\s+|other\s+)?surgical\s+options|"
                                # "the spine surgeon does not recommend surgery"
                                r"surgeon\s+(?:does|did)\s+not\s+recommend\s+(?:surgery|an?\s+"
                                r"operation)|"
                                # "two surgical opinions against surgery", "the spine surgeon
                                # again advised against surgery"
                                r"(?:opinions?|advised|advice|recommended)\s+against\s+"
                                r"(?:further\s+)?surgery",
    "motivation to change": r"motivat\w+\s+to\s+(?:change|return|improve)|exhibits\s+motivation",
    "negative predictors addressed": r"negative\s+predictors\s+(?:of\s+success\s+)?(?:have\s+"
                                     r"been\s+|had\s+been\s+|were\s+|are\s+)?addressed|"
                                     r"predictors?\s+(?:\w+\s+){0,4}addressed|"
                                     # "his time off work, which is one of the negative
                                     # predictors; the evaluation addresses it"
                                     r"negative\s+predictors?\b[^.]{0,40}?\b(?:the\s+)?"
                                     r"(?:evaluation|program|programme|plan|team)\s+"
                                     r"address(?:es|ed)\b|"
                                     # "depressive symptoms, a negative predictor, were to be
                                     # addressed through the psychological component"
                                     r"negative\s+predictor,?\s+(?:[\w'\u2019-]+\s+){0,4}?"
                                     r"addressed|"
                                     # "Depression has been addressed with cognitive behavioral
                                     # therapy"
                                     r"(?:depression|depressive\s+symptoms|psychological\s+"
                                     r"(?:issues|factors|barriers))\s+(?:has|have|had|was|were)\s+"
                                     r"(?:been\s+)?addressed|"
                                     # "the program plan addresses his depressive symptoms and
                                     # fear avoidance"
                                     r"(?:plan|program|programme)\s+(?:\w+\s+){0,2}?"
                                     r"address(?:es|ed)\s+(?:his|her|their|the)\s+(?:depress\w+|"
                                     r"fear[- ]avoidance|psycholog\w+|anxiety|catastrophi\w+)",
}
FRP_CRITERIA_NEEDED = 4
_FRP = {name: regex.compile(rf"\b(?:{p})", regex.IGNORECASE) for name, p in FRP_CRITERIA.items()}
_FRP_MISSING = regex.compile(
    # ("The criteria for admission to a functional restoration program are not met at this time")
    r"\b(?:criteria\s+(?:\w+\s+){0,8}?(?:have\s+not\s+been|are\s+not|were\s+not)\s+met|"
    r"(?:does|did)\s+not\s+meet\s+(?:the\s+)?(?:\w+\s+){0,3}?criteria|"
    r"(?:is|remains)\s+a\s+(?:surgical\s+)?candidate\s+for\s+surgery|"
    # ("there is no documentation of an adequate and thorough multidisciplinary evaluation")
    # ("no other baseline functional testing are documented", "it is unclear whether baseline
    # functional testing was ever done")
    r"no\s+(?:\w+\s+){0,6}?(?:multidisciplinary|baseline)\s+(?:functional\s+)?(?:evaluation|"
    r"testing|measures)|unclear\s+whether\s+(?:\w+\s+){0,3}?baseline\s+(?:functional\s+)?"
    r"(?:evaluation|testing|measures)|"
    r"negative\s+predictors\s+(?:\w+\s+){0,4}?(?:not|un)\s*addressed|"
    # "The program cannot be authorized in advance of the evaluation that is needed to establish
    # that the patient meets the criteria for admission"
    r"(?:cannot|can\s*not|should\s+not)\s+be\s+(?:authorized|approved|certified)\s+(?:in\s+advance\s+"
    r"of|before|prior\s+to)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?evaluation)",
    regex.IGNORECASE)


# the evaluation that found it: "A multidisciplinary evaluation on 04/08/2014 found that"
# ("He was evaluated for the HELP interdisciplinary functional restoration program on 10-20-2016
# and was found to meet the criteria for admission")
_EVALUATION_FOUND = regex.compile(r"\b(?:evaluation|assessment|team|screening|evaluated|"
                                  r"assessed|screened)\b[^.;]{0,100}?"
                                  r"\b(?:found|concluded|determined|documented)\b",
                                  regex.IGNORECASE)
# the reviewer's own finding: "IW meets criteria per 12/15/16 eval", "the patient meets all of
# the criteria for admission" (not "does not meet": _FRP_MISSING, read first)
_FRP_MET = regex.compile(
    r"(?<!\b(?:not|never|if|whether|unless|must|should|would|to)\s+(?:\w+\s+)?)"
    # (nor what an evaluation is to establish: "needed to establish that the patient meets the
    # criteria for admission")
    r"(?<!\b(?:establish|show|determine|document|confirm|demonstrate|verify)\s+(?:that|whether)\s+"
    r"(?:[\w-]+\s+){0,3})"
    # ("the applicant met the program's entry criteria")
    r"\b(?:meets|met|satisfies|satisfied|fulfills|fulfils|fulfilled)\s+(?:all\s+(?:of\s+)?)?"
    r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"criteria\b|"
    r"(?<=\bfound\s+)to\s+(?:meet|satisfy|fulfil+)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"criteria\b|"
    # "The remaining criteria are also met: baseline testing was performed on ..."
    # ("The criteria for admission are met")
    # ("The criteria for a functional restoration program are met")
    r"\bcriteria\s+(?:(?:for|of)\s+(?:admission|entry|participation|(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?program(?:me)?)\s+)?(?:are|were|have\s+been|"
    r"has\s+been)\s+(?:also\s+|all\s+|now\s+)?"
    r"(?:met|satisfied|fulfilled)\b|"
    # "In this case each of the six criteria is met" ("All of these criteria are documented for
    # this employee: ...")
    # (not a condition: "unless all of the criteria are documented")
    r"(?<!\b(?:unless|if|until|when|whether|once)\s+)"
    r"\b(?:each|all|every\s+one)\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+)?criteria\s+(?:is|"
    r"are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:met|satisfied|fulfilled|documented|"
    r"shown)\b", regex.IGNORECASE)


def frp_entry_criteria(text: ItemText) -> Fact:
    met: dict[str, object] = {}
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            # (the reviewer's finding names the criteria, as guideline text does: read it
            # before the test for a statement about the case)
            about = sentence.about_case()
            # (a finding in a clause of its own: "The criteria for admission are met, and the
            # 10 days requested are within the 2-week period after which continued
            # participation must be supported by documented gains")
            met_here = sentence.search(_FRP_MET)
            finding = part is text.rationale and (not sentence.is_guideline_talk() or (
                met_here is not None
                and not is_guideline_talk(clause_around(sentence.text, met_here.start()))))
            if not (about or finding):
                continue
            if m := sentence.search(_FRP_MISSING):
                return Fact(value=False, known=True,
                            evidence=[sentence.evidence(m.start(), m.end())],
                            note="the record says an entry criterion is not met")
            if finding and (m := met_here):
                return Fact(value=True, known=True,
                            evidence=[sentence.evidence(m.start(), m.end())],
                            note="the reviewer finds the entry criteria met")
            # the record's own finding: "A multidisciplinary evaluation on 04/08/2014 found that
            # she met the criteria for admission to a functional restoration program"
            if about and part is text.summary and (m := met_here) and \
                    _EVALUATION_FOUND.search(sentence.text, 0, m.start()) and \
                    not said_by_ur(sentence.text, m):
                return Fact(value=True, known=True,
                            evidence=[sentence.evidence(m.start(), m.end())],
                            note="the record's evaluation finds the entry criteria met")
            if not about:
                continue
            for name, pattern in _FRP.items():
                if name not in met and (m := sentence.search(pattern)):
                    met[name] = sentence.evidence(m.start(), m.end())
    if len(met) >= FRP_CRITERIA_NEEDED:
        return Fact(value=True, known=True, evidence=list(met.values()),
                    note=f"the record states {len(met)} of the {len(FRP_CRITERIA)} criteria: "
                         + ", ".join(met))
    if met:
        return Fact.unknown(f"the record states only {len(met)} of the {len(FRP_CRITERIA)} "
                            "entry criteria: " + ", ".join(met))
    return Fact.unknown("the letter does not mention the functional restoration entry criteria")


def _parts_for(criterion: Criterion, text: ItemText) -> tuple:
    if criterion.titled_by is not None:
        titled = regex.compile(criterion.titled_by, regex.IGNORECASE)
        if not titled.search(text.title.view.folded) and any(
                titled.search(other.title.quote) for other in text.determination.items
                if other.index != text.item.index):
            return (text.rationale,)
    return (text.rationale, text.summary)


# what a statement of something missing is set against: "Being off work because the employer
# cannot provide modified duty is not the same as having no job to return to"
_NOT_THE_SAME_AS = regex.compile(r"\b(?:is|was|are)\s+not\s+the\s+same\s+as\s+(?:having\s+|"
                                 r"there\s+being\s+)?$", regex.IGNORECASE)


# the turn from UR's reasons to the reviewer's (not ";", which lists UR's reasons): "Utilization
# review found no return to work goal ...; however, the employer's letter ... states that his
# position ... is being held"
_TURN = regex.compile(r"\bhowever\b|\bbut\b|\bwhereas\b", regex.IGNORECASE)


# a sentence that turns from what the guideline says to this case
_CASE_TURN = regex.compile(r"\b(?:but|however|yet),?\s+(?:here|in\s+this\s+case|in\s+the\s+"
                           r"present\s+case|in\s+this\s+instance)\b", regex.IGNORECASE)


def _urs(sentence: str, ur: regex.Match | None, m: regex.Match) -> bool:
    """Is the statement at `m` UR's reason: after the UR cue, with no turn between?"""
    return ur is not None and ur.start() <= m.start() and \
        not _TURN.search(sentence, ur.end(), m.start())


def said_by_ur(sentence: str, m: regex.Match) -> bool:
    """Is the statement at `m` the utilization review's reason as the letter reports it?"""
    return _urs(sentence, _UR_REASON.search(sentence), m)


def _region_quiet(text: ItemText, regions: frozenset[str]) -> list[Reading]:
    """The item's rationale says the item's region has no complaints."""
    out: list[Reading] = []
    for sentence in text.rationale.sentences():
        ur = sentence.search(_UR_REASON)
        for m in REGION_QUIET.finditer(sentence.text):
            if _urs(sentence.text, ur, m):
                continue
            named = {x.value for x in categories.mentions(categories.BODY_REGION,
                                                          m.group("region"))}
            if named and named <= regions:
                out.append(Reading(value="not_documented", part=text.rationale.name,
                                   evidence=[sentence.evidence(m.start(), m.end())]))
    return out


def read(text: ItemText, regions: frozenset[str] = frozenset()) -> dict[str, Fact]:
    """Every criterion's fact: the record shows it, says it is missing, or is silent.
    `regions` are the item's body regions (for a record that says one has no complaints)."""
    out: dict[str, Fact] = {}
    for criterion in CRITERIA:
        missing, shown = _COMPILED[criterion.fact]
        readings: list[Reading] = []
        if criterion.fact == "objective_deficits" and regions:
            readings += _region_quiet(text, regions)
        partly, partial = _PARTLY.get(criterion.fact), []
        for part in _parts_for(criterion, text):
            for sentence in part.sentences():
                if sentence.in_ur_quote() or sentence.about_another_case():
                    continue   # UR's rationale quoted at length: its reasons, not the record
                    # (nor an earlier review's case: "..., a scenario which is not the case
                    # here")
                if not sentence.about_case():
                    # the turn from the guideline to the case: "The guidelines do caution that
                    # passive treatment should be used sparingly, but here massage is requested as
                    # an adjunct to an active program"
                    if (turn := sentence.search(_CASE_TURN)) and \
                            (found := shown.search(sentence.text, turn.end())) and \
                            not sentence.search(missing) and not sentence.search(_UR_REASON):
                        readings.append(Reading(value=criterion.shown_value, part=part.name,
                                                evidence=[sentence.evidence(found.start(),
                                                                            found.end())]))
                        continue
                    finding = _FOUND.get(criterion.fact)
                    if finding is not None and part is text.rationale and \
                            (said := sentence.search(finding)) and \
                            not sentence.search(_UR_REASON) and not sentence.search(missing):
                        readings.append(Reading(value=criterion.shown_value, part=part.name,
                                                evidence=[sentence.evidence(said.start(),
                                                                            said.end())]))
                    continue
                ur = sentence.search(_UR_REASON)
                half = sentence.search(partly) if partly is not None else None
                if half is not None and not _urs(sentence.text, ur, half):
                    partial.append(Reading(value=criterion.missing_value, part=part.name,
                                           evidence=[sentence.evidence(half.start(),
                                                                       half.end())]))
                # UR's reasons for its decision are not the record (its cue may hold the
                # negation: "is not certified as there is no documentation of ...")
                said = sentence.search(missing)
                if said is not None and _NOT_THE_SAME_AS.search(
                        sentence.text, max(0, said.start() - 40), said.start()):
                    said = None   # "is not the same as having no job to return to"
                if said is not None and not _urs(sentence.text, ur, said):
                    readings.append(Reading(value=criterion.missing_value, part=part.name,
                                            evidence=[sentence.evidence(said.start(),
                                                                        said.end())]))
                    continue
                # the first match, remembered per sentence, answers most sentences (none, or
                # not UR's); only a UR reason before it needs the later matches
                found = sentence.search(shown)
                if found is not None and _urs(sentence.text, ur, found):
                    found = next((x for x in shown.finditer(sentence.text)
                                  if not _urs(sentence.text, ur, x)), None)
                if found is not None and half is not None and \
                        half.start() <= found.start() < half.end():
                    # (the words the partial statement denies: "does not amount to extreme
                    # obesity")
                    found = next((x for x in shown.finditer(sentence.text, half.end())
                                  if not _urs(sentence.text, ur, x)), None)
                if found is not None and criterion.regional and categories.only_other_regions(
                        clause_around(sentence.text, found.start()), regions):
                    found = None
                if found is not None:
                    readings.append(Reading(value=criterion.shown_value, part=part.name,
                                            evidence=[sentence.evidence(found.start(),
                                                                        found.end())]))
        # (what is partly missing counts only when the record shows the criterion no other way)
        if not any(r.value == criterion.shown_value for r in readings):
            readings += partial
        if not readings:
            out[criterion.fact] = Fact.unknown(f"the letter does not mention {criterion.what}")
            continue
        rank = {criterion.missing_value: 0, criterion.shown_value: 1}
        out[criterion.fact] = resolve(readings, RECORD_ORDER, rank=rank, rank_first=True,
                                      rank_reason="a finding that it is missing outweighs a "
                                                  "report that it is there")
    out["frp_entry_criteria"] = frp_entry_criteria(text)
    return out


