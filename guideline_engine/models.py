"""The pydantic models the pipeline stages exchange, in data-flow order.

ingest -> Document -> parse -> Determination -> extract -> CaseFacts -> decide -> Decision
-> compare -> ItemReport / LetterReport -> report.

Each concept is defined once, here. Stages import these; they never reach back upstream.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import CountQualifier


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


# ---------------------------------------------------------------- ingest


class Document(Model):
    """A letter as read from disk: its whole text and where it came from."""

    source: str
    text: str
    page_starts: list[int] = Field(default_factory=lambda: [0])
    notes: list[str] = Field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.page_starts)


# ---------------------------------------------------------------- parse


class Span(Model):
    """A stretch of the letter text: `quote == document.text[start:end]`."""

    start: int
    end: int
    quote: str


class RecordedOutcome(str, Enum):
    upheld = "upheld"
    overturned = "overturned"


class Reviewer(Model):
    licensure: list[str] = Field(default_factory=list)
    specialties: list[str] = Field(default_factory=list)
    statement: Span | None = None


class DisputedItem(Model):
    """One disputed item. Spans index the normalised text (ingest.NormalText.clean)."""

    index: int
    title: Span
    recorded_outcome: RecordedOutcome
    outcome_span: Span
    # sentences before the heading that say what UR already authorised of the original request
    preamble: Span | None = None
    # the whole heading as printed (preamble and title), when it says more than the title
    heading: Span | None = None
    claims_administrator_citation: Span | None = None
    reviewer_citation: Span | None = None
    rationale: Span


class HeaderField(Model):
    """A labelled field of the letter's header block ("Date of Injury: 11/01/2016")."""

    value: dt.date | str
    span: Span
    # the span indexes the raw text, not the normalised one: a page footer, which the
    # normalised text leaves out, is the only place that names the case
    in_raw: bool = False


class Determination(Model):
    source: str
    layout: str
    header: dict[str, HeaderField] = Field(default_factory=dict)
    reviewer: Reviewer
    case_summary: Span
    items: list[DisputedItem]


# ---------------------------------------------------------------- extract

EvidenceSource = Literal[
    "title", "preamble", "summary", "rationale", "claims_administrator_citation",
    "reviewer_citation", "header", "letter", "input",
]


class Evidence(Model):
    """Where a fact was read: offsets into the letter's raw text (as read from the file or the
    PDF's text layer), the raw text quoted exactly, and the page it is on."""

    start: int
    end: int
    quote: str
    part: EvidenceSource
    page: int | None = None
    # the whole sentence around a shorter piece of evidence, kept so that a reader sees (and a
    # reader's quote of any part of the statement finds) where the fact was said
    context: bool = False


class Reading(Model):
    """One reading of a fact from one place in the letter (used when readings disagree)."""

    value: Any
    part: EvidenceSource
    evidence: list[Evidence]
    qualifier: CountQualifier | None = None
    upper: int | None = None


class Fact(Model):
    """A fact's value with its evidence, or an explicit unknown with the reason."""

    value: Any = None
    known: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    # how the value was read or why it is unknown
    note: str | None = None
    # for counts: how the count was stated; `upper` is the top of a range ("20 to 22")
    qualifier: CountQualifier | None = None
    upper: int | None = None
    # for an unknown date: the interval the letter still allows (earliest, latest), with the
    # evidence of both bounds
    earliest: dt.date | None = None
    latest: dt.date | None = None
    # when the letter says two different things: every reading, and which one won and why
    readings: list[Reading] = Field(default_factory=list)
    resolution: str | None = None
    # "not_in_record": the value is what the record shows by its silence (the letter, which
    # summarises the whole record, never mentions the thing); set apart from a value the letter
    # states and from an unknown the program could not read. "stated": the letter states the
    # value outright (the reviewer's "the request is within the postsurgical period"), and it
    # wins over a derivation from dates
    basis: Literal["not_in_record", "stated"] | None = None

    @classmethod
    def unknown(cls, why: str) -> Fact:
        return cls(value=None, known=False, note=why)

    def display(self) -> str:
        if not self.known:
            return "unknown"
        value = self.value
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, bool):
            return "yes" if value else "no"
        text = str(value).replace("_", " ")
        if self.qualifier == CountQualifier.at_least:
            return f"at least {text}"
        if self.qualifier == CountQualifier.at_most:
            return f"at most {text}"
        if self.qualifier == CountQualifier.approximately:
            return f"about {text}"
        if self.qualifier == CountQualifier.range and self.upper is not None:
            return f"{text} to {self.upper}"
        return text


class CaseFacts(Model):
    """The facts of one disputed item (or of one pre-check request). Field names are the
    vocabulary of vocabulary.FACT_TYPES; a test keeps the two in step."""

    modality: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    body_region: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    requested_visits: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    requested_visits_min: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    requested_frequency_per_week: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    requested_weeks: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    prior_sessions: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    prior_treatment: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    functional_improvement: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    injury_date: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    request_date: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    ur_date: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    decision_date: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    chronic: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    postsurgical: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    surgery: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    surgery_date: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    surgery_category: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    surgery_authorized: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    diagnosis: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    diagnosis_category: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    flare_up: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    home_exercise_program: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    return_to_work: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    ur_decision: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    ur_modified_visits: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    certified_part_given: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    whole_request_disputed: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    objective_deficits: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    reduced_weight_bearing_needed: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    job_to_return_to: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    return_to_work_goal: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    pt_plateau: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    adjunct_to_active_treatment: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    medication_reduced_or_not_tolerated: Fact = Field(
        default_factory=lambda: Fact.unknown("not stated"))
    frp_entry_criteria: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    maintenance_care: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    retrospective: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    laser_therapy: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    injury_visits: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    employer_authorized_more: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    sessions_since_surgery: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    authorized_sessions: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    home_program_ineffective: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    equipment_needed: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    recent_treatment: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    graft_mature: Fact = Field(default_factory=lambda: Fact.unknown("not stated"))
    concurrent_approved_visits: Fact = Field(
        default_factory=lambda: Fact.unknown("not stated"))

    def values(self) -> dict[str, Any]:
        """The known values only, keyed by fact name (unknown facts are absent)."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            fact: Fact = getattr(self, name)
            if fact.known:
                out[name] = fact.value
        return out


# ---------------------------------------------------------------- decide

FindingKind = Literal[
    "visit_limit_exceeded",
    "prior_visits_exceed_limit",
    "functional_improvement_not_documented",
    "trial_limit_exceeded",
    "not_recommended",
    "insufficient_documentation",
    "within_guideline",
    "visit_cap",
    # the guideline addresses the treatment but gives no visit numbers (ACOEM 2004 in the MTUS
    # before 18 Jul 2009): another guideline supplies them
    "no_visit_figures",
]

# "note": a legal limit reported beside the decision (Labor Code 4604.5's visit cap limits
# payment, not medical necessity); it never changes the outcome
Effect = Literal["deny", "approve", "insufficient", "note"]

Outcome = Literal["upheld", "overturned", "undetermined"]


class Citation(Model):
    guideline: Literal["MTUS", "ODG", "ACOEM", "LC"]
    document: str
    edition: str | None = None
    section: str
    pages: str | None = None
    verified: bool = True
    confidence: str | None = None
    source: str | None = None
    note: str | None = None

    def text(self) -> str:
        parts = [self.document]
        if self.edition:
            parts[0] += f" ({self.edition})"
        parts.append(self.section)
        if self.pages:
            parts.append(("pp. " if "-" in self.pages or "," in self.pages else "p. ") + self.pages)
        out = ", ".join(parts)
        if not self.verified:
            out += " [figure unconfirmed]"
        return out


class Finding(Model):
    rule: str
    kind: FindingKind
    effect: Effect
    guideline: str
    citation: Citation
    reason: str
    verified: bool = True
    approvable_visits: int | None = None


class GuidelineDecision(Model):
    """The decision one guideline family reaches on the facts."""

    guideline: str
    edition: str | None = None
    addresses: bool
    outcome: Outcome
    approvable_visits: int | None = None
    findings: list[Finding] = Field(default_factory=list)
    note: str | None = None
    # the family addresses the treatment but sets no visit numbers: the next family that does
    # governs the numbers, and this family's notes say which document addressed it
    defers_figures: bool = False


class Decision(Model):
    outcome: Outcome
    medically_necessary: bool | None
    approvable_visits: int | None = None
    governing_guideline: str | None = None
    governing_reason: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    by_guideline: dict[str, GuidelineDecision] = Field(default_factory=dict)
    as_of: dt.date | None = None
    # how the decision was reached when a fact was uncertain (an unstated request date)
    notes: list[str] = Field(default_factory=list)
    # statutes beside the decision: a limit on payment the employer may lift in writing, never a
    # reason for (or against) medical necessity
    legal_notes: list[Finding] = Field(default_factory=list)


# ---------------------------------------------------------------- compare / report

Verdict = Literal["agree", "disagree", "undetermined", "out_of_scope"]


class ItemReport(Model):
    index: int
    title: str
    # the whole item heading as printed, when it says more than the title (the original
    # request and what UR already authorised)
    heading: str | None = None
    recorded_outcome: RecordedOutcome
    reviewer_guidelines: list[str]
    # the facts as the letter states them
    facts: CaseFacts
    # where the decision counted a fact otherwise (earlier sessions of an earlier episode, or
    # before a surgery; sessions authorised earlier), the fact as counted, with the reason
    counted_as: dict[str, Fact] = Field(default_factory=dict)
    decision: Decision
    verdict: Verdict
    disagreement: str | None = None
    audit_notes: list[str] = Field(default_factory=list)


class LetterReport(Model):
    source: str
    layout: str | None = None
    # the header block's fields (dates as YYYY-MM-DD)
    header: dict[str, str] = Field(default_factory=dict)
    items: list[ItemReport]


class LetterError(Model):
    source: str
    message: str


class AuditSummary(Model):
    letters: int
    items: int
    agree: int
    disagree: int
    undetermined: int
    out_of_scope: int = 0
    errors: int


class AuditReport(Model):
    summary: AuditSummary
    letters: list[LetterReport]
    errors: list[LetterError]
