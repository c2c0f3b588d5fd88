"""An unstated request date is an interval; the request is decided under every edition the
interval (and the reviewer's citation) still allows."""

from __future__ import annotations

import datetime as dt

from guideline_engine.models import CountQualifier, Fact
from guideline_engine.precheck import build_facts
from guideline_engine.uncertainty import cited_period, decide_uncertain


def facts_between(earliest, latest, **values):
    facts = build_facts({"modality": "physical_therapy", "body_region": "lumbar",
                         "injury_date": dt.date(2008, 1, 2), "chronic": True, **values})
    facts.request_date = Fact(value=None, known=False, earliest=earliest, latest=latest,
                              note="the letter states no request date")
    return facts


def test_an_interval_inside_one_edition_is_decided_with_a_note(book):
    d = decide_uncertain(facts_between(dt.date(2014, 3, 1), dt.date(2014, 4, 1),
                                       requested_visits=12, prior_sessions=0), book)
    assert d.outcome == "upheld" and d.approvable_visits == 10
    assert any("2014-03-01 and 2014-04-01" in n and "same decision" in n for n in d.notes)


def test_an_interval_across_an_edition_boundary_that_splits_is_undetermined_naming_both(book):
    # 8 visits: before 18 Jul 2009 the MTUS had no chronic-pain physical medicine figures and
    # ODG's six-visit trial governs (upheld); from that day the CPMTG's 9-10 visits allow 8
    d = decide_uncertain(facts_between(dt.date(2009, 6, 1), dt.date(2009, 8, 1),
                                       requested_visits=8, prior_sessions=0), book)
    assert d.outcome == "undetermined"
    assert "upheld" in d.governing_reason and "overturned" in d.governing_reason
    assert "2009-07-18" in d.governing_reason


def test_the_reviewers_citation_narrows_the_interval_to_its_edition(book):
    facts = facts_between(dt.date(2009, 6, 1), dt.date(2009, 8, 1), requested_visits=8,
                          prior_sessions=0)
    d = decide_uncertain(facts, book, citation="MTUS Chronic Pain Medical Treatment "
                                               "Guidelines 2009, Physical Medicine")
    assert d.outcome == "overturned"
    assert any("2009-07-18 and 2009-08-01" in n and "Chronic Pain" in n for n in d.notes)


def test_with_no_date_but_the_injury_the_cited_edition_bounds_the_request(book):
    # blind91_5 (the seeds' layout, no header): no request, UR or decision date; the injury
    # (2014) and the reviewer's "MTUS Chronic Pain Medical Treatment 2009" bound the request
    facts = build_facts({"modality": "chiropractic", "body_region": "lumbar",
                         "requested_visits": 6, "prior_sessions": 0,
                         "injury_date": dt.date(2014, 1, 14)})
    assert not facts.request_date.known and facts.request_date.latest is None
    citation = "MTUS Chronic Pain Medical Treatment 2009, Section(s): Manual therapy"
    d = decide_uncertain(facts, book, citation=citation)
    assert d.outcome == "overturned"
    assert any("2014-01-14 and 2017-11-30" in n for n in d.notes)
    # with no citation naming an edition nothing bounds it
    assert decide_uncertain(facts, book).outcome == "undetermined"


def test_cited_editions():
    assert cited_period("Decision based on MTUS Chronic Pain Medical Treatment 2016").end == \
        dt.date(2017, 11, 30)
    assert cited_period("MTUS ACOEM Low Back Disorders (2017)").start == dt.date(2017, 12, 1)
    assert cited_period("MTUS Acupuncture Treatment 2007") is None
    # the document's title with no year names it too (blind97_5); with a later year, not
    assert cited_period("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Work "
                        "conditioning").end == dt.date(2017, 11, 30)
    assert cited_period("MTUS Chronic Pain Medical Treatment Guidelines 2018") is None
    # the title shortened (blind381_2)
    assert cited_period("Decision based on MTUS Chronic Pain Treatment Guidelines Physical "
                        "Medicine").end == dt.date(2017, 11, 30)


def test_editions_that_agree_on_the_outcome_but_not_the_visits_decide_with_the_lowest(book):
    # blind323_6: an interval across the end of a postsurgical period: upheld either way, 0
    # visits allowed inside the period and 2 outside it; not a split
    facts = build_facts({"modality": "physical_therapy", "body_region": "wrist_hand",
                         "injury_date": dt.date(2016, 6, 1), "requested_visits": 12,
                         "prior_sessions": 8, "sessions_since_surgery": 8,
                         "surgery": "right open carpal tunnel release",
                         "surgery_category": "carpal_tunnel_release",
                         "surgery_date": dt.date(2017, 2, 8),
                         "diagnosis_category": "carpal_tunnel_syndrome",
                         "functional_improvement": "documented"})
    facts.request_date = Fact(value=None, known=False, earliest=dt.date(2017, 5, 3),
                              latest=dt.date(2017, 5, 12), note="no request date")
    inside, outside = (decide_uncertain(facts.model_copy(update={"request_date": Fact(
        value=day, known=True)}), book) for day in (dt.date(2017, 5, 3), dt.date(2017, 5, 12)))
    assert inside.outcome == outside.outcome == "upheld"
    assert inside.approvable_visits != outside.approvable_visits
    d = decide_uncertain(facts, book)
    assert d.outcome == "upheld"
    assert d.approvable_visits == min(inside.approvable_visits, outside.approvable_visits)
    assert any("same outcome (upheld)" in n for n in d.notes)


def ranged(low, high, **values):
    facts = build_facts({"modality": "physical_therapy", "body_region": "lumbar",
                         "injury_date": dt.date(2015, 1, 2), "chronic": True,
                         "request_date": dt.date(2016, 11, 1), "prior_treatment": True,
                         "functional_improvement": "documented", **values})
    facts.prior_sessions = Fact(value=low, known=True, qualifier=CountQualifier.range,
                                upper=high, note="a range the letter gives")
    return facts


def test_a_range_of_earlier_sessions_giving_one_outcome_at_either_end_is_decided(book):
    # 2-3 earlier sessions + 6 stay within 9-10 at either end
    d = decide_uncertain(ranged(2, 3, requested_visits=6), book)
    assert d.outcome == "overturned"
    assert any("range (2 to 3)" in n and "either end" in n for n in d.notes)


def test_a_range_of_earlier_sessions_that_splits_is_not_shown_necessary(book):
    # blind564_4 ("approximately 12-15 visits to date"): within the course at one end, beyond
    # it at the other; the count the course depends on is not documented (burden of proof)
    facts = build_facts({"modality": "chiropractic", "body_region": "lumbar",
                         "injury_date": dt.date(2015, 1, 2), "chronic": True,
                         "request_date": dt.date(2016, 12, 22), "prior_treatment": True,
                         "functional_improvement": "documented", "requested_visits": 6})
    facts.prior_sessions = Fact(value=12, known=True, qualifier=CountQualifier.range, upper=15)
    at = {}
    for count in (12, 15):
        exact = facts.model_copy()
        exact.prior_sessions = Fact(value=count, known=True)
        at[count] = decide_uncertain(exact, book).outcome
    assert at == {12: "overturned", 15: "upheld"}
    d = decide_uncertain(facts, book)
    assert d.outcome == "upheld"
    assert any("overturned at 12, upheld at 15" in n and "not documented" in n for n in d.notes)
