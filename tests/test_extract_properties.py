"""Property tests of the extractor on generated letters: hypothesis fills a letter template
with a treatment, a body region, a request in one of the letters' visit forms, a prior-session
count with its qualifier, a functional-improvement statement (positive, negated, plateau,
worsened), dates in several formats, and PDF-extraction noise; the extracted facts must be the
generated ones, and every evidence quote must be the letter's text at its offsets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from guideline_engine.extract import extract_facts
from guideline_engine.letters import parse_document
from guideline_engine.models import Document

TREATMENTS = {
    "physical_therapy": ["physical therapy", "Physical Therapy", "PT"],
    "chiropractic": ["chiropractic treatment", "chiropractic manipulation"],
    "massage": ["massage therapy", "medical massage"],
    "acupuncture": ["acupuncture"],
    "aquatic_therapy": ["aquatic therapy", "pool therapy"],
}
REGIONS = {"lumbar": ["lumbar spine", "low back"], "cervical": ["cervical spine", "neck"],
           "knee": ["right knee", "left knee"], "shoulder": ["left shoulder"],
           "hip": ["left hip"], "ankle_foot": ["right ankle"]}
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten",
                12: "twelve"}


def date_text(d: dt.date, form: int) -> str:
    if form == 0:
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if form == 1:
        return f"{d.month}-{d.day:02d}-{d.year}"
    if form == 2:
        return d.strftime("%B ") + f"{d.day}, {d.year}"
    if form == 3:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10 if d.day not in (11, 12, 13) else 0,
                                                 "th")
        return d.strftime("%B ") + f"{d.day}{suffix}, {d.year}"
    if form == 5:
        return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if form == 6:
        return d.isoformat()
    if form == 7:
        return f"{d.day} " + d.strftime("%B %Y")
    if form == 8:
        # "on the 3rd of January, 2017" (blind500_5)
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10 if d.day not in (11, 12, 13) else 0,
                                                 "th")
        return f"{d.day}{suffix} of " + d.strftime("%B, %Y")
    return f"{d.month}/{d.day}/{d.year % 100:02d}"


def ur_sentence(ur: str, form: int, modified: int | None) -> str:
    """The UR decision as letters word it; `modified` is the number of visits UR allowed."""
    outcome = (f"modified the request to {modified} visits" if modified is not None
               else "non-certified the request")
    if form == 0:
        return f"On {ur}, Utilization Review {outcome}."
    if form == 1:
        return f"The request was submitted, and on {ur}, Utilization Review {outcome}."
    decided = (f"modified to {modified} visits" if modified is not None else "non-certified")
    return f"The request was {decided} by Utilization Review on {ur}."


@st.composite
def requests(draw):
    form = draw(st.integers(0, 4))
    freq, weeks = draw(st.integers(1, 3)), draw(st.integers(2, 6))
    if form == 0:
        return f"{freq}x{weeks}", freq * weeks
    if form == 1:
        return f"{freq} times per week for {weeks} weeks", freq * weeks
    if form == 2:
        n = draw(st.sampled_from(sorted(NUMBER_WORDS)))
        return f"{NUMBER_WORDS[n]} sessions", n
    if form == 3:
        n = draw(st.integers(2, 24))
        return f"x {n}", n
    low = draw(st.integers(4, 12))
    return f"{low}-{low + 6} visits", low + 6


@st.composite
def priors(draw, treatment: str):
    kind = draw(st.sampled_from(["exact", "at_least", "range", "none", "silent"]))
    n = draw(st.integers(2, 30))
    if kind == "exact":
        return f"The injured worker completed {n} sessions of {treatment} to date.", n, "exact"
    if kind == "at_least":
        return (f"Treatment to date has included at least {n} sessions of {treatment}.", n,
                "at_least")
    if kind == "range":
        return f"She has had {n} to {n + 2} sessions of {treatment} so far.", n, "range"
    if kind == "none":
        return f"The injured worker has not had any {treatment}.", 0, "exact"
    return "", None, None


IMPROVEMENT = {
    "documented": ["The injured worker demonstrated objective functional improvement with the "
                   "prior {t}.",
                   "Per the progress notes, the prior {t} was beneficial and her work "
                   "restrictions were reduced."],
    "not_documented": ["There is no documentation of objective functional improvement with the "
                       "prior {t}.",
                       "The injured worker has participated in {t} without significant "
                       "functional improvement.",
                       "The injured worker has plateaued with {t}."],
    "worsened": ["The prior {t} resulted in increased pain."],
}


def noisy(text: str, data) -> str:
    out = []
    for line in text.split("\n"):
        out.append(line + " " * data.draw(st.integers(0, 2)))
        out.append("")
        if data.draw(st.integers(0, 12)) == 0:
            out.extend([""] * 4)
    return "\n".join(out)


def wrap(text: str, width: int = 90) -> str:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_generated_letters_give_back_their_facts(data):
    modality = data.draw(st.sampled_from(sorted(TREATMENTS)))
    treatment = data.draw(st.sampled_from(TREATMENTS[modality]))
    region = data.draw(st.sampled_from(sorted(REGIONS)))
    region_text = data.draw(st.sampled_from(REGIONS[region]))
    request_text, requested = data.draw(requests())
    prior_sentence, prior, qualifier = data.draw(priors(treatment))
    fi = data.draw(st.sampled_from([None, *sorted(IMPROVEMENT)]))
    fi_sentence = ("" if fi is None or not prior else
                   data.draw(st.sampled_from(IMPROVEMENT[fi])).format(t=treatment))
    injury = data.draw(st.dates(dt.date(2005, 1, 1), dt.date(2016, 12, 31)))
    ur = injury + dt.timedelta(days=data.draw(st.integers(120, 2000)))
    injury_form, ur_form = data.draw(st.integers(0, 4)), data.draw(st.integers(0, 3))
    modified = data.draw(st.one_of(st.none(), st.integers(1, max(1, requested - 1))))
    ur_text = ur_sentence(date_text(ur, ur_form), data.draw(st.integers(0, 2)), modified)

    summary = wrap(
        f"The injured worker is a 45 year old who sustained an industrial injury on "
        f"{date_text(injury, injury_form)}. {prior_sentence} The treatment plan included "
        f"{treatment} for the {region_text}. {ur_text}")
    title = f"{treatment[0].upper()}{treatment[1:]} {request_text} for the {region_text}"
    rationale = wrap(f"The guidelines recommend a limited course. In this case, {fi_sentence} "
                     f"Therefore, the request is not medically necessary.")
    letter = (
        " HOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent the "
        "complete case file to an expert reviewer.\n\nCLINICAL CASE SUMMARY\n\nThe expert "
        "reviewer developed the following clinical case summary based on a review of the case "
        f"file, including all medical records:\n\n{summary}\n\nIMR ISSUES, DECISIONS AND "
        "RATIONALES\n\nThe Final Determination was based on decisions for the disputed "
        f"items/services set forth below:\n\n{title}: Upheld\n\nClaims Administrator guideline: "
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines.\n\nMAXIMUS "
        "guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.\n\n"
        f"Decision rationale: {rationale}\n")
    text = noisy(letter, data)
    normal, determination = parse_document(Document(source="generated.txt", text=text))
    assert len(determination.items) == 1
    facts = extract_facts(normal, determination, determination.items[0])

    assert facts.modality.value == modality, title
    assert facts.body_region.value == region, title
    assert facts.requested_visits.value == requested, title
    assert facts.injury_date.value == injury
    assert facts.ur_date.value == ur, ur_text
    assert facts.ur_decision.value == ("modified" if modified is not None else "denied"), ur_text
    assert facts.ur_modified_visits.value == modified, ur_text
    if prior is None:
        # a letter silent on earlier sessions of this treatment shows none in the record
        assert facts.prior_sessions.value == 0 and facts.prior_sessions.basis == "not_in_record"
    else:
        assert facts.prior_sessions.value == prior, prior_sentence
        assert facts.prior_sessions.qualifier.value == qualifier
    if fi is not None and prior:
        assert facts.functional_improvement.value == fi, fi_sentence
    for name in type(facts).model_fields:
        for ev in getattr(facts, name).evidence:
            assert text[ev.start:ev.end] == ev.quote


@given(st.dates(dt.date(2010, 1, 1), dt.date(2018, 12, 1)),
       st.dates(dt.date(2010, 1, 1), dt.date(2019, 12, 31)), st.sampled_from([3, 4, 6, 12]))
def test_an_operation_dated_by_its_month_is_within_the_period_only_if_every_day_is(
        operation, as_of, period):
    # a month-only date answers only when every day of the month gives the same answer, and
    # then gives that answer; an exact date always answers
    import calendar

    from guideline_engine.extract.clinical import months_between, within_period
    from guideline_engine.models import Fact
    first = operation.replace(day=1)
    last = operation.replace(day=calendar.monthrange(operation.year, operation.month)[1])
    month_only = Fact(known=False, earliest=first, latest=last)
    answers = {0 <= months_between(first + dt.timedelta(days=d), as_of) < period
               for d in range((last - first).days + 1)}
    expected = answers.pop() if len(answers) == 1 else None
    assert within_period(month_only, as_of, period) == expected
    exact = Fact(value=operation, known=True)
    assert within_period(exact, as_of, period) == (0 <= months_between(operation, as_of) < period)
    assert within_period(Fact.unknown("no date"), as_of, period) is None


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 8),
       st.integers(0, 10), st.integers(0, 10))
def test_dates_in_every_form_are_found_and_pain_scores_are_not(day, form, low, high):
    # every form letters write a date in gives the date back at its offsets; a pain score
    # written beside it ("rated 6-7/10") is never a date
    from guideline_engine.textdates import find_dates
    written = date_text(day, form)
    text = f"On {written}, pain was rated {low}-{high}/10 and {low}/{high}."
    found = find_dates(text)
    assert [(f.value, text[f.start:f.end]) for f in found] == [(day, written)]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.sampled_from("/-"),
       st.booleans())
def test_a_stray_space_inside_a_two_digit_day_or_month_keeps_the_date(day, sep, in_day):
    # blind1414_4: a careless extraction's "11-1 0-2016", "06/1 4/2012"
    from guideline_engine.textdates import find_dates
    month, dd = f"{day.month:02d}", f"{day.day:02d}"
    if in_day:
        dd = dd[0] + " " + dd[1]
    else:
        month = month[0] + " " + month[1]
    written = f"{month}{sep}{dd}{sep}{day.year}"
    text = f"The request for authorization is dated {written}."
    found = find_dates(text)
    assert [(f.value, text[f.start:f.end]) for f in found] == [(day, written)]


def test_a_number_before_a_date_does_not_join_it():
    from guideline_engine.textdates import find_dates
    for text, want in (("on 3 1/5/2016", "1/5/2016"), ("Page 1 of 4 10/12/2016", "10/12/2016"),
                       ("rated 4 5/10 on 11/02/2016", "11/02/2016")):
        assert [text[f.start:f.end] for f in find_dates(text)] == [want]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
       st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.booleans(), st.booleans())
def test_a_range_of_slashed_dates_joined_by_a_hyphen_is_two_dates(first, last, long_year, spaced):
    # "(DOS 10/5/2016-11/2/2016)": both ends of the dates of service
    from guideline_engine.textdates import find_dates

    def written(day):
        year = day.year if long_year else f"{day.year % 100:02d}"
        return f"{day.month}/{day.day}/{year}"
    joint = " - " if spaced else "-"
    text = f"Retrospective request (DOS {written(first)}{joint}{written(last)})"
    found = find_dates(text)
    assert [f.value for f in found] == [first, last]
    assert [text[f.start:f.end] for f in found] == [written(first), written(last)]


@given(anchor=st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2030, 12, 31)),
       n=st.integers(min_value=1, max_value=30),
       unit=st.sampled_from(["day", "week", "month", "year"]),
       form=st.sampled_from(["{n} {unit}s ago", "{n} {unit}s earlier", "last {unit}",
                             "POD #{n}", "{n} {unit}s post-op", "{n} {unit}s s/p"]))
def test_a_date_counted_back_from_a_note_lies_before_the_note(anchor, n, unit, form):
    from guideline_engine.extract.dates import RELATIVE, relative_interval
    if unit == "year" and form.endswith(("post-op", "s/p")):
        unit = "month"   # (letters count years since an operation in other words)
    if form == "last {unit}" and unit == "day":
        unit = "week"    # ("yesterday" is not read)
    said = form.format(n=n, unit=unit)
    m = RELATIVE.search(said)
    assert m is not None and m.group() == said
    first, last = relative_interval(m, anchor)
    assert first <= last < anchor + dt.timedelta(days=1)
    if form == "last {unit}" and unit == "month":
        assert (last + dt.timedelta(days=1)).replace(day=1) == anchor.replace(day=1)
        assert first.day == 1 and first.month != anchor.month
    if form.startswith("POD"):
        assert first == last == anchor - dt.timedelta(days=n)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(REGIONS)), min_size=1, max_size=3, unique=True),
       st.sampled_from(sorted(REGIONS)), st.randoms(use_true_random=False))
def test_a_clause_is_of_other_regions_only_when_it_names_none_of_the_items(named, own, rng):
    """`categories.only_other_regions`, the one test of "a count of shoulder therapy is not a
    count of lumbar therapy" that history, criteria and clinical share."""
    from guideline_engine.extract import categories

    clause = "therapy for the " + " and the ".join(rng.choice(REGIONS[r]) for r in named)
    assert categories.named_regions(clause) == frozenset(named)
    assert categories.only_other_regions(clause, (own,)) == (own not in named)
    # an item with no named region has no other; a clause naming none is no other's
    assert not categories.only_other_regions(clause, (None, "multiple", "unspecified"))
    assert not categories.only_other_regions("therapy for the upper extremity", (own,))
