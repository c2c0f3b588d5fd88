"""Dates as letters write them: 11/01/2016, 11-1-16, November 1, 2016, 1 Nov 2016, 11.01.2016,
2016-11-01."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# the month names and abbreviations, as a pattern's alternation, and their numbers
MONTH_NAMES = _MONTH


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation ("Sept", "october")."""
    return _MONTHS[name.lower().rstrip(".")]
DATE = regex.compile(
    # (one separator throughout when the year has two digits: "rated 6-7/10" is a pain score)
    # (a range written with a hyphen between two slashed dates is two dates: "DOS
    # 10/5/2016-11/2/2016")
    rf"(?:(?<![\w/-])|(?<=(?<![\w/-])\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)-))"
    rf"(?P<m>\d{{1,2}})(?P<sep>[/-])(?P<d>\d{{1,2}})"
    rf"(?:[/-](?P<y>\d{{4}})|(?P=sep)(?P<y>\d{{2}}))"
    rf"(?![\w/]|-(?!\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)(?![\w/-])))"
    rf"|\b(?P<mn>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    # ("12 October 2016", "the 3rd of January, 2017")
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}})\b"
    # "12.01.2016" (with dots only with a four-digit year: "1.5.10" may be anything)
    rf"|(?<![\w./-])(?P<m4>\d{{1,2}})\.(?P<d4>\d{{1,2}})\.(?P<y4>(?:19|20)\d\d)(?![\w/-]|\.\d)"
    # "2016-12-01"
    rf"|(?<![\w./-])(?P<y5>(?:19|20)\d\d)-(?P<m5>\d{{1,2}})-(?P<d5>\d{{1,2}})(?![\w/-])"
    # a careless extraction's stray space inside the month or the day, with a four-digit year:
    # "Date of Injury: 06/1 4/2012", "dated 11-1 0-2016"
    rf"|(?<![\w/-])(?P<m6>[01] \d|\d{{1,2}})(?P<sep6>[/-])(?P<d6>[0-3] \d|\d{{1,2}})(?P=sep6)"
    rf"(?P<y6>(?:19|20)\d\d)(?![\w/])",
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
    return list(_find_dates(text))


@lru_cache(maxsize=1 << 14)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    out = []
    for m in DATE.finditer(text):
        try:
            if m.group("m"):
                value = dt.date(_year(m.group("y")), int(m.group("m")), int(m.group("d")))
            elif m.group("mn"):
                value = dt.date(int(m.group("y2")), _MONTHS[m.group("mn").lower()],
                                int(m.group("d2")))
            elif m.group("m4"):
                value = dt.date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            elif m.group("y5"):
                value = dt.date(int(m.group("y5")), int(m.group("m5")), int(m.group("d5")))
            elif m.group("y6"):
                value = dt.date(int(m.group("y6")), int(m.group("m6").replace(" ", "")),
                                int(m.group("d6").replace(" ", "")))
            else:
                value = dt.date(int(m.group("y3")), _MONTHS[m.group("mn3").lower()],
                                int(m.group("d3")))
        except ValueError:
            continue
        out.append(DateMatch(value, m.start(), m.end()))
    return tuple(out)


def parse_date(text: str) -> dt.date | None:
    found = find_dates(text)
    return found[0].value if found else None
