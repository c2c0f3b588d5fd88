"""The published IMR layouts, one entry each. Recognising a layout, its section headings, how its
disputed items are marked and which labelled fields its header carries are data here; parse.py
applies them. A new layout is one more entry in LAYOUTS.

Patterns are `regex` sources matched case-insensitively on the normalised text (single newlines,
no page furniture). `{e<=N}` allows N typing errors in a heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DATE = r"(?P<v>\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"


@dataclass(frozen=True)
class PartRule:
    """A labelled part of a disputed item ("Decision rationale:")."""

    name: Literal["claims_administrator_citation", "reviewer_citation", "rationale"]
    label: str      # as a person would name it in a message
    marker: str
    required: bool = True


@dataclass(frozen=True)
class HeaderRule:
    """A labelled field of the header block; the value is the group `v`."""

    name: str
    pattern: str
    kind: Literal["date", "text"] = "date"


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    # the layout is chosen when all of these headings stand on a line of their own
    detect: tuple[str, ...]
    summary_heading: str
    issues_heading: str
    # how items are marked:
    #   outcome_heading  "<title>: Upheld" then the parts (2014-2017 decisions)
    #   numbered_request "1) ... has determined the request for <title> is (not) medically
    #                    necessary" listed first, then one block per item (2013 notices)
    #   single_issue     one item per letter under an issue heading (professional reviews)
    item_style: Literal["outcome_heading", "numbered_request", "single_issue"]
    parts: tuple[PartRule, ...]
    header: tuple[HeaderRule, ...] = ()
    # text before the summary that introduces it ("The expert reviewer developed ...:")
    summary_intro: str | None = None
    # a sentence that introduces the list of items ("... set forth below:")
    issues_intro: str | None = None
    # sentences before an item heading that belong to it: the original request and what UR
    # already authorised ("... was the original request. ... was authorized by the Claims
    # Administrator. The remaining IMR eligible portion ... is: Upheld")
    heading_preamble: tuple[str, ...] = ()
    # headings that end a section that would otherwise run to the next known heading
    section_ends: tuple[str, ...] = field(default_factory=tuple)
    # outcome words, each with the pattern that reads it (typos allowed)
    upheld: str = r"(?:upheld){e<=2}"
    overturned: str = r"(?:overturned){e<=2}"


_IMR_HEADER = (
    HeaderRule("case_number", r"Case\s+Number\s*:\s*(?P<v>[A-Z]{2}\d{2}-\d{5,8})", "text"),
    HeaderRule("date_assigned", r"Date\s+Assigned\s*:\s*" + DATE),
    HeaderRule("injury_date", r"Date\s+of\s+Injury\s*:\s*" + DATE),
    HeaderRule("decision_date", r"Decision\s+Date\s*:\s*" + DATE),
    HeaderRule("ur_date", r"UR\s+Denial\s+Date\s*:\s*" + DATE),
    HeaderRule("priority", r"Priority\s*:\s*(?P<v>Standard|Expedited)", "text"),
    HeaderRule("application_received", r"(?:Application\s+)?Received\s*:\s*" + DATE),
)

_IMR_PARTS = (
    PartRule("claims_administrator_citation", "Claims Administrator guideline:",
             r"(?:Claims\s+Administrator\s+guideline){e<=2}\s*:"),
    PartRule("reviewer_citation", "MAXIMUS guideline:",
             r"(?:(?:MAXIMUS|Expert\s+Reviewer)\s+guideline){e<=2}\s*:"),
    PartRule("rationale", "Decision rationale:", r"(?:Decision\s+rationale){e<=2}\s*:"),
)

_PREAMBLE = (
    r"\bwas\s+the\s+original\s+request\b",
    r"\bwas\s+authori[sz]ed\s+by\s+the\s+Claims\s+Administrator\b",
    r"\bClaims\s+Administrator\s+(?:authori[sz]ed|certified|approved)\b",
    r"\bleaving\s+the\s+(?:original\s+)?request\s+IMR\s+eligible\b",
    r"\bwas\s+(?:certified|approved|modified)\s+by\s+(?:the\s+)?(?:Claims\s+Administrator|"
    r"utilization\s+review)\b",
)

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="imr-2014",
        description="MAXIMUS final determination, 2014-2017: header block, 'HOW THE IMR FINAL "
                    "DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS "
                    "AND RATIONALES' with '<item>: Upheld|Overturned' headings (the DWC's "
                    "published PDFs and the seeds' extraction of them)",
        detect=(r"(?:IMR ISSUES,? DECISIONS,? AND RATIONALES){e<=3}",),
        summary_heading=r"(?:CLINICAL CASE SUMMARY){e<=2}",
        issues_heading=r"(?:IMR ISSUES,? DECISIONS,? AND RATIONALES){e<=3}",
        item_style="outcome_heading",
        parts=_IMR_PARTS,
        header=_IMR_HEADER,
        summary_intro=r"(?:The expert reviewer developed the following clinical case summary)"
                      r"{e<=4}[^:]{0,120}:",
        issues_intro=r"(?:The Final Determination was based on decisions for the disputed)"
                     r"{e<=4}[^:]{0,80}:",
        heading_preamble=_PREAMBLE,
    ),
)
