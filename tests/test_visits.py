"""The visit-count grammar, by example and by property (hypothesis renders a request in one of
the surface forms letters use, embeds it in text, and checks the parsed total)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guideline_engine.extract.numbers import WORDS, to_int
from guideline_engine.extract.visits import parse_duration, parse_visits, visits_of_units

NUMBER_WORDS = {v: k for k, v in WORDS.items() if " " not in k}
FREQ_WORDS = {1: "once", 2: "twice"}


@pytest.mark.parametrize("text,total,minimum,freq,weeks", [
    ("3x4", 12, None, 3, 4),
    ("2 x 6", 12, None, 2, 6),
    ("Physical Therapy x 6 for the low back", 6, None, None, None),
    ("12-24 sessions", 24, 12, None, None),
    ("12- 24 physical therapy visits for the back", 24, 12, None, None),
    ("3x a week for 4 weeks", 12, None, 3, 4),
    # visits a week (blind1060_6: "two visits a week for three weeks, that is 6 visits")
    ("two visits a week for three weeks", 6, None, 2, 3),
    ("for 6 weeks at 2 sessions per week", 12, None, 2, 6),
    # weeks told as more of a course (blind1405_2, blind1405_3, blind1401_5)
    ("Acupuncture for another three weeks, three times weekly, for the neck", 9, None, 3, 3),
    ("physical therapy, two sessions per week for a further two weeks, right knee", 4, None, 2,
     2),
    ("a further two weeks of therapy at two sessions per week", 4, None, 2, 2),
    ("chiropractic for an additional 4 weeks of twice-weekly sessions", 8, None, 2, 4),
    # sessions a month (blind1435_3)
    ("Massage 4 sessions per month for 3 months", 12, None, None, None),
    ("2 visits per week", None, None, 2, None),
    # a schedule further on that makes the total is the total's
    ("Aquatic therapy x6 visits for the lumbar spine and bilateral knees, two times a week for "
     "three weeks", 6, None, 2, 3),
    ("twice weekly (for four weeks)", 8, None, 2, 4),
    ("six sessions", 6, None, None, None),
    ("eight (8) visits", 8, None, None, None),
    ("2x/week x 6 weeks", 12, None, 2, 6),
    ("three times per week for four weeks", 12, None, 3, 4),
    ("once weekly for 6 weeks", 6, None, 1, 6),
    ("Acupuncture x6", 6, None, None, None),
    # a claims system's quantity field (blind108_1)
    ("Acupuncture QTY: 6.00", 6, None, None, None),
    ("Qty: 12", 12, None, None, None),
    # the schedule written apart from the total, and only when it makes the total
    ("Work conditioning 10 visits (2 weeks) for the lumbar spine, 5 times weekly", 10, None, 5, 2),
    ("10 visits over 2 weeks", 10, None, None, 2),
    # the unit written on to the count (blind884_4)
    ("Additional post-op physcial theraphy x6visits for the right knee", 6, None, None, None),
    # billing units several to a visit (blind974_5)
    ("Massage therapy, 8 half-hour units (2 units per visit), lumbar spine", 4, None, None, None),
    ("8 thirty-minute units billed at 2 units per visit", 4, None, None, None),
    # the duration said of the course's completion (blind969_6)
    ("work conditioning, 10 visits, to be completed over 4 weeks", 10, None, None, 4),
    # the duration's bound (blind941_6)
    ("work conditioning, up to 10 sessions over no more than 4 weeks", 10, None, None, 4),
    ("10 visits (2 weeks), 3 times weekly", 10, None, None, 2),
    # a programme in hours counts full days of 8 hours
    ("Functional restoration program x 80 hours", 10, None, None, None),
    ("an 80-hour (two-week) functional restoration program", 10, None, None, 2),
    ("10 visits (2-week)", 10, None, None, 2),
    ("x 160 hours", 20, None, None, None),
    # a monthly schedule: a total, with no weekly frequency (blind65_6)
    ("Maintenance chiropractic treatment once a month for 6 months", 6, None, None, None),
    ("monthly x 6 months", 6, None, None, None),
    ("twice a month for 3 months", 6, None, None, None),
    # ranges of frequency and of weeks: the most and the fewest visits (blind424_5)
    ("Chiropractic treatment 1-2 times per week for 6-8 weeks", 16, 6, 2, 8),
    ("2x/week for 4-6 weeks", 12, 8, 2, 6),
    ("1-2x per week x 6 weeks", 12, 6, 2, 6),
    # a range of the short form (blind547_2): not "x 6" alone
    ("Acupuncture 1-2 x 6 for the cervical spine", 12, 6, 2, 6),
    ("PT 2-3x4 weeks", 12, 8, 3, 4),
    # a programme's full days (blind449_6)
    ("five full days a week for two weeks", 10, None, 5, 2),
    # a count per week with no "times" (blind463_2)
    ("Physio 3/wk x 4 wks", 12, None, 3, 4),
    ("3 per week for 4 weeks", 12, None, 3, 4),
    # what each visit holds is no count of visits (blind859_2)
    ("Chiropractic treatment with modalities x 3, 3 times a week for 2 weeks", 6, None, 3, 2),
    ("Physical therapy (97140 x 2, 97110 x 4 units) 2 times a week for 4 weeks", 8, None, 2, 4),
    # billing units before the visit are no count of visits (blind1015_2)
    ("specifies 2 units at each visit for a total of 4 visits", 4, None, None, None),
    # a schedule capped by the total stated after it (blind1502_6); not a total past the
    # schedule's
    ("Physical therapy 1-2 times per week for 4-6 weeks, 8 sessions total", 8, None, 2, 6),
    ("Physical therapy 2 times a week for 6 weeks (total of 8 visits)", 8, None, 2, 6),
    ("Physical therapy 1-2 times per week for 4-6 weeks, 20 sessions total", 12, 4, 2, 6),
])
def test_examples(text, total, minimum, freq, weeks):
    found = parse_visits(text)
    assert found is not None
    assert (found.total, found.minimum, found.frequency, found.weeks) == (total, minimum, freq,
                                                                          weeks)


@pytest.mark.parametrize(("text", "weeks"), [
    ("for four weeks", 4), ("Additional physical therapy for 4 weeks for the right hip", 4),
    # a request's only measure (blind1415_6)
    ("Work conditioning x 2 weeks for the right ankle", 2), ("FRP x2 weeks", 2),
    # not the "x" of a frequency ("2x 4 weeks") nor a weekly rate
    ("2x 4 weeks", None), ("3/x 4 weeks", None), ("therapy for the knee", None),
])
def test_a_duration_alone(text, weeks):
    found = parse_duration(text)
    assert (found[0] if found else None) == weeks


@pytest.mark.parametrize("text", [
    "x 6 hours", "4 hours per session", "working at least 24 hours a week", "x 12 hrs",
    "x-rays of the lumbar spine", "MRI of the L4-5 level", "C5-7 dermatomes", "rated 3-6/10",
    "on 10/14/13", "a 49-year-old patient", "Chapter 12 pages 130-132",
])
def test_no_request_is_read_from_text_without_one(text):
    assert parse_visits(text) is None


def test_frequency_without_duration_gives_no_total():
    found = parse_visits("Physical therapy, twice weekly for the left hip")
    assert found is not None and found.total is None and found.frequency == 2


def number(n: int, draw_word: bool) -> str:
    if draw_word and n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    return str(n)


@st.composite
def request(draw):
    form = draw(st.sampled_from(["axb", "per_week", "weeks_first", "x_total", "range", "total",
                                 "freq_word", "ranges"]))
    word = draw(st.booleans())
    freq = draw(st.integers(1, 5))
    weeks = draw(st.integers(1, 12))
    if form == "axb":
        sep = draw(st.sampled_from(["x", " x ", "X", " X", "×"]))
        return f"{freq}{sep}{weeks}", freq * weeks, None
    if form == "per_week":
        times = draw(st.sampled_from(["x", " times", "x a", " times a", "x per", " times per"]))
        unit = draw(st.sampled_from([" week", "/week", " wk"]))
        if times.endswith(("a", "per")) and unit.startswith("/"):
            unit = " week"
        link = draw(st.sampled_from([" for ", " x ", ", for "]))
        return (f"{number(freq, word)}{times}{unit}{link}{number(weeks, word)} weeks",
                freq * weeks, None)
    if form == "weeks_first":
        # "x 4 weeks, 3 times per week", "for six weeks at twice a week"
        lead = draw(st.sampled_from(["x ", "x", "for ", "over "]))
        link = draw(st.sampled_from([", ", " ", ", at ", " at "]))
        f = draw(st.sampled_from([f"{number(freq, word)} times per week", f"{freq}x/week",
                                  f"{freq} times a week"] + (
            [f"{FREQ_WORDS[freq]} a week"] if freq in FREQ_WORDS else [])))
        return f"{lead}{number(weeks, word)} weeks{link}{f}", freq * weeks, None
    if form == "freq_word":
        f = draw(st.sampled_from(sorted(FREQ_WORDS)))
        paren = draw(st.booleans())
        dur = f"for {number(weeks, word)} weeks"
        return (f"{FREQ_WORDS[f]} weekly {'(' + dur + ')' if paren else dur}", f * weeks, None)
    if form == "ranges":
        # "1-2 times per week for 6-8 weeks": at most the upper ends, at least the lower ends
        fewest = draw(st.integers(1, freq))
        shortest = draw(st.integers(1, weeks))
        f = f"{fewest}-{freq}" if fewest < freq else f"{freq}"
        w = f"{shortest}-{weeks}" if shortest < weeks else f"{weeks}"
        times = draw(st.sampled_from(["x/week", " times per week", " times a week"]))
        link = draw(st.sampled_from([" for ", " x "]))
        minimum = fewest * shortest if (fewest, shortest) != (freq, weeks) else None
        return f"{f}{times}{link}{w} weeks", freq * weeks, minimum
    if form == "x_total":
        total = draw(st.integers(1, 36))
        return f"x{draw(st.sampled_from(['', ' ']))}{total}", total, None
    if form == "range":
        low = draw(st.integers(1, 24))
        high = draw(st.integers(low + 1, 36))
        dash = draw(st.sampled_from(["-", " - ", "- ", " to "]))
        unit = draw(st.sampled_from(["sessions", "visits", "physical therapy visits"]))
        return f"{number(low, word)}{dash}{number(high, word)} {unit}", high, low
    total = draw(st.integers(1, 36))
    unit = draw(st.sampled_from(["sessions", "visits", "treatments", "additional sessions",
                                 "chiropractic visits"]))
    return f"{number(total, word)} {unit}", total, None


PREFIXES = st.sampled_from(["", "Physical therapy ", "Request for ", "Aquatic therapy: ",
                            "Chiropractic treatment "])
SUFFIXES = st.sampled_from(["", " for the lumbar spine", " to the left knee.", " (cervical)",
                            " for the bilateral upper extremities"])


@given(request(), PREFIXES, SUFFIXES)
def test_rendered_requests_parse_to_their_totals(req, prefix, suffix):
    text, total, minimum = req
    found = parse_visits(prefix + text + suffix)
    assert found is not None, text
    assert found.total == total, text
    assert found.minimum == minimum, text
    assert (prefix + text + suffix)[found.start:found.end].strip()


@given(st.integers(0, 59))
def test_number_words_round_trip(n):
    for word, value in WORDS.items():
        if value == n:
            assert to_int(word) == n
    assert to_int(str(n)) == n


@pytest.mark.parametrize(("text", "total", "quote"), [
    ("Aquatic therapy (8) sessions for the lumbar spine", 8, "(8) sessions"),
    ("Acupuncture for the lumbar spine #6", 6, "#6"),
    ("Chiropractic to the wrist and forearm QTY: 6", 6, "QTY: 6"),
])
def test_counts_in_parentheses_and_after_a_number_sign(text, total, quote):
    found = parse_visits(text)
    assert found is not None and found.total == total
    assert text[found.start:found.end] == quote


def test_a_number_sign_inside_a_word_or_a_dose_is_not_a_count():
    assert parse_visits("f(8) sessions") is None or parse_visits("f(8) sessions").total != 8
    assert parse_visits("Tramadol 50/100#2.5") is None


@pytest.mark.parametrize("said, total, weeks", [
    ("PT 2x4 then 1x4 for the right shoulder", 12, 8),
    ("3 times a week for 2 weeks followed by 2 times a week for 4 weeks", 14, 6),
    ("2x/week x 4 weeks, then 1x/week x 4 weeks", 12, 8),
])
def test_a_stepped_schedule_is_one_request_of_both_steps(said, total, weeks):
    # blind411_3, blind307_5: "2x4 then 1x4" is 12 visits over 8 weeks
    found = parse_visits(said)
    assert (found.total, found.weeks, found.frequency) == (total, weeks, None)


@given(st.integers(1, 3), st.integers(1, 6), st.integers(1, 3), st.integers(1, 6),
       st.sampled_from(["knee", "shoulder", "ankle"]), st.sampled_from([" and", ", and", " plus"]))
def test_a_course_for_each_side_is_one_request_of_both(f1, w1, f2, w2, part, joined):
    # blind1199_2: "2 times a week for 3 weeks for the right knee and 2 times a week for 3 weeks
    # for the left knee" is 12 visits; whether the sides share visits is not said
    said = (f"Physical therapy {f1} times a week for {w1} weeks for the right {part}{joined} "
            f"{f2} times a week for {w2} weeks for the left {part}")
    found = parse_visits(said)
    assert found.total == f1 * w1 + f2 * w2
    assert found.frequency is None
    assert found.weeks == (w1 if w1 == w2 else None)
    assert said[found.start:found.end].endswith(f"left {part}")


def test_courses_for_two_parts_are_not_one_request_of_both():
    # the other side of another part is no course of the same request
    said = ("Physical therapy 2 times a week for 3 weeks for the right knee and 2 times a week "
            "for 3 weeks for the left shoulder")
    assert parse_visits(said).total == 6


def test_a_schedule_followed_by_another_treatments_is_not_a_step():
    # "Aquatic therapy 2x4 followed by land-based therapy 2x4": two treatments
    assert parse_visits("Aquatic therapy 2x4 followed by land-based therapy 2x4").total == 8


@given(st.integers(1, 40), st.integers(1, 8), st.integers(0, 7))
def test_billing_units_make_whole_visits_or_none(visits, per_visit, extra):
    # "8 units, 2 units per visit" is 4 visits; units that leave part of a visit are no count
    units = visits * per_visit + extra % per_visit
    expected = visits if extra % per_visit == 0 else None
    assert visits_of_units(units, per_visit) == expected
    assert visits_of_units(units, 0) is None


@given(st.integers(1, 30), st.sampled_from(["PT", "OT", "chiro", "acupuncture"]),
       st.sampled_from(["for the lumbar spine", "to the neck", "", ", right knee"]),
       st.booleans())
def test_a_count_before_a_treatments_short_name_is_the_request(n, name, rest, in_words):
    # blind1246_5: "8 PT for the lumbar spine"
    count = next((w for w, v in NUMBER_WORDS.items() if v == n), str(n)) if in_words else str(n)
    found = parse_visits(f"{count} {name} {rest}".strip())
    assert found is not None and found.total == n


@pytest.mark.parametrize("text", ["December 8 PT evaluation", "On 12/8 PT was resumed",
                                  "2 PT evaluations", "December 8 PT for the knee"])
def test_a_number_before_pt_that_is_no_count(text):
    assert parse_visits(text) is None


@given(st.integers(1, 3), st.sampled_from(["for one month", "for 1 month", "for a month",
                                           "x 1 month"]))
def test_a_weekly_schedule_for_one_month_is_four_weeks(per_week, span):
    # blind1239_3: "acupuncture 2 times a week for one month" ("two treatments a week for one
    # month amounts to 8 treatments")
    found = parse_visits(f"Acupuncture {per_week} times a week {span} for the cervical spine")
    assert (found.total, found.frequency, found.weeks) == (per_week * 4, per_week, 4)


def test_a_weekly_schedule_over_a_range_of_months_gives_no_total():
    assert parse_visits("2 times a week for one to two months").total is None
