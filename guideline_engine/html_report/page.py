"""The data of the HTML report page, as pydantic models: what the page's script reads.

The page holds three kinds of JSON block: the item rows of the table (`Row`, parsed at load),
one block per letter (`LetterView`: its items' facts, evidence and decisions, parsed when one of
its items is opened) and one block per letter file (its text, parsed with the letter).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class PageModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Row(PageModel):
    """One item, as the items table shows it and filters on."""

    id: int
    letter: int                       # index of the letter's LetterView block
    item: int                         # position of the item in that letter's items
    source: str
    index: int                        # the item's number in the letter
    title: str
    recorded: str
    outcome: str
    approvable: int | None = None
    guideline: str                    # governing guideline, or "none"
    edition: str                      # its edition, or ""
    modality: str
    kinds: list[str]                  # finding kinds (legal notes included)
    verdict: str
    unconfirmed: bool                 # a finding rests on an unconfirmed figure


class EvidenceView(PageModel):
    start: int
    end: int
    quote: str
    part: str
    page: int | None = None


class FactView(PageModel):
    name: str
    value: str                        # Fact.display(): "24", "at least 12", "unknown"
    known: bool
    note: str | None = None
    evidence: list[EvidenceView] = Field(default_factory=list)


class FindingView(PageModel):
    rule: str
    kind: str
    effect: str
    guideline: str
    reason: str
    citation: str
    unconfirmed: bool
    approvable: int | None = None


class GuidelineView(PageModel):
    guideline: str
    edition: str | None = None
    addresses: bool
    outcome: str
    approvable: int | None = None
    note: str | None = None


class ItemView(PageModel):
    row: int
    index: int
    title: str
    heading: str | None = None
    recorded: str
    verdict: str
    disagreement: str | None = None
    outcome: str
    medically_necessary: bool | None = None
    approvable: int | None = None
    governing: str | None = None
    governing_reason: str | None = None
    as_of: str | None = None
    reviewer_guidelines: list[str] = Field(default_factory=list)
    findings: list[FindingView] = Field(default_factory=list)
    legal_notes: list[FindingView] = Field(default_factory=list)
    by_guideline: list[GuidelineView] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    audit_notes: list[str] = Field(default_factory=list)
    facts: list[FactView] = Field(default_factory=list)


TextStatus = Literal["ok", "unavailable", "changed"]


class LetterView(PageModel):
    source: str
    layout: str | None = None
    header: dict[str, str] = Field(default_factory=dict)
    specialties: list[str] = Field(default_factory=list)
    text_block: int | None = None     # index of the file's text block, when the text is shown
    text_status: TextStatus
    text_note: str | None = None      # why the text is not shown
    items: list[ItemView]


class GroupCount(PageModel):
    """Items of one group (a modality, a guideline edition, a year...) by verdict."""

    group: str
    items: int = 0
    agree: int = 0
    disagree: int = 0
    undetermined: int = 0
    out_of_scope: int = 0

    @property
    def agreement(self) -> float | None:
        """agree / (agree + disagree): the share of decided items whose outcome matches."""
        decided = self.agree + self.disagree
        return self.agree / decided if decided else None


class Breakdown(PageModel):
    key: str                          # "modality", "guideline", "specialty", "year"
    title: str
    note: str | None = None
    groups: list[GroupCount]


class Confusion(PageModel):
    """Items by recorded outcome (rows) and engine outcome (columns)."""

    rows: list[str]
    columns: list[str]
    counts: list[list[int]]


class Choice(PageModel):
    value: str
    label: str
    count: int


class Filters(PageModel):
    verdict: list[Choice]
    modality: list[Choice]
    guideline: list[Choice]
    finding: list[Choice]


class Page(PageModel):
    """Everything the report page shows."""

    title: str
    summary: dict[str, int]
    confusion: Confusion
    breakdowns: list[Breakdown]
    missing_breakdowns: list[str] = Field(default_factory=list)
    filters: Filters
    rows: list[Row]
    letters: list[LetterView]
    texts: list[str]                  # the letter files' raw texts, by text_block
    errors: list[tuple[str, str]]     # (source, message)
    texts_missing: int = 0            # letters whose text is not shown
