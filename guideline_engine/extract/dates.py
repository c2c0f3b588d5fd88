"""Dates as letters write them, and the dates of the case: injury, request, UR decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..models import Fact, Reading
from .parts import RECORD_ORDER, ItemText, resolve

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE = regex.compile(
    rf"(?<![\w/-])(?P<m>\d{{1,2}})[/-](?P<d>\d{{1,2}})[/-](?P<y>\d{{4}}|\d{{2}})(?![\w/-])"
    rf"|\b(?P<mn>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<d3>\d{{1,2}})\s+(?P<mn3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}})\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    value: dt.date
    start: int
    end: int


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # two-digit years in these letters are 19xx for 50-99 and 20xx below
        year += 1900 if year >= 50 else 2000
    return year


def find_dates(text: str) -> list[DateMatch]:
    out = []
    for m in DATE.finditer(text):
        try:
            if m.group("m"):
                value = dt.date(_year(m.group("y")), int(m.group("m")), int(m.group("d")))
            elif m.group("mn"):
                value = dt.date(int(m.group("y2")), _MONTHS[m.group("mn").lower()],
                                int(m.group("d2")))
            else:
                value = dt.date(int(m.group("y3")), _MONTHS[m.group("mn3").lower()],
                                int(m.group("d3")))
        except ValueError:
            continue
        out.append(DateMatch(value, m.start(), m.end()))
    return out


_OPENER = regex.compile(r"^\W*(?:On|In|As\s+of|Dated)\s+", regex.IGNORECASE)
_JUST_BEFORE = regex.compile(r"^\s*,?\s*(?:the\s+)?$", regex.IGNORECASE)
_INJURY = regex.compile(
    r"\b(?:date\s+of\s+injury|injur(?:y|ies)|(?:injured|injures|hurts?)(?!\s+(?:worker|employee))|"
    r"DOI)\b",
    regex.IGNORECASE)
_REQUEST = regex.compile(
    r"\b(?:request\s+for\s+authori[sz]ation|RFA|request\w*\s+(?:was|were|is|dated)\s+"
    r"(?:made|submitted|dated|received)|date\s+of\s+(?:the\s+)?request)\b", regex.IGNORECASE)
_UR = regex.compile(
    r"\b(?:utilization\s+review|UR)\b(?:(?!\.\s).){0,120}?\b(?:deni\w+|denial|modif\w+|"
    r"non-?certif\w+|certif\w+|report|decision|dated)\b"
    r"|\b(?:deni\w+|modif\w+|non-?certif\w+)\b(?:(?!\.\s).){0,60}?\b(?:utilization\s+review|"
    r"UR)\b", regex.IGNORECASE)


def _nearest_after_cue(text: str, cue: regex.Pattern) -> tuple[DateMatch, int] | None:
    """The date closest to a cue in the sentence (dates after the cue preferred)."""
    cues = list(cue.finditer(text))
    if not cues:
        return None
    dates = find_dates(text)
    if not dates:
        return None
    c = cues[0]
    after = [d for d in dates if d.start >= c.start()]
    if after:
        return after[0], c.start()
    # "On 8-19-2015, the physician requested..." : a date opening the sentence
    opener = _OPENER.match(text)
    if opener and dates[0].start == opener.end():
        return dates[0], c.start()
    # "..., and on 11/5/2014, Utilization Review modified the request"
    before = [d for d in dates if d.end <= c.start()]
    if before and _JUST_BEFORE.match(text[before[-1].end:c.start()]) and \
            regex.search(r"\bon\s+$", text[:before[-1].start], regex.IGNORECASE):
        return before[-1], c.start()
    return None


def _date_fact(text: ItemText, cue: regex.Pattern, what: str) -> Fact:
    readings: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            found = _nearest_after_cue(sentence.text, cue)
            if found is None:
                continue
            date, cue_start = found
            start, end = min(cue_start, date.start), max(date.end, cue_start + 1)
            readings.append(Reading(value=date.value, part=part.name,
                                    evidence=[sentence.evidence(start, end)]))
    if not readings:
        return Fact.unknown(f"the letter states no date for the {what}")
    return resolve(readings, RECORD_ORDER)


def injury_date(text: ItemText) -> Fact:
    return _date_fact(text, _INJURY, "injury")


def request_date(text: ItemText) -> Fact:
    return _date_fact(text, _REQUEST, "request for authorization")


def ur_date(text: ItemText) -> Fact:
    return _date_fact(text, _UR, "utilization review decision")
