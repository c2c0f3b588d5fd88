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
    # durable-rules never frees a ruleset: only the rules the change touched (the massage file
    # and a file carrying its figure forward) were registered anew
    old_names = {r.name for r in book.per_file.values()}
    anew = sorted(key for key, r in changed.per_file.items() if r.name not in old_names)
    assert anew and all("massage" in key for key in anew)
    assert any(key.endswith("cpmtg-2009-massage.yaml") for key in anew)


def test_loading_the_same_rules_again_registers_nothing_new(book):
    again = load_rulebook(ROOT / "rulesets")
    assert again.router.name == book.router.name
    assert [r.name for r in again.per_file.values()] == [r.name for r in book.per_file.values()]
    assert check(FACTS, again).outcome == check(FACTS, book).outcome == "overturned"


def test_every_matching_condition_is_collected_while_the_host_dispatches_in_background():
    # durable-rules' host runs a timer thread that takes queued actions of every ruleset
    # (Ruleset.dispatch); an action it takes while `fire` runs would be lost or counted for the
    # next message. A dispatcher hammering the ruleset must change nothing.
    import sys
    import threading

    from durable.lang import get_host

    from guideline_engine.rules.engine import DurableRuleset

    conditions = {f"c{i}": {"$gte": {"n": i}} for i in range(12)}
    ruleset = DurableRuleset(conditions)
    stop = threading.Event()

    def dispatcher():
        rules = get_host().get_ruleset(ruleset.name)
        while not stop.is_set():
            rules.dispatch()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)   # switch threads often, as a loaded machine does
    thread = threading.Thread(target=dispatcher, daemon=True)
    thread.start()
    try:
        fired = [ruleset.fire({"n": 20}) for _ in range(300)]
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(interval)
    assert all(keys == list(conditions) for keys in fired)
