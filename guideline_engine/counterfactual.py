"""What would turn a denial into an approval: the engine re-decides altered facts and keeps
only the changes that really change the outcome. No suggestion is canned text; each is a set of
fact changes with the outcome the rules give once they are applied."""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Any

from .decide import as_of_date, decide
from .models import CaseFacts, Decision, Fact, Model, Outcome
from .rules import RuleBook

MAX_VISITS_TRIED = 60


class Change(Model):
    description: str
    changes: dict[str, Any]
    outcome: Outcome
    approvable_visits: int | None = None


def _with(facts: CaseFacts, changes: dict[str, Any]) -> CaseFacts:
    altered = facts.model_copy()
    for name, value in changes.items():
        setattr(altered, name, Fact.unknown("removed to test an outcome") if value is None
                else Fact(value=value, known=True, note="changed to test an outcome"))
    return altered


def _fi_subsection(facts: CaseFacts) -> str:
    """8 CCR 9792.20: functional improvement is (e) before 18 Jul 2009, (f) until 19 Apr 2015,
    and (e) again since (docs/figures.md §1.5)."""
    as_of = as_of_date(facts)
    if as_of is None:
        return "8 CCR 9792.20"
    if dt.date(2009, 7, 18) <= as_of < dt.date(2015, 4, 20):
        return "8 CCR 9792.20(f)"
    return "8 CCR 9792.20(e)"


def to_change_outcome(facts: CaseFacts, book: RuleBook, guideline: str | None = None,
                      decision: Decision | None = None) -> list[Change]:
    """The smallest sets of changes (one move, then two, then three) that make the request
    medically necessary. Moves: fewer visits, a lower weekly frequency, documenting functional
    improvement, documenting that there were no earlier sessions, documenting return to work,
    stating the number of visits. Every change listed was re-decided by the engine."""
    decision = decision or decide(facts, book, force=guideline)
    if decision.outcome == "overturned":
        return []

    def overturned(changes: dict[str, Any]) -> Decision | None:
        result = decide(_with(facts, changes), book, force=guideline)
        return result if result.outcome == "overturned" else None

    moves = _moves(facts)
    found: list[Change] = []
    winners: list[frozenset[str]] = []
    for size in (1, 2, 3):
        for combo in combinations(moves, size):
            names = frozenset(m.name for m in combo)
            if any(w <= names for w in winners):
                continue
            fixed = {k: v for m in combo if m.options is None for k, v in m.changes(None).items()}
            numeric = [m for m in combo if m.options is not None]
            result = _search(numeric, fixed, overturned)
            if result is None:
                continue
            changes, outcome = result
            winners.append(names)
            text = ", and ".join(m.describe(changes) for m in combo)
            found.append(Change(description=text, changes=changes, outcome=outcome.outcome,
                                approvable_visits=outcome.approvable_visits))
    return found


class _Move:
    def __init__(self, name: str, describe, changes, options: list[int] | None = None):
        self.name = name
        self.describe = describe
        self.changes = changes
        self.options = options  # candidate values, most preferred first; None: a fixed change


def _moves(facts: CaseFacts) -> list[_Move]:
    moves: list[_Move] = []
    requested = facts.requested_visits.value if facts.requested_visits.known else None
    freq = facts.requested_frequency_per_week
    weeks = facts.requested_weeks
    prior = facts.prior_sessions
    if requested is not None and requested > 1:
        def visits(n):
            out = {"requested_visits": n}
            if freq.known and freq.value:
                out["requested_weeks"] = -(-n // freq.value)
            return out
        moves.append(_Move("visits",
                           lambda c: f"request {c['requested_visits']} visits instead of "
                                     f"{requested}",
                           visits, list(range(requested - 1, 0, -1))))
    if requested is None:
        moves.append(_Move("state_visits",
                           lambda c: f"state the number of visits requested (up to "
                                     f"{c['requested_visits']} is supported)",
                           lambda n: {"requested_visits": n},
                           list(range(MAX_VISITS_TRIED, 0, -1))))
    if freq.known and freq.value > 1:
        def frequency(f):
            out = {"requested_frequency_per_week": f}
            if weeks.known:
                out["requested_visits"] = f * weeks.value
            return out
        moves.append(_Move("frequency",
                           lambda c: f"request {c['requested_frequency_per_week']} visits a "
                                     f"week instead of {freq.value}",
                           frequency, list(range(freq.value - 1, 0, -1))))
    fi = facts.functional_improvement
    if not (fi.known and fi.value == "documented") and not (prior.known and prior.value == 0):
        earlier = (f"the prior {prior.display()} sessions" if prior.known
                   else "the earlier treatment")
        moves.append(_Move("improvement",
                           lambda c: f"document objective functional improvement from "
                                     f"{earlier}, as {_fi_subsection(facts)} defines it",
                           lambda _: {"functional_improvement": "documented"}))
    if not prior.known:
        moves.append(_Move("no_prior",
                           lambda c: "document that no earlier sessions of this treatment were "
                                     "given",
                           lambda _: {"prior_sessions": 0, "prior_treatment": False}))
    if not facts.return_to_work.known:
        moves.append(_Move("return_to_work",
                           lambda c: "document that the worker has returned to work",
                           lambda _: {"return_to_work": True}))
    return moves


def _search(numeric: list[_Move], fixed: dict[str, Any], overturned):
    """The most preferred option values (searched in order) that overturn the decision."""
    if not numeric:
        result = overturned(fixed)
        return (fixed, result) if result else None
    first, rest = numeric[0], numeric[1:]
    for value in _ordered(first.options, lambda v: _search(rest, {**fixed, **first.changes(v)},
                                                           overturned) is not None):
        hit = _search(rest, {**fixed, **first.changes(value)}, overturned)
        if hit:
            return hit
    return None


def _ordered(options: list[int], works) -> list[int]:
    """The most preferred option that works, as a one-element list (empty if none does).
    Outcomes are monotone in the number of visits and the frequency (properties the tests
    check), so a binary search over the options, most preferred first, finds it."""
    lo, hi = 0, len(options) - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if works(options[mid]):
            best, hi = mid, mid - 1
        else:
            lo = mid + 1
    return [] if best is None else [options[best]]
