"""Decision + recorded outcome -> verdict, and the audit notes an auditor wants to see.

Upheld means the UR denial or modification stands: not medically necessary *as requested*.
So a decision that approves fewer visits than requested agrees with Upheld.
"""

from __future__ import annotations

import regex

from .decide import precedence_rule
from .models import Decision, RecordedOutcome, Verdict

_MTUS_NOT_USED = regex.compile(r"did\s+not\s+base\s+their\s+decision\s+on\s+the\s+MTUS",
                               regex.IGNORECASE)
# "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS
# Guidelines.": the MTUS is named as not relied on
# (nor "ODG ..., which are not part of the MTUS", "the MTUS does not set a number of visits":
# the MTUS named as silent on the question)
_OUTSIDE_MTUS = regex.compile(
    r"\boutside\s+(?:of\s+)?the\s+MTUS(?:\s+Guidelines?)?|"
    r"\bnot\s+(?:a\s+)?part\s+of\s+the\s+MTUS(?:\s+Guidelines?)?|"
    r"\b(?:the\s+)?MTUS(?:\s+Guidelines?)?\s+(?:(?:(?:does|did|do)\s+not|doesn't|didn't)\s+"
    r"(?:address|set|give|provide|specify|state|cover|discuss|contain|include|offer|have)|"
    r"(?:is|was)\s+silent)\b", regex.IGNORECASE)
_FAMILIES = (
    ("MTUS", regex.compile(r"\bMTUS\b|Chronic\s+Pain\s+(?:Medical\s+)?Treatment|Postsurgical\s+"
                           r"Treatment|Acupuncture\s+Medical\s+Treatment", regex.IGNORECASE)),
    ("ODG", regex.compile(r"\bODG\b|Official\s+Disability\s+Guidelines", regex.IGNORECASE)),
    ("ACOEM", regex.compile(r"(?<!MTUS\s)\bACOEM\b", regex.IGNORECASE)),
)


def cited_guidelines(citation_text: str) -> list[str]:
    """The guideline families a citation relies on, MTUS first. 'Non-MTUS Citation' and 'did
    not base their decision on the MTUS' do not count as relying on the MTUS; ACOEM chapters
    adopted into the MTUS ('MTUS ACOEM Chapter 12') count as MTUS."""
    text = " ".join(citation_text.split())
    cleaned = _OUTSIDE_MTUS.sub("", regex.sub(r"Non-MTUS", "", text, flags=regex.IGNORECASE))
    found = []
    for family, pattern in _FAMILIES:
        if family == "MTUS" and _MTUS_NOT_USED.search(text):
            continue
        if pattern.search(cleaned if family == "MTUS" else text):
            found.append(family)
    return found


# the reviewer's own word that the MTUS gives no figure for the case, in the rationale: "The
# MTUS does not set out a specific number of therapy visits for carpal tunnel syndrome", "the
# MTUS is silent on the number of sessions"; the figure is then the other guideline's
_MTUS_NO_FIGURE = regex.compile(
    r"\bMTUS(?:\s+Guidelines?)?\s+(?:(?:does|did)\s+not|doesn't|didn't)\s+(?:set\s+(?:out|forth)|"
    r"set|give|provide|specify|state|contain|include|offer|list|establish)\s+(?:an?\s+|any\s+)?"
    r"(?:specific\s+|particular\s+|set\s+)?(?:number|figure|quantity|count|limit)\b|"
    r"\bMTUS(?:\s+Guidelines?)?\s+(?:is|was)\s+silent\s+(?:on|as\s+to|regarding|about)\s+"
    r"(?:the\s+)?(?:number|figure|quantity|count|frequency|duration)\b", regex.IGNORECASE)


def relied_on(citation_text: str, rationale: str) -> list[str]:
    """The guideline families the reviewer relied on (`cited_guidelines`), the MTUS last where
    the rationale says it gives no number for the case and another family is cited too."""
    found = cited_guidelines(citation_text)
    if "MTUS" in found and len(found) > 1 and \
            _MTUS_NO_FIGURE.search(" ".join(rationale.split())):
        return [g for g in found if g != "MTUS"] + ["MTUS"]
    return found


def verdict(decision: Decision, recorded: RecordedOutcome,
            modality: str | None = None) -> tuple[Verdict, str | None]:
    if modality == "other":
        return "out_of_scope", ("the item is not physical medicine; the rulesets decide physical "
                                "medicine only")
    if decision.outcome == "undetermined":
        return "undetermined", None
    if decision.outcome == recorded.value:
        return "agree", None
    g = decision.governing_guideline
    if decision.outcome == "upheld":
        reasons = " ".join(f.reason for f in decision.findings if f.effect == "deny")
        return "disagree", (f"Recorded Overturned (medically necessary), but under {g} the "
                            f"request is not medically necessary as requested: {reasons}")
    reasons = " ".join(f.reason for f in decision.findings if f.effect == "approve")
    return "disagree", (f"Recorded Upheld (not medically necessary), but under {g} the request "
                        f"is medically necessary: {reasons}")


# how a reviewer's citation names each guideline document the rules cite
_DOCUMENT_NAMES = {
    "Chronic Pain Medical Treatment Guidelines": r"Chronic\s+Pain",
    "Postsurgical Treatment Guidelines": r"Post-?\s?surgical",
    "Acupuncture Medical Treatment Guidelines": r"Acupuncture",
    "Official Disability Guidelines": r"\bODG\b|Official\s+Disability",
}


def _pages(text: str) -> set[int]:
    """Every page a text cites: 'page 99', 'pp. 58-60', 'Page(s): 60, 98'."""
    found: set[int] = set()
    for m in regex.finditer(r"\bpages?\s*(?:\(s\))?\s*:?\s*(?P<p>\d{1,3}(?:\s*(?:-|–|,|and|to)"
                            r"\s*\d{1,3})*)|\bpp?\.\s*(?P<q>\d{1,3}(?:\s*(?:-|–|,)\s*\d{1,3})*)",
                            text, regex.IGNORECASE):
        spec = m.group("p") or m.group("q")
        for part in regex.split(r"\s*(?:,|and)\s*", spec):
            bounds = [int(n) for n in regex.findall(r"\d+", part)]
            if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 20:
                found.update(range(bounds[0], bounds[1] + 1))
            else:
                found.update(bounds)
    return found


def page_notes(decision: Decision, rationale: str, citation_text: str) -> list[str]:
    """A page the rationale cites that neither the reviewer's citation nor the deciding rules'
    citations contain (seed 003 cites 'page 68' for massage, which is on p. 60)."""
    cited = _pages(rationale)
    known = _pages(citation_text)
    for finding in decision.findings:
        known |= _pages(f"pages {finding.citation.pages}") if finding.citation.pages else set()
    stray = sorted(cited - known)
    if not stray or not decision.findings:
        return []
    rule_pages = sorted({f.citation.pages for f in decision.findings if f.citation.pages})
    return [f"The rationale cites page(s) {', '.join(map(str, stray))}, which neither the "
            f"reviewer's citation nor the deciding rules give (rules: pp. "
            f"{'; '.join(rule_pages)}); check the page reference."]


def audit_notes(decision: Decision, reviewer: list[str], citation_text: str = "",
                rationale: str = "") -> list[str]:
    notes = page_notes(decision, rationale, citation_text) if rationale else []
    documents = sorted({f.citation.document for f in decision.findings
                        if f.citation.document in _DOCUMENT_NAMES})
    uncited = [d for d in documents
               if not regex.search(_DOCUMENT_NAMES[d], citation_text, regex.IGNORECASE)]
    if citation_text and uncited and decision.outcome != "undetermined":
        notes.append(f"The deciding rules come from the {', '.join(uncited)}, which the "
                     f"reviewer did not cite (the reviewer cited: "
                     f"{' '.join(citation_text.split())})")
    mtus = decision.by_guideline.get("MTUS")
    if reviewer and "MTUS" not in reviewer and mtus is not None and mtus.addresses:
        notes.append(
            f"The reviewer relied on {', '.join(reviewer)} although the MTUS addresses this "
            f"treatment ({precedence_rule(decision.as_of)} puts the MTUS first); under the MTUS "
            f"the outcome is "
            f"{mtus.outcome}.")
    for family, other in decision.by_guideline.items():
        if (family != decision.governing_guideline and other.addresses
                and other.outcome != "undetermined" and decision.outcome != "undetermined"
                and other.outcome != decision.outcome):
            notes.append(f"{family} reaches a different outcome ({other.outcome}) than "
                         f"{decision.governing_guideline} ({decision.outcome}).")
    return notes
