"""Letter text -> Determination: reviewer, clinical case summary, and every disputed item.

The letters are MAXIMUS Federal Services IMR final determinations, usually extracted from PDF:
every line followed by a blank line, trailing spaces, page breaks as runs of blank lines, and
typing errors. Headings are therefore matched on whole lines, case-insensitively and with a small
edit distance. Anything that cannot be found raises LetterParseError saying what was missing; an
item heading that cannot be read is detected by counting the parts every item has, so an item is
never silently dropped.
"""

from __future__ import annotations

import regex

from .errors import LetterParseError
from .models import Determination, DisputedItem, Document, RecordedOutcome, Reviewer, Span

# fuzzy headings: {e<=N} allows N typing errors (insertions, deletions, substitutions)
_SUMMARY_HEADING = regex.compile(r"(?:CLINICAL CASE SUMMARY){e<=2}", regex.IGNORECASE)
_ISSUES_HEADING = regex.compile(
    r"(?:IMR ISSUES,? DECISIONS,? AND RATIONALES){e<=3}", regex.IGNORECASE
)
_SUMMARY_INTRO = regex.compile(
    r"(?:The expert reviewer developed the following clinical case summary){e<=4}"
    r"[^:]{0,120}:",
    regex.IGNORECASE,
)
_CA = regex.compile(r"(?:Claims\s+Administrator\s+guideline){e<=2}\s*:", regex.IGNORECASE)
_REVIEWER = regex.compile(
    r"(?:(?:MAXIMUS|Expert\s+Reviewer)\s+guideline){e<=2}\s*:", regex.IGNORECASE
)
_RATIONALE = regex.compile(r"(?:Decision\s+rationale){e<=2}\s*:", regex.IGNORECASE)
_ITEM_LINE = regex.compile(
    r"^[ \t]*(?P<title>\S[^\n]*?)[ \t]*:[ \t]*(?P<outcome>[A-Za-z-]+)[ \t]*$", regex.MULTILINE)
_UPHELD = regex.compile(r"^(?:upheld){e<=2}$", regex.IGNORECASE)
_OVERTURNED = regex.compile(r"^(?:overturned){e<=2}$", regex.IGNORECASE)
_NOT_TITLES = regex.compile(
    r"^(?:claims administrator|maximus|expert reviewer|decision rationale|state\(s\)|"
    r"certification|the final determination)",
    regex.IGNORECASE,
)
_LICENSURE = regex.compile(r"State\(s\) of Licensure\s*:\s*(?P<v>[^\n]+)", regex.IGNORECASE)
_SPECIALTY = regex.compile(r"Certification\(s\)/Specialty\s*:\s*(?P<v>[^\n]+)", regex.IGNORECASE)
_BOARD = regex.compile(
    r"reviewer\s+is\s+Board\s+Certified\s+in\s+(?P<spec>[^,]+?)"
    r"(?:,\s*has\s+a\s+subspecialty\s+in\s+(?P<sub>.+?))?\s+and\s+is\s+licensed\s+to\s+practice"
    r"\s+in\s+(?P<state>[A-Z][A-Za-z ]+?)\s*\.",
    regex.IGNORECASE | regex.DOTALL,
)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, quote=text[start:end])


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _outcome(word: str) -> RecordedOutcome | None:
    if _UPHELD.match(word):
        return RecordedOutcome.upheld
    if _OVERTURNED.match(word):
        return RecordedOutcome.overturned
    return None


def _find_heading(pattern: regex.Pattern, text: str, start: int = 0):
    """The first line (from `start`) that is, apart from surrounding space, the heading."""
    for match in pattern.finditer(text, start):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:match.start()].strip() and not text[match.end():line_end].strip():
            return match
    return None


def parse_determination(doc: Document) -> Determination:
    text = doc.text
    summary_head = _find_heading(_SUMMARY_HEADING, text)
    if summary_head is None:
        raise LetterParseError(doc.source, "no 'CLINICAL CASE SUMMARY' heading found")
    issues_head = _find_heading(_ISSUES_HEADING, text, summary_head.end())
    if issues_head is None:
        raise LetterParseError(
            doc.source, "no 'IMR ISSUES, DECISIONS AND RATIONALES' heading found after the "
            "clinical case summary", _line_of(text, summary_head.end()))

    summary_start = summary_head.end()
    intro = _SUMMARY_INTRO.search(text, summary_start, issues_head.start())
    if intro is not None and not text[summary_start:intro.start()].strip():
        summary_start = intro.end()
    case_summary = _trimmed(text, summary_start, issues_head.start())
    if not case_summary.quote:
        raise LetterParseError(doc.source, "the clinical case summary is empty",
                               _line_of(text, summary_head.start()))

    items = _parse_items(doc, issues_head.end())
    reviewer = _parse_reviewer(text[: summary_head.start()])
    return Determination(source=doc.source, reviewer=reviewer, case_summary=case_summary,
                         items=items)


def _parse_items(doc: Document, start: int) -> list[DisputedItem]:
    text = doc.text
    headings = []
    for match in _ITEM_LINE.finditer(text, start):
        title = match.group("title")
        if _NOT_TITLES.match(title):
            continue
        outcome = _outcome(match.group("outcome"))
        if outcome is None:
            # "Aquatic therapy x 8: Partially" - a heading line we cannot read is an error only
            # if an item's parts follow it; that is checked by the counts below.
            continue
        headings.append((match, outcome))

    rationales = [m.start() for m in _RATIONALE.finditer(text, start)]
    if not headings:
        raise LetterParseError(
            doc.source, "no disputed item heading ('<item>: Upheld' or '<item>: Overturned') "
            "found under IMR ISSUES, DECISIONS AND RATIONALES", _line_of(text, start))
    first = headings[0][0].start()
    early = [r for r in rationales if r < first]
    if early:
        raise LetterParseError(
            doc.source, "a 'Decision rationale:' comes before the first readable item heading; "
            "that item's heading (title: Upheld/Overturned) could not be read",
            _line_of(text, early[0]))

    items: list[DisputedItem] = []
    for index, (match, outcome) in enumerate(headings):
        region_end = headings[index + 1][0].start() if index + 1 < len(headings) else len(text)
        title = _trimmed(text, match.start("title"), match.end("title"))
        label = f"item {index + 1} ('{title.quote}')"
        line = _line_of(text, match.start())
        parts = {}
        for name, pattern in (("Claims Administrator guideline:", _CA),
                              ("MAXIMUS guideline:", _REVIEWER),
                              ("Decision rationale:", _RATIONALE)):
            found = list(pattern.finditer(text, match.end(), region_end))
            if not found:
                raise LetterParseError(doc.source, f"{label} has no '{name}'", line)
            if len(found) > 1:
                raise LetterParseError(
                    doc.source, f"{label} has {len(found)} '{name}' parts; the heading of "
                    "an item after it could not be read", _line_of(text, found[1].start()))
            parts[name] = found[0]
        ca, rv, ra = (parts[k] for k in ("Claims Administrator guideline:", "MAXIMUS guideline:",
                                          "Decision rationale:"))
        if not ca.start() < rv.start() < ra.start():
            raise LetterParseError(
                doc.source, f"{label}: expected the claims administrator guideline, then the "
                "MAXIMUS guideline, then the decision rationale", line)
        rationale = _trimmed(text, ra.end(), region_end)
        if not rationale.quote:
            raise LetterParseError(doc.source, f"{label} has an empty decision rationale", line)
        items.append(DisputedItem(
            index=index + 1,
            title=title,
            recorded_outcome=outcome,
            outcome_span=_trimmed(text, match.start("outcome"), match.end("outcome")),
            claims_administrator_citation=_trimmed(text, ca.end(), rv.start()),
            reviewer_citation=_trimmed(text, rv.end(), ra.start()),
            rationale=rationale,
        ))
    return items


def _parse_reviewer(head: str) -> Reviewer:
    licensure: list[str] = []
    specialties: list[str] = []
    statement = None
    if m := _LICENSURE.search(head):
        licensure = [s.strip() for s in m.group("v").split(",") if s.strip()]
    if m := _SPECIALTY.search(head):
        specialties = [s.strip() for s in m.group("v").split(",") if s.strip()]
    if m := _BOARD.search(head):
        specialties = specialties or [" ".join(m.group("spec").split())]
        if m.group("sub"):
            specialties.append(" ".join(m.group("sub").split()))
        licensure = licensure or [" ".join(m.group("state").split())]
        statement = _trimmed(head, m.start(), m.end())
    return Reviewer(licensure=licensure, specialties=specialties, statement=statement)
