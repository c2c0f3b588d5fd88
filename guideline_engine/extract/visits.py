"""The visit-count grammar of treatment requests.

    3x4 · 2 x 6 · 3x a week for 4 weeks · 2x/week x 6 weeks · three times per week for four weeks
    two visits a week for three weeks · 2 sessions per week (a frequency, no total)
    1-2 times per week for 6-8 weeks (6 to 16)
    twice weekly (for four weeks) · x 6 · 12-24 sessions · 12- 24 physical therapy visits
    Qty: 12 · QTY: 6.00 · #12
    two times six (12) · six sessions · eight (8) visits · (8) sessions
    12 sessions of physical therapy
    x 80 hours (a programme in hours: 10 full days of 8 hours) · two weeks (80 hours)
    once a month for 6 months · monthly x 6 months (a total with no weekly frequency)
    8 half-hour units (2 units per visit) (billing units several to a visit: 4 visits)

`parse_visits(text)` returns the first request it finds as a VisitCount with folded-text offsets;
the caller maps those to letter offsets. A frequency without a duration ("twice weekly") gives a
VisitCount with `total=None`: the caller looks elsewhere for the weeks and never guesses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import multipattern
from .numbers import FREQUENCY_WORDS, NUMBER, to_int

_N = NUMBER
_FREQ_WORD = "|".join(FREQUENCY_WORDS)
_TIMES = r"(?:x|×|times?)"
_PER_WEEK = r"(?:(?:a|per|each|every|/)\s*)?(?:week|wk)s?\b|-?weekly"
_WEEKS = r"(?:weeks?|wks?)\b"
_UNIT = r"(?:sessions?|visits?|treatments?|days?)\b"
# weeks told as more of a course: "for the next six weeks", "for another three weeks", "a further
# two weeks", "an additional 4 weeks"
_MORE = (r"(?:(?:the\s+)?next\s+|another\s+|an?\s+(?:further|additional)\s+|further\s+|"
         r"additional\s+)?")
# up to three words between a count and its unit: "12 physical therapy visits"
# (not a unit of time: "4 hours per session", "2 weeks at five days a week" are no counts; nor
# billing units: "2 units at each visit")
_FILLER = (r"(?:(?!(?:hours?|hrs?|minutes?|mins?|per|weeks?|wks?|months?|years?|units?)\b)"
           r"[A-Za-z()&/-]+\s+){0,3}?")

_FREQ = (rf"(?:(?:(?P<flow>[1-7])\s*(?:-|–|to)\s*)?(?P<fnum>{_N})\s*{_TIMES}|"
         # a count per week with no "times": "3/wk x 4 wks", "3 per week for 4 weeks"
         rf"(?P<fnum>[1-7])(?=\s*(?:/|per\s+)\s*(?:week|wk)s?\b)|"
         rf"(?P<fword>{_FREQ_WORD})|"
         # a programme's days: "5 days a week for 4 weeks"
         # ("five full days a week for two weeks"; and visits so: "two visits a week for three
         # weeks")
         rf"(?P<fnum>[1-7]|one|two|three|four|five|six|seven)\s+(?:(?:full\s+|half\s+)?days?|"
         rf"visits?|sessions?|treatments?)"
         # ("massage 4 sessions per month for 3 months")
         rf"(?=\s*(?:a|per|each|every|/)\s*"
         rf"(?:week|wk|month\b|mo\b)))")

# a full-day session of a programme (the MTUS counts functional restoration in full days;
# "a 2-week / 80-hour programme", docs/figures.md §2)
HOURS_A_DAY = 8

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    # 3x a week for 4 weeks / 2x/week x 6 weeks / twice weekly (for four weeks)
    ("frequency_weeks", regex.compile(
        rf"\b{_FREQ}\s*(?:{_PER_WEEK})\s*,?\s*\(?\s*(?:for|x|×|over|times)\s*{_MORE}"
        # (a range of weeks: "1-2 times per week for 6-8 weeks", 6 to 16 visits)
        rf"(?:(?P<wlow>[1-9]|1[0-9])\s*(?:-|–|to)\s*)?(?P<weeks>{_N})\s*{_WEEKS}",
        regex.IGNORECASE)),
    # the weeks first: "x 4 weeks, 3 times per week" / "for 6 weeks at twice a week"
    # (or after a comma: "Work hardening program, 2 weeks, 5 days a week")
    ("weeks_frequency", regex.compile(
        rf"(?:(?<![\w-])[x×]|\b(?:for|over)\s*{_MORE}|(?<=(?:^|,)\s{{0,3}})|"
        # ("a further two weeks of therapy at two sessions per week")
        rf"\b(?:another|(?<=\b(?:a|an)\s+)(?:further|additional))\s)"
        rf"\s*(?P<weeks>{_N})\s*{_WEEKS}\s*,?\s*(?:(?:of\s+(?:[\w-]+\s+){{0,2}}?)?at\s+|of\s+)?"
        rf"{_FREQ}\s*(?:{_PER_WEEK})", regex.IGNORECASE)),
    # twice a week for one month: four weeks (the reviewers' reading: "two treatments a week
    # for one month amounts to 8 treatments"; longer spans in months are left unread, as weeks
    # a month differ)
    ("frequency_one_month", regex.compile(
        rf"\b{_FREQ}\s*(?:{_PER_WEEK})\s*,?\s*\(?\s*(?:for|x|×|over)\s*(?:the\s+next\s+)?"
        rf"(?:one|a|1)\s*(?:month|mo)\b(?!\s*(?:-|–|to|or)\s*\w)",
        regex.IGNORECASE)),
    # once a month for 6 months / monthly x 6 months (a total; no weekly frequency)
    ("frequency_months", regex.compile(
        rf"\b(?:{_FREQ}\s*(?:a|per|each|every|/)\s*(?:month|mo)\b|monthly)\s*,?\s*\(?\s*"
        rf"(?:for|x|×|over)\s*(?:the\s+next\s+)?(?P<months>{_N})\s*(?:months?|mos?)\b",
        regex.IGNORECASE)),
    # 3x4 / 2 x 6 / 1-2 x 6 (6 to 12)
    ("frequency_x_weeks", regex.compile(
        r"(?<![\w.-])(?:(?P<flow>[1-7])\s*[-–]\s*)?(?P<fnum>[1-7])\s*(?:[x×]|times)\s*"
        r"(?P<weeks>\d{1,2})"
        r"(?!\s*(?:visits?|sessions?)\b)"
        r"(?![\w%/-]|\.\d)", regex.IGNORECASE)),
    # 12-24 sessions / 12- 24 physical therapy visits / 12 to 24 visits
    ("range", regex.compile(
        rf"(?<![\w.-])(?P<low>{_N})\s*(?:-|–|to)\s*(?P<high>{_N})\s+{_FILLER}{_UNIT}",
        regex.IGNORECASE)),
    # two times four visits (8): a frequency times a number of weeks, with the total stated
    ("frequency_times_count", regex.compile(
        rf"(?<![\w.-])(?P<fnum>{_N})\s*{_TIMES}\s*(?P<weeks>{_N})\s+(?:visits?|sessions?)\b"
        rf"(?:\s*\((?P<total>\d{{1,3}})\))?"
        # two times six (12): the product in brackets stands for the unit
        rf"|(?<![\w.-])(?P<fnum>{_N})\s*{_TIMES}\s*(?P<weeks>{_N})\s*\((?P<total>\d{{1,3}})\)",
        regex.IGNORECASE)),
    # a programme's weeks and hours: "two weeks (80 hours)"
    ("program_weeks_hours", regex.compile(
        rf"(?<![\w.-])(?P<weeks>{_N})[\s-]*{_WEEKS}\s*\(\s*(?P<hours>\d{{2,3}})[- ]?(?:hours?|hrs?)"
        rf"\s*\)", regex.IGNORECASE)),
    # a programme in hours: "x 80 hours", "an 80-hour program" (full days of 8 hours)
    ("program_hours", regex.compile(
        # ("Functional restoration program x80 hours")
        r"(?:(?<=(?<![\w-])[x×]\s?)|(?<![\w.-]))(?P<hours>\d{2,3})[- ]?(?:hours?|hrs?)\b"
        r"(?!\s+(?:a|per|each)\s+(?:day|week))",
        regex.IGNORECASE)),
    # billing units several to a visit: "massage therapy, 8 half-hour units (2 units per visit)",
    # "8 thirty-minute units billed at 2 units per visit"
    ("units_per_visit", regex.compile(
        rf"(?<![\w.-])(?P<units>{_N})\s+(?:[\w-]+\s+){{0,2}}?units?\s*(?:\(\s*|,\s*)?(?:billed\s+)?"
        rf"(?:at\s+)?(?P<per>{_N})\s+(?:[\w-]+\s+)?units?\s+(?:per|a|each)\s+(?:visit|session)\)?",
        regex.IGNORECASE)),
    # x 6 / x6 visits
    ("times_total", regex.compile(
        # (not what each visit holds: "97140 x 2", "Chiropractic treatment with modalities x 3, 3
        # times a week for 2 weeks"; but "Physiotherapy modalities x8 for the cervical spine")
        rf"(?<!\b(?:units?|codes?|\d{{5}})\s*)"
        rf"(?!(?<=\bmodalit(?:y|ies)\s*)[x×]\s*\d{{1,2}}\s*,?\s*(?:[1-7]|one|two|three|four|five)\s*"
        rf"(?:[x×]|times)\b)"
        # (the unit written on: "post-op physcial theraphy x6visits")
        rf"(?:(?<![\w-])[x×]|(?<!\d\s*)\btimes)\s*(?P<total>\d{{1,2}})"
        rf"(?:(?=(?:visits?|sessions?|treatments?)\b)|(?![\w%/-]|\.\d))"
        rf"(?!\s*(?:{_WEEKS}|{_PER_WEEK}|hours?|hrs?|minutes?|mins?|months?|mos?|days?|"
        # (CPT billing units: "97110 therapeutic exercises x 12 units")
        rf"units?)\b)",
        regex.IGNORECASE)),
    # additional chiropractic sessions, six (6) / visits: 12
    ("unit_then_count", regex.compile(
        rf"\b(?:sessions|visits|treatments)\s*[,:]\s*(?P<total>{_N})(?![\w/.-]|\s*(?:-|to)\s*\d)",
        regex.IGNORECASE)),
    # Qty: 12 / quantity 12 / QTY: 6.00 / #12 (not a drug's: "Tramadol ER 150mg #30")
    ("quantity", regex.compile(r"(?:\b(?:qty|quantity)\s*[:.]?\s*|(?<![\w#])"
                               r"(?<!(?:mg|mcg|ml|%|tabs?|tablets?|caps?)\s{0,3})#\s?)"
                               r"(?P<total>\d{1,3})(?:\.0{1,2})?\b(?![./-]\d)", regex.IGNORECASE)),
    # six sessions / 12 physical therapy visits / eight (8) additional visits
    ("total", regex.compile(
        # ("Acupuncture (6-sessions)")
        # ("completed the 6-visit trial", "a six-session course")
        rf"(?<![\w.-])(?:\((?P<total>\d{{1,3}})\)|(?P<total>{_N}))(?:\s+|-(?=sessions\b|visits\b|"
        rf"treatments\b|(?:session|visit|treatment)\s+(?:trial|course)\b))(?:additional\s+|more\s+|further\s+)?"
        rf"{_FILLER}{_UNIT}",
        regex.IGNORECASE)),
    # a count before the treatment's short name, with no unit: "8 PT for the lumbar spine",
    # "12 chiro to the neck" (not a day of a month: "December 8 PT evaluation")
    ("count_then_treatment", regex.compile(
        rf"(?<![\w.#/:-])(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)"
        rf"(?P<total>{_N})\s+(?:(?:additional|more|further)\s+)?(?:PT|OT|chiro|acupuncture)"
        r"(?=\s+(?:for|to|of)\b|\s*[,;:)]|\s*$)",
        regex.IGNORECASE)),
    # a bare count in parentheses after the treatment: "Post-operative physical therapy (12)"
    ("parenthesized_total", regex.compile(
        r"(?<=\b(?:therapy|therapies|chiropractic|acupuncture|massage|manipulation|PT|OT|CMT|"
        r"program|treatments?)\s*)\(\s*(?P<total>\d{1,2})\s*\)(?=\s*(?:$|[,;:]|for\b|to\b|of\b))",
        regex.IGNORECASE)),
    # twice weekly / 3 times per week (no duration)
    ("frequency_only", regex.compile(rf"\b{_FREQ}\s*(?:{_PER_WEEK})", regex.IGNORECASE)),
]

# a duration on its own, to complete a frequency found elsewhere: "(for four weeks)"; or a
# request's only measure: "Work conditioning x 2 weeks" (not the "x" of "2x 4 weeks")
_DURATION = regex.compile(rf"(?:\bfor\s+{_MORE}|(?<![\w/])[x×]\s*)(?P<weeks>{_N})\s*{_WEEKS}",
                          regex.IGNORECASE)


@dataclass(frozen=True)
class VisitCount:
    total: int | None
    minimum: int | None
    frequency: int | None
    weeks: int | None
    start: int
    end: int
    form: str


@lru_cache(maxsize=1 << 14)
def parse_visits(text: str, pos: int = 0) -> VisitCount | None:
    """The first visit request stated in `text` from `pos` (earliest match; longer forms win
    ties). Remembered: the items of a letter ask of the same sentences."""
    best: VisitCount | None = None
    for form, pattern in _PATTERNS:
        if not multipattern.may_match(pattern, text):
            continue
        for match in pattern.finditer(text, pos):
            found = _build(form, match)
            if found is None:
                continue
            if best is None or found.start < best.start or (
                found.start == best.start and found.end > best.end
            ):
                best = found
            break
    if best is not None and best.frequency is None and best.total is not None:
        # "Four sessions ... two times a week times 2 weeks": the total stands as stated; the
        # frequency and duration stated with it are kept
        pattern = _PATTERNS[0][1]
        match = pattern.search(text, best.end)
        # (not another treatment's schedule: "a HELP program, 10 days, hydrotherapy twice
        # weekly for four weeks")
        # (further on only when it makes the total: "Aquatic therapy x6 visits for the lumbar
        # spine and bilateral knees, two times a week for three weeks")
        extra = _build("frequency_weeks", match) if match is not None else None
        if extra is not None and (match.start() - best.end < 40 or (
                match.start() - best.end < 80 and extra.frequency and extra.weeks
                and extra.frequency * extra.weeks == best.total
                and _PLACE_BETWEEN.match(text[best.end:match.start()]))) and \
                not _OTHER_TREATMENT.search(text, best.end, match.start()):
            best = VisitCount(best.total, best.minimum, extra.frequency, extra.weeks,
                              best.start, match.end(), best.form)
        else:
            best = _with_schedule(text, best)
    # a stepped schedule: "2x4 then 1x4", "3 times a week for 2 weeks followed by 2 times a week
    # for 4 weeks" is one request of both steps
    if best is not None and best.form in _SCHEDULES and best.total and \
            (then := _THEN.match(text, best.end)):
        step = parse_visits(text, then.end())
        if step is not None and step.start == then.end() and step.form in _SCHEDULES and \
                step.total:
            frequency = best.frequency if best.frequency == step.frequency else None
            best = VisitCount(best.total + step.total, None, frequency,
                              (best.weeks or 0) + (step.weeks or 0) or None, best.start,
                              step.end, "stepped")
    # a course for each side: "2 times a week for 3 weeks for the right knee and 2 times a week
    # for 3 weeks for the left knee" is one request of both (the same part, the other side)
    if best is not None and best.form in _SCHEDULES and best.total and \
            (side := _FOR_SIDE_AND.match(text, best.end)):
        step = parse_visits(text, side.end())
        other = _FOR_SIDE.match(text, step.end) if step is not None else None
        if other is not None and step.start == side.end() and step.form in _SCHEDULES and \
                step.total and other.group("side").lower() != side.group("side").lower() and \
                other.group("part").lower() == side.group("part").lower():
            best = VisitCount(best.total + step.total, None, None,
                              best.weeks if best.weeks == step.weeks else None, best.start,
                              other.end(), "per_side")
    # a schedule capped by the total stated right after it: "1-2 times per week for 4-6 weeks,
    # 8 sessions total" is 8 visits (within what the schedule allows)
    if best is not None and best.form in _SCHEDULES and best.total and \
            (told := _TOTAL_AFTER.match(text, best.end)) and \
            (best.minimum or 1) <= to_int(told.group("total")) <= best.total:
        best = VisitCount(to_int(told.group("total")), None, best.frequency, best.weeks,
                          best.start, told.end(), best.form)
    return best


_TOTAL_AFTER = regex.compile(
    rf"\s*[,(]?\s*(?:(?:for\s+)?(?:a\s+)?total\s+of\s+(?P<total>{_N})\s+(?:[\w-]+\s+)?{_UNIT}|"
    rf"(?P<total>{_N})\s+{_UNIT}\s+(?:in\s+)?total\b)(?!\s*(?:of\s+)?\d)", regex.IGNORECASE)


_SCHEDULES = frozenset({"frequency_weeks", "weeks_frequency", "frequency_x_weeks"})
_THEN = regex.compile(r"\s*,?\s*(?:and\s+)?(?:then|followed\s+by)\s+", regex.IGNORECASE)
_SIDE = (r"\s+(?:for|to)\s+(?:the\s+)?(?P<side>right|left)\s+"
         r"(?P<part>knee|shoulder|hip|ankle|foot|elbow|wrist|hand|leg|arm)\b")
_FOR_SIDE = regex.compile(_SIDE, regex.IGNORECASE)
_FOR_SIDE_AND = regex.compile(_SIDE + r"\s*,?\s*(?:and|plus)\s+", regex.IGNORECASE)


# only the place between a total and a schedule further on: "x6 visits for the lumbar spine and
# bilateral knees, two times a week ..."
_PLACE_BETWEEN = regex.compile(r"(?:\s+(?:visits?|sessions?|treatments?))?\s+(?:for|to)\s+the\s+"
                               r"[^,.;]{1,70},\s+$", regex.IGNORECASE)
# a treatment named between a total and a schedule: the schedule is that treatment's
_OTHER_TREATMENT = regex.compile(
    r"(?:[,;]|\band\b)\s*(?:[\w-]+\s+){0,3}?(?:therapy|hydrotherapy|chiropractic|acupuncture|"
    r"massage|PT|OT|manipulation|conditioning|hardening|biofeedback|program)\b", regex.IGNORECASE)


# a duration right after a total: "10 visits (2 weeks)", "10 visits over 2 weeks", "an 80-hour
# (two-week) program" (and its bound: "up to 10 sessions over no more than 4 weeks")
_DURATION_AFTER = regex.compile(
    # ("work conditioning, 10 visits, to be completed over 4 weeks")
    rf"\s*,?\s*(?:\(\s*|(?:to\s+be\s+(?:completed|given|done|provided)\s+)?(?:over|for|in|within)\s+"
    rf"(?:a\s+period\s+of\s+)?(?:(?:no|not)\s+more\s+than\s+|"
    rf"at\s+most\s+|up\s+to\s+)?)(?P<weeks>{_N})[\s-]*{_WEEKS}\)?",
    regex.IGNORECASE)
_FREQUENCY_ONLY = _PATTERNS[-1][1]


def _with_schedule(text: str, best: VisitCount) -> VisitCount:
    """A total with its schedule written apart: "10 visits (2 weeks) ..., 5 times weekly". The
    duration must follow the total at once; a frequency within a few words counts only when it
    and the duration make the total."""
    duration = _DURATION_AFTER.match(text, best.end)
    if duration is None:
        return best
    weeks, end = to_int(duration.group("weeks")), duration.end()
    frequency = None
    found = _FREQUENCY_ONLY.search(text, end, end + 60)
    if found is not None and weeks and _frequency(found) * weeks == best.total:
        frequency, end = _frequency(found), found.end()
    return VisitCount(best.total, best.minimum, frequency, weeks or None, best.start, end,
                      best.form)


def all_visits(text: str) -> list[VisitCount]:
    """Every visit request stated in `text`, left to right, none overlapping."""
    out: list[VisitCount] = []
    position = 0
    while (found := parse_visits(text, position)) is not None:
        out.append(found)
        position = max(found.end, found.start + 1)
    return out


def parse_duration(text: str) -> tuple[int, int, int] | None:
    """(weeks, start, end) of a stand-alone duration such as 'for four weeks'."""
    match = _DURATION.search(text)
    if not match:
        return None
    return to_int(match.group("weeks")), match.start(), match.end()


def weekly_frequency(text: str, pos: int = 0, endpos: int | None = None
                     ) -> tuple[int, int, int] | None:
    """(visits a week, start, end) of the first frequency alone in text[pos:endpos]: "twice
    weekly", "at 3 times per week"."""
    found = _FREQUENCY_ONLY.search(text, pos, len(text) if endpos is None else endpos)
    return None if found is None else (_frequency(found), found.start(), found.end())


def _frequency(match: regex.Match) -> int:
    if match.group("fword"):
        return FREQUENCY_WORDS[match.group("fword").lower()]
    return to_int(match.group("fnum"))


def _build(form: str, m: regex.Match) -> VisitCount | None:
    if form in ("frequency_weeks", "weeks_frequency"):
        freq, weeks = _frequency(m), to_int(m.group("weeks"))
        low = m.groupdict().get("flow")
        fewest = int(low) if low and int(low) < freq else freq
        wlow = m.groupdict().get("wlow")
        shortest = int(wlow) if wlow and 0 < int(wlow) < weeks else weeks
        minimum = fewest * shortest if (fewest, shortest) != (freq, weeks) else None
        return VisitCount(freq * weeks, minimum, freq, weeks, m.start(), m.end(), form)
    if form == "frequency_one_month":
        freq = _frequency(m)
        return VisitCount(freq * 4, None, freq, 4, m.start(), m.end(), form)
    if form == "frequency_months":
        per_month = _frequency(m) if (m.group("fnum") or m.group("fword")) else 1
        months = to_int(m.group("months"))
        if not 0 < per_month <= 8 or months == 0:
            return None
        return VisitCount(per_month * months, None, None, None, m.start(), m.end(), form)
    if form == "frequency_x_weeks":
        freq, weeks = int(m.group("fnum")), int(m.group("weeks"))
        if weeks == 0:
            return None
        low = int(m.group("flow")) if m.group("flow") else freq
        minimum = low * weeks if low < freq else None
        return VisitCount(freq * weeks, minimum, freq, weeks, m.start(), m.end(), form)
    if form == "frequency_times_count":
        freq, weeks = to_int(m.group("fnum")), to_int(m.group("weeks"))
        total = int(m.group("total")) if m.group("total") else freq * weeks
        if not 0 < freq <= 7 or weeks == 0 or total != freq * weeks:
            return None
        return VisitCount(total, None, freq, weeks, m.start(), m.end(), form)
    if form in ("program_hours", "program_weeks_hours"):
        hours = int(m.group("hours"))
        if hours < 16 or hours % HOURS_A_DAY:
            return None
        days = hours // HOURS_A_DAY
        weeks = to_int(m.group("weeks")) if form == "program_weeks_hours" else None
        frequency = days // weeks if weeks and days % weeks == 0 else None
        return VisitCount(days, None, frequency, weeks or None, m.start(), m.end(), form)
    if form == "range":
        low, high = to_int(m.group("low")), to_int(m.group("high"))
        if not 0 < low < high:
            return None
        return VisitCount(high, low, None, None, m.start(), m.end(), form)
    if form in ("times_total", "total", "quantity", "unit_then_count", "parenthesized_total",
                "count_then_treatment"):
        total = to_int(m.group("total"))
        if total <= 0:
            return None
        return VisitCount(total, None, None, None, m.start(), m.end(), form)
    if form == "frequency_only":
        return VisitCount(None, None, _frequency(m), None, m.start(), m.end(), form)
    if form == "units_per_visit":
        if (visits := visits_of_units(to_int(m.group("units")), to_int(m.group("per")))) is None:
            return None
        return VisitCount(visits, None, None, None, m.start(), m.end(), form)
    raise AssertionError(form)


def visits_of_units(units: int, per_visit: int) -> int | None:
    """The visits that billing units make at so many units a visit ("8 units, 2 units per
    visit": 4), or None where they do not divide into whole visits."""
    if not 0 < per_visit <= 8 or units % per_visit:
        return None
    return units // per_visit
