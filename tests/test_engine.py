"""durable-rules isolation: nothing left behind, and two ruleset versions side by side."""

from __future__ import annotations

import datetime as dt
import shutil

from conftest import ROOT

from guideline_engine.precheck import check
from guideline_engine.rules import load_rulebook

FACTS = {"modality": "massage", "adjunct_to_active_treatment": True, "requested_visits": 5,
         "prior_sessions": 0, "injury_date": dt.date(2012, 1, 1),
         "request_date": dt.date(2014, 1, 1)}


def test_deciding_leaves_no_facts_behind(book):
    for visits in range(1, 30):
        check({**FACTS, "requested_visits": visits}, book)
    assert book.facts_held() == 0


def test_two_versions_side_by_side(tmp_path, book):
    copy = tmp_path / "rulesets"
    shutil.copytree(ROOT / "rulesets", copy)
    massage = copy / "mtus" / "cpmtg-2009-massage.yaml"
    text = massage.read_text()
    assert "figure: {min_visits: 4, visits: 6}" in text
    massage.write_text(text.replace("figure: {min_visits: 4, visits: 6}",
                                    "figure: {min_visits: 4, visits: 4}"))
    changed = load_rulebook(copy)
    assert check(FACTS, book).outcome == "overturned"
    assert check(FACTS, changed).outcome == "upheld"
    # and the original is untouched by the second registration
    assert check(FACTS, book).outcome == "overturned"
    assert changed.facts_held() == 0 and book.facts_held() == 0
