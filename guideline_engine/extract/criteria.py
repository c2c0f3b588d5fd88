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
from .parts import RECORD_ORDER, ItemText, resolve


@dataclass(frozen=True)
class Criterion:
    fact: str
    shown: str           # the record shows it
    missing: str         # the record says it is not there / not documented
    shown_value: object = True
    missing_value: object = False
    what: str = ""

    @property
    def patterns(self) -> tuple[regex.Pattern, regex.Pattern]:
        return (regex.compile(self.missing, regex.IGNORECASE),
                regex.compile(self.shown, regex.IGNORECASE))


_NOT_DOC = (r"(?:no|not|lack\w*\s+of|without|absen\w+\s+of|did\s+not\s+(?:document|show|note|"
            r"indicate|explain)|does\s+not\s+(?:document|show|note|indicate|explain)|"
            r"do\s+not\s+(?:document|show|note|indicate|explain)|fail\w*\s+to\s+(?:document|"
            r"show|explain))")

CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "objective_deficits",
        shown=r"\b(?:objective\s+(?:functional\s+)?deficits?|functional\s+deficits?|"
              r"(?:decreased|limited|restricted|reduced)\s+range\s+of\s+motion|weakness|"
              r"(?:decreased|diminished)\s+(?:strength|sensation))\b",
        missing=rf"\b{_NOT_DOC}\s+(?:[\w-]+\s+){{0,12}}?(?:(?:objective|significant|remaining|"
                rf"specific|measurable)\s+)+(?:functional\s+)?deficits?\b|\b{_NOT_DOC}\s+"
                rf"(?:[\w-]+\s+){{0,12}}?functional\s+deficits?\b",
        shown_value="documented", missing_value="not_documented",
        what="objective functional deficits"),
    Criterion(
        "reduced_weight_bearing_needed",
        shown=r"\b(?:(?:morbid(?:ly)?|extreme(?:ly)?|severe(?:ly)?)\s+obes\w+|"
              r"(?:BMI|body\s+mass\s+index)\s+(?:of\s+|is\s+)?(?:[4-6]\d)\b|"
              r"(?:cannot|unable\s+to|could\s+not)\s+tolerate\s+(?:land[- ]based|"
              r"weight[- ]bearing)|non-?weight[- ]bearing|reduced\s+weight[- ]bearing\s+is\s+"
              r"(?:desirable|needed|indicated|required|necessary))",
        missing=rf"\b{_NOT_DOC}\s+(?:\w+\s+){{0,6}}?(?:why\s+)?(?:reduced\s+weight[- ]bearing|"
                rf"(?:extreme|morbid)\s+obesity|a\s+need\s+for\s+(?:reduced\s+weight|aquatic))"
                rf"|\bnot\s+(?:extremely\s+|morbidly\s+)?obese\b",
        what="a need for reduced weight bearing"),
    Criterion(
        "job_to_return_to",
        shown=r"\b(?:job\s+to\s+return\s+to|(?:position|job)\s+(?:is\s+)?(?:being\s+)?"
              r"(?:held|available|kept\s+open)|employer\s+(?:has\s+)?(?:agreed|offered)|"
              r"will\s+return\s+to\s+(?:his|her|the)\s+(?:usual|regular|former)\s+job)\b",
        missing=rf"\b(?:{_NOT_DOC}\s+(?:\w+\s+){{0,4}}?(?:a\s+)?(?:job|position|employment)\s+to\s+"
                rf"return\s+to|(?:was|been)\s+terminated|no\s+longer\s+employed|unemployed|"
                rf"(?:job|position)\s+(?:is|was)\s+(?:no\s+longer|not)\s+available)\b",
        what="a job to return to"),
    Criterion(
        "return_to_work_goal",
        shown=r"\b(?:return[- ]to[- ]work\s+goal|goal\s+(?:of|is)\s+(?:to\s+)?(?:a\s+)?"
              r"return(?:ing)?\s+to\s+(?:(?:his|her|the|a|full|usual|regular|former|modified)\s+)*"
              r"(?:duty|work|job)|agreed\s+(?:upon\s+)?(?:to\s+)?(?:a\s+)?"
              r"return[- ]to[- ]work)\b",
        missing=rf"\b{_NOT_DOC}\s+(?:[\w-]+\s+){{0,10}}?(?:(?:defined|documented|agreed|specific|"
                rf"clear)\s+)*return[- ]to[- ]work\s+(?:goal|plan)s?\b|\breturn[- ]to[- ]work\s+"
                rf"goal\s+(?:is|was|has)\s+not\b",
        what="a defined return-to-work goal"),
    Criterion(
        "pt_plateau",
        shown=r"\b(?:plateau\w*|leveled\s+off|levelled\s+off|no\s+further\s+(?:progress|gains))",
        missing=rf"\b{_NOT_DOC}\s+(?:\w+\s+){{0,4}}?(?:a\s+)?plateau\w*\b",
        what="a plateau in earlier therapy"),
)

_COMPILED = {c.fact: c.patterns for c in CRITERIA}


def read(text: ItemText) -> dict[str, Fact]:
    """Every criterion's fact: the record shows it, says it is missing, or is silent."""
    out: dict[str, Fact] = {}
    for criterion in CRITERIA:
        missing, shown = _COMPILED[criterion.fact]
        readings: list[Reading] = []
        for part in (text.rationale, text.summary):
            for sentence in part.sentences():
                if not sentence.about_case():
                    continue
                if m := missing.search(sentence.text):
                    readings.append(Reading(value=criterion.missing_value, part=part.name,
                                            evidence=[sentence.evidence(m.start(), m.end())]))
                elif m := shown.search(sentence.text):
                    readings.append(Reading(value=criterion.shown_value, part=part.name,
                                            evidence=[sentence.evidence(m.start(), m.end())]))
        if not readings:
            out[criterion.fact] = Fact.unknown(f"the letter does not mention {criterion.what}")
            continue
        rank = {criterion.missing_value: 0, criterion.shown_value: 1}
        out[criterion.fact] = resolve(readings, RECORD_ORDER, rank=rank, rank_first=True,
                                      rank_reason="a finding that it is missing outweighs a "
                                                  "report that it is there")
    return out
